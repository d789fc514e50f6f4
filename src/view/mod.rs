//! Leptos views: the app shell, pages and components. The only layer that touches the browser.

pub mod actions;
pub mod app;
pub mod chart;
pub mod components;
pub mod embed;
pub mod fetch;
pub mod figure;
pub mod heatmap;
pub mod highlight;
pub mod map;
pub mod nav;
pub mod pages;
pub mod panic;
pub mod prerender;
pub mod view_app;

pub use app::App;
pub use view_app::ViewApp;

/// Starts a bundle's app (`src/main.rs`: [`App`]; `src/bin/view.rs`: [`ViewApp`]): installs the
/// panic screen, mounts the app, drops the no-Wasm fallback text — or, on a page with a
/// pre-rendered first view, mounts the app behind it and lets it take that view's place once its
/// own chart is drawn ([`prerender`]).
pub fn start<N: leptos::prelude::IntoView + 'static>(app: fn() -> N) {
    panic::install();
    let document = web_sys::window().and_then(|w| w.document());
    let prerendered = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("prerender"));
    if let Some(view) = prerendered {
        if prerender::mount_behind(view.clone(), app) {
            return;
        }
        view.remove();
    }
    leptos::mount::mount_to_body(app);
    if let Some(fallback) = document.and_then(|d| d.get_element_by_id("fallback")) {
        fallback.remove();
    }
}
