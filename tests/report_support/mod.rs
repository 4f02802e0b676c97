//! A constructed [`RunResult`] for the report tests: three peer groups (cities, counties with two
//! agencies named 城区, provincial departments to which one dimension does not apply), Chinese
//! names, a veto, bonus, penalty and look-back points. Values come from a fixed pseudo-random
//! sequence, so tests never copy numbers from the program's output.

#![allow(dead_code)]

use kaohe::score::ledger::{Component, LedgerLine, Step};
use kaohe::score::result::*;
use rust_decimal::Decimal;

use crate::util::dec;

pub const DIMENSIONS: [(&str, &str, i64); 4] = [
    ("content", "公开内容", 40),
    ("platform", "平台建设", 25),
    ("interpret", "政策解读", 20),
    ("survey", "社会评议", 15),
];

pub const CITIES: [&str; 5] = ["太原市", "大同市", "阳泉市", "长治市", "晋城市"];
pub const COUNTIES: [(&str, &str); 6] = [
    ("小店区", "太原市"),
    ("迎泽区", "太原市"),
    ("城区", "阳泉市"),
    ("城区", "长治市"),
    ("平城区", "大同市"),
    ("沁水县", "晋城市"),
];
pub const DEPARTMENTS: [&str; 4] = ["省司法厅", "省公安厅", "省财政厅", "省审批服务管理局"];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    /// Hundredths in [0, max_hundredths].
    fn points(&mut self, lo_pct: u64, max: i64) -> Decimal {
        let max_h = (max as u64) * 100;
        let lo = max_h * lo_pct / 100;
        Decimal::new((lo + self.next() % (max_h - lo + 1)) as i64, 2)
    }
}

fn bands(excellent: &str, good: &str) -> Vec<GradeBandSummary> {
    vec![
        GradeBandSummary { name: "优秀".into(), min: dec(excellent) },
        GradeBandSummary { name: "良好".into(), min: dec(good) },
        GradeBandSummary { name: "合格".into(), min: dec("60") },
        GradeBandSummary { name: "不合格".into(), min: dec("0") },
    ]
}

/// The fixture with `scale` copies of each name list (scale 1: 15 agencies).
pub fn run_result() -> RunResult {
    run_result_scaled(1)
}

pub fn run_result_scaled(scale: usize) -> RunResult {
    let scheme = SchemeSummary {
        id: "shanxi-2022".into(),
        title: "山西省2022年度政务公开工作考核".into(),
        basis: "晋政办发〔2022〕38号".into(),
        total: dec("100"),
        dimensions: DIMENSIONS
            .iter()
            .map(|(id, name, max)| DimensionSummary {
                id: id.to_string(),
                name: name.to_string(),
                max: Decimal::from(*max),
            })
            .collect(),
        groups: vec![
            GroupSummary { id: "city".into(), name: "设区市".into(), grades: bands("90", "80") },
            GroupSummary {
                id: "county".into(),
                name: "县（市、区）".into(),
                grades: bands("85", "75"),
            },
            GroupSummary {
                id: "dept".into(), name: "省直部门".into(), grades: bands("90", "80")
            },
        ],
        decimals: 2,
    };
    let mut rng = Lcg(20221);
    let mut agencies = Vec::new();
    for copy in 0..scale {
        let suffix = if copy == 0 { String::new() } else { format!("{copy}") };
        for (i, name) in CITIES.iter().enumerate() {
            agencies.push(agency(
                &mut rng,
                &format!("c{copy:02}{i:02}"),
                &format!("{name}{suffix}"),
                "city",
                None,
                true,
            ));
        }
        for (i, (name, parent)) in COUNTIES.iter().enumerate() {
            agencies.push(agency(
                &mut rng,
                &format!("k{copy:02}{i:02}"),
                name,
                "county",
                Some(parent),
                true,
            ));
        }
        for (i, name) in DEPARTMENTS.iter().enumerate() {
            agencies.push(agency(
                &mut rng,
                &format!("p{copy:02}{i:02}"),
                &format!("{name}{suffix}"),
                "dept",
                None,
                false,
            ));
        }
    }
    // A veto on the second county: capped at 59, forced to 不合格.
    let vetoed = agencies.iter_mut().find(|a| a.agency_id == "k0001").unwrap();
    let cut = vetoed.total - dec("59");
    if cut > Decimal::ZERO {
        vetoed.adjustment -= cut;
        vetoed.total = dec("59");
        vetoed.ledger.push(line("veto:camera", Component::Adjustment, Step::Veto, -cut));
    }
    vetoed.appeals_pending = vec!["F-0007".into(), "F-0009".into()];
    vetoed.veto = Some(VetoApplied {
        rule: "camera".into(),
        name: "电子警察未公示".into(),
        grade: Some("不合格".into()),
        score: Some(dec("59")),
        source: "findings.csv:7".into(),
    });
    rank_and_grade(&scheme, &mut agencies);
    let surveys = survey_rows(&agencies);
    RunResult {
        engine_version: "0.1.0".into(),
        lang: kaohe::util::i18n::Lang::En,
        scheme,
        agencies,
        inputs: vec![
            InputRecord {
                kind: "rules".into(),
                path: "scoring-rules/shanxi-2022.toml".into(),
                sha256: "ab".repeat(32),
                rows_read: 0,
                rows_used: 0,
                rows_rejected: 0,
            },
            InputRecord {
                kind: "findings".into(),
                path: "data/findings.csv".into(),
                sha256: "cd".repeat(32),
                rows_read: 120,
                rows_used: 118,
                rows_rejected: 2,
            },
        ],
        surveys,
        absent_inputs: Vec::new(),
    }
}

