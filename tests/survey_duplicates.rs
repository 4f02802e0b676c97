//! Duplicate screening, worked by hand (questionnaire tests/fixtures/survey/mini.toml: values
//! 满意 100, 一般 60, 不满意 20, 不了解 don't know; q3 weighs 2; groups 群众 0.6, 企业 0.4;
//! duplicates keyed by 来自IP within an agency).
//!
//! `keep = "first"` keeps the earliest submission (as 问卷星 and the reference statistics do), not
//! the first row in the file; ties in time go to the earlier row. Duplicates are resolved before
//! `no-rated-answer`: a kept response with no rated answer is screened as such, and its later
//! duplicates stay duplicates.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::PredicateBooleanExt;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/survey").join(name)
}

const EXPORT: &str = "\
序号,提交答卷时间,所用时间,来自IP,评价对象,身份,Q1,Q2,Q3,注意
1,2022/06/01 10:05:00,30秒,9.9.9.9(山西-太原),甲县,群众,满意,一般,一般,一般
2,2022/06/01 10:01:00,30秒,9.9.9.9(山西-太原),甲县,群众,一般,一般,满意,一般
3,2022/06/01 10:00:00,30秒,8.8.8.8(山西-太原),甲县,企业,不了解,不了解,不了解,一般
4,2022/06/01 10:02:00,30秒,8.8.8.8(山西-太原),甲县,企业,满意,不满意,一般,一般
5,2022/06/01 10:03:00,30秒,7.7.7.7(山西-太原),甲县,企业,一般,不满意,满意,一般
6,2022/06/01 10:01:00,30秒,9.9.9.9(山西-太原),甲县,群众,满意,满意,一般,一般
";

/// Import EXPORT with mini.toml, `keep` replaced; returns (survey, screened, accounting, responses).
fn run(keep: &str) -> [String; 4] {
    let dir = tempfile::tempdir().unwrap();
    let q = std::fs::read_to_string(fixture("mini.toml"))
        .unwrap()
        .replace("keep = \"first\"", &format!("keep = \"{keep}\""));
    std::fs::write(dir.path().join("q.toml"), q).unwrap();
    std::fs::write(dir.path().join("x.csv"), EXPORT).unwrap();
    Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
        .current_dir(dir.path())
        .args(["survey", "import", "q.toml", "x.csv", "--out", "o"])
        .assert()
        .success();
    ["survey.csv", "screened.csv", "accounting.csv", "responses.csv"].map(|f| {
        let b = std::fs::read(dir.path().join("o").join(f)).unwrap();
        String::from_utf8(b[3..].to_vec()).unwrap()
    })
}

#[test]
fn first_means_the_earliest_submission_and_precedes_no_rated_answer() {
    let [survey, screened, accounting, responses] = run("first");
    // 9.9.9.9: line 3 (10:01) is earliest; line 7 ties it at 10:01 but comes later; line 2 (10:05)
    // came first in the file but was submitted last. Line 3: y = (60 + 60 + 2·100)/4 = 80.
    // 8.8.8.8: line 4 (10:00, every answer 不了解) is earliest, so line 5 (10:02) is its duplicate
    // and line 4 is screened no-rated-answer: neither counts.
    // 7.7.7.7: line 6, y = (60 + 20 + 2·100)/4 = 70.
    // index = 0.6·80 + 0.4·70 = 76.00, n = 2.
    assert!(survey.contains("\nA,mini,76.00,"), "{survey}");
    assert!(survey.contains(",2,"), "{survey}");
    assert_eq!(
        screened,
        "file,line,agency,rule\nx.csv,2,A,duplicate\nx.csv,4,A,no-rated-answer\n\
         x.csv,5,A,duplicate\nx.csv,7,A,duplicate\n"
    );
    assert!(accounting.contains("\nA,6,2,0,0,0,1,3,0\n"), "{accounting}");
    assert_eq!(
        responses,
        "agency,survey,group,weight,y\nA,mini,public,0.6,80.000000\nA,mini,ent,0.4,70.000000\n"
    );
}

