//! Entry point of the Wasm app: install the panic screen, mount the app, drop the no-Wasm fallback
//! text — or, on a page with a pre-rendered first view, mount the app behind it and let it take
//! that view's place once its own chart is drawn (`gd_plus::view::prerender`).

fn main() {
    gd_plus::view::panic::install();
    let document = web_sys::window().and_then(|w| w.document());
    let prerendered = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("prerender"));
    if let Some(view) = prerendered {
        if gd_plus::view::prerender::mount_behind(view.clone()) {
            return;
        }
        view.remove();
    }
    leptos::mount::mount_to_body(gd_plus::view::App);
    if let Some(fallback) = document.and_then(|d| d.get_element_by_id("fallback")) {
        fallback.remove();
    }
}
