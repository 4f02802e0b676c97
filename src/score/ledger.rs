//! The ledger: one line per point added to or removed from an agency's total.
//!
//! Every transformation the engine applies (a deduction, a cap, a floor, rescaling, rounding, a veto)
//! is itself a line, so that a total is *exactly* the sum of its ledger and each point can be traced
//! to the rule that priced it and the input row it came from.
//!
//! A line's explanation is a [`Detail`]: a catalogue message id and its arguments (arguments may be
//! details themselves), rendered into text only when something reads it (`kaohe explain`, previews,
//! the report). Scoring never formats a line's text, so a million findings cost a million small
//! records, not a million Fluent calls.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use fluent_bundle::FluentValue;
use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq};

use crate::input::records::Shared as RowShared;
use crate::input::{Finding, RowText};
use crate::util::i18n::Lang;

/// Decimals a ledger line's points are carried at: every line is rounded to this many decimals,
/// half away from zero, when it is written (and again when it is scaled to its share of the total).
/// With at most 10 decimals, and points far inside rust_decimal's 28 significant digits, a sum of
/// lines is computed without rounding, so a total is *exactly* the sum of its ledger lines
/// (docs/rules.md, "Precision").
pub const LEDGER_DP: u32 = 10;

/// `d` at ledger precision ([`LEDGER_DP`] decimals, half away from zero), trailing zeros removed.
pub fn at_ledger_precision(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(LEDGER_DP, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Which part of the total a line belongs to (the columns of rankings.csv).
#[derive(Debug, Clone, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum Component {
    /// A top-level indicator (dimension), by id (shared by every line of the dimension).
    Dimension(#[serde(serialize_with = "arc_str")] Arc<str>),
    /// Rescaling of the applicable maximum to the scheme total.
    Rescale,
    Bonus,
    Penalty,
    Lookback,
    /// Veto caps, the floor of the total at zero, and rounding of the total.
    Adjustment,
}

/// Lines of one run share their dimension's id: the same pointer is the same id, without
/// comparing the text (a ledger is summed by component many times).
impl PartialEq for Component {
    fn eq(&self, other: &Component) -> bool {
        match (self, other) {
            (Component::Dimension(a), Component::Dimension(b)) => Arc::ptr_eq(a, b) || a == b,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

impl Component {
    /// The dimension with this id.
    pub fn dimension(id: &str) -> Component {
        Component::Dimension(Arc::from(id))
    }
}

pub(crate) fn arc_str<S: serde::Serializer>(s: &Arc<str>, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s)
}

/// What kind of step produced the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Points credited (an item's starting points, points from a measured value, a task on time).
    Credit,
    /// Points deducted for a finding.
    Deduction,
    /// A cap giving back points beyond a per-kind, per-item or overall limit.
    Cap,
    /// A floor giving back points that would take a node below zero.
    Floor,
    Rescale,
    Bonus,
    Penalty,
    Lookback,
    Veto,
    Rounding,
    /// An appeal decision changed the points.
    Appeal,
}

/// The input row a line came from: `findings.csv:12` (file, line, column as
/// [`crate::error::Location`] writes them). The file name is shared by the lines citing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub file: Arc<str>,
    pub line: Option<u64>,
    pub column: Option<Box<str>>,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(col) = &self.column {
            write!(f, ": `{col}`")?;
        }
        Ok(())
    }
}

impl Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerLine {
    /// The rule that priced the line: an indicator id, `bonus:<id>`, `penalty:<kind>`,
    /// `lookback`, `veto:<id>`, `rescale`, `rounding` (shared by the lines of one rule).
    pub rule: Arc<str>,
    pub component: Component,
    pub step: Step,
    pub points: Decimal,
    /// The input row it came from (`findings.csv:12`), if any (boxed: most lines cite none,
    /// and a run keeps its findings' rows without it).
    pub source: Option<Box<Source>>,
    /// What the line is (the finding's evidence, the arithmetic applied), rendered on demand.
    pub detail: Detail,
}

/// In scores.json a line is an array: `[rule, component, step, points, source, detail]`, the
/// component a dimension's id or `*rescale`, `*bonus`, `*penalty`, `*lookback`, `*adjustment`
/// (`*` is never part of an id). docs/scores-format.md.
impl Serialize for LedgerLine {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(6))?;
        seq.serialize_element(&*self.rule)?;
        seq.serialize_element(self.component.key())?;
        seq.serialize_element(&self.step)?;
        seq.serialize_element(&self.points)?;
        seq.serialize_element(&self.source)?;
        seq.serialize_element(&self.detail)?;
        seq.end()
    }
}

impl Component {
    /// The component as scores.json writes it: a dimension's id, or `*rescale`, `*bonus`, ….
    pub fn key(&self) -> &str {
        match self {
            Component::Dimension(id) => id,
            Component::Rescale => "*rescale",
            Component::Bonus => "*bonus",
            Component::Penalty => "*penalty",
            Component::Lookback => "*lookback",
            Component::Adjustment => "*adjustment",
        }
    }
}

