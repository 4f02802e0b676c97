//! Hostile inputs (issue 7: the engine must never crash on what a survey team or an agency hands
//! it). One test per case of `tests/bad-inputs/` (the table in its README says what each case
//! expects) or per generator for the big ones. Every run is checked for a crash: exit status 101
//! is a panic, and no exit status at all a signal (a stack overflow, an abort). A rejected input
//! exits 2 with the exact message a user sees (file and line in it) and writes nothing; an accepted
//! one is compared with the same input written plainly.

mod util;

use std::path::Path;

use util::*;

fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("tests/bad-inputs").join(name)).expect("corpus file")
}

/// Exit status and stderr of a finished command, asserting it did not crash.
fn run(cmd: &mut assert_cmd::Command) -> (i32, String) {
    // Never a hang: a run still going after this long is killed, and fails below as a signal.
    let out = cmd.timeout(std::time::Duration::from_secs(120)).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out.status.code().unwrap_or_else(|| panic!("killed by a signal:\n{stderr}"));
    assert_ne!(code, 101, "a panic:\n{stderr}");
    (code, stderr)
}

/// `kaohe score` must refuse the work dir with exactly `message` (after `error: `), exit 2 and
/// write nothing.
fn score_refuses(w: &Work, message: &str) {
    let (code, stderr) = run(&mut w.score());
    assert_eq!(stderr.trim_end(), format!("error: {message}"));
    assert_eq!(code, 2);
    assert!(!w.out().exists(), "nothing written on error");
}

/// Replace `file` of the example with a corpus case and expect `message`.
fn case_refused(file: &str, case: &str, message: &str) {
    let w = Work::new();
    w.write(file, &corpus(case));
    score_refuses(&w, message);
}

/// rankings.csv of `kaohe score` on the example with `file` replaced by `bytes`.
fn rankings_with(file: &str, bytes: &[u8]) -> Vec<u8> {
    let w = Work::new();
    w.write(file, bytes);
    let (code, stderr) = run(&mut w.score());
    assert_eq!(code, 0, "{stderr}");
    std::fs::read(w.out().join("rankings.csv")).unwrap()
}

// ---- CSV structure

#[test]
fn a_csv_cut_mid_quote() {
    case_refused(
        "findings.csv",
        "findings-cut-mid-quote.csv",
        "findings.csv:3: a quoted value opened on this line is never closed: expected a closing \
         `\"` (the file was cut short, or a quote inside a value is not doubled as `\"\"`)",
    );
}

#[test]
fn an_unterminated_quote_mid_file() {
    // The quote on line 2 would swallow lines 3 and 4 into one value.
    case_refused(
        "findings.csv",
        "findings-unterminated-quote.csv",
        "findings.csv:2: a quoted value opened on this line is never closed: expected a closing \
         `\"` (the file was cut short, or a quote inside a value is not doubled as `\"\"`)",
    );
}

#[test]
fn a_row_with_too_few_fields() {
    case_refused(
        "findings.csv",
        "findings-too-few-fields.csv",
        "findings.csv:3: this row has 3 fields but the header has 6: expected one field per \
         column (an unquoted comma inside a value?)",
    );
}

#[test]
fn a_row_with_too_many_fields() {
    case_refused(
        "findings.csv",
        "findings-too-many-fields.csv",
        "findings.csv:3: this row has 7 fields but the header has 6: expected one field per \
         column (an unquoted comma inside a value?)",
    );
}

#[test]
fn a_nul_byte() {
    case_refused(
        "findings.csv",
        "findings-nul-byte.csv",
        "findings.csv:3: the file contains a NUL byte: expected a text (CSV) file",
    );
}

#[test]
fn an_xlsx_cut_in_half() {
    let w = Work::new();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["agency", "bonus"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "140100").unwrap();
    sheet.write_string(1, 1, "highlight").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    w.write("awards.xlsx", &bytes[..bytes.len() / 2]);
    std::fs::remove_file(w.data().join("awards.csv")).unwrap();
    let (code, stderr) = run(&mut w.score());
    assert_eq!(code, 2);
    // A zip archive cut short has no lines: the message names the file and what it could not do.
    assert!(stderr.starts_with("error: awards.xlsx: cannot open as a spreadsheet: "), "{stderr}");
    assert!(!w.out().exists());
}

// ---- encodings

