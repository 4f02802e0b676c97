//! The terminal summary of the analyses.

use super::{Analysis, Interval, Perturbation, RESPONSES_FILE};

/// The terminal summary: per analysis, the widest intervals and the agencies whose grade can change.
pub fn summary(analyses: &[Analysis], show: usize) -> String {
    let mut s = String::new();
    for an in analyses {
        s.push_str(&format!(
            "\n{} ({} replicates, {}",
            an.kind.name(),
            an.replicates,
            an.method.name()
        ));
        match an.method {
            Perturbation::ResponseBootstrap => {
                s.push_str(&format!(" of {} responses from {RESPONSES_FILE}", an.responses));
                if an.fixed_rows > 0 {
                    s.push_str(&format!(
                        "; {} survey rows without responses that give their index stay fixed",
                        an.fixed_rows
                    ));
                }
            }
            Perturbation::Parametric => {
                s.push_str(" from survey.csv's confidence intervals");
                if an.fixed_rows > 0 {
                    s.push_str(&format!(
                        "; {} survey rows without a confidence interval stay fixed",
                        an.fixed_rows
                    ));
                }
            }
            Perturbation::MonteCarlo => {}
        }
        s.push_str(")\n");
        let mut wide: Vec<&Interval> = an.agencies.iter().collect();
        wide.sort_by(|a, b| {
            (b.p95 - b.p05).cmp(&(a.p95 - a.p05)).then(a.agency_id.cmp(&b.agency_id))
        });
        s.push_str("  widest 90% rank intervals:\n");
        for a in wide.iter().take(show) {
            s.push_str(&format!(
                "    {:<10} {:<16} rank {:>3}  90% interval {:>3}–{:<3} (all {}–{})\n",
                a.group, a.agency_id, a.rank, a.p05, a.p95, a.min, a.max
            ));
        }
        let changing: Vec<&Interval> =
            an.agencies.iter().filter(|a| a.grade_can_change()).collect();
        s.push_str(&format!(
            "  grade can change: {} of {} agencies\n",
            changing.len(),
            an.agencies.len()
        ));
        for a in changing.iter().take(show) {
            let shares: Vec<String> = a
                .grades
                .iter()
                .map(|(g, p)| format!("{g} {}", p.round_dp(2).normalize()))
                .collect();
            s.push_str(&format!(
                "    {:<10} {:<16} {} now; {}\n",
                a.group,
                a.agency_id,
                a.grade,
                shares.join(", ")
            ));
        }
        if changing.len() > show {
            s.push_str(&format!("    … and {} more in robustness.csv\n", changing.len() - show));
        }
    }
    s
}
