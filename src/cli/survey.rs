//! `kaohe survey …`: questionnaire import, merge, init and synthetic exports. Parses arguments
//! and calls [`crate::survey`].

use std::path::PathBuf;

use crate::survey::questionnaire::{AnswerForm, Questionnaire};
use crate::survey::{import, merge, output};
use crate::util::encoding::TextEncoding;

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
        #[arg(long, value_parser = super::args::encoding)]
        encoding: Option<TextEncoding>,
        /// How the export writes answers, overriding the questionnaire: by text (labels) or by
        /// number (option positions).
        #[arg(long, value_enum)]
        answers: Option<AnswerForm>,
        /// Do not write responses.csv (saves about 8 bytes of memory per response on very large
        /// imports; `kaohe robustness` then cannot bootstrap these responses).
        #[arg(long)]
        no_responses: bool,
    },
    /// Merge import output directories (shards) into one, exactly as importing all files at once.
    Merge {
        questionnaire: PathBuf,
        #[arg(required = true)]
        shards: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Generate a synthetic by-text export for a questionnaire (or, with --scaffold, a benchmark
    /// questionnaire with that many agencies).
    Synth {
        /// The questionnaire whose export to generate.
        #[arg(required_unless_present = "scaffold")]
        questionnaire: Option<PathBuf>,
        /// Number of responses (1 to 100000000).
        #[arg(long, default_value_t = 10_000,
              value_parser = super::args::whole::<u64>(1, 100_000_000))]
        rows: u64,
        #[arg(long, default_value_t = 2022, value_parser = super::args::seed())]
        seed: u64,
        /// Write a benchmark questionnaire with this many agencies instead of an export (1 to
        /// 100000).
        #[arg(long, value_parser = super::args::whole::<usize>(1, 100_000))]
        scaffold: Option<usize>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Parse a CSV file on all cores and count its records, doing nothing else: the floor that
    /// the benchmark measures import against.
    #[command(hide = true)]
    Parse { file: PathBuf },
    /// Draft a questionnaire TOML from an export's header row and the answers seen.
    Init {
        /// The export (by text, or by number); with a second, the by-text export first and the
        /// by-number export of the same responses second, paired to learn option positions.
        #[arg(required = true, num_args = 1..=2)]
        export: Vec<PathBuf>,
        /// Where to write the draft (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, value_parser = super::args::encoding)]
        encoding: Option<TextEncoding>,
    },
    /// Write the survey team's report of an import: per rated question, the answers over all
    /// agencies and per agency (counts and shares, don't-know apart), and the screening
    /// accounting, as survey-report.html, survey-report.xlsx and charts/survey-*.png|svg.
    Report {
        /// The questionnaire the import used (its SHA-256 must match the one recorded).
        questionnaire: PathBuf,
        /// The output directory of `kaohe survey import` or `kaohe survey merge`.
        import_dir: PathBuf,
        /// Output directory.
        #[arg(long)]
        out: PathBuf,
        /// Resolution of the PNG charts (dots per inch, 20 to 1200).
        #[arg(long, default_value_t = 300, value_parser = super::args::whole::<u32>(20, 1200))]
        dpi: u32,
    },
}

/// Refuse an output directory that would replace a shard being merged or the directory of a file
/// read (besides what every output directory must not be), before any work.
fn check_out(
    out: &std::path::Path,
    questionnaire: &std::path::Path,
    inputs: &[PathBuf],
) -> crate::Result<()> {
    use crate::util::fs::{Keep, check_out_dir};
    let dir = |p: &std::path::Path| -> Option<std::path::PathBuf> {
        if p.is_dir() {
            return Some(p.to_path_buf());
        }
        p.parent().filter(|d| !d.as_os_str().is_empty()).map(|d| d.to_path_buf())
    };
    let dirs: Vec<PathBuf> = std::iter::once(questionnaire)
        .chain(inputs.iter().map(PathBuf::as_path))
        .filter_map(dir)
        .collect();
    let keep: Vec<Keep> = dirs
        .iter()
        .map(|p| Keep { what: crate::t!("cli-keep-input-dir"), path: p, no_inside: false })
        .collect();
    check_out_dir(out, &keep)
}

