//! The pre-rendered first view of an area or indicator page: the HTML that `tools/static_pages.py`
//! puts into `dist/area-<slug>.html` and `dist/indicator-<id>.html`, so that a reader sees the real first chart (and its tooltips, by CSS
//! hover) before the Wasm has arrived. The app mounts behind it and takes its place when its own
//! first chart is drawn (`view::start`), so nothing moves: this markup repeats the app's page
//! above the chart — skip link, header, `<main>`, the area's title, lead and "targets" heading, or
//! the indicator's area link, name and note —
//! with the same elements and classes, and the chart is drawn by the same code at the widths the
//! app would draw it (`tests/e2e/prerender.test.mjs` checks that the chart does not move).
//!
//! The same figure, without the page around it and at the widths of an embed's frame, is the
//! pre-rendered embed ([`embed_view`]: `dist/embed-area-<slug>-<n>.html`,
//! `dist/embed-indicator-<id>.html`; `tests/e2e/embed-prerender.test.mjs`).
//!
//! Every value is escaped by `maud`; the only markup inserted as is comes from plotters, which
//! escapes the text it writes (as in the app).

use maud::{html, Markup, PreEscaped};

use crate::chart::summary::indicator_sentence;
use crate::chart::target_bars::{
    area_chart_title, hit_band, indicator_chart_title, layout, targets_caption, to_svg, tooltip,
    TargetChart,
};
use crate::chart::Theme;
use crate::data::glance::glance;
use crate::data::{AreaIndex, AreaSummary, CityIndex, DepartmentIndex, Indicator, Meta};
use crate::export::{safe_url, FIXED_WIDTH_PX};
use crate::geo::locator::{locator_style, locator_text};
use crate::geo::{map_to_svg, CityShapes, MapLayout};
use crate::i18n::{area_count_items, colon, glance_items, plan_lead, Lang, Msg};
use crate::route::{Figure, MapLayer, Route};

/// Width of the chart in the app on a wide screen: `main` is at most 60rem with 1rem padding.
pub const WIDE_PX: u32 = 928;
/// Width of the chart in the app on a 375-px phone (the most common phone width).
pub const NARROW_PX: u32 = 343;
/// Width of a city's locator map in the app on a wide screen (`.locator`: at most 22.5rem).
pub const LOCATOR_WIDE_PX: u32 = 360;
/// Width of the locator map on a 375-px phone (the whole width of `main`).
pub const LOCATOR_NARROW_PX: u32 = NARROW_PX;
/// Width of an embed's chart in the fixed-size snippet's 640-px frame (`export::FIXED_WIDTH_PX`)
/// less `.embed-view`'s padding (0.75rem each side): what the app draws there.
pub const EMBED_WIDE_PX: u32 = FIXED_WIDTH_PX - EMBED_PADDING_PX;
/// Width of an embed's chart in a frame as wide as a 375-px phone's article column (the app's
/// own [`NARROW_PX`]), less the padding. Below 36rem the narrow variant shows, as on area pages.
pub const EMBED_NARROW_PX: u32 = NARROW_PX - EMBED_PADDING_PX;
/// `.embed-view`'s horizontal padding in CSS px (`padding: .5rem .75rem`, public/style.css).
const EMBED_PADDING_PX: u32 = 24;
/// Where the tooltip's baseline sits below the drawing: inside the `.chart__tooltip` line that
/// the app fills on hover (its top margin plus the line's ascent).
const TIP_BASELINE_PX: u32 = 23;

/// The pre-rendered view of one area page (in Chinese, the language of a page without `lang`).
pub fn area_view(summary: &AreaSummary, chart: &TargetChart, indicators: &[Indicator]) -> String {
    let lang = Lang::Zh;
    let title = targets_caption(chart, lang);
    let sentences = chart_sentences(chart, indicators);
    let page = html! {
        article.area data-area=(summary.slug) {
            h1 { (summary.name.get(lang)) }
            p.lead { (summary.description.get(lang)) }
            section aria-labelledby="pre-targets-h" {
                h2 #pre-targets-h { (Msg::Targets.text(lang)) }
                (figure(chart, &title, &sentences, PAGE_WIDTHS))
            }
        }
    };
    shell(&Route::Area(summary.slug.clone()), page, false)
}

