//! Scoring articles and writing the results: per-paragraph probabilities with the evidence
//! behind them, and a verdict per article.
//!
//! # JSON Lines output (`--format jsonl`)
//!
//! One JSON object per line, in input order. Three record types; fields not listed here may
//! be added in later versions, the listed ones are stable.
//!
//! `{"type":"paragraph", ...}`, one per paragraph, before its article's record:
//! - `path` (string): the input path, `-` for standard input;
//! - `line` (integer): 1-based line of the input where the paragraph starts;
//! - `text` (string): the paragraph;
//! - `probability` (number in [0, 1]): probability of poor machine translation, the article
//!   context included ([`crate::article_context`]: raised when other paragraphs of its article
//!   are flagged);
//! - `flagged` (bool): judged and probability ≥ threshold;
//! - `judged` (bool): false for paragraphs too short to judge (navigation, bylines) and for
//!   those in a language other than French or English ([`crate::language`]);
//! - `language` (string, only on a paragraph left unjudged for its language): its ISO 639-3
//!   code (`"deu"`, `"spa"`);
//! - `evidence` (array): spans that fired, each
//!   `{"family", "feature", "match", "start", "end", "char_start", "char_end", "hint"}` with
//!   byte (`start`, `end`) and character (`char_start`, `char_end`) offsets into `text`, and
//!   `match` the exact text between them;
//! - `reasons` (array): the features that raised the probability most,
//!   `{"feature", "family", "value", "contribution"}`, `contribution` being the feature's term
//!   in the model's decision function (log-odds); the article context is listed among them as
//!   feature `article_context`, family `article`, its value the other paragraphs' average
//!   margin over the threshold and its contribution that times `--article-context`.
//!
//! `{"type":"article", ...}`, after its paragraphs: `path`, `paragraphs` (count), `judged`,
//! `flagged`, `score` (flagged share of judged paragraphs), `max_probability`, `threshold`,
//! `max_flagged_share`, `min_flagged`, `article_context` (the weight used), `verdict` (`"pass"`
//! or `"block"`) and `reason` (why, in words).
//!
//! `{"type":"error", "path", "message"}` for an input that could not be read.
//!
//! Worked example (one article of two paragraphs, abridged):
//! ```text
//! {"type":"paragraph","path":"a.txt","line":1,"text":"Yesterday, Putin a offert une voiture.","probability":0.97,"flagged":true,"judged":true,"evidence":[{"family":"anglicisms","feature":"anglicism_english","match":"Yesterday","start":0,"end":9,"char_start":0,"char_end":9,"hint":"English word; French: hier"}],"reasons":[{"feature":"anglicism_english","family":"anglicisms","value":0.69,"contribution":2.1}]}
//! {"type":"paragraph","path":"a.txt","line":3,"text":"Lire aussi","probability":0.12,"flagged":false,"judged":false,"evidence":[],"reasons":[]}
//! {"type":"article","path":"a.txt","paragraphs":2,"judged":1,"flagged":1,"score":1.0,"max_probability":0.97,"threshold":0.62,"max_flagged_share":0.2,"min_flagged":2,"article_context":0.4,"verdict":"block","reason":"1 of 1 judged paragraphs flagged (100%), over 20%"}
//! ```
//!
//! `--format json` writes the same records as one document:
//! `{"articles":[{...article, "paragraphs":[...]}], "errors":[{...}]}`, where an article's
//! `paragraphs` is the list of its paragraph records (empty for `gate` and `--quiet`, which
//! list none) and its count is `paragraph_count`.
//!
//! The `text` format is described in [`crate::text_report`], the `html` one in
//! [`crate::html_report`].

use std::io::Write;

use serde::Serialize;

use crate::article_context::{others_margins, with_context};
use crate::features::{extract_article, Feature, ParagraphFeatures, FEATURES};
use crate::html_report::{self, IndexEntry};
use crate::language::{other_language, RARE_SHARE_TO_IDENTIFY};
use crate::model::Model;
use crate::segment::Paragraph;
use crate::text_report::{self, Styles};

