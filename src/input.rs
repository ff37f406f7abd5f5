//! Reading articles to score: paths, folders (recursing into `.txt`, `.md`, `.html` and `.htm`
//! files) and `-` for standard input. One file is one article. HTML files (by extension, or
//! any input with `--input-format html`) are read for their article text ([`html_input`]);
//! everything else, standard input included, is plain text.
//!
//! Input is checked before it is scored: a file over `max_bytes`, a binary file (NUL bytes) and
//! invalid UTF-8 (unless `lossy`) are errors that name the file and the byte offset. Text in
//! another encoding is read when named (`encoding`, e.g. windows-1252 for older French sites),
//! and an HTML file that is not UTF-8 is read in the charset its `<meta>` declares.

use std::io::Read;
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, UTF_8};

use crate::dataset::{expand_csv_paths, ArticleReader, LabeledParagraph};
use crate::error::{Error, Result};
use crate::html_input;
use crate::segment::{paragraphs, Paragraph};

/// Default `--max-bytes`: the largest article read.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// How an input's text is cut into paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// HTML for `.html` and `.htm` files, plain text for the rest and for standard input.
    #[default]
    Auto,
    /// Plain text, whatever the extension.
    Text,
    /// HTML, whatever the extension (standard input included).
    Html,
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest article, in bytes.
    pub max_bytes: u64,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    pub lossy: bool,
    /// Plain text or HTML.
    pub format: InputFormat,
    /// The inputs' character encoding, when named; `None` reads UTF-8, and an HTML file that
    /// is not valid UTF-8 in the charset its `<meta>` declares.
    pub encoding: Option<&'static Encoding>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            lossy: false,
            format: InputFormat::Auto,
            encoding: None,
        }
    }
}

/// The encoding a WHATWG label names (utf-8, windows-1252, latin1, iso-8859-15…). Encodings
/// that do not keep ASCII bytes as ASCII (UTF-16) are refused: their text would look binary.
pub fn encoding_for_label(label: &str) -> std::result::Result<&'static Encoding, String> {
    match Encoding::for_label(label.trim().as_bytes()) {
        Some(encoding) if encoding.is_ascii_compatible() => Ok(encoding),
        Some(encoding) => Err(format!(
            "{} does not keep ASCII as ASCII; convert the input to UTF-8",
            encoding.name()
        )),
        None => Err(format!(
            "unknown encoding {label:?} (examples: utf-8, windows-1252, iso-8859-15)"
        )),
    }
}

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// The name used in reports: the path, or `-`.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// True when the source is read as HTML.
    pub fn is_html(&self, format: InputFormat) -> bool {
        match (format, self) {
            (InputFormat::Html, _) => true,
            (InputFormat::Text, _) | (InputFormat::Auto, Source::Stdin) => false,
            (InputFormat::Auto, Source::File(path)) => is_html_path(path),
        }
    }
}

fn is_html_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Extensions of the files a folder is expanded to.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// The articles named on the command line, found lazily and in a stable order: each path as
/// given, `-` for standard input (also when there is no input at all), and each folder's
/// `.txt`, `.md`, `.html` and `.htm` files, sorted, subfolders in place. Only the folders
/// being walked are held in memory, so a folder of a million files costs no more than its
/// largest subfolder. Symbolic links to folders are not followed inside a folder (a link back
/// to a parent would list the same articles forever). A folder that cannot be listed, or that
/// holds no article at all (a gate must not pass an empty folder), comes out as an error, in
/// its place.
pub fn sources(inputs: &[PathBuf]) -> Sources {
    let mut pending: Vec<PathBuf> = inputs.iter().rev().cloned().collect();
    if pending.is_empty() {
        pending.push(PathBuf::from("-"));
    }
    Sources {
        pending,
        folders: Vec::new(),
        root: None,
    }
}

/// Iterator over the articles named on the command line; see [`sources`].
pub struct Sources {
    /// Command-line inputs not yet looked at, the next one last.
    pending: Vec<PathBuf>,
    /// For each folder being walked, its entries not yet looked at (with whether each is a
    /// folder, links not followed), the next one last.
    folders: Vec<Vec<(PathBuf, bool)>>,
    /// The command-line folder being walked, and whether anything came out of it yet.
    root: Option<(PathBuf, bool)>,
}

/// A folder's entries, with whether each is a folder (a link to one is not), sorted in
/// reverse so that `pop` gives them in order.
fn list(folder: &Path) -> Result<Vec<(PathBuf, bool)>> {
    let entries = std::fs::read_dir(folder).map_err(|e| Error::io(folder, e))?;
    let mut paths: Vec<(PathBuf, bool)> = entries
        .filter_map(|e| e.ok())
        .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
        .collect();
    paths.sort_unstable_by(|a, b| b.cmp(a));
    Ok(paths)
}

