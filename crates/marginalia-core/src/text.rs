//! Tokens and sentences of news text, shared by every recognizer.
//!
//! The tokenizer is written for pasted news: curly and straight apostrophes inside words
//! (`Anna’s`), hyphenated names (`Newton-Rex`), abbreviations (`U.S.`), sentences glued without a
//! space (`online.Observers`), headlines without final punctuation (a line break ends a sentence),
//! non-breaking and zero-width spaces, and characters outside the BMP.
//!
//! ```
//! use marginalia_core::text::{TextIndex, TokenKind};
//! let index = TextIndex::new("It went online.Observers said so.");
//! let words: Vec<&str> = index.tokens().iter().map(|t| t.text(index.text())).collect();
//! assert_eq!(words, ["It", "went", "online", ".", "Observers", "said", "so", "."]);
//! assert_eq!(index.sentences().len(), 2);
//! ```

use crate::span::Span;
use std::ops::Range;

/// What kind of characters a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Starts with a letter; may hold digits, marks, inner apostrophes, hyphens, `&` and the dots
    /// of an abbreviation (`U.S.`, `e.g.`).
    Word,
    /// Digits, with inner `.` or `,` between digits (`4,500`, `99.6`). Letters directly after
    /// (`86m`, `11th`) are a separate, glued [`TokenKind::Word`].
    Number,
    /// Any other single visible character: punctuation, quote marks, symbols, emoji.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Bytes covered.
    pub span: Span,
    /// Kind of token.
    pub kind: TokenKind,
    /// True when whitespace (or the start of the text) comes right before the token.
    pub space_before: bool,
    /// True when a line break lies between the previous token and this one.
    pub newline_before: bool,
    /// Index of the sentence holding the token.
    pub sentence: usize,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }

    /// First character of the token.
    pub fn first_char(&self, text: &str) -> char {
        let Span { start, end } = self.span;
        // ASCII first byte of a valid span: no need to decode.
        if start < end && text.is_char_boundary(end) {
            if let Some(&b) = text.as_bytes().get(start) {
                if b.is_ascii() {
                    return char::from(b);
                }
            }
        }
        self.text(text).chars().next().unwrap_or(' ')
    }

    /// True for a word starting with an upper-case letter.
    pub fn is_capitalised(&self, text: &str) -> bool {
        self.kind == TokenKind::Word && self.first_char(text).is_uppercase()
    }
}

/// One sentence (or headline, or list item).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Bytes from the first to the last token.
    pub span: Span,
    /// Indices of its tokens in [`TextIndex::tokens`].
    pub tokens: Range<usize>,
    /// True when a line break comes before the sentence (it starts a paragraph or line).
    pub starts_paragraph: bool,
}

/// A text with its tokens and sentences.
#[derive(Debug, Clone)]
pub struct TextIndex<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
}

/// Abbreviations whose final dot does not end a sentence (compared case-sensitively, without the
/// dot). Titles before names, and other words that are almost always followed by more.
const NON_FINAL_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt",
    "Capt", "Cmdr", "Adm", "Maj", "Rev", "Fr", "Hon", "Pres", "Supt", "Insp", "Det", "Mt", "Ft",
    "No", "Nos", "vs", "v", "cf", "etc", "approx", "est", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Gov", "Rt", "Messrs", "Mme", "Mlle", "Sr", "Jr",
];

/// Tokens [`TextIndex::tokens_at_or_after`] walks one at a time before it gallops.
const SCAN_STEPS: usize = 32;

impl<'a> TextIndex<'a> {
    /// Tokenizes `text` and splits it into sentences.
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let mut index = TextIndex {
            text,
            tokens,
            sentences: Vec::new(),
        };
        index.split_sentences();
        index
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// All tokens in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// All sentences in text order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The text of token `i` (`""` when out of range).
    pub fn token_text(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// True when token `i` is the first word or number of its sentence, counting from after any
    /// opening quotes, brackets, dashes or bullets.
    pub fn is_sentence_initial(&self, i: usize) -> bool {
        let Some(token) = self.tokens.get(i) else {
            return false;
        };
        let Some(sentence) = self.sentences.get(token.sentence) else {
            return false;
        };
        self.tokens[sentence.tokens.start..i]
            .iter()
            .all(|t| t.kind == TokenKind::Punct)
    }

    /// Index of the first token starting at or after byte `byte`.
    pub fn token_at_or_after(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < byte)
    }

