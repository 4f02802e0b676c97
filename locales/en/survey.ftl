# Survey import (kaohe survey): rejection reasons (rejected.csv) and the import report (import-report.md).

## Rejection reasons

survey-malformed-csv = malformed CSV: { $error }
survey-row-width = this row has { $fields } fields but the header has { $width }: expected one field per column (an unquoted comma inside a value?)
survey-not-utf8 = column { $column }: the text is not valid UTF-8 (the file was read as UTF-8 from its start; if it is GBK, pass --encoding gbk)
survey-no-agency = column `{ $column }`: no agency given: expected the agency rated
survey-unknown-agency = column `{ $column }`: unknown agency `{ $agency }`: expected one of the questionnaire's { $count } agencies (label, id{ $form ->
    [number] { " " }or position
   *[other] {""}
})
survey-unknown-group = column `{ $column }`: unknown respondent group `{ $group }`: expected one of { $expected }
survey-missing-answer = column `{ $column }`: missing required answer to question { $question }
survey-option-position = an option position 1 to { $count }
survey-answer-out-of-range = column `{ $column }`: answer `{ $answer }` to question { $question } is out of range: expected { $expected }
survey-bad-seconds = column `{ $column }`: unparseable completion time `{ $value }`: expected seconds like `136秒` or `136`
survey-bad-submitted = column `{ $column }`: unparseable submission time `{ $value }`: expected like `2022/06/01 14:22:55`

## Import report (import-report.md)

survey-import-title = Import report: { $title } ({ $id })
survey-import-sha = Questionnaire SHA-256: { $sha256 }
survey-import-files-header = | file | encoding | rows | SHA-256 |
survey-import-rows = Rows read: { $rows }; valid { $valid } + screened { $screened } + rejected { $rejected } = { $accounted } ({ $check }).
survey-import-accounted = every row accounted for
survey-import-mismatch = MISMATCH
survey-import-rules-header = | screening rule | rows |
survey-import-per-agency = Per agency (minimum valid sample { $minimum }): see `accounting.csv`; below the minimum: { $below }.
survey-import-none = none
survey-import-first-rejected = First rejected rows (all in `rejected.csv`):

## Import errors

survey-internal-second-pass = internal error: duplicate screening found new out-of-order keys on its second pass; please report this with the questionnaire and the exports
survey-same-content = this file has the same content as { $other } (SHA-256 { $sha256 }…): the same export given twice? expected each export once (its responses would be counted twice)
survey-response-twice = response 序号 { $id } submitted `{ $submitted }` appears again: first at { $first }; the same export given twice, or two downloads of one export merged? expected each response once
survey-no-responses = the export has a header row but no responses: expected at least one response row (exported before any came in?)
survey-no-responses-in-any = none of the { $files } exports has a response (header rows only): expected at least one response row (exported before any came in?)
survey-malformed-header = malformed CSV header: { $error }
survey-shard-same-content = { $file } (in shard { $shard }) has the same content as { $other } (in shard { $other_shard }): a shard or an export given twice? expected each export in one shard once
survey-file-in-two-shards = file { $file } was imported in two shards ({ $shard }): each file belongs to one shard
survey-column-twice = the header names `{ $column }` ({ $what }) more than once: expected one column of that name (rename the export's columns, e.g. prefix matrix rows)
survey-column-missing = the header has no column `{ $column }` ({ $what }) named by the questionnaire
survey-col-agency = the agency rated
survey-col-group = the respondent group
survey-col-question = question { $question }
survey-col-seconds = completion time, for min_seconds
survey-col-submitted = submission time, for duplicate screening
survey-col-key = a duplicate key
survey-col-attention = an attention check

## The questionnaire (TOML)

survey-q-not-utf8 = a questionnaire must be UTF-8 text
survey-q-invalid = invalid questionnaire: { $error }
survey-q-empty-id = the questionnaire id is empty: expected e.g. `shanxi-2022-social`
survey-q-no-key-columns = no key columns: expected e.g. ["来自IP"]
survey-q-no-options = the scale has no options: expected at least one
survey-q-option-twice = option `{ $option }` appears twice
survey-q-option-value = option `{ $option }` has value { $value }: expected 0 to 100
survey-q-dont-know-value = option `{ $option }` is a don't-know option and has a value: a don't-know answer leaves the denominator, so it takes no value
survey-q-option-no-value = option `{ $option }` has no value: expected `value = 0..100` or `dont_know = true`
survey-q-too-many-options = more than 250 options: expected a rating scale
survey-q-agency-twice = agency id `{ $agency }` appears twice
survey-q-label-two-agencies = `{ $label }` names two agencies (`{ $first }` and `{ $second }`): labels must be unique, e.g. `太原市城区` rather than `城区`
survey-q-no-agencies = no agencies: expected the agencies being rated
survey-q-group-twice = group `{ $group }` appears twice
survey-q-group-weight = group `{ $group }` has weight { $weight }: expected a positive weight
survey-q-group-count = expected 1 to 250 respondent groups
survey-q-question-twice = question id `{ $question }` appears twice
survey-q-question-weight = weight { $weight }: expected a positive weight
survey-q-unknown-scale = unknown scale `{ $scale }`: expected one of { $expected }
survey-q-no-questions = no questions: expected at least one rated question
survey-q-unknown-question = unknown question `{ $question }`
survey-q-min-answered = { $value }: expected 2 to the number of listed questions ({ $listed })

# Reading an import's output back (survey merge, survey report): what a hand-edited file got wrong.
survey-readback-agency = agency `{ $agency }` is not in questionnaire { $survey }
survey-readback-no-agency = no agency
survey-readback-not-integer = `{ $value }` is not an integer
survey-readback-width = expected { $width } fields
survey-readback-group = unknown group `{ $group }`
survey-readback-file = file `{ $file }` is not listed in inputs.csv
survey-readback-questionnaire = imported with questionnaire { $was } (SHA-256 { $was_sha }), not { $survey } ({ $sha }): merge only imports of the same questionnaire
survey-readback-question = unknown question `{ $question }`
survey-readback-option = unknown option `{ $option }`
survey-readback-rule = unknown rule `{ $rule }`
survey-readback-not-decimal = `{ $value }` is not a decimal
survey-readback-score = `{ $value }`: expected a score in 0–100 with 6 decimals

## Reading and merging

survey-long-record = a record (response) of more than { $bytes } bytes starts on this line: expected one response per line (a quoted value never closed, or not a CSV export?)
survey-reader-failed = the reading thread failed
survey-positions-unconfirmed = this export writes answers by number (option positions), but the order of scale `{ $scale }` (question { $question }) was never confirmed (positions_confirmed = false): expected a questionnaire drafted from both exports (`kaohe survey init BY_TEXT BY_NUMBER`), or the order checked against the questionnaire and that line removed
survey-merge-agency-split = agency { $agency } has rows in both { $first } and { $second }: the questionnaire screens duplicates, which only merges exactly when each agency's rows are in one shard; import these files together instead
