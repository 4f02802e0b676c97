//! An agency of scores.json written straight into bytes: the same bytes as the `Serialize` impls
//! of [`AgencyResult`], [`crate::score::ledger::Ledger`] and their parts give with
//! [`super::scores::LineFormatter`] (tests compare the two on every kind of line), at a fraction
//! of the cost. A million findings make half a million ledger lines; serde's path spends most of
//! its time escaping strings byte by byte, formatting decimals through `fmt`, and in the
//! formatter's calls between the tokens. Here a string with nothing to escape (all but a few) is
//! copied as it is, a decimal is its mantissa's digits with the point put in, and the layout
//! (commas, indent) is written as fixed bytes.
//!
//! The escaping is serde_json's: `"` and `\` by a backslash, `\b \f \n \r \t`, other control
//! characters as `\u00xx` (lower-case hex); everything else, 0x7f and non-ASCII included, as is.

use rust_decimal::Decimal;

use crate::score::ledger::{
    Detail, Entry, FindingRun, FindingText, LedgerLine, Msg, Price, Row, Source, Step,
};
use crate::score::result::{AgencyResult, NodeValue};

/// `s` as a JSON string.
pub(crate) fn str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    text(out, s);
    out.push(b'"');
}

fn needs_escape(c: u8) -> bool {
    c < 0x20 || c == b'"' || c == b'\\'
}

/// The contents of a JSON string holding `s` (without the quotes).
fn text(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    // Without an early exit the scan is vectorised; most texts have nothing to escape.
    if !b.iter().fold(false, |any, &c| any | needs_escape(c)) {
        out.extend_from_slice(b);
        return;
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        if !needs_escape(c) {
            continue;
        }
        out.extend_from_slice(&b[start..i]);
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(c >> 4)],
                HEX[usize::from(c & 0xf)],
            ]),
        }
        start = i + 1;
    }
    out.extend_from_slice(&b[start..]);
}

/// `d` as a JSON string, as its `Display` writes it (`-` for a negative sign, also of a zero;
/// every digit of the scale kept: `0.00`, `6.0`).
pub(crate) fn dec(out: &mut Vec<u8>, d: Decimal) {
    out.push(b'"');
    dec_text(out, d);
    out.push(b'"');
}

fn dec_text(out: &mut Vec<u8>, d: Decimal) {
    if d.is_sign_negative() {
        out.push(b'-');
    }
    let m = d.mantissa().unsigned_abs();
    let mut buf = itoa::Buffer::new();
    let digits = match (m, u64::try_from(m)) {
        (0, _) => "",
        (_, Ok(small)) => buf.format(small),
        (m, Err(_)) => buf.format(m),
    }
    .as_bytes();
    let scale = d.scale() as usize;
    if scale == 0 {
        out.extend_from_slice(if digits.is_empty() { b"0" } else { digits });
    } else if digits.len() > scale {
        let (whole, frac) = digits.split_at(digits.len() - scale);
        out.extend_from_slice(whole);
        out.push(b'.');
        out.extend_from_slice(frac);
    } else {
        out.extend_from_slice(b"0.");
        out.resize(out.len() + scale - digits.len(), b'0');
        out.extend_from_slice(digits);
    }
}

fn int(out: &mut Vec<u8>, i: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(i).as_bytes());
}

/// A step as `Step`'s `Serialize` names it (snake case).
fn step(s: Step) -> &'static [u8] {
    match s {
        Step::Credit => b"\"credit\"",
        Step::Deduction => b"\"deduction\"",
        Step::Cap => b"\"cap\"",
        Step::Floor => b"\"floor\"",
        Step::Rescale => b"\"rescale\"",
        Step::Bonus => b"\"bonus\"",
        Step::Penalty => b"\"penalty\"",
        Step::Lookback => b"\"lookback\"",
        Step::Veto => b"\"veto\"",
        Step::Rounding => b"\"rounding\"",
        Step::Appeal => b"\"appeal\"",
    }
}

