//! The scoring engine: rules + inputs → one ledger per agency.

pub mod ledger;
pub mod result;
