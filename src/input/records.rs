//! The engine's input rows, whatever file or test case they came from. Each row keeps its
//! provenance as a [`Location`] (shown as `findings.csv:12`) so ledger lines and errors can cite
//! it, and an error can add the column without parsing the text back.

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Location;
use crate::rules::Rectification;

/// Texts of the findings read together (a chunk of a file): the ids and kinds that many rows
/// repeat, kept once each, and every row's id and evidence in one buffer.
#[derive(Debug)]
pub struct Interner {
    seen: std::collections::HashSet<Arc<str>>,
    /// The text of rows not sealed yet (one empty text, not a lookup per row: looking up ""
    /// cost the load phase about 8% of its samples at 10^6 findings, in `memcmp`).
    empty: Arc<str>,
    /// Ids and evidence of the rows read, one after the other ([`RowText`] ranges).
    texts: String,
}

impl Default for Interner {
    fn default() -> Self {
        Interner { seen: Default::default(), empty: Arc::from(""), texts: String::new() }
    }
}

impl Interner {
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

    /// A row's id and evidence, kept in the buffer: the text is set by [`Interner::seal`].
    pub fn row_text(&mut self, id: &str, evidence: &str) -> RowText {
        let start = self.texts.len();
        self.texts.push_str(id);
        self.texts.push_str(evidence);
        let len = |s: &str| u32::try_from(s.len()).expect("a cell is at most 64 KiB");
        RowText {
            text: self.empty.clone(),
            start: u32::try_from(start).expect("a chunk is far under 4 GiB"),
            id: len(id),
            evidence: len(evidence),
        }
    }

    /// Give the findings whose texts [`Interner::row_text`] kept the buffer they are ranges of.
    pub fn seal(self, findings: &mut [Finding]) {
        let text: Arc<str> = Arc::from(self.texts);
        for f in findings {
            f.text.text = text.clone();
        }
    }
}

/// A finding's id and evidence: a range of a text the rows read together share (a chunk of a
/// file), so a million findings cost a few hundred allocations, not two million.
#[derive(Debug, Clone)]
pub struct RowText {
    text: Arc<str>,
    start: u32,
    /// Lengths in bytes of the id (0: none) and of the evidence (0: none), one after the other.
    id: u32,
    evidence: u32,
}

/// Equal when the id and evidence are (wherever they are kept).
impl PartialEq for RowText {
    fn eq(&self, other: &RowText) -> bool {
        (self.id(), self.evidence()) == (other.id(), other.evidence())
    }
}
impl Eq for RowText {}

impl RowText {
    /// A row's own id and evidence.
    pub fn new(id: Option<&str>, evidence: &str) -> RowText {
        let mut shared = Interner::default();
        let mut t = shared.row_text(id.unwrap_or(""), evidence);
        t.text = Arc::from(shared.texts);
        t
    }
    /// The finding's id, if it has one.
    pub fn id(&self) -> Option<&str> {
        let s = self.start as usize;
        Some(&self.text[s..s + self.id as usize]).filter(|s| !s.is_empty())
    }
    /// The evidence (empty when none).
    pub fn evidence(&self) -> &str {
        let s = (self.start + self.id) as usize;
        &self.text[s..s + self.evidence as usize]
    }
    /// The text the row's range is in, and the range (start, id length, evidence length): what
    /// the ledger keeps of a run of findings' rows ([`crate::score::ledger::Rows`]).
    pub fn parts(&self) -> (&Arc<str>, [u32; 3]) {
        (&self.text, [self.start, self.id, self.evidence])
    }
    /// The row whose [`RowText::parts`] these are.
    pub fn from_parts(text: Arc<str>, [start, id, evidence]: [u32; 3]) -> RowText {
        RowText { text, start, id, evidence }
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
/// interned (every finding of an agency holds the same `Arc`), the id and evidence are a range of
/// a text the rows of a chunk share ([`RowText`]), and the ledger line citing a finding holds
/// that range, not a copy.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The id and the evidence.
    pub text: RowText,
    pub agency: Arc<str>,
    pub kind: Arc<str>,
    pub count: u32,
    pub date: Option<NaiveDate>,
    pub source: Location,
    /// The appeal (申诉/复核) decision on this finding, if any (boxed: most findings have none,
    /// and a million findings each holding room for one would cost 150 MB).
    pub appeal: Option<Box<Appeal>>,
}

impl Finding {
    /// The finding's id, if it has one.
    pub fn id(&self) -> Option<&str> {
        self.text.id()
    }
    /// The evidence (empty when none).
    pub fn evidence(&self) -> &str {
        self.text.evidence()
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

    fn finding(text: RowText) -> Finding {
        Finding {
            text,
            agency: "a".into(),
            kind: "k".into(),
            count: 1,
            date: None,
            source: Location::line("findings.csv", 2),
            appeal: None,
        }
    }

    /// Rows read together keep their ids and evidence in one text; each row reads back its own,
    /// an empty id being none.
    #[test]
    fn rows_of_a_chunk_share_one_text_and_read_back_their_own() {
        let mut shared = Interner::default();
        let texts =
            [shared.row_text("F1", "未公开"), shared.row_text("", ""), shared.row_text("F3", "")];
        let (a, b) = (shared.get("140100"), shared.get("140100"));
        assert!(Arc::ptr_eq(&a, &b), "one copy of a repeated text");
        let mut rows: Vec<Finding> = texts.into_iter().map(finding).collect();
        shared.seal(&mut rows);
        let read: Vec<(Option<&str>, &str)> = rows.iter().map(|f| (f.id(), f.evidence())).collect();
        assert_eq!(read, [(Some("F1"), "未公开"), (None, ""), (Some("F3"), "")]);
        assert!(Arc::ptr_eq(&rows[0].text.text, &rows[2].text.text));
        assert_eq!(rows[1].text, RowText::new(None, ""));
    }
}
