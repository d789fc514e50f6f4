//! Build-time static rendering, the pure part: which files `render-static` writes, and the
//! metadata of each per-view HTML page (title, description, images, route) that
//! `tools/static_pages.py` turns into `dist/<page>.html`.
//!
//! Pure (no leptos, web-sys, gloo) and native-only: it is compiled out of the Wasm
//! (`#[cfg(not(target_arch = "wasm32"))]` in `lib.rs`), so the app's bundle does not grow.
//! Drawing stays in `chart` and `geo`; the binary `src/bin/render_static.rs` only calls them.

use serde::Serialize;

pub mod prerender;

use crate::chart::heatmap::{fit, text_width};
use crate::chart::summary::indicator_sentence;
use crate::data::{AreaIndex, AreaSummary, City, CityIndex, Indicator};
use crate::export::safe_url;
use crate::geo::locator::locator_text;
use crate::i18n::{Lang, Msg};
use crate::route::{Embed, Figure, Route};

/// Folder (inside `dist/`) of everything `render-static` writes.
pub const STATIC_DIR: &str = "static";
/// Size of an Open Graph image (Facebook, LinkedIn, X, Slack, Telegram all crop to 1.91:1).
pub const OG_SIZE: (u32, u32) = (1200, 630);
/// Size of a share card (4:5, a phone-screen post for WeChat Moments and Weibo).
pub const CARD_SIZE: (u32, u32) = (1080, 1350);
/// Width at which the SVGs are drawn: the width of the app's "Download SVG".
pub const EXPORT_WIDTH: u32 = 800;
/// The source line on every image.
pub const SOURCE_LINE: &str = "来源：广东省“互联网+”行动计划（2015—2020年）";
/// The table a no-script reader can download for any chart of targets.
pub const TARGETS_CSV: &str = "data/csv/targets.csv";

/// An id is used in a file name only if it is what the URL parser accepts as an id
/// (ASCII letters, digits, `-`, `.`, `_`; no leading dot) — so never a path.
pub fn safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
}

/// File name (in [`STATIC_DIR`]) of the SVG of one target chart, by its chart id (`<area>.targets-<n>`),
/// the id the page shows in `data-chart`.
pub fn chart_svg(chart_id: &str, lang: Lang) -> Option<String> {
    safe_id(chart_id).then(|| format!("chart-{chart_id}.{}.svg", lang.param()))
}

/// File name of the SVG of an indicator page's chart (its chart id repeats the area's, so the
/// file is named by indicator).
pub fn indicator_svg(indicator_id: &str, lang: Lang) -> Option<String> {
    safe_id(indicator_id).then(|| format!("indicator-{indicator_id}.{}.svg", lang.param()))
}

/// File name of a city's locator map (the picture at the top of its page).
pub fn locator_svg(adcode: &str, lang: Lang) -> Option<String> {
    safe_id(adcode).then(|| format!("locator-{adcode}.{}.svg", lang.param()))
}

/// File name of the department × area heatmap.
pub fn heatmap_svg(lang: Lang) -> String {
    format!("departments-heatmap.{}.svg", lang.param())
}

/// File name of the map's default layer (tasks per city in all areas).
pub fn map_svg(lang: Lang) -> String {
    format!("map.{}.svg", lang.param())
}

/// Which view a static page opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// `index.html`.
    Home,
    /// One area (or the overall goals).
    Area,
    /// One indicator.
    Indicator,
    /// One city.
    City,
}

/// Everything `tools/static_pages.py` needs to write one page. Paths are relative to `dist/`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PageMeta {
    /// Which view.
    pub kind: Kind,
    /// Area slug or indicator id (empty for home).
    pub id: String,
    /// The HTML file beside `index.html`, e.g. `area-logistics.html`.
    pub page: String,
    /// The query the app would show for this view, without `?` or language (`view=area&id=…`);
    /// written as `<meta name="gd-route">`.
    pub route: String,
    /// `<title>` and `og:title` (Chinese: the language of the plan and of most readers).
    pub title: String,
    /// Meta description, from the data.
    pub description: String,
    /// The chart shown without JavaScript (`static/….svg`).
    pub svg: String,
    /// Its text alternative.
    pub alt: String,
    /// Open Graph image (`static/og-….png`); empty for home.
    pub og_image: String,
    /// Share card (`static/card-….png`); empty for home.
    pub card: String,
    /// The data behind the chart.
    pub csv: String,
    /// Absolute URL of the page when a site URL is given, else empty.
    pub url: String,
    /// The pre-rendered first view (`static/pre-….html`, see [`prerender`]); empty when none.
    pub prerender: String,
}

