//! The pure part of the build-time rendering (`gd_plus::static_render`): the per-view page
//! metadata from data/, and the pre-rendered first view's HTML (escaping and content).
//! What the `render-static` binary writes is checked by `tests/render_static_output.rs`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup is a failed test

mod common;

use gd_plus::chart::target_bars::charts_for;
use gd_plus::chart::target_bars::to_svg;
use gd_plus::chart::Theme;
use gd_plus::data::glance::glance;
use gd_plus::data::{AreaSummary, Bilingual, Indicator, Meta};
use gd_plus::i18n::{area_count_items, glance_items, plan_lead, Lang, Msg};
use gd_plus::route::{Embed, Figure, MapLayer, Route, UrlState};
use gd_plus::static_render::{
    area_page, embed_page, indicator_page, prerender, prerender_html, Kind,
};

const HOSTILE: &str = "<script>alert(1)</script>\"'&<img src=x onerror=alert(2)>";

fn hostile(text: &str) -> Bilingual {
    Bilingual {
        zh: format!("{text}{HOSTILE}"),
        en: format!("{text}{HOSTILE}"),
    }
}

/// An area and its indicators from data/, every reader-visible string made hostile.
fn hostile_area() -> (AreaSummary, Vec<Indicator>) {
    let all = common::all();
    let at = all
        .index
        .areas
        .iter()
        .position(|a| a.slug == "commerce")
        .unwrap();
    let mut summary = all.index.areas[at].clone();
    summary.name = hostile("商务");
    summary.description = hostile("说明");
    let mut indicators = all.areas[at].indicators.clone();
    for ind in &mut indicators {
        ind.name = hostile(&ind.name.zh);
        ind.note = Some(hostile("注"));
    }
    (summary, indicators)
}

/// The markup must carry no element or attribute that the hostile string tried to inject.
fn assert_inert(html: &str) {
    assert!(!html.contains("<script"), "a <script> element got through");
    assert!(!html.contains("<img"), "an <img> element got through");
    // The quote and the ampersand are escaped wherever the string lands (text or attribute), so
    // it cannot close an attribute and open another.
    assert!(!html.contains("\"'&"), "a quote got through unescaped");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the hostile text is not shown literally"
    );
}

