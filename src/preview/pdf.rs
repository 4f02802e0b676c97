//! preview.pdf: the agency's preview as a printable document, written by the report's PDF engine
//! ([`crate::report::pdf`]) from the same [`Preview`] as preview.html, in the same order: the
//! result and the gaps to the next grade and rank, where points were lost, what-if, the group
//! comparison with its chart, the full ledger.

use rust_decimal::Decimal;

use super::{Preview, Scenario};
use crate::error::Result;
use crate::output::text::dp;
use crate::report::document::{Block, Document, Figure, Table};
use crate::score::ledger::LedgerLine;

/// The preview as a PDF; `chart_png` (with its size in pixels) is placed at page width.
pub fn write(p: &Preview, chart_png: Option<(&[u8], (u32, u32))>) -> Result<Vec<u8>> {
    crate::report::pdf::write_pdf(&document(p, chart_png))
}

/// The preview as a format-free document.
pub fn document(p: &Preview, chart_png: Option<(&[u8], (u32, u32))>) -> Document {
    let a = &p.agency;
    let mut blocks = vec![Block::Paragraph(format!(
        "{} · {} · 依据 {}",
        p.scheme.title, p.aggregates.group_name, p.scheme.basis
    ))];
    blocks.push(Block::Heading("一、结果".into()));
    blocks.push(Block::Table(headline(p)));
    if let Some(v) = &a.veto {
        blocks.push(Block::Paragraph(format!("一票否决：{}（{}）", v.name, v.source)));
    }
    blocks.push(Block::Heading("二、失分项（按失分从多到少）".into()));
    match lost_table(p) {
        Some(t) => {
            blocks.push(Block::Table(t));
            blocks.push(Block::Paragraph(
                "“整改最多可挽回”为该项本身的分值；受扣分上限和折算影响，实际挽回可能更少，\
                 可用 what-if（--drop-finding、--assume-rectified）精确测算。"
                    .into(),
            ));
        }
        None => blocks.push(Block::Paragraph("没有扣分项。".into())),
    }
    for sc in p.what_if.iter().chain(&p.if_appeals_won) {
        scenario(&mut blocks, p, sc);
    }
    blocks.push(Block::Heading("三、同组比较".into()));
    group(&mut blocks, p, chart_png);
    blocks.push(Block::Heading("四、得分明细（每一分的来源）".into()));
    blocks.push(Block::Table(ledger("得分明细", &a.ledger)));
    blocks.push(Block::Paragraph(format!(
        "kaohe {} · 规则 {}",
        env!("CARGO_PKG_VERSION"),
        p.scheme.id
    )));
    Document {
        title: format!("{}（{}）得分预览", a.agency, a.agency_id),
        issuer: p.scheme.title.clone(),
        date: String::new(),
        blocks,
    }
}

fn table(caption: &str, header: &[&str], numeric: &[bool], rows: Vec<Vec<String>>) -> Table {
    Table {
        caption: caption.into(),
        header: header.iter().map(|s| s.to_string()).collect(),
        rows,
        numeric: numeric.to_vec(),
        landscape: false,
    }
}

