//! Importing survey exports: stream each file, classify every row ([`screen`]), and accumulate
//! the integer statistics ([`stats`]) and the accounting that proves no row was lost.
//!
//! CSV files are streamed in blocks of a few MiB, cut at a record boundary (a newline outside
//! quotes: in RFC 4180 CSV a newline ends a record exactly when an even number of `"` precede it
//! in the file, and neither `\n` nor `"` can occur inside a GB18030 multi-byte character, so the
//! cut is also safe before decoding). Blocks are decoded and classified on all cores in any
//! order; their results are folded into the totals one block at a time, in file order, so
//! duplicate screening
//! ("keep the first") and every output are the same at any thread count. Spreadsheets (.xls,
//! .xlsx) are small and read whole.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Location, Result};
use crate::survey::blocks::{Blocks, Records, block_error, newlines, pipeline};
use crate::survey::questionnaire::{AnswerForm, Questionnaire};
use crate::survey::screen::{self, Dedup, Outcome, Pending, Plan};
use crate::survey::stats::SurveyStats;
use crate::survey::wjx;
use crate::util::encoding::TextEncoding;

/// How to read the files.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Override encoding detection for CSV files.
    pub encoding: Option<TextEncoding>,
    /// Override the questionnaire's `answers` form.
    pub answers: Option<AnswerForm>,
    /// Do not keep the valid responses (no `responses.csv`): about 8 bytes less per response,
    /// for very large imports whose responses will not be bootstrapped.
    pub no_responses: bool,
}

/// Counts of what became of the rows rating one agency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub rows: u64,
    pub valid: u64,
    /// Per screening rule, in [`screen::rule_names`] order.
    pub screened: Vec<u64>,
    pub rejected: u64,
}

impl Tally {
    pub fn new(rules: usize) -> Tally {
        Tally { screened: vec![0; rules], ..Tally::default() }
    }
    pub fn merge(&mut self, o: &Tally) {
        self.rows += o.rows;
        self.valid += o.valid;
        self.rejected += o.rejected;
        for (a, b) in self.screened.iter_mut().zip(&o.screened) {
            *a += b;
        }
    }
    /// valid + screened + rejected: must equal `rows`.
    pub fn accounted(&self) -> u64 {
        self.valid + self.screened.iter().sum::<u64>() + self.rejected
    }
}

/// A row excluded by a screening rule.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ScreenedRow {
    pub file: u32,
    pub line: u64,
    pub agency: u32,
    pub rule: u16,
}

/// A row that could not be read as a response.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RejectedRow {
    pub file: u32,
    pub line: u64,
    /// `None` when the agency itself could not be resolved.
    pub agency: Option<u32>,
    pub reason: String,
}

/// One input file as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub file: String,
    pub sha256: String,
    /// `UTF-8`, `GB18030`, … or `spreadsheet`.
    pub encoding: String,
    pub rows: u64,
}

/// One valid response: the agency rated, the respondent group and the respondent score y in
/// millionths (what [`SurveyStats::add`] adds to that agency × group's moments), packed in 64 bits so
/// that ten million responses take 80 MB: agency 24 bits, group 13 bits, y 27 bits (0 to
/// 134,217,727 ⊇ 0–100,000,000, as scale values lie in 0–100).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response(u64);

impl Response {
    const Y_BITS: u32 = 27;
    const GROUP_BITS: u32 = 13;

    /// `None` when a part does not fit its bits.
    pub fn try_new(agency: u32, group: u32, y: i64) -> Option<Response> {
        let fits = agency < 1 << 24
            && group < 1 << Self::GROUP_BITS
            && (0..1 << Self::Y_BITS).contains(&y);
        fits.then_some(Response(
            (agency as u64) << (Self::GROUP_BITS + Self::Y_BITS)
                | (group as u64) << Self::Y_BITS
                | y as u64,
        ))
    }
    /// Panics beyond 16,777,215 agencies or 8,191 groups (a respondent score is always 0–100).
    pub fn new(agency: u32, group: u32, y: i64) -> Response {
        Response::try_new(agency, group, y).unwrap_or_else(|| {
            panic!("response out of range: agency {agency}, group {group}, y {y}")
        })
    }
    pub fn agency(self) -> u32 {
        (self.0 >> (Self::GROUP_BITS + Self::Y_BITS)) as u32
    }
    pub fn group(self) -> u32 {
        ((self.0 >> Self::Y_BITS) & ((1 << Self::GROUP_BITS) - 1)) as u32
    }
    pub fn y(self) -> i64 {
        (self.0 & ((1 << Self::Y_BITS) - 1)) as i64
    }
}

