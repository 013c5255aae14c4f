//! Research formats: the same annotations written for other tools. The page's export menu and
//! `marginalia annotate --format` / `marginalia convert` both call [`render`], so they write the
//! same bytes. `docs/formats.md` documents every format.
//!
//! | [`Format`] | files | what |
//! |---|---|---|
//! | `json` | `NAME.json` per document | our `marginalia/annotations@1` ([`crate::export`]) |
//! | `jsonl` | one `.jsonl` | the same, one compact document a line |
//! | `w3c` | `NAME.jsonld` per document | W3C Web Annotation Data Model ([`w3c`]) |
//! | `brat` | `NAME.txt` + `NAME.ann` per document | brat standoff ([`brat`]) |
//! | `conll` | one `.conll` | CoNLL-2003 style BIO tags of the entity layer ([`conll`]) |
//! | `csv` | one `.csv` | one annotation a row ([`csv`]) |
//! | `html` | `NAME.html` per document | a self-contained highlighted snapshot ([`snapshot`]) |
//!
//! Several files travel as one zip archive ([`zip::zip_documents`]).
//!
//! ```
//! use marginalia_core::formats::{render, Document, Format};
//! use marginalia_core::export::Source;
//! let text = "Spotify paid $6bn.";
//! let annotations: Vec<_> = marginalia_core::analyze(text)
//!     .iter()
//!     .map(|a| (a.clone(), Source::Auto))
//!     .collect();
//! let doc = Document::new("spotify", text, &annotations);
//! let files = render(Format::Csv, &[doc]);
//! assert_eq!(files[0].name, "spotify.csv");
//! assert!(files[0].contents.starts_with("doc,layer,label,start,end,text,value"));
//! ```

pub mod brat;
pub mod conll;
pub mod csv;
pub mod snapshot;
pub mod w3c;
pub mod zip;

use crate::annotation::{Analysis, Annotation, Layer};
use crate::export::{self, Source};
use std::fmt;
use std::str::FromStr;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `marginalia/annotations@1`, pretty-printed, one file per document.
    Json,
    /// `marginalia/annotations@1` as JSON Lines: one compact document a line, one file.
    Jsonl,
    /// W3C Web Annotation Data Model (JSON-LD), one `AnnotationCollection` per document.
    W3c,
    /// brat standoff: `.txt` and `.ann` per document.
    Brat,
    /// CoNLL-2003 style `token<TAB>BIO-tag` lines of the entity layer, one file.
    Conll,
    /// Comma-separated values (RFC 4180), one annotation a row, one file.
    Csv,
    /// A standalone HTML page of the highlighted article, one per document.
    Html,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 7] = [
        Format::Json,
        Format::Jsonl,
        Format::W3c,
        Format::Brat,
        Format::Conll,
        Format::Csv,
        Format::Html,
    ];

    /// The name used on the command line and in [`FromStr`]: `json`, `jsonl`, `w3c`, `brat`,
    /// `conll`, `csv`, `html`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::W3c => "w3c",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    /// A short description for menus and help.
    pub fn description(self) -> &'static str {
        match self {
            Format::Json => "JSON (marginalia/annotations@1)",
            Format::Jsonl => "JSON Lines (one document a line)",
            Format::W3c => "W3C Web Annotation (JSON-LD)",
            Format::Brat => "brat standoff (.txt + .ann)",
            Format::Conll => "CoNLL-2003 BIO tokens (entities)",
            Format::Csv => "CSV (one annotation a row)",
            Format::Html => "HTML snapshot (highlighted article)",
        }
    }

    /// The file extension of the main file, without the dot (`ann` for brat, whose text goes
    /// in a `.txt` beside it).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::W3c => "jsonld",
            Format::Brat => "ann",
            Format::Conll => "conll",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    /// The media type of the main file.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Jsonl => "application/jsonl",
            Format::W3c => "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"",
            Format::Brat | Format::Conll => "text/plain; charset=utf-8",
            Format::Csv => "text/csv; charset=utf-8; header=present",
            Format::Html => "text/html; charset=utf-8",
        }
    }

    /// True when every document goes into one file (`jsonl`, `conll`, `csv`); otherwise each
    /// document has its own file(s).
    pub fn is_combined(self) -> bool {
        matches!(self, Format::Jsonl | Format::Conll | Format::Csv)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that [`Format::from_str`] does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown format '{}' (json, jsonl, w3c, brat, conll, csv or html)",
            self.0
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    /// Parses a format name, ignoring case; `jsonld` and `w3c-jsonld` also mean [`Format::W3c`],
    /// `ndjson` [`Format::Jsonl`], `conll2003` [`Format::Conll`] and `snapshot`
    /// [`Format::Html`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "w3c" | "jsonld" | "w3c-jsonld" => Ok(Format::W3c),
            "brat" => Ok(Format::Brat),
            "conll" | "conll2003" => Ok(Format::Conll),
            "csv" => Ok(Format::Csv),
            "html" | "snapshot" => Ok(Format::Html),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

/// One document to write: a name (for file names and the CSV `doc` column), its text and its
/// annotations with their sources, the same input as [`crate::export::build`].
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// The document's name, without extension: usually [`crate::export::file_stem`] of the text.
    pub name: &'a str,
    /// The text.
    pub text: &'a str,
    /// The annotations with their sources, in any order. Spans that do not fit the text are
    /// ignored by every writer.
    pub annotations: &'a [(Annotation, Source)],
}