fn points(d: Decimal) -> String {
    d.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

fn signed(l: &LedgerLine) -> String {
    let v = points(l.points);
    if l.points.is_sign_negative() { v } else { format!("+{v}") }
}

fn headline(p: &Preview) -> Table {
    let n = p.scheme.decimals;
    let a = &p.agency;
    let next_grade = match &p.gaps.next_grade {
        Some((g, d)) => format!("差 {} 分达到{g}", dp(*d, n)),
        None => "已是最高等次".into(),
    };
    let next_rank = match p.gaps.next_rank {
        Some(d) => format!("差 {} 分升一名", dp(d, n)),
        None => "已是组内第一".into(),
    };
    let grade = if a.demoted_by_quota {
        format!("{}（因等次比例限制下调）", a.grade)
    } else {
        a.grade.clone()
    };
    table(
        "结果",
        &["总分", "等次", "组内排名", "距下一等次", "距上一名次"],
        &[true, false, true, false, false],
        vec![vec![
            dp(a.total, n),
            grade,
            format!("{} / {}", crate::score::result::shown_rank(a.rank), p.group_size),
            next_grade,
            next_rank,
        ]],
    )
}

/// The same lines as preview.html's 失分项: every finding that took points, largest loss first.
fn lost_table(p: &Preview) -> Option<Table> {
    let lost = super::render::lost_lines(p);
    if lost.is_empty() {
        return None;
    }
    let rows = lost
        .iter()
        .map(|l| {
            vec![
                signed(l),
                l.rule.clone(),
                l.detail.clone(),
                l.source.clone().unwrap_or_default(),
                format!("+{}", points(l.points.abs())),
            ]
        })
        .collect();
    Some(table(
        "失分项",
        &["失分", "规则", "问题与依据", "来源", "整改最多可挽回"],
        &[true, false, false, false, true],
        rows,
    ))
}

fn scenario(blocks: &mut Vec<Block>, p: &Preview, sc: &Scenario) {
    let n = p.scheme.decimals;
    let a = &p.agency;
    blocks.push(Block::Heading(format!("假设：{}", sc.label)));
    let row = |label: &str, total, grade: &str, rank| {
        vec![
            label.to_string(),
            dp(total, n),
            grade.to_string(),
            format!("{} / {}", crate::score::result::shown_rank(rank), p.group_size),
        ]
    };
    blocks.push(Block::Table(table(
        "正式结果与假设结果",
        &["", "总分", "等次", "排名"],
        &[false, true, false, true],
        vec![
            row("正式结果", a.total, &a.grade, a.rank),
            row("假设结果", sc.total, &sc.grade, sc.rank),
        ],
    )));
    if !sc.removed.is_empty() {
        blocks.push(Block::Table(ledger("不再计入的明细", &sc.removed)));
    }
    if !sc.added.is_empty() {
        blocks.push(Block::Table(ledger("新增的明细", &sc.added)));
    }
}

fn group(blocks: &mut Vec<Block>, p: &Preview, chart_png: Option<(&[u8], (u32, u32))>) {
    let n = p.scheme.decimals;
    let a = &p.agency;
    let g = &p.aggregates;
    match &g.totals {
        Some(t) => blocks.push(Block::Table(table(
            "同组汇总（仅汇总值）",
            &["组", "单位数", "平均分", "中位数", "最高分"],
            &[false, true, true, true, true],
            vec![vec![
                g.group_name.clone(),
                g.size.to_string(),
                dp(t.mean, n),
                dp(t.median, n),
                dp(t.top, n),
            ]],
        ))),
        None => blocks.push(Block::Paragraph(format!(
            "本组不足{}个单位，不公布汇总值。",
            super::aggregates::MIN_GROUP
        ))),
    }
    if let Some((png, size)) = chart_png {
        blocks.push(Block::Figure(Figure {
            caption: format!("{}各维度得分率与同组比较", a.agency),
            png: png.to_vec(),
            size,
        }));
    }
    let rows = p
        .scheme
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let pts = a.dimensions.get(i).copied().flatten();
            let max = a.dimension_max.get(i).copied().unwrap_or_default();
            let r = super::aggregates::rate(pts, max);
            let gr = g.dimension_rates.get(i).cloned().flatten();
            vec![
                format!("{} {}", d.id, d.name),
                pts.map(|v| dp(v, n)).unwrap_or_else(|| "不适用".into()),
                max.normalize().to_string(),
                r.map(|v| format!("{v}%")).unwrap_or_default(),
                gr.as_ref().map(|x| format!("{}%", x.mean)).unwrap_or_default(),
                gr.as_ref().map(|x| format!("{}% – {}%", x.min, x.max)).unwrap_or_default(),
            ]
        })
        .collect();
    blocks.push(Block::Table(table(
        "各维度",
        &["维度", "得分", "适用满分", "得分率", "同组平均得分率", "同组范围"],
        &[false, true, true, true, true, true],
        rows,
    )));
}

fn ledger(caption: &str, lines: &[LedgerLine]) -> Table {
    let rows = lines
        .iter()
        .map(|l| {
            vec![signed(l), l.rule.clone(), l.detail.clone(), l.source.clone().unwrap_or_default()]
        })
        .collect();
    table(caption, &["分值", "规则", "说明", "来源"], &[true, false, false, false], rows)
}
