//! A target chart in the page: plotters SVG sized to its container, with hover and keyboard tooltips,
//! a text summary and a data table.

use leptos::prelude::*;

use crate::chart::target_bars::{
    area_chart_title, highlight_path, hit, layout, to_export_svg, to_svg, tooltip, TargetChart,
};
use crate::chart::{hex, Theme};
use std::sync::Arc;

use crate::data::{Bilingual, Indicator};
use crate::export::{citation, section_label, target_chart_csv, target_chart_json};
use crate::i18n::Msg;
use crate::route::Figure;
use crate::view::actions::{today, with_meta, ChartActions, Make};
use crate::view::embed::{EmbedOffer, FIXED_WIDTH_PX};
use crate::view::figure::{container_width, page_theme};
use crate::view::highlight::{HighlightOverlay, Stroke};
use crate::view::nav::use_nav;

/// What a target chart's downloads and citation need besides the chart.
#[derive(Clone, Debug)]
pub struct ChartExport {
    /// The indicators the chart draws (for units, quotes and paragraphs).
    pub indicators: Vec<Indicator>,
    /// Name of the area (for the citation).
    pub area_name: Bilingual,
    /// Section of the plan, e.g. `2.5`.
    pub section: String,
    /// The chart as an embeddable figure.
    pub figure: Figure,
}

/// Height of an embed view around the drawing (title, summary, table toggle, source line).
pub const EMBED_CHROME_PX: u32 = 260;

/// The action bar of a target chart: exports come from the same data and drawing code.
fn actions_for(
    chart: TargetChart,
    export: ChartExport,
    title: String,
    theme: Theme,
) -> impl IntoView {
    let nav = use_nav();
    // The iframe's title stands alone in someone's article, so an area chart names its area
    // (the same title as the embed view's own).
    let title = match &export.figure {
        Figure::AreaChart { .. } => {
            let lang = nav.lang.get_untracked();
            area_chart_title(export.area_name.get(lang), &chart, lang)
        }
        _ => title,
    };
    let embed = EmbedOffer {
        figure: export.figure.clone(),
        title,
        fixed_height: layout(&chart, FIXED_WIDTH_PX).height + EMBED_CHROME_PX,
    };
    let chart = Arc::new(chart);
    let export = Arc::new(export);
    let (c1, c2, c3) = (chart.clone(), chart.clone(), chart.clone());
    let (e1, e2, e3) = (export.clone(), export.clone(), export);
    let export_title = embed.title.clone();
    let svg: Make =
        Arc::new(move || to_export_svg(&c1, 800, theme, &export_title, nav.lang.get_untracked()));
    let csv: Make =
        Arc::new(move || target_chart_csv(&c2, &e1.indicators, nav.lang.get_untracked()));
    let json =
        with_meta(move |meta, url, lang| target_chart_json(&c3, &e2.indicators, meta, url, lang));
    let cite = with_meta(move |meta, url, lang| {
        let section = section_label(&e3.section, &e3.area_name, lang);
        citation(meta, &section, url, &today(), lang)
    });
    view! { <ChartActions stem=format!("gd-plus-{}", chart.id) svg csv json cite embed /> }
}

