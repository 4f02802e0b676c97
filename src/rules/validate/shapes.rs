//! Checks of the rule shapes real schemes need (issue 14, docs/rules.md): an indicator set per
//! group, quotas with a minimum and a rounding rule, lateness in blocks of days, vetoes that set
//! the score and where vetoed agencies rank. Each key defaults to the behaviour before it existed.

use rust_decimal::Decimal;
use toml::Spanned;

use super::{Checker, keyword, share};
use std::collections::HashMap;

use crate::rules::raw::{
    RawBonus, RawDeadline, RawGrade, RawGroup, RawHeader, RawIndicator, RawLookback, RawVeto,
};
use crate::rules::scheme::{
    BonusGate, Group, Late, Quota, Redistribute, ShareRounding, Threshold, VetoRank,
};
use crate::t;

/// `[scheme] veto_rank`: score (default), last or unranked.
pub(super) fn veto_rank(c: &mut Checker<'_>, h: &RawHeader) -> VetoRank {
    let words =
        [("score", VetoRank::Score), ("last", VetoRank::Last), ("unranked", VetoRank::Unranked)];
    keyword(c, h.veto_rank.as_ref(), "scheme.veto_rank", "", &words, VetoRank::Score)
}

/// `[[group]] total`: positive; absent means the scheme's total.
pub(super) fn group_total(c: &mut Checker<'_>, g: &RawGroup, scheme_total: Decimal) -> Decimal {
    let Some(t) = &g.total else { return scheme_total };
    if *t.get_ref() <= Decimal::ZERO {
        c.err(t, "group.total", t!("rules-group-total", value = t.get_ref()));
    }
    *t.get_ref()
}

/// The top-level maxima add up either over the whole file to `scheme.total` (one shared tree; no
/// group states a total of its own), or, for every group, over the top-level indicators that apply to it by `groups` (none named:
/// every group) to the group's own total. Indicators restricted by `agencies` alone count in no
/// group's sum (extras for named agencies, absorbed by rescaling).
pub(super) fn check_maxima(
    c: &mut Checker<'_>,
    indicators: &[RawIndicator],
    roots: &[usize],
    groups: &[RawGroup],
    totals: &[Decimal],
    scheme_total: Decimal,
) {
    let weighted = |ind: &RawIndicator| {
        *ind.max.get_ref() * ind.weight.as_ref().map_or(Decimal::ONE, |w| *w.get_ref())
    };
    let root_sum: Decimal = roots.iter().map(|&r| weighted(&indicators[r])).sum();
    let any_own = groups.iter().any(|g| g.total.is_some());
    if root_sum == scheme_total && !any_own {
        return;
    }
    let per_group: Vec<Decimal> = groups
        .iter()
        .map(|g| {
            roots
                .iter()
                .map(|&r| &indicators[r])
                .filter(|ind| {
                    if ind.groups.is_empty() {
                        ind.agencies.is_empty()
                    } else {
                        ind.groups.iter().any(|x| x.get_ref() == g.id.get_ref())
                    }
                })
                .map(weighted)
                .sum()
        })
        .collect();
    if !groups.is_empty() && per_group.iter().zip(totals).all(|(s, t)| s == t) {
        return;
    }
    if !any_own {
        c.err_file(
            "scheme.total",
            t!("rules-scheme-total-2", root_sum = root_sum, scheme_total = scheme_total),
        );
        return;
    }
    let detail: Vec<String> = groups
        .iter()
        .zip(per_group.iter().zip(totals))
        .map(|(g, (s, t))| {
            if s == t {
                format!("{} {s}", g.id.get_ref())
            } else {
                format!("{} {s} (total {t})", g.id.get_ref())
            }
        })
        .collect();
    c.err_file(
        "scheme.total",
        t!(
            "rules-scheme-total-3",
            root_sum = root_sum,
            detail = detail.join(", "),
            scheme_total = scheme_total
        ),
    );
}

