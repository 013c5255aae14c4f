//! `marginalia`: the command-line face of the engine.
//!
//! `marginalia annotate FILE` writes the same `marginalia/annotations@1` JSON as the page's
//! export for the same file; see `marginalia --help`. The modules keep parsing ([`args`]), each
//! command (one module per command: [`annotate`], [`eval`], [`convert`], [`train`], with [`output`] for
//! the files they write) and error reporting ([`error`]) apart, so later
//! commands slot in beside `annotate`.

mod annotate;
mod args;
mod convert;
mod error;
mod eval;
mod output;
mod train;

use args::Command;
use error::CliError;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run(std::env::args_os().skip(1)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("marginalia: {err}");
            if let Some(hint) = err.hint() {
                eprintln!("{hint}");
            }
            ExitCode::from(err.exit_code())
        }
    }
}

/// Parses the arguments (without the program name) and runs the command.
fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<(), CliError> {
    match args::parse(args)? {
        Command::Help(topic) => print_out(topic.text()),
        Command::Version => print_out(&format!("marginalia {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Annotate(options) if options.is_plain_export() => annotate::run(&options),
        Command::Annotate(options) => convert::annotate(&options),
        Command::Convert(options) => convert::run(&options),
        Command::Eval(options) => eval::run(&options),
        Command::Train(options) => train::run(&options),
    }
}

/// Writes `text` to standard output.
fn print_out(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(CliError::stdout)
}
