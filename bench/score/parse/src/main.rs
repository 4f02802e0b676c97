//! The floor of `kaohe score`: read every CSV file of a data directory with the csv crate
//! (`ByteRecord`, no field conversion), on 1 or N threads (each file split at line boundaries
//! into N parts). Prints rows and fields per file so the work cannot be optimised away.
//!
//!     kaohe-bare-parse DIR THREADS

use std::path::Path;

fn parse(bytes: &[u8]) -> (u64, u64) {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_reader(bytes);
    let mut rec = csv::ByteRecord::new();
    let (mut rows, mut fields) = (0u64, 0u64);
    while rdr.read_byte_record(&mut rec).expect("valid CSV") {
        rows += 1;
        fields += rec.len() as u64;
    }
    (rows, fields)
}

/// Split at newline boundaries (the inputs have no quoted line breaks).
fn parts(bytes: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..n {
        let mut cut = (bytes.len() * i / n).max(start);
        while cut < bytes.len() && bytes[cut - 1] != b'\n' {
            cut += 1;
        }
        out.push(&bytes[start..cut]);
        start = cut;
    }
    out.push(&bytes[start..]);
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = Path::new(&args[1]);
    let threads: usize = args.get(2).map(|t| t.parse().expect("THREADS")).unwrap_or(1);
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("data directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    names.sort();
    for p in names {
        let bytes = std::fs::read(&p).expect("readable file");
        let (rows, fields) = std::thread::scope(|s| {
            let hs: Vec<_> =
                parts(&bytes, threads).into_iter().map(|b| s.spawn(move || parse(b))).collect();
            hs.into_iter()
                .map(|h| h.join().expect("thread"))
                .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
        });
        println!("{rows:>10} rows {fields:>11} fields  {}", p.display());
    }
}
