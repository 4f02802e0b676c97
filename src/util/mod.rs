//! Text and IO utilities every layer may use.
//!
//! This is the bottom layer: nothing here imports another module of the crate except
//! [`crate::error`].

pub mod csv_out;
pub mod fs;
pub mod term;
