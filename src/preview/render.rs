//! A preview as terminal text and as a self-contained HTML page (no scripts, no network).

use std::fmt::Write;

use super::{Preview, Scenario};
use crate::output::text::{dp, explain_agency};
use std::borrow::Cow;

use crate::score::ledger::LedgerLine;

fn signed(l: &LedgerLine) -> String {
    format!(
        "{:+}",
        l.points
            .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .normalize()
    )
}

fn scenario_text(s: &mut String, p: &Preview, sc: &Scenario) {
    let n = p.scheme.decimals;
    let a = &p.agency;
    let delta = sc.total - a.total;
    let _ = writeln!(s, "\n{}", crate::t!("preview-text-what-if", label = sc.label));
    let _ = writeln!(
        s,
        "  {}",
        crate::t!(
            "preview-text-official",
            total = format!("{:>7}", dp(a.total, n)),
            grade = a.grade,
            rank = crate::score::result::shown_rank(a.rank),
            size = p.group_size
        )
    );
    let _ = writeln!(
        s,
        "  {}",
        crate::t!(
            "preview-text-assumed",
            total = format!("{:>7}", dp(sc.total, n)),
            grade = sc.grade,
            rank = crate::score::result::shown_rank(sc.rank),
            size = p.group_size,
            change =
                if delta.is_sign_negative() { dp(delta, n) } else { format!("+{}", dp(delta, n)) }
        )
    );
    if sc.removed.is_empty() && sc.added.is_empty() {
        let _ = writeln!(s, "  {}", crate::t!("preview-text-no-change"));
    }
    for (mark, lines) in [("-", &sc.removed), ("+", &sc.added)] {
        for l in lines {
            let src = l.source.as_ref().map(|x| format!("  [{x}]")).unwrap_or_default();
            let _ = writeln!(s, "  {mark} {:>9}  {:<14} {}{src}", signed(l), l.rule, l.detail);
        }
    }
}

pub fn text(p: &Preview) -> String {
    let mut s = explain_agency(&p.scheme, &p.agency, p.group_size);
    let n = p.scheme.decimals;
    let g = &p.aggregates;
    match &g.totals {
        Some(t) => {
            let _ = writeln!(
                s,
                "\n{}",
                crate::t!(
                    "preview-text-aggregates",
                    group = g.group_name,
                    size = g.size,
                    mean = dp(t.mean, n),
                    median = dp(t.median, n),
                    top = dp(t.top, n)
                )
            );
        }
        None => {
            let _ = writeln!(
                s,
                "\n{}",
                crate::t!(
                    "preview-text-withheld",
                    group = g.group_name,
                    size = g.size,
                    min = super::aggregates::MIN_GROUP
                )
            );
        }
    }
    for sc in p.what_if.iter().chain(&p.if_appeals_won) {
        scenario_text(&mut s, p, sc);
    }
    s
}

/// Escape text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const STYLE: &str = "body{font-family:\"Noto Sans SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:2em auto;max-width:72em;color:#222}\
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}\
th{background:#f2f2f2;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}\
.neg{color:#a00}.pos{color:#070}.muted{color:#777}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em}";

/// The preview as a self-contained page. `chart_png`, if given, is inlined as a data URL (the
/// agency-against-group chart). The embedded font is inlined too (`@font-face` from a data URL,
/// as in report.html), so Chinese renders on a machine with no CJK font.
///
/// Order, as an agency acts on it: the result and how far the next grade and rank are; where
/// points were lost, largest first; what-if; the group comparison; the full ledger.
pub fn html(p: &Preview, chart_png: Option<&[u8]>) -> String {
    let a = &p.agency;
    let mut h = String::new();
    let font = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(crate::report::font::FONT_BYTES)
    };
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{} — {}</title>\
         <style>\n@font-face{{font-family:'{}';src:url(data:font/otf;base64,{font}) format('opentype');}}\n{STYLE}</style></head><body>\n",
        crate::t!("preview-html-lang"),
        esc(&a.agency),
        esc(&p.scheme.title),
        crate::report::font::FACE_NAME
    );
    let _ = writeln!(h, "<h1>{}({})</h1>", esc(&a.agency), esc(&a.agency_id));
    let subtitle = crate::t!(
        "preview-subtitle",
        scheme = p.scheme.title,
        group = p.aggregates.group_name,
        basis = p.scheme.basis
    );
    let _ = writeln!(h, "<p>{}</p>", esc(&subtitle));
    headline(&mut h, p);
    lost_points(&mut h, p);
    for sc in p.what_if.iter().chain(&p.if_appeals_won) {
        scenario_html(&mut h, p, sc);
    }
    group_comparison(&mut h, p, chart_png);
    let _ = writeln!(h, "<h2>{}</h2>", crate::t!("preview-ledger-heading"));
    ledger_table(&mut h, &a.ledger.lines());
    let footer =
        crate::t!("preview-footer", version = env!("CARGO_PKG_VERSION"), scheme = p.scheme.id);
    let _ = writeln!(h, "<p class=muted>{}</p>\n</body></html>", esc(&footer));
    h
}

