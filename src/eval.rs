//! `calque eval`: a model's metrics on labeled data, the rate at which each signal family fires
//! on each label, and the paragraphs it gets most wrong. The data is read article by article
//! and each row's text dropped once counted, so evaluating a large CSV needs little memory.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::commands::{load_model, metrics_line, stdout_error, VerdictArgs};
use crate::dataset::{featurize_articles, LabeledParagraph};
use crate::error::Result;
use crate::features::{extract_article, Evidence, ParagraphFeatures, FEATURES};
use crate::metrics::{roc_auc_interval, threshold_for_false_positive_rate, AucInterval, Metrics};
use crate::model::Model;
use crate::progress;
use crate::report::{
    article_context_reason, article_verdict, csv_error, evidence_columns, judge_article, Judgement,
    Reason, ScoreOptions, Verdict,
};

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
    /// One CSV row per paragraph, written as the rows are read, and no summary: its id, label
    /// (and `--by` value), probability, whether it is flagged, and the features and spans that
    /// fired, to join with the labeled data or sort.
    Csv,
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
    /// Threshold and the gate's options, for the verdict on each article of the data (rows
    /// sharing `doc`), which also lend each other their margins over the threshold.
    pub verdict: VerdictArgs,
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
    fn of(rows: &[usize], kept: &Kept, threshold: f64) -> Self {
        let p: Vec<f64> = rows.iter().map(|&i| kept.probabilities[i]).collect();
        let l: Vec<u8> = rows.iter().map(|&i| kept.labels[i]).collect();
        let g: Vec<String> = rows.iter().map(|&i| kept.groups[i].clone()).collect();
        Subset {
            metrics: Metrics::compute(&p, &l, threshold),
            roc_auc_interval: roc_auc_interval(&p, &l, &g),
        }
    }
}

/// A share as a percentage, without trailing zeros: "0.5%", "2%".
fn percent(share: f64) -> String {
    format!("{}%", share * 100.0)
}

/// "0.851–0.991 over 5 groups", or "n/a".
fn interval_text(interval: Option<&AucInterval>) -> String {
    interval.map_or("n/a".to_string(), |i| {
        format!("{:.3}–{:.3} over {} groups", i.low, i.high, i.groups)
    })
}

/// Shares of human paragraphs a gate may be allowed to flag, for which `eval` gives the
/// threshold to pass to `--threshold` and what share of machine translation it then catches.
const HUMAN_FLAGGED_TARGETS: [f64; 5] = [0.005, 0.01, 0.02, 0.05, 0.10];

/// A threshold chosen on the data for a share of human paragraphs flagged.
#[derive(Serialize)]
struct OperatingPoint {
    /// The share of label-0 paragraphs asked for, at most.
    max_label_0_flagged: f64,
    /// The lowest threshold of four decimals that keeps to it (1 when none does).
    threshold: f64,
    /// The share of label-0 paragraphs flagged at that threshold.
    label_0_flagged: f64,
    /// The share of label-1 paragraphs flagged at that threshold.
    recall: f64,
}

impl OperatingPoint {
    /// The point as printed: the share asked for, the threshold, the shares flagged.
    fn cells(&self) -> [String; 4] {
        [
            percent(self.max_label_0_flagged),
            format!("{:.4}", self.threshold),
            format!("{:.1}%", self.label_0_flagged * 100.0),
            format!("{:.1}%", self.recall * 100.0),
        ]
    }
}

/// One [`OperatingPoint`] per share of [`HUMAN_FLAGGED_TARGETS`]; none unless the data has
/// both labels. Thresholds are rounded up to four decimals, as they are printed, so that
/// passing the printed figure to `--threshold` flags exactly what is reported.
fn operating_points(probabilities: &[f64], labels: &[u8]) -> Vec<OperatingPoint> {
    if !labels.contains(&0) || !labels.contains(&1) {
        return Vec::new();
    }
    HUMAN_FLAGGED_TARGETS
        .iter()
        .map(|&share| {
            let exact = threshold_for_false_positive_rate(probabilities, labels, share, 0.0);
            let threshold = ((exact * 1e4).ceil() / 1e4).min(1.0);
            let metrics = Metrics::compute(probabilities, labels, threshold);
            OperatingPoint {
                max_label_0_flagged: share,
                threshold,
                label_0_flagged: metrics.false_positive_rate,
                recall: metrics.recall,
            }
        })
        .collect()
}

