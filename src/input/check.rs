//! Cross-checks of inputs against the scheme: every row must name a known agency and a rule that
//! applies to it. All problems are reported together, each with its file and line.

use std::hash::BuildHasher;
use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rust_decimal::Decimal;

use super::records::{Finding, Inputs};
use super::resolve::Names;
use crate::error::{Error, Location, Result};
use crate::rules::{Method, Scheme};

/// Close matches for an unknown name, for "did you mean" hints.
pub fn close_matches<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let lower = name.to_lowercase();
    let mut scored: Vec<(usize, &str)> = candidates
        .filter_map(|c| {
            let cl = c.to_lowercase();
            let d = crate::util::suggest::edits(&lower, &cl);
            let contains = !lower.is_empty() && (cl.contains(&lower) || lower.contains(&cl));
            if d <= 2.max(lower.chars().count() * 2 / 5) || contains { Some((d, c)) } else { None }
        })
        .collect();
    scored.sort();
    scored.into_iter().take(5).map(|(_, c)| c).collect()
}

/// The separator of a list in the current language (`, ` or `、`).
pub fn sep() -> String {
    crate::t!("input-list-separator")
}

/// ` (did you mean a, b?)` for close matches, or nothing.
pub fn hint(matches: &[&str]) -> String {
    if matches.is_empty() {
        String::new()
    } else {
        crate::t!("input-did-you-mean", names = matches.join(sep().as_str()))
    }
}

