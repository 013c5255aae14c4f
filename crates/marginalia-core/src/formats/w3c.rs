//! The W3C Web Annotation Data Model (JSON-LD): one `AnnotationCollection` per document.
//!
//! - The collection's `@context` is `http://www.w3.org/ns/anno.jsonld` plus the `mg:` prefix
//!   for our extension properties ([`NAMESPACE`]); it embeds the text (`mg:text`), so the file
//!   is complete on its own. Its one page (`first`) lists every annotation in export order.
//! - Each `Annotation` has the motivation `classifying` and one `TextualBody` with the purpose
//!   `classifying` whose `value` is the label (`PER`, `MONEY`, `QUOTE`).
//! - The target's `source` is `urn:sha256:<hex of the text>` (no network address), with two
//!   selectors: a `TextPositionSelector` (`start`/`end` in Unicode code points, as the model
//!   specifies) and a `TextQuoteSelector` (`exact`, and up to [`CONTEXT_CHARS`] code points of
//!   `prefix` and `suffix`).
//! - Extension properties: `mg:id` (`e1`), `mg:layer`, `mg:source` (`auto`/`manual`),
//!   `mg:value`, `mg:unit`, `mg:kind` (`speech`/`term`), `mg:cue`, and `mg:speaker`, a
//!   `SpecificResource` on the same source with the speaker's selectors and `mg:entity`, the id
//!   of the speaker's entity annotation.
//!
//! [`read`] reads such a file back (and plain W3C annotations with a `TextPositionSelector` and
//! a textual label body); writing and reading again gives the same annotations.
//!
//! ```
//! use marginalia_core::formats::{w3c, Document};
//! use marginalia_core::export::Source;
//! let text = "“We paid $6bn,” said Spotify.";
//! let annotations: Vec<_> = marginalia_core::analyze(text)
//!     .iter()
//!     .map(|a| (a.clone(), Source::Auto))
//!     .collect();
//! let json = w3c::to_string(&Document::new("deal", text, &annotations));
//! let back = w3c::read(&json, None, "deal.jsonld").map_err(|e| e.to_string());
//! assert_eq!(back.map(|d| d.annotations), Ok(annotations));
//! ```

use super::Document;
use crate::annotation::{Annotation, Label, Layer, QuoteInfo, QuoteKind, Value};
use crate::export::{self, sha256_hex, ExportAnnotation, Source};
use crate::import::{
    quoted, shown, AnnotationRef, CharMap, DocLocation, ImportError, ImportedDocument, ProblemKind,
    Problems,
};
use crate::span::Span;
use serde::Serialize;
use serde_json::{json, Map, Value as Json};

/// The Web Annotation JSON-LD context.
pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The namespace of our extension properties, bound to the prefix `mg`.
pub const NAMESPACE: &str = "urn:marginalia:ns:";

/// How many code points of context the `TextQuoteSelector` gives before and after.
pub const CONTEXT_CHARS: usize = 32;

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: Json,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    generator: Software,
    total: usize,
    #[serde(rename = "mg:text")]
    text: &'a str,
    first: Page,
}

#[derive(Serialize)]
struct Software {
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
}

#[derive(Serialize)]
struct Body {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    format: &'static str,
    value: &'static str,
}

/// A selector, with its `type` first.
#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector {
    TextPositionSelector {
        start: usize,
        end: usize,
    },
    TextQuoteSelector {
        exact: String,
        prefix: String,
        suffix: String,
    },
}

