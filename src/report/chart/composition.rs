//! Score composition of each agency in a peer group: one stacked horizontal bar per agency, its
//! dimensions and bonus stacked right of zero, penalty and look-back (and a negative rescale or
//! adjustment) stacked left of it, so the bar's right end minus its left end is the total.

use plotters::coord::Shift;
use plotters::prelude::*;
use rust_decimal::Decimal;

use super::{
    Chart, DrawResult, Key, LEGEND_ROW, draw_legend, draw_row_labels, px, row_span, series_color,
    text,
};
use crate::report::view::{GroupView, f, slug};
use crate::score::result::DimensionSummary;

/// Legend entries per row (the chart is 605 px wide; names up to about 11 characters).
const LEGEND_PER_ROW: usize = 3;
/// Height of one agency's row.
const ROW: f64 = 22.0;
/// Height of title and axis, without the legend.
const FIXED: f64 = 120.0;
/// What the two components that are not earned points mean, under the legend.
fn note() -> String {
    crate::t!("report-chart-composition-note")
}

pub struct Composition {
    group_id: String,
    group_name: String,
    labels: Vec<String>,
    /// Component names, in stacking order.
    components: Vec<String>,
    /// Per agency, per component: points (0 where absent).
    points: Vec<Vec<Decimal>>,
    /// Per agency: whether a veto capped its total.
    vetoed: Vec<bool>,
    /// The axis: the same for every part of a split group.
    x_range: (f64, f64),
    part: super::Part,
}

impl Composition {
    pub fn new(view: &GroupView<'_>, dimensions: &[DimensionSummary]) -> Self {
        let mut components: Vec<String> = dimensions.iter().map(|d| d.name.clone()).collect();
        components.extend([
            crate::t!("report-chart-rescale"),
            crate::t!("report-chart-bonus"),
            crate::t!("report-chart-penalty"),
            crate::t!("report-chart-lookback"),
            crate::t!("report-chart-veto-adjustment"),
        ]);
        let points = view
            .agencies
            .iter()
            .map(|a| {
                let mut p: Vec<Decimal> = (0..dimensions.len())
                    .map(|i| a.dimensions.get(i).copied().flatten().unwrap_or_default())
                    .collect();
                p.extend([a.rescale, a.bonus, a.penalty, a.lookback, a.adjustment]);
                p
            })
            .collect();
        Composition {
            group_id: view.summary.id.clone(),
            group_name: view.summary.name.clone(),
            labels: view.labels.clone(),
            components,
            points,
            vetoed: view.agencies.iter().map(|a| a.veto.is_some()).collect(),
            x_range: (0.0, 0.0),
            part: None,
        }
        .with_axis()
    }

    fn with_axis(mut self) -> Self {
        let ends: Vec<(f64, f64)> = (0..self.labels.len()).flat_map(|k| self.pieces(k)).collect();
        let x_min = ends.iter().map(|e| e.0).fold(0.0, f64::min).floor() - 1.0;
        let x_max = ends.iter().map(|e| e.1).fold(0.0, f64::max) * 1.04 + 1.0;
        self.x_range = (x_min, x_max);
        self
    }

    /// The chart as page-sized parts (one when the group fits a page), on one scale.
    pub fn split(self) -> Vec<Self> {
        let fixed = FIXED + LEGEND_ROW * (self.legend_rows() + 1) as f64;
        let ranges = super::parts(self.labels.len(), fixed, ROW);
        super::numbered(&ranges)
            .zip(&ranges)
            .map(|(part, r)| Composition {
                group_id: self.group_id.clone(),
                group_name: self.group_name.clone(),
                labels: self.labels[r.clone()].to_vec(),
                components: self.components.clone(),
                points: self.points[r.clone()].to_vec(),
                vetoed: self.vetoed[r.clone()].to_vec(),
                x_range: self.x_range,
                part,
            })
            .collect()
    }