/// File name (in [`STATIC_DIR`]) of the pre-rendered first view of a page, e.g.
/// `pre-area-finance.html`; home's is `pre-home.html` (its `id` is not used).
pub fn prerender_html(kind: Kind, id: &str) -> Option<String> {
    let kind = match kind {
        Kind::Area => "area",
        Kind::Indicator => "indicator",
        Kind::City => "city",
        Kind::Home => return Some("pre-home.html".to_owned()),
    };
    safe_id(id).then(|| format!("pre-{kind}-{id}.html"))
}

/// Everything `tools/static_pages.py` needs to write one pre-rendered embed page (`static/embeds.json`):
/// a copy of `embed.html` (so that any site may frame it) opening with that figure drawn.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EmbedMeta {
    /// The file beside `embed.html`, the figure's own page (`route::Figure::own_page`), e.g.
    /// `embed-area-manufacturing-1.html`.
    pub page: String,
    /// The embed's query without `?`, in Chinese (`view=embed&fig=area&id=…&n=1&lang=zh`): the
    /// language it is drawn in and the one the Chinese snippet names; written as `<meta name="gd-route">`.
    pub route: String,
    /// `<title>`: the figure's title, as the embed view sets it.
    pub title: String,
    /// The pre-rendered embed view (`static/pre-embed-….html`, see [`prerender::embed_view`]).
    pub prerender: String,
}

/// The embed page of an area's or an indicator's chart titled `title`; `None` for figures without
/// an own page (heatmap, map) or with an id unfit for a file name.
pub fn embed_page(figure: &Figure, title: &str) -> Option<EmbedMeta> {
    let page = figure.own_page()?;
    let route = Route::Embed(Embed {
        figure: figure.clone(),
        scheme: None,
    })
    .href(Lang::Zh)
    .trim_start_matches('?')
    .to_owned();
    Some(EmbedMeta {
        prerender: format!("{STATIC_DIR}/pre-{page}"),
        page,
        route,
        title: title.to_owned(),
    })
}

/// The site's base URL, normalised to end in `/`; `None` when absent or not a safe http(s) URL.
pub fn site_base(site_url: Option<&str>) -> Option<String> {
    let raw = site_url?.trim();
    if raw.is_empty() || raw.contains(['?', '#']) {
        return None;
    }
    let url = safe_url(raw)?;
    Some(if url.ends_with('/') {
        url
    } else {
        format!("{url}/")
    })
}

/// `<page name> · <site title>`.
fn page_title(name: &str) -> String {
    format!("{name} · {}", Msg::SiteTitle.text(Lang::Zh))
}

fn absolute(base: Option<&str>, page: &str) -> String {
    base.map(|b| format!("{b}{page}")).unwrap_or_default()
}

/// The page of one area; `first_chart` is the id of its first target chart (the static image).
pub fn area_page(area: &AreaSummary, first_chart: &str, base: Option<&str>) -> Option<PageMeta> {
    if !safe_id(&area.slug) {
        return None;
    }
    // The file name is the route's own page (`Route::own_page`), which the app's links also give.
    let page = Route::Area(area.slug.clone()).own_page(Lang::Zh)?;
    Some(PageMeta {
        kind: Kind::Area,
        id: area.slug.clone(),
        route: Route::Area(area.slug.clone()).query_without_lang(),
        title: page_title(&area.name.zh),
        description: area.description.zh.clone(),
        svg: format!("{STATIC_DIR}/{}", chart_svg(first_chart, Lang::Zh)?),
        alt: format!(
            "{}：{}",
            area.name.zh,
            Msg::TargetsChartTitle.text(Lang::Zh)
        ),
        og_image: format!("{STATIC_DIR}/og-area-{}.png", area.slug),
        card: format!("{STATIC_DIR}/card-area-{}.png", area.slug),
        csv: TARGETS_CSV.to_owned(),
        url: absolute(base, &page),
        prerender: format!("{STATIC_DIR}/{}", prerender_html(Kind::Area, &area.slug)?),
        page,
    })
}

/// The page of one indicator.
pub fn indicator_page(ind: &Indicator, base: Option<&str>) -> Option<PageMeta> {
    if !safe_id(&ind.id) {
        return None;
    }
    let page = Route::Indicator(ind.id.clone()).own_page(Lang::Zh)?;
    let sentence = indicator_sentence(ind, Lang::Zh);
    Some(PageMeta {
        kind: Kind::Indicator,
        id: ind.id.clone(),
        route: Route::Indicator(ind.id.clone()).query_without_lang(),
        title: page_title(&ind.name.zh),
        description: sentence.clone(),
        svg: format!("{STATIC_DIR}/{}", indicator_svg(&ind.id, Lang::Zh)?),
        alt: sentence,
        og_image: format!("{STATIC_DIR}/og-indicator-{}.png", ind.id),
        card: format!("{STATIC_DIR}/card-indicator-{}.png", ind.id),
        csv: TARGETS_CSV.to_owned(),
        url: absolute(base, &page),
        prerender: format!("{STATIC_DIR}/{}", prerender_html(Kind::Indicator, &ind.id)?),
        page,
    })
}

