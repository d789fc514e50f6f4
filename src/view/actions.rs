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

/// The action bar under a chart.
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
    /// What the Embed dialog offers; without it the figure has no Embed button.
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
    let (s1, s2, s3, s4) = (stem.clone(), stem.clone(), stem.clone(), stem);
    let (svg1, svg2) = (svg.clone(), svg);
    let on_copy = move |_| {
        let href = page_url(&nav);
        let _ = window().navigator().clipboard().write_text(&href);
        status.set(format!(
            "{} {href}",
            Msg::LinkCopied.text(nav.lang.get_untracked())
        ));
    };
    view! {
        <div class="chart-actions" role="group" aria-label=move || t(Msg::ChartActions)>
            <button type="button" class="button" data-action="svg"
                on:click=move |_| report(download(&format!("{s1}.svg"), "image/svg+xml", &svg1()), Msg::Downloaded)>
                {move || t(Msg::DownloadSvg)}
            </button>
            <button type="button" class="button" data-action="png"
                on:click=move |_| report(download_png(format!("{s2}.png"), svg2()), Msg::Downloaded)>
                {move || t(Msg::DownloadPng)}
            </button>
            <button type="button" class="button" data-action="csv"
                on:click=move |_| report(download(&format!("{s3}.csv"), "text/csv;charset=utf-8", &csv()), Msg::Downloaded)>
                {move || t(Msg::DownloadCsv)}
            </button>
            {json.map(|json| view! {
                <button type="button" class="button" data-action="json"
                    on:click=move |_| report(download(&format!("{s4}.json"), "application/json", &json()), Msg::Downloaded)>
                    {move || t(Msg::DownloadJson)}
                </button>
            })}
            <button type="button" class="button" data-action="link" on:click=on_copy>{move || t(Msg::CopyLink)}</button>
            {embed.map(|offer| view! { <EmbedDialog offer /> })}
            <button type="button" class="button" data-action="cite"
                aria-expanded=move || shown_cite.with(Option::is_some).to_string()
                on:click=move |_| shown_cite.update(|c| *c = if c.is_some() { None } else { Some(cite()) })>
                {move || t(Msg::Cite)}
            </button>
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