#[derive(Serialize)]
struct EvalReport {
    #[serde(flatten)]
    all: Subset,
    /// `--article-context` used: rows sharing `doc` raise each other's probability.
    article_context: f64,
    /// Thresholds for shares of human paragraphs flagged, on all rows.
    operating_points: Vec<OperatingPoint>,
    /// The gate's verdicts on the articles of the data, when its rows have a `doc`.
    #[serde(skip_serializing_if = "Option::is_none")]
    articles: Option<ArticleRates>,
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

/// What `eval` keeps of each row once its features are out: enough for the metrics, never the
/// text, so that memory grows by a few bytes a row however long the paragraphs.
#[derive(Default)]
struct Kept {
    probabilities: Vec<f64>,
    labels: Vec<u8>,
    groups: Vec<String>,
    /// Value of the `--by` column.
    breakdown: Vec<String>,
}

/// How many articles of one kind the data holds, and how many the gate blocks.
#[derive(Debug, Default, Clone, Copy, PartialEq, Serialize)]
pub struct ArticleCount {
    /// Articles of this kind.
    pub articles: usize,
    /// Of those, the ones `gate` would block.
    pub blocked: usize,
}

/// The gate's verdict on the articles of the data (rows sharing `doc`), as `gate` would give
/// it with the same options: how a threshold and gate options fare on whole articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRates {
    /// `--max-flagged-share` used.
    pub max_flagged_share: f64,
    /// `--min-flagged` used.
    pub min_flagged: usize,
    /// `--min-words` used.
    pub min_words: usize,
    /// `--article-context` used.
    pub article_context: f64,
    /// Articles whose rows are all label 0.
    pub human: ArticleCount,
    /// Articles whose rows are all label 1.
    pub machine: ArticleCount,
    /// Articles with rows of both labels.
    pub mixed: ArticleCount,
}

impl ArticleRates {
    /// No article counted yet, with the options the verdicts are given with.
    fn new(options: &ScoreOptions) -> Self {
        ArticleRates {
            max_flagged_share: options.max_flagged_share,
            min_flagged: options.min_flagged,
            min_words: options.min_words,
            article_context: options.article_context,
            human: ArticleCount::default(),
            machine: ArticleCount::default(),
            mixed: ArticleCount::default(),
        }
    }

    /// Counts the verdict on one article, given each row's label, whether it has a `doc`, and
    /// its judgement. A row without a `doc` is an article of its own, and is not counted.
    fn add(&mut self, rows: &[(u8, bool, Judgement)], options: &ScoreOptions) {
        if rows.is_empty() || !rows.iter().all(|&(_, has_doc, _)| has_doc) {
            return;
        }
        let judged = rows.iter().filter(|(_, _, j)| j.judged).count();
        let flagged = rows
            .iter()
            .filter(|(_, _, j)| j.judged && j.probability >= options.threshold)
            .count();
        let languages: Vec<&str> = rows.iter().filter_map(|(_, _, j)| j.language).collect();
        let (verdict, _) = article_verdict(judged, flagged, &languages, options);
        let count = if rows.iter().all(|&(label, _, _)| label == 0) {
            &mut self.human
        } else if rows.iter().all(|&(label, _, _)| label == 1) {
            &mut self.machine
        } else {
            &mut self.mixed
        };
        count.articles += 1;
        count.blocked += usize::from(verdict == Verdict::Block);
    }

    /// The counts, or `None` when the data held no article with a `doc`.
    fn counted(self) -> Option<Self> {
        let total = self.human.articles + self.machine.articles + self.mixed.articles;
        (total > 0).then_some(self)
    }

    /// One row per kind of article, as printed: what it is, how many, how many blocked (and
    /// their share).
    fn rows(&self) -> [[String; 3]; 3] {
        [
            ("human (every row label 0)", self.human),
            ("machine-translated (every row label 1)", self.machine),
            ("mixed (rows of both labels)", self.mixed),
        ]
        .map(|(kind, count)| {
            let share = if count.articles == 0 {
                "-".to_string()
            } else {
                format!(
                    "{:.1}%",
                    100.0 * count.blocked as f64 / count.articles as f64
                )
            };
            [
                kind.to_string(),
                count.articles.to_string(),
                format!("{} ({share})", count.blocked),
            ]
        })
    }

    /// The gate options, as they are written on the command line.
    fn options_text(&self) -> String {
        format!(
            "--max-flagged-share {}, --min-flagged {}, --min-words {}, --article-context {}",
            self.max_flagged_share, self.min_flagged, self.min_words, self.article_context
        )
    }
}

