//! Classification metrics: ROC AUC over probabilities (with a bootstrap interval), and accuracy,
//! precision, recall, F1 and the confusion matrix at a threshold.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::rng::Rng;

/// How well probabilities match labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Number of rows.
    pub rows: usize,
    /// Number of label-1 rows.
    pub positives: usize,
    /// Area under the ROC curve (ties count half); `null` when one class is missing.
    pub roc_auc: Option<f64>,
    /// Threshold the counts below were taken at.
    pub threshold: f64,
    /// Share of rows right at the threshold.
    pub accuracy: f64,
    /// Share of flagged rows that are label 1 (0 when nothing is flagged).
    pub precision: f64,
    /// Share of label-1 rows flagged.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Share of label-0 rows flagged.
    pub false_positive_rate: f64,
    /// Label 1, flagged.
    pub true_positives: usize,
    /// Label 0, flagged.
    pub false_positives: usize,
    /// Label 0, not flagged.
    pub true_negatives: usize,
    /// Label 1, not flagged.
    pub false_negatives: usize,
}

impl Metrics {
    /// Computes every metric; `probabilities` and `labels` are parallel.
    pub fn compute(probabilities: &[f64], labels: &[u8], threshold: f64) -> Metrics {
        let (mut tp, mut fp, mut tn, mut fn_) = (0, 0, 0, 0);
        for (&p, &label) in probabilities.iter().zip(labels) {
            match (p >= threshold, label == 1) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, false) => tn += 1,
                (false, true) => fn_ += 1,
            }
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Metrics {
            rows: labels.len(),
            positives: tp + fn_,
            roc_auc: roc_auc(probabilities, labels),
            threshold,
            accuracy: ratio(tp + tn, labels.len()),
            precision,
            recall,
            f1,
            false_positive_rate: ratio(fp, fp + tn),
            true_positives: tp,
            false_positives: fp,
            true_negatives: tn,
            false_negatives: fn_,
        }
    }
}

/// Area under the ROC curve by the rank-sum (Mann–Whitney) formula, with average ranks for
/// ties; `None` when either class is missing.
pub fn roc_auc(probabilities: &[f64], labels: &[u8]) -> Option<f64> {
    let positives = labels.iter().filter(|&&l| l == 1).count();
    let negatives = labels.len() - positives;
    if positives == 0 || negatives == 0 {
        return None;
    }
    let mut order: Vec<usize> = (0..probabilities.len()).collect();
    order.sort_by(|&a, &b| probabilities[a].total_cmp(&probabilities[b]));
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && probabilities[order[j + 1]] == probabilities[order[i]] {
            j += 1;
        }
        let average_rank = (i + j) as f64 / 2.0 + 1.0;
        rank_sum += average_rank * order[i..=j].iter().filter(|&&k| labels[k] == 1).count() as f64;
        i = j + 1;
    }
    let p = positives as f64;
    Some((rank_sum - p * (p + 1.0) / 2.0) / (p * negatives as f64))
}

/// How a ROC AUC would vary over other samples like this one: the 2.5th and 97.5th percentiles
/// of the ROC AUC over resamples that draw whole groups with replacement.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AucInterval {
    /// 2.5th percentile.
    pub low: f64,
    /// 97.5th percentile.
    pub high: f64,
    /// Number of groups resampled.
    pub groups: usize,
    /// Number of resamples that held both labels (those without are skipped).
    pub resamples: usize,
}

/// Resamples drawn for an [`AucInterval`].
pub const BOOTSTRAP_RESAMPLES: usize = 1000;
/// Seed of the resampling, fixed so a report is the same at every run.
const BOOTSTRAP_SEED: u64 = 2026;

/// A 95 % bootstrap interval of the ROC AUC. Rows of one group (a pair of twins, an article)
/// are not independent, so the resampling draws groups, not rows: with the five articles of a
/// seed set, the interval shows how little five articles pin down. `None` when either class
/// is missing, or when fewer than half the resamples hold both classes.
pub fn roc_auc_interval(
    probabilities: &[f64],
    labels: &[u8],
    groups: &[String],
) -> Option<AucInterval> {
    roc_auc(probabilities, labels)?;
    let mut members: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, group) in groups.iter().enumerate() {
        members.entry(group.as_str()).or_default().push(i);
    }
    let members: Vec<Vec<usize>> = members.into_values().collect();
    let mut rng = Rng::new(BOOTSTRAP_SEED);
    let (mut p, mut l) = (Vec::new(), Vec::new());
    let mut aucs = Vec::with_capacity(BOOTSTRAP_RESAMPLES);
    for _ in 0..BOOTSTRAP_RESAMPLES {
        p.clear();
        l.clear();
        for _ in 0..members.len() {
            for &i in &members[rng.below(members.len())] {
                p.push(probabilities[i]);
                l.push(labels[i]);
            }
        }
        aucs.extend(roc_auc(&p, &l));
    }
    if aucs.len() * 2 < BOOTSTRAP_RESAMPLES {
        return None;
    }
    aucs.sort_by(f64::total_cmp);
    let at = |q: f64| aucs[((aucs.len() - 1) as f64 * q).round() as usize];
    Some(AucInterval {
        low: at(0.025),
        high: at(0.975),
        groups: members.len(),
        resamples: aucs.len(),
    })
}

