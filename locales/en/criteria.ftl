# Scoring criteria (kaohe rules table): the rules written out in words.
criteria-sep = { "; " }
criteria-end = .
criteria-comma = { ", " }
criteria-list-sep = { ", " }
criteria-quoted = “{ $name }”
criteria-date = { $d } { $m ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $y }
criteria-title = { $title }: scoring criteria
criteria-basis-line = Basis: { $basis }
criteria-table-caption = Scoring criteria
criteria-level = Level { $n } indicator
criteria-col-points = Points
criteria-col-standard = Scoring standard
criteria-col-applies = Applies to
criteria-col-basis = Basis
criteria-col-indicator = Indicator
criteria-col-rule = How it combines
criteria-col-bonus = Bonus item
criteria-col-penalty = Penalty
criteria-col-veto = Veto
criteria-col-veto-type = Kind
criteria-col-effect = Effect
criteria-col-group = Group
criteria-col-grade = Grade
criteria-col-range = Total
criteria-col-quota = Quota
criteria-node-points = { $name } ({ $points } points)
criteria-node-weighted = { $name } ({ $points } points, weight { $weight })
criteria-sheet-main = Criteria
criteria-sheet-rules = Other rules

# Deductions
criteria-deduct = { $name }: { $points } off per finding
criteria-deduct-capped = { $name }: { $points } off per finding, at most { $cap } on this item
criteria-deduct-major = { $name }: { $points } off per finding (a major finding: uncapped, not limited to this item's points)
criteria-floor-item = the item never goes below 0
criteria-floor-at = deductions may exceed this item's points, until “{ $name }” reaches 0
criteria-floor-none = deductions are not limited to this item's points

# Deadline tasks
criteria-due = done by { $date } (inclusive): full points
criteria-late-zero = done late: no points
criteria-late-share = done late: { $pct }% of the item's points
criteria-late-month = { $points } off for each month late (a started month counts in full)
criteria-late-day = { $points } off for each day late
criteria-late-block = { $points } off for each { $days } days late (a started block counts in full)
criteria-late-min = { $cost }, never below { $pct }% of the item's points
criteria-late-min-zero = { $cost }, down to 0
criteria-cutoff = done after { $date }: counted as not done
criteria-not-done = not done: no points

# Measured values and surveys
criteria-subject-measure = the value
criteria-subject-measure-unit = the value ({ $unit })
criteria-subject-survey = the satisfaction index of survey “{ $survey }”
criteria-subject-norm = the value of “{ $measure }”
criteria-subject-norm-per = the value of “{ $measure }” divided by “{ $per }”
criteria-subject-aggregate = the combined value
criteria-linear-up = { $subject } at or below { $zero }: 0 points; at or above { $full }: full points; in between, in proportion
criteria-linear-down = { $subject } at or below { $full }: full points; at or above { $zero }: 0 points; in between, in proportion
criteria-tiers = { $subject } { $tiers }, otherwise 0 points
criteria-tier-at-least = at least { $bound }: { $value }
criteria-tier-at-most = at most { $bound }: { $value }
criteria-tier-full = full points
criteria-tier-share = { $pct }% of the item's points
criteria-tier-points = { $points } points
criteria-per-unit-low = { $subject } at or above { $target }: full points; { $points } off for every { $per } below it, down to 0
criteria-per-unit-high = { $subject } at or below { $target }: full points; { $points } off for every { $per } above it, down to 0
criteria-units-exact = a part of { $per } costs in proportion
criteria-units-floor = a part of { $per } costs nothing
criteria-units-ceil = a part of { $per } counts as { $per }
criteria-relative-best = points = { $subject } ÷ the group's highest value × the item's points
criteria-relative-best-low = points = the group's lowest value ÷ { $subject } × the item's points (a value of 0 earns full points)
criteria-by-rank = by rank in the group, highest { $subject } first: { $places }
criteria-by-rank-low = by rank in the group, lowest { $subject } first: { $places }
criteria-rank-place = rank { $rank } { $points }
criteria-rank-step = each further rank { $step } less, down to 0
criteria-rank-rest = every further rank { $points }
criteria-rank-ties = equal values share a rank
criteria-missing-zero = no value: 0 points
criteria-missing-na = no value: not applicable, the item leaves the agency's maximum
criteria-missing-error = every agency it applies to must have a value
criteria-missing-mean = no value: the mean of { $scope } instead
criteria-below-min-flag = a result with too few valid responses is scored as it is and flagged
criteria-below-min-zero = a result with too few valid responses: 0 points
criteria-below-min-na = a result with too few valid responses: not applicable, the item leaves the agency's maximum
criteria-scope-run = all agencies
criteria-scope-group = the agencies of the group
criteria-scope-parent = the agencies with the same parent
criteria-minmax-fixed = { $subject } { $low }: 0 points, { $high }: full points, in proportion between; { $clamp }
criteria-minmax-fixed-low = { $subject } { $high }: 0 points, { $low }: full points, in proportion between; { $clamp }
criteria-clamp = values beyond count as the nearer end
criteria-no-clamp = values beyond are extrapolated
criteria-minmax = { $subject } scaled linearly between the lowest (0 points) and the highest (full points) of { $scope } (all equal: full points)
criteria-minmax-low = { $subject } scaled linearly between the highest (0 points) and the lowest (full points) of { $scope } (all equal: full points)
criteria-zscore = { $subject } standardised: (value − the mean of { $scope }) ÷ standard deviation
criteria-zscore-fixed = { $subject } standardised: (value − { $mean }) ÷ { $sd }
criteria-zscore-low = { $zscore }, negated as lower is better
criteria-best = points = { $subject } ÷ the highest of { $scope } × the item's points
criteria-best-low = points = the lowest of { $scope } ÷ { $subject } × the item's points
criteria-norm-rank = points = 1 + the number of { $scope } with a worse { $subject } (ties share the lower)
criteria-norm-none = points = { $subject }
criteria-winsorise = while |skewness| exceeds { $skew } and kurtosis exceeds { $kurtosis }, the most extreme value moves to its neighbour, at most { $times } times

# Node attributes and composition
criteria-weight-total = counts × { $weight } in the total
criteria-weight-sum = counts × { $weight } in its parent
criteria-weight-mean = weight { $weight } in its parent's mean
criteria-round = rounded half up to { $decimals } decimals
criteria-gate = counts 0 when “{ $name }” scores 0
criteria-composition-heading = How indicators combine
criteria-aggregate-weighted = the weighted sum of its children
criteria-aggregate-mean = the weighted mean of its children
criteria-aggregate-mean-plain = the mean of its children
criteria-aggregate-geometric = the weighted geometric mean of its children (each must be above 0)
criteria-redistribute-even = the points of a child that does not apply are spread evenly over the other children that apply
criteria-redistribute-proportional = the points of a child that does not apply are spread over the other children that apply, in proportion to their points

# Applies to
criteria-applies-all = all agencies
criteria-applies-named = only { $agencies }
criteria-applies-groups-and = { $groups }, and { $agencies }
criteria-applies-none = none
criteria-applies-except = { $who } (except { $exempt })

# Method
criteria-method-heading = Method
criteria-total = full marks { $total }
criteria-group-total = { $group } full marks { $total }
criteria-rescale = an agency to which some indicators do not apply scores points ÷ applicable maximum × { $total }
criteria-rescale-group = an agency to which some indicators do not apply scores points ÷ applicable maximum × its group's full marks
criteria-no-rescale = indicators that do not apply leave the maximum; nothing is rescaled
criteria-rounding = { $steps } rounded half up to { $decimals } decimals
criteria-no-rounding = nothing is rounded
criteria-step-item = each item's points
criteria-step-dimension = each level 1 indicator's points
criteria-step-base = the base
criteria-step-total = the total
criteria-order = total = { $formula }, not below 0; vetoes apply last
criteria-term-base = base
criteria-term-bonus = bonus
criteria-term-penalty = penalties
criteria-term-lookback = look-back
criteria-plus = { " + " }{ $term }
criteria-minus = { " − " }{ $term }

# Bonus, penalties, vetoes, look-back
criteria-bonus-heading = Bonus
criteria-bonus-item = { $points } per award
criteria-bonus-item-capped = { $points } per award, at most { $cap } on this item
criteria-bonus-cap = at most { $cap } bonus in all
criteria-bonus-min-base = the bonus counts only when the base reaches { $points }
criteria-bonus-gate = the bonus counts only when { $names } together reach { $points }
criteria-bonus-gate-above = the bonus counts only when { $names } together exceed { $points }
criteria-bonus-to = the bonus belongs to “{ $name }” and is weighted with it
criteria-penalty-heading = Penalties
criteria-penalty-item = { $points } off per finding
criteria-penalty-item-capped = { $points } off per finding, at most { $cap } for this kind
criteria-penalty-intro = penalties come off the total, not limited by any indicator's points
criteria-penalty-cap = at most { $cap } off in all
criteria-veto-heading = Vetoes
criteria-veto-one = veto
criteria-veto-single = single-item veto
criteria-veto-zero = “{ $name }” scores 0
criteria-veto-grade = graded { $grade } at best (takes no quota place)
criteria-veto-set = the total is set to { $score }
criteria-veto-cap = the total is at most { $score }
criteria-threshold-name = “{ $name }” below { $min }
criteria-threshold-type = minimum
criteria-veto-rank-score = A vetoed agency is ranked by its total.
criteria-veto-rank-last = A vetoed agency ranks after every other agency of its group.
criteria-veto-rank-unranked = A vetoed agency is not ranked.
criteria-lookback-heading = Look-back
criteria-lookback-points = last year's findings cost, each: rectified { $rectified }, rectified late { $late }, partly rectified { $partial }, not rectified { $not_rectified }
criteria-lookback-repeat = a finding repeated this year costs { $times } times as much
criteria-lookback-cap = at most { $cap } off in all
criteria-lookback-kinds = last year's kinds no longer priced this year: { $kinds }

# Grades
criteria-grades-heading = Grades
criteria-band-all = any
criteria-band-top = { $min } and above
criteria-band-mid = { $min } to below { $below }
criteria-band-low = below { $below }
criteria-quota-none = no limit
criteria-quota-count = at most { $n }
criteria-quota-share = at most { $pct }% of the group ({ $rounding })
criteria-quota-with-min = { $quota }, at least { $n }
criteria-rounding-floor = rounded down
criteria-rounding-round = rounded half up
criteria-rounding-ceil = rounded up
criteria-group-rules = { $group }: { $rules }.
criteria-ties-dense = equal totals share a rank and the next rank follows on (1, 2, 2, 3)
criteria-ties-competition = equal totals share a rank and the next rank skips (1, 2, 2, 4)
criteria-tie-break = equal totals are separated by { $keys }, higher first
criteria-tie-dimension = the points on “{ $name }”
criteria-tie-base = the base
criteria-tie-bonus = the bonus
criteria-rank-decimals = ranks compare totals at { $decimals } decimals
criteria-quota-ties-include = agencies beyond a quota drop to the next grade in rank order; agencies tied at the boundary all keep the grade
criteria-quota-ties-exclude = agencies beyond a quota drop to the next grade in rank order; agencies tied at the boundary that would exceed it all drop

# Command line
criteria-bad-format = { $path }: unknown file type: expected .xlsx, .docx or .md
criteria-out-is-rules = { $path }: the output is the rules file: choose another output path
criteria-written = wrote { $path } ({ $rows ->
    [one] 1 item
   *[other] { $rows } items
})
