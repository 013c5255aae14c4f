//! Loading a document from a file's bytes, the same way everywhere: the page (a dropped or
//! opened file) and the `marginalia` CLI (a path or standard input) both call [`document_text`],
//! so the same file gives the same text, hence the same analysis and byte-identical exports.
//!
//! The steps, in order:
//!
//! 1. The bytes must be UTF-8. Anything else is an [`InputError`] naming the file and the byte
//!    offset of the first bad byte; nothing is replaced or guessed (a lossy decode would make
//!    offsets in the export point at text the file does not contain). UTF-16 files, recognised by
//!    their byte-order mark, get their own error.
//! 2. A leading UTF-8 byte-order mark is dropped.
//! 3. A file whose name ends in `.html` or `.htm` (any case) is converted to readable text with
//!    [`crate::html::html_to_text`].
//! 4. The text goes through [`crate::text::normalize_input`] (CRLF and lone CR become LF), as a
//!    browser's text area does with pasted text.
//!
//! ```
//! use marginalia_core::input::document_text;
//! let text = document_text(b"\xEF\xBB\xBFSpotify\r\nsaid so.", Some("story.txt"));
//! assert_eq!(text.as_deref(), Ok("Spotify\nsaid so."));
//! let html = document_text(b"<p>Deal&nbsp;signed</p><p>Done.</p>", Some("story.HTML"));
//! assert_eq!(html.as_deref(), Ok("Deal signed\n\nDone."));
//! let bad = document_text(b"caf\xE9 noir", Some("story.txt"));
//! assert_eq!(
//!     bad.map_err(|e| e.to_string()),
//!     Err("story.txt: not valid UTF-8: byte 0xE9 at byte offset 3 does not start \
//!          a valid character".to_string())
//! );
//! ```

use std::fmt;

/// Why a file's bytes could not become a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The bytes are not UTF-8.
    InvalidUtf8 {
        /// The file name given to [`document_text`], if any.
        file_name: Option<String>,
        /// Byte offset of the first byte that is not part of a valid UTF-8 character.
        offset: usize,
        /// That byte.
        byte: u8,
        /// True when the bytes end in the middle of a character (a truncated file) rather than
        /// holding an invalid sequence.
        truncated: bool,
    },
    /// The bytes start with a UTF-16 byte-order mark (`FF FE` or `FE FF`): the file is UTF-16
    /// text, which must be saved as UTF-8 first.
    Utf16 {
        /// The file name given to [`document_text`], if any.
        file_name: Option<String>,
    },
}

impl InputError {
    /// The file name the error is about, if one was given.
    pub fn file_name(&self) -> Option<&str> {
        match self {
            InputError::InvalidUtf8 { file_name, .. } | InputError::Utf16 { file_name } => {
                file_name.as_deref()
            }
        }
    }
}

