//! Loading a data directory: one file per input kind, each `<kind>.csv` or `<kind>.xlsx`.
//! `agencies` is required, and every kind the scheme reads unless `--allow-missing` says so.
//! Columns are matched by name in any order; an unknown column is an error (a misspelled
//! `evidance` would otherwise drop data silently).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use super::columns::Sheet;
use super::parse;
use super::records::*;
use crate::error::{Error, Location, Result};
use crate::input::InputRecord;
use crate::rules::Rectification;
use crate::util::encoding::TextEncoding;
use crate::util::table::{CsvText, RowRef, Table, read_table};

/// The input kinds, their file stems and columns (required ones first).
pub const KINDS: &[(&str, &[&str], &[&str])] = &[
    ("agencies", &["id", "name", "group"], &["parent"]),
    ("findings", &["agency", "kind"], &["id", "count", "date", "evidence", "note"]),
    ("tasks", &["agency", "task"], &["completed", "status", "evidence", "note"]),
    ("measures", &["agency", "indicator", "value"], &["date", "evidence", "note"]),
    ("awards", &["agency", "bonus"], &["id", "count", "evidence", "note"]),
    ("lookback", &["agency", "kind", "status"], &["id", "evidence", "note"]),
    (
        "survey",
        &["agency", "survey", "index"],
        &["ci_low", "ci_high", "n", "n_eff", "below_minimum"],
    ),
    ("appeals", &["finding", "decision"], &["points", "date", "note"]),
];

/// Find `<dir>/<stem>.{csv,xlsx,xls}`; two of them is an error (which one is meant?).
pub fn find_file(dir: &Path, stem: &str) -> Result<Option<PathBuf>> {
    let found: Vec<PathBuf> = ["csv", "xlsx", "xls"]
        .iter()
        .map(|ext| dir.join(format!("{stem}.{ext}")))
        .filter(|p| p.is_file())
        .collect();
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.into_iter().next()),
        _ => Err(Error::Data(crate::t!(
            "input-both-files",
            dir = dir,
            files = found
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(crate::t!("input-and").as_str())
        ))),
    }
}

/// Files a data directory may hold besides the input kinds: the importer's per-response output
/// (read by `kaohe robustness`), the raw survey export it was imported from (kept beside its
/// results; `kaohe score` does not read it), and the ignore list itself.
pub const OTHER_KNOWN: &[&str] = &["survey-responses.csv", "survey-export.csv", IGNORE_FILE];

/// The list of further names a data directory may hold unread (one file name a line; `#` starts
/// a comment).
pub const IGNORE_FILE: &str = "kaohe-ignore.txt";

/// Every name kaohe knows in a data directory.
fn known_names() -> Vec<String> {
    let kinds =
        KINDS.iter().flat_map(|k| ["csv", "xlsx", "xls"].map(|ext| format!("{}.{ext}", k.0)));
    kinds.chain(OTHER_KNOWN.iter().map(|s| s.to_string())).collect()
}

/// The names listed in `dir/kaohe-ignore.txt`, if it exists.
fn ignored_names(dir: &Path) -> Result<Vec<String>> {
    let path = dir.join(IGNORE_FILE);
    match std::fs::symlink_metadata(&path) {
        Err(_) => return Ok(Vec::new()),
        Ok(m) if !m.is_file() => {
            return Err(Error::at(Location::file(IGNORE_FILE), crate::t!("input-ignore-not-file")));
        }
        Ok(_) => {}
    }
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    Ok(text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect())
}

