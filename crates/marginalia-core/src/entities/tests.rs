//! Table-driven tests of the rule-based recognizer: one row per case.

use super::{EntityRecognizer, RuleRecognizer};
use crate::annotation::Label::{self, *};
use crate::text::TextIndex;

/// The entities found in `text`, as `(label, text)`.
fn found(text: &str) -> Vec<(Label, &str)> {
    RuleRecognizer
        .recognize(&TextIndex::new(text))
        .iter()
        .map(|a| (a.label, a.span.slice(text)))
        .collect()
}

/// Runs a table: each row is `(text, expected entities)`.
fn check(rows: &[(&str, &[(Label, &str)])]) {
    let mut failures = Vec::new();
    for (text, expected) in rows {
        let got = found(text);
        if got != *expected {
            failures.push(format!("{text:?}\n   got {got:?}\n  want {expected:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn smoke() {
    check(&[(
        "Daniel Ek runs Spotify.",
        &[(Per, "Daniel Ek"), (Org, "Spotify")],
    )]);
}
