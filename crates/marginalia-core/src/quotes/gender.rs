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
    if !super::lexicon::may_be_short_before_apostrophe(word, 3) {
        return None;
    }
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
    // Titles and given names are capitalised (a test checks the lexicon).
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
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

/// The first word of a name (`Hillary` in `Hillary Clinton`), `""` for none: the first item of
/// `split_whitespace`, looked for byte by byte in an ASCII name.
pub(super) fn first_word(name: &str) -> &str {
    if !name.is_ascii() {
        return name.split_whitespace().next().unwrap_or("");
    }
    let b = name.as_bytes();
    let start = b
        .iter()
        .position(|&c| !is_ascii_space(c))
        .unwrap_or(b.len());
    let rest = b.get(start..).unwrap_or(&[]);
    let len = rest
        .iter()
        .position(|&c| is_ascii_space(c))
        .unwrap_or(rest.len());
    name.get(start..start + len).unwrap_or("")
}

/// The last word of a name (`Clinton’s` in `Hillary Clinton’s`), `None` for none: the last item
/// of `split_whitespace`, looked for byte by byte in an ASCII name.
fn last_word(name: &str) -> Option<&str> {
    if !name.is_ascii() {
        return name.split_whitespace().next_back();
    }
    let b = name.as_bytes();
    let end = b.iter().rposition(|&c| !is_ascii_space(c))? + 1;
    let start = b
        .get(..end)?
        .iter()
        .rposition(|&c| is_ascii_space(c))
        .map_or(0, |i| i + 1);
    name.get(start..end)
}

/// The ASCII bytes that [`char::is_whitespace`] accepts (vertical tab included).
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The last word of a name, without a possessive `’s`: `Clinton` in `Hillary Clinton’s`.
fn surname(name: &str) -> Option<&str> {
    let last = last_word(name)?;
    let last = last
        .strip_suffix("’s")
        .or_else(|| last.strip_suffix("'s"))
        .unwrap_or(last);
    (!last.is_empty()).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_and_titles_are_capitalised() {
        // `of_word` skips the lookup for a word not starting with an ASCII capital.
        for name in given_names().keys() {
            assert!(name.starts_with(|c: char| c.is_ascii_uppercase()), "{name}");
        }
        assert_eq!(of_word("mr"), None);
        assert_eq!(of_word("Mr."), Some(Gender::Male));
    }

    #[test]
    fn first_and_last_words_agree_with_split_whitespace() {
        let names = [
            "Hillary Clinton",
            "  Hillary\tRodham  Clinton ",
            "Ed",
            "",
            "   ",
            "a\u{0B}b",
            "a\u{0C}b\r\n",
            "Jos\u{e9}\u{a0}Mar\u{ed}a Aznar",
            "\u{3000}Abe\u{3000}",
        ];
        for name in names {
            assert_eq!(
                first_word(name),
                name.split_whitespace().next().unwrap_or("")
            );
            assert_eq!(last_word(name), name.split_whitespace().next_back());
        }
    }
}