impl Iterator for Sources {
    type Item = Result<Source>;

    fn next(&mut self) -> Option<Self::Item> {
        let found = self.walk();
        if let (Some(_), Some((_, anything))) = (&found, &mut self.root) {
            *anything = true;
        }
        found
    }
}

impl Sources {
    fn walk(&mut self) -> Option<Result<Source>> {
        loop {
            if let Some(folder) = self.folders.last_mut() {
                let Some((path, is_dir)) = folder.pop() else {
                    self.folders.pop();
                    if self.folders.is_empty() {
                        if let Some((root, false)) = self.root.take() {
                            return Some(Err(Error::io(
                                &root,
                                std::io::Error::new(
                                    std::io::ErrorKind::NotFound,
                                    "no .txt, .md, .html or .htm file in this folder",
                                ),
                            )));
                        }
                    }
                    continue;
                };
                if is_dir {
                    match list(&path) {
                        Ok(entries) => self.folders.push(entries),
                        Err(error) => return Some(Err(error)),
                    }
                } else if path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
                {
                    return Some(Ok(Source::File(path)));
                }
                continue;
            }
            self.root = None;
            let input = self.pending.pop()?;
            if input.as_os_str() == "-" {
                return Some(Ok(Source::Stdin));
            }
            if !input.is_dir() {
                return Some(Ok(Source::File(input)));
            }
            match list(&input) {
                Ok(entries) => {
                    self.folders.push(entries);
                    self.root = Some((input, false));
                }
                Err(error) => return Some(Err(error)),
            }
        }
    }
}

/// Reads one article's text, checking size, binary content and encoding.
pub fn read_text(source: &Source, options: &ReadOptions) -> Result<String> {
    let path = PathBuf::from(source.name());
    let (reader, size): (Box<dyn Read>, u64) = match source {
        Source::Stdin => (Box::new(std::io::stdin()), 0),
        Source::File(p) => {
            let file = std::fs::File::open(p).map_err(|e| Error::io(p, e))?;
            let size = file.metadata().map_or(0, |m| m.len());
            (Box::new(file), size)
        }
    };
    // Room for the whole file and one byte more, so that it is read in one call and its end
    // found in a second (a buffer grown from empty takes about nine for a few kilobytes).
    let room = usize::try_from(size.min(options.max_bytes)).map_or(0, |n| n.saturating_add(1));
    let mut bytes = Vec::with_capacity(room);
    reader
        .take(options.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(&path, e))?;
    if bytes.len() as u64 > options.max_bytes {
        let size = match source {
            Source::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Source::Stdin => None,
        };
        return Err(Error::TooLarge {
            path,
            size,
            limit: options.max_bytes,
        });
    }
    decode(bytes, &path, options, source.is_html(options.format))
}

/// Turns bytes into text: NUL bytes mean a binary file. A named encoding other than UTF-8
/// decodes the bytes. Otherwise invalid UTF-8 is read in the charset an HTML input declares
/// (when it is not UTF-8 and no encoding was named), replaced when `lossy`, or an error with
/// its offset.
pub fn decode(bytes: Vec<u8>, path: &Path, options: &ReadOptions, html: bool) -> Result<String> {
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    if let Some(encoding) = options.encoding.filter(|&e| e != UTF_8) {
        return Ok(decode_with(encoding, &bytes));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let declared = (html && options.encoding.is_none())
                .then(|| html_input::declared_charset(e.as_bytes()))
                .flatten();
            match declared {
                Some(encoding) => Ok(decode_with(encoding, e.as_bytes())),
                None if options.lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
                None => Err(Error::InvalidUtf8 {
                    path: path.to_path_buf(),
                    offset: e.utf8_error().valid_up_to(),
                }),
            }
        }
    }
}

/// The bytes decoded from `encoding` (a byte-order mark, if any, wins); bytes the encoding
/// cannot map become U+FFFD.
fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode(bytes).0.into_owned()
}

/// An article read from a CSV export, named for reports, or the error that stopped its file.
pub type CsvArticle = (String, Result<Vec<Paragraph>>);

