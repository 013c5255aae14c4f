//! End-to-end tests of the `marginalia` binary: it is run as a user would, and its output is
//! compared with the export computed in-process by `marginalia_core`.

#![allow(clippy::unwrap_used, missing_docs)]

use marginalia_core::{analyze, export, html::html_to_text};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A text with emoji before and inside the annotated spans, quotes and numbers.
const EMOJI_TEXT: &str = "Spotify 🎧 strikes $6bn deal\n\n\
    “We are committed to paying artists fairly 😀,” said Daniel Ek, the chief executive, on \
    18 March. Shares rose 12% to 🚀 £4,500 in London, the 11th rise since 1979.\n";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_marginalia"))
}

/// Runs the binary with `args` and `stdin` as standard input.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
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

fn run_path(args: &[&str], path: &Path) -> Output {
    let mut all: Vec<&str> = args.to_vec();
    all.push(path.to_str().unwrap());
    run(&all, b"")
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("marginalia-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn expected(text: &str) -> String {
    export::to_json(text, &analyze(text))
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn assert_ok(output: &Output) {
    assert!(
        output.status.success(),
        "exit {:?}, stderr: {}",
        output.status.code(),
        stderr(output)
    );
    assert!(output.stderr.is_empty(), "stderr: {}", stderr(output));
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../marginalia-core/tests/fixtures/spotify-deal.txt")
}

#[test]
fn stdin_and_file_give_the_same_bytes_as_the_library() {
    let text = std::fs::read_to_string(fixture()).unwrap();
    let from_file = run_path(&["annotate"], &fixture());
    assert_ok(&from_file);
    let from_stdin = run(&["annotate", "-"], text.as_bytes());
    assert_ok(&from_stdin);
    assert_eq!(from_file.stdout, from_stdin.stdout);
    assert_eq!(stdout(&from_file), expected(&text));
    // `--` ends the options.
    let after_dashes = run_path(&["annotate", "--"], &fixture());
    assert_eq!(after_dashes.stdout, from_file.stdout);
}

#[test]
fn jsonl_gives_one_document_per_line_in_argument_order() {
    let dir = scratch("jsonl");
    let second = write(&dir, "second.txt", EMOJI_TEXT.as_bytes());
    let output = run(
        &[
            "annotate",
            "--jsonl",
            fixture().to_str().unwrap(),
            second.to_str().unwrap(),
        ],
        b"",
    );
    assert_ok(&output);
    let out = stdout(&output);
    assert!(out.ends_with('\n'));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    for (line, path) in lines.iter().zip([fixture(), second]) {
        let single = run_path(&["annotate"], &path);
        assert_ok(&single);
        let single: Value = serde_json::from_str(&stdout(&single)).unwrap();
        let line_doc: Value = serde_json::from_str(line).unwrap();
        assert_eq!(line_doc, single);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(*line, export::to_json_line(&text, &analyze(&text)));
    }
}

#[test]
fn jsonl_writes_nothing_when_an_input_fails() {
    let dir = scratch("jsonl-fail");
    let missing = dir.join("missing.txt");
    let output = run(
        &[
            "annotate",
            "--jsonl",
            fixture().to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(
        stderr(&output).contains("missing.txt"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn jsonl_reads_stdin_among_files() {
    let output = run(
        &["annotate", "--jsonl", "-", fixture().to_str().unwrap()],
        EMOJI_TEXT.as_bytes(),
    );
    assert_ok(&output);
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0],
        export::to_json_line(EMOJI_TEXT, &analyze(EMOJI_TEXT))
    );
}

#[test]
fn crlf_and_bom_are_normalised() {
    let dir = scratch("crlf");
    let plain = "Spotify paid $6bn.\nDaniel Ek said “yes”.\n";
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(plain.replace('\n', "\r\n").as_bytes());
    let path = write(&dir, "crlf.txt", &bytes);
    let output = run_path(&["annotate"], &path);
    assert_ok(&output);
    assert_eq!(stdout(&output), expected(plain));
    let from_stdin = run(&["annotate", "-"], &bytes);
    assert_eq!(from_stdin.stdout, output.stdout);
    // Lone CRs too.
    let old_mac = write(&dir, "cr.txt", plain.replace('\n', "\r").as_bytes());
    assert_eq!(stdout(&run_path(&["annotate"], &old_mac)), expected(plain));
}

#[test]
fn html_files_are_converted_like_the_page_does() {
    let dir = scratch("html");
    let html = "<!DOCTYPE html>\r\n<html><head><title>Ignored</title><style>p{}</style></head>\r\n\
        <body><h1>Spotify strikes $6bn deal</h1>\r\n<p>&ldquo;We are committed,&rdquo; said \
        Daniel&nbsp;Ek on 18 March.</p><script>track()</script>\r\n<p>Shares rose 12%.</p>\
        </body></html>\r\n";
    let text = html_to_text(html);
    assert_eq!(
        text,
        "Spotify strikes $6bn deal\n\n“We are committed,” said Daniel Ek on 18 March.\n\n\
         Shares rose 12%."
    );
    for name in ["story.html", "STORY.HTM"] {
        let path = write(&dir, name, html.as_bytes());
        let output = run_path(&["annotate"], &path);
        assert_ok(&output);
        assert_eq!(stdout(&output), expected(&text));
    }
    // Standard input is plain text, whatever it holds; so is a .txt file.
    let from_stdin = run(&["annotate", "-"], html.as_bytes());
    assert_eq!(stdout(&from_stdin), expected(&html.replace("\r\n", "\n")));
}

#[test]
fn empty_input_gives_an_empty_document() {
    let dir = scratch("empty");
    let path = write(&dir, "empty.txt", b"");
    let output = run_path(&["annotate"], &path);
    assert_ok(&output);
    assert_eq!(stdout(&output), expected(""));
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(doc["document"]["text"], "");
    assert_eq!(doc["document"]["length"]["chars"], 0);
    assert_eq!(doc["annotations"], Value::Array(vec![]));
    assert_eq!(run(&["annotate", "-"], b"").stdout, output.stdout);
}

#[test]
fn invalid_utf8_is_a_bad_input_error() {
    let dir = scratch("invalid");
    let path = write(&dir, "latin1.txt", b"Caf\xE9 de Paris");
    let output = run_path(&["annotate"], &path);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let message = stderr(&output);
    assert!(message.starts_with("marginalia: "), "{message}");
    assert!(message.contains("latin1.txt"), "{message}");
    assert!(message.contains("not valid UTF-8"), "{message}");
    assert!(message.contains("byte offset 3"), "{message}");

    let from_stdin = run(&["annotate", "-"], b"ok\n\xFF");
    assert_eq!(from_stdin.status.code(), Some(2));
    assert!(stderr(&from_stdin).contains("standard input"));
    assert!(stderr(&from_stdin).contains("byte offset 3"));

    let utf16 = run(&["annotate", "-"], b"\xFF\xFEH\x00i\x00");
    assert_eq!(utf16.status.code(), Some(2));
    assert!(stderr(&utf16).contains("UTF-16"), "{}", stderr(&utf16));
}

#[test]
fn missing_file_is_an_io_error_naming_the_path() {
    let dir = scratch("missing");
    let path = dir.join("no-such-article.txt");
    let output = run_path(&["annotate"], &path);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let message = stderr(&output);
    assert!(message.contains(path.to_str().unwrap()), "{message}");
    assert!(message.contains("no such file"), "{message}");
    // A directory is not a file either.
    let dir_output = run_path(&["annotate"], &dir);
    assert_eq!(dir_output.status.code(), Some(1));
    assert!(stderr(&dir_output).contains(dir.to_str().unwrap()));
}

#[test]
fn usage_errors_exit_2_with_a_hint() {
    let cases: &[(&[&str], &str)] = &[
        (&["annotate", "--bogus", "x.txt"], "--bogus"),
        (&["--bogus"], "--bogus"),
        (&["annotate"], "needs a FILE"),
        (&["annotate", "a.txt", "b.txt"], "--jsonl"),
        (&["annotate", "--jsonl", "-", "-"], "only once"),
        (&["annotate", "--jsonl=yes", "a.txt"], "--jsonl"),
        (&["frobnicate"], "unknown command 'frobnicate'"),
        (&["help", "frobnicate"], "unknown command"),
        (&[], "no command"),
    ];
    for (args, needle) in cases {
        let output = run(args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let message = stderr(&output);
        assert!(message.contains(needle), "{args:?}: {message}");
        assert!(message.contains("--help"), "{args:?}: {message}");
    }
}

#[test]
fn help_and_version() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let output = run(args, b"");
        assert_ok(&output);
        let text = stdout(&output);
        assert!(text.contains("marginalia annotate"), "{text}");
        assert!(text.contains("Exit status"), "{text}");
    }
    for args in [
        &["annotate", "--help"][..],
        &["annotate", "x.txt", "-h"],
        &["help", "annotate"],
    ] {
        let output = run(args, b"");
        assert_ok(&output);
        let text = stdout(&output);
        assert!(text.contains("--jsonl"), "{text}");
        assert!(text.contains("UTF-8"), "{text}");
    }
    for args in [&["--version"][..], &["-V"]] {
        let output = run(args, b"");
        assert_ok(&output);
        assert_eq!(
            stdout(&output),
            format!("marginalia {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

/// `text[start..end]` in code points.
fn slice_chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// `text[start..end]` in UTF-16 code units.
fn slice_utf16(text: &str, start: u64, end: u64) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).unwrap()
}

#[test]
fn offsets_slice_the_text_in_code_points_and_utf16() {
    let output = run(&["annotate", "-"], EMOJI_TEXT.as_bytes());
    assert_ok(&output);
    assert_eq!(stdout(&output), expected(EMOJI_TEXT));
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let text = doc["document"]["text"].as_str().unwrap();
    assert_eq!(text, EMOJI_TEXT);
    let length = &doc["document"]["length"];
    assert_eq!(length["chars"], text.chars().count());
    assert_eq!(length["utf16"], text.encode_utf16().count());
    assert_eq!(length["bytes"], text.len());
    let annotations = doc["annotations"].as_array().unwrap();
    // The emoji come before the money, so its two offsets differ.
    let money = annotations
        .iter()
        .find(|a| a["text"] == "£4,500")
        .expect("£4,500 is annotated");
    assert_ne!(money["start"], money["utf16"][0]);
    let mut spans = 0;
    for a in annotations {
        let mut check = |span: &Value| {
            let (start, end) = (
                span["start"].as_u64().unwrap(),
                span["end"].as_u64().unwrap(),
            );
            let (s16, e16) = (
                span["utf16"][0].as_u64().unwrap(),
                span["utf16"][1].as_u64().unwrap(),
            );
            let covered = span["text"].as_str().unwrap();
            assert_eq!(slice_chars(text, start, end), covered, "{span}");
            assert_eq!(slice_utf16(text, s16, e16), covered, "{span}");
            spans += 1;
        };
        check(a);
        if !a["speaker"].is_null() {
            check(&a["speaker"]);
        }
    }
    assert!(spans >= annotations.len());
}

#[test]
fn never_panics_on_odd_bytes() {
    let inputs: &[&[u8]] = &[
        b"\0\0\0",
        b"\xEF\xBB\xBF",
        b"\r\r\n\n\r",
        "“unclosed quote $ % 1st 😀\u{200B}\u{FEFF}".as_bytes(),
        b"\xF0\x9F\x98",
        b"\xC0\x80",
    ];
    for bytes in inputs {
        let output = run(&["annotate", "-"], bytes);
        let code = output.status.code();
        assert!(code == Some(0) || code == Some(2), "{bytes:?}: {code:?}");
        assert!(!stderr(&output).contains("panicked"), "{bytes:?}");
    }
}

#[test]
fn train_writes_a_model_that_reads_back_and_is_deterministic() {
    use marginalia_core::entities::model::Model;
    let dir = scratch("train");
    let gold = write(
        &dir,
        "tiny.conll",
        b"-DOCSTART- -X- O O\n\nDaniel NNP B-NP B-PER\nEk NNP I-NP I-PER\nruns VBZ B-VP O\n\
          Spotify NNP B-NP B-ORG\nin IN B-PP O\nStockholm NNP B-NP B-LOC\n. . O O\n",
    );
    let out_a = dir.join("a.bin");
    let out_b = dir.join("b.bin");
    for out in [&out_a, &out_b] {
        let output = run(
            &[
                "train",
                "--data",
                gold.to_str().unwrap(),
                "--seed",
                "3",
                "--epochs",
                "2",
                "--out",
                out.to_str().unwrap(),
                "--dev",
                gold.to_str().unwrap(),
            ],
            b"",
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(stdout(&output).contains("entity F1"), "{}", stdout(&output));
    }
    let a = std::fs::read(&out_a).unwrap();
    assert_eq!(
        a,
        std::fs::read(&out_b).unwrap(),
        "same data and seed, same bytes"
    );
    assert!(Model::from_bytes(&a).is_ok());
    // Nothing to train on: a usage-class error, no file written.
    let empty = write(&dir, "empty.conll", b"");
    let output = run(
        &[
            "train",
            "--data",
            empty.to_str().unwrap(),
            "--out",
            dir.join("c.bin").to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("training failed"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.join("c.bin").exists());
}
