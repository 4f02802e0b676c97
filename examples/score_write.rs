//! The write phase of `kaohe score` alone, repeated: loads and scores once, then commits the run
//! (rankings.csv and scores.json) to OUT `N` times (default 7) and prints each write's wall time
//! and the medians of wall and CPU time to stderr. On a shared machine the median of several writes of one run says
//! more than one write after a load; a profile of this example is a profile of the write.
//!
//!   cargo run --release --example score_write -- RULES DATA OUT [N]

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (rules, data, out, n) = match args.as_slice() {
        [_, r, d, o] => (r, d, o, 7),
        [_, r, d, o, n] => (r, d, o, n.parse().unwrap_or(7)),
        _ => {
            eprintln!("usage: score_write RULES DATA OUT [N]");
            std::process::exit(2);
        }
    };
    let cfg =
        kaohe::pipeline::RunConfig { rules: rules.into(), data: data.into(), ..Default::default() };
    let (scheme, inputs) = kaohe::pipeline::load(&cfg).unwrap_or_else(|e| fail(e));
    let result = kaohe::pipeline::score_checked(&scheme, &inputs).unwrap_or_else(|e| fail(e));
    let (mut times, mut cpus) = (Vec::new(), Vec::new());
    for _ in 0..n {
        let _ = std::fs::remove_dir_all(out);
        let (t, c) = (Instant::now(), cpu());
        kaohe::output::commit_run(&result, out.as_ref()).unwrap_or_else(|e| fail(e));
        times.push(t.elapsed().as_secs_f64());
        cpus.push(cpu() - c);
    }
    let shown: Vec<String> = times.iter().map(|t| format!("{t:.3}")).collect();
    eprintln!(
        "write {} s; median {:.3} s wall, {:.3} s CPU",
        shown.join(" "),
        median(&mut times),
        median(&mut cpus)
    );
    std::mem::forget((result, inputs, scheme));
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// User and system CPU time of the process so far, in seconds.
fn cpu() -> f64 {
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let s = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    s(u.ru_utime) + s(u.ru_stime)
}

fn fail(e: kaohe::Error) -> ! {
    eprintln!("{e}");
    std::process::exit(2);
}
