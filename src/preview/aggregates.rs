//! Group aggregates an agency may see beside its own score: size, mean, median and top total.
//! Withheld for groups smaller than [`MIN_GROUP`], where they would reveal individuals.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::score::result::RunResult;

/// Smallest group whose aggregates are shown.
pub const MIN_GROUP: usize = 3;

#[derive(Debug, Clone, Serialize)]
pub struct GroupAggregates {
    pub group: String,
    pub group_name: String,
    pub size: usize,
    /// `None` when the group is smaller than [`MIN_GROUP`].
    pub totals: Option<TotalStats>,
    /// Per dimension (scheme order): mean, min and max score rate (points ÷ applicable max, in %)
    /// over the agencies the dimension applies to; `None` when withheld or nothing applies.
    pub dimension_rates: Vec<Option<RateStats>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TotalStats {
    pub mean: Decimal,
    pub median: Decimal,
    pub top: Decimal,
}

#[derive(Debug, Clone, Serialize)]
pub struct RateStats {
    pub mean: Decimal,
    pub min: Decimal,
    pub max: Decimal,
    /// How many agencies it is computed over.
    pub n: usize,
}

fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Score rate of a dimension for one agency, in percent.
pub fn rate(points: Option<Decimal>, max: Decimal) -> Option<Decimal> {
    let p = points?;
    if max.is_zero() { None } else { Some(round2(p * Decimal::ONE_HUNDRED / max)) }
}

pub fn of_group(run: &RunResult, group: &str) -> GroupAggregates {
    let members: Vec<_> = run.agencies.iter().filter(|a| a.group == group).collect();
    let group_name = run
        .scheme
        .groups
        .iter()
        .find(|g| g.id == group)
        .map(|g| g.name.clone())
        .unwrap_or_default();
    let size = members.len();
    if size < MIN_GROUP {
        return GroupAggregates {
            group: group.to_string(),
            group_name,
            size,
            totals: None,
            dimension_rates: vec![None; run.scheme.dimensions.len()],
        };
    }
    let mut totals: Vec<Decimal> = members.iter().map(|a| a.total).collect();
    totals.sort();
    let n = Decimal::from(size as u64);
    let mean = round2(totals.iter().copied().sum::<Decimal>() / n);
    let median = if size % 2 == 1 {
        totals[size / 2]
    } else {
        round2((totals[size / 2 - 1] + totals[size / 2]) / Decimal::TWO)
    };
    let top = *totals.last().expect("non-empty");
    let dimension_rates = (0..run.scheme.dimensions.len())
        .map(|d| {
            let rates: Vec<Decimal> =
                members.iter().filter_map(|a| rate(a.dimensions[d], a.dimension_max[d])).collect();
            if rates.len() < MIN_GROUP {
                return None;
            }
            let m = rates.len();
            Some(RateStats {
                mean: round2(rates.iter().copied().sum::<Decimal>() / Decimal::from(m as u64)),
                min: *rates.iter().min().expect("non-empty"),
                max: *rates.iter().max().expect("non-empty"),
                n: m,
            })
        })
        .collect();
    GroupAggregates {
        group: group.to_string(),
        group_name,
        size,
        totals: Some(TotalStats { mean, median, top }),
        dimension_rates,
    }
}
