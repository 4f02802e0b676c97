//! Writing results: rankings.csv, scores.json, and the atomic-write and hashing helpers they use.

pub mod atomic;
pub mod hash;
