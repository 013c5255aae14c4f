//! A quotation after a speech noun owned by its speaker: `Donald Trump’s claim that there have
//! been “thousands of shootings”`, `his pledge to build “a big, beautiful wall”`.

use super::super::gender;
use super::super::lexicon::is_speech_noun;
use super::Attributor;
use crate::annotation::Label;
use crate::span::Span;

/// Most adjectives between the owner and the noun (`Trump’s recent evidence-free assertion`).
const ADJECTIVES: usize = 2;

impl Attributor<'_, '_> {
    /// The owner of the nearest speech noun before the quotation opening at token `o`, in its
    /// sentence: a PER or ORG entity, a name, or `his`/`her` resolved.
    pub(super) fn possessive_speech(&self, o: usize) -> Option<Span> {
        let noun = self
            .sentence_window_before(o)
            .find(|&k| is_speech_noun(self.word(k)))?;
        let lo = noun.saturating_sub(ADJECTIVES + 1);
        let owner = (lo..noun).rev().find(|&k| self.is_possessive(k))?;
        let between_lower = (owner + 1..noun)
            .all(|k| self.word(k).starts_with(char::is_lowercase) || self.is_apostrophe(k));
        if !between_lower {
            return None;
        }
        self.owner_at(owner)
    }

    /// True for `Trump’s`, `Sanders’` (a word and a glued apostrophe), `his` or `her`.
    fn is_possessive(&self, k: usize) -> bool {
        let w = self.word(k);
        w.ends_with("’s")
            || w.ends_with("'s")
            || matches!(w, "his" | "her" | "His" | "Her")
            || (self.is_apostrophe(k) && k > 0 && self.word(k - 1).ends_with('s'))
    }

    /// A `’` or `'` glued to the word before it.
    fn is_apostrophe(&self, k: usize) -> bool {
        matches!(self.word(k), "’" | "'") && self.toks.get(k).is_some_and(|t| !t.space_before)
    }

    /// The person or organisation owning at token `k`: the entity there, `his`/`her` resolved,
    /// or the run of capitalised words ending there.
    fn owner_at(&self, k: usize) -> Option<Span> {
        let k = if self.is_apostrophe(k) { k - 1 } else { k };
        let w = self.word(k);
        if matches!(w, "his" | "His") {
            return self.antecedent(k, Some(gender::Gender::Male));
        }
        if matches!(w, "her" | "Her") {
            return self.antecedent(k, Some(gender::Gender::Female));
        }
        let t = self.toks.get(k)?;
        if let Some(e) = self.entity_overlapping(t.span) {
            return matches!(e.label, Label::Per | Label::Org).then_some(e.span);
        }
        let a = self.name_run_to(k.saturating_sub(8), k)?;
        self.name_span(a, k)
    }
}
