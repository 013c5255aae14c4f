//! brat standoff attribution files (PolNeAR): direct quotations and their speakers.
//!
//! # The format
//!
//! An article `NAME.txt` and its annotations `NAME_ANNOTATOR.ann`, one annotation per line,
//! fields separated by tabs (shown as spaces here):
//!
//! ```text
//! T1 Source 89 106 The New York Post
//! T2 Cue 107 114 reports
//! T3 Content 115 290;300 320 that Hillary Clinton’s team ...
//! E1 Attribution:T4 Content:T3 Cue:T2 Source:T1
//! ```
//!
//! `T` lines are text-bound spans: a type, then `start end` pairs separated by `;` (a
//! discontinuous span), in **code points** of the `.txt` file, then the covered text (the
//! pieces joined by a space). `E` lines tie an attribution's Content, Cue and Source together.
//! Other lines (`A`, `R`, `N`, `#` notes) are ignored.
//!
//! # What is scored
//!
//! - **Direct quotations**: each Content piece is searched for quote marks ([`quoted_parts`]);
//!   every quoted part is a gold `QUOTE` span, following the engine's conventions: the words
//!   between the marks, punctuation inside them included, whitespace trimmed, one span per
//!   paragraph for a quotation running over paragraphs. A piece that starts inside a quotation
//!   (its first mark closes) or ends inside one (its last mark opens) is quoted up to its edge.
//!   Double marks (`“…”`, `"…"`, `„…“`), guillemets and `‘…’` count; straight single quotes do
//!   not (they are apostrophes far more often). Contents without quote marks (paraphrase) are
//!   not quotations and are not scored.
//! - The engine's **speech** quotations are scored, and its quoted terms only inside a gold
//!   Content ([`GoldSet::speech_only`], [`GoldDoc::scope`]): PolNeAR annotates attributions,
//!   so a scare quote elsewhere is not a false positive, while anything quoted inside an
//!   attribution's content is the source's words, whatever kind the engine gives it.
//! - The pieces of a discontinuous Content separated only by spaces are joined first, so a
//!   quotation the annotation tool split stays one span.
//! - **Cue**: the attribution's Cue text (pieces joined by a space), compared with the
//!   engine's cue words.
//! - **Speaker**: the attribution's Source span(s). Rule for pronoun sources (`he`, `she`,
//!   `they`, `I`, `we`, `it`...): PolNeAR does not resolve them, while the engine names the
//!   person, so the pronoun's antecedent is taken from the gold itself: the nearest earlier
//!   Source of the article that starts with a name (a capitalised word that is not a pronoun
//!   or a determiner: `Hillary Clinton`, not `The Republican` or `a Trump aide`). Its last
//!   capitalised word (a surname, without `’s`) is searched before the pronoun, and every
//!   occurrence, like the pronoun itself, counts as the right speaker. This is an
//!   approximation (the nearest earlier source is not always the pronoun's antecedent).

use super::{byte_span, char_byte_offsets, EvalError, GoldDoc, GoldSet, GoldSpan};
use crate::annotation::Layer;
use crate::span::Span;
use std::collections::HashMap;

/// Pronouns a Source may be (compared lower-cased).
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "me", "us", "his", "their",
    "its",
];

/// A `T` line: its type and byte pieces.
struct TextBound {
    kind: String,
    pieces: Vec<Span>,
}

