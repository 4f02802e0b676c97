//! Hostile outputs, injection and numeric flags (issue 11, classes 5, 6 and 9). Every run is under a
//! timeout (a FIFO must not hang it) and checked for a crash (exit 101 is a panic, no status a
//! signal). A refused run exits 2 with the exact message and writes nothing; an accepted one is
//! checked for what it wrote, and that it wrote nothing outside `--out`.
//!
//! The corpus is `tests/bad-inputs/output/` (its README lists the cases). Expected cells are
//! worked out by hand from the OWASP rule (a text cell starting with `=`, `+`, `-`, `@`, tab or CR
//! gets a leading `'`; plain numbers stay numbers), not copied from the program's output.

mod util;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use util::*;

const TIMEOUT: Duration = Duration::from_secs(300);

fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("tests/bad-inputs/output").join(name)).expect("corpus file")
}

/// Exit status, stdout and stderr of a command run under the timeout, asserting it did not crash.
fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.timeout(TIMEOUT).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out.status.code().unwrap_or_else(|| panic!("killed (timeout or signal):\n{stderr}"));
    assert_ne!(code, 101, "a panic:\n{stderr}");
    (code, stdout, stderr)
}

/// The names in a directory, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Exit 2 with exactly `message` after `error: `, and the work directory as it was.
fn refused(w: &Work, cmd: &mut Command, message: &str) {
    let before = names(w.dir.path());
    let data = names(&w.data());
    let (code, _, stderr) = run(cmd);
    assert_eq!(stderr.trim_end(), format!("error: {message}"));
    assert_eq!(code, 2);
    assert_eq!(names(w.dir.path()), before, "nothing written beside the work");
    assert_eq!(names(&w.data()), data, "nothing written into the data");
}

fn score_into(w: &Work, out: impl AsRef<Path>) -> Command {
    let mut c = kaohe();
    c.arg("score").arg(rules()).arg("--data").arg(w.data()).arg("--out").arg(out.as_ref());
    c
}

fn canon(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap()
}

#[cfg(unix)]
fn mkfifo(p: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(p.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}

// ---- Class 5: outputs

#[test]
fn out_naming_an_existing_file_is_refused_and_the_file_kept() {
    let w = Work::new();
    let f = w.path("notes.txt");
    std::fs::write(&f, "keep me").unwrap();
    refused(
        &w,
        &mut score_into(&w, &f),
        &format!("--out {}: is a file, expected a directory", f.display()),
    );
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "keep me");
}

#[test]
fn out_dot_the_working_directory_is_refused() {
    let w = Work::new();
    let mut c = score_into(&w, ".");
    c.current_dir(w.dir.path());
    refused(&w, &mut c, "--out .: is the working directory; choose a directory of its own");
}

#[test]
fn refusals_are_chinese_by_default() {
    let w = Work::new();
    let f = w.path("notes.txt");
    std::fs::write(&f, "keep me").unwrap();
    for (out, said) in [
        (Path::new("/"), "--out /：是根目录；请另选一个专用目录".to_string()),
        (f.as_path(), format!("--out {}：是一个文件，应为目录", f.display())),
    ] {
        let mut c = score_into(&w, out);
        c.env_remove("KAOHE_LANG");
        let (code, _, stderr) = run(&mut c);
        assert_eq!((code, stderr.trim_end()), (2, format!("错误：{said}").as_str()));
    }
}

#[test]
fn out_root_is_refused() {
    let w = Work::new();
    refused(
        &w,
        &mut score_into(&w, "/"),
        "--out /: is the root directory; choose a directory of its own",
    );
}

#[test]
fn out_an_ancestor_of_the_working_directory_is_refused() {
    let w = Work::new();
    let sub = w.path("sub");
    std::fs::create_dir(&sub).unwrap();
    let mut c = score_into(&w, "..");
    c.current_dir(&sub);
    refused(
        &w,
        &mut c,
        &format!(
            "--out ..: contains the working directory ({}); choose a directory of its own",
            canon(&sub).display()
        ),
    );
}

