//! `marginalia eval` end to end: the regression guard over the development sets, and the
//! command's behaviour on small gold files.
//!
//! The minimums live in `tests/dev/thresholds.json`. Our own set (`tests/dev/news-dev.jsonl`)
//! is always scored; the public gold sets in `../shared/data` (never committed here) are scored
//! when that directory exists, and their tests print a notice and pass when it does not. Set
//! `MARGINALIA_GOLD_DATA` to use another copy.

#![allow(clippy::unwrap_used, missing_docs)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

fn shared_dir() -> PathBuf {
    std::env::var_os("MARGINALIA_GOLD_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(SHARED))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(args)
        .output()
        .unwrap()
}

fn thresholds() -> Value {
    let path = Path::new(REPO).join("tests/dev/thresholds.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Scores the dataset `name` of thresholds.json and checks every recorded minimum.
fn guard(name: &str) {
    let all = thresholds();
    let entry = all["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .unwrap_or_else(|| panic!("{name} is not in tests/dev/thresholds.json"));
    let path = entry["path"].as_str().unwrap();
    let full = if let Some(rel) = path.strip_prefix("repo:") {
        Path::new(REPO).join(rel)
    } else if let Some(rel) = path.strip_prefix("shared:") {
        let dir = shared_dir();
        if !dir.is_dir() {
            println!(
                "skipping {name}: gold data not found at {} (set MARGINALIA_GOLD_DATA or \
                 check out ../shared)",
                dir.display()
            );
            return;
        }
        dir.join(rel)
    } else {
        panic!("{name}: path must start with repo: or shared:");
    };
    assert!(full.exists(), "{name}: {} is missing", full.display());
    let out = run(&["eval", "--json", full.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = json["reports"].as_array().unwrap();
    let mut failures = Vec::new();
    for (layer, mins) in entry["layers"].as_object().unwrap() {
        let report = reports
            .iter()
            .find(|r| r["layer"] == layer.as_str())
            .unwrap_or_else(|| panic!("{name}: no {layer} report"));
        for (figure, min) in mins.as_object().unwrap() {
            let min = min.as_f64().unwrap();
            let got = match figure.as_str() {
                "f1" => report["overall"]["f1"].as_f64(),
                "span_f1" => report["span_only"]["f1"].as_f64(),
                "speaker_accuracy" => report["speaker"]["accuracy"].as_f64(),
                "kind_accuracy" => report["kind"]["accuracy"].as_f64(),
                "cue_accuracy" => report["cue"]["accuracy"].as_f64(),
                other => panic!("{name}: unknown figure {other}"),
            }
            .unwrap_or(0.0);
            println!("{name} {layer} {figure}: {got:.4} (minimum {min})");
            if got < min {
                failures.push(format!("{layer} {figure} {got:.4} < {min}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{name} fell below tests/dev/thresholds.json: {}",
        failures.join("; ")
    );
}

#[test]
fn guard_news_dev() {
    guard("news-dev");
}

#[test]
fn guard_conll2003_valid() {
    guard("conll2003-valid");
}

#[test]
fn guard_btc_dev() {
    guard("btc-dev");
}

#[test]
fn guard_wnut17_dev() {
    guard("wnut17-dev");
}

#[test]
fn guard_uner_dev() {
    guard("uner-ewt-dev");
}

#[test]
fn guard_polnear_dev() {
    guard("polnear-dev");
}

#[test]
fn dev_set_is_in_step_with_its_markup() {
    let markup =
        std::fs::read_to_string(Path::new(REPO).join("tests/dev/news-dev.markup")).unwrap();
    let jsonl = std::fs::read_to_string(Path::new(REPO).join("tests/dev/news-dev.jsonl")).unwrap();
    let docs = markup.lines().filter(|l| l.starts_with("===")).count();
    assert!(
        docs >= 30,
        "the development set needs at least 30 documents"
    );
    assert_eq!(
        jsonl.lines().filter(|l| !l.trim().is_empty()).count(),
        docs,
        "regenerate: python3 tests/dev/markup_to_json.py tests/dev/news-dev.markup > tests/dev/news-dev.jsonl"
    );
}

fn temp_file(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("marginalia-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn conll_table_and_json() {
    let path = temp_file(
        "tiny.conll",
        "-DOCSTART- -X- -X- O\n\nSpotify NNP B-NP B-ORG\npaid VBD B-VP O\nDaniel NNP B-NP B-PER\nEk NNP I-NP I-PER\n",
    );
    let out = run(&["eval", path.to_str().unwrap()]);
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("entity layer, 1 documents, tags IOB2"),
        "{table}"
    );
    assert!(table.contains("label"), "{table}");
    assert!(table.contains("overall"), "{table}");
    let out = run(&[
        "eval",
        "--json",
        "--format",
        "conll",
        path.to_str().unwrap(),
    ]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["reports"][0]["overall"]["gold"], 2);
    assert_eq!(json["reports"][0]["layer"], "entity");
}

#[test]
fn malformed_gold_names_file_and_line() {
    let path = temp_file("bad.conll", "Spotify B-ORG\npaid\n");
    let out = run(&["eval", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.conll:2: "), "{err}");

    let path = temp_file("bad.jsonl", "{\"schema\": 3}\n");
    let out = run(&["eval", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.jsonl:1: "));

    let out = run(&["eval", "/nonexistent/gold.conll"]);
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["eval", "--layer", "number", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn brat_directory_and_help() {
    let dir = std::env::temp_dir().join(format!("marginalia-brat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = "“We will win,” Trump said.";
    std::fs::write(dir.join("a.txt"), text).unwrap();
    // Code points: the quote marks are one each.
    std::fs::write(
        dir.join("a_x1.ann"),
        "T1\tSource 15 20\tTrump\nT2\tContent 0 14\t“We will win,”\nE1\tContent:T2 Source:T1\n",
    )
    .unwrap();
    let out = run(&["eval", "--json", dir.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let report = &json["reports"][0];
    assert_eq!(report["layer"], "quote");
    assert_eq!(report["overall"]["gold"], 1);
    assert_eq!(report["overall"]["correct"], 1);
    assert_eq!(report["speaker"]["accuracy"], 1.0);

    let help = run(&["eval", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("marginalia eval"));
    let main = run(&["--help"]);
    assert!(String::from_utf8_lossy(&main.stdout).contains("marginalia eval"));
}