/// Everything an import (or a merge of imports) produces.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub stats: SurveyStats,
    /// Every valid response in file order (files in the order given). `None` when read back from
    /// an import directory without `responses.csv` (written before responses were kept).
    pub responses: Option<Vec<Response>>,
    /// One per agency, then one for rows whose agency could not be resolved.
    pub tallies: Vec<Tally>,
    pub screened: Vec<ScreenedRow>,
    pub rejected: Vec<RejectedRow>,
    pub inputs: Vec<InputFile>,
}

impl Imported {
    pub fn empty(q: &Questionnaire) -> Imported {
        let rules = screen::rule_names(q).len();
        Imported {
            stats: SurveyStats::new(q),
            responses: Some(Vec::new()),
            tallies: vec![Tally::new(rules); q.agencies.len() + 1],
            screened: Vec::new(),
            rejected: Vec::new(),
            inputs: Vec::new(),
        }
    }

    pub fn total(&self) -> Tally {
        let mut t = Tally::new(self.tallies[0].screened.len());
        for x in &self.tallies {
            t.merge(x);
        }
        t
    }
}

/// Rows of one block, classified.
#[derive(Default)]
struct Block {
    /// (line within the block, 1-based, outcome).
    rows: Vec<(u64, Outcome)>,
    /// Answers of the valid rows, `questions` bytes each, in row order.
    answers: Vec<u8>,
    /// The response ids (序号) of the block's rows.
    ids: IdRun,
}

/// The response ids (问卷星's 序号) of a run of rows, summarised: whether they rise strictly, and
/// their range. Ids that rise strictly within each file, in ranges that do not overlap, cannot
/// repeat a response; anything else is checked exactly ([`check_response_ids`]).
#[derive(Debug, Clone, Default)]
struct IdRun {
    first: Option<u64>,
    last: Option<u64>,
    min: u64,
    max: u64,
    /// Some id did not rise, or was not a number.
    unordered: bool,
}

impl IdRun {
    fn push(&mut self, id: Option<u64>) {
        let Some(v) = id else {
            self.unordered = true;
            return;
        };
        self.append(&IdRun { first: Some(v), last: Some(v), min: v, max: v, unordered: false });
    }

    fn append(&mut self, o: &IdRun) {
        self.unordered |= o.unordered;
        let Some(first) = o.first else { return };
        match self.last {
            Some(last) if first <= last => self.unordered = true,
            _ => {}
        }
        if self.first.is_none() {
            (self.first, self.min, self.max) = (Some(first), o.min, o.max);
        }
        self.last = o.last;
        self.min = self.min.min(o.min);
        self.max = self.max.max(o.max);
    }

    fn overlaps(&self, o: &IdRun) -> bool {
        self.first.is_some() && o.first.is_some() && self.min <= o.max && o.min <= self.max
    }
}

/// How many rows ahead the fold prefetches duplicate-key slots.
const PREFETCH_AHEAD: usize = 12;

struct Accumulator<'q> {
    q: &'q Questionnaire,
    out: Imported,
    dedup: Dedup,
    dup_rule: u16,
    nq: usize,
    unresolved: usize,
    /// When rows are held to the end ([`Dedup::holds`]), the (file, line) of each response in
    /// `out.responses`: the winners of held keys are only known at the end, so responses are put
    /// in file order then.
    positions: Vec<(u32, u64)>,
    holds: bool,
    /// Per file read so far: its response ids; `None` when it has no 序号 column.
    ids: Vec<Option<IdRun>>,
}

/// A valid row (before duplicate screening) as it is folded.
struct Row {
    file: u32,
    line: u64,
    agency: u32,
    group: u16,
    y: i64,
    submitted: i64,
    rated: bool,
}

impl<'q> Accumulator<'q> {
    fn new(q: &'q Questionnaire, held: screen::KeyHashSet) -> Self {
        let dedup = Dedup::new(q, held);
        Accumulator {
            q,
            out: Imported::empty(q),
            holds: dedup.holds(),
            dedup,
            dup_rule: screen::duplicate_rule(q),
            nq: q.questions.len(),
            unresolved: q.agencies.len(),
            positions: Vec::new(),
            ids: Vec::new(),
        }
    }

