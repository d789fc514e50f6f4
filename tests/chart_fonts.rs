//! Legibility of every drawn figure (issue #16), read from the SVG strings the app, the downloads
//! and `render-static` write: every `<text>` has a `font-size` of at least 12 CSS px as written
//! (plotters' SVG backend divides the size it is given by 1.24, so this reads what the browser
//! gets, after that scaling), and its estimated extent stays inside the drawing. Checked for all
//! areas' target charts, every indicator's chart, the heatmap, every map layer and the city
//! locator maps, zh and en, at the widths a 320, 768 and 1280 px window gives them (and 800, the
//! downloads). And: each target's label on its chart carries the comparator and the unit of
//! data/, formatted by `format::target`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test

mod common;

use gd_plus::chart::heatmap::{heatmap_export_svg, heatmap_to_svg, HeatmapData};
use gd_plus::chart::target_bars::{charts_for, to_export_svg, to_svg};
use gd_plus::chart::text::{width as text_width, MIN_TEXT_PX};
use gd_plus::chart::Theme;
use gd_plus::data::{Comparator, ProgrammeIndex};
use gd_plus::format;
use gd_plus::geo::labels::place_labels;
use gd_plus::geo::layers::{layer_view, LayerView};
use gd_plus::geo::locator::locator_style;
use gd_plus::geo::{map_export_svg, map_to_svg, CityShapes, MapLayout};
use gd_plus::i18n::Lang;
use gd_plus::route::MapLayer;

/// Drawing widths: the figure's container in a 320, 768 and 1280 px window (`main` has 1rem
/// padding and is at most 60rem), the window widths themselves, the narrowest layout, and the
/// downloads' 800.
const WIDTHS: [u32; 8] = [280, 288, 320, 736, 768, 800, 928, 1280];

