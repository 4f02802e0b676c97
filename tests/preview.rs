//! Agencies' previews: what-if totals worked out by hand (tests/fixtures/preview), pending appeals
//! both ways, aggregates withheld for small groups, unknown ids, and the leak test: no file of
//! agency A's bundle holds any other agency's id, name or individual score.

mod util;

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use predicates::prelude::*;
use util::*;

fn fixture() -> (PathBuf, PathBuf) {
    let f = repo().join("tests/fixtures/preview");
    (f.join("rules.toml"), f.join("data"))
}

fn preview(args: &[&str]) -> String {
    let (rules, data) = fixture();
    let out = kaohe()
        .arg("preview")
        .arg(rules)
        .arg("--data")
        .arg(data)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

// Official (by hand): a1 = 6 − 2 (F1) + 4 − 1 (F2) = 7; look-back P1 (k, not rectified, k found
// again) 2 × 2 = 4, P2 (k2, partial, found again) 1 × 2 = 2 → 7 − 6 = 1, rank 3 of 3, 合格.

#[test]
fn official_breakdown_and_aggregates() {
    let s = preview(&["--agency", "a1"]);
    assert!(s.contains("total 1.00  grade 合格  rank 3 of 3"), "{s}");
    // Group g totals 1, 9, 10: mean 20/3 = 6.67, median 9, top 10.
    assert!(s.contains("甲组 (3 agencies): mean 6.67, median 9.00, top 10.00"), "{s}");
}

#[test]
fn what_if_a_finding_is_dropped() {
    // Without F1: A.1 6, A.2 3 → 9; P1's kind k is no longer found again → 2; P2 → 2: 9 − 4 = 5.
    let s = preview(&["--agency", "a1", "--drop-finding", "F1"]);
    assert!(s.contains("what-if   total    5.00  grade 合格  rank 3 of 3  (+4.00)"), "{s}");
    assert!(s.contains("-        -2  A.1"), "F1's line is listed as removed: {s}");
}

#[test]
fn what_if_dropped_and_rectified() {
    // Without F1 and with P1, P2 rectified: 9 − 0 = 9, tied with a2 at 9 → rank 2 (1, 2, 2), 优.
    let s = preview(&["--agency", "a1", "--drop-finding", "F1", "--assume-rectified", "P1", "P2"]);
    assert!(s.contains("what-if   total    9.00  grade 优  rank 2 of 3  (+8.00)"), "{s}");
}

/// `preview --agency a1 --with FILE` refuses FILE: a row of it is about a2.
fn refused_as_a2s(file: &std::path::Path) {
    let (rules, data) = fixture();
    kaohe()
        .arg("preview")
        .arg(rules)
        .arg("--data")
        .arg(data)
        .args(["--agency", "a1", "--with"])
        .arg(file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the row is about agency `a2`"));
}

#[test]
fn what_if_with_replacement_rows() {
    // F2 replaced by a row with count 0: A.1 4, A.2 4 → 8; P1 (k found again) −4; P2's kind k2
    // has no finding any more (count 0 is no finding) → −1: 8 − 5 = 3.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("findings.csv");
    std::fs::write(&f, "id,agency,kind,count\nF2,a1,k2,0\n").unwrap();
    let s = preview(&["--agency", "a1", "--with", f.to_str().unwrap()]);
    assert!(s.contains("what-if   total    3.00"), "{s}");
    // A row about another agency is refused.
    std::fs::write(&f, "id,agency,kind,count\nF9,a2,k,1\n").unwrap();
    refused_as_a2s(&f);
}

#[test]
fn what_if_rows_may_name_agencies_and_kinds_in_chinese() {
    // The same replacement as above, written as an office would: 单位名称 and the scheme's name
    // of the kind (问题k2 is k2) under Chinese headers. Same total: 3.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("findings.csv");
    std::fs::write(&f, "编号,单位名称,问题类型,数量\nF2,一号单位,问题k2,0\n").unwrap();
    let s = preview(&["--agency", "a1", "--with", f.to_str().unwrap()]);
    assert!(s.contains("what-if   total    3.00"), "{s}");
    // One more finding of 问题k (k, 1 point each, cap 4) for 一号单位: A.1 6 − 2 (F1) − 1 (F9) = 3,
    // A.2 4 − 1 (F2) = 3: 6; look-back P1 −4, P2 −2 as before → 0, one below the official 1.
    std::fs::write(&f, "编号,单位名称,问题类型,数量\nF9,一号单位,问题k,1\n").unwrap();
    let s = preview(&["--agency", "a1", "--with", f.to_str().unwrap()]);
    assert!(s.contains("what-if   total    0.00"), "{s}");
    assert!(s.contains("(-1.00)"), "{s}");
    // Another agency named by its name is still another agency's row.
    std::fs::write(&f, "编号,单位名称,问题类型,数量\nF9,二号单位,问题k,1\n").unwrap();
    refused_as_a2s(&f);
}

#[test]
fn pending_appeal_shows_the_score_both_ways() {
    // a2: 10 − 1 (F3) = 9; F3's appeal is pending: if won, 10.
    let s = preview(&["--agency", "a2"]);
    assert!(s.contains("total 9.00  grade 优  rank 2 of 3"), "{s}");
    assert!(s.contains("What if: if the pending appeals on F3 are won"), "{s}");
    assert!(s.contains("what-if   total   10.00  grade 优  rank 1 of 3  (+1.00)"), "{s}");
}

#[test]
fn aggregates_are_withheld_for_groups_under_three() {
    let s = preview(&["--agency", "b1"]);
    assert!(s.contains("乙组 (2 agencies): group aggregates withheld"), "{s}");
    assert!(!s.contains("mean"), "{s}");
}

#[test]
fn unknown_agency_lists_close_matches() {
    let (rules, data) = fixture();
    for (mut cmd, said) in [
        (kaohe(), "no agency with id `a4`: did you mean a1, a2, a3"),
        (kaohe_zh(), "没有单位代码为 `a4` 的单位：是否要找 a1, a2, a3"),
    ] {
        cmd.arg("preview")
            .arg(&rules)
            .arg("--data")
            .arg(&data)
            .args(["--agency", "a4"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(said));
    }
}

#[test]
fn chinese_by_default_in_the_page_and_the_terminal() {
    let (rules, data) = fixture();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("a1.html");
    let run = kaohe_zh()
        .arg("preview")
        .arg(&rules)
        .arg("--data")
        .arg(&data)
        .args(["--agency", "a1", "--drop-finding", "F1", "--html", page.to_str().unwrap()])
        .assert()
        .success();
    let out = String::from_utf8(run.get_output().stdout.clone()).unwrap();
    // The what-if of `what_if_drop_finding…`: 1.00 → 5.00, in Chinese.
    assert!(out.contains("假设：去掉问题 F1"), "{out}");
    assert!(out.contains("假设结果  总分    5.00  等次 合格  名次 3 / 3（+4.00）"), "{out}");
    let html = read(&page);
    assert!(html.contains("<html lang=\"zh-CN\">"));
    for words in ["失分项（按失分从多到少）", "假设：去掉问题 F1", "得分明细（每一分的来源）"]
    {
        assert!(html.contains(words), "{words} not in the page");
    }
}

#[test]
fn html_page_is_self_contained() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("a1.html");
    preview(&["--agency", "a1", "--drop-finding", "F1", "--html", page.to_str().unwrap()]);
    let html = read(&page);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("一号单位") && html.contains("What if: without findings F1"));
    for banned in ["<script", "http://", "https://", "<link"] {
        assert!(!html.contains(banned), "{banned} in the page");
    }
    // The one image is the agency-against-group chart, inline; it decodes as a PNG.
    assert_eq!(html.matches("src=").count(), 1);
    let data = html
        .split("src=\"data:image/png;base64,")
        .nth(1)
        .expect("an inline PNG")
        .split('"')
        .next()
        .unwrap();
    use base64::Engine;
    let png = base64::engine::general_purpose::STANDARD.decode(data).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let info = decoder.read_info().unwrap();
    assert!(info.info().width > 400 && info.info().height > 200);
    for other in ["二号单位", "三号单位", ">a2<", ">a3<"] {
        assert!(!html.contains(other), "{other} leaked into a1's page");
    }
}

/// Occurrences of `id` in `text` as a whole token (not part of a longer id such as 140100-01).
fn has_token(text: &str, id: &str) -> bool {
    let id_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    text.match_indices(id).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + id.len()..].chars().next();
        !before.is_some_and(id_char) && !after.is_some_and(id_char)
    })
}

