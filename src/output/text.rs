//! Plain-text renderings for the terminal: the short ranking per group, and one agency's ledger.

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::score::ledger::Component;
use crate::score::result::{AgencyResult, RunResult, SchemeSummary};

/// Pad to a display width, counting CJK characters as two columns (terminals do).
fn pad(s: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

pub fn dp(d: Decimal, n: u32) -> String {
    let mut r = d.round_dp_with_strategy(n, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    if r.scale() < n {
        r.rescale(n);
    }
    r.to_string()
}

/// Every input file with its rows read, used and rejected (they add up), as scores.json records.
pub fn reconciliation(run: &RunResult) -> String {
    let mut s = crate::t!("output-inputs-heading");
    s.push('\n');
    let files: Vec<_> = run.inputs.iter().filter(|f| f.kind != "rules").collect();
    // Paths padded by display width (a sheet name 问题清单 takes two columns a character), so the
    // counts line up whatever the names.
    let width = files
        .iter()
        .map(|f| unicode_width::UnicodeWidthStr::width(f.path.as_str()))
        .max()
        .unwrap_or(0)
        .max(16);
    for f in files {
        let _ = writeln!(
            s,
            "  {} {:>7} = {:>7} + {}",
            pad(&f.path, width),
            f.rows_read,
            f.rows_used,
            f.rows_rejected
        );
    }
    if !run.absent_inputs.is_empty() {
        let kinds = run.absent_inputs.join(", ");
        let _ = writeln!(s, "  {}", crate::t!("output-inputs-absent", kinds = kinds));
    }
    s
}

/// Grade counts and the top and bottom of each group.
pub fn summary(run: &RunResult, show: usize) -> String {
    let mut s = String::new();
    let n = run.scheme.decimals;
    let _ = writeln!(
        s,
        "{}",
        crate::t!("output-summary-title", title = run.scheme.title, count = run.agencies.len())
    );
    for g in &run.scheme.groups {
        let members: Vec<&AgencyResult> = run.agencies.iter().filter(|a| a.group == g.id).collect();
        if members.is_empty() {
            continue;
        }
        let counts: Vec<String> = g
            .grades
            .iter()
            .map(|b| format!("{} {}", b.name, members.iter().filter(|a| a.grade == b.name).count()))
            .collect();
        let counts = counts.join(crate::t!("output-list-separator").as_str());
        let _ = writeln!(
            s,
            "\n{}",
            crate::t!(
                "output-summary-group",
                name = g.name,
                id = g.id,
                count = members.len(),
                grades = counts
            )
        );
        let shown: Vec<&&AgencyResult> = if members.len() <= 2 * show {
            members.iter().collect()
        } else {
            members.iter().take(show).chain(members.iter().skip(members.len() - show)).collect()
        };
        for (i, a) in shown.iter().enumerate() {
            if members.len() > 2 * show && i == show {
                let _ = writeln!(s, "  …");
            }
            let veto = a
                .veto
                .as_ref()
                .map(|v| format!("  {}", crate::t!("output-summary-veto", name = v.name)))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "  {:>4}  {} {} {:>8}  {}{veto}",
                crate::score::result::shown_rank(a.rank),
                pad(&a.agency_id, 12),
                pad(&a.agency, 20),
                dp(a.total, n),
                a.grade
            );
        }
    }
    s
}

/// One agency's ledger, grouped by component, with its rank.
pub fn explain(run: &RunResult, a: &AgencyResult) -> String {
    let group_size = run.agencies.iter().filter(|x| x.group == a.group).count();
    explain_agency(&run.scheme, a, group_size)
}

/// [`explain`] from the agency's own result and its group's size only (what a preview holds).
pub fn explain_agency(scheme: &SchemeSummary, a: &AgencyResult, group_size: usize) -> String {
    let mut s = String::new();
    let n = scheme.decimals;
    let group_name =
        scheme.groups.iter().find(|g| g.id == a.group).map(|g| g.name.as_str()).unwrap_or(&a.group);
    let _ = writeln!(s, "{} ({}) — {group_name}", a.agency, a.agency_id);
    let demoted = if a.demoted_by_quota {
        format!("  {}", crate::t!("output-explain-demoted"))
    } else {
        String::new()
    };
    let _ = writeln!(
        s,
        "{}{demoted}",
        crate::t!(
            "output-explain-standing",
            total = dp(a.total, n),
            grade = a.grade,
            rank = crate::score::result::shown_rank(a.rank),
            size = group_size
        )
    );
    let mut section = |title: String, comp: &Component| {
        let lines: Vec<_> = a.ledger.iter().filter(|l| &l.component == comp).collect();
        if lines.is_empty() {
            return;
        }
        let sum: Decimal = lines.iter().map(|l| l.points).sum();
        let _ = writeln!(
            s,
            "\n{}",
            crate::t!("output-explain-section", title = title, points = dp(sum, n))
        );
        for l in lines {
            let src = l.source.as_ref().map(|x| format!("  [{x}]")).unwrap_or_default();
            let _ = writeln!(
                s,
                "  {:>9}  {:<14} {}{src}",
                format!(
                    "{:+}",
                    l.points
                        .round_dp_with_strategy(
                            4,
                            rust_decimal::RoundingStrategy::MidpointAwayFromZero
                        )
                        .normalize()
                ),
                l.rule,
                l.detail
            );
        }
    };
    for (i, d) in scheme.dimensions.iter().enumerate() {
        let max = a.dimension_max.get(i).copied().unwrap_or_default();
        section(
            crate::t!("output-explain-dimension", id = d.id, name = d.name, max = max.normalize()),
            &Component::dimension(&d.id),
        );
    }
    section(crate::t!("output-explain-rescale"), &Component::Rescale);
    section(crate::t!("output-explain-bonus"), &Component::Bonus);
    section(crate::t!("output-explain-penalty"), &Component::Penalty);
    section(crate::t!("output-explain-lookback"), &Component::Lookback);
    section(crate::t!("output-explain-adjustment"), &Component::Adjustment);
    if let Some(v) = &a.veto {
        let _ = writeln!(
            s,
            "\n{}",
            crate::t!("output-explain-veto", name = v.name, rule = v.rule, source = v.source)
        );
    }
    s
}
