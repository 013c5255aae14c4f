//! CoNLL-style column files: one token per line, blank lines between sentences.
//!
//! # What is read
//!
//! - **Columns** are split on tabs when the line has one, else on runs of spaces. The token is
//!   the first column, or the second when a sentence's first columns count `1, 2, 3...`
//!   (CoNLL-U-like files such as UNER's `id token tag - annotator`). The tag is the **last
//!   column that looks like a tag** (`O`, `B-X`, `I-X`, `E-X`, `S-X`, `L-X`, `U-X`): the NER
//!   column of `token POS chunk NER`, and UNER's tag before its annotator column.
//! - `-DOCSTART-` lines, and `# newdoc` comments, start a new document. Other lines starting
//!   with `# ` and holding ` = ` (`# text = ...`, `# sent_id = ...`) are comments. A file with
//!   no document marker at all (tweets: BTC, WNUT) makes each sentence its own document.
//! - **Tags**: BIO/IOB2, IOB1 and IOBES are decoded alike, with conlleval's chunk rules (a
//!   chunk starts at `B-`/`S-`, or at `I-`/`E-` after `O`, another type or the start of a
//!   sentence; it ends before `B-`, `S-`, `O`, another type, or after `E-`/`S-`). The scheme
//!   seen is recorded: `IOBES` when `E-`/`S-` occur, `IOB1` when a chunk starts with `I-`,
//!   else `IOB2`.
//!
//! # The text
//!
//! Broad Twitter Corpus quirk: a mention `@name` is split into a token `@` tagged `B-X` and
//! the name tagged `B-X` again, which conlleval would count as two entities. A lone `@` (or
//! `#`) chunk right before a chunk of the same type is dropped: the name is the entity.
//!
//! Each document's text is its tokens joined by single spaces, sentences joined by `"\n"`.
//! Gold spans run from the first token's first byte to the last token's last byte, and the
//! tokens are kept so that predictions can be held to the gold tokenisation.
//!
//! # Labels ([`map_label`])
//!
//! Entity types of other corpora are mapped onto CoNLL's four where the meaning is close
//! (case-insensitive):
//!
//! | gold type | scored as |
//! |---|---|
//! | `PER`, `person` | `PER` |
//! | `ORG`, `organization`, `organisation`, `corporation`, `group`, `company`, `sportsteam` | `ORG` |
//! | `LOC`, `location`, `GPE`, `geo-loc`, `facility`, `FAC` | `LOC` |
//! | `MISC`, `product`, `creative-work`, `NORP`, `event`, `work_of_art`, `law`, `language`, `OTH`, `other` | `MISC` |
//!
//! Our own labels pass through, so a file tagged with OntoNotes-style number types (`MONEY`,
//! `PERCENT`, `DATE`, `CARDINAL`, `ORDINAL`, `QUANTITY`) or `QUOTE` is scored in those layers;
//! the set's layers are those of the labels it contains. Other types keep their upper-cased
//! name and can never match (the engine has no such label): `TIME` in the number layer, the
//! rest in the entity layer. WNUT-17's `group` (bands, teams, parties) is an organisation in CoNLL's sense and
//! its `product` / `creative-work` are CoNLL's MISC; `location` includes facilities.

use super::{EvalError, GoldDoc, GoldSet, GoldSpan};
use crate::annotation::Layer;
use crate::span::Span;

/// Maps a corpus's entity type onto PER / ORG / LOC / MISC (table in the module docs).
pub fn map_label(raw: &str) -> String {
    let lower = raw.to_ascii_lowercase();
    let mapped = match lower.as_str() {
        "per" | "person" | "pers" => "PER",
        "org" | "organization" | "organisation" | "corporation" | "group" | "company"
        | "sportsteam" => "ORG",
        "loc" | "location" | "gpe" | "geo-loc" | "facility" | "fac" => "LOC",
        "misc" | "product" | "creative-work" | "norp" | "event" | "work_of_art" | "law"
        | "language" | "oth" | "other" => "MISC",
        _ => return raw.to_ascii_uppercase(),
    };
    mapped.to_string()
}

/// A decoded tag: its prefix letter (`O`, `B`, `I`, `E`, `S`) and type.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Tag {
    prefix: char,
    kind: String,
}

