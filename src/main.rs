//! The `calque` command line: parses arguments, calls the library, maps the outcome to an
//! exit code (0 done or pass, 1 gate blocked, 2 error).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

use calque::commands::{self, EvalArgs, EvalFormat, FeaturesArgs, Outcome, ScoreArgs, TrainArgs};
use calque::input::{ReadOptions, DEFAULT_MAX_BYTES};
use calque::model::FitParams;
use calque::report::{Format, DEFAULT_MAX_FLAGGED_SHARE, DEFAULT_MIN_WORDS};
use calque::synth::SynthArgs;
use calque::train::TrainOptions;

/// Finds poor machine translation in French news text, paragraph by paragraph.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

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
    /// Example: calque gate article.txt --max-flagged-share 0.2 && publish article.txt
    Gate(GateCli),
    /// Train a model from a labeled CSV and print its cross-validated metrics.
    ///
    /// Example: calque train --data training-data --out models/default.json --force
    Train(TrainCli),
    /// Evaluate a model on a labeled CSV.
    ///
    /// Example: calque eval --data labeled.csv --format json
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
}

#[derive(Clone, Copy, ValueEnum)]
enum ScoreFormat {
    Text,
    Json,
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum GateFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum EvalFormatCli {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum InfoFormat {
    Text,
    Json,
}

#[derive(clap::Args)]
struct Common {
    /// Files, folders (their .txt and .md files) or - for standard input. Default: stdin.
    inputs: Vec<PathBuf>,
    /// Model file (default: the embedded model). Example: --model my-model.json
    #[arg(long)]
    model: Option<PathBuf>,
    /// Probability at or above which a paragraph is flagged (default: the model's).
    #[arg(long)]
    threshold: Option<f64>,
    /// Paragraphs with fewer words are not judged (navigation, bylines).
    #[arg(long, default_value_t = DEFAULT_MIN_WORDS)]
    min_words: usize,
    /// An article is blocked when more than this share of its judged paragraphs is flagged.
    #[arg(long, default_value_t = DEFAULT_MAX_FLAGGED_SHARE)]
    max_flagged_share: f64,
    /// Largest article read, in bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
}

#[derive(clap::Args)]
struct ScoreCli {
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: ScoreFormat,
}

#[derive(clap::Args)]
struct GateCli {
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: GateFormat,
}

#[derive(clap::Args)]
struct TrainCli {
    /// Labeled CSV files, or folders of them (their .csv files, sorted). Repeatable.
    #[arg(long, required = true, num_args = 1..)]
    data: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long, default_value = "model.json")]
    out: PathBuf,
    /// Replace --out if it exists.
    #[arg(long)]
    force: bool,
    /// Cross-validation folds (grouped by the `pair` column, else `doc`).
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Seed of the fold assignment.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// L2 penalty.
    #[arg(long, default_value_t = FitParams::default().alpha)]
    alpha: f64,
    /// Largest share of label-0 paragraphs the threshold may flag (out of fold).
    #[arg(long, default_value_t = TrainOptions::default().max_false_positive_rate)]
    max_fpr: f64,
}

#[derive(clap::Args)]
struct EvalCli {
    /// Labeled CSV files, or folders of them. Repeatable.
    #[arg(long, required = true, num_args = 1..)]
    data: Vec<PathBuf>,
    /// Model file (default: the embedded model).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: EvalFormatCli,
    /// Probability at or above which a paragraph is flagged (default: the model's).
    #[arg(long)]
    threshold: Option<f64>,
    /// Break the metrics down by this column (e.g. --by source).
    #[arg(long)]
    by: Option<String>,
}

#[derive(clap::Args)]
struct FeaturesCli {
    /// Files, folders or - for standard input.
    inputs: Vec<PathBuf>,
    /// Labeled CSVs to read instead of articles. Repeatable.
    #[arg(long, num_args = 1.., conflicts_with = "inputs")]
    data: Vec<PathBuf>,
    /// Largest article read, in bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
}

#[derive(clap::Args)]
struct SynthCli {
    /// Labeled CSV files, or folders of them. Repeatable.
    #[arg(long, required = true, num_args = 1..)]
    data: Vec<PathBuf>,
    /// Seed of the corruptions.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Share of clean rows to corrupt into label-1 rows.
    #[arg(long, default_value_t = 0.35)]
    rate: f64,
    /// Share of clean rows to retype with web typography, as label-0 rows.
    #[arg(long, default_value_t = 0.3)]
    human_rate: f64,
}

#[derive(clap::Args)]
struct InfoCli {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: InfoFormat,
}

fn score_args(common: Common, format: Format) -> ScoreArgs {
    ScoreArgs {
        inputs: common.inputs,
        model: common.model,
        format,
        threshold: common.threshold,
        min_words: common.min_words,
        max_flagged_share: common.max_flagged_share,
        read: ReadOptions {
            max_bytes: common.max_bytes,
            lossy: common.lossy,
        },
    }
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
            };
            commands::score(&score_args(args.common, format), false, &mut out, &mut err)?
        }
        Command::Gate(args) => {
            let format = match args.format {
                GateFormat::Text => Format::Text,
                GateFormat::Json => Format::Json,
                GateFormat::Jsonl => Format::Jsonl,
            };
            commands::score(&score_args(args.common, format), true, &mut out, &mut err)?
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
                },
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
                },
                threshold: args.threshold,
                by: args.by,
            };
            commands::eval(&eval, &mut out).context("calque eval")?;
            Outcome::Success
        }
        Command::Features(args) => {
            let features = FeaturesArgs {
                inputs: args.inputs,
                data: args.data,
                read: ReadOptions {
                    max_bytes: args.max_bytes,
                    lossy: args.lossy,
                },
            };
            commands::features(&features, &mut out, &mut err)?
        }
        Command::Synth(args) => {
            let synth = SynthArgs {
                data: args.data,
                seed: args.seed,
                rate: args.rate,
                human_rate: args.human_rate,
            };
            let rows = calque::synth::synth(&synth, &mut out).context("calque synth")?;
            eprintln!("calque synth: {rows} rows written");
            Outcome::Success
        }
        Command::Info(args) => {
            commands::info(matches!(args.format, InfoFormat::Json), &mut out)?;
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
