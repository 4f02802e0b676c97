//! `kaohe score`'s phases one after the other, each timed: load (rules and inputs read, resolved,
//! checked), score and rank, write (rankings.csv and scores.json committed to OUT). Prints the wall
//! time of each phase to stderr, so a change to one phase is measured without the others' noise.
//!
//!   cargo run --release --example score_phases -- RULES DATA OUT

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, rules, data, out] = args.as_slice() else {
        eprintln!("usage: score_phases RULES DATA OUT");
        std::process::exit(2);
    };
    let cfg =
        kaohe::pipeline::RunConfig { rules: rules.into(), data: data.into(), ..Default::default() };
    let t = Instant::now();
    let (scheme, inputs) = kaohe::pipeline::load(&cfg).unwrap_or_else(|e| fail(e));
    let load = t.elapsed().as_secs_f64();
    let result = kaohe::pipeline::score_checked(&scheme, &inputs).unwrap_or_else(|e| fail(e));
    let score = t.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(out);
    kaohe::output::commit_run(&result, out.as_ref()).unwrap_or_else(|e| fail(e));
    let write = t.elapsed().as_secs_f64();
    eprintln!(
        "load {load:.3} s, score and rank {:.3} s, write {:.3} s, total {write:.3} s",
        score - load,
        write - score
    );
    // As `kaohe score` does, nothing is freed at exit.
    std::mem::forget((result, inputs, scheme));
}

fn fail(e: kaohe::Error) -> ! {
    eprintln!("{e}");
    std::process::exit(2);
}
