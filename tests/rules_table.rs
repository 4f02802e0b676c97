//! `kaohe rules table`: the published 评分细则 written from a rules file as Markdown, Word and
//! Excel. Every scheme in scoring-rules/ renders, names every indicator and keeps its points
//! adding up; the Word and Excel files are unpacked and read back; the Shanxi table checked into
//! docs/评分细则/ is what the program writes today; bad calls exit 2 and write nothing.

mod util;

use std::path::{Path, PathBuf};
use std::process::Command;

use rust_decimal::Decimal;
use util::{dec, kaohe, kaohe_zh, repo};

/// Every .toml under scoring-rules/ (the validation schemes too).
fn schemes() -> Vec<PathBuf> {
    let mut out = vec![];
    let mut dirs = vec![repo().join("scoring-rules")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "toml") {
                out.push(p);
            }
        }
    }
    out.sort();
    assert!(out.len() >= 8, "{out:?}");
    out
}

/// `kaohe rules table RULES --out OUT` in Chinese; asserts exit 0 and returns the file's bytes.
fn render(rules: &Path, out: &Path) -> Vec<u8> {
    let o = kaohe_zh().args(["rules", "table"]).arg(rules).arg("--out").arg(out).output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}: {}",
        rules.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::read(out).unwrap()
}

/// The indicator table of a rendered .md: level columns (names carried down over merged blanks)
/// and the 分值 of each row.
struct MdTable {
    levels: usize,
    rows: Vec<(Vec<String>, Decimal)>,
}

fn md_table(md: &str) -> MdTable {
    let mut lines = md.lines().skip_while(|l| !l.starts_with("| 一级指标"));
    let split = |l: &str| -> Vec<String> {
        l.trim_start_matches("| ").trim_end_matches(" |").split(" | ").map(String::from).collect()
    };
    let header = split(lines.next().expect("the indicator table"));
    let levels = header.iter().filter(|h| h.ends_with("级指标")).count();
    assert_eq!(header[levels], "分值");
    let mut rows: Vec<(Vec<String>, Decimal)> = vec![];
    for l in lines.skip(1).take_while(|l| l.starts_with('|')) {
        let cells = split(l);
        let mut path: Vec<String> = cells[..levels].to_vec();
        for (i, c) in path.iter_mut().enumerate() {
            if c.is_empty() && cells[i + 1..levels].iter().any(|d| !d.is_empty()) {
                *c = rows.last().expect("a blank under a row").0[i].clone();
            }
        }
        path.retain(|c| !c.is_empty());
        rows.push((path, dec(&cells[levels])));
    }
    MdTable { levels, rows }
}

/// `名称（12分）` or `名称（100分，权重0.7）` → (points, weight); a leaf's label → None.
fn label_points(label: &str) -> Option<(Decimal, Decimal)> {
    let inner = label.strip_suffix('）')?.rsplit_once('（')?.1;
    let (points, weight) = match inner.split_once("，权重") {
        Some((p, w)) => (p, dec(w)),
        None => (inner, Decimal::ONE),
    };
    Some((dec(points.strip_suffix('分')?), weight))
}

/// The TOML of a scheme, read independently of kaohe.
fn toml_of(path: &Path) -> toml::Table {
    std::fs::read_to_string(path).unwrap().parse().unwrap()
}

