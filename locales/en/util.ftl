# Messages of the shared utilities: reading tables (CSV, Excel), text encodings, output directories.

## Reading tables

util-column-number = column { $column }
util-file-too-big = the file has { $bytes } bytes: an input table may have at most { $max } (survey exports go through `kaohe survey import`, which streams)
util-empty-file = the file is empty: expected a header row and data rows
util-nul-byte = the file contains a NUL byte: expected a text (CSV) file
util-quote-not-closed = a quoted value opened on this line is never closed: expected a closing `"` (the file was cut short, or a quote inside a value is not doubled as `""`)
util-malformed-csv = malformed CSV: { $error }
util-row-width = this row has { $fields } fields but the header has { $width }: expected one field per column (an unquoted comma inside a value?)
util-no-header = the file has no header row: expected column names
util-too-many-columns = { $columns } columns: an input table may have at most { $max } (is this the right file?)
util-cell-too-long = a cell of { $bytes } bytes: cells may have at most { $max } bytes
util-too-many-rows = more than { $max } data rows: an input table may have at most that many
util-run-too-long = a cell of more than { $limit } bytes: cells may have at most { $max } bytes (is this a CSV file?)
util-duplicate-column = column `{ $column }` appears twice in the header: expected unique column names
util-not-spreadsheet = cannot open as a spreadsheet: { $error }
util-no-sheets = the workbook has no sheets: expected one sheet of rows
util-bad-sheet = cannot read sheet `{ $sheet }`: { $error }
util-empty-sheet = the sheet is empty: expected a header row and data rows
util-beyond-named-columns = this row has values beyond the { $width } named columns: expected a header for every column
util-unpacks-too-big = the workbook unpacks to { $bytes } bytes: an input table may have at most { $max } (is this the right file?)
util-formula-without-value = the formula `={ $formula }` has no saved value: expected values (open the file in Excel and save it, or paste the column as values)

## Text encodings

util-not-utf8-declared = byte { $byte } is not valid UTF-8 (the file was declared UTF-8; try --encoding gbk)
util-undecodable = byte { $byte } at offset { $offset } is neither valid UTF-8 nor GB18030 (GBK): expected a UTF-8 or GB18030 text file (use --encoding to say which)
util-undecodable-declared = byte { $byte } at offset { $offset } is not valid { $encoding }: expected a UTF-8 or GB18030 text file (use --encoding to say which)
util-bom-not-utf8 = the file starts with a UTF-8 byte-order mark but byte { $byte } at offset { $offset } is not UTF-8 (a GBK file saved with a BOM?); expected UTF-8 throughout, or remove the BOM
util-mixed-encodings = byte { $byte } is not UTF-8 but line { $line } is UTF-8 text: the file mixes encodings (lines pasted from a GBK file into a UTF-8 one?); expected one encoding throughout (save it again as UTF-8, or use --encoding)

## Output directories (--out)

util-out-refused = --out { $out }: { $why }
util-out-special = is { $kind }, expected a directory
util-out-file = is a file, expected a directory
util-out-root = is the root directory; choose a directory of its own
util-out-is = is { $what }; choose a directory of its own
util-out-contains = contains { $what } ({ $path }); choose a directory of its own
util-out-inside = is inside { $what } ({ $path }), which may hold only inputs
util-working-directory = the working directory
util-kind-fifo = a FIFO (named pipe)
util-kind-socket = a socket
util-kind-device = a device
util-kind-other = not a regular file
util-copy-special = { $path }: is { $kind }; an output directory may hold only files and directories
util-links-unsupported = { $path }: links in an output directory are not supported

## Synthetic data (kaohe synth)

util-synth-missing-agency = { $questionnaire } rates agency `{ $agency }`, which this synthetic data set does not have: generate at least the agencies the questionnaire rates

# A table's header row: a column the reader needs, or one it does not know.
util-missing-column = missing column `{ $column }`: the header row has { $header }
util-unknown-column = unknown column { $number } `{ $column }`: expected one of { $known }
