//! Headless Chromium (Debian's `chromium`) for the tests that open a page as a reader would: one
//! launcher with the flags that keep it off the network and quiet, and one rule for a missing
//! browser (skipped on a developer's machine, a failure under CI, which installs it).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Whether Chromium is here; under CI (`CI` set) a missing Chromium is a failure.
pub fn available() -> bool {
    if Path::new(CHROMIUM).exists() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{CHROMIUM} is missing: CI must install Debian's chromium (see docs/report.md, CI setup)"
    );
    eprintln!("skipped: {CHROMIUM} not installed");
    false
}

/// Opens `page` headless with `extra` flags (the output: `--screenshot=…`, `--print-to-pdf=…`),
/// letting the page finish (the embedded web font decodes asynchronously), and waits at most
/// `limit` for Chromium to exit successfully.
pub fn run(page: &Path, extra: &[String], limit: Duration) {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium exited with {status}");
            return;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("chromium did not finish within {} s", limit.as_secs());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
