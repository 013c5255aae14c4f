//! Table-driven tests of the number layer: one row per case, exact spans, labels, values, units.

use super::recognize;
use crate::annotation::{Label, Value};
use crate::text::TextIndex;
use Label::*;

/// Expected value of a span.
#[derive(Debug, Clone, Copy)]
enum V {
    N(f64),
    D(&'static str),
    No,
}
use V::{No, D, N};

/// `(span text, label, value, unit)`.
type Exp = (&'static str, Label, V, Option<&'static str>);

/// `(row name, text, expected spans in order)`.
type Row = (&'static str, &'static str, &'static [Exp]);

const ROWS: &[Row] = &[
    // Counts.
    ("m million", "86m", &[("86m", Cardinal, N(86e6), None)]),
    (
        "m million before noun",
        "86m users",
        &[("86m", Cardinal, N(86e6), None)],
    ),
    (
        "spaced million",
        "700 million",
        &[("700 million", Cardinal, N(7e8), None)],
    ),
    (
        "approximator outside",
        "more than 700 million listeners",
        &[("700 million", Cardinal, N(7e8), None)],
    ),
    (
        "thousands comma",
        "200,000",
        &[("200,000", Cardinal, N(2e5), None)],
    ),
    (
        "words hundred",
        "two hundred",
        &[("two hundred", Cardinal, N(200.0), None)],
    ),
    (
        "words hundred and",
        "two hundred and fifty people",
        &[("two hundred and fifty", Cardinal, N(250.0), None)],
    ),
    (
        "a dozen",
        "a dozen",
        &[("a dozen", Cardinal, N(12.0), None)],
    ),
    (
        "decimal billion",
        "1.5 billion",
        &[("1.5 billion", Cardinal, N(1.5e9), None)],
    ),
    ("k thousand", "3k", &[("3k", Cardinal, N(3000.0), None)]),
    (
        "hyphen words",
        "twenty-five",
        &[("twenty-five", Cardinal, N(25.0), None)],
    ),
    (
        "a million",
        "a million",
        &[("a million", Cardinal, N(1e6), None)],
    ),
    (
        "one million",
        "one million",
        &[("one million", Cardinal, N(1e6), None)],
    ),
    (
        "one and a half million",
        "one and a half million",
        &[("one and a half million", Cardinal, N(1.5e6), None)],
    ),
    (
        "vague hundreds of thousands",
        "hundreds of thousands",
        &[("hundreds of thousands", Cardinal, No, None)],
    ),
    (
        "vague dozens",
        "dozens of fans",
        &[("dozens", Cardinal, No, None)],
    ),
    (
        "half a million",
        "half a million",
        &[("half a million", Cardinal, N(5e5), None)],
    ),
    (
        "several hundred",
        "several hundred people",
        &[("several hundred", Cardinal, No, None)],
    ),
    (
        "two-thirds",
        "two-thirds of voters",
        &[("two-thirds", Cardinal, N(2.0 / 3.0), None)],
    ),
    ("range", "10-15 people", &[("10-15", Cardinal, No, None)]),
    (
        "plain digit",
        "Give me 7 reasons",
        &[("7", Cardinal, N(7.0), None)],
    ),
    (
        "word number",
        "the two men",
        &[("two", Cardinal, N(2.0), None)],
    ),
    (
        "four-digit count",
        "about 1500 people",
        &[("1500", Cardinal, N(1500.0), None)],
    ),
    (
        "four-digit count noun",
        "2000 people",
        &[("2000", Cardinal, N(2000.0), None)],
    ),
    (
        "half glyph",
        "2½ years",
        &[("2½ years", Quantity, N(2.5), Some("yr"))],
    ),
    // Money.
    ("dollar bn", "$6bn", &[("$6bn", Money, N(6e9), Some("USD"))]),
    (
        "pound comma",
        "£4,500",
        &[("£4,500", Money, N(4500.0), Some("GBP"))],
    ),
    (
        "euro m",
        "€3.2m",
        &[("€3.2m", Money, N(3.2e6), Some("EUR"))],
    ),
    ("US dollar", "US$5", &[("US$5", Money, N(5.0), Some("USD"))]),
    (
        "dollars word",
        "5 million dollars",
        &[("5 million dollars", Money, N(5e6), Some("USD"))],
    ),
    ("pence p", "50p", &[("50p", Money, N(0.5), Some("GBP"))]),
    ("yen", "¥100", &[("¥100", Money, N(100.0), Some("JPY"))]),
    (
        "rupees",
        "Rs 500",
        &[("Rs 500", Money, N(500.0), Some("INR"))],
    ),
    (
        "spaced million money",
        "$1.5 trillion",
        &[("$1.5 trillion", Money, N(1.5e12), Some("USD"))],
    ),
    (
        "cents",
        "99 cents",
        &[("99 cents", Money, N(0.99), Some("USD"))],
    ),
    (
        "pence word",
        "50 pence",
        &[("50 pence", Money, N(0.5), Some("GBP"))],
    ),
    (
        "words money",
        "a million dollars",
        &[("a million dollars", Money, N(1e6), Some("USD"))],
    ),
    (
        "euros word",
        "3 euros",
        &[("3 euros", Money, N(3.0), Some("EUR"))],
    ),
    (
        "currency year-like",
        "$2000",
        &[("$2000", Money, N(2000.0), Some("USD"))],
    ),
    (
        "pounds weight",
        "10 pounds of sugar",
        &[("10 pounds", Quantity, N(10.0), Some("lb"))],
    ),
    (
        "money a year",
        "£4,500 a year",
        &[("£4,500", Money, N(4500.0), Some("GBP"))],
    ),
    // Percentages.
    (
        "percent sign",
        "99.6%",
        &[("99.6%", Percent, N(99.6), Some("%"))],
    ),
    (
        "per cent",
        "12 per cent",
        &[("12 per cent", Percent, N(12.0), Some("%"))],
    ),
    (
        "percent word",
        "12 percent",
        &[("12 percent", Percent, N(12.0), Some("%"))],
    ),
    (
        "words per cent",
        "twelve per cent",
        &[("twelve per cent", Percent, N(12.0), Some("%"))],
    ),
    ("pc glued", "5pc", &[("5pc", Percent, N(5.0), Some("%"))]),
    (
        "percentage points",
        "2 percentage points",
        &[("2 percentage points", Percent, N(2.0), Some("pp"))],
    ),
    (
        "one per cent",
        "one per cent",
        &[("one per cent", Percent, N(1.0), Some("%"))],
    ),
    // Quantities.
    ("km glued", "5km", &[("5km", Quantity, N(5.0), Some("km"))]),
    (
        "tonnes",
        "30 tonnes",
        &[("30 tonnes", Quantity, N(30.0), Some("t"))],
    ),
    (
        "litres",
        "2.5 litres",
        &[("2.5 litres", Quantity, N(2.5), Some("l"))],
    ),
    (
        "miles",
        "10 miles",
        &[("10 miles", Quantity, N(10.0), Some("mi"))],
    ),
    (
        "celsius glued",
        "40C",
        &[("40C", Quantity, N(40.0), Some("°C"))],
    ),
    (
        "celsius degree sign",
        "40°C",
        &[("40°C", Quantity, N(40.0), Some("°C"))],
    ),
    ("feet", "6ft", &[("6ft", Quantity, N(6.0), Some("ft"))]),
    (
        "hours",
        "3.5 hours",
        &[("3.5 hours", Quantity, N(3.5), Some("h"))],
    ),
    (
        "negative temperature",
        "It was -5C today",
        &[
            ("-5C", Quantity, N(-5.0), Some("°C")),
            ("today", Date, No, None),
        ],
    ),
    (
        "km per hour",
        "70km/h",
        &[("70km/h", Quantity, N(70.0), Some("km/h"))],
    ),
    (
        "square miles",
        "40 square miles",
        &[("40 square miles", Quantity, N(40.0), Some("mi²"))],
    ),
    (
        "scaled unit",
        "5m tonnes",
        &[("5m tonnes", Quantity, N(5e6), Some("t"))],
    ),
    (
        "words unit",
        "five miles",
        &[("five miles", Quantity, N(5.0), Some("mi"))],
    ),
    (
        "compound unit",
        "a five-year plan",
        &[("five-year", Quantity, N(5.0), Some("yr"))],
    ),
    (
        "age",
        "a 35-year-old man",
        &[("35-year-old", Quantity, N(35.0), Some("yr"))],
    ),
    (
        "hyphen hour",
        "24-hour strike",
        &[("24-hour", Quantity, N(24.0), Some("h"))],
    ),
    (
        "years not a date",
        "2000 years",
        &[("2000 years", Quantity, N(2000.0), Some("yr"))],
    ),
    // Dates.
    (
        "year",
        "since 1979, when",
        &[("1979", Date, D("1979"), None)],
    ),
    (
        "the decade",
        "the 1950s",
        &[("the 1950s", Date, D("195"), None)],
    ),
    ("decade bare", "1990s", &[("1990s", Date, D("199"), None)]),
    (
        "decade apostrophe",
        "the music of ’90s bands",
        &[("’90s", Date, D("199"), None)],
    ),
    (
        "the early decade",
        "the early 1990s",
        &[("the early 1990s", Date, D("199"), None)],
    ),
    (
        "mid decade",
        "the mid-1990s",
        &[("the mid-1990s", Date, D("199"), None)],
    ),
    (
        "century plural",
        "the 1800s",
        &[("the 1800s", Date, D("18"), None)],
    ),
    (
        "day month",
        "on 18 March",
        &[("18 March", Date, D("XXXX-03-18"), None)],
    ),
    (
        "month day year",
        "March 18, 2024",
        &[("March 18, 2024", Date, D("2024-03-18"), None)],
    ),
    (
        "day month year",
        "18 March 2024",
        &[("18 March 2024", Date, D("2024-03-18"), None)],
    ),
    (
        "month year",
        "March 2024",
        &[("March 2024", Date, D("2024-03"), None)],
    ),
    (
        "in month",
        "in March",
        &[("March", Date, D("XXXX-03"), None)],
    ),
    ("bare May name", "Theresa May said", &[]),
    ("may verb", "They may go. May I?", &[]),
    ("in May", "in May", &[("May", Date, D("XXXX-05"), None)]),
    ("march as noun", "the March on Washington", &[]),
    (
        "unambiguous month",
        "inflation fell in October",
        &[("October", Date, D("XXXX-10"), None)],
    ),
    (
        "ordinal day of month",
        "the 18th of March",
        &[("18th of March", Date, D("XXXX-03-18"), None)],
    ),
    (
        "abbreviated month",
        "18 Sept 2023",
        &[("18 Sept 2023", Date, D("2023-09-18"), None)],
    ),
    (
        "month day range",
        "conducted September 16-19, using",
        &[("September 16-19", Date, D("XXXX-09-16/XXXX-09-19"), None)],
    ),
    (
        "day range month",
        "16-19 September 2016",
        &[(
            "16-19 September 2016",
            Date,
            D("2016-09-16/2016-09-19"),
            None,
        )],
    ),
    (
        "month ordinal day before full stop",
        "since January 1st. Then",
        &[("January 1st", Date, D("XXXX-01-01"), None)],
    ),
    (
        "month day before full stop",
        "and September 18. Then",
        &[("September 18", Date, D("XXXX-09-18"), None)],
    ),
    ("words o'clock", "at three o’clock", &[]),
    (
        "weekday",
        "on Monday",
        &[("Monday", Date, D("XXXX-WXX-1"), None)],
    ),
    (
        "weekday with date",
        "Monday 18 March",
        &[("Monday 18 March", Date, D("XXXX-03-18"), None)],
    ),
    ("weekday name", "Black Friday sales", &[]),
    (
        "year range short",
        "2019-20",
        &[("2019-20", Date, D("2019/2020"), None)],
    ),
    (
        "year range dash",
        "2019–2020",
        &[("2019–2020", Date, D("2019/2020"), None)],
    ),
    (
        "iso date",
        "2024-03-18",
        &[("2024-03-18", Date, D("2024-03-18"), None)],
    ),
    (
        "century",
        "the 18th century",
        &[("the 18th century", Date, D("17"), None)],
    ),
    (
        "century words",
        "the twenty-first century",
        &[("the twenty-first century", Date, D("20"), None)],
    ),
    (
        "season year",
        "summer 2024",
        &[("summer 2024", Date, D("2024-SU"), None)],
    ),
    ("relative", "last year", &[("last year", Date, No, None)]),
    (
        "ago",
        "three years ago",
        &[("three years ago", Date, No, None)],
    ),
    (
        "year after name",
        "Euro 2024",
        &[("2024", Date, D("2024"), None)],
    ),
    // Ordinals.
    ("ordinal th", "11th", &[("11th", Ordinal, N(11.0), None)]),
    ("ordinal st", "1st", &[("1st", Ordinal, N(1.0), None)]),
    ("ordinal nd", "22nd", &[("22nd", Ordinal, N(22.0), None)]),
    (
        "ordinal word",
        "the third",
        &[("third", Ordinal, N(3.0), None)],
    ),
    (
        "ordinal hyphen",
        "twenty-first",
        &[("twenty-first", Ordinal, N(21.0), None)],
    ),
    ("second as time", "wait a second.", &[]),
    ("second later", "a second later", &[]),
    (
        "second ordinal",
        "a second term",
        &[("second", Ordinal, N(2.0), None)],
    ),
    (
        "first with determiner",
        "the first time",
        &[("first", Ordinal, N(1.0), None)],
    ),
    ("adverbial first", "was first proposed", &[]),
    (
        "ordinal compound",
        "the second-largest",
        &[("second", Ordinal, N(2.0), None)],
    ),
    // Negatives: digits inside names, codes, times, phone numbers, footnotes.
    ("covid", "COVID-19 cases", &[]),
    ("g7", "the G7 summit", &[]),
    ("a380", "an A380 jet", &[]),
    ("windows 11", "users of Windows 11 said", &[]),
    ("no 10", "No 10 said", &[]),
    ("5G", "5G masts", &[]),
    ("observers", "The Observers", &[]),
    ("formula one", "in Formula One", &[]),
    ("bare one", "one of the best", &[]),
    ("time pm", "at 3pm", &[]),
    ("time dot", "at 10.30am", &[]),
    ("time colon", "at 10:30", &[]),
    ("phone", "call 020 7946 0958", &[]),
    ("phone plus", "call +44 20 7946 0958", &[]),
    ("footnote", "was scraped.3 Then", &[]),
    ("citation", "was scraped[3] then", &[]),
    ("list marker", "1. First item", &[]),
    ("slash", "24/7 and 9/11", &[]),
    (
        "and a half",
        "seven and a half years",
        &[("seven and a half years", Quantity, N(7.5), Some("yr"))],
    ),
    ("tweet id", "tweet-id=\"783492272595750912\"", &[]),
    ("all-caps name", "a USA TODAY analysis", &[]),
    (
        "all-caps headline",
        "MARKETS FALL TODAY",
        &[("TODAY", Date, No, None)],
    ),
    ("mid two digits", "unemployment is in the mid-30s", &[]),
    (
        "mid apostrophe decade",
        "the mid-’90s",
        &[("the mid-’90s", Date, D("199"), None)],
    ),
    (
        "camel-case name",
        "The iPhone 15 costs $799",
        &[("$799", Money, N(799.0), Some("USD"))],
    ),
    (
        "sprint metres",
        "the 100m final",
        &[("100m", Quantity, N(100.0), Some("m"))],
    ),
    (
        "FTSE 100",
        "The FTSE 100 closed down 45 points",
        &[("45", Cardinal, N(45.0), None)],
    ),
    (
        "pence price",
        "fell 3.2% to 450p",
        &[
            ("3.2%", Percent, N(3.2), Some("%")),
            ("450p", Money, N(4.5), Some("GBP")),
        ],
    ),
    (
        "one in five",
        "One in five children",
        &[("five", Cardinal, N(5.0), None)],
    ),
    ("score", "a 3-1 win", &[("3-1", Cardinal, No, None)]),
    (
        "money in brackets",
        "$3.4bn (£2.7bn)",
        &[
            ("$3.4bn", Money, N(3.4e9), Some("USD")),
            ("£2.7bn", Money, N(2.7e9), Some("GBP")),
        ],
    ),
    (
        "strict May trigger",
        "Mrs May said on 24 May 2019",
        &[("24 May 2019", Date, D("2019-05-24"), None)],
    ),
    (
        "money range",
        "$5-10m",
        &[("$5-10m", Money, No, Some("USD"))],
    ),
    (
        "money range repeated sign",
        "£20-£30 tickets",
        &[("£20-£30", Money, No, Some("GBP"))],
    ),
    ("one day idiom", "I hope that one day we win", &[]),
    (
        "one month duration",
        "One month after",
        &[("One month", Quantity, N(1.0), Some("mo"))],
    ),
    (
        "percent range",
        "10-15%",
        &[("10-15%", Percent, No, Some("%"))],
    ),
    (
        "crore",
        "₹500 crore",
        &[("₹500 crore", Money, N(5e9), Some("INR"))],
    ),
    (
        "weekday possessive",
        "Monday’s debate",
        &[("Monday", Date, D("XXXX-WXX-1"), None)],
    ),
    (
        "decade 2020s",
        "the 2020s",
        &[("the 2020s", Date, D("202"), None)],
    ),
    (
        "decade ’60s",
        "the ’60s",
        &[("the ’60s", Date, D("196"), None)],
    ),
    (
        "century 1700s",
        "the 1700s",
        &[("the 1700s", Date, D("17"), None)],
    ),
    (
        "month abbreviation with dot",
        "Jan. 2, 2020",
        &[("Jan. 2, 2020", Date, D("2020-01-02"), None)],
    ),
    ("bare abbreviation", "Jan said", &[]),
    ("April name", "April Jones said", &[]),
    (
        "ordinal day alone",
        "on the 5th",
        &[("5th", Ordinal, N(5.0), None)],
    ),
    (
        "fiscal year slash",
        "in 2019/20",
        &[("2019/20", Date, D("2019/2020"), None)],
    ),
    (
        "ISO month",
        "2019-03",
        &[("2019-03", Date, D("2019-03"), None)],
    ),
    (
        "slash date",
        "on 18/03/2024",
        &[("18/03/2024", Date, D("2024-03-18"), None)],
    ),
    (
        "US slash date",
        "on 03/18/2024",
        &[("03/18/2024", Date, D("2024-03-18"), None)],
    ),
    (
        "USD prefix with scale",
        "USD 5 million",
        &[("USD 5 million", Money, N(5e6), Some("USD"))],
    ),
    (
        "currency words after scale",
        "5 million euros",
        &[("5 million euros", Money, N(5e6), Some("EUR"))],
    ),
    (
        "litre price",
        "65p a litre",
        &[("65p", Money, N(0.65), Some("GBP"))],
    ),
    (
        "strong compound",
        "a 5,000-strong crowd",
        &[("5,000", Cardinal, N(5000.0), None)],
    ),
    (
        "decimal degrees",
        "1.5°C of warming",
        &[("1.5°C", Quantity, N(1.5), Some("°C"))],
    ),
    // Never panics; what little is found is exact.
    ("lone dollar", "$", &[]),
    ("lone percent", "%", &[]),
    ("trailing comma", "1,", &[("1", Cardinal, N(1.0), None)]),
    ("trailing dot", "99.", &[("99", Cardinal, N(99.0), None)]),
    ("huge exponent", "1e999999", &[]),
    ("empty", "", &[]),
    ("bad grouping", "1,2,3", &[]),
];

fn value_matches(got: Option<&Value>, want: V) -> bool {
    match (got, want) {
        (None, V::No) => true,
        (Some(Value::Number(g)), V::N(w)) => (g - w).abs() <= w.abs() * 1e-12,
        (Some(Value::Date(g)), V::D(w)) => g == w,
        _ => false,
    }
}

/// Spans sorted, non-overlapping, valid, in the number layer.
fn check_invariants(text: &str) {
    let found = recognize(&TextIndex::new(text));
    let mut last = 0;
    for a in &found {
        assert!(a.span.is_valid_in(text), "{text:?}: invalid {:?}", a.span);
        assert!(
            a.span.start >= last && a.span.start < a.span.end,
            "{text:?}: order"
        );
        assert_eq!(a.label.layer(), crate::annotation::Layer::Number);
        last = a.span.end;
    }
}

#[test]
fn table() {
    let mut failures = Vec::new();
    for &(name, text, expected) in ROWS {
        check_invariants(text);
        let found = recognize(&TextIndex::new(text));
        let ok = found.len() == expected.len()
            && found
                .iter()
                .zip(expected)
                .all(|(a, &(span, label, value, unit))| {
                    a.span.slice(text) == span
                        && a.label == label
                        && value_matches(a.value.as_ref(), value)
                        && a.unit.as_deref() == unit
                });
        if !ok {
            let got: Vec<_> = found
                .iter()
                .map(|a| (a.span.slice(text), a.label, a.value.clone(), a.unit.clone()))
                .collect();
            failures.push(format!(
                "{name}: {text:?}\n   want {expected:?}\n   got  {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn year_after_a_name_stays_a_date() {
    let text = "Euro 2024";
    let found = recognize(&TextIndex::new(text));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.slice(text), "2024");
    assert_eq!(found[0].value, Some(Value::Date("2024".into())));
}

#[test]
fn huge_number_has_no_value() {
    // 400 digits in thousands groups: a count too big for f64.
    let digits = format!("1{}", ",000".repeat(133));
    let text = format!("{digits} people");
    let found = recognize(&TextIndex::new(&text));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].label, Cardinal);
    assert_eq!(found[0].span.slice(&text), digits);
    assert_eq!(found[0].value, None);
    // 400 plain digits: an identifier, not annotated.
    let plain = "9".repeat(400);
    assert!(recognize(&TextIndex::new(&plain)).is_empty());
}

#[test]
fn integral_values_are_exact_integers() {
    for (text, want) in [
        ("€3.2m", 3_200_000.0),
        ("$6bn", 6e9),
        ("1.5 billion", 1.5e9),
        ("£0.7bn", 7e8),
    ] {
        let found = recognize(&TextIndex::new(text));
        assert_eq!(
            found.first().and_then(|a| a.value.clone()),
            Some(Value::Number(want)),
            "{text}"
        );
    }
}

#[test]
fn never_panics_on_garbage() {
    let samples = [
        "$",
        "%",
        "1,",
        "99.",
        "1e999999",
        "£",
        "US$",
        "’",
        "’9",
        "the",
        "the 1",
        "18",
        "March",
        "Monday,",
        "2019-",
        "2019-2",
        "-",
        "-$",
        "−5",
        "12:",
        ":30",
        "+",
        "+4",
        "[1",
        "1]",
        "½",
        "²",
        "٣٤",
        "1.2.3.4",
        "31 February",
        "30.02.2024",
        "99/99/99",
        "mid-",
        "mid-xx",
        "twenty-",
        "-five",
        "a",
        "a a a",
        "half a",
        "and",
        "hundred",
        "one and a half",
        "\u{0}7\u{0}",
        "😀5😀",
        "5😀m",
        "ﷺ٣",
        "𝟓 km",
        "Rs.",
        "Rs. ",
        "USD",
        "10-",
        "10--15",
        "1,000,00",
        "0x1F",
    ];
    for s in samples {
        check_invariants(s);
    }
    let long = "9,".repeat(10_000) + &"1990s the ".repeat(1000);
    check_invariants(&long);
    let bytes: String = (0u32..2000)
        .filter_map(|c| char::from_u32(c * 37 % 0x3000))
        .collect();
    check_invariants(&bytes);
}

#[test]
fn padded_numbers_match_the_formatter() {
    for n in [
        0,
        1,
        7,
        9,
        10,
        42,
        99,
        100,
        999,
        1000,
        2024,
        12345,
        u32::MAX,
    ] {
        for width in 0..6 {
            assert_eq!(
                super::padded(n, width),
                format!("{n:0width$}"),
                "{n} {width}"
            );
        }
    }
    assert_eq!(
        super::date_value(None, 9, 16, Some(19)),
        "XXXX-09-16/XXXX-09-19"
    );
    assert_eq!(super::date_value(Some(987), 3, 1, None), "0987-03-01");
    assert_eq!(super::year_month(None, 3), "XXXX-03");
    assert_eq!(super::year_range(2019, 2020), "2019/2020");
    assert_eq!(super::weekday_value(7), "XXXX-WXX-7");
}

/// The split-based parser `parse_digits` replaced, kept as the reference for its one-pass form.
fn parse_digits_by_splitting(s: &str) -> Option<(Option<u64>, u32, usize, bool, bool)> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let (int_part, frac) = match s.find('.') {
        Some(p) => (s.get(..p)?, Some(s.get(p + 1..)?)),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.is_empty() || f.contains(['.', ','])) || int_part.is_empty() {
        return None;
    }
    let comma = int_part.contains(',');
    if comma {
        let mut groups = int_part.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return None;
        }
    }
    let mut mant: Option<u64> = Some(0);
    for b in s.bytes().filter(u8::is_ascii_digit) {
        mant = mant
            .and_then(|m| m.checked_mul(10))
            .and_then(|m| m.checked_add(u64::from(b - b'0')));
    }
    let decimals = frac.map_or(0, |f| f.len() as u32);
    let int_digits = int_part.bytes().filter(u8::is_ascii_digit).count();
    Some((mant, decimals, int_digits, comma, frac.is_some()))
}

#[test]
fn parse_digits_agrees_with_splitting() {
    // Every string of up to eight characters over digits, separators and one other character.
    let alphabet = ['1', '0', ',', '.', 'x'];
    let mut strings = vec![String::new()];
    for _ in 0..8 {
        let longer: Vec<String> = strings
            .iter()
            .filter(|s| s.len() == strings.last().map_or(0, String::len))
            .flat_map(|s| alphabet.iter().map(move |&c| format!("{s}{c}")))
            .collect();
        strings.extend(longer);
    }
    strings.extend([
        "99999999999999999999999".into(),
        "1,234,567.25".into(),
        "٣".into(),
    ]);
    for s in &strings {
        let got =
            super::parse_digits(s).map(|d| (d.mant, d.decimals, d.int_digits, d.comma, d.dot));
        assert_eq!(got, parse_digits_by_splitting(s), "{s:?}");
    }
}

#[test]
fn word_filter_loses_nothing() {
    // The word filter only saves time: every table row, and every listed word in the contexts
    // where it acts, gives the same spans with a filter that lets every word through.
    use super::words::{hyphen_prefix_list, number_word_list, WordFilter};
    let contexts = [
        "{} million",
        "{} hundred people",
        "{} years ago",
        "{} week",
        "{}-year-old",
        "{}-March",
        "the {}-1990s",
        "{}-thirds",
        "{}-five",
        "{}-century",
        "{} 2024",
        "the {} century",
        "a {} term",
        "{} a dozen",
        "{} of thousands of",
        "{} per cent",
        "{} few thousand",
        "Mr {} Smith",
    ];
    let words: Vec<&str> = super::WORD_TRIGGERS
        .iter()
        .map(|&(w, _)| w)
        .chain(number_word_list())
        .chain(hyphen_prefix_list())
        .collect();
    let mut text = String::new();
    for w in words {
        let capital = format!("{}{}", w.get(..1).unwrap_or("").to_uppercase(), &w[1..]);
        for form in [w.to_string(), capital, w.to_uppercase()] {
            for c in contexts {
                text.push_str(&c.replace("{}", &form));
                text.push_str(". ");
            }
        }
        text.push('\n');
    }
    for (_, row_text, _) in ROWS {
        text.push_str(row_text);
        text.push_str("\n\n");
    }
    let index = TextIndex::new(&text);
    let filtered = super::recognize_with(&index, super::word_filter());
    let unfiltered = super::recognize_with(&index, &WordFilter::everything());
    assert!(filtered.len() > 1000, "{}", filtered.len());
    assert_eq!(filtered, unfiltered);
}

#[test]
fn punct_gate_lets_every_mark_through() {
    // Every character that is a currency sign or a mark `at_punct` acts on passes the
    // first-byte gate.
    const PUNCT_MARKS: [&str; 10] = ["-", "−", "–", "’", "'", "‘", "+", "[", "#", "№"];
    let marks = (0..0x3100u32)
        .filter_map(char::from_u32)
        .map(String::from)
        .filter(|s| super::words::currency_symbol(s).is_some() || PUNCT_MARKS.contains(&s.as_str()))
        .collect::<Vec<_>>();
    assert!(marks.len() >= 20, "{}", marks.len());
    for m in &marks {
        assert!(super::punct_may_act(m.as_bytes()[0]), "{m}");
    }
    assert!(!super::punct_may_act(b',') && !super::punct_may_act(b'.'));
}
