//! Our own export (`marginalia/annotations@1`) as gold: annotations made or corrected by hand in
//! the page, or written by hand (the development set under `tests/dev/`).
//!
//! A `.jsonl` file holds one document per line; any other file one document. Every document
//! is checked: the schema identifier, the SHA-256 of the text, offsets inside the text, each
//! annotation's `text` equal to the text it spans and its label in its layer.
//!
//! Gold quotes keep their kind and speaker. The layers a set annotates are the layers with at
//! least one annotation in any of its documents (a file that annotates only numbers and quotes
//! does not score entities); callers may override [`GoldSet::layers`].

use super::{byte_span, char_byte_offsets, EvalError, GoldDoc, GoldSet, GoldSpan};
use crate::export::{self, ExportDocument};

/// Reads a `.json` file (one document) or a `.jsonl` file (one per non-empty line).
pub fn read(name: &str, content: &str) -> Result<GoldSet, EvalError> {
    let mut set = GoldSet::default();
    let lines = name.to_ascii_lowercase().ends_with(".jsonl");
    if lines {
        for (i, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let doc = parse(name, i + 1, line)?;
            let n = set.docs.len() + 1;
            set.docs
                .push(convert(name, i + 1, &format!("{name}#{n}"), doc)?);
        }
    } else {
        let doc = parse(name, 0, content)?;
        set.docs.push(convert(name, 0, name, doc)?);
    }
    for doc in &set.docs {
        for g in &doc.spans {
            if let Some(layer) = super::label_layer(&g.label) {
                if !set.layers.contains(&layer) {
                    set.layers.push(layer);
                }
            }
        }
    }
    set.layers.sort();
    Ok(set)
}

/// Parses one document; `line` is the line of a JSON Lines file (0 for a whole file, whose
/// errors carry serde's line).
fn parse(name: &str, line: usize, json: &str) -> Result<ExportDocument, EvalError> {
    serde_json::from_str::<ExportDocument>(json).map_err(|e| {
        let at = if line == 0 { e.line() } else { line };
        EvalError::new(
            name,
            at,
            format!("not a marginalia/annotations@1 document: {e}"),
        )
    })
}

/// Checks a document and turns it into gold spans.
fn convert(
    file: &str,
    line: usize,
    doc_name: &str,
    doc: ExportDocument,
) -> Result<GoldDoc, EvalError> {
    let err = |message: String| EvalError::new(file, line, message);
    if doc.schema != export::SCHEMA {
        return Err(err(format!(
            "schema '{}' is not {}",
            doc.schema,
            export::SCHEMA
        )));
    }
    let text = doc.document.text;
    if doc.document.sha256 != export::sha256_hex(&text) {
        return Err(err(
            "document.sha256 does not match document.text".to_string()
        ));
    }
    let offsets = char_byte_offsets(&text);
    let mut spans = Vec::with_capacity(doc.annotations.len());
    for a in &doc.annotations {
        let Some(span) = byte_span(&offsets, a.start, a.end) else {
            return Err(err(format!(
                "annotation {}: offsets {}..{} outside the text",
                a.id, a.start, a.end
            )));
        };
        if span.slice(&text) != a.text {
            return Err(err(format!(
                "annotation {}: text '{}' but the offsets cover '{}'",
                a.id,
                a.text,
                span.slice(&text)
            )));
        }
        if a.label.layer() != a.layer {
            return Err(err(format!(
                "annotation {}: label {} is not in layer {}",
                a.id,
                a.label.as_str(),
                a.layer.as_str()
            )));
        }
        let mut gold = GoldSpan::new(span, a.label.as_str());
        gold.kind = a.kind;
        gold.cue = a.cue.clone();
        if let Some(s) = &a.speaker {
            let Some(speaker) = byte_span(&offsets, s.start, s.end) else {
                return Err(err(format!(
                    "annotation {}: speaker offsets {}..{} outside the text",
                    a.id, s.start, s.end
                )));
            };
            if speaker.slice(&text) != s.text {
                return Err(err(format!(
                    "annotation {}: speaker text '{}' but the offsets cover '{}'",
                    a.id,
                    s.text,
                    speaker.slice(&text)
                )));
            }
            gold.speakers.push(speaker);
        }
        spans.push(gold);
    }
    spans.sort_by_key(|g| (g.span.start, g.span.end));
    Ok(GoldDoc {
        name: doc_name.to_string(),
        text,
        spans,
        tokens: Vec::new(),
        scope: Vec::new(),
    })
}
