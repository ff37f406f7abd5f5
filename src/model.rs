//! The logistic model: standardise, fit with linfa-logistic, predict, save and load.
//!
//! The model file is calque's own JSON (not linfa's serde form), so it can be read by people
//! and other tools: format name and version, feature names in order, standardisation means and
//! scales, one weight per feature, the intercept, the decision threshold, the positive label and
//! a training summary. Scoring computes `sigmoid(b + Σ wᵢ·zᵢ)` itself, where `zᵢ` is the
//! standardised feature, so each term `wᵢ·zᵢ` explains the probability.

use std::path::Path;

use linfa::prelude::*;
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2, ShapeBuilder};
use serde::{Deserialize, Serialize};

use crate::atomic_file::write_atomically;
use crate::error::{Error, Result};
use crate::features::feature_names;
use crate::metrics::Metrics;

/// Format name written in every model file.
pub const FORMAT: &str = "calque-logistic";
/// Format version; bumped when the file layout changes.
pub const FORMAT_VERSION: u32 = 1;

/// The shipped model, trained by `calque train` from training-data/.
pub const DEFAULT_MODEL_JSON: &str = include_str!("../models/default.json");

/// Settings for fitting.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FitParams {
    /// L2 penalty (the intercept is not penalised); 1/C in scikit-learn terms.
    pub alpha: f64,
    /// Largest number of L-BFGS iterations.
    pub max_iterations: u64,
    /// Gradient tolerance per training row (the loss is a sum, so the tolerance scales with
    /// the number of rows).
    pub gradient_tolerance_per_row: f64,
}

impl Default for FitParams {
    fn default() -> Self {
        FitParams {
            alpha: 1.0,
            max_iterations: 200,
            gradient_tolerance_per_row: 1e-4,
        }
    }
}

/// What the model was trained on and how well it did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingSummary {
    /// Number of labeled paragraphs.
    pub rows: usize,
    /// Number of label-1 paragraphs.
    pub positives: usize,
    /// FNV-1a 64 of the training files' bytes, in hex: identifies the data, not a checksum
    /// against tampering.
    pub data_hash: String,
    /// Fit settings.
    pub params: FitParams,
    /// Number of cross-validation folds.
    pub folds: usize,
    /// Seed of the fold assignment.
    pub seed: u64,
    /// Largest share of label-0 rows flagged (out of fold) that the threshold allows.
    pub max_false_positive_rate: f64,
    /// Out-of-fold metrics, folds grouped by `pair` (or `doc`).
    pub cross_validation: Metrics,
    /// Metrics on the fixed internal test split, from a model fitted without it.
    pub test_split: Option<Metrics>,
}

/// A trained logistic model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`FORMAT_VERSION`] for files this version writes.
    pub format_version: u32,
    /// Version of calque that wrote the file.
    pub calque_version: String,
    /// Feature names, in the order of `means`, `scales` and `weights`.
    pub features: Vec<String>,
    /// Mean of each feature on the training data.
    pub means: Vec<f64>,
    /// Standard deviation of each feature on the training data (1 where it was 0).
    pub scales: Vec<f64>,
    /// Weight of each standardised feature.
    pub weights: Vec<f64>,
    /// Intercept.
    pub intercept: f64,
    /// Probability at or above which a paragraph is flagged.
    pub threshold: f64,
    /// The label the probability is about (always 1: "poor machine translation").
    pub positive_label: u8,
    /// How the model was trained; absent for hand-made models.
    pub training: Option<TrainingSummary>,
}

