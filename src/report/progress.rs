//! Progress bar for long report runs (drawing hundreds of charts at print resolution).
//!
//! Shown only to a person watching: on a terminal, and not under CI (the `CI` variable, which
//! GitHub, GitLab and our `.ci/run` set). Redirected output gets nothing of it.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// Whether a progress bar would be seen: stderr is a terminal and `CI` is unset.
pub fn wanted() -> bool {
    std::env::var_os("CI").is_none() && std::io::stderr().is_terminal()
}

/// A bar of `len` steps, hidden unless `show`.
pub fn bar(len: u64, show: bool, what: &str) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {elapsed}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_string());
    bar
}
