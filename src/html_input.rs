//! Paragraphs of an HTML article.
//!
//! A web page holds more than its article: menus, scripts, related links. The text of `p`,
//! `h1`–`h6`, `li` and `blockquote` elements is kept, each element one paragraph. So is text
//! written straight into a block (`div`, `td`, `article`…), as older sites and forums write
//! articles, with `<br>` as line breaks: such a stretch is cut into paragraphs as plain text is
//! (a blank line, here `<br><br>`, always ends one). Whatever sits inside `head`, `script`,
//! `style`, `nav`, `header`, `footer`, `aside`, `noscript` and `template` is skipped. Entities
//! are decoded, runs of HTML whitespace become one space, and each paragraph keeps the 1-based
//! line of the HTML source where it starts, so reports point back into the file.
//!
//! The HTML is read with html5ever's tokenizer (Servo's spec-compliant parser, which reports
//! line numbers and decodes character references). A tokenizer, not a tree: a start tag of a
//! paragraph element or of a block that cannot sit inside a paragraph (`div`, `ul`, `table`…)
//! ends the paragraph being read, and the end tag of a block closes what was left open inside
//! it, which is how browsers close an unclosed `<p>` or `<li>` too.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use encoding_rs::{Encoding, UTF_8};

use crate::segment::{paragraphs as text_paragraphs, Paragraph};

/// Bytes of a page searched for a `<meta>` charset, as browsers do.
const CHARSET_PRESCAN: usize = 1024;

/// The charset a page declares in a `<meta>` tag of its first 1,024 bytes (`charset="…"`, or
/// `content="text/html; charset=…"`), when it names an encoding other than UTF-8 that keeps
/// ASCII as ASCII: the encoding to read a page with that is not valid UTF-8.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(CHARSET_PRESCAN)].to_ascii_lowercase();
    memchr::memmem::find_iter(&head, b"<meta").find_map(|start| {
        let tag = &head[start..];
        let tag = &tag[..memchr::memchr(b'>', tag).unwrap_or(tag.len())];
        let after = memchr::memmem::find(tag, b"charset")? + "charset".len();
        let value = tag[after..].trim_ascii_start().strip_prefix(b"=")?;
        let value = value.trim_ascii_start();
        let value = value
            .strip_prefix(b"\"")
            .or(value.strip_prefix(b"'"))
            .unwrap_or(value);
        let end = value
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b"-_.:".contains(&b)))
            .unwrap_or(value.len());
        Encoding::for_label(&value[..end])
            .filter(|&encoding| encoding != UTF_8 && encoding.is_ascii_compatible())
    })
}

/// Elements whose text is a paragraph.
const PARAGRAPHS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"];

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "nav", "header", "footer", "aside", "noscript", "template",
];