pub fn run(args: &SurveyArgs) -> crate::Result<()> {
    match &args.command {
        SurveyCommand::Import { questionnaire, files, out, encoding, answers, no_responses } => {
            check_out(out, questionnaire, files)?;
            let q = Questionnaire::load(questionnaire)?;
            let im = import::import(
                &q,
                files,
                import::Options {
                    encoding: *encoding,
                    answers: *answers,
                    no_responses: *no_responses,
                },
            )?;
            crate::util::fs::commit_dir(out, |stage| output::write_all(stage, &q, &im))?;
            let t = im.total();
            let imported = crate::t!(
                "cli-survey-imported",
                rows = t.rows,
                valid = t.valid,
                screened = t.screened.iter().sum::<u64>(),
                rejected = t.rejected,
                dir = out
            );
            eprintln!("{imported}");
            Ok(())
        }
        SurveyCommand::Merge { questionnaire, shards, out } => {
            check_out(out, questionnaire, shards)?;
            let q = Questionnaire::load(questionnaire)?;
            let im = merge::merge(&q, shards)?;
            crate::util::fs::commit_dir(out, |stage| output::write_all(stage, &q, &im))?;
            Ok(())
        }
        SurveyCommand::Synth { questionnaire, rows, seed, scaffold, out } => {
            if let Some(n) = scaffold {
                return crate::util::fs::write_atomic(
                    out,
                    crate::survey::synth::scaffold(*n).as_bytes(),
                );
            }
            let q = Questionnaire::load(questionnaire.as_deref().expect("required by clap"))?;
            // Streamed (the benchmark file is ~1 GB).
            crate::util::fs::write_atomic_with(out, |w| {
                crate::survey::synth::generate(&q, *rows, *seed, w)
            })
        }
        SurveyCommand::Parse { file } => {
            let (records, fields) = import::parse_only(file)?;
            println!("{}", crate::t!("cli-survey-parsed", records = records, fields = fields));
            Ok(())
        }
        SurveyCommand::Report { questionnaire, import_dir, out, dpi } => {
            report(questionnaire, import_dir, out, *dpi)
        }
        SurveyCommand::Init { export, out, encoding } => {
            let text = crate::survey::init::draft(export, *encoding)?;
            match out {
                Some(p) => crate::util::fs::write_atomic(p, text.as_bytes()),
                None => {
                    print!("{text}");
                    Ok(())
                }
            }
        }
    }
}

/// `kaohe survey report`: read the import directory, write the report into `out` whole.
fn report(
    questionnaire: &std::path::Path,
    import_dir: &std::path::Path,
    out: &std::path::Path,
    dpi: u32,
) -> crate::Result<()> {
    use crate::report::survey_answers::{Options, write_report};
    check_out(out, questionnaire, &[import_dir.to_path_buf()])?;
    let q = Questionnaire::load(questionnaire)?;
    let questions = q.questions.len();
    let mut written = None;
    crate::util::fs::commit_dir(out, |stage| {
        written = Some(write_report(q, import_dir, stage, &Options { dpi })?);
        Ok(())
    })?;
    let written = written.expect("set when commit_dir succeeds");
    for w in &written.warnings {
        eprintln!("{}", crate::t!("survey-report-warning", message = w.as_str()));
    }
    let charts = written.files.iter().filter(|f| f.starts_with("charts")).count() / 2;
    eprintln!(
        "{}",
        crate::t!(
            "survey-report-written",
            files = written.files.len(),
            dir = out,
            valid = written.valid,
            questions = questions,
            charts = charts
        )
    );
    Ok(())
}
