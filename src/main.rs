//! The `calque` command line: parses arguments, calls the library, maps the outcome to an
//! exit code (0 done or pass, 1 gate blocked, 2 error).

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use encoding_rs::Encoding;

use calque::article_context::DEFAULT_WEIGHT as DEFAULT_ARTICLE_CONTEXT;
use calque::atomic_file::to_stdout_or_file;
use calque::commands::{
    self, EvalArgs, EvalFormat, FeaturesArgs, Outcome, ScoreArgs, TrainArgs, VerdictArgs,
    DEFAULT_WORST,
};
use calque::input::{encoding_for_label, InputFormat, ReadOptions, DEFAULT_MAX_BYTES};
use calque::model::FitParams;
use calque::report::{Format, DEFAULT_MAX_FLAGGED_SHARE, DEFAULT_MIN_FLAGGED, DEFAULT_MIN_WORDS};
use calque::synth::SynthArgs;
use calque::train::TrainOptions;

/// Finds poor machine translation in French news text, paragraph by paragraph.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorWhen {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour (for a pager that shows escape codes: … --color always | less -R).
    Always,
    /// Never colour.
    Never,
}

impl ColorWhen {
    /// Whether standard output gets colour; `auto` follows anstream (NO_COLOR, CLICOLOR,
    /// CLICOLOR_FORCE, TERM, and whether standard output is a terminal).
    fn for_stdout(self) -> bool {
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
            }
        }
    }

    /// Whether the report gets colour: a file written with --output is not a terminal.
    fn for_report(self, output: Option<&std::path::Path>) -> bool {
        match output {
            Some(_) => matches!(self, ColorWhen::Always),
            None => self.for_stdout(),
        }
    }
}

const GATE_EXIT_CODES: &str = "\
Exit codes (a pipeline can act on them; an error never passes):
  0  every article passes
  1  at least one article is blocked: more than --max-flagged-share of its judged paragraphs
     are flagged, or no paragraph has --min-words words (nothing to judge)
  2  an error: an input could not be read, a bad model or argument (the other inputs are
     still judged and reported)";

#[derive(Subcommand)]
enum Command {
    /// Score articles: a probability per paragraph, the evidence, and a verdict per article.
    ///
    /// Exit codes: 0 every input was scored (whatever was found), 2 an input or the model
    /// could not be read.
    ///
    /// Example: calque score article.txt --format jsonl
    Score(ScoreCli),
    /// Gate publication: exit 0 when every article passes, 1 when one is blocked, 2 on any
    /// error (an unreadable input never passes).
    ///
    /// Example: calque gate draft.html --max-flagged-share 0.2 --quiet && publish draft.html
    #[command(after_help = GATE_EXIT_CODES)]
    Gate(GateCli),
    /// Train a model from a labeled CSV and print its cross-validated metrics.
    ///
    /// Example: calque train --data training-data --out models/default.json --force
    Train(TrainCli),
    /// Evaluate a model on a labeled CSV: ROC AUC, precision, recall, F1, the confusion matrix
    /// and the paragraphs it gets most wrong.
    ///
    /// Example: calque eval --data labeled.csv --worst 10
    Eval(EvalCli),
    /// Write one CSV row of named features per paragraph.
    ///
    /// Example: calque features article.txt > features.csv
    Features(FeaturesCli),
    /// Make more badly translated paragraphs from clean ones (label 0, kind `clean`), by seeded
    /// corruptions; writes CSV to standard output.
    ///
    /// Example: calque synth --data training-data/written --seed 7 > training-data/generated.csv
    Synth(SynthCli),
    /// Describe the embedded model, the features and the lexicons.
    ///
    /// Example: calque info --format json
    Info(InfoCli),
    /// Write a shell completion script to standard output.
    ///
    /// Example: calque completions bash > ~/.local/share/bash-completion/completions/calque
    Completions(CompletionsCli),
}

