//! Verifying a published run (`kaohe verify`): the rules and every input file still hash to what
//! scores.json recorded, and recomputing the run from them gives byte-identical rankings.csv and
//! scores.json. Anything edited by hand, or changed since, is reported by name.

use std::path::Path;

use crate::error::{Error, Result};
use crate::pipeline::RunConfig;

/// What verification found; empty `problems` means the run is reproduced exactly.
#[derive(Debug, Default)]
pub struct Verification {
    pub checked_files: usize,
    pub problems: Vec<String>,
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let la: Vec<&[u8]> = a.split(|&c| c == b'\n').collect();
    let lb: Vec<&[u8]> = b.split(|&c| c == b'\n').collect();
    for (i, (x, y)) in la.iter().zip(&lb).enumerate() {
        if x != y {
            return format!(
                "line {} differs: published `{}`, recomputed `{}`",
                i + 1,
                String::from_utf8_lossy(x).trim(),
                String::from_utf8_lossy(y).trim()
            );
        }
    }
    format!("the published file has {} lines, the recomputed one {}", la.len(), lb.len())
}

pub fn verify(out: &Path, cfg: &RunConfig) -> Result<Verification> {
    let mut v = Verification::default();
    let scores_path = out.join("scores.json");
    let published = std::fs::read(&scores_path).map_err(|e| Error::io(&scores_path, e))?;
    let json: serde_json::Value = serde_json::from_slice(&published).map_err(|e| {
        Error::at(
            crate::error::Location::line(scores_path.display().to_string(), e.line() as u64),
            format!("not valid JSON: {e}"),
        )
    })?;
    let recorded = json["inputs"].as_array().cloned().unwrap_or_default();
    if recorded.is_empty() {
        v.problems.push(
            "scores.json records no inputs: expected the rules and input files with their SHA-256"
                .into(),
        );
    }
    // Hashes of the rules and the data files as they are now.
    for r in &recorded {
        let kind = r["kind"].as_str().unwrap_or("");
        let name = r["path"].as_str().unwrap_or("");
        let want = r["sha256"].as_str().unwrap_or("");
        let path = if kind == "rules" {
            cfg.rules.clone()
        } else {
            crate::input::load::data_file(&cfg.data, name)
        };
        match std::fs::read(&path) {
            Err(_) => v
                .problems
                .push(format!("{}: recorded in scores.json but missing now", path.display())),
            Ok(bytes) => {
                v.checked_files += 1;
                let got = crate::util::hash::sha256_hex(&bytes);
                if got != want {
                    v.problems.push(format!(
                        "{}: changed since the run (SHA-256 recorded {want}, now {got})",
                        path.display()
                    ));
                }
            }
        }
    }
    for (stem, _, _) in crate::input::load::KINDS {
        if let Some(p) = crate::input::load::find_file(&cfg.data, stem)? {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !recorded
                .iter()
                .any(|r| r["path"].as_str() == Some(name) && r["kind"].as_str() != Some("rules"))
            {
                v.problems
                    .push(format!("{}: an input file the published run did not read", p.display()));
            }
        }
    }
    if json["engine_version"].as_str() != Some(crate::ENGINE_VERSION) {
        v.problems.push(format!(
            "the run was made by kaohe {}, this is {}: results may differ for that reason alone",
            json["engine_version"].as_str().unwrap_or("?"),
            crate::ENGINE_VERSION
        ));
    }
    // Recompute and compare the outputs byte for byte.
    match crate::pipeline::score_files(cfg) {
        Err(e) => v.problems.push(format!("the run cannot be recomputed from these inputs: {e}")),
        Ok(run) => {
            let expected = [
                ("rankings.csv", crate::output::rankings::to_csv(&run)?),
                ("scores.json", crate::output::scores::to_json(&run)?),
            ];
            for (name, bytes) in expected {
                let p = out.join(name);
                match std::fs::read(&p) {
                    Err(_) => v.problems.push(format!("{}: missing", p.display())),
                    Ok(have) => {
                        v.checked_files += 1;
                        if have != bytes {
                            v.problems.push(format!(
                                "{}: does not match the recomputed run ({})",
                                p.display(),
                                first_difference(&have, &bytes)
                            ));
                        }
                    }
                }
            }
        }
    }
    Ok(v)
}