/// Every entry of a data directory must be a regular file kaohe knows (or a name listed in
/// `kaohe-ignore.txt`), so that a misspelled `finding.csv` is never silently left unread. Names
/// starting with `.` (`.DS_Store`, `.git`) are system files and are skipped. The file type is
/// read without opening the entry: a FIFO is never opened, so never blocks.
pub fn scan_dir(dir: &Path) -> Result<()> {
    let known = known_names();
    let ignored = ignored_names(dir)?;
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut names: Vec<String> = Vec::new();
    for e in entries {
        let e = e.map_err(|e| Error::io(dir, e))?;
        names.push(e.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    let mut errors = Vec::new();
    for name in &names {
        if name.starts_with('.') || ignored.contains(name) {
            continue;
        }
        if let Some(message) = entry_problem(dir, name, &known) {
            errors.push(Error::at(Location::file(name), message));
        }
    }
    Error::collect(errors)
}

/// What is wrong with one entry of a data directory, if anything.
fn entry_problem(dir: &Path, name: &str, known: &[String]) -> Option<String> {
    if !known.iter().any(|k| k == name) {
        if let Some(original) = name.strip_prefix("~$") {
            return Some(crate::t!("input-lock-file", original = original, ignore = IGNORE_FILE));
        }
        let close = super::check::close_matches(name, known.iter().map(String::as_str));
        let guess = match close.first() {
            Some(c) => crate::t!("input-did-you-mean-file", name = *c),
            None => String::new(),
        };
        return Some(crate::t!(
            "input-unknown-file",
            guess = guess,
            kinds =
                KINDS.iter().map(|k| k.0).collect::<Vec<_>>().join(super::check::sep().as_str()),
            others = OTHER_KNOWN.join(super::check::sep().as_str()),
            ignore = IGNORE_FILE
        ));
    }
    // `metadata` follows a symbolic link to what it names, without opening it.
    let what = match std::fs::metadata(dir.join(name)) {
        Err(e) => return Some(crate::t!("input-unreadable-entry", error = e.to_string())),
        Ok(m) => file_type_name(&m.file_type())?,
    };
    Some(crate::t!("input-not-regular", what = what))
}

/// What a non-regular file is, in words; `None` for a regular file.
fn file_type_name(t: &std::fs::FileType) -> Option<String> {
    let what = file_type_key(t)?;
    Some(crate::t!("input-file-type", what = what))
}

/// The non-regular kind of a file: `fifo`, `device`, `socket`, `folder`, `other`.
fn file_type_key(t: &std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("fifo");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("device");
        }
        if t.is_socket() {
            return Some("socket");
        }
    }
    if t.is_dir() {
        Some("folder")
    } else if t.is_file() {
        None
    } else {
        Some("other")
    }
}

/// The input kinds a scheme may need; `--allow-missing` takes one of them.
pub const NEEDED_KINDS: [&str; 6] =
    ["findings", "tasks", "measures", "awards", "lookback", "survey"];

/// The input kinds `scheme` reads: deduction items read findings, deadline items tasks, measured
/// and normalised items measures, bonus items awards, a look-back rule lookback, survey items
/// survey.
pub fn needed_kinds(scheme: &crate::rules::Scheme) -> Vec<&'static str> {
    use crate::rules::Method;
    let has = |f: fn(&Method) -> bool| scheme.nodes.iter().any(|n| n.method().is_some_and(f));
    let needs = [
        !scheme.deduct_kinds.is_empty(),
        has(|m| matches!(m, Method::Deadline(_))),
        has(|m| matches!(m, Method::Measure(_) | Method::Normalise(_))),
        !scheme.bonus.items.is_empty(),
        scheme.lookback.is_some(),
        has(|m| matches!(m, Method::Survey(_))),
    ];
    NEEDED_KINDS.iter().zip(needs).filter(|(_, n)| *n).map(|(k, _)| *k).collect()
}

/// The kinds `scheme` reads that have no file in the data directory: an error naming them unless
/// each is in `allowed` (a file with a header and no rows is present: it says "none").
pub fn absent_kinds(
    scheme: &crate::rules::Scheme,
    inputs: &Inputs,
    allowed: &[String],
) -> Result<Vec<String>> {
    let absent: Vec<&str> = needed_kinds(scheme)
        .into_iter()
        .filter(|k| !inputs.files.iter().any(|f| f.kind == *k))
        .collect();
    let refused: Vec<&str> =
        absent.iter().copied().filter(|k| !allowed.iter().any(|a| a == k)).collect();
    if !refused.is_empty() {
        // A workbook's inputs are its sheets (`考核数据.xlsx!单位`).
        let workbook = inputs.files.iter().any(|f| f.path.contains('!'));
        let errors = refused.iter().map(|k| {
            let sheet = super::workbook::SHEETS.iter().find(|s| s.0 == *k).map_or(*k, |s| s.1);
            Error::Data(if workbook {
                crate::t!("input-kind-absent-sheet", kind = *k, sheet = sheet)
            } else {
                crate::t!("input-kind-absent", kind = *k)
            })
        });
        return Err(Error::Many(errors.collect()));
    }
    Ok(absent.into_iter().map(String::from).collect())
}