/// The pre-rendered view of one indicator's page: the link to its area, its name, its note and
/// its chart (the page's table and tasks follow with the app).
pub fn indicator_view(area: &AreaSummary, chart: &TargetChart, ind: &Indicator) -> String {
    let lang = Lang::Zh;
    let title = indicator_chart_title(ind.name.get(lang), chart);
    let sentences = vec![indicator_sentence(ind, lang)];
    let page = html! {
        article.indicator-page data-indicator=(ind.id) {
            p.breadcrumb { a href=(href(&Route::Area(area.slug.clone()))) { (area.name.get(lang)) } }
            h1 { (ind.name.get(lang)) }
            @if let Some(note) = &ind.note {
                p.indicator__note { strong { (Msg::Note.text(lang)) "：" } (note.get(lang)) }
            }
            (figure(chart, &title, &sentences, PAGE_WIDTHS))
        }
    };
    shell(&Route::Indicator(ind.id.clone()), page, false)
}

/// The pre-rendered embed of an area's `n`-th chart (`embed-area-<slug>-<n>.html`), in Chinese.
pub fn embed_area_view(
    summary: &AreaSummary,
    chart: &TargetChart,
    n: u8,
    indicators: &[Indicator],
) -> String {
    let title = area_chart_title(summary.name.get(Lang::Zh), chart, Lang::Zh);
    let figure = Figure::AreaChart {
        area: summary.slug.clone(),
        n,
    };
    embed_view(&figure, chart, &title, &chart_sentences(chart, indicators))
}

/// The pre-rendered embed of an indicator's chart (`embed-indicator-<id>.html`), in Chinese.
pub fn embed_indicator_view(chart: &TargetChart, ind: &Indicator) -> String {
    let title = indicator_chart_title(ind.name.get(Lang::Zh), chart);
    let figure = Figure::IndicatorChart(ind.id.clone());
    embed_view(&figure, chart, &title, &[indicator_sentence(ind, Lang::Zh)])
}

/// The app's embed view (`pages::embed::EmbedPage`) of one target chart with the same elements and
/// classes: no page chrome, the figure (with its data table, closed, as the app has it: the
/// height the host frame is told is then the same before and after the app), the source line and
/// the link back to the full view. The chart is drawn at the widths the app draws it in the
/// fixed-size snippet's frame and in a phone's column ([`EMBED_WIDE_PX`], [`EMBED_NARROW_PX`]).
pub fn embed_view(
    figure: &Figure,
    chart: &TargetChart,
    title: &str,
    sentences: &[String],
) -> String {
    let lang = Lang::Zh;
    let page = html! {
        main.embed-view #pre-main {
            (figure_with_table(chart, title, sentences))
            p.embed__source {
                span { (Msg::EmbedSource.text(lang)) }
                " · "
                a href=(href(&figure.full_view())) target="_blank" rel="noopener" {
                    (Msg::EmbedOpenFull.text(lang))
                }
            }
        }
    };
    page.into_string()
}

