//! The model's tags: `O` and `B-`/`I-` of PER, ORG, LOC and MISC, as small integers.
//!
//! Tag 0 is `O`; label `l` (PER 0, ORG 1, LOC 2, MISC 3) has `B-` = `1 + 2l` and `I-` = `2 + 2l`.
//!
//! ```
//! use marginalia_core::entities::model::labels::{tag_name, tag_of};
//! assert_eq!(tag_name(tag_of(1, false)), "B-ORG");
//! assert_eq!(tag_name(tag_of(0, true)), "I-PER");
//! ```

use crate::annotation::Label;

/// Number of tags: `O` plus `B-`/`I-` of four labels.
pub const NUM_TAGS: usize = 9;

/// The labels in tag order.
pub const LABELS: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Misc];

/// The tag of label index `l` (0..4), inside (`I-`) or beginning (`B-`) a span.
pub fn tag_of(l: u8, inside: bool) -> u8 {
    1 + 2 * (l % 4) + u8::from(inside)
}

/// The label of a tag (`None` for `O` and out-of-range tags).
pub fn label_of(tag: u8) -> Option<Label> {
    if tag == 0 {
        return None;
    }
    LABELS.get(usize::from((tag - 1) / 2)).copied()
}

/// True for an `I-` tag.
pub const fn is_inside(tag: u8) -> bool {
    tag != 0 && (tag - 1) % 2 == 1
}

/// The label index of a tag as [`label_of`] reads it, `u8::MAX` for `O` and out-of-range
/// tags (usable in constants).
const fn label_number(tag: u8) -> u8 {
    if tag == 0 || tag as usize >= NUM_TAGS {
        u8::MAX
    } else {
        (tag - 1) / 2
    }
}

/// May `next` follow `prev` (`None`: the start of a sentence)? `I-X` only continues `B-X` or
/// `I-X`.
pub const fn allowed(prev: Option<u8>, next: u8) -> bool {
    if !is_inside(next) {
        return true;
    }
    match prev {
        Some(p) => p != 0 && label_number(p) == label_number(next),
        None => false,
    }
}

/// The tag's name: `O`, `B-PER`, `I-MISC`... (`?` when out of range).
pub fn tag_name(tag: u8) -> &'static str {
    const NAMES: [&str; NUM_TAGS] = [
        "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
    ];
    NAMES.get(usize::from(tag)).copied().unwrap_or("?")
}