/// Each column's mean and standard deviation (1 for a constant column), in two passes over
/// the rows rather than two per column: on a million rows, column by column spent most of
/// its time on cache misses. Each column is still summed in row order, so the values are the
/// same to the bit.
fn column_means_and_scales<R: AsRef<[f64]>>(rows: &[R], columns: usize) -> (Vec<f64>, Vec<f64>) {
    let n = rows.len() as f64;
    let mut sums = vec![0.0; columns];
    for row in rows {
        for (sum, value) in sums.iter_mut().zip(row.as_ref()) {
            *sum += value;
        }
    }
    let means: Vec<f64> = sums.iter().map(|sum| sum / n).collect();
    let mut squares = vec![0.0; columns];
    for row in rows {
        for ((square, value), mean) in squares.iter_mut().zip(row.as_ref()).zip(&means) {
            *square += (value - mean).powi(2);
        }
    }
    let scales = squares
        .iter()
        .map(|square| {
            let variance = square / n;
            if variance > 0.0 {
                variance.sqrt()
            } else {
                1.0
            }
        })
        .collect();
    (means, scales)
}

/// Fewest training rows a feature must fire on (hold a value other than 0) for the fit to
/// weigh it. A weight learned from one or two rows is wherever the optimiser happens to stop
/// (calque and scikit-learn gave such a feature weights of different signs on the same
/// corpus), and standardising a column of nearly all zeros makes that one hit worth dozens of
/// standard deviations, so such a weight swings real paragraphs across the threshold. A
/// feature under the bar keeps its evidence in reports and gets weight 0.
pub const MIN_FIRING_ROWS: usize = 5;

/// For each column, whether at least [`MIN_FIRING_ROWS`] rows hold a value other than 0.
fn weighed_columns<R: AsRef<[f64]>>(rows: &[R], columns: usize) -> Vec<bool> {
    let mut firing = vec![0usize; columns];
    for row in rows {
        for (count, &value) in firing.iter_mut().zip(row.as_ref()) {
            if value != 0.0 {
                *count += 1;
            }
        }
    }
    firing
        .iter()
        .map(|&count| count >= MIN_FIRING_ROWS)
        .collect()
}

/// The standardised feature matrix, column-major: linfa's gradient multiplies by its
/// transpose, which is 2.5–3× faster in that layout. A column not `weighed` is left at 0, so
/// its weight stays 0.
fn standardised_matrix<R: AsRef<[f64]>>(
    rows: &[R],
    means: &[f64],
    scales: &[f64],
    weighed: &[bool],
) -> Array2<f64> {
    let mut x = Array2::zeros((rows.len(), means.len()).f());
    for (i, row) in rows.iter().enumerate() {
        for (j, &value) in row.as_ref().iter().enumerate() {
            if weighed[j] {
                x[(i, j)] = (value - means[j]) / scales[j];
            }
        }
    }
    x
}

impl Model {
    /// Fits a model on feature rows and 0/1 labels; the threshold is set to 0.5 and the
    /// training summary left empty, for the caller to fill. Rows may be owned or borrowed
    /// (`&[f64]`), so callers fitting on a subset need not copy it.
    pub fn fit<R: AsRef<[f64]>>(rows: &[R], labels: &[u8], params: FitParams) -> Result<Model> {
        let names = feature_names();
        let n = rows.len();
        if n == 0 {
            return Err(Error::Training("no rows to train on".into()));
        }
        if rows.iter().any(|r| r.as_ref().len() != names.len()) {
            return Err(Error::Training(
                "rows have the wrong number of features".into(),
            ));
        }
        let positives = labels.iter().filter(|&&l| l == 1).count();
        if positives == 0 || positives == n {
            return Err(Error::Training(format!(
                "both labels are needed; all {n} rows have label {}",
                labels[0]
            )));
        }
        let (means, scales) = column_means_and_scales(rows, names.len());
        let weighed = weighed_columns(rows, names.len());
        let standardisation = (means.as_slice(), scales.as_slice(), weighed.as_slice());
        let initial = warm_start(rows, labels, standardisation, params, WARM_START_ROWS)?;
        let x = standardised_matrix(rows, &means, &scales, &weighed);
        let (mut weights, intercept) = fit_linfa(x, labels, params, initial)?;
        for (weight, &weighed) in weights.iter_mut().zip(&weighed) {
            if !weighed {
                *weight = 0.0;
            }
        }
        Ok(Model {
            format: FORMAT.to_string(),
            format_version: FORMAT_VERSION,
            calque_version: env!("CARGO_PKG_VERSION").to_string(),
            features: names.iter().map(|s| s.to_string()).collect(),
            means,
            scales,
            weights,
            intercept,
            threshold: 0.5,
            positive_label: 1,
            training: None,
        })
    }

