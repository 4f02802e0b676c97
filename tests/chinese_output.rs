//! `kaohe score` as a user runs it writes Chinese (issue 12): rankings.csv's header names the
//! columns as an office does and the dimensions by the scheme's names, its cells use the scheme's
//! names and 是/否; `--lang en` writes English headers with the same numbers, cell for cell.

mod util;

use std::path::Path;

use util::{dec, kaohe, kaohe_zh, rules};

/// The header and the rows of a rankings.csv (after its BOM).
fn rankings(dir: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(dir.join("rankings.csv")).unwrap();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM");
    let mut r = csv::Reader::from_reader(body);
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r.records().map(|x| x.unwrap().iter().map(str::to_string).collect()).collect();
    (header, rows)
}

/// The scheme's top-level indicators (dimensions), as (id, name), read from the TOML itself.
fn dimensions() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(rules()).unwrap();
    let doc: toml::Table = text.parse().unwrap();
    doc["indicator"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i.get("parent").is_none())
        .map(|i| (i["id"].as_str().unwrap().to_string(), i["name"].as_str().unwrap().to_string()))
        .collect()
}

fn score(mut cmd: assert_cmd::Command, out: &Path) -> String {
    let run = cmd.arg("score").arg("--out").arg(out).assert().success();
    String::from_utf8(run.get_output().stdout.clone()).unwrap()
}

#[test]
fn rankings_in_chinese_by_default_and_in_english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let (zh_dir, en_dir) = (dir.path().join("zh"), dir.path().join("en"));
    let stdout = score(kaohe_zh(), &zh_dir);
    score(kaohe(), &en_dir);
    let (zh_header, zh_rows) = rankings(&zh_dir);
    let (en_header, en_rows) = rankings(&en_dir);

    for title in ["名次", "单位代码", "单位名称", "类别", "总分", "等次", "加分", "回头看", "否决"]
    {
        assert!(zh_header.iter().any(|h| h == title), "no {title} in {zh_header:?}");
    }
    let dims = dimensions();
    assert!(dims.len() >= 5, "{dims:?}");
    for (id, name) in &dims {
        assert!(zh_header.contains(name), "dimension {name} not in {zh_header:?}");
        assert!(en_header.contains(id), "dimension {id} not in {en_header:?}");
    }
    for key in ["rank", "agency_id", "agency", "group", "total", "grade", "veto"] {
        assert!(en_header.iter().any(|h| h == key), "no {key} in {en_header:?}");
    }
    assert!(!zh_header.iter().any(|h| h.is_ascii()), "an English title: {zh_header:?}");

    // The same cells, the numbers equal column by column; words in the run's language.
    assert_eq!((zh_header.len(), zh_rows.len()), (en_header.len(), en_rows.len()));
    let zh_col = |t: &str| zh_header.iter().position(|h| h == t).unwrap();
    let en_col = |t: &str| en_header.iter().position(|h| h == t).unwrap();
    for (z, e) in zh_rows.iter().zip(&en_rows) {
        for (k, (zc, ec)) in z.iter().zip(e).enumerate() {
            if util_is_number(ec) {
                assert_eq!(
                    dec(zc),
                    dec(ec),
                    "{}: column {} / {}",
                    e[2],
                    zh_header[k],
                    en_header[k]
                );
            }
        }
        for c in z {
            assert!(c != "true" && c != "false", "a true/false cell in Chinese: {z:?}");
        }
        assert!(["是", "否"].contains(&z[zh_col("名额降档")].as_str()), "{z:?}");
        assert_eq!(z[zh_col("单位代码")], e[en_col("agency_id")]);
    }
    // Groups by the scheme's names in Chinese, by id in English.
    let groups: Vec<&str> = zh_rows.iter().map(|r| r[zh_col("类别")].as_str()).collect();
    assert!(groups.contains(&"设区市") && groups.contains(&"省直部门"), "{groups:?}");
    assert!(en_rows.iter().any(|r| r[en_col("group")] == "city"));

    // The terminal summary speaks Chinese too.
    assert!(stdout.contains("设区市（city，11 个单位）"), "{stdout}");
    assert!(stdout.contains("输入文件"), "{stdout}");
}

/// Whether a cell is a number (what the two languages must agree on exactly).
fn util_is_number(s: &str) -> bool {
    !s.is_empty() && s.parse::<rust_decimal::Decimal>().is_ok()
}

