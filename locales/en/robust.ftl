# Robustness analysis (kaohe robustness): the terminal summary, robustness.svg's key, input errors.

# The heading of an analysis: kind, replicates, method.
robust-heading = { $kind } ({ $replicates } replicates, { $method }{ $how })
robust-from-responses = { " " }of { $responses } responses from { $file }
robust-fixed-no-responses = ; { $rows } survey rows without responses that give their index stay fixed
robust-from-intervals = { " " }from survey.csv's confidence intervals
robust-fixed-no-interval = ; { $rows } survey rows without a confidence interval stay fixed
robust-widest = widest 90% rank intervals:
robust-interval = rank { $rank }  90% interval { $low }–{ $high } (all { $min }–{ $max })
robust-can-change = grade can change: { $count } of { $of } agencies
robust-grade-now = { $grade } now; { $shares }
robust-more = … and { $count } more in robustness.csv
robust-chart-key = { $kind } ({ $replicates } replicates): 90% rank interval, dot = rank
robust-chart-first = rank 1
robust-ci-reversed = ci_high { $high } is below ci_low { $low }: expected ci_low ≤ ci_high
robust-weight-not-positive = weight { $weight }: expected a positive weight
robust-y-decimals = y { $y }: expected a score with at most 6 decimals
robust-weight-differs = group { $group } has weight { $weight } here and { $earlier } on an earlier row of agency { $agency }: expected one weight per group
