//! Reading `marginalia/annotations@1` files back: one JSON document, a JSON array of documents,
//! or JSON Lines (one document a line, blank lines allowed).
//!
//! [`parse_documents`] checks everything the format promises (see `docs/export-format.md`),
//! not just that the JSON has the right shape: the schema identifier, the generator, the text's
//! SHA-256 and lengths, and for every annotation a unique id matching its layer, a label of
//! that layer, offsets inside the text, `utf16` agreeing with `start`/`end`, `text` equal to the
//! text at those offsets, value and unit types, a quote's kind, a valid speaker span and no
//! overlap with another annotation of the same layer. It collects **every** problem of the file
//! (up to [`MAX_PROBLEMS`]), each naming the document, the annotation and the field, so a
//! person can fix a file in one go; a file with any problem gives no documents at all.
//!
//! ```
//! use marginalia_core::{analyze, export, import::parse_documents};
//! let text = "“We are committed,” said Spotify 😀.";
//! let json = export::to_json(text, &analyze(text));
//! let docs = parse_documents(&json, "story.json").map_err(|e| e.to_string());
//! let docs = docs.unwrap_or_default();
//! assert_eq!(docs.len(), 1);
//! assert_eq!(docs[0].text, text);
//! // Export again: the same bytes.
//! let again = export::to_string(&export::build(
//!     &docs[0].text,
//!     docs[0].annotations.iter().map(|(a, s)| (a, *s)),
//! ));
//! assert_eq!(again, json);
//!
//! let bad = json.replace("\"source\": \"auto\"", "\"source\": \"model\"");
//! let err = parse_documents(&bad, "story.json").err().map(|e| e.problems[0].to_string());
//! assert_eq!(
//!     err.as_deref(),
//!     Some("story.json: annotation e1 (index 0), field `source`: must be \"auto\" or \
//!           \"manual\", not \"model\".")
//! );
//! ```

use crate::annotation::{Annotation, Label, Layer, QuoteInfo, QuoteKind, Value};
use crate::export::{sha256_hex, Source, SCHEMA};
use crate::span::Span;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value as Json};
use std::collections::HashMap;
use std::fmt;

/// At most this many problems are kept per file; the rest are only counted
/// ([`ImportError::omitted`]).
pub const MAX_PROBLEMS: usize = 100;

/// One document read from a file: its text and its annotations with their sources, with byte
/// offsets as the engine uses them. Exporting it again ([`crate::export::build`]) gives the
/// annotations the file held.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedDocument {
    /// Where the document was in the file.
    pub location: DocLocation,
    /// The document text.
    pub text: String,
    /// The annotations, in the file's order, with their sources.
    pub annotations: Vec<(Annotation, Source)>,
}

/// Where a document is in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocLocation {
    /// The file is one JSON document.
    Whole,
    /// The file is a JSON array; this is the 0-based index of the document in it.
    Index(usize),
    /// The file is JSON Lines; this is the 1-based line number.
    Line(usize),
}

impl fmt::Display for DocLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocLocation::Whole => f.write_str("the document"),
            DocLocation::Index(i) => write!(f, "document at index {i}"),
            DocLocation::Line(n) => write!(f, "line {n}"),
        }
    }
}

/// Which annotation a problem is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotationRef {
    /// 0-based index in the document's `annotations` array.
    pub index: usize,
    /// Its `id`, when it has a string one.
    pub id: Option<String>,
}

impl fmt::Display for AnnotationRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "annotation {id} (index {})", self.index),
            None => write!(f, "annotation at index {}", self.index),
        }
    }
}