#[test]
fn a_veto_is_named_by_the_scheme_in_chinese() {
    let w = util::Work::new();
    // Add a false-material finding for one city (the scheme's veto 考核材料弄虚作假).
    let mut findings = std::fs::read_to_string(w.data().join("findings.csv")).unwrap();
    let header = findings.lines().next().unwrap().to_string();
    let cells: Vec<&str> = header
        .split(',')
        .map(|h| match h {
            "id" => "VETO-1",
            "agency" => "140400",
            "kind" => "false-material",
            "count" => "1",
            "date" => "2022-07-04",
            _ => "",
        })
        .collect();
    findings.push_str(&format!("{}\n", cells.join(",")));
    w.write("findings.csv", findings.as_bytes());
    for (mut cmd, name, flag) in [
        (kaohe_zh(), "考核材料弄虚作假(得分定为59分)", ["是", "否"]),
        (kaohe(), "false-material", ["true", "false"]),
    ] {
        cmd.arg("score").arg(rules()).arg("--data").arg(w.data()).arg("--out").arg(w.out());
        cmd.assert().success();
        let (header, rows) = rankings(&w.out());
        let row = rows.iter().find(|r| r[2] == "140400").unwrap();
        let veto = header.len() - 4;
        assert_eq!(row[veto], name, "{header:?}");
        assert!(flag.contains(&row[veto + 1].as_str()));
    }
}

/// stderr of `kaohe` with `args`, in Chinese (as a user runs it) or in English, expecting exit 2.
fn stderr_of(zh: bool, args: &[&std::ffi::OsStr], dir: Option<&Path>) -> String {
    let mut cmd = if zh { kaohe_zh() } else { kaohe() };
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let out = cmd.args(args).assert().code(2);
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

#[test]
fn a_typo_in_a_rules_key_says_did_you_mean_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(rules()).unwrap();
    let bad = dir.path().join("r.toml");
    std::fs::write(&bad, text.replacen("\nbasis = ", "\nbassis = ", 1)).unwrap();
    let args = [std::ffi::OsStr::new("check"), bad.as_os_str()];
    let zh = stderr_of(true, &args, None);
    assert!(zh.starts_with("错误："), "{zh}");
    assert!(zh.contains("未知的键 `bassis`（是不是 `basis`？）"), "{zh}");
    let en = stderr_of(false, &args, None);
    assert!(en.starts_with("error: "), "{en}");
    assert!(en.contains("unknown field `bassis` (did you mean `basis`?)"), "{en}");
}

#[test]
fn a_missing_default_rules_file_says_how_to_name_one() {
    let dir = tempfile::tempdir().unwrap();
    let args = [std::ffi::OsStr::new("score")];
    let zh = stderr_of(true, &args, Some(dir.path()));
    assert!(zh.contains("默认的 scoring-rules/shanxi-2022.toml 不存在"), "{zh}");
    assert!(zh.contains("kaohe score 规则文件.toml --data 数据目录"), "{zh}");
    let en = stderr_of(false, &args, Some(dir.path()));
    assert!(en.contains("the default scoring-rules/shanxi-2022.toml does not exist"), "{en}");
    assert!(en.contains("kaohe score rules.toml --data"), "{en}");
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn at_most_twenty_errors_then_how_many_more() {
    // Every indicator, bonus item, penalty, veto and the look-back without its clause: one error
    // each, far more than twenty.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(rules()).unwrap();
    let (head, tail) = text.split_at(text.find("[[indicator]]").unwrap());
    let tail: Vec<String> = tail
        .lines()
        .map(|l| match l.trim_start().strip_prefix("basis = ") {
            Some(_) => format!("{}basis = \"\"", &l[..l.len() - l.trim_start().len()]),
            None => l.to_string(),
        })
        .collect();
    let bad = dir.path().join("r.toml");
    std::fs::write(&bad, format!("{head}{}\n", tail.join("\n"))).unwrap();
    let check = std::ffi::OsStr::new("check");
    let all = stderr_of(true, &[check, bad.as_os_str(), "--all-errors".as_ref()], None);
    let total = all.lines().count();
    assert!(total > 25, "{all}");
    assert!(!all.contains("--all-errors"), "{all}");
    let zh = stderr_of(true, &[check, bad.as_os_str()], None);
    let lines: Vec<&str> = zh.lines().collect();
    assert_eq!(lines.len(), 21, "{zh}");
    assert_eq!(lines[..20], all.lines().take(20).collect::<Vec<_>>()[..]);
    assert_eq!(lines[20], format!("还有 {} 处错误（加 --all-errors 列出全部）", total - 20));
    let en = stderr_of(false, &[check, bad.as_os_str()], None);
    let last = en.lines().last().unwrap().to_string();
    assert_eq!(last, format!("{} more errors (add --all-errors to list them all)", total - 20));
    assert!(en.contains("cites no clause"), "{en}");
    assert!(zh.contains("未注明依据"), "{zh}");
}
