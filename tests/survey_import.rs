//! `kaohe survey import` on a small export whose every number is worked out by hand
//! (tests/fixtures/survey/mini.csv, questionnaire mini.toml).

mod util;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use util::{survey_fixture, text_after_bom};

/// An output of the import: the CSVs start with a BOM (for Excel), the Markdown report does not.
fn read(dir: &Path, name: &str) -> String {
    if name.ends_with(".md") {
        return util::read(&dir.join(name));
    }
    text_after_bom(&dir.join(name))
}

fn import(args: &[&str], files: &[PathBuf], out: &Path) -> assert_cmd::assert::Assert {
    let mut cmd = Command::cargo_bin("kaohe").unwrap();
    cmd.env("KAOHE_LANG", "en")
        .arg("survey")
        .arg("import")
        .args(args)
        .arg(survey_fixture("mini.toml"));
    cmd.args(files).arg("--out").arg(out);
    cmd.assert()
}

#[test]
fn hand_worked_indices() {
    let out = tempfile::tempdir().unwrap();
    import(&[], &[survey_fixture("mini.csv")], out.path()).success();
    // A: public y = 90 (line 2: (100+60+2·100)/4) and 50 (line 3: (60+20+2·60)/4);
    //    enterprise y = 73.333333 (line 4: q2 不了解 leaves the denominator: (100+2·60)/3).
    //    index = 0.6·70 + 0.4·73.333333 = 71.3333332 → 71.33.
    //    w = 0.3, 0.3, 0.4; Σw²(y−ȳ)² = 0.09·18.6666668² + 0.09·21.3333332² + 0.16·1.9999998²
    //    = 72.96; var = 3/2 · 72.96 = 109.44; ±1.959964·10.4614 = ±20.5039 → 50.83, 91.84.
    //    n_eff = 1/(0.09+0.09+0.16) = 2.94.
    // B: public y = 90 (line 15), enterprise y = 40 (line 13: q3 skipped, (20+60)/2).
    //    index = 0.6·90 + 0.4·40 = 70; Σw²(y−ȳ)² = 0.36·400 + 0.16·900 = 288; var = 2·288 = 576;
    //    ±1.959964·24 = ±47.0391 → 22.96, 117.04; n_eff = 1/(0.36+0.16) = 1.92; n = 2 < 3.
    assert_eq!(
        read(out.path(), "survey.csv"),
        "agency,survey,index,ci_low,ci_high,n,n_eff,below_minimum\n\
         A,mini,71.33,50.83,91.84,3,2.94,false\n\
         B,mini,70.00,22.96,117.04,2,1.92,true\n"
    );
    let sat = read(out.path(), "satisfaction.csv");
    // A public q1: 满意, 一般 → 80; A ent q2: one 不了解 → no satisfaction.
    assert!(sat.contains("A,public,q1,2,0,0,80.00\n"), "{sat}");
    assert!(sat.contains("A,ent,q2,0,1,0,\n"), "{sat}");
    // B ent q3 skipped.
    assert!(sat.contains("B,ent,q3,0,0,1,\n"), "{sat}");
    // Over groups, q1 of A: 0.6·80 + 0.4·100 = 88.
    assert!(sat.contains("A,*,q1,3,0,0,88.00\n"), "{sat}");
    // The five valid responses, in file order (lines 2, 3, 4, 13, 15), with the y above.
    assert_eq!(
        read(out.path(), "responses.csv"),
        "agency,survey,group,weight,y\n\
         A,mini,public,0.6,90.000000\n\
         A,mini,public,0.6,50.000000\n\
         A,mini,ent,0.4,73.333333\n\
         B,mini,ent,0.4,40.000000\n\
         B,mini,public,0.6,90.000000\n"
    );
}

