//! Where the panels of the map go for a given width.
//!
//! Two arrangements, because the Pearl River Delta inset only helps if it is much larger than the
//! delta on the main map:
//! - wide (≥ [`WIDE_MIN`] px): main map on the left (62%), PRD inset on the right at the same
//!   height, which zooms the delta about 2×;
//! - narrow: main map across the full width, PRD inset below it (about 3× zoom, never taller than
//!   the main map).
//!
//! The 东沙群岛 inset always sits in the main map's bottom-right corner. That corner is open sea
//! (south of 22.4°N and east of 114.6°E nothing but Dongsha itself is land), which a test of the
//! layout checks at every width. Above the panels: a title row and a legend grid.

pub use super::rect::PxRect;

/// Narrowest layout: below this the map is laid out at this width (the container may scale it).
pub const MIN_WIDTH: u32 = 280;
/// Widest layout; wider requests are clamped so a bad width cannot make a huge canvas.
pub const MAX_WIDTH: u32 = 2400;
/// From this width on, the PRD inset goes beside the main map.
pub const WIDE_MIN: u32 = 640;
/// Outer margin.
pub const MARGIN: i32 = 8;
/// Height of the title row.
pub const TITLE_H: i32 = 24;
/// Height of one legend row.
pub const LEGEND_ROW_H: i32 = 20;
/// Narrowest legend cell (swatch, code and a short label).
pub const LEGEND_CELL_W: i32 = 140;
/// Legend cells reserved: at most five classes, or the four regions.
pub const LEGEND_SLOTS: i32 = 5;
/// Caption strip at the top of an inset frame.
pub const CAPTION_H: i32 = 18;
/// Padding between a panel's edge and its geometry.
pub const PAD: i32 = 4;
const GAP: i32 = 12;

/// Every rectangle of the map for one width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frames {
    /// Canvas width.
    pub width: u32,
    /// Canvas height.
    pub height: u32,
    /// Whether the PRD inset is beside (true) or below (false) the main map.
    pub wide: bool,
    /// Title row.
    pub title: PxRect,
    /// Legend grid.
    pub legend: PxRect,
    /// Legend columns.
    pub legend_cols: i32,
    /// Main map (no border).
    pub main: PxRect,
    /// PRD inset border; its caption strip is the top [`CAPTION_H`] pixels.
    pub prd_frame: PxRect,
    /// PRD inset geometry area.
    pub prd_map: PxRect,
    /// Dongsha inset border.
    pub dongsha_frame: PxRect,
    /// Dongsha inset geometry area.
    pub dongsha_map: PxRect,
    /// Font size of city labels.
    pub label_px: u32,
}

/// Height of a box of width `w` whose content (inside `pad`) has `aspect` = height / width.
fn fitted_height(w: i32, aspect: f64, pad: i32) -> i32 {
    (f64::from(w - 2 * pad) * aspect).round() as i32 + 2 * pad
}

/// Lays the panels out for `width`; the aspects (height / width) are of the projected extents of
/// the main map, the PRD inset and the Dongsha inset. Bad aspects (0, NaN) are clamped.
pub fn frames(width: u32, main_aspect: f64, prd_aspect: f64, dongsha_aspect: f64) -> Frames {
    let clean = |a: f64| {
        if a.is_finite() {
            a.clamp(0.2, 5.0)
        } else {
            1.0
        }
    };
    let (main_aspect, prd_aspect, ds_aspect) =
        (clean(main_aspect), clean(prd_aspect), clean(dongsha_aspect));
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let w = width as i32;
    let inner = w - 2 * MARGIN;
    let title = PxRect {
        x0: MARGIN,
        y0: MARGIN,
        x1: w - MARGIN,
        y1: MARGIN + TITLE_H,
    };
    let legend_cols = (inner / LEGEND_CELL_W).clamp(1, LEGEND_SLOTS);
    let rows = (LEGEND_SLOTS + legend_cols - 1) / legend_cols;
    let legend = PxRect {
        y0: title.y1,
        y1: title.y1 + rows * LEGEND_ROW_H,
        ..title
    };
    let top = legend.y1 + 6;
    let wide = width >= WIDE_MIN;
    let (main, prd_frame) = if wide {
        let main_w = (f64::from(inner - GAP) * 0.62).round() as i32;
        let main = PxRect {
            x0: MARGIN,
            y0: top,
            x1: MARGIN + main_w,
            y1: top + fitted_height(main_w, main_aspect, PAD),
        };
        (
            main,
            PxRect {
                x0: main.x1 + GAP,
                y0: top,
                x1: w - MARGIN,
                y1: main.y1,
            },
        )
    } else {
        let main = PxRect {
            x0: MARGIN,
            y0: top,
            x1: w - MARGIN,
            y1: top + fitted_height(inner, main_aspect, PAD),
        };
        let prd_w = inner.min((f64::from(main.height()) / prd_aspect).round() as i32);
        let y0 = main.y1 + GAP;
        let y1 = y0 + CAPTION_H + fitted_height(prd_w, prd_aspect, PAD);
        (
            main,
            PxRect {
                x0: MARGIN,
                y0,
                x1: MARGIN + prd_w,
                y1,
            },
        )
    };
    let prd_map = PxRect {
        x0: prd_frame.x0 + 1,
        y0: prd_frame.y0 + CAPTION_H,
        x1: prd_frame.x1 - 1,
        y1: prd_frame.y1 - 1,
    };
    let (dongsha_frame, dongsha_map) = dongsha_corner(main, ds_aspect);
    // Never below the legibility floor of every figure (`chart::text::MIN_TEXT_PX`).
    let label_px = match width {
        0..=999 => 12,
        _ => 13,
    };
    Frames {
        width,
        height: (main.y1.max(prd_frame.y1) + MARGIN) as u32,
        wide,
        title,
        legend,
        legend_cols,
        main,
        prd_frame,
        prd_map,
        dongsha_frame,
        dongsha_map,
        label_px,
    }
}