/// An agency's ledger as a result keeps it: its lines in order, except that a run of consecutive
/// finding lines alike in all but the row they cite (same rule, component, step and points, same
/// file, the same kind, count and price, no appeal) is kept as one entry listing the rows — the
/// element scores.json writes for it (docs/scores-format.md). A million findings are then a few
/// thousand entries holding 22 bytes per finding, not a million lines with their own texts.
///
/// Readers see one [`LedgerLine`] per point added or removed: [`Ledger::iter`] expands runs.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    entries: Vec<Entry>,
    /// The texts (chunks of input files) the runs' rows are ranges of, each once.
    texts: Vec<Arc<RowShared>>,
}

/// One entry of a [`Ledger`]: a line, or a run of alike finding lines.
#[derive(Debug, Clone)]
pub enum Entry {
    Line(LedgerLine),
    Run(Box<FindingRun>),
}

/// Alike finding lines that differ only in the row they cite (see [`Ledger`]).
#[derive(Debug, Clone)]
pub struct FindingRun {
    pub rule: Arc<str>,
    pub component: Component,
    pub step: Step,
    /// Each line's points.
    pub points: Decimal,
    pub file: Arc<str>,
    pub price: Arc<Price>,
    pub count: u32,
    /// Each line's row: its line number and its id and evidence.
    pub rows: Rows,
}

/// The rows of a run's lines, 22 bytes each: line numbers, and the range of each row's id and
/// evidence in the text its chunk of the file shares ([`RowText::parts`]), that text by its place
/// in the ledger's list of texts.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    lines: Vec<u32>,
    ranges: Vec<[u32; 4]>,
    texts: Vec<u16>,
}

impl Rows {
    pub fn len(&self) -> usize {
        self.lines.len()
    }
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
    /// Row `i`'s line number.
    pub fn line(&self, i: usize) -> u64 {
        u64::from(self.lines[i])
    }
    /// Every row's line number.
    pub fn lines(&self) -> impl Iterator<Item = u64> + '_ {
        self.lines.iter().map(|&l| u64::from(l))
    }
    /// Row `i`'s id and evidence (`texts`: the ledger's).
    fn text(&self, i: usize, texts: &[Arc<RowShared>]) -> RowText {
        RowText::from_parts(
            texts[usize::from(self.texts[i])].clone(),
            self.ranges[i],
            self.lines[i],
        )
    }
    fn push(&mut self, line: u32, range: [u32; 4], text: u16) {
        self.lines.push(line);
        self.ranges.push(range);
        self.texts.push(text);
    }
    /// Bytes held (the texts are the ledger's).
    pub fn capacity_bytes(&self) -> usize {
        self.lines.capacity() * 4 + self.ranges.capacity() * 16 + self.texts.capacity() * 2
    }
    fn clear(&mut self) {
        self.lines.clear();
        self.ranges.clear();
        self.texts.clear();
    }
}

impl FindingRun {
    /// The run's `i`-th line (`texts`: the ledger's).
    fn line(&self, i: usize, texts: &[Arc<RowShared>]) -> LedgerLine {
        let text = FindingText {
            row: self.rows.text(i, texts),
            price: self.price.clone(),
            count: self.count,
            appeal: None,
        };
        let source =
            Source { file: self.file.clone(), line: Some(self.rows.line(i)), column: None };
        LedgerLine {
            rule: self.rule.clone(),
            component: self.component.clone(),
            step: self.step,
            points: self.points,
            source: Some(Box::new(source)),
            detail: Detail::Finding(Box::new(text)),
        }
    }

    /// The points of all its lines (their sum: the same decimal as the product).
    pub fn total(&self) -> Decimal {
        let n = self.rows.len();
        self.points
            .checked_mul(Decimal::from(n))
            .unwrap_or_else(|| (0..n).fold(Decimal::ZERO, |s, _| s.saturating_add(self.points)))
    }

    /// Whether a line citing `file` for a finding of `count` at `price` is alike to the run's
    /// lines.
    fn alike(&self, l: &Charge<'_>, (file, price, count): Found<'_>) -> bool {
        (Arc::ptr_eq(&self.rule, l.rule) || self.rule == *l.rule)
            && self.component == *l.component
            && self.step == l.step
            && (self.points.serialize() == l.points.serialize() || self.points == l.points)
            && (Arc::ptr_eq(&self.file, file) || self.file == *file)
            && self.count == count
            && (Arc::ptr_eq(&self.price, price) || *self.price == **price)
    }
}

/// What a line written into a [`LedgerBuilder`] is charged to: its rule and component are the
/// run's shared names (cloned only when the line is kept on its own).
pub struct Charge<'a> {
    pub rule: &'a Arc<str>,
    pub component: &'a Component,
    pub step: Step,
    pub points: Decimal,
}

