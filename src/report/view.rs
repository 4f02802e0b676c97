//! What the charts and tables read from a [`RunResult`]: agencies grouped by peer group in scheme
//! order, labels that tell apart agencies of the same name, score rates, and grade lookups.
//!
//! Points stay `Decimal` here; charts convert to `f64` only when they draw.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::score::result::{AgencyResult, GroupSummary, RunResult};

/// One peer group and its agencies, best rank first (ties by agency id).
pub struct GroupView<'a> {
    pub summary: &'a GroupSummary,
    pub agencies: Vec<&'a AgencyResult>,
    /// Display label per agency (same order): the name, with the parent added when two agencies
    /// of the group share a name (Shanxi has two 城区).
    pub labels: Vec<String>,
}

/// The groups of `result` in scheme order, then any group an agency names that the scheme does
/// not (so nothing is silently dropped). Groups without agencies are left out.
pub fn groups(result: &RunResult) -> Vec<GroupView<'_>> {
    let mut by_group: BTreeMap<&str, Vec<&AgencyResult>> = BTreeMap::new();
    for a in &result.agencies {
        by_group.entry(a.group.as_str()).or_default().push(a);
    }
    let mut out = Vec::new();
    for g in &result.scheme.groups {
        if let Some(mut agencies) = by_group.remove(g.id.as_str()) {
            agencies
                .sort_by(|a, b| a.rank.cmp(&b.rank).then_with(|| a.agency_id.cmp(&b.agency_id)));
            let labels = labels(&agencies, &result.agencies);
            out.push(GroupView { summary: g, agencies, labels });
        }
    }
    debug_assert!(by_group.is_empty(), "agencies in groups the scheme does not declare");
    out
}

/// `parent` is an agency id (a county's city); shown by that agency's name when the run has it.
fn labels(agencies: &[&AgencyResult], all: &[AgencyResult]) -> Vec<String> {
    let name_of = |id: &str| all.iter().find(|a| a.agency_id == id).map(|a| a.agency.clone());
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for a in agencies {
        *count.entry(a.agency.as_str()).or_default() += 1;
    }
    agencies
        .iter()
        .map(|a| match (&a.parent, count[a.agency.as_str()] > 1) {
            (Some(p), true) => {
                format!("{}（{}）", a.agency, name_of(p).unwrap_or_else(|| p.clone()))
            }
            (None, true) => format!("{}（{}）", a.agency, a.agency_id),
            _ => a.agency.clone(),
        })
        .collect()
}

/// Points as a drawing coordinate.
pub fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// Score rate of dimension `i`: points ÷ the maximum that applies to the agency; `None` when
/// nothing in the dimension applies.
pub fn rate(a: &AgencyResult, i: usize) -> Option<Decimal> {
    let points = a.dimensions.get(i).copied().flatten()?;
    let max = a.dimension_max.get(i).copied()?;
    if max <= Decimal::ZERO { None } else { Some(points / max) }
}

/// Position of `grade` among the group's bands (0 = best); `None` for a grade the scheme's bands
/// do not name (a veto may force one).
pub fn grade_index(group: &GroupSummary, grade: &str) -> Option<usize> {
    group.grades.iter().position(|b| b.name == grade)
}

/// The grade bands' minima that fall on the chart, best first, with their names.
pub fn thresholds(group: &GroupSummary) -> Vec<(String, Decimal)> {
    group.grades.iter().filter(|b| b.min > Decimal::ZERO).map(|b| (b.name.clone(), b.min)).collect()
}

/// Number of agencies per grade in a group, in band order, then any other grade by name.
pub fn grade_counts(view: &GroupView<'_>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> =
        view.summary.grades.iter().map(|b| (b.name.clone(), 0)).collect();
    let mut others: BTreeMap<String, usize> = BTreeMap::new();
    for a in &view.agencies {
        match out.iter_mut().find(|(name, _)| *name == a.grade) {
            Some((_, n)) => *n += 1,
            None => *others.entry(a.grade.clone()).or_default() += 1,
        }
    }
    out.extend(others);
    out
}

/// A file-name-safe form of an id: ASCII letters, digits, `-` and `_` kept; an id with any other
/// character has them replaced by `_` and a short hash of the id appended, so two ids never share
/// a file.
pub fn slug(id: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if !id.is_empty() && id.chars().all(safe) {
        return id.to_string();
    }
    let base: String = id.chars().map(|c| if safe(c) { c } else { '_' }).collect();
    let hash = crate::util::hash::sha256_hex(id.as_bytes());
    format!("{base}-{}", &hash[..8])
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_keep_safe_ids_and_never_collide_on_unsafe_ones() {
        assert_eq!(slug("140100-01"), "140100-01");
        assert_eq!(slug("dept_sft"), "dept_sft");
        let (a, b) = (slug("司法厅"), slug("公安厅"));
        assert!(a.starts_with("___-") && b.starts_with("___-"), "{a} {b}");
        assert_ne!(a, b);
        assert!(slug("a/b").starts_with("a_b-"));
    }
}
