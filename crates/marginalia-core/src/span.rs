//! Byte spans into the analysed text.
//!
//! Every recognizer works in UTF-8 byte offsets of the Rust `&str`; the export converts to code
//! points and UTF-16 in one place ([`crate::offsets`]).
//!
//! ```
//! use marginalia_core::Span;
//! let text = "Hello Spotify";
//! let span = Span::new(6, 13);
//! assert_eq!(span.slice(text), "Spotify");
//! ```

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a text.
///
/// Invariant (checked by [`Span::is_valid_in`]): `start <= end <= text.len()` and both ends lie on
/// `char` boundaries of the text the span was made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Makes a span. `start` must not exceed `end` (debug-asserted).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} > end {end}");
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The covered text. Returns `""` if the span does not fit `text` (never panics).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when the span lies inside `text` with both ends on `char` boundaries.
    pub fn is_valid_in(&self, text: &str) -> bool {
        self.start <= self.end
            && self.end <= text.len()
            && text.is_char_boundary(self.start)
            && text.is_char_boundary(self.end)
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}
