//! The survey report's charts, drawn with the report's chart helpers (A4 at 16 cm wide, text at
//! least 9 pt, the embedded font):
//!
//! - [`Bars`]: one horizontal bar per line, its length a share (0–100%), its count and share
//!   written in a column right of the plot — the screening accounting (shares of the rows read)
//!   and each question's answers over all agencies (rated options as shares of the rated answers,
//!   then, apart and grey, don't-know and skipped as shares of the valid responses);
//! - [`Stacked`]: one question, one 100% bar per agency split by rated option, at most
//!   [`MAX_ROWS`] agencies a chart (numbered parts on one scale).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::data::{Data, Kind, share_tenths, share_text};
use crate::report::chart::{
    self, Chart, DrawResult, Key, Part, draw_legend, draw_row_labels, px, row_center, row_span,
    text_at,
};
use crate::report::font;
use crate::report::view::slug;

/// At most this many bars a chart.
pub const MAX_ROWS: usize = 20;
/// Height of one bar's row, in logical pixels.
const ROW: f64 = 24.0;
/// Title, legend and axis.
const FIXED: f64 = 130.0;
/// Width of the column of numbers right of the plot.
const VALUES: f64 = 150.0;

pub const VALID: RGBColor = RGBColor(46, 125, 50);
pub const SCREENED: RGBColor = RGBColor(239, 160, 0);
pub const REJECTED: RGBColor = RGBColor(198, 40, 40);
pub const RATED: RGBColor = RGBColor(0, 114, 178);
pub const APART: RGBColor = RGBColor(150, 150, 150);

/// One bar: its label, count, the base its share is of, and colour.
#[derive(Clone)]
pub struct Bar {
    pub label: String,
    pub count: u64,
    pub base: u64,
    pub color: RGBColor,
}

impl Bar {
    fn share(&self) -> f64 {
        share_tenths(self.count, self.base).unwrap_or(0) as f64 / 10.0
    }
    fn value_text(&self) -> String {
        crate::t!(
            "survey-report-chart-count-share",
            count = self.count,
            share = share_text(self.count, self.base)
        )
    }
}

/// Horizontal bars of shares; `None` leaves a line free (between rated answers and the others).
pub struct Bars {
    pub name: String,
    pub title: String,
    pub rows: Vec<Option<Bar>>,
    pub legend: Vec<(String, Key)>,
    /// Legend entries a row.
    pub legend_per_row: usize,
}

/// `title` cut with `…` to fit `width` logical pixels at `em`.
pub fn fit(title: &str, em: f64, width: f64) -> String {
    if f64::from(font::layout(title, em as f32).width) <= width {
        return title.to_string();
    }
    let mut t: Vec<char> = title.chars().collect();
    while !t.is_empty() {
        t.pop();
        let s: String = t.iter().collect::<String>() + "…";
        if f64::from(font::layout(&s, em as f32).width) <= width {
            return s;
        }
    }
    "…".into()
}

const TITLE: f64 = 16.0;
/// Space above the plot for the title.
const TITLE_AREA: f64 = 34.0;

/// The title centred on the page width (plotters' caption centres it between the margins, and
/// the column of numbers right of the plot is a margin).
fn draw_title<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    s: f64,
) -> DrawResult<DB> {
    let x = px(f64::from(chart::PAGE_WIDTH) / 2.0, s) as i32;
    let style = text_at(TITLE, s, HPos::Center, VPos::Top);
    root.draw(&Text::new(caption(title), (x, px(8.0, s) as i32), style))
}

/// A row label cut to at most [`LABEL_WIDTH`] (the tables carry the whole text).
fn row_label(label: &str) -> String {
    fit(label, 12.0, LABEL_WIDTH)
}

/// Widest row label, in logical pixels.
const LABEL_WIDTH: f64 = 200.0;

fn caption(title: &str) -> String {
    fit(title, TITLE, f64::from(chart::PAGE_WIDTH) - 24.0)
}