/// The survey the fixture's agencies were surveyed in.
pub const SURVEY: &str = "shanxi-2022-social";

/// (agency id, index, (ci_low, ci_high), n, below_minimum).
pub type SurveyRow = (&'static str, &'static str, Option<(&'static str, &'static str)>, u64, bool);

/// Fixed survey results for the cities and counties of the first copy (departments are not
/// surveyed), as (agency id, index, ci_low, ci_high, n, below_minimum). The order of indices is
/// not the order of ids, the counties' two 城区 (k0002, k0003) both have results, and 阳泉市
/// (c0002) and 迎泽区 (k0001) are below the minimum sample, one with no interval at all.
pub const SURVEY_ROWS: [SurveyRow; 10] = [
    ("c0000", "84.30", Some(("82.10", "86.50")), 118, false),
    ("c0001", "71.65", Some(("68.90", "74.40")), 96, false),
    ("c0002", "90.20", Some(("80.60", "99.10")), 21, true),
    ("c0003", "77.48", Some(("75.95", "79.01")), 130, false),
    ("c0004", "88.05", Some(("86.40", "89.70")), 104, false),
    ("k0000", "79.12", Some(("77.00", "81.24")), 88, false),
    ("k0001", "66.40", None, 12, true),
    ("k0002", "92.75", Some(("91.10", "94.40")), 76, false),
    ("k0003", "73.30", Some(("70.85", "75.75")), 81, false),
    ("k0005", "85.90", Some(("84.05", "87.75")), 93, false),
];

/// [`SURVEY_ROWS`] for the agencies present (all of them at any scale), sorted as the engine
/// sorts: by survey, then agency id.
fn survey_rows(agencies: &[AgencyResult]) -> Vec<SurveySummary> {
    let mut out: Vec<SurveySummary> = SURVEY_ROWS
        .iter()
        .filter(|r| agencies.iter().any(|a| a.agency_id == r.0))
        .map(|(id, index, ci, n, below)| SurveySummary {
            agency_id: id.to_string(),
            survey: SURVEY.into(),
            index: dec(index),
            ci_low: ci.map(|c| dec(c.0)),
            ci_high: ci.map(|c| dec(c.1)),
            n: Some(*n),
            below_minimum: *below,
        })
        .collect();
    out.sort_by(|a, b| a.survey.cmp(&b.survey).then_with(|| a.agency_id.cmp(&b.agency_id)));
    out
}

