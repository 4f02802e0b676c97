//! The validated scheme: what the engine scores with. Every reference is resolved (indices, not
//! names), every number checked, every maximum adds up. Built only by [`super::validate`].

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::case::Case;

#[derive(Debug, Clone)]
pub struct Scheme {
    pub id: String,
    pub title: String,
    pub basis: String,
    pub year: Option<i32>,
    pub note: Option<String>,
    /// The common total every agency's base score is expressed on.
    pub total: Decimal,
    /// Rescale each agency's base from its applicable maximum to its group's total (得分率 × total).
    pub rescale: bool,
    /// Where an agency with a triggered agency-level veto ranks.
    pub veto_rank: VetoRank,
    pub rounding: Rounding,
    pub groups: Vec<Group>,
    /// Indicators in file order; `roots` are the dimensions (top-level indicators).
    pub nodes: Vec<Node>,
    pub roots: Vec<usize>,
    pub bonus: Bonus,
    pub penalty: Penalty,
    pub vetoes: Vec<Veto>,
    pub lookback: Option<Lookback>,
    /// Finding kinds priced as deductions: kind → (leaf node, index in its `Method::Deduct`).
    pub deduct_kinds: HashMap<String, (usize, usize)>,
    /// Finding kinds priced as penalties: kind → index in `penalty.kinds`.
    pub penalty_kinds: HashMap<String, usize>,
    /// Inner nodes that spread the maximum of children not applying over the others.
    pub redistribute: HashMap<usize, Redistribute>,
    /// Minimum points on a node below which a grade is forced, in file order.
    pub thresholds: Vec<Threshold>,
    /// Finding kinds that trigger a veto: kind → index in `vetoes`.
    pub veto_kinds: HashMap<String, usize>,
    pub cases: Vec<Case>,
    /// The file the scheme came from, as given, and its SHA-256.
    pub source: String,
    pub sha256: String,
}

impl Scheme {
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
    /// The full marks of a group's agencies: the group's own total, else the scheme's.
    pub fn group_total(&self, id: &str) -> Decimal {
        self.group(id).map_or(self.total, |g| g.total)
    }
    pub fn bonus_index(&self, id: &str) -> Option<usize> {
        self.bonus.items.iter().position(|b| b.id == id)
    }
    /// Whether a finding kind is known to the scheme in any role.
    pub fn knows_kind(&self, kind: &str) -> bool {
        self.deduct_kinds.contains_key(kind)
            || self.penalty_kinds.contains_key(kind)
            || self.veto_kinds.contains_key(kind)
    }
    /// All known finding kinds, sorted (for "expected one of" messages).
    pub fn kind_names(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .deduct_kinds
            .keys()
            .chain(self.penalty_kinds.keys())
            .chain(self.veto_kinds.keys())
            .map(String::as_str)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Where rounding (half away from zero, 四舍五入) happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounding {
    pub decimals: u32,
    /// Each leaf item's points.
    pub item: bool,
    /// Each dimension's points.
    pub dimension: bool,
    /// The rescaled base score (before bonus, penalty, look-back).
    pub base: bool,
    /// The final total.
    pub total: bool,
}

impl Rounding {
    pub fn round(&self, d: Decimal) -> Decimal {
        d.round_dp_with_strategy(
            self.decimals,
            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
        )
    }
}

#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub name: String,
    /// Compared in order when totals tie; agencies equal on all share a rank.
    pub tie_break: Vec<TieKey>,
    /// When agencies tied at a quota's boundary would exceed it: true → all keep the grade,
    /// false → all tied ones drop to the next band (the quota is a strict "at most").
    pub quota_ties_include: bool,
    /// Best first; the last band's `min` is at most zero so every agency gets a grade.
    pub grades: Vec<GradeBand>,
    /// Dense ranks ("1223") instead of competition ranks ("1224").
    pub dense_ranks: bool,
    /// Ranks compare values rounded half-up to this many decimals.
    pub rank_decimals: Option<u32>,
    /// The group's full marks (its own indicator set's, or `scheme.total`).
    pub total: Decimal,
}

/// `[[indicator]] redistribute`: how an inner node's unused maximum reaches its applicable children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Redistribute {
    /// Each applicable child gains an equal part of the unused maximum.
    Even,
    /// Each applicable child's maximum is scaled by node max / Σ applicable max.
    Proportional,
}

/// `[[indicator]] threshold`: an agency whose points on `node` are below `min` gets at best `grade`.
#[derive(Debug, Clone)]
pub struct Threshold {
    pub node: usize,
    pub min: Decimal,
    pub grade: String,
}

