//! `kaohe survey …`: questionnaire import, merge, init and synthetic exports. Parses arguments
//! and calls [`crate::survey`].

use std::path::PathBuf;

use crate::input::encoding::TextEncoding;
use crate::survey::questionnaire::{AnswerForm, Questionnaire};
use crate::survey::{import, merge, output};

#[derive(Debug, clap::Args)]
pub struct SurveyArgs {
    #[command(subcommand)]
    command: SurveyCommand,
}

#[derive(Debug, clap::Subcommand)]
enum SurveyCommand {
    /// Import exports (CSV in UTF-8/GBK, .xls, .xlsx) and write the statistics and import report.
    Import {
        /// The questionnaire (surveys/*.toml).
        questionnaire: PathBuf,
        /// Export files, imported in this order.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output directory.
        #[arg(long)]
        out: PathBuf,
        /// Text encoding of CSV files (default: detect BOM, else UTF-8 if valid, else GB18030).
        #[arg(long)]
        encoding: Option<TextEncoding>,
        /// How the export writes answers, overriding the questionnaire: by text (labels) or by
        /// number (option positions).
        #[arg(long, value_enum)]
        answers: Option<AnswerForm>,
    },
    /// Merge import output directories (shards) into one, exactly as importing all files at once.
    Merge {
        questionnaire: PathBuf,
        #[arg(required = true)]
        shards: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Draft a questionnaire TOML from an export's header row and the answers seen.
    Init {
        export: PathBuf,
        /// Where to write the draft (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        encoding: Option<TextEncoding>,
    },
}

pub fn run(args: &SurveyArgs) -> crate::Result<()> {
    match &args.command {
        SurveyCommand::Import { questionnaire, files, out, encoding, answers } => {
            let q = Questionnaire::load(questionnaire)?;
            let im = import::import(
                &q,
                files,
                import::Options { encoding: *encoding, answers: *answers },
            )?;
            output::write_all(out, &q, &im)?;
            let t = im.total();
            eprintln!(
                "{} rows: {} valid, {} screened, {} rejected; wrote {}",
                t.rows,
                t.valid,
                t.screened.iter().sum::<u64>(),
                t.rejected,
                out.display()
            );
            Ok(())
        }
        SurveyCommand::Merge { questionnaire, shards, out } => {
            let q = Questionnaire::load(questionnaire)?;
            let im = merge::merge(&q, shards)?;
            output::write_all(out, &q, &im)?;
            Ok(())
        }
        SurveyCommand::Init { export, out, encoding } => {
            let text = crate::survey::init::draft(export, *encoding)?;
            match out {
                Some(p) => crate::output::atomic::write_atomic(p, text.as_bytes()),
                None => {
                    print!("{text}");
                    Ok(())
                }
            }
        }
    }
}