/// What a finding's line shares with the run it may join: the file cited, the price, the count.
type Found<'a> = (&'a Arc<str>, &'a Arc<Price>, u32);

/// The text of a line charging finding `f` at `price`.
pub fn finding_text(f: &Finding, price: &Arc<Price>) -> FindingText {
    FindingText {
        row: f.text().clone(),
        price: price.clone(),
        count: f.count,
        appeal: f.appeal.as_ref().map(|a| a.cite().into_boxed_str()),
    }
}

/// Where `text` is in `texts` (added when new); `None` past 65,536 texts (a quarter of a terabyte
/// of one agency's findings), whose rows are then kept as lines.
fn text_at(texts: &mut Vec<Arc<RowShared>>, text: &Arc<RowShared>) -> Option<u16> {
    let at = match texts.iter().rposition(|t| Arc::ptr_eq(t, text)) {
        Some(at) => at,
        None => {
            texts.push(text.clone());
            texts.len() - 1
        }
    };
    u16::try_from(at).ok()
}

/// A line number that fits a run's rows (all but files of more than 4 billion lines).
fn small(line: Option<u64>) -> Option<u32> {
    line.and_then(|l| u32::try_from(l).ok())
}

/// A [`Ledger`] written line by line: alike finding lines are gathered into runs as they come.
#[derive(Default)]
pub struct LedgerBuilder {
    entries: Vec<Entry>,
    texts: Vec<Arc<RowShared>>,
    /// The run being gathered (a run of one line is kept as a line).
    run: Option<Box<FindingRun>>,
    /// The rows of the run being gathered: its own are made when it is kept, exactly as many
    /// (this one's room is used again by the next run).
    rows: Rows,
}

impl LedgerBuilder {
    /// A builder for `n` entries (lines kept on their own, and runs).
    pub fn with_capacity(n: usize) -> LedgerBuilder {
        LedgerBuilder { entries: Vec::with_capacity(n), ..Default::default() }
    }

    pub fn push(&mut self, l: Charge<'_>, source: Option<Box<Source>>, detail: Detail) {
        match detail {
            Detail::Finding(f) => self.push_finding(l, source, *f),
            detail => self.keep(l, source, detail),
        }
    }

    /// A finding's line: added to the run being gathered when alike, else the start of a run.
    pub fn push_finding(&mut self, l: Charge<'_>, source: Option<Box<Source>>, f: FindingText) {
        let line = source.as_ref().filter(|s| s.column.is_none()).and_then(|s| small(s.line));
        let (src, line) = match (source, line, f.appeal.is_none()) {
            (Some(src), Some(line), true) => (src, line),
            (source, ..) => return self.keep(l, source, Detail::Finding(Box::new(f))),
        };
        let (text, range) = f.row.parts();
        let Some(at) = text_at(&mut self.texts, text) else {
            return self.keep(l, Some(src), Detail::Finding(Box::new(f)));
        };
        self.join(l, (&src.file, &f.price, f.count), (line, range, at));
    }

    /// The line of finding `f` charged at `price` (its row is the line's source): added to the
    /// run being gathered when alike, else the start of a run. Nothing is copied or counted for
    /// a line that joins a run but its row's line and ranges.
    pub fn push_found(&mut self, l: Charge<'_>, f: &Finding, price: &Arc<Price>) {
        let (text, range) = f.text().parts();
        let line = small(f.line()).filter(|_| f.appeal.is_none());
        match line.and_then(|line| Some((line, text_at(&mut self.texts, text)?))) {
            Some((line, at)) => self.join(l, (f.file(), price, f.count), (line, range, at)),
            None => {
                let source = Source { file: f.file().clone(), line: f.line(), column: None };
                let detail = Detail::Finding(Box::new(finding_text(f, price)));
                self.keep(l, Some(Box::new(source)), detail)
            }
        }
    }

    /// Add a finding's row (line, ranges, text) to the run being gathered when alike, else
    /// start a run with it.
    fn join(&mut self, l: Charge<'_>, found: Found<'_>, (line, range, at): (u32, [u32; 4], u16)) {
        if let Some(r) = &self.run
            && r.alike(&l, found)
        {
            self.rows.push(line, range, at);
            return;
        }
        self.close();
        self.rows.push(line, range, at);
        let (file, price, count) = found;
        self.run = Some(Box::new(FindingRun {
            rule: l.rule.clone(),
            component: l.component.clone(),
            step: l.step,
            points: l.points,
            file: file.clone(),
            price: price.clone(),
            count,
            rows: Rows::default(),
        }));
    }

    fn push_line(&mut self, l: LedgerLine) {
        let said =
            Charge { rule: &l.rule, component: &l.component, step: l.step, points: l.points };
        self.push(said, l.source, l.detail);
    }

