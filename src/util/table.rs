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
    /// Largest spreadsheet read whole, and most bytes a workbook may unpack to.
    pub const MAX_FILE_BYTES: u64 = 256 << 20;
    /// Largest CSV input file (read whole: 10,000,000 findings are about 1.4 GB).
    pub const MAX_CSV_BYTES: u64 = 2 << 30;
    /// Most columns in a table.
    pub const MAX_COLUMNS: usize = 256;
    /// Longest single cell, in bytes.
    pub const MAX_CELL_BYTES: usize = 64 << 10;
    /// Most data rows in a table.
    pub const MAX_ROWS: usize = 20_000_000;
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
    let spreadsheet = is_spreadsheet(path);
    let bytes = read_bytes(path, display, !spreadsheet)?;
    let mut table = match spreadsheet {
        true => read_spreadsheet(path, display)?,
        false => parse_csv(&bytes, display, forced)?,
    };
    // Hashed once the file is known to be a table: a hostile file is refused without the cost.
    table.sha256 = crate::util::hash::sha256_hex(&bytes);
    Ok(table)
}

/// Whether a table file is a spreadsheet (by its extension), not CSV.
pub fn is_spreadsheet(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods")
}

/// A table file's bytes, refused unread when over the limit ([`limits::MAX_CSV_BYTES`] for a
/// `csv` file, else [`limits::MAX_FILE_BYTES`]).
pub fn read_bytes(path: &Path, display: &str, csv: bool) -> Result<Vec<u8>> {
    let size = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
    let max = if csv { limits::MAX_CSV_BYTES } else { limits::MAX_FILE_BYTES };
    if size > max {
        return Err(Error::at(
            Location::file(display),
            crate::t!("util-file-too-big", bytes = size, max = max),
        ));
    }
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

/// Parse CSV bytes (any supported encoding) into a table.
pub fn parse_csv(bytes: &[u8], file: &str, forced: Option<TextEncoding>) -> Result<Table> {
    let csv = CsvText::new(bytes, file, forced)?;
    let parts = csv.fold_rows(Vec::new, |rows: &mut Vec<Row>, row| rows.push(row.to_row()))?;
    Ok(Table {
        file: file.to_string(),
        headers: csv.headers,
        rows: parts.concat(),
        encoding: Some(csv.encoding),
        sha256: String::new(),
    })
}

/// A CSV file's text, checked and decoded (borrowed from the file's bytes when they are UTF-8),
/// with its header row read: its data rows are read by [`CsvText::fold_rows`], in chunks on
/// rayon's threads when the file is large.
pub struct CsvText<'a> {
    file: &'a str,
    text: std::borrow::Cow<'a, str>,
    pub encoding: TextEncoding,
    /// The header row's cells, trimmed.
    pub headers: Vec<String>,
    /// Where the data rows start (just after the header record).
    data: usize,
    /// Where records start, about every [`CHUNK_BYTES`]: the data's chunks start there.
    starts: Vec<usize>,
    /// Most data rows ([`limits::MAX_ROWS`]; fewer in tests).
    max_rows: usize,
    /// Line breaks before the text (a later part of a file read in parts).
    lines_before: u64,
    /// The data's chunks ([`CsvText::chunks`]) and the line breaks before the text's end,
    /// counted once.
    counted: std::sync::OnceLock<(Vec<Span>, u64)>,
}

/// A chunk of a CSV text's data: (start, end, line breaks before start).
type Span = (usize, usize, u64);

/// One data row as read: its line and its cells, trimmed.
pub struct RowRef<'r> {
    /// 1-based line in the file (CSV: the line the record starts on; spreadsheet: the sheet row).
    pub line: u64,
    cells: Cells<'r>,
}

