//! Change against last year for a peer group (a dumbbell chart): per agency, last year's total (open
//! circle) joined to this year's (filled), green when it rose and red when it fell. Agencies with
//! no result last year show only this year's dot.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use rust_decimal::Decimal;

use super::{Chart, DrawResult, draw_row_labels, fmt_points, px, row_center, text, text_at};
use crate::report::previous::Previous;
use crate::report::view::{GroupView, f, slug};

pub struct Change {
    group_id: String,
    group_name: String,
    labels: Vec<String>,
    /// Per agency: (last year's total if any, this year's total).
    totals: Vec<(Option<Decimal>, Decimal)>,
    /// Per agency: (last year's rank if any, this year's rank).
    ranks: Vec<(Option<u32>, u32)>,
    decimals: u32,
    /// The axis: the same for every part of a split group.
    x_range: (f64, f64),
    part: super::Part,
}

/// Height of one agency's row, and of title, legend and axis.
const ROW: f64 = 22.0;
const FIXED: f64 = 130.0;

impl Change {
    pub fn new(view: &GroupView<'_>, previous: &Previous, decimals: u32) -> Self {
        Change {
            group_id: view.summary.id.clone(),
            group_name: view.summary.name.clone(),
            labels: view.labels.clone(),
            totals: view.agencies.iter().map(|a| (previous.total(&a.agency_id), a.total)).collect(),
            ranks: view
                .agencies
                .iter()
                .map(|a| (previous.rows.get(&a.agency_id).map(|r| r.rank), a.rank))
                .collect(),
            decimals,
            x_range: (0.0, 100.0),
            part: None,
        }
        .with_axis()
    }

    fn with_axis(mut self) -> Self {
        let all: Vec<f64> = self
            .totals
            .iter()
            .flat_map(|(p, t)| p.iter().chain(std::iter::once(t)).map(|d| f(*d)))
            .collect();
        let lo = all.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if lo.is_finite() {
            self.x_range = ((lo - 5.0).floor().max(0.0), hi + 8.0);
        }
        self
    }

    /// The chart as page-sized parts (one when the group fits a page), on one scale.
    pub fn split(self) -> Vec<Self> {
        let ranges = super::parts(self.labels.len(), FIXED, ROW);
        super::numbered(&ranges)
            .zip(&ranges)
            .map(|(part, r)| Change {
                group_id: self.group_id.clone(),
                group_name: self.group_name.clone(),
                labels: self.labels[r.clone()].to_vec(),
                totals: self.totals[r.clone()].to_vec(),
                ranks: self.ranks[r.clone()].to_vec(),
                decimals: self.decimals,
                x_range: self.x_range,
                part,
            })
            .collect()
    }
}

impl Chart for Change {
    fn name(&self) -> String {
        super::part_name(format!("change-{}", slug(&self.group_id)), self.part)
    }
    fn title(&self) -> String {
        super::part_title(
            crate::t!("report-chart-change-title", group = self.group_name),
            self.part,
        )
    }
    fn size(&self) -> (u32, u32) {
        (super::PAGE_WIDTH, (FIXED + ROW * self.labels.len() as f64).round() as u32)
    }
    fn labels(&self) -> Vec<String> {
        let mut l = self.labels.clone();
        l.push(self.title());
        l
    }
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, s: f64) -> DrawResult<DB> {
        root.fill(&WHITE)?;
        let n = self.labels.len();
        let (x_min, x_max) = self.x_range;
        let mut chart = ChartBuilder::on(root)
            .caption(self.title(), text(18.0, s))
            .margin(px(12.0, s))
            .x_label_area_size(px(40.0, s))
            .y_label_area_size(px(super::label_area(&self.labels), s))
            .build_cartesian_2d(x_min..x_max, 0f64..n as f64 + 0.8)?;
        let mut mesh = chart.configure_mesh();
        super::house_mesh(&mut mesh, s)
            .disable_y_mesh()
            .disable_y_axis()
            .x_desc(crate::t!("report-chart-change-axis"))
            .draw()?;
        draw_row_labels(root, &chart, x_min, &self.labels, s)?;
        let (up, down, same) = (RGBColor(26, 152, 80), RGBColor(215, 48, 39), RGBColor(90, 90, 90));
        for (k, (prev, now)) in self.totals.iter().enumerate() {
            let y = row_center(k, n);
            let now_x = f(*now);
            let color = match prev {
                Some(p) if now > p => up,
                Some(p) if now < p => down,
                _ => same,
            };
            if let Some(p) = prev {
                chart.draw_series(std::iter::once(PathElement::new(
                    [(f(*p), y), (now_x, y)],
                    color.stroke_width(px(3.0, s).max(1)),
                )))?;
                chart.draw_series(std::iter::once(Circle::new(
                    (f(*p), y),
                    px(5.0, s),
                    color.stroke_width(px(1.5, s).max(1)),
                )))?;
            }
            chart.draw_series(std::iter::once(Circle::new(
                (now_x, y),
                px(5.0, s),
                color.filled(),
            )))?;
            let delta = delta_text(*prev, *now, self.ranks[k], self.decimals);
            let right = prev.map(|p| f(p).max(now_x)).unwrap_or(now_x);
            chart.draw_series(std::iter::once(
                EmptyElement::at((right, y))
                    + Text::new(
                        delta,
                        (px(10.0, s) as i32, 0),
                        text_at(12.0, s, HPos::Left, VPos::Center),
                    ),
            ))?;
        }
        Ok(())
    }
}

/// The note beside an agency's dots: the change of its total and, when its rank changed, the
/// ranks. Rank 0 is no rank (a veto that leaves the agency unranked): it is named as such, never
/// shown as a rank 0.
fn delta_text(
    prev: Option<Decimal>,
    now: Decimal,
    ranks: (Option<u32>, u32),
    decimals: u32,
) -> String {
    let Some(p) = prev else {
        return crate::t!("report-chart-change-new");
    };
    let sign = if now > p { "+" } else { "" };
    let change = format!("{sign}{}", fmt_points(now - p, decimals));
    match ranks {
        (Some(was), is) if was == is && was == 0 => {
            crate::t!("report-chart-change-unranked", change = change)
        }
        (Some(was), is) if was == is => change,
        (Some(0), is) => crate::t!("report-chart-change-ranked-now", change = change, now = is),
        (Some(was), 0) => crate::t!("report-chart-change-unranked-now", change = change, was = was),
        (Some(was), is) => {
            crate::t!("report-chart-change-rank", change = change, was = was, now = is)
        }
        (None, _) => change,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::i18n::{Lang, set_thread_lang};
    use rust_decimal_macros::dec;

    #[test]
    fn unranked_is_not_rank_zero() {
        set_thread_lang(Some(Lang::En));
        let t = |was, is| delta_text(Some(dec!(80)), dec!(82.5), (Some(was), is), 1);
        assert_eq!(t(3, 1), "+2.5, rank 3→1");
        assert_eq!(t(2, 2), "+2.5");
        assert_eq!(t(3, 0), "+2.5, rank 3→unranked");
        assert_eq!(t(0, 4), "+2.5, unranked→rank 4");
        assert_eq!(t(0, 0), "+2.5, unranked both years");
        assert_eq!(delta_text(None, dec!(82.5), (None, 0), 1), "not ranked last year");
        set_thread_lang(Some(Lang::Zh));
        assert_eq!(t(3, 0), "+2.5，名次 3→不排名");
        assert_eq!(t(0, 4), "+2.5，不排名→名次 4");
        set_thread_lang(None);
    }
}
