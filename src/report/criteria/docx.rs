//! The criteria as a Word file: A4 landscape throughout (the indicator table is wide), the
//! indicator table with column widths for its long 评分标准 and each node's cell merged down the
//! rows it spans (`w:vMerge`), header rows repeated on every page. Text names 宋体/黑体 as
//! report.docx does.

use docx_rs::{
    AlignmentType, Docx, PageMargin, PageOrientationType, Paragraph, Run, RunFonts, Shading,
    TableCell, TableLayoutType, TableRow, VAlignType, VMergeType, WidthType,
};

use super::Criteria;
use crate::error::{Error, Location, Result};
use crate::report::document::{Block, Table};
use crate::report::docx::{renumber_paragraph_ids, repeat_header_rows};

/// A4 landscape in twips, 2 cm margins, and the text width between them.
const PAGE_TW: (u32, u32) = (16838, 11906);
const MARGIN_TW: u32 = 1134;
const TEXT_TW: usize = (PAGE_TW.0 - 2 * MARGIN_TW) as usize;

pub fn docx(c: &Criteria) -> Result<Vec<u8>> {
    let m = MARGIN_TW as i32;
    let mut d = Docx::new()
        .page_size(PAGE_TW.0, PAGE_TW.1)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(PageMargin::new().top(m).bottom(m).left(m).right(m))
        .created_at("1970-01-01T00:00:00Z")
        .add_paragraph(para(&c.title, 32, true).align(AlignmentType::Center));
    for b in &c.intro {
        d = block(d, b);
    }
    d = d.add_paragraph(para(&crate::t!("criteria-table-caption"), 28, true));
    d = d.add_table(indicator_table(c));
    for b in &c.after {
        d = block(d, b);
    }
    let mut xml = d.build();
    xml.document = renumber_paragraph_ids(&repeat_header_rows(&xml.document));
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| Error::at(Location::file("docx"), e.to_string()))?;
    Ok(out.into_inner())
}

fn para(text: &str, half_points: usize, bold: bool) -> Paragraph {
    let east = if bold { "黑体" } else { "宋体" };
    let mut run = Run::new()
        .add_text(text)
        .size(half_points)
        .fonts(RunFonts::new().east_asia(east).ascii("Arial").hi_ansi("Arial"));
    if bold {
        run = run.bold();
    }
    Paragraph::new().add_run(run)
}

fn block(d: Docx, b: &Block) -> Docx {
    match b {
        Block::Heading(h) => d.add_paragraph(para(h, 28, true)),
        Block::Paragraph(p) => d.add_paragraph(para(&format!("　　{p}"), 21, false)),
        Block::Table(t) => d.add_table(other_table(t)),
        Block::Figure(_) => d,
    }
}

fn cell(text: &str, width: usize, head: bool) -> TableCell {
    let c = TableCell::new()
        .add_paragraph(para(text, 18, head))
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    if head { c.shading(Shading::new().fill("EEEEEE")) } else { c }
}

/// A table with fixed column widths; its header row is marked to repeat on every page.
fn grid(header: &[String], rows: Vec<TableRow>, widths: &[usize]) -> docx_rs::Table {
    let head = header.iter().zip(widths).map(|(h, w)| cell(h, *w, true)).collect();
    let mut all = vec![TableRow::new(head).cant_split()];
    all.extend(rows);
    docx_rs::Table::new(all)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(TEXT_TW, WidthType::Dxa)
}

/// Widths of the indicator table: levels, 分值, 评分标准 (the rest), 适用对象, 依据.
fn indicator_widths(depth: usize) -> Vec<usize> {
    let level = if depth <= 2 { 1900 } else { 1400 };
    let mut w = vec![level; depth];
    let fixed = level * depth + 700 + 2000 + 2200;
    w.extend([700, TEXT_TW.saturating_sub(fixed).max(3000), 2000, 2200]);
    w
}

fn indicator_table(c: &Criteria) -> docx_rs::Table {
    let widths = indicator_widths(c.depth);
    let rows = c
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let mut cells: Vec<TableCell> = (0..c.depth)
                .map(|level| {
                    let w = widths[level];
                    match row.path.get(level) {
                        Some(&n) if level + 1 == row.path.len() => cell(&c.labels[n], w, false),
                        Some(&n) if r > 0 && c.rows[r - 1].path.get(level) == Some(&n) => {
                            cell("", w, false).vertical_merge(VMergeType::Continue)
                        }
                        Some(&n) => {
                            cell(&c.labels[n], w, false).vertical_merge(VMergeType::Restart)
                        }
                        None => cell("", w, false),
                    }
                })
                .collect();
            let rest = [&row.points, &row.standard, &row.applies, &row.basis];
            cells.extend(rest.iter().zip(&widths[c.depth..]).map(|(t, w)| cell(t, *w, false)));
            TableRow::new(cells)
        })
        .collect();
    grid(&c.header, rows, &widths)
}

/// The other tables: the first column 3 parts, the second 5, the others 3.
fn other_table(t: &Table) -> docx_rs::Table {
    let parts: Vec<usize> = (0..t.header.len()).map(|i| if i == 1 { 5 } else { 3 }).collect();
    let sum: usize = parts.iter().sum();
    let widths: Vec<usize> = parts.iter().map(|p| TEXT_TW * p / sum).collect();
    let rows = t
        .rows
        .iter()
        .map(|r| TableRow::new(r.iter().zip(&widths).map(|(s, w)| cell(s, *w, false)).collect()))
        .collect();
    grid(&t.header, rows, &widths)
}