/// The title, the plot (x 0–100%, rows on y up to `top`, `labels` left of them, the mesh and the
/// x axis named `axis`), with room right of it for the column of numbers.
fn frame<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    title: &str,
    labels: &[String],
    (top, axis): (f64, String),
    s: f64,
) -> std::result::Result<Plot<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    draw_title(root, title, s)?;
    let mut c = ChartBuilder::on(root)
        .margin(px(12.0, s))
        .margin_top(px(TITLE_AREA, s))
        .margin_right(px(VALUES, s))
        .x_label_area_size(px(40.0, s))
        .y_label_area_size(px(chart::label_area(labels), s))
        .build_cartesian_2d(0f64..100f64, 0f64..top)?;
    let mut mesh = c.configure_mesh();
    chart::house_mesh(&mut mesh, s).disable_y_mesh().disable_y_axis().x_desc(axis).draw()?;
    draw_row_labels(root, &c, 0.0, labels, s)?;
    Ok(c)
}

/// `text` in the column of numbers right of the plot, level with row `k` of `n`.
fn value_column<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &Plot<'_, DB>,
    (k, n): (usize, usize),
    text: String,
    s: f64,
) -> DrawResult<DB> {
    let (right, _) = c.backend_coord(&(100.0, 0.0));
    let (_, y) = c.backend_coord(&(0.0, row_center(k, n)));
    let style = text_at(12.0, s, HPos::Left, VPos::Center);
    root.draw(&Text::new(text, (right + px(10.0, s) as i32, y), style))
}

/// Legend entries a row of the per-agency charts holds.
const LEGEND_PER_ROW: usize = 3;

fn legend_rows(n: usize, per_row: usize) -> usize {
    n.div_ceil(per_row.max(1))
}

/// The legend in rows of `per_row` entries spread over the plot's width, its last row just
/// above the first bar (`n` bars, `rows` legend rows on the axis above them).
fn draw_key<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &Plot<'_, DB>,
    entries: &[(String, Key)],
    (n, rows, per_row): (usize, usize, usize),
    s: f64,
) -> DrawResult<DB> {
    let (lx, ly) = c.backend_coord(&(0.0, n as f64 + rows as f64 - 0.3));
    let (right, _) = c.backend_coord(&(100.0, 0.0));
    let column = f64::from(right - lx) / s / per_row.max(1) as f64;
    draw_legend(root, (lx + px(4.0, s) as i32, ly), entries, (per_row, column), s)
}

impl Chart for Bars {
    fn name(&self) -> String {
        self.name.clone()
    }
    fn title(&self) -> String {
        self.title.clone()
    }
    fn size(&self) -> (u32, u32) {
        let lines = self.rows.len() + legend_rows(self.legend.len(), self.legend_per_row);
        (chart::PAGE_WIDTH, (FIXED + ROW * lines as f64).round() as u32)
    }
    fn labels(&self) -> Vec<String> {
        let mut l: Vec<String> = self
            .rows
            .iter()
            .flatten()
            .flat_map(|b| [row_label(&b.label), b.value_text()])
            .collect();
        l.extend(self.legend.iter().map(|e| e.0.clone()));
        l.push(caption(&self.title));
        l
    }
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, s: f64) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let n = self.rows.len();
        let legend = legend_rows(self.legend.len(), self.legend_per_row);
        let top = n as f64 + legend as f64 + 0.3;
        let labels: Vec<String> = self
            .rows
            .iter()
            .map(|b| b.as_ref().map(|b| row_label(&b.label)).unwrap_or_default())
            .collect();
        let axis = crate::t!("survey-report-chart-share-axis");
        let mut c = frame(root, &self.title, &labels, (top, axis), s)?;
        for (k, bar) in self.rows.iter().enumerate() {
            let Some(b) = bar else { continue };
            let (lo, hi) = row_span(k, n, 0.15);
            c.draw_series(std::iter::once(Rectangle::new(
                [(0.0, lo), (b.share(), hi)],
                b.color.filled(),
            )))?;
            value_column(root, &c, (k, n), b.value_text(), s)?;
        }
        draw_key(root, &c, &self.legend, (n, legend, self.legend_per_row), s)?;
        Ok(())
    }
}