fn line(rule: &str, component: Component, step: Step, points: Decimal) -> LedgerLine {
    LedgerLine {
        rule: rule.into(),
        component,
        step,
        points,
        source: None,
        detail: Default::default(),
    }
}

fn agency(
    rng: &mut Lcg,
    id: &str,
    name: &str,
    group: &str,
    parent: Option<&str>,
    survey: bool,
) -> AgencyResult {
    let mut ledger = Vec::new();
    let mut dimensions = Vec::new();
    let mut dimension_max = Vec::new();
    for (k, (dim, _, max)) in DIMENSIONS.iter().enumerate() {
        if k == 3 && !survey {
            dimensions.push(None);
            dimension_max.push(Decimal::ZERO);
            continue;
        }
        let p = rng.points(55, *max);
        // Two indicators per dimension so the indicator sheet has several rows per agency.
        let first = (p / dec("2")).round_dp(2);
        ledger.push(line(&format!("{dim}.a"), Component::dimension(dim), Step::Credit, first));
        ledger.push(line(&format!("{dim}.b"), Component::dimension(dim), Step::Credit, p - first));
        dimensions.push(Some(p));
        dimension_max.push(Decimal::from(*max));
    }
    let applicable_max: Decimal = dimension_max.iter().sum();
    let base: Decimal = dimensions.iter().flatten().sum();
    let rescale = if applicable_max == dec("100") {
        Decimal::ZERO
    } else {
        (base * dec("100") / applicable_max - base).round_dp(2)
    };
    if !rescale.is_zero() {
        ledger.push(line("rescale", Component::Rescale, Step::Rescale, rescale));
    }
    let bonus = Decimal::new((rng.next() % 4) as i64, 0);
    let penalty = -Decimal::new((rng.next() % 3) as i64, 0);
    let lookback = -Decimal::new((rng.next() % 5) as i64 * 50, 2);
    for (rule, c, s, v) in [
        ("bonus:highlight", Component::Bonus, Step::Bonus, bonus),
        ("penalty:late", Component::Penalty, Step::Penalty, penalty),
        ("lookback", Component::Lookback, Step::Lookback, lookback),
    ] {
        if !v.is_zero() {
            ledger.push(line(rule, c, s, v));
        }
    }
    let total = base + rescale + bonus + penalty + lookback;
    AgencyResult {
        agency_id: id.into(),
        agency: name.into(),
        group: group.into(),
        parent: parent.map(String::from),
        rank: 0,
        grade: String::new(),
        demoted_by_quota: false,
        total,
        dimensions,
        dimension_max,
        applicable_max,
        rescale,
        bonus,
        penalty,
        lookback,
        adjustment: Decimal::ZERO,
        veto: None,
        appeals_changed: Vec::new(),
        appeals_pending: Vec::new(),
        nodes: Vec::new(),
        ledger: ledger.into(),
    }
}

/// Competition ranking within each group and grade by band (veto overrides); orders agencies as
/// RunResult promises: by group in scheme order, then rank, then id.
fn rank_and_grade(scheme: &SchemeSummary, agencies: &mut [AgencyResult]) {
    let snapshot = agencies.to_vec();
    for a in agencies.iter_mut() {
        a.rank =
            1 + snapshot.iter().filter(|b| b.group == a.group && b.total > a.total).count() as u32;
        let group = scheme.groups.iter().find(|g| g.id == a.group).unwrap();
        a.grade = match a.veto.as_ref().and_then(|v| v.grade.clone()) {
            Some(g) => g,
            None => group.grades.iter().find(|b| a.total >= b.min).unwrap().name.clone(),
        };
    }
    let order = |g: &str| scheme.groups.iter().position(|x| x.id == g).unwrap();
    agencies.sort_by(|a, b| {
        order(&a.group)
            .cmp(&order(&b.group))
            .then(a.rank.cmp(&b.rank))
            .then(a.agency_id.cmp(&b.agency_id))
    });
}
