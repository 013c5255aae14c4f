//! Closed word classes of the number layer: number words, ordinals, months, weekdays, scales.
//! All lookups take lower-case ASCII.

/// Lower-cases an ASCII word into `buf`. `None` when the word is not ASCII or does not fit.
/// A word without capitals (most words) is returned as it is, without copying.
pub(super) fn lower_ascii<'b>(word: &'b str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return Some(word);
    }
    let out = buf.get_mut(..bytes.len())?;
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

/// "zero" .. "nineteen", each at the index of its value.
const UNIT_WORDS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// "zero" .. "nineteen".
pub(super) fn unit_word(w: &str) -> Option<u32> {
    let value = UNIT_WORDS.iter().position(|&u| u == w)?;
    u32::try_from(value).ok()
}

/// "twenty" .. "ninety" with their values.
const TENS_WORDS: [(&str, u32); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// "twenty" .. "ninety".
pub(super) fn tens_word(w: &str) -> Option<u32> {
    TENS_WORDS.iter().find(|&&(t, _)| t == w).map(|&(_, v)| v)
}

/// Scale words as powers of ten: "hundred" 2, "thousand" 3, "million" 6...
pub(super) fn scale_word(w: &str) -> Option<i32> {
    Some(match w {
        "hundred" => 2,
        "thousand" => 3,
        "million" => 6,
        "billion" => 9,
        "trillion" => 12,
        _ => return None,
    })
}

/// Scale abbreviations after digits. `glued` says whether the abbreviation touches the digits.
/// "m" and "k" count only when glued ("86m", "3k"); "b" and "tn"-style forms only where noted.
pub(super) fn digit_scale(w: &str, glued: bool, money: bool) -> Option<i32> {
    let p = match w {
        "million" | "Million" => 6,
        "billion" | "Billion" => 9,
        "trillion" | "Trillion" => 12,
        "thousand" | "Thousand" => 3,
        "hundred" => 2,
        "bn" | "bln" | "Bn" => 9,
        "mn" | "mln" => 6,
        "tn" | "trn" => 12,
        "lakh" | "lakhs" => 5,
        "crore" | "crores" => 7,
        "m" | "M" if glued => 6,
        "k" | "K" if glued => 3,
        "b" | "B" if glued && money => 9,
        "T" if glued && money => 12,
        _ => return None,
    };
    Some(p)
}

/// Plural scale words used vaguely: "hundreds", "thousands", "dozens"...
const VAGUE_PLURALS: [&str; 7] = [
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "dozens",
    "scores",
];

/// Plural scale words used vaguely: "hundreds", "thousands", "dozens"...
pub(super) fn vague_plural(w: &str) -> bool {
    VAGUE_PLURALS.contains(&w)
}

/// "first" .. "nineteenth", "twentieth" .. "ninetieth", "hundredth", "thousandth", "millionth",
/// with their values.
const ORDINAL_WORDS: [(&str, u32); 30] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1000),
    ("millionth", 1_000_000),
];

/// "first" .. "nineteenth", "twentieth" .. "ninetieth", "hundredth", "thousandth", "millionth".
pub(super) fn ordinal_word(w: &str) -> Option<u32> {
    // Every ordinal word ends in one of these (checked by a test): most words are refused
    // without going through the list.
    if !matches!(
        w.as_bytes(),
        [.., b's', b't'] | [.., b'n' | b'r', b'd'] | [.., b't', b'h']
    ) {
        return None;
    }
    ORDINAL_WORDS
        .iter()
        .find(|&&(o, _)| o == w)
        .map(|&(_, v)| v)
}

/// Denominators of fraction words: "half"/"halves" 2, "third(s)" 3, "quarter(s)" 4...
pub(super) fn fraction_word(w: &str) -> Option<u32> {
    Some(match w {
        "half" | "halves" => 2,
        "third" | "thirds" => 3,
        "quarter" | "quarters" => 4,
        "fifth" | "fifths" => 5,
        "sixth" | "sixths" => 6,
        "eighth" | "eighths" => 8,
        "tenth" | "tenths" => 10,
        _ => return None,
    })
}