#[test]
fn every_row_is_accounted_for() {
    let out = tempfile::tempdir().unwrap();
    import(&[], &[survey_fixture("mini.csv")], out.path()).success();
    assert_eq!(
        read(out.path(), "accounting.csv"),
        "agency,rows,valid,screened:min-seconds,screened:attention:att,screened:straight-lining,\
         screened:no-rated-answer,screened:duplicate,rejected\n\
         A,7,3,1,1,1,0,1,0\n\
         B,6,2,0,0,0,1,0,3\n\
         (unresolved),2,0,0,0,0,0,0,2\n\
         (total),15,5,1,1,1,1,1,5\n"
    );
    let f = survey_fixture("mini.csv").display().to_string();
    assert_eq!(
        read(out.path(), "screened.csv"),
        format!(
            "file,line,agency,rule\n{f},5,A,min-seconds\n{f},6,A,duplicate\n{f},7,A,straight-lining\n\
             {f},8,A,attention:att\n{f},14,B,no-rated-answer\n"
        )
    );
    let rej = read(out.path(), "rejected.csv").replace('"', "");
    let lines: Vec<&str> = rej.lines().collect();
    assert_eq!(lines.len(), 6, "{rej}");
    assert!(
        lines[1]
            .starts_with(&format!("{f},9,(unresolved),column `评价对象`: unknown agency `丙县`")),
        "{rej}"
    );
    assert!(
        lines[2].starts_with(&format!(
            "{f},10,B,column `Q1`: answer `很好` to question q1 is out of range"
        )),
        "{rej}"
    );
    assert!(
        lines[3].starts_with(&format!("{f},11,B,column `Q1`: missing required answer")),
        "{rej}"
    );
    assert!(
        lines[4]
            .starts_with(&format!("{f},12,B,column `所用时间`: unparseable completion time `abc`")),
        "{rej}"
    );
    assert!(
        lines[5].starts_with(&format!(
            "{f},16,(unresolved),this row has 2 fields but the header has 10"
        )),
        "{rej}"
    );
    let report = read(out.path(), "import-report.md");
    assert!(
        report.contains(
            "Rows read: 15; valid 5 + screened 5 + rejected 5 = 15 (every row accounted for)"
        ),
        "{report}"
    );
}

