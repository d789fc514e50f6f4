//! Embedding a figure on another site: the "Embed…" dialog with the two snippets, the marker that
//! tells components they are inside an embed view, and the height report to the host page.

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::export::{embed_address, embed_snippet, EmbedKind, HEIGHT_MESSAGE_TYPE};
use crate::i18n::Msg;
use crate::route::Figure;
use crate::view::nav::use_nav;

/// Provided as context by the embed view: components drop their action bars, links open the
/// full app in a new tab instead of navigating inside the frame.
#[derive(Clone, Copy, Debug)]
pub struct Embedded;

/// Whether the current component is inside an embed view.
pub fn is_embedded() -> bool {
    use_context::<Embedded>().is_some()
}

/// What the Embed dialog offers for one figure.
#[derive(Clone, Debug)]
pub struct EmbedOffer {
    /// The figure to embed.
    pub figure: Figure,
    /// Its title (the iframe's accessible name).
    pub title: String,
    /// Suggested height of the fixed-size snippet at [`FIXED_WIDTH_PX`].
    pub fixed_height: u32,
}

/// Width of the fixed-size snippet (defined with the snippet, in the pure `export`).
pub use crate::export::FIXED_WIDTH_PX;

/// Sends the content height to the parent page whenever it changes, as
/// `{type: HEIGHT_MESSAGE_TYPE, height}` (see `public/embed-host.js`). Does nothing when the page
/// is not in a frame. The observer lives as long as the page.
pub fn report_height_to_host() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return; // not framed
    }
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let measured = body.clone();
    let last = std::cell::Cell::new(0u32);
    let on_resize = Closure::<dyn Fn()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil().max(0.0) as u32;
        if height == last.get() {
            return;
        }
        last.set(height);
        let message = js_sys::Object::new();
        let set = |key: &str, value: JsValue| js_sys::Reflect::set(&message, &key.into(), &value);
        if set("type", HEIGHT_MESSAGE_TYPE.into()).is_ok()
            && set("height", JsValue::from(height)).is_ok()
        {
            // The height is not a secret, and the host's origin is not known in advance.
            let _ = parent.post_message(&message, "*");
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // Both live as long as the page: an embed view never unmounts.
        std::mem::forget(observer);
        on_resize.forget();
    }
}

/// The Embed dialog: a responsive snippet (with `embed-host.js`) and a fixed-size one (no
/// script), each with a copy button, and a link to preview the embed view. The "Embed…" item
/// of the figure's Share & download menu (`view/actions.rs`) opens it through `dialog`.
#[component]
pub fn EmbedDialog(
    /// The figure and its title.
    offer: EmbedOffer,
    /// The `<dialog>` element, for the item that opens it.
    dialog: NodeRef<Dialog>,
) -> impl IntoView {
    let nav = use_nav();
    let status = RwSignal::new(String::new());
    let t = move |m: Msg| m.text(nav.lang.get());
    let heading_id = format!("embed-h-{}", figure_key(&offer.figure));
    let offer = StoredValue::new(offer);
    let url = move || {
        let page = window().location().href().unwrap_or_default();
        offer
            .with_value(|o| embed_address(&page, &o.figure, nav.lang.get(), embed_pages_exist()))
            .unwrap_or_default()
    };
    // The iframe starts as tall as the figure is estimated at the common column's width (the fixed
    // snippet's), so the host article barely moves when the embed reports its height.
    let responsive = move || {
        offer.with_value(|o| {
            let kind = EmbedKind::Responsive {
                estimated_height_px: Some(o.fixed_height),
            };
            embed_snippet(&url(), &o.title, kind)
        })
    };
    let fixed = move || {
        offer.with_value(|o| {
            embed_snippet(
                &url(),
                &o.title,
                EmbedKind::Fixed {
                    width_px: FIXED_WIDTH_PX,
                    height_px: o.fixed_height,
                },
            )
        })
    };
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let copy = move |text: String| {
        let _ = window().navigator().clipboard().write_text(&text);
        status.set(Msg::SnippetCopied.text(nav.lang.get_untracked()).to_owned());
    };
    view! {
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby=heading_id.clone()
            on:close=move |_| { let _ = status.try_set(String::new()); }>
            <h2 id=heading_id.clone()>{move || t(Msg::EmbedTitle)}</h2>
            <section data-snippet="responsive">
                <h3>{move || t(Msg::EmbedResponsive)}</h3>
                <p>{move || t(Msg::EmbedResponsiveHelp)}</p>
                <textarea readonly rows="4" aria-label=move || t(Msg::EmbedResponsive) prop:value=responsive></textarea>
                <button type="button" class="button" on:click=move |_| copy(responsive())>{move || t(Msg::CopySnippet)}</button>
            </section>
            <section data-snippet="fixed">
                <h3>{move || t(Msg::EmbedFixed)}</h3>
                <p>{move || t(Msg::EmbedFixedHelp)}</p>
                <textarea readonly rows="3" aria-label=move || t(Msg::EmbedFixed) prop:value=fixed></textarea>
                <button type="button" class="button" on:click=move |_| copy(fixed())>{move || t(Msg::CopySnippet)}</button>
            </section>
            <p class="embed-dialog__footer">
                <a href=url target="_blank" rel="noopener">{move || t(Msg::EmbedPreview)}</a>
                <span role="status" aria-live="polite">{move || status.get()}</span>
                <button type="button" class="button" data-action="close" on:click=close>{move || t(Msg::Close)}</button>
            </p>
        </dialog>
    }
}

/// Whether this deployment has the pre-rendered embed pages: `tools/static_pages.py` lists
/// `embed` in `<meta name="gd-own-pages">` on every page it writes (a build without render-static
/// has none).
fn embed_pages_exist() -> bool {
    document()
        .query_selector("meta[name=\"gd-own-pages\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .is_some_and(|kinds| kinds.split_whitespace().any(|k| k == "embed"))
}

/// A short key of a figure for element ids.
fn figure_key(figure: &Figure) -> String {
    match figure {
        Figure::AreaChart { area, n } => format!("{area}-{n}"),
        Figure::IndicatorChart(id) => id.replace('.', "-"),
        Figure::Heatmap => "heatmap".to_owned(),
        Figure::Map(_) => "map".to_owned(),
    }
}