/// Evaluates a model on labeled data, reading it article by article.
pub fn eval(args: &EvalArgs, out: &mut dyn Write) -> Result<Metrics> {
    let model = load_model(args.model.as_deref())?;
    let options = args.verdict.options(&model)?;
    let threshold = options.threshold;
    if args.format == EvalFormat::Csv {
        return eval_rows(args, &model, &options, out);
    }
    let markdown_excerpts = args.format == EvalFormat::Markdown;
    let mut kept = Kept::default();
    let mut families = FamilyTally::default();
    let mut families_by: BTreeMap<String, FamilyTally> = BTreeMap::new();
    let mut worst = [
        Worst::new(0, args.worst, threshold),
        Worst::new(1, args.worst, threshold),
    ];
    let mut articles = ArticleRates::new(&options);
    each_article(args, &model, &options, &mut |article| {
        let verdict_rows: Vec<(u8, bool, Judgement)> = article
            .iter()
            .map(|row| (row.label, row.paragraph.doc.is_some(), row.judgement))
            .collect();
        articles.add(&verdict_rows, &options);
        for row in article {
            let (label, probability) = (row.label, row.judgement.probability);
            let paragraph = &row.paragraph;
            let number = kept.labels.len() + 1;
            // Each paragraph is taken alone here, so the family rates do not depend on how a
            // file groups rows into articles.
            let alone = extract_article(&[&paragraph.text]).remove(0);
            families.add(&paragraph.text, &alone.evidence, label);
            let by = paragraph.breakdown.clone().unwrap_or_default();
            if args.by.is_some() {
                families_by.entry(by.clone()).or_default().add(
                    &paragraph.text,
                    &alone.evidence,
                    label,
                );
            }
            worst[usize::from(label)].offer(probability, || {
                misjudged(
                    &model,
                    number,
                    &row,
                    options.article_context,
                    markdown_excerpts,
                )
            });
            kept.probabilities.push(probability);
            kept.labels.push(label);
            kept.groups.push(row.paragraph.group);
            kept.breakdown.push(by);
        }
        Ok(())
    })?;
    let all_rows: Vec<usize> = (0..kept.labels.len()).collect();
    let all = Subset::of(&all_rows, &kept, threshold);
    let metrics = all.metrics.clone();
    let mut by = BTreeMap::new();
    for value in families_by.keys() {
        let rows: Vec<usize> = (0..kept.labels.len())
            .filter(|&i| &kept.breakdown[i] == value)
            .collect();
        by.insert(value.clone(), Subset::of(&rows, &kept, threshold));
    }
    let [worst_false_positives, worst_false_negatives] = worst.map(|w| w.list);
    let report = EvalReport {
        all,
        article_context: options.article_context,
        operating_points: operating_points(&kept.probabilities, &kept.labels),
        articles: articles.counted(),
        by,
        families: families.rates(),
        families_by: families_by
            .into_iter()
            .map(|(value, tally)| (value, tally.rates()))
            .collect(),
        worst_false_positives,
        worst_false_negatives,
    };
    let text = match args.format {
        EvalFormat::Json => {
            let mut s = serde_json::to_string_pretty(&report).expect("metrics serialise");
            s.push('\n');
            s
        }
        EvalFormat::Text => eval_text(&report, args.color),
        EvalFormat::Markdown => markdown(&args.data, &report),
        EvalFormat::Csv => unreachable!("written row by row by eval_rows"),
    };
    out.write_all(text.as_bytes()).map_err(stdout_error)?;
    Ok(metrics)
}

/// A row of `--data` with its probability in its article, as `score` gives it.
struct ContextRow {
    paragraph: LabeledParagraph,
    label: u8,
    features: ParagraphFeatures,
    /// Whether `score` judges the row, and its probability in its article.
    judgement: Judgement,
}

/// Hands the rows of each article of `--data` to `on_article`, each with its probability as
/// `score` gives it (article context included), with a row counter on standard error.
fn each_article(
    args: &EvalArgs,
    model: &Model,
    options: &ScoreOptions,
    on_article: &mut dyn FnMut(Vec<ContextRow>) -> Result<()>,
) -> Result<()> {
    let counter = progress::counter("extracting features:", "rows", args.progress);
    featurize_articles(&args.data, args.by.as_deref(), args.jobs, &mut |article| {
        counter.inc(article.len() as u64);
        let judgements = judge_article(
            model,
            &article
                .iter()
                .map(|(paragraph, _, features)| (paragraph.text.as_str(), features))
                .collect::<Vec<_>>(),
            options,
        );
        let rows = article
            .into_iter()
            .zip(judgements)
            .map(|((paragraph, label, features), judgement)| ContextRow {
                paragraph,
                label,
                features,
                judgement,
            })
            .collect();
        on_article(rows)
    })?;
    counter.finish_and_clear();
    Ok(())
}

