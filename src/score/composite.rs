//! Composite-indicator methods (docs/composite.md): the pre-pass that turns each normalised item's
//! measures into points for every agency, and the statistics it needs.
//!
//! Everything here depends on other agencies' values (bounds, means, sds, imputation, winsorisation),
//! so it runs once, sequentially and in input order, before the parallel per-agency pass; that pass
//! only reads the [`Prepared`] map, which keeps the output independent of the thread count.
//!
//! Decimal throughout. Square roots use rust_decimal's decimal routine and are rounded to 20
//! decimals, so results are identical on every platform.

use std::collections::HashMap;

use rust_decimal::{Decimal, MathematicalOps};

use crate::error::{Error, Location, Result};
use crate::input::{Agency, Inputs, MeasureRecord};
use crate::rules::{Node, NormMissing, Normalise, Scaling, Scheme, Scope, Winsorise};
use crate::score::result::Stages;
use crate::t;

/// Decimals that square roots (and other inexact operations) are rounded to.
pub const INEXACT_DP: u32 = 20;

/// An item's outcome for one agency.
#[derive(Debug, Clone)]
pub enum NormOutcome {
    /// No value and `missing = "not_applicable"`: the item leaves its parent.
    NotApplicable,
    Value {
        points: Decimal,
        source: Option<Location>,
        detail: String,
        stages: Stages,
    },
}

/// (node, agency id) → outcome, for every normalised item that applies to the agency.
pub type Prepared = HashMap<(usize, String), NormOutcome>;

pub fn scope_key(a: &Agency, s: Scope) -> &str {
    match s {
        Scope::Run => "",
        Scope::Group => &a.group,
        Scope::Parent => a.parent.as_deref().unwrap_or(""),
    }
}

fn scope_name(a: &Agency, s: Scope) -> String {
    match s {
        Scope::Run => t!("ledger-scope-run"),
        Scope::Group => t!("ledger-scope-group", group = a.group),
        Scope::Parent => t!("ledger-scope-parent", parent = a.parent.as_deref().unwrap_or("")),
    }
}

/// A scaling's ledger text: how it scales (`how`), whether lower is better, the value → points.
fn scaled_text(how: String, higher_is_better: bool, value: Decimal, points: Decimal) -> String {
    let lower = if higher_is_better { String::new() } else { t!("ledger-lower-is-better") };
    t!("ledger-scaled", how = how, lower = lower, value = show(value), points = show(points))
}

/// A number for a ledger line's text: at most 6 decimals, "…" when cut (the points stay exact).
pub fn show(d: Decimal) -> String {
    let r = d
        .round_dp_with_strategy(6, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    if r == d { r.to_string() } else { format!("{r}…") }
}

pub fn sqrt(d: Decimal) -> Decimal {
    d.sqrt().unwrap_or(Decimal::ZERO).round_dp(INEXACT_DP)
}

/// Sample skewness and excess kurtosis, type 2 (G1, G2 of e1071 / SAS / Excel). `None` when
/// fewer than 4 values or all equal.
pub fn skew_kurtosis(values: &[Decimal]) -> Option<(Decimal, Decimal)> {
    let n = values.len();
    if n < 4 {
        return None;
    }
    let nd = Decimal::from(n as u64);
    let mean = values.iter().copied().sum::<Decimal>() / nd;
    let m2 = values.iter().map(|v| (v - mean) * (v - mean)).sum::<Decimal>() / nd;
    if m2.is_zero() {
        return None;
    }
    // Standardise first so third and fourth powers stay far from Decimal's range.
    let s = sqrt(m2);
    let z: Vec<Decimal> = values.iter().map(|v| (v - mean) / s).collect();
    let g1 = z.iter().map(|z| z * z * z).sum::<Decimal>() / nd;
    let g2 = z.iter().map(|z| z * z * z * z).sum::<Decimal>() / nd - Decimal::from(3);
    let one = Decimal::ONE;
    let two = Decimal::TWO;
    let three = Decimal::from(3);
    let skew = g1 * sqrt(nd * (nd - one)) / (nd - two);
    let kurt = ((nd + one) * g2 + Decimal::from(6)) * (nd - one) / ((nd - two) * (nd - three));
    Some((skew, kurt))
}

/// What winsorisation did to one population.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Treated {
    pub iterations: u32,
    pub low: u32,
    pub high: u32,
}

