//! A self-contained HTML snapshot of the highlighted article, for sharing and printing.
//!
//! One complete HTML document: an inline `<style>` with the page's light and dark colours, no
//! script, no external resource (a Content-Security-Policy `default-src 'none'; style-src
//! 'unsafe-inline'` forbids both), and nothing that changes from one run to the next (no date),
//! so the same annotations give the same bytes. It holds the headline as title, the generator,
//! a legend with the count of each label, the article with its highlights
//! ([`crate::markup::article_html`]: every character of the text escaped, so pasted markup is
//! shown, never run) and the list of quotations with their speakers.
//!
//! ```
//! use marginalia_core::formats::{snapshot, Document};
//! use marginalia_core::export::Source;
//! let text = "<script>alert(1)</script> Spotify paid $6bn.";
//! let annotations: Vec<_> = marginalia_core::analyze(text)
//!     .iter()
//!     .map(|a| (a.clone(), Source::Auto))
//!     .collect();
//! let html = snapshot::to_html(&Document::new("deal", text, &annotations));
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(!html.contains("<script"));
//! assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
//! ```

use super::Document;
use crate::annotation::{Label, Layer, QuoteKind};
use crate::export::{GENERATOR, VERSION};
use crate::markup::{article_html, escape_attr, escape_text};
use std::fmt::Write as _;

/// The inline style sheet: the app's label colours, light and dark, and print rules.
const STYLE: &str = r#"
:root {
  color-scheme: light dark;
  --bg: #f7f6f3; --surface: #ffffff; --text: #1f2328; --muted: #5b616b; --border: #d9d6cf;
  --PER-bg: #dbe8fc; --PER-line: #1d4ed8; --ORG-bg: #ebe5fd; --ORG-line: #6d28d9;
  --LOC-bg: #d9f5e3; --LOC-line: #15803d; --MISC-bg: #d3f4ef; --MISC-line: #0f766e;
  --MONEY-bg: #fcefc7; --MONEY-line: #a15c07; --PERCENT-bg: #fde4cf; --PERCENT-line: #c2410c;
  --CARDINAL-bg: #fde2e4; --CARDINAL-line: #be123c; --QUANTITY-bg: #e9f5cf; --QUANTITY-line: #4d7c0f;
  --DATE-bg: #dbeefa; --DATE-line: #0369a1; --ORDINAL-bg: #fbe3f1; --ORDINAL-line: #be185d;
  --QUOTE-bg: #f4f1e4; --QUOTE-line: #7a6a2c;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15171a; --surface: #1d2024; --text: #e8e6e3; --muted: #a4a9b1; --border: #3a3f46;
    --PER-bg: #1e3557; --PER-line: #8fb5ff; --ORG-bg: #35295a; --ORG-line: #c4a8ff;
    --LOC-bg: #173d28; --LOC-line: #7fd79d; --MISC-bg: #123c38; --MISC-line: #6fd6c7;
    --MONEY-bg: #4a3710; --MONEY-line: #f5c866; --PERCENT-bg: #4d2a13; --PERCENT-line: #ffab70;
    --CARDINAL-bg: #4d1b25; --CARDINAL-line: #ff98aa; --QUANTITY-bg: #2c3d12; --QUANTITY-line: #b9e07a;
    --DATE-bg: #123650; --DATE-line: #7cc7f5; --ORDINAL-bg: #4a1a36; --ORDINAL-line: #f59ccb;
    --QUOTE-bg: #302c1e; --QUOTE-line: #d8c58a;
  }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1rem 3rem; background: var(--bg);
  color: var(--text); font-family: var(--sans); line-height: 1.5; }