/// The screening accounting: valid, each screening rule, rejected; shares of the rows read.
pub fn accounting(d: &Data, rule_labels: &[String]) -> Bars {
    let rows = d.total.rows;
    let bar =
        |label: String, count: u64, color: RGBColor| Some(Bar { label, count, base: rows, color });
    let mut bars = vec![bar(crate::t!("survey-report-valid"), d.total.valid, VALID)];
    for (label, count) in rule_labels.iter().zip(&d.total.screened) {
        bars.push(bar(label.clone(), *count, SCREENED));
    }
    bars.push(bar(crate::t!("survey-report-rejected"), d.total.rejected, REJECTED));
    Bars {
        name: "survey-accounting".into(),
        title: crate::t!("survey-report-chart-accounting", rows = rows),
        rows: bars,
        legend: vec![
            (crate::t!("survey-report-valid"), Key::Box(VALID)),
            (crate::t!("survey-report-screened"), Key::Box(SCREENED)),
            (crate::t!("survey-report-rejected"), Key::Box(REJECTED)),
        ],
        legend_per_row: 3,
    }
}

/// Question `qi`'s answers over all agencies: rated options, then don't-know and skipped apart.
pub fn question(d: &Data, qi: usize) -> Bars {
    let x = &d.overall[qi];
    let kinds = d.kinds(qi);
    let mut rows: Vec<Option<Bar>> = Vec::new();
    let mut apart: Vec<Option<Bar>> = vec![None];
    for (o, (&count, &kind)) in x.counts.iter().zip(&kinds).enumerate() {
        let bar =
            Bar { label: d.option_label(qi, o), count, base: x.base(&kinds, kind), color: RATED };
        match kind {
            Kind::Rated => rows.push(Some(bar)),
            // Skipped is shown only when someone skipped (a required question has none).
            Kind::Skipped if count == 0 => {}
            _ => apart.push(Some(Bar { color: APART, ..bar })),
        }
    }
    if apart.len() > 1 {
        rows.extend(apart);
    }
    let qq = &d.q.questions[qi];
    Bars {
        name: format!("survey-{}", slug(&qq.id)),
        title: crate::t!(
            "survey-report-chart-question",
            id = qq.id.as_str(),
            text = qq.text.as_str()
        ),
        rows,
        legend: vec![
            (crate::t!("survey-report-chart-of-rated", n = x.rated(&kinds)), Key::Box(RATED)),
            (crate::t!("survey-report-chart-of-responses", n = x.responses()), Key::Box(APART)),
        ],
        legend_per_row: 1,
    }
}

/// One question's rated answers per agency: a 100% bar split by option.
pub struct Stacked {
    pub name: String,
    pub title: String,
    /// Per agency: label, count per rated option, don't-know (and skipped) count.
    pub rows: Vec<(String, Vec<u64>, u64)>,
    /// Rated options: label and colour.
    pub options: Vec<(String, RGBColor)>,
}

