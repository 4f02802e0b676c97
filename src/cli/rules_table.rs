//! `kaohe rules table RULES --out 评分细则.xlsx|.docx|.md [--data DIR]`: the published scoring
//! criteria, written from the rules file (see [`crate::report::criteria`]); with `--data`, the
//! agencies a scheme lists by id are named by their 单位名称.

use std::path::PathBuf;

use crate::report::criteria::{self, Format};
use crate::t;

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    command: RulesCommand,
}

#[derive(Debug, clap::Subcommand)]
enum RulesCommand {
    /// Write the scheme as the 评分细则 table offices publish (.xlsx, .docx or .md by extension).
    Table {
        /// The scoring rules (TOML).
        #[arg(default_value = crate::pipeline::DEFAULT_RULES)]
        rules: PathBuf,
        /// The file to write: 评分细则.xlsx, 评分细则.docx or 评分细则.md.
        #[arg(long)]
        out: PathBuf,
        /// A data directory (or workbook) whose agencies' names stand for their ids in 适用对象
        /// (without it, ids).
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
    },
}

pub fn run(args: &RulesArgs) -> crate::Result<()> {
    match &args.command {
        RulesCommand::Table { rules, out, data } => table(rules, out, data.as_deref()),
    }
}

fn table(
    rules: &std::path::Path,
    out: &std::path::Path,
    data: Option<&std::path::Path>,
) -> crate::Result<()> {
    let Some(format) = Format::from_path(out) else {
        return Err(crate::Error::Usage(t!("criteria-bad-format", path = out)));
    };
    let same = |a: &std::path::Path, b: &std::path::Path| {
        crate::util::fs::resolve(a)
            .ok()
            .zip(crate::util::fs::resolve(b).ok())
            .is_some_and(|(a, b)| a == b)
    };
    if same(rules, out) {
        return Err(crate::Error::Usage(t!("criteria-out-is-rules", path = out)));
    }
    let display = crate::pipeline::display(rules);
    let scheme = crate::rules::load(rules, &display)?;
    let names: criteria::AgencyNames = match data {
        Some(dir) => crate::input::load::load_dir(dir, None)?
            .agencies
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect(),
        None => criteria::AgencyNames::new(),
    };
    let bytes = criteria::render(&scheme, &names, format)?;
    crate::util::fs::write_atomic(out, &bytes)?;
    let items = scheme.nodes.iter().filter(|n| n.method().is_some()).count();
    println!("{}", t!("criteria-written", path = out, rows = items));
    Ok(())
}
