//! The embedded font draws Chinese labels as real glyphs: each character leaves ink, differs from
//! the missing-glyph box (what a character outside the font draws) and from the other characters.
//!
//! Honest only on a machine without a CJK font, which is what CI is; but the ab_glyph backend
//! never looks at system fonts anyway, so the test cannot pass by borrowing one.

use kaohe::report::chart::text;
use kaohe::report::font;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const SIZE: u32 = 64;

/// Draws `label` at 40 px on a white canvas and returns its grey levels, one byte per pixel.
fn draw(label: &str) -> (Vec<u8>, u32) {
    font::register();
    let w = SIZE * label.chars().count() as u32;
    let mut rgb = vec![0u8; (w * SIZE * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (w, SIZE)).into_drawing_area();
        root.fill(&WHITE).unwrap();
        let style = text(40.0, 1.0).pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(label, (4, SIZE as i32 / 2), style)).unwrap();
        root.present().unwrap();
    }
    (rgb.chunks(3).map(|p| p[1]).collect(), w)
}

fn ink(grey: &[u8]) -> usize {
    grey.iter().filter(|g| **g < 128).count()
}

#[test]
fn chinese_labels_render_as_glyphs_not_boxes() {
    // U+4DB5 (CJK Extension A) is not in the subset: it draws the .notdef box.
    assert_eq!(font::missing_glyphs("\u{4DB5}"), vec!['\u{4DB5}']);
    let (notdef, _) = draw("\u{4DB5}");
    assert!(ink(&notdef) > 0, "the missing-glyph box draws something to compare with");

    let mut seen: Vec<(char, Vec<u8>)> = Vec::new();
    for c in "太原市小店区省司法厅优秀良好合格".chars() {
        let (g, _) = draw(&c.to_string());
        let area = (SIZE * SIZE) as usize;
        assert!(ink(&g) > area / 50, "{c} leaves almost no ink ({} px)", ink(&g));
        assert!(ink(&g) < area / 2, "{c} fills the cell like a block ({} px)", ink(&g));
        assert_ne!(g, notdef, "{c} draws the missing-glyph box");
        for (other, og) in &seen {
            assert_ne!(&g, og, "{c} draws the same as {other}");
        }
        seen.push((c, g));
    }
}

#[test]
fn a_whole_label_has_ink_under_every_character() {
    let label = "太原市小店区";
    let (g, w) = draw(label);
    // The label's advance width as the font lays it out, split evenly: CJK glyphs are all one em.
    let mut scratch = vec![0u8; 8 * 8 * 3];
    let (lw, _) = BitMapBackend::with_buffer(&mut scratch, (8, 8))
        .into_drawing_area()
        .estimate_text_size(label, &text(40.0, 1.0))
        .unwrap();
    let cells = label.chars().count() as u32;
    for k in 0..cells {
        let (x0, x1) = (4 + lw * k / cells, 4 + lw * (k + 1) / cells);
        let inked = (0..SIZE)
            .flat_map(|y| (x0..x1.min(w)).map(move |x| (x, y)))
            .filter(|(x, y)| g[(y * w + x) as usize] < 128)
            .count();
        assert!(inked > 30, "character {} of {label} left {inked} dark pixels", k + 1);
    }
}
