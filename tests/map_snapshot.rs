//! The map end to end on the real boundaries: parse, lay out at 800 px, draw to SVG, compare with
//! `tests/snapshots/map-800.svg`. `UPDATE_SNAPSHOTS=1 cargo test --test map_snapshot` rewrites it.
#![cfg(not(target_arch = "wasm32"))]
// A test that cannot read its own fixtures should stop right there, with the reason.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::time::Instant;

use gd_plus::chart::Theme;
use gd_plus::geo::{
    breaks, class_of, map_to_svg, sequential_fills, CityShapes, LegendEntry, MapLayout, MapStyle,
    PanelKind, PRD_INSET_CITIES,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shapes() -> CityShapes {
    let path = root().join("data/geo/guangdong-cities.geojson");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    CityShapes::parse("geo/guangdong-cities.geojson", &text).unwrap_or_else(|e| panic!("{e}"))
}

/// Tasks naming each city, copied from data/csv/task_cities.csv so that the snapshot only
/// changes when the drawing code does, not when the data is corrected.
#[rustfmt::skip]
const COUNTS: [(&str, u32); 9] = [
    ("440100", 10), ("440300", 8), ("440600", 4), ("441900", 4), ("440500", 3),
    ("440400", 2), ("441300", 2), ("445200", 2), ("445300", 1),
];

/// A choropleth of the fixed counts: fills by class, labels with the count written out.
fn style(shapes: &CityShapes, theme: Theme) -> MapStyle {
    let count = |code: &str| COUNTS.iter().find(|c| c.0 == code).map_or(0, |c| c.1);
    let values: Vec<u32> = shapes.cities.iter().map(|c| count(&c.adcode)).collect();
    let bins = breaks(&values);
    let fills = sequential_fills(bins.len(), &theme);
    let mut style = MapStyle::new(theme);
    style.title = "提及各市的任务数".into();
    style.prd_caption = "珠三角".into();
    style.dongsha_caption = "东沙群岛".into();
    for city in &shapes.cities {
        let n = count(&city.adcode);
        if let Some(fill) = class_of(&bins, n).and_then(|i| fills.get(i)) {
            style.fills.insert(city.adcode.clone(), *fill);
        }
        let short = city.name_zh.trim_end_matches('市');
        let label = if n > 0 {
            format!("{short} {n}")
        } else {
            short.to_owned()
        };
        style.labels.insert(city.adcode.clone(), label);
    }
    style.legend = bins
        .iter()
        .zip(&fills)
        .map(|(b, fill)| LegendEntry {
            fill: *fill,
            code: String::new(),
            label: b.label.clone(),
        })
        .collect();
    style.highlight = Some("440300".into());
    style
}

#[test]
fn round_floats_touches_only_decimals() {
    let s = r##"<text font-size="10.4838709" dy="0.5ex" fill="#08306B">广州 10</text>"##;
    let want = r##"<text font-size="10.5" dy="0.5ex" fill="#08306B">广州 10</text>"##;
    assert_eq!(common::round_floats(s), want);
    assert_eq!(common::round_floats("1.2.3 x. .5 7"), "1.2.3 x. .5 7");
}

#[test]
fn map_at_800_px_matches_the_snapshot() {
    let shapes = shapes();
    assert_eq!(shapes.cities.len(), 21);
    let started = Instant::now();
    let layout = MapLayout::new(&shapes, 800);
    let took = started.elapsed(); // printed, not asserted: debug builds and CI machines vary
    let again = Instant::now();
    (0..20).for_each(|_| drop(std::hint::black_box(MapLayout::new(&shapes, 800))));
    let mean = again.elapsed() / 20;
    println!("layout at 800 px: first {took:?}, mean of 20: {mean:?}");
    let svg = common::round_floats(&map_to_svg(&layout, &style(&shapes, Theme::LIGHT)));
    println!(
        "SVG: {} bytes, {}×{} px",
        svg.len(),
        layout.width(),
        layout.height()
    );

    let path = root().join("tests/snapshots/map-800.svg");
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::create_dir_all(root().join("tests/snapshots")).unwrap();
        std::fs::write(&path, &svg).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_SNAPSHOTS=1 to create it",
            path.display()
        )
    });
    if want != svg {
        let line = want.lines().zip(svg.lines()).position(|(a, b)| a != b);
        panic!(
            "SVG differs from {} (first differing line: {line:?}; lines {} vs {}); \
             if the change is intended, rerun with UPDATE_SNAPSHOTS=1",
            path.display(),
            want.lines().count(),
            svg.lines().count()
        );
    }
}