/// A table's header row.
fn header_row(titles: &[String]) -> String {
    let cells: String = titles.iter().map(|t| format!("<th>{}</th>", esc(t))).collect();
    format!("<tr>{cells}</tr>")
}

/// The points to the next grade and to the next rank, in words (shared with preview.pdf).
pub fn gaps(p: &Preview) -> (String, String) {
    let n = p.scheme.decimals;
    let next_grade = match &p.gaps.next_grade {
        Some((g, d)) => crate::t!("preview-to-next-grade", points = dp(*d, n), grade = g),
        None => crate::t!("preview-top-grade"),
    };
    let next_rank = match p.gaps.next_rank {
        Some(d) => crate::t!("preview-to-next-rank", points = dp(d, n)),
        None => crate::t!("preview-first"),
    };
    (next_grade, next_rank)
}

/// Column titles of the result table.
pub fn headline_titles() -> Vec<String> {
    vec![
        crate::t!("preview-col-total"),
        crate::t!("preview-col-grade"),
        crate::t!("preview-col-rank"),
        crate::t!("preview-col-next-grade"),
        crate::t!("preview-col-next-rank"),
    ]
}

/// Column titles of the lost-points table.
pub fn lost_titles() -> Vec<String> {
    vec![
        crate::t!("preview-col-lost"),
        crate::t!("preview-col-rule"),
        crate::t!("preview-col-finding"),
        crate::t!("preview-col-source"),
        crate::t!("preview-col-recoverable"),
    ]
}

/// Column titles of a what-if's comparison table.
pub fn scenario_titles() -> Vec<String> {
    vec![
        String::new(),
        crate::t!("preview-col-total"),
        crate::t!("preview-col-grade"),
        crate::t!("preview-col-rank-short"),
    ]
}

/// Column titles of the group aggregates.
pub fn aggregate_titles() -> Vec<String> {
    vec![
        crate::t!("preview-col-group"),
        crate::t!("preview-col-size"),
        crate::t!("preview-col-mean"),
        crate::t!("preview-col-median"),
        crate::t!("preview-col-top"),
    ]
}

/// Column titles of the per-dimension table.
pub fn dimension_titles() -> Vec<String> {
    vec![
        crate::t!("preview-col-dimension"),
        crate::t!("preview-col-points"),
        crate::t!("preview-col-max"),
        crate::t!("preview-col-rate"),
        crate::t!("preview-col-group-rate"),
        crate::t!("preview-col-group-range"),
    ]
}

/// Column titles of a ledger table.
pub fn ledger_titles() -> Vec<String> {
    vec![
        crate::t!("preview-col-value"),
        crate::t!("preview-col-rule"),
        crate::t!("preview-col-detail"),
        crate::t!("preview-col-source"),
    ]
}

/// Total, grade, rank, and the points to the next grade and the next rank.
fn headline(h: &mut String, p: &Preview) {
    let n = p.scheme.decimals;
    let a = &p.agency;
    let (next_grade, next_rank) = gaps(p);
    let demoted = if a.demoted_by_quota {
        format!(" <span class=muted>{}</span>", esc(&crate::t!("preview-demoted")))
    } else {
        String::new()
    };
    let _ = writeln!(
        h,
        "<table>{}\
         <tr><td class=n>{}</td><td>{}{demoted}</td><td class=n>{} / {}</td><td>{}</td><td>{}</td></tr></table>",
        header_row(&headline_titles()),
        dp(a.total, n),
        esc(&a.grade),
        crate::score::result::shown_rank(a.rank),
        p.group_size,
        esc(&next_grade),
        esc(&next_rank),
    );
    if let Some(v) = &a.veto {
        let veto = crate::t!("preview-veto", veto = v.name, source = v.source);
        let _ = writeln!(h, "<p><b>{}</b></p>", esc(&veto));
    }
}

/// Every line that took points away, largest loss first, with its finding, its evidence and
/// what rectifying it is worth at most (the line's own points, before caps and 折算).
fn lost_points(h: &mut String, p: &Preview) {
    let lost = lost_lines(p);
    let _ = writeln!(h, "<h2>{}</h2>", crate::t!("preview-lost-heading"));
    if lost.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", crate::t!("preview-no-loss"));
        return;
    }
    let _ = writeln!(h, "<table>{}", header_row(&lost_titles()));
    for l in &lost {
        let _ = writeln!(
            h,
            "<tr><td class=\"n neg\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=n>{}</td></tr>",
            signed(l),
            esc(&l.rule),
            esc(&l.detail.to_string()),
            esc(&l.source_text()),
            signed_abs(l)
        );
    }
    let _ = writeln!(h, "</table><p class=muted>{}</p>", esc(&crate::t!("preview-lost-note")));
}

