//! What becomes of one response row: rejected (it cannot be read as a response to this
//! questionnaire), screened out (it can, but a screening rule excludes it), or valid.
//!
//! Checks run in a fixed, documented order so that a row's outcome never depends on the
//! thread that read it:
//! 1. rejections: the row's width; the agency (missing or unknown); the respondent group; each
//!    question's answer (not an option, or a required answer missing); the completion time when a
//!    minimum is set (unparseable); the submission time when duplicates are screened;
//! 2. per-row screening rules: `self-rating` (a mutual rating's respondent rating their own
//!    agency, when the questionnaire names the respondent's agency column), `min-seconds`, each
//!    `attention:<id>`, `straight-lining`;
//! 3. `duplicate`, by [`Dedup`], among rows that passed all else: `keep = "first"` keeps the
//!    earliest submission (ties: the earlier row in file order), `"latest"` the latest (ties: the
//!    later row);
//! 4. `no-rated-answer` (every answer was don't-know or skipped, so the response has no score),
//!    on the row duplicate screening kept.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::{Error, Location, Result};
use crate::survey::questionnaire::{AnswerForm, Keep, Questionnaire};
use crate::survey::stats::MICRO;
use crate::survey::wjx;

/// A resolved screening rule, as named in reports.
pub fn rule_names(q: &Questionnaire) -> Vec<String> {
    let mut v = vec!["min-seconds".to_string()];
    v.extend(q.screening.attention.iter().map(|a| format!("attention:{}", a.id)));
    v.push("straight-lining".into());
    v.push("no-rated-answer".into());
    v.push("duplicate".into());
    // Last, and only when configured, so that other questionnaires' rule indices and reports
    // stay as they were.
    if q.screening.self_rating.is_some() {
        v.push("self-rating".into());
    }
    v
}

/// Export columns resolved to indices for one file's header.
#[derive(Debug, Clone)]
pub struct Plan {
    pub width: usize,
    /// The response id column (问卷星's 序号), when the export has one.
    pub response_id: Option<usize>,
    pub form: AnswerForm,
    agency: usize,
    group: usize,
    questions: Vec<usize>,
    seconds: Option<usize>,
    submitted: Option<usize>,
    keys: Vec<usize>,
    /// Per key column: is it 来自IP (whose `(place)` suffix is not part of the key)?
    key_is_ip: Vec<bool>,
    attention: Vec<usize>,
    /// The respondent's own agency (mutual rating), when an agency's rating of itself is screened.
    rater: Option<usize>,
    /// Group labels and ids, in group order (label i and id i both mean group i).
    group_names: Labels,
    /// The agency texts, packed ([`PackedNames`]).
    agency_names: PackedNames,
    headers: Vec<String>,
    /// Per question, per option: value × 10^scale as an integer (`None`: don't know).
    values: Vec<Vec<Option<i64>>>,
    /// Per question: its options' labels, for matching by text.
    labels: Vec<Labels>,
    /// Per question: weight × 10^scale as an integer.
    weights: Vec<i64>,
    /// 10^(value decimals).
    value_unit: i128,
}

