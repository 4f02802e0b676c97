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
    /// Yes/no: 是/否 in the workbook (English `true`/`false`, as in rankings.csv), 是/blank on
    /// the page.
    Flag(bool),
    Empty,
}

/// The rankings.xlsx header, the columns of rankings.csv in the current language: 类别, 名次,
/// 单位代码, 单位名称, 总分, 等次, the dimensions by name, then the components (English: the
/// machine column ids `group, rank, agency_id …` and the dimension ids).
pub fn columns(result: &RunResult) -> Vec<String> {
    let mut c = vec![
        crate::t!("report-column-group"),
        crate::t!("report-column-rank"),
        crate::t!("report-column-agency-id"),
        crate::t!("report-column-agency"),
        crate::t!("report-column-total"),
        crate::t!("report-column-grade"),
    ];
    c.extend(
        result
            .scheme
            .dimensions
            .iter()
            .map(|d| crate::t!("report-column-dimension", id = d.id, name = d.name)),
    );
    c.extend(tail(|id| crate::t!("report-column-tail", column = id)));
    c
}

/// The columns after the dimensions (rankings.csv's), each titled by `title` from its machine id.
fn tail(title: impl Fn(&str) -> String) -> Vec<String> {
    crate::output::rankings::TAIL.iter().map(|id| title(id)).collect()
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
    c.extend(tail(|id| crate::t!("report-title-tail", column = id)));
    c
}

/// One agency's row, with the points rankings.csv shows (rounded to the scheme's `decimals`, each
/// row adding up exactly: [`crate::output::rankings::shown_points`]). The group and the veto are
/// named as the scheme names them (English: by id).
pub fn row(result: &RunResult, a: &AgencyResult) -> Vec<Cell> {
    let decimals = result.scheme.decimals;
    let (total, dims, tail) = crate::output::rankings::shown_points(a, decimals);
    let group_name =
        result.scheme.groups.iter().find(|g| g.id == a.group).map_or(a.group.as_str(), |g| &g.name);
    let mut r = vec![
        Cell::Text(crate::t!("report-value-group", id = a.group, name = group_name)),
        if a.rank == 0 { Cell::Text("—".into()) } else { Cell::Int(a.rank) },
        Cell::Text(a.agency_id.clone()),
        Cell::Text(a.agency.clone()),
        Cell::Points(total),
        Cell::Text(a.grade.clone()),
    ];
    r.extend(dims.iter().map(|d| d.map(Cell::Points).unwrap_or(Cell::Empty)));
    r.extend(tail.map(Cell::Points));
    r.push(
        a.veto
            .as_ref()
            .map(|v| Cell::Text(crate::t!("report-value-veto", rule = v.rule, name = v.name)))
            .unwrap_or(Cell::Empty),
    );
    r.push(Cell::Flag(a.demoted_by_quota));
    // Finding ids, space-separated, as rankings.csv writes them.
    r.push(Cell::Text(a.appeals_changed.join(" ")));
    r.push(Cell::Text(a.appeals_pending.join(" ")));
    r
}

impl Cell {
    /// The cell as the workbook writes text: a flag is 是/否 (English `true`/`false`).
    pub fn flag_text(b: bool) -> String {
        if b { crate::t!("report-value-yes") } else { crate::t!("report-value-no") }
    }

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