#[test]
fn utf8_lines_then_gbk_lines() {
    case_refused(
        "agencies.csv",
        "agencies-mixed-utf8-gbk.csv",
        "agencies.csv:3: byte 0xB4 is not UTF-8 but line 2 is UTF-8 text: the file mixes \
         encodings (lines pasted from a GBK file into a UTF-8 one?); expected one encoding \
         throughout (save it again as UTF-8, or use --encoding)",
    );
}

#[test]
fn a_gbk_file_with_a_utf8_bom() {
    // After the BOM: `id,name,group,parent\n140100,` is 28 bytes, then 太原 in GBK (CC AB D4 AD)
    // happens to be valid UTF-8 and 市 (CA D0) is not: offset 3 + 28 + 4 = 35 of the file.
    case_refused(
        "agencies.csv",
        "agencies-gbk-with-utf8-bom.csv",
        "agencies.csv:2: the file starts with a UTF-8 byte-order mark but byte 0xCA at offset 35 \
         is not UTF-8 (a GBK file saved with a BOM?); expected UTF-8 throughout, or remove the BOM",
    );
}

// ---- numbers, ids and dates as offices type them

#[test]
fn full_width_digits_are_read_as_digits() {
    let plain = "id,agency,kind,count,date,evidence\n\
                 F1,140100,interpretation-missing,2,2022-07-04,x\n\
                 F2,140100,camera-no-sign,1,2022-02-12,x\n";
    let full = corpus("findings-full-width-digits.csv");
    assert_eq!(
        rankings_with("findings.csv", &full),
        rankings_with("findings.csv", plain.as_bytes())
    );
}

#[test]
fn full_width_comma_thousands_are_refused() {
    case_refused(
        "awards.csv",
        "awards-full-width-comma.csv",
        "awards.csv:2: `count`: `１，２３４` has a comma: expected a whole number ≥ 0 without \
         thousands separators",
    );
}

#[test]
fn an_id_in_excel_scientific_notation() {
    case_refused(
        "findings.csv",
        "findings-scientific-id.csv",
        "findings.csv:2: `agency`: unknown agency `1.40100E+05`, which is Excel's scientific \
         notation for 140100 (an id in the agencies file): expected the id as text (format the \
         column as text in Excel and type the ids again; a long id loses digits as a number)",
    );
}

#[test]
fn dates_in_every_spelling_score_as_iso_dates() {
    // 44624 is Excel's serial for 2022-03-04 (1899-12-30 + 44624 days).
    let iso = "id,agency,kind,count,date,evidence\n\
               F1,140100,interpretation-missing,1,2022-07-04,x\n\
               F2,140100,camera-no-sign,1,2022-02-12,x\n\
               F3,140100,gazette-defect,1,2022-03-04,x\n\
               F4,140100,normative-doc-defect,1,2022-06-05,x\n";
    let spelled = corpus("findings-date-formats.csv");
    assert_eq!(
        rankings_with("findings.csv", &spelled),
        rankings_with("findings.csv", iso.as_bytes())
    );
}

// ---- size limits: refused quickly, in bounded memory

/// Peak resident memory of the largest child this test process has waited for, in bytes.
fn children_peak_rss() -> u64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes into the struct it is given.
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) }, 0);
    usage.ru_maxrss as u64 * 1024
}

fn write_big_line(path: &Path, head: &[u8], len: usize) {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    f.write_all(head).unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..len / chunk.len() {
        f.write_all(&chunk).unwrap();
    }
    f.flush().unwrap();
}

#[test]
fn a_200_mb_single_line() {
    let w = Work::new();
    write_big_line(
        &w.data().join("findings.csv"),
        b"id,agency,kind,count,date,evidence\nF1,140100,camera-no-sign,1,2022-02-12,",
        200 << 20,
    );
    // The cell limit fires (the file, 200 MiB, is under the 256 MiB file limit) as soon as 2 × 64
    // KiB + 2 bytes run without a comma or line break, before the text is decoded or parsed.
    score_refuses(
        &w,
        "findings.csv:2: `column 6`: a cell of more than 131074 bytes: cells may have at most \
         65536 bytes (is this a CSV file?)",
    );
    // The file's bytes (read whole, as every engine input) and little more: before the check,
    // decoding and parsing held four copies (866 MB).
    let peak = children_peak_rss();
    assert!(peak < 300 << 20, "peak memory {peak} bytes");
}

