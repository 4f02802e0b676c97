//! A total is exactly the sum of its ledger (issue 11), checked with exact rational arithmetic
//! (num-rational over BigInt), not with the engine's own decimal type: every agency's total and
//! every component in scores.json of the bundled example equals the exact sum of its lines.

mod util;

use num_bigint::BigInt;
use num_rational::BigRational;
use serde_json::Value;

/// A decimal string (`-12.345`) as an exact rational.
fn exact(s: &str) -> BigRational {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let numer: BigInt = format!("{int}{frac}").parse().expect("a decimal number");
    let denom = BigInt::from(10u32).pow(frac.len() as u32);
    let r = BigRational::new(numer, denom);
    if neg { -r } else { r }
}

fn num(v: &Value) -> BigRational {
    exact(v.as_str().unwrap_or_else(|| panic!("a decimal string, got {v}")))
}

#[test]
fn exact_rational_parser_is_right() {
    assert_eq!(exact("0.1") + exact("0.2"), exact("0.3"));
    assert_eq!(exact("-1.50"), BigRational::new(BigInt::from(-3), BigInt::from(2)));
    assert_eq!(exact("12"), BigRational::from_integer(BigInt::from(12)));
}

#[test]
fn every_total_and_component_is_the_exact_sum_of_its_ledger() {
    let w = util::Work::new();
    w.score().assert().success();
    let json: Value = serde_json::from_str(&util::read(&w.out().join("scores.json"))).unwrap();
    let dims: Vec<&str> = json["scheme"]["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    let agencies = json["agencies"].as_array().unwrap();
    assert_eq!(agencies.len(), 168, "the example has 168 agencies");
    let mut wrong = Vec::new();
    for a in agencies {
        let id = a["agency_id"].as_str().unwrap();
        // A line is [rule, component, step, points, source, detail] (docs/scores-format.md).
        let lines = a["ledger"].as_array().unwrap();
        let sum_where = |pred: &dyn Fn(&Value) -> bool| -> BigRational {
            lines.iter().filter(|l| pred(&l[1])).map(|l| num(&l[3])).sum()
        };
        let total = sum_where(&|_| true);
        if total != num(&a["total"]) {
            wrong.push(format!("{id}: total {} ≠ Σ ledger {total}", a["total"]));
        }
        for (k, name) in
            ["rescale", "bonus", "penalty", "lookback", "adjustment"].iter().enumerate()
        {
            let s = sum_where(&|c| *c == format!("*{name}"));
            if s != num(&a[*name]) {
                wrong.push(format!("{id}: {name} {} ≠ Σ lines {s} ({k})", a[*name]));
            }
        }
        for (i, d) in dims.iter().enumerate() {
            let v = &a["dimensions"][i];
            let has = lines.iter().any(|l| l[1] == *d);
            if v.is_null() {
                assert!(!has, "{id}: dimension {d} has lines but no value");
                continue;
            }
            let s = sum_where(&|c| *c == **d);
            if s != num(v) {
                wrong.push(format!("{id}: dimension {d} {v} ≠ Σ lines {s}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{} mismatches:\n{}", wrong.len(), wrong.join("\n"));
}
