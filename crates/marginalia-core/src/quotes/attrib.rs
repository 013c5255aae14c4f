//! Who said it: cues (reporting verbs) and speakers around a paired quotation, and whether it is
//! speech or a quoted term.

use super::gender::{self, Gender, Genders};
use super::lexicon::{
    cue_words, is_determiner, is_name_connector, is_naming, is_not_name, is_org_noun,
    is_participle, may_start_quote_mark, pronoun, Pronoun,
};
use super::pairs::{Group, Piece};
use crate::annotation::{Annotation, Label, QuoteKind};
use crate::span::Span;
use crate::text::{TextIndex, Token, TokenKind};
use std::cell::{Cell, OnceCell};

mod headline;
mod possessive;

/// How far back (in entities) to look for a pronoun's antecedent.
const ENTITY_LOOKBACK: usize = 400;
/// How far back (in entities) to look for an antecedent of the pronoun's gender.
const GENDER_LOOKBACK: usize = 60;
/// How far back (in bytes) a salient person stays the likely antecedent of `he` or `she`.
const SALIENT_REACH: usize = 800;
/// How far back (in bytes) `the company` still names the last organisation.
const ORG_NOUN_REACH: usize = 400;
/// Most words allowed before a person who opens a sentence (`Former President Bill Clinton`).
const SUBJECT_PREFIX: usize = 5;
/// How far back (in tokens) to look for a name when there is no entity.
const NAME_LOOKBACK: usize = 250;
/// Longest stretch (in tokens) between a cue and a quotation in the same sentence.
const SENTENCE_WINDOW: usize = 40;

/// What the layer concluded about one quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub kind: QuoteKind,
    pub speaker: Option<Span>,
    pub cue: Option<Span>,
    /// The quotation starts its sentence (it can take an earlier quotation's speaker).
    pub starts_sentence: bool,
}

/// Shared state for attributing the quotations of one text.
pub(super) struct Attributor<'i, 'a> {
    index: &'i TextIndex<'a>,
    text: &'a str,
    toks: &'i [Token],
    ents: &'i [Annotation],
    /// Per token: inside a quotation, marks included (names inside them are not speakers).
    quoted: Vec<bool>,
    /// The last person named as a speaker so far (quotations are attributed in text order).
    last_person: Cell<Option<Span>>,
    /// Per entity, whether it is a salient person (see [`Attributor::is_salient_person`]),
    /// worked out when a pronoun first looks at it.
    salient: Vec<Cell<Option<bool>>>,
    /// The gender the text gives each surname (`he` and `she` agree with their antecedent),
    /// gathered from all PER entities when a pronoun first needs it.
    surnames: OnceCell<Genders<'a>>,
    /// Per entity, its gender (see [`Attributor::gender_of`]) once worked out.
    genders: Vec<Cell<Option<Option<Gender>>>>,
}

/// Counts about a quotation's words.
struct Shape {
    words: usize,
    inner_punct: bool,
    lower_start: bool,
    sentence_initial: bool,
    final_punct: bool,
    /// Every word capitalised (small function words aside), two or more words: a title.
    title: bool,
    /// The opening mark follows a colon.
    after_colon: bool,
    last_inner: usize,
}

impl<'i, 'a> Attributor<'i, 'a> {
    pub(super) fn new(
        index: &'i TextIndex<'a>,
        ents: &'i [Annotation],
        groups: &'i [Group],
    ) -> Self {
        let toks = index.tokens();
        let mut quoted = vec![false; toks.len()];
        for g in groups {
            if let Some(flags) = quoted.get_mut(g.open..=g.close) {
                flags.fill(true);
            }
        }
        Attributor {
            index,
            text: index.text(),
            toks,
            ents,
            quoted,
            last_person: Cell::new(None),
            salient: vec![Cell::new(None); ents.len()],
            surnames: OnceCell::new(),
            genders: vec![Cell::new(None); ents.len()],
        }
    }

