//! The engine's input rows, whatever file or test case they came from. Each row keeps its
//! provenance as a [`Location`] (shown as `findings.csv:12`) so ledger lines and errors can cite
//! it, and an error can add the column without parsing the text back.

use std::hash::BuildHasher;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Location;
use crate::rules::Rectification;

/// Texts of the findings read together (a chunk of a file): the ids and kinds that many rows
/// repeat, kept once each, and every row's id and evidence in one buffer.
#[derive(Debug, Default)]
pub struct Interner {
    /// (Hashed with FxHash: SipHash was 4% of the load phase at 10^6 findings.)
    seen: rustc_hash::FxHashSet<Arc<str>>,
    /// The text last given by [`Interner::get_again`] (rows are usually written agency by
    /// agency: no hash for a run of them).
    last: Option<Arc<str>>,
    /// Ids and evidence of the rows read, one after the other ([`RowText`] ranges).
    texts: String,
    /// Evidence kept in `texts` (start, length) by its hash: rows repeating an evidence (a
    /// checklist's wording) share its text. A hash two texts share keeps the last one.
    evidence: rustc_hash::FxHashMap<u64, (u32, u32)>,
    /// What the rows share, given to each as it is read; its text is set by [`Interner::seal`]
    /// (one handle of this chunk's own per row: no row waits on another thread's count).
    shared: Arc<Shared>,
}

/// What the rows of a chunk share: the file they came from and their ids and evidence (opaque:
/// the ledger keeps a run's rows as ranges of it, [`RowText::parts`]).
#[derive(Debug, Default)]
pub struct Shared {
    file: Arc<str>,
    /// Set once the chunk is read ([`Interner::seal`]).
    text: std::sync::OnceLock<Box<str>>,
}

impl Shared {
    /// The ids and evidence (empty before the chunk is sealed).
    fn text(&self) -> &str {
        self.text.get().map_or("", |t| t)
    }
}

impl Interner {
    /// An interner for rows of `file`.
    pub fn new(file: Arc<str>) -> Interner {
        let shared = Arc::new(Shared { file, text: Default::default() });
        Interner { shared, ..Default::default() }
    }

    /// The shared copy of `s`.
    pub fn get(&mut self, s: &str) -> Arc<str> {
        match self.seen.get(s) {
            Some(a) => a.clone(),
            None => {
                let a: Arc<str> = Arc::from(s);
                self.seen.insert(a.clone());
                a
            }
        }
    }

    /// [`Interner::get`], quicker when `s` is the text this gave last.
    pub fn get_again(&mut self, s: &str) -> Arc<str> {
        if let Some(last) = &self.last
            && **last == *s
        {
            return last.clone();
        }
        let a = self.get(s);
        self.last = Some(a.clone());
        a
    }

    /// A row's id and evidence, kept in the buffer (an evidence kept before is shared), and its
    /// line (0: none): the text is set by [`Interner::seal`].
    pub fn row_text(&mut self, id: &str, evidence: &str, line: u64) -> RowText {
        let at = |n: usize| u32::try_from(n).expect("a chunk is far under 4 GiB");
        let start = at(self.texts.len());
        self.texts.push_str(id);
        let hash = rustc_hash::FxBuildHasher.hash_one(evidence);
        let kept = self
            .evidence
            .get(&hash)
            .copied()
            .filter(|&(s, n)| self.texts.get(s as usize..(s + n) as usize) == Some(evidence));
        let (evidence_start, len) = kept.unwrap_or_else(|| {
            let kept = (at(self.texts.len()), at(evidence.len()));
            self.texts.push_str(evidence);
            self.evidence.insert(hash, kept);
            kept
        });
        RowText {
            shared: self.shared.clone(),
            start,
            id: at(id.len()),
            evidence_start,
            evidence: len,
            line: u32::try_from(line).expect("a file of at most 2 GiB has fewer lines"),
        }
    }

    /// Give the rows [`Interner::row_text`] made the text they are ranges of: nothing of theirs
    /// is read before.
    pub fn seal(self) {
        let set = self.shared.text.set(self.texts.into_boxed_str());
        debug_assert!(set.is_ok(), "an interner seals once");
    }
}

