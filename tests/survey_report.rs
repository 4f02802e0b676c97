//! `kaohe survey report`: the survey team's report of an import. Every count and share is checked
//! against numbers worked out independently: by hand on a tiny export (tests/fixtures/survey-report/),
//! by tallying the import's counts.csv here with integer arithmetic of this file's own for the
//! bundled example (its accounting against the independent Python re-implementation's totals),
//! and by tallying a real 问卷星 export (tests/data/wjx-exports/) cell by cell for the other.

mod util;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook, open_workbook_auto};
use util::*;

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/survey-report").join(name)
}

fn import(q: &Path, file: &Path, out: &Path) {
    kaohe().args(["survey", "import"]).arg(q).arg(file).arg("--out").arg(out).assert().success();
}

/// `kaohe survey report Q IMPORT --out OUT` on `cmd`.
fn survey_report(
    mut cmd: assert_cmd::Command,
    q: &Path,
    import: &Path,
    out: &Path,
) -> assert_cmd::Command {
    cmd.args(["survey", "report"]).arg(q).arg(import).arg("--out").arg(out);
    cmd
}

fn report(q: &Path, import: &Path, out: &Path, dpi: &str) {
    survey_report(kaohe(), q, import, out).args(["--dpi", dpi]).assert().success();
}

