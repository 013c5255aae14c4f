//! A trained entity recogniser: an averaged perceptron over hashed features with Viterbi
//! decoding of BIO tags, small enough to ship in the page.
//!
//! - [`features`]: the feature templates (word, lower case, shapes, affixes, neighbours ±2,
//!   sentence position and style, gazetteer entries, document evidence, the rule
//!   recognizer's tags), hashed to 32-bit keys once per token.
//! - [`labels`]: the nine BIO tags as integers.
//! - [`format`]: the model file (header, sorted keys, `i8` weights, checksum).
//! - [`train`]: the averaged-perceptron trainer behind `marginalia train`.
//!
//! The model shipped with the engine is `model/entities.bin`, embedded at build time and
//! read on first use ([`embedded`]); see `model/README.md` for how it was trained.
//!
//! ```
//! use marginalia_core::entities::model::{embedded, ModelRecognizer};
//! use marginalia_core::{EntityRecognizer, Label, TextIndex};
//! let model = embedded().expect("the embedded model is valid");
//! let text = "Daniel Ek, the founder of Spotify, spoke in Stockholm.";
//! let found = ModelRecognizer::new(model).recognize(&TextIndex::new(text));
//! let got: Vec<(Label, &str)> = found.iter().map(|a| (a.label, a.span.slice(text))).collect();
//! assert!(got.contains(&(Label::Per, "Daniel Ek")));
//! ```

pub mod features;
pub mod format;
pub mod labels;
#[cfg(test)]
mod tests;
pub mod train;

