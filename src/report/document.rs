//! The published 通报 (circular) as a format-free document model: title, issuer and date, a
//! narrative summary written from the numbers, the grade table with the quota rule, one ranking
//! table per group and the charts. [`crate::report::docx`] and [`crate::report::pdf`] each write
//! the same [`Document`], so Word and PDF never disagree.

use rust_decimal::Decimal;

use crate::report::chart::{Rendered, fmt_points};
use crate::report::previous::Previous;
use crate::report::table;
use crate::report::view::{self, GroupView, grade_counts};
use crate::rules::Scheme;
use crate::rules::scheme::{Quota, ShareRounding};
use crate::score::result::{AgencyResult, RunResult};

/// A document: a title block, then blocks in reading order.
#[derive(Debug, Clone)]
pub struct Document {
    pub title: String,
    pub issuer: String,
    pub date: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    Table(Table),
    Figure(Figure),
}

/// A table; the header row repeats on every page the table spans.
#[derive(Debug, Clone)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Right-aligned (numeric) columns.
    pub numeric: Vec<bool>,
    /// Set on a landscape page (too many columns for portrait A4).
    pub landscape: bool,
}

/// A chart, placed at page width (or smaller, when it is taller than a page).
#[derive(Debug, Clone)]
pub struct Figure {
    pub caption: String,
    pub png: Vec<u8>,
    /// PNG size in pixels.
    pub size: (u32, u32),
}

/// What the document says that the run does not: who issues it and when, and the quota rules
/// (the run records who was demoted, the scheme how many may keep a grade).
#[derive(Debug, Clone, Default)]
pub struct Masthead {
    /// Default: 关于印发《scheme title》结果的通报.
    pub title: Option<String>,
    /// Default: scheme title + 领导小组办公室.
    pub issuer: Option<String>,
    /// Default: the scheme's year (`2022年度`), or nothing.
    pub date: Option<String>,
    /// The scheme's year, for the default date.
    pub year: Option<i32>,
    /// (group id, grade, the rule in words), from [`quota_rules`].
    pub quotas: Vec<(String, String, String)>,
}

/// The quota of every band that has one, stated in words.
pub fn quota_rules(scheme: &Scheme) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for g in &scheme.groups {
        let ties = if g.quota_ties_include {
            crate::t!("report-quota-ties-keep")
        } else {
            crate::t!("report-quota-ties-demote")
        };
        for b in &g.grades {
            let rule = match b.quota {
                Some(Quota::Count(n)) => crate::t!("report-quota-count", count = n),
                Some(Quota::Share { share, rounding, min }) => {
                    let how = match rounding {
                        ShareRounding::Floor => crate::t!("report-quota-floor"),
                        ShareRounding::Round => crate::t!("report-quota-round"),
                        ShareRounding::Ceil => crate::t!("report-quota-ceil"),
                    };
                    let floor = if min > 0 {
                        crate::t!("report-quota-at-least", count = min)
                    } else {
                        String::new()
                    };
                    let percent = (share * Decimal::ONE_HUNDRED).normalize();
                    crate::t!("report-quota-share", percent = percent, how = how, floor = floor)
                }
                None => continue,
            };
            let rule = crate::t!("report-quota-rule", rule = rule, ties = ties);
            out.push((g.id.clone(), b.name.clone(), rule));
        }
    }
    out
}

/// Builds the 通报 from a scored run and its drawn charts.
pub fn build(
    result: &RunResult,
    charts: &[Rendered],
    previous: Option<&Previous>,
    masthead: &Masthead,
) -> Document {
    let s = &result.scheme;
    let title =
        masthead.title.clone().unwrap_or_else(|| crate::t!("report-doc-title", title = s.title));
    let issuer = masthead.issuer.clone().unwrap_or_else(|| crate::t!("report-doc-issuer"));
    let date = masthead
        .date
        .clone()
        .or_else(|| masthead.year.map(|y| crate::t!("report-doc-year", year = y.to_string())))
        .unwrap_or_default();
    let groups = view::groups(result);
    let intro = crate::t!("report-doc-intro", basis = s.basis, title = s.title);
    let mut blocks = vec![Block::Paragraph(intro)];
    blocks.push(heading(1, crate::t!("report-doc-overview")));
    for g in &groups {
        blocks.push(Block::Paragraph(group_summary(g, s.decimals)));
    }
    blocks.push(heading(2, crate::t!("report-doc-vetoes-and-demotions")));
    blocks.push(Block::Paragraph(vetoes(result)));
    blocks.push(Block::Paragraph(demotions(result, masthead)));
    let mut n = 3;
    if let Some(p) = previous {
        blocks.push(heading(3, crate::t!("report-doc-against-last-year")));
        blocks.extend(movers(&groups, p, s.decimals).into_iter().map(Block::Paragraph));
        n += 1;
    }
    blocks.push(heading(n, crate::t!("report-grade-standards")));
    blocks.push(Block::Table(grade_table(result, masthead)));
    if let Some(c) = charts.iter().find(|c| c.name == "distribution") {
        blocks.push(Block::Figure(figure(c)));
    }
    blocks.push(heading(n + 1, crate::t!("report-doc-rankings")));
    for g in &groups {
        group_blocks(&mut blocks, result, g, charts);
    }
    Document { title, issuer, date, blocks }
}