/// What is wrong, in a [`Problem`].
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file is not UTF-8.
    NotUtf8 {
        /// Byte offset of the first bad byte.
        offset: usize,
    },
    /// The JSON cannot be parsed.
    Syntax {
        /// 1-based line in the file.
        line: usize,
        /// 1-based column (in bytes) in that line.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The file holds no document (it is empty, blank, or an empty array).
    NoDocuments,
    /// A required field is missing.
    Missing,
    /// A field has the wrong type or value.
    Invalid {
        /// What the field must be (`a string`, `"entity", "number" or "quote"`).
        expected: String,
        /// What it is, as compact JSON (shortened).
        found: String,
    },
    /// A field the format does not define.
    UnknownField,
    /// A field the format defines, but not for this layer (a `value` on an entity).
    NotAllowed {
        /// The annotation's layer.
        layer: Layer,
    },
    /// `schema` names another format.
    UnknownSchema {
        /// The value found.
        found: String,
    },
    /// `document.sha256` is not the SHA-256 of `document.text`.
    Sha256Mismatch {
        /// The value in the file.
        stated: String,
        /// The SHA-256 of the text.
        actual: String,
    },
    /// A `document.length` field does not match the text.
    LengthMismatch {
        /// The value in the file.
        stated: usize,
        /// The text's real length in that unit.
        actual: usize,
    },
    /// Two annotations share an id.
    DuplicateId {
        /// Index of the first annotation with this id.
        first_index: usize,
    },
    /// The id's prefix is not its layer's (`e`, `n`, `q`) followed by a number from 1.
    IdLayer {
        /// The annotation's layer.
        layer: Layer,
    },
    /// The label belongs to another layer.
    LabelLayer {
        /// The label.
        label: Label,
        /// The annotation's layer.
        layer: Layer,
    },
    /// `start > end`, or `end` is past the end of the text (in code points).
    OutOfRange {
        /// The start.
        start: usize,
        /// The end.
        end: usize,
        /// The text's length in code points.
        length: usize,
    },
    /// `utf16` does not give the same span as `start`/`end`.
    Utf16Mismatch {
        /// The value in the file.
        stated: [usize; 2],
        /// `start`/`end` in UTF-16 code units.
        expected: [usize; 2],
    },
    /// `text` is not the text at the offsets.
    TextMismatch {
        /// The value in the file (shortened).
        stated: String,
        /// The text at `start`/`end` (shortened).
        actual: String,
    },
    /// `speaker.entity` does not name an entity annotation with the speaker's span.
    SpeakerEntity {
        /// The id given.
        id: String,
    },
    /// The span overlaps another annotation of the same layer.
    Overlap {
        /// The other annotation.
        other: AnnotationRef,
    },
}

/// One problem of an imported file: where it is and what is wrong. Its `Display` is one
/// sentence: `story.jsonl: line 3, annotation n2 (index 4), field `utf16`: is [4, 9] but
/// start/end are [4, 10] in UTF-16 code units.`
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The file's name as given to [`parse_documents`].
    pub file_name: String,
    /// The document, when the problem is inside one.
    pub document: Option<DocLocation>,
    /// The annotation, when the problem is inside one.
    pub annotation: Option<AnnotationRef>,
    /// The field's path: inside the annotation when there is one (`utf16`, `speaker.start`),
    /// else inside the document (`document.sha256`).
    pub field: Option<String>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut places: Vec<String> = Vec::new();
        match self.document {
            Some(DocLocation::Whole) | None => {}
            Some(location) => places.push(location.to_string()),
        }
        if let Some(a) = &self.annotation {
            places.push(a.to_string());
        }
        if let Some(field) = &self.field {
            places.push(format!("field `{field}`"));
        }
        write!(f, "{}: ", self.file_name)?;
        if !places.is_empty() {
            write!(f, "{}: ", places.join(", "))?;
        }
        match &self.kind {
            ProblemKind::NotUtf8 { offset } => {
                write!(
                    f,
                    "not valid UTF-8 (first bad byte at byte offset {offset})."
                )
            }
            ProblemKind::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "not valid JSON at line {line}, column {column}: {message}."
            ),
            ProblemKind::NoDocuments => f.write_str(
                "no document: expected a marginalia/annotations@1 JSON document, an array of \
                 them, or JSON Lines with one per line.",
            ),
            ProblemKind::Missing => f.write_str("is missing."),
            ProblemKind::Invalid { expected, found } => {
                write!(f, "must be {expected}, not {found}.")
            }
            ProblemKind::UnknownField => f.write_str(
                "is not a field of marginalia/annotations@1 (the format has no extra fields).",
            ),
            ProblemKind::NotAllowed { layer } => {
                write!(f, "is not allowed on the {} layer.", layer.as_str())
            }
            ProblemKind::UnknownSchema { found } => write!(
                f,
                "is {found}, but only \"{SCHEMA}\" can be read by this version."
            ),
            ProblemKind::Sha256Mismatch { stated, actual } => write!(
                f,
                "is {stated}, but the SHA-256 of document.text is {actual} (the text or the \
                 hash was changed)."
            ),
            ProblemKind::LengthMismatch { stated, actual } => {
                write!(f, "is {stated}, but the text's length is {actual}.")
            }
            ProblemKind::DuplicateId { first_index } => write!(
                f,
                "repeats the id of the annotation at index {first_index} (ids must be unique)."
            ),
            ProblemKind::IdLayer { layer } => write!(
                f,
                "must be '{}' and a number from 1 for the {} layer.",
                layer.id_prefix(),
                layer.as_str()
            ),
            ProblemKind::LabelLayer { label, layer } => write!(
                f,
                "{} is a label of the {} layer, not of the {} layer.",
                label.as_str(),
                label.layer().as_str(),
                layer.as_str()
            ),
            ProblemKind::OutOfRange { start, end, length } if start > end => write!(
                f,
                "start {start} is after end {end} (the text has {length} code points)."
            ),
            ProblemKind::OutOfRange { end, length, .. } => write!(
                f,
                "end {end} is past the end of the text ({length} code points)."
            ),
            ProblemKind::Utf16Mismatch { stated, expected } => write!(
                f,
                "is [{}, {}], but start/end are [{}, {}] in UTF-16 code units.",
                stated[0], stated[1], expected[0], expected[1]
            ),
            ProblemKind::TextMismatch { stated, actual } => {
                write!(f, "is {stated}, but the text at start/end is {actual}.")
            }
            ProblemKind::SpeakerEntity { id } => write!(
                f,
                "is \"{id}\", which is not an entity annotation with the speaker's span."
            ),
            ProblemKind::Overlap { other } => write!(
                f,
                "the span overlaps {other} of the same layer (spans of a layer never overlap)."
            ),
        }
    }
}

