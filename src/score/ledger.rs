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

use std::fmt;
use std::sync::Arc;

use fluent_bundle::FluentValue;
use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq};

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

fn arc_str<S: serde::Serializer>(s: &Arc<str>, ser: S) -> Result<S::Ok, S::Error> {
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
    /// The input row it came from (`findings.csv:12`), if any.
    pub source: Option<Source>,
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

/// A ledger as scores.json writes it: line by line, except that a run of consecutive finding
/// lines alike in all but the row they cite (same rule, component, step and points, same file,
/// the same kind, count and price, no appeal) is one element, `[rule, component, step, points of
/// the run, file, {"kind": …, "count": …, "each": …, "lines": [row, …]}]` (docs/scores-format.md).
/// A million findings are then a few thousand elements, not a million.
pub fn write_ledger<S: serde::Serializer>(lines: &[LedgerLine], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(None)?;
    let mut rest = lines;
    while let Some(first) = rest.first() {
        let n = run_len(rest);
        let total = (n > 1).then(|| first.points.checked_mul(Decimal::from(n))).flatten();
        match total {
            Some(total) => seq.serialize_element(&Run { lines: &rest[..n], total })?,
            None => seq.serialize_element(first)?,
        }
        rest = &rest[if total.is_some() { n } else { 1 }..];
    }
    seq.end()
}

/// What the lines of a run share: (rule, component, step, points, file, finding).
type RunKey<'a> = (&'a str, &'a Component, Step, Decimal, &'a str, &'a FindingText);

fn run_key(l: &LedgerLine) -> Option<RunKey<'_>> {
    let src = l.source.as_ref().filter(|s| s.line.is_some() && s.column.is_none())?;
    let Detail::Finding(f) = &l.detail else { return None };
    f.appeal.is_none().then_some((&*l.rule, &l.component, l.step, l.points, &*src.file, &**f))
}

/// Two findings' lines alike but for the row (its id and evidence, which the row holds).
fn alike(a: &RunKey<'_>, b: &RunKey<'_>) -> bool {
    let (fa, fb) = (a.5, b.5);
    (a.0, a.1, a.2, a.3, a.4) == (b.0, b.1, b.2, b.3, b.4)
        && (&fa.kind, fa.count, fa.each, fa.major) == (&fb.kind, fb.count, fb.each, fb.major)
}

/// How many lines from the first form a run (1 when it starts none).
fn run_len(lines: &[LedgerLine]) -> usize {
    let Some(key) = lines.first().and_then(run_key) else { return 1 };
    1 + lines[1..].iter().take_while(|l| run_key(l).is_some_and(|k| alike(&key, &k))).count()
}

/// A run of alike finding lines, as one element of scores.json's ledger.
struct Run<'a> {
    lines: &'a [LedgerLine],
    /// The points of all its lines.
    total: Decimal,
}

impl Serialize for Run<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let first = &self.lines[0];
        let (Some(src), Detail::Finding(f)) = (&first.source, &first.detail) else {
            unreachable!("a run is of finding lines citing rows")
        };
        let rows: Vec<u64> = self.lines.iter().filter_map(|l| l.source.as_ref()?.line).collect();
        let mut seq = s.serialize_seq(Some(6))?;
        seq.serialize_element(&*first.rule)?;
        seq.serialize_element(first.component.key())?;
        seq.serialize_element(&first.step)?;
        seq.serialize_element(&self.total.normalize())?;
        seq.serialize_element(&*src.file)?;
        seq.serialize_element(&RunDetail(f, &rows))?;
        seq.end()
    }
}

struct RunDetail<'a>(&'a FindingText, &'a [u64]);

impl Serialize for RunDetail<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = self.0;
        let mut m = s.serialize_map(Some(4 + usize::from(f.major)))?;
        m.serialize_entry("kind", &*f.kind)?;
        m.serialize_entry("count", &f.count)?;
        m.serialize_entry("each", &f.each)?;
        if f.major {
            m.serialize_entry("major", &true)?;
        }
        m.serialize_entry("lines", self.1)?;
        m.end()
    }
}

impl LedgerLine {
    /// The input row cited (`findings.csv:12`), or nothing.
    pub fn source_text(&self) -> String {
        self.source.as_ref().map(Source::to_string).unwrap_or_default()
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
}

/// The parts of a finding's deduction line (see [`Detail::Finding`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingText {
    /// The finding's id and evidence, shared with its input row (not copied).
    pub id: Option<Arc<str>>,
    /// The kind's id.
    pub kind: Arc<str>,
    /// The kind's name in the scheme.
    pub name: Arc<str>,
    pub count: u32,
    /// Points per finding.
    pub each: Decimal,
    pub major: bool,
    pub evidence: Option<Arc<str>>,
    pub appeal: Option<Box<str>>,
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
        }
    }
}

/// A finding's line is written without what its cited row holds (the finding's id and evidence,
/// re-read from the row whose file hash `inputs` records): `{"kind": id, "count": n, "each":
/// points}`, with `"major": true` and `"appeal": text` when they apply.
impl Serialize for FindingText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = 3 + usize::from(self.major) + usize::from(self.appeal.is_some());
        let mut m = s.serialize_map(Some(n))?;
        m.serialize_entry("kind", &*self.kind)?;
        m.serialize_entry("count", &self.count)?;
        m.serialize_entry("each", &self.each)?;
        if self.major {
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
        let what =
            msg::t!("ledger-per-item", name = self.name, count = self.count, each = self.each);
        Row {
            id: self.id.as_deref().map(Box::from),
            what,
            extra: self.major.then(|| msg::t!("ledger-major")),
            evidence: self.evidence.as_deref().map(Box::from),
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

    #[test]
    fn shown_numbers_keep_four_places_and_mark_rounding() {
        assert_eq!(show_dp(Decimal::new(123456, 5), 4), "1.2346…");
        assert_eq!(show_dp(Decimal::new(15, 1), 4), "1.5");
    }
}
