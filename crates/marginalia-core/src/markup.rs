//! HTML markup of a highlighted article: the text, escaped, with one `<mark>` per annotation.
//!
//! The page shows this markup (it never builds highlights itself), and a shared snapshot can
//! reuse it. Every character of the text appears exactly once, escaped, so pasted `<script>` is
//! shown as text and never runs. Annotations of different layers may nest (an entity inside a
//! quote); spans that cross each other are split into fragments that share one `data-id`, and
//! only the first fragment is focusable and labelled.
//!
//! ```
//! let text = "Spotify paid $6bn.";
//! let html = marginalia_core::markup::article_html(text, &marginalia_core::analyze(text));
//! assert!(html.contains(r#"data-label="MONEY""#));
//! assert!(html.contains(">$6bn</mark>"));
//! ```

use crate::annotation::{annotation_id, Analysis, Annotation, Label, Layer, QuoteKind, Value};
use crate::export::Source;
use crate::span::Span;

/// One highlight to draw: an annotation with its export id and a description.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The export id (`e1`, `n4`, `q2`).
    pub id: String,
    /// The annotation's label.
    pub label: Label,
    /// Bytes covered.
    pub span: Span,
    /// What a hover or focus shows: `Money: 6,000,000,000 USD`, `Quotation by Daniel Ek (said)`.
    pub tip: String,
    /// For quotes: speech or term.
    pub kind: Option<QuoteKind>,
    /// Found by the engine or made by a person.
    pub source: Source,
}

/// The marks of every annotation in `analysis`, layer by layer, with the ids the export uses.
/// Annotations whose spans do not fit `text` are skipped.
pub fn marks(text: &str, analysis: &Analysis) -> Vec<Mark> {
    marks_of(text, analysis.iter().map(|a| (a, Source::Auto)))
}

/// The marks of annotations tagged with their source (an analysis merged with a person's
/// corrections), numbered per layer in text order exactly as [`crate::export::build`] numbers
/// them. Annotations whose spans do not fit `text` are skipped.
pub fn marks_of<'a>(
    text: &str,
    annotations: impl IntoIterator<Item = (&'a Annotation, Source)>,
) -> Vec<Mark> {
    let mut items: Vec<(&Annotation, Source)> = annotations
        .into_iter()
        .filter(|(a, _)| a.span.is_valid_in(text))
        .collect();
    items.sort_by_key(|(a, _)| (a.layer(), a.span.start, a.span.end));
    let mut counters = [0usize; 3];
    items
        .into_iter()
        .map(|(a, source)| {
            let layer = a.layer();
            let slot = Layer::ALL.iter().position(|l| *l == layer).unwrap_or(0);
            counters[slot] += 1;
            Mark {
                id: annotation_id(layer, counters[slot]),
                label: a.label,
                span: a.span,
                tip: describe(text, a),
                kind: a.quote.as_ref().map(|q| q.kind),
                source,
            }
        })
        .collect()
}

/// A one-line description of an annotation for people: its label's name, then its value, unit
/// or speaker. `Person`, `Money: 6,000,000,000 USD`, `Date: 1979`,
/// `Quotation by Daniel Ek (said)`, `Quoted term`.
pub fn describe(text: &str, a: &Annotation) -> String {
    let mut tip = String::from(a.label.description());
    if let Some(q) = &a.quote {
        return match q.kind {
            QuoteKind::Term => "Quoted term".to_string(),
            QuoteKind::Speech => {
                match q.speaker.filter(|s| s.is_valid_in(text)) {
                    Some(s) => {
                        tip.push_str(" by ");
                        tip.push_str(s.slice(text));
                    }
                    None => tip.push_str(" (speaker not named)"),
                }
                if let Some(cue) = &q.cue {
                    tip.push_str(" (");
                    tip.push_str(cue);
                    tip.push(')');
                }
                tip
            }
        };
    }
    match &a.value {
        Some(Value::Number(n)) => {
            tip.push_str(": ");
            tip.push_str(&format_number(*n));
        }
        Some(Value::Date(d)) => {
            tip.push_str(": ");
            tip.push_str(d);
        }
        None => {}
    }
    if let Some(unit) = &a.unit {
        if !matches!(&a.value, Some(Value::Number(_))) {
            tip.push(':');
        }
        if unit != "%" {
            tip.push(' ');
        }
        tip.push_str(unit);
    }
    tip
}

