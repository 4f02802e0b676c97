//! A rules file's test case turned into [`Inputs`], so cases are scored by exactly the same path
//! as real data. Provenance reads `rules.toml case "name" findings[2]`.

use std::sync::Arc;

use super::records::*;
use crate::error::Location;
use crate::rules::Case;

/// The case's agencies and inputs (validated with the scheme, so nothing here can fail).
pub fn inputs(case: &Case, rules_file: &str) -> Inputs {
    let name = &case.name;
    let src = |what: &str, i: usize| {
        Location::file(format!("{rules_file} case \"{name}\" {what}[{}]", i + 1))
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
        let text = RowText::at(f.id.as_deref(), &f.evidence, &src("findings", i));
        let (agency, kind) = (Arc::from(f.agency.as_str()), Arc::from(f.kind.as_str()));
        out.findings.push(Finding::new(text, agency, kind, f.count));
    }
    for (i, t) in case.tasks.iter().enumerate() {
        out.tasks.push(TaskRecord {
            agency: t.agency.clone(),
            task: t.task.clone(),
            status: t.status,
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
            count: a.count,
            evidence: String::new(),
            source: src("awards", i),
        });
    }
    for (i, l) in case.lookback.iter().enumerate() {
        out.lookback.push(PriorFinding {
            id: l.id.clone(),
            agency: l.agency.clone(),
            kind: l.kind.clone(),
            status: l.status,
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
    out
}
