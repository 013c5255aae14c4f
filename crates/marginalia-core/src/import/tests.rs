//! Import: round trips, and one test per check with the exact message.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::export::{self, Source};
use crate::{Annotation, Label, QuoteInfo, QuoteKind, Span, Value};

/// Emoji (outside the BMP, a ZWJ family), combining accents and curly quotes, a quote over two
/// lines, manual and automatic spans, a speaker with and without an entity.
pub(crate) const TEXT: &str = "😀 Cafe\u{301} Zoë paid €5m on 3 May.\n\
    “Hi 👩\u{200d}👩\u{200d}👧, all,” said Zoë.\n“Two\nlines,” here said.\n";

/// The byte span of the `nth` (0-based) occurrence of `needle` in [`TEXT`].
pub(crate) fn find(needle: &str, nth: usize) -> Span {
    let start = TEXT.match_indices(needle).nth(nth).map(|(i, _)| i).unwrap();
    Span::new(start, start + needle.len())
}

/// Hand-made annotations of [`TEXT`] (not the engine's, so that the tests do not move when the
/// recognizers change).
pub(crate) fn sample() -> Vec<(Annotation, Source)> {
    let mut money = Annotation::new(find("€5m", 0), Label::Money);
    money.value = Some(Value::Number(5e6));
    money.unit = Some("EUR".into());
    let mut date = Annotation::new(find("3 May", 0), Label::Date);
    date.value = Some(Value::Date("XXXX-05-03".into()));
    let q1 = Annotation {
        quote: Some(QuoteInfo {
            kind: QuoteKind::Speech,
            speaker: Some(find("Zoë", 1)),
            cue: Some("said".into()),
        }),
        ..Annotation::new(find("Hi 👩\u{200d}👩\u{200d}👧, all,", 0), Label::Quote)
    };
    let q2 = Annotation {
        quote: Some(QuoteInfo {
            kind: QuoteKind::Speech,
            speaker: Some(find("here", 0)),
            cue: None,
        }),
        ..Annotation::new(find("Two\nlines,", 0), Label::Quote)
    };
    vec![
        (Annotation::new(find("Zoë", 0), Label::Per), Source::Auto),
        (
            Annotation::new(find("Cafe\u{301}", 0), Label::Org),
            Source::Manual,
        ),
        (Annotation::new(find("Zoë", 1), Label::Per), Source::Auto),
        (money, Source::Auto),
        (date, Source::Auto),
        (q1, Source::Auto),
        (q2, Source::Manual),
    ]
}

fn sample_json() -> String {
    let sample = sample();
    export::to_string(&export::build(TEXT, sample.iter().map(|(a, s)| (a, *s))))
}

fn export_of(doc: &ImportedDocument) -> export::ExportDocument {
    export::build(&doc.text, doc.annotations.iter().map(|(a, s)| (a, *s)))
}

/// The problems' messages for the sample with `change` applied.
fn messages(change: impl FnOnce(&mut Json)) -> Vec<String> {
    let mut doc: Json = serde_json::from_str(&sample_json()).unwrap();
    change(&mut doc);
    let text = serde_json::to_string_pretty(&doc).unwrap();
    match parse_documents(&text, "a.json") {
        Ok(_) => Vec::new(),
        Err(e) => e.problems.iter().map(ToString::to_string).collect(),
    }
}

/// The annotation with export id `id`.
fn ann<'a>(doc: &'a mut Json, id: &str) -> &'a mut Json {
    doc["annotations"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["id"] == id)
        .unwrap()
}

#[test]
fn json_round_trip_gives_the_same_annotations_and_bytes() {
    let json = sample_json();
    let docs = parse_documents(&json, "a.json").unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].location, DocLocation::Whole);
    assert_eq!(docs[0].text, TEXT);
    let mut expected = sample();
    expected.sort_by_key(|(a, _)| (a.layer(), a.span.start));
    assert_eq!(docs[0].annotations, expected);
    assert_eq!(export::to_string(&export_of(&docs[0])), json);
}

