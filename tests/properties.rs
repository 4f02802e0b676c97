//! Properties of scoring, over random small schemes and inputs built here (proptest):
//!
//! (a) every total lies in [0, scheme total + bonus cap]: deductions, major kinds, penalties and
//!     the look-back can push a base below zero, but the total is floored at zero; the base never
//!     exceeds the scheme total (everything applies, so nothing is rescaled up), the bonus adds at
//!     most its cap, and a veto only lowers;
//! (b) the order of input rows (agencies, findings, awards, look-back) changes nothing but the
//!     line numbers the ledger cites: totals, ranks, grades, quota demotions and every ledger line
//!     with its `source` removed are equal.
//!
//! Scoring runs in-process (rules parsed, the data directory loaded and checked, as `kaohe score`
//! does); case counts are small so the file runs in a few seconds in a debug build.

use std::fmt::Write as _;

use proptest::prelude::*;
use rust_decimal::Decimal;

/// A deduction item: (max, points per finding, cap, major).
type Item = (u32, Decimal, Option<Decimal>, bool);

/// What must not depend on row order, for one agency.
type OrderFree = (String, Decimal, u32, String, bool, Vec<String>);

/// A small scheme: dimensions of deduction items, a bonus with an overall cap, a penalty kind, a
/// veto that caps the score, a look-back, and a quota band.
#[derive(Debug, Clone)]
struct Scheme {
    floor: &'static str,
    /// Per dimension, per item: (max, points per finding, cap, major).
    dims: Vec<Vec<Item>>,
    bonus_points: Decimal,
    bonus_item_cap: Option<Decimal>,
    bonus_cap: Decimal,
    min_base: Option<u32>,
    penalty_points: Decimal,
    veto_score: u32,
    lookback_cap: Option<Decimal>,
}

impl Scheme {
    fn total(&self) -> u32 {
        self.dims.iter().flatten().map(|i| i.0).sum()
    }
    fn kinds(&self) -> Vec<String> {
        let mut k: Vec<String> = (0..self.dims.len())
            .flat_map(|d| (0..self.dims[d].len()).map(move |i| format!("k{d}-{i}")))
            .collect();
        k.push("pen".into());
        k.push("veto".into());
        k
    }
    fn toml(&self) -> String {
        let total = self.total();
        let mut s = format!(
            "[scheme]\nid = \"p\"\ntitle = \"p\"\nbasis = \"b\"\ntotal = {total}\nfloor = \"{}\"\n\n\
             [[group]]\nid = \"g\"\nname = \"G\"\n  [[group.grade]]\n  name = \"top\"\n  min = {}\n  \
             max_share = 0.5\n  [[group.grade]]\n  name = \"pass\"\n  min = 0\n",
            self.floor,
            total.div_ceil(2)
        );
        for (d, items) in self.dims.iter().enumerate() {
            let max: u32 = items.iter().map(|i| i.0).sum();
            let _ = write!(
                s,
                "\n[[indicator]]\nid = \"D{d}\"\nname = \"D{d}\"\nmax = {max}\nbasis = \"b\"\n"
            );
            for (i, (max, points, cap, major)) in items.iter().enumerate() {
                let _ = write!(
                    s,
                    "\n[[indicator]]\nid = \"D{d}.{i}\"\nparent = \"D{d}\"\nname = \"i\"\nmax = {max}\n\
                     basis = \"b\"\n  [[indicator.deduct]]\n  kind = \"k{d}-{i}\"\n  name = \"k\"\n  \
                     points = {points}\n"
                );
                if let Some(c) = cap {
                    let _ = writeln!(s, "  cap = {c}");
                }
                if *major {
                    s.push_str("  major = true\n");
                }
            }
        }
        let _ = write!(s, "\n[bonus]\ncap = {}\n", self.bonus_cap);
        if let Some(m) = self.min_base {
            let _ = writeln!(s, "min_base = {m}");
        }
        let _ = write!(
            s,
            "  [[bonus.item]]\n  id = \"b0\"\n  name = \"b\"\n  points = {}\n  basis = \"b\"\n",
            self.bonus_points
        );
        if let Some(c) = self.bonus_item_cap {
            let _ = writeln!(s, "  cap = {c}");
        }
        let _ = write!(
            s,
            "\n[penalty]\n  [[penalty.kind]]\n  kind = \"pen\"\n  name = \"p\"\n  points = {}\n  \
             basis = \"b\"\n\n[[veto]]\nid = \"v\"\nkind = \"veto\"\nname = \"v\"\nscore = {}\n\
             basis = \"b\"\n\n[lookback]\nbasis = \"b\"\nrepeat_multiplier = 2\n",
            self.penalty_points, self.veto_score
        );
        if let Some(c) = self.lookback_cap {
            let _ = writeln!(s, "cap = {c}");
        }
        s.push_str(
            "  [lookback.points]\n  rectified = 0\n  late = 0.5\n  partial = 1\n  not_rectified = 2\n",
        );
        s
    }
}

fn half_points() -> impl Strategy<Value = Decimal> {
    (1u32..=8).prop_map(|n| Decimal::new(n as i64 * 5, 1)) // 0.5 … 4
}

fn scheme() -> impl Strategy<Value = Scheme> {
    let item = (1u32..=10, half_points(), prop::option::of(half_points()), any::<bool>())
        .prop_map(|(max, p, cap, major)| (max, p, if major { None } else { cap }, major));
    (
        prop::sample::select(vec!["item", "dimension", "none"]),
        prop::collection::vec(prop::collection::vec(item, 1..=3), 1..=3),
        half_points(),
        prop::option::of(half_points()),
        half_points(),
        any::<bool>(),
        half_points(),
        0u32..=100,
        prop::option::of(half_points()),
    )
        .prop_map(|(floor, dims, bp, bic, bc, gate, pen, veto, lbc)| {
            let s = Scheme {
                floor,
                dims,
                bonus_points: bp,
                bonus_item_cap: bic,
                bonus_cap: bc,
                min_base: None,
                penalty_points: pen,
                veto_score: 0,
                lookback_cap: lbc,
            };
            let total = s.total();
            Scheme { min_base: gate.then_some(total / 2), veto_score: veto % (total + 1), ..s }
        })
}

