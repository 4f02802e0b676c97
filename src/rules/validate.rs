//! Raw TOML → validated [`Scheme`]. Every problem is reported with the rules file's line and the
//! key at fault, and all problems are reported together, not just the first.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use toml::Spanned;

use super::raw::*;
use super::scheme::*;
use crate::error::{Error, Location, Result};
use crate::t;

mod bounds;
mod shapes;

/// Converts byte spans in the rules text to line numbers.
pub struct Source<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl Source<'_> {
    pub fn line(&self, span: Range<usize>) -> u64 {
        crate::util::encoding::line_of(self.text.as_bytes(), span.start)
    }
    pub fn at<T>(&self, s: &Spanned<T>, key: &str) -> Location {
        Location::line(self.file, self.line(s.span())).with_column(key)
    }
}

struct Checker<'a> {
    src: Source<'a>,
    errors: Vec<Error>,
}

impl Checker<'_> {
    fn err<T>(&mut self, s: &Spanned<T>, key: &str, msg: impl Into<String>) {
        let loc = self.src.at(s, key);
        self.errors.push(Error::at(loc, msg));
    }
    fn err_file(&mut self, key: &str, msg: impl Into<String>) {
        self.errors.push(Error::at(Location::file(self.src.file).with_column(key), msg));
    }
}

/// A raw scheme checked and typed, in phases: the header, the indicator tree's ids and shape
/// (errors there stop the rest), groups, each indicator, bonus and penalty, vetoes, look-back,
/// tie-breaks and cases. All problems of a round are reported together.
pub fn validate(raw: RawScheme, src: Source<'_>, sha256: String) -> Result<Scheme> {
    let mut c = Checker { src, errors: Vec::new() };
    let h = &raw.scheme;
    let (default_floor, rescale) = header(&mut c, h);
    let rounding = rounding(&mut c, raw.rounding.as_ref());
    let (index, parents) = ids_and_parents(&mut c, &raw.indicators);
    if !c.errors.is_empty() {
        return Err(Error::Many(c.errors));
    }
    let groups = groups(&mut c, &raw.groups, h.total);
    let group_ids: HashSet<&str> = raw.groups.iter().map(|g| g.id.get_ref().as_str()).collect();
    let shape = shape(&mut c, &raw.indicators, index, parents);
    let totals: Vec<Decimal> = groups.iter().map(|g| g.total).collect();
    shapes::check_maxima(&mut c, &raw.indicators, &shape.roots, &raw.groups, &totals, h.total);
    let veto_rank = shapes::veto_rank(&mut c, h);
    let env = NodeEnv { raw: &raw.indicators, shape: &shape, group_ids: &group_ids, default_floor };
    let mut deduct_kinds: HashMap<String, (usize, usize)> = HashMap::new();
    let mut kind_lines: HashMap<String, u64> = HashMap::new();
    let nodes: Vec<Node> = (0..raw.indicators.len())
        .map(|i| node(&mut c, &env, i, &mut deduct_kinds, &mut kind_lines))
        .collect();
    let mut bonus = bonus(&mut c, raw.bonus.as_ref(), &group_ids);
    bonus.gate = shapes::bonus_gate(&mut c, raw.bonus.as_ref(), &shape.index, &raw.indicators);
    bonus.to = shapes::bonus_to(&mut c, raw.bonus.as_ref(), &shape.index, &shape.roots);
    let top_total = totals.iter().copied().fold(h.total, Decimal::max);
    if let Some(m) = bonus.min_base
        && m > top_total
    {
        c.err_file("bonus.min_base", t!("rules-bonus-min-base", m = m, top_total = top_total));
    }
    let (penalty, penalty_kinds) = penalty(&mut c, raw.penalty.as_ref(), &mut kind_lines);
    let (vetoes, veto_kinds) =
        vetoes(&mut c, &raw.vetoes, &groups, top_total, &rounding, &shape.index);
    let thresholds = shapes::thresholds(&mut c, &raw.indicators, &groups);
    let redistribute = shapes::redistribute(&mut c, &raw.indicators, &shape.children);
    let lookback = lookback(&mut c, raw.lookback.as_ref());
    shapes::lookback_kinds(&mut c, raw.lookback.as_ref(), &kind_lines);
    check_tie_breaks(&mut c, &raw.groups, &raw.indicators, &shape.roots);
    let cases = super::case::cases(raw.cases, &c.src, &mut c.errors);
    Error::collect(c.errors)?;
    let groups = resolve_tie_breaks(groups, &raw.groups, &raw.indicators, &shape.roots);
    let scheme = Scheme {
        id: h.id.clone(),
        title: h.title.clone(),
        basis: h.basis.clone(),
        year: h.year,
        note: h.note.clone(),
        total: h.total,
        rescale,
        veto_rank,
        rounding,
        groups,
        nodes,
        roots: shape.roots,
        bonus,
        penalty,
        vetoes,
        lookback,
        deduct_kinds,
        penalty_kinds,
        veto_kinds,
        thresholds,
        redistribute,
        cases,
        source: c.src.file.to_string(),
        sha256,
    };
    // What `kaohe score` could not compute for some input is refused here (issue 11 class 3).
    bounds::check(&scheme)?;
    Ok(scheme)
}

/// The indicator tree's shape, as each indicator's checks need it.
struct Shape<'r> {
    index: HashMap<&'r str, usize>,
    parents: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    roots: Vec<usize>,
    dimension: Vec<usize>,
}

/// What checking one indicator reads besides the indicator itself.
struct NodeEnv<'r, 's> {
    raw: &'r [RawIndicator],
    shape: &'s Shape<'r>,
    group_ids: &'s HashSet<&'r str>,
    default_floor: FloorDefault,
}

/// `[scheme]`: basis, year, total, and the floor and rescale keywords.
fn header(c: &mut Checker<'_>, h: &RawHeader) -> (FloorDefault, bool) {
    if h.basis.trim().is_empty() {
        c.err_file("scheme.basis", t!("rules-scheme-basis"));
    }
    if let Some(y) = h.year
        && !(1900..=2200).contains(&y)
    {
        c.err_file("scheme.year", t!("rules-scheme-year", y = y));
    }
    if h.total <= Decimal::ZERO {
        c.err_file("scheme.total", t!("rules-scheme-total", total = h.total));
    }
    let floors = [
        ("item", FloorDefault::Item),
        ("dimension", FloorDefault::Dimension),
        ("none", FloorDefault::None),
    ];
    let default_floor =
        keyword(c, h.floor.as_ref(), "scheme.floor", "floor ", &floors, FloorDefault::Item);
    let rescales = [("proportional", true), ("none", false)];
    let rescale = keyword(c, h.rescale.as_ref(), "scheme.rescale", "rescale ", &rescales, true);
    (default_floor, rescale)
}