/// A colour for an option worth `value` (0–100), on ColorBrewer's five-class RdYlBu scale (red
/// for 0, pale yellow for 50, blue for 100, interpolated between), so that the same value has the
/// same colour in every chart.
pub fn value_color(value: f64) -> RGBColor {
    const STOPS: [(f64, f64, f64); 5] = [
        (215.0, 48.0, 39.0),
        (252.0, 141.0, 89.0),
        (254.0, 224.0, 144.0),
        (145.0, 191.0, 219.0),
        (69.0, 117.0, 180.0),
    ];
    let v = value.clamp(0.0, 100.0) / 25.0;
    let i = (v.floor() as usize).min(3);
    let (a, b, t) = (STOPS[i], STOPS[i + 1], v - i as f64);
    let mix = |x: f64, y: f64| (x + (y - x) * t).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Question `qi` per agency, as parts of at most [`MAX_ROWS`] agencies.
pub fn per_agency(d: &Data, qi: usize) -> Vec<Stacked> {
    let kinds = d.kinds(qi);
    let scale = d.q.scale_of(qi);
    let options: Vec<(String, RGBColor)> = scale
        .options
        .iter()
        .filter_map(|o| o.value.map(|v| (o.label.clone(), value_color(crate::report::view::f(v)))))
        .collect();
    let rows: Vec<(String, Vec<u64>, u64)> = d
        .q
        .agencies
        .iter()
        .zip(&d.agencies)
        .map(|(a, x)| {
            let x = &x[qi];
            let rated =
                x.counts.iter().zip(&kinds).filter(|(_, k)| **k == Kind::Rated).map(|(c, _)| *c);
            (a.label.clone(), rated.collect(), x.responses() - x.rated(&kinds))
        })
        .collect();
    let k = rows.len().div_ceil(MAX_ROWS).max(1);
    let ranges: Vec<std::ops::Range<usize>> =
        (0..k).map(|i| (i * rows.len() / k)..((i + 1) * rows.len() / k)).collect();
    let qq = &d.q.questions[qi];
    chart::numbered(&ranges)
        .zip(&ranges)
        .map(|(part, r): (Part, _)| Stacked {
            name: chart::part_name(format!("survey-{}-agencies", slug(&qq.id)), part),
            title: part_title(
                crate::t!(
                    "survey-report-chart-per-agency",
                    id = qq.id.as_str(),
                    text = qq.text.as_str()
                ),
                part,
            ),
            rows: rows[r.clone()].to_vec(),
            options: options.clone(),
        })
        .collect()
}

fn part_title(title: String, part: Part) -> String {
    match part {
        Some((k, of)) => crate::t!("survey-report-chart-part", title = title, k = k, of = of),
        None => title,
    }
}

impl Stacked {
    fn value_text(&self, k: usize) -> String {
        let (_, counts, apart) = &self.rows[k];
        crate::t!(
            "survey-report-chart-rated-apart",
            rated = counts.iter().sum::<u64>(),
            apart = *apart
        )
    }
    fn legend(&self) -> Vec<(String, Key)> {
        self.options.iter().map(|(l, c)| (l.clone(), Key::Box(*c))).collect()
    }
}

impl Chart for Stacked {
    fn name(&self) -> String {
        self.name.clone()
    }
    fn title(&self) -> String {
        self.title.clone()
    }
    fn size(&self) -> (u32, u32) {
        let lines = self.rows.len() + legend_rows(self.options.len(), LEGEND_PER_ROW);
        (chart::PAGE_WIDTH, (FIXED + ROW * lines as f64).round() as u32)
    }
    fn labels(&self) -> Vec<String> {
        let mut l: Vec<String> = self.rows.iter().map(|r| row_label(&r.0)).collect();
        l.extend((0..self.rows.len()).map(|k| self.value_text(k)));
        l.extend(self.options.iter().map(|o| o.0.clone()));
        l.push(caption(&self.title));
        l.push(crate::t!("survey-report-chart-no-rated"));
        l
    }
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, s: f64) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let n = self.rows.len();
        let legend = legend_rows(self.options.len(), LEGEND_PER_ROW);
        let top = n as f64 + legend as f64 + 0.3;
        let labels: Vec<String> = self.rows.iter().map(|r| row_label(&r.0)).collect();
        let axis = crate::t!("survey-report-chart-share-of-rated-axis");
        let mut c = frame(root, &self.title, &labels, (top, axis), s)?;
        for k in 0..n {
            self.draw_row(root, &mut c, k, s)?;
            value_column(root, &c, (k, n), self.value_text(k), s)?;
        }
        draw_key(root, &c, &self.legend(), (n, legend, LEGEND_PER_ROW), s)?;
        Ok(())
    }
}

