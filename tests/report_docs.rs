//! docs/report.md's measured figures that do not depend on the machine stay true: the chart count
//! of `kaohe report` on the bundled example and the size of report.html (whose SVGs and font do not
//! depend on --dpi). The rest (PNG and PDF sizes, time) is re-measured by scripts/measure-report.sh.

use std::path::Path;

fn doc() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.md")).unwrap()
}

/// The number just before `unit` in `text` after `anchor` (e.g. "181" in "(181 charts").
fn number_before(text: &str, anchor: &str, unit: &str) -> f64 {
    let from = text.find(anchor).unwrap_or_else(|| panic!("docs/report.md lacks {anchor:?}"));
    let rest = &text[from..];
    let end = rest.find(unit).unwrap_or_else(|| panic!("no {unit:?} after {anchor:?}"));
    let head = rest[..end].trim_end();
    let start = head.rfind(|c: char| !(c.is_ascii_digit() || c == '.')).map_or(0, |i| i + 1);
    head[start..].parse().unwrap_or_else(|_| panic!("no number before {unit:?}: {head:?}"))
}

#[test]
fn chart_count_and_page_size_in_the_docs_are_measured() {
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_kaohe"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["report", "--dpi", "24", "--out"])
        .arg(dir.path())
        .env("CI", "1")
        .status()
        .unwrap();
    assert!(status.success());
    let files = std::fs::read_dir(dir.path().join("charts")).unwrap().count();
    let text = doc();
    let charts = number_before(&text, "with every chart (", " charts");
    let listed = number_before(&text, "with every chart (", " files");
    assert_eq!(
        (charts as usize, listed as usize),
        (files / 2, files),
        "docs/report.md chart count"
    );
    let html = std::fs::metadata(dir.path().join("report.html")).unwrap().len() as f64 / 1e6;
    let said = number_before(&text, "report.html is ", " MB");
    assert!((html - said).abs() < 0.06, "report.html is {html:.2} MB, docs/report.md says {said}");
}
