//! Charts, each drawn once to SVG and once to PNG from the same code.
//!
//! A chart is a value that knows its size in logical pixels (96 per inch) and draws itself on any
//! plotters backend at a scale factor: SVG is drawn at scale 1, PNG at `dpi / 96`, so a 300 dpi
//! PNG has the same layout as the SVG with three times the pixels. All text uses the embedded font
//! ([`crate::report::font`]).

pub mod agency;
pub mod change;
pub mod composition;
pub mod distribution;
pub mod heatmap;
pub mod ranking;
pub mod raster;
pub mod satisfaction;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::error::{Error, Location, Result};
use crate::report::font;

/// What a chart's draw returns: plotters' error for the backend in use.
pub type DrawResult<DB> =
    std::result::Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

pub trait Chart {
    /// File stem under `charts/`, e.g. `ranking-city`.
    fn name(&self) -> String;
    /// Caption for the report.
    fn title(&self) -> String;
    /// Width and height in logical pixels.
    fn size(&self) -> (u32, u32);
    /// Every text the chart draws that comes from the data (names, grades): checked against the font.
    fn labels(&self) -> Vec<String>;
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, s: f64) -> DrawResult<DB>;
}

/// A chart drawn to both formats.
pub struct Rendered {
    pub name: String,
    pub title: String,
    pub svg: String,
    pub png: Vec<u8>,
    /// PNG size in pixels.
    pub png_size: (u32, u32),
}

/// Draws `chart` as SVG and as a PNG at `dpi` (the PNG records the dpi in its pHYs chunk).
pub fn render<C: Chart>(chart: &C, dpi: u32) -> Result<Rendered> {
    font::register();
    let name = chart.name();
    let fail = |format: &str, e: String| {
        Error::at(Location::file(format!("charts/{name}.{format}")), format!("drawing failed: {e}"))
    };
    let (w, h) = chart.size();

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        chart.draw(&root, 1.0).map_err(|e| fail("svg", e.to_string()))?;
        root.present().map_err(|e| fail("svg", e.to_string()))?;
    }

    let s = f64::from(dpi.max(24)) / 96.0;
    let (pw, ph) = ((f64::from(w) * s).round() as u32, (f64::from(h) * s).round() as u32);
    let mut rgb = vec![0u8; pw as usize * ph as usize * 3];
    {
        let root =
            raster::Glyphs(BitMapBackend::with_buffer(&mut rgb, (pw, ph))).into_drawing_area();
        chart.draw(&root, s).map_err(|e| fail("png", e.to_string()))?;
        root.present().map_err(|e| fail("png", e.to_string()))?;
    }
    let png = encode_png(&rgb, pw, ph, dpi).map_err(|e| fail("png", e))?;
    Ok(Rendered { name: name.clone(), title: chart.title(), svg, png, png_size: (pw, ph) })
}

fn encode_png(rgb: &[u8], w: u32, h: u32, dpi: u32) -> std::result::Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let per_metre = (f64::from(dpi) / 0.0254).round() as u32;
        enc.set_pixel_dims(Some(png::PixelDimensions {
            xppu: per_metre,
            yppu: per_metre,
            unit: png::Unit::Meter,
        }));
        let mut writer = enc.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(rgb).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// Every chart is designed for A4 at 16 cm wide: its logical width is 16 cm at 96 px per inch, so
/// that 12 px text is 9 pt on the page (37.5 px at 300 dpi).
pub const PAGE_WIDTH: u32 = 604;
/// Tallest chart: 24 cm at the same scale (height ÷ width ≤ 1.5).
pub const MAX_HEIGHT: u32 = 906;
/// Smallest text, in logical pixels: 9 pt at 16 cm wide.
pub const MIN_TEXT: f64 = 12.0;

