//! Properties of the library on arbitrary text (French letters, « » " ’ quotes, digits,
//! punctuation, line breaks, very long words): segmentation and scoring never panic,
//! probabilities stay in [0, 1], every evidence span points at its match, the article context
//! only raises probabilities, and scoring is deterministic down to the byte.

use std::sync::LazyLock;

use calque::model::Model;
use calque::report::{score_article, ArticleReport, Detail, Format, ReportWriter, ScoreOptions};
use calque::segment::{char_offset, paragraphs, sentences, tokens};
use calque::word_bounds::word_bound_indices;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

static MODEL: LazyLock<Model> = LazyLock::new(|| Model::default_model().unwrap());

/// Words, marks and separators that exercise the French rules and the detectors.
const PIECES: &[&str] = &[
    "le",
    "la",
    "l'",
    "d’",
    "qu'",
    "L’",
    "économie",
    "été",
    "Œuvre",
    "ça",
    "À",
    "porte-parole",
    "Putin",
    "Poutine",
    "Hanoi",
    "Yesterday",
    "the",
    "of",
    "adviseur",
    "partnership",
    "week-end",
    "au lieu de cela",
    "soirée précédente",
    "d'munitions",
    "une échange",
    "ont arrivé",
    "M.",
    "Mme",
    "J.",
    "«",
    "»",
    "« ",
    " »",
    "\"",
    "“",
    "”",
    "’",
    "'",
    "12,5",
    "1,500",
    "3.5",
    "June",
    "19",
    "%",
    ":",
    ";",
    "!",
    "?",
    "…",
    ".",
    ",",
    "-",
    "—",
    "(",
    ")",
    "\t",
    "\r\n",
    "\u{a0}",
    "\u{feff}",
    "🙂",
    "e\u{301}",
];

/// One piece of text: mostly the pieces above, some random words, characters and long words.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(String::from),
        3 => "[a-zA-Zàâçéèêëîïôûùüÿœ]{1,12}",
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zé]{300,3000}",
    ]
}

/// Pieces joined by spaces, nothing, or line breaks.
fn text() -> impl Strategy<Value = String> {
    let separator = prop::sample::select(&[" ", " ", " ", "", "\n", "\n\n"][..]);
    prop::collection::vec((piece(), separator), 0..80).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(piece, separator)| [piece, separator.to_string()])
            .collect()
    })
}

/// A character of each word-break class that the fast word boundaries handle themselves.
const FAST_CHARS: &[char] = &[
    'a', 'Z', 'é', 'Œ', 'ș', 'ª', '¸', '7', ':', '·', ',', ';', '.', '\'', '’', '‘', '_',
    '\u{202F}', ' ', '\u{2009}', '-', '"', '«', '»', '\u{A0}', '\t', '…', '—', '€', '%',
];

/// Characters they leave to unicode-segmentation.
const OTHER_CHARS: &[char] = &[
    '\u{301}', '\u{AD}', '\n', '\r', 'Д', 'א', '👍', '\u{200D}', '🇫', '🇷', '\u{2028}',
];

/// Short runs of the characters above: all from the fast set, or mixed with others.
fn word_break_text() -> impl Strategy<Value = String> {
    let fast = prop::sample::select(FAST_CHARS);
    let mixed = prop_oneof![
        6 => prop::sample::select(FAST_CHARS),
        1 => prop::sample::select(OTHER_CHARS),
        1 => any::<char>(),
    ];
    prop_oneof![
        prop::collection::vec(fast, 0..24),
        prop::collection::vec(mixed, 0..24),
    ]
    .prop_map(|chars| chars.into_iter().collect())
}

fn score(text: &str) -> ArticleReport {
    score_with_context(text, calque::article_context::DEFAULT_WEIGHT)
}

fn score_with_context(text: &str, article_context: f64) -> ArticleReport {
    let options = ScoreOptions {
        threshold: MODEL.threshold,
        min_words: 3,
        max_flagged_share: 0.2,
        min_flagged: 1,
        article_context,
    };
    score_article(&MODEL, "propriete.txt", &paragraphs(text), &options)
}

