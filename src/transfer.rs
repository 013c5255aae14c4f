//! Moving documents between the page and files: exporting the open document or every kept
//! document in any research format ([`marginalia_core::formats`]), and importing
//! `marginalia/annotations@1` JSON, JSON Lines or W3C files as new documents. Nothing is
//! uploaded; a bad file is refused with every problem named, and the current work is untouched.

use crate::library::{auto_title, DocMeta, Library, StoredDoc};
use crate::state::Analysed;
use crate::storage::{self, StorageError};
use marginalia_core::{
    corrections::Corrections,
    export::{file_stem, Source},
    formats::{self, Document, Download, Format},
    Annotation,
};

/// Which documents an export covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The open document.
    Current,
    /// Every document kept in the browser.
    All,
}

/// One document ready to write: its name, text and annotations.
struct Prepared {
    name: String,
    text: String,
    items: Vec<(Annotation, Source)>,
}

impl Prepared {
    fn from_text(text: &str, corrections: &Corrections) -> Self {
        let view = Analysed::new(text).corrected(corrections);
        Prepared {
            name: file_stem(&view.text),
            text: view.text.to_string(),
            items: view.items,
        }
    }
}

/// The download for `scope` in `format`. `current` is the open document's analysis (reused, so
/// the export is exactly what the page shows); other documents are read from storage and
/// analysed with their corrections.
pub fn export(
    format: Format,
    scope: Scope,
    current: &Analysed,
    current_id: &str,
    library: &Library,
) -> Result<Download, String> {
    let mut docs: Vec<Prepared> = Vec::new();
    let this = Prepared {
        name: file_stem(&current.text),
        text: current.text.to_string(),
        items: current.items.clone(),
    };
    match scope {
        Scope::Current => docs.push(this),
        Scope::All => {
            let mut this = Some(this);
            for meta in &library.docs {
                if meta.id == current_id {
                    docs.extend(this.take());
                    continue;
                }
                match storage::load_doc(&meta.id) {
                    Ok(Some(doc)) => docs.push(Prepared::from_text(&doc.text, &doc.corrections)),
                    Ok(None) => {}
                    Err(e) => return Err(e.to_string()),
                }
            }
            // The open document may not be in the list yet (never saved).
            if let Some(this) = this.filter(|d| !d.text.is_empty()) {
                docs.insert(0, this);
            }
        }
    }
    if docs.iter().all(|d| d.text.is_empty()) {
        return Err("There is nothing to export yet.".to_string());
    }
    let views: Vec<Document> = docs
        .iter()
        .map(|d| Document::new(&d.name, &d.text, &d.items))
        .collect();
    formats::bundle(format, &views).map_err(|e| format!("The zip file could not be made: {e}"))
}

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The new documents' ids, in file order.
    pub ids: Vec<String>,
    /// The document list with them added.
    pub library: Library,
}

/// Reads `bytes` (a file named `file_name`) and keeps every document in it as a new document,
/// with exactly the annotations the file holds. Nothing is changed when the file has a problem:
/// the error names every problem (document, annotation, field).
pub fn import(bytes: &[u8], file_name: &str, library: &Library) -> Result<Imported, String> {
    let docs = formats::read_any(bytes, file_name).map_err(|e| e.to_string())?;
    if docs.is_empty() {
        return Err(format!("{file_name}: the file holds no documents."));
    }
    let mut library = library.clone();
    let mut ids = Vec::new();
    let mut metas = Vec::new();
    let now = js_sys::Date::now();
    for doc in docs {
        let auto = marginalia_core::analyze(&doc.text);
        let corrections = Corrections::from_imported(&auto, &doc.annotations);
        let id = storage::new_id();
        let stored = StoredDoc {
            text: doc.text.clone(),
            corrections,
            ..StoredDoc::default()
        };
        storage::save_doc(&id, &stored).map_err(|e: StorageError| e.to_string())?;
        metas.push(DocMeta {
            id: id.clone(),
            title: auto_title(&doc.text),
            renamed: false,
            added: now,
            updated: now,
            words: doc.text.split_whitespace().count(),
            highlights: doc.annotations.len(),
        });
        ids.push(id);
    }
    // The file's first document ends up at the top of the list.
    for meta in metas.into_iter().rev() {
        library.upsert(meta);
    }
    storage::save_library(&library).map_err(|e| e.to_string())?;
    Ok(Imported { ids, library })
}
