//! `kaohe survey init` drafts a questionnaire from a real 问卷星 export.

mod util;

use std::path::Path;

use assert_cmd::Command;
use util::*;

#[test]
fn drafts_from_the_real_matrix_export() {
    let export = published("wjx-exports/All_Data_Readable.xls");
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.toml");
    Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
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
    // The draft is TOML but does not load until the team decides the values (in English when
    // asked, in Chinese as a user runs it).
    for (lang, said) in [
        ("en", "has no value: expected `value = 0..100` or `dont_know = true`"),
        ("zh", "没有分值：应为 `value = 0..100` 或 `dont_know = true`"),
    ] {
        Command::cargo_bin("kaohe")
            .unwrap()
            .env("KAOHE_LANG", lang)
            .args(["survey", "import"])
            .arg(&draft)
            .arg(&export)
            .arg("--out")
            .arg(dir.path().join("o"))
            .assert()
            .failure()
            .stderr(predicates::str::contains(said));
    }

    // As a user runs it: the draft's notes in Chinese.
    let zh = Command::cargo_bin("kaohe")
        .unwrap()
        .env_remove("KAOHE_LANG")
        .args(["survey", "init"])
        .arg(&export)
        .output()
        .unwrap();
    let text = String::from_utf8(zh.stdout).unwrap();
    assert!(
        text.contains("# 元数据列：序号, 提交答卷时间, 所用时间, 来自IP, 来源, 来源详情"),
        "{text}"
    );
    assert!(text.contains("answers = \"text\"  # 导出按文本记录答案：选项的名称"), "{text}");
    // What the team must decide is marked in Chinese too; only machine ids keep the ASCII marker.
    assert!(
        text.contains("{ label = \"2分\" }, # 待填：分值\n  { label = \"3分\" }, # 待填：分值\n"),
        "{text}"
    );
    assert!(text.contains("weight = 1  # 待填\n"), "{text}");
    assert!(text.contains("title = \"待填\"\n"), "{text}");
    let todo: Vec<&str> = text.lines().filter(|l| l.contains("TODO")).collect();
    assert_eq!(
        todo,
        ["id = \"TODO-survey-id\"", "options = [ { label = \"待填\", id = \"TODO\" } ]"],
        "{text}"
    );
}

#[test]
fn drafts_a_by_number_export_with_positions_to_label() {
    let export = published("wjx-exports/All_Data_Original.xls");
    let out = Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
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

fn wjx_export(name: &str) -> std::path::PathBuf {
    published(&format!("wjx-exports/{name}"))
}

fn init(args: &[&Path]) -> String {
    let out = Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
        .args(["survey", "init"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The matrix scale's options as drafted: the lines after the first `column = "13、…` question's
/// scale header.
fn matrix_scale(text: &str) -> String {
    let q = text.find("column = \"13、如下“中兴天机7”的各方面").expect("matrix first row");
    let scale = text[q..].lines().nth(1).unwrap().trim_start_matches("scale = ").trim_matches('"');
    let at = text.find(&format!("[scales.{scale}]")).unwrap();
    text[at..].split("\n\n").next().unwrap().to_string()
}

#[test]
fn a_by_text_export_alone_claims_no_positions() {
    let text = init(&[&wjx_export("All_Data_Readable.xls")]);
    let scale = matrix_scale(&text);
    // 2分–5分 were seen, in that order, but nobody chose 1分: the order is a guess.
    assert!(scale.contains("positions_confirmed = false"), "{scale}");
}

#[test]
fn pairing_both_exports_learns_each_options_position() {
    // All_Data_Readable.xls (by text) and All_Data_Original.xls (by number) hold the same
    // responses: paired by 序号 and submit time, `2分` is written as 2, …, `5分` as 5, and
    // position 1 (1分) was never chosen.
    let text = init(&[&wjx_export("All_Data_Readable.xls"), &wjx_export("All_Data_Original.xls")]);
    let scale = matrix_scale(&text);
    assert!(!scale.contains("positions_confirmed"), "{scale}");
    assert!(
        scale.contains(
            "{ label = \"TODO label of option 1 (nobody chose it)\" }, # TODO value\n  \
             { label = \"2分\" }, # TODO value\n  { label = \"3分\" }, # TODO value\n  \
             { label = \"4分\" }, # TODO value\n  { label = \"5分\" }"
        ),
        "{scale}"
    );
}

#[test]
fn an_id_column_is_not_a_question_and_required_is_read_from_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("x.csv");
    std::fs::write(
        &csv,
        "序号,agency_id,1、您对政务公开是否满意？(单选题 *必答),2、建议(单选题)\n\
         1,140100,满意,是\n2,140600,一般,否\n3,140100,满意,是\n",
    )
    .unwrap();
    let text = init(&[&csv]);
    assert!(
        text.contains("agency_id (numbers up to 140600: an id or a count, not a rating)"),
        "{text}"
    );
    assert!(!text.contains("140100\" }"), "{text}");
    let q1 = text.find("column = \"1、您对政务公开是否满意？(单选题 *必答)\"").unwrap();
    assert!(text[q1..].contains("required = true"), "{text}");
    let q2 = text.find("column = \"2、建议(单选题)\"").unwrap();
    assert!(text[q2..].lines().nth(3).unwrap().starts_with("required = false"), "{text}");
}

#[test]
fn a_by_number_import_refuses_an_unconfirmed_order() {
    let dir = tempfile::tempdir().unwrap();
    let fx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/survey");
    let q = std::fs::read_to_string(fx.join("mini.toml"))
        .unwrap()
        .replace("[scales.sat]\n", "[scales.sat]\npositions_confirmed = false\n");
    std::fs::write(dir.path().join("q.toml"), q).unwrap();
    Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
        .current_dir(dir.path())
        .args(["survey", "import", "q.toml"])
        .arg(fx.join("mini.csv"))
        .args(["--answers", "number", "--out", "o"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "this export writes answers by number (option positions), but the order of scale `sat` (question q1) was never confirmed",
        ));
    assert!(!dir.path().join("o").exists());
}
