//! The ledger: one line per point added to or removed from an agency's total.
//!
//! Every transformation the engine applies (a deduction, a cap, a floor, rescaling, rounding, a veto)
//! is itself a line, so that a total is *exactly* the sum of its ledger and each point can be traced
//! to the rule that priced it and the input row it came from.

use rust_decimal::Decimal;
use serde::Serialize;

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
