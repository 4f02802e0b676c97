//! `kaohe survey init` drafts a questionnaire from a real 问卷星 export.

mod util;

use assert_cmd::Command;
use util::*;

#[test]
fn drafts_from_the_real_matrix_export() {
    let export = published("wjx-exports/All_Data_Readable.xls");
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.toml");
    Command::cargo_bin("kaohe")
        .unwrap()
        .args(["survey", "init"])
        .arg(&export)
        .arg("--out")
        .arg(&draft)
        .assert()
        .success();
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(
        text.contains("# metadata columns: 序号, 提交答卷时间, 所用时间, 来自IP, 来源, 来源详情"),
        "{text}"
    );
    assert!(text.contains("answers = \"text\""), "{text}");
    // The matrix's first row and a bare row label both become questions sharing one scale,
    // whose options are the union seen (2分–5分), ordered numerically.
    let first = text.find("column = \"13、如下“中兴天机7”的各方面").expect("matrix first row");
    let bare = text.find("column = \"GPS定位速度\"").expect("bare matrix row");
    let scale_after = |at: usize| text[at..].lines().nth(1).unwrap().to_string();
    assert_eq!(scale_after(first), scale_after(bare));
    assert!(text.contains("{ label = \"2分\" }, # TODO value\n  { label = \"3分\" }, # TODO value\n  { label = \"4分\" }, # TODO value\n  { label = \"5分\" }"), "{text}");
    // Multiple choice (┋) and ranking (→) are listed as not drafted.
    assert!(text.contains("#   3、请问在购买前"), "{text}");
    assert!(text.contains("#   12、请问“中兴天机7”的那些方面"), "{text}");
    // The draft is TOML but does not load until the team decides the values.
    Command::cargo_bin("kaohe")
        .unwrap()
        .args(["survey", "import"])
        .arg(&draft)
        .arg(&export)
        .arg("--out")
        .arg(dir.path().join("o"))
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "has no value: expected `value = 0..100` or `dont_know = true`",
        ));
}

#[test]
fn drafts_a_by_number_export_with_positions_to_label() {
    let export = published("wjx-exports/All_Data_Original.xls");
    let out = Command::cargo_bin("kaohe")
        .unwrap()
        .args(["survey", "init"])
        .arg(&export)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("answers = \"number\""), "{text}");
    // The matrix saw positions up to 5 (`5分`): five options to label, in position order.
    assert!(text.contains("{ label = \"TODO label of option 5\" }"), "{text}");
    // Fill-in and multiple-choice columns are named as not drafted.
    assert!(text.contains("(填空题: not a rating)"), "{text}");
    assert!(text.contains("(one option of multiple-choice question 3: 电视)"), "{text}");
}
