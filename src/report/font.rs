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

use ab_glyph::{Font, FontRef};

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

fn font() -> FontRef<'static> {
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
            warnings.push(format!(
                "label \"{label}\": {} not in the embedded font and would draw as a box; \
                 add to assets/fonts/extra-chars.txt and re-run scripts/subset-font.sh",
                chars.join(", ")
            ));
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
