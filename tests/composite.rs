//! The composite methods on a small scheme whose every number is worked by hand in its comments
//! (scoring-rules/composite-example.toml; docs/composite.md).

mod util;

use assert_cmd::Command;
use util::{check_summary, score_cmd, scores_json};

fn check_passes(rules: &str) {
    let out = util::kaohe().args(["check", rules]).assert().success().get_output().stdout.clone();
    assert_eq!(check_summary(&String::from_utf8(out).unwrap()), "1 passed, 0 failed");
}

/// Min-max on the data, goalposts and clamp, a denominator, imputation by parent, weighted and
/// geometric means, half-up rounding at the root.
#[test]
fn composite_example_cases_worked_by_hand_pass() {
    check_passes("scoring-rules/composite-example.toml");
}

/// A gate, a penalty tier, a weighted sum, min-max of an aggregate over the run, ranks on whole
/// points with dense ties.
#[test]
fn gated_checklist_cases_worked_by_hand_pass() {
    check_passes("scoring-rules/composite-checklist.toml");
}

/// Best and min-max within the group, rank over the run, imputation of the run's mean, a
/// missing value scored zero.
#[test]
fn group_statistics_cases_worked_by_hand_pass() {
    check_passes("scoring-rules/composite-groups.toml");
}

#[test]
fn a_gate_that_is_not_an_earlier_sibling_is_an_error_naming_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("r.toml");
    std::fs::write(
        &rules,
        r#"[scheme]
id = "x"
title = "x"
basis = "x"
total = 10

[[group]]
id = "g"
name = "g"
[[group.grade]]
name = "ok"
min = 0

[[indicator]]
id = "D"
name = "D"
max = 10
basis = "x"

[[indicator]]
id = "a"
parent = "D"
name = "a"
max = 10
basis = "x"
gate = "D"
[indicator.normalise]
method = "none"
"#,
    )
    .unwrap();
    let out = check(&rules).assert().code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains(":26"), "{err}");
    assert!(
        err.contains("indicator `a` is gated by `D`: expected the id of an earlier sibling"),
        "{err}"
    );
}

const ONE_ITEM: &str = r#"[scheme]
id = "x"
title = "x"
basis = "x"
total = 100
rescale = "none"

[[group]]
id = "g"
name = "g"
[[group.grade]]
name = "ok"
min = 0

[[indicator]]
id = "a"
name = "a"
max = 100
basis = "x"
[indicator.normalise]
"#;

