//! The command line: `marginalia COMMAND [OPTIONS] [ARGS]`, parsed with `lexopt`.
//!
//! Each command has its own options struct and help text; a new command adds a [`Command`]
//! variant, a [`HelpTopic`] and a branch in [`parse`].

use crate::error::CliError;
pub use crate::output::Destination;
use marginalia_core::formats::Format;
use std::ffi::OsString;
use std::path::PathBuf;

/// The main help, shown by `marginalia --help` and `marginalia help`.
pub const MAIN_HELP: &str = "\
marginalia: find named entities, quotations and numbers in news text

Usage:
  marginalia annotate FILE|-              One article's annotations as JSON
  marginalia annotate --jsonl FILE|-...   Several articles, one JSON document per line
  marginalia annotate --format FMT [--out DIR|--zip FILE] FILE|-...
                                          The annotations in another format
  marginalia convert --to FMT [--out DIR|--zip FILE] FILE|-...
                                          Exported JSON / JSON Lines to another format
  marginalia eval [OPTIONS] PATH...       Score the engine against gold data (P, R, F1)
  marginalia train --data FILE... --out FILE [OPTIONS]
                                          Train the entity model on CoNLL-style files
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

Formats (FMT): json, jsonl, w3c (W3C Web Annotation JSON-LD), brat (.txt + .ann),
conll (BIO tokens of the entities), csv (one annotation a row), html (a standalone
highlighted snapshot); see docs/formats.md.

Run 'marginalia help annotate' for the input rules and the output format,
'marginalia help convert' for conversions and checks of exported files, and
'marginalia help eval' for the gold formats and the figures, and 'marginalia help train'
for training the entity model.
";

/// The help of `train`, shown by `marginalia train --help` and `marginalia help train`.
pub const TRAIN_HELP: &str = "\
marginalia train: train the entity model (averaged perceptron) on CoNLL-style gold files

Usage:
  marginalia train --data FILE [--data FILE...] --out FILE [--seed N] [--epochs N]
                   [--min-weight N] [--key-bits N] [--dev FILE]

Reads the gold files (CoNLL-style columns, as 'marginalia eval' reads them), runs the
averaged perceptron over the engine's own tokens and features, prunes and quantises the
weights and writes the model file. The same data, seed and options give the same file, byte
for byte. The engine embeds crates/marginalia-core/model/entities.bin: write there and
rebuild to ship a new model (see crates/marginalia-core/model/README.md).

Options:
  --data FILE       training data (repeatable)
  --out FILE        where to write the model
  --seed N          seed of the sentence order (default 1)
  --epochs N        passes over the data (default 10)
  --min-weight N    drop features whose largest weight is below N stored units (1..127,
                    default 6): the size knob
  --key-bits N      hash features to N-bit keys in the file (8..32, default 22): fewer
                    bits compress better, more unseen features meet kept ones
  --dev FILE        also score the new model on this gold file (entity F1)
  -h, --help        Show this help

Exit status:
  0   success
  1   I/O error: a FILE cannot be read or the model cannot be written
  2   usage error, a gold file that cannot be read, or nothing to train on
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
  marginalia annotate --format FMT [--out DIR | --zip FILE] [--] FILE|-...

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
               partial output. The same as --format jsonl.
  -f, --format FMT
               json (the default), jsonl, w3c, brat, conll, csv or html; see
               docs/formats.md. jsonl, conll and csv put every FILE in one file; json, w3c
               and html give a file per FILE, brat a .txt and an .ann per FILE (and
               annotation.conf). Standard output takes one file only: otherwise use --out
               or --zip.
  --out DIR    Write the files into DIR (created if needed), named after each FILE
               (deal.txt gives deal.jsonld, deal.html, deal.ann...; the combined formats
               deal.csv for one FILE, annotations.csv for several). An output never
               replaces an input.
  --zip FILE   Write the files into one zip archive FILE ('-' for standard output).
  -h, --help   Show this help

