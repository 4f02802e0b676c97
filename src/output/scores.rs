//! scores.json: the audit trail. Every agency's ledger, the hashes of the rules and of every input
//! file, and the engine version, so a published ranking can be recomputed and verified.
//!
//! Layout: indented like `serde_json`'s pretty printer down to the agencies' arrays, and each
//! element of those arrays (a ledger line, a node value) written compactly on one line of its
//! own. The file stays line-oriented (a difference is reported by line, a diff shows one ledger
//! line) without a dozen indented lines per ledger line. See docs/scores-format.md.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

use super::json::{self, Fields, str};
use crate::error::Result;
use crate::score::ledger::Entry;
use crate::score::result::{AgencyResult, RunResult};

pub fn to_json(run: &RunResult) -> Result<Vec<u8>> {
    let mut v = Vec::new();
    write_json(run, &mut v).expect("RunResult serialises");
    Ok(v)
}

/// scores.json written to `w` as it is serialised (the only error is `w`'s): the bytes of
/// `RunResult`'s `Serialize` with [`LineFormatter`], each agency serialised on its own, several
/// at a time (rayon) into buffers written in order ([`write_agencies`]). The serialiser's many
/// small writes go to a buffer of its own (inlined), not each through `w`'s vtable.
pub fn write_json(run: &RunResult, w: &mut dyn Write) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, w);
    // The root object's fields as the derived `Serialize` writes them, in its order.
    let mut out = Vec::new();
    let mut root = Fields::open(&mut out, 1);
    str(root.key(&mut out, "engine_version"), &run.engine_version);
    str(root.key(&mut out, "lang"), run.lang.code());
    root.serde(&mut out, "scheme", &run.scheme);
    root.key(&mut out, "agencies");
    w.write_all(&out)?;
    write_agencies(&run.agencies, &mut w, BATCH_BYTES)?;
    out.clear();
    root.serde(&mut out, "inputs", &run.inputs);
    root.serde(&mut out, "surveys", &run.surveys);
    if !run.absent_inputs.is_empty() {
        root.serde(&mut out, "absent_inputs", &run.absent_inputs);
    }
    root.close(&mut out);
    out.push(b'\n');
    w.write_all(&out)?;
    w.flush()
}

/// `value` serialised as [`LineFormatter`] writes it inside containers `depth` deep.
pub(super) fn value_at<T: Serialize + ?Sized, W: Write>(
    w: &mut W,
    value: &T,
    depth: usize,
) -> io::Result<()> {
    let mut ser =
        serde_json::Serializer::with_formatter(w, LineFormatter { depth, has_value: false });
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// Agencies serialised together are about this many bytes (estimated by [`estimate`]), so the
/// batch being written and the one being serialised hold a few megabytes between them.
const BATCH_BYTES: usize = 4 << 20;

/// The `agencies` array (depth 2). Agencies are serialised in batches of consecutive agencies,
/// the agencies of a batch in parallel, each into a buffer of its own; while one batch is
/// written in order, the next is serialised. An agency larger than a batch is serialised
/// straight to `w` when its turn comes (its bytes are never all in memory).
fn write_agencies<W: Write>(
    agencies: &[AgencyResult],
    w: &mut W,
    batch_bytes: usize,
) -> io::Result<()> {
    if agencies.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    let mut batches = Batches { rest: agencies, bytes: batch_bytes };
    let mut ready: Vec<Vec<u8>> = Vec::new();
    let mut next: Vec<Vec<u8>> = Vec::new();
    let mut batch = batches.next().unwrap_or_default();
    render(batch, &mut ready, batch_bytes);
    let mut first = true;
    loop {
        let following = batches.next();
        // The next batch is serialised by rayon's threads while this one is written here.
        rayon::in_place_scope(|s| {
            let next = &mut next;
            s.spawn(move |_| render(following.unwrap_or_default(), next, batch_bytes));
            write_batch(w, batch, &ready, &mut first)
        })?;
        match following {
            Some(b) => batch = b,
            None => break,
        }
        std::mem::swap(&mut ready, &mut next);
    }
    w.write_all(b"\n  ]")
}

/// Consecutive agencies of about `bytes` ([`BATCH_BYTES`]; at least one agency).
struct Batches<'a> {
    rest: &'a [AgencyResult],
    bytes: usize,
}

impl<'a> Iterator for Batches<'a> {
    type Item = &'a [AgencyResult];
    fn next(&mut self) -> Option<&'a [AgencyResult]> {
        if self.rest.is_empty() {
            return None;
        }
        let mut bytes = 0;
        let n = self
            .rest
            .iter()
            .take_while(|a| {
                bytes += estimate(a);
                bytes <= self.bytes
            })
            .count()
            .max(1);
        let (batch, rest) = self.rest.split_at(n);
        self.rest = rest;
        Some(batch)
    }
}

/// About the bytes an agency takes in scores.json (a ledger line ~150, a row of a run ~8).
fn estimate(a: &AgencyResult) -> usize {
    let lines: usize = a
        .ledger
        .entries()
        .iter()
        .map(|e| if let Entry::Run(r) = e { 150 + 8 * r.rows.len() } else { 150 })
        .sum();
    2048 + 64 * a.nodes.len() + lines
}

/// Each agency of `batch` serialised into `bufs[i]` (depth 2: an element of `agencies`), all at
/// once; an agency larger than a batch is left empty, for [`write_batch`] to stream.
fn render(batch: &[AgencyResult], bufs: &mut Vec<Vec<u8>>, batch_bytes: usize) {
    use rayon::prelude::*;
    bufs.resize_with(batch.len(), Vec::new);
    bufs.par_iter_mut().zip(batch).for_each(|(buf, a)| {
        buf.clear();
        if estimate(a) <= batch_bytes {
            agency_into(buf, a);
        }
    });
}

