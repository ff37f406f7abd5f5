//! The `text` format of `score` and `gate`, for people, shaped like a linter's output
//! (rustc, LanguageTool): one `path:line: probability flagged` line per flagged paragraph, then
//! each span that fired, shown in an excerpt of the paragraph, underlined with `^` and followed
//! by its feature and hint; then one verdict line per article.
//!
//! ```text
//! tests/data/machine.txt:3: 0.99 flagged
//!     Yesterday, le président a rencontré Putin à Moscow pour discuter d'une…
//!     ^^^^^^^^^ anglicism_english: English word; French: hier
//! tests/data/machine.txt: block (4 of 4 judged paragraphs flagged (100%), over 20%)
//! ```
//!
//! Underlines are measured in terminal columns (unicode-width), so they stay under the span
//! after accented letters, combining accents and wide characters. Colour is optional and
//! decided by the caller; without it the output holds no escape codes.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthStr;

use crate::report::{ArticleReport, EvidenceReport, ParagraphReport, Verdict};

/// Columns of paragraph shown around a span.
const EXCERPT_WIDTH: usize = 76;
/// Columns of context kept before a span, at most.
const CONTEXT_BEFORE: usize = 28;
/// Indentation of excerpts and underlines.
const INDENT: &str = "    ";
/// Spans shown under one paragraph: a real paragraph fires a handful, and a pasted word list
/// or a garbled page can fire thousands, which would bury the other paragraphs.
const MAX_SPANS_SHOWN: usize = 20;

/// The styles of each part of the output; all plain when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Styles {
    location: Style,
    flagged: Style,
    underline: Style,
    feature: Style,
    pass: Style,
    block: Style,
    dim: Style,
}

impl Styles {
    /// Terminal colours when `color`, else no escape codes at all.
    pub fn new(color: bool) -> Styles {
        if !color {
            let plain = Style::new();
            return Styles {
                location: plain,
                flagged: plain,
                underline: plain,
                feature: plain,
                pass: plain,
                block: plain,
                dim: plain,
            };
        }
        Styles {
            location: Style::new().bold(),
            flagged: AnsiColor::Yellow.on_default().bold(),
            underline: AnsiColor::Red.on_default().bold(),
            feature: AnsiColor::Cyan.on_default(),
            pass: AnsiColor::Green.on_default().bold(),
            block: AnsiColor::Red.on_default().bold(),
            dim: Style::new().dimmed(),
        }
    }
}

/// Writes every flagged paragraph of an article with its evidence.
pub fn write_flagged(
    out: &mut dyn Write,
    article: &ArticleReport,
    styles: &Styles,
) -> io::Result<()> {
    for paragraph in article.paragraphs.iter().filter(|p| p.flagged) {
        write_paragraph(out, &article.path, paragraph, styles)?;
    }
    Ok(())
}

fn write_paragraph(
    out: &mut dyn Write,
    path: &str,
    paragraph: &ParagraphReport,
    styles: &Styles,
) -> io::Result<()> {
    let (location, flagged) = (styles.location, styles.flagged);
    writeln!(
        out,
        "{location}{path}:{}:{location:#} {flagged}{:.2} flagged{flagged:#}",
        paragraph.line, paragraph.probability
    )?;
    let text = &paragraph.text;
    let spans: Vec<&EvidenceReport> = paragraph
        .evidence
        .iter()
        .filter(|e| e.start < e.end && text.get(e.start..e.end).is_some())
        .collect();
    if spans.is_empty() {
        let excerpt = Excerpt::around(text, 0, 0);
        writeln!(out, "{INDENT}{}", excerpt.line)?;
        let reasons: Vec<String> = paragraph
            .reasons
            .iter()
            .map(|r| format!("{} (+{:.2})", r.feature, r.contribution))
            .collect();
        if !reasons.is_empty() {
            let dim = styles.dim;
            writeln!(out, "{INDENT}{dim}raised by {}{dim:#}", reasons.join(", "))?;
        }
        return Ok(());
    }
    let mut spans = spans;
    spans.sort_by_key(|e| (e.start, e.end));
    let hidden = spans.len().saturating_sub(MAX_SPANS_SHOWN);
    spans.truncate(MAX_SPANS_SHOWN);
    let mut window: Option<Excerpt> = None;
    for evidence in spans {
        let (start, end) = (evidence.start, evidence.end);
        let current = match window.take() {
            Some(w) if w.contains(start, end) => w,
            _ => {
                let w = Excerpt::around(text, start, end);
                writeln!(out, "{INDENT}{}", w.line)?;
                w
            }
        };
        let (column, width) = current.columns(text, start, end);
        let (underline, feature) = (styles.underline, styles.feature);
        writeln!(
            out,
            "{INDENT}{}{underline}{}{underline:#} {feature}{}{feature:#}: {}",
            " ".repeat(column),
            "^".repeat(width.max(1)),
            evidence.feature,
            one_line(&evidence.hint)
        )?;
        window = Some(current);
    }
    if hidden > 0 {
        let dim = styles.dim;
        writeln!(
            out,
            "{INDENT}{dim}… and {hidden} more spans (--format json lists them all){dim:#}"
        )?;
    }
    Ok(())
}