fn md_unescape(s: &str) -> String {
    s.replace("\\_", "_")
        .replace("\\*", "*")
        .replace("\\|", "|")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The first Shanxi scheme, frozen: the sentences and table sizes below are worked by hand from it
/// (the bundled scheme is checked against its rendered table in docs/评分细则/).
const V1: &str = "tests/fixtures/shanxi-2022-v1.toml";

#[test]
fn every_scheme_renders_names_every_indicator_and_its_points_add_up() {
    let dir = tempfile::tempdir().unwrap();
    for path in schemes() {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let md = String::from_utf8(render(&path, &dir.path().join(format!("{name}.md")))).unwrap();
        let text = md_unescape(&md);
        let rules = toml_of(&path);
        let indicators = rules["indicator"].as_array().unwrap();
        for ind in indicators {
            let n = ind["name"].as_str().unwrap();
            assert!(text.contains(n), "{name}: indicator name {n:?} missing");
        }
        let table = md_table(&md);
        let leaves = indicators
            .iter()
            .filter(|i| !indicators.iter().any(|c| c.get("parent") == i.get("id")))
            .count();
        assert_eq!(table.rows.len(), leaves, "{name}: one row per item");
        check_sums(&name, &rules, &table);
    }
}

/// Level 1 points (× weight) add up to the scheme's total, or per group to each group's total;
/// in a tree summed without weights, every node's points are the sum of its rows' 分值.
fn check_sums(name: &str, rules: &toml::Table, t: &MdTable) {
    let num = |v: &toml::Value| dec(v.to_string().trim_matches('"'));
    let total = num(&rules["scheme"]["total"]);
    // Level 1 in row order: the dimensions in file order (a name two dimensions share stays two).
    let mut level1: Vec<(&str, Decimal, Decimal)> = vec![];
    for (path, points) in &t.rows {
        if level1.last().is_none_or(|l| l.0 != path[0]) {
            let (p, w) = label_points(&path[0]).unwrap_or((*points, Decimal::ONE));
            level1.push((&path[0], p, w));
        }
    }
    let indicators = rules["indicator"].as_array().unwrap();
    let roots: Vec<&toml::Value> =
        indicators.iter().filter(|i| i.get("parent").is_none()).collect();
    let groups = rules["group"].as_array().unwrap();
    assert_eq!(level1.len(), roots.len(), "{name}: one level 1 entry per dimension");
    let file_sum: Decimal = level1.iter().map(|(_, p, w)| p * w).sum();
    // The shared-tree rule (the file's level 1 adds up to scheme.total) holds only when no group
    // states its own total; otherwise each group's level 1 adds up to its total (docs/rules.md §11.11).
    if groups.iter().any(|g| g.get("total").is_some()) || file_sum != total {
        for g in groups {
            let gid = g["id"].as_str().unwrap();
            let gtotal = g.get("total").map_or(total, num);
            let sum: Decimal = roots
                .iter()
                .zip(&level1)
                .filter(|(r, _)| {
                    let listed = |k: &str| {
                        r.get(k).and_then(|v| v.as_array()).is_some_and(|a| !a.is_empty())
                    };
                    (!listed("groups") && !listed("agencies"))
                        || r.get("groups")
                            .and_then(|v| v.as_array())
                            .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(gid)))
                })
                .map(|(r, (label, p, w))| {
                    assert!(label.starts_with(r["name"].as_str().unwrap()), "{name}: {label}");
                    p * w
                })
                .sum();
            assert_eq!(sum, gtotal, "{name}: group {gid}");
        }
    } else {
        assert_eq!(file_sum, total, "{name}: level 1 points against scheme.total");
    }
    let plain = indicators.iter().all(|i| {
        i.get("aggregate").is_none_or(|a| a.as_str() == Some("sum"))
            && (i.get("parent").is_none() || i.get("weight").is_none())
            && i.get("normalise").is_none()
    });
    if plain {
        for level in 0..t.levels {
            // Consecutive rows under one node (a name two nodes share stays two spans).
            let mut spans: Vec<(&[String], Decimal)> = vec![];
            for (path, points) in t.rows.iter().filter(|(p, _)| level + 1 < p.len()) {
                match spans.last_mut() {
                    Some((prefix, sum)) if *prefix == &path[..=level] => *sum += points,
                    _ => spans.push((&path[..=level], *points)),
                }
            }
            for (prefix, sum) in spans {
                let label = &prefix[level];
                assert_eq!(label_points(label).unwrap().0, sum, "{name}: {label}");
            }
        }
    }
}

#[test]
fn the_checked_in_shanxi_table_is_a_fresh_render() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = render(&repo().join("scoring-rules/shanxi-2022.toml"), &dir.path().join("t.md"));
    let checked_in = std::fs::read(repo().join("docs/评分细则/shanxi-2022.md")).unwrap();
    assert!(
        fresh == checked_in,
        "docs/评分细则/shanxi-2022.md is stale: run `kaohe rules table scoring-rules/shanxi-2022.toml --out docs/评分细则/shanxi-2022.md`"
    );
}

