//! CSV written to memory by the csv crate (quotes only where needed, doubled inside; `\n` line
//! ends), for the files kaohe writes whole.

/// A CSV being written to memory, one row at a time.
pub struct CsvBuf(csv::Writer<Vec<u8>>);

impl CsvBuf {
    /// A CSV that starts with `prefix` (a byte-order mark for Excel, or nothing), then `header`.
    pub fn new(prefix: &[u8], header: &[&str]) -> CsvBuf {
        let mut buf = CsvBuf(csv::WriterBuilder::new().from_writer(prefix.to_vec()));
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
    fn quotes_only_fields_that_need_it() {
        let mut c = CsvBuf::new(b"\xEF\xBB\xBF", &["a", "b", "c"]);
        c.row(["x,y", "say \"hi\"", ""]);
        c.row(["line\nbreak", "太原市", "plain"]);
        let want = "\u{feff}a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\n\"line\nbreak\",太原市,plain\n";
        assert_eq!(String::from_utf8(c.into_bytes()).unwrap(), want);
    }
}
