//! The rules of the rule-based recognizer, as small reusable pieces.
//!
//! The recognizer works in four steps:
//!
//! 1. **Sentence styles** ([`sentence_styles`]): ordinary sentences, all-caps lines and
//!    title-case headlines are treated differently, so that shouted or title-cased text never
//!    becomes one giant entity.
//! 2. **Document evidence** ([`DocEvidence`]): which capitalised words appear in mid-sentence
//!    somewhere in the document. A word at the start of a sentence, a headline or a quotation
//!    (`Critics say...`) only counts as a name with such evidence or a gazetteer entry.
//! 3. **Runs** ([`Recognizer::run_end`]): maximal sequences of capitalised words with inner
//!    connectors (`Bank of England`, `Charles de Gaulle`, `Musicians’ Union`, `Anna’s Archive`,
//!    `J. K. Rowling`); titles (`Mr`, `Prime Minister`) break runs and cue a person.
//! 4. **Classification** ([`Recognizer::classify`]): gazetteer, title, suffix, first-name,
//!    appositive and context rules give each run (or its parts) a label and a strength; a
//!    document-level pass then gives weak and unlabelled mentions the label a strong mention
//!    of the same name received (`Ek` after `Daniel Ek`).
//!
//! Everything is linear in the number of tokens: each token is looked at a bounded number of
//! times and lookups are hash-map probes on slices of the text (no allocation per token).

use super::gazetteer::{gazetteer, Cue, Gazetteer, WordHashBuild, WordInfo};
use crate::annotation::{Annotation, Label};
use crate::span::Span;
use crate::text::{TextIndex, Token, TokenKind};
use std::collections::{HashMap, HashSet};

/// How a sentence is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Ordinary mixed-case prose.
    Normal,
    /// All capitals (`LONDON 1996-08-30`, `SPOTIFY SIGNS DEAL`): only known names are marked.
    Caps,
    /// Title case (`Spotify Signs Licensing Deal As Row Deepens`): a line without final
    /// punctuation or a final number whose words of four or more letters are all capitalised (at
    /// least four, at most one comma or bracket). Only names that are known, or seen in
    /// ordinary sentences, are marked.
    Headline,
}

/// Per-sentence and per-token facts that the rules, the model's features and the merge of the
/// two all ask: computed once per text and shared.
///
/// ```
/// use marginalia_core::entities::rules::{SentenceFacts, Style};
/// use marginalia_core::TextIndex;
/// let index = TextIndex::new("SPOTIFY SIGNS DEAL\nThe firm said so.");
/// let facts = SentenceFacts::new(&index);
/// assert_eq!(facts.styles, [Style::Caps, Style::Normal]);
/// assert!(facts.initial[3]); // `The`
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceFacts {
    /// [`sentence_styles`]: the style of each sentence.
    pub styles: Vec<Style>,
    /// [`initial_flags`]: whether each token stands where any word is capitalised.
    pub initial: Vec<bool>,
}

impl SentenceFacts {
    /// The facts of `index`.
    pub fn new(index: &TextIndex<'_>) -> Self {
        SentenceFacts {
            styles: sentence_styles(index),
            initial: initial_flags(index),
        }
    }
}

/// The style of each sentence of `index`, in order.
pub fn sentence_styles(index: &TextIndex<'_>) -> Vec<Style> {
    let text = index.text();
    let tokens = index.tokens();
    index
        .sentences()
        .iter()
        .map(|s| {
            let sentence = tokens.get(s.tokens.clone()).unwrap_or(&[]);
            sentence_style(sentence, text, s.starts_paragraph)
        })
        .collect()
}

/// What one word tells about the style of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordShape {
    /// It has a lower-case letter.
    lower: bool,
    /// It has no lower-case letter and two or more letters (`BBC`).
    upper: bool,
    /// It has more than three characters (headlines ask these to be capitalised).
    long: bool,
    /// It is long and its first character is upper-case.
    capitalised: bool,
}

impl WordShape {
    /// The shape of word token `t`.
    fn of(t: &Token, text: &str) -> Self {
        let w = t.text(text);
        if w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
            // The common case, decided without a scan: lower-case and not capitalised.
            let long = w.len() > 3 && w.chars().nth(3).is_some();
            return WordShape {
                lower: true,
                upper: false,
                long,
                capitalised: false,
            };
        }
        let (mut has_lower, mut letters, mut chars) = (false, 0, 0);
        if w.is_ascii() {
            // Same counts as below, without decoding.
            for &b in w.as_bytes() {
                chars += 1;
                if b.is_ascii_alphabetic() {
                    letters += 1;
                    has_lower |= b.is_ascii_lowercase();
                }
            }
        } else {
            for c in w.chars() {
                chars += 1;
                if c.is_alphabetic() {
                    letters += 1;
                    has_lower |= c.is_lowercase();
                }
            }
        }
        let long = chars > 3;
        WordShape {
            lower: has_lower,
            upper: !has_lower && letters >= 2,
            long,
            capitalised: long && t.first_char(text).is_uppercase(),
        }
    }
}

/// The style of one sentence (its tokens, and whether a line break comes before it).
fn sentence_style(tokens: &[Token], text: &str, starts_paragraph: bool) -> Style {
    let (mut upper, mut lower, mut capitalised, mut words) = (0usize, 0usize, 0, 0);
    let mut commas = 0;
    for t in tokens {
        if t.kind != TokenKind::Word {
            // Commas, brackets and numbers are list and table lines, not headlines.
            commas += usize::from(matches!(t.text(text), "," | "(" | ")"));
        } else {
            let shape = WordShape::of(t, text);
            lower += usize::from(shape.lower);
            upper += usize::from(shape.upper);
            words += usize::from(shape.long);
            capitalised += usize::from(shape.capitalised);
        }
        // The counts only grow: once a lower-case word rules out capitals and the line can no
        // longer be a headline, the rest of the sentence cannot change its style.
        if lower > 0 && (!starts_paragraph || capitalised < words || commas > 1) {
            return Style::Normal;
        }
    }
    if lower == 0 && upper >= 1 {
        return Style::Caps;
    }
    let ends_with_stop = tokens
        .iter()
        .rev()
        .find(|t| !is_closer(t.text(text)))
        .is_some_and(|t| matches!(t.text(text), "." | "!" | "?" | "…"));
    let ends_with_number = tokens.last().is_some_and(|t| t.kind == TokenKind::Number);
    if starts_paragraph
        && !ends_with_stop
        && !ends_with_number
        && words >= 4
        && capitalised == words
        && commas <= 1
    {
        Style::Headline
    } else {
        Style::Normal
    }
}

