//! Unit and currency phrases that may follow a number, loaded once from `lexicon/numbers_*.txt`.
//!
//! Each phrase is tokenized with the engine's own tokenizer, so a phrase such as `km/h` or
//! `degrees Celsius` matches exactly the tokens (and the glued / spaced joints) it has in a text.

use crate::entities::gazetteer::WordHashBuild;
use crate::text::{TextIndex, Token, TokenKind};
use std::collections::HashMap;
use std::sync::OnceLock;

const UNITS: &str = include_str!("../../lexicon/numbers_units.txt");
const CURRENCIES: &str = include_str!("../../lexicon/numbers_currencies.txt");

/// One phrase: its first token is the map key, the rest are listed here.
#[derive(Debug)]
pub(super) struct Phrase {
    /// Texts of the tokens after the first, each with "glued to the previous token".
    rest: Vec<(&'static str, bool)>,
    /// Normalised symbol or ISO 4217 code.
    pub symbol: &'static str,
    /// Only valid glued to the number ("40C", "50p").
    glued_only: bool,
    /// Only valid after a space ("12 stone", "5 USD").
    spaced_only: bool,
    /// The phrase counts hundredths (pence, cents).
    pub hundredths: bool,
}

/// Phrases keyed by their first token's text.
#[derive(Debug, Default)]
pub(super) struct PhraseTable {
    /// FNV-hashed: looked up for every word after a number; short keys, no flooding concern.
    by_first: HashMap<&'static str, Vec<Phrase>, WordHashBuild>,
    /// For each first byte (letters folded to lower case): bit `n` (at most 31) is set when a
    /// key of `n` bytes starts with it. Most words after a number are refused here, before
    /// hashing.
    key_lengths: Vec<u32>,
}

/// Index of the first byte of `word` in [`PhraseTable::key_lengths`] (ASCII letters folded) and
/// the bit of its length.
fn key_slot(word: &str) -> Option<(usize, u32)> {
    let &b = word.as_bytes().first()?;
    let folded = if b.is_ascii_uppercase() { b | 0x20 } else { b };
    let len = u32::try_from(word.len()).unwrap_or(u32::MAX).min(31);
    Some((usize::from(folded), 1 << len))
}

/// The loaded lexicons.
#[derive(Debug)]
pub(super) struct Lexicon {
    /// Units of measure.
    pub units: PhraseTable,
    /// Currency words and codes.
    pub currencies: PhraseTable,
}

/// The lexicons, loaded on first use.
pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon {
        units: PhraseTable::load(UNITS),
        currencies: PhraseTable::load(CURRENCIES),
    })
}

impl PhraseTable {
    fn load(source: &'static str) -> Self {
        let mut by_first: HashMap<&'static str, Vec<Phrase>, WordHashBuild> = HashMap::default();
        for line in source.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(phrase), Some(symbol)) = (cols.next(), cols.next()) else {
                continue;
            };
            let flags = cols.next().unwrap_or("");
            let index = TextIndex::new(phrase);
            let Some((first, rest)) = index.tokens().split_first() else {
                continue;
            };
            let rest = rest
                .iter()
                .map(|t| (t.span.slice(phrase), !t.space_before))
                .collect();
            by_first
                .entry(first.span.slice(phrase))
                .or_default()
                .push(Phrase {
                    rest,
                    symbol,
                    glued_only: flags.contains('g'),
                    spaced_only: flags.contains('s'),
                    hundredths: flags.contains('c'),
                });
        }
        // Longest phrases first, so "degrees Celsius" wins over "degrees".
        for list in by_first.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        let mut key_lengths = vec![0u32; 256];
        for key in by_first.keys() {
            if let Some((at, bit)) = key_slot(key) {
                if let Some(slot) = key_lengths.get_mut(at) {
                    *slot |= bit;
                }
            }
        }
        PhraseTable {
            by_first,
            key_lengths,
        }
    }

    /// False when neither `word` nor its lower-case form can be a key (by first byte and length).
    fn may_start(&self, word: &str) -> bool {
        key_slot(word).is_some_and(|(at, bit)| {
            self.key_lengths
                .get(at)
                .is_some_and(|&lengths| lengths & bit != 0)
        })
    }

    /// The symbol of a one-word phrase that may follow a number after a space ("year" → "yr").
    pub fn single(&self, word: &str) -> Option<&'static str> {
        if !self.may_start(word) {
            return None;
        }
        let list = match self.by_first.get(word) {
            Some(list) => list,
            None => {
                let mut buf = [0u8; 24];
                let lower = super::words::lower_ascii(word, &mut buf).filter(|&l| l != word)?;
                self.by_first.get(lower)?
            }
        };
        list.iter()
            .find(|p| p.rest.is_empty() && !p.glued_only)
            .map(|p| p.symbol)
    }

    /// Matches a phrase starting at token `j` of `tokens` (which must sit on the same line as the
    /// number before it). Returns the phrase and the index one past its last token.
    pub fn match_at(&self, text: &str, tokens: &[Token], j: usize) -> Option<(&Phrase, usize)> {
        let first = tokens.get(j)?;
        if first.newline_before || first.kind == TokenKind::Number {
            return None;
        }
        let glued = !first.space_before;
        let word = first.span.slice(text);
        if !self.may_start(word) {
            return None;
        }
        let candidates = match self.by_first.get(word) {
            Some(list) => list,
            None => {
                // Case-insensitive fallback for longer words ("Miles", "KILOMETRES").
                if word.len() < 3 || word.len() > 24 || !word.is_ascii() {
                    return None;
                }
                let mut buf = [0u8; 24];
                // A word without capitals was looked up already.
                let lower = super::words::lower_ascii(word, &mut buf).filter(|&l| l != word)?;
                self.by_first.get(lower)?
            }
        };
        'phrases: for phrase in candidates {
            if (phrase.glued_only && !glued) || (phrase.spaced_only && glued) {
                continue;
            }
            let mut k = j + 1;
            for &(part, part_glued) in &phrase.rest {
                let Some(t) = tokens.get(k) else {
                    continue 'phrases;
                };
                let s = t.span.slice(text);
                let same = if part.len() <= 2 {
                    s == part
                } else {
                    s.eq_ignore_ascii_case(part)
                };
                if !same || t.newline_before || part_glued == t.space_before {
                    continue 'phrases;
                }
                k += 1;
            }
            // A unit must not run on into more word characters ("5 kmph" is fine as "kmph"
            // only when listed): the next token may not be glued to it as a word.
            if let Some(next) = tokens.get(k) {
                if !next.space_before && next.kind != TokenKind::Punct {
                    continue;
                }
            }
            return Some((phrase, k));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_filter_lets_every_key_through_in_any_case() {
        let lex = lexicon();
        for table in [&lex.units, &lex.currencies] {
            for &key in table.by_first.keys() {
                let capital: String = key
                    .chars()
                    .enumerate()
                    .map(|(n, c)| if n == 0 { c.to_ascii_uppercase() } else { c })
                    .collect();
                for form in [key.to_string(), key.to_ascii_uppercase(), capital] {
                    assert!(table.may_start(&form), "{form}");
                }
            }
            assert!(!table.may_start(""));
        }
        let refused = ["the", "and", ".", ",", "people", "of", "said", "government"]
            .iter()
            .filter(|w| !lex.units.may_start(w) && !lex.currencies.may_start(w))
            .count();
        assert!(refused >= 3, "{refused}");
    }
}
