//! report.html: one self-contained file (charts as inline SVG, the embedded font as a data URL,
//! no script, no network), readable offline in any browser.
//!
//! The inline SVGs name the CSS font list [`font::FAMILY`]; the page defines its first entry,
//! "Noto Sans SC", with `@font-face` from the embedded font, so Chinese renders as glyphs even on a
//! machine without a CJK font.

use std::fmt::Write;

use base64::Engine;

use crate::report::chart::Rendered;
use crate::report::font;
use crate::report::markdown::sorted_inputs;
use crate::report::table::{self, Cell};
use crate::report::view::{self, grade_counts};
use crate::score::result::RunResult;

/// Notes on method, shared with report.md.
pub fn method_notes() -> Vec<String> {
    vec![
        crate::t!("report-method-rate"),
        crate::t!("report-method-rescale"),
        crate::t!("report-method-total"),
        crate::t!("report-method-rank"),
    ]
}

/// Column titles of the input-files table, shared with report.md.
pub fn input_titles() -> Vec<String> {
    vec![
        crate::t!("report-inputs-kind"),
        crate::t!("report-inputs-file"),
        "SHA-256".to_string(),
        crate::t!("report-inputs-read"),
        crate::t!("report-inputs-used"),
        crate::t!("report-inputs-rejected"),
    ]
}

