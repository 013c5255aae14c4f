//! The gender a text gives the people it names, so that `she said` does not resolve to a man:
//! a given name (`Hillary Clinton`) or a title (`Mr. Trump`, `Ms. Lynch`) before a surname
//! tells it for every mention of that surname in the text.

use crate::entities::gazetteer::WordHashBuild;
use std::collections::HashMap;
use std::sync::OnceLock;

const GIVEN_NAMES: &str = include_str!("../../lexicon/quotes_given_names.txt");

/// A person's grammatical gender, as `he` or `she` refers to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    /// `she`, `Mrs`, `Hillary`.
    Female,
    /// `he`, `Mr`, `Donald`.
    Male,
}

/// The gender of a pronoun (`he`, `She’s`), `None` for any other word.
pub(super) fn of_pronoun(word: &str) -> Option<Gender> {
    let word = word.split(['’', '\'']).next().unwrap_or(word);
    if word.eq_ignore_ascii_case("she") {
        Some(Gender::Female)
    } else if word.eq_ignore_ascii_case("he") {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The gender of a title (`Mr`, `Mrs.`) or given name (`Hillary`), `None` when it tells none.
pub(super) fn of_word(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.') {
        "Mr" | "Sir" | "Lord" => return Some(Gender::Male),
        "Mrs" | "Ms" | "Miss" | "Mme" | "Madam" | "Lady" | "Dame" => return Some(Gender::Female),
        _ => {}
    }
    given_names().get(word).copied()
}

/// The given names of the lexicon with their gender; a name listed under both is female.
fn given_names() -> &'static HashMap<&'static str, Gender, WordHashBuild> {
    static NAMES: OnceLock<HashMap<&'static str, Gender, WordHashBuild>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = HashMap::default();
        let mut section: Option<Gender> = None;
        for line in GIVEN_NAMES.lines() {
            match line.trim() {
                "# female" => section = Some(Gender::Female),
                "# male" => section = Some(Gender::Male),
                l if l.starts_with('#') => {}
                l => {
                    if let Some(g) = section {
                        for name in l.split_whitespace() {
                            names
                                .entry(name)
                                .and_modify(|known| {
                                    if g == Gender::Female {
                                        *known = g;
                                    }
                                })
                                .or_insert(g);
                        }
                    }
                }
            }
        }
        names
    })
}

/// The gender known for each surname of a text; a surname seen with both (`Bill Clinton`,
/// `Hillary Clinton`) has none.
#[derive(Debug, Default)]
pub(super) struct Genders<'a> {
    by_surname: HashMap<&'a str, Option<Gender>, WordHashBuild>,
}

impl<'a> Genders<'a> {
    /// Records that the person named `name` (an entity's text) has the gender `gender`.
    pub(super) fn record(&mut self, name: &'a str, gender: Gender) {
        let Some(surname) = surname(name) else { return };
        self.by_surname
            .entry(surname)
            .and_modify(|g| {
                if *g != Some(gender) {
                    *g = None;
                }
            })
            .or_insert(Some(gender));
    }

    /// The gender the text gives the person named `name`, if it tells one.
    pub(super) fn of(&self, name: &str) -> Option<Gender> {
        surname(name)
            .and_then(|s| self.by_surname.get(s))
            .copied()
            .flatten()
    }
}

/// The last word of a name, without a possessive `’s`: `Clinton` in `Hillary Clinton’s`.
fn surname(name: &str) -> Option<&str> {
    let last = name.split_whitespace().next_back()?;
    let last = last
        .strip_suffix("’s")
        .or_else(|| last.strip_suffix("'s"))
        .unwrap_or(last);
    (!last.is_empty()).then_some(last)
}