    /// [`TextIndex::token_at_or_after`] of each byte offset, in order. Offsets in ascending
    /// order (annotations sorted by start) are answered by walking forward from the previous
    /// answer, a token at a time for the first [`SCAN_STEPS`] tokens (the usual case, and
    /// reading tokens in order is what the processor's cache does best) and by galloping
    /// after that; an offset that goes back falls back to a binary search over all tokens.
    ///
    /// ```
    /// use marginalia_core::TextIndex;
    /// let index = TextIndex::new("Anna met Ben in Leeds.");
    /// assert_eq!(index.tokens_at_or_after([0, 5, 16, 2]), vec![0, 1, 4, 1]);
    /// ```
    pub fn tokens_at_or_after(&self, bytes: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut at = 0usize;
        let mut prev = 0usize;
        bytes
            .into_iter()
            .map(|byte| {
                if byte < prev {
                    at = self.token_at_or_after(byte);
                } else {
                    at = self.forward_to(at, byte);
                }
                prev = byte;
                at
            })
            .collect()
    }

    /// The first token at or after `from` that starts at or after `byte`.
    fn forward_to(&self, from: usize, byte: usize) -> usize {
        let rest = self.tokens.get(from..).unwrap_or(&[]);
        if let Some(k) = rest
            .iter()
            .take(SCAN_STEPS)
            .position(|t| t.span.start >= byte)
        {
            return from + k;
        }
        if rest.len() <= SCAN_STEPS {
            return from + rest.len();
        }
        // Far ahead: find a window holding the answer by doubling steps, then search it.
        let mut end = SCAN_STEPS * 2;
        while end < rest.len() && rest.get(end - 1).is_some_and(|t| t.span.start < byte) {
            end *= 2;
        }
        let window = rest.get(SCAN_STEPS..end.min(rest.len())).unwrap_or(&[]);
        from + SCAN_STEPS + window.partition_point(|t| t.span.start < byte)
    }

    /// Splits the tokens into sentences and gives each token its sentence index, in one pass.
    fn split_sentences(&mut self) {
        let mut start = 0usize;
        let n = self.tokens.len();
        for i in 0..n {
            let sentence = self.sentences.len();
            if let Some(t) = self.tokens.get_mut(i) {
                t.sentence = sentence;
            }
            let ends_here = match self.tokens.get(i..i + 2) {
                // Only a line break or punctuation can end a sentence: most tokens stop here.
                Some([tok, next]) => {
                    (next.newline_before || tok.kind == TokenKind::Punct) && self.boundary_after(i)
                }
                _ => true,
            };
            if ends_here {
                let (Some(first), Some(last)) = (self.tokens.get(start), self.tokens.get(i)) else {
                    break;
                };
                self.sentences.push(Sentence {
                    span: Span::new(first.span.start, last.span.end),
                    tokens: start..i + 1,
                    starts_paragraph: start == 0 || first.newline_before,
                });
                start = i + 1;
            }
        }
    }