#[derive(Serialize)]
struct Page {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Item {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    body: Vec<Body>,
    target: Target,
    #[serde(rename = "mg:id")]
    mg_id: String,
    #[serde(rename = "mg:layer")]
    layer: Layer,
    #[serde(rename = "mg:source")]
    source: Source,
    #[serde(rename = "mg:kind", skip_serializing_if = "Option::is_none")]
    quote_kind: Option<QuoteKind>,
    #[serde(rename = "mg:value", skip_serializing_if = "Option::is_none")]
    value: Option<Json>,
    #[serde(rename = "mg:unit", skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(rename = "mg:cue", skip_serializing_if = "Option::is_none")]
    cue: Option<String>,
    #[serde(rename = "mg:speaker", skip_serializing_if = "Option::is_none")]
    speaker: Option<Target>,
}

#[derive(Serialize)]
struct Target {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    source: String,
    selector: [Selector; 2],
    #[serde(rename = "mg:entity", skip_serializing_if = "Option::is_none")]
    entity: Option<String>,
}

/// The two selectors of a span in code points `start..end` of `chars` (the text's code points).
fn selectors(chars: &[char], start: usize, end: usize) -> [Selector; 2] {
    let slice = |from: usize, to: usize| -> String {
        chars
            .get(from.min(chars.len())..to.min(chars.len()))
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    };
    [
        Selector::TextPositionSelector { start, end },
        Selector::TextQuoteSelector {
            exact: slice(start, end),
            prefix: slice(start.saturating_sub(CONTEXT_CHARS), start),
            suffix: slice(end, end.saturating_add(CONTEXT_CHARS)),
        },
    ]
}

/// The annotations of `doc` as a pretty-printed W3C `AnnotationCollection` (with a final
/// newline). Ids, order and offsets are those of the JSON export.
pub fn to_string(doc: &Document) -> String {
    let mut out =
        serde_json::to_string_pretty(&collection(doc)).unwrap_or_else(|_| String::from("{}"));
    out.push('\n');
    out
}

/// The collection as a JSON value.
pub fn to_value(doc: &Document) -> Json {
    serde_json::to_value(collection(doc)).unwrap_or(Json::Null)
}

fn collection<'a>(doc: &Document<'a>) -> Collection<'a> {
    let export = doc.export();
    let sha = &export.document.sha256;
    let source = format!("urn:sha256:{sha}");
    let chars: Vec<char> = doc.text.chars().collect();
    let base = format!("urn:marginalia:{sha}");
    let items: Vec<Item> = export
        .annotations
        .iter()
        .map(|a| item(a, &chars, &base, &source))
        .collect();
    Collection {
        context: json!([ANNO_CONTEXT, {"mg": NAMESPACE}]),
        id: base.clone(),
        kind: "AnnotationCollection",
        label: format!("Marginalia annotations of {}", doc.name),
        generator: Software {
            kind: "Software",
            name: format!("{} {}", export::GENERATOR, export::VERSION),
        },
        total: items.len(),
        text: doc.text,
        first: Page {
            id: format!("{base}:page1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    }
}

fn item(a: &ExportAnnotation, chars: &[char], base: &str, source: &str) -> Item {
    Item {
        id: format!("{base}:{}", a.id),
        kind: "Annotation",
        motivation: "classifying",
        body: vec![Body {
            kind: "TextualBody",
            purpose: "classifying",
            format: "text/plain",
            value: a.label.as_str(),
        }],
        target: Target {
            kind: None,
            source: source.to_string(),
            selector: selectors(chars, a.start, a.end),
            entity: None,
        },
        mg_id: a.id.clone(),
        layer: a.layer,
        source: a.source,
        quote_kind: a.kind,
        value: a.value.clone(),
        unit: a.unit.clone(),
        cue: a.cue.clone(),
        speaker: a.speaker.as_ref().map(|s| Target {
            kind: Some("SpecificResource"),
            source: source.to_string(),
            selector: selectors(chars, s.start, s.end),
            entity: s.entity.as_ref().map(|e| format!("{base}:{e}")),
        }),
    }
}

/// Reads a W3C Web Annotation file back: an `AnnotationCollection` (its `first` page's
/// `items`), an `AnnotationPage`, one `Annotation`, or a JSON array of annotations.
///
/// The text is `text` when given, else the collection's `mg:text`; when a target's `source` is
/// a `urn:sha256:` it must be the text's. Each annotation needs a `TextPositionSelector` (code
/// points) inside the text; a `TextQuoteSelector`'s `exact`, when present, must equal the text
/// there. The label is the first textual body's value (`PER`... or its lower-case form).
/// Missing extensions default to `manual` (the annotation was not found by this engine) and,
/// for quotes, to `speech`.
///
/// # Errors
///
/// An [`ImportError`] with every problem found, as [`crate::import::parse_documents`] gives.
pub fn read(
    json: &str,
    text: Option<&str>,
    file_name: &str,
) -> Result<ImportedDocument, ImportError> {
    let mut problems = Problems::new(file_name);
    let doc = read_inner(json, text, &mut problems);
    problems.into_result(())?;
    doc.ok_or_else(|| ImportError::single(file_name, ProblemKind::NoDocuments))
}

fn read_inner(json: &str, text: Option<&str>, problems: &mut Problems) -> Option<ImportedDocument> {
    let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    let value: Json = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => {
            let message = e.to_string();
            let message = match message.rfind(" at line ") {
                Some(i) => message[..i].to_string(),
                None => message,
            };
            problems.push(
                None,
                None,
                None,
                ProblemKind::Syntax {
                    line: e.line(),
                    column: e.column(),
                    message,
                },
            );
            return None;
        }
    };
    let here = Some(DocLocation::Whole);
    let type_of = |v: &Json| v.get("type").and_then(Json::as_str).map(str::to_string);
    let (items, path): (Vec<&Json>, &str) = match (&value, type_of(&value).as_deref()) {
        (Json::Array(items), _) => (items.iter().collect(), ""),
        (_, Some("AnnotationCollection")) => match value.pointer("/first/items") {
            Some(Json::Array(items)) => (items.iter().collect(), "first.items"),
            _ => {
                problems.push(here, None, Some("first.items"), ProblemKind::Missing);
                return None;
            }
        },
        (_, Some("AnnotationPage")) => match value.get("items") {
            Some(Json::Array(items)) => (items.iter().collect(), "items"),
            _ => {
                problems.push(here, None, Some("items"), ProblemKind::Missing);
                return None;
            }
        },
        (_, Some("Annotation")) => (vec![&value], ""),
        _ => {
            problems.push(
                here,
                None,
                Some("type"),
                ProblemKind::Invalid {
                    expected: "\"AnnotationCollection\", \"AnnotationPage\" or \"Annotation\""
                        .to_string(),
                    found: value.get("type").map_or("nothing".to_string(), shown),
                },
            );
            return None;
        }
    };
    let text = match (text, value.get("mg:text").and_then(Json::as_str)) {
        (Some(t), _) | (None, Some(t)) => t.to_string(),
        (None, None) => {
            problems.push(here, None, Some("mg:text"), ProblemKind::Missing);
            return None;
        }
    };
    let sha = sha256_hex(&text);
    let map = CharMap::new(&text);
    let before = problems.total();
    let mut annotations = Vec::with_capacity(items.len());
    // Speaker entity links are not needed: the export recomputes them from the spans.
    for (index, item) in items.into_iter().enumerate() {
        let id = item
            .get("mg:id")
            .or_else(|| item.get("id"))
            .and_then(Json::as_str)
            .map(str::to_string);
        let at = AnnotationRef { index, id };
        let field = |name: &str| {
            if path.is_empty() {
                name.to_string()
            } else {
                format!("{path}[{index}].{name}")
            }
        };
        let mut report = |name: &str, kind: ProblemKind| {
            problems.push(here, Some(&at), Some(&field(name)), kind);
        };
        if let Some(a) = read_item(item, &text, &sha, &map, &mut report) {
            annotations.push(a);
        }
    }
    if problems.total() > before {
        return None;
    }
    Some(ImportedDocument {
        location: DocLocation::Whole,
        text,
        annotations,
    })
}

/// A span from a target or speaker resource: its `TextPositionSelector`, checked against the
/// `TextQuoteSelector` and the source.
fn read_target(
    target: &Json,
    name: &str,
    text: &str,
    sha: &str,
    map: &CharMap,
    report: &mut dyn FnMut(&str, ProblemKind),
) -> Option<Span> {
    if let Some(source) = target.get("source").and_then(Json::as_str) {
        if let Some(stated) = source.strip_prefix("urn:sha256:") {
            if stated != sha {
                report(
                    &format!("{name}.source"),
                    ProblemKind::Sha256Mismatch {
                        stated: quoted(stated),
                        actual: sha.to_string(),
                    },
                );
                return None;
            }
        }
    }
    let selectors: Vec<&Json> = match target.get("selector") {
        Some(Json::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    let of_type = |t: &str| {
        selectors
            .iter()
            .copied()
            .find(|s| s.get("type").and_then(Json::as_str) == Some(t))
    };
    let Some(position) = of_type("TextPositionSelector") else {
        report(
            &format!("{name}.selector"),
            ProblemKind::Invalid {
                expected: "a TextPositionSelector".to_string(),
                found: target.get("selector").map_or("nothing".to_string(), shown),
            },
        );
        return None;
    };
    let offset = |key: &str| position.get(key).and_then(Json::as_u64).map(|n| n as usize);
    let (Some(start), Some(end)) = (offset("start"), offset("end")) else {
        report(
            &format!("{name}.selector"),
            ProblemKind::Invalid {
                expected: "a TextPositionSelector with whole-number start and end".to_string(),
                found: shown(position),
            },
        );
        return None;
    };
    let length = map.total_chars();
    let (Some((start_byte, _)), Some((end_byte, _))) = (map.at(start), map.at(end)) else {
        report(
            &format!("{name}.selector"),
            ProblemKind::OutOfRange { start, end, length },
        );
        return None;
    };
    if start > end {
        report(
            &format!("{name}.selector"),
            ProblemKind::OutOfRange { start, end, length },
        );
        return None;
    }
    let actual = text.get(start_byte..end_byte).unwrap_or("");
    if let Some(exact) = of_type("TextQuoteSelector")
        .and_then(|q| q.get("exact"))
        .and_then(Json::as_str)
    {
        if exact != actual {
            report(
                &format!("{name}.selector"),
                ProblemKind::TextMismatch {
                    stated: quoted(exact),
                    actual: quoted(actual),
                },
            );
            return None;
        }
    }
    Some(Span::new(start_byte, end_byte))
}

/// The label of an annotation: the first body's value (a string body, or a `TextualBody`).
fn read_label(item: &Json) -> Option<(Label, Json)> {
    let bodies: Vec<&Json> = match item.get("body") {
        Some(Json::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    let first = bodies.first().copied()?;
    let value = match first {
        Json::String(s) => s.clone(),
        other => other.get("value").and_then(Json::as_str)?.to_string(),
    };
    let label = serde_json::from_value::<Label>(Json::String(value.to_ascii_uppercase())).ok()?;
    Some((label, first.clone()))
}

fn read_item(
    item: &Json,
    text: &str,
    sha: &str,
    map: &CharMap,
    report: &mut dyn FnMut(&str, ProblemKind),
) -> Option<(Annotation, Source)> {
    let Json::Object(obj) = item else {
        report(
            "",
            ProblemKind::Invalid {
                expected: "an Annotation object".to_string(),
                found: shown(item),
            },
        );
        return None;
    };
    let Some((label, _)) = read_label(item) else {
        report(
            "body",
            ProblemKind::Invalid {
                expected: "a textual body whose value is a label (PER, ORG, LOC, MISC, \
                           CARDINAL, ORDINAL, PERCENT, MONEY, QUANTITY, DATE or QUOTE)"
                    .to_string(),
                found: obj.get("body").map_or("nothing".to_string(), shown),
            },
        );
        return None;
    };
    let target = match obj.get("target") {
        Some(Json::Array(list)) => list.first(),
        other => other,
    };
    let Some(target) = target else {
        report("target", ProblemKind::Missing);
        return None;
    };
    let span = read_target(target, "target", text, sha, map, report)?;
    let source =
        ext::<Source>(obj, "mg:source", "\"auto\" or \"manual\"", report).unwrap_or(Source::Manual);
    let mut annotation = Annotation::new(span, label);
    match label.layer() {
        Layer::Entity => {}
        Layer::Number => {
            annotation.value = match obj.get("mg:value") {
                None => None,
                Some(Json::String(s)) if label == Label::Date => Some(Value::Date(s.clone())),
                Some(Json::Number(n)) if label != Label::Date => n.as_f64().map(Value::Number),
                Some(other) => {
                    report(
                        "mg:value",
                        ProblemKind::Invalid {
                            expected: "a number, or a string for a DATE".to_string(),
                            found: shown(other),
                        },
                    );
                    return None;
                }
            };
            annotation.unit = ext::<String>(obj, "mg:unit", "a string", report);
        }
        Layer::Quote => {
            let kind = ext::<QuoteKind>(obj, "mg:kind", "\"speech\" or \"term\"", report)
                .unwrap_or(QuoteKind::Speech);
            let speaker = match obj.get("mg:speaker") {
                Some(s) => Some(read_target(s, "mg:speaker", text, sha, map, report)?),
                None => None,
            };
            annotation.quote = Some(QuoteInfo {
                kind,
                speaker,
                cue: ext::<String>(obj, "mg:cue", "a string", report),
            });
        }
    }
    Some((annotation, source))
}

/// An optional extension property.
fn ext<T: serde::de::DeserializeOwned>(
    obj: &Map<String, Json>,
    key: &str,
    expected: &str,
    report: &mut dyn FnMut(&str, ProblemKind),
) -> Option<T> {
    let v = obj.get(key)?;
    match serde_json::from_value::<T>(v.clone()) {
        Ok(t) => Some(t),
        Err(_) => {
            report(
                key,
                ProblemKind::Invalid {
                    expected: expected.to_string(),
                    found: shown(v),
                },
            );
            None
        }
    }
}
