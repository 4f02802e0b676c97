//! `kaohe verify OUT_DIR [RULES] [--data DIR]`: check a published run against its inputs.

use std::path::PathBuf;

use super::args::RunArgs;

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The published output directory (holding rankings.csv and scores.json).
    pub out: PathBuf,
    #[command(flatten)]
    pub run: RunArgs,
}

/// Ok(true) when the run is reproduced exactly.
pub fn run(args: &VerifyArgs) -> crate::Result<bool> {
    let v = crate::verify::verify(&args.out, &args.run.config())?;
    if v.problems.is_empty() {
        println!("{}", crate::t!("cli-verified", files = v.checked_files));
        return Ok(true);
    }
    println!("{}", crate::t!("cli-not-verified", problems = v.problems.len()));
    for p in &v.problems {
        println!("  {}", crate::util::term::clean(&p.to_string()));
    }
    Ok(false)
}