    /// Keep a line on its own.
    fn keep(&mut self, l: Charge<'_>, source: Option<Box<Source>>, detail: Detail) {
        self.close();
        self.entries.push(Entry::Line(LedgerLine {
            rule: l.rule.clone(),
            component: l.component.clone(),
            step: l.step,
            points: l.points,
            source,
            detail,
        }));
    }

    /// Keep the run gathered so far.
    fn close(&mut self) {
        if let Some(mut r) = self.run.take() {
            r.rows = self.rows.clone();
            self.rows.clear();
            if r.rows.len() == 1 {
                self.entries.push(Entry::Line(r.line(0, &self.texts)));
            } else {
                self.entries.push(Entry::Run(r));
            }
        }
    }

    pub fn finish(mut self) -> Ledger {
        self.close();
        self.entries.shrink_to_fit();
        self.texts.shrink_to_fit();
        Ledger { entries: self.entries, texts: self.texts }
    }
}

impl Ledger {
    /// The lines in order, alike finding lines kept as runs.
    pub fn from_lines(lines: impl IntoIterator<Item = LedgerLine>) -> Ledger {
        let mut b = LedgerBuilder::default();
        for l in lines {
            b.push_line(l);
        }
        b.finish()
    }

    /// Add a line at the end (joining a run when it is alike to the last line).
    pub fn push(&mut self, line: LedgerLine) {
        let mut b = LedgerBuilder {
            entries: std::mem::take(&mut self.entries),
            texts: std::mem::take(&mut self.texts),
            ..Default::default()
        };
        let last = match b.entries.pop() {
            Some(Entry::Run(mut r)) => {
                b.rows = std::mem::take(&mut r.rows);
                b.run = Some(r);
                None
            }
            last => last,
        };
        for l in
            last.into_iter().filter_map(|e| if let Entry::Line(l) = e { Some(l) } else { None })
        {
            b.push_line(l);
        }
        b.push_line(line);
        *self = b.finish();
    }

    /// Every line in order (a run's lines one by one).
    pub fn iter(&self) -> impl Iterator<Item = Cow<'_, LedgerLine>> + '_ {
        self.entries.iter().flat_map(|e| {
            let (one, run) = match e {
                Entry::Line(l) => (Some(Cow::Borrowed(l)), None),
                Entry::Run(r) => {
                    (None, Some((0..r.rows.len()).map(|i| Cow::Owned(r.line(i, &self.texts)))))
                }
            };
            one.into_iter().chain(run.into_iter().flatten())
        })
    }

    /// Every line in order, as owned lines.
    pub fn lines(&self) -> Vec<LedgerLine> {
        self.iter().map(Cow::into_owned).collect()
    }

    /// The entries as kept: lines and runs.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The number of lines (a run counts its lines).
    pub fn len(&self) -> usize {
        self.entries.iter().map(|e| if let Entry::Run(r) = e { r.rows.len() } else { 1 }).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl From<Vec<LedgerLine>> for Ledger {
    fn from(lines: Vec<LedgerLine>) -> Ledger {
        Ledger::from_lines(lines)
    }
}

/// Equal when their lines are (however they are kept).
impl PartialEq for Ledger {
    fn eq(&self, other: &Ledger) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Entry {
    pub fn rule(&self) -> &Arc<str> {
        match self {
            Entry::Line(l) => &l.rule,
            Entry::Run(r) => &r.rule,
        }
    }
    pub fn component(&self) -> &Component {
        match self {
            Entry::Line(l) => &l.component,
            Entry::Run(r) => &r.component,
        }
    }
    /// The entry's points (a run's: all its lines').
    pub fn points(&self) -> Decimal {
        match self {
            Entry::Line(l) => l.points,
            Entry::Run(r) => r.total(),
        }
    }
}

/// In scores.json a ledger is an array of lines, a run of alike finding lines one element
/// `[rule, component, step, points of the run, file, {"kind": …, "count": …, "each": …,
/// "lines": [row, …]}]` (docs/scores-format.md).
impl Serialize for Ledger {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for e in &self.entries {
            match e {
                Entry::Line(l) => seq.serialize_element(l)?,
                Entry::Run(r) => {
                    // A run whose total leaves the decimal range is written line by line until
                    // the rest has one.
                    let mut from = 0;
                    while from < r.rows.len() {
                        let n = r.rows.len() - from;
                        match (n > 1).then(|| r.points.checked_mul(Decimal::from(n))).flatten() {
                            Some(total) => {
                                seq.serialize_element(&Run { run: r, from, total })?;
                                break;
                            }
                            None => seq.serialize_element(&r.line(from, &self.texts))?,
                        }
                        from += 1;
                    }
                }
            }
        }
        seq.end()
    }
}

/// The rows of a run from `from`, as one element of scores.json's ledger.
struct Run<'a> {
    run: &'a FindingRun,
    from: usize,
    /// The points of those lines.
    total: Decimal,
}

impl Serialize for Run<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.run;
        let mut seq = s.serialize_seq(Some(6))?;
        seq.serialize_element(&*r.rule)?;
        seq.serialize_element(r.component.key())?;
        seq.serialize_element(&r.step)?;
        seq.serialize_element(&self.total.normalize())?;
        seq.serialize_element(&*r.file)?;
        seq.serialize_element(&RunDetail(r, self.from))?;
        seq.end()
    }
}

