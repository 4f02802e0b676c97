//! Engine steps of the rule shapes real schemes need (issue 14, docs/rules.md): reading a node's
//! points from the ledger, the bonus gate on named parts.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::ledger::{Component, Entry, LedgerLine, Msg, msg};
use crate::rules::Scheme;

/// What reading points from a ledger needs of its lines (a kept [`LedgerLine`], or a line of a
/// ledger being written).
pub trait Points {
    fn rule(&self) -> &Arc<str>;
    fn component(&self) -> &Component;
    fn points(&self) -> Decimal;
}

impl Points for Entry {
    fn rule(&self) -> &Arc<str> {
        Entry::rule(self)
    }
    fn component(&self) -> &Component {
        Entry::component(self)
    }
    fn points(&self) -> Decimal {
        Entry::points(self)
    }
}

impl Points for LedgerLine {
    fn rule(&self) -> &Arc<str> {
        &self.rule
    }
    fn component(&self) -> &Component {
        &self.component
    }
    fn points(&self) -> Decimal {
        self.points
    }
}

/// Points of an indicator (any level) in a ledger: the sum of the dimension lines whose rule is
/// the indicator or any of its descendants (a dimension's floors and rounding included). `None`
/// when no such line exists (the indicator does not apply).
pub fn subtree_points(scheme: &Scheme, lines: &[impl Points], node: usize) -> Option<Decimal> {
    let names: Vec<&str> =
        subtree(scheme, node).iter().map(|&n| scheme.nodes[n].id.as_str()).collect();
    // Only lines of the node's dimension can be its subtree's.
    let dim = scheme.nodes[scheme.roots[scheme.nodes[node].dimension]].id.as_str();
    points_where(lines, |rule, d| **d == *dim && names.contains(&&**rule))
}

/// An indicator and every indicator below it.
pub fn subtree(scheme: &Scheme, node: usize) -> Vec<usize> {
    let mut ids = vec![node];
    let mut i = 0;
    while i < ids.len() {
        ids.extend(scheme.nodes[ids[i]].children().iter().copied());
        i += 1;
    }
    ids
}

/// The sum of the dimension lines whose (rule, dimension) `picks` accepts; `None` when there
/// is none.
pub fn points_where(
    lines: &[impl Points],
    picks: impl Fn(&Arc<str>, &Arc<str>) -> bool,
) -> Option<Decimal> {
    let mut found = false;
    let mut sum = Decimal::ZERO;
    for l in lines {
        let Component::Dimension(d) = l.component() else { continue };
        if picks(l.rule(), d) {
            found = true;
            sum += l.points();
        }
    }
    found.then_some(sum)
}

/// An indicator's points in its own units: [`subtree_points`] divided by the weight of its
/// top-level part (a weighted part's lines are its contribution to the total).
pub fn own_points(scheme: &Scheme, lines: &[impl Points], node: usize) -> Option<Decimal> {
    in_own_units(scheme, node, subtree_points(scheme, lines, node)?)
}

/// Subtree points of `node` (its contribution to the total) in its own units.
pub fn in_own_units(scheme: &Scheme, node: usize, p: Decimal) -> Option<Decimal> {
    let w = part_weight(scheme, node);
    if w == Decimal::ONE { Some(p) } else { p.checked_div(w) }
}

/// The weight of the top-level part a node belongs to.
pub fn part_weight(scheme: &Scheme, node: usize) -> Decimal {
    scheme.nodes[scheme.roots[scheme.nodes[node].dimension]].weight
}

/// The bonus gate's verdict for one agency: `None` when the gate is open (or there is none),
/// else the explanation of the line that removes the bonus.
pub fn bonus_gate_closed(scheme: &Scheme, lines: &[impl Points]) -> Option<Msg> {
    let gate = scheme.bonus.gate.as_ref()?;
    let sum: Decimal =
        gate.nodes.iter().map(|&n| own_points(scheme, lines, n).unwrap_or_default()).sum();
    let open = if gate.inclusive { sum >= gate.bound } else { sum > gate.bound };
    if open {
        return None;
    }
    let names: Vec<&str> = gate.nodes.iter().map(|&n| scheme.nodes[n].name.as_str()).collect();
    let (nodes, points, bound) = (names.join("+"), sum.normalize(), gate.bound.normalize());
    Some(if gate.inclusive {
        msg::t!("ledger-bonus-gate-below", nodes = nodes, points = points, bound = bound)
    } else {
        msg::t!("ledger-bonus-gate-not-above", nodes = nodes, points = points, bound = bound)
    })
}