fn numbers(text: &str) -> BTreeSet<String> {
    // Digits inside a word (`AY70AY` of an embedded font's base64, `D5`) or a CSS colour (`#070`)
    // are not a number shown.
    let in_word = |c: char| c.is_ascii_alphabetic() || c == '+' || c == '/' || c == '#';
    let mut out = BTreeSet::new();
    let mut cur = String::new();
    let (mut prev, mut glued) = (' ', false);
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !cur.is_empty()) {
            if cur.is_empty() {
                glued = in_word(prev);
            }
            cur.push(c);
        } else if !cur.is_empty() {
            if glued || in_word(c) {
                cur.clear();
            } else if let Ok(d) = cur.trim_end_matches('.').parse::<rust_decimal::Decimal>() {
                out.insert(
                    d.round_dp_with_strategy(
                        2,
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                    )
                    .normalize()
                    .to_string(),
                );
            }
            cur.clear();
        }
        prev = c;
    }
    out
}

#[test]
fn no_bundle_holds_another_agencys_id_name_or_score() {
    let w = Work::new();
    let previews = w.path("previews");
    kaohe()
        .arg("export-previews")
        .arg(rules())
        .arg("--data")
        .arg(w.data())
        .arg("--out")
        .arg(&previews)
        .assert()
        .success();
    w.score().assert().success();
    let scores: serde_json::Value = scores_json(&w.out());
    let agencies = scores["agencies"].as_array().unwrap();
    assert_eq!(agencies.len(), 168);
    // The published scheme may itself name an agency (a finding kind "(省发展改革委)重大建设项目…"
    // for a task that agency leads): its text is public, not another agency's data.
    let scheme_text = std::fs::read_to_string(rules()).unwrap();
    // Everything A may legitimately show: the numbers of its own result, and its group's
    // aggregates (worked out here from the official totals, not read from the bundle).
    use rust_decimal::Decimal;
    let dec = |v: &serde_json::Value| v.as_str().unwrap().parse::<Decimal>().unwrap();
    let mut group_totals: HashMap<&str, Vec<Decimal>> = HashMap::new();
    // Per group and dimension: the score rates (points ÷ applicable max, %) of its agencies.
    let mut group_rates: HashMap<(&str, usize), Vec<Decimal>> = HashMap::new();
    for a in agencies {
        let g = a["group"].as_str().unwrap();
        group_totals.entry(g).or_default().push(dec(&a["total"]));
        for (d, (p, m)) in a["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .zip(a["dimension_max"].as_array().unwrap())
            .enumerate()
        {
            if !p.is_null() && !dec(m).is_zero() {
                group_rates.entry((g, d)).or_default().push(
                    (dec(p) * Decimal::ONE_HUNDRED / dec(m)).round_dp_with_strategy(
                        2,
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                    ),
                );
            }
        }
    }
    let mut checked = 0;
    for a in agencies {
        let id = a["agency_id"].as_str().unwrap();
        let name = a["agency"].as_str().unwrap();
        // Folders are `ID-单位名称` (the example's ids and names need no escaping).
        let dir = previews.join(format!("{id}-{name}"));
        // The page's chart is an inline PNG drawn from the agency's own rates and its group's
        // aggregates (preview::chart_png); its base64 text is no text to search.
        // So is the embedded font's data URL (`@font-face`).
        let strip_images = |mut t: String| {
            for (open, close) in [("data:image/png;base64,", '"'), ("data:font/otf;base64,", ')')] {
                while let Some(i) = t.find(open) {
                    let rest = &t[i + open.len()..];
                    let end = i + open.len() + rest.find(close).unwrap_or(rest.len());
                    t.replace_range(i..end, "");
                }
            }
            t
        };
        let mut files: Vec<(String, String)> = ["preview.html", "ledger.json"]
            .iter()
            .map(|f| (f.to_string(), strip_images(read(&dir.join(f)))))
            .collect();
        // preview.pdf: its text as pdftotext (poppler-utils) extracts it, under the same checks.
        let pdf = std::process::Command::new("pdftotext")
            .arg(dir.join("preview.pdf"))
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) runs");
        assert!(pdf.status.success(), "{id}/preview.pdf: pdftotext failed");
        files.push(("preview.pdf".into(), String::from_utf8(pdf.stdout).unwrap()));
        let mut allowed = numbers(&serde_json::to_string(a).unwrap());
        // Its own dimension score rates.
        for (p, m) in
            a["dimensions"].as_array().unwrap().iter().zip(a["dimension_max"].as_array().unwrap())
        {
            if !p.is_null() && !dec(m).is_zero() {
                allowed.insert(
                    (dec(p) * Decimal::ONE_HUNDRED / dec(m))
                        .round_dp_with_strategy(
                            2,
                            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                        )
                        .normalize()
                        .to_string(),
                );
            }
        }
        let mut totals = group_totals[a["group"].as_str().unwrap()].clone();
        totals.sort();
        let n = rust_decimal::Decimal::from(totals.len() as u64);
        allowed.insert(
            (totals.iter().copied().sum::<rust_decimal::Decimal>() / n)
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                .normalize()
                .to_string(),
        );
        allowed.insert(
            totals[totals.len() / 2]
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                .normalize()
                .to_string(),
        );
        allowed.insert(
            totals
                .last()
                .unwrap()
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                .normalize()
                .to_string(),
        );
        // The points to the next rank (the next higher total minus its own: a difference, never
        // whose) and to the next grade band (from the scheme's public thresholds).
        let own: Decimal = dec(&a["total"]);
        let mut gaps: Vec<Decimal> =
            totals.iter().filter(|t| **t > own).min().map(|t| *t - own).into_iter().collect();
        for g in scores["scheme"]["groups"].as_array().unwrap() {
            if g["id"] == a["group"] {
                gaps.extend(g["grades"].as_array().unwrap().iter().map(|b| dec(&b["min"]) - own));
            }
        }
        for d in gaps {
            allowed.insert(
                d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                    .normalize()
                    .to_string(),
            );
        }
        for ((g, _), rates) in &group_rates {
            if *g == a["group"].as_str().unwrap() {
                let m = rates.iter().copied().sum::<Decimal>() / Decimal::from(rates.len() as u64);
                for v in [m, *rates.iter().min().unwrap(), *rates.iter().max().unwrap()] {
                    allowed.insert(
                        v.round_dp_with_strategy(
                            2,
                            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                        )
                        .normalize()
                        .to_string(),
                    );
                }
            }
        }
        for (file, text) in &files {
            assert!(has_token(text, id), "{id}/{file} does not name its own agency");
            let shown = numbers(text);
            for b in agencies {
                let bid = b["agency_id"].as_str().unwrap();
                if bid == id {
                    continue;
                }
                checked += 1;
                assert!(!has_token(text, bid), "{id}/{file} holds agency id {bid}");
                let bname = b["agency"].as_str().unwrap();
                if bname != name && !name.contains(bname) && !scheme_text.contains(bname) {
                    assert!(!text.contains(bname), "{id}/{file} holds agency name {bname}");
                }
                let btotal: rust_decimal::Decimal = b["total"].as_str().unwrap().parse().unwrap();
                let bt = btotal
                    .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                    .normalize()
                    .to_string();
                assert!(
                    !shown.contains(&bt) || allowed.contains(&bt),
                    "{id}/{file} shows {bt}, agency {bid}'s total"
                );
            }
        }
    }
    assert_eq!(checked, 168 * 167 * 3, "every pair, in preview.html, ledger.json and preview.pdf");
}