#[test]
fn jsonl_round_trip_with_blank_lines_and_crlf() {
    let sample = sample();
    let one = export::build(TEXT, sample.iter().map(|(a, s)| (a, *s)));
    let two = export::build("Plain.", std::iter::empty());
    let line = |d: &export::ExportDocument| serde_json::to_string(d).unwrap();
    let jsonl = format!("{}\r\n\n{}\n\n", line(&one), line(&two));
    for name in ["all.jsonl", "all.txt"] {
        let docs = parse_documents(jsonl.as_bytes(), name).unwrap();
        assert_eq!(docs.len(), 2, "{name}");
        assert_eq!(docs[0].location, DocLocation::Line(1));
        assert_eq!(docs[1].location, DocLocation::Line(3));
        assert_eq!(export_of(&docs[0]), one);
        assert_eq!(export_of(&docs[1]), two);
    }
    // A JSON array of documents.
    let array = serde_json::to_string(&[&one, &two]).unwrap();
    let docs = parse_documents(&array, "all.json").unwrap();
    assert_eq!(docs[1].location, DocLocation::Index(1));
    assert_eq!(export_of(&docs[0]), one);
}

#[test]
fn byte_order_mark_is_ignored_and_bytes_accepted() {
    let json = format!("\u{FEFF}{}", sample_json());
    assert!(parse_documents(json.as_bytes(), "a.json").is_ok());
}

fn one(change: impl FnOnce(&mut Json)) -> String {
    let all = messages(change);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.into_iter().next().unwrap()
}

#[test]
fn schema_and_generator() {
    assert_eq!(
        one(|d| d["schema"] = "marginalia/annotations@2".into()),
        "a.json: field `schema`: is \"marginalia/annotations@2\", but only \
         \"marginalia/annotations@1\" can be read by this version."
    );
    assert_eq!(
        one(|d| {
            d.as_object_mut().unwrap().remove("generator");
        }),
        "a.json: field `generator`: is missing."
    );
    assert_eq!(
        one(|d| d["generator"]["name"] = "".into()),
        "a.json: field `generator.name`: must be a non-empty string, not \"\"."
    );
    assert_eq!(
        one(|d| d["meta"] = Json::Null),
        "a.json: field `meta`: is not a field of marginalia/annotations@1 (the format has no \
         extra fields)."
    );
}

#[test]
fn sha256_and_lengths_must_match_the_text() {
    let msg = one(|d| d["document"]["sha256"] = "0".repeat(64).into());
    assert!(
        msg.starts_with(&format!(
            "a.json: field `document.sha256`: is \"{}",
            "0".repeat(59)
        )),
        "{msg}"
    );
    assert!(
        msg.ends_with(&format!(
            "but the SHA-256 of document.text is {} (the text or the hash was changed).",
            export::sha256_hex(TEXT)
        )),
        "{msg}"
    );
    // Changing the text breaks the hash and the lengths (and the spans after the change).
    let all = messages(|d| d["document"]["text"] = format!("{TEXT}!").into());
    assert_eq!(all.len(), 4, "{all:#?}");
    assert!(all[0].contains("field `document.sha256`"), "{all:#?}");
    let chars = TEXT.chars().count();
    assert_eq!(
        all[1],
        format!(
            "a.json: field `document.length.chars`: is {chars}, but the text's length is {}.",
            chars + 1
        )
    );
    assert!(all[2].contains("`document.length.utf16`"));
    assert!(all[3].contains("`document.length.bytes`"));
}

#[test]
fn annotation_ids_are_unique_and_match_the_layer() {
    assert_eq!(
        one(|d| ann(d, "e2")["id"] = "e1".into()),
        "a.json: annotation e1 (index 1), field `id`: repeats the id of the annotation at \
         index 0 (ids must be unique)."
    );
    assert_eq!(
        one(|d| ann(d, "n1")["id"] = "e9".into()),
        "a.json: annotation e9 (index 3), field `id`: must be 'n' and a number from 1 for the \
         number layer."
    );
}