/// One word of a fixed list, as its value: `default` when the key is absent; an unknown word is
/// an error listing the words (`what` names the kind of word, e.g. "floor "), and `default` lets
/// the other checks go on. Every keyword of the rules format is parsed here.
fn keyword<T: Copy>(
    c: &mut Checker<'_>,
    s: Option<&Spanned<String>>,
    key: &str,
    what: &str,
    words: &[(&str, T)],
    default: T,
) -> T {
    let Some(s) = s else { return default };
    keyword_at(c, s, s.get_ref(), (key, what), words, default)
}

/// [`keyword`] for a word without a span of its own: an error is reported at `at` (the table
/// holding it).
fn keyword_at<S, T: Copy>(
    c: &mut Checker<'_>,
    at: &Spanned<S>,
    word: &str,
    (key, what): (&str, &str),
    words: &[(&str, T)],
    default: T,
) -> T {
    if let Some((_, v)) = words.iter().find(|(w, _)| *w == word) {
        return *v;
    }
    let names: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
    let list = match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            t!("rules-list-or", items = rest.join(", "), last = *last)
        }
        _ => names.join(""),
    };
    c.err(at, key, t!("rules-value", what = what, word = word, list = list));
    default
}

/// Indicator ids unique, parents known, no cycle: the ids' index and each node's parent.
fn ids_and_parents<'r>(
    c: &mut Checker<'_>,
    indicators: &'r [RawIndicator],
) -> (HashMap<&'r str, usize>, Vec<Option<usize>>) {
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, ind) in indicators.iter().enumerate() {
        let id = ind.id.get_ref().as_str();
        if id.trim().is_empty() {
            c.err(&ind.id, "indicator.id", t!("rules-indicator-id"));
        } else if let Some(&prev) = index.get(id) {
            let prev_line = c.src.line(indicators[prev].id.span());
            c.err(
                &ind.id,
                "indicator.id",
                t!("rules-indicator-id-2", id = id, prev_line = prev_line),
            );
        } else {
            index.insert(id, i);
        }
    }
    let mut parents: Vec<Option<usize>> = vec![None; indicators.len()];
    for (i, ind) in indicators.iter().enumerate() {
        if let Some(p) = &ind.parent {
            match index.get(p.get_ref().as_str()) {
                Some(&pi) => parents[i] = Some(pi),
                None => c.err(
                    p,
                    "indicator.parent",
                    t!("rules-indicator-parent", id = ind.id.get_ref(), value = p.get_ref()),
                ),
            }
        }
    }
    // Cycle detection: walk up from each node; a walk longer than the node count loops.
    let mut in_cycle = vec![false; indicators.len()];
    #[allow(clippy::needless_range_loop)]
    for start in 0..indicators.len() {
        let mut seen = HashSet::new();
        let mut cur = Some(start);
        while let Some(n) = cur {
            if !seen.insert(n) {
                if n == start {
                    in_cycle[start] = true;
                }
                break;
            }
            cur = parents[n];
        }
    }
    if let Some(first) = in_cycle.iter().position(|&b| b) {
        let members: Vec<&str> = (0..indicators.len())
            .filter(|&i| in_cycle[i])
            .map(|i| indicators[i].id.get_ref().as_str())
            .collect();
        c.err(
            indicators[first].parent.as_ref().expect("cycle members have parents"),
            "indicator.parent",
            t!("rules-indicator-parent-2", members = members.join(" → ")),
        );
    }
    (index, parents)
}

/// Children, roots (dimensions) and each node's dimension, from the parents.
fn shape<'r>(
    c: &mut Checker<'_>,
    indicators: &[RawIndicator],
    index: HashMap<&'r str, usize>,
    parents: Vec<Option<usize>>,
) -> Shape<'r> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); indicators.len()];
    for (i, p) in parents.iter().enumerate() {
        if let Some(p) = p {
            children[*p].push(i);
        }
    }
    let roots: Vec<usize> = (0..indicators.len()).filter(|&i| parents[i].is_none()).collect();
    if roots.is_empty() {
        c.err_file("indicator", t!("rules-indicator"));
    }
    let mut dimension = vec![0usize; indicators.len()];
    for (i, d) in dimension.iter_mut().enumerate() {
        let mut top = i;
        while let Some(p) = parents[top] {
            top = p;
        }
        *d = roots.iter().position(|&r| r == top).expect("every node has a root");
    }

    Shape { index, parents, children, roots, dimension }
}