/// The file an input record's path names: a sheet (`考核数据.xlsx!问题清单`) is in the workbook given
/// as the data; a file is in the data directory.
pub fn data_file(data: &Path, recorded: &str) -> PathBuf {
    if data.is_file() && recorded.contains('!') { data.to_path_buf() } else { data.join(recorded) }
}

/// Load every input file of a data directory, or every sheet of a workbook given instead of one
/// ([`super::workbook`]).
pub fn load_dir(dir: &Path, encoding: Option<TextEncoding>) -> Result<Inputs> {
    if dir.is_file() && super::workbook::is_workbook(dir) {
        return super::workbook::load_workbook(dir);
    }
    if !dir.is_dir() {
        return Err(Error::Usage(crate::t!("input-no-data-dir", dir = dir)));
    }
    scan_dir(dir)?;
    let mut inputs = Inputs::default();
    let mut errors = Vec::new();
    for (stem, _, _) in KINDS {
        let Some(path) = find_file(dir, stem)? else {
            if *stem == "agencies" {
                return Err(Error::Data(crate::t!("input-no-agencies", dir = dir)));
            }
            continue;
        };
        let display = path.file_name().and_then(|n| n.to_str()).unwrap_or(stem).to_string();
        let record = load_file(&path, &display, stem, encoding, &mut inputs, &mut errors)?;
        inputs.files.push(record);
    }
    Error::collect(errors)?;
    attach_appeals(&mut inputs)?;
    Ok(inputs)
}

/// Read one input file of kind `stem` into `inputs`. Row errors are collected in `errors` (all
/// rows are read, so a user sees every bad row at once); a file-level problem returns at once.
pub fn load_file(
    path: &Path,
    display: &str,
    stem: &str,
    encoding: Option<TextEncoding>,
    inputs: &mut Inputs,
    errors: &mut Vec<Error>,
) -> Result<InputRecord> {
    if !KINDS.iter().any(|k| k.0 == stem) {
        let files = KINDS
            .iter()
            .map(|k| format!("{}.csv", k.0))
            .collect::<Vec<_>>()
            .join(super::check::sep().as_str());
        return Err(Error::Usage(crate::t!(
            "input-unknown-kind-file",
            file = display,
            files = files
        )));
    }
    if crate::util::table::is_spreadsheet(path) {
        let table = read_table(path, display, encoding)?;
        return load_table(&table, stem, inputs, errors);
    }
    if let Some(record) =
        super::stream::load_in_parts(path, display, stem, encoding, inputs, errors)?
    {
        return Ok(record);
    }
    let bytes = crate::util::table::read_bytes(path, display, true)?;
    let csv = CsvText::new(&bytes, display, encoding)?;
    let sheet = match super::columns::match_headers(stem, display, &csv.headers) {
        Ok(sheet) => sheet,
        Err(e) => {
            // A malformed row is reported first, as when the table is read before its headers
            // are matched.
            csv.fold_rows(|| (), |_, _| ())?;
            return Err(e);
        }
    };
    inputs.headers.insert(display.to_string(), sheet.written());
    let before = errors.len();
    // Hashed beside reading the rows, once the file is known to be a table (a hostile file is
    // refused without the cost).
    let sha256 = || crate::util::hash::sha256_hex(&bytes);
    let (read, sha256) = read_rows(&csv, stem, &sheet, sha256, &Spare::default(), inputs, errors)?;
    Ok(record(stem, display, sha256, read as u64, (errors.len() - before) as u64))
}

/// Vectors a chunk's findings were moved out of, to hold another chunk's (no fresh pages to
/// clear, no growing).
pub(super) type Spare = std::sync::Mutex<Vec<Vec<Finding>>>;

