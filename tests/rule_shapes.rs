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
            .env("KAOHE_LANG", "en")
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

/// A small valid scheme the bad-key tests below change one line of.
const BASE: &str = r#"[scheme]
id = "t"
title = "t"
basis = "t"
total = 10

[[group]]
id = "county"
name = "县"
  [[group.grade]]
  name = "合格"
  min = 6
  [[group.grade]]
  name = "不合格"
  min = 0

[[indicator]]
id = "D1"
name = "d"
max = 10
basis = "t"

[[indicator]]
id = "D1.1"
parent = "D1"
name = "i"
max = 10
basis = "t"
  [[indicator.deduct]]
  kind = "k"
  name = "k"
  points = 1
"#;

/// Each new key's wrong values: `kaohe check` exits 2 naming the file, the line and the key.
#[test]
fn wrong_values_of_the_new_keys_are_rejected_with_file_line_and_key() {
    let bad = [
        (
            "[[veto]]\nid = \"v\"\nkind = \"v\"\nname = \"v\"\nbasis = \"t\"\nscore_mode = \"set\"\n",
            "`veto.score_mode`",
            "without score",
        ),
        (
            "[[veto]]\nid = \"v\"\nkind = \"v\"\nname = \"v\"\nbasis = \"t\"\nscore = 5\nscore_mode = \"raise\"\n",
            "`veto.score_mode`",
            "expected cap or set",
        ),
        (
            "[[veto]]\nid = \"v\"\nkind = \"v\"\nname = \"v\"\nbasis = \"t\"\nindicator = \"X\"\n",
            "`veto.indicator`",
            "not an indicator id",
        ),
        (
            "[bonus]\ngate = { sum_of = [\"D1\"], at_least = 11 }\n",
            "`bonus.gate`",
            "could never count",
        ),
        (
            "[bonus]\ngate = { sum_of = [\"D1\"], at_least = 5, above = 4 }\n",
            "`bonus.gate`",
            "exactly one of at_least or above",
        ),
        ("[bonus]\nto = \"D1.1\"\n", "`bonus.to`", "not a top-level indicator"),
        (
            "[lookback]\nbasis = \"t\"\nkinds = [\"k\"]\n[lookback.points]\nrectified = 0\nlate = 0\npartial = 0\nnot_rectified = 1\n",
            "`lookback.kinds`",
            "is priced on line",
        ),
    ];
    for (extra, key, words) in bad {
        rejected(&format!("{BASE}\n{extra}"), key, words);
    }
}

/// `kaohe check` on `text` exits 2 and its error names the file, `key` and `words`.
fn rejected(text: &str, key: &str, words: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = dir.path().join("bad.toml");
    std::fs::write(&f, text).expect("write");
    let out = Command::cargo_bin("kaohe")
        .expect("binary")
        .env("KAOHE_LANG", "en")
        .arg("check")
        .arg(&f)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{key}: exit status, stderr {err}");
    assert!(err.contains("bad.toml") && err.contains(key) && err.contains(words), "{key}: {err}");
}

/// The threshold, redistribution and per-group keys' wrong values.
#[test]
fn wrong_threshold_redistribute_and_group_totals_are_rejected() {
    let cases = [
        (BASE.replace("max = 10\nbasis = \"t\"\n\n[[indicator]]", "max = 10\nbasis = \"t\"\nthreshold = { min = 12, grade = \"不合格\" }\n\n[[indicator]]"), "`threshold.min`", "outside (0, 10]"),
        (BASE.replace("max = 10\nbasis = \"t\"\n\n[[indicator]]", "max = 10\nbasis = \"t\"\nthreshold = { min = 6, grade = \"差\" }\n\n[[indicator]]"), "`threshold.grade`", "not a grade of group"),
        (BASE.replace("max = 10\nbasis = \"t\"\n  [[indicator.deduct]]", "max = 10\nbasis = \"t\"\nredistribute = \"even\"\n  [[indicator.deduct]]"), "`redistribute`", "expected it on an indicator with children"),
        (BASE.replace("name = \"县\"\n", "name = \"县\"\ntotal = 12\n"), "`scheme.total`", "each group's sum its own total"),
        (BASE.replace("  min = 6\n", "  min = 6\n  min_count = 1\n"), "`group.grade.min_count`", "without max_share"),
    ];
    for (text, key, words) in cases {
        rejected(&text, key, words);
    }
}
