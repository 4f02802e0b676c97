//! The sufficient statistics of a survey and what is computed from them.
//!
//! For each agency × respondent group × question the importer keeps the count of every answer
//! option (plus "skipped"); for each agency × group it keeps n, Σy and Σy² of the respondent
//! scores y in millionths (integers). All are integers, so shards merge by addition and the
//! merged statistics are exactly those of importing everything at once.
//!
//! From them:
//! - satisfaction per question and group: Σ count·value / Σ count over rated options (don't-know
//!   and skipped answers leave the denominator);
//! - the agency index: a weighted mean of respondent scores, each respondent in group g weighted
//!   w_i = W_g / n_g (the group's weight shared among its valid respondents), so the index is
//!   Σ_g W_g·ȳ_g / Σ_g W_g over the groups that answered;
//! - its 95% confidence interval by the linearization (Taylor) variance of a weighted mean, as
//!   R's `survey::svymean` computes it for a one-stage design with weights and no strata or
//!   clusters: var = n/(n−1) · Σ w_i²(y_i − ȳ)² / (Σ w_i)², interval ȳ ± 1.959964·√var;
//! - the Kish effective sample size (Σ w_i)² / Σ w_i².

use rust_decimal::prelude::*;

use crate::survey::questionnaire::{BelowMinimumPolicy, Questionnaire};

/// Respondent scores are kept in millionths of a point.
pub const MICRO: i64 = 1_000_000;

/// qnorm(0.975), the normal quantile R's `confint` uses for a 95% interval.
pub const Z975: f64 = 1.959_963_984_540_054;

/// n, Σy, Σy² of respondent scores (millionths) in one agency × group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Moments {
    pub n: u64,
    pub sum: i128,
    pub sum_sq: i128,
}

impl Moments {
    pub fn add(&mut self, y: i64) {
        self.n += 1;
        self.sum += y as i128;
        self.sum_sq += (y as i128) * (y as i128);
    }
    pub fn merge(&mut self, o: &Moments) {
        self.n += o.n;
        self.sum += o.sum;
        self.sum_sq += o.sum_sq;
    }
}

/// Counts and moments for every agency × group × question, in flat vectors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyStats {
    pub agencies: usize,
    pub groups: usize,
    /// Per question: where its slots start within one agency × group block; each question has
    /// one slot per option and a last slot for "skipped".
    pub offsets: Vec<usize>,
    /// Slots per agency × group block.
    pub block: usize,
    pub counts: Vec<u64>,
    pub moments: Vec<Moments>,
}

impl SurveyStats {
    pub fn new(q: &Questionnaire) -> SurveyStats {
        let mut offsets = Vec::with_capacity(q.questions.len());
        let mut block = 0;
        for i in 0..q.questions.len() {
            offsets.push(block);
            block += q.scale_of(i).options.len() + 1;
        }
        let (a, g) = (q.agencies.len(), q.groups.len());
        SurveyStats {
            agencies: a,
            groups: g,
            offsets,
            block,
            counts: vec![0; a * g * block],
            moments: vec![Moments::default(); a * g],
        }
    }

    /// Index of the count of `option` (0-based; `options.len()` = skipped) of question `q`.
    pub fn slot(&self, agency: usize, group: usize, q: usize, option: usize) -> usize {
        (agency * self.groups + group) * self.block + self.offsets[q] + option
    }

    /// Ask the processor for the counts of `agency` × `group` ahead of an [`SurveyStats::add`]:
    /// the counts of thousands of agencies are far larger than the caches.
    #[inline]
    pub fn prefetch(&self, agency: usize, group: usize) {
        let base = (agency * self.groups + group) * self.block;
        let end = (base + self.block).min(self.counts.len());
        for i in (base..end).step_by(8) {
            prefetch(&self.counts[i]);
        }
    }

    pub fn moments(&self, agency: usize, group: usize) -> &Moments {
        &self.moments[agency * self.groups + group]
    }

    /// Add one valid response: its answers (per question: 0 = skipped, k = option k−1) and its
    /// score in millionths.
    pub fn add(&mut self, q: &Questionnaire, agency: usize, group: usize, answers: &[u8], y: i64) {
        let base = (agency * self.groups + group) * self.block;
        debug_assert_eq!(answers.len(), q.questions.len());
        for (i, &a) in answers.iter().enumerate() {
            // "Skipped" is a question's last slot: just before the next question's first.
            let slot = if a == 0 {
                self.offsets.get(i + 1).copied().unwrap_or(self.block) - 1
            } else {
                self.offsets[i] + a as usize - 1
            };
            self.counts[base + slot] += 1;
        }
        self.moments[agency * self.groups + group].add(y);
    }

