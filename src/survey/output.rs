//! The files an import (or merge) writes, and reading back the ones a merge needs.
//!
//! All are UTF-8 CSV with a byte-order mark (Excel opens them as UTF-8), written atomically:
//! - `survey.csv`: the per-agency table the scoring engine reads
//!   (`agency,survey,index,ci_low,ci_high,n,n_eff,below_minimum`);
//! - `counts.csv`: the count of every answer option per agency × group × question (non-zero
//!   counts only; `(skipped)` for no answer) — the sufficient statistics;
//! - `moments.csv`: n, Σy, Σy² of respondent scores in millionths per agency × group;
//! - `responses.csv`: every valid response in file order (`agency,survey,group,weight,y`: the
//!   respondent group, its weight W_g and the respondent score as an exact decimal with 6
//!   places), from which the index can be recomputed and the responses bootstrapped;
//! - `satisfaction.csv`: satisfaction per agency × group × question (group `*`: group-weighted);
//! - `accounting.csv`: per agency, rows read = valid + screened (per rule) + rejected;
//! - `screened.csv`, `rejected.csv`: every excluded row with its file and line, and why;
//! - `inputs.csv`: the files read, their SHA-256, encoding and row count;
//! - `import-report.md`: the same accounting for people.

use std::fmt::Write as _;
use std::path::Path;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::error::{Error, Location, Result};
use crate::survey::import::{Imported, InputFile, RejectedRow, Response, ScreenedRow, Tally};
use crate::survey::questionnaire::Questionnaire;
use crate::survey::screen::rule_names;
use crate::survey::stats::{self, Moments, SurveyStats};
use crate::util::csv_out::{Writer as CsvWriter, restore};
use crate::util::fs::write_atomic;

const BOM: &[u8] = b"\xEF\xBB\xBF";
pub const UNRESOLVED: &str = "(unresolved)";
pub const SKIPPED: &str = "(skipped)";

/// Write a file as [`write_atomic`] does but streamed through a buffer rather than built in
/// memory first. The BOM is written before `body`.
fn write_streamed(
    path: &Path,
    body: impl FnOnce(&mut dyn std::io::Write) -> std::result::Result<(), csv::Error>,
) -> Result<()> {
    crate::util::fs::write_atomic_with(path, |w| {
        w.write_all(BOM)?;
        body(w).map_err(std::io::Error::other)
    })
}

/// A decimal with exactly `dp` decimals (already rounded by the caller).
pub fn fixed(d: Decimal, dp: u32) -> String {
    let mut d = stats::round(d, dp);
    d.rescale(dp);
    d.to_string()
}

/// A CSV being written to memory, rows written as they are produced (the counts of a large
/// survey have hundreds of thousands of rows: no intermediate table of strings).
struct Csv(CsvWriter<Vec<u8>>);

impl Csv {
    fn new(header: &[&str]) -> Csv {
        let mut w = CsvWriter::from_writer(BOM.to_vec());
        w.write_record(header).expect("write to memory");
        Csv(w)
    }
    fn row<I: AsRef<[u8]>>(&mut self, r: impl IntoIterator<Item = I>) {
        self.0.write_record(r).expect("write to memory");
    }
    fn bytes(self) -> Vec<u8> {
        self.0.into_inner().expect("flush to memory")
    }
}

fn csv_bytes(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut w = Csv::new(header);
    for r in rows {
        w.row(&r);
    }
    w.bytes()
}

fn agency_name(q: &Questionnaire, a: Option<u32>) -> String {
    match a {
        Some(a) => q.agencies[a as usize].id.clone(),
        None => UNRESOLVED.into(),
    }
}

/// The rows of `survey.csv` as the engine reads them.
pub fn survey_csv(q: &Questionnaire, s: &SurveyStats) -> Vec<u8> {
    let idx = stats::indices(q, s);
    let rows = q.agencies.iter().zip(&idx).map(|(a, r)| {
        vec![
            a.id.clone(),
            q.id.clone(),
            fixed(r.index, 2),
            fixed(r.ci_low, 2),
            fixed(r.ci_high, 2),
            r.n.to_string(),
            fixed(r.n_eff, 2),
            r.below_minimum.to_string(),
        ]
    });
    csv_bytes(
        &["agency", "survey", "index", "ci_low", "ci_high", "n", "n_eff", "below_minimum"],
        rows,
    )
}

