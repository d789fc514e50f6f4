//! Area page: one action area (or the overall goals) — targets, milestones and key tasks.

use leptos::prelude::*;

use crate::data::{AreaFile, CityIndex, DepartmentIndex, Indicator, MentionKind, Task};
use crate::format;
use crate::i18n::Msg;
use crate::route::Route;
use crate::view::chart::TargetChartView;
use crate::view::components::{Link, Provenance};
use crate::view::nav::use_nav;
use crate::view::pages::{area_resource, render_loaded};

/// The page of one area, by slug.
#[component]
pub fn AreaPage(
    /// The area's slug from the URL.
    slug: String,
) -> impl IntoView {
    let nav = use_nav();
    let data = area_resource(slug);
    // A link to `…#<task id>` arrives before the tasks exist: scroll once they are drawn.
    Effect::new(move |_| {
        if data.get().is_some_and(|d| d.is_ok()) {
            request_animation_frame(|| {
                let hash = window().location().hash().unwrap_or_default();
                let id = hash.trim_start_matches('#');
                if let Some(el) = (!id.is_empty())
                    .then(|| document().get_element_by_id(id))
                    .flatten()
                {
                    el.scroll_into_view();
                }
            });
        }
    });
    render_loaded(data, move |(shared, area)| {
        let Some(area) = area else {
            return view! { <NotFound /> }.into_any();
        };
        let Some(summary) = shared
            .index
            .areas
            .iter()
            .find(|a| a.slug == area.slug)
            .cloned()
        else {
            return view! { <NotFound /> }.into_any();
        };
        let name = summary.name.clone();
        let description = summary.description.clone();
        let departments = shared.departments.clone();
        let cities = shared.cities.clone();
        let (map_area, map_cities) = (area.clone(), shared.cities.clone());
        let tasks = area.tasks.clone();
        let milestones = area.milestones.clone();
        view! {
            <article class="area" data-area=area.slug.clone()>
                <h1>{move || name.get(nav.lang.get()).to_owned()}</h1>
                <p class="lead">{move || description.get(nav.lang.get()).to_owned()}</p>
                <section aria-labelledby="targets-h">
                    <h2 id="targets-h">{move || Msg::Targets.text(nav.lang.get())}</h2>
                    <IndicatorList area=area.clone() context=(summary.name.clone(), section_of(summary.number)) />
                </section>
                <section aria-labelledby="milestones-h">
                    <h2 id="milestones-h">{move || Msg::Milestones.text(nav.lang.get())}</h2>
                    <ul class="milestones">
                        {milestones.into_iter().map(|m| {
                            let text = m.text.clone();
                            view! {
                                <li>
                                    <span class="year">{m.year}</span>" "
                                    <Provenance label=format!("{}", m.year) quote=m.quote.clone() paragraph=m.paragraph.clone() />
                                    " "{move || text.get(nav.lang.get()).to_owned()}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
                // Plain options, not <Show>: the conditions never change (and each <Show> is
                // its own generic component in the Wasm; issue #15).
                {(summary.counts.cities > 0).then(|| view! {
                    <section aria-labelledby="map-h">
                        <h2 id="map-h">{move || Msg::NavMap.text(nav.lang.get())}</h2>
                        {area_map(map_area.clone(), map_cities.clone())}
                    </section>
                })}
                {(!tasks.is_empty()).then(|| view! {
                    <section aria-labelledby="tasks-h">
                        <h2 id="tasks-h">{move || Msg::Tasks.text(nav.lang.get())}</h2>
                        {tasks.clone().into_iter().map(|t| view! {
                            <TaskView task=t departments=departments.clone() cities=cities.clone() />
                        }).collect_view()}
                    </section>
                })}
            </article>
        }
        .into_any()
    })
}

/// Draws an area's map of the cities its tasks name (`pages::map::AreaMap`). Provided by the full
/// app ([`crate::view::App`]); the single-figure app (`src/bin/view.rs`) leaves it out, so that its
/// Wasm carries no map: there the section links to the area's layer of the map in the full app.
#[derive(Clone, Copy)]
pub struct AreaMapFigure(pub fn(AreaFile, CityIndex) -> AnyView);

fn area_map(area: AreaFile, cities: CityIndex) -> AnyView {
    if let Some(AreaMapFigure(draw)) = use_context::<AreaMapFigure>() {
        return draw(area, cities);
    }
    let nav = use_nav();
    let to = Route::Map(crate::route::MapLayer::AreaTasks(area.slug));
    view! { <p><Link to>{move || Msg::AreaMapLink.text(nav.lang.get())}</Link></p> }.into_any()
}

/// The targets of an area, one row per indicator, each value opening its source sentence.
#[component]
pub fn IndicatorList(
    /// The area.
    area: AreaFile,
    /// The area's name and plan section (for chart downloads and citations).
    #[prop(optional)]
    context: Option<(crate::data::Bilingual, String)>,
) -> impl IntoView {
    let nav = use_nav();
    let indicators = area.indicators.clone();
    let slug = area.slug.clone();
    view! {
        {move || {
            let lang = nav.lang.get();
            crate::chart::target_bars::charts_for(&slug, &indicators, lang)
                .into_iter()
                .enumerate()
                .map(|(i, chart)| {
                    let summary = chart
                        .rows
                        .iter()
                        .filter_map(|r| indicators.iter().find(|i| i.id == r.indicator_id))
                        .map(|i| crate::chart::summary::indicator_sentence(i, lang))
                        .collect();
                    let title = crate::chart::target_bars::targets_caption(&chart, lang);
                    let export = context.clone().map(|(area_name, section)| crate::view::chart::ChartExport {
                        indicators: indicators.clone(),
                        area_name,
                        section,
                        figure: crate::route::Figure::AreaChart {
                            area: slug.clone(),
                            n: u8::try_from(i + 1).unwrap_or(u8::MAX),
                        },
                    });
                    match export {
                        Some(export) => view! { <TargetChartView chart title summary export /> }.into_any(),
                        None => view! { <TargetChartView chart title summary /> }.into_any(),
                    }
                })
                .collect_view()
        }}
        <ul class="indicators">
            {area.indicators.into_iter().map(|ind| view! { <IndicatorRow ind /> }).collect_view()}
        </ul>
    }
}

#[component]
fn IndicatorRow(ind: Indicator) -> impl IntoView {
    let nav = use_nav();
    let name = ind.name.clone();
    let note = ind.note.clone();
    let unit = ind.unit.clone();
    view! {
        <li class="indicator" data-indicator=ind.id.clone()>
            <Link to=Route::Indicator(ind.id.clone()) class="indicator__name">{move || name.get(nav.lang.get()).to_owned()}</Link>
            <span class="indicator__targets">
                {ind.targets.into_iter().map(|t| {
                    let unit = unit.clone();
                    view! {
                        <span class="target" data-target=t.id.clone() data-year=t.year>
                            <span class="target__year">{t.year}</span>" "
                            {move || view! {
                                <Provenance
                                    label=format::target(t.value, &unit, t.comparator, nav.lang.get())
                                    quote=t.quote.clone()
                                    paragraph=t.paragraph.clone()
                                />
                            }}
                        </span>
                    }
                }).collect_view()}
            </span>
            {note.map(|n| view! {
                <p class="indicator__note"><strong>{move || Msg::Note.text(nav.lang.get())}{move || crate::i18n::colon(nav.lang.get())}</strong>{move || n.get(nav.lang.get()).to_owned()}</p>
            })}
        </li>
    }
}

/// One key task: heading, text (original or unofficial translation), departments and cities.
#[component]
pub fn TaskView(
    /// The task.
    task: Task,
    /// All departments, to name the task's.
    departments: DepartmentIndex,
    /// All cities, to name the task's.
    cities: CityIndex,
) -> impl IntoView {
    let nav = use_nav();
    let heading = task.heading.clone();
    let text = task.text.clone();
    let paragraph_id = task.paragraph.clone();
    let depts: Vec<_> = task
        .departments
        .iter()
        .filter_map(|id| {
            departments
                .departments
                .iter()
                .find(|d| &d.id == id)
                .cloned()
        })
        .collect();
    let named: Vec<_> = task
        .cities
        .iter()
        .filter_map(|m| {
            cities
                .cities
                .iter()
                .find(|c| c.adcode == m.adcode)
                .map(|c| (c.clone(), m.clone()))
        })
        .collect();
    view! {
        <article class="task" id=task.id.clone() data-task=task.id.clone()>
            <h3>{move || heading.get(nav.lang.get()).to_owned()}</h3>
            <p class="task__source">
                <Link to=Route::Plan(Some(task.paragraph.clone())) class="provenance__link">
                    {move || format!("{} §{}", Msg::Source.text(nav.lang.get()), paragraph_id)}
                </Link>
            </p>
            <p lang=move || nav.lang.get().code()>{move || text.get(nav.lang.get()).to_owned()}</p>
            {move || (nav.lang.get() == crate::i18n::Lang::En).then(|| view! {
                <p class="unofficial">{Msg::Unofficial.text(crate::i18n::Lang::En)}</p>
            })}
            <p class="task__meta">
                <strong>{move || Msg::ResponsibleDepartments.text(nav.lang.get())}{move || crate::i18n::colon(nav.lang.get())}</strong>
                {depts.into_iter().map(|d| {
                    let (zh, en) = (d.zh.clone(), d.en.clone());
                    view! {
                        <Link to=Route::Department(d.id.clone()) class="chip">
                            {move || if nav.lang.get() == crate::i18n::Lang::Zh { zh.clone() } else { en.clone() }}
                        </Link>
                    }
                }).collect_view()}
            </p>
            {(!named.is_empty()).then(|| view! {
                <p class="task__meta">
                    <strong>{move || Msg::NamedCities.text(nav.lang.get())}{move || crate::i18n::colon(nav.lang.get())}</strong>
                    {named.clone().into_iter().map(|(city, mention)| {
                        let name = city.name.clone();
                        let institution = mention.kind == MentionKind::Institution;
                        let as_written = mention.as_written.clone();
                        view! {
                            <span class="chip" data-adcode=city.adcode.clone()>
                                {move || name.get(nav.lang.get()).to_owned()}
                                {institution.then(|| view! {
                                    <small>" ("{move || Msg::InstitutionMention.text(nav.lang.get())}": "{as_written.clone()}")"</small>
                                })}
                            </span>
                        }
                    }).collect_view()}
                </p>
            })}
        </article>
    }
}

/// Shown for an id that is not in the data.
#[component]
pub fn NotFound() -> impl IntoView {
    let nav = use_nav();
    view! {
        <div class="notice" role="status">
            <h1>{move || Msg::NotFound.text(nav.lang.get())}</h1>
            <Link to=Route::Home>{move || Msg::BackHome.text(nav.lang.get())}</Link>
        </div>
    }
}

/// The plan section of an area: the overall goals are 1.2, action area N is 2.N.
pub fn section_of(number: u8) -> String {
    if number == 0 {
        "1.2".to_owned()
    } else {
        format!("2.{number}")
    }
}
