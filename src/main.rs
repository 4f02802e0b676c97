//! The `kaohe` command: parses arguments and calls the library. Exit status: 0 success, 1 a check
//! or verification failed, 2 an error (bad input, bad rules, bad usage).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "kaohe",
    version,
    about = "Score, grade and rank agencies in the 政务公开 assessment"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Social-evaluation questionnaires: import exports, merge shards, draft a questionnaire.
    Survey(kaohe::cli::survey::SurveyArgs),
    /// Write the annual report bundle: HTML, Markdown, Excel and charts.
    Report(kaohe::cli::report::ReportArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Survey(args) => kaohe::cli::survey::run(args),
        Command::Report(args) => kaohe::cli::report::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