/// A finding's id, evidence and line: a range of a text the rows read together share (a chunk
/// of a file), with the file's name, so a million findings cost a few hundred allocations, not
/// two million, and no copy of their file's name.
#[derive(Debug, Clone)]
pub struct RowText {
    shared: Arc<Shared>,
    /// Where the id starts, and its length in bytes (0: none).
    start: u32,
    id: u32,
    /// Where the evidence starts, and its length in bytes (0: none).
    evidence_start: u32,
    evidence: u32,
    /// The row's line in its file (0: none).
    line: u32,
}

/// Equal when the id and evidence are (wherever they are kept).
impl PartialEq for RowText {
    fn eq(&self, other: &RowText) -> bool {
        (self.id(), self.evidence()) == (other.id(), other.evidence())
    }
}
impl Eq for RowText {}

impl RowText {
    /// A row's own id and evidence, from no file.
    pub fn new(id: Option<&str>, evidence: &str) -> RowText {
        RowText::at(id, evidence, &Location::file(""))
    }
    /// A row's own id and evidence, from `source` (a file and maybe a line).
    pub fn at(id: Option<&str>, evidence: &str, source: &Location) -> RowText {
        let mut shared = Interner::new(source.file.clone());
        let t = shared.row_text(id.unwrap_or(""), evidence, source.line.unwrap_or(0));
        shared.seal();
        t
    }
    /// The finding's id, if it has one.
    pub fn id(&self) -> Option<&str> {
        let s = self.start as usize;
        Some(&self.shared.text()[s..s + self.id as usize]).filter(|s| !s.is_empty())
    }
    /// The evidence (empty when none).
    pub fn evidence(&self) -> &str {
        let s = self.evidence_start as usize;
        &self.shared.text()[s..s + self.evidence as usize]
    }
    /// Where the row is (`findings.csv:12`).
    pub fn source(&self) -> Location {
        let line = Some(u64::from(self.line)).filter(|&l| l > 0);
        Location { file: self.shared.file.clone(), line, column: None }
    }
    /// The text the row's ranges are in, and the ranges (id start and length, evidence start
    /// and length): what the ledger keeps of a run of findings' rows, beside their lines
    /// (the score layer's `ledger::Rows`).
    pub fn parts(&self) -> (&Arc<Shared>, [u32; 4]) {
        (&self.shared, [self.start, self.id, self.evidence_start, self.evidence])
    }
    /// The row at `line` whose [`RowText::parts`] these are.
    pub fn from_parts(
        shared: Arc<Shared>,
        [start, id, evidence_start, evidence]: [u32; 4],
        line: u32,
    ) -> RowText {
        RowText { shared, start, id, evidence_start, evidence, line }
    }
}

#[derive(Debug, Clone)]
pub struct Agency {
    pub id: String,
    pub name: String,
    pub group: String,
    pub parent: Option<String>,
    pub source: Location,
}

/// A third-party evaluation finding (or any assessed problem): `count` findings of `kind`.
///
/// Findings may be millions, so their texts are shared, not copied: the agency and kind are
/// interned (every finding of an agency holds the same `Arc`), the id, evidence and file name
/// are kept once for the rows of a chunk ([`RowText`]: a range and a line), and the ledger line
/// citing a finding holds the finding, not a copy.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The id, the evidence and where the row is.
    text: RowText,
    pub agency: Arc<str>,
    pub kind: Arc<str>,
    pub count: u32,
    pub date: Option<NaiveDate>,
    /// The appeal (申诉/复核) decision on this finding, if any (boxed: most findings have none,
    /// and a million findings each holding room for one would cost 150 MB).
    pub appeal: Option<Box<Appeal>>,
}

impl Finding {
    /// A finding with its id and evidence ([`RowText`]).
    pub fn new(text: RowText, agency: Arc<str>, kind: Arc<str>, count: u32) -> Finding {
        Finding { text, agency, kind, count, date: None, appeal: None }
    }
    /// The finding's id, if it has one.
    pub fn id(&self) -> Option<&str> {
        self.text.id()
    }
    /// Whether the finding has an id (known without reading its text).
    pub fn has_id(&self) -> bool {
        self.text.id > 0
    }
    /// The evidence (empty when none).
    pub fn evidence(&self) -> &str {
        self.text.evidence()
    }
    /// Where the row is (`findings.csv:12`), made when asked for (a million rows do not each
    /// keep a [`Location`]).
    pub fn source(&self) -> Location {
        self.text.source()
    }
    /// The row's line in its file, if it has one.
    pub fn line(&self) -> Option<u64> {
        Some(u64::from(self.text.line)).filter(|&l| l > 0)
    }
    /// The file the row came from.
    pub fn file(&self) -> &Arc<str> {
        &self.text.shared.file
    }
    /// The id, evidence and location.
    pub fn text(&self) -> &RowText {
        &self.text
    }
    /// Give the finding another id and evidence.
    pub fn set_text(&mut self, text: RowText) {
        self.text = text;
    }
}

