//! Headlines: a quotation inside a title-case line (`Graham: Trump’s ‘Incredibly Hateful
//! Rhetoric’ Destroying GOP’s Chance`, `Chris Christie Calls Hillary Clinton ‘A Disgrace’`) is
//! the words of the person the headline names, not a title; without a colon or a reporting
//! verb, of the person or organisation opening it (`Hillary Clinton Speaks ‘Directly To White
//! People’`).

use super::super::lexicon::{cue_words, is_not_name};
use super::super::pairs::Group;
use super::Attributor;
use crate::span::Span;
use crate::text::TokenKind;
use std::ops::Range;

/// Most tokens before the colon of `Name: …` in a headline.
const NAME_BEFORE_COLON: usize = 6;

impl Attributor<'_, '_> {
    /// The speaker (and cue, when the headline has a verb) of a quotation opening at token `o`
    /// inside a headline: a title-case sentence starting a paragraph. `None` elsewhere.
    pub(super) fn headline(&self, g: &Group) -> Option<(Option<Span>, Span)> {
        let o = g.open;
        let line = self.headline_tokens(g)?;
        if let Some(colon) = line
            .clone()
            .take_while(|&k| k < o)
            .find(|&k| self.word(k) == ":")
        {
            if let Some(speaker) = self.name_before_colon(line.start, colon) {
                return Some((None, speaker));
            }
        }
        let start = line.start;
        self.headline_cue(line, o)
            .or_else(|| Some((None, self.headline_subject(start, o)?)))
    }

    /// A PER or ORG entity opening the headline before the quotation: `Hillary Clinton Speaks
    /// ‘Directly To White People’` (the headline's verb is no reporting verb).
    fn headline_subject(&self, start: usize, o: usize) -> Option<Span> {
        let first = self.toks.get(start)?.span.start;
        let before = self.toks.get(o)?.span.start;
        self.entity_in(Span::new(first, before), false)
            .filter(|s| s.start == first && s.end <= before)
    }

    /// The tokens of the sentence holding quotation `g` when it is a headline: it starts a
    /// paragraph and (at least three quarters of) its longer words outside quotations are
    /// capitalised.
    fn headline_tokens(&self, g: &Group) -> Option<Range<usize>> {
        let sentence = self
            .index
            .sentences()
            .get(self.toks.get(g.open)?.sentence)?;
        if !sentence.starts_paragraph && sentence.tokens.start > 0 {
            return None;
        }
        let range = sentence.tokens.clone();
        let toks = self.toks.get(range.clone())?;
        let (mut long, mut capitalised) = (0usize, 0usize);
        let mut k = range.start;
        while let Some(t) = toks.get(k - range.start) {
            if k == g.open {
                k = g.close + 1; // the quotation's own words
                continue;
            }
            k += 1;
            if t.kind != TokenKind::Word || self.in_quote(k - 1) || is_short(t.text(self.text)) {
                continue;
            }
            long += 1;
            capitalised += usize::from(t.is_capitalised(self.text));
            // Stop once even capitals in all the tokens left (but the quotation's own) could not
            // make three quarters.
            let own = if k <= g.open {
                g.close.min(range.end - 1) + 1 - g.open
            } else {
                0
            };
            let left = (range.end - k).saturating_sub(own);
            if capitalised + left < 3 * (long - capitalised) {
                return None;
            }
        }
        (long >= 2 && capitalised * 4 >= long * 3).then_some(range)
    }

    /// `Graham:` or `Dr. Ben Carson:` opening a headline: the entity or the words before the
    /// colon, when they are a short name without a verb.
    fn name_before_colon(&self, start: usize, colon: usize) -> Option<Span> {
        if colon <= start || colon - start > NAME_BEFORE_COLON {
            return None;
        }
        let words_only = (start..colon).all(|k| !self.is_punct(k) || self.is_abbrev_dot(k));
        if !words_only || !self.is_name_word(start) || is_not_name(self.word(start)) {
            return None;
        }
        let region = self.span_of(start, colon - 1)?;
        self.entity_in(region, false).or(Some(region))
    }

    /// A capitalised reporting verb in the headline (`Calls`, `Says`), outside quotations: the
    /// name right before it speaks.
    fn headline_cue(&self, line: Range<usize>, o: usize) -> Option<(Option<Span>, Span)> {
        let start = line.start;
        for v in line.filter(|&k| k > start && k != o && !self.in_quote(k)) {
            let word = self.word(v).to_lowercase();
            let next = self.word(v + 1).to_lowercase();
            if self.toks.get(v)?.kind != TokenKind::Word || cue_words(&word, &next) != 1 {
                continue;
            }
            let a = self.name_run_to(start, v - 1)?;
            let speaker = self.name_span(a, v - 1)?;
            return Some((self.span_of(v, v), speaker));
        }
        None
    }
}

/// True for a word of fewer than four characters (counting bytes first: a character takes one
/// to four; then up to the fourth character).
fn is_short(w: &str) -> bool {
    w.len() < 4 || (w.len() < 16 && w.chars().nth(3).is_none())
}