type Plot<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

impl Stacked {
    /// Agency `k`'s bar: each option's share of its rated answers, the share written inside
    /// segments wide enough for it.
    fn draw_row<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        c: &mut Plot<'_, DB>,
        k: usize,
        s: f64,
    ) -> DrawResult<DB> {
        let n = self.rows.len();
        let (_, counts, _) = &self.rows[k];
        let rated: u64 = counts.iter().sum();
        let (lo, hi) = row_span(k, n, 0.12);
        if rated == 0 {
            let (x, y) = c.backend_coord(&(0.0, row_center(k, n)));
            let style = text_at(12.0, s, HPos::Left, VPos::Center).color(&APART);
            return root.draw(&Text::new(
                crate::t!("survey-report-chart-no-rated"),
                (x + 4, y),
                style,
            ));
        }
        // Segment ends from cumulative counts, so the bar always ends at exactly 100.
        let mut before = 0u64;
        for (count, (_, color)) in counts.iter().zip(&self.options) {
            let (x0, x1) = (
                100.0 * before as f64 / rated as f64,
                100.0 * (before + count) as f64 / rated as f64,
            );
            before += count;
            if *count == 0 {
                continue;
            }
            c.draw_series(std::iter::once(Rectangle::new([(x0, lo), (x1, hi)], color.filled())))?;
            if x1 - x0 >= 9.0 {
                let ink = if luminance(*color) > 150.0 { BLACK } else { WHITE };
                let (x, y) = c.backend_coord(&((x0 + x1) / 2.0, row_center(k, n)));
                let style = text_at(12.0, s, HPos::Center, VPos::Center).color(&ink);
                root.draw(&Text::new(share_text(*count, rated), (x, y), style))?;
            }
        }
        Ok(())
    }
}

fn luminance(c: RGBColor) -> f64 {
    0.299 * f64::from(c.0) + 0.587 * f64::from(c.1) + 0.114 * f64::from(c.2)
}

/// Any chart of the survey report.
pub enum SurveyChart {
    Bars(Bars),
    Stacked(Stacked),
}

impl SurveyChart {
    pub fn name(&self) -> String {
        match self {
            SurveyChart::Bars(c) => c.name(),
            SurveyChart::Stacked(c) => c.name(),
        }
    }
    pub fn labels(&self) -> Vec<String> {
        match self {
            SurveyChart::Bars(c) => c.labels(),
            SurveyChart::Stacked(c) => c.labels(),
        }
    }
    pub fn render(&self, dpi: u32) -> crate::Result<chart::Rendered> {
        match self {
            SurveyChart::Bars(c) => chart::render(c, dpi),
            SurveyChart::Stacked(c) => chart::render(c, dpi),
        }
    }
}

/// Every chart, in report order: accounting; then per question, all agencies and per agency.
pub fn plan(d: &Data, rule_labels: &[String]) -> Vec<SurveyChart> {
    let mut out = vec![SurveyChart::Bars(accounting(d, rule_labels))];
    for qi in 0..d.q.questions.len() {
        out.push(SurveyChart::Bars(question(d, qi)));
        out.extend(per_agency(d, qi).into_iter().map(SurveyChart::Stacked));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_titles_are_cut_to_the_page() {
        let long = "q7. 总体而言，对该地政务公开工作的满意程度（分单位）（第1部分/共7部分）";
        let cut = fit(long, TITLE, 580.0);
        assert_eq!(cut, long, "fits in 580 px");
        let longer = format!("{long}{long}");
        let cut = fit(&longer, TITLE, 580.0);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(f64::from(font::layout(&cut, TITLE as f32).width) <= 580.0);
        assert!(cut.chars().count() > long.chars().count());
    }
}
