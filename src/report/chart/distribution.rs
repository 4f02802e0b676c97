//! Distribution of totals per peer group: one column per group with its grade bands shaded behind
//! the agencies' totals (one dot each, spread sideways so equal totals stay visible) and the
//! group's mean as a line.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use rust_decimal::Decimal;

use super::{Chart, DrawResult, Key, grade_color, px, text, text_at};
use crate::report::view::{GroupView, f, grade_index};

/// A grade band: name and minimum total.
type Band = (String, Decimal);
/// An agency's dot: total, grade index, and how the grade was decided.
type Dot = (Decimal, Option<usize>, Decided);

/// Whether the points alone, the grade quota or a veto decided an agency's grade.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Decided {
    Points,
    Quota,
    Veto,
}

/// Height of the legend under the chart: the key row and one note row.
const LEGEND: f64 = 2.0 * super::LEGEND_ROW + 6.0;

pub struct Distribution {
    /// Per group: name, grade bands best first, one dot per agency.
    groups: Vec<(String, Vec<Band>, Vec<Dot>)>,
    scheme_total: Decimal,
}

impl Distribution {
    pub fn new(views: &[GroupView<'_>], scheme_total: Decimal) -> Self {
        let groups = views
            .iter()
            .map(|v| {
                let bands = v.summary.grades.iter().map(|b| (b.name.clone(), b.min)).collect();
                let dots = v
                    .agencies
                    .iter()
                    .map(|a| {
                        let decided = if a.veto.is_some() {
                            Decided::Veto
                        } else if a.demoted_by_quota {
                            Decided::Quota
                        } else {
                            Decided::Points
                        };
                        (a.total, grade_index(v.summary, &a.grade), decided)
                    })
                    .collect();
                (v.summary.name.clone(), bands, dots)
            })
            .collect();
        Distribution { groups, scheme_total }
    }
}

/// Sideways offset of the `i`-th dot in a column, in [-0.3, 0.3]: a fixed low-discrepancy
/// sequence, so the chart is the same every run.
fn spread(i: usize) -> f64 {
    let golden = 0.618_033_988_749_895;
    ((i as f64 * golden).fract() - 0.5) * 0.6
}

impl Chart for Distribution {
    fn name(&self) -> String {
        "distribution".into()
    }
    fn title(&self) -> String {
        crate::t!("report-chart-distribution-title")
    }
    fn size(&self) -> (u32, u32) {
        ((220 + 200 * self.groups.len() as u32).min(super::PAGE_WIDTH), (560.0 + LEGEND) as u32)
    }
    fn labels(&self) -> Vec<String> {
        let mut l: Vec<String> = self.groups.iter().map(|g| g.0.clone()).collect();
        l.extend(self.groups.iter().flat_map(|g| g.1.iter().map(|b| b.0.clone())));
        l.push(self.title());
        l
    }
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, s: f64) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let m = self.groups.len();
        let top = self
            .groups
            .iter()
            .flat_map(|g| g.2.iter().map(|d| d.0))
            .max()
            .unwrap_or_default()
            .max(self.scheme_total);
        let y_max = f(top) * 1.05;
        let bottom =
            self.groups.iter().flat_map(|g| g.2.iter().map(|d| d.0)).min().unwrap_or_default();
        // Start the axis at a round value below the lowest total, not at 0, so bands are legible.
        let y_min = ((f(bottom) - 5.0) / 10.0).floor().max(0.0) * 10.0;
        let names: Vec<String> = self.groups.iter().map(|g| g.0.clone()).collect();
        let mut chart = ChartBuilder::on(root)
            .caption(self.title(), text(18.0, s))
            .margin(px(14.0, s))
            .x_label_area_size(px(40.0 + LEGEND, s))
            .y_label_area_size(px(56.0, s))
            .build_cartesian_2d(0f64..m as f64, y_min..y_max)?;
        let mut mesh = chart.configure_mesh();
        super::house_mesh(&mut mesh, s)
            .disable_x_mesh()
            .x_labels(0)
            .y_desc(crate::t!("report-chart-total"))
            .draw()?;
        for (g, (_, bands, dots)) in self.groups.iter().enumerate() {
            let (x0, x1) = (g as f64 + 0.08, g as f64 + 0.92);
            // Bands: from each band's minimum up to the next better band's minimum.
            for (b, (band, min)) in bands.iter().enumerate() {
                let lo = f(*min).max(y_min);
                let hi = if b == 0 { y_max } else { f(bands[b - 1].1).min(y_max) };
                if hi <= lo {
                    continue;
                }
                let color = grade_color(Some(b), bands.len());
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(x0, lo), (x1, hi)],
                    color.mix(0.13).filled(),
                )))?;
                chart.draw_series(std::iter::once(Text::new(
                    band.clone(),
                    (x0, hi),
                    text_at(12.0, s, HPos::Left, VPos::Top),
                )))?;
            }
            // A dot's colour is its final grade; a grade decided by the quota or a veto is drawn
            // as a ring, so a dot of a lower grade's colour inside a better band explains itself.
            chart.draw_series(dots.iter().enumerate().map(|(i, (total, grade, decided))| {
                let color = grade_color(*grade, bands.len());
                let style = match decided {
                    Decided::Points => color.filled(),
                    _ => color.stroke_width(px(2.0, s).max(1)),
                };
                Circle::new((g as f64 + 0.5 + spread(i), f(*total)), px(4.5, s), style)
            }))?;
            if !dots.is_empty() {
                let mean = dots.iter().map(|d| f(d.0)).sum::<f64>() / dots.len() as f64;
                chart.draw_series(std::iter::once(PathElement::new(
                    [(g as f64 + 0.2, mean), (g as f64 + 0.8, mean)],
                    BLACK.stroke_width(px(2.0, s).max(1)),
                )))?;
                chart.draw_series(std::iter::once(Text::new(
                    crate::t!("report-chart-mean", mean = format!("{mean:.2}")),
                    (g as f64 + 0.8, mean),
                    text_at(12.0, s, HPos::Left, VPos::Center),
                )))?;
            }
            let (x, y) = chart.backend_coord(&(g as f64 + 0.5, y_min));
            root.draw(&Text::new(
                format!("{}（{}）", names[g], dots.len()),
                (x, y + px(8.0, s) as i32),
                text_at(13.0, s, HPos::Center, VPos::Top),
            ))?;
        }
        self.legend(root, s)
    }
}

