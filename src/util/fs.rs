//! Writing files and output directories so that nobody ever sees half of them, and refusing
//! output paths that would destroy or swallow something. The one implementation every writer
//! uses (rankings, reports, previews, survey imports, robustness, synthetic data).
//!
//! - [`write_atomic`] / [`write_atomic_with`]: a file is written to a temporary file beside it,
//!   synced, and renamed over the target; on failure the temporary file is removed.
//! - [`commit_dir`]: a run's files are written into a staging directory beside the target, which
//!   then takes the target's place in one atomic step, under a lock so that two runs into one
//!   directory serialise instead of mixing.
//! - [`check_out_dir`]: `--out` may not be a file, `/`, the working directory, a protected
//!   directory (the data, the rules) or an ancestor of one of them.
//!
//! Temporary and staging names carry the process id; messages always name the target, never the
//! staging path. Nothing here opens a FIFO or a device: file types are checked before any copy.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

/// The directory holding `path` (`.` for a bare file name).
fn parent_of(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into())
}

/// A hidden name beside `path` for this process: `.NAME.kaohe-TAG-PID`.
fn beside(path: &Path, tag: &str) -> PathBuf {
    parent_of(path).join(format!(".{}.kaohe-{tag}-{}", file_name(path), std::process::id()))
}

/// What a file that is neither a regular file, a directory nor a link is, for messages.
fn special_kind(ft: &std::fs::FileType) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some(crate::t!("util-kind-fifo"));
        }
        if ft.is_socket() {
            return Some(crate::t!("util-kind-socket"));
        }
        if ft.is_block_device() || ft.is_char_device() {
            return Some(crate::t!("util-kind-device"));
        }
    }
    if ft.is_file() || ft.is_dir() || ft.is_symlink() {
        None
    } else {
        Some(crate::t!("util-kind-other"))
    }
}

/// Create a file that did not exist, never following a link (so never opening a FIFO or device).
fn create_new(path: &Path) -> std::io::Result<File> {
    let mut o = OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    o.open(path)
}

