//! Arguments shared by the subcommands that score a run.

use std::path::{Path, PathBuf};

use crate::pipeline::{DEFAULT_DATA, DEFAULT_RULES, RunConfig};
use crate::util::encoding::TextEncoding;
use crate::util::fs::{Keep, check_out_dir, resolve};
use crate::util::i18n::ToArg;

#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
    /// The scoring rules (TOML).
    #[arg(default_value = DEFAULT_RULES)]
    pub rules: PathBuf,
    /// The data directory (agencies.csv and the other input files, .csv or .xlsx) or one workbook
    /// (考核数据.xlsx).
    #[arg(long, default_value = DEFAULT_DATA)]
    pub data: PathBuf,
    /// Text encoding of CSV inputs (utf-8, gbk, gb18030); detected when not given.
    #[arg(long, value_parser = encoding)]
    pub encoding: Option<TextEncoding>,
    /// An input kind the scheme reads that may be absent from the data directory (every agency
    /// then scores as if it held no row); repeat for several. Without it, an absent kind is an error.
    #[arg(long = "allow-missing", value_name = "KIND", value_parser = crate::input::load::NEEDED_KINDS)]
    pub allow_missing: Vec<String>,
}

impl RunArgs {
    pub fn config(&self) -> RunConfig {
        RunConfig {
            rules: self.rules.clone(),
            data: self.data.clone(),
            encoding: self.encoding,
            allow_missing: self.allow_missing.clone(),
        }
    }

    /// Refuse an output directory that would replace, copy or sit inside the data directory, or
    /// replace the rules' directory (besides what [`check_out_dir`] refuses everywhere). Checked
    /// before any work, so a refused run writes nothing.
    pub fn check_out(&self, out: &Path) -> crate::Result<()> {
        crate::pipeline::check_defaults(&self.config())?;
        check_out_dir(out, &self.keep())
    }

    /// Refuse an output file (`preview --html`) inside the data directory or over the rules file:
    /// it would replace an input.
    pub fn check_out_file(&self, file: &Path, flag: &str) -> crate::Result<()> {
        let real = resolve(file).map_err(|e| crate::Error::io(file, e))?;
        let data = resolve(&self.data).map_err(|e| crate::Error::io(&self.data, e))?;
        let rules = resolve(&self.rules).map_err(|e| crate::Error::io(&self.rules, e))?;
        let why = if real.starts_with(&data) {
            crate::t!("cli-out-inside-data", data = data)
        } else if real == rules {
            crate::t!("cli-out-is-rules")
        } else if file.is_dir() {
            crate::t!("cli-out-is-dir")
        } else {
            return Ok(());
        };
        Err(crate::Error::Usage(format!("{flag} {}: {why}", file.display())))
    }

    fn keep(&self) -> Vec<Keep<'_>> {
        let rules_dir = self.rules.parent().filter(|p| !p.as_os_str().is_empty());
        let mut keep =
            vec![Keep { what: crate::t!("cli-keep-data-dir"), path: &self.data, no_inside: true }];
        keep.extend(rules_dir.map(|p| Keep {
            what: crate::t!("cli-keep-rules-dir"),
            path: p,
            no_inside: false,
        }));
        keep
    }
}

/// Counts of agencies listed in a terminal summary (`--show`).
pub fn show() -> impl Fn(&str) -> Result<usize, String> + Clone + Send + Sync + 'static {
    whole(0, 10_000)
}

/// A whole number from `min` to `max` for a flag; a refusal says so in the reader's language
/// (clap's own range parser words it in English only).
pub fn whole<T>(min: u64, max: u64) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync
where
    T: TryFrom<u64> + Clone + Send + Sync + 'static,
{
    move |s: &str| {
        let refuse = |id: &str| {
            let (lo, hi) = (min.to_string(), max.to_string());
            crate::util::i18n::tr_in(
                crate::util::i18n::lang(),
                id,
                &[("value", s.to_arg()), ("min", lo.to_arg()), ("max", hi.to_arg())],
            )
        };
        match s.parse::<u64>() {
            Ok(n) if (min..=max).contains(&n) => {
                T::try_from(n).map_err(|_| refuse("help-value-out-of-range"))
            }
            Ok(_) => Err(refuse("help-value-out-of-range")),
            Err(_) => Err(refuse("help-value-not-whole")),
        }
    }
}

/// A seed of random draws: any whole number from 0 to 2^64 − 1.
pub fn seed() -> impl Fn(&str) -> Result<u64, String> + Clone + Send + Sync + 'static {
    whole(0, u64::MAX)
}

/// `--encoding`: a text encoding kaohe reads, refused in the reader's language.
pub fn encoding(s: &str) -> Result<TextEncoding, String> {
    s.parse().map_err(|_| crate::t!("help-value-not-encoding", value = s))
}

/// `--weight-range`: a share in [0, 1).
pub fn share(s: &str) -> Result<rust_decimal::Decimal, String> {
    use rust_decimal::Decimal;
    match s.parse::<Decimal>() {
        Ok(d) if d >= Decimal::ZERO && d < Decimal::ONE => Ok(d),
        _ => Err(crate::t!("help-value-not-share", value = s)),
    }
}
