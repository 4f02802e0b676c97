# The report (kaohe report): rankings.xlsx, report.md/html, the circular (docx/pdf) and the charts.
# rankings.xlsx's ranking sheets have rankings.csv's titles and values (output.ftl). A page's
# dimension title shows the id here: a select with only a default variant (on $name, showing $id)
# names the same arguments in both languages.

## rankings.xlsx's indicator-points sheet

report-xlsx-indicator-sheet = indicator points
report-xlsx-rule = rule
report-xlsx-points = points
report-xlsx-unnamed-group = group

## Column titles on a page (report.html, report.md, the circular)

report-title-group = Group
report-title-rank = Rank
report-title-agency-id = Agency ID
report-title-agency = Agency
report-title-total = Total
report-title-grade = Grade
report-title-dimension = { $name ->
   *[other] { $id } ({ $max })
}
report-title-tail = { $column ->
    [applicable_max] Applicable max
    [rescale] Rescale
    [bonus] Bonus
    [penalty] Penalty
    [lookback] Look-back
    [adjustment] Adjustment
    [veto] Veto
    [demoted_by_quota] Demoted by quota
    [appeals_changed] Appeals changed
    [appeals_pending] Appeals pending
   *[other] { $column }
}
report-page-yes = yes

## report.md / report.html

report-md-title = { $title }: assessment results
report-basis = Basis: { $basis }
report-md-total = Maximum: { $total }; points kept to { $decimals } decimal places.
report-html-basis = Basis: { $basis }; maximum { $total }.
report-html-lang = en
report-grade-distribution = Grades
report-group-count = { $group } ({ $count ->
    [one] 1 agency
   *[other] { $count } agencies
})
report-html-agency-charts = Each agency against its group ({ $count ->
    [one] 1 chart
   *[other] { $count } charts
})
report-notes = Notes on method
report-method-rate = Score rate = points ÷ the maximum that applies to the agency; indicators that do not apply are left out of the denominator.
report-method-rescale = An agency whose applicable maximum is below the scheme's has its base points rescaled to the scheme's maximum (the "rescale" column).
report-method-total = Total = dimension points + rescale + bonus + penalty + look-back + adjustment (veto caps, rounding).
report-method-rank = Agencies are ranked by total within their group, ties sharing a rank (after two tied 9th comes 11th); a veto may override the grade.
report-html-dimensions = Dimensions
report-html-code = ID
report-html-name = Name
report-html-max = Maximum
report-grade-standards = Grade standards
report-grade-min = Minimum
report-previous-file = Last year's results: { $file }.
report-inputs = Input files
report-inputs-kind = Kind
report-inputs-file = File
report-inputs-read = Rows read
report-inputs-used = Rows used
report-inputs-rejected = Rows rejected
report-scheme-version = Scheme { $scheme }, kaohe { $version }.
report-html-font-note = { " " }Chart text is set in a subset of Noto Sans CJK SC (SIL OFL 1.1).
report-html-figcaption = { $title } ({ $link })
report-figure = Figure: { $caption }
report-pdf-page = Page { $page } of { $pages }

## The circular (report.docx, report.pdf)

report-doc-title = Results of the { $title }
report-doc-issuer = Office of the Leading Group for Open Government Affairs
report-doc-year = { $year }
report-doc-intro = Under { $basis }, the results of the { $title } are announced as follows.
# A section heading: "1. Overview".
report-doc-heading = { $number }. { $title }
report-doc-numeral = { $n }
report-doc-overview = Overview
report-doc-vetoes-and-demotions = Vetoes and quota demotions
report-doc-against-last-year = Against last year
report-doc-rankings = Rankings by group
report-doc-points = { $points } points
report-doc-named = { $label } ({ $points })
# Separators of items in a sentence.
report-list-sep = { ", " }
report-clause-sep = { "; " }
report-doc-grade-count = { $grade } { $count }
report-doc-group-count = { $group }: { $count ->
    [one] 1 agency
   *[other] { $count } agencies
}: { $grades }.
report-doc-top = { " " }Top { $numeral }: { $list }
report-doc-bottom = ; bottom { $numeral }: { $list }
report-doc-period = .
report-doc-veto-grade = grade set to { $grade }
report-doc-veto-cap = total capped at { $cap } points
report-doc-veto-other = treated as vetoed
report-doc-veto-item = { $agency }, for "{ $veto }" ({ $rule }): { $effect }
report-doc-no-veto = No agency triggered a veto.
report-doc-vetoes = { $count ->
    [one] 1 agency
   *[other] { $count } agencies
} triggered a veto: { $list }.
report-doc-quota-see = { " " }(quota rules under the grade standards)
report-doc-no-demotion = No agency was moved down a grade by a quota{ $rule }.
report-doc-demoted = { $count ->
    [one] 1 agency reached the minimum of a higher grade but was moved down by the quota{ $rule }: { $list }.
   *[other] { $count } agencies reached the minimum of a higher grade but were moved down by the quota{ $rule }: { $list }.
}
report-doc-move = { $label } ({ $change } points, rank { $was }→{ $now })
report-doc-unranked = unranked
report-doc-none = none
report-doc-movers = { $group } ({ $count } agencies comparable with last year): biggest rises { $up }; biggest falls { $down }.
report-doc-grade-table = Grade standards and quotas
report-doc-quota-rule = Quota rule
report-doc-ranking-caption = { $group } rankings ({ $count ->
    [one] 1 agency
   *[other] { $count } agencies
})

