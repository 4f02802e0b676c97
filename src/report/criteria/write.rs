//! The criteria as Markdown (any [`Document`]) and as an Excel workbook: the indicator table on
//! the first sheet, a node's level cell merged over the rows it spans, text wrapped, A4 landscape
//! with the header row repeated on every printed page; the other rules on a second sheet.

use std::fmt::Write;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::Criteria;
use crate::error::{Error, Location, Result};
use crate::report::document::{Block, Document, Table};
use crate::report::markdown::esc;
use crate::t;

/// A document as Markdown: `#` title, `##` headings, paragraphs and pipe tables.
pub fn markdown(doc: &Document) -> String {
    let mut out = format!("# {}\n", esc(&doc.title));
    for b in &doc.blocks {
        match b {
            Block::Heading(h) => {
                let _ = write!(out, "\n## {}\n", esc(h));
            }
            Block::Paragraph(p) => {
                let _ = write!(out, "\n{}\n", esc(p));
            }
            Block::Table(t) => md_table(&mut out, t),
            Block::Figure(_) => {}
        }
    }
    out
}

fn md_table(out: &mut String, t: &Table) {
    let line = |cells: &[String]| {
        format!("| {} |\n", cells.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | "))
    };
    out.push('\n');
    out.push_str(&line(&t.header));
    let rule: String = (0..t.header.len())
        .map(|i| if t.numeric.get(i).copied().unwrap_or(false) { "---:|" } else { "---|" })
        .collect();
    let _ = writeln!(out, "|{rule}");
    for r in &t.rows {
        out.push_str(&line(r));
    }
}

/// The criteria as the bytes of an .xlsx file.
pub fn xlsx(c: &Criteria) -> Result<Vec<u8>> {
    build(c).map_err(|e| Error::at(Location::file("xlsx"), e.to_string()))
}

struct Formats {
    title: Format,
    head: Format,
    cell: Format,
    number: Format,
    text: Format,
}

fn formats() -> Formats {
    let base =
        Format::new().set_text_wrap().set_align(FormatAlign::VerticalCenter).set_font_size(10);
    let cell = base.clone().set_border(FormatBorder::Thin);
    Formats {
        title: Format::new().set_bold().set_font_size(16).set_align(FormatAlign::Center),
        head: cell.clone().set_bold().set_align(FormatAlign::Center).set_background_color("EEEEEE"),
        number: cell.clone().set_align(FormatAlign::Center),
        cell,
        text: base,
    }
}

/// Column widths in characters of the indicator sheet: levels, 分值, 评分标准, 适用对象, 依据.
fn widths(depth: usize) -> Vec<f64> {
    let mut w = vec![14.0; depth];
    w.extend([7.0, 60.0, 16.0, 22.0]);
    w
}

fn build(c: &Criteria) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed creation date keeps the file byte-identical for the same rules.
    wb.set_properties(
        &DocProperties::new()
            .set_title(&c.title)
            .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
    );
    let f = formats();
    let ws = wb.add_worksheet();
    ws.set_name(t!("criteria-sheet-main"))?;
    page(ws, 1)?;
    let widths = widths(c.depth);
    let last = (widths.len() - 1) as u16;
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    ws.merge_range(0, 0, 0, last, &c.title, &f.title)?;
    ws.set_row_height(0, 30)?;
    for (i, h) in c.header.iter().enumerate() {
        ws.write_string_with_format(1, i as u16, h, &f.head)?;
    }
    ws.set_repeat_rows(1, 1)?;
    ws.set_freeze_panes(2, 0)?;
    indicator_rows(ws, c, &f, &widths)?;
    let ws = wb.add_worksheet();
    ws.set_name(t!("criteria-sheet-rules"))?;
    page(ws, 0)?;
    other_rules(ws, c, &f)?;
    wb.save_to_buffer()
}