struct RunDetail<'a>(&'a FindingRun, usize);

impl Serialize for RunDetail<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Lines<'a>(&'a Rows, usize);
        impl Serialize for Lines<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.lines().skip(self.1))
            }
        }
        let r = self.0;
        let mut m = s.serialize_map(Some(4 + usize::from(r.price.major)))?;
        m.serialize_entry("kind", &*r.price.kind)?;
        m.serialize_entry("count", &r.count)?;
        m.serialize_entry("each", &r.price.each)?;
        if r.price.major {
            m.serialize_entry("major", &true)?;
        }
        m.serialize_entry("lines", &Lines(&r.rows, self.1))?;
        m.end()
    }
}

impl LedgerLine {
    /// The input row cited (`findings.csv:12`), or nothing.
    pub fn source_text(&self) -> String {
        self.source.as_deref().map(Source::to_string).unwrap_or_default()
    }
}

/// A ledger line's explanation, kept as data until someone reads it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Detail {
    /// No text.
    #[default]
    Empty,
    /// Text as it is (a finding's evidence, text an earlier step already wrote).
    Text(Box<str>),
    /// A catalogue message and its arguments.
    Msg(Msg),
    /// Pieces written one after the other.
    Cat(Box<[Detail]>),
    /// A finding (or award, prior finding) line: `[id] ` + what + ` — evidence`, possibly inside
    /// the appeal message that cites its decision.
    Row(Box<Row>),
    /// A finding's deduction: the [`Row`] of `ledger-per-item` (and `ledger-major`), kept in
    /// fewer bytes (a million findings make a million of these).
    Finding(Box<FindingText>),
    /// A detail every agency's ledger repeats (an indicator's full marks before deductions),
    /// made once per run and shared by the lines that say it.
    Shared(Arc<Detail>),
    /// Text fixed in the program (` — `).
    Static(&'static str),
}

/// The parts of a finding's deduction line (see [`Detail::Finding`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingText {
    /// The finding's id and evidence, shared with its input row (not copied).
    pub row: RowText,
    /// The kind and its price, shared by the lines of one kind of one agency.
    pub price: Arc<Price>,
    pub count: u32,
    pub appeal: Option<Box<str>>,
}

/// What the findings of one kind charged to one rule share (see [`FindingText`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Price {
    /// The kind's id.
    pub kind: Arc<str>,
    /// The kind's name in the scheme.
    pub name: Arc<str>,
    /// Points per finding.
    pub each: Decimal,
    pub major: bool,
}

/// A catalogue message id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Box<[(&'static str, Arg)]>,
}

/// One argument of a [`Msg`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Str(Arc<str>),
    /// An integer (English plurals select on it).
    Int(i64),
    /// A decimal as written (`0.5`, `12`).
    Dec(Decimal),
    /// A decimal shown to at most `dp` decimals, with `…` when that rounded it.
    Shown(Decimal, u32),
    /// Text of another detail.
    Detail(Box<Detail>),
    /// Text of a detail many lines cite (made once per run).
    Shared(Arc<Detail>),
}

/// The parts of a [`Detail::Row`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row's own id, written `[id] ` first.
    pub id: Option<Box<str>>,
    pub what: Msg,
    /// A second message right after the first (`（重大）`, the repeat of a look-back).
    pub extra: Option<Msg>,
    /// Evidence, written ` — evidence` after the message.
    pub evidence: Option<Box<str>>,
    /// The appeal decision cited: the whole text goes into `ledger-with-appeal`.
    pub appeal: Option<Box<str>>,
}

/// A value a [`Msg`] takes as an argument.
pub trait IntoArg {
    fn to_arg(&self) -> Arg;
}

impl IntoArg for str {
    fn to_arg(&self) -> Arg {
        Arg::Str(Arc::from(self))
    }
}
impl IntoArg for String {
    fn to_arg(&self) -> Arg {
        Arg::Str(Arc::from(self.as_str()))
    }
}
impl IntoArg for Arc<str> {
    fn to_arg(&self) -> Arg {
        Arg::Str(self.clone())
    }
}
impl IntoArg for Decimal {
    fn to_arg(&self) -> Arg {
        Arg::Dec(*self)
    }
}
impl IntoArg for Detail {
    fn to_arg(&self) -> Arg {
        Arg::Detail(Box::new(self.clone()))
    }
}
impl IntoArg for Arg {
    fn to_arg(&self) -> Arg {
        self.clone()
    }
}
macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn to_arg(&self) -> Arg {
                Arg::Int(*self as i64)
            }
        }
    )*};
}
int_args!(u32, u64, usize, i64);
impl<T: IntoArg + ?Sized> IntoArg for &T {
    fn to_arg(&self) -> Arg {
        (**self).to_arg()
    }
}

