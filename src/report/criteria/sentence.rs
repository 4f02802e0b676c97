//! The 评分标准 of one indicator, written out from its rule: a leaf's scoring method (deduct,
//! deadline, measure, survey, normalise) with its value mapping, and the node attributes that
//! change how it counts (weight, rounding, gate). Every sentence is a message of criteria.ftl.

use chrono::Datelike;
use rust_decimal::Decimal;

use crate::rules::Scheme;
use crate::rules::scheme::{
    Aggregate, BelowMinimum, Deadline, DeductKind, Late, Mapping, Method, Missing, NormMissing,
    Normalise, Scaling, Scope, Tier, TierBound, TierValue, UnitCount,
};
use crate::t;

/// A number as the scheme writes it: `0.5`, `4`, never `4.00`.
pub(crate) fn num(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A share as a percentage number: 0.25 → `25`.
pub(crate) fn pct(share: Decimal) -> String {
    num(share * Decimal::ONE_HUNDRED)
}

/// Clauses joined with the language's clause separator (；) and closed (。).
pub(crate) fn sentence(clauses: &[String]) -> String {
    if clauses.is_empty() {
        return String::new();
    }
    format!("{}{}", clauses.join(&t!("criteria-sep")), t!("criteria-end"))
}

/// Items of a list joined (、).
pub(crate) fn list(items: &[String]) -> String {
    items.join(&t!("criteria-list-sep"))
}

pub(crate) fn quoted(name: &str) -> String {
    t!("criteria-quoted", name = name)
}

pub(crate) fn date(d: chrono::NaiveDate) -> String {
    t!("criteria-date", y = d.year().to_string(), m = d.month(), d = d.day())
}

/// The 评分标准 of leaf `node`: its method's clauses, then its weight, rounding and gate.
pub fn leaf(scheme: &Scheme, node: usize) -> String {
    let n = &scheme.nodes[node];
    let mut clauses = match n.method() {
        Some(Method::Deduct(kinds)) => deduct(scheme, node, kinds),
        Some(Method::Deadline(d)) => deadline(d),
        Some(Method::Measure(m)) => {
            let subject = match &m.unit {
                Some(unit) => t!("criteria-subject-measure-unit", unit = unit),
                None => t!("criteria-subject-measure"),
            };
            let mut c = mapping(&m.mapping, &subject);
            c.push(missing(m.missing));
            c
        }
        Some(Method::Survey(s)) => {
            let subject = t!("criteria-subject-survey", survey = s.survey);
            let mut c = mapping(&s.mapping, &subject);
            c.push(missing(s.missing));
            c.push(below_minimum(s.below_minimum));
            c
        }
        Some(Method::Normalise(nm)) => normalise(nm, &norm_subject(nm)),
        None => vec![],
    };
    clauses.extend(attributes(scheme, node));
    sentence(&clauses)
}

/// A node's weight, rounding and gate, as clauses (none when they are the defaults).
pub fn attributes(scheme: &Scheme, node: usize) -> Vec<String> {
    let n = &scheme.nodes[node];
    let mut out = vec![];
    if n.weight != Decimal::ONE {
        let weight = num(n.weight);
        out.push(match n.parent.map(|p| scheme.nodes[p].aggregate()) {
            None => t!("criteria-weight-total", weight = weight),
            Some(Aggregate::Sum) => t!("criteria-weight-sum", weight = weight),
            Some(Aggregate::Mean | Aggregate::Geometric) => {
                t!("criteria-weight-mean", weight = weight)
            }
        });
    }
    if let Some(decimals) = n.round {
        out.push(t!("criteria-round", decimals = decimals));
    }
    if let Some(g) = n.gate {
        out.push(t!("criteria-gate", name = scheme.nodes[g].name));
    }
    out
}

fn deduct(scheme: &Scheme, node: usize, kinds: &[DeductKind]) -> Vec<String> {
    let mut out: Vec<String> = kinds
        .iter()
        .map(|k| {
            let points = num(k.points);
            match (k.major, k.cap) {
                (true, _) => t!("criteria-deduct-major", name = k.name, points = points),
                (false, Some(cap)) => {
                    t!("criteria-deduct-capped", name = k.name, points = points, cap = num(cap))
                }
                (false, None) => t!("criteria-deduct", name = k.name, points = points),
            }
        })
        .collect();
    out.push(floor(scheme, node));
    out
}

/// How far deductions on a leaf may reach: the leaf itself, a floored ancestor, or no limit.
fn floor(scheme: &Scheme, node: usize) -> String {
    if scheme.nodes[node].floor {
        return t!("criteria-floor-item");
    }
    let mut at = scheme.nodes[node].parent;
    while let Some(p) = at {
        if scheme.nodes[p].floor {
            return t!("criteria-floor-at", name = scheme.nodes[p].name);
        }
        at = scheme.nodes[p].parent;
    }
    t!("criteria-floor-none")
}

fn deadline(d: &Deadline) -> Vec<String> {
    let mut out = vec![t!("criteria-due", date = date(d.due))];
    out.push(match d.late {
        Late::Zero => t!("criteria-late-zero"),
        Late::Share(s) => t!("criteria-late-share", pct = pct(s)),
        Late::PerMonth { points, min_share } => {
            let cost = t!("criteria-late-month", points = num(points));
            late_floor(cost, min_share)
        }
        Late::PerBlock { points, days: 1, min_share } => {
            late_floor(t!("criteria-late-day", points = num(points)), min_share)
        }
        Late::PerBlock { points, days, min_share } => {
            late_floor(t!("criteria-late-block", points = num(points), days = days), min_share)
        }
    });
    if let Some(c) = d.cutoff {
        out.push(t!("criteria-cutoff", date = date(c)));
    }
    out.push(t!("criteria-not-done"));
    out
}

fn late_floor(cost: String, min_share: Decimal) -> String {
    if min_share > Decimal::ZERO {
        t!("criteria-late-min", cost = cost, pct = pct(min_share))
    } else {
        t!("criteria-late-min-zero", cost = cost)
    }
}

/// A measured or survey value mapped to points.
pub fn mapping(m: &Mapping, subject: &str) -> Vec<String> {
    match m {
        Mapping::Linear { zero_at, full_at } => {
            let (zero, full) = (num(*zero_at), num(*full_at));
            let id = if full_at > zero_at { "criteria-linear-up" } else { "criteria-linear-down" };
            vec![t!(id, subject = subject, zero = zero, full = full)]
        }
        Mapping::Tiers(tiers) => {
            let each: Vec<String> = tiers.iter().map(tier).collect();
            vec![t!("criteria-tiers", subject = subject, tiers = each.join(&t!("criteria-comma")))]
        }
        Mapping::PerUnit { target, points, per, units, higher_is_better } => {
            let id =
                if *higher_is_better { "criteria-per-unit-low" } else { "criteria-per-unit-high" };
            let (target, points, per) = (num(*target), num(*points), num(*per));
            let units = match units {
                UnitCount::Exact => t!("criteria-units-exact", per = per),
                UnitCount::Floor => t!("criteria-units-floor", per = per),
                UnitCount::Ceil => t!("criteria-units-ceil", per = per),
            };
            vec![t!(id, subject = subject, target = target, points = points, per = per), units]
        }
        Mapping::RelativeToBest { higher_is_better } => {
            let id = if *higher_is_better {
                "criteria-relative-best"
            } else {
                "criteria-relative-best-low"
            };
            vec![t!(id, subject = subject)]
        }
        Mapping::ByRank { points, then_step, higher_is_better } => {
            by_rank(points, *then_step, *higher_is_better, subject)
        }
    }
}

fn tier(t: &Tier) -> String {
    let value = match t.value {
        TierValue::Share(s) if s == Decimal::ONE => t!("criteria-tier-full"),
        TierValue::Share(s) => t!("criteria-tier-share", pct = pct(s)),
        TierValue::Points(p) => t!("criteria-tier-points", points = num(p)),
    };
    match t.bound {
        TierBound::AtLeast(b) => t!("criteria-tier-at-least", bound = num(b), value = value),
        TierBound::AtMost(b) => t!("criteria-tier-at-most", bound = num(b), value = value),
    }
}

fn by_rank(points: &[Decimal], step: Decimal, higher: bool, subject: &str) -> Vec<String> {
    let places: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| t!("criteria-rank-place", rank = i + 1, points = num(*p)))
        .collect();
    let id = if higher { "criteria-by-rank" } else { "criteria-by-rank-low" };
    let rest = if step > Decimal::ZERO {
        t!("criteria-rank-step", step = num(step))
    } else {
        t!("criteria-rank-rest", points = num(points.last().copied().unwrap_or_default()))
    };
    vec![t!(id, subject = subject, places = list(&places)), rest, t!("criteria-rank-ties")]
}