Exit status:
  0   success
  1   I/O error: a FILE cannot be read or the output cannot be written
  2   usage error or bad input (a FILE that is not UTF-8)
";

/// The help of `convert`, shown by `marginalia convert --help` and `marginalia help convert`.
pub const CONVERT_HELP: &str = "\
marginalia convert: check exported annotations and write them in another format

Usage:
  marginalia convert --to FMT [--out DIR | --zip FILE] [--] FILE|-...

Reads marginalia/annotations@1 files: one JSON document, a JSON array of documents, or JSON
Lines (*.jsonl, one document a line); a *.jsonld file is read as a W3C Web Annotation
collection written by Marginalia. Every file is checked first, as the page's import does: the
schema, the text's sha256 and lengths, and for every annotation its id, layer and label,
offsets, utf16, text, value and unit, quote kind, speaker and overlaps. All problems are
printed, one a line naming the file, document (index or line), annotation and field, and
nothing is written (exit status 2).

Formats (FMT):
  json    marginalia/annotations@1, one pretty-printed file per document
  jsonl   JSON Lines, every document in one file
  w3c     W3C Web Annotation Data Model (JSON-LD), a file per document (*.jsonld)
  brat    brat standoff: NAME.txt and NAME.ann per document, and annotation.conf
  conll   CoNLL-2003 style token<TAB>BIO tag lines of the entity layer, one file
  csv     one annotation a row (RFC 4180), every document in one file
  html    a self-contained highlighted snapshot, a file per document
See docs/formats.md for the fields and mappings.

Options:
  --to FMT     The output format (also --format, -f)
  --out DIR    Write the files into DIR (created if needed); an output never replaces an
               input
  --zip FILE   Write the files into one zip archive FILE ('-' for standard output)
               Without --out or --zip the output goes to standard output, which takes one
               file only.
  -h, --help   Show this help

Exit status:
  0   success
  1   I/O error: a FILE cannot be read or an output cannot be written
  2   usage error, or a FILE with problems (all listed on standard error)
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
    /// `convert`.
    Convert,
    /// `train`.
    Train,
}

impl HelpTopic {
    /// The help text.
    pub fn text(self) -> &'static str {
        match self {
            HelpTopic::Main => MAIN_HELP,
            HelpTopic::Annotate => ANNOTATE_HELP,
            HelpTopic::Eval => EVAL_HELP,
            HelpTopic::Convert => CONVERT_HELP,
            HelpTopic::Train => TRAIN_HELP,
        }
    }

    /// The command that shows this help, for error hints.
    pub fn command(self) -> &'static str {
        match self {
            HelpTopic::Main => "marginalia --help",
            HelpTopic::Annotate => "marginalia annotate --help",
            HelpTopic::Eval => "marginalia eval --help",
            HelpTopic::Convert => "marginalia convert --help",
            HelpTopic::Train => "marginalia train --help",
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
    /// Check exported files and write them in another format.
    Convert(ConvertOptions),
    /// Train the entity model.
    Train(TrainOptions),
}

/// Options of `train`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainOptions {
    /// Training files; never empty.
    pub data: Vec<PathBuf>,
    /// Where the model goes.
    pub out: PathBuf,
    /// Seed of the sentence order.
    pub seed: u64,
    /// Passes over the data (at least one).
    pub epochs: usize,
    /// Pruning threshold in stored units (1..=127).
    pub min_weight: i8,
    /// Width of the feature keys in the file (8..=32).
    pub key_bits: u8,
    /// A gold file to score the new model on.
    pub dev: Option<PathBuf>,
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
    /// One compact document per line instead of one pretty-printed document
    /// (`format` is then [`Format::Jsonl`]).
    pub jsonl: bool,
    /// The inputs, in order; never empty, and at most one when the format gives a file per
    /// document and the output is standard output.
    pub inputs: Vec<Input>,
    /// The output format: `--format`, [`Format::Json`] by default.
    pub format: Format,
    /// Where the output goes: `--out`, `--zip` or standard output.
    pub dest: Destination,
}

