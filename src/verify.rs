//! Verifying a published run (`kaohe verify`): the rules and every input file still hash to what
//! scores.json recorded, and recomputing the run from them gives byte-identical rankings.csv and
//! scores.json. Anything edited by hand, or changed since, is reported by name.
//!
//! A run is recomputed in the language it was published in (scores.json's `lang`; English for a
//! file written before runs recorded it), whatever language the problems are reported in.

use std::path::Path;

use crate::error::{Error, Result};
use crate::pipeline::RunConfig;
use crate::t;
use crate::util::i18n::Lang;

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
            return t!(
                "run-verify-line-differs",
                line = i + 1,
                published = String::from_utf8_lossy(x).trim(),
                recomputed = String::from_utf8_lossy(y).trim()
            );
        }
    }
    t!("run-verify-line-count", published = la.len(), recomputed = lb.len())
}

/// The language scores.json records (`lang`); English when it records none (files written
/// before runs recorded their language were English).
pub fn recorded_lang(json: &serde_json::Value) -> Lang {
    json["lang"].as_str().and_then(|s| s.parse().ok()).unwrap_or(Lang::En)
}

pub fn verify(out: &Path, cfg: &RunConfig) -> Result<Verification> {
    let mut v = Verification::default();
    let scores_path = out.join("scores.json");
    let published = std::fs::read(&scores_path).map_err(|e| Error::io(&scores_path, e))?;
    let json: serde_json::Value = serde_json::from_slice(&published).map_err(|e| {
        Error::at(
            crate::error::Location::line(scores_path.display().to_string(), e.line() as u64),
            t!("run-verify-not-json", reason = e.to_string()),
        )
    })?;
    let recorded = json["inputs"].as_array().cloned().unwrap_or_default();
    if recorded.is_empty() {
        v.problems.push(t!("run-verify-no-inputs"));
    }
    check_hashes(&recorded, cfg, &mut v);
    check_unread_inputs(&recorded, cfg, &mut v)?;
    if json["engine_version"].as_str() != Some(crate::ENGINE_VERSION) {
        v.problems.push(t!(
            "run-verify-engine-version",
            published = json["engine_version"].as_str().unwrap_or("?"),
            running = crate::ENGINE_VERSION
        ));
    }
    recompute(out, cfg, recorded_lang(&json), &mut v)?;
    Ok(v)
}

/// Hashes of the rules and the data files as they are now, against those recorded.
fn check_hashes(recorded: &[serde_json::Value], cfg: &RunConfig, v: &mut Verification) {
    for r in recorded {
        let kind = r["kind"].as_str().unwrap_or("");
        let name = r["path"].as_str().unwrap_or("");
        let want = r["sha256"].as_str().unwrap_or("");
        let path = if kind == "rules" { cfg.rules.clone() } else { cfg.data.join(name) };
        match std::fs::read(&path) {
            Err(_) => v.problems.push(t!("run-verify-missing-input", path = path)),
            Ok(bytes) => {
                v.checked_files += 1;
                let got = crate::util::hash::sha256_hex(&bytes);
                if got != want {
                    v.problems.push(t!(
                        "run-verify-changed",
                        path = path,
                        recorded = want,
                        now = got
                    ));
                }
            }
        }
    }
}

/// An input file in the data directory that the published run did not read.
fn check_unread_inputs(
    recorded: &[serde_json::Value],
    cfg: &RunConfig,
    v: &mut Verification,
) -> Result<()> {
    for (stem, _, _) in crate::input::load::KINDS {
        if let Some(p) = crate::input::load::find_file(&cfg.data, stem)? {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !recorded
                .iter()
                .any(|r| r["path"].as_str() == Some(name) && r["kind"].as_str() != Some("rules"))
            {
                v.problems.push(t!("run-verify-unread-input", path = p));
            }
        }
    }
    Ok(())
}

/// Recompute the run in the language it was published in and compare the outputs byte for byte.
fn recompute(out: &Path, cfg: &RunConfig, lang: Lang, v: &mut Verification) -> Result<()> {
    let speaking = crate::util::i18n::lang();
    crate::util::i18n::set_lang(lang);
    let run = crate::pipeline::score_files(cfg);
    crate::util::i18n::set_lang(speaking);
    let run = match run {
        Err(e) => {
            v.problems.push(t!("run-verify-cannot-recompute", reason = e.to_string()));
            return Ok(());
        }
        Ok(run) => run,
    };
    let expected = [
        ("rankings.csv", crate::output::rankings::to_csv(&run)?),
        ("scores.json", crate::output::scores::to_json(&run)?),
    ];
    for (name, bytes) in expected {
        let p = out.join(name);
        match std::fs::read(&p) {
            Err(_) => v.problems.push(t!("run-verify-missing-output", path = p)),
            Ok(have) => {
                v.checked_files += 1;
                if have != bytes {
                    v.problems.push(t!(
                        "run-verify-output-differs",
                        path = p,
                        difference = first_difference(&have, &bytes)
                    ));
                }
            }
        }
    }
    Ok(())
}
