//! Social evaluation (社会评议): questionnaires, import of survey exports, screening, and the
//! satisfaction statistics that survey-derived indicators read.
//!
//! - [`questionnaire`]: the TOML definition, validated;
//! - [`wjx`]: the quirks of 问卷星 exports;
//! - [`screen`]: what becomes of one row (rejected, screened by a named rule, or valid);
//! - [`blocks`]: reading a CSV file in blocks cut at record boundaries, worked on all cores;
//! - [`import`]: streaming import of CSV and spreadsheet exports on all cores;
//! - [`stats`]: the integer sufficient statistics and the index, CI and effective sample size;
//! - [`output`]: the files an import writes (and reads back, for merging);
//! - [`merge`]: combining imports of shards into exactly the import of everything;
//! - [`init`]: drafting a questionnaire from an export;
//! - [`synth`]: synthetic exports for examples and benchmarks.

pub mod blocks;
pub mod import;
pub mod init;
pub mod merge;
pub mod output;
pub mod questionnaire;
pub mod screen;
pub mod stats;
pub mod synth;
pub mod wjx;