    /// The gender of every person the text names with a given name or a title (`Hillary
    /// Clinton`, `Mr. Trump`).
    fn people_genders(&self) -> Genders<'a> {
        let mut genders = Genders::default();
        for e in self.ents.iter().filter(|e| e.label == Label::Per) {
            let name = e.span.slice(self.text);
            let title = || {
                let a = self.index.token_at_or_after(e.span.start);
                match a.checked_sub(1).map(|p| self.word(p)) {
                    Some(".") => a.checked_sub(2).map_or("", |p| self.word(p)),
                    Some(w) => w,
                    None => "",
                }
            };
            let first = gender::first_word(name);
            if let Some(g) = gender::of_word(first).or_else(|| gender::of_word(title())) {
                genders.record(name, g);
            }
        }
        genders
    }

    /// The gender the text gives entity `i` (a person), if it tells one; worked out once per
    /// entity.
    fn gender_of(&self, i: usize) -> Option<Gender> {
        let e = self.ents.get(i).filter(|e| e.label == Label::Per)?;
        let known = self.genders.get(i)?;
        if let Some(gender) = known.get() {
            return gender;
        }
        let gender = self
            .surnames
            .get_or_init(|| self.people_genders())
            .of(e.span.slice(self.text));
        known.set(Some(gender));
        gender
    }

    /// True for a PER entity that is a name, not a pronoun the entity layer took for one (`I.`).
    fn names_person(&self, e: &Annotation) -> bool {
        e.label == Label::Per && pronoun(e.span.slice(self.text)).is_none()
    }

    /// True when entity `i` may be what a pronoun of `gender` refers to.
    fn agrees(&self, i: usize, gender: Option<Gender>) -> bool {
        gender.is_none_or(|g| self.gender_of(i).is_none_or(|known| known == g))
    }

    /// True when the person at `span` (an entity or a name) may be what a pronoun of `gender`
    /// refers to.
    fn span_agrees(&self, span: Span, gender: Option<Gender>) -> bool {
        let i = self.ents.partition_point(|e| e.span.start < span.start);
        gender.is_none()
            || self
                .ents
                .get(i)
                .is_none_or(|e| e.span.start != span.start || self.agrees(i, gender))
    }

    /// True when entity `i` is a person named in a speaker's position (see
    /// [`Attributor::is_salient`]); worked out once per entity.
    fn is_salient_person(&self, i: usize) -> bool {
        let (Some(e), Some(known)) = (self.ents.get(i), self.salient.get(i)) else {
            return false;
        };
        if let Some(salient) = known.get() {
            return salient;
        }
        let salient = e.label == Label::Per && {
            let a = self.index.token_at_or_after(e.span.start);
            let after = self.index.token_at_or_after(e.span.end);
            self.is_salient(a, after) && self.names_person(e)
        };
        known.set(Some(salient));
        salient
    }

    /// True when the person at tokens `a..after` (outside quotations) is in a speaker's
    /// position: opening
    /// its sentence (`Former President Bill Clinton agreed`), right before a reporting verb
    /// (`In an interview, Clinton said`) or right after one (`said Alan Abramowitz`, `according
    /// to Sen. Ted Cruz`).
    fn is_salient(&self, a: usize, after: usize) -> bool {
        !self.in_quote(a)
            && (self.opens_sentence(a) || self.cue_follows(after) || self.cue_precedes(a))
    }

    /// True when at most a short title or description comes between the start of token `a`'s
    /// sentence and `a`: `Sen. Ted Cruz`, `Republican presidential candidate Marco Rubio`.
    fn opens_sentence(&self, a: usize) -> bool {
        let Some(sentence) = self
            .toks
            .get(a)
            .and_then(|t| self.index.sentences().get(t.sentence))
        else {
            return false;
        };
        let mut start = sentence.tokens.start;
        while start < a && self.is_punct(start) && !self.is_abbrev_dot(start) {
            start += 1; // an opening dash or bracket
        }
        a >= start
            && a - start <= SUBJECT_PREFIX
            && (start..a).all(|k| {
                let w = self.word(k);
                if self.is_punct(k) {
                    return self.is_abbrev_dot(k);
                }
                // Capitalised function words are in `is_not_name` (`In`, `After`, `But`).
                !is_not_name(w)
                    && !is_preposition(w)
                    && !is_aux_or_adverb(w)
                    && !matches!(w, "and" | "or" | "but" | "that" | "who")
                    && self.cue_at(k) == 0
            })
    }

    /// True when a reporting verb starts at token `b`, after at most two auxiliaries or adverbs
    /// (`Clinton has repeatedly said`).
    fn cue_follows(&self, b: usize) -> bool {
        (b..b + 3)
            .take_while(|&k| k == b || is_aux_or_adverb(self.word(k - 1)))
            .any(|k| self.cue_at(k) > 0 && !self.in_quote(k))
    }

    /// True when a reporting verb ends right before token `a`, or before a title (`said Sen.
    /// Ted Cruz`, `according to Rep. Gwen Moore`).
    fn cue_precedes(&self, a: usize) -> bool {
        let mut k = a;
        while k > 0 && a - k < 3 && (self.is_abbrev_dot(k - 1) || is_title(self.word(k - 1))) {
            k -= 1;
        }
        let Some(v) = k.checked_sub(1) else {
            return false;
        };
        if self.in_quote(v) {
            return false;
        }
        self.cue_at(v) == 1 || (v > 0 && self.cue_at(v - 1) == 2)
    }

    /// True when token `k` lies inside a quotation (marks included).
    fn in_quote(&self, k: usize) -> bool {
        self.quoted.get(k).copied().unwrap_or(false)
    }

    fn word(&self, i: usize) -> &'a str {
        self.index.token_text(i)
    }

    fn is_punct(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.kind == TokenKind::Punct)
    }

    fn is_quote_mark(&self, i: usize) -> bool {
        let lead = self
            .toks
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.span.start));
        lead.is_some_and(|&b| may_start_quote_mark(b))
            && matches!(
                self.word(i),
                "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»" | "„" | "‹" | "›"
            )
    }

    /// The token's text when it is a single ASCII character (`.`, `,`), else `None`.
    fn ascii_char(&self, t: &Token) -> Option<u8> {
        if t.span.end != t.span.start + 1 {
            return None;
        }
        self.text
            .as_bytes()
            .get(t.span.start)
            .copied()
            .filter(u8::is_ascii)
    }

    fn span_of(&self, a: usize, b: usize) -> Option<Span> {
        let (ta, tb) = (self.toks.get(a)?, self.toks.get(b)?);
        (ta.span.start <= tb.span.end).then(|| Span::new(ta.span.start, tb.span.end))
    }

    /// Number of tokens of the cue starting at token `i` (0 for none).
    fn cue_at(&self, i: usize) -> usize {
        match self.toks.get(i) {
            Some(t) if t.kind == TokenKind::Word => {
                let w = self.word(i);
                // Cues are verbs in lower case (`the United States` is no cue); only `According
                // to` may start a sentence.
                if !t.first_char(self.text).is_lowercase() && !w.eq_ignore_ascii_case("according") {
                    return 0;
                }
                let n = cue_words(w, self.word(i + 1));
                // Nouns spelled like cues: `Republican claims as`, `the reports of`.
                if n == 1 && is_noun_like_cue(w) {
                    let prev = i.checked_sub(1).map_or("", |p| self.word(p));
                    let next = self.word(i + 1);
                    if is_determiner(prev)
                        || prev.ends_with("’s")
                        || prev.ends_with("'s")
                        || matches!(
                            next,
                            "of" | "as"
                                | "about"
                                | "were"
                                | "are"
                                | "was"
                                | "is"
                                | "from"
                                | "by"
                                | "against"
                                | "and"
                                | "or"
                                | "have"
                                | "had"
                        )
                    {
                        return 0;
                    }
                }
                // `said to be` is not a reporting verb (`said to the TV` is)
                if n == 1
                    && matches!(w, "said" | "says")
                    && self.word(i + 1) == "to"
                    && matches!(
                        self.word(i + 2),
                        "be" | "have" | "been" | "include" | "involve"
                    )
                {
                    return 0;
                }
                n
            }
            _ => 0,
        }
    }

    fn shape(&self, pieces: &[Piece]) -> Shape {
        let last_tok = pieces.last().map_or(0, |p| p.last);
        // `…those 5,000 people,’” Merkley said`: look through a nested quotation's closing mark.
        let mut last_inner = last_tok;
        let first_tok = pieces.first().map_or(0, |p| p.first);
        while last_inner > first_tok && self.is_quote_mark(last_inner) {
            last_inner -= 1;
        }
        let (mut words, mut first_word) = (0usize, None);
        let (mut inner_punct, mut final_punct) = (false, false);
        for p in pieces {
            for (k, t) in self.piece_tokens(p).iter().enumerate() {
                let i = p.first + k;
                if t.kind != TokenKind::Punct {
                    if words == 0 {
                        first_word = Some(i);
                    }
                    words += 1;
                    continue;
                }
                let is_last = i == last_tok;
                let ascii = self.ascii_char(t);
                let sentence_punct = match ascii {
                    Some(b'.') if self.is_abbrev_dot(i) => continue, // `St. Petersburg`
                    Some(b'.' | b'!' | b'?' | b';' | b':') => true,
                    Some(_) => false,
                    None => t.text(self.text) == "…",
                };
                let comma = ascii == Some(b',');
                if sentence_punct || (comma && !is_last) {
                    if is_last {
                        final_punct = true;
                    } else {
                        inner_punct = true;
                    }
                }
                if is_last && comma {
                    final_punct = true;
                }
            }
        }
        // Every word capitalised (numbers and small function words aside).
        let title = words >= 2
            && !inner_punct
            && pieces.iter().all(|p| {
                self.piece_tokens(p).iter().all(|t| {
                    t.kind == TokenKind::Punct
                        || t.first_char(self.text).is_uppercase()
                        || t.kind == TokenKind::Number
                        || is_title_small_word(t.text(self.text))
                })
            });
        let mut s = Shape {
            words,
            inner_punct,
            lower_start: false,
            sentence_initial: false,
            final_punct,
            title,
            after_colon: false,
            last_inner,
        };
        if let Some(f) = first_word {
            if let Some(t) = self.toks.get(f) {
                s.lower_start = t.first_char(self.text).is_lowercase();
            }
            // After a colon a quotation starts a sentence of its own (`He added: “…”`).
            s.after_colon = pieces
                .first()
                .and_then(|p| p.first.checked_sub(2))
                .is_some_and(|k| self.word(k) == ":");
            s.sentence_initial = self.index.is_sentence_initial(f) || s.after_colon;
        }
        s
    }

    /// The tokens of a piece (inner tokens `first..=last`).
    fn piece_tokens(&self, p: &Piece) -> &'i [Token] {
        let toks = self.toks.get(p.first..).unwrap_or(&[]);
        toks.get(..(p.last + 1).saturating_sub(p.first))
            .unwrap_or(toks)
    }

    /// Attributes one quotation (call in text order: pronouns refer to earlier speakers).
    pub(super) fn attribute(&self, g: &Group, pieces: &[Piece]) -> Found {
        let found = self.attribute_inner(g, pieces);
        if let Some(s) = found.speaker {
            let person = if self.ents.is_empty() {
                self.text
                    .get(s.start..)
                    .is_some_and(|t| t.starts_with(char::is_uppercase))
            } else {
                self.entity_overlapping(s)
                    .is_some_and(|e| e.label == Label::Per)
            };
            if person {
                self.last_person.set(Some(s));
            }
        }
        found
    }

    fn attribute_inner(&self, g: &Group, pieces: &[Piece]) -> Found {
        let shape = self.shape(pieces);
        let starts_sentence = shape.sentence_initial;
        let speech = |speaker, cue| Found {
            kind: QuoteKind::Speech,
            speaker,
            cue,
            starts_sentence,
        };
        let term = Found {
            kind: QuoteKind::Term,
            speaker: None,
            cue: None,
            starts_sentence,
        };
        if let Some((cue, speaker)) = self.headline(g) {
            return speech(Some(speaker), cue);
        }
        if shape.title && shape.words >= 3 {
            // `On “The Steve Harvey Morning Show,” the nominee said`: a title, whatever follows.
            return term;
        }
        if let Some((cue, speaker)) = self.after_close(g, &shape) {
            return speech(speaker, Some(cue));
        }
        if let Some(speaker) = self.dash_attribution(g) {
            return speech(Some(speaker), None);
        }
        if let Some((cue, speaker)) = self.before_open(g) {
            return speech(speaker, Some(cue));
        }
        if let Some((cue, speaker)) = self.according_to(g) {
            return speech(speaker, Some(cue));
        }
        if shape.title {
            return term;
        }
        if let Some((cue, speaker)) = self.partial(g, &shape) {
            return speech(speaker, Some(cue));
        }
        if let Some(speaker) = self.headline_colon(g) {
            return speech(Some(speaker), None);
        }
        if shape.words >= 2 {
            if let Some((cue, speaker)) = self.cue_later_in_sentence(g) {
                return speech(speaker, Some(cue));
            }
        }
        if let Some(speaker) = self.possessive_speech(g.open) {
            return speech(Some(speaker), None);
        }
        if !shape.sentence_initial {
            if let Some(speaker) = self.person_opening_sentence(g.open) {
                return speech(Some(speaker), None);
            }
        }
        // Speech: a clause after a colon, more than four words, inner sentence punctuation, or
        // a capitalised sentence of its own with final punctuation (`“No way.”`).
        let speech_like = (shape.after_colon && shape.words >= 2)
            || shape.words > 4
            || shape.inner_punct
            || (!shape.lower_start && shape.sentence_initial && shape.final_punct);
        let term = !speech_like;
        Found {
            kind: if term {
                QuoteKind::Term
            } else {
                QuoteKind::Speech
            },
            speaker: None,
            cue: None,
            starts_sentence,
        }
    }

    /// `“…,” said X`, `“…,” X said`, `“…?” he asked`.
    fn after_close(&self, g: &Group, shape: &Shape) -> Option<(Span, Option<Span>)> {
        let c = g.close;
        let mut j = c + 1;
        let mut sep = false;
        if matches!(self.word(j), "," | "—" | "–") && !self.toks.get(j)?.newline_before {
            j += 1;
            sep = true;
        }
        let first = self.toks.get(j)?;
        if first.newline_before || first.kind != TokenKind::Word {
            return None;
        }
        let last_inner = self.word(shape.last_inner);
        let clause_end = sep || matches!(last_inner, "," | "?" | "!" | "—" | "–" | "…" | "-");
        let sloppy_period = last_inner == "." && first.first_char(self.text).is_lowercase();
        if !(clause_end || sloppy_period) {
            return None;
        }
        let n = self.cue_at(j);
        if n > 0 {
            if is_participle(self.word(j)) {
                return None; // `“…,” adding that`: the subject comes before the quotation
            }
            let cue = self.span_of(j, j + n - 1)?;
            return Some((cue, self.speaker_after(j + n)));
        }
        // Subject, then the verb: `he said`, `Spotify’s Daniel Ek said`. Not after a
        // conjunction or preposition (`“…,” but he said that…` is another clause).
        let w = self.word(j);
        if is_preposition(w) || matches!(w, "and" | "but" | "or" | "so" | "that" | "which" | "as") {
            return None;
        }
        let end = (j + 16).min(self.toks.len());
        let mut depth = 0usize; // inside `(D-Wis.)`
        for k in j + 1..end {
            let Some(t) = self.toks.get(k) else { break };
            if t.newline_before {
                return None;
            }
            if t.kind == TokenKind::Punct {
                match self.word(k) {
                    "(" => depth += 1,
                    ")" => depth = depth.saturating_sub(1),
                    "," | "-" => {}
                    "." if depth > 0 || self.is_abbrev_dot(k) => {}
                    _ => return None,
                }
                continue;
            }
            let n = self.cue_at(k);
            if n > 0 {
                let cue = self.span_of(k, k + n - 1)?;
                return Some((cue, self.speaker_before(j, k, true)));
            }
        }
        None
    }

    /// A name after a dash ending the line or sentence: `“…” ― Carla Sanchez`.
    fn dash_attribution(&self, g: &Group) -> Option<Span> {
        let d = g.close + 1;
        let dash = self.toks.get(d)?;
        if dash.newline_before || !matches!(self.word(d), "―" | "—" | "–") {
            return None;
        }
        let j = d + 1;
        let first = self.toks.get(j)?;
        if first.newline_before {
            return None;
        }
        let (speaker, b) = match self.entity_starting_at(first.span.start) {
            Some(e) => (e, self.index.token_at_or_after(e.end).checked_sub(1)?),
            None => {
                let b = self.name_run_from(j, (j + 8).min(self.toks.len()))?;
                (self.name_span(j, b)?, b)
            }
        };
        let ends = match self.toks.get(b + 1) {
            None => true,
            Some(t) if t.newline_before => true,
            Some(_) => {
                matches!(self.word(b + 1), "." | ",")
                    && self.toks.get(b + 2).is_none_or(|t| t.newline_before)
            }
        };
        ends.then_some(speaker)
    }

    /// `X said: “…”`, `He added: “…”`, `X told reporters, “…”`, `said “…”`, `The Times
    /// reports:` at the end of the paragraph before.
    fn before_open(&self, g: &Group) -> Option<(Span, Option<Span>)> {
        let o = g.open;
        let mut k = o.checked_sub(1)?;
        if self.toks.get(o)?.newline_before && self.word(k) != ":" {
            return None;
        }
        let direct = !matches!(self.word(k), ":" | ",");
        if !direct {
            k = k.checked_sub(1)?;
            if self.toks.get(k + 1)?.newline_before {
                return None;
            }
        }
        let stop = k.saturating_sub(if direct { 0 } else { 8 });
        let mut v = k;
        loop {
            let t = self.toks.get(v)?;
            if t.kind == TokenKind::Punct {
                return None;
            }
            let n = self.cue_at(v);
            if n > 0 && v + n - 1 <= k {
                let cue = self.span_of(v, v + n - 1)?;
                if n == 2 && self.word(v).eq_ignore_ascii_case("according") {
                    return Some((cue, self.speaker_after(v + 2)));
                }
                return Some((cue, self.subject_of(v)));
            }
            if v == stop || t.newline_before {
                return None;
            }
            v -= 1;
        }
    }

    /// A headline or caption naming the speaker before a colon, without a verb: `Spotify boss:
    /// ‘We pay artists fairly’`.
    fn headline_colon(&self, g: &Group) -> Option<Span> {
        let o = g.open;
        let colon = o.checked_sub(1)?;
        if self.word(colon) != ":" || self.toks.get(o)?.newline_before {
            return None;
        }
        let sentence = self.index.sentences().get(self.toks.get(colon)?.sentence)?;
        let start = sentence.tokens.start;
        if start >= colon || colon - start > 6 {
            return None;
        }
        // Words, abbreviation dots and possessive apostrophes (`Musicians’ Union boss`).
        let words_only = (start..colon).all(|k| {
            !self.is_punct(k)
                || self.is_abbrev_dot(k)
                || (matches!(self.word(k), "’" | "'")
                    && self.toks.get(k).is_some_and(|t| !t.space_before))
        });
        if !words_only || (start..colon).any(|k| self.cue_at(k) > 0) {
            return None;
        }
        let region = self.span_of(start, colon - 1)?;
        if let Some(s) = self.entity_in(region, false) {
            return Some(s);
        }
        let first = self.word(start);
        (self.is_name_word(start) && !is_not_name(first)).then_some(region)
    }

    /// A cue later in the quotation's sentence, after its subject: `“I have admiration for the
    /// mechanics” of the proposals, Mr. Holtz-Eakin said.`, `A cashier who “steals a handful
    /// of $20s” is held accountable, Warren said.`
    fn cue_later_in_sentence(&self, g: &Group) -> Option<(Span, Option<Span>)> {
        let from = g.close + 1;
        let v = self
            .sentence_window_after(g.close)
            .find(|&k| self.cue_at(k) > 0 && k > from && !is_participle(self.word(k)))?;
        let n = self.cue_at(v);
        let cue = self.span_of(v, v + n - 1)?;
        if n == 2 && self.word(v).eq_ignore_ascii_case("according") {
            return Some((cue, self.speaker_after(v + 2)));
        }
        // `…, said Ohio State University professor Paul Beck`: the speaker follows the verb
        // (not after `told` or `asked`, whose object follows: `…, told The Huffington Post`).
        let takes_object = matches!(self.word(v), "told" | "tells" | "asked" | "asks");
        if self.word(v - 1) == "," && !takes_object {
            if let Some(speaker) = self.speaker_after(v + n) {
                return Some((cue, Some(speaker)));
            }
        }
        let speaker = self.speaker_before(from, v, false)?;
        Some((cue, Some(speaker)))
    }

    /// The person opening the sentence of a partial quotation that opens at token `o` without a
    /// reporting verb: `Cruz called Trump a “bully”`, `Reid has gone after Trump as a “human
    /// leech”`, `He calls it a “fundamental mistake”`. A news sentence about a person quotes
    /// that person. Not after `so-called`.
    fn person_opening_sentence(&self, o: usize) -> Option<Span> {
        let sentence = self.index.sentences().get(self.toks.get(o)?.sentence)?;
        let start = (sentence.tokens.start..o).find(|&k| !self.is_punct(k))?;
        if o.checked_sub(1)
            .is_some_and(|p| self.word(p).eq_ignore_ascii_case("so-called"))
        {
            return None;
        }
        if gender::of_pronoun(self.word(start)).is_some() {
            return self.resolve(start, Pronoun::Person);
        }
        let from = self.toks.get(start)?.span.start;
        let to = self.toks.get(o)?.span.start;
        let i = self.ents.partition_point(|e| e.span.start < from);
        self.ents
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|e| e.span.end <= to)
            .take(2)
            .find(|e| {
                self.names_person(e)
                    && self.opens_sentence(self.index.token_at_or_after(e.span.start))
            })
            .map(|e| e.span)
    }

    /// `according to X` in the quotation's sentences.
    fn according_to(&self, g: &Group) -> Option<(Span, Option<Span>)> {
        let before = self.sentence_window_before(g.open);
        let after = self.sentence_window_after(g.close);
        for k in before.chain(after) {
            if self.word(k).eq_ignore_ascii_case("according")
                && self.word(k + 1).eq_ignore_ascii_case("to")
            {
                let cue = self.span_of(k, k + 1)?;
                return Some((cue, self.speaker_after(k + 2)));
            }
        }
        None
    }

    /// A partial quotation in a sentence with a reporting verb before it:
    /// `Lisa Nandy told parliament there was “no clear consensus”`.
    fn partial(&self, g: &Group, shape: &Shape) -> Option<(Span, Option<Span>)> {
        let o = g.open;
        for v in self.sentence_window_before(o) {
            let n = self.cue_at(v);
            if n == 0 {
                continue;
            }
            let after_verb = v + n;
            let gap = o.saturating_sub(after_verb);
            // A one-word quotation is someone's word when it is close to the cue, follows a
            // naming verb (`called half of his supporters “deplorables”`) or a copula (`the
            // statement was “true”`); otherwise a scare quote (`shared via “torrents”`).
            let linked = gap <= 3 || (is_naming(self.word(v)) && gap <= 8) || self.after_copula(o);
            if shape.words < 2 && !linked {
                return None;
            }
            let cue = self.span_of(v, after_verb - 1)?;
            return Some((cue, self.subject_of(v)));
        }
        None
    }

    /// The speaker of the cue at token `v`: the subject before it. A participle (`..., adding:`,
    /// `..., saying that`) takes the subject of the clause's main cue, else of its sentence.
    fn subject_of(&self, v: usize) -> Option<Span> {
        if is_participle(self.word(v)) {
            let main = self
                .sentence_window_before(v)
                .find(|&k| self.cue_at(k) > 0 && !is_participle(self.word(k)));
            if let Some(m) = main {
                return self.speaker_before(self.clause_start(m), m, false);
            }
            return self.speaker_before(self.clause_start(v), v, true);
        }
        self.speaker_before(self.clause_start(v), v, false)
    }

    /// True when the opening mark `o` follows a copula or `as` (`was “true”`, `as
    /// “intolerable”`), adverbs aside.
    fn after_copula(&self, o: usize) -> bool {
        let mut k = o;
        while k > 0 {
            k -= 1;
            let w = self.word(k);
            if matches!(
                w,
                "only" | "also" | "just" | "even" | "still" | "not" | "so" | "very"
            ) || (w.len() > 4 && w.ends_with("ly"))
            {
                continue;
            }
            return matches!(
                w,
                "is" | "was"
                    | "were"
                    | "are"
                    | "be"
                    | "been"
                    | "being"
                    | "as"
                    | "seemed"
                    | "seems"
                    | "remained"
                    | "became"
            );
        }
        false
    }

    /// Tokens before `o` in its sentence, nearest first, outside other quotations.
    fn sentence_window_before(&self, o: usize) -> impl Iterator<Item = usize> + use<'_, 'i, 'a> {
        let sentence = self.toks.get(o).map_or(usize::MAX, |t| t.sentence);
        let lo = o.saturating_sub(SENTENCE_WINDOW);
        (lo..o)
            .rev()
            .take_while(move |&k| self.toks.get(k).is_some_and(|t| t.sentence == sentence))
            .filter(move |&k| !self.in_quote(k))
    }

    /// Tokens after `c` in its sentence, stopping at another quotation mark.
    fn sentence_window_after(&self, c: usize) -> impl Iterator<Item = usize> + use<'_, 'i, 'a> {
        let sentence = self.toks.get(c).map_or(usize::MAX, |t| t.sentence);
        let hi = (c + 1 + SENTENCE_WINDOW).min(self.toks.len());
        (c + 1..hi)
            .take_while(move |&k| self.toks.get(k).is_some_and(|t| t.sentence == sentence))
            .filter(move |&k| !self.in_quote(k))
    }

    /// First token of the clause holding token `v`: its sentence start, or the token after an
    /// earlier quotation mark, at most 24 tokens back.
    fn clause_start(&self, v: usize) -> usize {
        let sentence = self.toks.get(v).map_or(usize::MAX, |t| t.sentence);
        let mut lo = v;
        while lo > 0 && v - lo < 24 {
            let k = lo - 1;
            if self.toks.get(k).is_none_or(|t| t.sentence != sentence) || self.is_quote_mark(k) {
                break;
            }
            lo = k;
        }
        lo
    }

    /// The speaker named after a cue: `said Daniel Ek, Spotify’s chief executive`.
    fn speaker_after(&self, j: usize) -> Option<Span> {
        let first = self.toks.get(j)?;
        if first.newline_before || first.kind != TokenKind::Word {
            return None;
        }
        let mut end = j;
        while end < self.toks.len() && end - j < 8 {
            let Some(t) = self.toks.get(end) else { break };
            if end > j && t.newline_before {
                break;
            }
            if t.kind == TokenKind::Punct && !self.is_abbrev_dot(end) {
                break;
            }
            end += 1;
        }
        let region = self.span_of(j, end - 1)?;
        if let Some(s) = self.entity_in(region, false) {
            return Some(s);
        }
        if let Some(s) = self.entity_starting_at(first.span.start) {
            return Some(s);
        }
        self.noun_phrase_at(j, end)
    }

    /// The speaker named in `lo..verb` (before a cue). `start_first`: look at the start of the
    /// region before its end (after a quotation: `“…,” he said`).
    fn speaker_before(&self, lo: usize, verb: usize, start_first: bool) -> Option<Span> {
        if lo >= verb {
            return None;
        }
        let region = self.span_of(lo, verb - 1)?;
        if start_first {
            if let Some(s) = self.entity_in(region, false) {
                return Some(s);
            }
            let mut end = lo;
            while end < verb && (!self.is_punct(end) || self.is_abbrev_dot(end)) {
                end += 1;
            }
            if let Some(s) = self.noun_phrase_at(lo, end) {
                return Some(s);
            }
        }
        // Skip adverbs and auxiliaries (`Clinton once described`) and a parenthesis
        // (`Rep. Gwen Moore (D-Wis.) said`).
        let mut k = verb - 1;
        while k > lo && (is_aux_or_adverb(self.word(k)) || self.word(k) == ")") {
            if self.word(k) == ")" {
                while k > lo && self.word(k) != "(" {
                    k -= 1;
                }
            }
            k = k.saturating_sub(1).max(lo);
        }
        let appositive = self.word(k) == ",";
        while k > lo && self.word(k) == "," {
            k -= 1;
        }
        // The subject right before the verb: a pronoun (`whom she calls`) or a named entity
        // that is not an object (`a member of the Security Council, said`).
        if let Some(p) = pronoun(self.word(k)) {
            return self.resolve(k, p);
        }
        let object_before = |a: usize| {
            let before = a.checked_sub(1).map_or("", |p| self.word(p));
            is_preposition(before) || (appositive && is_determiner(before))
        };
        if let Some(e) = self
            .toks
            .get(k)
            .and_then(|t| self.entity_overlapping(t.span))
        {
            let start = self.index.token_at_or_after(e.span.start);
            if matches!(e.label, Label::Per | Label::Org) && !object_before(start) {
                return Some(e.span);
            }
        }
        if appositive {
            // `The culture secretary, Lisa Nandy, said` or `Jean-Marc Ayrault, a minister of
            // France, said`: a name right before the verb unless it is an object, else the
            // first name of the clause.
            if let Some(s) = self.entity_in(region, false) {
                return Some(s);
            }
            if let Some(a) = self.name_run_to(lo, k) {
                if !object_before(a) {
                    return self.name_span(a, k);
                }
            }
            if let Some(s) = self.first_name_in(lo, k) {
                return Some(s);
            }
        }
        if matches!(self.word(k), "and" | "but" | "or" | "then") && k > lo {
            // `The nominee outlined his plan and vowed`: the clause's subject.
            return self.speaker_before(lo, k, true);
        }
        self.noun_phrase_ending_at(lo, k)
            .or_else(|| self.entity_in(region, true))
            .or_else(|| self.first_name_in(lo, k))
    }

    /// The first run of capitalised words in `lo..=k` (outside quotations).
    fn first_name_in(&self, lo: usize, k: usize) -> Option<Span> {
        let k = k.min(self.toks.len().saturating_sub(1));
        let mut i = lo;
        while i <= k {
            if !self.in_quote(i) && self.is_name_word(i) && !is_not_name(self.word(i)) {
                let b = self.name_run_from(i, k + 1)?;
                return self.name_span(i, b);
            }
            i += 1;
        }
        None
    }

    /// A dot after an initial or a title: `J. K. Rowling`, `Mr. Obama`, `Rep. Moore`.
    fn is_abbrev_dot(&self, k: usize) -> bool {
        if self.word(k) != "." || k == 0 || self.toks.get(k).is_none_or(|t| t.space_before) {
            return false;
        }
        let prev = self.word(k - 1);
        let mut cs = prev.chars();
        let single = matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase());
        // An initial or title comes before a name (`Neither do I.` ends a sentence).
        (single || is_title(prev)) && self.is_name_word(k + 1)
    }

    /// A speaker phrase starting at `j`, ending before `end`: pronoun, name, `the company`.
    fn noun_phrase_at(&self, j: usize, end: usize) -> Option<Span> {
        let w = self.word(j);
        if w.eq_ignore_ascii_case("as") && j + 1 < end {
            return self.noun_phrase_at(j + 1, end); // `as a Homeland Security memo put it`
        }
        if let Some(p) = pronoun(w) {
            return self.resolve(j, p);
        }
        // A name after a role: `Spotify boss Daniel Ek`, `the composer Ed Newton-Rex`.
        let mut i = j + 1;
        while i < end && i < j + 6 {
            let before = self.word(i - 1);
            if self.is_name_word(i)
                && !is_not_name(self.word(i))
                && before.starts_with(char::is_lowercase)
                && !is_preposition(before)
                && !is_name_connector(before)
                && !is_determiner(before)
            {
                if let Some(b) = self.name_run_from(i, end) {
                    return self.name_span(i, b);
                }
            }
            i += 1;
        }
        if let Some(b) = self.name_run_from(j, end) {
            return self.name_span(j, b);
        }
        if is_determiner(w) && end > j + 1 {
            // `The Republican nominee also outlined`: the phrase stops before an adverb, an
            // auxiliary, a verb, a conjunction or a relative pronoun.
            let mut last = j;
            while last + 1 < end && last < j + 5 {
                let x = self.word(last + 1);
                let lower = x.starts_with(|c: char| c.is_lowercase());
                if self.is_punct(last + 1)
                    || is_aux_or_adverb(x)
                    || self.cue_at(last + 1) > 0
                    || (lower && x.len() > 3 && x.ends_with("ed"))
                    || matches!(x, "and" | "or" | "but" | "who" | "which" | "that" | "whose")
                {
                    break;
                }
                last += 1;
            }
            if last == j {
                return None;
            }
            if (j + 1..=last).any(|k| is_org_noun(self.word(k))) {
                let at = self.toks.get(j).map_or(0, |t| t.span.start);
                if let Some(s) = self.nearby_org_before(at) {
                    return Some(s);
                }
            }
            return self.span_of(j, last);
        }
        if w.len() > 3
            && w.ends_with('s')
            && self.toks.get(j).is_some_and(|t| t.kind == TokenKind::Word)
        {
            return self.span_of(j, j); // `officials`, `sources`
        }
        None
    }

    /// A speaker phrase ending at token `k` (not before `lo`).
    fn noun_phrase_ending_at(&self, lo: usize, k: usize) -> Option<Span> {
        let t = self.toks.get(k)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let w = self.word(k);
        if let Some(p) = pronoun(w) {
            return self.resolve(k, p);
        }
        if is_preposition(w) || matches!(w, "and" | "or" | "but" | "that" | "which" | "who") {
            return None;
        }
        if let Some(a) = self.name_run_to(lo, k) {
            return self.name_span(a, k);
        }
        if !t.first_char(self.text).is_lowercase() {
            return None;
        }
        // `the company`, `a spokeswoman for the label`
        let stop = lo.max(k.saturating_sub(5));
        let mut d = k;
        while d > stop {
            d -= 1;
            if self.is_punct(d) {
                break;
            }
            if is_determiner(self.word(d)) {
                if is_org_noun(w) {
                    let at = self.toks.get(d).map_or(0, |t| t.span.start);
                    if let Some(s) = self.nearby_org_before(at) {
                        return Some(s);
                    }
                }
                return self.span_of(d, k);
            }
        }
        if w.ends_with('s') && w.len() > 3 {
            return self.span_of(k, k); // `officials`, `sources`
        }
        None
    }

    fn is_name_word(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.is_capitalised(self.text)
                && pronoun(self.word(k)).is_none()
        })
    }

    /// End (inclusive) of a run of capitalised words starting at `j`, before `end`.
    fn name_run_from(&self, j: usize, end: usize) -> Option<usize> {
        if !self.is_name_word(j) || is_not_name(self.word(j)) {
            return None;
        }
        let mut b = j;
        let mut k = j + 1;
        while k < end && k - j < 8 {
            if self.is_name_word(k) && !self.toks.get(k).is_some_and(|t| t.newline_before) {
                b = k;
            } else if self.is_abbrev_dot(k) {
                // keep going: `J. K. Rowling`
            } else if is_name_connector(self.word(k)) && self.is_name_word(k + 1) && k + 1 < end {
                // `Bank of England`
            } else {
                break;
            }
            k += 1;
        }
        Some(b)
    }

    /// Start of a run of capitalised words ending at `k`, not before `lo`.
    fn name_run_to(&self, lo: usize, k: usize) -> Option<usize> {
        if !self.is_name_word(k) {
            return None;
        }
        let mut a = k;
        while a > lo && k - a < 8 {
            let p = a - 1;
            if self.toks.get(a).is_none_or(|t| t.newline_before) {
                break;
            }
            if self.is_name_word(p) || self.is_abbrev_dot(p) {
                a = p;
            } else if p > lo && is_name_connector(self.word(p)) && self.is_name_word(p - 1) {
                a = p - 1;
            } else {
                break;
            }
        }
        while a < k && (is_not_name(self.word(a)) || self.is_punct(a)) {
            a += 1;
        }
        (!is_not_name(self.word(a))).then_some(a)
    }

    /// The span of a name run `a..=b`, or the entity overlapping it.
    fn name_span(&self, a: usize, b: usize) -> Option<Span> {
        let run = self.span_of(a, b)?;
        if let Some(e) = self.entity_overlapping(run) {
            return Some(e.span);
        }
        Some(run)
    }

    /// Resolves a pronoun at token `k`.
    fn resolve(&self, k: usize, p: Pronoun) -> Option<Span> {
        let at = self.toks.get(k)?.span.start;
        match p {
            // A person of the pronoun's gender if there is one (`she` after `Mr. Holt` and `Ms.
            // Lynch` is Lynch), else any person: the gender of a name is only a guess.
            Pronoun::Person => gender::of_pronoun(self.word(k))
                .and_then(|g| self.antecedent(k, Some(g)))
                .or_else(|| self.antecedent(k, None)),
            Pronoun::Thing => self.last_entity_before(at, Label::Org),
            // `I said`, `they wrote`: the speaker as written.
            Pronoun::Other => self.span_of(k, k),
        }
    }

    /// The person `he` or `she` at token `k` refers to, of gender `g` when given: a person
    /// earlier in its sentence, else the latest salient person or speaker, else the last person
    /// named.
    fn antecedent(&self, k: usize, g: Option<Gender>) -> Option<Span> {
        let at = self.toks.get(k)?.span.start;
        let found = self
            .sentence_subject_before(k, g)
            .or_else(|| self.salient_person_before(k, g))
            .or_else(|| self.last_person_before(at, g));
        // Runs of capitalised words tell no gender: only in the pass without one.
        found.or_else(|| g.is_none().then(|| self.name_before(k)).flatten())
    }

    /// The latest of: the last person starting a sentence (a subject) and the last person named
    /// as a speaker, before token `k`. `He said` after `Trump says he is making a demand. His
    /// audio was quieter than Clinton’s.` is Trump, not Clinton.
    fn salient_person_before(&self, k: usize, g: Option<Gender>) -> Option<Span> {
        let at = self.toks.get(k)?.span.start;
        let n = self.ents.partition_point(|e| e.span.start < at);
        // Entities are sorted and do not overlap, so their ends rise too: the reach cuts the
        // same salient people before or after picking them out.
        let subject = self
            .ents
            .get(..n)
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, e)| e.span.end + SALIENT_REACH >= at)
            .filter(|&(i, _)| self.is_salient_person(i))
            .take(lookback(g))
            .find(|&(i, e)| e.span.end <= at && self.agrees(i, g))
            .map(|(_, e)| e.span);
        let subject = if self.ents.is_empty() {
            self.sentence_initial_name_before(k)
        } else {
            subject
        };
        let speaker = self
            .last_person
            .get()
            .filter(|s| s.end <= at && self.span_agrees(*s, g));
        match (subject, speaker) {
            (Some(a), Some(b)) => Some(if a.start >= b.start { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    /// Without entities: the nearest name starting a sentence before token `k` (`Ed Newton-Rex,
    /// a British composer, was unimpressed.`, `Pohl was angry.`), outside quotations.
    fn sentence_initial_name_before(&self, k: usize) -> Option<Span> {
        let stop = k.saturating_sub(NAME_LOOKBACK);
        let mut i = k;
        while i > stop {
            i -= 1;
            if !self.is_name_word(i)
                || is_not_name(self.word(i))
                || !self.index.is_sentence_initial(i)
                || self.in_quote(i)
            {
                continue;
            }
            let Some(b) = self.name_run_from(i, (i + 8).min(k)) else {
                continue;
            };
            // A single word must be followed by an appositive comma or a cue (`Pohl said`): a
            // capitalised word alone is often a common noun (`Critics say`).
            let next = self.word(b + 1);
            if b > i || next == "," || (self.cue_at(b + 1) > 0 && !self.in_quote(b + 1)) {
                return self.name_span(i, b);
            }
        }
        None
    }

    /// A person named earlier in the sentence of the pronoun at `k`, outside quotations: `Lynch
    /// said she recalled`. The first PER entity, or without entities the first name run.
    fn sentence_subject_before(&self, k: usize, g: Option<Gender>) -> Option<Span> {
        let sentence = self.index.sentences().get(self.toks.get(k)?.sentence)?;
        let lo = sentence.tokens.start.max(k.saturating_sub(SENTENCE_WINDOW));
        if lo >= k {
            return None;
        }
        if !self.ents.is_empty() {
            let region = self.span_of(lo, k - 1)?;
            let i = self.ents.partition_point(|e| e.span.start < region.start);
            return self
                .ents
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .enumerate()
                .take_while(|(_, e)| e.span.end <= region.end)
                .find(|&(j, e)| {
                    self.names_person(e)
                        && self.agrees(i + j, g)
                        && !self.in_quote(self.index.token_at_or_after(e.span.start))
                })
                .map(|(_, e)| e.span);
        }
        self.first_name_in(lo, k - 1)
    }

    /// The nearest run of two or more capitalised words before token `k` (no entity needed).
    fn name_before(&self, k: usize) -> Option<Span> {
        let stop = k.saturating_sub(NAME_LOOKBACK);
        let mut i = k;
        while i > stop {
            i -= 1;
            if !self.is_name_word(i) || self.in_quote(i) {
                continue;
            }
            let b = i;
            let Some(a) = self.name_run_to(stop, b) else {
                continue;
            };
            let words = (a..=b).filter(|&x| self.is_name_word(x)).count();
            if words >= 2 {
                let run = self.span_of(a, b)?;
                let after_the = a
                    .checked_sub(1)
                    .is_some_and(|p| self.word(p).eq_ignore_ascii_case("the"));
                match self.entity_overlapping(run) {
                    None if !after_the => return Some(run),
                    None => {}
                    Some(e) if e.label == Label::Per => return Some(e.span),
                    Some(_) => {} // an organisation or place: keep looking
                }
            }
            i = a;
        }
        None
    }

    fn entity_starting_at(&self, byte: usize) -> Option<Span> {
        let i = self.ents.partition_point(|e| e.span.start < byte);
        self.ents
            .get(i)
            .filter(|e| e.span.start == byte)
            .map(|e| e.span)
    }

    fn entity_overlapping(&self, span: Span) -> Option<&'i Annotation> {
        let i = self.ents.partition_point(|e| e.span.end <= span.start);
        self.ents.get(i).filter(|e| e.span.overlaps(&span))
    }

    /// A PER (else ORG) entity starting inside `region`: the last one when `last`, else the
    /// first.
    fn entity_in(&self, region: Span, last: bool) -> Option<Span> {
        let i = self.ents.partition_point(|e| e.span.start < region.start);
        let inside = self
            .ents
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|e| e.span.start < region.end)
            .take(16);
        let mut per = None;
        let mut org = None;
        for e in inside {
            let slot = match e.label {
                Label::Per => &mut per,
                Label::Org => &mut org,
                _ => continue,
            };
            if last || slot.is_none() {
                *slot = Some(e.span);
            }
        }
        per.or(org)
    }

    /// The last PER entity ending at or before byte `at` that a pronoun of gender `g` may
    /// refer to.
    fn last_person_before(&self, at: usize, g: Option<Gender>) -> Option<Span> {
        let i = self.ents.partition_point(|e| e.span.start < at);
        self.ents
            .get(..i)
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .rev()
            .take(lookback(g))
            .find(|&(j, e)| {
                e.span.end <= at
                    && self.agrees(j, g)
                    && self.names_person(e)
                    && !self.in_quote(self.index.token_at_or_after(e.span.start))
            })
            .map(|(_, e)| e.span)
    }

    /// The organisation `the company` at byte `at` names: the last ORG entity, when it is close
    /// enough to be the one meant (else the phrase itself is the speaker).
    fn nearby_org_before(&self, at: usize) -> Option<Span> {
        self.last_entity_before(at, Label::Org)
            .filter(|s| s.end + ORG_NOUN_REACH >= at)
    }

    /// The last entity of `label` ending at or before byte `at`.
    fn last_entity_before(&self, at: usize, label: Label) -> Option<Span> {
        let i = self.ents.partition_point(|e| e.span.start < at);
        self.ents
            .get(..i)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take(ENTITY_LOOKBACK)
            .find(|e| {
                e.label == label
                    && e.span.end <= at
                    && !self.in_quote(self.index.token_at_or_after(e.span.start))
            })
            .map(|e| e.span)
    }
}

