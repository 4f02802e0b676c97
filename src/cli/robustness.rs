//! `kaohe robustness [RULES] [--data DIR] [--replicates N] [--seed S] [--weight-range R]
//! [--out DIR]`: how robust the ranking is to survey uncertainty and to the weights
//! (src/robust, docs/composite.md). Writes robustness.csv and robustness.svg.

use std::path::PathBuf;

use rust_decimal::Decimal;

use super::args::RunArgs;
use crate::robust::{self, Config, Kind};
use crate::util::fs::write_atomic;

#[derive(Debug, clap::Args)]
pub struct RobustnessArgs {
    #[command(flatten)]
    pub run: RunArgs,
    /// Perturbed runs per analysis (1 to 100000).
    #[arg(long, default_value_t = 200, value_parser = super::args::whole::<u32>(1, 100_000))]
    pub replicates: u32,
    #[arg(long, default_value_t = 2022, value_parser = super::args::seed())]
    pub seed: u64,
    /// Each weight varies within ±this share of its value (0.2: from 0.8× to 1.2×).
    #[arg(long, default_value = "0.2", value_parser = super::args::share)]
    pub weight_range: Decimal,
    /// Output directory.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Agencies listed per analysis in the summary.
    #[arg(long, default_value_t = 10, value_parser = super::args::show())]
    pub show: usize,
}

pub fn run(args: &RobustnessArgs) -> crate::Result<()> {
    args.run.check_out(&args.out)?;
    let cfg = args.run.config();
    let (scheme, inputs) = crate::pipeline::load(&cfg)?;
    let baseline = crate::pipeline::score_checked(&scheme, &inputs)?;
    // Responses when the data directory has them (a response-level bootstrap), else the intervals.
    let survey = match robust::survey_responses(&cfg.data)? {
        Some(r) => robust::SurveyData::Responses(r),
        None => robust::SurveyData::Errors(robust::survey_errors(&cfg.data)?),
    };
    let rc =
        Config { replicates: args.replicates, seed: args.seed, weight_range: args.weight_range };
    let mut analyses = Vec::new();
    if !inputs.surveys.is_empty() {
        analyses.push(robust::analyse(&scheme, &inputs, &baseline, Kind::Survey, &rc, &survey)?);
    }
    analyses.push(robust::analyse(&scheme, &inputs, &baseline, Kind::Weights, &rc, &survey)?);
    crate::util::fs::commit_dir(&args.out, |stage| {
        write_atomic(&stage.join("robustness.csv"), &robust::to_csv(&analyses))?;
        write_atomic(&stage.join("robustness.svg"), robust::chart::to_svg(&analyses).as_bytes())
    })?;
    print!("{}", crate::util::term::clean(&robust::summary(&analyses, args.show)));
    let wrote = crate::t!(
        "cli-wrote-two",
        first = args.out.join("robustness.csv"),
        second = args.out.join("robustness.svg")
    );
    println!("\n{wrote}");
    Ok(())
}