/// The ledger lines that took points away, largest loss first. Rounding and the rescale are
/// arithmetic, not findings: nothing to rectify.
pub fn lost_lines(p: &Preview) -> Vec<Cow<'_, LedgerLine>> {
    let mut lost: Vec<Cow<'_, LedgerLine>> = p
        .agency
        .ledger
        .iter()
        .filter(|l| l.points < rust_decimal::Decimal::ZERO)
        .filter(|l| {
            &*l.rule != "rounding" && l.component != crate::score::ledger::Component::Rescale
        })
        .collect();
    lost.sort_by(|x, y| x.points.cmp(&y.points).then_with(|| x.rule.cmp(&y.rule)));
    lost
}

fn signed_abs(l: &LedgerLine) -> String {
    format!(
        "+{}",
        l.points
            .abs()
            .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .normalize()
    )
}

fn scenario_html(h: &mut String, p: &Preview, sc: &Scenario) {
    let n = p.scheme.decimals;
    let a = &p.agency;
    let heading = crate::t!("preview-what-if-heading", label = sc.label);
    let _ = writeln!(h, "<h2>{}</h2>", esc(&heading));
    let _ = writeln!(
        h,
        "<table>{}<tr><td>{}</td><td class=n>{}</td><td>{}</td><td class=n>{} / {}</td></tr><tr><td>{}</td><td class=n>{}</td><td>{}</td><td class=n>{} / {}</td></tr></table>",
        header_row(&scenario_titles()),
        crate::t!("preview-official"),
        dp(a.total, n),
        esc(&a.grade),
        crate::score::result::shown_rank(a.rank),
        p.group_size,
        crate::t!("preview-assumed"),
        dp(sc.total, n),
        esc(&sc.grade),
        crate::score::result::shown_rank(sc.rank),
        p.group_size
    );
    if !sc.removed.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", crate::t!("preview-removed-intro"));
        ledger_table(h, &sc.removed);
    }
    if !sc.added.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", crate::t!("preview-added-intro"));
        ledger_table(h, &sc.added);
    }
}

/// Group aggregates, the chart and the per-dimension table.
fn group_comparison(h: &mut String, p: &Preview, chart_png: Option<&[u8]>) {
    let n = p.scheme.decimals;
    let a = &p.agency;
    let g = &p.aggregates;
    match &g.totals {
        Some(t) => {
            let _ = writeln!(
                h,
                "<h2>{}</h2><table>{}<tr><td>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr></table>",
                crate::t!("preview-aggregates"),
                header_row(&aggregate_titles()),
                esc(&g.group_name),
                g.size,
                dp(t.mean, n),
                dp(t.median, n),
                dp(t.top, n)
            );
        }
        None => {
            let withheld =
                crate::t!("preview-aggregates-withheld", min = super::aggregates::MIN_GROUP);
            let _ = writeln!(h, "<p class=muted>{}</p>", esc(&withheld));
        }
    }
    if let Some(png) = chart_png {
        use base64::Engine;
        let data = base64::engine::general_purpose::STANDARD.encode(png);
        let _ = writeln!(
            h,
            "<h2>{}</h2>\n<p><img style=\"max-width:100%\" alt=\"{}\" src=\"data:image/png;base64,{data}\"></p>",
            crate::t!("preview-chart-heading"),
            esc(&crate::t!("preview-chart-caption", agency = a.agency))
        );
    }
    let _ = writeln!(
        h,
        "<h2>{}</h2><table>{}",
        crate::t!("preview-dimensions"),
        header_row(&dimension_titles())
    );
    for (i, d) in p.scheme.dimensions.iter().enumerate() {
        let pts = a.dimensions.get(i).copied().flatten();
        let max = a.dimension_max.get(i).copied().unwrap_or_default();
        let r = super::aggregates::rate(pts, max);
        let gr = g.dimension_rates.get(i).cloned().flatten();
        let _ = writeln!(
            h,
            "<tr><td>{} {}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr>",
            esc(&d.id),
            esc(&d.name),
            pts.map(|v| dp(v, n)).unwrap_or_else(|| crate::t!("preview-not-applicable")),
            max.normalize(),
            r.map(|v| format!("{v}%")).unwrap_or_default(),
            gr.as_ref().map(|x| format!("{}%", x.mean)).unwrap_or_default(),
            gr.as_ref().map(|x| format!("{}% – {}%", x.min, x.max)).unwrap_or_default()
        );
    }
    let _ = writeln!(h, "</table>");
}

fn ledger_table(h: &mut String, lines: &[LedgerLine]) {
    let _ = writeln!(h, "<table>{}", header_row(&ledger_titles()));
    for l in lines {
        let class =
            if l.points.is_sign_negative() && !l.points.is_zero() { "n neg" } else { "n pos" };
        let _ = writeln!(
            h,
            "<tr><td class=\"{class}\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            signed(l),
            esc(&l.rule),
            esc(&l.detail.to_string()),
            esc(&l.source_text())
        );
    }
    let _ = writeln!(h, "</table>");
}
