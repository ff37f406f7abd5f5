//! The subcommands, as library functions: each takes plain options and writers, and returns
//! an [`Outcome`] that the binary turns into an exit code. Keeping them here (not in
//! `main.rs`) lets tests and other programs run them without a process.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use anstyle::{AnsiColor, Style};

use crate::dataset::{expand_csv_paths, featurize_each, featurize_with_progress, FeatureTable};
use crate::error::{Error, Result};
use crate::features::{extract_article, feature_names, FEATURES};
use crate::input::{self, ReadOptions, Source};
use crate::lexicon;
use crate::metrics::{roc_auc_interval, AucInterval, Metrics};
use crate::model::Model;
use crate::parallel::map_in_order;
use crate::progress;
use crate::report::{
    csv_error, score_article, ArticleReport, Detail, Format, Reason, ReportWriter, ScoreOptions,
    Verdict,
};
use crate::segment::Paragraph;
use crate::train::{self, TrainOptions};

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

fn stdout_error(e: std::io::Error) -> Error {
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
    /// Overrides the model's threshold.
    pub threshold: Option<f64>,
    /// Paragraphs with fewer words are not judged.
    pub min_words: usize,
    /// Largest flagged share of an article that passes.
    pub max_flagged_share: f64,
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
    let threshold = args.threshold.unwrap_or(model.threshold);
    check_share("--threshold", threshold)?;
    check_share("--max-flagged-share", args.max_flagged_share)?;
    let options = ScoreOptions {
        threshold,
        min_words: args.min_words,
        max_flagged_share: args.max_flagged_share,
    };
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
    let table = featurize_counting(&args.data, false, None, args.options.jobs, args.progress)?;
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

/// [`featurize`] with a row counter on standard error.
fn featurize_counting(
    data: &[PathBuf],
    keep_text: bool,
    breakdown: Option<&str>,
    jobs: usize,
    progress: bool,
) -> Result<FeatureTable> {
    let counter = progress::counter("extracting features:", "rows", progress);
    let table = featurize_with_progress(data, keep_text, breakdown, jobs, &mut |rows| {
        counter.inc(rows as u64)
    });
    counter.finish_and_clear();
    table
}

fn metrics_line(m: &Metrics) -> String {
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

/// Output formats of `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvalFormat {
    /// For people: the metrics, the confusion matrix and the paragraphs that cost most.
    Text,
    /// A JSON object.
    Json,
    /// A Markdown section with tables, for models/default.eval.md (rows named by position and
    /// excerpts of at most four words, since that file is committed and the evaluated data may
    /// not be copied).
    Markdown,
}

/// Default `--worst`.
pub const DEFAULT_WORST: usize = 5;

/// Options of `eval`.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalArgs {
    /// Labeled CSV files or folders of them.
    pub data: Vec<PathBuf>,
    /// Model file; the embedded model when absent.
    pub model: Option<PathBuf>,
    /// Output format.
    pub format: EvalFormat,
    /// Overrides the model's threshold.
    pub threshold: Option<f64>,
    /// A column to break the metrics down by (e.g. `source`).
    pub by: Option<String>,
    /// How many of the worst false positives and false negatives to list.
    pub worst: usize,
    /// Colour the text format with terminal escape codes.
    pub color: bool,
    /// Show a row counter on standard error (drawn only when it is a terminal).
    pub progress: bool,
    /// Threads extracting features.
    pub jobs: usize,
}

/// How often one family fires on each label, and its commonest false alarms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyRate {
    /// Signal family.
    pub family: &'static str,
    /// Share of label-0 paragraphs where it fired.
    pub human: f64,
    /// Share of label-1 paragraphs where it fired.
    pub machine: f64,
    /// Commonest matches on label-0 paragraphs, with counts.
    pub false_alarms: Vec<(String, usize)>,
}

/// A misjudged paragraph, among those that cost most.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Misjudged {
    /// The `id` column, or `FILE:LINE` of the CSV record.
    pub id: String,
    /// Its 1-based position among the data rows, in the order of the `--data` files: how the
    /// Markdown report names it, since ids of outside data may not be copied into the repo.
    pub row: usize,
    /// Its label.
    pub label: u8,
    /// The model's probability.
    pub probability: f64,
    /// The three features that pushed most toward the mistake: the largest contributions for
    /// a false positive, the most negative for a false negative.
    pub features: Vec<Reason>,
    /// The start of the paragraph (at most four words in Markdown).
    pub excerpt: String,
}

/// The metrics of a set of rows, with the bootstrap interval of their ROC AUC.
#[derive(Serialize)]
struct Subset {
    #[serde(flatten)]
    metrics: Metrics,
    roc_auc_interval: Option<AucInterval>,
}

