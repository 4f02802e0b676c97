//! How many bytes the scored ledger keeps in memory, for issue 15's "the full ledger in ≤ 100 MB":
//! a counting global allocator notes the bytes live after the inputs are loaded, after scoring
//! (every agency's result with its ledger) and after ranking, and the ledger's lines are counted
//! (a run of alike finding lines as the lines it stands for). Single-threaded scoring is not
//! required: the figures are live bytes, not a peak.
//!
//!   cargo run --release --example ledger_size -- RULES DATA

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            let now = LIVE.fetch_add(new, Ordering::Relaxed) + new;
            LIVE.fetch_sub(l.size(), Ordering::Relaxed);
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        q
    }
}

#[global_allocator]
static A: Counting = Counting;

fn mb(b: usize) -> f64 {
    b as f64 / 1e6
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, rules, data] = args.as_slice() else {
        eprintln!("usage: ledger_size RULES DATA");
        std::process::exit(2);
    };
    let cfg =
        kaohe::pipeline::RunConfig { rules: rules.into(), data: data.into(), ..Default::default() };
    let (scheme, inputs) = kaohe::pipeline::load(&cfg).unwrap_or_else(|e| fail(e));
    let loaded = LIVE.load(Ordering::Relaxed);
    PEAK.store(loaded, Ordering::Relaxed);
    let t = Instant::now();
    let agencies = kaohe::score::score(&scheme, &inputs).unwrap_or_else(|e| fail(e));
    let score_s = t.elapsed().as_secs_f64();
    let scored = LIVE.load(Ordering::Relaxed);
    let score_peak = PEAK.load(Ordering::Relaxed);
    let elements: usize = agencies.iter().map(|a| a.ledger.entries().len()).sum();
    let lines: usize = agencies.iter().map(|a| a.ledger.iter().count()).sum();
    let ledger = scored - loaded;
    println!(
        "{} findings, {} agencies: ledger {lines} lines ({elements} kept elements), {:.1} MB live \
         after scoring ({:.0} B per line), scoring peak +{:.1} MB, score {score_s:.3} s",
        inputs.findings.len(),
        agencies.len(),
        mb(ledger),
        ledger as f64 / lines.max(1) as f64,
        mb(score_peak - loaded),
    );
    // Where a line's bytes go: each kind of line cloned alone (the first 100 agencies).
    let mut kinds: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for a in agencies.iter().take(100) {
        for e in a.ledger.entries() {
            let key = match e {
                kaohe::score::ledger::Entry::Run(_) => "run".to_string(),
                kaohe::score::ledger::Entry::Line(l) => {
                    let d = serde_json::to_value(&l.detail).unwrap_or_default();
                    let id = d.get("msg").and_then(|m| m.as_str()).unwrap_or(if d.is_array() {
                        "pieces"
                    } else {
                        "other"
                    });
                    format!("{:?} {id}", l.step)
                }
            };
            let before = LIVE.load(Ordering::Relaxed);
            let copy = e.clone();
            let bytes = LIVE.load(Ordering::Relaxed) - before;
            drop(copy);
            let k = kinds.entry(key).or_default();
            k.0 += 1;
            k.1 += bytes;
        }
    }
    let (mut len, mut cap, mut runs) = (0, 0, 0);
    for a in &agencies {
        for e in a.ledger.entries() {
            if let kaohe::score::ledger::Entry::Run(r) = e {
                len += r.rows.len();
                cap += r.rows.capacity_bytes();
                runs += 1;
            }
        }
    }
    println!("runs: {runs}, rows {len}, holding {:.1} MB", mb(cap));
    for (k, (n, b)) in &kinds {
        println!("  {k}: {n} entries, {:.0} B heap each", *b as f64 / *n as f64);
    }
    // The same lines one by one, each with its own text (as the ledger was kept before runs).
    let before = LIVE.load(Ordering::Relaxed);
    let expanded: Vec<Vec<_>> = agencies.iter().map(|a| a.ledger.lines()).collect();
    let one_by_one = LIVE.load(Ordering::Relaxed) - before;
    drop(expanded);
    // The ledgers as kept: what dropping them frees.
    let before = LIVE.load(Ordering::Relaxed);
    let mut agencies = agencies;
    let ledgers: Vec<_> = agencies.iter_mut().map(|a| std::mem::take(&mut a.ledger)).collect();
    drop(ledgers);
    let kept = before - LIVE.load(Ordering::Relaxed);
    println!(
        "ledgers as kept: {:.1} MB ({:.0} B per line); the same lines one by one: {:.1} MB \
         ({:.0} B per line); a LedgerLine is {} B",
        mb(kept),
        kept as f64 / lines.max(1) as f64,
        mb(one_by_one),
        one_by_one as f64 / lines.max(1) as f64,
        std::mem::size_of::<kaohe::score::ledger::LedgerLine>(),
    );
    std::mem::forget(agencies);
}

fn fail(e: kaohe::Error) -> ! {
    eprintln!("{e}");
    std::process::exit(2);
}