/// Block elements that end the paragraph being read, without starting one; closing one
/// closes the paragraph elements left open inside it.
const BREAKS: &[&str] = &[
    "address",
    "article",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "hr",
    "main",
    "ol",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// What the tokenizer has found so far.
#[derive(Default)]
struct State {
    paragraphs: Vec<Paragraph>,
    /// Text of the paragraph being read, and the line of its opening tag.
    current: Option<(String, usize)>,
    /// Text written straight into a block, outside paragraph elements, with `<br>` as line
    /// breaks, and the source line where each of its lines starts.
    loose: Option<(String, Vec<usize>)>,
    /// True after a `<br>` in loose text, until text starts the next line and gives its line.
    line_pending: bool,
    /// Open paragraph and block elements, innermost last.
    open: Vec<String>,
    /// How many skipped elements are open.
    skipping: usize,
}

impl State {
    fn flush(&mut self) {
        if let Some((text, line)) = self.current.take() {
            let text = collapse_whitespace(&text);
            if !text.trim().is_empty() {
                self.paragraphs.push(Paragraph { text, line });
            }
        }
        self.line_pending = false;
        if let Some((text, lines)) = self.loose.take() {
            let collapsed: Vec<String> = text.split('\n').map(collapse_whitespace).collect();
            for found in text_paragraphs(&collapsed.join("\n")) {
                if found.text.chars().any(char::is_alphanumeric) {
                    self.paragraphs.push(Paragraph {
                        text: found.text,
                        line: lines
                            .get(found.line - 1)
                            .or(lines.last())
                            .copied()
                            .unwrap_or(1),
                    });
                }
            }
        }
    }

    /// Closes the open elements the element starting now cannot sit inside (any paragraph
    /// element or block ends an open `<p>`, `<li>` an open `<li>`, a heading an open heading),
    /// as an HTML parser would.
    fn close_implied_by(&mut self, name: &str) {
        while let Some(top) = self.open.last() {
            let implied = match top.as_str() {
                "p" => PARAGRAPHS.contains(&name) || BREAKS.contains(&name),
                "li" => name == "li",
                top => is_heading(top) && is_heading(name),
            };
            if !implied {
                break;
            }
            self.open.pop();
        }
    }

    fn tag(&mut self, tag: &Tag, line: usize) {
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        if SKIPPED.contains(&name) {
            if start {
                self.skipping += 1;
            } else {
                self.skipping = self.skipping.saturating_sub(1);
            }
            return;
        }
        if self.skipping > 0 {
            return;
        }
        if name == "br" {
            let in_paragraph = self.in_paragraph();
            match &mut self.loose {
                Some((text, lines)) if !in_paragraph => {
                    text.push('\n');
                    lines.push(line);
                    self.line_pending = true;
                }
                _ => self.text(" ", line),
            }
            return;
        }
        let paragraph = PARAGRAPHS.contains(&name);
        if !paragraph && !BREAKS.contains(&name) {
            return;
        }
        self.flush();
        if start {
            self.close_implied_by(name);
            if name != "hr" {
                self.open.push(name.to_string());
            }
            if paragraph {
                self.current = Some((String::new(), line));
            }
        } else if let Some(at) = self.open.iter().rposition(|open| open == name) {
            self.open.truncate(at);
        }
    }

    fn in_paragraph(&self) -> bool {
        self.open.iter().any(|e| PARAGRAPHS.contains(&e.as_str()))
    }

    fn text(&mut self, text: &str, line: usize) {
        if self.skipping > 0 {
            return;
        }
        if self.in_paragraph() {
            self.current
                .get_or_insert_with(|| (String::new(), line))
                .0
                .push_str(text);
        } else if self.loose.is_some() || !text.trim_ascii().is_empty() {
            // The tokenizer gives the line where a run of text ends: count back to where its
            // first visible character sits.
            let start = text.trim_ascii_start();
            let first_line = (!start.is_empty()).then(|| {
                let before = text[..text.len() - start.len()].matches('\n').count();
                (line + before)
                    .saturating_sub(text.matches('\n').count())
                    .max(1)
            });
            let (loose, lines) = self
                .loose
                .get_or_insert_with(|| (String::new(), Vec::new()));
            match (first_line, lines.last_mut()) {
                (Some(first), None) => lines.push(first),
                (Some(first), Some(last)) if self.line_pending => {
                    *last = first;
                    self.line_pending = false;
                }
                _ => {}
            }
            // Source line breaks inside loose text are spaces, as in a browser; only `<br>`
            // breaks a line.
            loose.push_str(&text.replace(['\n', '\r'], " "));
        }
    }
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// The tokenizer state the content of a start tag needs (scripts and styles hold raw text
/// that must not be read as tags).
fn content_state(name: &str) -> Option<TokenSinkResult<()>> {
    match name {
        "script" => Some(TokenSinkResult::RawData(RawKind::ScriptData)),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            Some(TokenSinkResult::RawData(RawKind::Rawtext))
        }
        "title" | "textarea" => Some(TokenSinkResult::RawData(RawKind::Rcdata)),
        "plaintext" => Some(TokenSinkResult::Plaintext),
        _ => None,
    }
}

struct Sink(RefCell<State>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<()> {
        let line = usize::try_from(line_number).unwrap_or(usize::MAX);
        let mut state = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                state.tag(&tag, line);
                if tag.kind == TagKind::StartTag {
                    if let Some(next) = content_state(&tag.name) {
                        return next;
                    }
                }
            }
            Token::CharacterTokens(text) => state.text(&text, line),
            Token::EOFToken => state.flush(),
            Token::DoctypeToken(_)
            | Token::CommentToken(_)
            | Token::NullCharacterToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

/// Collapses runs of HTML whitespace (space, tab, line feed, form feed, carriage return) to
/// one space and trims; no-break spaces are text, and stay.
fn collapse_whitespace(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The paragraphs of an HTML document, in order, each with the line of its opening tag (for a
/// tag written over several lines, the line where it ends).
pub fn paragraphs(html: &str) -> Vec<Paragraph> {
    let tokenizer = Tokenizer::new(Sink(RefCell::default()), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut state = tokenizer.sink.0.take();
    state.flush();
    state.paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_charset_is_found_in_either_meta_form() {
        let name = |page: &str| declared_charset(page.as_bytes()).map(|e| e.name());
        assert_eq!(
            name("<html><head><META CHARSET='iso-8859-15'></head>"),
            Some("ISO-8859-15")
        );
        assert_eq!(
            name(r#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">"#),
            Some("windows-1252")
        );
        assert_eq!(name(r#"<meta charset="utf-8">"#), None);
        assert_eq!(name(r#"<meta name="description" content="charset">"#), None);
        assert_eq!(name("<p>charset=latin1</p>"), None, "only inside <meta>");
        let late = format!("{}<meta charset=\"latin1\">", " ".repeat(CHARSET_PRESCAN));
        assert_eq!(name(&late), None, "past the first 1,024 bytes");
    }

    fn texts(html: &str) -> Vec<(String, usize)> {
        paragraphs(html)
            .into_iter()
            .map(|p| (p.text, p.line))
            .collect()
    }

    #[test]
    fn block_elements_become_paragraphs_with_their_line() {
        let html = "<html><body>\n<h1>Le titre</h1>\n<p>Un <em>premier</em>\n   paragraphe.</p>\n<ul><li>Un point</li></ul>\n</body></html>";
        assert_eq!(
            texts(html),
            vec![
                ("Le titre".to_string(), 2),
                ("Un premier paragraphe.".to_string(), 3),
                ("Un point".to_string(), 5),
            ]
        );
    }

    #[test]
    fn entities_are_decoded_and_no_break_spaces_kept() {
        let got =
            texts("<p>Caf&eacute; &amp; cr&egrave;me&nbsp;: &laquo;&#160;oui&#xA0;&raquo;</p>");
        assert_eq!(got[0].0, "Café & crème\u{a0}: «\u{a0}oui\u{a0}»");
    }

    #[test]
    fn scripts_styles_and_navigation_are_skipped() {
        let html = "<nav><ul><li>Accueil du site</li></ul></nav>\n<script>var p = '<p>Texte caché</p>';</script>\n<style>p { color: red }</style>\n<p>Le vrai texte.</p>\n<footer><p>Mentions légales</p></footer>";
        assert_eq!(texts(html), vec![("Le vrai texte.".to_string(), 4)]);
    }

    #[test]
    fn text_written_straight_into_a_block_is_cut_at_line_breaks_like_plain_text() {
        let html = "<html><head><title>Le titre de la page</title></head><body>\n\
                    <div>Premier paragraphe, écrit\n sur deux lignes.<br><br>\n\
                    Deuxième paragraphe<br>\ncoupé au milieu de sa phrase.<br>\n\
                    Troisième.<br> | <br></div>\n\
                    <table><tr><td>Une cellule.</td></tr></table></body></html>";
        assert_eq!(
            texts(html),
            vec![
                ("Premier paragraphe, écrit sur deux lignes.".to_string(), 2),
                (
                    "Deuxième paragraphe coupé au milieu de sa phrase.".to_string(),
                    4
                ),
                ("Troisième.".to_string(), 6),
                ("Une cellule.".to_string(), 7),
            ]
        );
    }

    #[test]
    fn whitespace_only_elements_and_separators_are_not_paragraphs() {
        // A vertical tab is text to HTML but whitespace to a reader (found by fuzzing).
        assert!(texts("<p>\u{b}</p><div> | <br> · </div>").is_empty());
    }

    #[test]
    fn an_unclosed_paragraph_ends_at_the_next_block() {
        let html = "<p>Premier.\n<p>Deuxième.\n<div>hors paragraphe</div>\n<blockquote><p>Citée.</p></blockquote>";
        assert_eq!(
            texts(html),
            vec![
                ("Premier.".to_string(), 1),
                ("Deuxième.".to_string(), 2),
                ("hors paragraphe".to_string(), 3),
                ("Citée.".to_string(), 4),
            ]
        );
    }

    #[test]
    fn an_unclosed_list_item_ends_at_the_next_one() {
        let html = "<ul><li><p>Un\n<li>Deux</ul>\n<div>hors liste</div>";
        assert_eq!(
            texts(html),
            vec![
                ("Un".to_string(), 1),
                ("Deux".to_string(), 2),
                ("hors liste".to_string(), 3)
            ]
        );
        assert_eq!(
            texts("<li><div>Dans un bloc</div></li>"),
            vec![("Dans un bloc".to_string(), 1)]
        );
    }

    #[test]
    fn broken_html_never_panics() {
        for html in [
            "",
            "<",
            "<p",
            "</p></li></nav>",
            "<script>",
            "<p>&#xFFFFFF; &bogus;",
        ] {
            let _ = paragraphs(html);
        }
        assert_eq!(texts("<p>a &bogus; b")[0].0, "a &bogus; b");
    }
}