/// Formats a number for people: thousands separated by commas, at most six decimals.
///
/// ```
/// use marginalia_core::markup::format_number;
/// assert_eq!(format_number(6e9), "6,000,000,000");
/// assert_eq!(format_number(-4500.25), "-4,500.25");
/// ```
pub fn format_number(n: f64) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    if n.abs() >= 1e21 {
        return format!("{n:e}");
    }
    let s = format!("{:.6}", n.abs());
    let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    if n < 0.0 {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// The article as HTML: `text` escaped, with a `<mark class="hl">` for each annotation.
///
/// Each mark carries `data-label`, `data-layer`, `data-id` (the export id) and `data-tip` (see
/// [`describe`]); a quote also `data-kind`. The first fragment of a mark has `role="note"`,
/// `tabindex="-1"` and an `aria-label` giving its text and description; continuation fragments
/// of a split mark have `data-cont`. Line breaks are kept as they are (show the markup with
/// `white-space: pre-wrap`).
pub fn article_html(text: &str, analysis: &Analysis) -> String {
    marks_html(text, &marks(text, analysis))
}

/// The article as HTML with the given marks (see [`article_html`]; [`marks_of`] makes marks of
/// corrected annotations). Manual marks also carry `data-source="manual"`.
pub fn marks_html(text: &str, marks: &[Mark]) -> String {
    let mut out = String::with_capacity(text.len() + marks.len() * 160);
    write_marked(text, marks, &[], |_, html| out.push_str(html));
    out
}

/// Text bytes a [`Block`] holds at least (unless the text ends first): a few paragraphs.
pub const BLOCK_BYTES: usize = 2048;

/// A line longer than this is cut into blocks after a space (and after
/// `4 * LONG_LINE_BYTES` anywhere between characters), so that no block is huge.
pub const LONG_LINE_BYTES: usize = 16 * 1024;

/// A stretch of the article shown as one unit: whole lines of the text with their marks.
///
/// The page renders a long article block by block, a few at a time, and the browser lays out only
/// the blocks on screen; a correction re-renders only the blocks whose markup changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The bytes of the text the block shows.
    pub span: Span,
    /// Its markup, as [`marks_html`] writes it for this part of the text.
    pub html: String,
}

/// The article's markup cut into [`Block`]s: concatenated, their `html` is exactly
/// [`marks_html`]`(text, marks)` and their spans tile the text.
///
/// A block ends after a line break once it holds [`BLOCK_BYTES`]; a longer line is cut after a
/// space once it passes [`LONG_LINE_BYTES`] (and anywhere between characters at four times
/// that). No block boundary falls inside a mark, so every mark lies in one block whole.
///
/// ```
/// use marginalia_core::markup::{blocks_html, marks, marks_html};
/// let text = "Spotify paid $6bn.\n".repeat(500);
/// let marks = marks(&text, &marginalia_core::analyze(&text));
/// let blocks = blocks_html(&text, &marks);
/// assert!(blocks.len() > 1);
/// let joined: String = blocks.iter().map(|b| b.html.as_str()).collect();
/// assert_eq!(joined, marks_html(&text, &marks));
/// ```
pub fn blocks_html(text: &str, marks: &[Mark]) -> Vec<Block> {
    let cuts = block_cuts(text, marks);
    let mut blocks = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    let mut html = String::new();
    write_marked(text, marks, &cuts, |end, part| {
        html.push_str(part);
        if let Some(end) = end {
            blocks.push(Block {
                span: Span::new(start, end),
                html: std::mem::take(&mut html),
            });
            start = end;
        }
    });
    if start < text.len() || blocks.is_empty() {
        blocks.push(Block {
            span: Span::new(start, text.len()),
            html,
        });
    }
    blocks
}

