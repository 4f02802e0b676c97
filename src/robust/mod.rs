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

pub mod chart;

use std::collections::BTreeMap;
use std::path::Path;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use rust_decimal::Decimal;

use crate::error::{Error, Location, Result};
use crate::input::Inputs;
use crate::rules::Scheme;
use crate::score::result::RunResult;
use crate::survey::stats::{self, MICRO};

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

/// How the analysis perturbs its inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Survey indices redrawn from their confidence intervals.
    Parametric,
    /// Survey responses resampled within respondent groups.
    ResponseBootstrap,
    /// Weights drawn from their bounds or range.
    MonteCarlo,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Parametric => "parametric",
            Method::ResponseBootstrap => "response-bootstrap",
            Method::MonteCarlo => "monte-carlo",
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
    pub method: Method,
    pub replicates: u32,
    /// Survey rows that stay fixed (survey analysis only): without a confidence interval
    /// (parametric), or without responses whose index is the row's index (bootstrap).
    pub fixed_rows: usize,
    /// Responses resampled (bootstrap only).
    pub responses: usize,
    /// Agencies in the baseline's order (group, rank, id).
    pub agencies: Vec<Interval>,
}

fn stream(seed: u64, kind: Kind, k: u32) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(u64::from(k) * 2 + u64::from(kind == Kind::Weights));
    rng
}

/// A uniform draw in [0, 1) with 9 exact decimals.
fn uniform(rng: &mut ChaCha8Rng) -> Decimal {
    Decimal::new(rng.random_range(0..1_000_000_000i64), 9)
}

/// An approximately standard normal draw: the sum of twelve uniforms minus six (Irwin–Hall).
fn normal(rng: &mut ChaCha8Rng) -> Decimal {
    (0..12).map(|_| uniform(rng)).sum::<Decimal>() - Decimal::from(6)
}

/// Standard errors of survey indices from `survey.{csv,xlsx}`'s ci_low and ci_high columns, by
/// (agency, survey). Rows without both are absent.
pub fn survey_errors(dir: &Path) -> Result<BTreeMap<(String, String), Decimal>> {
    let mut out = BTreeMap::new();
    let Some(path) = crate::input::load::find_file(dir, "survey")? else { return Ok(out) };
    let t = crate::input::table::read_table(&path, &crate::pipeline::display(&path), None)?;
    let (Some(a), Some(s), Some(lo), Some(hi)) =
        (t.column("agency"), t.column("survey"), t.column("ci_low"), t.column("ci_high"))
    else {
        return Ok(out);
    };
    for row in &t.rows {
        let cell = |i: usize| row.cells.get(i).map(|c| c.trim()).unwrap_or("");
        if cell(lo).is_empty() || cell(hi).is_empty() {
            continue;
        }
        let parse = |i: usize, key: &str| {
            crate::input::parse::decimal(cell(i))
                .map_err(|m| Error::at(t.at(row, i), format!("{key}: {m}")))
        };
        let (l, h) = (parse(lo, "ci_low")?, parse(hi, "ci_high")?);
        if h < l {
            return Err(Error::at(
                Location::line(&t.file, row.line).with_column("ci_high"),
                format!("ci_high {h} is below ci_low {l}: expected ci_low ≤ ci_high"),
            ));
        }
        out.insert((cell(a).to_string(), cell(s).to_string()), (h - l) / Decimal::new(392, 2));
    }
    Ok(out)
}

