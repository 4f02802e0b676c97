//! Inputs as a Chinese office types them (issue 12 items 2 and 5): Chinese column headers, groups,
//! finding kinds and agencies named by their Chinese names, full-width forms; and one message per
//! mistake, with "did you mean".
//!
//! The example's files are rewritten at run time from examples/shanxi-2022 (its rows may change),
//! so nothing here depends on the example's numbers: the rewritten data must score byte for byte
//! as the original does.

mod util;

use std::collections::HashMap;

use kaohe::rules::{Method, Scheme};
use util::*;

fn scheme() -> Scheme {
    kaohe::rules::load(&rules(), "rules.toml").expect("the bundled scheme loads")
}

/// A CSV text from a header and rows.
fn csv_text(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record(header).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// Each finding kind's Chinese name, for kinds whose name no other kind shares.
fn unique_kind_names(s: &Scheme) -> HashMap<String, String> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for n in &s.nodes {
        if let Some(Method::Deduct(kinds)) = n.method() {
            pairs.extend(kinds.iter().map(|k| (k.kind.clone(), k.name.clone())));
        }
    }
    pairs.extend(s.penalty.kinds.iter().map(|k| (k.kind.clone(), k.name.clone())));
    let mut out = HashMap::new();
    for (kind, name) in &pairs {
        let shared = pairs.iter().any(|(k, n)| n == name && k != kind);
        if !shared {
            out.entry(kind.clone()).or_insert_with(|| name.clone());
        }
    }
    out
}

/// Full-width brackets and question marks, as a Chinese input method types them.
fn full_width(s: &str) -> String {
    s.replace('(', "（").replace(')', "）").replace('?', "？")
}

/// Rewrite the example's agencies.csv and findings.csv in Chinese: Chinese headers (one with an
/// ideographic space), groups by their names (full-width brackets), finding kinds by their names,
/// and findings naming each agency whose name is unique by that name.
fn rewrite_in_chinese(w: &Work) {
    let s = scheme();
    let (_, agencies) = csv_rows(&read(&w.data().join("agencies.csv")));
    let group_name: HashMap<&str, &str> =
        s.groups.iter().map(|g| (g.id.as_str(), g.name.as_str())).collect();
    let rows: Vec<Vec<String>> = agencies
        .iter()
        .map(|r| {
            let group = full_width(group_name[r[2].as_str()]);
            vec![r[0].clone(), r[1].clone(), group, r[3].clone()]
        })
        .collect();
    w.write(
        "agencies.csv",
        csv_text(&["单位　代码", "单位名称", "类别", "上级单位"], &rows).as_bytes(),
    );
    let name_count = |n: &str| agencies.iter().filter(|r| r[1] == n).count();
    let name_of: HashMap<&str, &str> = agencies
        .iter()
        .filter(|r| name_count(&r[1]) == 1)
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    let kinds = unique_kind_names(&s);
    let (header, findings) = csv_rows(&read(&w.data().join("findings.csv")));
    assert_eq!(
        header,
        ["id", "agency", "kind", "count", "date", "evidence"],
        "the example's columns"
    );
    let rows: Vec<Vec<String>> = findings
        .iter()
        .map(|r| {
            let agency = name_of.get(r[1].as_str()).map_or(r[1].clone(), |n| n.to_string());
            let kind = kinds.get(&r[2]).map_or(r[2].clone(), |n| full_width(n));
            vec![r[0].clone(), agency, kind, r[3].clone(), r[4].clone(), r[5].clone()]
        })
        .collect();
    let named = rows.iter().zip(&findings).filter(|(a, b)| a[2] != b[2]).count();
    assert!(named * 2 > findings.len(), "most findings name their kind in Chinese");
    let header = ["编号", "单位名称", "问题类型？", "数量", "日期", "佐证材料"];
    w.write("findings.csv", csv_text(&header, &rows).as_bytes());
}

