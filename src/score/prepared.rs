//! What scoring reads besides the weights and the survey indices, worked out once per set of
//! inputs: the input rows by agency, each agency's findings by kind, which indicators apply to
//! which agency, the normalised items' outcomes, relative items' group contexts and the rule
//! names. A one-off scoring prepares and scores at once ([`super::score_with`]); robustness
//! replicates prepare once and score many times, each with other weights or other survey indices
//! ([`Prepared::score`]), through the same engine code.

use std::collections::HashMap;

use rayon::prelude::*;
use rust_decimal::Decimal;

use super::composite::{self, NormOutcome};
use super::engine::{
    self, AgencyCtx, Contexts, InnerStats, InputIndex, KindIndex, LeafRow, Names, Room, Texts,
    group_contexts, is_ancestor, post_order,
};
use super::leaves::FixedLeaves;
use super::result::AgencyResult;
use crate::error::{Error, Result};
use crate::input::{Finding, Inputs, SurveyResult};
use crate::rules::{Method, Normalise, Scheme};

/// Normalised items' outcomes by (indicator, agency position in the inputs).
pub(super) type Norms = HashMap<(usize, usize), NormOutcome>;

/// What one pass scores every agency with.
pub(super) struct Run<'s> {
    pub(super) scheme: &'s Scheme,
    pub(super) surveys: &'s [SurveyResult],
    pub(super) groups: &'s Contexts,
    pub(super) inner: &'s InnerStats,
    pub(super) names: &'s Names,
    pub(super) texts: Texts,
    /// Whether results keep indicator values.
    pub(super) nodes: bool,
    pub(super) fixed: Option<&'s FixedLeaves>,
}

/// How many findings an agency has, and those with an appeal, in input order.
pub(super) struct Found<'a> {
    pub(super) count: usize,
    pub(super) appealed: Vec<&'a Finding>,
}

/// Scoring's preparation for one scheme and one set of inputs (see the module doc).
pub struct Prepared<'a> {
    pub(super) inputs: &'a Inputs,
    pub(super) index: InputIndex<'a>,
    /// Per agency (input order): its findings by kind, and their number and appeals.
    pub(super) findings: Vec<Found<'a>>,
    pub(super) kinds: Vec<KindIndex<'a>>,
    /// Per agency, per indicator: the input row it reads (a task, a measure, a survey row).
    pub(super) rows: Vec<Box<[LeafRow<'a>]>>,
    /// Per agency, per indicator: whether the indicator and all its ancestors apply.
    pub(super) applies: Vec<Box<[bool]>>,
    pub(super) norms: Norms,
    /// Group contexts of relative measured items (survey items' depend on the indices, so each
    /// scoring works them out from the survey rows it is given).
    pub(super) contexts: Contexts,
    pub(super) names: Names,
    /// Indicators children first.
    pub(super) order: Vec<usize>,
    /// Whether some survey item is scored relative to its group.
    relative_surveys: bool,
    /// The number of indicators prepared for (a scheme scored with it has as many).
    nodes: usize,
}

fn is_survey(scheme: &Scheme, node: usize) -> bool {
    matches!(scheme.nodes[node].method(), Some(Method::Survey(_)))
}

