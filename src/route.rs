//! URL state: which view, which item and which language, read from and written to the query string.
//!
//! Views live in the query (`?view=area&id=manufacturing&lang=en`), never in the path, so that any
//! static file server serves every view from the same `index.html`, at the root or under a sub-path,
//! with no rewrite rules. Each parameter is parsed as valid, invalid (with a reason) or missing.
// Handles data from outside: no panicking shortcuts (list in ARCHITECTURE.md).
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use crate::data::validate::MAX_ID_LEN;
use crate::i18n::Lang;

/// One view of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The plan at a glance.
    Home,
    /// One area (overall goals or an action area), by slug.
    Area(String),
    /// One indicator, by id.
    Indicator(String),
    /// All departments.
    Departments,
    /// One department, by id.
    Department(String),
    /// The plan text, optionally scrolled to a paragraph.
    Plan(Option<String>),
    /// About the data.
    About,
    /// The map with one layer.
    Map(MapLayer),
    /// One city, by adcode.
    City(String),
    /// Search results for a query (possibly empty).
    Search(String),
    /// One figure alone, for an `<iframe>` on another site.
    Embed(Embed),
}

/// A figure that can be embedded on its own (`?view=embed&fig=…`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Figure {
    /// The `n`-th target chart (1-based) of an area, as on the area page.
    AreaChart {
        /// Area slug.
        area: String,
        /// Chart number, 1-based (charts are grouped by unit).
        n: u8,
    },
    /// The target chart of one indicator, by id.
    IndicatorChart(String),
    /// Departments × areas heatmap.
    Heatmap,
    /// The map with one layer.
    Map(MapLayer),
}

/// A colour scheme chosen by the URL (embeds only; the app follows the reader's setting).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
}

impl Scheme {
    /// The URL value (`light`, `dark`).
    pub fn param(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }
}

/// An embedded figure and its colour scheme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    /// What is shown.
    pub figure: Figure,
    /// Light or dark; `None` follows the reader's setting.
    pub scheme: Option<Scheme>,
}

impl Figure {
    /// The full view this figure comes from (the embed's link back).
    pub fn full_view(&self) -> Route {
        match self {
            Figure::AreaChart { area, .. } => Route::Area(area.clone()),
            Figure::IndicatorChart(id) => Route::Indicator(id.clone()),
            Figure::Heatmap => Route::Departments,
            Figure::Map(layer) => Route::Map(layer.clone()),
        }
    }

    /// The figure's own embed page beside `embed.html`, written at build time with the figure
    /// pre-rendered in Chinese (`tools/static_pages.py`): `embed-area-<slug>-<n>.html` or
    /// `embed-indicator-<id>.html`. `None` for the heatmap and the map (no such page: their
    /// embeds stay `embed.html?…`) and for an id the router would refuse (never a path).
    pub fn own_page(&self) -> Option<String> {
        match self {
            Figure::AreaChart { area, n } if is_id(area) && !area.is_empty() => {
                Some(format!("embed-area-{area}-{n}.html"))
            }
            Figure::IndicatorChart(id) if is_id(id) && !id.is_empty() => {
                Some(format!("embed-indicator-{id}.html"))
            }
            _ => None,
        }
    }

    /// The figure whose own page ([`Figure::own_page`]) is the file `name`.
    pub fn from_own_page(name: &str) -> Option<Figure> {
        let stem = name.strip_suffix(".html")?;
        let figure = if let Some(rest) = stem.strip_prefix("embed-area-") {
            let (area, n) = rest.rsplit_once('-')?;
            let n = n
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=MAX_CHART_NUMBER).contains(n))?;
            Figure::AreaChart {
                area: area.to_owned(),
                n,
            }
        } else {
            Figure::IndicatorChart(stem.strip_prefix("embed-indicator-")?.to_owned())
        };
        // Only a name this figure's own page would have (`n` without a leading zero, a valid id).
        (figure.own_page().as_deref() == Some(name)).then_some(figure)
    }
}

/// Most target charts an area can have (they are grouped by unit; real areas have up to 5).
const MAX_CHART_NUMBER: u8 = 20;

