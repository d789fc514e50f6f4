//! Map page: the 21 cities coloured by a layer (tasks in all or one area, regions, a programme);
//! selecting a city lists what the plan says about it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::{AreaFile, CityIndex, LoadError, ProgrammeIndex};
use crate::i18n::{Lang, Msg};
use crate::route::{MapLayer, Route};
use crate::view::components::Link;
use crate::view::fetch::fetch_json;
use crate::view::map::{load_shapes, MapView};
use crate::view::nav::use_nav;
use crate::view::pages::area::TaskView;
use crate::view::pages::{load_all_areas, load_shared, render_loaded, Shared};

/// Everything the map needs.
#[derive(Clone)]
pub struct MapData {
    /// Shared files.
    pub shared: Shared,
    /// Every area file.
    pub areas: Arc<Vec<AreaFile>>,
    /// Named programmes.
    pub programmes: ProgrammeIndex,
    /// City boundaries.
    pub shapes: Arc<crate::geo::CityShapes>,
}

/// Loads the map's data.
pub async fn load_map_data() -> Result<MapData, LoadError> {
    let shared = load_shared().await?;
    let (areas, programmes, shapes) = futures::try_join!(
        load_all_areas(&shared),
        fetch_json::<ProgrammeIndex>("programmes.json"),
        load_shapes(),
    )?;
    Ok(MapData {
        shared,
        areas: Arc::new(areas),
        programmes,
        shapes,
    })
}

/// The map page.
#[component]
pub fn MapPage(
    /// Layer from the URL.
    layer: MapLayer,
) -> impl IntoView {
    let nav = use_nav();
    let data = LocalResource::new(load_map_data);
    let selected = RwSignal::new(None::<String>);
    view! {
        <h1>{move || Msg::NavMap.text(nav.lang.get())}</h1>
        {render_loaded(data, move |d: MapData| {
            let layer = layer.clone();
            view! {
                <LayerPicker current=layer.clone() index=d.shared.index.clone() programmes=d.programmes.clone() />
                <MapView
                    layer
                    shapes=d.shapes.clone()
                    cities=d.shared.cities.clone()
                    areas=d.areas.clone()
                    programmes=d.programmes.clone()
                    selected
                />
                <CitySelection selected data=d.clone() />
            }
        })}
    }
}

/// Links to the layers (links, so each layer has its own URL and works by keyboard).
#[component]
fn LayerPicker(
    current: MapLayer,
    index: crate::data::AreaIndex,
    programmes: ProgrammeIndex,
) -> impl IntoView {
    let nav = use_nav();
    let option = move |layer: MapLayer, label: String| {
        let is_current = layer == current;
        view! {
            <li>
                <Link to=Route::Map(layer) class=if is_current { "chip chip--current" } else { "chip" }>
                    {label}
                </Link>
            </li>
        }
    };
    move || {
        let lang = nav.lang.get();
        let mut items = vec![
            option(
                MapLayer::AllTasks,
                format!(
                    "{}{}{}",
                    Msg::LayerTasks.text(lang),
                    crate::i18n::colon(lang),
                    Msg::AllAreas.text(lang)
                ),
            ),
            option(MapLayer::Regions, Msg::LayerRegions.text(lang).to_owned()),
        ];
        for a in index.areas.iter().filter(|a| a.counts.cities > 0) {
            items.push(option(
                MapLayer::AreaTasks(a.slug.clone()),
                format!(
                    "{}{}{}",
                    Msg::LayerTasks.text(lang),
                    crate::i18n::colon(lang),
                    a.name.get(lang)
                ),
            ));
        }
        for p in &programmes.programmes {
            items.push(option(
                MapLayer::Programme(p.id.clone()),
                p.name.get(lang).to_owned(),
            ));
        }
        view! {
            <nav aria-label=Msg::MapLayerLabel.text(lang)>
                <ul class="layer-picker">{items}</ul>
            </nav>
        }
    }
}

