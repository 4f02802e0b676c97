//! `kaohe survey report`: the survey team's report of an import, like the statistics page survey
//! teams know from 问卷星 — per rated question, the answers over all agencies and per agency (counts
//! and shares; don't-know and skipped shown apart, outside the shares of rated answers), and the
//! screening accounting (rows read = valid + screened by each rule + rejected, with the reasons).
//!
//! [`data`] reads and checks the import's output directory, [`charts`] draws the charts (PNG and
//! SVG), [`html`] and [`xlsx`] write `survey-report.html` and `survey-report.xlsx`, and
//! [`write_report`] writes them all into a directory.

pub mod charts;
pub mod data;
mod html;
mod xlsx;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::report::chart::Rendered;
use crate::report::font;
use crate::survey::questionnaire::Questionnaire;
use crate::util::fs::write_atomic;
use data::Data;

pub use data::read;

/// Options of [`write_report`].
#[derive(Debug, Clone)]
pub struct Options {
    /// Resolution of the PNG charts (print quality at 300).
    pub dpi: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options { dpi: 300 }
    }
}

/// What [`write_report`] wrote.
#[derive(Debug)]
pub struct Written {
    /// Every file written, sorted, relative to the output directory.
    pub files: Vec<PathBuf>,
    /// Labels the embedded font cannot draw (each would show a box).
    pub warnings: Vec<String>,
    /// Valid responses in the import.
    pub valid: u64,
}

/// How each screening rule of `q` reads in the report, in `accounting.csv`'s order.
pub fn rule_labels(q: &Questionnaire, rules: &[String]) -> Vec<String> {
    let s = &q.screening;
    let mut attention = s.attention.iter();
    rules
        .iter()
        .map(|r| match r.as_str() {
            "min-seconds" => match s.min_seconds {
                Some(n) => crate::t!("survey-report-rule-min-seconds", seconds = n),
                None => crate::t!("survey-report-rule-min-seconds-off"),
            },
            "straight-lining" => crate::t!("survey-report-rule-straight-lining"),
            "no-rated-answer" => crate::t!("survey-report-rule-no-rated-answer"),
            "duplicate" => match &s.duplicates {
                Some(d) => {
                    crate::t!("survey-report-rule-duplicate", columns = d.columns.join(", "))
                }
                None => crate::t!("survey-report-rule-duplicate-off"),
            },
            _ => match attention.next() {
                Some(a) => crate::t!("survey-report-rule-attention", id = a.id.as_str()),
                None => r.clone(),
            },
        })
        .collect()
}

/// Each outcome of a row and its count: valid, screened per rule, rejected (they add up to the
/// rows read: [`data::read`] checks it).
pub fn outcomes(d: &Data, rule_labels: &[String]) -> Vec<(String, u64)> {
    let t = &d.total;
    let mut v = vec![(crate::t!("survey-report-valid"), t.valid)];
    for (l, c) in rule_labels.iter().zip(&t.screened) {
        v.push((crate::t!("survey-report-screened-by", rule = l.as_str()), *c));
    }
    v.push((crate::t!("survey-report-rejected"), t.rejected));
    v
}

/// The columns of the accounting per agency.
pub fn accounting_header(rule_labels: &[String]) -> Vec<String> {
    let mut h = vec![
        crate::t!("survey-report-col-agency-id"),
        crate::t!("survey-report-col-agency"),
        crate::t!("survey-report-rows-read"),
        crate::t!("survey-report-valid"),
    ];
    h.extend(rule_labels.iter().cloned());
    h.push(crate::t!("survey-report-rejected"));
    h
}

/// The accounting per agency (then rows whose agency could not be read, if any), then the total
/// (its first cell empty), as text cells.
pub fn accounting_rows(d: &Data) -> Vec<Vec<String>> {
    let q = &d.q;
    let mut rows = Vec::new();
    let mut push = |id: String, name: String, t: &crate::survey::import::Tally| {
        let mut r = vec![id, name, t.rows.to_string(), t.valid.to_string()];
        r.extend(t.screened.iter().map(u64::to_string));
        r.push(t.rejected.to_string());
        rows.push(r);
    };
    for (i, t) in d.tallies.iter().enumerate() {
        match q.agencies.get(i) {
            Some(a) => push(a.id.clone(), a.label.clone(), t),
            None if t.rows > 0 => push(
                crate::survey::output::UNRESOLVED.into(),
                crate::t!("survey-report-unresolved"),
                t,
            ),
            None => {}
        }
    }
    push(String::new(), crate::t!("survey-report-total"), &d.total);
    rows
}

/// How the report's chart files under `charts/` begin.
const CHART_STEM: &str = "survey-";

/// Read `import_dir` (imported with `q`) and write survey-report.html, survey-report.xlsx and
/// `charts/survey-*.png|svg` into `out` (a staging directory: see [`crate::util::fs::commit_dir`]).
pub fn write_report(
    q: Questionnaire,
    import_dir: &Path,
    out: &Path,
    options: &Options,
) -> Result<Written> {
    let d = read(q, import_dir)?;
    let labels = rule_labels(&d.q, &d.rules);
    let plan = charts::plan(&d, &labels);
    let mut texts: Vec<String> = plan.iter().flat_map(|c| c.labels()).collect();
    texts.push(d.q.title.clone());
    texts.extend(d.q.agencies.iter().map(|a| a.label.clone()));
    let warnings = font::check_labels(texts.iter().map(String::as_str));
    let rendered: Vec<Rendered> =
        plan.par_iter().map(|c| c.render(options.dpi)).collect::<Result<_>>()?;
    clear_old_charts(&out.join("charts"))?;
    let mut files = Vec::new();
    let mut put = |name: PathBuf, bytes: &[u8]| -> Result<()> {
        write_atomic(&out.join(&name), bytes)?;
        files.push(name);
        Ok(())
    };
    for r in &rendered {
        put(Path::new("charts").join(format!("{}.svg", r.name)), r.svg.as_bytes())?;
        put(Path::new("charts").join(format!("{}.png", r.name)), &r.png)?;
    }
    put(PathBuf::from("survey-report.xlsx"), &xlsx::write(&d, &labels)?)?;
    put(
        PathBuf::from("survey-report.html"),
        html::write(&d, &labels, &rendered, &warnings).as_bytes(),
    )?;
    files.sort();
    Ok(Written { files, warnings, valid: d.total.valid })
}

/// Remove the charts an earlier report left in `dir` (the staging copy of the output directory),
/// so that a question or agency that left the survey leaves no chart behind. Only files named
/// like ours are touched.
fn clear_old_charts(dir: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
    for path in entries.flatten().map(|e| e.path()) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with(CHART_STEM) && (name.ends_with(".png") || name.ends_with(".svg")) {
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        }
    }
    Ok(())
}
