//! The command line: `marginalia COMMAND [OPTIONS] [ARGS]`, parsed with `lexopt`.
//!
//! Each command has its own options struct and help text; a new command adds a [`Command`]
//! variant, a [`HelpTopic`] and a branch in [`parse`].

use crate::error::CliError;
use std::ffi::OsString;
use std::path::PathBuf;

/// The main help, shown by `marginalia --help` and `marginalia help`.
pub const MAIN_HELP: &str = "\
marginalia: find named entities, quotations and numbers in news text

Usage:
  marginalia annotate FILE|-              One article's annotations as JSON
  marginalia annotate --jsonl FILE|-...   Several articles, one JSON document per line
  marginalia eval [OPTIONS] PATH...       Score the engine against gold data (P, R, F1)
  marginalia help [COMMAND]               This help, or a command's
  marginalia --version                    The version

Options:
  -h, --help      Show this help
  -V, --version   Show the version

Exit status:
  0   success
  1   I/O error: an input cannot be read or the output cannot be written
  2   usage error (unknown command or option, missing argument) or bad input
      (a file that is not UTF-8)

Run 'marginalia help annotate' for the input rules and the output format, and
'marginalia help eval' for the gold formats and the figures.
";

/// The help of `eval`, shown by `marginalia eval --help` and `marginalia help eval`.
pub const EVAL_HELP: &str = "\
marginalia eval: score the engine against gold annotations

Usage:
  marginalia eval [--format conll|json|brat] [--layer entity|number|quote] [--json]
                  [--errors] [--] PATH...

Runs the engine on the gold texts and prints, per label and overall (micro average),
precision, recall and F1 with the gold, predicted and correct counts. A span is correct only
when both its boundaries and its label equal a gold span's (conlleval semantics); 'span only'
ignores the label. Quotes also get speaker, kind and cue accuracy over the matched
quotations. See docs/accuracy.md.