#[test]
fn a_row_of_100000_columns() {
    let w = Work::new();
    let row = vec!["x"; 100_000].join(",");
    w.write("findings.csv", format!("id,agency,kind,count,date,evidence\n{row}\n").as_bytes());
    score_refuses(
        &w,
        "findings.csv:2: 100000 columns: an input table may have at most 256 (is this the right \
         file?)",
    );
}

// ---- rules files

/// `kaohe check` on a rules text: exit status and what it printed, the temporary path shown as
/// `rules.toml`.
fn check(text: &[u8]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("rules.toml");
    std::fs::write(&p, text).unwrap();
    let (code, stderr) = run(kaohe().arg("check").arg(&p));
    (code, stderr.replace(&p.display().to_string(), "rules.toml"))
}

fn rules_refused(case: &str, message: &str) {
    let (code, out) = check(&corpus(case));
    assert_eq!(out.trim_end(), format!("error: {message}"));
    assert_eq!(code, 2);
}

#[test]
fn nan_points() {
    // `points = nan` is valid TOML; a decimal has no NaN.
    rules_refused(
        "rules-nan-points.toml",
        "rules.toml:29: `points`: nan and inf are not allowed: expected a finite decimal number \
         such as 1.5",
    );
}

#[test]
fn infinite_points() {
    rules_refused(
        "rules-inf-points.toml",
        "rules.toml:29: `points`: nan and inf are not allowed: expected a finite decimal number \
         such as 1.5",
    );
}

#[test]
fn negative_points() {
    rules_refused(
        "rules-negative-points.toml",
        "rules.toml:29: `deduct.points`: deduction of -1 points: expected a positive number (the \
         points one finding costs)",
    );
}

#[test]
fn a_duplicate_key() {
    rules_refused(
        "rules-duplicate-key.toml",
        "rules.toml:36: `max`: duplicate key: expected each key once in a table",
    );
}

#[test]
fn a_cycle_in_the_indicator_tree() {
    rules_refused(
        "rules-cycle.toml",
        "rules.toml:16: `indicator.parent`: the parents of indicators A → A.1 form a cycle: \
         expected a tree",
    );
}

#[test]
fn weights_that_sum_to_zero() {
    // A mean over children whose weights are all 0 would divide by zero: each zero weight is
    // refused where it is written.
    rules_refused(
        "rules-zero-weights.toml",
        "rules.toml:25: `weight`: weight 0: expected a positive number\n\
         rules.toml:37: `weight`: weight 0: expected a positive number",
    );
}

#[test]
fn deeply_nested_toml() {
    let depth = 100_000;
    let minimal = String::from_utf8(corpus("rules-cycle.toml")).unwrap();
    let arrays = format!("x = {}{}\n{minimal}", "[".repeat(depth), "]".repeat(depth));
    let (code, out) = check(arrays.as_bytes());
    assert_eq!(code, 2);
    assert_eq!(
        out.trim_end(),
        "error: rules.toml:1: `x`: cannot recurse further; max recursion depth met: expected \
         arrays and tables nested a few levels deep, as in docs/rules.md"
    );
    let tables = format!("x = {}1{}\n{minimal}", "{a=".repeat(depth), "}".repeat(depth));
    let (code, out) = check(tables.as_bytes());
    assert_eq!(code, 2);
    assert!(out.starts_with("error: rules.toml:1: `x`: cannot recurse further"), "{out}");
}

// ---- survey exports

fn import(file: &Path, out: &Path) -> (i32, String) {
    run(kaohe()
        .args(["survey", "import", "surveys/shanxi-2022-social.toml"])
        .arg(file)
        .arg("--out")
        .arg(out))
}

fn import_refused(bytes_or_path: &Path, message: &str) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (code, stderr) = import(bytes_or_path, &out);
    let shown = stderr.replace(&bytes_or_path.display().to_string(), "FILE");
    assert_eq!(shown.trim_end(), format!("error: {message}"));
    assert_eq!(code, 2);
    assert!(!out.exists(), "nothing written on error");
}

#[test]
fn an_empty_survey_export() {
    import_refused(
        &repo().join("tests/bad-inputs/survey-empty.csv"),
        "FILE:1: the file is empty: expected a header row and data rows",
    );
}

#[test]
fn a_survey_export_with_only_a_header() {
    import_refused(
        &repo().join("tests/bad-inputs/survey-header-only.csv"),
        "FILE:2: the export has a header row but no responses: expected at least one response \
         row (exported before any came in?)",
    );
}