/// Splits `n` rows into the fewest parts of near-equal size whose charts, `fixed` pixels of
/// title, axes and legend plus `row` pixels a row, stay within [`MAX_HEIGHT`].
pub fn parts(n: usize, fixed: f64, row: f64) -> Vec<std::ops::Range<usize>> {
    let per = (((f64::from(MAX_HEIGHT) - fixed) / row).floor() as usize).max(1);
    let k = n.div_ceil(per).max(1);
    let (base, extra) = (n / k, n % k);
    let mut start = 0;
    (0..k)
        .map(|i| {
            let len = base + usize::from(i < extra);
            start += len;
            start - len..start
        })
        .collect()
}

/// Part `k` of `of` (1-based) of a chart split over pages, if it is split.
pub type Part = Option<(usize, usize)>;

/// A chart name with its part number: `ranking-county-2`.
pub fn part_name(name: String, part: Part) -> String {
    match part {
        Some((k, _)) => format!("{name}-{k}"),
        None => name,
    }
}

/// A chart title with its part: `县(市、区)：总分排名（第2部分/共3部分）`.
pub fn part_title(title: String, part: Part) -> String {
    match part {
        Some((k, of)) => crate::t!("report-chart-part", title = title, part = k, parts = of),
        None => title,
    }
}

/// The part numbers of `ranges`: none when there is one range.
pub fn numbered(ranges: &[std::ops::Range<usize>]) -> impl Iterator<Item = Part> + '_ {
    let of = ranges.len();
    (1..=of).map(move |k| (of > 1).then_some((k, of)))
}

/// Width in logical pixels of the row-label area for `labels` at [`MIN_TEXT`], with a margin.
pub fn label_area(labels: &[String]) -> f64 {
    labels.iter().map(|l| font::layout(l, MIN_TEXT as f32).width).fold(40.0, f32::max).ceil() as f64
        + 14.0
}

/// Text style in the embedded font, `px` logical pixels high at scale `s`.
pub fn text(px: f64, s: f64) -> TextStyle<'static> {
    // plotters divides the size by 1.24 to get the em size; scale up so `px` is the em size.
    (font::FAMILY, px * 1.24 * s).into_font().into()
}

pub fn text_at(px: f64, s: f64, h: HPos, v: VPos) -> TextStyle<'static> {
    text(px, s).pos(Pos::new(h, v))
}

/// Rows of a horizontal chart: row 0 (the best agency) at the top. Returns the y value of the
/// row's centre on an axis `0..n` (plotters counts y from the bottom).
pub fn row_center(k: usize, n: usize) -> f64 {
    n as f64 - k as f64 - 0.5
}

/// Bottom and top of row `k` on an axis `0..n`, leaving `gap` (fraction of a row) free each side.
pub fn row_span(k: usize, n: usize, gap: f64) -> (f64, f64) {
    let c = row_center(k, n);
    (c - 0.5 + gap, c + 0.5 - gap)
}

/// Writes `labels` (one per row, row 0 at the top) right-aligned left of the plotting area.
///
/// Drawn by hand rather than as axis labels because plotters picks "nice" tick positions on a
/// numeric axis and adds an empty segment on a segmented one.
pub fn draw_row_labels<DB: DrawingBackend, X: Ranged<ValueType = f64>>(
    root: &DrawingArea<DB, Shift>,
    chart: &ChartContext<'_, DB, Cartesian2d<X, plotters::coord::types::RangedCoordf64>>,
    x_left: f64,
    labels: &[String],
    s: f64,
) -> DrawResult<DB> {
    let n = labels.len();
    for (k, label) in labels.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(x_left, row_center(k, n)));
        root.draw(&Text::new(
            label.clone(),
            (x - px(6.0, s) as i32, y),
            text_at(12.0, s, HPos::Right, VPos::Center),
        ))?;
    }
    Ok(())
}

/// What a legend entry shows beside its name.
#[derive(Clone, Copy)]
pub enum Key {
    Box(RGBColor),
    Dot(RGBColor),
    /// A hollow dot.
    Ring(RGBColor),
    Line(RGBColor),
    /// A dashed line.
    Dash(RGBColor),
}

