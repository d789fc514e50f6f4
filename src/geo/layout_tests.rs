//! Tests of `layout` on the real boundaries: anchors, insets and hit-testing at many widths.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use super::*;
use crate::geo::clip::clip_ring;

fn shapes() -> CityShapes {
    let text = include_str!("../../data/geo/guangdong-cities.geojson");
    CityShapes::parse("geo/guangdong-cities.geojson", text).unwrap()
}

const WIDTHS: [u32; 9] = [280, 320, 375, 500, 639, 640, 800, 1024, 1400];

#[test]
fn every_city_is_hit_at_its_own_anchor_at_every_width() {
    let shapes = shapes();
    for width in WIDTHS {
        let l = MapLayout::new(&shapes, width);
        assert_eq!(l.anchors.len(), 21, "{width}");
        for a in &l.anchors {
            let (x, y) = (f64::from(a.at.0), f64::from(a.at.1));
            assert_eq!(
                l.city_at(x, y),
                Some(l.adcodes[a.city].as_str()),
                "{width}: {a:?}"
            );
            let prd_city = PRD_INSET_CITIES.contains(&l.adcodes[a.city].as_str());
            assert_eq!(a.panel == PanelKind::Prd, prd_city, "{width}: {a:?}");
        }
    }
}

#[test]
fn the_dongsha_inset_covers_only_open_sea_at_every_width() {
    let shapes = shapes();
    for width in (280..=1400).step_by(20) {
        let l = MapLayout::new(&shapes, width);
        let window = l.dongsha.frame.to_f64();
        for poly in l.main.shapes.iter().flat_map(|s| &s.polygons) {
            let ring: Vec<(f64, f64)> = poly.rings[0]
                .iter()
                .map(|&(x, y)| (f64::from(x), f64::from(y)))
                .collect();
            let covered = clip_ring(&ring, window);
            assert!(
                covered.len() < 3 || pip_area(&covered) < 0.5,
                "{width}: land under the inset"
            );
        }
    }
}

fn pip_area(r: &[(f64, f64)]) -> f64 {
    let n = r.len();
    (0..n)
        .map(|i| r[i].0 * r[(i + 1) % n].1 - r[(i + 1) % n].0 * r[i].1)
        .sum::<f64>()
        .abs()
        / 2.0
}

#[test]
fn dongsha_parts_are_only_in_their_inset() {
    let shapes = shapes();
    let l = MapLayout::new(&shapes, 800);
    let shanwei = l.adcodes.iter().position(|a| a == "441500").unwrap();
    assert_eq!(l.dongsha.shapes.len(), 1);
    assert_eq!(l.dongsha.shapes[0].city, shanwei);
    assert_eq!(
        l.dongsha.shapes[0].polygons.len(),
        4,
        "SOURCE.md: the atoll, a reef and two banks"
    );
    let main_sw = l.main.shapes.iter().find(|s| s.city == shanwei).unwrap();
    for p in main_sw
        .polygons
        .iter()
        .flat_map(|p| p.rings.iter().flatten())
    {
        let (_, lat) = l.main.fit.to_lonlat((f64::from(p.0), f64::from(p.1)));
        assert!(lat > 21.2, "a Dongsha part on the main map: {lat}");
    }
    // The inset's largest part (the atoll) is hit as Shanwei, through the inset's own fit.
    let (x, y) = l.dongsha.label_point(shanwei).unwrap();
    assert!(l.dongsha.frame.contains(f64::from(x), f64::from(y)));
    assert_eq!(l.city_at(f64::from(x), f64::from(y)), Some("441500"));
    let (lon, lat) = l.dongsha.fit.to_lonlat((f64::from(x), f64::from(y)));
    assert!(lon > 115.5 && lat < 21.2, "{lon} {lat}");
}

#[test]
fn the_prd_inset_shows_its_six_cities_whole_and_larger() {
    let shapes = shapes();
    for code in PRD_INSET_CITIES {
        let c = shapes.get(code).unwrap();
        let b = GeoBounds::of_rings(&c.polygons.concat());
        assert!(PRD_BOUNDS.contains(&b), "{code} {b:?}");
    }
    for width in WIDTHS {
        let l = MapLayout::new(&shapes, width);
        let zoom = l.prd.fit.scale / l.main.fit.scale;
        assert!(zoom > 1.8, "{width}: the inset must magnify, got {zoom}");
        let (x, y) = l.prd.fit.to_px((114.06, 22.6)); // Shenzhen, Futian
        assert!(l.prd.frame.contains(x, y));
        assert_eq!(l.city_at(x, y), Some("440300"), "{width}");
        let (mx, my) = l.main.fit.to_px((114.06, 22.6));
        assert!(l.prd_locator.contains(mx, my), "{width}: locator box");
    }
}

#[test]
fn the_main_map_is_not_stretched() {
    let l = MapLayout::new(&shapes(), 800);
    let f = l.main.fit;
    let d = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).hypot(a.1 - b.1);
    let lat = d(f.to_px((113.5, 22.5)), f.to_px((113.5, 23.5)));
    let lon = d(f.to_px((113.0, 23.0)), f.to_px((114.0, 23.0)));
    assert!((lon / lat / 23f64.to_radians().cos() - 1.0).abs() < 0.005);
    // The frame hugs the projected extent: its aspect is the map's, not the screen's.
    let (x0, y0, x1, y1) = projected_box(&f.projection, &crate::geo::GUANGDONG_BOUNDS);
    let want = (y1 - y0) / (x1 - x0);
    let m = l.main.map;
    let got = f64::from(m.height() - 2 * PAD) / f64::from(m.width() - 2 * PAD);
    assert!((got / want - 1.0).abs() < 0.02, "{got} vs {want}");
}

#[test]
fn nothing_to_draw_is_not_an_error() {
    let l = MapLayout::new(&CityShapes::default(), 500);
    assert!(l.anchors.is_empty() && l.main.shapes.is_empty());
    assert_eq!(l.city_at(100.0, 100.0), None);
    assert!(l.height() > 100);
}