/// Reads one article: `name` (for messages), its text and its `.ann` file.
pub fn read(name: &str, text: &str, ann: &str) -> Result<GoldDoc, EvalError> {
    let offsets = char_byte_offsets(text);
    let mut bounds: HashMap<&str, TextBound> = HashMap::new();
    let mut events: Vec<(usize, Vec<(&str, &str)>)> = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let id = fields.next().unwrap_or("");
        let Some(body) = fields.next() else {
            return Err(EvalError::new(name, number, "expected a tab after the id"));
        };
        if id.starts_with('T') {
            let covered = fields.next().unwrap_or("");
            let bound = text_bound(name, number, body, covered, text, &offsets)?;
            bounds.insert(id, bound);
        } else if id.starts_with('E') {
            let mut roles = Vec::new();
            for arg in body.split_whitespace() {
                let Some((role, target)) = arg.split_once(':') else {
                    return Err(EvalError::new(
                        name,
                        number,
                        format!("expected ROLE:ID, found '{arg}'"),
                    ));
                };
                roles.push((role, target));
            }
            events.push((number, roles));
        }
    }

    // Sources in text order, for pronoun antecedents.
    let mut sources: Vec<Span> = bounds
        .values()
        .filter(|b| b.kind == "Source")
        .filter_map(|b| b.pieces.first().copied())
        .collect();
    sources.sort();

    let mut spans = Vec::new();
    let mut scope = Vec::new();
    for (number, roles) in &events {
        let target = |role: &str| -> Result<Option<&TextBound>, EvalError> {
            match roles.iter().find(|(r, _)| *r == role) {
                None => Ok(None),
                Some((_, id)) => bounds.get(id).map(Some).ok_or_else(|| {
                    EvalError::new(name, *number, format!("{role} refers to unknown '{id}'"))
                }),
            }
        };
        let Some(content) = target("Content")? else {
            continue;
        };
        let cue = target("Cue")?.map(|c| {
            let words: Vec<&str> = c.pieces.iter().map(|p| p.slice(text)).collect();
            words.join(" ")
        });
        let speakers = match target("Source")? {
            Some(source) => accepted_speakers(text, source, &sources),
            None => Vec::new(),
        };
        scope.extend(content.pieces.iter().copied());
        for piece in merge_pieces(text, &content.pieces) {
            for part in quoted_parts(text, piece) {
                let mut gold = GoldSpan::new(part, "QUOTE");
                gold.cue = cue.clone();
                gold.speakers = speakers.clone();
                spans.push(gold);
            }
        }
    }
    spans.sort_by_key(|g| (g.span.start, g.span.end));
    spans.dedup_by_key(|g| g.span);
    scope.sort();
    Ok(GoldDoc {
        name: name.to_string(),
        text: text.to_string(),
        spans,
        tokens: Vec::new(),
        scope,
    })
}

/// A set of PolNeAR articles: the quote layer, speech quotations only.
pub fn set(docs: Vec<GoldDoc>) -> GoldSet {
    GoldSet {
        docs,
        layers: vec![Layer::Quote],
        labels: None,
        speech_only: true,
        scheme: None,
    }
}

/// Which `.ann` file to use for each text: annotation files are named after their text plus
/// `_ANNOTATOR` (`article_4e07.ann` for `article.txt`). When an article has several (it was
/// annotated by several people to measure agreement), the first in sorted order is used.
/// Returns `(text stem, ann file name)` pairs sorted by stem; `ann_files` are file names.
pub fn pair_files(text_stems: &[String], ann_files: &[String]) -> Vec<(String, String)> {
    let mut anns: Vec<&String> = ann_files.iter().collect();
    anns.sort();
    let mut stems: Vec<&String> = text_stems.iter().collect();
    stems.sort();
    let mut out = Vec::new();
    for stem in stems {
        let found = anns.iter().find(|a| {
            a.strip_suffix(".ann").is_some_and(|base| {
                base == stem.as_str()
                    || base
                        .strip_prefix(stem.as_str())
                        .and_then(|rest| rest.strip_prefix('_'))
                        .is_some_and(|who| !who.is_empty() && !who.contains('_'))
            })
        });
        if let Some(a) = found {
            out.push((stem.clone(), (*a).clone()));
        }
    }
    out
}

/// Parses a `T` line's `TYPE start end[;start end]...` and checks the covered text.
fn text_bound(
    name: &str,
    number: usize,
    body: &str,
    covered: &str,
    text: &str,
    offsets: &[usize],
) -> Result<TextBound, EvalError> {
    let Some((kind, ranges)) = body.split_once(' ') else {
        return Err(EvalError::new(name, number, "expected TYPE START END"));
    };
    let mut pieces = Vec::new();
    for range in ranges.split(';') {
        let mut nums = range.split_whitespace().map(str::parse::<usize>);
        let (Some(Ok(start)), Some(Ok(end)), None) = (nums.next(), nums.next(), nums.next()) else {
            return Err(EvalError::new(
                name,
                number,
                format!("bad offsets '{range}'"),
            ));
        };
        let Some(span) = byte_span(offsets, start, end) else {
            return Err(EvalError::new(
                name,
                number,
                format!("offsets {start} {end} outside the text"),
            ));
        };
        pieces.push(span);
    }
    let joined: Vec<&str> = pieces.iter().map(|p| p.slice(text)).collect();
    if !covered.is_empty() && joined.join(" ") != covered {
        return Err(EvalError::new(
            name,
            number,
            "the covered text does not match the offsets",
        ));
    }
    Ok(TextBound {
        kind: kind.to_string(),
        pieces,
    })
}

fn is_pronoun(text: &str, span: Span) -> bool {
    let word = span.slice(text).trim().to_lowercase();
    PRONOUNS.contains(&word.as_str())
}

/// Joins the pieces of a discontinuous Content that only whitespace separates (a quotation
/// split by the annotation tool), so that a quotation over both stays one span.
fn merge_pieces(text: &str, pieces: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(pieces.len());
    for &p in pieces {
        if let Some(last) = out.last_mut() {
            let gap = text.get(last.end..p.start);
            if gap.is_some_and(|g| g.chars().all(|c| c == ' ' || c == '\t')) {
                last.end = p.end;
                continue;
            }
        }
        out.push(p);
    }
    out
}

