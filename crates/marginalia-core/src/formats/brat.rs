//! brat standoff: the text as `NAME.txt` and the annotations as `NAME.ann`.
//!
//! - One text-bound `T` line per annotation, in export order (`T1` is the first annotation of
//!   the JSON export): `T3<TAB>MONEY 15 19<TAB>$6bn`. Offsets are Unicode code points, as brat
//!   counts them. brat spans cannot cross a line break, so a span containing `\n` (a quotation
//!   over two paragraphs) is written as fragments without the line breaks:
//!   `T5<TAB>QUOTE 41 60;61 70<TAB>first line second line` (fragment texts joined by a space).
//!   Empty spans, which brat cannot show, are left out.
//! - A quote's kind is the attribute `A1<TAB>Kind T5 speech`; an annotation added by hand gets
//!   `A2<TAB>Manual T2`.
//! - Values, units and cues are annotator notes: `#1<TAB>AnnotatorNotes T3<TAB>value=6000000000
//!   unit=USD`, `#2<TAB>AnnotatorNotes T5<TAB>cue=said`.
//! - The speaker is a relation `R1<TAB>Speaker Arg1:T5 Arg2:T2` from the quote to the speaker's
//!   entity; a speaker span that is no entity gets its own `T` line of type `SPEAKER` first.
//!
//! [`ANNOTATION_CONF`] declares these types for brat's server.
//!
//! ```
//! use marginalia_core::formats::{brat, Document};
//! use marginalia_core::export::Source;
//! use marginalia_core::{Annotation, Label, Span};
//! let text = "Ed said hi.";
//! let ann = [(Annotation::new(Span::new(0, 2), Label::Per), Source::Manual)];
//! assert_eq!(
//!     brat::ann(&Document::new("x", text, &ann)),
//!     "T1\tPER 0 2\tEd\nA1\tManual T1\n"
//! );
//! ```

use super::Document;
use crate::export::{ExportAnnotation, Source};
use std::collections::HashMap;
use std::fmt::Write as _;

/// brat's `annotation.conf` for these files: the labels as entity types, `SPEAKER`, the
/// `Speaker` relation and the `Kind` and `Manual` attributes.
pub const ANNOTATION_CONF: &str = "\
# brat configuration for Marginalia exports (marginalia convert --to brat)
[entities]
PER
ORG
LOC
MISC
CARDINAL
ORDINAL
PERCENT
MONEY
QUANTITY
DATE
QUOTE
SPEAKER

[relations]
Speaker\tArg1:QUOTE, Arg2:PER|ORG|LOC|MISC|SPEAKER
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Kind\tArg:QUOTE, Value:speech|term
Manual\tArg:<ENTITY>
";

/// The `.ann` file of `doc`.
pub fn ann(doc: &Document) -> String {
    let export = doc.export();
    let chars: Vec<char> = doc.text.chars().collect();
    let mut out = String::new();
    let (mut t, mut a, mut notes, mut r) = (0usize, 0usize, 0usize, 0usize);
    // Export id -> T number, for speaker relations.
    let mut t_of: HashMap<&str, usize> = HashMap::new();
    let mut quotes: Vec<(usize, &ExportAnnotation)> = Vec::new();
    for x in &export.annotations {
        let Some(fragments) = fragments(&chars, x.start, x.end) else {
            continue;
        };
        t += 1;
        t_of.insert(x.id.as_str(), t);
        write_t(&mut out, t, x.label.as_str(), &fragments, &chars);
        if let Some(kind) = x.kind {
            a += 1;
            let _ = writeln!(out, "A{a}\tKind T{t} {}", kind.as_str());
        }
        if x.source == Source::Manual {
            a += 1;
            let _ = writeln!(out, "A{a}\tManual T{t}");
        }
        let mut note: Vec<String> = Vec::new();
        if let Some(v) = &x.value {
            note.push(format!(
                "value={}",
                v.as_str().map_or(v.to_string(), str::to_string)
            ));
        }
        if let Some(u) = &x.unit {
            note.push(format!("unit={u}"));
        }
        if let Some(c) = &x.cue {
            note.push(format!("cue={c}"));
        }
        if !note.is_empty() {
            notes += 1;
            let note = note.join(" ").replace(['\n', '\t'], " ");
            let _ = writeln!(out, "#{notes}\tAnnotatorNotes T{t}\t{note}");
        }
        if x.speaker.is_some() {
            quotes.push((t, x));
        }
    }
    // Speakers: an entity's T, or a SPEAKER T made once per span.
    let mut speaker_t: HashMap<(usize, usize), usize> = HashMap::new();
    for (quote_t, x) in quotes {
        let Some(s) = &x.speaker else { continue };
        let known = s.entity.as_deref().and_then(|e| t_of.get(e).copied());
        let arg2 = match known {
            Some(n) => n,
            None => match speaker_t.get(&(s.start, s.end)) {
                Some(&n) => n,
                None => {
                    let Some(fragments) = fragments(&chars, s.start, s.end) else {
                        continue;
                    };
                    t += 1;
                    write_t(&mut out, t, "SPEAKER", &fragments, &chars);
                    speaker_t.insert((s.start, s.end), t);
                    t
                }
            },
        };
        r += 1;
        let _ = writeln!(out, "R{r}\tSpeaker Arg1:T{quote_t} Arg2:T{arg2}");
    }
    out
}

/// Writes a `T` line.
fn write_t(out: &mut String, t: usize, kind: &str, fragments: &[(usize, usize)], chars: &[char]) {
    let offsets: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
    let texts: Vec<String> = fragments
        .iter()
        .map(|&(s, e)| {
            chars
                .get(s..e)
                .map(|c| c.iter().collect())
                .unwrap_or_default()
        })
        .collect();
    let _ = writeln!(
        out,
        "T{t}\t{kind} {}\t{}",
        offsets.join(";"),
        texts.join(" ")
    );
}

/// The span `start..end` (code points) split at line breaks into non-empty fragments; `None`
/// when nothing is left (an empty span, or only line breaks).
fn fragments(chars: &[char], start: usize, end: usize) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let mut from = start;
    for i in start..end.min(chars.len()) {
        if chars.get(i) == Some(&'\n') {
            if i > from {
                out.push((from, i));
            }
            from = i + 1;
        }
    }
    if end.min(chars.len()) > from {
        out.push((from, end.min(chars.len())));
    }
    (!out.is_empty()).then_some(out)
}
