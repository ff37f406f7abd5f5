//! Segmentation never panics, and every paragraph, sentence and word points into its text.
#![no_main]

use calque::segment::{paragraphs, sentences, tokens};
use libfuzzer_sys::fuzz_target;

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
        previous_end = token.end;
        previous_sentence = token.sentence;
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let found = paragraphs(&text);
    let line_count = text.lines().count();
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
