//! Feature extraction for the entity model: a fixed set of templates per token, each hashed to a
//! 32-bit key.
//!
//! Every token's own facts (its word, lower-case form, shapes, affixes, gazetteer entries, the
//! rule recognizer's tag, document evidence) are hashed once; the templates then combine them
//! with a template id by an integer mix. Nothing is allocated per feature.
//!
//! ```
//! use marginalia_core::entities::model::features::{extract, NUM_TEMPLATES};
//! use marginalia_core::TextIndex;
//! let index = TextIndex::new("Daniel Ek runs Spotify.");
//! let features = extract(&index, &[]);
//! let tagged: usize = features.segments.iter().map(|r| r.len()).sum();
//! assert_eq!(features.keys.len(), tagged * NUM_TEMPLATES);
//! ```

use super::labels::{tag_of, NUM_TAGS};
use crate::annotation::{Annotation, Label};
use crate::entities::gazetteer::{gazetteer, WordHashBuild};
use crate::entities::rules::{self, SentenceFacts, Style};
use crate::text::{TextIndex, TokenKind};
use std::collections::HashMap;

/// Bumped whenever a template changes meaning: a model trained on other features is refused.
pub const FEATURE_VERSION: u32 = 1;

/// Number of feature templates: every token has exactly this many keys.
pub const NUM_TEMPLATES: usize = 46;

/// Longest prefix or suffix used, in characters.
const AFFIX: usize = 4;

/// Characters of a word kept for hashing its lower-case form and affixes.
const MAX_CHARS: usize = 32;

/// One token's hashed facts.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tok {
    /// The spelling's number in the text, in order of first use ([`BOUNDARY_IDS`] for the
    /// boundary markers): callers cache per-word results under it.
    pub id: u32,
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    prefix: [u64; AFFIX],
    suffix: [u64; AFFIX],
    /// Bit flags, see the `F_*` constants.
    flags: u32,
    /// Gazetteer label of the word alone: 0 none, 1 + label index.
    gaz: u8,
    /// Gazetteer cue of the word: 0 none, 1 + cue number.
    cue: u8,
    /// The rule recognizer's BIO tag of the token (see [`super::labels`]).
    rule: u8,
    /// Document evidence: bit 0 seen capitalised mid-sentence, bit 1 seen in lower case.
    doc: u8,
}

const F_CAP: u32 = 1;
const F_INITIAL: u32 = 1 << 1;
const F_FIRST_NAME: u32 = 1 << 2;
const F_COUNTRY: u32 = 1 << 3;
const F_STOPWORD: u32 = 1 << 4;
const F_CAPS_SENTENCE: u32 = 1 << 5;
const F_HEADLINE: u32 = 1 << 6;
const F_POSSESSIVE: u32 = 1 << 7;
const F_DEMONYM: u32 = 1 << 8;
const F_ACRONYM: u32 = 1 << 9;

/// The hashed features of a text's name-like stretches.
///
/// Only *segments* are tagged: maximal runs of words holding a capital letter, within one
/// sentence, a single token between two of them included (`Bank of England`). Everything else
/// is `O` (lower-case words, numbers and punctuation around names name nothing), which keeps
/// tagging cheap; the features still see two tokens either side.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Token ranges of the segments, in text order.
    pub segments: Vec<std::ops::Range<usize>>,
    /// `NUM_TEMPLATES` keys per token of each segment, segments concatenated in order.
    pub keys: Vec<u32>,
}

impl Features {
    /// The keys of the `k`-th token counted over all segments (empty when out of range).
    pub fn token(&self, k: usize) -> &[u32] {
        let start = k.saturating_mul(NUM_TEMPLATES);
        self.keys
            .get(start..start.saturating_add(NUM_TEMPLATES))
            .unwrap_or(&[])
    }
}

