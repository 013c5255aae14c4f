//! Comma-separated values: one annotation a row, every document in one table.
//!
//! The header is [`HEADER`]: `doc,layer,label,start,end,text,value,unit,speaker,kind,cue,source,id`.
//! `doc` is the document's name; `start`/`end` are code points, as in the JSON export (Python's
//! `text[start:end]`); `value` is a number as JSON writes it (`6000000000`, `99.6`) or a date
//! string (`XXXX-03-18`); `speaker` is the speaker's name as written. Empty cells mean the field
//! does not apply. Rows follow the export order (entities, numbers, quotes, each in text order)
//! and documents their given order.
//!
//! The writing follows RFC 4180: rows end with CRLF, and a cell containing a comma, a double
//! quote, CR or LF is enclosed in double quotes with its quotes doubled. The text is written as
//! it is: cells are not altered for spreadsheets (a cell starting with `=` stays as it is).
//!
//! ```
//! use marginalia_core::formats::{csv, Document};
//! use marginalia_core::export::Source;
//! use marginalia_core::{Annotation, Label, Span};
//! let text = "“Hi, all,” he said.";
//! let quote = Annotation::new(Span::new(3, 10), Label::Quote);
//! let ann = [(quote, Source::Auto)];
//! let table = csv::to_string(&[Document::new("a", text, &ann)]);
//! assert_eq!(table.split("\r\n").nth(1), Some("a,quote,QUOTE,1,8,\"Hi, all\",,,,,,auto,q1"));
//! ```

use super::Document;

/// The header row's cells.
pub const HEADER: [&str; 13] = [
    "doc", "layer", "label", "start", "end", "text", "value", "unit", "speaker", "kind", "cue",
    "source", "id",
];

/// The table of `docs`: the header and one row per annotation.
pub fn to_string(docs: &[Document]) -> String {
    let mut out = String::new();
    write_row(&mut out, HEADER.iter().map(|s| s.to_string()));
    for doc in docs {
        let export = doc.export();
        for a in &export.annotations {
            let value = a
                .value
                .as_ref()
                .map(|v| v.as_str().map_or(v.to_string(), str::to_string));
            let source = match a.source {
                crate::export::Source::Auto => "auto",
                crate::export::Source::Manual => "manual",
            };
            write_row(
                &mut out,
                [
                    doc.name.to_string(),
                    a.layer.as_str().to_string(),
                    a.label.as_str().to_string(),
                    a.start.to_string(),
                    a.end.to_string(),
                    a.text.clone(),
                    value.unwrap_or_default(),
                    a.unit.clone().unwrap_or_default(),
                    a.speaker
                        .as_ref()
                        .map(|s| s.text.clone())
                        .unwrap_or_default(),
                    a.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
                    a.cue.clone().unwrap_or_default(),
                    source.to_string(),
                    a.id.clone(),
                ],
            );
        }
    }
    out
}

/// Writes one row, quoting cells as RFC 4180 requires, ending with CRLF.
fn write_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_cell(out, &cell);
    }
    out.push_str("\r\n");
}

/// One cell: as it is, or in double quotes with inner quotes doubled.
pub fn write_cell(out: &mut String, cell: &str) {
    if cell.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}