/// How many entities back to look for an antecedent: fewer when it must agree in gender (a
/// text naming no woman must not cost a long search for every `she`).
fn lookback(g: Option<Gender>) -> usize {
    if g.is_some() {
        GENDER_LOOKBACK
    } else {
        ENTITY_LOOKBACK
    }
}

/// Small words left in lower case in titles (`The Lord of the Rings`).
fn is_title_small_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
            | "de"
            | "vs"
            | "v"
    )
}

/// Auxiliaries and adverbs between a subject and its cue.
fn is_aux_or_adverb(w: &str) -> bool {
    (w.len() > 3 && w.ends_with("ly") && w.starts_with(|c: char| c.is_lowercase()))
        || matches!(
            w,
            "has"
                | "had"
                | "have"
                | "is"
                | "was"
                | "were"
                | "are"
                | "will"
                | "would"
                | "also"
                | "once"
                | "then"
                | "now"
                | "later"
                | "never"
                | "still"
                | "just"
                | "again"
                | "even"
                | "been"
                | "be"
                | "soon"
                | "often"
                | "already"
                | "can"
                | "could"
                | "may"
                | "might"
                | "should"
                | "did"
                | "does"
                | "do"
        )
}

/// Prepositions before a name that make it an object, not a speaker.
fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "for" | "in" | "at" | "on" | "from" | "with" | "to" | "by" | "about" | "against"
    )
}