impl<'a> Prepared<'a> {
    /// Prepare `inputs` (checked against `scheme`) for scoring with `scheme`, or with a copy of
    /// it whose indicator weights differ.
    pub fn new(scheme: &Scheme, inputs: &'a Inputs) -> Result<Prepared<'a>> {
        let mut index = InputIndex::new(inputs);
        // Per agency in parallel: with a million findings, indexing each agency's by kind is a
        // good part of the preparation.
        let applies: Vec<Box<[bool]>> =
            inputs.agencies.par_iter().map(|a| applicability(scheme, a)).collect();
        let position: HashMap<&str, usize> =
            inputs.agencies.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let by_id = |a: &crate::input::Agency| position[a.id.as_str()];
        let norms =
            composite::prepare(scheme, inputs, &index.measures, &|n, a| applies[by_id(a)][n])?
                .into_iter()
                .map(|((n, id), o)| ((n, position[id.as_str()]), o))
                .collect();
        let rows: Vec<Box<[LeafRow]>> = (inputs.agencies.par_iter())
            .map(|a| {
                (0..scheme.nodes.len()).map(|n| LeafRow::find(scheme, n, &a.id, &index)).collect()
            })
            .collect();
        let measured = |n: usize| !is_survey(scheme, n);
        let contexts =
            group_contexts(scheme, inputs, (&rows, &inputs.surveys), &applies, measured)?;
        // Each agency's findings move out of the index (only agencies' are read).
        let findings: Vec<Vec<&Finding>> = inputs
            .agencies
            .iter()
            .map(|a| index.findings.remove(a.id.as_str()).unwrap_or_default())
            .collect();
        // Indexed by kind, an agency's findings are read in input order only for their appeals:
        // those are kept, the rest of the list is freed now (8 bytes a finding).
        let (kinds, findings): (Vec<KindIndex>, Vec<Found>) = (findings.into_par_iter())
            .map(|f| {
                let appealed = f.iter().copied().filter(|f| f.appeal.is_some()).collect();
                (KindIndex::new(scheme, &f), Found { count: f.len(), appealed })
            })
            .unzip();
        let relative_surveys = (0..scheme.nodes.len()).any(|n| {
            is_survey(scheme, n) && engine::mapping_of(scheme, n).is_some_and(|m| m.is_relative())
        });
        Ok(Prepared {
            inputs,
            index,
            findings,
            kinds,
            rows,
            applies,
            norms,
            contexts,
            names: Names::new(scheme),
            order: post_order(scheme),
            relative_surveys,
            nodes: scheme.nodes.len(),
        })
    }

    /// Score every agency (as [`super::score_with`]) with `scheme` (the one prepared for, or a
    /// copy differing only in indicator weights) and `surveys` (the inputs' survey rows, or a copy
    /// differing only in their indices).
    pub fn score(
        &self,
        scheme: &Scheme,
        surveys: &[SurveyResult],
        texts: Texts,
    ) -> Result<Vec<AgencyResult>> {
        self.score_on(scheme, surveys, texts, (&self.names, true, None))
    }

    /// A copy of the rule names for one worker of many scoring at once (see [`Names`]).
    pub fn names(&self, scheme: &Scheme) -> Names {
        Names::new(scheme)
    }

    /// [`Prepared::score`] by one worker of many scoring at once (replicates): with the worker's
    /// own copy of the rule names ([`Prepared::names`]), and its agencies scored in turn (the
    /// workers keep every thread busy; splitting a worker's agencies among threads as well only
    /// adds scheduling and passes results between threads' caches). Without texts, the leaves in
    /// `fixed` ([`Prepared::fixed_leaves`]) are not scored again.
    pub fn score_named(
        &self,
        scheme: &Scheme,
        surveys: &[SurveyResult],
        texts: Texts,
        (names, fixed): (&Names, Option<&FixedLeaves>),
    ) -> Result<Vec<AgencyResult>> {
        self.score_on(scheme, surveys, texts, (names, false, fixed))
    }

    /// Score with `names`, the agencies of each pass in parallel or in turn.
    fn score_on(
        &self,
        scheme: &Scheme,
        surveys: &[SurveyResult],
        texts: Texts,
        (names, parallel, fixed): (&Names, bool, Option<&FixedLeaves>),
    ) -> Result<Vec<AgencyResult>> {
        debug_assert_eq!(scheme.nodes.len(), self.nodes);
        debug_assert_eq!(surveys.len(), self.inputs.surveys.len());
        let mut contexts = None;
        if self.relative_surveys {
            let survey = |n: usize| is_survey(scheme, n);
            let rows = (self.rows.as_slice(), surveys);
            let mut c = group_contexts(scheme, self.inputs, rows, &self.applies, survey)?;
            c.extend(self.contexts.iter().map(|(k, v)| (*k, *v)));
            contexts = Some(c);
        }
        let groups = contexts.as_ref().unwrap_or(&self.contexts);
        // Inner indicators normalised on the data (min-max of an aggregate across agencies) need
        // every agency's aggregated value first: score in passes, each fixing the statistics of
        // the normalised indicators with none pending below them. Schemes without them take one
        // pass.
        let mut pending: Vec<(usize, &Normalise)> = self
            .order
            .iter()
            .filter_map(|&n| scheme.nodes[n].transform().map(|nm| (n, nm)))
            .filter(|(_, nm)| composite::needs_data(nm))
            .collect();
        let mut inner = InnerStats::new();
        let nodes = texts == Texts::Keep || !pending.is_empty();
        loop {
            let run = Run { scheme, surveys, groups, inner: &inner, names, texts, nodes, fixed };
            let agencies = self.pass(&run, parallel)?;
            if pending.is_empty() {
                return Ok(agencies);
            }
            let below_pending =
                |n: usize| pending.iter().any(|&(p, _)| p != n && is_ancestor(scheme, n, p));
            let ready: Vec<(usize, &Normalise)> =
                pending.iter().copied().filter(|&(n, _)| !below_pending(n)).collect();
            for &(n, nm) in &ready {
                self.inner_stats(scheme, (n, nm), &agencies, &mut inner);
            }
            pending.retain(|(n, _)| !ready.iter().any(|(r, _)| r == n));
        }
    }

    /// What scoring agency `at` in `run` reads.
    pub(super) fn ctx<'s>(&'s self, at: usize, run: &Run<'s>) -> AgencyCtx<'s> {
        AgencyCtx {
            scheme: run.scheme,
            agency: &self.inputs.agencies[at],
            at,
            applies: &self.applies[at],
            rows: &self.rows[at],
            index: &self.index,
            surveys: run.surveys,
            groups: run.groups,
            norms: &self.norms,
            inner: run.inner,
            findings: &self.findings[at],
            kinds: &self.kinds[at],
            names: run.names,
            order: &self.order,
            texts: run.texts,
            nodes: run.nodes,
            fixed: run.fixed.map(|f| &*f.agencies[at]),
        }
    }

    /// One pass over every agency (in parallel or in turn) into a vector in input order.
    fn pass<'s>(&'s self, run: &Run<'s>, parallel: bool) -> Result<Vec<AgencyResult>> {
        // Each worker writes its agencies' ledgers in a room of its own (used again for each).
        let one = |room: &mut Room<'s>, at: usize| engine::score_agency(&self.ctx(at, run), room);
        let agencies = 0..self.inputs.agencies.len();
        let scored: Vec<Result<AgencyResult>> = if parallel {
            agencies.into_par_iter().map_init(Room::default, one).collect()
        } else {
            let mut room = Room::default();
            agencies.map(|at| one(&mut room, at)).collect()
        };
        let mut agencies = Vec::with_capacity(scored.len());
        let mut errors = Vec::new();
        for r in scored {
            match r {
                Ok(a) => agencies.push(a),
                Err(e) => errors.push(e),
            }
        }
        Error::collect(errors)?;
        Ok(agencies)
    }

