//! `marginalia annotate --format` and `marginalia convert`, run as a user would: the files they
//! write equal the core's rendering, conversions round-trip, bad files are refused with every
//! problem named, and outputs never replace inputs.

#![allow(clippy::unwrap_used, missing_docs)]

use marginalia_core::export::{self, Source};
use marginalia_core::formats::{render, zip, Document, Format};
use marginalia_core::{analyze, Annotation};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Emoji before and inside spans, a combining accent, curly quotes.
const TEXT: &str = "Spotify 🎧 strikes $6bn deal\n\n\
    “We are committed to paying artists fairly 😀,” said Daniel Ek in Zu\u{308}rich on \
    18 March. Shares rose 12% to 🚀 £4,500, a “superfan” tier.\n";

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A fresh scratch directory.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "marginalia-cli-formats-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn engine(text: &str) -> Vec<(Annotation, Source)> {
    analyze(text)
        .iter()
        .map(|a| (a.clone(), Source::Auto))
        .collect()
}

#[test]
fn annotate_writes_each_format_like_the_core() {
    let anns = engine(TEXT);
    let name = export::file_stem(TEXT);
    let doc = Document::new(&name, TEXT, &anns);
    for format in [
        Format::Json,
        Format::Jsonl,
        Format::W3c,
        Format::Conll,
        Format::Csv,
        Format::Html,
    ] {
        let out = ok(&run(
            &["annotate", "--format", format.name(), "-"],
            TEXT.as_bytes(),
        ));
        assert_eq!(out, render(format, &[doc])[0].contents, "{format}");
    }
    // --format json is the plain export, byte for byte.
    assert_eq!(
        ok(&run(&["annotate", "-f", "json", "-"], TEXT.as_bytes())),
        ok(&run(&["annotate", "-"], TEXT.as_bytes()))
    );
}

#[test]
fn annotate_to_a_directory_and_a_zip() {
    let dir = scratch("annotate");
    let a = dir.join("deal.txt");
    let b = dir.join("meet.html");
    std::fs::write(&a, TEXT).unwrap();
    std::fs::write(&b, "<p>Angela Merkel met Emmanuel Macron in Paris.</p>").unwrap();
    let out_dir = dir.join("brat");
    ok(&run(
        &[
            "annotate",
            "--format",
            "brat",
            "--out",
            out_dir.to_str().unwrap(),
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        b"",
    ));
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "annotation.conf",
            "deal.ann",
            "deal.txt",
            "meet.ann",
            "meet.txt"
        ]
    );
    assert_eq!(
        std::fs::read_to_string(out_dir.join("deal.txt")).unwrap(),
        TEXT
    );
    let ann = std::fs::read_to_string(out_dir.join("deal.ann")).unwrap();
    assert!(ann.contains("\tMONEY "), "{ann}");

    // A zip on standard output.
    let out = run(
        &[
            "annotate",
            "--format",
            "html",
            "--zip",
            "-",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        b"",
    );
    assert!(out.status.success());
    assert_eq!(
        zip::entry_names(&out.stdout).unwrap(),
        ["deal.html", "meet.html"]
    );
    let html = String::from_utf8(zip::read_entry(&out.stdout, "meet.html").unwrap()).unwrap();
    assert!(html.contains(">Angela Merkel</mark>") && !html.contains("<script"));

    // An output never replaces an input: meet.html beside its snapshot.
    let out = run(
        &[
            "annotate",
            "--format",
            "html",
            "--out",
            dir.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is an input"));
    assert!(std::fs::read_to_string(&b).unwrap().starts_with("<p>"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_for_outputs() {
    for (args, message) in [
        (
            &["annotate", "--format", "brat", "-"][..],
            "--out DIR or --zip FILE",
        ),
        (
            &["annotate", "--format", "w3c", "a", "b"],
            "a file per document",
        ),
        (
            &["annotate", "--format", "docx", "a"],
            "unknown format 'docx'",
        ),
        (
            &["annotate", "--out", "d", "--zip", "z", "a"],
            "exclude each other",
        ),
        (&["convert", "a.json"], "needs --to"),
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn convert_round_trips_json_jsonl_and_w3c() {
    let dir = scratch("convert");
    let second = "Angela Merkel met Emmanuel Macron in Paris on 3 May 2024, paying €5m.";
    let jsonl = format!(
        "{}\n{}\n",
        export::to_json_line(TEXT, &analyze(TEXT)),
        export::to_json_line(second, &analyze(second))
    );
    let all = dir.join("all.jsonl");
    std::fs::write(&all, &jsonl).unwrap();
    // JSONL -> JSONL: the same bytes.
    assert_eq!(
        ok(&run(
            &["convert", "--to", "jsonl", all.to_str().unwrap()],
            b""
        )),
        jsonl
    );
    // One JSON document -> JSON: the same bytes; from standard input too.
    let json = export::to_json(TEXT, &analyze(TEXT));
    assert_eq!(
        ok(&run(&["convert", "--to", "json", "-"], json.as_bytes())),
        json
    );
    // JSONL -> W3C files -> JSON again.
    let w3c_dir = dir.join("w3c");
    ok(&run(
        &[
            "convert",
            "--to",
            "w3c",
            "--out",
            w3c_dir.to_str().unwrap(),
            all.to_str().unwrap(),
        ],
        b"",
    ));
    let stem = export::file_stem(TEXT);
    let w3c = w3c_dir.join(format!("{stem}.jsonld"));
    assert_eq!(
        ok(&run(
            &["convert", "--to", "json", w3c.to_str().unwrap()],
            b""
        )),
        json
    );
    // CSV of both: a header and a row per annotation.
    let csv = ok(&run(
        &["convert", "--to", "csv", all.to_str().unwrap()],
        b"",
    ));
    let rows = analyze(TEXT).len() + analyze(second).len();
    assert_eq!(csv.matches("\r\n").count(), rows + 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn convert_refuses_bad_files_naming_every_problem() {
    let dir = scratch("bad");
    let json = export::to_json(TEXT, &analyze(TEXT));
    let bad = json
        .replacen("\"text\": \"Spotify\"", "\"text\": \"Spotifx\"", 1)
        .replacen("\"source\": \"auto\"", "\"source\": \"robot\"", 1);
    let path = dir.join("bad.json");
    std::fs::write(&path, bad).unwrap();
    let out_dir = dir.join("out");
    let out = run(
        &[
            "convert",
            "--to",
            "csv",
            "--out",
            out_dir.to_str().unwrap(),
            path.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let name = path.to_string_lossy();
    assert!(
        err.contains(&format!(
            "marginalia: {name}: annotation e1 (index 0), field `text`: is \"Spotifx\", but \
             the text at start/end is \"Spotify\"."
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "marginalia: {name}: annotation e1 (index 0), field `source`: must be \"auto\" or \
             \"manual\", not \"robot\"."
        )),
        "{err}"
    );
    assert!(
        err.contains("2 problems in the input; nothing was written"),
        "{err}"
    );
    assert!(!out_dir.exists(), "nothing written");
    let _ = std::fs::remove_dir_all(&dir);
}