impl<'a> Document<'a> {
    /// A document view.
    pub fn new(name: &'a str, text: &'a str, annotations: &'a [(Annotation, Source)]) -> Self {
        Document {
            name,
            text,
            annotations,
        }
    }

    /// The `marginalia/annotations@1` export of the document: every writer starts from it, so
    /// ids, order and offsets are the same in every format.
    pub fn export(&self) -> export::ExportDocument {
        export::build(self.text, self.annotations.iter().map(|(a, s)| (a, *s)))
    }

    /// The annotations as an [`Analysis`]: each layer sorted by position, spans that do not fit
    /// the text left out (the order the export numbers them in).
    pub fn analysis(&self) -> Analysis {
        let mut analysis = Analysis::default();
        for (a, _) in self.annotations {
            if !a.span.is_valid_in(self.text) {
                continue;
            }
            match a.layer() {
                Layer::Entity => analysis.entities.push(a.clone()),
                Layer::Number => analysis.numbers.push(a.clone()),
                Layer::Quote => analysis.quotes.push(a.clone()),
            }
        }
        for layer in [
            &mut analysis.entities,
            &mut analysis.numbers,
            &mut analysis.quotes,
        ] {
            layer.sort_by_key(|a| (a.span.start, a.span.end));
        }
        analysis
    }
}

/// One output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// File name, with extension, no directory.
    pub name: String,
    /// The contents.
    pub contents: String,
}

impl OutputFile {
    fn new(name: String, contents: String) -> Self {
        OutputFile { name, contents }
    }
}

/// Unique names for `docs`: each document's name (or `untitled` when empty), with `-2`, `-3`...
/// added to repeats, in order.
pub fn unique_names(docs: &[Document]) -> Vec<String> {
    let mut used: std::collections::HashSet<String> = std::collections::HashSet::new();
    docs.iter()
        .map(|d| {
            let base = if d.name.is_empty() {
                "untitled"
            } else {
                d.name
            };
            let mut name = base.to_string();
            let mut n = 1;
            while !used.insert(name.clone()) {
                n += 1;
                name = format!("{base}-{n}");
            }
            name
        })
        .collect()
}

/// The name of a combined file: the document's name for one document, `annotations` for
/// several.
fn combined_name(docs: &[Document], names: &[String], ext: &str) -> String {
    match (docs.len(), names.first()) {
        (1, Some(name)) => format!("{name}.{ext}"),
        _ => format!("annotations.{ext}"),
    }
}

/// Writes `docs` in `format`: the files to save or to [zip](zip::zip_documents), in order.
///
/// Combined formats ([`Format::is_combined`]) give one file holding every document; the others
/// give one file per document (two for brat: `NAME.txt` then `NAME.ann`, and brat's
/// `annotation.conf` last). Names come from
/// [`unique_names`]. No documents give no files, except for combined formats, which give one
/// file with nothing in it but a CSV header.
pub fn render(format: Format, docs: &[Document]) -> Vec<OutputFile> {
    let names = unique_names(docs);
    let ext = format.extension();
    match format {
        Format::Json => docs
            .iter()
            .zip(&names)
            .map(|(d, n)| OutputFile::new(format!("{n}.{ext}"), export::to_string(&d.export())))
            .collect(),
        Format::Jsonl => {
            let mut out = String::new();
            for d in docs {
                out.push_str(&serde_json::to_string(&d.export()).unwrap_or_default());
                out.push('\n');
            }
            vec![OutputFile::new(combined_name(docs, &names, ext), out)]
        }
        Format::W3c => docs
            .iter()
            .zip(&names)
            .map(|(d, n)| OutputFile::new(format!("{n}.{ext}"), w3c::to_string(d)))
            .collect(),
        Format::Brat => {
            let mut files = Vec::with_capacity(docs.len() * 2);
            for (d, n) in docs.iter().zip(&names) {
                files.push(OutputFile::new(format!("{n}.txt"), d.text.to_string()));
                files.push(OutputFile::new(format!("{n}.{ext}"), brat::ann(d)));
            }
            if !docs.is_empty() {
                files.push(OutputFile::new(
                    "annotation.conf".to_string(),
                    brat::ANNOTATION_CONF.to_string(),
                ));
            }
            files
        }
        Format::Conll => {
            vec![OutputFile::new(
                combined_name(docs, &names, ext),
                conll::to_string(docs),
            )]
        }
        Format::Csv => {
            let named: Vec<Document> = docs
                .iter()
                .zip(&names)
                .map(|(d, n)| Document { name: n, ..*d })
                .collect();
            vec![OutputFile::new(
                combined_name(docs, &names, ext),
                csv::to_string(&named),
            )]
        }
        Format::Html => docs
            .iter()
            .zip(&names)
            .map(|(d, n)| OutputFile::new(format!("{n}.{ext}"), snapshot::to_html(d)))
            .collect(),
    }
}

