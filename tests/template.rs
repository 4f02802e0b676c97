//! `kaohe template` and one workbook as the whole data set (issue 12 item 3): the template is
//! filled programmatically with the bundled example's rows (read from examples/shanxi-2022 at run
//! time) and must rank byte for byte as the CSV directory does; a workbook with an unknown sheet, or
//! a formula without a saved value, is refused by name.

mod util;

use std::collections::HashMap;
use std::path::Path;

use calamine::{Data, Reader};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use util::*;

/// Each input file of the example, its sheet in the workbook, and each CSV column's Chinese
/// header (the list, written here by hand, not taken from the program).
/// (CSV column, Chinese header) pairs of one file.
type Columns = &'static [(&'static str, &'static str)];

const SHEETS: &[(&str, &str, Columns)] = &[
    (
        "agencies.csv",
        "单位",
        &[("id", "单位代码"), ("name", "单位名称"), ("group", "类别"), ("parent", "上级单位")],
    ),
    (
        "findings.csv",
        "问题清单",
        &[
            ("id", "编号"),
            ("agency", "单位"),
            ("kind", "问题类型"),
            ("count", "数量"),
            ("date", "日期"),
            ("evidence", "佐证材料"),
        ],
    ),
    (
        "tasks.csv",
        "任务",
        &[
            ("agency", "单位"),
            ("task", "任务"),
            ("completed", "完成日期"),
            ("status", "完成情况"),
            ("evidence", "佐证材料"),
        ],
    ),
    (
        "measures.csv",
        "数值",
        &[("agency", "单位"), ("indicator", "指标"), ("value", "数值"), ("evidence", "佐证材料")],
    ),
    (
        "awards.csv",
        "加分",
        &[
            ("id", "编号"),
            ("agency", "单位"),
            ("bonus", "加分项"),
            ("count", "数量"),
            ("evidence", "佐证材料"),
        ],
    ),
    (
        "lookback.csv",
        "回头看",
        &[
            ("id", "编号"),
            ("agency", "单位"),
            ("kind", "问题类型"),
            ("status", "整改情况"),
            ("evidence", "佐证材料"),
        ],
    ),
    (
        "survey.csv",
        "满意度",
        &[
            ("agency", "单位"),
            ("survey", "问卷"),
            ("index", "满意度指数"),
            ("ci_low", "置信下限"),
            ("ci_high", "置信上限"),
            ("n", "样本量"),
            ("n_eff", "有效样本量"),
            ("below_minimum", "样本不足"),
        ],
    ),
];

/// Every sheet of a workbook: name → rows of cells as text (numbers as Rust prints them).
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut wb = calamine::open_workbook_auto(path).unwrap();
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (n, rows)
        })
        .collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The template for the bundled scheme, without agencies.
fn template(dir: &Path) -> std::path::PathBuf {
    let out = dir.join("考核数据.xlsx");
    kaohe().arg("template").arg(rules()).arg("--out").arg(&out).assert().success();
    out
}

/// Fill `template`'s sheets with the example's rows: every template sheet and header copied (the
/// 说明 and 选项 sheets as they are), data rows below the headers, with dates as Excel dates and
/// numbers (values, indices, counts) as numbers, ids as text.
fn fill(template: &Path, data: &Path, out: &Path) {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets(template) {
        let ws = wb.add_worksheet();
        ws.set_name(&name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, text(cell)).unwrap();
            }
        }
        let Some((file, _, columns)) = SHEETS.iter().find(|s| s.1 == name) else { continue };
        let header: Vec<String> = rows[0].iter().map(text).collect();
        let map: HashMap<&str, &str> = columns.iter().copied().collect();
        let (csv_header, csv_rows) = csv_rows(&read(&data.join(file)));
        for (r, row) in csv_rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (key, value) in csv_header.iter().zip(row) {
                let zh = map.get(key.as_str()).unwrap_or_else(|| panic!("{file}: column {key}"));
                let c = header
                    .iter()
                    .position(|h| h == zh)
                    .unwrap_or_else(|| panic!("{name}: no {zh}")) as u16;
                if value.is_empty() {
                    continue;
                }
                match key.as_str() {
                    "date" | "completed" => {
                        let d = ExcelDateTime::parse_from_str(value).unwrap();
                        ws.write_datetime_with_format(r, c, &d, &date).unwrap();
                    }
                    "value" | "index" | "count" | "n" => {
                        ws.write_number(r, c, value.parse::<f64>().unwrap()).unwrap();
                    }
                    _ => {
                        ws.write_string(r, c, value).unwrap();
                    }
                }
            }
        }
    }
    wb.save(out).unwrap();
}

