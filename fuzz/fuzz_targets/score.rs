//! Scoring never panics, probabilities stay in [0, 1], evidence matches its offsets, and every
//! output format writes valid output.
#![no_main]

use std::sync::LazyLock;

use calque::model::Model;
use calque::report::{score_article, Detail, Format, ReportWriter, ScoreOptions, Verdict};
use calque::segment::paragraphs;
use libfuzzer_sys::fuzz_target;

mod common;

static MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::default_model().expect("the embedded model loads"));

fn write(report: &calque::report::ArticleReport, format: Format, detail: Detail) -> Vec<u8> {
    let mut writer = ReportWriter::new(Vec::new(), format, detail, format == Format::Text)
        .expect("a Vec takes it");
    writer.article(report).expect("a Vec takes it");
    writer
        .error("other.txt", "an error message")
        .expect("a Vec takes it");
    writer.finish().expect("a Vec takes it")
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = ScoreOptions {
        threshold: MODEL.threshold,
        min_words: usize::from(data.first().copied().unwrap_or(5) % 8),
        max_flagged_share: 0.2,
        min_flagged: usize::from(data.get(1).copied().unwrap_or(1) % 4),
        article_context: f64::from(data.get(2).copied().unwrap_or(0) % 4) * 0.5,
    };
    let article = paragraphs(&text);
    let report = score_article(&MODEL, "fuzz.txt", &article, &options);
    assert_eq!(report.paragraphs.len(), article.len());
    for paragraph in &report.paragraphs {
        let p = paragraph.probability;
        assert!(p.is_finite() && (0.0..=1.0).contains(&p), "probability {p}");
        assert!(!paragraph.flagged || paragraph.judged);
        for e in &paragraph.evidence {
            common::check_span(&paragraph.text, e.start, e.end);
            assert_eq!(paragraph.text[e.start..e.end], e.matched);
            assert_eq!(
                paragraph
                    .text
                    .chars()
                    .take(e.char_start)
                    .map(char::len_utf8)
                    .sum::<usize>(),
                e.start
            );
            assert_eq!(e.char_end - e.char_start, e.matched.chars().count());
        }
    }
    assert!((0.0..=1.0).contains(&report.score));
    if report.judged == 0 {
        assert_eq!(
            report.verdict,
            Verdict::Block,
            "nothing judged never passes"
        );
    }
    for detail in [Detail::Paragraphs, Detail::Verdicts] {
        let json = write(&report, Format::Json, detail);
        let document: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
        assert_eq!(document["articles"].as_array().map(Vec::len), Some(1));
        let jsonl = write(&report, Format::Jsonl, detail);
        for line in String::from_utf8(jsonl).expect("UTF-8").lines() {
            serde_json::from_str::<serde_json::Value>(line).expect("each line is JSON");
        }
        for format in [Format::Text, Format::Csv, Format::Html] {
            String::from_utf8(write(&report, format, detail)).expect("UTF-8");
        }
    }
});
