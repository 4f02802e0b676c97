//! Seeded generator of synthetic but plausible inputs for any scheme (`kaohe synth`).
//!
//! Each agency gets a latent "quality" q in [0.5, 1) that drives everything it is given: fewer
//! findings, tasks on time, higher measured values and satisfaction. Every agency draws from its
//! own random stream (seeded by the run's seed and the agency id), so adding agencies does not
//! change the data of the others, and the output is identical for the same seed on any machine.

pub mod roster;

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Days, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::error::Result;
use crate::rules::{Mapping, Method, Scheme, TierBound};
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

fn csv_field(s: &str) -> String {
    crate::util::csv_out::field(s)
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
    let mut agencies = String::from("id,name,group,parent\n");
    let mut findings = String::from("id,agency,kind,count,date,evidence\n");
    let mut tasks = String::from("agency,task,completed,status,evidence\n");
    let mut measures = String::from("agency,indicator,value,evidence\n");
    let mut awards = String::from("id,agency,bonus,count,evidence\n");
    let mut lookback = String::from("id,agency,kind,status,evidence\n");
    let mut survey = String::from("agency,survey,index,ci_low,ci_high,n,n_eff,below_minimum\n");
    let mut finding_no = 0u32;
    let mut award_no = 0u32;
    let mut prior_no = 0u32;
    for a in &roster {
        let _ = writeln!(
            agencies,
            "{},{},{},{}",
            a.id,
            csv_field(&a.name),
            a.group,
            a.parent.as_deref().unwrap_or("")
        );
        let mut rng = stream(cfg.seed, &a.id);
        // Skewed towards good agencies, with only IEEE-exact arithmetic (no libm), so the stream
        // gives the same numbers on every platform.
        let r: f64 = rng.random();
        let q: f64 = 0.5 + 0.5 * r * (2.0 - r);
        let applies = |node: usize| {
            let mut n = Some(node);
            while let Some(i) = n {
                if !scheme.nodes[i].applies.applies(&a.id, &a.group) {
                    return false;
                }
                n = scheme.nodes[i].parent;
            }
            true
        };
        let mut per_written = std::collections::HashSet::new();
        let day_in_year = |rng: &mut ChaCha8Rng| year_start + Days::new(rng.random_range(0..365));
        for (i, node) in scheme.nodes.iter().enumerate() {
            let Some(method) = &node.method else { continue };
            if !applies(i) {
                continue;
            }
            match method {
                Method::Deduct(kinds) => {
                    for k in kinds {
                        let p = if k.major { 0.01 } else { (1.0 - q) * 0.9 };
                        let count = (0..3).filter(|_| rng.random_bool(p.clamp(0.0, 1.0))).count();
                        if count > 0 {
                            finding_no += 1;
                            let date = day_in_year(&mut rng);
                            let _ = writeln!(
                                findings,
                                "F{year}-{finding_no:05},{},{},{count},{date},{}",
                                a.id,
                                k.kind,
                                csv_field(&format!("第三方评估抽查:{}", k.name))
                            );
                        }
                        if rng.random_bool(0.12) {
                            prior_no += 1;
                            let status =
                                ["rectified", "rectified", "late", "partial", "not_rectified"]
                                    [rng.random_range(0..5)];
                            let _ = writeln!(
                                lookback,
                                "P{}-{prior_no:05},{},{},{status},{}",
                                year - 1,
                                a.id,
                                k.kind,
                                csv_field(&format!("{}年度考核发现:{}", year - 1, k.name))
                            );
                        }
                    }
                }
                Method::Deadline(d) => {
                    let r: f64 = rng.random();
                    if r < q {
                        let early = rng.random_range(0..60);
                        let done = d.due.checked_sub_days(Days::new(early)).unwrap_or(d.due);
                        let _ = writeln!(
                            tasks,
                            "{},{},{done},done,{}",
                            a.id,
                            node.id,
                            csv_field(&format!("{}已完成", node.name))
                        );
                    } else if r < q + (1.0 - q) * 0.7 {
                        let late = rng.random_range(1..120);
                        let done = d.due + Days::new(late);
                        let _ = writeln!(
                            tasks,
                            "{},{},{done},done,{}",
                            a.id,
                            node.id,
                            csv_field(&format!("{}逾期完成", node.name))
                        );
                    } else {
                        let _ = writeln!(
                            tasks,
                            "{},{},,not_done,{}",
                            a.id,
                            node.id,
                            csv_field(&format!("{}未完成", node.name))
                        );
                    }
                }
                Method::Measure(m) => {
                    let noise: f64 = rng.random::<f64>() * 0.2 - 0.1;
                    let v = value_for(&m.mapping, (q + noise).clamp(0.0, 1.0));
                    let _ = writeln!(
                        measures,
                        "{},{},{v},{}",
                        a.id,
                        node.id,
                        csv_field("第三方评估测评")
                    );
                }
                Method::Normalise(m) => {
                    // A level in 0…100 around the agency's quality; a denominator of 1, written
                    // once per agency however many items share it.
                    let noise: f64 = rng.random::<f64>() * 20.0 - 10.0;
                    let v = d1((100.0 * q + noise).clamp(0.0, 100.0));
                    let _ = writeln!(measures, "{},{},{v},", a.id, m.measure);
                    if let Some(per) = &m.per
                        && per_written.insert(per.clone())
                    {
                        let _ = writeln!(measures, "{},{per},1,", a.id);
                    }
                }
                Method::Survey(s) => {
                    let noise: f64 = rng.random::<f64>() * 8.0 - 4.0;
                    let index = d1((55.0 + 40.0 * q + noise).clamp(0.0, 100.0));
                    let n: u64 = rng.random_range(150..600);
                    let below = n < 200;
                    let half = d1(1.96 * 18.0 / (n as f64).sqrt());
                    let _ = writeln!(
                        survey,
                        "{},{},{index},{},{},{n},{n}.00,{below}",
                        a.id,
                        s.survey,
                        index - half,
                        index + half
                    );
                }
            }
        }
        for b in &scheme.bonus.items {
            if b.applies.applies(&a.id, &a.group) && rng.random_bool((q - 0.5) * 0.5) {
                award_no += 1;
                let count = if rng.random_bool(0.2) { 2 } else { 1 };
                let _ = writeln!(
                    awards,
                    "A{year}-{award_no:04},{},{},{count},{}",
                    a.id,
                    b.id,
                    csv_field(&format!("{}入选", b.name))
                );
            }
        }
        for k in &scheme.penalty.kinds {
            if rng.random_bool(0.03) {
                finding_no += 1;
                let date = day_in_year(&mut rng);
                let _ = writeln!(
                    findings,
                    "F{year}-{finding_no:05},{},{},1,{date},{}",
                    a.id,
                    k.kind,
                    csv_field(&k.name)
                );
            }
        }
        for v in &scheme.vetoes {
            if rng.random_bool(0.006) {
                finding_no += 1;
                let date = day_in_year(&mut rng);
                let _ = writeln!(
                    findings,
                    "F{year}-{finding_no:05},{},{},1,{date},{}",
                    a.id,
                    v.kind,
                    csv_field(&v.name)
                );
            }
        }
    }
    let mut files = vec![
        ("agencies.csv".to_string(), agencies),
        ("findings.csv".to_string(), findings),
        ("tasks.csv".to_string(), tasks),
        ("measures.csv".to_string(), measures),
        ("awards.csv".to_string(), awards),
    ];
    if scheme.lookback.is_some() {
        files.push(("lookback.csv".to_string(), lookback));
    }
    if scheme.nodes.iter().any(|n| matches!(n.method, Some(Method::Survey(_)))) {
        files.push(("survey.csv".to_string(), survey));
    }
    SynthData { files }
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

/// Generate a survey export for `survey.questionnaire` into `out/survey-export.csv`, import it,
/// and put the importer's per-agency results in `data` as `survey.csv` and its valid responses as
/// `survey-responses.csv`. Every agency the
/// questionnaire rates must be among the generated agencies.
pub fn survey_through_importer(
    data: &mut SynthData,
    survey: &SurveySynth,
    seed: u64,
    out: &Path,
) -> Result<()> {
    use crate::survey::questionnaire::Questionnaire;
    let q = Questionnaire::load(&survey.questionnaire)?;
    let agencies =
        &data.files.iter().find(|f| f.0 == "agencies.csv").expect("agencies are generated").1;
    let ids: std::collections::HashSet<&str> =
        agencies.lines().skip(1).filter_map(|l| l.split(',').next()).collect();
    if let Some(missing) = q.agencies.iter().find(|a| !ids.contains(a.id.as_str())) {
        return Err(crate::Error::Usage(format!(
            "{} rates agency `{}`, which this synthetic data set does not have: generate at least the agencies the questionnaire rates",
            survey.questionnaire.display(),
            missing.id
        )));
    }
    let mut export = Vec::new();
    crate::survey::synth::generate(&q, survey.rows, seed, &mut export)
        .map_err(|e| crate::Error::io(&out.join("survey-export.csv"), e))?;
    let export_path = out.join("survey-export.csv");
    write_atomic(&export_path, &export)?;
    let imported =
        crate::survey::import::import(&q, std::slice::from_ref(&export_path), Default::default())?;
    let table = crate::survey::output::survey_csv(&q, &imported.stats);
    let text = String::from_utf8(table).expect("survey.csv is UTF-8");
    data.files.retain(|f| f.0 != "survey.csv" && f.0 != "survey-responses.csv");
    data.files.push(("survey.csv".into(), text.trim_start_matches('\u{feff}').to_string()));
    // The responses behind those indices, for `kaohe robustness` to bootstrap.
    let responses = crate::survey::output::responses_csv(
        &q,
        imported.responses.as_deref().expect("a fresh import keeps its responses"),
    );
    let text = String::from_utf8(responses).expect("responses.csv is UTF-8");
    data.files
        .push(("survey-responses.csv".into(), text.trim_start_matches('\u{feff}').to_string()));
    Ok(())
}