#[test]
fn labels_belong_to_the_layer() {
    assert_eq!(
        one(|d| ann(d, "e1")["label"] = "MONEY".into()),
        "a.json: annotation e1 (index 0), field `label`: MONEY is a label of the number layer, \
         not of the entity layer."
    );
    assert_eq!(
        one(|d| ann(d, "e1")["label"] = "PERSON".into()),
        "a.json: annotation e1 (index 0), field `label`: must be one of PER, ORG, LOC, MISC, \
         CARDINAL, ORDINAL, PERCENT, MONEY, QUANTITY, DATE, QUOTE, not \"PERSON\"."
    );
    assert_eq!(
        one(|d| ann(d, "e1")["layer"] = "entities".into()),
        "a.json: annotation e1 (index 0), field `layer`: must be \"entity\", \"number\" or \
         \"quote\", not \"entities\"."
    );
}

#[test]
fn offsets_must_lie_in_the_text() {
    assert_eq!(
        one(|d| ann(d, "e1")["start"] = 9.into()),
        "a.json: annotation e1 (index 0), field `start`: start 9 is after end 7 (the text \
         has 82 code points)."
    );
    assert_eq!(
        one(|d| ann(d, "n2")["end"] = 1000.into()),
        "a.json: annotation n2 (index 4), field `end`: end 1000 is past the end of the text \
         (82 code points)."
    );
    assert_eq!(
        one(|d| ann(d, "e1")["start"] = (-1).into()),
        "a.json: annotation e1 (index 0), field `start`: must be a whole number ≥ 0, not -1."
    );
    assert_eq!(
        one(|d| {
            ann(d, "e1").as_object_mut().unwrap().remove("end");
        }),
        "a.json: annotation e1 (index 0), field `end`: is missing."
    );
}

#[test]
fn utf16_must_agree_with_start_and_end() {
    // "Zoë" starts at code point 8, UTF-16 unit 9 (after the emoji).
    assert_eq!(
        one(|d| ann(d, "e2")["utf16"] = serde_json::json!([8, 11])),
        "a.json: annotation e2 (index 1), field `utf16`: is [8, 11], but start/end are \
         [9, 12] in UTF-16 code units."
    );
    assert_eq!(
        one(|d| ann(d, "e2")["utf16"] = serde_json::json!([9])),
        "a.json: annotation e2 (index 1), field `utf16`: must be an array of two whole \
         numbers [start, end], not [9]."
    );
}

#[test]
fn text_must_be_the_text_at_the_offsets() {
    // A decomposed é (e + U+0301) is two code points: "Cafe" alone is not the span.
    assert_eq!(
        one(|d| ann(d, "e1")["text"] = "Café".into()),
        "a.json: annotation e1 (index 0), field `text`: is \"Café\", but the text at \
         start/end is \"Cafe\u{301}\"."
    );
}

#[test]
fn values_and_units_by_label() {
    assert_eq!(
        one(|d| ann(d, "n1")["value"] = "5m".into()),
        "a.json: annotation n1 (index 3), field `value`: must be a number for this label, \
         not \"5m\"."
    );
    assert_eq!(
        one(|d| ann(d, "n2")["value"] = 3.into()),
        "a.json: annotation n2 (index 4), field `value`: must be a non-empty ISO 8601 / \
         TIMEX3 string for a DATE, not 3."
    );
    assert_eq!(
        one(|d| ann(d, "n1")["value"] = Json::Null),
        "a.json: annotation n1 (index 3), field `value`: must be a number for this label, \
         not null."
    );
    assert_eq!(
        one(|d| ann(d, "n1")["unit"] = "€".into()),
        "a.json: annotation n1 (index 3), field `unit`: must be an ISO 4217 code of three \
         capital letters for MONEY, not \"€\"."
    );
    assert_eq!(
        one(|d| ann(d, "e1")["value"] = 1.into()),
        "a.json: annotation e1 (index 0), field `value`: is not allowed on the entity layer."
    );
    assert_eq!(
        one(|d| ann(d, "n2")["unit"] = "yr".into()),
        "a.json: annotation n2 (index 4), field `unit`: is not allowed on the number layer."
    );
}

