//! report.pdf: a [`Document`] laid out on A4 and written with `krilla` (the PDF writer the typst
//! compiler uses), text in the embedded Noto Sans CJK SC subset ([`font::FONT_BYTES`], embedded
//! and subset by krilla as a CFF font). No system font and no browser are involved.
//!
//! Layout is a pure step ([`layout`]: blocks → pages of positioned items, in points, y down)
//! followed by drawing ([`write_pdf`]). Text wraps at any character (Chinese has no spaces);
//! tables take column widths from their content, shrink their type to fit, and repeat the header
//! row on every page; a table marked landscape gets landscape pages; a figure is drawn at the
//! text width, or smaller when it would be taller than a page.

use ab_glyph::{Font as _, FontRef};
use krilla::Document as Pdf;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};

use crate::error::{Error, Location, Result};
use crate::report::document::{Block, Document, Figure, Table};
use crate::report::font;

/// A4 in points.
pub const A4: (f32, f32) = (595.28, 841.89);
const MARGIN: f32 = 56.7; // 2 cm; landscape pages use the same (tables shrink to fit)
const BODY: f32 = 10.5;
const LEADING: f32 = 1.55;

/// Something drawn on a page, positioned in points from the page's top left.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text with its baseline at `y`.
    Text { x: f32, y: f32, size: f32, text: String },
    /// A filled rectangle (grey).
    Shade { x: f32, y: f32, w: f32, h: f32 },
    /// A thin line.
    Line { x1: f32, y1: f32, x2: f32, y2: f32 },
    /// Figure `index` of the document's figures, in reading order.
    Image { index: usize, x: f32, y: f32, w: f32, h: f32 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct LaidPage {
    pub landscape: bool,
    pub items: Vec<Item>,
}

impl LaidPage {
    pub fn size(&self) -> (f32, f32) {
        if self.landscape { (A4.1, A4.0) } else { A4 }
    }
}

/// Turns a document into PDF bytes: the entry point for every PDF kaohe writes (report.pdf, and
/// the agency preview when it gets one).
pub fn write_pdf(doc: &Document) -> Result<Vec<u8>> {
    let pages = layout(doc);
    let figures: Vec<&Figure> = doc
        .blocks
        .iter()
        .filter_map(|b| if let Block::Figure(f) = b { Some(f) } else { None })
        .collect();
    let fail = |what: String| Error::at(Location::file("report.pdf"), what);
    let pdf_font = Font::new(font::FONT_BYTES.to_vec().into(), 0)
        .ok_or_else(|| fail("the embedded font does not load".into()))?;
    let mut images = Vec::with_capacity(figures.len());
    for f in &figures {
        images.push(
            Image::from_png(f.png.clone().into(), true)
                .map_err(|e| fail(format!("chart “{}”: {e}", f.caption)))?,
        );
    }
    let mut pdf = Pdf::new();
    pdf.set_metadata(
        Metadata::new().title(doc.title.clone()).language("zh-CN".into()).creator("kaohe".into()),
    );
    for page in &pages {
        let (w, h) = page.size();
        let settings = PageSettings::from_wh(w, h).expect("A4 is a valid page size");
        let mut p = pdf.start_page_with(settings);
        let mut surface = p.surface();
        for item in &page.items {
            draw(&mut surface, item, &pdf_font, &images);
        }
        surface.finish();
        p.finish();
    }
    pdf.finish().map_err(|e| fail(format!("writing the PDF failed: {e:?}")))
}

fn draw(s: &mut krilla::surface::Surface<'_>, item: &Item, font: &Font, images: &[Image]) {
    let fill = |c: (u8, u8, u8)| Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    };
    match item {
        Item::Text { x, y, size, text } => {
            s.set_stroke(None);
            s.set_fill(Some(fill((0x22, 0x22, 0x22))));
            s.draw_text(
                Point::from_xy(*x, *y),
                font.clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Item::Shade { x, y, w, h } => {
            let mut pb = PathBuilder::new();
            if let Some(r) = Rect::from_xywh(*x, *y, *w, *h) {
                pb.push_rect(r);
            }
            if let Some(path) = pb.finish() {
                s.set_stroke(None);
                s.set_fill(Some(fill((0xee, 0xee, 0xee))));
                s.draw_path(&path);
            }
        }
        Item::Line { x1, y1, x2, y2 } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                s.set_fill(None);
                s.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(0x99, 0x99, 0x99).into(),
                    width: 0.5,
                    ..Default::default()
                }));
                s.draw_path(&path);
            }
        }
        Item::Image { index, x, y, w, h } => {
            if let (Some(img), Some(size)) = (images.get(*index), Size::from_wh(*w, *h)) {
                s.push_transform(&krilla::geom::Transform::from_translate(*x, *y));
                s.draw_image(img.clone(), size);
                s.pop();
            }
        }
    }
}