/// The fields of an object whose keys are indented (pretty), `depth` containers deep: each
/// `"key": ` on a line of its own. Keys are ASCII identifiers: nothing to escape.
pub(crate) struct Fields {
    depth: usize,
    first: bool,
}

impl Fields {
    /// Opens the object (`{`).
    pub(crate) fn open(out: &mut Vec<u8>, depth: usize) -> Fields {
        out.push(b'{');
        Fields { depth, first: true }
    }
    /// `"key": ` (after a comma but for the first), for its value to follow.
    pub(crate) fn key<'o>(&mut self, out: &'o mut Vec<u8>, key: &str) -> &'o mut Vec<u8> {
        if !self.first {
            out.push(b',');
        }
        self.first = false;
        newline(out, self.depth);
        out.push(b'"');
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\": ");
        out
    }
    /// A field serialised by its `Serialize` impl (for the few values of an agency or a run).
    pub(crate) fn serde<T: serde::Serialize + ?Sized>(
        &mut self,
        out: &mut Vec<u8>,
        key: &str,
        value: &T,
    ) {
        let depth = self.depth;
        super::scores::value_at(self.key(out, key), value, depth).expect("writing to memory");
    }
    /// Closes the object (`}` on a line of its own when it has a field).
    pub(crate) fn close(self, out: &mut Vec<u8>) {
        if !self.first {
            newline(out, self.depth - 1);
        }
        out.push(b'}');
    }
}

fn newline(out: &mut Vec<u8>, depth: usize) {
    out.push(b'\n');
    out.resize(out.len() + 2 * depth, b' ');
}

/// An element of an agency's arrays (depth 4) on a line of its own: `[`, elements, `]`.
fn lines<T>(out: &mut Vec<u8>, items: &[T], mut each: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        newline(out, 4);
        each(out, item);
    }
    if !items.is_empty() {
        newline(out, 3);
    }
    out.push(b']');
}

/// Whether [`agency`] writes `a` (else its `Serialize` impl does): every run's points sum
/// within the decimal range (a run beyond it is written line by line, by `Ledger`'s impl).
pub(crate) fn writes(a: &AgencyResult) -> bool {
    a.ledger.entries().iter().all(|e| match e {
        Entry::Line(_) => true,
        Entry::Run(r) => r.points.checked_mul(Decimal::from(r.rows.len())).is_some(),
    })
}

/// An agency, an element of `agencies` (depth 3), when [`writes`] says so.
pub(crate) fn agency(out: &mut Vec<u8>, a: &AgencyResult) {
    let mut f = Fields::open(out, 3);
    str(f.key(out, "agency_id"), &a.agency_id);
    str(f.key(out, "agency"), &a.agency);
    str(f.key(out, "group"), &a.group);
    f.serde(out, "parent", &a.parent);
    match a.rank {
        0 => f.key(out, "rank").extend_from_slice(b"null"),
        r => int(f.key(out, "rank"), r),
    }
    str(f.key(out, "grade"), &a.grade);
    let quota: &[u8] = if a.demoted_by_quota { b"true" } else { b"false" };
    f.key(out, "demoted_by_quota").extend_from_slice(quota);
    dec(f.key(out, "total"), a.total);
    f.serde(out, "dimensions", &a.dimensions);
    f.serde(out, "dimension_max", &a.dimension_max);
    for (key, v) in [
        ("applicable_max", a.applicable_max),
        ("rescale", a.rescale),
        ("bonus", a.bonus),
        ("penalty", a.penalty),
        ("lookback", a.lookback),
        ("adjustment", a.adjustment),
    ] {
        dec(f.key(out, key), v);
    }
    f.serde(out, "veto", &a.veto);
    f.serde(out, "appeals_changed", &a.appeals_changed);
    f.serde(out, "appeals_pending", &a.appeals_pending);
    lines(f.key(out, "nodes"), &a.nodes, node);
    lines(f.key(out, "ledger"), a.ledger.entries(), entry);
    f.close(out);
}