#[derive(Clone, Copy, ValueEnum)]
enum ScoreFormat {
    /// Flagged paragraphs with their underlined evidence, then a verdict per article.
    Text,
    /// One JSON document.
    Json,
    /// JSON Lines: one record per paragraph, article and error (spec in src/report.rs).
    Jsonl,
    /// One row per paragraph.
    Csv,
    /// One self-contained HTML page, paragraphs shaded by probability.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum GateFormat {
    /// One verdict line per article.
    Text,
    /// One JSON document of verdicts.
    Json,
    /// One JSON line per article.
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum EvalFormatCli {
    /// Metrics, confusion matrix and the worst mistakes, for people.
    Text,
    /// One JSON object.
    Json,
    /// Markdown tables (rows named by position, excerpts cut to four words).
    Markdown,
    /// One CSV row per paragraph (id, label, probability, flagged, features, matches), no summary.
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum InfoFormat {
    /// For people.
    Text,
    /// One JSON object.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormatCli {
    /// HTML for .html and .htm files, plain text otherwise (standard input included).
    Auto,
    /// Plain text, whatever the extension.
    Text,
    /// HTML, whatever the extension.
    Html,
}

impl InputFormatCli {
    fn library(self) -> InputFormat {
        match self {
            InputFormatCli::Auto => InputFormat::Auto,
            InputFormatCli::Text => InputFormat::Text,
            InputFormatCli::Html => InputFormat::Html,
        }
    }
}

/// How files are read: shared by `score`, `gate` and `features`. None of it applies to CSV
/// read with `--data`, so each is refused beside it.
#[derive(clap::Args)]
struct ReadCli {
    /// Largest article read, in bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES, value_name = "BYTES", conflicts_with = "data")]
    max_bytes: u64,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long, conflicts_with = "data")]
    lossy: bool,
    /// The inputs' character encoding, a WHATWG label (utf-8, windows-1252, iso-8859-15…).
    /// Without it, inputs are read as UTF-8, and an HTML file that is not valid UTF-8 in the
    /// charset its <meta> declares. Example: --encoding windows-1252
    #[arg(long, value_name = "LABEL", value_parser = encoding_for_label, conflicts_with = "data")]
    encoding: Option<&'static Encoding>,
    /// How to read the inputs. Example: cat page.html | calque score - --input-format html
    #[arg(
        long,
        value_enum,
        default_value = "auto",
        value_name = "FORMAT",
        conflicts_with = "data"
    )]
    input_format: InputFormatCli,
}

impl ReadCli {
    fn library(&self) -> ReadOptions {
        ReadOptions {
            max_bytes: self.max_bytes,
            lossy: self.lossy,
            format: self.input_format.library(),
            encoding: self.encoding,
        }
    }
}

/// How paragraphs are judged and articles given a verdict: shared by `score`, `gate` and
/// `eval`, which reports the gate's verdicts on the articles of labeled data.
#[derive(clap::Args)]
struct VerdictCli {
    /// Paragraphs with fewer words are not judged (navigation, bylines).
    #[arg(long, default_value_t = DEFAULT_MIN_WORDS, value_name = "N")]
    min_words: usize,
    /// An article is blocked when more than this share of its judged paragraphs is flagged.
    #[arg(long, default_value_t = DEFAULT_MAX_FLAGGED_SHARE, value_name = "F",
          allow_negative_numbers = true)]
    max_flagged_share: f64,
    /// An article is blocked only when at least N of its judged paragraphs are flagged (all of
    /// them when it has fewer than N), as well as more than --max-flagged-share of them: 2
    /// spares an article its one false alarm, 1 blocks on a single flag. Example: --min-flagged 1
    #[arg(long, default_value_t = DEFAULT_MIN_FLAGGED as u64, value_name = "N",
          value_parser = clap::value_parser!(u64).range(1..))]
    min_flagged: u64,
    /// How much a paragraph's probability rises with the rest of its article: its log-odds
    /// gain this share of the average margin by which the article's other judged paragraphs
    /// stand over the threshold (each capped at 3, averaged over one more paragraph than there
    /// are, so a lone neighbour lends half). Nothing is added in an article with no flagged
    /// paragraph; 0 scores every paragraph alone. Example: --article-context 0
    #[arg(long, default_value_t = DEFAULT_ARTICLE_CONTEXT, value_name = "W",
          allow_negative_numbers = true)]
    article_context: f64,
}

