//! About the data: what the package holds, its licence, the map attribution.

use leptos::prelude::*;

use crate::data::Meta;
use crate::export::safe_url;
use crate::i18n::Msg;
use crate::view::fetch::{data_url, fetch_json};
use crate::view::nav::use_nav;
use crate::view::pages::render_loaded;

/// Data files listed for download.
const FILES: [&str; 7] = [
    "datapackage.json",
    "meta.json",
    "areas.json",
    "departments.json",
    "cities.json",
    "document.json",
    "geo/guangdong-cities.geojson",
];

/// The about page.
#[component]
pub fn AboutPage() -> impl IntoView {
    let nav = use_nav();
    let data = LocalResource::new(|| fetch_json::<Meta>("meta.json"));
    view! {
        <h1>{move || Msg::NavAbout.text(nav.lang.get())}</h1>
        {render_loaded(data, move |meta| {
            let title = meta.title.clone();
            let issuer = meta.issuer.clone();
            view! {
                <dl class="meta">
                    <dt>"Title / 标题"</dt><dd>{move || title.get(nav.lang.get()).to_owned()}</dd>
                    <dt>"Issuer / 发文机关"</dt><dd>{move || issuer.get(nav.lang.get()).to_owned()}</dd>
                    <dt>"Licence / 许可"</dt><dd>{meta.licence.clone()}</dd>
                    <dt>"Version / 版本"</dt><dd>{format!("{} ({})", meta.version, meta.last_updated)}</dd>
                </dl>
            }
        })}
        <h2>{move || Msg::DataFiles.text(nav.lang.get())}</h2>
        <ul class="files">
            {FILES.into_iter().map(|f| view! { <li><a href=safe_url(&data_url(f))>{f}</a></li> }).collect_view()}
        </ul>
        <p>{move || Msg::MapAttribution.text(nav.lang.get())}</p>
    }
}