    /// Dimensions take the series palette; the other components fixed colours that say what they
    /// are (bonus green, penalty red, look-back purple, rescale and adjustment greys).
    fn color(&self, c: usize) -> RGBColor {
        let dims = self.components.len() - 5;
        match c.checked_sub(dims) {
            None => series_color(c),
            Some(0) => RGBColor(170, 170, 170),
            Some(1) => RGBColor(27, 94, 32),
            Some(2) => RGBColor(198, 40, 40),
            Some(3) => RGBColor(106, 27, 154),
            Some(_) => RGBColor(66, 66, 66),
        }
    }

    fn legend_rows(&self) -> usize {
        self.components.len().div_ceil(LEGEND_PER_ROW)
    }

    /// Left and right end of each component's piece of agency `k`'s bar.
    fn pieces(&self, k: usize) -> Vec<(f64, f64)> {
        let (mut pos, mut neg) = (0.0, 0.0);
        self.points[k]
            .iter()
            .map(|v| {
                let v = f(*v);
                if v >= 0.0 {
                    pos += v;
                    (pos - v, pos)
                } else {
                    neg += v;
                    (neg, neg - v)
                }
            })
            .collect()
    }
}

impl Chart for Composition {
    fn name(&self) -> String {
        super::part_name(format!("composition-{}", slug(&self.group_id)), self.part)
    }
    fn title(&self) -> String {
        super::part_title(
            crate::t!("report-chart-composition-title", group = self.group_name),
            self.part,
        )
    }
    fn size(&self) -> (u32, u32) {
        let legend = LEGEND_ROW * (self.legend_rows() + 1) as f64;
        (super::PAGE_WIDTH, (FIXED + legend + ROW * self.labels.len() as f64).round() as u32)
    }
    fn labels(&self) -> Vec<String> {
        let mut l = self.labels.clone();
        l.extend(self.components.iter().cloned());
        l.push(self.title());
        l
    }
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, s: f64) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let n = self.labels.len();
        let (x_min, x_max) = self.x_range;
        let labels: Vec<String> = self
            .labels
            .iter()
            .zip(&self.vetoed)
            .map(|(l, v)| if *v { crate::t!("report-chart-vetoed", label = l) } else { l.clone() })
            .collect();
        let legend_h = LEGEND_ROW * (self.legend_rows() + 1) as f64;
        let mut chart = ChartBuilder::on(root)
            .caption(self.title(), text(18.0, s))
            .margin(px(12.0, s))
            .x_label_area_size(px(34.0, s) + px(legend_h, s))
            .y_label_area_size(px(super::label_area(&labels), s))
            .build_cartesian_2d(x_min..x_max, 0f64..n as f64)?;
        let mut mesh = chart.configure_mesh();
        super::house_mesh(&mut mesh, s).disable_y_mesh().disable_y_axis().draw()?;
        draw_row_labels(root, &chart, x_min, &labels, s)?;
        let mut legend = Vec::new();
        for (c, name) in self.components.iter().enumerate() {
            // Components no agency of the group has (e.g. no rescale) stay out of the legend.
            if self.points.iter().all(|p| p[c].is_zero()) {
                continue;
            }
            let color = self.color(c);
            legend.push((name.clone(), Key::Box(color)));
            chart.draw_series((0..n).filter(|k| !self.points[*k][c].is_zero()).map(|k| {
                let (lo, hi) = row_span(k, n, 0.14);
                let (x0, x1) = self.pieces(k)[c];
                Rectangle::new([(x0, lo), (x1, hi)], color.filled())
            }))?;
        }
        chart.draw_series(std::iter::once(PathElement::new(
            [(0.0, 0.0), (0.0, n as f64)],
            BLACK.stroke_width(px(1.0, s).max(1)),
        )))?;
        let (_, h) = root.dim_in_pixel();
        let top = h as i32 - px(legend_h, s) as i32;
        draw_legend(root, (px(14.0, s) as i32, top), &legend, (LEGEND_PER_ROW, 195.0), s)?;
        root.draw(&Text::new(
            note(),
            (px(14.0, s) as i32, top + px(LEGEND_ROW * self.legend_rows() as f64, s) as i32),
            super::text_at(
                super::MIN_TEXT,
                s,
                plotters::style::text_anchor::HPos::Left,
                plotters::style::text_anchor::VPos::Center,
            ),
        ))?;
        Ok(())
    }
}
