//! `kaohe robustness`: reproducible from the seed at any thread count, and intervals that agree
//! with what can be worked out by hand on a small case.

use std::path::Path;

use assert_cmd::Command;

fn run(rules: &Path, data: &Path, out: &Path, threads: u32, extra: &[&str]) {
    Command::cargo_bin("kaohe")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("RAYON_NUM_THREADS", threads.to_string())
        .arg("robustness")
        .arg(rules)
        .arg("--data")
        .arg(data)
        .arg("--out")
        .arg(out)
        .args(extra)
        .assert()
        .success();
}

#[test]
fn bundled_example_is_the_same_at_one_and_three_threads_and_changes_with_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = root.join("scoring-rules/shanxi-2022.toml");
    let data = root.join("examples/shanxi-2022");
    let (a, b, c) = (dir.path().join("a"), dir.path().join("b"), dir.path().join("c"));
    run(&rules, &data, &a, 1, &["--replicates", "12"]);
    run(&rules, &data, &b, 3, &["--replicates", "12"]);
    run(&rules, &data, &c, 3, &["--replicates", "12", "--seed", "7"]);
    for f in ["robustness.csv", "robustness.svg"] {
        assert_eq!(std::fs::read(a.join(f)).unwrap(), std::fs::read(b.join(f)).unwrap(), "{f}");
    }
    assert_ne!(
        std::fs::read(a.join("robustness.csv")).unwrap(),
        std::fs::read(c.join("robustness.csv")).unwrap()
    );
}

const SCHEME: &str = r#"
[scheme]
id = "r"
title = "one survey item"
basis = "x"
total = 100

[[group]]
id = "g"
name = "g"
[[group.grade]]
name = "excellent"
min = 90
[[group.grade]]
name = "other"
min = 0

[[indicator]]
id = "S"
name = "satisfaction"
max = 100
basis = "x"
[indicator.survey]
survey = "s"
linear = { zero_at = 0, full_at = 100 }
"#;

/// A at 95 (CI 94–96), B at 80 (79–81), C at 80 (60–100). The draws are index + se·z with
/// se = CI width / 3.92 and |z| ≤ 6: A stays within 95 ± 3.06 and B within 80 ± 3.06, so B never
/// passes A and A is always excellent; C spans 49.4–100, so (over 200 replicates, where C above
/// 92 has a chance of about 12% each) it is seen both first and last.
#[test]
fn survey_intervals_match_the_hand_worked_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("r.toml");
    std::fs::write(&rules, SCHEME).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("agencies.csv"), "id,name,group\nA,A,g\nB,B,g\nC,C,g\n").unwrap();
    std::fs::write(
        data.join("survey.csv"),
        "agency,survey,index,ci_low,ci_high,n\nA,s,95,94,96,400\nB,s,80,79,81,400\nC,s,80,60,100,10\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    run(&rules, &data, &out, 2, &["--replicates", "200"]);
    let csv = std::fs::read_to_string(out.join("robustness.csv")).unwrap();
    let row = |analysis: &str, id: &str| -> Vec<String> {
        csv.lines()
            .find(|l| l.starts_with(&format!("{analysis},200,g,{id},")))
            .unwrap_or_else(|| panic!("no row for {analysis} {id} in\n{csv}"))
            .split(',')
            .map(str::to_string)
            .collect()
    };
    // Columns: …, rank 6, grade 7, p05 8, median 9, p95 10, min 11, max 12, can change 13, shares 14.
    let a = row("survey", "A");
    assert_eq!((a[11].as_str(), a[13].as_str(), a[14].as_str()), ("1", "false", "excellent 1"));
    assert!(a[12] == "1" || a[12] == "2");
    let b = row("survey", "B");
    assert_eq!((b[11].as_str(), b[12].as_str()), ("2", "3"));
    let c = row("survey", "C");
    assert_eq!((c[11].as_str(), c[12].as_str(), c[13].as_str()), ("1", "3", "true"));
    // One indicator: weights cannot change anyone's rank.
    for id in ["A", "B", "C"] {
        let w = row("weights", id);
        assert_eq!(w[11], w[6], "{id}");
        assert_eq!(w[12], w[6], "{id}");
    }
}

/// Two agencies tied at baseline (A: x 100, y 0; B: x 0, y 100; the mean of x and y is 50 for
/// both). With x's weight drawn from [1, 1] and y's from [0, 0.5], x always weighs more, so A is
/// first and B second in every replicate, although both rank 1 at baseline.
#[test]
fn weight_bounds_from_the_rules_decide_the_draws() {
    let scheme = r#"
[scheme]
id = "w"
title = "two items"
basis = "x"
total = 100
rescale = "none"

[[group]]
id = "g"
name = "g"
[[group.grade]]
name = "all"
min = 0

[[indicator]]
id = "T"
name = "T"
max = 100
basis = "x"
aggregate = "mean"

[[indicator]]
id = "x"
parent = "T"
name = "x"
max = 100
basis = "x"
weight_bounds = [1, 1]
[indicator.normalise]
method = "none"

[[indicator]]
id = "y"
parent = "T"
name = "y"
max = 100
basis = "x"
weight_bounds = [0, 0.5]
[indicator.normalise]
method = "none"
"#;
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("w.toml");
    std::fs::write(&rules, scheme).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("agencies.csv"), "id,name,group\nA,A,g\nB,B,g\n").unwrap();
    std::fs::write(
        data.join("measures.csv"),
        "agency,indicator,value\nA,x,100\nA,y,0\nB,x,0\nB,y,100\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    run(&rules, &data, &out, 2, &["--replicates", "30"]);
    let csv = std::fs::read_to_string(out.join("robustness.csv")).unwrap();
    let cols = |id: &str| -> Vec<String> {
        let l = csv.lines().find(|l| l.starts_with(&format!("weights,30,g,{id},"))).unwrap();
        l.split(',').map(str::to_string).collect()
    };
    // rank 6, min 11, max 12.
    let (a, b) = (cols("A"), cols("B"));
    assert_eq!((a[6].as_str(), a[11].as_str(), a[12].as_str()), ("1", "1", "1"));
    assert_eq!((b[6].as_str(), b[11].as_str(), b[12].as_str()), ("1", "2", "2"));
}
