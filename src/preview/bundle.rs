//! Confidential per-agency bundles (`kaohe export-previews`): one folder per agency holding its
//! own preview page and the JSON of its own ledger, and group aggregates only.

use std::path::Path;

use rayon::prelude::*;

use crate::error::Result;
use crate::score::result::RunResult;
use crate::util::fs::write_atomic;

/// Resolution of the chart in preview pages: twice the screen's, sharp on high-density displays.
pub const CHART_DPI: u32 = 192;

/// Folder name for an agency id: the id with anything but letters, digits, `-` and `_` replaced.
pub fn folder(id: &str) -> String {
    id.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

/// Write `out/<agency id>/preview.html` and `ledger.json` for every agency.
pub fn export(run: &RunResult, out: &Path) -> Result<usize> {
    let written: Vec<Result<()>> = run
        .agencies
        .par_iter()
        .map(|a| {
            let p = super::from_run(run, &a.agency_id)?;
            let dir = out.join(folder(&a.agency_id));
            let mut json = serde_json::to_vec_pretty(&p).expect("preview serialises");
            json.push(b'\n');
            write_atomic(&dir.join("ledger.json"), &json)?;
            let chart = super::chart_png(&p, CHART_DPI)?;
            write_atomic(
                &dir.join("preview.html"),
                super::render::html(&p, Some(&chart)).as_bytes(),
            )?;
            Ok(())
        })
        .collect();
    for r in written {
        r?;
    }
    Ok(run.agencies.len())
}