/// Rows of the data files (without header), agencies first.
#[derive(Debug, Clone)]
struct Data {
    agencies: Vec<String>,
    findings: Vec<String>,
    awards: Vec<String>,
    lookback: Vec<String>,
}

fn data(s: &Scheme) -> impl Strategy<Value = Data> + use<> {
    let kinds = s.kinds();
    (2usize..=6).prop_flat_map(move |n| {
        let kinds = kinds.clone();
        let finding = (0..n, prop::sample::select(kinds.clone()), 0u32..=4);
        let award = (0..n, 0u32..=4);
        let status = prop::sample::select(vec!["rectified", "late", "partial", "not_rectified"]);
        let lookback = (0..n, prop::sample::select(kinds), status);
        (
            prop::collection::vec(finding, 0..12),
            prop::collection::vec(award, 0..5),
            prop::collection::vec(lookback, 0..5),
        )
            .prop_map(move |(f, a, l)| Data {
                agencies: (0..n).map(|i| format!("a{i},A{i},g,")).collect(),
                findings: f
                    .iter()
                    .enumerate()
                    .map(|(i, (ag, k, c))| format!("F{i},a{ag},{k},{c},2022-05-01"))
                    .collect(),
                // Ids, so that two equal awards are two awards (a row without an id that equals
                // another is refused as counted twice).
                awards: a
                    .iter()
                    .enumerate()
                    .map(|(i, (ag, c))| format!("W{i},a{ag},b0,{c}"))
                    .collect(),
                lookback: l
                    .iter()
                    .enumerate()
                    .map(|(i, (ag, k, st))| format!("P{i},a{ag},{k},{st}"))
                    .collect(),
            })
    })
}

/// Score a scheme on data, in-process as `kaohe score` does.
fn score(s: &Scheme, d: &Data) -> kaohe::score::result::RunResult {
    let dir = tempfile::tempdir().unwrap();
    let w = |name: &str, header: &str, rows: &[String]| {
        let text =
            format!("{header}\n{}", rows.iter().map(|r| format!("{r}\n")).collect::<String>());
        std::fs::write(dir.path().join(name), text).unwrap();
    };
    w("agencies.csv", "id,name,group,parent", &d.agencies);
    w("findings.csv", "id,agency,kind,count,date", &d.findings);
    w("awards.csv", "id,agency,bonus,count", &d.awards);
    w("lookback.csv", "id,agency,kind,status", &d.lookback);
    let scheme =
        kaohe::rules::parse(s.toml().as_bytes(), "p.toml").expect("generated scheme is valid");
    let inputs = kaohe::input::load::load_dir(dir.path(), None).expect("generated data loads");
    kaohe::pipeline::run(&scheme, &inputs).expect("generated data scores")
}

/// What must not depend on row order, per agency sorted by id: id, total, rank, grade, quota
/// demotion, and the ledger lines without `source`, sorted.
fn order_free(r: &kaohe::score::result::RunResult) -> Vec<OrderFree> {
    let mut v: Vec<_> = r
        .agencies
        .iter()
        .map(|a| {
            let mut ledger: Vec<String> = a
                .ledger
                .iter()
                .map(|l| {
                    // [rule, component, step, points, source, detail] (docs/scores-format.md).
                    let mut j = serde_json::to_value(l).unwrap();
                    j[4] = serde_json::Value::Null;
                    j.to_string()
                })
                .collect();
            ledger.sort();
            (a.agency_id.clone(), a.total, a.rank, a.grade.clone(), a.demoted_by_quota, ledger)
        })
        .collect();
    v.sort_by(|x, y| x.0.cmp(&y.0));
    v
}

fn scheme_and_data() -> impl Strategy<Value = (Scheme, Data)> {
    scheme().prop_flat_map(|s| {
        let d = data(&s);
        (Just(s), d)
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        // PROPTEST_CASES=5000 for a longer run.
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_total_is_between_zero_and_total_plus_bonus_cap((s, d) in scheme_and_data()) {
        let r = score(&s, &d);
        let top = Decimal::from(s.total()) + s.bonus_cap;
        for a in &r.agencies {
            prop_assert!(a.total >= Decimal::ZERO && a.total <= top,
                "{}: total {} outside [0, {top}]\n{}", a.agency_id, a.total, s.toml());
            let sum: Decimal = a.ledger.iter().map(|l| l.points).sum();
            prop_assert_eq!(sum, a.total, "the total is the sum of its ledger");
        }
    }

    #[test]
    fn row_order_changes_nothing_but_line_numbers(
        (s, d, perm) in scheme_and_data().prop_flat_map(|(s, d)| {
            let shuffled = (
                Just(d.agencies.clone()).prop_shuffle(),
                Just(d.findings.clone()).prop_shuffle(),
                Just(d.awards.clone()).prop_shuffle(),
                Just(d.lookback.clone()).prop_shuffle(),
            );
            (Just(s), Just(d), shuffled)
        })
    ) {
        let (agencies, findings, awards, lookback) = perm;
        let shuffled = Data { agencies, findings, awards, lookback };
        prop_assert_eq!(order_free(&score(&s, &d)), order_free(&score(&s, &shuffled)));
    }
}