enum Cells<'r> {
    /// Cells already trimmed (a table's row).
    Trimmed(&'r [String]),
    /// The fields of a CSV record read from a `str`, trimmed when read.
    Record(&'r csv::ByteRecord),
    /// The same, read by [`Records`].
    Fields(&'r Fields),
}

impl<'r> RowRef<'r> {
    /// Cell `i`, trimmed, if the row has it.
    pub fn cell(&self, i: usize) -> Option<&'r str> {
        match self.cells {
            Cells::Trimmed(c) => c.get(i).map(String::as_str),
            // SAFETY: the record was read from a `str`, which the CSV parser splits only at the
            // ASCII bytes `,` `"` `\r` `\n`, removing only ASCII quotes: every field is a run of
            // whole UTF-8 characters.
            Cells::Record(r) => r.get(i).map(|f| trim(unsafe { std::str::from_utf8_unchecked(f) })),
            // SAFETY: as above.
            Cells::Fields(r) => r.get(i).map(|f| trim(unsafe { std::str::from_utf8_unchecked(f) })),
        }
    }
    /// Number of cells.
    pub fn len(&self) -> usize {
        match self.cells {
            Cells::Trimmed(c) => c.len(),
            Cells::Record(r) => r.len(),
            Cells::Fields(r) => r.len,
        }
    }
    /// Whether the row has no cells.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn cells(&self) -> impl Iterator<Item = &'r str> + '_ {
        (0..self.len()).filter_map(|i| self.cell(i))
    }
    /// The row with its cells copied out.
    pub fn to_row(&self) -> Row {
        Row { line: self.line, cells: self.cells().map(str::to_string).collect() }
    }
}

/// `s` trimmed ([`str::trim`]), with no work for a side that starts (ends) with an ASCII byte that
/// is not blank, as most cells do.
fn trim(s: &str) -> &str {
    let solid = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    let s = if solid(s.as_bytes().first()) { s } else { s.trim_start() };
    if solid(s.as_bytes().last()) { s } else { s.trim_end() }
}

impl Row {
    /// The row as [`RowRef`], as a CSV file's rows are read.
    pub fn view(&self) -> RowRef<'_> {
        RowRef { line: self.line, cells: Cells::Trimmed(&self.cells) }
    }
}

/// Data bytes per chunk of a CSV file read on several threads (a file of tasks or look-back
/// rows of a few MB is read on both threads, too).
const CHUNK_BYTES: usize = 1 << 20;

/// What reading one chunk of rows left: its state, its rows and the first error in it.
struct Chunk<S> {
    state: S,
    rows: usize,
    /// The first error and whether it comes before the row limit's check on its row.
    error: Option<(Error, bool)>,
}

impl<'a> CsvText<'a> {
    /// Check and decode `bytes` (see [`parse_csv`] for what is refused) and read the header row.
    pub fn new(bytes: &'a [u8], file: &'a str, forced: Option<TextEncoding>) -> Result<Self> {
        Self::in_chunks(bytes, file, forced, CHUNK_BYTES)
    }

