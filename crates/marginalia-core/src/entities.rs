//! The entity layer: people, organisations, places and other names.
//!
//! Recognizers sit behind [`EntityRecognizer`] so that the rule-based recognizer of v1 and a
//! trained model can be swapped or combined. The rules live in small modules whose pieces a
//! model can reuse as features or overrides:
//!
//! - [`gazetteer`]: the name lists (`lexicon/entities_*.txt`): places, organisations, other
//!   names and demonyms, well-known people, given names, stop words and cue words (titles,
//!   organisation and place suffixes, appositive nouns).
//! - [`rules`]: sentence styles (all-caps, title-case), document evidence for sentence-initial
//!   words, capitalised runs with connectors, and the classification rules.
//! - [`model`]: the trained sequence labeller (averaged perceptron, Viterbi) whose features
//!   include the gazetteer and the rules' output; [`HybridRecognizer`], the default, runs it
//!   and keeps the rules' answers where they are better.
//!
//! Labels follow CoNLL-2003: PER for people, ORG for organisations, LOC for places, MISC for
//! other names (nationalities such as `British`, events, works, laws, products).
//!
//! ```
//! use marginalia_core::{EntityRecognizer, Label, RuleRecognizer, TextIndex};
//! let text = "Ed Newton-Rex, a British composer, met Naomi Pohl of the Musicians’ Union.";
//! let found = RuleRecognizer.recognize(&TextIndex::new(text));
//! let got: Vec<(Label, &str)> = found.iter().map(|a| (a.label, a.span.slice(text))).collect();
//! assert_eq!(
//!     got,
//!     [
//!         (Label::Per, "Ed Newton-Rex"),
//!         (Label::Misc, "British"),
//!         (Label::Per, "Naomi Pohl"),
//!         (Label::Org, "Musicians’ Union"),
//!     ]
//! );
//! ```

pub mod gazetteer;
pub mod model;
pub mod rules;
#[cfg(test)]
mod tests;

use crate::annotation::Annotation;
use crate::text::TextIndex;

/// Something that finds named entities in tokenized text.
pub trait EntityRecognizer {
    /// Returns PER / ORG / LOC / MISC spans, sorted by start and non-overlapping, on token
    /// boundaries of `index`.
    fn recognize(&self, index: &TextIndex<'_>) -> Vec<Annotation>;
}

/// The rule- and lexicon-based recognizer.
///
/// Spans start on a token boundary and end on one, except that a trailing possessive is left
/// out (`Spotify’s` gives `Spotify`). Titles stay outside a person's span (`Mr Smith` gives
/// `Smith`). Never panics; linear in the length of the text.
#[derive(Debug, Default, Clone, Copy)]
pub struct RuleRecognizer;

impl EntityRecognizer for RuleRecognizer {
    fn recognize(&self, index: &TextIndex<'_>) -> Vec<Annotation> {
        rules::recognize(index)
    }
}

/// The default recognizer: the trained model ([`model`]) over the rules' output, with the
/// rules' answers kept where they are known to be better. Falls back to [`RuleRecognizer`]
/// alone if the embedded model cannot be read (a build defect that a test guards against).
///
/// Never panics; linear in the length of the text.
#[derive(Debug, Default, Clone, Copy)]
pub struct HybridRecognizer;

impl EntityRecognizer for HybridRecognizer {
    fn recognize(&self, index: &TextIndex<'_>) -> Vec<Annotation> {
        match model::embedded() {
            Ok(m) => model::ModelRecognizer::new(m).recognize(index),
            Err(_) => rules::recognize(index),
        }
    }
}
