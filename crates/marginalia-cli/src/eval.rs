//! `marginalia eval`: scores the engine against gold files and prints the figures.
//!
//! The readers and the scorer are pure functions of `marginalia_core::eval`; this module reads
//! the files, guesses their format and prints the tables.

use crate::args::{EvalOptions, GoldFormat};
use crate::error::CliError;
use marginalia_core::eval::{self, brat, conll, gold_json, EvalError, GoldSet, Report};
use marginalia_core::Layer;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Runs `eval`: reads every PATH (failing before any output if one cannot be read), scores
/// each layer the gold annotates (or `--layer`) and prints a table per layer, or JSON.
pub fn run(options: &EvalOptions) -> Result<(), CliError> {
    let (set, format) = load(options)?;
    let layers = match options.layer {
        Some(layer) => {
            if format != GoldFormat::Json && !set.layers.contains(&layer) {
                return Err(CliError::usage(
                    format!(
                        "{} gold does not annotate the {} layer",
                        format_name(format),
                        layer.as_str()
                    ),
                    "marginalia eval --help",
                ));
            }
            vec![layer]
        }
        None => set.layers.clone(),
    };
    let name = options
        .paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let reports: Vec<Report> = layers
        .iter()
        .map(|&layer| {
            let mut report = eval::evaluate(&set, layer);
            report.dataset = name.clone();
            if !options.errors {
                report.mismatches.clear();
            }
            report
        })
        .collect();
    let out = if options.json {
        eval::reports_to_json(&reports)
    } else {
        let mut out = String::new();
        for (i, report) in reports.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&table(report, &set, options.errors));
        }
        out
    };
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(CliError::stdout)
}

fn format_name(format: GoldFormat) -> &'static str {
    match format {
        GoldFormat::Conll => "conll",
        GoldFormat::Json => "json",
        GoldFormat::Brat => "brat",
    }
}

/// The format of one PATH: a directory is brat, `*.json` / `*.jsonl` our JSON, anything else
/// CoNLL.
pub fn guess_format(path: &Path) -> GoldFormat {
    if path.is_dir() {
        return GoldFormat::Brat;
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "json" | "jsonl" => GoldFormat::Json,
        _ => GoldFormat::Conll,
    }
}

/// Reads every PATH into one gold set.
fn load(options: &EvalOptions) -> Result<(GoldSet, GoldFormat), CliError> {
    let mut format = options.format;
    let mut set: Option<GoldSet> = None;
    for path in &options.paths {
        let this = options.format.unwrap_or_else(|| guess_format(path));
        if let Some(seen) = format {
            if seen != this {
                return Err(CliError::usage(
                    format!(
                        "{} looks like {} gold but an earlier PATH is {}; give --format or \
                         evaluate them separately",
                        path.display(),
                        format_name(this),
                        format_name(seen)
                    ),
                    "marginalia eval --help",
                ));
            }
        }
        format = Some(this);
        let name = path.display().to_string();
        let part = match this {
            GoldFormat::Conll => conll::read(&name, &read_text(path, true)?)?,
            GoldFormat::Json => gold_json::read(&name, &read_text(path, true)?)?,
            GoldFormat::Brat => load_brat(path)?,
        };
        match set.as_mut() {
            Some(s) => s.extend(part),
            None => set = Some(part),
        }
    }
    let mut set = set.unwrap_or_default();
    if let (Some(GoldFormat::Json), Some(layer)) = (format, options.layer) {
        set.layers = vec![layer];
    }
    Ok((set, format.unwrap_or(GoldFormat::Conll)))
}

/// A file's text: UTF-8 required; a leading byte-order mark dropped when `strip_bom`.
fn read_text(path: &Path, strip_bom: bool) -> Result<String, CliError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| CliError::Io {
        what: name.clone(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        CliError::Gold(EvalError::new(
            &name,
            0,
            format!(
                "not UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ))
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) if strip_bom => rest.to_string(),
        _ => text,
    })
}

/// The file names in `dir` ending with `.ext`, sorted.
fn files_with(dir: &Path, ext: &str) -> Result<Vec<String>, CliError> {
    let entries = std::fs::read_dir(dir).map_err(|source| CliError::Io {
        what: dir.display().to_string(),
        source,
    })?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| CliError::Io {
            what: dir.display().to_string(),
            source,
        })?;
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(&format!(".{ext}")) {
            out.push(name);
        }
    }
    out.sort();
    Ok(out)
}

