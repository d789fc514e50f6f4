//! Downloads and citations for journalists: what a chart shows as CSV and JSON, a citation line,
//! an embed snippet, and the pixel size of a PNG export.
//!
//! Pure module (no leptos, web-sys or gloo), tested natively. Every function returns a `String`
//! that the view layer hands to the browser unchanged (a Blob download, a text box to copy).
//!
//! - [`target_chart_csv`] / [`target_chart_json`]: one record per bar of a target chart, with the
//!   plan's exact words and paragraph id, so a number can be checked against its source.
//! - [`heatmap_csv`] and [`map_layer_csv`]: the department heatmap and a map layer as tables.
//! - [`citation`] and [`section_label`]: a citation line in the reader's language.
//! - [`embed_snippet`] with [`safe_url`] and [`escape_attr`]: HTML to paste into a news page.
//! - [`png_size`]: the canvas size of the 2× PNG export.
//!
//! CSV rules (RFC 4180 plus spreadsheet safety) are in one place, the private `csv` module.
// Handles data from outside: no panicking shortcuts (list in ARCHITECTURE.md).
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod cite;
mod csv;
mod embed;
#[cfg(test)]
mod fixtures;
mod tables;
mod targets;
mod url;

pub use cite::{citation, section_label};
pub use embed::{
    embed_address, embed_snippet, embed_url, escape_attr, EmbedKind, EMBED_FRAME_ATTR, EMBED_PAGE,
    FIXED_WIDTH_PX, HEIGHT_MESSAGE_TYPE, MAX_EMBED_HEIGHT_PX, MIN_EMBED_HEIGHT_PX,
};
pub use tables::{heatmap_csv, heatmap_json, map_layer_csv, map_layer_json};
pub use targets::{target_chart_csv, target_chart_json};
pub use url::{safe_absolute_url, safe_url};

/// Largest PNG side in pixels: big enough for print, small enough for every browser's canvas.
pub const MAX_PNG_SIDE: u32 = 8192;

/// Pixel size of the PNG export of an SVG of `svg_width` × `svg_height` at `scale` (2 for 2×).
///
/// A scale of 0 counts as 1 and a side of 0 as 1 pixel. When a side would exceed
/// [`MAX_PNG_SIDE`], the scale is lowered for both sides alike, so the picture is never
/// distorted; each side is then at least 1 and at most [`MAX_PNG_SIDE`].
pub fn png_size(svg_width: u32, svg_height: u32, scale: u32) -> (u32, u32) {
    let (w, h) = (f64::from(svg_width.max(1)), f64::from(svg_height.max(1)));
    let max = f64::from(MAX_PNG_SIDE);
    let factor = f64::from(scale.max(1)).min(max / w).min(max / h);
    // Both products are within 1 ..= MAX_PNG_SIDE before the clamp; the clamp guards rounding.
    let side = |v: f64| ((v * factor).round() as u32).clamp(1, MAX_PNG_SIDE);
    (side(w), side(h))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn png_is_scaled_by_the_factor() {
        assert_eq!(png_size(640, 412, 2), (1280, 824));
        assert_eq!(png_size(640, 412, 1), (640, 412));
        assert_eq!(png_size(320, 200, 3), (960, 600));
    }

    #[test]
    fn degenerate_inputs_give_at_least_one_pixel() {
        assert_eq!(png_size(640, 412, 0), (640, 412));
        assert_eq!(png_size(0, 0, 2), (2, 2));
        assert_eq!(png_size(0, 100, 1), (1, 100));
    }

    #[test]
    fn large_exports_are_clamped_without_distortion() {
        assert_eq!(png_size(6000, 3000, 2), (8192, 4096));
        assert_eq!(png_size(3000, 6000, 2), (4096, 8192));
        assert_eq!(png_size(u32::MAX, u32::MAX, u32::MAX), (8192, 8192));
        let (w, h) = png_size(10_000, 1, 2);
        assert_eq!((w, h), (8192, 1));
    }

    #[test]
    fn no_side_ever_exceeds_the_maximum() {
        for (w, h, s) in [(1, 1, 10_000), (8191, 8193, 1), (4097, 2, 2), (999, 7, 9)] {
            let (pw, ph) = png_size(w, h, s);
            assert!((1..=MAX_PNG_SIDE).contains(&pw), "{w}×{h}@{s} → {pw}");
            assert!((1..=MAX_PNG_SIDE).contains(&ph), "{w}×{h}@{s} → {ph}");
        }
    }
}