/// FNV-1a step over one value.
#[inline]
fn fnv(h: u64, v: u64) -> u64 {
    (h ^ v).wrapping_mul(0x0100_0000_01b3)
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// Combines hashes cheaply before [`key`] mixes them (rotate and multiply).
#[inline]
fn cmb(v: u64) -> u64 {
    v.rotate_left(23).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The key of template `t` with value `v`: a 32-bit hash (one multiply-xor-shift round).
#[inline]
pub fn key(t: usize, v: u64) -> u32 {
    let h =
        (v ^ (t as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    ((h ^ (h >> 29)) >> 32) as u32
}

/// The class of a character in a word shape: `X`, `x`, `d`, or the character itself.
#[inline]
fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// A word's long shape (runs of a character class cut at four) and short shape (runs as one),
/// hashed one character class at a time.
struct ShapeHasher {
    shape: u64,
    short: u64,
    prev: u64,
    run: usize,
}

impl Default for ShapeHasher {
    fn default() -> Self {
        ShapeHasher {
            shape: FNV_START,
            short: FNV_START,
            prev: 0,
            run: 0,
        }
    }
}

impl ShapeHasher {
    /// Adds the next character's class.
    #[inline]
    fn push(&mut self, class: u64) {
        if class == self.prev {
            self.run += 1;
        } else {
            self.run = 1;
            self.short = fnv(self.short, class);
        }
        if self.run <= 4 {
            self.shape = fnv(self.shape, class);
        }
        self.prev = class;
    }
}

/// Hashes one token's own facts (no gazetteer, rules or document evidence yet).
fn token_facts(word: &str) -> Tok {
    if word.is_ascii() && word.len() <= MAX_CHARS {
        return ascii_facts(word.as_bytes());
    }
    let mut lower = [' '; MAX_CHARS];
    let mut n = 0usize;
    let mut shapes = ShapeHasher::default();
    let mut word_h = FNV_START;
    for c in word.chars() {
        word_h = fnv(word_h, u64::from(c));
        shapes.push(u64::from(shape_class(c)));
        if n < MAX_CHARS {
            let mut l = c.to_lowercase();
            let lc = match (l.next(), l.next()) {
                (Some(x), None) => x,
                _ => c,
            };
            if let Some(slot) = lower.get_mut(n) {
                *slot = lc;
            }
            n += 1;
        }
    }
    let chars = lower.get(..n).unwrap_or(&[]);
    let lower_h = chars.iter().fold(FNV_START, |h, &c| fnv(h, u64::from(c)));
    let (prefix, suffix) = affixes(chars, |&c| u64::from(c));
    Tok {
        word: word_h,
        lower: lower_h,
        shape: shapes.shape,
        short: shapes.short,
        prefix,
        suffix,
        ..Tok::default()
    }
}

/// The hashes of the first and last 1 to [`AFFIX`] units of a word (characters, or bytes of
/// an ASCII word), each unit read by `value`. Affixes as long as the word or longer add nothing
/// to the word itself, so they share a marker value.
fn affixes<T>(units: &[T], value: impl Fn(&T) -> u64) -> ([u64; AFFIX], [u64; AFFIX]) {
    let n = units.len();
    let hash = |part: &[T]| part.iter().fold(FNV_START, |h, u| fnv(h, value(u)));
    let mut prefix = [1u64; AFFIX];
    let mut suffix = [1u64; AFFIX];
    for (k, (p, s)) in (1..n).zip(prefix.iter_mut().zip(suffix.iter_mut())) {
        *p = hash(units.get(..k).unwrap_or(&[]));
        *s = hash(units.get(n - k..).unwrap_or(&[]));
    }
    (prefix, suffix)
}

/// The lower-case hash of a word alone (as [`token_facts`] computes it).
pub(crate) fn lower_hash(word: &str) -> u64 {
    if word.is_ascii() && word.len() <= MAX_CHARS {
        return word
            .bytes()
            .fold(FNV_START, |h, b| fnv(h, u64::from(b.to_ascii_lowercase())));
    }
    token_facts(word).lower
}

/// The class of an ASCII byte in a word shape.
#[inline]
fn ascii_class(b: u8) -> u8 {
    match b {
        b'A'..=b'Z' => b'X',
        b'a'..=b'z' => b'x',
        b'0'..=b'9' => b'd',
        _ => b,
    }
}

/// [`token_facts`] of an ASCII word of at most `MAX_CHARS` bytes: the same hashes, faster.
fn ascii_facts(word: &[u8]) -> Tok {
    let mut shapes = ShapeHasher::default();
    let (mut word_h, mut lower_h) = (FNV_START, FNV_START);
    for &b in word {
        word_h = fnv(word_h, u64::from(b));
        lower_h = fnv(lower_h, u64::from(b.to_ascii_lowercase()));
        shapes.push(u64::from(ascii_class(b)));
    }
    let (prefix, suffix) = affixes(word, |b| u64::from(b.to_ascii_lowercase()));
    Tok {
        word: word_h,
        lower: lower_h,
        shape: shapes.shape,
        short: shapes.short,
        prefix,
        suffix,
        ..Tok::default()
    }
}

/// The bytes of a token (empty when its span is not in `text`): no boundary checks, for
/// byte-level tests.
#[inline]
fn token_bytes<'t>(t: &crate::text::Token, text: &'t str) -> &'t [u8] {
    text.as_bytes().get(t.span.start..t.span.end).unwrap_or(&[])
}

/// True for a word holding a capital letter: the tokens that segments gather around.
#[inline]
fn has_capital(t: &crate::text::Token, text: &str) -> bool {
    if t.kind != TokenKind::Word {
        return false;
    }
    for &b in token_bytes(t, text) {
        if b.is_ascii_uppercase() {
            return true;
        }
        if !b.is_ascii() {
            return t.text(text).chars().any(char::is_uppercase);
        }
    }
    false
}

/// The segments of `index` (see [`Features`]).
pub fn segments(index: &TextIndex<'_>) -> Vec<std::ops::Range<usize>> {
    scan(index, |_, _| {})
}

/// The segments of `index`, with `f` called on every word token (its number and itself) on
/// the way, in text order: one pass over the tokens gathers both.
fn scan(
    index: &TextIndex<'_>,
    mut f: impl FnMut(usize, &crate::text::Token),
) -> Vec<std::ops::Range<usize>> {
    let text = index.text();
    let tokens = index.tokens();
    let mut out = Vec::new();
    for s in index.sentences() {
        let mut open: Option<std::ops::Range<usize>> = None;
        for (i, t) in s
            .tokens
            .clone()
            .zip(tokens.get(s.tokens.clone()).unwrap_or(&[]))
        {
            if t.kind != TokenKind::Word {
                continue;
            }
            f(i, t);
            if !has_capital(t, text) {
                continue;
            }
            match open.as_mut() {
                // One token between two capitalised words joins them (`Bank of England`).
                Some(o) if i <= o.end + 1 => o.end = i + 1,
                _ => {
                    out.extend(open.take());
                    open = Some(i..i + 1);
                }
            }
        }
        out.extend(open);
    }
    out
}

/// The facts of a word that do not depend on where it stands: hashes, gazetteer entries and
/// word flags. A possessive is a separate token in CoNLL (`Anna 's`) but not here (`Anna’s`):
/// the word's features are those of its stem, plus a flag.
fn word_facts(word: &str, kind: TokenKind, capitalised: bool) -> Tok {
    let g = gazetteer();
    let stem = if kind == TokenKind::Word {
        rules::strip_possessive(word)
    } else {
        word
    };
    let mut tok = token_facts(stem);
    let mut flags = 0;
    if kind == TokenKind::Word {
        if stem.len() != word.len() {
            flags |= F_POSSESSIVE;
        }
        let info = g.word(stem);
        if let Some(c) = info.cue {
            tok.cue = c as u8 + 1;
        }
        if capitalised {
            flags |= F_CAP;
            let caps = rules::is_acronym(stem);
            let label = info
                .phrase
                .or_else(|| if caps { g.phrase_upper(stem) } else { None });
            tok.gaz = label.and_then(label_index).map_or(0, |l| l + 1);
            if info.first_name {
                flags |= F_FIRST_NAME;
            }
            if g.is_country(stem) {
                flags |= F_COUNTRY;
            }
            if info.stopword {
                flags |= F_STOPWORD;
            }
            if rules::looks_like_demonym(stem) {
                flags |= F_DEMONYM;
            }
            if caps {
                flags |= F_ACRONYM;
            }
        }
    }
    tok.flags = flags;
    tok
}

/// The [`Tok::id`]s of the boundary markers before and after a sentence.
pub(crate) const BOUNDARY_IDS: [u32; 2] = [u32::MAX - 1, u32::MAX];

/// Outside the sentence: distinct values before and after.
const fn boundary(after: bool) -> Tok {
    let v = if after { 0xe05 } else { 0xb05 };
    Tok {
        id: BOUNDARY_IDS[after as usize],
        word: v,
        lower: v,
        shape: v,
        short: v,
        prefix: [v; AFFIX],
        suffix: [v; AFFIX],
        flags: 0,
        gaz: 0,
        cue: 0,
        rule: NUM_TAGS as u8 + after as u8,
        doc: 4,
    }
}

/// The index of a label in BIO tags: PER 0, ORG 1, LOC 2, MISC 3 (others none).
fn label_index(label: Label) -> Option<u8> {
    match label {
        Label::Per => Some(0),
        Label::Org => Some(1),
        Label::Loc => Some(2),
        Label::Misc => Some(3),
        _ => None,
    }
}

/// The BIO tag of every token under `entities` (spans on token starts; a span covers the
/// tokens that start inside it).
pub fn tags_of(index: &TextIndex<'_>, entities: &[Annotation]) -> Vec<u8> {
    let firsts = index.tokens_at_or_after(entities.iter().map(|a| a.span.start));
    tags_from(index, entities, &firsts, |_, _| {})
}

/// [`tags_of`], the first token of each span given (`firsts`, as
/// [`TextIndex::tokens_at_or_after`] finds them); `each(k, token)` is called with every token
/// under span `k` on the way, so that a caller looks at them in the same pass.
pub(crate) fn tags_from(
    index: &TextIndex<'_>,
    entities: &[Annotation],
    firsts: &[usize],
    mut each: impl FnMut(usize, &crate::text::Token),
) -> Vec<u8> {
    let tokens = index.tokens();
    let mut tags = vec![0u8; tokens.len()];
    for (k, (a, &first)) in entities.iter().zip(firsts).enumerate() {
        let label = label_index(a.label);
        let under = tokens.get(first..).unwrap_or(&[]).iter();
        for (i, t) in (first..).zip(under.take_while(|t| t.span.start < a.span.end)) {
            each(k, t);
            if let (Some(l), Some(slot)) = (label, tags.get_mut(i)) {
                *slot = tag_of(l, i != first);
            }
        }
    }
    tags
}

/// Extracts the features of every segment of `index` (see [`Features`]). `rule_entities` is
/// the rule recognizer's output on the same index (its tags are features).
pub fn extract(index: &TextIndex<'_>, rule_entities: &[Annotation]) -> Features {
    let mut out = Features::default();
    let facts = SentenceFacts::new(index);
    visit(index, &facts, rule_entities, |seg, keys| {
        out.segments.push(seg);
        out.keys.extend_from_slice(keys);
    });
    out
}

/// Calls `f` with each segment of `index` and its tokens' keys (`NUM_TEMPLATES` per token),
/// in text order. Memory stays proportional to the longest segment plus the distinct words.
/// `facts` are the text's [`SentenceFacts`].
pub fn visit(
    index: &TextIndex<'_>,
    facts: &SentenceFacts,
    rule_entities: &[Annotation],
    mut f: impl FnMut(std::ops::Range<usize>, &[u32]),
) {
    let mut keys: Vec<u32> = Vec::new();
    walk(
        index,
        facts,
        &tags_of(index, rule_entities),
        |_| true,
        |seg| {
            keys.clear();
            for k in 0..seg.len() {
                let [p2, p1, c, n1, n2] = seg.around(k);
                let mut values = [0u64; NUM_TEMPLATES];
                let groups = word_values(c)
                    .into_iter()
                    .chain(neighbour_values(p2, Offset::Prev2))
                    .chain(neighbour_values(p1, Offset::Prev1))
                    .chain(neighbour_values(n1, Offset::Next1))
                    .chain(neighbour_values(n2, Offset::Next2))
                    .chain(context_values(p1, c, n1));
                for (t, v) in groups {
                    if let Some(slot) = values.get_mut(t) {
                        *slot = v;
                    }
                }
                keys.extend(values.iter().enumerate().map(|(t, &v)| key(t, v)));
            }
            f(seg.range.clone(), &keys);
        },
    );
}

/// One segment's tokens, padded with two neighbours either side (boundary markers outside
/// the sentence).
pub(crate) struct Segment<'w> {
    /// The segment's token range.
    pub range: std::ops::Range<usize>,
    /// `range.len() + 4` facts: token `range.start + k` is at `k + 2`.
    toks: &'w [Tok],
}

impl Segment<'_> {
    /// Number of tokens in the segment.
    pub fn len(&self) -> usize {
        self.range.len()
    }

    /// The facts of the segment's `k`-th token and its neighbours: two before, itself, two
    /// after.
    #[inline]
    pub fn around(&self, k: usize) -> [&Tok; 5] {
        let five = self.toks.get(k..k + 5).unwrap_or(&[]);
        let at = |j: usize| five.get(j).unwrap_or(&BOUNDARY_AFTER);
        [at(0), at(1), at(2), at(3), at(4)]
    }
}

