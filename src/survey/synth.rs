//! Synthetic 问卷星-style exports (by text, UTF-8 CSV) for a questionnaire: the bundled
//! example's survey export and the 10-million-row benchmark file.
//!
//! Deterministic: rows are generated in chunks of [`CHUNK`], each from its own ChaCha8 stream
//! seeded by (seed, chunk number), so the file is byte-identical at any thread count. Every kind
//! of row the importer must handle occurs: fast responses, duplicate IPs, straight-lining,
//! failed attention checks, all-不了解 responses, answers out of range, unknown agencies and
//! missing required answers, at small stated rates.

use std::fmt::Write as _;
use std::io::Write;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use crate::survey::questionnaire::Questionnaire;

pub const CHUNK: u64 = 50_000;

/// Rates, per row, of each irregularity.
const FAST: f64 = 0.03;
const DUP_IP: f64 = 0.02;
const STRAIGHT: f64 = 0.02;
const ATTENTION_FAIL: f64 = 0.02;
const ALL_DONT_KNOW: f64 = 0.005;
const BAD_ANSWER: f64 = 0.002;
const BAD_AGENCY: f64 = 0.001;
const MISSING: f64 = 0.001;
/// In a mutual rating (questionnaire with `self_rating`), the share of respondents rating their
/// own agency.
const SELF_RATING: f64 = 0.03;

fn field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// The header row the synthetic export uses for a questionnaire.
pub fn header(q: &Questionnaire) -> String {
    let mut cols: Vec<&str> =
        vec!["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"];
    cols.push(&q.agency_column);
    cols.push(&q.group_column);
    for x in &q.questions {
        cols.push(&x.column);
    }
    for a in &q.screening.attention {
        cols.push(&a.column);
    }
    if let Some(c) = &q.screening.self_rating {
        cols.push(c);
    }
    let mut s = String::new();
    for (i, c) in cols.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        field(&mut s, c);
    }
    s.push('\n');
    s
}

/// Per-agency traits: a satisfaction level in [0.35, 0.95] and a relative size.
fn agency_traits(q: &Questionnaire, seed: u64) -> Vec<(f64, f64)> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed_a9e1);
    q.agencies
        .iter()
        .map(|_| {
            let level = rng.random_range(0.35..0.95);
            // A few agencies collect far fewer responses (to show below-minimum flags).
            let size = if rng.random_bool(0.08) { 0.15 } else { rng.random_range(0.6..1.4) };
            (level, size)
        })
        .collect()
}

