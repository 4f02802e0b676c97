//! The rankings table every report format shows: one row per agency, with the columns of
//! rankings.csv (the engine's [`crate::output::rankings`] names them), so a reader can match any
//! format against the CSV.

use rust_decimal::Decimal;

use crate::score::result::{AgencyResult, RunResult};

/// A cell: points stay `Decimal` until a format writes them.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(u32),
    Points(Decimal),
    /// Yes/no: as rankings.csv writes it in the workbook (是/否, English `true`/`false`), 是/blank
    /// on the page.
    Flag(bool),
    Empty,
}

/// The rankings.xlsx header: rankings.csv's, in the run's language (类别, 名次, 单位代码, 单位名称,
/// 总分, 等次, the dimensions by name …; in English the column keys and the dimension ids).
pub fn columns(result: &RunResult) -> Vec<String> {
    crate::output::rankings::header_in(result, result.lang)
}

/// Column titles for a page (report.html, report.md, the 通报), same order as [`columns`]; a
/// dimension carries its maximum.
pub fn titles(result: &RunResult) -> Vec<String> {
    let mut c = vec![
        crate::t!("report-title-group"),
        crate::t!("report-title-rank"),
        crate::t!("report-title-agency-id"),
        crate::t!("report-title-agency"),
        crate::t!("report-title-total"),
        crate::t!("report-title-grade"),
    ];
    c.extend(
        result
            .scheme
            .dimensions
            .iter()
            .map(|d| crate::t!("report-title-dimension", id = d.id, name = d.name, max = d.max)),
    );
    c.extend(
        crate::output::rankings::TAIL.iter().map(|id| crate::t!("report-title-tail", column = *id)),
    );
    c
}

/// One agency's row, with the points rankings.csv shows (rounded to the scheme's `decimals`, each
/// row adding up exactly: [`crate::output::rankings::shown_points`]). The group and the veto are
/// named as rankings.csv names them in the run's language (the scheme's names; English: ids).
pub fn row(result: &RunResult, a: &AgencyResult) -> Vec<Cell> {
    use crate::output::rankings::{group_in, shown_points, veto_in};
    let (total, dims, tail) = shown_points(a, result.scheme.decimals);
    let mut r = vec![
        Cell::Text(group_in(result, a, result.lang)),
        if a.rank == 0 { Cell::Text("—".into()) } else { Cell::Int(a.rank) },
        Cell::Text(a.agency_id.clone()),
        Cell::Text(a.agency.clone()),
        Cell::Points(total),
        Cell::Text(a.grade.clone()),
    ];
    r.extend(dims.iter().map(|d| d.map(Cell::Points).unwrap_or(Cell::Empty)));
    r.extend(tail.map(Cell::Points));
    r.push(if a.veto.is_some() { Cell::Text(veto_in(a, result.lang)) } else { Cell::Empty });
    r.push(Cell::Flag(a.demoted_by_quota));
    // Finding ids, space-separated, as rankings.csv writes them.
    r.push(Cell::Text(a.appeals_changed.join(" ")));
    r.push(Cell::Text(a.appeals_pending.join(" ")));
    r
}

impl Cell {
    /// The cell as text on a page, points with the scheme's decimals.
    pub fn display(&self, decimals: u32) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Points(d) => crate::report::chart::fmt_points(*d, decimals),
            Cell::Flag(true) => crate::t!("report-page-yes"),
            Cell::Flag(false) => String::new(),
            Cell::Empty => String::new(),
        }
    }
}
