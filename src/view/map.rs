//! The map in the page: plotters SVG of the 21 cities sized to its container, hover and keyboard
//! tooltips, click or Enter to select a city, and a table of the cities as the accessible alternative.

use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::hex;
use crate::data::{AreaFile, CityIndex, ProgrammeIndex};
use crate::export::{map_layer_csv, map_layer_json};
use crate::geo::layers::layer_view;
use crate::geo::{highlight_path, map_export_svg, map_to_svg, CityShapes, MapLayout};
use crate::i18n::Msg;
use crate::route::Figure;
use crate::route::{MapLayer, Route};
use crate::view::actions::{figure_citation, with_meta, ChartActions, Make};
use crate::view::chart::EMBED_CHROME_PX;
use crate::view::components::Link;
use crate::view::embed::{EmbedOffer, FIXED_WIDTH_PX};
use crate::view::fetch::fetch_parsed;
use crate::view::figure::{container_width, page_theme};
use crate::view::highlight::{HighlightOverlay, Stroke};
use crate::view::nav::use_nav;

/// File of the boundaries, relative to the data base URL.
pub const GEO_FILE: &str = "geo/guangdong-cities.geojson";

/// Downloads and parses the city boundaries.
pub async fn load_shapes() -> Result<Arc<CityShapes>, crate::data::LoadError> {
    fetch_parsed(GEO_FILE, |text| CityShapes::parse(GEO_FILE, text))
        .await
        .map(Arc::new)
}

