//! The parts of the 评分细则 around the indicator table: the method (full marks, rescaling,
//! rounding, the order of the total), how inner indicators combine, bonus, penalties, vetoes and
//! minimum scores, the look-back, and the grade bands with their quotas and tie-breaks.

use rust_decimal::Decimal;

use super::AgencyNames;
use super::sentence::{attributes, list, num, pct, quoted, scaling, sentence};
use crate::report::document::{Block, Table};
use crate::rules::Scheme;
use crate::rules::scheme::{
    Aggregate, Applicability, Group, NodeKind, Quota, Redistribute, ShareRounding, TieKey, VetoRank,
};
use crate::t;

fn table(caption: String, header: &[String], rows: Vec<Vec<String>>) -> Table {
    Table {
        caption,
        header: header.to_vec(),
        numeric: vec![false; header.len()],
        rows,
        landscape: false,
    }
}

fn headers(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| crate::util::i18n::tr(id, &[])).collect()
}

/// 计分方法: full marks, group totals, rescaling, rounding and how the total is made.
pub fn method(s: &Scheme) -> Vec<Block> {
    let mut clauses = vec![t!("criteria-total", total = num(s.total))];
    let own: Vec<&Group> = s.groups.iter().filter(|g| g.total != s.total).collect();
    if !own.is_empty() {
        let totals: Vec<String> = s
            .groups
            .iter()
            .map(|g| t!("criteria-group-total", group = g.name, total = num(g.total)))
            .collect();
        clauses.push(list(&totals));
    }
    clauses.push(match (s.rescale, own.is_empty()) {
        (true, true) => t!("criteria-rescale", total = num(s.total)),
        (true, false) => t!("criteria-rescale-group"),
        (false, _) => t!("criteria-no-rescale"),
    });
    clauses.push(rounding(s));
    clauses.push(order(s));
    vec![Block::Heading(t!("criteria-method-heading")), Block::Paragraph(sentence(&clauses))]
}

fn rounding(s: &Scheme) -> String {
    let r = &s.rounding;
    let steps: Vec<String> = [
        (r.item, "criteria-step-item"),
        (r.dimension, "criteria-step-dimension"),
        (r.base, "criteria-step-base"),
        (r.total, "criteria-step-total"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, id)| crate::util::i18n::tr(id, &[]))
    .collect();
    if steps.is_empty() {
        t!("criteria-no-rounding")
    } else {
        t!("criteria-rounding", steps = list(&steps), decimals = r.decimals)
    }
}

/// 总分 = 基础得分 + 加分 − 减分 − 回头看扣分 (only the parts the scheme has).
fn order(s: &Scheme) -> String {
    let mut formula = t!("criteria-term-base");
    if !s.bonus.items.is_empty() {
        formula.push_str(&t!("criteria-plus", term = t!("criteria-term-bonus")));
    }
    if !s.penalty.kinds.is_empty() {
        formula.push_str(&t!("criteria-minus", term = t!("criteria-term-penalty")));
    }
    if s.lookback.is_some() {
        formula.push_str(&t!("criteria-minus", term = t!("criteria-term-lookback")));
    }
    t!("criteria-order", formula = formula)
}

/// Who an indicator (with its ancestors) or a bonus item applies to; agencies it lists by id are
/// named from `names` where it has them.
pub fn applies(s: &Scheme, names: &AgencyNames, path: &[&Applicability]) -> String {
    let name = |id: &String| names.get(id).unwrap_or(id).clone();
    let everyone = |a: &Applicability| a.groups.is_empty() && a.agencies.is_empty();
    let groups: Vec<&Group> = s
        .groups
        .iter()
        .filter(|g| path.iter().all(|a| everyone(a) || a.groups.contains(&g.id)))
        .collect();
    let mut named: Vec<String> = vec![];
    for a in path {
        for id in &a.agencies {
            let kept =
                path.iter().all(|b| everyone(b) || !b.groups.is_empty() || b.agencies.contains(id));
            if kept && !named.contains(&name(id)) {
                named.push(name(id));
            }
        }
    }
    let mut exempt: Vec<String> = vec![];
    for a in path {
        for e in a.exempt.iter().map(name) {
            if !exempt.contains(&e) {
                exempt.push(e);
            }
        }
    }
    let all = groups.len() == s.groups.len();
    let who = if all {
        t!("criteria-applies-all")
    } else {
        let names: Vec<String> = groups.iter().map(|g| g.name.clone()).collect();
        match (names.is_empty(), named.is_empty()) {
            (false, true) => list(&names),
            (false, false) => {
                t!("criteria-applies-groups-and", groups = list(&names), agencies = list(&named))
            }
            (true, false) => t!("criteria-applies-named", agencies = list(&named)),
            (true, true) => t!("criteria-applies-none"),
        }
    };
    if exempt.is_empty() {
        who
    } else {
        t!("criteria-applies-except", who = who, exempt = list(&exempt))
    }
}