/// What the plan says about the selected city: its programmes and the tasks that name it.
#[component]
pub fn CitySelection(selected: RwSignal<Option<String>>, data: MapData) -> impl IntoView {
    let nav = use_nav();
    move || {
        let code = selected.get()?;
        let city = data
            .shared
            .cities
            .cities
            .iter()
            .find(|c| c.adcode == code)?
            .clone();
        let lang = nav.lang.get();
        let marker = code.clone();
        let link = code.clone();
        Some(view! {
            <section class="city-selection" data-selected=marker aria-live="polite">
                <h2>{city.name.get(lang).to_owned()}</h2>
                <p><Link to=Route::City(link)>{Msg::SeeCityPage.text(lang)}</Link></p>
                <CityFacts adcode=code data=data.clone() lang />
            </section>
        })
    }
}

/// A city's programmes (with their quotes) and the tasks naming it, grouped by area.
#[component]
pub fn CityFacts(adcode: String, data: MapData, lang: Lang) -> impl IntoView {
    let programmes: Vec<_> = data
        .programmes
        .programmes
        .iter()
        .filter(|p| p.cities.contains(&adcode))
        .cloned()
        .collect();
    let groups: Vec<_> = data
        .areas
        .iter()
        .filter_map(|a| {
            let tasks: Vec<_> = a
                .tasks
                .iter()
                .filter(|t| t.cities.iter().any(|m| m.adcode == adcode))
                .cloned()
                .collect();
            let summary = data
                .shared
                .index
                .areas
                .iter()
                .find(|s| s.slug == a.slug)?
                .clone();
            (!tasks.is_empty()).then_some((summary, tasks))
        })
        .collect();
    let departments = data.shared.departments.clone();
    let cities = data.shared.cities.clone();
    let task_total: usize = groups.iter().map(|(_, t)| t.len()).sum();
    let area_index = groups
        .iter()
        .map(|(summary, tasks)| {
            let (slug, name, n) = (summary.slug.clone(), summary.name.get(lang).to_owned(), tasks.len());
            view! { <li><Link to=Route::Area(slug)>{name}</Link>": "<span class="count">{n}</span></li> }
        })
        .collect_view();
    let summary = crate::i18n::city_summary(task_total, groups.len(), programmes.len(), lang);
    view! {
        <p class="city__summary" data-testid="city-summary">{summary}</p>
        <h3>{Msg::Programmes.text(lang)}</h3>
        <ul class="programmes">
            {programmes.into_iter().map(|p| view! {
                <li data-programme=p.id.clone()>
                    <Link to=Route::Map(MapLayer::Programme(p.id.clone()))><strong>{p.name.get(lang).to_owned()}</strong></Link>" "
                    <q lang="zh-CN">{p.quote.clone()}</q>" "
                    <Link to=Route::Plan(Some(p.paragraph.clone()))>{format!("§{}", p.paragraph)}</Link>
                </li>
            }).collect_view()}
        </ul>
        <h3>{Msg::CityAreas.text(lang)}</h3>
        <ul class="city__areas">
            {area_index}
        </ul>
        {groups.into_iter().map(|(summary, tasks)| view! {
            <section class="city__area" data-area=summary.slug.clone()>
                <h4><Link to=Route::Area(summary.slug.clone())>{summary.name.get(lang).to_owned()}</Link></h4>
                {tasks.into_iter().map(|t| view! { <TaskView task=t departments=departments.clone() cities=cities.clone() /> }).collect_view()}
            </section>
        }).collect_view()}
        <p class="lead">{Msg::NoTargetNamesCity.text(lang)}</p>
    }
}

/// A map of one area's cities, for the area page.
#[component]
pub fn AreaMap(area: AreaFile, cities: CityIndex) -> impl IntoView {
    let shapes = LocalResource::new(load_shapes);
    let selected = RwSignal::new(None::<String>);
    let slug = area.slug.clone();
    let areas = Arc::new(vec![area]);
    let nav = use_nav();
    render_loaded(shapes, move |shapes| {
        let slug = slug.clone();
        view! {
            <MapView
                layer=MapLayer::AreaTasks(slug.clone())
                shapes
                cities=cities.clone()
                areas=areas.clone()
                programmes=ProgrammeIndex { programmes: vec![] }
                selected
            />
            {move || selected.get().map(|code| view! {
                <p><Link to=Route::City(code.clone())>{move || Msg::SeeCityPage.text(nav.lang.get())}</Link></p>
            })}
        }
    })
}