    /// Does a sentence end after token `i` (which is not the last token)?
    fn boundary_after(&self, i: usize) -> bool {
        let text = self.text;
        let tok = &self.tokens[i];
        let next = &self.tokens[i + 1];
        if next.newline_before {
            // A line break ends a sentence (headlines, paragraphs) unless the next line carries
            // on in lower case (a hard-wrapped paragraph).
            return !next.first_char(text).is_lowercase();
        }
        // Only punctuation can be a terminator or a closing mark.
        if tok.kind != TokenKind::Punct {
            return false;
        }
        let t = tok.text(text);
        let mark = Mark::of(t);
        // Closing quotes and brackets after a terminator stay in the sentence.
        if mark.closing && i > 0 {
            let prev = Mark::of(self.tokens[i - 1].text(text));
            if prev.terminator && !next.space_before && Mark::of(next.text(text)).closing {
                return false;
            }
            if prev.terminator && (next.space_before || next.newline_before) {
                return starts_sentence(next, text);
            }
            return false;
        }
        if !mark.terminator {
            return false;
        }
        // More terminators or closing marks follow: wait for them.
        let next_mark = Mark::of(next.text(text));
        if next_mark.terminator || (next_mark.closing && !next.space_before) {
            return false;
        }
        if t == "." && i > 0 {
            let prev = &self.tokens[i - 1];
            if !tok.space_before && prev.kind == TokenKind::Word {
                let w = prev.text(text);
                if is_non_final_abbreviation(w) {
                    return false;
                }
                // A single capital letter is an initial ("J. K. Rowling").
                let mut cs = w.chars();
                if let (Some(c), None) = (cs.next(), cs.next()) {
                    if c.is_uppercase() {
                        return false;
                    }
                }
            }
        }
        if !next.space_before {
            // Glued: "online.Observers". Only a capitalised word after a lower-case one.
            return t == "."
                && next.is_capitalised(text)
                && i > 0
                && self.tokens[i - 1]
                    .text(text)
                    .chars()
                    .last()
                    .is_some_and(char::is_lowercase);
        }
        starts_sentence(next, text)
    }
}

/// Can this token begin a sentence after a terminator and a space?
fn starts_sentence(next: &Token, text: &str) -> bool {
    let c = next.first_char(text);
    c.is_uppercase()
        || c.is_ascii_digit()
        || Mark::of(next.text(text)).opening
        || next.kind == TokenKind::Punct && !c.is_lowercase() && !matches!(c, ',' | ';' | ':' | ')')
}

/// What a token does at a sentence boundary.
#[derive(Debug, Clone, Copy, Default)]
struct Mark {
    /// `.`, `!`, `?` or `…`.
    terminator: bool,
    /// A closing quote or bracket: `”`, `’`, `"`, `'`, `)`, `]`, `»`.
    closing: bool,
    /// An opening quote or bracket: `“`, `‘`, `"`, `'`, `(`, `[`, `«`.
    opening: bool,
}

impl Mark {
    /// The mark of a token's text; words and other punctuation are none of the three.
    #[inline]
    fn of(t: &str) -> Mark {
        let (terminator, closing, opening) = match t.as_bytes() {
            [b'.' | b'!' | b'?'] => (true, false, false),
            [b'"' | b'\''] => (false, true, true),
            [b')' | b']'] => (false, true, false),
            [b'(' | b'['] => (false, false, true),
            // Multi-byte marks: 2 bytes (`»`, `«`) or 3 bytes (`…`, curly quotes).
            [_, _] | [_, _, _] => match t {
                "…" => (true, false, false),
                "”" | "’" | "»" => (false, true, false),
                "“" | "‘" | "«" => (false, false, true),
                _ => return Mark::default(),
            },
            _ => return Mark::default(),
        };
        Mark {
            terminator,
            closing,
            opening,
        }
    }
}

/// For each length up to six, the first letters of the [`NON_FINAL_ABBREVIATIONS`] of that
/// length, as bits `letter - b'A'`: most words before a dot are refused without going through the
/// list.
const ABBREVIATION_STARTS: [u64; 7] = abbreviation_starts();

const fn abbreviation_starts() -> [u64; 7] {
    let mut starts = [0u64; 7];
    let mut k = 0;
    while k < NON_FINAL_ABBREVIATIONS.len() {
        let w = NON_FINAL_ABBREVIATIONS[k].as_bytes();
        if w.len() < starts.len() && w[0] >= b'A' && w[0] - b'A' < 64 {
            starts[w.len()] |= 1 << (w[0] - b'A');
        }
        k += 1;
    }
    starts
}

