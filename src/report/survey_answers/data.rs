//! What the survey report shows, read back from an import's output directory and checked.
//!
//! The import writes the counts of every answer option per agency × group × question
//! (`counts.csv`, valid responses only) and the accounting of every row (`accounting.csv`,
//! `screened.csv`, `rejected.csv`). [`read`] loads them with [`crate::survey::output::read_all`],
//! refuses a directory imported against a different questionnaire, checks that the files agree
//! with one another (every row accounted for, the excluded rows listed, each question answered by
//! every valid response), and adds the counts up over groups and agencies.

use std::path::Path;

use crate::error::{Error, Location, Result};
use crate::survey::import::{Imported, InputFile, Tally};
use crate::survey::output::read_all;
use crate::survey::questionnaire::Questionnaire;
use crate::survey::screen::rule_names;

/// The answers one question got from a set of valid responses: a count per option of its scale,
/// in the scale's order, then the responses that skipped it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    pub counts: Vec<u64>,
}

/// What an option of a scale is, for shares and colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An option with a value: its share is of the rated answers.
    Rated,
    /// 不了解 / 不适用: shown apart, its share of all valid responses.
    DontKnow,
    /// No answer.
    Skipped,
}

impl Answers {
    fn zero(options: usize) -> Answers {
        Answers { counts: vec![0; options + 1] }
    }
    fn add(&mut self, o: &Answers) {
        for (a, b) in self.counts.iter_mut().zip(&o.counts) {
            *a += b;
        }
    }
    /// Every valid response (each answered, said don't-know, or skipped).
    pub fn responses(&self) -> u64 {
        self.counts.iter().sum()
    }
    /// The answers with a value (the base of the rated shares).
    pub fn rated(&self, kinds: &[Kind]) -> u64 {
        self.counts.iter().zip(kinds).filter(|(_, k)| **k == Kind::Rated).map(|(c, _)| c).sum()
    }
    /// The base a count of an option of this kind is a share of.
    pub fn base(&self, kinds: &[Kind], kind: Kind) -> u64 {
        match kind {
            Kind::Rated => self.rated(kinds),
            Kind::DontKnow | Kind::Skipped => self.responses(),
        }
    }
}

/// A share in tenths of a percent, rounded half away from zero, in integers: 1 of 16 is 63
/// (6.25% → 6.3%). `None` when the base is 0.
pub fn share_tenths(count: u64, base: u64) -> Option<u64> {
    (base > 0)
        .then(|| (2000 * u128::from(count) + u128::from(base)) / (2 * u128::from(base)))
        .map(|t| t as u64)
}

/// A share for people: `6.3`, or `–` when there is nothing to share.
pub fn share_text(count: u64, base: u64) -> String {
    match share_tenths(count, base) {
        Some(t) => format!("{}.{}", t / 10, t % 10),
        None => "–".into(),
    }
}

/// Rejected rows of one reason (the offending value masked, so that, e.g., every unknown agency
/// is one reason), with the first such row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub text: String,
    pub rows: u64,
    /// `file:line` of the first row rejected for it.
    pub first: String,
}

/// Everything the report shows.
pub struct Data {
    pub q: Questionnaire,
    pub inputs: Vec<InputFile>,
    /// Screening rules as `accounting.csv` names them.
    pub rules: Vec<String>,
    /// Per agency of the questionnaire, then the rows whose agency could not be read.
    pub tallies: Vec<Tally>,
    pub total: Tally,
    /// Most rows first (ties by text).
    pub reasons: Vec<Reason>,
    /// Per question, over every agency.
    pub overall: Vec<Answers>,
    /// Per agency, per question.
    pub agencies: Vec<Vec<Answers>>,
}

impl Data {
    /// What each option of question `qi`'s scale is, then [`Kind::Skipped`].
    pub fn kinds(&self, qi: usize) -> Vec<Kind> {
        let mut k: Vec<Kind> = self
            .q
            .scale_of(qi)
            .options
            .iter()
            .map(|o| if o.value.is_some() { Kind::Rated } else { Kind::DontKnow })
            .collect();
        k.push(Kind::Skipped);
        k
    }
    /// The label of option `o` of question `qi` (the last: skipped).
    pub fn option_label(&self, qi: usize, o: usize) -> String {
        match self.q.scale_of(qi).options.get(o) {
            Some(x) => x.label.clone(),
            None => crate::t!("survey-report-skipped"),
        }
    }
}

/// Read `dir` (the output of `kaohe survey import` or `merge` with `q`) and check it.
pub fn read(q: Questionnaire, dir: &Path) -> Result<Data> {
    check_questionnaire(&q, dir)?;
    let im = read_all(dir, &q)?;
    let rules = rule_names(&q);
    let total = im.total();
    check_accounting(dir, &im, &rules, &total)?;
    let (overall, agencies) = answers(&q, &im);
    check_answers(dir, &q, &im, &agencies)?;
    let reasons = reasons(&im);
    Ok(Data { q, inputs: im.inputs, rules, tallies: im.tallies, total, reasons, overall, agencies })
}

fn bad(path: &Path, line: Option<u64>, message: String) -> Error {
    let file = path.display().to_string();
    let location = match line {
        Some(l) => Location::line(file, l),
        None => Location::file(file),
    };
    Error::at(location, message)
}