h1 { font-family: var(--serif); font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
.meta, footer { color: var(--muted); font-size: .875rem; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem .9rem; padding: 0;
  margin: 1rem 0; font-size: .875rem; }
.legend li { display: flex; align-items: center; gap: .35rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 3px;
  background: var(--hl-bg); border: 2px solid var(--hl-line); }
.article { background: var(--surface); border: 1px solid var(--border); border-radius: 8px;
  padding: 1.25rem 1.5rem; font-family: var(--serif); font-size: 1.1rem; line-height: 1.7;
  white-space: pre-wrap; overflow-wrap: anywhere; }
.hl { background: var(--hl-bg); color: inherit; border-radius: 2px; padding: 0 1px;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.hl[data-layer="entity"] { border-bottom: 2px solid var(--hl-line); }
.hl[data-layer="number"] { border-bottom: 2px dashed var(--hl-line); }
.hl[data-layer="quote"] { background: none; border-bottom: 1px solid var(--hl-line); }
.hl[data-kind="term"] { border-bottom-style: dotted; border-bottom-width: 2px; }
[data-label="PER"] { --hl-bg: var(--PER-bg); --hl-line: var(--PER-line); }
[data-label="ORG"] { --hl-bg: var(--ORG-bg); --hl-line: var(--ORG-line); }
[data-label="LOC"] { --hl-bg: var(--LOC-bg); --hl-line: var(--LOC-line); }
[data-label="MISC"] { --hl-bg: var(--MISC-bg); --hl-line: var(--MISC-line); }
[data-label="MONEY"] { --hl-bg: var(--MONEY-bg); --hl-line: var(--MONEY-line); }
[data-label="PERCENT"] { --hl-bg: var(--PERCENT-bg); --hl-line: var(--PERCENT-line); }
[data-label="CARDINAL"] { --hl-bg: var(--CARDINAL-bg); --hl-line: var(--CARDINAL-line); }
[data-label="QUANTITY"] { --hl-bg: var(--QUANTITY-bg); --hl-line: var(--QUANTITY-line); }
[data-label="DATE"] { --hl-bg: var(--DATE-bg); --hl-line: var(--DATE-line); }
[data-label="ORDINAL"] { --hl-bg: var(--ORDINAL-bg); --hl-line: var(--ORDINAL-line); }
[data-label="QUOTE"] { --hl-bg: var(--QUOTE-bg); --hl-line: var(--QUOTE-line); }
.quotes { padding-left: 1.5rem; }
.quotes li { margin: .4rem 0; }
.quotes blockquote { display: inline; margin: 0; font-family: var(--serif); }
.quotes .by { color: var(--muted); }
code { font-size: .8rem; overflow-wrap: anywhere; }
@media print {
  body { background: #fff; color: #000; max-width: none; padding: 0; }
  .article { border: none; padding: 0; }
}
"#;

/// The snapshot of `doc` as a complete HTML document.
pub fn to_html(doc: &Document) -> String {
    let export = doc.export();
    let analysis = doc.analysis();
    let headline = doc
        .text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or(doc.name);
    let headline: String = if headline.chars().count() > 120 {
        let mut h: String = headline.chars().take(120).collect();
        h.push('…');
        h
    } else {
        headline.to_string()
    };
    let generator = format!("{GENERATOR} {VERSION}");

    let mut out = String::with_capacity(doc.text.len() * 3 + STYLE.len() + 4096);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(out, "<meta name=\"generator\" content=\"{generator}\">");
    out.push_str("<title>");
    escape_text(&headline, &mut out);
    out.push_str(" · Marginalia</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>");
    escape_text(&headline, &mut out);
    out.push_str("</h1>\n<p class=\"meta\">");
    let n = export.annotations.len();
    let _ = write!(
        out,
        "{n} annotation{} by {generator}. Text SHA-256 <code>{}</code>.",
        if n == 1 { "" } else { "s" },
        export.document.sha256
    );
    out.push_str("</p>\n</header>\n");

    // Legend: each label present, with its count.
    out.push_str("<ul class=\"legend\" aria-label=\"Legend\">\n");
    for label in Label::ALL {
        let count = export
            .annotations
            .iter()
            .filter(|a| a.label == label)
            .count();
        if count == 0 {
            continue;
        }
        let _ = writeln!(
            out,
            "<li data-label=\"{}\"><span class=\"swatch\" aria-hidden=\"true\"></span>{} \
             ({}) <strong>{count}</strong></li>",
            label.as_str(),
            label.description(),
            label.as_str(),
        );
    }
    out.push_str("</ul>\n");

    out.push_str("<main>\n<article class=\"article\">");
    out.push_str(&article_html(doc.text, &analysis));
    out.push_str("</article>\n");

    let quotes: Vec<_> = export
        .annotations
        .iter()
        .filter(|a| a.layer == Layer::Quote)
        .collect();
    if !quotes.is_empty() {
        out.push_str("<h2>Quotations</h2>\n<ol class=\"quotes\">\n");
        for q in quotes {
            let _ = write!(out, "<li data-id=\"");
            escape_attr(&q.id, &mut out);
            out.push_str("\"><blockquote>“");
            escape_text(&q.text, &mut out);
            out.push_str("”</blockquote> <span class=\"by\">— ");
            match (&q.speaker, q.kind) {
                (_, Some(QuoteKind::Term)) => out.push_str("quoted term"),
                (Some(s), _) => escape_text(&s.text, &mut out),
                (None, _) => out.push_str("speaker not named"),
            }
            if let Some(cue) = &q.cue {
                out.push_str(" (");
                escape_text(cue, &mut out);
                out.push(')');
            }
            out.push_str("</span></li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</main>\n<footer>\n<p>");
    let _ = write!(
        out,
        "Snapshot written by {generator}: entities, numbers and quotations found in the text \
         (solid, dashed and thin underlines). Offsets and values are in the JSON export."
    );
    out.push_str("</p>\n</footer>\n</body>\n</html>\n");
    out
}