/// Full month names, January first.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month names (exact case: "March", "MARCH") and abbreviations ("Mar", "Sept").
/// Returns `(month, abbreviated)`.
pub(super) fn month(word: &str) -> Option<(u32, bool)> {
    let bytes = word.as_bytes();
    let first_upper = bytes.first().is_some_and(u8::is_ascii_uppercase);
    if !first_upper || !(3..=9).contains(&bytes.len()) {
        return None;
    }
    // The first three letters tell the month (most capitalised words stop here); the word is
    // then its name or abbreviation.
    // Setting bit 5 lower-cases letters; only letters fold onto letters.
    let &[a, b, c] = bytes.first_chunk::<3>()?;
    let m: u32 = match [a | 0x20, b | 0x20, c | 0x20] {
        [b'j', b'a', b'n'] => 1,
        [b'f', b'e', b'b'] => 2,
        [b'm', b'a', b'r'] => 3,
        [b'a', b'p', b'r'] => 4,
        [b'm', b'a', b'y'] => 5,
        [b'j', b'u', b'n'] => 6,
        [b'j', b'u', b'l'] => 7,
        [b'a', b'u', b'g'] => 8,
        [b's', b'e', b'p'] => 9,
        [b'o', b'c', b't'] => 10,
        [b'n', b'o', b'v'] => 11,
        [b'd', b'e', b'c'] => 12,
        _ => return None,
    };
    // Only "March" or "MARCH", never "MArch" (and so only ASCII).
    let rest_ok = bytes.iter().skip(1).all(u8::is_ascii_lowercase)
        || bytes.iter().all(u8::is_ascii_uppercase);
    if !rest_ok {
        return None;
    }
    let name = MONTHS.get(m as usize - 1)?;
    if word.eq_ignore_ascii_case(name) {
        Some((m, false))
    } else if bytes.len() == 3 || (m == 9 && word.eq_ignore_ascii_case("sept")) {
        Some((m, true))
    } else {
        None
    }
}

/// Weekday names, capitalised: Monday = 1 .. Sunday = 7 (ISO 8601).
pub(super) fn weekday(word: &str) -> Option<u32> {
    // Most capitalised words stop here.
    if !matches!(word.as_bytes(), [.., b'y' | b'Y']) {
        return None;
    }
    Some(match word {
        "Monday" | "MONDAY" => 1,
        "Tuesday" | "TUESDAY" => 2,
        "Wednesday" | "WEDNESDAY" => 3,
        "Thursday" | "THURSDAY" => 4,
        "Friday" | "FRIDAY" => 5,
        "Saturday" | "SATURDAY" => 6,
        "Sunday" | "SUNDAY" => 7,
        _ => return None,
    })
}

/// Seasons with their TIMEX3 codes.
const SEASONS: [(&str, &str); 5] = [
    ("spring", "SP"),
    ("summer", "SU"),
    ("autumn", "FA"),
    ("fall", "FA"),
    ("winter", "WI"),
];

/// Seasons as TIMEX3 codes.
pub(super) fn season(w: &str) -> Option<&'static str> {
    SEASONS
        .iter()
        .find(|&&(s, _)| s == w)
        .map(|&(_, code)| code)
}

/// A set of lower-case ASCII words that answers "maybe" or "no" for any word, without
/// lower-casing or hashing: a table of word lengths by first and last letter (case folded), and
/// a table of where a hyphen may end a known first part. No word of the set, and no hyphenated
/// word whose first part is a listed prefix, is ever refused; other words pass now and then
/// (the same letters and length), so callers still compare the word itself afterwards.
#[derive(Debug)]
pub(super) struct WordFilter {
    /// `lengths[first][last]`: bit `n` is set when a word of the set has `n` bytes and starts and
    /// ends with those letters (`a` is 0).
    lengths: [[u32; 26]; 26],
    /// `hyphens[first]`: bit `k` is set when a prefix of `k` bytes starting with that letter may
    /// come before a hyphen.
    hyphens: [u32; 26],
}

