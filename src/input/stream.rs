//! A large CSV input file read in parts (issue 15): the rows of each part are read on rayon's
//! threads and the part's bytes are dropped, so a file of a million findings is never held whole
//! beside its rows. Only a UTF-8 file that reads without a file-level problem is read so; any
//! other (another encoding, a row the CSV reader refuses, too many rows) is read whole again by
//! [`super::load::load_file`], which says what is wrong and where exactly as before.

use std::path::Path;

use sha2::Digest;

use super::columns::match_headers;
use super::load::{Spare, read_rows, record};
use super::records::{InputRecord, Inputs};
use crate::error::{Error, Result};
use crate::util::encoding::TextEncoding;
use crate::util::table::{CsvText, Parts, limits};

/// Bytes read a time (a file under two parts is read whole). Two parts are held at once: the
/// one whose rows are read and the next.
const PART_BYTES: usize = 8 << 20;
/// Bytes per chunk of a part read on several threads.
const CHUNK_BYTES: usize = 1 << 20;

/// Read the CSV file `path` of kind `stem` in parts into `inputs` (row errors into `errors`);
/// `None` when it is to be read whole: small, not UTF-8, or not fine (nothing is added then).
pub(super) fn load_in_parts(
    path: &Path,
    display: &str,
    stem: &str,
    encoding: Option<TextEncoding>,
    inputs: &mut Inputs,
    errors: &mut Vec<Error>,
) -> Result<Option<InputRecord>> {
    load_sized(path, display, stem, encoding, (PART_BYTES, CHUNK_BYTES), inputs, errors)
}

