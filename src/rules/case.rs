//! The test cases a rules file carries, validated with the rest of the scheme: names unique,
//! task statuses and look-back statuses typed, defaults filled in, each case's line known. What
//! `kaohe check` scores is built from these without another check.

use std::collections::HashSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use super::raw::{CaseAgency, CaseExpect, CaseMeasure, CaseSurvey};
use super::raw::{RawCase, RawCaseLookback, RawCaseTask};
use super::scheme::Rectification;
use super::validate::Source;
use crate::error::{Error, Location};
use crate::t;

/// One case: small agencies and inputs, and the results expected of them.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    /// 1-based line of the case's name in the rules file.
    pub line: u64,
    /// How far a total or points may be from the expected value (0 unless stated).
    pub tolerance: Decimal,
    pub agencies: Vec<CaseAgency>,
    pub findings: Vec<CaseFinding>,
    pub tasks: Vec<CaseTask>,
    pub measures: Vec<CaseMeasure>,
    pub awards: Vec<CaseAward>,
    pub lookback: Vec<CaseLookback>,
    pub surveys: Vec<CaseSurvey>,
    pub expect: Vec<CaseExpect>,
}

#[derive(Debug, Clone)]
pub struct CaseFinding {
    pub id: Option<String>,
    pub agency: String,
    pub kind: String,
    pub count: u32,
    pub evidence: String,
}

/// Completion of a deadline task, as a case or a tasks.csv row states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskStatus {
    Done(NaiveDate),
    NotDone,
    NotApplicable,
}

#[derive(Debug, Clone)]
pub struct CaseTask {
    pub agency: String,
    pub task: String,
    pub status: TaskStatus,
}

#[derive(Debug, Clone)]
pub struct CaseAward {
    pub agency: String,
    pub bonus: String,
    pub count: u32,
}

#[derive(Debug, Clone)]
pub struct CaseLookback {
    pub id: Option<String>,
    pub agency: String,
    pub kind: String,
    pub status: Rectification,
}

/// The cases typed; problems (a duplicate name, a status that is not one) go to `errors`, each
/// at the case's line with the case named.
pub(super) fn cases(raw: Vec<RawCase>, src: &Source<'_>, errors: &mut Vec<Error>) -> Vec<Case> {
    let mut names = HashSet::new();
    let mut out = Vec::new();
    for case in raw {
        let name = case.name.get_ref().clone();
        let line = src.line(case.name.span());
        if !names.insert(name.clone()) {
            errors.push(Error::at(
                src.at(&case.name, "case.name"),
                t!("rules-case-duplicate", name = name),
            ));
        }
        let here = Location::line(src.file, line).with_column(format!("case \"{name}\""));
        let mut err = |msg: String| errors.push(Error::at(here.clone(), msg));
        let tasks = case
            .tasks
            .iter()
            .enumerate()
            .filter_map(|(i, t)| task(t, i).map_err(&mut err).ok())
            .collect();
        let lookback = case
            .lookback
            .iter()
            .enumerate()
            .filter_map(|(i, l)| lookback(l, i).map_err(&mut err).ok())
            .collect();
        out.push(Case {
            name,
            line,
            tolerance: case.tolerance.unwrap_or(Decimal::ZERO),
            agencies: case.agencies,
            findings: case
                .findings
                .into_iter()
                .map(|f| CaseFinding {
                    id: f.id,
                    agency: f.agency,
                    kind: f.kind,
                    count: f.count.unwrap_or(1),
                    evidence: f.evidence.unwrap_or_default(),
                })
                .collect(),
            tasks,
            measures: case.measures,
            awards: case
                .awards
                .into_iter()
                .map(|a| CaseAward {
                    agency: a.agency,
                    bonus: a.bonus,
                    count: a.count.unwrap_or(1),
                })
                .collect(),
            lookback,
            surveys: case.surveys,
            expect: case.expect,
        });
    }
    out
}

