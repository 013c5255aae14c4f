//! The number layer: money, percentages, counts, quantities, dates and ordinals.
//!
//! A single left-to-right pass over the shared [`TextIndex`] tokens with hand-written matchers
//! (no regular expressions). Each position is tried, in order, as: noise to skip (times, phone
//! numbers, footnote markers, codes), money after a currency sign, a date, a number with its
//! suffix (percent sign, currency word, unit, scale), an ordinal, a relative date.
//!
//! ```
//! use marginalia_core::{numbers, Label, TextIndex, Value};
//! let text = "Spotify paid $6bn on 18 March.";
//! let found = numbers::recognize(&TextIndex::new(text));
//! assert_eq!(found[0].label, Label::Money);
//! assert_eq!(found[0].span.slice(text), "$6bn");
//! assert_eq!(found[0].value, Some(Value::Number(6e9)));
//! assert_eq!(found[1].value, Some(Value::Date("XXXX-03-18".into())));
//! ```

mod lexicon;
mod words;

use crate::annotation::{Annotation, Label, Value};
use crate::span::Span;
use crate::text::{TextIndex, Token, TokenKind};
use lexicon::{lexicon, Lexicon};
use std::sync::OnceLock;
use words::*;

/// Finds number-layer spans, sorted by start and non-overlapping, each with a normalised value
/// where one exists. Never panics.
///
/// # Labels, values and units
///
/// | label | covers | `value` | `unit` |
/// |---|---|---|---|
/// | `CARDINAL` | counts: `86m`, `700 million`, `200,000`, `two hundred`, `a dozen`, `half a million` | the number (`86000000`); none for vague counts (`hundreds of thousands`, `dozens`) and ranges (`10-15`) | none |
/// | `ORDINAL` | `11th`, `22nd`, `third`, `twenty-first`; `second` only when it is not a unit of time | the rank (`11`) | none |
/// | `PERCENT` | `99.6%`, `12 per cent`, `12 percent`, `twelve per cent`, `5pc`, `2 percentage points`, `25 basis points` | the number (`99.6`) | `"%"`; `"pp"` for percentage points, `"bp"` for basis points |
/// | `MONEY` | `$6bn`, `£4,500`, `€3.2m`, `US$5`, `5 million dollars`, `50p`, `¥100`, `Rs 500`, `USD 5` | the amount in the currency's main unit (`6000000000`; `50p` is `0.5`) | ISO 4217 code: `USD`, `GBP`, `EUR`, `JPY`, `INR`... (cents count as `USD`) |
/// | `QUANTITY` | a number with a unit: `5km`, `30 tonnes`, `2.5 litres`, `10 miles`, `40C`, `40°C`, `6ft`, `3.5 hours`, `five-year`, `35-year-old` | the number (`5`) | a short symbol: `km`, `t`, `l`, `mi`, `°C`, `°F`, `ft`, `h`, `min`, `s`, `d`, `wk`, `mo`, `yr`, `kg`, `lb`, `km²`, `mph`, `GW`, `GB`... |
/// | `DATE` | `1979`, `the 1950s`, `’90s`, `18 March`, `March 18, 2024`, `March 2024`, `in March` (the month only), `Monday`, `2019-20`, `2024-03-18`, `summer 2024`, `the 18th century`, `last year`, `yesterday`, `three years ago` | ISO 8601 / TIMEX3 text: `"1979"`, `"2024-03-18"`, `"XXXX-03-18"` (year not given), `"2024-03"`, `"XXXX-03"`, `"195"` (a decade), `"18"` (the 1800s), `"17"` (the 18th century), `"XXXX-WXX-1"` (a Monday), `"2019/2020"` (a range), `"2024-SU"` (a season); none for relative dates (`last year`, `today`, `three years ago`) | none |
///
/// Values are `f64`; whole numbers are exact integers (the export writes them as JSON
/// integers). A value that does not fit an `f64` (a 400-digit number) is left out. Negative
/// numbers keep their sign (`-5C` is `-5` `°C`).
///
/// # Decisions
///
/// - A bare four-digit number from 1000 to 2100 is a year (`DATE`) unless it has a comma, a
///   unit, percent sign, currency or scale, follows a currency sign, a count cue (`about`,
///   `nearly`, `than`...) or comes before a counted noun (`2000 people`).
/// - `m` after digits is *million* (`86m`, `€3.2m`); metres need the word (`100 metres`).
/// - Digits inside words or names are not numbers: `COVID-19`, `G7`, `A380`, `5G`, `3D`; nor is
///   a bare number after a capitalised word in mid-sentence (`Windows 11`, `Apollo 11`,
///   `Article 50`) or after `No` (`No 10`), nor a capitalised number word in mid-sentence
///   (`Formula One`). Years after names stay dates (`Euro 2024`).
/// - Not annotated at all: clock times (`3pm`, `10.30am`, `10:30`), ratios and fractions with
///   `:` or `/` (`24/7`, `9/11`), phone numbers (`020 7946 0958`, `+44 20...`, `555-1234`),
///   footnote digits glued to words or punctuation (`scraped.3`, `[3]`) and list markers at the
///   start of a line (`1.`).
/// - Bare `one` is not a count (`one of the`, `no one`, `one day`); it is when it carries a
///   scale, unit, percent or currency (`one million`, `one per cent`, `one month`).
/// - `first` and `second` are ordinals only after a determiner (`the first`, `its second`);
///   `a second` must be followed by a noun (`a second term`), not `later` or punctuation.
/// - Durations are `QUANTITY` with a time unit (`3.5 hours` → `3.5` `h`, `two years` → `2`
///   `yr`); with `ago` they become a `DATE` without value.
/// - `pounds` is money (`GBP`) unless followed by `of` or near a word about weight (`weighs`).
/// - Ranges are one span without a value: `10-15`, `3-1`, `$5-10m`, `10-15%`; day ranges are
///   an ISO 8601 interval (`September 16-19` → `"XXXX-09-16/XXXX-09-19"`), year ranges too
///   (`2019-20` → `"2019/2020"`).
/// - Identifiers of nine or more digits without separators (tweet ids, timestamps) are skipped.
/// - Approximators stay outside spans (`more than 700 million` → `700 million`); `the` is inside
///   decade and century spans (`the 1950s`).
pub fn recognize(index: &TextIndex<'_>) -> Vec<Annotation> {
    recognize_with(index, word_filter())
}

/// [`recognize`] with the word filter `number_words` (a test lets every word through).
fn recognize_with(index: &TextIndex<'_>, number_words: &WordFilter) -> Vec<Annotation> {
    let mut scanner = Scanner {
        index,
        text: index.text(),
        toks: index.tokens(),
        lex: lexicon(),
        number_words,
        // News text has about one number-layer span per twenty tokens: reserving that much
        // spares most of the vector's regrowth and copying.
        out: Vec::with_capacity(index.tokens().len() / 20),
        last_end: 0,
        caps_cache: None,
    };
    scanner.run();
    scanner.out
}

/// Powers of ten exactly representable as `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A parsed digit token ("4,500", "99.6").
#[derive(Debug, Clone, Copy)]
struct Digits<'a> {
    text: &'a str,
    /// All digits as one integer, when it fits.
    mant: Option<u64>,
    /// Digits after the decimal point.
    decimals: u32,
    /// Digits before the decimal point.
    int_digits: usize,
    /// Has thousands separators.
    comma: bool,
    /// Has a decimal point.
    dot: bool,
}

impl Digits<'_> {
    /// A plain integer without separators or decimals.
    fn plain(&self) -> bool {
        !self.comma && !self.dot
    }

    /// The integer value of a plain integer of at most 18 digits.
    fn int(&self) -> Option<u64> {
        if self.plain() && self.int_digits <= 18 {
            self.mant
        } else {
            None
        }
    }

    /// The value times 10^`pow10`, if finite.
    fn value(&self, pow10: i32) -> Option<f64> {
        let exp = pow10 - self.decimals as i32;
        if let Some(m) = self.mant.filter(|&m| m < 1 << 53) {
            let m = m as f64;
            if let Some(&p) = usize::try_from(exp).ok().and_then(|e| POW10.get(e)) {
                return Some(m * p).filter(|v| v.is_finite());
            }
            if let Some(&p) = usize::try_from(-exp).ok().and_then(|e| POW10.get(e)) {
                return Some(m / p);
            }
        }
        let mut s = String::with_capacity(self.text.len() + 8);
        s.extend(self.text.chars().filter(char::is_ascii_digit));
        s.push('e');
        s.push_str(&exp.to_string());
        s.parse::<f64>().ok().filter(|v| v.is_finite())
    }
}