/// Close matches among the ids and names of `names`, each shown as its id with its name.
fn hint_names(value: &str, names: &Names) -> String {
    let labels: Vec<&str> = names.labels().collect();
    let close = close_matches(value, labels.iter().copied());
    let mut shown: Vec<String> = Vec::new();
    for c in close {
        let id = names.id_of(c);
        let label = match names.name_of(&id) {
            Some(name) if name != id => {
                crate::t!("input-id-and-name", id = id.as_str(), name = name)
            }
            _ => id,
        };
        if !shown.contains(&label) {
            shown.push(label);
        }
    }
    hint(&shown.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Rows of one kind seen so far, to refuse a row counted twice (issue 11 class 4): a row with an
/// id is identified by its id; a row without one by all its values together.
struct Seen<'a> {
    /// Message ids: a duplicate id, a duplicate row.
    twice_id: &'static str,
    twice_row: &'static str,
    ids: HashMap<&'a str, Location>,
    rows: HashMap<String, Location>,
    /// The ids are known to be distinct: they need not be remembered.
    distinct: bool,
}

impl<'a> Seen<'a> {
    fn new(twice_id: &'static str, twice_row: &'static str) -> Self {
        let (ids, rows) = (HashMap::default(), HashMap::default());
        Seen { twice_id, twice_row, ids, rows, distinct: false }
    }

    /// [`Seen::new`] for rows whose ids are `ids`: when no two are alike (found by sorting their
    /// hashes on rayon's threads, far quicker than remembering a million ids), they are not
    /// remembered one by one.
    fn of_ids(
        twice_id: &'static str,
        twice_row: &'static str,
        ids: impl rayon::iter::ParallelIterator<Item = &'a str>,
    ) -> Self {
        use rayon::prelude::*;
        let mut hashes: Vec<u64> = ids.map(|id| rustc_hash::FxBuildHasher.hash_one(id)).collect();
        hashes.par_sort_unstable();
        let distinct = hashes.par_windows(2).all(|w| w[0] != w[1]);
        Seen { distinct, ..Seen::new(twice_id, twice_row) }
    }

    /// An error when this row was seen before, naming both lines (the row's location made only
    /// when it is remembered).
    fn check(
        &mut self,
        inputs: &Inputs,
        id: Option<&'a str>,
        row: impl FnOnce() -> String,
        source: impl FnOnce() -> Location,
    ) -> Option<Error> {
        if let Some(id) = id {
            if self.distinct {
                return None;
            }
            let source = source();
            let prev = self.ids.insert(id, source.clone())?.to_string();
            return Some(Error::at(
                inputs.cell(&source, "id"),
                crate::t!(self.twice_id, id = id, first = prev),
            ));
        }
        let source = source();
        let prev = self.rows.insert(row(), source.clone())?.to_string();
        Some(Error::at(source, crate::t!(self.twice_row, first = prev)))
    }
}

/// A row without an id, as [`Seen`] compares it: all its values together.
fn row_key(values: &[&str]) -> String {
    values.join("\u{1f}")
}

/// A finding kind as the scheme knows it: at all, and the indicator deducting for it (unless a
/// veto's kind, which is never refused for applying nowhere).
#[derive(Clone, Copy)]
struct KindFacts {
    known: bool,
    deducted: Option<usize>,
}

#[derive(Clone, Copy)]
enum ItemKind {
    Task,
    Measure,
}

pub fn check(scheme: &Scheme, inputs: &Inputs) -> Result<()> {
    let mut c = Checker {
        scheme,
        inputs,
        agencies: HashMap::default(),
        unchecked: HashSet::default(),
        errors: Vec::new(),
        once: HashMap::default(),
        names: super::resolve::agency_names(inputs),
    };
    c.agencies(inputs);
    c.named_by_rules(inputs);
    c.findings(inputs);
    c.items(inputs);
    c.awards(inputs);
    c.lookback(inputs);
    c.surveys(inputs);
    c.finish()
}

/// The checks of one set of inputs, in the order their errors are reported.
struct Checker<'a> {
    scheme: &'a Scheme,
    inputs: &'a Inputs,
    /// Agency id → group.
    agencies: HashMap<&'a str, &'a str>,
    /// Agencies whose group is unknown: their rows are not checked against the rules (the group's
    /// error says how many rows that leaves unchecked).
    unchecked: HashSet<&'a str>,
    errors: Vec<Error>,
    /// One error per mistake: (what, value) → (index in `errors`, further rows with it).
    once: HashMap<(&'static str, String), (usize, Vec<String>)>,
    names: Names,
}

impl<'a> Checker<'a> {
    /// An error that the same value on other rows repeats: reported once, at its first row, with
    /// the number of further rows (and the first few of them).
    fn once(
        &mut self,
        what: &'static str,
        value: &str,
        source: &Location,
        error: impl FnOnce() -> Error,
    ) {
        let k = (what, value.to_string());
        if let Some((_, more)) = self.once.get_mut(&k) {
            more.push(source.to_string());
            return;
        }
        self.once.insert(k, (self.errors.len(), Vec::new()));
        self.errors.push(error());
    }

    /// The errors, each repeated mistake with its count.
    fn finish(mut self) -> Result<()> {
        for (at, more) in self.once.values() {
            if more.is_empty() {
                continue;
            }
            if let Error::At { message, .. } = &mut self.errors[*at] {
                let shown: Vec<&str> = more.iter().take(3).map(String::as_str).collect();
                let etc = if more.len() > 3 { "…" } else { "" };
                message.push_str(&crate::t!(
                    "input-also-on",
                    count = more.len(),
                    rows = format!("{}{etc}", shown.join(sep().as_str()))
                ));
            }
        }
        Error::collect(self.errors)
    }

    /// Rows in the other files naming `agency`.
    fn rows_of(inputs: &Inputs, agency: &str) -> usize {
        inputs.findings.iter().filter(|r| *r.agency == *agency).count()
            + inputs.tasks.iter().filter(|r| r.agency == agency).count()
            + inputs.measures.iter().filter(|r| r.agency == agency).count()
            + inputs.awards.iter().filter(|r| r.agency == agency).count()
            + inputs.lookback.iter().filter(|r| r.agency == agency).count()
            + inputs.surveys.iter().filter(|r| r.agency == agency).count()
    }

    /// Agencies: unique ids, not mangled by Excel, in a group of the scheme.
    fn agencies(&mut self, inputs: &'a Inputs) {
        let mut first_line: HashMap<&str, &Location> = HashMap::default();
        for a in &inputs.agencies {
            let at_id = inputs.cell(&a.source, "id");
            if let Some(prev) = first_line.get(a.id.as_str()) {
                let first = prev.to_string();
                self.errors.push(Error::at(
                    at_id,
                    crate::t!("input-agency-twice", id = a.id.as_str(), first = first),
                ));
                continue;
            }
            first_line.insert(&a.id, &a.source);
            if let Some(n) = crate::input::parse::excel_scientific(&a.id) {
                self.errors.push(Error::at(
                    at_id,
                    crate::t!("input-agency-scientific", id = a.id.as_str(), number = n),
                ));
            } else if let Some(message) = crate::rules::numbers::agency_id_problem(&a.id) {
                self.errors.push(Error::at(at_id, message));
            }
            self.agencies.insert(&a.id, &a.group);
            if self.scheme.group(&a.group).is_none() {
                self.unknown_group(inputs, a);
            }
        }
        if inputs.agencies.is_empty() {
            self.errors.push(Error::Data(crate::t!("input-no-agency-rows")));
        }
    }

    /// An agency's unknown group: one error per group value, counting the agencies and their rows
    /// in other files, which are then not checked against the rules (each would fail only
    /// because of the group).
    fn unknown_group(&mut self, inputs: &'a Inputs, a: &'a crate::input::Agency) {
        self.unchecked.insert(&a.id);
        let agencies: Vec<&crate::input::Agency> =
            inputs.agencies.iter().filter(|b| b.group == a.group).collect();
        let rows: usize = agencies.iter().map(|b| Self::rows_of(inputs, &b.id)).sum();
        let groups = super::resolve::group_names(self.scheme);
        let expected = self
            .scheme
            .groups
            .iter()
            .map(|g| crate::t!("input-id-and-name", id = g.id.as_str(), name = g.name.as_str()))
            .collect::<Vec<_>>()
            .join(sep().as_str());
        let hint = hint_names(&a.group, &groups);
        let at = inputs.cell(&a.source, "group");
        let (count, group, agency) = (agencies.len(), a.group.as_str(), a.id.as_str());
        let key = ("group", a.group.clone());
        if self.once.contains_key(&key) {
            return;
        }
        self.once.insert(key, (self.errors.len(), Vec::new()));
        self.errors.push(Error::at(
            at,
            crate::t!(
                "input-unknown-group",
                group = group,
                agency = agency,
                expected = expected,
                hint = hint,
                agencies = count,
                rows = rows
            ),
        ));
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
                    let hint = hint_names(a, &self.names);
                    self.errors.push(Error::at(
                        Location::line(&scheme.source, n.line).with_column("agencies"),
                        crate::t!(
                            "input-rule-names-agency",
                            indicator = n.id.as_str(),
                            agency = a.as_str(),
                            hint = hint
                        ),
                    ));
                }
            }
        }
        for b in &scheme.bonus.items {
            for a in &b.applies.agencies {
                if !self.agencies.contains_key(a.as_str()) {
                    let hint = hint_names(a, &self.names);
                    self.errors.push(Error::at(
                        Location::file(&scheme.source).with_column("bonus.item.agencies"),
                        crate::t!(
                            "input-bonus-names-agency",
                            bonus = b.id.as_str(),
                            agency = a.as_str(),
                            hint = hint
                        ),
                    ));
                }
            }
        }
    }

    /// Whether `agency` is in the agencies file with a known group; an unknown agency is an error
    /// at `source` (once per agency id, counting its further rows).
    fn known(&mut self, agency: &str, source: &Location) -> bool {
        if self.agencies.contains_key(agency) {
            return !self.unchecked.contains(agency);
        }
        let at = self.inputs.cell(source, "agency");
        let message = match crate::input::parse::excel_scientific(agency) {
            Some(n) => {
                let known = self.agencies.contains_key(n.to_string().as_str());
                crate::t!(
                    "input-unknown-agency-scientific",
                    agency = agency,
                    number = n,
                    known = if known { "yes" } else { "no" }
                )
            }
            None => crate::t!(
                "input-unknown-agency",
                agency = agency,
                hint = hint_names(agency, &self.names)
            ),
        };
        self.once("agency", agency, source, || Error::at(at, message));
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
    /// by a rule that applies to it. A kind that triggers a veto is never refused for applying
    /// nowhere: a block veto (`[[veto]] indicator`) on a node the agency is not assessed on zeroes
    /// nothing, and the veto's grade, if any, is the agency's (docs/input.md).
    fn findings(&mut self, inputs: &'a Inputs) {
        let scheme = self.scheme;
        let kinds = super::resolve::kind_names(scheme);
        let ids = {
            use rayon::prelude::*;
            inputs.findings.par_iter().filter_map(|f| f.id())
        };
        let mut seen = Seen::of_ids("input-finding-id-twice", "input-finding-row-twice", ids);
        for (i, fine) in self.to_look_at(&inputs.findings, seen.distinct) {
            let f = &inputs.findings[i];
            let row = || {
                let date = f.date.map(|d| d.to_string()).unwrap_or_default();
                row_key(&[&f.agency, &f.kind, &f.count.to_string(), &date, f.evidence()])
            };
            // (Distinct ids need no look at the row's text.)
            if !(seen.distinct && f.has_id()) {
                self.errors.extend(seen.check(inputs, f.id(), row, || f.source()));
            }
            if fine {
                continue;
            }
            let source = f.source();
            if !self.known(&f.agency, &source) {
                continue;
            }
            if !scheme.knows_kind(&f.kind) {
                let at = inputs.cell(&source, "kind");
                let message = crate::t!(
                    "input-unknown-kind",
                    kind = &*f.kind,
                    hint = hint_names(&f.kind, &kinds)
                );
                self.once("kind", &f.kind, &source, || Error::at(at, message));
                continue;
            }
            if let Some(&(node, _)) = scheme.deduct_kinds.get(&*f.kind)
                && !scheme.veto_kinds.contains_key(&*f.kind)
                && !self.applies(node, &f.agency)
            {
                let group = self.agencies[&*f.agency];
                self.errors.push(Error::at(
                    inputs.cell(&source, "kind"),
                    crate::t!(
                        "input-kind-not-applicable",
                        kind = &*f.kind,
                        indicator = scheme.nodes[node].id.as_str(),
                        agency = &*f.agency,
                        group = group
                    ),
                ));
            }
        }
    }

    /// What the scheme says of a finding's kind (looked up once per kind: the scheme's maps are
    /// hashed with SipHash).
    fn kind_facts(&self, f: &Finding) -> KindFacts {
        let scheme = self.scheme;
        let deducted = match scheme.deduct_kinds.get(&*f.kind) {
            Some(&(node, _)) if !scheme.veto_kinds.contains_key(&*f.kind) => Some(node),
            _ => None,
        };
        KindFacts { known: scheme.knows_kind(&f.kind), deducted }
    }

    /// The findings [`Checker::findings`] looks at one by one, by position, each with whether it
    /// passes every check there but the one of duplicates: those that do not, and those whose
    /// duplicates are looked for one by one (all but rows with an id when the ids are
    /// `distinct`). Worked out on rayon's threads: whether a row is fine depends on its agency
    /// and kind only, so each agency, kind and (agency, deducting indicator) is looked at once
    /// per chunk, by the address of its shared text (nothing is freed meanwhile).
    fn to_look_at(&self, findings: &[Finding], distinct: bool) -> Vec<(usize, bool)> {
        use rayon::prelude::*;
        const CHUNK: usize = 1 << 13;
        let at = |s: &Arc<str>| Arc::as_ptr(s) as *const u8 as usize;
        let look = |(c, chunk): (usize, &[Finding])| {
            let mut agencies = HashMap::<usize, bool>::default();
            let mut kinds = HashMap::<usize, KindFacts>::default();
            let mut applies = HashMap::<(usize, usize), bool>::default();
            let mut last = None;
            let mut out = Vec::new();
            for (i, f) in chunk.iter().enumerate() {
                let a = at(&f.agency);
                let known = match last {
                    Some((p, known)) if p == a => known,
                    _ => {
                        let known = *agencies.entry(a).or_insert_with(|| self.checked(&f.agency));
                        last = Some((a, known));
                        known
                    }
                };
                let fine = known && {
                    let kind = *kinds.entry(at(&f.kind)).or_insert_with(|| self.kind_facts(f));
                    let applies = |node| {
                        *applies.entry((a, node)).or_insert_with(|| self.applies(node, &f.agency))
                    };
                    kind.known && kind.deducted.is_none_or(applies)
                };
                if !(fine && distinct && f.has_id()) {
                    out.push((c * CHUNK + i, fine));
                }
            }
            out
        };
        findings.par_chunks(CHUNK).enumerate().flat_map_iter(look).collect()
    }

    /// Whether `agency` is in the agencies file with a known group (its rows are checked).
    fn checked(&self, agency: &str) -> bool {
        self.agencies.contains_key(agency) && !self.unchecked.contains(agency)
    }

    /// Tasks and measures name an item of one method, once per agency.
    fn items(&mut self, inputs: &'a Inputs) {
        let rows =
            inputs.tasks.iter().map(|t| (&t.agency, &t.task, &t.source, ItemKind::Task)).chain(
                inputs
                    .measures
                    .iter()
                    .map(|m| (&m.agency, &m.indicator, &m.source, ItemKind::Measure)),
            );
        let mut seen: HashSet<(&str, &str)> = HashSet::default();
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
                let group = self.agencies[agency.as_str()];
                let at = inputs.cell(source, "indicator");
                if !readers.iter().any(|&i| self.applies(i, agency)) {
                    self.errors.push(Error::at(
                        at.clone(),
                        crate::t!(
                            "input-measure-read-by-none",
                            measure = item.as_str(),
                            agency = agency.as_str(),
                            group = group
                        ),
                    ));
                }
                if !seen.insert((agency, item)) {
                    self.errors.push(Error::at(
                        at,
                        crate::t!(
                            "input-measure-twice",
                            measure = item.as_str(),
                            agency = agency.as_str()
                        ),
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
        let (column, what) = match kind {
            ItemKind::Task => ("task", "task"),
            ItemKind::Measure => ("indicator", "measure"),
        };
        let of_kind = |m: Option<&Method>| match kind {
            ItemKind::Task => matches!(m, Some(Method::Deadline(_))),
            ItemKind::Measure => matches!(m, Some(Method::Measure(_))),
        };
        let inputs = self.inputs;
        let at = || inputs.cell(source, column);
        let Some(node) = scheme.node_index(item).filter(|&i| of_kind(scheme.nodes[i].method()))
        else {
            let names = match kind {
                ItemKind::Task => {
                    super::resolve::item_names(scheme, |m| matches!(m, Method::Deadline(_)))
                }
                ItemKind::Measure => super::resolve::measure_names(scheme),
            };
            let message = crate::t!(
                "input-not-an-item",
                item = item,
                what = what,
                hint = hint_names(item, &names)
            );
            self.once(column, item, source, || Error::at(at(), message));
            return;
        };
        if !self.applies(node, agency) {
            let group = self.agencies[agency];
            self.errors.push(Error::at(
                at(),
                crate::t!(
                    "input-item-not-applicable",
                    item = item,
                    what = what,
                    agency = agency,
                    group = group
                ),
            ));
        }
        if !first {
            self.errors.push(Error::at(
                at(),
                crate::t!("input-item-twice", item = item, what = what, agency = agency),
            ));
        }
    }

    /// Awards: a known agency and a bonus item that applies to it.
    fn awards(&mut self, inputs: &'a Inputs) {
        let scheme = self.scheme;
        let bonuses = super::resolve::bonus_names(scheme);
        let mut seen = Seen::new("input-award-id-twice", "input-award-row-twice");
        for a in &inputs.awards {
            let row = || row_key(&[&a.agency, &a.bonus, &a.count.to_string(), &a.evidence]);
            self.errors.extend(seen.check(inputs, a.id.as_deref(), row, || a.source.clone()));
            if !self.known(&a.agency, &a.source) {
                continue;
            }
            let at = || inputs.cell(&a.source, "bonus");
            match scheme.bonus_index(&a.bonus) {
                None => {
                    let message = crate::t!(
                        "input-unknown-bonus",
                        bonus = a.bonus.as_str(),
                        hint = hint_names(&a.bonus, &bonuses)
                    );
                    self.once("bonus", &a.bonus, &a.source, || Error::at(at(), message));
                }
                Some(b)
                    if !scheme.bonus.items[b]
                        .applies
                        .applies(&a.agency, self.agencies[a.agency.as_str()]) =>
                {
                    self.errors.push(Error::at(
                        at(),
                        crate::t!(
                            "input-bonus-not-applicable",
                            bonus = a.bonus.as_str(),
                            agency = a.agency.as_str()
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
    }

    /// Look-back rows need a [lookback] rule, a known agency, and a kind this year's scheme
    /// prices or lists in `[lookback] kinds` (a typo would silently lose the repeat multiplier).
    fn lookback(&mut self, inputs: &'a Inputs) {
        let Some(rule) = &self.scheme.lookback else {
            if let Some(first) = inputs.lookback.first() {
                let at = inputs.cell(&first.source, "kind");
                self.errors.push(Error::at(at, crate::t!("input-no-lookback-rule")));
            }
            return;
        };
        let mut kinds = super::resolve::kind_names(self.scheme);
        for k in &rule.kinds {
            kinds.add(k, "");
        }
        let mut seen = Seen::new("input-lookback-id-twice", "input-lookback-row-twice");
        for l in &inputs.lookback {
            let row = || row_key(&[&l.agency, &l.kind, l.status.name(), &l.evidence]);
            self.errors.extend(seen.check(inputs, l.id.as_deref(), row, || l.source.clone()));
            self.known(&l.agency, &l.source);
            if !self.scheme.knows_kind(&l.kind) && !rule.kinds.contains(&l.kind) {
                let at = inputs.cell(&l.source, "kind");
                let message = crate::t!(
                    "input-unknown-lookback-kind",
                    kind = l.kind.as_str(),
                    hint = hint_names(&l.kind, &kinds)
                );
                self.once("lookback-kind", &l.kind, &l.source, || Error::at(at, message));
            }
        }
    }

    /// Survey results: a known agency, a survey some applicable item reads, an index in 0–100,
    /// one result per agency and survey.
    fn surveys(&mut self, inputs: &'a Inputs) {
        let scheme = self.scheme;
        let surveys: HashSet<&str> = scheme
            .nodes
            .iter()
            .filter_map(|n| match n.method() {
                Some(Method::Survey(s)) => Some(s.survey.as_str()),
                _ => None,
            })
            .collect();
        let mut seen: HashSet<(&str, &str)> = HashSet::default();
        for s in &inputs.surveys {
            if !self.known(&s.agency, &s.source) {
                continue;
            }
            let reading: Vec<usize> = (0..scheme.nodes.len())
                .filter(|&i| matches!(scheme.nodes[i].method(), Some(Method::Survey(x)) if x.survey == s.survey))
                .collect();
            let (survey, agency) = (s.survey.as_str(), s.agency.as_str());
            if !reading.is_empty() && !reading.iter().any(|&i| self.applies(i, &s.agency)) {
                let group = self.agencies[agency];
                self.errors.push(Error::at(
                    inputs.cell(&s.source, "agency"),
                    crate::t!(
                        "input-survey-not-applicable",
                        survey = survey,
                        agency = agency,
                        group = group
                    ),
                ));
            }
            if !surveys.contains(survey) {
                let mut names: Vec<&str> = surveys.iter().copied().collect();
                names.sort_unstable();
                let at = inputs.cell(&s.source, "survey");
                let message = crate::t!(
                    "input-unknown-survey",
                    survey = survey,
                    expected = names.join(sep().as_str())
                );
                self.once("survey", survey, &s.source, || Error::at(at, message));
            }
            if s.index < Decimal::ZERO || s.index > Decimal::ONE_HUNDRED {
                self.errors.push(Error::at(
                    inputs.cell(&s.source, "index"),
                    crate::t!("input-index-outside", index = s.index),
                ));
            }
            if !seen.insert((agency, survey)) {
                self.errors.push(Error::at(
                    inputs.cell(&s.source, "survey"),
                    crate::t!("input-survey-twice", survey = survey, agency = agency),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Agency, Finding, RowText};

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
        let at = Location::line("C:\\in\\findings.csv", 7);
        let text = RowText::at(None, "", &at);
        inputs.findings.push(Finding::new(text, "nonexistent-agency".into(), "x".into(), 1));
        // Unit tests run in the default language, Chinese (the English is asserted by tests/).
        let err = check(&scheme, &inputs).unwrap_err().to_string();
        let want = [
            "agencies.csv:3: `id`: 单位代码“a1”重复（首次出现在 agencies.csv:2）：单位代码应唯一",
            "agencies.csv:4: `group`: 单位“a2”的类别“nowhere”未在考核方案中定义：应为 city（设区市）、county（县(市、区)）、department（省直部门） 之一",
            "C:\\in\\findings.csv:7: `agency`: 未知单位“nonexistent-agency”：应为单位表中的单位代码或唯一的单位名称",
        ];
        assert_eq!(err, want.join("\n"));
    }

    /// A finding id given twice is an error at the second row naming the first; distinct ids
    /// (checked by their hashes) are none.
    #[test]
    fn a_finding_id_twice_names_the_first() {
        let scheme =
            crate::rules::parse(include_bytes!("../../scoring-rules/shanxi-2022.toml"), "r.toml")
                .unwrap();
        let finding = |id: &str, line: u64| {
            let text = RowText::at(Some(id), "", &Location::line("f.csv", line));
            Finding::new(text, "a1".into(), "no-such-kind".into(), 1)
        };
        let mut inputs = Inputs { agencies: vec![agency("a1", "city", 2)], ..Default::default() };
        inputs.findings = vec![finding("F1", 2), finding("F2", 3), finding("F1", 4)];
        let err = check(&scheme, &inputs).unwrap_err().to_string();
        let twice: Vec<&str> = err.lines().filter(|l| l.contains("F1")).collect();
        assert_eq!(twice.len(), 1, "{err}");
        assert!(twice[0].starts_with("f.csv:4: `id`:") && twice[0].contains("f.csv:2"), "{err}");
        inputs.findings[2].set_text(RowText::at(Some("F3"), "", &Location::line("f.csv", 4)));
        let err = check(&scheme, &inputs).unwrap_err().to_string();
        assert!(!err.contains("F1") && !err.contains("F3"), "{err}");
    }
}