/// The case's task `i` (0-based): done with a date, or not done or not applicable without one.
fn task(t: &RawCaseTask, i: usize) -> Result<CaseTask, String> {
    let completed = match &t.completed {
        None => None,
        Some(d) => match (d.date, d.time) {
            (Some(dt), None) => {
                NaiveDate::from_ymd_opt(dt.year as i32, dt.month as u32, dt.day as u32)
            }
            _ => None,
        }
        .map(Some)
        .ok_or_else(|| t!("rules-case-task-date", row = i + 1, value = d.to_string()))?,
    };
    let status = match (t.status.as_deref(), completed) {
        (None | Some("done" | "已完成" | "完成"), Some(d)) => TaskStatus::Done(d),
        (None | Some("not_done" | "未完成"), None) => TaskStatus::NotDone,
        (Some("not_applicable" | "不适用"), None) => TaskStatus::NotApplicable,
        (s, c) => {
            return Err(t!(
                "rules-case-task-status",
                row = i + 1,
                status = format!("{s:?}"),
                completed = format!("{c:?}")
            ));
        }
    };
    Ok(CaseTask { agency: t.agency.clone(), task: t.task.clone(), status })
}

/// The case's look-back finding `i` (0-based) with its rectification status.
fn lookback(l: &RawCaseLookback, i: usize) -> Result<CaseLookback, String> {
    let status = Rectification::parse(&l.status)
        .ok_or_else(|| t!("rules-case-lookback-status", row = i + 1, status = l.status))?;
    Ok(CaseLookback { id: l.id.clone(), agency: l.agency.clone(), kind: l.kind.clone(), status })
}

#[cfg(test)]
mod tests {
    use super::super::tests::TINY as SCHEME;
    use crate::t;

    /// A case's statuses are checked with the scheme, not when the case is run: every problem
    /// at once, each at its case's line.
    #[test]
    fn case_statuses_are_checked_when_the_rules_load() {
        let cases = r#"
[[case]]
name = "one"
tasks = [{ agency = "a", task = "A", status = "done" }]
lookback = [{ agency = "a", kind = "k", status = "mended" }]
[[case]]
name = "one"
"#;
        let text = format!("{SCHEME}{cases}");
        let err = super::super::parse(text.as_bytes(), "r.toml").unwrap_err().to_string();
        // Line 25 is the first case's name, 29 the second's (the scheme has 22 lines, the
        // leading newline of `cases` one more, and `[[case]]` one).
        // In whichever language the process speaks (tests run in parallel: none sets it).
        let status = t!(
            "rules-case-task-status",
            row = 1usize,
            status = "Some(\"done\")",
            completed = "None"
        );
        let lookback = t!("rules-case-lookback-status", row = 1usize, status = "mended");
        let duplicate = t!("rules-case-duplicate", name = "one");
        assert_eq!(
            err,
            format!(
                "r.toml:25: `case \"one\"`: {status}\nr.toml:25: `case \"one\"`: {lookback}\n\
                 r.toml:29: `case.name`: {duplicate}"
            )
        );
    }

    #[test]
    fn a_valid_case_is_typed_with_its_defaults() {
        let cases = r#"
[[case]]
name = "c"
findings = [{ agency = "a", kind = "k" }]
tasks = [{ agency = "a", task = "A", completed = 2022-11-30 }]
lookback = [{ agency = "a", kind = "k", status = "整改不力" }]
"#;
        let s = super::super::parse(format!("{SCHEME}{cases}").as_bytes(), "r.toml").unwrap();
        let c = &s.cases[0];
        assert_eq!((c.name.as_str(), c.line, c.tolerance), ("c", 25, rust_decimal::Decimal::ZERO));
        assert_eq!(c.findings[0].count, 1);
        let due = chrono::NaiveDate::from_ymd_opt(2022, 11, 30).unwrap();
        assert_eq!(c.tasks[0].status, super::TaskStatus::Done(due));
        assert_eq!(c.lookback[0].status, super::Rectification::Partial);
    }
}
