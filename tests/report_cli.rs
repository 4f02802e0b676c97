//! `kaohe report` end to end on the bundled example: the engine scores it, the report bundle is
//! written beside rankings.csv, and rankings.xlsx read back with calamine equals rankings.csv.

mod util;

use std::path::Path;
use std::str::FromStr;

use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_decimal::Decimal;
use util::{csv_rows, text_after_bom};

/// Runs `kaohe report` on the example into `out` at a low dpi (resolution is tested elsewhere).
pub fn report_example(out: &Path, extra: &[&str]) {
    util::kaohe()
        .args(["report", "--dpi", "48", "--out"])
        .arg(out)
        .args(extra)
        .env("CI", "1")
        .assert()
        .success();
}

fn same(cell: &Data, csv: &str) -> bool {
    match cell {
        Data::Empty => csv.is_empty(),
        Data::String(s) => s == csv,
        Data::Float(f) => match Decimal::from_str(csv) {
            // Excel holds f64: equal to within what a double carries of the CSV's decimal.
            Ok(d) => (Decimal::from_str(&format!("{f}")).unwrap() - d).abs() < Decimal::new(1, 9),
            Err(_) => false,
        },
        Data::Int(i) => csv.parse::<i64>().ok() == Some(*i),
        Data::Bool(b) => csv == b.to_string(),
        _ => false,
    }
}

#[test]
fn report_on_the_example_writes_the_bundle_and_xlsx_equals_csv() {
    let dir = tempfile::tempdir().unwrap();
    report_example(dir.path(), &["--no-agency-charts"]);
    for f in [
        "rankings.csv",
        "report.html",
        "report.md",
        "rankings.xlsx",
        "charts/distribution.png",
        "charts/ranking-city.svg",
    ] {
        assert!(dir.path().join(f).is_file(), "missing {f}");
    }
    assert!(
        !dir.path().join("charts/agency-140100.png").exists(),
        "--no-agency-charts drew agency charts"
    );

    let (header, rows) = csv_rows(&text_after_bom(&dir.path().join("rankings.csv")));
    let mut wb: Xlsx<_> = open_workbook(dir.path().join("rankings.xlsx")).unwrap();
    // Every sheet but the last (the indicator points) is a group's rankings.
    let mut sheets: Vec<String> = wb.sheet_names();
    assert_eq!(sheets.pop().as_deref(), Some("indicator points"));
    let mut xlsx_rows: Vec<Vec<Data>> = Vec::new();
    for s in &sheets {
        let range = wb.worksheet_range(s).unwrap();
        let mut it = range.rows();
        let h: Vec<String> = it.next().unwrap().iter().map(|c| c.to_string()).collect();
        assert_eq!(h, header, "sheet {s} header");
        xlsx_rows.extend(it.map(|r| r.to_vec()));
    }
    assert_eq!(xlsx_rows.len(), rows.len());
    for (x, c) in xlsx_rows.iter().zip(&rows) {
        for (k, (xc, cc)) in x.iter().zip(c).enumerate() {
            assert!(
                same(xc, cc),
                "agency {} column {}: xlsx {xc:?} vs csv {cc:?}",
                c[2],
                header[k]
            );
        }
    }
}

/// The first row of each sheet of `xlsx`, and the sheet names.
fn headers(xlsx: &Path) -> Vec<(String, Vec<String>)> {
    let mut wb: Xlsx<_> = open_workbook(xlsx).unwrap();
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|s| {
            let range = wb.worksheet_range(&s).unwrap();
            let h = range.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
            (s, h)
        })
        .collect()
}

#[test]
fn the_workbook_and_report_md_speak_chinese_by_default_and_english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = (dir.path().join("zh"), dir.path().join("en"));
    util::kaohe_zh()
        .args(["report", "--dpi", "24", "--no-agency-charts", "--out"])
        .arg(&zh)
        .env("CI", "1")
        .assert()
        .success();
    util::kaohe_zh()
        .args(["report", "--lang", "en", "--dpi", "24", "--no-agency-charts", "--out"])
        .arg(&en)
        .env("CI", "1")
        .assert()
        .success();

    // Chinese: the headers an office reads, the dimensions by the scheme's (Chinese) names.
    let sheets = headers(&zh.join("rankings.xlsx"));
    let (name, h) = &sheets[0];
    assert_eq!(name, "设区市");
    assert_eq!(&h[..6], ["类别", "名次", "单位代码", "单位名称", "总分", "等次"]);
    assert!(!h[6].is_ascii(), "the first dimension by its name: {h:?}");
    assert!(h.iter().any(|c| c == "名额降档"), "{h:?}");
    assert_eq!(sheets.last().unwrap().0, "指标得分");
    let md = std::fs::read_to_string(zh.join("report.md")).unwrap();
    let title = md.lines().next().unwrap();
    assert!(title.starts_with("# 山西省"), "{title}");
    assert!(!title.contains("assessment"), "{title}");
    assert!(md.contains("## 等次分布") && md.contains("| 名次 |"));

    // English: the machine column ids, an English title and headings.
    let sheets = headers(&en.join("rankings.xlsx"));
    let (name, h) = &sheets[0];
    assert_eq!(name, "设区市", "sheets keep the groups' names");
    assert_eq!(&h[..6], ["group", "rank", "agency_id", "agency", "total", "grade"]);
    assert!(h[6].is_ascii(), "the first dimension by its id: {h:?}");
    assert!(h.iter().any(|c| c == "demoted_by_quota"), "{h:?}");
    assert_eq!(sheets.last().unwrap().0, "indicator points");
    let md = std::fs::read_to_string(en.join("report.md")).unwrap();
    assert!(md.starts_with("# "), "{md}");
    assert!(md.lines().next().unwrap().ends_with(": assessment results"), "{}", &md[..120]);
    assert!(md.contains("## Grades") && md.contains("| Rank |"));
    assert!(!md.contains("等次分布"));
}

#[test]
fn previous_results_directory_draws_change_charts() {
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("last");
    report_example(&last, &["--no-agency-charts"]);
    let out = dir.path().join("now");
    report_example(&out, &["--no-agency-charts", "--previous", last.to_str().unwrap()]);
    assert!(out.join("charts/change-city.png").is_file());
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let out = util::kaohe()
        .args(["report", "--dpi", "24", "--no-agency-charts", "--out"])
        .arg(dir.path())
        .env_remove("CI")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "stderr is a pipe: no bar, no warnings");
}
