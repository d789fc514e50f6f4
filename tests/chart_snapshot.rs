//! SVG snapshots of the target chart on fixed data, light and dark, zh and en, three widths.
//! `UPDATE_SNAPSHOTS=1 cargo test --test chart_snapshot` rewrites them after an intended change.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that cannot read its fixtures stops there

mod common;

use std::path::PathBuf;

use gd_plus::chart::target_bars::{charts_for, to_svg};
use gd_plus::chart::Theme;
use gd_plus::data::{parse_json, AreaFile};
use gd_plus::i18n::Lang;

/// A fixed copy of three indicators (not data/, so that a data correction does not move the snapshot).
const FIXTURE: &str = r#"{
 "slug": "fixture", "goals_paragraph": null, "milestones": [], "tasks": [],
 "indicators": [
  {"id": "fixture.shopping", "name": {"zh": "网络购物普及率", "en": "Online shopping penetration"},
   "unit": {"zh": "%", "en": "%", "base": "percent", "scale": 1}, "note": null, "qualifiers": [],
   "targets": [
    {"id": "fixture.shopping.2017", "year": 2017, "value": 68, "value_text": "68%", "comparator": "at_least", "quote": "达68%", "paragraph": "p1"},
    {"id": "fixture.shopping.2020", "year": 2020, "value": 73, "value_text": "73%", "comparator": "at_least", "quote": "达73%", "paragraph": "p2"}]},
  {"id": "fixture.logistics-cost", "name": {"zh": "社会物流总费用占GDP比重", "en": "Logistics cost as a share of GDP"},
   "unit": {"zh": "%", "en": "%", "base": "percent", "scale": 1}, "note": null, "qualifiers": [],
   "targets": [
    {"id": "fixture.logistics-cost.2017", "year": 2017, "value": 14.8, "value_text": "14.8%", "comparator": "at_most", "quote": "下降到14.8%", "paragraph": "p3"},
    {"id": "fixture.logistics-cost.2020", "year": 2020, "value": 14.5, "value_text": "14.5%", "comparator": "at_most", "quote": "下降到14.5%", "paragraph": "p3"}]},
  {"id": "fixture.ecommerce", "name": {"zh": "电子商务交易额", "en": "E-commerce transaction volume"},
   "unit": {"zh": "万亿元", "en": "trillion yuan", "base": "cny", "scale": 1000000000000}, "note": null, "qualifiers": [],
   "targets": [
    {"id": "fixture.ecommerce.2017", "year": 2017, "value": 5.6, "value_text": "5.6万亿元", "comparator": "at_least", "quote": "超过5.6万亿元", "paragraph": "p1"},
    {"id": "fixture.ecommerce.2020", "year": 2020, "value": 8, "value_text": "8万亿元", "comparator": "at_least", "quote": "超过8万亿元", "paragraph": "p2"}]}
 ]}"#;

#[test]
fn target_chart_snapshots() {
    let area: AreaFile = parse_json("fixture.json", FIXTURE).unwrap();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    let cases = [
        (Lang::Zh, Theme::LIGHT, 320, "light-zh-320"),
        (Lang::En, Theme::DARK, 640, "dark-en-640"),
        (Lang::Zh, Theme::LIGHT, 960, "light-zh-960"),
    ];
    for (lang, theme, width, name) in cases {
        let charts = charts_for("fixture", &area.indicators, lang);
        assert_eq!(charts.len(), 2, "% and 万亿元 are never on one scale");
        for (i, chart) in charts.iter().enumerate() {
            let svg = common::round_floats(&to_svg(chart, width, theme));
            let path = dir.join(format!("targets-{name}-{i}.svg"));
            if update {
                std::fs::write(&path, &svg).unwrap();
                continue;
            }
            let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!(
                    "{}: {e} (run with UPDATE_SNAPSHOTS=1 to create it)",
                    path.display()
                )
            });
            assert_eq!(
                svg,
                want,
                "{} changed; if intended, rerun with UPDATE_SNAPSHOTS=1",
                path.display()
            );
        }
    }
}

#[test]
fn svg_carries_labels_in_the_ui_language() {
    let area: AreaFile = parse_json("fixture.json", FIXTURE).unwrap();
    let zh = to_svg(
        &charts_for("fixture", &area.indicators, Lang::Zh)[0],
        640,
        Theme::LIGHT,
    );
    assert!(
        zh.contains("网络购物普及率") && zh.contains(">\n≥ 73%\n<") && zh.contains(">\n≤ 14.8%\n<")
    );
    let en = to_svg(
        &charts_for("fixture", &area.indicators, Lang::En)[1],
        640,
        Theme::LIGHT,
    );
    assert!(
        en.contains("E-commerce transaction volume") && en.contains(">\n≥ 5.6 trillion yuan\n<")
    );
}
