//! Test harness shared by every test file (`mod util;`): paths into the repository, a temporary
//! copy of the bundled example, a command builder for the binary, and readers for what it writes.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use assert_cmd::Command;

pub mod chromium;
use rust_decimal::Decimal;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A published outside file copied into tests/data/ (each folder's README.md names its source and
/// licence). Tests never read the shared folder beside the repository: a clone of this repository alone must pass.
pub fn published(rel: &str) -> PathBuf {
    let p = repo().join("tests/data").join(rel);
    assert!(p.exists(), "{} is missing: published files live in tests/data/", p.display());
    p
}

/// A file of tests/fixtures/survey/.
pub fn survey_fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/survey").join(name)
}

/// A decimal written plainly or in scientific notation (`1.5e-3`), as in the published files.
pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s)
        .or_else(|_| Decimal::from_scientific(s))
        .unwrap_or_else(|_| panic!("not a decimal: {s:?}"))
}

pub fn rules() -> PathBuf {
    repo().join("scoring-rules/shanxi-2022.toml")
}

/// The binary, run from the repository root, speaking English: most tests assert numbers and
/// English message fragments; the Chinese default is asserted by tests that use [`kaohe_zh`].
pub fn kaohe() -> Command {
    let mut c = Command::cargo_bin("kaohe").expect("binary built");
    c.current_dir(repo()).env("KAOHE_LANG", "en");
    c
}

/// The binary as a user runs it: no language chosen, so Chinese.
pub fn kaohe_zh() -> Command {
    let mut c = Command::cargo_bin("kaohe").expect("binary built");
    c.current_dir(repo()).env_remove("KAOHE_LANG");
    c
}

/// A temporary directory holding a copy of the bundled example data (`data/`).
pub struct Work {
    pub dir: tempfile::TempDir,
}

impl Work {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).unwrap();
        for e in std::fs::read_dir(repo().join("examples/shanxi-2022")).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), data.join(e.file_name())).unwrap();
        }
        Work { dir }
    }
    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }
    pub fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    /// Append one line to a data file; returns the 1-based line number it landed on.
    pub fn append(&self, file: &str, line: &str) -> usize {
        let p = self.data().join(file);
        let mut text = std::fs::read_to_string(&p).unwrap();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(line);
        text.push('\n');
        std::fs::write(&p, &text).unwrap();
        text.lines().count()
    }
    pub fn write(&self, file: &str, bytes: &[u8]) {
        std::fs::write(self.data().join(file), bytes).unwrap();
    }
    /// `kaohe score` on this data, into this out dir.
    pub fn score(&self) -> Command {
        score_cmd(rules(), &self.data(), &self.out())
    }
}

/// `kaohe score RULES --data DATA --out OUT`, run from the repository root (so RULES may be
/// relative to it).
pub fn score_cmd(rules: impl AsRef<std::ffi::OsStr>, data: &Path, out: &Path) -> Command {
    let mut c = kaohe();
    c.arg("score").arg(rules).arg("--data").arg(data).arg("--out").arg(out);
    c
}

/// The scores.json of an output directory, parsed.
pub fn scores_json(out: &Path) -> serde_json::Value {
    serde_json::from_str(&read(&out.join("scores.json"))).unwrap()
}

pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

/// A UTF-8 text file without its byte-order mark, if it has one.
pub fn text_without_bom(p: &Path) -> String {
    let b = std::fs::read(p).unwrap();
    String::from_utf8(b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&b).to_vec()).unwrap()
}

/// A UTF-8 text file kaohe writes for Excel: asserts it starts with a BOM and returns what follows.
pub fn text_after_bom(p: &Path) -> String {
    let b = std::fs::read(p).unwrap();
    let name = p.file_name().unwrap_or_default().to_string_lossy();
    assert!(b.starts_with(b"\xEF\xBB\xBF"), "{name} starts with a BOM");
    String::from_utf8(b[3..].to_vec()).unwrap()
}

/// A CSV text as its header and rows of cells.
pub fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r.records().map(|rec| rec.unwrap().iter().map(String::from).collect()).collect();
    (header, rows)
}

/// Rows of a CSV file (UTF-8, BOM tolerated) as header → cell maps.
pub fn csv_maps(p: &Path) -> Vec<HashMap<String, String>> {
    let (header, rows) = csv_rows(&text_without_bom(p));
    rows.into_iter().map(|row| header.iter().cloned().zip(row).collect()).collect()
}

/// One CSV field as the csv crate's writer spells it (quoted when it holds `,`, `"` or a newline).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The summary line `kaohe check` ends its cases with ("N passed, M failed"), found exactly: a
/// `contains` would let "11 passed, 0 failed" satisfy "1 passed, 0 failed".
pub fn check_summary(stdout: &str) -> &str {
    stdout
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.ends_with(" failed") && l.contains(" passed, "))
        .unwrap_or_else(|| panic!("no \"N passed, M failed\" line in:\n{stdout}"))
}

/// The count N in the summary line "N passed, 0 failed", when the line says none failed.
pub fn passed_with_none_failed(stdout: &str) -> Option<u32> {
    stdout.lines().rev().find_map(|l| {
        let rest = l.trim().strip_suffix(" passed, 0 failed")?;
        rest.parse().ok()
    })
}