/// Read the data rows of `csv` (kind `stem`) into `inputs` and their errors into `errors`, with
/// `beside` run meanwhile: the rows read (used or rejected) and what `beside` gave. A chunk's
/// findings go first into a vector of `spare`, which gets it back.
pub(super) fn read_rows<T: Send>(
    csv: &CsvText<'_>,
    stem: &str,
    sheet: &Sheet<'_>,
    beside: impl FnOnce() -> T + Send,
    spare: &Spare,
    inputs: &mut Inputs,
    errors: &mut Vec<Error>,
) -> Result<(usize, T)> {
    let file = sheet.name();
    let init = || {
        let findings = spare.lock().ok().and_then(|mut s| s.pop()).unwrap_or_default();
        (Inputs { findings, ..Default::default() }, Vec::new(), Interner::new(file.clone()))
    };
    let (parts, other) = rayon::join(
        || {
            csv.fold_rows(
                init,
                |(part, errors, names): &mut (Inputs, Vec<Error>, Interner), row| {
                    if let Err(e) = read_row(stem, sheet, row, part, names) {
                        errors.push(e);
                    }
                },
            )
        },
        beside,
    );
    let mut parts = parts?;
    let read = parts.iter().map(|(part, errors, _)| part.rows() + errors.len()).sum();
    move_findings(&mut parts, &mut inputs.findings);
    for (mut part, part_errors, _) in parts {
        let emptied = std::mem::take(&mut part.findings);
        if let Ok(mut spare) = spare.lock()
            && emptied.capacity() > 0
        {
            spare.push(emptied);
        }
        inputs.append(&mut part);
        errors.extend(part_errors);
    }
    Ok((read, other))
}

/// Seal each chunk's texts and move its findings after `findings`, the chunks side by side on
/// rayon's threads (the findings of a part are tens of megabytes).
fn move_findings(parts: &mut [(Inputs, Vec<Error>, Interner)], findings: &mut Vec<Finding>) {
    use rayon::prelude::*;
    let found: usize = parts.iter().map(|(part, _, _)| part.findings.len()).sum();
    // Grown part by part, not reserved for the whole file: the part's findings are held twice
    // meanwhile, not every finding (large blocks are remapped as they grow, not copied).
    findings.reserve(found);
    let mut spare = &mut findings.spare_capacity_mut()[..found];
    let mut slots = Vec::with_capacity(parts.len());
    for (part, _, _) in parts.iter() {
        let (mine, rest) = std::mem::take(&mut spare).split_at_mut(part.findings.len());
        slots.push(mine);
        spare = rest;
    }
    parts.par_iter_mut().zip(slots).for_each(|((part, _, names), slots)| {
        std::mem::take(names).seal();
        for (slot, f) in slots.iter_mut().zip(part.findings.drain(..)) {
            slot.write(f);
        }
    });
    // SAFETY: the `found` slots after the findings were each written once above (each chunk's
    // slots are as many as its findings, and every finding was moved into one).
    unsafe { findings.set_len(findings.len() + found) };
}

/// Read a table of kind `stem` (a file, or a sheet of a workbook) into `inputs`.
pub fn load_table(
    table: &Table,
    stem: &str,
    inputs: &mut Inputs,
    errors: &mut Vec<Error>,
) -> Result<InputRecord> {
    let sheet = super::columns::match_headers(stem, &table.file, &table.headers)?;
    inputs.headers.insert(table.file.clone(), sheet.written());
    let before = errors.len();
    let mut names = Interner::new(sheet.name());
    for row in &table.rows {
        if let Err(e) = read_row(stem, &sheet, &row.view(), inputs, &mut names) {
            errors.push(e);
        }
    }
    names.seal();
    let (read, rejected) = (table.rows.len() as u64, (errors.len() - before) as u64);
    Ok(record(stem, &table.file, table.sha256.clone(), read, rejected))
}

/// What a file of kind `stem` held: rows read, used and rejected.
pub(super) fn record(
    stem: &str,
    path: &str,
    sha256: String,
    read: u64,
    rejected: u64,
) -> InputRecord {
    InputRecord {
        kind: stem.to_string(),
        path: path.to_string(),
        sha256,
        rows_read: read,
        rows_used: read - rejected,
        rows_rejected: rejected,
    }
}

