//! The CJK font embedded in the binary, and the check that every label can be drawn with it.
//!
//! Charts are drawn with plotters' `ab_glyph` text backend, which knows no system fonts: it draws
//! with fonts registered at run time. We register one font, a subset of Noto Sans CJK SC
//! (`assets/fonts/NotoSansSC-kaohe.otf`, cut by `scripts/subset-font.sh`), so Chinese names render
//! the same on a machine with no CJK font installed. The font is registered under a CSS font list
//! as its *name*: plotters' SVG backend writes the family name verbatim into `font-family`, so SVG
//! readers on Chinese systems pick a local font from that list while PNGs use the embedded one.
//!
//! A character missing from the subset would be drawn as the `.notdef` box; [`missing_glyphs`]
//! finds such characters so the report can warn (or fail) instead of printing boxes silently.

use std::sync::Once;

use ab_glyph::{Font, FontRef, GlyphId, PxScale, ScaleFont};

/// The embedded font (OTF, CFF outlines, about 1.6 MB). Licence: SIL OFL 1.1, `assets/fonts/OFL.txt`.
pub static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-kaohe.otf");

/// The family every chart's text uses: a CSS font list that Chinese systems have. The first name is
/// also the `@font-face` family the HTML report defines from the embedded font.
pub const FAMILY: &str = "Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif";

/// The name the HTML report gives the embedded font in its `@font-face` rule.
pub const FACE_NAME: &str = "Noto Sans SC";

/// Registers the embedded font with plotters (once per process).
pub fn register() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are compiled in and checked by a test, so failure here is a build defect.
        if plotters::style::register_font(FAMILY, plotters::style::FontStyle::Normal, FONT_BYTES)
            .is_err()
        {
            panic!("the embedded font assets/fonts/NotoSansSC-kaohe.otf does not parse");
        }
    });
}

/// A line of text laid out in the embedded font: each glyph with the x of its origin (pen
/// position, left-side bearing not yet applied), and the advance width of the whole line.
pub struct Line {
    pub glyphs: Vec<(GlyphId, f32)>,
    pub width: f32,
    /// The ab_glyph scale that makes one em `em` pixels.
    pub scale: PxScale,
}

/// The ab_glyph scale for an em of `em` pixels (ab_glyph scales by ascent − descent, CSS and
/// SVG by the em: the two differ by 45% for this font).
pub fn scale_for_em(em: f32) -> PxScale {
    let f = font();
    let upem = f.units_per_em().unwrap_or(1000.0);
    PxScale::from(em * f.height_unscaled() / upem)
}

/// Lays out `text` on one line, `em` pixels to the em: advances and kerning, as a browser lays
/// out the SVG's `<text>`.
pub fn layout(text: &str, em: f32) -> Line {
    let scale = scale_for_em(em);
    let f = font();
    let sf = f.as_scaled(scale);
    let mut x = 0.0f32;
    let mut prev: Option<GlyphId> = None;
    let mut glyphs = Vec::new();
    for c in text.chars().filter(|c| !c.is_control()) {
        let id = f.glyph_id(c);
        if let Some(p) = prev {
            x += sf.kern(p, id);
        }
        glyphs.push((id, x));
        x += sf.h_advance(id);
        prev = Some(id);
    }
    Line { glyphs, width: x, scale }
}

/// The font's x-height at `em` pixels to the em (the SVG's `ex` unit).
pub fn x_height(em: f32) -> f32 {
    let f = font();
    let glyph = f.glyph_id('x').with_scale(scale_for_em(em));
    f.outline_glyph(glyph).map_or(em / 2.0, |g| g.px_bounds().height())
}

/// The embedded font, parsed.
pub fn font() -> FontRef<'static> {
    FontRef::try_from_slice(FONT_BYTES).expect("embedded font parses")
}

/// Characters of `text` that the embedded font has no glyph for (sorted, without repeats).
/// Control characters are ignored: they are never drawn.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let font = font();
    let mut missing: Vec<char> =
        text.chars().filter(|c| !c.is_control() && font.glyph_id(*c).0 == 0).collect();
    missing.sort_unstable();
    missing.dedup();
    missing
}

/// One warning per label that holds characters the embedded font lacks; empty when all render.
pub fn check_labels<'a>(labels: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut labels: Vec<&str> = labels.into_iter().collect();
    labels.sort_unstable();
    labels.dedup();
    let mut warnings = Vec::new();
    for label in labels {
        let missing = missing_glyphs(label);
        if !missing.is_empty() {
            let chars: Vec<String> =
                missing.iter().map(|c| format!("'{c}' (U+{:04X})", *c as u32)).collect();
            let chars = chars.join(", ");
            warnings.push(crate::t!("report-font-missing", label = label, chars = chars));
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_font_has_chinese_names_and_punctuation() {
        assert!(
            missing_glyphs("太原市 小店区 省司法厅 〔2022〕38号 优秀 ≥ 90% （得分率）").is_empty()
        );
    }

    #[test]
    fn characters_outside_the_subset_are_reported() {
        // U+4DB5 is in CJK Extension A, outside GB2312; U+1F600 is an emoji.
        assert_eq!(missing_glyphs("太原\u{4DB5}市😀"), vec!['\u{4DB5}', '😀']);
        let w = check_labels(["太原市", "x\u{4DB5}"]);
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("U+4DB5"), "{}", w[0]);
    }
}
