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
    /// Yes/no: `true`/`false` in the workbook (as in rankings.csv), 是/blank on the page.
    Flag(bool),
    Empty,
}

/// Column ids, as in rankings.csv.
pub fn columns(result: &RunResult) -> Vec<String> {
    use crate::output::rankings::{LEAD, TAIL};
    let mut c: Vec<String> = LEAD.iter().map(|s| s.to_string()).collect();
    c.extend(result.scheme.dimensions.iter().map(|d| d.id.clone()));
    c.extend(TAIL.iter().map(|s| s.to_string()));
    c
}

/// Human column titles (Chinese), same order as [`columns`].
pub fn titles(result: &RunResult) -> Vec<String> {
    let mut c: Vec<String> =
        ["组别", "排名", "单位代码", "单位", "总分", "等次"].map(String::from).to_vec();
    c.extend(result.scheme.dimensions.iter().map(|d| format!("{}（{}）", d.name, d.max)));
    c.extend(
        [
            "适用满分",
            "折算",
            "加分",
            "减分",
            "回头看",
            "调整",
            "否决",
            "名额降档",
            "申诉改分",
            "申诉待决",
        ]
        .map(String::from),
    );
    c
}

/// One agency's row, with the points rankings.csv shows (rounded to the scheme's `decimals`, each
/// row adding up exactly: [`crate::output::rankings::shown_points`]).
pub fn row(a: &AgencyResult, decimals: u32) -> Vec<Cell> {
    let (total, dims, tail) = crate::output::rankings::shown_points(a, decimals);
    let mut r = vec![
        Cell::Text(a.group.clone()),
        if a.rank == 0 { Cell::Text("—".into()) } else { Cell::Int(a.rank) },
        Cell::Text(a.agency_id.clone()),
        Cell::Text(a.agency.clone()),
        Cell::Points(total),
        Cell::Text(a.grade.clone()),
    ];
    r.extend(dims.iter().map(|d| d.map(Cell::Points).unwrap_or(Cell::Empty)));
    r.extend(tail.map(Cell::Points));
    r.push(a.veto.as_ref().map(|v| Cell::Text(v.rule.clone())).unwrap_or(Cell::Empty));
    r.push(Cell::Flag(a.demoted_by_quota));
    // Finding ids, space-separated, as rankings.csv writes them.
    r.push(Cell::Text(a.appeals_changed.join(" ")));
    r.push(Cell::Text(a.appeals_pending.join(" ")));
    r
}

impl Cell {
    /// The cell as text, points with the scheme's decimals.
    pub fn display(&self, decimals: u32) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Points(d) => crate::report::chart::fmt_points(*d, decimals),
            Cell::Flag(true) => "是".into(),
            Cell::Flag(false) => String::new(),
            Cell::Empty => String::new(),
        }
    }
}