    /// The statistics of normalised inner indicator `n`'s aggregated values, per scope.
    fn inner_stats(
        &self,
        scheme: &Scheme,
        (n, nm): (usize, &Normalise),
        agencies: &[AgencyResult],
        inner: &mut InnerStats,
    ) {
        let mut pops: Vec<(String, Vec<Decimal>)> = Vec::new();
        for (a, r) in self.inputs.agencies.iter().zip(agencies) {
            let Some(v) = r
                .nodes
                .iter()
                .find(|v| *v.id == *scheme.nodes[n].id)
                .and_then(|v| v.stages.as_ref())
                .and_then(|s| s.raw)
            else {
                continue;
            };
            let k = composite::scope_key(a, nm.within).to_string();
            match pops.iter_mut().find(|(pk, _)| *pk == k) {
                Some((_, vs)) => vs.push(v),
                None => pops.push((k, vec![v])),
            }
        }
        for (k, vs) in pops {
            inner.insert((n, k), composite::stats(&vs));
        }
    }
}

/// Per indicator: whether it and all its ancestors apply to `agency` (by the rules).
fn applicability(scheme: &Scheme, agency: &crate::input::Agency) -> Box<[bool]> {
    let mut out = vec![false; scheme.nodes.len()].into_boxed_slice();
    // Parents before children.
    for n in post_order(scheme).into_iter().rev() {
        let nd = &scheme.nodes[n];
        let parent = nd.parent.is_none_or(|p| out[p]);
        out[n] = parent && nd.applies.applies(&agency.id, &agency.group);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn totals(agencies: &[AgencyResult]) -> Vec<(&str, Decimal)> {
        agencies.iter().map(|a| (a.agency_id.as_str(), a.total)).collect()
    }

    /// One preparation scores other survey indices and other weights as a fresh scoring of the
    /// changed inputs or scheme does, with totals worked out by hand (tests/schemes/survey.toml,
    /// its first case: a 33, b 27).
    #[test]
    fn a_preparation_scores_other_indices_and_other_weights() {
        let p = std::path::Path::new("tests/schemes/survey.toml");
        let scheme = crate::rules::load(p, "survey.toml").unwrap();
        let inputs = crate::input::case::inputs(&scheme.cases[0], "survey.toml");
        crate::input::check::check(&scheme, &inputs).unwrap();
        let prepared = Prepared::new(&scheme, &inputs).unwrap();
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let scored = prepared.score(&scheme, &inputs.surveys, Texts::TotalsOnly).unwrap();
        assert_eq!(totals(&scored), [("a", d("33")), ("b", d("27"))]);

        // a's s-flag 88 → 67: S1 = 10 × 7/35 = 2, total 2 + 7.5 + 7.5 + 10 = 27.
        // b's s-zero 100 → 80: S2 = 10 × 20/40 = 5, total 0 + 5 + 10 + 7 = 22.
        let mut changed = inputs.clone();
        changed.surveys[0].index = d("67");
        changed.surveys[4].index = d("80");
        for texts in [Texts::TotalsOnly, Texts::Keep] {
            let scored = prepared.score(&scheme, &changed.surveys, texts).unwrap();
            assert_eq!(totals(&scored), [("a", d("27")), ("b", d("22"))]);
            let fresh = super::super::score_with(&scheme, &changed, texts).unwrap();
            assert_eq!(totals(&scored), totals(&fresh));
        }
        // A replicate's worker takes the leaves that read no survey index as scored once.
        let (names, fixed) = (prepared.names(&scheme), prepared.fixed_leaves(&scheme));
        assert!(fixed.agencies.iter().flatten().any(Option::is_some));
        let worker = (&names, Some(&fixed));
        let lean = prepared.score_named(&scheme, &changed.surveys, Texts::TotalsOnly, worker);
        assert_eq!(totals(&lean.unwrap()), [("a", d("27")), ("b", d("22"))]);

        // W1 weighs 0.5 in D4: D4 counts 5 of 10, the applicable maximum is 35, rescaled to 40.
        // a: 8 + 7.5 + 7.5 + 5 = 28 → 28 × 40/35 = 32.
        // b: 0 + 10 + 10 + 0.5 × (10 − 3) = 23.5 → 23.5 × 40/35 = 26.857… → 26.86.
        let mut weighted = scheme.clone();
        let w1 = weighted.nodes.iter().position(|n| n.id == "W1").unwrap();
        weighted.nodes[w1].weight = d("0.5");
        let scored = prepared.score(&weighted, &inputs.surveys, Texts::TotalsOnly).unwrap();
        assert_eq!(totals(&scored), [("a", d("32")), ("b", d("26.86"))]);
        let fresh = super::super::score_with(&weighted, &inputs, Texts::Keep).unwrap();
        assert_eq!(totals(&scored), totals(&fresh));
        let lean = prepared.score_named(&weighted, &inputs.surveys, Texts::TotalsOnly, worker);
        assert_eq!(totals(&lean.unwrap()), [("a", d("32")), ("b", d("26.86"))]);
    }
}
