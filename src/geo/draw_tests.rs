//! Tests of `draw`: escaping, captions, legend codes, highlight and themes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use super::*;
use crate::chart::Theme;
use crate::geo::{palette::REGIONS, CityShapes, LegendEntry};

fn layout(width: u32) -> MapLayout {
    let text = include_str!("../../data/geo/guangdong-cities.geojson");
    MapLayout::new(&CityShapes::parse("geo", text).unwrap(), width)
}

fn style(theme: Theme) -> MapStyle {
    let mut s = MapStyle::new(theme);
    s.title = "Tasks naming each city".into();
    s.prd_caption = "珠三角".into();
    s.dongsha_caption = "东沙群岛".into();
    s.fills.insert("440300".into(), (8, 48, 107));
    s.labels.insert("440300".into(), "深圳 8".into());
    s.labels.insert("440200".into(), "韶关".into());
    s.legend = REGIONS
        .iter()
        .map(|r| LegendEntry {
            fill: r.fill,
            code: r.code_zh.into(),
            label: r.id.into(),
        })
        .collect();
    s
}

#[test]
fn svg_has_captions_labels_and_legend_codes() {
    let l = layout(800);
    let svg = map_to_svg(&l, &style(Theme::LIGHT));
    assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
    for needle in [
        "珠三角",
        "东沙群岛",
        "深圳 8",
        "韶关",
        "Tasks naming each city",
    ] {
        assert!(svg.contains(needle), "missing {needle}");
    }
    assert!(
        svg.contains("珠\n</text>") && svg.contains("北\n</text>"),
        "legend codes"
    );
    assert!(svg.contains(r#"width="800""#));
    assert!(svg.contains(&format!(r#"height="{}""#, l.height())));
    // The dark fill of Shenzhen gets white text.
    assert!(svg.contains("#FFFFFF") || svg.contains("#ffffff"));
}

#[test]
fn text_from_the_caller_is_escaped() {
    let l = layout(400);
    let mut s = style(Theme::DARK);
    s.title = "<script>alert(1)</script>".into();
    s.labels.insert("440100".into(), "a&b<c>".into());
    s.dongsha_caption = "\"><g onload=x>".into();
    let svg = map_to_svg(&l, &s);
    assert!(!svg.contains("<script>") && !svg.contains("<g onload"));
    assert!(svg.contains("&lt;script&gt;"));
    assert!(svg.contains("a&amp;b&lt;c&gt;"));
}

#[test]
fn highlight_adds_outlines_only_for_that_city() {
    let l = layout(640);
    let plain = map_to_svg(&l, &style(Theme::LIGHT));
    let mut s = style(Theme::LIGHT);
    s.highlight = Some("441500".into());
    let lit = map_to_svg(&l, &s);
    let count = |svg: &str| svg.matches("stroke-width=\"2\"").count();
    assert_eq!(count(&plain), 0);
    // Shanwei has outlines on the main map and in the Dongsha inset.
    let sw = l.adcodes.iter().position(|a| a == "441500").unwrap();
    let expected: usize = [&l.main, &l.dongsha]
        .iter()
        .flat_map(|p| p.shapes.iter().filter(|s| s.city == sw))
        .flat_map(|s| &s.polygons)
        .map(|p| p.outlines.len())
        .sum();
    assert_eq!(count(&lit), expected);
    s.highlight = Some("999999".into());
    assert_eq!(
        count(&map_to_svg(&l, &s)),
        0,
        "an unknown adcode highlights nothing"
    );
}

#[test]
fn an_empty_map_still_renders() {
    let l = MapLayout::new(&CityShapes::default(), 300);
    let svg = map_to_svg(&l, &MapStyle::new(Theme::LIGHT));
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
}

#[test]
fn every_legend_slot_fits_and_extra_entries_are_dropped() {
    let l = layout(280);
    let mut s = style(Theme::LIGHT);
    s.legend = (0..8)
        .map(|i| LegendEntry {
            fill: (200, 200, 200),
            code: String::new(),
            label: format!("entry-{i}"),
        })
        .collect();
    let svg = map_to_svg(&l, &s);
    assert!(svg.contains("entry-4") && !svg.contains("entry-5"));
}

#[test]
fn highlight_path_has_every_outline_of_that_city_only() {
    let l = layout(640);
    let sw = l.adcodes.iter().position(|a| a == "441500").unwrap();
    let outlines: Vec<_> = l
        .panels()
        .into_iter()
        .flat_map(|p| p.shapes.iter().filter(|s| s.city == sw))
        .flat_map(|s| &s.polygons)
        .flat_map(|p| &p.outlines)
        .collect();
    let d = highlight_path(&l, "441500").unwrap();
    assert_eq!(d.matches('M').count(), outlines.len());
    let points: usize = outlines.iter().map(|o| o.len()).sum();
    assert_eq!(d.matches('M').count() + d.matches('L').count(), points);
    let (x, y) = outlines[0][0];
    assert!(d.starts_with(&format!("M{x} {y}")), "{d}");
    assert_eq!(highlight_path(&l, "999999"), None, "an unknown adcode");
}