#[test]
fn out_the_data_directory_its_parent_or_inside_it_is_refused() {
    let w = Work::new();
    let data = w.data();
    refused(
        &w,
        &mut score_into(&w, &data),
        &format!("--out {}: is the data directory; choose a directory of its own", data.display()),
    );
    refused(
        &w,
        &mut score_into(&w, w.dir.path()),
        &format!(
            "--out {}: contains the data directory ({}); choose a directory of its own",
            w.dir.path().display(),
            canon(&data).display()
        ),
    );
    let inside = data.join("out");
    refused(
        &w,
        &mut score_into(&w, &inside),
        &format!(
            "--out {}: is inside the data directory ({}), which may hold only inputs",
            inside.display(),
            canon(&data).display()
        ),
    );
    // Spelled another way (`data/../data`) it is still the data directory.
    let other = w.dir.path().join("data/../data");
    refused(
        &w,
        &mut score_into(&w, &other),
        &format!("--out {}: is the data directory; choose a directory of its own", other.display()),
    );
}

#[test]
fn out_the_rules_directory_is_refused() {
    let w = Work::new();
    let dir = w.path("rules");
    std::fs::create_dir(&dir).unwrap();
    let r = dir.join("scheme.toml");
    std::fs::copy(rules(), &r).unwrap();
    let mut c = kaohe();
    c.arg("score").arg(&r).arg("--data").arg(w.data()).arg("--out").arg(&dir);
    refused(
        &w,
        &mut c,
        &format!(
            "--out {}: is the rules file's directory; choose a directory of its own",
            dir.display()
        ),
    );
    assert_eq!(names(&dir), vec!["scheme.toml"]);
}

#[test]
fn every_directory_writing_command_refuses_the_same_outs() {
    let w = Work::new();
    let f = w.path("file");
    std::fs::write(&f, "x").unwrap();
    let is_file = format!("--out {}: is a file, expected a directory", f.display());
    let base = |cmd: &str| {
        let mut c = kaohe();
        c.arg(cmd).arg(rules()).arg("--data").arg(w.data());
        c
    };
    refused(&w, base("report").arg("--out").arg(&f), &is_file);
    refused(&w, base("export-previews").arg("--out").arg(&f), &is_file);
    refused(&w, base("robustness").args(["--replicates", "5", "--out"]).arg(&f), &is_file);
    refused(
        &w,
        base("report").arg("--out").arg("/"),
        "--out /: is the root directory; choose a directory of its own",
    );
    let data = w.data();
    refused(
        &w,
        base("robustness").args(["--replicates", "5", "--out"]).arg(&data),
        &format!("--out {}: is the data directory; choose a directory of its own", data.display()),
    );
    let mut synth = kaohe();
    synth.arg("synth").arg(rules()).arg("--out").arg(&f);
    refused(&w, &mut synth, &is_file);
    let mut survey = kaohe();
    survey
        .args(["survey", "import", "surveys/shanxi-2022-social.toml"])
        .arg(repo().join("examples/survey-exports/shanxi-2022-social.csv"))
        .arg("--out")
        .arg(&f);
    refused(&w, &mut survey, &is_file);
}

#[test]
fn survey_merge_into_one_of_its_shards_is_refused() {
    let w = Work::new();
    let shard = w.path("shard");
    let mut import = kaohe();
    import
        .args(["survey", "import", "surveys/shanxi-2022-social.toml"])
        .arg(repo().join("examples/survey-exports/shanxi-2022-social.csv"))
        .arg("--out")
        .arg(&shard);
    let (code, _, stderr) = run(&mut import);
    assert_eq!(code, 0, "{stderr}");
    let files = names(&shard);
    let mut merge = kaohe();
    merge.args(["survey", "merge", "surveys/shanxi-2022-social.toml"]).arg(&shard);
    merge.arg("--out").arg(&shard);
    refused(
        &w,
        &mut merge,
        &format!(
            "--out {}: is the directory of an input; choose a directory of its own",
            shard.display()
        ),
    );
    assert_eq!(names(&shard), files);
}

