//! Leaves a robustness replicate does not change, scored once per analysis: a replicate perturbs
//! the indicator weights or the survey indices, and a leaf's outcome depends on neither unless it
//! reads a survey index. Scored without texts, a replicate takes such a leaf's outcome as it is
//! and writes none of its lines, which the closing line of its dimension carries instead (see
//! `engine::shed_lines`), or, for a leaf whose lines a later step reads one by one, writes them
//! again as they were: the same totals with less work.

use rayon::prelude::*;

use super::engine::{self, InnerStats, LeafOutcome, Texts};
use super::prepared::{Prepared, Run};
use crate::rules::Scheme;

/// A leaf's outcome as scoring it gives it (None: it does not apply), and its lines.
pub(super) struct Fixed {
    pub(super) outcome: Option<LeafOutcome>,
    pub(super) lines: FixedLines,
}

/// What a replicate does with a fixed leaf's lines.
pub(super) enum FixedLines {
    /// Leaves them out (this many): no later step reads them one by one.
    Shed(usize),
    /// Writes them again, with these points (at ledger precision, in order): a threshold, a node
    /// veto or the bonus gate reads them.
    Replay(Box<[rust_decimal::Decimal]>),
}

/// Per agency (input order), per indicator: the outcome of each leaf replicates do not change.
pub struct FixedLeaves {
    pub(super) agencies: Vec<Box<[Option<Fixed>]>>,
}

impl Prepared<'_> {
    /// The leaves of every agency that scoring with `scheme`, or a copy of it with other weights,
    /// and the inputs' survey rows, or a copy with other indices, does not change.
    pub fn fixed_leaves(&self, scheme: &Scheme) -> FixedLeaves {
        let inner = InnerStats::new();
        let run = Run {
            scheme,
            surveys: &self.inputs.surveys,
            groups: &self.contexts,
            inner: &inner,
            names: &self.names,
            texts: Texts::TotalsOnly,
            nodes: false,
            fixed: None,
        };
        let agencies = (0..self.inputs.agencies.len())
            .into_par_iter()
            .map(|at| {
                let cx = self.ctx(at, &run);
                (0..scheme.nodes.len()).map(|n| engine::fixed_leaf(&cx, n)).collect()
            })
            .collect();
        FixedLeaves { agencies }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use rust_decimal::Decimal;

    use super::*;
    use crate::score::score_with;

    /// Scored without texts and with the fixed leaves taken as they are, every agency of every
    /// case of the composite schemes (means, min-max on the data, gates) and of the survey scheme
    /// totals as a full scoring does, with the scheme's weights and with other weights.
    #[test]
    fn fixed_leaves_total_as_a_full_scoring_with_other_weights() {
        let mut taken = 0;
        for file in [
            "scoring-rules/composite-example.toml",
            "scoring-rules/composite-checklist.toml",
            "scoring-rules/composite-groups.toml",
            "tests/schemes/survey.toml",
        ] {
            let scheme = crate::rules::load(Path::new(file), file).unwrap();
            let mut weighted = scheme.clone();
            for (i, n) in weighted.nodes.iter_mut().enumerate() {
                // 0.9, 1 or 1.1 of each indicator's weight.
                n.weight *= Decimal::new(9 + (i % 3) as i64, 1);
            }
            for case in &scheme.cases {
                let inputs = crate::input::case::inputs(case, &scheme.source);
                crate::input::check::check(&scheme, &inputs).unwrap();
                let prepared = Prepared::new(&scheme, &inputs).unwrap();
                let (names, fixed) = (prepared.names(&scheme), prepared.fixed_leaves(&scheme));
                taken += fixed.agencies.iter().flatten().flatten().count();
                for s in [&scheme, &weighted] {
                    let worker = (&names, Some(&fixed));
                    let lean = prepared.score_named(s, &inputs.surveys, Texts::TotalsOnly, worker);
                    let full = score_with(s, &inputs, Texts::Keep).unwrap();
                    for (l, f) in lean.unwrap().iter().zip(&full) {
                        let what = (&l.agency_id, l.total, &l.dimensions, l.rescale);
                        assert_eq!(
                            what,
                            (&f.agency_id, f.total, &f.dimensions, f.rescale),
                            "{file}"
                        );
                    }
                }
            }
        }
        assert!(taken > 0);
    }
}