## Quota rules (grade standards table)

report-quota-ties-keep = agencies tied at the quota boundary all keep the grade
report-quota-ties-demote = agencies tied at the quota boundary are all moved down when they exceed the quota
report-quota-count = at most { $count ->
    [one] 1 agency
   *[other] { $count } agencies
}
report-quota-floor = rounded down
report-quota-round = rounded half up
report-quota-ceil = rounded up
report-quota-at-least = , and at least { $count }
report-quota-share = at most { $percent }% of the group's agencies ({ $how }){ $floor }
report-quota-rule = { $rule }; the rest move down one grade; { $ties }

## Last year's results (--previous)

report-previous-not-utf8 = not UTF-8 (expected the rankings.csv kaohe writes)
report-previous-missing-column = missing column (expected a kaohe rankings.csv, with a Chinese or an English header)
report-previous-not-a-number = not a number: { $value }
report-previous-not-a-rank = not a rank: { $value }
report-previous-twice = agency { $agency } appears twice

## Terminal

report-progress-drawing = drawing charts
report-progress-writing = writing charts
report-font-missing = label "{ $label }": { $chars } not in the embedded font and would draw as a box; add to assets/fonts/extra-chars.txt and re-run scripts/subset-font.sh

## Charts

report-chart-part = { $title } (part { $part } of { $parts })
report-chart-total = Total
report-chart-mean = mean { $mean }
report-chart-veto = Veto
report-chart-distribution-title = Totals by group, with the grade bands
report-chart-distribution-ring = Hollow: grade decided by a quota or a veto (colour is the final grade)
report-chart-ranking-title = { $group }: ranking by total
report-chart-quota = { " " }(quota)
report-chart-veto-named = { " " }(veto: { $veto })
report-chart-composition-title = { $group }: composition of the total
report-chart-composition-note = Rescale: change from rescaling to the applicable maximum; veto/adjustment: veto caps, floors and rounding
report-chart-rescale = Rescale
report-chart-bonus = Bonus
report-chart-penalty = Penalty
report-chart-lookback = Look-back
report-chart-veto-adjustment = Veto/adjustment
report-chart-vetoed = { $label } (veto)
report-chart-heatmap-title = { $group }: score rate by dimension
report-chart-not-applicable = n/a
report-chart-change-title = { $group }: against last year
report-chart-change-axis = Total (hollow: last year, filled: this year)
report-chart-change-rank = { $change }, rank { $was }→{ $now }
report-chart-change-unranked-now = { $change }, rank { $was }→unranked
report-chart-change-ranked-now = { $change }, unranked→rank { $now }
report-chart-change-unranked = { $change }, unranked both years
report-chart-change-new = not ranked last year
report-chart-agency-title = { $agency } against { $group }: score rate by dimension
report-chart-rate-axis = Score rate (%)
report-chart-own = This agency
report-chart-group-range = Group lowest–highest
report-chart-group-mean = Group mean
report-chart-group-mean-value = Group mean { $mean }
report-chart-verdict = Total { $total } · grade { $grade }
report-chart-verdict-veto = { " " }(decided by a veto: { $veto })
report-chart-verdict-quota = { " " }(moved down by the grade quota)
report-chart-verdict-points = { " " }(by points)
report-chart-satisfaction-title = { $group }: { $survey } satisfaction index with 95% confidence interval
report-chart-satisfaction-index = Satisfaction index
report-chart-satisfaction-ci = 95% confidence interval
report-chart-below-minimum = sample too small
report-chart-below-minimum-key = Sample too small (grey, hollow)
report-chart-no-result = no survey result
