//! survey-report.html: one self-contained page (charts as inline SVG, the embedded font as a
//! data URL, no script, no network) that prints on A4.

use std::fmt::Write;

use base64::Engine;

use super::data::{Answers, Data, Kind, share_tenths, share_text};
use crate::report::chart::Rendered;
use crate::report::font;
use crate::report::html::esc;
use crate::t;

const STYLE: &str = "
body{font-family:'Noto Sans SC','Microsoft YaHei','PingFang SC',sans-serif;margin:2em auto;max-width:960px;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{margin-top:1.5em}
table{border-collapse:collapse;margin:.8em 0;font-size:.9em}
th,td{border:1px solid #ccc;padding:.2em .5em}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.bar{width:12em}td.bar span{display:block;height:.8em;background:#0072b2}
tr.apart td.bar span{background:#969696}tr.apart{color:#555}
tr.sum td{font-weight:bold}
figure{margin:1.2em 0}figure svg{max-width:100%;height:auto}
figcaption{font-size:.9em;color:#555}
code{font-size:.85em;word-break:break-all}
.wide{overflow-x:auto}.ok{color:#2e7d32}.warn{color:#a00}
details{margin:.3em 0}summary{cursor:pointer}
@page{size:A4;margin:12mm}
@media print{
body{max-width:none;margin:0;padding:0;font-size:10pt}
.wide{overflow:visible}.wide table{font-size:7pt}
th,td{padding:.1em .3em}
thead{display:table-header-group}
tr,figure{break-inside:avoid}h2,h3{break-after:avoid}
figure svg{max-width:100%;height:auto;max-height:250mm}
td.bar span{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
";

/// The page.
pub fn write(d: &Data, rule_labels: &[String], charts: &[Rendered], warnings: &[String]) -> String {
    let mut o = String::new();
    head(&mut o, d, warnings);
    accounting(&mut o, d, rule_labels, charts);
    overall(&mut o, d, charts);
    per_agency(&mut o, d, charts);
    notes(&mut o, d);
    o.push_str("</body>\n</html>\n");
    o
}

fn head(o: &mut String, d: &Data, warnings: &[String]) {
    let font_url = base64::engine::general_purpose::STANDARD.encode(font::FONT_BYTES);
    let title = t!("survey-report-title", survey = d.q.title.as_str());
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n\
         <style>\n@font-face{{font-family:'{}';src:url(data:font/otf;base64,{font_url}) format('opentype');}}\n{STYLE}</style>\n\
         </head>\n<body>\n<h1>{}</h1>\n",
        t!("survey-report-html-lang"),
        esc(&title),
        font::FACE_NAME,
        esc(&title),
    );
    let q = &d.q;
    let _ = writeln!(
        o,
        "<p>{}</p>",
        esc(&t!("survey-report-questionnaire", id = q.id.as_str(), sha = q.sha256.as_str()))
    );
    if let Some(b) = &q.basis {
        let _ = writeln!(o, "<p>{}</p>", esc(&t!("survey-report-basis", basis = b.as_str())));
    }
    for w in warnings {
        let _ = writeln!(o, "<p class=\"warn\">{}</p>", esc(w));
    }
}

fn figure(o: &mut String, charts: &[Rendered], name: &str) {
    let Some(c) = charts.iter().find(|c| c.name == name) else { return };
    let _ = writeln!(o, "<figure id=\"{}\">\n{}", esc(&c.name), c.svg.trim());
    let _ = writeln!(
        o,
        "<figcaption>{}（<a href=\"charts/{}.png\">PNG</a>）</figcaption>\n</figure>",
        esc(&c.title),
        esc(&c.name)
    );
}

fn row(o: &mut String, cells: &[String], numeric_from: usize, class: &str) {
    let _ = write!(o, "<tr{class}>");
    for (i, c) in cells.iter().enumerate() {
        let class = if i >= numeric_from { " class=\"n\"" } else { "" };
        let _ = write!(o, "<td{class}>{}</td>", esc(c));
    }
    o.push_str("</tr>\n");
}

fn header(o: &mut String, cells: &[String]) {
    o.push_str("<thead><tr>");
    for c in cells {
        let _ = write!(o, "<th>{}</th>", esc(c));
    }
    o.push_str("</tr></thead>\n");
}

/// The accounting: the sum stated and checked, the chart, the table per outcome, the rejection
/// reasons and the accounting per agency.
fn accounting(o: &mut String, d: &Data, rule_labels: &[String], charts: &[Rendered]) {
    let t = &d.total;
    let screened: u64 = t.screened.iter().sum();
    let _ = writeln!(o, "<h2 id=\"accounting\">{}</h2>", esc(&t!("survey-report-accounting")));
    let _ = writeln!(
        o,
        "<p class=\"ok\">{}</p>",
        esc(&t!(
            "survey-report-accounting-sum",
            rows = t.rows,
            valid = t.valid,
            screened = screened,
            rejected = t.rejected
        ))
    );
    figure(o, charts, "survey-accounting");
    o.push_str("<table>\n");
    header(
        o,
        &[
            t!("survey-report-col-outcome"),
            t!("survey-report-col-rows"),
            t!("survey-report-col-share-read"),
        ],
    );
    for (label, count) in super::outcomes(d, rule_labels) {
        row(o, &[label, count.to_string(), share_text(count, t.rows)], 1, "");
    }
    row(
        o,
        &[t!("survey-report-rows-read"), t.rows.to_string(), share_text(t.rows, t.rows)],
        1,
        " class=\"sum\"",
    );
    o.push_str("</table>\n");
    reasons(o, d);
    agency_accounting(o, d, rule_labels);
}

fn reasons(o: &mut String, d: &Data) {
    if d.reasons.is_empty() {
        return;
    }
    let _ = writeln!(o, "<h3>{}</h3>", esc(&t!("survey-report-reasons")));
    o.push_str("<div class=\"wide\"><table>\n");
    header(
        o,
        &[
            t!("survey-report-col-reason"),
            t!("survey-report-col-rows"),
            t!("survey-report-col-first"),
        ],
    );
    for r in &d.reasons {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td class=\"n\">{}</td><td><code>{}</code></td></tr>",
            esc(&r.text),
            r.rows,
            esc(&r.first)
        );
    }
    o.push_str("</table></div>\n");
}

fn agency_accounting(o: &mut String, d: &Data, rule_labels: &[String]) {
    let _ = writeln!(o, "<h3>{}</h3>", esc(&t!("survey-report-accounting-per-agency")));
    o.push_str("<div class=\"wide\"><table>\n");
    header(o, &super::accounting_header(rule_labels));
    for cells in super::accounting_rows(d) {
        let class = if cells[0].is_empty() { " class=\"sum\"" } else { "" };
        row(o, &cells, 2, class);
    }
    o.push_str("</table></div>\n");
}

/// The answers to question `qi`: one line per option (rated, then apart), with counts, shares
/// and a bar.
fn answers_table(o: &mut String, d: &Data, qi: usize, x: &Answers) {
    let kinds = d.kinds(qi);
    o.push_str("<table>\n");
    header(
        o,
        &[
            t!("survey-report-col-option"),
            t!("survey-report-col-count"),
            t!("survey-report-col-share"),
            String::new(),
        ],
    );
    let order = kinds.iter().enumerate().filter(|(_, k)| **k == Kind::Rated).chain(
        kinds
            .iter()
            .enumerate()
            .filter(|(o, k)| **k != Kind::Rated && (**k != Kind::Skipped || x.counts[*o] > 0)),
    );
    for (opt, &kind) in order {
        let (count, base) = (x.counts[opt], x.base(&kinds, kind));
        let tenths = share_tenths(count, base).unwrap_or(0);
        let apart = if kind == Kind::Rated { "" } else { " class=\"apart\"" };
        let _ = writeln!(
            o,
            "<tr{apart}><td>{}</td><td class=\"n\">{count}</td><td class=\"n\">{}</td>\
             <td class=\"bar\"><span style=\"width:{}.{}%\"></span></td></tr>",
            esc(&d.option_label(qi, opt)),
            share_text(count, base),
            tenths / 10,
            tenths % 10,
        );
    }
    let _ = writeln!(
        o,
        "<tr class=\"sum\"><td>{}</td><td class=\"n\">{}</td><td></td><td></td></tr>",
        esc(&t!("survey-report-rated-of", responses = x.responses())),
        x.rated(&kinds)
    );
    o.push_str("</table>\n");
}

fn overall(o: &mut String, d: &Data, charts: &[Rendered]) {
    let _ = writeln!(o, "<h2 id=\"overall\">{}</h2>", esc(&t!("survey-report-overall")));
    for (qi, qq) in d.q.questions.iter().enumerate() {
        let _ = writeln!(
            o,
            "<h3>{}</h3>",
            esc(&t!("survey-report-question", id = qq.id.as_str(), text = qq.text.as_str()))
        );
        figure(o, charts, &format!("survey-{}", crate::report::view::slug(&qq.id)));
        answers_table(o, d, qi, &d.overall[qi]);
    }
}

fn per_agency(o: &mut String, d: &Data, charts: &[Rendered]) {
    let _ = writeln!(o, "<h2 id=\"agencies\">{}</h2>", esc(&t!("survey-report-per-agency")));
    for qq in &d.q.questions {
        let stem = format!("survey-{}-agencies", crate::report::view::slug(&qq.id));
        for c in charts.iter().filter(|c| {
            c.name == stem || c.name.strip_prefix(&stem).is_some_and(|r| r.starts_with('-'))
        }) {
            figure(o, charts, &c.name);
        }
    }
    let _ = writeln!(o, "<h3>{}</h3>", esc(&t!("survey-report-agency-tables")));
    for (a, per_question) in d.q.agencies.iter().zip(&d.agencies) {
        let valid = per_question.first().map(Answers::responses).unwrap_or(0);
        let _ = writeln!(
            o,
            "<details id=\"agency-{}\"><summary>{}</summary>",
            esc(&crate::report::view::slug(&a.id)),
            esc(&t!(
                "survey-report-agency-summary",
                agency = a.label.as_str(),
                id = a.id.as_str(),
                valid = valid
            ))
        );
        for (qi, x) in per_question.iter().enumerate() {
            let qq = &d.q.questions[qi];
            let _ = writeln!(
                o,
                "<p>{}</p>",
                esc(&t!("survey-report-question", id = qq.id.as_str(), text = qq.text.as_str()))
            );
            answers_table(o, d, qi, x);
        }
        o.push_str("</details>\n");
    }
}

fn notes(o: &mut String, d: &Data) {
    let _ = writeln!(o, "<h2>{}</h2>", esc(&t!("survey-report-notes")));
    for id in [
        "survey-report-note-counts",
        "survey-report-note-shares",
        "survey-report-note-apart",
        "survey-report-note-files",
    ] {
        let _ = writeln!(o, "<p>{}</p>", esc(&t!(id)));
    }
    o.push_str("<table>\n");
    header(
        o,
        &[
            t!("survey-report-col-file"),
            t!("survey-report-col-encoding"),
            t!("survey-report-col-rows"),
            "SHA-256".into(),
        ],
    );
    for f in &d.inputs {
        let _ = writeln!(
            o,
            "<tr><td><code>{}</code></td><td>{}</td><td class=\"n\">{}</td><td><code>{}</code></td></tr>",
            esc(&f.file),
            esc(&f.encoding),
            f.rows,
            esc(&f.sha256)
        );
    }
    o.push_str("</table>\n");
    let _ = writeln!(
        o,
        "<p>{}</p>",
        esc(&t!("survey-report-font", version = env!("CARGO_PKG_VERSION")))
    );
}