impl Plan {
    /// Resolve the questionnaire's columns against a header row (matched by name, in any order).
    pub fn new(
        q: &Questionnaire,
        headers: &[String],
        file: &str,
        form: AnswerForm,
    ) -> Result<Plan> {
        let headers: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
        let mut errors = Vec::new();
        let mut find = |name: &str, what: &str| -> usize {
            match headers.iter().position(|h| h == name) {
                // Two matrices can share row labels: a column named twice is ambiguous.
                Some(i) if headers[i + 1..].iter().any(|h| h == name) => {
                    errors.push(Error::at(
                        Location::line(file, 1).with_column(name),
                        crate::t!("survey-column-twice", column = name, what = what),
                    ));
                    i
                }
                Some(i) => i,
                None => {
                    errors.push(Error::at(
                        Location::line(file, 1).with_column(name),
                        crate::t!("survey-column-missing", column = name, what = what),
                    ));
                    0
                }
            }
        };
        let agency = find(&q.agency_column, &crate::t!("survey-col-agency"));
        let group = find(&q.group_column, &crate::t!("survey-col-group"));
        let questions: Vec<usize> = q
            .questions
            .iter()
            .map(|qq| find(&qq.column, &crate::t!("survey-col-question", question = qq.id)))
            .collect();
        let seconds = q
            .screening
            .min_seconds
            .map(|_| find(&q.seconds_column, &crate::t!("survey-col-seconds")));
        let dups = q.screening.duplicates.as_ref();
        let submitted = dups.map(|_| find(&q.submitted_column, &crate::t!("survey-col-submitted")));
        let keys: Vec<usize> = dups
            .map(|d| d.columns.iter().map(|c| find(c, &crate::t!("survey-col-key"))).collect())
            .unwrap_or_default();
        let attention = q
            .screening
            .attention
            .iter()
            .map(|a| find(&a.column, &crate::t!("survey-col-attention")))
            .collect();
        let rater = q
            .screening
            .self_rating
            .as_ref()
            .map(|c| find(c, &crate::t!("scheme-check-col-self-rating")));
        if form == AnswerForm::Number {
            errors.extend(unconfirmed_positions(q, file));
        }
        Error::collect(errors)?;
        let IntegerScales { values, weights, labels, vdp } = integer_scales(q);
        let key_is_ip = keys.iter().map(|&c: &usize| headers[c] == "来自IP").collect();
        let group_names = Labels::new(
            q.groups.iter().map(|g| g.label.as_str()).chain(q.groups.iter().map(|g| g.id.as_str())),
        );
        Ok(Plan {
            agency_names: PackedNames::new(q.agency_texts()),
            width: headers.len(),
            response_id: headers.iter().position(|h| h == wjx::RESPONSE_ID),
            key_is_ip,
            group_names,
            form,
            agency,
            group,
            questions,
            seconds,
            submitted,
            keys,
            attention,
            rater,
            headers,
            values,
            labels,
            weights,
            value_unit: 10i128.pow(vdp),
        })
    }

    /// The agency a cell names, as [`Questionnaire::agency_of`] finds it.
    #[inline]
    fn agency_of(&self, q: &Questionnaire, cell: &str) -> Option<usize> {
        self.agency_names.get(cell).or_else(|| q.agency_of(cell, self.form))
    }

