# Reading input files and checking their rows against the scheme (src/input).

## Lists and small pieces.
input-list-separator = {", "}
input-and = {" and "}
input-id-and-name = { $id } ({ $name })
input-key-and-header = { $key } ({ $header })
input-did-you-mean = {" "}(did you mean { $names }?)
input-did-you-mean-file = did you mean { $name }?{" "}
input-also-on = ; the same on { $count ->
    [one] 1 more row
   *[other] { $count } more rows
  }: { $rows }

## A data directory.
input-both-files = { $dir } holds both { $files }: expected one file per input kind
input-ignore-not-file = is not a regular file: expected a text file listing names to leave unread
input-lock-file = an Excel lock file: { $original } is open in Excel (save and close it first), or list the name in { $ignore } to leave it unread
input-unknown-file = not a file kaohe reads: { $guess }expected only input files ({ $kinds }, each .csv, .xlsx or .xls), { $others }, or list the name in { $ignore } to leave it unread
input-unreadable-entry = cannot be read ({ $error }): expected a readable file
input-not-regular = is { $what }, not a regular file: expected a file of rows
input-file-type = { $what ->
    [fifo] a FIFO (named pipe)
    [device] a device
    [socket] a socket
    [folder] a folder
   *[other] something else
  }
input-kind-absent = no { $kind }.csv or { $kind }.xlsx in the data directory, but the scheme has items that read { $kind }: expected the file (with only its header row if there are none), or --allow-missing { $kind } to score as if it held no row
input-no-data-dir = data directory { $dir } does not exist
input-no-agencies = { $dir } has no agencies.csv or agencies.xlsx: expected the list of agencies (id, name, group, parent)
input-unknown-kind-file = { $file }: cannot tell what the file holds from its name: expected one of { $files }

## Columns.
input-unknown-column = unknown column { $number } `{ $header }`{ $hint }: expected one of { $expected }
input-column-twice = columns `{ $first }` and `{ $header }` both give `{ $key }`: expected one column for each
input-missing-column = missing column `{ $key }` ({ $header }): the header row has { $has }

## Cells.
input-empty-cell = `{ $column }` is empty: expected a value
input-number-empty = empty: expected a number
input-number-comma = `{ $value }` has a comma: expected a number without thousands separators or decimal commas, e.g. 1234 or 92.5
input-not-a-number = `{ $value }` is not a number: expected e.g. 92.5
input-count-comma = `{ $value }` has a comma: expected a whole number ≥ 0 without thousands separators
input-not-a-count = `{ $value }` is not a count: expected a whole number ≥ 0
input-count-negative = count { $value } is negative: expected a whole number ≥ 0
input-count-not-whole = count { $value } is not whole: expected a whole number ≥ 0
input-count-too-large = count { $value } is too large: expected at most { $max }
input-date-empty = empty: expected a date such as 2022-11-30, 2022/11/30 or 2022年11月30日
input-invalid-date = `{ $value }` is not a valid date: expected a date such as 2022-11-30, 2022/11/30 or 2022年11月30日
input-not-a-date = `{ $value }` is not a date: expected a date such as 2022-11-30, 2022/11/30 or 2022年11月30日
input-not-a-flag = `{ $value }`: expected true or false
input-unknown-rectification = unknown status `{ $status }`: expected rectified, late, partial or not_rectified (已整改/逾期整改/部分整改/未整改)
input-status-with-date = status is { $status } but a completion date is given: expected one or the other
input-unknown-task-status = unknown status `{ $status }`: expected done, not_done or not_applicable (已完成/未完成/不适用)
input-partly-needs-points = `{ $value }`: a partly-upheld finding needs its new points (≥ 0)
input-negative-points = points { $value } is negative: expected the points the finding now costs (≥ 0)
input-unknown-decision = unknown decision `{ $decision }`: expected upheld, overturned, partly or pending (维持/撤销/部分撤销/待复核)
input-points-not-partly = points are given but the decision is not `partly`: expected points only for partly-upheld findings

## Appeals.
input-appeal-no-finding = no finding has id `{ $finding }`: expected the id of a row in findings{ $hint }
input-appeal-twice = finding `{ $finding }` already has an appeal decision ({ $first }): expected one decision per finding
input-appeal-upheld = upheld on appeal
input-appeal-overturned = overturned on appeal
input-appeal-partly = partly upheld on appeal: now { $points } points
input-appeal-pending = appeal pending
input-appeal-cite = { $what } ({ $source }){ $note }
input-appeal-note = : { $note }

## Names resolved to ids.
input-ambiguous-group = `{ $value }` is the name of several groups: { $ids }: expected one of their ids
input-ambiguous-agency = `{ $value }` is the name of several agencies: { $ids }: expected the agency's id
input-ambiguous-kind = `{ $value }` is the name of several finding kinds: { $ids }: expected one of their ids
input-ambiguous-item = `{ $value }` is the name of several items: { $ids }: expected one of their ids
input-ambiguous-bonus = `{ $value }` is the name of several bonus items: { $ids }: expected one of their ids