#[test]
fn preview_html_over_an_input_is_refused() {
    let w = Work::new();
    let target = w.data().join("agencies.csv");
    let before = std::fs::read(&target).unwrap();
    let mut c = kaohe();
    c.arg("preview").arg(rules()).arg("--data").arg(w.data()).args(["--agency", "140100"]);
    c.arg("--html").arg(&target);
    refused(
        &w,
        &mut c,
        &format!(
            "--html {}: is inside the data directory ({}), which may hold only inputs",
            target.display(),
            canon(&w.data()).display()
        ),
    );
    assert_eq!(std::fs::read(&target).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_fifo_inside_out_is_refused_not_opened() {
    let w = Work::new();
    let out = w.out();
    std::fs::create_dir(&out).unwrap();
    let fifo = out.join("rankings.csv");
    mkfifo(&fifo);
    refused(
        &w,
        &mut w.score(),
        &format!(
            "{}: is a FIFO (named pipe); an output directory may hold only files and directories",
            fifo.display()
        ),
    );
    assert_eq!(names(&out), vec!["rankings.csv"]);
}

#[cfg(unix)]
#[test]
fn out_naming_a_fifo_is_refused_not_opened() {
    let w = Work::new();
    let fifo = w.path("pipe");
    mkfifo(&fifo);
    refused(
        &w,
        &mut score_into(&w, &fifo),
        &format!("--out {}: is a FIFO (named pipe), expected a directory", fifo.display()),
    );
}

#[test]
fn concurrent_runs_into_one_out_leave_one_complete_run() {
    // Four runs at once, two on each of two data sets that differ in one agency's name: each run
    // must finish, and the directory must hold rankings.csv and scores.json of one same run.
    let w = Work::new();
    let other = w.path("data2");
    std::fs::create_dir(&other).unwrap();
    for f in names(&w.data()) {
        std::fs::copy(w.data().join(&f), other.join(&f)).unwrap();
    }
    let agencies = read(&other.join("agencies.csv")).replace("太原市", "太原市二");
    std::fs::write(other.join("agencies.csv"), agencies).unwrap();
    let out = w.out();
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let data = if i % 2 == 0 { w.data() } else { other.clone() };
            let out = out.clone();
            std::thread::spawn(move || {
                let mut c = kaohe();
                c.arg("score").arg(rules()).arg("--data").arg(data).arg("--out").arg(out);
                run(&mut c)
            })
        })
        .collect();
    for h in handles {
        let (code, _, stderr) = h.join().unwrap();
        assert_eq!(code, 0, "{stderr}");
    }
    assert_eq!(names(&out), vec!["rankings.csv", "scores.json"]);
    assert_eq!(names(w.dir.path()), vec!["data", "data2", "out"], "no lock or staging left");
    let rankings = read(&out.join("rankings.csv"));
    let scores = read(&out.join("scores.json"));
    let second = rankings.contains("太原市二");
    assert_eq!(scores.contains("太原市二"), second, "rankings.csv and scores.json of one run");
}

// ---- Class 6: injection

/// The cells of rankings.csv, with the column names.
fn rankings_of(w: &Work) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(w.out().join("rankings.csv")).unwrap();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap();
    let mut r = csv::ReaderBuilder::new().from_reader(body);
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r.records().map(|x| x.unwrap().iter().map(str::to_string).collect()).collect();
    (header, rows)
}

fn score_ok(w: &Work) -> String {
    let (code, stdout, stderr) = run(&mut w.score());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(names(w.dir.path()), vec!["data", "out"], "nothing outside --out");
    stdout
}

/// Whether a cell is a plain decimal number (what a spreadsheet reads as data, never a formula).
fn plain_number(s: &str) -> bool {
    let b = s.strip_prefix('-').unwrap_or(s);
    !b.is_empty() && b.chars().all(|c| c.is_ascii_digit() || c == '.') && !b.starts_with('.')
}

fn no_formula(cells: impl IntoIterator<Item = String>) {
    for c in cells {
        let formula = c.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);
        assert!(!formula || plain_number(&c), "a formula cell: {c:?}");
    }
}

