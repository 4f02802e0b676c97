//! `kaohe check` rejects a scheme that `kaohe score` cannot score (issue 11, class 3).
//!
//! Every number read from rules or data lies within ±10^12 ([`INPUT`], checked where it is read),
//! but a scheme can still multiply such inputs past what rust_decimal holds (±7.9 × 10^28): a
//! `per_unit` step of 10^-10 with 10^12 points per step, weights of 10^12 on nested levels, a
//! near-empty applicable maximum rescaled to the group's total. The engine turns such an overflow
//! into an error for the agency concerned; this check bounds, for each indicator path from the
//! root, the largest magnitude any ledger line can reach for any input within the ranges, and
//! refuses the scheme when the bound exceeds [`LIMIT`], naming the path and the bound.
//!
//! The bound, per item (a leaf, or an inner node with its own normalisation), is the larger of:
//! - its own arithmetic before its points exist (the product `max × (value − zero_at)` of a linear
//!   mapping, the units short × points of `per_unit`, `max × value` of `relative_to_best`, …);
//! - its points (for a deduction item: every kind at `count` = 10^12, capped where the kind is)
//!   multiplied by the weights on its path, the redistribution factors of its ancestors
//!   (node max ÷ the smallest child max, + 1) and the largest rescaling factor (the largest
//!   group total ÷ the smallest weighted item maximum that could be all that applies).
//!
//! Bonus, penalty and look-back lines are products of two numbers within ±10^12 (at most 10^24)
//! and never reach the limit. Deadlines stay within their item's points (months late are at most
//! a few million). The bound is in f64: it only needs to be an upper bound, not exact.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::error::{Error, Location, Result};
use crate::rules::scheme::{Aggregate, Mapping, Method, Node, Scheme, TierValue};

/// The largest magnitude of an input (rules and data), as checked where it is read.
pub const INPUT: f64 = 1e12;
/// The largest magnitude a single ledger line may reach: rust_decimal holds 7.9 × 10^28, and an
/// agency's total adds up many lines, so a line stays 79 times below it.
pub const LIMIT: f64 = 1e27;
/// Agencies in one group, at most (the rank of `by_rank`): more than a 256 MiB agencies file holds.
const MAX_RANK: f64 = 1e8;

/// Refuse a scheme whose arithmetic could leave the decimal range; one error per path at fault.
pub fn check(scheme: &Scheme) -> Result<()> {
    let rescale = rescale_factor(scheme);
    let mut errors = Vec::new();
    for (i, node) in scheme.nodes.iter().enumerate() {
        let Some((own, points)) = item_reach(node) else { continue };
        let weights = path_weights(scheme, i);
        let redistribution = path_redistribution(scheme, i);
        let own = own.max(points * mean_weight(scheme, i));
        let reach = own.max(points * weights * redistribution * rescale);
        if reach.is_nan() || reach > LIMIT {
            errors.push(Error::at(
                Location::line(scheme.source.clone(), node.line),
                crate::t!(
                    "scheme-check-overflow",
                    path = path(scheme, i),
                    reach = sci(reach),
                    own = sci(own),
                    weights = sci(weights * redistribution),
                    rescale = sci(rescale),
                    limit = sci(LIMIT)
                ),
            ));
        }
    }
    Error::collect(errors)
}

/// A number for a message: `1.00e34`.
fn sci(x: f64) -> String {
    if x.is_finite() { format!("{x:.2e}") } else { "∞".to_string() }
}

fn abs(d: Decimal) -> f64 {
    d.to_f64().map_or(f64::INFINITY, f64::abs)
}

/// The ids from the root down to node `i`: `D5 › D5.2`.
fn path(scheme: &Scheme, i: usize) -> String {
    let mut ids = vec![scheme.nodes[i].id.as_str()];
    let mut n = scheme.nodes[i].parent;
    while let Some(p) = n {
        ids.push(&scheme.nodes[p].id);
        n = scheme.nodes[p].parent;
    }
    ids.reverse();
    ids.join(" › ")
}