/// The import must have been made with this very questionnaire (`inputs.csv` records its
/// SHA-256): counts of another version would be put under the wrong labels.
fn check_questionnaire(q: &Questionnaire, dir: &Path) -> Result<()> {
    let path = dir.join("inputs.csv");
    if !path.is_file() {
        return Err(bad(&path, None, crate::t!("survey-report-not-import", dir = dir)));
    }
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut r = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(body);
    for rec in r.records() {
        let rec = rec.map_err(|e| bad(&path, None, e.to_string()))?;
        let line = rec.position().map(|p| p.line());
        let (id, sha) = (rec.get(0).unwrap_or(""), rec.get(1).unwrap_or(""));
        if sha != q.sha256 {
            return Err(bad(
                &path,
                line,
                crate::t!(
                    "survey-report-other-questionnaire",
                    id = id,
                    sha = sha,
                    expected_id = q.id.as_str(),
                    expected_sha = q.sha256.as_str()
                ),
            ));
        }
    }
    Ok(())
}

/// Every row is accounted for, overall and per agency, and the excluded rows listed in
/// `screened.csv` and `rejected.csv` are the ones counted.
fn check_accounting(dir: &Path, im: &Imported, rules: &[String], total: &Tally) -> Result<()> {
    let acc = dir.join("accounting.csv");
    for t in im.tallies.iter().chain(std::iter::once(total)) {
        if t.accounted() != t.rows {
            return Err(bad(
                &acc,
                None,
                crate::t!("survey-report-unbalanced", rows = t.rows, accounted = t.accounted()),
            ));
        }
    }
    let rejected = im.rejected.len() as u64;
    if rejected != total.rejected {
        let message =
            crate::t!("survey-report-listed-rejected", listed = rejected, counted = total.rejected);
        return Err(bad(&dir.join("rejected.csv"), None, message));
    }
    for (i, rule) in rules.iter().enumerate() {
        let n = im.screened.iter().filter(|r| r.rule as usize == i).count() as u64;
        if n != total.screened[i] {
            let message = crate::t!(
                "survey-report-listed-screened",
                rule = rule.as_str(),
                listed = n,
                counted = total.screened[i]
            );
            return Err(bad(&dir.join("screened.csv"), None, message));
        }
    }
    Ok(())
}

/// The answers per agency and question (summed over groups), and over all agencies.
fn answers(q: &Questionnaire, im: &Imported) -> (Vec<Answers>, Vec<Vec<Answers>>) {
    let s = &im.stats;
    let zero = |qi: usize| Answers::zero(q.scale_of(qi).options.len());
    let mut overall: Vec<Answers> = (0..q.questions.len()).map(zero).collect();
    let agencies: Vec<Vec<Answers>> = (0..q.agencies.len())
        .map(|a| {
            (0..q.questions.len())
                .map(|qi| {
                    let mut x = zero(qi);
                    for g in 0..q.groups.len() {
                        for (o, c) in x.counts.iter_mut().enumerate() {
                            *c += s.counts[s.slot(a, g, qi, o)];
                        }
                    }
                    overall[qi].add(&x);
                    x
                })
                .collect()
        })
        .collect();
    (overall, agencies)
}

/// Every valid response of an agency answered, declined or skipped each question once.
fn check_answers(
    dir: &Path,
    q: &Questionnaire,
    im: &Imported,
    agencies: &[Vec<Answers>],
) -> Result<()> {
    for (a, per_question) in agencies.iter().enumerate() {
        let valid = im.tallies[a].valid;
        for (qi, x) in per_question.iter().enumerate() {
            if x.responses() != valid {
                return Err(bad(
                    &dir.join("counts.csv"),
                    None,
                    crate::t!(
                        "survey-report-counts-mismatch",
                        agency = q.agencies[a].id.as_str(),
                        question = q.questions[qi].id.as_str(),
                        counted = x.responses(),
                        valid = valid
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// A reason with its second `…`-quoted value (the offending answer, agency or time) masked; the
/// first (the column) is kept.
pub fn mask(reason: &str) -> String {
    let parts: Vec<&str> = reason.split('`').collect();
    // Quoted spans are the odd parts; mask the second (parts[3]) when it is closed.
    if parts.len() < 5 {
        return reason.to_string();
    }
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push('`');
        }
        out.push_str(if i == 3 { "…" } else { p });
    }
    out
}

fn reasons(im: &Imported) -> Vec<Reason> {
    let mut by: Vec<Reason> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for r in &im.rejected {
        let text = mask(&r.reason);
        let k = *index.entry(text.clone()).or_insert_with(|| {
            let file = &im.inputs[r.file as usize].file;
            by.push(Reason { text, rows: 0, first: format!("{file}:{}", r.line) });
            by.len() - 1
        });
        by[k].rows += 1;
    }
    by.sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| a.text.cmp(&b.text)));
    by
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_half_away_from_zero_in_integers() {
        // 1/16 = 6.25% → 6.3 (banker's rounding would give 6.2); 5/16 = 31.25% → 31.3.
        assert_eq!(share_text(1, 16), "6.3");
        assert_eq!(share_text(5, 16), "31.3");
        assert_eq!(share_text(2, 3), "66.7");
        assert_eq!(share_text(1, 3), "33.3");
        assert_eq!(share_text(3, 3), "100.0");
        assert_eq!(share_text(0, 0), "–");
    }

    #[test]
    fn the_offending_value_is_masked_and_the_column_kept() {
        assert_eq!(
            mask("column `评价对象`: unknown agency `丙县`: expected one"),
            "column `评价对象`: unknown agency `…`: expected one"
        );
        assert_eq!(
            mask("column `Q1`: missing required answer"),
            "column `Q1`: missing required answer"
        );
        assert_eq!(mask("this row has 2 fields"), "this row has 2 fields");
    }
}