#[test]
fn formula_names_are_neutralised_in_rankings_csv() {
    let w = Work::new();
    w.write("agencies.csv", &corpus("agencies-formulas.csv"));
    score_ok(&w);
    let (header, rows) = rankings_of(&w);
    let col = |c: &str| header.iter().position(|h| h == c).unwrap();
    let name_of =
        |id: &str| rows.iter().find(|r| r[col("agency_id")] == id).unwrap()[col("agency")].clone();
    assert_eq!(name_of("140100"), "'=1+1");
    assert_eq!(name_of("140200"), "'+SUM(1,2)");
    assert_eq!(name_of("140300"), "'-2+3");
    assert_eq!(name_of("140400"), "'@cmd");
    assert_eq!(name_of("140500"), "'＝1+1");
    // A name that already starts with `'` before a formula gets one more (read back exactly).
    assert_eq!(name_of("140600"), "''=already quoted");
    assert_eq!(name_of("140700"), "晋中市");
    no_formula(rows.iter().flatten().cloned());
    // Negative points stay numbers: the look-back column of the example holds -2.00 and the like.
    let lookback: Vec<&String> = rows.iter().map(|r| &r[col("lookback")]).collect();
    assert!(lookback.iter().any(|c| c.starts_with('-')));
    for c in lookback {
        assert!(plain_number(c), "{c:?}");
    }
}

#[test]
fn formula_names_are_neutralised_in_robustness_csv() {
    let w = Work::new();
    w.write("agencies.csv", &corpus("agencies-formulas.csv"));
    let mut c = kaohe();
    c.arg("robustness").arg(rules()).arg("--data").arg(w.data());
    c.args(["--replicates", "5", "--out"]).arg(w.out());
    let (code, _, stderr) = run(&mut c);
    assert_eq!(code, 0, "{stderr}");
    let text = read(&w.out().join("robustness.csv"));
    let body = text.strip_prefix('\u{feff}').unwrap();
    let mut r = csv::ReaderBuilder::new().from_reader(body.as_bytes());
    let rows: Vec<Vec<String>> =
        r.records().map(|x| x.unwrap().iter().map(str::to_string).collect()).collect();
    assert!(rows.iter().any(|r| r.contains(&"'=1+1".to_string())));
    assert!(rows.iter().any(|r| r.contains(&"'@cmd".to_string())));
    no_formula(rows.into_iter().flatten());
}

#[test]
fn html_in_names_is_escaped_in_report_md() {
    let w = Work::new();
    w.write("agencies.csv", &corpus("agencies-html.csv"));
    let mut c = kaohe();
    c.arg("report").arg(rules()).arg("--data").arg(w.data()).args(["--dpi", "24"]);
    c.arg("--no-agency-charts").arg("--out").arg(w.out());
    let (code, _, stderr) = run(&mut c);
    assert_eq!(code, 0, "{stderr}");
    let md = read(&w.out().join("report.md"));
    assert!(!md.contains("<script"), "raw <script> in report.md");
    assert!(!md.contains("<img"), "raw <img> in report.md");
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(md.contains("&lt;img src=x onerror=alert(1)&gt;&amp;amp;"));
}

/// No escape or other control character but line breaks and tabs.
fn no_control(s: &str) {
    for c in s.chars() {
        let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        let control = c.is_control() && c != '\n' && c != '\t';
        assert!(!control && !bidi, "{c:?} in:\n{s}");
    }
}

#[test]
fn escape_sequences_in_names_never_reach_the_terminal() {
    let w = Work::new();
    w.write("agencies.csv", &corpus("agencies-escapes.csv"));
    let stdout = score_ok(&w);
    no_control(&stdout);
    // The bottom of the city group is shown, and 大同 is there with its escapes removed.
    assert!(stdout.contains("大同[2J[31m市"), "{stdout}");
    for agency in ["140100", "140200", "140300"] {
        for cmd in ["explain", "preview"] {
            let mut c = kaohe();
            c.arg(cmd).arg(rules()).arg("--data").arg(w.data()).args(["--agency", agency]);
            let (code, stdout, stderr) = run(&mut c);
            assert_eq!(code, 0, "{stderr}");
            no_control(&stdout);
            no_control(&stderr);
        }
    }
    let mut c = kaohe();
    c.arg("explain").arg(rules()).arg("--data").arg(w.data()).args(["--agency", "140100"]);
    let (_, stdout, _) = run(&mut c);
    assert!(stdout.contains("太原]0;pwned市"), "{stdout}");
}

