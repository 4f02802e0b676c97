//! Arithmetic that leaves rust_decimal's range (±7.9e28) is an error naming the rule and the
//! agency, exit status 2 and nothing written — never a panic (issue 11, class 3). The numbers that
//! once reached it from the rules (7e28 points, a 7.9e28 weight or multiplier) are now refused
//! where they are read (every number within ±10^12), so these cases check that refusal.

mod util;

use util::*;

/// The bundled rules with `from` (first occurrence) replaced by `to`, written beside the data.
fn rules_with(w: &Work, from: &str, to: &str) -> std::path::PathBuf {
    let text = read(&rules());
    assert!(text.contains(from), "the bundled rules contain `{from}`");
    let p = w.path("rules.toml");
    std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
    p
}

/// Numbers past ±10^12 are refused where the rules are read (issue 11 class 3), before any
/// arithmetic: the message names the line, the key and the limit.
const READ_LIMIT: &str = "is too large: expected a number between -1000000000000 and 1000000000000";

fn refused(w: &Work, rules: &std::path::Path, want: &str) {
    let out = kaohe()
        .arg("score")
        .arg(rules)
        .arg("--data")
        .arg(w.data())
        .arg("--out")
        .arg(w.out())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "exit 2, not a panic:\n{stderr}");
    assert!(
        stderr.contains(READ_LIMIT) && stderr.contains(want),
        "message names the key:\n{stderr}"
    );
    assert!(!w.out().exists(), "nothing written");
}

#[test]
fn a_deduction_of_7e28_points_is_an_error() {
    let w = Work::new();
    // The first deduction of the bundled rules is on D1.1, 0.5 points a finding.
    let rules = rules_with(&w, "points = 0.5", "points = 7e28");
    refused(&w, &rules, "`points`: `7e28`");
}

#[test]
fn a_lookback_multiplier_that_overflows_is_an_error() {
    let w = Work::new();
    let text = read(&rules());
    let line = text.lines().find(|l| l.trim_start().starts_with("repeat_multiplier")).unwrap();
    let rules = rules_with(&w, line, "repeat_multiplier = 7.9e28");
    // Look-back rows of kinds found again this year are multiplied: 2 → 7.9e28.
    refused(&w, &rules, "`repeat_multiplier`: `7.9e28`");
}

#[test]
fn a_weight_of_7_9e28_fails_the_case_instead_of_panicking() {
    let w = Work::new();
    let text = read(&repo().join("scoring-rules/composite-example.toml"));
    assert!(text.contains("\nweight = 3\n"));
    let p = w.path("composite.toml");
    std::fs::write(&p, text.replacen("\nweight = 3\n", "\nweight = 7.9e28\n", 1)).unwrap();
    let out = kaohe().arg("check").arg(&p).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Refused where it is read: `check` never accepts a weight that `score` cannot use.
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert!(stderr.contains(READ_LIMIT) && stderr.contains("`weight`: `7.9e28`"), "{stderr}");
}
