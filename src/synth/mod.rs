//! Seeded generator of synthetic but plausible inputs for any scheme (`kaohe synth`).
//!
//! Each agency gets a latent "quality" q in [0.5, 1) that drives everything it is given: fewer
//! findings, tasks on time, higher measured values and satisfaction. Every agency draws from its
//! own random stream (seeded by the run's seed and the agency id), so adding agencies does not
//! change the data of the others, and the output is identical for the same seed on any machine.

pub mod roster;

use std::path::Path;

use chrono::{Days, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::error::Result;
use crate::rules::{Mapping, Method, Scheme, TierBound};
use crate::util::csv_out::CsvBuf;
use crate::util::fs::write_atomic;

#[derive(Debug, Clone)]
pub struct SynthConfig {
    pub agencies: usize,
    pub seed: u64,
}

/// A social-evaluation questionnaire whose synthetic export feeds the survey results: the
/// export is generated (`survey-export.csv`) and imported by the survey importer, whose
/// `survey.csv` replaces the directly drawn one (and whose valid responses are `survey-responses.csv`).
#[derive(Debug, Clone)]
pub struct SurveySynth {
    pub questionnaire: std::path::PathBuf,
    pub rows: u64,
}

/// The generated files, as CSV text, by file name.
pub struct SynthData {
    pub files: Vec<(String, String)>,
}

fn stream(seed: u64, id: &str) -> ChaCha8Rng {
    // FNV-1a of the id, mixed with the seed: stable across platforms and Rust versions.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in id.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100000001b3);
    }
    ChaCha8Rng::seed_from_u64(seed ^ h)
}

fn d1(x: f64) -> Decimal {
    // One decimal, via integer tenths: the text is the same on every platform.
    Decimal::new((x * 10.0).round() as i64, 1)
}

pub fn generate(scheme: &Scheme, cfg: &SynthConfig) -> SynthData {
    let groups: Vec<(String, String)> =
        scheme.groups.iter().map(|g| (g.id.clone(), g.name.clone())).collect();
    let roster = roster::roster(&groups, cfg.agencies);
    let year = scheme.year.unwrap_or(2022);
    let year_start = NaiveDate::from_ymd_opt(year, 1, 1).expect("valid year");
    let mut t = Tables::new();
    for a in &roster {
        t.agencies.row([a.id.as_str(), &a.name, &a.group, a.parent.as_deref().unwrap_or("")]);
        let mut rng = stream(cfg.seed, &a.id);
        // Skewed towards good agencies, with only IEEE-exact arithmetic (no libm), so the stream
        // gives the same numbers on every platform.
        let r: f64 = rng.random();
        let q: f64 = 0.5 + 0.5 * r * (2.0 - r);
        let mut d = Draw { scheme, year, year_start, a, q, rng };
        d.indicators(&mut t);
        d.awards_and_findings(&mut t);
    }
    t.into_files(scheme)
}

/// The generated tables, one CSV each, and the running numbers of their ids.
struct Tables {
    agencies: CsvBuf,
    findings: CsvBuf,
    tasks: CsvBuf,
    measures: CsvBuf,
    awards: CsvBuf,
    lookback: CsvBuf,
    survey: CsvBuf,
    finding_no: u32,
    award_no: u32,
    prior_no: u32,
}

impl Tables {
    fn new() -> Tables {
        Tables {
            agencies: CsvBuf::new(b"", &["id", "name", "group", "parent"]),
            findings: CsvBuf::new(b"", &["id", "agency", "kind", "count", "date", "evidence"]),
            tasks: CsvBuf::new(b"", &["agency", "task", "completed", "status", "evidence"]),
            measures: CsvBuf::new(b"", &["agency", "indicator", "value", "evidence"]),
            awards: CsvBuf::new(b"", &["id", "agency", "bonus", "count", "evidence"]),
            lookback: CsvBuf::new(b"", &["id", "agency", "kind", "status", "evidence"]),
            survey: CsvBuf::new(
                b"",
                &["agency", "survey", "index", "ci_low", "ci_high", "n", "n_eff", "below_minimum"],
            ),
            finding_no: 0,
            award_no: 0,
            prior_no: 0,
        }
    }

