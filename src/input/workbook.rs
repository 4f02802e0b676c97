//! One workbook as the whole data set (issue 12 item 3): `--data 考核数据.xlsx` reads a sheet per
//! input kind (单位, 问题清单, 任务, 数值, 加分, 回头看, 复核, 满意度, or the kind's English name),
//! with the columns of the CSV files (Chinese or English headers). Rows cite
//! `考核数据.xlsx!问题清单:12` (the sheet row) in the ledger. The 说明 sheet `kaohe template` writes is
//! skipped; any other sheet name is an error naming the closest sheet name; an empty sheet is an
//! absent input kind.

use std::path::Path;

use calamine::Reader;

use super::records::Inputs;
use crate::error::{Error, Location, Result};
use crate::util::table::{self, Row, Table, limits};

/// Each input kind's sheet name, in the order the template writes them.
pub const SHEETS: [(&str, &str); 8] = [
    ("agencies", "单位"),
    ("findings", "问题清单"),
    ("tasks", "任务"),
    ("measures", "数值"),
    ("awards", "加分"),
    ("lookback", "回头看"),
    ("appeals", "复核"),
    ("survey", "满意度"),
];

/// The sheet describing every column, which is not read.
pub const GUIDE_SHEET: &str = "说明";

/// The sheet listing what the template's drop-downs offer, which is not read.
pub const LISTS_SHEET: &str = "选项";

/// Whether `path` names a workbook (by its extension).
pub fn is_workbook(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods")
}

/// The input kind a sheet holds, by its name (Chinese or English, any width and blanks).
pub fn kind_of_sheet(name: &str) -> Option<&'static str> {
    let k = super::resolve::key(name);
    SHEETS
        .iter()
        .find(|(stem, zh)| super::resolve::key(stem) == k || super::resolve::key(zh) == k)
        .map(|(stem, _)| *stem)
}

/// Read every sheet of a workbook into inputs.
pub fn load_workbook(path: &Path) -> Result<Inputs> {
    let display = path.file_name().and_then(|n| n.to_str()).unwrap_or("workbook").to_string();
    let size = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
    if size > limits::MAX_FILE_BYTES {
        let (size, max) = (size.to_string(), limits::MAX_FILE_BYTES.to_string());
        return Err(Error::at(
            Location::file(&display),
            crate::t!("input-workbook-too-big", size = size, max = max),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let sha256 = crate::util::hash::sha256_hex(&bytes);
    table::check_unpacked_size(path, &display)?;
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| {
        Error::at(
            Location::file(&display),
            crate::t!("input-not-a-workbook", error = e.to_string()),
        )
    })?;
    let mut tables: Vec<(&str, Table)> = Vec::new();
    for sheet in workbook.sheet_names() {
        if [GUIDE_SHEET, LISTS_SHEET]
            .iter()
            .any(|g| super::resolve::key(g) == super::resolve::key(&sheet))
        {
            continue;
        }
        let Some(stem) = kind_of_sheet(&sheet) else {
            let names =
                SHEETS.iter().flat_map(|(s, zh)| [*zh, *s]).chain([GUIDE_SHEET, LISTS_SHEET]);
            let close = super::check::close_matches(&sheet, names);
            let expected = SHEETS.iter().map(|(_, zh)| *zh).collect::<Vec<_>>().join(", ");
            return Err(Error::at(
                Location::file(format!("{display}!{sheet}")),
                crate::t!(
                    "input-unknown-sheet",
                    sheet = sheet.as_str(),
                    hint = super::check::hint(&close),
                    expected = expected,
                    guide = format!("{GUIDE_SHEET}, {LISTS_SHEET}")
                ),
            ));
        };
        if let Some((_, t)) = tables.iter().find(|(s, _)| *s == stem) {
            let first = t.file.clone();
            return Err(Error::at(
                Location::file(format!("{display}!{sheet}")),
                crate::t!("input-sheet-twice", first = first),
            ));
        }
        let file = format!("{display}!{sheet}");
        if let Some(mut t) = read_sheet(&mut workbook, &sheet, &file)? {
            t.sha256 = sha256.clone();
            tables.push((stem, t));
        }
    }
    load_tables(&display, tables)
}

/// Load the sheets' tables in the order of the input kinds.
fn load_tables(display: &str, mut tables: Vec<(&str, Table)>) -> Result<Inputs> {
    tables.sort_by_key(|(stem, _)| super::load::KINDS.iter().position(|k| k.0 == *stem));
    if !tables.iter().any(|(stem, _)| *stem == "agencies") {
        return Err(Error::Data(crate::t!("input-workbook-no-agencies", file = display)));
    }
    let mut inputs = Inputs::default();
    let mut errors = Vec::new();
    for (stem, t) in &tables {
        let record = super::load::load_table(t, stem, &mut inputs, &mut errors)?;
        inputs.files.push(record);
    }
    Error::collect(errors)?;
    super::load::attach_appeals(&mut inputs)?;
    Ok(inputs)
}

/// One sheet as a table (`None` when the sheet is empty). Rows are the sheet's rows (1-based).
fn read_sheet<RS: std::io::Read + std::io::Seek>(
    workbook: &mut calamine::Sheets<RS>,
    sheet: &str,
    file: &str,
) -> Result<Option<Table>> {
    let range = workbook.worksheet_range(sheet).map_err(|e| {
        Error::at(Location::file(file), crate::t!("input-sheet-unreadable", error = e.to_string()))
    })?;
    table::check_formulas(workbook, sheet, &range, file)?;
    let start_row = range.start().map(|(r, _)| r).unwrap_or(0) as u64;
    let start_col = range.start().map(|(_, c)| c).unwrap_or(0) as usize;
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (i, r) in range.rows().enumerate() {
        let line = start_row + i as u64 + 1;
        // Columns left of the used range are empty: keep columns where the sheet has them.
        let cells: Vec<String> = std::iter::repeat_n(String::new(), start_col)
            .chain(r.iter().map(table::cell_text))
            .collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        table::check_width(
            cells.iter().rposition(|c| !c.is_empty()).map_or(0, |p| p + 1),
            file,
            line,
        )?;
        table::check_row(&cells, file, line, rows.len())?;
        match &headers {
            None => headers = Some(cells),
            Some(_) => rows.push(Row { line, cells }),
        }
    }
    let Some(headers) = headers else { return Ok(None) };
    table::check_duplicate_headers(&headers, file)?;
    let width = headers.iter().rposition(|h| !h.is_empty()).map_or(0, |p| p + 1);
    for row in &mut rows {
        if row.cells[width..].iter().any(|c| !c.is_empty()) {
            return Err(Error::at(
                Location::line(file, row.line),
                crate::t!("input-beyond-columns", width = width),
            ));
        }
        row.cells.truncate(width);
    }
    let headers = headers[..width].to_vec();
    Ok(Some(Table { file: file.to_string(), headers, rows, encoding: None, sha256: String::new() }))
}