const STYLE: &str = "
body{font-family:'Noto Sans SC','Microsoft YaHei','PingFang SC',sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.7em}h2{margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:1em 0;font-size:.9em}
th,td{border:1px solid #ccc;padding:.25em .5em;white-space:nowrap}
.wide{overflow-x:auto}th{background:#f3f3f3}
td.n{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1.5em 0}figure svg{max-width:100%;height:auto}
figcaption{font-size:.9em;color:#555}
code{font-size:.85em;word-break:break-all}
details{margin:.5em 0}summary{cursor:pointer}
.warn{color:#a00}
@page{size:A4;margin:12mm}
@page wide{size:A4 landscape;margin:10mm}
@media print{
body{max-width:none;margin:0;padding:0;font-size:10pt}
.wide{overflow:visible;page:wide}
.wide table{width:100%;font-size:6.5pt}
th,td{padding:.1em .2em}
th{white-space:normal;word-break:keep-all}
td{white-space:nowrap}
thead{display:table-header-group}
tr,figure{break-inside:avoid}
h2{break-after:avoid}
figure svg{max-width:100%;height:auto;max-height:250mm}
figure{break-inside:avoid}
}
";

pub struct Page<'a> {
    pub result: &'a RunResult,
    pub charts: &'a [Rendered],
    /// Where last year's results came from, if given.
    pub previous: Option<&'a str>,
    /// Labels the embedded font cannot draw.
    pub warnings: &'a [String],
}

/// The report page: head, grade distribution, one section per group, notes and sources.
pub fn write(page: &Page<'_>) -> String {
    let mut o = String::new();
    head(&mut o, page);
    distribution(&mut o, page);
    let titles = table::titles(page.result);
    for g in view::groups(page.result) {
        group_section(&mut o, page, &g, &titles);
    }
    notes(&mut o, page);
    o
}

/// The document head with the embedded font, the title, basis and font warnings.
fn head(o: &mut String, page: &Page<'_>) {
    let s = &page.result.scheme;
    let font_url = base64::engine::general_purpose::STANDARD.encode(font::FONT_BYTES);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n\
         <style>\n@font-face{{font-family:'{}';src:url(data:font/otf;base64,{font_url}) format('opentype');}}\n{STYLE}</style>\n\
         </head>\n<body>\n",
        crate::t!("report-html-lang"),
        esc(&crate::t!("report-md-title", title = s.title)),
        font::FACE_NAME,
    );
    let _ = writeln!(o, "<h1>{}</h1>", esc(&crate::t!("report-md-title", title = s.title)));
    let _ = writeln!(
        o,
        "<p>{}</p>",
        esc(&crate::t!("report-html-basis", basis = s.basis, total = s.total))
    );
    for w in page.warnings {
        let _ = writeln!(o, "<p class=\"warn\">{}</p>", esc(w));
    }
}

/// Each group's grade counts, and the distribution chart.
fn distribution(o: &mut String, page: &Page<'_>) {
    let r = page.result;
    let _ = writeln!(o, "<h2>{}</h2>", crate::t!("report-grade-distribution"));
    for g in view::groups(r) {
        let counts = grade_counts(&g);
        let _ = writeln!(
            o,
            "<table><caption>{}</caption><tr>",
            crate::t!("report-group-count", group = esc(&g.summary.name), count = g.agencies.len())
        );
        for (name, _) in &counts {
            let _ = write!(o, "<th>{}</th>", esc(name));
        }
        o.push_str("</tr><tr>");
        for (_, n) in &counts {
            let _ = write!(o, "<td class=\"n\">{n}</td>");
        }
        o.push_str("</tr></table>\n");
    }
    figure(o, page.charts.iter().find(|c| c.name == "distribution"));
}

/// A group's ranking chart and table, its other charts and the per-agency comparisons.
fn group_section(o: &mut String, page: &Page<'_>, g: &view::GroupView<'_>, titles: &[String]) {
    let (r, s) = (page.result, &page.result.scheme);
    let slug = view::slug(&g.summary.id);
    let _ = writeln!(o, "<h2 id=\"group-{slug}\">{}</h2>", esc(&g.summary.name));
    figure(o, page.charts.iter().find(|c| c.name == format!("ranking-{slug}")));
    o.push_str("<div class=\"wide\"><table>\n<thead><tr>");
    for t in titles.iter().skip(1) {
        let _ = write!(o, "<th>{}</th>", esc(t));
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for (a, label) in g.agencies.iter().zip(&g.labels) {
        o.push_str("<tr>");
        for (i, cell) in table::row(r, a).iter().enumerate().skip(1) {
            let text = if i == 3 { label.clone() } else { cell.display(s.decimals) };
            let class =
                if matches!(cell, Cell::Points(_) | Cell::Int(_)) { " class=\"n\"" } else { "" };
            let _ = write!(o, "<td{class}>{}</td>", esc(&text));
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody></table></div>\n");
    for kind in ["composition", "heatmap", "change"] {
        figure(o, page.charts.iter().find(|c| c.name == format!("{kind}-{slug}")));
    }
    for c in crate::report::chart::satisfaction::for_group(g, r) {
        let name = crate::report::chart::Chart::name(&c);
        figure(o, page.charts.iter().find(|c| c.name == name));
    }
    let ids: Vec<String> =
        g.agencies.iter().map(|a| format!("agency-{}", view::slug(&a.agency_id))).collect();
    let per_agency: Vec<&Rendered> =
        ids.iter().filter_map(|id| page.charts.iter().find(|c| &c.name == id)).collect();
    if !per_agency.is_empty() {
        let _ = writeln!(
            o,
            "<details><summary>{}</summary>",
            crate::t!("report-html-agency-charts", count = per_agency.len())
        );
        for c in per_agency {
            figure(o, Some(c));
        }
        o.push_str("</details>\n");
    }
}

/// How the scores were made: method notes, dimensions, grade standards and input files.
fn notes(o: &mut String, page: &Page<'_>) {
    let (r, s) = (page.result, &page.result.scheme);
    let _ = writeln!(o, "<h2>{}</h2>", crate::t!("report-notes"));
    for n in method_notes() {
        let _ = writeln!(o, "<p>{}</p>", esc(&n));
    }
    let _ = writeln!(
        o,
        "<table><caption>{}</caption><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        crate::t!("report-html-dimensions"),
        crate::t!("report-html-code"),
        crate::t!("report-html-name"),
        crate::t!("report-html-max"),
    );
    for d in &s.dimensions {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            esc(&d.id),
            esc(&d.name),
            d.max
        );
    }
    let _ = writeln!(
        o,
        "</table>\n<table><caption>{}</caption><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        crate::t!("report-grade-standards"),
        crate::t!("report-title-group"),
        crate::t!("report-title-grade"),
        crate::t!("report-grade-min"),
    );
    for g in &s.groups {
        for b in &g.grades {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                esc(&g.name),
                esc(&b.name),
                b.min
            );
        }
    }
    o.push_str("</table>\n");
    if let Some(p) = page.previous {
        let file = format!("<code>{}</code>", esc(p));
        let _ = writeln!(o, "<p>{}</p>", crate::t!("report-previous-file", file = file));
    }
    let _ = write!(o, "<table><caption>{}</caption><tr>", crate::t!("report-inputs"));
    for t in input_titles() {
        let _ = write!(o, "<th>{}</th>", esc(&t));
    }
    o.push_str("</tr>\n");
    for i in sorted_inputs(r) {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td><code>{}</code></td><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&i.kind),
            esc(&i.path),
            esc(&i.sha256),
            i.rows_read,
            i.rows_used,
            i.rows_rejected
        );
    }
    o.push_str("</table>\n");
    let scheme = format!("<code>{}</code>", esc(&s.id));
    let version = esc(&r.engine_version);
    let _ = writeln!(
        o,
        "<p>{}{}</p>\n</body>\n</html>",
        crate::t!("report-scheme-version", scheme = scheme, version = version),
        crate::t!("report-html-font-note"),
    );
}

fn figure(o: &mut String, chart: Option<&Rendered>) {
    if let Some(c) = chart {
        let _ = writeln!(o, "<figure id=\"{}\">", c.name);
        // plotters writes a bare <svg> element; strip an XML declaration should one ever appear.
        let svg = c.svg.trim_start();
        let svg = match svg.strip_prefix("<?xml") {
            Some(rest) => rest.split_once("?>").map(|x| x.1).unwrap_or(rest),
            None => svg,
        };
        o.push_str(svg.trim());
        let _ = writeln!(
            o,
            "\n<figcaption>{}</figcaption>\n</figure>",
            crate::t!(
                "report-html-figcaption",
                title = esc(&c.title),
                link = format!("<a href=\"charts/{}.png\">PNG</a>", c.name)
            ),
        );
    }
}

pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
