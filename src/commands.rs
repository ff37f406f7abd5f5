//! The subcommands, as library functions: each takes plain options and writers, and returns
//! an [`Outcome`] that the binary turns into an exit code. Keeping them here (not in
//! `main.rs`) lets tests and other programs run them without a process.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::dataset::{expand_csv_paths, featurize_each, featurize_with_progress, FeatureTable};
use crate::error::{Error, Result};
use crate::features::{extract_article, feature_names, FEATURES};
use crate::input::{self, ReadOptions, Source};
use crate::lexicon;
use crate::metrics::Metrics;
use crate::model::Model;
use crate::parallel::map_in_order;
use crate::progress;
use crate::report::{
    csv_error, score_article, ArticleReport, Detail, Format, ReportWriter, ScoreOptions, Verdict,
};
use crate::segment::Paragraph;
use crate::train::{self, TrainOptions};

pub use crate::eval::{eval, EvalArgs, EvalFormat, FamilyRate, Misjudged, DEFAULT_WORST};

/// How a command ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0: done (for `gate`: every article passes).
    Success,
    /// Exit 1: `gate` only, at least one article is blocked.
    Blocked,
    /// Exit 2: some input could not be read or scored.
    Failed,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Success => 0,
            Outcome::Blocked => 1,
            Outcome::Failed => 2,
        }
    }
}

pub(crate) fn stdout_error(e: std::io::Error) -> Error {
    Error::io("<stdout>", e)
}

/// Loads `--model FILE`, or the embedded default model.
pub fn load_model(path: Option<&Path>) -> Result<Model> {
    match path {
        Some(path) => Model::load(path),
        None => Model::default_model(),
    }
}

fn check_share(name: &'static str, value: f64) -> Result<()> {
    if (0.0..=1.0).contains(&value) {
        Ok(())
    } else {
        Err(Error::Argument {
            name,
            message: format!("must be between 0 and 1, got {value}"),
        })
    }
}

/// How paragraphs are judged and articles given their verdict, as the command line gives them
/// to `score`, `gate` and `eval`.
#[derive(Debug, Clone, PartialEq)]
pub struct VerdictArgs {
    /// Overrides the model's threshold.
    pub threshold: Option<f64>,
    /// Paragraphs with fewer words are not judged. In `eval`, this acts on the verdicts on
    /// articles only: the paragraph metrics count every row.
    pub min_words: usize,
    /// Largest flagged share of an article that passes.
    pub max_flagged_share: f64,
    /// Fewest flagged paragraphs that block an article.
    pub min_flagged: usize,
    /// Weight of the article context (see [`ScoreOptions::article_context`]).
    pub article_context: f64,
}

impl VerdictArgs {
    /// The options, each checked: the model's threshold unless one is given.
    pub fn options(&self, model: &Model) -> Result<ScoreOptions> {
        let threshold = self.threshold.unwrap_or(model.threshold);
        check_share("--threshold", threshold)?;
        check_share("--max-flagged-share", self.max_flagged_share)?;
        check_weight("--article-context", self.article_context)?;
        Ok(ScoreOptions {
            threshold,
            min_words: self.min_words,
            max_flagged_share: self.max_flagged_share,
            min_flagged: self.min_flagged,
            article_context: self.article_context,
        })
    }
}

/// Checks that an option holding a weight is a finite number of 0 or more.
fn check_weight(name: &'static str, value: f64) -> Result<()> {
    if value.is_finite() && value >= 0.0 {
        Ok(())
    } else {
        Err(Error::Argument {
            name,
            message: format!("must be a finite number of 0 or more, got {value}"),
        })
    }
}

/// Options of `score` and `gate`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreArgs {
    /// Files, folders or `-`; none means standard input.
    pub inputs: Vec<PathBuf>,
    /// CSV exports to read the articles from instead ([`input::csv_articles`]).
    pub data: Vec<PathBuf>,
    /// Model file; the embedded model when absent.
    pub model: Option<PathBuf>,
    /// Output format.
    pub format: Format,
    /// Threshold and verdict options.
    pub verdict: VerdictArgs,
    /// Input limits and format.
    pub read: ReadOptions,
    /// `score`: write only the inputs that could not be read; `gate`: only blocked articles.
    pub quiet: bool,
    /// Colour the text format with terminal escape codes.
    pub color: bool,
    /// Show a progress bar over the inputs on standard error (drawn only when it is a
    /// terminal, and only for more than one input).
    pub progress: bool,
    /// Threads scoring articles at once (1 or more); output order does not depend on it.
    pub jobs: usize,
}

/// One article to score: a file still to read (in the worker), or one a CSV export gave.
enum Article {
    File(Result<Source>),
    Read(String, Result<Vec<Paragraph>>),
}