/// `[[veto]]`: ids and kinds unique, a grade of every group or a cap totals can equal.
fn vetoes(
    c: &mut Checker<'_>,
    raw: &[RawVeto],
    groups: &[Group],
    total: Decimal,
    rounding: &Rounding,
    index: &HashMap<&str, usize>,
) -> (Vec<Veto>, HashMap<String, usize>) {
    let mut veto_kinds = HashMap::new();
    let mut vetoes = Vec::new();
    let mut veto_ids = HashSet::new();
    for v in raw {
        if !veto_ids.insert(v.id.get_ref().clone()) {
            c.err(&v.id, "veto.id", t!("rules-veto-id", id = v.id.get_ref()));
        }
        if v.grade.is_none() && v.score.is_none() && v.indicator.is_none() {
            c.err(&v.id, "veto", t!("rules-veto", id = v.id.get_ref()));
        }
        if let Some(g) = &v.grade {
            for grp in groups {
                if !grp.grades.iter().any(|b| &b.name == g.get_ref()) {
                    c.err(
                        g,
                        "veto.grade",
                        t!(
                            "rules-veto-grade",
                            value = g.get_ref(),
                            id = grp.id,
                            name = grp
                                .grades
                                .iter()
                                .map(|b| b.name.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                }
            }
        }
        if let Some(s) = &v.score
            && (*s.get_ref() < Decimal::ZERO || *s.get_ref() > total)
        {
            c.err(s, "veto.score", t!("rules-veto-score", value = s.get_ref(), total = total));
        }
        if let Some(s) = &v.score
            && s.get_ref().normalize().scale() > rounding.decimals
        {
            c.err(
                s,
                "veto.score",
                t!("rules-veto-score-2", value = s.get_ref(), decimals = rounding.decimals),
            );
        }
        if v.basis.get_ref().trim().is_empty() {
            c.err(&v.basis, "veto.basis", t!("rules-veto-basis"));
        }
        if v.kind.get_ref().trim().is_empty() {
            c.err(&v.kind, "veto.kind", t!("rules-veto-kind"));
        }
        if veto_kinds.insert(v.kind.get_ref().clone(), vetoes.len()).is_some() {
            c.err(&v.kind, "veto.kind", t!("rules-veto-kind-2", kind = v.kind.get_ref()));
        }
        vetoes.push(Veto {
            id: v.id.get_ref().clone(),
            kind: v.kind.get_ref().clone(),
            name: v.name.clone(),
            grade: v.grade.as_ref().map(|g| g.get_ref().clone()),
            set: shapes::veto_sets(c, v),
            indicator: shapes::veto_indicator(c, v, index),
            score: v.score.as_ref().map(|s| *s.get_ref()),
            basis: v.basis.get_ref().clone(),
        });
    }
    (vetoes, veto_kinds)
}

/// `[lookback]`: a multiplier of at least 1, points to deduct, its basis and cap.
fn lookback(c: &mut Checker<'_>, raw: Option<&RawLookback>) -> Option<Lookback> {
    raw.map(|l| {
        let mult = l.repeat_multiplier.as_ref().map(|m| *m.get_ref()).unwrap_or(Decimal::ONE);
        if let Some(m) = &l.repeat_multiplier
            && *m.get_ref() < Decimal::ONE
        {
            c.err(
                m,
                "lookback.repeat_multiplier",
                t!("rules-lookback-repeat-multiplier", m = m.get_ref()),
            );
        }
        if l.basis.get_ref().trim().is_empty() {
            c.err(&l.basis, "lookback.basis", t!("rules-lookback-basis"));
        }
        let p = &l.points;
        for (name, v) in [
            ("rectified", p.rectified),
            ("late", p.late),
            ("partial", p.partial),
            ("not_rectified", p.not_rectified),
        ] {
            if v < Decimal::ZERO {
                c.err(&l.basis, &format!("lookback.points.{name}"), t!("rules-value-2", value = v));
            }
        }
        check_cap(c, l.cap.as_ref(), "lookback.cap");
        Lookback {
            basis: l.basis.get_ref().clone(),
            cap: l.cap.as_ref().map(|c| *c.get_ref()),
            repeat_multiplier: mult,
            kinds: l.kinds.iter().map(|k| k.get_ref().clone()).collect(),
            rectified: p.rectified,
            late: p.late,
            partial: p.partial,
            not_rectified: p.not_rectified,
        }
    })
}

/// Every group's tie-break keys name a dimension, `base` or `bonus`.
fn check_tie_breaks(
    c: &mut Checker<'_>,
    raw_groups: &[RawGroup],
    indicators: &[RawIndicator],
    roots: &[usize],
) {
    for g in raw_groups {
        for key in &g.tie_break {
            let k = key.get_ref().as_str();
            if !matches!(k, "base" | "bonus")
                && !roots.iter().any(|&r| indicators[r].id.get_ref() == k)
            {
                c.err(key, "group.tie_break", t!("rules-group-tie-break", k = k));
            }
        }
    }
}

/// The groups with their tie-break keys resolved (checked by [`check_tie_breaks`]).
fn resolve_tie_breaks(
    groups: Vec<Group>,
    raw_groups: &[RawGroup],
    indicators: &[RawIndicator],
    roots: &[usize],
) -> Vec<Group> {
    groups
        .into_iter()
        .zip(raw_groups)
        .map(|(mut g, rg)| {
            g.tie_break = rg
                .tie_break
                .iter()
                .map(|k| match k.get_ref().as_str() {
                    "base" => TieKey::Base,
                    "bonus" => TieKey::Bonus,
                    id => TieKey::Dimension(
                        roots
                            .iter()
                            .position(|&r| indicators[r].id.get_ref() == id)
                            .expect("checked"),
                    ),
                })
                .collect();
            g
        })
        .collect()
}

/// A node's maximum and basis, and its maximum against its children's (a sum adds
/// weight × max; a mean keeps every child on its scale); its groups exist. Returns its aggregate.
fn node_checks(c: &mut Checker<'_>, env: &NodeEnv<'_, '_>, i: usize) -> Aggregate {
    let ind = &env.raw[i];
    let max = *ind.max.get_ref();
    if max <= Decimal::ZERO {
        c.err(&ind.max, "max", t!("rules-max", id = ind.id.get_ref(), max = max));
    }
    if ind.basis.get_ref().trim().is_empty() {
        c.err(&ind.basis, "basis", t!("rules-basis", id = ind.id.get_ref()));
    }
    let aggregate = aggregate(c, ind, env.shape.children[i].is_empty());
    if aggregate != Aggregate::Sum {
        // A mean of values on one scale: every child is on the node's scale.
        for &ch in &env.shape.children[i] {
            let cm = *env.raw[ch].max.get_ref();
            if cm != max {
                c.err(
                    &env.raw[ch].max,
                    "max",
                    t!(
                        "rules-max-2",
                        id = env.raw[ch].id.get_ref(),
                        cm = cm,
                        id2 = ind.id.get_ref(),
                        max = max
                    ),
                );
            }
        }
    } else if !env.shape.children[i].is_empty() && ind.normalise.is_none() {
        // A weighted sum adds weight × max; a normalised node states its own scale.
        let sum: Decimal = env.shape.children[i]
            .iter()
            .map(|&ch| {
                let w = env.raw[ch].weight.as_ref().map_or(Decimal::ONE, |w| *w.get_ref());
                w * *env.raw[ch].max.get_ref()
            })
            .sum();
        if sum != max {
            c.err(&ind.max, "max", t!("rules-max-3", id = ind.id.get_ref(), max = max, sum = sum));
        }
    }
    for g in &ind.groups {
        if !env.group_ids.contains(g.get_ref().as_str()) {
            c.err(
                g,
                "groups",
                t!("rules-groups", value = g.get_ref(), group_ids = sorted(env.group_ids)),
            );
        }
    }
    aggregate
}

/// What the node is: a leaf with its one scoring method, or an inner node with its aggregate and
/// its own normalisation (an inner node has no other method).
fn node_kind(
    c: &mut Checker<'_>,
    env: &NodeEnv<'_, '_>,
    i: usize,
    aggregate: Aggregate,
    kinds: Kinds<'_>,
) -> NodeKind {
    let ind = &env.raw[i];
    let children = &env.shape.children[i];
    // A leaf whose method is in error is never scored (the errors stop validation): it stands as
    // an empty deduction list meanwhile.
    let unscored = || NodeKind::Leaf(Method::Deduct(Vec::new()));
    let methods = [
        !ind.deduct.is_empty(),
        ind.deadline.is_some(),
        ind.measure.is_some(),
        ind.survey.is_some(),
        ind.normalise.is_some(),
    ]
    .iter()
    .filter(|&&b| b)
    .count();
    if children.is_empty() {
        if methods != 1 {
            c.err(
                &ind.id,
                "indicator",
                t!("rules-indicator-2", id = ind.id.get_ref(), methods = methods),
            );
            unscored()
        } else {
            method(c, ind, i, kinds.0, kinds.1).map_or_else(unscored, NodeKind::Leaf)
        }
    } else {
        if methods - usize::from(ind.normalise.is_some()) != 0 {
            c.err(&ind.id, "indicator", t!("rules-indicator-3", id = ind.id.get_ref()));
        }
        let transform = ind.normalise.as_ref().map(|n| transform(c, ind.id.get_ref(), n));
        NodeKind::Inner { children: children.clone(), aggregate, transform }
    }
}

/// The finding kinds priced so far: kind → (leaf, index in its deductions), and kind → line.
type Kinds<'k> = (&'k mut HashMap<String, (usize, usize)>, &'k mut HashMap<String, u64>);

/// One indicator checked and typed.
fn node(
    c: &mut Checker<'_>,
    env: &NodeEnv<'_, '_>,
    i: usize,
    deduct_kinds: &mut HashMap<String, (usize, usize)>,
    kind_lines: &mut HashMap<String, u64>,
) -> Node {
    let ind = &env.raw[i];
    let max = *ind.max.get_ref();
    let aggregate = node_checks(c, env, i);
    let is_leaf = env.shape.children[i].is_empty();
    let kind = node_kind(c, env, i, aggregate, (deduct_kinds, kind_lines));
    let gate = gate(c, env, i);
    // Normalised values (z-scores) and averages may be negative: no floor unless asked.
    let composite = ind.normalise.is_some() || aggregate != Aggregate::Sum;
    let weight = weight(c, env, i);
    if let Some(r) = &ind.round
        && *r.get_ref() > 20
    {
        c.err(r, "round", t!("rules-round", value = r.get_ref()));
    }
    let floor = ind.floor.unwrap_or(match env.default_floor {
        _ if composite => false,
        FloorDefault::Item => is_leaf,
        FloorDefault::Dimension => env.shape.parents[i].is_none(),
        FloorDefault::None => false,
    });
    Node {
        id: ind.id.get_ref().clone(),
        name: ind.name.clone(),
        max,
        basis: ind.basis.get_ref().clone(),
        note: ind.note.clone(),
        parent: env.shape.parents[i],
        dimension: env.shape.dimension[i],
        applies: Applicability {
            groups: strings(&ind.groups),
            agencies: strings(&ind.agencies),
            exempt: strings(&ind.exempt),
        },
        floor,
        weight,
        round: ind.round.as_ref().map(|r| *r.get_ref()),
        gate,
        dense_ranks: dense_ranks(c, ind),
        weight_bounds: weight_bounds(c, ind),
        rank_decimals: rank_decimals(c, ind),
        line: c.src.line(ind.id.span()),
        kind,
    }
}

/// An indicator's own tie style: dense or competition ranks (None: the group's).
fn dense_ranks(c: &mut Checker<'_>, ind: &RawIndicator) -> Option<bool> {
    let words = [("competition", false), ("dense", true)];
    ind.ties.as_ref().map(|t| keyword(c, Some(t), "ties", "tie style ", &words, false))
}

/// The range a robustness analysis draws the indicator's weight from.
fn weight_bounds(c: &mut Checker<'_>, ind: &RawIndicator) -> Option<(Decimal, Decimal)> {
    ind.weight_bounds.as_ref().and_then(|b| match b.get_ref().as_slice() {
        [lo, hi] if Decimal::ZERO <= *lo && lo <= hi => Some((*lo, *hi)),
        _ => {
            c.err(
                b,
                "weight_bounds",
                t!(
                    "rules-weight-bounds",
                    id = ind.id.get_ref(),
                    value = format!(
                        "{:?}",
                        b.get_ref().iter().map(|d| d.to_string()).collect::<Vec<_>>()
                    )
                ),
            );
            None
        }
    })
}

/// Decimals the indicator's values are rounded to before ranking.
fn rank_decimals(c: &mut Checker<'_>, ind: &RawIndicator) -> Option<u32> {
    ind.rank_decimals.as_ref().map(|d| {
        if *d.get_ref() > 20 {
            c.err(d, "rank_decimals", t!("rules-rank-decimals", value = d.get_ref()));
        }
        *d.get_ref()
    })
}

/// The earlier sibling that gates the indicator, if it names one.
fn gate(c: &mut Checker<'_>, env: &NodeEnv<'_, '_>, i: usize) -> Option<usize> {
    let ind = &env.raw[i];
    ind.gate.as_ref().and_then(|g| {
        let gi = env.shape.index.get(g.get_ref().as_str()).copied();
        match gi {
            Some(gi) if gi < i && env.shape.parents[gi] == env.shape.parents[i] => Some(gi),
            _ => {
                c.err(g, "gate", t!("rules-gate", id = ind.id.get_ref(), value = g.get_ref()));
                None
            }
        }
    })
}

/// The indicator's weight in its parent (1 unless stated); a top-level indicator's weight is its
/// part's share of the total (Σ weight × max = scheme.total).
fn weight(c: &mut Checker<'_>, env: &NodeEnv<'_, '_>, i: usize) -> Decimal {
    let ind = &env.raw[i];
    match &ind.weight {
        None => Decimal::ONE,
        Some(w) => {
            if *w.get_ref() <= Decimal::ZERO {
                c.err(w, "weight", t!("rules-weight", w = w.get_ref()));
            }
            *w.get_ref()
        }
    }
}

#[derive(Clone, Copy)]
enum FloorDefault {
    Item,
    Dimension,
    None,
}

fn sorted(set: &HashSet<&str>) -> String {
    let mut v: Vec<&str> = set.iter().copied().collect();
    v.sort_unstable();
    v.join(", ")
}

fn strings(v: &[Spanned<String>]) -> Vec<String> {
    v.iter().map(|s| s.get_ref().clone()).collect()
}

fn rounding(c: &mut Checker<'_>, raw: Option<&RawRounding>) -> Rounding {
    let Some(raw) = raw else {
        return Rounding { decimals: 2, item: false, dimension: false, base: false, total: true };
    };
    if raw.decimals > 10 {
        c.err_file("rounding.decimals", t!("rules-rounding-decimals", decimals = raw.decimals));
    }
    let mut r = Rounding {
        decimals: raw.decimals,
        item: false,
        dimension: false,
        base: false,
        total: false,
    };
    let total_only = [Spanned::new(0..0, "total".to_string())];
    type Mark = fn(&mut Rounding);
    let words: [(&str, Mark); 4] = [
        ("item", |r| r.item = true),
        ("dimension", |r| r.dimension = true),
        ("base", |r| r.base = true),
        ("total", |r| r.total = true),
    ];
    for step in raw.at.as_deref().unwrap_or(&total_only) {
        keyword(c, Some(step), "rounding.at", "rounding step ", &words, |_| {})(&mut r);
    }
    r
}

fn groups(c: &mut Checker<'_>, raw: &[RawGroup], scheme_total: Decimal) -> Vec<Group> {
    if raw.is_empty() {
        c.err_file("group", t!("rules-group"));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for g in raw {
        if !seen.insert(g.id.get_ref().clone()) {
            c.err(&g.id, "group.id", t!("rules-group-id", id = g.id.get_ref()));
        }
        if g.grades.is_empty() {
            c.err(&g.id, "group.grade", t!("rules-group-grade", id = g.id.get_ref()));
        }
        let grades = grade_bands(c, g);
        if let Some(last) = g.grades.last() {
            if *last.min.get_ref() > Decimal::ZERO {
                c.err(
                    &last.min,
                    "group.grade.min",
                    t!(
                        "rules-group-grade-min",
                        name = last.name.get_ref(),
                        min = last.min.get_ref()
                    ),
                );
            }
            if last.max_share.is_some() || last.max_count.is_some() {
                c.err(&last.name, "group.grade", t!("rules-group-grade-2"));
            }
        }
        let words = [("include", true), ("exclude", false)];
        let quota_ties_include =
            keyword(c, g.quota_ties.as_ref(), "group.quota_ties", "", &words, false);
        let words = [("competition", false), ("dense", true)];
        let dense_ranks = keyword(c, g.ties.as_ref(), "group.ties", "tie style ", &words, false);
        out.push(Group {
            id: g.id.get_ref().clone(),
            name: g.name.clone(),
            tie_break: Vec::new(),
            quota_ties_include,
            grades,
            dense_ranks,
            total: shapes::group_total(c, g, scheme_total),
            rank_decimals: g.rank_decimals.as_ref().map(|d| {
                if *d.get_ref() > 20 {
                    c.err(
                        d,
                        "group.rank_decimals",
                        t!("rules-group-rank-decimals", value = d.get_ref()),
                    );
                }
                *d.get_ref()
            }),
        });
    }
    out
}

/// A group's grade bands, best first with decreasing minima, each with at most one quota.
fn grade_bands(c: &mut Checker<'_>, g: &RawGroup) -> Vec<GradeBand> {
    let mut grades = Vec::new();
    let mut prev: Option<Decimal> = None;
    let mut names = HashSet::new();
    for b in &g.grades {
        let min = *b.min.get_ref();
        if !names.insert(b.name.get_ref().clone()) {
            c.err(
                &b.name,
                "group.grade.name",
                t!("rules-group-grade-name", name = b.name.get_ref(), id = g.id.get_ref()),
            );
        }
        if let Some(p) = prev
            && min >= p
        {
            c.err(
                &b.min,
                "group.grade.min",
                t!("rules-group-grade-min-2", name = b.name.get_ref(), min = min, value = p),
            );
        }
        prev = Some(min);
        let quota = shapes::quota(c, b);
        grades.push(GradeBand { name: b.name.get_ref().clone(), min, quota });
    }
    grades
}

fn check_cap(c: &mut Checker<'_>, cap: Option<&Spanned<Decimal>>, key: &str) {
    if let Some(cap) = cap
        && *cap.get_ref() <= Decimal::ZERO
    {
        c.err(cap, key, t!("rules-value-3", cap = cap.get_ref()));
    }
}

fn check_kind(c: &mut Checker<'_>, kind: &Spanned<String>, kind_lines: &mut HashMap<String, u64>) {
    let line = c.src.line(kind.span());
    if kind.get_ref().trim().is_empty() {
        c.err(kind, "kind", t!("rules-kind"));
    } else if let Some(prev) = kind_lines.insert(kind.get_ref().clone(), line) {
        c.err(kind, "kind", t!("rules-kind-2", kind = kind.get_ref(), prev = prev));
    }
}

/// A leaf's one scoring method (exactly one is given: checked by [`node_kind`]).
fn method(
    c: &mut Checker<'_>,
    ind: &RawIndicator,
    node: usize,
    deduct_kinds: &mut HashMap<String, (usize, usize)>,
    kind_lines: &mut HashMap<String, u64>,
) -> Option<Method> {
    let max = *ind.max.get_ref();
    if !ind.deduct.is_empty() {
        return Some(deduct(c, &ind.deduct, node, (deduct_kinds, kind_lines)));
    }
    if let Some(d) = &ind.deadline {
        return deadline(c, d);
    }
    if let Some(m) = &ind.measure {
        return measure(c, &ind.id, max, m);
    }
    if let Some(s) = &ind.survey {
        return survey(c, &ind.id, max, s);
    }
    if let Some(n) = &ind.normalise {
        return Some(Method::Normalise(normalise(c, ind.id.get_ref(), n)));
    }
    None
}

/// `[[indicator.deduct]]`: each kind priced once, positive points, caps, major kinds uncapped.
fn deduct(c: &mut Checker<'_>, raw: &[RawDeduct], node: usize, known: Kinds<'_>) -> Method {
    let (deduct_kinds, kind_lines) = known;
    let mut kinds = Vec::new();
    for (k, d) in raw.iter().enumerate() {
        check_kind(c, &d.kind, kind_lines);
        if *d.points.get_ref() <= Decimal::ZERO {
            c.err(
                &d.points,
                "deduct.points",
                t!("rules-deduct-points", points = d.points.get_ref()),
            );
        }
        check_cap(c, d.cap.as_ref(), "deduct.cap");
        if d.major && d.cap.is_some() {
            c.err(&d.kind, "deduct.major", t!("rules-deduct-major"));
        }
        deduct_kinds.insert(d.kind.get_ref().clone(), (node, k));
        kinds.push(DeductKind {
            kind: d.kind.get_ref().clone(),
            name: d.name.clone(),
            points: *d.points.get_ref(),
            cap: d.cap.as_ref().map(|c| *c.get_ref()),
            major: d.major,
        });
    }
    Method::Deduct(kinds)
}

/// `[indicator.deadline]`: the due date, an optional cutoff after it, one way to price late work.
fn deadline(c: &mut Checker<'_>, d: &RawDeadline) -> Option<Method> {
    let due = date(c, &d.due, "deadline.due")?;
    let cutoff = d.cutoff.as_ref().and_then(|x| date(c, x, "deadline.cutoff"));
    let late = shapes::late(c, d);
    if let (Some(cut), Some(raw_cut)) = (cutoff, &d.cutoff)
        && cut < due
    {
        c.err(
            raw_cut,
            "deadline.cutoff",
            t!("rules-deadline-cutoff", cut = cut.to_string(), due = due.to_string()),
        );
    }
    Some(Method::Deadline(Deadline { due, late, cutoff }))
}

/// `[indicator.measure]`: one mapping and what a missing value gets.
fn measure(
    c: &mut Checker<'_>,
    id: &Spanned<String>,
    max: Decimal,
    m: &RawMeasure,
) -> Option<Method> {
    let mapping = mapping(
        c,
        id,
        max,
        [
            &m.linear.is_some(),
            &m.tiers.is_some(),
            &m.per_unit.is_some(),
            &m.relative_to_best.is_some(),
            &m.by_rank.is_some(),
        ],
        MappingRefs {
            linear: m.linear.as_ref(),
            tiers: m.tiers.as_ref(),
            per_unit: m.per_unit.as_ref(),
            relative: m.relative_to_best.as_ref(),
            by_rank: m.by_rank.as_ref(),
        },
    )?;
    let missing = missing(c, m.missing.as_ref());
    Some(Method::Measure(Measure { unit: m.unit.clone(), missing, mapping }))
}

/// `[indicator.survey]`: one mapping, missing values and results below the minimum sample.
fn survey(
    c: &mut Checker<'_>,
    id: &Spanned<String>,
    max: Decimal,
    s: &RawSurveyItem,
) -> Option<Method> {
    let mapping = mapping(
        c,
        id,
        max,
        [
            &s.linear.is_some(),
            &s.tiers.is_some(),
            &s.per_unit.is_some(),
            &s.relative_to_best.is_some(),
            &s.by_rank.is_some(),
        ],
        MappingRefs {
            linear: s.linear.as_ref(),
            tiers: s.tiers.as_ref(),
            per_unit: s.per_unit.as_ref(),
            relative: s.relative_to_best.as_ref(),
            by_rank: s.by_rank.as_ref(),
        },
    )?;
    let missing = missing(c, s.missing.as_ref());
    let words = [
        ("flag", BelowMinimum::Flag),
        ("zero", BelowMinimum::Zero),
        ("not_applicable", BelowMinimum::NotApplicable),
    ];
    let below_minimum = keyword(
        c,
        s.below_minimum.as_ref(),
        "survey.below_minimum",
        "",
        &words,
        BelowMinimum::Flag,
    );
    Some(Method::Survey(SurveyItem { survey: s.survey.clone(), missing, below_minimum, mapping }))
}

fn aggregate(c: &mut Checker<'_>, ind: &RawIndicator, is_leaf: bool) -> Aggregate {
    let Some(a) = &ind.aggregate else { return Aggregate::Sum };
    if is_leaf {
        c.err(a, "aggregate", t!("rules-aggregate", id = ind.id.get_ref()));
    }
    let words =
        [("sum", Aggregate::Sum), ("mean", Aggregate::Mean), ("geometric", Aggregate::Geometric)];
    keyword(c, Some(a), "aggregate", "aggregate ", &words, Aggregate::Sum)
}

/// `[indicator.normalise]` on an inner indicator: a linear scaling of its aggregated value.
fn transform(c: &mut Checker<'_>, id: &str, s: &Spanned<RawNormalise>) -> Normalise {
    let n = s.get_ref();
    if n.measure.is_some()
        || n.per.is_some()
        || n.missing.is_some()
        || n.impute_within.is_some()
        || n.winsorise.is_some()
    {
        c.err(s, "normalise", t!("rules-normalise", id = id));
    }
    let nm = normalise(c, id, s);
    if nm.scaling == Scaling::Rank {
        c.err(s, "normalise.method", t!("rules-normalise-method", id = id));
    }
    if nm.scaling == Scaling::Best && !nm.higher_is_better {
        c.err(s, "normalise.method", t!("rules-normalise-method-2", id = id));
    }
    nm
}

fn scope(c: &mut Checker<'_>, s: Option<&Spanned<String>>, key: &str, default: Scope) -> Scope {
    let words = [("run", Scope::Run), ("group", Scope::Group), ("parent", Scope::Parent)];
    keyword(c, s, key, "", &words, default)
}

/// `[indicator.normalise]`: its scaling, the population of its statistics, missing values and
/// winsorising.
fn normalise(c: &mut Checker<'_>, id: &str, s: &Spanned<RawNormalise>) -> Normalise {
    let n = s.get_ref();
    let scaling = scaling(c, id, s);
    let within = scope(c, n.within.as_ref(), "normalise.within", Scope::Run);
    let words = [
        ("not_applicable", NormMissing::NotApplicable),
        ("zero", NormMissing::Zero),
        ("error", NormMissing::Error),
        ("mean", NormMissing::Mean(Scope::Group)),
    ];
    let missing = match keyword(
        c,
        n.missing.as_ref(),
        "normalise.missing",
        "",
        &words,
        NormMissing::NotApplicable,
    ) {
        NormMissing::Mean(_) => NormMissing::Mean(scope(
            c,
            n.impute_within.as_ref(),
            "normalise.impute_within",
            Scope::Group,
        )),
        m => m,
    };
    if n.impute_within.is_some() && !matches!(missing, NormMissing::Mean(_)) {
        c.err(s, "normalise.impute_within", t!("rules-normalise-impute-within", id = id));
    }
    let winsorise = n.winsorise.as_ref().map(|w| Winsorise {
        skew: w.skew,
        kurtosis: w.kurtosis,
        max_iterations: w.max_iterations,
    });
    Normalise {
        measure: n.measure.clone().unwrap_or_else(|| id.to_string()),
        per: n.per.clone(),
        scaling,
        higher_is_better: n.higher_is_better.unwrap_or(true),
        within,
        missing,
        winsorise,
    }
}

/// `normalise.method` and the keys that belong to it: goalposts for minmax, mean and sd for
/// zscore, none for the others.
fn scaling(c: &mut Checker<'_>, id: &str, s: &Spanned<RawNormalise>) -> Scaling {
    let n = s.get_ref();
    let minmax_keys = n.low.is_some() || n.high.is_some() || n.clamp.is_some();
    let z_keys = n.mean.is_some() || n.sd.is_some();
    let minmax = Scaling::MinMax { bounds: None, clamp: false };
    let words = [
        ("minmax", Some(minmax)),
        ("zscore", Some(Scaling::ZScore { fixed: None })),
        ("best", Some(Scaling::Best)),
        ("rank", Some(Scaling::Rank)),
        ("none", Some(Scaling::None)),
    ];
    let word = match &n.method {
        None => Some(minmax),
        Some(m) => keyword(c, Some(m), "normalise.method", "method ", &words, None),
    };
    match word {
        Some(Scaling::MinMax { .. }) => {
            let scaling = min_max(c, id, s);
            if z_keys {
                c.err(s, "normalise.mean", t!("rules-normalise-mean", id = id));
            }
            scaling
        }
        Some(Scaling::ZScore { .. }) => {
            let scaling = z_score(c, id, s);
            if minmax_keys {
                c.err(s, "normalise.low", t!("rules-normalise-low", id = id));
            }
            scaling
        }
        Some(other) => {
            if minmax_keys || z_keys {
                let method = n.method.as_ref().map_or("", |m| m.get_ref().as_str());
                c.err(
                    s,
                    "normalise.method",
                    t!("rules-normalise-method-3", id = id, method = method),
                );
            }
            other
        }
        None => Scaling::None,
    }
}

/// Min-max scaling between fixed goalposts (both or neither) or the data's.
fn min_max(c: &mut Checker<'_>, id: &str, s: &Spanned<RawNormalise>) -> Scaling {
    let n = s.get_ref();
    let bounds = match (n.low, n.high) {
        (None, None) => None,
        (Some(l), Some(h)) if l < h => Some((l, h)),
        (Some(l), Some(h)) => {
            c.err(s, "normalise.low", t!("rules-normalise-low-2", id = id, l = l, h = h));
            None
        }
        _ => {
            c.err(s, "normalise.low", t!("rules-normalise-low-3", id = id));
            None
        }
    };
    if n.clamp.is_some() && bounds.is_none() {
        c.err(s, "normalise.clamp", t!("rules-normalise-clamp", id = id));
    }
    Scaling::MinMax { bounds, clamp: n.clamp.unwrap_or(false) }
}

/// Z-scores against a fixed mean and sd (both or neither) or the data's.
fn z_score(c: &mut Checker<'_>, id: &str, s: &Spanned<RawNormalise>) -> Scaling {
    let n = s.get_ref();
    let fixed = match (n.mean, n.sd) {
        (None, None) => None,
        (Some(m), Some(sd)) if sd > Decimal::ZERO => Some((m, sd)),
        (Some(_), Some(sd)) => {
            c.err(s, "normalise.sd", t!("rules-normalise-sd", id = id, sd = sd));
            None
        }
        _ => {
            c.err(s, "normalise.mean", t!("rules-normalise-mean-2", id = id));
            None
        }
    };
    Scaling::ZScore { fixed }
}

fn missing(c: &mut Checker<'_>, m: Option<&Spanned<String>>) -> Missing {
    let words = [
        ("zero", Missing::Zero),
        ("not_applicable", Missing::NotApplicable),
        ("error", Missing::Error),
    ];
    keyword(c, m, "missing", "", &words, Missing::Zero)
}

fn share(c: &mut Checker<'_>, s: &Spanned<Decimal>, key: &str) {
    let v = *s.get_ref();
    if v < Decimal::ZERO || v > Decimal::ONE {
        c.err(s, key, t!("rules-value-4", value = v));
    }
}

fn date(c: &mut Checker<'_>, d: &Spanned<Date>, key: &str) -> Option<NaiveDate> {
    let v = d.get_ref();
    match (v.date, v.time) {
        (Some(dt), None) => NaiveDate::from_ymd_opt(dt.year as i32, dt.month as u32, dt.day as u32),
        _ => {
            c.err(d, key, t!("rules-value-5", value = v.to_string()));
            None
        }
    }
}

struct MappingRefs<'r> {
    linear: Option<&'r Spanned<RawLinear>>,
    tiers: Option<&'r Spanned<Vec<RawTier>>>,
    per_unit: Option<&'r Spanned<RawPerUnit>>,
    relative: Option<&'r Spanned<RawRelative>>,
    by_rank: Option<&'r Spanned<RawByRank>>,
}

fn mapping(
    c: &mut Checker<'_>,
    id: &Spanned<String>,
    max: Decimal,
    given: [&bool; 5],
    m: MappingRefs<'_>,
) -> Option<Mapping> {
    if given.iter().filter(|&&&b| b).count() != 1 {
        c.err(
            id,
            "indicator",
            t!(
                "rules-indicator-4",
                id = id.get_ref(),
                count = given.iter().filter(|&&&b| b).count()
            ),
        );
        return None;
    }
    if let Some(l) = m.linear {
        let r = l.get_ref();
        if r.zero_at == r.full_at {
            c.err(l, "linear", t!("rules-linear", zero_at = r.zero_at));
        }
        return Some(Mapping::Linear { zero_at: r.zero_at, full_at: r.full_at });
    }
    if let Some(t) = m.tiers {
        return Some(tiers(c, t, max));
    }
    if let Some(p) = m.per_unit {
        let r = p.get_ref();
        let per = r.per.unwrap_or(Decimal::ONE);
        if r.points <= Decimal::ZERO || per <= Decimal::ZERO {
            c.err(p, "per_unit", t!("rules-per-unit"));
        }
        let words =
            [("exact", UnitCount::Exact), ("floor", UnitCount::Floor), ("ceil", UnitCount::Ceil)];
        let units = r.units.as_deref().map_or(UnitCount::Exact, |u| {
            keyword_at(c, p, u, ("per_unit.units", ""), &words, UnitCount::Exact)
        });
        return Some(Mapping::PerUnit {
            target: r.target,
            points: r.points,
            per,
            units,
            higher_is_better: r.higher_is_better.unwrap_or(true),
        });
    }
    if let Some(r) = m.relative {
        return Some(Mapping::RelativeToBest {
            higher_is_better: r.get_ref().higher_is_better.unwrap_or(true),
        });
    }
    if let Some(b) = m.by_rank {
        let r = b.get_ref();
        if r.points.is_empty() {
            c.err(b, "by_rank.points", t!("rules-by-rank-points"));
        }
        if r.points.iter().any(|p| *p < Decimal::ZERO || *p > max)
            || r.points.windows(2).any(|w| w[1] > w[0])
        {
            c.err(b, "by_rank.points", t!("rules-by-rank-points-2", max = max));
        }
        if r.then_step.is_some_and(|s| s < Decimal::ZERO) {
            c.err(b, "by_rank.then_step", t!("rules-by-rank-then-step"));
        }
        return Some(Mapping::ByRank {
            points: r.points.clone(),
            then_step: r.then_step.unwrap_or(Decimal::ZERO),
            higher_is_better: r.higher_is_better.unwrap_or(true),
        });
    }
    None
}

/// `tiers`: each a bound and a share or points, all one way from the strictest bound down.
fn tiers(c: &mut Checker<'_>, t: &Spanned<Vec<RawTier>>, max: Decimal) -> Mapping {
    let mut tiers = Vec::new();
    if t.get_ref().is_empty() {
        c.err(t, "tiers", t!("rules-tiers"));
    }
    for tier in t.get_ref() {
        let bound = match (tier.at_least, tier.at_most) {
            (Some(v), None) => TierBound::AtLeast(v),
            (None, Some(v)) => TierBound::AtMost(v),
            _ => {
                c.err(t, "tiers", t!("rules-tiers-2"));
                continue;
            }
        };
        let value = match (tier.share, tier.points) {
            (Some(s), None) if s >= Decimal::ZERO && s <= Decimal::ONE => TierValue::Share(s),
            // Negative points are a penalty tier (docs/composite.md).
            (None, Some(p)) if p <= max => TierValue::Points(p),
            (Some(s), None) => {
                c.err(t, "tiers.share", t!("rules-tiers-share", value = s));
                continue;
            }
            (None, Some(p)) => {
                c.err(t, "tiers.points", t!("rules-tiers-points", value = p, max = max));
                continue;
            }
            _ => {
                c.err(t, "tiers", t!("rules-tiers-3"));
                continue;
            }
        };
        tiers.push(Tier { bound, value });
    }
    // First match wins, so the tiers must run from the strictest bound down, all one way.
    let ordered = tiers.windows(2).all(|w| match (w[0].bound, w[1].bound) {
        (TierBound::AtLeast(a), TierBound::AtLeast(b)) => a > b,
        (TierBound::AtMost(a), TierBound::AtMost(b)) => a < b,
        _ => false,
    });
    if !ordered {
        c.err(t, "tiers", t!("rules-tiers-4"));
    }
    Mapping::Tiers(tiers)
}

fn bonus(c: &mut Checker<'_>, raw: Option<&RawBonus>, group_ids: &HashSet<&str>) -> Bonus {
    let Some(raw) = raw else { return Bonus::default() };
    check_cap(c, raw.cap.as_ref(), "bonus.cap");
    if let Some(m) = &raw.min_base
        && *m.get_ref() < Decimal::ZERO
    {
        c.err(m, "bonus.min_base", t!("rules-bonus-min-base-2", m = m.get_ref()));
    }
    let mut ids = HashSet::new();
    let mut items = Vec::new();
    for item in &raw.items {
        if !ids.insert(item.id.get_ref().clone()) {
            c.err(&item.id, "bonus.item.id", t!("rules-bonus-item-id", id = item.id.get_ref()));
        }
        if *item.points.get_ref() <= Decimal::ZERO {
            c.err(
                &item.points,
                "bonus.item.points",
                t!("rules-bonus-item-points", points = item.points.get_ref()),
            );
        }
        if item.basis.get_ref().trim().is_empty() {
            c.err(&item.basis, "bonus.item.basis", t!("rules-bonus-item-basis"));
        }
        check_cap(c, item.cap.as_ref(), "bonus.item.cap");
        for g in &item.groups {
            if !group_ids.contains(g.get_ref().as_str()) {
                c.err(g, "bonus.item.groups", t!("rules-bonus-item-groups", value = g.get_ref()));
            }
        }
        items.push(BonusItem {
            id: item.id.get_ref().clone(),
            name: item.name.clone(),
            points: *item.points.get_ref(),
            cap: item.cap.as_ref().map(|c| *c.get_ref()),
            basis: item.basis.get_ref().clone(),
            applies: Applicability {
                groups: strings(&item.groups),
                agencies: strings(&item.agencies),
                exempt: Vec::new(),
            },
        });
    }
    Bonus {
        cap: raw.cap.as_ref().map(|c| *c.get_ref()),
        min_base: raw.min_base.as_ref().map(|c| *c.get_ref()),
        gate: None,
        to: None,
        basis: raw.basis.clone(),
        items,
    }
}

fn penalty(
    c: &mut Checker<'_>,
    raw: Option<&RawPenalty>,
    kind_lines: &mut HashMap<String, u64>,
) -> (Penalty, HashMap<String, usize>) {
    let Some(raw) = raw else { return (Penalty::default(), HashMap::new()) };
    check_cap(c, raw.cap.as_ref(), "penalty.cap");
    let mut map = HashMap::new();
    let mut kinds = Vec::new();
    for k in &raw.kinds {
        if k.basis.get_ref().trim().is_empty() {
            c.err(&k.basis, "penalty.kind.basis", t!("rules-penalty-kind-basis"));
        }
        check_kind(c, &k.kind, kind_lines);
        if *k.points.get_ref() <= Decimal::ZERO {
            c.err(
                &k.points,
                "penalty.kind.points",
                t!("rules-penalty-kind-points", points = k.points.get_ref()),
            );
        }
        check_cap(c, k.cap.as_ref(), "penalty.kind.cap");
        map.insert(k.kind.get_ref().clone(), kinds.len());
        kinds.push(PenaltyKind {
            kind: k.kind.get_ref().clone(),
            name: k.name.clone(),
            points: *k.points.get_ref(),
            cap: k.cap.as_ref().map(|c| *c.get_ref()),
            basis: k.basis.get_ref().clone(),
        });
    }
    (Penalty { cap: raw.cap.as_ref().map(|c| *c.get_ref()), kinds }, map)
}

#[cfg(test)]
mod tests {
    /// The bundled rules with keyword values replaced: each unknown word is named with the key's
    /// line and the words expected (the messages docs/rules.md lists).
    #[test]
    fn unknown_keywords_name_the_words_expected() {
        // In whichever language the process speaks (tests run in parallel: none sets it).
        let unknown = |what: &str, word: &str, items: &str, last: &str| {
            let list = crate::t!("rules-list-or", items = items, last = last);
            crate::t!("rules-value", what = what, word = word, list = list)
        };
        let rules = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scoring-rules/shanxi-2022.toml"),
        )
        .unwrap();
        let error = |from: &str, to: &str| {
            let text = rules.replacen(from, to, 1);
            super::super::parse(text.as_bytes(), "r.toml").unwrap_err().to_string()
        };
        // The header is checked in the first round, the indicators in the second.
        let e = error("floor = \"dimension\"", "floor = \"dimensions\"");
        let want = unknown("floor ", "dimensions", "item, dimension", "none");
        assert!(e.contains(&format!("r.toml:36: `scheme.floor`: {want}")), "{e}");
        let e = error("rescale = \"proportional\"", "rescale = \"scaled\"");
        let want = unknown("rescale ", "scaled", "proportional", "none");
        assert!(e.contains(&format!("`scheme.rescale`: {want}")), "{e}");
        let e = error("below_minimum = \"zero\"", "below_minimum = \"nil\"");
        let want = unknown("", "nil", "flag, zero", "not_applicable");
        assert!(e.contains(&format!("`survey.below_minimum`: {want}")), "{e}");
    }
}
