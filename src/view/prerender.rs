//! Taking over from a pre-rendered first view (`<div id="prerender">`, written at build time by
//! `src/static_render/prerender.rs` into `area-<slug>.html`, `indicator-<id>.html`,
//! `city-<adcode>.html`, the pre-rendered embeds `embed-area-<slug>-<n>.html` and
//! `embed-indicator-<id>.html` (whose embed view's chart the same selector finds) and, marked
//! `data-view="home"`, `index.html`). The reader already sees the real first chart (or the home
//! page); the app is mounted hidden behind it (`.app-pending`: laid out at full width,
//! invisible, out of the flow) and takes its place in one step — in the same task, so no frame
//! shows both or neither — once its page has settled: its first chart is drawn, or it shows an
//! error or "not found". The pre-rendered markup repeats the app's page above the chart, so the
//! chart does not move (`tests/e2e/prerender.test.mjs`).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MutationObserver, MutationObserverInit};

/// The class that keeps the app hidden behind the pre-rendered view (public/style.css).
const PENDING: &str = "app-pending";
/// What a settled page shows: a drawn first chart, a load error, or a "not found" notice.
/// (A city page's first picture is its locator map.)
const SETTLED: &str = "main .chart__plot[data-chart-ready] svg, main .locator__plot[data-chart-ready] svg, main .load-error, main > .notice";
/// What a settled home shows: its area cards and its lead sentence (two files: both must be in
/// before the app's page is as tall as the pre-rendered one), or a load error.
const HOME_SETTLED: [&str; 2] = [
    "main [data-testid=area-list] > li",
    "main [data-testid=plan-lead]",
];
const FAILED: &str = "main .load-error";
/// Set on `<html>` by public/first-view.js when the pre-rendered home is not what the app shows.
const HOME_OFF: &str = "gd-home-off";
/// Hand over after this long whatever the app shows (its fetches time out after 15 s anyway).
const GIVE_UP_MS: i32 = 20_000;

/// Mounts `app` (the full app or the single-figure one) behind `prerendered` and swaps them when
/// the app's page has settled. Returns `false` (nothing mounted) if the host element cannot be made.
pub fn mount_behind<N: IntoView + 'static>(prerendered: Element, app: fn() -> N) -> bool {
    let host = document()
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    let (Some(host), Some(body)) = (host, document().body()) else {
        return false;
    };
    host.set_id("app");
    host.set_class_name(PENDING);
    if body.append_child(&host).is_err() {
        return false;
    }
    leptos::mount::mount_to(host.clone(), app).forget();

    // A query names another view or language than the one drawn at build time; and the home's
    // view is hidden before the first paint (public/first-view.js) when the app will show another
    // language or view: then there is nothing on screen to keep.
    let same_view = window().location().search().unwrap_or_default().is_empty();
    let home = prerendered.get_attribute("data-view").as_deref() == Some("home");
    if !same_view || (home && home_hidden()) || settled(&host, home) {
        take_over(&host, &prerendered);
        return true;
    }
    let (h, p) = (host.clone(), prerendered.clone());
    let on_change = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(
        move |_: js_sys::Array, observer: MutationObserver| {
            if settled(&h, home) {
                observer.disconnect();
                take_over(&h, &p);
            }
        },
    );
    if let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) {
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of1(&"data-chart-ready".into()));
        if observer.observe_with_options(&host, &options).is_err() {
            take_over(&host, &prerendered);
        }
    } else {
        take_over(&host, &prerendered);
    }
    // Once per page load: the observer lives as long as the page may still need it.
    on_change.forget();
    let (h, p) = (host, prerendered);
    let give_up = Closure::once_into_js(move || take_over(&h, &p));
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(give_up.unchecked_ref(), GIVE_UP_MS);
    true
}

fn settled(host: &HtmlElement, home: bool) -> bool {
    let has = |selector: &str| host.query_selector(selector).ok().flatten().is_some();
    if home {
        HOME_SETTLED.iter().all(|s| has(s)) || has(FAILED)
    } else {
        has(SETTLED)
    }
}

/// Whether public/first-view.js hid the pre-rendered home before the first paint (the class on
/// `<html>` that public/style.css reads).
fn home_hidden() -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.class_list().contains(HOME_OFF))
}

/// Removes the pre-rendered view (and the no-script text) and shows the app in its place. A link
/// the reader had focused keeps the focus: the app's link with the same text takes it (the
/// addresses differ: the pre-rendered links lead to pages, the app's navigate in place).
fn take_over(host: &HtmlElement, prerendered: &Element) {
    if !prerendered.is_connected() {
        return;
    }
    let focused_text = document()
        .active_element()
        .filter(|e| prerendered.contains(Some(e)) && e.tag_name().eq_ignore_ascii_case("a"))
        .and_then(|e| e.text_content());
    prerendered.remove();
    if let Some(fallback) = document().get_element_by_id("fallback") {
        fallback.remove();
    }
    let _ = host.class_list().remove_1(PENDING);
    let same_link = focused_text.and_then(|text| {
        host.query_selector_all("a[href]").ok().and_then(|links| {
            (0..links.length())
                .filter_map(|i| links.item(i))
                .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
                .find(|a| a.text_content().as_deref() == Some(text.as_str()))
        })
    });
    if let Some(link) = same_link {
        let _ = link.focus();
    }
}
