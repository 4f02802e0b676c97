//! Running the test cases a rules file carries (`kaohe check`): each case's agencies and inputs
//! are scored by the same engine as real data and compared with the expected totals, grades,
//! ranks and indicator points.

use rust_decimal::Decimal;

use crate::rules::Scheme;
use crate::rules::raw::CaseExpect;
use crate::score::result::AgencyResult;
use crate::t;

#[derive(Debug)]
pub struct CaseOutcome {
    pub name: String,
    pub line: u64,
    /// Empty when the case passed.
    pub failures: Vec<String>,
}

/// Points of an indicator (any level) in an agency's ledger: the lines whose rule is the
/// indicator or any of its descendants (dimensions include their floors and rounding).
fn indicator_points(
    scheme: &Scheme,
    a: &crate::score::result::AgencyResult,
    id: &str,
) -> Option<Decimal> {
    let node = scheme.node_index(id)?;
    // Under averages, weights inside a part and scalings a ledger line is a contribution to the
    // total, not the indicator's value: read the value itself (docs/composite.md). A weighted
    // top-level part's lines are its points times its weight.
    if scheme.nodes.iter().any(|n| {
        n.aggregate() != crate::rules::Aggregate::Sum
            || n.transform().is_some()
            || (n.weight != Decimal::ONE && n.parent.is_some())
    }) {
        return a.nodes.iter().find(|n| &*n.id == id).map(|n| n.value);
    }
    crate::score::shapes::own_points(scheme, a.ledger.entries(), node)
}

/// `expect.vetoed` (the recorded veto's id, `""` for none) and `expect.unranked`.
fn expect_veto(e: &CaseExpect, a: &AgencyResult, failures: &mut Vec<String>) {
    if let Some(want) = &e.vetoed {
        let got = a.veto.as_ref().map_or("", |v| v.rule.as_str());
        if got != want {
            let show =
                |s: &str| if s.is_empty() { t!("run-case-no-veto") } else { format!("`{s}`") };
            let (got, want) = (show(got), show(want));
            failures.push(t!("run-case-veto", agency = e.agency, got = got, want = want));
        }
    }
    if let Some(want) = e.unranked
        && want != (a.rank == 0)
    {
        failures.push(if want {
            t!("run-case-ranked", agency = e.agency, rank = a.rank)
        } else {
            t!("run-case-unranked", agency = e.agency)
        });
    }
}

pub fn run_cases(scheme: &Scheme) -> Vec<CaseOutcome> {
    let mut out = Vec::new();
    for case in &scheme.cases {
        let (name, line, tol) = (case.name.clone(), case.line, case.tolerance);
        let mut failures = Vec::new();
        let inputs = crate::input::case::inputs(case, &scheme.source);
        match crate::pipeline::run(scheme, &inputs) {
            Err(e) => failures.push(t!("run-case-failed", reason = e.to_string())),
            Ok(run) => {
                for e in &case.expect {
                    let Some(a) = run.agencies.iter().find(|a| a.agency_id == e.agency) else {
                        failures.push(t!("run-case-no-agency", agency = e.agency));
                        continue;
                    };
                    if let Some(t) = e.total
                        && (a.total - t).abs() > tol
                    {
                        failures.push(t!(
                            "run-case-total",
                            agency = e.agency,
                            got = a.total.normalize(),
                            want = t
                        ));
                    }
                    if let Some(g) = &e.grade
                        && &a.grade != g
                    {
                        failures.push(t!(
                            "run-case-grade",
                            agency = e.agency,
                            got = a.grade,
                            want = g
                        ));
                    }
                    if let Some(r) = e.rank
                        && a.rank != r
                    {
                        failures.push(t!(
                            "run-case-rank",
                            agency = e.agency,
                            got = a.rank,
                            want = r
                        ));
                    }
                    expect_veto(e, a, &mut failures);
                    for (id, want) in &e.points {
                        match indicator_points(scheme, a, id) {
                            None => failures.push(t!(
                                "run-case-no-points",
                                agency = e.agency,
                                indicator = id
                            )),
                            Some(got) if (got - want).abs() > tol => failures.push(t!(
                                "run-case-points",
                                agency = e.agency,
                                indicator = id,
                                got = got.normalize(),
                                want = want
                            )),
                            Some(_) => {}
                        }
                    }
                }
            }
        }
        out.push(CaseOutcome { name, line, failures });
    }
    out
}