/// What the map colours the cities by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum MapLayer {
    /// Number of key tasks naming the city, in all areas or in one area (by slug).
    #[default]
    AllTasks,
    /// Number of key tasks of one area naming the city.
    AreaTasks(String),
    /// The four regions.
    Regions,
    /// Membership of one named programme (by id).
    Programme(String),
}

/// Longest search query kept in a URL.
const MAX_QUERY_LEN: usize = 100;

/// A parameter as found in the URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param<T> {
    /// Present and usable.
    Valid(T),
    /// Present but unusable; the reason is shown as a quiet notice.
    Invalid(String),
    /// Absent.
    Missing,
}

/// Everything the URL says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlState {
    /// The view (falls back to home when invalid).
    pub route: Route,
    /// The language, when the URL names one.
    pub lang: Param<Lang>,
    /// Reasons why parameters were ignored.
    pub notices: Vec<String>,
}

/// Whether `s` has only the characters an id in a URL may have (`A-Z a-z 0-9 - . _`). The data
/// validator applies the same rule to the ids that views are reached by, so every such id in a
/// valid file has a working link.
pub fn is_id(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
}

fn parse_id(value: Option<&str>, what: &str) -> Param<String> {
    match value {
        None => Param::Missing,
        Some("") => Param::Invalid(format!("`{what}` needs an id")),
        Some(v) if v.len() > MAX_ID_LEN => Param::Invalid(format!("`{what}` id is too long")),
        Some(v) if is_id(v) => Param::Valid(v.to_owned()),
        Some(v) => Param::Invalid(format!("`{what}` id `{v}` has characters an id never has")),
    }
}

/// Reads the map layer of `?view=map` (and of an embedded map) from `layer`, `area`, `programme`.
fn parse_layer<'a>(get: &impl Fn(&str) -> Option<&'a str>, notices: &mut Vec<String>) -> MapLayer {
    match get("layer") {
        None | Some("tasks") => match parse_id(get("area"), "area") {
            Param::Valid(area) => MapLayer::AreaTasks(area),
            Param::Missing => MapLayer::AllTasks,
            Param::Invalid(reason) => {
                notices.push(reason);
                MapLayer::AllTasks
            }
        },
        Some("regions") => MapLayer::Regions,
        Some("programme") => match parse_id(get("programme"), "programme") {
            Param::Valid(id) => MapLayer::Programme(id),
            Param::Missing | Param::Invalid(_) => {
                notices.push("`programme` needs a valid id".to_owned());
                MapLayer::AllTasks
            }
        },
        Some(other) => {
            notices.push(format!("unknown map layer `{other}`"));
            MapLayer::AllTasks
        }
    }
}

/// Reads `theme` of an embed.
fn parse_scheme(value: Option<&str>, notices: &mut Vec<String>) -> Option<Scheme> {
    match value {
        None | Some("") | Some("auto") => None,
        Some("light") => Some(Scheme::Light),
        Some("dark") => Some(Scheme::Dark),
        Some(other) => {
            notices.push(format!("unknown theme `{other}`"));
            None
        }
    }
}

/// Reads the figure of `?view=embed` from `fig`, `id`, `n` (and the map's layer parameters).
fn parse_figure<'a>(
    get: &impl Fn(&str) -> Option<&'a str>,
    notices: &mut Vec<String>,
) -> Option<Figure> {
    let id = |notices: &mut Vec<String>| match parse_id(get("id"), "embed") {
        Param::Valid(id) => Some(id),
        Param::Invalid(reason) => {
            notices.push(reason);
            None
        }
        Param::Missing => {
            notices.push("`embed` needs an id".to_owned());
            None
        }
    };
    match get("fig") {
        Some("area") => {
            let area = id(notices)?;
            match get("n").map(str::parse::<u8>) {
                Some(Ok(n)) if (1..=MAX_CHART_NUMBER).contains(&n) => {
                    Some(Figure::AreaChart { area, n })
                }
                _ => {
                    notices.push(format!(
                        "`n` must be a chart number from 1 to {MAX_CHART_NUMBER}"
                    ));
                    None
                }
            }
        }
        Some("indicator") => id(notices).map(Figure::IndicatorChart),
        Some("heatmap") => Some(Figure::Heatmap),
        Some("map") => Some(Figure::Map(parse_layer(get, notices))),
        Some(other) => {
            notices.push(format!("unknown figure `{other}`"));
            None
        }
        None => {
            notices.push("`embed` needs a figure (`fig`)".to_owned());
            None
        }
    }
}