    /// Every column index the row classification reads.
    pub fn needed(&self) -> Vec<usize> {
        let mut v = vec![self.agency, self.group];
        v.extend(&self.questions);
        v.extend(self.seconds);
        v.extend(self.submitted);
        v.extend(&self.keys);
        v.extend(&self.attention);
        v.extend(self.rater);
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// A by-number export reads answers by option position: a scale whose positions nobody confirmed
/// against the 问卷星 questionnaire cannot be read that way (one error per question using it).
fn unconfirmed_positions(q: &Questionnaire, file: &str) -> Vec<Error> {
    let mut errors = Vec::new();
    for (i, qq) in q.questions.iter().enumerate() {
        let scale = q.scale_of(i);
        if !scale.positions_confirmed {
            errors.push(Error::at(
                Location::line(file, 1).with_column(qq.column.clone()),
                crate::t!("survey-positions-unconfirmed", scale = scale.id, question = qq.id),
            ));
        }
    }
    errors
}

/// Per question: option values and weights as integers (scaled by 10^decimals, for integer
/// arithmetic on respondent scores) and the option labels; and the values' decimals.
fn integer_scales(q: &Questionnaire) -> IntegerScales {
    let vdp = q.scales.iter().flat_map(|s| &s.options).filter_map(|o| o.value).map(|v| v.scale());
    let vdp = vdp.max().unwrap_or(0);
    let wdp = q.questions.iter().map(|x| x.weight.scale()).max().unwrap_or(0);
    let to_int = |d: rust_decimal::Decimal, dp: u32| -> i64 {
        let mut d = d;
        d.rescale(dp);
        i64::try_from(d.mantissa()).unwrap_or(i64::MAX)
    };
    let values = (0..q.questions.len())
        .map(|i| q.scale_of(i).options.iter().map(|o| o.value.map(|v| to_int(v, vdp))).collect())
        .collect();
    let weights = q.questions.iter().map(|x| to_int(x.weight, wdp)).collect();
    let labels = (0..q.questions.len())
        .map(|i| Labels::new(q.scale_of(i).options.iter().map(|o| o.label.as_str())))
        .collect();
    IntegerScales { values, weights, labels, vdp }
}

/// What [`integer_scales`] makes.
struct IntegerScales {
    values: Vec<Vec<Option<i64>>>,
    weights: Vec<i64>,
    labels: Vec<Labels>,
    vdp: u32,
}

/// Option labels packed for matching a cell without a call to memcmp: most labels (非常满意 is 12
/// bytes) fit in 16 bytes, so a cell is compared as one length and one 128-bit integer.
#[derive(Debug, Clone)]
struct Labels {
    packed: Vec<(usize, u128)>,
    labels: Vec<String>,
}

impl Labels {
    fn new<'a>(labels: impl Iterator<Item = &'a str>) -> Labels {
        let labels: Vec<String> = labels.map(str::to_string).collect();
        let packed = labels.iter().map(|l| (l.len(), pack(l.as_bytes()))).collect();
        Labels { packed, labels }
    }

    #[inline]
    fn find(&self, raw: &str) -> Option<usize> {
        let b = raw.as_bytes();
        if b.len() <= 16 {
            let k = pack(b);
            self.packed.iter().position(|&(len, p)| len == b.len() && p == k)
        } else {
            self.labels.iter().position(|l| l == raw)
        }
    }
}

/// The texts that name agencies, those of at most 16 bytes packed into integers ([`pack`]) in a
/// hash map: a lookup hashes and compares one integer, not a string. A text it does not hold is
/// looked up the general way.
#[derive(Debug, Clone, Default)]
struct PackedNames(HashMap<u128, (usize, usize), BuildHasherDefault<Mix>>);

impl PackedNames {
    fn new<'a>(texts: impl Iterator<Item = (&'a str, usize)>) -> PackedNames {
        let mut map = HashMap::default();
        for (t, i) in texts.filter(|(t, _)| t.len() <= 16) {
            // Two texts with one packing ("a" and "a\0"): none packed, all looked up in full.
            if map.insert(pack(t.as_bytes()), (t.len(), i)).is_some() {
                return PackedNames::default();
            }
        }
        PackedNames(map)
    }

    #[inline]
    fn get(&self, cell: &str) -> Option<usize> {
        let b = cell.as_bytes();
        if b.len() > 16 {
            return None;
        }
        match self.0.get(&pack(b)) {
            Some(&(len, i)) if len == b.len() => Some(i),
            _ => None,
        }
    }
}

/// Up to 16 bytes as an integer (zero-padded); longer input packs its first 16 bytes, which
/// `Labels::find` never compares since lengths differ.
///
/// Read as two overlapping words rather than copied into a zeroed buffer (whose read-back after a
/// short copy stalls the store forwarding, on every cell).
#[inline]
fn pack(b: &[u8]) -> u128 {
    let n = b.len().min(16);
    let word = |r: std::ops::Range<usize>| -> u128 {
        u64::from_le_bytes(b[r].try_into().expect("8 bytes")) as u128
    };
    let half = |r: std::ops::Range<usize>| -> u128 {
        u32::from_le_bytes(b[r].try_into().expect("4 bytes")) as u128
    };
    match n {
        // The last word holds bytes n−8..n: shifted down, it leaves bytes 8..n.
        8..=16 => word(0..8) | (word(n - 8..n) >> (8 * (16 - n))) << 64,
        4..=7 => half(0..4) | (half(n - 4..n) >> (8 * (8 - n))) << 32,
        _ => b[..n].iter().rev().fold(0u128, |acc, &x| acc << 8 | x as u128),
    }
}

/// A hasher for keys that are packed texts ([`pack`]): both halves mixed (murmur3's finaliser),
/// so texts that differ only in their last bytes (评价对象0001, 评价对象0002, …) spread over the
/// table; a multiply alone would leave their low bits, which pick the bucket, equal.
#[derive(Default, Clone, Copy)]
pub struct Mix(u64);

impl Mix {
    #[inline]
    fn fmix(mut k: u64) -> u64 {
        k ^= k >> 33;
        k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
        k ^= k >> 33;
        k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        k ^ (k >> 33)
    }
}

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = Self::fmix(self.0 ^ b as u64);
        }
    }
    #[inline]
    fn write_u128(&mut self, n: u128) {
        self.0 = Self::fmix(self.0 ^ n as u64 ^ Self::fmix((n >> 64) as u64));
    }
}