/// Where blocks end (see [`blocks_html`]): increasing byte offsets strictly inside the text, on
/// character boundaries, none strictly inside a mark.
fn block_cuts(text: &str, marks: &[Mark]) -> Vec<usize> {
    // The stretches covered by marks, merged.
    let mut covered: Vec<(usize, usize)> = marks
        .iter()
        .filter(|m| m.span.is_valid_in(text))
        .map(|m| (m.span.start, m.span.end))
        .collect();
    covered.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(covered.len());
    for (s, e) in covered {
        match merged.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }

    let bytes = text.as_bytes();
    let mut cuts = Vec::new();
    let mut start = 0;
    let mut k = 0; // first merged stretch that ends after the position looked at
    for p in (start + BLOCK_BYTES).max(1)..bytes.len() {
        let len = p - start;
        if len < BLOCK_BYTES {
            continue;
        }
        let prev = bytes[p - 1];
        let fits = prev == b'\n'
            || (len >= LONG_LINE_BYTES && matches!(prev, b' ' | b'\t'))
            || (len >= 4 * LONG_LINE_BYTES && text.is_char_boundary(p));
        if !fits {
            continue;
        }
        while k < merged.len() && merged[k].1 <= p {
            k += 1;
        }
        if k < merged.len() && merged[k].0 < p {
            continue; // inside a mark
        }
        cuts.push(p);
        start = p;
    }
    cuts
}

/// Nesting order: outer first. Longer spans outside shorter ones; at equal spans quotes outside
/// entities outside numbers.
fn nesting_key(m: &Mark) -> (usize, std::cmp::Reverse<usize>, u8) {
    let rank = match m.label.layer() {
        Layer::Quote => 0,
        Layer::Entity => 1,
        Layer::Number => 2,
    };
    (m.span.start, std::cmp::Reverse(m.span.end), rank)
}

/// Writes `text` with `marks` (in any order) as nested `<mark>` elements, handing the markup to
/// `emit` piece by piece: `emit(None, html)` for markup, `emit(Some(cut), "")` at each position
/// of `cuts` (increasing, none inside a mark, so that no mark is open there).
fn write_marked(
    text: &str,
    marks: &[Mark],
    cuts: &[usize],
    mut emit: impl FnMut(Option<usize>, &str),
) {
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by_key(|&i| nesting_key(&marks[i]));

    // Boundaries where the set of covering marks changes, and the cuts.
    let mut bounds: Vec<usize> = Vec::with_capacity(marks.len() * 2 + cuts.len() + 2);
    bounds.push(0);
    bounds.push(text.len());
    for m in marks {
        bounds.push(m.span.start);
        bounds.push(m.span.end);
    }
    bounds.extend_from_slice(cuts);
    bounds.sort_unstable();
    bounds.dedup();

    // Marks whose spans are open at the current position, in nesting order.
    let mut active: Vec<usize> = Vec::new();
    // Marks currently open in the output, outermost first.
    let mut open: Vec<usize> = Vec::new();
    let mut started = vec![false; marks.len()];
    let mut next = 0usize; // next mark in `order` to start
    let mut next_cut = 0usize; // next position in `cuts`
    let mut out = String::new();
    for pair in bounds.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        if from == to {
            continue;
        }
        active.retain(|&i| marks[i].span.end > from);
        while next < order.len() && marks[order[next]].span.start <= from {
            let i = order[next];
            if marks[i].span.end > from {
                active.push(i);
            }
            next += 1;
        }
        active.sort_by_key(|&i| nesting_key(&marks[i]));
        // Keep the longest prefix of `open` that is still the prefix of `active`.
        let keep = open.iter().zip(&active).take_while(|(a, b)| a == b).count();
        for _ in keep..open.len() {
            out.push_str("</mark>");
        }
        open.truncate(keep);
        if cuts.get(next_cut) == Some(&from) {
            next_cut += 1;
            if open.is_empty() {
                emit(None, &out);
                emit(Some(from), "");
                out.clear();
            }
        }
        for &i in &active[keep..] {
            write_open(&marks[i], !started[i], &mut out);
            started[i] = true;
            open.push(i);
        }
        escape_text(text.get(from..to).unwrap_or(""), &mut out);
    }
    for _ in 0..open.len() {
        out.push_str("</mark>");
    }
    emit(None, &out);
}

/// Writes the opening tag of a mark (or of a continuation fragment when `first` is false).
fn write_open(m: &Mark, first: bool, out: &mut String) {
    out.push_str("<mark class=\"hl\" data-label=\"");
    out.push_str(m.label.as_str());
    out.push_str("\" data-layer=\"");
    out.push_str(m.label.layer().as_str());
    out.push_str("\" data-id=\"");
    out.push_str(&m.id);
    out.push('"');
    if let Some(kind) = m.kind {
        out.push_str(" data-kind=\"");
        out.push_str(kind.as_str());
        out.push('"');
    }
    if m.source == Source::Manual {
        out.push_str(" data-source=\"manual\"");
    }
    out.push_str(" data-tip=\"");
    escape_attr(&m.tip, out);
    out.push('"');
    if first {
        out.push_str(" role=\"note\" tabindex=\"-1\" aria-label=\"");
        escape_attr(&m.tip, out);
        out.push('"');
    } else {
        out.push_str(" data-cont=\"\"");
    }
    out.push('>');
}