/// The outcome of an appeal against a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppealDecision {
    /// The finding stands.
    Upheld,
    /// The finding is withdrawn: it leaves the ledger.
    Overturned,
    /// The finding stands but now costs these points in all (replacing points × count).
    Partly(Decimal),
    /// Not decided yet: the finding stands; previews show the score both ways.
    Pending,
}

impl AppealDecision {
    /// Whether the decision changes the finding's points.
    pub fn changes_points(self) -> bool {
        matches!(self, AppealDecision::Overturned | AppealDecision::Partly(_))
    }
}

/// One row of appeals.csv, attached to the finding it decides.
#[derive(Debug, Clone)]
pub struct Appeal {
    pub finding: String,
    pub decision: AppealDecision,
    pub date: Option<NaiveDate>,
    pub note: String,
    pub source: Location,
}

impl Appeal {
    /// How a ledger line cites the decision.
    pub fn cite(&self) -> String {
        let what = match self.decision {
            AppealDecision::Upheld => crate::t!("input-appeal-upheld"),
            AppealDecision::Overturned => crate::t!("input-appeal-overturned"),
            AppealDecision::Partly(p) => crate::t!("input-appeal-partly", points = p.normalize()),
            AppealDecision::Pending => crate::t!("input-appeal-pending"),
        };
        let date = self.date.map(|d| format!(" {d}")).unwrap_or_default();
        let source = format!("{}{date}", self.source);
        let note = if self.note.is_empty() {
            String::new()
        } else {
            crate::t!("input-appeal-note", note = self.note.as_str())
        };
        crate::t!("input-appeal-cite", what = what, source = source, note = note)
    }
}

pub use crate::rules::TaskStatus;

/// Completion of a deadline task by an agency.
#[derive(Debug, Clone)]
pub struct TaskRecord {
    pub agency: String,
    pub task: String,
    pub status: TaskStatus,
    pub evidence: String,
    pub source: Location,
}

/// A measured value (a ratio, a level, a third-party score) for a measured item.
#[derive(Debug, Clone)]
pub struct MeasureRecord {
    pub agency: String,
    pub indicator: String,
    pub value: Decimal,
    pub evidence: String,
    pub source: Location,
}

/// A bonus award: `count` awards of bonus item `bonus`.
#[derive(Debug, Clone)]
pub struct Award {
    pub id: Option<String>,
    pub agency: String,
    pub bonus: String,
    pub count: u32,
    pub evidence: String,
    pub source: Location,
}

/// Last year's finding and how it was rectified.
#[derive(Debug, Clone)]
pub struct PriorFinding {
    pub id: Option<String>,
    pub agency: String,
    pub kind: String,
    pub status: Rectification,
    pub evidence: String,
    pub source: Location,
}

/// A per-agency survey result (the satisfaction index the survey importer writes).
#[derive(Debug, Clone)]
pub struct SurveyResult {
    pub agency: String,
    pub survey: String,
    pub index: Decimal,
    /// The index's 95% confidence interval, when the file gives one (not scored; reported).
    pub ci_low: Option<Decimal>,
    pub ci_high: Option<Decimal>,
    pub n: Option<u64>,
    /// Effective sample size (Kish) of a weighted survey, when given.
    pub n_eff: Option<Decimal>,
    pub below_minimum: bool,
    pub source: Location,
}

/// Everything the engine scores, already parsed. Built from a data directory
/// ([`super::load::load_dir`]) or from a test case in the rules file ([`super::case`]).
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub agencies: Vec<Agency>,
    pub findings: Vec<Finding>,
    pub tasks: Vec<TaskRecord>,
    pub measures: Vec<MeasureRecord>,
    pub awards: Vec<Award>,
    pub lookback: Vec<PriorFinding>,
    pub surveys: Vec<SurveyResult>,
    /// Appeal decisions, as read; each is also attached to its finding.
    pub appeals: Vec<Appeal>,
    /// The files read, with hashes and row counts (empty for test cases).
    pub files: Vec<InputRecord>,
    /// Input kinds the scheme reads whose file was absent, allowed by `--allow-missing`.
    pub absent: Vec<String>,
    /// Each file's headers as written, by column key (`findings.csv` → `kind` → `问题类型`), so
    /// that a message names the column the user typed.
    pub headers: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
}