/// 指标合成: one row per inner indicator whose children combine otherwise than by a plain sum.
pub fn composition(s: &Scheme) -> Vec<Block> {
    let mut rows = vec![];
    for (i, n) in s.nodes.iter().enumerate() {
        let NodeKind::Inner { children, aggregate, transform } = &n.kind else { continue };
        let mut clauses = vec![];
        let weighted = children.iter().any(|&c| s.nodes[c].weight != Decimal::ONE);
        match aggregate {
            Aggregate::Sum if weighted => clauses.push(t!("criteria-aggregate-weighted")),
            Aggregate::Sum => {}
            Aggregate::Mean if weighted => clauses.push(t!("criteria-aggregate-mean")),
            Aggregate::Mean => clauses.push(t!("criteria-aggregate-mean-plain")),
            Aggregate::Geometric => clauses.push(t!("criteria-aggregate-geometric")),
        }
        if let Some(tr) = transform {
            let subject = t!("criteria-subject-aggregate");
            clauses.push(scaling(tr.scaling, tr.higher_is_better, tr.within, &subject));
        }
        match s.redistribute.get(&i) {
            Some(Redistribute::Even) => clauses.push(t!("criteria-redistribute-even")),
            Some(Redistribute::Proportional) => {
                clauses.push(t!("criteria-redistribute-proportional"))
            }
            None => {}
        }
        clauses.extend(attributes(s, i));
        if !clauses.is_empty() {
            rows.push(vec![n.name.clone(), sentence(&clauses)]);
        }
    }
    if rows.is_empty() {
        return vec![];
    }
    let header = headers(&["criteria-col-indicator", "criteria-col-rule"]);
    vec![
        Block::Heading(t!("criteria-composition-heading")),
        Block::Table(table(t!("criteria-composition-heading"), &header, rows)),
    ]
}

/// 加分项: the items, then the overall cap and the gates.
pub fn bonus(s: &Scheme, names: &AgencyNames) -> Vec<Block> {
    let b = &s.bonus;
    if b.items.is_empty() {
        return vec![];
    }
    let rows = b
        .items
        .iter()
        .map(|item| {
            let points = num(item.points);
            let standard = match item.cap {
                Some(cap) => t!("criteria-bonus-item-capped", points = points, cap = num(cap)),
                None => t!("criteria-bonus-item", points = points),
            };
            vec![
                item.name.clone(),
                standard,
                applies(s, names, &[&item.applies]),
                item.basis.clone(),
            ]
        })
        .collect();
    let header = headers(&[
        "criteria-col-bonus",
        "criteria-col-standard",
        "criteria-col-applies",
        "criteria-col-basis",
    ]);
    let mut clauses = vec![];
    if let Some(cap) = b.cap {
        clauses.push(t!("criteria-bonus-cap", cap = num(cap)));
    }
    if let Some(min) = b.min_base {
        clauses.push(t!("criteria-bonus-min-base", points = num(min)));
    }
    if let Some(g) = &b.gate {
        let names: Vec<String> = g.nodes.iter().map(|&n| quoted(&s.nodes[n].name)).collect();
        let (names, points) = (list(&names), num(g.bound));
        clauses.push(if g.inclusive {
            t!("criteria-bonus-gate", names = names, points = points)
        } else {
            t!("criteria-bonus-gate-above", names = names, points = points)
        });
    }
    if let Some(to) = b.to {
        clauses.push(t!("criteria-bonus-to", name = s.nodes[to].name));
    }
    if let Some(basis) = &b.basis {
        clauses.push(t!("criteria-basis-line", basis = basis));
    }
    let mut out = vec![
        Block::Heading(t!("criteria-bonus-heading")),
        Block::Table(table(t!("criteria-bonus-heading"), &header, rows)),
    ];
    if !clauses.is_empty() {
        out.push(Block::Paragraph(sentence(&clauses)));
    }
    out
}

