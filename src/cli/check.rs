//! `kaohe check RULES`: validate a scheme and run the test cases written inside it.

use std::path::PathBuf;

use crate::util::term::clean;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The scoring rules (TOML).
    #[arg(default_value = crate::pipeline::DEFAULT_RULES)]
    pub rules: PathBuf,
}

/// Ok(true) when every case passed.
pub fn run(args: &CheckArgs) -> crate::Result<bool> {
    let display = crate::pipeline::display(&args.rules);
    let bytes = crate::rules::read(&args.rules, &display)?;
    let scheme = crate::rules::parse(&bytes, &display)?;
    let leaves = scheme.nodes.iter().filter(|n| n.method().is_some()).count();
    let valid = crate::t!(
        "cli-check-valid",
        rules = display,
        dimensions = scheme.roots.len(),
        indicators = scheme.nodes.len(),
        items = leaves,
        groups = scheme.groups.len(),
        bonus = scheme.bonus.items.len(),
        penalties = scheme.penalty.kinds.len(),
        vetoes = scheme.vetoes.len()
    );
    println!("{valid}");
    let outcomes = crate::cases::run_cases(&scheme);
    let failed = outcomes.iter().filter(|o| !o.failures.is_empty()).count();
    for o in &outcomes {
        if o.failures.is_empty() {
            println!("  {}", crate::t!("cli-check-case-ok", name = clean(&o.name), line = o.line));
        } else {
            println!(
                "  {}",
                crate::t!("cli-check-case-fail", name = clean(&o.name), line = o.line)
            );
            for f in &o.failures {
                println!("          {}", clean(f));
            }
        }
    }
    let passed = outcomes.len() - failed;
    println!("{}", crate::t!("cli-check-summary", passed = passed, failed = failed));
    Ok(failed == 0)
}
