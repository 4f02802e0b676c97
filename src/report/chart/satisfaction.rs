//! Survey satisfaction of one peer group in one survey: per agency (best index at the top), a dot
//! at the satisfaction index and a line over its 95% confidence interval, the group's mean index
//! as a dashed vertical line. A result below the survey's minimum sample is drawn grey and hollow
//! and says so beside its numbers; agencies of the group without a result are listed last.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use rust_decimal::Decimal;

use super::{
    Chart, DrawResult, Key, draw_legend, draw_row_labels, fmt_points, px, row_center, text, text_at,
};
use crate::report::view::{GroupView, f, slug};
use crate::score::result::{RunResult, SurveySummary};

/// Decimals the index and its interval are shown with (as the survey importer writes them).
const DECIMALS: u32 = 2;
/// Colour of results that reached the minimum sample, and of results below it.
const OK: RGBColor = RGBColor(0, 114, 178);
const BELOW: RGBColor = RGBColor(150, 150, 150);
const MEAN: RGBColor = RGBColor(60, 60, 60);
/// After the values of a result below the minimum sample: 样本量不足.
fn below_note() -> String {
    crate::t!("report-chart-below-minimum")
}

/// In place of an agency's row when it has no survey result: 无调查结果.
fn no_result() -> String {
    crate::t!("report-chart-no-result")
}

pub struct Satisfaction {
    name: String,
    /// The survey's id, when the run holds several surveys (and titles must tell them apart).
    survey: Option<String>,
    group_name: String,
    rows: Vec<Row>,
    /// Labels of the group's agencies without a result in this survey, in the group's order.
    missing: Vec<String>,
    /// Mean index over the rows.
    mean: Decimal,
    /// The axis of the whole group, when this is one part of it.
    axis: Option<(f64, f64)>,
    part: super::Part,
}

/// One agency's result, as drawn.
#[derive(Debug, Clone)]
pub struct Row {
    pub agency_id: String,
    /// Row label (the group view's label, which tells apart agencies of the same name).
    pub label: String,
    pub index: Decimal,
    pub ci: Option<(Decimal, Decimal)>,
    pub n: Option<u64>,
    pub below_minimum: bool,
}

impl Row {
    /// The numbers written right of the plot: index, interval, sample, and the below-minimum note.
    fn value_text(&self) -> String {
        let mut t = fmt_points(self.index, DECIMALS);
        if let Some((lo, hi)) = self.ci {
            t.push_str(&format!(" [{}, {}]", fmt_points(lo, DECIMALS), fmt_points(hi, DECIMALS)));
        }
        if let Some(n) = self.n {
            t.push_str(&format!("  n={n}"));
        }
        if self.below_minimum {
            t.push_str(&format!("  {}", below_note()));
        }
        t
    }
}

impl Satisfaction {
    /// The chart of `view`'s agencies in `survey`, or `None` when none of them has a result.
    /// `with_survey_in_name`: name the chart `satisfaction-<survey>-<group>` (when a run holds
    /// several surveys) rather than `satisfaction-<group>`.
    pub fn new(
        view: &GroupView<'_>,
        survey: &str,
        results: &[SurveySummary],
        with_survey_in_name: bool,
    ) -> Option<Self> {
        let mut rows = Vec::new();
        let mut missing = Vec::new();
        for (a, label) in view.agencies.iter().zip(&view.labels) {
            match results.iter().find(|r| r.survey == survey && r.agency_id == a.agency_id) {
                Some(r) => rows.push(Row {
                    agency_id: a.agency_id.clone(),
                    label: label.clone(),
                    index: r.index,
                    ci: r.ci_low.zip(r.ci_high).map(|(l, h)| (l.min(h), l.max(h))),
                    n: r.n,
                    below_minimum: r.below_minimum,
                }),
                None => missing.push(label.clone()),
            }
        }
        if rows.is_empty() {
            return None;
        }
        // Best index first; ties by agency id, so the order never depends on the input's.
        rows.sort_by(|a, b| b.index.cmp(&a.index).then_with(|| a.agency_id.cmp(&b.agency_id)));
        let mean = rows.iter().map(|r| r.index).sum::<Decimal>() / Decimal::from(rows.len());
        let group = slug(&view.summary.id);
        let name = if with_survey_in_name {
            format!("satisfaction-{}-{group}", slug(survey))
        } else {
            format!("satisfaction-{group}")
        };
        Some(Satisfaction {
            name,
            survey: with_survey_in_name.then(|| survey.to_string()),
            group_name: view.summary.name.clone(),
            rows,
            missing,
            mean,
            axis: None,
            part: None,
        })
    }

