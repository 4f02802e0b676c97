//! Ranking within peer groups and grading.
//!
//! Ranks are competition ranks ("1224"): an agency's rank is one plus the number of agencies in its
//! group that are strictly better, comparing totals and then the group's tie-break keys in order.
//! Grades come from the group's bands by total; a band's quota (a count, or a share rounded down)
//! keeps only the best-ranked agencies in it, the rest drop to the next band; a veto forces its
//! grade whatever the points and takes no quota place.

use std::cmp::Ordering;

use rayon::prelude::*;
use rust_decimal::Decimal;

use crate::input::Inputs;
use crate::rules::{Group, Scheme, TieKey, VetoRank};
use crate::score::result::{AgencyResult, InputRecord, RunResult, SurveySummary};

/// The run result: `agencies` (as scored from `inputs`) ranked and graded, with the scheme summary
/// and the provenance of every input.
pub fn rank(scheme: &Scheme, inputs: &Inputs, mut agencies: Vec<AgencyResult>) -> RunResult {
    rank_and_grade(scheme, &mut agencies);
    let mut files = vec![InputRecord {
        kind: "rules".into(),
        path: scheme.source.clone(),
        sha256: scheme.sha256.clone(),
        rows_read: 0,
        rows_used: 0,
        rows_rejected: 0,
    }];
    files.extend(inputs.files.iter().cloned());
    RunResult {
        engine_version: crate::ENGINE_VERSION.to_string(),
        lang: crate::util::i18n::lang(),
        scheme: crate::score::engine::summary(scheme),
        agencies,
        inputs: files,
        surveys: survey_summaries(inputs),
        absent_inputs: inputs.absent.clone(),
    }
}

/// The survey rows of `inputs`, sorted by (survey, agency id) so the output does not depend on
/// the order of the file.
fn survey_summaries(inputs: &Inputs) -> Vec<SurveySummary> {
    let mut out: Vec<SurveySummary> = inputs
        .surveys
        .iter()
        .map(|s| SurveySummary {
            agency_id: s.agency.clone(),
            survey: s.survey.clone(),
            index: s.index,
            ci_low: s.ci_low,
            ci_high: s.ci_high,
            n: s.n,
            below_minimum: s.below_minimum,
        })
        .collect();
    out.sort_by(|a, b| a.survey.cmp(&b.survey).then_with(|| a.agency_id.cmp(&b.agency_id)));
    out
}

fn key(a: &AgencyResult, k: &TieKey) -> Decimal {
    match k {
        TieKey::Dimension(d) => a.dimensions.get(*d).copied().flatten().unwrap_or(Decimal::ZERO),
        TieKey::Base => a.dimensions.iter().flatten().copied().sum::<Decimal>() + a.rescale,
        TieKey::Bonus => a.bonus,
    }
}

/// Whether an agency has a triggered agency-level veto (one forcing a grade or setting or capping
/// the total): under `veto_rank = "last"` it ranks after every other agency of its group.
/// A threshold's forced grade (`threshold:<id>`) and a node veto without a grade do not count.
fn vetoed(a: &AgencyResult) -> bool {
    a.veto.as_ref().is_some_and(|v| {
        !v.rule.starts_with("threshold:") && (v.grade.is_some() || v.score.is_some())
    })
}

/// What an agency is ranked by in its group, worked out once per ranking.
#[derive(PartialEq, Eq)]
struct Standing {
    /// Ranked after every agency without one (`veto_rank` other than `score`).
    last: bool,
    /// The total as the group ranks it, then the tie-break keys in order.
    keys: Vec<Decimal>,
}

impl Standing {
    fn of(g: &Group, a: &AgencyResult, veto_last: bool) -> Standing {
        let mut keys = Vec::with_capacity(1 + g.tie_break.len());
        keys.push(g.rank_value(a.total));
        keys.extend(g.tie_break.iter().map(|k| key(a, k)));
        Standing { last: veto_last && vetoed(a), keys }
    }
}

/// Better first: not vetoed (when vetoes rank last), higher total, then higher tie-break keys.
impl Ord for Standing {
    fn cmp(&self, other: &Standing) -> Ordering {
        self.last.cmp(&other.last).then_with(|| other.keys.cmp(&self.keys))
    }
}

