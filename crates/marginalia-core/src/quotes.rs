//! The quote layer: direct quotations and quoted terms, with their speakers.

use crate::annotation::Annotation;
use crate::text::TextIndex;

/// Finds quotations, sorted by start and non-overlapping. `entities` (the entity layer, sorted)
/// is used to name speakers.
pub fn recognize(_index: &TextIndex<'_>, _entities: &[Annotation]) -> Vec<Annotation> {
    Vec::new()
}