/// How paragraphs are judged and articles given a verdict.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreOptions {
    /// Probability at or above which a paragraph is flagged.
    pub threshold: f64,
    /// Paragraphs with fewer words are not judged.
    pub min_words: usize,
    /// An article is blocked when more than this share of its judged paragraphs is flagged,
    /// and at least `min_flagged` of them.
    pub max_flagged_share: f64,
    /// Fewest flagged paragraphs that block an article, or every judged one when it has fewer:
    /// 2 spares a human article its one false alarm, and a one-paragraph article can still be
    /// blocked.
    pub min_flagged: usize,
    /// Weight of the article context: the share of the other paragraphs' average margin over
    /// the threshold added to each paragraph's log-odds ([`crate::article_context`]); 0 scores
    /// every paragraph alone.
    pub article_context: f64,
}

/// Default `--min-words`.
pub const DEFAULT_MIN_WORDS: usize = 5;
/// Default `--max-flagged-share`.
pub const DEFAULT_MAX_FLAGGED_SHARE: f64 = 0.2;
/// Default `--min-flagged`: two flagged paragraphs block an article, or its only judged one.
/// On real web pages, a lone false alarm blocked far more human pages than a lone flag caught
/// machine-translated ones (the README's gate section gives the figures).
pub const DEFAULT_MIN_FLAGGED: usize = 2;

/// One piece of evidence, as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceReport {
    /// Signal family.
    pub family: &'static str,
    /// Feature name.
    pub feature: &'static str,
    /// The exact matched text.
    #[serde(rename = "match")]
    pub matched: String,
    /// Byte offset in the paragraph.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// Character offset in the paragraph.
    pub char_start: usize,
    /// Character offset just past the match.
    pub char_end: usize,
    /// Suggested French or explanation.
    pub hint: String,
}

/// A feature that raised the probability.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// Feature name.
    pub feature: &'static str,
    /// Signal family.
    pub family: &'static str,
    /// Feature value.
    pub value: f64,
    /// Its term in the decision function (log-odds).
    pub contribution: f64,
}

/// The result for one paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParagraphReport {
    /// 1-based line where the paragraph starts.
    pub line: usize,
    /// The paragraph.
    pub text: String,
    /// Probability of poor machine translation.
    pub probability: f64,
    /// Judged and at or over the threshold.
    pub flagged: bool,
    /// Long enough to judge, and in French or English.
    pub judged: bool,
    /// The ISO 639-3 code of a paragraph left unjudged because it is in another language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'static str>,
    /// Spans that fired.
    pub evidence: Vec<EvidenceReport>,
    /// Features that raised the probability most, largest first.
    pub reasons: Vec<Reason>,
}

/// Whether an article may be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Publishable.
    Pass,
    /// Too much of it reads as poor machine translation, or nothing could be judged.
    Block,
}

/// The result for one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleReport {
    /// Input path, `-` for standard input.
    pub path: String,
    /// Paragraph results, in order.
    pub paragraphs: Vec<ParagraphReport>,
    /// Number of judged paragraphs.
    pub judged: usize,
    /// Number of flagged paragraphs.
    pub flagged: usize,
    /// Flagged share of judged paragraphs (0 when none is judged).
    pub score: f64,
    /// Highest probability among judged paragraphs.
    pub max_probability: f64,
    /// Threshold used.
    pub threshold: f64,
    /// Largest flagged share that passes.
    pub max_flagged_share: f64,
    /// Fewest flagged paragraphs that block.
    pub min_flagged: usize,
    /// Weight of the article context.
    pub article_context: f64,
    /// Pass or block.
    pub verdict: Verdict,
    /// Why, in words.
    pub reason: String,
}

/// Character offsets of byte offsets, counted in one pass when the offsets come in increasing
/// order (evidence is sorted by start): counting from the paragraph's start for each span made
/// a long paragraph with many hits quadratic.
struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The character offset of a byte offset on a char boundary.
    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// Largest number of reasons listed per paragraph.
