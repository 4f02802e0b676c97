//! Committing a whole output directory at once: a run's files (rankings.csv and scores.json, or a
//! report bundle, or a survey import) are written into a staging directory beside the target,
//! which then takes the target's place in one atomic step. A process killed at any moment leaves
//! either the previous outputs or the complete new ones, never a mix of the two.
//!
//! The staging directory starts as a copy of the current one, so files the run does not write (a
//! report's charts beside a later `score`'s rankings) survive. A copy, not hard links: a writer
//! that rewrote a linked file in place would change the live output before the commit. The swap is
//! `renameat2(RENAME_EXCHANGE)` on Linux; where a filesystem cannot exchange, the old directory is
//! renamed aside and the new one into place, and a directory missing after a crash in between is
//! restored from the side copy by the next run.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    out.with_file_name(format!(".{name}.kaohe-{tag}-{}", std::process::id()))
}

/// Leftovers of earlier runs beside `out`: staging directories of killed runs are removed; a side
/// copy whose target is missing (a crash between the two renames of the fallback) is restored.
fn recover(out: &Path) -> Result<()> {
    let Some(parent) =
        out.parent().map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p })
    else {
        return Ok(());
    };
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let Ok(entries) = std::fs::read_dir(parent) else { return Ok(()) };
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

/// Copy a directory tree.
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let (src, dst) = (e.path(), to.join(e.file_name()));
        let ty = e.file_type()?;
        if ty.is_dir() {
            copy_tree(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst)?;
        }
    }
    Ok(())
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
/// atomically. If `write` fails, `out` is untouched.
pub fn commit_dir(out: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    recover(out)?;
    let stage = sibling(out, "new");
    let _ = std::fs::remove_dir_all(&stage);
    let staged = (|| {
        if out.is_dir() {
            copy_tree(out, &stage).map_err(|e| Error::io(&stage, e))?;
        } else {
            std::fs::create_dir_all(&stage).map_err(|e| Error::io(&stage, e))?;
        }
        write(&stage)?;
        // The files are on disk before the directory that names them takes their place.
        if let Ok(d) = std::fs::File::open(&stage) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if let Err(e) = staged {
        let _ = std::fs::remove_dir_all(&stage);
        return Err(e);
    }
    if !out.exists() {
        if let Some(p) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(p).map_err(|e| Error::io(p, e))?;
        }
        return std::fs::rename(&stage, out).map_err(|e| Error::io(out, e));
    }
    match exchange(&stage, out) {
        Ok(()) => {}
        Err(_) => {
            let old = sibling(out, "old");
            std::fs::rename(out, &old).map_err(|e| Error::io(out, e))?;
            std::fs::rename(&stage, out).map_err(|e| Error::io(out, e))?;
            let _ = std::fs::remove_dir_all(&old);
            return Ok(());
        }
    }
    // `stage` now holds the previous outputs.
    let _ = std::fs::remove_dir_all(&stage);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        commit_dir(&out, |d| {
            crate::output::atomic::write_atomic(&d.join("a"), b"2")?;
            Ok(())
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(out.join("a")).unwrap(), "2");
        assert_eq!(std::fs::read_to_string(out.join("charts/c")).unwrap(), "chart");
        // No staging directory is left beside it.
        let left: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, vec![std::ffi::OsString::from("out")]);
        // A failed write leaves the previous outputs.
        let err = commit_dir(&out, |d| {
            std::fs::write(d.join("a"), "3").unwrap();
            Err(Error::Usage("boom".into()))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(out.join("a")).unwrap(), "2");
    }
}