fn missing(m: Missing) -> String {
    match m {
        Missing::Zero => t!("criteria-missing-zero"),
        Missing::NotApplicable => t!("criteria-missing-na"),
        Missing::Error => t!("criteria-missing-error"),
    }
}

fn below_minimum(b: BelowMinimum) -> String {
    match b {
        BelowMinimum::Flag => t!("criteria-below-min-flag"),
        BelowMinimum::Zero => t!("criteria-below-min-zero"),
        BelowMinimum::NotApplicable => t!("criteria-below-min-na"),
    }
}

fn scope(s: Scope) -> String {
    match s {
        Scope::Run => t!("criteria-scope-run"),
        Scope::Group => t!("criteria-scope-group"),
        Scope::Parent => t!("criteria-scope-parent"),
    }
}

fn norm_subject(n: &Normalise) -> String {
    match &n.per {
        Some(per) => t!("criteria-subject-norm-per", measure = n.measure, per = per),
        None => t!("criteria-subject-norm", measure = n.measure),
    }
}

/// A normalised leaf: the scaling, what a missing value does and the winsorisation.
fn normalise(n: &Normalise, subject: &str) -> Vec<String> {
    let mut out = vec![scaling(n.scaling, n.higher_is_better, n.within, subject)];
    out.push(match n.missing {
        NormMissing::NotApplicable => t!("criteria-missing-na"),
        NormMissing::Zero => t!("criteria-missing-zero"),
        NormMissing::Error => t!("criteria-missing-error"),
        NormMissing::Mean(s) => t!("criteria-missing-mean", scope = scope(s)),
    });
    if let Some(w) = n.winsorise {
        out.push(t!(
            "criteria-winsorise",
            skew = num(w.skew),
            kurtosis = num(w.kurtosis),
            times = w.max_iterations
        ));
    }
    out
}