impl VerdictCli {
    /// The library's options, with the command's `--threshold`. `--min-flagged` becomes a
    /// count (a value past `usize` can never be reached anyway).
    fn library(&self, threshold: Option<f64>) -> VerdictArgs {
        VerdictArgs {
            threshold,
            min_words: self.min_words,
            max_flagged_share: self.max_flagged_share,
            min_flagged: usize::try_from(self.min_flagged).unwrap_or(usize::MAX),
            article_context: self.article_context,
        }
    }
}

#[derive(clap::Args)]
struct Common {
    /// Files, folders (their .txt, .md, .html and .htm files) or - for standard input.
    /// Default: standard input.
    inputs: Vec<PathBuf>,
    /// CSV exports to score instead of files (folders: their .csv files), read record by
    /// record: a `text` column; consecutive rows sharing `doc` are one article. Repeatable.
    /// Example: --data crawl.csv
    #[arg(long, num_args = 1.., conflicts_with = "inputs", value_name = "CSV")]
    data: Vec<PathBuf>,
    /// Model file (default: the embedded model). Example: --model my-model.json
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Probability at or above which a paragraph is flagged (default: the model's).
    /// Example: --threshold 0.8
    #[arg(long, value_name = "P", allow_negative_numbers = true)]
    threshold: Option<f64>,
    #[command(flatten)]
    verdict: VerdictCli,
    #[command(flatten)]
    read: ReadCli,
    /// Articles scored at once, on this many threads (default: every core). The output is the
    /// same, in the same order, whatever N. Example: --jobs 1
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    jobs: Option<u64>,
    /// Write the report to FILE instead of standard output: through a temporary file in the
    /// same folder, renamed only once the report is complete. Example: -o report.html
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace --output if it exists.
    #[arg(long, requires = "output")]
    force: bool,
}

#[derive(clap::Args)]
struct ScoreCli {
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: ScoreFormat,
    /// Print nothing but the inputs that could not be read (the exit code tells the rest).
    #[arg(long, short)]
    quiet: bool,
    /// When to colour the text format (json, jsonl, csv and html never hold colour).
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    color: ColorWhen,
}

#[derive(clap::Args)]
struct GateCli {
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: GateFormat,
    /// Print only the blocked articles (nothing when every article passes).
    #[arg(long, short)]
    quiet: bool,
    /// When to colour the text format (json and jsonl never hold colour).
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    color: ColorWhen,
}

#[derive(clap::Args)]
struct TrainCli {
    /// Labeled CSV files, or folders of them (their .csv files, sorted). Repeatable.
    #[arg(long, required = true, num_args = 1.., value_name = "CSV")]
    data: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long, default_value = "model.json", value_name = "FILE")]
    out: PathBuf,
    /// Replace --out if it exists.
    #[arg(long)]
    force: bool,
    /// Cross-validation folds (grouped by the `pair` column, else `doc`).
    #[arg(long, default_value_t = 5, value_name = "K")]
    folds: usize,
    /// Seed of the fold assignment.
    #[arg(long, default_value_t = 42, value_name = "N")]
    seed: u64,
    /// L2 penalty.
    #[arg(long, default_value_t = FitParams::default().alpha, allow_negative_numbers = true)]
    alpha: f64,
    /// Largest share of label-0 paragraphs the threshold may flag (out of fold).
    #[arg(long, default_value_t = TrainOptions::default().max_false_positive_rate, value_name = "F",
          allow_negative_numbers = true)]
    max_fpr: f64,
    /// Threads extracting features and fitting the models (default: every core). The model is
    /// the same whatever N. Example: --jobs 1
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    jobs: Option<u64>,
}