impl AnnotateOptions {
    /// True for the plain JSON / JSON Lines export on standard output (`annotate::run`);
    /// the other forms go through `convert::annotate`.
    pub fn is_plain_export(&self) -> bool {
        matches!(self.format, Format::Json | Format::Jsonl) && self.dest == Destination::Stdout
    }
}

/// Options of `convert`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvertOptions {
    /// The output format (`--to`).
    pub to: Format,
    /// Where the output goes: `--out`, `--zip` or standard output.
    pub dest: Destination,
    /// The exported files to read, in order; never empty.
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
            Some("convert") => parse_convert(&mut parser),
            Some("train") => parse_train(&mut parser),
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
        Some("convert") => Ok(Command::Help(HelpTopic::Convert)),
        Some("train") => Ok(Command::Help(HelpTopic::Train)),
        Some("help") => Ok(Command::Help(HelpTopic::Main)),
        _ => Err(CliError::usage(
            format!("unknown command '{}'", command.to_string_lossy()),
            topic.command(),
        )),
    }
}

/// `annotate [--jsonl | --format FMT] [--out DIR | --zip FILE] FILE|-...`; `--help` wins
/// unless an unknown option comes first.
fn parse_annotate(parser: &mut lexopt::Parser) -> Result<Command, CliError> {
    use lexopt::Arg::{Long, Short, Value};
    let topic = HelpTopic::Annotate;
    let mut jsonl = false;
    let mut format: Option<Format> = None;
    let mut outputs = Outputs::default();
    let mut inputs = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| lexopt_error(e, topic))? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help(topic)),
            Long("jsonl") => jsonl = true,
            Short('f') | Long("format") => {
                let value = parser.value().map_err(|e| lexopt_error(e, topic))?;
                format = Some(parse_format(&value, topic)?);
            }
            Long(name @ ("out" | "zip")) => {
                let is_out = name == "out";
                outputs.take(is_out, parser, topic)?;
            }
            Value(value) => push_input(&mut inputs, value, topic)?,
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
    let format = match (jsonl, format) {
        (true, Some(f)) if f != Format::Jsonl => {
            return Err(CliError::usage(
                format!("--jsonl and --format {f} contradict each other"),
                topic.command(),
            ))
        }
        (true, _) => Format::Jsonl,
        (false, f) => f.unwrap_or(Format::Json),
    };
    let dest = outputs.destination(topic)?;
    if format == Format::Json && dest == Destination::Stdout && inputs.len() > 1 {
        return Err(CliError::usage(
            format!(
                "annotate takes one FILE ({} given); use --jsonl for several, or --out DIR or \
                 --zip FILE for a file each",
                inputs.len()
            ),
            topic.command(),
        ));
    }
    check_stdout(format, &dest, inputs.len(), topic)?;
    Ok(Command::Annotate(AnnotateOptions {
        jsonl: format == Format::Jsonl,
        inputs,
        format,
        dest,
    }))
}