/// 减分项 outside the indicator tree.
pub fn penalty(s: &Scheme) -> Vec<Block> {
    let p = &s.penalty;
    if p.kinds.is_empty() {
        return vec![];
    }
    let rows = p
        .kinds
        .iter()
        .map(|k| {
            let points = num(k.points);
            let standard = match k.cap {
                Some(cap) => t!("criteria-penalty-item-capped", points = points, cap = num(cap)),
                None => t!("criteria-penalty-item", points = points),
            };
            vec![k.name.clone(), standard, k.basis.clone()]
        })
        .collect();
    let header = headers(&["criteria-col-penalty", "criteria-col-standard", "criteria-col-basis"]);
    let mut clauses = vec![t!("criteria-penalty-intro")];
    if let Some(cap) = p.cap {
        clauses.push(t!("criteria-penalty-cap", cap = num(cap)));
    }
    vec![
        Block::Heading(t!("criteria-penalty-heading")),
        Block::Table(table(t!("criteria-penalty-heading"), &header, rows)),
        Block::Paragraph(sentence(&clauses)),
    ]
}

/// 否决事项: vetoes (一票否决 on the agency, 单项否决 on an indicator) and minimum scores.
pub fn vetoes(s: &Scheme) -> Vec<Block> {
    if s.vetoes.is_empty() && s.thresholds.is_empty() {
        return vec![];
    }
    let mut rows: Vec<Vec<String>> = s
        .vetoes
        .iter()
        .map(|v| {
            let mut effect = vec![];
            if let Some(n) = v.indicator {
                effect.push(t!("criteria-veto-zero", name = s.nodes[n].name));
            }
            if let Some(g) = &v.grade {
                effect.push(t!("criteria-veto-grade", grade = g));
            }
            match (v.score, v.set) {
                (Some(score), true) => effect.push(t!("criteria-veto-set", score = num(score))),
                (Some(score), false) => effect.push(t!("criteria-veto-cap", score = num(score))),
                (None, _) => {}
            }
            let kind = if v.indicator.is_some() {
                t!("criteria-veto-single")
            } else {
                t!("criteria-veto-one")
            };
            vec![v.name.clone(), kind, effect.join(&t!("criteria-comma")), v.basis.clone()]
        })
        .collect();
    for th in &s.thresholds {
        let n = &s.nodes[th.node];
        rows.push(vec![
            t!("criteria-threshold-name", name = n.name, min = num(th.min)),
            t!("criteria-threshold-type"),
            t!("criteria-veto-grade", grade = th.grade),
            n.basis.clone(),
        ]);
    }
    let header = headers(&[
        "criteria-col-veto",
        "criteria-col-veto-type",
        "criteria-col-effect",
        "criteria-col-basis",
    ]);
    let mut out = vec![
        Block::Heading(t!("criteria-veto-heading")),
        Block::Table(table(t!("criteria-veto-heading"), &header, rows)),
    ];
    if s.vetoes.iter().any(|v| v.grade.is_some() || v.score.is_some()) {
        out.push(Block::Paragraph(match s.veto_rank {
            VetoRank::Score => t!("criteria-veto-rank-score"),
            VetoRank::Last => t!("criteria-veto-rank-last"),
            VetoRank::Unranked => t!("criteria-veto-rank-unranked"),
        }));
    }
    out
}