impl Subset {
    fn of(rows: &[usize], probabilities: &[f64], table: &FeatureTable, threshold: f64) -> Self {
        let p: Vec<f64> = rows.iter().map(|&i| probabilities[i]).collect();
        let l: Vec<u8> = rows.iter().map(|&i| table.labels[i]).collect();
        let g: Vec<String> = rows.iter().map(|&i| table.groups[i].clone()).collect();
        Subset {
            metrics: Metrics::compute(&p, &l, threshold),
            roc_auc_interval: roc_auc_interval(&p, &l, &g),
        }
    }
}

/// "0.851–0.991 over 5 groups", or "n/a".
fn interval_text(interval: Option<&AucInterval>) -> String {
    interval.map_or("n/a".to_string(), |i| {
        format!("{:.3}–{:.3} over {} groups", i.low, i.high, i.groups)
    })
}

#[derive(Serialize)]
struct EvalReport {
    #[serde(flatten)]
    all: Subset,
    by: BTreeMap<String, Subset>,
    families: Vec<FamilyRate>,
    /// The same family rates for each value of the `--by` column.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    families_by: BTreeMap<String, Vec<FamilyRate>>,
    /// Label-0 paragraphs flagged, highest probability first.
    worst_false_positives: Vec<Misjudged>,
    /// Label-1 paragraphs not flagged, lowest probability first.
    worst_false_negatives: Vec<Misjudged>,
}

