//! `kaohe verify` catches a one-character edit to any output or input of a published run.

mod util;

use std::path::Path;

use util::*;

/// Change one digit (the middle one of the file) to another digit; the line it is on (1-based).
fn edit_one_char(p: &Path) -> usize {
    let mut bytes = std::fs::read(p).unwrap();
    let digits: Vec<usize> =
        bytes.iter().enumerate().filter(|(_, b)| b.is_ascii_digit()).map(|(i, _)| i).collect();
    let i = digits[digits.len() / 2];
    bytes[i] = if bytes[i] == b'9' { b'8' } else { bytes[i] + 1 };
    let line = 1 + bytes[..i].iter().filter(|&&b| b == b'\n').count();
    std::fs::write(p, bytes).unwrap();
    line
}

#[test]
fn verify_catches_any_one_character_edit() {
    let w = Work::new();
    let rules_copy = w.path("rules.toml");
    std::fs::copy(rules(), &rules_copy).unwrap();
    let verify = || {
        let mut c = kaohe();
        c.arg("verify").arg(w.out()).arg(&rules_copy).arg("--data").arg(w.data());
        c
    };
    kaohe()
        .arg("score")
        .arg(&rules_copy)
        .arg("--data")
        .arg(w.data())
        .arg("--out")
        .arg(w.out())
        .assert()
        .success();
    verify().assert().success().stdout(predicates::str::contains("verified:"));

    let mut targets =
        vec![w.out().join("rankings.csv"), w.out().join("scores.json"), rules_copy.clone()];
    // Every input the run recorded (the survey export beside them is the survey importer's input,
    // not the run's: its results reach the run through survey.csv).
    let scores: serde_json::Value = scores_json(&w.out());
    for i in scores["inputs"].as_array().unwrap() {
        if i["kind"] != "rules" {
            targets.push(w.data().join(i["path"].as_str().unwrap()));
        }
    }
    assert!(targets.len() >= 9);
    for t in targets {
        let saved = std::fs::read(&t).unwrap();
        let line = edit_one_char(&t);
        let out = verify().assert().code(1).get_output().stdout.clone();
        let s = String::from_utf8(out).unwrap();
        let name = t.file_name().unwrap().to_str().unwrap();
        assert!(
            s.contains("NOT verified") && s.contains(name),
            "an edit to {name} went unnoticed:\n{s}"
        );
        if name == "scores.json" || name == "rankings.csv" {
            assert!(s.contains(&format!("line {line} differs")), "{name}: line {line}?\n{s}");
        }
        std::fs::write(&t, saved).unwrap();
    }
    verify().assert().success();

    // scores.json one line short, and one byte longer: both differ from the recomputed run.
    let scores = w.out().join("scores.json");
    let saved = std::fs::read(&scores).unwrap();
    for changed in [saved[..saved.len() - 1].to_vec(), [saved.as_slice(), b" "].concat()] {
        std::fs::write(&scores, &changed).unwrap();
        let out = verify().assert().code(1).get_output().stdout.clone();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("scores.json: does not match"), "{s}");
    }
}
