//! The outline of the hovered or focused part of a drawn figure (a bar, a heatmap cell, a city),
//! in its own small SVG laid over the figure's plotters SVG.
//!
//! Why a separate layer (issue #15, hover within one frame): drawing the outline into the figure
//! meant re-running plotters for the whole figure and replacing its markup on every move of the
//! pointer. Here the figure is drawn once per width, theme and language; a hover only changes the
//! `d` and `visibility` attributes of one or two paths. The layer has the drawing's size and
//! viewBox (so it scales with it), is placed by CSS (`.chart__highlight`: the strict CSP allows no
//! style attribute), ignores the pointer and is hidden from assistive technology: the tooltip and
//! the table say what is selected.

use leptos::prelude::*;

/// How the outline is stroked.
#[derive(Clone, Debug)]
pub struct Stroke {
    /// Colour of the outline (`#RRGGBB`, the theme's foreground).
    pub colour: String,
    /// A wider line beneath in this colour (the page background), so the outline shows on any
    /// fill; `None` for no halo.
    pub halo: Option<String>,
}

/// The overlay. `size` is the drawing's (width, height) in pixels, `path` the outline as SVG path
/// data, `None` when nothing is selected.
#[component]
pub fn HighlightOverlay(
    /// Width and height of the figure's drawing.
    size: Signal<(u32, u32)>,
    /// The outline, or `None` to hide it.
    path: Signal<Option<String>>,
    /// Colours.
    stroke: Stroke,
) -> impl IntoView {
    let d = move || path.get().unwrap_or_default();
    let visibility = move || {
        if path.with(Option::is_some) {
            "visible"
        } else {
            "hidden"
        }
    };
    let halo = stroke.halo.map(|colour| {
        view! {
            <path d=d fill="none" stroke=colour stroke-width="4" stroke-linejoin="round" visibility=visibility />
        }
    });
    view! {
        <svg
            class="chart__highlight"
            aria-hidden="true"
            focusable="false"
            width=move || size.get().0.to_string()
            height=move || size.get().1.to_string()
            viewBox=move || {
                let (w, h) = size.get();
                format!("0 0 {w} {h}")
            }
        >
            {halo}
            <path d=d fill="none" stroke=stroke.colour stroke-width="2" stroke-linejoin="round" visibility=visibility />
        </svg>
    }
}