/// The articles of CSV exports (`calque score --data`), read record by record: a `text`
/// column, and consecutive rows sharing a `doc` are one article, in order (a `label` column is
/// ignored). An article is named `FILE#DOC`, or `FILE:LINE` for a row without `doc`; its
/// paragraphs are those of each row's text, with the line of the file where each starts (for
/// a text whose row starts with it, as exports write it). A file that cannot be opened or
/// holds a bad record yields one error named after the file; the rest of it is not read.
pub fn csv_articles(paths: &[PathBuf]) -> Box<dyn Iterator<Item = CsvArticle>> {
    let files = match expand_csv_paths(paths) {
        Ok(files) => files,
        Err(error) => return Box::new(std::iter::once((String::new(), Err(error)))),
    };
    Box::new(files.into_iter().flat_map(|path| {
        let file = path.display().to_string();
        let mut articles = match ArticleReader::open_unlabeled(&path) {
            Ok(reader) => reader.peekable(),
            Err(error) => {
                return Box::new(std::iter::once((file, Err(error))))
                    as Box<dyn Iterator<Item = CsvArticle>>
            }
        };
        if articles.peek().is_none() {
            // A header and no row: an error, so that a gate never passes an empty export.
            let error = Error::Csv {
                path,
                line: 1,
                message: "a header and no row: nothing to score".into(),
            };
            return Box::new(std::iter::once((file, Err(error))));
        }
        Box::new(articles.map(move |article| match article {
            Ok(rows) => (csv_article_name(&file, &rows), Ok(csv_paragraphs(&rows))),
            Err(error) => (file.clone(), Err(error)),
        }))
    }))
}

fn csv_article_name(file: &str, rows: &[LabeledParagraph]) -> String {
    match rows.first() {
        Some(LabeledParagraph { doc: Some(doc), .. }) => format!("{file}#{doc}"),
        Some(first) => format!("{file}:{}", first.line),
        None => file.to_string(),
    }
}

fn csv_paragraphs(rows: &[LabeledParagraph]) -> Vec<Paragraph> {
    rows.iter()
        .flat_map(|row| {
            paragraphs(&row.text).into_iter().map(|p| Paragraph {
                text: p.text,
                line: row.line as usize + p.line - 1,
            })
        })
        .collect()
}