/// A4 landscape, one page wide, centred.
fn page(ws: &mut Worksheet, landscape: u8) -> std::result::Result<(), XlsxError> {
    ws.set_paper_size(9);
    if landscape == 1 {
        ws.set_landscape();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    Ok(())
}

/// Lines a text takes in a column `width` characters wide (a CJK character is two).
fn lines(text: &str, width: f64) -> f64 {
    // Excel fits a little less than `width` columns of text into a cell: leave 15% spare.
    let w = text.width() as f64;
    (w / (width * 0.85).max(1.0)).ceil().max(1.0)
}

fn indicator_rows(
    ws: &mut Worksheet,
    c: &Criteria,
    f: &Formats,
    widths: &[f64],
) -> std::result::Result<(), XlsxError> {
    let top = 2u32;
    for (r, row) in c.rows.iter().enumerate() {
        let at = top + r as u32;
        let mut cells: Vec<String> = (0..c.depth)
            .map(|level| match row.path.get(level) {
                Some(&n) if level + 1 == row.path.len() => c.labels[n].clone(),
                _ => String::new(),
            })
            .collect();
        cells.extend([
            row.points.clone(),
            row.standard.clone(),
            row.applies.clone(),
            row.basis.clone(),
        ]);
        let mut height: f64 = 1.0;
        for (i, text) in cells.iter().enumerate() {
            // 分值 as a number (Excel flags numbers stored as text); shown, never summed here.
            match text.parse::<f64>() {
                Ok(points) if i == c.depth => {
                    ws.write_number_with_format(at, i as u16, points, &f.number)?
                }
                _ => ws.write_string_with_format(at, i as u16, text, &f.cell)?,
            };
            height = height.max(lines(text, widths[i]));
        }
        ws.set_row_height(at, 14.0 * height + 4.0)?;
    }
    // Each node with children: its label merged over the rows it spans.
    for level in 0..c.depth {
        let mut r = 0;
        while r < c.rows.len() {
            let path = &c.rows[r].path;
            let span = match path.get(level) {
                Some(&n) if level + 1 < path.len() => {
                    let end = (r..c.rows.len())
                        .take_while(|&k| c.rows[k].path.get(level) == Some(&n))
                        .count();
                    let (first, last) = (top + r as u32, top + (r + end - 1) as u32);
                    if end > 1 {
                        ws.merge_range(
                            first,
                            level as u16,
                            last,
                            level as u16,
                            &c.labels[n],
                            &f.cell,
                        )?;
                    } else {
                        ws.write_string_with_format(first, level as u16, &c.labels[n], &f.cell)?;
                    }
                    end
                }
                _ => 1,
            };
            r += span;
        }
    }
    Ok(())
}

/// The blocks after the indicator table, one under the other across four columns.
fn other_rules(
    ws: &mut Worksheet,
    c: &Criteria,
    f: &Formats,
) -> std::result::Result<(), XlsxError> {
    let widths = [28.0, 40.0, 20.0, 24.0];
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    let bold = f.text.clone().set_bold().set_font_size(12);
    let mut row = 0u32;
    for b in c.intro.iter().chain(&c.after) {
        match b {
            Block::Heading(h) => {
                row += 1;
                ws.merge_range(row, 0, row, 3, h, &bold)?;
                ws.set_row_height(row, 20)?;
            }
            Block::Paragraph(p) => {
                ws.merge_range(row, 0, row, 3, p, &f.text)?;
                ws.set_row_height(row, 14.0 * lines(p, widths.iter().sum()) + 4.0)?;
            }
            Block::Table(t) => {
                for (i, h) in t.header.iter().enumerate() {
                    ws.write_string_with_format(row, i as u16, h, &f.head)?;
                }
                for cells in &t.rows {
                    row += 1;
                    let mut height: f64 = 1.0;
                    for (i, text) in cells.iter().enumerate() {
                        ws.write_string_with_format(row, i as u16, text, &f.cell)?;
                        height = height.max(lines(text, widths[i.min(3)]));
                    }
                    ws.set_row_height(row, 14.0 * height + 4.0)?;
                }
            }
            Block::Figure(_) => continue,
        }
        row += 1;
    }
    Ok(())
}
