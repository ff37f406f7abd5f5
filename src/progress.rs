//! Progress bars for long runs (training, batches of files), drawn on standard error with
//! indicatif. indicatif's stderr target draws nothing when standard error is not a terminal
//! (or `TERM` is `dumb`), so logs, pipes and tests never see them; callers can also turn them
//! off, and then every bar is hidden.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

fn target(enabled: bool) -> ProgressDrawTarget {
    if enabled {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    }
}

/// A bar of `len` steps: `message [=====>    ] 3/7 units`.
pub fn bar(len: u64, message: &'static str, unit: &'static str, enabled: bool) -> ProgressBar {
    let style = ProgressStyle::with_template(&format!(
        "{{msg}} [{{bar:30}}] {{pos}}/{{len}} {unit} ({{elapsed}}, {{eta}} left)"
    ))
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ");
    ProgressBar::with_draw_target(Some(len), target(enabled))
        .with_style(style)
        .with_message(message)
}

/// A counter of steps whose number is not known in advance: `message 1234 units`.
pub fn counter(message: &'static str, unit: &'static str, enabled: bool) -> ProgressBar {
    let style = ProgressStyle::with_template(&format!(
        "{{spinner}} {{msg}} {{human_pos}} {unit} ({{elapsed}})"
    ))
    .unwrap_or_else(|_| ProgressStyle::default_spinner());
    ProgressBar::with_draw_target(None, target(enabled))
        .with_style(style)
        .with_message(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disabled_bars_are_hidden_and_still_count() {
        let bar = bar(3, "fitting", "models", false);
        assert!(bar.is_hidden());
        bar.inc(2);
        assert_eq!(bar.position(), 2);
        let counter = counter("reading", "rows", false);
        assert!(counter.is_hidden());
    }
}
