//! Name lists for the entity layer, loaded once from `lexicon/entities_*.txt`.
//!
//! Every list is a plain text file with one entry per line and `#` comments. Phrase lists
//! (places, organisations, other names) are keyed by their exact spelling with single spaces
//! between tokens; a second, upper-cased copy serves all-caps text (`LONDON`). Entries written
//! with a straight apostrophe also match the curly one and vice versa.
//!
//! The lookups are meant to be reusable as features by a trained recognizer: each answers one
//! question about one word or phrase, without looking at context.
//!
//! ```
//! use marginalia_core::entities::gazetteer::{gazetteer, Cue};
//! use marginalia_core::Label;
//! let g = gazetteer();
//! assert_eq!(g.phrase("Europe"), Some(Label::Loc));
//! assert_eq!(g.phrase_upper("LONDON"), Some(Label::Loc));
//! assert!(g.is_first_name("Naomi"));
//! assert_eq!(g.cue("Group"), Some(Cue::OrgSuffix));
//! assert!(g.is_stopword("The"));
//! ```

use crate::annotation::Label;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const COUNTRIES: &str = include_str!("../../lexicon/entities_countries.txt");
const PLACES: &str = include_str!("../../lexicon/entities_places.txt");
const ORGS: &str = include_str!("../../lexicon/entities_orgs.txt");
const MISC: &str = include_str!("../../lexicon/entities_misc.txt");
const PEOPLE: &str = include_str!("../../lexicon/entities_people.txt");
const FIRST_NAMES: &str = include_str!("../../lexicon/entities_first_names.txt");
const STOPWORDS: &str = include_str!("../../lexicon/entities_stopwords.txt");
const CUES: &str = include_str!("../../lexicon/entities_cues.txt");

/// Hash builder for maps and sets keyed by short strings (words and short phrases) or small
/// integers: rustc's Fx hash, which takes eight bytes a step. The keys are our own lexicon
/// entries and words of the analysed text; hash flooding is not a concern here.
pub type WordHashBuild = rustc_hash::FxBuildHasher;

/// What a single word says about the name next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// A title or honorific before a person's name (`Mr`, `Dr`, `President`); not part of it.
    Title,
    /// A word that makes the following word a title (`Prime` in `Prime Minister`).
    TitleModifier,
    /// A lower-case role noun before a name (`composer Ed Newton-Rex`, `striker`).
    Role,
    /// Last word of an organisation's name (`Group`, `Union`, `Ltd`).
    OrgSuffix,
    /// First word of an organisation's name when `of` follows (`Bank of England`).
    OrgHead,
    /// First word that makes a run of two or more capitalised words an organisation
    /// (`National ...`, `Democratic ...`).
    OrgPrefix,
    /// Last word of a place name (`River`, `Street`, `Island`).
    LocSuffix,
    /// First word of a place name (`Mount`, `Lake`, `Gulf of ...`).
    LocHead,
    /// Last word of an event, law, award or similar (`Cup`, `Act`, `Prize`).
    MiscSuffix,
    /// A noun after `X, a/an/the ...` that makes X an organisation (`library`, `firm`).
    OrgNoun,
    /// A noun after `X, a/an/the ...` that makes X a person (`composer`, `singer`).
    PerNoun,
    /// A noun after `X, a/an/the ...` that makes X a place (`city`, `village`).
    LocNoun,
}

impl Cue {
    fn bit(self) -> u16 {
        1 << (self as u16)
    }

    fn parse(name: &str) -> Option<Cue> {
        Some(match name {
            "title" => Cue::Title,
            "title-modifier" => Cue::TitleModifier,
            "role" => Cue::Role,
            "org-suffix" => Cue::OrgSuffix,
            "org-head" => Cue::OrgHead,
            "org-prefix" => Cue::OrgPrefix,
            "loc-suffix" => Cue::LocSuffix,
            "loc-head" => Cue::LocHead,
            "misc-suffix" => Cue::MiscSuffix,
            "org-noun" => Cue::OrgNoun,
            "per-noun" => Cue::PerNoun,
            "loc-noun" => Cue::LocNoun,
            _ => return None,
        })
    }
}