    /// The chart as page-sized parts (one when the group fits a page), on the group's axis and
    /// with the group's mean.
    pub fn split(self) -> Vec<Self> {
        let (nr, nm) = (self.rows.len(), self.missing.len());
        let axis = self.x_range();
        let ranges = super::parts(nr + nm, FIXED, ROW);
        super::numbered(&ranges)
            .zip(&ranges)
            .map(|(part, r)| Satisfaction {
                name: super::part_name(self.name.clone(), part),
                survey: self.survey.clone(),
                group_name: self.group_name.clone(),
                rows: self.rows[r.start.min(nr)..r.end.min(nr)].to_vec(),
                missing: self.missing[r.start.max(nr) - nr..r.end.max(nr) - nr].to_vec(),
                mean: self.mean,
                axis: Some(axis),
                part,
            })
            .collect()
    }

    /// The agencies with a result, in drawing order (top row first).
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The group's mean index.
    pub fn mean(&self) -> Decimal {
        self.mean
    }

    fn legend(&self) -> Vec<(String, Key)> {
        let mut l = vec![
            (crate::t!("report-chart-satisfaction-index"), Key::Dot(OK)),
            (crate::t!("report-chart-satisfaction-ci"), Key::Line(OK)),
            (
                crate::t!("report-chart-group-mean-value", mean = fmt_points(self.mean, DECIMALS)),
                Key::Dash(MEAN),
            ),
        ];
        if self.rows.iter().any(|r| r.below_minimum) {
            l.push((crate::t!("report-chart-below-minimum-key"), Key::Ring(BELOW)));
        }
        l
    }

    /// The x range: every index and interval end, with room either side, in whole points.
    fn x_range(&self) -> (f64, f64) {
        if let Some(a) = self.axis {
            return a;
        }
        let ends = self.rows.iter().flat_map(|r| {
            let (lo, hi) = r.ci.unwrap_or((r.index, r.index));
            [f(lo.min(r.index)), f(hi.max(r.index))]
        });
        let (lo, hi) =
            ends.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
        let lo = ((lo - 2.0) / 5.0).floor() * 5.0;
        let hi = ((hi + 2.0) / 5.0).ceil() * 5.0;
        (lo.max(0.0).min(hi - 5.0), hi)
    }
}

/// Height of one agency's row in logical pixels.
pub const ROW: f64 = 22.0;
/// Height of title, legend and axis.
const FIXED: f64 = 150.0;
/// Width of the column of numbers right of the plot, in logical pixels.
const VALUES: f64 = 230.0;