/// Writes the article's verdict line: `path: pass (why)` or `path: block (why)`.
pub fn write_verdict(
    out: &mut dyn Write,
    article: &ArticleReport,
    styles: &Styles,
) -> io::Result<()> {
    let (style, verdict) = match article.verdict {
        Verdict::Pass => (styles.pass, "pass"),
        Verdict::Block => (styles.block, "block"),
    };
    let location = styles.location;
    writeln!(
        out,
        "{location}{}:{location:#} {style}{verdict}{style:#} ({})",
        article.path, article.reason
    )
}

/// A one-line excerpt of a paragraph: the bytes `from..to`, with `…` where it was cut.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Excerpt {
    from: usize,
    to: usize,
    line: String,
}

impl Excerpt {
    /// The excerpt of `text` around the bytes `start..end` (char boundaries, `start <= end`):
    /// some context before the span (more when the paragraph ends soon after it), then as
    /// much as fits after, cut at spaces when possible.
    fn around(text: &str, start: usize, end: usize) -> Excerpt {
        let before_budget = CONTEXT_BEFORE
            .max(EXCERPT_WIDTH.saturating_sub(width_up_to(&text[start..], EXCERPT_WIDTH)));
        let mut from = start;
        let mut before = 0;
        for (i, c) in text[..start].char_indices().rev() {
            let w = char_width(c);
            if before + w > before_budget {
                break;
            }
            before += w;
            from = i;
        }
        if from > 0 {
            if let Some(space) = text[from..start].find(' ') {
                from += space + 1;
                before = one_line(&text[from..start]).width();
            }
        }
        let budget = EXCERPT_WIDTH.saturating_sub(before + usize::from(from > 0));
        let mut to = start;
        let mut used = 0;
        for (i, c) in text[start..].char_indices() {
            let w = char_width(c);
            if used + w > budget {
                break;
            }
            used += w;
            to = start + i + c.len_utf8();
        }
        if to < text.len() {
            // Cut at a space after the span, or inside a span too long to fit.
            let keep = if end < to { end } else { start };
            if let Some(space) = text[keep..to].rfind(' ').filter(|&s| keep + s > start) {
                to = keep + space;
            }
        }
        let mut line = String::new();
        if from > 0 {
            line.push('…');
        }
        line.push_str(&one_line(&text[from..to]));
        if to < text.len() {
            line.push('…');
        }
        Excerpt { from, to, line }
    }

    /// True when the span `start..end` is wholly in the excerpt.
    fn contains(&self, start: usize, end: usize) -> bool {
        self.from <= start && end <= self.to
    }

    /// Terminal column where the span starts in the line, and the columns it takes there
    /// (cut at the excerpt's end). The span must start inside the excerpt.
    fn columns(&self, text: &str, start: usize, end: usize) -> (usize, usize) {
        let ellipsis = usize::from(self.from > 0);
        let column = ellipsis + one_line(&text[self.from..start]).width();
        let width = one_line(&text[start..end.min(self.to).max(start)]).width();
        (column, width)
    }
}

/// The columns `text` takes, counted only until they reach `limit`: a long paragraph with many
/// spans is not measured to its end for each excerpt.
fn width_up_to(text: &str, limit: usize) -> usize {
    let mut width = 0;
    for c in text.chars() {
        if width >= limit {
            break;
        }
        width += char_width(c);
    }
    width
}

/// Columns a character takes once control characters are shown as spaces.
fn char_width(c: char) -> usize {
    if c.is_control() {
        1
    } else {
        unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
    }
}