/// A sheet of survey-report.xlsx as text cells (numbers as written by calamine, `1` not `1.0`).
fn sheet(dir: &Path, name: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(dir.join("survey-report.xlsx")).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) => format!("{f}"),
                    Data::Int(i) => i.to_string(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// A share in tenths of a percent, rounded half away from zero — worked here in floating decimal
/// strings rather than the program's integer formula: count·1000/base with its remainder compared
/// to half the base.
fn share(count: u64, base: u64) -> String {
    let (q, r) = (count * 1000 / base, count * 1000 % base);
    let tenths = if 2 * r >= base { q + 1 } else { q };
    let f = tenths as f64 / 10.0;
    format!("{f}")
}

/// The overall answers per (question, option): (kind, count, base, share) from the sheet.
fn answers(rows: &[Vec<String>], from: usize) -> BTreeMap<(String, String), Vec<String>> {
    rows.iter()
        .skip(1)
        .map(|r| ((r[from].clone(), r[from + 2].clone()), r[from + 3..from + 7].to_vec()))
        .collect()
}

#[test]
fn hand_worked_shares_round_half_away_from_zero() {
    let dir = tempfile::tempdir().unwrap();
    let (imp, out) = (dir.path().join("import"), dir.path().join("report"));
    import(&fixture("half.toml"), &fixture("half.csv"), &imp);
    report(&fixture("half.toml"), &imp, &out, "96");

    // 24 rows: 甲县 18 valid + 1 rejected (很好), 乙县 3 valid + 1 screened (5秒), 丙县 rejected.
    let acc = sheet(&out, "Accounting");
    let find = |label: &str| {
        acc.iter().find(|r| r[0] == label).unwrap_or_else(|| panic!("{label}: {acc:?}")).clone()
    };
    assert_eq!(find("Valid")[1..3], ["21", "87.5"]);
    assert_eq!(find("Screened: completed in under 10 s")[1..3], ["1", "4.2"]);
    assert_eq!(find("Rejected")[1..3], ["2", "8.3"]);
    assert_eq!(find("Rows read")[1], "24");
    // Per agency: id, name, rows, valid, 4 rules, rejected.
    assert_eq!(find("A"), ["A", "甲县", "19", "18", "0", "0", "0", "0", "1"]);
    assert_eq!(find("B"), ["B", "乙县", "4", "3", "1", "0", "0", "0", "0"]);
    assert_eq!(find("(unresolved)")[2..], ["1", "0", "0", "0", "0", "0", "1"]);

    // 甲县 q1: 7, 5, 3, 1 of 16 rated = 43.75, 31.25, 18.75, 6.25% → 43.8, 31.3, 18.8, 6.3
    // (banker's rounding would give 43.8, 31.2, 18.8, 6.2); 不了解 2 of 18 responses = 11.1%.
    let a: BTreeMap<_, _> = sheet(&out, "Per agency")
        .into_iter()
        .skip(1)
        .filter(|r| r[0] == "A" && r[2] == "q1")
        .map(|r| (r[4].clone(), r[5..9].to_vec()))
        .collect();
    let row = |kind: &str, c: &str, b: &str, s: &str| {
        vec![kind.to_string(), c.into(), b.into(), s.into()]
    };
    assert_eq!(a["很满意"], row("rated", "7", "16", "43.8"));
    assert_eq!(a["满意"], row("rated", "5", "16", "31.3"));
    assert_eq!(a["一般"], row("rated", "3", "16", "18.8"));
    assert_eq!(a["不满意"], row("rated", "1", "16", "6.3"));
    assert_eq!(a["不了解"], row("don't know", "2", "18", "11.1"));
    assert_eq!(a["(skipped)"], row("skipped", "0", "18", "0"));

    // Over both agencies, q1: 7, 7, 4, 1 of 19 rated → 36.8, 36.8, 21.1, 5.3; 不了解 2 of 21 → 9.5.
    // q2: 满意 15 + 一般 3 of 18 rated → 83.3, 16.7; skipped 3 of 21 → 14.3.
    let all = answers(&sheet(&out, "All agencies"), 0);
    let get = |q: &str, o: &str| all[&(q.to_string(), o.to_string())].clone();
    assert_eq!(get("q1", "很满意"), row("rated", "7", "19", "36.8"));
    assert_eq!(get("q1", "满意"), row("rated", "7", "19", "36.8"));
    assert_eq!(get("q1", "一般"), row("rated", "4", "19", "21.1"));
    assert_eq!(get("q1", "不满意"), row("rated", "1", "19", "5.3"));
    assert_eq!(get("q1", "不了解"), row("don't know", "2", "21", "9.5"));
    assert_eq!(get("q2", "满意"), row("rated", "15", "18", "83.3"));
    assert_eq!(get("q2", "一般"), row("rated", "3", "18", "16.7"));
    assert_eq!(get("q2", "(skipped)"), row("skipped", "3", "21", "14.3"));

    // The page shows the same numbers, the sum, and the reasons with the value masked.
    let html = std::fs::read_to_string(out.join("survey-report.html")).unwrap();
    assert!(html.contains("24 rows read = 21 valid + 1 screened + 2 rejected"), "sum stated");
    assert!(html.contains("<td class=\"n\">1</td><td class=\"n\">6.3</td>"), "6.3 in the table");
    assert!(html.contains("unknown agency `…`"), "reason grouped with the value masked");
    assert!(html.contains("@font-face{font-family:'Noto Sans SC';src:url(data:font/otf;base64,"));
    assert!(!html.contains("src=\"http") && !html.contains("<script"), "self-contained");
}

#[test]
fn chinese_by_default_and_charts_fit_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let (imp, out) = (dir.path().join("import"), dir.path().join("report"));
    import(&fixture("half.toml"), &fixture("half.csv"), &imp);
    survey_report(kaohe_zh(), &fixture("half.toml"), &imp, &out)
        .assert()
        .success()
        .stderr(predicates::str::contains("有效答卷 21 份"));
    let html = std::fs::read_to_string(out.join("survey-report.html")).unwrap();
    assert!(html.contains("读取 24 行 = 有效 21 + 筛除 1 + 拒收 2"), "Chinese page");
    assert!(sheet(&out, "筛选核算").iter().any(|r| r[0] == "有效" && r[1] == "21"));
    // 300 dpi: 16 cm wide = 604 logical px = 1888 px; never taller than 1.5 × the width.
    for e in std::fs::read_dir(out.join("charts")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "png") {
            let (w, h) = png_size(&p);
            assert_eq!(w, 1888, "{}", p.display());
            assert!(h * 2 <= w * 3, "{}: {w}×{h}", p.display());
        }
    }
}