/// A band's quota: a count, or a share made whole by `share_rounding` and raised to `min_count`.
pub(super) fn quota(c: &mut Checker<'_>, b: &RawGrade) -> Option<Quota> {
    if b.max_share.is_none() {
        if let Some(r) = &b.share_rounding {
            c.err(r, "group.grade.share_rounding", t!("rules-group-grade-share-rounding"));
        }
        if let Some(m) = &b.min_count {
            c.err(m, "group.grade.min_count", t!("rules-group-grade-min-count"));
        }
    }
    match (&b.max_share, b.max_count) {
        (Some(_), Some(_)) => {
            c.err(&b.name, "group.grade", t!("rules-group-grade-3"));
            None
        }
        (Some(s), None) => {
            let v = *s.get_ref();
            if v <= Decimal::ZERO || v > Decimal::ONE {
                c.err(s, "group.grade.max_share", t!("rules-group-grade-max-share", value = v));
            }
            let words = [
                ("floor", ShareRounding::Floor),
                ("round", ShareRounding::Round),
                ("ceil", ShareRounding::Ceil),
            ];
            let key = "group.grade.share_rounding";
            let rounding =
                keyword(c, b.share_rounding.as_ref(), key, "", &words, ShareRounding::Floor);
            let min = b.min_count.as_ref().map_or(0, |m| *m.get_ref());
            Some(Quota::Share { share: v, rounding, min })
        }
        (None, Some(n)) => Some(Quota::Count(n)),
        (None, None) => None,
    }
}

/// How a deadline prices late work: nothing (default), a share of the maximum, or points per
/// started month or per started block of days, the last two never below `late_min_share`.
pub(super) fn late(c: &mut Checker<'_>, d: &RawDeadline) -> Late {
    let ways = [d.late_share.is_some(), d.late_per_month.is_some(), d.late_per_block.is_some()];
    if ways.iter().filter(|w| **w).count() > 1 {
        c.err(&d.due, "deadline", t!("rules-deadline"));
        return Late::Zero;
    }
    if let Some(b) = &d.block_days {
        if *b.get_ref() == 0 {
            c.err(b, "deadline.block_days", t!("rules-deadline-block-days"));
        }
        if d.late_per_block.is_none() {
            c.err(b, "deadline.block_days", t!("rules-deadline-block-days-2"));
        }
    }
    let min_share = |c: &mut Checker<'_>| {
        d.late_min_share.as_ref().map_or(Decimal::ZERO, |m| {
            share(c, m, "deadline.late_min_share");
            *m.get_ref()
        })
    };
    if let Some(s) = &d.late_share {
        share(c, s, "deadline.late_share");
        no_min_share(c, d);
        return Late::Share(*s.get_ref());
    }
    if let Some(p) = &d.late_per_month {
        positive(c, p, "deadline.late_per_month", "month");
        return Late::PerMonth { points: *p.get_ref(), min_share: min_share(c) };
    }
    if let Some(p) = &d.late_per_block {
        positive(c, p, "deadline.late_per_block", "block");
        let days = d.block_days.as_ref().map_or(30, |b| *b.get_ref()).max(1);
        return Late::PerBlock { points: *p.get_ref(), days, min_share: min_share(c) };
    }
    no_min_share(c, d);
    Late::Zero
}

fn positive(c: &mut Checker<'_>, p: &Spanned<Decimal>, key: &str, per: &str) {
    if *p.get_ref() <= Decimal::ZERO {
        c.err(p, key, t!("rules-value-6", value = p.get_ref(), per = per));
    }
}

fn no_min_share(c: &mut Checker<'_>, d: &RawDeadline) {
    if let Some(m) = &d.late_min_share {
        c.err(m, "deadline.late_min_share", t!("rules-deadline-late-min-share"));
    }
}

/// `[[veto]] score_mode`: cap (default) or set; set needs a score.
pub(super) fn veto_sets(c: &mut Checker<'_>, v: &RawVeto) -> bool {
    let words = [("cap", false), ("set", true)];
    let set = keyword(c, v.score_mode.as_ref(), "veto.score_mode", "", &words, false);
    if let Some(m) = &v.score_mode
        && v.score.is_none()
    {
        c.err(m, "veto.score_mode", t!("rules-veto-score-mode"));
    }
    set
}

/// `[bonus] gate = { sum_of = [ids], at_least = N }` (or `above = N`): known ids, exactly one
/// bound, a bound the named nodes' maxima can reach.
pub(super) fn bonus_gate(
    c: &mut Checker<'_>,
    raw: Option<&RawBonus>,
    index: &HashMap<&str, usize>,
    indicators: &[RawIndicator],
) -> Option<BonusGate> {
    let g = raw?.gate.as_ref()?;
    let gate = g.get_ref();
    if gate.sum_of.is_empty() {
        c.err(g, "bonus.gate.sum_of", t!("rules-bonus-gate-sum-of"));
    }
    let mut nodes = Vec::new();
    for id in &gate.sum_of {
        match index.get(id.as_str()) {
            Some(&n) => nodes.push(n),
            None => c.err(g, "bonus.gate.sum_of", t!("rules-bonus-gate-sum-of-2", id = id)),
        }
    }
    let (bound, inclusive) = match (gate.at_least, gate.above) {
        (Some(b), None) => (b, true),
        (None, Some(b)) => (b, false),
        _ => {
            c.err(g, "bonus.gate", t!("rules-bonus-gate"));
            return None;
        }
    };
    let most: Decimal = nodes.iter().map(|&n| *indicators[n].max.get_ref()).sum();
    if nodes.len() == gate.sum_of.len() && (bound > most || (!inclusive && bound == most)) {
        c.err(g, "bonus.gate", t!("rules-bonus-gate-2", bound = bound, most = most));
    }
    Some(BonusGate { nodes, bound, inclusive })
}

