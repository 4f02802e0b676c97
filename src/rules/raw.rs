//! The rules file exactly as written: serde structs mirroring the TOML, strict about unknown keys.
//!
//! Nothing outside `rules` sees these types: [`super::validate`] turns them into a
//! [`super::Scheme`] or a list of errors naming file, line and key. Keys are documented in
//! docs/rules.md; keep the two in step.

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

pub type Date = toml::value::Datetime;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScheme {
    pub scheme: RawHeader,
    #[serde(default)]
    pub rounding: Option<RawRounding>,
    #[serde(default, rename = "group")]
    pub groups: Vec<RawGroup>,
    #[serde(default, rename = "indicator")]
    pub indicators: Vec<RawIndicator>,
    #[serde(default)]
    pub bonus: Option<RawBonus>,
    #[serde(default)]
    pub penalty: Option<RawPenalty>,
    #[serde(default, rename = "veto")]
    pub vetoes: Vec<RawVeto>,
    #[serde(default)]
    pub lookback: Option<RawLookback>,
    #[serde(default, rename = "case")]
    pub cases: Vec<RawCase>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    pub id: String,
    pub title: String,
    pub basis: String,
    #[serde(default)]
    pub year: Option<i32>,
    pub total: Decimal,
    #[serde(default)]
    pub floor: Option<Spanned<String>>,
    #[serde(default)]
    pub rescale: Option<Spanned<String>>,
    /// Where an agency with a triggered agency-level veto ranks: score (default), last, unranked.
    #[serde(default)]
    pub veto_rank: Option<Spanned<String>>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRounding {
    pub decimals: u32,
    /// Steps at which to round; omitted means the total only.
    #[serde(default)]
    pub at: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub id: Spanned<String>,
    pub name: String,
    #[serde(default)]
    pub tie_break: Vec<Spanned<String>>,
    #[serde(default)]
    pub quota_ties: Option<Spanned<String>>,
    #[serde(default, rename = "grade")]
    pub grades: Vec<RawGrade>,
    /// Rank tie style: competition (default) or dense (docs/composite.md).
    #[serde(default)]
    pub ties: Option<Spanned<String>>,
    /// Rank on values rounded half-up to this many decimals (docs/composite.md).
    #[serde(default)]
    pub rank_decimals: Option<Spanned<u32>>,
    /// The group's full marks when it has an indicator set of its own (default scheme.total).
    #[serde(default)]
    pub total: Option<Spanned<Decimal>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGrade {
    pub name: Spanned<String>,
    pub min: Spanned<Decimal>,
    #[serde(default)]
    pub max_share: Option<Spanned<Decimal>>,
    #[serde(default)]
    pub max_count: Option<u32>,
    /// How `max_share × n` becomes whole agencies: floor (default), round or ceil.
    #[serde(default)]
    pub share_rounding: Option<Spanned<String>>,
    /// The share quota is never below this many agencies.
    #[serde(default)]
    pub min_count: Option<Spanned<u32>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub id: Spanned<String>,
    #[serde(default)]
    pub parent: Option<Spanned<String>>,
    pub name: String,
    pub max: Spanned<Decimal>,
    pub basis: Spanned<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub groups: Vec<Spanned<String>>,
    #[serde(default)]
    pub agencies: Vec<Spanned<String>>,
    #[serde(default)]
    pub exempt: Vec<Spanned<String>>,
    #[serde(default)]
    pub floor: Option<bool>,
    #[serde(default)]
    pub deduct: Vec<RawDeduct>,
    #[serde(default)]
    pub deadline: Option<RawDeadline>,
    #[serde(default)]
    pub measure: Option<RawMeasure>,
    #[serde(default)]
    pub survey: Option<RawSurveyItem>,
    /// Composite methods (docs/composite.md).
    #[serde(default)]
    pub normalise: Option<Spanned<RawNormalise>>,
    #[serde(default)]
    pub aggregate: Option<Spanned<String>>,
    #[serde(default)]
    pub weight: Option<Spanned<Decimal>>,
    #[serde(default)]
    pub round: Option<Spanned<u32>>,
    /// The node counts 0 unless this earlier sibling has a value above 0.
    #[serde(default)]
    pub gate: Option<Spanned<String>>,
    /// This indicator's rank compares values rounded to this many decimals.
    #[serde(default)]
    pub rank_decimals: Option<Spanned<u32>>,
    /// The range `kaohe robustness` varies the weight in: [low, high].
    #[serde(default)]
    pub weight_bounds: Option<Spanned<Vec<Decimal>>>,
    /// This indicator's rank tie style (competition or dense), overriding the group's.
    #[serde(default)]
    pub ties: Option<Spanned<String>>,
    /// An inner node: how the points of children that do not apply are spread over the others
    /// (none, even, proportional).
    #[serde(default)]
    pub redistribute: Option<Spanned<String>>,
    /// Points below `min` on this indicator force `grade`.
    #[serde(default)]
    pub threshold: Option<Spanned<RawThreshold>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawThreshold {
    pub min: Decimal,
    pub grade: String,
}

/// `[indicator.normalise]`: a measured value, denominated, imputed, treated and normalised.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNormalise {
    #[serde(default)]
    pub measure: Option<String>,
    #[serde(default)]
    pub per: Option<String>,
    #[serde(default)]
    pub method: Option<Spanned<String>>,
    #[serde(default)]
    pub higher_is_better: Option<bool>,
    #[serde(default)]
    pub low: Option<Decimal>,
    #[serde(default)]
    pub high: Option<Decimal>,
    #[serde(default)]
    pub clamp: Option<bool>,
    #[serde(default)]
    pub mean: Option<Decimal>,
    #[serde(default)]
    pub sd: Option<Decimal>,
    #[serde(default)]
    pub within: Option<Spanned<String>>,
    #[serde(default)]
    pub missing: Option<Spanned<String>>,
    #[serde(default)]
    pub impute_within: Option<Spanned<String>>,
    #[serde(default)]
    pub winsorise: Option<RawWinsorise>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWinsorise {
    pub skew: Decimal,
    pub kurtosis: Decimal,
    pub max_iterations: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeduct {
    pub kind: Spanned<String>,
    pub name: String,
    pub points: Spanned<Decimal>,
    #[serde(default)]
    pub cap: Option<Spanned<Decimal>>,
    #[serde(default)]
    pub major: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeadline {
    pub due: Spanned<Date>,
    #[serde(default)]
    pub late_share: Option<Spanned<Decimal>>,
    #[serde(default)]
    pub late_per_month: Option<Spanned<Decimal>>,
    #[serde(default)]
    pub late_per_block: Option<Spanned<Decimal>>,
    #[serde(default)]
    pub block_days: Option<Spanned<u32>>,
    #[serde(default)]
    pub late_min_share: Option<Spanned<Decimal>>,
    #[serde(default)]
    pub cutoff: Option<Spanned<Date>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeasure {
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub missing: Option<Spanned<String>>,
    #[serde(default)]
    pub linear: Option<Spanned<RawLinear>>,
    #[serde(default)]
    pub tiers: Option<Spanned<Vec<RawTier>>>,
    #[serde(default)]
    pub per_unit: Option<Spanned<RawPerUnit>>,
    #[serde(default)]
    pub relative_to_best: Option<Spanned<RawRelative>>,
    #[serde(default)]
    pub by_rank: Option<Spanned<RawByRank>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSurveyItem {
    pub survey: String,
    #[serde(default)]
    pub missing: Option<Spanned<String>>,
    #[serde(default)]
    pub below_minimum: Option<Spanned<String>>,
    #[serde(default)]
    pub linear: Option<Spanned<RawLinear>>,
    #[serde(default)]
    pub tiers: Option<Spanned<Vec<RawTier>>>,
    #[serde(default)]
    pub per_unit: Option<Spanned<RawPerUnit>>,
    #[serde(default)]
    pub relative_to_best: Option<Spanned<RawRelative>>,
    #[serde(default)]
    pub by_rank: Option<Spanned<RawByRank>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLinear {
    pub zero_at: Decimal,
    pub full_at: Decimal,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTier {
    #[serde(default)]
    pub at_least: Option<Decimal>,
    #[serde(default)]
    pub at_most: Option<Decimal>,
    #[serde(default)]
    pub share: Option<Decimal>,
    #[serde(default)]
    pub points: Option<Decimal>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerUnit {
    pub target: Decimal,
    pub points: Decimal,
    #[serde(default)]
    pub per: Option<Decimal>,
    #[serde(default)]
    pub units: Option<String>,
    #[serde(default)]
    pub higher_is_better: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelative {
    #[serde(default)]
    pub higher_is_better: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawByRank {
    pub points: Vec<Decimal>,
    #[serde(default)]
    pub then_step: Option<Decimal>,
    #[serde(default)]
    pub higher_is_better: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBonus {
    #[serde(default)]
    pub cap: Option<Spanned<Decimal>>,
    #[serde(default)]
    pub min_base: Option<Spanned<Decimal>>,
    /// The bonus counts only when the named nodes' points reach a bound.
    #[serde(default)]
    pub gate: Option<Spanned<RawBonusGate>>,
    /// The top-level part the bonus belongs to (weighted with it).
    #[serde(default)]
    pub to: Option<Spanned<String>>,
    #[serde(default)]
    pub basis: Option<String>,
    #[serde(default, rename = "item")]
    pub items: Vec<RawBonusItem>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBonusGate {
    pub sum_of: Vec<String>,
    #[serde(default)]
    pub at_least: Option<Decimal>,
    #[serde(default)]
    pub above: Option<Decimal>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBonusItem {
    pub id: Spanned<String>,
    pub name: String,
    pub points: Spanned<Decimal>,
    #[serde(default)]
    pub cap: Option<Spanned<Decimal>>,
    pub basis: Spanned<String>,
    #[serde(default)]
    pub groups: Vec<Spanned<String>>,
    #[serde(default)]
    pub agencies: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPenalty {
    #[serde(default)]
    pub cap: Option<Spanned<Decimal>>,
    #[serde(default, rename = "kind")]
    pub kinds: Vec<RawPenaltyKind>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPenaltyKind {
    pub kind: Spanned<String>,
    pub name: String,
    pub points: Spanned<Decimal>,
    #[serde(default)]
    pub cap: Option<Spanned<Decimal>>,
    pub basis: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVeto {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub name: String,
    #[serde(default)]
    pub grade: Option<Spanned<String>>,
    #[serde(default)]
    pub score: Option<Spanned<Decimal>>,
    /// A 单项否决: the veto zeroes this indicator (any level) for the agency.
    #[serde(default)]
    pub indicator: Option<Spanned<String>>,
    /// With `score`: cap (default) caps the total, set sets it (raising a lower one too).
    #[serde(default)]
    pub score_mode: Option<Spanned<String>>,
    pub basis: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLookback {
    pub basis: Spanned<String>,
    #[serde(default)]
    pub cap: Option<Spanned<Decimal>>,
    #[serde(default)]
    pub repeat_multiplier: Option<Spanned<Decimal>>,
    /// Last year's finding kinds this scheme no longer prices (look-back rows may name them).
    #[serde(default)]
    pub kinds: Vec<Spanned<String>>,
    pub points: RawLookbackPoints,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLookbackPoints {
    pub rectified: Decimal,
    pub late: Decimal,
    pub partial: Decimal,
    pub not_rectified: Decimal,
}

/// A test case carried by the rules file: small agencies and inputs with expected results.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCase {
    pub name: Spanned<String>,
    #[serde(default)]
    pub tolerance: Option<Decimal>,
    #[serde(default)]
    pub agencies: Vec<CaseAgency>,
    #[serde(default)]
    pub findings: Vec<CaseFinding>,
    #[serde(default)]
    pub tasks: Vec<RawCaseTask>,
    #[serde(default)]
    pub measures: Vec<CaseMeasure>,
    #[serde(default)]
    pub awards: Vec<CaseAward>,
    #[serde(default)]
    pub lookback: Vec<RawCaseLookback>,
    #[serde(default)]
    pub surveys: Vec<CaseSurvey>,
    #[serde(default)]
    pub expect: Vec<CaseExpect>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseAgency {
    pub id: String,
    pub name: String,
    pub group: String,
    #[serde(default)]
    pub parent: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFinding {
    #[serde(default)]
    pub id: Option<String>,
    pub agency: String,
    pub kind: String,
    #[serde(default)]
    pub count: Option<u32>,
    #[serde(default)]
    pub evidence: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCaseTask {
    pub agency: String,
    pub task: String,
    #[serde(default)]
    pub completed: Option<Date>,
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseMeasure {
    pub agency: String,
    pub indicator: String,
    pub value: Decimal,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseAward {
    pub agency: String,
    pub bonus: String,
    #[serde(default)]
    pub count: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCaseLookback {
    #[serde(default)]
    pub id: Option<String>,
    pub agency: String,
    pub kind: String,
    pub status: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseSurvey {
    pub agency: String,
    pub survey: String,
    pub index: Decimal,
    #[serde(default)]
    pub n: Option<u64>,
    #[serde(default)]
    pub below_minimum: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseExpect {
    pub agency: String,
    #[serde(default)]
    pub total: Option<Decimal>,
    #[serde(default)]
    pub grade: Option<String>,
    #[serde(default)]
    pub rank: Option<u32>,
    /// The agency has no rank (a vetoed agency under `veto_rank = "unranked"`).
    #[serde(default)]
    pub unranked: Option<bool>,
    /// The id of the agency's recorded veto; `""` asserts none.
    #[serde(default)]
    pub vetoed: Option<String>,
    /// Expected points of indicators by id (any level), e.g. `{ "D1" = 12.5 }`.
    #[serde(default)]
    pub points: std::collections::BTreeMap<String, Decimal>,
}