/// Why a file could not be imported: every problem found (at most [`MAX_PROBLEMS`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    /// The file's name as given to [`parse_documents`].
    pub file_name: String,
    /// The problems, in file order. Never empty.
    pub problems: Vec<Problem>,
    /// How many more problems were found but not kept.
    pub omitted: usize,
}

impl fmt::Display for ImportError {
    /// One problem a line; a last line counts the omitted ones.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{p}")?;
        }
        if self.omitted > 0 {
            write!(
                f,
                "\n{}: ... and {} more problems.",
                self.file_name, self.omitted
            )?;
        }
        Ok(())
    }
}

impl ImportError {
    /// An error with one problem about the whole file.
    pub fn single(file_name: &str, kind: ProblemKind) -> Self {
        let mut problems = Problems::new(file_name);
        problems.push(None, None, None, kind);
        ImportError {
            file_name: file_name.to_string(),
            problems: problems.list,
            omitted: 0,
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads every `marginalia/annotations@1` document of a file: one JSON document, a JSON array
/// of documents, or JSON Lines (one document a line; blank lines are skipped). A file named
/// `*.jsonl` / `*.ndjson` is always read as JSON Lines; otherwise a file holding several JSON
/// values one after another is too.
///
/// `file_name` is only used in messages. A leading byte-order mark is ignored.
///
/// # Errors
///
/// An [`ImportError`] listing every problem found (see the [module documentation](self));
/// nothing is returned for a file with any problem.
pub fn parse_documents(
    input: impl AsRef<[u8]>,
    file_name: &str,
) -> Result<Vec<ImportedDocument>, ImportError> {
    let mut problems = Problems::new(file_name);
    let docs = parse_all(input.as_ref(), &mut problems);
    problems.into_result(docs)
}

/// Gathers problems up to the cap.
pub(crate) struct Problems {
    file_name: String,
    list: Vec<Problem>,
    omitted: usize,
}

impl Problems {
    pub(crate) fn new(file_name: &str) -> Self {
        Problems {
            file_name: file_name.to_string(),
            list: Vec::new(),
            omitted: 0,
        }
    }

    pub(crate) fn push(
        &mut self,
        document: Option<DocLocation>,
        annotation: Option<&AnnotationRef>,
        field: Option<&str>,
        kind: ProblemKind,
    ) {
        if self.list.len() >= MAX_PROBLEMS {
            self.omitted += 1;
            return;
        }
        self.list.push(Problem {
            file_name: self.file_name.clone(),
            document,
            annotation: annotation.cloned(),
            field: field.map(str::to_string),
            kind,
        });
    }

    pub(crate) fn total(&self) -> usize {
        self.list.len() + self.omitted
    }

    pub(crate) fn into_result<T>(mut self, value: T) -> Result<T, ImportError> {
        if self.list.is_empty() {
            Ok(value)
        } else {
            // File order: problems of the whole file, then document by document (a syntax
            // error of a later JSON line is found before the earlier lines are checked).
            self.list.sort_by_key(|p| match p.document {
                None | Some(DocLocation::Whole) => 0,
                Some(DocLocation::Index(i) | DocLocation::Line(i)) => i + 1,
            });
            Err(ImportError {
                file_name: self.file_name,
                problems: self.list,
                omitted: self.omitted,
            })
        }
    }
}

fn parse_all(bytes: &[u8], problems: &mut Problems) -> Vec<ImportedDocument> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            problems.push(
                None,
                None,
                None,
                ProblemKind::NotUtf8 {
                    offset: e.valid_up_to(),
                },
            );
            return Vec::new();
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let lower = problems.file_name.to_ascii_lowercase();
    let jsonl_name = lower.ends_with(".jsonl") || lower.ends_with(".ndjson");
    let values: Vec<(DocLocation, Json)> = if jsonl_name {
        parse_lines(text, problems)
    } else {
        match serde_json::from_str::<Json>(text) {
            Ok(Json::Array(items)) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| (DocLocation::Index(i), v))
                .collect(),
            Ok(v) => vec![(DocLocation::Whole, v)],
            Err(e) if e.is_eof() && text.trim().is_empty() => Vec::new(),
            Err(_) if looks_like_lines(text) => parse_lines(text, problems),
            Err(e) => {
                problems.push(None, None, None, syntax(&e, 0));
                return Vec::new();
            }
        }
    };
    if values.is_empty() && problems.total() == 0 {
        problems.push(None, None, None, ProblemKind::NoDocuments);
    }
    values
        .into_iter()
        .filter_map(|(location, value)| read_document(&value, location, problems))
        .collect()
}

/// True when the first non-blank line is a JSON value on its own and more follows: JSON Lines.
fn looks_like_lines(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    match lines.next() {
        Some(first) => serde_json::from_str::<Json>(first).is_ok() && lines.next().is_some(),
        None => false,
    }
}

/// One JSON value per non-blank line.
fn parse_lines(text: &str, problems: &mut Problems) -> Vec<(DocLocation, Json)> {
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let location = DocLocation::Line(i + 1);
        match serde_json::from_str::<Json>(line) {
            Ok(v) => out.push((location, v)),
            Err(e) => problems.push(Some(location), None, None, syntax(&e, i)),
        }
    }
    out
}