/// [`Token::is_capitalised`], deciding ASCII first letters on the byte alone.
fn starts_upper(t: &Token, text: &str) -> bool {
    if t.kind != TokenKind::Word {
        return false;
    }
    match text.as_bytes().get(t.span.start) {
        // Most words: lower-case ASCII is never upper-case, whatever the rest of the token.
        Some(b) if b.is_ascii_lowercase() => false,
        Some(b)
            if b.is_ascii() && t.span.start < t.span.end && text.is_char_boundary(t.span.end) =>
        {
            b.is_ascii_uppercase()
        }
        _ => t.first_char(text).is_uppercase(),
    }
}

fn is_closer(t: &str) -> bool {
    matches!(t, "”" | "’" | "\"" | "'" | ")" | "]" | "»")
}

/// True for opening quotes, brackets, dashes, bullets and colons: a word right after one starts
/// a new utterance and may be capitalised for that reason alone.
pub fn opens_utterance(t: &str) -> bool {
    matches!(
        t,
        "“" | "‘"
            | "\""
            | "'"
            | "("
            | "["
            | "«"
            | "„"
            | ":"
            | "—"
            | "–"
            | "-"
            | "•"
            | "*"
            | "·"
            | "|"
    )
}

/// True when token `i` stands where any word is capitalised: first in its sentence, or right
/// after an opening quote, bracket, colon, dash or bullet.
pub fn is_initial(index: &TextIndex<'_>, i: usize) -> bool {
    if index.is_sentence_initial(i) {
        return true;
    }
    i.checked_sub(1)
        .is_some_and(|p| opens_utterance(index.token_text(p)))
}

/// [`is_initial`] for every token at once, in one linear pass.
pub fn initial_flags(index: &TextIndex<'_>) -> Vec<bool> {
    let text = index.text();
    let mut sentence = usize::MAX;
    let mut seen_word = false;
    let mut prev_opens = false;
    index
        .tokens()
        .iter()
        .map(|t| {
            if t.sentence != sentence {
                sentence = t.sentence;
                seen_word = false;
                prev_opens = false;
            }
            let flag = !seen_word || prev_opens;
            let punct = t.kind == TokenKind::Punct;
            seen_word |= !punct;
            // Every opener is a punctuation token; skip the comparisons for words and numbers.
            prev_opens = punct && opens_utterance(t.text(text));
            flag
        })
        .collect()
}

