//! The engine: for each agency, walk the indicator tree and write one ledger line per point added
//! or removed, then rescale, add bonus, penalty and look-back, apply vetoes and rounding. A total
//! is computed as the sum of its ledger, never kept on the side, so the two cannot disagree.
//!
//! Agencies are scored in parallel (rayon) into a vector indexed like the input, so the output does
//! not depend on the thread count. Relative methods (best in group, by rank) read a per-group
//! context computed once before the parallel pass.

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::checked::{self, Checked, Overflow};
use super::composite::{self, NormOutcome};
use super::leaves::{Fixed, FixedLines};
use super::ledger::{
    Arg, Component, Detail, IntoArg, LEDGER_DP, Msg, Price, Row, Source, Step, at_ledger_precision,
    msg, shown,
};
use super::methods::{self, GroupContext};
use super::prepared::{Norms, Prepared};
use super::result::*;
use crate::error::{Error, Location, Result};
use crate::input::{Agency, AppealDecision, Inputs, TaskStatus};
use crate::rules::{
    Aggregate, BelowMinimum, Mapping, Method, Missing, NodeKind, Redistribute, Scheme,
};
use crate::t;

/// Score every agency: one unranked [`AgencyResult`] per agency, in input order (rank and grade
/// are left empty for the rank step). `inputs` must already have passed
/// [`crate::input::check::check`] against `scheme`: the pipeline checks once, so callers that
/// score many variants of checked inputs (robustness replicates) do not pay for it each time.
pub fn score(scheme: &Scheme, inputs: &Inputs) -> Result<Vec<AgencyResult>> {
    score_with(scheme, inputs, Texts::Keep)
}

/// What a scoring run keeps of its ledgers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    /// Every line with its text (the run people read).
    Keep,
    /// Totals, components, vetoes, appeals as [`Texts::Keep`] gives them (the same lines are
    /// written and summed, but for dimension lines no later step reads one by one, whose points
    /// the dimension's closing line carries: [`shed_lines`]), but no line text or source, no
    /// ledger, no agency name or parent, and no indicator values in the result (unless inner
    /// indicators normalised on the data need them for a second pass): for replicates that keep
    /// only agencies' ranks and grades.
    TotalsOnly,
}

/// [`score`], keeping of the ledgers what `texts` says.
pub fn score_with(scheme: &Scheme, inputs: &Inputs, texts: Texts) -> Result<Vec<AgencyResult>> {
    Prepared::new(scheme, inputs)?.score(scheme, &inputs.surveys, texts)
}

pub fn summary(scheme: &Scheme) -> SchemeSummary {
    SchemeSummary {
        id: scheme.id.clone(),
        title: scheme.title.clone(),
        basis: scheme.basis.clone(),
        total: scheme.total,
        dimensions: scheme
            .roots
            .iter()
            .map(|&r| DimensionSummary {
                id: scheme.nodes[r].id.clone(),
                name: scheme.nodes[r].name.clone(),
                max: scheme.nodes[r].max,
            })
            .collect(),
        groups: scheme
            .groups
            .iter()
            .map(|g| GroupSummary {
                id: g.id.clone(),
                name: g.name.clone(),
                grades: g
                    .grades
                    .iter()
                    .map(|b| GradeBandSummary { name: b.name.clone(), min: b.min })
                    .collect(),
            })
            .collect(),
        decimals: scheme.rounding.decimals,
    }
}

/// Rule ids and dimension components, shared by every line that cites them (one allocation per
/// rule per run, not per ledger line). Workers scoring in parallel each keep their own copy
/// ([`super::Prepared::names`]): lines clone and drop these pointers, and two threads counting
/// references on one shared copy contend for its cache lines.
pub struct Names {
    /// Each indicator's id.
    node: Vec<Arc<str>>,
    /// Each indicator's dimension.
    dim: Vec<Component>,
    /// `bonus:<id>` per bonus item, `penalty:<kind>` per penalty kind, `veto:<id>` per veto.
    bonus: Vec<Arc<str>>,
    penalty: Vec<Arc<str>>,
    veto: Vec<Arc<str>>,
    /// `threshold:<node id>` per threshold.
    threshold: Vec<Arc<str>>,
    /// Per deduction leaf, each kind's id, name and price (empty for other indicators).
    pub(super) deduct: Vec<Vec<Arc<Price>>>,
    /// Each penalty kind's id, name and price.
    penalty_price: Vec<Arc<Price>>,
    fixed: [Arc<str>; 6],
    /// Per indicator, whether its lines are read one by one after the tree walk (it is under a
    /// threshold's, a node veto's or the bonus gate's indicator): see [`shed_lines`].
    read: Vec<bool>,
    /// Each indicator's name, as its ledger lines' texts cite it.
    name: Vec<Arc<str>>,
    /// Per deduction leaf, each kind's `ledger-kind-deductions`, as its cap lines cite it.
    kind_cap: Vec<Vec<Arc<Detail>>>,
    /// Each indicator's credit line before deductions (`ledger-full-before-deductions`): every
    /// agency's ledger says it, and keeps a pointer to this one.
    full: Vec<Arc<Detail>>,
}

const RESCALE: usize = 0;
const ROUNDING: usize = 1;
const FLOOR: usize = 2;
const BONUS: usize = 3;
const PENALTY: usize = 4;
const LOOKBACK: usize = 5;

impl Names {
    pub(super) fn new(scheme: &Scheme) -> Names {
        let roots: Vec<Component> =
            scheme.roots.iter().map(|&r| Component::dimension(&scheme.nodes[r].id)).collect();
        Names {
            node: scheme.nodes.iter().map(|n| Arc::from(n.id.as_str())).collect(),
            dim: scheme.nodes.iter().map(|n| roots[n.dimension].clone()).collect(),
            bonus: scheme
                .bonus
                .items
                .iter()
                .map(|b| Arc::from(format!("bonus:{}", b.id)))
                .collect(),
            penalty: scheme
                .penalty
                .kinds
                .iter()
                .map(|k| Arc::from(format!("penalty:{}", k.kind)))
                .collect(),
            penalty_price: (scheme.penalty.kinds.iter())
                .map(|k| price(&k.kind, &k.name, k.points, false))
                .collect(),
            veto: scheme.vetoes.iter().map(|v| Arc::from(format!("veto:{}", v.id))).collect(),
            threshold: scheme
                .thresholds
                .iter()
                .map(|t| Arc::from(format!("threshold:{}", scheme.nodes[t.node].id)))
                .collect(),
            deduct: scheme
                .nodes
                .iter()
                .map(|n| match n.method() {
                    Some(Method::Deduct(kinds)) => {
                        kinds.iter().map(|k| price(&k.kind, &k.name, k.points, k.major)).collect()
                    }
                    _ => Vec::new(),
                })
                .collect(),
            fixed: ["rescale", "rounding", "floor", "bonus", "penalty", "lookback"].map(Arc::from),
            read: read_one_by_one(scheme),
            name: scheme.nodes.iter().map(|n| Arc::from(n.name.as_str())).collect(),
            kind_cap: (scheme.nodes.iter())
                .map(|n| match n.method() {
                    Some(Method::Deduct(kinds)) => (kinds.iter())
                        .map(|k| {
                            let what = msg::t!("ledger-kind-deductions", name = k.name);
                            Arc::new(Detail::Msg(what))
                        })
                        .collect(),
                    _ => Vec::new(),
                })
                .collect(),
            full: (scheme.nodes.iter())
                .map(|n| {
                    let full = msg::t!("ledger-full-before-deductions", name = n.name, max = n.max);
                    Arc::new(Detail::Msg(full))
                })
                .collect(),
        }
    }

    /// The indicator whose id `rule` is, when it is one of these names (told by address).
    fn node_of(&self, rule: &Arc<str>) -> Option<usize> {
        let from = self.node.as_ptr() as usize;
        let at = (rule as *const Arc<str> as usize).wrapping_sub(from) / size_of::<Arc<str>>();
        (at < self.node.len() && std::ptr::eq(&self.node[at], rule)).then_some(at)
    }
}

/// Per indicator, whether some step after the tree walk reads its lines one by one (a threshold,
/// a node veto, the bonus gate: each sums the lines of an indicator's subtree).
fn read_one_by_one(scheme: &Scheme) -> Vec<bool> {
    let mut read = vec![false; scheme.nodes.len()];
    let gate = scheme.bonus.gate.iter().flat_map(|g| g.nodes.iter().copied());
    let vetoed = scheme.vetoes.iter().filter_map(|v| v.indicator);
    for top in scheme.thresholds.iter().map(|t| t.node).chain(vetoed).chain(gate) {
        for n in super::shapes::subtree(scheme, top) {
            read[n] = true;
        }
    }
    read
}

/// One agency's findings by kind (each kind's in input order), and those that trigger a veto.
pub(super) struct KindIndex<'a> {
    /// Each kind's (position in input order, finding), in input order.
    by_kind: rustc_hash::FxHashMap<&'a str, Vec<(usize, &'a crate::input::Finding)>>,
    /// (position, finding, veto) for every finding whose kind is a veto's, in input order.
    vetoes: Vec<(usize, &'a crate::input::Finding, usize)>,
}

