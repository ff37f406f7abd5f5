//! Times calque's fit alone on a feature matrix written by `calque features --data`, for
//! benches/compare.sh to set beside scikit-learn's LogisticRegression on the same matrix.
//!
//! Usage: cargo run --release --example fit_features -- features.csv
//!
//! Prints one JSON line: rows, positives, seconds to read the CSV, seconds to fit
//! (`Model::fit` with the default `FitParams`, standardisation included) and the mean training
//! log loss, so that the two fits can be checked to reach the same optimum.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context};
use calque::features::feature_names;
use calque::model::{FitParams, Model};

/// Columns before the features in `calque features --data` output.
const LEADING: [&str; 3] = ["id", "group", "label"];

fn read(path: &PathBuf) -> anyhow::Result<(Vec<Vec<f64>>, Vec<u8>)> {
    let mut reader = csv::Reader::from_path(path).with_context(|| format!("{}", path.display()))?;
    let header: Vec<String> = reader
        .headers()
        .with_context(|| format!("{}: header", path.display()))?
        .iter()
        .map(str::to_string)
        .collect();
    let mut expected: Vec<&str> = LEADING.to_vec();
    expected.extend(feature_names());
    if header != expected {
        bail!(
            "{}: the columns are not `calque features --data` output of this calque",
            path.display()
        );
    }
    let mut rows = Vec::new();
    let mut labels = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let record = record.with_context(|| format!("{}: line {line}", path.display()))?;
        let label = match &record[2] {
            "0" => 0,
            "1" => 1,
            other => bail!(
                "{}: line {line}: label {other:?} is not 0 or 1",
                path.display()
            ),
        };
        let values = record
            .iter()
            .skip(LEADING.len())
            .map(str::parse::<f64>)
            .collect::<Result<Vec<f64>, _>>()
            .with_context(|| {
                format!("{}: line {line}: a feature is not a number", path.display())
            })?;
        rows.push(values);
        labels.push(label);
    }
    Ok((rows, labels))
}

fn main() -> anyhow::Result<()> {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        bail!("usage: fit_features FEATURES.csv");
    };
    let start = Instant::now();
    let (rows, labels) = read(&path)?;
    let read_seconds = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let model = Model::fit(&rows, &labels, FitParams::default())?;
    let fit_seconds = start.elapsed().as_secs_f64();
    let log_loss = rows
        .iter()
        .zip(&labels)
        .map(|(row, &label)| {
            let p = model.probability(row).clamp(1e-15, 1.0 - 1e-15);
            if label == 1 {
                -p.ln()
            } else {
                -(1.0 - p).ln()
            }
        })
        .sum::<f64>()
        / rows.len() as f64;
    let positives = labels.iter().filter(|&&l| l == 1).count();
    let report = serde_json::json!({
        "rows": rows.len(),
        "positives": positives,
        "read_seconds": read_seconds,
        "fit_seconds": fit_seconds,
        "log_loss": log_loss,
    });
    println!("{report}");
    Ok(())
}