## Rows checked against the scheme.
input-agency-twice = duplicate agency id `{ $id }` (first at { $first }): expected unique ids
input-agency-scientific = agency id `{ $id }` is Excel's scientific notation for { $number }: expected the id as text (format the column as text in Excel and type the ids again; a long id loses digits as a number)
input-no-agency-rows = no agencies: expected at least one row in agencies
input-unknown-group = unknown group `{ $group }` for agency `{ $agency }`{ $hint }: expected one of { $expected }{ $agencies ->
    [1] { $rows ->
        [0] {""}
       *[other] ; the agency's { $rows } rows in other files are not checked until this is fixed
      }
   *[other] ; { $agencies } agencies have this group, and their { $rows } rows in other files are not checked until this is fixed
  }
input-rule-names-agency = indicator `{ $indicator }` names agency `{ $agency }`, which is not in the agencies file{ $hint }
input-bonus-names-agency = bonus item `{ $bonus }` names agency `{ $agency }`, which is not in the agencies file{ $hint }
input-unknown-agency-scientific = unknown agency `{ $agency }`, which is Excel's scientific notation for { $number }{ $known ->
    [yes] {" "}(an id in the agencies file)
   *[no] {""}
  }: expected the id as text (format the column as text in Excel and type the ids again; a long id loses digits as a number)
input-unknown-agency = unknown agency `{ $agency }`: expected an id from the agencies file{ $hint }
input-finding-id-twice = duplicate finding id `{ $id }` (first at { $first }): expected unique ids, so that no finding counts twice
input-finding-row-twice = the same finding as at { $first } (every value equal, no id): expected each finding once (give each row an id, or one row with count 2)
input-award-id-twice = duplicate award id `{ $id }` (first at { $first }): expected unique ids, so that no award counts twice
input-award-row-twice = the same award as at { $first } (every value equal, no id): expected each award once (give each row an id, or one row with count 2)
input-lookback-id-twice = duplicate look-back finding id `{ $id }` (first at { $first }): expected unique ids, so that no look-back finding counts twice
input-lookback-row-twice = the same look-back finding as at { $first } (every value equal, no id): expected each look-back finding once (give each row an id)
input-unknown-kind = unknown finding kind `{ $kind }`: expected a kind priced in the rules{ $hint }
input-kind-not-applicable = finding kind `{ $kind }` is priced by indicator `{ $indicator }`, which does not apply to agency `{ $agency }` (group `{ $group }`)
input-measure-read-by-none = measure `{ $measure }` is read by no item that applies to agency `{ $agency }` (group `{ $group }`)
input-measure-twice = measure `{ $measure }` is recorded twice for agency `{ $agency }`: expected one value per agency and measure
input-not-an-item = { $what ->
    [task] `{ $item }` is not a deadline task of the scheme{ $hint }
   *[measure] `{ $item }` is not a measured item of the scheme{ $hint }
  }
input-item-not-applicable = { $what ->
    [task] task
   *[measure] item
  } `{ $item }` does not apply to agency `{ $agency }` (group `{ $group }`)
input-item-twice = { $what ->
    [task] task `{ $item }` is recorded twice for agency `{ $agency }`: expected one row per agency and task
   *[measure] item `{ $item }` is measured twice for agency `{ $agency }`: expected one value per agency and item
  }
input-unknown-bonus = unknown bonus item `{ $bonus }`{ $hint }
input-bonus-not-applicable = bonus item `{ $bonus }` does not apply to agency `{ $agency }`
input-no-lookback-rule = the scheme has no [lookback] rule: expected no look-back rows, or a [lookback] table in the rules
input-unknown-lookback-kind = unknown look-back kind `{ $kind }`: expected a kind priced in the rules or listed in [lookback].kinds{ $hint }
input-survey-not-applicable = no item reading survey `{ $survey }` applies to agency `{ $agency }` (group `{ $group }`)
input-unknown-survey = no indicator reads survey `{ $survey }`: expected one of { $expected }
input-index-outside = index { $index } is outside 0–100
input-survey-twice = survey `{ $survey }` has two results for agency `{ $agency }`

## One workbook as the data.
input-workbook-too-big = the workbook has { $size } bytes: an input workbook may have at most { $max }
input-not-a-workbook = cannot open as a workbook: { $error }
input-unknown-sheet = unknown sheet `{ $sheet }`{ $hint }: expected the sheets { $expected } (and { $guide }, which are not read)
input-sheet-twice = a second sheet for the same input kind as { $first }: expected one sheet per kind
input-workbook-no-agencies = { $file } has no sheet 单位 (agencies): expected the list of agencies (单位代码, 单位名称, 类别, 上级单位)
input-sheet-unreadable = cannot read the sheet: { $error }
input-beyond-columns = this row has values beyond the { $width } named columns: expected a header for every column
input-kind-absent-sheet = no sheet { $sheet } ({ $kind }) in the workbook, but the scheme has items that read { $kind }: expected the sheet (with only its header row if there are none), or --allow-missing { $kind } to score as if it held no row
