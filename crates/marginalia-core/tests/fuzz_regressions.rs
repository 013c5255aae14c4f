//! Replays every input the fuzzers (`fuzz/`) ever found a problem with, so a fixed crash stays
//! fixed. Inputs live in `fuzz/regressions/<target>/`, one file each, as raw bytes: `analyze/`
//! files are text for the engine (read as lossy UTF-8), `import/` files are import files.

mod common;

use common::invariants::{check_import_bytes, check_round_trip, check_text};
use std::fs;
use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn analyze_regressions() {
    for path in inputs("analyze") {
        let bytes = read(&path);
        let text = String::from_utf8_lossy(&bytes);
        let json = check_text(&text);
        check_round_trip(&text, &json);
    }
}

#[test]
fn import_regressions() {
    for path in inputs("import") {
        check_import_bytes(&read(&path));
    }
}