fn opt_dec(out: &mut Vec<u8>, d: Option<Decimal>) {
    match d {
        Some(d) => dec(out, d),
        None => out.extend_from_slice(b"null"),
    }
}

fn node(out: &mut Vec<u8>, n: &NodeValue) {
    out.extend_from_slice(b"{\"id\":");
    str(out, &n.id);
    out.extend_from_slice(b",\"value\":");
    dec(out, n.value);
    out.extend_from_slice(b",\"rank\":");
    int(out, n.rank);
    if let Some(s) = &n.stages {
        out.extend_from_slice(b",\"stages\":{\"raw\":");
        opt_dec(out, s.raw);
        out.extend_from_slice(b",\"denominated\":");
        opt_dec(out, s.denominated);
        out.extend_from_slice(b",\"imputed\":");
        opt_dec(out, s.imputed);
        out.extend_from_slice(b",\"treated\":");
        opt_dec(out, s.treated);
        out.push(b'}');
    }
    out.push(b'}');
}

/// `[rule, component, step, points, ` of a line or a run.
fn head(out: &mut Vec<u8>, rule: &str, component: &str, s: Step, points: Decimal) {
    out.push(b'[');
    str(out, rule);
    out.push(b',');
    str(out, component);
    out.push(b',');
    out.extend_from_slice(step(s));
    out.push(b',');
    dec(out, points);
    out.push(b',');
}

fn entry(out: &mut Vec<u8>, e: &Entry) {
    match e {
        Entry::Line(l) => line(out, l),
        Entry::Run(r) => run(out, r),
    }
}

fn line(out: &mut Vec<u8>, l: &LedgerLine) {
    head(out, &l.rule, l.component.key(), l.step, l.points);
    match &l.source {
        Some(s) => source(out, s),
        None => out.extend_from_slice(b"null"),
    }
    out.push(b',');
    detail(out, &l.detail);
    out.push(b']');
}

/// As `Source`'s `Display`: `file:line: `column``.
fn source(out: &mut Vec<u8>, s: &Source) {
    out.push(b'"');
    text(out, &s.file);
    if let Some(line) = s.line {
        out.push(b':');
        int(out, line);
    }
    if let Some(col) = &s.column {
        out.extend_from_slice(b": `");
        text(out, col);
        out.push(b'`');
    }
    out.push(b'"');
}

/// A run (its total within range: [`writes`]): `[rule, component, step, total, file,
/// {"kind", "count", "each", "major"?, "lines": [...]}]`.
fn run(out: &mut Vec<u8>, r: &FindingRun) {
    let total = r.points.checked_mul(Decimal::from(r.rows.len())).unwrap_or_default();
    head(out, &r.rule, r.component.key(), r.step, total.normalize());
    str(out, &r.file);
    out.push(b',');
    price(out, &r.price, r.count);
    out.extend_from_slice(b",\"lines\":[");
    for (i, l) in r.rows.lines().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        int(out, l);
    }
    out.extend_from_slice(b"]}]");
}

fn detail(out: &mut Vec<u8>, d: &Detail) {
    match d {
        Detail::Empty => out.extend_from_slice(b"\"\""),
        Detail::Text(t) => str(out, t),
        Detail::Static(t) => str(out, t),
        Detail::Msg(m) => msg(out, m),
        Detail::Cat(parts) => {
            out.push(b'[');
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                detail(out, p);
            }
            out.push(b']');
        }
        Detail::Row(r) => row(out, r),
        Detail::Finding(f) => finding(out, f),
        Detail::Shared(d) => detail(out, d),
    }
}

