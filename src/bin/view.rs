//! Entry point of the single-figure Wasm (`gd-plus-view`), served to `area-*.html`,
//! `indicator-*.html` and `embed.html` (tools/postbuild.py): the app with only the area,
//! indicator and chart-embed views (`gd_plus::view::ViewApp`), so these pages do not download the
//! map, the heatmap, the search index or the other pages. Any other view is a page load of the
//! full app (`index.html?…`).

fn main() {
    gd_plus::view::start(gd_plus::view::ViewApp);
}
