//! calque finds poor machine translation in French news text, paragraph by paragraph.
//!
//! The flow is one pass: text is cut into paragraphs ([`segment`]), each paragraph becomes a
//! vector of named features with the evidence behind them ([`features`], using the embedded
//! [`lexicon`]s), a logistic [`model`] turns the vector into a probability, and [`report`]
//! gives each article a verdict and writes the results. [`train`] fits the model from a
//! labeled CSV ([`dataset`]) with grouped cross-validation ([`metrics`]).
//!
//! ```
//! use calque::{model::Model, report::{score_article, ScoreOptions}, segment::paragraphs};
//!
//! let model = Model::default_model().unwrap();
//! let options = ScoreOptions { threshold: model.threshold, min_words: 5, max_flagged_share: 0.2, min_flagged: 2, article_context: 0.4 };
//! let article = paragraphs("Yesterday, Putin a reçu le ministre, selon l'adviseur du Kremlin.");
//! let report = score_article(&model, "exemple.txt", &article, &options);
//! assert!(report.paragraphs[0].evidence.iter().any(|e| e.matched == "Putin"));
//! ```

pub mod article_context;
pub mod atomic_file;
pub mod commands;
mod csv_lines;
pub mod dataset;
pub mod error;
pub mod eval;
pub mod features;
pub mod html_input;
pub mod html_report;
pub mod input;
pub mod language;
pub mod lexicon;
pub mod metrics;
pub mod model;
pub mod parallel;
pub mod progress;
pub mod report;
pub mod rng;
pub mod segment;
pub mod synth;
pub mod text_report;
pub mod train;
mod verb_forms;
pub mod word_bounds;
pub mod word_table;
mod word_table_format;

pub use error::{Error, Result};