/// Words longer than this never pass a [`WordFilter`].
const FILTER_MAX_LEN: usize = 24;

/// The index of an ASCII letter in either case (`a`/`A` is 0), `None` for any other byte.
fn letter_index(b: u8) -> Option<usize> {
    let folded = b | 0x20;
    folded
        .is_ascii_lowercase()
        .then(|| usize::from(folded - b'a'))
}

/// The number words that [`WordFilter::new`] always holds: number, tens and ordinal words,
/// vague plurals and seasons.
pub(super) fn number_word_list() -> impl Iterator<Item = &'static str> {
    UNIT_WORDS
        .iter()
        .copied()
        .chain(TENS_WORDS.iter().map(|&(w, _)| w))
        .chain(ORDINAL_WORDS.iter().map(|&(w, _)| w))
        .chain(VAGUE_PLURALS.iter().copied())
        .chain(SEASONS.iter().map(|&(w, _)| w))
}

/// The first parts of the hyphenated words that act: "mid-", number, tens and ordinal words.
pub(super) fn hyphen_prefix_list() -> impl Iterator<Item = &'static str> {
    std::iter::once("mid")
        .chain(UNIT_WORDS.iter().copied())
        .chain(TENS_WORDS.iter().map(|&(w, _)| w))
        .chain(ORDINAL_WORDS.iter().map(|&(w, _)| w))
}

impl WordFilter {
    /// The filter of [`number_word_list`] and `triggers`, and of hyphenated words starting with
    /// one of [`hyphen_prefix_list`].
    pub fn new(triggers: &[&str]) -> Self {
        let mut filter = WordFilter {
            lengths: [[0; 26]; 26],
            hyphens: [0; 26],
        };
        for &w in triggers {
            filter.add_word(w);
        }
        for w in number_word_list() {
            filter.add_word(w);
        }
        for p in hyphen_prefix_list() {
            let first = p.bytes().next().and_then(letter_index);
            if let Some(slot) = first.and_then(|f| filter.hyphens.get_mut(f)) {
                *slot |= 1u32.checked_shl(p.len() as u32).unwrap_or(0);
            }
        }
        filter
    }

    /// A filter that lets every word starting with a letter and at most 24 bytes long through.
    #[cfg(test)]
    pub fn everything() -> Self {
        WordFilter {
            lengths: [[u32::MAX; 26]; 26],
            hyphens: [u32::MAX; 26],
        }
    }

    /// Lets `w` (lower-case ASCII letters) through.
    fn add_word(&mut self, w: &str) {
        let bytes = w.as_bytes();
        let first = bytes.first().copied().and_then(letter_index);
        let last = bytes.last().copied().and_then(letter_index);
        if let (Some(f), Some(l)) = (first, last) {
            if let Some(slot) = self.lengths.get_mut(f).and_then(|row| row.get_mut(l)) {
                *slot |= 1u32.checked_shl(bytes.len() as u32).unwrap_or(0);
            }
        }
    }

    /// False when `word`, lower-cased, is surely not in the set and is not a hyphenated word
    /// with a listed first part; also false for a word longer than 24 bytes.
    pub fn may_hold(&self, word: &[u8]) -> bool {
        let (Some(&a), Some(&z)) = (word.first(), word.last()) else {
            return false;
        };
        let len = word.len();
        let Some(f) = letter_index(a).filter(|_| len <= FILTER_MAX_LEN) else {
            return false;
        };
        let listed = letter_index(z)
            .and_then(|l| self.lengths.get(f).and_then(|row| row.get(l)))
            .is_some_and(|&bits| bits >> len & 1 == 1);
        if listed {
            return true;
        }
        // Hyphen positions before the end of the word.
        let mut at = self.hyphens.get(f).copied().unwrap_or(0) & ((1u32 << len) - 1);
        while at != 0 {
            if word.get(at.trailing_zeros() as usize) == Some(&b'-') {
                return true;
            }
            at &= at - 1;
        }
        false
    }
}

