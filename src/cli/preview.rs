//! `kaohe preview --agency ID [RULES] [--data DIR]`: an agency's own breakdown, with what-if
//! scenarios and group aggregates only; `--html FILE` writes it as a page.

use std::path::PathBuf;

use super::args::RunArgs;
use crate::preview::whatif::WhatIf;

#[derive(Debug, clap::Args)]
pub struct PreviewArgs {
    #[command(flatten)]
    pub run: RunArgs,
    /// The agency id (see agencies.csv).
    #[arg(long)]
    pub agency: String,
    /// Treat these look-back (last year's) findings as rectified.
    #[arg(long = "assume-rectified", value_name = "FINDING_ID", num_args = 1..)]
    pub assume_rectified: Vec<String>,
    /// Leave out these findings of this year.
    #[arg(long = "drop-finding", value_name = "FINDING_ID", num_args = 1..)]
    pub drop_finding: Vec<String>,
    /// Extra or replacement rows (a file named like its input kind: findings.csv, tasks.csv, …).
    #[arg(long = "with", value_name = "FILE")]
    pub with: Vec<PathBuf>,
    /// Also write the preview as a self-contained HTML page.
    #[arg(long)]
    pub html: Option<PathBuf>,
}

pub fn run(args: &PreviewArgs) -> crate::Result<()> {
    if let Some(path) = &args.html {
        args.run.check_out_file(path, "--html")?;
    }
    let (scheme, inputs) = crate::pipeline::load(&args.run.config())?;
    let what = WhatIf {
        assume_rectified: args.assume_rectified.clone(),
        drop_findings: args.drop_finding.clone(),
        with: args.with.clone(),
    };
    let p = crate::preview::build(&scheme, &inputs, &args.agency, &what)?;
    print!("{}", crate::util::term::clean(&crate::preview::render::text(&p)));
    if let Some(path) = &args.html {
        let chart = crate::preview::chart_png(&p, crate::preview::bundle::CHART_DPI)?;
        crate::util::fs::write_atomic(
            path,
            crate::preview::render::html(&p, Some(&chart)).as_bytes(),
        )?;
        println!("\n{}", crate::t!("cli-wrote", path = path));
    }
    Ok(())
}
