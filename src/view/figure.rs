//! Shared plumbing of every drawn figure (charts, heatmap, map): the page's colour scheme and
//! the width of the figure's container, which the drawing follows.

use leptos::html::Div;
use leptos::prelude::*;

use crate::chart::Theme;

/// The chart colours for the page's colour scheme: the embed URL's `theme` (set on `<html
/// data-theme>`) or else the reader's setting (`prefers-color-scheme`).
pub fn page_theme() -> Theme {
    let chosen = document()
        .document_element()
        .and_then(|root| root.get_attribute("data-theme"));
    match chosen.as_deref() {
        Some("dark") => return Theme::DARK,
        Some("light") => return Theme::LIGHT,
        _ => {}
    }
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