fn png_size(p: &Path) -> (u32, u32) {
    let b = std::fs::read(p).unwrap();
    let be = |i: usize| u32::from_be_bytes(b[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

/// The SVG's width and height attributes.
fn svg_size(p: &Path) -> (u32, u32) {
    let s = std::fs::read_to_string(p).unwrap();
    let attr = |name: &str| -> u32 {
        let at = s.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        s[at..at + s[at..].find('"').unwrap()].parse().unwrap()
    };
    (attr("width"), attr("height"))
}

#[test]
fn a_questionnaire_other_than_the_imports_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let imp = dir.path().join("import");
    import(&fixture("half.toml"), &fixture("half.csv"), &imp);
    let out = dir.path().join("report");
    survey_report(kaohe(), &survey_fixture("mini.toml"), &imp, &out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("inputs.csv:2"))
        .stderr(predicates::str::contains("imported with questionnaire half"));
    assert!(!out.exists(), "nothing written");
    // Not an import directory at all.
    survey_report(kaohe(), &fixture("half.toml"), dir.path(), &out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no inputs.csv"));
}

#[test]
fn an_edited_import_that_does_not_add_up_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let imp = dir.path().join("import");
    import(&fixture("half.toml"), &fixture("half.csv"), &imp);
    let acc = std::fs::read_to_string(imp.join("accounting.csv")).unwrap();
    std::fs::write(imp.join("accounting.csv"), acc.replace("A,19,18,", "A,20,18,")).unwrap();
    survey_report(kaohe(), &fixture("half.toml"), &imp, &dir.path().join("report"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("20 rows read but valid + screened + rejected = 19"));
}

/// counts.csv summed by this test: (agency or "*", question, option) → count.
fn tally_counts(import: &Path) -> BTreeMap<(String, String, String), u64> {
    let text = std::fs::read_to_string(import.join("counts.csv")).unwrap();
    let mut t = BTreeMap::new();
    for line in text.trim_start_matches('\u{feff}').lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let n: u64 = f[4].parse().unwrap();
        for agency in [f[0], "*"] {
            *t.entry((agency.to_string(), f[2].to_string(), f[3].to_string())).or_insert(0) += n;
        }
    }
    t
}

#[test]
fn bundled_example_every_count_and_share() {
    let dir = tempfile::tempdir().unwrap();
    let (imp, out) = (dir.path().join("import"), dir.path().join("report"));
    let q = repo().join("surveys/shanxi-2022-social.toml");
    import(&q, &repo().join("examples/survey-exports/shanxi-2022-social.csv"), &imp);
    report(&q, &imp, &out, "96");

    // The accounting equals the independent re-implementation's totals (independent.py).
    let expected = std::fs::read_to_string(survey_fixture("shanxi-expected-totals.csv")).unwrap();
    let mut lines = expected.trim_start_matches('\u{feff}').lines();
    let (names, values) = (lines.next().unwrap(), lines.next().unwrap());
    let expected: BTreeMap<&str, u64> =
        names.split(',').zip(values.split(',').map(|v| v.parse().unwrap())).collect();
    let acc = sheet(&out, "Accounting");
    let total = acc.iter().find(|r| r[1] == "Total").unwrap();
    // Total row: "", Total, rows, valid, min-seconds, attention:check, straight-lining,
    // no-rated-answer, duplicate, rejected.
    let order = [
        "rows",
        "valid",
        "screened:min-seconds",
        "screened:attention:check",
        "screened:straight-lining",
        "screened:no-rated-answer",
        "screened:duplicate",
        "rejected",
    ];
    for (i, k) in order.iter().enumerate() {
        assert_eq!(total[2 + i], expected[k].to_string(), "{k}");
    }
    assert_eq!(expected["rows"], order[1..].iter().map(|k| expected[k]).sum::<u64>(), "adds up");

    // Every count and share, overall and per agency, from counts.csv tallied here.
    let counts = tally_counts(&imp);
    let check = |rows: Vec<Vec<String>>, agency_col: Option<usize>| {
        let from = agency_col.map_or(0, |_| 2);
        let mut seen = 0;
        for r in rows.iter().skip(1) {
            let agency = agency_col.map_or("*".to_string(), |c| r[c].clone());
            let (question, option) = (r[from].clone(), r[from + 2].clone());
            let count = counts
                .get(&(agency.clone(), question.clone(), option.clone()))
                .copied()
                .unwrap_or(0);
            assert_eq!(r[from + 4], count.to_string(), "{agency} {question} {option}");
            let base: u64 = counts
                .iter()
                .filter(|((a, qq, o), _)| {
                    *a == agency
                        && *qq == question
                        && (r[from + 3] != "rated" || (o != "不了解" && o != "(skipped)"))
                })
                .map(|(_, c)| c)
                .sum();
            assert_eq!(r[from + 5], base.to_string(), "{agency} {question} {option} base");
            let expected = if base == 0 { String::new() } else { share(count, base) };
            assert_eq!(r[from + 6], expected, "{agency} {question} {option} share");
            seen += 1;
        }
        seen
    };
    // 7 questions × (5 rated + 不了解 + skipped); and the same for each of 128 agencies.
    assert_eq!(check(sheet(&out, "All agencies"), None), 7 * 7);
    assert_eq!(check(sheet(&out, "Per agency"), Some(0)), 128 * 7 * 7);

    // Charts: 16 cm wide (604 px at 96 dpi), at most 1.5 × as tall, at most 20 agencies a chart:
    // 128 agencies in 7 parts per question.
    let charts = out.join("charts");
    let mut n = 0;
    for e in std::fs::read_dir(&charts).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "svg") {
            let (w, h) = svg_size(&p);
            assert_eq!((w, png_size(&p.with_extension("png"))), (604, (w, h)), "{}", p.display());
            assert!(h * 2 <= w * 3, "{}", p.display());
            // Text at least 9 pt at 16 cm wide: 12 logical px.
            let svg = std::fs::read_to_string(&p).unwrap();
            for size in svg.split("font-size=\"").skip(1) {
                let size: f64 = size[..size.find('"').unwrap()].parse().unwrap();
                assert!(size >= 12.0 - 1e-9, "{}: font-size {size}", p.display());
            }
            n += 1;
        }
    }
    assert_eq!(n, 1 + 7 * (1 + 7));
    assert!(charts.join("survey-q7-agencies-7.svg").is_file());
    let last = std::fs::read_to_string(charts.join("survey-q7-agencies-7.svg")).unwrap();
    assert_eq!(last.matches(" | other ").count(), 128 - 6 * 128 / 7, "agencies in the last part");
}

