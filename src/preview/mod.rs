//! An agency's own view of its score (`kaohe preview`, `kaohe export-previews`): its ledger, its
//! rank, what-if scenarios beside the official result, the score both ways while appeals are
//! pending, and group aggregates only — never another agency's id, name or individual score.

pub mod aggregates;
pub mod bundle;
pub mod pdf;
pub mod render;
pub mod whatif;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::input::Inputs;
use crate::rules::Scheme;
use crate::score::ledger::LedgerLine;
use crate::score::result::{AgencyResult, RunResult, SchemeSummary};
use aggregates::GroupAggregates;
use whatif::WhatIf;

/// Everything an agency may see about its own result.
#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    pub scheme: SchemeSummary,
    /// The agency's official result, with `parent` removed (another agency's id).
    pub agency: AgencyResult,
    pub group_size: usize,
    pub aggregates: GroupAggregates,
    /// The what-if scenario, if any change was asked for.
    pub what_if: Option<Scenario>,
    /// The result if every pending appeal of the agency were won.
    pub if_appeals_won: Option<Scenario>,
    /// How far the agency is from the next grade and the next rank.
    pub gaps: Gaps,
}

/// Points the agency lacks for the next grade band and the next rank of its group.
#[derive(Debug, Clone, Serialize)]
pub struct Gaps {
    /// The next better grade and the points its threshold lies above the total (none at the top
    /// band; a quota may still hold the agency back).
    pub next_grade: Option<(String, Decimal)>,
    /// Points to reach the total of the agency ranked just above (none at rank 1). Only the
    /// difference is shown, never who is above.
    pub next_rank: Option<Decimal>,
}

fn gaps(run: &RunResult, a: &AgencyResult) -> Gaps {
    let next_grade = run
        .scheme
        .groups
        .iter()
        .find(|g| g.id == a.group)
        .and_then(|g| g.grades.iter().filter(|b| b.min > a.total).min_by_key(|b| b.min).cloned())
        .map(|b| (b.name, b.min - a.total));
    let next_rank = run
        .agencies
        .iter()
        .filter(|x| x.group == a.group && x.total > a.total)
        .map(|x| x.total)
        .min()
        .map(|t| t - a.total);
    Gaps { next_grade, next_rank }
}

/// A changed result beside the official one.
#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    pub label: String,
    pub total: Decimal,
    pub grade: String,
    pub rank: u32,
    pub demoted_by_quota: bool,
    /// Ledger lines of the official result that the scenario no longer has.
    pub removed: Vec<LedgerLine>,
    /// Ledger lines the scenario has that the official result does not.
    pub added: Vec<LedgerLine>,
}

/// The agency-against-group chart of a preview as a PNG (its glyphs are pixels, so the page
/// needs no font to show it). Group ranges and means are the preview's aggregates: withheld for
/// small groups, where only the agency's own rates are drawn.
pub fn chart_png(p: &Preview, dpi: u32) -> Result<Vec<u8>> {
    Ok(chart(p, dpi)?.png)
}

/// The agency-against-group chart drawn at `dpi` (PNG, its size, and the SVG).
pub fn chart(p: &Preview, dpi: u32) -> Result<crate::report::chart::Rendered> {
    let hundred = Decimal::ONE_HUNDRED;
    let a = &p.agency;
    let own = (0..p.scheme.dimensions.len())
        .map(|d| {
            aggregates::rate(
                a.dimensions.get(d).copied().flatten(),
                a.dimension_max.get(d).copied().unwrap_or_default(),
            )
            .map(|r| r / hundred)
        })
        .collect();
    let group = p
        .aggregates
        .dimension_rates
        .iter()
        .map(|r| r.as_ref().map(|r| (r.min / hundred, r.mean / hundred, r.max / hundred)))
        .collect();
    let chart = crate::report::chart::agency::AgencyVsGroup::from_parts(
        &a.agency_id,
        &a.agency,
        &p.aggregates.group_name,
        &p.scheme.dimensions,
        own,
        group,
    )
    .with_verdict(crate::report::chart::agency::verdict(a, p.scheme.decimals));
    crate::report::chart::render(&chart, dpi)
}

