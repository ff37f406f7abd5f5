//! Checks shared by the fuzz targets: every span calque reports must point into its text.

/// Asserts that `start..end` is a non-empty span inside `text`, on character boundaries, and
/// that its character offsets agree with its byte offsets.
pub fn check_span(text: &str, start: usize, end: usize) {
    assert!(start < end, "empty or reversed span {start}..{end}");
    assert!(
        end <= text.len(),
        "span {start}..{end} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "span {start}..{end} not on char boundaries"
    );
    let chars = calque::segment::char_offset(text, end) - calque::segment::char_offset(text, start);
    assert_eq!(chars, text[start..end].chars().count());
}