/// Winsorise in place (docs/composite.md): while |skew| > threshold and kurtosis > threshold, move
/// the highest values (skew ≥ 0) or the lowest down/up to the next distinct value, ties together.
pub fn winsorise(values: &mut [Decimal], w: &Winsorise) -> Treated {
    let mut t = Treated::default();
    while t.iterations < w.max_iterations {
        let Some((skew, kurt)) = skew_kurtosis(values) else { break };
        if !(skew.abs() > w.skew && kurt > w.kurtosis) {
            break;
        }
        let high = skew >= Decimal::ZERO;
        let extreme = if high {
            values.iter().copied().max().expect("n ≥ 4")
        } else {
            values.iter().copied().min().expect("n ≥ 4")
        };
        let rest = values.iter().copied().filter(|&v| v != extreme);
        let Some(next) = (if high { rest.max() } else { rest.min() }) else { break };
        for v in values.iter_mut().filter(|v| **v == extreme) {
            *v = next;
            if high {
                t.high += 1;
            } else {
                t.low += 1;
            }
        }
        t.iterations += 1;
    }
    t
}

/// The statistics one population's values give a scaling method.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    pub lo: Decimal,
    pub hi: Decimal,
    pub mean: Decimal,
    pub sd: Decimal,
    pub n: usize,
}

pub fn stats(values: &[Decimal]) -> Stats {
    let n = values.len();
    let lo = values.iter().copied().min().unwrap_or_default();
    let hi = values.iter().copied().max().unwrap_or_default();
    let nd = Decimal::from(n.max(1) as u64);
    let mean = values.iter().copied().sum::<Decimal>() / nd;
    let sd = if n > 1 {
        sqrt(values.iter().map(|v| (v - mean) * (v - mean)).sum::<Decimal>() / (nd - Decimal::ONE))
    } else {
        Decimal::ZERO
    };
    Stats { lo, hi, mean, sd, n }
}

/// Points for `v` given the population statistics, and the arithmetic as text.
pub fn scale(
    nm: &Normalise,
    v: Decimal,
    max: Decimal,
    s: &Stats,
) -> Result<(Decimal, String), String> {
    let hib = nm.higher_is_better;
    Ok(match nm.scaling {
        Scaling::None => (v, show(v)),
        Scaling::Rank => return Err("rank scaling needs the population's values".into()),
        Scaling::MinMax { bounds, clamp } => {
            let (lo, hi, whose) = match bounds {
                Some((l, h)) => (l, h, t!("ledger-minmax-goalposts")),
                None => (s.lo, s.hi, t!("ledger-minmax-data")),
            };
            if hi == lo {
                return Ok((max, t!("ledger-minmax-flat", value = show(lo), max = max)));
            }
            let mut p = if hib { (v - lo) / (hi - lo) * max } else { (hi - v) / (hi - lo) * max };
            let mut note = String::new();
            if clamp && (p < Decimal::ZERO || p > max) {
                p = p.clamp(Decimal::ZERO, max);
                note = t!("ledger-clamped");
            }
            let how = t!("ledger-minmax", whose = whose, low = show(lo), high = show(hi));
            (p, format!("{}{note}", scaled_text(how, hib, v, p)))
        }
        Scaling::ZScore { fixed } => {
            let (mean, sd, whose) = match fixed {
                Some((m, sd)) => (m, sd, t!("ledger-zscore-fixed")),
                None => {
                    if s.n < 2 {
                        return Err("a z-score needs at least two values".into());
                    }
                    (s.mean, s.sd, t!("ledger-minmax-data"))
                }
            };
            let z = if sd.is_zero() { Decimal::ZERO } else { (v - mean) / sd };
            let z = if hib { z } else { -z };
            let how = t!("ledger-zscore", whose = whose, mean = show(mean), sd = show(sd));
            (z, scaled_text(how, hib, v, z))
        }
        Scaling::Best => {
            if v.is_sign_negative() && !v.is_zero() {
                return Err(format!("value {v} is negative: method = \"best\" needs values ≥ 0"));
            }
            let (best, p) = if hib {
                (s.hi, if s.hi.is_zero() { Decimal::ZERO } else { v / s.hi * max })
            } else {
                (s.lo, if v.is_zero() { max } else { s.lo / v * max })
            };
            (p, t!("ledger-relative-to-best", best = show(best), value = show(v), points = show(p)))
        }
    })
}