/// The word without a trailing possessive `’s` / `'s` (`Spotify’s` → `Spotify`).
pub fn strip_possessive(word: &str) -> &str {
    // Every suffix ends in an ASCII `s`: one byte tells most words apart.
    if !matches!(word.as_bytes().last(), Some(b's' | b'S')) {
        return word;
    }
    for suffix in ["’s", "'s", "ʼs", "’S", "'S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

/// True when the word ends in a possessive `’s` / `'s`.
pub fn has_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

/// True for an all-capitals word of two or more letters (`BBC`, `NATO`).
pub fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// True for an inner capital after lower-case letters that is not a surname prefix
/// (`OpenAI`, `PauseAI`, `NationsBank`, `YouTube`, but not `McDonald`, `DeFreitas`): such words
/// are mostly company and product names.
pub fn is_camel_case(word: &str) -> bool {
    let mut prev_lower = false;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev_lower {
            let head = word.get(..i).unwrap_or("");
            return !matches!(
                head,
                "Mc" | "Mac" | "De" | "Di" | "Da" | "Du" | "Le" | "La" | "Van" | "Von" | "Fitz"
            ) && !head.ends_with(['\'', '’', '-']);
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// True for a word shaped like (part of) a name: more than one character, and not a
/// capitalised compound with a lower-case last part (`Ontario-based`, `Anti-war`).
pub fn is_name_shaped(word: &str) -> bool {
    // ASCII without a hyphen: two or more characters is all that is asked.
    if !word.bytes().any(|b| !b.is_ascii() || b == b'-') {
        return word.len() >= 2;
    }
    let mut chars = word.chars();
    if chars.next().is_none() || chars.next().is_none() {
        return false;
    }
    match word.rsplit(['-', '‐', '‑']).next() {
        Some(last) if last.len() < word.len() => {
            !last.chars().next().is_some_and(char::is_lowercase)
                || matches!(last, "le" | "la" | "de" | "en" | "sur" | "upon" | "on")
        }
        _ => true,
    }
}

/// True for a word that looks like a nationality or people (`Zairean`, `Chechens`,
/// `Surinamese`): MISC in CoNLL terms.
pub fn looks_like_demonym(word: &str) -> bool {
    let w = word.strip_suffix('s').unwrap_or(word);
    ["ian", "ean", "ese", "ish", "ani", "eni", "ali"]
        .iter()
        .any(|suf| w.len() > suf.len() + 2 && w.ends_with(suf))
}

/// True for a lower-case word that joins the capitalised words of one name
/// (`Charles de Gaulle`).
fn is_name_particle(w: &str) -> bool {
    is_particle_bytes(w.as_bytes())
}

fn is_particle_bytes(w: &[u8]) -> bool {
    matches!(
        w,
        b"de"
            | b"da"
            | b"di"
            | b"du"
            | b"del"
            | b"della"
            | b"der"
            | b"den"
            | b"van"
            | b"von"
            | b"la"
            | b"le"
            | b"dos"
            | b"das"
            | b"do"
            | b"bin"
            | b"ibn"
            | b"al"
            | b"el"
            | b"y"
            | b"ter"
            | b"ten"
            | b"op"
    )
}

/// A name particle ([`is_name_particle`]) or `first`, `second`, `third`, in any ASCII case
/// (`Van`, `First`).
fn is_particle_or_ordinal(w: &str) -> bool {
    let mut buf = [0u8; 6];
    let Some(lower) = buf.get_mut(..w.len()) else {
        return false;
    };
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    is_particle_bytes(lower) || matches!(&*lower, b"first" | b"second" | b"third")
}

/// The label of a known name written in capitals, for an acronym of four or more bytes in
/// ordinary text (`BIRMINGHAM , England`).
fn acronym_phrase(phrase: &str) -> Option<Label> {
    if phrase.len() > 3 && is_acronym(phrase) {
        gazetteer().phrase_upper(phrase)
    } else {
        None
    }
}

/// Capitalised words seen in mid-sentence in ordinary sentences of a document: the evidence
/// that a sentence-initial capitalised word is a name.
#[derive(Debug, Default)]
pub struct DocEvidence<'a> {
    mid_sentence: HashSet<&'a str, WordHashBuild>,
}

impl<'a> DocEvidence<'a> {
    /// Collects the evidence of `index`, given its sentence styles.
    pub fn new(index: &TextIndex<'a>, styles: &[Style], initial: &[bool]) -> Self {
        let text = index.text();
        let mut evidence = DocEvidence::default();
        for (i, t) in index.tokens().iter().enumerate() {
            if starts_upper(t, text) {
                evidence.note(
                    strip_possessive(t.text(text)),
                    t.sentence,
                    i,
                    styles,
                    initial,
                );
            }
        }
        evidence
    }

    /// Records capitalised word `stem` (token `i` of sentence `sentence`, without its
    /// possessive) if it stands in mid-sentence in an ordinary sentence.
    fn note(
        &mut self,
        stem: &'a str,
        sentence: usize,
        i: usize,
        styles: &[Style],
        initial: &[bool],
    ) {
        if matches!(styles.get(sentence), Some(Style::Normal)) && initial.get(i) == Some(&false) {
            self.mid_sentence.insert(stem);
        }
    }

    /// True when `word` appears capitalised in mid-sentence somewhere in the document.
    pub fn seen_mid_sentence(&self, word: &str) -> bool {
        self.mid_sentence.contains(word)
    }
}

/// How sure a rule is about a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// A capitalised word that is probably not a name (no evidence); kept only so that a
    /// strong mention elsewhere can revive it.
    None,
    /// A guess from weak context (an unknown capitalised word).
    Weak,
    /// A gazetteer entry, a title, a suffix, a first name or an appositive.
    Strong,
}

/// A labelled mention found by the rules, before the document-level pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Bytes covered (a trailing possessive is already stripped).
    pub span: Span,
    /// First and last token.
    pub tokens: (usize, usize),
    /// The label, if any rule gave one.
    pub label: Option<Label>,
    /// How sure the rule was.
    pub strength: Strength,
}

/// The rule-based recognizer's state for one document.
pub struct Recognizer<'i, 'a> {
    index: &'i TextIndex<'a>,
    text: &'a str,
    tokens: &'i [Token],
    g: &'static Gazetteer,
    styles: &'i [Style],
    evidence: DocEvidence<'a>,
    /// Scratch buffer for phrases whose tokens are not separated by single spaces.
    scratch: String,
    /// True while classifying a title-case headline: every word needs evidence.
    guarded: bool,
    /// Per token: [`CAP`], [`POSSESSIVE`], [`NAME`] and [`CONTINUES`], computed once.
    flags: Vec<u8>,
    /// Per token: the gazetteer's [`WordInfo`] of capitalised words without a possessive,
    /// looked up once (other tokens hold the default and are looked up when asked).
    info: Vec<WordInfo>,
    /// The capitalised tokens, in order.
    capitals: Vec<usize>,
    /// Per token: [`is_initial`], computed once.
    initial: &'i [bool],
    /// Per token: [`Gazetteer::max_tokens_from`] of the word and its stem plus one, or 0 while
    /// not yet looked up.
    max_from: Vec<u8>,
}

/// Token flag: the token may be part of a name ([`Recognizer::is_name_token`]).
const NAME: u8 = 1;
/// Token flag: the token may continue a name ([`Recognizer::continues_name`]).
const CONTINUES: u8 = 2;
/// Token flag: a word starting with a capital letter ([`Token::is_capitalised`]).
const CAP: u8 = 4;
/// Token flag (capitalised words only): the word ends in a possessive ([`has_possessive`]).
const POSSESSIVE: u8 = 8;

impl<'i, 'a> Recognizer<'i, 'a> {
    /// Prepares the document: evidence and token flags, given its [`SentenceFacts`].
    pub fn new(index: &'i TextIndex<'a>, facts: &'i SentenceFacts) -> Self {
        let (styles, initial) = (facts.styles.as_slice(), facts.initial.as_slice());
        let text = index.text();
        let tokens = index.tokens();
        let g = gazetteer();
        // One pass: capitalised words, their evidence and their cached lookups.
        let mut evidence = DocEvidence::default();
        let mut flags = vec![0u8; tokens.len()];
        let mut info = vec![WordInfo::default(); tokens.len()];
        // In token order, each token read once (in order, which is what memory is fastest at).
        let mut capitals: Vec<usize> = Vec::new();
        for ((i, t), (f, info)) in tokens
            .iter()
            .enumerate()
            .zip(flags.iter_mut().zip(&mut info))
        {
            if !starts_upper(t, text) {
                continue;
            }
            capitals.push(i);
            let word = t.text(text);
            let stem = strip_possessive(word);
            evidence.note(stem, t.sentence, i, styles, initial);
            *f = if stem.len() == word.len() {
                CAP
            } else {
                CAP | POSSESSIVE
            };
            *info = g.word(stem);
        }
        let mut r = Recognizer {
            index,
            text,
            tokens,
            g,
            styles,
            evidence,
            scratch: String::new(),
            guarded: false,
            flags,
            info,
            capitals: Vec::new(),
            initial,
            max_from: vec![0; tokens.len()],
        };
        // Name bits look ahead (`is_title_at`), so they come after all capitals are known.
        for &i in &capitals {
            let name = r.compute_name_token(i);
            let continues = name || r.compute_title_surname(i);
            let bits = u8::from(name) * NAME + u8::from(continues) * CONTINUES;
            if let Some(f) = r.flags.get_mut(i) {
                *f |= bits;
            }
        }
        r.capitals = capitals;
        r
    }

    fn flag(&self, i: usize, bit: u8) -> bool {
        self.flags.get(i).is_some_and(|f| f & bit != 0)
    }

    /// The token flags of token `i` (0 when out of range).
    fn flags(&self, i: usize) -> u8 {
        self.flags.get(i).copied().unwrap_or(0)
    }

    /// The gazetteer's [`WordInfo`] of token `i` as written (cached for capitalised words).
    fn info(&self, i: usize) -> WordInfo {
        match self.info.get(i) {
            Some(&info) if self.flags(i) & (CAP | POSSESSIVE) == CAP => info,
            _ => self.g.word(self.word(i)),
        }
    }

    /// The gazetteer's [`WordInfo`] of token `i` without a possessive ([`strip_possessive`]);
    /// cached for capitalised words.
    fn stem_info(&self, i: usize) -> WordInfo {
        match self.info.get(i) {
            Some(&info) if self.is_capitalised(i) => info,
            _ => self.g.word(strip_possessive(self.word(i))),
        }
    }

    /// True when token `i` is a [`Cue::Title`] as written.
    fn title_word(&self, i: usize) -> bool {
        self.info(i).is(Cue::Title)
    }

    /// True when token `i` is a [`Cue::TitleModifier`] as written.
    fn title_modifier_word(&self, i: usize) -> bool {
        self.info(i).is(Cue::TitleModifier)
    }

    /// [`Gazetteer::is_stopword`] of token `i` as written.
    fn stopword(&self, i: usize) -> bool {
        self.info(i).stopword
    }

    /// True when token `i` stands where any word is capitalised ([`is_initial`]).
    pub fn is_initial(&self, i: usize) -> bool {
        self.initial.get(i).copied().unwrap_or(false)
    }

    fn word(&self, i: usize) -> &'a str {
        self.index.token_text(i)
    }

    fn token(&self, i: usize) -> Option<&'i Token> {
        self.tokens.get(i)
    }

    fn is_word(&self, i: usize) -> bool {
        self.token(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn is_capitalised(&self, i: usize) -> bool {
        self.flag(i, CAP)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.token(a), self.token(b)) {
            (Some(x), Some(y)) => x.sentence == y.sentence,
            _ => false,
        }
    }

    /// True when token `i` is a title for a following name (`Mr`, `Dr.`, `Prime Minister`):
    /// a title word, or a chain of title modifiers ending in one, followed by a capitalised
    /// word.
    pub fn is_title_at(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..4 {
            let info = self.info(k);
            if info.is(Cue::Title) {
                let mut next = k + 1;
                if self.word(next) == "." && self.token(next).is_some_and(|t| !t.space_before) {
                    next += 1;
                }
                return self.is_capitalised(next)
                    && self.same_sentence(i, next)
                    && !self.stopword(next);
            }
            if self.is_capitalised(k) && info.is(Cue::TitleModifier) {
                k += 1;
            } else {
                return false;
            }
        }
        false
    }

    /// True when a title or a lower-case role noun comes right before token `i`
    /// (`Mr Smith`, `Dr. Pohl`, `chief executive Daniel Ek`).
    pub fn title_before(&self, i: usize) -> bool {
        let Some(mut p) = i.checked_sub(1) else {
            return false;
        };
        if self.word(p) == "." && self.token(p).is_some_and(|t| !t.space_before) {
            let Some(q) = p.checked_sub(1) else {
                return false;
            };
            p = q;
        }
        if !self.same_sentence(p, i) {
            return false;
        }
        let info = self.info(p);
        info.is(Cue::Title) || info.is(Cue::Role)
    }

    /// True when token `i` may be part of a name: a capitalised word that is neither a stop
    /// word nor a title before a name.
    pub fn is_name_token(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|f| f & NAME != 0)
    }

    fn compute_name_token(&self, i: usize) -> bool {
        if !self.is_capitalised(i) {
            return false;
        }
        let word = self.word(i);
        let w = strip_possessive(word);
        if !is_name_shaped(w) {
            // A lone capital is only a name as an initial ("J. K. Rowling").
            let initial_dot = w.chars().count() == 1
                && self.word(i + 1) == "."
                && self.token(i + 1).is_some_and(|t| !t.space_before);
            if !initial_dot {
                return false;
            }
            // "I. Healy", "A. Stewart": an initial, even one spelled like a word.
            if self.is_capitalised(i + 2) {
                return true;
            }
        }
        let info = self.stem_info(i);
        !info.stopword && !info.is(Cue::Title) && !self.is_title_at(i)
    }

    /// True when token `i` may continue a name begun before it: a name token, or a title
    /// word used as a surname (`Stephen King`, `John Major`).
    pub fn continues_name(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|f| f & CONTINUES != 0)
    }

    fn compute_title_surname(&self, i: usize) -> bool {
        self.is_capitalised(i) && self.stem_info(i).is(Cue::Title) && !self.is_title_at(i)
    }

    /// The text of tokens `a..=b` with single spaces between spaced tokens, for gazetteer
    /// lookups; `end` is the byte where the phrase ends (possessive stripped).
    fn phrase_text(&mut self, a: usize, b: usize, end: usize) -> Option<&str> {
        let first = self.token(a)?;
        let start = first.span.start;
        let mut normal = true;
        for k in a + 1..=b {
            let t = self.token(k)?;
            let prev = self.token(k - 1)?;
            let gap = self.text.get(prev.span.end..t.span.start)?;
            if (t.space_before && gap != " ") || (!t.space_before && !gap.is_empty()) {
                normal = false;
                break;
            }
        }
        if normal {
            return self.text.get(start..end);
        }
        self.scratch.clear();
        for k in a..=b {
            let t = self.token(k)?;
            if k > a && t.space_before {
                self.scratch.push(' ');
            }
            let stop = t.span.end.min(end);
            self.scratch.push_str(self.text.get(t.span.start..stop)?);
        }
        Some(self.scratch.as_str())
    }

    /// End byte of token `b`, without a possessive.
    fn end_without_possessive(&self, b: usize) -> usize {
        let Some(t) = self.token(b) else {
            return 0;
        };
        let w = t.text(self.text);
        t.span.start + strip_possessive(w).len()
    }

    /// Gazetteer label of tokens `a..=b` (possessive on `b` ignored); `upper` looks the phrase
    /// up in capitals.
    fn lookup(&mut self, a: usize, b: usize, upper: bool) -> Option<Label> {
        let g = self.g;
        if a == b && !upper {
            // One word: its cached lookups.
            let stem = strip_possessive(self.token(a)?.text(self.text));
            return self.stem_info(a).phrase.or_else(|| acronym_phrase(stem));
        }
        let end = self.end_without_possessive(b);
        let phrase = self.phrase_text(a, b, end)?;
        if upper {
            g.phrase_upper(phrase)
        } else {
            g.phrase(phrase).or_else(|| acronym_phrase(phrase))
        }
    }

    /// The longest gazetteer phrase starting at token `a` and ending at or before `limit`:
    /// its last token and label.
    fn longest_match(&mut self, a: usize, limit: usize, upper: bool) -> Option<(usize, Label)> {
        let max = self.max_tokens_from(a);
        if max == 0 {
            return None;
        }
        let last = limit.min(a + max - 1);
        let mut b = last;
        loop {
            if b < a {
                return None;
            }
            // Phrases end on words (or a closing bracket/dot of an abbreviation).
            if self.is_word(b) || b == a {
                if let Some(label) = self.lookup(a, b, upper) {
                    return Some((b, label));
                }
            }
            if b == a {
                return None;
            }
            b -= 1;
        }
    }

    /// The most tokens of a known phrase starting with token `a`, as written or without a
    /// possessive; looked up once per token.
    fn max_tokens_from(&mut self, a: usize) -> usize {
        if let Some(&m @ 1..) = self.max_from.get(a) {
            return usize::from(m - 1);
        }
        let first = self.word(a);
        let stem = strip_possessive(first);
        let mut max = self.info(a).max_tokens_from();
        if stem.len() != first.len() {
            max = max.max(self.g.word(stem).max_tokens_from());
        }
        if let (Some(slot), Ok(m)) = (self.max_from.get_mut(a), u8::try_from(max + 1)) {
            *slot = m;
        }
        max
    }

    /// Finds the runs of one ordinary sentence and classifies them into `out`; `capitals` are
    /// its capitalised tokens, in order (runs start only there).
    fn normal_sentence(
        &mut self,
        range: std::ops::Range<usize>,
        capitals: &[usize],
        out: &mut Vec<Mention>,
    ) {
        // The first token not yet part of a mention.
        let mut next = range.start;
        for &i in capitals {
            if i < next {
                continue;
            }
            if !self.is_name_token(i) {
                // A stop word or title may still begin a known name ("The Hague",
                // "General Motors").
                if let Some((b, label)) = self.longest_match(i, range.end - 1, false) {
                    if b > i {
                        self.push(out, i, b, Some(label), Strength::Strong);
                        next = b + 1;
                        continue;
                    }
                }
                // A capitalised particle starts a surname ("Ten Hag", "Van Dijk"); an ordinal
                // starts a company name ("First Bank").
                let particle = is_particle_or_ordinal(self.word(i));
                if !(particle && self.is_name_token(i + 1) && !self.is_initial(i)) {
                    continue;
                }
            }
            let b = self.run_end(i, range.end);
            self.classify(i, b, out);
            next = b + 1;
        }
    }

    /// The last token of the run of name tokens starting at `a` (which is a name token).
    pub fn run_end(&mut self, a: usize, end: usize) -> usize {
        let mut j = a;
        while j + 1 < end {
            let w = self.word(j);
            let next = j + 1;
            if has_possessive(w) {
                // "Anna’s Archive": only a known phrase or a first name's possession joins.
                if self.continues_name(next) && self.possessive_joins(a, j) {
                    j = next;
                    continue;
                }
                break;
            }
            if self.continues_name(next) && !self.is_title_at(next) {
                j = next;
                continue;
            }
            let nw = self.word(next);
            let glued = self.token(next).is_some_and(|t| !t.space_before);
            let after = next + 1;
            if after >= end {
                break;
            }
            // An initial's dot: "J. K. Rowling".
            if nw == "." && glued && w.chars().count() == 1 && self.is_name_token(after) {
                j = after;
                continue;
            }
            // A plural possessive: "Musicians’ Union".
            if matches!(nw, "’" | "'")
                && glued
                && w.ends_with('s')
                && self.token(after).is_some_and(|t| t.space_before)
                && self.is_name_token(after)
            {
                j = after;
                continue;
            }
            // "Marks & Spencer".
            if nw == "&" && self.is_name_token(after) {
                j = after;
                continue;
            }
            if is_name_particle(nw) && self.is_name_token(after) && !self.stopword(j) {
                j = after;
                continue;
            }
            // "Bank of England", "Gulf of Mexico", "Duke of Edinburgh": only after a head.
            if matches!(nw, "of" | "for" | "on")
                && self.is_capitalised(after)
                && !self.stopword(after)
            {
                let (here, first) = (self.info(j), self.info(a));
                let head = here.is(Cue::OrgHead)
                    || here.is(Cue::LocHead)
                    || first.is(Cue::OrgHead)
                    || first.is(Cue::LocHead);
                if head && (nw == "of" || (nw == "for" && here.is(Cue::OrgHead))) {
                    j = self.enumeration_end(after, end);
                    continue;
                }
                // A known phrase through the connector ("Campaign for Nuclear Disarmament").
                let far = (after + 3).min(end - 1);
                if let Some((b, _)) = self.longest_match(a, far, false) {
                    if b >= after {
                        j = after;
                        continue;
                    }
                }
            }
            break;
        }
        j
    }

    /// After `Department for Science`: the end of an enumeration that continues the name
    /// (`, Innovation and Technology`), or `j` itself. Only single unknown words join, so
    /// `Bank of England, Barclays and HSBC` stays three names.
    fn enumeration_end(&self, j: usize, end: usize) -> usize {
        let plain = |k: usize| {
            k < end && self.is_name_token(k) && !self.continues_name(k + 1) && {
                let info = self.info(k);
                info.phrase.is_none() && !info.first_name
            }
        };
        let mut k = j;
        loop {
            match self.word(k + 1) {
                "," if plain(k + 2) => k += 2,
                "and" | "&" if plain(k + 2) => return k + 2,
                _ => return j,
            }
        }
    }

    fn possessive_joins(&mut self, a: usize, j: usize) -> bool {
        let far = (j + 3).min(self.tokens.len().saturating_sub(1));
        if let Some((b, _)) = self.longest_match(a, far, false) {
            if b > j {
                return true;
            }
        }
        a == j
            && self.stem_info(j).first_name
            && !self.info(j + 1).first_name
            && self.stem_info(j + 1).phrase.is_none()
    }

    fn push(
        &self,
        out: &mut Vec<Mention>,
        a: usize,
        b: usize,
        label: Option<Label>,
        strength: Strength,
    ) {
        let (Some(first), Some(_)) = (self.token(a), self.token(b)) else {
            return;
        };
        let end = self.end_without_possessive(b);
        if end <= first.span.start {
            return;
        }
        out.push(Mention {
            span: Span::new(first.span.start, end),
            tokens: (a, b),
            label,
            strength,
        });
    }

    /// Classifies the run `a..=b` into one or more mentions.
    pub fn classify(&mut self, a: usize, b: usize, out: &mut Vec<Mention>) {
        if let Some(label) = self.lookup(a, b, false) {
            // A town or county before a score is its team ("Leicestershire 296").
            let label =
                if label == Label::Loc && self.sports_team(a, b, true) && !self.country(a, b) {
                    Label::Org
                } else {
                    label
                };
            return self.push(out, a, b, Some(label), Strength::Strong);
        }
        let initial = self.guarded || self.is_initial(a);
        if self.title_before(a) {
            return self.push(out, a, b, Some(Label::Per), Strength::Strong);
        }
        let first = strip_possessive(self.word(a));
        let words = (a..=b).filter(|&k| self.is_word(k)).count();
        if words >= 2 {
            let first_info = self.stem_info(a);
            let last = self.stem_info(b);
            let suffix = if last.is(Cue::OrgSuffix) {
                Some(Label::Org)
            } else if last.is(Cue::LocSuffix) {
                Some(Label::Loc)
            } else if last.is(Cue::MiscSuffix) {
                Some(Label::Misc)
            } else {
                None
            };
            // "Bank of England", "Party of God", "Gulf of Mexico", "Mount Everest".
            let of_at = (a..b).find(|&k| {
                let c = self.word(k + 1);
                c == "of" || (c == "for" && self.info(k).is(Cue::OrgHead))
            });
            let head = match of_at.map(|k| self.stem_info(k)) {
                Some(w) if w.is(Cue::OrgHead) || w.is(Cue::OrgSuffix) => Some(Label::Org),
                Some(w) if w.is(Cue::LocHead) || w.is(Cue::LocSuffix) => Some(Label::Loc),
                _ if first_info.is(Cue::LocHead) && words == 2 => Some(Label::Loc),
                _ if first_info.is(Cue::OrgPrefix) && !self.info(a + 1).first_name => {
                    Some(Label::Org)
                }
                _ => None,
            };
            // A demonym or known name before the suffix is part of the name
            // ("British Broadcasting Corporation").
            if let Some(label) = suffix.or(head) {
                return self.push(out, a, b, Some(label), Strength::Strong);
            }
            let inner_possessive = (a..b).any(|k| has_possessive(self.word(k)));
            // "Daniel Ek"; also "Anthony Washington": a given name that is not itself a place,
            // before one more word, is a person even when that word is a place.
            let given = first_info.first_name && !inner_possessive;
            let two = words == 2 && first_info.phrase.is_none() && self.is_word(b) && b == a + 1;
            if given && (two || self.phrase_rest_unknown(a + 1, b)) {
                return self.push(out, a, b, Some(Label::Per), Strength::Strong);
            }
            // Split into known pieces and the rest ("British Airways" is one piece; "Australian
            // Zed Blorp" is two). First see what the pieces are.
            let (mut places, mut rest_words, mut rest_names) = (0, 0, 0);
            let mut pieces = Vec::new();
            let mut k = a;
            while k <= b {
                if let Some((e, label)) = self.longest_match(k, b, false) {
                    pieces.push((k, e, label));
                    // A known surname works like a place: "Johnson Controls".
                    let surname = label == Label::Per && e == k;
                    places += usize::from(label == Label::Loc || surname);
                    k = e + 1;
                } else {
                    if self.continues_name(k) {
                        rest_words += 1;
                        let w = strip_possessive(self.word(k));
                        let info = self.stem_info(k);
                        // Names, nationalities and cue words ("U.S. Labor Day", "U.S. Assistant
                        // Secretary") do not make the place a business.
                        let named = info.first_name || looks_like_demonym(w) || info.cue.is_some();
                        rest_names += usize::from(named);
                    }
                    k += 1;
                }
            }
            let known = pieces.len();
            if known > 0 && known == places && rest_words > 0 && rest_names == 0 && !initial {
                // A place with unknown capitalised words is a business or team named after it
                // ("Chittagong Cement", "Cleveland Indians", "Statistics Canada").
                return self.push(out, a, b, Some(Label::Org), Strength::Weak);
            }
            if known > 0 {
                let mut rest_start = a;
                for (k, e, label) in pieces {
                    if rest_start < k {
                        self.classify_rest(rest_start, k - 1, out);
                    }
                    self.push(out, k, e, Some(label), Strength::Strong);
                    rest_start = e + 1;
                }
                if rest_start <= b {
                    self.classify_rest(rest_start, b, out);
                }
                return;
            }
            if initial && first_info.stopword {
                return self.classify(a + 1, b, out);
            }
            return self.classify_unknown(a, b, out);
        }
        if initial && !self.evidence.seen_mid_sentence(first) {
            // Context that names it anyway: "Zorbix’s chief executive", "Zorbix, a firm".
            if let Some(label) = self.context_label(a, b) {
                return self.push(out, a, b, Some(label), Strength::Strong);
            }
            return self.push(out, a, b, None, Strength::None);
        }
        self.classify_unknown(a, b, out)
    }

    /// Classifies what is left of a run between known pieces, without connectors at its ends.
    fn classify_rest(&mut self, a: usize, b: usize, out: &mut Vec<Mention>) {
        let (mut s, mut e) = (a, b);
        while s <= e && !self.is_name_token(s) {
            s += 1;
        }
        while e > s && !self.continues_name(e) {
            e -= 1;
        }
        if s <= e && self.is_name_token(s) {
            self.classify_unknown(s, e, out);
        }
    }

    /// True when tokens `a..=b` hold no gazetteer place or organisation (so a first name
    /// before them makes a person).
    fn phrase_rest_unknown(&mut self, a: usize, b: usize) -> bool {
        let mut k = a;
        while k <= b {
            if let Some((_, label)) = self.longest_match(k, b, false) {
                if label != Label::Per {
                    return false;
                }
            }
            k += 1;
        }
        true
    }

    /// Classifies a run no gazetteer or suffix rule recognised, from its context.
    fn classify_unknown(&mut self, a: usize, b: usize, out: &mut Vec<Mention>) {
        if self.guarded
            && !(a..=b).all(|k| {
                !self.is_word(k)
                    || self
                        .evidence
                        .seen_mid_sentence(strip_possessive(self.word(k)))
            })
        {
            return self.push(out, a, b, None, Strength::None);
        }
        let words = (a..=b).filter(|&k| self.is_word(k)).count();
        // A run of titles alone ("Prime Minister", "President") names nobody.
        let g = self.g;
        if (a..=b).all(|k| !self.is_word(k) || self.title_word(k) || self.title_modifier_word(k)) {
            return self.push(out, a, b, None, Strength::None);
        }
        if let Some(label) = self.context_label(a, b) {
            return self.push(out, a, b, Some(label), Strength::Strong);
        }
        // Several shouted words inside ordinary text are a heading ("PRESS DIGEST").
        if words >= 2 && (a..=b).all(|k| !self.is_word(k) || is_acronym(self.word(k))) {
            return self.push(out, a, b, None, Strength::None);
        }
        // "Libyans", "Chechens": the plural of a nationality.
        if words == 1 {
            let w = strip_possessive(self.word(a));
            if let Some(stem) = w.strip_suffix('s') {
                if g.phrase(stem) == Some(Label::Misc) {
                    return self.push(out, a, b, Some(Label::Misc), Strength::Weak);
                }
            }
        }
        // "Lisa’s Kitchen", "Sotheby’s Auctions": a possessive inside names a business.
        if (a..b).any(|k| has_possessive(self.word(k))) {
            return self.push(out, a, b, Some(Label::Org), Strength::Weak);
        }
        let before = a.checked_sub(1).map_or("", |p| self.word(p));
        let after = self.word(b + 1);
        let speech = |w: &str| matches!(w, "said" | "says" | "told" | "added" | "asked" | "wrote");
        if words >= 2 && (speech(after) || speech(before)) {
            return self.push(out, a, b, Some(Label::Per), Strength::Weak);
        }
        if words == 1 {
            let w = strip_possessive(self.word(a));
            if is_acronym(w) || is_camel_case(w) {
                return self.push(out, a, b, Some(Label::Org), Strength::Weak);
            }
            if self.stem_info(a).first_name {
                return self.push(out, a, b, Some(Label::Per), Strength::Weak);
            }
            if matches!(
                before,
                "in" | "near" | "across" | "outside" | "throughout" | "visited" | "visiting"
            ) {
                return self.push(out, a, b, Some(Label::Loc), Strength::Weak);
            }
            if looks_like_demonym(w) {
                return self.push(out, a, b, Some(Label::Misc), Strength::Weak);
            }
            // "the Mets", "the Boatmen": people rarely take an article.
            if matches!(before, "the" | "The") || self.sports_team(a, b, false) {
                return self.push(out, a, b, Some(Label::Org), Strength::Weak);
            }
            // An unknown capitalised word in mid-sentence is most often a surname.
            return self.push(out, a, b, Some(Label::Per), Strength::Weak);
        }
        self.push(out, a, b, Some(Label::Per), Strength::Weak)
    }

    /// The label the words around a name give it: a title or role before it (PER), an
    /// organisation noun before it (`the firm Zorbix`: ORG), an appositive after it, or a
    /// possessive followed by an organisation noun (`Zorbix’s chief executive`: ORG).
    pub fn context_label(&self, a: usize, b: usize) -> Option<Label> {
        if self.title_before(a) {
            return Some(Label::Per);
        }
        if let Some(p) = a.checked_sub(1) {
            let w = self.word(p);
            if w.chars().next().is_some_and(char::is_lowercase) && self.info(p).is(Cue::OrgNoun) {
                return Some(Label::Org);
            }
            // "the town of X", "east of X", "the outskirts of X".
            if w == "of" {
                let noun = p
                    .checked_sub(1)
                    .map_or_else(WordInfo::default, |q| self.info(q));
                if noun.is(Cue::LocNoun) {
                    return Some(Label::Loc);
                }
            }
        }
        // "C. Lewis", "J. Russell": an initial and a surname.
        if b > a
            && self.word(a).chars().count() == 1
            && self.word(a + 1) == "."
            && (a + 2..=b).all(|k| self.is_word(k) && self.word(k).chars().count() > 1)
        {
            return Some(Label::Per);
        }
        if let Some(label) = self.appositive(b) {
            return Some(label);
        }
        // "Zorbix’s chief executive", "a Zorbix spokesman", "Zorbix shares".
        let next = self.word(b + 1);
        if next.chars().next().is_some_and(char::is_lowercase) && self.info(b + 1).is(Cue::OrgNoun)
        {
            return Some(Label::Org);
        }
        if self.sports_team(a, b, false) {
            return Some(Label::Org);
        }
        None
    }

    /// True when tokens `a..=b` name a country.
    fn country(&mut self, a: usize, b: usize) -> bool {
        let end = self.end_without_possessive(b);
        let g = self.g;
        self.phrase_text(a, b, end).is_some_and(|p| g.is_country(p))
    }

    /// True when the name `a..=b` stands where a sports team does: right before a score
    /// (`Leicestershire 296`, `Fulham 1 Carlisle 0`), after `v`, before `beat` or `captain`;
    /// for a `place`, also after `beat` or `against`.
    pub fn sports_team(&self, a: usize, b: usize, place: bool) -> bool {
        let before = a.checked_sub(1).map_or("", |p| self.word(p));
        if matches!(before, "v" | "vs" | "v." | "vs.") {
            return true;
        }
        // Players beat players too: only a place is a team after "beat".
        if place && matches!(before, "beat" | "beating" | "against") {
            return true;
        }
        let Some(next) = self.token(b + 1) else {
            return false;
        };
        // "Surrey captain Chris Lewis", "Essex beat Yorkshire".
        if matches!(
            self.word(b + 1),
            "beat"
                | "beats"
                | "defeated"
                | "drew"
                | "captain"
                | "skipper"
                | "coach"
                | "manager"
                | "striker"
                | "midfielder"
                | "defender"
                | "goalkeeper"
                | "batsman"
                | "bowler"
                | "all-rounder"
                | "wicketkeeper"
                | "fans"
                | "supporters"
        ) {
            return true;
        }
        if next.kind != TokenKind::Number || !self.same_sentence(b, b + 1) {
            return false;
        }
        // A year after a place is a dateline or a date, not a score.
        let n = self.word(b + 1);
        !(n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
    }

    /// The label an appositive after token `b` gives the name ending there:
    /// `Anna’s Archive, a shadow library` → ORG; `Pohl, its general secretary` → PER.
    pub fn appositive(&self, b: usize) -> Option<Label> {
        // "X, a ..." or "X is a ...".
        if !matches!(self.word(b + 1), "," | "is" | "was") {
            return None;
        }
        let mut k = b + 2;
        if !matches!(
            self.word(k),
            "a" | "an" | "the" | "its" | "his" | "her" | "their" | "another"
        ) {
            return None;
        }
        k += 1;
        for _ in 0..4 {
            if !self.is_word(k) || !self.same_sentence(b, k) {
                return None;
            }
            let w = self.info(k);
            match () {
                _ if w.is(Cue::PerNoun) || w.is(Cue::Role) => {
                    if self.is_word(k + 1) && self.info(k + 1).is(Cue::PerNoun) {
                        k += 1;
                        continue;
                    }
                    return Some(Label::Per);
                }
                _ if w.is(Cue::OrgNoun) => {
                    // The noun must end the noun phrase ("a shadow library, ...").
                    if self.is_word(k + 1) && !matches!(self.word(k + 1), "that" | "which") {
                        k += 1;
                        continue;
                    }
                    return Some(Label::Org);
                }
                _ if w.is(Cue::LocNoun) => return Some(Label::Loc),
                _ => k += 1,
            }
        }
        None
    }

    /// Mentions in an all-caps sentence: known phrases and names found in the document's
    /// ordinary sentences only.
    fn caps_sentence(
        &mut self,
        range: std::ops::Range<usize>,
        known: &HashMap<String, Label, WordHashBuild>,
        out: &mut Vec<Mention>,
    ) {
        let mut i = range.start;
        while i < range.end {
            if !self.is_word(i) || !self.is_capitalised(i) {
                i += 1;
                continue;
            }
            let max = self.g.max_tokens().max(4);
            let limit = (range.end - 1).min(i + max - 1);
            let mut hit = None;
            let mut b = limit;
            while b >= i {
                if self.is_word(b) {
                    let end = self.end_without_possessive(b);
                    if let Some(p) = self.phrase_text(i, b, end) {
                        if let Some(&l) = known.get(p) {
                            hit = Some((b, l));
                            break;
                        }
                    }
                    if let Some(l) = self.lookup(i, b, true) {
                        hit = Some((b, l));
                        break;
                    }
                }
                if b == i {
                    break;
                }
                b -= 1;
            }
            if let Some((b, label)) = hit {
                let label =
                    if label == Label::Loc && self.sports_team(i, b, true) && !self.country(i, b) {
                        Label::Org
                    } else {
                        label
                    };
                self.push(out, i, b, Some(label), Strength::Strong);
                i = b + 1;
            } else {
                i += 1;
            }
        }
    }

    /// Runs every rule over the document and returns the final, sorted, non-overlapping
    /// annotations.
    pub fn run(mut self) -> Vec<Annotation> {
        let mut mentions = Vec::new();
        let sentences = self.index.sentences();
        let capitals = std::mem::take(&mut self.capitals);
        // The capitals not yet passed (sentences come in order).
        let mut rest = capitals.as_slice();
        for (s, sentence) in sentences.iter().enumerate() {
            let range = sentence.tokens.clone();
            let count = rest.iter().take_while(|&&c| c < range.end).count();
            let (here, after) = rest.split_at(count);
            rest = after;
            let style = self.styles.get(s).copied();
            if matches!(style, Some(Style::Normal | Style::Headline)) {
                self.guarded = style == Some(Style::Headline);
                self.normal_sentence(range, here, &mut mentions);
                self.guarded = false;
            }
        }
        // Document-level pass: strong mentions teach weak ones.
        let text = self.text;
        let mut known: HashMap<&str, Label, WordHashBuild> = HashMap::default();
        // Parts of longer names: any word of a person's name ("Ek" after "Daniel Ek"), the
        // first word of an organisation's ("Pirelli" after "Pirelli Cables").
        let mut parts: HashMap<&str, Label, WordHashBuild> = HashMap::default();
        let g = self.g;
        for m in &mentions {
            if m.strength != Strength::Strong {
                continue;
            }
            let Some(label) = m.label else { continue };
            known.entry(m.span.slice(text)).or_insert(label);
            let (a, b) = m.tokens;
            if b <= a {
                continue;
            }
            if label == Label::Per {
                for k in a..=b {
                    let w = strip_possessive(self.word(k));
                    if self.is_word(k) && w.chars().count() > 1 {
                        parts.insert(w, Label::Per);
                    }
                }
            } else if label == Label::Org {
                let w = strip_possessive(self.word(a));
                let info = self.stem_info(a);
                let plain = info.cue.is_none() && info.phrase.is_none() && !info.first_name;
                if plain && self.is_name_token(a) && w.chars().count() > 1 {
                    parts.entry(w).or_insert(Label::Org);
                }
            }
        }
        // A town that fields a team in this document ("Surrey 429") is the team throughout
        // ("Surrey captain Chris Lewis").
        let teams: HashSet<&str, WordHashBuild> = mentions
            .iter()
            .filter(|m| m.label == Some(Label::Org))
            .map(|m| m.span.slice(text))
            .filter(|t| g.phrase(t) == Some(Label::Loc) || g.phrase_upper(t) == Some(Label::Loc))
            .collect();
        for m in &mut mentions {
            if m.label == Some(Label::Loc) && teams.contains(m.span.slice(text)) {
                m.label = Some(Label::Org);
            }
            if m.strength == Strength::Strong {
                continue;
            }
            let t = m.span.slice(text);
            if let Some(&label) = known.get(t).or_else(|| parts.get(t)) {
                m.label = Some(label);
                m.strength = Strength::Strong;
            }
        }
        // All-caps sentences: known names only.
        if self.styles.contains(&Style::Caps) {
            let mut known_upper: HashMap<String, Label, WordHashBuild> = HashMap::default();
            for m in &mentions {
                if let (Some(label), Strength::Strong | Strength::Weak) = (m.label, m.strength) {
                    let t = m.span.slice(text);
                    known_upper.entry(t.to_uppercase()).or_insert(label);
                }
            }
            for (p, &label) in &parts {
                known_upper.entry(p.to_uppercase()).or_insert(label);
            }
            let styles = self.styles;
            for (s, sentence) in sentences.iter().enumerate() {
                if styles.get(s) == Some(&Style::Caps) {
                    self.caps_sentence(sentence.tokens.clone(), &known_upper, &mut mentions);
                }
            }
        }
        finish(mentions)
    }
}

/// Keeps labelled mentions, sorted by start, dropping any that overlap an earlier one.
pub fn finish(mut mentions: Vec<Mention>) -> Vec<Annotation> {
    mentions.retain(|m| m.label.is_some() && m.strength > Strength::None && !m.span.is_empty());
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut out: Vec<Annotation> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let Some(label) = m.label else { continue };
        if out.last().is_some_and(|prev| prev.span.end > m.span.start) {
            continue;
        }
        out.push(Annotation::new(m.span, label));
    }
    out
}

/// Runs the rule-based recognizer over `index`.
pub fn recognize(index: &TextIndex<'_>) -> Vec<Annotation> {
    recognize_with(index, &SentenceFacts::new(index))
}

/// [`recognize`] with the text's [`SentenceFacts`] already computed.
pub fn recognize_with(index: &TextIndex<'_>, facts: &SentenceFacts) -> Vec<Annotation> {
    if index.tokens().is_empty() {
        return Vec::new();
    }
    Recognizer::new(index, facts).run()
}
