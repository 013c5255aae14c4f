//! A realistic multi-paragraph article (written for this test) with every expected span checked
//! exactly, layer by layer, including values, units, quote kinds, speakers and cues.

use marginalia_core::{analyze, Annotation, Label, QuoteKind, Value};

const ARTICLE: &str = include_str!("fixtures/spotify-deal.txt");

/// An expected number: label, text, occurrence, value, unit.
type NumberRow<'a> = (Label, &'a str, usize, Option<Value>, Option<&'a str>);

/// An expected quote: text, kind, speaker (name, occurrence), cue.
type QuoteRow<'a> = (
    &'a str,
    Option<QuoteKind>,
    Option<(&'a str, usize)>,
    Option<&'a str>,
);

/// Byte offset of the `nth` (0-based) occurrence of `needle` in the article.
fn at(needle: &str, nth: usize) -> usize {
    ARTICLE
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("fixture lacks occurrence {nth} of {needle:?}"))
}

/// `(label, text, occurrence)` of each span, in text order.
fn spans(layer: &[Annotation]) -> Vec<(Label, String, usize)> {
    layer
        .iter()
        .map(|a| {
            let text = a.span.slice(ARTICLE).to_string();
            let nth = ARTICLE[..a.span.start].matches(text.as_str()).count();
            (a.label, text, nth)
        })
        .collect()
}

fn row(label: Label, text: &str, nth: usize) -> (Label, String, usize) {
    // Fails loudly if the expectation names text that is not in the fixture.
    let _ = at(text, nth);
    (label, text.to_string(), nth)
}

#[test]
fn entities_are_exact() {
    use Label::*;
    let expected = vec![
        row(Org, "Spotify", 0),
        row(Org, "Spotify", 1),
        row(Org, "Universal Music Group", 0),
        row(Per, "Daniel Ek", 0),
        row(Org, "Spotify", 2),
        row(Loc, "Europe", 0),
        row(Per, "Ed Newton-Rex", 0),
        row(Misc, "British", 0),
        row(Org, "Musicians’ Union", 0),
        row(Per, "Naomi Pohl", 0),
        row(Per, "Lisa Nandy", 0),
        row(Loc, "London", 0),
        row(Org, "Anna’s Archive", 0),
    ];
    assert_eq!(spans(&analyze(ARTICLE).entities), expected);
}

#[test]
fn numbers_are_exact_with_values() {
    use Label::*;
    let analysis = analyze(ARTICLE);
    let expected: Vec<NumberRow> = vec![
        (Money, "$6bn", 0, Some(Value::Number(6e9)), Some("USD")),
        (Money, "$6bn", 1, Some(Value::Number(6e9)), Some("USD")),
        (
            Date,
            "18 March",
            0,
            Some(Value::Date("XXXX-03-18".into())),
            None,
        ),
        (Cardinal, "86m", 0, Some(Value::Number(86e6)), None),
        (Cardinal, "700 million", 0, Some(Value::Number(7e8)), None),
        (Cardinal, "200,000", 0, Some(Value::Number(2e5)), None),
        (Percent, "99.6%", 0, Some(Value::Number(99.6)), Some("%")),
        (Money, "£4,500", 0, Some(Value::Number(4500.0)), Some("GBP")),
        (Ordinal, "11th", 0, Some(Value::Number(11.0)), None),
        (Date, "1979", 0, Some(Value::Date("1979".into())), None),
        (Cardinal, "two hundred", 0, Some(Value::Number(200.0)), None),
        (Date, "the 1950s", 0, Some(Value::Date("195".into())), None),
    ];
    let got: Vec<_> = analysis
        .numbers
        .iter()
        .map(|a| {
            let text = a.span.slice(ARTICLE);
            let nth = ARTICLE[..a.span.start].matches(text).count();
            (a.label, text, nth, a.value.clone(), a.unit.as_deref())
        })
        .collect();
    assert_eq!(got, expected);
    for (label, text, nth, _, _) in &expected {
        assert_eq!(
            ARTICLE[at(text, *nth)..].find(text),
            Some(0),
            "{label:?} {text}"
        );
    }
}

#[test]
fn quotes_are_exact_with_speakers() {
    let analysis = analyze(ARTICLE);
    let speech = Some(QuoteKind::Speech);
    let expected: Vec<QuoteRow> = vec![
        (
            "We are committed to paying artists fairly,",
            speech,
            Some(("Daniel Ek", 0)),
            Some("said"),
        ),
        (
            "This deal does nothing for the 200,000 songwriters whose work was scraped,",
            speech,
            Some(("Ed Newton-Rex", 0)),
            Some("said"),
        ),
        (
            "Licensing is not the same as consent.",
            speech,
            Some(("Ed Newton-Rex", 0)),
            Some("added"),
        ),
        ("torrents", Some(QuoteKind::Term), None, None),
        (
            "no clear consensus",
            speech,
            Some(("Lisa Nandy", 0)),
            Some("told"),
        ),
    ];
    let got: Vec<_> = analysis
        .quotes
        .iter()
        .map(|a| {
            let info = a.quote.as_ref();
            let speaker = info.and_then(|q| q.speaker).map(|s| {
                let name = s.slice(ARTICLE);
                (name, ARTICLE[..s.start].matches(name).count())
            });
            (
                a.span.slice(ARTICLE),
                info.map(|q| q.kind),
                speaker,
                info.and_then(|q| q.cue.as_deref()),
            )
        })
        .collect();
    assert_eq!(got, expected);
    assert!(analysis.quotes.iter().all(|q| q.label == Label::Quote));
}

#[test]
fn export_offsets_name_the_same_text_in_both_encodings() {
    let doc = marginalia_core::export::build(
        ARTICLE,
        analyze(ARTICLE)
            .iter()
            .map(|a| (a, marginalia_core::export::Source::Auto))
            .collect::<Vec<_>>(),
    );
    let chars: Vec<char> = ARTICLE.chars().collect();
    let utf16: Vec<u16> = ARTICLE.encode_utf16().collect();
    assert!(doc.annotations.len() > 25);
    for a in &doc.annotations {
        let by_chars: String = chars[a.start..a.end].iter().collect();
        let by_utf16 = String::from_utf16_lossy(&utf16[a.utf16[0]..a.utf16[1]]);
        assert_eq!(by_chars, a.text);
        assert_eq!(by_utf16, a.text);
    }
    // The emoji before "Anna’s Archive" make the two offset systems differ there.
    let anna = doc.annotations.iter().find(|a| a.text == "Anna’s Archive");
    let anna = anna.map(|a| (a.utf16[0] - a.start, a.label));
    assert_eq!(anna, Some((2, Label::Org)));
}