/// A brat directory: `text/*.txt` + `attributions/*.ann` (PolNeAR), or both side by side.
fn load_brat(dir: &Path) -> Result<GoldSet, CliError> {
    let (text_dir, ann_dir): (PathBuf, PathBuf) =
        if dir.join("text").is_dir() && dir.join("attributions").is_dir() {
            (dir.join("text"), dir.join("attributions"))
        } else {
            (dir.to_path_buf(), dir.to_path_buf())
        };
    let stems: Vec<String> = files_with(&text_dir, "txt")?
        .into_iter()
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_string))
        .collect();
    let anns = files_with(&ann_dir, "ann")?;
    let pairs = brat::pair_files(&stems, &anns);
    if pairs.is_empty() {
        return Err(CliError::Gold(EvalError::new(
            &dir.display().to_string(),
            0,
            "no NAME.txt with a NAME.ann or NAME_ANNOTATOR.ann beside it (or in text/ and \
             attributions/)",
        )));
    }
    let mut docs = Vec::with_capacity(pairs.len());
    for (stem, ann) in pairs {
        let text = read_text(&text_dir.join(format!("{stem}.txt")), false)?;
        let ann_path = ann_dir.join(&ann);
        let ann_text = read_text(&ann_path, true)?;
        docs.push(brat::read(
            &ann_path.display().to_string(),
            &text,
            &ann_text,
        )?);
    }
    Ok(brat::set(docs))
}

/// The readable table of one report.
fn table(report: &Report, set: &GoldSet, errors: bool) -> String {
    let mut out = String::new();
    let scheme = set
        .scheme
        .as_deref()
        .map(|s| format!(", tags {s}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}: {} layer, {} documents{scheme}",
        report.dataset,
        report.layer.as_str(),
        report.documents
    );
    let _ = writeln!(
        out,
        "{:<12} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8}",
        "label", "P", "R", "F1", "gold", "pred", "correct"
    );
    let row = |out: &mut String, label: &str, s: &eval::Score| {
        let _ = writeln!(
            out,
            "{:<12} {:>7.3} {:>7.3} {:>7.3} {:>7} {:>7} {:>8}",
            label, s.precision, s.recall, s.f1, s.gold, s.pred, s.correct
        );
    };
    for l in &report.labels {
        row(&mut out, &l.label, &l.score);
    }
    row(&mut out, "overall", &report.overall);
    row(&mut out, "span only", &report.span_only);
    if let Some(r) = report.speaker {
        let _ = writeln!(
            out,
            "speaker accuracy {:.3} ({}/{} matched speech quotations with a gold speaker)",
            r.accuracy, r.correct, r.total
        );
    }
    if let Some(r) = report.kind {
        let _ = writeln!(
            out,
            "kind accuracy    {:.3} ({}/{} matched quotations)",
            r.accuracy, r.correct, r.total
        );
    }
    if let Some(r) = report.cue {
        let _ = writeln!(
            out,
            "cue accuracy     {:.3} ({}/{} matched speech quotations with a gold cue)",
            r.accuracy, r.correct, r.total
        );
    }
    if report.unaligned > 0 {
        let _ = writeln!(
            out,
            "{} predictions not on the gold tokens (counted as wrong)",
            report.unaligned
        );
    }
    if errors {
        for m in &report.mismatches {
            let doc = set.docs.get(m.doc).map_or("", |d| d.name.as_str());
            let note = if m.note.is_empty() {
                String::new()
            } else {
                format!(" ({})", m.note)
            };
            let _ = writeln!(
                out,
                "  {doc} @{}: {} {} “{}”{note}",
                m.start,
                m.what,
                m.label,
                m.text.replace('\n', "⏎")
            );
        }
    }
    if report.layer == Layer::Entity && set.labels.is_some() {
        let mut labels: Vec<&str> = set
            .labels
            .as_deref()
            .unwrap_or(&[])
            .iter()
            .map(String::as_str)
            .collect();
        labels.sort_by_key(|l| {
            marginalia_core::Label::ALL
                .iter()
                .position(|x| x.as_str() == *l)
                .unwrap_or(usize::MAX)
        });
        let labels = labels.join(", ");
        let _ = writeln!(
            out,
            "(gold labels: {labels}; other predicted labels ignored)"
        );
    }
    out
}
