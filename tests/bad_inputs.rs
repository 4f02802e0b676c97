//! Bad input gets a clear error: the file, the line (and column or key), what was wrong and what
//! was expected; exit status 2; no output written. One test per kind of mistake.

mod util;

use predicates::prelude::*;
use util::*;

/// Run `score` on the work dir and return stderr, asserting exit 2 and that no output was written.
fn fails(w: &Work) -> String {
    let out = w.score().assert().code(2).get_output().clone();
    assert!(!w.out().join("rankings.csv").exists(), "no output on error");
    String::from_utf8(out.stderr).unwrap()
}

fn has(stderr: &str, parts: &[&str]) {
    for p in parts {
        assert!(stderr.contains(p), "expected `{p}` in:\n{stderr}");
    }
}

#[test]
fn unknown_indicator_in_an_input_row() {
    let w = Work::new();
    let line = w.append("measures.csv", "140100,D9.9,88,");
    has(
        &fails(&w),
        &[&format!("measures.csv:{line}: `indicator`"), "`D9.9` is not a measured item"],
    );
}

#[test]
fn unknown_agency_in_an_input_row_suggests_close_ids() {
    let w = Work::new();
    let line = w.append("findings.csv", "X1,140199,website-not-first,1,2022-05-01,");
    has(
        &fails(&w),
        &[&format!("findings.csv:{line}: `agency`: unknown agency `140199`"), "did you mean"],
    );
}

#[test]
fn unknown_finding_kind() {
    let w = Work::new();
    let line = w.append("findings.csv", "X1,140100,website-not-frist,1,2022-05-01,");
    has(&fails(&w), &[&format!("findings.csv:{line}: `kind`"), "website-not-first"]);
}

#[test]
fn duplicate_agency_id() {
    let w = Work::new();
    let line = w.append("agencies.csv", "140100,太原市重复,city,");
    has(
        &fails(&w),
        &[&format!(
            "agencies.csv:{line}: `id`: duplicate agency id `140100` (first at agencies.csv:2)"
        )],
    );
}

#[test]
fn non_numeric_and_negative_counts() {
    let w = Work::new();
    let a = w.append("findings.csv", "X1,140100,website-not-first,two,2022-05-01,");
    let b = w.append("findings.csv", "X2,140100,website-not-first,-1,2022-05-01,");
    let err = fails(&w);
    has(
        &err,
        &[
            &format!("findings.csv:{a}: `count`: `two` is not a count"),
            &format!("findings.csv:{b}: `count`: count -1 is negative"),
        ],
    );
}

#[test]
fn unparseable_date() {
    let w = Work::new();
    // Replace one task's date with nonsense (keep the file otherwise valid).
    let p = w.data().join("tasks.csv");
    let text = read(&p);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let i = lines.iter().position(|l| l.contains(",done,")).unwrap();
    let fields: Vec<&str> = lines[i].split(',').collect();
    lines[i] = format!("{},{},2022-13-45,done,{}", fields[0], fields[1], fields[4]);
    std::fs::write(&p, lines.join("\n") + "\n").unwrap();
    has(
        &fails(&w),
        &[
            &format!("tasks.csv:{}: `completed`: `2022-13-45` is not", i + 1),
            "expected a date such as 2022-11-30",
        ],
    );
}

#[test]
fn a_file_that_is_neither_utf8_nor_gb18030() {
    let w = Work::new();
    w.write("awards.csv", b"id,agency,bonus,count,evidence\nA1,140100,highlight,1,\xFF\xFE\xFF\n");
    has(&fails(&w), &["awards.csv:2:", "neither valid UTF-8 nor GB18030"]);
}

#[test]
fn an_empty_file() {
    let w = Work::new();
    w.write("awards.csv", b"");
    has(&fails(&w), &["awards.csv:1:", "empty"]);
}

#[test]
fn a_row_with_too_many_fields() {
    let w = Work::new();
    let line = w.append("awards.csv", "A9,140100,highlight,1,x,extra");
    has(&fails(&w), &[&format!("awards.csv:{line}:"), "fields but the header has"]);
}