impl Chart for Satisfaction {
    fn name(&self) -> String {
        self.name.clone()
    }
    fn title(&self) -> String {
        let survey = self.survey.as_deref().unwrap_or_default();
        super::part_title(
            crate::t!("report-chart-satisfaction-title", group = self.group_name, survey = survey),
            self.part,
        )
    }
    fn size(&self) -> (u32, u32) {
        let lines = self.rows.len() + self.missing.len();
        (super::PAGE_WIDTH, (FIXED + ROW * lines as f64).round() as u32)
    }
    fn labels(&self) -> Vec<String> {
        let mut l: Vec<String> =
            self.rows.iter().flat_map(|r| [r.label.clone(), r.value_text()]).collect();
        l.extend(self.missing.iter().cloned());
        if !self.missing.is_empty() {
            l.push(no_result());
        }
        l.extend(self.legend().into_iter().map(|e| e.0));
        l.push(self.title());
        l
    }
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, s: f64) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let lines = self.rows.len() + self.missing.len();
        let (x_min, x_max) = self.x_range();
        let top = lines as f64 + 1.2;
        let mut labels: Vec<String> = self.rows.iter().map(|r| r.label.clone()).collect();
        labels.extend(self.missing.iter().cloned());
        let mut chart = ChartBuilder::on(root)
            .caption(self.title(), text(18.0, s))
            .margin(px(12.0, s))
            .margin_top(px(8.0, s))
            .margin_right(px(VALUES, s))
            .x_label_area_size(px(40.0, s))
            .y_label_area_size(px(super::label_area(&labels), s))
            .build_cartesian_2d(x_min..x_max, 0f64..top)?;
        let mut mesh = chart.configure_mesh();
        super::house_mesh(&mut mesh, s)
            .disable_y_mesh()
            .disable_y_axis()
            .x_desc(crate::t!("report-chart-satisfaction-index"))
            .draw()?;
        // Rows on an axis 0..lines; the space above is the legend's.
        draw_row_labels(root, &chart, x_min, &labels, s)?;

        let mean = f(self.mean);
        chart.draw_series(DashedLineSeries::new(
            [(mean, 0.0), (mean, lines as f64)],
            px(6.0, s),
            px(4.0, s),
            MEAN.stroke_width(px(1.0, s).max(1)),
        ))?;

        let r = px(4.5, s);
        let cap = px(3.5, s) as i32;
        let line_w = px(2.0, s).max(1);
        // Right edge of the plot, where the column of numbers starts.
        let (right, _) = chart.backend_coord(&(x_max, 0.0));
        let value_style = text_at(12.0, s, HPos::Left, VPos::Center);
        for (k, row) in self.rows.iter().enumerate() {
            let y = row_center(k, lines);
            let color = if row.below_minimum { BELOW } else { OK };
            if let Some((lo, hi)) = row.ci {
                let (lo, hi) = (f(lo), f(hi));
                chart.draw_series(std::iter::once(PathElement::new(
                    [(lo, y), (hi, y)],
                    color.stroke_width(line_w),
                )))?;
                for end in [lo, hi] {
                    chart.draw_series(std::iter::once(
                        EmptyElement::at((end, y))
                            + PathElement::new([(0, -cap), (0, cap)], color.stroke_width(line_w)),
                    ))?;
                }
            }
            let at = (f(row.index), y);
            if row.below_minimum {
                // Hollow: white inside (the interval line does not run through it), grey ring.
                chart.draw_series(std::iter::once(Circle::new(at, r, WHITE.filled())))?;
                chart.draw_series(std::iter::once(Circle::new(
                    at,
                    r,
                    color.stroke_width(px(1.5, s).max(1)),
                )))?;
            } else {
                chart.draw_series(std::iter::once(Circle::new(at, r, color.filled())))?;
            }
            let (_, by) = chart.backend_coord(&at);
            let style =
                if row.below_minimum { value_style.color(&BELOW) } else { value_style.clone() };
            root.draw(&Text::new(row.value_text(), (right + px(10.0, s) as i32, by), style))?;
        }
        let grey = value_style.color(&BELOW);
        for k in self.rows.len()..lines {
            let (bx, by) = chart.backend_coord(&(x_min, row_center(k, lines)));
            root.draw(&Text::new(no_result(), (bx + px(8.0, s) as i32, by), grey.clone()))?;
        }
        // The legend on a white ground above the rows, so the grid does not run through it.
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x_min, lines as f64 + 0.1), (x_max, top)],
            WHITE.filled(),
        )))?;
        let (lx, ly) = chart.backend_coord(&(x_min, lines as f64 + 0.6));
        let legend = self.legend();
        draw_legend(root, (lx + px(8.0, s) as i32, ly), &legend, (legend.len(), 150.0), s)?;
        Ok(())
    }
}

/// The satisfaction charts of one group: one per survey of `result` (by id) with a result for an
/// agency of the group. Charts are named by group alone unless the run holds several surveys.
pub fn for_group(view: &GroupView<'_>, result: &RunResult) -> Vec<Satisfaction> {
    let mut surveys: Vec<&str> = result.surveys.iter().map(|r| r.survey.as_str()).collect();
    surveys.sort_unstable();
    surveys.dedup();
    let several = surveys.len() > 1;
    surveys
        .iter()
        .filter_map(|s| Satisfaction::new(view, s, &result.surveys, several))
        .flat_map(Satisfaction::split)
        .collect()
}
