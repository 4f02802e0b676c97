//! Shared by the report.docx / report.pdf tests: `kaohe report` on the bundled example, once per
//! test binary, and the first ranked agency of a group read back from rankings.csv.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;

pub const TITLE: &str = "关于山西省政务公开考核结果的通报（测试）";
pub const ISSUER: &str = "山西省政务公开办";
pub const DATE: &str = "2023年3月1日";

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The output directory of one `kaohe report` run on the example (low dpi, no agency charts),
/// with the title, issuer and date given by flags.
pub fn report() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        // One directory per test binary (they may run at once), kept for a look after the run.
        let exe = std::env::current_exe().unwrap();
        let name = exe.file_stem().unwrap().to_string_lossy().into_owned();
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
        let _ = std::fs::remove_dir_all(&dir);
        Command::cargo_bin("kaohe")
            .unwrap()
            .current_dir(repo())
            .args(["report", "--dpi", "48", "--no-agency-charts", "--out"])
            .arg(&dir)
            .args(["--title", TITLE, "--issuer", ISSUER, "--date", DATE])
            .env("CI", "1")
            .env_remove("KAOHE_LANG") // Chinese, as a user runs it
            .assert()
            .success();
        dir
    })
}

/// A ranked agency from rankings.csv: (group, rank, agency_id, agency, total).
pub fn ranked(dir: &Path, group: &str, rank: &str) -> (String, String, String, String, String) {
    let text = std::fs::read_to_string(dir.join("rankings.csv")).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let h = r.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        if &rec[col("group")] == group && &rec[col("rank")] == rank {
            return (
                rec[col("group")].to_string(),
                rec[col("rank")].to_string(),
                rec[col("agency_id")].to_string(),
                rec[col("agency")].to_string(),
                rec[col("total")].to_string(),
            );
        }
    }
    panic!("no agency of rank {rank} in group {group}");
}

/// Runs a poppler tool, failing the test with its stderr when it fails.
pub fn poppler(tool: &str, args: &[&str]) -> Vec<u8> {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) did not start: {e}"));
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}
