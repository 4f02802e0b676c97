//! Leaves a robustness replicate does not change, scored once per analysis: a replicate perturbs
//! the indicator weights or the survey indices, and a leaf's outcome depends on neither unless it
//! reads a survey index. Scored without texts, a replicate takes such a leaf's outcome as it is
//! and writes none of its lines, which the closing line of its dimension carries instead (see
//! `engine::shed_lines`): the same totals with less work.

use rayon::prelude::*;

use super::engine::{self, InnerStats, LeafOutcome, Texts};
use super::prepared::{Prepared, Run};
use crate::rules::Scheme;

/// A leaf's outcome as scoring it gives it (None: it does not apply), and how many lines that
/// writes.
#[derive(Clone, Copy)]
pub(super) struct Fixed {
    pub(super) outcome: Option<LeafOutcome>,
    pub(super) lines: usize,
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
