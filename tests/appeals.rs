//! Appeals (申诉/复核): an overturned finding leaves the ledger with exactly its points, a partly
//! upheld one costs its new points, a pending one stands, and rankings record who was changed.

mod util;

use rust_decimal::Decimal;
use util::*;

/// (agency, finding id, count) of a website-not-first finding that is its agency's only one of
/// that kind (so the kind's cap of 4 cannot bind: count ≤ 3 costs 0.5 × count ≤ 1.5).
fn lone_finding(w: &Work) -> (String, String, u32) {
    let text = read(&w.data().join("findings.csv"));
    let rows: Vec<Vec<String>> =
        text.lines().skip(1).map(|l| l.split(',').map(str::to_string).collect()).collect();
    let of_kind: Vec<&Vec<String>> = rows.iter().filter(|r| r[2] == "website-not-first").collect();
    let r = of_kind
        .iter()
        .find(|r| of_kind.iter().filter(|o| o[1] == r[1]).count() == 1)
        .expect("a lone finding");
    (r[1].clone(), r[0].clone(), r[3].parse().unwrap())
}

fn row(w: &Work, out: &str, agency: &str) -> (Decimal, Decimal, String, String) {
    let csv = std::fs::read(w.path(out).join("rankings.csv")).unwrap();
    let mut r = csv::Reader::from_reader(&csv[3..]);
    let h: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let c = |n: &str| h.iter().position(|x| x == n).unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        if &rec[2] == agency {
            return (
                dec(&rec[c("D1")]),
                dec(&rec[c("total")]),
                rec[c("appeals_changed")].to_string(),
                rec[c("appeals_pending")].to_string(),
            );
        }
    }
    panic!("no row for {agency}")
}

fn score_into(w: &Work, out: &str) {
    score_cmd(rules(), &w.data(), &w.path(out)).assert().success();
}

#[test]
fn overturned_finding_removes_exactly_its_points() {
    let w = Work::new();
    let (agency, id, count) = lone_finding(&w);
    score_into(&w, "before");
    w.write(
        "appeals.csv",
        format!("finding,decision,points,date,note\n{id},overturned,,2023-01-20,证据不足\n")
            .as_bytes(),
    );
    score_into(&w, "after");
    let (d1_before, _, changed_before, _) = row(&w, "before", &agency);
    let (d1_after, _, changed_after, _) = row(&w, "after", &agency);
    // website-not-first costs 0.5 per finding (scoring-rules/shanxi-2022.toml, D1.1).
    assert_eq!(d1_after - d1_before, dec("0.5") * Decimal::from(count));
    assert_eq!(changed_before, "");
    assert_eq!(changed_after, id);
    // The ledger cites the decision.
    let out = kaohe()
        .arg("explain")
        .arg(rules())
        .arg("--data")
        .arg(w.data())
        .args(["--agency", &agency])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains(&format!("[{id}]"))
            && s.contains("overturned on appeal (appeals.csv:2 2023-01-20): 证据不足"),
        "{s}"
    );
}

#[test]
fn partly_upheld_and_pending() {
    let w = Work::new();
    let (agency, id, count) = lone_finding(&w);
    score_into(&w, "before");
    w.write("appeals.csv", format!("finding,decision,points\n{id},partly,0.25\n").as_bytes());
    score_into(&w, "partly");
    let (d1_before, _, _, _) = row(&w, "before", &agency);
    let (d1_partly, _, changed, _) = row(&w, "partly", &agency);
    assert_eq!(d1_partly - d1_before, dec("0.5") * Decimal::from(count) - dec("0.25"));
    assert_eq!(changed, id);
    w.write("appeals.csv", format!("finding,decision\n{id},待复核\n").as_bytes());
    score_into(&w, "pending");
    let (d1_pending, total_pending, changed, pending) = row(&w, "pending", &agency);
    let (_, total_before, _, _) = row(&w, "before", &agency);
    assert_eq!(
        (d1_pending, total_pending),
        (d1_before, total_before),
        "a pending appeal changes nothing"
    );
    assert_eq!((changed.as_str(), pending.as_str()), ("", id.as_str()));
}

#[test]
fn an_appeal_naming_no_finding_is_an_error() {
    let w = Work::new();
    w.write("appeals.csv", b"finding,decision\nF2022-99999,overturned\n");
    w.score().assert().code(2).stderr(predicates::str::contains(
        "appeals.csv:2: `finding`: no finding has id `F2022-99999`",
    ));
    w.write("appeals.csv", b"finding,decision,points\nF2022-00001,overturned,1\n");
    w.score().assert().code(2).stderr(predicates::str::contains(
        "appeals.csv:2: `points`: points are given but the decision is not `partly`",
    ));
}
