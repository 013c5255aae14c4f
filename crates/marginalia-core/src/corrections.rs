//! A person's corrections to the engine's annotations, and how they survive re-analysis and
//! edits of the text.
//!
//! Corrections are kept apart from the engine's output: spans the person added or changed
//! ([`Corrections::manual`], exported with `"source": "manual"`) and automatic spans the person
//! deleted ([`Corrections::removed`]). [`merge`] lays them over a fresh analysis: a manual span
//! always wins (an automatic span that overlaps it in the same layer is left out, never
//! duplicated), and a deleted automatic span stays deleted. When the text is edited, [`rebase`]
//! moves every correction with its words, and drops (and counts) those whose words the edit
//! changed.
//!
//! ```
//! use marginalia_core::{analyze, corrections::{merge, Corrections}, Annotation, Label, Span};
//! use marginalia_core::export::Source;
//! let text = "Spotify paid $6bn to Acme.";
//! let mut fixes = Corrections::default();
//! fixes.add(Annotation::new(Span::new(21, 25), Label::Org)); // "Acme"
//! let merged = merge(text, &analyze(text), &fixes);
//! assert!(merged.iter().any(|(a, s)| a.span.slice(text) == "Acme" && *s == Source::Manual));
//! ```

use crate::annotation::{Analysis, Annotation, Layer};
use crate::export::Source;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// An automatic span the person deleted: its layer and bytes. The engine finding the same span in
/// the same layer again does not bring it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Removal {
    /// Layer of the deleted span.
    pub layer: Layer,
    /// Bytes of the deleted span.
    pub span: Span,
}

/// A document's corrections. Serialisable, so the page can keep them in the browser's storage
/// (offsets are bytes of the document's text, stored beside them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Corrections {
    /// Spans added or changed by the person, non-overlapping within a layer.
    #[serde(default)]
    pub manual: Vec<Annotation>,
    /// Automatic spans the person deleted.
    #[serde(default)]
    pub removed: Vec<Removal>,
    /// Automatic annotations that came with an imported file but that this engine does not find
    /// (another version's output, another tool's): kept, and exported as automatic.
    #[serde(default)]
    pub extra: Vec<Annotation>,
}

impl Corrections {
    /// True when there is nothing to correct.
    pub fn is_empty(&self) -> bool {
        self.manual.is_empty() && self.removed.is_empty() && self.extra.is_empty()
    }

    /// The corrections that make [`merge`] of `auto` give exactly `imported` (annotations read
    /// from a file, with their sources): manual ones stay manual, automatic ones the engine also
    /// finds need nothing, other automatic ones are kept as [`Corrections::extra`], and what the
    /// engine finds beyond the file is removed.
    pub fn from_imported(auto: &Analysis, imported: &[(Annotation, Source)]) -> Self {
        let mut out = Corrections::default();
        for (a, source) in imported {
            match source {
                Source::Manual => out.manual.push(a.clone()),
                Source::Auto if auto.layer(a.layer()).contains(a) => {}
                Source::Auto => out.extra.push(a.clone()),
            }
        }
        for layer in Layer::ALL {
            for a in auto.layer(layer) {
                let kept = imported
                    .iter()
                    .any(|(b, source)| *source == Source::Auto && b == a);
                if !kept {
                    out.removed.push(Removal {
                        layer,
                        span: a.span,
                    });
                }
            }
        }
        out.manual
            .sort_by_key(|a| (a.layer(), a.span.start, a.span.end));
        out
    }

    /// Adds a manual span. Manual spans of the same layer that overlap it are replaced; automatic
    /// ones are hidden by [`merge`].
    pub fn add(&mut self, annotation: Annotation) {
        let layer = annotation.layer();
        self.manual
            .retain(|m| m.layer() != layer || !m.span.overlaps(&annotation.span));
        self.manual.push(annotation);
        self.manual
            .sort_by_key(|a| (a.layer(), a.span.start, a.span.end));
    }

