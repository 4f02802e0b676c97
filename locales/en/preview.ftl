# An agency's score preview (kaohe preview): terminal text, preview.html, preview.pdf and what-if.

## Terminal text

preview-text-what-if = What if: { $label }
preview-text-official = official  total { $total }  grade { $grade }  rank { $rank } of { $size }
preview-text-assumed = what-if   total { $total }  grade { $grade }  rank { $rank } of { $size }  ({ $change })
preview-text-no-change = no ledger line changes
preview-text-aggregates = { $group } ({ $size ->
    [one] 1 agency
   *[other] { $size } agencies
}): mean { $mean }, median { $median }, top { $top }
preview-text-withheld = { $group } ({ $size ->
    [one] 1 agency
   *[other] { $size } agencies
}): group aggregates withheld (fewer than { $min } agencies)

## preview.html and preview.pdf

preview-html-lang = en
preview-title = Score preview: { $agency } ({ $id })
preview-subtitle = { $scheme } · { $group } · basis { $basis }
# A section heading: "1. Result".
preview-pdf-heading = { $n }. { $title }
preview-result = Result
preview-veto = Veto: { $veto } ({ $source })
preview-lost-heading = Points lost (largest first)
preview-lost = Points lost
preview-lost-note = "Recoverable at most" is the line's own points; caps and rescaling may make the real gain smaller. A what-if (--drop-finding, --assume-rectified) computes it exactly.
preview-no-loss = No points were deducted.
preview-group-heading = Against the group
preview-ledger-heading = Ledger (where every point comes from)
preview-ledger = Ledger
preview-footer = kaohe { $version } · rules { $scheme }
preview-demoted = { " " }(moved down by the grade quota)
preview-to-next-grade = { $points } points short of { $grade }
preview-top-grade = already in the top grade
preview-to-next-rank = { $points } points short of the next rank
preview-first = already first in the group
preview-what-if-heading = What if: { $label }
preview-compare = Official and what-if results
preview-official = Official
preview-assumed = What-if
preview-removed = Lines no longer counted
preview-added = Lines added
preview-removed-intro = Lines no longer counted:
preview-added-intro = Lines added:
preview-aggregates = Group aggregates (aggregates only)
preview-aggregates-withheld = The group has fewer than { $min } agencies: aggregates are withheld.
preview-chart-heading = Score rate by dimension against the group
preview-chart-caption = { $agency }: score rate by dimension against the group
preview-dimensions = Dimensions
preview-not-applicable = n/a
preview-col-total = Total
preview-col-grade = Grade
preview-col-rank = Rank in group
preview-col-rank-short = Rank
preview-col-next-grade = To the next grade
preview-col-next-rank = To the next rank
preview-col-lost = Lost
preview-col-rule = Rule
preview-col-finding = Finding and basis
preview-col-source = Source
preview-col-recoverable = Recoverable at most
preview-col-group = Group
preview-col-size = Agencies
preview-col-mean = Mean
preview-col-median = Median
preview-col-top = Top
preview-col-dimension = Dimension
preview-col-points = Points
preview-col-max = Applicable max
preview-col-rate = Score rate
preview-col-group-rate = Group mean rate
preview-col-group-range = Group range
preview-col-value = Points
preview-col-detail = Detail

## What-if (--drop-finding, --assume-rectified, --with)

preview-without-findings = without findings { $ids }
preview-rectified = with { $ids } rectified
preview-with-rows = with the rows of { $file }
preview-parts-sep = { "; " }
preview-if-appeals-won = if the pending appeals on { $ids } are won
preview-finding-not-own = finding `{ $id }` is not one of agency `{ $agency }`'s findings
preview-no-such-finding = --drop-finding { $id }: no finding has this id
preview-lookback-not-own = look-back finding `{ $id }` is not one of agency `{ $agency }`'s
preview-no-such-lookback = --assume-rectified { $id }: no look-back finding (last year's) has this id; this year's findings are left out with --drop-finding
preview-row-not-own = { $source }: the row is about agency `{ $other }`: a what-if may only change agency `{ $agency }`'s own rows
preview-appeal-no-finding = { $source }: no finding has id `{ $id }`
preview-no-agency = no agency with id `{ $id }`
preview-no-agency-hint = no agency with id `{ $id }`: did you mean { $hint }?
preview-folder-clash = agencies `{ $other }` and `{ $agency }` would share the folder `{ $folder }` (characters a file name cannot hold become _, case ignored); give one of them a different id
