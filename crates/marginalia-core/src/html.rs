//! Readable text from an HTML article, for a dropped `.html` file (page) or an HTML input (CLI).
//!
//! A forgiving single pass, not a full HTML parser: it never panics and copes with unclosed
//! tags, stray `<` and `&`, and missing closing tags.
//!
//! ```
//! use marginalia_core::html::html_to_text;
//! let html = "<html><head><title>T</title></head><body><h1>Deal&nbsp;signed</h1>\
//!             <p>Spotify paid &pound;4,500.</p><script>x()</script><p>It&rsquo;s done.</p></body></html>";
//! assert_eq!(html_to_text(html), "Deal signed\n\nSpotify paid £4,500.\n\nIt’s done.");
//! ```

/// Extracts readable text from an HTML document.
///
/// - The contents of `<script>`, `<style>`, `<noscript>`, `<template>`, `<head>`, `<title>`,
///   `<svg>`, `<iframe>` and comments are dropped.
/// - Paragraph-like blocks (`p`, `h1`-`h6`, `blockquote`, `article`, `section`, `ul`, `ol`,
///   `table`, `figure`, `pre`, `header`, `footer`...) are separated by a blank line; other breaks
///   (`br`, `div`, `li`, `tr`, `dt`, `dd`...) by a line break; table cells by a space.
/// - Named entities (the common ones: `&amp;`, `&nbsp;`, `&rsquo;`, `&mdash;`, `&pound;`,
///   `&eacute;`...) and numeric ones (`&#8217;`, `&#x2019;`) are decoded; unknown ones are kept.
/// - Runs of white space (including non-breaking spaces) become one space, except inside `<pre>`;
///   lines are trimmed and the result has no leading or trailing white space.
pub fn html_to_text(html: &str) -> String {
    let mut out = Output::default();
    let bytes = html.as_bytes();
    let mut pos = 0usize;
    let mut in_head = false;
    let mut pre_depth = 0usize;
    while pos < bytes.len() {
        let Some(lt) = find_byte(bytes, pos, b'<') else {
            if !in_head {
                out.text(html.get(pos..).unwrap_or(""), pre_depth > 0);
            }
            break;
        };
        if lt > pos && !in_head {
            out.text(html.get(pos..lt).unwrap_or(""), pre_depth > 0);
        }
        let rest = html.get(lt..).unwrap_or("");
        if rest.starts_with("<!--") {
            pos = find_str(bytes, lt + 4, b"-->").map_or(bytes.len(), |p| p + 3);
            continue;
        }
        let next = bytes.get(lt + 1).copied().unwrap_or(b' ');
        if next == b'!' || next == b'?' {
            pos = find_byte(bytes, lt + 1, b'>').map_or(bytes.len(), |p| p + 1);
            continue;
        }
        let closing = next == b'/';
        let name_start = if closing { lt + 2 } else { lt + 1 };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // A stray "<" ("a < b"): literal text.
            if !in_head {
                out.text("<", pre_depth > 0);
            }
            pos = lt + 1;
            continue;
        }
        let mut name_end = name_start;
        while bytes
            .get(name_end)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
        {
            name_end += 1;
        }
        let mut name_buf = [0u8; 16];
        let name = lower_name(
            bytes.get(name_start..name_end).unwrap_or(&[]),
            &mut name_buf,
        );
        let tag_end = end_of_tag(bytes, name_end);
        pos = tag_end;
        if closing {
            match name {
                "head" => in_head = false,
                "pre" => pre_depth = pre_depth.saturating_sub(1),
                _ => {}
            }
            out.block(block_kind(name));
            continue;
        }
        if matches!(
            name,
            "script" | "style" | "noscript" | "template" | "title" | "svg" | "iframe" | "textarea"
        ) {
            let self_closed = tag_end >= 2 && bytes.get(tag_end - 2) == Some(&b'/');
            if !self_closed {
                pos = skip_raw(bytes, tag_end, name);
            }
            continue;
        }
        match name {
            "head" => in_head = true,
            "body" => in_head = false,
            "pre" => pre_depth += 1,
            _ => {}
        }
        let kind = block_kind(name);
        if kind != Block::Inline {
            in_head = false;
        }
        out.block(kind);
    }
    out.finish()
}