Formats (guessed from the PATH when --format is not given):
  json    *.json (one marginalia/annotations@1 document) or *.jsonl (one per line): our own
          export as gold. Scores every layer the files annotate (a layer with at least one
          annotation), or only --layer.
  brat    a directory of brat standoff attribution files (PolNeAR): either text/*.txt with
          attributions/*.ann, or *.txt beside *.ann. Scores direct quotations (Content
          spans with quote marks) and their speakers; quote layer.
  conll   any other file: CoNLL-style columns, token first and tag last (BIO/IOB2, IOB1 or
          IOBES, -DOCSTART- between documents); entity layer, plus the number or quote
          layer when the tags use our labels (MONEY, DATE..., QUOTE). WNUT/BTC/UNER types
          are mapped onto PER/ORG/LOC/MISC.
  All PATHs must have the same format; their documents are scored together.

Options:
  --format F   conll, json or brat
  --layer L    entity, number or quote: score only this layer
  --json       machine-readable output: {\"reports\": [...]} with every figure
  --errors     also list every disagreement (missed, spurious, wrong speaker or kind)
  -h, --help   Show this help

Exit status:
  0   success
  1   I/O error: a PATH cannot be read or the output cannot be written
  2   usage error, or a gold file that cannot be read (the message names file and line)
";

/// The help of `annotate`, shown by `marginalia annotate --help` and `marginalia help annotate`.
pub const ANNOTATE_HELP: &str = "\
marginalia annotate: write the annotations of an article as JSON

Usage:
  marginalia annotate [--] FILE|-
  marginalia annotate --jsonl [--] FILE|-...

Writes the marginalia/annotations@1 export of the article to standard output: the same bytes as
the page's JSON export of the same file. The format is described in docs/export-format.md and
schema/annotations-1.schema.json.

Input (the same rules as a file dropped on the page):
  - FILE is read as UTF-8; a file that is not UTF-8 is an error (exit status 2) naming the byte
    offset of the first bad byte. Nothing is replaced or guessed.
  - A leading byte-order mark is dropped; CRLF and lone CR line breaks become LF.
  - A FILE named *.html or *.htm is turned into readable text first (scripts, styles and the
    head dropped, paragraphs separated by blank lines).
  - '-' reads standard input, as plain text. An empty input gives a document with no
    annotations.

Options:
  --jsonl      JSON Lines: one compact document per line, one line per FILE in the order
               given. Every FILE is read before anything is written, so a failure leaves no
               partial output.
  -h, --help   Show this help

Exit status:
  0   success
  1   I/O error: a FILE cannot be read or the output cannot be written
  2   usage error or bad input (a FILE that is not UTF-8)
";

/// Which help text to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpTopic {
    /// The overview of every command.
    Main,
    /// `annotate`.
    Annotate,
    /// `eval`.
    Eval,
}

impl HelpTopic {
    /// The help text.
    pub fn text(self) -> &'static str {
        match self {
            HelpTopic::Main => MAIN_HELP,
            HelpTopic::Annotate => ANNOTATE_HELP,
            HelpTopic::Eval => EVAL_HELP,
        }
    }

    /// The command that shows this help, for error hints.
    pub fn command(self) -> &'static str {
        match self {
            HelpTopic::Main => "marginalia --help",
            HelpTopic::Annotate => "marginalia annotate --help",
            HelpTopic::Eval => "marginalia eval --help",
        }
    }
}

/// What to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Print a help text.
    Help(HelpTopic),
    /// Print the version.
    Version,
    /// Annotate articles.
    Annotate(AnnotateOptions),
    /// Score the engine against gold data.
    Eval(EvalOptions),
}

/// A gold-data format of `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldFormat {
    /// CoNLL-style columns.
    Conll,
    /// Our own `marginalia/annotations@1` export.
    Json,
    /// brat standoff attribution files (a directory).
    Brat,
}

/// Options of `eval`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalOptions {
    /// The format, when given; otherwise guessed from each path.
    pub format: Option<GoldFormat>,
    /// Score only this layer.
    pub layer: Option<marginalia_core::Layer>,
    /// Machine-readable JSON output.
    pub json: bool,
    /// List every disagreement.
    pub errors: bool,
    /// Gold files or directories; never empty.
    pub paths: Vec<PathBuf>,
}

/// Where an input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file.
    File(PathBuf),
}

/// Options of `annotate`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotateOptions {
    /// One compact document per line instead of one pretty-printed document.
    pub jsonl: bool,
    /// The inputs, in order; never empty, and at most one when `jsonl` is false.
    pub inputs: Vec<Input>,
}

/// Parses the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, CliError> {
    use lexopt::Arg::{Long, Short, Value};
    let mut parser = lexopt::Parser::from_args(args);
    let topic = HelpTopic::Main;
    let Some(arg) = parser.next().map_err(|e| lexopt_error(e, topic))? else {
        return Err(CliError::usage("no command given", topic.command()));
    };
    match arg {
        Short('h') | Long("help") => Ok(Command::Help(topic)),
        Short('V') | Long("version") => Ok(Command::Version),
        Value(name) => match name.to_str() {
            Some("annotate") => parse_annotate(&mut parser),
            Some("eval") => parse_eval(&mut parser),
            Some("help") => parse_help(&mut parser),
            _ => Err(CliError::usage(
                format!("unknown command '{}'", name.to_string_lossy()),
                topic.command(),
            )),
        },
        other => Err(CliError::usage(
            other.unexpected().to_string(),
            topic.command(),
        )),
    }
}

/// `help [COMMAND]`.
fn parse_help(parser: &mut lexopt::Parser) -> Result<Command, CliError> {
    use lexopt::Arg::Value;
    let topic = HelpTopic::Main;
    let command = match parser.next().map_err(|e| lexopt_error(e, topic))? {
        None => return Ok(Command::Help(topic)),
        Some(Value(name)) => name,
        Some(other) => {
            return Err(CliError::usage(
                other.unexpected().to_string(),
                topic.command(),
            ))
        }
    };
    if let Some(extra) = parser.next().map_err(|e| lexopt_error(e, topic))? {
        return Err(CliError::usage(
            extra.unexpected().to_string(),
            topic.command(),
        ));
    }
    match command.to_str() {
        Some("annotate") => Ok(Command::Help(HelpTopic::Annotate)),
        Some("eval") => Ok(Command::Help(HelpTopic::Eval)),
        Some("help") => Ok(Command::Help(HelpTopic::Main)),
        _ => Err(CliError::usage(
            format!("unknown command '{}'", command.to_string_lossy()),
            topic.command(),
        )),
    }
}

/// `annotate [--jsonl] FILE|-...`; `--help` anywhere wins.
fn parse_annotate(parser: &mut lexopt::Parser) -> Result<Command, CliError> {
    use lexopt::Arg::{Long, Short, Value};
    let topic = HelpTopic::Annotate;
    let mut jsonl = false;
    let mut inputs = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| lexopt_error(e, topic))? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help(topic)),
            Long("jsonl") => jsonl = true,
            Value(value) if value == "-" => {
                if inputs.contains(&Input::Stdin) {
                    return Err(CliError::usage(
                        "'-' (standard input) can be given only once",
                        topic.command(),
                    ));
                }
                inputs.push(Input::Stdin);
            }
            Value(value) => inputs.push(Input::File(PathBuf::from(value))),
            other => {
                return Err(CliError::usage(
                    other.unexpected().to_string(),
                    topic.command(),
                ))
            }
        }
    }
    if inputs.is_empty() {
        return Err(CliError::usage(
            "annotate needs a FILE, or '-' for standard input",
            topic.command(),
        ));
    }
    if inputs.len() > 1 && !jsonl {
        return Err(CliError::usage(
            format!(
                "annotate takes one FILE ({} given); use --jsonl for several",
                inputs.len()
            ),
            topic.command(),
        ));
    }
    Ok(Command::Annotate(AnnotateOptions { jsonl, inputs }))
}

/// `eval [--format F] [--layer L] [--json] [--errors] PATH...`; `--help` anywhere wins.
fn parse_eval(parser: &mut lexopt::Parser) -> Result<Command, CliError> {
    use lexopt::Arg::{Long, Short, Value};
    use marginalia_core::Layer;
    let topic = HelpTopic::Eval;
    let mut options = EvalOptions {
        format: None,
        layer: None,
        json: false,
        errors: false,
        paths: Vec::new(),
    };
    let mut bad: Option<CliError> = None;
    while let Some(arg) = parser.next().map_err(|e| lexopt_error(e, topic))? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help(topic)),
            Long("json") => options.json = true,
            Long("errors") => options.errors = true,
            Long("format") => {
                let value = parser.value().map_err(|e| lexopt_error(e, topic))?;
                options.format = match value.to_str() {
                    Some("conll") => Some(GoldFormat::Conll),
                    Some("json") | Some("jsonl") => Some(GoldFormat::Json),
                    Some("brat") => Some(GoldFormat::Brat),
                    _ => {
                        bad.get_or_insert(CliError::usage(
                            format!(
                                "unknown format '{}' (conll, json or brat)",
                                value.to_string_lossy()
                            ),
                            topic.command(),
                        ));
                        None
                    }
                };
            }
            Long("layer") => {
                let value = parser.value().map_err(|e| lexopt_error(e, topic))?;
                options.layer = match value.to_str() {
                    Some("entity") => Some(Layer::Entity),
                    Some("number") => Some(Layer::Number),
                    Some("quote") => Some(Layer::Quote),
                    _ => {
                        bad.get_or_insert(CliError::usage(
                            format!(
                                "unknown layer '{}' (entity, number or quote)",
                                value.to_string_lossy()
                            ),
                            topic.command(),
                        ));
                        None
                    }
                };
            }
            Value(value) => options.paths.push(PathBuf::from(value)),
            other => {
                bad.get_or_insert(CliError::usage(
                    other.unexpected().to_string(),
                    topic.command(),
                ));
            }
        }
    }
    if let Some(err) = bad {
        return Err(err);
    }
    if options.paths.is_empty() {
        return Err(CliError::usage(
            "eval needs a gold FILE or directory",
            topic.command(),
        ));
    }
    Ok(Command::Eval(options))
}

/// A lexopt error (such as `--jsonl=x`) as a usage error.
fn lexopt_error(err: lexopt::Error, topic: HelpTopic) -> CliError {
    CliError::usage(err.to_string(), topic.command())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, CliError> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn annotate_forms() {
        assert_eq!(
            parse_strs(&["annotate", "-"]).ok(),
            Some(Command::Annotate(AnnotateOptions {
                jsonl: false,
                inputs: vec![Input::Stdin],
            }))
        );
        assert_eq!(
            parse_strs(&["annotate", "a.txt", "--jsonl", "--", "-b.html"]).ok(),
            Some(Command::Annotate(AnnotateOptions {
                jsonl: true,
                inputs: vec![
                    Input::File(PathBuf::from("a.txt")),
                    Input::File(PathBuf::from("-b.html")),
                ],
            }))
        );
    }

    #[test]
    fn help_wins_and_version() {
        assert_eq!(
            parse_strs(&["annotate", "--bogus-later", "-h"])
                .err()
                .map(|e| e.exit_code()),
            Some(2)
        );
        assert_eq!(
            parse_strs(&["annotate", "a", "b", "--help"]).ok(),
            Some(Command::Help(HelpTopic::Annotate))
        );
        assert_eq!(parse_strs(&["-V"]).ok(), Some(Command::Version));
        assert_eq!(
            parse_strs(&["help", "annotate"]).ok(),
            Some(Command::Help(HelpTopic::Annotate))
        );
    }

    #[test]
    fn eval_forms() {
        use marginalia_core::Layer;
        assert_eq!(
            parse_strs(&[
                "eval",
                "--layer",
                "quote",
                "--json",
                "a.jsonl",
                "--format=json"
            ])
            .ok(),
            Some(Command::Eval(EvalOptions {
                format: Some(GoldFormat::Json),
                layer: Some(Layer::Quote),
                json: true,
                errors: false,
                paths: vec![PathBuf::from("a.jsonl")],
            }))
        );
        assert_eq!(
            parse_strs(&["eval", "--bogus", "-h"]).ok(),
            Some(Command::Help(HelpTopic::Eval))
        );
        assert_eq!(
            parse_strs(&["help", "eval"]).ok(),
            Some(Command::Help(HelpTopic::Eval))
        );
        for args in [
            &["eval"][..],
            &["eval", "--layer", "people", "a"],
            &["eval", "--format", "xml", "a"],
            &["eval", "--layer"],
            &["eval", "--bogus", "a"],
        ] {
            let err = parse_strs(args).err();
            assert_eq!(err.map(|e| e.exit_code()), Some(2), "{args:?}");
        }
    }

    #[test]
    fn usage_errors() {
        for args in [
            &[][..],
            &["annotate"],
            &["annotate", "a", "b"],
            &["annotate", "--jsonl", "-", "-"],
            &["annotate", "-x", "a"],
            &["nope"],
            &["help", "annotate", "extra"],
        ] {
            let err = parse_strs(args).err();
            assert_eq!(err.map(|e| e.exit_code()), Some(2), "{args:?}");
        }
    }
}