#[test]
fn chinese_headers_and_names_score_byte_identically() {
    let plain = Work::new();
    score_cmd(rules(), &plain.data(), &plain.out()).assert().success();
    let hashes = |w: &Work| -> Vec<(String, String)> {
        scores_json(&w.out())["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (r["path"].as_str().unwrap().to_string(), r["sha256"].as_str().unwrap().to_string())
            })
            .collect()
    };
    let chinese = Work::new();
    rewrite_in_chinese(&chinese);
    let out = score_cmd(rules(), &chinese.data(), &chinese.out()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rankings = |w: &Work| read(&w.out().join("rankings.csv"));
    assert_eq!(rankings(&plain), rankings(&chinese));
    // scores.json records each input file's SHA-256: the two rewritten files differ there alone.
    let mut json = read(&chinese.out().join("scores.json"));
    let (before, after) = (hashes(&plain), hashes(&chinese));
    for ((path, old), (path2, new)) in before.iter().zip(&after) {
        assert_eq!(path, path2);
        assert_eq!(old != new, path == "agencies.csv" || path == "findings.csv", "{path}");
        json = json.replace(new.as_str(), old);
    }
    assert_eq!(read(&plain.out().join("scores.json")), json);
}

#[test]
fn a_name_two_agencies_share_is_an_error_listing_their_ids() {
    let w = Work::new();
    w.append("agencies.csv", "dup-1,同名单位,city,");
    w.append("agencies.csv", "dup-2,同名单位,city,");
    let line = w.append("findings.csv", "F-X,同名单位,gazette-defect,1,2022-03-04,x");
    let err = w.score().assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8_lossy(&err);
    assert!(
        err.contains(&format!(
            "findings.csv:{line}: `agency`: `同名单位` is the name of several agencies: \
             dup-1 (同名单位), dup-2 (同名单位): expected the agency's id"
        )),
        "{err}"
    );
}

#[test]
fn an_unknown_group_is_one_message_counting_the_rows_it_leaves_unchecked() {
    let w = Work::new();
    let (_, agencies) = csv_rows(&read(&w.data().join("agencies.csv")));
    let (_, findings) = csv_rows(&read(&w.data().join("findings.csv")));
    // Every agency of one group gets a misspelt group: the counts come from the files.
    let group = &agencies[0][2];
    let ids: Vec<&String> = agencies.iter().filter(|r| &r[2] == group).map(|r| &r[0]).collect();
    let mut text = String::from("id,name,group,parent\n");
    for r in &agencies {
        let g = if &r[2] == group { "设区巿" } else { r[2].as_str() };
        text.push_str(&format!("{},{},{},{}\n", r[0], r[1], g, r[3]));
    }
    w.write("agencies.csv", text.as_bytes());
    let mut rows = 0;
    for file in
        ["findings.csv", "tasks.csv", "measures.csv", "awards.csv", "lookback.csv", "survey.csv"]
    {
        let (h, r) = csv_rows(&read(&w.data().join(file)));
        let col = h.iter().position(|c| c == "agency").unwrap();
        rows += r.iter().filter(|r| ids.contains(&&r[col])).count();
    }
    assert!(rows > findings.len() / 10, "the group's agencies have rows");
    let out = w.score().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one message:\n{err}");
    assert!(
        err.contains(&format!(
            "agencies.csv:2: `group`: unknown group `设区巿` for agency `{}` (did you mean city (设区市)?): \
             expected one of city (设区市), county (县(市、区)), department (省直部门); {} agencies \
             have this group, and their {rows} rows in other files are not checked until this is fixed",
            agencies[0][0],
            ids.len()
        )),
        "{err}"
    );
    // The same in Chinese, as a user sees it.
    let out = score_cmd(rules(), &w.data(), &w.out()).env_remove("KAOHE_LANG").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "单位“{}”的类别“设区巿”未在考核方案中定义（是否指 city（设区市）？）",
            agencies[0][0]
        )) && err.contains(&format!(
            "共有 {} 个单位填了这个类别，它们在其他表中的 {rows} 行在改正前不做核对",
            ids.len()
        )),
        "{err}"
    );
}

#[test]
fn one_unknown_kind_on_many_rows_is_one_message_with_the_count() {
    let w = Work::new();
    let a = w.append("findings.csv", "F-X1,140100,gazete-defect,1,2022-03-04,x");
    let b = w.append("findings.csv", "F-X2,140200,gazete-defect,1,2022-03-04,y");
    let c = w.append("findings.csv", "F-X3,140300,gazete-defect,1,2022-03-04,z");
    let out = w.score().output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!(
            "findings.csv:{a}: `kind`: unknown finding kind `gazete-defect`: expected a kind priced \
             in the rules (did you mean gazette-defect"
        )) && err.contains(&format!("; the same on 2 more rows: findings.csv:{b}, findings.csv:{c}")),
        "{err}"
    );
}

