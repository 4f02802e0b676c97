//! The bundled example end to end: every agency ranked in its group, totals equal to their
//! ledgers, quotas respected, outputs identical at any thread count, the example reproducible
//! from its generator.

mod util;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use util::*;

#[test]
fn scores_the_bundled_example() {
    let w = Work::new();
    let out = w.score().assert().success().get_output().stdout.clone();
    let stdout = String::from_utf8(out).unwrap();
    assert!(stdout.contains("设区市 (city, 11 agencies)"), "{stdout}");
    assert!(stdout.contains("县(市、区) (county, 117 agencies)"), "{stdout}");
    assert!(stdout.contains("省直部门 (department, 40 agencies)"), "{stdout}");
    // The reconciliation of every input file is on the terminal too.
    assert!(stdout.contains("inputs (rows read = used + rejected):"), "{stdout}");
    assert!(stdout.contains("agencies.csv         168 =     168 + 0"), "{stdout}");

    let csv = std::fs::read(w.out().join("rankings.csv")).unwrap();
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF", "rankings.csv starts with a UTF-8 BOM for Excel");
    let mut r = csv::Reader::from_reader(&csv[3..]);
    let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(&headers[..6], ["group", "rank", "agency_id", "agency", "total", "grade"]);
    let col = |n: &str| headers.iter().position(|h| h == n).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 168);

    // Per group: sizes, competition ranks consistent with totals, quotas.
    let mut groups: BTreeMap<String, Vec<&csv::StringRecord>> = BTreeMap::new();
    for row in &rows {
        groups.entry(row[0].to_string()).or_default().push(row);
    }
    assert_eq!(groups["city"].len(), 11);
    assert_eq!(groups["county"].len(), 117);
    assert_eq!(groups["department"].len(), 40);
    // The scheme ranks an agency with an agency-level veto last in its group (veto_rank =
    // "last"); a threshold (`threshold:W`) forces a grade but is no veto.
    let vetoed = |a: &csv::StringRecord| {
        let v = &a[col("veto")];
        !v.is_empty() && !v.starts_with("threshold:")
    };
    // The dimension columns: every column between `grade` and `applicable_max`.
    let dims_at = 6..col("applicable_max");
    assert_eq!(&headers[dims_at.clone()], ["D1", "D2", "D3", "D4", "D5", "W", "E", "D7", "L", "R"]);
    for (g, members) in &groups {
        let clean = members.iter().filter(|a| !vetoed(a)).count();
        for (i, a) in members.iter().enumerate() {
            let better = members
                .iter()
                .filter(|b| vetoed(b) == vetoed(a) && dec(&b[4]) > dec(&a[4]))
                .count();
            let ahead = if vetoed(a) { clean } else { 0 };
            let rank: usize = a[1].parse().unwrap();
            // Ties on total may be split by the group's tie-break, never reordered against it.
            assert!(
                rank > ahead + better,
                "{g} row {i}: rank {rank} but {} agencies rank ahead",
                ahead + better
            );
            if i > 0 && vetoed(members[i - 1]) == vetoed(a) {
                assert!(dec(&members[i - 1][4]) >= dec(&a[4]), "{g}: rows are in rank order");
            }
            if i > 0 {
                assert!(vetoed(a) || !vetoed(members[i - 1]), "{g}: vetoed agencies come last");
            }
            // Components add up to the total exactly.
            let dims: Decimal = dims_at
                .clone()
                .map(|j| if a[j].is_empty() { Decimal::ZERO } else { dec(&a[j]) })
                .sum();
            let parts = dims
                + ["rescale", "bonus", "penalty", "lookback", "adjustment"]
                    .iter()
                    .map(|c| dec(&a[col(c)]))
                    .sum::<Decimal>();
            // Columns are written at 2 decimals; the ledger is exact: allow the rounding of ≤ 15 columns.
            assert!(
                (parts - dec(&a[4])).abs() <= dec("0.075"),
                "{g} {}: parts {parts} ≠ total {}",
                &a[2],
                &a[4]
            );
        }
        // At most max(1, ⌊30% × n⌋) 优秀 in every group.
        let limit = (members.len() * 3 / 10).max(1);
        let excellent = members.iter().filter(|a| &a[5] == "优秀").count();
        assert!(excellent <= limit, "{g}: {excellent} 优秀 > quota {limit}");
        // Nobody below a band's minimum holds that band (a veto or quota can only lower a grade).
        let min = |grade: &str| match (g.as_str(), grade) {
            ("county", "优秀") => dec("85"),
            ("county", "良好") => dec("75"),
            (_, "优秀") => dec("90"),
            (_, "良好") => dec("80"),
            (_, "合格") => dec("60"),
            _ => Decimal::ZERO,
        };
        for a in members {
            assert!(
                dec(&a[4]) >= min(&a[5]),
                "{g} {}: {} is below {}'s minimum",
                &a[2],
                &a[4],
                &a[5]
            );
        }
    }

    // scores.json: every total is exactly the sum of its ledger; hashes recorded.
    let json: serde_json::Value = scores_json(&w.out());
    let agencies = json["agencies"].as_array().unwrap();
    assert_eq!(agencies.len(), 168);
    for a in agencies {
        let total = dec(a["total"].as_str().unwrap());
        let sum: Decimal =
            a["ledger"].as_array().unwrap().iter().map(|l| dec(l[3].as_str().unwrap())).sum();
        assert_eq!(total, sum, "{}: total ≠ ledger sum", a["agency_id"]);
        for l in a["ledger"].as_array().unwrap() {
            assert!(!l[0].as_str().unwrap().is_empty());
        }
    }
    let inputs = json["inputs"].as_array().unwrap();
    assert_eq!(inputs[0]["kind"], "rules");
    for i in inputs {
        assert_eq!(i["sha256"].as_str().unwrap().len(), 64);
        assert_eq!(
            i["rows_read"],
            i["rows_used"].as_u64().unwrap() + i["rows_rejected"].as_u64().unwrap()
        );
    }
    assert!(
        inputs.iter().any(|i| i["kind"] == "findings" && i["rows_read"].as_u64().unwrap() > 100)
    );
}