#[test]
fn latest_means_the_latest_submission() {
    let [survey, screened, accounting, responses] = run("latest");
    // 9.9.9.9: line 2 (10:05), y = (100 + 60 + 2·60)/4 = 70. 8.8.8.8: line 5 (10:02), y = (100 +
    // 20 + 2·60)/4 = 60; line 4 is its duplicate. 7.7.7.7: line 6, y = 70.
    // index = 0.6·70 + 0.4·(60 + 70)/2 = 42 + 26 = 68.00, n = 3.
    assert!(survey.contains("\nA,mini,68.00,"), "{survey}");
    assert_eq!(
        screened,
        "file,line,agency,rule\nx.csv,3,A,duplicate\nx.csv,4,A,duplicate\nx.csv,7,A,duplicate\n"
    );
    assert!(accounting.contains("\nA,6,3,0,0,0,0,3,0\n"), "{accounting}");
    assert_eq!(
        responses,
        "agency,survey,group,weight,y\nA,mini,public,0.6,70.000000\nA,mini,ent,0.4,60.000000\n\
         A,mini,ent,0.4,70.000000\n"
    );
}

/// Run `kaohe survey ARGS…` in `dir` with mini.toml as `q.toml`.
fn kaohe(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    std::fs::copy(fixture("mini.toml"), dir.join("q.toml")).unwrap();
    Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
        .current_dir(dir)
        .arg("survey")
        .args(args)
        .assert()
}

#[test]
fn the_same_export_given_twice_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.csv"), EXPORT).unwrap();
    std::fs::write(d.join("b.csv"), EXPORT).unwrap();
    kaohe(d, &["import", "q.toml", "a.csv", "b.csv", "--out", "o"])
        .code(2)
        .stderr(predicates::str::contains("b.csv: this file has the same content as a.csv"));
    assert!(!d.join("o").exists());
    // Two downloads of one export merged into one file: 序号 1 at 10:05 again on line 8.
    let merged = format!("{EXPORT}{}", EXPORT.split_once('\n').unwrap().1);
    std::fs::write(d.join("c.csv"), merged).unwrap();
    kaohe(d, &["import", "q.toml", "c.csv", "--out", "o"]).code(2).stderr(
        predicates::str::contains(
            "c.csv:8: response 序号 1 submitted `2022/06/01 10:05:00` appears again: first at c.csv:2",
        ),
    );
    // The same rows in a second file under other ids are not this (they are duplicates by IP).
    let renumbered = EXPORT.replace("\n1,", "\n11,").replace("\n2,", "\n12,");
    std::fs::write(d.join("e.csv"), renumbered).unwrap();
    kaohe(d, &["import", "q.toml", "a.csv", "e.csv", "--out", "o"]).code(2).stderr(
        predicates::str::contains("e.csv:4: response 序号 3 submitted `2022/06/01 10:00:00`")
            .and(predicates::str::contains("first at a.csv:4")),
    );
    // Overlapping ids with other submission times (another survey's export): accepted.
    let other = EXPORT.replace("2022/06/01", "2022/07/01");
    std::fs::write(d.join("f.csv"), other).unwrap();
    kaohe(d, &["import", "q.toml", "a.csv", "f.csv", "--out", "o"]).success();
}

#[test]
fn a_shard_given_twice_to_merge_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.csv"), EXPORT).unwrap();
    kaohe(d, &["import", "q.toml", "a.csv", "--out", "s1"]).success();
    kaohe(d, &["merge", "q.toml", "s1", "s1", "--out", "m"]).code(2).stderr(
        predicates::str::contains(
            "a.csv (in shard s1) has the same content as a.csv (in shard s1)",
        ),
    );
    assert!(!d.join("m").exists());
}