#[test]
fn shanxi_sentences_worked_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let md = String::from_utf8(render(&repo().join(V1), &dir.path().join("t.md"))).unwrap();
    // D1.1: website-not-first 0.5 capped at 4, news-replaces-release 1 capped at 2; floor at D1.
    assert!(md.contains(
        "| 以公开促落实（14分） | 政府网站权威发布 | 4 | 主动公开文件、通告、公示、清单等未在政府网站首发，每发现一处扣0.5分，本项最多扣4分；\
         以新闻报道代替政府网站权威政令发布，每发现一处扣1分，本项最多扣2分；扣分可超出本项分值，以“以公开促落实”的分值扣完为止。 | 全部单位 | 晋政办发〔2022〕38号 一(一) |"
    ));
    // D6.2: the social survey, 60 → 0, 95 → full, zero below the minimum sample; cities and counties.
    assert!(md.contains(
        "社会评价“shanxi-2022-social”满意度60及以下得0分，95及以上得满分，其间按比例计分；无数据的得0分；有效样本量不足的得0分。 | 设区市、县(市、区) |"
    ));
    assert!(md.contains("| 设区市 | 优秀 | 90分及以上 | 不超过本组单位数的30%（向下取整） |"));
    assert!(md.contains(
        "| 考核材料弄虚作假 | 一票否决 | 总分最高计59分 | 晋政办发〔2022〕38号 一(三) |"
    ));
}

#[test]
fn english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("criteria.md");
    let o = kaohe().args(["rules", "table", V1, "--out"]).arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        format!("wrote {} (35 items)\n", out.display())
    );
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains(
        "| Level 1 indicator | Level 2 indicator | Points | Scoring standard | Applies to | Basis |"
    ));
    assert!(md.contains(
        "主动公开文件、通告、公示、清单等未在政府网站首发: 0.5 off per finding, at most 4 on this item; "
    ));
    assert!(md.contains("Done by 31 March 2022 (inclusive): full points; 1 off for each month late (a started month counts in full), down to 0; not done: no points."));
    assert!(md.contains("\nBasis: 晋政办发〔2022〕38号\n\n## Method\n\nFull marks 100; "));
    assert!(
        md.contains("| 设区市 | 优秀 | 90 and above | at most 30% of the group (rounded down) |")
    );
    assert!(!md.contains("每发现"), "no Chinese sentence in the English table");
}

fn unzip(file: &Path, member: &str) -> String {
    let out = Command::new("unzip").arg("-p").arg(file).arg(member).output().expect("unzip runs");
    assert!(out.status.success(), "unzip -p {member}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn word_file_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("评分细则.docx");
    let bytes = render(&repo().join(V1), &docx);
    let xml = unzip(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("document.xml is XML");
    let text: String =
        doc.descendants().filter(|n| n.tag_name().name() == "t").filter_map(|n| n.text()).collect();
    assert!(text.starts_with("山西省2022年政务公开工作考核(示例方案)评分细则"));
    assert!(text.contains("未在政府网站首发，每发现一处扣0.5分，本项最多扣4分"));
    let rows = doc.descendants().filter(|n| n.tag_name().name() == "tr").count();
    // The indicator table (35 items + header), bonus 5+1, penalties 2+1, vetoes 2+1, grades 12+1.
    assert_eq!(rows, 36 + 6 + 3 + 3 + 13);
    assert!(xml.contains("<w:tblHeader />"), "header rows repeat");
    assert!(
        xml.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\" />"),
        "A4 landscape"
    );
    // Each of the 7 dimensions is merged down its items: 7 first rows, 35 − 7 continued.
    assert_eq!(xml.matches("<w:vMerge w:val=\"restart\" />").count(), 7);
    assert_eq!(xml.matches("<w:vMerge w:val=\"continue\" />").count(), 28);
    let again = render(&repo().join(V1), &docx);
    assert!(bytes == again, "the same rules give the same bytes");
}

#[test]
fn excel_file_read_back() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("评分细则.xlsx");
    let bytes = render(&repo().join(V1), &xlsx);
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(wb.sheet_names(), ["评分细则", "其他规则"]);
    let range = wb.worksheet_range("评分细则").unwrap();
    let cell = |r: u32, c: u32| match range.get_value((r, c)) {
        Some(Data::String(s)) => s.clone(),
        other => format!("{other:?}"),
    };
    assert_eq!(cell(0, 0), "山西省2022年政务公开工作考核(示例方案)评分细则");
    let header: Vec<String> = (0..6).map(|c| cell(1, c)).collect();
    assert_eq!(header, ["一级指标", "二级指标", "分值", "评分标准", "适用对象", "依据"]);
    assert_eq!(cell(2, 0), "以公开促落实（14分）");
    assert_eq!(cell(2, 1), "政府网站权威发布");
    assert_eq!(range.get_value((2, 2)), Some(&Data::Float(4.0)), "分值 is a number");
    assert_eq!(cell(36, 1), "年度报告公开要点落实情况");
    let sheet = unzip(&xlsx, "xl/worksheets/sheet1.xml");
    // D1 spans its 4 items (Excel rows 3–6), D2 its 7 (rows 7–13); the title spans A1:F1.
    for merged in ["A1:F1", "A3:A6", "A7:A13"] {
        assert!(sheet.contains(&format!("<mergeCell ref=\"{merged}\"/>")), "{merged}");
    }
    assert!(sheet.contains("orientation=\"landscape\""));
    assert!(sheet.contains("paperSize=\"9\""), "A4");
    assert!(
        sheet.contains("wrapText=\"1\"")
            || unzip(&xlsx, "xl/styles.xml").contains("wrapText=\"1\"")
    );
    let workbook = unzip(&xlsx, "xl/workbook.xml");
    assert!(
        workbook.contains("_xlnm.Print_Titles") && workbook.contains("$2:$2"),
        "header row repeats"
    );
    let again = render(&repo().join(V1), &xlsx);
    assert!(bytes == again, "the same rules give the same bytes");
}

