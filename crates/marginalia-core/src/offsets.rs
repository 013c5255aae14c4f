//! Converting byte offsets to Unicode code points and UTF-16 code units, in one place.
//!
//! The engine works in UTF-8 bytes; the export speaks code points (Python's `text[start:end]`)
//! and UTF-16 (JavaScript's `text.slice(start, end)`).
//!
//! ```
//! use marginalia_core::offsets::OffsetMap;
//! let text = "😀 Spotify";
//! let map = OffsetMap::new(text);
//! assert_eq!(map.chars(5), 2); // the emoji is 4 bytes, 1 code point...
//! assert_eq!(map.utf16(5), 3); // ...and 2 UTF-16 units
//! ```

/// How many bytes apart the map keeps checkpoints.
const STRIDE: usize = 256;

/// A lookup table from byte offsets to code-point and UTF-16 offsets.
///
/// It keeps one checkpoint per [`STRIDE`] bytes, so a lookup scans at most `STRIDE` bytes and
/// the table stays small for multi-megabyte texts.
#[derive(Debug, Clone)]
pub struct OffsetMap<'a> {
    text: &'a str,
    /// `(byte, chars, utf16)` at char boundaries at or just after each multiple of `STRIDE`.
    checkpoints: Vec<(usize, usize, usize)>,
}

impl<'a> OffsetMap<'a> {
    /// Builds the table for `text` in one pass.
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let (mut chars, mut utf16) = (0usize, 0usize);
        let mut next = 0usize;
        for (byte, c) in text.char_indices() {
            if byte >= next {
                checkpoints.push((byte, chars, utf16));
                next = byte + STRIDE;
            }
            chars += 1;
            utf16 += c.len_utf16();
        }
        checkpoints.push((text.len(), chars, utf16));
        OffsetMap { text, checkpoints }
    }

    /// `(chars, utf16)` at byte offset `byte`. A byte offset inside a character is rounded down
    /// to that character's start; one past the end is clamped to the text's length.
    pub fn both(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.text.len());
        let i = match self.checkpoints.binary_search_by(|c| c.0.cmp(&byte)) {
            Ok(i) => return (self.checkpoints[i].1, self.checkpoints[i].2),
            Err(i) => i.saturating_sub(1),
        };
        let (start, mut chars, mut utf16) = self.checkpoints[i];
        let tail = self.text.get(start..).unwrap_or("");
        for (offset, c) in tail.char_indices() {
            if start + offset + c.len_utf8() > byte {
                break;
            }
            chars += 1;
            utf16 += c.len_utf16();
        }
        (chars, utf16)
    }

    /// Code-point offset of byte offset `byte`.
    pub fn chars(&self, byte: usize) -> usize {
        self.both(byte).0
    }

    /// UTF-16 offset of byte offset `byte`.
    pub fn utf16(&self, byte: usize) -> usize {
        self.both(byte).1
    }

    /// Total length in code points.
    pub fn total_chars(&self) -> usize {
        self.checkpoints.last().map_or(0, |c| c.1)
    }

    /// Total length in UTF-16 code units.
    pub fn total_utf16(&self) -> usize {
        self.checkpoints.last().map_or(0, |c| c.2)
    }
}

/// Byte offset of code-point offset `chars` in `text`, or `None` when it is past the end.
pub fn byte_of_char(text: &str, chars: usize) -> Option<usize> {
    if chars == 0 {
        return Some(0);
    }
    match text.char_indices().nth(chars) {
        Some((b, _)) => Some(b),
        None if text.chars().count() == chars => Some(text.len()),
        None => None,
    }
}

/// Byte offset of UTF-16 offset `units` in `text` (a JavaScript string index, such as a DOM
/// selection's). An offset inside a surrogate pair is rounded down to the character's start;
/// `None` when it is past the end.
///
/// ```
/// use marginalia_core::offsets::byte_of_utf16;
/// assert_eq!(byte_of_utf16("😀a", 2), Some(4));
/// assert_eq!(byte_of_utf16("😀a", 1), Some(0));
/// assert_eq!(byte_of_utf16("😀a", 4), None);
/// ```
pub fn byte_of_utf16(text: &str, units: usize) -> Option<usize> {
    let mut seen = 0usize;
    for (byte, c) in text.char_indices() {
        let width = c.len_utf16();
        if seen + width > units {
            return Some(byte);
        }
        seen += width;
    }
    (seen == units).then_some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_identity() {
        let map = OffsetMap::new("hello world");
        assert_eq!(map.both(6), (6, 6));
        assert_eq!(map.total_chars(), 11);
    }

    #[test]
    fn emoji_and_euro_counted_per_encoding() {
        // 😀 = 4 bytes / 1 char / 2 utf16; € = 3 bytes / 1 char / 1 utf16.
        let text = "😀€a";
        let map = OffsetMap::new(text);
        assert_eq!(map.both(0), (0, 0));
        assert_eq!(map.both(4), (1, 2));
        assert_eq!(map.both(7), (2, 3));
        assert_eq!(map.both(8), (3, 4));
        assert_eq!((map.total_chars(), map.total_utf16()), (3, 4));
    }

    #[test]
    fn long_text_crosses_checkpoints() {
        let text = "é😀x".repeat(300);
        let map = OffsetMap::new(&text);
        for (byte, _) in text.char_indices() {
            let prefix = &text[..byte];
            assert_eq!(
                map.both(byte),
                (prefix.chars().count(), prefix.encode_utf16().count())
            );
        }
    }

    #[test]
    fn byte_of_char_round_trips() {
        let text = "a😀b";
        assert_eq!(byte_of_char(text, 0), Some(0));
        assert_eq!(byte_of_char(text, 2), Some(5));
        assert_eq!(byte_of_char(text, 3), Some(6));
        assert_eq!(byte_of_char(text, 4), None);
    }
}
