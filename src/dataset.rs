//! Labeled CSV: reading it record by record, grouping rows into articles, and turning them
//! into a feature table.
//!
//! A labeled CSV has a header row with at least `text` and `label` (0 or 1). Optional columns:
//! `id`; `doc` (consecutive rows sharing `doc` are one article, in order, so article-level
//! features such as mixed name spellings work); `pair` (rows sharing `pair` are the same
//! content, and stay in the same cross-validation fold). Other columns are ignored, except one
//! the caller names to break results down by (e.g. `source`). The same reader, opened without
//! labels, streams the articles of the CSV exports `calque score --data` scores.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::csv_lines::{record_line, LfReader};
use crate::error::{Error, Result};
use crate::features::{extract_article, ParagraphFeatures};
use crate::parallel::{default_jobs, map_in_order};

/// One labeled paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabeledParagraph {
    /// `id` column, or `FILE:LINE` when absent.
    pub id: String,
    /// Cross-validation group: `pair`, else `doc`, else `id`.
    pub group: String,
    /// 0 = acceptable French, 1 = poor machine translation; `None` when read by
    /// [`ArticleReader::open_unlabeled`].
    pub label: Option<u8>,
    /// `doc` column, when present and not empty.
    pub doc: Option<String>,
    /// The paragraph.
    pub text: String,
    /// Value of the breakdown column, when one was asked for.
    pub breakdown: Option<String>,
    /// 1-based line of the record in its file.
    pub line: u64,
}

/// FNV-1a 64: a small, stable hash to identify training data and assign folds.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    /// Adds bytes.
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The hash so far.
    pub fn finish(self) -> u64 {
        self.0
    }

    /// Hash of one string with a seed.
    pub fn of(seed: u64, text: &str) -> u64 {
        let mut h = Fnv::default();
        h.write(&seed.to_le_bytes());
        h.write(text.as_bytes());
        h.finish()
    }
}

/// A reader that hashes what passes through it.
struct Hashing<R> {
    inner: R,
    hash: std::rc::Rc<std::cell::Cell<Fnv>>,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut h = self.hash.get();
        h.write(&buf[..n]);
        self.hash.set(h);
        Ok(n)
    }
}

/// Column positions found in the header.
struct Columns {
    id: Option<usize>,
    doc: Option<usize>,
    pair: Option<usize>,
    label: Option<usize>,
    text: usize,
    breakdown: Option<usize>,
}

/// Streams the articles of one labeled CSV.
pub struct ArticleReader {
    path: PathBuf,
    reader: csv::Reader<LfReader<Hashing<Box<dyn Read>>>>,
    record: csv::StringRecord,
    columns: Columns,
    pending: Option<(Option<String>, LabeledParagraph)>,
    hash: std::rc::Rc<std::cell::Cell<Fnv>>,
    finished: bool,
    /// The line of the last record read.
    last_line: u64,
}

impl ArticleReader {
    /// Opens a labeled CSV (`-` for standard input) and checks its header.
    pub fn open(path: &Path, breakdown: Option<&str>) -> Result<Self> {
        Self::open_with(path, breakdown, true)
    }

    /// Opens a CSV to score: `text` is required, a `label` column is ignored.
    pub fn open_unlabeled(path: &Path) -> Result<Self> {
        Self::open_with(path, None, false)
    }

