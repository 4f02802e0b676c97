# Outputs: the columns and values of rankings.csv, the terminal summary.
# The fixed columns of rankings.csv (in English, the keys programs read).
output-column =
    .group = group
    .rank = rank
    .agency-id = agency_id
    .agency = agency
    .total = total
    .grade = grade
    .applicable-max = applicable_max
    .rescale = rescale
    .bonus = bonus
    .penalty = penalty
    .lookback = lookback
    .adjustment = adjustment
    .veto = veto
    .demoted-by-quota = demoted_by_quota
    .appeals-changed = appeals_changed
    .appeals-pending = appeals_pending
output-yes = true
output-no = false
# Terminal: rows of every input file, reconciled.
output-inputs-heading = inputs (rows read = used + rejected):
output-inputs-absent = absent (--allow-missing; scored as if no row): { $kinds }
# Between the items of a list.
output-list-separator = {", "}
# The summary of `kaohe score`: the scheme's title and the number of agencies.
output-summary-title = { $title } — { $count } agencies
# One line per group: name (id, number of agencies): the count of each grade.
output-summary-group = { $name } ({ $id }, { $count } agencies): { $grades }
output-summary-veto = veto: { $name }
# `kaohe explain`: one agency's ledger.
output-explain-standing = total { $total }  grade { $grade }  rank { $rank } of { $size }
output-explain-demoted = (moved down by the grade quota)
output-explain-section = { $title }: { $points }
output-explain-dimension = { $id } { $name } (applicable max { $max })
output-explain-rescale = rescaling
output-explain-bonus = bonus
output-explain-penalty = penalty
output-explain-lookback = look-back
output-explain-adjustment = adjustments (veto, floor, rounding)
output-explain-veto = veto: { $name } ({ $rule }) from { $source }