const MAX_REASONS: usize = 5;

/// Whether a paragraph is judged, and the language it is in when that is neither French nor
/// English: paragraphs under `min_words` words are not judged (navigation, bylines), nor are
/// those whatlang places in another language, which calque's features cannot read. Language ID
/// runs only where many words are rare in French and no sentence is English.
fn judge(
    text: &str,
    features: &ParagraphFeatures,
    min_words: usize,
) -> (bool, Option<&'static str>) {
    let long_enough = features.words >= min_words;
    let language = (long_enough
        && features.values[Feature::RareWordRate as usize] >= RARE_SHARE_TO_IDENTIFY
        && features.values[Feature::EnglishSentence as usize] == 0.0)
        .then(|| other_language(text))
        .flatten();
    (long_enough && language.is_none(), language)
}

/// An article's verdict and the reason for it in words, from its counts of judged and flagged
/// paragraphs and the languages of those left unjudged for their language (one entry each).
pub fn article_verdict(
    judged: usize,
    flagged: usize,
    languages: &[&str],
    options: &ScoreOptions,
) -> (Verdict, String) {
    if judged == 0 && !languages.is_empty() {
        let mut distinct = languages.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        return (
            Verdict::Block,
            format!(
                "{} paragraphs in a language other than French or English ({}), \
                 none in French of {} words or more: nothing to judge",
                languages.len(),
                distinct.join(", "),
                options.min_words
            ),
        );
    }
    if judged == 0 {
        return (
            Verdict::Block,
            format!(
                "no paragraph has {} words or more: nothing to judge",
                options.min_words
            ),
        );
    }
    let score = flagged as f64 / judged as f64;
    let share = format!(
        "{flagged} of {judged} judged paragraphs flagged ({:.0}%)",
        score * 100.0
    );
    let over = format!("{share}, over {:.0}%", options.max_flagged_share * 100.0);
    let min_flagged = options.min_flagged.min(judged);
    if score > options.max_flagged_share && flagged >= min_flagged {
        (Verdict::Block, over)
    } else if score > options.max_flagged_share {
        (
            Verdict::Pass,
            format!("{over}, but fewer than {min_flagged} flagged"),
        )
    } else {
        (
            Verdict::Pass,
            format!("{share}, at most {:.0}%", options.max_flagged_share * 100.0),
        )
    }
}

/// The features that raised a paragraph's probability most, largest first, the article
/// context among them when the other paragraphs stand `margin` over the threshold.
fn reasons(model: &Model, values: &[f64], margin: f64, weight: f64) -> Vec<Reason> {
    let mut reasons: Vec<Reason> = model
        .contributions(values)
        .iter()
        .enumerate()
        .filter(|&(i, &c)| c > 0.0 && values[i] != 0.0)
        .map(|(i, &c)| Reason {
            feature: FEATURES[i].name,
            family: FEATURES[i].family,
            value: values[i],
            contribution: c,
        })
        .collect();
    if margin > 0.0 && weight > 0.0 {
        reasons.push(article_context_reason(margin, weight));
    }
    reasons.sort_by(|a, b| b.contribution.total_cmp(&a.contribution));
    reasons.truncate(MAX_REASONS);
    reasons
}

/// The article context as a reason: named `article_context`, its value the other paragraphs'
/// average margin over the threshold in log-odds, its contribution that times the weight.
pub fn article_context_reason(margin: f64, weight: f64) -> Reason {
    Reason {
        feature: "article_context",
        family: "article",
        value: margin,
        contribution: weight * margin,
    }
}

/// How one paragraph of an article is judged and scored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judgement {
    /// Long enough to judge (`--min-words`), and in French or English.
    pub judged: bool,
    /// The language of a paragraph left unjudged for its language.
    pub language: Option<&'static str>,
    /// Probability of poor machine translation, the article context included.
    pub probability: f64,
    /// The other paragraphs' average margin over the threshold
    /// ([`crate::article_context::others_margins`]).
    pub margin: f64,
}

