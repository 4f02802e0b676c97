//! How robust is the ranking: rerun the scoring many times with the uncertain parts perturbed and
//! report, per agency, the interval its rank falls in and how likely each grade is.
//!
//! Two analyses (docs/composite.md, "Robustness"):
//! - **survey**, by one of two methods:
//!   - *response bootstrap*, when the data directory holds `survey-responses.csv` (the importer's
//!     `responses.csv`): each agency × survey's valid responses are resampled with replacement
//!     within each respondent group (n_g kept, so the weights w_i = W_g / n_g are unchanged) and
//!     the index recomputed exactly as the importer does ([`stats::weighted_mean`], rounded to 2
//!     decimals). Survey rows whose index is not the responses' index (a below-minimum policy
//!     replaced it, or the responses belong to another import) stay fixed;
//!   - *parametric*, otherwise: every survey index is redrawn from its confidence interval
//!     (`index + se·z`, `se = (ci_high − ci_low) / 3.92`, `z` the sum of twelve uniforms minus
//!     six, rounded to 2 decimals and kept within 0–100).
//! - **weights**: every indicator's weight in its parent is drawn uniformly from its
//!   `weight_bounds` when the rules state them, otherwise multiplied by a factor uniform in
//!   `[1 − r, 1 + r]` (Monte Carlo).
//!
//! Replicate `k` draws from its own ChaCha8 stream seeded by `(seed, k)`, in a fixed order (survey
//! rows in input order, indicators in file order), with decimal arithmetic only; replicates run in
//! parallel into a vector indexed by `k`. So results depend on the seed and nothing else: not on the
//! thread count, not on the platform.

mod analysis;
pub mod chart;
mod read;
mod text;
mod write;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

pub use analysis::{analyse, responses_index};
pub use read::{survey_errors, survey_responses};
pub use text::summary;
pub use write::to_csv;

/// The file of valid survey responses in a data directory (written by `kaohe synth --survey`, or
/// an import's `responses.csv` copied in).
pub const RESPONSES_FILE: &str = "survey-responses.csv";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Survey,
    Weights,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Survey => "survey",
            Kind::Weights => "weights",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub replicates: u32,
    pub seed: u64,
    /// Weights vary within `[1 − weight_range, 1 + weight_range]` times their stated value.
    pub weight_range: Decimal,
}

/// One agency's outcome over the replicates of one analysis.
#[derive(Debug, Clone)]
pub struct Interval {
    pub agency_id: String,
    pub agency: String,
    pub group: String,
    pub total: Decimal,
    pub rank: u32,
    pub grade: String,
    /// Nearest-rank percentiles of the replicates' ranks.
    pub p05: u32,
    pub median: u32,
    pub p95: u32,
    pub min: u32,
    pub max: u32,
    /// Share of replicates in each grade, in the group's band order (grades never reached left out).
    pub grades: Vec<(String, Decimal)>,
}

impl Interval {
    /// Whether some replicate gave the agency another grade than the baseline run.
    pub fn grade_can_change(&self) -> bool {
        self.grades.iter().any(|(g, p)| g != &self.grade && !p.is_zero())
    }
}

/// How the analysis perturbs its inputs (not a scoring method: see [`crate::rules::Method`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Perturbation {
    /// Survey indices redrawn from their confidence intervals.
    Parametric,
    /// Survey responses resampled within respondent groups.
    ResponseBootstrap,
    /// Weights drawn from their bounds or range.
    MonteCarlo,
}

impl Perturbation {
    pub fn name(self) -> &'static str {
        match self {
            Perturbation::Parametric => "parametric",
            Perturbation::ResponseBootstrap => "response-bootstrap",
            Perturbation::MonteCarlo => "monte-carlo",
        }
    }
}

/// One agency × survey's valid responses, by respondent group in order of first appearance:
/// the group's weight W_g and its respondents' scores in millionths.
pub type GroupResponses = Vec<(Decimal, Vec<i64>)>;

/// What the survey analysis draws from.
#[derive(Debug, Clone)]
pub enum SurveyData {
    /// Standard errors by (agency, survey), from survey.csv's intervals.
    Errors(BTreeMap<(String, String), Decimal>),
    /// Responses by (agency, survey), from `survey-responses.csv`.
    Responses(BTreeMap<(String, String), GroupResponses>),
}

#[derive(Debug, Clone)]
pub struct Analysis {
    pub kind: Kind,
    pub method: Perturbation,
    pub replicates: u32,
    /// Survey rows that stay fixed (survey analysis only): without a confidence interval
    /// (parametric), or without responses whose index is the row's index (bootstrap).
    pub fixed_rows: usize,
    /// Responses resampled (bootstrap only).
    pub responses: usize,
    /// Agencies in the baseline's order (group, rank, id).
    pub agencies: Vec<Interval>,
}