/// Section `n`'s heading: 一、总体情况 (English: 1. Overview).
fn heading(n: usize, title: String) -> Block {
    Block::Heading(crate::t!("report-doc-heading", number = numeral(n), title = title))
}

/// `n` as a section number: 一, 二, 三 … (English: 1, 2, 3 …).
fn numeral(n: usize) -> String {
    crate::t!("report-doc-numeral", n = n)
}

fn pts(d: Decimal, decimals: u32) -> String {
    crate::t!("report-doc-points", points = fmt_points(d, decimals))
}

/// Items of a list in a sentence: 甲、乙、丙 (English: a, b, c).
pub(crate) fn list(items: &[String]) -> String {
    items.join(&crate::t!("report-list-sep"))
}

fn named(items: &[(&AgencyResult, &String)], decimals: u32) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|(a, label)| {
            crate::t!("report-doc-named", label = *label, points = pts(a.total, decimals))
        })
        .collect();
    list(&items)
}

/// "设区市共 11 个单位：优秀 3 个、良好 5 个……。前三名：…；后三名：…。"
pub fn group_summary(g: &GroupView<'_>, decimals: u32) -> String {
    let counts: Vec<String> = grade_counts(g)
        .iter()
        .map(|(name, n)| crate::t!("report-doc-grade-count", grade = name, count = *n))
        .collect();
    let mut o = crate::t!(
        "report-doc-group-count",
        group = g.summary.name,
        count = g.agencies.len(),
        grades = list(&counts)
    );
    let all: Vec<(&AgencyResult, &String)> =
        g.agencies.iter().copied().zip(g.labels.iter()).collect();
    let k = all.len().min(3);
    if k > 0 {
        let top = named(&all[..k], decimals);
        o.push_str(&crate::t!("report-doc-top", numeral = numeral(k), list = top));
        if all.len() > 3 {
            let tail = named(&all[all.len() - k..], decimals);
            o.push_str(&crate::t!("report-doc-bottom", numeral = numeral(k), list = tail));
        }
        o.push_str(&crate::t!("report-doc-period"));
    }
    o
}

fn vetoes(result: &RunResult) -> String {
    let vetoed: Vec<String> = result
        .agencies
        .iter()
        .filter_map(|a| {
            let v = a.veto.as_ref()?;
            let effect = match (&v.grade, v.score) {
                (Some(g), _) => crate::t!("report-doc-veto-grade", grade = g),
                (None, Some(cap)) => crate::t!("report-doc-veto-cap", cap = cap),
                (None, None) => crate::t!("report-doc-veto-other"),
            };
            Some(crate::t!(
                "report-doc-veto-item",
                agency = a.agency,
                veto = v.name,
                rule = v.rule,
                effect = effect
            ))
        })
        .collect();
    if vetoed.is_empty() {
        crate::t!("report-doc-no-veto")
    } else {
        let joined = vetoed.join(&crate::t!("report-clause-sep"));
        crate::t!("report-doc-vetoes", count = vetoed.len(), list = joined)
    }
}

fn demotions(result: &RunResult, masthead: &Masthead) -> String {
    let demoted: Vec<String> = result
        .agencies
        .iter()
        .filter(|a| a.demoted_by_quota)
        .map(|a| {
            let points = pts(a.total, result.scheme.decimals);
            crate::t!("report-doc-named", label = a.agency, points = points)
        })
        .collect();
    let rule =
        if masthead.quotas.is_empty() { String::new() } else { crate::t!("report-doc-quota-see") };
    if demoted.is_empty() {
        crate::t!("report-doc-no-demotion", rule = rule)
    } else {
        crate::t!("report-doc-demoted", count = demoted.len(), rule = rule, list = list(&demoted))
    }
}