/// The outcome of one row before duplicate screening.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Passed every per-row rule before duplicate screening; `answers` were appended to the
    /// caller's buffer. `rated` is false when every answer was don't-know or skipped: after
    /// duplicates are resolved (such a response can be the one kept), it is screened
    /// `no-rated-answer`.
    Valid {
        agency: u32,
        group: u16,
        y: i64,
        key: Option<u64>,
        submitted: i64,
        rated: bool,
    },
    Screened {
        agency: u32,
        rule: u16,
    },
    Rejected {
        agency: Option<u32>,
        reason: String,
    },
}

/// Classify one row. `cell(i)` returns column i's text, trimmed (`None` when the row is too short or the
/// cell is not valid text, which `row_error` explains). Answers of a valid row are appended to
/// `answers` (one byte per question: 0 skipped, k option k−1).
///
/// In phases: who is rated and by which group; the answers and the row's score; the times; the
/// screening rules; the duplicate key. A phase that refuses the row drops the answers it appended.
pub fn classify<'a>(
    q: &Questionnaire,
    plan: &Plan,
    cell: &impl Fn(usize) -> &'a str,
    answers: &mut Vec<u8>,
) -> Outcome {
    let reject = |agency: Option<u32>, reason: String| Outcome::Rejected { agency, reason };
    let (agency, group) = match rated_by(q, plan, cell) {
        Ok(found) => found,
        Err((agency, reason)) => return reject(agency, reason),
    };
    let a = Some(agency as u32);
    let start = answers.len();
    let refused = |answers: &mut Vec<u8>, reason: String| {
        answers.truncate(start);
        reject(a, reason)
    };
    let (num, den) = match answer_all(q, plan, cell, answers) {
        Ok(score) => score,
        Err(reason) => return refused(answers, reason),
    };
    let (seconds, submitted) = match times(plan, cell) {
        Ok(t) => t,
        Err(reason) => return refused(answers, reason),
    };
    let own = plan.rater.and_then(|c| plan.agency_of(q, cell(c))) == Some(agency);
    if own {
        answers.truncate(start);
        return Outcome::Screened { agency: agency as u32, rule: self_rating_rule(q) };
    }
    if let Some(rule) = screened_by(q, plan, cell, &answers[start..], seconds, den > 0) {
        answers.truncate(start);
        return Outcome::Screened { agency: agency as u32, rule };
    }
    // y in millionths, rounded half away from zero (num, den ≥ 0).
    let y = respondent_score(num, den, plan.value_unit);
    Outcome::Valid {
        agency: agency as u32,
        group: group as u16,
        y,
        key: dedup_key(plan, cell, agency),
        submitted,
        rated: den > 0,
    }
}

/// The respondent score in millionths, Σ w·v / Σ w scaled by `unit` (10^value decimals), rounded
/// half away from zero (num, den ≥ 0): in 64-bit arithmetic when it fits (a 128-bit division is a
/// library call), else in 128-bit.
#[inline]
fn respondent_score(num: i128, den: i128, unit: i128) -> i64 {
    let d = den.max(1) * unit;
    let n = 2 * MICRO as i128 * num + d;
    match (i64::try_from(n), i64::try_from(2 * d)) {
        (Ok(n), Ok(d2)) => n / d2,
        _ => (n / (2 * d)) as i64,
    }
}