/// Escapes text content: `&`, `<`, `>`.
pub fn escape_text(s: &str, out: &mut String) {
    escape(s, false, out);
}

/// Escapes an attribute value: `&`, `<`, `>`, `"`, `'`.
pub fn escape_attr(s: &str, out: &mut String) {
    escape(s, true, out);
}

/// Writes `s` into `out` with `&`, `<`, `>` escaped, and quotes too when `quotes` is set.
fn escape(s: &str, quotes: bool, out: &mut String) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if quotes => "&quot;",
            b'\'' if quotes => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::QuoteInfo;

    /// Removes tags and unescapes, giving back the text the markup shows.
    fn shown(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    fn analysis(entities: Vec<Annotation>, numbers: Vec<Annotation>) -> Analysis {
        Analysis {
            entities,
            numbers,
            quotes: Vec::new(),
        }
    }

    /// Checks what [`blocks_html`] promises: the blocks tile the text, their markup joined is
    /// the whole markup, each shows its own text, and no mark crosses a block boundary.
    fn check_blocks(text: &str, marks: &[Mark]) -> Vec<Block> {
        let blocks = blocks_html(text, marks);
        let joined: String = blocks.iter().map(|b| b.html.as_str()).collect();
        assert_eq!(joined, marks_html(text, marks));
        let mut at = 0;
        for b in &blocks {
            assert_eq!(b.span.start, at);
            assert!(b.span.end > b.span.start || text.is_empty());
            assert_eq!(shown(&b.html), &text[b.span.start..b.span.end]);
            assert_eq!(
                b.html.matches("<mark").count(),
                b.html.matches("</mark>").count()
            );
            at = b.span.end;
        }
        assert_eq!(at, text.len());
        for m in marks {
            assert!(blocks
                .iter()
                .any(|b| b.span.start <= m.span.start && m.span.end <= b.span.end));
        }
        blocks
    }

    #[test]
    fn blocks_end_after_line_breaks_and_keep_marks_whole() {
        let para = "“We are committed to artists,” said Daniel Ek of Spotify, which paid $6bn.\n\n";
        let text = para.repeat(200);
        let marks = marks(&text, &crate::analyze(&text));
        let blocks = check_blocks(&text, &marks);
        assert!(blocks.len() > 5, "{} blocks", blocks.len());
        for b in &blocks[..blocks.len() - 1] {
            assert!(b.span.len() >= BLOCK_BYTES);
            assert_eq!(text.as_bytes()[b.span.end - 1], b'\n');
        }
    }

    #[test]
    fn a_mark_over_many_lines_stays_in_one_block() {
        let text = "line of words\n".repeat(1000);
        let a = analysis(
            vec![Annotation::new(Span::new(3, text.len() - 3), Label::Misc)],
            vec![],
        );
        let marks = marks(&text, &a);
        let blocks = check_blocks(&text, &marks);
        assert!(blocks.len() <= 2);
    }

    #[test]
    fn one_long_line_is_cut_after_spaces_and_anywhere_at_last() {
        let text = "Spotify paid $6bn to 700 million people. ".repeat(4000);
        let marks = marks(&text, &crate::analyze(&text));
        let blocks = check_blocks(&text, &marks);
        assert!(blocks.len() > 8);
        for b in &blocks[..blocks.len() - 1] {
            assert!(b.span.len() < LONG_LINE_BYTES + 64);
            assert_eq!(text.as_bytes()[b.span.end - 1], b' ');
        }
        let no_spaces = "é".repeat(200_000);
        let blocks = check_blocks(&no_spaces, &[]);
        assert!(blocks.len() > 4);
        assert!(blocks
            .iter()
            .all(|b| b.span.len() <= 4 * LONG_LINE_BYTES + 4));
    }

    #[test]
    fn short_and_empty_texts_are_one_block() {
        assert_eq!(check_blocks("", &[]).len(), 1);
        let text = "Spotify paid $6bn.";
        assert_eq!(
            check_blocks(text, &marks(text, &crate::analyze(text))).len(),
            1
        );
    }

    #[test]
    fn hostile_text_is_escaped() {
        let text = "<script>alert(1)</script> & <img onerror=x>";
        let html = article_html(text, &Analysis::default());
        assert!(!html.contains("<script") && !html.contains("<img"));
        assert_eq!(shown(&html), text);
    }

    #[test]
    fn every_character_shown_once_with_emoji() {
        let text = "😀 “We won,” said Ed Newton-Rex on 18 March. 👍🏽 Spotify paid $6bn.";
        let html = article_html(text, &crate::analyze(text));
        assert_eq!(shown(&html), text);
        assert_eq!(
            html.matches("<mark").count(),
            html.matches("</mark>").count()
        );
    }

    #[test]
    fn crossing_spans_split_into_fragments_sharing_an_id() {
        let text = "ab cd ef";
        let a = analysis(
            vec![Annotation::new(Span::new(0, 5), Label::Org)],
            vec![Annotation::new(Span::new(3, 8), Label::Cardinal)],
        );
        let html = article_html(text, &a);
        assert_eq!(shown(&html), text);
        assert_eq!(html.matches("data-id=\"n1\"").count(), 2);
        assert_eq!(html.matches("data-cont").count(), 1);
        assert_eq!(html.matches("aria-label").count(), 2);
    }

    #[test]
    fn nested_entity_inside_quote() {
        let text = "“Spotify rocks,” he said.";
        let start = "“".len();
        let quote = Annotation {
            quote: Some(QuoteInfo {
                kind: QuoteKind::Speech,
                speaker: None,
                cue: Some("said".into()),
            }),
            ..Annotation::new(Span::new(start, start + 14), Label::Quote)
        };
        let a = Analysis {
            entities: vec![Annotation::new(Span::new(start, start + 7), Label::Org)],
            numbers: Vec::new(),
            quotes: vec![quote],
        };
        let html = article_html(text, &a);
        let q = html.find("data-id=\"q1\"").unwrap_or(usize::MAX);
        let e = html.find("data-id=\"e1\"").unwrap_or(0);
        assert!(q < e, "quote opens before the entity inside it: {html}");
        assert_eq!(html.matches("data-cont").count(), 0);
        assert!(html.contains("Quotation (speaker not named) (said)"));
    }

    #[test]
    fn ids_match_the_export() {
        let text = "Angela Merkel met Emmanuel Macron in Paris on 3 May 2024, paying €5m.";
        let analysis = crate::analyze(text);
        let doc = crate::export::build(
            text,
            analysis.iter().map(|a| (a, crate::export::Source::Auto)),
        );
        let ids: Vec<(String, String)> = marks(text, &analysis)
            .into_iter()
            .map(|m| (m.id, m.span.slice(text).to_string()))
            .collect();
        let exported: Vec<(String, String)> = doc
            .annotations
            .into_iter()
            .map(|a| (a.id, a.text))
            .collect();
        assert_eq!(ids, exported);
    }

    #[test]
    fn descriptions() {
        let text = "x";
        let mut money = Annotation::new(Span::new(0, 1), Label::Money);
        money.value = Some(Value::Number(6e9));
        money.unit = Some("USD".into());
        assert_eq!(describe(text, &money), "Money: 6,000,000,000 USD");
        let mut pct = Annotation::new(Span::new(0, 1), Label::Percent);
        pct.value = Some(Value::Number(99.6));
        pct.unit = Some("%".into());
        assert_eq!(describe(text, &pct), "Percentage: 99.6%");
        let mut date = Annotation::new(Span::new(0, 1), Label::Date);
        date.value = Some(Value::Date("1979".into()));
        assert_eq!(describe(text, &date), "Date: 1979");
        assert_eq!(
            describe(text, &Annotation::new(Span::new(0, 1), Label::Per)),
            "Person"
        );
    }

    #[test]
    fn number_formatting() {
        assert_eq!(format_number(0.5), "0.5");
        assert_eq!(format_number(123.0), "123");
        assert_eq!(format_number(1234.0), "1,234");
        assert_eq!(format_number(86e6), "86,000,000");
    }
}
