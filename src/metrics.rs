//! Classification metrics: ROC AUC over probabilities, and accuracy, precision, recall, F1 and
//! the confusion matrix at a threshold.

use serde::{Deserialize, Serialize};

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
