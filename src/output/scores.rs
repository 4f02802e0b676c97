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

use crate::error::Result;
use crate::score::result::RunResult;

pub fn to_json(run: &RunResult) -> Result<Vec<u8>> {
    let mut v = Vec::new();
    write_json(run, &mut v).expect("RunResult serialises");
    Ok(v)
}

/// scores.json written to `w` as it is serialised (the only error is `w`'s).
pub fn write_json(run: &RunResult, mut w: &mut dyn Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut w, LineFormatter::default());
    run.serialize(&mut ser).map_err(io::Error::from)?;
    w.write_all(b"\n")
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
