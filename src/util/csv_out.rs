//! Writing CSV that a spreadsheet opens as data, never as formulas: the one CSV writer of the
//! crate (rankings, survey statistics, robustness, synthetic data).
//!
//! Excel, LibreOffice and Google Sheets evaluate a cell that starts with `=`, `+`, `-` or `@` (and
//! a leading tab or carriage return) as a formula, so an agency named `=HYPERLINK(…)` would run on
//! the desk of whoever opens rankings.csv. The OWASP rule: such a text cell gets a leading `'`,
//! which spreadsheets show as text and hide. A cell that is a plain number (`-0.5`, `+3`) is not a
//! formula and stays a number, so columns of points keep working in a spreadsheet. Full-width
//! `＝＋－＠` are treated as their ASCII forms (some spreadsheets convert them).
//!
//! The escape is reversible: a cell that starts with `'` followed by what would itself need the
//! escape gets one more `'`, and [`restore`] removes exactly one, so reading back what was written
//! gives the original text (survey merge and `--previous` read kaohe's own CSV).

use std::borrow::Cow;
use std::io::Write;

const TRIGGERS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// A plain decimal number: optional sign, digits, optional fraction. Such a cell is data.
fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    match body.split_once('.') {
        Some((int, frac)) => digits(int) && digits(frac),
        None => digits(body),
    }
}

/// Whether a cell can need the leading `'` at all: only one that starts with a trigger or `'`
/// does (the full-width triggers all start with byte EF). Settles most cells at their first byte.
#[inline]
fn may_need_quote(cell: &[u8]) -> bool {
    matches!(cell.first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\'' | 0xEF))
}

/// Whether a text cell needs the leading `'`.
fn needs_quote(s: &str) -> bool {
    if !may_need_quote(s.as_bytes()) {
        return false;
    }
    if is_plain_number(s) {
        return false;
    }
    match s.strip_prefix('\'') {
        Some(rest) => needs_quote(rest),
        None => s.starts_with(TRIGGERS),
    }
}

/// The cell as written: `'` before text a spreadsheet would run as a formula.
pub fn neutralise(s: &str) -> Cow<'_, str> {
    if needs_quote(s) { Cow::Owned(format!("'{s}")) } else { Cow::Borrowed(s) }
}

/// The text a [`neutralise`]d cell stood for.
pub fn restore(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => s,
    }
}

/// One field of a hand-assembled CSV line: neutralised, then quoted when it needs quoting.
pub fn field(s: &str) -> String {
    let s = neutralise(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// A [`csv::Writer`] that neutralises every field it writes.
pub struct Writer<W: Write>(csv::Writer<W>);

impl<W: Write> Writer<W> {
    pub fn from_writer(w: W) -> Writer<W> {
        Writer(csv::Writer::from_writer(w))
    }

    pub fn write_record<I, T>(&mut self, record: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        // Field by field, then the terminator: what csv's own write_record does, without
        // collecting the row first.
        for f in record {
            let f = f.as_ref();
            let quoted = if may_need_quote(f) {
                std::str::from_utf8(f).ok().filter(|s| needs_quote(s))
            } else {
                None
            };
            match quoted {
                Some(s) => self.0.write_field(format!("'{s}"))?,
                None => self.0.write_field(f)?,
            }
        }
        self.0.write_record(std::iter::empty::<&[u8]>())
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }

    pub fn into_inner(self) -> std::io::Result<W> {
        self.0.into_inner().map_err(|e| e.into_error())
    }
}

/// A CSV being written to memory, one row at a time, neutralised like [`Writer`] (quotes only
/// where needed, doubled inside; `\n` line ends), for the files kaohe writes whole.
pub struct CsvBuf(Writer<Vec<u8>>);

impl CsvBuf {
    /// A CSV that starts with `prefix` (a byte-order mark for Excel, or nothing), then `header`.
    pub fn new(prefix: &[u8], header: &[&str]) -> CsvBuf {
        let mut buf = CsvBuf(Writer::from_writer(prefix.to_vec()));
        buf.row(header);
        buf
    }

    /// Append one row (as many fields as the header).
    pub fn row<I: AsRef<[u8]>>(&mut self, fields: impl IntoIterator<Item = I>) {
        // Writing to a Vec cannot fail; a row of the wrong width is a bug in the caller.
        self.0.write_record(fields).expect("a CSV row written to memory");
    }

    /// The bytes written.
    pub fn into_bytes(self) -> Vec<u8> {
        self.0.into_inner().expect("a CSV flushed to memory")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_get_a_quote_and_numbers_stay_numbers() {
        for (cell, written) in [
            ("=1+1", "'=1+1"),
            ("+SUM(A1)", "'+SUM(A1)"),
            ("-1+2", "'-1+2"),
            ("@cmd", "'@cmd"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("＝1+1", "'＝1+1"),
            ("-", "'-"),
            ("'=1", "''=1"),
            ("-0.5", "-0.5"),
            ("+3", "+3"),
            ("12.50", "12.50"),
            ("-.5", "'-.5"),
            ("市教育局", "市教育局"),
            ("a=b", "a=b"),
            ("'quoted", "'quoted"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), written, "{cell:?}");
            assert_eq!(restore(written), cell, "{written:?}");
        }
    }

    #[test]
    fn the_writer_neutralises_and_quotes() {
        let mut w = Writer::from_writer(Vec::new());
        w.write_record(["=A1,B1", "-0.5", "@x"]).unwrap();
        let bytes = w.into_inner().unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), "\"'=A1,B1\",-0.5,'@x\n");
        assert_eq!(field("=A1,B1"), "\"'=A1,B1\"");
        assert_eq!(field("x"), "x");
    }
    #[test]
    fn csvbuf_quotes_only_fields_that_need_it() {
        let mut c = CsvBuf::new(b"\xEF\xBB\xBF", &["a", "b", "c"]);
        c.row(["x,y", "say \"hi\"", ""]);
        c.row(["line\nbreak", "太原市", "=1"]);
        let want = "\u{feff}a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\n\"line\nbreak\",太原市,'=1\n";
        assert_eq!(String::from_utf8(c.into_bytes()).unwrap(), want);
    }
}
