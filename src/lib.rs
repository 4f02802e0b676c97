//! kaohe (考核): scores, grades and ranks government agencies in the annual assessment of
//! government-affairs openness (政务公开), from a scheme written as data.
//!
//! Data flows one way: a rules file is validated into a [`rules::Scheme`]; input files are read
//! into [`input::Inputs`]; the [`score`] engine turns them into one ledger per agency; [`rank`]
//! orders agencies within their peer groups and grades them; [`output`] writes rankings and the
//! audit trail; [`report`] draws charts and the annual report. [`survey`] turns questionnaire
//! exports into the satisfaction statistics that survey-derived indicators read.

pub(crate) mod cases;
pub mod cli;
pub mod error;
pub mod input;
pub mod output;
pub mod pipeline;
pub(crate) mod preview;
pub(crate) mod rank;
pub mod report;
pub mod robust;
pub mod rules;
pub mod score;
pub mod survey;
pub(crate) mod synth;
pub mod util;
pub(crate) mod verify;

pub use error::{Error, ErrorKind, Result};

/// The engine version recorded in every output.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");