/// Width of `text` at `size` points in the embedded font.
pub fn text_width(text: &str, size: f32) -> f32 {
    let f = metrics();
    let upem = f.units_per_em().unwrap_or(1000.0);
    text.chars().map(|c| f.h_advance_unscaled(f.glyph_id(c))).sum::<f32>() / upem * size
}

fn metrics() -> FontRef<'static> {
    FontRef::try_from_slice(font::FONT_BYTES).expect("embedded font parses")
}

/// Breaks `text` into lines no wider than `width`: at any character (Chinese has no spaces), but
/// never before closing punctuation (it hangs past the edge), never after opening punctuation, and
/// never inside a number or a Latin word; explicit newlines kept.
pub fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    const NO_START: &str = "，。、；：？！）》」』】〉”’%,.;:?!)]}…";
    let f = metrics();
    let upem = f.units_per_em().unwrap_or(1000.0);
    let advance = |c: char| f.h_advance_unscaled(f.glyph_id(c)) / upem * size;
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut w = 0.0;
        for c in para.chars() {
            let cw = advance(c);
            if w + cw > width && !line.is_empty() && !NO_START.contains(c) {
                let carry = if is_word(c) { carried(&line) } else { opening_tail(&line) };
                let carry = line.split_off(line.len() - carry);
                lines.push(std::mem::replace(&mut line, carry));
                w = line.chars().map(advance).sum();
            }
            line.push(c);
            w += cw;
        }
        lines.push(line);
    }
    lines
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')
}

/// Bytes at the end of `line` that belong on the next line with a following word character: the
/// word so far and an opening bracket before it (never the whole line).
fn carried(line: &str) -> usize {
    let word: usize = line.chars().rev().take_while(|c| is_word(*c)).map(char::len_utf8).sum();
    let n = word + opening_tail(&line[..line.len() - word]);
    if n >= line.len() { 0 } else { n }
}

/// Bytes of opening punctuation at the end of `line` (never the whole line).
fn opening_tail(line: &str) -> usize {
    const NO_END: &str = "（《「『【〈“‘([{";
    let n: usize = line.chars().rev().take_while(|c| NO_END.contains(*c)).map(char::len_utf8).sum();
    if n >= line.len() { 0 } else { n }
}

/// The page cursor: pages so far, the current page and the y of the next line.
struct Cursor {
    pages: Vec<LaidPage>,
    page: LaidPage,
    y: f32,
}

impl Cursor {
    fn new() -> Self {
        Cursor {
            pages: Vec::new(),
            page: LaidPage { landscape: false, items: Vec::new() },
            y: MARGIN,
        }
    }
    fn width(&self) -> f32 {
        self.page.size().0 - 2.0 * MARGIN
    }
    fn bottom(&self) -> f32 {
        self.page.size().1 - MARGIN
    }
    fn new_page(&mut self, landscape: bool) {
        let done = std::mem::replace(&mut self.page, LaidPage { landscape, items: Vec::new() });
        self.pages.push(done);
        self.y = MARGIN;
    }
    /// Starts a new page unless `h` more points fit on this one (or the page is still empty).
    fn need(&mut self, h: f32) {
        if self.y + h > self.bottom() && self.y > MARGIN + 0.1 {
            let l = self.page.landscape;
            self.new_page(l);
        }
    }
    /// The orientation `landscape`, on a fresh page if the current one differs.
    fn orient(&mut self, landscape: bool) {
        if self.page.landscape != landscape {
            if self.page.items.is_empty() {
                self.page.landscape = landscape;
            } else {
                self.new_page(landscape);
            }
        }
    }
    fn text_block(&mut self, text: &str, size: f32, centred: bool) {
        let lh = size * LEADING;
        for line in wrap(text, size, self.width()) {
            self.need(lh);
            let x = if centred {
                MARGIN + (self.width() - text_width(&line, size)) / 2.0
            } else {
                MARGIN
            };
            self.y += lh;
            self.page.items.push(Item::Text { x, y: self.y - lh * 0.28, size, text: line });
        }
    }
}

