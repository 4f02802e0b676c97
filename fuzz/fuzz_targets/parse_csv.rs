//! Any bytes as an engine input table: a table or an error naming a line, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = kaohe::util::table::parse_csv(data, "fuzz.csv", None);
});