    /// Deletes the span of `layer` at `span`: a manual one is dropped, an automatic one recorded
    /// as removed.
    pub fn delete(&mut self, layer: Layer, span: Span, source: Source) {
        match source {
            Source::Manual => self
                .manual
                .retain(|m| !(m.layer() == layer && m.span == span)),
            Source::Auto => {
                let before = self.extra.len();
                self.extra
                    .retain(|m| !(m.layer() == layer && m.span == span));
                let removal = Removal { layer, span };
                if self.extra.len() == before && !self.removed.contains(&removal) {
                    self.removed.push(removal);
                }
            }
        }
    }

    /// Replaces an annotation (relabel, new speaker): the old one is deleted as
    /// [`Corrections::delete`] does (an automatic one stays removed even if the replacement is
    /// deleted later), and the new one is added as a manual span.
    pub fn replace(&mut self, old: &Annotation, source: Source, new: Annotation) {
        self.delete(old.layer(), old.span, source);
        self.add(new);
    }
}

/// The annotations to show and export: the manual spans, plus every automatic span that was not
/// deleted and does not overlap a manual span of its layer. Each layer stays non-overlapping and
/// sorted; spans that do not fit `text` are left out.
pub fn merge(text: &str, auto: &Analysis, corrections: &Corrections) -> Vec<(Annotation, Source)> {
    let mut out: Vec<(Annotation, Source)> =
        Vec::with_capacity(auto.len() + corrections.manual.len());
    for layer in Layer::ALL {
        let manual: Vec<&Annotation> = corrections
            .manual
            .iter()
            .filter(|m| m.layer() == layer && m.span.is_valid_in(text))
            .collect();
        let start = out.len();
        for a in auto.layer(layer) {
            let removed = corrections
                .removed
                .iter()
                .any(|r| r.layer == layer && r.span == a.span);
            let covered = manual.iter().any(|m| m.span.overlaps(&a.span));
            if !removed && !covered {
                out.push((a.clone(), Source::Auto));
            }
        }
        for a in &corrections.extra {
            let covered = manual.iter().any(|m| m.span.overlaps(&a.span));
            if a.layer() == layer && a.span.is_valid_in(text) && !covered {
                out.push((a.clone(), Source::Auto));
            }
        }
        out.extend(manual.into_iter().map(|m| (m.clone(), Source::Manual)));
        out[start..].sort_by_key(|(a, _)| (a.span.start, a.span.end));
    }
    out
}

/// The single edit that turns `old` into `new`: bytes `start..old_end` of `old` became
/// `start..new_end` of `new` (common prefix and suffix kept, on character boundaries).
fn edit_region(old: &str, new: &str) -> (usize, usize, usize) {
    let mut start = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(start) || !new.is_char_boundary(start) {
        start -= 1;
    }
    let max_suffix = old.len().min(new.len()) - start;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    (start, old.len() - suffix, new.len() - suffix)
}

/// Moves `span` of `old` through the edit, or `None` when the edit touched its words. Text
/// typed right before or after a span leaves it intact.
fn move_span(span: Span, edit: (usize, usize, usize)) -> Option<Span> {
    let (start, old_end, new_end) = edit;
    if span.end <= start {
        Some(span)
    } else if span.start >= old_end {
        Some(Span::new(
            span.start - old_end + new_end,
            span.end - old_end + new_end,
        ))
    } else {
        None
    }
}

/// What [`rebase`] did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rebased {
    /// The corrections, moved to the new text.
    pub corrections: Corrections,
    /// Manual spans whose words the edit changed: dropped.
    pub dropped: Vec<Annotation>,
}