/// Where a neighbour stands relative to the token being tagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Offset {
    /// Two tokens before.
    Prev2,
    /// The token before.
    Prev1,
    /// The token after.
    Next1,
    /// Two tokens after.
    Next2,
}

/// The templates of a token's own word (fixed per spelling): `(template, value)`.
#[inline]
pub(crate) fn word_values(c: &Tok) -> [(usize, u64); 16] {
    [
        (0, 0),
        (1, c.word),
        (2, c.lower),
        (3, c.shape),
        (4, c.short),
        (5, c.prefix[0]),
        (6, c.prefix[1]),
        (7, c.prefix[2]),
        (8, c.prefix[3]),
        (9, c.suffix[0]),
        (10, c.suffix[1]),
        (11, c.suffix[2]),
        (12, c.suffix[3]),
        (33, u64::from(c.gaz)),
        (34, u64::from(c.cue)),
        (
            45,
            cmb(c.lower) ^ u64::from(c.gaz) ^ cmb(u64::from(c.flags & F_FIRST_NAME)),
        ),
    ]
}

/// The templates that look at one neighbour's word alone (fixed per spelling and offset).
#[inline]
pub(crate) fn neighbour_values(n: &Tok, offset: Offset) -> impl Iterator<Item = (usize, u64)> {
    let gaz = u64::from(n.cue) * 64 + u64::from(n.gaz);
    let (lower, short, cue_gaz) = match offset {
        Offset::Prev1 => (13, 17, Some(35)),
        Offset::Next1 => (14, 18, Some(36)),
        Offset::Prev2 => (15, 19, None),
        Offset::Next2 => (16, 20, None),
    };
    [(lower, n.lower), (short, n.short)]
        .into_iter()
        .chain(cue_gaz.map(|t| (t, gaz)))
}

