//! report.md: the report as Markdown for pasting into documents: method notes, grade counts,
//! rankings per group, and the charts as links to the PNGs under `charts/`.

use std::fmt::Write;

use crate::report::chart::Rendered;
use crate::report::table::{self, Cell};
use crate::report::view::{self, grade_counts};
use crate::score::result::RunResult;

pub fn write(result: &RunResult, charts: &[Rendered], previous_note: Option<&str>) -> String {
    let s = &result.scheme;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", crate::t!("report-md-title", title = esc(&s.title)));
    let _ = writeln!(
        out,
        "{}  \n{}\n",
        crate::t!("report-basis", basis = esc(&s.basis)),
        crate::t!("report-md-total", total = s.total, decimals = s.decimals)
    );

    let _ = writeln!(out, "## {}\n", crate::t!("report-grade-distribution"));
    for g in view::groups(result) {
        let counts = grade_counts(&g);
        let name = format!("**{}**", esc(&g.summary.name));
        let _ = writeln!(
            out,
            "{}\n",
            crate::t!("report-group-count", group = name, count = g.agencies.len())
        );
        let _ = writeln!(
            out,
            "| {} |",
            counts.iter().map(|c| esc(&c.0)).collect::<Vec<_>>().join(" | ")
        );
        let _ = writeln!(out, "|{}", "---:|".repeat(counts.len()));
        let _ = writeln!(
            out,
            "| {} |\n",
            counts.iter().map(|c| c.1.to_string()).collect::<Vec<_>>().join(" | ")
        );
    }
    if let Some(c) = charts.iter().find(|c| c.name == "distribution") {
        let _ = writeln!(out, "![{}](charts/{}.png)\n", esc(&c.title), c.name);
    }

    let titles = table::titles(result);
    // Group, agency id and the column of component points nobody pastes: keep the table readable.
    let shown: Vec<usize> = (0..titles.len()).filter(|i| ![0, 2].contains(i)).collect();
    for g in view::groups(result) {
        let _ = writeln!(out, "## {}\n", esc(&g.summary.name));
        let _ = writeln!(
            out,
            "| {} |",
            shown.iter().map(|i| esc(&titles[*i])).collect::<Vec<_>>().join(" | ")
        );
        let _ = writeln!(
            out,
            "|{}",
            shown
                .iter()
                .map(|i| if [1, 4].contains(i) || *i >= 6 { "---:|" } else { "---|" })
                .collect::<String>()
        );
        for (a, label) in g.agencies.iter().zip(&g.labels) {
            let row = table::row(result, a);
            let cells: Vec<String> = shown
                .iter()
                .map(|i| match (i, &row[*i]) {
                    (3, _) => esc(label),
                    (_, c @ Cell::Text(_)) | (_, c) => esc(&c.display(s.decimals)),
                })
                .collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out.push('\n');
        let suffix = format!("-{}", view::slug(&g.summary.id));
        for c in
            charts.iter().filter(|c| c.name.ends_with(&suffix) && !c.name.starts_with("agency-"))
        {
            let _ = writeln!(out, "![{}](charts/{}.png)\n", esc(&c.title), c.name);
        }
    }

    let _ = writeln!(out, "## {}\n", crate::t!("report-notes"));
    let _ = writeln!(out, "{}", crate::report::html::method_notes().join("\n\n"));
    out.push('\n');
    if let Some(p) = previous_note {
        let _ = writeln!(out, "{}\n", crate::t!("report-previous-file", file = format!("`{p}`")));
    }
    let _ = writeln!(
        out,
        "### {}\n\n| {} |\n|---|---|---|---:|---:|---:|",
        crate::t!("report-inputs"),
        crate::report::html::input_titles().join(" | ")
    );
    for i in sorted_inputs(result) {
        let _ = writeln!(
            out,
            "| {} | `{}` | `{}` | {} | {} | {} |",
            esc(&i.kind),
            i.path,
            i.sha256,
            i.rows_read,
            i.rows_used,
            i.rows_rejected
        );
    }
    let scheme = format!("`{}`", s.id);
    let _ = writeln!(
        out,
        "\n{}",
        crate::t!("report-scheme-version", scheme = scheme, version = result.engine_version)
    );
    out
}

/// Inputs sorted by kind then path, so the listing does not depend on read order.
pub fn sorted_inputs(result: &RunResult) -> Vec<&crate::input::InputRecord> {
    let mut v: Vec<_> = result.inputs.iter().collect();
    v.sort_by(|a, b| (&a.kind, &a.path).cmp(&(&b.kind, &b.path)));
    v
}

/// Escapes what Markdown tables and emphasis would misread, and HTML (a name holding `<script>`
/// is shown as text by every Markdown renderer, not run).
pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('\n', " ")
}
