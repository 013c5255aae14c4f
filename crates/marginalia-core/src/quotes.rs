//! The quote layer: direct quotations and quoted terms, with their speakers.
//!
//! Two linear passes over the shared [`TextIndex`] tokens, without regular expressions:
//!
//! 1. **Pairing** quote marks (`“…”`, `"…"`, `‘…’`, `'…'`, `«…»`, `„…“`, `‹…›`) with a small
//!    stack. A `’` or `'` closes a single-quoted quotation only when it is not an apostrophe
//!    (`Anna’s`, `rock ’n’ roll`, `’90s`, `the Musicians’ Union`, `nothin’`).
//! 2. **Attributing** each quotation: its cue (the reporting verb as written: `said`, `told`,
//!    `according to`...) and its speaker (a span of the text), then deciding whether it is
//!    someone's words ([`QuoteKind::Speech`]) or a quoted term ([`QuoteKind::Term`]).
//!
//! ```
//! use marginalia_core::{quotes, Annotation, Label, QuoteKind, Span, TextIndex};
//! let text = "“We are committed,” said Daniel Ek. Files were shared via “torrents”.";
//! let ek = Annotation::new(Span::new(29, 38), Label::Per);
//! let found = quotes::recognize(&TextIndex::new(text), &[ek]);
//! let info = found[0].quote.as_ref().unwrap();
//! assert_eq!(found[0].span.slice(text), "We are committed,");
//! assert_eq!(info.kind, QuoteKind::Speech);
//! assert_eq!(info.speaker.map(|s| s.slice(text)), Some("Daniel Ek"));
//! assert_eq!(info.cue.as_deref(), Some("said"));
//! assert_eq!(found[1].span.slice(text), "torrents");
//! assert_eq!(found[1].quote.as_ref().unwrap().kind, QuoteKind::Term);
//! ```
//!
//! # Decisions
//!
//! - A quotation's span is the quoted words without the quote marks, punctuation inside the
//!   marks included (`We are committed,`).
//! - Nested quotations (`“He said ‘no’ to me,” she said`) give one span, the outer one.
//! - A quotation running over paragraphs in the news convention (the first paragraph is not
//!   closed, the next one reopens with a quote mark) gives **one span per paragraph**, each
//!   without quote marks or line breaks, all with the same kind, speaker and cue. So
//!   `text[start..end]` is always clean quoted text and never holds a stray reopening mark.
//! - An opening mark not closed by the end of its paragraph (and not continued) is dropped:
//!   stray marks never swallow the rest of the text. Complete quotations inside it are kept.
//!   Paragraphs are separated by blank lines; in a text without blank lines, by line breaks.
//! - Speakers: an entity (PER, else ORG) of `entities` at the speaker position, exactly as the
//!   entity layer spans it; without one, a run of capitalised words (`Lisa Nandy`), a noun
//!   phrase (`a spokeswoman`, `officials`). `he`/`she` resolve to the last PER entity before
//!   them (without entities: the last run of two or more capitalised words), `it` and `the
//!   company` (and other organisation nouns) to the last ORG entity; `they`, `we`, `I` stay
//!   unresolved. A speech quotation with no attribution of its own takes the speaker of the
//!   previous (else the next) attributed quotation in the same paragraph.
//! - Patterns, tried in order: `“…,” said X` / `“…,” X said` (the quotation must end a clause:
//!   a comma, `?`, `!` or dash inside or just after the marks); `X said: “…”` / `X told
//!   reporters, “…”` / `said “…”`; `according to X` in the same sentence; a partial quotation
//!   after a reporting verb in its sentence (`Lisa Nandy told parliament there was “no clear
//!   consensus”`), for quotations of two or more words, or of one word right after the verb or
//!   a naming verb (`called it “shameful”`).
//! - Anything else is a [`QuoteKind::Term`] when it is at most four words without inner
//!   sentence punctuation and either starts in lower case, sits mid-sentence or lacks final
//!   punctuation (`shared via “torrents”`); otherwise unattributed speech.

mod attrib;
mod lexicon;
mod pairs;

use crate::annotation::{Annotation, Label, QuoteInfo, QuoteKind};
use crate::span::Span;
use crate::text::TextIndex;
use attrib::{Attributor, Found};

/// Finds quotations, sorted by start and non-overlapping. `entities` (the entity layer, sorted
/// by start and non-overlapping) is used to name speakers; it may be empty. Never panics.
pub fn recognize(index: &TextIndex<'_>, entities: &[Annotation]) -> Vec<Annotation> {
    let pairs = pairs::pair(index);
    if pairs.groups.is_empty() {
        return Vec::new();
    }
    let attributor = Attributor::new(index, entities, &pairs.groups);
    let mut found: Vec<Found> = pairs
        .groups
        .iter()
        .map(|g| attributor.attribute(g, pairs.pieces.get(g.pieces.clone()).unwrap_or(&[])))
        .collect();
    inherit_speakers(&pairs.groups, &mut found);

    let toks = index.tokens();
    let text = index.text();
    let mut out = Vec::with_capacity(pairs.pieces.len());
    let mut last_end = 0usize;
    for (g, f) in pairs.groups.iter().zip(&found) {
        let cue = f.cue.map(|c| c.slice(text).to_string());
        for p in pairs.pieces.get(g.pieces.clone()).unwrap_or(&[]) {
            let (Some(a), Some(b)) = (toks.get(p.first), toks.get(p.last)) else {
                continue;
            };
            if a.span.start > b.span.end || a.span.start < last_end {
                continue;
            }
            let span = Span::new(a.span.start, b.span.end);
            if !span.is_valid_in(text) {
                continue;
            }
            last_end = span.end;
            let mut ann = Annotation::new(span, Label::Quote);
            ann.quote = Some(QuoteInfo {
                kind: f.kind,
                speaker: f.speaker.filter(|s| s.is_valid_in(text)),
                cue: cue.clone(),
            });
            out.push(ann);
        }
    }
    out
}

/// An unattributed speech quotation that starts its sentence takes the speaker (and cue, if it
/// has none) of the previous attributed speech quotation in the same paragraph; failing that, a
/// quotation right before an attributed one (`“No.” “Never,” he said.`) takes its speaker.
fn inherit_speakers(groups: &[pairs::Group], found: &mut [Found]) {
    let speech_with_speaker = |f: &Found| f.kind == QuoteKind::Speech && f.speaker.is_some();
    let mut prev: Option<(usize, Found)> = None; // (paragraph, attribution)
    for (g, f) in groups.iter().zip(found.iter_mut()) {
        if f.kind == QuoteKind::Speech && f.speaker.is_none() && f.starts_sentence {
            if let Some((para, p)) = prev {
                if para == g.para_open {
                    f.speaker = p.speaker;
                    f.cue = f.cue.or(p.cue);
                }
            }
        }
        if speech_with_speaker(f) {
            prev = Some((g.para_close, *f));
        }
    }
    for i in (0..groups.len().saturating_sub(1)).rev() {
        let (Some(g), Some(n), Some(&next)) = (groups.get(i), groups.get(i + 1), found.get(i + 1))
        else {
            continue;
        };
        let Some(f) = found.get_mut(i) else { continue };
        if f.kind == QuoteKind::Speech
            && f.speaker.is_none()
            && speech_with_speaker(&next)
            && n.open <= g.close + 2
        {
            f.speaker = next.speaker;
            f.cue = f.cue.or(next.cue);
        }
    }
}

#[cfg(test)]
mod tests;