    fn open_with(path: &Path, breakdown: Option<&str>, labeled: bool) -> Result<Self> {
        let input: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin())
        } else {
            Box::new(File::open(path).map_err(|e| Error::io(path, e))?)
        };
        let hash = std::rc::Rc::new(std::cell::Cell::new(Fnv::default()));
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(LfReader::new(Hashing {
                inner: input,
                hash: hash.clone(),
            }));
        let csv_error = |line: u64, message: String| Error::Csv {
            path: path.to_path_buf(),
            line,
            message,
        };
        let headers = reader
            .headers()
            .map_err(|e| csv_error(1, e.to_string()))?
            .clone();
        if headers.is_empty() || headers.iter().all(str::is_empty) {
            let expected = if labeled {
                "`text` and `label`"
            } else {
                "`text`"
            };
            return Err(csv_error(
                1,
                format!("empty file: expected a header row with {expected}"),
            ));
        }
        let named = |name: &str| {
            headers
                .iter()
                .enumerate()
                .filter(|(_, h)| h.trim().trim_start_matches('\u{feff}') == name)
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        for name in ["id", "doc", "pair", "label", "text"]
            .into_iter()
            .chain(breakdown)
        {
            if let [first, second, ..] = named(name)[..] {
                return Err(csv_error(
                    1,
                    format!(
                        "the header names `{name}` twice (columns {} and {})",
                        first + 1,
                        second + 1
                    ),
                ));
            }
        }
        let find = |name: &str| named(name).first().copied();
        let required = |name: &str| {
            find(name).ok_or_else(|| {
                csv_error(
                    1,
                    format!(
                        "no `{name}` column in the header (found: {})",
                        headers.iter().collect::<Vec<_>>().join(", ")
                    ),
                )
            })
        };
        let columns = Columns {
            id: find("id"),
            doc: find("doc"),
            pair: find("pair"),
            label: if labeled {
                Some(required("label")?)
            } else {
                None
            },
            text: required("text")?,
            breakdown: match breakdown {
                Some(name) => Some(required(name)?),
                None => None,
            },
        };
        Ok(ArticleReader {
            path: path.to_path_buf(),
            reader,
            record: csv::StringRecord::new(),
            columns,
            pending: None,
            hash,
            finished: false,
            last_line: 1,
        })
    }

    /// FNV-1a of the bytes read so far (the whole file once the reader is exhausted).
    pub fn hash(&self) -> u64 {
        self.hash.get().finish()
    }

    /// Reads the next record: its `doc` and paragraph.
    fn next_row(&mut self) -> Result<Option<(Option<String>, LabeledParagraph)>> {
        let more = self.reader.read_record(&mut self.record).map_err(|e| {
            let line = e.position().map_or(0, |p| record_line(&mut self.reader, p));
            let message = match e.kind() {
                csv::ErrorKind::UnequalLengths {
                    expected_len, len, ..
                } => {
                    format!("{len} fields, but the header has {expected_len}")
                }
                csv::ErrorKind::Utf8 { err, .. } => {
                    format!("invalid UTF-8 in field {}", err.field() + 1)
                }
                _ => e.to_string(),
            };
            Error::Csv {
                path: self.path.clone(),
                line,
                message,
            }
        })?;
        if !more {
            if self.reader.get_ref().odd_quotes() {
                return Err(Error::Csv {
                    path: self.path.clone(),
                    line: self.last_line,
                    message: "a quoted field is never closed (the file holds an odd number of \
                              \"): the rest of the file was read into this record, unless a \
                              field elsewhere holds a stray \""
                        .into(),
                });
            }
            return Ok(None);
        }
        let line = self
            .record
            .position()
            .map_or(0, |p| record_line(&mut self.reader, p));
        self.last_line = line;
        let field = |i: usize| self.record.get(i).unwrap_or("").to_string();
        let optional = |i: Option<usize>| i.map(field).filter(|v| !v.is_empty());
        let error = |message: String| Error::Csv {
            path: self.path.clone(),
            line,
            message,
        };
        let label = match self.columns.label.map(field).as_deref().map(str::trim) {
            None => None,
            Some("0") => Some(0),
            Some("1") => Some(1),
            Some(other) => {
                return Err(error(format!(
                    "field `label` must be 0 or 1, got {other:?}"
                )))
            }
        };
        let text = field(self.columns.text);
        if text.trim().is_empty() {
            return Err(error("field `text` is empty".into()));
        }
        let id =
            optional(self.columns.id).unwrap_or_else(|| format!("{}:{line}", self.path.display()));
        let doc = optional(self.columns.doc);
        let group = optional(self.columns.pair)
            .or_else(|| doc.clone())
            .unwrap_or_else(|| id.clone());
        Ok(Some((
            doc.clone(),
            LabeledParagraph {
                id,
                group,
                label,
                doc,
                text,
                breakdown: self.columns.breakdown.map(field),
                line,
            },
        )))
    }
}

impl Iterator for ArticleReader {
    type Item = Result<Vec<LabeledParagraph>>;

    /// The next article: consecutive rows with the same non-empty `doc`, or a single row.
    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        let (doc, first) = match self.pending.take() {
            Some(row) => row,
            None => match self.next_row() {
                Ok(Some(row)) => row,
                Ok(None) => {
                    self.finished = true;
                    return None;
                }
                Err(e) => {
                    self.finished = true;
                    return Some(Err(e));
                }
            },
        };
        let mut article = vec![first];
        if doc.is_some() {
            loop {
                match self.next_row() {
                    Ok(Some((next_doc, row))) if next_doc == doc => article.push(row),
                    Ok(Some(other)) => {
                        self.pending = Some(other);
                        break;
                    }
                    Ok(None) => break,
                    Err(e) => {
                        self.finished = true;
                        return Some(Err(e));
                    }
                }
            }
        }
        Some(Ok(article))
    }
}

