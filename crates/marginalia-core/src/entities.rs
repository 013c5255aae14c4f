//! The entity layer: people, organisations, places and other names.
//!
//! Recognizers sit behind [`EntityRecognizer`] so that the rule-based recognizer of v1 and a
//! trained model can be swapped or combined.

use crate::annotation::Annotation;
use crate::text::TextIndex;

/// Something that finds named entities in tokenized text.
pub trait EntityRecognizer {
    /// Returns PER / ORG / LOC / MISC spans, sorted by start and non-overlapping, on token
    /// boundaries of `index`.
    fn recognize(&self, index: &TextIndex<'_>) -> Vec<Annotation>;
}

/// The rule- and lexicon-based recognizer.
#[derive(Debug, Default, Clone, Copy)]
pub struct RuleRecognizer;

impl EntityRecognizer for RuleRecognizer {
    fn recognize(&self, _index: &TextIndex<'_>) -> Vec<Annotation> {
        Vec::new()
    }
}