impl<'a> KindIndex<'a> {
    pub(super) fn new(scheme: &Scheme, findings: &[&'a crate::input::Finding]) -> Self {
        let mut by_kind = rustc_hash::FxHashMap::<&str, Vec<_>>::default();
        for (at, &f) in findings.iter().enumerate() {
            by_kind.entry(&*f.kind).or_default().push((at, f));
        }
        let mut k = KindIndex { by_kind, vetoes: Vec::new() };
        let mut vetoes = Vec::new();
        for (kind, &v) in &scheme.veto_kinds {
            vetoes.extend(k.of(kind).iter().map(|&(at, f)| (at, f, v)));
        }
        vetoes.sort_by_key(|h| h.0);
        k.vetoes = vetoes;
        k
    }

    /// The findings of `kind`, in input order.
    fn of(&self, kind: &str) -> &[(usize, &'a crate::input::Finding)] {
        self.by_kind.get(kind).map_or(&[], Vec::as_slice)
    }
}

/// Input rows grouped by agency, in input order.
pub(super) struct InputIndex<'a> {
    pub(super) findings: HashMap<&'a str, Vec<&'a crate::input::Finding>>,
    pub(super) tasks: HashMap<(&'a str, &'a str), &'a crate::input::TaskRecord>,
    pub(super) measures: HashMap<(&'a str, &'a str), &'a crate::input::MeasureRecord>,
    awards: HashMap<&'a str, Vec<&'a crate::input::Award>>,
    lookback: HashMap<&'a str, Vec<&'a crate::input::PriorFinding>>,
    /// Survey rows by position in the inputs (a replicate scores a copy with other indices).
    pub(super) surveys: HashMap<(&'a str, &'a str), usize>,
}

impl<'a> InputIndex<'a> {
    pub(super) fn new(i: &'a Inputs) -> Self {
        InputIndex {
            findings: by_agency(&i.findings, |f| &f.agency),
            awards: by_agency(&i.awards, |a| &a.agency),
            lookback: by_agency(&i.lookback, |l| &l.agency),
            tasks: i.tasks.iter().map(|t| ((t.agency.as_str(), t.task.as_str()), t)).collect(),
            measures: i
                .measures
                .iter()
                .map(|m| ((m.agency.as_str(), m.indicator.as_str()), m))
                .collect(),
            surveys: i
                .surveys
                .iter()
                .enumerate()
                .map(|(at, s)| ((s.agency.as_str(), s.survey.as_str()), at))
                .collect(),
        }
    }
}

/// Rows grouped by agency, each agency's in input order. A run of rows of one agency (files are
/// usually written agency by agency) costs one hash lookup, not one per row.
fn by_agency<T>(rows: &[T], agency: impl Fn(&T) -> &str) -> HashMap<&str, Vec<&T>> {
    let mut out: HashMap<&str, Vec<&T>> = HashMap::new();
    let mut run: Vec<&T> = Vec::new();
    let mut current: Option<&str> = None;
    for r in rows {
        let a = agency(r);
        if current != Some(a) {
            if let Some(c) = current {
                out.entry(c).or_default().append(&mut run);
            }
            current = Some(a);
        }
        run.push(r);
    }
    if let Some(c) = current {
        out.entry(c).or_default().append(&mut run);
    }
    out
}

/// The value an item is scored on for an agency, if it has one that counts.
enum ItemValue<'a> {
    Value { value: Decimal, source: &'a Location, note: Detail },
    Missing,
    NotApplicable { source: &'a Location, why: Msg },
    Zero { source: &'a Location, why: Msg },
}

/// The input row a leaf reads for one agency (looked up once per run).
#[derive(Debug, Clone, Copy)]
pub(super) enum LeafRow<'a> {
    None,
    Task(&'a crate::input::TaskRecord),
    Measure(&'a crate::input::MeasureRecord),
    /// A survey row, by position in the inputs (a replicate scores a copy with other indices).
    Survey(usize),
}

impl<'a> LeafRow<'a> {
    /// The row indicator `node` reads for `agency`.
    pub(super) fn find(scheme: &Scheme, node: usize, agency: &str, index: &InputIndex<'a>) -> Self {
        let id = scheme.nodes[node].id.as_str();
        let row = match scheme.nodes[node].method() {
            Some(Method::Deadline(_)) => index.tasks.get(&(agency, id)).map(|&t| LeafRow::Task(t)),
            Some(Method::Measure(_)) => {
                index.measures.get(&(agency, id)).map(|&m| LeafRow::Measure(m))
            }
            Some(Method::Survey(s)) => {
                index.surveys.get(&(agency, s.survey.as_str())).map(|&at| LeafRow::Survey(at))
            }
            _ => None,
        };
        row.unwrap_or(LeafRow::None)
    }
}

/// A measured or survey item's value from its row (`None` for other items). `surveys`: the
/// inputs' survey rows, or a copy with other indices. `keep`: whether the value's note is wanted
/// (a ledger with texts).
fn item_value<'a>(
    scheme: &Scheme,
    node: usize,
    row: LeafRow<'a>,
    surveys: &'a [crate::input::SurveyResult],
    keep: bool,
) -> Option<ItemValue<'a>> {
    match (scheme.nodes[node].method(), row) {
        (Some(Method::Measure(_)), LeafRow::Measure(m)) => Some(ItemValue::Value {
            value: m.value,
            source: &m.source,
            note: if keep { Detail::text(&m.evidence) } else { Detail::Empty },
        }),
        (Some(Method::Survey(s)), LeafRow::Survey(at)) => Some(survey_value(s, &surveys[at], keep)),
        (Some(Method::Measure(_) | Method::Survey(_)), _) => Some(ItemValue::Missing),
        _ => None,
    }
}

/// A survey item's value from its row.
fn survey_value<'a>(
    s: &crate::rules::SurveyItem,
    r: &'a crate::input::SurveyResult,
    keep: bool,
) -> ItemValue<'a> {
    match r {
        r if r.below_minimum => {
            let why = msg::t!(
                "ledger-survey-below-minimum",
                survey = s.survey,
                n = r.n.map(|n| n.to_string()).unwrap_or_else(|| "?".into())
            );
            match s.below_minimum {
                BelowMinimum::Flag => ItemValue::Value {
                    value: r.index,
                    source: &r.source,
                    note: msg::t!("ledger-flagged", why = Detail::Msg(why)).into(),
                },
                BelowMinimum::Zero => ItemValue::Zero { source: &r.source, why },
                BelowMinimum::NotApplicable => ItemValue::NotApplicable { source: &r.source, why },
            }
        }
        r => ItemValue::Value {
            value: r.index,
            source: &r.source,
            note: match r.n {
                Some(n) if keep => msg::t!("ledger-sample", n = n).into(),
                _ => Detail::Empty,
            },
        },
    }
}

pub(super) fn mapping_of(scheme: &Scheme, node: usize) -> Option<&Mapping> {
    match scheme.nodes[node].method() {
        Some(Method::Measure(m)) => Some(&m.mapping),
        Some(Method::Survey(s)) => Some(&s.mapping),
        _ => None,
    }
}

/// Relative items' group contexts by (indicator, agency position in the inputs).
pub(super) type Contexts = HashMap<(usize, usize), GroupContext>;

/// Statistics of normalised inner indicators' aggregated values, by (indicator, scope key).
pub(super) type InnerStats = HashMap<(usize, String), composite::Stats>;

/// Whether `a` is an ancestor of `n`.
pub(super) fn is_ancestor(scheme: &Scheme, a: usize, n: usize) -> bool {
    let mut p = scheme.nodes[n].parent;
    while let Some(i) = p {
        if i == a {
            return true;
        }
        p = scheme.nodes[i].parent;
    }
    false
}

/// For the items scored relative to the group that `which` picks: each agency's rank and the
/// group's best value. `applies`: per agency (input order), per indicator, whether it applies.
pub(super) fn group_contexts(
    scheme: &Scheme,
    inputs: &Inputs,
    (rows, surveys): (&[Box<[LeafRow<'_>]>], &[crate::input::SurveyResult]),
    applies: &[Box<[bool]>],
    which: impl Fn(usize) -> bool,
) -> Result<Contexts> {
    let mut out = HashMap::new();
    for node in (0..scheme.nodes.len()).filter(|&n| which(n)) {
        let Some(mapping) = mapping_of(scheme, node).filter(|m| m.is_relative()) else { continue };
        let higher = match mapping {
            Mapping::RelativeToBest { higher_is_better }
            | Mapping::ByRank { higher_is_better, .. } => *higher_is_better,
            _ => true,
        };
        for g in &scheme.groups {
            let values: Vec<(usize, Decimal)> = (inputs.agencies.iter().enumerate())
                .filter(|(at, a)| a.group == g.id && applies[*at][node])
                .filter_map(|(at, _)| {
                    match item_value(scheme, node, rows[at][node], surveys, false) {
                        Some(ItemValue::Value { value, .. }) => Some((at, value)),
                        _ => None,
                    }
                })
                .collect();
            let better = |a: Decimal, b: Decimal| if higher { a > b } else { a < b };
            let Some(best) =
                values.iter().map(|v| v.1).reduce(|a, b| if better(a, b) { a } else { b })
            else {
                continue;
            };
            for (at, v) in &values {
                let rank = 1 + values.iter().filter(|(_, o)| better(*o, *v)).count() as u32;
                out.insert((node, *at), GroupContext { best, rank, of: values.len() as u32 });
            }
        }
    }
    Ok(out)
}

/// A number for a ledger line's text: exact values can run to 28 digits (a rescaling by 100/90),
/// which no reader needs; the line's `points` stay exact.
fn show(d: Decimal) -> super::ledger::Arg {
    shown(d, 4)
}

/// A number as [`composite::show`] writes it, formatted when the line is read.
fn cshow(d: Decimal) -> super::ledger::Arg {
    shown(d, 6)
}

/// Ledger under construction for one agency.
struct Ledger<'n> {
    /// What is summed of each line: its rule, component and points (borrowed from the run's
    /// [`Names`]: no reference counting per line).
    lines: Vec<Line<'n>>,
    /// The rest of each line, kept only with the texts.
    said: Vec<Said<'n>>,
    /// The indicator each line was written for, while the tree is walked: lines are first written
    /// in the indicator's own units and scaled to their contribution to the total once the whole
    /// tree is known (a mean's weights depend on which siblings apply).
    /// (indicator, inside): inside lines are in the units before the indicator's own
    /// normalisation (its children's and a geometric mean's lines), outside ones after it.
    owner: Vec<Option<(usize, bool)>>,
    current: Option<(usize, bool)>,
    /// The rule of the first arithmetic that left the decimal range, if any: the rest of the
    /// agency's arithmetic goes on with 0 in its place, and the agency's result is that error.
    overflow: Option<String>,
    /// Whether lines keep their text ([`Texts::Keep`]); without it every line is still written,
    /// with the same points, and its detail left empty.
    keep: bool,
    /// Sums of the points of `lines[..summed]`, brought up to date when read: the walk's lines
    /// are mostly rescaled (and summed afresh) before any sum is read, so summing them as they
    /// are written would be wasted. The same additions in the same order either way.
    sums: Sums,
    summed: usize,
}

/// The room one worker writes its agencies' ledgers in, one agency after another: the lines'
/// vectors are used again rather than allocated (and their pages faulted in) per agency.
#[derive(Default)]
pub(super) struct Room<'n> {
    lines: Vec<Line<'n>>,
    said: Vec<Said<'n>>,
    owner: Vec<Option<(usize, bool)>>,
}

/// A ledger line as scoring sums and reads it.
struct Line<'n> {
    rule: &'n Arc<str>,
    component: &'n Component,
    points: Decimal,
}

impl super::shapes::Points for Line<'_> {
    fn rule(&self) -> &Arc<str> {
        self.rule
    }
    fn component(&self) -> &Component {
        self.component
    }
    fn points(&self) -> Decimal {
        self.points
    }
}

/// A ledger line's step, source and text.
struct Said<'n> {
    step: Step,
    /// (Boxed: few lines cite a row other than a finding's, whose row is the finding's.)
    source: Option<Box<Source>>,
    detail: Kept<'n>,
}

/// A line's text while the agency is scored: a detail, or the finding it charges and its kind's
/// price (borrowed: most findings' lines join a run when the ledger is made, which keeps their
/// rows as ranges, [`super::ledger::LedgerBuilder::push_found`]; nothing is copied or counted per
/// finding before).
enum Kept<'n> {
    Detail(Detail),
    Finding(&'n crate::input::Finding, &'n Arc<Price>),
}

impl Said<'_> {
    /// The text as a detail, leaving nothing in its place (a finding's row moves to the source).
    fn take(&mut self) -> Detail {
        match std::mem::replace(&mut self.detail, Kept::Detail(Detail::Empty)) {
            Kept::Detail(d) => d,
            Kept::Finding(f, price) => {
                self.source = Some(Box::new(Ledger::source(&f.source())));
                Detail::Finding(Box::new(super::ledger::finding_text(f, price)))
            }
        }
    }
}

