//! robustness.svg: per group, one row per agency in baseline rank order; for each analysis a bar
//! from the 5th to the 95th percentile of its rank, thin whiskers to the extremes, and a dot at
//! the baseline rank. Plain SVG text, so the file is the same bytes for the same results.

use super::{Analysis, Interval};

const ROW: u32 = 14;
const LEFT: u32 = 190;
const WIDTH: u32 = 520;
const COLOURS: [&str; 2] = ["#1f77b4", "#ff7f0e"];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

pub fn to_svg(analyses: &[Analysis]) -> String {
    let Some(first) = analyses.first() else { return String::new() };
    // Groups in baseline order, each with its agencies.
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, a) in first.agencies.iter().enumerate() {
        match groups.last_mut() {
            Some((g, v)) if *g == a.group => v.push(i),
            _ => groups.push((a.group.as_str(), vec![i])),
        }
    }
    let rows: u32 = groups.iter().map(|(_, v)| v.len() as u32 + 3).sum();
    let height = 40 + rows * ROW;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"10\">\n",
        LEFT + WIDTH + 20
    );
    s.push_str("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    let mut x0 = LEFT;
    for (k, an) in analyses.iter().enumerate() {
        s.push_str(&format!(
            "<rect x=\"{x0}\" y=\"8\" width=\"10\" height=\"8\" fill=\"{}\"/><text x=\"{}\" y=\"16\">{}</text>\n",
            COLOURS[k % 2],
            x0 + 14,
            esc(&crate::t!("robust-chart-key", kind = an.kind.name(), replicates = an.replicates))
        ));
        x0 += 260;
    }
    let mut y = 40;
    for (g, members) in &groups {
        let n = members.len().max(1) as u32;
        let x =
            |rank: u32| LEFT + (rank.saturating_sub(1)) * WIDTH / n.max(2).saturating_sub(1).max(1);
        s.push_str(&format!(
            "<text x=\"4\" y=\"{}\" font-weight=\"bold\">{} ({n})</text>\n",
            y + 10,
            esc(g)
        ));
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{n}</text>\n",
            LEFT,
            y + 10,
            esc(&crate::t!("robust-chart-first")),
            LEFT + WIDTH,
            y + 10
        ));
        y += 2 * ROW;
        for &i in members {
            let a: &Interval = &first.agencies[i];
            s.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{} {}</text>\n",
                LEFT - 6,
                y + 9,
                esc(&a.agency_id),
                esc(&a.agency)
            ));
            for (k, an) in analyses.iter().enumerate() {
                let b = &an.agencies[i];
                let yy = y + 3 + 5 * k as u32;
                let c = COLOURS[k % 2];
                s.push_str(&format!(
                    "<line x1=\"{}\" x2=\"{}\" y1=\"{yy}\" y2=\"{yy}\" stroke=\"{c}\" stroke-width=\"1\"/><line x1=\"{}\" x2=\"{}\" y1=\"{yy}\" y2=\"{yy}\" stroke=\"{c}\" stroke-width=\"4\"/><circle cx=\"{}\" cy=\"{yy}\" r=\"2\" fill=\"black\"/>\n",
                    x(b.min),
                    x(b.max),
                    x(b.p05),
                    x(b.p95).max(x(b.p05) + 1),
                    x(b.rank)
                ));
            }
            y += ROW;
        }
        y += ROW;
    }
    s.push_str("</svg>\n");
    s
}
