//! `kaohe template [RULES] [--data DIR] --out 考核数据.xlsx`: the workbook to fill in, one sheet per
//! input kind with Chinese headers, a 说明 sheet and drop-downs (issue 12 item 3).

use std::path::PathBuf;

use crate::error::{Error, Location};

#[derive(Debug, clap::Args)]
pub struct TemplateArgs {
    /// The scoring rules (TOML) whose kinds, tasks, indicators and bonus items the drop-downs offer.
    #[arg(default_value = crate::pipeline::DEFAULT_RULES)]
    pub rules: PathBuf,
    /// A data directory (or workbook) whose agencies fill the 单位 sheet.
    #[arg(long)]
    pub data: Option<PathBuf>,
    /// The workbook to write (.xlsx).
    #[arg(long)]
    pub out: PathBuf,
    /// Replace the workbook if it exists (a filled workbook would otherwise be lost).
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &TemplateArgs) -> crate::Result<()> {
    let display = crate::pipeline::display(&args.rules);
    let scheme = crate::rules::load(&args.rules, &display)?;
    let agencies = match &args.data {
        Some(dir) => crate::input::load::load_dir(dir, None)?.agencies,
        None => Vec::new(),
    };
    let out = crate::pipeline::display(&args.out);
    let ext = args.out.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if ext != "xlsx" {
        return Err(Error::Usage(crate::t!("template-not-xlsx", out = out.as_str())));
    }
    if let Ok(m) = std::fs::symlink_metadata(&args.out)
        && !(m.is_file() && args.force)
    {
        return Err(Error::Usage(crate::t!("template-exists", out = out.as_str())));
    }
    let bytes = crate::input::template::build(&scheme, &agencies)
        .map_err(|e| Error::at(Location::file(&out), e.to_string()))?;
    crate::util::fs::write_atomic(&args.out, &bytes)?;
    println!("{}", crate::t!("template-wrote", out = out.as_str(), agencies = agencies.len()));
    Ok(())
}
