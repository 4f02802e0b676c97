//! Every rule shape a scheme must be able to state (docs: DOMAIN.md, "Rule shapes a scheme must
//! be able to state") has a small scheme in tests/schemes/ carrying `[[case]]` entries whose
//! expected totals were worked out by hand (the arithmetic is in a comment above each
//! expectation). `kaohe check` must validate each file and pass every one of its cases.

mod util;

use std::path::PathBuf;

use assert_cmd::Command;
use util::{passed_with_none_failed, repo};

fn toml_files(dir: &[&str]) -> Vec<PathBuf> {
    let dir = dir.iter().fold(repo(), |p, d| p.join(d));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

/// `kaohe check` on each file: the ones that fail validation or a case, with the output.
fn failing_checks(files: &[PathBuf]) -> Vec<String> {
    let mut failures = Vec::new();
    for f in files {
        let out = Command::cargo_bin("kaohe")
            .expect("binary built")
            .arg("check")
            .arg(f)
            .output()
            .expect("kaohe runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let passed = passed_with_none_failed(&stdout);
        if !out.status.success() || passed.is_none_or(|n| n < 1) {
            failures.push(format!(
                "{} (exit {:?}, passed with none failed: {passed:?})\n{stdout}{stderr}",
                f.display(),
                out.status.code()
            ));
        }
    }
    failures
}

#[test]
fn every_rule_shape_scheme_passes_its_cases() {
    let files = toml_files(&["tests", "schemes"]);
    assert!(files.len() >= 9, "expected a scheme per rule shape in tests/schemes, found {files:?}");
    let failures = failing_checks(&files);
    assert!(
        failures.is_empty(),
        "rule-shape schemes failing `kaohe check`:\n{}",
        failures.join("\n")
    );
}

/// Issue 14: every scheme shipped in scoring-rules/ (the four real schemes, the Shanxi draft)
/// validates and passes its hand-worked cases.
#[test]
fn every_shipped_scheme_passes_its_cases() {
    let files = toml_files(&["scoring-rules"]);
    for name in [
        "gov-website-2019.toml",
        "mianyang-2022.toml",
        "xuancheng-2019.toml",
        "yuncheng-2022.toml",
        "shanxi-2022.toml",
    ] {
        assert!(files.iter().any(|f| f.ends_with(name)), "scoring-rules/{name} is missing");
    }
    let failures = failing_checks(&files);
    assert!(
        failures.is_empty(),
        "schemes in scoring-rules/ failing `kaohe check`:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_summary_line_is_read_strictly() {
    assert_eq!(passed_with_none_failed("x: valid\n  ok case\n3 passed, 0 failed\n"), Some(3));
    assert_eq!(passed_with_none_failed("2 passed, 1 failed\n"), None);
    assert_eq!(passed_with_none_failed("0 passed, 0 failed\n"), Some(0));
    assert_eq!(passed_with_none_failed("no summary\n"), None);
}