impl UrlState {
    /// Parses a query string (with or without the leading `?`).
    pub fn parse(query: &str) -> UrlState {
        let query = query.strip_prefix('?').unwrap_or(query);
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        let get = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let mut notices = Vec::new();

        let lang = match get("lang") {
            None => Param::Missing,
            Some(v) => match Lang::from_param(v) {
                Some(l) => Param::Valid(l),
                None => Param::Invalid(format!("unknown language `{v}`")),
            },
        };
        if let Param::Invalid(reason) = &lang {
            notices.push(reason.clone());
        }

        let with_id =
            |what: &str, make: fn(String) -> Route, notices: &mut Vec<String>| match parse_id(
                get("id"),
                what,
            ) {
                Param::Valid(id) => make(id),
                Param::Invalid(reason) => {
                    notices.push(reason);
                    Route::Home
                }
                Param::Missing => {
                    notices.push(format!("`{what}` needs an id"));
                    Route::Home
                }
            };
        let route = match get("view") {
            None | Some("") | Some("home") => Route::Home,
            Some("area") => with_id("area", Route::Area, &mut notices),
            Some("indicator") => with_id("indicator", Route::Indicator, &mut notices),
            Some("department") => with_id("department", Route::Department, &mut notices),
            Some("departments") => Route::Departments,
            Some("about") => Route::About,
            Some("city") => with_id("city", Route::City, &mut notices),
            Some("search") => Route::Search(
                get("q")
                    .unwrap_or_default()
                    .chars()
                    .take(MAX_QUERY_LEN)
                    .collect(),
            ),
            Some("map") => Route::Map(parse_layer(&get, &mut notices)),
            Some("embed") => match parse_figure(&get, &mut notices) {
                Some(figure) => Route::Embed(Embed {
                    figure,
                    scheme: parse_scheme(get("theme"), &mut notices),
                }),
                None => Route::Home,
            },
            Some("plan") => match parse_id(get("p"), "plan") {
                Param::Valid(p) => Route::Plan(Some(p)),
                Param::Missing => Route::Plan(None),
                Param::Invalid(reason) => {
                    notices.push(reason);
                    Route::Plan(None)
                }
            },
            Some(other) => {
                notices.push(format!("unknown view `{other}`"));
                Route::Home
            }
        };
        UrlState {
            route,
            lang,
            notices,
        }
    }
}

/// The query the app starts from: the page's own query string, or — when it has none — the
/// route a build-time per-view page carries in `<meta name="gd-route">` (e.g. `area-finance.html`
/// holds `view=area&id=finance`), or else the view whose own page the file at `page_path` is: the
/// service worker answers a per-view page it has not kept with the app shell (`index.html`, no
/// meta) when the reader is offline, and that page must still open its own view (which then says
/// "offline"), not home. Any of them is then read by [`UrlState::parse`] like any query.
pub fn initial_query(search: &str, page_route: Option<&str>, page_path: &str) -> String {
    let own = search.strip_prefix('?').unwrap_or(search);
    if !own.is_empty() {
        return own.to_owned();
    }
    if let Some(route) = page_route {
        return route.trim().to_owned();
    }
    let file = page_path.rsplit('/').next().unwrap_or_default();
    Route::from_own_page(file)
        .map(|route| route.query_without_lang())
        .unwrap_or_default()
}