/// The loaded lists. Get it with [`gazetteer`].
#[derive(Debug)]
pub struct Gazetteer {
    /// Every phrase and word some list holds, with all the lists say about it: phrases (and
    /// their first tokens) as written and in capitals, first names as listed and in capitals,
    /// stop words as listed and capitalised, cue words with and without a trailing dot.
    words: HashMap<String, WordInfo, WordHashBuild>,
    upper: HashMap<String, Label, WordHashBuild>,
    countries: HashSet<String, WordHashBuild>,
    max_tokens: usize,
}

/// Everything the lists say about one word as written, found with one lookup
/// ([`Gazetteer::word`]); each field answers like the lookup it names.
///
/// ```
/// use marginalia_core::entities::gazetteer::{gazetteer, Cue};
/// let g = gazetteer();
/// let dr = g.word("Dr.");
/// assert!(dr.is(Cue::Title) && !dr.stopword);
/// assert_eq!(g.word("The").stopword, g.is_stopword("The"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// [`Gazetteer::is_stopword`].
    pub stopword: bool,
    /// [`Gazetteer::is_first_name`].
    pub first_name: bool,
    /// [`Gazetteer::phrase`] of the word alone.
    pub phrase: Option<Label>,
    /// [`Gazetteer::cue`].
    pub cue: Option<Cue>,
    /// The cues of [`Gazetteer::is`], one bit each.
    cues: u16,
    /// [`Gazetteer::max_tokens_from`], at most `u16::MAX`.
    max_tokens_from: u16,
}

impl WordInfo {
    /// [`Gazetteer::is`]: true when the word is listed under `cue`.
    pub fn is(&self, cue: Cue) -> bool {
        self.cues & cue.bit() != 0
    }

    /// [`Gazetteer::max_tokens_from`]: the most tokens of a known phrase starting with the word.
    pub fn max_tokens_from(&self) -> usize {
        usize::from(self.max_tokens_from)
    }
}

/// `word` with its first letter upper-cased, when that letter has a one-character upper
/// case that is a capital (`the` → `The`).
fn capitalised(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let mut upper = first.to_uppercase();
    let (Some(u), None) = (upper.next(), upper.next()) else {
        return None;
    };
    u.is_uppercase().then(|| format!("{u}{}", chars.as_str()))
}

/// `word` with its first letter lower-cased, when it is a capital with a one-character lower
/// case (`The` → `the`).
fn lower_first(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    if !first.is_uppercase() {
        return None;
    }
    let mut lower = first.to_lowercase();
    let (Some(l), None) = (lower.next(), lower.next()) else {
        return None;
    };
    Some(format!("{l}{}", chars.as_str()))
}

/// The gazetteer, built on first use (a few milliseconds) and shared afterwards.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::load)
}

