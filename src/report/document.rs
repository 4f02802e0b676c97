//! The published 通报 (circular) as a format-free document model: title, issuer and date, a
//! narrative summary written from the numbers, the grade table with the quota rule, one ranking
//! table per group and the charts. [`crate::report::docx`] and [`crate::report::pdf`] each write
//! the same [`Document`], so Word and PDF never disagree.

use std::fmt::Write;

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
            "名额边界同分者均保留该等次"
        } else {
            "名额边界同分者超出名额时一并降档"
        };
        for b in &g.grades {
            let rule = match b.quota {
                Some(Quota::Count(n)) => format!("不超过 {n} 个单位"),
                Some(Quota::Share { share, rounding, min }) => {
                    let how = match rounding {
                        ShareRounding::Floor => "向下取整",
                        ShareRounding::Round => "四舍五入",
                        ShareRounding::Ceil => "向上取整",
                    };
                    let floor =
                        if min > 0 { format!("，且不少于 {min} 个") } else { String::new() };
                    format!(
                        "不超过本组单位数的 {}%（{how}）{floor}",
                        (share * Decimal::ONE_HUNDRED).normalize()
                    )
                }
                None => continue,
            };
            out.push((g.id.clone(), b.name.clone(), format!("{rule}，超出者降为下一等次；{ties}")));
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
    let title = masthead.title.clone().unwrap_or_else(|| format!("关于{}结果的通报", s.title));
    let issuer = masthead.issuer.clone().unwrap_or_else(|| "政务公开工作领导小组办公室".into());
    let date = masthead
        .date
        .clone()
        .or_else(|| masthead.year.map(|y| format!("{y}年度")))
        .unwrap_or_default();
    let groups = view::groups(result);
    let mut blocks =
        vec![Block::Paragraph(format!("根据{}，现将{}结果通报如下。", s.basis, s.title))];
    blocks.push(Block::Heading("一、总体情况".into()));
    for g in &groups {
        blocks.push(Block::Paragraph(group_summary(g, s.decimals)));
    }
    blocks.push(Block::Heading("二、否决事项与名额降档".into()));
    blocks.push(Block::Paragraph(vetoes(result)));
    blocks.push(Block::Paragraph(demotions(result, masthead)));
    let mut n = 3;
    if let Some(p) = previous {
        blocks.push(Block::Heading("三、与上年比较".into()));
        blocks.extend(movers(&groups, p, s.decimals).into_iter().map(Block::Paragraph));
        n += 1;
    }
    blocks.push(Block::Heading(format!("{}、等次标准", cn_number(n))));
    blocks.push(Block::Table(grade_table(result, masthead)));
    if let Some(c) = charts.iter().find(|c| c.name == "distribution") {
        blocks.push(Block::Figure(figure(c)));
    }
    blocks.push(Block::Heading(format!("{}、各组排名", cn_number(n + 1))));
    for g in &groups {
        group_blocks(&mut blocks, result, g, charts);
    }
    Document { title, issuer, date, blocks }
}

fn cn_number(n: usize) -> &'static str {
    ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"].get(n).copied().unwrap_or("十")
}

fn pts(d: Decimal, decimals: u32) -> String {
    format!("{}分", fmt_points(d, decimals))
}

fn named(list: &[(&AgencyResult, &String)], decimals: u32) -> String {
    let items: Vec<String> =
        list.iter().map(|(a, label)| format!("{label}（{}）", pts(a.total, decimals))).collect();
    items.join("、")
}

/// "设区市共 11 个单位：优秀 3 个、良好 5 个……。前三名：…；后三名：…。"
pub fn group_summary(g: &GroupView<'_>, decimals: u32) -> String {
    let counts: Vec<String> =
        grade_counts(g).iter().map(|(name, n)| format!("{name} {n} 个")).collect();
    let mut o =
        format!("{}共 {} 个单位：{}。", g.summary.name, g.agencies.len(), counts.join("、"));
    let all: Vec<(&AgencyResult, &String)> =
        g.agencies.iter().copied().zip(g.labels.iter()).collect();
    let k = all.len().min(3);
    if k > 0 {
        let _ = write!(o, "前{}名：{}", cn_number(k), named(&all[..k], decimals));
        if all.len() > 3 {
            let tail = &all[all.len() - k..];
            let _ = write!(o, "；后{}名：{}", cn_number(k), named(tail, decimals));
        }
        o.push('。');
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
                (Some(g), _) => format!("等次定为{g}"),
                (None, Some(cap)) => format!("总分封顶 {cap} 分"),
                (None, None) => "按否决处理".into(),
            };
            Some(format!("{}因“{}”（{}）{}", a.agency, v.name, v.rule, effect))
        })
        .collect();
    if vetoed.is_empty() {
        "本次考核无单位触发否决事项。".into()
    } else {
        format!("{} 个单位触发否决事项：{}。", vetoed.len(), vetoed.join("；"))
    }
}

fn demotions(result: &RunResult, masthead: &Masthead) -> String {
    let demoted: Vec<String> = result
        .agencies
        .iter()
        .filter(|a| a.demoted_by_quota)
        .map(|a| format!("{}（{}）", a.agency, pts(a.total, result.scheme.decimals)))
        .collect();
    let rule = if masthead.quotas.is_empty() { "" } else { "（名额规则见等次标准）" };
    if demoted.is_empty() {
        format!("本次考核无单位因名额限制降档{rule}。")
    } else {
        format!(
            "{} 个单位分数达到上一等次分数线，因名额限制降为下一等次{rule}：{}。",
            demoted.len(),
            demoted.join("、")
        )
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
            format!("{}（{}{}分，名次 {}→{}）", m.2, sign, fmt_points(m.0, decimals), m.3, m.1.rank)
        };
        let up: Vec<String> =
            moves.iter().filter(|m| m.0 > Decimal::ZERO).take(3).map(say).collect();
        let down: Vec<String> =
            moves.iter().rev().filter(|m| m.0 < Decimal::ZERO).take(3).map(say).collect();
        let none = "无".to_string();
        out.push(format!(
            "{}（与上年可比 {} 个单位）：进步最大 {}；退步最大 {}。",
            g.summary.name,
            moves.len(),
            if up.is_empty() { none.clone() } else { up.join("、") },
            if down.is_empty() { none } else { down.join("、") }
        ));
    }
    out
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
                .unwrap_or_else(|| "—".into());
            rows.push(vec![g.name.clone(), b.name.clone(), b.min.to_string(), quota]);
        }
    }
    Table {
        caption: "等次标准与名额规则".into(),
        header: ["组别", "等次", "最低分", "名额规则"].map(String::from).to_vec(),
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
            let cells = table::row(a, decimals);
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
        caption: format!("{}排名（{} 个单位）", g.summary.name, g.agencies.len()),
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
