//! Home: the plan at a glance — the overall goals and the 13 action areas with their counts.

use leptos::prelude::*;

use crate::data::AreaSummary;
use crate::i18n::{Lang, Msg};
use crate::route::Route;
use crate::view::components::Link;
use crate::view::nav::use_nav;
use crate::view::pages::{load_area, load_shared, render_loaded};

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let nav = use_nav();
    let data = LocalResource::new(|| async {
        let shared = load_shared().await?;
        let overall = load_area(&shared, "overall").await?;
        Ok((shared, overall))
    });
    let map = LocalResource::new(crate::view::pages::map::load_map_data);
    let selected = RwSignal::new(None::<String>);
    view! {
        <h1>{move || crate::i18n::Msg::SiteTitle.text(nav.lang.get())}</h1>
        <SearchBox />
        {render_loaded(data, move |(shared, overall)| {
            let areas = shared.index.areas.clone();
            let (overall_summary, actions): (Vec<_>, Vec<_>) = areas.into_iter().partition(|a| a.number == 0);
            view! {
                <section aria-labelledby="areas-h">
                    <h2 id="areas-h">{move || Msg::ActionAreas.text(nav.lang.get())}</h2>
                    <ol class="area-cards" data-testid="area-list">
                        {actions.into_iter().map(|a| view! { <li><AreaCard area=a /></li> }).collect_view()}
                    </ol>
                </section>
                <section aria-labelledby="overall-h">
                    <h2 id="overall-h">{move || Msg::OverallGoals.text(nav.lang.get())}</h2>
                    {overall_summary.iter().cloned().map(|a| view! { <AreaCard area=a /> }).collect_view()}
                    {overall.map(|o| match overall_summary.first().map(|a| (a.name.clone(), "1.2".to_owned())) {
                        Some(context) => view! { <crate::view::pages::area::IndicatorList area=o context /> }.into_any(),
                        None => view! { <crate::view::pages::area::IndicatorList area=o /> }.into_any(),
                    })}
                </section>
            }
        })}
        <section aria-labelledby="map-h">
            <h2 id="map-h">{move || Msg::NavMap.text(nav.lang.get())}</h2>
            {render_loaded(map, move |d: crate::view::pages::map::MapData| view! {
                <crate::view::map::MapView
                    layer=crate::route::MapLayer::AllTasks
                    shapes=d.shapes.clone()
                    cities=d.shared.cities.clone()
                    areas=d.areas.clone()
                    programmes=d.programmes.clone()
                    selected
                />
                <crate::view::pages::map::CitySelection selected data=d.clone() />
            })}
        </section>
    }
}

/// A search box that opens the search view.
#[component]
fn SearchBox() -> impl IntoView {
    let nav = use_nav();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = input.get_untracked().map(|i| i.value()).unwrap_or_default();
        nav.go(Route::Search(q));
    };
    view! {
        <form role="search" class="home-search" on:submit=on_submit>
            <label for="home-search">{move || Msg::SearchLabel.text(nav.lang.get())}</label>
            <input id="home-search" name="q" type="search" class="search-box" node_ref=input maxlength="100"
                placeholder=move || Msg::SearchPlaceholder.text(nav.lang.get()) />
            <button type="submit" class="button">{move || Msg::NavSearch.text(nav.lang.get())}</button>
        </form>
    }
}

/// A card linking to one area, with its counts.
#[component]
pub fn AreaCard(
    /// The area.
    area: AreaSummary,
) -> impl IntoView {
    let nav = use_nav();
    let counts = area.counts;
    let name = area.name.clone();
    let description = area.description.clone();
    let number = area.number;
    let count_line = move |lang: Lang| {
        [
            (Msg::Targets, counts.targets),
            (Msg::Milestones, counts.milestones),
            (Msg::Tasks, counts.tasks),
            (Msg::Departments, counts.departments),
            (Msg::Cities, counts.cities),
        ]
        .into_iter()
        .map(|(m, n)| view! { <li><span class="count">{n}</span>" "{m.text(lang)}</li> })
        .collect_view()
    };
    view! {
        <article class="area-card" data-area=area.slug.clone()>
            <h3>
                <Link to=Route::Area(area.slug.clone())>
                    {move || {
                        let lang = nav.lang.get();
                        if number == 0 { name.get(lang).to_owned() } else { format!("{number}. {}", name.get(lang)) }
                    }}
                </Link>
            </h3>
            <p>{move || description.get(nav.lang.get()).to_owned()}</p>
            <ul class="counts">{move || count_line(nav.lang.get())}</ul>
        </article>
    }
}
