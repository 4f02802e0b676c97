//! One agency against its peer group: per dimension, the group's range of score rates (grey bar,
//! lowest to highest), the group's mean (black tick) and the agency's own rate (coloured dot).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use rust_decimal::Decimal;

use super::{Chart, DrawResult, Key, draw_legend, px, series_color, text_at};
use crate::report::view::{GroupView, f, rate, slug};
use crate::score::result::DimensionSummary;

pub struct AgencyVsGroup {
    agency_id: String,
    label: String,
    group_name: String,
    dimensions: Vec<String>,
    /// Per dimension: the agency's rate, and the group's (min, mean, max) over agencies it applies to.
    own: Vec<Option<Decimal>>,
    group: Vec<Option<(Decimal, Decimal, Decimal)>>,
    /// The result in words under the title: total, grade, and what decided the grade.
    verdict: Option<String>,
}

/// The result line of an agency chart: `总分 86.83 · 等次 良好`, and what decided the grade when
/// not the points alone (a veto, or the grade quota).
pub fn verdict(a: &crate::score::result::AgencyResult, decimals: u32) -> String {
    let total = super::fmt_points(a.total, decimals);
    let mut v = crate::t!("report-chart-verdict", total = total, grade = a.grade);
    if let Some(veto) = &a.veto {
        v.push_str(&crate::t!("report-chart-verdict-veto", veto = veto.name));
    } else if a.demoted_by_quota {
        v.push_str(&crate::t!("report-chart-verdict-quota"));
    } else {
        v.push_str(&crate::t!("report-chart-verdict-points"));
    }
    v
}

impl AgencyVsGroup {
    /// The chart for agency `k` of `view`.
    pub fn new(view: &GroupView<'_>, k: usize, dimensions: &[DimensionSummary]) -> Self {
        let a = view.agencies[k];
        let group = (0..dimensions.len())
            .map(|i| {
                let rates: Vec<Decimal> = view.agencies.iter().filter_map(|b| rate(b, i)).collect();
                let min = rates.iter().min()?;
                let max = rates.iter().max()?;
                let mean = rates.iter().sum::<Decimal>() / Decimal::from(rates.len());
                Some((*min, mean, *max))
            })
            .collect();
        AgencyVsGroup {
            agency_id: a.agency_id.clone(),
            label: view.labels[k].clone(),
            group_name: view.summary.name.clone(),
            dimensions: dimensions.iter().map(|d| d.name.clone()).collect(),
            own: (0..dimensions.len()).map(|i| rate(a, i)).collect(),
            group,
            verdict: None,
        }
    }
}

impl AgencyVsGroup {
    /// The chart from one agency's own rates and its group's aggregate rates only (min, mean,
    /// max per dimension; `None` where withheld), as an agency's confidential preview draws it.
    /// Rates are fractions (0.9 = 90%).
    pub fn from_parts(
        agency_id: &str,
        label: &str,
        group_name: &str,
        dimensions: &[DimensionSummary],
        own: Vec<Option<Decimal>>,
        group: Vec<Option<(Decimal, Decimal, Decimal)>>,
    ) -> Self {
        AgencyVsGroup {
            agency_id: agency_id.to_string(),
            label: label.to_string(),
            group_name: group_name.to_string(),
            dimensions: dimensions.iter().map(|d| d.name.clone()).collect(),
            own,
            group,
            verdict: None,
        }
    }

    /// Shows `verdict` (see [`verdict`]) under the title.
    pub fn with_verdict(mut self, verdict: String) -> Self {
        self.verdict = Some(verdict);
        self
    }

    /// Dimension names wrapped to their column: line `i` of every name.
    fn name_lines(&self) -> Vec<Vec<String>> {
        let m = self.dimensions.len().max(1);
        let column = (f64::from(self.size().0) - 84.0) / m as f64;
        let per = ((column - 6.0) / super::MIN_TEXT).floor().max(1.0) as usize;
        let wrapped: Vec<Vec<String>> = self
            .dimensions
            .iter()
            .map(|d| {
                d.chars().collect::<Vec<char>>().chunks(per).map(|c| c.iter().collect()).collect()
            })
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        (0..lines)
            .map(|i| wrapped.iter().map(|w| w.get(i).cloned().unwrap_or_default()).collect())
            .collect()
    }
}

