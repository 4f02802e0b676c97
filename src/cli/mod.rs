//! One subcommand, one file: each defines its arguments (clap derives the parser used by main.rs)
//! and calls the library.

pub mod app;
pub(crate) mod args;
pub mod check;
pub mod explain;
pub mod export_previews;
pub mod help;
pub mod preview;
pub mod report;
pub mod robustness;
pub mod rules_table;
pub mod score;
pub mod survey;
pub mod synth;
pub mod template;
pub mod verify;