/// A syntax problem; `line_offset` is added to the parser's line (for JSON Lines).
fn syntax(e: &serde_json::Error, line_offset: usize) -> ProblemKind {
    let message = e.to_string();
    // serde_json appends " at line L column C"; the problem says it itself.
    let message = match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    ProblemKind::Syntax {
        line: e.line() + line_offset,
        column: e.column(),
        message,
    }
}

/// Compact JSON of a value for messages, at most about 60 characters.
pub(crate) fn shown(v: &Json) -> String {
    let s = v.to_string();
    shorten(&s)
}

/// `s`, cut to 60 characters with an ellipsis.
fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

/// A string shown as a JSON string literal, shortened.
pub(crate) fn quoted(s: &str) -> String {
    shorten(&Json::String(s.to_string()).to_string())
}

/// The fields of the top level, `generator`, `document`, `document.length`, an annotation and a
/// speaker.
const TOP_FIELDS: &[&str] = &["schema", "generator", "document", "annotations"];
const GENERATOR_FIELDS: &[&str] = &["name", "version"];
const DOCUMENT_FIELDS: &[&str] = &["text", "sha256", "length"];
const LENGTH_FIELDS: &[&str] = &["chars", "utf16", "bytes"];
const ANNOTATION_FIELDS: &[&str] = &[
    "id", "layer", "label", "kind", "start", "end", "utf16", "text", "value", "unit", "speaker",
    "cue", "source",
];
const SPEAKER_FIELDS: &[&str] = &["text", "start", "end", "utf16", "entity"];

/// Where in the file the checks are.
struct Here<'p> {
    problems: &'p mut Problems,
    document: DocLocation,
    annotation: Option<AnnotationRef>,
}