/// 回头看: last year's findings priced by how they were rectified.
pub fn lookback(s: &Scheme) -> Vec<Block> {
    let Some(l) = &s.lookback else { return vec![] };
    let mut clauses = vec![t!(
        "criteria-lookback-points",
        rectified = num(l.rectified),
        late = num(l.late),
        partial = num(l.partial),
        not_rectified = num(l.not_rectified)
    )];
    if l.repeat_multiplier != Decimal::ONE {
        clauses.push(t!("criteria-lookback-repeat", times = num(l.repeat_multiplier)));
    }
    if let Some(cap) = l.cap {
        clauses.push(t!("criteria-lookback-cap", cap = num(cap)));
    }
    if !l.kinds.is_empty() {
        clauses.push(t!("criteria-lookback-kinds", kinds = list(&l.kinds)));
    }
    clauses.push(t!("criteria-basis-line", basis = l.basis));
    vec![Block::Heading(t!("criteria-lookback-heading")), Block::Paragraph(sentence(&clauses))]
}

/// 等次评定: each group's bands with their quotas, then how ties and quota boundaries are settled.
pub fn grades(s: &Scheme) -> Vec<Block> {
    let mut rows = vec![];
    let mut notes = vec![];
    for g in &s.groups {
        for (i, b) in g.grades.iter().enumerate() {
            let range = match (i, i + 1 == g.grades.len()) {
                (0, true) => t!("criteria-band-all"),
                (0, false) => t!("criteria-band-top", min = num(b.min)),
                (_, true) if b.min <= Decimal::ZERO => {
                    t!("criteria-band-low", below = num(g.grades[i - 1].min))
                }
                (_, _) => {
                    t!("criteria-band-mid", min = num(b.min), below = num(g.grades[i - 1].min))
                }
            };
            rows.push(vec![g.name.clone(), b.name.clone(), range, quota(b.quota)]);
        }
        notes.push(Block::Paragraph(t!(
            "criteria-group-rules",
            group = g.name,
            rules = group_rules(s, g)
        )));
    }
    let header = headers(&[
        "criteria-col-group",
        "criteria-col-grade",
        "criteria-col-range",
        "criteria-col-quota",
    ]);
    let mut out = vec![
        Block::Heading(t!("criteria-grades-heading")),
        Block::Table(table(t!("criteria-grades-heading"), &header, rows)),
    ];
    out.extend(notes);
    out
}

pub fn quota(q: Option<Quota>) -> String {
    match q {
        None => t!("criteria-quota-none"),
        Some(Quota::Count(n)) => t!("criteria-quota-count", n = n),
        Some(Quota::Share { share, rounding, min }) => {
            let how = match rounding {
                ShareRounding::Floor => t!("criteria-rounding-floor"),
                ShareRounding::Round => t!("criteria-rounding-round"),
                ShareRounding::Ceil => t!("criteria-rounding-ceil"),
            };
            let q = t!("criteria-quota-share", pct = pct(share), rounding = how);
            if min > 0 { t!("criteria-quota-with-min", quota = q, n = min) } else { q }
        }
    }
}

/// A group's ranking rules: ties, tie-breaks, rank precision and the quota boundary.
fn group_rules(s: &Scheme, g: &Group) -> String {
    let mut clauses = vec![if g.dense_ranks {
        t!("criteria-ties-dense")
    } else {
        t!("criteria-ties-competition")
    }];
    if !g.tie_break.is_empty() {
        let keys: Vec<String> = g
            .tie_break
            .iter()
            .map(|k| match k {
                TieKey::Dimension(d) => {
                    t!("criteria-tie-dimension", name = s.nodes[s.roots[*d]].name)
                }
                TieKey::Base => t!("criteria-tie-base"),
                TieKey::Bonus => t!("criteria-tie-bonus"),
            })
            .collect();
        clauses.push(t!("criteria-tie-break", keys = list(&keys)));
    }
    if let Some(d) = g.rank_decimals {
        clauses.push(t!("criteria-rank-decimals", decimals = d));
    }
    if g.grades.iter().any(|b| b.quota.is_some()) {
        clauses.push(if g.quota_ties_include {
            t!("criteria-quota-ties-include")
        } else {
            t!("criteria-quota-ties-exclude")
        });
    }
    clauses.join(&t!("criteria-sep"))
}