fn msg(out: &mut Vec<u8>, m: &Msg) {
    use crate::score::ledger::Arg;
    out.extend_from_slice(b"{\"msg\":");
    str(out, m.id);
    if !m.args.is_empty() {
        out.extend_from_slice(b",\"args\":{");
        for (i, (k, v)) in m.args.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            str(out, k);
            out.push(b':');
            match v {
                Arg::Str(s) => str(out, s),
                Arg::Int(n) => int(out, *n),
                Arg::Dec(d) => dec(out, *d),
                Arg::Shown(d, dp) => str(out, &crate::score::ledger::show_dp(*d, *dp)),
                Arg::Detail(d) => detail(out, d),
                Arg::Shared(d) => detail(out, d),
            }
        }
        out.push(b'}');
    }
    out.push(b'}');
}

/// A row's pieces (`["[id] ", what, extra, " — evidence"]`), inside `ledger-with-appeal` when
/// it cites an appeal.
fn row(out: &mut Vec<u8>, r: &Row) {
    if let Some(a) = &r.appeal {
        out.extend_from_slice(b"{\"msg\":\"ledger-with-appeal\",\"args\":{\"text\":");
        pieces(out, r);
        out.extend_from_slice(b",\"appeal\":");
        str(out, a);
        out.extend_from_slice(b"}}");
    } else {
        pieces(out, r);
    }
}

fn pieces(out: &mut Vec<u8>, r: &Row) {
    out.push(b'[');
    if let Some(id) = &r.id {
        out.extend_from_slice(b"\"[");
        text(out, id);
        out.extend_from_slice(b"] \",");
    }
    msg(out, &r.what);
    if let Some(e) = &r.extra {
        out.push(b',');
        msg(out, e);
    }
    if let Some(ev) = &r.evidence {
        out.extend_from_slice(",\" — ".as_bytes());
        text(out, ev);
        out.push(b'"');
    }
    out.push(b']');
}

/// `{"kind": …, "count": …, "each": …` and `"major": true` when major (the object left open).
fn price(out: &mut Vec<u8>, p: &Price, count: u32) {
    out.extend_from_slice(b"{\"kind\":");
    str(out, &p.kind);
    out.extend_from_slice(b",\"count\":");
    int(out, count);
    out.extend_from_slice(b",\"each\":");
    dec(out, p.each);
    if p.major {
        out.extend_from_slice(b",\"major\":true");
    }
}

fn finding(out: &mut Vec<u8>, f: &FindingText) {
    price(out, &f.price, f.count);
    if let Some(a) = &f.appeal {
        out.extend_from_slice(b",\"appeal\":");
        str(out, a);
    }
    out.push(b'}');
}

