//! Summaries of an analysis for the page's side lists and legend: counts per label, entities
//! grouped by name, and quotations with their speakers.
//!
//! ```
//! use marginalia_core::{analyze, summary::Summary, Label};
//! let text = "Angela Merkel met Olaf Scholz. Merkel smiled.";
//! let summary = Summary::new(text, &analyze(text));
//! assert_eq!(summary.count(Label::Per), 3);
//! assert_eq!(summary.entities[0].name, "Angela Merkel");
//! assert_eq!(summary.entities[0].ids.len(), 2); // "Merkel" counts as Angela Merkel
//! ```

use crate::annotation::{annotation_id, Analysis, Annotation, Label, Layer, QuoteKind};

/// One entity name with every mention of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityGroup {
    /// The label of the first mention.
    pub label: Label,
    /// The fullest form of the name (`Ed Newton-Rex` also gathers later `Newton-Rex`).
    pub name: String,
    /// Export ids of the mentions, in text order.
    pub ids: Vec<String>,
}

/// One quotation for the quote list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteItem {
    /// Export id (`q1`).
    pub id: String,
    /// The quoted words.
    pub text: String,
    /// Speech or quoted term.
    pub kind: QuoteKind,
    /// The speaker's name as written where the text names one.
    pub speaker: Option<String>,
    /// The cue (`said`, `according to`).
    pub cue: Option<String>,
}

/// Everything the legend and side lists show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Number of annotations per label, in [`Label::ALL`] order.
    pub counts: Vec<(Label, usize)>,
    /// Entities grouped by name: most mentioned first, then by first mention.
    pub entities: Vec<EntityGroup>,
    /// Quotations in text order.
    pub quotes: Vec<QuoteItem>,
    /// Words in the text (runs of characters separated by white space).
    pub words: usize,
}

impl Summary {
    /// Summarises `analysis` of `text`.
    pub fn new(text: &str, analysis: &Analysis) -> Self {
        Summary::of(text, analysis.iter())
    }

    /// Summarises any annotations of `text` (an analysis merged with corrections), numbering
    /// them per layer in text order as the export does. Spans that do not fit are left out.
    pub fn of<'a>(text: &str, annotations: impl IntoIterator<Item = &'a Annotation>) -> Self {
        let mut all: Vec<&Annotation> = annotations
            .into_iter()
            .filter(|a| a.span.is_valid_in(text))
            .collect();
        all.sort_by_key(|a| (a.layer(), a.span.start, a.span.end));
        let counts = Label::ALL
            .iter()
            .map(|&l| (l, all.iter().filter(|a| a.label == l).count()))
            .collect();
        let layer = |l: Layer| all.iter().copied().filter(move |a| a.layer() == l);
        Summary {
            counts,
            entities: entity_groups(text, layer(Layer::Entity)),
            quotes: quote_items(text, layer(Layer::Quote)),
            words: text.split_whitespace().count(),
        }
    }

    /// The number of annotations with `label`.
    pub fn count(&self, label: Label) -> usize {
        self.counts
            .iter()
            .find(|(l, _)| *l == label)
            .map_or(0, |(_, n)| *n)
    }

    /// The number of annotations in `layer`.
    pub fn layer_count(&self, layer: Layer) -> usize {
        self.counts
            .iter()
            .filter(|(l, _)| l.layer() == layer)
            .map(|(_, n)| n)
            .sum()
    }
}