    pub fn merge(&mut self, o: &SurveyStats) {
        for (a, b) in self.counts.iter_mut().zip(&o.counts) {
            *a += b;
        }
        for (a, b) in self.moments.iter_mut().zip(&o.moments) {
            a.merge(b);
        }
    }
}

/// A hint to the processor to bring `x`'s cache line in (nothing elsewhere than x86-64).
#[inline]
pub fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        let p = (x as *const T).cast::<i8>();
        // SAFETY: a prefetch is a hint that reads nothing (and `x` is a live reference).
        #[allow(unused_unsafe)]
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p)
        };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// Round half away from zero to `dp` decimals (四舍五入).
pub fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// Satisfaction of one question in one agency × group (or over all groups, group-weighted).
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSatisfaction {
    pub rated: u64,
    pub dont_know: u64,
    pub skipped: u64,
    /// `None` when nobody rated the question.
    pub satisfaction: Option<Decimal>,
}

/// Satisfaction of question `qi` among group `g` of agency `a`.
pub fn question_satisfaction(
    q: &Questionnaire,
    s: &SurveyStats,
    a: usize,
    g: usize,
    qi: usize,
) -> QuestionSatisfaction {
    let scale = q.scale_of(qi);
    let (mut rated, mut dk, mut points) = (0u64, 0u64, Decimal::ZERO);
    for (o, opt) in scale.options.iter().enumerate() {
        let c = s.counts[s.slot(a, g, qi, o)];
        match opt.value {
            Some(v) => {
                rated += c;
                points += v * Decimal::from(c);
            }
            None => dk += c,
        }
    }
    let skipped = s.counts[s.slot(a, g, qi, scale.options.len())];
    let satisfaction = (rated > 0).then(|| points / Decimal::from(rated));
    QuestionSatisfaction { rated, dont_know: dk, skipped, satisfaction }
}

/// The per-agency result the scoring engine reads.
#[derive(Debug, Clone, PartialEq)]
pub struct AgencyIndex {
    /// Rounded to 2 decimals.
    pub index: Decimal,
    pub ci_low: Decimal,
    pub ci_high: Decimal,
    pub n: u64,
    pub n_eff: Decimal,
    pub below_minimum: bool,
    /// The index before the below-minimum policy, unrounded (`None` with no valid response).
    pub raw: Option<Decimal>,
}

/// The weighted index, CI and effective sample size of every agency, in questionnaire order.
pub fn indices(q: &Questionnaire, s: &SurveyStats) -> Vec<AgencyIndex> {
    let mut out: Vec<AgencyIndex> = (0..q.agencies.len()).map(|a| agency_index(q, s, a)).collect();
    // A replaced index is a policy, not an estimate: its interval is the point itself.
    let apply = |r: &mut AgencyIndex, v: Decimal| {
        r.index = round(v, 2);
        r.ci_low = r.index;
        r.ci_high = r.index;
    };
    match q.below {
        BelowMinimumPolicy::Flag => {}
        BelowMinimumPolicy::Zero => {
            for r in out.iter_mut().filter(|r| r.below_minimum) {
                apply(r, Decimal::ZERO);
            }
        }
        BelowMinimumPolicy::Fallback => {
            let ok: Vec<Decimal> =
                out.iter().filter(|r| !r.below_minimum).filter_map(|r| r.raw).collect();
            let fallback = if ok.is_empty() {
                Decimal::ZERO
            } else {
                ok.iter().copied().sum::<Decimal>() / Decimal::from(ok.len())
            };
            for r in out.iter_mut().filter(|r| r.below_minimum) {
                apply(r, fallback);
            }
        }
    }
    out
}

/// The agency index in points, unrounded: Σ_g W_g·ȳ_g / Σ_g W_g over the groups with responses,
/// from each group's (W_g, Σy in millionths, n_g), in decimal arithmetic. `None` when no group
/// has a response. `kaohe robustness` recomputes bootstrapped indices with this same function.
pub fn weighted_mean(groups: impl IntoIterator<Item = (Decimal, i128, u64)>) -> Option<Decimal> {
    let mut wsum = Decimal::ZERO;
    let mut wmean = Decimal::ZERO;
    for (w, sum, n) in groups {
        if n == 0 {
            continue;
        }
        wsum += w;
        wmean += w * Decimal::from_i128(sum).unwrap_or_default() / Decimal::from(n);
    }
    (!wsum.is_zero()).then(|| wmean / wsum / Decimal::from(MICRO))
}