/// How an element breaks the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Block {
    Inline,
    Space,
    Line,
    Paragraph,
}

fn block_kind(name: &str) -> Block {
    match name {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "article" | "section"
        | "header" | "footer" | "main" | "aside" | "figure" | "pre" | "table" | "ul" | "ol"
        | "dl" | "hr" | "address" | "details" | "form" | "fieldset" | "body" | "html" => {
            Block::Paragraph
        }
        "br" | "div" | "li" | "tr" | "dt" | "dd" | "caption" | "figcaption" | "summary" | "nav"
        | "thead" | "tbody" | "tfoot" | "legend" | "option" => Block::Line,
        "td" | "th" | "img" => Block::Space,
        _ => Block::Inline,
    }
}

/// The text being built, with a pending break or space.
#[derive(Default)]
struct Output {
    text: String,
    pending: Option<Block>,
}

impl Output {
    fn block(&mut self, kind: Block) {
        if kind == Block::Inline {
            return;
        }
        self.pending = Some(self.pending.map_or(kind, |p| p.max(kind)));
    }

    /// Writes the pending break or space before new visible text.
    fn flush(&mut self) {
        let Some(kind) = self.pending.take() else {
            return;
        };
        if self.text.is_empty() {
            return;
        }
        match kind {
            Block::Paragraph | Block::Line => {
                let trimmed = self.text.trim_end_matches([' ', '\t']).len();
                self.text.truncate(trimmed);
                let have = self.text.len() - self.text.trim_end_matches('\n').len();
                let want = if kind == Block::Paragraph { 2 } else { 1 };
                for _ in have..want {
                    self.text.push('\n');
                }
            }
            Block::Space => {
                if !self.text.ends_with([' ', '\n']) {
                    self.text.push(' ');
                }
            }
            Block::Inline => {}
        }
    }

    /// Appends raw text: decodes entities and collapses white space (unless `pre`).
    fn text(&mut self, raw: &str, pre: bool) {
        let mut rest = raw;
        while !rest.is_empty() {
            let (piece, after) = match rest.find('&') {
                Some(0) => {
                    let (decoded, used) = decode_entity(rest);
                    let mut buf = [0u8; 4];
                    let s: &str = match decoded {
                        Some(c) => c.encode_utf8(&mut buf),
                        None => "&",
                    };
                    self.plain(s, pre);
                    rest = rest.get(used..).unwrap_or("");
                    continue;
                }
                Some(p) => (rest.get(..p).unwrap_or(""), rest.get(p..).unwrap_or("")),
                None => (rest, ""),
            };
            self.plain(piece, pre);
            rest = after;
        }
    }

    fn plain(&mut self, s: &str, pre: bool) {
        for c in s.chars() {
            if pre {
                if c == '\n' {
                    self.flush();
                    if !self.text.is_empty() {
                        self.text.push('\n');
                    }
                    continue;
                }
            } else if c.is_whitespace() {
                if !self.text.is_empty() && self.pending.is_none() {
                    self.pending = Some(Block::Space);
                }
                continue;
            }
            if c == '\r' || (c.is_control() && c != '\t') {
                continue;
            }
            self.flush();
            self.text.push(c);
        }
    }

    fn finish(self) -> String {
        // Trim each line's ends and the whole text.
        let mut out = String::with_capacity(self.text.len());
        for (k, line) in self.text.split('\n').enumerate() {
            if k > 0 {
                out.push('\n');
            }
            out.push_str(line.trim_matches([' ', '\t']));
        }
        out.trim().to_string()
    }
}

fn find_byte(bytes: &[u8], from: usize, b: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&x| x == b)
        .map(|p| p + from)
}