/// The responses in `dir/survey-responses.csv` by (agency, survey), or `None` without the file.
/// Columns `agency,survey,group,weight,y` (y in points with at most 6 decimals, as the importer
/// writes it); a group must have one weight within an agency × survey.
pub fn survey_responses(dir: &Path) -> Result<Option<BTreeMap<(String, String), GroupResponses>>> {
    let path = dir.join(RESPONSES_FILE);
    if !path.is_file() {
        return Ok(None);
    }
    let t = crate::input::table::read_table(&path, &crate::pipeline::display(&path), None)?;
    t.deny_unknown_columns(&crate::survey::output::RESPONSES_HEADER)?;
    let mut cols = [0; 5];
    for (c, name) in cols.iter_mut().zip(crate::survey::output::RESPONSES_HEADER) {
        *c = t.require(name)?;
    }
    let [a, s, g, w, y] = cols;
    let mut out: BTreeMap<(String, String), (Vec<String>, GroupResponses)> = BTreeMap::new();
    for row in &t.rows {
        let cell = |i: usize| row.cells.get(i).map(|c| c.trim()).unwrap_or("");
        let parse = |i: usize, key: &str| {
            crate::input::parse::decimal(cell(i))
                .map_err(|m| Error::at(t.at(row, i), format!("{key}: {m}")))
        };
        let weight = parse(w, "weight")?;
        if weight <= Decimal::ZERO {
            return Err(Error::at(
                t.at(row, w),
                format!("weight {weight}: expected a positive weight"),
            ));
        }
        let micro = parse(y, "y")? * Decimal::from(MICRO);
        let yv = match (micro.fract().is_zero(), rust_decimal::prelude::ToPrimitive::to_i64(&micro))
        {
            (true, Some(v)) => v,
            _ => {
                return Err(Error::at(
                    t.at(row, y),
                    format!("y {}: expected a score with at most 6 decimals", cell(y)),
                ));
            }
        };
        let (names, groups) = out.entry((cell(a).to_string(), cell(s).to_string())).or_default();
        match names.iter().position(|n| n == cell(g)) {
            Some(i) if groups[i].0 != weight => {
                return Err(Error::at(
                    t.at(row, w),
                    format!(
                        "group {} has weight {} here and {} on an earlier row of agency {}: expected one weight per group",
                        cell(g),
                        weight,
                        groups[i].0,
                        cell(a)
                    ),
                ));
            }
            Some(i) => groups[i].1.push(yv),
            None => {
                names.push(cell(g).to_string());
                groups.push((weight, vec![yv]));
            }
        }
    }
    Ok(Some(out.into_iter().map(|(k, (_, g))| (k, g)).collect()))
}

/// The index of responses as the importer computes it: [`stats::weighted_mean`] of the groups'
/// sums, rounded half away from zero to 2 decimals.
pub fn responses_index(groups: &GroupResponses) -> Option<Decimal> {
    stats::weighted_mean(
        groups.iter().map(|(w, ys)| (*w, ys.iter().map(|&y| y as i128).sum(), ys.len() as u64)),
    )
    .map(|m| stats::round(m, 2))
}

/// One bootstrap index: each group's n_g responses drawn with replacement (n_g draws, in order).
fn resampled_index(groups: &GroupResponses, rng: &mut ChaCha8Rng) -> Option<Decimal> {
    stats::weighted_mean(groups.iter().map(|(w, ys)| {
        let sum: i128 = (0..ys.len()).map(|_| ys[rng.random_range(0..ys.len())] as i128).sum();
        (*w, sum, ys.len() as u64)
    }))
    .map(|m| stats::round(m, 2))
}