impl<'n> Ledger<'n> {
    fn new(texts: Texts) -> Ledger<'n> {
        Ledger {
            lines: Vec::new(),
            said: Vec::new(),
            owner: Vec::new(),
            current: None,
            overflow: None,
            keep: texts == Texts::Keep,
            sums: Sums::default(),
            summed: 0,
        }
    }

    /// A ledger written in `room`'s vectors (give them back with [`Ledger::vacate`]).
    fn in_room(texts: Texts, room: &mut Room<'n>) -> Ledger<'n> {
        Ledger {
            lines: std::mem::take(&mut room.lines),
            said: std::mem::take(&mut room.said),
            owner: std::mem::take(&mut room.owner),
            ..Ledger::new(texts)
        }
    }

    /// Give the ledger's vectors, emptied, back to `room`.
    fn vacate(mut self, room: &mut Room<'n>) {
        self.lines.clear();
        self.said.clear();
        self.owner.clear();
        (room.lines, room.said, room.owner) = (self.lines, self.said, self.owner);
    }

    fn push(
        &mut self,
        rule: &'n Arc<str>,
        component: &'n Component,
        step: Step,
        points: Decimal,
        source: Option<&Location>,
        detail: impl Text,
    ) {
        // Sources and texts are kept with the texts (a ledger without them is summed, never read).
        if self.keep {
            let source = source.map(|s| Box::new(Ledger::source(s)));
            self.said.push(Said { step, source, detail: Kept::Detail(detail.text()) });
        }
        self.owner.push(self.current);
        let points = at_ledger_precision(points);
        self.lines.push(Line { rule, component, points });
    }

    /// A line charging finding `f` at `price` (its row is the line's source and its text), of
    /// `points` already at ledger precision.
    fn push_found(
        &mut self,
        (rule, component): (&'n Arc<str>, &'n Component),
        step: Step,
        points: Decimal,
        (f, price): (&'n crate::input::Finding, &'n Arc<Price>),
    ) {
        if self.keep {
            self.said.push(Said { step, source: None, detail: Kept::Finding(f, price) });
        }
        self.owner.push(self.current);
        self.lines.push(Line { rule, component, points });
    }

    /// The lines as a result keeps them (with texts; alike finding lines as runs), leaving the
    /// ledger's vectors empty (their room kept for the next agency).
    fn take_lines(&mut self) -> super::ledger::Ledger {
        let mut kept = super::ledger::LedgerBuilder::with_capacity(self.entries());
        for (l, s) in self.lines.drain(..).zip(self.said.drain(..)) {
            let line = super::ledger::Charge {
                rule: l.rule,
                component: l.component,
                step: s.step,
                points: l.points,
            };
            match s.detail {
                Kept::Detail(d) => kept.push(line, s.source, d),
                Kept::Finding(f, price) => kept.push_found(line, f, price),
            }
        }
        kept.finish()
    }

    /// About how many entries the ledger keeps: a line per line that is not a finding's, and per
    /// finding that cannot join the one before (another kind or count, an appeal).
    fn entries(&self) -> usize {
        let mut before: Option<(u32, &Arc<Price>)> = None;
        let mut n = 0;
        for s in &self.said {
            let now = match s.detail {
                Kept::Finding(f, price) if f.appeal.is_none() => Some((f.count, price)),
                _ => None,
            };
            let joins = matches!((before, now), (Some((c, p)), Some((d, q))) if c == d && std::ptr::eq(p, q));
            n += usize::from(!joins);
            before = now;
        }
        n
    }
    /// A row's location as a line cites it (the file name is the input's, shared).
    fn source(l: &Location) -> Source {
        Source { file: l.file.clone(), line: l.line, column: l.column.as_deref().map(Box::from) }
    }
    /// The value of a checked operation, or 0 after recording the overflow against `rule`.
    fn ok(&mut self, r: Checked, rule: &str) -> Decimal {
        r.unwrap_or_else(|Overflow| {
            self.overflow.get_or_insert_with(|| rule.to_string());
            Decimal::ZERO
        })
    }
    /// The sum of every line (kept as lines are written: the same additions, in the same order,
    /// as summing the lines each time).
    fn sum(&mut self) -> Decimal {
        self.catch_up();
        self.ok(self.sums.total, "the total")
    }
    fn sum_of(&mut self, c: &Component) -> Decimal {
        self.catch_up();
        let s = self.sums.of(c).map_or(Ok(Decimal::ZERO), |(s, _)| s);
        self.ok(s, "a component")
    }
    /// The number of lines of a component.
    fn count_of(&mut self, c: &Component) -> usize {
        self.catch_up();
        self.sums.of(c).map_or(0, |(_, n)| n)
    }
    /// Add the lines written since the sums were last read (a component looked up once for the
    /// lines of it that follow one another).
    fn catch_up(&mut self) {
        let mut lines = &self.lines[self.summed..];
        while let Some(first) = lines.first() {
            let n = lines.iter().take_while(|l| std::ptr::eq(l.component, first.component)).count();
            self.sums.add(first.component, lines[..n].iter().map(|l| l.points));
            lines = &lines[n..];
        }
        self.summed = self.lines.len();
    }
    /// Sum the lines again (when next read) after their points changed in place.
    fn resum(&mut self) {
        self.sums.total = Ok(Decimal::ZERO);
        self.sums.by.clear();
        self.summed = 0;
    }
}

/// Running sums of a ledger's points: all lines, and per component (with its line count).
struct Sums {
    total: Checked,
    by: Vec<(Component, Checked, usize)>,
}

impl Default for Sums {
    fn default() -> Self {
        Sums { total: Ok(Decimal::ZERO), by: Vec::new() }
    }
}

impl Sums {
    /// Add the points of lines of component `c`, one after the other.
    fn add(&mut self, c: &Component, mut points: impl Iterator<Item = Decimal>) {
        let i = match self.position(c) {
            Some(i) => i,
            // A new component's sum starts at its first line's points.
            None => {
                let Some(p) = points.next() else { return };
                self.total = self.total.and_then(|t| checked::add(t, p));
                self.by.push((c.clone(), Ok(p), 1));
                self.by.len() - 1
            }
        };
        let (_, s, n) = &mut self.by[i];
        for p in points {
            self.total = self.total.and_then(|t| checked::add(t, p));
            *s = s.and_then(|t| checked::add(t, p));
            *n += 1;
        }
    }
    fn of(&self, c: &Component) -> Option<(Checked, usize)> {
        self.position(c).map(|i| (self.by[i].1, self.by[i].2))
    }
    /// Where `c` is in `by`: a run's dimensions share their ids ([`Names`]), so the pointer finds
    /// them without comparing text; the text decides only when no pointer matches.
    fn position(&self, c: &Component) -> Option<usize> {
        let same = |k: &Component| match (k, c) {
            (Component::Dimension(a), Component::Dimension(b)) => Arc::ptr_eq(a, b),
            _ => std::mem::discriminant(k) == std::mem::discriminant(c),
        };
        (self.by.iter().position(|(k, _, _)| same(k)))
            .or_else(|| self.by.iter().position(|(k, _, _)| k == c))
    }
}

/// A line's text as [`Ledger::push`] takes it: made, or a closure that makes it (only when the
/// ledger keeps texts).
trait Text: Sized {
    fn text(self) -> Detail;
}

impl Text for Detail {
    fn text(self) -> Detail {
        self
    }
}

impl Text for Msg {
    fn text(self) -> Detail {
        Detail::Msg(self)
    }
}

impl<F: FnOnce() -> Msg> Text for F {
    fn text(self) -> Detail {
        Detail::Msg(self())
    }
}

/// A detail made only when the ledger keeps texts.
struct Lazy<F>(F);

impl<F: FnOnce() -> Detail> Text for Lazy<F> {
    fn text(self) -> Detail {
        (self.0)()
    }
}

/// A leaf's outcome: points subject to floors, and major deductions that pass every floor.
#[derive(Clone, Copy)]
pub(super) struct LeafOutcome {
    floored: Decimal,
    major: Decimal,
}

/// What scoring one agency reads: the scheme, the agency, its inputs, and the per-group and
/// per-run statistics computed before the parallel pass.
pub(super) struct AgencyCtx<'a> {
    pub(super) scheme: &'a Scheme,
    pub(super) agency: &'a Agency,
    /// The agency's position in the inputs.
    pub(super) at: usize,
    /// Per indicator, whether it (and every ancestor) applies to the agency.
    pub(super) applies: &'a [bool],
    /// Per indicator, the input row it reads.
    pub(super) rows: &'a [LeafRow<'a>],
    pub(super) index: &'a InputIndex<'a>,
    /// The survey rows scored (the inputs' or a replicate's copy with other indices).
    pub(super) surveys: &'a [crate::input::SurveyResult],
    pub(super) groups: &'a Contexts,
    pub(super) norms: &'a Norms,
    pub(super) inner: &'a InnerStats,
    /// The number of the agency's findings and those with an appeal.
    pub(super) findings: &'a super::prepared::Found<'a>,
    pub(super) kinds: &'a KindIndex<'a>,
    pub(super) names: &'a Names,
    /// Indicators children first.
    pub(super) order: &'a [usize],
    pub(super) texts: Texts,
    /// Whether the result keeps indicator values (with texts, or for a later pass's statistics).
    pub(super) nodes: bool,
    /// Per indicator, the outcome of a leaf the scoring does not change, worked out once
    /// ([`super::leaves`]; only without texts).
    pub(super) fixed: Option<&'a [Option<Fixed>]>,
}

impl AgencyCtx<'_> {
    /// The error for arithmetic on indicator `node` that left the decimal range.
    fn overflow(&self, o: Overflow, node: usize) -> Error {
        let nd = &self.scheme.nodes[node];
        o.error(
            Location::line(&self.scheme.source, nd.line),
            &format!("indicator `{}`", nd.id),
            &self.agency.id,
        )
    }
}

/// Per-indicator state of the tree walk.
struct Tree {
    /// Points per node (subject to floors), None when nothing under it applies.
    pts: Vec<Option<Decimal>>,
    /// Applicable maximum per node: leaves' maxima summed, or the node's own scale under a mean.
    amax: Vec<Decimal>,
    /// Major deductions pass every floor: per leaf, added to its dimension after the tree.
    major: Vec<Decimal>,
    /// Normalised inner indicators: the slope their children's lines are scaled by.
    slope: Vec<Decimal>,
    /// Normalised inner indicators: the aggregated value before normalisation.
    before: Vec<Option<Decimal>>,
}

/// One agency's ledger and result: the tree, then the base (rescaled, rounded), then the
/// adjustments (bonus, penalty, look-back, floor, rounding, vetoes).
/// The ledger is written in `room` (one per worker, used again for each agency).
pub(super) fn score_agency<'n>(cx: &AgencyCtx<'n>, room: &mut Room<'n>) -> Result<AgencyResult> {
    let mut fixed = cx.fixed.filter(|_| cx.texts == Texts::TotalsOnly);
    loop {
        if let Some(result) = score_once(cx, fixed, room)? {
            return Ok(result);
        }
        fixed = None; // the fixed leaves' lines could not be shed: score every leaf
    }
}

