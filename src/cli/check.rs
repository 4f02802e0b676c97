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
    println!(
        "{display}: valid — {} dimensions, {} indicators ({leaves} items), {} groups, {} bonus items, {} penalty kinds, {} vetoes",
        scheme.roots.len(),
        scheme.nodes.len(),
        scheme.groups.len(),
        scheme.bonus.items.len(),
        scheme.penalty.kinds.len(),
        scheme.vetoes.len()
    );
    let outcomes = crate::cases::run_cases(&scheme);
    let failed = outcomes.iter().filter(|o| !o.failures.is_empty()).count();
    for o in &outcomes {
        if o.failures.is_empty() {
            println!("  ok    case \"{}\" (line {})", clean(&o.name), o.line);
        } else {
            println!("  FAIL  case \"{}\" (line {})", clean(&o.name), o.line);
            for f in &o.failures {
                println!("          {}", clean(f));
            }
        }
    }
    println!("{} passed, {failed} failed", outcomes.len() - failed);
    Ok(failed == 0)
}
