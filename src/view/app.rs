//! The app shell: header with title, language switch and navigation; the current page; the footer.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::export::safe_url;
use crate::i18n::Msg;
use crate::route::{Figure, Route};
use crate::view::components::Link;
use crate::view::nav::Nav;
use crate::view::pages;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_context(pages::area::AreaMapFigure(|area, cities| {
        view! { <pages::map::AreaMap area cities /> }.into_any()
    }));
    shell(Nav::from_browser(), view_of, pages::embed::any_figure)
}

/// The app around the current view, for a bundle that shows the views for which `nav` says so
/// (`view_of` draws them) and the embed figures `figure` draws. Used by [`App`] and by
/// [`crate::view::ViewApp`], so that both have the same header, footer, language switch and history
/// handling, and each links only the pages its `view_of` names.
pub fn shell(nav: Nav, view_of: fn(Nav) -> AnyView, figure: fn(Figure) -> AnyView) -> AnyView {
    provide_context(nav);
    let route = nav.route();
    if let Route::Embed(embed) = route {
        // An embed view is the figure alone: no header, no service worker, no history handling.
        Effect::new(move |_| {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", nav.lang.get().code());
            }
        });
        return view! { <pages::embed::EmbedPage embed figure /> }.into_any();
    }
    if !nav.shows(&route) {
        // Opened on a view this bundle does not have (e.g. `area-x.html?view=map`): the full app.
        nav.load_full_app(&route, true);
        return ().into_any();
    }
    let handle = window_event_listener(leptos::ev::popstate, move |_| nav.sync_from_location());
    on_cleanup(move || handle.remove());

    // Keep <html lang> and the document title in step with the language and view.
    Effect::new(move |_| {
        let lang = nav.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document().set_title(Msg::SiteTitle.text(lang));
    });

    let online = RwSignal::new(window().navigator().on_line());
    let went_offline = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    let came_online = window_event_listener(leptos::ev::online, move |_| online.set(true));
    on_cleanup(move || {
        went_offline.remove();
        came_online.remove();
    });
    register_service_worker();

    view! {
        <a class="skip-link" href=safe_url("#main")>{move || Msg::SkipToContent.text(nav.lang.get())}</a>
        <Header />
        {move || (!online.get()).then(|| view! {
            <p class="offline-banner" role="status">{move || Msg::Offline.text(nav.lang.get())}</p>
        })}
        <Notices />
        <main id="main" tabindex="-1">
            {move || {
                // Each view reads a language signal of its own (see `Nav::scoped`).
                let nav = nav.scoped();
                provide_context(nav);
                view_of(nav)
            }}
        </main>
        <footer class="site-footer">
            <p>{move || Msg::Footer.text(nav.lang.get())}</p>
            <p>{move || Msg::MapAttribution.text(nav.lang.get())}</p>
        </footer>
    }
    .into_any()
}

/// The view of the current route.
fn view_of(nav: Nav) -> AnyView {
    match nav.route() {
        Route::Home => pages::home::HomePage().into_any(),
        Route::Area(slug) => view! { <pages::area::AreaPage slug /> }.into_any(),
        Route::Indicator(id) => view! { <pages::indicator::IndicatorPage id /> }.into_any(),
        Route::Departments => pages::departments::DepartmentsPage().into_any(),
        Route::Department(id) => view! { <pages::departments::DepartmentPage id /> }.into_any(),
        Route::Plan(paragraph) => view! { <pages::plan::PlanPage paragraph /> }.into_any(),
        Route::About => pages::about::AboutPage().into_any(),
        Route::Map(layer) => view! { <pages::map::MapPage layer /> }.into_any(),
        Route::City(id) => view! { <pages::city::CityPage id /> }.into_any(),
        Route::Search(query) => view! { <pages::search::SearchPage query /> }.into_any(),
        // Reached only by a link inside the app to an embed address; show its full view.
        Route::Embed(embed) => {
            let full = embed.figure.full_view();
            view! { <Link to=full>{move || Msg::EmbedOpenFull.text(nav.lang.get())}</Link> }
                .into_any()
        }
    }
}

#[component]
fn Header() -> impl IntoView {
    let nav = crate::view::nav::use_nav();
    let t = move |m: Msg| m.text(nav.lang.get());
    view! {
        <header class="site-header">
            <Link to=Route::Home class="site-title">{move || t(Msg::SiteTitle)}</Link>
            <nav aria-label=move || t(Msg::NavHome)>
                <ul class="site-nav">
                    <li><Link to=Route::Home>{move || t(Msg::NavHome)}</Link></li>
                    <li><Link to=Route::Map(crate::route::MapLayer::AllTasks)>{move || t(Msg::NavMap)}</Link></li>
                    <li><Link to=Route::Departments>{move || t(Msg::NavDepartments)}</Link></li>
                    <li><Link to=Route::Plan(None)>{move || t(Msg::NavPlanText)}</Link></li>
                    <li><Link to=Route::Search(String::new())>{move || t(Msg::NavSearch)}</Link></li>
                    <li><Link to=Route::About>{move || t(Msg::NavAbout)}</Link></li>
                </ul>
            </nav>
            <button
                type="button"
                class="lang-switch"
                lang=move || nav.lang.get().other().code()
                aria-label=move || t(Msg::LanguageSwitchLabel)
                on:click=move |_| nav.set_lang(nav.lang.get_untracked().other())
            >
                {move || t(Msg::LanguageSwitch)}
            </button>
        </header>
    }
}

/// Quiet notices about URL parameters that were ignored.
#[component]
fn Notices() -> impl IntoView {
    let nav = crate::view::nav::use_nav();
    move || {
        let nav = nav.scoped(); // rebuilt on every route change: see `Nav::scoped`
        let notices = nav.url.with(|u| u.notices.clone());
        (!notices.is_empty()).then(|| {
            view! {
                <div class="notice" role="status">
                    <p>{move || Msg::InvalidParam.text(nav.lang.get())}</p>
                    <ul>{notices.into_iter().map(|n| view! { <li><code>{n}</code></li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// Registers the service worker that keeps the app and the datasets for offline use.
/// Skipped where the browser has none (old browsers, or pages not served over HTTPS/localhost), and
/// where reading `navigator.serviceWorker` throws (an opaque origin: an embed in an iframe sandboxed
/// without `allow-same-origin`); `Reflect::get` turns that exception into an `Err`.
fn register_service_worker() {
    let navigator = window().navigator();
    let Ok(container) = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
    else {
        return;
    };
    if let Ok(container) = container.dyn_into::<web_sys::ServiceWorkerContainer>() {
        // The promise is not awaited: offline support is an extra, never a reason to fail.
        let _ = container.register("sw.js");
    }
}