/// [`score_agency`] taking the outcomes of the leaves in `fixed` as they are (their lines left
/// out: [`shed_lines`]); None when the other lines cannot be shed after all.
fn score_once<'n>(
    cx: &AgencyCtx<'n>,
    fixed: Option<&[Option<Fixed>]>,
    room: &mut Room<'n>,
) -> Result<Option<AgencyResult>> {
    let scheme = cx.scheme;
    let mut ledger = Ledger::in_room(cx.texts, room);
    // About a line per indicator and per finding, and a sum per dimension and adjustment.
    let lines = scheme.nodes.len() + cx.findings.count + 16;
    ledger.lines.reserve(lines);
    ledger.owner.reserve(lines);
    if ledger.keep {
        ledger.said.reserve(lines);
    }
    ledger.sums.by.reserve(scheme.roots.len() + 5);
    let (mut tree, skipped) = walk_tree(cx, fixed, &mut ledger)?;
    let (major, shed) = contributions((scheme, cx.names), cx.order, (&tree, skipped), &mut ledger)?;
    if skipped > 0 && !shed {
        return Ok(None);
    }
    close_dimensions(cx, &tree.pts, (&major, shed), &mut ledger)?;
    node_vetoes(cx, &mut tree, &mut ledger);
    let dimensions = dimension_points(cx, &tree, &mut ledger);
    let leaf_max: Vec<Decimal> =
        scheme.roots.iter().map(|&r| tree.amax[r] * scheme.nodes[r].weight).collect();
    let applicable_max = base(cx, &leaf_max, &mut ledger)?;
    let mut veto = adjustments(cx, &mut ledger);
    thresholds(cx, &mut ledger, &mut veto);
    let total = ledger.sum();
    let components = [
        Component::Rescale,
        Component::Bonus,
        Component::Penalty,
        Component::Lookback,
        Component::Adjustment,
    ]
    .map(|c| ledger.sum_of(&c));
    if let Some(rule) = &ledger.overflow {
        return Err(Overflow.error(
            Location::file(&scheme.source),
            &format!("rule `{rule}`"),
            &cx.agency.id,
        ));
    }
    let [rescale, bonus, penalty, lookback, adjustment] = components;
    let (agency, keep) = (cx.agency, cx.texts == Texts::Keep);
    let appeals = |keep: &dyn Fn(&AppealDecision) -> bool| -> Vec<String> {
        (cx.findings.appealed.iter())
            .filter(|f| f.appeal.as_ref().is_some_and(|a| keep(&a.decision)))
            .filter_map(|f| f.id().map(String::from))
            .collect()
    };
    let result = AgencyResult {
        agency_id: agency.id.clone(),
        // Replicates rank by id and group: the name and parent are the baseline's to show.
        agency: if keep { agency.name.clone() } else { String::new() },
        group: agency.group.clone(),
        parent: agency.parent.as_ref().filter(|_| keep).cloned(),
        rank: 0,
        grade: String::new(),
        demoted_by_quota: false,
        total,
        dimensions,
        dimension_max: leaf_max,
        applicable_max,
        rescale,
        bonus,
        penalty,
        lookback,
        adjustment,
        veto,
        appeals_changed: appeals(&|d| d.changes_points()),
        appeals_pending: appeals(&|d| *d == AppealDecision::Pending),
        // Replicates keep ranks and grades of agencies, not of their indicators.
        nodes: if cx.nodes { node_values(cx, &tree) } else { Vec::new() },
        ledger: if cx.texts == Texts::Keep { ledger.take_lines() } else { Default::default() },
    };
    ledger.vacate(room);
    Ok(Some(result))
}

/// Walk the indicator tree children first: each leaf scored by its method, each inner node
/// aggregated from its children, then each node's own gate, normalisation, floor and rounding.
/// Leaves in `fixed` take their outcome from it and write no line; returns the tree and the
/// number of lines they would have written.
fn walk_tree<'n>(
    cx: &AgencyCtx<'n>,
    fixed: Option<&[Option<Fixed>]>,
    ledger: &mut Ledger<'n>,
) -> Result<(Tree, usize)> {
    let scheme = cx.scheme;
    let n = scheme.nodes.len();
    let mut t = Tree {
        pts: vec![None; n],
        amax: vec![Decimal::ZERO; n],
        major: vec![Decimal::ZERO; n],
        slope: vec![Decimal::ONE; n],
        before: vec![None; n],
    };
    let mut skipped = 0;
    for &node in cx.order {
        let nd = &scheme.nodes[node];
        let dim = &cx.names.dim[node];
        ledger.current = Some((node, true));
        let value = match &nd.kind {
            NodeKind::Leaf(method) => {
                if !cx.applies[node] {
                    continue;
                }
                let o = match fixed.and_then(|f| f[node].as_ref()) {
                    Some(f) => {
                        match &f.lines {
                            FixedLines::Shed(n) => skipped += n,
                            FixedLines::Replay(points) => {
                                let rule = &cx.names.node[node];
                                for &p in points {
                                    ledger.push(rule, dim, Step::Credit, p, None, Detail::Empty);
                                }
                            }
                        }
                        f.outcome
                    }
                    None => score_leaf(cx, node, method, ledger, dim)?,
                };
                let Some(o) = o else { continue };
                t.major[node] = o.major;
                t.amax[node] = nd.max;
                o.floored
            }
            NodeKind::Inner { children, aggregate, .. } => {
                redistribute(cx, node, &mut t, ledger, dim);
                let combine = (children.as_slice(), *aggregate);
                let Some(v) = inner_value(cx, node, combine, &mut t, ledger, dim)? else {
                    continue;
                };
                v
            }
        };
        let v = gate(cx, node, value, &t, ledger, dim);
        ledger.current = Some((node, false));
        let v = normalise_inner(cx, node, v, &mut t, ledger, dim)?;
        t.pts[node] = Some(floor_and_round(cx, node, v, ledger, dim));
    }
    ledger.current = None;
    Ok((t, skipped))
}

/// `redistribute` on an inner node: the maximum of children that do not apply spread over those
/// that do (evenly, or in proportion to their maxima); each applicable child's points scaled by
/// its new maximum over its old (a line on the child), so the node counts as fully applicable.
fn redistribute<'n>(
    cx: &AgencyCtx<'n>,
    node: usize,
    t: &mut Tree,
    ledger: &mut Ledger<'n>,
    dim: &'n Component,
) {
    let scheme = cx.scheme;
    let Some(&how) = scheme.redistribute.get(&node) else { return };
    let nd = &scheme.nodes[node];
    let kids: Vec<usize> = nd
        .children()
        .iter()
        .copied()
        .filter(|&c| t.pts[c].is_some() && !t.amax[c].is_zero())
        .collect();
    let a: Decimal = kids.iter().map(|&c| t.amax[c]).sum();
    let unused = nd.max - a;
    if kids.is_empty() || unused <= Decimal::ZERO {
        return;
    }
    let k = Decimal::from(kids.len() as u64);
    for c in kids {
        let old = t.amax[c];
        let new = match how {
            Redistribute::Even => checked::div(unused, k).and_then(|x| checked::add(old, x)),
            Redistribute::Proportional => {
                checked::mul(old, nd.max).and_then(|x| checked::div(x, a))
            }
        };
        let new = ledger.ok(new, &nd.id);
        let p = t.pts[c].unwrap_or_default();
        let scaled = checked::mul(p, new).and_then(|x| checked::div(x, old));
        let gain = at_ledger_precision(ledger.ok(scaled, &nd.id)) - p;
        let how = Detail::Msg(if how == Redistribute::Even {
            msg::t!("ledger-redistribute-even")
        } else {
            msg::t!("ledger-redistribute-proportional")
        });
        let why = msg::t!(
            "ledger-redistribute",
            node = nd.name,
            unused = unused.normalize(),
            how = how,
            child = scheme.nodes[c].name,
            old = old.normalize(),
            new = show(new),
            points = show(p)
        );
        ledger.push(&cx.names.node[c], dim, Step::Rescale, gain, None, why);
        t.pts[c] = Some(p + gain);
        t.amax[c] = new;
    }
}

/// An inner node's value from its applicable children: their (weighted) sum, mean or geometric
/// mean. None when no child applies.
fn inner_value<'n>(
    cx: &AgencyCtx<'n>,
    node: usize,
    (children, aggregate): (&[usize], Aggregate),
    t: &mut Tree,
    ledger: &mut Ledger<'n>,
    dim: &'n Component,
) -> Result<Option<Decimal>> {
    let scheme = cx.scheme;
    let nd = &scheme.nodes[node];
    // (weight, points) of the applicable children, without collecting them (a pass per node).
    let applicable = || {
        let pts = &t.pts;
        children.iter().filter_map(move |&c| pts[c].map(|v| (scheme.nodes[c].weight, v)))
    };
    if applicable().next().is_none() {
        return Ok(None);
    }
    let overflow = |o| cx.overflow(o, node);
    Ok(Some(match aggregate {
        Aggregate::Sum => {
            let v = checked::weighted_sum(applicable()).map_err(overflow)?;
            let children = children.iter().map(|&c| (scheme.nodes[c].weight, t.amax[c]));
            t.amax[node] = checked::weighted_sum(children).map_err(overflow)?;
            v
        }
        Aggregate::Mean => {
            let w = checked::sum(applicable().map(|(w, _)| w)).map_err(overflow)?;
            let total = checked::weighted_sum(applicable()).map_err(overflow)?;
            t.amax[node] = nd.max;
            checked::div(total, w).map_err(overflow)?
        }
        Aggregate::Geometric => {
            let applicable: Vec<(Decimal, Decimal)> = applicable().collect();
            t.amax[node] = nd.max;
            let v = geometric(&applicable).ok_or_else(|| {
                Error::at(
                    Location::line(&scheme.source, nd.line),
                    t!("run-score-geometric-nonpositive", item = nd.id, agency = cx.agency.id),
                )
            })?;
            let kids: Vec<String> = children
                .iter()
                .filter_map(|&c| {
                    t.pts[c].map(|p| format!("{} {}", scheme.nodes[c].id, composite::show(p)))
                })
                .collect();
            ledger.push(
                &cx.names.node[node],
                dim,
                Step::Credit,
                v,
                None,
                msg::t!(
                    "ledger-geometric-mean",
                    name = nd.name,
                    children = kids.join(", "),
                    value = cshow(v)
                ),
            );
            v
        }
    }))
}

/// A gated node counts 0 unless its gate indicator is above 0.
fn gate<'n>(
    cx: &AgencyCtx<'n>,
    node: usize,
    v: Decimal,
    t: &Tree,
    ledger: &mut Ledger<'n>,
    dim: &'n Component,
) -> Decimal {
    let scheme = cx.scheme;
    let nd = &scheme.nodes[node];
    match nd.gate {
        Some(g) if t.pts[g].is_none_or(|gv| gv <= Decimal::ZERO) && !v.is_zero() => {
            ledger.push(&cx.names.node[node], dim, Step::Cap, -v, None, || {
                msg::t!("ledger-gated", gate = scheme.nodes[g].id, node = nd.id)
            });
            Decimal::ZERO
        }
        _ => v,
    }
}