/// An agency (depth 2: an element of `agencies`), by [`super::json`] when it can.
pub(super) fn agency_into(buf: &mut Vec<u8>, a: &AgencyResult) {
    if json::writes(a) {
        json::agency(buf, a);
    } else {
        value_at(buf, a, 2).expect("writing to memory");
    }
}

/// A batch's agencies written in order, each on a line of its own after the previous one's comma.
fn write_batch<W: Write>(
    w: &mut W,
    batch: &[AgencyResult],
    bufs: &[Vec<u8>],
    first: &mut bool,
) -> io::Result<()> {
    for (a, buf) in batch.iter().zip(bufs) {
        w.write_all(if *first { b"\n    " } else { b",\n    " })?;
        *first = false;
        if buf.is_empty() {
            value_at(w, a, 2)?;
        } else {
            w.write_all(buf)?;
        }
    }
    Ok(())
}

/// Containers nested deeper than this are written on one line: the root object is 1, `agencies`
/// 2, an agency 3, its `ledger` 4, so each ledger line is one line.
const PRETTY_DEPTH: usize = 4;

/// serde_json's `PrettyFormatter` (two-space indent) down to [`PRETTY_DEPTH`], compact below.
#[derive(Default)]
struct LineFormatter {
    depth: usize,
    has_value: bool,
}

impl LineFormatter {
    fn pretty(&self) -> bool {
        self.depth <= PRETTY_DEPTH
    }
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, c: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(c)
    }
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, c: &[u8]) -> io::Result<()> {
        if self.pretty() && self.has_value {
            self.newline(w, self.depth - 1)?;
        }
        self.depth -= 1;
        w.write_all(c)
    }
    fn element<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.pretty() { self.newline(w, self.depth) } else { Ok(()) }
    }
    fn newline<W: ?Sized + Write>(&self, w: &mut W, indent: usize) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..indent {
            w.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl Formatter for LineFormatter {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.element(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.element(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.pretty() { b": " } else { b":" })
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(v: &serde_json::Value) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, LineFormatter::default());
        v.serialize(&mut ser).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// scores.json as `RunResult`'s `Serialize` writes it (what [`write_json`] must equal).
    fn by_serde(run: &RunResult) -> String {
        let mut out = Vec::new();
        value_at(&mut out, run, 0).unwrap();
        String::from_utf8(out).unwrap() + "\n"
    }

    fn run(agencies: Vec<AgencyResult>, absent: &[&str]) -> RunResult {
        use crate::score::result::*;
        let dimension = DimensionSummary { id: "D1".into(), name: "维度".into(), max: 12.into() };
        let band = GradeBandSummary { name: "优秀".into(), min: 90.into() };
        let group = GroupSummary { id: "city".into(), name: "市".into(), grades: vec![band] };
        let input = crate::input::InputRecord {
            kind: "findings".into(),
            path: "data/findings.csv".into(),
            sha256: "ab".into(),
            rows_read: 3,
            rows_used: 2,
            rows_rejected: 1,
        };
        let survey = SurveySummary {
            agency_id: "1".into(),
            survey: "s".into(),
            index: 88.into(),
            ci_low: None,
            ci_high: Some(90.into()),
            n: Some(300),
            below_minimum: false,
        };
        RunResult {
            engine_version: "0.3.0".into(),
            lang: crate::util::i18n::Lang::Zh,
            scheme: SchemeSummary {
                id: "s".into(),
                title: "方案".into(),
                basis: "文件".into(),
                total: 100.into(),
                dimensions: vec![dimension],
                groups: vec![group],
                decimals: 2,
            },
            agencies,
            inputs: vec![input],
            surveys: vec![survey],
            absent_inputs: absent.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_run_is_written_as_its_serialize_impl_writes_it_in_batches_of_any_size() {
        for (agencies, absent) in [(vec![], vec![]), (json::tests::agencies(), vec!["tasks"])] {
            let run = run(agencies, &absent);
            assert_eq!(String::from_utf8(to_json(&run).unwrap()).unwrap(), by_serde(&run));
            let mut want = Vec::new();
            value_at(&mut want, &run.agencies, 1).unwrap();
            let one = run.agencies.first().map_or(1, estimate);
            // A batch of one agency, of two, of all; every agency larger than a batch (streamed).
            for batch in [one, 2 * one + 1, usize::MAX, 1] {
                let mut got = Vec::new();
                write_agencies(&run.agencies, &mut got, batch).unwrap();
                assert_eq!(got, want, "batches of {batch} bytes");
            }
        }
    }

    #[test]
    fn indented_to_the_ledger_and_one_line_per_ledger_line() {
        // (json! sorts keys.)
        let v = serde_json::json!({"a": [{"e": [], "l": [{"c": {"t": "d"}, "x": 1}, {"x": [2, 3]}]}], "b": {}});
        let want = "{\n  \"a\": [\n    {\n      \"e\": [],\n      \"l\": [\n        {\"c\":{\"t\":\"d\"},\"x\":1},\n        {\"x\":[2,3]}\n      ]\n    }\n  ],\n  \"b\": {}\n}";
        assert_eq!(write(&v), want);
        let back: serde_json::Value = serde_json::from_str(want).unwrap();
        assert_eq!(back, v);
    }
}
