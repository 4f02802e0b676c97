//! PNG text is placed by the font's own metrics: the gaps between consecutive glyphs' ink are
//! what the font's advances and side bearings make them (issue 13: `吕 梁市`, `设区市：  总分排名`,
//! `得分率(  %)` had gaps wider than the font allows, the SVGs being right).
//!
//! The expected gaps are worked out here from the font's unscaled tables (advance width and
//! outline bounds in font units), not from kaohe's layout.

use ab_glyph::{Font, FontRef};
use kaohe::report::chart::{raster::Glyphs, text_at};
use kaohe::report::font;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The em in pixels: 9.6 pt at 300 dpi, the smallest chart text at 16 cm.
const EM: f64 = 40.0;

/// Columns of the drawn string that hold ink (grey < 160), as a per-column flag.
fn ink_columns(label: &str) -> Vec<bool> {
    font::register();
    let (w, h) = (EM as u32 * (label.chars().count() as u32 + 2), 3 * EM as u32);
    let mut rgb = vec![0u8; (w * h * 3) as usize];
    {
        let root = Glyphs(BitMapBackend::with_buffer(&mut rgb, (w, h))).into_drawing_area();
        root.fill(&WHITE).unwrap();
        let style = text_at(EM, 1.0, HPos::Left, VPos::Center);
        root.draw(&Text::new(label, (EM as i32, h as i32 / 2), style)).unwrap();
        root.present().unwrap();
    }
    (0..w as usize)
        .map(|x| (0..h as usize).any(|y| rgb[(y * w as usize + x) * 3 + 1] < 160))
        .collect()
}

/// Ink spans of each glyph in pixels from the pen start, from the font's tables.
fn expected_spans(label: &str) -> Vec<(f64, f64)> {
    let f = FontRef::try_from_slice(font::FONT_BYTES).unwrap();
    let k = EM / f64::from(f.units_per_em().unwrap());
    let mut pen = 0.0;
    let mut out = Vec::new();
    for c in label.chars() {
        let id = f.glyph_id(c);
        let b = f.outline(id).unwrap().bounds;
        out.push((pen + f64::from(b.min.x) * k, pen + f64::from(b.max.x) * k));
        pen += f64::from(f.h_advance_unscaled(id)) * k;
    }
    out
}

fn check(label: &str) {
    let cols = ink_columns(label);
    let first = cols.iter().position(|c| *c).unwrap();
    let last = cols.iter().rposition(|c| *c).unwrap();
    let spans = expected_spans(label);
    // The whole string's ink is as wide as the font says (±2 px of antialiasing).
    let width = (last - first + 1) as f64;
    let want = spans.last().unwrap().1 - spans[0].0;
    assert!((width - want).abs() <= 2.0, "{label}: ink {width} px wide, the font says {want:.1}");
    // No blank run inside the string is wider than the widest gap the font leaves between two
    // consecutive glyphs (blank runs inside a glyph, as between 讠 and 殳, are narrower).
    let widest_allowed = spans.windows(2).map(|p| p[1].0 - p[0].1).fold(0.0, f64::max);
    let mut run = 0usize;
    let mut widest = 0usize;
    for c in &cols[first..=last] {
        run = if *c { 0 } else { run + 1 };
        widest = widest.max(run);
    }
    assert!(
        widest as f64 <= widest_allowed + 2.0,
        "{label}: a blank gap of {widest} px, the font's widest is {widest_allowed:.1} px"
    );
}

#[test]
fn city_name_has_no_gap_after_its_first_character() {
    check("吕梁市");
}

#[test]
fn full_width_colon_keeps_its_own_width() {
    check("设区市：总分排名");
}

#[test]
fn brackets_and_percent_sit_at_their_advance() {
    check("得分率(%)");
}

#[test]
fn the_anchor_and_em_match_the_svg() {
    // Left-anchored text starts its pen at the anchor: the first ink is the first glyph's
    // left-side bearing to the right of it.
    let cols = ink_columns("吕梁市");
    let first = cols.iter().position(|c| *c).unwrap() as f64;
    let lsb = expected_spans("吕梁市")[0].0;
    assert!((first - (EM + lsb)).abs() <= 1.5, "first ink at {first}, expected {}", EM + lsb);
}