/// A node with its own normalisation: its aggregated value mapped onto its maximum (statistics
/// of data-normalised nodes come from an earlier pass; until then the value stays as it is).
fn normalise_inner<'n>(
    cx: &AgencyCtx<'n>,
    node: usize,
    v: Decimal,
    t: &mut Tree,
    ledger: &mut Ledger<'n>,
    dim: &'n Component,
) -> Result<Decimal> {
    let scheme = cx.scheme;
    let nd = &scheme.nodes[node];
    let Some(nm) = nd.transform() else { return Ok(v) };
    t.before[node] = Some(v);
    let key = (node, composite::scope_key(cx.agency, nm.within).to_string());
    let st = if composite::needs_data(nm) {
        cx.inner.get(&key).copied()
    } else {
        Some(composite::Stats::default())
    };
    let Some(st) = st else { return Ok(v) };
    let (p, text) = composite::scale(nm, v, nd.max, &st).map_err(|m| {
        Error::at(
            Location::line(&scheme.source, nd.line),
            t!("run-score-item-agency", item = nd.id, agency = cx.agency.id, problem = m),
        )
    })?;
    t.slope[node] = composite::slope(nm, nd.max, &st);
    let offset = checked::mul(t.slope[node], v)
        .and_then(|sv| checked::sub(p, sv))
        .map_err(|o| cx.overflow(o, node))?;
    ledger.push(
        &cx.names.node[node],
        dim,
        Step::Rescale,
        offset,
        None,
        msg::t!(
            "ledger-normalised-node",
            name = nd.name,
            text = text,
            slope = cshow(t.slope[node])
        ),
    );
    t.amax[node] = nd.max;
    Ok(p)
}

/// A node's floor at 0, its own rounding, and item rounding of a leaf.
fn floor_and_round<'n>(
    cx: &AgencyCtx<'n>,
    node: usize,
    mut v: Decimal,
    ledger: &mut Ledger<'n>,
    dim: &'n Component,
) -> Decimal {
    let scheme = cx.scheme;
    let nd = &scheme.nodes[node];
    if nd.floor && v < Decimal::ZERO {
        let why = || msg::t!("ledger-floored", node = nd.id);
        ledger.push(&cx.names.node[node], dim, Step::Floor, -v, None, why);
        v = Decimal::ZERO;
    }
    if let Some(dp) = nd.round {
        let r = v.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        if r != v {
            ledger.push(&cx.names.node[node], dim, Step::Rounding, r - v, None, || {
                msg::t!("ledger-node-rounded", node = nd.id, decimals = dp, from = cshow(v), to = r)
            });
            v = r;
        }
    }
    if matches!(nd.kind, NodeKind::Leaf(_)) && scheme.rounding.item {
        let r = scheme.rounding.round(v);
        if r != v {
            ledger.push(&cx.names.node[node], dim, Step::Rounding, r - v, None, || {
                msg::t!("ledger-rounded", from = show(v), to = r)
            });
            v = r;
        }
    }
    v
}

/// Every indicator with a value, in scheme order, with its normalisation stages.
fn node_values(cx: &AgencyCtx<'_>, t: &Tree) -> Vec<NodeValue> {
    cx.scheme
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, _)| {
            t.pts[i].map(|value| NodeValue {
                id: cx.names.node[i].clone(),
                value,
                rank: 0,
                stages: match cx.norms.get(&(i, cx.at)) {
                    Some(NormOutcome::Value { stages, .. }) => Some(Box::new(stages.clone())),
                    _ => {
                        t.before[i].map(|b| Box::new(Stages { raw: Some(b), ..Stages::default() }))
                    }
                },
            })
        })
        .collect()
}

/// Each dimension's points (after its rounding, when the scheme rounds dimensions), None where
/// nothing in it applies.
fn dimension_points<'n>(
    cx: &AgencyCtx<'n>,
    t: &Tree,
    ledger: &mut Ledger<'n>,
) -> Vec<Option<Decimal>> {
    let scheme = cx.scheme;
    let mut dimensions = Vec::with_capacity(scheme.roots.len());
    for &root in &scheme.roots {
        if t.pts[root].is_none() {
            dimensions.push(None);
            continue;
        }
        let comp = &cx.names.dim[root];
        let v = ledger.sum_of(comp);
        if scheme.rounding.dimension {
            let r = scheme.rounding.round(v);
            if r != v {
                ledger.push(&cx.names.node[root], comp, Step::Rounding, r - v, None, || {
                    msg::t!("ledger-dimension-rounded", from = show(v), to = r)
                });
            }
        }
        dimensions.push(Some(ledger.sum_of(comp)));
    }
    dimensions
}

/// The base: the tree's points rescaled from the applicable maximum to the scheme total (the
/// rescaled value at ledger precision, the line its exact difference), then rounded when the
/// scheme rounds the base. Returns the applicable maximum.
fn base<'n>(cx: &AgencyCtx<'n>, leaf_max: &[Decimal], ledger: &mut Ledger<'n>) -> Result<Decimal> {
    let scheme = cx.scheme;
    let agency = cx.agency;
    let applicable_max = checked::sum(leaf_max.iter().copied());
    let applicable_max = ledger.ok(applicable_max, "the applicable maximum");
    if applicable_max.is_zero() {
        return Err(Error::at(
            agency.source.clone(),
            t!(
                "run-score-nothing-applies",
                agency = agency.id,
                name = agency.name,
                group = agency.group
            ),
        ));
    }
    let base_raw = ledger.sum();
    let total = scheme.group_total(&agency.group);
    if scheme.rescale && applicable_max != total {
        let rescaled = checked::mul(base_raw, total).and_then(|x| checked::div(x, applicable_max));
        let rescaled = at_ledger_precision(ledger.ok(rescaled, "rescale"));
        ledger.push(
            &cx.names.fixed[RESCALE],
            &Component::Rescale,
            Step::Rescale,
            rescaled - base_raw,
            None,
            || {
                msg::t!(
                    "ledger-rescale",
                    points = show(base_raw),
                    applicable = applicable_max.normalize(),
                    total = total
                )
            },
        );
    }
    if scheme.rounding.base {
        round_sum(cx, ledger, |from, to| msg::t!("ledger-base-rounded", from = from, to = to));
    }
    Ok(applicable_max)
}

/// A line rounding the ledger's sum to the scheme's decimals, if that changes it.
fn round_sum<'n>(
    cx: &AgencyCtx<'n>,
    ledger: &mut Ledger<'n>,
    text: impl Fn(super::ledger::Arg, Decimal) -> Msg,
) {
    let v = ledger.sum();
    let r = cx.scheme.rounding.round(v);
    if r != v {
        let rule = &cx.names.fixed[ROUNDING];
        let text = || text(show(v), r);
        ledger.push(rule, &Component::Adjustment, Step::Rounding, r - v, None, text);
    }
}

/// Bonus, penalty and look-back on the base, the floor of the total at 0, its rounding, then
/// vetoes (after rounding, so that a cap is never rounded past: its decimals are checked).
fn adjustments<'n>(cx: &AgencyCtx<'n>, ledger: &mut Ledger<'n>) -> Option<VetoApplied> {
    let scheme = cx.scheme;
    let base = ledger.sum();
    bonus(cx, base, ledger);
    penalty(cx, ledger);
    lookback(cx, ledger);
    let total = ledger.sum();
    if total < Decimal::ZERO {
        let why = msg::t!("ledger-total-floor");
        ledger.push(&cx.names.fixed[FLOOR], &Component::Adjustment, Step::Floor, -total, None, why);
    }
    if scheme.rounding.total {
        round_sum(cx, ledger, |from, to| msg::t!("ledger-total-rounded", from = from, to = to));
    }
    vetoes(cx, ledger)
}

/// Weighted geometric mean of positive values: exp(Σ w·ln v / Σ w), rounded to
/// [`composite::INEXACT_DP`] decimals. `None` if a value is not positive.
fn geometric(values: &[(Decimal, Decimal)]) -> Option<Decimal> {
    use rust_decimal::MathematicalOps;
    let mut num = Decimal::ZERO;
    let mut w = Decimal::ZERO;
    for (wi, v) in values {
        if *v <= Decimal::ZERO {
            return None;
        }
        num += *wi * v.checked_ln()?;
        w += *wi;
    }
    Some((num / w).checked_exp()?.round_dp(composite::INEXACT_DP))
}

/// Scale each line written for an indicator to its contribution to the total: the product of
/// `weight / Σ applicable sibling weights` over the mean nodes above it (1 under sums, so a
/// summed scheme's lines are untouched). Lines inside a geometric mean keep their detail but count
/// 0: the geometric node's own line carries the value. Where inexact divisions (thirds) leave the
/// lines of a dimension a few units in the 28th digit away from its value, one rounding line on
/// the dimension closes the gap.
fn contributions<'n>(
    (scheme, names): (&Scheme, &Names),
    order: &[usize],
    (tree, skipped): (&Tree, usize),
    ledger: &mut Ledger<'n>,
) -> Result<(Vec<Decimal>, bool)> {
    let (pts, slope, leaf_major) = (&tree.pts, &tree.slope, &tree.major);
    let n = scheme.nodes.len();
    // factor: a node's own lines (after its normalisation); inside: its children's units.
    let mut factor: Vec<Decimal> = vec![Decimal::ONE; n];
    let mut inside: Vec<Decimal> = vec![Decimal::ONE; n];
    let mut inside_geo: Vec<Option<usize>> = vec![None; n];
    let mut any = false;
    // A top-level part's weight (Σ weight × max = total) scales every line below it.
    for &r in &scheme.roots {
        factor[r] = scheme.nodes[r].weight;
        any |= factor[r] != Decimal::ONE;
    }
    // Parents before children: reverse post-order.
    for &p in order.iter().rev() {
        let nd = &scheme.nodes[p];
        inside[p] = ledger.ok(checked::mul(factor[p], slope[p]), &nd.id);
        any |= slope[p] != Decimal::ONE;
        let w = checked::sum(
            nd.children().iter().filter(|&&c| pts[c].is_some()).map(|&c| scheme.nodes[c].weight),
        );
        let w = ledger.ok(w, &nd.id);
        for &c in nd.children() {
            inside_geo[c] = inside_geo[p];
            let wc = scheme.nodes[c].weight;
            let f = match nd.aggregate() {
                Aggregate::Sum => {
                    any |= wc != Decimal::ONE;
                    checked::mul(inside[p], wc)
                }
                Aggregate::Mean => {
                    any = true;
                    if w.is_zero() {
                        Ok(Decimal::ZERO)
                    } else {
                        checked::mul(inside[p], wc).and_then(|x| checked::div(x, w))
                    }
                }
                Aggregate::Geometric => {
                    any = true;
                    inside_geo[c] = Some(inside_geo[p].unwrap_or(p));
                    Ok(Decimal::ZERO)
                }
            };
            factor[c] = ledger.ok(f, &nd.id);
        }
    }
    // Each dimension's major deductions, as they count in the total (scaled like their lines).
    let mut major = vec![Decimal::ZERO; scheme.roots.len()];
    for (i, nd) in scheme.nodes.iter().enumerate() {
        if !leaf_major[i].is_zero() {
            let m = if any { checked::mul(leaf_major[i], factor[i]) } else { Ok(leaf_major[i]) };
            let m = checked::add(major[nd.dimension], ledger.ok(m, &nd.id));
            major[nd.dimension] = ledger.ok(m, &nd.id);
        }
    }
    let shed = !ledger.keep && shed_lines(names, ([&factor, &inside], skipped), ledger);
    if !any {
        return Ok((major, shed));
    }
    let mut overflowed = None;
    // The line's text (kept with texts) inside a message saying how it counts.
    let said = &mut ledger.said;
    let mut wrap = |at: usize, id: &'static str, (name, arg): (&'static str, Arg)| {
        if let Some(line) = said.get_mut(at) {
            let detail = Arg::Detail(Box::new(line.take()));
            line.detail = Kept::Detail(Msg::new(id, vec![("detail", detail), (name, arg)]).into());
        }
    };
    for (at, (line, owner)) in ledger.lines.iter_mut().zip(&ledger.owner).enumerate() {
        let Some((o, is_inside)) = *owner else { continue };
        let f = if is_inside { inside[o] } else { factor[o] };
        if let Some(g) = inside_geo[o] {
            wrap(at, "ledger-inside-geometric", ("node", scheme.nodes[g].id.to_arg()));
            line.points = Decimal::ZERO;
        } else if f != Decimal::ONE {
            wrap(at, "ledger-share-of-total", ("share", cshow(f)));
            let scaled = checked::mul(line.points, f).unwrap_or_else(|Overflow| {
                overflowed.get_or_insert_with(|| line.rule.to_string());
                Decimal::ZERO
            });
            line.points = at_ledger_precision(scaled);
        }
    }
    ledger.resum();
    if let Some(rule) = overflowed {
        ledger.overflow.get_or_insert(rule);
    }
    Ok((major, shed))
}