    /// [`CsvText::new`], the data to be read in chunks of about `chunk_bytes` (a file under two
    /// chunks is read whole).
    pub fn in_chunks(
        bytes: &'a [u8],
        file: &'a str,
        forced: Option<TextEncoding>,
        chunk_bytes: usize,
    ) -> Result<Self> {
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(Error::at(Location::line(file, 1), crate::t!("util-empty-file")));
        }
        let utf16 = matches!(forced, Some(TextEncoding::Utf16Le | TextEncoding::Utf16Be))
            || (forced.is_none()
                && matches!(
                    encoding::bom(bytes),
                    Some((TextEncoding::Utf16Le | TextEncoding::Utf16Be, _))
                ));
        if !utf16 && has_long_run(bytes) {
            check_long_runs(bytes, file)?;
        }
        let (text, encoding) = encoding::decode_borrowed(bytes, file, forced)?;
        if let Some(offset) = memchr::memchr(0, text.as_bytes()) {
            return Err(Error::at(
                Location::line(file, encoding::line_of(text.as_bytes(), offset)),
                crate::t!("util-nul-byte"),
            ));
        }
        let chunk = if text.len() < 2 * chunk_bytes { usize::MAX / 4 } else { chunk_bytes };
        let starts = record_starts(text.as_bytes(), chunk).map_err(|line| {
            Error::at(Location::line(file, line), crate::t!("util-quote-not-closed"))
        })?;
        let (headers, max_rows) = (Vec::new(), limits::MAX_ROWS);
        let mut csv = CsvText {
            file,
            text,
            encoding,
            headers,
            data: 0,
            starts,
            max_rows,
            lines_before: 0,
            counted: Default::default(),
        };
        csv.read_header()?;
        Ok(csv)
    }

    /// The records of a later part of a UTF-8 file (`bytes` start and end where records start;
    /// `lines` line breaks before them, and at most `max_rows` rows in them) under the file's
    /// `headers`. Only whether the part is fine is told: `None` (for what [`CsvText::new`] refuses
    /// in a file) is for the caller to read the whole file again and say where.
    /// `starts`: where records start in `bytes` about every `chunk_bytes` ([`Part::starts`]).
    pub fn continued(
        bytes: &'a [u8],
        starts: std::result::Result<Vec<usize>, u64>,
        file: &'a str,
        headers: &[String],
        lines: u64,
        max_rows: usize,
        chunk_bytes: usize,
    ) -> Option<Self> {
        use rayon::prelude::*;
        let mut starts = starts.ok()?;
        if bytes.len() < 2 * chunk_bytes {
            starts.clear();
        }
        // Checked chunk by chunk on rayon's threads: chunks start after a line break, so no
        // character and no run of a cell crosses from one to the next.
        let bounds: Vec<usize> = std::iter::once(0).chain(starts.iter().copied()).collect();
        let fine = bounds.par_iter().enumerate().all(|(i, &start)| {
            let part = &bytes[start..bounds.get(i + 1).copied().unwrap_or(bytes.len())];
            simdutf8::basic::from_utf8(part).is_ok()
                && memchr::memchr(0, part).is_none()
                && !has_long_run(part)
        });
        if !fine {
            return None;
        }
        // SAFETY: every chunk was checked to be UTF-8 above, and they are split at line breaks,
        // which are whole characters.
        let text = unsafe { std::str::from_utf8_unchecked(bytes) };
        Some(CsvText {
            file,
            text: std::borrow::Cow::Borrowed(text),
            encoding: TextEncoding::Utf8,
            headers: headers.to_vec(),
            data: 0,
            starts,
            max_rows,
            lines_before: lines,
            counted: Default::default(),
        })
    }

    /// Most data rows the text may hold.
    pub fn max_rows(&self) -> usize {
        self.max_rows
    }

    /// The first record that is not blank is the header.
    fn read_header(&mut self) -> Result<()> {
        let text = self.text.as_bytes();
        let mut reader = reader(text);
        let mut record = csv::ByteRecord::new();
        loop {
            if !read_record(&mut reader, &mut record, self.file, 0)? {
                return Err(Error::at(Location::line(self.file, 1), crate::t!("util-no-header")));
            }
            let line = record.position().map(|p| record_line(text, p)).unwrap_or(0);
            let row = RowRef { line, cells: Cells::Record(&record) };
            if row.cells().all(str::is_empty) {
                continue;
            }
            check_width(row.len(), self.file, line)?;
            check_cells(&row, self.file)?;
            self.headers = row.cells().map(str::to_string).collect();
            self.data = reader.position().byte() as usize;
            return Ok(());
        }
    }

    /// Read every data row in file order: each chunk of rows starts from `init()`, and `each` is
    /// called on its rows in turn; the chunks' states come back in file order. A ragged row, a
    /// cell over the limit, too many rows or duplicate headers is an error (the first in the
    /// file), as when the file is read whole.
    pub fn fold_rows<S: Send>(
        &self,
        init: impl Fn() -> S + Sync,
        each: impl Fn(&mut S, &RowRef<'_>) + Sync,
    ) -> Result<Vec<S>> {
        use rayon::prelude::*;
        let chunks = self.chunks();
        let lang = crate::util::i18n::lang();
        let done: Vec<Chunk<S>> = chunks
            .par_iter()
            .map(|&(start, end, lines)| {
                speaking(lang, || {
                    let mut state = init();
                    let (rows, error) = self.read_chunk(start, end, lines, &mut state, &each);
                    Chunk { state, rows, error }
                })
            })
            .collect();
        let states = self.first_error(chunks, done)?;
        check_duplicate_headers(&self.headers, self.file)?;
        Ok(states)
    }

    /// The data's chunks: (start, end, newlines before start).
    fn chunks(&self) -> &[Span] {
        &self.counted.get_or_init(|| self.count_chunks()).0
    }

    /// Line breaks before the end of the text, those before it included (counted with the
    /// chunks: after [`CsvText::fold_rows`], no further count).
    pub fn lines_at_end(&self) -> u64 {
        self.counted.get_or_init(|| self.count_chunks()).1
    }

    /// [`CsvText::chunks`] and [`CsvText::lines_at_end`], counted.
    fn count_chunks(&self) -> (Vec<Span>, u64) {
        use rayon::prelude::*;
        let text = self.text.as_bytes();
        let before =
            self.lines_before + memchr::memchr_iter(b'\n', &text[..self.data]).count() as u64;
        let inner = self.starts.iter().copied().filter(|&s| s > self.data && s < text.len());
        let bounds: Vec<usize> =
            std::iter::once(self.data).chain(inner).chain([text.len()]).collect();
        let newlines: Vec<u64> = bounds
            .par_windows(2)
            .map(|w| memchr::memchr_iter(b'\n', &text[w[0]..w[1]]).count() as u64)
            .collect();
        let mut lines = before;
        let mut out = Vec::with_capacity(newlines.len());
        for (w, n) in bounds.windows(2).zip(newlines) {
            out.push((w[0], w[1], lines));
            lines += n;
        }
        (out, lines)
    }

    /// Read the rows of `text[start..end]` (`lines` line breaks before it) into `state`; the
    /// rows read, and the first error, which ends the chunk.
    fn read_chunk<S>(
        &self,
        start: usize,
        end: usize,
        lines: u64,
        state: &mut S,
        each: &impl Fn(&mut S, &RowRef<'_>),
    ) -> (usize, Option<(Error, bool)>) {
        let mut records = Records::new(&self.text.as_bytes()[start..end]);
        let mut rows = 0;
        loop {
            let Some(line) = records.next() else { return (rows, None) };
            let line = lines + line;
            let row = RowRef { line, cells: Cells::Fields(&records.fields) };
            if row.cells().all(str::is_empty) {
                continue; // blank lines (also trailing `,,,` lines Excel leaves) carry no data
            }
            let checked = check_width(row.len(), self.file, line).and(check_cells(&row, self.file));
            if let Err(e) = checked {
                return (rows, Some((e, true)));
            }
            if row.len() != self.headers.len() {
                let message =
                    crate::t!("util-row-width", fields = row.len(), width = self.headers.len());
                return (rows, Some((Error::at(Location::line(self.file, line), message), false)));
            }
            each(state, &row);
            rows += 1;
        }
    }

    /// The chunks' states, or the first error of the chunks in file order, the row limit
    /// included.
    fn first_error<S>(
        &self,
        chunks: &[(usize, usize, u64)],
        done: Vec<Chunk<S>>,
    ) -> Result<Vec<S>> {
        let mut rows = 0;
        let mut states = Vec::with_capacity(done.len());
        for (i, c) in done.into_iter().enumerate() {
            let max = self.max_rows;
            let over = rows + c.rows > max
                || (rows + c.rows == max && matches!(c.error, Some((_, false))));
            if over {
                let (start, end, lines) = chunks[i];
                let line = self.line_of_row(start, end, lines, max - rows);
                return Err(Error::at(
                    Location::line(self.file, line),
                    crate::t!("util-too-many-rows", max = max),
                ));
            }
            if let Some((e, _)) = c.error {
                return Err(e);
            }
            rows += c.rows;
            states.push(c.state);
        }
        Ok(states)
    }

    /// The line of the `n`th (0-based) row that is not blank in a chunk (for the row limit).
    fn line_of_row(&self, start: usize, end: usize, lines: u64, n: usize) -> u64 {
        let mut records = Records::new(&self.text.as_bytes()[start..end]);
        let mut seen = 0;
        while let Some(line) = records.next() {
            let line = lines + line;
            let row = RowRef { line, cells: Cells::Fields(&records.fields) };
            if row.cells().all(str::is_empty) {
                continue;
            }
            if seen == n {
                return line;
            }
            seen += 1;
        }
        0
    }
}

/// Run `f` making messages in `lang`: work on rayon's threads speaks the language of the thread
/// that handed it out (a test's, which may differ from the process's).
pub fn speaking<T>(lang: crate::util::i18n::Lang, f: impl FnOnce() -> T) -> T {
    let other = crate::util::i18n::lang() != lang;
    if other {
        crate::util::i18n::set_thread_lang(Some(lang));
    }
    let out = f();
    if other {
        crate::util::i18n::set_thread_lang(None);
    }
    out
}

/// The records of a text, read by the csv crate's parser straight from the text (a
/// `csv::Reader` would copy the text through its buffer first), as `csv::Reader` reads them
/// with no headers and rows of any width: no record is an error.
struct Records<'t> {
    core: csv_core::Reader,
    text: &'t [u8],
    /// Bytes read so far.
    at: usize,
    /// The fields of the last record read.
    fields: Fields,
}