/// Scores every input (`gate = false`: full report) or gives verdicts (`gate = true`).
/// Unreadable inputs are reported on `errors` and in the output, and the rest still scored.
pub fn score(
    args: &ScoreArgs,
    gate: bool,
    out: &mut dyn Write,
    errors: &mut dyn Write,
) -> Result<Outcome> {
    let model = load_model(args.model.as_deref())?;
    let options = args.verdict.options(&model)?;
    let detail = match (gate, args.quiet) {
        (false, false) => Detail::Paragraphs,
        (false, true) => Detail::Errors,
        (true, false) => Detail::Verdicts,
        (true, true) => Detail::Blocked,
    };
    let mut writer =
        ReportWriter::new(out, args.format, detail, args.color).map_err(stdout_error)?;
    let mut failed = false;
    let mut blocked = false;
    let many =
        !args.data.is_empty() || args.inputs.len() > 1 || args.inputs.iter().any(|p| p.is_dir());
    let bar = progress::counter("scoring", "articles", args.progress && many);
    let articles: Box<dyn Iterator<Item = Article>> = if args.data.is_empty() {
        Box::new(input::sources(&args.inputs).map(Article::File))
    } else {
        Box::new(input::csv_articles(&args.data).map(|(name, read)| Article::Read(name, read)))
    };
    map_in_order(
        articles,
        args.jobs,
        |article: Article| match article {
            Article::File(found) => {
                // A folder that cannot be listed has no article path; its error names it.
                let name = found.as_ref().map_or(String::new(), Source::name);
                let scored = found.and_then(|source| {
                    let paragraphs = input::read_article(&source, &args.read)?;
                    Ok(score_article(&model, &name, &paragraphs, &options))
                });
                (name, scored)
            }
            Article::Read(name, read) => {
                let scored =
                    read.map(|paragraphs| score_article(&model, &name, &paragraphs, &options));
                (name, scored)
            }
        },
        |(name, scored): (String, Result<ArticleReport>)| {
            match scored {
                Ok(report) => {
                    blocked |= report.verdict == Verdict::Block;
                    writer.article(&report).map_err(stdout_error)?;
                }
                Err(error) => {
                    failed = true;
                    bar.suspend(|| writeln!(errors, "calque: {error}"))
                        .map_err(stdout_error)?;
                    writer
                        .error(&name, &error.to_string())
                        .map_err(stdout_error)?;
                }
            }
            bar.inc(1);
            Ok::<(), Error>(())
        },
    )?;
    bar.finish_and_clear();
    writer.finish().map_err(stdout_error)?;
    Ok(if failed {
        Outcome::Failed
    } else if gate && blocked {
        Outcome::Blocked
    } else {
        Outcome::Success
    })
}

/// Options of `train`.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainArgs {
    /// Labeled CSV files or folders of them.
    pub data: Vec<PathBuf>,
    /// Where to write the model.
    pub out: PathBuf,
    /// Replace `out` if it exists.
    pub force: bool,
    /// Folds, seed, fit settings.
    pub options: TrainOptions,
    /// Show progress bars on standard error (drawn only when it is a terminal).
    pub progress: bool,
}

/// Trains a model, writes it atomically and prints its cross-validated metrics.
pub fn train(args: &TrainArgs, out: &mut dyn Write) -> Result<Model> {
    if !args.force && args.out.exists() {
        return Err(Error::Argument {
            name: "--out",
            message: format!("{} exists; pass --force to replace it", args.out.display()),
        });
    }
    let files = expand_csv_paths(&args.data)?
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    args.options.validate()?;
    let table = featurize_counting(&args.data, args.options.jobs, args.progress)?;
    if let Some(&label) = table.labels.first() {
        if table.labels.iter().all(|&l| l == label) {
            return Err(Error::Training(format!(
                "{files}: every row has label {label} (field `label`); training needs rows of both labels, 0 and 1"
            )));
        }
    }
    let bar = progress::bar(
        train::fits(&table, &args.options) as u64,
        "fitting",
        "models",
        args.progress,
    );
    let model = train::train_with_progress(&table, &args.options, &mut |fitted| {
        bar.set_position(fitted as u64)
    });
    bar.finish_and_clear();
    let model = model?;
    model.save(&args.out, args.force)?;
    let summary = model.training.as_ref().expect("train fills the summary");
    let mut text = format!(
        "trained on {} paragraphs ({} label 1) from {files}\n",
        summary.rows, summary.positives,
    );
    text.push_str(&format!(
        "threshold {:.4} (at most {:.1}% of label-0 paragraphs flagged out of fold)\n",
        model.threshold,
        summary.max_false_positive_rate * 100.0
    ));
    text.push_str(&format!(
        "{}-fold cross-validation grouped by pair/doc: {}\n",
        summary.folds,
        metrics_line(&summary.cross_validation)
    ));
    if let Some(test) = &summary.test_split {
        text.push_str(&format!("held-out test split: {}\n", metrics_line(test)));
    }
    text.push_str(&format!("model written to {}\n", args.out.display()));
    out.write_all(text.as_bytes()).map_err(stdout_error)?;
    Ok(model)
}