impl EvalReport {
    /// The two lists of costly mistakes, each with its title.
    fn worst_lists(&self) -> [(&'static str, &[Misjudged]); 2] {
        [
            (
                "Worst false positives (label 0, flagged, highest probability first)",
                &self.worst_false_positives,
            ),
            (
                "Worst false negatives (label 1, missed, lowest probability first)",
                &self.worst_false_negatives,
            ),
        ]
    }
}

/// Characters of a paragraph quoted in the text and JSON reports.
const EXCERPT_CHARS: usize = 100;
/// Features listed per misjudged paragraph.
const MISJUDGED_FEATURES: usize = 3;

/// Evaluates a model on labeled data.
pub fn eval(args: &EvalArgs, out: &mut dyn Write) -> Result<Metrics> {
    let model = load_model(args.model.as_deref())?;
    let threshold = args.threshold.unwrap_or(model.threshold);
    check_share("--threshold", threshold)?;
    let table = featurize_counting(
        &args.data,
        true,
        args.by.as_deref(),
        args.jobs,
        args.progress,
    )?;
    let probabilities: Vec<f64> = table.rows.iter().map(|r| model.probability(r)).collect();
    let all_rows: Vec<usize> = (0..table.labels.len()).collect();
    let all = Subset::of(&all_rows, &probabilities, &table, threshold);
    let metrics = all.metrics.clone();
    let mut by = BTreeMap::new();
    let mut families_by = BTreeMap::new();
    if args.by.is_some() {
        let mut values: Vec<&str> = table
            .breakdown
            .iter()
            .map(|v| v.as_deref().unwrap_or(""))
            .collect();
        values.sort_unstable();
        values.dedup();
        for value in values {
            let keep: Vec<usize> = (0..table.labels.len())
                .filter(|&i| table.breakdown[i].as_deref().unwrap_or("") == value)
                .collect();
            let l: Vec<u8> = keep.iter().map(|&i| table.labels[i]).collect();
            by.insert(
                value.to_string(),
                Subset::of(&keep, &probabilities, &table, threshold),
            );
            let texts: Vec<String> = keep.iter().map(|&i| table.texts[i].clone()).collect();
            families_by.insert(value.to_string(), family_rates(&texts, &l));
        }
    }
    let families = family_rates(&table.texts, &table.labels);
    let markdown_excerpts = args.format == EvalFormat::Markdown;
    let worst = |label: u8| {
        worst_misjudged(
            &model,
            &table,
            &probabilities,
            threshold,
            label,
            args.worst,
            markdown_excerpts,
        )
    };
    let report = EvalReport {
        all,
        by,
        families,
        families_by,
        worst_false_positives: worst(0),
        worst_false_negatives: worst(1),
    };
    let text = match args.format {
        EvalFormat::Json => {
            let mut s = serde_json::to_string_pretty(&report).expect("metrics serialise");
            s.push('\n');
            s
        }
        EvalFormat::Text => eval_text(&report, args.color),
        EvalFormat::Markdown => markdown(&args.data, &report),
    };
    out.write_all(text.as_bytes()).map_err(stdout_error)?;
    Ok(metrics)
}

/// The `count` misjudged paragraphs of `label` the model got most wrong: label-0 paragraphs
/// flagged, highest probability first, or label-1 paragraphs missed, lowest first.
fn worst_misjudged(
    model: &Model,
    table: &FeatureTable,
    probabilities: &[f64],
    threshold: f64,
    label: u8,
    count: usize,
    short: bool,
) -> Vec<Misjudged> {
    let mut wrong: Vec<usize> = (0..table.labels.len())
        .filter(|&i| table.labels[i] == label && (probabilities[i] >= threshold) == (label == 0))
        .collect();
    wrong.sort_by(|&a, &b| {
        let order = probabilities[a].total_cmp(&probabilities[b]);
        if label == 0 {
            order.reverse()
        } else {
            order
        }
    });
    wrong.truncate(count);
    wrong
        .into_iter()
        .map(|i| {
            let values = &table.rows[i];
            let toward_error = |c: f64| if label == 0 { c } else { -c };
            let mut features: Vec<Reason> = model
                .contributions(values)
                .iter()
                .enumerate()
                .filter(|&(_, &c)| toward_error(c) > 0.0)
                .map(|(k, &c)| Reason {
                    feature: FEATURES[k].name,
                    family: FEATURES[k].family,
                    value: values[k],
                    contribution: c,
                })
                .collect();
            features.sort_by(|a, b| {
                toward_error(b.contribution).total_cmp(&toward_error(a.contribution))
            });
            features.truncate(MISJUDGED_FEATURES);
            let text = table.texts.get(i).map_or("", String::as_str);
            Misjudged {
                id: table.ids[i].clone(),
                row: i + 1,
                label,
                probability: probabilities[i],
                features,
                excerpt: if short {
                    short_match(text)
                } else {
                    excerpt(text, EXCERPT_CHARS)
                },
            }
        })
        .collect()
}

/// The first `max` characters of a text, with an ellipsis when cut.
fn excerpt(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// The features that pushed a row toward its error, with their contributions; a feature that
/// did not fire (value 0) is written "no NAME", since its absence is what counted.
fn features_line(features: &[Reason]) -> String {
    let listed: Vec<String> = features
        .iter()
        .map(|r| {
            let absent = if r.value == 0.0 { "no " } else { "" };
            format!("{absent}{} {:+.2}", r.feature, r.contribution)
        })
        .collect();
    if listed.is_empty() {
        "no feature pushed this way".to_string()
    } else {
        listed.join(", ")
    }
}

/// The text report: metrics, confusion matrix, breakdown, worst mistakes.
fn eval_text(report: &EvalReport, color: bool) -> String {
    let (heading, number) = if color {
        (Style::new().bold(), AnsiColor::Yellow.on_default())
    } else {
        (Style::new(), Style::new())
    };
    let m = &report.all.metrics;
    let mut s = format!(
        "{heading}{} paragraphs{heading:#} ({} label 1), threshold {:.4}\n",
        m.rows, m.positives, m.threshold
    );
    s.push_str(&format!(
        "ROC AUC {number}{}{number:#}  precision {number}{:.3}{number:#}  recall {number}{:.3}{number:#}  F1 {number}{:.3}{number:#}  accuracy {:.3}  label 0 flagged {:.1}%\n",
        m.roc_auc.map_or("n/a".to_string(), |a| format!("{a:.4}")),
        m.precision,
        m.recall,
        m.f1,
        m.accuracy,
        m.false_positive_rate * 100.0
    ));
    s.push_str(&format!(
        "ROC AUC 95% interval {} (bootstrap: groups are the pair, else doc, else id column)\n\n",
        interval_text(report.all.roc_auc_interval.as_ref())
    ));
    s.push_str(&format!(
        "{heading}confusion matrix{heading:#}     flagged  not flagged\n  label 1 (machine) {:>9} {:>12}\n  label 0 (human)   {:>9} {:>12}\n",
        m.true_positives, m.false_negatives, m.false_positives, m.true_negatives
    ));
    if !report.by.is_empty() {
        s.push_str(&format!("\n{heading}by value{heading:#}\n"));
        for (value, subset) in &report.by {
            s.push_str(&format!(
                "  {value}: {}, ROC AUC 95% interval {}\n",
                metrics_line(&subset.metrics),
                interval_text(subset.roc_auc_interval.as_ref())
            ));
        }
    }
    for (title, list) in report.worst_lists() {
        s.push_str(&format!("\n{heading}{title}{heading:#}\n"));
        if list.is_empty() {
            s.push_str("  none\n");
        }
        for w in list {
            s.push_str(&format!(
                "  {}  {number}{:.3}{number:#}  {}\n      {}\n",
                w.id,
                w.probability,
                features_line(&w.features),
                w.excerpt
            ));
        }
    }
    s
}

/// Per-family firing rates on each label, and the five commonest false alarms per family.
/// Each paragraph is taken alone, so the rates do not depend on how a file groups rows.
fn family_rates(texts: &[String], labels: &[u8]) -> Vec<FamilyRate> {
    let mut families: Vec<&'static str> = FEATURES.iter().map(|f| f.family).collect();
    families.dedup();
    let mut fired = vec![[0usize; 2]; families.len()];
    let mut alarms: Vec<BTreeMap<String, usize>> = vec![BTreeMap::new(); families.len()];
    for (text, &label) in texts.iter().zip(labels) {
        let features = extract_article(&[text]);
        for (k, family) in families.iter().enumerate() {
            let hits: Vec<_> = features[0]
                .evidence
                .iter()
                .filter(|e| e.family == *family)
                .collect();
            if hits.is_empty() {
                continue;
            }
            fired[k][usize::from(label)] += 1;
            if label == 0 {
                for e in hits {
                    *alarms[k]
                        .entry(short_match(&text[e.start..e.end]))
                        .or_default() += 1;
                }
            }
        }
    }
    let humans = labels.iter().filter(|&&l| l == 0).count().max(1) as f64;
    let machines = labels.iter().filter(|&&l| l == 1).count().max(1) as f64;
    families
        .iter()
        .enumerate()
        .map(|(k, family)| {
            let mut top: Vec<(String, usize)> =
                alarms[k].iter().map(|(m, &c)| (m.clone(), c)).collect();
            top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            top.truncate(5);
            FamilyRate {
                family,
                human: fired[k][0] as f64 / humans,
                machine: fired[k][1] as f64 / machines,
                false_alarms: top,
            }
        })
        .collect()
}

/// The markdown table of family firing rates and commonest false alarms.
fn family_table(families: &[FamilyRate]) -> String {
    let mut s = String::new();
    s.push_str("| family | fires on label 0 | fires on label 1 | commonest matches on label 0 |\n");
    s.push_str("|---|---|---|---|\n");
    for f in families {
        let alarms: Vec<String> = f
            .false_alarms
            .iter()
            .map(|(m, c)| format!("`{}` ({c})", cell(m)))
            .collect();
        s.push_str(&format!(
            "| {} | {:.1}% | {:.1}% | {} |\n",
            f.family,
            f.human * 100.0,
            f.machine * 100.0,
            alarms.join(", ")
        ));
    }
    s
}

/// A match as quoted in reports about real data: lowercase, at most four words, so that a
/// report never copies a sentence of the evaluated text.
fn short_match(matched: &str) -> String {
    let words: Vec<&str> = matched.split_whitespace().collect();
    let mut short = words
        .iter()
        .take(4)
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if words.len() > 4 {
        short.push('…');
    }
    short
}

/// A Markdown table cell: pipes and line breaks would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn markdown(data: &[PathBuf], report: &EvalReport) -> String {
    let names: Vec<String> = data
        .iter()
        .map(|p| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let mut s = format!("### {}\n\n", names.join(", "));
    s.push_str("| subset | rows | label 1 | ROC AUC | ROC AUC 95% interval | accuracy | precision | recall | F1 | label 0 flagged |\n");
    s.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
    let row = |name: &str, subset: &Subset| {
        let m = &subset.metrics;
        format!(
            "| {name} | {} | {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.1}% |\n",
            m.rows,
            m.positives,
            m.roc_auc.map_or("n/a".to_string(), |a| format!("{a:.3}")),
            interval_text(subset.roc_auc_interval.as_ref()),
            m.accuracy,
            m.precision,
            m.recall,
            m.f1,
            m.false_positive_rate * 100.0
        )
    };
    s.push_str(&row("all", &report.all));
    for (value, subset) in &report.by {
        s.push_str(&row(value, subset));
    }
    let m = &report.all.metrics;
    s.push_str(&format!("\nThreshold {:.4}.\n\n", m.threshold));
    s.push_str("| all rows | flagged | not flagged |\n|---|---|---|\n");
    s.push_str(&format!(
        "| label 1 | {} | {} |\n| label 0 | {} | {} |\n\n",
        m.true_positives, m.false_negatives, m.false_positives, m.true_negatives
    ));
    s.push_str(&family_table(&report.families));
    for (value, families) in &report.families_by {
        s.push_str(&format!("\nFamilies on `{}` rows:\n\n", cell(value)));
        s.push_str(&family_table(families));
    }
    for (title, list) in report.worst_lists() {
        s.push_str(&format!("\n{title}:"));
        if list.is_empty() {
            s.push_str(" none.\n");
            continue;
        }
        s.push_str(
            "\n\n| data row | probability | features that pushed toward the error | starts with |\n|---|---|---|---|\n",
        );
        for w in list {
            s.push_str(&format!(
                "| {} | {:.3} | {} | `{}` |\n",
                w.row,
                w.probability,
                features_line(&w.features),
                cell(&w.excerpt)
            ));
        }
    }
    s.push('\n');
    s
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
            &mut |paragraph, label, values| {
                let mut record = vec![paragraph.id, paragraph.group, label.to_string()];
                record.extend(format_row(&values));
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
