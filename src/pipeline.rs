//! Rules file + data directory → a scored, ranked [`RunResult`]: the one entry point the CLI
//! subcommands (score, explain, report, preview) share.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::input::Inputs;
use crate::rules::Scheme;
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
    /// Input kinds the scheme reads that may be absent from the data directory (`--allow-missing`).
    pub allow_missing: Vec<String>,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            rules: DEFAULT_RULES.into(),
            data: DEFAULT_DATA.into(),
            encoding: None,
            allow_missing: Vec::new(),
        }
    }
}

/// Path as shown in messages and recorded in outputs: as given by the user.
pub fn display(p: &Path) -> String {
    p.display().to_string()
}

/// A default path (the bundled scheme or example) that is not there, typically because kaohe runs
/// outside the repository: say it is the default and how to name another, rather than only
/// "not found".
pub fn check_defaults(cfg: &RunConfig) -> Result<()> {
    let cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default();
    if cfg.rules == Path::new(DEFAULT_RULES) && !cfg.rules.exists() {
        return Err(Error::Usage(crate::t!(
            "run-default-rules-missing",
            path = DEFAULT_RULES,
            cwd = cwd
        )));
    }
    if cfg.data == Path::new(DEFAULT_DATA) && !cfg.data.exists() {
        return Err(Error::Usage(crate::t!(
            "run-default-data-missing",
            path = DEFAULT_DATA,
            cwd = cwd
        )));
    }
    Ok(())
}

/// Load → check → score → rank.
pub fn score_files(cfg: &RunConfig) -> Result<RunResult> {
    let (scheme, inputs) = load(cfg)?;
    score_checked(&scheme, &inputs)
}

/// The validated scheme and the parsed inputs, checked against each other, for callers that
/// score them more than once (what-if previews, robustness replicates).
pub fn load(cfg: &RunConfig) -> Result<(Scheme, Inputs)> {
    check_defaults(cfg)?;
    let scheme = crate::rules::load(&cfg.rules, &display(&cfg.rules))?;
    let mut inputs = crate::input::load::load_dir(&cfg.data, cfg.encoding)?;
    crate::input::resolve::resolve(&scheme, &mut inputs)?;
    inputs.absent = crate::input::load::absent_kinds(&scheme, &inputs, &cfg.allow_missing)?;
    crate::input::check::check(&scheme, &inputs)?;
    Ok((scheme, inputs))
}

/// Check → score → rank, for inputs built or changed in memory (test cases, what-if scenarios).
pub fn run(scheme: &Scheme, inputs: &Inputs) -> Result<RunResult> {
    crate::input::check::check(scheme, inputs)?;
    score_checked(scheme, inputs)
}

/// Score → rank, for inputs that already passed the check against `scheme` (or differ from checked
/// inputs only in values the check does not look at: a survey index, an indicator weight).
pub fn score_checked(scheme: &Scheme, inputs: &Inputs) -> Result<RunResult> {
    let agencies = crate::score::score(scheme, inputs)?;
    Ok(crate::rank::rank(scheme, inputs, agencies))
}
