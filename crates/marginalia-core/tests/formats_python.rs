//! Python reads what the formats write: `text[start:end]` (code points) gives every span's text
//! in the JSON export (annotations and speakers), the CSV and the W3C selectors, the `utf16`
//! pairs slice the UTF-16 encoding to the same text, and brat's fragments slice the `.txt`.
//! The text mixes emoji (outside the BMP, a ZWJ sequence), combining accents and curly quotes.
//! Skipped, with a notice, when `python3` is not installed.

#![allow(clippy::unwrap_used, missing_docs)]

use marginalia_core::export::Source;
use marginalia_core::formats::{render, Document, Format};
use marginalia_core::{analyze, Annotation, Label, QuoteInfo, QuoteKind, Span};
use std::path::PathBuf;
use std::process::Command;

const TEXT: &str = "Spotify 🎧 paid $6bn on 18 March to Zoe\u{308} Ke\u{301}ré.\n\
    “We are committed to artists 👩\u{200d}👩\u{200d}👧,” said Daniel Ek, up 12% since 1979.\n\
    Cafe\u{301} owners called it a “superfan” tier, and “two\nlines” too.\n";

const CHECK: &str = r#"
import csv, json, sys
d = sys.argv[1]
n = 0

def same(got, want, what):
    global n
    n += 1
    if got != want:
        sys.exit("%s: %r != %r" % (what, got, want))

def utf16(text, pair):
    return text.encode("utf-16-le")[2 * pair[0]:2 * pair[1]].decode("utf-16-le")

docs = [json.loads(line) for line in open(d + "/annotations.jsonl", encoding="utf-8")]
doc = json.load(open(d + "/article.json", encoding="utf-8"))
same(docs[0], doc, "jsonl line 1 is the json document")
for doc in docs:
    text = doc["document"]["text"]
    same(len(text), doc["document"]["length"]["chars"], "length.chars")
    same(len(text.encode("utf-16-le")) // 2, doc["document"]["length"]["utf16"], "length.utf16")
    for a in doc["annotations"]:
        same(text[a["start"]:a["end"]], a["text"], a["id"])
        same(utf16(text, a["utf16"]), a["text"], a["id"] + " utf16")
        s = a.get("speaker")
        if s:
            same(text[s["start"]:s["end"]], s["text"], a["id"] + " speaker")
            same(utf16(text, s["utf16"]), s["text"], a["id"] + " speaker utf16")

texts = {"article": docs[0]["document"]["text"], "article-2": docs[1]["document"]["text"]}
with open(d + "/annotations.csv", encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
same(len(rows), sum(len(doc["annotations"]) for doc in docs), "csv rows")
for row in rows:
    same(texts[row["doc"]][int(row["start"]):int(row["end"])], row["text"], "csv " + row["id"])

w3c = json.load(open(d + "/article.jsonld", encoding="utf-8"))
text = w3c["mg:text"]
for item in w3c["first"]["items"]:
    pos, quote = item["target"]["selector"]
    same(text[pos["start"]:pos["end"]], quote["exact"], "w3c " + item["mg:id"])
    same(text[:pos["start"]].endswith(quote["prefix"]), True, "w3c prefix " + item["mg:id"])
    same(text[pos["end"]:].startswith(quote["suffix"]), True, "w3c suffix " + item["mg:id"])

text = open(d + "/article.txt", encoding="utf-8", newline="").read()
for line in open(d + "/article.ann", encoding="utf-8"):
    if line.startswith("T"):
        _, kind_offsets, shown = line.rstrip("\n").split("\t")
        fragments = [f.split(" ") for f in kind_offsets.split(" ", 1)[1].split(";")]
        same(" ".join(text[int(a):int(b)] for a, b in fragments), shown, "brat " + line)
print("checked %d spans" % n)
"#;

fn annotations() -> Vec<(Annotation, Source)> {
    let mut out: Vec<(Annotation, Source)> = analyze(TEXT)
        .iter()
        .filter(|a| a.label != Label::Per && a.label != Label::Quote)
        .map(|a| (a.clone(), Source::Auto))
        .collect();
    let span = |s: &str| {
        let start = TEXT.find(s).unwrap();
        Span::new(start, start + s.len())
    };
    out.retain(|(a, _)| !a.span.overlaps(&span("Zoe\u{308} Ke\u{301}ré")));
    out.retain(|(a, _)| !a.span.overlaps(&span("Daniel Ek")));
    out.push((
        Annotation::new(span("Zoe\u{308} Ke\u{301}ré"), Label::Per),
        Source::Manual,
    ));
    out.push((Annotation::new(span("Daniel Ek"), Label::Per), Source::Auto));
    let quote = |s: &str, speaker: Option<Span>| Annotation {
        quote: Some(QuoteInfo {
            kind: QuoteKind::Speech,
            speaker,
            cue: Some("said".into()),
        }),
        ..Annotation::new(span(s), Label::Quote)
    };
    out.push((
        quote(
            "We are committed to artists 👩\u{200d}👩\u{200d}👧,",
            Some(span("Daniel Ek")),
        ),
        Source::Auto,
    ));
    out.push((
        quote("superfan", Some(span("Cafe\u{301} owners"))),
        Source::Auto,
    ));
    out.push((quote("two\nlines", None), Source::Manual));
    out
}

#[test]
fn python_slices_every_exported_span() {
    if Command::new("python3").arg("--version").output().is_err() {
        println!("python3 is not installed: skipping the Python check of the formats");
        return;
    }
    let anns = annotations();
    let docs = [
        Document::new("article", TEXT, &anns),
        Document::new("article", "Plain 😀 text, no spans.", &[]),
    ];
    let dir: PathBuf =
        std::env::temp_dir().join(format!("marginalia-formats-python-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for format in [
        Format::Json,
        Format::Jsonl,
        Format::Csv,
        Format::W3c,
        Format::Brat,
    ] {
        for file in render(format, &docs) {
            std::fs::write(dir.join(&file.name), file.contents).unwrap();
        }
    }
    let out = Command::new("python3")
        .arg("-c")
        .arg(CHECK)
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success(), "python3 failed:\n{stdout}\n{stderr}");
    let checked: usize = stdout
        .trim()
        .strip_prefix("checked ")
        .and_then(|s| s.strip_suffix(" spans"))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    assert!(checked > 40, "{stdout}");
}
