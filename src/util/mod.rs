//! Text and IO utilities every layer may use: text encodings and byte-order marks, the line of a
//! byte offset, reading CSV and spreadsheet tables,
//! writing CSV to memory, SHA-256.
//!
//! This is the bottom layer: nothing here imports another module of the crate except
//! [`crate::error`].

pub mod csv_out;
pub mod encoding;
pub mod hash;
pub mod table;

pub use encoding::line_of;
