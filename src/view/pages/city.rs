//! City page: what the plan does for one city — where it is (a small locator map), the
//! programmes that name it, and the tasks that name it, grouped by area.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::{CityIndex, LoadError, ProgrammeIndex};
use crate::geo::locator::{locator_style, locator_text};
use crate::geo::{map_to_svg, CityShapes, MapLayout};
use crate::i18n::Msg;
use crate::route::{MapLayer, Route};
use crate::view::components::{Link, Loading};
use crate::view::fetch::fetch_json;
use crate::view::figure::{container_width, page_theme};
use crate::view::map::load_shapes;
use crate::view::nav::use_nav;
use crate::view::pages::area::NotFound;
use crate::view::pages::map::{CityFacts, MapData};
use crate::view::pages::{load_all_areas, load_shared, render_loaded, Shared};

/// Widest the locator map is drawn: a small map beside the text, not the map page.
const LOCATOR_MAX_PX: u32 = 360;

/// What the city page draws first: the shared files and the boundaries (its heading and locator map).
#[derive(Clone)]
struct CityShell {
    shared: Shared,
    shapes: Arc<CityShapes>,
}

async fn load_city_shell() -> Result<CityShell, LoadError> {
    let (shared, shapes) = futures::try_join!(load_shared(), load_shapes())?;
    Ok(CityShell { shared, shapes })
}

/// The rest of the map's data (every area file and the programmes), read with the shell's files.
async fn load_city_facts(shell: CityShell) -> Result<MapData, LoadError> {
    let (areas, programmes) = futures::try_join!(
        load_all_areas(&shell.shared),
        fetch_json::<ProgrammeIndex>("programmes.json"),
    )?;
    Ok(MapData {
        shared: shell.shared,
        areas: Arc::new(areas),
        programmes,
        shapes: shell.shapes,
    })
}

/// The page of one city, by adcode. Its heading and locator map need only the shared files and
/// the boundaries, so they are drawn (and the app takes over a pre-rendered city page) without
/// waiting for the 13 area files its tasks come from; those fill the facts below when they arrive.
#[component]
pub fn CityPage(
    /// Adcode from the URL.
    id: String,
) -> impl IntoView {
    let nav = use_nav();
    let shell = LocalResource::new(load_city_shell);
    render_loaded(shell, move |s: CityShell| {
        let Some(city) = s
            .shared
            .cities
            .cities
            .iter()
            .find(|c| c.adcode == id)
            .cloned()
        else {
            return view! { <NotFound /> }.into_any();
        };
        let region = s
            .shared
            .cities
            .regions
            .iter()
            .find(|r| r.id == city.region)
            .cloned();
        let adcode = city.adcode.clone();
        // The tasks are read once the map is drawn: on a slow phone, parsing 13 area files
        // first would hold back what is on screen (the map) for what is below it (the tasks).
        let map_drawn = RwSignal::new(false);
        let shell = s.clone();
        let facts_view = move || {
            if !map_drawn.get() {
                return view! { <Loading /> }.into_any();
            }
            let s = shell.clone();
            let facts = LocalResource::new(move || load_city_facts(s.clone()));
            let adcode = adcode.clone();
            render_loaded(facts, move |d: MapData| {
                let adcode = adcode.clone();
                move || view! { <CityFacts adcode=adcode.clone() data=d.clone() lang=nav.lang.get() /> }
            })
            .into_any()
        };
        let adcode = city.adcode.clone();
        view! {
            <article class="city" data-adcode=city.adcode.clone()>
                <p class="breadcrumb"><Link to=Route::Map(MapLayer::AllTasks)>{move || Msg::NavMap.text(nav.lang.get())}</Link></p>
                <h1>{move || city.name.get(nav.lang.get()).to_owned()}</h1>
                <div class="city__intro">
                    <LocatorMap adcode=adcode.clone() shapes=s.shapes.clone() cities=s.shared.cities.clone() drawn=map_drawn />
                    <p class="lead">
                        {move || region.as_ref().map(|r| format!("{}{}{}", Msg::Region.text(nav.lang.get()), crate::i18n::colon(nav.lang.get()), r.name.get(nav.lang.get())))}
                        " · GB/T 2260 " {adcode.clone()}
                    </p>
                </div>
                {facts_view}
            </article>
        }
        .into_any()
    })
}

/// Guangdong with the city filled and outlined (the pure `geo::locator`), its accessible name
/// and the same in words below it.
#[component]
pub fn LocatorMap(
    /// The city.
    adcode: String,
    /// City boundaries.
    shapes: Arc<CityShapes>,
    /// Names and regions.
    cities: CityIndex,
    /// Set once the map is drawn.
    drawn: RwSignal<bool>,
) -> impl IntoView {
    let nav = use_nav();
    let plot = NodeRef::<leptos::html::Div>::new();
    let width = container_width(plot);
    // Effects run after the render effects of this update, so the map is in the page by then.
    Effect::new(move |_| {
        if width.get() > 0 && !drawn.get_untracked() {
            drawn.set(true);
        }
    });
    let theme = page_theme();
    let cities = StoredValue::new(cities);
    let code = adcode.clone();
    let text = move || {
        let lang = nav.lang.get();
        cities
            .with_value(|c| locator_text(&code, c, lang))
            .unwrap_or_default()
    };
    let code = adcode.clone();
    let svg = move || {
        let w = width.get().min(LOCATOR_MAX_PX);
        if w == 0 {
            return String::new();
        }
        let lang = nav.lang.get();
        let Some(style) = cities.with_value(|c| locator_style(&code, c, lang, theme)) else {
            return String::new();
        };
        // plotters escapes every text it writes, so its SVG is safe as markup.
        map_to_svg(&MapLayout::locator(&shapes, w), &style)
    };
    let label = text.clone();
    view! {
        <figure class="locator" data-testid="locator-map" data-adcode=adcode>
            <div class="locator__plot" node_ref=plot role="img"
                aria-label=move || format!("{}: {}", Msg::LocatorMap.text(nav.lang.get()), label())
                data-chart-ready=move || (width.get() > 0).then_some("true")
                inner_html=svg></div>
            <figcaption class="locator__text">{text}</figcaption>
        </figure>
    }
}