#[cfg(test)]
pub(super) mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::input::RowText;
    use crate::score::ledger::{Arg, Component, Ledger, shown};
    use crate::score::result::{Stages, VetoApplied};

    fn serde_str(s: &str) -> String {
        serde_json::to_string(s).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: Vec<String> =
            (0u32..0x80).map(|c| char::from_u32(c).unwrap().to_string()).collect();
        all.extend(
            ["", "政务公开", "a\"b\\c", "\u{7f}\u{80}\u{2028}é", "\t末尾\n", "\u{1}x\u{1f}", "—"]
                .map(String::from),
        );
        all.push(all.concat());
        for s in &all {
            let mut out = Vec::new();
            str(&mut out, s);
            assert_eq!(String::from_utf8(out).unwrap(), serde_str(s), "{s:?}");
        }
    }

    #[test]
    fn decimals_are_written_as_display_writes_them() {
        let mantissas: [i128; 12] = [
            0,
            1,
            5,
            10,
            999,
            1000,
            123_456_789,
            i128::from(u32::MAX),
            i128::from(u64::MAX),
            i128::from(u64::MAX) + 1,
            (1i128 << 96) - 1,
            4_200_000_000_000_000_000_000_000,
        ];
        for m in mantissas {
            for scale in 0..=28 {
                for neg in [false, true] {
                    let mut d = Decimal::from_i128_with_scale(m, scale);
                    d.set_sign_negative(neg);
                    let mut out = Vec::new();
                    dec(&mut out, d);
                    assert_eq!(String::from_utf8(out).unwrap(), format!("\"{d}\""), "{m} {scale}");
                    assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{d}\""));
                }
            }
        }
    }

    #[test]
    fn steps_are_named_as_serde_names_them() {
        use Step::*;
        for s in [
            Credit, Deduction, Cap, Floor, Rescale, Bonus, Penalty, Lookback, Veto, Rounding,
            Appeal,
        ] {
            assert_eq!(step(s), serde_json::to_string(&s).unwrap().as_bytes());
        }
    }

    fn finding(line: u64, each: Decimal, major: bool, appeal: Option<&str>) -> LedgerLine {
        let price = Price { kind: "k\"1".into(), name: "栏目".into(), each, major };
        let text = crate::score::ledger::FindingText {
            row: RowText::new(Some(&format!("F{line}")), "证据"),
            price: Arc::new(price),
            count: 2,
            appeal: appeal.map(Box::from),
        };
        let source = Source { file: "findings.csv".into(), line: Some(line), column: None };
        LedgerLine {
            rule: "D1.2".into(),
            component: Component::dimension("D1"),
            step: Step::Deduction,
            points: -each,
            source: Some(Box::new(source)),
            detail: Detail::Finding(Box::new(text)),
        }
    }

    /// A line of every other kind of detail and argument, with texts to escape.
    fn other_lines() -> Vec<LedgerLine> {
        let shared = Arc::new(Detail::Msg(crate::score::ledger::msg::t!(
            "ledger-full-before-deductions",
            name = "名\t称",
            max = Decimal::new(30, 1)
        )));
        let row = |appeal: Option<&str>| Row {
            id: Some("P\\1".into()),
            what: crate::score::ledger::msg::t!("ledger-major"),
            extra: Some(crate::score::ledger::msg::t!("ledger-major")),
            evidence: Some("证\"据".into()),
            appeal: appeal.map(Box::from),
        };
        let details = vec![
            Detail::Empty,
            Detail::text("文字\u{1}"),
            Detail::Static(" — "),
            Detail::Shared(shared.clone()),
            Detail::cat(vec![]),
            Detail::cat(vec![Detail::Shared(shared.clone()), Detail::text("x")]),
            Detail::Row(Box::new(row(None))),
            Detail::Row(Box::new(row(Some("维持\n原判")))),
            Detail::Row(Box::new(Row { id: None, extra: None, evidence: None, ..row(None) })),
            Detail::Msg(crate::score::ledger::Msg::new(
                "ledger-capped-loss",
                vec![
                    ("what", Arg::Shared(shared)),
                    ("inner", Arg::Detail(Box::new(Detail::text("内")))),
                    ("n", Arg::Int(-3)),
                    ("d", Arg::Dec(Decimal::new(-50, 2))),
                    ("s", shown(Decimal::new(123456, 5), 4)),
                    ("t", Arg::Str("文\"本".into())),
                ],
            )),
        ];
        let sources = [
            None,
            Some(Source { file: "a\"b.csv".into(), line: None, column: None }),
            Some(Source { file: "m.csv".into(), line: Some(7), column: Some("列`x".into()) }),
        ];
        details
            .into_iter()
            .enumerate()
            .map(|(i, detail)| LedgerLine {
                rule: format!("r{i}").into(),
                component: [Component::Rescale, Component::Adjustment, Component::dimension("W")]
                    [i % 3]
                    .clone(),
                step: [Step::Credit, Step::Cap, Step::Veto][i % 3],
                points: Decimal::new(i as i64 * 7 - 20, (i % 4) as u32),
                source: sources[i % 3].clone().map(Box::new),
                detail,
            })
            .collect()
    }

    fn agency(ledger: Vec<LedgerLine>) -> AgencyResult {
        let stages =
            Stages { raw: Some(Decimal::new(5, 0)), denominated: None, ..Default::default() };
        AgencyResult {
            agency_id: "140600".into(),
            agency: "朔州\"市".into(),
            group: "city".into(),
            parent: Some("14".into()),
            rank: 0,
            grade: "优秀".into(),
            demoted_by_quota: true,
            total: Decimal::new(937700, 4),
            dimensions: vec![Some(Decimal::new(12, 0)), None],
            dimension_max: vec![Decimal::new(12, 0), Decimal::ZERO],
            applicable_max: Decimal::new(99, 0),
            rescale: Decimal::new(9626767677, 10),
            bonus: Decimal::new(25, 1),
            penalty: Decimal::ZERO,
            lookback: Decimal::new(-50, 1),
            adjustment: Decimal::new(23232323, 10),
            veto: Some(VetoApplied {
                rule: "v1".into(),
                name: "否决".into(),
                grade: None,
                score: Some(Decimal::new(60, 0)),
                source: "findings.csv:3".into(),
            }),
            appeals_changed: vec!["F1".into(), "F2".into()],
            appeals_pending: vec![],
            nodes: vec![
                NodeValue { id: "D1".into(), value: Decimal::new(12, 0), rank: 1, stages: None },
                NodeValue {
                    id: "E.1".into(),
                    value: Decimal::new(-5, 1),
                    rank: 3,
                    stages: Some(Box::new(stages)),
                },
            ],
            ledger: Ledger::from_lines(ledger),
        }
    }

    fn by_serde(a: &AgencyResult) -> String {
        let mut out = Vec::new();
        super::super::scores::value_at(&mut out, a, 2).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn all_lines() -> Vec<LedgerLine> {
        let half = Decimal::new(5, 1);
        let mut ledger = vec![
            finding(2, half, false, None),
            finding(5, half, false, None),
            finding(9, half, false, None),
            finding(11, half, false, Some("维持")),
            finding(12, half, true, None),
            finding(13, half, true, None),
            finding(14, Decimal::ONE, true, Some("改\"判")),
        ];
        ledger.extend(other_lines());
        ledger
    }

    #[test]
    fn an_agency_is_written_as_its_serialize_impl_writes_it() {
        let a = agency(all_lines());
        assert!(a.ledger.entries().iter().any(|e| matches!(e, Entry::Run(_))));
        assert!(writes(&a));
        let mut out = Vec::new();
        super::super::scores::agency_into(&mut out, &a);
        assert_eq!(String::from_utf8(out).unwrap(), by_serde(&a));
        let empty = AgencyResult { nodes: vec![], veto: None, rank: 4, ..agency(vec![]) };
        let mut out = Vec::new();
        super::agency(&mut out, &empty);
        assert_eq!(String::from_utf8(out).unwrap(), by_serde(&empty));
    }

    /// Agencies with every kind of ledger line, with none, with a run beyond the decimal range.
    pub(in crate::output) fn agencies() -> Vec<AgencyResult> {
        let big = Decimal::MAX / Decimal::TWO;
        let mut lines = all_lines();
        lines.truncate(3);
        vec![
            agency(all_lines()),
            AgencyResult { nodes: vec![], veto: None, rank: 4, ..agency(vec![]) },
            agency(vec![finding(2, big, false, None), finding(3, big, false, None)]),
            agency(lines),
        ]
    }

    #[test]
    fn a_run_whose_total_leaves_the_decimal_range_is_left_to_serde() {
        let big = Decimal::MAX / Decimal::TWO;
        let a = agency(vec![
            finding(2, big, false, None),
            finding(3, big, false, None),
            finding(4, big, false, None),
        ]);
        assert!(!writes(&a));
        let mut out = Vec::new();
        super::super::scores::agency_into(&mut out, &a);
        assert_eq!(String::from_utf8(out).unwrap(), by_serde(&a));
    }
}
