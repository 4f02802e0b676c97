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
        println!(
            "verified: {} files match; recomputing the run gives identical outputs",
            v.checked_files
        );
        return Ok(true);
    }
    println!("NOT verified: {} problem(s)", v.problems.len());
    for p in &v.problems {
        println!("  {}", crate::util::term::clean(&p.to_string()));
    }
    Ok(false)
}