    /// Fold one block's rows in order; `base` is the file line before the block's first line.
    fn fold(&mut self, file: u32, base: u64, block: Block) -> u64 {
        if let Some(Some(run)) = self.ids.get_mut(file as usize) {
            run.append(&block.ids);
        }
        let mut next = 0;
        let mut rows = 0;
        let mut it = block.rows.into_iter();
        while let Some((rel, outcome)) = it.next() {
            self.prefetch(it.as_slice());
            let line = base + rel;
            rows += 1;
            match outcome {
                Outcome::Valid { agency, group, y, key, submitted, rated } => {
                    let answers = &block.answers[next..next + self.nq];
                    next += self.nq;
                    self.out.tallies[agency as usize].rows += 1;
                    let row = Row { file, line, agency, group, y, submitted, rated };
                    self.dedup_row(row, key, answers);
                }
                Outcome::Screened { agency, rule } => {
                    self.out.tallies[agency as usize].rows += 1;
                    self.screen(file, line, agency, rule);
                }
                Outcome::Rejected { agency, reason } => {
                    let t = agency.map(|a| a as usize).unwrap_or(self.unresolved);
                    self.out.tallies[t].rows += 1;
                    self.out.tallies[t].rejected += 1;
                    self.out.rejected.push(RejectedRow { file, line, agency, reason });
                }
            }
        }
        rows
    }

    /// Prefetch the counts and the duplicate-key slot of the row [`PREFETCH_AHEAD`] rows on (of
    /// `ahead`, the rows still to fold), so that its fold finds them in the cache.
    #[inline]
    fn prefetch(&self, ahead: &[(u64, Outcome)]) {
        let Some((_, Outcome::Valid { agency, group, key, .. })) = ahead.get(PREFETCH_AHEAD) else {
            return;
        };
        self.out.stats.prefetch(*agency as usize, *group as usize);
        if let (Dedup::First(e), Some(k)) = (&self.dedup, key) {
            e.seen.prefetch(*k);
        }
    }

    /// Duplicate screening of one valid row: count it now, screen it as a duplicate, or hold it
    /// until the end of the import.
    fn dedup_row(&mut self, row: Row, key: Option<u64>, answers: &[u8]) {
        let Some(k) = key else {
            return self.keep(row, answers);
        };
        let pending = |row: &Row| Pending {
            file: row.file,
            line: row.line,
            agency: row.agency,
            group: row.group,
            y: row.y,
            submitted: row.submitted,
            rated: row.rated,
            answers: answers.to_vec(),
        };
        // (the map of held rows, whether a new row replaces an old one of equal time)
        let (map, ties_to_new) = match &mut self.dedup {
            Dedup::None => return self.keep(row, answers),
            Dedup::First(e) if !e.held_keys.contains(&k) => {
                match e.seen.insert(k, screen::stored_time(row.submitted)) {
                    None => return self.keep(row, answers),
                    Some(t) => {
                        if screen::stored_time(row.submitted) < t {
                            e.out_of_order.insert(k);
                        }
                        return self.screen(row.file, row.line, row.agency, self.dup_rule);
                    }
                }
            }
            Dedup::First(e) => (&mut e.held, false),
            Dedup::Latest(map) => (map, true),
        };
        // Rows arrive in file order: a tie in time goes to the later row for "latest", to the
        // earlier for "first".
        let loser = match map.get(&k) {
            None => {
                map.insert(k, pending(&row));
                return;
            }
            Some(old) => {
                let new_wins = if ties_to_new {
                    row.submitted >= old.submitted
                } else {
                    row.submitted < old.submitted
                };
                if new_wins {
                    let old = map.insert(k, pending(&row)).expect("present");
                    (old.file, old.line, old.agency)
                } else {
                    (row.file, row.line, row.agency)
                }
            }
        };
        self.screen(loser.0, loser.1, loser.2, self.dup_rule);
    }

    /// A row that duplicate screening kept: valid, or screened when it has no rated answer.
    fn keep(&mut self, row: Row, answers: &[u8]) {
        if !row.rated {
            return self.screen(row.file, row.line, row.agency, self.dup_rule - 1);
        }
        let a = row.agency as usize;
        self.out.tallies[a].valid += 1;
        self.out.stats.add(self.q, a, row.group as usize, answers, row.y);
        if let Some(r) = &mut self.out.responses {
            r.push(Response::new(row.agency, row.group as u32, row.y));
        }
        if self.holds {
            self.positions.push((row.file, row.line));
        }
    }