#[test]
fn every_city_is_found_at_its_label() {
    let shapes = shapes();
    let layout = MapLayout::new(&shapes, 800);
    assert_eq!(layout.anchors.len(), 21);
    for a in &layout.anchors {
        let code = &layout.adcodes[a.city];
        let (x, y) = (f64::from(a.at.0), f64::from(a.at.1));
        assert_eq!(
            layout.city_at(x, y),
            Some(code.as_str()),
            "{code} at {:?}",
            a.at
        );
    }
}

#[test]
fn the_main_map_keeps_its_shape() {
    let layout = MapLayout::new(&shapes(), 800);
    let f = layout.main.fit;
    // Near the centre, 1° of longitude is cos 23° of 1° of latitude on the ground, and so on screen.
    let d = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).hypot(a.1 - b.1);
    let lat = d(f.to_px((113.5, 22.5)), f.to_px((113.5, 23.5)));
    let lon = d(f.to_px((113.0, 23.0)), f.to_px((114.0, 23.0)));
    let ratio = lon / lat / 23f64.to_radians().cos();
    assert!((ratio - 1.0).abs() < 0.005, "stretched by {ratio}");
    // Guangdong is ~790 km east–west and ~590 km north–south (lon 109.65–117.31, lat 20.21–25.52).
    let m = layout.main.map;
    let aspect = f64::from(m.width()) / f64::from(m.height());
    assert!((1.25..1.45).contains(&aspect), "main panel aspect {aspect}");
}

#[test]
fn shenzhen_is_hit_in_the_prd_inset() {
    let layout = MapLayout::new(&shapes(), 800);
    let sz = layout.adcodes.iter().position(|a| a == "440300").unwrap();
    let anchor = layout.anchors.iter().find(|a| a.city == sz).unwrap();
    assert_eq!(anchor.panel, PanelKind::Prd);
    let (x, y) = (f64::from(anchor.at.0), f64::from(anchor.at.1));
    assert!(layout.prd.frame.contains(x, y) && !layout.main.map.contains(x, y));
    assert_eq!(layout.city_at(x, y), Some("440300"));
    for code in PRD_INSET_CITIES {
        let i = layout.adcodes.iter().position(|a| a == code).unwrap();
        assert!(
            layout
                .anchors
                .iter()
                .any(|a| a.city == i && a.panel == PanelKind::Prd),
            "{code}"
        );
    }
}

#[test]
fn dongsha_is_only_in_its_inset() {
    let layout = MapLayout::new(&shapes(), 800);
    let sw = layout.adcodes.iter().position(|a| a == "441500").unwrap();
    let south_of_21_2 = |panel: &gd_plus::geo::Panel| {
        let shape = panel.shapes.iter().find(|s| s.city == sw);
        let points = shape
            .into_iter()
            .flat_map(|s| &s.polygons)
            .flat_map(|p| p.rings.iter().flatten());
        points
            .filter(|p| panel.fit.to_lonlat((f64::from(p.0), f64::from(p.1))).1 < 21.2)
            .count()
    };
    assert_eq!(south_of_21_2(&layout.main), 0, "Dongsha on the main map");
    assert!(south_of_21_2(&layout.dongsha) > 0);
    assert!(layout.dongsha.shapes.iter().all(|s| s.city == sw));
    let ds = layout.dongsha.frame;
    assert!(layout
        .main
        .frame
        .contains(f64::from(ds.x0), f64::from(ds.y0)));
}

/// Writes sample SVGs for a look by eye: `MAP_SAMPLES_DIR=/tmp cargo test --test map_snapshot -- --ignored`.
#[test]
#[ignore = "writes files; run by hand"]
fn write_samples() {
    let dir = PathBuf::from(std::env::var("MAP_SAMPLES_DIR").unwrap_or_else(|_| "/tmp".into()));
    let shapes = shapes();
    for (width, theme, name) in [
        (280, Theme::LIGHT, "light"),
        (800, Theme::LIGHT, "light"),
        (1400, Theme::DARK, "dark"),
        (500, Theme::DARK, "dark"),
    ] {
        let l = MapLayout::new(&shapes, width);
        let zoom = l.prd.fit.scale / l.main.fit.scale;
        let (w, h, m, p, d) = (
            l.width(),
            l.height(),
            l.main.frame,
            l.prd.frame,
            l.dongsha.frame,
        );
        println!("{width}: {w}×{h} main {m:?} PRD {p:?} ×{zoom:.2} Dongsha {d:?}");
        let svg = map_to_svg(&l, &style(&shapes, theme));
        std::fs::write(dir.join(format!("map-{width}-{name}.svg")), svg).unwrap();
    }
}
