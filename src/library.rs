//! The person's documents as the browser keeps them: a list of documents (title, dates, counts)
//! and, per document, its text, corrections, undo history and scroll position. Pure Rust and
//! serialisable; [`crate::storage`] writes it to the browser's storage.

use marginalia_core::corrections::Corrections;
use serde::{Deserialize, Serialize};

/// How many characters of the first line make a document's title.
const TITLE_CHARS: usize = 90;

/// What the document list shows of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Stable id (also its storage key).
    pub id: String,
    /// The title: the first line of the text, or what the person renamed it to.
    pub title: String,
    /// True once the person renamed it (the title then no longer follows the text).
    #[serde(default)]
    pub renamed: bool,
    /// When it was added, in milliseconds since 1970 (UTC).
    pub added: f64,
    /// When it was last changed, in milliseconds since 1970 (UTC).
    #[serde(default)]
    pub updated: f64,
    /// Words in the text.
    #[serde(default)]
    pub words: usize,
    /// Highlights shown (automatic and corrected).
    #[serde(default)]
    pub highlights: usize,
}

/// The list of documents and which one is open.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    /// The id of the open document.
    pub current: Option<String>,
    /// Every document, most recently added first.
    pub docs: Vec<DocMeta>,
}

/// One document's contents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredDoc {
    /// The text.
    pub text: String,
    /// The person's corrections.
    #[serde(default)]
    pub corrections: Corrections,
    /// Undo history (earlier corrections, most recent last).
    #[serde(default)]
    pub undo: Vec<Corrections>,
    /// Redo history.
    #[serde(default)]
    pub redo: Vec<Corrections>,
    /// The page's vertical scroll position, in CSS pixels.
    #[serde(default)]
    pub scroll: f64,
}

/// A title for a text: its first line with letters or digits, trimmed and shortened, or
/// "Untitled".
///
/// ```
/// use marginalia_web::library::auto_title;
/// assert_eq!(auto_title("\n  Spotify signs deal \nBody"), "Spotify signs deal");
/// assert_eq!(auto_title("   "), "Untitled");
/// ```
pub fn auto_title(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| l.chars().any(char::is_alphanumeric))
        .unwrap_or("");
    match line.char_indices().nth(TITLE_CHARS) {
        Some((cut, _)) => format!("{}…", line[..cut].trim_end()),
        None if line.is_empty() => "Untitled".to_string(),
        None => line.to_string(),
    }
}

impl Library {
    /// The document with `id`.
    pub fn get(&self, id: &str) -> Option<&DocMeta> {
        self.docs.iter().find(|d| d.id == id)
    }

    /// Adds a document at the top of the list, or updates it where it is.
    pub fn upsert(&mut self, meta: DocMeta) {
        match self.docs.iter_mut().find(|d| d.id == meta.id) {
            Some(slot) => *slot = meta,
            None => self.docs.insert(0, meta),
        }
    }

    /// Removes a document; returns where it was and what it was, for undo.
    pub fn remove(&mut self, id: &str) -> Option<(usize, DocMeta)> {
        let index = self.docs.iter().position(|d| d.id == id)?;
        let meta = self.docs.remove(index);
        if self.current.as_deref() == Some(id) {
            self.current = None;
        }
        Some((index, meta))
    }

    /// Puts back a removed document where it was.
    pub fn restore(&mut self, index: usize, meta: DocMeta) {
        let index = index.min(self.docs.len());
        self.docs.retain(|d| d.id != meta.id);
        self.docs.insert(index, meta);
    }

    /// Renames a document (an empty name goes back to the automatic title on the next save).
    pub fn rename(&mut self, id: &str, title: &str) {
        if let Some(d) = self.docs.iter_mut().find(|d| d.id == id) {
            let title = title.trim();
            d.renamed = !title.is_empty();
            if d.renamed {
                d.title = title.to_string();
            }
        }
    }

    /// Documents whose title contains every word of `query` (case-insensitive), in list order.
    pub fn search<'a>(&'a self, query: &str) -> Vec<&'a DocMeta> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        self.docs
            .iter()
            .filter(|d| {
                let title = d.title.to_lowercase();
                words.iter().all(|w| title.contains(w.as_str()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(id: &str, title: &str) -> DocMeta {
        DocMeta {
            id: id.into(),
            title: title.into(),
            renamed: false,
            added: 0.0,
            updated: 0.0,
            words: 0,
            highlights: 0,
        }
    }

    #[test]
    fn add_rename_search_remove_restore() {
        let mut lib = Library::default();
        lib.upsert(meta("a", "Spotify signs deal"));
        lib.upsert(meta("b", "Bank holds rates"));
        assert_eq!(lib.docs[0].id, "b");
        lib.rename("a", "  Music deal ");
        assert_eq!(lib.get("a").map(|d| d.title.as_str()), Some("Music deal"));
        assert_eq!(lib.search("MUSIC").len(), 1);
        assert_eq!(lib.search("").len(), 2);
        lib.current = Some("a".into());
        let (index, removed) = lib.remove("a").unwrap_or((9, meta("x", "x")));
        assert_eq!((index, lib.current.clone()), (1, None));
        lib.restore(index, removed);
        assert_eq!(lib.docs[1].id, "a");
    }

    #[test]
    fn stored_doc_round_trips_through_json() {
        let mut doc = StoredDoc {
            text: "Ann met Bob 😀".into(),
            ..StoredDoc::default()
        };
        doc.corrections.add(marginalia_core::Annotation::new(
            marginalia_core::Span::new(8, 11),
            marginalia_core::Label::Per,
        ));
        doc.undo.push(Corrections::default());
        let json = serde_json::to_string(&doc).unwrap_or_default();
        let back: StoredDoc = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, doc);
        // Old or partial records still load.
        let partial: Result<StoredDoc, _> = serde_json::from_str(r#"{"text":"x"}"#);
        assert!(partial.is_ok());
    }

    #[test]
    fn titles() {
        let long = "word ".repeat(40);
        assert!(auto_title(&long).ends_with('…'));
        assert!(auto_title(&long).chars().count() <= TITLE_CHARS + 1);
    }
}