/// A legend in rows of `per_row` entries, each entry `column` logical pixels wide, starting at pixel
/// `(x, y)` of `root` (the first row's vertical centre).
///
/// Drawn by hand rather than with plotters' series labels, which sit inside the plotting area and
/// cover the data.
pub fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    entries: &[(String, Key)],
    (per_row, column): (usize, f64),
    s: f64,
) -> DrawResult<DB> {
    let r = px(5.0, s) as i32;
    let style = text_at(12.0, s, HPos::Left, VPos::Center);
    for (i, (name, key)) in entries.iter().enumerate() {
        let x = x + (px(column, s) as usize * (i % per_row.max(1))) as i32;
        let y = y + (px(LEGEND_ROW, s) as usize * (i / per_row.max(1))) as i32;
        match key {
            Key::Box(c) => {
                root.draw(&Rectangle::new([(x, y - r), (x + 2 * r, y + r)], c.filled()))?
            }
            Key::Dot(c) => root.draw(&Circle::new((x + r, y), r as u32, c.filled()))?,
            Key::Ring(c) => {
                root.draw(&Circle::new((x + r, y), r as u32, c.stroke_width(px(1.5, s).max(1))))?
            }
            Key::Line(c) => root.draw(&PathElement::new(
                [(x, y), (x + 2 * r, y)],
                c.stroke_width(px(2.0, s).max(1)),
            ))?,
            Key::Dash(c) => {
                let w = c.stroke_width(px(1.0, s).max(1));
                let third = (2 * r) / 3;
                root.draw(&PathElement::new([(x, y), (x + third, y)], w))?;
                root.draw(&PathElement::new([(x + 2 * third, y), (x + 2 * r, y)], w))?;
            }
        }
        root.draw(&Text::new(name.clone(), (x + 3 * r, y), style.clone()))?;
    }
    Ok(())
}

/// Height of one legend row in logical pixels.
pub const LEGEND_ROW: f64 = 22.0;

/// The house style of every chart's axes: the embedded font, whole-number tick labels, a faint
/// grid on major ticks only.
pub fn house_mesh<'a, 'b, 'c, X, Y, DB>(
    mesh: &'c mut plotters::chart::MeshStyle<'a, 'b, X, Y, DB>,
    s: f64,
) -> &'c mut plotters::chart::MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged<ValueType = f64> + plotters::coord::ranged1d::ValueFormatter<f64>,
    Y: Ranged<ValueType = f64> + plotters::coord::ranged1d::ValueFormatter<f64>,
    DB: DrawingBackend,
{
    mesh.label_style(text(12.0, s))
        .x_label_formatter(&whole)
        .y_label_formatter(&whole)
        .axis_desc_style(text(13.0, s))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225).stroke_width(px(1.0, s).max(1)))
}

/// Axis labels for points: whole numbers, as tick positions are.
pub fn whole(v: &f64) -> String {
    format!("{v:.0}")
}

/// Pixels at scale `s`, for margins and label areas.
pub fn px(v: f64, s: f64) -> u32 {
    (v * s).round() as u32
}

/// Colour of grade band `index` of `bands` (0 = best): green, blue, amber, purple; the lowest band
/// (fail) red; a grade outside the bands (forced by a veto) grey.
pub fn grade_color(index: Option<usize>, bands: usize) -> RGBColor {
    const GOOD: [RGBColor; 4] = [
        RGBColor(46, 125, 50),
        RGBColor(21, 101, 192),
        RGBColor(239, 160, 0),
        RGBColor(123, 31, 162),
    ];
    match index {
        Some(i) if bands >= 2 && i == bands - 1 => RGBColor(198, 40, 40),
        Some(i) => GOOD[i.min(GOOD.len() - 1)],
        None => RGBColor(120, 120, 120),
    }
}