/// Parses an ASCII digit token with optional thousands commas and one decimal point.
///
/// One pass over the bytes: digits, commas between groups of three before the point (the first
/// group one to three digits), and at least one digit on both sides of the point.
fn parse_digits(s: &str) -> Option<Digits<'_>> {
    let mut mant: Option<u64> = Some(0);
    let mut int_digits = 0usize;
    let mut decimals = 0u32;
    let mut dot = false;
    let mut comma = false;
    // Digits since the start or the last comma, before the point.
    let mut group = 0usize;
    for b in s.bytes() {
        match b {
            b'0'..=b'9' => {
                mant = mant
                    .and_then(|m| m.checked_mul(10))
                    .and_then(|m| m.checked_add(u64::from(b - b'0')));
                if dot {
                    decimals += 1;
                } else {
                    int_digits += 1;
                    group += 1;
                }
            }
            b',' if !dot => {
                let group_ok = if comma {
                    group == 3
                } else {
                    (1..=3).contains(&group)
                };
                if !group_ok {
                    return None;
                }
                comma = true;
                group = 0;
            }
            b'.' if !dot => dot = true,
            _ => return None,
        }
    }
    let last_group_ok = !comma || group == 3;
    if int_digits == 0 || !last_group_ok || (dot && decimals == 0) {
        return None;
    }
    Some(Digits {
        text: s,
        mant,
        decimals,
        int_digits,
        comma,
        dot,
    })
}

/// The value of `s` when it is a plain run of ASCII digits whose length lies in `len` (at most
/// nine digits, so the value fits).
fn small_int(s: &str, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
    if !len.contains(&s.len()) || s.len() > 9 {
        return None;
    }
    s.bytes().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// Days in a month (February has 29: the year may be unknown).
fn days_in_month(m: u32) -> u32 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Is `s` an ordinal suffix after digits ("st", "nd", "rd", "th")?
fn ordinal_suffix(s: &str) -> bool {
    matches!(
        s,
        "st" | "nd" | "rd" | "th" | "ST" | "ND" | "RD" | "TH" | "St" | "Nd" | "Rd" | "Th"
    )
}

/// Is the unit symbol a unit of time?
fn time_unit(sym: &str) -> bool {
    matches!(
        sym,
        "h" | "min" | "s" | "d" | "wk" | "mo" | "yr" | "decade" | "century"
    )
}

/// Splits a hyphenated word into parts (ASCII and Unicode hyphens).
fn hyphen_parts(s: &str) -> impl Iterator<Item = &str> {
    s.split(['-', '‐', '‑'])
}

/// Can a punctuation token starting with byte `first` be a currency sign or one of the marks
/// [`Scanner::at_punct`] acts on? (`$ - ' + [ #`, and the lead bytes of `£ ¥`, `฿` and
/// `€ − – ’ ‘ №`.)
fn punct_may_act(first: u8) -> bool {
    matches!(
        first,
        b'$' | b'-' | b'\'' | b'+' | b'[' | b'#' | 0xC2 | 0xE0 | 0xE2
    )
}

/// What [`Scanner::at_word`] does with a word it matches by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// "yesterday", "today", "tomorrow": a relative date on its own.
    Day,
    /// "last", "next", "this"...: a relative date with a period after.
    Relative,
    /// "a", "an": before a scale ("a million") or a period with "ago".
    Article,
    /// "half": "half a million".
    Half,
    /// "several", "few": before a scale.
    Several,
    /// "tens": "tens of thousands".
    Tens,
}

/// The words that [`Scanner::at_word`] matches by name (besides those of
/// [`words::number_word_list`]), the most frequent first. The word filter is built from this
/// list, so a word added here is always let through.
const WORD_TRIGGERS: [(&str, Trigger); 14] = [
    ("a", Trigger::Article),
    ("this", Trigger::Relative),
    ("an", Trigger::Article),
    ("last", Trigger::Relative),
    ("next", Trigger::Relative),
    ("few", Trigger::Several),
    ("half", Trigger::Half),
    ("today", Trigger::Day),
    ("yesterday", Trigger::Day),
    ("tomorrow", Trigger::Day),
    ("coming", Trigger::Relative),
    ("previous", Trigger::Relative),
    ("several", Trigger::Several),
    ("tens", Trigger::Tens),
];

/// The trigger of a lower-case word, if it is one of [`WORD_TRIGGERS`].
fn trigger(lw: &str) -> Option<Trigger> {
    WORD_TRIGGERS
        .iter()
        .find(|&&(w, _)| w == lw)
        .map(|&(_, t)| t)
}

/// The filter of [`Scanner::at_word`]: every lower-case word it acts on, and hyphenated words.
fn word_filter() -> &'static WordFilter {
    static FILTER: OnceLock<WordFilter> = OnceLock::new();
    FILTER.get_or_init(|| {
        let triggers: Vec<&str> = WORD_TRIGGERS.iter().map(|&(w, _)| w).collect();
        WordFilter::new(&triggers)
    })
}

struct Scanner<'a, 'x> {
    index: &'x TextIndex<'a>,
    text: &'a str,
    toks: &'x [Token],
    lex: &'static Lexicon,
    /// [`word_filter`].
    number_words: &'x WordFilter,
    out: Vec<Annotation>,
    /// End byte of the last annotation pushed.
    last_end: usize,
    /// Last answer of [`Scanner::caps_sentence`]: `(sentence, all capitals)`.
    caps_cache: Option<(usize, bool)>,
}