/// The text with control characters (tabs, line breaks) shown as spaces, so an excerpt stays
/// on one line and its columns are what `char_width` counted.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The excerpt's text under the underline of `start..end`, found by columns.
    fn underlined(text: &str, start: usize, end: usize) -> String {
        let excerpt = Excerpt::around(text, start, end);
        let (from, width) = excerpt.columns(text, start, end);
        let mut column = 0;
        let mut out = String::new();
        for c in excerpt.line.chars() {
            if column >= from && column < from + width {
                out.push(c);
            }
            column += char_width(c);
        }
        out
    }

    fn span(text: &str, word: &str) -> (usize, usize) {
        let start = text.find(word).unwrap();
        (start, start + word.len())
    }

    #[test]
    fn a_paragraph_firing_many_spans_shows_the_first_and_counts_the_rest() {
        let model = crate::model::Model::default_model().unwrap();
        let text = "Yesterday the people of the city said that the plan was good. ".repeat(30);
        let options = crate::report::ScoreOptions {
            threshold: 0.5,
            min_words: 5,
            max_flagged_share: 0.2,
            min_flagged: 1,
            article_context: crate::article_context::DEFAULT_WEIGHT,
        };
        let article = crate::report::score_article(
            &model,
            "a.txt",
            &crate::segment::paragraphs(&text),
            &options,
        );
        let spans = article.paragraphs[0].evidence.len();
        assert!(spans > MAX_SPANS_SHOWN, "{spans} spans");
        let mut out = Vec::new();
        write_flagged(&mut out, &article, &Styles::new(false)).unwrap();
        let out = String::from_utf8(out).unwrap();
        let underlines = out
            .lines()
            .filter(|l| l.trim_start().starts_with('^'))
            .count();
        assert_eq!(underlines, MAX_SPANS_SHOWN);
        let rest = spans - MAX_SPANS_SHOWN;
        assert!(
            out.contains(&format!(
                "… and {rest} more spans (--format json lists them all)"
            )),
            "{out}"
        );
    }

    #[test]
    fn the_underline_sits_under_the_span_after_accents() {
        let text = "Hier, l’élève a rencontré le président à Moscow pour discuter.";
        let (start, end) = span(text, "Moscow");
        assert_eq!(underlined(text, start, end), "Moscow");
        assert_eq!(
            Excerpt::around(text, start, end).line,
            text,
            "short paragraphs show whole"
        );
    }

    #[test]
    fn combining_accents_and_wide_characters_are_measured_in_columns() {
        let text = "Le cafe\u{301} du 東京 accueille le meeting du soir.";
        let (start, end) = span(text, "meeting");
        assert_eq!(underlined(text, start, end), "meeting");
        let excerpt = Excerpt::around(text, start, end);
        let (column, _) = excerpt.columns(text, start, end);
        let prefix = &text[..start];
        assert_eq!(
            prefix.chars().count() - 1 + 2,
            column,
            "é is one column, 東京 four"
        );
    }

    #[test]
    fn long_paragraphs_are_cut_around_the_span_at_word_boundaries() {
        let text = format!("{} partnership {}", "début ".repeat(30), "fin ".repeat(30));
        let (start, end) = span(&text, "partnership");
        let excerpt = Excerpt::around(&text, start, end);
        assert!(excerpt.line.starts_with("…début"), "{}", excerpt.line);
        assert!(excerpt.line.ends_with("fin…"), "{}", excerpt.line);
        assert!(excerpt.line.width() <= EXCERPT_WIDTH + 1);
        assert!(excerpt.columns(&text, start, end).0 <= CONTEXT_BEFORE + 1);
        assert_eq!(underlined(&text, start, end), "partnership");
    }

    #[test]
    fn a_span_near_the_end_gets_more_context_before() {
        let text = format!("{}le meeting.", "début ".repeat(30));
        let (start, end) = span(&text, "meeting");
        let excerpt = Excerpt::around(&text, start, end);
        assert!(excerpt.line.ends_with("le meeting."), "{}", excerpt.line);
        assert!(excerpt.line.width() > EXCERPT_WIDTH - 8, "{}", excerpt.line);
        assert_eq!(underlined(&text, start, end), "meeting");
    }

    #[test]
    fn a_span_longer_than_the_excerpt_is_cut_at_a_space() {
        let text = format!("Début. {}", "The meeting lasted long. ".repeat(6));
        let start = text.find("The").unwrap();
        let excerpt = Excerpt::around(&text, start, text.len() - 1);
        assert!(excerpt.line.ends_with('…'), "{}", excerpt.line);
        assert_eq!(&text[excerpt.to..excerpt.to + 1], " ", "cut at a space");
        let no_span = Excerpt::around("Économie et été", 0, 0);
        assert_eq!(no_span.line, "Économie et été");
    }

    #[test]
    fn tabs_become_spaces_and_keep_columns() {
        let text = "Un\ttexte avec un meeting.";
        let (start, end) = span(text, "meeting");
        assert!(!Excerpt::around(text, start, end).line.contains('\t'));
        assert_eq!(underlined(text, start, end), "meeting");
    }

    #[test]
    fn plain_styles_write_no_escape_codes() {
        let styles = Styles::new(false);
        let rendered = format!("{}x{:#}", styles.block, styles.block);
        assert_eq!(rendered, "x");
        let styles = Styles::new(true);
        assert!(format!("{}x{:#}", styles.block, styles.block).contains('\x1b'));
    }
}
