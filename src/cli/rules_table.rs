//! `kaohe rules table RULES --out 评分细则.xlsx|.docx|.md`: the published scoring criteria,
//! written from the rules file (see [`crate::report::criteria`]).

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
    },
}

pub fn run(args: &RulesArgs) -> crate::Result<()> {
    match &args.command {
        RulesCommand::Table { rules, out } => table(rules, out),
    }
}

fn table(rules: &std::path::Path, out: &std::path::Path) -> crate::Result<()> {
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
    let bytes = criteria::render(&scheme, format)?;
    crate::util::fs::write_atomic(out, &bytes)?;
    let items = scheme.nodes.iter().filter(|n| n.method().is_some()).count();
    println!("{}", t!("criteria-written", path = out, rows = items));
    Ok(())
}
