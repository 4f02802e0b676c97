//! A rules file's test case turned into [`Inputs`], so cases are scored by exactly the same path
//! as real data. Provenance reads `rules.toml case "name" findings[2]`.

use chrono::NaiveDate;

use super::records::*;
use crate::error::{Error, Location, Result};
use crate::rules::Rectification;
use crate::rules::raw::{CaseTask, RawCase};

pub fn inputs(case: &RawCase, rules_file: &str, case_line: u64) -> Result<Inputs> {
    let name = case.name.get_ref();
    let src = |what: &str, i: usize| {
        Location::file(format!("{rules_file} case \"{name}\" {what}[{}]", i + 1))
    };
    let err = |msg: String| {
        Error::at(
            Location::line(rules_file, case_line).with_column(format!("case \"{name}\"")),
            msg,
        )
    };
    let mut out = Inputs::default();
    for (i, a) in case.agencies.iter().enumerate() {
        out.agencies.push(Agency {
            id: a.id.clone(),
            name: a.name.clone(),
            group: a.group.clone(),
            parent: a.parent.clone(),
            source: src("agencies", i),
        });
    }
    for (i, f) in case.findings.iter().enumerate() {
        out.findings.push(Finding {
            id: f.id.clone(),
            agency: f.agency.clone(),
            kind: f.kind.clone(),
            count: f.count.unwrap_or(1),
            date: None,
            evidence: f.evidence.clone().unwrap_or_default(),
            source: src("findings", i),
            appeal: None,
        });
    }
    for (i, t) in case.tasks.iter().enumerate() {
        out.tasks.push(TaskRecord {
            agency: t.agency.clone(),
            task: t.task.clone(),
            status: task_status(t, i).map_err(err)?,
            evidence: String::new(),
            source: src("tasks", i),
        });
    }
    for (i, m) in case.measures.iter().enumerate() {
        out.measures.push(MeasureRecord {
            agency: m.agency.clone(),
            indicator: m.indicator.clone(),
            value: m.value,
            evidence: String::new(),
            source: src("measures", i),
        });
    }
    for (i, a) in case.awards.iter().enumerate() {
        out.awards.push(Award {
            id: None,
            agency: a.agency.clone(),
            bonus: a.bonus.clone(),
            count: a.count.unwrap_or(1),
            evidence: String::new(),
            source: src("awards", i),
        });
    }
    for (i, l) in case.lookback.iter().enumerate() {
        let status = Rectification::parse(&l.status).ok_or_else(|| {
            err(format!(
                "lookback[{}].status `{}`: expected rectified, late, partial or not_rectified",
                i + 1,
                l.status
            ))
        })?;
        out.lookback.push(PriorFinding {
            id: l.id.clone(),
            agency: l.agency.clone(),
            kind: l.kind.clone(),
            status,
            evidence: String::new(),
            source: src("lookback", i),
        });
    }
    for (i, s) in case.surveys.iter().enumerate() {
        out.surveys.push(SurveyResult {
            agency: s.agency.clone(),
            survey: s.survey.clone(),
            index: s.index,
            ci_low: None,
            ci_high: None,
            n: s.n,
            n_eff: None,
            below_minimum: s.below_minimum.unwrap_or(false),
            source: src("surveys", i),
        });
    }
    Ok(out)
}

/// The status of the case's task `i` (0-based): done with a date, or not done or not applicable
/// without one.
fn task_status(t: &CaseTask, i: usize) -> std::result::Result<TaskStatus, String> {
    let completed = match &t.completed {
        None => None,
        Some(d) => match (d.date, d.time) {
            (Some(dt), None) => {
                NaiveDate::from_ymd_opt(dt.year as i32, dt.month as u32, dt.day as u32)
            }
            _ => None,
        }
        .map(Some)
        .ok_or_else(|| format!("tasks[{}].completed `{d}`: expected a date", i + 1))?,
    };
    match (t.status.as_deref(), completed) {
        (None | Some("done" | "已完成" | "完成"), Some(d)) => Ok(TaskStatus::Done(d)),
        (None | Some("not_done" | "未完成"), None) => Ok(TaskStatus::NotDone),
        (Some("not_applicable" | "不适用"), None) => Ok(TaskStatus::NotApplicable),
        (s, c) => Err(format!(
            "tasks[{}]: status {s:?} with completed {c:?}: expected a date for done, none otherwise",
            i + 1
        )),
    }
}