/// Write `rows` synthetic responses for `q` to `out`.
pub fn generate(
    q: &Questionnaire,
    rows: u64,
    seed: u64,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    out.write_all(header(q).as_bytes())?;
    let traits = agency_traits(q, seed);
    // Cumulative agency sizes for sampling.
    let mut cum = Vec::with_capacity(traits.len());
    let mut total = 0.0;
    for t in &traits {
        total += t.1;
        cum.push(total);
    }
    let chunks = rows.div_ceil(CHUNK);
    // Generate a few chunks in parallel, write them in order.
    let per_batch = 2 * rayon::current_num_threads() as u64;
    let mut c = 0;
    while c < chunks {
        let end = (c + per_batch).min(chunks);
        let texts: Vec<String> = (c..end)
            .into_par_iter()
            .map(|k| {
                let first = k * CHUNK;
                let n = CHUNK.min(rows - first);
                chunk(q, &traits, &cum, total, seed, k, first, n)
            })
            .collect();
        for t in texts {
            out.write_all(t.as_bytes())?;
        }
        c = end;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn chunk(
    q: &Questionnaire,
    traits: &[(f64, f64)],
    cum: &[f64],
    total: f64,
    seed: u64,
    k: u64,
    first: u64,
    n: u64,
) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ k);
    let mut s = String::with_capacity(n as usize * 120);
    let group_share: Vec<f64> = {
        let g = q.groups.len();
        // Most respondents are the public (the first group), the rest shared.
        (0..g).map(|i| if i == 0 { 0.6 } else { 0.4 / (g - 1).max(1) as f64 }).collect()
    };
    let mut last_ip: Vec<Option<u32>> = vec![None; q.agencies.len()];
    for i in 0..n {
        let id = first + i + 1;
        let x = rng.random_range(0.0..total);
        let a = cum.partition_point(|&c| c <= x).min(cum.len() - 1);
        let level = traits[a].0;
        // From 2022-06-01, 3 s apart: in submission order, as exports are (12,000 rows span 10 h).
        let t = 1_654_041_600 + id as i64 * 3;
        let when = chrono::DateTime::from_timestamp(t, 0).unwrap_or_default().naive_utc();
        let secs: u32 =
            if rng.random_bool(FAST) { rng.random_range(8..60) } else { rng.random_range(60..900) };
        // A duplicate reuses the last address seen for the same agency in this chunk.
        let ip = match last_ip[a] {
            Some(ip) if rng.random_bool(DUP_IP) => ip,
            _ => rng.random(),
        };
        last_ip[a] = Some(ip);
        let _ = write!(
            s,
            "{id},{},{secs}秒,手机提交,微信,{}.{}.{}.{}(山西-太原),",
            when.format("%Y/%m/%d %H:%M:%S"),
            ip >> 24,
            (ip >> 16) & 255,
            (ip >> 8) & 255,
            ip & 255
        );
        if rng.random_bool(BAD_AGENCY) {
            s.push_str("某某县");
        } else {
            field(&mut s, &q.agencies[a].label);
        }
        s.push(',');
        let g = pick_group(&mut rng, &group_share);
        field(&mut s, &q.groups[g].label);
        write_answers(&mut s, &mut rng, q, level);
        for att in &q.screening.attention {
            s.push(',');
            if rng.random_bool(ATTENTION_FAIL) {
                s.push_str("不满意");
            } else {
                field(&mut s, &att.pass[0]);
            }
        }
        if q.screening.self_rating.is_some() {
            s.push(',');
            field(&mut s, &q.agencies[rater(&mut rng, a, q.agencies.len())].label);
        }
        s.push('\n');
    }
    s
}

/// A respondent group drawn by its share (the last group when the shares fall short of 1).
fn pick_group(rng: &mut ChaCha8Rng, shares: &[f64]) -> usize {
    let r: f64 = rng.random();
    let mut acc = 0.0;
    let mut g = shares.len() - 1;
    for (gi, share) in shares.iter().enumerate() {
        acc += share;
        if r < acc {
            g = gi;
            break;
        }
    }
    g
}

/// One response's answers to the questions (after its agency and group cells), around the
/// agency's `level`: straight-lining, all "don't know", a bad label, a missing or skipped answer
/// at the rates the constants give.
fn write_answers(s: &mut String, rng: &mut ChaCha8Rng, q: &Questionnaire, level: f64) {
    let straight = rng.random_bool(STRAIGHT);
    let all_dk = rng.random_bool(ALL_DONT_KNOW);
    let bad = rng.random_bool(BAD_ANSWER).then(|| rng.random_range(0..q.questions.len()));
    let missing = rng.random_bool(MISSING).then(|| rng.random_range(0..q.questions.len()));
    let mut straight_pick = None;
    for qi in 0..q.questions.len() {
        s.push(',');
        let scale = q.scale_of(qi);
        let rated: Vec<usize> =
            (0..scale.options.len()).filter(|&o| scale.options[o].value.is_some()).collect();
        let dk = (0..scale.options.len()).find(|&o| scale.options[o].value.is_none());
        if bad == Some(qi) {
            s.push_str("满易");
            continue;
        }
        if missing == Some(qi) {
            continue;
        }
        if all_dk && let Some(d) = dk {
            field(s, &scale.options[d].label);
            continue;
        }
        if !q.questions[qi].required && rng.random_bool(0.08) {
            s.push_str("(跳过)");
            continue;
        }
        if let Some(d) = dk
            && rng.random_bool(0.04)
        {
            field(s, &scale.options[d].label);
            continue;
        }
        // Options are listed best first: pick around the agency's level.
        let o = if straight {
            *straight_pick.get_or_insert_with(|| rng.random_range(0..rated.len()))
        } else {
            let p = (1.0 - level + rng.random_range(-0.3..0.3)).clamp(0.0, 0.999);
            (p * rated.len() as f64) as usize
        };
        field(s, &scale.options[rated[o.min(rated.len() - 1)]].label);
    }
}