/// The agency's result in a run, or an error listing close matches.
pub fn find<'a>(run: &'a RunResult, id: &str) -> Result<&'a AgencyResult> {
    run.agencies.iter().find(|a| a.agency_id == id).ok_or_else(|| {
        let mut hint: Vec<String> = crate::input::check::close_matches(
            id,
            run.agencies.iter().map(|a| a.agency_id.as_str()),
        )
        .into_iter()
        .map(str::to_string)
        .collect();
        hint.extend(
            run.agencies
                .iter()
                .filter(|a| !id.is_empty() && a.agency.contains(id))
                .map(|a| format!("{} ({})", a.agency_id, a.agency))
                .take(5),
        );
        if hint.is_empty() {
            Error::Usage(crate::t!("preview-no-agency", id = id))
        } else {
            Error::Usage(crate::t!("preview-no-agency-hint", id = id, hint = hint.join(", ")))
        }
    })
}

/// Lines of `a` not in `b`, as multisets.
fn minus(a: &[LedgerLine], b: &[LedgerLine]) -> Vec<LedgerLine> {
    let mut rest: Vec<&LedgerLine> = b.iter().collect();
    let mut out = Vec::new();
    for l in a {
        match rest.iter().position(|x| *x == l) {
            Some(i) => {
                rest.swap_remove(i);
            }
            None => out.push(l.clone()),
        }
    }
    out
}

fn scenario(label: String, official: &AgencyResult, changed: &AgencyResult) -> Scenario {
    Scenario {
        label,
        total: changed.total,
        grade: changed.grade.clone(),
        rank: changed.rank,
        demoted_by_quota: changed.demoted_by_quota,
        removed: minus(&official.ledger.lines(), &changed.ledger.lines()),
        added: minus(&changed.ledger.lines(), &official.ledger.lines()),
    }
}

/// The preview of one agency from an official run, without what-if.
pub fn from_run(run: &RunResult, id: &str) -> Result<Preview> {
    let a = find(run, id)?;
    let mut agency = a.clone();
    agency.parent = None;
    Ok(Preview {
        scheme: run.scheme.clone(),
        group_size: run.agencies.iter().filter(|x| x.group == a.group).count(),
        aggregates: aggregates::of_group(run, &a.group),
        gaps: gaps(run, a),
        agency,
        what_if: None,
        if_appeals_won: None,
    })
}

/// Score the official run, then the scenarios the agency asked for. `inputs` are checked against
/// `scheme` (as [`crate::pipeline::load`] returns them); the changed scenarios are checked again.
pub fn build(scheme: &Scheme, inputs: &Inputs, id: &str, what: &WhatIf) -> Result<Preview> {
    let official = crate::pipeline::score_checked(scheme, inputs)?;
    preview_with(scheme, inputs, &official, id, what)
}

/// As [`build`], reusing an official run already scored from the same inputs.
pub fn preview_with(
    scheme: &Scheme,
    inputs: &Inputs,
    official: &RunResult,
    id: &str,
    what: &WhatIf,
) -> Result<Preview> {
    let mut p = from_run(official, id)?;
    let a = find(official, id)?;
    if !what.is_empty() {
        let changed = crate::pipeline::run(scheme, &whatif::apply(scheme, inputs, id, what)?)?;
        p.what_if = Some(scenario(what.describe(), a, find(&changed, id)?));
    }
    if !a.appeals_pending.is_empty() {
        let won = crate::pipeline::run(scheme, &whatif::pending_overturned(inputs, id))?;
        p.if_appeals_won = Some(scenario(
            crate::t!("preview-if-appeals-won", ids = a.appeals_pending.join(", ")),
            a,
            find(&won, id)?,
        ));
    }
    Ok(p)
}