/// The templates that depend on where the token stands: word pairs, the rules' tags, sentence
/// position and style, document evidence.
#[inline]
pub(crate) fn context_values(p1: &Tok, c: &Tok, n1: &Tok) -> [(usize, u64); 20] {
    let style = u64::from(c.flags & (F_CAPS_SENTENCE | F_HEADLINE));
    let init = u64::from(c.flags & F_INITIAL);
    let cap = u64::from(c.flags & F_CAP);
    [
        (21, cmb(p1.lower) ^ c.lower),
        (22, cmb(c.lower) ^ n1.lower),
        (23, cmb(cmb(p1.short) ^ c.short) ^ n1.short),
        (24, u64::from(c.rule)),
        (25, u64::from(p1.rule)),
        (26, u64::from(n1.rule)),
        (27, cmb(u64::from(c.rule)) ^ c.short),
        (28, cmb(u64::from(c.rule)) ^ c.lower),
        (
            29,
            cmb(u64::from(p1.rule) * 16 + u64::from(c.rule)) ^ u64::from(n1.rule),
        ),
        (30, cmb(init | style) ^ c.short),
        (31, cmb(init | style) ^ c.lower),
        (32, u64::from(c.flags)),
        (37, u64::from(p1.flags) * 8 + u64::from(p1.gaz)),
        (38, u64::from(n1.flags) * 8 + u64::from(n1.gaz)),
        (39, u64::from(c.doc) * 16 + init * 4 + cap * 2 + style),
        (40, cmb(u64::from(c.doc) * 16 + init) ^ c.short),
        (41, cmb(p1.lower) ^ c.short),
        (42, cmb(n1.lower) ^ c.short),
        (43, cmb(style) ^ c.lower),
        (44, cmb(u64::from(p1.rule)) ^ c.short ^ cmb(n1.short)),
    ]
}

