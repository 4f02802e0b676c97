//! The terminal summary of the analyses.

use super::{Analysis, Interval, Perturbation, RESPONSES_FILE};

/// The terminal summary: per analysis, the widest intervals and the agencies whose grade can change.
pub fn summary(analyses: &[Analysis], show: usize) -> String {
    let mut s = String::new();
    for an in analyses {
        let how = match an.method {
            Perturbation::ResponseBootstrap => {
                let mut how = crate::t!(
                    "robust-from-responses",
                    responses = an.responses,
                    file = RESPONSES_FILE
                );
                if an.fixed_rows > 0 {
                    how.push_str(&crate::t!("robust-fixed-no-responses", rows = an.fixed_rows));
                }
                how
            }
            Perturbation::Parametric => {
                let mut how = crate::t!("robust-from-intervals");
                if an.fixed_rows > 0 {
                    how.push_str(&crate::t!("robust-fixed-no-interval", rows = an.fixed_rows));
                }
                how
            }
            Perturbation::MonteCarlo => String::new(),
        };
        let heading = crate::t!(
            "robust-heading",
            kind = an.kind.name(),
            replicates = an.replicates,
            method = an.method.name(),
            how = how
        );
        s.push_str(&format!("\n{heading}\n"));
        let mut wide: Vec<&Interval> = an.agencies.iter().collect();
        wide.sort_by(|a, b| {
            (b.p95 - b.p05).cmp(&(a.p95 - a.p05)).then(a.agency_id.cmp(&b.agency_id))
        });
        s.push_str(&format!("  {}\n", crate::t!("robust-widest")));
        for a in wide.iter().take(show) {
            let interval = crate::t!(
                "robust-interval",
                rank = format!("{:>3}", a.rank),
                low = format!("{:>3}", a.p05),
                high = format!("{:<3}", a.p95),
                min = a.min,
                max = a.max
            );
            s.push_str(&format!("    {:<10} {:<16} {interval}\n", a.group, a.agency_id));
        }
        let changing: Vec<&Interval> =
            an.agencies.iter().filter(|a| a.grade_can_change()).collect();
        let can_change =
            crate::t!("robust-can-change", count = changing.len(), of = an.agencies.len());
        s.push_str(&format!("  {can_change}\n"));
        for a in changing.iter().take(show) {
            let shares: Vec<String> = a
                .grades
                .iter()
                .map(|(g, p)| format!("{g} {}", p.round_dp(2).normalize()))
                .collect();
            let now = crate::t!("robust-grade-now", grade = a.grade, shares = shares.join(", "));
            s.push_str(&format!("    {:<10} {:<16} {now}\n", a.group, a.agency_id));
        }
        if changing.len() > show {
            let more = crate::t!("robust-more", count = changing.len() - show);
            s.push_str(&format!("    {more}\n"));
        }
    }
    s
}
