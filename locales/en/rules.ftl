# The rules file: problems found reading and validating it.
# An unknown key or value, with the closest name.
rules-did-you-mean = {" "}(did you mean `{ $name }`?)
rules-unknown-key = unknown field `{ $key }`{ $hint }, expected one of { $expected }
rules-unknown-value = unknown variant `{ $value }`{ $hint }, expected { $expected }
# Validation of the scheme (src/rules/validate.rs), by the key at fault.
rules-bonus-min-base = min_base { $m } is above scheme.total { $top_total }: the bonus could never count
rules-scheme-basis = empty basis: expected the document the scheme rests on
rules-scheme-year = year { $y }: expected a year between 1900 and 2200
rules-scheme-total = total is { $total }: expected a positive number of points
rules-value = unknown { $what }`{ $word }`: expected { $list }
rules-indicator-id = empty indicator id: expected a short id such as D1.2
rules-indicator-id-2 = duplicate indicator id `{ $id }` (first defined on line { $prev_line })
rules-indicator-parent = indicator `{ $id }` names parent `{ $value }`, which is not an indicator id in this file
rules-indicator-parent-2 = the parents of indicators { $members } form a cycle: expected a tree
rules-indicator = the scheme has no indicators: expected at least one [[indicator]]
rules-veto-id = duplicate veto id `{ $id }`
rules-veto = veto `{ $id }` does nothing: expected grade, score or indicator
rules-veto-grade = grade `{ $value }` is not a grade of group `{ $id }`: expected one of { $name }
rules-veto-score = score cap { $value } is outside 0..={ $total }
rules-veto-score-2 = score cap { $value } has more decimals than the scheme rounds to ({ $decimals }): expected a cap totals can equal
rules-veto-basis = empty basis: expected the clause the veto rests on
rules-veto-kind = empty finding kind: expected the kind that triggers the veto
rules-veto-kind-2 = kind `{ $kind }` triggers two vetoes: expected one veto per kind
rules-lookback-repeat-multiplier = repeat_multiplier is { $m }: expected at least 1 (a repeat never costs less)
rules-lookback-basis = empty basis: expected the clause the look-back rests on
rules-value-2 = { $value }: expected points to deduct, zero or positive
rules-group-tie-break = unknown tie-break `{ $k }`: expected a top-level indicator id, `base` or `bonus`
rules-max = indicator `{ $id }` has max { $max }: expected a positive number
rules-basis = indicator `{ $id }` cites no clause: expected basis = "<document> <clause>"
rules-max-2 = indicator `{ $id }` has max { $cm } but its parent `{ $id2 }` averages its children on a scale of { $max }: expected max = { $max }
rules-max-3 = indicator `{ $id }` has max { $max } but its children's maxima add up to { $sum }: expected them to be equal
rules-groups = unknown group `{ $value }`: expected one of { $group_ids }
rules-indicator-2 = item `{ $id }` has { $methods } scoring methods: expected exactly one of [[indicator.deduct]], [indicator.deadline], [indicator.measure], [indicator.survey], [indicator.normalise]
rules-indicator-3 = indicator `{ $id }` has children and a scoring method: expected methods on leaf items only
rules-round = round = { $value }: expected 0 to 20 decimals
rules-weight-bounds = indicator `{ $id }`: weight_bounds = { $value }: expected [low, high] with 0 ≤ low ≤ high
rules-rank-decimals = { $value }: expected 0 to 20 decimals
rules-gate = indicator `{ $id }` is gated by `{ $value }`: expected the id of an earlier sibling (same parent, earlier in the file)
rules-weight = weight { $w }: expected a positive number
rules-rounding-decimals = { $decimals } decimals: expected 0 to 10
rules-group = the scheme defines no groups: expected at least one [[group]] with grade bands
rules-group-id = duplicate group id `{ $id }`
rules-group-grade = group `{ $id }` has no grade bands: expected [[group.grade]] entries, best first
rules-group-grade-min = the lowest band `{ $name }` starts at { $min }: expected a last band with min = 0 so every agency gets a grade
rules-group-grade-2 = the lowest band has a quota: expected quotas on higher bands only (nobody can drop below the last band)
rules-group-rank-decimals = { $value }: expected 0 to 20 decimals
rules-group-grade-name = grade `{ $name }` appears twice in group `{ $id }`
rules-group-grade-min-2 = grade `{ $name }` has min { $min }, not below the previous band's { $value }: expected bands best first with decreasing minima
rules-value-3 = cap { $cap }: expected a positive number of points
rules-kind = empty finding kind
rules-kind-2 = finding kind `{ $kind }` is already priced on line { $prev }: expected each kind priced once
rules-deduct-points = deduction of { $points } points: expected a positive number (the points one finding costs)
rules-deduct-major = a major kind has a cap: expected major kinds to be uncapped
rules-deadline-cutoff = cutoff { $cut } is before the due date { $due }
rules-aggregate = item `{ $id }` has no children to aggregate: expected aggregate on inner indicators only
rules-normalise = indicator `{ $id }` has children: its normalise scales the aggregated value and takes no measure, per, missing, impute_within or winsorise
rules-normalise-method = indicator `{ $id }`: a rank is not a linear scaling: expected minmax, zscore, best or none on an inner indicator
rules-normalise-method-2 = indicator `{ $id }`: best ÷ value is not linear: expected higher_is_better with method = "best" on an inner indicator
rules-normalise-impute-within = item `{ $id }`: impute_within without missing = "mean"
rules-normalise-mean = item `{ $id }`: mean and sd belong to method = "zscore"
rules-normalise-low = item `{ $id }`: low, high and clamp belong to method = "minmax"
rules-normalise-method-3 = item `{ $id }`: method = "{ $method }" takes no low, high, clamp, mean or sd
rules-normalise-low-2 = item `{ $id }`: low { $l } is not below high { $h }: expected low < high
rules-normalise-low-3 = item `{ $id }` has only one of low and high: expected both fixed goalposts or neither
rules-normalise-clamp = item `{ $id }`: clamp without fixed goalposts: data-derived bounds never need clamping
rules-normalise-sd = item `{ $id }`: sd { $sd }: expected a positive number
rules-normalise-mean-2 = item `{ $id }` has only one of mean and sd: expected both or neither
rules-value-4 = { $value }: expected a share between 0 and 1
rules-value-5 = `{ $value }`: expected a date such as 2022-11-30 (no time)
rules-indicator-4 = item `{ $id }` maps its value with { $count } rules: expected exactly one of linear, tiers, per_unit, relative_to_best, by_rank
rules-linear = zero_at and full_at are both { $zero_at }: expected two different values
rules-per-unit = points and per must be positive
rules-by-rank-points = no points: expected the points of rank 1, 2, …
rules-by-rank-points-2 = expected non-increasing points between 0 and the item's max { $max }
rules-by-rank-then-step = then_step is negative: expected the points each further rank loses (≥ 0)
rules-tiers = no tiers: expected a list of {"{"} at_least = …, share = … {"}"}
rules-tiers-2 = a tier needs exactly one of at_least or at_most
rules-tiers-share = share { $value }: expected 0 to 1
rules-tiers-points = points { $value }: expected at most the item's max { $max }
rules-tiers-3 = a tier needs exactly one of share or points
rules-tiers-4 = tiers must all be at_least (bounds decreasing) or all at_most (bounds increasing): the first tier met wins, so a later tier would never be reached
rules-bonus-min-base-2 = min_base { $m }: expected a base score ≥ 0
rules-bonus-item-id = duplicate bonus item `{ $id }`
rules-bonus-item-points = { $points }: expected positive points per award
rules-bonus-item-basis = empty basis: expected the clause the bonus rests on
rules-bonus-item-groups = unknown group `{ $value }`
rules-penalty-kind-basis = empty basis: expected the clause the penalty rests on
rules-penalty-kind-points = { $points }: expected positive points per finding
rules-group-total = total is { $value }: expected a positive number of points
rules-scheme-total-2 = the top-level indicators' maxima add up to { $root_sum } but scheme.total is { $scheme_total }: expected them to be equal
rules-scheme-total-3 = the top-level maxima add up to { $root_sum } over the file and, per group, { $detail }: expected the file's sum to equal scheme.total { $scheme_total }, or each group's sum its own total
rules-group-grade-share-rounding = `share_rounding` without max_share
rules-group-grade-min-count = `min_count` without max_share
rules-group-grade-3 = both max_share and max_count: expected at most one quota
rules-group-grade-max-share = max_share { $value }: expected a share in (0, 1], e.g. 0.3 for 30%
rules-deadline = more than one of late_share, late_per_month, late_per_block: expected one way to price late work
rules-deadline-block-days = 0: expected a block of at least 1 day
rules-deadline-block-days-2 = `deadline.block_days` without late_per_block
rules-value-6 = { $value }: expected positive points per { $per } late
rules-deadline-late-min-share = late_min_share without late_per_month or late_per_block
rules-veto-score-mode = `veto.score_mode` without score
rules-bonus-gate-sum-of = empty sum_of: expected the ids of the parts whose points open the bonus
rules-bonus-gate-sum-of-2 = `{ $id }` is not an indicator id in this file
rules-bonus-gate = expected exactly one of at_least or above
rules-bonus-gate-2 = { $bound } is beyond the named parts' maxima { $most }: the bonus could never count
rules-veto-2 = a veto on indicator `{ $id }` cannot also set or cap the total: expected grade = "…" or nothing besides indicator
rules-veto-indicator = `{ $id }` is not an indicator id in this file
rules-threshold-min = { $min } is outside (0, { $max }]: expected a minimum within the node's points
rules-threshold-grade = grade `{ $grade }` is not a grade of group `{ $id }`: expected one of { $names }
rules-lookback-kinds = `{ $k }` is priced on line { $line }: list only kinds this scheme no longer prices
rules-redistribute = `redistribute` on item `{ $id }`: expected it on an indicator with children
rules-bonus-to = `{ $to }` is not a top-level indicator
rules-bonus-to-2 = `{ $to }` is not an indicator id in this file
rules-list-or = { $items } or { $last }