/// Attach each appeal to the finding it names. An appeal naming no finding, or a second appeal on
/// the same finding, is an error with its line.
pub fn attach_appeals(inputs: &mut Inputs) -> Result<()> {
    let mut errors = Vec::new();
    let appeals = std::mem::take(&mut inputs.appeals);
    let found = finding_positions(&inputs.findings, &appeals);
    for (a, found) in appeals.iter().zip(found) {
        let loc = || inputs_cell(&inputs.headers, &a.source, "finding");
        match found {
            None => {
                let ids = inputs.findings.iter().filter_map(|f| f.id());
                let close = super::check::close_matches(&a.finding, ids);
                let hint = super::check::hint(&close);
                errors.push(Error::at(
                    loc(),
                    crate::t!("input-appeal-no-finding", finding = a.finding.as_str(), hint = hint),
                ));
            }
            Some(i) => match &inputs.findings[i].appeal {
                Some(p) => {
                    let first = p.source.to_string();
                    errors.push(Error::at(
                        loc(),
                        crate::t!(
                            "input-appeal-twice",
                            finding = a.finding.as_str(),
                            first = first
                        ),
                    ))
                }
                None => inputs.findings[i].appeal = Some(Box::new(a.clone())),
            },
        }
    }
    inputs.appeals = appeals;
    Error::collect(errors)
}

/// The position of the (first) finding each appeal names, if any.
fn finding_positions(findings: &[Finding], appeals: &[Appeal]) -> Vec<Option<usize>> {
    if appeals.is_empty() {
        return Vec::new();
    }
    let mut by_id: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for (i, f) in findings.iter().enumerate() {
        if let Some(id) = f.id() {
            by_id.entry(id).or_insert(i);
        }
    }
    appeals.iter().map(|a| by_id.get(a.finding.as_str()).copied()).collect()
}

/// [`Inputs::cell`] for a borrowed header map.
fn inputs_cell(
    headers: &std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
    source: &Location,
    key: &str,
) -> Location {
    let header = headers.get(&*source.file).and_then(|h| h.get(key));
    source.clone().with_column(header.map_or(key, String::as_str))
}

fn cell<'a>(t: &Sheet, row: &RowRef<'a>, key: &str) -> &'a str {
    cell_at(row, t.column(key))
}

/// The cell of column `i` (empty when none).
fn cell_at<'a>(row: &RowRef<'a>, i: Option<usize>) -> &'a str {
    i.and_then(|i| row.cell(i)).unwrap_or("")
}

fn required<'a>(t: &Sheet, row: &RowRef<'a>, key: &str) -> Result<&'a str> {
    filled(t, row.line, key, cell(t, row, key))
}

/// `v`, the cell of `key` on `line`, which must not be empty.
fn filled<'a>(t: &Sheet, line: u64, key: &str, v: &'a str) -> Result<&'a str> {
    if v.is_empty() {
        let header = t.header(key);
        return Err(Error::at(t.at(line, key), crate::t!("input-empty-cell", column = header)));
    }
    Ok(v)
}