/// The spans that count as the right speaker for a Source (see the module docs).
fn accepted_speakers(text: &str, source: &TextBound, sources: &[Span]) -> Vec<Span> {
    let mut out = source.pieces.clone();
    let Some(&first) = source.pieces.first() else {
        return out;
    };
    if !is_pronoun(text, first) {
        return out;
    }
    let antecedent = sources
        .iter()
        .rev()
        .filter(|s| s.end <= first.start && starts_with_name(s.slice(text)))
        .find_map(|s| last_capitalised_word(s.slice(text)));
    let Some(word) = antecedent else {
        return out;
    };
    let before = text.get(..first.start).unwrap_or("");
    let mut from = 0;
    while let Some(pos) = before.get(from..).and_then(|rest| rest.find(word)) {
        let start = from + pos;
        let end = start + word.len();
        let left_ok = before[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let right_ok = before[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if left_ok && right_ok {
            out.push(Span::new(start, end));
        }
        from = end;
    }
    out
}

/// Determiners that make a Source a description (`The Republican`), not a name.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our", "my",
    "your", "another", "some", "one",
];

/// True when `s` starts with a capitalised word that is not a pronoun or determiner: a name.
fn starts_with_name(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    first.chars().next().is_some_and(char::is_uppercase)
        && !PRONOUNS.contains(&lower.as_str())
        && !DETERMINERS.contains(&lower.as_str())
}

/// The last word starting with a capital letter, without a possessive `’s` / `'s`.
fn last_capitalised_word(s: &str) -> Option<&str> {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .rev()
        .map(|w| {
            let w = w.trim_end_matches("’s").trim_end_matches("'s");
            w.trim_matches(|c: char| !c.is_alphanumeric())
        })
        .find(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1)
}

/// The quoted parts of `piece` of `text`: the words between quote marks, trimmed, one span per
/// paragraph (see the module docs).
pub fn quoted_parts(text: &str, piece: Span) -> Vec<Span> {
    let s = piece.slice(text);
    let base = piece.start;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None; // (byte after the mark, closing family)
    let mut seen_mark = false;
    let push = |from: usize, to: usize, out: &mut Vec<Span>| {
        let inner = s.get(from..to).unwrap_or("");
        let lead = inner.len() - inner.trim_start().len();
        let trimmed = inner.trim();
        if trimmed.chars().any(char::is_alphanumeric) {
            let start = base + from + lead;
            out.push(Span::new(start, start + trimmed.len()));
        }
    };
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|j| chars.get(j)).map(|x| x.1);
        let next = chars.get(k + 1).map(|x| x.1);
        if c == '\n' {
            if let Some((from, _)) = open.take() {
                push(from, i, &mut out);
            }
            continue;
        }
        match open {
            None => {
                if let Some(family) = opening(c, prev, next) {
                    open = Some((i + c.len_utf8(), family));
                    seen_mark = true;
                } else if closing_any(c, next) {
                    if !seen_mark {
                        push(0, i, &mut out);
                    }
                    seen_mark = true;
                }
            }
            Some((from, family)) => {
                if closes(c, family, next) {
                    push(from, i, &mut out);
                    open = None;
                }
            }
        }
    }
    if let Some((from, _)) = open {
        push(from, s.len(), &mut out);
    }
    out
}

/// The closing family of an opening mark at this position, if `c` opens a quotation.
fn opening(c: char, prev: Option<char>, next: Option<char>) -> Option<char> {
    let after_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    match c {
        '“' => Some('”'),
        '„' => Some('“'),
        '«' => Some('»'),
        '‹' => Some('›'),
        '"' if after_space && next.is_some_and(|n| !n.is_whitespace()) => Some('"'),
        '‘' if prev.is_none_or(|p| !p.is_alphanumeric())
            && next.is_some_and(|n| !n.is_whitespace()) =>
        {
            Some('’')
        }
        _ => None,
    }
}

/// True when `c` closes a quotation of `family`.
fn closes(c: char, family: char, next: Option<char>) -> bool {
    match family {
        '”' | '"' => matches!(c, '”' | '"'),
        '“' => matches!(c, '“' | '”'),
        '’' => c == '’' && next.is_none_or(|n| !n.is_alphanumeric()),
        other => c == other,
    }
}

/// True when `c` is a closing mark (of any family) at this position.
fn closing_any(c: char, next: Option<char>) -> bool {
    matches!(c, '”' | '»' | '›' | '"') || (c == '’' && next.is_none_or(|n| !n.is_alphanumeric()))
}
