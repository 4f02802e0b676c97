//! `kaohe score`'s scoring phase (score and rank) timed again and again on inputs loaded once, so
//! a change to scoring is measured on a busy machine by its fastest and median runs rather than by
//! one noisy run. Prints the load, then each run's wall time, then min and median, and the
//! process's resident memory after the load and its peak after the first run (Linux). Each run's
//! result is kept, as `kaohe score` keeps it to the end: runs take 200 MB each at 10^6 findings.
//!
//!   cargo run --release --example score_repeat -- RULES DATA [RUNS]

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (rules, data, runs) = match args.as_slice() {
        [_, rules, data] => (rules, data, 7),
        [_, rules, data, runs] => (rules, data, runs.parse().unwrap_or(7)),
        _ => {
            eprintln!("usage: score_repeat RULES DATA [RUNS]");
            std::process::exit(2);
        }
    };
    let cfg =
        kaohe::pipeline::RunConfig { rules: rules.into(), data: data.into(), ..Default::default() };
    let (scheme, inputs) = kaohe::pipeline::load(&cfg).unwrap_or_else(|e| fail(e));
    let loaded = memory("VmRSS");
    let mut times = Vec::new();
    let mut peak = String::new();
    for run in 0..runs {
        let t = Instant::now();
        let result = kaohe::pipeline::score_checked(&scheme, &inputs).unwrap_or_else(|e| fail(e));
        times.push(t.elapsed().as_secs_f64());
        if run == 0 {
            peak = memory("VmHWM");
        }
        // As `kaohe score` does, nothing is freed (freeing would hand later runs warm memory).
        std::mem::forget(result);
    }
    let each: Vec<String> = times.iter().map(|t| format!("{t:.3}")).collect();
    times.sort_by(f64::total_cmp);
    eprintln!(
        "score and rank: min {:.3} s, median {:.3} s ({}); RSS after load {loaded}, peak after first run {peak}",
        times[0],
        times[times.len() / 2],
        each.join(" ")
    );
}

/// A line of /proc/self/status (`VmRSS`, `VmHWM`), or `?`.
fn memory(key: &str) -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key).and_then(|v| v.strip_prefix(':')))
        .map_or_else(|| "?".into(), |v| v.trim().to_string())
}

fn fail(e: kaohe::Error) -> ! {
    eprintln!("{e}");
    std::process::exit(2);
}