#[test]
fn a_misspelled_column() {
    let w = Work::new();
    let text = read(&w.data().join("awards.csv")).replacen("evidence", "evidance", 1);
    w.write("awards.csv", text.as_bytes());
    has(&fails(&w), &["awards.csv:1: `evidance`: unknown column 5", "expected one of"]);
}

#[test]
fn gbk_and_bom_files_load_like_utf8() {
    let w = Work::new();
    w.score().assert().success();
    let reference = std::fs::read(w.out().join("rankings.csv")).unwrap();
    let text = read(&w.data().join("agencies.csv"));
    // GB18030 as Chinese Excel writes it.
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    w.write("agencies.csv", &gbk);
    std::fs::remove_dir_all(w.out()).unwrap();
    w.score().assert().success();
    let a = std::fs::read(w.out().join("rankings.csv")).unwrap();
    assert_eq!(a, reference, "GBK agencies give the same rankings");
    // UTF-8 with BOM.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    w.write("agencies.csv", &bom);
    std::fs::remove_dir_all(w.out()).unwrap();
    w.score().assert().success();
    assert_eq!(std::fs::read(w.out().join("rankings.csv")).unwrap(), reference);
    // Forcing the wrong encoding is an error naming the line.
    w.write("agencies.csv", &gbk);
    let mut c = w.score();
    c.args(["--encoding", "utf-8"]).assert().code(2).stderr(
        predicate::str::contains("agencies.csv:2:")
            .and(predicate::str::contains("not valid UTF-8")),
    );
}

#[test]
fn xlsx_inputs_load() {
    let w = Work::new();
    w.score().assert().success();
    let reference = std::fs::read(w.out().join("rankings.csv")).unwrap();
    // Rewrite awards.csv as awards.xlsx (count as a number cell, as Excel stores it).
    let text = read(&w.data().join("awards.csv"));
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in text.lines().enumerate() {
        let mut rd = csv::ReaderBuilder::new().has_headers(false).from_reader(line.as_bytes());
        let rec = rd.records().next().unwrap().unwrap();
        for (c, v) in rec.iter().enumerate() {
            match v.parse::<f64>() {
                Ok(n) if r > 0 => sheet.write_number(r as u32, c as u16, n).map(|_| ()),
                _ => sheet.write_string(r as u32, c as u16, v).map(|_| ()),
            }
            .unwrap();
        }
    }
    book.save(w.data().join("awards.xlsx")).unwrap();
    std::fs::remove_file(w.data().join("awards.csv")).unwrap();
    std::fs::remove_dir_all(w.out()).unwrap();
    w.score().assert().success();
    assert_eq!(std::fs::read(w.out().join("rankings.csv")).unwrap(), reference);
    // An unknown bonus in the sheet is reported with the sheet row.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["agency", "bonus"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "140100").unwrap();
    sheet.write_string(1, 1, "highlite").unwrap();
    book.save(w.data().join("awards.xlsx")).unwrap();
    let err = fails_after_clean(&w);
    has(&err, &["awards.xlsx:2: `bonus`: unknown bonus item `highlite`", "did you mean highlight"]);
}

fn fails_after_clean(w: &Work) -> String {
    let _ = std::fs::remove_dir_all(w.out());
    fails(w)
}

// ---- rules files

const MINIMAL: &str = r#"[scheme]
id = "t"
title = "t"
basis = "doc"
total = 10

[[group]]
id = "g"
name = "G"
  [[group.grade]]
  name = "pass"
  min = 0

[[indicator]]
id = "A"
name = "A"
max = 10
basis = "doc 1"

[[indicator]]
id = "A.1"
parent = "A"
name = "A1"
max = 6
basis = "doc 1(1)"
  [[indicator.deduct]]
  kind = "k"
  name = "k"
  points = 1

[[indicator]]
id = "A.2"
parent = "A"
name = "A2"
max = 4
basis = "doc 1(2)"
  [[indicator.deduct]]
  kind = "k2"
  name = "k2"
  points = 1
"#;