#[test]
fn a_filled_template_ranks_as_the_csv_directory() {
    let dir = tempfile::tempdir().unwrap();
    let data = repo().join("examples/shanxi-2022");
    let t = template(dir.path());
    let names: Vec<String> = sheets(&t).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        ["说明", "单位", "问题清单", "任务", "数值", "加分", "回头看", "复核", "满意度", "选项"]
    );
    let filled = dir.path().join("filled.xlsx");
    fill(&t, &data, &filled);

    let plain = dir.path().join("plain");
    score_cmd(rules(), &data, &plain).assert().success();
    let from_workbook = dir.path().join("workbook");
    let out = score_cmd(rules(), &filled, &from_workbook).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(read(&plain.join("rankings.csv")), read(&from_workbook.join("rankings.csv")));
    // The ledger cites the sheet and its row: the first finding is on row 2 of 问题清单.
    let json = read(&from_workbook.join("scores.json"));
    assert!(json.contains("\"filled.xlsx!问题清单:2\""), "sheet rows cited");
    // The terminal's input summary lines its counts up by display width (问题清单 is 8 columns
    // wide, not 4): every " = " of the file lines at the same column.
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let columns: Vec<usize> = stdout
        .lines()
        .filter(|l| l.starts_with("  filled.xlsx!"))
        .map(|l| unicode_width::UnicodeWidthStr::width(&l[..l.find(" = ").unwrap()]))
        .collect();
    assert!(columns.len() >= 5, "{stdout}");
    assert!(columns.iter().all(|c| *c == columns[0]), "{columns:?}\n{stdout}");
    // `kaohe verify` finds the sheets' hashes in the workbook and recomputes the same outputs.
    kaohe()
        .arg("verify")
        .arg(&from_workbook)
        .arg(rules())
        .arg("--data")
        .arg(&filled)
        .assert()
        .success();
}

#[test]
fn the_template_with_data_lists_the_agencies_and_every_column_is_described() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.xlsx");
    let data = repo().join("examples/shanxi-2022");
    kaohe_zh()
        .arg("template")
        .arg(rules())
        .arg("--data")
        .arg(&data)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let all = sheets(&out);
    let (_, agencies) = all.iter().find(|(n, _)| n == "单位").unwrap();
    let (_, csv) = csv_rows(&read(&data.join("agencies.csv")));
    assert_eq!(agencies.len(), csv.len() + 1, "a header and every agency");
    assert_eq!(text(&agencies[1][0]), csv[0][0]);
    // Groups by their Chinese names.
    assert!(agencies.iter().skip(1).all(|r| !text(&r[2]).is_ascii()));
    let (_, guide) = all.iter().find(|(n, _)| n == "说明").unwrap();
    let described: Vec<String> =
        guide.iter().filter_map(|r| r.get(1)).map(text).filter(|s| !s.is_empty()).collect();
    for (_, _, columns) in SHEETS {
        for (_, zh) in *columns {
            assert!(described.iter().any(|d| d == zh), "{zh} described");
        }
    }
    // The scheme has no appeals of its own: the 复核 sheet is there, and 说明 says whether a sheet
    // is unused. A second run does not replace the file without --force.
    kaohe().arg("template").arg(rules()).arg("--out").arg(&out).assert().code(2);
    kaohe().arg("template").arg(rules()).arg("--out").arg(&out).arg("--force").assert().success();
}

/// A workbook of one sheet besides 单位, written by the test.
fn workbook_with(dir: &Path, sheet: &str, rows: &[&[&str]]) -> std::path::PathBuf {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("单位").unwrap();
    ws.write_row(0, 0, ["单位代码", "单位名称", "类别"]).unwrap();
    ws.write_row(1, 0, ["140100", "太原市", "设区市"]).unwrap();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        ws.write_row(r as u32, 0, row.iter().copied()).unwrap();
    }
    let p = dir.join("data.xlsx");
    wb.save(&p).unwrap();
    p
}

#[test]
fn an_unknown_sheet_is_refused_with_the_closest_name() {
    let dir = tempfile::tempdir().unwrap();
    let p = workbook_with(dir.path(), "问题清单 ", &[&["单位", "问题类型"]]);
    // A trailing blank is forgiven (sheet names are compared like headers)…
    let out = score_cmd(rules(), &p, &dir.path().join("o"))
        .arg("--allow-missing")
        .arg("tasks")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("unknown sheet"), "{err}");
    // …a misspelt sheet is not.
    let p = workbook_with(dir.path(), "问题清册", &[&["单位", "问题类型"]]);
    let out = score_cmd(rules(), &p, &dir.path().join("o")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        "error: data.xlsx!问题清册: unknown sheet `问题清册` (did you mean 问题清单?): expected the \
         sheets 单位, 问题清单, 任务, 数值, 加分, 回头看, 复核, 满意度 (and 说明, 选项, which are not read)"
    );
    assert!(!dir.path().join("o").exists(), "nothing written");
    let out =
        score_cmd(rules(), &p, &dir.path().join("o")).env_remove("KAOHE_LANG").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("未知工作表“问题清册”（是否指 问题清单？）"), "{err}");
}

#[test]
fn a_formula_without_a_saved_value_is_refused_naming_the_cell() {
    // The corpus workbook of issue 11 (one sheet, `awards`, D2 `=1+1` with no saved value), given
    // as the whole data set: its sheet is named by the kind's English name.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("考核数据.xlsx");
    std::fs::copy(repo().join("tests/bad-inputs/awards-formula-no-value.xlsx"), &p).unwrap();
    let out = score_cmd(rules(), &p, &dir.path().join("o")).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(
        err.trim_end(),
        "error: 考核数据.xlsx!awards!D2: the formula `=1+1` has no saved value: expected values \
         (open the file in Excel and save it, or paste the column as values)"
    );
}
