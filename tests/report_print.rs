//! report.html printed to PDF by headless Chromium (`--print-to-pdf`, A4): the widest ranking
//! table's last column header is in the printed text, and no word lies beyond a page's right edge.
//!
//! Runs when /usr/bin/chromium exists; under CI (`CI` set) a missing Chromium is a failure.

mod util;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn print_to_pdf(page: &Path, pdf: &Path) {
    let extra = ["--no-pdf-header-footer".to_string(), format!("--print-to-pdf={}", pdf.display())];
    util::chromium::run(page, &extra, Duration::from_secs(180));
    assert!(pdf.is_file(), "no PDF written");
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().expect("poppler-utils installed");
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Attribute `name` of an element's opening tag in pdftotext's -bbox output.
fn attr(tag: &str, name: &str) -> f64 {
    let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
    tag[at..].split('"').next().unwrap().parse().unwrap()
}

#[test]
fn report_prints_on_a4_with_nothing_clipped() {
    if !util::chromium::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle");
    let status = Command::new(env!("CARGO_BIN_EXE_kaohe"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["report", "--dpi", "24", "--no-agency-charts", "--out"])
        .arg(&bundle)
        .env("CI", "1")
        .env_remove("KAOHE_LANG") // Chinese, as a user runs it: the header below is Chinese
        .status()
        .unwrap();
    assert!(status.success());
    let pdf = dir.path().join("printed.pdf");
    print_to_pdf(&bundle.join("report.html"), &pdf);
    let pdf = pdf.to_str().unwrap();

    // The last column of every ranking table (the widest tables of the page).
    let text: String = tool("pdftotext", &[pdf, "-"]).split_whitespace().collect();
    assert!(text.contains("申诉待决"), "the last column header 申诉待决 was not printed");

    // Every word inside its page: A4 is 595 × 842 pt, landscape pages 842 × 595.
    let bbox = tool("pdftotext", &["-bbox", pdf, "-"]);
    let mut width = 0.0;
    let mut pages = 0;
    for tag in bbox.split('<').filter(|t| t.starts_with("page ") || t.starts_with("word ")) {
        if tag.starts_with("page ") {
            width = attr(tag, "width");
            let height = attr(tag, "height");
            let a4 = |w: f64, h: f64| (w - 595.0).abs() < 2.0 && (h - 842.0).abs() < 2.0;
            assert!(a4(width, height) || a4(height, width), "page not A4: {width} × {height}");
            pages += 1;
        } else {
            let right = attr(tag, "xMax");
            assert!(
                right <= width + 0.5,
                "a word ends at x = {right}, beyond the page ({width}): {tag}"
            );
        }
    }
    assert!(pages > 1);
}