/// The pre-rendered view of a city's page (`city-<adcode>.html`): the app's `pages::city::CityPage`
/// down to its locator map, its sentence and the lead (region and GB/T 2260 code); the programmes
/// and tasks that name the city follow with the app. The map is drawn by the same code
/// (`geo::locator`, `MapLayout::locator`) at the widths the app draws it on a wide screen and on a
/// 375-px phone, light and dark; CSS shows one, scaled to the width in between. `None` for a city
/// the data does not know.
pub fn city_view(adcode: &str, cities: &CityIndex, shapes: &CityShapes) -> Option<String> {
    let lang = Lang::Zh;
    let city = cities.cities.iter().find(|c| c.adcode == adcode)?;
    let region = cities.regions.iter().find(|r| r.id == city.region);
    let sentence = locator_text(adcode, cities, lang)?;
    let mut pictures = String::new();
    for (width, size) in [
        (LOCATOR_WIDE_PX, "is-wide"),
        (LOCATOR_NARROW_PX, "is-narrow"),
    ] {
        for (theme, scheme) in [(Theme::LIGHT, "is-light"), (Theme::DARK, "is-dark")] {
            let style = locator_style(adcode, cities, lang, theme)?;
            let svg = map_to_svg(&MapLayout::locator(shapes, width), &style);
            pictures.push_str(&svg.replacen(
                "<svg ",
                &format!(r#"<svg class="prelocator__pic {size} {scheme}" aria-hidden="true" "#),
                1,
            ));
        }
    }
    // As the app writes it (`pages::city::LocatorMap`).
    let label = format!("{}: {sentence}", Msg::LocatorMap.text(lang));
    let page = html! {
        article.city data-adcode=(city.adcode) {
            p.breadcrumb { a href=(href(&Route::Map(MapLayer::AllTasks))) { (Msg::NavMap.text(lang)) } }
            h1 { (city.name.get(lang)) }
            div.city__intro {
                figure.locator data-adcode=(city.adcode) {
                    div.locator__plot.prelocator role="img" aria-label=(label) data-prerendered="true" {
                        (PreEscaped(pictures))
                    }
                    figcaption.locator__text { (sentence) }
                }
                p.lead {
                    @if let Some(r) = region {
                        (Msg::Region.text(lang)) (colon(lang)) (r.name.get(lang))
                    }
                    " · GB/T 2260 " (city.adcode)
                }
            }
        }
    };
    Some(shell(&Route::City(adcode.to_owned()), page, false))
}

/// The pre-rendered home page (`index.html` without a query, in Chinese): the app's
/// `pages::home::HomePage` with the same elements and classes — the plan at a glance (its
/// totals from the same `data::glance`, its sentence from `i18n::plan_lead`), the city finder and
/// the search box (plain forms that open the app's views), one card per area with its counts —
/// and the app's footer, so the app takes its place without moving anything. Ids carry `pre-` and
/// no `data-testid` is repeated: only the app's elements answer the app's selectors.
pub fn home_view(
    meta: &Meta,
    index: &AreaIndex,
    departments: &DepartmentIndex,
    cities: &CityIndex,
) -> String {
    let lang = Lang::Zh;
    let t = |m: Msg| m.text(lang);
    let totals = glance(index, departments, cities);
    let (overall, actions): (Vec<&AreaSummary>, Vec<&AreaSummary>) =
        index.areas.iter().partition(|a| a.number == 0);
    let page = html! {
        header.glance aria-labelledby="pre-home-h" {
            h1 #pre-home-h { (t(Msg::SiteTitle)) }
            p class="lead glance__lead" { (plan_lead(meta, lang)) }
            h2.visually-hidden { (t(Msg::AtAGlance)) }
            ul.glance__counts {
                @for (key, n, label) in glance_items(&totals, lang) {
                    li data-count=(key) { span.glance__n { (n) } " " span.glance__label { (label) } }
                }
            }
            form.city-finder action="index.html" method="get" {
                input type="hidden" name="view" value="city";
                label for="pre-city-finder" { (t(Msg::CityFinder)) }
                select #pre-city-finder name="id" class="city-finder__select" required {
                    option value="" { (t(Msg::CityFinderChoose)) }
                    @for c in &cities.cities {
                        option value=(c.adcode) { (c.name.get(lang)) }
                    }
                }
                button.button type="submit" { (t(Msg::CityFinderGo)) }
            }
            form.home-search role="search" action="index.html" method="get" {
                input type="hidden" name="view" value="search";
                label for="pre-home-search" { (t(Msg::SearchLabel)) }
                input #pre-home-search name="q" type="search" class="search-box" maxlength="100"
                    placeholder=(t(Msg::SearchPlaceholder));
                button.button type="submit" { (t(Msg::NavSearch)) }
            }
        }
        section aria-labelledby="pre-areas-h" {
            h2 #pre-areas-h { (t(Msg::ActionAreas)) }
            ol.area-cards {
                @for a in &actions { li { (area_card(a)) } }
            }
        }
        section aria-labelledby="pre-overall-h" {
            h2 #pre-overall-h { (t(Msg::OverallGoals)) }
            @for a in &overall { (area_card(a)) }
        }
    };
    shell(&Route::Home, page, true)
}

/// One area's card, as the app's `AreaCard` draws it.
fn area_card(area: &AreaSummary) -> Markup {
    let lang = Lang::Zh;
    let name = area.name.get(lang);
    html! {
        article.area-card data-area=(area.slug) {
            h3 {
                a href=(href(&Route::Area(area.slug.clone()))) {
                    @if area.number == 0 { (name) } @else { (area.number) ". " (name) }
                }
            }
            p.area-card__desc { (area.description.get(lang)) }
            ul.counts {
                @for (n, label) in area_count_items(&area.counts, lang) {
                    li { span.count { (n) } " " (label) }
                }
            }
        }
    }
}