/// The respondent's own agency in a mutual rating: the rated agency `a` itself at rate
/// [`SELF_RATING`], otherwise another of the `n` agencies, uniformly.
fn rater(rng: &mut ChaCha8Rng, a: usize, n: usize) -> usize {
    if n == 1 || rng.random_bool(SELF_RATING) {
        return a;
    }
    let other = rng.random_range(0..n - 1);
    if other >= a { other + 1 } else { other }
}

/// A questionnaire with `n` agencies for benchmarks: the Shanxi questions and groups, agencies
/// `A0001`… labelled `评价对象0001`….
pub fn scaffold(n: usize) -> String {
    let mut s = String::from(
        "# Generated by `kaohe survey synth --scaffold`: a benchmark questionnaire.\n\
         id = \"bench\"\ntitle = \"benchmark\"\n\n\
         [scales.sat]\noptions = [\n  { label = \"非常满意\", value = 100 },\n  { label = \"满意\", value = 80 },\n  \
         { label = \"一般\", value = 60 },\n  { label = \"不满意\", value = 40 },\n  { label = \"非常不满意\", value = 20 },\n  \
         { label = \"不了解\", dont_know = true },\n]\n\n\
         [agency]\ncolumn = \"1、您评价的是哪个单位?\"\noptions = [\n",
    );
    for i in 1..=n {
        let _ = writeln!(s, "  {{ label = \"评价对象{i:04}\", id = \"A{i:04}\" }},");
    }
    s.push_str(
        "]\n\n[respondents]\ncolumn = \"2、您的身份\"\ngroups = [\n  { id = \"public\", label = \"普通群众\", weight = 0.5 },\n  \
         { id = \"enterprise\", label = \"企业\", weight = 0.3 },\n  { id = \"deputy\", label = \"人大代表、政协委员\", weight = 0.2 },\n]\n\n\
         [minimum]\nsample = 1000\nbelow = \"flag\"\n\n\
         [screening]\nmin_seconds = 60\nduplicates = { columns = [\"来自IP\"], keep = \"first\" }\n\
         straight_lining = { questions = [\"q1\", \"q2\", \"q3\", \"q4\", \"q5\", \"q6\"], min_answered = 6 }\n\
         attention = [ { id = \"check\", column = \"5、本题请选择“一般”\", pass = [\"一般\"] } ]\n",
    );
    let rows = [
        "信息发布及时全面",
        "政策解读清楚易懂",
        "政府网站好用",
        "依申请公开规范高效",
        "办事指南准确",
        "征求意见充分",
    ];
    for (i, r) in rows.iter().enumerate() {
        let col = if i == 0 {
            format!("3、您对各方面的满意程度(矩阵单选题 *必答)—{r}")
        } else {
            r.to_string()
        };
        let _ = writeln!(
            s,
            "\n[[questions]]\nid = \"q{}\"\ntext = \"{r}\"\ncolumn = \"{col}\"\nscale = \"sat\"\nrequired = {}",
            i + 1,
            i != 3
        );
    }
    s.push_str("\n[[questions]]\nid = \"q7\"\ntext = \"总体满意度\"\ncolumn = \"4、总体满意度\"\nscale = \"sat\"\nweight = 2\n");
    s
}