#[test]
fn escape_sequences_in_an_error_never_reach_the_terminal() {
    let w = Work::new();
    let mut c = kaohe();
    c.arg("explain").arg(rules()).arg("--data").arg(w.data()).args(["--agency", "x\x1b[2Jy"]);
    let (code, _, stderr) = run(&mut c);
    assert_eq!(code, 2);
    assert_eq!(stderr.trim_end(), "error: no agency with id `x[2Jy`");
}

// ---- Class 9: numeric flags

/// A flag clap refuses: exit 2, the first line of the message exactly, nothing written.
fn flag_refused(args: &[&str], first_line: &str) {
    let w = Work::new();
    let mut c = kaohe();
    c.args(args).arg("--out").arg(w.out());
    let (code, _, stderr) = run(&mut c);
    assert_eq!(stderr.lines().next().unwrap(), first_line);
    assert_eq!(code, 2);
    assert!(!w.out().exists());
}

#[test]
fn replicates_out_of_range_are_refused() {
    flag_refused(
        &["robustness", "--replicates", "4294967295"],
        "error: invalid value '4294967295' for '--replicates <REPLICATES>': 4294967295 is not in 1..=100000",
    );
    flag_refused(
        &["robustness", "--replicates", "0"],
        "error: invalid value '0' for '--replicates <REPLICATES>': 0 is not in 1..=100000",
    );
    flag_refused(&["robustness", "--replicates", "-1"], "error: unexpected argument '-1' found");
}

#[test]
fn weight_range_outside_a_share_is_refused() {
    flag_refused(
        &["robustness", "--weight-range", "1"],
        "error: invalid value '1' for '--weight-range <WEIGHT_RANGE>': expected a share in [0, 1), got 1",
    );
    flag_refused(
        &["robustness", "--weight-range=-0.1"],
        "error: invalid value '-0.1' for '--weight-range <WEIGHT_RANGE>': expected a share in [0, 1), got -0.1",
    );
    flag_refused(
        &["robustness", "--weight-range", "x"],
        "error: invalid value 'x' for '--weight-range <WEIGHT_RANGE>': expected a share in [0, 1), got x",
    );
}

#[test]
fn other_numeric_flags_have_ranges() {
    flag_refused(
        &["report", "--dpi", "0"],
        "error: invalid value '0' for '--dpi <DPI>': 0 is not in 20..=1200",
    );
    flag_refused(
        &["report", "--dpi", "100000"],
        "error: invalid value '100000' for '--dpi <DPI>': 100000 is not in 20..=1200",
    );
    flag_refused(
        &["score", "--show", "10001"],
        "error: invalid value '10001' for '--show <SHOW>': 10001 is not in 0..=10000",
    );
    flag_refused(
        &["synth", "--agencies", "0"],
        "error: invalid value '0' for '--agencies <AGENCIES>': 0 is not in 1..=100000",
    );
    flag_refused(
        &["synth", "--survey-rows", "18446744073709551615"],
        "error: invalid value '18446744073709551615' for '--survey-rows <SURVEY_ROWS>': 18446744073709551615 is not in 1..=10000000",
    );
    flag_refused(
        &["survey", "synth", "--scaffold", "18446744073709551615"],
        "error: invalid value '18446744073709551615' for '--scaffold <SCAFFOLD>': 18446744073709551615 is not in 1..=100000",
    );
    flag_refused(
        &["survey", "synth", "surveys/shanxi-2022-social.toml", "--rows", "0"],
        "error: invalid value '0' for '--rows <ROWS>': 0 is not in 1..=100000000",
    );
}