impl Here<'_> {
    fn report(&mut self, field: Option<&str>, kind: ProblemKind) {
        self.problems
            .push(Some(self.document), self.annotation.as_ref(), field, kind);
    }

    /// Reports fields of `obj` not in `known`; `prefix` is the path of `obj`.
    fn unknown_fields(&mut self, obj: &Map<String, Json>, known: &[&str], prefix: &str) {
        for key in obj.keys() {
            if !known.contains(&key.as_str()) {
                self.report(Some(&format!("{prefix}{key}")), ProblemKind::UnknownField);
            }
        }
    }

    /// The field `key` of `obj` as a `T`: `None` (after reporting) when it is missing and
    /// `required`, or has the wrong type; `None` silently when it is optional and absent.
    fn field<T: DeserializeOwned>(
        &mut self,
        obj: &Map<String, Json>,
        key: &str,
        path: &str,
        required: bool,
        expected: &str,
    ) -> Option<T> {
        match obj.get(key) {
            None => {
                if required {
                    self.report(Some(path), ProblemKind::Missing);
                }
                None
            }
            Some(v) => match serde_json::from_value::<T>(v.clone()) {
                Ok(t) => Some(t),
                Err(_) => {
                    self.report(
                        Some(path),
                        ProblemKind::Invalid {
                            expected: expected.to_string(),
                            found: shown(v),
                        },
                    );
                    None
                }
            },
        }
    }

    /// A required object field.
    fn object<'v>(
        &mut self,
        obj: &'v Map<String, Json>,
        key: &str,
        path: &str,
    ) -> Option<&'v Map<String, Json>> {
        match obj.get(key) {
            None => {
                self.report(Some(path), ProblemKind::Missing);
                None
            }
            Some(Json::Object(m)) => Some(m),
            Some(v) => {
                self.report(
                    Some(path),
                    ProblemKind::Invalid {
                        expected: "an object".to_string(),
                        found: shown(v),
                    },
                );
                None
            }
        }
    }

    /// A non-empty string field (required or optional).
    fn nonempty(
        &mut self,
        obj: &Map<String, Json>,
        key: &str,
        path: &str,
        required: bool,
    ) -> Option<String> {
        let expected = "a non-empty string";
        let s: String = self.field(obj, key, path, required, expected)?;
        if s.is_empty() {
            self.report(
                Some(path),
                ProblemKind::Invalid {
                    expected: expected.to_string(),
                    found: "\"\"".to_string(),
                },
            );
            return None;
        }
        Some(s)
    }
}

const OFFSET: &str = "a whole number ≥ 0";
const PAIR: &str = "an array of two whole numbers [start, end]";

/// Checks one document and converts it.
fn read_document(
    value: &Json,
    location: DocLocation,
    problems: &mut Problems,
) -> Option<ImportedDocument> {
    let mut here = Here {
        problems,
        document: location,
        annotation: None,
    };
    let Json::Object(top) = value else {
        here.report(
            None,
            ProblemKind::Invalid {
                expected: "a marginalia/annotations@1 object".to_string(),
                found: shown(value),
            },
        );
        return None;
    };
    here.unknown_fields(top, TOP_FIELDS, "");

    if let Some(schema) = here.field::<String>(top, "schema", "schema", true, "a string") {
        if schema != SCHEMA {
            here.report(
                Some("schema"),
                ProblemKind::UnknownSchema {
                    found: quoted(&schema),
                },
            );
        }
    }
    if let Some(generator) = here.object(top, "generator", "generator") {
        here.unknown_fields(generator, GENERATOR_FIELDS, "generator.");
        here.nonempty(generator, "name", "generator.name", true);
        here.nonempty(generator, "version", "generator.version", true);
    }

    let document = here.object(top, "document", "document");
    let annotations = match top.get("annotations") {
        None => {
            here.report(Some("annotations"), ProblemKind::Missing);
            None
        }
        Some(Json::Array(items)) => Some(items),
        Some(v) => {
            here.report(
                Some("annotations"),
                ProblemKind::Invalid {
                    expected: "an array".to_string(),
                    found: shown(v),
                },
            );
            None
        }
    };
    let document = document?;
    here.unknown_fields(document, DOCUMENT_FIELDS, "document.");
    let text: Option<String> = here.field(document, "text", "document.text", true, "a string");
    let sha: Option<String> = here.field(document, "sha256", "document.sha256", true, "a string");
    let length = here.object(document, "length", "document.length");
    let text = text?;
    let map = CharMap::new(&text);
    if let Some(sha) = sha {
        let actual = sha256_hex(&text);
        if sha != actual {
            here.report(
                Some("document.sha256"),
                ProblemKind::Sha256Mismatch {
                    stated: quoted(&sha),
                    actual,
                },
            );
        }
    }
    if let Some(length) = length {
        here.unknown_fields(length, LENGTH_FIELDS, "document.length.");
        let actual = [
            ("chars", map.total_chars()),
            ("utf16", map.total_utf16()),
            ("bytes", text.len()),
        ];
        for (unit, actual) in actual {
            let path = format!("document.length.{unit}");
            if let Some(stated) = here.field::<usize>(length, unit, &path, true, OFFSET) {
                if stated != actual {
                    here.report(Some(&path), ProblemKind::LengthMismatch { stated, actual });
                }
            }
        }
    }
    let items = annotations?;

    let before = here.problems.total();
    let mut read: Vec<Read> = Vec::with_capacity(items.len());
    let mut ids: HashMap<String, usize> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let id = item.get("id").and_then(Json::as_str).map(str::to_string);
        here.annotation = Some(AnnotationRef {
            index,
            id: id.clone(),
        });
        if let Some(id) = &id {
            if let Some(&first_index) = ids.get(id) {
                here.report(Some("id"), ProblemKind::DuplicateId { first_index });
            } else {
                ids.insert(id.clone(), index);
            }
        }
        if let Some(r) = read_annotation(item, index, &text, &map, &mut here) {
            read.push(r);
        }
    }
    check_speaker_entities(&read, &ids, &mut here);
    check_overlaps(&read, &mut here);
    if here.problems.total() > before {
        return None;
    }
    let annotations = read.into_iter().map(|r| (r.annotation, r.source)).collect();
    Some(ImportedDocument {
        location,
        text,
        annotations,
    })
}

