//! `kaohe score`'s scoring phase (score and rank) timed again and again on inputs loaded once, so
//! a change to scoring is measured on a busy machine by its fastest and median runs rather than by
//! one noisy run. Prints the load, then each run's wall time, then min and median, and the
//! process's resident memory after the load and its peak after the first run (Linux). Each run's
//! result is kept, as `kaohe score` keeps it to the end: runs take 200 MB each at 10^6 findings
//! (with SCORE_REPEAT_FREE set, each is freed before the next run).
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
    let mut cpu = Vec::new();
    let mut peak = String::new();
    for run in 0..runs {
        let (t, c) = (Instant::now(), cpu_time());
        let result = kaohe::pipeline::score_checked(&scheme, &inputs).unwrap_or_else(|e| fail(e));
        times.push(t.elapsed().as_secs_f64());
        cpu.push(cpu_time() - c);
        if run == 0 {
            peak = memory("VmHWM");
        }
        // As `kaohe score` does, nothing is freed (freeing hands later runs warm memory), unless
        // SCORE_REPEAT_FREE is set (as the first version of this example did).
        if std::env::var_os("SCORE_REPEAT_FREE").is_some() {
            drop(result);
        } else {
            std::mem::forget(result);
        }
    }
    let each: Vec<String> = times.iter().map(|t| format!("{t:.3}")).collect();
    times.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    eprintln!(
        "score and rank: min {:.3} s, median {:.3} s ({}); CPU min {:.3} s, median {:.3} s; RSS after load {loaded}, peak after first run {peak}",
        times[0],
        times[times.len() / 2],
        each.join(" "),
        cpu[0],
        cpu[cpu.len() / 2],
    );
}

/// User and system CPU time of the process so far, in seconds (every thread's).
fn cpu_time() -> f64 {
    // SAFETY: getrusage writes the struct it is given and reads nothing else.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let s = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    s(u.ru_utime) + s(u.ru_stime)
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
