//! Several exported files as one zip archive (with the `zip` crate, Deflate through the
//! pure-Rust `miniz_oxide`, so it also runs in the page's WebAssembly).
//!
//! Archives are deterministic: entries in the given order, every timestamp 1980-01-01 00:00
//! (the earliest a zip can hold), permissions `0644`, so the same files give the same bytes.
//!
//! ```
//! use marginalia_core::formats::zip::{entry_names, zip_documents};
//! let bytes = zip_documents(&[("a.json", "{}"), ("b.json", "[]")]).map_err(|e| e.to_string());
//! let names = bytes.and_then(|b| entry_names(&b).map_err(|e| e.to_string()));
//! assert_eq!(names, Ok(vec!["a.json".to_string(), "b.json".to_string()]));
//! ```

use std::fmt;
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// Why an archive could not be written or read.
#[derive(Debug)]
pub enum ZipError {
    /// Two files have the same name.
    DuplicateName(String),
    /// The `zip` crate failed.
    Zip(zip::result::ZipError),
    /// Writing into memory failed.
    Io(std::io::Error),
}

impl fmt::Display for ZipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ZipError::DuplicateName(name) => {
                write!(f, "zip archive: two files are named '{name}'")
            }
            ZipError::Zip(e) => write!(f, "zip archive: {e}"),
            ZipError::Io(e) => write!(f, "zip archive: {e}"),
        }
    }
}

impl std::error::Error for ZipError {}

impl From<zip::result::ZipError> for ZipError {
    fn from(e: zip::result::ZipError) -> Self {
        ZipError::Zip(e)
    }
}

impl From<std::io::Error> for ZipError {
    fn from(e: std::io::Error) -> Self {
        ZipError::Io(e)
    }
}

/// A zip archive of `files` (name, contents), Deflate-compressed, in the given order.
///
/// # Errors
///
/// [`ZipError::DuplicateName`] when two names are equal; [`ZipError::Zip`] for a name the zip
/// format refuses.
pub fn zip_documents<N, C>(files: &[(N, C)]) -> Result<Vec<u8>, ZipError>
where
    N: AsRef<str>,
    C: AsRef<[u8]>,
{
    let mut seen = std::collections::HashSet::new();
    for (name, _) in files {
        if !seen.insert(name.as_ref()) {
            return Err(ZipError::DuplicateName(name.as_ref().to_string()));
        }
    }
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, contents) in files {
        writer.start_file(name.as_ref(), options)?;
        writer.write_all(contents.as_ref())?;
    }
    Ok(writer.finish()?.into_inner())
}

/// A zip archive of rendered files ([`super::render`]).
///
/// # Errors
///
/// As [`zip_documents`].
pub fn zip_files(files: &[super::OutputFile]) -> Result<Vec<u8>, ZipError> {
    let pairs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|f| (f.name.as_str(), f.contents.as_bytes()))
        .collect();
    zip_documents(&pairs)
}

/// The entry names of a zip archive, in order.
///
/// # Errors
///
/// [`ZipError::Zip`] when `bytes` are not a zip archive.
pub fn entry_names(bytes: &[u8]) -> Result<Vec<String>, ZipError> {
    let archive = ZipArchive::new(Cursor::new(bytes))?;
    Ok((0..archive.len())
        .filter_map(|i| archive.name_for_index(i).and_then(Result::ok))
        .map(|name| name.into_owned())
        .collect())
}

/// The contents of the entry `name` of a zip archive.
///
/// # Errors
///
/// [`ZipError::Zip`] when `bytes` are not a zip archive or have no such entry.
pub fn read_entry(bytes: &[u8], name: &str) -> Result<Vec<u8>, ZipError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))?;
    let mut file = archive.by_name(name)?;
    let mut out = Vec::new();
    file.read_to_end(&mut out)?;
    Ok(out)
}
