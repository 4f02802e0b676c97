//! Charts and the annual report rendered from a scored run.
//!
//! The report reads a [`crate::score::result::RunResult`] and nothing else: [`view`] groups and
//! labels it, [`chart`] draws each chart to SVG and PNG with the embedded CJK font ([`font`]),
//! [`table`] lays out the rankings once for [`html`], [`markdown`] and [`xlsx`], [`document`] builds
//! the published 通报 that [`docx`] and [`pdf`] write, and [`bundle::write_bundle`] writes them all
//! into an output directory.

pub mod bundle;
pub mod chart;
pub(crate) mod criteria;
pub(crate) mod document;
pub(crate) mod docx;
pub mod font;
pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod pdf;
pub mod previous;
pub(crate) mod progress;
pub mod survey_answers;
pub mod table;
pub(crate) mod view;
pub(crate) mod xlsx;

pub use bundle::{Bundle, ReportOptions, write_bundle};
