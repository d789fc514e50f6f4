//! Entry point of the Wasm app: install the panic screen, mount the app, drop the no-Wasm fallback text.

fn main() {
    gd_plus::view::panic::install();
    leptos::mount::mount_to_body(gd_plus::view::App);
    if let Some(fallback) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("fallback"))
    {
        fallback.remove();
    }
}
