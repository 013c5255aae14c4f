//! The `marginalia/annotations@1` JSON export, shared by the page and the CLI so that both write
//! the same bytes for the same text.
//!
//! ```
//! let text = "“We are committed,” said Spotify.";
//! let json = marginalia_core::export::to_json(text, &marginalia_core::analyze(text));
//! assert!(json.starts_with("{\n  \"schema\": \"marginalia/annotations@1\""));
//! ```

use crate::annotation::{Analysis, Annotation, Layer, Value};
use crate::offsets::OffsetMap;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The schema identifier written in every export.
pub const SCHEMA: &str = "marginalia/annotations@1";

/// The generator name written in every export.
pub const GENERATOR: &str = "marginalia";

/// The engine version written in every export.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A whole export document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportDocument {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Which program wrote the file.
    pub generator: Generator,
    /// The annotated text.
    pub document: DocumentInfo,
    /// Every annotation: entities, then numbers, then quotes, each in text order.
    pub annotations: Vec<ExportAnnotation>,
}

/// Which program wrote an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Generator {
    /// Program name.
    pub name: String,
    /// Program version.
    pub version: String,
}

/// The annotated text and its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// The full text.
    pub text: String,
    /// Lower-case hex SHA-256 of the text's UTF-8 bytes.
    pub sha256: String,
    /// The text's length in three units.
    pub length: Length,
}

/// A text length in code points, UTF-16 code units and UTF-8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Length {
    /// Unicode code points.
    pub chars: usize,
    /// UTF-16 code units.
    pub utf16: usize,
    /// UTF-8 bytes.
    pub bytes: usize,
}

/// Where an annotation came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Found by the engine.
    Auto,
    /// Added or corrected by a person.
    Manual,
}

/// One annotation as exported. Offsets are half-open: `start`/`end` in code points, `utf16` in
/// UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportAnnotation {
    /// `e1`, `n1`, `q1`...: layer prefix and 1-based position within the layer.
    pub id: String,
    /// `entity`, `number` or `quote`.
    pub layer: Layer,
    /// The label (`PER`, `MONEY`, `QUOTE`...).
    pub label: crate::Label,
    /// `speech` or `term` (quotes only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub kind: Option<crate::QuoteKind>,
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// `[start, end]` in UTF-16 code units.
    pub utf16: [usize; 2],
    /// The covered text.
    pub text: String,
    /// Normalised value (numbers): a JSON number, or an ISO 8601 / TIMEX3 string for dates.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value: Option<serde_json::Value>,
    /// Unit of the value (`USD`, `%`, `km`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit: Option<String>,
    /// Who said it (quotes whose speaker the text names).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub speaker: Option<ExportSpeaker>,
    /// The cue introducing the quote (`said`, `according to`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cue: Option<String>,
    /// `auto` or `manual`.
    pub source: Source,
}

/// A quote's speaker: a span of the text, and the entity annotation at that span if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportSpeaker {
    /// The speaker's name as written.
    pub text: String,
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// `[start, end]` in UTF-16 code units.
    pub utf16: [usize; 2],
    /// Id of the entity annotation with exactly this span, if there is one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub entity: Option<String>,
}

/// Lower-case hex SHA-256 of `text`'s UTF-8 bytes.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
    }
    hex
}

/// Turns a numeric value into a JSON number: an integer when the value is integral and exact
/// (|v| < 2^53), otherwise a float. Non-finite values become `null`.
pub fn json_number(v: f64) -> serde_json::Value {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if v.fract() == 0.0 && v.abs() < EXACT {
        // Exact: checked integral and in range just above.
        serde_json::Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, serde_json::Value::Number)
    }
}