/// `eval --format csv`: one row per paragraph as it is read, so memory stays flat whatever the
/// size of the data. Returns the metrics without their bootstrap interval.
fn eval_rows(
    args: &EvalArgs,
    model: &Model,
    options: &ScoreOptions,
    out: &mut dyn Write,
) -> Result<Metrics> {
    let threshold = options.threshold;
    let mut csv = csv::Writer::from_writer(out);
    let io = |e: csv::Error| stdout_error(csv_error(e));
    let mut header = vec!["id", "label"];
    header.extend(args.by.as_deref());
    header.extend(["probability", "flagged", "features", "matches"]);
    csv.write_record(&header).map_err(io)?;
    let (mut probabilities, mut labels) = (Vec::new(), Vec::new());
    each_article(args, model, options, &mut |article| {
        for row in article {
            let ContextRow {
                paragraph,
                label,
                features,
                judgement,
            } = row;
            let probability = judgement.probability;
            let (fired, matches) = evidence_columns(
                features
                    .evidence
                    .iter()
                    .map(|e| (e.feature, &paragraph.text[e.start..e.end])),
            );
            let mut record = vec![paragraph.id.clone(), label.to_string()];
            if args.by.is_some() {
                record.push(paragraph.breakdown.clone().unwrap_or_default());
            }
            record.extend([
                format!("{probability:.4}"),
                (probability >= threshold).to_string(),
                fired,
                matches,
            ]);
            csv.write_record(&record).map_err(io)?;
            probabilities.push(probability);
            labels.push(label);
        }
        Ok(())
    })?;
    csv.flush().map_err(stdout_error)?;
    Ok(Metrics::compute(&probabilities, &labels, threshold))
}

/// The `count` misjudged paragraphs of one label that the model got most wrong, gathered as
/// the rows stream by: label-0 paragraphs flagged, highest probability first, or label-1
/// paragraphs missed, lowest first; rows of equal probability in data order.
struct Worst {
    label: u8,
    count: usize,
    threshold: f64,
    list: Vec<Misjudged>,
}

impl Worst {
    fn new(label: u8, count: usize, threshold: f64) -> Self {
        Worst {
            label,
            count,
            threshold,
            list: Vec::new(),
        }
    }

    /// Takes the row `describe` tells of when it is a mistake among the worst so far.
    fn offer(&mut self, probability: f64, describe: impl FnOnce() -> Misjudged) {
        let mistake = (probability >= self.threshold) == (self.label == 0);
        if !mistake || self.count == 0 {
            return;
        }
        let at = self.list.partition_point(|m| {
            let order = m.probability.total_cmp(&probability);
            if self.label == 0 {
                order.is_ge()
            } else {
                order.is_le()
            }
        });
        if at < self.count {
            self.list.insert(at, describe());
            self.list.truncate(self.count);
        }
    }
}

