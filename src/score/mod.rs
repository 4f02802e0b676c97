//! The scoring engine: rules + inputs → one ledger per agency.

pub mod checked;
pub mod composite;
pub mod engine;
pub mod ledger;
pub mod methods;
pub mod result;
pub mod shapes;

pub use engine::score;
