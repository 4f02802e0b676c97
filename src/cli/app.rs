//! The `kaohe` command line: the argument tree (clap derives the parser), the language chosen
//! before parsing, and the dispatch to each subcommand. `src/main.rs` only calls [`main`].
//!
//! Exit status: 0 success (also `--help`, `--version`), 1 a check failed (a rules test case), 2 an
//! error (bad input, bad rules, bad usage).

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{FromArgMatches, Parser, Subcommand};

use crate::cli;
use crate::util::i18n::{self, Lang};

/// The command line. Help texts shown to people come from the catalogues (locales/*/help.ftl,
/// see [`super::help`]); the doc comments here describe the fields for the code's readers.
#[derive(Parser)]
#[command(
    name = "kaohe",
    version,
    about = "Score, grade and rank agencies in the 政务公开 assessment"
)]
pub struct Cli {
    /// Language of everything printed and written for people: zh (default) or en. Overrides the
    /// KAOHE_LANG environment variable.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<Lang>,
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

/// The whole program: choose the language, parse, run, report.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = language(&args);
    i18n::set_lang(lang);
    let cli = match parse(lang, args) {
        Ok(cli) => cli,
        Err(exit) => return exit,
    };
    if let Err(e) = choose_language(cli.lang) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    match run(&cli.command) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            let text = e.shown((!cli.all_errors).then_some(MAX_ERRORS));
            let message = crate::util::term::clean(&text);
            eprintln!("{}", crate::t!("error-line", message = message));
            ExitCode::from(2)
        }
    }
}

/// The command tree with every text a person reads in `lang` (help, usage, headings).
pub fn command(lang: Lang) -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    super::help::localize(&mut cmd, lang);
    cmd
}

/// Parse `args` with the help in `lang`; on a usage error, `--help` or `--version`, print what
/// clap has to say (errors rendered in `lang`) and return the exit status.
fn parse(lang: Lang, args: Vec<OsString>) -> Result<Cli, ExitCode> {
    let matches = command(lang).try_get_matches_from(args);
    let parsed = matches.and_then(|m| Cli::from_arg_matches(&m));
    parsed.map_err(|e| {
        use clap::error::ErrorKind;
        match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                let _ = e.print();
                ExitCode::SUCCESS
            }
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                let _ = e.print();
                ExitCode::from(2)
            }
            _ => {
                eprint!("{}", super::help::render_error(&e, lang));
                ExitCode::from(2)
            }
        }
    })
}

/// The language of help and argument errors, decided before parsing: the last `--lang X` or
/// `--lang=X` before a `--`, else `KAOHE_LANG`, else Chinese. A value that names no language is
/// ignored here (the parser then refuses it, in the language of the rest).
pub fn language(args: &[OsString]) -> Lang {
    let mut chosen = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('=').map(|v| v.to_string().into()),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| v.parse::<Lang>().ok()) {
            chosen = Some(lang);
        }
    }
    chosen.or_else(|| i18n::lang_from_env().and_then(Result::ok)).unwrap_or(Lang::Zh)
}

fn run(command: &Command) -> crate::Result<bool> {
    match command {
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
    }
}

/// The language of every message: `--lang`, else `KAOHE_LANG`, else Chinese.
fn choose_language(flag: Option<Lang>) -> Result<(), i18n::UnknownLang> {
    let lang = match flag {
        Some(lang) => lang,
        None => i18n::lang_from_env().transpose()?.unwrap_or(Lang::Zh),
    };
    i18n::set_lang(lang);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        std::iter::once("kaohe").chain(words.iter().copied()).map(OsString::from).collect()
    }

    #[test]
    fn language_before_parsing() {
        // The environment is the process's; these cases all name a language on the command line.
        assert_eq!(language(&args(&["score", "--lang", "en"])), Lang::En);
        assert_eq!(language(&args(&["--lang=en", "score", "--lang", "zh"])), Lang::Zh);
        assert_eq!(language(&args(&["score", "--lang=zh_CN.UTF-8"])), Lang::Zh);
        assert_eq!(language(&args(&["--lang", "en", "--", "--lang", "zh"])), Lang::En);
    }
}