/// `convert --to FMT [--out DIR | --zip FILE] FILE|-...`; `--help` anywhere wins.
fn parse_convert(parser: &mut lexopt::Parser) -> Result<Command, CliError> {
    use lexopt::Arg::{Long, Short, Value};
    let topic = HelpTopic::Convert;
    let mut to: Option<Format> = None;
    let mut outputs = Outputs::default();
    let mut inputs = Vec::new();
    let mut bad: Option<CliError> = None;
    while let Some(arg) = parser.next().map_err(|e| lexopt_error(e, topic))? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help(topic)),
            Long("to") | Long("format") | Short('f') => {
                let value = parser.value().map_err(|e| lexopt_error(e, topic))?;
                match parse_format(&value, topic) {
                    Ok(f) => to = Some(f),
                    Err(e) => {
                        bad.get_or_insert(e);
                    }
                }
            }
            Long(name @ ("out" | "zip")) => {
                let is_out = name == "out";
                if let Err(e) = outputs.take(is_out, parser, topic) {
                    bad.get_or_insert(e);
                }
            }
            Value(value) => {
                if let Err(e) = push_input(&mut inputs, value, topic) {
                    bad.get_or_insert(e);
                }
            }
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
    let Some(to) = to else {
        return Err(CliError::usage(
            "convert needs --to FMT (json, jsonl, w3c, brat, conll, csv or html)",
            topic.command(),
        ));
    };
    if inputs.is_empty() {
        return Err(CliError::usage(
            "convert needs a FILE, or '-' for standard input",
            topic.command(),
        ));
    }
    let dest = outputs.destination(topic)?;
    check_stdout(to, &dest, 1, topic)?;
    Ok(Command::Convert(ConvertOptions { to, dest, inputs }))
}

/// A format name, or a usage error listing the formats.
fn parse_format(value: &std::ffi::OsStr, topic: HelpTopic) -> Result<Format, CliError> {
    value
        .to_str()
        .unwrap_or("")
        .parse::<Format>()
        .map_err(|e| CliError::usage(e.to_string(), topic.command()))
}

/// Adds an input; `-` (standard input) only once.
fn push_input(inputs: &mut Vec<Input>, value: OsString, topic: HelpTopic) -> Result<(), CliError> {
    if value == "-" {
        if inputs.contains(&Input::Stdin) {
            return Err(CliError::usage(
                "'-' (standard input) can be given only once",
                topic.command(),
            ));
        }
        inputs.push(Input::Stdin);
    } else {
        inputs.push(Input::File(PathBuf::from(value)));
    }
    Ok(())
}

/// `--out DIR` and `--zip FILE` as given.
#[derive(Default)]
struct Outputs {
    out: Option<PathBuf>,
    zip: Option<PathBuf>,
}

impl Outputs {
    /// Takes the value of `--out` (`is_out`) or `--zip`.
    fn take(
        &mut self,
        is_out: bool,
        parser: &mut lexopt::Parser,
        topic: HelpTopic,
    ) -> Result<(), CliError> {
        let value = PathBuf::from(parser.value().map_err(|e| lexopt_error(e, topic))?);
        if is_out {
            self.out = Some(value);
        } else {
            self.zip = Some(value);
        }
        Ok(())
    }

    /// The destination; `--out` and `--zip` exclude each other.
    fn destination(self, topic: HelpTopic) -> Result<Destination, CliError> {
        match (self.out, self.zip) {
            (Some(_), Some(_)) => Err(CliError::usage(
                "--out and --zip exclude each other",
                topic.command(),
            )),
            (Some(dir), None) => Ok(Destination::Dir(dir)),
            (None, Some(file)) => Ok(Destination::Zip(file)),
            (None, None) => Ok(Destination::Stdout),
        }
    }
}