/// [`load_in_parts`] with parts of `part` bytes read in chunks of `chunk` (small in tests).
fn load_sized(
    path: &Path,
    display: &str,
    stem: &str,
    encoding: Option<TextEncoding>,
    (part, chunk): (usize, usize),
    inputs: &mut Inputs,
    errors: &mut Vec<Error>,
) -> Result<Option<InputRecord>> {
    let size = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
    let utf8 = matches!(encoding, None | Some(TextEncoding::Utf8));
    if !utf8 || size < 2 * part as u64 || size > limits::MAX_CSV_BYTES {
        return Ok(None);
    }
    let mut parts = Parts::open(path, part, chunk).map_err(|e| Error::io(path, e))?;
    let io = |e| Error::io(path, e);
    let Some(mut this) = parts.read_part(None, Vec::new()).map_err(io)? else { return Ok(None) };
    let Ok(first) = CsvText::in_chunks(this.bytes(), display, encoding, chunk) else {
        return Ok(None);
    };
    let headers = first.headers.clone();
    let max_rows = first.max_rows();
    if first.encoding != TextEncoding::Utf8 {
        return Ok(None);
    }
    let Ok(sheet) = match_headers(stem, display, &headers) else { return Ok(None) };
    let (mut mine, mut mine_errors) = (Inputs::default(), Vec::new());
    let mut sha = sha2::Sha256::new();
    let (mut rows, spare, mut free) = (0usize, Spare::default(), Vec::new());
    let mut csv = first;
    loop {
        // The part hashed and the next one read while this one's rows are.
        let beside = || {
            sha.update(this.fresh());
            parts.read_part(Some(&this), std::mem::take(&mut free))
        };
        let read = read_rows(&csv, stem, &sheet, beside, &spare, &mut mine, &mut mine_errors);
        let Ok((read, next)) = read else { return Ok(None) };
        rows += read;
        // Counted as the rows were read.
        let lines = csv.lines_at_end();
        drop(csv);
        let Some(next) = next.map_err(io)? else { break };
        free = std::mem::replace(&mut this, next).into_buffer();
        let Some(rest) = max_rows.checked_sub(rows) else { return Ok(None) };
        let starts = std::mem::replace(&mut this.starts, Ok(Vec::new()));
        let part = CsvText::continued(this.bytes(), starts, display, &headers, lines, rest, chunk);
        let Some(part) = part else { return Ok(None) };
        csv = part;
    }
    inputs.headers.insert(display.to_string(), sheet.written());
    inputs.append(&mut mine);
    let rejected = mine_errors.len();
    errors.append(&mut mine_errors);
    let sha256 = crate::util::hash::hex(&sha.finalize());
    Ok(Some(record(stem, display, sha256, rows as u64, rejected as u64)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A findings file of `n` rows (BOM, CRLF, blank lines, a quoted evidence over two lines,
    /// a bad count on row 40), as written.
    fn findings(n: usize) -> Vec<u8> {
        let mut text = String::from("\u{feff}id,agency,kind,count,date,evidence\r\n");
        for i in 1..=n {
            let count = if i == 40 { "x".to_string() } else { (i % 3 + 1).to_string() };
            let evidence = match i % 4 {
                0 => "\"第三方评估抽查:\n未公开\"".to_string(),
                1 => "未公开".to_string(),
                _ => format!("证据{i}"),
            };
            text += &format!(
                "F{i},a{},k{},{count},2022-07-{:02},{evidence}\r\n",
                i % 7,
                i % 5,
                i % 28 + 1
            );
            if i % 13 == 0 {
                text += "\r\n";
            }
        }
        text.into_bytes()
    }

    /// What was read, as text: every finding (id, evidence, agency, kind, count, date, source),
    /// the errors and the file's record.
    fn read(inputs: &Inputs, errors: &[Error], record: &InputRecord) -> Vec<String> {
        let rows = inputs.findings.iter().map(|f| {
            format!(
                "{:?} {} {} {} {} {:?} {}",
                f.id(),
                f.evidence(),
                f.agency,
                f.kind,
                f.count,
                f.date,
                f.source()
            )
        });
        let errors = errors.iter().map(Error::to_string);
        let record = format!(
            "{} {} {} {}",
            record.sha256, record.rows_read, record.rows_used, record.rows_rejected
        );
        rows.chain(errors).chain([record]).collect()
    }

    /// Read in parts of 64..300 bytes (each part in chunks of 16 or 40 bytes, or whole), a file
    /// reads as when read whole: the same rows with the same lines, the same row errors and the
    /// same hash.
    #[test]
    fn a_file_read_in_parts_reads_as_when_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("findings.csv");
        let bytes = findings(120);
        std::fs::write(&path, &bytes).unwrap();
        let (mut whole, mut errors) = (Inputs::default(), Vec::new());
        let record = super::super::load::load_file(
            &path,
            "findings.csv",
            "findings",
            None,
            &mut whole,
            &mut errors,
        )
        .unwrap();
        let want = read(&whole, &errors, &record);
        assert_eq!(record.sha256, crate::util::hash::sha256_hex(&bytes));
        assert!(want.iter().any(|e| e.starts_with("findings.csv:")), "{want:?}");
        for sizes in [64, 100, 171, 300].into_iter().flat_map(|p| [(p, 16), (p, 40), (p, 1000)]) {
            let (mut inputs, mut errors) = (Inputs::default(), Vec::new());
            let record = load_sized(
                &path,
                "findings.csv",
                "findings",
                None,
                sizes,
                &mut inputs,
                &mut errors,
            )
            .unwrap()
            .expect("read in parts");
            assert_eq!(read(&inputs, &errors, &record), want, "parts and chunks {sizes:?}");
        }
    }

    /// A later part the CSV reader refuses (a ragged row) leaves the file to be read whole:
    /// nothing is added.
    #[test]
    fn a_refused_part_leaves_the_file_to_be_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("findings.csv");
        let mut bytes = findings(60);
        bytes.extend_from_slice(b"F999,a1\n");
        std::fs::write(&path, &bytes).unwrap();
        let (mut inputs, mut errors) = (Inputs::default(), Vec::new());
        let read = load_sized(
            &path,
            "findings.csv",
            "findings",
            None,
            (100, 40),
            &mut inputs,
            &mut errors,
        );
        assert!(read.unwrap().is_none());
        assert!(inputs.findings.is_empty() && errors.is_empty());
    }
}
