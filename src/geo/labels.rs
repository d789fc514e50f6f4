//! Where the cities' labels go. On a small map (a phone) the labels of neighbouring small cities
//! (汕头, 潮州, 揭阳) would be drawn over each other and none could be read; a label that would
//! overlap one placed before it is left out instead. The city keeps its fill, its text code in the
//! legend, its tooltip and its row in the data table, so nothing is lost but the clutter.
//!
//! Pure: boxes come from the estimated text width (`chart::text::width`), the same estimate that
//! keeps labels inside the drawing.

use super::layout::MapLayout;
use super::rect::PxRect;
use super::style::MapStyle;

/// Space kept free between two labels, in pixels.
const GAP_PX: i32 = 2;
/// Margin between a label and the drawing's left and right edges.
const EDGE_PX: i32 = 6;

/// One label to draw: its adcode, text, centre and box.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLabel<'a> {
    pub code: &'a str,
    pub text: &'a str,
    /// Centre of the text (plotters draws it with `HPos::Center`, `VPos::Center`).
    pub at: (i32, i32),
    /// The box the text takes, callout box included.
    pub bounds: PxRect,
    /// Drawn on a box of the page's colour (a callout, or a label moved off its city).
    pub boxed: bool,
}

/// The labels of `style` for `layout`, in the layout's anchor order (adcode order), each at its
/// city's anchor (moved inwards at the drawing's edges, or above the city as a callout), else at
/// the first free place next to it, else left out: no label overlaps another or leaves the drawing.
pub fn place_labels<'a>(
    layout: &'a MapLayout,
    style: &'a MapStyle,
    label_px: u32,
    width_px: u32,
    height_px: u32,
) -> Vec<PlacedLabel<'a>> {
    let px = label_px as i32;
    let mut placed: Vec<PlacedLabel<'a>> = Vec::new();
    for anchor in &layout.anchors {
        let Some(code) = layout.adcodes.get(anchor.city) else {
            continue;
        };
        let Some(text) = style.labels.get(code) else {
            continue;
        };
        if text.is_empty() {
            continue;
        }
        let half = crate::chart::text::width(text, f64::from(label_px)) / 2;
        let (lo, hi) = (EDGE_PX + half, width_px as i32 - EDGE_PX - half);
        let x = if lo <= hi {
            anchor.at.0.clamp(lo, hi)
        } else {
            anchor.at.0
        };
        // A label at its own place is drawn as before unless it overlaps another (one wider than
        // the drawing included: the locator's only label must not vanish); one moved off its city
        // must also stay inside the drawing.
        let fits = |b: &PxRect, moved: bool| {
            let inside =
                b.x0 >= 0 && b.x1 <= width_px as i32 && b.y0 >= 0 && b.y1 <= height_px as i32;
            (inside || !moved) && !placed.iter().any(|p| overlaps(&p.bounds, b))
        };
        let boxed_h = px + 8;
        let at_anchor = if style.label_callouts {
            // Above the city, so the city itself stays visible.
            let y = (anchor.at.1 - boxed_h).max(boxed_h / 2 + 1);
            (x, y, true)
        } else {
            (x, anchor.at.1, false)
        };
        // Next to the city: above, below, to the left, to the right (boxed).
        let step_y = boxed_h + GAP_PX + 1;
        let step_x = 2 * half + 8 + GAP_PX + 1;
        let (ax, ay) = anchor.at;
        let beside = [
            (x, ay - step_y),
            (x, ay + step_y),
            (ax - step_x / 2 - half, ay),
            (ax + step_x / 2 + half, ay),
        ];
        let candidates = std::iter::once((at_anchor, false))
            .chain(beside.into_iter().map(|(x, y)| ((x, y, true), true)));
        for ((x, y, boxed), moved) in candidates {
            let (half_h, pad) = if boxed {
                (boxed_h / 2, 4)
            } else {
                (px / 2 + 1, 0)
            };
            let bounds = PxRect {
                x0: x - half - pad,
                y0: y - half_h,
                x1: x + half + pad,
                y1: y + half_h,
            };
            if fits(&bounds, moved) {
                placed.push(PlacedLabel {
                    code: code.as_str(),
                    text: text.as_str(),
                    at: (x, y),
                    bounds,
                    boxed,
                });
                break;
            }
        }
    }
    placed
}

fn overlaps(a: &PxRect, b: &PxRect) -> bool {
    a.x0 < b.x1 + GAP_PX && b.x0 < a.x1 + GAP_PX && a.y0 < b.y1 + GAP_PX && b.y0 < a.y1 + GAP_PX
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: i32, y0: i32, x1: i32, y1: i32) -> PxRect {
        PxRect { x0, y0, x1, y1 }
    }

    #[test]
    fn boxes_closer_than_the_gap_overlap_and_others_do_not() {
        assert!(overlaps(&rect(0, 0, 10, 10), &rect(5, 5, 15, 15)));
        assert!(
            overlaps(&rect(0, 0, 10, 10), &rect(11, 0, 20, 10)),
            "1 px apart"
        );
        assert!(!overlaps(&rect(0, 0, 10, 10), &rect(12, 0, 20, 10)));
        assert!(!overlaps(&rect(0, 0, 10, 10), &rect(0, 12, 10, 20)));
    }
}
