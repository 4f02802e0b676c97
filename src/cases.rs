//! Running the test cases a rules file carries (`kaohe check`): each case's agencies and inputs
//! are scored by the same engine as real data and compared with the expected totals, grades,
//! ranks and indicator points.

use rust_decimal::Decimal;

use crate::rules::Scheme;
use crate::rules::raw::CaseExpect;
use crate::score::result::AgencyResult;

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
        return a.nodes.iter().find(|n| n.id == id).map(|n| n.value);
    }
    crate::score::shapes::own_points(scheme, &a.ledger, node)
}

/// `expect.vetoed` (the recorded veto's id, `""` for none) and `expect.unranked`.
fn expect_veto(e: &CaseExpect, a: &AgencyResult, failures: &mut Vec<String>) {
    if let Some(want) = &e.vetoed {
        let got = a.veto.as_ref().map_or("", |v| v.rule.as_str());
        if got != want {
            let show = |s: &str| if s.is_empty() { "none".to_string() } else { format!("`{s}`") };
            failures.push(format!("{}: veto {} but expected {}", e.agency, show(got), show(want)));
        }
    }
    if let Some(want) = e.unranked
        && want != (a.rank == 0)
    {
        let got = if a.rank == 0 { "no rank".to_string() } else { format!("rank {}", a.rank) };
        let exp = if want { "no rank" } else { "a rank" };
        failures.push(format!("{}: {got} but expected {exp}", e.agency));
    }
}

pub fn run_cases(scheme: &Scheme) -> Vec<CaseOutcome> {
    let mut out = Vec::new();
    for case in &scheme.cases {
        let (name, line, tol) = (case.name.clone(), case.line, case.tolerance);
        let mut failures = Vec::new();
        let inputs = crate::input::case::inputs(case, &scheme.source);
        match crate::pipeline::run(scheme, &inputs) {
            Err(e) => failures.push(format!("scoring failed: {e}")),
            Ok(run) => {
                for e in &case.expect {
                    let Some(a) = run.agencies.iter().find(|a| a.agency_id == e.agency) else {
                        failures.push(format!("expected agency `{}` is not in the case", e.agency));
                        continue;
                    };
                    if let Some(t) = e.total
                        && (a.total - t).abs() > tol
                    {
                        failures.push(format!(
                            "{}: total {} but expected {t}",
                            e.agency,
                            a.total.normalize()
                        ));
                    }
                    if let Some(g) = &e.grade
                        && &a.grade != g
                    {
                        failures.push(format!("{}: grade {} but expected {g}", e.agency, a.grade));
                    }
                    if let Some(r) = e.rank
                        && a.rank != r
                    {
                        failures.push(format!("{}: rank {} but expected {r}", e.agency, a.rank));
                    }
                    expect_veto(e, a, &mut failures);
                    for (id, want) in &e.points {
                        match indicator_points(scheme, a, id) {
                            None => failures.push(format!(
                                "{}: indicator `{id}` has no points (unknown or not applicable)",
                                e.agency
                            )),
                            Some(got) if (got - want).abs() > tol => failures.push(format!(
                                "{}: `{id}` has {} points but expected {want}",
                                e.agency,
                                got.normalize()
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
