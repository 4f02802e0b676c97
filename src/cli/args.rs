//! Arguments shared by the subcommands that score a run.

use std::path::PathBuf;

use crate::pipeline::{DEFAULT_DATA, DEFAULT_RULES, RunConfig};
use crate::util::encoding::TextEncoding;

#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
    /// The scoring rules (TOML).
    #[arg(default_value = DEFAULT_RULES)]
    pub rules: PathBuf,
    /// The data directory: agencies.csv and the other input files (.csv or .xlsx).
    #[arg(long, default_value = DEFAULT_DATA)]
    pub data: PathBuf,
    /// Text encoding of CSV inputs (utf-8, gbk, gb18030); detected when not given.
    #[arg(long)]
    pub encoding: Option<TextEncoding>,
}

impl RunArgs {
    pub fn config(&self) -> RunConfig {
        RunConfig { rules: self.rules.clone(), data: self.data.clone(), encoding: self.encoding }
    }
}