    /// The files by name: look-back and survey results only when the scheme reads them.
    fn into_files(self, scheme: &Scheme) -> SynthData {
        let text = |c: CsvBuf| String::from_utf8(c.into_bytes()).expect("CSV of UTF-8 text");
        let mut files = vec![
            ("agencies.csv".to_string(), text(self.agencies)),
            ("findings.csv".to_string(), text(self.findings)),
            ("tasks.csv".to_string(), text(self.tasks)),
            ("measures.csv".to_string(), text(self.measures)),
            ("awards.csv".to_string(), text(self.awards)),
        ];
        if scheme.lookback.is_some() {
            files.push(("lookback.csv".to_string(), text(self.lookback)));
        }
        if scheme.nodes.iter().any(|n| matches!(n.method(), Some(Method::Survey(_)))) {
            files.push(("survey.csv".to_string(), text(self.survey)));
        }
        SynthData { files }
    }
}

/// One agency's draws: its quality `q` and its own random stream.
struct Draw<'a> {
    scheme: &'a Scheme,
    year: i32,
    year_start: NaiveDate,
    a: &'a roster::RosterAgency,
    q: f64,
    rng: ChaCha8Rng,
}

impl Draw<'_> {
    fn day_in_year(&mut self) -> NaiveDate {
        self.year_start + Days::new(self.rng.random_range(0..365))
    }

    /// Whether indicator `node` and all its ancestors apply to the agency.
    fn applies(&self, node: usize) -> bool {
        let mut n = Some(node);
        while let Some(i) = n {
            if !self.scheme.nodes[i].applies.applies(&self.a.id, &self.a.group) {
                return false;
            }
            n = self.scheme.nodes[i].parent;
        }
        true
    }

    /// The rows of each scored indicator that applies, in file order.
    fn indicators(&mut self, t: &mut Tables) {
        let scheme = self.scheme;
        let mut per_written = std::collections::HashSet::new();
        for (i, node) in scheme.nodes.iter().enumerate() {
            let Some(method) = node.method() else { continue };
            if !self.applies(i) {
                continue;
            }
            match method {
                Method::Deduct(kinds) => self.deductions(t, kinds),
                Method::Deadline(d) => self.deadline(t, node, d.due),
                Method::Measure(m) => {
                    let noise: f64 = self.rng.random::<f64>() * 0.2 - 0.1;
                    let v = value_for(&m.mapping, (self.q + noise).clamp(0.0, 1.0));
                    t.measures.row([
                        self.a.id.as_str(),
                        &node.id,
                        &v.to_string(),
                        "第三方评估测评",
                    ]);
                }
                Method::Normalise(m) => {
                    // A level in 0…100 around the agency's quality; a denominator of 1, written
                    // once per agency however many items share it.
                    let noise: f64 = self.rng.random::<f64>() * 20.0 - 10.0;
                    let v = d1((100.0 * self.q + noise).clamp(0.0, 100.0));
                    t.measures.row([self.a.id.as_str(), &m.measure, &v.to_string(), ""]);
                    if let Some(per) = &m.per
                        && per_written.insert(per.clone())
                    {
                        t.measures.row([self.a.id.as_str(), per, "1", ""]);
                    }
                }
                Method::Survey(s) => self.survey(t, &s.survey),
            }
        }
    }

    /// Findings of each deducted kind, and last year's findings of it with their rectification.
    fn deductions(&mut self, t: &mut Tables, kinds: &[crate::rules::DeductKind]) {
        let (year, q) = (self.year, self.q);
        for k in kinds {
            let p = if k.major { 0.01 } else { (1.0 - q) * 0.9 };
            let count = (0..3).filter(|_| self.rng.random_bool(p.clamp(0.0, 1.0))).count();
            if count > 0 {
                t.finding_no += 1;
                let date = self.day_in_year();
                t.findings.row([
                    format!("F{year}-{:05}", t.finding_no).as_str(),
                    self.a.id.as_str(),
                    &k.kind,
                    &count.to_string(),
                    &date.to_string(),
                    &format!("第三方评估抽查:{}", k.name),
                ]);
            }
            if self.rng.random_bool(0.12) {
                t.prior_no += 1;
                let status = ["rectified", "rectified", "late", "partial", "not_rectified"]
                    [self.rng.random_range(0..5)];
                t.lookback.row([
                    &format!("P{}-{:05}", year - 1, t.prior_no),
                    self.a.id.as_str(),
                    &k.kind,
                    status,
                    &format!("{}年度考核发现:{}", year - 1, k.name),
                ]);
            }
        }
    }

    /// A deadline task: done on time, late, or not done, more often on time for a good agency.
    fn deadline(&mut self, t: &mut Tables, node: &crate::rules::Node, due: NaiveDate) {
        let q = self.q;
        let r: f64 = self.rng.random();
        let (completed, status, how) = if r < q {
            let early = self.rng.random_range(0..60);
            (due.checked_sub_days(Days::new(early)).unwrap_or(due).to_string(), "done", "已完成")
        } else if r < q + (1.0 - q) * 0.7 {
            let late = self.rng.random_range(1..120);
            ((due + Days::new(late)).to_string(), "done", "逾期完成")
        } else {
            (String::new(), "not_done", "未完成")
        };
        t.tasks.row([
            self.a.id.as_str(),
            &node.id,
            &completed,
            status,
            &format!("{}{how}", node.name),
        ]);
    }

    /// A survey result around the agency's quality, with its 95% interval and sample size.
    fn survey(&mut self, t: &mut Tables, survey: &str) {
        let noise: f64 = self.rng.random::<f64>() * 8.0 - 4.0;
        let index = d1((55.0 + 40.0 * self.q + noise).clamp(0.0, 100.0));
        let n: u64 = self.rng.random_range(150..600);
        let below = n < 200;
        let half = d1(1.96 * 18.0 / (n as f64).sqrt());
        t.survey.row([
            &self.a.id,
            survey,
            &index.to_string(),
            &(index - half).to_string(),
            &(index + half).to_string(),
            &n.to_string(),
            &format!("{n}.00"),
            &below.to_string(),
        ]);
    }

    /// Bonus awards, penalty findings and (rarely) veto findings.
    fn awards_and_findings(&mut self, t: &mut Tables) {
        let (scheme, year, q) = (self.scheme, self.year, self.q);
        for b in &scheme.bonus.items {
            if b.applies.applies(&self.a.id, &self.a.group) && self.rng.random_bool((q - 0.5) * 0.5)
            {
                t.award_no += 1;
                let count = if self.rng.random_bool(0.2) { "2" } else { "1" };
                t.awards.row([
                    &format!("A{year}-{:04}", t.award_no),
                    self.a.id.as_str(),
                    &b.id,
                    count,
                    &format!("{}入选", b.name),
                ]);
            }
        }
        let penalties = scheme.penalty.kinds.iter().map(|k| (&k.kind, &k.name, 0.03));
        let vetoes = scheme.vetoes.iter().map(|v| (&v.kind, &v.name, 0.006));
        for (kind, name, p) in penalties.chain(vetoes) {
            if self.rng.random_bool(p) {
                t.finding_no += 1;
                let date = self.day_in_year();
                t.findings.row([
                    format!("F{year}-{:05}", t.finding_no).as_str(),
                    self.a.id.as_str(),
                    kind,
                    "1",
                    &date.to_string(),
                    name,
                ]);
            }
        }
    }
}

