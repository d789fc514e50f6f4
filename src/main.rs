//! Entry point of the full app's Wasm (`index.html` and every page but the single-figure ones,
//! which get `src/bin/view.rs`): see `gd_plus::view::start`.

fn main() {
    gd_plus::view::start(gd_plus::view::App);
}