/// A record's fields: their bytes one after the other and where each ends.
struct Fields {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    /// Fields in the record.
    len: usize,
}

impl Fields {
    /// Field `i`, if the record has it.
    fn get(&self, i: usize) -> Option<&[u8]> {
        let end = *self.ends[..self.len].get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(&self.bytes[start..end])
    }
    /// The bytes of all the fields.
    fn bytes(&self) -> usize {
        if self.len == 0 { 0 } else { self.ends[self.len - 1] }
    }
}

impl<'t> Records<'t> {
    fn new(text: &'t [u8]) -> Self {
        let fields = Fields { bytes: vec![0; 1 << 10], ends: vec![0; 16], len: 0 };
        Records { core: csv_core::Reader::new(), text, at: 0, fields }
    }

    /// Read the next record: its line (1-based; blank lines before it counted), or `None` at
    /// the end of the text.
    fn next(&mut self) -> Option<u64> {
        use csv_core::ReadRecordResult::*;
        let (start, line) = (self.at, self.core.line());
        let (mut out, mut ends) = (0, 0);
        loop {
            let f = &mut self.fields;
            let input = &self.text[self.at..];
            let (res, nin, nout, nend) =
                self.core.read_record(input, &mut f.bytes[out..], &mut f.ends[ends..]);
            (self.at, out, ends) = (self.at + nin, out + nout, ends + nend);
            match res {
                InputEmpty => {}
                OutputFull => f.bytes.resize(2 * f.bytes.len(), 0),
                OutputEndsFull => f.ends.resize(2 * f.ends.len(), 0),
                Record => {
                    f.len = ends;
                    return Some(line_after(self.text, start, line));
                }
                End => return None,
            }
        }
    }
}