impl Chart for AgencyVsGroup {
    fn name(&self) -> String {
        format!("agency-{}", slug(&self.agency_id))
    }
    fn title(&self) -> String {
        crate::t!("report-chart-agency-title", agency = self.label, group = self.group_name)
    }
    fn size(&self) -> (u32, u32) {
        ((200 + 130 * self.dimensions.len() as u32).min(super::PAGE_WIDTH), 470)
    }
    fn labels(&self) -> Vec<String> {
        let mut l = self.dimensions.clone();
        l.push(self.title());
        l.extend(self.verdict.clone());
        l
    }
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, s: f64) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let m = self.dimensions.len();
        let names = self.name_lines();
        // Title and result line drawn by hand, the result line under the title.
        let (w, _) = root.dim_in_pixel();
        root.draw(&Text::new(
            self.title(),
            (w as i32 / 2, px(12.0, s) as i32),
            text_at(17.0, s, HPos::Center, VPos::Top),
        ))?;
        let mut top = 40.0;
        if let Some(v) = &self.verdict {
            root.draw(&Text::new(
                v.clone(),
                (w as i32 / 2, px(top, s) as i32),
                text_at(13.0, s, HPos::Center, VPos::Top),
            ))?;
            top += 22.0;
        }
        let mut chart = ChartBuilder::on(root)
            .margin(px(14.0, s))
            .margin_top(px(top + 6.0, s))
            .x_label_area_size(px(22.0 + 16.0 * names.len() as f64, s))
            .y_label_area_size(px(56.0, s))
            .build_cartesian_2d(0f64..m as f64, 0f64..114.0)?;
        let mut mesh = chart.configure_mesh();
        super::house_mesh(&mut mesh, s)
            .disable_x_mesh()
            .x_labels(0)
            .y_desc(crate::t!("report-chart-rate-axis"))
            .draw()?;
        let own_color = series_color(0);
        let pct = |d: Decimal| f(d) * 100.0;
        for j in 0..m {
            let x = j as f64 + 0.5;
            let (bx, by) = chart.backend_coord(&(x, 0.0));
            for (i, line) in names.iter().enumerate() {
                root.draw(&Text::new(
                    line[j].clone(),
                    (bx, by + px(8.0 + 16.0 * i as f64, s) as i32),
                    text_at(12.0, s, HPos::Center, VPos::Top),
                ))?;
            }
            if let Some((min, mean, max)) = self.group[j] {
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(x - 0.12, pct(min)), (x + 0.12, pct(max))],
                    RGBColor(200, 200, 200).filled(),
                )))?;
                chart.draw_series(std::iter::once(PathElement::new(
                    [(x - 0.2, pct(mean)), (x + 0.2, pct(mean))],
                    BLACK.stroke_width(px(2.0, s).max(1)),
                )))?;
            }
            match self.own[j] {
                Some(r) => {
                    chart.draw_series(std::iter::once(Circle::new(
                        (x, pct(r)),
                        px(6.0, s),
                        own_color.filled(),
                    )))?;
                    chart.draw_series(std::iter::once(Text::new(
                        format!("{:.1}%", pct(r)),
                        (x + 0.16, pct(r)),
                        text_at(12.0, s, HPos::Left, VPos::Center),
                    )))?;
                }
                None => {
                    chart.draw_series(std::iter::once(Text::new(
                        crate::t!("report-chart-not-applicable"),
                        (x, 50.0),
                        text_at(12.0, s, HPos::Center, VPos::Center),
                    )))?;
                }
            }
        }
        let (lx, ly) = chart.backend_coord(&(0.0, 111.0));
        let legend = [
            (crate::t!("report-chart-own"), Key::Dot(own_color)),
            (crate::t!("report-chart-group-range"), Key::Box(RGBColor(200, 200, 200))),
            (crate::t!("report-chart-group-mean"), Key::Line(BLACK)),
        ];
        draw_legend(root, (lx + px(12.0, s) as i32, ly), &legend, (3, 130.0), s)?;
        Ok(())
    }
}