impl PartialOrd for Standing {
    fn partial_cmp(&self, other: &Standing) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Sets `rank`, `grade` and `demoted_by_quota`, and orders agencies by group (scheme order), rank,
/// then id.
pub fn rank_and_grade(scheme: &Scheme, agencies: &mut Vec<AgencyResult>) {
    let group_of: Vec<Option<usize>> =
        (agencies.iter()).map(|a| scheme.groups.iter().position(|g| g.id == a.group)).collect();
    // Each result moves once into its group's members and once into the output (replicates rank
    // every run: moving every result through each group's pass showed in their profile).
    let mut slots: Vec<Option<AgencyResult>> = agencies.drain(..).map(Some).collect();
    let mut out = Vec::with_capacity(slots.len());
    let last = scheme.veto_rank != VetoRank::Score;
    for (gi, g) in scheme.groups.iter().enumerate() {
        let mut ranked: Vec<(Standing, usize)> = (0..slots.len())
            .filter(|&i| group_of[i] == Some(gi))
            .filter_map(|i| slots[i].as_ref().map(|a| (Standing::of(g, a, last), i)))
            .collect();
        let id = |i: usize| slots[i].as_ref().map(|a| a.agency_id.as_str());
        ranked.sort_by(|(s, i), (t, j)| s.cmp(t).then_with(|| id(*i).cmp(&id(*j))));
        let mut members: Vec<AgencyResult> = Vec::with_capacity(ranked.len());
        let mut standings: Vec<Standing> = Vec::with_capacity(ranked.len());
        for (s, i) in ranked {
            if let Some(a) = slots[i].take() {
                members.push(a);
                standings.push(s);
            }
        }
        for i in 0..members.len() {
            members[i].rank = if i > 0 && standings[i - 1] == standings[i] {
                members[i - 1].rank
            } else if g.dense_ranks && i > 0 {
                members[i - 1].rank + 1
            } else {
                i as u32 + 1
            };
        }
        if scheme.veto_rank == VetoRank::Unranked {
            members.iter_mut().filter(|a| vetoed(a)).for_each(|a| a.rank = 0);
        }
        rank_nodes(scheme, g, &mut members);
        grade(g, &mut members);
        out.extend(members);
    }
    // Agencies of unknown groups (which cannot exist after input checks) stay last.
    out.extend(slots.into_iter().flatten());
    *agencies = out;
}

/// Rank every indicator's value within the group (higher is better), with the group's tie style,
/// on values rounded to the indicator's `rank_decimals` when it states them.
fn rank_nodes(scheme: &Scheme, g: &Group, members: &mut [AgencyResult]) {
    if members.iter().all(|a| a.nodes.is_empty()) {
        return; // results kept without indicator values (robustness replicates)
    }
    let index: rustc_hash::FxHashMap<&str, usize> =
        scheme.nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
    let round = |i: usize, v: Decimal| match scheme.nodes[i].rank_decimals {
        Some(dp) => {
            v.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        }
        None => v,
    };
    let dense = |i: usize| scheme.nodes[i].dense_ranks.unwrap_or(g.dense_ranks);
    // Per indicator (by index): the group's values, best first, and the distinct ones.
    let mut by_node: Vec<Vec<Decimal>> = vec![Vec::new(); scheme.nodes.len()];
    let at = |id: &str| index.get(id).copied();
    for a in members.iter() {
        for nv in &a.nodes {
            if let Some(i) = at(&nv.id) {
                by_node[i].push(round(i, nv.value));
            }
        }
    }
    // The sorts and the look-ups are independent per indicator and per agency: on every thread
    // (a national group has thousands of agencies and dozens of indicators each).
    let distinct: Vec<Vec<Decimal>> = by_node
        .par_iter_mut()
        .map(|values| {
            values.sort_unstable_by(|a, b| b.cmp(a));
            let mut d = values.clone();
            d.dedup();
            d
        })
        .collect();
    members.par_iter_mut().for_each(|a| {
        for nv in &mut a.nodes {
            let Some(i) = at(&nv.id) else { continue };
            let mine = round(i, nv.value);
            let values = if dense(i) { &distinct[i] } else { &by_node[i] };
            nv.rank = values.partition_point(|v| *v > mine) as u32 + 1;
        }
    });
}

fn grade(g: &Group, members: &mut [AgencyResult]) {
    let n = members.len();
    // Band by points for each agency (index into g.grades).
    let mut band: Vec<usize> = members
        .iter()
        .map(|a| g.grades.iter().position(|b| a.total >= b.min).unwrap_or(g.grades.len() - 1))
        .collect();
    let vetoed: Vec<Option<usize>> = members
        .iter()
        .map(|a| {
            a.veto
                .as_ref()
                .and_then(|v| v.grade.as_ref())
                .and_then(|name| g.grades.iter().position(|b| &b.name == name))
        })
        .collect();
    for (bi, b) in g.grades.iter().enumerate() {
        let Some(quota) = b.quota else { continue };
        let limit = quota.limit(n);
        // Members in this band (not vetoed), in rank order (members are sorted by rank).
        let inside: Vec<usize> = (0..n).filter(|&i| band[i] == bi && vetoed[i].is_none()).collect();
        if inside.len() <= limit {
            continue;
        }
        // The rank at the boundary decides ties.
        let keep = if limit == 0 {
            0
        } else {
            let boundary_rank = members[inside[limit - 1]].rank;
            let tied_past = inside[limit..].iter().any(|&i| members[i].rank == boundary_rank);
            if !tied_past {
                limit
            } else if g.quota_ties_include {
                inside.iter().take_while(|&&i| members[i].rank <= boundary_rank).count()
            } else {
                inside.iter().take_while(|&&i| members[i].rank < boundary_rank).count()
            }
        };
        for &i in &inside[keep..] {
            band[i] = bi + 1;
            members[i].demoted_by_quota = true;
        }
    }
    for (i, a) in members.iter_mut().enumerate() {
        // A veto can only lower a grade: the worse of its grade and the band the points reach.
        let b = vetoed[i].map_or(band[i], |v| v.max(band[i])).min(g.grades.len() - 1);
        a.grade = g.grades[b].name.clone();
        if vetoed[i].is_some() {
            a.demoted_by_quota = false;
        }
    }
}
