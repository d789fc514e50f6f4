//! Tests of the heatmap and map layer exports, on small fixtures built here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test

use std::collections::BTreeMap;

use super::*;
use crate::chart::heatmap::{HeatColumn, HeatRow};
use crate::chart::Theme;
use crate::data::{Bilingual, City, Region};
use crate::geo::style::MapStyle;

fn bi(zh: &str, en: &str) -> Bilingual {
    Bilingual {
        zh: zh.into(),
        en: en.into(),
    }
}

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
