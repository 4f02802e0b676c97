//! Test harness: a temporary copy of the bundled example and a command builder for the binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn rules() -> PathBuf {
    repo().join("scoring-rules/shanxi-2022.toml")
}

pub fn kaohe() -> Command {
    let mut c = Command::cargo_bin("kaohe").expect("binary built");
    c.current_dir(repo());
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
        let mut c = kaohe();
        c.arg("score").arg(rules()).arg("--data").arg(self.data()).arg("--out").arg(self.out());
        c
    }
}

pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}