/// The page of one city: its locator map and sentence, tasks per city as its data. No image of
/// its own for link previews: the site's (the overall goals') stands in (`tools/static_pages.py`).
pub fn city_page(city: &City, cities: &CityIndex, base: Option<&str>) -> Option<PageMeta> {
    let route = Route::City(city.adcode.clone());
    let page = route.own_page(Lang::Zh)?;
    let sentence = locator_text(&city.adcode, cities, Lang::Zh)?;
    Some(PageMeta {
        kind: Kind::City,
        id: city.adcode.clone(),
        route: route.query_without_lang(),
        title: page_title(&city.name.zh),
        description: sentence.clone(),
        svg: format!("{STATIC_DIR}/{}", locator_svg(&city.adcode, Lang::Zh)?),
        alt: sentence,
        og_image: String::new(),
        card: String::new(),
        csv: "data/csv/task_cities.csv".to_owned(),
        url: absolute(base, &page),
        prerender: format!("{STATIC_DIR}/{}", prerender_html(Kind::City, &city.adcode)?),
        page,
    })
}

/// Home (`index.html` keeps its own title and description; it gets the map as its static image,
/// for readers without JavaScript, below its pre-rendered view).
pub fn home_page(index: &AreaIndex, base: Option<&str>) -> PageMeta {
    let targets: usize = index.areas.iter().map(|a| a.counts.targets).sum();
    PageMeta {
        kind: Kind::Home,
        id: String::new(),
        page: "index.html".to_owned(),
        route: String::new(),
        title: Msg::SiteTitle.text(Lang::Zh).to_owned(),
        description: String::new(),
        svg: format!("{STATIC_DIR}/{}", map_svg(Lang::Zh)),
        alt: format!("{}（{} 个目标值）", Msg::SiteTitle.text(Lang::Zh), targets),
        og_image: String::new(),
        card: String::new(),
        csv: "data/csv/task_cities.csv".to_owned(),
        url: base.map(str::to_owned).unwrap_or_default(),
        prerender: format!("{STATIC_DIR}/pre-home.html"),
    }
}

/// What a share card prints as the view's address: the absolute page URL without its scheme
/// (shorter, and what people type), or nothing when no site URL was given.
pub fn card_url_line(url: &str) -> String {
    url.split_once("://")
        .map(|(_, rest)| rest.to_owned())
        .unwrap_or_default()
}

/// Splits `text` into at most `lines` lines of at most `max_w` estimated pixels at `size`,
/// the last one shortened with an ellipsis when needed.
pub fn wrap(text: &str, max_w: i32, size: u32, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest: Vec<char> = text.chars().collect();
    while !rest.is_empty() && out.len() + 1 < lines {
        let s: String = rest.iter().collect();
        if text_width(&s, size) <= max_w {
            break;
        }
        let mut n = rest.len();
        while n > 1 && text_width(&rest[..n].iter().collect::<String>(), size) > max_w {
            n -= 1;
        }
        out.push(rest[..n].iter().collect());
        rest.drain(..n);
    }
    if !rest.is_empty() {
        out.push(fit(&rest.iter().collect::<String>(), max_w, size));
    }
    out
}