/// [`crate::dataset::featurize`] with a row counter on standard error.
fn featurize_counting(data: &[PathBuf], jobs: usize, progress: bool) -> Result<FeatureTable> {
    let counter = progress::counter("extracting features:", "rows", progress);
    let table = featurize_with_progress(data, jobs, &mut |rows| counter.inc(rows as u64));
    counter.finish_and_clear();
    table
}

pub(crate) fn metrics_line(m: &Metrics) -> String {
    format!(
        "rows {}, ROC AUC {}, accuracy {:.3}, precision {:.3}, recall {:.3}, F1 {:.3}, false positive rate {:.3}",
        m.rows,
        m.roc_auc.map_or("n/a".to_string(), |a| format!("{a:.4}")),
        m.accuracy,
        m.precision,
        m.recall,
        m.f1,
        m.false_positive_rate
    )
}

/// Options of `features`.
#[derive(Debug, Clone, PartialEq)]
pub struct FeaturesArgs {
    /// Articles to read (when `data` is empty).
    pub inputs: Vec<PathBuf>,
    /// Labeled CSVs to read instead.
    pub data: Vec<PathBuf>,
    /// Input limits.
    pub read: ReadOptions,
    /// Threads extracting the features of `data`.
    pub jobs: usize,
}

/// Writes one CSV row of named features per paragraph.
pub fn features(
    args: &FeaturesArgs,
    out: &mut dyn Write,
    errors: &mut dyn Write,
) -> Result<Outcome> {
    let mut csv = csv::Writer::from_writer(out);
    let names = feature_names();
    let io = |e: csv::Error| stdout_error(csv_error(e));
    let format_row = |values: &[f64]| values.iter().map(|v| format!("{v}")).collect::<Vec<_>>();
    if !args.data.is_empty() {
        let mut header = vec!["id", "group", "label"];
        header.extend(&names);
        csv.write_record(&header).map_err(io)?;
        featurize_each(
            &args.data,
            None,
            args.jobs,
            &mut |paragraph, label, features| {
                let mut record = vec![paragraph.id, paragraph.group, label.to_string()];
                record.extend(format_row(&features.values));
                csv.write_record(&record).map_err(io)
            },
            &mut |_| {},
        )?;
        csv.flush().map_err(stdout_error)?;
        return Ok(Outcome::Success);
    }
    let mut header = vec!["path", "line"];
    header.extend(&names);
    csv.write_record(&header).map_err(io)?;
    let mut failed = false;
    for found in input::sources(&args.inputs) {
        let read = found.and_then(|source| {
            let paragraphs = input::read_article(&source, &args.read)?;
            Ok((source, paragraphs))
        });
        match read {
            Ok((source, paragraphs)) => {
                let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
                for (paragraph, features) in paragraphs.iter().zip(extract_article(&texts)) {
                    let mut record = vec![source.name(), paragraph.line.to_string()];
                    record.extend(format_row(&features.values));
                    csv.write_record(&record).map_err(io)?;
                }
            }
            Err(error) => {
                failed = true;
                writeln!(errors, "calque: {error}").map_err(stdout_error)?;
            }
        }
    }
    csv.flush().map_err(stdout_error)?;
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Success
    })
}

#[derive(Serialize)]
struct Info {
    version: &'static str,
    model: Model,
    features: Vec<InfoFeature>,
    lexicons: BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct InfoFeature {
    name: &'static str,
    family: &'static str,
    description: &'static str,
}

/// Describes the embedded model, the features and the lexicons.
pub fn info(json: bool, out: &mut dyn Write) -> Result<()> {
    let info = Info {
        version: env!("CARGO_PKG_VERSION"),
        model: Model::default_model()?,
        features: FEATURES
            .iter()
            .map(|f| InfoFeature {
                name: f.name,
                family: f.family,
                description: f.description,
            })
            .collect(),
        lexicons: lexicon::sizes().into_iter().collect(),
    };
    let text = if json {
        let mut s = serde_json::to_string_pretty(&info).expect("info serialises");
        s.push('\n');
        s
    } else {
        let mut s = format!("calque {}\n\nEmbedded model:\n", info.version);
        s.push_str(&format!("  threshold {:.4}\n", info.model.threshold));
        if let Some(t) = &info.model.training {
            s.push_str(&format!(
                "  trained on {} paragraphs ({} label 1), data {}\n  cross-validation: {}\n",
                t.rows,
                t.positives,
                t.data_hash,
                metrics_line(&t.cross_validation)
            ));
            if let Some(test) = &t.test_split {
                s.push_str(&format!("  held-out test split: {}\n", metrics_line(test)));
            }
        }
        s.push_str("\nFeatures (weight on the standardised value):\n");
        for (f, w) in info.features.iter().zip(&info.model.weights) {
            s.push_str(&format!(
                "  {:<28} {:<11} {:>+7.3}  {}\n",
                f.name, f.family, w, f.description
            ));
        }
        s.push_str("\nLexicons (entries):\n");
        for (name, size) in &info.lexicons {
            s.push_str(&format!("  {name:<18} {size}\n"));
        }
        s
    };
    out.write_all(text.as_bytes()).map_err(stdout_error)
}
