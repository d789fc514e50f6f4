//! Navigation state shared by every view: the parsed URL and the UI language.

use leptos::prelude::*;
use leptos::reactive::effect::RenderEffect;
use leptos::reactive::graph::{Source, ToAnySubscriber};
use wasm_bindgen::JsValue;

use crate::i18n::Lang;
use crate::route::{Param, Route, UrlState};

/// Key under which the chosen language is remembered.
const LANG_KEY: &str = "gd-plus-lang";

/// The app-wide navigation context.
#[derive(Clone, Copy)]
pub struct Nav {
    /// What the current URL says.
    pub url: RwSignal<UrlState>,
    /// The UI language, as the views read it: the app-wide signal, or inside a view (see
    /// [`Nav::scoped`]) a copy that lives as long as the view.
    pub lang: RwSignal<Lang>,
    /// The app-wide language signal, which [`Nav::set_lang`] and the back button set.
    app_lang: RwSignal<Lang>,
    /// The views this bundle can show (every view in the full app; see
    /// [`Route::is_figure_view`] for the single-figure one). Any other is a page load of the
    /// full app, never a `pushState` to a view this bundle would have to draw.
    shows: fn(&Route) -> bool,
}

impl Nav {
    /// Reads the URL, the remembered language and the browser's preference (the full app).
    pub fn from_browser() -> Nav {
        Nav::from_browser_showing(|_| true)
    }

    /// As [`Nav::from_browser`], for a bundle that shows only the views for which `shows` is true.
    pub fn from_browser_showing(shows: fn(&Route) -> bool) -> Nav {
        let state = UrlState::parse(&current_query());
        let lang = match &state.lang {
            Param::Valid(lang) => *lang,
            _ => stored_lang().unwrap_or_else(browser_lang),
        };
        let lang = RwSignal::new(lang);
        Nav {
            url: RwSignal::new(state),
            lang,
            app_lang: lang,
            shows,
        }
    }

    /// This context for one view, whose reactive code reads a language signal of its own, owned
    /// by the current reactive owner (the view) and kept equal to the app-wide one by a single
    /// subscription, which is removed again when the owner is cleaned up.
    ///
    /// Why: `reactive_graph` 0.2 never removes a dropped effect from the subscriber list of a
    /// signal it read (only an effect that runs again unsubscribes itself), and the app-wide
    /// language rarely changes. Without this, every text and link of every view ever shown stays
    /// in that list (≈ 100 entries per route change, with their effects' allocations: the Wasm
    /// memory grew without bound). With it, those entries go with the view's own signal.
    pub fn scoped(self) -> Nav {
        let app_lang = self.app_lang;
        let lang = RwSignal::new(app_lang.get_untracked());
        let follow = RenderEffect::new(move |_: Option<()>| {
            let now = app_lang.get();
            if lang.get_untracked() != now {
                lang.set(now);
            }
        });
        on_cleanup(move || {
            app_lang.remove_subscriber(&follow.to_any_subscriber());
            drop(follow);
        });
        Nav {
            url: self.url,
            lang,
            app_lang,
            shows: self.shows,
        }
    }

    /// The current route.
    pub fn route(&self) -> Route {
        self.url.with(|u| u.route.clone())
    }

    /// Whether this bundle shows `route` (else it is a page of the full app).
    pub fn shows(&self, route: &Route) -> bool {
        (self.shows)(route)
    }

    /// Loads `route` in the full app (`index.html?…`), a new history entry or, with `replace`,
    /// in place of the current one (a view this bundle was opened on but cannot show).
    pub fn load_full_app(&self, route: &Route, replace: bool) {
        let href = route.full_app_href(self.lang.get_untracked());
        if let Some(location) = web_sys::window().map(|w| w.location()) {
            let _ = if replace {
                location.replace(&href)
            } else {
                location.assign(&href)
            };
        }
    }

    /// Goes to `route`, adding a history entry (a page load of the full app for a view this
    /// bundle does not show).
    pub fn go(&self, route: Route) {
        if !self.shows(&route) {
            self.load_full_app(&route, false);
            return;
        }
        let href = route.href(self.lang.get_untracked());
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&href));
        }
        self.url.set(UrlState::parse(&href));
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// Switches the UI language, remembers it, and keeps the URL in step.
    pub fn set_lang(&self, lang: Lang) {
        self.app_lang.set(lang);
        if let (Some(storage), Ok(value)) = (local_storage(), serde_json::to_string(lang.param())) {
            let _ = storage.set_item(LANG_KEY, &value);
        }
        let href = self.route().href(lang);
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&href));
        }
    }

    /// Re-reads the URL after the browser's back or forward button.
    pub fn sync_from_location(&self) {
        let state = UrlState::parse(&current_query());
        if !self.shows(&state.route) {
            self.load_full_app(&state.route, true);
            return;
        }
        if let Param::Valid(lang) = state.lang {
            self.app_lang.set(lang);
        }
        self.url.set(state);
    }
}

/// The query string of the current page; on a build-time per-view page without a query, the
/// route in its `<meta name="gd-route">`, or the one its file name gives
/// ([`crate::route::initial_query`]).
pub fn current_query() -> String {
    let window = web_sys::window();
    let search = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let path = window
        .as_ref()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let page_route = window
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=\"gd-route\"]").ok().flatten())
        .and_then(|el| el.get_attribute("content"));
    crate::route::initial_query(&search, page_route.as_deref(), &path)
}

/// The page's localStorage, or `None` where there is none to use: in an opaque origin (an embed in
/// an iframe sandboxed without `allow-same-origin`) merely reading `window.localStorage` throws, and
/// with storage blocked `getItem` and `setItem` throw; every call here returns a `Result` instead.
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn stored_lang() -> Option<Lang> {
    // Stored as a JSON string (`"en"`), as gloo-storage, used before, wrote it.
    let stored = local_storage()?.get_item(LANG_KEY).ok().flatten()?;
    Lang::from_param(&serde_json::from_str::<String>(&stored).ok()?)
}

fn browser_lang() -> Lang {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Lang::default();
    };
    let tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    Lang::from_browser(tags.iter().map(String::as_str))
}

/// The navigation context; provided by [`crate::view::App`].
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}