/// `[[veto]] indicator`: a known id, and no score besides (a 单项否决 zeroes a node, the total is
/// left to the other rules).
pub(super) fn veto_indicator(
    c: &mut Checker<'_>,
    v: &RawVeto,
    index: &HashMap<&str, usize>,
) -> Option<usize> {
    let id = v.indicator.as_ref()?;
    if v.score.is_some() {
        c.err(id, "veto", t!("rules-veto-2", id = id.get_ref()));
    }
    let n = index.get(id.get_ref().as_str()).copied();
    if n.is_none() {
        c.err(id, "veto.indicator", t!("rules-veto-indicator", id = id.get_ref()));
    }
    n
}

/// Every `threshold = { min, grade }`: 0 < min ≤ the node's max; the grade one of every group's.
pub(super) fn thresholds(
    c: &mut Checker<'_>,
    indicators: &[RawIndicator],
    groups: &[Group],
) -> Vec<Threshold> {
    let mut out = Vec::new();
    for (node, ind) in indicators.iter().enumerate() {
        let Some(t) = &ind.threshold else { continue };
        let th = t.get_ref();
        let max = *ind.max.get_ref();
        if th.min <= Decimal::ZERO || th.min > max {
            c.err(t, "threshold.min", t!("rules-threshold-min", min = th.min, max = max));
        }
        let named =
            |g: &&Group| ind.groups.is_empty() || ind.groups.iter().any(|x| x.get_ref() == &g.id);
        for g in groups.iter().filter(named) {
            if !g.grades.iter().any(|b| b.name == th.grade) {
                let names: Vec<&str> = g.grades.iter().map(|b| b.name.as_str()).collect();
                c.err(
                    t,
                    "threshold.grade",
                    t!(
                        "rules-threshold-grade",
                        grade = th.grade,
                        id = g.id,
                        names = names.join(", ")
                    ),
                );
            }
        }
        out.push(Threshold { node, min: th.min, grade: th.grade.clone() });
    }
    out
}

/// `[lookback] kinds`: only kinds this scheme no longer prices (a priced kind needs no listing).
pub(super) fn lookback_kinds(
    c: &mut Checker<'_>,
    raw: Option<&RawLookback>,
    kind_lines: &HashMap<String, u64>,
) {
    let Some(l) = raw else { return };
    for k in &l.kinds {
        if let Some(line) = kind_lines.get(k.get_ref()) {
            c.err(k, "lookback.kinds", t!("rules-lookback-kinds", k = k.get_ref(), line = line));
        }
    }
}

/// `redistribute = "none" | "even" | "proportional"` on indicators with children.
pub(super) fn redistribute(
    c: &mut Checker<'_>,
    indicators: &[RawIndicator],
    children: &[Vec<usize>],
) -> HashMap<usize, Redistribute> {
    let mut out = HashMap::new();
    for (node, ind) in indicators.iter().enumerate() {
        let Some(r) = &ind.redistribute else { continue };
        let words = [
            ("none", None),
            ("even", Some(Redistribute::Even)),
            ("proportional", Some(Redistribute::Proportional)),
        ];
        let how = keyword(c, Some(r), "redistribute", "", &words, None);
        if children[node].is_empty() {
            c.err(r, "redistribute", t!("rules-redistribute", id = ind.id.get_ref()));
        } else if let Some(how) = how {
            out.insert(node, how);
        }
    }
    out
}

/// `[bonus] to`: a top-level indicator.
pub(super) fn bonus_to(
    c: &mut Checker<'_>,
    raw: Option<&RawBonus>,
    index: &HashMap<&str, usize>,
    roots: &[usize],
) -> Option<usize> {
    let to = raw?.to.as_ref()?;
    match index.get(to.get_ref().as_str()) {
        Some(n) if roots.contains(n) => Some(*n),
        Some(_) => {
            c.err(to, "bonus.to", t!("rules-bonus-to", to = to.get_ref()));
            None
        }
        None => {
            c.err(to, "bonus.to", t!("rules-bonus-to-2", to = to.get_ref()));
            None
        }
    }
}
