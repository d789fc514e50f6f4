//! City page: what the plan does for one city — its programmes and every task that names it.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::route::{MapLayer, Route};
use crate::view::components::Link;
use crate::view::nav::use_nav;
use crate::view::pages::area::NotFound;
use crate::view::pages::map::{load_map_data, CityFacts, MapData};
use crate::view::pages::render_loaded;

/// The page of one city, by adcode.
#[component]
pub fn CityPage(
    /// Adcode from the URL.
    id: String,
) -> impl IntoView {
    let nav = use_nav();
    let data = LocalResource::new(load_map_data);
    render_loaded(data, move |d: MapData| {
        let Some(city) = d
            .shared
            .cities
            .cities
            .iter()
            .find(|c| c.adcode == id)
            .cloned()
        else {
            return view! { <NotFound /> }.into_any();
        };
        let region = d
            .shared
            .cities
            .regions
            .iter()
            .find(|r| r.id == city.region)
            .cloned();
        let adcode = city.adcode.clone();
        let d2 = d.clone();
        view! {
            <article class="city" data-adcode=city.adcode.clone()>
                <p class="breadcrumb"><Link to=Route::Map(MapLayer::AllTasks)>{move || Msg::NavMap.text(nav.lang.get())}</Link></p>
                <h1>{move || city.name.get(nav.lang.get()).to_owned()}</h1>
                <p class="lead">
                    {move || region.as_ref().map(|r| format!("{}：{}", Msg::Region.text(nav.lang.get()), r.name.get(nav.lang.get())))}
                    " · GB/T 2260 " {adcode.clone()}
                </p>
                {move || view! { <CityFacts adcode=adcode.clone() data=d2.clone() lang=nav.lang.get() /> }}
            </article>
        }
        .into_any()
    })
}