    /// Probability that the paragraph with these feature values, taken alone, is poor machine
    /// translation.
    pub fn probability(&self, values: &[f64]) -> f64 {
        sigmoid(self.log_odds(values))
    }

    /// The log-odds behind [`Model::probability`]: the decision function.
    pub fn log_odds(&self, values: &[f64]) -> f64 {
        self.intercept + self.contributions(values).iter().sum::<f64>()
    }

    /// Each feature's term `wᵢ·zᵢ` of the decision function.
    pub fn contributions(&self, values: &[f64]) -> Vec<f64> {
        standardise(values, &self.means, &self.scales)
            .iter()
            .zip(&self.weights)
            .map(|(z, w)| z * w)
            .collect()
    }

    /// The embedded default model.
    pub fn default_model() -> Result<Model> {
        Model::from_json(
            DEFAULT_MODEL_JSON,
            Path::new("<embedded models/default.json>"),
        )
    }

    /// Reads and checks a model file.
    pub fn load(path: &Path) -> Result<Model> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Model::from_json(&text, path)
    }

    /// Parses and checks a model; `path` is only used in error messages.
    pub fn from_json(text: &str, path: &Path) -> Result<Model> {
        let error = |message: String| Error::Model {
            path: path.to_path_buf(),
            message,
        };
        let model: Model =
            serde_json::from_str(text).map_err(|e| error(format!("not a calque model: {e}")))?;
        if model.format != FORMAT {
            return Err(error(format!(
                "format is {:?}, expected {FORMAT:?}",
                model.format
            )));
        }
        if model.format_version != FORMAT_VERSION {
            return Err(error(format!(
                "format version {} is not supported (this calque reads version {FORMAT_VERSION})",
                model.format_version
            )));
        }
        let expected = feature_names();
        if model.features != expected {
            let missing: Vec<&str> = expected
                .iter()
                .filter(|f| !model.features.iter().any(|m| m == *f))
                .copied()
                .collect();
            let unknown: Vec<&str> = model
                .features
                .iter()
                .filter(|m| !expected.contains(&m.as_str()))
                .map(String::as_str)
                .collect();
            return Err(error(format!(
                "feature list does not match this calque (missing: {missing:?}, unknown: {unknown:?}); retrain with `calque train`"
            )));
        }
        let n = expected.len();
        for (field, values) in [
            ("means", &model.means),
            ("scales", &model.scales),
            ("weights", &model.weights),
        ] {
            if values.len() != n {
                return Err(error(format!(
                    "{field} has {} values, expected {n}",
                    values.len()
                )));
            }
            if let Some(i) = values.iter().position(|v| !v.is_finite()) {
                return Err(error(format!(
                    "{field}[{i}] ({}) is not a finite number",
                    expected[i]
                )));
            }
        }
        if let Some(i) = model.scales.iter().position(|&s| s <= 0.0) {
            return Err(error(format!("scales[{i}] must be positive")));
        }
        if !model.intercept.is_finite() {
            return Err(error("intercept is not a finite number".into()));
        }
        if !(0.0..=1.0).contains(&model.threshold) {
            return Err(error(format!(
                "threshold {} is not in [0, 1]",
                model.threshold
            )));
        }
        if model.positive_label != 1 {
            return Err(error(format!(
                "positive_label must be 1, got {}",
                model.positive_label
            )));
        }
        Ok(model)
    }

    /// The model as pretty JSON, with a final newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a model always serialises");
        text.push('\n');
        text
    }

    /// Writes the model atomically (temporary file in the same folder, then rename). Refuses
    /// to replace an existing file unless `force`.
    pub fn save(&self, path: &Path, force: bool) -> Result<()> {
        write_atomically(path, self.to_json().as_bytes(), force)
    }
}