/// Context templates whose values follow from a few small facts of the token and its
/// neighbours (their *state*): a tagger may sum a group's weights once per state and text.
/// The other context templates pair two words and are looked up per token
/// ([`pair_values`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Group {
    /// The rules' tags of the token and its neighbours, the token's flags and document
    /// evidence, the neighbours' flags and gazetteer labels (templates 24, 25, 26, 29, 32, 37,
    /// 38, 39).
    Position = 1,
    /// The token's word with its rule tag, position and evidence (27, 28, 30, 31, 40, 43).
    WordState,
}

impl Group {
    /// Every group.
    pub const ALL: [Group; 2] = [Group::Position, Group::WordState];

    /// The group of a context template (`None`: a word pair, see [`pair_values`]).
    #[inline]
    pub fn of(template: usize) -> Option<Group> {
        match template {
            24 | 25 | 26 | 29 | 32 | 37 | 38 | 39 => Some(Group::Position),
            27 | 28 | 30 | 31 | 40 | 43 => Some(Group::WordState),
            _ => None,
        }
    }

    /// The group's state at a token: equal states give equal template values (the group's
    /// number is in the top byte, so states of different groups never meet).
    #[inline]
    pub fn state(self, p1: &Tok, c: &Tok, n1: &Tok) -> u64 {
        // Rule tags take 4 bits (at most 10), flags 10, gazetteer labels and evidence 3.
        let side = |t: &Tok| u64::from(t.flags & 0x3ff) << 3 | u64::from(t.gaz & 7);
        let state = match self {
            Group::Position => {
                let rules = u64::from(p1.rule & 15) << 8
                    | u64::from(c.rule & 15) << 4
                    | u64::from(n1.rule & 15);
                rules << 39
                    | u64::from(c.flags & 0x3ff) << 29
                    | u64::from(c.doc & 7) << 26
                    | side(p1) << 13
                    | side(n1)
            }
            Group::WordState => {
                let position = c.flags & (F_INITIAL | F_CAPS_SENTENCE | F_HEADLINE);
                u64::from(c.id) << 24
                    | u64::from(c.rule) << 16
                    | u64::from(position) << 8
                    | u64::from(c.doc)
            }
        };
        (self as u64) << 56 | state
    }
}

