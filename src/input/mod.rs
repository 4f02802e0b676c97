//! Reading input files into each kind of input row (tables come from [`crate::util::table`]), and the
//! cross-checks of rows against the scheme.

pub mod case;
pub mod check;
pub mod columns;
pub mod load;
pub mod parse;
pub mod records;
pub mod resolve;
mod stream;
pub mod template;
pub mod workbook;

pub use records::*;