/// Lays the document out on A4 pages (page numbers in the footer).
pub fn layout(doc: &Document) -> Vec<LaidPage> {
    let mut c = Cursor::new();
    c.y += 20.0;
    c.text_block(&doc.title, 18.0, true);
    c.y += 6.0;
    let masthead = [doc.issuer.as_str(), doc.date.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("　　");
    c.text_block(&masthead, 11.0, true);
    c.y += 14.0;
    let mut figure = 0;
    for b in &doc.blocks {
        match b {
            Block::Heading(h) => {
                c.orient(false);
                c.need(14.0 * LEADING * 3.0);
                c.y += 8.0;
                c.text_block(h, 14.0, false);
            }
            Block::Paragraph(p) => {
                c.orient(false);
                c.text_block(&format!("　　{p}"), BODY, false);
                c.y += 4.0;
            }
            Block::Table(t) => {
                c.orient(t.landscape);
                table(&mut c, t);
            }
            Block::Figure(f) => {
                c.orient(false);
                place_figure(&mut c, f, figure);
                figure += 1;
            }
        }
    }
    c.pages.push(c.page);
    let total = c.pages.len();
    for (i, p) in c.pages.iter_mut().enumerate() {
        let (w, h) = p.size();
        let text = crate::t!("report-pdf-page", page = i + 1, pages = total);
        let x = (w - text_width(&text, 9.0)) / 2.0;
        p.items.push(Item::Text { x, y: h - MARGIN / 2.0, size: 9.0, text });
    }
    c.pages
}

fn place_figure(c: &mut Cursor, f: &Figure, index: usize) {
    let caption_h = 9.0 * LEADING * 2.0;
    let full = c.bottom() - MARGIN - caption_h - 6.0;
    let (pw, ph) = (f.size.0.max(1) as f32, f.size.1.max(1) as f32);
    let mut w = c.width();
    let mut h = w * ph / pw;
    if h > full {
        h = full;
        w = h * pw / ph;
    }
    c.need(h + caption_h + 6.0);
    let x = MARGIN + (c.width() - w) / 2.0;
    c.y += 6.0;
    c.page.items.push(Item::Image { index, x, y: c.y, w, h });
    c.y += h;
    c.text_block(&crate::t!("report-figure", caption = f.caption), 9.0, true);
    c.y += 6.0;
}

/// Column widths and the type size that make `t` fit `avail` points: the largest type (9 pt down
/// to 6 pt) at which every cell fits unwrapped, headers wrapping only as much as needed (the widest
/// headers first); at 6 pt, whatever does not fit wraps.
fn columns(t: &Table, avail: f32) -> (Vec<f32>, f32) {
    const PAD: f32 = 6.0;
    let mut size = 9.0f32;
    loop {
        let body = |i: usize| {
            let cells = t.rows.iter().filter_map(|r| r.get(i)).map(|s| text_width(s, size));
            // A header of up to four characters stays on one line.
            let head = text_width(&t.header[i], size).min(4.0 * size);
            cells.fold(head, f32::max) + PAD
        };
        let least: Vec<f32> = (0..t.header.len()).map(body).collect();
        let natural: Vec<f32> = (0..t.header.len())
            .map(|i| least[i].max(text_width(&t.header[i], size) + PAD))
            .collect();
        let sum = |w: &[f32]| w.iter().sum::<f32>();
        if sum(&natural) <= avail {
            let extra = ((avail - sum(&natural)) / natural.len() as f32).min(40.0);
            return (natural.iter().map(|w| w + extra).collect(), size);
        }
        if sum(&least) <= avail {
            return (fill(&least, &natural, avail), size);
        }
        if size <= 6.0 {
            // Text columns wrap (down to two characters), numbers never.
            let floor: Vec<f32> = least
                .iter()
                .enumerate()
                .map(|(i, w)| if t.numeric[i] { *w } else { w.min(2.0 * size + PAD) })
                .collect();
            return (fill(&floor, &least, avail), size);
        }
        size -= 0.5;
    }
}

/// Widths between `lower` and `upper` that use `avail`: the widest columns are cut to a common cap,
/// the largest cap that fits (found by bisection).
fn fill(lower: &[f32], upper: &[f32], avail: f32) -> Vec<f32> {
    let fit = |cap: f32| -> Vec<f32> {
        lower.iter().zip(upper).map(|(l, u)| l.max(u.min(cap))).collect()
    };
    let (mut lo, mut hi) = (0.0f32, upper.iter().copied().fold(0.0, f32::max));
    for _ in 0..40 {
        let mid = (lo + hi) / 2.0;
        if fit(mid).iter().sum::<f32>() <= avail { lo = mid } else { hi = mid }
    }
    fit(lo)
}

fn table(c: &mut Cursor, t: &Table) {
    let (widths, size) = columns(t, c.width());
    let lh = size * 1.35;
    let cell_lines = |cells: &[String]| -> Vec<Vec<String>> {
        cells.iter().zip(&widths).map(|(s, w)| wrap(s, size, w - 6.0 + 0.01)).collect()
    };
    let header = cell_lines(&t.header);
    let row_h =
        |lines: &[Vec<String>]| lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 4.0;
    let head_h = row_h(&header);
    c.need(BODY * LEADING + head_h + lh + 4.0);
    c.text_block(&t.caption, BODY, true);
    draw_row(c, &header, &widths, &vec![false; widths.len()], size, true);
    for r in &t.rows {
        let lines = cell_lines(r);
        let h = row_h(&lines);
        if c.y + h > c.bottom() {
            let l = c.page.landscape;
            c.new_page(l);
            draw_row(c, &header, &widths, &vec![false; widths.len()], size, true);
        }
        draw_row(c, &lines, &widths, &t.numeric, size, false);
    }
    c.y += 8.0;
}

fn draw_row(
    c: &mut Cursor,
    lines: &[Vec<String>],
    widths: &[f32],
    right: &[bool],
    size: f32,
    head: bool,
) {
    let lh = size * 1.35;
    let h = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 4.0;
    let total: f32 = widths.iter().sum();
    let x0 = MARGIN + (c.width() - total).max(0.0) / 2.0;
    if head {
        c.page.items.push(Item::Shade { x: x0, y: c.y, w: total, h });
        c.page.items.push(Item::Line { x1: x0, y1: c.y, x2: x0 + total, y2: c.y });
    }
    let mut x = x0;
    for ((cell, w), r) in
        lines.iter().zip(widths).zip(right.iter().chain(std::iter::repeat(&false)))
    {
        for (k, line) in cell.iter().enumerate() {
            let tx = if *r { x + w - 3.0 - text_width(line, size) } else { x + 3.0 };
            let y = c.y + 2.0 + (k as f32 + 1.0) * lh - lh * 0.28;
            c.page.items.push(Item::Text { x: tx, y, size, text: line.clone() });
        }
        x += w;
    }
    c.y += h;
    c.page.items.push(Item::Line { x1: x0, y1: c.y, x2: x0 + total, y2: c.y });
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_keeps_numbers_whole_and_punctuation_off_line_starts() {
        let text = "前三名：长治市（96.01分）、运城市（93.32分）、晋中市（89.66分）。";
        for width in [40.0, 55.0, 70.0, 85.0, 100.0] {
            let lines = wrap(text, 10.0, width);
            assert_eq!(lines.concat(), text, "wrapping lost text at width {width}");
            for l in &lines[1..] {
                let first = l.chars().next().unwrap();
                assert!(!"、。）：".contains(first), "line starts with {first:?}: {lines:?}");
                assert!(
                    !first.is_ascii_digit()
                        || l.starts_with("96.01")
                        || l.starts_with("93.32")
                        || l.starts_with("89.66"),
                    "number split: {lines:?}"
                );
            }
            for l in &lines[..lines.len() - 1] {
                assert!(!l.ends_with('（'), "line ends with an opening bracket: {lines:?}");
            }
        }
    }
}
