//! The PNG path's text: a drawing backend wrapper that places glyphs as the SVG does.
//!
//! plotters' `ab_glyph` text drawing puts each glyph's ink at the pen position, dropping the
//! glyph's left-side bearing (`吕 梁市`, `设区市：  总分排名`), and scales by the font's
//! ascent − descent where the SVG's `font-size` is the em (PNG text 14% smaller than SVG text).
//! [`Glyphs`] wraps any backend and draws text itself: layout from [`font::layout`] (advance and
//! kerning), each glyph's ink at its outline's own bounds, anchors as the SVG writes them
//! (`dy="0.76em"` for top, `0.5ex` for centre, `-0.5ex` for bottom).

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use crate::report::font;

/// A backend whose text is drawn with the embedded font, glyphs placed by their metrics.
pub struct Glyphs<B: DrawingBackend>(pub B);

type Res<B> = Result<(), DrawingErrorKind<<B as DrawingBackend>::ErrorType>>;

/// The em in pixels of a plotters text size (plotters' SVG writes `size / 1.24` as font-size).
pub fn em_of(size: f64) -> f32 {
    (size / 1.24) as f32
}

/// Coverage of `text` drawn with its anchor at (0, 0), unrotated: (x, y, coverage) per pixel.
pub fn ink(text: &str, em: f32, h: HPos, v: VPos) -> Vec<(i32, i32, f32)> {
    let line = font::layout(text, em);
    let dx = match h {
        HPos::Left => 0.0,
        HPos::Center => -line.width / 2.0,
        HPos::Right => -line.width,
    };
    let baseline = match v {
        VPos::Top => 0.76 * em,
        VPos::Center => 0.5 * font::x_height(em),
        VPos::Bottom => -0.5 * font::x_height(em),
    };
    let f = font::font();
    let mut out = Vec::new();
    for (id, x) in line.glyphs {
        let glyph = id.with_scale_and_position(line.scale, ab_glyph::point(dx + x, baseline));
        if let Some(g) = ab_glyph::Font::outline_glyph(&f, glyph) {
            let b = g.px_bounds();
            g.draw(|px, py, c| {
                if c > 0.0 {
                    out.push((b.min.x as i32 + px as i32, b.min.y as i32 + py as i32, c));
                }
            });
        }
    }
    out
}

impl<B: DrawingBackend> DrawingBackend for Glyphs<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Res<B> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Res<B> {
        self.0.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res<B> {
        self.0.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Res<B> {
        self.0.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Res<B> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Res<B> {
        self.0.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Res<B> {
        self.0.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Res<B> {
        self.0.fill_polygon(vert, style)
    }
    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Res<B> {
        self.0.blit_bitmap(pos, size, src)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Res<B> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        let trans = style.transform();
        let (w, h) = self.get_size();
        for (x, y, c) in ink(text, em_of(style.size()), anchor.h_pos, anchor.v_pos) {
            let (x, y) = trans.transform(x, y);
            let (x, y) = (pos.0 + x, pos.1 + y);
            if x >= 0 && x < w as i32 && y >= 0 && y < h as i32 {
                let alpha = color.alpha * f64::from(c.min(1.0));
                self.0.draw_pixel((x, y), BackendColor { alpha, rgb: color.rgb })?;
            }
        }
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let em = em_of(style.size());
        Ok((font::layout(text, em).width.ceil() as u32, em.round() as u32))
    }
}