/// The lowest threshold (not below `floor`) at which at most `max_fpr` of label-0 rows are
/// flagged.
pub fn threshold_for_false_positive_rate(
    probabilities: &[f64],
    labels: &[u8],
    max_fpr: f64,
    floor: f64,
) -> f64 {
    let mut negatives: Vec<f64> = probabilities
        .iter()
        .zip(labels)
        .filter(|(_, &l)| l == 0)
        .map(|(&p, _)| p)
        .collect();
    if negatives.is_empty() {
        return floor;
    }
    negatives.sort_by(|a, b| b.total_cmp(a));
    let allowed = (max_fpr * negatives.len() as f64).floor() as usize;
    let threshold = match negatives.get(allowed) {
        Some(&p) => next_up(p),
        None => floor,
    };
    threshold.max(floor)
}

/// The smallest f64 above `x` (for thresholds just above a score).
fn next_up(x: f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    let bits = x.to_bits();
    let next = if x == 0.0 {
        1
    } else if x > 0.0 {
        bits + 1
    } else {
        bits - 1
    };
    f64::from_bits(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_intervals_hold_the_auc_and_widen_with_fewer_groups() {
        let probabilities: Vec<f64> = (0..40).map(|i| f64::from(i) / 40.0).collect();
        let labels: Vec<u8> = (0..40).map(|i| u8::from(i % 3 != 0 && i > 8)).collect();
        let auc = roc_auc(&probabilities, &labels).unwrap();
        let rows: Vec<String> = (0..40).map(|i| i.to_string()).collect();
        let by_row = roc_auc_interval(&probabilities, &labels, &rows).unwrap();
        assert!(by_row.low <= auc && auc <= by_row.high, "{by_row:?} {auc}");
        assert_eq!(by_row.groups, 40);
        let blocks: Vec<String> = (0..40).map(|i| (i / 10).to_string()).collect();
        let by_block = roc_auc_interval(&probabilities, &labels, &blocks).unwrap();
        assert!(by_block.high - by_block.low > by_row.high - by_row.low);
        assert_eq!(
            roc_auc_interval(&probabilities, &labels, &rows),
            Some(by_row)
        );
        assert_eq!(roc_auc_interval(&[0.1, 0.2], &[0, 0], &rows[..2]), None);
    }

    #[test]
    fn auc_of_perfect_random_and_inverted_scores() {
        let labels = [0, 0, 1, 1];
        assert_eq!(roc_auc(&[0.1, 0.2, 0.8, 0.9], &labels), Some(1.0));
        assert_eq!(roc_auc(&[0.9, 0.8, 0.2, 0.1], &labels), Some(0.0));
        assert_eq!(roc_auc(&[0.5, 0.5, 0.5, 0.5], &labels), Some(0.5));
        assert_eq!(roc_auc(&[0.1, 0.2], &[0, 0]), None);
    }

    #[test]
    fn auc_counts_ties_half() {
        // One positive tied with one negative: 3 of 4 pairs ordered, 1 tie → 3.5 / 4.
        assert_eq!(roc_auc(&[0.1, 0.5, 0.5, 0.9], &[0, 0, 1, 1]), Some(0.875));
    }

    #[test]
    fn confusion_counts_and_rates() {
        let m = Metrics::compute(&[0.9, 0.6, 0.4, 0.2], &[1, 0, 1, 0], 0.5);
        assert_eq!(
            (
                m.true_positives,
                m.false_positives,
                m.true_negatives,
                m.false_negatives
            ),
            (1, 1, 1, 1)
        );
        assert_eq!(m.accuracy, 0.5);
        assert_eq!(m.precision, 0.5);
        assert_eq!(m.recall, 0.5);
        assert_eq!(m.false_positive_rate, 0.5);
    }

    #[test]
    fn threshold_keeps_false_positives_under_the_target() {
        let probabilities: Vec<f64> = (0..100).map(|i| i as f64 / 100.0).collect();
        let labels = vec![0u8; 100];
        let t = threshold_for_false_positive_rate(&probabilities, &labels, 0.05, 0.0);
        let flagged = probabilities.iter().filter(|&&p| p >= t).count();
        assert_eq!(flagged, 5);
        assert_eq!(
            threshold_for_false_positive_rate(&probabilities, &labels, 0.05, 0.99),
            0.99
        );
    }
}