#[test]
fn same_output_at_any_thread_count() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for (dir, threads) in [(a.path(), "1"), (b.path(), "2")] {
        Command::cargo_bin("kaohe")
            .unwrap()
            .env("KAOHE_LANG", "en")
            .env("RAYON_NUM_THREADS", threads)
            .args(["survey", "import"])
            .arg(survey_fixture("mini.toml"))
            .arg(survey_fixture("mini.csv"))
            .arg("--out")
            .arg(dir)
            .assert()
            .success();
    }
    for name in [
        "survey.csv",
        "counts.csv",
        "moments.csv",
        "satisfaction.csv",
        "accounting.csv",
        "screened.csv",
        "rejected.csv",
        "responses.csv",
        "inputs.csv",
        "import-report.md",
    ] {
        assert_eq!(
            std::fs::read(a.path().join(name)).unwrap(),
            std::fs::read(b.path().join(name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn gbk_file_gives_the_same_numbers() {
    let text = std::fs::read_to_string(survey_fixture("mini.csv")).unwrap();
    let (gbk, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad);
    let dir = tempfile::tempdir().unwrap();
    let gbk_path = dir.path().join("mini-gbk.csv");
    std::fs::write(&gbk_path, &gbk).unwrap();
    let bom_path = dir.path().join("mini-bom.csv");
    std::fs::write(&bom_path, [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()).unwrap();
    let (o1, o2, o3) = (dir.path().join("o1"), dir.path().join("o2"), dir.path().join("o3"));
    import(&[], &[survey_fixture("mini.csv")], &o1).success();
    import(&[], &[gbk_path], &o2).success();
    import(&[], &[bom_path], &o3).success();
    for o in [&o2, &o3] {
        assert_eq!(read(&o1, "survey.csv"), read(o, "survey.csv"));
        assert_eq!(read(&o1, "counts.csv"), read(o, "counts.csv"));
        assert_eq!(read(&o1, "accounting.csv"), read(o, "accounting.csv"));
    }
    assert!(read(&o2, "inputs.csv").contains(",GB18030,15\n"));
}

#[test]
fn merge_of_shards_equals_the_whole() {
    // Split mini.csv by agency into two files (duplicates are screened, so shard by agency).
    let text = std::fs::read_to_string(survey_fixture("mini.csv")).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let (mut s1, mut s2) = (format!("{header}\n"), format!("{header}\n"));
    for l in lines {
        if l.contains(",甲县,") {
            s1 += l;
            s1 += "\n"
        } else {
            s2 += l;
            s2 += "\n"
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let (f1, f2) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    std::fs::write(&f1, s1).unwrap();
    std::fs::write(&f2, s2).unwrap();
    let (whole, d1, d2, merged) = (
        dir.path().join("whole"),
        dir.path().join("d1"),
        dir.path().join("d2"),
        dir.path().join("m"),
    );
    import(&[], &[f1.clone(), f2.clone()], &whole).success();
    import(&[], &[f1], &d1).success();
    import(&[], &[f2], &d2).success();
    Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
        .args(["survey", "merge"])
        .arg(survey_fixture("mini.toml"))
        .args([&d1, &d2])
        .arg("--out")
        .arg(&merged)
        .assert()
        .success();
    for name in [
        "survey.csv",
        "counts.csv",
        "moments.csv",
        "satisfaction.csv",
        "accounting.csv",
        "screened.csv",
        "rejected.csv",
        "responses.csv",
        "inputs.csv",
        "import-report.md",
    ] {
        assert_eq!(read(&whole, name), read(&merged, name), "{name}");
    }
    // Merging a shard twice is refused (same agency in two shards under duplicate screening).
    Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
        .args(["survey", "merge"])
        .arg(survey_fixture("mini.toml"))
        .args([&d1, &d1])
        .arg("--out")
        .arg(dir.path().join("bad"))
        .assert()
        .failure();
}

#[test]
fn missing_column_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.csv");
    std::fs::write(&f, "评价对象,身份,Q1,Q2\n甲县,群众,满意,满意\n").unwrap();
    import(&[], &[f], &dir.path().join("o"))
        .failure()
        .stderr(predicates::str::contains("x.csv:1: `Q3`: the header has no column `Q3`"));
}

#[test]
fn duplicates_keep_the_latest_by_submission_time() {
    // Same file, but duplicates keep the latest: line 6 (10:04) replaces line 2 (10:00) for IP
    // 1.1.1.1 at 甲县, so line 2 is the screened duplicate. Line 6 has y = (100+100+2·60)/4 = 80.
    // A public: y = 80 (line 6) and 50 (line 3) → ȳ_public = 65; enterprise 73.333333.
    // index = 0.6·65 + 0.4·73.333333 = 68.3333332 → 68.33.
    let dir = tempfile::tempdir().unwrap();
    let q = std::fs::read_to_string(survey_fixture("mini.toml"))
        .unwrap()
        .replace("keep = \"first\"", "keep = \"latest\"");
    let qpath = dir.path().join("latest.toml");
    std::fs::write(&qpath, q).unwrap();
    let out = dir.path().join("o");
    Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
        .args(["survey", "import"])
        .arg(&qpath)
        .arg(survey_fixture("mini.csv"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let survey = read(&out, "survey.csv");
    assert!(survey.contains("\nA,mini,68.33,"), "{survey}");
    let f = survey_fixture("mini.csv").display().to_string();
    assert!(read(&out, "screened.csv").contains(&format!("{f},2,A,duplicate\n")));
    assert!(read(&out, "accounting.csv").contains("A,7,3,1,1,1,0,1,0\n"));
    // Winners are known only at the end, yet responses.csv is in file order: lines 3, 4, 6, 13, 15.
    assert_eq!(
        read(&out, "responses.csv"),
        "agency,survey,group,weight,y\n\
         A,mini,public,0.6,50.000000\n\
         A,mini,ent,0.4,73.333333\n\
         A,mini,public,0.6,80.000000\n\
         B,mini,ent,0.4,40.000000\n\
         B,mini,public,0.6,90.000000\n"
    );
}

/// The index written to survey.csv is, for every agency of the bundled export, the weighted mean
/// of responses.csv's scores with w_i = W_g / n_g: Σ_g W_g·ȳ_g / Σ_g W_g over the groups with
/// responses, rounded half away from zero to 2 decimals (docs/survey.md), and n is the count of
/// its responses. Computed here from the file alone, in exact decimals.
#[test]
fn survey_index_is_the_weighted_mean_of_responses_csv() {
    use rust_decimal::{Decimal, RoundingStrategy};
    use std::collections::BTreeMap;
    let out = tempfile::tempdir().unwrap();
    let root = &util::repo();
    Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
        .args(["survey", "import"])
        .arg(root.join("surveys/shanxi-2022-social.toml"))
        .arg(root.join("examples/survey-exports/shanxi-2022-social.csv"))
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    // agency → group → (W_g, Σy, n_g)
    let mut by: BTreeMap<String, BTreeMap<String, (Decimal, Decimal, u64)>> = BTreeMap::new();
    let responses = read(out.path(), "responses.csv");
    let mut lines = responses.lines();
    assert_eq!(lines.next(), Some("agency,survey,group,weight,y"));
    for l in lines {
        let f: Vec<&str> = l.split(',').collect();
        assert_eq!(f.len(), 5, "{l}");
        assert_eq!(f[1], "shanxi-2022-social");
        let (w, y): (Decimal, Decimal) = (f[3].parse().unwrap(), f[4].parse().unwrap());
        assert_eq!(y.scale(), 6, "{l}");
        let e =
            by.entry(f[0].into()).or_default().entry(f[2].into()).or_insert((w, Decimal::ZERO, 0));
        assert_eq!(e.0, w, "one weight per group: {l}");
        e.1 += y;
        e.2 += 1;
    }
    let survey = read(out.path(), "survey.csv");
    let mut checked = 0;
    for l in survey.lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        let (agency, index, n) = (f[0], f[2], f[5]);
        let Some(groups) = by.get(agency) else {
            assert_eq!((index, n), ("0.00", "0"), "{l}");
            continue;
        };
        let num: Decimal = groups.values().map(|(w, sum, n)| *w * *sum / Decimal::from(*n)).sum();
        let den: Decimal = groups.values().map(|(w, _, _)| *w).sum();
        let mut mine =
            (num / den).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        mine.rescale(2);
        assert_eq!(mine.to_string(), index, "{agency}");
        assert_eq!(groups.values().map(|g| g.2).sum::<u64>().to_string(), n, "{agency}");
        checked += 1;
    }
    assert_eq!(checked, 128);
}

#[test]
fn gbk_export_spanning_many_blocks_matches_utf8() {
    // The bundled export (2.2 MB) re-encoded as GBK is read in several blocks, each decoded on
    // its own: the statistics must not change.
    let root = &util::repo();
    let text = std::fs::read_to_string(root.join("examples/survey-exports/shanxi-2022-social.csv"))
        .unwrap();
    let (gbk, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad);
    let dir = tempfile::tempdir().unwrap();
    let gbk_path = dir.path().join("export-gbk.csv");
    std::fs::write(&gbk_path, &gbk).unwrap();
    let q = root.join("surveys/shanxi-2022-social.toml");
    for (file, out) in
        [(root.join("examples/survey-exports/shanxi-2022-social.csv"), "u"), (gbk_path, "g")]
    {
        Command::cargo_bin("kaohe")
            .unwrap()
            .env("KAOHE_LANG", "en")
            .args(["survey", "import"])
            .arg(&q)
            .arg(file)
            .arg("--out")
            .arg(dir.path().join(out))
            .assert()
            .success();
    }
    for name in ["survey.csv", "counts.csv", "moments.csv", "accounting.csv"] {
        assert_eq!(read(&dir.path().join("u"), name), read(&dir.path().join("g"), name), "{name}");
    }
}

#[test]
fn quoted_newlines_keep_their_lines() {
    // A quoted value with a newline inside: the record spans lines 2–3, the next starts at 4.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("q.csv");
    std::fs::write(
        &f,
        "序号,提交答卷时间,所用时间,来自IP,评价对象,身份,Q1,Q2,Q3,注意\n\
         1,2022/06/01 10:00:00,30秒,9.9.9.9,甲县,群众,\"满\n意\",一般,满意,一般\n\
         2,2022/06/01 10:00:00,30秒,9.9.9.8,丁县,群众,满意,一般,满意,一般\n",
    )
    .unwrap();
    let out = dir.path().join("o");
    import(&[], std::slice::from_ref(&f), &out).success();
    let rej = read(&out, "rejected.csv");
    assert!(rej.contains(",2,A,\"column `Q1`: answer `满\n意`"), "{rej}");
    assert!(rej.contains(",4,(unresolved),"), "{rej}");

    // As a user runs it: the reasons in Chinese.
    let zh = dir.path().join("zh");
    Command::cargo_bin("kaohe")
        .unwrap()
        .env_remove("KAOHE_LANG")
        .args(["survey", "import"])
        .arg(survey_fixture("mini.toml"))
        .arg(&f)
        .arg("--out")
        .arg(&zh)
        .assert()
        .success();
    let rej = read(&zh, "rejected.csv");
    assert!(rej.contains(",2,A,\"列 `Q1`：题 q1 的答案 `满\n意` 超出范围：应为 "), "{rej}");
    let report = std::fs::read_to_string(zh.join("import-report.md")).unwrap();
    assert!(report.starts_with("# 导入报告："), "{report}");
    assert!(report.contains("（每一行都有去向）"), "{report}");
}

#[test]
fn questionnaire_and_file_errors_name_where() {
    let dir = tempfile::tempdir().unwrap();
    // A misspelled key in the questionnaire: file and line.
    let q = std::fs::read_to_string(survey_fixture("mini.toml"))
        .unwrap()
        .replace("min_seconds = 10", "min_second = 10");
    let qpath = dir.path().join("bad.toml");
    std::fs::write(&qpath, q).unwrap();
    Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
        .args(["survey", "import"])
        .arg(&qpath)
        .arg(survey_fixture("mini.csv"))
        .arg("--out")
        .arg(dir.path().join("o"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "bad.toml:49: invalid questionnaire: unknown field `min_second`, expected one of `min_seconds`",
        ));
    // A missing export: the path.
    import(&[], &[dir.path().join("missing.csv")], &dir.path().join("o"))
        .code(2)
        .stderr(predicates::str::contains("missing.csv"));
}

#[test]
fn a_column_named_twice_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("dup.csv");
    std::fs::write(&f, "评价对象,身份,Q1,Q2,Q3,Q1,所用时间,来自IP,注意\n甲县,群众,满意,满意,满意,一般,30,1.1.1.1,一般\n").unwrap();
    import(&[], &[f], &dir.path().join("o")).code(2).stderr(predicates::str::contains(
        "dup.csv:1: `Q1`: the header names `Q1` (question q1) more than once",
    ));
}

#[test]
fn no_responses_skips_responses_csv_and_changes_nothing_else() {
    let with = tempfile::tempdir().unwrap();
    let without = tempfile::tempdir().unwrap();
    import(&[], &[survey_fixture("mini.csv")], with.path()).success();
    import(&["--no-responses"], &[survey_fixture("mini.csv")], without.path()).success();
    assert!(with.path().join("responses.csv").exists());
    assert!(!without.path().join("responses.csv").exists());
    for f in ["survey.csv", "counts.csv", "moments.csv", "accounting.csv"] {
        assert_eq!(read(with.path(), f), read(without.path(), f), "{f}");
    }
}