    fn screen(&mut self, file: u32, line: u64, agency: u32, rule: u16) {
        self.out.tallies[agency as usize].screened[rule as usize] += 1;
        self.out.screened.push(ScreenedRow { file, line, agency, rule });
    }

    /// The keys found out of order on this pass (`keep = "first"`), if any.
    fn out_of_order(&mut self) -> screen::KeyHashSet {
        match &mut self.dedup {
            Dedup::First(e) => std::mem::take(&mut e.out_of_order),
            _ => Default::default(),
        }
    }

    fn finish(mut self) -> Imported {
        let held = match std::mem::replace(&mut self.dedup, Dedup::None) {
            Dedup::Latest(map) => map,
            Dedup::First(e) => e.held,
            Dedup::None => Default::default(),
        };
        let mut winners: Vec<Pending> = held.into_values().collect();
        winners.sort_by_key(|p| (p.file, p.line));
        for p in winners {
            let row = Row {
                file: p.file,
                line: p.line,
                agency: p.agency,
                group: p.group,
                y: p.y,
                submitted: p.submitted,
                rated: p.rated,
            };
            self.keep(row, &p.answers);
        }
        if self.holds
            && let Some(r) = &mut self.out.responses
        {
            let mut order: Vec<usize> = (0..r.len()).collect();
            order.sort_by_key(|&i| self.positions[i]);
            *r = order.into_iter().map(|i| r[i]).collect();
        }
        self.out.screened.sort();
        self.out.rejected.sort();
        self.out
    }
}

/// Import files (in the order given) against a questionnaire.
///
/// With `keep = "first"`, a key whose earliest submission is not its first row in file order is
/// found on a first pass; the import then runs once more holding that key's rows to the end (see
/// [`screen::Earliest`]). Exports list responses in submission order, so this is rare.
pub fn import(q: &Questionnaire, files: &[PathBuf], opts: Options) -> Result<Imported> {
    let mut acc = import_pass(q, files, opts, Default::default())?;
    check_same_content(&acc.out.inputs)?;
    check_response_ids(files, &acc.ids, opts)?;
    let out_of_order = acc.out_of_order();
    if out_of_order.is_empty() {
        return Ok(acc.finish());
    }
    drop(acc);
    let mut acc = import_pass(q, files, opts, out_of_order)?;
    if !acc.out_of_order().is_empty() {
        return Err(Error::Usage(crate::t!("survey-internal-second-pass")));
    }
    Ok(acc.finish())
}

/// Refuse an export given twice: two inputs with the same bytes.
fn check_same_content(inputs: &[InputFile]) -> Result<()> {
    for (j, b) in inputs.iter().enumerate() {
        if let Some(a) = inputs[..j].iter().find(|a| a.sha256 == b.sha256) {
            return Err(Error::at(
                Location::file(b.file.clone()),
                crate::t!(
                    "survey-same-content",
                    other = a.file,
                    sha256 = &a.sha256[..a.sha256.len().min(12)]
                ),
            ));
        }
    }
    Ok(())
}

/// Refuse a response read twice: the same 序号 and 提交答卷时间 on two rows (two downloads of one
/// export merged into one file, or given as two files). Files whose ids rise strictly, in ranges
/// that do not overlap, are cleared from their summaries; otherwise the files are read again for
/// their ids alone.
fn check_response_ids(files: &[PathBuf], runs: &[Option<IdRun>], opts: Options) -> Result<()> {
    let known: Vec<(usize, &IdRun)> =
        runs.iter().enumerate().filter_map(|(i, r)| r.as_ref().map(|r| (i, r))).collect();
    let overlap =
        known.iter().enumerate().any(|(j, (_, a))| known[..j].iter().any(|(_, b)| a.overlaps(b)));
    if !overlap && known.iter().all(|(_, r)| !r.unordered) {
        return Ok(());
    }
    let mut seen: std::collections::HashMap<(String, String), (usize, u64)> = Default::default();
    for &(i, _) in &known {
        let display = files[i].display().to_string();
        for_each_response_id(&files[i], &display, opts, &mut |line, id, submitted| match seen
            .entry((id.to_string(), submitted.to_string()))
        {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert((i, line));
                Ok(())
            }
            std::collections::hash_map::Entry::Occupied(o) => {
                let (f, l) = *o.get();
                Err(Error::at(
                    Location::line(display.clone(), line),
                    crate::t!(
                        "survey-response-twice",
                        id = id,
                        submitted = submitted,
                        first = format!("{}:{l}", files[f].display())
                    ),
                ))
            }
        })?;
    }
    Ok(())
}