impl Distribution {
    /// The colour key (one entry per grade of the first group's bands) and what a ring means.
    fn legend<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, s: f64) -> DrawResult<DB> {
        let bands = self.groups.first().map(|g| g.1.clone()).unwrap_or_default();
        let mut entries: Vec<(String, Key)> = bands
            .iter()
            .enumerate()
            .map(|(b, (name, _))| (name.clone(), Key::Dot(grade_color(Some(b), bands.len()))))
            .collect();
        entries.push((crate::t!("report-chart-veto"), Key::Dot(grade_color(None, bands.len()))));
        let (_, h) = root.dim_in_pixel();
        let y = h as i32 - px(LEGEND, s) as i32 + px(super::LEGEND_ROW / 2.0, s) as i32;
        let column = (f64::from(super::PAGE_WIDTH) - 28.0) / entries.len().max(1) as f64;
        super::draw_legend(
            root,
            (px(14.0, s) as i32, y),
            &entries,
            (entries.len(), column.min(110.0)),
            s,
        )?;
        let ring = Key::Ring(RGBColor(90, 90, 90));
        super::draw_legend(
            root,
            (px(14.0, s) as i32, y + px(super::LEGEND_ROW, s) as i32),
            &[(crate::t!("report-chart-distribution-ring"), ring)],
            (1, 500.0),
            s,
        )?;
        Ok(())
    }
}
