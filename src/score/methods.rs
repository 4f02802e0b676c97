//! How a single item's input becomes points: value mappings (linear, tiers, per unit, relative to
//! the best, by rank) and deadline arithmetic. Pure functions of decimals, each returning the
//! points and the arithmetic as a ledger message (rendered when read).

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use super::checked::{self, Overflow};
use super::ledger::{Detail, Msg, msg};
use crate::rules::{Late, Mapping, TierBound, TierValue, UnitCount};
use crate::t;

/// What relative mappings need to know about the item's values in the agency's group.
#[derive(Debug, Clone, Copy)]
pub struct GroupContext {
    /// The best value in the group (highest, or lowest when lower is better).
    pub best: Decimal,
    /// This agency's competition rank in the group by value.
    pub rank: u32,
    /// How many agencies of the group have a value.
    pub of: u32,
}

/// How a value's points were worked out: the numbers of its ledger text, made into the text
/// ([`Why::msg`]) only when a ledger keeps texts.
#[derive(Debug, Clone, Copy)]
pub enum Why {
    Linear {
        value: Decimal,
        zero: Decimal,
        full: Decimal,
        max: Decimal,
        points: Decimal,
    },
    Tier {
        value: Decimal,
        sign: &'static str,
        bound: Decimal,
        points: Decimal,
    },
    NoTier {
        value: Decimal,
    },
    TargetMet {
        value: Decimal,
        target: Decimal,
        max: Decimal,
    },
    ShortOfTarget {
        value: Decimal,
        short: Decimal,
        target: Decimal,
        units: Decimal,
        each: Decimal,
        points: Decimal,
    },
    RelativeToBest {
        best: Decimal,
        value: Decimal,
        points: Decimal,
    },
    ByRank {
        rank: u32,
        of: u32,
        value: Decimal,
        points: Decimal,
    },
}

impl Why {
    pub fn msg(self) -> Msg {
        match self {
            Why::Linear { value, zero, full, max, points } => msg::t!(
                "ledger-linear",
                value = value,
                zero = zero,
                full = full,
                max = max,
                points = points.normalize()
            ),
            Why::Tier { value, sign, bound, points } => msg::t!(
                "ledger-tier",
                value = value,
                bound = format!("{sign} {bound}"),
                points = points.normalize()
            ),
            Why::NoTier { value } => msg::t!("ledger-tier-none", value = value),
            Why::TargetMet { value, target, max } => {
                msg::t!("ledger-target-met", value = value, target = target, max = max)
            }
            Why::ShortOfTarget { value, short, target, units, each, points } => msg::t!(
                "ledger-short-of-target",
                value = value,
                short = short.normalize(),
                target = target,
                units = units.normalize(),
                each = each,
                points = points.normalize()
            ),
            Why::RelativeToBest { best, value, points } => msg::t!(
                "ledger-relative-to-group-best",
                best = best,
                value = value,
                points = points.normalize()
            ),
            Why::ByRank { rank, of, value, points } => msg::t!(
                "ledger-rank-in-group",
                rank = rank,
                of = of,
                value = value,
                points = points.normalize()
            ),
        }
    }
}