fn parsed<T>(
    t: &Sheet,
    row: &RowRef<'_>,
    key: &str,
    f: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T> {
    f(cell(t, row, key)).map_err(|m| Error::at(t.at(row.line, key), m))
}

fn optional(s: &str) -> Option<String> {
    if s.is_empty() { None } else { Some(s.to_string()) }
}

/// An optional date cell: checked when given.
fn optional_date(t: &Sheet, row: &RowRef<'_>, key: &str) -> Result<Option<chrono::NaiveDate>> {
    if cell(t, row, key).is_empty() {
        return Ok(None);
    }
    parsed(t, row, key, parse::date).map(Some)
}

/// Read one row of kind `stem`; `names` shares the texts findings repeat.
fn read_row(
    stem: &str,
    t: &Sheet,
    row: &RowRef<'_>,
    inputs: &mut Inputs,
    names: &mut Interner,
) -> Result<()> {
    if stem == "findings" {
        // Findings may be millions: no location is made for them ([`Finding::source`]).
        inputs.findings.push(finding_row(t, row, names)?);
        return Ok(());
    }
    let source = t.cite(row.line);
    let evidence = || evidence(t, row);
    match stem {
        "agencies" => inputs.agencies.push(Agency {
            id: required(t, row, "id")?.to_string(),
            name: required(t, row, "name")?.to_string(),
            group: required(t, row, "group")?.to_string(),
            parent: optional(cell(t, row, "parent")),
            source,
        }),
        "tasks" => inputs.tasks.push(task_row(t, row, source)?),
        "measures" => inputs.measures.push(MeasureRecord {
            // The date is optional but, when given, must be a date.
            agency: {
                optional_date(t, row, "date")?;
                required(t, row, "agency")?.to_string()
            },
            indicator: required(t, row, "indicator")?.to_string(),
            value: parsed(t, row, "value", parse::decimal)?,
            evidence: evidence(),
            source,
        }),
        "awards" => inputs.awards.push(Award {
            id: optional(cell(t, row, "id")),
            agency: required(t, row, "agency")?.to_string(),
            bonus: required(t, row, "bonus")?.to_string(),
            count: parsed(t, row, "count", |s| parse::count(s, 1))?,
            evidence: evidence(),
            source,
        }),
        "lookback" => inputs.lookback.push(PriorFinding {
            id: optional(cell(t, row, "id")),
            agency: required(t, row, "agency")?.to_string(),
            kind: required(t, row, "kind")?.to_string(),
            status: parsed(t, row, "status", |s| {
                Rectification::parse(s)
                    .ok_or_else(|| crate::t!("input-unknown-rectification", status = s))
            })?,
            evidence: evidence(),
            source,
        }),
        "survey" => inputs.surveys.push(survey_row(t, row, source)?),
        "appeals" => inputs.appeals.push(appeal_row(t, row, source)?),
        _ => unreachable!("KINDS lists every stem"),
    }
    Ok(())
}

/// A row of findings (its cells checked in the order of the columns' keys).
/// (The columns are the sheet's [`super::columns::FindingColumns`], not looked up by key.)
fn finding_row(t: &Sheet, row: &RowRef<'_>, names: &mut Interner) -> Result<Finding> {
    let (c, line) = (&t.finding, row.line);
    let at = |i| cell_at(row, i);
    let text = names.row_text(at(c.id), &joined(at(c.evidence), at(c.note)), line);
    let agency = names.get_again(filled(t, line, "agency", at(c.agency))?);
    let kind = names.get(filled(t, line, "kind", at(c.kind))?);
    let count = parse::count(at(c.count), 1).map_err(|m| Error::at(t.at(line, "count"), m))?;
    let date = match at(c.date) {
        "" => None,
        s => Some(parse::date(s).map_err(|m| Error::at(t.at(line, "date"), m))?),
    };
    let mut finding = Finding::new(text, agency, kind, count);
    finding.date = date;
    Ok(finding)
}

/// The evidence of a row: its `evidence` and `note` cells.
fn evidence(t: &Sheet, row: &RowRef<'_>) -> String {
    joined(cell(t, row, "evidence"), cell(t, row, "note")).into_owned()
}

/// The evidence of evidence cell `e` and note cell `n`, borrowed from the row when one cell
/// holds it.
fn joined<'a>(e: &'a str, n: &'a str) -> Cow<'a, str> {
    match (e.is_empty(), n.is_empty()) {
        (false, false) => Cow::Owned(format!("{e} ({n})")),
        (false, true) => Cow::Borrowed(e),
        (true, false) => Cow::Borrowed(n),
        (true, true) => Cow::Borrowed(""),
    }
}

/// The words a task's `status` cell may hold, by status (what the template's drop-down lists).
pub const TASK_STATUS_WORDS: [(&str, &[&str]); 3] = [
    ("done", &["已完成", "完成", "done"]),
    ("not_done", &["未完成", "not_done"]),
    ("not_applicable", &["不适用", "not_applicable"]),
];

/// What `word` (a cell's [`super::resolve::key`]) says among `words` (their keys made once, in
/// `keys`).
fn word_of(
    keys: &'static std::sync::OnceLock<Vec<(&'static str, Vec<String>)>>,
    words: &[(&'static str, &[&str])],
    word: &str,
) -> Option<&'static str> {
    let keys = keys.get_or_init(|| {
        let each = |ws: &[&str]| ws.iter().map(|w| super::resolve::key(w)).collect();
        words.iter().map(|(what, ws)| (*what, each(ws))).collect()
    });
    keys.iter().find(|(_, ws)| ws.iter().any(|w| w == word)).map(|(what, _)| *what)
}

/// A row of tasks: the status, and a completion date exactly when it is done.
fn task_row(t: &Sheet, row: &RowRef<'_>, source: Location) -> Result<TaskRecord> {
    let completed = cell(t, row, "completed");
    let without_date = |status: TaskStatus, name: &str| {
        if completed.is_empty() {
            return Ok(status);
        }
        Err(Error::at(
            t.at(row.line, "completed"),
            crate::t!("input-status-with-date", status = name),
        ))
    };
    static KEYS: std::sync::OnceLock<Vec<(&str, Vec<String>)>> = std::sync::OnceLock::new();
    let word = super::resolve::key(cell(t, row, "status"));
    let status = word_of(&KEYS, &TASK_STATUS_WORDS, &word);
    let status = match status {
        None if word.is_empty() && completed.is_empty() => TaskStatus::NotDone,
        None if word.is_empty() => TaskStatus::Done(parsed(t, row, "completed", parse::date)?),
        Some("done") => TaskStatus::Done(parsed(t, row, "completed", parse::date)?),
        Some("not_done") => without_date(TaskStatus::NotDone, "not_done")?,
        Some(_) => without_date(TaskStatus::NotApplicable, "not_applicable")?,
        None => {
            let other = cell(t, row, "status");
            return Err(Error::at(
                t.at(row.line, "status"),
                crate::t!("input-unknown-task-status", status = other),
            ));
        }
    };
    Ok(TaskRecord {
        agency: required(t, row, "agency")?.to_string(),
        task: required(t, row, "task")?.to_string(),
        status,
        evidence: evidence(t, row),
        source,
    })
}

/// A row of survey results.
fn survey_row(t: &Sheet, row: &RowRef<'_>, source: Location) -> Result<SurveyResult> {
    // The interval and effective sample size are not scored: they are kept for the report.
    let opt = |col: &str| -> Result<Option<rust_decimal::Decimal>> {
        if cell(t, row, col).is_empty() {
            Ok(None)
        } else {
            Ok(Some(parsed(t, row, col, parse::decimal)?))
        }
    };
    let (ci_low, ci_high, n_eff) = (opt("ci_low")?, opt("ci_high")?, opt("n_eff")?);
    Ok(SurveyResult {
        agency: required(t, row, "agency")?.to_string(),
        survey: required(t, row, "survey")?.to_string(),
        index: parsed(t, row, "index", parse::decimal)?,
        ci_low,
        ci_high,
        n: if cell(t, row, "n").is_empty() {
            None
        } else {
            Some(u64::from(parsed(t, row, "n", |s| parse::count(s, 0))?))
        },
        n_eff,
        below_minimum: parsed(t, row, "below_minimum", parse::flag)?,
        source,
    })
}

/// The words an appeal's `decision` cell may hold, by decision (what the template lists).
pub const DECISION_WORDS: [(&str, &[&str]); 4] = [
    ("upheld", &["维持", "upheld"]),
    ("overturned", &["撤销", "纠正", "overturned"]),
    ("partly", &["部分撤销", "部分维持", "partly"]),
    ("pending", &["待复核", "复核中", "pending"]),
];

/// A row of appeals: the decision, and new points exactly when partly upheld.
fn appeal_row(t: &Sheet, row: &RowRef<'_>, source: Location) -> Result<Appeal> {
    let points = cell(t, row, "points");
    static KEYS: std::sync::OnceLock<Vec<(&str, Vec<String>)>> = std::sync::OnceLock::new();
    let word = super::resolve::key(cell(t, row, "decision"));
    let decision = word_of(&KEYS, &DECISION_WORDS, &word);
    let decision = match decision {
        Some("upheld") => AppealDecision::Upheld,
        Some("overturned") => AppealDecision::Overturned,
        Some("pending") => AppealDecision::Pending,
        Some(_) => AppealDecision::Partly(parsed(t, row, "points", |s| {
            let d =
                parse::decimal(s).map_err(|_| crate::t!("input-partly-needs-points", value = s))?;
            if d.is_sign_negative() && !d.is_zero() {
                return Err(crate::t!("input-negative-points", value = s));
            }
            Ok(d)
        })?),
        None => {
            let other = cell(t, row, "decision");
            return Err(Error::at(
                t.at(row.line, "decision"),
                crate::t!("input-unknown-decision", decision = other),
            ));
        }
    };
    if !points.is_empty() && !matches!(decision, AppealDecision::Partly(_)) {
        return Err(Error::at(t.at(row.line, "points"), crate::t!("input-points-not-partly")));
    }
    Ok(Appeal {
        finding: required(t, row, "finding")?.to_string(),
        decision,
        date: optional_date(t, row, "date")?,
        note: cell(t, row, "note").to_string(),
        source,
    })
}
