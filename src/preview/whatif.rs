//! What-if changes to the inputs, as an agency would try them: findings dropped, last year's
//! findings assumed rectified, pending appeals assumed overturned, extra or replacement rows from
//! a file (e.g. the agency's self-assessment). Every change must concern the agency itself.

use std::path::PathBuf;

use crate::error::{Error, Location, Result};
use crate::input::load::{attach_appeals, load_file};
use crate::input::resolve::resolve;
use crate::input::{Appeal, AppealDecision, Inputs};
use crate::rules::{Rectification, Scheme};

#[derive(Debug, Clone, Default)]
pub struct WhatIf {
    /// Last year's findings (look-back ids) to treat as rectified.
    pub assume_rectified: Vec<String>,
    /// This year's findings to leave out.
    pub drop_findings: Vec<String>,
    /// Files of extra or replacement rows, each named like its input kind (findings.csv, …).
    pub with: Vec<PathBuf>,
}

impl WhatIf {
    pub fn is_empty(&self) -> bool {
        self.assume_rectified.is_empty() && self.drop_findings.is_empty() && self.with.is_empty()
    }

    /// A short description for headings.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.drop_findings.is_empty() {
            let ids = self.drop_findings.join(", ");
            parts.push(crate::t!("preview-without-findings", ids = ids));
        }
        if !self.assume_rectified.is_empty() {
            let ids = self.assume_rectified.join(", ");
            parts.push(crate::t!("preview-rectified", ids = ids));
        }
        for w in &self.with {
            parts.push(crate::t!("preview-with-rows", file = w.as_path()));
        }
        parts.join(&crate::t!("preview-parts-sep"))
    }
}

/// Apply the changes for `agency` to a copy of the inputs (read for `scheme`: the extra rows name
/// kinds, tasks, agencies… by id or by name, as the data directory does).
pub fn apply(scheme: &Scheme, inputs: &Inputs, agency: &str, w: &WhatIf) -> Result<Inputs> {
    let mut out = inputs.clone();
    let mut errors = Vec::new();
    for id in &w.drop_findings {
        match out.findings.iter().position(|f| f.id() == Some(id)) {
            Some(i) if *out.findings[i].agency == *agency => {
                out.findings.remove(i);
            }
            Some(_) => errors.push(Error::Usage(crate::t!(
                "preview-finding-not-own",
                id = id,
                agency = agency
            ))),
            None => errors.push(Error::Usage(crate::t!("preview-no-such-finding", id = id))),
        }
    }
    for id in &w.assume_rectified {
        match out.lookback.iter_mut().find(|p| p.id.as_deref() == Some(id)) {
            Some(p) if p.agency == agency => p.status = Rectification::Rectified,
            Some(_) => errors.push(Error::Usage(crate::t!(
                "preview-lookback-not-own",
                id = id,
                agency = agency
            ))),
            None => errors.push(Error::Usage(crate::t!("preview-no-such-lookback", id = id))),
        }
    }
    Error::collect(errors)?;
    for path in &w.with {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        let display = path.display().to_string();
        let mut extra = Inputs::default();
        let mut errors = Vec::new();
        load_file(path, &display, &stem, None, &mut extra, &mut errors)?;
        Error::collect(errors)?;
        resolve_names(scheme, &out, &mut extra)?;
        merge(&mut out, extra, agency)?;
    }
    // Appeals may have been replaced by the extra rows: re-attach from scratch.
    for f in &mut out.findings {
        f.appeal = None;
    }
    attach_appeals(&mut out)?;
    Ok(out)
}

/// Resolve the names in `extra` to ids as [`crate::input::resolve::resolve`] does for the data
/// directory: a group, kind, task, indicator, bonus item or survey by the scheme's name, an agency
/// by its 单位名称 among the data's agencies (and any the extra rows add).
fn resolve_names(scheme: &Scheme, inputs: &Inputs, extra: &mut Inputs) -> Result<()> {
    let added = extra.agencies.len();
    let known = inputs.agencies.iter().filter(|a| !extra.agencies.iter().any(|x| x.id == a.id));
    let mut all: Vec<_> = known.cloned().collect();
    let before = all.len();
    all.append(&mut extra.agencies);
    extra.agencies = all;
    resolve(scheme, extra)?;
    // Only the extra file's own agency rows go on to be merged.
    extra.agencies.drain(..before);
    debug_assert_eq!(extra.agencies.len(), added);
    Ok(())
}

/// Every pending appeal of `agency` decided as overturned: the "if we win" side of a preview.
pub fn pending_overturned(inputs: &Inputs, agency: &str) -> Inputs {
    let mut out = inputs.clone();
    for f in out.findings.iter_mut().filter(|f| *f.agency == *agency) {
        if let Some(a) = &mut f.appeal
            && a.decision == AppealDecision::Pending
        {
            a.decision = AppealDecision::Overturned;
        }
    }
    out
}

fn not_own(source: &Location, other: &str, agency: &str) -> Error {
    Error::Usage(crate::t!(
        "preview-row-not-own",
        source = source.to_string(),
        other = other,
        agency = agency
    ))
}

/// Add `extra` rows to `out`, replacing rows with the same key (id; or agency + task/indicator/
/// survey for tasks, measures and survey results).
fn merge(out: &mut Inputs, extra: Inputs, agency: &str) -> Result<()> {
    let own = |a: &str, source: &Location| {
        if a == agency { Ok(()) } else { Err(not_own(source, a, agency)) }
    };
    for a in extra.agencies {
        own(&a.id, &a.source)?;
        out.agencies.retain(|x| x.id != a.id);
        out.agencies.push(a);
    }
    for f in extra.findings {
        own(&f.agency, &f.source())?;
        if let Some(id) = f.id() {
            out.findings.retain(|x| x.id() != Some(id));
        }
        out.findings.push(f);
    }
    for t in extra.tasks {
        own(&t.agency, &t.source)?;
        out.tasks.retain(|x| !(x.agency == t.agency && x.task == t.task));
        out.tasks.push(t);
    }
    for m in extra.measures {
        own(&m.agency, &m.source)?;
        out.measures.retain(|x| !(x.agency == m.agency && x.indicator == m.indicator));
        out.measures.push(m);
    }
    for a in extra.awards {
        own(&a.agency, &a.source)?;
        if let Some(id) = &a.id {
            out.awards.retain(|x| x.id.as_ref() != Some(id));
        }
        out.awards.push(a);
    }
    for p in extra.lookback {
        own(&p.agency, &p.source)?;
        if let Some(id) = &p.id {
            out.lookback.retain(|x| x.id.as_ref() != Some(id));
        }
        out.lookback.push(p);
    }
    for s in extra.surveys {
        own(&s.agency, &s.source)?;
        out.surveys.retain(|x| !(x.agency == s.agency && x.survey == s.survey));
        out.surveys.push(s);
    }
    for a in extra.appeals {
        let Some(f) = out.findings.iter().find(|f| f.id() == Some(a.finding.as_str())) else {
            return Err(Error::Usage(crate::t!(
                "preview-appeal-no-finding",
                source = a.source.to_string(),
                id = a.finding
            )));
        };
        own(&f.agency.clone(), &a.source)?;
        out.appeals.retain(|x: &Appeal| x.finding != a.finding);
        out.appeals.push(a);
    }
    Ok(())
}