#[test]
fn real_wjx_export_tallied_cell_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let (imp, out) = (dir.path().join("import"), dir.path().join("report"));
    let q = survey_fixture("wjx-800.toml");
    let xls = published("wjx-exports").join("wjx-800-by-text.xls");
    import(&q, &xls, &imp);
    report(&q, &imp, &out, "96");

    // The questions of tests/fixtures/survey/wjx-800.toml and their options in order.
    let scales: [(&str, &str, Vec<&str>); 4] = [
        ("q1", "1、手机部数", vec!["1部", "2部", "3部", "4部及以上"]),
        (
            "q2",
            "2、手机价格",
            vec![
                "0-799元",
                "800-999元",
                "1000-1499元",
                "1500-1999元",
                "2000-2499元",
                "2500-2999元",
                "3000-3499元",
                "3500元及以上",
                "免费赠送的",
                "其他【请注明】",
            ],
        ),
        (
            "q5",
            "5、月收入",
            vec![
                "3000元以下",
                "3001-5000元",
                "5001-8000元",
                "8001-10000元",
                "10001-15000元",
                "15000元以上",
                "无收入",
                "不知道/拒绝回答",
            ],
        ),
        (
            "q7",
            "7、爱好投入占收入比重",
            vec!["没有投入", "10%左右", "20%左右", "30%左右", "40%左右", "50%左右", "超过50%"],
        ),
    ];
    let mut wb = open_workbook_auto(&xls).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    let mut rows = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string().trim().to_string()).collect::<Vec<_>>());
    let header = rows.next().unwrap();
    let col = |h: &str| header.iter().position(|x| x == h).unwrap();
    let sex = col("3、性别");
    let (mut read, mut valid, mut straight) = (0u64, 0u64, 0u64);
    let mut tally: BTreeMap<(String, &str, &str), u64> = BTreeMap::new();
    for r in rows {
        read += 1;
        // Each answer's position in its scale; a filled-in 其他 is written `其他【请注明】〖…〗`.
        let pos: Vec<usize> = scales
            .iter()
            .map(|(_, h, opts)| {
                let cell = &r[col(h)];
                let cell = cell.split('〖').next().unwrap();
                opts.iter().position(|o| *o == cell).unwrap_or_else(|| panic!("{h}: {cell}"))
            })
            .collect();
        if pos.iter().all(|p| *p == pos[0]) {
            straight += 1; // straight-lining: every one of the four rated with the same option
            continue;
        }
        valid += 1;
        let agency = if r[sex] == "男" { "m" } else { "f" };
        for ((id, _, opts), p) in scales.iter().zip(&pos) {
            for a in [agency.to_string(), "*".to_string()] {
                *tally.entry((a, id, opts[*p])).or_insert(0) += 1;
            }
        }
    }
    assert_eq!((read, valid, straight), (800, 796, 4));
    let acc = sheet(&out, "Accounting");
    let total = acc.iter().find(|r| r[1] == "Total").unwrap();
    assert_eq!(total[2..], ["800", "796", "0", "4", "0", "0", "0"]);

    for (sheet_name, agency_col) in [("All agencies", None), ("Per agency", Some(0usize))] {
        let from = agency_col.map_or(0, |_| 2);
        for r in sheet(&out, sheet_name).iter().skip(1) {
            let agency = agency_col.map_or("*".to_string(), |c| r[c].clone());
            let (qid, option) = (r[from].as_str(), r[from + 2].as_str());
            let count = tally
                .iter()
                .find(|((a, q, o), _)| *a == agency && *q == qid && *o == option)
                .map_or(0, |(_, c)| *c);
            assert_eq!(r[from + 4], count.to_string(), "{agency} {qid} {option}");
            let dont_know = option == "不知道/拒绝回答" || option == "(skipped)";
            let base: u64 = tally
                .iter()
                .filter(|((a, q, o), _)| {
                    *a == agency && *q == qid && (dont_know || *o != "不知道/拒绝回答")
                })
                .map(|(_, c)| c)
                .sum();
            assert_eq!(r[from + 5], base.to_string(), "{agency} {qid} {option} base");
            assert_eq!(r[from + 6], share(count, base), "{agency} {qid} {option}");
        }
    }
}