/// Height of an SVG drawn by plotters (its root `height` attribute).
pub fn svg_height(svg: &str) -> Option<f32> {
    let head = svg.get(..svg.find('>')?)?;
    let at = head.find("height=\"")? + "height=\"".len();
    head.get(at..)?.split('"').next()?.parse().ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::data::parse_json;
    use crate::route::UrlState;

    #[test]
    fn file_names_only_from_ids_the_url_parser_accepts() {
        assert_eq!(
            chart_svg("logistics.targets-1", Lang::Zh).as_deref(),
            Some("chart-logistics.targets-1.zh.svg")
        );
        assert_eq!(
            indicator_svg("overall.online-shopping", Lang::En).as_deref(),
            Some("indicator-overall.online-shopping.en.svg")
        );
        for bad in ["", "../x", "a/b", ".hidden", "a b", "a\"b", "网购"] {
            assert!(chart_svg(bad, Lang::Zh).is_none(), "{bad}");
            assert!(indicator_svg(bad, Lang::Zh).is_none(), "{bad}");
        }
    }

    #[test]
    fn site_url_is_normalised_or_refused() {
        assert_eq!(
            site_base(Some("https://example.org/gd")).as_deref(),
            Some("https://example.org/gd/")
        );
        assert_eq!(
            site_base(Some("https://example.org/")).as_deref(),
            Some("https://example.org/")
        );
        for bad in [
            None,
            Some(""),
            Some("javascript:alert(1)"),
            Some("ftp://example.org/"),
            Some("https://example.org/?a=1"),
            Some("https://user@example.org/"),
        ] {
            assert_eq!(site_base(bad), None, "{bad:?}");
        }
        assert_eq!(
            card_url_line("https://example.org/area-x.html"),
            "example.org/area-x.html"
        );
        assert_eq!(card_url_line(""), "");
    }

    #[test]
    fn titles_wrap_into_at_most_the_lines_given_and_never_lose_the_start() {
        let title = "二类视频监控点（含重点公共区域）视频监控覆盖率";
        assert_eq!(wrap(title, 2000, 64, 2), vec![title.to_owned()]);
        let two = wrap(title, 940, 64, 2);
        assert_eq!(two.len(), 2);
        assert!(two.iter().all(|l| text_width(l, 64) <= 940), "{two:?}");
        assert_eq!(two.concat(), title, "two lines hold the whole title");
        let one = wrap(title, 400, 64, 1);
        assert_eq!(one.len(), 1);
        assert!(one[0].ends_with('…') && title.starts_with(one[0].trim_end_matches('…')));
        assert!(wrap("", 400, 64, 2).is_empty());
    }

    #[test]
    fn height_is_read_from_the_root_element() {
        let chart = crate::chart::target_bars::TargetChart {
            id: "a.targets-1".into(),
            unit_label: "%".into(),
            rows: vec![],
        };
        let svg = crate::chart::target_bars::to_svg(&chart, 640, crate::chart::Theme::LIGHT);
        let layout = crate::chart::target_bars::layout(&chart, 640);
        assert_eq!(svg_height(&svg), Some(layout.height as f32));
        assert_eq!(svg_height("<svg width=\"1\">"), None);
    }

    const INDEX: &str = r#"{"areas": [{"slug": "logistics", "number": 5, "file": "areas/logistics.json",
      "name": {"zh": "“互联网+”物流", "en": "Internet+ logistics"},
      "description": {"zh": "物流的描述 <b>&\"", "en": "d"},
      "counts": {"targets": 6, "milestones": 1, "tasks": 3, "departments": 8, "cities": 2}}]}"#;

    #[test]
    fn area_page_metadata_comes_from_the_data_and_its_route_parses_back() {
        let index: AreaIndex = match parse_json("areas.json", INDEX) {
            Ok(i) => i,
            Err(e) => panic!("{e}"),
        };
        let area = &index.areas[0];
        let page = area_page(area, "logistics.targets-1", Some("https://e.org/gd/")).unwrap();
        assert_eq!(page.page, "area-logistics.html");
        assert_eq!(page.url, "https://e.org/gd/area-logistics.html");
        assert_eq!(page.svg, "static/chart-logistics.targets-1.zh.svg");
        assert_eq!(page.og_image, "static/og-area-logistics.png");
        assert_eq!(page.card, "static/card-area-logistics.png");
        assert!(page.title.starts_with("“互联网+”物流 · "));
        // Escaping is the page writer's job; the metadata keeps the data's text as it is.
        assert_eq!(page.description, "物流的描述 <b>&\"");
        assert_eq!(page.route, "view=area&id=logistics");
        assert_eq!(
            UrlState::parse(&page.route).route,
            Route::Area("logistics".into())
        );
        let no_site = area_page(area, "logistics.targets-1", None).unwrap();
        assert_eq!(no_site.url, "");
        assert!(area_page(area, "../x", None).is_none());
    }

    #[test]
    fn city_page_metadata_comes_from_the_data_and_its_route_parses_back() {
        let mut cities: CityIndex =
            parse_json("cities.json", include_str!("../../data/cities.json")).unwrap();
        let city = cities.cities[0].clone();
        assert_eq!(city.adcode, "440100");
        let page = city_page(&city, &cities, Some("https://e.org/gd/")).unwrap();
        assert_eq!(page.kind, Kind::City);
        assert_eq!(page.page, "city-440100.html");
        assert_eq!(page.url, "https://e.org/gd/city-440100.html");
        assert_eq!(page.prerender, "static/pre-city-440100.html");
        assert_eq!(page.svg, "static/locator-440100.zh.svg");
        assert_eq!(
            page.title,
            format!("广州市 · {}", Msg::SiteTitle.text(Lang::Zh))
        );
        assert_eq!(page.description, "广州市位于广东省珠三角。");
        assert_eq!(page.route, "view=city&id=440100");
        assert_eq!(
            UrlState::parse(&page.route).route,
            Route::City("440100".into())
        );
        // An adcode unfit for a file name gives no page (never a path).
        cities.cities[0].adcode = "../x".into();
        assert!(city_page(&cities.cities[0], &cities, None).is_none());
    }
}