/// The header of `responses.csv`.
pub const RESPONSES_HEADER: [&str; 5] = ["agency", "survey", "group", "weight", "y"];

/// A respondent score in millionths as an exact decimal with 6 places.
pub fn micro(y: i64) -> String {
    Decimal::new(y, 6).to_string()
}

/// Write `responses.csv` (BOM, header, one row per valid response in the order given) to `w`.
pub fn write_responses(
    w: &mut dyn std::io::Write,
    q: &Questionnaire,
    responses: &[Response],
) -> std::result::Result<(), csv::Error> {
    let mut w = CsvWriter::from_writer(w);
    w.write_record(RESPONSES_HEADER)?;
    let weights: Vec<String> = q.groups.iter().map(|g| g.weight.normalize().to_string()).collect();
    for r in responses {
        let g = r.group() as usize;
        w.write_record([
            q.agencies[r.agency() as usize].id.as_str(),
            q.id.as_str(),
            q.groups[g].id.as_str(),
            weights[g].as_str(),
            &micro(r.y()),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// `responses.csv` in memory (BOM included).
pub fn responses_csv(q: &Questionnaire, responses: &[Response]) -> Vec<u8> {
    let mut out = BOM.to_vec();
    write_responses(&mut out, q, responses).expect("write to memory");
    out
}

/// Write every output of an import into `dir`.
pub fn write_all(dir: &Path, q: &Questionnaire, im: &Imported) -> Result<()> {
    let rules = rule_names(q);
    // The statistics tables (the largest files, built on all cores) are written beside the
    // rest; messages are made on this thread only, in the caller's language.
    std::thread::scope(|scope| {
        let tables = scope.spawn(|| write_tables(dir, q, &im.stats));
        let rest = (|| {
            write_atomic(&dir.join("survey.csv"), &survey_csv(q, &im.stats))?;
            let total = im.total();
            write_accounting(dir, q, im, &rules, &total)?;
            write_excluded(dir, q, im, &rules)?;
            write_responses_file(dir, q, im)?;
            write_inputs(dir, q, im)?;
            write_atomic(&dir.join("import-report.md"), report(q, im, &rules, &total).as_bytes())
        })();
        let tables = tables.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        rest.and(tables)
    })
}

/// `counts.csv`, `moments.csv` and `satisfaction.csv`, agency by agency: runs of agencies on all
/// cores, each into its own buffers, joined in agency order.
fn write_tables(dir: &Path, q: &Questionnaire, s: &SurveyStats) -> Result<()> {
    use rayon::prelude::*;
    let counts = Csv::new(&["agency", "group", "question", "option", "count"]).bytes();
    let moments = Csv::new(&["agency", "group", "n", "sum_micro", "sum_sq_micro2"]).bytes();
    let sat =
        Csv::new(&["agency", "group", "question", "rated", "dont_know", "skipped", "satisfaction"])
            .bytes();
    let agencies: Vec<usize> = (0..q.agencies.len()).collect();
    let parts: Vec<[Vec<u8>; 3]> = agencies
        .par_chunks(64)
        .map(|run| {
            let body = || Csv(CsvWriter::from_writer(Vec::new()));
            let (mut c, mut m, mut t) = (body(), body(), body());
            for &a in run {
                counts_and_moments(q, s, a, &mut c, &mut m);
                satisfaction_rows(q, s, a, &mut t);
            }
            [c.bytes(), m.bytes(), t.bytes()]
        })
        .collect();
    // Each file streamed from its header and its parts in agency order (not copied into one
    // buffer first: counts.csv is megabytes), the three side by side.
    let heads = [counts, moments, sat];
    let names = ["counts.csv", "moments.csv", "satisfaction.csv"];
    (0..names.len()).into_par_iter().try_for_each(|k| {
        crate::util::fs::write_atomic_with(&dir.join(names[k]), |w| {
            w.write_all(&heads[k])?;
            parts.iter().try_for_each(|p| w.write_all(&p[k]))
        })
    })
}

/// The rows of `counts.csv` and `moments.csv` for agency `a`.
fn counts_and_moments(
    q: &Questionnaire,
    s: &SurveyStats,
    a: usize,
    counts: &mut Csv,
    moments: &mut Csv,
) {
    let agency = &q.agencies[a];
    for (g, group) in q.groups.iter().enumerate() {
        let m = s.moments(a, g);
        if m.n > 0 {
            moments.row([
                agency.id.as_str(),
                group.id.as_str(),
                &m.n.to_string(),
                &m.sum.to_string(),
                &m.sum_sq.to_string(),
            ]);
        }
        for (qi, question) in q.questions.iter().enumerate() {
            let scale = q.scale_of(qi);
            for o in 0..=scale.options.len() {
                let c = s.counts[s.slot(a, g, qi, o)];
                if c > 0 {
                    let label = scale.options.get(o).map(|x| x.label.as_str()).unwrap_or(SKIPPED);
                    counts.row([
                        agency.id.as_str(),
                        group.id.as_str(),
                        question.id.as_str(),
                        label,
                        &c.to_string(),
                    ]);
                }
            }
        }
    }
}

/// The rows of `satisfaction.csv` for agency `a`: per group, then group-weighted (`*`).
fn satisfaction_rows(q: &Questionnaire, s: &SurveyStats, a: usize, sat: &mut Csv) {
    let agency = &q.agencies[a];
    for (qi, question) in q.questions.iter().enumerate() {
        let (mut wsum, mut wsat) = (Decimal::ZERO, Decimal::ZERO);
        let (mut rated, mut dk, mut skipped) = (0, 0, 0);
        for (g, group) in q.groups.iter().enumerate() {
            let x = stats::question_satisfaction(q, s, a, g, qi);
            if x.rated + x.dont_know + x.skipped == 0 {
                continue;
            }
            rated += x.rated;
            dk += x.dont_know;
            skipped += x.skipped;
            if let Some(v) = x.satisfaction {
                wsum += group.weight;
                wsat += group.weight * v;
            }
            sat.row([
                agency.id.as_str(),
                group.id.as_str(),
                question.id.as_str(),
                &x.rated.to_string(),
                &x.dont_know.to_string(),
                &x.skipped.to_string(),
                &x.satisfaction.map(|v| fixed(v, 2)).unwrap_or_default(),
            ]);
        }
        if rated + dk + skipped > 0 {
            sat.row([
                agency.id.as_str(),
                "*",
                question.id.as_str(),
                &rated.to_string(),
                &dk.to_string(),
                &skipped.to_string(),
                &if wsum > Decimal::ZERO { fixed(wsat / wsum, 2) } else { String::new() },
            ]);
        }
    }
}

/// `accounting.csv`: per agency (and unresolved rows, if any), then the total.
fn write_accounting(
    dir: &Path,
    q: &Questionnaire,
    im: &Imported,
    rules: &[String],
    total: &Tally,
) -> Result<()> {
    let mut header: Vec<String> = vec!["agency".into(), "rows".into(), "valid".into()];
    header.extend(rules.iter().map(|r| format!("screened:{r}")));
    header.push("rejected".into());
    let tally_row = |name: String, t: &Tally| {
        let mut r = vec![name, t.rows.to_string(), t.valid.to_string()];
        r.extend(t.screened.iter().map(u64::to_string));
        r.push(t.rejected.to_string());
        r
    };
    let mut acc: Vec<Vec<String>> = Vec::new();
    for (i, t) in im.tallies.iter().enumerate() {
        let name = q.agencies.get(i).map(|a| a.id.clone()).unwrap_or_else(|| UNRESOLVED.into());
        if i < q.agencies.len() || t.rows > 0 {
            acc.push(tally_row(name, t));
        }
    }
    acc.push(tally_row("(total)".into(), total));
    let h: Vec<&str> = header.iter().map(String::as_str).collect();
    write_atomic(&dir.join("accounting.csv"), &csv_bytes(&h, acc))
}

/// `screened.csv` and `rejected.csv`.
fn write_excluded(dir: &Path, q: &Questionnaire, im: &Imported, rules: &[String]) -> Result<()> {
    // These two grow with the rows (a million screened rows in a large survey): streamed.
    let fname = |f: u32| im.inputs[f as usize].file.as_str();
    write_streamed(&dir.join("screened.csv"), |w| {
        let mut w = CsvWriter::from_writer(w);
        w.write_record(["file", "line", "agency", "rule"])?;
        for r in &im.screened {
            w.write_record([
                fname(r.file),
                &r.line.to_string(),
                &q.agencies[r.agency as usize].id,
                &rules[r.rule as usize],
            ])?;
        }
        w.flush()?;
        Ok(())
    })?;
    write_streamed(&dir.join("rejected.csv"), |w| {
        let mut w = CsvWriter::from_writer(w);
        w.write_record(["file", "line", "agency", "reason"])?;
        for r in &im.rejected {
            w.write_record([
                fname(r.file),
                &r.line.to_string(),
                &agency_name(q, r.agency),
                &r.reason,
            ])?;
        }
        w.flush()?;
        Ok(())
    })
}

/// `responses.csv`, or none at all when the responses were not kept.
fn write_responses_file(dir: &Path, q: &Questionnaire, im: &Imported) -> Result<()> {
    match &im.responses {
        Some(r) => write_streamed(&dir.join("responses.csv"), |w| write_responses(w, q, r))?,
        // Merged from an import that kept no responses: a partial file would mislead.
        None => {
            let path = dir.join("responses.csv");
            if path.exists() {
                std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
            }
        }
    }
    Ok(())
}

/// `inputs.csv`: the files read, each with the questionnaire it was read against.
fn write_inputs(dir: &Path, q: &Questionnaire, im: &Imported) -> Result<()> {
    write_atomic(
        &dir.join("inputs.csv"),
        &csv_bytes(
            &["questionnaire", "questionnaire_sha256", "file", "sha256", "encoding", "rows"],
            im.inputs.iter().map(|f| {
                vec![
                    q.id.clone(),
                    q.sha256.clone(),
                    f.file.clone(),
                    f.sha256.clone(),
                    f.encoding.clone(),
                    f.rows.to_string(),
                ]
            }),
        ),
    )
}

fn report(q: &Questionnaire, im: &Imported, rules: &[String], total: &Tally) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", crate::t!("survey-import-title", title = q.title, id = q.id));
    let sha = format!("`{}`", q.sha256);
    let _ = writeln!(s, "{}\n", crate::t!("survey-import-sha", sha256 = sha));
    let _ = writeln!(s, "{}\n|---|---|---:|---|", crate::t!("survey-import-files-header"));
    for f in &im.inputs {
        let _ = writeln!(s, "| {} | {} | {} | `{}` |", f.file, f.encoding, f.rows, f.sha256);
    }
    let screened: u64 = total.screened.iter().sum();
    let check = if total.accounted() == total.rows {
        crate::t!("survey-import-accounted")
    } else {
        crate::t!("survey-import-mismatch")
    };
    let _ = writeln!(
        s,
        "\n{}\n",
        crate::t!(
            "survey-import-rows",
            rows = total.rows,
            valid = total.valid,
            screened = screened,
            rejected = total.rejected,
            accounted = total.accounted(),
            check = check
        )
    );
    let _ = writeln!(s, "{}\n|---|---:|", crate::t!("survey-import-rules-header"));
    for (r, c) in rules.iter().zip(&total.screened) {
        let _ = writeln!(s, "| {r} | {c} |");
    }
    let _ = writeln!(
        s,
        "\n{}",
        crate::t!(
            "survey-import-per-agency",
            minimum = q.minimum,
            below = {
                let below: Vec<&str> = q
                    .agencies
                    .iter()
                    .enumerate()
                    .filter(|(a, _)| im.tallies[*a].valid < q.minimum)
                    .map(|(_, x)| x.id.as_str())
                    .collect();
                if below.is_empty() { crate::t!("survey-import-none") } else { below.join(", ") }
            }
        )
    );
    if !im.rejected.is_empty() {
        let _ = writeln!(s, "\n{}\n", crate::t!("survey-import-first-rejected"));
        for r in im.rejected.iter().take(20) {
            let _ = writeln!(s, "- {}:{}: {}", im.inputs[r.file as usize].file, r.line, r.reason);
        }
    }
    s
}

/// Read a CSV written by [`write_all`] (BOM, header) into rows of strings.
fn read_rows(path: &Path) -> Result<Vec<(u64, Vec<String>)>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let body = bytes.strip_prefix(BOM).unwrap_or(&bytes);
    let mut r = csv::ReaderBuilder::new().has_headers(true).from_reader(body);
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| {
            Error::at(
                Location::file(path.display().to_string()),
                crate::t!("survey-malformed-csv", error = e.to_string()),
            )
        })?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        out.push((line, rec.iter().map(|f| restore(f).to_string()).collect()));
    }
    Ok(out)
}