fn reader(text: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text)
}

/// Read the next record; a malformed one is an error at its line (`lines` line breaks before the
/// text read).
fn read_record(
    reader: &mut csv::Reader<&[u8]>,
    record: &mut csv::ByteRecord,
    file: &str,
    lines: u64,
) -> Result<bool> {
    reader.read_byte_record(record).map_err(|e| {
        let line = lines + e.position().map(|p| p.line()).unwrap_or(0);
        Error::at(
            Location::line(file, line),
            crate::t!("util-malformed-csv", error = e.to_string()),
        )
    })
}

/// A cell over [`limits::MAX_CELL_BYTES`] is an error naming its column.
fn check_cells(row: &RowRef<'_>, file: &str) -> Result<()> {
    // A record's fields together under the limit hold no cell over it (a cell is its field
    // trimmed): no cell is looked at.
    if let Cells::Fields(r) = row.cells
        && r.bytes() <= limits::MAX_CELL_BYTES
    {
        return Ok(());
    }
    if let Some((i, c)) = row.cells().enumerate().find(|(_, c)| c.len() > limits::MAX_CELL_BYTES) {
        return Err(Error::at(
            Location::line(file, row.line)
                .with_column(crate::t!("util-column-number", column = i + 1)),
            crate::t!("util-cell-too-long", bytes = c.len(), max = limits::MAX_CELL_BYTES),
        ));
    }
    Ok(())
}

