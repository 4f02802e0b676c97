//! Writing results: rankings.csv, scores.json and the terminal summary. Files and directories
//! are written atomically by [`crate::util::fs`]; hashes come from [`crate::util::hash`].

mod json;
pub mod rankings;
pub(crate) mod scores;
pub(crate) mod text;

use std::path::Path;

use crate::error::Result;
use crate::score::result::RunResult;
use crate::util::fs::{commit_dir, write_atomic, write_atomic_with};

/// Write rankings.csv and scores.json into `out` (each atomically: temp file + rename), the two
/// at once: rankings.csv on a thread of its own (rendered in memory, then written) while
/// scores.json (tens of megabytes at national scale) is streamed to its temp file, which a
/// failure removes. A rendering problem of rankings.csv leaves its previous file untouched; the
/// error reported is rankings.csv's when both fail.
pub fn write_run(run: &RunResult, out: &Path) -> Result<()> {
    let (csv, json) = std::thread::scope(|s| {
        let csv = s.spawn(|| write_atomic(&out.join("rankings.csv"), &rankings::to_csv(run)?));
        let json = write_atomic_with(&out.join("scores.json"), |w| scores::write_json(run, w));
        (csv.join(), json)
    });
    csv.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
    json
}

/// [`write_run`] as one commit of the whole output directory ([`commit_dir`]): a process
/// killed at any moment leaves the previous rankings.csv and scores.json or the new pair.
pub fn commit_run(run: &RunResult, out: &Path) -> Result<()> {
    commit_dir(out, |stage| write_run(run, stage))
}