use self::features::{Features, Group, Offset, Tok, NUM_TEMPLATES};
use self::labels::{allowed, is_inside, label_of, NUM_TAGS};
use crate::annotation::{Annotation, Label};
use crate::entities::gazetteer::{gazetteer, Cue, WordHashBuild};
use crate::entities::rules::{self, SentenceFacts};
use crate::entities::EntityRecognizer;
use crate::span::Span;
use crate::text::{TextIndex, TokenKind};
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// The model shipped with the engine (`model/entities.bin`).
pub const EMBEDDED: &[u8] = include_bytes!("../../model/entities.bin");

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ModelError {
    /// Fewer bytes than a header, transitions and checksum.
    TooShort {
        /// The length seen.
        len: usize,
    },
    /// The file does not start with [`format::MAGIC`].
    BadMagic,
    /// A format version this build cannot read.
    UnsupportedVersion(u16),
    /// Trained for other tags or feature templates than this build extracts.
    Incompatible {
        /// Tags in the file.
        tags: u8,
        /// Feature templates in the file.
        templates: u8,
        /// Feature version in the file.
        features: u32,
    },
    /// The checksum does not match the contents (a damaged file).
    Checksum,
    /// The file ends inside its weights.
    Truncated,
    /// The contents break the format's rules.
    Malformed(&'static str),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::TooShort { len } => write!(f, "model file too short ({len} bytes)"),
            ModelError::BadMagic => write!(f, "not an entity model file (bad magic)"),
            ModelError::UnsupportedVersion(v) => write!(f, "unsupported model format version {v}"),
            ModelError::Incompatible {
                tags,
                templates,
                features,
            } => write!(
                f,
                "model trained for {tags} tags, {templates} templates, feature version \
                 {features}; this build needs {NUM_TAGS}, {NUM_TEMPLATES}, {}",
                features::FEATURE_VERSION
            ),
            ModelError::Checksum => write!(f, "model checksum mismatch (damaged file)"),
            ModelError::Truncated => write!(f, "model file truncated"),
            ModelError::Malformed(what) => write!(f, "malformed model file: {what}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// A trained model: quantised emission weights per hashed feature and tag-to-tag transition
/// weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Features are hashed to this many bits.
    bits: u8,
    /// Feature keys (`bits` wide), sorted and distinct.
    keys: Vec<u32>,
    /// Emission weights, one row per key.
    rows: Vec<[i8; NUM_TAGS]>,
    /// Transition weights: `trans[prev][next]`, row `NUM_TAGS` for the sentence start.
    trans: Transitions,
    /// What one stored unit is worth in the trained weights.
    scale: f32,
    /// Open-addressing table, a power of two long and at most two-thirds full: each slot is
    /// `(key + 1) << 32 | row`, 0 when empty. Most lookups miss (rare features), and a miss
    /// reads only this compact array.
    table: Vec<u64>,
    /// A bit per [`FILTER_BITS`]-bit key prefix that some key has: most lookups miss, and a
    /// miss is usually answered by this small array (it stays in the cache) without touching
    /// the larger table.
    filter: Vec<u64>,
}

/// Bits of a key that the miss filter looks at: 2^20 bits, 128 KB.
const FILTER_BITS: u32 = 20;

/// The filter word and bit of `key`.
#[inline]
fn filter_slot(key: u32) -> (usize, u64) {
    let k = (key & ((1 << FILTER_BITS) - 1)) as usize;
    (k >> 6, 1u64 << (k & 63))
}

impl Model {
    /// Builds a model from its parts (keys sorted and distinct, one row per key).
    pub(crate) fn from_parts(
        bits: u8,
        keys: Vec<u32>,
        rows: Vec<[i8; NUM_TAGS]>,
        trans: Transitions,
        scale: f32,
    ) -> Model {
        let size = (keys.len().max(1) * 3 / 2 + 1).next_power_of_two();
        let mask = size - 1;
        let mut table = vec![0u64; size];
        for (i, &k) in keys.iter().enumerate() {
            let entry = (u64::from(k) + 1) << 32 | i as u64;
            let mut slot = k as usize & mask;
            // The table is at most two-thirds full, so a free slot is always found.
            for _ in 0..size {
                if let Some(e) = table.get_mut(slot) {
                    if *e == 0 {
                        *e = entry;
                        break;
                    }
                }
                slot = (slot + 1) & mask;
            }
        }
        let mut filter = vec![0u64; (1usize << FILTER_BITS) / 64];
        for &k in &keys {
            let (word, bit) = filter_slot(k & key_mask(bits));
            if let Some(w) = filter.get_mut(word) {
                *w |= bit;
            }
        }
        Model {
            bits,
            keys,
            rows,
            trans,
            scale,
            table,
            filter,
        }
    }

    /// Reads a model file ([`format`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        format::decode(bytes)
    }

    /// Writes the model file ([`format`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        format::encode(self)
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True for a model without feature weights.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The weight row of a feature key, if the model has one.
    #[inline]
    fn row(&self, key: u32) -> Option<&[i8; NUM_TAGS]> {
        let key = key & key_mask(self.bits);
        let (word, bit) = filter_slot(key);
        if self.filter.get(word).is_none_or(|w| w & bit == 0) {
            return None;
        }
        let mask = self.table.len().wrapping_sub(1);
        let mut slot = key as usize & mask;
        let want = u64::from(key) + 1;
        loop {
            let e = *self.table.get(slot)?;
            if e == 0 {
                return None;
            }
            if e >> 32 == want {
                return self.rows.get((e & 0xffff_ffff) as usize);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Emission scores of one token's features.
    #[inline]
    fn emission(&self, keys: &[u32]) -> [i32; NUM_TAGS] {
        let mut scores = [0i32; NUM_TAGS];
        for &k in keys {
            if let Some(row) = self.row(k) {
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
        }
        scores
    }

    /// The best tag of every token of `index`: Viterbi over each segment of `features`
    /// (see [`features::Features`]), `O` elsewhere.
    pub fn tag(&self, index: &TextIndex<'_>, features: &Features) -> Vec<u8> {
        let mut out = vec![0u8; index.tokens().len()];
        let mut back = Vec::new();
        let mut tags = Vec::new();
        let mut first = 0usize;
        let steps = Steps::new(&self.trans);
        for seg in &features.segments {
            tags.clear();
            viterbi(
                seg.len(),
                |k| self.emission(features.token(first + k)),
                &steps,
                &mut back,
                &mut tags,
            );
            first += seg.len();
            if let Some(slots) = out.get_mut(seg.clone()) {
                for (slot, &t) in slots.iter_mut().zip(&tags) {
                    *slot = t;
                }
            }
        }
        out
    }
}

/// The mask of `bits`-bit keys.
#[inline]
pub(crate) fn key_mask(bits: u8) -> u32 {
    if bits >= 32 {
        u32::MAX
    } else {
        (1u32 << bits) - 1
    }
}

impl Model {
    /// [`Model::tag`] without keeping every segment's features: each segment is decoded as
    /// soon as its tokens' facts are gathered, so memory stays small on long texts. The same
    /// scores as [`Model::tag`], faster: the templates of one word alone (its own, or as a
    /// neighbour) are summed once per distinct spelling ([`WordScores`]), and only the
    /// templates that depend on where a token stands are looked up per token.
    ///
    /// `facts` are the text's [`SentenceFacts`], `rule` the rule recognizer's output.
    pub fn tag_stream(
        &self,
        index: &TextIndex<'_>,
        facts: &SentenceFacts,
        rule: &RuleSpans<'_>,
    ) -> Vec<u8> {
        let mut out = vec![0u8; index.tokens().len()];
        self.decode(index, facts, rule, |range, tags| {
            if let Some(slots) = out.get_mut(range) {
                slots.copy_from_slice(tags);
            }
        });
        out
    }

    /// The entities of `index`: [`combine`] over [`Model::tag_stream`]'s tags, each segment
    /// merged as soon as it is decoded, while its tokens are still in the processor's cache.
    /// The same spans as `combine(index, facts, &model.tag_stream(index, facts, rule), rule)`.
    pub fn recognize_stream(
        &self,
        index: &TextIndex<'_>,
        facts: &SentenceFacts,
        rule: &RuleSpans<'_>,
    ) -> Vec<Annotation> {
        let mut out = Vec::new();
        self.decode(index, facts, rule, |range, tags| {
            merge_runs(
                index,
                facts,
                rule,
                token_spans(index, tags, range.start),
                &mut out,
            );
        });
        apply_overrides(rule, &mut out);
        out
    }

    /// Decodes each segment of `index` ([`features::walk`]) and calls `f` with its token
    /// range and tags, in text order; segments left out are all `O`.
    fn decode(
        &self,
        index: &TextIndex<'_>,
        facts: &SentenceFacts,
        rule: &RuleSpans<'_>,
        mut f: impl FnMut(std::ops::Range<usize>, &[u8]),
    ) {
        let mut back = Vec::new();
        let mut tags = Vec::new();
        let mut words = WordCache::default();
        let steps = Steps::new(&self.trans);
        // The summed weights of each context group ([`Group`]) per state met in the text.
        let mut states: HashMap<u64, Scores, WordHashBuild> = HashMap::default();
        // A lone word that the merge drops whatever its tag (`The`, `Mr` opening a sentence)
        // is not tagged.
        let dropped = |seg: &std::ops::Range<usize>| {
            seg.len() == 1 && loses_first(index, facts, &rule.starts, seg.start)
        };
        features::walk(
            index,
            facts,
            &rule.tags,
            |seg| !dropped(seg),
            |seg| {
                tags.clear();
                viterbi(
                    seg.len(),
                    |k| self.emission_at(seg, k, &mut words, &mut states),
                    &steps,
                    &mut back,
                    &mut tags,
                );
                f(seg.range.clone(), &tags);
            },
        );
    }

    /// The emission scores of a segment's `k`-th token, from the per-word and per-state
    /// caches.
    // Kept out of line: inlined into the decoder it makes the whole walk slower.
    #[inline(never)]
    fn emission_at(
        &self,
        seg: &features::Segment<'_>,
        k: usize,
        words: &mut WordCache,
        states: &mut HashMap<u64, Scores, WordHashBuild>,
    ) -> Scores {
        let [p2, p1, c, n1, n2] = seg.around(k);
        let mut scores = words.get(self, c).own;
        for (n, offset) in [(p2, 0), (p1, 1), (n1, 2), (n2, 3)] {
            if let Some(part) = words.get(self, n).around.get(offset) {
                add(&mut scores, part);
            }
        }
        for group in Group::ALL {
            let state = group.state(p1, c, n1);
            let part = states.entry(state).or_insert_with(|| {
                let mut part = [0i32; NUM_TAGS];
                for (t, v) in features::context_values(p1, c, n1) {
                    if Group::of(t) == Some(group) {
                        if let Some(row) = self.row(features::key(t, v)) {
                            add_row(&mut part, row);
                        }
                    }
                }
                part
            });
            add(&mut scores, part);
        }
        for (t, v) in features::pair_values(p1, c, n1) {
            if let Some(row) = self.row(features::key(t, v)) {
                add_row(&mut scores, row);
            }
        }
        scores
    }

    /// The scores of the templates that look at `tok`'s word alone.
    #[cold]
    fn word_scores(&self, tok: &Tok) -> WordScores {
        let sum = |values: &mut dyn Iterator<Item = (usize, u64)>| {
            let mut scores = [0i32; NUM_TAGS];
            for (t, v) in values {
                if let Some(row) = self.row(features::key(t, v)) {
                    add_row(&mut scores, row);
                }
            }
            scores
        };
        let offsets = [Offset::Prev2, Offset::Prev1, Offset::Next1, Offset::Next2];
        WordScores {
            own: sum(&mut features::word_values(tok).into_iter()),
            around: offsets.map(|o| sum(&mut features::neighbour_values(tok, o))),
        }
    }
}

/// Emission scores over the tags.
type Scores = [i32; NUM_TAGS];

/// Adds `more` to `scores`.
#[inline]
fn add(scores: &mut Scores, more: &Scores) {
    for (s, &m) in scores.iter_mut().zip(more) {
        *s += m;
    }
}

/// Adds a weight row to `scores`.
#[inline]
fn add_row(scores: &mut Scores, row: &[i8; NUM_TAGS]) {
    for (s, &w) in scores.iter_mut().zip(row) {
        *s += i32::from(w);
    }
}

/// The summed weights of the templates that look at one word alone: as the token tagged, and
/// as its neighbour two before, one before, one after, two after.
#[derive(Debug, Clone, Copy, Default)]
struct WordScores {
    own: Scores,
    around: [Scores; 4],
}

/// [`WordScores`] per distinct spelling of a text ([`Tok::id`]), computed on first use: the
/// two boundary markers first, then the spellings in the order of their ids.
#[derive(Debug, Default)]
struct WordCache(Vec<Option<WordScores>>);

impl WordCache {
    /// The scores of `tok`'s word.
    #[inline]
    fn get(&mut self, model: &Model, tok: &Tok) -> &WordScores {
        let slot = match tok.id.checked_sub(features::BOUNDARY_IDS[0]) {
            Some(b) => b as usize,
            None => tok.id as usize + features::BOUNDARY_IDS.len(),
        };
        if slot >= self.0.len() {
            self.0.resize(slot + 1, None);
        }
        self.0[slot].get_or_insert_with(|| model.word_scores(tok))
    }
}

/// Transition weights: `[prev][next]`, row `NUM_TAGS` for the start of a sentence.
pub(crate) type Transitions = [[i32; NUM_TAGS]; NUM_TAGS + 1];

/// A score below any reachable one (sums of it stay far from overflow).
const NEG: i32 = i32::MIN / 4;

/// Added to a transition that the tag scheme forbids (`I-X` after anything but `B-X`/`I-X`,
/// or opening a sentence): row `NUM_TAGS` is the start of a sentence. Built once, at compile
/// time, from [`allowed`].
const PENALTY: [[i32; NUM_TAGS]; NUM_TAGS + 1] = {
    let mut table = [[0i32; NUM_TAGS]; NUM_TAGS + 1];
    let mut p = 0;
    while p <= NUM_TAGS {
        let mut y = 0;
        while y < NUM_TAGS {
            let prev = if p == NUM_TAGS { None } else { Some(p as u8) };
            if !allowed(prev, y as u8) {
                table[p][y] = NEG;
            }
            y += 1;
        }
        p += 1;
    }
    table
};

/// Transition scores ready for decoding: the model's [`Transitions`] with the tag scheme's
/// [`PENALTY`] added, once per text rather than per token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Steps {
    /// Scores of opening a sentence with each tag.
    start: Scores,
    /// `next[prev][tag]`: scores of `tag` after `prev`.
    next: [Scores; NUM_TAGS],
}

impl Steps {
    /// The steps of `trans`.
    pub(crate) fn new(trans: &Transitions) -> Steps {
        let mut steps = Steps {
            start: [0; NUM_TAGS],
            next: [[0; NUM_TAGS]; NUM_TAGS],
        };
        let rows = steps
            .next
            .iter_mut()
            .chain(std::iter::once(&mut steps.start));
        for ((row, t), pen) in rows.zip(trans).zip(&PENALTY) {
            for ((r, &t), &pen) in row.iter_mut().zip(t).zip(pen) {
                *r = t + pen;
            }
        }
        steps
    }
}

/// The best tag sequence of `n` tokens whose emission scores `emit(k)` gives, appended to
/// `out` (Viterbi: linear in `n`, `I-X` only after `B-X` or `I-X`). `back` is scratch space.
pub(crate) fn viterbi(
    n: usize,
    mut emit: impl FnMut(usize) -> [i32; NUM_TAGS],
    steps: &Steps,
    back: &mut Vec<u8>,
    out: &mut Vec<u8>,
) {
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n * NUM_TAGS, 0);
    let mut score = emit(0);
    add(&mut score, &steps.start);
    for (k, back_k) in back.chunks_exact_mut(NUM_TAGS).enumerate().skip(1) {
        let e = emit(k);
        // For every tag at once: the best predecessor, the first of equals.
        let mut best = [i32::MIN; NUM_TAGS];
        let mut arg = [0u8; NUM_TAGS];
        for (p, (&s, row)) in score.iter().zip(&steps.next).enumerate() {
            for ((b, a), &t) in best.iter_mut().zip(arg.iter_mut()).zip(row) {
                let v = s + t;
                if v > *b {
                    *b = v;
                    *a = p as u8;
                }
            }
        }
        // A forbidden or unreachable predecessor scores about NEG lower than any reachable
        // allowed one, so it is never chosen while one of those exists.
        for ((slot, &b), &e) in score.iter_mut().zip(&best).zip(&e) {
            *slot = b.max(NEG) + e;
        }
        back_k.copy_from_slice(&arg);
    }
    let mut y = score
        .iter()
        .enumerate()
        .max_by_key(|&(i, &s)| (s, std::cmp::Reverse(i)))
        .map_or(0, |(i, _)| i as u8);
    let first = out.len();
    out.resize(first + n, 0);
    for k in (0..n).rev() {
        if let Some(slot) = out.get_mut(first + k) {
            *slot = y;
        }
        if k > 0 {
            y = back
                .get(k * NUM_TAGS + usize::from(y))
                .copied()
                .unwrap_or(0);
        }
    }
}

/// The embedded model, read and checked on first use. An error here is a build defect (a
/// test checks the embedded model); [`ModelRecognizer`] callers fall back to the rules.
pub fn embedded() -> Result<&'static Model, ModelError> {
    static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(EMBEDDED))
        .as_ref()
        .map_err(Clone::clone)
}

/// A labelled run of tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TokenSpan {
    first: usize,
    last: usize,
    label: Label,
}