#[test]
fn a_200_mb_single_line_in_a_survey_export() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("export.csv");
    let header = corpus("survey-header-only.csv");
    write_big_line(&p, &header, 200 << 20);
    import_refused(
        &p,
        "FILE:2: a record (response) of more than 16777216 bytes starts on this line: expected \
         one response per line (a quoted value never closed, or not a CSV export?)",
    );
}

#[test]
fn a_survey_export_cut_mid_quote_rejects_the_cut_row() {
    // A survey export is accounted row by row: the cut last row (6 of 16 fields, its quote never
    // closed) is a rejected row with its line and reason; the import goes on.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("cut.csv");
    let full =
        std::fs::read_to_string(repo().join("examples/survey-exports/shanxi-2022-social.csv"))
            .unwrap();
    let mut text: String = full.lines().take(4).map(|l| format!("{l}\n")).collect();
    text.push_str("4,2022/06/01 00:00:12,180秒,手机提交,微信,\"190.232.192");
    std::fs::write(&p, &text).unwrap();
    let out = dir.path().join("out");
    let (code, stderr) = import(&p, &out);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.starts_with("4 rows: ") && stderr.contains(", 1 rejected;"), "{stderr}");
    let rejected = std::fs::read_to_string(out.join("rejected.csv")).unwrap();
    assert_eq!(
        rejected.trim_start_matches('\u{feff}').lines().nth(1).unwrap(),
        format!(
            "{},5,(unresolved),this row has 6 fields but the header has 16: expected one field \
             per column (an unquoted comma inside a value?)",
            p.display()
        )
    );
}

// ---- class 1: an input silently not read

/// What a data directory may hold, as every "not a file kaohe reads" message lists it.
const KNOWN: &str = "expected only input files (agencies, findings, tasks, measures, awards, \
                     lookback, survey, appeals, each .csv, .xlsx or .xls), survey-responses.csv, \
                     survey-export.csv, kaohe-ignore.txt, or list the name in kaohe-ignore.txt to \
                     leave it unread";

#[test]
fn a_misspelled_input_file() {
    let w = Work::new();
    w.write("finding.csv", &std::fs::read(w.data().join("findings.csv")).unwrap());
    score_refuses(
        &w,
        &format!("finding.csv: not a file kaohe reads: did you mean findings.csv? {KNOWN}"),
    );
}

#[test]
fn a_folder_in_the_data_directory() {
    let w = Work::new();
    std::fs::create_dir(w.data().join("notes")).unwrap();
    score_refuses(&w, &format!("notes: not a file kaohe reads: {KNOWN}"));
}

