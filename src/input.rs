//! Reading articles to score: paths, folders (recursing into `.txt` and `.md` files) and `-`
//! for standard input. One file is one article.
//!
//! Input is checked before it is scored: a file over `max_bytes`, a binary file (NUL bytes) and
//! invalid UTF-8 (unless `lossy`) are errors that name the file and the byte offset.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::segment::{paragraphs, Paragraph};

/// Default `--max-bytes`: the largest article read.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest article, in bytes.
    pub max_bytes: u64,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    pub lossy: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            lossy: false,
        }
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
}

/// Expands the command line's inputs: folders become their `.txt` and `.md` files, sorted;
/// no input means standard input. Folders that cannot be listed, and folders with no text file
/// in them (a gate must not pass an empty folder), are returned as errors, next to the sources
/// found elsewhere.
pub fn expand(inputs: &[PathBuf]) -> (Vec<Source>, Vec<Error>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    if inputs.is_empty() {
        sources.push(Source::Stdin);
    }
    for input in inputs {
        if input.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if input.is_dir() {
            let (found, failed) = (sources.len(), errors.len());
            walk(input, &mut sources, &mut errors);
            if sources.len() == found && errors.len() == failed {
                errors.push(Error::io(
                    input,
                    std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "no .txt or .md file in this folder",
                    ),
                ));
            }
        } else {
            sources.push(Source::File(input.clone()));
        }
    }
    (sources, errors)
}

/// Lists a folder's text files, recursing into its subfolders but not into symbolic links to
/// folders: a link back to a parent would list the same articles over and over.
fn walk(folder: &Path, sources: &mut Vec<Source>, errors: &mut Vec<Error>) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(Error::io(folder, e));
            return;
        }
    };
    let mut paths: Vec<(PathBuf, bool)> = entries
        .filter_map(|e| e.ok())
        .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
        .collect();
    paths.sort();
    for (path, is_dir) in paths {
        if is_dir {
            walk(&path, sources, errors);
        } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            sources.push(Source::File(path));
        }
    }
}

/// Reads one article's text, checking size, binary content and encoding.
pub fn read_text(source: &Source, options: &ReadOptions) -> Result<String> {
    let path = PathBuf::from(source.name());
    let reader: Box<dyn Read> = match source {
        Source::Stdin => Box::new(std::io::stdin()),
        Source::File(p) => Box::new(std::fs::File::open(p).map_err(|e| Error::io(p, e))?),
    };
    let mut bytes = Vec::new();
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
    decode(bytes, &path, options.lossy)
}

/// Turns bytes into text: NUL bytes mean a binary file; invalid UTF-8 is an error with its
/// offset, or replaced when `lossy`.
pub fn decode(bytes: Vec<u8>, path: &Path, lossy: bool) -> Result<String> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(Error::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}

/// Reads an article and splits it into paragraphs; an article with no text is an error.
pub fn read_article(source: &Source, options: &ReadOptions) -> Result<Vec<Paragraph>> {
    let text = read_text(source, options)?;
    let found = paragraphs(&text);
    if found.is_empty() {
        return Err(Error::Empty {
            path: PathBuf::from(source.name()),
        });
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset_unless_lossy() {
        let bytes = b"Bonjour \xff le monde".to_vec();
        let err = decode(bytes.clone(), Path::new("a.txt"), false)
            .unwrap_err()
            .to_string();
        assert!(err.contains("a.txt") && err.contains("byte 8"), "{err}");
        assert_eq!(
            decode(bytes, Path::new("a.txt"), true).unwrap(),
            "Bonjour \u{fffd} le monde"
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = decode(b"PK\x03\x04\x00".to_vec(), Path::new("a.zip"), true)
            .unwrap_err()
            .to_string();
        assert!(err.contains("binary") && err.contains("offset 4"), "{err}");
    }

    #[test]
    fn folders_expand_to_text_files_sorted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for name in ["b.txt", "a.md", "c.csv", "sub/d.txt"] {
            std::fs::write(dir.path().join(name), "Texte.").unwrap();
        }
        let (sources, errors) = expand(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty());
        let names: Vec<String> = sources
            .iter()
            .map(|s| s.name().rsplit('/').next().unwrap().to_string())
            .collect();
        assert_eq!(names, vec!["a.md", "b.txt", "d.txt"]);
    }

    #[test]
    fn an_empty_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.csv"), "x").unwrap();
        let (sources, errors) = expand(&[dir.path().to_path_buf()]);
        assert!(sources.is_empty());
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].to_string().contains("no .txt or .md file"),
            "{}",
            errors[0]
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_to_folders_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Texte.").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        let (sources, errors) = expand(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty());
        assert_eq!(sources, vec![Source::File(dir.path().join("a.txt"))]);
    }

    #[test]
    fn too_large_and_empty_inputs_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "x".repeat(100)).unwrap();
        let options = ReadOptions {
            max_bytes: 10,
            lossy: false,
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