/// Points for `value` on an item with maximum `max`, and how they were worked out.
pub fn map_value(
    mapping: &Mapping,
    value: Decimal,
    max: Decimal,
    group: Option<GroupContext>,
) -> Result<(Decimal, Why), String> {
    let overflow = out_of_range(value);
    Ok(match mapping {
        Mapping::Linear { zero_at, full_at } => linear(value, *zero_at, *full_at, max)?,
        Mapping::Tiers(tiers) => {
            for t in tiers {
                let (met, sign, bound) = match t.bound {
                    TierBound::AtLeast(b) => (value >= b, "≥", b),
                    TierBound::AtMost(b) => (value <= b, "≤", b),
                };
                if met {
                    let points = match t.value {
                        TierValue::Share(s) => checked::mul(max, s).map_err(overflow)?,
                        TierValue::Points(p) => p,
                    };
                    return Ok((points, Why::Tier { value, sign, bound, points }));
                }
            }
            (Decimal::ZERO, Why::NoTier { value })
        }
        Mapping::PerUnit { target, points, per, units, higher_is_better } => {
            per_unit(value, *target, (*points, *per), *units, *higher_is_better, max)?
        }
        Mapping::RelativeToBest { higher_is_better } => {
            let g = group.ok_or("relative scoring without group context")?;
            if value.is_sign_negative() && !value.is_zero() {
                return Err(t!("run-score-negative-relative", value = value));
            }
            let points = if *higher_is_better {
                if g.best.is_zero() {
                    Decimal::ZERO
                } else {
                    checked::mul(max, value)
                        .and_then(|x| checked::div(x, g.best))
                        .map_err(overflow)?
                }
            } else if value.is_zero() {
                max
            } else {
                checked::mul(max, g.best).and_then(|x| checked::div(x, value)).map_err(overflow)?
            };
            (points, Why::RelativeToBest { best: g.best, value, points })
        }
        Mapping::ByRank { points, then_step, .. } => {
            let g = group.ok_or("rank scoring without group context")?;
            let i = g.rank as usize - 1;
            let pts = if i < points.len() {
                points[i]
            } else {
                let last = *points.last().unwrap_or(&Decimal::ZERO);
                checked::mul(*then_step, Decimal::from((i + 1 - points.len()) as u64))
                    .and_then(|x| checked::sub(last, x))
                    .map_err(overflow)?
                    .max(Decimal::ZERO)
            };
            (pts, Why::ByRank { rank: g.rank, of: g.of, value, points: pts })
        }
    })
}

/// The message for arithmetic on `value` that left the decimal range.
fn out_of_range(value: Decimal) -> impl Fn(Overflow) -> String + Copy {
    move |Overflow| t!("run-score-value-overflow", value = value)
}

/// Linear between the value earning 0 and the value earning the maximum, clamped.
fn linear(
    value: Decimal,
    zero: Decimal,
    full: Decimal,
    max: Decimal,
) -> Result<(Decimal, Why), String> {
    let overflow = out_of_range(value);
    let span = checked::sub(full, zero).map_err(overflow)?;
    let pos = checked::sub(value, zero).map_err(overflow)?;
    // Clamp before dividing so the common cases (beyond either bound) are exact.
    let points = if pos.is_sign_negative() == span.is_sign_negative() && pos.abs() >= span.abs() {
        max
    } else if pos.is_zero() || pos.is_sign_negative() != span.is_sign_negative() {
        Decimal::ZERO
    } else {
        checked::mul(max, pos).and_then(|x| checked::div(x, span)).map_err(overflow)?
    };
    Ok((points, Why::Linear { value, zero, full, max, points }))
}

/// The maximum less `points` per `per` units short of the target (counted exactly, or in whole
/// units rounded down or up), not below 0.
fn per_unit(
    value: Decimal,
    target: Decimal,
    (each, per): (Decimal, Decimal),
    units: UnitCount,
    higher_is_better: bool,
    max: Decimal,
) -> Result<(Decimal, Why), String> {
    let overflow = out_of_range(value);
    let short =
        if higher_is_better { checked::sub(target, value) } else { checked::sub(value, target) };
    let short = short.map_err(overflow)?;
    if short <= Decimal::ZERO {
        return Ok((max, Why::TargetMet { value, target, max }));
    }
    let raw = checked::div(short, per).map_err(overflow)?;
    let n = match units {
        UnitCount::Exact => raw,
        UnitCount::Floor => raw.floor(),
        UnitCount::Ceil => raw.ceil(),
    };
    let off = checked::mul(n, each).and_then(|x| checked::sub(max, x));
    let points = off.map_err(overflow)?.max(Decimal::ZERO);
    Ok((points, Why::ShortOfTarget { value, short, target, units: n, each, points }))
}

fn last_day_of_month(d: NaiveDate) -> bool {
    d.succ_opt().is_none_or(|n| n.month() != d.month())
}

/// Started months late: the smallest m ≥ 1 such that `due` moved m months on reaches `done`.
/// A due date at a month's end moves to month ends (due 11-30: December is month 1).
pub fn months_late(due: NaiveDate, done: NaiveDate) -> u32 {
    let mut m = 1u32;
    loop {
        let limit = if last_day_of_month(due) {
            let first = NaiveDate::from_ymd_opt(due.year(), due.month(), 1).expect("valid")
                + Months::new(m + 1);
            first.pred_opt().expect("valid")
        } else {
            due + Months::new(m)
        };
        if done <= limit || m > 1200 {
            return m;
        }
        m += 1;
    }
}

