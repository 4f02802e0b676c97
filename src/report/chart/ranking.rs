//! Ranking of one peer group: a horizontal bar per agency, best at the top, coloured by grade, with
//! the grade thresholds drawn as dashed vertical lines.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use rust_decimal::Decimal;

use super::{
    Chart, DrawResult, draw_row_labels, fmt_points, grade_color, px, row_center, row_span, text,
    text_at,
};
use crate::report::view::{GroupView, f, grade_index, slug, thresholds};

pub struct Ranking {
    group_id: String,
    group_name: String,
    rows: Vec<Row>,
    bands: usize,
    thresholds: Vec<(String, Decimal)>,
    scheme_total: Decimal,
    decimals: u32,
    /// The right end of the axis: the same for every part of a split group.
    x_max: f64,
    part: super::Part,
}

#[derive(Clone)]
struct Row {
    label: String,
    rank: u32,
    total: Decimal,
    grade: String,
    grade_index: Option<usize>,
    demoted: bool,
    /// The veto's name, when one applied.
    veto: Option<String>,
}

impl Ranking {
    pub fn new(view: &GroupView<'_>, scheme_total: Decimal, decimals: u32) -> Self {
        let rows = view
            .agencies
            .iter()
            .zip(&view.labels)
            .map(|(a, l)| Row {
                label: l.clone(),
                rank: a.rank,
                total: a.total,
                grade: a.grade.clone(),
                grade_index: grade_index(view.summary, &a.grade),
                demoted: a.demoted_by_quota,
                veto: a.veto.as_ref().map(|v| v.name.clone()),
            })
            .collect();
        Ranking {
            group_id: view.summary.id.clone(),
            group_name: view.summary.name.clone(),
            rows,
            bands: view.summary.grades.len(),
            thresholds: thresholds(view.summary),
            scheme_total,
            decimals,
            x_max: 0.0,
            part: None,
        }
        .with_axis()
    }

    fn with_axis(mut self) -> Self {
        let max_total =
            self.rows.iter().map(|r| r.total).max().unwrap_or_default().max(self.scheme_total);
        // Room right of the longest bar for its value and grade.
        self.x_max = f(max_total) * 1.3;
        self
    }

    /// The chart as page-sized parts (one when the group fits a page), on one scale.
    pub fn split(self) -> Vec<Self> {
        let ranges = super::parts(self.rows.len(), FIXED, ROW);
        super::numbered(&ranges)
            .zip(&ranges)
            .map(|(part, r)| Ranking {
                group_id: self.group_id.clone(),
                group_name: self.group_name.clone(),
                rows: self.rows[r.clone()].to_vec(),
                bands: self.bands,
                thresholds: self.thresholds.clone(),
                scheme_total: self.scheme_total,
                decimals: self.decimals,
                x_max: self.x_max,
                part,
            })
            .collect()
    }
}

/// Height of one agency's row in logical pixels.
pub const ROW: f64 = 22.0;
/// Height of title, threshold names and axis.
const FIXED: f64 = 120.0;

impl Chart for Ranking {
    fn name(&self) -> String {
        super::part_name(format!("ranking-{}", slug(&self.group_id)), self.part)
    }
    fn title(&self) -> String {
        super::part_title(
            crate::t!("report-chart-ranking-title", group = self.group_name),
            self.part,
        )
    }
    fn size(&self) -> (u32, u32) {
        (super::PAGE_WIDTH, (FIXED + ROW * self.rows.len() as f64).round() as u32)
    }
    fn labels(&self) -> Vec<String> {
        let mut l: Vec<String> =
            self.rows.iter().flat_map(|r| [r.label.clone(), r.grade.clone()]).collect();
        l.extend(self.rows.iter().filter_map(|r| r.veto.clone()));
        l.extend(self.thresholds.iter().map(|t| t.0.clone()));
        l.push(self.title());
        l
    }
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, s: f64) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let n = self.rows.len();
        let x_max = self.x_max;
        let labels: Vec<String> = self
            .rows
            .iter()
            .map(|r| format!("{}. {}", crate::score::result::shown_rank(r.rank), r.label))
            .collect();
        let mut chart = ChartBuilder::on(root)
            .caption(self.title(), text(18.0, s))
            .margin(px(12.0, s))
            .margin_top(px(8.0, s))
            .x_label_area_size(px(40.0, s))
            .y_label_area_size(px(super::label_area(&labels), s))
            .build_cartesian_2d(0f64..x_max, 0f64..n as f64 + 0.8)?;
        let mut mesh = chart.configure_mesh();
        super::house_mesh(&mut mesh, s)
            .disable_y_mesh()
            .disable_y_axis()
            .x_desc(crate::t!("report-chart-total"))
            .draw()?;
        draw_row_labels(root, &chart, 0.0, &labels, s)?;

        chart.draw_series(self.rows.iter().enumerate().map(|(k, r)| {
            let (lo, hi) = row_span(k, n, 0.14);
            Rectangle::new(
                [(0.0, lo), (f(r.total), hi)],
                grade_color(r.grade_index, self.bands).filled(),
            )
        }))?;
        // Grade thresholds: dashed lines over the whole height, named at the top.
        for (name, min) in &self.thresholds {
            let x = f(*min);
            chart.draw_series(DashedLineSeries::new(
                [(x, 0.0), (x, n as f64 + 0.1)],
                px(6.0, s),
                px(4.0, s),
                RGBColor(60, 60, 60).stroke_width(px(1.0, s).max(1)),
            ))?;
            chart.draw_series(std::iter::once(Text::new(
                format!("{name} ≥ {min}"),
                (x, n as f64 + 0.15),
                text_at(12.0, s, HPos::Center, VPos::Bottom),
            )))?;
        }
        // Value labels last, on a white ground, so the threshold lines never run through them.
        let style = text_at(12.0, s, HPos::Left, VPos::Center);
        for (k, r) in self.rows.iter().enumerate() {
            let mut label = format!("{}  {}", fmt_points(r.total, self.decimals), r.grade);
            if r.demoted {
                label.push_str(&crate::t!("report-chart-quota"));
            }
            if let Some(v) = &r.veto {
                label.push_str(&crate::t!("report-chart-veto-named", veto = v));
            }
            let (w, h) = root.estimate_text_size(&label, &style)?;
            let (dx, pad) = (px(5.0, s) as i32, px(2.0, s) as i32);
            let (w, h) = (w as i32, h as i32);
            chart.draw_series(std::iter::once(
                EmptyElement::at((f(r.total), row_center(k, n)))
                    + Rectangle::new(
                        [(dx - pad, -h / 2 - pad), (dx + w + pad, h / 2 + pad)],
                        WHITE.filled(),
                    )
                    + Text::new(label, (dx, 0), style.clone()),
            ))?;
        }
        Ok(())
    }
}
