//! Charts and the annual report rendered from a scored run.
//!
//! The report reads a [`crate::score::result::RunResult`] and nothing else: [`view`] groups and
//! labels it, [`chart`] draws each chart to SVG and PNG with the embedded CJK font ([`font`]),
//! and [`bundle::write_bundle`] writes report.html, report.md, rankings.xlsx and `charts/`.

pub mod chart;
pub mod font;
pub mod previous;
pub mod view;
