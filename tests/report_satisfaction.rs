//! The survey satisfaction chart: one per surveyed group, rows best index first, below-minimum
//! results marked. Expected values come from the fixture's own table (`SURVEY_ROWS`), never from
//! the program's output.

mod report_support;
mod util;

use std::str::FromStr;

use kaohe::report::chart::{self, AnyChart};
use report_support::{CITIES, COUNTIES, SURVEY_ROWS};
use rust_decimal::Decimal;

fn satisfaction(name: &str) -> AnyChart {
    let result = report_support::run_result();
    chart::plan(&result, None, false)
        .into_iter()
        .find(|c| c.name() == name)
        .unwrap_or_else(|| panic!("no chart {name}"))
}

/// The fixture's display label of an agency id (the two 城区 named with their city).
fn label(id: &str) -> String {
    let i: usize = id[1..].parse().unwrap();
    match &id[..1] {
        "c" => CITIES[i].to_string(),
        "k" => {
            let (name, parent) = COUNTIES[i];
            if COUNTIES.iter().filter(|c| c.0 == name).count() > 1 {
                format!("{name}（{parent}）")
            } else {
                name.to_string()
            }
        }
        _ => unreachable!(),
    }
}

/// The fixture's survey rows of a group (`c` or `k`), best index first, as (id, index, below).
fn expected(prefix: char) -> Vec<(&'static str, Decimal, bool)> {
    let mut rows: Vec<(&str, Decimal, bool)> = SURVEY_ROWS
        .iter()
        .filter(|r| r.0.starts_with(prefix))
        .map(|r| (r.0, Decimal::from_str(r.1).unwrap(), r.4))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    rows
}

struct Svg {
    /// (x, y, text) of every text element.
    texts: Vec<(f64, f64, String)>,
    /// (cx, cy, fill, stroke) of every circle.
    circles: Vec<(f64, f64, String, String)>,
}

fn parse_svg(svg: &str) -> Svg {
    let doc = roxmltree::Document::parse(svg).expect("SVG parses as XML");
    let num = |n: &roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
    let texts = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| (num(&n, "x"), num(&n, "y"), n.text().unwrap_or("").trim().to_string()))
        .collect();
    let circles = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .map(|n| {
            let attr = |a: &str| n.attribute(a).unwrap_or("").to_string();
            (num(&n, "cx"), num(&n, "cy"), attr("fill"), attr("stroke"))
        })
        .collect();
    Svg { texts, circles }
}

#[test]
fn one_chart_per_surveyed_group() {
    let result = report_support::run_result();
    let names: Vec<String> = chart::plan(&result, None, false)
        .iter()
        .map(|c| c.name())
        .filter(|n| n.starts_with("satisfaction-"))
        .collect();
    // Departments have no survey rows in the fixture, so no chart.
    assert_eq!(names, ["satisfaction-city", "satisfaction-county"]);
}

#[test]
fn chart_decodes_at_its_size_and_names_every_agency_of_the_group() {
    for (name, prefix, count) in
        [("satisfaction-city", 'c', CITIES.len()), ("satisfaction-county", 'k', COUNTIES.len())]
    {
        let c = satisfaction(name);
        let r = c.render(96).unwrap();
        let decoder = png::Decoder::new(&r.png[..]);
        let info = decoder.read_info().expect("PNG decodes");
        assert_eq!((info.info().width, info.info().height), c.size(), "{name}");
        let svg = parse_svg(&r.svg);
        for i in 0..count {
            let l = label(&format!("{prefix}{:04}", i));
            assert!(svg.texts.iter().any(|t| t.2 == l), "{name} lacks the row label {l}");
        }
        // Every text drawn from the data is offered to the glyph check.
        let labels = c.labels();
        for t in svg.texts.iter().filter(|t| !t.2.chars().all(|ch| ch.is_ascii_digit())) {
            assert!(labels.contains(&t.2), "{name}: text {:?} not in labels()", t.2);
        }
    }
    // 平城区 (k0004) has no survey result: listed, and said so.
    let svg = parse_svg(&satisfaction("satisfaction-county").render(96).unwrap().svg);
    assert!(svg.texts.iter().any(|t| t.2 == "无调查结果"));
}