/// The token runs of a tag sequence (`tags[k]` is the tag of token `first + k`): a run starts
/// at `B-X` (or at an `I-X` that does not continue one) and stays within a sentence.
fn token_spans(index: &TextIndex<'_>, tags: &[u8], first: usize) -> Vec<TokenSpan> {
    let tokens = index.tokens();
    let mut out = Vec::new();
    let mut open: Option<TokenSpan> = None;
    for (i, &tag) in (first..).zip(tags) {
        if tag == 0 {
            // Most tokens: `O` closes any open run.
            out.extend(open.take());
            continue;
        }
        let label = label_of(tag);
        let continues = is_inside(tag)
            && open.is_some_and(|o| {
                o.last + 1 == i
                    && Some(o.label) == label
                    && tokens.get(o.last).map(|t| t.sentence) == tokens.get(i).map(|t| t.sentence)
            });
        if continues {
            if let Some(o) = open.as_mut() {
                o.last = i;
            }
            continue;
        }
        out.extend(open.take());
        open = label.map(|label| TokenSpan {
            first: i,
            last: i,
            label,
        });
    }
    out.extend(open);
    out
}

/// The annotation of a token run; a trailing possessive (`Spotify’s`) is left out.
fn annotation(index: &TextIndex<'_>, s: TokenSpan) -> Option<Annotation> {
    let tokens = index.tokens();
    let (first, last) = (tokens.get(s.first)?, tokens.get(s.last)?);
    let end = last.span.start + rules::strip_possessive(last.text(index.text())).len();
    (end > first.span.start).then(|| Annotation::new(Span::new(first.span.start, end), s.label))
}

