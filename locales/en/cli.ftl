# The command line: what the subcommands print.
# After writing two files.
cli-wrote-two = wrote { $first } and { $second }
# The verdict of kaohe verify.
cli-verified = verified: { $files } files match; recomputing the run gives identical outputs
cli-not-verified = NOT verified: { $problems } problem(s)
# kaohe check: the rules file is valid, and how each of its test cases went.
cli-check-valid = { $rules }: valid — { $dimensions } dimensions, { $indicators } indicators ({ $items } items), { $groups } groups, { $bonus } bonus items, { $penalties } penalty kinds, { $vetoes } vetoes
cli-check-case-ok = ok    case "{ $name }" (line { $line })
cli-check-case-fail = FAIL  case "{ $name }" (line { $line })
cli-check-summary = { $passed } passed, { $failed } failed
# After writing files.
cli-wrote = wrote { $path }
cli-wrote-previews = wrote { $count } agency folders under { $dir }
cli-wrote-charts = wrote { $count } chart files in { $dir }
# Rows (right-aligned already) and the file.
cli-wrote-rows = { $rows } rows  { $path }
cli-warning = warning: { $message }
# An agency id given on the command line that does not exist.
cli-no-agency = no agency with id `{ $agency }`{ $hint }
cli-did-you-mean = : did you mean { $names }?
# Where an output file may not go.
cli-out-inside-data = is inside the data directory ({ $data }), which may hold only inputs
cli-out-is-rules = is the rules file
cli-out-is-dir = is a directory, expected a file

# The line `kaohe survey import` ends with: rows by outcome (they add up to the rows read).
cli-survey-imported = { $rows } rows: { $valid } valid, { $screened } screened, { $rejected } rejected; wrote { $dir }
# `kaohe survey parse`: counts of a parse without classification.
cli-survey-parsed = { $records } records, { $fields } fields

# Directories an output directory may not be, contain or sit inside (used in "is …", "inside …").
cli-keep-data-dir = the data directory
cli-keep-rules-dir = the rules file's directory
cli-keep-input-dir = the directory of an input