/// Where an agency with a triggered agency-level veto ranks (`[scheme] veto_rank`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VetoRank {
    /// By its total like anyone (the default).
    Score,
    /// After every non-vetoed agency of its group.
    Last,
    /// No rank (名次 —).
    Unranked,
}

impl Group {
    /// The value ranks compare: rounded when the group says so.
    pub fn rank_value(&self, v: Decimal) -> Decimal {
        match self.rank_decimals {
            Some(dp) => {
                v.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            }
            None => v,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TieKey {
    Dimension(usize),
    Base,
    Bonus,
}

#[derive(Debug, Clone)]
pub struct GradeBand {
    pub name: String,
    pub min: Decimal,
    pub quota: Option<Quota>,
}

#[derive(Debug, Clone, Copy)]
pub enum Quota {
    Count(u32),
    /// At most this share of the group, made whole by `rounding`, never below `min`.
    Share {
        share: Decimal,
        rounding: ShareRounding,
        min: u32,
    },
}

/// How a share of the group becomes whole agencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareRounding {
    Floor,
    /// Half away from zero.
    Round,
    Ceil,
}

impl Quota {
    pub fn limit(&self, group_size: usize) -> usize {
        match *self {
            Quota::Count(n) => n as usize,
            Quota::Share { share, rounding, min } => {
                let x = share * Decimal::from(group_size as u64);
                let n = match rounding {
                    ShareRounding::Floor => x.floor(),
                    ShareRounding::Round => x.round_dp_with_strategy(
                        0,
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                    ),
                    ShareRounding::Ceil => x.ceil(),
                };
                let n: usize = n.try_into().unwrap_or(0usize);
                n.max(min as usize)
            }
        }
    }
}

/// An indicator: what every node has, and what it is ([`NodeKind`]).
#[derive(Debug, Clone)]
pub struct Node {
    pub id: String,
    pub name: String,
    pub max: Decimal,
    pub basis: String,
    pub note: Option<String>,
    pub parent: Option<usize>,
    /// Index into `Scheme::roots` of the dimension this node belongs to.
    pub dimension: usize,
    pub applies: Applicability,
    /// Deductions below this node never take it below zero.
    pub floor: bool,
    /// Weight in the parent's mean or geometric mean.
    pub weight: Decimal,
    /// Decimals the node's value is rounded to before its parent uses it.
    pub round: Option<u32>,
    /// The node counts 0 unless this node (an earlier sibling) has a value above 0.
    pub gate: Option<usize>,
    /// The node's rank compares values rounded half-up to this many decimals.
    pub rank_decimals: Option<u32>,
    /// The range `kaohe robustness` varies `weight` in.
    pub weight_bounds: Option<(Decimal, Decimal)>,
    /// Dense (true) or competition (false) ranks for this indicator; `None`: the group's style.
    pub dense_ranks: Option<bool>,
    /// 1-based line of the indicator in the rules file.
    pub line: u64,
    pub kind: NodeKind,
}

/// A leaf item scored by its method, or an inner indicator combining its children.
#[derive(Debug, Clone)]
pub enum NodeKind {
    Leaf(Method),
    Inner {
        /// Never empty, in file order.
        children: Vec<usize>,
        /// How the children's values combine (docs/composite.md).
        aggregate: Aggregate,
        /// The aggregated value normalised (linear scalings only).
        transform: Option<Normalise>,
    },
}

/// How an inner node's value comes from its children's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    Sum,
    Mean,
    Geometric,
}

impl Node {
    /// The node's children (none for a leaf).
    pub fn children(&self) -> &[usize] {
        match &self.kind {
            NodeKind::Leaf(_) => &[],
            NodeKind::Inner { children, .. } => children,
        }
    }
    /// A leaf's scoring method.
    pub fn method(&self) -> Option<&Method> {
        match &self.kind {
            NodeKind::Leaf(m) => Some(m),
            NodeKind::Inner { .. } => None,
        }
    }
    /// An inner node's own normalisation.
    pub fn transform(&self) -> Option<&Normalise> {
        match &self.kind {
            NodeKind::Inner { transform, .. } => transform.as_ref(),
            NodeKind::Leaf(_) => None,
        }
    }
    /// How the node combines its children (a leaf has none to combine: a sum of nothing).
    pub fn aggregate(&self) -> Aggregate {
        match &self.kind {
            NodeKind::Inner { aggregate, .. } => *aggregate,
            NodeKind::Leaf(_) => Aggregate::Sum,
        }
    }
}

/// Which agencies a node (or bonus item) applies to. Empty `groups` and `agencies` mean all.
#[derive(Debug, Clone, Default)]
pub struct Applicability {
    pub groups: Vec<String>,
    pub agencies: Vec<String>,
    pub exempt: Vec<String>,
}

impl Applicability {
    pub fn applies(&self, agency: &str, group: &str) -> bool {
        if self.exempt.iter().any(|a| a == agency) {
            return false;
        }
        if self.groups.is_empty() && self.agencies.is_empty() {
            return true;
        }
        self.groups.iter().any(|g| g == group) || self.agencies.iter().any(|a| a == agency)
    }
}

#[derive(Debug, Clone)]
pub enum Method {
    Deduct(Vec<DeductKind>),
    Deadline(Deadline),
    Measure(Measure),
    Survey(SurveyItem),
    Normalise(Normalise),
}

/// A measured value normalised against the other agencies' or fixed bounds (docs/composite.md).
#[derive(Debug, Clone)]
pub struct Normalise {
    /// The measure id in measures.csv.
    pub measure: String,
    /// Denominator measure.
    pub per: Option<String>,
    pub scaling: Scaling,
    pub higher_is_better: bool,
    /// Population of data-derived statistics.
    pub within: Scope,
    pub missing: NormMissing,
    pub winsorise: Option<Winsorise>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scaling {
    /// To 0…max between goalposts (fixed, or the data's min and max).
    MinMax { bounds: Option<(Decimal, Decimal)>, clamp: bool },
    /// (v − mean) / sd (fixed, or the data's mean and sample sd).
    ZScore { fixed: Option<(Decimal, Decimal)> },
    /// v / best × max.
    Best,
    /// 1 + the number of agencies with a worse value (the best of n gets n; ties share the lower).
    Rank,
    /// The value as it is.
    None,
}

/// Which agencies share a statistic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Run,
    Group,
    Parent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NormMissing {
    NotApplicable,
    Zero,
    Error,
    /// The mean of the denominated values of the agencies in the same scope.
    Mean(Scope),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Winsorise {
    pub skew: Decimal,
    pub kurtosis: Decimal,
    pub max_iterations: u32,
}

#[derive(Debug, Clone)]
pub struct DeductKind {
    pub kind: String,
    pub name: String,
    pub points: Decimal,
    pub cap: Option<Decimal>,
    /// Not limited by any floor: the deduction reaches the dimension (and the total) whatever the
    /// item's points (重大问题, no cap).
    pub major: bool,
}

#[derive(Debug, Clone)]
pub struct Deadline {
    pub due: NaiveDate,
    pub late: Late,
    /// Done after this date counts as not done.
    pub cutoff: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy)]
pub enum Late {
    /// Late work earns nothing.
    Zero,
    /// Late work earns this share of the maximum.
    Share(Decimal),
    /// Each started month late costs `points`, never below `min_share` of the maximum.
    PerMonth { points: Decimal, min_share: Decimal },
    /// Each started block of `days` calendar days late costs `points`, never below `min_share`.
    PerBlock { points: Decimal, days: u32, min_share: Decimal },
}

#[derive(Debug, Clone)]
pub struct Measure {
    pub unit: Option<String>,
    pub missing: Missing,
    pub mapping: Mapping,
}

#[derive(Debug, Clone)]
pub struct SurveyItem {
    pub survey: String,
    pub missing: Missing,
    pub below_minimum: BelowMinimum,
    pub mapping: Mapping,
}

/// What an agency without a value for a measured or survey item gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Zero,
    NotApplicable,
    Error,
}

/// What a survey result below the questionnaire's minimum sample does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BelowMinimum {
    /// Score it as it is, noting the flag in the ledger.
    Flag,
    Zero,
    NotApplicable,
}

