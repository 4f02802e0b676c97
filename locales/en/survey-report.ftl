# kaohe survey report: the survey team's statistics (answer distributions as on wjx's
# statistics page, and the screening accounting).

## Reading the import directory
survey-report-not-import = { $dir } is not an output directory of kaohe survey import (no inputs.csv): expected the --out directory of survey import or survey merge.
survey-report-other-questionnaire = this directory was imported with questionnaire { $id } (SHA-256 { $sha }), not with the one given, { $expected_id } (SHA-256 { $expected_sha }): use the questionnaire file the import used.
survey-report-unbalanced = the accounting does not add up: { $rows } rows read but valid + screened + rejected = { $accounted }: the import directory is damaged or was edited; import again.
survey-report-listed-rejected = { $listed } rejected rows listed but accounting.csv counts { $counted }: the import directory is damaged or was edited; import again.
survey-report-listed-screened = { $listed } rows listed as screened by { $rule } but accounting.csv counts { $counted }: the import directory is damaged or was edited; import again.
survey-report-counts-mismatch = agency { $agency }, question { $question }: { $counted } answers counted but the agency has { $valid } valid responses: every valid response answers each question once (don't-know and skipped included); import again.

## Words
survey-report-skipped = (skipped)
survey-report-valid = Valid
survey-report-screened = Screened
survey-report-rejected = Rejected
survey-report-screened-by = Screened: { $rule }
survey-report-rows-read = Rows read
survey-report-unresolved = (agency not recognised)
survey-report-total = Total
survey-report-kind-rated = rated
survey-report-kind-dont-know = don't know
survey-report-kind-skipped = skipped

## Screening rules
survey-report-rule-min-seconds = completed in under { $seconds } s
survey-report-rule-min-seconds-off = too fast (not set)
survey-report-rule-attention = failed attention check ({ $id })
survey-report-rule-straight-lining = same option throughout (straight-lining)
survey-report-rule-no-rated-answer = nothing rated (all don't-know or skipped)
survey-report-rule-duplicate = duplicate (by { $columns })
survey-report-rule-duplicate-off = duplicate (not set)

## Charts
survey-report-chart-count-share = { $count } ({ $share }%)
survey-report-chart-share-axis = Share (%)
survey-report-chart-share-of-rated-axis = Share of rated answers (%)
survey-report-chart-accounting = Screening accounting ({ $rows } rows read)
survey-report-chart-question = { $id }. { $text } (all agencies)
survey-report-chart-per-agency = { $id }. { $text } (per agency)
survey-report-chart-part = { $title } (part { $k } of { $of })
survey-report-chart-of-rated = rated options: of { $n } rated answers
survey-report-chart-of-responses = don't know, skipped: of { $n } valid responses
survey-report-chart-rated-apart = rated { $rated } | other { $apart }
survey-report-chart-no-rated = no rated answer

## Page and tables
survey-report-title = { $survey }: survey statistics
survey-report-html-lang = en
survey-report-questionnaire = Questionnaire { $id }, SHA-256 { $sha }.
survey-report-basis = Basis: { $basis }
survey-report-accounting = Screening accounting
survey-report-accounting-sum = { $rows } rows read = { $valid } valid + { $screened } screened + { $rejected } rejected; every row accounted for.
survey-report-accounting-per-agency = Accounting per agency
survey-report-reasons = Why rows were rejected
survey-report-overall = Answers over all agencies
survey-report-per-agency = Answers per agency
survey-report-agency-tables = Each agency in detail
survey-report-agency-summary = { $agency } ({ $id }): { $valid } valid responses
survey-report-question = { $id }. { $text }
survey-report-rated-of = Rated answers (of { $responses } valid responses)
survey-report-notes = Notes
survey-report-note-counts = Every number is a count of valid responses (not weighted by respondent group), the import's counts.csv summed over groups and agencies.
survey-report-note-shares = A rated option's share = its count ÷ the question's rated answers (don't-know and skipped left out); don't-know and skipped as shares of the valid responses. Shares to one decimal, rounded half away from zero.
survey-report-note-apart = Don't-know (not applicable) answers leave the satisfaction's denominator, so they are shown apart and are not in the rated options' shares.
survey-report-note-files = Rows read = valid + screened by each rule + rejected; every screened and rejected row is listed with its file and line in the import directory's screened.csv and rejected.csv.
survey-report-font = Text in the charts and page uses a subset of Noto Sans CJK SC (SIL OFL 1.1). kaohe { $version }.
survey-report-col-outcome = Outcome
survey-report-col-rows = Rows
survey-report-col-share-read = Share of rows read (%)
survey-report-col-reason = Reason
survey-report-col-first = First (file:line)
survey-report-col-agency-id = Agency id
survey-report-col-agency = Agency
survey-report-col-question-id = Question id
survey-report-col-question = Question
survey-report-col-option = Option
survey-report-col-kind = Kind
survey-report-col-count = Count
survey-report-col-base = Base
survey-report-col-share = Share (%)
survey-report-col-file = File
survey-report-col-encoding = Encoding

## Workbook
survey-report-sheet-accounting = Accounting
survey-report-sheet-reasons = Rejection reasons
survey-report-sheet-overall = All agencies
survey-report-sheet-per-agency = Per agency

## Command line
survey-report-written = wrote { $files } files to { $dir } ({ $valid } valid responses, { $questions } rated questions, { $charts } charts).
survey-report-warning = warning: { $message }
