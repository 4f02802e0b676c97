//! The scoring engine: rules + inputs → one ledger per agency.

pub(crate) mod checked;
pub(crate) mod composite;
pub(crate) mod engine;
pub mod leaves;
pub mod ledger;
pub(crate) mod methods;
pub mod prepared;
pub mod result;
pub mod shapes;

pub use engine::{Names, Texts, score, score_with};
pub use leaves::FixedLeaves;
pub use prepared::Prepared;
