//! The scorer: exact-span matching with conlleval semantics.
//!
//! - A prediction is **correct** when a gold span of the same document has the same start, the
//!   same end and the same label. Each gold span matches at most one prediction.
//! - Per label: precision = correct / predicted, recall = correct / gold, F1 their harmonic
//!   mean (0 when undefined, as conlleval prints). *Overall* is the micro average: the counts
//!   summed over labels.
//! - *Span only* ignores the label: boundaries alone must match.
//! - Quotes: *kind* accuracy is the share of matched quotations whose kind (speech or term)
//!   equals the gold's, over matched quotations with a gold kind. *Speaker* accuracy is the
//!   share of matched speech quotations with a gold speaker whose predicted speaker overlaps an
//!   accepted gold speaker span (or has the same text as the first one: another mention of the
//!   same name); a missing predicted speaker is wrong. *Cue* accuracy is the share of matched
//!   speech quotations with a gold cue whose predicted cue's words occur, in order, in the
//!   gold cue ([`cue_right`]: `said` matches `said Monday`).
//! - A prediction that does not lie on the gold tokenisation (CoNLL) counts as predicted and
//!   can never be correct.

use super::GoldSpan;
use crate::annotation::{Label, Layer, QuoteKind};
use crate::span::Span;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// One predicted span, ready to score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pred {
    /// The covered bytes.
    pub span: Span,
    /// The label name.
    pub label: String,
    /// Quotes: speech or term.
    pub kind: Option<QuoteKind>,
    /// Quotes: the predicted speaker.
    pub speaker: Option<Span>,
    /// Quotes: the predicted cue.
    pub cue: Option<String>,
    /// False when the span does not start and end on gold token boundaries.
    pub aligned: bool,
}

/// One document's gold and predicted spans of the layer being scored.
#[derive(Debug, Clone)]
pub struct DocPair<'a> {
    /// The document text (for speaker texts and mismatch listings).
    pub text: &'a str,
    /// Gold spans.
    pub gold: Vec<GoldSpan>,
    /// Predicted spans.
    pub pred: Vec<Pred>,
}

/// Counts and precision, recall and F1 for one label or overall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Score {
    /// Gold spans.
    pub gold: usize,
    /// Predicted spans.
    pub pred: usize,
    /// Correct predictions.
    pub correct: usize,
    /// correct / pred (0 when nothing was predicted).
    pub precision: f64,
    /// correct / gold (0 when there is no gold span).
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

impl Score {
    /// The figures for these counts.
    pub fn from_counts(gold: usize, pred: usize, correct: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(correct, pred);
        let recall = ratio(correct, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Score {
            gold,
            pred,
            correct,
            precision,
            recall,
            f1,
        }
    }
}

/// The score of one label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelScore {
    /// The label name.
    pub label: String,
    /// Its figures.
    #[serde(flatten)]
    pub score: Score,
}

/// An accuracy over a number of cases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Ratio {
    /// Cases counted.
    pub total: usize,
    /// Cases right.
    pub correct: usize,
    /// correct / total (0 when there is no case).
    pub accuracy: f64,
}

impl Ratio {
    /// The accuracy for these counts.
    pub fn from_counts(total: usize, correct: usize) -> Self {
        Ratio {
            total,
            correct,
            accuracy: if total == 0 {
                0.0
            } else {
                correct as f64 / total as f64
            },
        }
    }
}