/// Without texts, a dimension's lines are summed only for [`close_dimensions`] to close them on
/// the dimension's value: the lines no later step reads one by one ([`Names::read`]) are dropped
/// before they are scaled, and the closing line carries their points. Its sum is the value either
/// way as long as no sum of the lines rounds: so only while each line is below 10^11 points, each
/// factor within ±1000 and there are at most 10^4 lines (at 10 decimals every partial sum then
/// stays below 10^18, well inside the decimal's 28 digits). `skipped` lines of fixed leaves
/// ([`super::leaves`], each below the bound) were never written. Returns whether lines were
/// dropped (or left unwritten).
fn shed_lines(
    names: &Names,
    (factors, skipped): ([&[Decimal]; 2], usize),
    ledger: &mut Ledger<'_>,
) -> bool {
    let lines = &ledger.lines;
    if lines.len() + skipped > 10_000
        || !factors.iter().flat_map(|f| f.iter()).all(|f| below(f, 3))
        || !lines.iter().all(|l| below(&l.points, 11))
    {
        return false;
    }
    let kept = |l: &Line| match l.component {
        Component::Dimension(_) => names.node_of(l.rule).is_none_or(|n| names.read[n]),
        _ => true,
    };
    let mut k = 0;
    for i in 0..ledger.lines.len() {
        if kept(&ledger.lines[i]) {
            ledger.lines.swap(i, k);
            ledger.owner.swap(i, k);
            k += 1;
        }
    }
    ledger.lines.truncate(k);
    ledger.owner.truncate(k);
    ledger.resum();
    true
}

/// Leaf `node` of `cx`'s agency scored alone, for replicates to take its outcome as it is
/// ([`super::leaves`]): None unless the leaf applies and reads no survey index (which replicates
/// perturb). A leaf read line by line ([`Names::read`]) keeps its lines' points to write them
/// again (when all its lines are its own); any other must write only lines [`shed_lines`] may
/// drop.
pub(super) fn fixed_leaf(cx: &AgencyCtx<'_>, node: usize) -> Option<Fixed> {
    let NodeKind::Leaf(method) = &cx.scheme.nodes[node].kind else { return None };
    if !cx.applies[node] || matches!(method, Method::Survey(_)) {
        return None;
    }
    let (rule, dim) = (&cx.names.node[node], &cx.names.dim[node]);
    let mut ledger = Ledger::new(Texts::TotalsOnly);
    let outcome = score_leaf(cx, node, method, &mut ledger, dim).ok()?;
    if ledger.overflow.is_some() {
        return None;
    }
    let lines = if cx.names.read[node] {
        let own = |l: &Line| std::ptr::eq(l.rule, rule) && std::ptr::eq(l.component, dim);
        if !ledger.lines.iter().all(own) {
            return None;
        }
        FixedLines::Replay(ledger.lines.iter().map(|l| l.points).collect())
    } else if ledger.lines.iter().all(|l| below(&l.points, 11)) {
        FixedLines::Shed(ledger.lines.len())
    } else {
        return None;
    };
    Some(Fixed { outcome, lines })
}

/// Whether |d| < 10^e (told from its mantissa and scale, without decimal arithmetic).
fn below(d: &Decimal, e: u32) -> bool {
    let m = d.mantissa().unsigned_abs();
    10u128.checked_pow(e + d.scale()).is_none_or(|l| m < l)
}

/// Close each dimension's lines on its value at ledger precision: lines carried at
/// [`LEDGER_DP`] decimals (and scaled by inexact divisions such as thirds) leave their sum a few
/// units in the last decimal away from the value, which one rounding line makes up.
fn close_dimensions<'n>(
    cx: &AgencyCtx<'n>,
    pts: &[Option<Decimal>],
    (major, shed): (&[Decimal], bool),
    ledger: &mut Ledger<'n>,
) -> Result<()> {
    let scheme = cx.scheme;
    for (d, &r) in scheme.roots.iter().enumerate() {
        let Some(p) = pts[r] else { continue };
        let p = ledger.ok(checked::mul(p, scheme.nodes[r].weight), &scheme.nodes[r].id);
        let v = at_ledger_precision(ledger.ok(checked::add(p, major[d]), &scheme.nodes[r].id));
        let comp = &cx.names.dim[r];
        let sum = ledger.sum_of(comp);
        if ledger.overflow.is_some() {
            return Ok(()); // reported with the agency's result
        }
        // Each line is off by at most half a unit in the last decimal; anything larger would be a
        // mistake in the factors above, which the residue line must not hide. (Without texts, the
        // lines may have been shed, the residue then carrying theirs: see [`shed_lines`].)
        let lines = ledger.count_of(comp);
        let gap = v - sum;
        if !shed && gap.abs() > Decimal::new(lines as i64 + 1, LEDGER_DP) {
            return Err(Error::at(
                Location::line(&scheme.source, scheme.nodes[r].line),
                t!("run-score-ledger-mismatch", item = scheme.nodes[r].id, sum = sum, value = v),
            ));
        }
        if sum != v {
            ledger.current = None;
            ledger.push(&cx.names.node[r], comp, Step::Rounding, v - sum, None, || {
                msg::t!("ledger-residue", decimals = LEDGER_DP, gap = (v - sum).normalize())
            });
        }
    }
    Ok(())
}

/// Children before parents, siblings in file order.
pub(super) fn post_order(scheme: &Scheme) -> Vec<usize> {
    fn walk(s: &Scheme, n: usize, out: &mut Vec<usize>) {
        for &c in s.nodes[n].children() {
            walk(s, c, out);
        }
        out.push(n);
    }
    let mut out = Vec::with_capacity(scheme.nodes.len());
    for &r in &scheme.roots {
        walk(scheme, r, &mut out);
    }
    out
}

/// A leaf's points by its method; None when it does not apply to this agency (its maximum leaves
/// the applicable maximum).
fn score_leaf<'n>(
    cx: &AgencyCtx<'n>,
    node: usize,
    method: &Method,
    ledger: &mut Ledger<'n>,
    dim: &'n Component,
) -> Result<Option<LeafOutcome>> {
    match method {
        Method::Deduct(kinds) => Ok(Some(deduct_leaf(cx, node, kinds, ledger, dim))),
        Method::Deadline(d) => Ok(deadline_leaf(cx, node, d, ledger, dim)),
        Method::Normalise(_) => match cx.norms.get(&(node, cx.at)) {
            None | Some(NormOutcome::NotApplicable) => Ok(None),
            Some(NormOutcome::Value { points, source, detail, .. }) => {
                let detail = Detail::text(detail.as_str());
                ledger.push(
                    &cx.names.node[node],
                    dim,
                    Step::Credit,
                    *points,
                    source.as_ref(),
                    detail,
                );
                Ok(Some(LeafOutcome { floored: *points, major: Decimal::ZERO }))
            }
        },
        Method::Measure(m) => valued_leaf(cx, node, &m.mapping, m.missing, ledger, dim),
        Method::Survey(s) => valued_leaf(cx, node, &s.mapping, s.missing, ledger, dim),
    }
}

/// The maximum, less each kind's findings (capped per kind); major kinds pass every floor.
fn deduct_leaf<'n>(
    cx: &AgencyCtx<'n>,
    node: usize,
    kinds: &[crate::rules::DeductKind],
    ledger: &mut Ledger<'n>,
    dim: &'n Component,
) -> LeafOutcome {
    let nd = &cx.scheme.nodes[node];
    let rule = &cx.names.node[node];
    let full = Lazy(|| Detail::Shared(cx.names.full[node].clone()));
    ledger.push(rule, dim, Step::Credit, nd.max, None, full);
    let mut floored = nd.max;
    let mut major = Decimal::ZERO;
    for (i, k) in kinds.iter().enumerate() {
        let found = cx.kinds.of(&k.kind);
        if found.is_empty() {
            continue;
        }
        let charge = KindCharge {
            rule,
            component: dim,
            step: Step::Deduction,
            price: &cx.names.deduct[node][i],
            cap: k.cap,
            cap_text: &|| Arg::Shared(cx.names.kind_cap[node][i].clone()),
        };
        let sum = charge.apply(found, ledger);
        let left = if k.major { &mut major } else { &mut floored };
        *left = ledger.ok(checked::sub(*left, sum), &nd.id);
    }
    LeafOutcome { floored, major }
}

/// The maximum when done on time, a late share or less when late, 0 when not done or after the
/// cut-off; None when the task does not apply.
fn deadline_leaf<'n>(
    cx: &AgencyCtx<'n>,
    node: usize,
    d: &crate::rules::Deadline,
    ledger: &mut Ledger<'n>,
    dim: &'n Component,
) -> Option<LeafOutcome> {
    let nd = &cx.scheme.nodes[node];
    let id = &cx.names.node[node];
    let rec = match cx.rows[node] {
        LeafRow::Task(t) => Some(t),
        _ => None,
    };
    let src = rec.map(|r| &r.source);
    let evidence = rec.map(|r| r.evidence.as_str()).unwrap_or_default();
    let status = rec.map(|r| r.status);
    let text = || Detail::with_evidence(deadline_text(&nd.name, nd.max, d, status), evidence);
    if let Some(TaskStatus::NotApplicable) = status {
        ledger.push(id, dim, Step::Credit, Decimal::ZERO, src, Lazy(text));
        return None;
    }
    let p = match status {
        Some(TaskStatus::Done(date)) if date <= d.due => nd.max,
        Some(TaskStatus::Done(date)) => match d.cutoff {
            Some(c) if date > c => Decimal::ZERO,
            _ => methods::late_points(d.late, nd.max, d.due, date).0,
        },
        _ => Decimal::ZERO,
    };
    ledger.push(id, dim, Step::Credit, p, src, Lazy(text));
    Some(LeafOutcome { floored: p, major: Decimal::ZERO })
}

/// The ledger text of a task's points (worked out by [`deadline_leaf`]).
fn deadline_text(
    name: &str,
    max: Decimal,
    d: &crate::rules::Deadline,
    status: Option<TaskStatus>,
) -> Msg {
    match status {
        Some(TaskStatus::NotApplicable) => msg::t!("ledger-task-not-applicable", name = name),
        None => msg::t!("ledger-task-none", name = name, due = d.due.to_string()),
        Some(TaskStatus::NotDone) => {
            msg::t!("ledger-task-not-done", name = name, due = d.due.to_string())
        }
        Some(TaskStatus::Done(date)) if date <= d.due => msg::t!(
            "ledger-task-on-time",
            name = name,
            date = date.to_string(),
            due = d.due.to_string(),
            max = max
        ),
        Some(TaskStatus::Done(date)) => match d.cutoff {
            Some(c) if date > c => msg::t!(
                "ledger-task-after-cutoff",
                name = name,
                date = date.to_string(),
                cutoff = c.to_string()
            ),
            _ => item_line(name.to_arg(), methods::late_points(d.late, max, d.due, date).1),
        },
    }
}

