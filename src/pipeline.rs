//! Rules file + data directory → a scored, ranked [`RunResult`]: the one entry point the CLI
//! subcommands (score, explain, report, preview) share.

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::score::result::RunResult;
use crate::util::encoding::TextEncoding;

/// The bundled scheme and example, used when no paths are given (relative to the working
/// directory, which is the repository root in the README's commands).
pub const DEFAULT_RULES: &str = "scoring-rules/shanxi-2022.toml";
pub const DEFAULT_DATA: &str = "examples/shanxi-2022";

#[derive(Debug, Clone)]
pub struct RunConfig {
    pub rules: PathBuf,
    pub data: PathBuf,
    pub encoding: Option<TextEncoding>,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig { rules: DEFAULT_RULES.into(), data: DEFAULT_DATA.into(), encoding: None }
    }
}

/// Path as shown in messages and recorded in outputs: as given by the user.
pub fn display(p: &Path) -> String {
    p.display().to_string()
}

pub fn score_files(cfg: &RunConfig) -> Result<RunResult> {
    let (scheme, inputs) = load(cfg)?;
    crate::score::score(&scheme, &inputs)
}

/// The validated scheme and the parsed inputs, for callers that change inputs before scoring
/// (what-if previews).
pub fn load(cfg: &RunConfig) -> Result<(crate::rules::Scheme, crate::input::Inputs)> {
    let scheme = crate::rules::load(&cfg.rules, &display(&cfg.rules))?;
    let inputs = crate::input::load::load_dir(&cfg.data, cfg.encoding)?;
    Ok((scheme, inputs))
}
