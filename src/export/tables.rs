//! The department heatmap and a map layer as CSV and JSON.

use serde::Serialize;

use super::csv::{CsvWriter, Field};
use super::targets::Source;
use crate::chart::heatmap::HeatmapData;
use crate::data::{CityIndex, Meta};
use crate::geo::layers::LayerView;
use crate::i18n::Lang;

/// A snake_case column name from free text: ASCII letters and digits kept (lower-cased), every
/// run of anything else becomes one `_`.
fn snake(text: &str) -> String {
    let mut out = String::new();
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_owned()
}

/// The heatmap as a wide CSV: one record per department, as the chart's rows, and one column per
/// action area, as the chart's columns.
///
/// Columns: `department_id`, `department_name` (in the heatmap's language), then
/// `area_<number>_<slug>` for each area (`area_5_logistics`), each cell the number of the area's
/// key tasks that name the department (0 included: "not named" is data too).
///
/// Wide, not long (department, area, count): it is the picture's own grid, so a reader can check
/// a cell against the chart at a glance and it opens as a readable table in a spreadsheet; 13
/// columns is narrow, and a long table would repeat every department name 13 times. Scripts can
/// unpivot it in one call (`pandas.melt`, `tidyr::pivot_longer`).
pub fn heatmap_csv(data: &HeatmapData) -> String {
    let area_columns: Vec<String> = data
        .columns
        .iter()
        .map(|c| snake(&format!("area_{}_{}", c.label, c.area_slug)))
        .collect();
    let mut header = vec!["department_id", "department_name"];
    header.extend(area_columns.iter().map(String::as_str));
    let mut csv = CsvWriter::new(&header);
    for (r, row) in data.rows.iter().enumerate() {
        let mut fields = vec![Field::Text(&row.department_id), Field::Text(&row.name)];
        let cells = data.cells.get(r);
        fields.extend((0..data.columns.len()).map(|c| {
            cells
                .and_then(|cells| cells.get(c))
                .map_or(Field::Empty, |n| Field::Integer(i64::from(*n)))
        }));
        csv.record(&fields);
    }
    csv.finish()
}

/// A map layer as CSV: one record per city, in the order of `cities`.
///
/// Columns: `adcode`, `city_name` (full name in `lang`, 深圳市 / Shenzhen), `region` (the
/// region's name in `lang`, or its id when the region is unknown), `value` (the layer's number:
/// key tasks, or 1/0 for programme membership; 0 on the regions layer) and `value_text` (the
/// value in words, as the map's tooltip and table show it). A city the layer has no value for
/// gets empty `value` and `value_text`.
pub fn map_layer_csv(layer: &LayerView, cities: &CityIndex, lang: Lang) -> String {
    let mut csv = CsvWriter::new(&["adcode", "city_name", "region", "value", "value_text"]);
    for city in &cities.cities {
        let region = cities
            .regions
            .iter()
            .find(|r| r.id == city.region)
            .map_or(city.region.as_str(), |r| r.name.get(lang));
        csv.record(&[
            Field::Text(&city.adcode),
            Field::Text(city.name.get(lang)),
            Field::Text(region),
            layer
                .value
                .get(&city.adcode)
                .map_or(Field::Empty, |n| Field::Integer(i64::from(*n))),
            layer
                .value_text
                .get(&city.adcode)
                .map_or(Field::Empty, |t| Field::Text(t)),
        ]);
    }
    csv.finish()
}

#[derive(Serialize)]
struct HeatCell<'a> {
    department_id: &'a str,
    department_name: &'a str,
    area_slug: &'a str,
    area_name: &'a str,
    tasks: u32,
}

#[derive(Serialize)]
struct TableExport<'a, R> {
    source: Source<'a>,
    chart: &'a str,
    unit: &'a str,
    lang: &'static str,
    licence: &'a str,
    rows: Vec<R>,
}

/// The heatmap as JSON: `{"source", "chart": "departments-heatmap", "unit", "lang", "licence",
/// "rows"}`, one row per cell in the chart's order (department, then area) with
/// `department_id`, `department_name`, `area_slug`, `area_name` and `tasks` (the number of the
/// area's key tasks that name the department; 0 included), the same numbers as [`heatmap_csv`].
pub fn heatmap_json(data: &HeatmapData, meta: &Meta, page_url: &str) -> String {
    let unit = match data.lang {
        Lang::Zh => "项重点任务（写明该部门负责）",
        Lang::En => "key tasks naming the department",
    };
    let rows = data
        .rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            data.columns
                .iter()
                .enumerate()
                .map(move |(c, col)| HeatCell {
                    department_id: &row.department_id,
                    department_name: &row.name,
                    area_slug: &col.area_slug,
                    area_name: &col.name,
                    tasks: data.value(r, c),
                })
        })
        .collect();
    let export = TableExport {
        source: Source::new(meta, page_url, data.lang),
        chart: "departments-heatmap",
        unit,
        lang: data.lang.code(),
        licence: &meta.licence,
        rows,
    };
    // Serialising plain structs of strings and numbers cannot fail; "{}" keeps the type honest.
    serde_json::to_string_pretty(&export).unwrap_or_else(|_| String::from("{}"))
}

#[derive(Serialize)]
struct CityValue<'a> {
    adcode: &'a str,
    city_name: &'a str,
    region: &'a str,
    value: Option<u32>,
    value_text: Option<&'a str>,
}

/// A map layer as JSON: `{"source", "chart": "map", "unit"` (the layer's title, which says what
/// the value counts), `"lang", "licence", "rows"}`, the same records as [`map_layer_csv`].
pub fn map_layer_json(
    layer: &LayerView,
    cities: &CityIndex,
    meta: &Meta,
    page_url: &str,
    lang: Lang,
) -> String {
    let rows = cities
        .cities
        .iter()
        .map(|city| CityValue {
            adcode: &city.adcode,
            city_name: city.name.get(lang),
            region: cities
                .regions
                .iter()
                .find(|r| r.id == city.region)
                .map_or(city.region.as_str(), |r| r.name.get(lang)),
            value: layer.value.get(&city.adcode).copied(),
            value_text: layer.value_text.get(&city.adcode).map(String::as_str),
        })
        .collect();
    let export = TableExport {
        source: Source::new(meta, page_url, lang),
        chart: "map",
        unit: &layer.style.title,
        lang: lang.code(),
        licence: &meta.licence,
        rows,
    };
    serde_json::to_string_pretty(&export).unwrap_or_else(|_| String::from("{}"))
}

#[cfg(test)]
#[path = "tables_tests.rs"]
mod tests;