/// One download: a file's name, bytes and media type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// The file name (`deal.csv`, `annotations-brat.zip`).
    pub name: String,
    /// The contents.
    pub bytes: Vec<u8>,
    /// The media type (`text/csv; charset=utf-8; header=present`, `application/zip`).
    pub mime: &'static str,
}

/// What the page downloads for `docs` in `format`: the one file [`render`] gives, or a zip
/// archive of them all when it gives several (brat, or several documents in a per-document
/// format), named `NAME-FORMAT.zip` for one document and `annotations-FORMAT.zip` for several.
///
/// ```
/// use marginalia_core::formats::{bundle, Document, Format};
/// let doc = Document::new("deal", "Spotify paid $6bn.", &[]);
/// let one = bundle(Format::Html, &[doc]).map(|d| (d.name, d.mime));
/// assert_eq!(one.ok(), Some(("deal.html".to_string(), "text/html; charset=utf-8")));
/// let zip = bundle(Format::Brat, &[doc]).map(|d| (d.name, d.mime));
/// assert_eq!(zip.ok(), Some(("deal-brat.zip".to_string(), "application/zip")));
/// ```
///
/// # Errors
///
/// When the zip archive cannot be written ([`zip::ZipError`]).
pub fn bundle(format: Format, docs: &[Document]) -> Result<Download, zip::ZipError> {
    let mut files = render(format, docs);
    if files.len() == 1 {
        if let Some(file) = files.pop() {
            return Ok(Download {
                name: file.name,
                bytes: file.contents.into_bytes(),
                mime: format.mime(),
            });
        }
    }
    let stem = match (docs.len(), unique_names(docs).first()) {
        (1, Some(name)) => name.clone(),
        _ => "annotations".to_string(),
    };
    Ok(Download {
        name: format!("{stem}-{}.zip", format.name()),
        bytes: zip::zip_files(&files)?,
        mime: "application/zip",
    })
}

/// Reads any file Marginalia can import: a W3C Web Annotation file written by [`w3c`] (a name
/// ending in `.jsonld`, or JSON whose top level has the `type` `AnnotationCollection`,
/// `AnnotationPage` or `Annotation`), otherwise `marginalia/annotations@1` JSON, a JSON array or
/// JSON Lines ([`crate::import::parse_documents`]).
///
/// # Errors
///
/// Every problem found, as [`crate::import::parse_documents`] and [`w3c::read`] report them.
pub fn read_any(
    bytes: &[u8],
    file_name: &str,
) -> Result<Vec<crate::import::ImportedDocument>, crate::import::ImportError> {
    let is_w3c = file_name.to_ascii_lowercase().ends_with(".jsonld")
        || std::str::from_utf8(bytes)
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok())
            .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_string))
            .is_some_and(|t| {
                matches!(
                    t.as_str(),
                    "AnnotationCollection" | "AnnotationPage" | "Annotation"
                )
            });
    if is_w3c {
        match std::str::from_utf8(bytes) {
            Ok(text) => w3c::read(text, None, file_name).map(|d| vec![d]),
            Err(e) => Err(crate::import::ImportError::single(
                file_name,
                crate::import::ProblemKind::NotUtf8 {
                    offset: e.valid_up_to(),
                },
            )),
        }
    } else {
        crate::import::parse_documents(bytes, file_name)
    }
}

#[cfg(test)]
mod tests;