/// An annotation that passed its own checks.
struct Read {
    index: usize,
    id: String,
    annotation: Annotation,
    source: Source,
    /// `speaker.entity`, to be checked against the other annotations.
    speaker_entity: Option<String>,
}

/// A span in code points, UTF-16 and text, checked against the document text. Returns the byte
/// span when everything agrees.
fn read_span(
    obj: &Map<String, Json>,
    prefix: &str,
    text: &str,
    map: &CharMap,
    here: &mut Here,
) -> Option<Span> {
    let path = |key: &str| format!("{prefix}{key}");
    let start: Option<usize> = here.field(obj, "start", &path("start"), true, OFFSET);
    let end: Option<usize> = here.field(obj, "end", &path("end"), true, OFFSET);
    let utf16: Option<[usize; 2]> = here.field(obj, "utf16", &path("utf16"), true, PAIR);
    let stated: Option<String> = here.field(obj, "text", &path("text"), true, "a string");
    let (start, end) = (start?, end?);
    let length = map.total_chars();
    if start > end || end > length {
        let field = if start > end {
            path("start")
        } else {
            path("end")
        };
        here.report(Some(&field), ProblemKind::OutOfRange { start, end, length });
        return None;
    }
    let (start_byte, start16) = map.at(start)?;
    let (end_byte, end16) = map.at(end)?;
    let mut ok = true;
    if let Some(utf16) = utf16 {
        if utf16 != [start16, end16] {
            here.report(
                Some(&path("utf16")),
                ProblemKind::Utf16Mismatch {
                    stated: utf16,
                    expected: [start16, end16],
                },
            );
            ok = false;
        }
    } else {
        ok = false;
    }
    let actual = text.get(start_byte..end_byte).unwrap_or("");
    match stated {
        Some(stated) if stated != actual => {
            here.report(
                Some(&path("text")),
                ProblemKind::TextMismatch {
                    stated: quoted(&stated),
                    actual: quoted(actual),
                },
            );
            ok = false;
        }
        Some(_) => {}
        None => ok = false,
    }
    ok.then(|| Span::new(start_byte, end_byte))
}