/// The report written in one format, as bytes.
fn written(report: &ArticleReport, format: Format) -> Vec<u8> {
    let mut writer = ReportWriter::new(Vec::new(), format, Detail::Paragraphs, false).unwrap();
    writer.article(report).unwrap();
    writer.finish().unwrap()
}

/// Asserts that `start..end` is a non-empty span of `text` on character boundaries.
fn assert_span(text: &str, start: usize, end: usize) {
    assert!(
        start < end && end <= text.len(),
        "{start}..{end} in {}",
        text.len()
    );
    assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn segmentation_never_panics_and_points_into_the_text(text in text()) {
        let found = paragraphs(&text);
        // Lines as calque counts them: CR LF, LF and a lone CR each end one.
        let line_count = text.replace("\r\n", "\n").split(['\n', '\r']).count();
        let mut previous_line = 0;
        for paragraph in &found {
            prop_assert!(!paragraph.text.is_empty());
            prop_assert_eq!(paragraph.text.trim(), paragraph.text.as_str());
            prop_assert!(paragraph.line > previous_line, "lines increase");
            prop_assert!(paragraph.line <= line_count, "line {} of {}", paragraph.line, line_count);
            previous_line = paragraph.line;
            let spans = sentences(&paragraph.text);
            for &(start, end) in &spans {
                assert_span(&paragraph.text, start, end);
            }
            for token in tokens(&paragraph.text, &spans) {
                assert_span(&paragraph.text, token.start, token.end);
                prop_assert!(token.sentence < spans.len().max(1));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// calque's word boundaries are unicode-segmentation's, on the fast path and off it.
    #[test]
    fn word_boundaries_are_unicode_segmentation_s(short in word_break_text(), long in text()) {
        let mut texts = vec![short, long.clone()];
        texts.extend(paragraphs(&long).into_iter().map(|p| p.text));
        for text in &texts {
            let expected: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
            prop_assert_eq!(word_bound_indices(text).collect::<Vec<_>>(), expected, "{:?}", text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn probabilities_are_finite_and_within_0_and_1(text in text()) {
        let report = score(&text);
        for paragraph in &report.paragraphs {
            let p = paragraph.probability;
            prop_assert!(p.is_finite() && (0.0..=1.0).contains(&p), "{}", p);
            prop_assert!(!paragraph.flagged || paragraph.judged);
        }
        prop_assert!((0.0..=1.0).contains(&report.score));
        prop_assert!((0.0..=1.0).contains(&report.max_probability));
    }

    #[test]
    fn evidence_spans_are_the_match_in_bytes_and_in_chars(text in text()) {
        for paragraph in score(&text).paragraphs {
            let text = paragraph.text.as_str();
            for e in &paragraph.evidence {
                assert_span(text, e.start, e.end);
                prop_assert_eq!(&text[e.start..e.end], e.matched.as_str());
                prop_assert_eq!(e.char_start, char_offset(text, e.start));
                prop_assert_eq!(e.char_end, char_offset(text, e.end));
                let by_chars: String =
                    text.chars().skip(e.char_start).take(e.char_end - e.char_start).collect();
                prop_assert_eq!(by_chars, e.matched.as_str());
            }
        }
    }

    #[test]
    fn the_article_context_only_raises_and_leaves_clean_articles_alone(text in text()) {
        let (alone, context) = (score_with_context(&text, 0.0), score(&text));
        for (a, c) in alone.paragraphs.iter().zip(&context.paragraphs) {
            prop_assert!(c.probability >= a.probability, "{} < {}", c.probability, a.probability);
            prop_assert_eq!(a.judged, c.judged);
        }
        if alone.flagged == 0 {
            for (a, c) in alone.paragraphs.iter().zip(&context.paragraphs) {
                prop_assert_eq!(a.probability, c.probability);
            }
        }
    }

    #[test]
    fn scoring_twice_writes_the_same_bytes(text in text()) {
        let (first, second) = (score(&text), score(&text));
        for format in [Format::Jsonl, Format::Json, Format::Csv, Format::Text, Format::Html] {
            prop_assert_eq!(written(&first, format), written(&second, format));
        }
    }
}
