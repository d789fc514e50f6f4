//! What a journalist does with a chart: download SVG, PNG (2×), CSV and JSON of exactly what it
//! shows, copy its link, and cite it. The contents come from pure functions (`crate::export`,
//! the chart's `to_svg`); this file only hands them to the browser.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::data::Meta;
use crate::export::{png_size, safe_url};
use crate::i18n::{Lang, Msg};
use crate::view::embed::{is_embedded, EmbedDialog, EmbedOffer};
use crate::view::fetch::fetch_json;
use crate::view::nav::{use_nav, Nav};

/// Produces one export's content on demand (only when the reader clicks).
pub type Make = Arc<dyn Fn() -> String + Send + Sync>;

/// Produces an export's content from the plan's metadata, the page address and the language.
type MakeWithMeta = Arc<dyn Fn(&Meta, &str, Lang) -> String + Send + Sync>;

/// Saves `content` as a file named `name` through a temporary blob: URL.
fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    save_blob(name, &blob)
}

fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Reads `width`/`height` attributes of plotters' root `<svg>`.
fn svg_size(svg: &str) -> (u32, u32) {
    let attr = |name: &str| {
        let key = format!("{name}=\"");
        let start = svg.find(&key)? + key.len();
        let end = svg[start..].find('"')? + start;
        svg[start..end].parse::<u32>().ok()
    };
    (attr("width").unwrap_or(640), attr("height").unwrap_or(480))
}