/// Features and labels of every paragraph of one or more labeled CSVs.
#[derive(Debug, Default, Clone)]
pub struct FeatureTable {
    /// Feature values, one row per paragraph.
    pub rows: Vec<Vec<f64>>,
    /// Labels.
    pub labels: Vec<u8>,
    /// Cross-validation groups.
    pub groups: Vec<String>,
    /// FNV-1a of all input bytes, files in order.
    pub data_hash: u64,
}

/// Expands directories into the `.csv` files they hold, sorted by name.
pub fn expand_csv_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| Error::io(path, e))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "csv"))
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(Error::io(
                    path,
                    std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "no .csv file in this folder",
                    ),
                ));
            }
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// Reads labeled CSVs article by article and extracts the features of every paragraph, on
/// every core, in file order.
pub fn featurize(paths: &[PathBuf]) -> Result<FeatureTable> {
    featurize_with_progress(paths, default_jobs(), &mut |_| {})
}

/// [`featurize`] on `jobs` threads, telling `on_rows` how many rows each article added (for a
/// progress bar). The table does not depend on `jobs`.
pub fn featurize_with_progress(
    paths: &[PathBuf],
    jobs: usize,
    on_rows: &mut dyn FnMut(usize),
) -> Result<FeatureTable> {
    let mut table = FeatureTable::default();
    table.data_hash = featurize_each(
        paths,
        None,
        jobs,
        &mut |paragraph, label, features| {
            table.rows.push(features.values);
            table.labels.push(label);
            table.groups.push(paragraph.group);
            Ok(())
        },
        on_rows,
    )?;
    Ok(table)
}

/// A labeled paragraph, its label and its features (values and evidence).
pub type LabeledRow = (LabeledParagraph, u8, ParagraphFeatures);

/// Reads labeled CSVs article by article on `jobs` threads and hands each paragraph, its label
/// and its features (values and evidence) to `on_row`, in file order, keeping no row once handed over: the
/// memory of `calque features --data` stays flat whatever the size of the CSV. `on_rows` hears
/// how many rows each article added. Returns the FNV-1a hash of all input bytes.
pub fn featurize_each(
    paths: &[PathBuf],
    breakdown: Option<&str>,
    jobs: usize,
    on_row: &mut dyn FnMut(LabeledParagraph, u8, ParagraphFeatures) -> Result<()>,
    on_rows: &mut dyn FnMut(usize),
) -> Result<u64> {
    featurize_articles(paths, breakdown, jobs, &mut |article| {
        let rows = article.len();
        for (paragraph, label, features) in article {
            on_row(paragraph, label, features)?;
        }
        on_rows(rows);
        Ok(())
    })
}

