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
//! let got: Vec<_> = found
//!     .iter()
//!     .filter_map(|a| Some((a.span.slice(text), a.quote.as_ref()?)))
//!     .map(|(words, q)| (words, q.kind, q.speaker.map(|s| s.slice(text)), q.cue.as_deref()))
//!     .collect();
//! assert_eq!(
//!     got,
//!     [
//!         ("We are committed,", QuoteKind::Speech, Some("Daniel Ek"), Some("said")),
//!         ("torrents", QuoteKind::Term, None, None),
//!     ]
//! );
//! ```
//!
//! # Decisions
//!
//! **Spans.**
//! - A quotation's span is the quoted words without the quote marks, punctuation inside the
//!   marks included (`We are committed,`). A pair of marks with no word inside (`“”`, `“😀”`)
//!   gives nothing.
//! - Nested quotations (`“He said ‘no’ to me,” she said`) give one span, the outer one.
//! - A quotation running over paragraphs in the news convention (a paragraph is left open and
//!   the next one reopens with the same mark) gives **one span per paragraph**, each without
//!   quote marks and without the paragraph break, all with the same kind, speaker and cue. So
//!   `text[start..end]` is always clean quoted text and never holds a stray reopening mark.
//! - An opening mark not closed by the end of its paragraph (and not continued) is dropped, so
//!   a stray mark never swallows the rest of the text; complete quotations inside it are kept.
//!   A mark followed by a space (`“ hello`) is never continued into the next paragraph.
//!   Paragraphs are separated by blank lines; in a text without blank lines, by line breaks.
//! - A doubled apostrophe (`''…''`, old newspaper style) is a double quote mark.
//!
//! **Speakers.**
//! - The speaker is a PER (else ORG) entity of `entities` at the speaker position, exactly as
//!   the entity layer spans it; without one, a run of capitalised words (`Lisa Nandy`,
//!   `Rep. Gwen Moore`) or a noun phrase (`a spokeswoman`, `officials`). Names inside
//!   quotations are never speakers.
//! - `he`/`she` resolve to a person named earlier in the same sentence (`Lynch said she
//!   recalled…`); else to the later of the last salient person (one opening a sentence, after
//!   at most a short title or description: `Former President Bill Clinton agreed`; or one next
//!   to a reporting verb: `said Alan Abramowitz`, `Clinton told`) within a few paragraphs and
//!   the last person named as a speaker; else to the last PER entity; without entities, to the
//!   nearest run of two or more capitalised words. A person of the pronoun's gender is
//!   preferred when the text tells it by a given name or title (`Hillary Clinton`, `Mr. Holt`,
//!   see `lexicon/quotes_given_names.txt`); a surname given both genders tells none.
//! - `it` and `the company` (and other organisation nouns) resolve to the last ORG entity (`the
//!   company` only when that entity is a few sentences back at most, else the phrase itself is
//!   the speaker); `they`, `we`, `I` stay unresolved and are the speaker as written (the
//!   pronoun's own span).
//! - A speech quotation with no attribution of its own that starts a sentence takes the speaker
//!   of the previous attributed quotation in the same paragraph (`“…,” said Ek. “…”`), or in
//!   the paragraph before when it opens the next paragraph right after that attribution
//!   (`“…,” Trump said.` then a paragraph `“…”`); one right before an attributed quotation
//!   takes that one's speaker.
//!
//! **Patterns**, tried in order:
//! 0. In a headline (a title-case sentence opening a paragraph), a quotation is speech by the
//!    name before a colon (`Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP`) or
//!    before a capitalised reporting verb (`Chris Christie Calls Hillary Clinton ‘A Disgrace’`),
//!    else by the PER or ORG entity opening the headline (`Hillary Clinton Speaks ‘Directly To
//!    White People’`).
//! 1. A title of three or more capitalised words is a term, whatever follows.
//! 2. `“…,” said X`, `“…,” X said`, `“…?” asked X`, `“…,” as X put it`: the quotation must end
//!    a clause (a comma, `?`, `!` or dash inside or just after the marks).
//! 3. `“…” ― Name` at the end of a line (vox pops): a speaker without cue.
//! 4. `X said: “…”`, `X told reporters, “…”`, `said “…”`, `The Times reports:` ending the
//!    paragraph before; a participle (`…, adding: “…”`) takes its clause's subject.
//! 5. `according to X` in the quotation's sentence.
//! 6. A title of two capitalised words is a term.
//! 7. A partial quotation after a reporting verb in its sentence (`Lisa Nandy told parliament
//!    there was “no clear consensus”`): two or more words; one word only within three tokens
//!    of the verb, after a naming verb (`called his supporters “deplorables”`) or after a
//!    copula or `as` (`the claim was “true”`). A one-word scare quote elsewhere in the sentence
//!    stays a term (`Critics say the data was shared via “torrents”`).
//! 8. A short name before a colon with no verb (headlines, captions): `Spotify boss: ‘We pay
//!    artists fairly’` is speech by `Spotify boss` (or the PER/ORG entity in it), without cue.
//! 9. A cue later in the quotation's sentence, for two or more words: `“I have admiration for
//!    the mechanics” of the plan, Mr. Holtz-Eakin said`. After a comma the speaker follows the
//!    verb (`… in the 2008 primary, said professor Paul Beck`), except after `told` or `asked`.
//! 10. The owner of a speech noun before the quotation in its sentence: `Donald Trump’s claim
//!     that there have been “thousands of shootings”`, `his pledge to build “a big, beautiful
//!     wall”` (without cue).
//! 11. A partial quotation (not starting its sentence) in a sentence opened by a person,
//!     after at most a short title or description, or by `he`/`she`: `Senator Harry Reid has
//!     gone after Trump as a “human leech”` is speech by Harry Reid, without cue. Not after
//!     `so-called`.
//! 12. Anything else is a [`QuoteKind::Term`] when it is at most four words without inner
//!     sentence punctuation that start in lower case, sit mid-sentence or lack final
//!     punctuation, unless they follow a colon; otherwise it is speech without speaker.
//!
//! Cues are English reporting verbs (and `according to`), matched in lower case.