/// The context templates that pair two words (21, 22, 23, 41, 42, 44): looked up per token.
#[inline]
pub(crate) fn pair_values(p1: &Tok, c: &Tok, n1: &Tok) -> [(usize, u64); 6] {
    [
        (21, cmb(p1.lower) ^ c.lower),
        (22, cmb(c.lower) ^ n1.lower),
        (23, cmb(cmb(p1.short) ^ c.short) ^ n1.short),
        (41, cmb(p1.lower) ^ c.short),
        (42, cmb(n1.lower) ^ c.short),
        (44, cmb(u64::from(p1.rule)) ^ c.short ^ cmb(n1.short)),
    ]
}

/// The end-of-sentence marker (also what a missing neighbour reads as).
static BOUNDARY_AFTER: Tok = boundary(true);

/// Calls `f` with each segment of `index` (see [`Features`]) that `keep` keeps, its tokens'
/// facts gathered, in text order. Each distinct spelling's facts are computed once and carry
/// a [`Tok::id`] for the caller's own per-word caches. `rule_tags` are the rule recognizer's
/// tags ([`tags_of`]).
pub(crate) fn walk(
    index: &TextIndex<'_>,
    facts: &SentenceFacts,
    rule_tags: &[u8],
    keep: impl Fn(&std::ops::Range<usize>) -> bool,
    mut f: impl FnMut(&Segment<'_>),
) {
    let text = index.text();
    let tokens = index.tokens();
    let (styles, initial) = (&facts.styles, &facts.initial);
    let (segments, seen) = segments_and_evidence(index, facts);
    if segments.is_empty() {
        return;
    }
    let mut cache: HashMap<&str, Tok, WordHashBuild> = HashMap::default();
    let mut tok_at = |i: usize| -> Tok {
        let Some(t) = tokens.get(i) else {
            return Tok::default();
        };
        let word = t.text(text);
        // The word's own facts, once per distinct spelling in the text.
        let next_id = cache.len() as u32;
        let mut tok = *cache.entry(word).or_insert_with(|| Tok {
            id: next_id,
            ..word_facts(word, t.kind, t.is_capitalised(text))
        });
        if initial.get(i).copied().unwrap_or(false) {
            tok.flags |= F_INITIAL;
        }
        match styles.get(t.sentence).copied() {
            Some(Style::Caps) => tok.flags |= F_CAPS_SENTENCE,
            Some(Style::Headline) => tok.flags |= F_HEADLINE,
            _ => {}
        }
        tok.rule = rule_tags.get(i).copied().unwrap_or(0);
        tok
    };
    let before = boundary(false);
    let after = boundary(true);
    let sentences = index.sentences();
    let mut window: Vec<Tok> = Vec::new();
    for seg in segments {
        if !keep(&seg) {
            continue;
        }
        let Some(range) = tokens
            .get(seg.start)
            .and_then(|t| sentences.get(t.sentence))
            .map(|s| s.tokens.clone())
        else {
            continue;
        };
        // The segment's tokens and two either side, boundary markers outside the sentence.
        window.clear();
        for j in seg.start as isize - 2..seg.end as isize + 2 {
            let tok = if j < range.start as isize {
                before
            } else if j >= range.end as isize {
                after
            } else {
                let i = j as usize;
                let mut tok = tok_at(i);
                if tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word) {
                    tok.doc = seen.get(&tok.lower).copied().unwrap_or(0);
                }
                tok
            };
            window.push(tok);
        }
        f(&Segment {
            range: seg,
            toks: &window,
        });
    }
}