#[test]
fn quotes_need_a_kind() {
    assert_eq!(
        one(|d| {
            ann(d, "q1").as_object_mut().unwrap().remove("kind");
        }),
        "a.json: annotation q1 (index 5), field `kind`: is missing."
    );
    assert_eq!(
        one(|d| ann(d, "q1")["kind"] = "paraphrase".into()),
        "a.json: annotation q1 (index 5), field `kind`: must be \"speech\" or \"term\", not \
         \"paraphrase\"."
    );
    assert_eq!(
        one(|d| ann(d, "e1")["kind"] = "speech".into()),
        "a.json: annotation e1 (index 0), field `kind`: is not allowed on the entity layer."
    );
}

#[test]
fn speaker_spans_are_checked() {
    assert_eq!(
        one(|d| ann(d, "q1")["speaker"]["text"] = "Zoe".into()),
        "a.json: annotation q1 (index 5), field `speaker.text`: is \"Zoe\", but the text at \
         start/end is \"Zoë\"."
    );
    assert_eq!(
        one(|d| ann(d, "q1")["speaker"]["end"] = 99.into()),
        "a.json: annotation q1 (index 5), field `speaker.end`: end 99 is past the end of the \
         text (82 code points)."
    );
    assert_eq!(
        one(|d| ann(d, "q1")["speaker"]["entity"] = "e1".into()),
        "a.json: annotation q1 (index 5), field `speaker.entity`: is \"e1\", which is not an \
         entity annotation with the speaker's span."
    );
}

#[test]
fn spans_of_a_layer_do_not_overlap() {
    // "Cafe\u{301}" (code points 2..7) stretched to 2..9 covers the start of "Zoë" (8..11).
    assert_eq!(
        one(|d| {
            let e1 = ann(d, "e1");
            e1["end"] = 9.into();
            e1["utf16"] = serde_json::json!([3, 10]);
            e1["text"] = "Cafe\u{301} Z".into();
        }),
        "a.json: annotation e2 (index 1): the span overlaps annotation e1 (index 0) of the \
         same layer (spans of a layer never overlap)."
    );
}

#[test]
fn every_problem_is_reported_with_its_document() {
    let sample = sample();
    let good = export::build(TEXT, sample.iter().map(|(a, s)| (a, *s)));
    let mut bad = serde_json::to_value(&good).unwrap();
    ann(&mut bad, "e1")["label"] = "MONEY".into();
    ann(&mut bad, "q2")["kind"] = "x".into();
    let line = |v: &Json| serde_json::to_string(v).unwrap();
    let jsonl = format!(
        "{}\n{}\n{{not json\n",
        serde_json::to_string(&good).unwrap(),
        line(&bad)
    );
    let err = parse_documents(&jsonl, "b.jsonl").unwrap_err();
    let all: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        all,
        [
            "b.jsonl: line 2, annotation e1 (index 0), field `label`: MONEY is a label of the \
             number layer, not of the entity layer.",
            "b.jsonl: line 2, annotation q2 (index 6), field `kind`: must be \"speech\" or \
             \"term\", not \"x\".",
            "b.jsonl: line 3: not valid JSON at line 3, column 2: key must be a string.",
        ]
    );
    assert_eq!(err.problems[0].field.as_deref(), Some("label"));
    assert_eq!(
        err.problems[0].annotation,
        Some(AnnotationRef {
            index: 0,
            id: Some("e1".into())
        })
    );
    // An array names the index.
    let array = format!(
        "[{}, {}]",
        line(&serde_json::to_value(&good).unwrap()),
        line(&bad)
    );
    let err = parse_documents(&array, "c.json").unwrap_err();
    assert!(
        err.problems[0]
            .to_string()
            .starts_with("c.json: document at index 1, annotation e1 (index 0), field `label`"),
        "{err}"
    );
}

#[test]
fn problems_are_capped() {
    let mut doc: Json = serde_json::from_str(&sample_json()).unwrap();
    let first = doc["annotations"][0].clone();
    let many: Vec<Json> = (0..150)
        .map(|_| {
            let mut a = first.clone();
            a["label"] = "DATE".into();
            a
        })
        .collect();
    doc["annotations"] = Json::Array(many);
    let err = parse_documents(doc.to_string(), "big.json").unwrap_err();
    assert_eq!(err.problems.len(), MAX_PROBLEMS);
    assert!(err.omitted > 0);
    assert!(err
        .to_string()
        .ends_with(&format!("big.json: ... and {} more problems.", err.omitted)));
}

