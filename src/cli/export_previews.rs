//! `kaohe export-previews [RULES] [--data DIR] [--out DIR]`: one confidential folder per agency.

use std::path::PathBuf;

use super::args::RunArgs;

#[derive(Debug, clap::Args)]
pub struct ExportPreviewsArgs {
    #[command(flatten)]
    pub run: RunArgs,
    /// Output directory: one sub-folder per agency id.
    #[arg(long, default_value = "out/previews")]
    pub out: PathBuf,
}

pub fn run(args: &ExportPreviewsArgs) -> crate::Result<()> {
    args.run.check_out(&args.out)?;
    let result = crate::pipeline::score_files(&args.run.config())?;
    let mut n = 0;
    crate::util::fs::commit_dir(&args.out, |stage| {
        n = crate::preview::bundle::export(&result, stage)?;
        Ok(())
    })?;
    println!("{}", crate::t!("cli-wrote-previews", count = n, dir = args.out));
    Ok(())
}