/// Checks one annotation and converts it.
fn read_annotation(
    item: &Json,
    index: usize,
    text: &str,
    map: &CharMap,
    here: &mut Here,
) -> Option<Read> {
    let Json::Object(obj) = item else {
        here.report(
            None,
            ProblemKind::Invalid {
                expected: "an object".to_string(),
                found: shown(item),
            },
        );
        return None;
    };
    let before = here.problems.total();
    here.unknown_fields(obj, ANNOTATION_FIELDS, "");
    let id: Option<String> = here.field(obj, "id", "id", true, "a string");
    let layer: Option<Layer> = here.field(
        obj,
        "layer",
        "layer",
        true,
        "\"entity\", \"number\" or \"quote\"",
    );
    let label: Option<Label> = here.field(
        obj,
        "label",
        "label",
        true,
        "one of PER, ORG, LOC, MISC, CARDINAL, ORDINAL, PERCENT, MONEY, QUANTITY, DATE, QUOTE",
    );
    let source: Option<Source> =
        here.field(obj, "source", "source", true, "\"auto\" or \"manual\"");
    let span = read_span(obj, "", text, map, here);

    if let (Some(id), Some(layer)) = (&id, layer) {
        let digits = id.strip_prefix(layer.id_prefix()).unwrap_or("");
        let numbered = !digits.is_empty()
            && !digits.starts_with('0')
            && digits.bytes().all(|b| b.is_ascii_digit());
        if !numbered {
            here.report(Some("id"), ProblemKind::IdLayer { layer });
        }
    }
    if let (Some(label), Some(layer)) = (label, layer) {
        if label.layer() != layer {
            here.report(Some("label"), ProblemKind::LabelLayer { label, layer });
        }
    }

    // Layer-specific fields.
    let mut kind = None;
    let mut cue = None;
    let mut speaker = None;
    let mut speaker_entity = None;
    let mut value = None;
    let mut unit = None;
    if let Some(layer) = layer {
        let not_here: &[&str] = match layer {
            Layer::Entity => &["kind", "value", "unit", "speaker", "cue"],
            Layer::Number => &["kind", "speaker", "cue"],
            Layer::Quote => &["value", "unit"],
        };
        for key in not_here {
            if obj.contains_key(*key) {
                here.report(Some(key), ProblemKind::NotAllowed { layer });
            }
        }
        if layer == Layer::Quote {
            kind = here.field::<QuoteKind>(obj, "kind", "kind", true, "\"speech\" or \"term\"");
            cue = here.nonempty(obj, "cue", "cue", false);
            if let Some(s) = obj.get("speaker") {
                match s {
                    Json::Object(s) => {
                        here.unknown_fields(s, SPEAKER_FIELDS, "speaker.");
                        speaker = read_span(s, "speaker.", text, map, here);
                        speaker_entity =
                            here.field::<String>(s, "entity", "speaker.entity", false, "a string");
                    }
                    other => here.report(
                        Some("speaker"),
                        ProblemKind::Invalid {
                            expected: "an object".to_string(),
                            found: shown(other),
                        },
                    ),
                }
            }
        }
        if layer == Layer::Number {
            value = read_value(obj, label, here);
            unit = read_unit(obj, label, here);
        }
    }

    if here.problems.total() > before {
        return None;
    }
    let (id, label, source, span) = (id?, label?, source?, span?);
    let quote = kind.map(|kind| QuoteInfo { kind, speaker, cue });
    Some(Read {
        index,
        id,
        annotation: Annotation {
            span,
            label,
            value,
            unit,
            quote,
        },
        source,
        speaker_entity,
    })
}

/// A number annotation's `value`: a JSON number, or a non-empty string for `DATE`.
fn read_value(obj: &Map<String, Json>, label: Option<Label>, here: &mut Here) -> Option<Value> {
    let v = obj.get("value")?;
    let is_date = label == Some(Label::Date);
    match v {
        Json::String(s) if is_date && !s.is_empty() => Some(Value::Date(s.clone())),
        Json::Number(n) if !is_date => match n.as_f64() {
            Some(f) if f.is_finite() => Some(Value::Number(f)),
            _ => {
                here.report(
                    Some("value"),
                    ProblemKind::Invalid {
                        expected: "a finite number".to_string(),
                        found: shown(v),
                    },
                );
                None
            }
        },
        _ => {
            let expected = if is_date {
                "a non-empty ISO 8601 / TIMEX3 string for a DATE"
            } else {
                "a number for this label"
            };
            here.report(
                Some("value"),
                ProblemKind::Invalid {
                    expected: expected.to_string(),
                    found: shown(v),
                },
            );
            None
        }
    }
}

/// A number annotation's `unit`, checked against its label.
fn read_unit(obj: &Map<String, Json>, label: Option<Label>, here: &mut Here) -> Option<String> {
    let v = obj.get("unit")?;
    let expected = match label {
        Some(Label::Date | Label::Cardinal | Label::Ordinal) => {
            if let Some(layer) = label.map(Label::layer) {
                here.report(Some("unit"), ProblemKind::NotAllowed { layer });
            }
            return None;
        }
        Some(Label::Percent) => "\"%\", \"pp\" or \"bp\" for a PERCENT",
        Some(Label::Money) => "an ISO 4217 code of three capital letters for MONEY",
        _ => "a non-empty string",
    };
    let ok = match (label, v.as_str()) {
        (_, None) => false,
        (Some(Label::Percent), Some(s)) => matches!(s, "%" | "pp" | "bp"),
        (Some(Label::Money), Some(s)) => s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()),
        (_, Some(s)) => !s.is_empty(),
    };
    if ok {
        v.as_str().map(str::to_string)
    } else {
        here.report(
            Some("unit"),
            ProblemKind::Invalid {
                expected: expected.to_string(),
                found: shown(v),
            },
        );
        None
    }
}

