//! Home: the plan at a glance — what it is, its totals, a city finder — and the areas with their counts.

use leptos::prelude::*;

use crate::data::glance::glance;
use crate::data::{AreaSummary, CityIndex, Meta};
use crate::i18n::{area_count_items, glance_items, plan_lead, Lang, Msg};
use crate::route::Route;
use crate::view::components::Link;
use crate::view::fetch::fetch_json;
use crate::view::nav::use_nav;
use crate::view::pages::{load_shared, render_loaded, Shared};

/// The home page: a header with the plan at a glance (what it is, its totals, a city finder and
/// the search box), then one card per area. The charts, the map and the tasks live on the area,
/// map and city pages, so home stays short and needs only the small shared files.
#[component]
pub fn HomePage() -> impl IntoView {
    let nav = use_nav();
    let data = LocalResource::new(load_shared);
    let meta = LocalResource::new(|| fetch_json::<Meta>("meta.json"));
    view! {
        <header class="glance" aria-labelledby="home-h">
            <h1 id="home-h">{move || Msg::SiteTitle.text(nav.lang.get())}</h1>
            {move || meta.get().and_then(Result::ok).map(|m| view! {
                <p class="lead glance__lead" data-testid="plan-lead">{plan_lead(&m, nav.lang.get())}</p>
            })}
            {render_loaded(data, move |shared: Shared| {
                let g = glance(&shared.index, &shared.departments, &shared.cities);
                let cities = shared.cities.clone();
                view! {
                    <h2 class="visually-hidden">{move || Msg::AtAGlance.text(nav.lang.get())}</h2>
                    <ul class="glance__counts" data-testid="glance-counts">
                        {move || glance_items(&g, nav.lang.get()).into_iter().map(|(key, n, label)| view! {
                            <li data-count=key><span class="glance__n">{n}</span>" "<span class="glance__label">{label}</span></li>
                        }).collect_view()}
                    </ul>
                    <CityFinder cities />
                }
            })}
            <SearchBox />
        </header>
        {render_loaded(data, move |shared: Shared| {
            let (overall, actions): (Vec<_>, Vec<_>) =
                shared.index.areas.clone().into_iter().partition(|a| a.number == 0);
            view! {
                <section aria-labelledby="areas-h">
                    <h2 id="areas-h">{move || Msg::ActionAreas.text(nav.lang.get())}</h2>
                    <ol class="area-cards" data-testid="area-list">
                        {actions.into_iter().map(|a| view! { <li><AreaCard area=a /></li> }).collect_view()}
                    </ol>
                </section>
                <section aria-labelledby="overall-h">
                    <h2 id="overall-h">{move || Msg::OverallGoals.text(nav.lang.get())}</h2>
                    {overall.into_iter().map(|a| view! { <AreaCard area=a /> }).collect_view()}
                </section>
            }
        })}
    }
}

/// Goes to a city's page: a list of the cities and a button (a form, so Enter works too).
#[component]
fn CityFinder(
    /// The cities to offer.
    cities: CityIndex,
) -> impl IntoView {
    let nav = use_nav();
    let select = NodeRef::<leptos::html::Select>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = select
            .get_untracked()
            .map(|s| s.value())
            .unwrap_or_default();
        if !code.is_empty() {
            nav.go(Route::City(code));
        }
    };
    view! {
        <form class="city-finder" data-testid="city-finder" on:submit=on_submit>
            <label for="city-finder">{move || Msg::CityFinder.text(nav.lang.get())}</label>
            <select id="city-finder" name="city" class="city-finder__select" node_ref=select>
                <option value="">{move || Msg::CityFinderChoose.text(nav.lang.get())}</option>
                {cities.cities.into_iter().map(|c| {
                    let name = c.name.clone();
                    view! { <option value=c.adcode.clone()>{move || name.get(nav.lang.get()).to_owned()}</option> }
                }).collect_view()}
            </select>
            <button type="submit" class="button">{move || Msg::CityFinderGo.text(nav.lang.get())}</button>
        </form>
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
        area_count_items(&counts, lang)
            .into_iter()
            .map(|(n, label)| view! { <li><span class="count">{n}</span>" "{label}</li> })
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
            <p class="area-card__desc">{move || description.get(nav.lang.get()).to_owned()}</p>
            <ul class="counts">{move || count_line(nav.lang.get())}</ul>
        </article>
    }
}