impl<'a> Scanner<'a, '_> {
    fn run(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let next = match self.toks[i].kind {
                TokenKind::Number => self.at_number(i, None),
                TokenKind::Word => self.at_word(i),
                TokenKind::Punct => self.at_punct(i),
            };
            i = next.filter(|&e| e > i).unwrap_or(i + 1);
        }
    }

    // ----- token helpers -------------------------------------------------------------------

    fn t(&self, j: usize) -> &'a str {
        self.index.token_text(j)
    }

    fn kind(&self, j: usize) -> Option<TokenKind> {
        self.toks.get(j).map(|t| t.kind)
    }

    fn is_number(&self, j: usize) -> bool {
        self.kind(j) == Some(TokenKind::Number)
    }

    fn is_word(&self, j: usize) -> bool {
        self.kind(j) == Some(TokenKind::Word)
    }

    /// Token `j` exists and touches the previous token.
    fn glued(&self, j: usize) -> bool {
        self.toks.get(j).is_some_and(|t| !t.space_before)
    }

    /// Token `j` exists, follows a space, and is on the same line as the previous token.
    fn spaced(&self, j: usize) -> bool {
        self.toks
            .get(j)
            .is_some_and(|t| t.space_before && !t.newline_before)
    }

    /// Token `j` exists on the same line as the previous token (glued or spaced).
    fn near(&self, j: usize) -> bool {
        self.toks.get(j).is_some_and(|t| !t.newline_before)
    }

    fn start(&self, j: usize) -> usize {
        self.toks.get(j).map_or(self.text.len(), |t| t.span.start)
    }

    fn end(&self, j: usize) -> usize {
        self.toks.get(j).map_or(self.text.len(), |t| t.span.end)
    }

    /// Token `j` as lower-case ASCII, if it is a short ASCII word.
    fn lower<'b>(&self, j: usize, buf: &'b mut [u8; 24]) -> Option<&'b str>
    where
        'a: 'b,
    {
        lower_ascii(self.t(j), buf)
    }

    /// Token `j` is the word `w` (case-insensitive).
    fn word_is(&self, j: usize, w: &str) -> bool {
        self.is_word(j) && self.t(j).eq_ignore_ascii_case(w)
    }

    /// Token `j` is a word starting with an upper-case letter that does not start its sentence.
    fn mid_capital(&self, j: usize) -> bool {
        self.toks
            .get(j)
            .is_some_and(|t| t.is_capitalised(self.text) && !self.index.is_sentence_initial(j))
    }

    /// Is the sentence of token `i` written in capitals (a shouted headline)? Cached per
    /// sentence, so a long all-caps text stays linear.
    fn caps_sentence(&mut self, i: usize) -> bool {
        let Some(index) = self.toks.get(i).map(|t| t.sentence) else {
            return false;
        };
        if let Some((cached, caps)) = self.caps_cache {
            if cached == index {
                return caps;
            }
        }
        let caps = self.compute_caps_sentence(index);
        self.caps_cache = Some((index, caps));
        caps
    }

    fn compute_caps_sentence(&self, index: usize) -> bool {
        let Some(sentence) = self.index.sentences().get(index) else {
            return false;
        };
        let words = sentence.tokens.clone().filter(|&j| self.is_word(j));
        let mut count = 0;
        for j in words {
            if self.t(j).chars().any(char::is_lowercase) {
                return false;
            }
            count += 1;
        }
        count >= 3
    }

    /// A year: a plain four-digit number from 1000 to 2100.
    fn year_at(&self, j: usize) -> Option<u32> {
        if !self.is_number(j) {
            return None;
        }
        let y = small_int(self.t(j), 4..=4)?;
        (1000..=2100).contains(&y).then_some(y)
    }

    /// A day of the month: a plain one- or two-digit number from 1 to 31.
    fn day_at(&self, j: usize) -> Option<u32> {
        if !self.is_number(j) {
            return None;
        }
        let d = small_int(self.t(j), 1..=2)?;
        (1..=31).contains(&d).then_some(d)
    }

    fn push(
        &mut self,
        start: usize,
        end: usize,
        label: Label,
        value: Option<Value>,
        unit: Option<&str>,
    ) {
        let span = Span { start, end };
        if start < self.last_end || start >= end || !span.is_valid_in(self.text) {
            return;
        }
        self.last_end = end;
        self.out.push(Annotation {
            span,
            label,
            value,
            unit: unit.map(str::to_string),
            quote: None,
        });
    }

    fn push_num(&mut self, start: usize, end: usize, label: Label, v: Option<f64>, unit: &str) {
        let unit = (!unit.is_empty()).then_some(unit);
        self.push(start, end, label, v.map(Value::Number), unit);
    }

    fn push_date(&mut self, start: usize, end: usize, value: Option<String>) {
        self.push(start, end, Label::Date, value.map(Value::Date), None);
    }

    /// Start of a span, moved back over a directly preceding "the".
    fn with_the(&self, i: usize) -> usize {
        if i > 0 && self.word_is(i - 1, "the") && self.spaced(i) {
            self.start(i - 1)
        } else {
            self.start(i)
        }
    }

    // ----- punctuation ---------------------------------------------------------------------

    fn at_punct(&mut self, i: usize) -> Option<usize> {
        // Most punctuation (commas, full stops, quotes) starts with none of the bytes of the
        // marks below: refused before slicing the text.
        let first = self
            .toks
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.span.start))?;
        if !punct_may_act(*first) {
            return None;
        }
        let s = self.t(i);
        if let Some(code) = currency_symbol(s) {
            return self.money_after_symbol(self.start(i), i + 1, code);
        }
        let tok = self.toks.get(i)?;
        // Every mark matched here must be in the test `punct_gate_lets_every_mark_through`.
        match s {
            "-" | "−" | "–" if tok.space_before && self.glued(i + 1) && self.is_number(i + 1) =>
            {
                if let Some(code) = currency_symbol(self.t(i + 1)) {
                    return self.money_after_symbol(self.start(i), i + 2, code);
                }
                self.at_number(i + 1, Some(self.start(i)))
            }
            "’" | "'" | "‘"
                if (tok.space_before
                    || (i >= 2 && self.t(i - 1) == "-" && self.word_is(i - 2, "mid")))
                    && self.glued(i + 1)
                    && self.is_number(i + 1) =>
            {
                self.decade(i + 1, Some(i))
            }
            "+" if self.glued(i + 1) && self.is_number(i + 1) => self.phone_run(i + 1, true),
            "[" if self.glued(i + 1)
                && self.is_number(i + 1)
                && self.glued(i + 2)
                && self.t(i + 2) == "]" =>
            {
                Some(i + 3)
            }
            "#" | "№" if self.glued(i + 1) && self.is_number(i + 1) => Some(i + 2),
            _ => None,
        }
    }

    /// Money after a currency sign at byte `start`; `j` should be the amount.
    fn money_after_symbol(&mut self, start: usize, j: usize, code: &str) -> Option<usize> {
        if !self.near(j) || !self.is_number(j) {
            return None;
        }
        let Some(d) = parse_digits(self.t(j)) else {
            return Some(j + 1);
        };
        let mut e = j + 1;
        let mut pow = 0;
        if let Some((p, e2)) = self.scale_after(e, true) {
            pow = p;
            e = e2;
        }
        let mut v = d.value(pow);
        // A range: "$5-10m", "£20-£30". One span, no single value.
        if matches!(self.t(e), "-" | "–") && self.glued(e) && self.glued(e + 1) {
            let k = if currency_symbol(self.t(e + 1)) == Some(code) && self.glued(e + 2) {
                e + 2
            } else {
                e + 1
            };
            if self.is_number(k) && parse_digits(self.t(k)).is_some() {
                e = k + 1;
                if let Some((_, e2)) = self.scale_after(e, true) {
                    e = e2;
                }
                v = None;
            }
        }
        self.push_num(start, self.end(e - 1), Label::Money, v, code);
        Some(e)
    }

    /// A scale after digits ("m", "bn", " million") at token `e`: `(power of ten, end)`.
    fn scale_after(&self, e: usize, money: bool) -> Option<(i32, usize)> {
        if !self.is_word(e) || !self.near(e) {
            return None;
        }
        let glued = self.glued(e);
        let p = digit_scale(self.t(e), glued, money)?;
        // "5m" must not be the start of a longer glued word; the tokenizer keeps words whole,
        // so only check that no number is glued after.
        if self.glued(e + 1) && self.is_number(e + 1) {
            return None;
        }
        Some((p, e + 1))
    }

    // ----- numbers -------------------------------------------------------------------------

    fn at_number(&mut self, i: usize, neg_start: Option<usize>) -> Option<usize> {
        let s = self.t(i);
        if s.bytes().filter(|&b| b == b'.').count() >= 2 {
            if let Some(v) = dotted_date(s) {
                self.push_date(self.start(i), self.end(i), Some(v));
            }
            return Some(i + 1);
        }
        let Some(d) = parse_digits(s) else {
            return Some(i + 1);
        };
        if neg_start.is_none() {
            if let Some(e) = self.skip_marker(i, &d) {
                return Some(e);
            }
            if let Some(e) = self.date_at_number(i, &d) {
                return Some(e);
            }
            if let Some(e) = self.phone_run(i, false) {
                return Some(e);
            }
            if let Some(e) = self.clock_time(i, &d) {
                return Some(e);
            }
        }
        // Other slashes and colons: fractions, ratios, "24/7", "9/11".
        if self.glued(i + 1)
            && matches!(self.t(i + 1), "/" | ":")
            && self.glued(i + 2)
            && self.is_number(i + 2)
        {
            return Some(i + 3);
        }
        // Long digit strings without separators are identifiers (tweet ids, timestamps).
        if d.plain() && d.int_digits >= 9 {
            return Some(i + 1);
        }
        let start = neg_start.unwrap_or(self.start(i));
        Some(self.number_phrase(i, start, &d, neg_start.is_some()))
    }

    /// List markers and footnote digits, which are not annotated. Returns the end to skip to.
    fn skip_marker(&mut self, i: usize, d: &Digits<'_>) -> Option<usize> {
        let tok = self.toks.get(i)?;
        // List marker at the start of a line: "1." / "2)".
        if d.plain()
            && d.int_digits <= 2
            && (i == 0 || tok.newline_before)
            && matches!(self.t(i + 1), "." | ")")
            && self.glued(i + 1)
            && self.spaced(i + 2)
        {
            return Some(i + 2);
        }
        // Footnote glued to a word through punctuation: "scraped.3", "work,”12".
        if d.plain()
            && !tok.space_before
            && i >= 2
            && matches!(
                self.t(i - 1),
                "." | "," | ";" | ":" | "”" | "\"" | "’" | ")" | "]"
            )
            && self.glued(i - 1)
            && self.is_word(i - 2)
            && !self.glued(i + 1)
        {
            return Some(i + 1);
        }
        None
    }

    /// A phone number starting at token `i`: digit groups separated by spaces, hyphens or a
    /// closing bracket, with a leading "+" (`plus`) or a leading zero, or 3-4 hyphenated.
    fn phone_run(&self, i: usize, plus: bool) -> Option<usize> {
        let all_digits =
            |j: usize| self.is_number(j) && self.t(j).bytes().all(|b| b.is_ascii_digit());
        // Every phone number has a second group of digits, one or two tokens on.
        if !all_digits(i) || !(self.is_number(i + 1) || self.is_number(i + 2)) {
            return None;
        }
        let mut j = i;
        let mut groups = 1;
        let mut digits = self.t(i).len();
        let mut leading_zero = self.t(i).len() >= 2 && self.t(i).starts_with('0');
        let mut hyphens = 0;
        let mut lens = [self.t(i).len(), 0];
        loop {
            let k = j + 1;
            let next = if matches!(self.t(k), "-" | "–") && self.glued(k) && self.glued(k + 1) {
                hyphens += 1;
                k + 1
            } else if self.t(k) == ")" && self.glued(k) && self.spaced(k + 1) {
                k + 1
            } else if self.spaced(k) {
                k
            } else {
                break;
            };
            if !all_digits(next) {
                break;
            }
            let len = self.t(next).len();
            if groups == 1 {
                lens[1] = len;
            }
            groups += 1;
            digits += len;
            leading_zero |= len >= 2 && self.t(next).starts_with('0');
            j = next;
        }
        let is_phone = (groups >= 2 && (plus || (leading_zero && digits >= 6)))
            || (groups >= 3 && digits >= 7)
            || (groups == 2 && hyphens == 1 && lens == [3, 4]);
        is_phone.then_some(j + 1)
    }

    /// A clock time: "3pm", "3 p.m.", "10.30am", "10:30", "5 o'clock". Returns its end.
    fn clock_time(&self, i: usize, d: &Digits<'_>) -> Option<usize> {
        if self.glued(i + 1) && self.t(i + 1) == ":" && self.glued(i + 2) && self.is_number(i + 2) {
            let e = i + 3;
            return Some(self.am_pm(e).unwrap_or(e));
        }
        let hour_like = match d.int() {
            Some(h) => h <= 24,
            None => d.dot && !d.comma && d.int_digits <= 2 && d.decimals == 2,
        };
        if !hour_like {
            return None;
        }
        if let Some(e) = self.am_pm(i + 1) {
            return Some(e);
        }
        if self.spaced(i + 1) && matches!(self.t(i + 1), "o’clock" | "o'clock") {
            return Some(i + 2);
        }
        None
    }

    fn am_pm(&self, j: usize) -> Option<usize> {
        // The marks below have two to four bytes.
        if !self.near(j) || !self.is_word(j) || !(2..=4).contains(&self.t(j).len()) {
            return None;
        }
        let is = matches!(
            self.t(j),
            "am" | "pm" | "AM" | "PM" | "a.m." | "p.m." | "a.m" | "p.m" | "A.M." | "P.M."
        );
        (is && !(self.glued(j + 1) && self.is_word(j + 1))).then_some(j + 1)
    }

    /// Dates that start with a number: ISO dates, year ranges, slash dates, decades, day-month,
    /// centuries.
    fn date_at_number(&mut self, i: usize, d: &Digits<'_>) -> Option<usize> {
        // `year_at(i)` and `day_at(i)`, read from the parsed token. Slash dates, day-month
        // dates and centuries all start with a day.
        let year = small_int(d.text, 4..=4).filter(|y| (1000..=2100).contains(y));
        let day = small_int(d.text, 1..=2).filter(|d| (1..=31).contains(d));
        if let Some(y) = year {
            if let Some(e) = self.year_compound(i, y) {
                return Some(e);
            }
        }
        if day.is_some() {
            if let Some(e) = self.slash_date(i) {
                return Some(e);
            }
        }
        if d.plain() && (d.int_digits == 4 || d.int_digits == 2) && d.text.ends_with('0') {
            if let Some(e) = self.decade(i, None) {
                return Some(e);
            }
        }
        day?;
        if let Some(e) = self.day_month(i, self.start(i)) {
            return Some(e);
        }
        self.century_digits(i)
    }

    /// "2024-03-18", "2024-03", "2019-20", "2019–2020", "2019/20".
    fn year_compound(&mut self, i: usize, y: u32) -> Option<usize> {
        let sep = self.t(i + 1);
        let glued = self.glued(i + 1) && self.glued(i + 2);
        let spaced_dash = sep == "–" && self.spaced(i + 1) && self.spaced(i + 2);
        if !matches!(sep, "-" | "–" | "/" | "‐") || !(glued || spaced_dash) {
            return None;
        }
        if !self.is_number(i + 2) {
            return None;
        }
        let s2 = self.t(i + 2);
        if !s2.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n2: u32 = s2.parse().ok()?;
        let start = self.start(i);
        // ISO date.
        if sep == "-" && glued && s2.len() == 2 && self.t(i + 3) == "-" && self.glued(i + 3) {
            if let Some(day) = self.day_at(i + 4).filter(|_| self.glued(i + 4)) {
                if self.t(i + 4).len() == 2 && (1..=12).contains(&n2) && day <= days_in_month(n2) {
                    let v = iso_date(Some(y), n2, day);
                    self.push_date(start, self.end(i + 4), Some(v));
                }
                return Some(i + 5);
            }
        }
        let range_end = match s2.len() {
            2 => {
                let mut y2 = y / 100 * 100 + n2;
                if y2 <= y {
                    y2 += 100;
                }
                let month_like = sep == "-" && (1..=12).contains(&n2) && y2 - y > 12;
                if month_like {
                    if glued {
                        self.push_date(start, self.end(i + 2), Some(year_month(Some(y), n2)));
                        return Some(i + 3);
                    }
                    return None;
                }
                (y2 - y <= 99).then_some(y2)
            }
            4 => (n2 > y && n2 - y <= 100).then_some(n2),
            _ => None,
        };
        let y2 = range_end?;
        self.push_date(start, self.end(i + 2), Some(year_range(y, y2)));
        Some(i + 3)
    }

    /// "18/03/2024" (day first unless impossible), "03/18/2024".
    fn slash_date(&mut self, i: usize) -> Option<usize> {
        let a = self.day_at(i)?;
        if !(self.t(i + 1) == "/" && self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let b = self.day_at(i + 2)?;
        if !(self.t(i + 3) == "/"
            && self.glued(i + 3)
            && self.glued(i + 4)
            && self.is_number(i + 4))
        {
            return None;
        }
        let ys = self.t(i + 4);
        let y: u32 = match ys.len() {
            4 => self.year_at(i + 4)?,
            2 => {
                let n: u32 = ys.parse().ok()?;
                if n <= 50 {
                    2000 + n
                } else {
                    1900 + n
                }
            }
            _ => return Some(i + 5),
        };
        let (day, m) = if a > 12 || b <= 12 { (a, b) } else { (b, a) };
        if (1..=12).contains(&m) && day <= days_in_month(m) {
            let v = iso_date(Some(y), m, day);
            self.push_date(self.start(i), self.end(i + 4), Some(v));
        }
        Some(i + 5)
    }

    /// A decade or century at number token `i` followed by "s": "1990s", "the 1950s", "’90s",
    /// "1990's". `apostrophe` is the token of a leading "’".
    fn decade(&mut self, i: usize, apostrophe: Option<usize>) -> Option<usize> {
        let s = self.t(i);
        if !(s.len() == 4 || s.len() == 2)
            || !s.ends_with('0')
            || !s.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let mut e = i + 1;
        if self.glued(e) && matches!(self.t(e), "’" | "'") && s.len() == 4 {
            e += 1;
        }
        if !(self.glued(e) && self.t(e) == "s")
            || (self.glued(e + 1) && !self.kind(e + 1).is_some_and(|k| k == TokenKind::Punct))
        {
            return None;
        }
        if s.len() == 4 && self.year_at(i).is_none() {
            return None;
        }
        let mut first = apostrophe.unwrap_or(i);
        // "mid-’90s"
        if apostrophe.is_some()
            && first >= 2
            && self.t(first - 1) == "-"
            && self.glued(first)
            && self.glued(first - 1)
            && self.word_is(first - 2, "mid")
        {
            first -= 2;
        }
        let mut start = self.with_the(first);
        if start == self.start(first) && first >= 2 {
            // "the early 1990s"
            let mut buf = [0u8; 24];
            let modifier = matches!(
                self.lower(first - 1, &mut buf),
                Some("early" | "late" | "mid")
            );
            if modifier && self.word_is(first - 2, "the") && self.spaced(first) {
                start = self.start(first - 2);
            }
        }
        let value = if s.len() == 4 {
            if s.ends_with("00") && s != "2000" {
                s.get(..2).map(str::to_string)
            } else {
                s.get(..3).map(str::to_string)
            }
        } else {
            let possessive = apostrophe.is_none() && first > 0 && {
                let mut buf = [0u8; 24];
                matches!(
                    self.lower(first - 1, &mut buf),
                    Some("their" | "his" | "her" | "my" | "your" | "our" | "its")
                )
            };
            let tens = s.get(..1).unwrap_or("0");
            match (possessive, tens) {
                (true, _) => None,
                (false, "0") => Some("200".to_string()),
                (false, "1") => Some("201".to_string()),
                (false, t) => Some(format!("19{t}")),
            }
        };
        self.push_date(start, self.end(e), value);
        Some(e + 1)
    }

    /// "18 March", "18th March 2024", "18th of March", "18 Mar." at number token `i`; the span
    /// starts at byte `start` (earlier when a weekday leads).
    fn day_month(&mut self, i: usize, start: usize) -> Option<usize> {
        let day = self.day_at(i)?;
        let mut j = i + 1;
        let mut ordinal = false;
        if self.glued(j) && ordinal_suffix(self.t(j)) {
            j += 1;
            ordinal = true;
        }
        if ordinal && self.spaced(j) && self.t(j) == "of" {
            j += 1;
        }
        let mut last_day = None;
        if let Some((d2, k)) = self.day_range_end(j, day) {
            last_day = Some(d2);
            j = k;
        }
        if !self.spaced(j) {
            return None;
        }
        let (m, abbr) = month(self.t(j))?;
        j += 1;
        if abbr && self.glued(j) && self.t(j) == "." {
            j += 1;
        }
        if last_day.unwrap_or(day) > days_in_month(m) {
            return None;
        }
        let (year, e) = self.year_after(j);
        self.push_date(
            start,
            self.end(e - 1),
            Some(date_value(year, m, day, last_day)),
        );
        Some(e)
    }

    /// The second day of a day range after a dash at token `k` ("16-19"): `(day, end)`.
    fn day_range_end(&self, k: usize, first: u32) -> Option<(u32, usize)> {
        if !(matches!(self.t(k), "-" | "–") && self.glued(k) && self.glued(k + 1)) {
            return None;
        }
        let d2 = self.day_at(k + 1).filter(|&d2| d2 > first)?;
        let e = if self.glued(k + 2) && ordinal_suffix(self.t(k + 2)) {
            k + 3
        } else {
            k + 2
        };
        Some((d2, e))
    }

    /// An optional year after a date part at token `j` ("2024" or ", 2024"): `(year, end)`.
    fn year_after(&self, j: usize) -> (Option<u32>, usize) {
        let k = if self.t(j) == "," && self.glued(j) {
            j + 1
        } else {
            j
        };
        match self.year_at(k) {
            Some(y) if self.spaced(k) && !self.has_suffix(k + 1) && !self.glued(k + 1) => {
                (Some(y), k + 1)
            }
            Some(y)
                if self.spaced(k)
                    && self.glued(k + 1)
                    && self.t(k + 1) != "s"
                    && !self.is_word(k + 1) =>
            {
                (Some(y), k + 1)
            }
            _ => (None, j),
        }
    }

    /// Does a percent sign, currency, unit or scale start at token `e`?
    fn has_suffix(&self, e: usize) -> bool {
        self.percent_after(e).is_some()
            || self
                .lex
                .currencies
                .match_at(self.text, self.toks, e)
                .is_some()
            || self.lex.units.match_at(self.text, self.toks, e).is_some()
            || self.scale_after(e, false).is_some()
    }

    /// "18th century", "the 21st century", "18th-century" at number token `i`.
    fn century_digits(&mut self, i: usize) -> Option<usize> {
        let n = self.day_at(i).filter(|&n| n <= 30)?;
        let suffix = self.t(i + 1);
        if !self.glued(i + 1) {
            return None;
        }
        let start = self.with_the(i);
        let value = Some(padded(n - 1, 2));
        if ordinal_suffix(suffix) && self.spaced(i + 2) && self.word_is(i + 2, "century") {
            self.push_date(start, self.end(i + 2), value);
            return Some(i + 3);
        }
        let mut parts = hyphen_parts(suffix);
        if let (Some(a), Some(b)) = (parts.next(), parts.next()) {
            if ordinal_suffix(a) && b.eq_ignore_ascii_case("century") {
                self.push_date(start, self.end(i + 1), value);
                return Some(i + 2);
            }
        }
        None
    }

    /// A number starting with digits token `i` (span from byte `start`, which covers a minus
    /// sign when `neg`), with its scale and suffix. Returns the end token.
    fn number_phrase(&mut self, i: usize, start: usize, d: &Digits<'_>, neg: bool) -> usize {
        let mut e = i + 1;
        let mut extra = 0.0;
        if self.glued(e) {
            let frac = match self.t(e) {
                "½" => Some(0.5),
                "¼" => Some(0.25),
                "¾" => Some(0.75),
                _ => None,
            };
            if let Some(f) = frac {
                extra = f;
                e += 1;
            }
        }
        // Ordinals: "11th", "5th-largest".
        if self.glued(e) && !neg && d.plain() && extra == 0.0 {
            let suffix = self.t(e);
            let head = hyphen_parts(suffix).next().unwrap_or("");
            if ordinal_suffix(head) && d.int_digits <= 9 {
                let v = d.int().map(|n| n as f64);
                let end = self.start(e) + head.len();
                self.push_num(start, end, Label::Ordinal, v, "");
                return e + 1;
            }
        }
        let mut pow = 0;
        let mut scaled = false;
        if let Some((p, e2)) = self.scale_after(e, false) {
            // "the 100m final": metres in athletics and swimming.
            let mut buf = [0u8; 24];
            let sport = self.t(e) == "m"
                && d.plain()
                && self.spaced(e2)
                && self.lower(e2, &mut buf).is_some_and(|w| {
                    matches!(
                        w,
                        "sprint"
                            | "final"
                            | "race"
                            | "hurdles"
                            | "freestyle"
                            | "butterfly"
                            | "backstroke"
                            | "breaststroke"
                            | "relay"
                            | "dash"
                            | "medley"
                            | "heat"
                            | "semi-final"
                    )
                });
            if sport {
                let v = d.value(0);
                self.push_num(start, self.end(e), Label::Quantity, v, "m");
                return e2;
            }
            pow = p;
            e = e2;
            scaled = true;
        }
        let sign = if neg { -1.0 } else { 1.0 };
        let mut value = d.value(pow).map(|v| sign * (v + extra * 10f64.powi(pow)));
        // Ranges: "10-15", "3-1".
        let mut range = false;
        if !scaled
            && extra == 0.0
            && matches!(self.t(e), "-" | "–")
            && self.glued(e)
            && self.glued(e + 1)
            && self.is_number(e + 1)
            && parse_digits(self.t(e + 1)).is_some()
        {
            range = true;
            value = None;
            e += 2;
            if let Some((_, e2)) = self.scale_after(e, false) {
                e = e2;
            }
        }
        let plain = d.plain() && !scaled && !range && extra == 0.0 && !neg;
        self.classify(
            i,
            start,
            e,
            value,
            if plain { Some(d) } else { None },
            false,
        )
    }

    /// Decides the label of a number that ends before token `e` from what follows it.
    /// `plain` is set for a bare integer (year and name checks apply); `weak` numbers ("one")
    /// are annotated only with a suffix.
    fn classify(
        &mut self,
        i: usize,
        start: usize,
        e: usize,
        value: Option<f64>,
        plain: Option<&Digits<'_>>,
        weak: bool,
    ) -> usize {
        if let Some((e2, unit)) = self.percent_after(e) {
            self.push_num(start, self.end(e2 - 1), Label::Percent, value, unit);
            return e2;
        }
        if let Some((phrase, e2)) = self.lex.currencies.match_at(self.text, self.toks, e) {
            let (code, hundredths) = (phrase.symbol, phrase.hundredths);
            if self.t(e).starts_with("pound") && self.weight_context(i, e2) {
                self.push_num(start, self.end(e2 - 1), Label::Quantity, value, "lb");
                return e2;
            }
            let v = if hundredths {
                value.map(|v| v / 100.0)
            } else {
                value
            };
            self.push_num(start, self.end(e2 - 1), Label::Money, v, code);
            return e2;
        }
        if let Some((phrase, e2)) = self.lex.units.match_at(self.text, self.toks, e) {
            let sym = phrase.symbol;
            // "one day" is an idiom ("one day I will"), not a duration.
            if weak && sym == "d" {
                return e2;
            }
            if time_unit(sym) && self.spaced(e2) && self.word_is(e2, "ago") {
                self.push_date(start, self.end(e2), None);
                return e2 + 1;
            }
            self.push_num(start, self.end(e2 - 1), Label::Quantity, value, sym);
            return e2;
        }
        // "24-hour", "35-year-old", "3-D".
        if matches!(self.t(e), "-" | "‐")
            && self.glued(e)
            && self.glued(e + 1)
            && self.is_word(e + 1)
        {
            let word = self.t(e + 1);
            let head = hyphen_parts(word).next().unwrap_or("");
            if let Some(sym) = self.lex.units.single(head) {
                self.push_num(start, self.end(e + 1), Label::Quantity, value, sym);
                return e + 2;
            }
            if head.chars().count() == 1 || head.chars().any(|c| c.is_ascii_digit()) {
                return e + 2;
            }
        }
        // "three o'clock": a time, not annotated.
        if self.spaced(e) && matches!(self.t(e), "o’clock" | "o'clock") {
            return e + 1;
        }
        // Glued to an unknown word: a code or name ("5G", "3D", "1e9").
        if self.glued(e) && (self.is_word(e) || self.is_number(e)) {
            return e + 1;
        }
        if weak {
            return e;
        }
        if let Some(d) = plain {
            if d.int_digits == 4 && self.year_at(i).is_some() && self.is_year(i) {
                self.push_date(start, self.end(e - 1), Some(d.text.to_string()));
                return e;
            }
            if self.name_number(i) {
                return e;
            }
        }
        self.push_num(start, self.end(e - 1), Label::Cardinal, value, "");
        e
    }

    /// Is the plain four-digit number at `i` a year (by its neighbours)?
    fn is_year(&self, i: usize) -> bool {
        let mut buf = [0u8; 24];
        if i > 0 && self.near(i) && self.lower(i - 1, &mut buf).is_some_and(count_cue) {
            return false;
        }
        let mut buf = [0u8; 24];
        let next_is_count = self.spaced(i + 1)
            && self.is_word(i + 1)
            && self.lower(i + 1, &mut buf).is_some_and(count_noun);
        !next_is_count
    }

    /// A bare number that belongs to a name: "Windows 11", "Apollo 11", "No 10".
    fn name_number(&self, i: usize) -> bool {
        if i == 0 || !self.spaced(i) || !self.is_word(i - 1) {
            return false;
        }
        let prev = self.t(i - 1);
        if matches!(prev, "No" | "Nos" | "no") {
            return true;
        }
        if i >= 2 && self.t(i - 1) == "." && self.t(i - 2) == "No" {
            return true;
        }
        let next_capital = self.spaced(i + 1)
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.is_capitalised(self.text));
        // Capitalised or camel-case ("iPhone 15") word in mid-sentence.
        let name_like =
            prev.chars().any(char::is_uppercase) && !self.index.is_sentence_initial(i - 1);
        name_like && month(prev).is_none() && weekday(prev).is_none() && !next_capital
    }

    /// "pounds" as a weight: "10 pounds of", or a weight word shortly before.
    fn weight_context(&self, i: usize, e2: usize) -> bool {
        if self.spaced(e2) && self.t(e2) == "of" {
            return true;
        }
        (i.saturating_sub(4)..i).any(|j| {
            let mut buf = [0u8; 24];
            self.lower(j, &mut buf).is_some_and(|w| {
                w.starts_with("weigh")
                    || matches!(
                        w,
                        "heavy"
                            | "heavier"
                            | "lost"
                            | "lose"
                            | "losing"
                            | "gained"
                            | "gain"
                            | "shed"
                    )
            })
        })
    }

    /// A percent suffix at token `e`: `(end, unit)`.
    fn percent_after(&self, e: usize) -> Option<(usize, &'static str)> {
        if !self.near(e) {
            return None;
        }
        if self.t(e) == "%" {
            return Some((e + 1, "%"));
        }
        if !self.is_word(e) {
            return None;
        }
        // Every word below starts with "p" or "b".
        if !self
            .t(e)
            .as_bytes()
            .first()
            .is_some_and(|&b| matches!(b | 0x20, b'p' | b'b'))
        {
            return None;
        }
        let glued = self.glued(e);
        let mut buf = [0u8; 24];
        let w = self.lower(e, &mut buf)?;
        let point = |j: usize| self.spaced(j) && matches!(self.t(j), "point" | "points");
        match w {
            "percent" | "per-cent" | "pct" => Some((e + 1, "%")),
            "pc" if glued => Some((e + 1, "%")),
            "per" if self.spaced(e + 1) && self.t(e + 1) == "cent" => Some((e + 2, "%")),
            "percentage" if point(e + 1) => Some((e + 2, "pp")),
            "basis" if point(e + 1) => Some((e + 2, "bp")),
            "bps" => Some((e + 1, "bp")),
            _ => None,
        }
    }

    // ----- words ---------------------------------------------------------------------------

    fn at_word(&mut self, i: usize) -> Option<usize> {
        // Currency prefixes, months and weekdays all start with a capital: a word starting with
        // a lower-case ASCII letter skips them, and most are settled by the word filter on the
        // raw bytes.
        let span = self.toks.get(i)?.span;
        let bytes = self.text.as_bytes().get(span.start..span.end)?;
        let starts_lower = bytes.first().is_some_and(u8::is_ascii_lowercase);
        if starts_lower && !self.number_words.may_hold(bytes) {
            return None;
        }
        let s = self.t(i);
        if !starts_lower {
            // "US$5", "HK$10".
            if let Some(code) = dollar_prefix(s) {
                if self.glued(i + 1) && self.t(i + 1) == "$" {
                    return self.money_after_symbol(self.start(i), i + 2, code);
                }
            }
            // "USD 5", "Rs 500", "Rs. 500".
            if let Some(code) = currency_word_prefix(s) {
                let j = if self.glued(i + 1) && self.t(i + 1) == "." {
                    i + 1
                } else {
                    i
                };
                if self.spaced(j + 1) && self.is_number(j + 1) {
                    return self.money_after_symbol(self.start(i), j + 1, code);
                }
            }
            if let Some((m, abbr)) = month(s) {
                return self.date_at_month(i, m, abbr, None);
            }
            if let Some(wd) = weekday(s) {
                return self.date_at_weekday(i, wd);
            }
            // "Monday’s debate": the weekday without the possessive.
            if let Some(name) = s.strip_suffix("’s").or_else(|| s.strip_suffix("'s")) {
                if let Some(wd) = weekday(name) {
                    if !(i > 0 && self.spaced(i) && self.mid_capital(i - 1)) {
                        let start = self.start(i);
                        self.push_date(start, start + name.len(), Some(weekday_value(wd)));
                    }
                    return Some(i + 1);
                }
            }
        }
        // Most words are none of the words below: their length and first and last letters
        // settle them without lower-casing (a word longer than 24 bytes is never one).
        if !self.number_words.may_hold(s.as_bytes()) {
            return None;
        }
        let mut buf = [0u8; 24];
        let lw = lower_ascii(s, &mut buf)?;
        match trigger(lw) {
            Some(Trigger::Day) if !self.namey(i, s) => {
                self.push_date(self.start(i), self.end(i), None);
                return Some(i + 1);
            }
            Some(Trigger::Relative) => return self.relative(i),
            Some(Trigger::Article) => return self.after_article(i),
            Some(Trigger::Half) => return self.half(i),
            Some(Trigger::Several) => return self.vague_scale(i, i),
            Some(Trigger::Tens) => return self.vague(i),
            Some(Trigger::Day) | None => {}
        }
        if vague_plural(lw) {
            return self.vague(i);
        }
        if let Some(code) = season(lw) {
            if let Some(y) = self.year_at(i + 1).filter(|_| self.spaced(i + 1)) {
                self.push_date(self.start(i), self.end(i + 1), Some(format!("{y}-{code}")));
                return Some(i + 2);
            }
            return None;
        }
        // The name check last: most words that reach here are none of the words below.
        let ordinal = ordinal_word(lw);
        let hyphenated = lw.contains('-');
        if ordinal.is_none() && !hyphenated && unit_word(lw).is_none() && tens_word(lw).is_none() {
            return None;
        }
        if self.namey(i, s) {
            return None;
        }
        if let Some(n) = ordinal {
            return self.ordinal_word_at(i, n);
        }
        if hyphenated {
            return self.compound(i, lw);
        }
        let (e, value, weak) = self.words_number(i)?;
        Some(self.classify(i, self.start(i), e, value, None, weak))
    }

    /// Is the word `s` at `i` part of a name ("Formula One", "the Today programme")? All-caps
    /// words only after another capital ("USA TODAY"), since whole headlines may be in capitals.
    fn namey(&mut self, i: usize, s: &str) -> bool {
        let all_caps = s.len() > 1 && s.bytes().all(|b| !b.is_ascii_lowercase());
        self.mid_capital(i)
            && (!all_caps
                || (i > 0 && self.spaced(i) && self.mid_capital(i - 1) && !self.caps_sentence(i)))
    }

    /// "last year", "next week", "this summer".
    fn relative(&mut self, i: usize) -> Option<usize> {
        // The periods below have four to seven letters.
        if !self.spaced(i + 1) || !(4..=7).contains(&self.t(i + 1).len()) {
            return None;
        }
        let mut buf = [0u8; 24];
        let w = self.lower(i + 1, &mut buf)?;
        let period = matches!(
            w,
            "week"
                | "month"
                | "year"
                | "weekend"
                | "decade"
                | "century"
                | "quarter"
                | "spring"
                | "summer"
                | "autumn"
                | "winter"
        );
        if !period || (self.glued(i + 2) && self.is_word(i + 2)) {
            return None;
        }
        self.push_date(self.start(i), self.end(i + 1), None);
        Some(i + 2)
    }

    /// After "a"/"an": "a dozen", "a million", "a few hundred", "a year ago".
    fn after_article(&mut self, i: usize) -> Option<usize> {
        if !self.spaced(i + 1) {
            return None;
        }
        if self.t(i + 1) == "few" {
            return self.vague_scale(i, i + 1);
        }
        if self.spaced(i + 2) && self.word_is(i + 2, "ago") {
            let unit = self.lex.units.single(self.t(i + 1));
            if unit.is_some_and(time_unit) {
                self.push_date(self.start(i), self.end(i + 2), None);
                return Some(i + 3);
            }
        }
        // What `words_number` asks first of a leading article, without its setup.
        if !self.scale_follows(i) {
            return None;
        }
        let (e, value, weak) = self.words_number(i)?;
        Some(self.classify(i, self.start(i), e, value, None, weak))
    }

    /// "half a million", "half a dozen".
    fn half(&mut self, i: usize) -> Option<usize> {
        if !(self.spaced(i + 1) && self.t(i + 1) == "a" && self.spaced(i + 2)) {
            return None;
        }
        let mut buf = [0u8; 24];
        let w = self.lower(i + 2, &mut buf)?;
        let value = if w == "dozen" {
            6.0
        } else {
            0.5 * 10f64.powi(scale_word(w)?)
        };
        Some(self.classify(i, self.start(i), i + 3, Some(value), None, false))
    }

    /// "several hundred", "a few thousand": from `start_tok`, the scale after token `j`.
    fn vague_scale(&mut self, start_tok: usize, j: usize) -> Option<usize> {
        if !self.spaced(j + 1) {
            return None;
        }
        let mut buf = [0u8; 24];
        let w = self.lower(j + 1, &mut buf)?;
        if scale_word(w).is_none() && w != "dozen" {
            return None;
        }
        Some(self.classify(start_tok, self.start(start_tok), j + 2, None, None, false))
    }

    /// "hundreds of", "hundreds of thousands", "tens of millions", "dozens".
    fn vague(&mut self, i: usize) -> Option<usize> {
        let of = self.spaced(i + 1) && self.t(i + 1) == "of";
        let mut buf = [0u8; 24];
        let more = of
            && self.spaced(i + 2)
            && self
                .lower(i + 2, &mut buf)
                .is_some_and(|w| vague_plural(w) && w != "dozens" && w != "scores");
        let mut buf = [0u8; 24];
        let w = self.lower(i, &mut buf)?;
        let needs_of = matches!(w, "tens" | "scores");
        if (w == "tens" && !more) || (needs_of && !of) {
            return None;
        }
        if !of && !matches!(w, "dozens" | "hundreds" | "thousands" | "millions") {
            return None;
        }
        let e = if more { i + 3 } else { i + 1 };
        self.push_num(self.start(i), self.end(e - 1), Label::Cardinal, None, "");
        Some(e)
    }

    /// An ordinal word at `i` ("third", "first").
    fn ordinal_word_at(&mut self, i: usize, n: u32) -> Option<usize> {
        if self.spaced(i + 1) && self.word_is(i + 1, "century") {
            let start = self.with_the(i);
            self.push_date(start, self.end(i + 1), Some(padded(n.saturating_sub(1), 2)));
            return Some(i + 2);
        }
        if n <= 2 && !self.ordinal_determiner(i) {
            return None;
        }
        self.push_num(
            self.start(i),
            self.end(i),
            Label::Ordinal,
            Some(f64::from(n)),
            "",
        );
        Some(i + 1)
    }

    /// Is "first"/"second" at `i` used as an ordinal (by the word before and after)?
    fn ordinal_determiner(&self, i: usize) -> bool {
        if i == 0 || !self.spaced(i) {
            return false;
        }
        let prev = self.t(i - 1);
        if prev.ends_with("’s") || prev.ends_with("'s") || prev.ends_with("s’") {
            return true;
        }
        let mut buf = [0u8; 24];
        let Some(p) = self.lower(i - 1, &mut buf) else {
            return false;
        };
        match p {
            "the" | "its" | "his" | "her" | "their" | "our" | "my" | "your" | "this" | "that"
            | "whose" | "each" | "which" => true,
            "a" | "every" => {
                // "a second term" but not "a second later" / "for a second."
                let mut buf = [0u8; 24];
                let next = if self.spaced(i + 1) && self.is_word(i + 1) {
                    self.lower(i + 1, &mut buf)
                } else {
                    None
                };
                next.is_some_and(|w| {
                    !matches!(
                        w,
                        "later"
                            | "ago"
                            | "earlier"
                            | "or"
                            | "and"
                            | "more"
                            | "longer"
                            | "too"
                            | "before"
                            | "after"
                            | "of"
                            | "to"
                            | "in"
                            | "on"
                            | "at"
                            | "for"
                            | "with"
                            | "that"
                            | "the"
                            | "only"
                            | "just"
                            | "when"
                            | "while"
                            | "as"
                            | "he"
                            | "she"
                            | "it"
                            | "they"
                            | "we"
                            | "i"
                            | "you"
                    )
                })
            }
            _ => false,
        }
    }

    /// A hyphenated word: "twenty-five", "twenty-first", "two-thirds", "five-year",
    /// "second-largest", "mid-March", "mid-1990s". `lw` is the lower-cased token.
    fn compound(&mut self, i: usize, lw: &str) -> Option<usize> {
        let start = self.start(i);
        let end = self.end(i);
        let mut parts = hyphen_parts(lw).peekable();
        let first = parts.next()?;
        if first == "mid" {
            return self.mid(i);
        }
        if let Some(n) = ordinal_word(first) {
            let rest = parts.next()?;
            if matches!(
                rest,
                "hand" | "rate" | "class" | "guess" | "person" | "degree"
            ) {
                return Some(i + 1);
            }
            if rest == "century" {
                self.push_date(start, end, Some(padded(n.saturating_sub(1), 2)));
                return Some(i + 1);
            }
            self.push_num(
                start,
                start + first.len(),
                Label::Ordinal,
                Some(f64::from(n)),
                "",
            );
            return Some(i + 1);
        }
        // Number words first: "twenty-five", "one".
        let mut value: u32 = unit_word(first).or_else(|| tens_word(first))?;
        let mut count = 1;
        if tens_word(first).is_some() {
            if let Some(u) = parts
                .peek()
                .and_then(|p| unit_word(p))
                .filter(|&u| (1..10).contains(&u))
            {
                value += u;
                parts.next();
                count += 1;
            } else if let Some(o) = parts
                .peek()
                .and_then(|p| ordinal_word(p))
                .filter(|&o| o < 10)
            {
                parts.next();
                let century = if parts.peek() == Some(&"century") {
                    Some(i + 1)
                } else if self.spaced(i + 1) && self.word_is(i + 1, "century") {
                    Some(i + 2)
                } else {
                    None
                };
                if let Some(e) = century {
                    let v = Some(padded(value + o - 1, 2));
                    self.push_date(self.with_the(i), self.end(e - 1), v);
                    return Some(e);
                } else {
                    self.push_num(start, end, Label::Ordinal, Some(f64::from(value + o)), "");
                }
                return Some(i + 1);
            }
        }
        let Some(rest) = parts.next() else {
            // All number words: a number, then its suffix.
            let _ = count;
            let weak = value == 1;
            return Some(self.classify(i, start, i + 1, Some(f64::from(value)), None, weak));
        };
        if let Some(den) = fraction_word(rest) {
            if parts.next().is_none() && value > 0 && (rest.ends_with('s') == (value > 1)) {
                let v = f64::from(value) / f64::from(den);
                self.push_num(start, end, Label::Cardinal, Some(v), "");
            }
            return Some(i + 1);
        }
        if let Some(sym) = self.lex.units.single(rest) {
            self.push_num(start, end, Label::Quantity, Some(f64::from(value)), sym);
        }
        Some(i + 1)
    }

    /// "mid-March", "mid-2024", "mid-1990s" (with a leading "the").
    fn mid(&mut self, i: usize) -> Option<usize> {
        let s = self.t(i);
        let rest = s.get(4..)?;
        if let Some((m, false)) = month(rest) {
            let (year, e) = self.year_after(i + 1);
            // `year_after` gives four-digit years only: no padding to add.
            let v = year_month(year, m);
            self.push_date(self.start(i), self.end(e - 1), Some(v));
            return Some(e);
        }
        let digits = rest
            .trim_end_matches(['s', '’', '\''])
            .trim_start_matches(['’', '\'']);
        if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
            let decade = digits.len() < rest.len();
            let v = if decade {
                digits.get(..3)
            } else {
                Some(digits)
            };
            let start = if decade {
                self.with_the(i)
            } else {
                self.start(i)
            };
            self.push_date(start, self.end(i), v.map(str::to_string));
            return Some(i + 1);
        }
        if digits.len() == 2
            && rest.starts_with(['’', '\''])
            && digits.ends_with('0')
            && digits.bytes().all(|b| b.is_ascii_digit())
            && digits.len() < rest.len()
        {
            let v = match digits {
                "00" => "200".to_string(),
                "10" => "201".to_string(),
                _ => format!("19{}", digits.get(..1).unwrap_or("0")),
            };
            self.push_date(self.with_the(i), self.end(i), Some(v));
            return Some(i + 1);
        }
        Some(i + 1)
    }

    /// Number words from token `i`: "two hundred and fifty", "a dozen", "one and a half
    /// million". Returns `(end, value, weak)`; weak for a lone "one".
    fn words_number(&self, i: usize) -> Option<(usize, Option<f64>, bool)> {
        #[derive(PartialEq, Clone, Copy)]
        enum Last {
            Start,
            A,
            Unit,
            Tens,
            Hundred,
            Scale,
            And,
        }
        let mut last = Last::Start;
        let mut total = 0.0f64;
        let mut current = 0.0f64;
        let mut last_scale = i32::MAX;
        let mut words = 0;
        let mut j = i;
        let mut end = i;
        while let Some(tok) = self.toks.get(j) {
            if tok.kind != TokenKind::Word || (j > i && (!tok.space_before || tok.newline_before)) {
                break;
            }
            let mut buf = [0u8; 24];
            let Some(w) = self.lower(j, &mut buf) else {
                break;
            };
            if j > i
                && self.t(j).starts_with(|c: char| c.is_uppercase())
                && !self.t(i).starts_with(|c: char| c.is_uppercase())
            {
                break;
            }
            // A leading "a" / "an" counts only before a scale: "a million", "a dozen".
            if (w == "a" || w == "an") && j == i {
                if !self.scale_follows(j) {
                    return None;
                }
                current = 1.0;
                last = Last::A;
                j += 1;
                continue;
            }
            // Hyphenated tens-units inside one token: "twenty-five".
            let mut parts = hyphen_parts(w);
            let head = parts.next().unwrap_or("");
            let tail = parts.next();
            if parts.next().is_some() {
                break;
            }
            if let Some(tail) = tail {
                let (Some(t), Some(u)) = (tens_word(head), unit_word(tail)) else {
                    break;
                };
                if !matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And)
                    || !(1..10).contains(&u)
                {
                    break;
                }
                current += f64::from(t + u);
                last = Last::Unit;
                words += 1;
                j += 1;
                end = j;
                continue;
            }
            if let Some(u) = unit_word(w) {
                let ok = match last {
                    Last::Start | Last::Hundred | Last::Scale | Last::And => true,
                    Last::Tens => (1..10).contains(&u),
                    _ => false,
                };
                if !ok {
                    break;
                }
                current += f64::from(u);
                last = Last::Unit;
            } else if let Some(t) = tens_word(w) {
                if !matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And) {
                    break;
                }
                current += f64::from(t);
                last = Last::Tens;
            } else if w == "hundred" {
                if !matches!(last, Last::Unit | Last::Tens | Last::A)
                    || current >= 100.0
                    || current <= 0.0
                {
                    break;
                }
                current *= 100.0;
                last = Last::Hundred;
            } else if let Some(p) = scale_word(w) {
                if !matches!(last, Last::Unit | Last::Tens | Last::A | Last::Hundred)
                    || p >= last_scale
                {
                    break;
                }
                total += current * 10f64.powi(p);
                current = 0.0;
                last_scale = p;
                last = Last::Scale;
            } else if w == "dozen" {
                if !matches!(last, Last::Unit | Last::A) {
                    break;
                }
                current *= 12.0;
                words += 1;
                j += 1;
                end = j;
                break;
            } else if w == "and" && matches!(last, Last::Hundred | Last::Scale) {
                let mut b2 = [0u8; 24];
                let next = if self.spaced(j + 1) {
                    self.lower(j + 1, &mut b2)
                } else {
                    None
                };
                let next_ok = next.is_some_and(|n| {
                    unit_word(n).is_some()
                        || tens_word(n).is_some()
                        || hyphen_parts(n).next().and_then(tens_word).is_some()
                });
                if !next_ok {
                    break;
                }
                last = Last::And;
                j += 1;
                continue;
            } else if w == "and" && matches!(last, Last::Unit | Last::Tens) {
                // "one and a half million"
                let half = self.spaced(j + 1)
                    && self.t(j + 1) == "a"
                    && self.spaced(j + 2)
                    && self.t(j + 2) == "half";
                if !half {
                    break;
                }
                let mut b2 = [0u8; 24];
                let scale = if self.spaced(j + 3) {
                    self.lower(j + 3, &mut b2).and_then(scale_word)
                } else {
                    None
                };
                match scale.filter(|&p| p < last_scale && p >= 3) {
                    Some(p) => {
                        total += (current + 0.5) * 10f64.powi(p);
                        current = 0.0;
                        j += 4;
                    }
                    None => {
                        // "seven and a half years"
                        current += 0.5;
                        j += 3;
                    }
                }
                words += 1;
                end = j;
                break;
            } else {
                break;
            }
            words += 1;
            j += 1;
            end = j;
        }
        if words == 0 || end == i {
            return None;
        }
        let weak = end == i + 1 && self.t(i).eq_ignore_ascii_case("one");
        Some((end, Some(total + current), weak))
    }

    /// Is token `j + 1` a spaced scale word or "dozen" ("a million", "a dozen")?
    fn scale_follows(&self, j: usize) -> bool {
        // "dozen" and the scale words have five to eight letters and start with one of these.
        let next = self.t(j + 1);
        let first = next.as_bytes().first().map(|&b| b | 0x20);
        if !(5..=8).contains(&next.len())
            || !matches!(first, Some(b'h' | b't' | b'm' | b'b' | b'd'))
        {
            return false;
        }
        let mut buf = [0u8; 24];
        let next = if self.spaced(j + 1) {
            self.lower(j + 1, &mut buf)
        } else {
            None
        };
        next.is_some_and(|n| scale_word(n).is_some() || n == "dozen")
    }

    // ----- months and weekdays -------------------------------------------------------------

    /// A date starting at a month name `i`; `weekday_start` when a weekday leads.
    fn date_at_month(
        &mut self,
        i: usize,
        m: u32,
        abbr: bool,
        weekday_start: Option<usize>,
    ) -> Option<usize> {
        let start = weekday_start.unwrap_or(self.start(i));
        let mut j = i + 1;
        if abbr && self.glued(j) && self.t(j) == "." {
            j += 1;
        }
        if self.spaced(j) && self.is_number(j) {
            if let Some(day) = self.day_at(j) {
                let mut k = j + 1;
                if self.glued(k) && ordinal_suffix(self.t(k)) {
                    k += 1;
                }
                let mut last_day = None;
                if let Some((d2, k2)) = self.day_range_end(k, day) {
                    last_day = Some(d2);
                    k = k2;
                }
                let clean = !(self.glued(k)
                    && (self.is_word(k) || self.is_number(k) || matches!(self.t(k), ":" | "%")))
                    && !self.has_suffix(k);
                if clean && last_day.unwrap_or(day) <= days_in_month(m) {
                    let (year, e) = self.year_after(k);
                    let v = date_value(year, m, day, last_day);
                    self.push_date(start, self.end(e - 1), Some(v));
                    return Some(e);
                }
            }
            if let Some(y) = self.year_at(j) {
                if !self.has_suffix(j + 1) && !self.glued(j + 1)
                    || matches!(self.t(j + 1), "," | "." | ")" | ";")
                {
                    self.push_date(start, self.end(j), Some(year_month(Some(y), m)));
                    return Some(j + 1);
                }
            }
        }
        if abbr || weekday_start.is_some() {
            return None;
        }
        // A bare month.
        let mut buf = [0u8; 24];
        let prev = if i > 0 && self.spaced(i) {
            self.lower(i - 1, &mut buf)
        } else {
            None
        };
        let ambiguous = matches!(m, 3 | 4 | 5 | 6 | 8);
        let triggered = prev.is_some_and(|p| month_trigger(p, m == 5));
        let next_capital = self.spaced(i + 1)
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.is_capitalised(self.text));
        let prev_capital = i > 0 && self.spaced(i) && self.mid_capital(i - 1);
        let ok = triggered || (!ambiguous && !next_capital && !prev_capital);
        if !ok {
            return None;
        }
        self.push_date(start, self.end(i), Some(year_month(None, m)));
        Some(i + 1)
    }

    /// A weekday, alone ("Monday" → XXXX-WXX-1) or leading a date ("Monday 18 March").
    fn date_at_weekday(&mut self, i: usize, wd: u32) -> Option<usize> {
        let start = self.start(i);
        let j = if self.glued(i + 1) && self.t(i + 1) == "," {
            i + 2
        } else {
            i + 1
        };
        if self.spaced(j) {
            if self.is_number(j) {
                if let Some(e) = self.day_month(j, start) {
                    return Some(e);
                }
            } else if let Some((m, abbr)) = month(self.t(j)) {
                if let Some(e) = self.date_at_month(j, m, abbr, Some(start)) {
                    return Some(e);
                }
            }
        }
        if i > 0 && self.spaced(i) && self.mid_capital(i - 1) {
            // "Black Friday", "Super Tuesday".
            return None;
        }
        if i > 0 && self.spaced(i) && self.is_word(i - 1) && self.index.is_sentence_initial(i - 1) {
            let mut buf = [0u8; 24];
            let p = self.lower(i - 1, &mut buf).unwrap_or("");
            let function = matches!(
                p,
                "on" | "by"
                    | "since"
                    | "until"
                    | "from"
                    | "last"
                    | "next"
                    | "this"
                    | "every"
                    | "and"
                    | "or"
                    | "but"
                    | "before"
                    | "after"
                    | "through"
                    | "till"
                    | "each"
                    | "early"
                    | "late"
                    | "that"
                    | "said"
            );
            if !function {
                return None;
            }
        }
        self.push_date(start, self.end(i), Some(weekday_value(wd)));
        Some(i + 1)
    }
}