/// Spans of a tag sequence, as the model alone gives them: a span starts at `B-X` (or at an
/// `I-X` that does not continue one), and a trailing possessive (`Spotify’s`) is left out.
pub fn spans_of(index: &TextIndex<'_>, tags: &[u8]) -> Vec<Annotation> {
    token_spans(index, tags, 0)
        .into_iter()
        .filter_map(|s| annotation(index, s))
        .collect()
}

/// True for a word with a glued possessive (`Ek’s`).
fn possessive(word: &str) -> bool {
    rules::has_possessive(word)
}

/// True when a span starting at token `i` loses that token in [`combine`]: a title (`Mr`,
/// `Prime`) or an ordinary word opening a sentence (`The`, `Later`; not an initial such as
/// `A. Dale`), where no rule span starts (`rule_starts`: the rule spans' first tokens, sorted).
fn loses_first(
    index: &TextIndex<'_>,
    facts: &SentenceFacts,
    rule_starts: &[usize],
    i: usize,
) -> bool {
    let word = |i: usize| index.tokens().get(i).map_or("", |t| t.text(index.text()));
    let w = word(i);
    let ordinary = || {
        gazetteer().is_stopword(w)
            && facts.initial.get(i).copied().unwrap_or(false)
            && !(w.chars().count() == 1 && word(i + 1) == ".")
    };
    (is_title_word(w) || ordinary()) && rule_starts.binary_search(&i).is_err()
}

