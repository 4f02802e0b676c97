//! The replicates: seeded draws, perturbed reruns of the scoring, and their summary per agency.

use std::collections::BTreeMap;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use rust_decimal::Decimal;

use super::{Analysis, Config, GroupResponses, Interval, Kind, Perturbation, SurveyData};
use crate::error::Result;
use crate::input::{Inputs, SurveyResult};
use crate::rules::Scheme;
use crate::score::result::{AgencyResult, RunResult};
use crate::score::{FixedLeaves, Names, Prepared, Texts};
use crate::survey::stats;

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
    let empty = BTreeMap::new();
    let (survey_se, boot) = match survey {
        SurveyData::Errors(se) => (se, None),
        SurveyData::Responses(r) => (&empty, Some(r)),
    };
    let plan = Plan {
        scheme,
        inputs,
        kind,
        cfg,
        survey_se,
        row_se: inputs
            .surveys
            .iter()
            .map(|s| survey_se.get(&(s.agency.clone(), s.survey.clone())).copied())
            .collect(),
        bootstrap: boot.is_some(),
        resampled: resampled_rows(inputs, boot),
    };
    // What a replicate does not change (input indexes, applicability, the normalised items, the
    // findings by kind) is prepared once for all of them.
    let prepared = Prepared::new(scheme, inputs)?;
    let fixed = prepared.fixed_leaves(scheme);
    // Each replicate keeps only each agency's rank and grade (scored without ledger texts): a whole
    // RunResult (every ledger) per replicate would hold hundreds of megabytes for a few hundred
    // replicates. Each worker perturbs its own copy of the survey rows and the scheme, set afresh
    // from the originals for every replicate, rather than copying them per replicate.
    let runs: Vec<Result<Outcomes>> = (0..cfg.replicates)
        .into_par_iter()
        .map_init(
            || (inputs.surveys.clone(), scheme.clone(), prepared.names(scheme)),
            |(surveys, scheme, names), k| {
                plan.replicate((&prepared, names, &fixed), k, surveys, scheme)
                    .map(|r| r.into_iter().map(|a| (a.agency_id, a.rank, a.grade)).collect())
            },
        )
        .collect();
    let runs: Vec<Outcomes> = runs.into_iter().collect::<Result<_>>()?;
    let agencies = intervals(scheme, baseline, &runs, cfg.replicates.max(1));
    let (method, fixed_rows, responses) = plan.accounting();
    Ok(Analysis { kind, method, replicates: cfg.replicates, fixed_rows, responses, agencies })
}

/// Each agency's rank and grade in one replicate.
type Outcomes = Vec<(String, u32, String)>;

/// What one analysis perturbs, shared by its replicates.
struct Plan<'a> {
    scheme: &'a Scheme,
    inputs: &'a Inputs,
    kind: Kind,
    cfg: &'a Config,
    /// Standard errors by (agency, survey) (parametric survey analysis).
    survey_se: &'a BTreeMap<(String, String), Decimal>,
    /// The standard error of each survey row (input order), if it has one.
    row_se: Vec<Option<Decimal>>,
    /// Whether the survey analysis resamples responses.
    bootstrap: bool,
    /// Per survey row (input order), the responses it is resampled from: None = fixed.
    resampled: Vec<Option<&'a GroupResponses>>,
}

/// Per survey row (input order), the responses that give its index, if any.
fn resampled_rows<'a>(
    inputs: &Inputs,
    boot: Option<&'a BTreeMap<(String, String), GroupResponses>>,
) -> Vec<Option<&'a GroupResponses>> {
    inputs
        .surveys
        .iter()
        .map(|s| {
            let g = boot?.get(&(s.agency.clone(), s.survey.clone()))?;
            // A row whose index is not its responses' index (replaced by a below-minimum policy,
            // or from another import) is not theirs to resample.
            (responses_index(g) == Some(s.index)).then_some(g)
        })
        .collect()
}

