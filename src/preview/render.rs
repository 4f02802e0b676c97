//! A preview as terminal text and as a self-contained HTML page (no scripts, no network).

use std::fmt::Write;

use super::{Preview, Scenario};
use crate::output::text::{dp, explain_agency};
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
    let _ = writeln!(s, "\nWhat if: {}", sc.label);
    let _ = writeln!(
        s,
        "  official  total {:>7}  grade {}  rank {} of {}",
        dp(a.total, n),
        a.grade,
        crate::score::result::shown_rank(a.rank),
        p.group_size
    );
    let _ = writeln!(
        s,
        "  what-if   total {:>7}  grade {}  rank {} of {}  ({})",
        dp(sc.total, n),
        sc.grade,
        crate::score::result::shown_rank(sc.rank),
        p.group_size,
        if delta.is_sign_negative() { dp(delta, n) } else { format!("+{}", dp(delta, n)) }
    );
    if sc.removed.is_empty() && sc.added.is_empty() {
        let _ = writeln!(s, "  no ledger line changes");
    }
    for (mark, lines) in [("-", &sc.removed), ("+", &sc.added)] {
        for l in lines {
            let src = l.source.as_deref().map(|x| format!("  [{x}]")).unwrap_or_default();
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
                "\n{} ({} agencies): mean {}, median {}, top {}",
                g.group_name,
                g.size,
                dp(t.mean, n),
                dp(t.median, n),
                dp(t.top, n)
            );
        }
        None => {
            let _ = writeln!(
                s,
                "\n{} ({} agencies): group aggregates withheld (fewer than {} agencies)",
                g.group_name,
                g.size,
                super::aggregates::MIN_GROUP
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
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{} — {}</title>\
         <style>\n@font-face{{font-family:'{}';src:url(data:font/otf;base64,{font}) format('opentype');}}\n{STYLE}</style></head><body>\n",
        esc(&a.agency),
        esc(&p.scheme.title),
        crate::report::font::FACE_NAME
    );
    let _ = writeln!(h, "<h1>{}({})</h1>", esc(&a.agency), esc(&a.agency_id));
    let _ = writeln!(
        h,
        "<p>{} · {} · 依据 {}</p>",
        esc(&p.scheme.title),
        esc(&p.aggregates.group_name),
        esc(&p.scheme.basis)
    );
    headline(&mut h, p);
    lost_points(&mut h, p);
    for sc in p.what_if.iter().chain(&p.if_appeals_won) {
        scenario_html(&mut h, p, sc);
    }
    group_comparison(&mut h, p, chart_png);
    let _ = writeln!(h, "<h2>得分明细(每一分的来源)</h2>");
    ledger_table(&mut h, &a.ledger);
    let _ = writeln!(
        h,
        "<p class=muted>kaohe {} · 规则 {}</p>\n</body></html>",
        esc(env!("CARGO_PKG_VERSION")),
        esc(&p.scheme.id)
    );
    h
}

/// Total, grade, rank, and the points to the next grade and the next rank.
fn headline(h: &mut String, p: &Preview) {
    let n = p.scheme.decimals;
    let a = &p.agency;
    let next_grade = match &p.gaps.next_grade {
        Some((g, d)) => format!("差 {} 分达到{}", dp(*d, n), esc(g)),
        None => "已是最高等次".into(),
    };
    let next_rank = match p.gaps.next_rank {
        Some(d) => format!("差 {} 分升一名", dp(d, n)),
        None => "已是组内第一".into(),
    };
    let _ = writeln!(
        h,
        "<table><tr><th>总分</th><th>等次</th><th>组内排名</th><th>距下一等次</th><th>距上一名次</th></tr>\
         <tr><td class=n>{}</td><td>{}{}</td><td class=n>{} / {}</td><td>{next_grade}</td><td>{next_rank}</td></tr></table>",
        dp(a.total, n),
        esc(&a.grade),
        if a.demoted_by_quota {
            " <span class=muted>(因等次比例限制下调)</span>"
        } else {
            ""
        },
        crate::score::result::shown_rank(a.rank),
        p.group_size
    );
    if let Some(v) = &a.veto {
        let _ = writeln!(h, "<p><b>一票否决:</b>{}({})</p>", esc(&v.name), esc(&v.source));
    }
}