/// `ledger-item`: an item's name and how its points were worked out.
fn item_line(name: Arg, text: Msg) -> Msg {
    let text = Arg::Detail(Box::new(Detail::Msg(text)));
    Msg::new("ledger-item", vec![("name", name), ("text", text)])
}

/// A measured or survey value mapped to points; a missing value by the item's policy.
fn valued_leaf<'n>(
    cx: &AgencyCtx<'n>,
    node: usize,
    mapping: &Mapping,
    missing: Missing,
    ledger: &mut Ledger<'n>,
    dim: &'n Component,
) -> Result<Option<LeafOutcome>> {
    let scheme = cx.scheme;
    let nd = &scheme.nodes[node];
    let id = nd.id.as_str();
    let zero = Some(LeafOutcome { floored: Decimal::ZERO, major: Decimal::ZERO });
    let keep = cx.texts == Texts::Keep;
    let Some(value) = item_value(scheme, node, cx.rows[node], cx.surveys, keep) else {
        return Ok(None); // not a measure or survey item: unreachable for the callers
    };
    let (points, source, detail, outcome): (_, _, Detail, _) = match value {
        ItemValue::Missing => match missing {
            Missing::Zero => (
                Decimal::ZERO,
                None,
                msg::t!("ledger-value-missing-zero", name = cx.names.name[node]).into(),
                zero,
            ),
            Missing::NotApplicable => (
                Decimal::ZERO,
                None,
                msg::t!("ledger-value-missing-not-applicable", name = cx.names.name[node]).into(),
                None,
            ),
            Missing::Error => {
                return Err(Error::at(
                    Location::line(&scheme.source, nd.line).with_column("missing"),
                    t!("run-score-missing-value", agency = cx.agency.id, item = id),
                ));
            }
        },
        ItemValue::NotApplicable { source, why } => (
            Decimal::ZERO,
            Some(source),
            msg::t!(
                "ledger-value-not-applicable",
                name = cx.names.name[node],
                why = Detail::Msg(why)
            )
            .into(),
            None,
        ),
        ItemValue::Zero { source, why } => (
            Decimal::ZERO,
            Some(source),
            msg::t!("ledger-value-zero", name = cx.names.name[node], why = Detail::Msg(why)).into(),
            zero,
        ),
        ItemValue::Value { value, source, note } => {
            let g = cx.groups.get(&(node, cx.at)).copied();
            let (p, why) = methods::map_value(mapping, value, nd.max, g).map_err(|m| {
                Error::at(source.clone(), t!("run-score-item", item = id, problem = m))
            })?;
            let text = || {
                let what = Detail::Msg(item_line(cx.names.name[node].to_arg(), why.msg()));
                match note {
                    Detail::Empty => what,
                    note => Detail::cat(vec![what, Detail::Static(" — "), note]),
                }
            };
            let rule = &cx.names.node[node];
            ledger.push(rule, dim, Step::Credit, p, Some(source), Lazy(text));
            return Ok(Some(LeafOutcome { floored: p, major: Decimal::ZERO }));
        }
    };
    ledger.push(&cx.names.node[node], dim, Step::Credit, points, source, detail);
    Ok(outcome)
}

fn bonus<'n>(cx: &AgencyCtx<'n>, base: Decimal, ledger: &mut Ledger<'n>) {
    let (scheme, names) = (cx.scheme, cx.names);
    let awards = cx.index.awards.get(cx.agency.id.as_str()).map(Vec::as_slice).unwrap_or(&[]);
    if awards.is_empty() {
        return;
    }
    let mut total = Decimal::ZERO;
    for (i, item) in scheme.bonus.items.iter().enumerate() {
        let rule = &names.bonus[i];
        let mut sum = Decimal::ZERO;
        for a in awards.iter().filter(|a| a.bonus == item.id) {
            let p = checked::mul(item.points, Decimal::from(a.count));
            let p = ledger.ok(p, rule);
            let what =
                msg::t!("ledger-per-item", name = item.name, count = a.count, each = item.points);
            let row = Row {
                id: a.id.as_deref().map(Box::from),
                what,
                extra: None,
                evidence: (!a.evidence.is_empty()).then(|| Box::from(a.evidence.as_str())),
                appeal: None,
            };
            let detail = Detail::Row(Box::new(row));
            ledger.push(rule, &Component::Bonus, Step::Bonus, p, Some(&a.source), detail);
            sum = ledger.ok(checked::add(sum, p), rule);
        }
        if let Some(cap) = item.cap
            && sum > cap
        {
            cap_line(ledger, rule, &Component::Bonus, (sum, cap), Cost::Gain, item.name.to_arg());
            sum = cap;
        }
        total = ledger.ok(checked::add(total, sum), "bonus");
    }
    let rule = &names.fixed[BONUS];
    if let Some(cap) = scheme.bonus.cap
        && total > cap
    {
        let what = Detail::Msg(msg::t!("ledger-all-bonus"));
        cap_line(ledger, rule, &Component::Bonus, (total, cap), Cost::Gain, what.to_arg());
        total = cap;
    }
    if let Some(min) = scheme.bonus.min_base
        && base < min
        && !total.is_zero()
    {
        let why = msg::t!("ledger-bonus-below-threshold", base = show(base), min = min);
        ledger.push(rule, &Component::Bonus, Step::Cap, -total, None, why);
    } else if !total.is_zero()
        && let Some(why) = super::shapes::bonus_gate_closed(scheme, &ledger.lines)
    {
        ledger.push(rule, &Component::Bonus, Step::Cap, -total, None, why);
    } else if let Some(part) = scheme.bonus.to
        && scheme.nodes[part].weight != Decimal::ONE
    {
        let w = scheme.nodes[part].weight;
        let change = checked::sub(w, Decimal::ONE).and_then(|x| checked::mul(total, x));
        let change = ledger.ok(change, "bonus");
        let why = msg::t!(
            "ledger-bonus-weighted",
            part = scheme.nodes[part].name,
            weight = w,
            points = show(total)
        );
        ledger.push(rule, &Component::Bonus, Step::Bonus, change, None, why);
    }
}

/// The findings of one kind charged to a rule: a ledger line per finding (after its appeal), then
/// a cap line if the kind's cap binds. Returns the points charged, after the cap.
struct KindCharge<'a, 'n> {
    rule: &'n Arc<str>,
    component: &'n Component,
    step: Step,
    /// The kind, its name, points per finding and whether it is major (its lines say so).
    price: &'n Arc<Price>,
    cap: Option<Decimal>,
    /// What the cap line names (made only when the cap binds).
    cap_text: &'a dyn Fn() -> Arg,
}

/// A kind's [`Price`], shared by the lines of its findings.
fn price(kind: &str, name: &str, each: Decimal, major: bool) -> Arc<Price> {
    Arc::new(Price { kind: Arc::from(kind), name: Arc::from(name), each, major })
}

impl<'n> KindCharge<'_, 'n> {
    fn apply(
        &self,
        found: &[(usize, &'n crate::input::Finding)],
        ledger: &mut Ledger<'n>,
    ) -> Decimal {
        let mut sum = Decimal::ZERO;
        // A finding with no appeal costs what the one before did when its count is the same:
        // (count, points, the line's points at ledger precision).
        let mut last: Option<(u32, Decimal, Decimal)> = None;
        for &(_, f) in found {
            let (points, line, step) = match last {
                Some((count, points, line)) if count == f.count && f.appeal.is_none() => {
                    (points, line, self.step)
                }
                _ => {
                    let (priced, overturned) = price_finding(f, self.price.each);
                    let points = ledger.ok(priced, self.rule);
                    let line = at_ledger_precision(-points);
                    if f.appeal.is_none() && priced.is_ok() {
                        last = Some((f.count, points, line));
                    }
                    (points, line, if overturned { Step::Appeal } else { self.step })
                }
            };
            ledger.push_found((self.rule, self.component), step, line, (f, self.price));
            sum = ledger.ok(checked::add(sum, points), self.rule);
        }
        match self.cap {
            Some(cap) if sum > cap => {
                let what = (self.cap_text)();
                cap_line(ledger, self.rule, self.component, (sum, cap), Cost::Loss, what);
                cap
            }
            _ => sum,
        }
    }
}

/// Whether capped points were earned (bonus) or lost (deductions, penalties, look-back).
#[derive(Clone, Copy)]
enum Cost {
    Gain,
    Loss,
}

/// The ledger line that brings `sum` (> `cap`) down to `cap`: points taken back from a gain, or
/// given back from a loss.
fn cap_line<'n>(
    ledger: &mut Ledger<'n>,
    rule: &'n Arc<str>,
    component: &'n Component,
    (sum, cap): (Decimal, Decimal),
    cost: Cost,
    what: Arg,
) {
    let total = sum.normalize();
    let (points, text) = match cost {
        Cost::Gain => {
            (cap - sum, msg::t!("ledger-capped-gain", what = what, cap = cap, sum = total))
        }
        Cost::Loss => {
            (sum - cap, msg::t!("ledger-capped-loss", what = what, cap = cap, sum = total))
        }
    };
    ledger.push(rule, component, Step::Cap, points, None, text);
}

fn is_overturned(f: &crate::input::Finding) -> bool {
    f.appeal.as_ref().is_some_and(|a| a.decision == AppealDecision::Overturned)
}

/// A finding's points at `each` a finding after any appeal decision, and whether the appeal
/// overturned it.
fn price_finding(f: &crate::input::Finding, each: Decimal) -> (Checked, bool) {
    let base = checked::mul(each, Decimal::from(f.count));
    match f.appeal.as_ref().map(|a| a.decision) {
        None => (base, false),
        Some(AppealDecision::Overturned) => (Ok(Decimal::ZERO), true),
        Some(AppealDecision::Partly(p)) => (Ok(p), false),
        Some(AppealDecision::Upheld | AppealDecision::Pending) => (base, false),
    }
}

fn penalty<'n>(cx: &AgencyCtx<'n>, ledger: &mut Ledger<'n>) {
    let scheme = cx.scheme;
    let mut total = Decimal::ZERO;
    for (i, k) in scheme.penalty.kinds.iter().enumerate() {
        let found = cx.kinds.of(&k.kind);
        if found.is_empty() {
            continue;
        }
        let charge = KindCharge {
            rule: &cx.names.penalty[i],
            component: &Component::Penalty,
            step: Step::Penalty,
            price: &cx.names.penalty_price[i],
            cap: k.cap,
            cap_text: &|| k.name.to_arg(),
        };
        let sum = charge.apply(found, ledger);
        total = ledger.ok(checked::add(total, sum), "penalty");
    }
    if let Some(cap) = scheme.penalty.cap
        && total > cap
    {
        let what = Arg::Detail(Box::new(msg::t!("ledger-all-penalties").into()));
        let rule = &cx.names.fixed[PENALTY];
        cap_line(ledger, rule, &Component::Penalty, (total, cap), Cost::Loss, what);
    }
}