/// Parses a tag; `None` when `s` does not look like one.
fn parse_tag(s: &str) -> Option<Tag> {
    if s == "O" {
        return Some(Tag {
            prefix: 'O',
            kind: String::new(),
        });
    }
    let (prefix, kind) = s.split_once('-')?;
    let prefix = match prefix {
        "B" => 'B',
        "I" => 'I',
        "E" | "L" => 'E',
        "S" | "U" => 'S',
        _ => return None,
    };
    let ok = !kind.is_empty()
        && kind
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.');
    ok.then(|| Tag {
        prefix,
        kind: kind.to_string(),
    })
}

/// One token line of a sentence.
struct Row<'a> {
    cols: Vec<&'a str>,
    line: usize,
}

/// A sentence's tokens and tags.
struct Sentence {
    tokens: Vec<String>,
    tags: Vec<Tag>,
}

/// Reads one CoNLL-style file. `name` is used in document names and errors.
pub fn read(name: &str, content: &str) -> Result<GoldSet, EvalError> {
    let mut docs: Vec<Vec<Sentence>> = vec![Vec::new()];
    let mut rows: Vec<Row<'_>> = Vec::new();
    let mut markers = false;
    for (i, raw) in content.lines().enumerate() {
        let line = raw.trim_end_matches(['\r', '\n']);
        let number = i + 1;
        if line.trim().is_empty() {
            flush(name, &mut rows, &mut docs)?;
            continue;
        }
        let first = line.split_whitespace().next().unwrap_or("");
        if first == "-DOCSTART-" || line.starts_with("# newdoc") {
            flush(name, &mut rows, &mut docs)?;
            markers = true;
            if docs.last().is_some_and(|d| !d.is_empty()) {
                docs.push(Vec::new());
            }
            continue;
        }
        let cols = split_columns(line);
        let is_comment = line.starts_with('#')
            && (line.starts_with("# ") && line.contains(" = ")
                || cols.iter().skip(1).all(|c| parse_tag(c).is_none()));
        if is_comment {
            continue;
        }
        if cols.len() < 2 {
            return Err(EvalError::new(
                name,
                number,
                format!("expected a token and a tag, found '{}'", truncate(line)),
            ));
        }
        rows.push(Row { cols, line: number });
    }
    flush(name, &mut rows, &mut docs)?;
    docs.retain(|d| !d.is_empty());
    if !markers {
        docs = docs
            .into_iter()
            .flatten()
            .map(|s| vec![s])
            .collect::<Vec<_>>();
    }
    Ok(build_set(name, docs))
}

fn truncate(line: &str) -> String {
    line.chars().take(60).collect()
}

fn split_columns(line: &str) -> Vec<&str> {
    if line.contains('\t') {
        line.split('\t').collect()
    } else {
        line.split_whitespace().collect()
    }
}

/// Ends the current sentence: decides the token column and decodes the tags.
fn flush(name: &str, rows: &mut Vec<Row<'_>>, docs: &mut [Vec<Sentence>]) -> Result<(), EvalError> {
    if rows.is_empty() {
        return Ok(());
    }
    let numbered = !rows.is_empty()
        && rows.iter().enumerate().all(|(k, r)| {
            r.cols.len() >= 3 && r.cols.first().and_then(|c| c.parse::<usize>().ok()) == Some(k + 1)
        });
    let token_col = usize::from(numbered);
    let mut sentence = Sentence {
        tokens: Vec::with_capacity(rows.len()),
        tags: Vec::with_capacity(rows.len()),
    };
    for row in rows.iter() {
        let tag = row
            .cols
            .iter()
            .enumerate()
            .rev()
            .filter(|(j, _)| *j > token_col)
            .find_map(|(_, c)| parse_tag(c.trim()));
        let Some(tag) = tag else {
            return Err(EvalError::new(
                name,
                row.line,
                format!(
                    "no tag column (O, B-TYPE, I-TYPE...) in '{}'",
                    truncate(&row.cols.join(" "))
                ),
            ));
        };
        let token = row.cols.get(token_col).map_or("", |t| t.trim());
        sentence
            .tokens
            .push(if token.is_empty() { "_" } else { token }.to_string());
        sentence.tags.push(tag);
    }
    rows.clear();
    if let Some(doc) = docs.last_mut() {
        doc.push(sentence);
    }
    Ok(())
}