/// True for a title or a word that makes one (`Mr`, `President`, `Prime`).
fn is_title_word(w: &str) -> bool {
    let info = gazetteer().word(w);
    info.is(Cue::Title) || info.is(Cue::TitleModifier)
}

/// The model's tags turned into spans, with the rules kept where they are better:
///
/// - CoNLL writes `’s` as a token of its own, so the model never saw a possessive glued to a
///   word: a span does not run past one (`Daniel Ek’s Spotify`), and a rule span holding
///   one (`Anna’s Archive`, `Zorbix’s`) replaces the model's spans it overlaps.
/// - Titles and ordinary capitalised words (`Mr`, `The`, `Later`, `CEO`) at the start of a
///   span are left out unless the rules start a name there too; a span made only of them is
///   dropped.
/// - A name right after a title (`Mr. Smith`) is a person.
///
/// `facts` are the text's [`SentenceFacts`], `rule` the rule recognizer's output.
pub fn combine(
    index: &TextIndex<'_>,
    facts: &SentenceFacts,
    tags: &[u8],
    rule: &RuleSpans<'_>,
) -> Vec<Annotation> {
    let mut out = Vec::new();
    merge_runs(index, facts, rule, token_spans(index, tags, 0), &mut out);
    apply_overrides(rule, &mut out);
    out
}

