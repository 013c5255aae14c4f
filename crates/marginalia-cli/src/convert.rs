//! `marginalia convert --to FMT`: our JSON / JSON Lines exports (or a W3C Web Annotation file
//! written by Marginalia, see [`read_any`]) to another format, and `marginalia annotate --format FMT`, which annotates and
//! then writes the same way.
//!
//! Every input is read and checked before anything is written: an import problem (a changed
//! text, an offset past the end, a wrong label...) is printed, one line each with its file,
//! document, annotation and field, and the command exits with status 2 and no output.

use crate::annotate::load;
use crate::args::{AnnotateOptions, ConvertOptions, Input};
use crate::error::CliError;
use crate::output::{self, name_of};
use marginalia_core::export::Source;
use marginalia_core::formats::{read_any, Document};
use marginalia_core::import::{ImportError, ImportedDocument};
use marginalia_core::{analyze, Annotation};
use std::io::Read;
use std::path::PathBuf;

/// The help command suggested by `convert`'s usage errors.
const CONVERT_HELP: &str = "marginalia convert --help";
/// The help command suggested by `annotate`'s usage errors.
const ANNOTATE_HELP: &str = "marginalia annotate --help";

/// One document ready to write: its name, text and annotations.
struct Owned {
    name: String,
    text: String,
    annotations: Vec<(Annotation, Source)>,
}

/// Runs `annotate --format FMT [--out DIR | --zip FILE]`: analyses every input (all read
/// first), then writes them in the format.
pub fn annotate(options: &AnnotateOptions) -> Result<(), CliError> {
    let mut docs = Vec::with_capacity(options.inputs.len());
    for input in &options.inputs {
        let text = load(input)?;
        let path = match input {
            Input::File(path) => Some(path.as_path()),
            Input::Stdin => None,
        };
        let annotations = analyze(&text)
            .iter()
            .map(|a| (a.clone(), Source::Auto))
            .collect();
        docs.push(Owned {
            name: name_of(path, &text),
            text,
            annotations,
        });
    }
    write(
        &docs,
        options.format,
        &options.dest,
        &paths(&options.inputs),
        ANNOTATE_HELP,
    )
}

/// Runs `convert`: reads and checks every input, then writes them all in the chosen format.
pub fn run(options: &ConvertOptions) -> Result<(), CliError> {
    let mut docs = Vec::new();
    let mut failures: Vec<ImportError> = Vec::new();
    for input in &options.inputs {
        let (name, bytes, path) = read(input)?;
        match read_any(&bytes, &name) {
            Ok(found) => {
                let single = found.len() == 1;
                for ImportedDocument {
                    text, annotations, ..
                } in found
                {
                    let name = if single {
                        name_of(path.as_deref(), &text)
                    } else {
                        name_of(None, &text)
                    };
                    docs.push(Owned {
                        name,
                        text,
                        annotations,
                    });
                }
            }
            Err(err) => failures.push(err),
        }
    }
    if !failures.is_empty() {
        let mut count = 0;
        for err in &failures {
            for line in err.to_string().lines() {
                eprintln!("marginalia: {line}");
            }
            count += err.problems.len() + err.omitted;
        }
        return Err(CliError::usage(
            format!(
                "{count} problem{} in the input; nothing was written (the format is described \
                 in docs/export-format.md)",
                if count == 1 { "" } else { "s" }
            ),
            CONVERT_HELP,
        ));
    }
    write(
        &docs,
        options.to,
        &options.dest,
        &paths(&options.inputs),
        CONVERT_HELP,
    )
}

/// The bytes of an input, with its name for messages and its path.
fn read(input: &Input) -> Result<(String, Vec<u8>, Option<PathBuf>), CliError> {
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
            Ok(("standard input".to_string(), bytes, None))
        }
        Input::File(path) => {
            let name = path.to_string_lossy().into_owned();
            let bytes = std::fs::read(path).map_err(|source| CliError::Io {
                what: name.clone(),
                source,
            })?;
            Ok((name, bytes, Some(path.clone())))
        }
    }
}

/// The paths among `inputs`.
fn paths(inputs: &[Input]) -> Vec<PathBuf> {
    inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => Some(p.clone()),
            Input::Stdin => None,
        })
        .collect()
}

fn write(
    docs: &[Owned],
    format: marginalia_core::formats::Format,
    dest: &output::Destination,
    inputs: &[PathBuf],
    help: &'static str,
) -> Result<(), CliError> {
    let views: Vec<Document> = docs
        .iter()
        .map(|d| Document::new(&d.name, &d.text, &d.annotations))
        .collect();
    output::write(format, &views, dest, inputs, help)
}