/// A late task's points: how late (`late`), then the maximum less `count` × `each`, not below
/// `min`.
fn reduced(late: Msg, max: Decimal, count: u64, each: Decimal, min: Decimal, pts: Decimal) -> Msg {
    msg::t!(
        "ledger-late-reduced",
        late = Detail::Msg(late),
        max = max,
        count = count,
        each = each,
        min = min.normalize(),
        points = pts.normalize()
    )
}

/// Points for a task done on `done` against `due`.
pub fn late_points(late: Late, max: Decimal, due: NaiveDate, done: NaiveDate) -> (Decimal, Msg) {
    let days = (done - due).num_days();
    match late {
        Late::Zero => (
            Decimal::ZERO,
            msg::t!(
                "ledger-late-nothing",
                done = done.to_string(),
                days = days,
                due = due.to_string()
            ),
        ),
        Late::Share(s) => {
            let pts = max * s;
            (
                pts,
                msg::t!(
                    "ledger-late-share",
                    done = done.to_string(),
                    days = days,
                    due = due.to_string(),
                    share = s.normalize(),
                    max = max,
                    points = pts.normalize()
                ),
            )
        }
        Late::PerMonth { points, min_share } => {
            let m = months_late(due, done);
            let pts = (max - points * Decimal::from(m)).max(max * min_share);
            let late = msg::t!(
                "ledger-late-months",
                done = done.to_string(),
                months = m,
                due = due.to_string()
            );
            (pts, reduced(late, max, u64::from(m), points, max * min_share, pts))
        }
        Late::PerBlock { points, days: block, min_share } => {
            let blocks = (days.max(1) + i64::from(block) - 1) / i64::from(block);
            let pts = (max - points * Decimal::from(blocks)).max(max * min_share);
            let late = msg::t!(
                "ledger-late-blocks",
                done = done.to_string(),
                days = days,
                due = due.to_string(),
                block = block,
                blocks = blocks
            );
            (pts, reduced(late, max, blocks as u64, points, max * min_share, pts))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_late_counts_started_months() {
        assert_eq!(months_late(d(2022, 11, 30), d(2022, 12, 1)), 1);
        assert_eq!(months_late(d(2022, 11, 30), d(2022, 12, 31)), 1);
        assert_eq!(months_late(d(2022, 11, 30), d(2023, 1, 1)), 2);
        assert_eq!(months_late(d(2022, 3, 31), d(2022, 4, 30)), 1);
        assert_eq!(months_late(d(2022, 3, 15), d(2022, 4, 15)), 1);
        assert_eq!(months_late(d(2022, 3, 15), d(2022, 4, 16)), 2);
    }

    #[test]
    fn linear_in_both_directions() {
        let m = Mapping::Linear { zero_at: dec!(60), full_at: dec!(100) };
        assert_eq!(map_value(&m, dec!(90), dec!(8), None).unwrap().0, dec!(6));
        assert_eq!(map_value(&m, dec!(50), dec!(8), None).unwrap().0, dec!(0));
        assert_eq!(map_value(&m, dec!(101), dec!(8), None).unwrap().0, dec!(8));
        let lower = Mapping::Linear { zero_at: dec!(10), full_at: dec!(0) };
        assert_eq!(map_value(&lower, dec!(2.5), dec!(4), None).unwrap().0, dec!(3));
    }

    #[test]
    fn per_unit_counts() {
        let m = |units| Mapping::PerUnit {
            target: dec!(100),
            points: dec!(0.5),
            per: dec!(1),
            units,
            higher_is_better: true,
        };
        assert_eq!(
            map_value(&m(UnitCount::Exact), dec!(97.5), dec!(5), None).unwrap().0,
            dec!(3.75)
        );
        assert_eq!(map_value(&m(UnitCount::Floor), dec!(97.5), dec!(5), None).unwrap().0, dec!(4));
        assert_eq!(map_value(&m(UnitCount::Ceil), dec!(97.5), dec!(5), None).unwrap().0, dec!(3.5));
        assert_eq!(map_value(&m(UnitCount::Exact), dec!(80), dec!(5), None).unwrap().0, dec!(0));
    }
}