/// Fits on more than [`WARM_START_FACTOR`] times this many rows start from a fit on an evenly
/// spaced sample of this many rows. The full fit then begins near its optimum and needs fewer
/// passes over the matrix; it stops by the same gradient test, so it reaches the same optimum.
const WARM_START_ROWS: usize = 50_000;

/// See [`WARM_START_ROWS`].
const WARM_START_FACTOR: usize = 4;

/// The weights and intercept fitted on `sample` evenly spaced rows, as P(label = 1)
/// parameters; `None` when the rows are too few for a sample to pay, or the sample holds one
/// label only.
fn warm_start<R: AsRef<[f64]>>(
    rows: &[R],
    labels: &[u8],
    (means, scales, weighed): (&[f64], &[f64], &[bool]),
    params: FitParams,
    sample: usize,
) -> Result<Option<(Vec<f64>, f64)>> {
    let n = rows.len();
    if n <= WARM_START_FACTOR * sample {
        return Ok(None);
    }
    let picked: Vec<usize> = (0..sample).map(|k| k * n / sample).collect();
    let sample_rows: Vec<&[f64]> = picked.iter().map(|&i| rows[i].as_ref()).collect();
    let sample_labels: Vec<u8> = picked.iter().map(|&i| labels[i]).collect();
    if !sample_labels.contains(&0) || !sample_labels.contains(&1) {
        return Ok(None);
    }
    let x = standardised_matrix(&sample_rows, means, scales, weighed);
    fit_linfa(x, &sample_labels, params, None).map(Some)
}

/// Fits linfa's logistic regression on a standardised matrix and returns the weights and
/// intercept of P(label = 1), optionally starting from such parameters.
fn fit_linfa(
    x: Array2<f64>,
    labels: &[u8],
    params: FitParams,
    initial: Option<(Vec<f64>, f64)>,
) -> Result<(Vec<f64>, f64)> {
    let n = labels.len();
    let mut solver = LogisticRegression::default()
        .alpha(params.alpha)
        .max_iterations(params.max_iterations)
        .gradient_tolerance(params.gradient_tolerance_per_row * n as f64);
    if let Some((weights, intercept)) = initial {
        // linfa's parameters are about its "positive" class: flip ours when that is label 0.
        let sign = if linfa_positive_class(labels) == 1 {
            1.0
        } else {
            -1.0
        };
        let start: Array1<f64> = weights
            .iter()
            .chain(std::iter::once(&intercept))
            .map(|value| sign * value)
            .collect();
        solver = solver.initial_params(start);
    }
    let y: Array1<usize> = labels.iter().map(|&l| usize::from(l)).collect();
    let fitted = solver
        .fit(&Dataset::new(x, y))
        .map_err(|e| Error::Training(e.to_string()))?;
    // linfa's "positive" class is the majority label, not label 1: orient to P(label = 1).
    let sign = if fitted.labels().pos.class == 1 {
        1.0
    } else {
        -1.0
    };
    let weights = fitted.params().iter().map(|w| sign * w).collect();
    Ok((weights, sign * fitted.intercept()))
}

/// The label linfa-logistic takes as its "positive" class: the majority label, the first seen
/// on a tie. Only where the fit starts depends on it: the fitted model is oriented by what
/// linfa reports.
fn linfa_positive_class(labels: &[u8]) -> u8 {
    let ones = labels.iter().filter(|&&l| l == 1).count();
    let zeros = labels.len() - ones;
    match ones.cmp(&zeros) {
        std::cmp::Ordering::Greater => 1,
        std::cmp::Ordering::Less => 0,
        std::cmp::Ordering::Equal => labels.first().copied().unwrap_or(0),
    }
}

