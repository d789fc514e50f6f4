//! Indicator page: one indicator with its targets, their quotes, notes, and its area.

use leptos::prelude::*;

use crate::chart::summary::indicator_sentence;
use crate::chart::target_bars::charts_for;
use crate::export::safe_url;
use crate::format;
use crate::i18n::Msg;
use crate::route::Route;
use crate::view::chart::TargetChartView;
use crate::view::components::{Link, Provenance};
use crate::view::nav::use_nav;
use crate::view::pages::area::NotFound;
use crate::view::pages::{area_resource, indicator_area_slug, render_loaded};

/// The page of one indicator, by id (`<area>.<name>`).
#[component]
pub fn IndicatorPage(
    /// The indicator id from the URL.
    id: String,
) -> impl IntoView {
    let nav = use_nav();
    let wanted = id.clone();
    let data = area_resource(indicator_area_slug(&id));
    render_loaded(data, move |(shared, area)| {
        let summary = shared.summary(&indicator_area_slug(&wanted));
        let tasks: Vec<_> = area.as_ref().map(|a| a.tasks.clone()).unwrap_or_default();
        let found = area.and_then(|a| a.indicators.into_iter().find(|i| i.id == wanted));
        let (Some(ind), Some(summary)) = (found, summary) else {
            return view! { <NotFound /> }.into_any();
        };
        let name = ind.name.clone();
        let area_name = summary.name.clone();
        let unit = ind.unit.clone();
        let note = ind.note.clone();
        let slug_for_tasks = summary.slug.clone();
        let area_name_for_export = summary.name.clone();
        let area_number = summary.number;
        let has_no_tasks = tasks.is_empty();
        view! {
            <article class="indicator-page" data-indicator=ind.id.clone()>
                <p class="breadcrumb">
                    <Link to=Route::Area(summary.slug.clone())>{move || area_name.get(nav.lang.get()).to_owned()}</Link>
                </p>
                <h1>{move || name.get(nav.lang.get()).to_owned()}</h1>
                {note.map(|n| view! {
                    <p class="indicator__note"><strong>{move || Msg::Note.text(nav.lang.get())}{move || crate::i18n::colon(nav.lang.get())}</strong>{move || n.get(nav.lang.get()).to_owned()}</p>
                })}
                {
                    let ind = ind.clone();
                    let slug = summary.slug.clone();
                    move || {
                        let lang = nav.lang.get();
                        charts_for(&slug, std::slice::from_ref(&ind), lang)
                            .into_iter()
                            .map(|chart| {
                                let title = crate::chart::target_bars::indicator_chart_title(ind.name.get(lang), &chart);
                                let summary = vec![indicator_sentence(&ind, lang)];
                                let export = crate::view::chart::ChartExport {
                                    indicators: vec![ind.clone()],
                                    area_name: area_name_for_export.clone(),
                                    section: crate::view::pages::area::section_of(area_number),
                                    figure: crate::route::Figure::IndicatorChart(ind.id.clone()),
                                };
                                view! { <TargetChartView chart title summary export /> }
                            })
                            .collect_view()
                    }
                }
                <table class="data-table">
                    <thead><tr>
                        <th scope="col">{move || Msg::Year.text(nav.lang.get())}</th>
                        <th scope="col">{move || Msg::Value.text(nav.lang.get())}</th>
                        <th scope="col">{move || Msg::Source.text(nav.lang.get())}</th>
                    </tr></thead>
                    <tbody>
                        {ind.targets.into_iter().map(|t| {
                            let unit = unit.clone();
                            let quote = t.quote.clone();
                            view! {
                                <tr data-target=t.id.clone()>
                                    <th scope="row">{t.year}</th>
                                    <td>{move || view! {
                                        <Provenance label=format::target(t.value, &unit, t.comparator, nav.lang.get()) quote=t.quote.clone() paragraph=t.paragraph.clone() />
                                    }}</td>
                                    <td><q lang="zh-CN">{quote}</q></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <h2 class:visually-hidden=has_no_tasks>{move || Msg::Tasks.text(nav.lang.get())}</h2>
                <ul class="related-tasks">
                    {tasks.into_iter().map(|t| {
                        let heading = t.heading.clone();
                        let route = Route::Area(slug_for_tasks.clone());
                        let href = move || safe_url(&format!("{}#{}", route.href(nav.lang.get()), t.id));
                        view! { <li><a href=href>{move || heading.get(nav.lang.get()).to_owned()}</a></li> }
                    }).collect_view()}
                </ul>
            </article>
        }
        .into_any()
    })
}