/// Currency symbols written before the amount, as ISO 4217 codes.
pub(super) fn currency_symbol(s: &str) -> Option<&'static str> {
    // Matched on the UTF-8 bytes: byte compares instead of string compares, for every
    // punctuation token.
    Some(match s.as_bytes() {
        b"$" => "USD",
        [0xC2, 0xA3] => "GBP",       // £
        [0xC2, 0xA5] => "JPY",       // ¥
        [0xE2, 0x82, 0xAC] => "EUR", // €
        [0xE2, 0x82, 0xB9] => "INR", // ₹
        [0xE2, 0x82, 0xA9] => "KRW", // ₩
        [0xE2, 0x82, 0xBD] => "RUB", // ₽
        [0xE2, 0x82, 0xBA] => "TRY", // ₺
        [0xE2, 0x82, 0xA6] => "NGN", // ₦
        [0xE2, 0x82, 0xAA] => "ILS", // ₪
        [0xE2, 0x82, 0xB1] => "PHP", // ₱
        [0xE2, 0x82, 0xAB] => "VND", // ₫
        [0xE0, 0xB8, 0xBF] => "THB", // ฿
        _ => return None,
    })
}

/// Country prefixes glued to `$`: "US$", "A$", "HK$"...
pub(super) fn dollar_prefix(s: &str) -> Option<&'static str> {
    Some(match s {
        "US" => "USD",
        "A" | "AU" => "AUD",
        "C" | "CA" => "CAD",
        "NZ" => "NZD",
        "HK" => "HKD",
        "S" | "SG" => "SGD",
        "R" => "BRL",
        "MX" => "MXN",
        _ => return None,
    })
}

/// Currency codes or abbreviations written before the amount with a space ("USD 5", "Rs 500").
pub(super) fn currency_word_prefix(s: &str) -> Option<&'static str> {
    Some(match s {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CNY" | "RMB" => "CNY",
        "INR" | "Rs" => "INR",
        "CHF" => "CHF",
        "CAD" => "CAD",
        "AUD" => "AUD",
        _ => return None,
    })
}

/// Words after which a bare four-digit number is a count, not a year ("about 1500").
pub(super) fn count_cue(w: &str) -> bool {
    matches!(
        w,
        "about"
            | "around"
            | "some"
            | "nearly"
            | "almost"
            | "over"
            | "under"
            | "than"
            | "least"
            | "most"
            | "only"
            | "just"
            | "approximately"
            | "roughly"
            | "estimated"
            | "additional"
            | "another"
            | "extra"
            | "total"
            | "totalling"
            | "totaling"
            | "reached"
            | "employs"
            | "employed"
            | "killed"
            | "kills"
            | "cut"
            | "cutting"
            | "hired"
            | "hiring"
    )
}

/// Plural nouns after which a bare four-digit number is a count ("2000 people").
pub(super) fn count_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "men"
            | "women"
            | "children"
            | "jobs"
            | "homes"
            | "houses"
            | "deaths"
            | "cases"
            | "troops"
            | "soldiers"
            | "workers"
            | "staff"
            | "employees"
            | "students"
            | "patients"
            | "members"
            | "votes"
            | "words"
            | "pages"
            | "users"
            | "fans"
            | "residents"
            | "refugees"
            | "migrants"
            | "songs"
            | "tracks"
            | "artists"
            | "copies"
            | "units"
            | "vehicles"
            | "cars"
            | "flights"
            | "companies"
            | "firms"
            | "schools"
            | "signatures"
            | "applications"
            | "complaints"
            | "arrests"
            | "points"
            | "shares"
            | "beds"
            | "calories"
            | "others"
            | "more"
            | "of"
    )
}