#[test]
fn the_prerendered_area_view_shows_hostile_strings_as_text_and_draws_the_chart() {
    let (summary, indicators) = hostile_area();
    let charts = charts_for(&summary.slug, &indicators, Lang::Zh);
    let html = prerender::area_view(&summary, &charts[0], &indicators);
    assert_inert(&html);
    assert!(
        html.contains("<h1>商务&lt;script&gt;"),
        "the area's name is the heading"
    );
    assert!(html.contains("<p class=\"lead\">说明&lt;script&gt;"));
    // Four drawings (wide/narrow × light/dark) of the first chart, with its accessible name.
    assert_eq!(
        html.matches("<svg").count(),
        4,
        "the chart in four variants"
    );
    assert!(html.contains(&format!("data-chart=\"{}\"", charts[0].id)));
    assert!(html.contains("role=\"img\" aria-label=\""));
    for row in &charts[0].rows {
        let ind = indicators
            .iter()
            .find(|i| i.id == row.indicator_id)
            .unwrap();
        let first = ind.targets.first().unwrap();
        assert!(
            html.contains(&first.value_text) || html.contains(&first.value.to_string()),
            "{}: its value is not on the page",
            ind.id
        );
    }
    // Links go to the views' own pages or index.html with a query: nothing else.
    for href in html
        .split("href=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
    {
        assert!(
            href.starts_with('#') || href.ends_with(".html") || href.starts_with("index.html?"),
            "unexpected link {href}"
        );
    }
}

#[test]
fn the_prerendered_indicator_view_shows_hostile_strings_as_text_and_draws_the_chart() {
    let (summary, indicators) = hostile_area();
    let ind = &indicators[0];
    let charts = charts_for(&summary.slug, std::slice::from_ref(ind), Lang::Zh);
    let html = prerender::indicator_view(&summary, &charts[0], ind);
    assert_inert(&html);
    assert!(html.contains(&format!("data-indicator=\"{}\"", ind.id)));
    assert!(
        html.contains("<p class=\"indicator__note\">"),
        "the note is shown"
    );
    assert!(html.contains("注&lt;script&gt;"));
    assert!(
        html.contains("<a href=\"area-commerce.html\">商务&lt;script&gt;"),
        "the breadcrumb links to the area's own page"
    );
    assert_eq!(html.matches("<svg").count(), 4);
}

/// The pre-rendered home: every string from the data made hostile is shown as text, nowhere markup.
#[test]
fn the_prerendered_home_shows_hostile_strings_as_text() {
    let mut all = common::all();
    let mut meta: Meta = common::data("meta.json");
    meta.title = hostile("计划");
    meta.issuer = hostile("广东省人民政府");
    for area in &mut all.index.areas {
        area.name = hostile(&area.name.zh);
        area.description = hostile("说明");
    }
    for city in &mut all.cities.cities {
        city.name = hostile(&city.name.zh);
        city.adcode = format!("{}\"><script>", city.adcode);
    }
    let html = prerender::home_view(&meta, &all.index, &all.departments, &all.cities);
    assert_inert(&html);
    assert!(
        html.contains("<p class=\"lead glance__lead\">广东省人民政府&lt;script&gt;"),
        "the lead sentence names the issuer as text"
    );
    assert!(html.contains("<p class=\"area-card__desc\">说明&lt;script&gt;"));
    assert!(
        html.contains("value=\"440100&quot;&gt;&lt;script&gt;\""),
        "a city's code is escaped in its attribute"
    );
}

/// The pre-rendered home holds what the app's home shows: the same totals (`data::glance`), the
/// same lead sentence, every area's card with its counts in order, every city in the finder, and
/// links only to pages or `index.html` with a query.
#[test]
fn the_prerendered_home_shows_the_apps_totals_and_every_area_with_its_counts() {
    let all = common::all();
    let meta: Meta = common::data("meta.json");
    let html = prerender::home_view(&meta, &all.index, &all.departments, &all.cities);
    let totals = glance(&all.index, &all.departments, &all.cities);
    assert_eq!(totals.areas, 13, "the plan has 13 action areas");
    for (key, n, label) in glance_items(&totals, Lang::Zh) {
        let item = format!(
            "<li data-count=\"{key}\"><span class=\"glance__n\">{n}</span> <span class=\"glance__label\">{label}</span></li>"
        );
        assert!(html.contains(&item), "missing {item}");
    }
    assert!(html.contains(&plan_lead(&meta, Lang::Zh)));
    // Cards in the data's order, the overall goals (number 0) after the action areas.
    let mut at = 0;
    let (overall, actions): (Vec<_>, Vec<_>) = all.index.areas.iter().partition(|a| a.number == 0);
    for area in actions.iter().chain(&overall) {
        let card = format!("<article class=\"area-card\" data-area=\"{}\">", area.slug);
        let found = html[at..]
            .find(&card)
            .unwrap_or_else(|| panic!("{}: no card, or out of order", area.slug));
        at += found + card.len();
        let end = at + html[at..].find("</article>").unwrap();
        let body = &html[at..end];
        let name = if area.number == 0 {
            area.name.zh.clone()
        } else {
            format!("{}. {}", area.number, area.name.zh)
        };
        assert!(
            body.contains(&format!("<a href=\"area-{}.html\">{name}</a>", area.slug)),
            "{}: the card links to the area's own page",
            area.slug
        );
        for (n, label) in area_count_items(&area.counts, Lang::Zh) {
            assert!(
                body.contains(&format!(
                    "<li><span class=\"count\">{n}</span> {label}</li>"
                )),
                "{}: {n} {label}",
                area.slug
            );
        }
    }
    assert_eq!(
        html.matches("<article class=\"area-card\"").count(),
        all.index.areas.len()
    );
    for city in &all.cities.cities {
        assert!(html.contains(&format!(
            "<option value=\"{}\">{}</option>",
            city.adcode, city.name.zh
        )));
    }
    assert!(
        !html.contains("data-testid"),
        "the app's test ids belong to the app's elements only"
    );
    assert!(!html.contains("id=\"main\"") && !html.contains("id=\"home-h\""));
    for href in html
        .split("href=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
    {
        assert!(
            href.starts_with('#') || href.ends_with(".html") || href.starts_with("index.html?"),
            "unexpected link {href}"
        );
    }
}

#[test]
fn every_area_and_indicator_has_page_metadata_from_the_data() {
    let all = common::all();
    let site = Msg::SiteTitle.text(Lang::Zh);
    let base = Some("https://example.org/gd/");
    let mut pages = 0;
    for (summary, area) in all.index.areas.iter().zip(&all.areas) {
        let charts = charts_for(&area.slug, &area.indicators, Lang::Zh);
        let Some(first) = charts.first() else {
            continue;
        };
        let page = area_page(summary, &first.id, base).unwrap();
        let route = Route::Area(summary.slug.clone());
        assert_eq!(page.kind, Kind::Area);
        assert_eq!(page.id, summary.slug);
        assert_eq!(Some(page.page.clone()), route.own_page(Lang::Zh));
        assert_eq!(
            UrlState::parse(&page.route).route,
            route,
            "gd-route of {}",
            page.page
        );
        assert_eq!(page.title, format!("{} · {site}", summary.name.zh));
        assert_eq!(page.description, summary.description.zh);
        assert_eq!(page.url, format!("https://example.org/gd/{}", page.page));
        assert_eq!(
            page.prerender,
            format!(
                "static/{}",
                prerender_html(Kind::Area, &summary.slug).unwrap()
            )
        );
        assert!(page.og_image.starts_with("static/og-area-") && page.og_image.ends_with(".png"));
        pages += 1;
        for ind in &area.indicators {
            let page = indicator_page(ind, base).unwrap();
            let route = Route::Indicator(ind.id.clone());
            assert_eq!(Some(page.page.clone()), route.own_page(Lang::Zh));
            assert_eq!(
                UrlState::parse(&page.route).route,
                route,
                "gd-route of {}",
                page.page
            );
            assert_eq!(page.title, format!("{} · {site}", ind.name.zh));
            // The description is the indicator's sentence: its name and its values, from data.
            assert!(page.description.contains(&ind.name.zh), "{}", ind.id);
            for t in &ind.targets {
                assert!(
                    page.description.contains(&t.year.to_string()),
                    "{}: {} missing from {:?}",
                    ind.id,
                    t.year,
                    page.description
                );
            }
            assert_eq!(page.alt, page.description);
            pages += 1;
        }
    }
    assert_eq!(pages, 61);
}

#[test]
fn page_metadata_refuses_ids_unfit_for_a_file_name() {
    let all = common::all();
    let mut summary = all.index.areas[1].clone();
    summary.slug = "../etc".into();
    assert!(area_page(&summary, "x.targets-1", None).is_none());
    let mut ind = all.areas[1].indicators[0].clone();
    ind.id = "a\"><script>".into();
    assert!(indicator_page(&ind, None).is_none());
    assert!(prerender_html(Kind::Indicator, "a/b").is_none());
}

/// The body of a plotters SVG after its root tag (the pre-rendered pictures add attributes there).
fn svg_body(svg: &str) -> &str {
    let body = svg
        .split_once('>')
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    body.trim_end().strip_suffix("</svg>").unwrap_or(body)
}

#[test]
fn the_prerendered_embed_is_the_embed_view_with_hostile_strings_as_text() {
    let (summary, indicators) = hostile_area();
    let charts = charts_for(&summary.slug, &indicators, Lang::Zh);
    let chart = charts.last().unwrap();
    let n = u8::try_from(charts.len()).unwrap();
    let html = prerender::embed_area_view(&summary, chart, n, &indicators);
    assert_inert(&html);
    // The app's embed view: no header, navigation or footer; the figure, the source, the way back.
    assert!(
        html.starts_with(r#"<main class="embed-view" id="pre-main"><figure class="chart""#),
        "{}",
        &html[..80]
    );
    assert!(!html.contains("site-header") && !html.contains("site-nav"));
    assert!(
        html.contains(r#"<figcaption class="chart__title">商务&lt;script&gt;"#),
        "the title is the area's name and the chart's caption (area_chart_title)"
    );
    assert!(html.contains(&format!(
        r#"<p class="embed__source"><span>{}</span> · <a href="area-{}.html" target="_blank" rel="noopener">{}</a></p></main>"#,
        Msg::EmbedSource.text(Lang::Zh),
        summary.slug,
        Msg::EmbedOpenFull.text(Lang::Zh)
    )));
    // Drawn by the app's code at the embed's widths (the fixed snippet's frame and a phone's).
    assert_eq!(html.matches("<svg ").count(), 4);
    for (width, theme) in [
        (prerender::EMBED_WIDE_PX, Theme::LIGHT),
        (prerender::EMBED_NARROW_PX, Theme::DARK),
    ] {
        let svg = to_svg(chart, width, theme);
        assert!(html.contains(svg_body(&svg)), "the chart at {width} px");
    }
    assert_eq!(prerender::EMBED_WIDE_PX, 640 - 24);
    // The data table the app has (closed), one row per indicator, its names escaped.
    assert!(html.contains(r#"<details class="chart__table"><summary>"#));
    assert_eq!(
        html.matches(r#"<th scope="row">"#).count(),
        chart.rows.len()
    );
}

#[test]
fn the_prerendered_indicator_embed_links_its_indicator_page() {
    let (_, indicators) = hostile_area();
    let ind = indicators.iter().find(|i| !i.targets.is_empty()).unwrap();
    let area = ind.id.split('.').next().unwrap();
    let chart = &charts_for(area, std::slice::from_ref(ind), Lang::Zh)[0];
    let html = prerender::embed_indicator_view(chart, ind);
    assert_inert(&html);
    assert!(html.contains(&format!(
        r#"<a href="indicator-{}.html" target="_blank" rel="noopener">"#,
        ind.id
    )));
    assert_eq!(html.matches("<svg ").count(), 4);
}

#[test]
fn embed_pages_are_named_by_their_figure_and_open_the_chinese_embed() {
    let figure = Figure::AreaChart {
        area: "commerce".into(),
        n: 2,
    };
    let meta = embed_page(&figure, "商务：目标值（%）").unwrap();
    assert_eq!(meta.page, "embed-area-commerce-2.html");
    assert_eq!(meta.prerender, "static/pre-embed-area-commerce-2.html");
    assert_eq!(meta.title, "商务：目标值（%）");
    assert_eq!(meta.route, "view=embed&fig=area&id=commerce&n=2&lang=zh");
    let state = UrlState::parse(&meta.route);
    assert_eq!(
        state.route,
        Route::Embed(Embed {
            figure,
            scheme: None
        })
    );
    assert_eq!(state.lang, gd_plus::route::Param::Valid(Lang::Zh));
    let ind = embed_page(&Figure::IndicatorChart("commerce.b2b".into()), "t").unwrap();
    assert_eq!(ind.page, "embed-indicator-commerce.b2b.html");
    assert_eq!(
        ind.route,
        "view=embed&fig=indicator&id=commerce.b2b&lang=zh"
    );
    // No page for figures that are not pre-rendered, nor for an id unfit for a file name.
    for none in [
        Figure::Heatmap,
        Figure::Map(MapLayer::AllTasks),
        Figure::IndicatorChart("../x".into()),
        Figure::AreaChart {
            area: "a b".into(),
            n: 1,
        },
    ] {
        assert_eq!(embed_page(&none, "t"), None, "{none:?}");
    }
}
