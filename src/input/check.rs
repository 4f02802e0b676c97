//! Cross-checks of inputs against the scheme: every row must name a known agency and a rule that
//! applies to it. All problems are reported together, each with its file and line.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::records::Inputs;
use crate::error::{Error, Location, Result};
use crate::rules::{Method, Scheme};

/// A row's location with the column at fault.
fn loc(source: &Location, column: &str) -> Location {
    source.clone().with_column(column)
}

/// Close matches for an unknown name, for "did you mean" hints.
pub fn close_matches<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let lower = name.to_lowercase();
    let mut scored: Vec<(usize, &str)> = candidates
        .filter_map(|c| {
            let cl = c.to_lowercase();
            let d = edit_distance(&lower, &cl);
            let contains = !lower.is_empty() && (cl.contains(&lower) || lower.contains(&cl));
            if d <= 2.max(lower.chars().count() * 2 / 5) || contains { Some((d, c)) } else { None }
        })
        .collect();
    scored.sort();
    scored.into_iter().take(5).map(|(_, c)| c).collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn hint(matches: &[&str]) -> String {
    if matches.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", matches.join(", "))
    }
}

/// Rows of one kind seen so far, to refuse a row counted twice (issue 11 class 4): a row with an
/// id is identified by its id; a row without one by all its values together.
struct Seen<'a> {
    what: &'static str,
    /// How to write two of a thing in one file, for the message.
    instead: &'static str,
    ids: HashMap<&'a str, &'a Location>,
    rows: HashMap<String, &'a Location>,
}

impl<'a> Seen<'a> {
    fn new(what: &'static str, instead: &'static str) -> Self {
        Seen { what, instead, ids: HashMap::new(), rows: HashMap::new() }
    }

    /// An error when this row was seen before, naming both lines.
    fn check(&mut self, id: Option<&'a str>, row: &[&str], source: &'a Location) -> Option<Error> {
        let what = self.what;
        if let Some(id) = id {
            let prev = self.ids.insert(id, source)?;
            return Some(Error::at(
                loc(source, "id"),
                format!(
                    "duplicate {what} id `{id}` (first at {prev}): expected unique ids, so that \
                     no {what} counts twice"
                ),
            ));
        }
        let prev = self.rows.insert(row.join("\u{1f}"), source)?;
        Some(Error::at(
            source.clone(),
            format!(
                "the same {what} as at {prev} (every value equal, no id): expected each {what} \
                 once (give each row an id{})",
                self.instead
            ),
        ))
    }
}

#[derive(Clone, Copy)]
enum ItemKind {
    Task,
    Measure,
}

pub fn check(scheme: &Scheme, inputs: &Inputs) -> Result<()> {
    let mut c = Checker { scheme, agencies: HashMap::new(), errors: Vec::new() };
    c.agencies(inputs);
    c.named_by_rules(inputs);
    c.findings(inputs);
    c.items(inputs);
    c.awards(inputs);
    c.lookback(inputs);
    c.surveys(inputs);
    Error::collect(c.errors)
}

/// The checks of one set of inputs, in the order their errors are reported.
struct Checker<'a> {
    scheme: &'a Scheme,
    /// Agency id → group.
    agencies: HashMap<&'a str, &'a str>,
    errors: Vec<Error>,
}