/// Call `f(line, 序号, 提交答卷时间)` for every record of a file that has a 序号 column.
fn for_each_response_id(
    path: &Path,
    display: &str,
    opts: Options,
    f: &mut dyn FnMut(u64, &str, &str) -> Result<()>,
) -> Result<()> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if matches!(ext.as_str(), "xls" | "xlsx" | "xlsm" | "ods") {
        let table = crate::util::table::read_table(path, display, None)?;
        let Some(id) = table.headers.iter().position(|h| h.trim() == wjx::RESPONSE_ID) else {
            return Ok(());
        };
        let at = table.headers.iter().position(|h| h.trim() == "提交答卷时间");
        for row in &table.rows {
            let cell = |i: Option<usize>| i.and_then(|i| row.cells.get(i)).map(|c| c.trim());
            if cell(Some(id)).is_none_or(str::is_empty) {
                continue;
            }
            f(row.line, cell(Some(id)).unwrap_or(""), cell(at).unwrap_or(""))?;
        }
        return Ok(());
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut blocks = Blocks::new(file, None);
    let io = |e| block_error(path, display, e);
    let Some(first) = blocks.next_block().map_err(io)? else { return Ok(()) };
    let (encoding, bom) = detect(&first, opts.encoding);
    let mut texts: Box<dyn Iterator<Item = Result<Vec<u8>>>> =
        if matches!(encoding, TextEncoding::Utf16Le | TextEncoding::Utf16Be) {
            let mut all = first;
            while let Some(b) = blocks.next_block().map_err(io)? {
                all.extend_from_slice(&b);
            }
            let (text, _) = crate::util::encoding::decode(&all, display, Some(encoding))?;
            Box::new(std::iter::once(Ok(text.into_bytes())))
        } else {
            let first = to_utf8(&first[bom..], encoding).into_owned();
            let rest = std::iter::from_fn(move || match blocks.next_block() {
                Ok(Some(b)) => Some(Ok(to_utf8(&b, encoding).into_owned())),
                Ok(None) => None,
                Err(e) => Some(Err(block_error(path, display, e))),
            });
            Box::new(std::iter::once(Ok(first)).chain(rest))
        };
    // (id column, time column, width): rows of another width are rejected by the import anyway.
    let (mut cols, mut base) = (None, 0u64);
    while let Some(text) = texts.next().transpose()? {
        let mut rdr =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&text[..]);
        let mut rec = csv::ByteRecord::new();
        while let Ok(true) = rdr.read_byte_record(&mut rec) {
            if rec.iter().all(|x| x.iter().all(u8::is_ascii_whitespace)) {
                continue;
            }
            let text_of =
                |i: usize| String::from_utf8_lossy(rec.get(i).unwrap_or(b"")).trim().to_string();
            let Some((id, at, width)) = cols else {
                let headers: Vec<String> = (0..rec.len()).map(text_of).collect();
                let Some(id) = headers.iter().position(|h| h == wjx::RESPONSE_ID) else {
                    return Ok(());
                };
                cols = Some((id, headers.iter().position(|h| h == "提交答卷时间"), rec.len()));
                continue;
            };
            if rec.len() != width || text_of(id).is_empty() {
                continue;
            }
            let line =
                rec.position().map(|p| crate::util::table::record_line(&text, p)).unwrap_or(0);
            f(base + line, &text_of(id), &at.map(text_of).unwrap_or_default())?;
        }
        base += newlines(&text);
    }
    Ok(())
}

/// A run of ASCII digits as a number (`None` for anything else, or beyond u64).
fn ascii_u64(b: &[u8]) -> Option<u64> {
    if b.is_empty() || b.len() > 19 {
        return None;
    }
    b.iter().try_fold(0u64, |n, &c| c.is_ascii_digit().then(|| n * 10 + u64::from(c - b'0')))
}

