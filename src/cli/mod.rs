//! One subcommand, one file: each parses nothing itself (clap does, in main.rs) and calls the
//! library.

pub mod report;
pub mod survey;