/// Judges and scores the paragraphs of one article, given each one's text and features: each
/// alone, then with what the others say ([`crate::article_context`]).
pub fn judge_article(
    model: &Model,
    paragraphs: &[(&str, &ParagraphFeatures)],
    options: &ScoreOptions,
) -> Vec<Judgement> {
    let log_odds: Vec<f64> = paragraphs
        .iter()
        .map(|(_, features)| model.log_odds(&features.values))
        .collect();
    let judgements: Vec<(bool, Option<&'static str>)> = paragraphs
        .iter()
        .map(|(text, features)| judge(text, features, options.min_words))
        .collect();
    let judged: Vec<bool> = judgements.iter().map(|&(judged, _)| judged).collect();
    let margins = others_margins(&log_odds, &judged, options.threshold);
    judgements
        .into_iter()
        .zip(log_odds.into_iter().zip(margins))
        .map(|((judged, language), (z, margin))| Judgement {
            judged,
            language,
            probability: with_context(z, margin, options.article_context),
            margin,
        })
        .collect()
}

/// Scores the paragraphs of one article.
pub fn score_article(
    model: &Model,
    path: &str,
    paragraphs: &[Paragraph],
    options: &ScoreOptions,
) -> ArticleReport {
    let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
    let features = extract_article(&texts);
    let judgements = judge_article(
        model,
        &texts.iter().copied().zip(&features).collect::<Vec<_>>(),
        options,
    );
    let mut reports = Vec::with_capacity(paragraphs.len());
    for ((paragraph, features), judgement) in paragraphs.iter().zip(features).zip(judgements) {
        let Judgement {
            judged,
            language,
            probability,
            margin,
        } = judgement;
        let reasons = reasons(model, &features.values, margin, options.article_context);
        let text = &paragraph.text;
        let mut offsets = CharOffsets::new(text);
        let evidence = features
            .evidence
            .into_iter()
            .map(|e| {
                let char_start = offsets.at(e.start);
                EvidenceReport {
                    family: e.family,
                    feature: e.feature,
                    matched: text[e.start..e.end].to_string(),
                    start: e.start,
                    end: e.end,
                    char_start,
                    char_end: char_start + text[e.start..e.end].chars().count(),
                    hint: e.hint,
                }
            })
            .collect();
        reports.push(ParagraphReport {
            line: paragraph.line,
            text: text.clone(),
            probability,
            flagged: judged && probability >= options.threshold,
            judged,
            language,
            evidence,
            reasons,
        });
    }
    let judged = reports.iter().filter(|p| p.judged).count();
    let flagged = reports.iter().filter(|p| p.flagged).count();
    let score = if judged == 0 {
        0.0
    } else {
        flagged as f64 / judged as f64
    };
    let max_probability = reports
        .iter()
        .filter(|p| p.judged)
        .map(|p| p.probability)
        .fold(0.0, f64::max);
    let languages: Vec<&str> = reports.iter().filter_map(|p| p.language).collect();
    let (verdict, reason) = article_verdict(judged, flagged, &languages, options);
    ArticleReport {
        path: path.to_string(),
        paragraphs: reports,
        judged,
        flagged,
        score,
        max_probability,
        threshold: options.threshold,
        max_flagged_share: options.max_flagged_share,
        min_flagged: options.min_flagged,
        article_context: options.article_context,
        verdict,
        reason,
    }
}

/// Output formats of `score` and `gate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people: flagged paragraphs with their evidence, and a verdict per article.
    Text,
    /// One JSON document.
    Json,
    /// JSON Lines, one record per paragraph, article and error.
    Jsonl,
    /// One CSV row per paragraph.
    Csv,
    /// One self-contained HTML page.
    Html,
}

/// How much of each article is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// `score`: paragraphs and the article's verdict.
    Paragraphs,
    /// `gate`: the verdict of every article.
    Verdicts,
    /// `gate --quiet`: the verdicts of blocked articles only.
    Blocked,
    /// `score --quiet`: no article at all, only the inputs that could not be read.
    Errors,
}