/// Run one analysis: `replicates` perturbed runs, summarised against the baseline.
pub fn analyse(
    scheme: &Scheme,
    inputs: &Inputs,
    baseline: &RunResult,
    kind: Kind,
    cfg: &Config,
    survey: &SurveyData,
) -> Result<Analysis> {
    // Per survey row (input order), what perturbs it: None = fixed.
    let empty = BTreeMap::new();
    let (survey_se, boot) = match survey {
        SurveyData::Errors(se) => (se, None),
        SurveyData::Responses(r) => (&empty, Some(r)),
    };
    let resampled: Vec<Option<&GroupResponses>> = inputs
        .surveys
        .iter()
        .map(|s| {
            let g = boot?.get(&(s.agency.clone(), s.survey.clone()))?;
            // A row whose index is not its responses' index (replaced by a below-minimum policy,
            // or from another import) is not theirs to resample.
            (responses_index(g) == Some(s.index)).then_some(g)
        })
        .collect();
    // Each replicate keeps only each agency's rank and grade: a whole RunResult (every ledger) per
    // replicate would hold hundreds of megabytes for a few hundred replicates.
    let runs: Vec<Result<Vec<(String, u32, String)>>> = (0..cfg.replicates)
        .into_par_iter()
        .map(|k| {
            let mut rng = stream(cfg.seed, kind, k);
            match kind {
                Kind::Survey if boot.is_some() => {
                    let mut inputs = inputs.clone();
                    for (s, g) in inputs.surveys.iter_mut().zip(&resampled) {
                        if let Some(g) = g {
                            s.index = resampled_index(g, &mut rng).unwrap_or(s.index);
                        }
                    }
                    crate::pipeline::score_checked(scheme, &inputs)
                }
                Kind::Survey => {
                    let mut inputs = inputs.clone();
                    for s in &mut inputs.surveys {
                        if let Some(se) = survey_se.get(&(s.agency.clone(), s.survey.clone())) {
                            // An index lives on 0–100: a draw beyond stays at the bound.
                            let v = (s.index + *se * normal(&mut rng))
                                .clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
                            s.index = v.round_dp_with_strategy(
                                2,
                                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                            );
                        }
                    }
                    crate::pipeline::score_checked(scheme, &inputs)
                }
                Kind::Weights => {
                    let mut scheme = scheme.clone();
                    let width = cfg.weight_range * Decimal::TWO;
                    for n in scheme.nodes.iter_mut().filter(|n| n.parent.is_some()) {
                        // One draw per indicator whatever its bounds, so the streams line up.
                        let u = uniform(&mut rng);
                        n.weight = match n.weight_bounds {
                            Some((lo, hi)) => lo + (hi - lo) * u,
                            None => n.weight * (Decimal::ONE - cfg.weight_range + width * u),
                        };
                    }
                    crate::pipeline::score_checked(&scheme, inputs)
                }
            }
        })
        .map(|run| {
            run.map(|r| r.agencies.into_iter().map(|a| (a.agency_id, a.rank, a.grade)).collect())
        })
        .collect();
    let mut ranks: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    let mut grades: BTreeMap<&str, BTreeMap<String, u32>> = BTreeMap::new();
    let runs: Vec<Vec<(String, u32, String)>> = runs.into_iter().collect::<Result<_>>()?;
    for run in &runs {
        for (id, rank, grade) in run {
            ranks.entry(id.as_str()).or_default().push(*rank);
            *grades.entry(id.as_str()).or_default().entry(grade.clone()).or_default() += 1;
        }
    }
    let n = cfg.replicates.max(1);
    let pct = |sorted: &[u32], p: u32| -> u32 {
        // Nearest rank: the ⌈p·N/100⌉-th smallest.
        let i = (p as usize * sorted.len()).div_ceil(100).max(1) - 1;
        sorted[i.min(sorted.len() - 1)]
    };
    let agencies = baseline
        .agencies
        .iter()
        .map(|a| {
            let mut r = ranks.remove(a.agency_id.as_str()).unwrap_or_else(|| vec![a.rank]);
            r.sort_unstable();
            let counts = grades.remove(a.agency_id.as_str()).unwrap_or_default();
            let band_order: Vec<String> = scheme
                .group(&a.group)
                .map(|g| g.grades.iter().map(|b| b.name.clone()).collect())
                .unwrap_or_default();
            let grades = band_order
                .into_iter()
                .filter_map(|g| counts.get(&g).map(|&c| (g, Decimal::from(c) / Decimal::from(n))))
                .collect();
            Interval {
                agency_id: a.agency_id.clone(),
                agency: a.agency.clone(),
                group: a.group.clone(),
                total: a.total,
                rank: a.rank,
                grade: a.grade.clone(),
                p05: pct(&r, 5),
                median: pct(&r, 50),
                p95: pct(&r, 95),
                min: r[0],
                max: r[r.len() - 1],
                grades,
            }
        })
        .collect();
    let (method, fixed_rows, responses) = match (kind, boot) {
        (Kind::Survey, Some(_)) => (
            Method::ResponseBootstrap,
            resampled.iter().filter(|g| g.is_none()).count(),
            resampled.iter().flatten().map(|g| g.iter().map(|x| x.1.len()).sum::<usize>()).sum(),
        ),
        (Kind::Survey, None) => (
            Method::Parametric,
            inputs
                .surveys
                .iter()
                .filter(|s| !survey_se.contains_key(&(s.agency.clone(), s.survey.clone())))
                .count(),
            0,
        ),
        (Kind::Weights, _) => (Method::MonteCarlo, 0, 0),
    };
    Ok(Analysis { kind, method, replicates: cfg.replicates, fixed_rows, responses, agencies })
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// robustness.csv: one row per analysis and agency; UTF-8 with a BOM for Excel.
pub fn to_csv(analyses: &[Analysis]) -> Vec<u8> {
    let mut out = String::from(
        "\u{feff}analysis,replicates,group,agency_id,agency,total,rank,grade,rank_p05,rank_median,rank_p95,rank_min,rank_max,grade_can_change,grade_shares,method\n",
    );
    for an in analyses {
        for a in &an.agencies {
            let shares: Vec<String> = a
                .grades
                .iter()
                .map(|(g, p)| format!("{g} {}", p.round_dp(3).normalize()))
                .collect();
            out.push_str(&format!(
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                an.kind.name(),
                an.replicates,
                csv_field(&a.group),
                csv_field(&a.agency_id),
                csv_field(&a.agency),
                a.total.normalize(),
                a.rank,
                csv_field(&a.grade),
                a.p05,
                a.median,
                a.p95,
                a.min,
                a.max,
                a.grade_can_change(),
                csv_field(&shares.join("; ")),
                an.method.name(),
            ));
        }
    }
    out.into_bytes()
}

/// The terminal summary: per analysis, the widest intervals and the agencies whose grade can change.
pub fn summary(analyses: &[Analysis], show: usize) -> String {
    let mut s = String::new();
    for an in analyses {
        s.push_str(&format!(
            "\n{} ({} replicates, {}",
            an.kind.name(),
            an.replicates,
            an.method.name()
        ));
        match an.method {
            Method::ResponseBootstrap => {
                s.push_str(&format!(" of {} responses from {RESPONSES_FILE}", an.responses));
                if an.fixed_rows > 0 {
                    s.push_str(&format!(
                        "; {} survey rows without responses that give their index stay fixed",
                        an.fixed_rows
                    ));
                }
            }
            Method::Parametric => {
                s.push_str(" from survey.csv's confidence intervals");
                if an.fixed_rows > 0 {
                    s.push_str(&format!(
                        "; {} survey rows without a confidence interval stay fixed",
                        an.fixed_rows
                    ));
                }
            }
            Method::MonteCarlo => {}
        }
        s.push_str(")\n");
        let mut wide: Vec<&Interval> = an.agencies.iter().collect();
        wide.sort_by(|a, b| {
            (b.p95 - b.p05).cmp(&(a.p95 - a.p05)).then(a.agency_id.cmp(&b.agency_id))
        });
        s.push_str("  widest 90% rank intervals:\n");
        for a in wide.iter().take(show) {
            s.push_str(&format!(
                "    {:<10} {:<16} rank {:>3}  90% interval {:>3}–{:<3} (all {}–{})\n",
                a.group, a.agency_id, a.rank, a.p05, a.p95, a.min, a.max
            ));
        }
        let changing: Vec<&Interval> =
            an.agencies.iter().filter(|a| a.grade_can_change()).collect();
        s.push_str(&format!(
            "  grade can change: {} of {} agencies\n",
            changing.len(),
            an.agencies.len()
        ));
        for a in changing.iter().take(show) {
            let shares: Vec<String> = a
                .grades
                .iter()
                .map(|(g, p)| format!("{g} {}", p.round_dp(2).normalize()))
                .collect();
            s.push_str(&format!(
                "    {:<10} {:<16} {} now; {}\n",
                a.group,
                a.agency_id,
                a.grade,
                shares.join(", ")
            ));
        }
        if changing.len() > show {
            s.push_str(&format!("    … and {} more in robustness.csv\n", changing.len() - show));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_are_exact_decimals_and_repeat_with_the_seed() {
        let mut a = stream(7, Kind::Survey, 3);
        let mut b = stream(7, Kind::Survey, 3);
        let xs: Vec<Decimal> = (0..5).map(|_| normal(&mut a)).collect();
        let ys: Vec<Decimal> = (0..5).map(|_| normal(&mut b)).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|x| x.abs() <= Decimal::from(6) && x.scale() <= 9));
        let mut c = stream(7, Kind::Weights, 3);
        assert_ne!(normal(&mut c), xs[0]);
    }

    #[test]
    fn resampling_stays_within_groups_and_matches_the_importer() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        // Public 100, 100 (weight 0.6) and business 10, 10 (0.4): 64 whatever is drawn.
        let fixed: GroupResponses =
            vec![(d("0.6"), vec![100_000_000; 2]), (d("0.4"), vec![10_000_000; 2])];
        // Public 90, 50 and business 73.333333 (tests/survey_import.rs): 71.3333332 → 71.33.
        let mini: GroupResponses =
            vec![(d("0.6"), vec![90_000_000, 50_000_000]), (d("0.4"), vec![73_333_333])];
        assert_eq!(responses_index(&mini), Some(d("71.33")));
        let mut rng = stream(1, Kind::Survey, 0);
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..200 {
            assert_eq!(resampled_index(&fixed, &mut rng), Some(d("64.00")));
            seen.insert(resampled_index(&mini, &mut rng).unwrap());
        }
        // 0.6·{90, 70, 50} + 0.4·73.333333: each of the three public means turns up.
        let want: std::collections::BTreeSet<Decimal> =
            ["83.33", "71.33", "59.33"].iter().map(|s| d(s)).collect();
        assert_eq!(seen, want);
    }
}