/// A plausible raw value for quality `q` in [0, 1] under a mapping.
fn value_for(mapping: &Mapping, q: f64) -> Decimal {
    match mapping {
        Mapping::Linear { zero_at, full_at } => {
            let z: f64 = zero_at.to_f64().unwrap_or(0.0);
            let f: f64 = full_at.to_f64().unwrap_or(100.0);
            d1(z + (f - z) * (0.3 + 0.8 * q).min(1.05))
        }
        Mapping::Tiers(t) => match t.first().map(|t| t.bound) {
            Some(TierBound::AtMost(_)) => d1((1.0 - q) * 20.0),
            _ => d1(60.0 + 40.0 * q),
        },
        Mapping::PerUnit { target, higher_is_better, .. } => {
            let t: f64 = target.to_f64().unwrap_or(100.0);
            if *higher_is_better { d1(t - (1.0 - q) * 12.0) } else { d1(t + (1.0 - q) * 12.0) }
        }
        Mapping::RelativeToBest { .. } | Mapping::ByRank { .. } => d1(100.0 * q),
    }
}

/// Write the generated files into `out` (each atomically).
pub fn write(data: &SynthData, out: &Path) -> Result<()> {
    for (name, text) in &data.files {
        write_atomic(&out.join(name), text.as_bytes())?;
    }
    Ok(())
}