impl<'a> Checker<'a> {
    /// Agencies: unique ids, not mangled by Excel, in a group of the scheme.
    fn agencies(&mut self, inputs: &'a Inputs) {
        let scheme = self.scheme;
        let mut first_line: HashMap<&str, &Location> = HashMap::new();
        for a in &inputs.agencies {
            if let Some(prev) = first_line.get(a.id.as_str()) {
                self.errors.push(Error::at(
                    loc(&a.source, "id"),
                    format!(
                        "duplicate agency id `{}` (first at {prev}): expected unique ids",
                        a.id
                    ),
                ));
                continue;
            }
            first_line.insert(&a.id, &a.source);
            if let Some(n) = crate::input::parse::excel_scientific(&a.id) {
                self.errors.push(Error::at(
                    loc(&a.source, "id"),
                    format!(
                        "agency id `{}` is Excel's scientific notation for {n}: expected the id as \
                         text (format the column as text in Excel and type the ids again; a long id \
                         loses digits as a number)",
                        a.id
                    ),
                ));
            } else if let Some(message) = crate::rules::numbers::agency_id_problem(&a.id) {
                self.errors.push(Error::at(loc(&a.source, "id"), message));
            }
            if scheme.group(&a.group).is_none() {
                self.errors.push(Error::at(
                    loc(&a.source, "group"),
                    format!(
                        "unknown group `{}` for agency `{}`: expected one of {}",
                        a.group,
                        a.id,
                        scheme.groups.iter().map(|g| g.id.as_str()).collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
            self.agencies.insert(&a.id, &a.group);
        }
        if inputs.agencies.is_empty() {
            self.errors
                .push(Error::Data("no agencies: expected at least one row in agencies".into()));
        }
    }

    /// Agencies named by the rules must exist in a real run, or a typo would silently make a rule
    /// apply to nobody. A rules file's test case (no files) names only the agencies it needs.
    fn named_by_rules(&mut self, inputs: &Inputs) {
        if inputs.files.is_empty() {
            return;
        }
        let scheme = self.scheme;
        for n in &scheme.nodes {
            for a in n.applies.agencies.iter().chain(&n.applies.exempt) {
                if !self.agencies.contains_key(a.as_str()) {
                    self.errors.push(Error::at(
                        Location::line(&scheme.source, n.line).with_column("agencies"),
                        format!(
                            "indicator `{}` names agency `{a}`, which is not in the agencies file{}",
                            n.id,
                            hint(&close_matches(a, self.agencies.keys().copied()))
                        ),
                    ));
                }
            }
        }
        for b in &scheme.bonus.items {
            for a in &b.applies.agencies {
                if !self.agencies.contains_key(a.as_str()) {
                    self.errors.push(Error::at(
                        Location::file(&scheme.source).with_column("bonus.item.agencies"),
                        format!("bonus item `{}` names agency `{a}`, which is not in the agencies file{}", b.id, hint(&close_matches(a, self.agencies.keys().copied()))),
                    ));
                }
            }
        }
    }

    /// Whether `agency` is in the agencies file; if not, an error at `source` says so.
    fn known(&mut self, agency: &str, source: &Location) -> bool {
        if self.agencies.contains_key(agency) {
            return true;
        }
        let message = match crate::input::parse::excel_scientific(agency) {
            Some(n) => format!(
                "unknown agency `{agency}`, which is Excel's scientific notation for {n}{}: \
                 expected the id as text (format the column as text in Excel and type the ids \
                 again; a long id loses digits as a number)",
                if self.agencies.contains_key(n.to_string().as_str()) {
                    " (an id in the agencies file)"
                } else {
                    ""
                }
            ),
            None => format!(
                "unknown agency `{agency}`: expected an id from the agencies file{}",
                hint(&close_matches(agency, self.agencies.keys().copied()))
            ),
        };
        self.errors.push(Error::at(loc(source, "agency"), message));
        false
    }

    /// Whether indicator `node` and all its ancestors apply to a known agency.
    fn applies(&self, node: usize, agency: &str) -> bool {
        let group = self.agencies[agency];
        let mut n = Some(node);
        while let Some(i) = n {
            if !self.scheme.nodes[i].applies.applies(agency, group) {
                return false;
            }
            n = self.scheme.nodes[i].parent;
        }
        true
    }

    /// Findings: unique ids (or, without an id, no two rows alike), a known agency, a kind priced
    /// by a rule that applies to it.
    fn findings(&mut self, inputs: &Inputs) {
        let scheme = self.scheme;
        let mut seen = Seen::new("finding", ", or one row with count 2");
        for f in &inputs.findings {
            let date = f.date.map(|d| d.to_string()).unwrap_or_default();
            let row = [f.agency.as_str(), &f.kind, &f.count.to_string(), &date, &f.evidence];
            self.errors.extend(seen.check(f.id.as_deref(), &row, &f.source));
            if !self.known(&f.agency, &f.source) {
                continue;
            }
            if !scheme.knows_kind(&f.kind) {
                self.errors.push(Error::at(
                    loc(&f.source, "kind"),
                    format!(
                        "unknown finding kind `{}`: expected a kind priced in the rules{}",
                        f.kind,
                        hint(&close_matches(&f.kind, scheme.kind_names().into_iter()))
                    ),
                ));
                continue;
            }
            if let Some(&(node, _)) = scheme.deduct_kinds.get(&f.kind)
                && !self.applies(node, &f.agency)
            {
                self.errors.push(Error::at(
                    loc(&f.source, "kind"),
                    format!("finding kind `{}` is priced by indicator `{}`, which does not apply to agency `{}` (group `{}`)", f.kind, scheme.nodes[node].id, f.agency, self.agencies[f.agency.as_str()]),
                ));
            }
        }
    }

    /// Tasks and measures name an item of one method, once per agency.
    fn items(&mut self, inputs: &Inputs) {
        let rows =
            inputs.tasks.iter().map(|t| (&t.agency, &t.task, &t.source, ItemKind::Task)).chain(
                inputs
                    .measures
                    .iter()
                    .map(|m| (&m.agency, &m.indicator, &m.source, ItemKind::Measure)),
            );
        let mut seen: HashSet<(&str, &str)> = HashSet::new();
        for (agency, item, source, kind) in rows {
            if !self.known(agency, source) {
                continue;
            }
            // A measure read by normalised items (as their value or their denominator) applies
            // when any of those items applies to the agency (docs/composite.md).
            let readers = if matches!(kind, ItemKind::Measure) {
                normalise_readers(self.scheme, item)
            } else {
                Vec::new()
            };
            if !readers.is_empty() {
                if !readers.iter().any(|&i| self.applies(i, agency)) {
                    self.errors.push(Error::at(
                        loc(source, "indicator"),
                        format!("measure `{item}` is read by no item that applies to agency `{agency}` (group `{}`)", self.agencies[agency.as_str()]),
                    ));
                }
                if !seen.insert((agency, item)) {
                    self.errors.push(Error::at(
                        loc(source, "indicator"),
                        format!("measure `{item}` is recorded twice for agency `{agency}`: expected one value per agency and measure"),
                    ));
                }
                continue;
            }
            let first = seen.insert((agency, item));
            self.item(kind, agency, item, source, first);
        }
    }

    /// A task or a measured item's row: the item is of its method and applies to the agency;
    /// `first` is whether the agency has no earlier row for it.
    fn item(&mut self, kind: ItemKind, agency: &str, item: &str, source: &Location, first: bool) {
        let scheme = self.scheme;
        let (column, what, noun, once) = match kind {
            ItemKind::Task => (
                "task",
                "a deadline task",
                "task",
                "recorded twice for agency `{a}`: expected one row per agency and task",
            ),
            ItemKind::Measure => (
                "indicator",
                "a measured item",
                "item",
                "measured twice for agency `{a}`: expected one value per agency and item",
            ),
        };
        let of_kind = |m: Option<&Method>| match kind {
            ItemKind::Task => matches!(m, Some(Method::Deadline(_))),
            ItemKind::Measure => matches!(m, Some(Method::Measure(_))),
        };
        let Some(node) = scheme.node_index(item).filter(|&i| of_kind(scheme.nodes[i].method()))
        else {
            let items = scheme.nodes.iter().filter(|n| of_kind(n.method())).map(|n| n.id.as_str());
            let items: Vec<&str> = match kind {
                ItemKind::Measure => items.chain(normalise_measures(scheme)).collect(),
                ItemKind::Task => items.collect(),
            };
            self.errors.push(Error::at(
                loc(source, column),
                format!(
                    "`{item}` is not {what} of the scheme{}",
                    hint(&close_matches(item, items.into_iter()))
                ),
            ));
            return;
        };
        if !self.applies(node, agency) {
            self.errors.push(Error::at(
                loc(source, column),
                format!(
                    "{noun} `{item}` does not apply to agency `{agency}` (group `{}`)",
                    self.agencies[agency]
                ),
            ));
        }
        if !first {
            self.errors.push(Error::at(
                loc(source, column),
                format!("{noun} `{item}` is {}", once.replace("{a}", agency)),
            ));
        }
    }

    /// Awards: a known agency and a bonus item that applies to it.
    fn awards(&mut self, inputs: &Inputs) {
        let scheme = self.scheme;
        let mut seen = Seen::new("award", ", or one row with count 2");
        for a in &inputs.awards {
            let row = [a.agency.as_str(), &a.bonus, &a.count.to_string(), &a.evidence];
            self.errors.extend(seen.check(a.id.as_deref(), &row, &a.source));
            if !self.known(&a.agency, &a.source) {
                continue;
            }
            match scheme.bonus_index(&a.bonus) {
                None => self.errors.push(Error::at(
                    loc(&a.source, "bonus"),
                    format!(
                        "unknown bonus item `{}`{}",
                        a.bonus,
                        hint(&close_matches(
                            &a.bonus,
                            scheme.bonus.items.iter().map(|b| b.id.as_str())
                        ))
                    ),
                )),
                Some(b)
                    if !scheme.bonus.items[b]
                        .applies
                        .applies(&a.agency, self.agencies[a.agency.as_str()]) =>
                {
                    self.errors.push(Error::at(
                        loc(&a.source, "bonus"),
                        format!("bonus item `{}` does not apply to agency `{}`", a.bonus, a.agency),
                    ))
                }
                Some(_) => {}
            }
        }
    }

    /// Look-back rows need a [lookback] rule, a known agency, and a kind this year's scheme
    /// prices or lists in `[lookback] kinds` (a typo would silently lose the repeat multiplier).
    fn lookback(&mut self, inputs: &Inputs) {
        let Some(rule) = &self.scheme.lookback else {
            if !inputs.lookback.is_empty() {
                self.errors.push(Error::at(loc(&inputs.lookback[0].source, "kind"), "the scheme has no [lookback] rule: expected no look-back rows, or a [lookback] table in the rules"));
            }
            return;
        };
        let mut seen = Seen::new("look-back finding", "");
        for l in &inputs.lookback {
            let row = [l.agency.as_str(), &l.kind, l.status.name(), &l.evidence];
            self.errors.extend(seen.check(l.id.as_deref(), &row, &l.source));
            self.known(&l.agency, &l.source);
            if !self.scheme.knows_kind(&l.kind) && !rule.kinds.contains(&l.kind) {
                self.errors.push(Error::at(loc(&l.source, "kind"), format!("unknown look-back kind `{}`: expected a kind priced in the rules or listed in [lookback].kinds", l.kind)));
            }
        }
    }

    /// Survey results: a known agency, a survey some applicable item reads, an index in 0–100,
    /// one result per agency and survey.
    fn surveys(&mut self, inputs: &Inputs) {
        let scheme = self.scheme;
        let surveys: HashSet<&str> = scheme
            .nodes
            .iter()
            .filter_map(|n| match n.method() {
                Some(Method::Survey(s)) => Some(s.survey.as_str()),
                _ => None,
            })
            .collect();
        let mut seen: HashSet<(&str, &str)> = HashSet::new();
        for s in &inputs.surveys {
            if !self.known(&s.agency, &s.source) {
                continue;
            }
            let reading: Vec<usize> = (0..scheme.nodes.len())
                .filter(|&i| matches!(scheme.nodes[i].method(), Some(Method::Survey(x)) if x.survey == s.survey))
                .collect();
            if !reading.is_empty() && !reading.iter().any(|&i| self.applies(i, &s.agency)) {
                self.errors.push(Error::at(
                    loc(&s.source, "agency"),
                    format!(
                        "no item reading survey `{}` applies to agency `{}` (group `{}`)",
                        s.survey,
                        s.agency,
                        self.agencies[s.agency.as_str()]
                    ),
                ));
            }
            if !surveys.contains(s.survey.as_str()) {
                let mut names: Vec<&str> = surveys.iter().copied().collect();
                names.sort_unstable();
                self.errors.push(Error::at(
                    loc(&s.source, "survey"),
                    format!(
                        "no indicator reads survey `{}`: expected one of {}",
                        s.survey,
                        names.join(", ")
                    ),
                ));
            }
            if s.index < Decimal::ZERO || s.index > Decimal::ONE_HUNDRED {
                self.errors.push(Error::at(
                    loc(&s.source, "index"),
                    format!("index {} is outside 0–100", s.index),
                ));
            }
            if !seen.insert((&s.agency, &s.survey)) {
                self.errors.push(Error::at(
                    loc(&s.source, "survey"),
                    format!("survey `{}` has two results for agency `{}`", s.survey, s.agency),
                ));
            }
        }
    }
}

/// Normalised items that read `measure` as their value or their denominator (docs/composite.md).
fn normalise_readers(scheme: &Scheme, measure: &str) -> Vec<usize> {
    scheme
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| match n.method() {
            Some(Method::Normalise(nm)) => {
                nm.measure == measure || nm.per.as_deref() == Some(measure)
            }
            _ => false,
        })
        .map(|(i, _)| i)
        .collect()
}

/// Every measure name normalised items read (for "did you mean" hints).
fn normalise_measures(scheme: &Scheme) -> impl Iterator<Item = &str> {
    scheme.nodes.iter().flat_map(|n| match n.method() {
        Some(Method::Normalise(nm)) => {
            vec![nm.measure.as_str()].into_iter().chain(nm.per.as_deref())
        }
        _ => vec![].into_iter().chain(None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Agency, Finding};

    fn agency(id: &str, group: &str, line: u64) -> Agency {
        Agency {
            id: id.into(),
            name: id.into(),
            group: group.into(),
            parent: None,
            source: Location::line("agencies.csv", line),
        }
    }

    #[test]
    fn errors_cite_the_row_location_with_the_column_at_fault() {
        let scheme =
            crate::rules::parse(include_bytes!("../../scoring-rules/shanxi-2022.toml"), "r.toml")
                .unwrap();
        let mut inputs = Inputs {
            agencies: vec![
                agency("a1", "city", 2),
                agency("a1", "city", 3),
                agency("a2", "nowhere", 4),
            ],
            ..Default::default()
        };
        // A file name with a colon in it: the location is data, never split apart again.
        inputs.findings.push(Finding {
            id: None,
            agency: "nonexistent-agency".into(),
            kind: "x".into(),
            count: 1,
            date: None,
            evidence: String::new(),
            source: Location::line("C:\\in\\findings.csv", 7),
            appeal: None,
        });
        let err = check(&scheme, &inputs).unwrap_err().to_string();
        let want = [
            "agencies.csv:3: `id`: duplicate agency id `a1` (first at agencies.csv:2): expected unique ids",
            "agencies.csv:4: `group`: unknown group `nowhere` for agency `a2`: expected one of city, county, department",
            "C:\\in\\findings.csv:7: `agency`: unknown agency `nonexistent-agency`: expected an id from the agencies file",
        ];
        assert_eq!(err, want.join("\n"));
    }
}