#[derive(clap::Args)]
struct EvalCli {
    /// Labeled CSV files, or folders of them. Repeatable.
    #[arg(long, required = true, num_args = 1.., value_name = "CSV")]
    data: Vec<PathBuf>,
    /// Model file (default: the embedded model).
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: EvalFormatCli,
    /// Probability at or above which a paragraph is flagged (default: the model's).
    #[arg(long, value_name = "P", allow_negative_numbers = true)]
    threshold: Option<f64>,
    /// Break the metrics down by this column. Example: --by source
    #[arg(long, value_name = "COLUMN")]
    by: Option<String>,
    /// How many of the worst false positives and false negatives to list.
    #[arg(long, default_value_t = DEFAULT_WORST, value_name = "N")]
    worst: usize,
    /// When to colour the text format (json, markdown and csv never hold colour).
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    color: ColorWhen,
    /// The gate's options, for its verdict on each article of the data (consecutive rows
    /// sharing `doc`).
    #[command(flatten)]
    verdict: VerdictCli,
    /// Threads extracting features (default: every core). The figures are the same whatever N.
    /// Example: --jobs 1
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    jobs: Option<u64>,
}

#[derive(clap::Args)]
struct FeaturesCli {
    /// Files, folders (their .txt, .md, .html and .htm files) or - for standard input.
    inputs: Vec<PathBuf>,
    /// Labeled CSVs to read instead of articles. Repeatable.
    #[arg(long, num_args = 1.., conflicts_with = "inputs", value_name = "CSV")]
    data: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadCli,
    /// Threads extracting the features of --data (default: every core). The rows are the same,
    /// in the same order, whatever N. Example: --jobs 1
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    jobs: Option<u64>,
}

#[derive(clap::Args)]
struct SynthCli {
    /// Labeled CSV files, or folders of them. Repeatable.
    #[arg(long, required = true, num_args = 1.., value_name = "CSV")]
    data: Vec<PathBuf>,
    /// Seed of the corruptions.
    #[arg(long, default_value_t = 7, value_name = "N")]
    seed: u64,
    /// Share of clean rows to corrupt into label-1 rows.
    #[arg(long, default_value_t = 0.35, value_name = "F")]
    rate: f64,
    /// Share of written rows (clean and MT) copied with web typography, keeping their label, and
    /// of generated rows given it. Half brings the corpus's human rows close to the share of
    /// straight quotes measured on human web text (about a quarter).
    #[arg(long, default_value_t = 0.5, value_name = "F")]
    web_typography_rate: f64,
}

#[derive(clap::Args)]
struct InfoCli {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: InfoFormat,
}

#[derive(clap::Args)]
struct CompletionsCli {
    /// The shell to complete for.
    shell: clap_complete::Shell,
}

fn score_args(common: Common, format: Format, quiet: bool, color: bool) -> ScoreArgs {
    ScoreArgs {
        inputs: common.inputs,
        data: common.data,
        model: common.model,
        format,
        verdict: common.verdict.library(common.threshold),
        read: common.read.library(),
        quiet,
        color,
        // A bar would tangle with the report when both go to the same terminal.
        progress: !io::stdout().is_terminal(),
        jobs: jobs(common.jobs),
    }
}