/// Groups entity mentions by label and name. A one-word person mention that is the last word of
/// an earlier, longer person name joins that name's group (`Newton-Rex` → `Ed Newton-Rex`).
fn entity_groups<'a>(
    text: &str,
    entities: impl Iterator<Item = &'a Annotation>,
) -> Vec<EntityGroup> {
    let mut groups: Vec<EntityGroup> = Vec::new();
    let mut first_seen: Vec<usize> = Vec::new();
    let mut by_key: std::collections::HashMap<(Label, &str), usize> =
        std::collections::HashMap::new();
    let mut ordinal = 0;
    for a in entities {
        ordinal += 1;
        let id = annotation_id(Layer::Entity, ordinal);
        let name = a.span.slice(text).trim();
        let mut slot = by_key.get(&(a.label, name)).copied();
        if slot.is_none() && a.label == Label::Per && !name.contains(char::is_whitespace) {
            slot = groups.iter().position(|g| {
                g.label == Label::Per
                    && g.name.rsplit(char::is_whitespace).next() == Some(name)
                    && g.name.len() > name.len()
            });
        }
        match slot {
            Some(i) => groups[i].ids.push(id),
            None => {
                by_key.insert((a.label, name), groups.len());
                first_seen.push(ordinal);
                groups.push(EntityGroup {
                    label: a.label,
                    name: name.to_string(),
                    ids: vec![id],
                });
            }
        }
    }
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(groups[i].ids.len()), first_seen[i]));
    let mut slots: Vec<Option<EntityGroup>> = groups.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// The quote list, in text order.
fn quote_items<'a>(text: &str, quotes: impl Iterator<Item = &'a Annotation>) -> Vec<QuoteItem> {
    quotes
        .enumerate()
        .map(|(i, a)| {
            let info = a.quote.as_ref();
            QuoteItem {
                id: annotation_id(Layer::Quote, i + 1),
                text: a.span.slice(text).to_string(),
                kind: info.map_or(QuoteKind::Speech, |q| q.kind),
                speaker: info
                    .and_then(|q| q.speaker)
                    .filter(|s| s.is_valid_in(text))
                    .map(|s| s.slice(text).to_string()),
                cue: info.and_then(|q| q.cue.clone()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::QuoteInfo;
    use crate::span::Span;

    fn at(text: &str, needle: &str, nth: usize) -> Span {
        let start = text.match_indices(needle).nth(nth).map_or(0, |(i, _)| i);
        Span::new(start, start + needle.len())
    }

    #[test]
    fn groups_by_name_and_surname() {
        let text = "Ed Newton-Rex met Spotify. Newton-Rex and Spotify and Spotify argued.";
        let analysis = Analysis {
            entities: vec![
                Annotation::new(at(text, "Ed Newton-Rex", 0), Label::Per),
                Annotation::new(at(text, "Spotify", 0), Label::Org),
                Annotation::new(at(text, "Newton-Rex", 1), Label::Per),
                Annotation::new(at(text, "Spotify", 1), Label::Org),
                Annotation::new(at(text, "Spotify", 2), Label::Org),
            ],
            ..Analysis::default()
        };
        let s = Summary::new(text, &analysis);
        let got: Vec<(&str, Vec<&str>)> = s
            .entities
            .iter()
            .map(|g| (g.name.as_str(), g.ids.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            got,
            [
                ("Spotify", vec!["e2", "e4", "e5"]),
                ("Ed Newton-Rex", vec!["e1", "e3"])
            ]
        );
        assert_eq!(s.count(Label::Org), 3);
        assert_eq!(s.layer_count(Layer::Entity), 5);
        assert_eq!(s.words, 10);
    }

    #[test]
    fn quotes_with_speakers() {
        let text = "“Hi,” said Ann.";
        let analysis = Analysis {
            quotes: vec![Annotation {
                quote: Some(QuoteInfo {
                    kind: QuoteKind::Speech,
                    speaker: Some(at(text, "Ann", 0)),
                    cue: Some("said".into()),
                }),
                ..Annotation::new(at(text, "Hi,", 0), Label::Quote)
            }],
            ..Analysis::default()
        };
        let s = Summary::new(text, &analysis);
        assert_eq!(
            s.quotes,
            [QuoteItem {
                id: "q1".into(),
                text: "Hi,".into(),
                kind: QuoteKind::Speech,
                speaker: Some("Ann".into()),
                cue: Some("said".into()),
            }]
        );
    }
}
