//! The example document in `schema/examples/annotations-1.example.json` (shown in
//! docs/export-format.md and validated against the JSON Schema by tests/e2e/schema.spec.ts) is
//! written by the real export code, so the documented example cannot drift from the format.
//! Run with `UPDATE_EXAMPLES=1` to rewrite it after a deliberate format change.

#![allow(clippy::unwrap_used, missing_docs)]

use marginalia_core::export::{self, Source};
use marginalia_core::{Annotation, Label, QuoteInfo, QuoteKind, Span, Value};
use std::path::Path;

const TEXT: &str = "Spotify 🎧 paid $6bn on 18 March for its “superfan” tier.\n\
“We are committed to artists,” said Daniel Ek, up 12% since 1979.\n";

/// The byte span of the `nth` (0-based) occurrence of `needle`.
fn span(needle: &str, nth: usize) -> Span {
    let start = TEXT.match_indices(needle).nth(nth).unwrap().0;
    Span::new(start, start + needle.len())
}

fn valued(needle: &str, label: Label, value: Option<Value>, unit: Option<&str>) -> Annotation {
    Annotation {
        value,
        unit: unit.map(str::to_string),
        ..Annotation::new(span(needle, 0), label)
    }
}

fn quote(needle: &str, kind: QuoteKind, speaker: Option<Span>, cue: Option<&str>) -> Annotation {
    Annotation {
        quote: Some(QuoteInfo {
            kind,
            speaker,
            cue: cue.map(str::to_string),
        }),
        ..Annotation::new(span(needle, 0), Label::Quote)
    }
}

fn example() -> String {
    let annotations = [
        (
            Annotation::new(span("Spotify", 0), Label::Org),
            Source::Auto,
        ),
        (
            Annotation::new(span("Daniel Ek", 0), Label::Per),
            Source::Manual,
        ),
        (
            valued("$6bn", Label::Money, Some(Value::Number(6e9)), Some("USD")),
            Source::Auto,
        ),
        (
            valued(
                "18 March",
                Label::Date,
                Some(Value::Date("XXXX-03-18".into())),
                None,
            ),
            Source::Auto,
        ),
        (
            valued("12%", Label::Percent, Some(Value::Number(12.0)), Some("%")),
            Source::Auto,
        ),
        (
            valued("1979", Label::Date, Some(Value::Date("1979".into())), None),
            Source::Auto,
        ),
        (quote("superfan", QuoteKind::Term, None, None), Source::Auto),
        (
            quote(
                "We are committed to artists",
                QuoteKind::Speech,
                Some(span("Daniel Ek", 0)),
                Some("said"),
            ),
            Source::Auto,
        ),
    ];
    export::to_string(&export::build(
        TEXT,
        annotations.iter().map(|(a, s)| (a, *s)),
    ))
}

#[test]
fn the_documented_example_is_what_the_writer_writes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../schema/examples/annotations-1.example.json");
    let written = example();
    if std::env::var_os("UPDATE_EXAMPLES").is_some() {
        std::fs::write(&path, &written).unwrap();
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        stored, written,
        "schema/examples/annotations-1.example.json is stale: rerun with UPDATE_EXAMPLES=1"
    );
}

#[test]
fn the_format_documentation_shows_the_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let docs = std::fs::read_to_string(root.join("docs/export-format.md")).unwrap();
    let block = format!("```json\n{}```", example());
    assert!(
        docs.contains(&block),
        "docs/export-format.md's full example differs from what the writer writes"
    );
}