/// "2024-03-18", "XXXX-03-18", or an interval "XXXX-09-16/XXXX-09-19" for a day range.
fn date_value(year: Option<u32>, m: u32, day: u32, last_day: Option<u32>) -> String {
    let mut v = iso_date(year, m, day);
    if let Some(d2) = last_day {
        v.push('/');
        v.push_str(&iso_date(year, m, d2));
    }
    v
}

// Date values are built by hand rather than with `format!`: thousands of them per megabyte of
// news, and the formatting machinery costs several times more than pushing a few digits.

/// Appends `n` in decimal, zero-padded to at least `width` digits (as `{n:0width$}` would).
fn push_padded(s: &mut String, n: u32, width: usize) {
    let digits = n.checked_ilog10().unwrap_or(0) + 1;
    for _ in digits as usize..width {
        s.push('0');
    }
    let mut unit = 10u32.pow(digits - 1);
    while unit > 0 {
        s.push(char::from(b'0' + (n / unit % 10) as u8));
        unit /= 10;
    }
}

/// `n` zero-padded to at least `width` digits: `padded(7, 2)` is `"07"`.
fn padded(n: u32, width: usize) -> String {
    let mut s = String::with_capacity(width.max(10));
    push_padded(&mut s, n, width);
    s
}

/// The year of a date value: four digits, or `XXXX` when unknown.
fn year_text(year: Option<u32>, capacity: usize) -> String {
    let mut s = String::with_capacity(capacity);
    match year {
        Some(y) => push_padded(&mut s, y, 4),
        None => s.push_str("XXXX"),
    }
    s
}