#[derive(Debug, Clone)]
pub enum Mapping {
    /// 0 points at `zero_at`, full at `full_at`, linear between (either direction).
    Linear { zero_at: Decimal, full_at: Decimal },
    /// First tier the value meets wins; none met → 0.
    Tiers(Vec<Tier>),
    /// Full points at or beyond `target`; `points` off per `per` units short of it.
    PerUnit {
        target: Decimal,
        points: Decimal,
        per: Decimal,
        units: UnitCount,
        higher_is_better: bool,
    },
    /// value ÷ best value in the group × max (or best ÷ value when lower is better).
    RelativeToBest { higher_is_better: bool },
    /// Points by competition rank in the group: `points[rank-1]`, then decreasing by `then_step`.
    ByRank { points: Vec<Decimal>, then_step: Decimal, higher_is_better: bool },
}

impl Mapping {
    /// Whether points depend on the other agencies in the group.
    pub fn is_relative(&self) -> bool {
        matches!(self, Mapping::RelativeToBest { .. } | Mapping::ByRank { .. })
    }
}

#[derive(Debug, Clone)]
pub struct Tier {
    pub bound: TierBound,
    pub value: TierValue,
}

#[derive(Debug, Clone, Copy)]
pub enum TierBound {
    AtLeast(Decimal),
    AtMost(Decimal),
}

