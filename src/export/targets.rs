//! The target chart as CSV and JSON: one record per bar, with the plan's exact words.

use serde::Serialize;

use super::csv::{CsvWriter, Field};
use super::url::safe_absolute_url;
use crate::chart::target_bars::TargetChart;
use crate::data::{Comparator, Indicator, Meta};
use crate::format;
use crate::i18n::Lang;

/// Column names of [`target_chart_csv`]; also the keys of a JSON row.
const HEADER: [&str; 10] = [
    "indicator_id",
    "indicator_name",
    "year",
    "value",
    "unit_zh",
    "unit_en",
    "comparator",
    "target",
    "quote",
    "paragraph",
];

/// One exported bar. Fields the indicators do not supply (an id the chart has but the
/// indicators lack) are `None`: empty in CSV, `null` in JSON.
#[derive(Debug, Serialize)]
struct ExportRow<'a> {
    indicator_id: &'a str,
    indicator_name: &'a str,
    year: u16,
    value: f64,
    unit_zh: Option<&'a str>,
    unit_en: Option<&'a str>,
    comparator: Option<Comparator>,
    target: String,
    quote: Option<&'a str>,
    paragraph: Option<&'a str>,
}

/// The bars of `chart` in chart order, joined with their indicator and target by id and year.
fn rows<'a>(chart: &'a TargetChart, indicators: &'a [Indicator], lang: Lang) -> Vec<ExportRow<'a>> {
    let mut out = Vec::new();
    for row in &chart.rows {
        let ind = indicators.iter().find(|i| i.id == row.indicator_id);
        for bar in &row.bars {
            let target = ind.and_then(|i| i.targets.iter().find(|t| t.year == bar.year));
            out.push(ExportRow {
                indicator_id: &row.indicator_id,
                indicator_name: ind.map_or(row.name.as_str(), |i| i.name.get(lang)),
                year: bar.year,
                value: bar.value,
                unit_zh: ind.map(|i| i.unit.zh.as_str()),
                unit_en: ind.map(|i| i.unit.en.as_str()),
                comparator: target.map(|t| t.comparator),
                target: match (ind, target) {
                    (Some(i), Some(t)) => format::target(bar.value, &i.unit, t.comparator, lang),
                    _ => bar.label.clone(),
                },
                quote: target.map(|t| t.quote.as_str()),
                paragraph: target.map(|t| t.paragraph.as_str()),
            });
        }
    }
    out
}

/// The data's own name of a comparator (`at_least`, `reduction_vs_2014` …), from its serde form.
fn comparator_id(c: Comparator) -> String {
    match serde_json::to_value(c) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Text when present, else an empty field.
fn text(s: Option<&str>) -> Field<'_> {
    s.map_or(Field::Empty, Field::Text)
}

/// The bars of a target chart as CSV: one record per bar, in chart order.
///
/// Columns (English snake_case in every UI language, for scripts): `indicator_id`,
/// `indicator_name`, `year`, `value`, `unit_zh`, `unit_en`, `comparator` (the data's id, e.g.
/// `at_least`), `target` (as a reader reads it, `≥ 73%`), `quote` (the plan's exact words) and
/// `paragraph` (its id in `data/document.json`). `indicator_name` and `target` are in `lang`;
/// pass the chart's language and they equal what the chart shows. `value` is the bar's number.
/// See the `csv` module for BOM, CRLF, quoting and formula neutralising.
pub fn target_chart_csv(chart: &TargetChart, indicators: &[Indicator], lang: Lang) -> String {
    let mut csv = CsvWriter::new(&HEADER);
    for r in rows(chart, indicators, lang) {
        let comparator = r.comparator.map(comparator_id).unwrap_or_default();
        csv.record(&[
            Field::Text(r.indicator_id),
            Field::Text(r.indicator_name),
            Field::Integer(i64::from(r.year)),
            Field::Number(r.value),
            text(r.unit_zh),
            text(r.unit_en),
            Field::Text(&comparator),
            Field::Text(&r.target),
            text(r.quote),
            text(r.paragraph),
        ]);
    }
    csv.finish()
}

/// Where exported figures come from: the plan, and the page the figure was on.
#[derive(Serialize)]
pub(super) struct Source<'a> {
    title: &'a str,
    issuer: &'a str,
    year: u16,
    url: Option<String>,
}

impl<'a> Source<'a> {
    /// The plan as `meta` names it in `lang`, and `page_url` when [`safe_absolute_url`] accepts it.
    pub(super) fn new(meta: &'a Meta, page_url: &str, lang: Lang) -> Source<'a> {
        Source {
            title: meta.title.get(lang),
            issuer: meta.issuer.get(lang),
            year: meta.year,
            url: safe_absolute_url(page_url),
        }
    }
}

#[derive(Serialize)]
struct ChartExport<'a> {
    source: Source<'a>,
    chart: &'a str,
    unit: &'a str,
    lang: &'static str,
    licence: &'a str,
    rows: Vec<ExportRow<'a>>,
}

/// The same records as [`target_chart_csv`] as pretty-printed JSON, with where they come from:
///
/// `{"source": {"title", "issuer", "year", "url"}, "chart", "unit", "lang", "licence", "rows"}`.
///
/// `source.url` is `page_url` (the page the chart is on) when [`safe_absolute_url`] accepts it, else `null`;
/// `unit` is the chart's unit as shown, `lang` the language code of the texts and `licence` the
/// data licence (SPDX id). A missing value is `null`; a value that is not finite is `null` too.
pub fn target_chart_json(
    chart: &TargetChart,
    indicators: &[Indicator],
    meta: &Meta,
    page_url: &str,
    lang: Lang,
) -> String {
    let export = ChartExport {
        source: Source::new(meta, page_url, lang),
        chart: &chart.id,
        unit: &chart.unit_label,
        lang: lang.code(),
        licence: &meta.licence,
        rows: rows(chart, indicators, lang),
    };
    // Serialising plain structs of strings and numbers cannot fail; "{}" keeps the type honest.
    serde_json::to_string_pretty(&export).unwrap_or_else(|_| String::from("{}"))
}

#[cfg(test)]
#[path = "targets_tests.rs"]
mod tests;