/// The segments of `index` ([`segments`]) and the document evidence of their capitalised
/// words, per lower-case hash of the word's stem ([`lower_hash`]): bit 0, seen capitalised in
/// the middle of an ordinary sentence; bit 1, seen in lower case. One pass over the tokens.
pub(crate) fn segments_and_evidence(
    index: &TextIndex<'_>,
    facts: &SentenceFacts,
) -> (Vec<std::ops::Range<usize>>, HashMap<u64, u8, WordHashBuild>) {
    let text = index.text();
    let mut evidence = Evidence::default();
    let segments = scan(index, |i, t| {
        let bytes = token_bytes(t, text);
        match bytes.first() {
            Some(b) if b.is_ascii_uppercase() => evidence.capitalised(i, t, text, facts),
            Some(b) if b.is_ascii_lowercase() && bytes.is_ascii() => {
                // A stem as `rules::strip_possessive` finds it, in ASCII.
                let stem = match bytes {
                    [stem @ .., b'\'', b's' | b'S'] if !stem.is_empty() => stem,
                    _ => bytes,
                };
                match pack_lower(stem) {
                    Some(packed) => evidence.short.insert(packed),
                    None => {
                        let word = t.text(text);
                        evidence
                            .long
                            .insert(lower_hash(word.get(..stem.len()).unwrap_or(word)))
                    }
                };
            }
            Some(_) => {
                let first = t.first_char(text);
                if first.is_uppercase() {
                    evidence.capitalised(i, t, text, facts);
                } else if first.is_lowercase() {
                    evidence.lower_case(rules::strip_possessive(t.text(text)));
                }
            }
            None => {}
        }
    });
    (segments, evidence.finish())
}

