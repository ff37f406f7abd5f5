//! Files written whole or not at all: models (`train --out`) and reports (`--output`) go to a
//! temporary file in the destination's folder, which is renamed over the destination only once
//! everything was written. A crash, a full disk or a failed run never leaves a half-written
//! file, and an existing file is replaced only when the user asks (`--force`).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A file being written; it appears at its path only on [`AtomicFile::commit`], and the
/// temporary file is removed if it is dropped before.
pub struct AtomicFile {
    path: PathBuf,
    temporary: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Starts writing `path`; refuses an existing file unless `force` (`flag` names the option
    /// in the message).
    pub fn create(path: &Path, force: bool, flag: &'static str) -> Result<Self> {
        if !force && path.exists() {
            return Err(Error::Argument {
                name: flag,
                message: format!("{} exists; pass --force to replace it", path.display()),
            });
        }
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path
            .file_name()
            .map_or_else(|| "out".to_string(), |n| n.to_string_lossy().into_owned());
        let temporary = folder.join(format!(".{name}.tmp-{}", std::process::id()));
        let file = File::create(&temporary).map_err(|e| Error::io(path, e))?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            temporary,
            file: Some(BufWriter::new(file)),
        })
    }

    /// Flushes, syncs and renames the temporary file over the destination.
    pub fn commit(mut self) -> Result<()> {
        let file = self.file.take().expect("an AtomicFile is committed once");
        let result = file
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|file| file.sync_all())
            .and_then(|()| std::fs::rename(&self.temporary, &self.path));
        result.map_err(|e| Error::io(&self.path, e))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.file
            .as_mut()
            .expect("writes happen before commit")
            .write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file
            .as_mut()
            .expect("writes happen before commit")
            .flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // A committed file was renamed away; an abandoned one leaves nothing behind.
        if self.temporary.exists() {
            let _ = std::fs::remove_file(&self.temporary);
        }
    }
}

/// Writes `bytes` to `path` atomically; refuses an existing file unless `force`.
pub fn write_atomically(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    let mut file = AtomicFile::create(path, force, "--out")?;
    file.write_all(bytes).map_err(|e| Error::io(path, e))?;
    file.commit()
}

/// Runs `write` on `stdout`, or, given a path, on an [`AtomicFile`] committed only when
/// `write` succeeds.
pub fn to_stdout_or_file<T>(
    path: Option<&Path>,
    force: bool,
    stdout: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    let Some(path) = path else {
        return write(stdout);
    };
    let mut file = AtomicFile::create(path, force, "--output")?;
    let value = write(&mut file)?;
    file.commit()?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_appears_only_when_committed_and_never_half_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        let mut file = AtomicFile::create(&path, false, "--output").unwrap();
        file.write_all(b"<p>partiel").unwrap();
        assert!(!path.exists());
        drop(file);
        assert!(!path.exists());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "no temporary left"
        );

        let mut file = AtomicFile::create(&path, false, "--output").unwrap();
        file.write_all(b"<p>complet</p>").unwrap();
        file.commit().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"<p>complet</p>");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_existing_file_is_replaced_only_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.json");
        std::fs::write(&path, "ancien").unwrap();
        let err = write_atomically(&path, b"nouveau", false).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"ancien");
        write_atomically(&path, b"nouveau", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"nouveau");
    }

    #[test]
    fn a_failed_run_leaves_the_old_report() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        std::fs::write(&path, "ancien").unwrap();
        let mut stdout = Vec::new();
        let result: Result<()> = to_stdout_or_file(Some(&path), true, &mut stdout, |out| {
            out.write_all(b"moitie").unwrap();
            Err(Error::Training("échec".into()))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"ancien");
        assert!(stdout.is_empty());
    }
}
