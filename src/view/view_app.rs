//! The single-figure app (`src/bin/view.rs`): the shell of the full app with only the views a
//! shared chart lands on — an area, an indicator, and the embed of one of their charts
//! ([`Route::is_figure_view`]). It names no other page, so its Wasm carries neither the map page,
//! the heatmap, the search index, the departments, the plan text nor home; a link to any of those
//! is a plain link to the full app (`index.html?…`, see `components::Link`).

use leptos::prelude::*;

use crate::route::Route;
use crate::view::app::shell;
use crate::view::nav::Nav;
use crate::view::pages;

/// The app of `area-*.html`, `indicator-*.html` and `embed.html`.
#[component]
pub fn ViewApp() -> impl IntoView {
    shell(
        Nav::from_browser_showing(Route::is_figure_view),
        view_of,
        pages::embed::chart_figure,
    )
}

/// The view of the current route; `shell` and `Nav` leave every other route to the full app.
fn view_of(nav: Nav) -> AnyView {
    match nav.route() {
        Route::Area(slug) => view! { <pages::area::AreaPage slug /> }.into_any(),
        Route::Indicator(id) => view! { <pages::indicator::IndicatorPage id /> }.into_any(),
        _ => ().into_any(),
    }
}