#[test]
fn outputs_are_identical_at_any_thread_count() {
    let w = Work::new();
    let run = |threads: &str, out: &str| {
        let mut c = kaohe();
        c.env("RAYON_NUM_THREADS", threads)
            .arg("score")
            .arg(rules())
            .arg("--data")
            .arg(w.data())
            .arg("--out")
            .arg(w.path(out));
        c.assert().success();
    };
    run("1", "one");
    run("2", "two");
    for f in ["rankings.csv", "scores.json"] {
        let a = std::fs::read(w.path("one").join(f)).unwrap();
        let b = std::fs::read(w.path("two").join(f)).unwrap();
        assert!(a == b, "{f} differs between 1 and 2 threads");
    }
}

#[test]
fn the_bundled_example_is_what_the_generator_makes() {
    let w = Work::new();
    kaohe()
        .arg("synth")
        .arg(rules())
        .args(["--agencies", "168", "--seed", "2022"])
        .args(["--survey", "surveys/shanxi-2022-public.toml"])
        .args(["--survey", "surveys/shanxi-2022-mutual.toml", "--survey-rows", "6000", "--out"])
        .arg(w.path("gen"))
        .assert()
        .success();
    let mut compared = 0;
    for e in std::fs::read_dir(repo().join("examples/shanxi-2022")).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().into_string().unwrap();
        let generated = w.path("gen").join(&name);
        assert_eq!(
            read(&e.path()),
            read(&generated),
            "{name} differs from `kaohe synth --seed 2022 --survey surveys/shanxi-2022-public.toml --survey surveys/shanxi-2022-mutual.toml --survey-rows 6000`"
        );
        compared += 1;
    }
    // agencies, findings, tasks, measures, awards, lookback, the two survey exports (public and
    // mutual rating) with the ignore list naming them, and the survey results and valid
    // responses the importer made of them.
    assert_eq!(compared, 11);
}

#[test]
fn synth_scales_up_and_scores() {
    let w = Work::new();
    kaohe()
        .arg("synth")
        .arg(rules())
        .args(["--agencies", "500", "--seed", "7", "--out"])
        .arg(w.path("big"))
        .assert()
        .success();
    let agencies = read(&w.path("big").join("agencies.csv"));
    assert_eq!(agencies.lines().count(), 501);
    let mut ids: Vec<&str> =
        agencies.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 500, "ids are unique");
    kaohe()
        .arg("score")
        .arg(rules())
        .arg("--data")
        .arg(w.path("big"))
        .arg("--out")
        .arg(w.out())
        .assert()
        .success();
}

#[test]
fn check_runs_the_cases_in_the_shanxi_scheme() {
    let out = kaohe().arg("check").arg(rules()).assert().success().get_output().stdout.clone();
    let s = String::from_utf8(out).unwrap();
    // Every case in the scheme passes: count them in the file, not in the output.
    let cases = read(&rules()).lines().filter(|l| l.trim() == "[[case]]").count();
    assert!(cases > 0);
    assert_eq!(check_summary(&s), format!("{cases} passed, 0 failed"), "{s}");
}

#[test]
fn explain_shows_the_ledger_with_sources() {
    let w = Work::new();
    let out = kaohe()
        .arg("explain")
        .arg(rules())
        .arg("--data")
        .arg(w.data())
        .args(["--agency", "140100"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    assert!(s.starts_with("太原市 (140100) — 设区市"), "{s}");
    assert!(s.contains("rank "), "{s}");
    assert!(s.contains("tasks.csv:"), "ledger lines cite their input rows: {s}");
    assert!(s.contains("E 第三方评估与社会评议"), "{s}");
    assert!(s.contains("W 政府网站与政务新媒体"), "{s}");
}

#[test]
fn explain_of_an_unknown_agency_lists_close_matches() {
    let w = Work::new();
    kaohe()
        .arg("explain")
        .arg(rules())
        .arg("--data")
        .arg(w.data())
        .args(["--agency", "140101"])
        .assert()
        .code(2)
        .stderr(
            predicates::str::contains("no agency with id `140101`")
                .and(predicates::str::contains("140100")),
        );
}

use predicates::prelude::PredicateBooleanExt;
