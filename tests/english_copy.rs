//! The English copy (issue #16): every English UI message, every English field of data/ and the
//! English texts the pure code composes from them (chart titles and sentences, target values,
//! map layers, the home header, city pages) are free of CJK punctuation and of "1 <plural>".
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test

mod common;

use gd_plus::chart::{heatmap, summary, target_bars, Theme};
use gd_plus::data::{glance::glance, AreaCounts, Meta, ProgrammeIndex};
use gd_plus::format;
use gd_plus::geo::{layers::layer_view, locator};
use gd_plus::i18n::{self, Lang, Msg};
use gd_plus::route::MapLayer;
use serde_json::Value;

/// Full-width forms (（）：，；！？), the CJK symbols block (、。「」《》【】) and the fullwidth
/// space. English curly quotes “ ” are English typography and allowed.
fn cjk_punctuation(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff01}'..='\u{ff65}').contains(&c)
        })
        .collect()
}

/// "1 groups", "up from 1 tasks": a one followed by a plural noun.
fn one_plural(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .collect();
    words.windows(2).find_map(|w| {
        let one = w[0] == "1" || w[0].ends_with(" 1");
        let next = w[1].trim_end_matches([',', '.', ';', ':']);
        let plural = next.len() > 2
            && next.ends_with('s')
            && !matches!(next, "is" | "was" | "has" | "yes" | "Dongsha")
            && next.chars().all(|c| c.is_ascii_alphabetic() || c == '/');
        (one && plural).then(|| format!("1 {next}"))
    })
}

fn defects(what: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let cjk = cjk_punctuation(text);
    if !cjk.is_empty() {
        out.push(format!("{what}: CJK punctuation {cjk:?} in {text:?}"));
    }
    if let Some(p) = one_plural(text) {
        out.push(format!("{what}: {p:?} in {text:?}"));
    }
    out
}