/// Builds the export document for `text` and annotations tagged with their source.
///
/// Annotations are written layer by layer (entity, number, quote), each sorted by position, and
/// numbered per layer. Spans that do not fit `text` are skipped.
pub fn build<'a>(
    text: &str,
    annotations: impl IntoIterator<Item = (&'a Annotation, Source)>,
) -> ExportDocument {
    let map = OffsetMap::new(text);
    let mut items: Vec<(&Annotation, Source)> = annotations
        .into_iter()
        .filter(|(a, _)| a.span.is_valid_in(text))
        .collect();
    items.sort_by_key(|(a, _)| (a.layer(), a.span.start, a.span.end));

    let mut counters = [0usize; 3];
    let mut ids = Vec::with_capacity(items.len());
    for (a, _) in &items {
        let layer = a.layer();
        let slot = Layer::ALL.iter().position(|l| *l == layer).unwrap_or(0);
        counters[slot] += 1;
        ids.push(crate::annotation::annotation_id(layer, counters[slot]));
    }
    // Entity ids by span, built once: a quote's speaker is looked up in it.
    let entity_ids: std::collections::HashMap<Span, &String> = items
        .iter()
        .zip(&ids)
        .filter(|((a, _), _)| a.layer() == Layer::Entity)
        .map(|((a, _), id)| (a.span, id))
        .collect();
    let entity_id =
        |span: Span| -> Option<String> { entity_ids.get(&span).map(|id| (*id).clone()) };

    let annotations = items
        .iter()
        .zip(&ids)
        .map(|((a, source), id)| {
            let (start, start16) = map.both(a.span.start);
            let (end, end16) = map.both(a.span.end);
            let speaker = a
                .quote
                .as_ref()
                .and_then(|q| q.speaker)
                .filter(|s| s.is_valid_in(text))
                .map(|s| {
                    let (s_start, s_start16) = map.both(s.start);
                    let (s_end, s_end16) = map.both(s.end);
                    ExportSpeaker {
                        text: s.slice(text).to_string(),
                        start: s_start,
                        end: s_end,
                        utf16: [s_start16, s_end16],
                        entity: entity_id(s),
                    }
                });
            ExportAnnotation {
                id: id.clone(),
                layer: a.layer(),
                label: a.label,
                kind: a.quote.as_ref().map(|q| q.kind),
                start,
                end,
                utf16: [start16, end16],
                text: a.span.slice(text).to_string(),
                value: a.value.as_ref().map(|v| match v {
                    Value::Number(n) => json_number(*n),
                    Value::Date(d) => serde_json::Value::String(d.clone()),
                }),
                unit: a.unit.clone(),
                speaker,
                cue: a.quote.as_ref().and_then(|q| q.cue.clone()),
                source: *source,
            }
        })
        .collect();

    ExportDocument {
        schema: SCHEMA.to_string(),
        generator: Generator {
            name: GENERATOR.to_string(),
            version: VERSION.to_string(),
        },
        document: DocumentInfo {
            text: text.to_string(),
            sha256: sha256_hex(text),
            length: Length {
                chars: map.total_chars(),
                utf16: map.total_utf16(),
                bytes: text.len(),
            },
        },
        annotations,
    }
}

/// Serialises an export document: pretty-printed with two-space indents and a final newline.
pub fn to_string(doc: &ExportDocument) -> String {
    let mut out = serde_json::to_string_pretty(doc).unwrap_or_else(|_| String::from("{}"));
    out.push('\n');
    out
}

/// The export of the engine's own analysis (every span `"source": "auto"`), as JSON text.
pub fn to_json(text: &str, analysis: &Analysis) -> String {
    to_string(&build(text, analysis.iter().map(|a| (a, Source::Auto))))
}

/// The export of the engine's own analysis as a single line (for JSON Lines).
pub fn to_json_line(text: &str, analysis: &Analysis) -> String {
    let doc = build(text, analysis.iter().map(|a| (a, Source::Auto)));
    serde_json::to_string(&doc).unwrap_or_else(|_| String::from("{}"))
}

/// A file-name stem for an export: the text's first line (its headline) or first words,
/// lower-cased, with runs of other characters turned into single hyphens, at most 60 bytes.
/// `"untitled"` when the text has no letters or digits.
///
/// ```
/// assert_eq!(marginalia_core::export::file_stem("Spotify strikes $6bn deal\nBody"), "spotify-strikes-6bn-deal");
/// ```
pub fn file_stem(text: &str) -> String {
    let first_line = text
        .lines()
        .map(str::trim)
        .find(|l| l.chars().any(char::is_alphanumeric))
        .unwrap_or("");
    let mut stem = String::new();
    for word in first_line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(10)
    {
        if stem.len() + word.len() + 1 > 60 {
            break;
        }
        if !stem.is_empty() {
            stem.push('-');
        }
        stem.extend(word.chars().flat_map(char::to_lowercase));
    }
    if stem.is_empty() {
        stem.push_str("untitled");
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Label, QuoteInfo, QuoteKind};

    #[test]
    fn sha256_of_empty_text() {
        assert_eq!(
            sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn integral_values_export_as_integers() {
        assert_eq!(json_number(6e9).to_string(), "6000000000");
        assert_eq!(json_number(99.6).to_string(), "99.6");
        assert_eq!(json_number(f64::NAN), serde_json::Value::Null);
    }

    #[test]
    fn offsets_in_code_points_and_utf16_with_emoji() {
        let text = "😀 “Hi,” said Spotify.";
        let spotify = Span::new(text.find("Spotify").unwrap_or(0), text.len() - 1);
        let quote = Annotation {
            quote: Some(QuoteInfo {
                kind: QuoteKind::Speech,
                speaker: Some(spotify),
                cue: Some("said".into()),
            }),
            ..Annotation::new(Span::new(8, 10), Label::Quote)
        };
        let entity = Annotation::new(spotify, Label::Org);
        let doc = build(text, [(&quote, Source::Auto), (&entity, Source::Auto)]);
        let e = &doc.annotations[0];
        assert_eq!(
            (e.id.as_str(), e.start, e.end, e.utf16),
            ("e1", 13, 20, [14, 21])
        );
        let q = &doc.annotations[1];
        assert_eq!(
            (q.id.as_str(), q.text.as_str(), q.start, q.utf16),
            ("q1", "Hi", 3, [4, 6])
        );
        let speaker = q.speaker.as_ref().map(|s| s.entity.clone());
        assert_eq!(speaker, Some(Some("e1".to_string())));
        assert_eq!(
            doc.document.length,
            Length {
                chars: 21,
                utf16: 22,
                bytes: text.len()
            }
        );
    }

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("\n\n  Hello, World!  \nmore"), "hello-world");
        assert_eq!(file_stem("“”…"), "untitled");
    }
}