fn find_str(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Lower-cases a tag name into `buf` (names longer than the buffer are not interesting).
fn lower_name<'b>(name: &[u8], buf: &'b mut [u8; 16]) -> &'b str {
    let Some(out) = buf.get_mut(..name.len()) else {
        return "";
    };
    for (o, b) in out.iter_mut().zip(name) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).unwrap_or("")
}

/// The byte after the `>` ending a tag whose name ends at `from`, skipping quoted attributes.
fn end_of_tag(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            // An unclosed tag running into the next one.
            None if b == b'<' => return i,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Skips the contents of a raw-text element up to and including `</name ...>`.
fn skip_raw(bytes: &[u8], from: usize, name: &str) -> usize {
    let n = name.len();
    let mut i = from;
    while let Some(lt) = find_byte(bytes, i, b'<') {
        let candidate = bytes.get(lt + 2..lt + 2 + n);
        let is_close = bytes.get(lt + 1) == Some(&b'/')
            && candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes()))
            && !bytes
                .get(lt + 2 + n)
                .is_some_and(|b| b.is_ascii_alphanumeric());
        if is_close {
            return end_of_tag(bytes, lt + 2 + n);
        }
        i = lt + 1;
    }
    bytes.len()
}

/// Decodes the entity at the start of `s` (which starts with `&`): `(char, bytes used)`, or
/// `(None, 1)` when it is not a known entity.
fn decode_entity(s: &str) -> (Option<char>, usize) {
    let bytes = s.as_bytes();
    let limit = bytes.len().min(34);
    let Some(semi) = bytes
        .get(1..limit)
        .and_then(|b| b.iter().position(|&c| c == b';'))
        .map(|p| p + 1)
    else {
        return (None, 1);
    };
    let Some(body) = s.get(1..semi) else {
        return (None, 1);
    };
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse::<u32>().ok(),
        };
        code.map(|c| match c {
            0 => '\u{FFFD}',
            // Windows-1252 quirks that HTML maps: &#146; is a right single quote, etc.
            0x80..=0x9F => cp1252(c),
            _ => char::from_u32(c).unwrap_or('\u{FFFD}'),
        })
    } else {
        named_entity(body)
    };
    match c {
        Some(c) => (Some(c), semi + 1),
        None => (None, 1),
    }
}