/// How a value (a leaf's, or an inner node's combined value) is scaled to points.
pub fn scaling(s: Scaling, higher: bool, within: Scope, subject: &str) -> String {
    let scope = scope(within);
    match s {
        Scaling::MinMax { bounds: Some((low, high)), clamp } => {
            let id = if higher { "criteria-minmax-fixed" } else { "criteria-minmax-fixed-low" };
            let clamp = if clamp { t!("criteria-clamp") } else { t!("criteria-no-clamp") };
            let (low, high) = (num(low), num(high));
            t!(id, subject = subject, low = low, high = high, clamp = clamp)
        }
        Scaling::MinMax { bounds: None, .. } => {
            let id = if higher { "criteria-minmax" } else { "criteria-minmax-low" };
            t!(id, subject = subject, scope = scope)
        }
        Scaling::ZScore { fixed } => {
            let z = match fixed {
                Some((mean, sd)) => {
                    t!("criteria-zscore-fixed", subject = subject, mean = num(mean), sd = num(sd))
                }
                None => t!("criteria-zscore", subject = subject, scope = scope),
            };
            if higher { z } else { t!("criteria-zscore-low", zscore = z) }
        }
        Scaling::Best => {
            let id = if higher { "criteria-best" } else { "criteria-best-low" };
            t!(id, subject = subject, scope = scope)
        }
        Scaling::Rank => t!("criteria-norm-rank", subject = subject, scope = scope),
        Scaling::None => t!("criteria-norm-none", subject = subject),
    }
}