impl Plan<'_> {
    /// Replicate `k`: the survey rows or the scheme perturbed from stream `k`, scored with what
    /// `prepared` holds of the inputs (totals, ranks and grades; no ledger), ranked and graded.
    /// `surveys` and `scheme` are a worker's copies of the originals: every value a replicate
    /// perturbs is set from the original, so what an earlier replicate left there does not matter.
    fn replicate(
        &self,
        (prepared, names, fixed): (&Prepared<'_>, &Names, &FixedLeaves),
        k: u32,
        surveys: &mut [SurveyResult],
        scheme: &mut Scheme,
    ) -> Result<Vec<AgencyResult>> {
        self.perturb(k, surveys, scheme);
        let (scheme, surveys) = match self.kind {
            Kind::Survey => (self.scheme, &*surveys),
            Kind::Weights => (&*scheme, self.inputs.surveys.as_slice()),
        };
        let worker = (names, Some(fixed));
        let mut agencies = prepared.score_named(scheme, surveys, Texts::TotalsOnly, worker)?;
        crate::rank::rank_and_grade(scheme, &mut agencies);
        Ok(agencies)
    }

    /// Draw replicate `k`'s perturbation from stream `k` into the copies `surveys` / `scheme`.
    fn perturb(&self, k: u32, surveys: &mut [SurveyResult], scheme: &mut Scheme) {
        let mut rng = stream(self.cfg.seed, self.kind, k);
        let originals = self.inputs.surveys.iter();
        match self.kind {
            Kind::Survey if self.bootstrap => {
                for ((s, g), o) in surveys.iter_mut().zip(&self.resampled).zip(originals) {
                    if let Some(g) = g {
                        s.index = resampled_index(g, &mut rng).unwrap_or(o.index);
                    }
                }
            }
            Kind::Survey => {
                for ((s, o), se) in surveys.iter_mut().zip(originals).zip(&self.row_se) {
                    if let Some(se) = se {
                        // An index lives on 0–100: a draw beyond stays at the bound.
                        let v = (o.index + *se * normal(&mut rng))
                            .clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
                        s.index = v.round_dp_with_strategy(
                            2,
                            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                        );
                    }
                }
            }
            Kind::Weights => {
                let range = self.cfg.weight_range;
                let width = range * Decimal::TWO;
                let nodes = scheme.nodes.iter_mut().zip(&self.scheme.nodes);
                for (n, o) in nodes.filter(|(n, _)| n.parent.is_some()) {
                    // One draw per indicator whatever its bounds, so the streams line up.
                    let u = uniform(&mut rng);
                    n.weight = match o.weight_bounds {
                        Some((lo, hi)) => lo + (hi - lo) * u,
                        None => o.weight * (Decimal::ONE - range + width * u),
                    };
                }
            }
        }
    }

    /// The method, the survey rows left fixed, and the responses resampled.
    fn accounting(&self) -> (Perturbation, usize, usize) {
        match (self.kind, self.bootstrap) {
            (Kind::Survey, true) => (
                Perturbation::ResponseBootstrap,
                self.resampled.iter().filter(|g| g.is_none()).count(),
                self.resampled
                    .iter()
                    .flatten()
                    .map(|g| g.iter().map(|x| x.1.len()).sum::<usize>())
                    .sum(),
            ),
            (Kind::Survey, false) => (
                Perturbation::Parametric,
                self.inputs
                    .surveys
                    .iter()
                    .filter(|s| !self.survey_se.contains_key(&(s.agency.clone(), s.survey.clone())))
                    .count(),
                0,
            ),
            (Kind::Weights, _) => (Perturbation::MonteCarlo, 0, 0),
        }
    }
}

/// Per agency of the baseline (in its order), the spread of its ranks and grades over `n` runs.
fn intervals(scheme: &Scheme, baseline: &RunResult, runs: &[Outcomes], n: u32) -> Vec<Interval> {
    let mut ranks: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    let mut grades: BTreeMap<&str, BTreeMap<String, u32>> = BTreeMap::new();
    for run in runs {
        for (id, rank, grade) in run {
            ranks.entry(id.as_str()).or_default().push(*rank);
            *grades.entry(id.as_str()).or_default().entry(grade.clone()).or_default() += 1;
        }
    }
    let pct = |sorted: &[u32], p: u32| -> u32 {
        // Nearest rank: the ⌈p·N/100⌉-th smallest.
        let i = (p as usize * sorted.len()).div_ceil(100).max(1) - 1;
        sorted[i.min(sorted.len() - 1)]
    };
    baseline
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
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A replicate (scored without ledger texts, on a worker's reused copies) gives every agency
    /// the total, components, rank and grade of a full scoring of the same perturbed inputs.
    #[test]
    fn a_replicate_scores_as_a_full_run_of_its_perturbed_inputs() {
        let cfg = crate::pipeline::RunConfig::default();
        let (scheme, inputs) = crate::pipeline::load(&cfg).unwrap();
        let baseline = crate::pipeline::score_checked(&scheme, &inputs).unwrap();
        let se = crate::robust::survey_errors(&cfg.data).unwrap();
        let rc = Config { replicates: 3, seed: 7, weight_range: Decimal::new(2, 1) };
        for kind in [Kind::Survey, Kind::Weights] {
            let plan = Plan {
                scheme: &scheme,
                inputs: &inputs,
                kind,
                cfg: &rc,
                survey_se: &se,
                row_se: inputs
                    .surveys
                    .iter()
                    .map(|s| se.get(&(s.agency.clone(), s.survey.clone())).copied())
                    .collect(),
                bootstrap: false,
                resampled: resampled_rows(&inputs, None),
            };
            // One preparation and one pair of copies for all replicates, as a worker has.
            let prepared = Prepared::new(&scheme, &inputs).unwrap();
            let (mut i, mut s) = (inputs.surveys.clone(), scheme.clone());
            let (names, fixed) = (prepared.names(&scheme), prepared.fixed_leaves(&scheme));
            for k in 0..3 {
                let worker = (&prepared, &names, &fixed);
                let lean = plan.replicate(worker, k, &mut i, &mut s).unwrap();
                let (mut fi, mut fs) = (inputs.clone(), scheme.clone());
                plan.perturb(k, &mut fi.surveys, &mut fs);
                let full = crate::pipeline::score_checked(&fs, &fi).unwrap();
                assert_eq!(lean.len(), full.agencies.len());
                let mut moved = false;
                for ((l, f), b) in lean.iter().zip(&full.agencies).zip(&baseline.agencies) {
                    let what = (&l.agency_id, l.total, l.rank, &l.grade, &l.dimensions);
                    assert_eq!(what, (&f.agency_id, f.total, f.rank, &f.grade, &f.dimensions));
                    assert_eq!((l.rescale, l.bonus, l.penalty), (f.rescale, f.bonus, f.penalty));
                    assert_eq!((l.lookback, l.adjustment), (f.lookback, f.adjustment));
                    assert!(l.ledger.is_empty() && !f.ledger.is_empty());
                    assert_eq!(f.total, f.ledger.iter().map(|x| x.points).sum::<Decimal>());
                    moved |= b.agency_id != f.agency_id || b.total != f.total;
                }
                assert!(moved, "{kind:?} replicate {k} changed no total");
            }
        }
    }

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