/// A decimal shown to at most `dp` decimals (`…` when rounded), formatted only when rendered.
pub fn shown(d: Decimal, dp: u32) -> Arg {
    Arg::Shown(d, dp)
}

/// `d` to at most `dp` decimals, half away from zero, with `…` when that changed it.
pub fn show_dp(d: Decimal, dp: u32) -> String {
    let r = d.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let r = r.normalize();
    if r == d { r.to_string() } else { format!("{r}…") }
}

/// A [`Detail::Msg`]: `msg!("ledger-floored", node = id)`, arguments as in [`crate::t!`].
macro_rules! ledger_msg {
    ($id:expr $(,)?) => {
        $crate::score::ledger::Msg::new($id, Vec::new())
    };
    ($id:expr, $($key:ident = $value:expr),+ $(,)?) => {
        $crate::score::ledger::Msg::new(
            $id,
            vec![$((stringify!($key), $crate::score::ledger::IntoArg::to_arg(&$value))),+],
        )
    };
}
/// Use as `ledger::msg::t!(…)`: a message kept as data (the catalogue check finds its id).
pub(crate) mod msg {
    pub(crate) use ledger_msg as t;
}

impl Msg {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        Msg { id, args: args.into_boxed_slice() }
    }

    pub fn render(&self, lang: Lang) -> String {
        let args: Vec<(&str, FluentValue<'static>)> =
            self.args.iter().map(|(k, v)| (*k, v.value(lang))).collect();
        crate::util::i18n::tr_in(lang, self.id, &args)
    }
}

impl From<Msg> for Detail {
    fn from(m: Msg) -> Detail {
        Detail::Msg(m)
    }
}

impl Arg {
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        match self {
            Arg::Str(s) => FluentValue::from(s.to_string()),
            Arg::Int(i) => FluentValue::from(*i),
            Arg::Dec(d) => FluentValue::from(d.to_string()),
            Arg::Shown(d, dp) => FluentValue::from(show_dp(*d, *dp)),
            Arg::Detail(d) => FluentValue::from(d.render(lang)),
            Arg::Shared(d) => FluentValue::from(d.render(lang)),
        }
    }
}

impl Detail {
    /// Plain text.
    pub fn text(s: impl Into<String>) -> Detail {
        let s: String = s.into();
        if s.is_empty() { Detail::Empty } else { Detail::Text(s.into_boxed_str()) }
    }

    /// These details one after the other.
    pub fn cat(parts: Vec<Detail>) -> Detail {
        Detail::Cat(parts.into_boxed_slice())
    }

    /// `what` followed by ` — evidence` when there is evidence.
    pub fn with_evidence(what: impl Into<Detail>, evidence: &str) -> Detail {
        let what = what.into();
        if evidence.is_empty() {
            what
        } else {
            Detail::cat(vec![what, Detail::Text(format!(" — {evidence}").into_boxed_str())])
        }
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.render_into(lang, &mut out);
        out
    }

    fn render_into(&self, lang: Lang, out: &mut String) {
        match self {
            Detail::Empty => {}
            Detail::Text(s) => out.push_str(s),
            Detail::Msg(m) => out.push_str(&m.render(lang)),
            Detail::Cat(parts) => parts.iter().for_each(|p| p.render_into(lang, out)),
            Detail::Row(r) => r.render_into(lang, out),
            Detail::Finding(f) => f.row().render_into(lang, out),
            Detail::Shared(d) => d.render_into(lang, out),
            Detail::Static(t) => out.push_str(t),
        }
    }
}

impl Row {
    fn plain(&self, lang: Lang) -> String {
        let mut s = String::new();
        if let Some(id) = &self.id {
            s.push('[');
            s.push_str(id);
            s.push_str("] ");
        }
        s.push_str(&self.what.render(lang));
        if let Some(e) = &self.extra {
            s.push_str(&e.render(lang));
        }
        if let Some(ev) = &self.evidence {
            s.push_str(" — ");
            s.push_str(ev);
        }
        s
    }

    fn render_into(&self, lang: Lang, out: &mut String) {
        match &self.appeal {
            None => out.push_str(&self.plain(lang)),
            Some(a) => out.push_str(&crate::t_in!(
                lang,
                "ledger-with-appeal",
                text = self.plain(lang),
                appeal = a.as_ref()
            )),
        }
    }
}

