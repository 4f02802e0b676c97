//! Text and IO utilities every layer may use: text encodings and byte-order marks, the line of a
//! byte offset, reading CSV and spreadsheet tables, writing CSV (formulas neutralised), SHA-256,
//! atomic files and output directories, and text made safe for a terminal.
//!
//! This is the bottom layer: nothing here imports another module of the crate except
//! [`crate::error`].

pub mod csv_out;
pub(crate) mod encoding;
pub(crate) mod fs;
pub(crate) mod hash;
pub mod i18n;
pub mod suggest;
pub mod table;
pub mod term;

pub use encoding::line_of;
