//! Tests of the heatmap and map layer exports, on small fixtures built here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test

use std::collections::BTreeMap;

use super::*;
use crate::chart::heatmap::{HeatColumn, HeatRow};
use crate::chart::Theme;
use crate::data::{City, Region};
use crate::export::fixtures::{bi, meta};
use crate::geo::style::MapStyle;

fn heatmap() -> HeatmapData {
    let row = |id: &str, name: &str, total| HeatRow {
        department_id: id.into(),
        label: name.into(),
        name: name.into(),
        total,
        areas: 2,
    };
    let column = |n: &str, slug: &str| HeatColumn {
        area_slug: slug.into(),
        label: n.into(),
        name: slug.into(),
    };
    HeatmapData {
        rows: vec![
            row("economy", "省经济和信息化委", 5),
            row("commerce", "Department of Commerce, \"DOC\"", 2),
        ],
        columns: vec![column("5", "logistics"), column("8", "energy-environment")],
        cells: vec![vec![3, 2], vec![0, 2]],
        lang: Lang::Zh,
    }
}

#[test]
fn heatmap_is_wide_with_one_column_per_area() {
    let csv = heatmap_csv(&heatmap());
    assert_eq!(
        csv,
        "\u{FEFF}department_id,department_name,area_5_logistics,area_8_energy_environment\r\n\
         economy,省经济和信息化委,3,2\r\n\
         commerce,\"Department of Commerce, \"\"DOC\"\"\",0,2\r\n"
    );
}

#[test]
fn a_short_cell_row_leaves_the_missing_cells_empty() {
    let mut data = heatmap();
    data.cells.truncate(1);
    data.cells[0].truncate(1);
    let csv = heatmap_csv(&data);
    assert!(csv.contains("\r\neconomy,省经济和信息化委,3,\r\n"), "{csv}");
    assert!(csv.ends_with("\r\ncommerce,\"Department of Commerce, \"\"DOC\"\"\",,\r\n"));
}

#[test]
fn column_names_are_snake_case() {
    assert_eq!(
        snake("area_8_energy-environment"),
        "area_8_energy_environment"
    );
    assert_eq!(snake("Area 1: Foo--Bar "), "area_1_foo_bar");
}

fn cities() -> CityIndex {
    let city = |adcode: &str, zh: &str, en: &str, region: &str| City {
        adcode: adcode.into(),
        name: bi(zh, en),
        short_zh: zh.trim_end_matches('市').into(),
        region: region.into(),
    };
    CityIndex {
        regions: vec![Region {
            id: "prd".into(),
            name: bi("珠三角", "Pearl River Delta"),
        }],
        cities: vec![
            city("440300", "深圳市", "Shenzhen", "prd"),
            city("440200", "韶关市", "Shaoguan", "north"),
        ],
    }
}

#[test]
fn map_layer_has_one_record_per_city() {
    let layer = LayerView {
        style: MapStyle::new(Theme::LIGHT),
        value_text: BTreeMap::from([("440300".to_owned(), "8 tasks".to_owned())]),
        value: BTreeMap::from([("440300".to_owned(), 8)]),
    };
    assert_eq!(
        map_layer_csv(&layer, &cities(), Lang::En),
        "\u{FEFF}adcode,city_name,region,value,value_text\r\n\
         440300,Shenzhen,Pearl River Delta,8,8 tasks\r\n\
         440200,Shaoguan,north,,\r\n"
    );
    let zh = map_layer_csv(&layer, &cities(), Lang::Zh);
    assert!(
        zh.contains("\r\n440300,深圳市,珠三角,8,8 tasks\r\n"),
        "{zh}"
    );
}

#[test]
fn heatmap_json_has_one_row_per_cell_with_the_csv_numbers() {
    let json: serde_json::Value = serde_json::from_str(&heatmap_json(
        &heatmap(),
        &meta(),
        "https://example.org/gd/?view=departments",
    ))
    .unwrap();
    assert_eq!(json["chart"], "departments-heatmap");
    assert_eq!(json["source"]["issuer"], "广东省人民政府");
    assert_eq!(
        json["source"]["url"],
        "https://example.org/gd/?view=departments"
    );
    assert_eq!(json["licence"], "CC-BY-4.0");
    assert_eq!(json["unit"], "项重点任务（写明该部门负责）");
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 4, "2 departments × 2 areas");
    let counts: Vec<(String, String, u64)> = rows
        .iter()
        .map(|r| {
            (
                r["department_id"].as_str().unwrap().to_owned(),
                r["area_slug"].as_str().unwrap().to_owned(),
                r["tasks"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        vec![
            ("economy".into(), "logistics".into(), 3),
            ("economy".into(), "energy-environment".into(), 2),
            ("commerce".into(), "logistics".into(), 0),
            ("commerce".into(), "energy-environment".into(), 2),
        ]
    );
    assert_eq!(
        rows[2]["department_name"],
        "Department of Commerce, \"DOC\""
    );
}

#[test]
fn map_layer_json_has_the_csv_records_and_says_what_the_value_counts() {
    let mut style = MapStyle::new(Theme::LIGHT);
    style.title = "Key tasks naming each city".into();
    let layer = LayerView {
        style,
        value_text: BTreeMap::from([("440300".to_owned(), "8 tasks".to_owned())]),
        value: BTreeMap::from([("440300".to_owned(), 8)]),
    };
    let json: serde_json::Value = serde_json::from_str(&map_layer_json(
        &layer,
        &cities(),
        &meta(),
        "javascript:alert(1)",
        Lang::En,
    ))
    .unwrap();
    assert_eq!(json["unit"], "Key tasks naming each city");
    assert_eq!(
        json["source"]["url"],
        serde_json::Value::Null,
        "an unsafe page URL is left out"
    );
    assert_eq!(json["lang"], "en");
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["adcode"], "440300");
    assert_eq!(rows[0]["city_name"], "Shenzhen");
    assert_eq!(rows[0]["region"], "Pearl River Delta");
    assert_eq!(rows[0]["value"], 8);
    assert_eq!(rows[0]["value_text"], "8 tasks");
    assert_eq!(rows[1]["value"], serde_json::Value::Null);
}