impl Route {
    /// The view's own page beside `index.html` (`area-<slug>.html`, `indicator-<id>.html`,
    /// `city-<adcode>.html`, written
    /// at build time: link previews, a pre-rendered first chart) as a relative URL that opens this
    /// view: the page alone, which opens in the reader's language, or — for English, which the page
    /// is not pre-rendered in — with the view's query. `None` for views without such a page.
    pub fn own_page(&self, lang: Lang) -> Option<String> {
        let file = match self {
            Route::Area(id) if is_id(id) && !id.is_empty() => format!("area-{id}.html"),
            Route::Indicator(id) if is_id(id) && !id.is_empty() => {
                format!("indicator-{id}.html")
            }
            Route::City(id) if is_id(id) && !id.is_empty() => format!("city-{id}.html"),
            _ => return None,
        };
        Some(match lang {
            Lang::Zh => file,
            Lang::En => format!("{file}{}", self.href(lang)),
        })
    }

    /// The view whose own page ([`Route::own_page`]) is the file `name`, e.g. `area-finance.html`.
    pub fn from_own_page(name: &str) -> Option<Route> {
        if let Some(figure) = Figure::from_own_page(name) {
            return Some(Route::Embed(Embed {
                figure,
                scheme: None,
            }));
        }
        let stem = name.strip_suffix(".html")?;
        let (make, id): (fn(String) -> Route, &str) = if let Some(id) = stem.strip_prefix("area-") {
            (Route::Area, id)
        } else if let Some(id) = stem.strip_prefix("city-") {
            (Route::City, id)
        } else {
            (Route::Indicator, stem.strip_prefix("indicator-")?)
        };
        (is_id(id) && !id.is_empty()).then(|| make(id.to_owned()))
    }

    /// The query of this view without `?` and without a language (`view=area&id=finance`), so that
    /// it opens in the reader's language: what a per-view page's `<meta name="gd-route">` holds.
    pub fn query_without_lang(&self) -> String {
        let href = self.href(Lang::Zh);
        let q = href.trim_start_matches('?');
        let kept: Vec<&str> = q.split('&').filter(|p| !p.starts_with("lang=")).collect();
        kept.join("&")
    }

    /// Whether the small single-figure bundle (`src/bin/view.rs`, served to `area-*.html`,
    /// `indicator-*.html` and `embed.html`) shows this view: an area, an indicator, or the embed
    /// of one of their charts. Every other view is left to the full app (`index.html`), so that
    /// bundle links neither the map, the heatmap nor the search index.
    pub fn is_figure_view(&self) -> bool {
        match self {
            Route::Area(_) | Route::Indicator(_) => true,
            Route::Embed(embed) => matches!(
                embed.figure,
                Figure::AreaChart { .. } | Figure::IndicatorChart(_)
            ),
            _ => false,
        }
    }

    /// The address of this view in the full app, relative to the page's directory:
    /// `index.html?view=map&lang=en`. A bundle that cannot show a view loads this page instead.
    pub fn full_app_href(&self, lang: Lang) -> String {
        format!("index.html{}", self.href(lang))
    }

    /// The query string of this view in `lang`, e.g. `?view=area&id=finance&lang=en`.
    pub fn href(&self, lang: Lang) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        match self {
            Route::Home => {}
            Route::Area(id) => {
                q.append_pair("view", "area").append_pair("id", id);
            }
            Route::Indicator(id) => {
                q.append_pair("view", "indicator").append_pair("id", id);
            }
            Route::Departments => {
                q.append_pair("view", "departments");
            }
            Route::Department(id) => {
                q.append_pair("view", "department").append_pair("id", id);
            }
            Route::Plan(p) => {
                q.append_pair("view", "plan");
                if let Some(p) = p {
                    q.append_pair("p", p);
                }
            }
            Route::About => {
                q.append_pair("view", "about");
            }
            Route::City(id) => {
                q.append_pair("view", "city").append_pair("id", id);
            }
            Route::Search(text) => {
                q.append_pair("view", "search").append_pair("q", text);
            }
            Route::Map(layer) => {
                q.append_pair("view", "map");
                append_layer(&mut q, layer);
            }
            Route::Embed(Embed { figure, scheme }) => {
                q.append_pair("view", "embed");
                match figure {
                    Figure::AreaChart { area, n } => {
                        q.append_pair("fig", "area")
                            .append_pair("id", area)
                            .append_pair("n", &n.to_string());
                    }
                    Figure::IndicatorChart(id) => {
                        q.append_pair("fig", "indicator").append_pair("id", id);
                    }
                    Figure::Heatmap => {
                        q.append_pair("fig", "heatmap");
                    }
                    Figure::Map(layer) => {
                        q.append_pair("fig", "map");
                        append_layer(&mut q, layer);
                    }
                }
                if let Some(scheme) = scheme {
                    q.append_pair("theme", scheme.param());
                }
            }
        }
        q.append_pair("lang", lang.param());
        format!("?{}", q.finish())
    }
}