/// Reads labeled CSVs as [`featurize_each`] does, and hands `on_article` the rows of each
/// article at once, for what depends on a whole article. Returns the FNV-1a hash of all input
/// bytes.
pub fn featurize_articles(
    paths: &[PathBuf],
    breakdown: Option<&str>,
    jobs: usize,
    on_article: &mut dyn FnMut(Vec<LabeledRow>) -> Result<()>,
) -> Result<u64> {
    let mut hash = Fnv::default();
    for path in expand_csv_paths(paths)? {
        let mut reader = ArticleReader::open(&path, breakdown)?;
        let mut rows_in_file = 0usize;
        map_in_order(
            reader.by_ref(),
            jobs,
            |article| {
                article.map(|article| {
                    let texts: Vec<&str> = article.iter().map(|p| p.text.as_str()).collect();
                    let features = extract_article(&texts);
                    (article, features)
                })
            },
            |extracted| {
                let (article, features) = extracted?;
                let rows = article
                    .into_iter()
                    .zip(features)
                    .map(|(paragraph, features)| {
                        let label = paragraph.label.ok_or_else(|| Error::Csv {
                            path: path.clone(),
                            line: paragraph.line,
                            message: "no label".into(),
                        })?;
                        Ok((paragraph, label, features))
                    })
                    .collect::<Result<Vec<LabeledRow>>>()?;
                rows_in_file += rows.len();
                on_article(rows)
            },
        )?;
        if rows_in_file == 0 {
            return Err(Error::Csv {
                path: path.clone(),
                line: 1,
                message: "no data rows after the header".into(),
            });
        }
        hash.write(&reader.hash().to_le_bytes());
    }
    Ok(hash.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(content: &str) -> tempfile::NamedTempFile {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut file, content.as_bytes()).unwrap();
        file
    }

    fn articles(content: &str) -> Result<Vec<Vec<LabeledParagraph>>> {
        let file = write(content);
        ArticleReader::open(file.path(), None)?.collect()
    }

    #[test]
    fn rows_sharing_doc_are_one_article() {
        let got =
            articles("id,doc,label,text\na,d1,0,Un.\nb,d1,1,Deux.\nc,d2,0,Trois.\nd,,1,Quatre.\n")
                .unwrap();
        let sizes: Vec<usize> = got.iter().map(Vec::len).collect();
        assert_eq!(sizes, vec![2, 1, 1]);
        assert_eq!(got[0][1].id, "b");
        assert_eq!(got[0][1].label, Some(1));
        assert_eq!(got[0][1].doc.as_deref(), Some("d1"));
        assert_eq!(got[0][1].line, 3);
    }

    #[test]
    fn group_is_pair_then_doc_then_id() {
        let got = articles("id,doc,pair,label,text\na,d1,p1,0,Un.\nb,d2,,1,Deux.\n").unwrap();
        assert_eq!(got[0][0].group, "p1");
        assert_eq!(got[1][0].group, "d2");
    }

    #[test]
    fn errors_name_the_line_and_field() {
        let err = articles("text,label\nBonjour.,2\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 2") && err.contains("`label`") && err.contains("\"2\""),
            "{err}"
        );
        let err = articles("text,label\nBonjour.,1,extra\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2") && err.contains("3 fields"), "{err}");
        let err = articles("texte,label\nBonjour.,1\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 1") && err.contains("no `text` column"),
            "{err}"
        );
        let err = articles("text,label\n\" \",1\n").unwrap_err().to_string();
        assert!(err.contains("`text` is empty"), "{err}");
    }

    #[test]
    fn a_column_named_twice_is_an_error() {
        let err = articles("id,text,label,text\na,Un.,0,Deux.\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 1") && err.contains("`text` twice (columns 2 and 4)"),
            "{err}"
        );
    }

    #[test]
    fn a_quoted_field_never_closed_is_an_error_at_its_record() {
        let err = articles("id,label,text\na,0,\"Un.\"\nb,1,\"Deux.\nc,0,Trois.\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 3") && err.contains("never closed"),
            "{err}"
        );
        let doubled =
            articles("id,label,text\na,0,\"Il a dit \"\"non\"\".\"\nb,1,Deux.\n").unwrap();
        assert_eq!(doubled.len(), 2);
    }

    #[test]
    fn crlf_and_blank_lines_do_not_shift_the_lines() {
        let text = "id,label,text\r\na,0,\"Un.\r\nDeux.\"\r\nb,1,Trois.\r\nc,2,Quatre.\r\n";
        let err = articles(text).unwrap_err().to_string();
        assert!(err.contains("line 5") && err.contains("`label`"), "{err}");
        let got = articles(&text.replace("c,2", "c,1")).unwrap();
        let lines: Vec<u64> = got.iter().flatten().map(|p| p.line).collect();
        assert_eq!(lines, vec![2, 4, 5]);
        let err = articles("id,label,text\n\na,0,Un.\n\nb,7,Deux.\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 5"), "blank lines count: {err}");
    }

    #[test]
    fn empty_file_and_header_only_are_errors() {
        let file = write("");
        let err = featurize(&[file.path().to_path_buf()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("empty file"), "{err}");
        let file = write("text,label\n");
        let err = featurize(&[file.path().to_path_buf()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("no data rows"), "{err}");
    }

    #[test]
    fn featurize_hashes_the_data() {
        let a = write("text,label\nBonjour à tous.,0\n");
        let b = write("text,label\nBonjour à tous !,0\n");
        let ta = featurize(&[a.path().to_path_buf()]).unwrap();
        let tb = featurize(&[b.path().to_path_buf()]).unwrap();
        assert_ne!(ta.data_hash, tb.data_hash);
        assert_eq!(ta.rows.len(), 1);
    }
}
