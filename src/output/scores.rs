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
    write_agencies(&run.agencies, &mut w, WINDOW)?;
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

/// How many bytes of agencies (estimated by [`estimate`]) may be serialised ahead of the one
/// being written, and the size of an agency streamed instead (its bytes never all in memory).
#[derive(Clone, Copy)]
struct Window {
    ahead: usize,
    stream: usize,
}

/// 64 KB ahead: a few agencies of the benchmark's (~20 KB each), enough to keep two threads
/// serialising; more adds to the peak of `kaohe score` (256 KB: +0.6 MB, 1 MB: +3.5 MB at 10^6).
const WINDOW: Window = Window { ahead: 64 << 10, stream: 16 << 20 };

/// The `agencies` array (depth 2). Each agency is serialised on its own into a buffer by one of
/// rayon's threads, several at once, as far ahead of the one being written as the window allows;
/// this thread writes the buffers in order as they come (no batch waits for its slowest agency)
/// and hands each buffer to the next agency. An agency larger than `window.stream` is serialised
/// straight to `w` when its turn comes. Inside a rayon thread (which must not block on its own
/// pool), every agency is serialised here, one after the other.
fn write_agencies<W: Write>(
    agencies: &[AgencyResult],
    w: &mut W,
    window: Window,
) -> io::Result<()> {
    if agencies.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    if rayon::current_thread_index().is_some() {
        let mut buf = Vec::new();
        for (i, a) in agencies.iter().enumerate() {
            buf.clear();
            agency_into(&mut buf, a);
            write_agency(w, i, &buf)?;
        }
    } else {
        rayon::in_place_scope(|s| Ahead::new(agencies, window).run(s, w))?;
    }
    w.write_all(b"\n  ]")
}

/// The agencies serialised ahead of the one written ([`write_agencies`]).
struct Ahead<'a> {
    agencies: &'a [AgencyResult],
    window: Window,
    /// From the agency to write next, each agency handed out: its buffer once serialised (`None`
    /// until then; left empty for one to stream) and its estimated size.
    slots: std::collections::VecDeque<(Option<Vec<u8>>, usize)>,
    /// The next agency to write, the next to hand out, the bytes handed out and not written.
    written: usize,
    handed: usize,
    bytes: usize,
    free: Vec<Vec<u8>>,
    done: std::sync::mpsc::Receiver<(usize, Option<Vec<u8>>)>,
    send: std::sync::mpsc::Sender<(usize, Option<Vec<u8>>)>,
}

impl<'a> Ahead<'a> {
    fn new(agencies: &'a [AgencyResult], window: Window) -> Ahead<'a> {
        let (send, done) = std::sync::mpsc::channel();
        let (slots, free) = (Default::default(), Vec::new());
        Ahead { agencies, window, slots, written: 0, handed: 0, bytes: 0, free, done, send }
    }

    fn run<W: Write>(mut self, s: &rayon::Scope<'a>, w: &mut W) -> io::Result<()> {
        while self.written < self.agencies.len() {
            self.hand_out(s);
            let (i, a) = (self.written, &self.agencies[self.written]);
            match self.slots.front_mut() {
                Some((Some(buf), _)) if buf.is_empty() => {
                    write_agency(w, i, b"")?;
                    value_at(w, a, 2)?;
                }
                Some((Some(buf), size)) => {
                    write_agency(w, i, buf)?;
                    self.bytes -= *size;
                    let buf = std::mem::take(buf);
                    self.free.push(buf);
                }
                _ => {
                    let (at, buf) = self.done.recv().expect("every agency handed out is sent");
                    let buf = buf.expect("an agency serialises (else rayon reports the panic)");
                    self.slots[at - self.written].0 = Some(buf);
                    continue;
                }
            }
            self.slots.pop_front();
            self.written += 1;
        }
        Ok(())
    }

    /// Agencies handed to rayon while the window has room (at least the next to write).
    fn hand_out(&mut self, s: &rayon::Scope<'a>) {
        while let Some(a) = self.agencies.get(self.handed) {
            let size = estimate(a);
            if size > self.window.stream {
                self.slots.push_back((Some(Vec::new()), 0));
            } else if self.bytes == 0 || self.bytes + size <= self.window.ahead {
                let (i, send) = (self.handed, self.send.clone());
                let mut buf = self.free.pop().unwrap_or_default();
                s.spawn(move |_| {
                    let mut sent = Sent { i, buf: None, send };
                    buf.clear();
                    agency_into(&mut buf, a);
                    sent.buf = Some(buf);
                });
                self.slots.push_back((None, size));
                self.bytes += size;
            } else {
                return;
            }
            self.handed += 1;
        }
    }
}

/// What a thread serialising agency `i` sends when it is done: the buffer, or `None` when it
/// panicked (sent as it unwinds, so the writer never waits for an agency that will not come).
struct Sent {
    i: usize,
    buf: Option<Vec<u8>>,
    send: std::sync::mpsc::Sender<(usize, Option<Vec<u8>>)>,
}

impl Drop for Sent {
    fn drop(&mut self) {
        // The receiver is gone only when writing failed.
        let _ = self.send.send((self.i, self.buf.take()));
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

/// An agency (depth 2: an element of `agencies`), by [`super::json`] when it can.
pub(super) fn agency_into(buf: &mut Vec<u8>, a: &AgencyResult) {
    if json::writes(a) {
        json::agency(buf, a);
    } else {
        value_at(buf, a, 2).expect("writing to memory");
    }
}

/// Agency `i`'s bytes on a line of their own, after the previous one's comma.
fn write_agency<W: Write>(w: &mut W, i: usize, bytes: &[u8]) -> io::Result<()> {
    w.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
    w.write_all(bytes)
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
            // One agency ahead, two, all; every agency streamed.
            for (ahead, stream) in [(one, one), (2 * one + 1, one), (usize::MAX, one), (1, 1)] {
                let mut got = Vec::new();
                write_agencies(&run.agencies, &mut got, Window { ahead, stream }).unwrap();
                assert_eq!(got, want, "{ahead} bytes ahead, streamed from {stream}");
                // As written from inside a rayon thread.
                let mut inside = Vec::new();
                rayon::scope(|_| write_agencies(&run.agencies, &mut inside, WINDOW)).unwrap();
                assert_eq!(inside, want);
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