/// Whether `bytes` hold a run longer than [`check_long_runs`] allows (found quickly: the exact
/// place is then found by `check_long_runs`).
fn has_long_run(bytes: &[u8]) -> bool {
    let limit = 2 * limits::MAX_CELL_BYTES + 2;
    // A run over `limit` covers a whole block of `limit / 2` bytes: when every block holds a
    // comma or line break (found in its first few bytes), there is none, and the file is not
    // searched comma by comma.
    if bytes.chunks(limit / 2).all(|b| memchr::memchr2(b'\n', b',', b).is_some()) {
        return false;
    }
    let mut last = 0;
    for i in memchr::memchr2_iter(b'\n', b',', bytes) {
        if i - last > limit {
            return true;
        }
        last = i + 1;
    }
    bytes.len() - last > limit
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

/// A CSV file read in parts of whole records, so that a large file is never held whole:
/// [`Parts::read_part`] gives the next part, which ends where a record starts (outside quoted
/// fields), or at the end of the file, with the bytes read for it (for a hash of the file). Each
/// part is in a buffer of its own, so the next can be read while the last one's rows are.
pub struct Parts {
    file: std::fs::File,
    /// Bytes read a time.
    part: usize,
    /// Bytes between the record starts a part gives.
    chunk: usize,
    done: bool,
}

/// A part of a file read by [`Parts::read_part`].
pub struct Part {
    /// The bytes read up to this part's, after its end: from the last part's end, the bytes read
    /// for this one, the part's end and the bytes after it (the next part's start).
    buf: Vec<u8>,
    fresh: usize,
    cut: usize,
    /// Where records start in the part, about every `chunk` bytes of [`Parts::open`] (found
    /// while looking for the part's end, so the part is not scanned again); `Err` when the file
    /// ends inside a quoted field.
    pub starts: std::result::Result<Vec<usize>, u64>,
}

impl Part {
    /// The bytes read for this part (for a hash of the file).
    pub fn fresh(&self) -> &[u8] {
        &self.buf[self.fresh..]
    }
    /// The part: whole records.
    pub fn bytes(&self) -> &[u8] {
        &self.buf[..self.cut]
    }
    /// The part's buffer, to read a later part into.
    pub fn into_buffer(self) -> Vec<u8> {
        self.buf
    }
}

impl Parts {
    /// Read `path` in parts of about `part` bytes, finding record starts about every `chunk`.
    pub fn open(path: &Path, part: usize, chunk: usize) -> std::io::Result<Parts> {
        let file = std::fs::File::open(path)?;
        Ok(Parts { file, part, chunk, done: false })
    }

    /// The part after `last` (the first when `None`), read into `buf`; `None` at the end of the
    /// file.
    pub fn read_part(
        &mut self,
        last: Option<&Part>,
        mut buf: Vec<u8>,
    ) -> std::io::Result<Option<Part>> {
        let kept = last.map_or(&[][..], |p| &p.buf[p.cut..]);
        if kept.is_empty() && self.done {
            return Ok(None);
        }
        buf.clear();
        buf.extend_from_slice(kept);
        let kept = buf.len();
        let mut end = kept;
        loop {
            // A part with no record start in it (one huge line) is read on in ever longer steps,
            // so the file is scanned a few times, not once a step.
            // (Read into room reserved, not cleared first: nothing is written twice.)
            let more = self.part.max(end);
            buf.reserve(more);
            let mut next = std::io::Read::take(&mut self.file, more as u64);
            let n = std::io::Read::read_to_end(&mut next, &mut buf)?;
            self.done = n < more;
            end += n;
            let (starts, open) = scan_records(&buf, self.chunk);
            if self.done {
                let starts = match open {
                    None => Ok(starts),
                    Some(line) => Err(line),
                };
                return Ok(Some(Part { buf, fresh: kept, cut: end, starts }));
            }
            // The part ends at the last record start found (or, when none is `chunk` bytes in,
            // at the last of all, the part then read as one chunk); none: a longer part.
            let (mut starts, cut) = match starts.is_empty() {
                true => (Vec::new(), scan_records(&buf, 1).0.pop()),
                false => (starts, None),
            };
            if let Some(cut) = cut.or_else(|| starts.pop()).filter(|&c| c > 0) {
                return Ok(Some(Part { buf, fresh: kept, cut, starts: Ok(starts) }));
            }
        }
    }
}

/// Where records start, about every `chunk` bytes (just after a line break outside quoted
/// fields); or, when the text ends inside a quoted field (a file cut short, or a stray quote that
/// swallows the rest of the file), the line that field opens on. A quote opens a field only at the
/// field's start, as the csv crate reads it; `""` inside a quoted field is a literal quote.
fn record_starts(text: &[u8], chunk: usize) -> std::result::Result<Vec<usize>, u64> {
    match scan_records(text, chunk) {
        (starts, None) => Ok(starts),
        (_, Some(line)) => Err(line),
    }
}

/// [`record_starts`], with the starts found before the quoted field the text ends inside.
fn scan_records(text: &[u8], chunk: usize) -> (Vec<usize>, Option<u64>) {
    let (mut starts, mut target, mut from) = (Vec::new(), chunk, 0);
    loop {
        // Outside quoted fields from `from` to the next quote.
        let quote = memchr::memchr(b'"', &text[from..]).map(|i| from + i);
        let end = quote.unwrap_or(text.len());
        while target < end {
            let at = target.max(from);
            let Some(i) = memchr::memchr(b'\n', &text[at..end]) else { break };
            starts.push(at + i + 1);
            target = at + i + 1 + chunk;
        }
        let Some(q) = quote else { return (starts, None) };
        from = q + 1;
        if q > 0 && !matches!(text[q - 1], b',' | b'\n' | b'\r') {
            continue; // a quote inside an unquoted value is a literal quote
        }
        loop {
            match memchr::memchr(b'"', &text[from..]) {
                None => return (starts, Some(encoding::line_of(text, q))),
                Some(i) if text.get(from + i + 1) == Some(&b'"') => from += i + 2,
                Some(i) => {
                    from += i + 1;
                    break;
                }
            }
        }
    }
}

/// The line of a quoted field that the text ends inside, if any (see [`record_starts`]).
#[cfg(test)]
fn unterminated_quote(text: &[u8]) -> Option<u64> {
    record_starts(text, usize::MAX / 4).err()
}

/// The reading of [`unterminated_quote`] byte by byte, to test the other against.
#[cfg(test)]
fn unterminated_quote_bytewise(text: &[u8]) -> Option<u64> {
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
    line_after(text, pos.byte() as usize, pos.line())
}

/// The line of the record after the one ending at byte `end` on line `line` (blank lines
/// counted in, as [`record_line`]).
fn line_after(text: &[u8], end: usize, mut line: u64) -> u64 {
    for &b in text.get(end..).unwrap_or(&[]) {
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
        // The quick reading agrees with the byte-by-byte one on every arrangement of these bytes.
        let bytes = b"a,\"\n\r";
        for n in 0..6u32.pow(7) {
            let text: Vec<u8> =
                (0..7).map(|k| bytes[(n / 6u32.pow(k) % 6) as usize % bytes.len()]).collect();
            assert_eq!(unterminated_quote(&text), unterminated_quote_bytewise(&text), "{text:?}");
        }
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

    /// Rows and errors read in chunks (here of a few bytes) are those read whole.
    #[test]
    fn chunks_read_as_the_whole_file() {
        let read = |text: &str, chunk_bytes: usize| {
            let csv = CsvText::in_chunks(text.as_bytes(), "c.csv", None, chunk_bytes).unwrap();
            let parts = csv.fold_rows(Vec::new, |rows: &mut Vec<Row>, r| rows.push(r.to_row()));
            parts
                .map(|p| p.concat().iter().map(|r| (r.line, r.cells.join("|"))).collect::<Vec<_>>())
        };
        let mut text = String::from("\n id , name \r\n");
        for i in 0..200 {
            // Every fifth name quoted, with a line break in every tenth: a chunk never starts
            // inside a quoted value.
            let name = match i % 10 {
                0 => format!("\"名\n{i}\""),
                5 => format!("\"名{i}\""),
                _ => format!(" 名{i} "),
            };
            text.push_str(&format!("{i},{name}\r\n"));
            if i % 7 == 0 {
                text.push_str(",\n\n");
            }
        }
        let whole = read(&text, usize::MAX / 4).unwrap();
        assert_eq!(whole.len(), 200);
        assert_eq!(whole[0], (3, "0|名\n0".to_string()));
        // Row i is on line 3 + i + 2 × ceil(i / 7) (two blank lines after every seventh row) +
        // ceil(i / 10) (a line break inside every tenth): row 1 on 7, row 7 on 13, row 8 on 16.
        assert_eq!((whole[1].0, whole[7].0, whole[8].0), (7, 13, 16));
        for chunk in [1, 5, 16, 100] {
            assert_eq!(read(&text, chunk).unwrap(), whole, "chunks of {chunk}");
        }
        text.push_str("x,y,z\n1,2\n");
        let ragged = text.replacen("151, 名151 ", "151", 1);
        let err = |t: &str, chunk| read(t, chunk).unwrap_err().to_string();
        let first = err(&ragged, usize::MAX / 4);
        // Row 151: 3 + 151 + 2 × 22 + 16.
        assert!(first.starts_with("c.csv:214:"), "{first}");
        assert_eq!(err(&ragged, 16), first);
        // The row limit: the first row over it, found in whichever chunk holds it; before a
        // ragged row there, and after a ragged row before it.
        let limited = |text: &str, chunk_bytes: usize, max_rows: usize| {
            let mut csv = CsvText::in_chunks(text.as_bytes(), "c.csv", None, chunk_bytes).unwrap();
            csv.max_rows = max_rows;
            csv.fold_rows(|| (), |_, _| ()).unwrap_err().to_string()
        };
        for chunk in [16, usize::MAX / 4] {
            let e = limited(&text, chunk, 8);
            assert!(e.starts_with("c.csv:16:") && e.contains(" 8 "), "{chunk}: {e}");
            // Row 151 is ragged and the 152nd: over a limit of 151 (checked first on a row).
            let e = limited(&ragged, chunk, 151);
            assert!(e.starts_with("c.csv:214:") && e.contains(" 151 "), "{chunk}: {e}");
            // Row 150 (3 + 150 + 2 × 22 + 15) is over a limit of 150, before the ragged row.
            let e = limited(&ragged, chunk, 150);
            assert!(e.starts_with("c.csv:212:") && e.contains(" 150 "), "{chunk}: {e}");
            let e = limited(&ragged, chunk, 152);
            assert!(e.starts_with("c.csv:214:") && !e.contains(" 152 "), "{chunk}: {e}");
        }
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