/// The app's page around `page`: skip link, header with navigation and language switch, `<main>`.
/// Ids carry a `pre-` prefix so that they never clash with the app's while both are in the page.
/// With `footer`, the app's footer follows (home: the whole page fits a screen, the footer with it).
fn shell(route: &Route, page: Markup, footer: bool) -> String {
    let lang = Lang::Zh;
    let t = |m: Msg| m.text(lang);
    let nav = [
        (Route::Home, Msg::NavHome),
        (Route::Map(MapLayer::AllTasks), Msg::NavMap),
        (Route::Departments, Msg::NavDepartments),
        (Route::Plan(None), Msg::NavPlanText),
        (Route::Search(String::new()), Msg::NavSearch),
        (Route::About, Msg::NavAbout),
    ];
    let markup: Markup = html! {
        a.skip-link href="#pre-main" { (t(Msg::SkipToContent)) }
        header.site-header {
            a.site-title href=(href(&Route::Home)) { (t(Msg::SiteTitle)) }
            nav aria-label=(t(Msg::NavHome)) {
                ul.site-nav {
                    @for (route, msg) in &nav {
                        li { a href=(href(route)) { (t(*msg)) } }
                    }
                }
            }
            // A real link rather than the app's button: without the app it still switches.
            a.lang-switch lang=(lang.other().code()) aria-label=(t(Msg::LanguageSwitchLabel))
                href=(href_in(route, lang.other())) {
                (t(Msg::LanguageSwitch))
            }
        }
        main #pre-main tabindex="-1" { (page) }
        @if footer {
            footer.site-footer {
                p { (t(Msg::Footer)) }
                p { (t(Msg::MapAttribution)) }
            }
        }
    };
    markup.into_string()
}

/// One sentence per indicator the chart draws (its text alternative, as the app writes it).
fn chart_sentences(chart: &TargetChart, indicators: &[Indicator]) -> Vec<String> {
    chart
        .rows
        .iter()
        .filter_map(|r| indicators.iter().find(|i| i.id == r.indicator_id))
        .map(|i| indicator_sentence(i, Lang::Zh))
        .collect()
}

/// The widths (wide, narrow) of a page's chart: the app's `main` on a wide screen and on a phone.
const PAGE_WIDTHS: (u32, u32) = (WIDE_PX, NARROW_PX);

/// The chart's figure as the app's `TargetChartView` lays it out down to its summary, drawn at
/// `widths` (wide, narrow).
fn figure(chart: &TargetChart, title: &str, sentences: &[String], widths: (u32, u32)) -> Markup {
    figure_parts(chart, title, sentences, widths, html! {})
}

/// The figure of an embed: down to its summary at the embed's widths, then the app's data table
/// (closed), which a reader without the app can open too.
fn figure_with_table(chart: &TargetChart, title: &str, sentences: &[String]) -> Markup {
    let lang = Lang::Zh;
    let cell = |row: &crate::chart::target_bars::Row, year: u16| {
        row.bars
            .iter()
            .find(|b| b.year == year)
            .map_or_else(|| "—".to_owned(), |b| b.label.clone())
    };
    let table = html! {
        details.chart__table {
            summary { (Msg::ChartTable.text(lang)) }
            table.data-table {
                thead { tr {
                    th scope="col" { (Msg::Indicator.text(lang)) }
                    th scope="col" { "2017" }
                    th scope="col" { "2020" }
                } }
                tbody {
                    @for r in &chart.rows {
                        tr { th scope="row" { (r.name) } td { (cell(r, 2017)) } td { (cell(r, 2020)) } }
                    }
                }
            }
        }
    };
    figure_parts(
        chart,
        title,
        sentences,
        (EMBED_WIDE_PX, EMBED_NARROW_PX),
        table,
    )
}

fn figure_parts(
    chart: &TargetChart,
    title: &str,
    sentences: &[String],
    (wide, narrow): (u32, u32),
    after: Markup,
) -> Markup {
    let label = format!("{title}。{}", sentences.join("；"));
    html! {
        figure.chart data-chart=(chart.id) {
            figcaption.chart__title { (title) }
            div.chart__plot.prechart role="img" aria-label=(label) data-prerendered="true" {
                (PreEscaped(picture(chart, wide, Theme::LIGHT, "is-wide is-light")))
                (PreEscaped(picture(chart, wide, Theme::DARK, "is-wide is-dark")))
                (PreEscaped(picture(chart, narrow, Theme::LIGHT, "is-narrow is-light")))
                (PreEscaped(picture(chart, narrow, Theme::DARK, "is-narrow is-dark")))
            }
            p.chart__tooltip {}
            ul.chart__summary {
                @for s in sentences { li { (s) } }
            }
            (after)
        }
    }
}