/// Draws the SVG onto a canvas at 2× and saves it as PNG.
fn download_png(name: String, svg: String) -> Result<(), JsValue> {
    let (w, h) = svg_size(&svg);
    let (pw, ph) = png_size(w, h, 2);
    let parts = js_sys::Array::of1(&JsValue::from_str(&svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let img = web_sys::HtmlImageElement::new()?;
    let image = img.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let draw = || -> Result<(), JsValue> {
            let canvas: web_sys::HtmlCanvasElement =
                document().create_element("canvas")?.unchecked_into();
            canvas.set_width(pw);
            canvas.set_height(ph);
            let ctx: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or_else(|| JsValue::from_str("no 2d context"))?
                .unchecked_into();
            ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &image,
                0.0,
                0.0,
                f64::from(pw),
                f64::from(ph),
            )?;
            let href = canvas.to_data_url_with_type("image/png")?;
            let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
            a.set_href(&href);
            a.set_download(&name);
            a.click();
            Ok(())
        };
        let _ = draw();
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
    Ok(())
}

/// A unique element id for each menu on the page (a page can show the same figure twice).
fn next_menu_id() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The menu's items, in order.
fn menu_items(list: &web_sys::HtmlElement) -> Vec<web_sys::HtmlElement> {
    let Ok(nodes) = list.query_selector_all("[role=menuitem]") else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Which item of the menu to focus after a key, or `None` when the key does not move the focus.
fn menu_target(key: &str, current: Option<usize>, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    match key {
        "ArrowDown" => Some(current.map_or(0, |i| (i + 1) % count)),
        "ArrowUp" => Some(current.map_or(count - 1, |i| (i + count - 1) % count)),
        "Home" | "PageUp" => Some(0),
        "End" | "PageDown" => Some(count - 1),
        _ => None,
    }
}

/// The "Share & download" menu under a figure: one button (WAI-ARIA menu button pattern) that
/// opens a menu of SVG, PNG, CSV, JSON, Copy link, Embed… and Cite…. The menu opens with a
/// click, Enter, Space or ↓ (first item) or ↑ (last item); ↑ ↓ Home End move between the items;
/// Escape closes it and returns to the button; Tab, a click outside or leaving it closes it.
/// Choosing an item closes the menu and returns the focus to the button before the action runs
/// (so the Embed dialog gives the focus back to the button when it closes).
#[component]
pub fn ChartActions(
    /// File name without extension, e.g. `gd-plus-logistics.targets-1`.
    stem: String,
    /// The chart as SVG (the same drawing code as on screen).
    svg: Make,
    /// The chart's data as CSV.
    csv: Make,
    /// The chart's data as JSON, if the chart has a JSON export.
    #[prop(optional)]
    json: Option<Make>,
    /// The citation line.
    cite: Make,
    /// What the Embed dialog offers; without it the figure has no Embed item.
    #[prop(optional)]
    embed: Option<EmbedOffer>,
) -> impl IntoView {
    if is_embedded() {
        return ().into_any(); // an embed view shows the figure only
    }
    let nav = use_nav();
    let status = RwSignal::new(String::new());
    let shown_cite = RwSignal::new(None::<String>);
    let t = move |m: Msg| m.text(nav.lang.get());
    let report = move |result: Result<(), JsValue>, ok: Msg| {
        status.set(match result {
            Ok(()) => ok.text(nav.lang.get_untracked()).to_owned(),
            Err(_) => Msg::ActionFailed.text(nav.lang.get_untracked()).to_owned(),
        });
    };
    let n = next_menu_id();
    let (button_id, menu_id) = (format!("share-{n}"), format!("share-{n}-menu"));
    let button = NodeRef::<leptos::html::Button>::new();
    let list = NodeRef::<leptos::html::Ul>::new();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The DOM is written directly (not through a signal) so that the items are visible, and can
    // take the focus, in the same task that opens the menu.
    let set_open = move |open: bool| {
        if let (Some(b), Some(l)) = (
            button.try_get_untracked().flatten(),
            list.try_get_untracked().flatten(),
        ) {
            let _ = b.set_attribute("aria-expanded", if open { "true" } else { "false" });
            l.set_hidden(!open);
        }
    };
    let is_open = move || {
        list.try_get_untracked()
            .flatten()
            .is_some_and(|l| !l.hidden())
    };
    let focus_item = move |pick: &dyn Fn(usize) -> usize| {
        if let Some(l) = list.try_get_untracked().flatten() {
            let items = menu_items(&l);
            if let Some(item) = items.get(pick(items.len())) {
                let _ = item.focus();
            }
        }
    };
    let open_at_first = move || {
        set_open(true);
        focus_item(&|_| 0);
    };
    let close_to_button = move || {
        set_open(false);
        if let Some(b) = button.try_get_untracked().flatten() {
            let _ = b.focus();
        }
    };
    let on_button_click = move |_| {
        if is_open() {
            set_open(false);
        } else {
            open_at_first();
        }
    };
    let on_button_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            open_at_first();
        }
        "ArrowUp" => {
            ev.prevent_default();
            set_open(true);
            focus_item(&|count| count.saturating_sub(1));
        }
        "Escape" if is_open() => {
            ev.prevent_default();
            set_open(false);
        }
        _ => {}
    };
    let on_menu_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        match key.as_str() {
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation(); // an Escape here is not also the page's
                close_to_button();
            }
            "Tab" => set_open(false), // the focus moves on as usual
            _ => {
                let Some(l) = list.try_get_untracked().flatten() else {
                    return;
                };
                let items = menu_items(&l);
                let active = document().active_element();
                let current = items.iter().position(|i| {
                    active
                        .as_ref()
                        .is_some_and(|a| a == i.unchecked_ref::<web_sys::Element>())
                });
                if let Some(item) =
                    menu_target(&key, current, items.len()).and_then(|i| items.get(i))
                {
                    ev.prevent_default();
                    let _ = item.focus();
                }
            }
        }
    };
    // Closes when the focus leaves the button and the menu (a click elsewhere, or a tap). The
    // handlers read the node refs with `try_`: a focused button that leaves the page with its
    // view (a navigation) fires `focusout` after the refs are disposed.
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let on_focus_out = move |ev: leptos::ev::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(wrapper.try_get_untracked().flatten())
            .is_some_and(|(to, w)| w.contains(Some(&to)));
        if !inside {
            set_open(false);
        }
    };
    // Every item: close the menu, give the focus back to the button, then act.
    let choose = move |act: Box<dyn Fn()>| {
        move |_: leptos::ev::MouseEvent| {
            close_to_button();
            act();
        }
    };
    let (s1, s2, s3, s4) = (stem.clone(), stem.clone(), stem.clone(), stem);
    let (svg1, svg2) = (svg.clone(), svg);
    let copy_link = move || {
        let href = page_url(&nav);
        let _ = window().navigator().clipboard().write_text(&href);
        status.set(format!(
            "{} {href}",
            Msg::LinkCopied.text(nav.lang.get_untracked())
        ));
    };
    let item = |action: &'static str, label: Msg, act: Box<dyn Fn()>| {
        view! {
            <li role="none">
                <button type="button" role="menuitem" tabindex="-1" class="share-menu__item" data-action=action
                    on:click=choose(act)>
                    {move || t(label)}
                </button>
            </li>
        }
    };
    let has_embed = embed.is_some();
    view! {
        <div class="chart-actions">
            <div class="share-menu" node_ref=wrapper on:focusout=on_focus_out>
                <button type="button" class="button share-menu__button" id=button_id.clone() node_ref=button
                    aria-haspopup="menu" aria-expanded="false" aria-controls=menu_id.clone()
                    on:click=on_button_click on:keydown=on_button_key>
                    {move || t(Msg::ChartActions)}
                    <span class="share-menu__caret" aria-hidden="true">"▾"</span>
                </button>
                <ul class="share-menu__list" role="menu" id=menu_id aria-labelledby=button_id node_ref=list hidden
                    on:keydown=on_menu_key>
                    {item("svg", Msg::DownloadSvg, Box::new(move || report(download(&format!("{s1}.svg"), "image/svg+xml", &svg1()), Msg::Downloaded)))}
                    {item("png", Msg::DownloadPng, Box::new(move || report(download_png(format!("{s2}.png"), svg2()), Msg::Downloaded)))}
                    {item("csv", Msg::DownloadCsv, Box::new(move || report(download(&format!("{s3}.csv"), "text/csv;charset=utf-8", &csv()), Msg::Downloaded)))}
                    {json.map(|json| item("json", Msg::DownloadJson, Box::new(move || report(download(&format!("{s4}.json"), "application/json", &json()), Msg::Downloaded))))}
                    {item("link", Msg::CopyLink, Box::new(copy_link))}
                    {has_embed.then(|| item("embed", Msg::Embed, Box::new(move || {
                        if let Some(d) = dialog.get_untracked() {
                            let _ = d.show_modal();
                        }
                    })))}
                    {item("cite", Msg::Cite, Box::new(move || shown_cite.update(|c| *c = if c.is_some() { None } else { Some(cite()) })))}
                </ul>
            </div>
            {embed.map(|offer| view! { <EmbedDialog offer dialog /> })}
            <p class="chart-actions__status" role="status" aria-live="polite">{move || status.get()}</p>
            {move || shown_cite.get().map(|c| view! { <p class="chart-actions__cite" data-testid="citation">{c}</p> })}
        </div>
    }
    .into_any()
}

