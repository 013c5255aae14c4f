//! Measuring accuracy: gold-data readers and a conlleval-style scorer.
//!
//! Each reader turns one gold format into [`GoldDoc`]s (a text and its gold spans), then
//! [`evaluate`] runs [`crate::analyze`] on every text and scores one layer:
//!
//! - [`conll`]: CoNLL-style column files (`token … tag`, BIO/IOB2, IOB1 or IOBES,
//!   `-DOCSTART-`), entity layer. The text is rebuilt from the tokens.
//! - [`gold_json`]: our own `marginalia/annotations@1` export, any layer.
//! - [`brat`]: brat standoff attribution files (PolNeAR: Source / Cue / Content), quote layer:
//!   direct quotations and their speakers.
//!
//! Scoring ([`score`]) follows conlleval: a predicted span counts only when both boundaries and
//! the label equal a gold span's. Per label and overall (micro-averaged) precision, recall and
//! F1, an untyped *span only* figure (boundaries only), and for quotes the speaker, kind and
//! cue accuracy over the matched quotations.
//!
//! Everything here is pure: callers read the files and pass their contents in. Malformed gold
//! data gives an [`EvalError`] naming the file and line; nothing panics.
//!
//! ```
//! use marginalia_core::eval::{conll, evaluate};
//! use marginalia_core::Layer;
//! let set = conll::read("tiny.conll", "Spotify B-ORG\npaid O\nDaniel B-PER\nEk I-PER\n").unwrap();
//! assert_eq!(set.docs[0].text, "Spotify paid Daniel Ek");
//! let report = evaluate(&set, Layer::Entity);
//! assert_eq!(report.overall.gold, 2);
//! ```

pub mod brat;
pub mod conll;
pub mod gold_json;
pub mod score;
#[cfg(test)]
mod tests;

use crate::annotation::{Analysis, Label, Layer, QuoteKind};
use crate::span::Span;
use serde::Serialize;
use std::fmt;

pub use score::{Ratio, Report, Score};

/// One gold (or predicted) span of a document, in UTF-8 byte offsets of [`GoldDoc::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSpan {
    /// The covered bytes. For quotes: the quoted words without the quote marks.
    pub span: Span,
    /// The label as scored: `PER`, `MONEY`, `QUOTE`... Gold labels a reader cannot map keep
    /// their own (upper-cased) name, so they show up in the table and never match.
    pub label: String,
    /// Quotes: speech or term, when known.
    pub kind: Option<QuoteKind>,
    /// Quotes: the spans that count as the right speaker (empty when the gold names none).
    /// A predicted speaker is right when it overlaps one of them, or when its text equals the
    /// text of the first one (another mention of the same name).
    pub speakers: Vec<Span>,
    /// Quotes: the cue as written (`said`, `according to`), when the gold gives one.
    pub cue: Option<String>,
}

impl GoldSpan {
    /// A span with a label and nothing else.
    pub fn new(span: Span, label: impl Into<String>) -> Self {
        GoldSpan {
            span,
            label: label.into(),
            kind: None,
            speakers: Vec::new(),
            cue: None,
        }
    }
}

/// One gold document: its text, gold spans and (for CoNLL) the gold tokenisation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldDoc {
    /// A name for messages: `file` or `file#3` (the third document of a file).
    pub name: String,
    /// The text the spans refer to, analysed as is.
    pub text: String,
    /// Gold spans of every layer, sorted by start.
    pub spans: Vec<GoldSpan>,
    /// The gold tokens (CoNLL only; empty otherwise). When present, predicted spans that do
    /// not start and end on token boundaries can never match (conlleval compares token tags).
    pub tokens: Vec<Span>,
    /// Where quoted terms are scored in a [`GoldSet::speech_only`] set (brat: the Content
    /// pieces of every attribution): a term the engine finds inside is scored like speech.
    pub scope: Vec<Span>,
}

/// A set of gold documents read from one or more files, and what they annotate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldSet {
    /// The documents.
    pub docs: Vec<GoldDoc>,
    /// The layers the gold annotates. Layers not listed are not scored.
    pub layers: Vec<Layer>,
    /// The labels the gold can contain, when the format says (CoNLL: the mapped labels of its
    /// tag set). Predictions with other labels are ignored: a corpus without MISC does not
    /// count the engine's MISC spans as errors. `None`: every label is scored.
    pub labels: Option<Vec<String>>,
    /// Score the engine's speech quotations, and its quoted terms only inside a document's
    /// [`GoldDoc::scope`] (PolNeAR annotates attributions, so a scare quote outside them is not
    /// an error there).
    pub speech_only: bool,
    /// The tagging scheme seen (CoNLL): `IOB2`, `IOB1` or `IOBES`.
    pub scheme: Option<String>,
}