/// One disagreement between the gold and the engine, for reading errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    /// Index of the document in the set.
    pub doc: usize,
    /// `missed` (gold only), `spurious` (prediction only), `speaker`, `kind` or `cue` (a
    /// matched quote with a wrong speaker, kind or cue).
    pub what: String,
    /// The label of the gold span (missed, speaker, kind) or of the prediction (spurious).
    pub label: String,
    /// Byte start in the document text.
    pub start: usize,
    /// The covered text.
    pub text: String,
    /// Details: the expected and found speaker or kind.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The figures of one layer on one gold set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The dataset's name, set by the caller (empty by default).
    pub dataset: String,
    /// The layer scored.
    pub layer: Layer,
    /// Documents scored.
    pub documents: usize,
    /// Per-label figures: our labels in legend order, then others alphabetically.
    pub labels: Vec<LabelScore>,
    /// Micro average over every label.
    pub overall: Score,
    /// Boundaries only, labels ignored.
    pub span_only: Score,
    /// Quotes: speaker accuracy over matched speech quotations with a gold speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Ratio>,
    /// Quotes: kind accuracy over matched quotations with a gold kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Ratio>,
    /// Quotes: cue accuracy over matched speech quotations with a gold cue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Ratio>,
    /// Predictions not on the gold tokenisation (CoNLL), counted as wrong.
    pub unaligned: usize,
    /// Every disagreement, in document order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mismatches: Vec<Mismatch>,
}

/// Per-label counts being summed.
#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    pred: usize,
    correct: usize,
}