fn agency_index(q: &Questionnaire, s: &SurveyStats, a: usize) -> AgencyIndex {
    let n: u64 = (0..q.groups.len()).map(|g| s.moments(a, g).n).sum();
    let below = n < q.minimum;
    let wsum: Decimal = q
        .groups
        .iter()
        .enumerate()
        .filter(|(g, _)| s.moments(a, *g).n > 0)
        .map(|(_, x)| x.weight)
        .sum();
    let mean = weighted_mean(
        q.groups
            .iter()
            .enumerate()
            .map(|(g, x)| (x.weight, s.moments(a, g).sum, s.moments(a, g).n)),
    );
    let Some(mean) = mean else {
        return AgencyIndex {
            index: Decimal::ZERO,
            ci_low: Decimal::ZERO,
            ci_high: Decimal::ONE_HUNDRED,
            n: 0,
            n_eff: Decimal::ZERO,
            below_minimum: below,
            raw: None,
        };
    };
    // Variance (svymean linearization). Within group g, Σ(y_i − ȳ)² = SS_g + n_g(ȳ_g − ȳ)² with
    // SS_g = (n_g Σy² − (Σy)²)/n_g computed exactly in integers; the rest in f64.
    let wsum_f = wsum.to_f64().unwrap_or(0.0);
    let mean_f = mean.to_f64().unwrap_or(0.0);
    let mut num = 0.0f64;
    let mut w2 = 0.0f64;
    for (g, group) in q.groups.iter().enumerate() {
        let m = s.moments(a, g);
        if m.n == 0 {
            continue;
        }
        let ng = m.n as f64;
        let w = group.weight.to_f64().unwrap_or(0.0) / ng;
        let ss_micro2 = (m.n as i128 * m.sum_sq - m.sum * m.sum) as f64 / ng;
        let ss = ss_micro2 / (MICRO as f64 * MICRO as f64);
        let mg = m.sum as f64 / ng / MICRO as f64;
        num += w * w * (ss + ng * (mg - mean_f) * (mg - mean_f));
        w2 += w * w * ng;
    }
    let nf = n as f64;
    let (ci_low, ci_high) = if n >= 2 {
        let var = nf / (nf - 1.0) * num / (wsum_f * wsum_f);
        let half = Decimal::from_f64(Z975 * var.sqrt()).unwrap_or_default();
        (round(mean - half, 2), round(mean + half, 2))
    } else {
        // One response says nothing about spread: the interval is the whole scale.
        (Decimal::ZERO, Decimal::ONE_HUNDRED)
    };
    let n_eff = Decimal::from_f64(wsum_f * wsum_f / w2).unwrap_or_default();
    AgencyIndex {
        index: round(mean, 2),
        ci_low,
        ci_high,
        n,
        n_eff: round(n_eff, 2),
        below_minimum: below,
        raw: Some(mean),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::questionnaire::Questionnaire;

    fn q(below: &str) -> Questionnaire {
        let text = format!(
            r#"
id = "t"
title = "t"
[scales.s]
options = [ {{ label = "好", value = 100 }}, {{ label = "差", value = 0 }} ]
[agency]
column = "a"
options = [ {{ label = "A", id = "A" }}, {{ label = "B", id = "B" }}, {{ label = "C", id = "C" }} ]
[respondents]
column = "g"
groups = [ {{ id = "p", label = "p", weight = 1 }} ]
[[questions]]
id = "q"
text = "q"
column = "q"
scale = "s"
[minimum]
sample = 2
below = "{below}"
"#
        );
        Questionnaire::parse(&text, "t.toml").unwrap()
    }

    /// A: 100, 0 → 50; B: 100, 100, 0 → 66.67; C: one response of 100, below the minimum of 2.
    fn stats(q: &Questionnaire) -> SurveyStats {
        let mut s = SurveyStats::new(q);
        for (a, ys) in [(0, vec![100, 0]), (1, vec![100, 100, 0]), (2, vec![100])] {
            for y in ys {
                let answer = if y == 100 { 1 } else { 2 };
                s.add(q, a, 0, &[answer], y * MICRO);
            }
        }
        s
    }

    #[test]
    fn below_minimum_policies() {
        let flag = q("flag");
        let r = indices(&flag, &stats(&flag));
        assert_eq!(r[2].index, Decimal::ONE_HUNDRED);
        assert!(r[2].below_minimum && !r[0].below_minimum);
        // Equal weights, one group: svymean's variance for A is 2/1 · (¼·50² + ¼·50²)/1 = 2500,
        // so ±1.959964·50 = ±98.00 → [−48.00, 148.00].
        assert_eq!(
            (r[0].ci_low.to_string(), r[0].ci_high.to_string()),
            ("-48.00".into(), "148.00".into())
        );
        let zero = q("zero");
        let r = indices(&zero, &stats(&zero));
        assert_eq!(
            (r[2].index, r[2].ci_low, r[2].ci_high),
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO)
        );
        // Fallback: the mean of A (50) and B (66.666…) = 58.333… → 58.33.
        let fb = q("fallback");
        let r = indices(&fb, &stats(&fb));
        assert_eq!(r[2].index.to_string(), "58.33");
        assert_eq!(r[1].index.to_string(), "66.67");
    }
}
