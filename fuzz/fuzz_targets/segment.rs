//! Segmentation never panics, every paragraph, sentence and word points into its text, every
//! word's key, hashes and shape agree with the word as written (whichever path built them),
//! and calque's word boundaries are unicode-segmentation's.
#![no_main]

use calque::segment::{normalize, paragraphs, prefix_hash, sentences, tokens, word_hash};
use calque::word_bounds::word_bound_indices;
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

mod common;

/// Checks the sentences and words of one text.
fn check_text(text: &str) {
    let spans = sentences(text);
    let mut previous_end = 0;
    for &(start, end) in &spans {
        common::check_span(text, start, end);
        assert!(start >= previous_end, "sentences overlap");
        previous_end = end;
    }
    let words = tokens(text, &spans);
    let mut previous_end = 0;
    let mut previous_sentence = 0;
    for token in &words {
        common::check_span(text, token.start, token.end);
        assert!(token.start >= previous_end, "words overlap");
        assert!(
            token.sentence >= previous_sentence,
            "sentence index goes back"
        );
        assert!(token.sentence < spans.len().max(1));
        let raw = token.text(text);
        assert_eq!(token.norm, normalize(raw), "{raw:?}");
        assert_eq!(token.norm_hash, word_hash(&token.norm), "{raw:?}");
        assert_eq!(token.raw_hash, word_hash(&token.raw_key(text)), "{raw:?}");
        assert_eq!(token.norm_prefix_hash, prefix_hash(&token.norm), "{raw:?}");
        assert_eq!(
            token.is_capitalized(),
            raw.chars().next().is_some_and(char::is_uppercase),
            "{raw:?}"
        );
        let norm = token.norm.as_str();
        let number = norm.starts_with(|c: char| c.is_ascii_digit())
            && norm
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
        assert_eq!(token.is_number(), number, "{raw:?}");
        let alphabetic = norm.starts_with(char::is_alphabetic)
            && norm
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        assert_eq!(token.is_alphabetic(), alphabetic, "{raw:?}");
        previous_end = token.end;
        previous_sentence = token.sentence;
    }
}

/// Characters the fuzz bytes are also mapped onto, so that most inputs take the word-boundary
/// fast path: letters, digits, French and English punctuation, spaces of several widths, line
/// breaks, and a soft hyphen and a CJK letter that send a text back to unicode-segmentation.
const FAST_PATH_CHARS: &[char] = &[
    'a', 'e', 'Z', 'é', 'É', 'ç', 'œ', 'ª', '0', '9', ' ', '\u{A0}', '\u{202F}', '\u{2009}', '.',
    ',', ';', ':', '\'', '’', '‘', '-', '_', '!', '?', '«', '»', '"', '(', '\n', '\r', '\t', '…',
    '—', '€', '%', '·', '\u{AD}', '字',
];

/// calque's word boundaries equal unicode-segmentation's.
fn check_word_bounds(text: &str) {
    let expected: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
    assert_eq!(
        word_bound_indices(text).collect::<Vec<_>>(),
        expected,
        "{text:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    let mapped: String = data
        .iter()
        .map(|&b| FAST_PATH_CHARS[usize::from(b) % FAST_PATH_CHARS.len()])
        .collect();
    check_word_bounds(&mapped);
    check_text(&mapped);
    let text = String::from_utf8_lossy(data);
    check_word_bounds(&text);
    let found = paragraphs(&text);
    // Lines as calque counts them: CR LF, LF and a lone CR each end one.
    let line_count = text.replace("\r\n", "\n").split(['\n', '\r']).count();
    let mut previous_line = 0;
    for paragraph in &found {
        assert!(!paragraph.text.is_empty());
        assert_eq!(paragraph.text.trim(), paragraph.text);
        assert!(paragraph.line > previous_line, "lines must increase");
        assert!(paragraph.line <= line_count, "line past the input");
        previous_line = paragraph.line;
        check_text(&paragraph.text);
    }
    check_text(&text);
});
