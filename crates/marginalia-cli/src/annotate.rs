//! `marginalia annotate`: the export of one or more articles.

use crate::args::{AnnotateOptions, Input};
use crate::error::CliError;
use marginalia_core::{analyze, export, input::document_text};
use std::io::{Read, Write};

/// Runs `annotate`: loads every input (failing before any output if one cannot be loaded), then
/// writes one pretty-printed document, or one line per input with `--jsonl`.
pub fn run(options: &AnnotateOptions) -> Result<(), CliError> {
    let texts = options
        .inputs
        .iter()
        .map(load)
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for text in &texts {
        let analysis = analyze(text);
        if options.jsonl {
            let mut line = export::to_json_line(text, &analysis);
            line.push('\n');
            out.write_all(line.as_bytes())
        } else {
            out.write_all(export::to_json(text, &analysis).as_bytes())
        }
        .map_err(CliError::stdout)?;
    }
    out.flush().map_err(CliError::stdout)
}

/// The document text of one input, by the same rules as the page ([`document_text`]).
pub fn load(input: &Input) -> Result<String, CliError> {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|source| CliError::Io {
                    what: "standard input".to_string(),
                    source,
                })?;
            Ok(document_text(&bytes, None)?)
        }
        Input::File(path) => {
            let name = path.to_string_lossy();
            let bytes = std::fs::read(path).map_err(|source| CliError::Io {
                what: name.to_string(),
                source,
            })?;
            Ok(document_text(&bytes, Some(&name))?)
        }
    }
}