fn import_pass<'q>(
    q: &'q Questionnaire,
    files: &[PathBuf],
    opts: Options,
    held: screen::KeyHashSet,
) -> Result<Accumulator<'q>> {
    let mut acc = Accumulator::new(q, held);
    if opts.no_responses {
        acc.out.responses = None;
    }
    for (i, path) in files.iter().enumerate() {
        let display = path.display().to_string();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        let input = if matches!(ext.as_str(), "xls" | "xlsx" | "xlsm" | "ods") {
            import_spreadsheet(&mut acc, i as u32, path, &display, opts)?
        } else {
            import_csv(&mut acc, i as u32, path, &display, opts)?
        };
        acc.out.inputs.push(input);
    }
    // A header and nothing else (exported before any response came in, or the wrong sheet) would
    // give every agency "no data": say so instead of writing empty results.
    if acc.out.inputs.iter().all(|i| i.rows == 0)
        && let Some(first) = files.first()
    {
        let message = if files.len() == 1 {
            crate::t!("survey-no-responses")
        } else {
            crate::t!("survey-no-responses-in-any", files = files.len())
        };
        return Err(Error::at(Location::line(first.display().to_string(), 2), message));
    }
    Ok(acc)
}

fn import_spreadsheet(
    acc: &mut Accumulator,
    file: u32,
    path: &Path,
    display: &str,
    opts: Options,
) -> Result<InputFile> {
    let table = crate::util::table::read_table(path, display, None)?;
    let plan = Plan::new(acc.q, &table.headers, display, opts.answers.unwrap_or(acc.q.answers))?;
    let mut block = Block::default();
    acc.ids.push(plan.response_id.map(|_| IdRun::default()));
    for row in &table.rows {
        let cell = |i: usize| row.cells.get(i).map(String::as_str).unwrap_or("");
        if let Some(c) = plan.response_id {
            block.ids.push(wjx::trim(cell(c)).parse().ok());
        }
        let outcome = screen::classify(acc.q, &plan, &cell, &mut block.answers);
        block.rows.push((row.line, outcome));
    }
    let rows = acc.fold(file, 0, block);
    Ok(InputFile {
        file: display.to_string(),
        sha256: table.sha256,
        encoding: "spreadsheet".into(),
        rows,
    })
}

/// Newlines in `text` up to the end of the record that ends at byte `end`, its line terminator
/// (`\n`, `\r\n` or `\r`) included.
fn header_newlines(text: &[u8], end: usize) -> u64 {
    let end = end.min(text.len());
    let rest = &text[end..];
    let term = if rest.starts_with(b"\r\n") { 2 } else { usize::from(rest.starts_with(b"\n")) };
    newlines(&text[..end + term])
}

fn detect(first: &[u8], forced: Option<TextEncoding>) -> (TextEncoding, usize) {
    use crate::util::encoding::{bom, bom_len};
    if let Some(enc) = forced {
        return (enc, bom_len(first, enc));
    }
    match bom(first) {
        Some(found) => found,
        None if std::str::from_utf8(first).is_ok() => (TextEncoding::Utf8, 0),
        None => (TextEncoding::Gb18030, 0),
    }
}

/// Decode a block to UTF-8 bytes (borrowed when it already is UTF-8).
fn to_utf8(block: &[u8], enc: TextEncoding) -> std::borrow::Cow<'_, [u8]> {
    match enc {
        TextEncoding::Utf8 => std::borrow::Cow::Borrowed(block),
        TextEncoding::Gb18030 => {
            let (s, _) = encoding_rs::GB18030.decode_without_bom_handling(block);
            match s {
                std::borrow::Cow::Borrowed(b) => std::borrow::Cow::Borrowed(b.as_bytes()),
                std::borrow::Cow::Owned(o) => std::borrow::Cow::Owned(o.into_bytes()),
            }
        }
        // UTF-16 exports are rare; they are read whole before import.
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => std::borrow::Cow::Borrowed(block),
    }
}