#[test]
fn rows_and_dots_follow_the_index_best_first() {
    for (name, prefix) in [("satisfaction-city", 'c'), ("satisfaction-county", 'k')] {
        let want = expected(prefix);
        let AnyChart::Satisfaction(c) = satisfaction(name) else { panic!("{name}") };
        let ids: Vec<&str> = c.rows().iter().map(|r| r.agency_id.as_str()).collect();
        let want_ids: Vec<&str> = want.iter().map(|w| w.0).collect();
        assert_eq!(ids, want_ids, "{name}: chart data order");
        let mean = want.iter().map(|w| w.1).sum::<Decimal>() / Decimal::from(want.len());
        assert_eq!(c.mean(), mean);

        // Through the SVG: row labels top to bottom are the agencies by index.
        let svg = parse_svg(&AnyChart::Satisfaction(c).render(96).unwrap().svg);
        let y_of = |l: &str| svg.texts.iter().find(|t| t.2 == l).map(|t| t.1).unwrap();
        let ys: Vec<f64> = want.iter().map(|w| y_of(&label(w.0))).collect();
        assert!(ys.windows(2).all(|p| p[0] < p[1]), "{name}: labels not in index order {ys:?}");
        // One dot per result (a filled one, or for a below-minimum result the grey ring), on its
        // row; lower rows sit further left, as their index is lower.
        let legend_y = svg.circles.iter().map(|c| c.1).fold(f64::INFINITY, f64::min);
        let mut dots: Vec<(f64, f64)> = svg
            .circles
            .iter()
            .filter(|c| c.1 > legend_y && (c.2 == "#0072B2" || c.3 == "#969696"))
            .map(|c| (c.1, c.0))
            .collect();
        dots.sort_by(|a, b| a.partial_cmp(b).unwrap());
        assert_eq!(dots.len(), want.len(), "{name}: {dots:?}");
        for (k, (cy, cx)) in dots.iter().enumerate() {
            assert!((cy - ys[k]).abs() <= 3.0, "{name}: dot {k} at y {cy}, row at {}", ys[k]);
            if k > 0 {
                assert!(*cx <= dots[k - 1].1, "{name}: dot {k} right of the one above");
            }
        }
    }
}

#[test]
fn below_minimum_results_are_drawn_hollow_and_said_so() {
    for (name, prefix) in [("satisfaction-city", 'c'), ("satisfaction-county", 'k')] {
        let want = expected(prefix);
        let svg = parse_svg(&satisfaction(name).render(96).unwrap().svg);
        let rings: Vec<f64> =
            svg.circles.iter().filter(|c| c.2 == "none" && c.3 == "#969696").map(|c| c.1).collect();
        assert!(
            svg.texts.iter().any(|t| t.2 == "样本量不足（灰色空心）"),
            "{name}: no legend entry"
        );
        for (id, index, below) in &want {
            let row_y = svg.texts.iter().find(|t| t.2 == label(id)).unwrap().1;
            let values = svg
                .texts
                .iter()
                .find(|t| (t.1 - row_y).abs() <= 1.0 && t.2.starts_with(&format!("{index:.2}")))
                .unwrap_or_else(|| panic!("{name}: no numbers for {id}"));
            assert_eq!(values.2.ends_with("样本量不足"), *below, "{name} {id}: {}", values.2);
            let ring = rings.iter().any(|cy| (cy - row_y).abs() <= 3.0);
            assert_eq!(ring, *below, "{name} {id}: hollow dot");
        }
    }
    // 阳泉市 is below the minimum with an interval: the interval is written beside it.
    let svg = parse_svg(&satisfaction("satisfaction-city").render(96).unwrap().svg);
    assert!(svg.texts.iter().any(|t| t.2 == "90.20 [80.60, 99.10]  n=21  样本量不足"));
    // 迎泽区 is below the minimum with no interval.
    let svg = parse_svg(&satisfaction("satisfaction-county").render(96).unwrap().svg);
    assert!(svg.texts.iter().any(|t| t.2 == "66.40  n=12  样本量不足"));
}

/// The engine keeps the survey file's interval and carries every row into `RunResult.surveys`
/// (scores.json), sorted by survey and agency id whatever the file's order.
#[test]
fn scores_json_carries_the_survey_rows_and_their_intervals() {
    let root = &util::repo();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    for f in ["agencies.csv", "findings.csv", "tasks.csv", "measures.csv"] {
        std::fs::copy(root.join("examples/shanxi-2022").join(f), data.join(f)).unwrap();
    }
    std::fs::write(
        data.join("survey.csv"),
        "agency,survey,index,ci_low,ci_high,n,n_eff,below_minimum\n\
         140200,shanxi-2022-public,61.5,58.25,64.75,70,66.5,false\n\
         140100,shanxi-2022-public,88.1,,,9,,true\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    // No awards or look-back file: said explicitly (an absent input kind is otherwise an error).
    util::kaohe()
        .arg("score")
        .args(["--allow-missing", "awards", "--allow-missing", "lookback"])
        .arg("--data")
        .arg(&data)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("scores.json")).unwrap()).unwrap();
    let s = json["surveys"].as_array().expect("scores.json has surveys");
    assert_eq!(s.len(), 2);
    let dec = |v: &serde_json::Value| Decimal::from_str(v.as_str().unwrap()).unwrap();
    assert_eq!(s[0]["agency_id"], "140100");
    assert_eq!(dec(&s[0]["index"]), Decimal::from_str("88.1").unwrap());
    assert!(s[0]["ci_low"].is_null() && s[0]["ci_high"].is_null());
    assert_eq!((s[0]["n"].as_u64(), s[0]["below_minimum"].as_bool()), (Some(9), Some(true)));
    assert_eq!(s[1]["agency_id"], "140200");
    assert_eq!(s[1]["survey"], "shanxi-2022-public");
    assert_eq!(dec(&s[1]["ci_low"]), Decimal::from_str("58.25").unwrap());
    assert_eq!(dec(&s[1]["ci_high"]), Decimal::from_str("64.75").unwrap());
    assert_eq!((s[1]["n"].as_u64(), s[1]["below_minimum"].as_bool()), (Some(70), Some(false)));
}
