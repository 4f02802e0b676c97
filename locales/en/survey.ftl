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