/// A paragraph as written in JSON: the fields of [`ParagraphReport`] after `type` and `path`,
/// listed here rather than flattened, since serde's flatten goes through a slow map.
#[derive(Serialize)]
struct ParagraphRecord<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    path: &'a str,
    line: usize,
    text: &'a str,
    probability: f64,
    flagged: bool,
    judged: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'static str>,
    evidence: &'a [EvidenceReport],
    reasons: &'a [Reason],
}

impl<'a> ParagraphRecord<'a> {
    fn new(path: &'a str, paragraph: &'a ParagraphReport) -> Self {
        ParagraphRecord {
            kind: "paragraph",
            path,
            line: paragraph.line,
            text: &paragraph.text,
            probability: paragraph.probability,
            flagged: paragraph.flagged,
            judged: paragraph.judged,
            language: paragraph.language,
            evidence: &paragraph.evidence,
            reasons: &paragraph.reasons,
        }
    }
}

/// The fields an article's record has in every JSON format.
#[derive(Serialize)]
struct ArticleVerdict<'a> {
    judged: usize,
    flagged: usize,
    score: f64,
    max_probability: f64,
    threshold: f64,
    max_flagged_share: f64,
    min_flagged: usize,
    article_context: f64,
    verdict: Verdict,
    reason: &'a str,
}

/// An article's record in JSON Lines: `paragraphs` is the count.
#[derive(Serialize)]
struct ArticleRecord<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    path: &'a str,
    paragraphs: usize,
    #[serde(flatten)]
    verdict: ArticleVerdict<'a>,
}

/// An article in the JSON document: `paragraphs` is the list of paragraph records (empty when
/// the command does not list them) and `paragraph_count` the count, so no key is written twice.
#[derive(Serialize)]
struct ArticleDocument<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    path: &'a str,
    paragraph_count: usize,
    #[serde(flatten)]
    verdict: ArticleVerdict<'a>,
    paragraphs: Vec<ParagraphRecord<'a>>,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    path: &'a str,
    message: &'a str,
}

fn verdict(article: &ArticleReport) -> ArticleVerdict<'_> {
    ArticleVerdict {
        judged: article.judged,
        flagged: article.flagged,
        score: article.score,
        max_probability: article.max_probability,
        threshold: article.threshold,
        max_flagged_share: article.max_flagged_share,
        min_flagged: article.min_flagged,
        article_context: article.article_context,
        verdict: article.verdict,
        reason: &article.reason,
    }
}

/// Writes article reports one at a time, in the chosen format.
pub struct ReportWriter<W: Write> {
    out: W,
    format: Format,
    detail: Detail,
    styles: Styles,
    articles_written: usize,
    /// The HTML page's index, written in its footer.
    index: Vec<IndexEntry>,
    errors: Vec<(String, String)>,
    /// JSON Lines gathered here and written to `out` a few at a time: serde_json writes many
    /// small pieces, each a call into `out` otherwise. Written out once over
    /// [`JSON_BUFFER_BYTES`], so a huge article does not hold its whole output.
    json: Vec<u8>,
}

/// Bytes of JSON Lines [`ReportWriter`] gathers before writing them out.
const JSON_BUFFER_BYTES: usize = 1 << 16;

/// Keeps the I/O error inside a serde_json error (a closed pipe stays a closed pipe).
fn json_error(e: serde_json::Error) -> std::io::Error {
    std::io::Error::from(e)
}

/// The `features` and `matches` columns of a CSV row, from `(feature, matched span)` pairs:
/// the names of the features that fired, a run of the same name written once, joined by `;`,
/// and the spans joined by ` | `.
pub fn evidence_columns<'a>(
    evidence: impl Iterator<Item = (&'a str, &'a str)>,
) -> (String, String) {
    let (mut features, mut matches) = (Vec::new(), Vec::new());
    for (feature, matched) in evidence {
        if features.last() != Some(&feature) {
            features.push(feature);
        }
        matches.push(matched);
    }
    (features.join(";"), matches.join(" | "))
}

