# The command line's own texts: `kaohe --help`, every subcommand's help, and clap's argument errors.
# Ids: help-about (the program), help-cmd-<subcommand path> (a subcommand), help-<path>-<argument>
# (one subcommand's argument), help-arg-<argument> (an argument several subcommands share).

## Headings of the help page (clap adds the colon).
help-heading-usage = Usage
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
# The placeholders in a usage line.
help-value-command = COMMAND
help-usage-options = [OPTIONS]
# After an argument's help.
help-default = [default: { $value }]
help-possible = [possible values: { $values }]

## Argument errors (after "error: ").
help-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
help-error-value-missing = a value is required for '{ $arg }' but none was supplied
help-error-value-refused = invalid value '{ $value }' for '{ $arg }': { $why }
help-error-unknown-argument = unexpected argument '{ $arg }' found
help-error-unknown-subcommand = unrecognized subcommand '{ $name }'
help-error-missing-subcommand = '{ $name }' requires a subcommand but one was not provided [subcommands: { $valid }]
help-error-missing-arguments = the following required arguments were not provided:
help-error-conflict = the argument '{ $arg }' cannot be used with { $other }
help-error-repeated = the argument '{ $arg }' cannot be used multiple times
help-error-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
help-error-value-count = { $expected } values required by '{ $arg }'; { $actual } given
help-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
help-error-not-utf8 = an argument is not valid UTF-8
help-error-similar-subcommand = tip: { $count ->
        [one] a similar subcommand exists: { $names }
       *[other] some similar subcommands exist: { $names }
    }
help-error-similar-argument = tip: { $count ->
        [one] a similar argument exists: { $names }
       *[other] some similar arguments exist: { $names }
    }
help-error-similar-value = tip: { $count ->
        [one] a similar value exists: { $names }
       *[other] some similar values exist: { $names }
    }
help-error-tip-value = tip: to pass '{ $value }' as a value, use '{ $fix }'
help-error-tip = tip: { $tip }
help-error-more = For more information, try '{ $flag }'.
# A flag's value refused by kaohe's own checks (after "invalid value … for …: ").
help-value-out-of-range = { $value } is not in { $min }..={ $max }
help-value-not-whole = { $value } is not a whole number (expected { $min }..={ $max })
help-value-not-encoding = unknown encoding `{ $value }`: expected utf-8, gbk, gb18030, gb2312, utf-16le or utf-16be
help-value-not-share = expected a share in [0, 1), got { $value }

## The program and its subcommands.
help-about = Score, grade and rank agencies in the 政务公开 assessment
help-cmd-help = Print this message or the help of the given subcommand(s)
help-cmd-score = Score, rank and grade every agency; write rankings.csv and scores.json
help-cmd-check = Validate a rules file and run the test cases it carries
help-cmd-explain = Show one agency's ledger: every point, its rule and its input row
help-cmd-preview = An agency's own breakdown, what-if scenarios and group aggregates (nobody else's data)
help-cmd-export-previews = Write one confidential folder per agency: its preview page and its own ledger as JSON
help-cmd-verify = Check a published run: inputs unchanged, outputs identical when recomputed
help-cmd-synth = Generate a synthetic but plausible data directory for a scheme (seeded)
help-cmd-survey = Social-evaluation questionnaires: import exports, merge shards, draft a questionnaire
help-cmd-survey-import = Import exports (CSV in UTF-8/GBK, .xls, .xlsx) and write the statistics and import report
help-cmd-survey-merge = Merge import output directories (shards) into one, exactly as importing all files at once
help-cmd-survey-synth = Generate a synthetic by-text export for a questionnaire (or, with --scaffold, a benchmark questionnaire with that many agencies)
help-cmd-survey-parse = Parse a CSV file on all cores and count its records, doing nothing else: the floor that the benchmark measures import against
help-cmd-survey-init = Draft a questionnaire TOML from an export's header row and the answers seen
help-cmd-survey-report = Write the survey team's report of an import: per rated question, the answers over all agencies and per agency (counts and shares, don't-know apart), and the screening accounting, as survey-report.html, survey-report.xlsx and charts/survey-*.png|svg
help-cmd-report = Write the annual report bundle: HTML, Markdown, Excel and charts
help-cmd-robustness = How robust the ranking is: rank intervals and grade chances under survey uncertainty and perturbed weights (seeded)
help-cmd-rules = Rules files: `rules table` writes the published 评分细则 (.xlsx, .docx, .md)
help-cmd-rules-table = Write the scheme as the 评分细则 table offices publish (.xlsx, .docx or .md by extension)
help-cmd-template = Write the workbook to fill in (考核数据.xlsx): a sheet per input kind, 说明 and drop-downs