/// Standard output takes one file: brat always writes several, and per-document formats
/// several for several documents (`documents` is a lower bound).
fn check_stdout(
    format: Format,
    dest: &Destination,
    documents: usize,
    topic: HelpTopic,
) -> Result<(), CliError> {
    if *dest != Destination::Stdout {
        return Ok(());
    }
    if format == Format::Brat {
        return Err(CliError::usage(
            "--format brat writes a .txt and an .ann per document: use --out DIR or --zip FILE",
            topic.command(),
        ));
    }
    if !format.is_combined() && documents > 1 {
        return Err(CliError::usage(
            format!(
                "--format {format} writes a file per document ({documents} given): use \
                 --out DIR or --zip FILE"
            ),
            topic.command(),
        ));
    }
    Ok(())
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

/// `train --data FILE... --out FILE [--seed N] [--epochs N] [--min-weight N] [--dev FILE]`;
/// `--help` anywhere wins.
fn parse_train(parser: &mut lexopt::Parser) -> Result<Command, CliError> {
    use lexopt::Arg::{Long, Short};
    let topic = HelpTopic::Train;
    let mut data = Vec::new();
    let mut out: Option<PathBuf> = None;
    let (mut seed, mut epochs, mut min_weight, mut key_bits) = (1u64, 10usize, 6i8, 22u8);
    let mut dev = None;
    let mut bad: Option<CliError> = None;
    let number = |value: OsString, name: &str, bad: &mut Option<CliError>| -> Option<u64> {
        let parsed = value.to_str().and_then(|v| v.parse::<u64>().ok());
        if parsed.is_none() {
            bad.get_or_insert(CliError::usage(
                format!(
                    "{name} needs a whole number, not '{}'",
                    value.to_string_lossy()
                ),
                topic.command(),
            ));
        }
        parsed
    };
    while let Some(arg) = parser.next().map_err(|e| lexopt_error(e, topic))? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help(topic)),
            Long("data") => data.push(PathBuf::from(
                parser.value().map_err(|e| lexopt_error(e, topic))?,
            )),
            Long("out") => {
                out = Some(PathBuf::from(
                    parser.value().map_err(|e| lexopt_error(e, topic))?,
                ));
            }
            Long("dev") => {
                dev = Some(PathBuf::from(
                    parser.value().map_err(|e| lexopt_error(e, topic))?,
                ));
            }
            Long("seed") => {
                let value = parser.value().map_err(|e| lexopt_error(e, topic))?;
                seed = number(value, "--seed", &mut bad).unwrap_or(seed);
            }
            Long("epochs") => {
                let value = parser.value().map_err(|e| lexopt_error(e, topic))?;
                match number(value, "--epochs", &mut bad) {
                    Some(0) => {
                        bad.get_or_insert(CliError::usage(
                            "--epochs must be at least 1",
                            topic.command(),
                        ));
                    }
                    Some(n) => epochs = usize::try_from(n).unwrap_or(usize::MAX),
                    None => {}
                }
            }
            Long("min-weight") => {
                let value = parser.value().map_err(|e| lexopt_error(e, topic))?;
                match number(value, "--min-weight", &mut bad).map(i8::try_from) {
                    Some(Ok(n)) if n >= 1 => min_weight = n,
                    Some(_) => {
                        bad.get_or_insert(CliError::usage(
                            "--min-weight must be between 1 and 127",
                            topic.command(),
                        ));
                    }
                    None => {}
                }
            }
            Long("key-bits") => {
                let value = parser.value().map_err(|e| lexopt_error(e, topic))?;
                match number(value, "--key-bits", &mut bad) {
                    Some(n @ 8..=32) => key_bits = n as u8,
                    Some(_) => {
                        bad.get_or_insert(CliError::usage(
                            "--key-bits must be between 8 and 32",
                            topic.command(),
                        ));
                    }
                    None => {}
                }
            }
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
    if data.is_empty() {
        return Err(CliError::usage("train needs --data FILE", topic.command()));
    }
    let Some(out) = out else {
        return Err(CliError::usage("train needs --out FILE", topic.command()));
    };
    Ok(Command::Train(TrainOptions {
        data,
        out,
        seed,
        epochs,
        min_weight,
        key_bits,
        dev,
    }))
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
                format: Format::Json,
                dest: Destination::Stdout,
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
                format: Format::Jsonl,
                dest: Destination::Stdout,
            }))
        );
        assert_eq!(
            parse_strs(&["annotate", "--format", "brat", "--zip", "o.zip", "a", "b"]).ok(),
            Some(Command::Annotate(AnnotateOptions {
                jsonl: false,
                inputs: vec![
                    Input::File(PathBuf::from("a")),
                    Input::File(PathBuf::from("b")),
                ],
                format: Format::Brat,
                dest: Destination::Zip(PathBuf::from("o.zip")),
            }))
        );
        assert_eq!(
            parse_strs(&["annotate", "-f", "csv", "a", "b"])
                .ok()
                .map(|c| matches!(c, Command::Annotate(o) if o.format == Format::Csv)),
            Some(true)
        );
    }

    #[test]
    fn convert_forms() {
        assert_eq!(
            parse_strs(&["convert", "--to", "w3c", "--out", "o", "a.jsonl", "-"]).ok(),
            Some(Command::Convert(ConvertOptions {
                to: Format::W3c,
                dest: Destination::Dir(PathBuf::from("o")),
                inputs: vec![Input::File(PathBuf::from("a.jsonl")), Input::Stdin],
            }))
        );
        assert_eq!(
            parse_strs(&["help", "convert"]).ok(),
            Some(Command::Help(HelpTopic::Convert))
        );
        assert_eq!(
            parse_strs(&["convert", "--bogus", "--help"]).ok(),
            Some(Command::Help(HelpTopic::Convert))
        );
        for args in [
            &["convert", "a.json"][..],
            &["convert", "--to", "xml", "a.json"],
            &["convert", "--to", "csv"],
            &["convert", "--to", "brat", "a.json"],
            &[
                "convert", "--to", "csv", "--out", "d", "--zip", "z", "a.json",
            ],
            &["convert", "--to"],
        ] {
            let err = parse_strs(args).err();
            assert_eq!(err.map(|e| e.exit_code()), Some(2), "{args:?}");
        }
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
    fn train_forms() {
        assert_eq!(
            parse_strs(&[
                "train",
                "--data",
                "a.txt",
                "--data",
                "b.txt",
                "--seed",
                "7",
                "--epochs",
                "3",
                "--min-weight",
                "15",
                "--key-bits",
                "20",
                "--out",
                "m.bin",
                "--dev",
                "v.txt"
            ])
            .ok(),
            Some(Command::Train(TrainOptions {
                data: vec![PathBuf::from("a.txt"), PathBuf::from("b.txt")],
                out: PathBuf::from("m.bin"),
                seed: 7,
                epochs: 3,
                min_weight: 15,
                key_bits: 20,
                dev: Some(PathBuf::from("v.txt")),
            }))
        );
        assert_eq!(
            parse_strs(&["train", "--data", "a", "--out", "m"]).ok(),
            Some(Command::Train(TrainOptions {
                data: vec![PathBuf::from("a")],
                out: PathBuf::from("m"),
                seed: 1,
                epochs: 10,
                min_weight: 6,
                key_bits: 22,
                dev: None,
            }))
        );
        assert_eq!(
            parse_strs(&["help", "train"]).ok(),
            Some(Command::Help(HelpTopic::Train))
        );
        assert_eq!(
            parse_strs(&["train", "--bogus", "--help"]).ok(),
            Some(Command::Help(HelpTopic::Train))
        );
        for args in [
            &["train"][..],
            &["train", "--data", "a"],
            &["train", "--out", "m"],
            &["train", "--data", "a", "--out", "m", "--epochs", "0"],
            &["train", "--data", "a", "--out", "m", "--seed", "x"],
            &["train", "--data", "a", "--out", "m", "--min-weight", "200"],
            &["train", "--data", "a", "--out", "m", "--key-bits", "40"],
            &["train", "--data", "a", "--out", "m", "extra"],
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
            &["annotate", "--format", "html", "a", "b"],
            &["annotate", "--format", "brat", "a"],
            &["annotate", "--jsonl", "--format", "csv", "a"],
            &["annotate", "--format", "yaml", "a"],
            &["nope"],
            &["help", "annotate", "extra"],
        ] {
            let err = parse_strs(args).err();
            assert_eq!(err.map(|e| e.exit_code()), Some(2), "{args:?}");
        }
    }
}
