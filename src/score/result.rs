//! What a scoring run produces: one [`AgencyResult`] per agency (its ledger, its components, its
//! rank and grade) plus enough of the scheme to render it without the rules file.
//!
//! Everything downstream of the engine (rankings.csv, scores.json, charts, the report, previews)
//! reads these types and nothing else.

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::Serialize;

// Input provenance is the input layer's; re-exported for readers of a run.
pub use crate::input::InputRecord;
use crate::score::ledger::Ledger;

/// A completed run: scheme summary, per-agency results in output order, input provenance.
#[derive(Debug, Clone, Serialize)]
pub struct RunResult {
    pub engine_version: String,
    /// The language the run's texts (ledger lines, rankings.csv) were written in: `zh` or `en`.
    /// `kaohe verify` recomputes in it; a scores.json without it was written in English.
    #[serde(serialize_with = "lang_code")]
    pub lang: crate::util::i18n::Lang,
    pub scheme: SchemeSummary,
    /// Agencies ordered by group (in scheme order), then rank, then agency id.
    pub agencies: Vec<AgencyResult>,
    /// The rules file and every input file read, with hashes and row accounting.
    pub inputs: Vec<InputRecord>,
    /// Every survey result read (the satisfaction index and its interval), ordered by survey, then
    /// agency id; for the report, which draws them.
    pub surveys: Vec<SurveySummary>,
    /// Input kinds the scheme reads that had no file (allowed by `--allow-missing`): every agency
    /// scored as if that kind held no row. Left out of scores.json when none was absent.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub absent_inputs: Vec<String>,
}

/// The parts of the scheme a reader of the results needs.
#[derive(Debug, Clone, Serialize)]
pub struct SchemeSummary {
    pub id: String,
    pub title: String,
    pub basis: String,
    /// The common total every agency's base score is expressed on (e.g. 100).
    pub total: Decimal,
    /// Top-level indicators (dimensions), in scheme order.
    pub dimensions: Vec<DimensionSummary>,
    pub groups: Vec<GroupSummary>,
    /// Decimals totals are rounded to.
    pub decimals: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct DimensionSummary {
    pub id: String,
    pub name: String,
    pub max: Decimal,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupSummary {
    pub id: String,
    pub name: String,
    /// Grade bands, best first; the last band has the lowest minimum.
    pub grades: Vec<GradeBandSummary>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GradeBandSummary {
    pub name: String,
    /// Lowest total that reaches this band.
    pub min: Decimal,
}

/// One agency's result. `total` equals the sum of `ledger[].points` exactly.
#[derive(Debug, Clone, Serialize)]
pub struct AgencyResult {
    pub agency_id: String,
    pub agency: String,
    pub group: String,
    pub parent: Option<String>,
    /// 1-based rank within the group (competition ranking: 1, 2, 2, 4); 0 for no rank (a vetoed
    /// agency under `veto_rank = "unranked"`), written `null` in scores.json.
    #[serde(serialize_with = "rank_or_null")]
    pub rank: u32,
    pub grade: String,
    /// Whether a grade quota moved this agency below the band its points reach.
    pub demoted_by_quota: bool,
    pub total: Decimal,
    /// Points per dimension (same order as `SchemeSummary::dimensions`), before rescaling.
    /// `None` when nothing in the dimension applies to this agency.
    pub dimensions: Vec<Option<Decimal>>,
    /// Maximum points applicable to this agency per dimension (same order).
    pub dimension_max: Vec<Decimal>,
    /// Sum of the maxima of every item that applies to this agency.
    pub applicable_max: Decimal,
    /// Points added or removed by rescaling the applicable maximum to the scheme total.
    pub rescale: Decimal,
    pub bonus: Decimal,
    /// Penalty points (≤ 0).
    pub penalty: Decimal,
    /// Look-back points (≤ 0).
    pub lookback: Decimal,
    /// Points changed by a veto that caps the score (≤ 0), and floors/rounding of the total.
    pub adjustment: Decimal,
    pub veto: Option<VetoApplied>,
    /// Ids of findings whose appeal decision changed this agency's points (overturned or partly).
    pub appeals_changed: Vec<String>,
    /// Ids of findings with an appeal still pending.
    pub appeals_pending: Vec<String>,
    /// Every indicator with a value for this agency, in scheme order: its value in its own units
    /// (a domain's mean, an item's points), its rank in the group, and for normalised items the
    /// stages the value went through (docs/composite.md).
    pub nodes: Vec<NodeValue>,
    /// Every line; a run of finding lines that differ only in their row is kept (and written)
    /// as one entry ([`crate::score::ledger::Ledger`]).
    pub ledger: Ledger,
}

/// 48 bytes: a national run keeps one per indicator per agency (180,000 for 3,000 agencies), so
/// the id is the scheme's shared text and the rarely present stages are boxed.
#[derive(Debug, Clone, Serialize)]
pub struct NodeValue {
    #[serde(serialize_with = "crate::score::ledger::arc_str")]
    pub id: Arc<str>,
    pub value: Decimal,
    /// Rank in the group by value (higher is better), with the group's tie style.
    pub rank: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stages: Option<Box<Stages>>,
}

/// A normalised item's value before normalisation: as measured, divided by its denominator,
/// after imputation, after winsorisation. `None` where the stage had no value.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stages {
    pub raw: Option<Decimal>,
    pub denominated: Option<Decimal>,
    pub imputed: Option<Decimal>,
    pub treated: Option<Decimal>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VetoApplied {
    /// The veto rule's id.
    pub rule: String,
    pub name: String,
    /// The forced grade, if the veto forces one.
    pub grade: Option<String>,
    /// The score cap, if the veto caps the score.
    pub score: Option<Decimal>,
    /// The finding that triggered it (file:line).
    pub source: String,
}

/// One agency's survey result as read from the survey input (an index is reported as given, also
/// when the scheme scores it by a rule for results below the minimum sample).
#[derive(Debug, Clone, Serialize)]
pub struct SurveySummary {
    pub agency_id: String,
    /// The survey's id (the `survey` an indicator names).
    pub survey: String,
    pub index: Decimal,
    /// The index's 95% confidence interval, when the input gives one.
    pub ci_low: Option<Decimal>,
    pub ci_high: Option<Decimal>,
    /// Valid responses.
    pub n: Option<u64>,
    /// Whether `n` is below the survey's minimum sample.
    pub below_minimum: bool,
}

fn lang_code<S: serde::Serializer>(
    lang: &crate::util::i18n::Lang,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(lang.code())
}

/// A rank, or `null` for 0 (no rank).
fn rank_or_null<S: serde::Serializer>(rank: &u32, s: S) -> Result<S::Ok, S::Error> {
    if *rank == 0 { s.serialize_none() } else { s.serialize_u32(*rank) }
}

/// A rank as people read it: the number, or "—" for no rank.
pub fn shown_rank(rank: u32) -> String {
    if rank == 0 { "—".to_string() } else { rank.to_string() }
}
