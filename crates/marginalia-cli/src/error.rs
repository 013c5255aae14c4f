//! What can go wrong, how it is reported and which exit code it gives.

use marginalia_core::entities::model::train::TrainError;
use marginalia_core::eval::EvalError;
use marginalia_core::input::InputError;
use std::fmt;
use std::io;

/// Exit code for an I/O error: a file cannot be read, standard output cannot be written.
pub const EXIT_IO: u8 = 1;
/// Exit code for a usage error or bad input (input that is not UTF-8).
pub const EXIT_USAGE: u8 = 2;

/// A failed run of the CLI.
#[derive(Debug)]
pub enum CliError {
    /// The command line is wrong.
    Usage {
        /// What is wrong.
        message: String,
        /// The help command to suggest (`marginalia --help`, `marginalia annotate --help`).
        help: &'static str,
    },
    /// Reading an input or writing the output failed.
    Io {
        /// What was being read or written: a path, `standard input` or `standard output`.
        what: String,
        /// The underlying error.
        source: io::Error,
    },
    /// An input's bytes are not a document (not UTF-8).
    Input(InputError),
    /// A gold file of `eval` is malformed (names the file and line).
    Gold(EvalError),
    /// `train` could not train a model (no sentences, no epochs).
    Train(TrainError),
}

impl CliError {
    /// A usage error suggesting `help`.
    pub fn usage(message: impl Into<String>, help: &'static str) -> Self {
        CliError::Usage {
            message: message.into(),
            help,
        }
    }

    /// A failed write to standard output.
    pub fn stdout(source: io::Error) -> Self {
        CliError::Io {
            what: "standard output".to_string(),
            source,
        }
    }

    /// The process exit code: [`EXIT_IO`] or [`EXIT_USAGE`].
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Io { .. } => EXIT_IO,
            CliError::Usage { .. }
            | CliError::Input(_)
            | CliError::Gold(_)
            | CliError::Train(_) => EXIT_USAGE,
        }
    }

    /// A second line for standard error, pointing at the help.
    pub fn hint(&self) -> Option<String> {
        match self {
            CliError::Usage { help, .. } => Some(format!("Try '{help}' for more information.")),
            _ => None,
        }
    }

    /// True when standard output was closed early (`marginalia annotate x | head`): not worth a
    /// message or a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage { message, .. } => f.write_str(message),
            CliError::Io { what, source } => {
                let reason = match source.kind() {
                    io::ErrorKind::NotFound => "no such file".to_string(),
                    io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    io::ErrorKind::IsADirectory => "is a directory".to_string(),
                    _ => source.to_string(),
                };
                write!(f, "{what}: {reason}")
            }
            CliError::Input(err) => write!(f, "{err}"),
            CliError::Gold(err) => write!(f, "{err}"),
            CliError::Train(err) => write!(f, "training failed: {err}"),
        }
    }
}

impl std::error::Error for CliError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CliError::Io { source, .. } => Some(source),
            CliError::Input(err) => Some(err),
            CliError::Gold(err) => Some(err),
            CliError::Train(err) => Some(err),
            CliError::Usage { .. } => None,
        }
    }
}

impl From<EvalError> for CliError {
    fn from(err: EvalError) -> Self {
        CliError::Gold(err)
    }
}

impl From<TrainError> for CliError {
    fn from(err: TrainError) -> Self {
        CliError::Train(err)
    }
}

impl From<InputError> for CliError {
    fn from(err: InputError) -> Self {
        CliError::Input(err)
    }
}
