//! Reading input files: encodings, CSV and spreadsheets, and each kind of input row.

pub mod encoding;
pub mod table;