/// The agency rated and the respondent's group, or the rejection (with the agency when known).
#[inline]
fn rated_by<'a>(
    q: &Questionnaire,
    plan: &Plan,
    cell: &impl Fn(usize) -> &'a str,
) -> std::result::Result<(usize, usize), (Option<u32>, String)> {
    let form = plan.form;
    let col = |i: usize| plan.headers[i].as_str();
    let raw_agency = cell(plan.agency);
    if wjx::is_blank_trimmed(raw_agency) {
        return Err(cold(|| (None, crate::t!("survey-no-agency", column = col(plan.agency)))));
    }
    let Some(agency) = plan.agency_of(q, raw_agency) else {
        return Err(cold(|| {
            let form = if form == AnswerForm::Number { "number" } else { "text" };
            let count = q.agencies.len();
            let column = col(plan.agency);
            (
                None,
                crate::t!(
                    "survey-unknown-agency",
                    column = column,
                    agency = raw_agency,
                    count = count,
                    form = form
                ),
            )
        }));
    };
    let raw_group = cell(plan.group);
    let by_name = plan.group_names.find(raw_group).map(|i| i % q.groups.len());
    let Some(group) = by_name.or_else(|| q.group_of(raw_group, form)) else {
        return Err(cold(|| {
            let labels: Vec<&str> = q.groups.iter().map(|g| g.label.as_str()).collect();
            let (column, expected) = (col(plan.group), labels.join(", "));
            let reason = crate::t!(
                "survey-unknown-group",
                column = column,
                group = raw_group,
                expected = expected
            );
            (Some(agency as u32), reason)
        }));
    };
    Ok((agency, group))
}

/// Append every question's answer (0 skipped, k option k−1) and return the weighted score's
/// numerator and denominator; a missing required answer or an answer out of range is refused.
#[inline]
fn answer_all<'a>(
    q: &Questionnaire,
    plan: &Plan,
    cell: &impl Fn(usize) -> &'a str,
    answers: &mut Vec<u8>,
) -> std::result::Result<(i128, i128), String> {
    let (mut num, mut den) = (0i128, 0i128);
    for (i, &c) in plan.questions.iter().enumerate() {
        let raw = cell(c);
        let k = if wjx::is_blank_trimmed(raw) {
            if q.questions[i].required {
                return Err(cold(|| {
                    let (column, question) = (&plan.headers[c], &q.questions[i].id);
                    crate::t!("survey-missing-answer", column = column, question = question)
                }));
            }
            0
        } else {
            answer(q, plan, i, c, raw)? + 1
        };
        if k > 0
            && let Some(v) = plan.values[i][k - 1]
        {
            num += plan.weights[i] as i128 * v as i128;
            den += plan.weights[i] as i128;
        }
        answers.push(k as u8);
    }
    Ok((num, den))
}

/// The option (0-based) a non-blank answer to question `i` (column `c`) names.
#[inline(always)]
fn answer(
    q: &Questionnaire,
    plan: &Plan,
    i: usize,
    c: usize,
    raw: &str,
) -> std::result::Result<usize, String> {
    let scale = q.scale_of(i);
    let found = match plan.form {
        AnswerForm::Text => plan.labels[i].find(raw).or_else(|| other_option(scale, raw)),
        AnswerForm::Number => {
            wjx::position(raw).filter(|&p| p >= 1 && p <= scale.options.len()).map(|p| p - 1)
        }
    };
    found.ok_or_else(|| cold(|| out_of_range(q, plan, i, c, raw)))
}

/// The option a filled-in "other" answer names (`其他【请注明】〖…〗`): rare, kept out of line.
#[inline(never)]
fn other_option(scale: &crate::survey::questionnaire::Scale, raw: &str) -> Option<usize> {
    let label = wjx::strip_other(raw)?;
    scale.options.iter().position(|o| o.label == label)
}

/// Why an answer names no option of question `i` (column `c`).
fn out_of_range(q: &Questionnaire, plan: &Plan, i: usize, c: usize, raw: &str) -> String {
    let scale = q.scale_of(i);
    let expected = match plan.form {
        AnswerForm::Text => {
            scale.options.iter().map(|o| o.label.as_str()).collect::<Vec<_>>().join(", ")
        }
        AnswerForm::Number => crate::t!("survey-option-position", count = scale.options.len()),
    };
    crate::t!(
        "survey-answer-out-of-range",
        column = plan.headers[c],
        answer = raw,
        question = q.questions[i].id,
        expected = expected
    )
}