/// Titles written with a dot before a name (`Mr.`, `Sen.`).
fn is_title(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Mx"
            | "Dr"
            | "Prof"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Cmdr"
            | "Adm"
            | "Maj"
            | "Rev"
            | "Hon"
            | "Pres"
            | "Supt"
            | "Insp"
            | "Det"
            | "St"
            | "Jr"
            | "Sr"
            | "Messrs"
            | "Mme"
            | "Rt"
    )
}

/// Cue words that are also plural nouns (`claims`, `reports`).
fn is_noun_like_cue(w: &str) -> bool {
    matches!(
        w,
        "claims" | "notes" | "reports" | "calls" | "states" | "tweets" | "says" | "warns" | "asks"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_marks_pass_the_lead_byte_filter() {
        let text = "“ ” \" ‘ ’ ' « » „ ‹ › — ( x ‛";
        let index = TextIndex::new(text);
        let attributor = Attributor::new(&index, &[], &[]);
        let marks: Vec<&str> = (0..index.tokens().len())
            .filter(|&i| attributor.is_quote_mark(i))
            .map(|i| index.token_text(i))
            .collect();
        assert_eq!(
            marks,
            ["“", "”", "\"", "‘", "’", "'", "«", "»", "„", "‹", "›"]
        );
    }
}
