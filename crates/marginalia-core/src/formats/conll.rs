//! CoNLL-2003 style tokens with BIO (IOB2) tags of the entity layer.
//!
//! Tokens and sentences come from the engine's own tokenizer ([`crate::text::TextIndex`]), so
//! they are the tokens the recognizers saw. Each token is a line `token<TAB>tag`, where the tag
//! is `B-PER` on the first token of a `PER` entity, `I-PER` on the following ones and `O`
//! outside entities; a blank line ends each sentence. Every document starts with the line
//! `-DOCSTART- -X- -X- O` and a blank line, as in CoNLL-2003. A token only partly inside an
//! entity (the entity ends inside the token) counts as inside it. The number and quote layers
//! are not written.
//!
//! ```
//! use marginalia_core::formats::{conll, Document};
//! use marginalia_core::export::Source;
//! use marginalia_core::{Annotation, Label, Span};
//! let text = "Angela Merkel left.";
//! let ann = [(Annotation::new(Span::new(0, 13), Label::Per), Source::Auto)];
//! assert_eq!(
//!     conll::to_string(&[Document::new("x", text, &ann)]),
//!     "-DOCSTART- -X- -X- O\n\nAngela\tB-PER\nMerkel\tI-PER\nleft\tO\n.\tO\n\n"
//! );
//! ```

use super::Document;
use crate::annotation::{Annotation, Layer};
use crate::text::TextIndex;

/// The line that starts every document.
pub const DOCSTART: &str = "-DOCSTART- -X- -X- O";

/// The CoNLL text of `docs`, one after the other.
pub fn to_string(docs: &[Document]) -> String {
    let mut out = String::new();
    for doc in docs {
        write_document(doc, &mut out);
    }
    out
}

fn write_document(doc: &Document, out: &mut String) {
    out.push_str(DOCSTART);
    out.push_str("\n\n");
    let mut entities: Vec<&Annotation> = doc
        .annotations
        .iter()
        .map(|(a, _)| a)
        .filter(|a| a.layer() == Layer::Entity && a.span.is_valid_in(doc.text))
        .filter(|a| !a.span.is_empty())
        .collect();
    entities.sort_by_key(|a| (a.span.start, a.span.end));
    let index = TextIndex::new(doc.text);
    let tokens = index.tokens();
    let mut next = 0usize; // first entity that may still cover a token
    for sentence in index.sentences() {
        let mut previous: Option<usize> = None; // entity of the previous token
        let mut any = false;
        for token in tokens.get(sentence.tokens.clone()).unwrap_or(&[]) {
            let span = token.span;
            while entities.get(next).is_some_and(|e| e.span.end <= span.start) {
                next += 1;
            }
            let entity = entities
                .get(next)
                .filter(|e| e.span.overlaps(&span))
                .map(|e| (next, e.label.as_str()));
            out.push_str(token.text(doc.text));
            out.push('\t');
            match entity {
                Some((i, label)) => {
                    out.push_str(if previous == Some(i) { "I-" } else { "B-" });
                    out.push_str(label);
                    previous = Some(i);
                }
                None => {
                    out.push('O');
                    previous = None;
                }
            }
            out.push('\n');
            any = true;
        }
        if any {
            out.push('\n');
        }
    }
}