## Arguments several subcommands share.
help-arg-help = Print help
help-arg-version = Print version
help-arg-subcommand = Print help for the subcommand(s)
help-arg-lang = Language of everything printed and written for people: zh (default) or en. Overrides the KAOHE_LANG environment variable
help-arg-all-errors = List every error found, not only the first 20
help-arg-rules = The scoring rules (TOML)
help-arg-data = The data directory (agencies.csv and the other input files, .csv or .xlsx) or one workbook (考核数据.xlsx)
help-arg-encoding = Text encoding of CSV inputs (utf-8, gbk, gb18030); detected when not given
help-arg-allow-missing = An input kind the scheme reads that may be absent from the data directory (every agency then scores as if it held no row); repeat for several. Without it, an absent kind is an error
help-arg-out = Output directory
help-arg-seed = Seed of the random draws: the same seed gives the same result
help-arg-agency = The agency id (see agencies.csv)

## One subcommand's arguments.
help-score-show = Agencies shown at the top and bottom of each group in the summary
help-preview-assume-rectified = Treat these look-back (last year's) findings as rectified
help-preview-drop-finding = Leave out these findings of this year
help-preview-with = Extra or replacement rows (a file named like its input kind: findings.csv, tasks.csv, …)
help-preview-html = Also write the preview as a self-contained HTML page
help-export-previews-out = Output directory: one sub-folder per agency id
help-verify-out = The published output directory (holding rankings.csv and scores.json)
help-synth-rules = The scoring rules the data is generated for
help-synth-agencies = Number of agencies (168 = Shanxi's 11 cities, 40 departments and 117 counties; at most 100000)
help-synth-out = Output data directory
help-synth-survey = Draw the survey results through a synthetic questionnaire export and the survey importer (writes survey-export.csv; survey.csv and survey-responses.csv are the importer's output). Repeat for several questionnaires: each export is survey-export-<id>.csv, listed in kaohe-ignore.txt
help-synth-survey-rows = Responses in the synthetic survey export (1 to 10000000)
help-survey-import-questionnaire = The questionnaire (surveys/*.toml)
help-survey-import-files = Export files, imported in this order
help-survey-import-encoding = Text encoding of CSV files (default: detect BOM, else UTF-8 if valid, else GB18030)
help-survey-import-answers = How the export writes answers, overriding the questionnaire: by text (labels) or by number (option positions)
help-survey-import-no-responses = Do not write responses.csv (saves about 8 bytes of memory per response on very large imports; `kaohe robustness` then cannot bootstrap these responses)
help-survey-merge-questionnaire = The questionnaire the shards were imported with
help-survey-merge-shards = Output directories of `kaohe survey import`, merged in this order
help-survey-synth-questionnaire = The questionnaire whose export to generate
help-survey-synth-rows = Number of responses (1 to 100000000)
help-survey-synth-scaffold = Write a benchmark questionnaire with this many agencies instead of an export (1 to 100000)
help-survey-synth-out = The file to write
help-survey-parse-file = The CSV file to parse
help-survey-init-export = The export (by text, or by number); with a second, the by-text export first and the by-number export of the same responses second, paired to learn option positions
help-survey-init-out = Where to write the draft (default: standard output)
help-survey-report-questionnaire = The questionnaire the import used (its SHA-256 must match the one recorded)
help-survey-report-import-dir = The output directory of `kaohe survey import` or `kaohe survey merge`
help-survey-report-dpi = Resolution of the PNG charts (dots per inch, 20 to 1200)
help-report-previous = Last year's results (its output directory or its rankings.csv), for the change charts
help-report-dpi = Resolution of the PNG charts (dots per inch, 20 to 1200)
help-report-no-agency-charts = Skip the chart per agency (one agency against its group)
help-report-strict-glyphs = Fail if a label has a character the embedded font lacks (default: warn)
help-report-title = Title of report.docx/report.pdf (通报标题; default: 关于<scheme title>结果的通报)
help-report-issuer = Issuer shown under the title (发文单位; default: 政务公开工作领导小组办公室)
help-report-date = Date shown under the title, as written (日期; default: the scheme's year, e.g. 2022年度)
help-robustness-replicates = Perturbed runs per analysis (1 to 100000)
help-robustness-weight-range = Each weight varies within ±this share of its value (0.2: from 0.8× to 1.2×)
help-robustness-show = Agencies listed per analysis in the summary
help-rules-table-out = The file to write: 评分细则.xlsx, 评分细则.docx or 评分细则.md
help-rules-table-data = A data directory (or workbook) whose agencies' names stand for their ids in 适用对象 (without it, ids)
help-template-rules = The scoring rules (TOML) whose kinds, tasks, indicators and bonus items the drop-downs offer
help-template-data = A data directory (or workbook) whose agencies fill the 单位 sheet
help-template-out = The workbook to write (.xlsx)
help-template-force = Replace the workbook if it exists (a filled workbook would otherwise be lost)
