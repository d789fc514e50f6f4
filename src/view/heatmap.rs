//! The departments × areas heatmap in the page, with hover and keyboard tooltips and a table.

use leptos::prelude::*;

use crate::chart::heatmap::{heatmap_export_svg, heatmap_to_svg, summary, HeatLayout, HeatmapData};
use crate::chart::hex;
use crate::export::{heatmap_csv, heatmap_json};
use crate::i18n::Msg;
use crate::route::Figure;
use crate::view::actions::{figure_citation, with_meta, ChartActions, Make};
use crate::view::chart::EMBED_CHROME_PX;
use crate::view::embed::{EmbedOffer, FIXED_WIDTH_PX};
use crate::view::figure::{container_width, page_theme};
use crate::view::highlight::{HighlightOverlay, Stroke};
use crate::view::nav::use_nav;

/// The heatmap of one language's [`HeatmapData`].
#[component]
pub fn HeatmapView(
    /// What to draw.
    data: HeatmapData,
) -> impl IntoView {
    let nav = use_nav();
    let plot = NodeRef::<leptos::html::Div>::new();
    let width = container_width(plot);
    let cell = RwSignal::new(None::<(usize, usize)>);
    let theme = page_theme();

    let text = summary(&data, data.lang);
    let export_data = std::sync::Arc::new(data.clone());
    let (d1, d2, d3) = (export_data.clone(), export_data.clone(), export_data);
    let export_title = Msg::DepartmentsHeatmap
        .text(nav.lang.get_untracked())
        .to_owned();
    let svg_export: Make =
        std::sync::Arc::new(move || heatmap_export_svg(&d1, 800, theme, &export_title));
    let csv_export: Make = std::sync::Arc::new(move || heatmap_csv(&d2));
    let json_export = with_meta(move |meta, url, _| heatmap_json(&d3, meta, url));
    let cite = figure_citation(
        Msg::DepartmentsHeatmap
            .text(nav.lang.get_untracked())
            .to_owned(),
    );
    let embed = EmbedOffer {
        figure: Figure::Heatmap,
        title: Msg::DepartmentsHeatmap
            .text(nav.lang.get_untracked())
            .to_owned(),
        fixed_height: HeatLayout::new(&data, FIXED_WIDTH_PX).height + EMBED_CHROME_PX,
    };
    let (rows, cols) = (data.rows.len(), data.columns.len());
    let data = StoredValue::new(data);
    let layout = Memo::new(move |_| data.with_value(|d| HeatLayout::new(d, width.get().max(1))));
    // Drawn once per width: a hover moves only the overlay's outline (view::highlight).
    let svg = move || {
        if width.get() == 0 {
            return String::new();
        }
        // plotters escapes every text it writes, so its SVG is safe as markup.
        data.with_value(|d| heatmap_to_svg(d, width.get(), theme, None))
    };
    let size = Signal::derive(move || layout.with(|l| (l.width, l.height)));
    let outline = Memo::new(move |_| {
        let at = cell.get()?;
        layout.with(|l| l.highlight_path(at))
    });
    let stroke = Stroke {
        colour: hex(theme.foreground),
        halo: None,
    };
    let tooltip = move || {
        let (r, c) = cell.get()?;
        data.with_value(|d| {
            let row = d.rows.get(r)?;
            let col = d.columns.get(c)?;
            let n = d.value(r, c);
            Some(match nav.lang.get() {
                crate::i18n::Lang::Zh => format!("{} · {}：{n} 项任务", row.name, col.name),
                crate::i18n::Lang::En => format!(
                    "{} · {}: {}",
                    row.name,
                    col.name,
                    crate::i18n::plural(n as usize, "task", "tasks")
                ),
            })
        })
    };
    let on_move = move |ev: leptos::ev::MouseEvent| {
        let Some(el) = plot.get_untracked() else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let (x, y) = (
            f64::from(ev.client_x()) - rect.left(),
            f64::from(ev.client_y()) - rect.top(),
        );
        cell.set(layout.with_untracked(|l| l.cell_at(x, y)));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if rows == 0 || cols == 0 {
            return;
        }
        let (r, c) = cell.get_untracked().unwrap_or((0, 0));
        let next = match ev.key().as_str() {
            "ArrowRight" => (r, (c + 1) % cols),
            "ArrowLeft" => (r, (c + cols - 1) % cols),
            "ArrowDown" => ((r + 1) % rows, c),
            "ArrowUp" => ((r + rows - 1) % rows, c),
            "Escape" => {
                cell.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        cell.set(Some(next));
    };
    let table = data.with_value(|d| {
        let head = d.columns.iter().map(|c| view! { <th scope="col" title=c.name.clone()>{c.label.clone()}</th> }).collect_view();
        let body = d
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                let cells = (0..d.columns.len()).map(|c| view! { <td class="num">{d.value(r, c)}</td> }).collect_view();
                view! { <tr><th scope="row">{row.name.clone()}</th>{cells}</tr> }
            })
            .collect_view();
        view! { <table class="data-table"><thead><tr><th scope="col"></th>{head}</tr></thead><tbody>{body}</tbody></table> }
    });
    view! {
        <figure class="chart" data-chart="departments-heatmap">
            <figcaption class="chart__title">{move || Msg::DepartmentsHeatmap.text(nav.lang.get())}</figcaption>
            <div class="chart__stage">
            <div
                class="chart__plot"
                node_ref=plot
                role="img"
                tabindex="0"
                aria-label=move || format!("{}. {}", Msg::DepartmentsHeatmap.text(nav.lang.get()), text)
                data-chart-ready=move || (width.get() > 0).then_some("true")
                inner_html=svg
                on:mousemove=on_move
                on:mouseleave=move |_| cell.set(None)
                on:focus=move |_| if cell.get_untracked().is_none() { cell.set(Some((0, 0))) }
                on:blur=move |_| cell.set(None)
                on:keydown=on_key
            ></div>
            <HighlightOverlay size path=outline.into() stroke />
            </div>
            <p class="chart__tooltip" role="status" aria-live="polite">{tooltip}</p>
            <ChartActions stem="gd-plus-departments-heatmap".to_owned() svg=svg_export csv=csv_export json=json_export cite embed />
            <details class="chart__table">
                <summary>{move || Msg::ChartTable.text(nav.lang.get())}</summary>
                <div class="table-scroll" tabindex="0">{table}</div>
            </details>
        </figure>
    }
}