/// A misjudged row, with the features (the article context among them) that pushed most toward
/// the mistake.
fn misjudged(
    model: &Model,
    number: usize,
    row: &ContextRow,
    weight: f64,
    short: bool,
) -> Misjudged {
    let (label, values) = (row.label, &row.features.values);
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
    let margin = row.judgement.margin;
    if toward_error(weight * margin) > 0.0 {
        features.push(article_context_reason(margin, weight));
    }
    features.sort_by(|a, b| toward_error(b.contribution).total_cmp(&toward_error(a.contribution)));
    features.truncate(MISJUDGED_FEATURES);
    Misjudged {
        id: row.paragraph.id.clone(),
        row: number,
        label,
        probability: row.judgement.probability,
        features,
        excerpt: if short {
            short_match(&row.paragraph.text)
        } else {
            excerpt(&row.paragraph.text, EXCERPT_CHARS)
        },
    }
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
        "{heading}{} paragraphs{heading:#} ({} label 1), threshold {:.4}, article context {}\n",
        m.rows, m.positives, m.threshold, report.article_context
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
    if !report.operating_points.is_empty() {
        s.push_str(&format!(
            "\n{heading}thresholds for a share of human paragraphs flagged{heading:#} (pass one to --threshold)\n  at most  threshold  human flagged  machine flagged\n"
        ));
        for point in &report.operating_points {
            let [share, threshold, human, machine] = point.cells();
            s.push_str(&format!(
                "  {share:>6}  {number}{threshold:>9}{number:#}  {human:>13}  {machine:>15}\n"
            ));
        }
    }
    if let Some(articles) = &report.articles {
        s.push_str(&format!(
            "\n{heading}articles (rows sharing doc) as gate would judge them{heading:#} ({})\n",
            articles.options_text()
        ));
        for [kind, count, blocked] in articles.rows() {
            s.push_str(&format!(
                "  {kind:<40} {count:>6} articles, blocked {number}{blocked}{number:#}\n"
            ));
        }
    }
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

/// How often each family fires on each label, and what it matched on label-0 paragraphs.
struct FamilyTally {
    families: Vec<&'static str>,
    /// Paragraphs where each family fired, by label.
    fired: Vec<[usize; 2]>,
    /// Paragraphs of each label.
    rows: [usize; 2],
    /// Matches on label-0 paragraphs (cut by [`short_match`]), with counts, per family.
    alarms: Vec<BTreeMap<String, usize>>,
}

impl Default for FamilyTally {
    fn default() -> Self {
        let mut families: Vec<&'static str> = FEATURES.iter().map(|f| f.family).collect();
        families.dedup();
        FamilyTally {
            fired: vec![[0; 2]; families.len()],
            alarms: vec![BTreeMap::new(); families.len()],
            rows: [0; 2],
            families,
        }
    }
}

impl FamilyTally {
    /// Counts one paragraph and the evidence found in it.
    fn add(&mut self, text: &str, evidence: &[Evidence], label: u8) {
        let label = usize::from(label);
        self.rows[label] += 1;
        for (k, family) in self.families.iter().enumerate() {
            let mut hits = evidence.iter().filter(|e| e.family == *family).peekable();
            if hits.peek().is_none() {
                continue;
            }
            self.fired[k][label] += 1;
            if label == 0 {
                for e in hits {
                    *self.alarms[k]
                        .entry(short_match(&text[e.start..e.end]))
                        .or_default() += 1;
                }
            }
        }
    }

    /// Firing rates on each label, and the five commonest false alarms per family.
    fn rates(self) -> Vec<FamilyRate> {
        let humans = self.rows[0].max(1) as f64;
        let machines = self.rows[1].max(1) as f64;
        self.families
            .iter()
            .zip(self.fired)
            .zip(self.alarms)
            .map(|((&family, fired), alarms)| {
                let mut top: Vec<(String, usize)> = alarms.into_iter().collect();
                top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                top.truncate(5);
                FamilyRate {
                    family,
                    human: fired[0] as f64 / humans,
                    machine: fired[1] as f64 / machines,
                    false_alarms: top,
                }
            })
            .collect()
    }
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
    s.push_str(&format!(
        "\nThreshold {:.4}; article context {} (rows sharing `doc` are one article).\n\n",
        m.threshold, report.article_context
    ));
    s.push_str("| all rows | flagged | not flagged |\n|---|---|---|\n");
    s.push_str(&format!(
        "| label 1 | {} | {} |\n| label 0 | {} | {} |\n\n",
        m.true_positives, m.false_negatives, m.false_positives, m.true_negatives
    ));
    if !report.operating_points.is_empty() {
        s.push_str("Thresholds chosen on these rows for a share of human paragraphs flagged:\n\n");
        s.push_str("| human flagged, at most | threshold | human flagged | machine flagged |\n|---|---|---|---|\n");
        for point in &report.operating_points {
            s.push_str(&format!("| {} |\n", point.cells().join(" | ")));
        }
        s.push('\n');
    }
    if let Some(articles) = &report.articles {
        s.push_str(&format!(
            "Articles (rows sharing `doc`) as `gate` would judge them ({}):\n\n",
            articles.options_text()
        ));
        s.push_str("| articles | count | blocked |\n|---|---|---|\n");
        for row in articles.rows() {
            s.push_str(&format!("| {} |\n", row.join(" | ")));
        }
        s.push('\n');
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_kept(label: u8, count: usize, probabilities: &[f64]) -> Vec<usize> {
        let mut worst = Worst::new(label, count, 0.5);
        for (i, &probability) in probabilities.iter().enumerate() {
            worst.offer(probability, || Misjudged {
                id: format!("r{}", i + 1),
                row: i + 1,
                label,
                probability,
                features: Vec::new(),
                excerpt: String::new(),
            });
        }
        worst.list.iter().map(|m| m.row).collect()
    }

    #[test]
    fn articles_are_counted_by_their_labels_and_rows_without_doc_make_none() {
        // Articles: two human rows (one flagged), two machine rows (both flagged), a mixed
        // pair (both flagged), one row without a doc, and a machine row too short to judge.
        let options = ScoreOptions {
            threshold: 0.5,
            min_words: 5,
            max_flagged_share: 0.2,
            min_flagged: 2,
            article_context: crate::article_context::DEFAULT_WEIGHT,
        };
        let row = |label: u8, has_doc: bool, judged: bool, probability: f64| {
            let judgement = Judgement {
                judged,
                language: None,
                probability,
                margin: 0.0,
            };
            (label, has_doc, judgement)
        };
        let articles = [
            vec![row(0, true, true, 0.9), row(0, true, true, 0.1)],
            vec![row(1, true, true, 0.9), row(1, true, true, 0.8)],
            vec![row(0, true, true, 0.9), row(1, true, true, 0.9)],
            vec![row(1, false, true, 0.9)],
            vec![row(1, true, false, 0.9)],
        ];
        let mut rates = ArticleRates::new(&options);
        for article in &articles {
            rates.add(article, &options);
        }
        let rates = rates.counted().unwrap();
        let count = |articles, blocked| ArticleCount { articles, blocked };
        assert_eq!(rates.human, count(1, 0));
        // The unjudged row is an article with nothing to judge: blocked, as `gate` does.
        assert_eq!(rates.machine, count(2, 2));
        assert_eq!(rates.mixed, count(1, 1));
        let mut no_doc = ArticleRates::new(&options);
        for article in &articles {
            let without: Vec<_> = article.iter().map(|&(l, _, j)| (l, false, j)).collect();
            no_doc.add(&without, &options);
        }
        assert_eq!(no_doc.counted(), None);
    }

    #[test]
    fn operating_points_keep_to_each_share_of_human_paragraphs_at_a_printable_threshold() {
        let mut probabilities: Vec<f64> = (1..=20).map(|i| f64::from(i) / 100.0).collect();
        let mut labels = vec![0u8; 20];
        probabilities.extend([0.5, 0.15, 0.05]);
        labels.extend([1, 1, 1]);
        let points = operating_points(&probabilities, &labels);
        let got: Vec<(f64, f64, f64)> = points
            .iter()
            .map(|p| (p.threshold, p.label_0_flagged, p.recall))
            .collect();
        let one = 1.0 / 3.0;
        assert_eq!(
            got,
            vec![
                (0.2001, 0.0, one),
                (0.2001, 0.0, one),
                (0.2001, 0.0, one),
                (0.1901, 0.05, one),
                (0.1801, 0.1, one),
            ]
        );
        assert!(operating_points(&[0.2, 0.9], &[0, 0]).is_empty());
        let all_high = operating_points(&[1.0, 1.0, 0.3], &[0, 1, 1]);
        assert_eq!(all_high[0].threshold, 1.0);
        assert_eq!(
            (all_high[0].label_0_flagged, all_high[0].recall),
            (1.0, 0.5)
        );
    }

    #[test]
    fn worst_false_positives_are_the_highest_flagged_label_0_rows_in_data_order() {
        let probabilities = [0.6, 0.9, 0.6, 0.4, 0.9, 0.5];
        assert_eq!(rows_kept(0, 2, &probabilities), vec![2, 5]);
        assert_eq!(rows_kept(0, 4, &probabilities), vec![2, 5, 1, 3]);
        assert_eq!(rows_kept(0, 9, &probabilities), vec![2, 5, 1, 3, 6]);
        assert_eq!(rows_kept(0, 0, &probabilities), Vec::<usize>::new());
    }

    #[test]
    fn worst_false_negatives_are_the_lowest_missed_label_1_rows_in_data_order() {
        let probabilities = [0.3, 0.1, 0.3, 0.7, 0.5, 0.1];
        assert_eq!(rows_kept(1, 3, &probabilities), vec![2, 6, 1]);
        assert_eq!(rows_kept(1, 9, &probabilities), vec![2, 6, 1, 3]);
    }
}
