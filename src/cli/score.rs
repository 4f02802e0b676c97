//! `kaohe score [RULES] [--data DIR] [--out DIR]`: score, rank and grade every agency; write
//! rankings.csv and scores.json; print a short ranking per group.

use std::path::PathBuf;

use super::args::RunArgs;
use crate::util::term::clean;

#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    #[command(flatten)]
    pub run: RunArgs,
    /// Output directory.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Agencies shown at the top and bottom of each group in the summary.
    #[arg(long, default_value_t = 5, value_parser = super::args::show())]
    pub show: usize,
}

pub fn run(args: &ScoreArgs) -> crate::Result<()> {
    args.run.check_out(&args.out)?;
    let (scheme, inputs) = crate::pipeline::load(&args.run.config())?;
    let result = crate::pipeline::score_checked(&scheme, &inputs)?;
    crate::output::commit_run(&result, &args.out)?;
    print!("{}", clean(&crate::output::text::summary(&result, args.show)));
    print!("\n{}", clean(&crate::output::text::reconciliation(&result)));
    let wrote = crate::t!(
        "cli-wrote-two",
        first = args.out.join("rankings.csv"),
        second = args.out.join("scores.json")
    );
    println!("\n{wrote}");
    // The process ends here: its memory goes back whole, without freeing a million ledger
    // lines and input rows one by one (a tenth of a second at 10^6 findings).
    std::mem::forget((result, inputs, scheme));
    Ok(())
}