/// Rendered in the current language.
impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(crate::util::i18n::lang()))
    }
}

/// In scores.json a detail is data, not prose: text is a string, a message
/// `{"msg": id, "args": {name: value}}` (values: strings, integers, nested details), pieces an
/// array of details; docs/scores-format.md says how to render them.
impl Serialize for Detail {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Detail::Empty => s.serialize_str(""),
            Detail::Text(t) => s.serialize_str(t),
            Detail::Msg(m) => m.serialize(s),
            Detail::Cat(parts) => parts.serialize(s),
            Detail::Row(r) => r.serialize(s),
            Detail::Finding(f) => f.serialize(s),
            Detail::Shared(d) => d.serialize(s),
            Detail::Static(t) => s.serialize_str(t),
        }
    }
}

impl Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Args<'a>(&'a [(&'static str, Arg)]);
        impl Serialize for Args<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0 {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(if self.args.is_empty() { 1 } else { 2 }))?;
        m.serialize_entry("msg", self.id)?;
        if !self.args.is_empty() {
            m.serialize_entry("args", &Args(&self.args))?;
        }
        m.end()
    }
}

impl Serialize for Arg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Str(t) => s.serialize_str(t),
            Arg::Int(i) => s.serialize_i64(*i),
            Arg::Dec(d) => s.collect_str(d),
            Arg::Shown(d, dp) => s.serialize_str(&show_dp(*d, *dp)),
            Arg::Detail(d) => d.serialize(s),
            Arg::Shared(d) => d.serialize(s),
        }
    }
}

/// A finding's line is written without what its cited row holds (the finding's id and evidence,
/// re-read from the row whose file hash `inputs` records): `{"kind": id, "count": n, "each":
/// points}`, with `"major": true` and `"appeal": text` when they apply.
impl Serialize for FindingText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = &self.price;
        let n = 3 + usize::from(p.major) + usize::from(self.appeal.is_some());
        let mut m = s.serialize_map(Some(n))?;
        m.serialize_entry("kind", &*p.kind)?;
        m.serialize_entry("count", &self.count)?;
        m.serialize_entry("each", &p.each)?;
        if p.major {
            m.serialize_entry("major", &true)?;
        }
        if let Some(a) = &self.appeal {
            m.serialize_entry("appeal", &**a)?;
        }
        m.end()
    }
}

/// Text between a prefix and a suffix, written without building the string first.
struct Framed<'a>(&'static str, &'a str, &'static str);

impl fmt::Display for Framed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)?;
        f.write_str(self.1)?;
        f.write_str(self.2)
    }
}

impl Serialize for Framed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A row is written as the pieces it renders to (`["[F1] ", {msg…}, " — evidence"]`), inside
/// `{"msg": "ledger-with-appeal", …}` when an appeal is cited.
impl Serialize for Row {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Pieces<'a>(&'a Row);
        impl Serialize for Pieces<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let r = self.0;
                let n = 1 + [r.id.is_some(), r.extra.is_some(), r.evidence.is_some()]
                    .iter()
                    .filter(|x| **x)
                    .count();
                let mut seq = s.serialize_seq(Some(n))?;
                if let Some(id) = &r.id {
                    seq.serialize_element(&Framed("[", id, "] "))?;
                }
                seq.serialize_element(&r.what)?;
                if let Some(e) = &r.extra {
                    seq.serialize_element(e)?;
                }
                if let Some(ev) = &r.evidence {
                    seq.serialize_element(&Framed(" — ", ev, ""))?;
                }
                seq.end()
            }
        }
        match &self.appeal {
            None => Pieces(self).serialize(s),
            Some(a) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("msg", "ledger-with-appeal")?;
                struct AppealArgs<'a>(&'a Row, &'a str);
                impl Serialize for AppealArgs<'_> {
                    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                        let mut m = s.serialize_map(Some(2))?;
                        m.serialize_entry("text", &Pieces(self.0))?;
                        m.serialize_entry("appeal", self.1)?;
                        m.end()
                    }
                }
                m.serialize_entry("args", &AppealArgs(self, a))?;
                m.end()
            }
        }
    }
}

