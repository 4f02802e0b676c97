//! report.docx: a [`Document`] written as a Word file with `docx-rs`, on A4 with 2 cm margins.
//! Wide tables get a landscape section of their own; every table's header row repeats on each
//! page (`w:tblHeader`); charts are the PNGs, inserted at the text width (smaller when taller than
//! a page). Text names 宋体/黑体, which every Chinese Word has; the file embeds no font.

use docx_rs::{
    AlignmentType, Docx, PageMargin, PageOrientationType, Paragraph, Pic, Run, RunFonts, Section,
    Shading, TableCell, TableRow, WidthType,
};

use crate::error::{Error, Location, Result};
use crate::report::document::{Block, Document, Figure, Table};

/// A4 in twips (1/20 pt) and the margin (2 cm).
const A4_TW: (u32, u32) = (11906, 16838);
const MARGIN_TW: u32 = 1134;
const EMU_PER_TWIP: u64 = 635;

/// Turns a document into the bytes of a .docx file.
pub fn write_docx(doc: &Document) -> Result<Vec<u8>> {
    let mut docx = Docx::new()
        .page_size(A4_TW.0, A4_TW.1)
        .page_margin(margin())
        .created_at("1970-01-01T00:00:00Z")
        .add_paragraph(para(&doc.title, 36, true).align(AlignmentType::Center))
        .add_paragraph(para(&masthead(doc), 24, false).align(AlignmentType::Center));
    // Blocks up to a landscape table form a portrait section; the table a landscape one.
    let mut portrait = Section::new();
    let mut empty = true;
    let mut figures = 0;
    for b in &doc.blocks {
        match b {
            Block::Table(t) if t.landscape => {
                if !empty {
                    docx = docx.add_section(portrait_section(portrait));
                }
                portrait = Section::new();
                empty = true;
                docx = docx.add_section(landscape_section(t));
            }
            Block::Table(t) => {
                portrait = portrait.add_paragraph(caption(&t.caption)).add_table(table(t));
                empty = false;
            }
            Block::Heading(h) => {
                portrait = portrait.add_paragraph(heading(h));
                empty = false;
            }
            Block::Paragraph(p) => {
                portrait = portrait.add_paragraph(para(&format!("　　{p}"), 21, false));
                empty = false;
            }
            Block::Figure(f) => {
                portrait = {
                    figures += 1;
                    portrait.add_paragraph(picture(f, figures))
                }
                .add_paragraph(caption(&crate::t!("report-figure", caption = f.caption)));
                empty = false;
            }
        }
    }
    for child in portrait.children().iter().cloned() {
        docx = match child {
            docx_rs::SectionChild::Paragraph(p) => docx.add_paragraph(*p),
            docx_rs::SectionChild::Table(t) => docx.add_table(*t),
            _ => docx,
        };
    }
    let mut xml = docx.build();
    xml.document = renumber_paragraph_ids(&repeat_header_rows(&xml.document));
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| Error::at(Location::file("report.docx"), format!("writing failed: {e}")))?;
    Ok(out.into_inner())
}

fn margin() -> PageMargin {
    let m = MARGIN_TW as i32;
    PageMargin::new().top(m).bottom(m).left(m).right(m)
}

fn masthead(doc: &Document) -> String {
    [doc.issuer.as_str(), doc.date.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("　　")
}

fn fonts(bold: bool) -> RunFonts {
    let east = if bold { "黑体" } else { "宋体" };
    RunFonts::new().east_asia(east).ascii("Arial").hi_ansi("Arial")
}

/// A paragraph of `text` at `half_points` (Word sizes are in half points).
fn para(text: &str, half_points: usize, bold: bool) -> Paragraph {
    let mut run = Run::new().add_text(text).size(half_points).fonts(fonts(bold));
    if bold {
        run = run.bold();
    }
    Paragraph::new().add_run(run)
}

fn heading(text: &str) -> Paragraph {
    para(text, 28, true)
}

fn caption(text: &str) -> Paragraph {
    para(text, 18, false).align(AlignmentType::Center)
}

fn portrait_section(s: Section) -> Section {
    s.page_size(docx_rs::PageSize::new().size(A4_TW.0, A4_TW.1)).page_margin(margin())
}

fn landscape_section(t: &Table) -> Section {
    Section::new()
        .add_paragraph(caption(&t.caption))
        .add_table(table(t))
        .page_size(
            docx_rs::PageSize::new().size(A4_TW.1, A4_TW.0).orient(PageOrientationType::Landscape),
        )
        .page_margin(margin())
}

fn cell(text: &str, right: bool, head: bool) -> TableCell {
    let mut p = para(text, 16, head);
    if right {
        p = p.align(AlignmentType::Right);
    }
    let c = TableCell::new().add_paragraph(p);
    if head { c.shading(Shading::new().fill("EEEEEE")) } else { c }
}

/// A table at full text width; the header row is marked for repetition (see
/// [`repeat_header_rows`]).
fn table(t: &Table) -> docx_rs::Table {
    let head = TableRow::new(t.header.iter().map(|h| cell(h, false, true)).collect()).cant_split();
    let mut rows = vec![head];
    for r in &t.rows {
        rows.push(TableRow::new(
            r.iter()
                .enumerate()
                .map(|(i, s)| cell(s, t.numeric.get(i).copied().unwrap_or(false), false))
                .collect(),
        ));
    }
    docx_rs::Table::new(rows).width(5000, WidthType::Pct)
}

/// docx-rs has no `w:tblHeader`; only header rows are `cantSplit`, so mark exactly those.
pub(crate) fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    text.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />").into_bytes()
}

/// docx-rs numbers paragraphs (`w14:paraId`) from a per-thread counter that it never resets, so a
/// second document written on a thread would get other ids. Number them in document order.
pub(crate) fn renumber_paragraph_ids(document: &[u8]) -> Vec<u8> {
    const KEY: &str = "paraId=\"";
    let text = String::from_utf8_lossy(document);
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    let mut n = 0u32;
    while let Some(at) = rest.find(KEY) {
        let (head, tail) = rest.split_at(at + KEY.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(0);
        n += 1;
        out.push_str(&format!("{n:08X}"));
        rest = &tail[end..];
    }
    out.push_str(rest);
    out.into_bytes()
}

/// The chart at the portrait text width, or smaller when taller than the text height.
fn picture(f: &Figure, n: usize) -> Paragraph {
    let width = u64::from(A4_TW.0 - 2 * MARGIN_TW) * EMU_PER_TWIP;
    let max_h = u64::from(A4_TW.1 - 2 * MARGIN_TW - 1400) * EMU_PER_TWIP;
    let (pw, ph) = (u64::from(f.size.0.max(1)), u64::from(f.size.1.max(1)));
    let (mut w, mut h) = (width, width * ph / pw);
    if h > max_h {
        h = max_h;
        w = h * pw / ph;
    }
    let pic = Pic::new_with_dimensions(f.png.clone(), f.size.0, f.size.1)
        .size(w as u32, h as u32)
        // docx-rs numbers pictures from a process-wide counter; number them per document.
        .id(format!("rIdImage{n}"));
    Paragraph::new().align(AlignmentType::Center).add_run(Run::new().add_image(pic))
}