/// Whether scaling needs statistics of the data (rather than fixed goalposts, mean and sd).
pub fn needs_data(nm: &Normalise) -> bool {
    match nm.scaling {
        Scaling::MinMax { bounds, .. } => bounds.is_none(),
        Scaling::ZScore { fixed } => fixed.is_none(),
        Scaling::Best | Scaling::Rank => true,
        Scaling::None => false,
    }
}

/// d(points)/d(value) of a linear scaling: what the ledger lines under a normalised inner
/// indicator are multiplied by (the rest is an offset line on the indicator).
pub fn slope(nm: &Normalise, max: Decimal, s: &Stats) -> Decimal {
    let sign = if nm.higher_is_better { Decimal::ONE } else { Decimal::NEGATIVE_ONE };
    match nm.scaling {
        Scaling::None => Decimal::ONE,
        Scaling::MinMax { bounds, .. } => {
            let (lo, hi) = bounds.unwrap_or((s.lo, s.hi));
            if hi == lo { Decimal::ZERO } else { sign * max / (hi - lo) }
        }
        Scaling::ZScore { fixed } => {
            let sd = fixed.map_or(s.sd, |f| f.1);
            if sd.is_zero() { Decimal::ZERO } else { sign / sd }
        }
        Scaling::Best => {
            if s.hi.is_zero() {
                Decimal::ZERO
            } else {
                max / s.hi
            }
        }
        Scaling::Rank => Decimal::ZERO, // rejected on inner indicators by validation
    }
}

struct Row<'a> {
    agency: &'a Agency,
    raw: Option<&'a MeasureRecord>,
    denominated: Option<Decimal>,
    imputed: Option<Decimal>,
    note: String,
}

/// One normalised item being prepared: its node, normalisation and place in the rules file.
struct Item<'s> {
    node: usize,
    nd: &'s Node,
    nm: &'s Normalise,
    here: Location,
}

/// Compute every normalised item's outcome for every agency it applies to, in phases: each
/// agency's (denominated) value, imputation, the outcomes of missing values, and the scaling
/// within each population.
pub fn prepare(
    scheme: &Scheme,
    inputs: &Inputs,
    measures: &HashMap<(&str, &str), &MeasureRecord>,
    applies: &dyn Fn(usize, &Agency) -> bool,
) -> Result<Prepared> {
    let mut out = Prepared::new();
    let mut errors = Vec::new();
    for (node, nd) in scheme.nodes.iter().enumerate() {
        let Some(crate::rules::Method::Normalise(nm)) = nd.method() else { continue };
        let it = Item { node, nd, nm, here: Location::line(&scheme.source, nd.line) };
        let agencies = inputs.agencies.iter().filter(|a| applies(node, a));
        let mut rows = values(&it, agencies, measures, &mut errors);
        impute(&it, &mut rows, &mut errors);
        missing_outcomes(&it, &rows, &mut out, &mut errors);
        scaled_outcomes(&it, &rows, &mut out, &mut errors);
    }
    Error::collect(errors)?;
    Ok(out)
}

/// Each agency's value of the item's measure, divided by its denominator when it has one.
fn values<'a>(
    it: &Item<'_>,
    agencies: impl Iterator<Item = &'a Agency>,
    measures: &HashMap<(&str, &str), &'a MeasureRecord>,
    errors: &mut Vec<Error>,
) -> Vec<Row<'a>> {
    let (nd, nm) = (it.nd, it.nm);
    let mut rows: Vec<Row<'_>> = Vec::new();
    for a in agencies {
        let raw = measures.get(&(a.id.as_str(), nm.measure.as_str())).copied();
        let den = nm.per.as_deref().and_then(|p| measures.get(&(a.id.as_str(), p)).copied());
        let (denominated, note) = match (raw, &nm.per) {
            (None, _) => (None, t!("ledger-no-measure", measure = nm.measure)),
            (Some(r), None) => (Some(r.value), format!("{} ({})", show(r.value), r.source)),
            (Some(r), Some(p)) => match den {
                None => (None, t!("ledger-no-denominator", per = p)),
                Some(d) if d.value.is_zero() => {
                    errors.push(Error::at(
                        d.source.clone(),
                        format!("item `{}`: denominator `{p}` is 0 for agency `{}`", nd.id, a.id),
                    ));
                    continue;
                }
                Some(d) => (
                    Some(r.value / d.value),
                    format!(
                        "{} ({}) ÷ {p} {} ({}) = {}",
                        show(r.value),
                        r.source,
                        show(d.value),
                        d.source,
                        show(r.value / d.value)
                    ),
                ),
            },
        };
        rows.push(Row { agency: a, raw, denominated, imputed: denominated, note });
    }
    rows
}