/// Every line that took points away, largest loss first, with its finding, its evidence and
/// what rectifying it is worth at most (the line's own points, before caps and 折算).
fn lost_points(h: &mut String, p: &Preview) {
    let lost = lost_lines(p);
    let _ = writeln!(h, "<h2>失分项(按失分从多到少)</h2>");
    if lost.is_empty() {
        let _ = writeln!(h, "<p>没有扣分项。</p>");
        return;
    }
    let _ = writeln!(
        h,
        "<table><tr><th>失分</th><th>规则</th><th>问题与依据</th><th>来源</th><th>整改最多可挽回</th></tr>"
    );
    for l in lost {
        let _ = writeln!(
            h,
            "<tr><td class=\"n neg\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=n>{}</td></tr>",
            signed(l),
            esc(&l.rule),
            esc(&l.detail),
            esc(l.source.as_deref().unwrap_or("")),
            signed_abs(l)
        );
    }
    let _ = writeln!(
        h,
        "</table><p class=muted>“整改最多可挽回”为该项本身的分值;受扣分上限和折算影响,实际挽回可能更少,可用 what-if(--drop-finding、--assume-rectified)精确测算。</p>"
    );
}

/// The ledger lines that took points away, largest loss first. Rounding and the rescale are
/// arithmetic, not findings: nothing to rectify.
pub fn lost_lines(p: &Preview) -> Vec<&LedgerLine> {
    let mut lost: Vec<&LedgerLine> = p
        .agency
        .ledger
        .iter()
        .filter(|l| l.points < rust_decimal::Decimal::ZERO)
        .filter(|l| l.rule != "rounding" && l.component != crate::score::ledger::Component::Rescale)
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
    let _ = writeln!(h, "<h2>假设:{}</h2>", esc(&sc.label));
    let _ = writeln!(
        h,
        "<table><tr><th></th><th>总分</th><th>等次</th><th>排名</th></tr><tr><td>正式结果</td><td class=n>{}</td><td>{}</td><td class=n>{} / {}</td></tr><tr><td>假设结果</td><td class=n>{}</td><td>{}</td><td class=n>{} / {}</td></tr></table>",
        dp(a.total, n),
        esc(&a.grade),
        crate::score::result::shown_rank(a.rank),
        p.group_size,
        dp(sc.total, n),
        esc(&sc.grade),
        crate::score::result::shown_rank(sc.rank),
        p.group_size
    );
    if !sc.removed.is_empty() {
        let _ = writeln!(h, "<p>不再计入的明细:</p>");
        ledger_table(h, &sc.removed);
    }
    if !sc.added.is_empty() {
        let _ = writeln!(h, "<p>新增的明细:</p>");
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
                "<h2>同组汇总(仅汇总值)</h2><table><tr><th>组</th><th>单位数</th><th>平均分</th><th>中位数</th><th>最高分</th></tr><tr><td>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr></table>",
                esc(&g.group_name),
                g.size,
                dp(t.mean, n),
                dp(t.median, n),
                dp(t.top, n)
            );
        }
        None => {
            let _ = writeln!(
                h,
                "<p class=muted>本组不足{}个单位,不公布汇总值。</p>",
                super::aggregates::MIN_GROUP
            );
        }
    }
    if let Some(png) = chart_png {
        use base64::Engine;
        let data = base64::engine::general_purpose::STANDARD.encode(png);
        let _ = writeln!(
            h,
            "<h2>各维度得分率与同组比较</h2>\n<p><img style=\"max-width:100%\" alt=\"{}各维度得分率与同组比较\" src=\"data:image/png;base64,{data}\"></p>",
            esc(&a.agency)
        );
    }
    let _ = writeln!(
        h,
        "<h2>各维度</h2><table><tr><th>维度</th><th>得分</th><th>适用满分</th><th>得分率</th><th>同组平均得分率</th><th>同组范围</th></tr>"
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
            pts.map(|v| dp(v, n)).unwrap_or_else(|| "不适用".into()),
            max.normalize(),
            r.map(|v| format!("{v}%")).unwrap_or_default(),
            gr.as_ref().map(|x| format!("{}%", x.mean)).unwrap_or_default(),
            gr.as_ref().map(|x| format!("{}% – {}%", x.min, x.max)).unwrap_or_default()
        );
    }
    let _ = writeln!(h, "</table>");
}

fn ledger_table(h: &mut String, lines: &[LedgerLine]) {
    let _ = writeln!(h, "<table><tr><th>分值</th><th>规则</th><th>说明</th><th>来源</th></tr>");
    for l in lines {
        let class =
            if l.points.is_sign_negative() && !l.points.is_zero() { "n neg" } else { "n pos" };
        let _ = writeln!(
            h,
            "<tr><td class=\"{class}\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            signed(l),
            esc(&l.rule),
            esc(&l.detail),
            esc(l.source.as_deref().unwrap_or(""))
        );
    }
    let _ = writeln!(h, "</table>");
}