/// The export file a questionnaire's synthetic responses are written to: `survey-export.csv`
/// when there is one questionnaire, `survey-export-<id>.csv` each when there are several.
pub fn export_name(id: &str, several: bool) -> String {
    if several { format!("survey-export-{id}.csv") } else { "survey-export.csv".to_string() }
}

/// The list of files a data directory holds unread (`kaohe-ignore.txt`): the exports of several
/// questionnaires, which `kaohe score` does not read.
pub const IGNORE_FILE: &str = "kaohe-ignore.txt";

/// For each questionnaire, generate a survey export into `out` (named by [`export_name`]),
/// import it, and put the importers' per-agency results in `data` as `survey.csv` and their valid
/// responses as `survey-responses.csv` (questionnaires in the order given). With several
/// questionnaires, `kaohe-ignore.txt` lists their exports. Every agency a questionnaire rates
/// must be among the generated agencies.
pub fn survey_through_importer(
    data: &mut SynthData,
    surveys: &[SurveySynth],
    seed: u64,
    out: &Path,
) -> Result<()> {
    let several = surveys.len() > 1;
    let (mut results, mut responses) = (String::new(), String::new());
    // The exports are kept beside their results, unread by `kaohe score`.
    let mut ignore = String::new();
    for survey in surveys {
        let (r, v, name) = import_one(data, survey, seed, out, several)?;
        append_table(&mut results, &r);
        append_table(&mut responses, &v);
        ignore.push_str(&name);
        ignore.push('\n');
    }
    data.files.retain(|f| f.0 != "survey.csv" && f.0 != "survey-responses.csv");
    data.files.push(("survey.csv".into(), results));
    // The responses behind those indices, for `kaohe robustness` to bootstrap.
    data.files.push(("survey-responses.csv".into(), responses));
    if several {
        data.files.push((IGNORE_FILE.into(), ignore));
    }
    Ok(())
}

/// Append a CSV table (BOM dropped) to `acc`, without its header when `acc` already has one.
fn append_table(acc: &mut String, table: &str) {
    let table = table.trim_start_matches('\u{feff}');
    if acc.is_empty() {
        acc.push_str(table);
    } else {
        acc.push_str(table.split_once('\n').map_or("", |(_, rows)| rows));
    }
}

/// One questionnaire's export, written into `out`, and the importer's `survey.csv` and
/// `survey-responses.csv` for it, with the export's file name.
fn import_one(
    data: &SynthData,
    survey: &SurveySynth,
    seed: u64,
    out: &Path,
    several: bool,
) -> Result<(String, String, String)> {
    use crate::survey::questionnaire::Questionnaire;
    let q = Questionnaire::load(&survey.questionnaire)?;
    let agencies =
        &data.files.iter().find(|f| f.0 == "agencies.csv").expect("agencies are generated").1;
    let ids: std::collections::HashSet<&str> =
        agencies.lines().skip(1).filter_map(|l| l.split(',').next()).collect();
    if let Some(missing) = q.agencies.iter().find(|a| !ids.contains(a.id.as_str())) {
        return Err(crate::Error::Usage(crate::t!(
            "util-synth-missing-agency",
            questionnaire = survey.questionnaire.as_path(),
            agency = missing.id
        )));
    }
    let name = export_name(&q.id, several);
    let export_path = out.join(&name);
    let mut export = Vec::new();
    crate::survey::synth::generate(&q, survey.rows, seed, &mut export)
        .map_err(|e| crate::Error::io(&export_path, e))?;
    write_atomic(&export_path, &export)?;
    let imported =
        crate::survey::import::import(&q, std::slice::from_ref(&export_path), Default::default())?;
    let table = crate::survey::output::survey_csv(&q, &imported.stats);
    let results = String::from_utf8(table).expect("survey.csv is UTF-8");
    let responses = crate::survey::output::responses_csv(
        &q,
        imported.responses.as_deref().expect("a fresh import keeps its responses"),
    );
    let responses = String::from_utf8(responses).expect("responses.csv is UTF-8");
    Ok((results, responses, name))
}
