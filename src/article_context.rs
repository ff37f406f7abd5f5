//! What the rest of an article tells about each of its paragraphs.
//!
//! A site that publishes machine translation translates whole articles, so a paragraph whose
//! neighbours are flagged is more likely machine-translated than the same paragraph among
//! clean ones, even when it holds no trace of its own. Each paragraph's log-odds gain the
//! average margin by which the article's other judged paragraphs stand over the threshold,
//! times a weight. Paragraphs under the threshold add nothing, so an article with nothing
//! flagged is scored exactly as its paragraphs alone. Each margin is capped, so that one
//! near-certain paragraph lends no more than a clearly flagged one, and the average counts one
//! more paragraph than there are, unflagged, so that a short article's few neighbours say
//! less than a long article's many: a lone neighbour lends half its margin.
//!
//! The model is trained on paragraphs alone: its corpus groups twins into articles of one
//! label, where any such weight would be learned as certain. The weight is set by measurement
//! instead (README, "Article context"): on real web pages it ranks paragraphs better and flags
//! no more human ones.

use crate::model::sigmoid;

/// Default `--article-context`: the share of the other paragraphs' average margin added to
/// each paragraph's log-odds.
pub const DEFAULT_WEIGHT: f64 = 0.4;

/// Largest margin over the threshold, in log-odds, that one paragraph lends the others.
pub const MARGIN_CAP: f64 = 3.0;

/// For each paragraph, the average margin over the threshold of the article's other judged
/// paragraphs, in log-odds, each capped at [`MARGIN_CAP`] and the sum divided by their count
/// plus one: given every paragraph's own log-odds, whether it is judged (only judged
/// paragraphs lend) and the threshold in use (a probability). The paragraph gains this times
/// the weight.
pub fn others_margins(log_odds: &[f64], judged: &[bool], threshold: f64) -> Vec<f64> {
    let threshold_log_odds = logit(threshold);
    let margins: Vec<f64> = log_odds
        .iter()
        .zip(judged)
        .map(|(&z, &judged)| {
            if judged {
                (z - threshold_log_odds).clamp(0.0, MARGIN_CAP)
            } else {
                0.0
            }
        })
        .collect();
    let total: f64 = margins.iter().sum();
    let lenders = judged.iter().filter(|&&j| j).count();
    margins
        .iter()
        .zip(judged)
        .map(|(&own, &judged)| {
            let others = lenders - usize::from(judged);
            (total - own).max(0.0) / (others + 1) as f64
        })
        .collect()
}

/// The probability of a paragraph of log-odds `z` whose article's other paragraphs stand
/// `margin` over the threshold on average, with the context weighing `weight`.
pub fn with_context(z: f64, margin: f64, weight: f64) -> f64 {
    sigmoid(z + weight * margin)
}

/// The log-odds of a probability: ±∞ at 0 and 1, so that every paragraph is over a threshold
/// of 0 and none over a threshold of 1.
fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: f64 = 0.5;

    #[test]
    fn an_article_with_nothing_flagged_is_scored_as_its_paragraphs() {
        let margins = others_margins(&[-2.0, -0.5, -0.01], &[true, true, true], T);
        assert_eq!(margins, vec![0.0, 0.0, 0.0]);
    }

    #[test]
    fn flagged_paragraphs_lend_their_margin_to_the_others() {
        // Margins over the threshold (log-odds 0): 2, 0, 1.
        let margins = others_margins(&[2.0, -1.0, 1.0], &[true, true, true], T);
        assert_eq!(margins, vec![1.0 / 3.0, 3.0 / 3.0, 2.0 / 3.0]);
    }

    #[test]
    fn one_margin_counts_at_most_the_cap() {
        let margins = others_margins(&[40.0, -1.0], &[true, true], T);
        assert_eq!(margins, vec![0.0, MARGIN_CAP / 2.0]);
    }

    #[test]
    fn unjudged_paragraphs_lend_nothing_and_still_gain() {
        let margins = others_margins(&[3.0, 2.0, -1.0], &[false, true, true], T);
        assert_eq!(margins, vec![2.0 / 3.0, 0.0, 2.0 / 2.0]);
    }

    #[test]
    fn a_lone_paragraph_gains_nothing() {
        assert_eq!(others_margins(&[5.0], &[true], T), vec![0.0]);
        assert_eq!(
            others_margins(&[5.0, 5.0], &[true, false], T),
            vec![0.0, MARGIN_CAP / 2.0]
        );
        assert_eq!(others_margins(&[], &[], T), Vec::<f64>::new());
    }

    #[test]
    fn thresholds_of_0_and_1_lend_everything_and_nothing() {
        assert_eq!(
            others_margins(&[-5.0, -5.0, -5.0], &[true, true, true], 0.0),
            vec![MARGIN_CAP * 2.0 / 3.0; 3]
        );
        assert_eq!(
            others_margins(&[5.0, 5.0], &[true, true], 1.0),
            vec![0.0, 0.0]
        );
    }

    #[test]
    fn context_raises_the_probability() {
        assert_eq!(with_context(0.0, 2.0, 0.0), 0.5);
        assert_eq!(with_context(-1.0, 2.0, 0.5), 0.5);
        assert!(with_context(-1.0, 3.0, 0.5) > 0.5);
    }
}
