//! Feature extraction never panics, every value is finite, and every piece of evidence points
//! into its paragraph.
#![no_main]

use calque::features::{extract_article, ParagraphFeatures, FEATURES};
use calque::segment::paragraphs;
use libfuzzer_sys::fuzz_target;

mod common;

fn check(texts: &[&str], features: &[ParagraphFeatures]) {
    assert_eq!(texts.len(), features.len());
    for (text, paragraph) in texts.iter().zip(features) {
        assert_eq!(paragraph.values.len(), FEATURES.len());
        for (value, info) in paragraph.values.iter().zip(FEATURES.iter()) {
            assert!(value.is_finite(), "{} = {value}", info.name);
        }
        let mut previous_start = 0;
        for evidence in &paragraph.evidence {
            common::check_span(text, evidence.start, evidence.end);
            assert!(evidence.start >= previous_start, "evidence out of order");
            previous_start = evidence.start;
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let article = paragraphs(&text);
    let texts: Vec<&str> = article.iter().map(|p| p.text.as_str()).collect();
    check(&texts, &extract_article(&texts));
    // The whole input as one paragraph, line breaks and all: callers of the library may skip
    // segmentation.
    let whole = [text.as_ref()];
    check(&whole, &extract_article(&whole));
});