/// "2024-03" or "XXXX-03".
fn year_month(year: Option<u32>, m: u32) -> String {
    let mut s = year_text(year, 7);
    s.push('-');
    push_padded(&mut s, m, 2);
    s
}

/// "2024-03-18" or "XXXX-03-18".
fn iso_date(year: Option<u32>, m: u32, day: u32) -> String {
    let mut s = year_text(year, 10);
    for part in [m, day] {
        s.push('-');
        push_padded(&mut s, part, 2);
    }
    s
}

/// A range of years: "2019/2020".
fn year_range(y: u32, y2: u32) -> String {
    let mut s = padded(y, 0);
    s.push('/');
    push_padded(&mut s, y2, 0);
    s
}

/// A weekday of an unknown week (Monday = 1): "XXXX-WXX-1".
fn weekday_value(wd: u32) -> String {
    let mut s = String::with_capacity(10);
    s.push_str("XXXX-WXX-");
    push_padded(&mut s, wd, 0);
    s
}

/// "18.03.2024" → "2024-03-18" (day first).
fn dotted_date(s: &str) -> Option<String> {
    let mut parts = s.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() > 2 || m.len() > 2 || y.len() != 4 {
        return None;
    }
    let (d, m, y): (u32, u32, u32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    ((1..=12).contains(&m) && (1..=days_in_month(m)).contains(&d) && (1000..=2100).contains(&y))
        .then(|| iso_date(Some(y), m, d))
}

#[cfg(test)]
mod tests;