/// Every string under a key `en` or `*_en` of a JSON value, with its JSON path.
fn english_fields(v: &Value, path: &str, english: bool, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) if english => out.push((path.to_owned(), s.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                english_fields(item, &format!("{path}[{i}]"), english, out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let en = english || k == "en" || k.ends_with("_en");
                english_fields(item, &format!("{path}.{k}"), en, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_checks_catch_what_they_look_for() {
    assert_eq!(one_plural("2017 target 1 groups"), Some("1 groups".into()));
    assert_eq!(
        one_plural("up from 1 groups for 2017"),
        Some("1 groups".into())
    );
    assert_eq!(one_plural("1 group, 3 groups"), None);
    assert_eq!(
        cjk_punctuation("Targets（%）：a，b"),
        vec!['（', '）', '：', '，']
    );
    assert!(cjk_punctuation("Guangdong “Internet+” (2015–2020): a, b.").is_empty());
}

#[test]
fn every_english_ui_message_is_clean() {
    let problems: Vec<String> = Msg::ALL
        .iter()
        .flat_map(|m| defects(&format!("Msg::{m:?}"), m.text(Lang::En)))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_english_field_of_the_data_is_clean() {
    let dir = common::root().join("data");
    let mut files = vec![
        "areas.json".to_owned(),
        "cities.json".into(),
        "departments.json".into(),
        "programmes.json".into(),
        "meta.json".into(),
        "document.json".into(),
    ];
    let index: gd_plus::data::AreaIndex = common::data("areas.json");
    files.extend(index.areas.iter().map(|a| a.file.clone()));
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in &files {
        let v: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(file)).unwrap()).unwrap();
        let mut fields = Vec::new();
        english_fields(&v, "$", false, &mut fields);
        checked += fields.len();
        for (path, text) in fields {
            problems.extend(defects(&format!("{file} {path}"), &text));
        }
    }
    assert!(checked > 300, "only {checked} English fields found");
    assert!(
        problems.is_empty(),
        "{} defects: {problems:#?}",
        problems.len()
    );
}

#[test]
fn every_english_text_composed_from_the_data_is_clean() {
    let all = common::all();
    let programmes: ProgrammeIndex = common::data("programmes.json");
    let meta: Meta = common::data("meta.json");
    let lang = Lang::En;
    let mut texts: Vec<(String, String)> = Vec::new();
    for (summary, area) in all.index.areas.iter().zip(&all.areas) {
        let name = summary.name.get(lang);
        for chart in target_bars::charts_for(&area.slug, &area.indicators, lang) {
            texts.push((chart.id.clone(), target_bars::targets_caption(&chart, lang)));
            texts.push((
                chart.id.clone(),
                target_bars::area_chart_title(name, &chart, lang),
            ));
        }
        for ind in &area.indicators {
            texts.push((ind.id.clone(), summary::indicator_sentence(ind, lang)));
            for chart in target_bars::charts_for(&area.slug, std::slice::from_ref(ind), lang) {
                texts.push((
                    ind.id.clone(),
                    target_bars::indicator_chart_title(ind.name.get(lang), &chart),
                ));
            }
            for t in &ind.targets {
                texts.push((
                    t.id.clone(),
                    format::target(t.value, &ind.unit, t.comparator, lang),
                ));
            }
        }
        for counts in [
            summary.counts,
            AreaCounts {
                targets: 1,
                milestones: 1,
                tasks: 1,
                departments: 1,
                cities: 1,
            },
        ] {
            for (n, label) in i18n::area_count_items(&counts, lang) {
                texts.push((format!("card {}", summary.slug), format!("{n} {label}")));
            }
        }
    }
    let mut layers = vec![MapLayer::AllTasks, MapLayer::Regions];
    layers.extend(
        all.index
            .areas
            .iter()
            .map(|a| MapLayer::AreaTasks(a.slug.clone())),
    );
    layers.extend(
        programmes
            .programmes
            .iter()
            .map(|p| MapLayer::Programme(p.id.clone())),
    );
    for layer in &layers {
        let v = layer_view(
            layer,
            &all.cities,
            &all.areas,
            &programmes,
            lang,
            Theme::LIGHT,
        );
        texts.push((format!("{layer:?}"), v.style.title.clone()));
        texts.extend(
            v.value_text
                .values()
                .map(|t| (format!("{layer:?}"), t.clone())),
        );
        texts.extend(
            v.style
                .legend
                .iter()
                .map(|l| (format!("{layer:?} legend"), l.label.clone())),
        );
    }
    let heat = heatmap::HeatmapData::from(&all.index, &all.areas, &all.departments, lang);
    texts.push(("heatmap".into(), heatmap::summary(&heat, lang)));
    let g = glance(&all.index, &all.departments, &all.cities);
    let one = gd_plus::data::glance::Glance {
        areas: 1,
        targets: 1,
        tasks: 1,
        departments: 1,
        cities: 1,
    };
    for g in [g, one] {
        texts.extend(
            i18n::glance_items(&g, lang)
                .into_iter()
                .map(|(k, n, l)| (k.to_owned(), format!("{n} {l}"))),
        );
    }
    texts.push(("plan lead".into(), i18n::plan_lead(&meta, lang)));
    for (t, a, p) in [(0, 0, 0), (1, 1, 1), (2, 3, 4)] {
        texts.push(("city summary".into(), i18n::city_summary(t, a, p, lang)));
    }
    for city in &all.cities.cities {
        texts.push((
            city.adcode.clone(),
            locator::locator_text(&city.adcode, &all.cities, lang).unwrap(),
        ));
    }
    let problems: Vec<String> = texts
        .iter()
        .flat_map(|(what, text)| defects(what, text))
        .collect();
    assert!(texts.len() > 300, "only {} texts", texts.len());
    assert!(
        problems.is_empty(),
        "{} defects: {problems:#?}",
        problems.len()
    );
}