/// A qualitative palette for dimensions (Okabe–Ito and Tableau hues without grey, red or purple,
/// which the other components use), cycled when there are more dimensions.
pub fn series_color(i: usize) -> RGBColor {
    const P: [RGBColor; 9] = [
        RGBColor(0, 114, 178),
        RGBColor(230, 159, 0),
        RGBColor(0, 158, 115),
        RGBColor(204, 121, 167),
        RGBColor(86, 180, 233),
        RGBColor(213, 94, 0),
        RGBColor(240, 228, 66),
        RGBColor(140, 86, 75),
        RGBColor(23, 190, 207),
    ];
    P[i % P.len()]
}

/// Formats points with exactly the scheme's decimals (rounded half away from zero, zeros kept),
/// as results are published.
pub fn fmt_points(v: rust_decimal::Decimal, decimals: u32) -> String {
    let mut r =
        v.round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.rescale(decimals);
    r.to_string()
}

/// Any of the charts, so a report can list the charts it draws and render them in one loop
/// (the [`Chart`] trait is generic over backends, hence not object-safe).
pub enum AnyChart {
    Ranking(ranking::Ranking),
    Composition(composition::Composition),
    Distribution(distribution::Distribution),
    Heatmap(heatmap::Heatmap),
    Agency(agency::AgencyVsGroup),
    Change(change::Change),
    Satisfaction(satisfaction::Satisfaction),
}

macro_rules! each {
    ($self:expr, $c:ident => $e:expr) => {
        match $self {
            AnyChart::Ranking($c) => $e,
            AnyChart::Composition($c) => $e,
            AnyChart::Distribution($c) => $e,
            AnyChart::Heatmap($c) => $e,
            AnyChart::Agency($c) => $e,
            AnyChart::Change($c) => $e,
            AnyChart::Satisfaction($c) => $e,
        }
    };
}

impl AnyChart {
    pub fn name(&self) -> String {
        each!(self, c => c.name())
    }
    pub fn title(&self) -> String {
        each!(self, c => c.title())
    }
    pub fn size(&self) -> (u32, u32) {
        each!(self, c => c.size())
    }
    pub fn labels(&self) -> Vec<String> {
        each!(self, c => c.labels())
    }
    pub fn render(&self, dpi: u32) -> Result<Rendered> {
        each!(self, c => render(c, dpi))
    }
    /// Whether the chart belongs to one agency (drawn for every agency, kept out of the main page).
    pub fn is_per_agency(&self) -> bool {
        matches!(self, AnyChart::Agency(_))
    }
}

/// The charts a report draws, in report order: distribution; per group ranking, composition,
/// heat map, (with last year's results) change and (with survey results) survey satisfaction;
/// then, if asked, one chart per agency.
pub fn plan(
    result: &crate::score::result::RunResult,
    previous: Option<&crate::report::previous::Previous>,
    per_agency: bool,
) -> Vec<AnyChart> {
    let views = crate::report::view::groups(result);
    let scheme = &result.scheme;
    let mut out =
        vec![AnyChart::Distribution(distribution::Distribution::new(&views, scheme.total))];
    for v in &views {
        let r = ranking::Ranking::new(v, scheme.total, scheme.decimals);
        out.extend(r.split().into_iter().map(AnyChart::Ranking));
        let c = composition::Composition::new(v, &scheme.dimensions);
        out.extend(c.split().into_iter().map(AnyChart::Composition));
        let h = heatmap::Heatmap::new(v, &scheme.dimensions);
        out.extend(h.split().into_iter().map(AnyChart::Heatmap));
        if let Some(p) = previous {
            let c = change::Change::new(v, p, scheme.decimals);
            out.extend(c.split().into_iter().map(AnyChart::Change));
        }
        out.extend(satisfaction::for_group(v, result).into_iter().map(AnyChart::Satisfaction));
    }
    if per_agency {
        for v in &views {
            for k in 0..v.agencies.len() {
                let chart = agency::AgencyVsGroup::new(v, k, &scheme.dimensions)
                    .with_verdict(agency::verdict(v.agencies[k], scheme.decimals));
                out.push(AnyChart::Agency(chart));
            }
        }
    }
    out
}
