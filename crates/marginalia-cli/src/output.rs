//! Where `annotate --format` and `convert` put what they write: standard output (one file),
//! a directory (`--out DIR`) or a zip archive (`--zip FILE`, `-` for standard output).
//!
//! The files come from [`marginalia_core::formats::render`], the same code as the page's
//! export menu, so both write the same bytes.

use crate::error::CliError;
use marginalia_core::formats::{self, Document, Format, OutputFile};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output: only when the format gives one file.
    Stdout,
    /// Every file into this directory (created if needed).
    Dir(PathBuf),
    /// One zip archive holding every file; `-` is standard output.
    Zip(PathBuf),
}

/// Writes `docs` in `format` to `dest`. Nothing is written when an error is found first (too
/// many files for standard output, an output that would replace an input).
///
/// `inputs` are the paths read, which a directory output must not overwrite; `help` is the
/// command whose help a usage error suggests.
pub fn write(
    format: Format,
    docs: &[Document],
    dest: &Destination,
    inputs: &[PathBuf],
    help: &'static str,
) -> Result<(), CliError> {
    let files = formats::render(format, docs);
    match dest {
        Destination::Stdout => match files.as_slice() {
            [one] => to_stdout(one.contents.as_bytes()),
            _ => Err(CliError::usage(
                format!(
                    "--format {format} gives {} files for {} document{}; write them with \
                     --out DIR or --zip FILE",
                    files.len(),
                    docs.len(),
                    if docs.len() == 1 { "" } else { "s" }
                ),
                help,
            )),
        },
        Destination::Dir(dir) => to_dir(&files, dir, inputs, help),
        Destination::Zip(path) => {
            let bytes = formats::zip::zip_files(&files).map_err(|e| CliError::Io {
                what: path.to_string_lossy().into_owned(),
                source: std::io::Error::other(e.to_string()),
            })?;
            if path.as_os_str() == "-" {
                return to_stdout(&bytes);
            }
            refuse_inputs(std::slice::from_ref(path), inputs, help)?;
            std::fs::write(path, bytes).map_err(|source| CliError::Io {
                what: path.to_string_lossy().into_owned(),
                source,
            })
        }
    }
}

/// Writes `bytes` to standard output.
fn to_stdout(bytes: &[u8]) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(CliError::stdout)
}

/// Writes every file into `dir`.
fn to_dir(
    files: &[OutputFile],
    dir: &Path,
    inputs: &[PathBuf],
    help: &'static str,
) -> Result<(), CliError> {
    let targets: Vec<PathBuf> = files.iter().map(|f| dir.join(&f.name)).collect();
    refuse_inputs(&targets, inputs, help)?;
    std::fs::create_dir_all(dir).map_err(|source| CliError::Io {
        what: dir.to_string_lossy().into_owned(),
        source,
    })?;
    for (file, path) in files.iter().zip(&targets) {
        std::fs::write(path, &file.contents).map_err(|source| CliError::Io {
            what: path.to_string_lossy().into_owned(),
            source,
        })?;
    }
    Ok(())
}

/// A usage error when an output path is one of the inputs (`--format html --out .` next to
/// `story.html` would replace the article with its snapshot).
fn refuse_inputs(
    targets: &[PathBuf],
    inputs: &[PathBuf],
    help: &'static str,
) -> Result<(), CliError> {
    let canonical: Vec<PathBuf> = inputs
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    for target in targets {
        let Ok(t) = std::fs::canonicalize(target) else {
            continue; // does not exist yet: not an input
        };
        if canonical.contains(&t) {
            return Err(CliError::usage(
                format!(
                    "{} is an input; writing there would replace it (choose another --out \
                     directory or --zip file)",
                    target.to_string_lossy()
                ),
                help,
            ));
        }
    }
    Ok(())
}

/// A document's name from its input: the file name without directory and extension
/// (`news/deal.txt` gives `deal`), or the text's headline for standard input and for documents
/// read from a file holding several ([`marginalia_core::export::file_stem`]).
pub fn name_of(path: Option<&Path>, text: &str) -> String {
    path.and_then(Path::file_stem)
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| marginalia_core::export::file_stem(text))
}