/// Reading back one output directory: where it is, against which questionnaire, and the
/// checks every file shares.
struct Reader<'a> {
    dir: &'a Path,
    q: &'a Questionnaire,
    rules: Vec<String>,
}

impl Reader<'_> {
    fn file(&self, n: &str) -> std::path::PathBuf {
        self.dir.join(n)
    }
    fn bad(&self, n: &str, line: u64, msg: String) -> Error {
        Error::at(Location::line(self.file(n).display().to_string(), line), msg)
    }
    fn agency(&self, n: &str, line: u64, id: &str) -> Result<Option<u32>> {
        if id == UNRESOLVED {
            return Ok(None);
        }
        let q = self.q;
        q.agency_index(id).map(|a| Some(a as u32)).ok_or_else(|| {
            self.bad(
                n,
                line,
                crate::t!("survey-readback-agency", agency = id, survey = q.id.as_str()),
            )
        })
    }
    /// An agency that must be resolved.
    fn some_agency(&self, n: &str, line: u64, id: &str) -> Result<u32> {
        self.agency(n, line, id)?
            .ok_or_else(|| self.bad(n, line, crate::t!("survey-readback-no-agency")))
    }
    fn num(&self, n: &str, line: u64, v: &str) -> Result<i128> {
        v.parse()
            .map_err(|_| self.bad(n, line, crate::t!("survey-readback-not-integer", value = v)))
    }
    fn width(&self, n: &str, line: u64, r: &[String], w: usize) -> Result<()> {
        if r.len() == w {
            Ok(())
        } else {
            Err(self.bad(n, line, crate::t!("survey-readback-width", width = w)))
        }
    }
    fn group(&self, n: &str, line: u64, id: &str) -> Result<usize> {
        self.q
            .groups
            .iter()
            .position(|g| g.id == id)
            .ok_or_else(|| self.bad(n, line, crate::t!("survey-readback-group", group = id)))
    }
    fn file_index(&self, im: &Imported, n: &str, line: u64, f: &str) -> Result<u32> {
        im.inputs
            .iter()
            .position(|x| x.file == f)
            .map(|i| i as u32)
            .ok_or_else(|| self.bad(n, line, crate::t!("survey-readback-file", file = f)))
    }
    fn rows(&self, n: &str) -> Result<Vec<(u64, Vec<String>)>> {
        read_rows(&self.file(n))
    }

    fn inputs(&self, im: &mut Imported) -> Result<()> {
        let q = self.q;
        for (line, r) in self.rows("inputs.csv")? {
            self.width("inputs.csv", line, &r, 6)?;
            if r[0] != q.id || r[1] != q.sha256 {
                return Err(self.bad(
                    "inputs.csv",
                    line,
                    crate::t!(
                        "survey-readback-questionnaire",
                        was = r[0].as_str(),
                        was_sha = r[1].as_str(),
                        survey = q.id.as_str(),
                        sha = q.sha256.as_str()
                    ),
                ));
            }
            im.inputs.push(InputFile {
                file: r[2].clone(),
                sha256: r[3].clone(),
                encoding: r[4].clone(),
                rows: self.num("inputs.csv", line, &r[5])? as u64,
            });
        }
        Ok(())
    }

    fn counts(&self, im: &mut Imported) -> Result<()> {
        let q = self.q;
        for (line, r) in self.rows("counts.csv")? {
            let n = "counts.csv";
            self.width(n, line, &r, 5)?;
            let a = self.some_agency(n, line, &r[0])? as usize;
            let g = self.group(n, line, &r[1])?;
            let qi = q.questions.iter().position(|x| x.id == r[2]).ok_or_else(|| {
                self.bad(n, line, crate::t!("survey-readback-question", question = r[2].as_str()))
            })?;
            let scale = q.scale_of(qi);
            let o = if r[3] == SKIPPED {
                scale.options.len()
            } else {
                scale.options.iter().position(|x| x.label == r[3]).ok_or_else(|| {
                    self.bad(n, line, crate::t!("survey-readback-option", option = r[3].as_str()))
                })?
            };
            let slot = im.stats.slot(a, g, qi, o);
            im.stats.counts[slot] += self.num(n, line, &r[4])? as u64;
        }
        Ok(())
    }

    fn moments(&self, im: &mut Imported) -> Result<()> {
        for (line, r) in self.rows("moments.csv")? {
            let n = "moments.csv";
            self.width(n, line, &r, 5)?;
            let a = self.some_agency(n, line, &r[0])? as usize;
            let g = self.group(n, line, &r[1])?;
            im.stats.moments[a * self.q.groups.len() + g].merge(&Moments {
                n: self.num(n, line, &r[2])? as u64,
                sum: self.num(n, line, &r[3])?,
                sum_sq: self.num(n, line, &r[4])?,
            });
        }
        Ok(())
    }

    fn accounting(&self, im: &mut Imported) -> Result<()> {
        let k = self.rules.len();
        for (line, r) in self.rows("accounting.csv")? {
            let n = "accounting.csv";
            self.width(n, line, &r, 4 + k)?;
            if r[0] == "(total)" {
                continue;
            }
            let t =
                self.agency(n, line, &r[0])?.map(|a| a as usize).unwrap_or(self.q.agencies.len());
            let v: Vec<u64> = r[1..]
                .iter()
                .map(|x| self.num(n, line, x).map(|x| x as u64))
                .collect::<Result<_>>()?;
            let tally = Tally {
                rows: v[0],
                valid: v[1],
                screened: v[2..2 + k].to_vec(),
                rejected: v[2 + k],
            };
            im.tallies[t].merge(&tally);
        }
        Ok(())
    }

    fn screened(&self, im: &Imported) -> Result<Vec<ScreenedRow>> {
        let mut screened = Vec::new();
        for (line, r) in self.rows("screened.csv")? {
            let n = "screened.csv";
            self.width(n, line, &r, 4)?;
            screened.push(ScreenedRow {
                file: self.file_index(im, n, line, &r[0])?,
                line: self.num(n, line, &r[1])? as u64,
                agency: self.some_agency(n, line, &r[2])?,
                rule: self.rules.iter().position(|x| *x == r[3]).ok_or_else(|| {
                    self.bad(n, line, crate::t!("survey-readback-rule", rule = r[3].as_str()))
                })? as u16,
            });
        }
        Ok(screened)
    }

    fn rejected(&self, im: &Imported) -> Result<Vec<RejectedRow>> {
        let mut rejected = Vec::new();
        for (line, r) in self.rows("rejected.csv")? {
            let n = "rejected.csv";
            self.width(n, line, &r, 4)?;
            rejected.push(RejectedRow {
                file: self.file_index(im, n, line, &r[0])?,
                line: self.num(n, line, &r[1])? as u64,
                agency: self.agency(n, line, &r[2])?,
                reason: r[3].clone(),
            });
        }
        Ok(rejected)
    }

    fn responses(&self) -> Result<Vec<Response>> {
        let mut responses = Vec::new();
        for (line, r) in self.rows("responses.csv")? {
            let n = "responses.csv";
            self.width(n, line, &r, RESPONSES_HEADER.len())?;
            let a = self.some_agency(n, line, &r[0])?;
            let g = self.group(n, line, &r[2])?;
            let y: Decimal = r[4].parse().map_err(|_| {
                self.bad(n, line, crate::t!("survey-readback-not-decimal", value = r[4].as_str()))
            })?;
            let y = y * Decimal::from(stats::MICRO);
            let response = y
                .is_integer()
                .then(|| y.to_i64())
                .flatten()
                .and_then(|y| Response::try_new(a, g as u32, y))
                .ok_or_else(|| {
                    self.bad(n, line, crate::t!("survey-readback-score", value = r[4].as_str()))
                })?;
            responses.push(response);
        }
        Ok(responses)
    }
}

/// Read an import's output directory back into an [`Imported`] (for merging).
pub fn read_all(dir: &Path, q: &Questionnaire) -> Result<Imported> {
    let mut im = Imported::empty(q);
    let rd = Reader { dir, q, rules: rule_names(q) };
    rd.inputs(&mut im)?;
    rd.counts(&mut im)?;
    rd.moments(&mut im)?;
    rd.accounting(&mut im)?;
    let screened = rd.screened(&im)?;
    let rejected = rd.rejected(&im)?;
    im.screened = screened;
    im.rejected = rejected;
    im.responses = None;
    if rd.file("responses.csv").is_file() {
        im.responses = Some(rd.responses()?);
    }
    Ok(im)
}