/// A lower-case form of up to eight ASCII bytes as one number (bytes in order, zeros after):
/// equal forms give equal numbers, and no two forms share one.
#[inline]
fn pack_lower(ascii: &[u8]) -> Option<u64> {
    if ascii.len() > 8 {
        return None;
    }
    Some(
        ascii
            .iter()
            .rev()
            .fold(0u64, |v, &b| v << 8 | u64::from(b.to_ascii_lowercase())),
    )
}

/// A stem's lower-case form as [`lower_hash`] reads it (characters lower-cased one to one,
/// the first [`MAX_CHARS`]), as [`pack_lower`] packs it when it is short ASCII, else `Err`
/// with its hash.
fn lower_code(stem: &str) -> Result<u64, u64> {
    let mut lower = [0u8; 8];
    let mut n = 0usize;
    for c in stem.chars().take(MAX_CHARS) {
        let mut l = c.to_lowercase();
        let c = match (l.next(), l.next()) {
            (Some(x), None) => x,
            _ => c,
        };
        match (u8::try_from(c), lower.get_mut(n)) {
            (Ok(b), Some(slot)) if b.is_ascii() => *slot = b,
            _ => return Err(lower_hash(stem)),
        }
        n += 1;
    }
    pack_lower(lower.get(..n).unwrap_or(&[])).ok_or_else(|| lower_hash(stem))
}

/// What [`segments_and_evidence`] gathers on its pass.
#[derive(Default)]
struct Evidence {
    /// Stem number by lower-case hash, for the capitalised words' stems.
    ids: HashMap<u64, usize, WordHashBuild>,
    /// Per stem number: its evidence bits and its [`lower_code`].
    stems: Vec<(u8, Result<u64, u64>)>,
    /// The lower-case words' stems that [`pack_lower`] packs.
    short: std::collections::HashSet<u64, WordHashBuild>,
    /// The hashes of the other lower-case words' stems.
    long: std::collections::HashSet<u64, WordHashBuild>,
}

impl Evidence {
    /// A capitalised word (token `i`): its stem is tracked, and seen capitalised if the
    /// sentence is ordinary and the word does not open it.
    fn capitalised(&mut self, i: usize, t: &crate::text::Token, text: &str, facts: &SentenceFacts) {
        let stem = rules::strip_possessive(t.text(text));
        let next = self.stems.len();
        let id = *self.ids.entry(lower_hash(stem)).or_insert(next);
        if id == next {
            self.stems.push((0, lower_code(stem)));
        }
        let ordinary = !facts.initial.get(i).copied().unwrap_or(false)
            && !matches!(
                facts.styles.get(t.sentence),
                Some(Style::Caps | Style::Headline)
            );
        if let (true, Some((bits, _))) = (ordinary, self.stems.get_mut(id)) {
            *bits |= 1;
        }
    }

    /// A lower-case word's stem.
    fn lower_case(&mut self, stem: &str) {
        match lower_code(stem) {
            Ok(packed) => self.short.insert(packed),
            Err(hash) => self.long.insert(hash),
        };
    }

    /// The evidence bits by lower-case hash.
    fn finish(self) -> HashMap<u64, u8, WordHashBuild> {
        let Evidence {
            ids,
            stems,
            short,
            long,
        } = self;
        ids.into_iter()
            .filter_map(|(hash, id)| {
                let &(bits, code) = stems.get(id)?;
                let lower = match code {
                    Ok(packed) => short.contains(&packed),
                    Err(hash) => long.contains(&hash),
                };
                Some((hash, bits | if lower { 2 } else { 0 }))
            })
            .collect()
    }
}

/// The hashes of a word's long shape (`Xxxx` for `Washington`, runs cut at four) and short
/// shape (`Xx`, `X.X.`, `d,d`): equal shapes give equal hashes.
pub fn shapes(word: &str) -> (u64, u64) {
    let t = token_facts(word);
    (t.shape, t.short)
}