/// One target chart with its accessible alternatives.
#[component]
pub fn TargetChartView(
    /// What to draw.
    chart: TargetChart,
    /// Accessible name and caption.
    title: String,
    /// One sentence per indicator, the text alternative.
    summary: Vec<String>,
    /// What the download and cite actions need; without it the chart has no action bar.
    #[prop(optional)]
    export: Option<ChartExport>,
) -> impl IntoView {
    let nav = use_nav();
    let plot = NodeRef::<leptos::html::Div>::new();
    let width = container_width(plot);
    let selected = RwSignal::new(None::<usize>);
    let theme = page_theme();

    let chart = StoredValue::new(chart);
    let bar_count = chart.with_value(|c| c.rows.iter().map(|r| r.bars.len()).sum::<usize>());
    let geometry = Memo::new(move |_| chart.with_value(|c| layout(c, width.get().max(1))));
    let highlight = move || {
        let i = selected.get()?;
        geometry.with(|g| g.bars.get(i).map(|b| (b.row, b.bar)))
    };
    // Drawn once per width: a hover moves only the overlay's outline (view::highlight).
    let svg = move || {
        if width.get() == 0 {
            return String::new();
        }
        // plotters escapes every text and attribute it writes, so its SVG is safe as markup.
        chart.with_value(|c| to_svg(c, width.get(), theme))
    };
    let size = Signal::derive(move || geometry.with(|g| (g.width, g.height)));
    let outline = Memo::new(move |_| {
        let i = selected.get()?;
        geometry.with(|g| highlight_path(g, i))
    });
    let stroke = Stroke {
        colour: hex(theme.foreground),
        halo: None,
    };
    let tooltip = move || {
        let (row, bar) = highlight()?;
        chart.with_value(|c| tooltip(c, row, bar))
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
        let found = geometry.with_untracked(|g| {
            hit(g, x, y).and_then(|b| g.bars.iter().position(|other| *other == b))
        });
        selected.set(found);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if bar_count == 0 {
            return;
        }
        let current = selected.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(current.map_or(0, |i| (i + 1) % bar_count)),
            "ArrowLeft" | "ArrowUp" => {
                Some(current.map_or(bar_count - 1, |i| (i + bar_count - 1) % bar_count))
            }
            "Home" => Some(0),
            "End" => Some(bar_count - 1),
            "Escape" => None,
            _ => return,
        };
        ev.prevent_default();
        selected.set(next);
    };
    let chart_id = chart.with_value(|c| c.id.clone());
    let rows = chart.with_value(|c| c.rows.clone());
    let lang = crate::i18n::lang_of(&title);
    let summary_text = summary.join(crate::i18n::semicolon(lang));
    let actions =
        export.map(|e| chart.with_value(|c| actions_for(c.clone(), e, title.clone(), theme)));
    view! {
        <figure class="chart" data-chart=chart_id>
            <figcaption class="chart__title">{title.clone()}</figcaption>
            <div class="chart__stage">
            <div
                class="chart__plot"
                node_ref=plot
                role="img"
                tabindex="0"
                aria-label=format!("{title}{}{summary_text}", crate::i18n::full_stop(lang))
                aria-describedby=format!("{}-hint", chart.with_value(|c| c.id.clone()))
                data-chart-ready=move || (width.get() > 0).then_some("true")
                inner_html=svg
                on:mousemove=on_move
                on:mouseleave=move |_| selected.set(None)
                on:focus=move |_| if selected.get_untracked().is_none() { selected.set(Some(0)) }
                on:blur=move |_| selected.set(None)
                on:keydown=on_key
            ></div>
            <HighlightOverlay size path=outline.into() stroke />
            </div>
            <p class="chart__tooltip" role="status" aria-live="polite">{tooltip}</p>
            <p class="visually-hidden" id=format!("{}-hint", chart.with_value(|c| c.id.clone()))>
                {move || Msg::ChartKeys.text(nav.lang.get())}
            </p>
            <ul class="chart__summary">{summary.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            {actions}
            <details class="chart__table">
                <summary>{move || Msg::ChartTable.text(nav.lang.get())}</summary>
                <table class="data-table">
                    <thead><tr>
                        <th scope="col">{move || Msg::Indicator.text(nav.lang.get())}</th>
                        <th scope="col">"2017"</th>
                        <th scope="col">"2020"</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| {
                            let cell = |y: u16| r.bars.iter().find(|b| b.year == y).map(|b| b.label.clone()).unwrap_or_else(|| "—".into());
                            view! { <tr><th scope="row">{r.name.clone()}</th><td>{cell(2017)}</td><td>{cell(2020)}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