fn import_csv(
    acc: &mut Accumulator,
    file: u32,
    path: &Path,
    display: &str,
    opts: Options,
) -> Result<InputFile> {
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    // The file's SHA-256 for the audit trail is computed as the blocks are read, on the reader
    // thread, off the path of classification and folding.
    let mut blocks = Blocks::new(f, Some(Sha256::new()));
    let io = |e| block_error(path, display, e);
    let Some(mut first) = blocks.next_block().map_err(io)? else {
        return Err(Error::at(Location::line(display, 1), crate::t!("util-empty-file")));
    };
    let (encoding, bom) = detect(&first, opts.encoding);
    // Size the duplicate-key set once from the rows this file will hold (estimated from the
    // first block), so that it never rehashes: a rehash of a large table briefly needs both.
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let per_row = first.len() as u64 / newlines(&first).max(1);
    let estimate = (len / per_row.max(1)) as usize;
    if let Dedup::First(seen) = &mut acc.dedup {
        seen.seen.reserve(estimate);
    }
    // Likewise the responses, which would otherwise briefly need twice their size when they grow.
    if let Some(r) = &mut acc.out.responses {
        r.reserve(estimate);
    }
    if matches!(encoding, TextEncoding::Utf16Le | TextEncoding::Utf16Be) {
        // Rare: convert the whole file, then stream the converted text.
        let mut all = first;
        while let Some(b) = blocks.next_block().map_err(io)? {
            all.extend_from_slice(&b);
        }
        let (text, _) = crate::util::encoding::decode(&all, display, Some(encoding))?;
        let mut b2 = Blocks::new(std::io::Cursor::new(text.into_bytes()), None);
        b2.file_bytes = false;
        let sha = crate::util::hash::sha256_hex(&all);
        let first = b2.next_block().map_err(io)?.unwrap_or_default();
        let mut input = stream(acc, file, display, opts, first, &mut b2, TextEncoding::Utf8)?;
        input.sha256 = sha;
        input.encoding = encoding.name().into();
        return Ok(input);
    }
    first.drain(..bom);
    let mut input = stream(acc, file, display, opts, first, &mut blocks, encoding)?;
    let digest = blocks.hasher.take().map(|h| h.finalize()).unwrap_or_default();
    input.sha256 = digest.iter().map(|b| format!("{b:02x}")).collect();
    Ok(input)
}

/// Parse the header from the first block, then classify the rest of the file block by block.
fn stream<R: Read + Send>(
    acc: &mut Accumulator,
    file: u32,
    display: &str,
    opts: Options,
    first: Vec<u8>,
    blocks: &mut Blocks<R>,
    encoding: TextEncoding,
) -> Result<InputFile> {
    let io = |e| block_error(Path::new(display), display, e);
    let first_utf8 = to_utf8(&first, encoding).into_owned();
    // The header: the first record that is not blank.
    let mut rdr =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&first_utf8[..]);
    let mut rec = csv::ByteRecord::new();
    let headers = loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) if rec.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) => continue,
            Ok(true) => {
                break rec
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).trim().to_string())
                    .collect::<Vec<_>>();
            }
            Ok(false) => {
                return Err(Error::at(Location::line(display, 1), crate::t!("util-no-header")));
            }
            Err(e) => {
                return Err(Error::at(
                    Location::line(display, 1),
                    crate::t!("survey-malformed-header", error = e.to_string()),
                ));
            }
        }
    };
    // Lines the header took (blank lines before it included), counted as the newlines up to the
    // end of the header record and its terminator: the reader stops after the `\r` of a CRLF
    // header, so its position alone would leave the `\n` and read the header again as a row.
    // Decoding keeps newlines one for one, so the same count of newlines ends it in the raw bytes.
    let header_lines = header_newlines(&first_utf8, rdr.position().byte() as usize);
    let mut raw_end = 0;
    for _ in 0..header_lines {
        match first[raw_end..].iter().position(|&b| b == b'\n') {
            Some(p) => raw_end += p + 1,
            None => {
                raw_end = first.len();
                break;
            }
        }
    }
    let plan = Plan::new(acc.q, &headers, display, opts.answers.unwrap_or(acc.q.answers))?;
    acc.ids.push(plan.response_id.map(|_| IdRun::default()));
    let needed = plan.needed();
    let q = acc.q;
    let mut base = header_lines;
    let mut rows = 0;
    let first_rest = first[raw_end..].to_vec();
    drop(first);
    let threads = rayon::current_num_threads();
    let work = |raw: &[u8]| {
        let text = to_utf8(raw, encoding);
        classify_block(q, &plan, &needed, &text)
    };
    let mut fold = |(block, lines): (Block, u64)| {
        rows += acc.fold(file, base, block);
        base += lines;
    };
    pipeline(blocks, first_rest, threads, &work, &mut fold).map_err(io)?;
    Ok(InputFile {
        file: display.to_string(),
        sha256: String::new(),
        encoding: encoding.name().into(),
        rows,
    })
}