impl GoldSet {
    /// Appends another set's documents, layers and labels (several files of one dataset).
    pub fn extend(&mut self, other: GoldSet) {
        self.docs.extend(other.docs);
        for layer in other.layers {
            if !self.layers.contains(&layer) {
                self.layers.push(layer);
            }
        }
        self.layers.sort();
        self.labels = match (self.labels.take(), other.labels) {
            (Some(mut a), Some(b)) => {
                for l in b {
                    if !a.contains(&l) {
                        a.push(l);
                    }
                }
                Some(a)
            }
            _ => None,
        };
        self.speech_only |= other.speech_only;
        if self.scheme.is_none() || other.scheme.as_deref() == Some("IOB1") {
            self.scheme = other.scheme.or(self.scheme.take());
        }
    }
}

/// A malformed gold file: which file, which line (1-based; 0 when not tied to a line) and what
/// is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvalError {
    /// The file name as given to the reader.
    pub file: String,
    /// The 1-based line, or 0.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl EvalError {
    /// An error at `line` of `file`.
    pub fn new(file: &str, line: usize, message: impl Into<String>) -> Self {
        EvalError {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

impl std::error::Error for EvalError {}

/// Scores the engine ([`crate::analyze`]) on `set`'s documents for one layer.
pub fn evaluate(set: &GoldSet, layer: Layer) -> Report {
    evaluate_with(set, layer, &crate::analyze)
}

/// Scores any analyser on `set` for one layer: `analyze` is called once per document.
pub fn evaluate_with(set: &GoldSet, layer: Layer, analyze: &dyn Fn(&str) -> Analysis) -> Report {
    let mut docs = Vec::with_capacity(set.docs.len());
    for doc in &set.docs {
        let analysis = analyze(&doc.text);
        let gold: Vec<GoldSpan> = doc
            .spans
            .iter()
            .filter(|g| scored_layer(&g.label) == layer)
            .cloned()
            .collect();
        let pred = predictions(doc, set, layer, &analysis);
        docs.push(score::DocPair {
            text: &doc.text,
            gold,
            pred,
        });
    }
    let mut report = score::score(&docs, layer);
    report.documents = set.docs.len();
    report
}

/// The layer a gold label is scored in: its own for our labels; for labels that are not ours
/// (an unknown CoNLL type), the number layer for `TIME` (OntoNotes) and the entity layer for
/// anything else. They never match a prediction.
pub fn scored_layer(name: &str) -> Layer {
    label_layer(name).unwrap_or(if name == "TIME" {
        Layer::Number
    } else {
        Layer::Entity
    })
}

/// The layer of a label name (`"PER"` → entity), `None` for names that are not ours.
pub fn label_layer(name: &str) -> Option<Layer> {
    Label::ALL
        .iter()
        .find(|l| l.as_str() == name)
        .map(|l| l.layer())
}

/// The engine's spans of one layer as scorable spans: filtered by the set's label list and
/// speech-only rule, and on token boundaries when the gold has tokens.
fn predictions(
    doc: &GoldDoc,
    set: &GoldSet,
    layer: Layer,
    analysis: &Analysis,
) -> Vec<score::Pred> {
    analysis
        .layer(layer)
        .iter()
        .filter(|a| {
            set.labels
                .as_ref()
                .is_none_or(|ls| ls.iter().any(|l| l == a.label.as_str()))
        })
        .filter(|a| {
            let term = a.quote.as_ref().is_some_and(|q| q.kind == QuoteKind::Term);
            !(set.speech_only && term && !doc.scope.iter().any(|s| s.contains(&a.span)))
        })
        .map(|a| score::Pred {
            span: a.span,
            label: a.label.as_str().to_string(),
            kind: a.quote.as_ref().map(|q| q.kind),
            speaker: a.quote.as_ref().and_then(|q| q.speaker),
            cue: a.quote.as_ref().and_then(|q| q.cue.clone()),
            aligned: doc.tokens.is_empty() || on_token_boundaries(&doc.tokens, a.span),
        })
        .collect()
}

/// True when `span` starts at a token's start and ends at a token's end (`tokens` sorted).
pub fn on_token_boundaries(tokens: &[Span], span: Span) -> bool {
    tokens
        .binary_search_by(|t| t.start.cmp(&span.start))
        .is_ok()
        && tokens
            .binary_search_by(|t| t.end.cmp(&span.end))
            .is_ok_and(|i| tokens.get(i).is_some_and(|t| t.end == span.end))
}

/// Byte offsets of every code point of `text`, plus `text.len()` at the end: entry `i` is the
/// byte offset of code point `i`.
pub(crate) fn char_byte_offsets(text: &str) -> Vec<usize> {
    let mut offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    offsets.push(text.len());
    offsets
}

/// The byte span of code points `start..end`, if it fits.
pub(crate) fn byte_span(offsets: &[usize], start: usize, end: usize) -> Option<Span> {
    if start > end {
        return None;
    }
    Some(Span::new(*offsets.get(start)?, *offsets.get(end)?))
}

/// Reports as pretty-printed JSON, `{"reports": [...]}`, with a final newline.
pub fn reports_to_json(reports: &[Report]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        reports: &'a [Report],
    }
    let mut out = serde_json::to_string_pretty(&Out { reports }).unwrap_or_else(|_| "{}".into());
    out.push('\n');
    out
}