/// [`combine`]'s work on the model's token runs `runs` (in text order), but for the rule
/// spans holding a possessive ([`apply_overrides`]): the merged spans are appended to `out`.
fn merge_runs(
    index: &TextIndex<'_>,
    facts: &SentenceFacts,
    rule: &RuleSpans<'_>,
    runs: Vec<TokenSpan>,
    out: &mut Vec<Annotation>,
) {
    if runs.is_empty() {
        return;
    }
    let rule_starts = &rule.starts;
    let text = index.text();
    let tokens = index.tokens();
    let g = gazetteer();
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let is_title = |i: usize| is_title_word(word(i));
    let title_before = |i: usize| {
        i.checked_sub(1).is_some_and(|p| {
            is_title(p) || (word(p) == "." && p.checked_sub(1).is_some_and(is_title))
        })
    };
    // The rules' label of a span starting at token `i`, if any (starts are sorted).
    let rule_label_at = |i: usize| {
        rule_starts
            .binary_search(&i)
            .ok()
            .and_then(|k| rule.spans.get(k))
            .map(|a| a.label)
    };
    // Split runs at a glued possessive; the rest takes the rules' label when they start a
    // name there.
    // Runs are also split at a comma (`Bank of England, Barclays`), which is dropped, and
    // lose leading and trailing punctuation (`. Smith` after `Mr`).
    let is_punct = |i: usize| tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct);
    let mut spans: Vec<TokenSpan> = Vec::with_capacity(runs.len());
    for s in runs {
        let mut rest = s;
        while let Some(p) = (rest.first..rest.last).find(|&p| possessive(word(p)) || word(p) == ",")
        {
            let comma = word(p) == ",";
            spans.push(TokenSpan {
                last: if comma { p.saturating_sub(1) } else { p },
                ..rest
            });
            rest = TokenSpan {
                first: p + 1,
                last: rest.last,
                label: rule_label_at(p + 1).unwrap_or(rest.label),
            };
        }
        spans.push(rest);
    }
    for s in &mut spans {
        while s.first < s.last && is_punct(s.first) {
            s.first += 1;
        }
        while s.last > s.first && is_punct(s.last) {
            s.last -= 1;
        }
    }
    spans.retain(|s| s.first <= s.last && !(s.first == s.last && is_punct(s.first)));
    for mut s in spans {
        // Titles and ordinary words opening a sentence (`Mr`, `The`) are left out.
        while s.first <= s.last && loses_first(index, facts, rule_starts, s.first) {
            s.first += 1;
        }
        let only_common = (s.first..=s.last).all(|i| g.is_stopword(word(i)));
        let next_rule = rule_starts.partition_point(|&r| r < s.first);
        let rules_overlap = rule_starts.get(next_rule).is_some_and(|&r| r <= s.last);
        if s.first > s.last || (only_common && !rules_overlap) {
            continue;
        }
        if title_before(s.first) && s.label != Label::Per {
            s.label = Label::Per;
        }
        out.extend(annotation(index, s));
    }
}