/// Write `bytes` to `path` atomically: a reader sees the previous file or the new one, whole.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// [`write_atomic`] with the content streamed by `body` through a buffer (for files too large to
/// build in memory first).
pub fn write_atomic_with(
    path: &Path,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = parent_of(path);
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(Error::io(path, std::io::Error::other("is a directory, expected a file")));
    }
    let tmp = beside(path, "tmp");
    let _ = std::fs::remove_file(&tmp);
    let result = (|| {
        let file = Writeback { file: create_new(&tmp)?, written: 0, started: 0 };
        let mut w = BufWriter::with_capacity(1 << 20, file);
        body(&mut w)?;
        let f = w.into_inner().map_err(|e| e.into_error())?.file;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// A file whose written pages are handed to the disk every [`WRITEBACK`] bytes (Linux's
/// `sync_file_range`, which does not wait), so the `sync_all` that ends a large write waits for
/// its last pages instead of all of them: the disk writes while the rest is produced.
struct Writeback {
    file: File,
    written: u64,
    /// Bytes before this offset are handed to the disk.
    started: u64,
}

const WRITEBACK: u64 = 8 << 20;

impl Write for Writeback {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        if self.written - self.started >= WRITEBACK {
            #[cfg(target_os = "linux")]
            {
                use std::os::fd::AsRawFd;
                let (from, len) = (self.started as libc::off64_t, self.written - self.started);
                // Only a head start: an error here is left for `sync_all` to report.
                let _ = unsafe {
                    libc::sync_file_range(
                        self.file.as_raw_fd(),
                        from,
                        len as libc::off64_t,
                        libc::SYNC_FILE_RANGE_WRITE,
                    )
                };
            }
            self.started = self.written;
        }
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// `path` made absolute and free of `.`, `..` and links as far as it exists (the rest is
/// appended lexically), so that two spellings of one directory compare equal.
pub fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let abs = std::env::current_dir()?.join(path);
    let mut out = PathBuf::from("/");
    for c in abs.components() {
        match c {
            Component::RootDir | Component::Prefix(_) | Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => {
                out.push(n);
                if let Ok(real) = std::fs::canonicalize(&out) {
                    out = real;
                }
            }
        }
    }
    Ok(out)
}

fn refuse(out: &Path, why: String) -> Error {
    Error::Usage(crate::t!("util-out-refused", out = out, why = why))
}

/// A directory an output directory must keep clear of: `--out` may not be it or an ancestor of it
/// (committing there would replace or copy it), nor, when `no_inside`, inside it (the data
/// directory: the next run would read the outputs as inputs).
pub struct Keep<'a> {
    /// What it is, for messages (数据目录, "the data directory"), in the reader's language.
    pub what: String,
    pub path: &'a Path,
    pub no_inside: bool,
}

/// Refuse an output directory that is not a directory (a file, a FIFO, a device), is `/`, is the
/// working directory or an ancestor of it, or collides with one of `keep`.
pub fn check_out_dir(out: &Path, keep: &[Keep]) -> Result<()> {
    if let Ok(m) = std::fs::symlink_metadata(out) {
        if let Some(kind) = special_kind(&m.file_type()) {
            return Err(refuse(out, crate::t!("util-out-special", kind = kind)));
        }
        if !out.is_dir() {
            return Err(refuse(out, crate::t!("util-out-file")));
        }
    }
    let real = resolve(out).map_err(|e| Error::io(out, e))?;
    if real.parent().is_none() {
        return Err(refuse(out, crate::t!("util-out-root")));
    }
    let cwd = std::env::current_dir().and_then(|d| resolve(&d)).map_err(|e| Error::io(out, e))?;
    let mut guarded = vec![(crate::t!("util-working-directory"), cwd, false)];
    for k in keep {
        let path = resolve(k.path).map_err(|e| Error::io(k.path, e))?;
        guarded.push((k.what.clone(), path, k.no_inside));
    }
    for (what, p, no_inside) in &guarded {
        if *p == real {
            return Err(refuse(out, crate::t!("util-out-is", what = what)));
        }
        if p.starts_with(&real) {
            return Err(refuse(out, crate::t!("util-out-contains", what = what, path = p)));
        }
        if *no_inside && real.starts_with(p) {
            return Err(refuse(out, crate::t!("util-out-inside", what = what, path = p)));
        }
    }
    Ok(())
}

/// An exclusive lock on `.NAME.kaohe-lock` beside the output directory, released (and the lock
/// file removed) on drop. Removing it is safe: a holder checks after locking that the path still
/// names the file it locked, and starts again if not.
struct DirLock {
    path: PathBuf,
    _file: File,
}

impl DirLock {
    fn take(out: &Path) -> Result<DirLock> {
        let parent = parent_of(out);
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let path = parent.join(format!(".{}.kaohe-lock", file_name(out)));
        let err = |e| Error::io(out, e);
        loop {
            let mut o = OpenOptions::new();
            o.read(true).write(true).create(true).truncate(false);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                o.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
            }
            let file = o.open(&path).map_err(err)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => {
                    eprintln!("waiting for another kaohe run writing {} …", out.display());
                    file.lock().map_err(err)?;
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(err(e)),
            }
            if same_file(&file, &path) {
                return Ok(DirLock { path, _file: file });
            }
        }
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

impl Drop for DirLock {
    fn drop(&mut self) {
        // Unlink while still holding the lock; the file is unlocked when `_file` closes.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Leftovers of killed runs beside `out` (called under the lock, so never another live run's):
/// staging directories are removed; a side copy whose target is missing (a crash between the two
/// renames of the fallback swap) is restored.
fn recover(out: &Path) -> Result<()> {
    let name = file_name(out);
    let Ok(entries) = std::fs::read_dir(parent_of(out)) else { return Ok(()) };
    for e in entries.flatten() {
        let file = e.file_name();
        let Some(f) = file.to_str() else { continue };
        if f.starts_with(&format!(".{name}.kaohe-new-")) {
            let _ = std::fs::remove_dir_all(e.path());
        } else if f.starts_with(&format!(".{name}.kaohe-old-")) {
            if out.exists() {
                let _ = std::fs::remove_dir_all(e.path());
            } else {
                std::fs::rename(e.path(), out).map_err(|err| Error::io(out, err))?;
            }
        }
    }
    Ok(())
}

/// Copy the tree of the current output directory into the staging one. Links are copied as links
/// (never followed); a FIFO, socket or device is refused by name, never opened.
fn copy_tree(out: &Path, from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|e| Error::io(out, e))?;
    let entries = std::fs::read_dir(from).map_err(|e| Error::io(from, e))?;
    for e in entries {
        let e = e.map_err(|e| Error::io(from, e))?;
        let (src, dst) = (e.path(), to.join(e.file_name()));
        let ty = e.file_type().map_err(|e| Error::io(&src, e))?;
        if let Some(kind) = special_kind(&ty) {
            return Err(Error::Usage(crate::t!("util-copy-special", path = src, kind = kind)));
        }
        if ty.is_dir() {
            copy_tree(out, &src, &dst)?;
        } else if ty.is_symlink() {
            copy_link(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst).map_err(|e| Error::io(&src, e))?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn copy_link(src: &Path, dst: &Path) -> Result<()> {
    let target = std::fs::read_link(src).map_err(|e| Error::io(src, e))?;
    std::os::unix::fs::symlink(target, dst).map_err(|e| Error::io(src, e))
}

#[cfg(not(unix))]
fn copy_link(src: &Path, _: &Path) -> Result<()> {
    Err(Error::Usage(crate::t!("util-links-unsupported", path = src)))
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let ca = std::ffi::CString::new(a.as_os_str().as_bytes())?;
    let cb = std::ffi::CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: two valid NUL-terminated paths; renameat2 reads them and nothing else.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 { Ok(()) } else { Err(std::io::Error::last_os_error()) }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Run `write` on a staging copy of `out`, then put the staging directory in `out`'s place
/// atomically. If `write` fails, `out` is untouched. Two runs into one `out` take turns (a lock
/// beside it), so the directory always holds one complete run. The staging directory starts as a
/// copy of the current one, so files the run does not write (a report's charts beside a later
/// `score`'s rankings) survive. Callers check `out` with [`check_out_dir`] first.
pub fn commit_dir(out: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    check_out_dir(out, &[])?;
    let _lock = DirLock::take(out)?;
    recover(out)?;
    let stage = beside(out, "new");
    let _ = std::fs::remove_dir_all(&stage);
    let staged = (|| {
        if out.is_dir() {
            copy_tree(out, out, &stage)?;
        } else {
            std::fs::create_dir_all(&stage).map_err(|e| Error::io(out, e))?;
        }
        write(&stage)?;
        // The files are on disk before the directory that names them takes their place.
        if let Ok(d) = File::open(&stage) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if let Err(e) = staged {
        let _ = std::fs::remove_dir_all(&stage);
        return Err(e);
    }
    swap_in(&stage, out)
}

/// Put `stage` where `out` is (or was not): an exchange of the two where the filesystem can, else
/// `out` renamed aside and `stage` into place ([`recover`] finishes this after a crash).
fn swap_in(stage: &Path, out: &Path) -> Result<()> {
    if !out.exists() {
        return std::fs::rename(stage, out).map_err(|e| Error::io(out, e));
    }
    if exchange(stage, out).is_err() {
        let old = beside(out, "old");
        std::fs::rename(out, &old).map_err(|e| Error::io(out, e))?;
        std::fs::rename(stage, out).map_err(|e| Error::io(out, e))?;
        let _ = std::fs::remove_dir_all(&old);
        return Ok(());
    }
    // `stage` now holds the previous outputs.
    let _ = std::fs::remove_dir_all(stage);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replaces_written_files_and_keeps_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        commit_dir(&out, |d| {
            std::fs::write(d.join("a"), "1").unwrap();
            std::fs::create_dir_all(d.join("charts")).unwrap();
            std::fs::write(d.join("charts/c"), "chart").unwrap();
            Ok(())
        })
        .unwrap();
        commit_dir(&out, |d| write_atomic(&d.join("a"), b"2")).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("a")).unwrap(), "2");
        assert_eq!(std::fs::read_to_string(out.join("charts/c")).unwrap(), "chart");
        // No staging directory and no lock file is left beside it.
        assert_eq!(names(dir.path()), vec!["out"]);
        // A failed write leaves the previous outputs.
        let err = commit_dir(&out, |d| {
            std::fs::write(d.join("a"), "3").unwrap();
            Err(Error::Usage("boom".into()))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(out.join("a")).unwrap(), "2");
        assert_eq!(names(dir.path()), vec!["out"]);
    }

    #[test]
    fn the_lock_excludes_a_second_holder_and_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let lock = DirLock::take(&out).unwrap();
        // flock locks belong to an open file: a second open of the same lock file conflicts,
        // as another process's would.
        let other = File::open(dir.path().join(".out.kaohe-lock")).unwrap();
        assert!(matches!(other.try_lock(), Err(std::fs::TryLockError::WouldBlock)));
        drop(lock);
        assert!(names(dir.path()).is_empty());
        // The lock file was unlinked: whoever had it open must not think it holds the lock.
        assert!(!same_file(&other, &dir.path().join(".out.kaohe-lock")));
    }

    #[test]
    fn streamed_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f.csv");
        write_atomic_with(&p, |w| w.write_all(b"x,y\n")).unwrap();
        let err = write_atomic_with(&p, |_| Err(std::io::Error::other("failed"))).unwrap_err();
        assert_eq!(err.to_string(), format!("{}: failed", p.display()));
        assert_eq!(std::fs::read(&p).unwrap(), b"x,y\n");
        assert_eq!(names(dir.path()), vec!["f.csv"]);
    }

    #[test]
    fn resolve_removes_dots_and_parents() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        assert_eq!(resolve(&dir.path().join("a/./b/../c")).unwrap(), real.join("a/c"));
        assert_eq!(resolve(&dir.path().join("..")).unwrap(), real.parent().unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_the_output_directory_is_refused_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        let fifo = out.join("pipe");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let err = commit_dir(&out, |_| Ok(())).unwrap_err();
        // In either language: another unit test may have switched the process's language.
        let err = err.to_string();
        let zh = format!("{}：是命名管道（FIFO）；输出目录中只能有文件和目录", fifo.display());
        let en = format!(
            "{}: is a FIFO (named pipe); an output directory may hold only files and directories",
            fifo.display()
        );
        assert!(err == zh || err == en, "{err}");
        assert_eq!(names(dir.path()), vec!["out"]);
    }
}