/// Today's date as `YYYY-MM-DD` (the access date of a citation).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The address to share and cite for the current view, when the URL allowlist accepts it (else
/// empty): an area's or indicator's own page (`area-finance.html`: link previews and a pre-rendered
/// first chart) where the build wrote those pages, else the address in the location bar.
pub fn page_url(nav: &Nav) -> String {
    let location = window().location().href().ok();
    let own = own_pages_exist()
        .then(|| nav.route().own_page(nav.lang.get_untracked()))
        .flatten()
        .zip(location.as_deref())
        .and_then(|(page, base)| web_sys::Url::new_with_base(&page, base).ok())
        .map(|url| url.href());
    own.or(location)
        .and_then(|h| safe_url(&h))
        .unwrap_or_default()
}

/// Whether this deployment has the per-view pages: `tools/static_pages.py` marks every page it
/// writes with `<meta name="gd-own-pages">` (a build without render-static has none).
fn own_pages_exist() -> bool {
    document()
        .query_selector("meta[name=\"gd-own-pages\"]")
        .ok()
        .flatten()
        .is_some()
}

/// An export that needs the plan's metadata (`meta.json`: title, issuer, licence): `make` gets it
/// with the page address and the reading language when the reader clicks. Until the file is
/// there the export is "loading…"; if it failed, the error.
pub fn with_meta(make: impl Fn(&Meta, &str, Lang) -> String + Send + Sync + 'static) -> Make {
    with_meta_dyn(Arc::new(make))
}

/// [`with_meta`] compiled once, not once per kind of export: the download of `meta.json`, its
/// resource and the closure around `make` are the same for all (issue #15).
fn with_meta_dyn(make: MakeWithMeta) -> Make {
    let nav = use_nav();
    let meta = LocalResource::new(|| fetch_json::<Meta>("meta.json"));
    Arc::new(move || {
        let lang = nav.lang.get_untracked();
        match meta.get() {
            Some(Ok(m)) => make(&m, &page_url(&nav), lang),
            Some(Err(e)) => e.to_string(),
            None => Msg::Loading.text(lang).to_owned(),
        }
    })
}

/// A citation of a figure that is not one section of the plan (the map, the heatmap).
pub fn figure_citation(what: String) -> Make {
    with_meta(move |meta, url, lang| crate::export::citation(meta, &what, url, &today(), lang))
}

#[cfg(test)]
mod tests {
    use super::menu_target;

    #[test]
    fn arrow_keys_wrap_and_home_end_jump() {
        assert_eq!(menu_target("ArrowDown", None, 7), Some(0));
        assert_eq!(menu_target("ArrowDown", Some(6), 7), Some(0));
        assert_eq!(menu_target("ArrowUp", Some(0), 7), Some(6));
        assert_eq!(menu_target("ArrowUp", None, 7), Some(6));
        assert_eq!(menu_target("Home", Some(4), 7), Some(0));
        assert_eq!(menu_target("End", Some(1), 7), Some(6));
        assert_eq!(menu_target("a", Some(1), 7), None);
        assert_eq!(menu_target("ArrowDown", None, 0), None);
    }
}