fn cp1252(c: u32) -> char {
    match c {
        0x80 => '€',
        0x85 => '…',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x96 => '–',
        0x97 => '—',
        _ => '\u{FFFD}',
    }
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "sbquo" => '‚',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "mdash" => '—',
        "ndash" => '–',
        "minus" => '−',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "pound" => '£',
        "euro" => '€',
        "yen" => '¥',
        "cent" => '¢',
        "dollar" => '$',
        "percnt" => '%',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup2" => '²',
        "sup3" => '³',
        "sect" => '§',
        "para" => '¶',
        "dagger" => '†',
        "prime" => '′',
        "Prime" => '″',
        "shy" => '\u{AD}',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "aring" => 'å',
        "atilde" => 'ã',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "oslash" => 'ø',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "iexcl" => '¡',
        "iquest" => '¿',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn table() {
        let rows: &[(&str, &str, &str)] = &[
            ("plain text", "Hello world", "Hello world"),
            ("empty", "", ""),
            (
                "paragraphs get a blank line",
                "<p>One.</p><p>Two.</p>",
                "One.\n\nTwo.",
            ),
            ("br is a line break", "a<br>b<br/>c", "a\nb\nc"),
            ("div is a line break", "<div>a</div><div>b</div>", "a\nb"),
            ("list items", "<ul><li>a</li><li>b</li></ul><p>c</p>", "a\nb\n\nc"),
            (
                "headings",
                "<h1>Title</h1><h2>Sub</h2>Body",
                "Title\n\nSub\n\nBody",
            ),
            (
                "script style noscript template dropped",
                "a<script>var x = '<p>';</script>b<style>p{}</style>c<noscript>no</noscript>d<template><p>t</p></template>e",
                "abcde",
            ),
            (
                "head dropped",
                "<html><head><title>T</title><meta charset=utf-8></head><body>Body</body></html>",
                "Body",
            ),
            ("comments dropped", "a<!-- <p>hidden</p> -->b", "ab"),
            ("doctype dropped", "<!DOCTYPE html><p>x</p>", "x"),
            (
                "named entities",
                "&amp; &lt; &gt; &quot; &apos; &rsquo; &lsquo; &rdquo; &ldquo; &mdash; &ndash; &hellip; &pound; &euro; &eacute;",
                "& < > \" ' ’ ‘ ” “ — – … £ € é",
            ),
            ("nbsp collapses", "a&nbsp;&nbsp; b", "a b"),
            ("numeric entities", "It&#8217;s &#x2019;90s &#X41;", "It’s ’90s A"),
            ("cp1252 numeric", "it&#146;s", "it’s"),
            ("unknown entity kept", "AT&T &bogus; &", "AT&T &bogus; &"),
            ("entity without semicolon kept", "fish &chips", "fish &chips"),
            ("whitespace collapses", "  a \n\t b   c  ", "a b c"),
            ("inline tags join", "Spo<b>tify</b> <i>paid</i>", "Spotify paid"),
            (
                "attributes with > in quotes",
                "<a href=\"x>y\" title='a>b'>link</a>",
                "link",
            ),
            ("stray less-than", "a < b and c<3", "a < b and c<3"),
            ("unclosed tag", "a <p class=\"x\" b", "a"),
            ("unclosed script drops rest", "a<script>b", "a"),
            ("unclosed comment drops rest", "a<!-- b", "a"),
            ("uppercase tags", "<P>A</P><SCRIPT>x</SCRIPT><P>B</P>", "A\n\nB"),
            ("table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
            ("pre keeps lines", "<pre>a  b\nc</pre>", "a  b\nc"),
            ("lines trimmed", "<p> a </p><p>\n b \n</p>", "a\n\nb"),
            ("blockquote", "said:<blockquote>“No.”</blockquote>Then", "said:\n\n“No.”\n\nThen"),
            ("head without close", "<head><title>x</title><p>Body</p>", "Body"),
            ("script end needs name boundary", "<script>a</scripts>b</script>c", "c"),
            ("emoji and rtl", "<p>🎵 שלום</p>", "🎵 שלום"),
            ("zero code point", "a&#0;b", "a\u{FFFD}b"),
            ("huge code point", "a&#99999999999;b", "a&#99999999999;b"),
            ("surrogate code point", "a&#xD800;b", "a\u{FFFD}b"),
        ];
        let mut failures = Vec::new();
        for (name, html, want) in rows {
            let got = html_to_text(html);
            if got != *want {
                failures.push(format!("{name}: {html:?}\n  want {want:?}\n  got  {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn never_panics_on_malformed_input() {
        let samples = [
            "<",
            "<<",
            "</",
            "</>",
            "<!",
            "<!-",
            "<!--",
            "&",
            "&#",
            "&#x",
            "&#;",
            "&#x;",
            "<p",
            "<p ",
            "<p a='",
            "<p a=\"",
            "<script",
            "<script>",
            "</script>",
            "<a\u{0}>",
            "&é;",
            "<é>",
            "<p>é&",
            "<\u{1F600}>",
            "<h1>\u{FEFF}</h1>",
            "<1>",
            "<-->",
            "&amp",
            "<pre>",
            "</pre></pre>x",
        ];
        for s in samples {
            let _ = html_to_text(s);
        }
        let long = "<div><p>a &amp; b".repeat(5000);
        assert!(html_to_text(&long).starts_with("a & b"));
        let garbage: String = (0u32..3000)
            .filter_map(|c| char::from_u32((c * 7919) % 0x2000))
            .collect();
        let _ = html_to_text(&garbage);
    }
}
