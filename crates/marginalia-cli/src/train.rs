//! `marginalia train`: trains the entity model on CoNLL-style gold files and writes it.
//!
//! The training itself is `marginalia_core::entities::model::train`; this module reads the
//! files, reports each epoch on standard error and writes the model file.

use crate::args::TrainOptions;
use crate::error::CliError;
use marginalia_core::entities::model::{train, ModelRecognizer};
use marginalia_core::eval::{self, conll, EvalError, GoldSet};
use marginalia_core::Layer;
use std::io::Write;
use std::path::Path;

/// Reads one CoNLL-style gold file.
fn read_gold(path: &Path) -> Result<GoldSet, CliError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| CliError::Io {
        what: name.clone(),
        source,
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| CliError::Gold(EvalError::new(&name, 0, "not UTF-8")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(conll::read(&name, text)?)
}

/// Runs `train`: reads every `--data` file, trains, writes `--out`, and scores `--dev` when
/// given. Progress goes to standard error, the summary to standard output.
pub fn run(options: &TrainOptions) -> Result<(), CliError> {
    let mut set = GoldSet::default();
    for path in &options.data {
        set.extend(read_gold(path)?);
    }
    let data = train::examples(&set);
    let settings = train::TrainOptions {
        seed: options.seed,
        epochs: options.epochs,
        min_weight: options.min_weight,
        key_bits: options.key_bits,
        ..train::TrainOptions::default()
    };
    let mut progress = |e: &train::EpochReport| {
        eprintln!(
            "epoch {:>2}: {} of {} tokens wrong before update",
            e.epoch, e.token_errors, e.tokens
        );
    };
    let (model, report) = train::train(&data, &settings, &mut progress)?;
    let bytes = model.to_bytes();
    std::fs::write(&options.out, &bytes).map_err(|source| CliError::Io {
        what: options.out.display().to_string(),
        source,
    })?;
    let mut summary = format!(
        "trained on {} segments, {} tokens ({} documents); seed {}, {} epochs\n\
         features: {} with weights, {} kept (min weight {}, {}-bit keys), scale {:.5}\n\
         wrote {} ({} bytes)\n",
        report.segments,
        report.tokens,
        set.docs.len(),
        options.seed,
        options.epochs,
        report.features_seen,
        report.features_kept,
        options.min_weight,
        options.key_bits,
        report.scale,
        options.out.display(),
        bytes.len()
    );
    if let Some(dev) = &options.dev {
        let gold = read_gold(dev)?;
        let recognizer = ModelRecognizer::new(&model);
        let r = eval::evaluate_with(&gold, Layer::Entity, &|text| {
            marginalia_core::analyze_with(text, &recognizer)
        });
        summary.push_str(&format!(
            "{}: entity F1 {:.4} (P {:.3} R {:.3})",
            dev.display(),
            r.overall.f1,
            r.overall.precision,
            r.overall.recall
        ));
        for l in &r.labels {
            summary.push_str(&format!("  {} {:.3}", l.label, l.score.f1));
        }
        summary.push('\n');
    }
    let mut out = std::io::stdout().lock();
    out.write_all(summary.as_bytes())
        .and_then(|()| out.flush())
        .map_err(CliError::stdout)
}
