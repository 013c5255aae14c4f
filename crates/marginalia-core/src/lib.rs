//! Marginalia's analysis engine: finds named entities, quotations and numbers in news text.
//!
//! Pure Rust with no browser dependencies: the web app, the `marginalia` CLI and the tests all
//! call [`analyze`], and [`export`] turns its result into the `marginalia/annotations@1` JSON.
//!
//! ```
//! let text = "“We are committed to artists,” said Spotify, which paid $6bn last year.";
//! let analysis = marginalia_core::analyze(text);
//! for a in analysis.iter() {
//!     println!("{} {:?}", a.label.as_str(), a.span.slice(text));
//! }
//! ```

#![deny(missing_docs)]

pub mod annotation;
pub mod corrections;
pub mod entities;
pub mod eval;
pub mod export;
pub mod formats;
pub mod html;
pub mod import;
pub mod input;
pub mod markup;
pub mod numbers;
pub mod offsets;
pub mod quotes;
pub mod span;
pub mod summary;
pub mod text;

pub use annotation::{Analysis, Annotation, Label, Layer, QuoteInfo, QuoteKind, Value};
pub use entities::{EntityRecognizer, HybridRecognizer, RuleRecognizer};
pub use span::Span;
pub use text::TextIndex;

/// Analyses `text` with the default recognizers (entities: [`HybridRecognizer`], the trained
/// model over the rules). Never panics; any UTF-8 text is accepted.
pub fn analyze(text: &str) -> Analysis {
    analyze_with(text, &HybridRecognizer)
}

/// Builds the engine's lexicons now (they are otherwise built on first use), so that the first
/// real analysis is as fast as the others. The page calls it once, after its first paint.
pub fn warm_up() {
    let _ = analyze("Mr Ed Smith of Acme Ltd said: “We paid $6bn, 12% more, in London on 3 May.”");
}

/// Analyses `text` with a chosen entity recognizer.
pub fn analyze_with(text: &str, recognizer: &dyn EntityRecognizer) -> Analysis {
    let index = TextIndex::new(text);
    let entities = recognizer.recognize(&index);
    let numbers = numbers::recognize(&index);
    let quotes = quotes::recognize(&index, &entities);
    Analysis {
        entities,
        numbers,
        quotes,
    }
}
