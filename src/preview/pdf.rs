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
    let mut blocks = vec![Block::Paragraph(crate::t!(
        "preview-subtitle",
        scheme = p.scheme.title,
        group = p.aggregates.group_name,
        basis = p.scheme.basis
    ))];
    let heading = |n: usize, title: String| {
        Block::Heading(crate::t!("preview-pdf-heading", n = n, title = title))
    };
    blocks.push(heading(1, crate::t!("preview-result")));
    blocks.push(Block::Table(headline(p)));
    if let Some(v) = &a.veto {
        blocks.push(Block::Paragraph(crate::t!("preview-veto", veto = v.name, source = v.source)));
    }
    blocks.push(heading(2, crate::t!("preview-lost-heading")));
    match lost_table(p) {
        Some(t) => {
            blocks.push(Block::Table(t));
            blocks.push(Block::Paragraph(crate::t!("preview-lost-note")));
        }
        None => blocks.push(Block::Paragraph(crate::t!("preview-no-loss"))),
    }
    for sc in p.what_if.iter().chain(&p.if_appeals_won) {
        scenario(&mut blocks, p, sc);
    }
    blocks.push(heading(3, crate::t!("preview-group-heading")));
    group(&mut blocks, p, chart_png);
    blocks.push(heading(4, crate::t!("preview-ledger-heading")));
    blocks.push(Block::Table(ledger(crate::t!("preview-ledger"), &a.ledger.lines())));
    blocks.push(Block::Paragraph(crate::t!(
        "preview-footer",
        version = env!("CARGO_PKG_VERSION"),
        scheme = p.scheme.id
    )));
    Document {
        title: crate::t!("preview-title", agency = a.agency, id = a.agency_id),
        issuer: p.scheme.title.clone(),
        date: String::new(),
        blocks,
    }
}

fn table(caption: String, header: Vec<String>, numeric: &[bool], rows: Vec<Vec<String>>) -> Table {
    Table { caption, header, rows, numeric: numeric.to_vec(), landscape: false }
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
    let (next_grade, next_rank) = super::render::gaps(p);
    let grade = if a.demoted_by_quota {
        format!("{}{}", a.grade, crate::t!("preview-demoted"))
    } else {
        a.grade.clone()
    };
    table(
        crate::t!("preview-result"),
        super::render::headline_titles(),
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
                l.rule.to_string(),
                l.detail.to_string(),
                l.source_text(),
                format!("+{}", points(l.points.abs())),
            ]
        })
        .collect();
    Some(table(
        crate::t!("preview-lost"),
        super::render::lost_titles(),
        &[true, false, false, false, true],
        rows,
    ))
}

fn scenario(blocks: &mut Vec<Block>, p: &Preview, sc: &Scenario) {
    let n = p.scheme.decimals;
    let a = &p.agency;
    blocks.push(Block::Heading(crate::t!("preview-what-if-heading", label = sc.label)));
    let row = |label: &str, total, grade: &str, rank| {
        vec![
            label.to_string(),
            dp(total, n),
            grade.to_string(),
            format!("{} / {}", crate::score::result::shown_rank(rank), p.group_size),
        ]
    };
    blocks.push(Block::Table(table(
        crate::t!("preview-compare"),
        super::render::scenario_titles(),
        &[false, true, false, true],
        vec![
            row(&crate::t!("preview-official"), a.total, &a.grade, a.rank),
            row(&crate::t!("preview-assumed"), sc.total, &sc.grade, sc.rank),
        ],
    )));
    if !sc.removed.is_empty() {
        blocks.push(Block::Table(ledger(crate::t!("preview-removed"), &sc.removed)));
    }
    if !sc.added.is_empty() {
        blocks.push(Block::Table(ledger(crate::t!("preview-added"), &sc.added)));
    }
}

fn group(blocks: &mut Vec<Block>, p: &Preview, chart_png: Option<(&[u8], (u32, u32))>) {
    let n = p.scheme.decimals;
    let a = &p.agency;
    let g = &p.aggregates;
    match &g.totals {
        Some(t) => blocks.push(Block::Table(table(
            crate::t!("preview-aggregates"),
            super::render::aggregate_titles(),
            &[false, true, true, true, true],
            vec![vec![
                g.group_name.clone(),
                g.size.to_string(),
                dp(t.mean, n),
                dp(t.median, n),
                dp(t.top, n),
            ]],
        ))),
        None => blocks.push(Block::Paragraph(crate::t!(
            "preview-aggregates-withheld",
            min = super::aggregates::MIN_GROUP
        ))),
    }
    if let Some((png, size)) = chart_png {
        blocks.push(Block::Figure(Figure {
            caption: crate::t!("preview-chart-caption", agency = a.agency),
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
                pts.map(|v| dp(v, n)).unwrap_or_else(|| crate::t!("preview-not-applicable")),
                max.normalize().to_string(),
                r.map(|v| format!("{v}%")).unwrap_or_default(),
                gr.as_ref().map(|x| format!("{}%", x.mean)).unwrap_or_default(),
                gr.as_ref().map(|x| format!("{}% – {}%", x.min, x.max)).unwrap_or_default(),
            ]
        })
        .collect();
    blocks.push(Block::Table(table(
        crate::t!("preview-dimensions"),
        super::render::dimension_titles(),
        &[false, true, true, true, true, true],
        rows,
    )));
}

fn ledger(caption: String, lines: &[LedgerLine]) -> Table {
    let rows = lines
        .iter()
        .map(|l| vec![signed(l), l.rule.to_string(), l.detail.to_string(), l.source_text()])
        .collect();
    table(caption, super::render::ledger_titles(), &[true, false, false, false], rows)
}
