//! The ledger: one line per point added to or removed from an agency's total.
//!
//! Every transformation the engine applies (a deduction, a cap, a floor, rescaling, rounding, a veto)
//! is itself a line, so that a total is *exactly* the sum of its ledger and each point can be traced
//! to the rule that priced it and the input row it came from.

use rust_decimal::Decimal;
use serde::Serialize;

/// Decimals a ledger line's points are carried at: every line is rounded to this many decimals,
/// half away from zero, when it is written (and again when it is scaled to its share of the total).
/// With at most 10 decimals, and points far inside rust_decimal's 28 significant digits, a sum of
/// lines is computed without rounding, so a total is *exactly* the sum of its ledger lines
/// (docs/rules.md, "Precision").
pub const LEDGER_DP: u32 = 10;

/// `d` at ledger precision ([`LEDGER_DP`] decimals, half away from zero), trailing zeros removed.
pub fn at_ledger_precision(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(LEDGER_DP, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Which part of the total a line belongs to (the columns of rankings.csv).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum Component {
    /// A top-level indicator (dimension), by id.
    Dimension(String),
    /// Rescaling of the applicable maximum to the scheme total.
    Rescale,
    Bonus,
    Penalty,
    Lookback,
    /// Veto caps, the floor of the total at zero, and rounding of the total.
    Adjustment,
}

/// What kind of step produced the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Points credited (an item's starting points, points from a measured value, a task on time).
    Credit,
    /// Points deducted for a finding.
    Deduction,
    /// A cap giving back points beyond a per-kind, per-item or overall limit.
    Cap,
    /// A floor giving back points that would take a node below zero.
    Floor,
    Rescale,
    Bonus,
    Penalty,
    Lookback,
    Veto,
    Rounding,
    /// An appeal decision changed the points.
    Appeal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LedgerLine {
    /// The rule that priced the line: an indicator id, `bonus:<id>`, `penalty:<kind>`,
    /// `lookback`, `veto:<id>`, `rescale`, `rounding`.
    pub rule: String,
    pub component: Component,
    pub step: Step,
    pub points: Decimal,
    /// The input row it came from (`findings.csv:12`), if any.
    pub source: Option<String>,
    /// Human-readable explanation (the finding's evidence, the arithmetic applied).
    pub detail: String,
}