/// The product of |weight| of node `i` and its ancestors, where a weight multiplies the ledger
/// lines: on a top-level part and under a summing parent. Under a mean the lines are multiplied
/// by weight ÷ Σ weights (at most 1), so such a weight counts only in [`mean_weight`].
fn path_weights(scheme: &Scheme, i: usize) -> f64 {
    let mut w = 1.0;
    let mut n = Some(i);
    while let Some(k) = n {
        let parent = scheme.nodes[k].parent;
        if parent.is_none_or(|p| scheme.nodes[p].aggregate() == Aggregate::Sum) {
            w *= abs(scheme.nodes[k].weight);
        }
        n = parent;
    }
    w
}

/// The weight of node `i` when its parent takes a weighted mean: its value × weight is summed
/// before the division by Σ weights.
fn mean_weight(scheme: &Scheme, i: usize) -> f64 {
    match scheme.nodes[i].parent {
        Some(p) if scheme.nodes[p].aggregate() != Aggregate::Sum => abs(scheme.nodes[i].weight),
        _ => 1.0,
    }
}

/// The product, over the ancestors of node `i` that redistribute, of how much a child's points
/// can be scaled up: at most 1 + node max ÷ the smallest child max.
fn path_redistribution(scheme: &Scheme, i: usize) -> f64 {
    let mut f = 1.0;
    let mut n = scheme.nodes[i].parent;
    while let Some(k) = n {
        if scheme.redistribute.contains_key(&k) {
            let node = &scheme.nodes[k];
            let least =
                node.children().iter().map(|&c| abs(scheme.nodes[c].max)).fold(f64::MAX, f64::min);
            f *= 1.0 + abs(node.max) / least;
        }
        n = scheme.nodes[k].parent;
    }
    f
}

/// The largest factor a rescale to the group's total can apply: the largest total over the
/// smallest weighted maximum of an item that could be all that applies to an agency.
fn rescale_factor(scheme: &Scheme) -> f64 {
    if !scheme.rescale {
        return 1.0;
    }
    let total = scheme.groups.iter().map(|g| abs(g.total)).fold(abs(scheme.total), f64::max);
    let least = (0..scheme.nodes.len())
        .filter(|&i| scheme.nodes[i].method().is_some())
        .map(|i| abs(scheme.nodes[i].max) * path_weights(scheme, i))
        .filter(|&m| m > 0.0)
        .fold(f64::MAX, f64::min);
    if least == f64::MAX { 1.0 } else { (total / least).max(1.0) }
}

/// For an item: (the reach of its own arithmetic, the largest magnitude of its points). `None`
/// for an inner node without its own normalisation (it only adds its children's lines).
fn item_reach(node: &Node) -> Option<(f64, f64)> {
    let max = abs(node.max);
    if node.transform().is_some() {
        // A normalised aggregate: (value − bound) × max before the division.
        return Some((2.0 * INPUT * max, 2.0 * INPUT * max));
    }
    Some(match node.method()? {
        Method::Deduct(kinds) => {
            let lost: f64 = kinds
                .iter()
                .map(|k| {
                    let all = INPUT * abs(k.points);
                    k.cap.map_or(all, |c| all.min(abs(c)))
                })
                .sum();
            (max + lost, max + lost)
        }
        Method::Deadline(_) => (max, max),
        Method::Measure(m) => (mapping_reach(&m.mapping, max), max),
        Method::Survey(s) => (mapping_reach(&s.mapping, max), max),
        Method::Normalise(_) => (2.0 * INPUT * max, 2.0 * INPUT * max),
    })
}

/// The largest intermediate value of a mapping for a value within ±10^12 on an item of `max`.
fn mapping_reach(mapping: &Mapping, max: f64) -> f64 {
    let reach = match mapping {
        // max × (value − zero_at), clamped below the span before the product.
        Mapping::Linear { zero_at, full_at } => max * (abs(*full_at - *zero_at)),
        Mapping::Tiers(tiers) => tiers
            .iter()
            .map(|t| match t.value {
                TierValue::Share(s) => max * abs(s),
                TierValue::Points(p) => abs(p),
            })
            .fold(0.0, f64::max),
        // Units short (target − value) ÷ per, times points per unit.
        Mapping::PerUnit { target, points, per, .. } => {
            (abs(*target) + INPUT) / abs(*per) * abs(*points)
        }
        Mapping::RelativeToBest { .. } => max * INPUT,
        Mapping::ByRank { points, then_step, .. } => {
            points.iter().map(|p| abs(*p)).fold(0.0, f64::max) + abs(*then_step) * MAX_RANK
        }
    };
    reach.max(max)
}