/// Reads an article and splits it into paragraphs; an article with no text is an error.
pub fn read_article(source: &Source, options: &ReadOptions) -> Result<Vec<Paragraph>> {
    let text = read_text(source, options)?;
    let path = PathBuf::from(source.name());
    if source.is_html(options.format) {
        let found = html_input::paragraphs(&text);
        if found.is_empty() {
            return Err(Error::EmptyHtml { path });
        }
        return Ok(found);
    }
    let found = paragraphs(&text);
    if found.is_empty() {
        return Err(Error::Empty { path });
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(lossy: bool, encoding: Option<&str>) -> ReadOptions {
        ReadOptions {
            lossy,
            encoding: encoding.map(|label| encoding_for_label(label).unwrap()),
            ..ReadOptions::default()
        }
    }

    #[test]
    fn invalid_utf8_names_the_offset_unless_lossy() {
        let bytes = b"Bonjour \xff le monde".to_vec();
        let err = decode(
            bytes.clone(),
            Path::new("a.txt"),
            &options(false, None),
            false,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("a.txt") && err.contains("byte 8"), "{err}");
        assert!(err.contains("--encoding windows-1252"), "{err}");
        assert_eq!(
            decode(bytes, Path::new("a.txt"), &options(true, None), false).unwrap(),
            "Bonjour \u{fffd} le monde"
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = decode(
            b"PK\x03\x04\x00".to_vec(),
            Path::new("a.zip"),
            &options(true, Some("windows-1252")),
            false,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("binary") && err.contains("offset 4"), "{err}");
    }

    #[test]
    fn a_named_encoding_decodes_the_text() {
        let latin = b"Le pr\xe9sident a parl\xe9 \x80 l'\xe9t\xe9.".to_vec();
        let read = |label| {
            decode(
                latin.clone(),
                Path::new("a.txt"),
                &options(false, label),
                false,
            )
        };
        assert_eq!(
            read(Some("windows-1252")).unwrap(),
            "Le président a parlé € l'été."
        );
        assert_eq!(read(Some("latin1")).unwrap(), read(Some("cp1252")).unwrap());
        assert!(read(None).is_err());
        // Naming UTF-8 reads strictly, as without a name.
        assert!(read(Some("utf-8")).is_err());
    }

    #[test]
    fn an_html_page_that_is_not_utf8_is_read_in_its_declared_charset() {
        let page = b"<html><head><meta charset=\"ISO-8859-1\"></head><p>Un \xe9t\xe9 chaud.</p>";
        let read = |encoding, html| {
            decode(
                page.to_vec(),
                Path::new("a.html"),
                &options(false, encoding),
                html,
            )
        };
        assert!(read(None, true).unwrap().contains("Un été chaud."));
        assert!(read(None, false).is_err(), "plain text declares nothing");
        assert!(read(Some("utf-8"), true).is_err(), "a named encoding wins");
        // Valid UTF-8 stays UTF-8, whatever the page declares.
        let utf8 = "<meta charset=\"windows-1252\"><p>Un été.</p>";
        let text = decode(
            utf8.as_bytes().to_vec(),
            Path::new("a.html"),
            &options(false, None),
            true,
        )
        .unwrap();
        assert_eq!(text, utf8);
    }

    #[test]
    fn encoding_labels_are_checked() {
        assert_eq!(
            encoding_for_label(" Latin1 ").unwrap().name(),
            "windows-1252"
        );
        let unknown = encoding_for_label("klingon").unwrap_err();
        assert!(
            unknown.contains("unknown encoding \"klingon\""),
            "{unknown}"
        );
        let wide = encoding_for_label("utf-16le").unwrap_err();
        assert!(
            wide.contains("UTF-16LE") && wide.contains("convert"),
            "{wide}"
        );
    }

    /// A CSV export written in a temporary folder, which lives as long as the guard.
    fn export(name: &str, content: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(name);
        std::fs::write(&file, content).unwrap();
        (dir, file)
    }

    #[test]
    fn csv_exports_give_one_article_per_doc_with_the_lines_of_the_file() {
        let (_dir, file) = export(
            "crawl.csv",
            "id,doc,label,text\n1,a,,Un.\n2,a,,Deux.\n3,,,\"Trois.\n\nQuatre.\"\n4,b,,Cinq.\n",
        );
        let got: Vec<(String, Vec<(String, usize)>)> = csv_articles(std::slice::from_ref(&file))
            .map(|(name, read)| {
                let paragraphs = read
                    .unwrap()
                    .into_iter()
                    .map(|p| (p.text, p.line))
                    .collect();
                (name.rsplit('/').next().unwrap().to_string(), paragraphs)
            })
            .collect();
        let line = |text: &str, line| (text.to_string(), line);
        assert_eq!(
            got,
            vec![
                ("crawl.csv#a".into(), vec![line("Un.", 2), line("Deux.", 3)]),
                (
                    "crawl.csv:4".into(),
                    vec![line("Trois.", 4), line("Quatre.", 6)]
                ),
                ("crawl.csv#b".into(), vec![line("Cinq.", 7)]),
            ]
        );
    }

    #[test]
    fn a_csv_export_with_no_row_is_an_error() {
        let (_dir, file) = export("vide.csv", "id,doc,text\n");
        let got: Vec<CsvArticle> = csv_articles(&[file]).collect();
        assert_eq!(got.len(), 1);
        let error = got[0].1.as_ref().unwrap_err().to_string();
        assert!(
            error.contains("vide.csv: line 1: a header and no row"),
            "{error}"
        );
    }

    #[test]
    fn a_bad_csv_record_ends_its_file_with_an_error_naming_the_line() {
        let (_dir, file) = export("crawl.csv", "text\nUn.\n\"\"\nTrois.\n");
        let got: Vec<CsvArticle> = csv_articles(&[file]).collect();
        assert_eq!(got.len(), 2);
        assert!(got[0].1.is_ok());
        let error = got[1].1.as_ref().unwrap_err().to_string();
        assert!(
            error.contains("crawl.csv: line 3") && error.contains("`text` is empty"),
            "{error}"
        );
    }

    #[test]
    fn folders_expand_to_text_files_sorted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for name in ["b.txt", "a.md", "c.csv", "sub/d.txt", "e.HTML", "f.htm"] {
            std::fs::write(dir.path().join(name), "Texte.").unwrap();
        }
        let names: Vec<String> = sources(&[dir.path().to_path_buf()])
            .map(|s| s.unwrap().name().rsplit('/').next().unwrap().to_string())
            .collect();
        assert_eq!(names, vec!["a.md", "b.txt", "e.HTML", "f.htm", "d.txt"]);
    }

    #[test]
    fn an_empty_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.csv"), "x").unwrap();
        let found: Vec<Result<Source>> = sources(&[dir.path().to_path_buf()]).collect();
        assert_eq!(found.len(), 1);
        let error = found[0].as_ref().unwrap_err().to_string();
        assert!(
            error.contains("no .txt, .md, .html or .htm file"),
            "{error}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_to_folders_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Texte.").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        let found: Vec<Source> = sources(&[dir.path().to_path_buf()])
            .map(|s| s.unwrap())
            .collect();
        assert_eq!(found, vec![Source::File(dir.path().join("a.txt"))]);
    }

    #[test]
    fn too_large_and_empty_inputs_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "x".repeat(100)).unwrap();
        let options = ReadOptions {
            max_bytes: 10,
            ..ReadOptions::default()
        };
        let err = read_article(&Source::File(big), &options)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("100 bytes") && err.contains("limit of 10"),
            "{err}"
        );
        let blank = dir.path().join("blank.txt");
        std::fs::write(&blank, "\n  \n\n").unwrap();
        let err = read_article(&Source::File(blank), &ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("blank.txt") && err.contains("no text"),
            "{err}"
        );
    }
}