impl fmt::Display for InputError {
    /// `NAME: what is wrong`, where NAME is the file name, or `standard input` when no name was
    /// given (a stream without one).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.file_name().unwrap_or("standard input");
        match self {
            InputError::InvalidUtf8 {
                offset,
                byte,
                truncated: true,
                ..
            } => write!(
                f,
                "{name}: not valid UTF-8: the text ends inside a character \
                 (byte 0x{byte:02X} at byte offset {offset} starts an incomplete sequence)"
            ),
            InputError::InvalidUtf8 { offset, byte, .. } => write!(
                f,
                "{name}: not valid UTF-8: byte 0x{byte:02X} at byte offset {offset} does not \
                 start a valid character"
            ),
            InputError::Utf16 { .. } => write!(
                f,
                "{name}: not valid UTF-8: the file is UTF-16 text (it starts with a UTF-16 \
                 byte-order mark); save it as UTF-8"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// True when `file_name` names an HTML file: it ends in `.html` or `.htm`, in any case. Only the
/// name is looked at, never the contents.
///
/// ```
/// use marginalia_core::input::is_html_name;
/// assert!(is_html_name("articles/Deal.HTM"));
/// assert!(!is_html_name("deal.html.txt"));
/// ```
pub fn is_html_name(file_name: &str) -> bool {
    let lower = file_name.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm")
}

/// The document text of a file: its `bytes` decoded as UTF-8, without a leading byte-order mark,
/// converted from HTML when `file_name` ends in `.html`/`.htm`, and with line breaks normalised
/// by [`crate::text::normalize_input`]. See the [module documentation](self) for the details.
///
/// `file_name` is the file's name or path as the user knows it (only its ending matters here, and
/// it is used in error messages); `None` for a stream without one, such as standard input, which
/// is then read as plain text.
///
/// # Errors
///
/// [`InputError::Utf16`] for bytes starting with a UTF-16 byte-order mark, and
/// [`InputError::InvalidUtf8`] for any other bytes that are not UTF-8. Empty input is fine and
/// gives an empty text.
pub fn document_text(bytes: &[u8], file_name: Option<&str>) -> Result<String, InputError> {
    let owned_name = || file_name.map(str::to_string);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) => {
            return Err(InputError::Utf16 {
                file_name: owned_name(),
            });
        }
        Err(e) => {
            let offset = e.valid_up_to();
            return Err(InputError::InvalidUtf8 {
                file_name: owned_name(),
                offset,
                byte: bytes.get(offset).copied().unwrap_or(0),
                truncated: e.error_len().is_none(),
            });
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = match file_name {
        Some(name) if is_html_name(name) => crate::html::html_to_text(text),
        _ => text.to_string(),
    };
    Ok(crate::text::normalize_input(&text).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_passes_through() {
        let text = "“We are committed,” said Spotify 😀.\n";
        assert_eq!(
            document_text(text.as_bytes(), Some("a.txt")),
            Ok(text.into())
        );
        assert_eq!(document_text(text.as_bytes(), None), Ok(text.into()));
    }

    #[test]
    fn empty_input_is_an_empty_text() {
        assert_eq!(document_text(b"", None), Ok(String::new()));
        assert_eq!(document_text(b"", Some("a.html")), Ok(String::new()));
        assert_eq!(
            document_text(b"\xEF\xBB\xBF", Some("a.txt")),
            Ok(String::new())
        );
    }

    #[test]
    fn bom_and_crlf_are_normalised() {
        assert_eq!(
            document_text(b"\xEF\xBB\xBFa\r\nb\rc\n", Some("a.txt")),
            Ok("a\nb\nc\n".into())
        );
        // Only a leading mark is dropped.
        assert_eq!(
            document_text("a\u{FEFF}b".as_bytes(), None),
            Ok("a\u{FEFF}b".into())
        );
    }

    #[test]
    fn html_files_are_converted_by_name_only() {
        let html = b"\xEF\xBB\xBF<!DOCTYPE html>\r\n<html><head><title>T</title></head>\r\n\
                     <body><h1>Deal</h1>\r\n<p>Spotify paid &pound;4,500.</p>\r\n\
                     <pre>a\r\nb</pre></body></html>";
        assert_eq!(
            document_text(html, Some("dir/story.html")),
            Ok("Deal\n\nSpotify paid £4,500.\n\na\nb".into())
        );
        assert_eq!(
            document_text(b"<p>x</p>", Some("STORY.Htm")),
            Ok("x".into())
        );
        // Not an HTML name: the markup is text.
        assert_eq!(
            document_text(b"<p>x</p>", Some("story.txt")),
            Ok("<p>x</p>".into())
        );
        assert_eq!(document_text(b"<p>x</p>", None), Ok("<p>x</p>".into()));
    }

    #[test]
    fn invalid_utf8_names_the_file_and_offset() {
        let err = document_text(b"ok \xC3\x28 rest", Some("news/a.txt"));
        assert_eq!(
            err,
            Err(InputError::InvalidUtf8 {
                file_name: Some("news/a.txt".into()),
                offset: 3,
                byte: 0xC3,
                truncated: false,
            })
        );
        let message = err.map_err(|e| e.to_string()).err().unwrap_or_default();
        assert!(
            message.starts_with("news/a.txt: not valid UTF-8"),
            "{message}"
        );
        assert!(message.contains("byte offset 3"), "{message}");
        assert!(message.contains("0xC3"), "{message}");
    }

    #[test]
    fn truncated_character_at_the_end() {
        let bytes = "é😀".as_bytes();
        let cut = &bytes[..bytes.len() - 1];
        let err = document_text(cut, None);
        assert!(matches!(
            err,
            Err(InputError::InvalidUtf8 {
                offset: 2,
                byte: 0xF0,
                truncated: true,
                ..
            })
        ));
        let message = err.map_err(|e| e.to_string()).err().unwrap_or_default();
        assert!(
            message.starts_with("standard input: not valid UTF-8"),
            "{message}"
        );
        assert!(message.contains("ends inside a character"), "{message}");
    }

    #[test]
    fn utf16_is_recognised() {
        let err = document_text(b"\xFF\xFEa\x00b\x00", Some("w.txt"));
        assert_eq!(
            err,
            Err(InputError::Utf16 {
                file_name: Some("w.txt".into())
            })
        );
        let message = err.map_err(|e| e.to_string()).err().unwrap_or_default();
        assert!(message.contains("UTF-16"), "{message}");
    }

    #[test]
    fn html_names() {
        assert!(is_html_name("a.html"));
        assert!(is_html_name("a.HTM"));
        assert!(!is_html_name("a.xhtml.txt"));
        assert!(!is_html_name("html"));
        assert!(!is_html_name("-"));
    }
}