/// Writes a map layer's parameters (the inverse of [`parse_layer`]).
fn append_layer(q: &mut form_urlencoded::Serializer<'_, String>, layer: &MapLayer) {
    match layer {
        MapLayer::AllTasks => {}
        MapLayer::AreaTasks(area) => {
            q.append_pair("layer", "tasks").append_pair("area", area);
        }
        MapLayer::Regions => {
            q.append_pair("layer", "regions");
        }
        MapLayer::Programme(id) => {
            q.append_pair("layer", "programme")
                .append_pair("programme", id);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn areas_and_indicators_have_their_own_page() {
        let area = Route::Area("finance".into());
        assert_eq!(
            area.own_page(Lang::Zh).as_deref(),
            Some("area-finance.html")
        );
        assert_eq!(
            area.own_page(Lang::En).as_deref(),
            Some("area-finance.html?view=area&id=finance&lang=en")
        );
        let ind = Route::Indicator("overall.online-shopping-penetration".into());
        assert_eq!(
            ind.own_page(Lang::Zh).as_deref(),
            Some("indicator-overall.online-shopping-penetration.html")
        );
        let city = Route::City("440100".into());
        assert_eq!(city.own_page(Lang::Zh).as_deref(), Some("city-440100.html"));
        assert_eq!(
            city.own_page(Lang::En).as_deref(),
            Some("city-440100.html?view=city&id=440100&lang=en")
        );
        assert_eq!(Route::City("../x".into()).own_page(Lang::Zh), None);
        for other in [
            Route::Home,
            Route::Departments,
            Route::About,
            Route::Search("x".into()),
        ] {
            assert_eq!(other.own_page(Lang::Zh), None, "{other:?}");
        }
        // Never a path: an id the router would refuse gives no page.
        assert_eq!(Route::Area("../x".into()).own_page(Lang::Zh), None);
        assert_eq!(Route::Area(String::new()).own_page(Lang::Zh), None);
    }

    #[test]
    fn every_route_round_trips_through_its_href() {
        let routes = [
            Route::Home,
            Route::Area("manufacturing".into()),
            Route::Indicator("overall.online-shopping-penetration".into()),
            Route::Departments,
            Route::Department("development-reform".into()),
            Route::Plan(None),
            Route::Plan(Some("p042".into())),
            Route::About,
            Route::City("440300".into()),
            Route::Search("深圳 e-commerce".into()),
            Route::Search(String::new()),
            Route::Map(MapLayer::AllTasks),
            Route::Map(MapLayer::AreaTasks("finance".into())),
            Route::Map(MapLayer::Regions),
            Route::Map(MapLayer::Programme("big-data-bases".into())),
            Route::Embed(Embed {
                figure: Figure::AreaChart {
                    area: "finance".into(),
                    n: 2,
                },
                scheme: Some(Scheme::Dark),
            }),
            Route::Embed(Embed {
                figure: Figure::IndicatorChart("overall.online-shopping-penetration".into()),
                scheme: None,
            }),
            Route::Embed(Embed {
                figure: Figure::Heatmap,
                scheme: Some(Scheme::Light),
            }),
            Route::Embed(Embed {
                figure: Figure::Map(MapLayer::Programme("big-data-bases".into())),
                scheme: None,
            }),
            Route::Embed(Embed {
                figure: Figure::Map(MapLayer::AreaTasks("finance".into())),
                scheme: Some(Scheme::Dark),
            }),
        ];
        for route in routes {
            for lang in [Lang::Zh, Lang::En] {
                let state = UrlState::parse(&route.href(lang));
                assert_eq!(state.route, route);
                assert_eq!(state.lang, Param::Valid(lang));
                assert!(state.notices.is_empty(), "{:?}", state.notices);
            }
        }
    }

    #[test]
    fn a_static_page_route_applies_only_without_a_query() {
        let page = Some("view=area&id=finance");
        let start = |search| UrlState::parse(&initial_query(search, page, "/x/index.html")).route;
        assert_eq!(start(""), Route::Area("finance".into()));
        assert_eq!(start("?"), Route::Area("finance".into()));
        // Once the reader navigates, the URL wins (the home link is `?lang=…`).
        assert_eq!(start("?lang=zh"), Route::Home);
        assert_eq!(start("?view=about"), Route::About);
        assert_eq!(
            UrlState::parse(&initial_query("", None, "/x/index.html")).route,
            Route::Home
        );
        // A page route is parsed like any URL: nonsense falls back to home with a notice.
        let odd = UrlState::parse(&initial_query("", Some("view=area&id=<x>"), "/"));
        assert_eq!((odd.route, odd.notices.len()), (Route::Home, 1));
    }

    #[test]
    fn area_and_indicator_charts_have_their_own_embed_page() {
        let area = Figure::AreaChart {
            area: "manufacturing".into(),
            n: 2,
        };
        assert_eq!(
            area.own_page().as_deref(),
            Some("embed-area-manufacturing-2.html")
        );
        let ind = Figure::IndicatorChart("overall.online-shopping".into());
        assert_eq!(
            ind.own_page().as_deref(),
            Some("embed-indicator-overall.online-shopping.html")
        );
        for figure in [area, ind] {
            let file = figure.own_page().unwrap();
            assert_eq!(Figure::from_own_page(&file), Some(figure.clone()));
            // The offline shell in place of an embed page the worker has not kept opens that embed.
            let state = UrlState::parse(&initial_query("", None, &format!("/gd/{file}")));
            assert_eq!(
                state.route,
                Route::Embed(Embed {
                    figure,
                    scheme: None
                })
            );
        }
        for none in [
            Figure::Heatmap,
            Figure::Map(MapLayer::AllTasks),
            Figure::IndicatorChart("../x".into()),
            Figure::AreaChart {
                area: String::new(),
                n: 1,
            },
        ] {
            assert_eq!(none.own_page(), None, "{none:?}");
        }
        for other in [
            "embed.html",
            "embed-host.js",
            "embed-area-x.html",
            "embed-area-x-0.html",
            "embed-area-x-01.html",
            "embed-area-x-21.html",
            "embed-area--1.html",
            "embed-indicator-.html",
            "embed-indicator-<x>.html",
        ] {
            assert_eq!(Figure::from_own_page(other), None, "{other}");
            assert_eq!(Route::from_own_page(other), None, "{other}");
        }
    }

    #[test]
    fn a_per_view_page_without_its_meta_opens_the_view_its_file_names() {
        // The offline shell served in place of a per-view page the worker has not kept.
        for route in [
            Route::Area("finance".into()),
            Route::Indicator("overall.online-shopping-rate".into()),
            Route::City("440100".into()),
        ] {
            let Some(file) = route.own_page(Lang::Zh) else {
                panic!("{route:?} has an own page");
            };
            assert_eq!(Route::from_own_page(&file), Some(route.clone()));
            let query = initial_query("", None, &format!("/gd/{file}"));
            let state = UrlState::parse(&query);
            assert_eq!(state.route, route);
            assert_eq!(state.lang, Param::Missing, "the reader's language applies");
            // The meta and the query still win over the file name.
            let meta = initial_query("", Some("view=about"), &format!("/gd/{file}"));
            assert_eq!(UrlState::parse(&meta).route, Route::About);
            let own = initial_query("?view=map", None, &format!("/gd/{file}"));
            assert_eq!(UrlState::parse(&own).route, Route::Map(MapLayer::AllTasks));
        }
        for other in [
            "index.html",
            "embed.html",
            "",
            "area-.html",
            "area-<x>.html",
            "area-a.htm",
            "city-.html",
            "city-<x>.html",
            "indicator-",
        ] {
            assert_eq!(Route::from_own_page(other), None, "{other}");
            assert_eq!(
                UrlState::parse(&initial_query("", None, other)).route,
                Route::Home
            );
        }
    }

    #[test]
    fn empty_query_is_home_without_language() {
        let state = UrlState::parse("");
        assert_eq!(state.route, Route::Home);
        assert_eq!(state.lang, Param::Missing);
    }

    #[test]
    fn invalid_parameters_fall_back_with_a_notice() {
        let state = UrlState::parse("?view=area&id=%3Cscript%3E&lang=fr");
        assert_eq!(state.route, Route::Home);
        assert_eq!(state.lang, Param::Invalid("unknown language `fr`".into()));
        assert_eq!(state.notices.len(), 2, "{:?}", state.notices);

        let state = UrlState::parse("view=nonsense");
        assert_eq!(state.route, Route::Home);
        assert_eq!(state.notices, vec!["unknown view `nonsense`".to_owned()]);

        let state = UrlState::parse("view=area");
        assert_eq!(state.route, Route::Home);
        assert_eq!(state.notices.len(), 1);
    }

    #[test]
    fn a_bad_embed_falls_back_to_home_with_a_reason() {
        for (query, reason) in [
            ("view=embed", "`embed` needs a figure (`fig`)"),
            ("view=embed&fig=pie", "unknown figure `pie`"),
            (
                "view=embed&fig=area&id=finance",
                "`n` must be a chart number from 1 to 20",
            ),
            (
                "view=embed&fig=area&id=finance&n=0",
                "`n` must be a chart number from 1 to 20",
            ),
            (
                "view=embed&fig=area&id=finance&n=300",
                "`n` must be a chart number from 1 to 20",
            ),
            ("view=embed&fig=indicator", "`embed` needs an id"),
        ] {
            let state = UrlState::parse(query);
            assert_eq!(state.route, Route::Home, "{query}");
            assert_eq!(state.notices, vec![reason.to_owned()], "{query}");
        }
        let state = UrlState::parse("view=embed&fig=heatmap&theme=sepia");
        assert_eq!(
            state.route,
            Route::Embed(Embed {
                figure: Figure::Heatmap,
                scheme: None
            })
        );
        assert_eq!(state.notices, vec!["unknown theme `sepia`".to_owned()]);
    }

    #[test]
    fn an_embed_links_back_to_its_full_view() {
        let area = Figure::AreaChart {
            area: "finance".into(),
            n: 1,
        };
        assert_eq!(area.full_view(), Route::Area("finance".into()));
        assert_eq!(Figure::Heatmap.full_view(), Route::Departments);
        assert_eq!(
            Figure::Map(MapLayer::Regions).full_view(),
            Route::Map(MapLayer::Regions)
        );
    }

    #[test]
    fn the_figure_bundle_shows_areas_indicators_and_their_chart_embeds_only() {
        let shown = [
            "view=area&id=finance",
            "view=indicator&id=finance.x",
            "view=embed&fig=area&id=finance&n=2",
            "view=embed&fig=indicator&id=finance.x",
        ];
        for q in shown {
            assert!(UrlState::parse(q).route.is_figure_view(), "{q}");
        }
        let left_to_the_full_app = [
            "",
            "view=map",
            "view=map&layer=tasks&area=finance",
            "view=departments",
            "view=department&id=x",
            "view=plan&p=2.1",
            "view=about",
            "view=city&id=440100",
            "view=search&q=x",
            "view=embed&fig=heatmap",
            "view=embed&fig=map&layer=regions",
        ];
        for q in left_to_the_full_app {
            assert!(!UrlState::parse(q).route.is_figure_view(), "{q}");
        }
    }

    #[test]
    fn a_view_the_bundle_cannot_show_is_a_page_of_the_full_app() {
        assert_eq!(
            Route::Map(MapLayer::Regions).full_app_href(Lang::En),
            "index.html?view=map&layer=regions&lang=en"
        );
        assert_eq!(Route::Home.full_app_href(Lang::Zh), "index.html?lang=zh");
    }
}