/// Classify every record of a block. Lines are 1-based within the block.
/// Returns the block's rows and its newlines.
fn classify_block(q: &Questionnaire, plan: &Plan, needed: &[usize], text: &[u8]) -> (Block, u64) {
    // Room for the rows of a usual block (one of 512 KB holds about 2,800), so that the rows
    // are not copied as they grow.
    let mut block = Block { rows: Vec::with_capacity(text.len() / 128), ..Block::default() };
    let mut rec = Records::new(text);
    // One SIMD validation per block (most of the text is CJK, where the standard validator is slow).
    let valid_utf8 = simdutf8::basic::from_utf8(text).is_ok();
    while let Some(line) = rec.next_record() {
        if rec.is_blank() {
            continue; // blank lines and `,,,` lines carry no response
        }
        if let Some(c) = plan.response_id {
            let id =
                (c < rec.fields()).then(|| rec.field(c)).and_then(|f| ascii_u64(f.trim_ascii()));
            block.ids.push(id);
        }
        if rec.fields() != plan.width {
            let (fields, width) = (rec.fields(), plan.width);
            let reason =
                screen::cold(|| crate::t!("survey-row-width", fields = fields, width = width));
            block.rows.push((line, Outcome::Rejected { agency: None, reason }));
            continue;
        }
        // A block that is not valid UTF-8 as a whole: find the first needed cell that is not.
        let bad = if valid_utf8 {
            None
        } else {
            needed.iter().copied().find(|&c| std::str::from_utf8(rec.field(c)).is_err())
        };
        if let Some(c) = bad {
            let reason = screen::cold(|| crate::t!("survey-not-utf8", column = c + 1));
            block.rows.push((line, Outcome::Rejected { agency: None, reason }));
            continue;
        }
        let outcome = {
            let rec = &rec;
            // Cells are read in place (no per-row buffer) and trimmed; classification assumes
            // trimmed cells and reads only needed columns.
            let get = |i: usize| {
                // SAFETY: every needed field is valid UTF-8: either the whole block is (the CSV
                // parser splits it only at ASCII bytes `,` `"` `\r` `\n` and removes only ASCII
                // quotes, so every field is a run of whole characters), or each needed field was
                // checked above.
                crate::survey::wjx::trim(unsafe { std::str::from_utf8_unchecked(rec.field(i)) })
            };
            screen::classify(q, plan, &get, &mut block.answers)
        };
        block.rows.push((line, outcome));
    }
    (block, rec.newlines())
}

/// The floor the benchmark measures import against: read the file in the same blocks and parse
/// every CSV record on all cores, doing nothing with the fields. Returns (records, fields).
pub fn parse_only(path: &Path) -> Result<(u64, u64)> {
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut blocks = Blocks::new(f, None);
    let io = |e| block_error(path, &path.display().to_string(), e);
    let Some(first) = blocks.next_block().map_err(io)? else { return Ok((0, 0)) };
    let work = |b: &[u8]| {
        let mut rec = Records::new(b);
        let (mut r, mut f) = (0, 0);
        while rec.next_record().is_some() {
            r += 1;
            f += rec.fields() as u64;
        }
        (r, f)
    };
    let (mut records, mut fields) = (0u64, 0u64);
    let mut fold = |(r, f): (u64, u64)| {
        records += r;
        fields += f;
    };
    pipeline(&mut blocks, first, rayon::current_num_threads(), &work, &mut fold).map_err(io)?;
    Ok((records, fields))
}

#[cfg(test)]
mod tests {
    use super::{Response, header_newlines};

    #[test]
    fn a_header_ends_after_its_line_terminator() {
        // (text, the byte where the csv reader leaves off after the header, newlines it took)
        assert_eq!(header_newlines(b"a,b\nc,d\n", 4), 1);
        assert_eq!(header_newlines(b"a,b\r\nc,d\r\n", 4), 1);
        assert_eq!(header_newlines(b"a,b\r\nc,d\r\n", 3), 1);
        assert_eq!(header_newlines(b"a,b\r\nc,d\r\n", 5), 1);
        assert_eq!(header_newlines(b"a,b", 3), 0);
        // Blank lines before the header count; a quoted newline inside it does too.
        assert_eq!(header_newlines(b"\r\n\"a\r\nx\",b\r\nc", 10), 3);
    }

    #[test]
    fn responses_pack_and_unpack() {
        for (a, g, y) in [(0, 0, 0), (127, 2, 73_333_333), ((1 << 24) - 1, 8191, 100_000_000)] {
            let r = Response::new(a, g, y);
            assert_eq!((r.agency(), r.group(), r.y()), (a, g, y));
        }
        assert_eq!(Response::try_new(1 << 24, 0, 0), None);
        assert_eq!(Response::try_new(0, 1 << 13, 0), None);
        assert_eq!(Response::try_new(0, 0, -1), None);
        assert_eq!(Response::try_new(0, 0, 1 << 27), None);
    }
}