#[test]
fn files_that_are_not_documents() {
    let first = |bytes: &[u8], name: &str| {
        parse_documents(bytes, name)
            .unwrap_err()
            .problems
            .into_iter()
            .map(|p| p.to_string())
            .next()
            .unwrap()
    };
    assert_eq!(
        first(b"{\"a\": \xff}", "x.json"),
        "x.json: not valid UTF-8 (first bad byte at byte offset 6)."
    );
    assert_eq!(
        first(b"  \n", "x.json"),
        "x.json: no document: expected a marginalia/annotations@1 JSON document, an array of \
         them, or JSON Lines with one per line."
    );
    assert_eq!(
        first(b"[]", "x.json"),
        first(b"", "x.jsonl").replace("x.jsonl", "x.json")
    );
    assert_eq!(
        first(b"{\n  \"schema\": 1,,\n}", "x.json"),
        "x.json: not valid JSON at line 2, column 15: key must be a string."
    );
    assert_eq!(
        first(b"42", "x.json"),
        "x.json: must be a marginalia/annotations@1 object, not 42."
    );
    assert_eq!(
        first(b"{}", "x.json"),
        "x.json: field `schema`: is missing."
    );
}

#[test]
fn never_panics_on_mangled_documents() {
    let json = sample_json();
    // Cut the document at every 7th byte boundary, and replace digits.
    for cut in (0..json.len()).step_by(7) {
        if json.is_char_boundary(cut) {
            let _ = parse_documents(&json[..cut], "cut.json");
        }
    }
    let mangled = json.replace('1', "100000").replace('2', "-2");
    assert!(parse_documents(&mangled, "m.json").is_err());
}

#[test]
fn char_map_matches_a_scan() {
    let text = "é😀x\u{301}".repeat(100);
    let map = CharMap::new(&text);
    let mut utf16 = 0;
    for (i, (byte, c)) in text.char_indices().enumerate() {
        assert_eq!(map.at(i), Some((byte, utf16)), "char {i}");
        utf16 += c.len_utf16();
    }
    let n = text.chars().count();
    assert_eq!(map.at(n), Some((text.len(), utf16)));
    assert_eq!(map.at(n + 1), None);
    assert_eq!(CharMap::new("").at(0), Some((0, 0)));
    assert_eq!(CharMap::new(&"a".repeat(64)).at(64), Some((64, 64)));
}

#[test]
fn a_broken_speaker_entity_is_reported_once() {
    // e3 is q1's speaker; its own problem is not repeated as a speaker problem.
    assert_eq!(
        one(|d| ann(d, "e3")["label"] = "DATE".into()),
        "a.json: annotation e3 (index 2), field `label`: DATE is a label of the number layer, \
         not of the entity layer."
    );
}

#[test]
fn many_annotations_are_checked_quickly() {
    let text = "Zoë said “hi”. ".repeat(5_000);
    let mut anns = Vec::new();
    for (i, _) in text.match_indices("Zoë") {
        anns.push((
            Annotation::new(Span::new(i, i + 4), Label::Per),
            Source::Auto,
        ));
        let q = i + "Zoë said “".len();
        anns.push((
            Annotation {
                quote: Some(QuoteInfo {
                    kind: QuoteKind::Speech,
                    speaker: Some(Span::new(i, i + 4)),
                    cue: Some("said".into()),
                }),
                ..Annotation::new(Span::new(q, q + 2), Label::Quote)
            },
            Source::Auto,
        ));
    }
    let json = export::to_string(&export::build(&text, anns.iter().map(|(a, s)| (a, *s))));
    let started = std::time::Instant::now();
    let docs = parse_documents(&json, "big.json").unwrap();
    assert_eq!(docs[0].annotations.len(), 10_000);
    eprintln!("parsed in {:?}", started.elapsed());
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}