/// `speaker.entity` must name an entity annotation with exactly the speaker's span. An id of an
/// annotation that has problems of its own is not reported again.
fn check_speaker_entities(read: &[Read], ids: &HashMap<String, usize>, here: &mut Here) {
    let entities: HashMap<&str, Span> = read
        .iter()
        .filter(|r| r.annotation.layer() == Layer::Entity)
        .map(|r| (r.id.as_str(), r.annotation.span))
        .collect();
    let good: std::collections::HashSet<&str> = read.iter().map(|r| r.id.as_str()).collect();
    for r in read {
        let Some(id) = &r.speaker_entity else {
            continue;
        };
        let failed = ids.contains_key(id) && !good.contains(id.as_str());
        let speaker = r.annotation.quote.as_ref().and_then(|q| q.speaker);
        if !failed && (speaker.is_none() || entities.get(id.as_str()).copied() != speaker) {
            here.annotation = Some(AnnotationRef {
                index: r.index,
                id: Some(r.id.clone()),
            });
            here.report(
                Some("speaker.entity"),
                ProblemKind::SpeakerEntity { id: id.clone() },
            );
        }
    }
}

/// Spans of one layer must not overlap.
fn check_overlaps(read: &[Read], here: &mut Here) {
    for layer in Layer::ALL {
        let mut spans: Vec<&Read> = read
            .iter()
            .filter(|r| r.annotation.layer() == layer)
            .collect();
        spans.sort_by_key(|r| (r.annotation.span.start, r.annotation.span.end, r.index));
        // The annotation reaching furthest so far.
        let mut furthest: Option<&Read> = None;
        for r in spans {
            if let Some(f) = furthest {
                if f.annotation.span.overlaps(&r.annotation.span) {
                    here.annotation = Some(AnnotationRef {
                        index: r.index,
                        id: Some(r.id.clone()),
                    });
                    here.report(
                        None,
                        ProblemKind::Overlap {
                            other: AnnotationRef {
                                index: f.index,
                                id: Some(f.id.clone()),
                            },
                        },
                    );
                }
            }
            if furthest.is_none_or(|f| r.annotation.span.end > f.annotation.span.end) {
                furthest = Some(r);
            }
        }
    }
}

/// How many code points apart [`CharMap`] keeps checkpoints.
const CHAR_STRIDE: usize = 64;

/// A lookup table from code-point offsets to byte and UTF-16 offsets, for converting many spans:
/// one checkpoint per [`CHAR_STRIDE`] code points, so a lookup scans at most that many
/// characters and the table stays small for long texts.
///
/// ```
/// use marginalia_core::import::CharMap;
/// let map = CharMap::new("a😀é b");
/// assert_eq!(map.at(2), Some((5, 3))); // after the emoji: byte 5, UTF-16 unit 3
/// assert_eq!(map.at(5), Some((9, 6))); // the end of the text
/// assert_eq!(map.at(6), None);
/// ```
#[derive(Debug, Clone)]
pub struct CharMap<'a> {
    text: &'a str,
    /// `(byte, utf16)` at code point `k * CHAR_STRIDE`.
    checkpoints: Vec<(usize, usize)>,
    total_chars: usize,
    total_utf16: usize,
}

impl<'a> CharMap<'a> {
    /// Builds the table for `text` in one pass.
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / CHAR_STRIDE + 2);
        let (mut chars, mut utf16) = (0usize, 0usize);
        for (byte, c) in text.char_indices() {
            if chars % CHAR_STRIDE == 0 {
                checkpoints.push((byte, utf16));
            }
            chars += 1;
            utf16 += c.len_utf16();
        }
        if chars % CHAR_STRIDE == 0 {
            checkpoints.push((text.len(), utf16));
        }
        CharMap {
            text,
            checkpoints,
            total_chars: chars,
            total_utf16: utf16,
        }
    }

    /// `(byte, utf16)` offsets of code-point offset `chars`, or `None` past the end of the text.
    pub fn at(&self, chars: usize) -> Option<(usize, usize)> {
        if chars > self.total_chars {
            return None;
        }
        let &(start, mut utf16) = self.checkpoints.get(chars / CHAR_STRIDE)?;
        let skip = chars % CHAR_STRIDE;
        let tail = self.text.get(start..)?;
        let mut byte = self.text.len();
        for (n, (offset, c)) in tail.char_indices().enumerate() {
            if n == skip {
                byte = start + offset;
                break;
            }
            utf16 += c.len_utf16();
        }
        Some((byte, utf16))
    }

    /// Byte offset of code-point offset `chars`, or `None` past the end of the text.
    pub fn byte(&self, chars: usize) -> Option<usize> {
        self.at(chars).map(|(b, _)| b)
    }

    /// Total length in code points.
    pub fn total_chars(&self) -> usize {
        self.total_chars
    }

    /// Total length in UTF-16 code units.
    pub fn total_utf16(&self) -> usize {
        self.total_utf16
    }
}

#[cfg(test)]
pub(crate) mod tests;
