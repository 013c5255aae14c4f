//! Closed word classes of the number layer: number words, ordinals, months, weekdays, scales.
//! All lookups take lower-case ASCII.

/// Lower-cases an ASCII word into `buf`. `None` when the word is not ASCII or does not fit.
pub(super) fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = buf.get_mut(..bytes.len())?;
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

/// "zero" .. "nineteen".
pub(super) fn unit_word(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

/// "twenty" .. "ninety".
pub(super) fn tens_word(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
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
pub(super) fn vague_plural(w: &str) -> bool {
    matches!(
        w,
        "hundreds" | "thousands" | "millions" | "billions" | "trillions" | "dozens" | "scores"
    )
}

/// "first" .. "nineteenth", "twentieth" .. "ninetieth", "hundredth", "thousandth", "millionth".
pub(super) fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1000,
        "millionth" => 1_000_000,
        _ => return None,
    })
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

/// Month names (exact case: "March", "MARCH") and abbreviations ("Mar", "Sept").
/// Returns `(month, abbreviated)`.
pub(super) fn month(word: &str) -> Option<(u32, bool)> {
    let first_upper = word.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    if !first_upper || word.len() > 9 {
        return None;
    }
    let mut buf = [0u8; 24];
    let w = lower_ascii(word, &mut buf)?;
    // Only "March" or "MARCH", never "MArch".
    let rest_ok = word.bytes().skip(1).all(|b| b.is_ascii_lowercase())
        || word.bytes().all(|b| b.is_ascii_uppercase());
    if !rest_ok {
        return None;
    }
    Some(match w {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

/// Weekday names, capitalised: Monday = 1 .. Sunday = 7 (ISO 8601).
pub(super) fn weekday(word: &str) -> Option<u32> {
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

/// Seasons as TIMEX3 codes.
pub(super) fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Currency symbols written before the amount, as ISO 4217 codes.
pub(super) fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₺" => "TRY",
        "₦" => "NGN",
        "₪" => "ILS",
        "₱" => "PHP",
        "₫" => "VND",
        "฿" => "THB",
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
    fn lower_ascii_rejects_long_and_non_ascii() {
        let mut buf = [0u8; 24];
        assert_eq!(lower_ascii("MiLLion", &mut buf), Some("million"));
        assert_eq!(lower_ascii("épée", &mut buf), None);
        assert_eq!(lower_ascii(&"a".repeat(30), &mut buf), None);
    }

    #[test]
    fn months_need_proper_case() {
        assert_eq!(month("March"), Some((3, false)));
        assert_eq!(month("MARCH"), Some((3, false)));
        assert_eq!(month("march"), None);
        assert_eq!(month("Sept"), Some((9, true)));
    }
}