/// A finding kind as people read it: the name the scheme gives it where it prices it, else its id.
fn kind_name<'a>(scheme: &'a Scheme, kind: &'a str) -> &'a str {
    if let Some(&(node, i)) = scheme.deduct_kinds.get(kind)
        && let Some(Method::Deduct(kinds)) = scheme.nodes[node].method()
        && let Some(k) = kinds.get(i)
    {
        return &k.name;
    }
    match scheme.penalty_kinds.get(kind) {
        Some(&i) => &scheme.penalty.kinds[i].name,
        None => kind,
    }
}

fn lookback<'n>(cx: &AgencyCtx<'n>, ledger: &mut Ledger<'n>) {
    let Some(rule) = &cx.scheme.lookback else { return };
    let name = &cx.names.fixed[LOOKBACK];
    let prior = cx.index.lookback.get(cx.agency.id.as_str()).map(Vec::as_slice).unwrap_or(&[]);
    let mut total = Decimal::ZERO;
    for p in prior {
        let base = rule.points(p.status);
        let repeated = cx.kinds.of(&p.kind).iter().any(|(_, f)| f.count > 0 && !is_overturned(f));
        let pts = if repeated { checked::mul(base, rule.repeat_multiplier) } else { Ok(base) };
        let pts = ledger.ok(pts, "lookback");
        let detail = if ledger.keep {
            let what = msg::t!(
                "ledger-lookback",
                kind = kind_name(cx.scheme, &p.kind),
                status = p.status.label(),
                points = base.normalize()
            );
            let repeat = || msg::t!("ledger-lookback-repeat", multiplier = rule.repeat_multiplier);
            Detail::Row(Box::new(Row {
                id: p.id.as_deref().map(Box::from),
                what,
                extra: repeated.then(repeat),
                evidence: (!p.evidence.is_empty()).then(|| Box::from(p.evidence.as_str())),
                appeal: None,
            }))
        } else {
            Detail::Empty
        };
        ledger.push(name, &Component::Lookback, Step::Lookback, -pts, Some(&p.source), detail);
        total = ledger.ok(checked::add(total, pts), "lookback");
    }
    if let Some(cap) = rule.cap
        && total > cap
    {
        let what = Arg::Detail(Box::new(msg::t!("ledger-lookback-name").into()));
        cap_line(ledger, name, &Component::Lookback, (total, cap), Cost::Loss, what);
    }
}

/// [`super::shapes::subtree_points`] of a ledger being written: its lines share the run's rule
/// names ([`Names`]), so an indicator's are told by pointer rather than by text.
fn subtree_points(cx: &AgencyCtx<'_>, lines: &[Line<'_>], node: usize) -> Option<Decimal> {
    let rules: Vec<&Arc<str>> =
        super::shapes::subtree(cx.scheme, node).into_iter().map(|n| &cx.names.node[n]).collect();
    let Component::Dimension(dim) = &cx.names.dim[node] else { return None };
    super::shapes::points_where(lines, |rule, d| {
        Arc::ptr_eq(d, dim) && rules.iter().any(|r| Arc::ptr_eq(r, rule))
    })
}

/// Every triggered 单项否决 (`[[veto]] indicator`): a line on the node itself bringing its points
/// to 0, inner nodes first, before dimension rounding. The node's value (and its ancestors')
/// drop by the same amount. Nodes that do not apply to the agency get no line.
fn node_vetoes<'n>(cx: &AgencyCtx<'n>, tree: &mut Tree, ledger: &mut Ledger<'n>) {
    let scheme = cx.scheme;
    ledger.current = None;
    let hits: Vec<(&crate::input::Finding, usize)> = cx
        .kinds
        .vetoes
        .iter()
        .filter(|(_, f, v)| {
            f.count > 0 && !is_overturned(f) && scheme.vetoes[*v].indicator.is_some()
        })
        .map(|&(_, f, v)| (f, v))
        .collect();
    if hits.is_empty() {
        return;
    }
    for &node in cx.order {
        for &(f, v) in &hits {
            let veto = &scheme.vetoes[v];
            if veto.indicator != Some(node) {
                continue;
            }
            let Some(p) = subtree_points(cx, &ledger.lines, node) else {
                continue;
            };
            let nd = &scheme.nodes[node];
            let why =
                msg::t!("ledger-node-veto", veto = veto.name, node = nd.name, points = show(p));
            let (rule, root) = (&cx.names.node[node], &cx.names.dim[node]);
            ledger.push(rule, root, Step::Veto, -p, Some(&f.source()), why);
            let own = p.checked_div(super::shapes::part_weight(scheme, node)).unwrap_or(p);
            let mut up = Some(node);
            while let Some(n) = up {
                tree.pts[n] = tree.pts[n].map(|x| x - own);
                up = scheme.nodes[n].parent;
            }
        }
    }
}

/// Every `threshold` the agency's points on its node fall below: a 0-point line, and the grade
/// forced as by a grade veto (recorded as `threshold:<id>` unless a veto already forces a grade
/// at least as bad; a score-only veto keeps its record and gains the grade).
fn thresholds<'n>(cx: &AgencyCtx<'n>, ledger: &mut Ledger<'n>, veto: &mut Option<VetoApplied>) {
    let scheme = cx.scheme;
    let Some(group) = scheme.group(&cx.agency.group) else { return };
    let band = |name: &str| group.grades.iter().position(|b| b.name == name);
    for (i, th) in scheme.thresholds.iter().enumerate() {
        let own = subtree_points(cx, &ledger.lines, th.node);
        let Some(p) = own.and_then(|p| super::shapes::in_own_units(scheme, th.node, p)) else {
            continue;
        };
        if p >= th.min {
            continue;
        }
        let nd = &scheme.nodes[th.node];
        let rule = &cx.names.threshold[i];
        let why = msg::t!(
            "ledger-threshold",
            node = nd.name,
            points = show(p),
            min = th.min,
            grade = th.grade
        );
        ledger.push(rule, &Component::Adjustment, Step::Veto, Decimal::ZERO, None, why);
        let worse = |g: &Option<String>| {
            g.as_deref().and_then(band).is_none_or(|cur| band(&th.grade).is_some_and(|b| b > cur))
        };
        match veto {
            Some(v) if v.grade.is_none() && v.score.is_some() => v.grade = Some(th.grade.clone()),
            Some(v) if v.grade.is_some() && !worse(&v.grade) => {}
            _ => {
                *veto = Some(VetoApplied {
                    rule: rule.to_string(),
                    name: nd.name.clone(),
                    grade: Some(th.grade.clone()),
                    score: None,
                    source: format!("{}:{}", scheme.source, nd.line),
                })
            }
        }
    }
}

/// A `score_mode = "set"` veto's line: the total becomes the veto's score (raised or lowered);
/// after an earlier set veto only lowered, so the lowest set score wins.
fn set_score<'n>(
    ledger: &mut Ledger<'n>,
    veto: &crate::rules::Veto,
    f: &crate::input::Finding,
    rule: &'n Arc<str>,
    set_already: bool,
) {
    let score = veto.score.unwrap_or_default();
    let current = ledger.sum();
    let target = if set_already { score.min(current) } else { score };
    let change = ledger.ok(checked::sub(target, current), rule);
    let what = msg::t!("ledger-veto-set", veto = veto.name, score = score);
    let detail = Detail::with_evidence(what, f.evidence());
    ledger.push(rule, &Component::Adjustment, Step::Veto, change, Some(&f.source()), detail);
}

/// The line of one veto triggered by a finding that stands: a score set or capped, or a 0-point
/// line naming the grade it forces.
fn veto_line<'n>(
    ledger: &mut Ledger<'n>,
    veto: &crate::rules::Veto,
    f: &crate::input::Finding,
    rule: &'n Arc<str>,
    set_already: bool,
) {
    if veto.set {
        set_score(ledger, veto, f, rule, set_already);
    } else if let Some(cap) = veto.score {
        let current = ledger.sum();
        let change = if current > cap { checked::sub(cap, current) } else { Ok(Decimal::ZERO) };
        let change = ledger.ok(change, rule);
        let what = msg::t!("ledger-veto-cap", veto = veto.name, cap = cap);
        let detail = Detail::with_evidence(what, f.evidence());
        ledger.push(rule, &Component::Adjustment, Step::Veto, change, Some(&f.source()), detail);
    } else {
        let detail = match &veto.grade {
            Some(g) => msg::t!("ledger-veto-grade", veto = veto.name, grade = g),
            None => msg::t!("ledger-veto-see-indicator", veto = veto.name),
        };
        let zero = Decimal::ZERO;
        ledger.push(rule, &Component::Adjustment, Step::Veto, zero, Some(&f.source()), detail);
    }
}

/// Apply every veto triggered by a finding: each score cap is a ledger line. The veto recorded
/// (and whose grade the ranking forces) is the one forcing the worst grade of the agency's group,
/// else the first in input order.
fn vetoes<'n>(cx: &AgencyCtx<'n>, ledger: &mut Ledger<'n>) -> Option<VetoApplied> {
    let scheme = cx.scheme;
    let band = |grade: &Option<String>| {
        let g = scheme.group(&cx.agency.group)?;
        g.grades.iter().position(|b| Some(&b.name) == grade.as_ref())
    };
    let mut first: Option<VetoApplied> = None;
    // `score_mode = "set"` vetoes first (the lowest set score wins), then caps, each in input order.
    let hits = &cx.kinds.vetoes;
    let ordered = hits.iter().filter(|h| scheme.vetoes[h.2].set);
    let ordered = ordered.chain(hits.iter().filter(|h| !scheme.vetoes[h.2].set));
    let mut set_already = false;
    let mut first_at = usize::MAX;
    for &(at, f, v) in ordered {
        if f.count == 0 {
            continue; // a row recording zero such findings triggers nothing
        }
        let veto = &scheme.vetoes[v];
        let rule = &cx.names.veto[v];
        if is_overturned(f) {
            let appeal = f.appeal.as_ref().map(|a| a.cite()).unwrap_or_default();
            let why = msg::t!("ledger-veto-overturned", veto = veto.name, appeal = appeal);
            let (adj, zero) = (&Component::Adjustment, Decimal::ZERO);
            ledger.push(rule, adj, Step::Appeal, zero, Some(&f.source()), why);
            continue;
        }
        veto_line(ledger, veto, f, rule, set_already);
        set_already |= veto.set;
        let worse = match &first {
            None => true,
            Some(cur) => match (band(&veto.grade), band(&cur.grade)) {
                (Some(b), Some(c)) => b > c || (b == c && at < first_at),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => at < first_at,
            },
        };
        if worse {
            first_at = at;
            first = Some(VetoApplied {
                rule: veto.id.clone(),
                name: veto.name.clone(),
                grade: veto.grade.clone(),
                score: veto.score,
                source: f.source().to_string(),
            });
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Look-back lines name a kind the scheme prices by its name; a kind it only declares for the
    /// look-back keeps its id (issue 12).
    #[test]
    fn look_back_kinds_are_named_as_the_scheme_names_them() {
        let p = std::path::Path::new("tests/schemes/lookback.toml");
        let scheme = crate::rules::load(p, "lookback.toml").unwrap();
        assert_eq!(kind_name(&scheme, "reply-gap"), "答复不规范");
        assert_eq!(kind_name(&scheme, "old-kind"), "old-kind");
    }
}
