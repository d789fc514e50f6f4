//! Small shared components: links that keep the app client-side, loading and error states, quotes.

use leptos::prelude::*;

use crate::data::{Document, LoadError};
use crate::export::safe_url;
use crate::i18n::{load_error_message, Msg};
use crate::route::Route;
use crate::view::fetch::fetch_json;
use crate::view::nav::use_nav;

/// A link to a view: a real `<a href>` (so it can be opened in a new tab) that navigates in place on a plain click.
#[component]
pub fn Link(
    /// Where the link goes.
    to: Route,
    /// Extra CSS class.
    #[prop(optional, into)]
    class: String,
    /// Link content.
    children: Children,
) -> impl IntoView {
    let nav = use_nav();
    if crate::view::embed::is_embedded() {
        // Inside someone's article: open the full app in a new tab, from the directory of embed.html.
        let href = move || format!("./{}", to.href(nav.lang.get()));
        return view! { <a href=href class=class target="_blank" rel="noopener">{children()}</a> }
            .into_any();
    }
    if !nav.shows(&to) {
        // A view this bundle does not have (src/bin/view.rs): a plain link to the full app, which
        // the browser loads; no click handler, so nothing pushes a state this app cannot draw.
        let href = move || safe_url(&to.full_app_href(nav.lang.get()));
        return view! { <a href=href class=class>{children()}</a> }.into_any();
    }
    let href_route = to.clone();
    // Through the one allowlist like every link (a route's href is always a `?query`).
    let href = move || safe_url(&href_route.href(nav.lang.get()));
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        nav.go(to.clone());
    };
    view! { <a href=href class=class on:click=on_click>{children()}</a> }.into_any()
}

/// Shown while data is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    let nav = use_nav();
    view! { <p class="loading" role="status" aria-live="polite">{move || Msg::Loading.text(nav.lang.get())}</p> }
}

/// A failed load: what failed and what to do (a specific sentence per kind of failure), the
/// technical detail, and a button that tries again. The box is an `aria-live` region, so screen
/// readers announce the failure when it replaces the loading message.
#[component]
pub fn LoadErrorView(
    /// The error to show.
    error: LoadError,
    /// Called by the retry button.
    on_retry: Callback<()>,
) -> impl IntoView {
    let nav = use_nav();
    let detail = error.to_string();
    let kind = error_kind(&error);
    let message = move || load_error_message(&error, nav.lang.get());
    view! {
        <div class="load-error" role="alert" aria-live="assertive" aria-atomic="true" data-error=kind>
            <p class="load-error__title">{move || Msg::LoadFailed.text(nav.lang.get())}</p>
            <p class="load-error__message">{message}</p>
            <p class="load-error__detail"><code>{detail}</code></p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {move || Msg::Retry.text(nav.lang.get())}
            </button>
        </div>
    }
}

/// A stable name of the kind of failure (`data-error` attribute, for tests and styling).
fn error_kind(error: &LoadError) -> &'static str {
    match error {
        LoadError::Network { .. } => "network",
        LoadError::Offline { .. } => "offline",
        LoadError::Timeout { .. } => "timeout",
        LoadError::Http { .. } => "http",
        LoadError::Unavailable { .. } => "unavailable",
        LoadError::Html { .. } => "html",
        LoadError::ContentType { .. } => "content-type",
        LoadError::Truncated { .. } => "truncated",
        LoadError::TooLarge { .. } => "too-large",
        LoadError::Parse { .. } => "parse",
        LoadError::Invalid { .. } => "invalid",
    }
}

/// A number that opens the exact sentence of the plan that sets it.
#[component]
pub fn Provenance(
    /// What the reader sees (e.g. "≥ 73%").
    label: String,
    /// The exact words of the plan.
    quote: String,
    /// The paragraph that holds the quote.
    paragraph: String,
    /// The paragraph's full text, to show the quote in context.
    #[prop(optional)]
    context: Option<String>,
) -> impl IntoView {
    let nav = use_nav();
    let open = RwSignal::new(false);
    let id = format!("q-{}", paragraph_safe(&label, &paragraph));
    let panel_id = id.clone();
    let source_route = Route::Plan(Some(paragraph.clone()));
    let route_paragraph = paragraph.clone();
    let source_label = move || format!("{} §{}", Msg::Source.text(nav.lang.get()), paragraph);
    view! {
        <span class="provenance">
            <button
                type="button"
                class="provenance__value"
                aria-expanded=move || open.get().to_string()
                aria-controls=id.clone()
                title=move || Msg::ShowQuote.text(nav.lang.get())
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {label}
            </button>
            {move || open.get().then(|| {
                let (label, route, quote, context, panel) =
                    (source_label.clone(), source_route.clone(), quote.clone(), context.clone(), panel_id.clone());
                let pid = route_paragraph.clone();
                // The plan text is fetched only when a reader opens a source (once: the fetch is cached).
                let doc = LocalResource::new(|| fetch_json::<Document>("document.json"));
                let paragraph = move || {
                    doc.get().and_then(Result::ok).and_then(|d| d.paragraphs.into_iter().find(|p| p.id == pid))
                };
                view! {
                    <span class="provenance__panel" id=panel>
                        {move || {
                            let found = paragraph();
                            let zh = context.clone().or_else(|| found.as_ref().map(|p| p.text.clone()));
                            let en = found.and_then(|p| p.text_en);
                            view! {
                                <QuoteInContext quote=quote.clone() context=zh />
                                {en.map(|en| view! {
                                    <span class="provenance__en" lang="en">
                                        <small>{move || Msg::UnofficialTranslation.text(nav.lang.get())}</small>" "{en}
                                    </span>
                                })}
                            }
                        }}
                        " "
                        <Link to=route class="provenance__link">{label}</Link>
                    </span>
                }
            })}
        </span>
    }
}

fn paragraph_safe(label: &str, paragraph: &str) -> String {
    let tail: u32 = label
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    format!("{paragraph}-{tail:x}")
}

/// The quote highlighted inside its paragraph (all text nodes: nothing is parsed as HTML).
#[component]
pub fn QuoteInContext(
    /// The exact words to highlight.
    quote: String,
    /// The paragraph that holds them, if known.
    context: Option<String>,
) -> impl IntoView {
    match context
        .as_deref()
        .and_then(|c| c.find(&quote).map(|at| (c, at)))
    {
        Some((c, at)) => {
            let before = c[..at].to_owned();
            let after = c[at + quote.len()..].to_owned();
            view! { <q class="quote" lang="zh-CN">{before}<mark>{quote}</mark>{after}</q> }
                .into_any()
        }
        None => view! { <q class="quote" lang="zh-CN"><mark>{quote}</mark></q> }.into_any(),
    }
}