#[derive(Debug, Clone, Copy)]
pub enum TierValue {
    Share(Decimal),
    Points(Decimal),
}

/// How a shortfall is counted in units for `per_unit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitCount {
    Exact,
    /// Only whole units count (每低1个百分点: 2.5 short → 2).
    Floor,
    /// Any started unit counts (2.5 short → 3).
    Ceil,
}

#[derive(Debug, Clone, Default)]
pub struct Bonus {
    pub cap: Option<Decimal>,
    /// Bonus counts only when the (rescaled) base reaches this.
    pub min_base: Option<Decimal>,
    /// Bonus counts only when the named nodes' points reach a bound.
    pub gate: Option<BonusGate>,
    /// The top-level part the bonus belongs to: its lines are weighted with the part.
    pub to: Option<usize>,
    pub basis: Option<String>,
    pub items: Vec<BonusItem>,
}

/// `[bonus] gate`: the sum of the named nodes' points (own units) must reach `bound`
/// (`at_least`, inclusive) or exceed it (`above`).
#[derive(Debug, Clone)]
pub struct BonusGate {
    pub nodes: Vec<usize>,
    pub bound: Decimal,
    pub inclusive: bool,
}

#[derive(Debug, Clone)]
pub struct BonusItem {
    pub id: String,
    pub name: String,
    pub points: Decimal,
    pub cap: Option<Decimal>,
    pub basis: String,
    pub applies: Applicability,
}

#[derive(Debug, Clone, Default)]
pub struct Penalty {
    pub cap: Option<Decimal>,
    pub kinds: Vec<PenaltyKind>,
}

#[derive(Debug, Clone)]
pub struct PenaltyKind {
    pub kind: String,
    pub name: String,
    pub points: Decimal,
    pub cap: Option<Decimal>,
    pub basis: String,
}

#[derive(Debug, Clone)]
pub struct Veto {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub grade: Option<String>,
    pub score: Option<Decimal>,
    /// `score_mode = "set"`: the total is set to `score` (raised as well as lowered).
    pub set: bool,
    /// A 单项否决: the node this veto zeroes.
    pub indicator: Option<usize>,
    pub basis: String,
}

#[derive(Debug, Clone)]
pub struct Lookback {
    pub basis: String,
    pub cap: Option<Decimal>,
    pub repeat_multiplier: Decimal,
    /// Kinds no longer priced that look-back rows may still name.
    pub kinds: Vec<String>,
    pub rectified: Decimal,
    pub late: Decimal,
    pub partial: Decimal,
    pub not_rectified: Decimal,
}

/// Rectification status of last year's finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rectification {
    Rectified,
    Late,
    Partial,
    NotRectified,
}

impl Rectification {
    /// Accepts the English names, their common synonyms and the usual Chinese ones, after
    /// trimming, ASCII lower-casing and mapping `-` and space to `_` (docs/rules.md §6).
    pub fn parse(s: &str) -> Option<Self> {
        let w: String = s
            .trim()
            .chars()
            .map(|c| if c == '-' || c == ' ' { '_' } else { c.to_ascii_lowercase() })
            .collect();
        match w.as_str() {
            "rectified" | "fixed" | "done" | "已整改" | "整改到位" | "整改完成" | "已完成整改"
            | "完成整改" => Some(Self::Rectified),
            "late" | "overdue" | "rectified_late" | "逾期整改" | "未及时整改" | "超期整改"
            | "整改滞后" => Some(Self::Late),
            "partial"
            | "partly"
            | "partially"
            | "partially_rectified"
            | "部分整改"
            | "整改不力"
            | "整改不到位"
            | "基本整改"
            | "部分完成" => Some(Self::Partial),
            "not_rectified" | "unrectified" | "not_done" | "none" | "未整改" | "尚未整改"
            | "未完成整改" | "未整改到位" => Some(Self::NotRectified),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Self::Rectified => "rectified",
            Self::Late => "late",
            Self::Partial => "partial",
            Self::NotRectified => "not_rectified",
        }
    }
    /// The status as a person reads it (已整改 … in Chinese; the name in English).
    pub fn label(self) -> String {
        crate::t!("rules-rectification", status = self.name())
    }
}

impl Lookback {
    pub fn points(&self, status: Rectification) -> Decimal {
        match status {
            Rectification::Rectified => self.rectified,
            Rectification::Late => self.late,
            Rectification::Partial => self.partial,
            Rectification::NotRectified => self.not_rectified,
        }
    }
}