fn kaohe_err(rules_tail: &str, data: Option<(&str, &str)>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("r.toml");
    std::fs::write(&rules, format!("{ONE_ITEM}{rules_tail}")).unwrap();
    let mut cmd = Command::cargo_bin("kaohe").unwrap();
    cmd.env("KAOHE_LANG", "en");
    match data {
        None => {
            cmd.arg("check").arg(&rules);
        }
        Some((agencies, measures)) => {
            let d = dir.path().join("data");
            std::fs::create_dir(&d).unwrap();
            std::fs::write(d.join("agencies.csv"), agencies).unwrap();
            std::fs::write(d.join("measures.csv"), measures).unwrap();
            cmd.arg("score")
                .arg(&rules)
                .arg("--data")
                .arg(&d)
                .arg("--out")
                .arg(dir.path().join("o"));
        }
    }
    let out = cmd.assert().code(2);
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

/// `kaohe check RULES`, in English.
fn check(rules: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("kaohe").unwrap();
    cmd.env("KAOHE_LANG", "en").arg("check").arg(rules);
    cmd
}

#[test]
fn an_unknown_normalise_key_is_an_error_naming_its_line() {
    let err = kaohe_err("method = \"minmax\"\ngoalposts = [0, 1]\n", None);
    assert!(err.contains("r.toml:22"), "{err}");
    assert!(err.contains("unknown field `goalposts`"), "{err}");
}

#[test]
fn one_goalpost_without_the_other_is_an_error() {
    let err = kaohe_err("low = 0\n", None);
    assert!(err.contains("item `a` has only one of low and high"), "{err}");
}

#[test]
fn a_missing_value_with_missing_error_names_the_agency_and_the_rule() {
    let err = kaohe_err(
        "missing = \"error\"\n",
        Some(("id,name,group\nA,A,g\nB,B,g\n", "agency,indicator,value\nA,a,1\n")),
    );
    assert!(err.contains("r.toml:16"), "{err}");
    assert!(
        err.contains("agency `B` has no value for item `a` (no `a` recorded), and the item says missing = \"error\""),
        "{err}"
    );
}

/// Regression: under a weighted sum, a major deduction (which passes every floor) counted in the
/// dimension's ledger but not in its value, and the residue line cancelled it. Worked by hand: the
/// item's 20 points less the major 4 is 16, at weight 0.5: 8; a minor deduction of 30 is floored
/// at the item (0), the major 4 still counts: (0 − 4) × 0.5 = −2, and the total's floor makes 0.
#[test]
fn a_major_deduction_under_a_weighted_sum_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("m.toml");
    std::fs::write(
        &rules,
        r#"[scheme]
id = "m"
title = "m"
basis = "x"
total = 10
rescale = "none"

[[group]]
id = "g"
name = "g"
[[group.grade]]
name = "ok"
min = 0

[[indicator]]
id = "D"
name = "D"
max = 10
basis = "x"

[[indicator]]
id = "a"
parent = "D"
name = "a"
max = 20
weight = 0.5
basis = "x"
[[indicator.deduct]]
kind = "big"
name = "major problem"
points = 4
major = true
[[indicator.deduct]]
kind = "small"
name = "problem"
points = 30

[[case]]
name = "major deduction at weight 0.5"
agencies = [
  { id = "A", name = "A", group = "g" },
  { id = "B", name = "B", group = "g" },
]
findings = [
  { agency = "A", kind = "big" },
  { agency = "B", kind = "big" },
  { agency = "B", kind = "small" },
]
expect = [
  { agency = "A", total = 8 },
  { agency = "B", total = 0 },
]
"#,
    )
    .unwrap();
    let out = check(&rules).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(check_summary(&text), "1 passed, 0 failed", "{text}");
}

/// Ranks per output: the checklist's group ranks densely, its `extra` indicator says competition.
/// By hand: S is 100, 66.67, 0, 0 → dense 1, 2, 3, 3; extra is 0, 10, 10, 0 → competition 3, 1,
/// 1, 3.
#[test]
fn each_indicator_ranks_with_its_own_tie_style() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("agencies.csv"), "id,name,group\nA,A,g\nB,B,g\nC,C,g\nD,D,g\n")
        .unwrap();
    let mut m = String::from("agency,indicator,value\n");
    for (a, e, o, u, x) in
        [("A", 1, 1, 1, 0), ("B", 1, 1, -1, 10), ("C", 0, 1, 1, 10), ("D", 1, 0, 0, 0)]
    {
        m += &format!("{a},ds.exists,{e}\n{a},ds.open,{o}\n{a},ds.updated,{u}\n{a},extra,{x}\n");
    }
    std::fs::write(data.join("measures.csv"), m).unwrap();
    let out = dir.path().join("out");
    score_cmd("scoring-rules/composite-checklist.toml", &data, &out).assert().success();
    let json = scores_json(&out);
    let rank = |agency: &str, node: &str| -> u64 {
        let a =
            json["agencies"].as_array().unwrap().iter().find(|a| a["agency_id"] == agency).unwrap();
        a["nodes"].as_array().unwrap().iter().find(|n| n["id"] == node).unwrap()["rank"]
            .as_u64()
            .unwrap()
    };
    let s: Vec<u64> = ["A", "B", "C", "D"].iter().map(|a| rank(a, "S")).collect();
    let e: Vec<u64> = ["A", "B", "C", "D"].iter().map(|a| rank(a, "extra")).collect();
    assert_eq!(s, [1, 2, 3, 3]);
    assert_eq!(e, [3, 1, 1, 3]);
}

#[test]
fn a_measure_no_item_reads_is_an_error_with_a_hint() {
    let err = kaohe_err(
        "per = \"pop\"\n",
        Some(("id,name,group\nA,A,g\n", "agency,indicator,value\nA,a,1\nA,popp,2\n")),
    );
    assert!(err.contains("measures.csv:3"), "{err}");
    assert!(err.contains("`popp` is not a measured item of the scheme"), "{err}");
    assert!(err.contains("pop"), "{err}");
}
