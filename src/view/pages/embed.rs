//! The embed view (`embed.html?view=embed&fig=…`): one figure, its title, the source line and a
//! link back to the full view — nothing else. It loads only the files that figure needs, follows
//! the URL's language and colour scheme, and reports its height to the host page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::heatmap::HeatmapData;
use crate::chart::summary::indicator_sentence;
use crate::chart::target_bars::{area_chart_title, charts_for, indicator_chart_title};
use crate::data::AreaFile;
use crate::i18n::Msg;
use crate::route::{Embed, Figure, Scheme};
use crate::view::chart::TargetChartView;
use crate::view::embed::{report_height_to_host, Embedded};
use crate::view::heatmap::HeatmapView;
use crate::view::map::MapView;
use crate::view::nav::use_nav;
use crate::view::pages::area::NotFound;
use crate::view::pages::map::{load_map_data, MapData};
use crate::view::pages::{
    area_resource, indicator_area_slug, load_all_areas, load_shared, render_loaded, Shared,
};

/// The whole page of an embed view (no header, navigation or footer).
#[component]
pub fn EmbedPage(
    /// The figure and colour scheme from the URL.
    embed: Embed,
    /// Draws the figure: [`any_figure`] in the full app, [`chart_figure`] in the single-figure one.
    figure: fn(Figure) -> AnyView,
) -> impl IntoView {
    let nav = use_nav();
    provide_context(Embedded);
    mark_document(embed.scheme);
    report_height_to_host();
    let back = embed.figure.full_view();
    let figure = figure(embed.figure);
    view! {
        <main class="embed-view" id="main">
            {figure}
            <p class="embed__source">
                <span>{move || Msg::EmbedSource.text(nav.lang.get())}</span>
                " · "
                // `./` is the directory of embed.html, where index.html serves the full app.
                <a href=move || format!("./{}", back.href(nav.lang.get())) target="_blank" rel="noopener">
                    {move || Msg::EmbedOpenFull.text(nav.lang.get())}
                </a>
            </p>
        </main>
    }
}

/// Any embeddable figure (the full app).
pub fn any_figure(figure: Figure) -> AnyView {
    match figure {
        Figure::Heatmap => HeatmapFigure().into_any(),
        Figure::Map(layer) => {
            let data = LocalResource::new(load_map_data);
            let selected = RwSignal::new(None::<String>);
            render_loaded(data, move |d: MapData| {
                view! {
                    <MapView
                        layer=layer.clone()
                        shapes=d.shapes.clone()
                        cities=d.shared.cities.clone()
                        areas=d.areas.clone()
                        programmes=d.programmes.clone()
                        selected
                    />
                }
            })
            .into_any()
        }
        chart => chart_figure(chart),
    }
}

/// An area's or an indicator's chart (the single-figure app). `embed.html` loads the full app for
/// the map and the heatmap (its boot script reads `fig=`); should one reach this bundle anyway,
/// the embed shows just its link to the full view, below.
pub fn chart_figure(figure: Figure) -> AnyView {
    match figure {
        Figure::AreaChart { area, n } => view! { <AreaChartFigure area n /> }.into_any(),
        Figure::IndicatorChart(id) => view! { <IndicatorFigure id /> }.into_any(),
        Figure::Heatmap | Figure::Map(_) => ().into_any(),
    }
}

/// Marks `<html>` as an embed (layout without page chrome) and applies the URL's colour scheme.
fn mark_document(scheme: Option<Scheme>) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = root.class_list().add_1("embed");
    if let Some(scheme) = scheme {
        let _ = root.set_attribute("data-theme", scheme.param());
    }
}

/// The `n`-th target chart of an area; loads the shared index files and that area's file only.
#[component]
fn AreaChartFigure(area: String, n: u8) -> impl IntoView {
    let nav = use_nav();
    let data = area_resource(area.clone());
    render_loaded(data, move |(shared, file): (Shared, Option<AreaFile>)| {
        let (Some(file), Some(summary)) = (file, shared.summary(&area)) else {
            return view! { <NotFound /> }.into_any();
        };
        let index = usize::from(n).saturating_sub(1);
        (move || {
            let lang = nav.lang.get();
            let Some(chart) = charts_for(&file.slug, &file.indicators, lang)
                .into_iter()
                .nth(index)
            else {
                return view! { <NotFound /> }.into_any();
            };
            let summary_lines = chart
                .rows
                .iter()
                .filter_map(|r| file.indicators.iter().find(|i| i.id == r.indicator_id))
                .map(|i| indicator_sentence(i, lang))
                .collect();
            let title = area_chart_title(summary.name.get(lang), &chart, lang);
            document().set_title(&title);
            view! { <TargetChartView chart title summary=summary_lines /> }.into_any()
        })
        .into_any()
    })
}

/// The chart of one indicator; loads the shared index files and its area's file only.
#[component]
fn IndicatorFigure(id: String) -> impl IntoView {
    let nav = use_nav();
    let wanted = id.clone();
    let data = area_resource(indicator_area_slug(&id));
    render_loaded(data, move |(_, file): (Shared, Option<AreaFile>)| {
        let Some(ind) = file.and_then(|f| f.indicators.into_iter().find(|i| i.id == wanted)) else {
            return view! { <NotFound /> }.into_any();
        };
        let slug = ind.id.split('.').next().unwrap_or_default().to_owned();
        (move || {
            let lang = nav.lang.get();
            charts_for(&slug, std::slice::from_ref(&ind), lang)
                .into_iter()
                .map(|chart| {
                    let title = indicator_chart_title(ind.name.get(lang), &chart);
                    document().set_title(&title);
                    let summary = vec![indicator_sentence(&ind, lang)];
                    view! { <TargetChartView chart title summary /> }
                })
                .collect_view()
        })
        .into_any()
    })
}

/// The departments × areas heatmap; loads the index files and every area file (its data).
#[component]
fn HeatmapFigure() -> impl IntoView {
    let nav = use_nav();
    let data = LocalResource::new(|| async {
        let shared = load_shared().await?;
        let areas = load_all_areas(&shared).await?;
        Ok((shared, Arc::new(areas)))
    });
    render_loaded(data, move |(shared, areas)| {
        move || {
            let lang = nav.lang.get();
            document().set_title(Msg::DepartmentsHeatmap.text(lang));
            let data = HeatmapData::from(&shared.index, &areas, &shared.departments, lang);
            view! { <HeatmapView data /> }
        }
    })
}