/// Missing values imputed with the mean of their scope (missing = "mean").
fn impute(it: &Item<'_>, rows: &mut [Row<'_>], errors: &mut Vec<Error>) {
    let (nd, nm) = (it.nd, it.nm);
    let here = || it.here.clone();
    if let NormMissing::Mean(scope) = nm.missing {
        let mut sums: HashMap<&str, (Decimal, u64)> = HashMap::new();
        for r in rows.iter() {
            if let Some(v) = r.denominated {
                let e = sums.entry(scope_key(r.agency, scope)).or_default();
                e.0 += v;
                e.1 += 1;
            }
        }
        for r in rows.iter_mut().filter(|r| r.denominated.is_none()) {
            match sums.get(scope_key(r.agency, scope)) {
                Some(&(s, n)) => {
                    let m = s / Decimal::from(n);
                    r.imputed = Some(m);
                    r.note = t!(
                        "ledger-imputed",
                        note = r.note,
                        count = n,
                        scope = scope_name(r.agency, scope),
                        mean = show(m)
                    );
                }
                None => errors.push(Error::at(
                    here().with_column("normalise.missing"),
                    format!(
                        "item `{}`: agency `{}` has no value and no agency in {} has one to impute from",
                        nd.id,
                        r.agency.id,
                        scope_name(r.agency, scope)
                    ),
                )),
            }
        }
    }
}

/// What an agency still without a value gets: not applicable, zero, or an error.
fn missing_outcomes(it: &Item<'_>, rows: &[Row<'_>], out: &mut Prepared, errors: &mut Vec<Error>) {
    let (node, nd, nm) = (it.node, it.nd, it.nm);
    let here = || it.here.clone();
    for r in rows.iter().filter(|r| r.imputed.is_none()) {
        let stages =
            Stages { raw: r.raw.map(|m| m.value), denominated: None, imputed: None, treated: None };
        match nm.missing {
            NormMissing::NotApplicable => {
                out.insert((node, r.agency.id.clone()), NormOutcome::NotApplicable);
            }
            NormMissing::Zero => {
                out.insert(
                    (node, r.agency.id.clone()),
                    NormOutcome::Value {
                        points: Decimal::ZERO,
                        source: r.raw.map(|m| m.source.clone()),
                        detail: t!("ledger-value-zero", name = nd.name, why = r.note),
                        stages,
                    },
                );
            }
            NormMissing::Error => errors.push(Error::at(
                here().with_column("normalise.missing"),
                format!(
                    "agency `{}` has no value for item `{}` ({}), and the item says missing = \"error\"",
                    r.agency.id, nd.id, r.note
                ),
            )),
            NormMissing::Mean(_) => {} // reported above
        }
    }
}