/// The biggest rises and falls of total against last year, per group (agencies matched by id).
fn movers(groups: &[GroupView<'_>], p: &Previous, decimals: u32) -> Vec<String> {
    let mut out = Vec::new();
    for g in groups {
        let mut moves: Vec<(Decimal, &AgencyResult, &String, u32)> = g
            .agencies
            .iter()
            .zip(&g.labels)
            .filter_map(|(a, l)| {
                p.rows.get(&a.agency_id).map(|r| (a.total - r.total, *a, l, r.rank))
            })
            .collect();
        moves.sort_by(|x, y| y.0.cmp(&x.0).then_with(|| x.1.agency_id.cmp(&y.1.agency_id)));
        let say = |m: &(Decimal, &AgencyResult, &String, u32)| {
            let sign = if m.0 > Decimal::ZERO { "+" } else { "" };
            let change = format!("{sign}{}", fmt_points(m.0, decimals));
            crate::t!(
                "report-doc-move",
                label = m.2,
                change = change,
                was = rank_text(m.3),
                now = rank_text(m.1.rank)
            )
        };
        let up: Vec<String> =
            moves.iter().filter(|m| m.0 > Decimal::ZERO).take(3).map(say).collect();
        let down: Vec<String> =
            moves.iter().rev().filter(|m| m.0 < Decimal::ZERO).take(3).map(say).collect();
        let none = crate::t!("report-doc-none");
        out.push(crate::t!(
            "report-doc-movers",
            group = g.summary.name,
            count = moves.len(),
            up = if up.is_empty() { none.clone() } else { list(&up) },
            down = if down.is_empty() { none } else { list(&down) }
        ));
    }
    out
}

/// A rank as the report's sentences name it: rank 0 is no rank (a veto that leaves the agency
/// unranked), never "rank 0".
fn rank_text(rank: u32) -> String {
    if rank == 0 { crate::t!("report-doc-unranked") } else { rank.to_string() }
}

fn grade_table(result: &RunResult, masthead: &Masthead) -> Table {
    let mut rows = Vec::new();
    for g in &result.scheme.groups {
        for b in &g.grades {
            let quota = masthead
                .quotas
                .iter()
                .find(|(gid, grade, _)| *gid == g.id && *grade == b.name)
                .map(|q| q.2.clone())
                .unwrap_or_else(|| "—".to_string());
            rows.push(vec![g.name.clone(), b.name.clone(), b.min.to_string(), quota]);
        }
    }
    Table {
        caption: crate::t!("report-doc-grade-table"),
        header: vec![
            crate::t!("report-title-group"),
            crate::t!("report-title-grade"),
            crate::t!("report-grade-min"),
            crate::t!("report-doc-quota-rule"),
        ],
        rows,
        numeric: vec![false, false, true, false],
        landscape: false,
    }
}

/// A group's ranking table (all columns of rankings.csv but the group) and its charts.
fn group_blocks(
    blocks: &mut Vec<Block>,
    result: &RunResult,
    g: &GroupView<'_>,
    charts: &[Rendered],
) {
    let decimals = result.scheme.decimals;
    let header: Vec<String> = table::titles(result).into_iter().skip(1).collect();
    let mut numeric = vec![false; header.len()];
    let rows: Vec<Vec<String>> = g
        .agencies
        .iter()
        .zip(&g.labels)
        .map(|(a, label)| {
            let cells = table::row(result, a);
            cells
                .iter()
                .enumerate()
                .skip(1)
                .map(|(i, c)| {
                    if matches!(c, table::Cell::Points(_) | table::Cell::Int(_)) {
                        numeric[i - 1] = true;
                    }
                    if i == 3 { label.clone() } else { c.display(decimals) }
                })
                .collect()
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: crate::t!(
            "report-doc-ranking-caption",
            group = g.summary.name,
            count = g.agencies.len()
        ),
        landscape: header.len() > 8,
        header,
        rows,
        numeric,
    }));
    let slug = view::slug(&g.summary.id);
    for kind in ["ranking", "composition", "heatmap", "change"] {
        // A long group's chart may come in numbered parts (`ranking-county-2`).
        let stem = format!("{kind}-{slug}");
        let part = |name: &str| {
            name.strip_prefix(stem.as_str()).is_some_and(|rest| {
                rest.is_empty()
                    || rest.strip_prefix('-').is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
            })
        };
        blocks.extend(charts.iter().filter(|c| part(&c.name)).map(|c| Block::Figure(figure(c))));
    }
}

fn figure(c: &Rendered) -> Figure {
    Figure { caption: c.title.clone(), png: c.png.clone(), size: c.png_size }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::i18n::{Lang, set_thread_lang};

    #[test]
    fn an_unranked_agency_is_named_unranked_not_rank_zero() {
        set_thread_lang(Some(Lang::Zh));
        let zh = crate::t!(
            "report-doc-move",
            label = "甲",
            change = "+1.00",
            was = rank_text(0),
            now = rank_text(4)
        );
        assert_eq!(zh, "甲（+1.00分，名次 不排名→4）");
        set_thread_lang(Some(Lang::En));
        assert_eq!(rank_text(0), "unranked");
        assert_eq!(rank_text(12), "12");
        set_thread_lang(None);
    }
}