/// Is `w` one of [`NON_FINAL_ABBREVIATIONS`] (none is longer than six bytes)?
fn is_non_final_abbreviation(w: &str) -> bool {
    let listed_start = match (ABBREVIATION_STARTS.get(w.len()), w.as_bytes().first()) {
        (Some(starts), Some(&first)) => first
            .checked_sub(b'A')
            .is_some_and(|bit| bit < 64 && starts >> bit & 1 == 1),
        _ => false,
    };
    listed_start && NON_FINAL_ABBREVIATIONS.contains(&w)
}

/// Normalises input text the same way everywhere (page, CLI, tests): a leading byte-order mark is
/// dropped and CRLF / lone CR line breaks become LF, as a browser's text area does. Returns the
/// input unchanged (borrowed) when there is nothing to do.
///
/// ```
/// use marginalia_core::text::normalize_input;
/// assert_eq!(normalize_input("\u{FEFF}a\r\nb\rc"), "a\nb\nc");
/// ```
pub fn normalize_input(text: &str) -> std::borrow::Cow<'_, str> {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if !body.contains('\r') {
        return if body.len() == text.len() {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(body.to_string())
        };
    }
    std::borrow::Cow::Owned(body.replace("\r\n", "\n").replace('\r', "\n"))
}

/// True for characters that continue a word: letters, digits, combining marks, soft hyphen,
/// zero-width joiner.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32,
            0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
            | 0x00AD | 0x200D)
}

/// True for characters that separate tokens without being one: Unicode white space plus the
/// invisible zero-width space, word joiner and byte-order mark.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// The character starting at byte `pos` of `text`, if `pos` is in range and on a character
/// boundary. ASCII is read straight from the byte; anything else is decoded.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    let b = *text.as_bytes().get(pos)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        text.get(pos..)?.chars().next()
    }
}

/// True for the parts of the General Punctuation block (U+2010–U+2027, U+2030–U+205E) that hold
/// neither spaces nor letters, digits or joiners: every character there is a [`TokenKind::Punct`]
/// token on its own. Checked by the test `punctuation_block_is_only_punctuation`.
fn is_punctuation_block(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
}

/// Splits `text` into tokens. Sentence indices are filled in later.
///
/// Works on byte offsets without collecting the characters: ASCII bytes are read directly and
/// other characters are decoded where they are met.
fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut tokens = Vec::with_capacity(n / 4);
    let mut pos = 0usize;
    let mut space_before = true;
    let mut newline_before = false;
    while let Some(&b) = bytes.get(pos) {
        // ASCII: decide from the byte alone (`char::is_whitespace` holds for exactly these
        // ASCII spaces; other ASCII besides letters and digits is punctuation).
        if b.is_ascii() {
            let start = pos;
            let kind = match b {
                b' ' | b'\t' | 0x0B | 0x0C | b'\n' | b'\r' => {
                    space_before = true;
                    newline_before |= matches!(b, b'\n' | b'\r');
                    pos += 1;
                    continue;
                }
                b'0'..=b'9' => {
                    pos = scan_digits(bytes, pos + 1);
                    TokenKind::Number
                }
                b'a'..=b'z' | b'A'..=b'Z' => {
                    // Most words are ASCII letters and digits followed by a space or plain
                    // punctuation: settle those here, and leave dots, apostrophes, hyphens,
                    // `&` and non-ASCII to `scan_word`.
                    let end = ascii_alnum_end(bytes, pos + 1);
                    pos = if may_continue(bytes, pos, end) {
                        scan_word(text, pos, char::from(b))
                    } else {
                        end
                    };
                    TokenKind::Word
                }
                _ => {
                    pos += 1;
                    TokenKind::Punct
                }
            };
            tokens.push(Token {
                span: Span::new(start, pos.min(n)),
                kind,
                space_before,
                newline_before,
                sentence: 0,
            });
            // The usual separator, one plain space, is taken here rather than by another turn
            // of the loop.
            space_before = bytes.get(pos) == Some(&b' ');
            pos += usize::from(space_before);
            newline_before = false;
            continue;
        }
        let Some(c) = char_at(text, pos) else {
            break;
        };
        if is_space(c) {
            space_before = true;
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
                newline_before = true;
            }
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        let kind;
        if is_punctuation_block(c) {
            // Dashes, curly quotes, bullets, ellipsis...: never space, digit or word character.
            kind = TokenKind::Punct;
            pos += c.len_utf8();
        } else if c.is_ascii_digit()
            || (c.is_numeric() && c.is_alphanumeric() && !c.is_alphabetic())
        {
            kind = TokenKind::Number;
            pos = scan_digits(bytes, pos + c.len_utf8());
        } else if is_word_char(c) {
            kind = TokenKind::Word;
            pos = scan_word(text, pos, c);
        } else {
            kind = TokenKind::Punct;
            pos += c.len_utf8();
        }
        tokens.push(Token {
            span: Span::new(start, pos.min(n)),
            kind,
            space_before,
            newline_before,
            sentence: 0,
        });
        space_before = false;
        newline_before = false;
    }
    tokens
}