/// Moves `corrections` made on `old` onto `new`: every span before or after the edited words
/// moves with its text, and manual spans (or their speakers) that the edit changed are dropped
/// and returned so the page can say so. Removals that the edit touched are forgotten.
pub fn rebase(old: &str, new: &str, corrections: &Corrections) -> Rebased {
    if old == new {
        return Rebased {
            corrections: corrections.clone(),
            dropped: Vec::new(),
        };
    }
    let edit = edit_region(old, new);
    let mut out = Rebased::default();
    for m in &corrections.manual {
        let moved = move_span(m.span, edit);
        let speaker = m
            .quote
            .as_ref()
            .and_then(|q| q.speaker)
            .map(|s| move_span(s, edit));
        match (moved, speaker) {
            (Some(span), None | Some(Some(_))) => {
                let mut a = m.clone();
                a.span = span;
                if let (Some(q), Some(Some(s))) = (a.quote.as_mut(), speaker) {
                    q.speaker = Some(s);
                }
                out.corrections.manual.push(a);
            }
            _ => out.dropped.push(m.clone()),
        }
    }
    out.corrections.extra = corrections
        .extra
        .iter()
        .filter_map(|a| {
            move_span(a.span, edit).map(|span| {
                let mut a = a.clone();
                a.span = span;
                a
            })
        })
        .collect();
    out.corrections.removed = corrections
        .removed
        .iter()
        .filter_map(|r| {
            move_span(r.span, edit).map(|span| Removal {
                layer: r.layer,
                span,
            })
        })
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Label, QuoteInfo, QuoteKind};

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap_or(usize::MAX);
        Span::new(start, start + needle.len())
    }

    fn shown(text: &str, merged: &[(Annotation, Source)]) -> Vec<(String, Label, Source)> {
        merged
            .iter()
            .map(|(a, s)| (a.span.slice(text).to_string(), a.label, *s))
            .collect()
    }

    #[test]
    fn manual_span_wins_over_an_overlapping_automatic_one() {
        let text = "Universal Music Group signed.";
        let auto = Analysis {
            entities: vec![Annotation::new(
                span_of(text, "Universal Music Group"),
                Label::Org,
            )],
            ..Analysis::default()
        };
        let mut fixes = Corrections::default();
        fixes.add(Annotation::new(span_of(text, "Universal"), Label::Misc));
        assert_eq!(
            shown(text, &merge(text, &auto, &fixes)),
            [("Universal".to_string(), Label::Misc, Source::Manual)]
        );
    }

    #[test]
    fn deleted_automatic_span_stays_deleted_and_manual_is_not_duplicated() {
        let text = "Spotify and Apple.";
        let auto = Analysis {
            entities: vec![
                Annotation::new(span_of(text, "Spotify"), Label::Org),
                Annotation::new(span_of(text, "Apple"), Label::Org),
            ],
            ..Analysis::default()
        };
        let mut fixes = Corrections::default();
        fixes.delete(Layer::Entity, span_of(text, "Spotify"), Source::Auto);
        let apple = Annotation::new(span_of(text, "Apple"), Label::Org);
        fixes.replace(
            &apple,
            Source::Auto,
            Annotation::new(span_of(text, "Apple"), Label::Misc),
        );
        let merged = merge(text, &auto, &fixes);
        assert_eq!(
            shown(text, &merged),
            [("Apple".to_string(), Label::Misc, Source::Manual)]
        );
        // Re-analysing gives the same automatic spans: still the same result.
        assert_eq!(merge(text, &auto, &fixes), merged);
    }

    #[test]
    fn layers_are_independent() {
        let text = "Apple paid $5m.";
        let auto = Analysis {
            numbers: vec![Annotation::new(span_of(text, "$5m"), Label::Money)],
            ..Analysis::default()
        };
        let mut fixes = Corrections::default();
        fixes.add(Annotation::new(
            span_of(text, "Apple paid $5m"),
            Label::Quote,
        ));
        let merged = merge(text, &auto, &fixes);
        assert_eq!(merged.len(), 2);
    }

    #[test]
    fn rebase_moves_spans_after_an_edit_and_drops_touched_ones() {
        let old = "Ann met Bob in Rome.";
        let mut fixes = Corrections::default();
        fixes.add(Annotation::new(span_of(old, "Ann"), Label::Per));
        fixes.add(Annotation::new(span_of(old, "Bob"), Label::Per));
        fixes.add(Annotation::new(span_of(old, "Rome"), Label::Loc));
        fixes.delete(Layer::Entity, span_of(old, "Rome"), Source::Auto);
        let new = "Ann met Robert in Rome.";
        let r = rebase(old, new, &fixes);
        let kept: Vec<&str> = r
            .corrections
            .manual
            .iter()
            .map(|a| a.span.slice(new))
            .collect();
        assert_eq!(kept, ["Ann", "Rome"]);
        assert_eq!(r.dropped.len(), 1);
        assert_eq!(r.corrections.removed[0].span, span_of(new, "Rome"));
    }

    #[test]
    fn typing_next_to_a_span_keeps_it() {
        let old = "Ann left";
        let mut fixes = Corrections::default();
        fixes.add(Annotation::new(span_of(old, "Ann"), Label::Per));
        let r = rebase(old, "Hi Ann left", &fixes);
        assert_eq!(r.corrections.manual[0].span.slice("Hi Ann left"), "Ann");
        let r = rebase(old, "Ann, left", &fixes);
        assert_eq!(r.corrections.manual[0].span.slice("Ann, left"), "Ann");
        assert!(r.dropped.is_empty());
    }

    #[test]
    fn rebase_with_emoji_and_speaker() {
        let old = "😀 “Hi,” said Ann.";
        let quote = Annotation {
            quote: Some(QuoteInfo {
                kind: QuoteKind::Speech,
                speaker: Some(span_of(old, "Ann")),
                cue: Some("said".into()),
            }),
            ..Annotation::new(span_of(old, "Hi,"), Label::Quote)
        };
        let mut fixes = Corrections::default();
        fixes.add(quote);
        let new = "😀😀 “Hi,” said Ann.";
        let r = rebase(old, new, &fixes);
        let q = &r.corrections.manual[0];
        assert_eq!(q.span.slice(new), "Hi,");
        let speaker = q.quote.as_ref().and_then(|q| q.speaker);
        assert_eq!(speaker.map(|s| s.slice(new)), Some("Ann"));
        // Renaming the speaker drops the quote's correction.
        let r = rebase(old, "😀 “Hi,” said Bo.", &fixes);
        assert_eq!(r.dropped.len(), 1);
    }

    #[test]
    fn imported_annotations_come_back_exactly() {
        let text = "Spotify paid $6bn to Acme in Paris.";
        let auto = crate::analyze(text);
        // A file from "another version": Spotify as PER, no Paris, Acme added by hand, and a
        // made-up automatic count.
        let mut imported: Vec<(Annotation, Source)> = Vec::new();
        imported.push((
            Annotation::new(span_of(text, "Spotify"), Label::Per),
            Source::Auto,
        ));
        imported.push((
            Annotation::new(span_of(text, "Acme"), Label::Org),
            Source::Manual,
        ));
        for a in &auto.numbers {
            imported.push((a.clone(), Source::Auto));
        }
        let fixes = Corrections::from_imported(&auto, &imported);
        let mut merged = merge(text, &auto, &fixes);
        let key = |x: &(Annotation, Source)| (x.0.layer(), x.0.span.start, x.0.span.end);
        merged.sort_by_key(key);
        imported.sort_by_key(key);
        assert_eq!(merged, imported);
        // Deleting the kept automatic span removes it for good.
        let mut fixes = fixes;
        fixes.delete(Layer::Entity, span_of(text, "Spotify"), Source::Auto);
        assert!(!merge(text, &auto, &fixes)
            .iter()
            .any(|(a, _)| a.span.slice(text) == "Spotify"));
    }

    #[test]
    fn edit_region_respects_char_boundaries() {
        // "é" and "è" share their first UTF-8 byte.
        let (start, old_end, new_end) = edit_region("caé", "caè");
        assert_eq!((start, old_end, new_end), (2, 4, 4));
    }
}