fn check(text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("rules.toml");
    std::fs::write(&p, text).unwrap();
    let out = kaohe().arg("check").arg(&p).output().unwrap();
    let s = String::from_utf8(out.stderr).unwrap().replace(&p.display().to_string(), "rules.toml");
    (out.status.code().unwrap(), s + &String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_minimal_scheme_is_valid() {
    let (code, out) = check(MINIMAL);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn maxima_that_do_not_add_up() {
    let (code, out) = check(&MINIMAL.replace("max = 4", "max = 3"));
    assert_eq!(code, 2);
    has(
        &out,
        &["rules.toml:17: `max`: indicator `A` has max 10 but its children's maxima add up to 9"],
    );
}

#[test]
fn top_level_maxima_must_equal_the_total() {
    let (code, out) = check(&MINIMAL.replace("total = 10", "total = 100"));
    assert_eq!(code, 2);
    has(
        &out,
        &["`scheme.total`: the top-level indicators' maxima add up to 10 but scheme.total is 100"],
    );
}

#[test]
fn a_dangling_parent() {
    let (code, out) =
        check(&MINIMAL.replace("parent = \"A\"\nname = \"A2\"", "parent = \"B\"\nname = \"A2\""));
    assert_eq!(code, 2);
    has(&out, &["rules.toml:33: `indicator.parent`: indicator `A.2` names parent `B`"]);
}

#[test]
fn a_cycle_in_the_tree() {
    let text =
        MINIMAL.replace("id = \"A\"\nname = \"A\"", "id = \"A\"\nparent = \"A.1\"\nname = \"A\"");
    let (code, out) = check(&text);
    assert_eq!(code, 2);
    has(&out, &["rules.toml:16: `indicator.parent`", "form a cycle"]);
}

#[test]
fn a_misspelled_key() {
    let (code, out) =
        check(&MINIMAL.replace("basis = \"doc 1(2)\"", "basis = \"doc 1(2)\"\nbasiss = \"x\""));
    assert_eq!(code, 2);
    has(&out, &["rules.toml:37:", "unknown field `basiss`"]);
}

#[test]
fn a_duplicate_indicator_id() {
    let (code, out) = check(&MINIMAL.replace("id = \"A.2\"", "id = \"A.1\""));
    assert_eq!(code, 2);
    has(
        &out,
        &["rules.toml:32: `indicator.id`: duplicate indicator id `A.1` (first defined on line 21)"],
    );
}

#[test]
fn an_empty_rules_file() {
    let (code, out) = check("");
    assert_eq!(code, 2);
    has(&out, &["rules.toml:1:", "empty"]);
}

#[test]
fn a_failing_case_exits_1_and_names_it() {
    let text = format!(
        "{MINIMAL}\n[[case]]\nname = \"wrong\"\nagencies = [{{ id = \"a\", name = \"A\", group = \"g\" }}]\nfindings = [{{ agency = \"a\", kind = \"k\", count = 2 }}]\nexpect = [{{ agency = \"a\", total = 9 }}]\n"
    );
    let (code, out) = check(&text);
    assert_eq!(code, 1, "{out}");
    has(&out, &["FAIL  case \"wrong\"", "a: total 8 but expected 9"]);
    assert_eq!(check_summary(&out), "0 passed, 1 failed", "{out}");
}

// ---- limits: a hostile file costs bounded memory and time

#[test]
fn too_many_columns() {
    let w = Work::new();
    let header: Vec<String> = (0..100_000).map(|i| format!("c{i}")).collect();
    w.write("awards.csv", format!("{}\n", header.join(",")).as_bytes());
    has(&fails(&w), &["awards.csv:1:", "100000 columns: an input table may have at most 256"]);
}

#[test]
fn an_oversized_cell() {
    let w = Work::new();
    let line = w.append(
        "findings.csv",
        &format!("X1,140100,website-not-first,1,2022-05-01,{}", "证".repeat(30_000)),
    );
    has(
        &fails(&w),
        &[&format!(
            "findings.csv:{line}: `column 6`: a cell of 90000 bytes: cells may have at most 65536 bytes"
        )],
    );
}
