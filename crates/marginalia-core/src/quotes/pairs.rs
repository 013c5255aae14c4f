//! Pairing quote marks: one left-to-right pass over the tokens with a small stack of open marks.
//!
//! Only outermost quotations are kept; a nested quotation lives inside its parent's span. When
//! an opening mark is never closed (a stray mark, a typo), it is dropped at the end of its
//! paragraph and the complete quotations found inside it are promoted in its place, so a stray
//! mark never swallows the rest of the text.

use super::lexicon::{is_elision, may_start_quote_mark};
use crate::text::{TextIndex, Token, TokenKind};
use std::ops::Range;

/// Families of quote marks: a mark closes only a quotation of its own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `“…”`, `"…"`, `„…“`.
    Double,
    /// `‘…’`, `'…'`.
    Single,
    /// `«…»`.
    Guillemet,
    /// `‹…›`.
    SingleGuillemet,
}

/// The part of a quotation inside one paragraph: its first and last inner token (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece {
    /// First token after the opening mark.
    pub first: usize,
    /// Last token before the closing mark (or the paragraph end).
    pub last: usize,
}

/// A complete quotation: its marks and its pieces (one per paragraph).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Group {
    /// Token index of the first opening mark.
    pub open: usize,
    /// Token index of the final closing mark.
    pub close: usize,
    /// Its pieces in [`Pairs::pieces`].
    pub pieces: Range<usize>,
    /// Paragraph number of the first opening mark.
    pub para_open: usize,
    /// Paragraph number of the closing mark.
    pub para_close: usize,
}

/// All quotations of a text, in text order.
#[derive(Debug, Default)]
pub(super) struct Pairs {
    /// Quotations sorted by opening mark.
    pub groups: Vec<Group>,
    /// Pieces of all groups.
    pub pieces: Vec<Piece>,
}

/// What a mark can do here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open(Family),
    Close(Family),
    /// A straight mark whose spacing does not tell (`a"b`, ` " `): closes when its family is
    /// open, else opens.
    Either(Family),
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    /// Last token of the (latest re-)opening mark.
    tok: usize,
    /// The opening mark's first character (`"` for a doubled apostrophe `''`); a paragraph
    /// continues the quotation only when it reopens with the same mark.
    mark: char,
    /// Token of the first opening mark.
    first_open: usize,
    family: Family,
    /// `children.len()` when the frame opened.
    child_mark: usize,
    /// Paragraph of the first opening mark.
    para: usize,
    /// The (latest) opening mark is glued to the next word; a spaced mark (`“ hello`) may be
    /// stray and is never continued into the next paragraph.
    glued: bool,
}

/// A closed quotation inside a still-open one.
#[derive(Debug, Clone, Copy)]
struct Child {
    /// First token of the opening mark.
    open: usize,
    /// Inner tokens.
    piece: Piece,
    /// Last token of the closing mark.
    close: usize,
    para: usize,
}

/// Deeper nesting is ignored (its marks are treated as text).
const MAX_DEPTH: usize = 12;

/// How far (in tokens) to look ahead for a later closing mark when a `’` could be an apostrophe.
const LOOKAHEAD: usize = 80;

struct Pairer<'i, 'a> {
    text: &'a str,
    toks: &'i [Token],
    /// Single line breaks separate paragraphs only when the text has no blank lines.
    blank_line_paragraphs: bool,
    stack: Vec<Frame>,
    children: Vec<Child>,
    /// Pieces of the outermost quotation's earlier paragraphs.
    chain: Vec<Piece>,
    out: Pairs,
}

/// Pairs the quote marks of `index`.
pub(super) fn pair(index: &TextIndex<'_>) -> Pairs {
    let text = index.text();
    let mut p = Pairer {
        text,
        toks: index.tokens(),
        blank_line_paragraphs: has_blank_line(text),
        stack: Vec::new(),
        children: Vec::new(),
        chain: Vec::new(),
        out: Pairs::default(),
    };
    p.run();
    let mut out = p.out;
    out.groups.sort_by_key(|g| g.open);
    out
}

fn has_blank_line(text: &str) -> bool {
    let b = text.as_bytes();
    let mut last_newline: Option<usize> = None;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\n' => {
                if last_newline.is_some() {
                    return true;
                }
                last_newline = Some(i);
            }
            b' ' | b'\t' | b'\r' => {}
            _ => last_newline = None,
        }
    }
    false
}

