//! Confidential per-agency bundles (`kaohe export-previews`): one folder per agency holding its
//! own preview page and the JSON of its own ledger, and group aggregates only.
//!
//! Folders are named `ID-单位名称`. The name must be one file name on every system, so characters
//! a file system treats specially are replaced; two agencies whose folder names would coincide
//! (`a/b` and `a_b`, or `A` and `a` on a case-insensitive disk) are refused, naming both ids, so
//! one agency's folder can never hold another's page. The export directory holds exactly the
//! current agencies: a folder from an earlier export whose agency is no longer listed is removed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::score::result::RunResult;
use crate::util::fs::write_atomic;

/// Resolution of the chart in preview pages: twice the screen's, sharp on high-density displays.
pub const CHART_DPI: u32 = 192;

/// The file every agency folder holds; a folder with it is one that an export wrote.
pub const MARKER: &str = "ledger.json";

/// Longest agency name kept in a folder name, in characters (file names are limited to 255 bytes).
const NAME_CHARS: usize = 40;

fn clean(s: &str) -> String {
    let out: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect();
    out
}

/// Folder name for an agency: `ID-单位名称`, anything but letters, digits, `-` and `_` replaced
/// by `_`, the name cut to 40 characters. Not injective by itself: [`folders`] checks.
pub fn folder(id: &str, name: &str) -> String {
    let name: String = clean(name.trim()).chars().take(NAME_CHARS).collect();
    let id = if id.is_empty() { "_".to_string() } else { clean(id) };
    if name.is_empty() { id } else { format!("{id}-{name}") }
}

/// The folder of every agency, by id; refused when two agencies' folders would coincide (compared
/// without case, as on Windows and macOS disks), naming both ids.
pub fn folders(run: &RunResult) -> Result<BTreeMap<String, String>> {
    let mut by_key: BTreeMap<String, &str> = BTreeMap::new();
    let mut out = BTreeMap::new();
    let mut clashes = Vec::new();
    for a in &run.agencies {
        let f = folder(&a.agency_id, &a.agency);
        if let Some(other) = by_key.insert(f.to_lowercase(), &a.agency_id) {
            clashes.push(Error::Usage(crate::t!(
                "preview-folder-clash",
                other = *other,
                agency = a.agency_id,
                folder = f
            )));
        }
        out.insert(a.agency_id.clone(), f);
    }
    match clashes.len() {
        0 => Ok(out),
        1 => Err(clashes.remove(0)),
        _ => Err(Error::Many(clashes)),
    }
}

/// Removes from `out` every folder an earlier export wrote (it holds [`MARKER`]) that is not one
/// of `keep`; other entries are left alone.
fn remove_stale(out: &Path, keep: &BTreeSet<&str>) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(out) else { return Ok(()) };
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
        if is_dir && !keep.contains(name.as_str()) && path.join(MARKER).is_file() {
            std::fs::remove_dir_all(&path).map_err(|err| Error::io(&path, err))?;
        }
    }
    Ok(())
}

/// Write `out/<ID-名称>/preview.html`, `preview.pdf` and `ledger.json` for every agency, and remove the folders
/// of agencies no longer listed.
pub fn export(run: &RunResult, out: &Path) -> Result<usize> {
    let folders = folders(run)?;
    remove_stale(out, &folders.values().map(String::as_str).collect())?;
    let written: Vec<Result<()>> = run
        .agencies
        .par_iter()
        .map(|a| {
            let p = super::from_run(run, &a.agency_id)?;
            let dir = out.join(&folders[&a.agency_id]);
            let mut json = serde_json::to_vec_pretty(&p).expect("preview serialises");
            json.push(b'\n');
            write_atomic(&dir.join(MARKER), &json)?;
            let chart = super::chart(&p, CHART_DPI)?;
            write_atomic(
                &dir.join("preview.html"),
                super::render::html(&p, Some(&chart.png)).as_bytes(),
            )?;
            // The same chart in the PDF, at page width (16 cm: 192 dpi on paper).
            let pdf = super::pdf::write(&p, Some((&chart.png, chart.png_size)))?;
            write_atomic(&dir.join("preview.pdf"), &pdf)?;
            Ok(())
        })
        .collect();
    for r in written {
        r?;
    }
    Ok(run.agencies.len())
}