/// conlleval's end-of-chunk test between the previous tag and the current one.
fn ends_chunk(prev: &Tag, cur: &Tag) -> bool {
    match (prev.prefix, cur.prefix) {
        ('O', _) => false,
        ('E' | 'S', _) => true,
        ('B' | 'I', 'B' | 'S' | 'O') => true,
        _ => prev.kind != cur.kind,
    }
}

/// conlleval's start-of-chunk test.
fn starts_chunk(prev: &Tag, cur: &Tag) -> bool {
    match cur.prefix {
        'O' => false,
        'B' | 'S' => true,
        _ => matches!(prev.prefix, 'E' | 'S' | 'O') || prev.kind != cur.kind,
    }
}

/// Token-index chunks `(first, last, type)` of one sentence, and whether one started with `I-`.
fn chunks(tags: &[Tag]) -> (Vec<(usize, usize, String)>, bool) {
    let outside = Tag {
        prefix: 'O',
        kind: String::new(),
    };
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut iob1 = false;
    let mut prev = &outside;
    for (i, tag) in tags.iter().enumerate() {
        if ends_chunk(prev, tag) {
            if let Some((start, kind)) = open.take() {
                out.push((start, i - 1, kind));
            }
        }
        if starts_chunk(prev, tag) {
            if let Some((start, kind)) = open.take() {
                out.push((start, i - 1, kind));
            }
            iob1 |= tag.prefix == 'I';
            open = Some((i, tag.kind.clone()));
        }
        prev = tag;
    }
    if let Some((start, kind)) = open {
        out.push((start, tags.len().saturating_sub(1), kind));
    }
    (out, iob1)
}

fn build_set(name: &str, docs: Vec<Vec<Sentence>>) -> GoldSet {
    let mut labels: Vec<String> = Vec::new();
    let mut iob1 = false;
    let mut iobes = false;
    let mut out = Vec::with_capacity(docs.len());
    for (d, sentences) in docs.into_iter().enumerate() {
        let mut text = String::new();
        let mut tokens = Vec::new();
        let mut spans = Vec::new();
        for (s, sentence) in sentences.iter().enumerate() {
            if s > 0 {
                text.push('\n');
            }
            let first_token = tokens.len();
            for (t, token) in sentence.tokens.iter().enumerate() {
                if t > 0 {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(token);
                tokens.push(Span::new(start, text.len()));
            }
            iobes |= sentence.tags.iter().any(|t| matches!(t.prefix, 'E' | 'S'));
            let (found, starts_with_i) = chunks(&sentence.tags);
            iob1 |= starts_with_i;
            let lone_sign = |k: usize| {
                let (a, b, kind) = &found[k];
                a == b
                    && matches!(sentence.tokens.get(*a).map(String::as_str), Some("@" | "#"))
                    && found
                        .get(k + 1)
                        .is_some_and(|(a2, _, kind2)| *a2 == a + 1 && kind2 == kind)
            };
            let keep: Vec<bool> = (0..found.len()).map(|k| !lone_sign(k)).collect();
            for ((a, b, kind), _) in found.iter().zip(&keep).filter(|(_, k)| **k) {
                let (a, b) = (*a, *b);
                let (Some(first), Some(last)) =
                    (tokens.get(first_token + a), tokens.get(first_token + b))
                else {
                    continue;
                };
                let label = map_label(kind);
                if !labels.contains(&label) {
                    labels.push(label.clone());
                }
                spans.push(GoldSpan::new(Span::new(first.start, last.end), label));
            }
        }
        out.push(GoldDoc {
            name: format!("{name}#{}", d + 1),
            text,
            spans,
            tokens,
            scope: Vec::new(),
        });
    }
    let scheme = if iobes {
        "IOBES"
    } else if iob1 {
        "IOB1"
    } else {
        "IOB2"
    };
    let mut layers: Vec<Layer> = labels.iter().map(|l| super::scored_layer(l)).collect();
    if layers.is_empty() {
        layers.push(Layer::Entity);
    }
    layers.sort();
    layers.dedup();
    GoldSet {
        docs: out,
        layers,
        labels: Some(labels),
        speech_only: false,
        scheme: Some(scheme.to_string()),
    }
}