/// Each population's statistics (after winsorising) and every member's scaled points.
fn scaled_outcomes(it: &Item<'_>, rows: &[Row<'_>], out: &mut Prepared, errors: &mut Vec<Error>) {
    let (node, nd, nm) = (it.node, it.nd, it.nm);
    let here = || it.here.clone();
    // Populations for data-derived statistics, in input order.
    let mut pops: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, r) in rows.iter().enumerate().filter(|(_, r)| r.imputed.is_some()) {
        let k = scope_key(r.agency, nm.within);
        match pops.iter_mut().find(|(pk, _)| *pk == k) {
            Some((_, v)) => v.push(i),
            None => pops.push((k, vec![i])),
        }
    }
    for (_, members) in &pops {
        let mut values: Vec<Decimal> =
            members.iter().map(|&i| rows[i].imputed.expect("in population")).collect();
        let treated = nm.winsorise.as_ref().map(|w| winsorise(&mut values, w));
        let st = stats(&values);
        for (k, &i) in members.iter().enumerate() {
            let r = &rows[i];
            let before = r.imputed.expect("in population");
            let v = values[k];
            let scaled = if nm.scaling == Scaling::Rank {
                let worse = values
                    .iter()
                    .filter(|&&o| if nm.higher_is_better { o < v } else { o > v })
                    .count();
                let p = Decimal::from(worse as u64 + 1);
                Ok((
                    p,
                    t!("ledger-rank-by-value", count = values.len(), value = show(v), points = p),
                ))
            } else {
                scale(nm, v, nd.max, &st)
            };
            let (points, text) = match scaled {
                Ok(x) => x,
                Err(m) => {
                    errors.push(Error::at(
                        here(),
                        format!("item `{}`, agency `{}`: {m}", nd.id, r.agency.id),
                    ));
                    continue;
                }
            };
            let wins = match &treated {
                Some(w) if v != before => t!(
                    "ledger-winsorised",
                    from = show(before),
                    to = show(v),
                    moves = w.iterations,
                    scope = scope_name(r.agency, nm.within)
                ),
                _ => String::new(),
            };
            out.insert(
                (node, r.agency.id.clone()),
                NormOutcome::Value {
                    points,
                    source: r.raw.map(|m| m.source.clone()),
                    detail: t!(
                        "ledger-normalised",
                        name = nd.name,
                        note = r.note,
                        winsorised = wins,
                        text = text
                    ),
                    stages: Stages {
                        raw: r.raw.map(|m| m.value),
                        denominated: r.denominated,
                        imputed: Some(before),
                        treated: Some(v),
                    },
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn skew_and_kurtosis_type_2_by_hand() {
        // 1, 2, 3, 4, 10: mean 4, deviations −3 −2 −1 0 6; m2 = 50/5 = 10, m3 = 180/5 = 36,
        // m4 = 1394/5 = 278.8. g1 = 36/10^1.5 = 1.1384199576606, G1 = g1·√20/3 = 1.6970562748477;
        // g2 = 278.8/100 − 3 = −0.212, G2 = (6·(−0.212) + 6)·4/(3·2) = 3.152.
        let (s, k) = skew_kurtosis(&[dec!(1), dec!(2), dec!(3), dec!(4), dec!(10)]).unwrap();
        assert_eq!(s.round_dp(12), dec!(1.697056274848));
        assert_eq!(k.round_dp(12), dec!(3.152));
    }

    #[test]
    fn z_scores_fixed_and_from_the_data() {
        let nm = |fixed, hib| Normalise {
            measure: "m".into(),
            per: None,
            scaling: Scaling::ZScore { fixed },
            higher_is_better: hib,
            within: Scope::Run,
            missing: NormMissing::NotApplicable,
            winsorise: None,
        };
        let st = stats(&[dec!(1), dec!(2), dec!(3)]); // mean 2, sample sd √(2/2) = 1
        assert_eq!(scale(&nm(None, true), dec!(3), dec!(100), &st).unwrap().0, dec!(1));
        // Fixed mean 50 and sd 10 (a base year): 35 → −1.5, or 1.5 when lower is better.
        let fixed = Some((dec!(50), dec!(10)));
        assert_eq!(scale(&nm(fixed, true), dec!(35), dec!(100), &st).unwrap().0, dec!(-1.5));
        assert_eq!(scale(&nm(fixed, false), dec!(35), dec!(100), &st).unwrap().0, dec!(1.5));
    }

    #[test]
    fn winsorise_moves_ties_together_and_stops_at_the_limit() {
        // 1,1,1,1,1,1,1,2,50,50: skewed right; the two 50s move to 2 together in one move.
        let mut v: Vec<Decimal> =
            [1, 1, 1, 1, 1, 1, 1, 2, 50, 50].iter().map(|&x| Decimal::from(x)).collect();
        let w = Winsorise { skew: dec!(1), kurtosis: dec!(-10), max_iterations: 1 };
        let t = winsorise(&mut v, &w);
        assert_eq!(t, Treated { iterations: 1, low: 0, high: 2 });
        assert_eq!(v[8], dec!(2));
        assert_eq!(v[9], dec!(2));
    }
}
