//! Keeping the person's documents in the browser (`localStorage`), so that reloading or closing
//! the tab loses nothing. Every failure is a [`StorageError`] the page shows; the work in the page
//! is never dropped because storage failed.

use crate::library::{Library, StoredDoc};
use std::fmt;

const LIBRARY_KEY: &str = "marginalia:v1:library";
const DOC_PREFIX: &str = "marginalia:v1:doc:";

/// Why the browser's storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No storage (blocked, private mode in some browsers, or a sandboxed page).
    Unavailable,
    /// The browser refused to store more (its quota is full).
    Full,
    /// A stored record could not be read (written by another version or damaged).
    Corrupt(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str(
                "This browser does not let Marginalia save anything (private browsing or \
                 blocked storage). Your work stays in the page until you close it: export it \
                 to keep it.",
            ),
            StorageError::Full => f.write_str(
                "The browser's storage for Marginalia is full, so the latest changes are not \
                 saved. Your work is still in the page: export it, or delete documents you no \
                 longer need.",
            ),
            StorageError::Corrupt(what) => {
                write!(
                    f,
                    "A saved record could not be read and was skipped ({what})."
                )
            }
        }
    }
}

fn local() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

fn read<T: serde::de::DeserializeOwned>(key: &str) -> Result<Option<T>, StorageError> {
    let Some(json) = local()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)?
    else {
        return Ok(None);
    };
    serde_json::from_str(&json)
        .map(Some)
        .map_err(|e| StorageError::Corrupt(format!("{key}: {e}")))
}

fn write<T: serde::Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    let json = serde_json::to_string(value).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    local()?
        .set_item(key, &json)
        .map_err(|_| StorageError::Full)
}

/// The saved list of documents (empty when nothing was saved yet).
pub fn load_library() -> Result<Library, StorageError> {
    Ok(read(LIBRARY_KEY)?.unwrap_or_default())
}

/// Saves the list of documents.
pub fn save_library(library: &Library) -> Result<(), StorageError> {
    write(LIBRARY_KEY, library)
}

/// A saved document, if there is one with this id.
pub fn load_doc(id: &str) -> Result<Option<StoredDoc>, StorageError> {
    read(&format!("{DOC_PREFIX}{id}"))
}

/// Saves a document.
pub fn save_doc(id: &str, doc: &StoredDoc) -> Result<(), StorageError> {
    write(&format!("{DOC_PREFIX}{id}"), doc)
}

/// Deletes a saved document.
pub fn delete_doc(id: &str) -> Result<(), StorageError> {
    local()?
        .remove_item(&format!("{DOC_PREFIX}{id}"))
        .map_err(|_| StorageError::Unavailable)
}

/// A new document id: the time and a random part, as letters and digits.
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("d{now:x}{random:x}")
}