/// Words that make a following bare "May"/"March" (or other month) a date.
pub(super) fn month_trigger(w: &str, strict: bool) -> bool {
    let common = matches!(
        w,
        "in" | "since"
            | "until"
            | "till"
            | "last"
            | "next"
            | "early"
            | "late"
            | "mid"
            | "this"
            | "during"
            | "throughout"
    );
    common
        || (!strict
            && matches!(
                w,
                "on" | "by" | "from" | "to" | "of" | "before" | "after" | "through" | "between"
            ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_filter_holds_its_words_in_any_case() {
        let filter = WordFilter::new(&["today"]);
        let holds = |w: &str| filter.may_hold(w.as_bytes());
        for w in [
            "today",
            "TODAY",
            "Seventeen",
            "millionth",
            "dozens",
            "fall",
            "ninety",
            "Seventeen-year-old",
            "mid-March",
            "twenty-first",
            "THIRD-largest",
        ] {
            assert!(holds(w), "{w}");
        }
        for w in number_word_list().chain(["today"]) {
            assert!(holds(w), "{w}");
            assert!(holds(&w.to_ascii_uppercase()), "{w}");
        }
        for p in hyphen_prefix_list() {
            assert!(holds(&format!("{p}-x")), "{p}");
            assert!(
                holds(&format!("{}-year-old", p.to_ascii_uppercase())),
                "{p}"
            );
        }
        assert!(!holds("well-known") && !holds("a-") && !holds(""));
        assert!(!holds("épée"));
        assert!(!holds(&"a".repeat(25)));
        let common = [
            "the",
            "said",
            "of",
            "and",
            "company",
            "government",
            "people",
        ];
        let passed = common.iter().filter(|w| holds(w)).count();
        assert!(passed <= 1, "{passed} common words pass");
    }

    #[test]
    fn currency_symbols_match_their_characters() {
        let symbols = [
            ("$", "USD"),
            ("£", "GBP"),
            ("€", "EUR"),
            ("¥", "JPY"),
            ("₹", "INR"),
            ("₩", "KRW"),
            ("₽", "RUB"),
            ("₺", "TRY"),
            ("₦", "NGN"),
            ("₪", "ILS"),
            ("₱", "PHP"),
            ("₫", "VND"),
            ("฿", "THB"),
        ];
        for (s, code) in symbols {
            assert_eq!(currency_symbol(s), Some(code), "{s}");
        }
        for s in ["", "-", "’", "“", "₿", "$$", "US"] {
            assert_eq!(currency_symbol(s), None, "{s}");
        }
    }

    #[test]
    fn ordinal_words_have_ordinal_endings() {
        for &(w, v) in &ORDINAL_WORDS {
            assert_eq!(ordinal_word(w), Some(v), "{w}");
        }
        assert_eq!(ordinal_word("fifths"), None);
    }

    #[test]
    fn lower_ascii_rejects_long_and_non_ascii() {
        let mut buf = [0u8; 24];
        assert_eq!(lower_ascii("MiLLion", &mut buf), Some("million"));
        assert_eq!(lower_ascii("épée", &mut buf), None);
        assert_eq!(lower_ascii(&"a".repeat(30), &mut buf), None);
    }

    #[test]
    fn months_need_proper_case() {
        assert_eq!(month("March"), Some((3, false)));
        assert_eq!(month("May"), Some((5, false)));
        assert_eq!(month("MAY"), Some((5, false)));
        assert_eq!(month("SEPT"), Some((9, true)));
        assert_eq!(month("Sep"), Some((9, true)));
        assert_eq!(month("Septe"), None);
        assert_eq!(month("Mars"), None);
        assert_eq!(month("Ma"), None);
        assert_eq!(month("Decembers"), None);
        assert_eq!(month("MARCH"), Some((3, false)));
        assert_eq!(month("march"), None);
        assert_eq!(month("Sept"), Some((9, true)));
    }
}