/// A link from the pre-rendered view, followed only before the app has taken over (or without
/// it): a view's own page where it has one, else `index.html` with the view's query — never this
/// page with a query, which would show this view's pre-rendered chart until the app replaced it.
/// Through the one allowlist, like every link.
fn href(route: &Route) -> String {
    href_in(route, Lang::Zh)
}

fn href_in(route: &Route, lang: Lang) -> String {
    let own = (lang == Lang::Zh).then(|| route.own_page(lang)).flatten();
    let link = own.unwrap_or_else(|| format!("index.html{}", route.href(lang)));
    safe_url(&link).unwrap_or_default()
}

/// The chart as the app draws it at `width`, with a class for the CSS that picks the variant for
/// the screen, and one hover band per bar whose tooltip shows below the drawing (CSS `:hover`).
fn picture(chart: &TargetChart, width: u32, theme: Theme, class: &str) -> String {
    let svg = to_svg(chart, width, theme);
    let geometry = layout(chart, width);
    let tip_y = geometry.height + TIP_BASELINE_PX;
    let bands = html! {
        g.prechart__hits {
            @for b in &geometry.bars {
                @let (top, bottom) = hit_band(b);
                g.prechart__bar {
                    rect x="0" y=(top) width=(geometry.width) height=(bottom - top) {}
                    text.prechart__tip x="0" y=(tip_y) { (tooltip(chart, b.row, b.bar).unwrap_or_default()) }
                }
            }
        }
    };
    // plotters writes `<svg width=… height=… viewBox=… …>…</svg>`: the class and the alignment go
    // into the opening tag, the bands before the closing one (on top of the bars).
    let opened = svg.replacen(
        "<svg ",
        &format!(r#"<svg class="prechart__pic {class}" preserveAspectRatio="xMinYMin meet" aria-hidden="true" "#),
        1,
    );
    match opened.rfind("</svg>") {
        Some(end) => format!(
            "{}{}{}",
            &opened[..end],
            bands.into_string(),
            &opened[end..]
        ),
        None => opened,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::chart::target_bars::charts_for;
    use crate::data::{AreaFile, AreaIndex};

    fn manufacturing() -> (AreaSummary, AreaFile) {
        let index: AreaIndex =
            serde_json::from_str(include_str!("../../data/areas.json")).expect("areas.json");
        let summary = index
            .areas
            .into_iter()
            .find(|a| a.slug == "manufacturing")
            .expect("manufacturing in areas.json");
        let area: AreaFile =
            serde_json::from_str(include_str!("../../data/areas/manufacturing.json"))
                .expect("manufacturing.json");
        (summary, area)
    }

    #[test]
    fn the_view_holds_the_first_chart_in_four_variants_with_one_band_per_bar() {
        let (summary, area) = manufacturing();
        let chart = &charts_for(&area.slug, &area.indicators, Lang::Zh)[0];
        let html = area_view(&summary, chart, &area.indicators);
        assert_eq!(html.matches("<svg ").count(), 4);
        for class in [
            "is-wide is-light",
            "is-wide is-dark",
            "is-narrow is-light",
            "is-narrow is-dark",
        ] {
            assert!(
                html.contains(&format!(r#"class="prechart__pic {class}""#)),
                "{class}"
            );
        }
        let bars: usize = chart.rows.iter().map(|r| r.bars.len()).sum();
        assert!(bars > 0);
        assert_eq!(
            html.matches(r#"<g class="prechart__bar">"#).count(),
            4 * bars
        );
        // The drawing is the app's own drawing at that width, byte for byte, before the bands.
        let wide = to_svg(chart, WIDE_PX, Theme::LIGHT);
        let body = wide
            .split_once('>')
            .map(|(_, rest)| rest)
            .unwrap_or_default();
        let body = body
            .strip_suffix("</svg>\n")
            .or(body.strip_suffix("</svg>"))
            .unwrap_or(body);
        assert!(
            html.contains(body),
            "the wide light picture is to_svg's output"
        );
        assert!(html.contains(&format!("<h1>{}</h1>", summary.name.zh)));
        assert!(html.contains(&tooltip(chart, 0, 0).unwrap_or_default()));
    }

    #[test]
    fn an_indicator_view_links_its_area_and_holds_its_own_chart() {
        let (summary, area) = manufacturing();
        let ind = area
            .indicators
            .iter()
            .find(|i| !i.targets.is_empty())
            .unwrap();
        let chart = &charts_for(&area.slug, std::slice::from_ref(ind), Lang::Zh)[0];
        let html = indicator_view(&summary, chart, ind);
        assert!(html.contains(&format!(
            r#"<article class="indicator-page" data-indicator="{}">"#,
            ind.id
        )));
        assert!(html.contains(&format!(
            r#"<p class="breadcrumb"><a href="area-{}.html">{}</a></p>"#,
            area.slug, summary.name.zh
        )));
        assert!(html.contains(&format!("<h1>{}</h1>", ind.name.zh)));
        assert_eq!(html.matches("<svg ").count(), 4);
        assert!(html.contains(&format!(
            r#"href="index.html?view=indicator&amp;id={}&amp;lang=en""#,
            ind.id
        )));
    }

    fn cities_and_shapes() -> (CityIndex, CityShapes) {
        let cities: CityIndex =
            serde_json::from_str(include_str!("../../data/cities.json")).expect("cities.json");
        let shapes = CityShapes::parse(
            "geo/guangdong-cities.geojson",
            include_str!("../../data/geo/guangdong-cities.geojson"),
        )
        .expect("geojson");
        (cities, shapes)
    }

    #[test]
    fn a_city_view_holds_the_apps_locator_map_in_four_variants() {
        let (cities, shapes) = cities_and_shapes();
        let html = city_view("440300", &cities, &shapes).expect("Shenzhen");
        assert!(html.contains(r#"<article class="city" data-adcode="440300">"#));
        assert!(html.contains("<h1>深圳市</h1>"));
        assert!(
            html.contains(r#"<p class="breadcrumb"><a href="index.html?view=map&amp;lang=zh">"#)
        );
        assert!(html.contains("深圳市位于广东省珠三角。"));
        assert!(html.contains("区域：珠三角 · GB/T 2260 440300"));
        assert_eq!(html.matches("<svg ").count(), 4);
        // The pictures are the app's drawings at those widths, byte for byte after the root tag.
        for (width, theme, class) in [
            (LOCATOR_WIDE_PX, Theme::LIGHT, "is-wide is-light"),
            (LOCATOR_NARROW_PX, Theme::DARK, "is-narrow is-dark"),
        ] {
            let style = locator_style("440300", &cities, Lang::Zh, theme).unwrap();
            let svg = map_to_svg(&MapLayout::locator(&shapes, width), &style);
            let (_, body) = svg.split_once('>').unwrap();
            assert!(html.contains(body), "{class}");
            assert!(html.contains(&format!(r#"class="prelocator__pic {class}""#)));
        }
        assert_eq!(city_view("999999", &cities, &shapes), None);
    }

    #[test]
    fn bands_cover_every_bar_and_do_not_overlap() {
        let (_, area) = manufacturing();
        let chart = &charts_for(&area.slug, &area.indicators, Lang::Zh)[0];
        for width in [WIDE_PX, NARROW_PX] {
            let g = layout(chart, width);
            let bands: Vec<(i32, i32)> = g.bars.iter().map(hit_band).collect();
            for (b, band) in g.bars.iter().zip(&bands) {
                assert!(band.0 <= b.rect.1 && band.1 >= b.rect.3);
            }
            for pair in bands.windows(2) {
                assert!(pair[0].1 <= pair[1].0, "{pair:?}");
            }
        }
    }

    #[test]
    fn text_from_the_data_is_escaped() {
        let (mut summary, area) = manufacturing();
        summary.name.zh = r#"<script>alert(1)</script>"#.into();
        summary.description.zh = r#"" onmouseover="alert(1)"#.into();
        let mut indicators = area.indicators.clone();
        indicators[0].name.zh = "<img src=x onerror=alert(1)>".into();
        let chart = &charts_for(&area.slug, &indicators, Lang::Zh)[0];
        let html = area_view(&summary, chart, &indicators);
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<img"));
        assert!(!html.contains(r#"" onmouseover"#));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}