impl Inputs {
    /// Rows of every kind.
    pub fn rows(&self) -> usize {
        self.agencies.len()
            + self.findings.len()
            + self.tasks.len()
            + self.measures.len()
            + self.awards.len()
            + self.lookback.len()
            + self.surveys.len()
            + self.appeals.len()
    }

    /// Move the rows of `other` after these (files and headers are not moved).
    pub fn append(&mut self, other: &mut Inputs) {
        self.agencies.append(&mut other.agencies);
        if self.findings.is_empty() {
            // Taken whole, not copied (a million findings are tens of megabytes).
            std::mem::swap(&mut self.findings, &mut other.findings);
        }
        self.findings.append(&mut other.findings);
        self.tasks.append(&mut other.tasks);
        self.measures.append(&mut other.measures);
        self.awards.append(&mut other.awards);
        self.lookback.append(&mut other.lookback);
        self.surveys.append(&mut other.surveys);
        self.appeals.append(&mut other.appeals);
    }

    /// The location of a row's cell: the row's source with the column as its file spells it.
    pub fn cell(&self, source: &Location, key: &str) -> Location {
        let header = self.headers.get(&*source.file).and_then(|h| h.get(key));
        source.clone().with_column(header.map_or(key, String::as_str))
    }
}

/// One file that went into the run.
#[derive(Debug, Clone, Serialize)]
pub struct InputRecord {
    /// What the file is: "rules", "agencies", "findings", …
    pub kind: String,
    /// Path as given (relative paths stay relative, so outputs do not depend on the checkout).
    pub path: String,
    pub sha256: String,
    /// Data rows read (header excluded); 0 for the rules file.
    pub rows_read: u64,
    pub rows_used: u64,
    pub rows_rejected: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows read together keep their ids and evidence in one text; each row reads back its own,
    /// an empty id being none, and its location.
    #[test]
    fn rows_of_a_chunk_share_one_text_and_read_back_their_own() {
        let mut shared = Interner::new("findings.csv".into());
        let texts = [
            shared.row_text("F1", "未公开", 2),
            shared.row_text("", "", 3),
            shared.row_text("F3", "", 0),
        ];
        let (a, b) = (shared.get("140100"), shared.get("140100"));
        assert!(Arc::ptr_eq(&a, &b), "one copy of a repeated text");
        let (c, d) = (shared.get_again("140100"), shared.get_again("140100"));
        assert!(Arc::ptr_eq(&a, &c) && Arc::ptr_eq(&c, &d));
        assert_eq!(&*shared.get_again("140200"), "140200");
        let finding = |t| Finding::new(t, "a".into(), "k".into(), 1);
        let rows: Vec<Finding> = texts.into_iter().map(finding).collect();
        shared.seal();
        let read: Vec<(Option<&str>, &str)> = rows.iter().map(|f| (f.id(), f.evidence())).collect();
        assert_eq!(read, [(Some("F1"), "未公开"), (None, ""), (Some("F3"), "")]);
        assert!(Arc::ptr_eq(&rows[0].text.shared, &rows[2].text.shared));
        assert_eq!(rows.iter().map(Finding::has_id).collect::<Vec<_>>(), [true, false, true]);
        let at = rows.iter().map(|f| f.source().to_string()).collect::<Vec<_>>();
        assert_eq!(at, ["findings.csv:2", "findings.csv:3", "findings.csv"]);
        assert_eq!(rows[1].text, RowText::new(None, ""));
    }

    /// Rows repeating an evidence keep it once: the second row's id follows the first's
    /// evidence ("F1" is 2 bytes, "未公开" 9), and its evidence is the first's.
    #[test]
    fn a_repeated_evidence_is_kept_once() {
        let mut shared = Interner::new("findings.csv".into());
        let rows = [shared.row_text("F1", "未公开", 2), shared.row_text("F2", "未公开", 3)];
        assert_eq!((rows[1].start, rows[1].evidence_start), (11, 2));
        assert_eq!(shared.texts, "F1未公开F2");
    }
}