#[test]
fn bad_calls_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("评分细则.pdf");
    let o = kaohe_zh().args(["rules", "table", V1, "--out"]).arg(&pdf).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        format!("错误：{}：无法识别的文件类型，应为 .xlsx、.docx 或 .md\n", pdf.display())
    );
    let o = kaohe().args(["rules", "table", V1, "--out"]).arg(&pdf).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8(o.stderr)
            .unwrap()
            .contains("unknown file type: expected .xlsx, .docx or .md")
    );
    assert!(!pdf.exists());

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[scheme]\nid = \"x\"\ncolor = 1\n").unwrap();
    let md = dir.path().join("out.md");
    let o = kaohe().args(["rules", "table"]).arg(&bad).arg("--out").arg(&md).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8(o.stderr).unwrap().contains("bad.toml:3"), "names the line");
    assert!(!md.exists());

    let copy = dir.path().join("rules.md");
    std::fs::copy(repo().join(V1), &copy).unwrap();
    let o = kaohe().args(["rules", "table"]).arg(&copy).arg("--out").arg(&copy).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "the rules file is not overwritten");
    assert!(String::from_utf8(o.stderr).unwrap().contains("the output is the rules file"));
}

#[test]
fn agencies_a_scheme_lists_are_named_from_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("评分细则.md");
    let rules = repo().join("scoring-rules/shanxi-2022.toml");
    let run = |data: &Path| {
        let mut c = kaohe_zh();
        c.args(["rules", "table"]).arg(&rules).arg("--out").arg(&out).arg("--data").arg(data);
        let o = c.output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        std::fs::read_to_string(&out).unwrap()
    };
    // examples/shanxi-2022/agencies.csv: dept-gat 省公安厅, dept-sft 省司法厅, dept-jyt 省教育厅.
    let md = run(&repo().join("examples/shanxi-2022"));
    assert!(md.contains("| 仅省公安厅 | 晋政办发〔2022〕38号 二(一) |"), "{md}");
    assert!(md.contains("| 仅省司法厅 |"), "{md}");
    assert!(md.contains("设区市、县(市、区)，以及省教育厅、"), "{md}");
    assert!(!md.contains("dept-"), "every listed agency has a name in the example");
    // An agency the data does not list keeps its id.
    let only = dir.path().join("data");
    std::fs::create_dir(&only).unwrap();
    std::fs::write(
        only.join("agencies.csv"),
        "id,name,group,parent\ndept-gat,省公安厅,department,\n",
    )
    .unwrap();
    let md = run(&only);
    assert!(md.contains("| 仅省公安厅 |") && md.contains("| 仅dept-sft |"), "{md}");
}
