//! The `html` format of `score`: one self-contained page (inline CSS, no script, nothing
//! fetched from the network) that an editor opens in a browser.
//!
//! It is written as the articles are scored: [`write_header`], then [`write_article`] once per
//! article (its summary first: verdict, counts, score; then every paragraph with its line
//! number, shaded by its probability, the spans that fired highlighted with
//! `<mark title="feature: hint">`), then [`write_footer`] with an index of the articles and
//! the inputs that could not be read (shown at the top of the page by CSS when there is more
//! than one article, or any error). Everything that comes from the input is escaped.

use std::io::{self, Write};

use crate::report::{ArticleReport, EvidenceReport, ParagraphReport, Verdict};

/// One line of the page's index.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexEntry {
    /// Input path.
    pub path: String,
    /// Pass or block.
    pub verdict: Verdict,
    /// Why, in words.
    pub reason: String,
}

const STYLE: &str = r#"
body { font: 16px/1.5 system-ui, sans-serif; color: #1f2328; margin: 0 auto; max-width: 60rem;
  padding: 1rem 1.5rem; display: flex; flex-direction: column; }
h1 { font-size: 1.3rem; margin: .5rem 0; order: -2; }
.legend { color: #59636e; font-size: .85rem; margin: 0 0 1rem; order: -2; }
.swatch { display: inline-block; width: 2.5em; height: .9em; vertical-align: middle;
  border: 1px solid #d1d9e0; }
section.article { border: 1px solid #d1d9e0; border-radius: 6px; margin: 0 0 1.5rem; }
.summary { padding: .75rem 1rem; border-bottom: 1px solid #d1d9e0; background: #f6f8fa;
  border-radius: 6px 6px 0 0; }
.summary h2 { font-size: 1.1rem; margin: 0; word-break: break-all; }
.summary p { margin: .25rem 0 0; }
.counts { color: #59636e; font-size: .9rem; }
.verdict { display: inline-block; padding: 0 .5em; border-radius: 1em; color: #fff;
  font-size: .9rem; text-transform: uppercase; letter-spacing: .04em; margin-right: .4em; }
.verdict.pass { background: #1a7f37; }
.verdict.block { background: #cf222e; }
.para { display: grid; grid-template-columns: 3.5rem 3.5rem 1fr; gap: 0 .5rem;
  padding: .4rem 1rem .4rem 0; border-left: 4px solid transparent; }
.para.flagged { border-left-color: #cf222e; }
.para.unjudged { color: #59636e; }
.para .line, .para .prob { text-align: right; font: .8rem/1.9 ui-monospace, monospace;
  color: #59636e; }
.para p { margin: 0; }
.para ul.hints { grid-column: 3; margin: .3rem 0 0; padding-left: 1.2rem; font-size: .85rem; }
mark { background: #ffd33d; border-bottom: 2px solid #cf222e; padding: 0;
  position: relative; cursor: help; }
mark:hover::after { content: attr(data-hint); position: absolute; left: 0; top: 1.6em;
  z-index: 1; width: max-content; max-width: 28rem; white-space: pre-line; background: #1f2328;
  color: #fff; padding: .3rem .5rem; border-radius: 4px; font-size: .8rem; }
code { font: .85rem ui-monospace, monospace; }
footer.index { order: -1; margin: 0 0 1.5rem; }
footer.index table { border-collapse: collapse; width: 100%; font-size: .9rem; }
footer.index td, footer.index th { text-align: left; padding: .2rem .5rem;
  border-bottom: 1px solid #d1d9e0; }
.errors li { color: #cf222e; }
"#;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The background of a paragraph: transparent at probability 0, red as it nears 1.
fn shade(probability: f64) -> String {
    let alpha = probability.clamp(0.0, 1.0) * 0.35;
    format!("rgba(207, 34, 46, {alpha:.3})")
}

/// Writes the page's start: head, inline style, title and legend.
pub fn write_header(out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"calque {}\">\n\
         <title>calque report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>calque report</h1>\n<p class=\"legend\">Each paragraph is shaded by its \
         probability of poor machine translation (<span class=\"swatch\" style=\"background: {}\">\
         </span> 0 to <span class=\"swatch\" style=\"background: {}\"></span> 1); flagged \
         paragraphs have a red edge; highlighted words are the evidence (hover for the hint). \
         Grey paragraphs are too short to judge.</p>\n",
        env!("CARGO_PKG_VERSION"),
        shade(0.0),
        shade(1.0)
    )
}

/// Writes one article: its summary, then every paragraph.
pub fn write_article(
    out: &mut dyn Write,
    article: &ArticleReport,
    number: usize,
) -> io::Result<()> {
    let verdict = match article.verdict {
        Verdict::Pass => "pass",
        Verdict::Block => "block",
    };
    writeln!(
        out,
        "<section class=\"article {verdict}\" id=\"article-{number}\">\n<header class=\"summary\">\n\
         <h2><span class=\"verdict {verdict}\">{verdict}</span>{}</h2>\n<p>{}</p>\n\
         <p class=\"counts\">{} paragraphs, {} judged, {} flagged; score {:.2}; highest \
         probability {:.2}; threshold {:.2}; blocked above a flagged share of {:.2} with {} or more flagged (every judged one, if fewer); article context {}</p>\n</header>",
        escape(&article.path),
        escape(&article.reason),
        article.paragraphs.len(),
        article.judged,
        article.flagged,
        article.score,
        article.max_probability,
        article.threshold,
        article.max_flagged_share,
        article.min_flagged,
        article.article_context
    )?;
    for paragraph in &article.paragraphs {
        write_paragraph(out, paragraph)?;
    }
    writeln!(out, "</section>")
}

fn write_paragraph(out: &mut dyn Write, paragraph: &ParagraphReport) -> io::Result<()> {
    let class = if paragraph.flagged {
        "flagged"
    } else if paragraph.judged {
        "judged"
    } else {
        "unjudged"
    };
    writeln!(
        out,
        "<div class=\"para {class}\" style=\"background: {}\">\
         <span class=\"line\" title=\"line in the input\">{}</span>\
         <span class=\"prob\" title=\"probability\">{:.2}</span>\n<p>{}</p>",
        shade(paragraph.probability),
        paragraph.line,
        paragraph.probability,
        highlighted(&paragraph.text, &paragraph.evidence)
    )?;
    if paragraph.flagged && !paragraph.evidence.is_empty() {
        writeln!(out, "<ul class=\"hints\">")?;
        for e in &paragraph.evidence {
            writeln!(
                out,
                "<li><mark>{}</mark> <code>{}</code>: {}</li>",
                escape(&e.matched),
                escape(e.feature),
                escape(&e.hint)
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</div>")
}

/// The paragraph, escaped, with every span that fired in a `<mark>`. Overlapping spans are
/// cut at each boundary, so each piece lists every hint that covers it, in evidence order.
fn highlighted(text: &str, evidence: &[EvidenceReport]) -> String {
    let mut spans: Vec<(usize, &EvidenceReport)> = evidence
        .iter()
        .enumerate()
        .filter(|(_, e)| e.start < e.end && text.get(e.start..e.end).is_some())
        .collect();
    spans.sort_by_key(|(index, e)| (e.start, *index));
    let mut cuts: Vec<usize> = spans.iter().flat_map(|(_, e)| [e.start, e.end]).collect();
    cuts.push(0);
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    // One sweep over the cuts: the spans open at a piece are those started at or before it and
    // not yet ended; every end is a cut, so each open span covers the whole piece.
    let mut open: Vec<(usize, &EvidenceReport)> = Vec::new();
    let mut next = 0;
    let mut out = String::new();
    for piece in cuts.windows(2) {
        let (from, to) = (piece[0], piece[1]);
        open.retain(|(_, e)| e.end > from);
        while let Some(&(index, e)) = spans.get(next).filter(|(_, e)| e.start <= from) {
            open.push((index, e));
            next += 1;
        }
        let content = escape(&text[from..to]);
        if open.is_empty() {
            out.push_str(&content);
        } else {
            open.sort_by_key(|(index, _)| *index);
            let covering: Vec<String> = open
                .iter()
                .map(|(_, e)| format!("{}: {}", e.feature, e.hint))
                .collect();
            let hint = escape(&covering.join("\n")).replace('\n', "&#10;");
            out.push_str(&format!(
                "<mark title=\"{hint}\" data-hint=\"{hint}\">{content}</mark>"
            ));
        }
    }
    out
}

/// Writes the index of the articles (when there are several) and the inputs that could not
/// be read (each message names its input), then closes the page.
pub fn write_footer(
    out: &mut dyn Write,
    index: &[IndexEntry],
    errors: &[(String, String)],
) -> io::Result<()> {
    if index.len() > 1 || !errors.is_empty() {
        let blocked = index.iter().filter(|e| e.verdict == Verdict::Block).count();
        writeln!(
            out,
            "<footer class=\"index\">\n<p>{} articles: {} blocked, {} passed; {} could not be read.</p>",
            index.len(),
            blocked,
            index.len() - blocked,
            errors.len()
        )?;
        if !index.is_empty() {
            writeln!(
                out,
                "<table>\n<tr><th>verdict</th><th>article</th><th>why</th></tr>"
            )?;
            for (number, entry) in index.iter().enumerate() {
                let verdict = match entry.verdict {
                    Verdict::Pass => "pass",
                    Verdict::Block => "block",
                };
                writeln!(
                    out,
                    "<tr><td><span class=\"verdict {verdict}\">{verdict}</span></td>\
                     <td><a href=\"#article-{}\">{}</a></td><td>{}</td></tr>",
                    number + 1,
                    escape(&entry.path),
                    escape(&entry.reason)
                )?;
            }
            writeln!(out, "</table>")?;
        }
        if !errors.is_empty() {
            writeln!(out, "<ul class=\"errors\">")?;
            for (_, message) in errors {
                writeln!(out, "<li>{}</li>", escape(message))?;
            }
            writeln!(out, "</ul>")?;
        }
        writeln!(out, "</footer>")?;
    }
    writeln!(out, "</body>\n</html>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(text: &str, matched: &str, feature: &'static str, hint: &str) -> EvidenceReport {
        let start = text.find(matched).unwrap();
        EvidenceReport {
            family: "test",
            feature,
            matched: matched.to_string(),
            start,
            end: start + matched.len(),
            char_start: 0,
            char_end: 0,
            hint: hint.to_string(),
        }
    }

    #[test]
    fn input_text_is_escaped_everywhere() {
        let text = "<script>alert(1)</script> & le \"meeting\"";
        let e = evidence(text, "meeting", "anglicism", "say <réunion> & co");
        let html = highlighted(text, &[e]);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.starts_with("&lt;script&gt;alert(1)&lt;/script&gt; &amp; le &quot;"));
        assert!(html.contains(
            "<mark title=\"anglicism: say &lt;réunion&gt; &amp; co\" data-hint=\"anglicism: say &lt;réunion&gt; &amp; co\">meeting</mark>"
        ), "{html}");
    }

    #[test]
    fn overlapping_spans_are_cut_and_list_every_hint() {
        let text = "Yuri Ushakov a parlé.";
        let whole = evidence(text, "Yuri Ushakov", "name", "Iouri Ouchakov");
        let first = evidence(text, "Yuri", "translit", "Iouri");
        let html = highlighted(text, &[whole.clone(), first.clone()]);
        assert_eq!(
            html,
            "<mark title=\"name: Iouri Ouchakov&#10;translit: Iouri\" data-hint=\"name: Iouri Ouchakov&#10;translit: Iouri\">Yuri</mark>\
             <mark title=\"name: Iouri Ouchakov\" data-hint=\"name: Iouri Ouchakov\"> Ushakov</mark> a parlé."
        );
        // Hints follow the evidence order, whatever the order of the spans' starts.
        let html = highlighted(text, &[first, whole]);
        assert!(html.starts_with("<mark title=\"translit: Iouri&#10;name: Iouri Ouchakov\""));
    }

    #[test]
    fn the_footer_indexes_articles_and_lists_errors_escaped() {
        let entry = |path: &str, verdict| IndexEntry {
            path: path.to_string(),
            verdict,
            reason: "why".to_string(),
        };
        let mut out = Vec::new();
        let index = [
            entry("a.txt", Verdict::Pass),
            entry("<b>.txt", Verdict::Block),
        ];
        let errors = [("c.txt".to_string(), "c.txt: <missing> & gone".to_string())];
        write_footer(&mut out, &index, &errors).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(html.contains("2 articles: 1 blocked, 1 passed; 1 could not be read."));
        assert!(
            html.contains("<a href=\"#article-2\">&lt;b&gt;.txt</a>"),
            "{html}"
        );
        assert!(
            html.contains("<li>c.txt: &lt;missing&gt; &amp; gone</li>"),
            "{html}"
        );
        let mut out = Vec::new();
        write_footer(&mut out, &index[..1], &[]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "</body>\n</html>\n",
            "no index for one"
        );
    }

    #[test]
    fn spans_off_char_boundaries_are_ignored_not_a_panic() {
        let text = "été";
        let bad = EvidenceReport {
            start: 1,
            end: 3,
            ..evidence(text, "été", "f", "h")
        };
        assert_eq!(highlighted(text, &[bad]), "été");
    }
}
