//! Any bytes as a rules file: a scheme or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = kaohe::rules::parse(data, "fuzz.toml");
});