/// Runs `score` or `gate`, the report going to standard output or to `--output`.
fn score_or_gate(
    common: Common,
    format: Format,
    quiet: bool,
    color: ColorWhen,
    gate: bool,
    out: &mut dyn Write,
) -> calque::error::Result<Outcome> {
    let color = color.for_report(common.output.as_deref());
    let (output, force) = (common.output.clone(), common.force);
    let args = score_args(common, format, quiet, color);
    to_stdout_or_file(output.as_deref(), force, out, |report| {
        commands::score(&args, gate, report, &mut io::stderr())
    })
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    let outcome = match cli.command {
        Command::Score(args) => {
            let format = match args.format {
                ScoreFormat::Text => Format::Text,
                ScoreFormat::Json => Format::Json,
                ScoreFormat::Jsonl => Format::Jsonl,
                ScoreFormat::Csv => Format::Csv,
                ScoreFormat::Html => Format::Html,
            };
            score_or_gate(args.common, format, args.quiet, args.color, false, &mut out)?
        }
        Command::Gate(args) => {
            let format = match args.format {
                GateFormat::Text => Format::Text,
                GateFormat::Json => Format::Json,
                GateFormat::Jsonl => Format::Jsonl,
            };
            score_or_gate(args.common, format, args.quiet, args.color, true, &mut out)?
        }
        Command::Train(args) => {
            let train = TrainArgs {
                data: args.data,
                out: args.out,
                force: args.force,
                options: TrainOptions {
                    folds: args.folds,
                    seed: args.seed,
                    params: FitParams {
                        alpha: args.alpha,
                        ..FitParams::default()
                    },
                    max_false_positive_rate: args.max_fpr,
                    jobs: jobs(args.jobs),
                },
                progress: true,
            };
            commands::train(&train, &mut out).context("calque train")?;
            Outcome::Success
        }
        Command::Eval(args) => {
            let eval = EvalArgs {
                data: args.data,
                model: args.model,
                format: match args.format {
                    EvalFormatCli::Text => EvalFormat::Text,
                    EvalFormatCli::Json => EvalFormat::Json,
                    EvalFormatCli::Markdown => EvalFormat::Markdown,
                    EvalFormatCli::Csv => EvalFormat::Csv,
                },
                verdict: args.verdict.library(args.threshold),
                by: args.by,
                worst: args.worst,
                color: args.color.for_stdout(),
                progress: true,
                jobs: jobs(args.jobs),
            };
            commands::eval(&eval, &mut out).context("calque eval")?;
            Outcome::Success
        }
        Command::Features(args) => {
            let features = FeaturesArgs {
                inputs: args.inputs,
                data: args.data,
                read: args.read.library(),
                jobs: jobs(args.jobs),
            };
            commands::features(&features, &mut out, &mut err)?
        }
        Command::Synth(args) => {
            let synth = SynthArgs {
                data: args.data,
                seed: args.seed,
                rate: args.rate,
                web_typography_rate: args.web_typography_rate,
            };
            let rows = calque::synth::synth(&synth, &mut out).context("calque synth")?;
            eprintln!("calque synth: {rows} rows written");
            Outcome::Success
        }
        Command::Info(args) => {
            commands::info(matches!(args.format, InfoFormat::Json), &mut out)?;
            Outcome::Success
        }
        Command::Completions(args) => {
            // clap_complete panics on a write error: write to memory, then to a pipe that
            // may close early.
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "calque", &mut script);
            out.write_all(&script)
                .context("writing to standard output")?;
            Outcome::Success
        }
    };
    out.flush().context("writing to standard output")?;
    Ok(outcome)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(error) => {
            let broken_pipe = error.chain().any(|cause| {
                cause
                    .downcast_ref::<io::Error>()
                    .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
                    || cause
                        .downcast_ref::<calque::Error>()
                        .is_some_and(calque::Error::is_broken_pipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("calque: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// The `--jobs` value, or every core when it is not given.
fn jobs(given: Option<u64>) -> usize {
    given.map_or_else(calque::parallel::default_jobs, |n| n as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shell commands of the README's code blocks, comments and redirections cut off,
    /// split at pipes and `&&`: `(line, words)` for each one.
    fn readme_commands() -> Vec<(usize, Vec<&'static str>)> {
        let mut commands = Vec::new();
        let mut in_block = false;
        for (number, line) in include_str!("../README.md").lines().enumerate() {
            if line.starts_with("```") {
                in_block = !in_block;
                continue;
            }
            if !in_block {
                continue;
            }
            let code = line.split(" #").next().unwrap_or(line);
            for command in code.split(['|', ';']).flat_map(|part| part.split("&&")) {
                let words: Vec<&str> = command
                    .split_whitespace()
                    .take_while(|word| !word.starts_with(['>', '<']) && !word.starts_with("2>"))
                    .collect();
                commands.push((number + 1, words));
            }
        }
        commands
    }

    #[test]
    fn readme_examples_are_one_valid_command_a_line() {
        let mut parsed = 0;
        for (line, words) in readme_commands() {
            let Some(at) = words.iter().position(|&word| word == "calque") else {
                continue;
            };
            assert_eq!(at, 0, "README.md:{line}: calque in the middle of {words:?}");
            assert_eq!(
                words.iter().filter(|&&word| word == "calque").count(),
                1,
                "README.md:{line}: two commands on one line: {words:?}"
            );
            if let Err(error) = Cli::try_parse_from(&words) {
                panic!("README.md:{line}: {words:?} does not parse: {error}");
            }
            parsed += 1;
        }
        assert!(parsed >= 30, "only {parsed} README commands found");
    }
}