/// One `<text>` element: font size (CSS px), x, anchor and its text.
#[derive(Debug)]
struct SvgText {
    size: f64,
    x: f64,
    anchor: String,
    content: String,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let rest = &tag[start..];
    Some(rest[..rest.find('"')?].to_owned())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Every `<text>` of an SVG string, and the drawing's width.
fn texts(svg: &str) -> (f64, Vec<SvgText>) {
    let root = &svg[svg.find("<svg").unwrap()..];
    let width: f64 = attr(&root[..root.find('>').unwrap()], "width")
        .unwrap()
        .parse()
        .unwrap();
    let mut out = Vec::new();
    for chunk in svg.split("<text").skip(1) {
        let (tag, rest) = chunk.split_once('>').unwrap();
        let content = unescape(rest.split("</text>").next().unwrap().trim());
        let size = attr(tag, "font-size")
            .unwrap_or_else(|| panic!("a text without font-size: {tag}"))
            .parse()
            .unwrap();
        out.push(SvgText {
            size,
            x: attr(tag, "x").unwrap().parse().unwrap(),
            anchor: attr(tag, "text-anchor").unwrap_or_else(|| "start".into()),
            content,
        });
    }
    (width, out)
}

/// Asserts that every text of `svg` is at least 12 px and lies inside the drawing horizontally.
fn check(what: &str, svg: &str) -> usize {
    let (width, texts) = texts(svg);
    assert!(!texts.is_empty(), "{what}: no text at all");
    for t in &texts {
        assert!(
            t.size >= MIN_TEXT_PX,
            "{what}: {:?} is {} px, under {MIN_TEXT_PX}",
            t.content,
            t.size
        );
        let w = f64::from(text_width(&t.content, t.size));
        let (left, right) = match t.anchor.as_str() {
            "middle" => (t.x - w / 2.0, t.x + w / 2.0),
            "end" => (t.x - w, t.x),
            _ => (t.x, t.x + w),
        };
        assert!(
            left >= -0.5 && right <= width + 0.5,
            "{what}: {:?} spans {left:.0}–{right:.0} of a {width}-px drawing",
            t.content
        );
    }
    texts.len()
}

/// Every layer the map page offers (all tasks, the regions, each area, each programme) with its
/// view in `lang`, light theme.
fn every_map_view(
    all: &common::All,
    programmes: &ProgrammeIndex,
    lang: Lang,
) -> Vec<(MapLayer, LayerView)> {
    let mut layers = vec![MapLayer::AllTasks, MapLayer::Regions];
    layers.extend(
        all.areas
            .iter()
            .map(|a| MapLayer::AreaTasks(a.slug.clone())),
    );
    layers.extend(
        programmes
            .programmes
            .iter()
            .map(|p| MapLayer::Programme(p.id.clone())),
    );
    layers
        .into_iter()
        .map(|layer| {
            let view = layer_view(
                &layer,
                &all.cities,
                &all.areas,
                programmes,
                lang,
                Theme::LIGHT,
            );
            (layer, view)
        })
        .collect()
}

fn city_shapes() -> CityShapes {
    let path = common::root().join("data/geo/guangdong-cities.geojson");
    CityShapes::parse("geo", &std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_text_of_every_figure_is_at_least_12_px_and_inside_its_drawing() {
    let all = common::all();
    let programmes: ProgrammeIndex = common::data("programmes.json");
    let shapes = city_shapes();
    let mut checked = 0;
    for lang in [Lang::Zh, Lang::En] {
        for &width in &WIDTHS {
            for area in &all.areas {
                for chart in charts_for(&area.slug, &area.indicators, lang) {
                    let what = format!("{} {lang:?} {width}", chart.id);
                    checked += check(&what, &to_svg(&chart, width, Theme::LIGHT));
                    checked += check(
                        &format!("{what} framed"),
                        &to_export_svg(&chart, width, Theme::DARK, "标题 Title", lang),
                    );
                }
                for ind in area.indicators.iter().filter(|i| !i.targets.is_empty()) {
                    let chart = &charts_for(&area.slug, std::slice::from_ref(ind), lang)[0];
                    let what = format!("{} {lang:?} {width}", ind.id);
                    checked += check(&what, &to_svg(chart, width, Theme::LIGHT));
                }
            }
            let heat = HeatmapData::from(&all.index, &all.areas, &all.departments, lang);
            let what = format!("heatmap {lang:?} {width}");
            checked += check(
                &what,
                &heatmap_to_svg(&heat, width, Theme::LIGHT, Some((0, 0))),
            );
            checked += check(
                &format!("{what} framed"),
                &heatmap_export_svg(&heat, width, Theme::LIGHT, "部门 × 行动"),
            );
            let layout = MapLayout::new(&shapes, width);
            for (layer, view) in &every_map_view(&all, &programmes, lang) {
                let what = format!("map {layer:?} {lang:?} {width}");
                checked += check(&what, &map_to_svg(&layout, &view.style));
                if layer == &MapLayer::AllTasks {
                    checked += check(
                        &format!("{what} framed"),
                        &map_export_svg(&layout, &view.style, lang),
                    );
                }
            }
            let locator = MapLayout::locator(&shapes, width.min(360));
            for city in &all.cities.cities {
                let style = locator_style(&city.adcode, &all.cities, lang, Theme::DARK).unwrap();
                let what = format!("locator {} {lang:?} {width}", city.adcode);
                checked += check(&what, &map_to_svg(&locator, &style));
            }
        }
    }
    assert!(checked > 10_000, "only {checked} texts checked");
}

#[test]
fn each_targets_label_carries_its_comparator_and_unit_from_the_data() {
    let all = common::all();
    let mut labels = 0;
    for lang in [Lang::Zh, Lang::En] {
        for area in &all.areas {
            for ind in area.indicators.iter().filter(|i| !i.targets.is_empty()) {
                let chart = &charts_for(&area.slug, std::slice::from_ref(ind), lang)[0];
                let (_, drawn) = texts(&to_svg(chart, 320, Theme::LIGHT));
                let drawn: Vec<&str> = drawn.iter().map(|t| t.content.as_str()).collect();
                for t in &ind.targets {
                    let label = format::target(t.value, &ind.unit, t.comparator, lang);
                    assert!(
                        drawn.contains(&label.as_str()),
                        "{} {lang:?}: {label:?} not on the chart: {drawn:?}",
                        t.id
                    );
                    assert!(drawn.contains(&t.year.to_string().as_str()), "{}", t.id);
                    let comparator = match (t.comparator, lang) {
                        (Comparator::AtLeast, _) => "≥",
                        (Comparator::AtMost, _) => "≤",
                        (Comparator::ReductionVs2014, Lang::Zh) => "比2014年",
                        (Comparator::ReductionVs2014, Lang::En) => "vs 2014",
                        (Comparator::AsStated, _) => "",
                    };
                    assert!(label.contains(comparator), "{label}");
                    // The unit as the data writes it: zh literally; en in its own words
                    // (the noun after any multiplier, "yuan" of "100 million yuan").
                    let unit = match lang {
                        Lang::Zh => ind.unit.zh.clone(),
                        Lang::En => ind.unit.en.rsplit(' ').next().unwrap().to_owned(),
                    };
                    let singular = format::singular(&unit);
                    assert!(
                        label.contains(&unit) || label.contains(&singular),
                        "{label} lacks {unit}"
                    );
                    labels += 1;
                }
            }
        }
    }
    assert!(labels >= 2 * 57, "{labels}");
}

/// On a phone the labels of neighbouring small cities would overlap: none is drawn over another
/// (one that would be is left out), every label placed is drawn, and on a desktop-wide map every
/// city of the all-tasks layer keeps its label.
#[test]
fn map_labels_never_overlap_and_a_desktop_map_labels_every_city() {
    let all = common::all();
    let programmes: ProgrammeIndex = common::data("programmes.json");
    let shapes = city_shapes();
    let mut left_out = 0;
    for lang in [Lang::Zh, Lang::En] {
        for &width in &WIDTHS {
            let layout = MapLayout::new(&shapes, width);
            for (layer, view) in &every_map_view(&all, &programmes, lang) {
                let placed = place_labels(
                    &layout,
                    &view.style,
                    layout.frames.label_px,
                    layout.frames.width,
                    layout.height(),
                );
                let what = format!("map {layer:?} {lang:?} {width}");
                for (i, a) in placed.iter().enumerate() {
                    for b in &placed[i + 1..] {
                        let apart = a.bounds.x1 < b.bounds.x0
                            || b.bounds.x1 < a.bounds.x0
                            || a.bounds.y1 < b.bounds.y0
                            || b.bounds.y1 < a.bounds.y0;
                        assert!(apart, "{what}: {:?} and {:?} overlap", a.text, b.text);
                    }
                }
                let svg = map_to_svg(&layout, &view.style);
                let drawn = texts(&svg).1;
                for p in &placed {
                    assert!(
                        drawn.iter().any(|t| t.content == p.text),
                        "{what}: {:?} placed but not drawn",
                        p.text
                    );
                }
                let labelled = view.style.labels.values().filter(|l| !l.is_empty()).count();
                left_out += labelled - placed.len();
                if layer == &MapLayer::AllTasks && width >= 736 {
                    assert_eq!(placed.len(), 21, "{what}: a label is missing");
                }
            }
        }
    }
    assert!(
        left_out > 0,
        "no label was ever left out: the phone-width case is not exercised"
    );
}

/// A locator map has one label, its city's: however long the name (a hostile dataset), it is
/// drawn, even where it cannot fit the drawing (the canary test looks for it).
#[test]
fn the_locator_draws_its_one_label_however_long() {
    let all = common::all();
    let layout = MapLayout::locator(&city_shapes(), 343);
    let mut cities = all.cities.clone();
    let long = "<img src=x onerror=alert(1)>".repeat(8);
    for c in &mut cities.cities {
        c.short_zh = long.clone();
        c.name.zh = long.clone();
    }
    for city in &cities.cities {
        let style = locator_style(&city.adcode, &cities, Lang::Zh, Theme::LIGHT).unwrap();
        let placed = place_labels(
            &layout,
            &style,
            layout.frames.label_px,
            layout.frames.width,
            layout.height(),
        );
        assert_eq!(placed.len(), 1, "{}: its label is not placed", city.adcode);
        assert!(
            texts(&map_to_svg(&layout, &style))
                .1
                .iter()
                .any(|t| t.content == long),
            "{}: its label is not drawn",
            city.adcode
        );
    }
}