impl FindingText {
    /// The same line as a [`Row`].
    pub fn row(&self) -> Row {
        let p = &self.price;
        let what = msg::t!("ledger-per-item", name = p.name, count = self.count, each = p.each);
        Row {
            id: self.row.id().map(Box::from),
            what,
            extra: p.major.then(|| msg::t!("ledger-major")),
            evidence: Some(self.row.evidence()).filter(|e| !e.is_empty()).map(Box::from),
            appeal: self.appeal.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_renders_id_message_extra_and_evidence_in_order() {
        let what =
            msg::t!("ledger-per-item", name = "栏目", count = 2u32, each = Decimal::new(5, 1));
        let row = Row {
            id: Some("F1".into()),
            what,
            extra: None,
            evidence: Some("未更新".into()),
            appeal: None,
        };
        let d = Detail::Row(Box::new(row));
        let want = format!(
            "[F1] {} — 未更新",
            crate::t_in!(Lang::En, "ledger-per-item", name = "栏目", count = 2u32, each = "0.5")
        );
        assert_eq!(d.render(Lang::En), want);
    }

    fn finding_line(line: u64, kind: &str, each: Decimal, appeal: Option<&str>) -> LedgerLine {
        let price = Price { kind: kind.into(), name: "栏目".into(), each, major: false };
        let text = FindingText {
            row: RowText::new(Some(&format!("F{line}")), "证据"),
            price: Arc::new(price),
            count: 1,
            appeal: appeal.map(Box::from),
        };
        LedgerLine {
            rule: "D1.2".into(),
            component: Component::dimension("D1"),
            step: Step::Deduction,
            points: -each,
            source: Some(Box::new(Source {
                file: "findings.csv".into(),
                line: Some(line),
                column: None,
            })),
            detail: Detail::Finding(Box::new(text)),
        }
    }

    #[test]
    fn alike_finding_lines_are_written_as_one_run_with_their_rows() {
        let half = Decimal::new(5, 1);
        let lines = vec![
            finding_line(2, "a", half, None),
            finding_line(5, "a", half, None),
            finding_line(9, "a", half, None),
            finding_line(11, "a", half, Some("维持")),
            finding_line(12, "a", half, None),
            finding_line(13, "b", half, None),
            finding_line(14, "b", Decimal::ONE, None),
        ];
        let mut out = Vec::new();
        let ledger = Ledger::from_lines(lines.clone());
        ledger.serialize(&mut serde_json::Serializer::new(&mut out)).unwrap();
        assert_eq!(ledger.entries().len(), 5);
        assert_eq!(ledger.lines(), lines);
        let want = concat!(
            r#"[["D1.2","D1","deduction","-1.5","findings.csv",{"kind":"a","count":1,"each":"0.5","lines":[2,5,9]}],"#,
            r#"["D1.2","D1","deduction","-0.5","findings.csv:11",{"kind":"a","count":1,"each":"0.5","appeal":"维持"}],"#,
            r#"["D1.2","D1","deduction","-0.5","findings.csv:12",{"kind":"a","count":1,"each":"0.5"}],"#,
            r#"["D1.2","D1","deduction","-0.5","findings.csv:13",{"kind":"b","count":1,"each":"0.5"}],"#,
            r#"["D1.2","D1","deduction","-1","findings.csv:14",{"kind":"b","count":1,"each":"1"}]]"#,
        );
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    /// Findings pushed as findings and their price (as scoring pushes them) keep the lines they
    /// charge, as those pushed with their texts and sources do: alike ones as a run, one with an
    /// appeal on its own, the one after it alone.
    #[test]
    fn findings_pushed_as_findings_keep_the_lines_they_charge() {
        use crate::error::Location;
        use crate::input::{Appeal, AppealDecision};
        let half = Decimal::new(5, 1);
        let price = Price { kind: "a".into(), name: "栏目".into(), each: half, major: false };
        let price = Arc::new(price);
        let finding = |line: u64, note: Option<&str>| {
            let at = Location::line("findings.csv", line);
            let text = RowText::at(Some(&format!("F{line}")), "证据", &at);
            let mut f = Finding::new(text, "A1".into(), "a".into(), 1);
            f.appeal = note.map(|note| {
                Box::new(Appeal {
                    finding: format!("F{line}"),
                    decision: AppealDecision::Upheld,
                    date: None,
                    note: note.into(),
                    source: Location::line("appeals.csv", 2),
                })
            });
            f
        };
        let found = [2, 5, 9, 11, 12].map(|l| finding(l, (l == 11).then_some("维持")));
        let (rule, component): (Arc<str>, _) = ("D1.2".into(), Component::dimension("D1"));
        let mut b = LedgerBuilder::default();
        for f in &found {
            let step = Step::Deduction;
            b.push_found(
                Charge { rule: &rule, component: &component, step, points: -half },
                f,
                &price,
            );
        }
        let ledger = b.finish();
        assert_eq!(ledger.entries().len(), 3);
        let cited = found[3].appeal.as_ref().unwrap().cite();
        let want: Vec<LedgerLine> = [2, 5, 9, 11, 12]
            .map(|l| finding_line(l, "a", half, (l == 11).then_some(cited.as_str())))
            .into();
        assert_eq!(ledger.lines(), want);
    }

    #[test]
    fn shown_numbers_keep_four_places_and_mark_rounding() {
        assert_eq!(show_dp(Decimal::new(123456, 5), 4), "1.2346…");
        assert_eq!(show_dp(Decimal::new(15, 1), 4), "1.5");
    }
}