/// Scores documents of one layer. `documents` is set to `docs.len()`.
pub fn score(docs: &[DocPair<'_>], layer: Layer) -> Report {
    let mut per_label: BTreeMap<String, Counts> = BTreeMap::new();
    let mut span_only = Counts::default();
    let (mut speaker_total, mut speaker_ok) = (0usize, 0usize);
    let (mut kind_total, mut kind_ok) = (0usize, 0usize);
    let (mut cue_total, mut cue_ok) = (0usize, 0usize);
    let mut unaligned = 0usize;
    let mut mismatches = Vec::new();

    for (d, doc) in docs.iter().enumerate() {
        for g in &doc.gold {
            per_label.entry(g.label.clone()).or_default().gold += 1;
        }
        for p in &doc.pred {
            per_label.entry(p.label.clone()).or_default().pred += 1;
            unaligned += usize::from(!p.aligned);
        }
        span_only.gold += doc.gold.len();
        span_only.pred += doc.pred.len();

        // Typed matching: (start, end, label) → unused predictions.
        let mut open: HashMap<(usize, usize, &str), Vec<usize>> = HashMap::new();
        for (i, p) in doc.pred.iter().enumerate().rev() {
            if p.aligned {
                open.entry((p.span.start, p.span.end, p.label.as_str()))
                    .or_default()
                    .push(i);
            }
        }
        let mut pred_matched = vec![false; doc.pred.len()];
        for g in &doc.gold {
            let key = (g.span.start, g.span.end, g.label.as_str());
            let Some(i) = open.get_mut(&key).and_then(Vec::pop) else {
                mismatches.push(mismatch(
                    d,
                    "missed",
                    &g.label,
                    g.span,
                    doc.text,
                    String::new(),
                ));
                continue;
            };
            pred_matched[i] = true;
            per_label.entry(g.label.clone()).or_default().correct += 1;
            let Some(p) = doc.pred.get(i) else { continue };
            if let Some(kind) = g.kind {
                kind_total += 1;
                if p.kind == Some(kind) {
                    kind_ok += 1;
                } else {
                    let note = format!(
                        "gold {}, found {}",
                        kind.as_str(),
                        p.kind.map_or("none", QuoteKind::as_str)
                    );
                    mismatches.push(mismatch(d, "kind", &g.label, g.span, doc.text, note));
                }
            }
            if let Some(cue) = g.cue.as_deref().filter(|_| g.kind != Some(QuoteKind::Term)) {
                cue_total += 1;
                if p.cue.as_deref().is_some_and(|c| cue_right(c, cue)) {
                    cue_ok += 1;
                } else {
                    let note = format!(
                        "gold “{cue}”, found “{}”",
                        p.cue.as_deref().unwrap_or("none")
                    );
                    mismatches.push(mismatch(d, "cue", &g.label, g.span, doc.text, note));
                }
            }
            if !g.speakers.is_empty() && g.kind != Some(QuoteKind::Term) {
                speaker_total += 1;
                if speaker_right(doc.text, &g.speakers, p.speaker) {
                    speaker_ok += 1;
                } else {
                    let gold_text = g.speakers.first().map_or("", |s| s.slice(doc.text));
                    let found = p.speaker.map_or("none", |s| s.slice(doc.text));
                    let note = format!("gold “{gold_text}”, found “{found}”");
                    mismatches.push(mismatch(d, "speaker", &g.label, g.span, doc.text, note));
                }
            }
        }
        for (p, matched) in doc.pred.iter().zip(&pred_matched) {
            if !matched {
                let note = if p.aligned {
                    String::new()
                } else {
                    "not on token boundaries".to_string()
                };
                mismatches.push(mismatch(d, "spurious", &p.label, p.span, doc.text, note));
            }
        }

        // Untyped matching: boundaries only.
        let mut spans: HashMap<(usize, usize), usize> = HashMap::new();
        for p in doc.pred.iter().filter(|p| p.aligned) {
            *spans.entry((p.span.start, p.span.end)).or_default() += 1;
        }
        for g in &doc.gold {
            if let Some(n) = spans.get_mut(&(g.span.start, g.span.end)) {
                if *n > 0 {
                    *n -= 1;
                    span_only.correct += 1;
                }
            }
        }
    }
    mismatches.sort_by_key(|m| (m.doc, m.start));

    let mut names: Vec<&String> = per_label.keys().collect();
    names.sort_by_key(|n| {
        let pos = Label::ALL.iter().position(|l| l.as_str() == n.as_str());
        (pos.unwrap_or(usize::MAX), n.to_string())
    });
    let mut total = Counts::default();
    let labels = names
        .into_iter()
        .map(|n| {
            let c = per_label.get(n).copied().unwrap_or_default();
            total.gold += c.gold;
            total.pred += c.pred;
            total.correct += c.correct;
            LabelScore {
                label: n.clone(),
                score: Score::from_counts(c.gold, c.pred, c.correct),
            }
        })
        .collect();
    let is_quote = layer == Layer::Quote;
    Report {
        dataset: String::new(),
        layer,
        documents: docs.len(),
        labels,
        overall: Score::from_counts(total.gold, total.pred, total.correct),
        span_only: Score::from_counts(span_only.gold, span_only.pred, span_only.correct),
        speaker: is_quote.then(|| Ratio::from_counts(speaker_total, speaker_ok)),
        kind: (is_quote && kind_total > 0).then(|| Ratio::from_counts(kind_total, kind_ok)),
        cue: (is_quote && cue_total > 0).then(|| Ratio::from_counts(cue_total, cue_ok)),
        unaligned,
        mismatches,
    }
}

/// True when `found` overlaps one of the accepted gold speaker spans, or has the text of the
/// first one.
pub fn speaker_right(text: &str, accepted: &[Span], found: Option<Span>) -> bool {
    let Some(found) = found else {
        return false;
    };
    if accepted.iter().any(|s| s.overlaps(&found)) {
        return true;
    }
    let found_text = found.slice(text).trim();
    !found_text.is_empty()
        && accepted
            .first()
            .is_some_and(|s| s.slice(text).trim() == found_text)
}

/// True when the words of `found` appear in order and contiguous among the words of `gold`
/// (case and punctuation ignored): the engine's `said` matches a gold cue `said Monday` or
/// `said:`. An empty `found` never matches.
pub fn cue_right(found: &str, gold: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .map(|w| {
                w.trim_matches(|c: char| c == '\'' || c == '’')
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (f, g) = (words(found), words(gold));
    !f.is_empty() && g.windows(f.len()).any(|w| w == f.as_slice())
}

fn mismatch(doc: usize, what: &str, label: &str, span: Span, text: &str, note: String) -> Mismatch {
    Mismatch {
        doc,
        what: what.to_string(),
        label: label.to_string(),
        start: span.start,
        text: span.slice(text).to_string(),
        note,
    }
}
