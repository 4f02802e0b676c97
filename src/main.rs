//! The `kaohe` command: parses arguments and calls the library. Exit status: 0 success, 1 a check
//! failed (a rules test case), 2 an error (bad input, bad rules, bad usage).

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kaohe::cli;

#[derive(Parser)]
#[command(
    name = "kaohe",
    version,
    about = "Score, grade and rank agencies in the 政务公开 assessment"
)]
struct Cli {
    /// Language of everything printed and written for people: zh (default) or en. Overrides the
    /// KAOHE_LANG environment variable.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<kaohe::util::i18n::Lang>,
    /// List every error found, not only the first 20.
    #[arg(long, global = true)]
    all_errors: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Score, rank and grade every agency; write rankings.csv and scores.json.
    Score(cli::score::ScoreArgs),
    /// Validate a rules file and run the test cases it carries.
    Check(cli::check::CheckArgs),
    /// Show one agency's ledger: every point, its rule and its input row.
    Explain(cli::explain::ExplainArgs),
    /// An agency's own breakdown, what-if scenarios and group aggregates (nobody else's data).
    Preview(cli::preview::PreviewArgs),
    /// Write one confidential folder per agency: its preview page and its own ledger as JSON.
    ExportPreviews(cli::export_previews::ExportPreviewsArgs),
    /// Check a published run: inputs unchanged, outputs identical when recomputed.
    Verify(cli::verify::VerifyArgs),
    /// Generate a synthetic but plausible data directory for a scheme (seeded).
    Synth(cli::synth::SynthArgs),
    /// Social-evaluation questionnaires: import exports, merge shards, draft a questionnaire.
    Survey(cli::survey::SurveyArgs),
    /// Write the annual report bundle: HTML, Markdown, Excel and charts.
    Report(cli::report::ReportArgs),
    /// How robust the ranking is: rank intervals and grade chances under survey uncertainty and
    /// perturbed weights (seeded).
    Robustness(cli::robustness::RobustnessArgs),
    /// Rules files: `rules table` writes the published 评分细则 (.xlsx, .docx, .md).
    Rules(cli::rules_table::RulesArgs),
    /// Write the workbook to fill in (考核数据.xlsx): a sheet per input kind, 说明 and drop-downs.
    Template(cli::template::TemplateArgs),
}

/// Errors printed before "还有 N 处错误" (`--all-errors` lists them all).
const MAX_ERRORS: usize = 20;

fn main() -> ExitCode {
    // `kaohe score | head` must end quietly, as Unix tools do, not panic on a closed pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of a signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    if let Err(e) = choose_language(cli.lang) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let result = match &cli.command {
        Command::Score(args) => cli::score::run(args).map(|()| true),
        Command::Check(args) => cli::check::run(args),
        Command::Explain(args) => cli::explain::run(args).map(|()| true),
        Command::Preview(args) => cli::preview::run(args).map(|()| true),
        Command::ExportPreviews(args) => cli::export_previews::run(args).map(|()| true),
        Command::Verify(args) => cli::verify::run(args),
        Command::Synth(args) => cli::synth::run(args).map(|()| true),
        Command::Survey(args) => cli::survey::run(args).map(|()| true),
        Command::Report(args) => cli::report::run(args).map(|()| true),
        Command::Robustness(args) => cli::robustness::run(args).map(|()| true),
        Command::Rules(args) => cli::rules_table::run(args).map(|()| true),
        Command::Template(args) => cli::template::run(args).map(|()| true),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            let text = e.shown((!cli.all_errors).then_some(MAX_ERRORS));
            let message = kaohe::util::term::clean(&text);
            eprintln!("{}", kaohe::t!("error-line", message = message));
            ExitCode::from(2)
        }
    }
}

/// The language of every message: `--lang`, else `KAOHE_LANG`, else Chinese.
fn choose_language(
    flag: Option<kaohe::util::i18n::Lang>,
) -> Result<(), kaohe::util::i18n::UnknownLang> {
    use kaohe::util::i18n;
    let lang = match flag {
        Some(lang) => lang,
        None => i18n::lang_from_env().transpose()?.unwrap_or(i18n::Lang::Zh),
    };
    i18n::set_lang(lang);
    Ok(())
}