/// The entries of a list: trimmed lines that are neither empty nor `#` comments.
fn entries(source: &'static str) -> impl Iterator<Item = &'static str> {
    source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Gazetteer {
    fn load() -> Self {
        let mut g = Gazetteer {
            words: HashMap::default(),
            upper: HashMap::default(),
            countries: HashSet::default(),
            max_tokens: 1,
        };
        // Later lists do not override earlier ones: a place stays a place.
        for entry in entries(COUNTRIES) {
            g.add_phrase(entry, Label::Loc);
            let normal = entry.split_whitespace().collect::<Vec<_>>().join(" ");
            g.countries.insert(normal.to_uppercase());
            g.countries.insert(normal);
        }
        for (source, label) in [
            (PLACES, Label::Loc),
            (ORGS, Label::Org),
            (MISC, Label::Misc),
            (PEOPLE, Label::Per),
        ] {
            for entry in entries(source) {
                g.add_phrase(entry, label);
            }
        }
        for name in entries(FIRST_NAMES).flat_map(str::split_whitespace) {
            g.entry(name).first_name = true;
            g.entry(&name.to_uppercase()).first_name = true;
        }
        for word in entries(STOPWORDS).flat_map(str::split_whitespace) {
            g.entry(word).stopword = true;
            // The capitalised form too, so that one lookup answers `is_stopword`: only where
            // lower-casing its first letter gives the entry back.
            if let Some(upper) = capitalised(word) {
                if lower_first(&upper).as_deref() == Some(word) {
                    g.entry(&upper).stopword = true;
                }
            }
        }
        let mut section = None;
        for line in entries(CUES) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Cue::parse(name);
                continue;
            }
            if let Some(cue) = section {
                for word in line.split_whitespace() {
                    g.add_cue(word, cue);
                }
            }
        }
        g
    }

    /// The entry of `word`, made empty if new.
    fn entry(&mut self, word: &str) -> &mut WordInfo {
        self.words.entry(word.to_string()).or_default()
    }

    /// Lists `word` under `cue`. Lookups ignore one trailing dot, so the entries that answer
    /// are the word with a dot added and, unless it ends in a dot itself, the word.
    fn add_cue(&mut self, word: &str, cue: Cue) {
        let dotted = format!("{word}.");
        let plain = (!word.ends_with('.')).then_some(word);
        for w in std::iter::once(dotted.as_str()).chain(plain) {
            let info = self.entry(w);
            // The first cue a word is listed under is its cue.
            info.cue = info.cue.or(Some(cue));
            info.cues |= cue.bit();
        }
    }

    /// Everything the single-word lookups say about `word`, with one lookup: the same answers as
    /// [`is_stopword`](Self::is_stopword), [`is_first_name`](Self::is_first_name),
    /// [`phrase`](Self::phrase), [`cue`](Self::cue), [`is`](Self::is) and
    /// [`max_tokens_from`](Self::max_tokens_from).
    pub fn word(&self, word: &str) -> WordInfo {
        self.words.get(word).copied().unwrap_or_default()
    }

    fn add_phrase(&mut self, entry: &str, label: Label) {
        let normal: String = entry.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut variants = vec![normal.clone()];
        if normal.contains('\'') {
            variants.push(normal.replace('\'', "’"));
        }
        if normal.contains('’') {
            variants.push(normal.replace('’', "'"));
        }
        for v in variants {
            let upper = v.to_uppercase();
            for phrase in [&v, &upper] {
                let index = crate::text::TextIndex::new(phrase);
                let n = index.tokens().len();
                self.max_tokens = self.max_tokens.max(n);
                let first = self.entry(index.token_text(0));
                let n = u16::try_from(n).unwrap_or(u16::MAX);
                first.max_tokens_from = first.max_tokens_from.max(n);
            }
            self.upper.entry(upper).or_insert(label);
            let info = self.entry(&v);
            info.phrase = info.phrase.or(Some(label));
        }
    }

    /// The most tokens of a known phrase whose first token is `first` (0 when none starts so);
    /// counts phrases in capitals too. Bounds the search for the longest match.
    pub fn max_tokens_from(&self, first: &str) -> usize {
        self.word(first).max_tokens_from()
    }

    /// The label of a known name written exactly so (`"Bank of England"` → ORG), with single
    /// spaces between words.
    pub fn phrase(&self, phrase: &str) -> Option<Label> {
        self.word(phrase).phrase
    }

    /// True for a country's name, as written or in capitals (`"France"`, `"FRANCE"`): its sports
    /// side stays a place in CoNLL terms, unlike a town's club.
    pub fn is_country(&self, phrase: &str) -> bool {
        self.countries.contains(phrase)
    }

    /// The label of a known name written in capitals (`"BANK OF ENGLAND"`).
    pub fn phrase_upper(&self, phrase: &str) -> Option<Label> {
        self.upper.get(phrase).copied()
    }

    /// The most tokens any phrase has (bounds the longest-match search).
    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// True for a common given name (`"Daniel"`, `"Naomi"`); also matches all-caps `"DANIEL"`.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.word(word).first_name
    }

    /// True for a common word that is not a name on its own even when capitalised (`The`,
    /// `This`, `However`, month and weekday names, `I`, `AI`). Compared ignoring the case of
    /// the first letter, and exactly for all-caps acronyms.
    pub fn is_stopword(&self, word: &str) -> bool {
        // The words hold each entry and its capitalised form (added when the lists are read).
        self.word(word).stopword
    }

    /// The first cue a word is listed under, if any (`"Mr"` → [`Cue::Title`], `"Union"` →
    /// [`Cue::OrgSuffix`]). Exact spelling; a trailing dot is ignored (`"Dr."`).
    pub fn cue(&self, word: &str) -> Option<Cue> {
        // Cue words are entered with and without the dot.
        self.word(word).cue
    }

    /// True when the word is listed under `cue` (a word may have several: `Party` is an
    /// organisation suffix and head). Exact spelling; a trailing dot is ignored.
    pub fn is(&self, word: &str, cue: Cue) -> bool {
        self.word(word).is(cue)
    }
}
