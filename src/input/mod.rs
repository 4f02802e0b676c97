//! Reading input files: encodings, CSV and spreadsheets, each kind of input row, and the
//! cross-checks of rows against the scheme.

pub mod case;
pub mod check;
pub mod encoding;
pub mod load;
pub mod parse;
pub mod records;
pub mod table;

pub use records::*;
