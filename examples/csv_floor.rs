//! The floor of `bench/survey/run.sh`: a plain csv-crate parse of a file (`ByteRecord`, nothing
//! done with the fields), on 1 or 2 threads. With 2, the file is cut at the first newline after
//! its middle (the benchmark's synthetic export has no newline inside a quoted value) and each
//! half is parsed by its own thread from its own file handle.
//!
//!   cargo run --release --example csv_floor -- FILE [THREADS]

use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};

fn count(file: &str, start: u64, len: Option<u64>) -> (u64, u64) {
    let mut f = std::fs::File::open(file).expect("open");
    f.seek(SeekFrom::Start(start)).expect("seek");
    let reader: Box<dyn Read> = match len {
        Some(n) => Box::new(f.take(n)),
        None => Box::new(f),
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 20)
        .from_reader(reader);
    let mut rec = csv::ByteRecord::new();
    let (mut records, mut fields) = (0, 0);
    while rdr.read_byte_record(&mut rec).expect("csv") {
        records += 1;
        fields += rec.len() as u64;
    }
    (records, fields)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let file = args.get(1).expect("usage: csv_floor FILE [THREADS]").clone();
    let threads: u32 = args.get(2).map(|t| t.parse().expect("threads")).unwrap_or(1);
    let (records, fields) = if threads < 2 {
        count(&file, 0, None)
    } else {
        let size = std::fs::metadata(&file).expect("metadata").len();
        let mut f = BufReader::new(std::fs::File::open(&file).expect("open"));
        f.seek(SeekFrom::Start(size / 2)).expect("seek");
        let mut skip = Vec::new();
        let cut = size / 2 + f.read_until(b'\n', &mut skip).expect("read") as u64;
        let second = {
            let file = file.clone();
            std::thread::spawn(move || count(&file, cut, None))
        };
        let (r1, f1) = count(&file, 0, Some(cut));
        let (r2, f2) = second.join().expect("thread");
        (r1 + r2, f1 + f2)
    };
    println!("{records} records, {fields} fields");
}
