//! `kaohe explain --agency ID [RULES] [--data DIR]`: one agency's ledger, readable, with its rank.

use super::args::RunArgs;
use crate::error::Error;

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub run: RunArgs,
    /// The agency id (see agencies.csv).
    #[arg(long)]
    pub agency: String,
}

pub fn run(args: &ExplainArgs) -> crate::Result<()> {
    let result = crate::pipeline::score_files(&args.run.config())?;
    let Some(a) = result.agencies.iter().find(|a| a.agency_id == args.agency) else {
        let close = crate::input::check::close_matches(
            &args.agency,
            result.agencies.iter().map(|a| a.agency_id.as_str()),
        );
        let by_name: Vec<String> = result
            .agencies
            .iter()
            .filter(|a| a.agency.contains(&args.agency))
            .map(|a| format!("{} ({})", a.agency_id, a.agency))
            .take(5)
            .collect();
        let mut hint: Vec<String> = close.iter().map(|s| s.to_string()).collect();
        hint.extend(by_name);
        let hint = if hint.is_empty() {
            String::new()
        } else {
            crate::t!("cli-did-you-mean", names = hint.join(", "))
        };
        return Err(Error::Usage(crate::t!("cli-no-agency", agency = args.agency, hint = hint)));
    };
    print!("{}", crate::util::term::clean(&crate::output::text::explain(&result, a)));
    Ok(())
}
