//! `kaohe robustness`: reproducible from the seed at any thread count, and intervals that agree
//! with what can be worked out by hand on a small case.

mod util;

use std::path::Path;

use assert_cmd::Command;

fn run(rules: &Path, data: &Path, out: &Path, threads: u32, extra: &[&str]) {
    util::kaohe()
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
    let root = &util::repo();
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
    // The bundled example carries survey-responses.csv: its survey analysis is the bootstrap.
    let csv = std::fs::read_to_string(a.join("robustness.csv")).unwrap();
    let survey: Vec<&str> = csv.lines().filter(|l| l.starts_with("survey,")).collect();
    assert_eq!(survey.len(), 168);
    assert!(survey.iter().all(|l| l.ends_with(",response-bootstrap")), "{csv}");
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
    // No survey-responses.csv: the parametric draws, and the CSV says so.
    assert_eq!(c[15], "parametric");
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

/// The response-level bootstrap on a hand-made `survey-responses.csv` whose bootstrap
/// distribution is known:
/// - A: public 90, 90 and business 90: every resample is 90 (first, excellent, always);
/// - B: public 66, 66: always 66;
/// - E: public 100, 100 (weight 0.6) and business 10, 10 (0.4): resampled *within* groups it is
///   always 0.6·100 + 0.4·10 = 64 (pooled, it would move);
/// - C: public 40, 80, 80, 40: a resample is 40, 50, 60, 70 or 80 (70 or more with probability
///   5/16), so C is 4th (below E) or 2nd (above B), and B and E each move by one;
/// - D: survey.csv says 0.00 (a below-minimum policy replaced it), not its responses' 50: fixed,
///   always last.
#[test]
fn response_bootstrap_intervals_match_the_hand_worked_distribution() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("r.toml");
    std::fs::write(&rules, SCHEME).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("agencies.csv"), "id,name,group\nA,A,g\nB,B,g\nC,C,g\nD,D,g\nE,E,g\n")
        .unwrap();
    std::fs::write(
        data.join("survey.csv"),
        "agency,survey,index,ci_low,ci_high,n,below_minimum\n\
         A,s,90.00,90.00,90.00,3,false\nB,s,66.00,66.00,66.00,2,false\n\
         C,s,60.00,35.00,85.00,4,false\nD,s,0.00,0.00,0.00,2,true\nE,s,64.00,0,100,4,false\n",
    )
    .unwrap();
    std::fs::write(
        data.join("survey-responses.csv"),
        "\u{feff}agency,survey,group,weight,y\n\
         A,s,p,0.6,90.000000\nC,s,p,0.6,40.000000\nA,s,b,0.4,90.000000\nB,s,p,0.6,66.000000\n\
         C,s,p,0.6,80.000000\nE,s,p,0.6,100.000000\nE,s,b,0.4,10.000000\nA,s,p,0.6,90.000000\n\
         C,s,p,0.6,80.000000\nD,s,p,0.6,0.000000\nD,s,p,0.6,100.000000\nE,s,b,0.4,10.000000\n\
         C,s,p,0.6,40.000000\nB,s,p,0.6,66.000000\nE,s,p,0.6,100.000000\n",
    )
    .unwrap();
    let (one, two, again) =
        (dir.path().join("one"), dir.path().join("two"), dir.path().join("again"));
    let summary = |out: &Path, threads: u32, lang: &str| -> String {
        let o = Command::cargo_bin("kaohe")
            .unwrap()
            .env("RAYON_NUM_THREADS", threads.to_string())
            .env("KAOHE_LANG", lang)
            .arg("robustness")
            .arg(&rules)
            .arg("--data")
            .arg(&data)
            .arg("--out")
            .arg(out)
            .args(["--replicates", "200", "--seed", "11"])
            .assert()
            .success();
        String::from_utf8(o.get_output().stdout.clone()).unwrap()
    };
    let text = summary(&one, 1, "en");
    assert!(
        text.contains(
            "survey (200 replicates, response-bootstrap of 13 responses from survey-responses.csv; \
             1 survey rows without responses that give their index stay fixed)"
        ),
        "{text}"
    );
    summary(&two, 2, "en");
    let text = summary(&dir.path().join("zh"), 2, "zh");
    assert!(
        text.contains(
            "满意度（200 次重复，答卷重抽样，取自 survey-responses.csv 的 13 份答卷；\
             另有 1 行满意度结果没有答卷，其指数保持不变）"
        ),
        "{text}"
    );
    summary(&again, 2, "en");
    for f in ["robustness.csv", "robustness.svg"] {
        let a = std::fs::read(one.join(f)).unwrap();
        assert_eq!(a, std::fs::read(two.join(f)).unwrap(), "{f} at 1 and 2 threads");
        assert_eq!(a, std::fs::read(again.join(f)).unwrap(), "{f} from the same seed");
    }
    let csv = std::fs::read_to_string(one.join("robustness.csv")).unwrap();
    let row = |id: &str| -> Vec<String> {
        csv.lines()
            .find(|l| l.starts_with(&format!("survey,200,g,{id},")))
            .unwrap_or_else(|| panic!("no row for {id} in\n{csv}"))
            .split(',')
            .map(str::to_string)
            .collect()
    };
    // rank 6, min 11, max 12, can change 13, shares 14, method 15.
    let expect = [("A", "1", "1", "1"), ("B", "2", "2", "3"), ("E", "3", "3", "4")];
    for (id, rank, min, max) in
        expect.into_iter().chain([("C", "4", "2", "4"), ("D", "5", "5", "5")])
    {
        let r = row(id);
        assert_eq!((r[6].as_str(), r[11].as_str(), r[12].as_str()), (rank, min, max), "{id}");
        assert_eq!(r[15], "response-bootstrap", "{id}");
    }
    assert_eq!((row("A")[13].as_str(), row("A")[14].as_str()), ("false", "excellent 1"));
    // C is 2nd in about 5/16 of the replicates: 90% interval 2–4, median 4.
    let c = row("C");
    assert_eq!((c[8].as_str(), c[9].as_str(), c[10].as_str()), ("2", "4", "4"));
}

/// A group with two weights within one agency, or a score with more than 6 decimals, is an error
/// naming the file, line and column, not a silently different bootstrap.
#[test]
fn a_malformed_responses_file_is_an_error_naming_where() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("r.toml");
    std::fs::write(&rules, SCHEME).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("agencies.csv"), "id,name,group\nA,A,g\n").unwrap();
    std::fs::write(data.join("survey.csv"), "agency,survey,index\nA,s,90.00\n").unwrap();
    for (body, want) in [
        ("A,s,p,0.6,90.000000\nA,s,p,0.5,90.000000\n", "survey-responses.csv:3"),
        ("A,s,p,0.6,90.0000001\n", "survey-responses.csv:2"),
    ] {
        std::fs::write(
            data.join("survey-responses.csv"),
            format!("agency,survey,group,weight,y\n{body}"),
        )
        .unwrap();
        let o = Command::cargo_bin("kaohe")
            .unwrap()
            .arg("robustness")
            .arg(&rules)
            .arg("--data")
            .arg(&data)
            .arg("--out")
            .arg(dir.path().join("out"))
            .args(["--replicates", "5"])
            .assert()
            .failure();
        let err = String::from_utf8(o.get_output().stderr.clone()).unwrap();
        assert!(err.contains(want), "{err}");
    }
}