#[test]
fn byte_identical_at_any_thread_count_and_never_over_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let imp = dir.path().join("import");
    import(&fixture("half.toml"), &fixture("half.csv"), &imp);
    let run = |threads: &str, out: &Path| {
        survey_report(threaded(threads), &fixture("half.toml"), &imp, out)
            .args(["--dpi", "96"])
            .assert()
            .success();
    };
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    run("1", &one);
    run("2", &two);
    let files = |d: &Path| -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<(String, Vec<u8>)> = walk(d)
            .into_iter()
            .map(|p| (p.strip_prefix(d).unwrap().display().to_string(), std::fs::read(&p).unwrap()))
            .collect();
        v.sort();
        v
    };
    let (a, b) = (files(&one), files(&two));
    assert_eq!(a.len(), 2 + 2 * 5, "html, xlsx and 5 charts in two formats");
    assert!(a == b, "outputs differ between 1 and 2 threads");

    // The report never replaces the import it reads.
    survey_report(kaohe(), &fixture("half.toml"), &imp, &imp).assert().code(2);
    assert!(imp.join("counts.csv").is_file());
}

fn threaded(threads: &str) -> assert_cmd::Command {
    let mut c = kaohe();
    c.env("RAYON_NUM_THREADS", threads);
    c
}

fn walk(d: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(d).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

/// survey-report.html printed to PDF by headless Chromium (A4): the Chinese text prints (the
/// embedded font; the test machine has no CJK font), the widest table's last column header is
/// there, the hand-worked 6.3 too, and no word lies beyond the page's right edge.
#[test]
fn page_prints_on_a4() {
    if !util::chromium::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (imp, out) = (dir.path().join("import"), dir.path().join("report"));
    import(&fixture("half.toml"), &fixture("half.csv"), &imp);
    survey_report(kaohe_zh(), &fixture("half.toml"), &imp, &out)
        .args(["--dpi", "24"])
        .assert()
        .success();
    let pdf = dir.path().join("printed.pdf");
    let extra = ["--no-pdf-header-footer".to_string(), format!("--print-to-pdf={}", pdf.display())];
    util::chromium::run(
        &out.join("survey-report.html"),
        &extra,
        std::time::Duration::from_secs(180),
    );
    let text = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let flat: String = text.split_whitespace().collect();
    for want in ["筛选核算", "分单位核算", "甲县", "6.3", "拒收原因"] {
        assert!(flat.contains(want), "{want} not printed");
    }
    let bbox = poppler("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut width = 0.0;
    for tag in bbox.split('<').filter(|t| t.starts_with("page ") || t.starts_with("word ")) {
        if tag.starts_with("page ") {
            width = attr(tag, "width");
        } else {
            assert!(attr(tag, "xMax") <= width + 0.5, "a word beyond the page edge: {tag}");
        }
    }
}

fn poppler(name: &str, args: &[&str]) -> String {
    let out =
        std::process::Command::new(name).args(args).output().expect("poppler-utils installed");
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}