/// The completion time in seconds and the submission time, when the export has them.
#[inline]
fn times<'a>(
    plan: &Plan,
    cell: &impl Fn(usize) -> &'a str,
) -> std::result::Result<(Option<u64>, i64), String> {
    let mut seconds = None;
    if let Some(c) = plan.seconds {
        match wjx::seconds(cell(c)) {
            Some(s) => seconds = Some(s),
            None => {
                return Err(cold(|| {
                    let (column, value) = (&plan.headers[c], cell(c).trim());
                    crate::t!("survey-bad-seconds", column = column, value = value)
                }));
            }
        }
    }
    let mut submitted = 0;
    if let Some(c) = plan.submitted {
        match wjx::submitted(cell(c)) {
            Some(t) => submitted = t,
            None => {
                return Err(cold(|| {
                    let (column, value) = (&plan.headers[c], cell(c).trim());
                    crate::t!("survey-bad-submitted", column = column, value = value)
                }));
            }
        }
    }
    Ok((seconds, submitted))
}

/// The first screening rule the row fails (its index in [`rule_names`]), in the documented
/// order: completion time, attention checks, straight-lining, no rated answer.
#[inline]
fn screened_by<'a>(
    q: &Questionnaire,
    plan: &Plan,
    cell: &impl Fn(usize) -> &'a str,
    row: &[u8],
    seconds: Option<u64>,
    rated: bool,
) -> Option<u16> {
    if let (Some(min), Some(s)) = (q.screening.min_seconds, seconds)
        && s < min
    {
        return Some(0);
    }
    for (i, (att, &c)) in q.screening.attention.iter().zip(&plan.attention).enumerate() {
        let v = cell(c);
        if !att.pass.iter().any(|p| p == v) {
            return Some((1 + i) as u16);
        }
    }
    let n_att = q.screening.attention.len();
    if let Some(sl) = &q.screening.straight_lining {
        // Only rated answers count: a respondent who knows nothing of the agency answers
        // 不了解 throughout, which is `no-rated-answer`, not straight-lining.
        // (rated answers, the first, whether all equal it), without a buffer per row.
        let (mut n, mut first, mut same) = (0, 0u8, true);
        for &i in &sl.questions {
            let k = row[i];
            if k > 0 && plan.values[i][k as usize - 1].is_some() {
                if n == 0 {
                    first = k;
                }
                same &= k == first;
                n += 1;
            }
        }
        if n >= sl.min_answered && same {
            return Some((1 + n_att) as u16);
        }
    }
    if !rated && plan.keys.is_empty() {
        return Some((2 + n_att) as u16);
    }
    None
}

/// The hash of the row's duplicate-key columns (IP addresses by their address part), with the
/// agency; `None` when the questionnaire names no keys or every key cell is blank.
#[inline]
fn dedup_key<'a>(plan: &Plan, cell: &impl Fn(usize) -> &'a str, agency: usize) -> Option<u64> {
    if plan.keys.is_empty() {
        return None;
    }
    // FxHasher hashes the cells' bytes with a folded 128-bit multiply (a quarter of SipHash's
    // time on every row); keys are never seen by others, so no keyed hash is needed.
    let mut h = rustc_hash::FxHasher::default();
    h.write_u32(agency as u32);
    let mut any = false;
    for (&c, &is_ip) in plan.keys.iter().zip(&plan.key_is_ip) {
        let v = cell(c);
        let v = if is_ip { wjx::ip_key(v) } else { v };
        if !v.is_empty() && !wjx::is_blank(v) {
            any = true;
        }
        h.write(v.as_bytes());
        h.write_u8(0xFF);
    }
    any.then(|| h.finish())
}

/// Run `f` out of line: for the messages of rejected rows, built rarely, so that the code that
/// builds them does not weigh on the per-row path (its stack frame, its registers).
#[cold]
#[inline(never)]
pub fn cold<T>(f: impl FnOnce() -> T) -> T {
    f()
}

/// The index of the `duplicate` rule in [`rule_names`].
pub fn duplicate_rule(q: &Questionnaire) -> u16 {
    (3 + q.screening.attention.len()) as u16
}

