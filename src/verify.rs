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

/// What verification reads of a published scores.json: its language, engine version and inputs.
/// The agencies (nearly all of the file: 65 MB at a million findings) are skipped as they are
/// parsed, not built into a tree.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Published {
    #[serde(default)]
    lang: serde_json::Value,
    #[serde(default)]
    engine_version: serde_json::Value,
    #[serde(default)]
    inputs: serde_json::Value,
}

impl Published {
    /// The language scores.json records (`lang`); English when it records none (files written
    /// before runs recorded their language were English).
    pub fn lang(&self) -> Lang {
        self.lang.as_str().and_then(|s| s.parse().ok()).unwrap_or(Lang::En)
    }
}

pub fn verify(out: &Path, cfg: &RunConfig) -> Result<Verification> {
    let mut v = Verification::default();
    let scores_path = out.join("scores.json");
    let published = std::fs::read(&scores_path).map_err(|e| Error::io(&scores_path, e))?;
    let json: Published = serde_json::from_slice(&published).map_err(|e| {
        Error::at(
            crate::error::Location::line(scores_path.display().to_string(), e.line() as u64),
            t!("run-verify-not-json", reason = e.to_string()),
        )
    })?;
    let recorded = json.inputs.as_array().cloned().unwrap_or_default();
    if recorded.is_empty() {
        v.problems.push(t!("run-verify-no-inputs"));
    }
    check_hashes(&recorded, cfg, &mut v);
    check_unread_inputs(&recorded, cfg, &mut v)?;
    if json.engine_version.as_str() != Some(crate::ENGINE_VERSION) {
        v.problems.push(t!(
            "run-verify-engine-version",
            published = json.engine_version.as_str().unwrap_or("?"),
            running = crate::ENGINE_VERSION
        ));
    }
    let outputs = Outputs { rankings: out.join("rankings.csv"), scores: (scores_path, published) };
    recompute(&outputs, cfg, json.lang(), &mut v)?;
    Ok(v)
}

/// Hashes of the rules and the data files as they are now, against those recorded.
fn check_hashes(recorded: &[serde_json::Value], cfg: &RunConfig, v: &mut Verification) {
    for r in recorded {
        let kind = r["kind"].as_str().unwrap_or("");
        let name = r["path"].as_str().unwrap_or("");
        let want = r["sha256"].as_str().unwrap_or("");
        let path = if kind == "rules" {
            cfg.rules.clone()
        } else {
            crate::input::load::data_file(&cfg.data, name)
        };
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

/// The published outputs a recomputation is compared with: rankings.csv's path, and scores.json's
/// path and bytes (already read).
struct Outputs {
    rankings: std::path::PathBuf,
    scores: (std::path::PathBuf, Vec<u8>),
}

/// Recompute the run in the language it was published in and compare the outputs byte for byte.
/// scores.json is compared as it is written (it is not built in memory a second time); where it
/// differs, it is made again to say at which line.
fn recompute(out: &Outputs, cfg: &RunConfig, lang: Lang, v: &mut Verification) -> Result<()> {
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
    match std::fs::read(&out.rankings) {
        Err(_) => v.problems.push(t!("run-verify-missing-output", path = out.rankings)),
        Ok(have) => {
            v.checked_files += 1;
            compare(&out.rankings, &have, &crate::output::rankings::to_csv(&run)?, v);
        }
    }
    let (path, have) = &out.scores;
    v.checked_files += 1;
    let mut same = SameBytes { expected: have, at: 0, differs: false };
    crate::output::scores::write_json(&run, &mut same).map_err(|e| Error::io(path, e))?;
    if same.differs || same.at != have.len() {
        compare(path, have, &crate::output::scores::to_json(&run)?, v);
    }
    Ok(())
}

/// A problem naming the first line where `have` (published) and `want` (recomputed) differ.
fn compare(path: &Path, have: &[u8], want: &[u8], v: &mut Verification) {
    if have != want {
        v.problems.push(t!(
            "run-verify-output-differs",
            path = path,
            difference = first_difference(have, want)
        ));
    }
}

/// A writer that only checks that what is written is `expected`, byte for byte.
struct SameBytes<'a> {
    expected: &'a [u8],
    /// How much has been written (and compared).
    at: usize,
    differs: bool,
}

impl std::io::Write for SameBytes<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.differs {
            let end = self.at + buf.len();
            self.differs = self.expected.get(self.at..end) != Some(buf);
        }
        self.at += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
