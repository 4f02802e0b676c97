# The ledger: the text of every line (explain, preview, scores.json's `detail`). Points are
# passed already written; names are the scheme's own.
ledger-survey-below-minimum = survey `{ $survey }` below its minimum sample (n = { $n })
ledger-flagged = flagged: { $why }
ledger-sample = n = { $n }
ledger-redistribute-even = shared evenly
ledger-redistribute-proportional = shared in proportion
# A parent's points of children that do not apply, given to a child that does.
ledger-redistribute = { $node }: { $unused } not applicable, { $how }: { $child } full { $old } → { $new }, points { $points } × { $new }/{ $old }
ledger-geometric-mean = { $name }: weighted geometric mean of { $children } → { $value }
ledger-gated = gated: `{ $gate }` is not above 0, so `{ $node }` counts 0
ledger-normalised-node = { $name }: { $text } (children's lines × { $slope })
ledger-floored = deductions floored: `{ $node }` cannot go below 0
ledger-node-rounded = `{ $node }` rounded to { $decimals } decimals { $from } → { $to }
ledger-rounded = rounded { $from } → { $to }
ledger-dimension-rounded = dimension rounded { $from } → { $to }
ledger-rescale = { $points } of an applicable { $applicable } rescaled to { $total }: × { $total }/{ $applicable }
ledger-base-rounded = base rounded { $from } → { $to }
ledger-total-rounded = total rounded { $from } → { $to }
ledger-total-floor = the total cannot go below 0
ledger-inside-geometric = { $detail } [inside the geometric mean `{ $node }`: counted by its line]
ledger-share-of-total = { $detail } [× { $share } of the total]
ledger-residue = decimal residue of the lines at { $decimals } decimals ({ $gap })
ledger-full-before-deductions = { $name }: full { $max } before deductions
# After a finding of a major kind (with its leading space).
ledger-major = {" "}(major, not limited by floors)
ledger-kind-deductions = { $name }: deductions
ledger-task-not-applicable = { $name }: not applicable, leaves the maximum
ledger-task-none = { $name }: no completion recorded (due { $due }) → 0
ledger-task-not-done = { $name }: not done (due { $due }) → 0
ledger-task-on-time = { $name }: done { $date }, on time (due { $due }) → { $max }
ledger-task-after-cutoff = { $name }: done { $date }, after the cut-off { $cutoff } → 0
# An item's name and how its points were worked out.
ledger-item = { $name }: { $text }
ledger-value-missing-zero = { $name }: no value recorded → 0
ledger-value-missing-not-applicable = { $name }: no value recorded: not applicable, leaves the maximum
ledger-value-not-applicable = { $name }: { $why }: not applicable, leaves the maximum
ledger-value-zero = { $name }: { $why } → 0
# A finding or an award: the kind's name, how many, the points of each.
ledger-per-item = { $name } × { $count }: { $each } each
ledger-all-bonus = all bonus
ledger-bonus-below-threshold = bonus not counted: base { $base } is below the threshold { $min }
ledger-bonus-weighted = bonus counted in { $part }, weighted by { $weight }: { $points } × { $weight }
ledger-capped-gain = { $what } capped at { $cap } (earned { $sum })
ledger-capped-loss = { $what } capped at { $cap } (found { $sum })
ledger-with-appeal = { $text }; { $appeal }
ledger-all-penalties = all penalties
ledger-lookback-name = look-back
ledger-lookback-repeat = ; found again this year: × { $multiplier }
ledger-lookback = last year's “{ $kind }”: { $status } → { $points }
ledger-node-veto = single-item veto { $veto }: { $node } counts 0 (was { $points })
ledger-threshold = { $node } scored { $points }, below { $min }: grade { $grade }
ledger-veto-set = veto { $veto }: score set to { $score }
ledger-veto-overturned = veto { $veto } not applied: { $appeal }
ledger-veto-cap = veto { $veto }: score capped at { $cap }
ledger-veto-grade = veto { $veto }: grade forced to { $grade }
ledger-veto-see-indicator = single-item veto { $veto }: see the indicator's line
# Normalised items (docs/composite.md).
ledger-scope-run = the run
ledger-scope-group = group `{ $group }`
ledger-scope-parent = parent `{ $parent }`
ledger-minmax-goalposts = goalposts
ledger-minmax-data = data
ledger-minmax-flat = min-max: every value equals { $value } → { $max }
ledger-clamped = {" "}(clamped)
# After the bounds of a scaling (with its leading comma).
ledger-lower-is-better = , lower is better
ledger-minmax = min-max on { $whose } [{ $low }, { $high }]
# A scaling, whether lower is better, then the value and its points.
ledger-scaled = { $how }{ $lower }: { $value } → { $points }
ledger-zscore-fixed = fixed
ledger-zscore = z-score, { $whose } mean { $mean } and sd { $sd }
ledger-relative-to-best = relative to the best { $best }: { $value } → { $points }
ledger-no-measure = no `{ $measure }` recorded
ledger-no-denominator = no denominator `{ $per }` recorded
ledger-imputed = { $note }: imputed the mean of { $count } values in { $scope } = { $mean }
ledger-rank-by-value = rank by value among { $count }: { $value } → { $points }
ledger-winsorised = ; winsorised { $from } → { $to } ({ $moves } move(s) in { $scope })
ledger-normalised = { $name }: { $note }{ $winsorised }; { $text }
# Measured values mapped to points.
ledger-tier = tier: { $value } { $bound } → { $points }
ledger-tier-none = tier: { $value } meets no tier → 0
ledger-relative-to-group-best = relative to the group's best { $best }: { $value } → { $points }
ledger-rank-in-group = rank { $rank } of { $of } in the group by value { $value } → { $points }
ledger-linear = linear: { $value } between { $zero } (0) and { $full } ({ $max }) → { $points }
ledger-target-met = { $value } meets the target { $target } → { $max }
ledger-short-of-target = { $value } is { $short } short of { $target }: { $units } × { $each } off → { $points }
# Tasks done late.
ledger-late-nothing = done { $done }, { $days } days after the due date { $due }: late work earns nothing
ledger-late-share = done { $done }, { $days } days late (due { $due }): { $share } of { $max } → { $points }
ledger-late-months = done { $done }, { $months } month(s) late (due { $due })
ledger-late-blocks = done { $done }, { $days } days late (due { $due }), { $blocks } period(s) of { $block } days
# How late, then the maximum less the late points, not below a minimum.
ledger-late-reduced = { $late }: { $max } − { $count } × { $each }, not below { $min } → { $points }
# A bonus gate that is closed: the bonus does not count.
ledger-bonus-gate-below = { $nodes } scored { $points }, below { $bound }: bonus not counted
ledger-bonus-gate-not-above = { $nodes } scored { $points }, not above { $bound }: bonus not counted