/// The index of the `self-rating` rule in [`rule_names`] (present only when configured).
pub fn self_rating_rule(q: &Questionnaire) -> u16 {
    duplicate_rule(q) + 1
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub struct Identity(u64);
impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A valid row whose fate under `keep = "latest"` is not yet known.
#[derive(Debug, Clone)]
pub struct Pending {
    pub file: u32,
    pub line: u64,
    pub agency: u32,
    pub group: u16,
    pub y: i64,
    pub submitted: i64,
    pub rated: bool,
    pub answers: Vec<u8>,
}

/// Duplicate screening across all rows of one import, in file order. Keys are 64-bit hashes of
/// (agency, key cells); two different keys collide with probability about n²/2⁶⁵ (1 in 370,000
/// for ten million keys).
pub enum Dedup {
    None,
    First(Earliest),
    Latest(HashMap<u64, Pending, BuildHasherDefault<Identity>>),
}

impl Dedup {
    /// `held`: keys whose rows are held to the end (see [`Earliest`]).
    pub fn new(q: &Questionnaire, held: KeyHashSet) -> Dedup {
        match q.screening.duplicates.as_ref().map(|d| d.keep) {
            None => Dedup::None,
            Some(Keep::First) => Dedup::First(Earliest {
                seen: KeySet::default(),
                held_keys: held,
                held: HashMap::default(),
                out_of_order: KeyHashSet::default(),
            }),
            Some(Keep::Latest) => Dedup::Latest(HashMap::default()),
        }
    }

    /// Whether some rows are held to the end, so that the surviving responses must be put back
    /// in file order.
    pub fn holds(&self) -> bool {
        match self {
            Dedup::None => false,
            Dedup::First(e) => !e.held_keys.is_empty(),
            Dedup::Latest(_) => true,
        }
    }
}

/// A set of key hashes.
pub type KeyHashSet = std::collections::HashSet<u64, BuildHasherDefault<Identity>>;

/// `keep = "first"`: the earliest submission of each key. An export lists responses in the order
/// they were submitted, so the first row of a key is almost always its earliest, and is counted
/// at once (only its key and time are kept: 12 bytes a slot). A key whose later row was submitted
/// earlier than the row counted ("out of order": two exports of different periods given
/// newest first, or a file sorted by hand) is noted; the import then runs again holding every row
/// of those keys (`held_keys`) to the end, where the earliest wins.
pub struct Earliest {
    pub seen: KeySet,
    pub held_keys: KeyHashSet,
    pub held: HashMap<u64, Pending, BuildHasherDefault<Identity>>,
    pub out_of_order: KeyHashSet,
}

/// A submission time as stored beside a key: seconds since 2000-01-01 (clamped; u32 lasts to
/// 2136), ordered as the time itself.
pub fn stored_time(unix: i64) -> u32 {
    (unix - 946_684_800).clamp(0, u32::MAX as i64) as u32
}

/// A set of 64-bit key hashes, each with a 32-bit value (the earliest submission time), in one
/// flat open-addressing table (linear probing, load ≤ 3/4, no per-entry overhead): each slot is
/// the key's two halves and the value side by side, 12 bytes, so that an insert touches one
/// place in memory (the table is far larger than the caches); about 16 bytes a key, where a
/// general hash map needs twice that and briefly twice again while it grows. Sized ahead from
/// the estimated row count.
#[derive(Debug, Default)]
pub struct KeySet {
    slots: Vec<[u32; 3]>,
    len: usize,
}

impl KeySet {
    /// Make room for `additional` more keys without growing while they are inserted.
    pub fn reserve(&mut self, additional: usize) {
        let need = (self.len + additional) * 4 / 3 + 16;
        if need > self.slots.len() {
            self.rebuild(need);
        }
    }

    fn rebuild(&mut self, cap: usize) {
        let old = std::mem::replace(&mut self.slots, vec![[0; 3]; cap]);
        advise_huge_pages(&self.slots);
        self.len = 0;
        for [lo, hi, v] in old.into_iter().filter(|s| s[0] != 0 || s[1] != 0) {
            self.insert(lo as u64 | (hi as u64) << 32, v);
        }
    }

    /// The slot where the search for `key` starts: the hash mapped onto [0, n) by multiply-shift
    /// (n need not be a power of two). 0 marks an empty slot, so key 0 is stored as 1.
    #[inline]
    fn home(&self, key: u64) -> usize {
        ((key.max(1) as u128 * self.slots.len() as u128) >> 64) as usize
    }

    /// Ask the processor for the slot of `key` ahead of its insert: the table is far larger
    /// than the caches, and the fold inserts one key per row.
    #[inline]
    pub fn prefetch(&self, key: u64) {
        if !self.slots.is_empty() {
            crate::survey::stats::prefetch(&self.slots[self.home(key)]);
        }
    }

    /// Insert a key with its value; `None` if it was new, else the value already stored (which
    /// is kept).
    #[inline]
    pub fn insert(&mut self, key: u64, value: u32) -> Option<u32> {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.rebuild((self.slots.len() * 2).max(1024));
        }
        let mut i = self.home(key);
        let key = key.max(1); // 0 marks an empty slot
        let (lo, hi) = (key as u32, (key >> 32) as u32);
        let n = self.slots.len();
        loop {
            let slot = &mut self.slots[i];
            match *slot {
                [0, 0, _] => {
                    *slot = [lo, hi, value];
                    self.len += 1;
                    return None;
                }
                [l, h, v] if l == lo && h == hi => return Some(v),
                _ => i = if i + 1 == n { 0 } else { i + 1 },
            }
        }
    }
}

