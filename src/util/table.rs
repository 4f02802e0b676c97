//! A small in-memory table read from CSV (any supported encoding) or a spreadsheet (.xlsx, .xls,
//! .ods via calamine), with the line each row came from so that every ledger line and every error
//! can cite `file:line`.
//!
//! The engine's inputs are small (one row per finding, task or award), so tables are read whole.
//! Survey exports, which can be millions of rows, are streamed by the survey importer instead.

use std::path::Path;

use calamine::{Data, Reader};

use crate::error::{Error, Location, Result};
use crate::util::encoding::{self, TextEncoding};

/// One data row and where it came from.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line in the file (CSV: the line the record starts on; spreadsheet: the sheet row).
    pub line: u64,
    pub cells: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Table {
    /// The file name as shown in messages and ledgers.
    pub file: String,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// Encoding used for text files; `None` for spreadsheets.
    pub encoding: Option<TextEncoding>,
    /// The file's raw bytes' SHA-256 (hex).
    pub sha256: String,
}

impl Table {
    /// Index of a column by header name, if present (header names are compared trimmed, and
    /// case-insensitively for ASCII).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name))
    }

    /// Index of a required column, or an error naming the columns the file does have.
    pub fn require(&self, name: &str) -> Result<usize> {
        self.column(name).ok_or_else(|| {
            Error::at(
                Location::line(&self.file, 1),
                crate::t!(
                    "util-missing-column",
                    column = name,
                    header = self
                        .headers
                        .iter()
                        .map(|h| format!("`{h}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        })
    }

    /// Reject header names that no column spec knows (a misspelled column is an error, not
    /// silently ignored data).
    pub fn deny_unknown_columns(&self, known: &[&str]) -> Result<()> {
        for (i, h) in self.headers.iter().enumerate() {
            let h = h.trim();
            if h.is_empty() {
                continue;
            }
            if !known.iter().any(|k| k.eq_ignore_ascii_case(h)) {
                return Err(Error::at(
                    Location::line(&self.file, 1).with_column(h),
                    crate::t!(
                        "util-unknown-column",
                        number = i + 1,
                        column = h,
                        known = known.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The location of a cell, for messages.
    pub fn at(&self, row: &Row, col: usize) -> Location {
        let name = self
            .headers
            .get(col)
            .cloned()
            .unwrap_or_else(|| crate::t!("util-column-number", column = col + 1));
        Location::line(&self.file, row.line).with_column(name)
    }

    /// Where a row is (`file:line`), for ledgers and messages.
    pub fn cite(&self, row: &Row) -> Location {
        Location::line(&self.file, row.line)
    }
}

/// Limits on an engine input table, so that a malicious or mistaken file costs bounded memory and
/// time. Engine inputs are one row per finding, task or award; survey exports, which can be
/// gigabytes, are streamed by `kaohe survey import` instead and are not read here.
pub mod limits {
    /// Largest input file read whole.
    pub const MAX_FILE_BYTES: u64 = 256 << 20;
    /// Most columns in a table.
    pub const MAX_COLUMNS: usize = 256;
    /// Longest single cell, in bytes.
    pub const MAX_CELL_BYTES: usize = 64 << 10;
    /// Most data rows in a table.
    pub const MAX_ROWS: usize = 5_000_000;
}

pub(crate) fn check_width(cells: usize, file: &str, line: u64) -> Result<()> {
    if cells > limits::MAX_COLUMNS {
        return Err(Error::at(
            Location::line(file, line),
            crate::t!("util-too-many-columns", columns = cells, max = limits::MAX_COLUMNS),
        ));
    }
    Ok(())
}

pub(crate) fn check_row(cells: &[String], file: &str, line: u64, rows: usize) -> Result<()> {
    if let Some((i, c)) = cells.iter().enumerate().find(|(_, c)| c.len() > limits::MAX_CELL_BYTES) {
        return Err(Error::at(
            Location::line(file, line).with_column(crate::t!("util-column-number", column = i + 1)),
            crate::t!("util-cell-too-long", bytes = c.len(), max = limits::MAX_CELL_BYTES),
        ));
    }
    if rows >= limits::MAX_ROWS {
        return Err(Error::at(
            Location::line(file, line),
            crate::t!("util-too-many-rows", max = limits::MAX_ROWS),
        ));
    }
    Ok(())
}

/// Read a table from a path, choosing the reader by extension.
///
/// `display` is the name used in messages (usually the path relative to the data directory).
pub fn read_table(path: &Path, display: &str, forced: Option<TextEncoding>) -> Result<Table> {
    let size = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
    if size > limits::MAX_FILE_BYTES {
        return Err(Error::at(
            Location::file(display),
            crate::t!("util-file-too-big", bytes = size, max = limits::MAX_FILE_BYTES),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let mut table = match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => read_spreadsheet(path, display)?,
        _ => parse_csv(&bytes, display, forced)?,
    };
    // Hashed once the file is known to be a table: a hostile file is refused without the cost.
    table.sha256 = crate::util::hash::sha256_hex(&bytes);
    Ok(table)
}

/// Parse CSV bytes (any supported encoding) into a table.
pub fn parse_csv(bytes: &[u8], file: &str, forced: Option<TextEncoding>) -> Result<Table> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::at(Location::line(file, 1), crate::t!("util-empty-file")));
    }
    let utf16 = matches!(forced, Some(TextEncoding::Utf16Le | TextEncoding::Utf16Be))
        || (forced.is_none()
            && matches!(
                encoding::bom(bytes),
                Some((TextEncoding::Utf16Le | TextEncoding::Utf16Be, _))
            ));
    if !utf16 {
        check_long_runs(bytes, file)?;
    }
    let (text, encoding) = encoding::decode(bytes, file, forced)?;
    if text.contains('\0') {
        let offset = text.find('\0').unwrap_or(0);
        return Err(Error::at(
            Location::line(file, encoding::line_of(text.as_bytes(), offset)),
            crate::t!("util-nul-byte"),
        ));
    }
    if let Some(line) = unterminated_quote(text.as_bytes()) {
        return Err(Error::at(Location::line(file, line), crate::t!("util-quote-not-closed")));
    }
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                let message = crate::t!("util-malformed-csv", error = e.to_string());
                return Err(Error::at(Location::line(file, line), message));
            }
        }
        let line = record.position().map(|p| record_line(text.as_bytes(), p)).unwrap_or(0);
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue; // blank lines (also trailing `,,,` lines Excel leaves) carry no data
        }
        check_width(cells.len(), file, line)?;
        check_row(&cells, file, line, rows.len())?;
        match &headers {
            None => headers = Some(cells),
            Some(h) => {
                if cells.len() != h.len() {
                    return Err(Error::at(
                        Location::line(file, line),
                        crate::t!("util-row-width", fields = cells.len(), width = h.len()),
                    ));
                }
                rows.push(Row { line, cells });
            }
        }
    }
    let headers =
        headers.ok_or_else(|| Error::at(Location::line(file, 1), crate::t!("util-no-header")))?;
    check_duplicate_headers(&headers, file)?;
    Ok(Table {
        file: file.to_string(),
        headers,
        rows,
        encoding: Some(encoding),
        sha256: String::new(),
    })
}

/// Refuse a cell far over the limit before decoding or parsing the file, so that a huge single
/// line (a binary file, a dump without line breaks) costs no more memory than the file's bytes:
/// a run of more than twice the cell limit without a comma or line break lies inside one cell, and
/// even if every byte of it were a doubled quote the cell would be over the limit. (Commas and line
/// breaks are single ASCII bytes in UTF-8 and GB18030 and never part of a multi-byte character.)
/// Spaces count: a run of them is refused too, though the cell would be trimmed.
fn check_long_runs(bytes: &[u8], file: &str) -> Result<()> {
    let limit = 2 * limits::MAX_CELL_BYTES + 2;
    let (mut run, mut line, mut column, mut quoted) = (0usize, 1u64, 1usize, false);
    for &b in bytes {
        match b {
            b'\n' => (run, line, column) = (0, line + 1, 1),
            b',' => (run, column) = (0, column + 1),
            _ => {
                quoted |= b == b'"';
                run += 1;
                if run > limit {
                    let mut at = Location::line(file, line);
                    if !quoted {
                        // Without a quote in the file so far (a quoted value may span lines),
                        // commas count columns exactly.
                        at = at.with_column(crate::t!("util-column-number", column = column));
                    }
                    return Err(Error::at(
                        at,
                        crate::t!("util-run-too-long", limit = limit, max = limits::MAX_CELL_BYTES),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// The line of a quoted field that the text ends inside (a file cut short, or a stray quote that
/// swallows the rest of the file), if any. A quote opens a field only at the field's start, as the
/// csv crate reads it; `""` inside a quoted field is a literal quote.
fn unterminated_quote(text: &[u8]) -> Option<u64> {
    let (mut line, mut field_start, mut open) = (1u64, true, None);
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        if open.is_some() {
            match b {
                b'"' if text.get(i + 1) == Some(&b'"') => i += 1,
                b'"' => (open, field_start) = (None, false),
                b'\n' => line += 1,
                _ => {}
            }
        } else {
            match b {
                b'"' if field_start => open = Some(line),
                b',' => field_start = true,
                b'\n' => (line, field_start) = (line + 1, true),
                b'\r' => field_start = true, // a record ends at a bare CR too
                _ => field_start = false,
            }
        }
        i += 1;
    }
    open
}

/// The csv crate reports a record's position at the end of the previous one, so blank lines
/// skipped before it would shift the line: count them in.
pub fn record_line(text: &[u8], pos: &csv::Position) -> u64 {
    let mut line = pos.line();
    for &b in text.get(pos.byte() as usize..).unwrap_or(&[]) {
        match b {
            b'\n' => line += 1,
            b'\r' => {}
            _ => break,
        }
    }
    line
}

pub(crate) fn check_duplicate_headers(headers: &[String], file: &str) -> Result<()> {
    for (i, h) in headers.iter().enumerate() {
        if !h.is_empty() && headers[..i].iter().any(|p| p.eq_ignore_ascii_case(h)) {
            return Err(Error::at(
                Location::line(file, 1).with_column(h.clone()),
                crate::t!("util-duplicate-column", column = h),
            ));
        }
    }
    Ok(())
}

/// Read the first worksheet of a spreadsheet. Numbers are written without a trailing `.0`; dates
/// as `YYYY-MM-DD` (with time if it has one).
fn read_spreadsheet(path: &Path, file: &str) -> Result<Table> {
    check_unpacked_size(path, file)?;
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| {
        Error::at(Location::file(file), crate::t!("util-not-spreadsheet", error = e.to_string()))
    })?;
    let sheet = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| Error::at(Location::file(file), crate::t!("util-no-sheets")))?;
    let range = workbook.worksheet_range(&sheet).map_err(|e| {
        let error = e.to_string();
        Error::at(Location::file(file), crate::t!("util-bad-sheet", sheet = sheet, error = error))
    })?;
    check_formulas(&mut workbook, &sheet, &range, file)?;
    let start_row = range.start().map(|(r, _)| r).unwrap_or(0) as u64;
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (i, r) in range.rows().enumerate() {
        let line = start_row + i as u64 + 1;
        let cells: Vec<String> = r.iter().map(cell_text).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        check_width(cells.iter().rposition(|c| !c.is_empty()).map_or(0, |p| p + 1), file, line)?;
        check_row(&cells, file, line, rows.len())?;
        match &headers {
            None => headers = Some(cells),
            Some(_) => rows.push(Row { line, cells }),
        }
    }
    let headers =
        headers.ok_or_else(|| Error::at(Location::line(file, 1), crate::t!("util-empty-sheet")))?;
    check_duplicate_headers(&headers, file)?;
    // Spreadsheet rows are as wide as the used range: trim trailing unnamed columns.
    let width = headers.iter().rposition(|h| !h.is_empty()).map(|p| p + 1).unwrap_or(0);
    let headers = headers[..width].to_vec();
    for row in &mut rows {
        if row.cells[width..].iter().any(|c| !c.is_empty()) {
            return Err(Error::at(
                Location::line(file, row.line),
                crate::t!("util-beyond-named-columns", width = width),
            ));
        }
        row.cells.truncate(width);
    }
    Ok(Table { file: file.to_string(), headers, rows, encoding: None, sha256: String::new() })
}

/// An .xlsx or .ods is a zip archive: the sizes its central directory declares must add up to at
/// most [`limits::MAX_FILE_BYTES`] unpacked, checked before anything is unpacked (a 0.6 MB file
/// may unpack to 600 MiB). An .xls is not a zip and is held by the file-size limit alone.
pub(crate) fn check_unpacked_size(path: &Path, file: &str) -> Result<()> {
    let mut magic = [0u8; 4];
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    if std::io::Read::read_exact(&mut f, &mut magic).is_err() || &magic != b"PK\x03\x04" {
        return Ok(()); // not a zip: calamine says what it is not
    }
    let mut archive = zip::ZipArchive::new(f).map_err(|e| {
        Error::at(Location::file(file), crate::t!("util-not-spreadsheet", error = e.to_string()))
    })?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let size = archive.by_index_raw(i).map_or(u64::MAX, |entry| entry.size());
        total = total.saturating_add(size);
    }
    if total > limits::MAX_FILE_BYTES {
        return Err(Error::at(
            Location::file(file),
            crate::t!("util-unpacks-too-big", bytes = total, max = limits::MAX_FILE_BYTES),
        ));
    }
    Ok(())
}

/// A formula cell whose workbook saved no value for it (written by a program, never opened and
/// saved in Excel) would read as empty: refuse it, naming the cell (`awards.xlsx!B7`).
pub(crate) fn check_formulas<RS: std::io::Read + std::io::Seek>(
    workbook: &mut calamine::Sheets<RS>,
    sheet: &str,
    values: &calamine::Range<Data>,
    file: &str,
) -> Result<()> {
    let Ok(formulas) = workbook.worksheet_formula(sheet) else { return Ok(()) };
    for (row, col, formula) in formulas.used_cells() {
        if formula.is_empty() {
            continue;
        }
        let (r0, c0) = formulas.start().unwrap_or((0, 0));
        let (r, c) = (r0 as usize + row, c0 as usize + col);
        if matches!(values.get_value((r as u32, c as u32)), None | Some(Data::Empty)) {
            return Err(Error::at(
                Location::file(format!("{file}!{}{}", column_name(c), r + 1)),
                crate::t!("util-formula-without-value", formula = formula.as_str()),
            ));
        }
    }
    Ok(())
}

/// A spreadsheet column's letters (0 → A, 26 → AA).
fn column_name(mut c: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A spreadsheet cell as text.
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) => format_float(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(d) if d.time() == chrono::NaiveTime::MIN => {
                d.date().format("%Y-%m-%d").to_string()
            }
            Some(d) => d.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => format_float(dt.as_f64()),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#ERROR:{e:?}"),
    }
}

/// Shortest decimal text that reads back to the same f64 (Rust's `Display` guarantees that), with
/// integral values written without a fraction.
fn format_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 { format!("{}", f as i64) } else { format!("{f}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_rejects_ragged_rows() {
        let t = parse_csv(b"id,name\n\na,\"x\ny\"\nb,z\n", "t.csv", None).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 3);
        assert_eq!(t.rows[1].line, 5);
        let err = parse_csv(b"id,name\na,b\nc\n", "t.csv", None).unwrap_err().to_string();
        assert!(err.starts_with("t.csv:3:"), "{err}");
    }

    #[test]
    fn quotes_never_closed_are_found_and_others_are_not() {
        // Doubled quotes, a quote inside an unquoted value, a quoted line break, a bare CR: closed.
        for ok in [
            &b"a,\"x \"\"y\"\" z\"\n"[..],
            b"a,b\"c,d\n",
            b"a,\"x\ny\",b\n",
            b"a,\"x,\"\rb,\"c\"\r",
            b"a, \"b\n",
        ] {
            assert_eq!(unterminated_quote(ok), None, "{}", String::from_utf8_lossy(ok));
        }
        assert_eq!(unterminated_quote(b"id,e\n1,x\n2,\"cut"), Some(3));
        assert_eq!(unterminated_quote(b"id,e\n1,\"x\"\"\n2,y\n"), Some(2));
        let err = parse_csv(b"id,e\n1,\"x\n2,y\n", "q.csv", None).unwrap_err().to_string();
        // In either language: another unit test may have switched the process's language.
        assert!(
            err.starts_with("q.csv:2: 此行开始的带引号的值没有结束")
                || err.starts_with("q.csv:2: a quoted value opened on this line is never closed"),
            "{err}"
        );
    }

    #[test]
    fn a_huge_cell_is_refused_before_parsing() {
        let mut bytes = b"id,e\n1,\"".to_vec();
        bytes.resize(bytes.len() + 2 * limits::MAX_CELL_BYTES + 3, b'x');
        let err = parse_csv(&bytes, "h.csv", None).unwrap_err().to_string();
        // A quote before it: the column is not named (commas in quotes would miscount it).
        assert!(
            err.starts_with("h.csv:2: 单元格超过 131074 字节")
                || err.starts_with("h.csv:2: a cell of more than 131074 bytes"),
            "{err}"
        );
        let at_limit = [b"id\n".to_vec(), vec![b'x'; limits::MAX_CELL_BYTES]].concat();
        assert_eq!(parse_csv(&at_limit, "l.csv", None).unwrap().rows[0].cells[0].len(), 65536);
    }

    #[test]
    fn empty_file_is_an_error() {
        let err = parse_csv(b"", "e.csv", None).unwrap_err().to_string();
        assert!(
            err.starts_with("e.csv:1:") && (err.contains("空") || err.contains("empty")),
            "{err}"
        );
    }
}
