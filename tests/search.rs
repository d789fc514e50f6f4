//! Search over the real data/: what a reader types finds what the plan says.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup is a failed test

mod common;

use std::time::Instant;

use gd_plus::i18n::Lang;
use gd_plus::route::Route;
use gd_plus::search::{Hit, Kind, SearchIndex};

fn index() -> SearchIndex {
    let all = common::all();
    SearchIndex::build(&all.index, &all.areas, &all.departments, &all.cities)
}

fn kinds_and_ids(index: &SearchIndex, hits: &[Hit]) -> Vec<(Kind, String)> {
    hits.iter()
        .map(|h| {
            let e = index.entry(h).unwrap();
            (e.kind, e.id.clone())
        })
        .collect()
}

fn print_top(index: &SearchIndex, q: &str, n: usize) {
    println!("top {n} for {q:?}:");
    for h in index.query(q, n) {
        let e = index.entry(&h).unwrap();
        let snippet = h
            .snippet
            .as_ref()
            .map(|s| format!("{}[{}]{}", s.before, s.matched, s.after))
            .unwrap_or_default();
        println!(
            "  {:>8} {:?} {} ({}) {}",
            h.score,
            e.kind,
            e.id,
            e.title.get(Lang::Zh),
            snippet
        );
    }
}

#[test]
fn shenzhen_finds_the_city_first_and_the_tasks_that_name_it() {
    let index = index();
    let all = common::all();
    let hits = index.query("深圳", 100);
    let found = kinds_and_ids(&index, &hits);
    assert_eq!(found[0], (Kind::City, "440300".to_owned()), "{found:?}");
    // Every task that names 深圳 is found.
    let naming: Vec<&str> = all
        .areas
        .iter()
        .flat_map(|a| &a.tasks)
        .filter(|t| t.cities.iter().any(|c| c.adcode == "440300"))
        .map(|t| t.id.as_str())
        .collect();
    assert!(!naming.is_empty());
    for id in &naming {
        assert!(
            found.contains(&(Kind::Task, (*id).to_owned())),
            "task {id} names 深圳 but was not found"
        );
    }
    // The full name and the English name find the same tasks.
    for q in ["深圳市", "Shenzhen", "shenzhen", "SHENZHEN"] {
        let found = kinds_and_ids(&index, &index.query(q, 100));
        assert_eq!(found[0], (Kind::City, "440300".to_owned()), "{q}");
        for id in &naming {
            assert!(found.contains(&(Kind::Task, (*id).to_owned())), "{q}: {id}");
        }
    }
    print_top(&index, "深圳", 5);
}

#[test]
fn e_commerce_finds_the_indicator_and_tasks_in_both_languages() {
    let index = index();
    let zh = kinds_and_ids(&index, &index.query("电子商务", 100));
    assert_eq!(
        zh[0],
        (
            Kind::Indicator,
            "overall.e-commerce-transaction-volume".to_owned()
        )
    );
    assert!(zh.contains(&(Kind::Task, "commerce.cross-border-trade".to_owned())));
    assert!(zh.iter().filter(|(k, _)| *k == Kind::Task).count() >= 3);

    let en = kinds_and_ids(&index, &index.query("e-commerce", 100));
    assert_eq!(en[0], zh[0]);
    assert!(en.contains(&(Kind::Task, "commerce.cross-border-trade".to_owned())));
    assert_eq!(kinds_and_ids(&index, &index.query("E-Commerce", 100)), en);
    assert_eq!(
        kinds_and_ids(&index, &index.query("  E-COMMERCE  ", 100)),
        en
    );

    // The English snippet shows the English text around the match.
    let hit = index
        .query("e-commerce", 100)
        .into_iter()
        .find(|h| index.entry(h).unwrap().id == "commerce.cross-border-trade")
        .unwrap();
    let snippet = hit.snippet.unwrap();
    assert_eq!(snippet.lang, Lang::En);
    assert_eq!(snippet.matched.to_lowercase(), "e-commerce");

    print_top(&index, "电子商务", 5);
    print_top(&index, "e-commerce", 5);
}

#[test]
fn departments_are_found_by_short_and_english_names() {
    let index = index();
    for q in [
        "发展改革委",
        "省发展改革委",
        "广东省发展和改革委员会",
        "Development and Reform",
        "development and reform",
    ] {
        let hits = index.query(q, 10);
        let e = index.entry(&hits[0]).unwrap();
        assert_eq!(
            (e.kind, e.id.as_str()),
            (Kind::Department, "development-reform"),
            "{q}"
        );
        assert_eq!(e.route, Route::Department("development-reform".into()));
    }
    // Tasks that name the department in their text come after it.
    let hits = index.query("发展改革委", 100);
    assert!(hits
        .iter()
        .skip(1)
        .any(|h| index.entry(h).unwrap().kind == Kind::Task));
    print_top(&index, "发展改革委", 5);
    print_top(&index, "Development and Reform", 5);
}

#[test]
fn every_kind_is_searchable_and_links_to_its_view() {
    let index = index();
    let area = kinds_and_ids(&index, &index.query("互联网+现代物流", 3));
    assert_eq!(area[0], (Kind::Area, "logistics".to_owned()));
    let task = index.query("互联网+跨境贸易", 3);
    let e = index.entry(&task[0]).unwrap();
    assert_eq!(
        (e.kind, e.id.as_str()),
        (Kind::Task, "commerce.cross-border-trade")
    );
    assert_eq!(e.route, Route::Area("commerce".into()));
    assert_eq!(e.fragment(), Some("commerce.cross-border-trade"));
    // Two terms, one in each language of the same task.
    let both = kinds_and_ids(&index, &index.query("跨境 Jieyang", 10));
    assert!(both.contains(&(Kind::Task, "commerce.cross-border-trade".to_owned())));
    assert!(index.query("跨境 不存在的词", 10).is_empty());
}

#[test]
fn snippets_of_real_tasks_are_whole_characters() {
    let index = index();
    for q in ["深圳", "电子商务", "发展改革委", "e-commerce", "物流"] {
        for hit in index.query(q, 200) {
            if let Some(s) = hit.snippet {
                assert!(s.before.chars().count() <= 21, "{s:?}");
                assert!(s.after.chars().count() <= 21, "{s:?}");
                assert!(!s.before.contains('\n') && !s.after.contains('\n'));
                assert!(!s.matched.is_empty());
            }
        }
    }
}

#[test]
fn timings() {
    let all = common::all();
    let start = Instant::now();
    let index = SearchIndex::build(&all.index, &all.areas, &all.departments, &all.cities);
    let build = start.elapsed();
    let queries = [
        "深圳",
        "电子商务",
        "e-commerce",
        "Shenzhen",
        "发展改革委",
        "Development and Reform",
        "互联网 平台",
        "x",
    ];
    let start = Instant::now();
    let rounds = 20;
    let mut n = 0;
    for _ in 0..rounds {
        for q in queries {
            n += index.query(q, 10).len();
        }
    }
    let per_query = start.elapsed() / (rounds * queries.len() as u32);
    println!(
        "search: {} entries built in {build:?}; {per_query:?} per query (native, debug build unless --release; {n} hits)",
        index.len()
    );
}