/// Ask Linux to back a large table, not yet touched, with 2 MiB pages (transparent huge pages,
/// where the system leaves them to `madvise`). Every insert into the duplicate-key table lands on
/// a random slot of up to 160 MB (ten million keys): with 4 KiB pages nearly each one also misses
/// the TLB and waits for a page walk, which the prefetch does not hide (at 10^7 rows the fold
/// spent four fifths of its time there). A hint only: contents are unchanged, and where huge
/// pages are off or refused nothing changes.
fn advise_huge_pages<T>(table: &[T]) {
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let start = table.as_ptr() as usize;
        let end = start + std::mem::size_of_val(table);
        let (from, to) = (start.next_multiple_of(HUGE), end / HUGE * HUGE);
        if to > from {
            // SAFETY: the range lies inside the table's allocation; MADV_HUGEPAGE changes only
            // how the kernel backs those pages, never their contents; a failure is harmless.
            unsafe {
                libc::madvise(from as *mut libc::c_void, to - from, libc::MADV_HUGEPAGE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = table;
}

#[cfg(test)]
mod tests {
    use super::{KeySet, pack, respondent_score};

    #[test]
    fn packing_is_the_zero_padded_bytes() {
        let text = "评价对象0001abcdefgh";
        for n in 0..=text.len() {
            let b = &text.as_bytes()[..n];
            let mut buf = [0u8; 16];
            buf[..n.min(16)].copy_from_slice(&b[..n.min(16)]);
            assert_eq!(pack(b), u128::from_le_bytes(buf), "{n} bytes");
        }
    }

    #[test]
    fn respondent_scores_round_half_away_from_zero() {
        // (100 + 80 + 60) / 3 = 80 points exactly.
        assert_eq!(respondent_score(240, 3, 1), 80_000_000);
        // 200 / 3 = 66.6666666…: 66,666,667 millionths.
        assert_eq!(respondent_score(200, 3, 1), 66_666_667);
        // 1 / 2,000,000 = 0.5 millionths: rounds up to 1.
        assert_eq!(respondent_score(1, 2_000_000, 1), 1);
        // Values with one decimal (unit 10): 805 / 10 / 1 = 80.5 points.
        assert_eq!(respondent_score(805, 1, 10), 80_500_000);
        // Beyond 64 bits on the way (2·10⁶·10¹³ > 2⁶³): 10¹³ / 10¹¹ = 100 points.
        assert_eq!(respondent_score(10_000_000_000_000, 100_000_000_000, 1), 100_000_000);
    }

    #[test]
    fn key_set_finds_duplicates_across_growth() {
        let mut s = KeySet::default();
        for k in 0..10_000u64 {
            assert_eq!(s.insert(k.wrapping_mul(0x9E37_79B9_7F4A_7C15), k as u32), None);
        }
        for k in 0..10_000u64 {
            assert_eq!(s.insert(k.wrapping_mul(0x9E37_79B9_7F4A_7C15), 7), Some(k as u32));
        }
        // 0 marks an empty slot, so keys 0 and 1 are one key (a 2⁻⁶⁴ collision like any other).
        let mut t = KeySet::default();
        assert!(t.insert(0, 1).is_none() && t.insert(1, 2) == Some(1));
    }
}
