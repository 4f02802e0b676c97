//! Writing results: rankings.csv, scores.json and the terminal summary. Files and directories
//! are written atomically by [`crate::util::fs`]; hashes come from [`crate::util::hash`].

pub mod rankings;
pub(crate) mod scores;
pub(crate) mod text;

use std::path::Path;

use crate::error::Result;
use crate::score::result::RunResult;
use crate::util::fs::{commit_dir, write_atomic, write_atomic_with};

/// Write rankings.csv and scores.json into `out` (each atomically: temp file + rename).
/// rankings.csv is rendered in memory first, so a rendering problem leaves the previous outputs
/// untouched; scores.json (tens of megabytes at national scale) is streamed to its temp file,
/// which a failure removes.
pub fn write_run(run: &RunResult, out: &Path) -> Result<()> {
    let csv = rankings::to_csv(run)?;
    write_atomic(&out.join("rankings.csv"), &csv)?;
    write_atomic_with(&out.join("scores.json"), |w| scores::write_json(run, w))?;
    Ok(())
}

/// [`write_run`] as one commit of the whole output directory ([`commit_dir`]): a process
/// killed at any moment leaves the previous rankings.csv and scores.json or the new pair.
pub fn commit_run(run: &RunResult, out: &Path) -> Result<()> {
    commit_dir(out, |stage| write_run(run, stage))
}
