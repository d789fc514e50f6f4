//! Shared plumbing of every drawn figure (charts, heatmap, map): the page's colour scheme and
//! the width of the figure's container, which the drawing follows.

use leptos::html::Div;
use leptos::prelude::*;

use crate::chart::Theme;

/// The chart colours for the reader's colour scheme (`prefers-color-scheme`).
pub fn page_theme() -> Theme {
    let dark = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if dark {
        Theme::DARK
    } else {
        Theme::LIGHT
    }
}

/// The client width of `plot` in pixels: 0 until it is mounted, then kept up to date when the
/// window resizes (the listener is removed with the component).
pub fn container_width(plot: NodeRef<Div>) -> RwSignal<u32> {
    let width = RwSignal::new(0u32);
    let measure = move || {
        if let Some(el) = plot.get_untracked() {
            let w = el.client_width().max(0) as u32;
            if w > 0 && w != width.get_untracked() {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if plot.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    width
}