fn standardise(values: &[f64], means: &[f64], scales: &[f64]) -> Vec<f64> {
    values
        .iter()
        .zip(means.iter().zip(scales))
        .map(|(v, (m, s))| (v - m) / s)
        .collect()
}

/// The logistic function, stable for large |z|.
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::FEATURES;

    /// A small separable-ish data set: label 1 rows have larger values on the first features.
    fn toy() -> (Vec<Vec<f64>>, Vec<u8>) {
        let mut rows = Vec::new();
        let mut labels = Vec::new();
        for i in 0..120 {
            let label = u8::from(i % 3 == 0);
            let row: Vec<f64> = (0..FEATURES.len())
                .map(|j| {
                    let noise = ((i * 31 + j * 17) % 13) as f64 / 13.0;
                    if j < 3 {
                        noise + 1.5 * f64::from(label)
                    } else {
                        noise
                    }
                })
                .collect();
            rows.push(row);
            labels.push(label);
        }
        (rows, labels)
    }

    #[test]
    fn our_probabilities_equal_linfas() {
        let (rows, labels) = toy();
        let params = FitParams::default();
        let model = Model::fit(&rows, &labels, params).unwrap();
        let weighed = weighed_columns(&rows, FEATURES.len());
        let x = standardised_matrix(&rows, &model.means, &model.scales, &weighed);
        let y: Array1<usize> = labels.iter().map(|&l| usize::from(l)).collect();
        let fitted = LogisticRegression::default()
            .alpha(params.alpha)
            .max_iterations(params.max_iterations)
            .gradient_tolerance(params.gradient_tolerance_per_row * rows.len() as f64)
            .fit(&Dataset::new(x.clone(), y))
            .unwrap();
        let linfa = fitted.predict_probabilities(&x);
        // linfa gives P(pos class); label 0 is the majority here, so P(1) = 1 - P(pos).
        assert_eq!(fitted.labels().pos.class, 0);
        for (row, p_pos) in rows.iter().zip(linfa.iter()) {
            let ours = model.probability(row);
            assert!(
                (ours - (1.0 - p_pos)).abs() < 1e-9,
                "{ours} vs {}",
                1.0 - p_pos
            );
        }
        assert!(
            model.weights[0] > 0.0,
            "label 1 has larger first feature, weight must be positive"
        );
    }

    #[test]
    fn a_feature_firing_on_too_few_rows_gets_no_weight() {
        let (mut rows, labels) = toy();
        // Column 0 fires on one row fewer than the bar, column 1 on exactly the bar; both
        // only on label-1 rows, which alone would give each a large weight.
        for (k, (row, _)) in rows
            .iter_mut()
            .zip(&labels)
            .filter(|(_, &label)| label == 1)
            .enumerate()
        {
            row[0] = if k + 1 < MIN_FIRING_ROWS { 1.0 } else { 0.0 };
            row[1] = if k < MIN_FIRING_ROWS { 1.0 } else { 0.0 };
        }
        for (row, &label) in rows.iter_mut().zip(&labels) {
            if label == 0 {
                row[0] = 0.0;
                row[1] = 0.0;
            }
        }
        let model = Model::fit(&rows, &labels, FitParams::default()).unwrap();
        assert_eq!(model.weights[0], 0.0);
        assert!(model.weights[1] > 0.0, "{}", model.weights[1]);
    }

    #[test]
    fn linfa_positive_class_is_the_label_linfa_reports() {
        let (rows, _) = toy();
        let label_sets: [Vec<u8>; 3] = [
            (0..120).map(|i| u8::from(i % 3 == 0)).collect(),
            (0..120).map(|i| u8::from(i % 3 != 0)).collect(),
            (0..120).map(|i| u8::from(i % 2 == 0)).collect(),
        ];
        for labels in label_sets {
            let y: Array1<usize> = labels.iter().map(|&l| usize::from(l)).collect();
            let x = standardised_matrix(
                &rows,
                &vec![0.0; FEATURES.len()],
                &vec![1.0; FEATURES.len()],
                &vec![true; FEATURES.len()],
            );
            let fitted = LogisticRegression::default()
                .fit(&Dataset::new(x, y))
                .unwrap();
            assert_eq!(
                linfa_positive_class(&labels),
                fitted.labels().pos.class as u8
            );
        }
    }

    #[test]
    fn a_warm_started_fit_reaches_the_cold_fits_optimum() {
        let (rows, labels) = toy();
        let cold = Model::fit(&rows, &labels, FitParams::default()).unwrap();
        let params = FitParams::default();
        let weighed = weighed_columns(&rows, FEATURES.len());
        let standardisation = (
            cold.means.as_slice(),
            cold.scales.as_slice(),
            weighed.as_slice(),
        );
        let initial = warm_start(&rows, &labels, standardisation, params, 25)
            .unwrap()
            .expect("120 rows are more than 4 × 25, of both labels");
        let x = standardised_matrix(&rows, &cold.means, &cold.scales, &weighed);
        let (weights, intercept) = fit_linfa(x, &labels, params, Some(initial)).unwrap();
        let warm = Model {
            weights,
            intercept,
            ..cold.clone()
        };
        for row in &rows {
            assert!((warm.probability(row) - cold.probability(row)).abs() < 1e-3);
        }
        assert!(warm_start(&rows, &labels, standardisation, params, 40)
            .unwrap()
            .is_none());
    }

    #[test]
    fn json_round_trip_is_exact() {
        let (rows, labels) = toy();
        let model = Model::fit(&rows, &labels, FitParams::default()).unwrap();
        let back = Model::from_json(&model.to_json(), Path::new("m.json")).unwrap();
        assert_eq!(back, model);
        assert_eq!(back.probability(&rows[0]), model.probability(&rows[0]));
    }

    #[test]
    fn one_class_is_an_error() {
        let (rows, _) = toy();
        let labels = vec![0; rows.len()];
        assert!(matches!(
            Model::fit(&rows, &labels, FitParams::default()),
            Err(Error::Training(_))
        ));
    }

    #[test]
    fn bad_model_files_are_refused_with_the_reason() {
        let (rows, labels) = toy();
        let good = Model::fit(&rows, &labels, FitParams::default()).unwrap();
        let path = Path::new("m.json");
        let check = |model: &Model, needle: &str| {
            let err = Model::from_json(&model.to_json(), path)
                .unwrap_err()
                .to_string();
            assert!(err.contains(needle), "{err}");
        };
        let mut m = good.clone();
        m.format_version = 99;
        check(&m, "format version 99");
        let mut m = good.clone();
        m.features[0] = "something_else".into();
        check(&m, "feature list does not match");
        let mut m = good.clone();
        m.weights.pop();
        check(&m, "weights has");
        let text = good
            .to_json()
            .replacen("\"intercept\": ", "\"intercept\": 1e999, \"x\": ", 1);
        assert!(Model::from_json(&text, path).is_err());
        assert!(Model::from_json("{", path)
            .unwrap_err()
            .to_string()
            .contains("not a calque model"));
    }

    #[test]
    fn embedded_model_matches_the_extractor() {
        let model =
            Model::default_model().expect("a stale models/default.json fails here, not for a user");
        assert_eq!(model.features, feature_names());
        assert!(model.training.is_some());
    }

    #[test]
    fn sigmoid_is_stable() {
        assert_eq!(sigmoid(0.0), 0.5);
        assert!(sigmoid(1000.0) <= 1.0 && sigmoid(-1000.0) >= 0.0);
    }
}