#[test]
fn did_you_mean_for_headers_agencies_and_look_back_kinds() {
    let w = Work::new();
    let text = read(&w.data().join("awards.csv")).replacen("evidence", "佐证材科", 1);
    w.write("awards.csv", text.as_bytes());
    let out = w.score().output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "awards.csv:1: `佐证材科`: unknown column 5 `佐证材科` (did you mean 佐证材料?)"
        ),
        "{err}"
    );

    let w = Work::new();
    let line = w.append("findings.csv", "F-X,140199,gazette-defect,1,2022-03-04,x");
    let err = String::from_utf8_lossy(&w.score().output().unwrap().stderr).into_owned();
    assert!(
        err.contains(&format!("findings.csv:{line}: `agency`: unknown agency `140199`")),
        "{err}"
    );
    assert!(err.contains("140100 (太原市)"), "names shown: {err}");

    let w = Work::new();
    let line = w.append("lookback.csv", "P-X,140100,gazette-defct,rectified,x");
    let err = String::from_utf8_lossy(&w.score().output().unwrap().stderr).into_owned();
    assert!(
        err.contains(&format!(
            "lookback.csv:{line}: `kind`: unknown look-back kind `gazette-defct`"
        )) && err.contains("(did you mean gazette-defect"),
        "{err}"
    );
}

/// A block veto (`[[veto]] indicator = "W"`) for an agency W does not apply to. The scheme means
/// "this block of the agency's assessment counts 0": an agency not assessed on W has nothing to
/// zero, so the finding is not an input error (it was made, and is kept in the ledger); the node
/// line is absent, and a veto's `grade` is still the agency's grade, because the grade belongs to
/// the agency as a whole (docs/rules.md §11.3a). A kind that both deducts in W and triggers the veto
/// is treated alike: the veto side is what the finding is about.
#[test]
fn a_block_veto_for_an_agency_its_block_does_not_apply_to_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.toml");
    std::fs::write(
        &rules,
        r#"
[scheme]
id = "block-veto-elsewhere"
title = "t"
basis = "b"
total = 100

[[group]]
id = "county"
name = "县"
  [[group.grade]]
  name = "合格"
  min = 60
  [[group.grade]]
  name = "不合格"
  min = 0

[[group]]
id = "dept"
name = "部门"
  [[group.grade]]
  name = "合格"
  min = 60
  [[group.grade]]
  name = "不合格"
  min = 0

[[indicator]]
id = "W"
name = "网站"
max = 40
basis = "b"
groups = ["county"]
  [[indicator.deduct]]
  kind = "site-down"
  name = "网站无法访问"
  points = 5

[[indicator]]
id = "G"
name = "其他"
max = 60
basis = "b"
  [[indicator.deduct]]
  kind = "g"
  name = "其他问题"
  points = 1

[[veto]]
id = "site-down"
kind = "site-down"
name = "网站无法访问(单项否决)"
indicator = "W"
basis = "b"

[[veto]]
id = "hacked"
kind = "hacked"
name = "网站被篡改(单项否决)"
indicator = "W"
grade = "不合格"
basis = "b"
"#,
    )
    .unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(
        data.join("agencies.csv"),
        "单位代码,单位名称,类别\nc1,县一,县\nd1,部门一,部门\nd2,部门二,部门\n",
    )
    .unwrap();
    std::fs::write(
        data.join("findings.csv"),
        "编号,单位代码,问题类型,数量\nF1,c1,网站无法访问,1\nF2,d1,site-down,1\nF3,d2,hacked,1\nF4,d1,g,2\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let run = score_cmd(&rules, &data, &out).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let json = scores_json(&out);
    let agency = |id: &str| {
        json["agencies"].as_array().unwrap().iter().find(|a| a["agency_id"] == id).unwrap().clone()
    };
    // c1: W 40 − 5 = 35, then zeroed by the veto → 0; G 60 → total 60 on the applicable 100.
    assert_eq!(dec(agency("c1")["total"].as_str().unwrap()), dec("60"));
    // d1: only G applies (60): 60 − 2 = 58, rescaled to 100: 58/60 × 100 = 96.67 (rounded to the
    // scheme's default decimals); the site-down finding zeroes nothing.
    let d1 = agency("d1");
    let d2 = agency("d2");
    assert_eq!(d1["grade"], "合格", "{d1}");
    // d2: G 60/60 → 100, but the `hacked` veto forces 不合格 (the agency's grade).
    assert_eq!(dec(d2["total"].as_str().unwrap()), dec("100"));
    assert_eq!(d2["grade"], "不合格");
}