/// Keeps the kind of the I/O error inside a csv error (a closed pipe stays a closed pipe).
pub fn csv_error(e: csv::Error) -> std::io::Error {
    let kind = match e.kind() {
        csv::ErrorKind::Io(io) => io.kind(),
        _ => std::io::ErrorKind::Other,
    };
    std::io::Error::new(kind, e)
}

impl<W: Write> ReportWriter<W> {
    /// A writer of `format` at the given `detail`; `color` styles the text format with
    /// terminal escape codes (the other formats never hold any).
    pub fn new(out: W, format: Format, detail: Detail, color: bool) -> std::io::Result<Self> {
        let mut writer = ReportWriter {
            out,
            format,
            detail,
            styles: Styles::new(color && format == Format::Text),
            articles_written: 0,
            index: Vec::new(),
            errors: Vec::new(),
            json: Vec::new(),
        };
        match format {
            Format::Json => writer.out.write_all(b"{\"articles\":[")?,
            Format::Csv => writer
                .out
                .write_all(b"path,line,probability,flagged,judged,features,matches,text\n")?,
            Format::Html => html_report::write_header(&mut writer.out)?,
            Format::Text | Format::Jsonl => {}
        }
        Ok(writer)
    }

    /// Writes one article (or nothing, when the detail leaves it out).
    pub fn article(&mut self, article: &ArticleReport) -> std::io::Result<()> {
        let wanted = match self.detail {
            Detail::Paragraphs | Detail::Verdicts => true,
            Detail::Blocked => article.verdict == Verdict::Block,
            Detail::Errors => false,
        };
        if !wanted {
            return Ok(());
        }
        let paragraphs = self.detail == Detail::Paragraphs;
        match self.format {
            Format::Jsonl => {
                if paragraphs {
                    for paragraph in &article.paragraphs {
                        let record = ParagraphRecord::new(&article.path, paragraph);
                        serde_json::to_writer(&mut self.json, &record).map_err(json_error)?;
                        self.json.push(b'\n');
                        if self.json.len() > JSON_BUFFER_BYTES {
                            self.out.write_all(&self.json)?;
                            self.json.clear();
                        }
                    }
                }
                let record = ArticleRecord {
                    kind: "article",
                    path: &article.path,
                    paragraphs: article.paragraphs.len(),
                    verdict: verdict(article),
                };
                serde_json::to_writer(&mut self.json, &record).map_err(json_error)?;
                self.json.push(b'\n');
                self.out.write_all(&self.json)?;
                self.json.clear();
            }
            Format::Json => {
                if self.articles_written > 0 {
                    self.out.write_all(b",")?;
                }
                let paragraph_list = if !paragraphs {
                    Vec::new()
                } else {
                    article
                        .paragraphs
                        .iter()
                        .map(|paragraph| ParagraphRecord::new(&article.path, paragraph))
                        .collect()
                };
                let document = ArticleDocument {
                    kind: "article",
                    path: &article.path,
                    paragraph_count: article.paragraphs.len(),
                    verdict: verdict(article),
                    paragraphs: paragraph_list,
                };
                serde_json::to_writer(&mut self.out, &document).map_err(json_error)?;
            }
            Format::Csv => {
                let mut csv = csv::Writer::from_writer(&mut self.out);
                for p in &article.paragraphs {
                    let (features, matches) = evidence_columns(
                        p.evidence.iter().map(|e| (e.feature, e.matched.as_str())),
                    );
                    csv.write_record([
                        article.path.as_str(),
                        &p.line.to_string(),
                        &format!("{:.4}", p.probability),
                        &p.flagged.to_string(),
                        &p.judged.to_string(),
                        &features,
                        &matches,
                        &p.text,
                    ])
                    .map_err(csv_error)?;
                }
                csv.flush()?;
            }
            Format::Text => {
                if paragraphs {
                    text_report::write_flagged(&mut self.out, article, &self.styles)?;
                }
                text_report::write_verdict(&mut self.out, article, &self.styles)?;
            }
            Format::Html => {
                html_report::write_article(&mut self.out, article, self.articles_written + 1)?;
                self.index.push(IndexEntry {
                    path: article.path.clone(),
                    verdict: article.verdict,
                    reason: article.reason.clone(),
                });
            }
        }
        self.articles_written += 1;
        Ok(())
    }

