//! Tests of the target chart exports, on two indicators built here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test

use super::*;
use crate::chart::target_bars::{charts_for, Bar, Row};
use crate::data::{Target, Unit, UnitBase};
use crate::export::fixtures::{bi, meta};

fn target(id: &str, year: u16, value: f64, comparator: Comparator, quote: &str) -> Target {
    Target {
        id: format!("{id}.{year}"),
        year,
        value,
        value_text: format!("{value}%"),
        comparator,
        quote: quote.into(),
        paragraph: "p005".into(),
    }
}

fn indicators() -> Vec<Indicator> {
    let pct = Unit {
        zh: "%".into(),
        en: "%".into(),
        base: UnitBase::Percent,
        scale: 1.0,
    };
    let shop = "overall.online-shopping";
    let cost = "logistics.cost-share";
    vec![
        Indicator {
            id: shop.into(),
            name: bi("网络购物普及率", "Online shopping penetration"),
            unit: pct.clone(),
            note: None,
            qualifiers: vec![],
            targets: vec![
                target(shop, 2017, 68.0, Comparator::AtLeast, "达到68%"),
                target(
                    shop,
                    2020,
                    73.0,
                    Comparator::AtLeast,
                    "网络购物普及率达73%，\"领先\"",
                ),
            ],
        },
        Indicator {
            id: cost.into(),
            name: bi("社会物流总费用占GDP比重", "Logistics cost, share of GDP"),
            unit: pct,
            note: None,
            qualifiers: vec![],
            targets: vec![target(cost, 2020, 14.5, Comparator::AtMost, "下降到14.5%")],
        },
    ]
}

#[test]
fn csv_has_one_record_per_bar_in_chart_order() {
    let inds = indicators();
    let chart = &charts_for("overall", &inds, Lang::Zh)[0];
    let csv = target_chart_csv(chart, &inds, Lang::Zh);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{FEFF}indicator_id,indicator_name,year,value,unit_zh,unit_en,comparator,target,quote,paragraph"
    );
    assert_eq!(
        lines[1],
        "overall.online-shopping,网络购物普及率,2017,68,%,%,at_least,≥ 68%,达到68%,p005"
    );
    assert_eq!(
        lines[2],
        "overall.online-shopping,网络购物普及率,2020,73,%,%,at_least,≥ 73%,\"网络购物普及率达73%，\"\"领先\"\"\",p005"
    );
    assert_eq!(
        lines[3],
        "logistics.cost-share,社会物流总费用占GDP比重,2020,14.5,%,%,at_most,≤ 14.5%,下降到14.5%,p005"
    );
    assert_eq!(lines[4], "", "the last record ends with CRLF too");
    assert_eq!(lines.len(), 5);
}

#[test]
fn target_and_name_equal_what_the_chart_shows() {
    let inds = indicators();
    for lang in [Lang::Zh, Lang::En] {
        let chart = &charts_for("overall", &inds, lang)[0];
        let rows = rows(chart, &inds, lang);
        let bars: Vec<(&Row, &Bar)> = chart
            .rows
            .iter()
            .flat_map(|r| r.bars.iter().map(move |b| (r, b)))
            .collect();
        assert_eq!(rows.len(), bars.len());
        for (export, (row, bar)) in rows.iter().zip(bars) {
            assert_eq!(export.target, bar.label);
            assert_eq!(export.indicator_name, row.name);
            assert_eq!((export.year, export.value), (bar.year, bar.value));
        }
    }
}

#[test]
fn an_indicator_missing_from_the_list_keeps_the_chart_text() {
    let chart = TargetChart {
        id: "x.targets-1".into(),
        unit_label: "%".into(),
        rows: vec![Row {
            indicator_id: "x.unknown".into(),
            name: "=cmd".into(),
            bars: vec![Bar {
                year: 2020,
                value: -16.0,
                label: "-16%".into(),
            }],
        }],
    };
    let csv = target_chart_csv(&chart, &[], Lang::En);
    assert!(
        csv.ends_with("\r\nx.unknown,'=cmd,2020,-16,,,,'-16%,,\r\n"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&target_chart_json(&chart, &[], &meta(), "", Lang::En)).unwrap();
    assert_eq!(json["rows"][0]["quote"], serde_json::Value::Null);
    assert_eq!(json["rows"][0]["value"], -16.0);
    assert_eq!(json["source"]["url"], serde_json::Value::Null);
}

#[test]
fn json_carries_the_source_and_the_rows() {
    let inds = indicators();
    let chart = &charts_for("overall", &inds, Lang::En)[0];
    let text = target_chart_json(
        chart,
        &inds,
        &meta(),
        "https://example.org/gd/?view=area&id=overall&lang=en",
        Lang::En,
    );
    assert!(text.contains("\n  \"source\": {"), "pretty-printed: {text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        json["source"]["issuer"],
        "People's Government of Guangdong Province"
    );
    assert_eq!(json["source"]["year"], 2015);
    assert_eq!(
        json["source"]["url"],
        "https://example.org/gd/?view=area&id=overall&lang=en"
    );
    assert_eq!(json["chart"], "overall.targets-1");
    assert_eq!(json["unit"], "%");
    assert_eq!(json["lang"], "en");
    assert_eq!(json["licence"], "CC-BY-4.0");
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    let keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut header = HEADER.to_vec();
    header.sort_unstable();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    assert_eq!(keys_sorted, header, "JSON keys equal the CSV columns");
    assert_eq!(rows[1]["comparator"], "at_least");
    assert_eq!(rows[1]["target"], "≥ 73%");
    assert_eq!(rows[1]["indicator_name"], "Online shopping penetration");
    assert_eq!(rows[2]["paragraph"], "p005");
}

#[test]
fn comparator_ids_are_the_data_ids() {
    assert_eq!(comparator_id(Comparator::AtLeast), "at_least");
    assert_eq!(comparator_id(Comparator::AtMost), "at_most");
    assert_eq!(
        comparator_id(Comparator::ReductionVs2014),
        "reduction_vs_2014"
    );
    assert_eq!(comparator_id(Comparator::AsStated), "as_stated");
}