/// Scans the rest of a number from byte `pos`: ASCII digits, with single `.` or `,` between
/// digits. Returns the byte offset one past it.
fn scan_digits(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(&d) = bytes.get(pos) {
        if d.is_ascii_digit() {
            pos += 1;
        } else if matches!(d, b'.' | b',') && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit) {
            pos += 2;
        } else {
            break;
        }
    }
    pos
}

/// The byte offset of the first byte at or after `pos` that is not an ASCII letter or digit
/// (`bytes.len()` when there is none).
///
/// Most words fit in eight bytes, so the text is read eight bytes at a time ([`alnum_prefix`])
/// while eight remain, then byte by byte.
#[inline]
fn ascii_alnum_end(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(eight) = bytes.get(pos..).and_then(|rest| rest.first_chunk::<8>()) {
        let run = alnum_prefix(u64::from_le_bytes(*eight));
        pos += run;
        if run < 8 {
            return pos;
        }
    }
    let rest = bytes.get(pos..).unwrap_or(&[]);
    pos + rest
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len())
}

/// Eight copies of byte `b`.
const fn bytes8(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// How many of the eight bytes of `chunk` (first byte lowest) are ASCII letters or digits before
/// the first that is not (8 when all are). Each byte is compared with the range bounds at once:
/// for a byte below 0x80, adding `0x80 - n` sets its top bit exactly when it is `>= n`, without
/// carrying into the next byte.
#[inline]
fn alnum_prefix(chunk: u64) -> usize {
    let high = bytes8(0x80);
    let at_least = |x: u64, n: u8| x.wrapping_add(bytes8(0x80 - n)) & high;
    // Top bit of a byte set: ASCII and in the range.
    let ascii = !chunk & high;
    let digit = at_least(chunk & !high, b'0') & !at_least(chunk & !high, b'9' + 1);
    let folded = (chunk | bytes8(0x20)) & !high;
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let stop = !(ascii & (digit | letter)) & high;
    (stop.trailing_zeros() / 8) as usize
}

/// Can the word whose ASCII letters and digits span `start..end` go on past `end` (through
/// [`scan_word`])? Only through a non-ASCII character, `'`, `-`, `&`, or a `.` that makes an
/// abbreviation (after a single letter: "U.S.") or joins a lower-case letter ("example.com"):
/// a sentence-final dot ("said. The") ends the word here.
#[inline]
fn may_continue(bytes: &[u8], start: usize, end: usize) -> bool {
    match bytes.get(end) {
        Some(b'.') => {
            end - start == 1
                || bytes
                    .get(end + 1)
                    .is_some_and(|&n| !n.is_ascii() || n.is_ascii_lowercase())
        }
        Some(&c) => !c.is_ascii() || matches!(c, b'\'' | b'-' | b'&'),
        None => false,
    }
}

/// Scans a word whose first character `first` starts at byte `start`; returns the byte offset
/// one past it.
fn scan_word(text: &str, start: usize, first: char) -> usize {
    let bytes = text.as_bytes();
    // Abbreviation with dots: single letters each followed by '.', at least two ("U.S.", "e.g.").
    // Only possible when a dot directly follows the first letter.
    if bytes.get(start + first.len_utf8()) == Some(&b'.') {
        let mut k = start;
        let mut letters = 0;
        // Every letter's dot is followed by a non-letter, or by a letter and a dot.
        let mut single_letters = true;
        while let Some(c) = char_at(text, k) {
            let dot = k + c.len_utf8();
            if !c.is_alphabetic() || bytes.get(dot) != Some(&b'.') {
                break;
            }
            let after = dot + 1;
            let next = char_at(text, after);
            let next_alpha = next.is_some_and(char::is_alphabetic);
            let after_next = next.and_then(|d| char_at(text, after + d.len_utf8()));
            letters += 1;
            k = after;
            if next_alpha && after_next != Some('.') {
                single_letters = false;
            }
            if !next_alpha || after_next.is_some_and(is_word_char) {
                break;
            }
        }
        if letters >= 2 && single_letters {
            return k;
        }
    }
    let mut i = start + first.len_utf8();
    let mut prev = first;
    loop {
        // ASCII letters and digits: the common case, one byte each.
        let run = i;
        i = ascii_alnum_end(bytes, i);
        if i > run {
            if let Some(&b) = bytes.get(i - 1) {
                prev = char::from(b);
            }
        }
        // Other ASCII besides `'`, `-`, `&` and `.` neither continues nor joins a word.
        match bytes.get(i) {
            None => break,
            Some(&b) if b.is_ascii() && !matches!(b, b'\'' | b'-' | b'&' | b'.') => break,
            _ => {}
        }
        let Some(c) = char_at(text, i) else {
            break;
        };
        let len = c.len_utf8();
        if is_word_char(c) {
            i += len;
            prev = c;
            continue;
        }
        let next = char_at(text, i + len);
        let joins = match c {
            _ if is_apostrophe(c) => next.is_some_and(char::is_alphabetic),
            _ if is_hyphen(c) => next.is_some_and(is_word_char),
            '&' => prev.is_uppercase() && next.is_some_and(char::is_uppercase),
            // "example.com" stays one token; "online.Observers" does not.
            '.' => {
                prev.is_alphanumeric()
                    && next.is_some_and(|d| d.is_lowercase())
                    && next
                        .and_then(|d| char_at(text, i + len + d.len_utf8()))
                        .is_some_and(is_word_char)
                    && !prev.is_uppercase()
            }
            _ => false,
        };
        if joins {
            i += len;
            prev = c;
        } else {
            break;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let index = TextIndex::new(text);
        index.tokens().iter().map(|t| t.text(text)).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let index = TextIndex::new(text);
        index
            .sentences()
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    /// Offsets in order, near and far apart (walked, galloped), repeated, past the end and
    /// going back: each answer is the binary search's.
    #[test]
    fn tokens_at_or_after_agrees_with_the_search_for_each_offset() {
        let text = "Word, and word. ".repeat(300);
        let index = TextIndex::new(&text);
        let mut offsets: Vec<usize> = Vec::new();
        let mut at = 0usize;
        for gap in [
            0, 1, 2, 3, 5, 31, 32, 33, 64, 65, 100, 500, 1000, 7, 0, 2000,
        ] {
            at += gap;
            offsets.push(at);
        }
        offsets.extend([text.len(), text.len() + 5, 3, 40, 4000, 10]);
        let got = index.tokens_at_or_after(offsets.iter().copied());
        let want: Vec<usize> = offsets
            .iter()
            .map(|&b| index.token_at_or_after(b))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn apostrophes_and_hyphens_stay_inside_names() {
        assert_eq!(
            words("Anna’s Archive and Ed Newton-Rex's view"),
            ["Anna’s", "Archive", "and", "Ed", "Newton-Rex's", "view"]
        );
    }

    #[test]
    fn numbers_split_from_their_suffixes() {
        assert_eq!(
            words("86m users, $6bn and 99.6%"),
            ["86", "m", "users", ",", "$", "6", "bn", "and", "99.6", "%"]
        );
        assert_eq!(words("£4,500 on 11th"), ["£", "4,500", "on", "11", "th"]);
    }

    #[test]
    fn abbreviations_keep_their_dots() {
        assert_eq!(words("the U.S. said"), ["the", "U.S.", "said"]);
        assert_eq!(words("e.g. this"), ["e.g.", "this"]);
        assert_eq!(
            sentences("The U.S. Senate voted."),
            ["The U.S. Senate voted."]
        );
    }

    #[test]
    fn glued_sentences_split() {
        assert_eq!(
            sentences("It went online.Observers said it was big."),
            ["It went online.", "Observers said it was big."]
        );
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith met J. K. Rowling. She smiled."),
            ["Mr. Smith met J. K. Rowling.", "She smiled."]
        );
    }

    #[test]
    fn closing_quote_belongs_to_the_sentence() {
        assert_eq!(
            sentences("“We are done.” He left. “Why?” she asked."),
            ["“We are done.”", "He left.", "“Why?” she asked."]
        );
    }

    #[test]
    fn headline_line_break_ends_a_sentence() {
        assert_eq!(
            sentences("Spotify strikes deal\nThe company said so.\nand carried on"),
            [
                "Spotify strikes deal",
                "The company said so.\nand carried on"
            ]
        );
    }

    #[test]
    fn sentence_initial_skips_opening_quotes() {
        let text = "“The plan works,” he said.";
        let index = TextIndex::new(text);
        assert!(index.is_sentence_initial(1));
        assert!(!index.is_sentence_initial(2));
    }

    #[test]
    fn punctuation_block_is_only_punctuation() {
        for c in ('\u{2000}'..='\u{206F}').filter(|&c| is_punctuation_block(c)) {
            assert!(!is_space(c) && !is_word_char(c) && !c.is_numeric(), "{c:?}");
        }
    }

    #[test]
    fn non_final_abbreviations_are_short() {
        assert!(NON_FINAL_ABBREVIATIONS.iter().all(|w| w.len() <= 6));
        assert!(NON_FINAL_ABBREVIATIONS
            .iter()
            .all(|w| is_non_final_abbreviation(w)));
        assert!(!is_non_final_abbreviation("Mrs.") && !is_non_final_abbreviation("said"));
        assert!(is_non_final_abbreviation("Messrs") && !is_non_final_abbreviation("Mister"));
    }

    #[test]
    fn marks_match_their_characters() {
        for (t, term, close, open) in [
            (".", true, false, false),
            ("…", true, false, false),
            ("\"", false, true, true),
            ("’", false, true, false),
            ("«", false, false, true),
            ("-", false, false, false),
            ("..", false, false, false),
        ] {
            let m = Mark::of(t);
            assert_eq!(
                (m.terminator, m.closing, m.opening),
                (term, close, open),
                "{t}"
            );
        }
    }

    #[test]
    fn alnum_runs_match_the_byte_test() {
        // Every byte value at every position of a run, and runs of every length.
        let mut texts: Vec<Vec<u8>> = Vec::new();
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut t = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[..14]
                    .to_vec();
                if let Some(slot) = t.get_mut(at) {
                    *slot = b;
                }
                texts.push(t);
            }
        }
        for len in 0..20 {
            texts.push(b"Zz09".iter().cycle().take(len).copied().collect());
        }
        for t in &texts {
            for pos in 0..=t.len() {
                let slow = pos
                    + t[pos..]
                        .iter()
                        .position(|b| !b.is_ascii_alphanumeric())
                        .unwrap_or(t.len() - pos);
                assert_eq!(ascii_alnum_end(t, pos), slow, "{t:?} {pos}");
            }
        }
    }

    #[test]
    fn odd_spaces_and_emoji() {
        assert_eq!(words("a\u{00A0}b\u{200B}c 😀d"), ["a", "b", "c", "😀", "d"]);
    }
}