/// The map of one layer. `selected` is set when the reader clicks a city or presses Enter on it.
#[component]
pub fn MapView(
    /// What colours the cities.
    layer: MapLayer,
    /// City boundaries.
    shapes: Arc<CityShapes>,
    /// Names and regions.
    cities: CityIndex,
    /// Area files the task counts come from.
    areas: Arc<Vec<AreaFile>>,
    /// Named programmes.
    programmes: ProgrammeIndex,
    /// The selected city (adcode).
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let nav = use_nav();
    let plot = NodeRef::<leptos::html::Div>::new();
    let layout: RwSignal<Option<Arc<MapLayout>>> = RwSignal::new(None);
    let focused = RwSignal::new(None::<String>);
    let theme = page_theme();
    let width = container_width(plot);
    // The layout projects every ring once per width; hovering only redraws.
    let shapes_for_layout = shapes.clone();
    Effect::new(move |_| {
        let w = width.get();
        if w > 0 {
            layout.set(Some(Arc::new(MapLayout::new(&shapes_for_layout, w))));
        }
    });

    let cities = StoredValue::new(cities);
    let areas = StoredValue::new(areas);
    let programmes = StoredValue::new(programmes);
    let layer = StoredValue::new(layer);
    let view_model = Memo::new(move |_| {
        let lang = nav.lang.get();
        cities.with_value(|c| {
            areas.with_value(|a| {
                programmes.with_value(|p| layer.with_value(|l| layer_view(l, c, a, p, lang, theme)))
            })
        })
    });
    // Drawn once per width, layer and language: a hover or a selection moves only the overlay's
    // outline (view::highlight).
    let svg = move || {
        let Some(l) = layout.get() else {
            return String::new();
        };
        // plotters escapes every text it writes, so its SVG is safe as markup.
        view_model.with(|v| map_to_svg(&l, &v.style))
    };
    let size = Signal::derive(move || {
        layout.with(|l| l.as_ref().map_or((0, 0), |l| (l.width(), l.height())))
    });
    let outline = Memo::new(move |_| {
        let code = focused.get().or_else(|| selected.get())?;
        layout.with(|l| l.as_ref().and_then(|l| highlight_path(l, &code)))
    });
    // A halo in the page colour keeps the outline visible on any fill.
    let stroke = Stroke {
        colour: hex(theme.foreground),
        halo: Some(hex(theme.background)),
    };
    let name_of = move |adcode: &str| {
        let lang = nav.lang.get_untracked();
        cities.with_value(|c| {
            c.cities
                .iter()
                .find(|x| x.adcode == adcode)
                .map(|x| x.name.get(lang).to_owned())
        })
    };
    let tooltip = move || {
        let code = focused.get()?;
        let lang = nav.lang.get();
        let name = cities.with_value(|c| {
            c.cities
                .iter()
                .find(|x| x.adcode == code)
                .map(|x| x.name.get(lang).to_owned())
        })?;
        let value = view_model
            .with(|v| v.value_text.get(&code).cloned())
            .unwrap_or_default();
        Some(format!("{name}{}{value}", crate::i18n::colon(lang)))
    };
    let city_at = move |ev: &leptos::ev::MouseEvent| -> Option<String> {
        let el = plot.get_untracked()?;
        let rect = el.get_bounding_client_rect();
        let (x, y) = (
            f64::from(ev.client_x()) - rect.left(),
            f64::from(ev.client_y()) - rect.top(),
        );
        layout.with_untracked(|l| l.as_ref().and_then(|l| l.city_at(x, y).map(str::to_owned)))
    };
    let order: Vec<String> =
        cities.with_value(|c| c.cities.iter().map(|x| x.adcode.clone()).collect());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = order.len();
        if n == 0 {
            return;
        }
        let at = focused
            .get_untracked()
            .and_then(|f| order.iter().position(|o| *o == f));
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => at.map_or(0, |i| (i + 1) % n),
            "ArrowLeft" | "ArrowUp" => at.map_or(n - 1, |i| (i + n - 1) % n),
            "Home" => 0,
            "End" => n - 1,
            "Enter" | " " => {
                ev.prevent_default();
                selected.set(focused.get_untracked());
                return;
            }
            "Escape" => {
                focused.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        focused.set(order.get(next).cloned());
    };
    let title = move || view_model.with(|v| v.style.title.clone());
    let embed = EmbedOffer {
        figure: Figure::Map(layer.get_value()),
        title: title(),
        fixed_height: MapLayout::new(&shapes, FIXED_WIDTH_PX).frames.height + EMBED_CHROME_PX,
    };
    let export_shapes = shapes.clone();
    let svg_export: Make = Arc::new(move || {
        let layout = MapLayout::new(&export_shapes, 800);
        map_export_svg(
            &layout,
            &view_model.get_untracked().style,
            nav.lang.get_untracked(),
        )
    });
    let json_export = with_meta(move |meta, url, lang| {
        cities.with_value(|c| map_layer_json(&view_model.get_untracked(), c, meta, url, lang))
    });
    let csv_export: Make = Arc::new(move || {
        let lang = nav.lang.get_untracked();
        cities.with_value(|c| map_layer_csv(&view_model.get_untracked(), c, lang))
    });
    let cite = figure_citation(format!(
        "{} · {}",
        Msg::NavMap.text(nav.lang.get_untracked()),
        title()
    ));
    let rows = move || {
        let lang = nav.lang.get();
        let vm = view_model.get();
        let mut rows: Vec<_> = cities.with_value(|c| {
            c.cities
                .iter()
                .map(|city| {
                    let region = c
                        .regions
                        .iter()
                        .find(|r| r.id == city.region)
                        .map(|r| r.name.get(lang).to_owned());
                    (
                        city.adcode.clone(),
                        city.name.get(lang).to_owned(),
                        region.unwrap_or_default(),
                    )
                })
                .collect()
        });
        crate::sort::sort_by_key(&mut rows, |(code, _, _)| {
            std::cmp::Reverse(vm.value.get(code).copied().unwrap_or(0))
        });
        rows.into_iter()
            .map(|(code, name, region)| {
                let value = vm.value_text.get(&code).cloned().unwrap_or_default();
                view! {
                    <tr data-adcode=code.clone()>
                        <th scope="row"><Link to=Route::City(code.clone())>{name}</Link></th>
                        <td>{region}</td>
                        <td>{value}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="chart map" data-chart="map">
            <figcaption class="chart__title">{title}</figcaption>
            <div class="chart__stage">
            <div
                class="chart__plot"
                node_ref=plot
                role="img"
                tabindex="0"
                aria-label=move || format!("{}. {}", title(), Msg::MapKeys.text(nav.lang.get()))
                data-chart-ready=move || layout.with(|l| l.is_some()).then_some("true")
                inner_html=svg
                on:mousemove=move |ev| focused.set(city_at(&ev))
                on:mouseleave=move |_| focused.set(None)
                on:click=move |ev| {
                    if let Some(code) = city_at(&ev) {
                        selected.set(Some(code));
                    }
                }
                on:keydown=on_key
            ></div>
            <HighlightOverlay size path=outline.into() stroke />
            </div>
            <p class="chart__tooltip" role="status" aria-live="polite">{tooltip}</p>
            <ChartActions stem="gd-plus-map".to_owned() svg=svg_export csv=csv_export json=json_export cite embed />
            <p class="map__selected" aria-live="polite">
                {move || selected.get().and_then(|c| name_of(&c)).map(|n| format!("{}{}{n}", Msg::Selected.text(nav.lang.get()), crate::i18n::colon(nav.lang.get())))}
            </p>
            <details class="chart__table">
                <summary>{move || Msg::ChartTable.text(nav.lang.get())}</summary>
                <table class="data-table" data-testid="map-table">
                    <thead><tr>
                        <th scope="col">{move || Msg::Cities.text(nav.lang.get())}</th>
                        <th scope="col">{move || Msg::Region.text(nav.lang.get())}</th>
                        <th scope="col">{move || Msg::Value.text(nav.lang.get())}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
            <p class="map__attribution">{move || Msg::MapAttribution.text(nav.lang.get())}</p>
        </figure>
    }
}
