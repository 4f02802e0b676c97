//! The load phase of `kaohe score` alone, for bench/score/run.sh: rules read, inputs read,
//! names resolved and the rows checked (`kaohe::pipeline::load`), nothing scored. Prints the
//! wall time of each step to stderr and a one-line summary to stdout.
//!
//!   cargo run --release --example score_load -- RULES DATA

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, rules, data] = args.as_slice() else {
        eprintln!("usage: score_load RULES DATA");
        std::process::exit(2);
    };
    let t = Instant::now();
    let scheme = kaohe::rules::load(rules.as_ref(), rules).unwrap_or_else(|e| fail(e));
    let rules_s = t.elapsed().as_secs_f64();
    let mut inputs = kaohe::input::load::load_dir(data.as_ref(), None).unwrap_or_else(|e| fail(e));
    let read_s = t.elapsed().as_secs_f64();
    kaohe::input::resolve::resolve(&scheme, &mut inputs).unwrap_or_else(|e| fail(e));
    let resolve_s = t.elapsed().as_secs_f64();
    inputs.absent =
        kaohe::input::load::absent_kinds(&scheme, &inputs, &[]).unwrap_or_else(|e| fail(e));
    kaohe::input::check::check(&scheme, &inputs).unwrap_or_else(|e| fail(e));
    let check_s = t.elapsed().as_secs_f64();
    eprintln!(
        "rules {rules_s:.3} s, read {:.3} s, resolve {:.3} s, check {:.3} s",
        read_s - rules_s,
        resolve_s - read_s,
        check_s - resolve_s
    );
    println!(
        "{} findings ({} bytes each before their texts) loaded and checked in {check_s:.3} s",
        inputs.findings.len(),
        std::mem::size_of::<kaohe::input::Finding>()
    );
    // As `kaohe score` does, the inputs are not freed at exit.
    std::mem::forget(inputs);
}

fn fail(e: kaohe::Error) -> ! {
    eprintln!("{e}");
    std::process::exit(2);
}