impl Pairer<'_, '_> {
    fn tok_text(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn run(&mut self) {
        let mut para = 0usize;
        // Tokens up to `skip` were consumed as part of a mark.
        let mut skip = 0usize;
        let toks = self.toks;
        let bytes = self.text.as_bytes();
        let may_be_mark = |t: &Token| {
            t.kind == TokenKind::Punct
                && bytes
                    .get(t.span.start)
                    .is_some_and(|&b| may_start_quote_mark(b))
        };
        // Only line breaks and possible quote marks need a closer look.
        let mut next = 0usize;
        while let Some(found) = toks
            .get(next..)
            .and_then(|rest| rest.iter().position(|t| t.newline_before || may_be_mark(t)))
        {
            let i = next + found;
            next = i + 1;
            let Some(t) = toks.get(i) else { break };
            if t.newline_before && i > 0 && self.is_paragraph_break(i) {
                para += 1;
                if let Some(end) = self.paragraph_break(i) {
                    skip = end + 1;
                }
            }
            if i < skip || !may_be_mark(t) {
                continue;
            }
            let Some((role, j)) = self.role_and_end(i) else {
                continue;
            };
            skip = j + 1;
            match role {
                Role::Open(f) => self.open(i, j, f, para),
                Role::Close(f) => self.close(i, j, f, para),
                Role::Either(f) => {
                    if self.stack.last().is_some_and(|fr| fr.family == f) {
                        self.close(i, j, f, para)
                    } else if self.glued_after(j) {
                        self.open(i, j, f, para)
                    }
                }
            }
        }
        while !self.stack.is_empty() {
            self.drop_top();
        }
    }

    /// Is there a paragraph break between tokens `i - 1` and `i`?
    fn is_paragraph_break(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if !t.newline_before {
            return false;
        }
        if !self.blank_line_paragraphs {
            return true;
        }
        let from = self.toks.get(i - 1).map_or(0, |p| p.span.end);
        let gap = self.text.get(from..t.span.start).unwrap_or("");
        gap.bytes().filter(|&b| b == b'\n').count() >= 2
    }

    /// Ends nested quotations at a paragraph break before token `i`, and continues or drops the
    /// outermost one. Returns the last token of the reopening mark when token `i` reopened the
    /// outermost quotation.
    fn paragraph_break(&mut self, i: usize) -> Option<usize> {
        while self.stack.len() > 1 {
            self.drop_top();
        }
        let frame = *self.stack.last()?;
        if !frame.glued {
            self.drop_top();
            return None;
        }
        let reopening = self.role_and_end(i).filter(|&(role, j)| {
            matches!(role, Role::Open(f) | Role::Either(f) if f == frame.family)
                && self.glued_after(j)
                && self.mark_char(i, j) == frame.mark
        });
        let Some((_, j)) = reopening else {
            self.drop_top();
            return None;
        };
        // The news convention: an unclosed paragraph followed by one that reopens continues the
        // quotation. The finished paragraph becomes a piece.
        if frame.tok + 1 < i {
            self.chain.push(Piece {
                first: frame.tok + 1,
                last: i - 1,
            });
        }
        if let Some(top) = self.stack.last_mut() {
            top.tok = j;
        }
        Some(j)
    }

    /// The first character of the mark `i..=j` (`"` for a doubled apostrophe).
    fn mark_char(&self, i: usize, j: usize) -> char {
        if j > i {
            '"'
        } else {
            self.tok_text(i).chars().next().unwrap_or(' ')
        }
    }

    /// Opens a quotation with the mark `i..=j`.
    fn open(&mut self, i: usize, j: usize, family: Family, para: usize) {
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        self.stack.push(Frame {
            tok: j,
            mark: self.mark_char(i, j),
            first_open: i,
            family,
            child_mark: self.children.len(),
            para,
            glued: self.glued_after(j),
        });
    }

    /// Closes a quotation with the mark `i..=j`.
    fn close(&mut self, i: usize, j: usize, family: Family, para: usize) {
        let Some(depth) = self.stack.iter().rposition(|f| f.family == family) else {
            return; // a closing mark with nothing open: stray, ignored
        };
        while self.stack.len() > depth + 1 {
            self.drop_top();
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        self.children.truncate(frame.child_mark);
        if depth == 0 {
            let start = self.out.pieces.len();
            self.out.pieces.append(&mut self.chain);
            if frame.tok + 1 < i {
                self.out.pieces.push(Piece {
                    first: frame.tok + 1,
                    last: i - 1,
                });
            }
            self.push_group(frame.first_open, j, start, (frame.para, para));
        } else if frame.tok + 1 < i {
            self.children.push(Child {
                open: frame.first_open,
                piece: Piece {
                    first: frame.tok + 1,
                    last: i - 1,
                },
                close: j,
                para,
            });
        }
    }

    /// Drops the innermost open quotation (never closed); its closed children take its place.
    fn drop_top(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if self.stack.is_empty() {
            self.chain.clear();
            let mark = frame.child_mark.min(self.children.len());
            let promoted: Vec<Child> = self.children.drain(mark..).collect();
            for c in promoted {
                let start = self.out.pieces.len();
                self.out.pieces.push(c.piece);
                self.push_group(c.open, c.close, start, (c.para, c.para));
            }
        }
        // Otherwise the children simply become children of the frame below.
    }

    fn push_group(&mut self, open: usize, close: usize, start: usize, paras: (usize, usize)) {
        let end = self.out.pieces.len();
        let pieces = self.out.pieces.get(start..end).unwrap_or(&[]);
        let has_words = pieces.iter().any(|p| {
            self.toks
                .get(p.first..=p.last)
                .is_some_and(|ts| ts.iter().any(|t| t.kind != TokenKind::Punct))
        });
        if has_words {
            self.out.groups.push(Group {
                open,
                close,
                pieces: start..end,
                para_open: paras.0,
                para_close: paras.1,
            });
        } else {
            self.out.pieces.truncate(start);
        }
    }

    /// True when token `i + 1` exists and follows token `i` without a space.
    fn glued_after(&self, i: usize) -> bool {
        self.toks.get(i + 1).is_some_and(|n| !n.space_before)
    }

    /// Spacing around token `i`: (space or start on the left, a glued non-closing token on the
    /// right, glued to the token on the left, space/closing punctuation/end on the right).
    fn spacing(&self, i: usize) -> (bool, bool, bool, bool) {
        self.spacing_of(i, i)
    }

    /// [`Self::spacing`] of the mark `i..=j`.
    fn spacing_of(&self, i: usize, j: usize) -> (bool, bool, bool, bool) {
        let Some(t) = self.toks.get(i) else {
            return (false, false, false, false);
        };
        let prev_opening = i > 0
            && !t.space_before
            && matches!(
                self.tok_text(i - 1),
                "(" | "[" | "{" | "—" | "–" | "-" | "/" | "“" | "‘" | "«" | "„"
            );
        let left_space = i == 0 || t.space_before || prev_opening;
        let next = self.toks.get(j + 1);
        let next_closing = next.is_some_and(|n| is_closing_punct(n.text(self.text)));
        let right_glued = next.is_some_and(|n| !n.space_before) && !next_closing;
        let left_glued = i > 0 && !t.space_before && !prev_opening;
        let right_space = next.is_none_or(|n| n.space_before) || next_closing;
        (left_space, right_glued, left_glued, right_space)
    }

    /// The role of the quote mark starting at token `i`, if any, and its last token: a doubled
    /// apostrophe (`''`, old newspaper style) is one straight double mark.
    fn role_and_end(&self, i: usize) -> Option<(Role, usize)> {
        if self.tok_text(i) == "'"
            && self.tok_text(i + 1) == "'"
            && self.toks.get(i + 1).is_some_and(|t| !t.space_before)
        {
            return self.straight(i, i + 1, Family::Double).map(|r| (r, i + 1));
        }
        self.role(i).map(|r| (r, i))
    }

    /// The role of the punctuation token `i` as a quote mark, if any.
    fn role(&self, i: usize) -> Option<Role> {
        let s = self.tok_text(i);
        match s {
            "“" | "„" => {
                let (_, _, left_glued, right_space) = self.spacing(i);
                if s == "“" && left_glued && right_space && self.is_open(Family::Double) {
                    Some(Role::Close(Family::Double)) // “ typed for ”
                } else {
                    Some(Role::Open(Family::Double))
                }
            }
            "”" => {
                let (left_space, right_glued, _, _) = self.spacing(i);
                if left_space && right_glued && !self.is_open(Family::Double) {
                    Some(Role::Open(Family::Double)) // ” typed for “
                } else {
                    Some(Role::Close(Family::Double))
                }
            }
            "\"" => self.straight(i, i, Family::Double),
            "«" => Some(Role::Open(Family::Guillemet)),
            "»" => Some(Role::Close(Family::Guillemet)),
            "‹" => Some(Role::Open(Family::SingleGuillemet)),
            "›" => Some(Role::Close(Family::SingleGuillemet)),
            "‘" | "‛" => {
                if self.apostrophe_before_word(i) {
                    None
                } else {
                    Some(Role::Open(Family::Single))
                }
            }
            "’" => self.single_close(i).then_some(Role::Close(Family::Single)),
            "'" => {
                let (left_space, right_glued, left_glued, right_space) = self.spacing(i);
                if left_space && right_glued {
                    if self.apostrophe_before_word(i) {
                        None
                    } else {
                        Some(Role::Open(Family::Single))
                    }
                } else if left_glued && right_space {
                    self.single_close(i).then_some(Role::Close(Family::Single))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    fn is_open(&self, family: Family) -> bool {
        self.stack.iter().any(|f| f.family == family)
    }

    fn straight(&self, i: usize, j: usize, family: Family) -> Option<Role> {
        let (left_space, right_glued, left_glued, right_space) = self.spacing_of(i, j);
        let open_like = left_space && right_glued;
        let close_like = left_glued && right_space;
        Some(match (open_like, close_like) {
            (true, false) => Role::Open(family),
            (false, true) => Role::Close(family),
            _ => Role::Either(family),
        })
    }

    /// A word-initial apostrophe: `’90s`, `'em`, `‘n’`.
    fn apostrophe_before_word(&self, i: usize) -> bool {
        let Some(next) = self.toks.get(i + 1) else {
            return false;
        };
        if next.space_before {
            return false;
        }
        match next.kind {
            TokenKind::Number => true,
            TokenKind::Word => {
                let w = next.text(self.text);
                is_elision(w)
                    && !self
                        .toks
                        .get(i + 2)
                        .is_some_and(|t| !t.space_before && t.kind == TokenKind::Word)
                    && (w != "n" || self.is_apostrophe_mark(i + 2))
            }
            TokenKind::Punct => false,
        }
    }

    fn is_apostrophe_mark(&self, i: usize) -> bool {
        matches!(self.tok_text(i), "’" | "'" | "‘")
    }

    /// Can the `’` / `'` at `i` close a single-quoted quotation (rather than be an apostrophe)?
    fn single_close(&self, i: usize) -> bool {
        if !self.is_open(Family::Single) {
            return false;
        }
        let (_, _, left_glued, right_space) = self.spacing(i);
        if !left_glued || !right_space {
            return false;
        }
        let prev = self.tok_text(i - 1);
        // rock ’n’ roll
        if prev.eq_ignore_ascii_case("n") && i >= 2 && self.is_apostrophe_mark(i - 2) {
            return false;
        }
        // Plural possessive (`Musicians’ Union`) or dropped g (`nothin’ to`) before a word: an
        // apostrophe when a later mark can close the quotation before anything reopens.
        let next_is_word = self
            .toks
            .get(i + 1)
            .is_some_and(|n| n.kind != TokenKind::Punct && n.space_before && !n.newline_before);
        let weak = next_is_word && (prev.ends_with(['s', 'S']) || prev.ends_with("in"));
        if !weak {
            return true;
        }
        let end = (i + 1 + LOOKAHEAD).min(self.toks.len());
        for j in i + 1..end {
            let Some(t) = self.toks.get(j) else { break };
            if t.newline_before {
                return true;
            }
            if t.kind != TokenKind::Punct {
                continue;
            }
            match t.text(self.text) {
                "‘" => return true,
                "’" | "'" => {
                    let (ls, rg, lg, rs) = self.spacing(j);
                    if ls && rg {
                        return true; // an opening mark comes first
                    }
                    if lg && rs {
                        return false; // a later closing mark: this one is an apostrophe
                    }
                }
                _ => {}
            }
        }
        true
    }
}

fn is_closing_punct(s: &str) -> bool {
    matches!(
        s,
        "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "}" | "…" | "”" | "’" | "»" | "›"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lead-byte filter of [`Pairer::run`] must let through every character that
    /// [`Pairer::role_and_end`] takes for a quote mark.
    #[test]
    fn lead_byte_filter_keeps_every_mark() {
        let chars = (0u32..0x3000).filter_map(char::from_u32);
        for c in chars.filter(|c| !c.is_alphanumeric() && !c.is_whitespace()) {
            for text in [
                format!("x {c}yes{c} x"),
                format!("x{c} yes {c}x"),
                format!("{c}{c}"),
            ] {
                let index = TextIndex::new(&text);
                let p = Pairer {
                    text: &text,
                    toks: index.tokens(),
                    blank_line_paragraphs: false,
                    stack: Vec::new(),
                    children: Vec::new(),
                    chain: Vec::new(),
                    out: Pairs::default(),
                };
                for (i, t) in index.tokens().iter().enumerate() {
                    if p.role_and_end(i).is_some() {
                        let lead = text.as_bytes().get(t.span.start).copied().unwrap_or(0);
                        assert!(may_start_quote_mark(lead), "{c:?} in {text:?}");
                    }
                }
            }
        }
    }
}
