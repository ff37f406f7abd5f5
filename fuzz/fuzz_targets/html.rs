//! Reading HTML never panics, and every paragraph it finds has text and a line of the input.
#![no_main]

use calque::html_input::paragraphs;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    // Lines as HTML counts them: CR LF, LF and a lone CR each end one.
    let lines = html.replace("\r\n", "\n").split(['\n', '\r']).count();
    for paragraph in paragraphs(&html) {
        assert!(!paragraph.text.trim().is_empty(), "empty paragraph");
        assert!(
            (1..=lines).contains(&paragraph.line),
            "line {} of {lines}",
            paragraph.line
        );
    }
});