mod attrib;
mod gender;
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
        let mut cue = f.cue.map(|c| c.slice(text).to_string());
        let pieces = pairs.pieces.get(g.pieces.clone()).unwrap_or(&[]);
        for (n, p) in pieces.iter().enumerate() {
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
                // The last piece takes the cue; earlier ones (other paragraphs) copy it.
                cue: if n + 1 == pieces.len() {
                    cue.take()
                } else {
                    cue.clone()
                },
            });
            out.push(ann);
        }
    }
    out
}

/// Most tokens between an attributed quotation and one opening the next paragraph that goes on
/// with its speaker (`“…,” said Rep. Gwen Moore (D-Wis.).` and the paragraph break).
const CARRY_GAP: usize = 12;

/// An unattributed speech quotation that starts its sentence takes the speaker (and cue, if it
/// has none) of the previous attributed speech quotation in the same paragraph, or in the
/// paragraph before when only that quotation's attribution lies between them; failing that, a
/// quotation right before an attributed one (`“No.” “Never,” he said.`) takes its speaker.
fn inherit_speakers(groups: &[pairs::Group], found: &mut [Found]) {
    let speech_with_speaker = |f: &Found| f.kind == QuoteKind::Speech && f.speaker.is_some();
    let mut prev: Option<(usize, usize, Found)> = None; // (paragraph, closing mark, attribution)
    for (g, f) in groups.iter().zip(found.iter_mut()) {
        if f.kind == QuoteKind::Speech && f.speaker.is_none() && f.starts_sentence {
            if let Some((para, close, p)) = prev {
                // `“…,” Trump said.¶“…”`: the next paragraph right after the attribution goes on.
                let next_paragraph = para + 1 == g.para_open && g.open <= close + CARRY_GAP;
                if para == g.para_open || next_paragraph {
                    f.speaker = p.speaker;
                    f.cue = f.cue.or(p.cue);
                }
            }
        }
        if speech_with_speaker(f) {
            prev = Some((g.para_close, g.close, *f));
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