/// The last step of [`combine`]: a rule span holding a possessive (`Anna’s Archive`,
/// `Zorbix’s`) replaces the merged spans it overlaps. `out` is sorted and stays so.
fn apply_overrides(rule: &RuleSpans<'_>, out: &mut Vec<Annotation>) {
    let overrides: Vec<&Annotation> = rule
        .possessive
        .iter()
        .filter_map(|&k| rule.spans.get(k))
        .collect();
    if overrides.is_empty() {
        return;
    }
    // Both lists are sorted and non-overlapping: find the first override ending after the
    // span's start.
    out.retain(|m| {
        let k = overrides.partition_point(|r| r.span.end <= m.span.start);
        !overrides.get(k).is_some_and(|r| r.span.overlaps(&m.span))
    });
    out.extend(overrides.into_iter().cloned());
    out.sort_by_key(|a| (a.span.start, a.span.end));
}

/// The rule recognizer's output as the model reads it: the spans, the first token of each,
/// and every token's BIO tag under them, found once per text.
#[derive(Debug, Clone)]
pub struct RuleSpans<'r> {
    /// The rule recognizer's spans, sorted and not overlapping.
    spans: &'r [Annotation],
    /// The first token of each span.
    starts: Vec<usize>,
    /// The BIO tag of every token ([`features::tags_of`]).
    tags: Vec<u8>,
    /// The spans (their numbers) holding a token with a glued possessive (`Anna’s Archive`).
    possessive: Vec<usize>,
}

impl<'r> RuleSpans<'r> {
    /// The rule recognizer's `spans` on `index`.
    pub fn new(index: &TextIndex<'_>, spans: &'r [Annotation]) -> Self {
        let starts = index.tokens_at_or_after(spans.iter().map(|a| a.span.start));
        let text = index.text();
        // The spans holding a glued possessive, found on the same pass as the tags.
        let mut with_possessive: Vec<usize> = Vec::new();
        let tags = features::tags_from(index, spans, &starts, |k, t| {
            if with_possessive.last() != Some(&k) && possessive(t.text(text)) {
                with_possessive.push(k);
            }
        });
        RuleSpans {
            spans,
            starts,
            tags,
            possessive: with_possessive,
        }
    }
}

/// The trained recognizer: the rule recognizer's output is one of its features, and the
/// model decides. Never panics; linear in the length of the text.
#[derive(Debug, Clone, Copy)]
pub struct ModelRecognizer<'m> {
    model: &'m Model,
}

impl<'m> ModelRecognizer<'m> {
    /// A recognizer over `model`.
    pub fn new(model: &'m Model) -> Self {
        ModelRecognizer { model }
    }
}

impl EntityRecognizer for ModelRecognizer<'_> {
    fn recognize(&self, index: &TextIndex<'_>) -> Vec<Annotation> {
        if index.tokens().is_empty() {
            return Vec::new();
        }
        let facts = SentenceFacts::new(index);
        let spans = rules::recognize_with(index, &facts);
        let rule = RuleSpans::new(index, &spans);
        self.model.recognize_stream(index, &facts, &rule)
    }
}