    /// Records an input that could not be read.
    pub fn error(&mut self, path: &str, message: &str) -> std::io::Result<()> {
        if self.format == Format::Jsonl {
            let record = ErrorRecord {
                kind: "error",
                path,
                message,
            };
            serde_json::to_writer(&mut self.out, &record).map_err(json_error)?;
            self.out.write_all(b"\n")?;
        }
        self.errors.push((path.to_string(), message.to_string()));
        Ok(())
    }

    /// Closes the output (the JSON document and the HTML page need their end).
    pub fn finish(mut self) -> std::io::Result<W> {
        if self.format == Format::Html {
            html_report::write_footer(&mut self.out, &self.index, &self.errors)?;
        }
        if self.format == Format::Json {
            self.out.write_all(b"],\"errors\":[")?;
            for (i, (path, message)) in self.errors.iter().enumerate() {
                if i > 0 {
                    self.out.write_all(b",")?;
                }
                let record = ErrorRecord {
                    kind: "error",
                    path,
                    message,
                };
                serde_json::to_writer(&mut self.out, &record).map_err(json_error)?;
            }
            self.out.write_all(b"]}\n")?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs;

    fn options() -> ScoreOptions {
        ScoreOptions {
            threshold: 0.5,
            min_words: DEFAULT_MIN_WORDS,
            max_flagged_share: DEFAULT_MAX_FLAGGED_SHARE,
            min_flagged: DEFAULT_MIN_FLAGGED,
            article_context: crate::article_context::DEFAULT_WEIGHT,
        }
    }

    /// An article of two paragraphs: one full of English traces, then one of clean French.
    fn slip_then_clean() -> Vec<Paragraph> {
        paragraphs(
            "Yesterday, Putin a rencontré son adviseur au Kremlin pour la réunion.\n\n\
             Le ministre a présenté son budget devant les députés de la commission.",
        )
    }

    #[test]
    fn a_paragraph_among_flagged_ones_is_raised_and_told_why() {
        let model = Model::default_model().unwrap();
        let article = slip_then_clean();
        let alone = ScoreOptions {
            article_context: 0.0,
            ..options()
        };
        let plain = score_article(&model, "a.txt", &article, &alone);
        let raised = score_article(&model, "a.txt", &article, &options());
        // The clean paragraph lends nothing: the flagged one keeps its probability.
        assert_eq!(
            raised.paragraphs[0].probability,
            plain.paragraphs[0].probability
        );
        assert!(raised.paragraphs[1].probability > plain.paragraphs[1].probability);
        assert_eq!(raised.paragraphs[1].reasons[0].feature, "article_context");
        assert!(plain.paragraphs[1]
            .reasons
            .iter()
            .all(|r| r.feature != "article_context"));
        assert_eq!(raised.article_context, options().article_context);
    }

    #[test]
    fn an_article_is_blocked_only_with_enough_flagged_paragraphs() {
        let model = Model::default_model().unwrap();
        let article = slip_then_clean();
        let spared = score_article(&model, "a.txt", &article, &options());
        assert_eq!((spared.judged, spared.flagged), (2, 1));
        assert_eq!(spared.verdict, Verdict::Pass);
        assert!(
            spared.reason.ends_with("but fewer than 2 flagged"),
            "{}",
            spared.reason
        );
        let one = ScoreOptions {
            min_flagged: 1,
            ..options()
        };
        let blocked = score_article(&model, "a.txt", &article, &one);
        assert_eq!(blocked.verdict, Verdict::Block);
        assert!(blocked.reason.ends_with("over 20%"), "{}", blocked.reason);
        let alone = score_article(&model, "a.txt", &article[..1], &options());
        assert_eq!((alone.judged, alone.flagged), (1, 1));
        assert_eq!(alone.verdict, Verdict::Block, "{}", alone.reason);
    }

    #[test]
    fn short_paragraphs_are_not_judged_and_nothing_judged_blocks() {
        let model = Model::default_model().unwrap();
        let report = score_article(
            &model,
            "a.txt",
            &paragraphs("Lire aussi\n\nPartager"),
            &options(),
        );
        assert_eq!(report.judged, 0);
        assert!(report.paragraphs.iter().all(|p| !p.flagged && !p.judged));
        assert_eq!(report.verdict, Verdict::Block);
        assert!(report.reason.contains("nothing to judge"));
    }

    #[test]
    fn paragraphs_in_another_language_are_not_judged_and_an_article_of_them_blocks() {
        let model = Model::default_model().unwrap();
        let german = "Der Präsident traf am Montag seine Berater, um den Haushalt zu \
                      besprechen.\n\nDas Treffen dauerte drei Stunden und endete ohne Einigung.";
        let report = score_article(&model, "a.txt", &paragraphs(german), &options());
        let languages: Vec<Option<&str>> = report.paragraphs.iter().map(|p| p.language).collect();
        assert_eq!(languages, vec![Some("deu"), Some("deu")]);
        assert_eq!(report.judged, 0);
        assert_eq!(report.verdict, Verdict::Block);
        assert!(
            report
                .reason
                .contains("language other than French or English (deu)"),
            "{}",
            report.reason
        );
        let mixed = format!(
            "Le président a reçu lundi ses conseillers pour parler du budget de l'an \
             prochain.\n\n{german}"
        );
        let report = score_article(&model, "a.txt", &paragraphs(&mixed), &options());
        assert_eq!((report.judged, report.paragraphs.len()), (1, 3));
        assert_eq!(report.paragraphs[0].language, None);
        assert_eq!(report.verdict, Verdict::Pass);
    }

    #[test]
    fn evidence_offsets_point_at_the_match() {
        let model = Model::default_model().unwrap();
        let text =
            "Hier, l'adviseur de Putin a rencontré le ministre à Moscou pour parler d'énergie.";
        let report = score_article(&model, "a.txt", &paragraphs(text), &options());
        let paragraph = &report.paragraphs[0];
        assert!(!paragraph.evidence.is_empty());
        for e in &paragraph.evidence {
            assert_eq!(&paragraph.text[e.start..e.end], e.matched);
            let by_chars: String = paragraph
                .text
                .chars()
                .skip(e.char_start)
                .take(e.char_end - e.char_start)
                .collect();
            assert_eq!(by_chars, e.matched);
        }
    }

    #[test]
    fn char_offsets_match_counting_from_the_start_in_any_order() {
        let text = "« Été » à Noël, 🙂 fin";
        let mut boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        boundaries.push(text.len());
        let backwards: Vec<usize> = boundaries.iter().rev().copied().collect();
        let mut offsets = CharOffsets::new(text);
        for byte in boundaries.into_iter().chain(backwards) {
            assert_eq!(offsets.at(byte), crate::segment::char_offset(text, byte));
        }
    }

    #[test]
    fn json_document_parses() {
        let model = Model::default_model().unwrap();
        let report = score_article(
            &model,
            "a.txt",
            &paragraphs("Yesterday, le président est venu à Paris."),
            &options(),
        );
        let mut writer =
            ReportWriter::new(Vec::new(), Format::Json, Detail::Paragraphs, false).unwrap();
        writer.article(&report).unwrap();
        writer.error("b.txt", "missing").unwrap();
        let bytes = writer.finish().unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(value["articles"][0]["paragraphs"][0]["type"], "paragraph");
        assert_eq!(value["errors"][0]["path"], "b.txt");
    }
}
