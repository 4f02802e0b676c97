//! `write_bundle` on a constructed result: every file is written, the workbook reads back with
//! calamine to the result's values, the HTML is self-contained, and outputs are deterministic.

mod report_support;
mod util;

use std::path::Path;
use std::str::FromStr;

use calamine::{Data, Reader, Xlsx, open_workbook};
use kaohe::report::{ReportOptions, write_bundle};
use rust_decimal::Decimal;

fn options() -> ReportOptions {
    // Low dpi keeps the test fast in debug builds; resolution is tested in report_charts.
    ReportOptions { dpi: 48, ..ReportOptions::default() }
}

#[test]
fn bundle_has_every_file() {
    let result = report_support::run_result();
    let dir = tempfile::tempdir().unwrap();
    let bundle = write_bundle(&result, dir.path(), &options()).unwrap();
    assert!(bundle.warnings.is_empty(), "{:?}", bundle.warnings);
    for f in [
        "report.html",
        "report.md",
        "rankings.xlsx",
        "charts/distribution.svg",
        "charts/distribution.png",
    ] {
        assert!(dir.path().join(f).is_file(), "missing {f}");
    }
    for g in ["city", "county", "dept"] {
        for kind in ["ranking", "composition", "heatmap"] {
            for ext in ["svg", "png"] {
                let f = format!("charts/{kind}-{g}.{ext}");
                assert!(dir.path().join(&f).is_file(), "missing {f}");
            }
        }
    }
    for a in &result.agencies {
        assert!(dir.path().join(format!("charts/agency-{}.png", a.agency_id)).is_file());
    }
    // Every file the bundle reports exists, and nothing else was written.
    let mut on_disk = Vec::new();
    for e in walk(dir.path()) {
        on_disk.push(e.strip_prefix(dir.path()).unwrap().to_path_buf());
    }
    on_disk.sort();
    assert_eq!(on_disk, bundle.files);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

fn cell_decimal(c: &Data) -> Option<Decimal> {
    match c {
        Data::Float(f) => Some(Decimal::from_str(&format!("{f}")).unwrap()),
        Data::Int(i) => Some(Decimal::from(*i)),
        Data::Empty => None,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn workbook_reads_back_to_the_result() {
    let result = report_support::run_result();
    let dir = tempfile::tempdir().unwrap();
    write_bundle(&result, dir.path(), &ReportOptions { agency_charts: false, ..options() })
        .unwrap();
    let mut wb: Xlsx<_> = open_workbook(dir.path().join("rankings.xlsx")).unwrap();
    assert_eq!(wb.sheet_names(), vec!["设区市", "县（市、区）", "省直部门", "指标得分"]);

    // The library speaks Chinese unless told otherwise: Chinese headers, the scheme's names.
    let dimensions: Vec<&str> = report_support::DIMENSIONS.iter().map(|d| d.1).collect();
    let mut seen = 0;
    for (sheet, group) in [("设区市", "city"), ("县（市、区）", "county"), ("省直部门", "dept")]
    {
        let range = wb.worksheet_range(sheet).unwrap();
        let rows: Vec<&[Data]> = range.rows().collect();
        let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
        assert_eq!(&header[..6], ["类别", "名次", "单位代码", "单位名称", "总分", "等次"]);
        assert_eq!(&header[6..10], dimensions);
        assert_eq!(
            &header[10..],
            [
                "适用满分",
                "折算",
                "加分",
                "减分",
                "回头看",
                "调整",
                "否决",
                "名额降档",
                "申诉改分",
                "申诉待决"
            ]
        );
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let expected: Vec<_> = result.agencies.iter().filter(|a| a.group == group).collect();
        assert_eq!(rows.len() - 1, expected.len());
        for (row, a) in rows[1..].iter().zip(&expected) {
            assert_eq!(row[col("类别")].to_string(), sheet, "the group by its name");
            assert_eq!(row[col("单位代码")].to_string(), a.agency_id);
            assert_eq!(row[col("单位名称")].to_string(), a.agency);
            assert_eq!(row[col("等次")].to_string(), a.grade);
            assert_eq!(cell_decimal(&row[col("名次")]), Some(Decimal::from(a.rank)));
            assert_eq!(cell_decimal(&row[col("总分")]), Some(a.total.normalize()));
            let yes_no = if a.demoted_by_quota { "是" } else { "否" };
            assert_eq!(row[col("名额降档")].to_string(), yes_no);
            for (i, d) in dimensions.iter().enumerate() {
                assert_eq!(
                    cell_decimal(&row[col(d)]),
                    a.dimensions[i].map(|v| v.normalize()),
                    "{} {d}",
                    a.agency_id
                );
            }
            assert_eq!(cell_decimal(&row[col("加分")]), Some(a.bonus.normalize()));
            assert_eq!(cell_decimal(&row[col("回头看")]), Some(a.lookback.normalize()));
            // A veto by its name (电子警察未公示), as the scheme names it.
            let veto = row[col("否决")].to_string();
            assert_eq!(veto, a.veto.as_ref().map(|v| v.name.clone()).unwrap_or_default());
            assert_eq!(row[col("申诉待决")].to_string(), a.appeals_pending.join(" "));
            seen += 1;
        }
    }
    assert_eq!(seen, result.agencies.len());

    // Indicator sheet: per agency, the points per rule add up to its total.
    let range = wb.worksheet_range("指标得分").unwrap();
    let header: Vec<String> = range.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(header, ["类别", "单位代码", "单位名称", "指标", "得分"]);
    for a in &result.agencies {
        let sum: Decimal = range
            .rows()
            .skip(1)
            .filter(|r| r[1].to_string() == a.agency_id)
            .map(|r| cell_decimal(&r[4]).unwrap())
            .sum();
        assert_eq!(sum.round_dp(6), a.total.normalize(), "{}", a.agency_id);
    }
}

#[test]
fn html_is_self_contained_and_names_everything() {
    let result = report_support::run_result();
    let dir = tempfile::tempdir().unwrap();
    write_bundle(&result, dir.path(), &ReportOptions { agency_charts: false, ..options() })
        .unwrap();
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    // No scripts and no resource from anywhere but the page itself.
    assert!(!html.contains("<script"));
    for attr in ["src=", "url(http", "@import", "<link"] {
        assert!(!html.contains(attr), "report.html has {attr}");
    }
    assert!(html.contains("@font-face{font-family:'Noto Sans SC';src:url(data:font/otf;base64,"));
    for a in &result.agencies {
        assert!(html.contains(&a.agency), "report.html lacks {}", a.agency);
    }
    for needle in
        ["山西省2022年度政务公开工作考核", "晋政办发〔2022〕38号", &"ab".repeat(32), "<svg"]
    {
        assert!(html.contains(needle), "report.html lacks {needle}");
    }
    let md = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    for a in &result.agencies {
        assert!(md.contains(&a.agency), "report.md lacks {}", a.agency);
    }
    assert!(md.contains("![设区市：总分排名](charts/ranking-city.png)"));
}

#[test]
fn same_result_writes_identical_files() {
    let result = report_support::run_result();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let opts = ReportOptions { agency_charts: false, ..options() };
    let files = write_bundle(&result, a.path(), &opts).unwrap().files;
    write_bundle(&result, b.path(), &opts).unwrap();
    for f in &files {
        let (x, y) =
            (std::fs::read(a.path().join(f)).unwrap(), std::fs::read(b.path().join(f)).unwrap());
        assert!(x == y, "{} differs between two runs", f.display());
    }
}

#[test]
fn previous_results_add_change_charts() {
    let result = report_support::run_result();
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("last");
    std::fs::create_dir_all(&last).unwrap();
    std::fs::write(
        last.join("rankings.csv"),
        "\u{feff}group,rank,agency_id,agency,total,grade\ncity,1,c0000,太原市,80.00,良好\n",
    )
    .unwrap();
    let previous = kaohe::report::previous::Previous::load(&last).unwrap();
    let out = dir.path().join("out");
    let opts = ReportOptions { agency_charts: false, previous: Some(previous), ..options() };
    write_bundle(&result, &out, &opts).unwrap();
    assert!(out.join("charts/change-city.svg").is_file());
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("id=\"change-county\""));
}

#[test]
fn a_name_outside_the_font_is_a_warning_or_with_strict_an_error() {
    let mut result = report_support::run_result();
    // U+4DB5 (CJK Extension A) is not in the embedded GB2312 cut.
    result.agencies[0].agency = "太原\u{4DB5}市".into();
    let dir = tempfile::tempdir().unwrap();
    let opts = ReportOptions { agency_charts: false, ..options() };
    let bundle = write_bundle(&result, dir.path(), &opts).unwrap();
    assert_eq!(bundle.warnings.len(), 1, "{:?}", bundle.warnings);
    assert!(bundle.warnings[0].contains("太原\u{4DB5}市") && bundle.warnings[0].contains("U+4DB5"));
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.contains("U+4DB5"), "the report itself carries the warning");

    let strict = ReportOptions { strict_glyphs: true, ..opts };
    let err = write_bundle(&result, tempfile::tempdir().unwrap().path(), &strict).unwrap_err();
    assert!(err.to_string().contains("U+4DB5"), "{err}");
}

#[test]
fn every_row_has_one_cell_per_rankings_csv_column() {
    // rankings.csv gains columns over time; a row shorter than the header would shift nothing
    // visibly in the workbook (calamine pads with empty cells), so check the widths directly.
    let result = report_support::run_result();
    let columns = kaohe::report::table::columns(&result);
    assert_eq!(kaohe::report::table::titles(&result).len(), columns.len());
    for a in &result.agencies {
        assert_eq!(kaohe::report::table::row(&result, a).len(), columns.len(), "{}", a.agency_id);
    }
    let csv = kaohe::output::rankings::to_csv(&result).unwrap();
    let text = String::from_utf8(csv).unwrap();
    let header: Vec<&str> =
        text.trim_start_matches('\u{feff}').lines().next().unwrap().split(',').collect();
    // The names are the language's (the binary's tests compare them cell by cell); the count is
    // the same in every language.
    assert_eq!(header.len(), columns.len());
}

#[test]
fn charts_of_an_earlier_run_do_not_linger() {
    let result = report_support::run_result();
    let dir = tempfile::tempdir().unwrap();
    write_bundle(&result, dir.path(), &options()).unwrap();
    assert!(dir.path().join("charts/agency-c0000.svg").is_file());
    std::fs::write(dir.path().join("charts/notes.txt"), "mine").unwrap();
    let files =
        write_bundle(&result, dir.path(), &ReportOptions { agency_charts: false, ..options() })
            .unwrap()
            .files;
    assert!(!dir.path().join("charts/agency-c0000.svg").exists(), "stale agency chart kept");
    assert!(dir.path().join("charts/notes.txt").is_file(), "a file that is not ours was removed");
    let charts = std::fs::read_dir(dir.path().join("charts")).unwrap().count();
    assert_eq!(charts, files.iter().filter(|f| f.starts_with("charts")).count() + 1);
}