#[test]
fn a_folder_named_as_an_input() {
    let w = Work::new();
    std::fs::remove_file(w.data().join("findings.csv")).unwrap();
    std::fs::create_dir(w.data().join("findings.csv")).unwrap();
    score_refuses(&w, "findings.csv: is a folder, not a regular file: expected a file of rows");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_never_opened() {
    let w = Work::new();
    let fifo = w.data().join("awards.csv");
    std::fs::remove_file(&fifo).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    // Opening a FIFO with no writer blocks; the run's timeout would catch that as a failure.
    score_refuses(
        &w,
        "awards.csv: is a FIFO (named pipe), not a regular file: expected a file of rows",
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_a_device() {
    let w = Work::new();
    std::fs::remove_file(w.data().join("tasks.csv")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", w.data().join("tasks.csv")).unwrap();
    score_refuses(&w, "tasks.csv: is a device, not a regular file: expected a file of rows");
}

#[test]
fn an_excel_lock_file() {
    let w = Work::new();
    w.write("~$awards.xlsx", b"lock");
    score_refuses(
        &w,
        "~$awards.xlsx: an Excel lock file: awards.xlsx is open in Excel (save and close it \
         first), or list the name in kaohe-ignore.txt to leave it unread",
    );
}

#[test]
fn names_in_the_ignore_list_are_left_unread() {
    let plain = rankings_with("agencies.csv", &corpus_example("agencies.csv"));
    let w = Work::new();
    w.write("notes.txt", b"not data");
    w.write("finding-draft.csv", b"id,agency\n");
    // Added to the example's own list (which names its survey exports).
    let mut list = std::fs::read(w.data().join("kaohe-ignore.txt")).unwrap();
    list.extend_from_slice(b"# drafts\nnotes.txt\nfinding-draft.csv  # not ready\n");
    w.write("kaohe-ignore.txt", &list);
    let (code, stderr) = run(&mut w.score());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read(w.out().join("rankings.csv")).unwrap(), plain);
}

#[test]
fn an_input_kind_the_scheme_reads_is_absent() {
    let w = Work::new();
    std::fs::remove_file(w.data().join("findings.csv")).unwrap();
    score_refuses(
        &w,
        "no findings.csv or findings.xlsx in the data directory, but the scheme has items that \
         read findings: expected the file (with only its header row if there are none), or \
         --allow-missing findings to score as if it held no row",
    );
}

#[test]
fn allow_missing_scores_as_a_file_with_no_rows() {
    // The plain spelling of "no findings": the header row alone.
    let plain = rankings_with("findings.csv", b"id,agency,kind,count,date,evidence\n");
    let w = Work::new();
    std::fs::remove_file(w.data().join("findings.csv")).unwrap();
    let (code, stderr) = run(w.score().args(["--allow-missing", "findings"]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read(w.out().join("rankings.csv")).unwrap(), plain);
    assert_eq!(scores_json(&w.out())["absent_inputs"], serde_json::json!(["findings"]));
}

fn corpus_example(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("examples/shanxi-2022").join(name)).unwrap()
}

// ---- class 3: numbers out of range or past their precision

#[test]
fn a_value_with_30_decimals_is_not_rounded() {
    let w = Work::new();
    let line = w.append("measures.csv", "140100,D5.2,99.999999999999999999999999999999,x");
    let text = std::fs::read_to_string(w.data().join("measures.csv")).unwrap();
    // Drop the example's own row for the same item, so the only problem is the number.
    w.write("measures.csv", text.replacen("140100,D5.2,98.8,第三方评估测评\n", "", 1).as_bytes());
    score_refuses(
        &w,
        &format!(
            "measures.csv:{}: `value`: `99.999999999999999999999999999999` has 30 decimal \
             places: expected at most 28 (a number is never rounded on reading)",
            line - 1
        ),
    );
}

#[test]
fn a_measured_value_of_minus_7_9e28() {
    let w = Work::new();
    let text = String::from_utf8(corpus_example("measures.csv")).unwrap();
    w.write(
        "measures.csv",
        text.replacen("140100,D5.2,98.8,", "140100,D5.2,-7.9e28,", 1).as_bytes(),
    );
    score_refuses(
        &w,
        "measures.csv:2: `value`: `-7.9e28` is too large: expected a number between \
         -1000000000000 and 1000000000000 (±10^12)",
    );
}

#[test]
fn a_count_over_a_million() {
    let w = Work::new();
    let line = w.append("awards.csv", "A2022-9999,140100,commendation,2000000,x");
    score_refuses(
        &w,
        &format!(
            "awards.csv:{line}: `count`: count 2000000 is too large: expected at most 1000000"
        ),
    );
}

#[test]
fn rules_points_of_7e28() {
    rules_refused(
        "rules-huge-points.toml",
        "rules.toml:29: `points`: `7e28` is too large: expected a number between -1000000000000 \
         and 1000000000000 (±10^12)",
    );
}

#[test]
fn rules_weight_of_7_9e28() {
    rules_refused(
        "rules-huge-weight.toml",
        "rules.toml:25: `weight`: `7.9e28` is too large: expected a number between \
         -1000000000000 and 1000000000000 (±10^12)",
    );
}

#[test]
fn rules_points_with_30_decimals() {
    rules_refused(
        "rules-30-decimals.toml",
        "rules.toml:29: `points`: `0.999999999999999999999999999999` has 30 decimal places: \
         expected at most 10 (a number is never rounded on reading)",
    );
}

// ---- class 4: double counting

#[test]
fn the_same_award_id_twice() {
    let w = Work::new();
    let line = w.append("awards.csv", "A2022-0001,140400,commendation,1,again");
    score_refuses(
        &w,
        &format!(
            "awards.csv:{line}: `id`: duplicate award id `A2022-0001` (first at awards.csv:2): \
             expected unique ids, so that no award counts twice"
        ),
    );
}

#[test]
fn the_same_look_back_row_twice_without_ids() {
    let w = Work::new();
    let first = w.append("lookback.csv", ",140100,five-publicity-gap,late,x");
    let second = w.append("lookback.csv", ",140100,five-publicity-gap,late,x");
    score_refuses(
        &w,
        &format!(
            "lookback.csv:{second}: the same look-back finding as at lookback.csv:{first} (every \
             value equal, no id): expected each look-back finding once (give each row an id)"
        ),
    );
}

#[test]
fn the_same_finding_row_twice_without_ids() {
    let w = Work::new();
    let row = ",140100,interpretation-missing,1,2022-07-04,x";
    let first = w.append("findings.csv", row);
    let second = w.append("findings.csv", row);
    score_refuses(
        &w,
        &format!(
            "findings.csv:{second}: the same finding as at findings.csv:{first} (every value \
             equal, no id): expected each finding once (give each row an id, or one row with \
             count 2)"
        ),
    );
}

#[test]
fn the_same_look_back_id_twice() {
    let w = Work::new();
    let line = w.append("lookback.csv", "P2021-00001,140100,five-publicity-gap,late,again");
    score_refuses(
        &w,
        &format!(
            "lookback.csv:{line}: `id`: duplicate look-back finding id `P2021-00001` (first at \
             lookback.csv:2): expected unique ids, so that no look-back finding counts twice"
        ),
    );
}

// ---- class 7: look-alike ids

#[test]
fn an_agency_id_with_a_cyrillic_letter() {
    let w = Work::new();
    // `dept-сzt`: the first letter after the dash is Cyrillic с (U+0441).
    let line = w.append("agencies.csv", "dept-\u{0441}zt,财政厅,department,");
    score_refuses(
        &w,
        &format!(
            "agencies.csv:{line}: `id`: agency id `dept-\u{0441}zt` has the character \
             `\u{0441}` (U+0441): expected ASCII letters, digits, `-`, `_`, `.` and Chinese \
             characters only (a look-alike letter from another script would make a second, \
             different agency)"
        ),
    );
}

#[test]
fn an_agency_id_with_a_zero_width_space() {
    let w = Work::new();
    let line = w.append("agencies.csv", "140100\u{200B},太原市,city,");
    score_refuses(
        &w,
        &format!(
            "agencies.csv:{line}: `id`: agency id `140100\u{200B}` has the character \
             `\u{200B}` (U+200B): expected ASCII letters, digits, `-`, `_`, `.` and Chinese \
             characters only (a look-alike letter from another script would make a second, \
             different agency)"
        ),
    );
}

#[test]
fn a_rule_id_with_a_cyrillic_letter() {
    rules_refused(
        "rules-cyrillic-id.toml",
        "rules.toml:21: `id`: id `\u{0410}.1` has the character `\u{0410}` (U+0410): expected \
         ASCII letters, digits, `-`, `_` and `.` only (a look-alike letter from another script \
         would make a second, different id)",
    );
}

#[test]
fn a_finding_kind_with_a_greek_letter() {
    rules_refused(
        "rules-greek-kind.toml",
        "rules.toml:27: `kind`: id `\u{03BA}` has the character `\u{03BA}` (U+03BA): expected \
         ASCII letters, digits, `-`, `_` and `.` only (a look-alike letter from another script \
         would make a second, different id)",
    );
}

// ---- class 8: xlsx as attack (workbooks written by tests/bad-inputs/make-xlsx.py)

fn with_awards_xlsx(case: &str) -> Work {
    let w = Work::new();
    std::fs::remove_file(w.data().join("awards.csv")).unwrap();
    w.write("awards.xlsx", &corpus(case));
    w
}

#[test]
fn an_xlsx_that_unpacks_past_the_limit() {
    // 266,904 bytes that unpack to 269,521,356 (the zip's own sizes, summed by Python's zipfile).
    score_refuses(
        &with_awards_xlsx("awards-zip-bomb.xlsx"),
        "awards.xlsx: the workbook unpacks to 269521356 bytes: an input table may have at most \
         268435456 (is this the right file?)",
    );
}

#[test]
fn a_formula_with_no_saved_value() {
    score_refuses(
        &with_awards_xlsx("awards-formula-no-value.xlsx"),
        "awards.xlsx!D2: the formula `=1+1` has no saved value: expected values (open the file \
         in Excel and save it, or paste the column as values)",
    );
}

#[test]
fn a_formula_with_its_saved_value_reads_as_the_value() {
    // D2 is `=1+1` saved as 2, the count of A2022-0001 in awards.csv.
    let w = with_awards_xlsx("awards-formula-saved.xlsx");
    let (code, stderr) = run(&mut w.score());
    assert_eq!(code, 0, "{stderr}");
    let plain = rankings_with("awards.csv", &corpus_example("awards.csv"));
    assert_eq!(std::fs::read(w.out().join("rankings.csv")).unwrap(), plain);
}