/// The 东沙群岛 inset in the main map's bottom-right corner: wide enough for a short caption,
/// small enough to stay in the open-sea corner. Returns its frame and its geometry area.
fn dongsha_corner(main: PxRect, ds_aspect: f64) -> (PxRect, PxRect) {
    let mw = f64::from(main.width());
    let ds_w = (mw * 0.22).max(76.0).min(mw * 0.34).round() as i32;
    let ds_h = CAPTION_H + fitted_height(ds_w, ds_aspect, PAD);
    let frame = PxRect {
        x0: main.x1 - PAD - ds_w,
        y0: main.y1 - PAD - ds_h,
        x1: main.x1 - PAD,
        y1: main.y1 - PAD,
    };
    let map = PxRect {
        y0: frame.y0 + CAPTION_H,
        ..frame
    };
    (frame, map)
}

/// The locator map of a city page: only the province, cropped to it — no title row, no legend
/// and no Pearl River Delta inset (the page says where the city is in words; a locator needs no
/// zoom), so the drawing has no empty band. The PRD rectangles are a 1-px box in the corner
/// that nothing is drawn in. The Dongsha inset stays in the open-sea corner, where it takes no room.
pub fn locator_frames(width: u32, main_aspect: f64, dongsha_aspect: f64) -> Frames {
    let clean = |a: f64| {
        if a.is_finite() {
            a.clamp(0.2, 5.0)
        } else {
            1.0
        }
    };
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let w = width as i32;
    let none = PxRect {
        x0: MARGIN,
        y0: MARGIN,
        x1: MARGIN + 1,
        y1: MARGIN + 1,
    };
    let main = PxRect {
        x0: MARGIN,
        y0: MARGIN,
        x1: w - MARGIN,
        y1: MARGIN + fitted_height(w - 2 * MARGIN, clean(main_aspect), PAD),
    };
    let (dongsha_frame, dongsha_map) = dongsha_corner(main, clean(dongsha_aspect));
    Frames {
        width,
        height: (main.y1 + MARGIN) as u32,
        wide: false,
        title: PxRect { y1: MARGIN, ..none },
        legend: PxRect { y1: MARGIN, ..none },
        legend_cols: 1,
        main,
        prd_frame: none,
        prd_map: none,
        dongsha_frame,
        dongsha_map,
        label_px: 13,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_stay_on_the_canvas_and_apart_at_every_width() {
        for width in (0..=2600).step_by(10) {
            let f = frames(width, 0.72, 0.95, 0.6);
            let canvas = PxRect {
                x0: 0,
                y0: 0,
                x1: f.width as i32,
                y1: f.height as i32,
            };
            for r in [
                f.title,
                f.legend,
                f.main,
                f.prd_frame,
                f.prd_map,
                f.dongsha_frame,
                f.dongsha_map,
            ] {
                assert!(r.width() > 0 && r.height() > 0, "{width}: {r:?}");
                assert!(
                    canvas.contains(f64::from(r.x0), f64::from(r.y0))
                        && canvas.contains(f64::from(r.x1), f64::from(r.y1)),
                    "{width}: {r:?}"
                );
            }
            assert!(!f.main.overlaps(&f.prd_frame), "{width}");
            assert!(
                !f.legend.overlaps(&f.main) && !f.legend.overlaps(&f.prd_frame),
                "{width}"
            );
            assert!(
                f.main
                    .contains(f64::from(f.dongsha_frame.x0), f64::from(f.dongsha_frame.y0)),
                "{width}"
            );
            assert!(
                f.dongsha_frame.width() * 3 <= f.main.width() + 20,
                "{width}: Dongsha box stays small"
            );
        }
    }

    #[test]
    fn wide_puts_the_inset_beside_narrow_below() {
        let wide = frames(800, 0.72, 0.95, 0.6);
        assert!(wide.wide && wide.prd_frame.x0 > wide.main.x1);
        let narrow = frames(400, 0.72, 0.95, 0.6);
        assert!(!narrow.wide && narrow.prd_frame.y0 > narrow.main.y1);
        assert!(
            narrow.prd_map.height() <= narrow.main.height(),
            "inset never taller than the map"
        );
        assert_eq!(frames(100, 0.7, 1.0, 0.6).width, MIN_WIDTH);
        assert_eq!(
            frames(100_000, f64::NAN, 0.0, f64::INFINITY).width,
            MAX_WIDTH
        );
    }
}
