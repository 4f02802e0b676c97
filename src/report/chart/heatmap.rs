//! Heat map of score rates (points ÷ applicable maximum) per agency × dimension for a peer group:
//! red for low, yellow for middling, green for full marks; grey where the dimension does not apply.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use rust_decimal::Decimal;

use super::{Chart, DrawResult, draw_row_labels, px, row_center, text, text_at};
use crate::report::view::{GroupView, f, rate, slug};
use crate::score::result::DimensionSummary;

pub struct Heatmap {
    group_id: String,
    group_name: String,
    labels: Vec<String>,
    dimensions: Vec<String>,
    rates: Vec<Vec<Option<Decimal>>>,
    part: super::Part,
}

/// Height of one agency's row.
const ROW: f64 = 24.0;
/// Height of title and margins, without the column headers.
const FIXED: f64 = 70.0;
/// Height of one line of a column header.
const HEADER_LINE: f64 = 16.0;

impl Heatmap {
    pub fn new(view: &GroupView<'_>, dimensions: &[DimensionSummary]) -> Self {
        let rates = view
            .agencies
            .iter()
            .map(|a| (0..dimensions.len()).map(|i| rate(a, i)).collect())
            .collect();
        Heatmap {
            group_id: view.summary.id.clone(),
            group_name: view.summary.name.clone(),
            labels: view.labels.clone(),
            dimensions: dimensions.iter().map(|d| d.name.clone()).collect(),
            rates,
            part: None,
        }
    }

    /// The chart as page-sized parts (one when the group fits a page).
    pub fn split(self) -> Vec<Self> {
        let fixed = FIXED + HEADER_LINE * self.header_lines().len() as f64;
        let ranges = super::parts(self.labels.len(), fixed, ROW);
        super::numbered(&ranges)
            .zip(&ranges)
            .map(|(part, r)| Heatmap {
                group_id: self.group_id.clone(),
                group_name: self.group_name.clone(),
                labels: self.labels[r.clone()].to_vec(),
                dimensions: self.dimensions.clone(),
                rates: self.rates[r.clone()].to_vec(),
                part,
            })
            .collect()
    }

    /// Width of the row-label area.
    fn label_width(&self) -> f64 {
        super::label_area(&self.labels)
    }

    /// Width of one dimension's column.
    fn column(&self) -> f64 {
        (f64::from(super::PAGE_WIDTH) - 24.0 - self.label_width())
            / self.dimensions.len().max(1) as f64
    }

    /// Column headers wrapped to the column width: header line `i` of every column.
    fn header_lines(&self) -> Vec<Vec<String>> {
        let per = ((self.column() - 6.0) / super::MIN_TEXT).floor().max(1.0) as usize;
        let wrapped: Vec<Vec<String>> = self
            .dimensions
            .iter()
            .map(|d| {
                let c: Vec<char> = d.chars().collect();
                c.chunks(per).map(|x| x.iter().collect()).collect()
            })
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        (0..lines)
            .map(|i| wrapped.iter().map(|w| w.get(i).cloned().unwrap_or_default()).collect())
            .collect()
    }
}

/// Red (0 %) → yellow (70 %) → green (100 %): most rates sit in the upper range, so the scale
/// spends its contrast there.
pub fn rate_color(r: f64) -> RGBColor {
    let lerp = |a: (u8, u8, u8), b: (u8, u8, u8), t: f64| {
        let m = |x: u8, y: u8| {
            (f64::from(x) + (f64::from(y) - f64::from(x)) * t.clamp(0.0, 1.0)).round() as u8
        };
        RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
    };
    let (red, yellow, green) = ((215, 48, 39), (254, 224, 139), (26, 152, 80));
    if r < 0.7 { lerp(red, yellow, r / 0.7) } else { lerp(yellow, green, (r - 0.7) / 0.3) }
}

impl Chart for Heatmap {
    fn name(&self) -> String {
        super::part_name(format!("heatmap-{}", slug(&self.group_id)), self.part)
    }
    fn title(&self) -> String {
        super::part_title(
            crate::t!("report-chart-heatmap-title", group = self.group_name),
            self.part,
        )
    }
    fn size(&self) -> (u32, u32) {
        let header = HEADER_LINE * self.header_lines().len() as f64;
        (super::PAGE_WIDTH, (FIXED + header + ROW * self.labels.len() as f64).round() as u32)
    }
    fn labels(&self) -> Vec<String> {
        let mut l = self.labels.clone();
        l.extend(self.dimensions.iter().cloned());
        l.push(self.title());
        l
    }
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, s: f64) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let (n, m) = (self.labels.len(), self.dimensions.len());
        let headers = self.header_lines();
        let header_rows = HEADER_LINE * headers.len() as f64 / ROW + 0.3;
        let mut chart = ChartBuilder::on(root)
            .caption(self.title(), text(18.0, s))
            .margin(px(12.0, s))
            .margin_top(px(8.0, s))
            .x_label_area_size(px(10.0, s))
            .y_label_area_size(px(self.label_width(), s))
            .build_cartesian_2d(0f64..m as f64, 0f64..n as f64 + header_rows)?;
        chart.configure_mesh().disable_mesh().disable_axes().draw()?;
        draw_row_labels(root, &chart, 0.0, &self.labels, s)?;
        for (i, line) in headers.iter().enumerate() {
            let y = n as f64 + header_rows - 0.15 - (i as f64 + 0.5) * HEADER_LINE / ROW;
            for (j, part) in line.iter().enumerate() {
                chart.draw_series(std::iter::once(Text::new(
                    part.clone(),
                    (j as f64 + 0.5, y),
                    text_at(12.0, s, HPos::Center, VPos::Center),
                )))?;
            }
        }
        for (k, row) in self.rates.iter().enumerate() {
            let y = row_center(k, n);
            for (j, r) in row.iter().enumerate() {
                let (color, label) = match r {
                    Some(r) => (rate_color(f(*r)), format!("{:.0}%", f(*r) * 100.0)),
                    None => (RGBColor(215, 215, 215), crate::t!("report-chart-not-applicable")),
                };
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(j as f64 + 0.02, y - 0.46), (j as f64 + 0.98, y + 0.46)],
                    color.filled(),
                )))?;
                chart.draw_series(std::iter::once(Text::new(
                    label,
                    (j as f64 + 0.5, y),
                    text_at(12.0, s, HPos::Center, VPos::Center),
                )))?;
            }
        }
        Ok(())
    }
}
