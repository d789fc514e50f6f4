//! Data fidelity: every number in data/ comes from the plan, with its exact quote, and nothing is missing.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{HashMap, HashSet};

use gd_plus::data::validate::{first_number, validate_area, validate_index};
use gd_plus::data::{MentionKind, ParagraphKind};
use sha2::{Digest, Sha256};

#[test]
fn the_plan_text_in_the_repository_is_the_seed_file() {
    let text = common::plan_text();
    let digest = format!("{:x}", Sha256::digest(text.as_bytes()));
    assert_eq!(
        digest,
        common::PLAN_SHA256,
        "data/source/{} is not the file data/source/SOURCE.md describes",
        common::PLAN_FILE
    );
    let source_md = std::fs::read_to_string(common::root().join("data/source/SOURCE.md"))
        .unwrap_or_else(|e| panic!("data/source/SOURCE.md: {e}"));
    assert!(
        source_md.contains(common::PLAN_SHA256),
        "data/source/SOURCE.md does not state the sha256 of the plan text"
    );
    match common::shared_seed() {
        Some(seed) => assert!(
            seed == text.as_bytes(),
            "data/source/{0} differs from ../shared/seed/{0}",
            common::PLAN_FILE
        ),
        None => eprintln!("../shared/seed is absent: the copy is checked by its sha256 only"),
    }
}

#[test]
fn document_is_the_plan_text_character_for_character() {
    let seed = common::plan_text();
    let doc = common::all().document;
    let joined: String = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        joined,
        common::compact(&seed),
        "document.json differs from the plan text"
    );
    // Every paragraph either is a line of the plan or joins lines broken mid-sentence.
    let lines: HashSet<&str> = seed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let joined_count = doc
        .paragraphs
        .iter()
        .filter(|p| !lines.contains(p.text.as_str()))
        .count();
    assert_eq!(
        joined_count, 8,
        "the plan has 8 paragraphs broken mid-sentence"
    );
    let ids: HashSet<_> = doc.paragraphs.iter().map(|p| &p.id).collect();
    assert_eq!(ids.len(), doc.paragraphs.len(), "paragraph ids are unique");
}

#[test]
fn every_quote_is_in_its_paragraph_and_every_value_is_the_number_in_its_quote() {
    let all = common::all();
    let paragraph: HashMap<_, _> = all
        .document
        .paragraphs
        .iter()
        .map(|p| (p.id.as_str(), p.text.as_str()))
        .collect();
    let seed = common::compact(&common::plan_text());
    let mut checked = 0;
    for area in &all.areas {
        for ind in &area.indicators {
            for t in &ind.targets {
                let text = paragraph
                    .get(t.paragraph.as_str())
                    .unwrap_or_else(|| panic!("{}: no paragraph {}", t.id, t.paragraph));
                assert!(
                    text.contains(&t.quote),
                    "{}: quote not in {}: {}",
                    t.id,
                    t.paragraph,
                    t.quote
                );
                assert!(seed.contains(&t.quote), "{}: quote not in the plan", t.id);
                assert!(
                    t.quote.contains(&t.value_text),
                    "{}: value_text not in quote",
                    t.id
                );
                assert_eq!(
                    first_number(&t.value_text),
                    Some(t.value),
                    "{}: value vs {}",
                    t.id,
                    t.value_text
                );
                for q in &ind.qualifiers {
                    assert!(
                        ind.targets.iter().any(|t| t.quote.contains(q.as_str())),
                        "{}: qualifier {q} in no quote",
                        ind.id
                    );
                }
                checked += 1;
            }
        }
        for m in &area.milestones {
            let text = paragraph[m.paragraph.as_str()];
            assert!(
                text.contains(&m.quote),
                "{}: quote not in {}",
                m.id,
                m.paragraph
            );
        }
    }
    assert_eq!(
        checked, 83,
        "the plan sets 83 target values (26 overall + 57 in the areas)"
    );
}

/// The year a quote's target belongs to: overall goals are split into a 2017 and a 2020 block;
/// area goal paragraphs say 到2017年底前 … 到2020年底前.
#[test]
fn targets_sit_in_the_part_of_the_text_for_their_year() {
    let all = common::all();
    let paragraph: HashMap<_, _> = all
        .document
        .paragraphs
        .iter()
        .map(|p| (p.id.as_str(), p))
        .collect();
    for area in all.areas.iter().filter(|a| a.slug != "overall") {
        for t in area.indicators.iter().flat_map(|i| &i.targets) {
            let text = &paragraph[t.paragraph.as_str()].text;
            let at = text.find(&t.quote).unwrap_or(usize::MAX);
            let split = text.find("2020").unwrap_or(usize::MAX);
            let year = if at < split { 2017 } else { 2020 };
            assert_eq!(t.year, year, "{}: quote lies in the {year} part", t.id);
        }
    }
    for t in all
        .areas
        .iter()
        .filter(|a| a.slug == "overall")
        .flat_map(|a| a.indicators.iter().flat_map(|i| &i.targets))
    {
        let p = paragraph[t.paragraph.as_str()];
        let idx: usize = all
            .document
            .paragraphs
            .iter()
            .position(|q| q.id == p.id)
            .unwrap_or(0);
        let block = all.document.paragraphs[..=idx]
            .iter()
            .rev()
            .find(|q| q.text.starts_with("1. 2017") || q.text.starts_with("2. 2020"));
        let year = if block.is_some_and(|b| b.text.starts_with("1. 2017")) {
            2017
        } else {
            2020
        };
        assert_eq!(t.year, year, "{}", t.id);
    }
}

/// Every number in a goals paragraph is a target value or part of an indicator's definition.
#[test]
fn goals_are_complete() {
    let all = common::all();
    let mut goal_paragraphs: Vec<&str> = all
        .areas
        .iter()
        .filter_map(|a| a.goals_paragraph.as_deref())
        .collect();
    goal_paragraphs.extend(
        all.document
            .paragraphs
            .iter()
            .filter(|p| p.section == "1.2" && p.text.starts_with("——"))
            .map(|p| p.id.as_str()),
    );
    assert_eq!(
        goal_paragraphs.len(),
        13 + 6,
        "13 area goal paragraphs and 6 overall bullets"
    );
    for pid in goal_paragraphs {
        let text = &all
            .document
            .paragraphs
            .iter()
            .find(|p| p.id == pid)
            .map(|p| p.text.clone())
            .unwrap_or_default();
        let mut covered = vec![false; text.len()];
        for ind in all.areas.iter().flat_map(|a| &a.indicators) {
            for t in ind.targets.iter().filter(|t| t.paragraph == pid) {
                for (q_at, _) in text.match_indices(&t.quote) {
                    let mut mark = |needle: &str| {
                        if let Some(off) = t.quote.find(needle) {
                            covered[q_at + off..q_at + off + needle.len()]
                                .iter_mut()
                                .for_each(|c| *c = true);
                        }
                    };
                    mark(&t.value_text);
                    ind.qualifiers.iter().for_each(|q| mark(q));
                }
            }
        }
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                    i += 1;
                }
                let number = text[start..i].trim_end_matches('.');
                let is_year = matches!(number, "2014" | "2015" | "2017" | "2020");
                let is_list_number = start == 0;
                if !is_year && !is_list_number {
                    assert!(
                        covered[start],
                        "{pid}: the number {number} at byte {start} is not covered: …{}…",
                        &text[start.saturating_sub(30).min(start)..]
                    );
                }
            } else {
                i += 1;
            }
        }
    }
}

#[test]
fn tasks_are_every_key_task_with_the_departments_of_their_parenthesis() {
    let all = common::all();
    let tasks: Vec<_> = all.areas.iter().flat_map(|a| &a.tasks).collect();
    let task_paragraphs: Vec<_> = all
        .document
        .paragraphs
        .iter()
        .filter(|p| {
            p.kind == ParagraphKind::Text
                && p.section.starts_with("2.")
                && p.text.starts_with("——互联网+")
        })
        .collect();
    assert_eq!(tasks.len(), 41);
    assert_eq!(task_paragraphs.len(), 41);
    let known: HashSet<_> = all
        .departments
        .departments
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    for (task, para) in tasks.iter().zip(&task_paragraphs) {
        assert_eq!(task.paragraph, para.id);
        assert_eq!(
            task.text.zh, para.text,
            "{}: text is the paragraph",
            task.id
        );
        assert!(
            para.text.starts_with(&format!("——{}。", task.heading.zh)),
            "{}",
            task.id
        );
        let open = para.text.rfind('（').unwrap_or(0);
        let inside = para.text[open + '（'.len_utf8()..]
            .trim_end_matches('）')
            .trim_end_matches("负责");
        let raw: Vec<_> = inside.split('、').collect();
        assert_eq!(
            task.departments_raw, raw,
            "{}: departments as written",
            task.id
        );
        assert!(
            task.departments.iter().all(|d| known.contains(d.as_str())),
            "{}",
            task.id
        );
        assert!(
            !task.departments.is_empty() && task.departments.len() <= raw.len(),
            "{}",
            task.id
        );
        assert!(
            !task.text.en.is_empty() && task.translation == "unofficial",
            "{}",
            task.id
        );
    }
}

#[test]
fn one_department_has_one_id_everywhere() {
    let all = common::all();
    let ids: HashSet<_> = all
        .departments
        .departments
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(
        ids.len(),
        all.departments.departments.len(),
        "ids are unique"
    );
    let names: HashSet<_> = all
        .departments
        .departments
        .iter()
        .map(|d| d.zh.trim_start_matches('省'))
        .collect();
    assert_eq!(
        names.len(),
        ids.len(),
        "no two records for one body with and without 省"
    );
    // The same written name always maps to the same id.
    let mut seen: HashMap<String, String> = HashMap::new();
    for task in all.areas.iter().flat_map(|a| &a.tasks) {
        let ids_in_order: Vec<_> = task.departments.iter().collect();
        for (raw, id) in task.departments_raw.iter().zip(ids_in_order) {
            let key = raw.trim_start_matches('省').to_owned();
            let prev = seen.entry(key.clone()).or_insert_with(|| id.clone());
            assert_eq!(prev, id, "{raw} maps to two ids");
        }
    }
}

#[test]
fn cities_are_the_21_of_the_boundaries_and_mentions_are_classified() {
    let all = common::all();
    assert_eq!(all.cities.cities.len(), 21);
    let per_region = |r: &str| all.cities.cities.iter().filter(|c| c.region == r).count();
    assert_eq!(
        (
            per_region("prd"),
            per_region("east"),
            per_region("west"),
            per_region("north")
        ),
        (9, 4, 3, 5)
    );
    let geo_path = common::root().join("data/geo/guangdong-cities.geojson");
    let geo: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(geo_path).unwrap_or_default())
            .unwrap_or_default();
    let geo_codes: HashSet<_> = geo["features"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["properties"]["adcode"].as_str())
        .collect();
    let codes: HashSet<_> = all
        .cities
        .cities
        .iter()
        .map(|c| c.adcode.as_str())
        .collect();
    assert_eq!(
        geo_codes, codes,
        "cities.json and the boundaries name the same 21 cities"
    );

    let tasks: Vec<_> = all.areas.iter().flat_map(|a| &a.tasks).collect();
    let zhongshan = "442000";
    assert!(
        tasks
            .iter()
            .all(|t| t.cities.iter().all(|c| c.adcode != zhongshan)),
        "中山大学 is not a mention of 中山"
    );
    let innovation = tasks
        .iter()
        .find(|t| t.heading.zh == "互联网+创新")
        .map(|t| &t.cities);
    let gz = innovation.and_then(|c| c.iter().find(|m| m.adcode == "440100"));
    assert_eq!(
        gz.map(|m| m.kind),
        Some(MentionKind::Institution),
        "广州 only inside 中国信息通信研究院广州分院 there"
    );
    let ecommerce = tasks
        .iter()
        .find(|t| t.heading.zh == "互联网+跨境贸易")
        .map(|t| t.cities.len());
    assert_eq!(
        ecommerce,
        Some(5),
        "广州、深圳、东莞、汕头、揭阳 are the e-commerce pilot cities"
    );
    for t in &tasks {
        for m in &t.cities {
            let city = all.cities.cities.iter().find(|c| c.adcode == m.adcode);
            let short = city.map(|c| c.short_zh.as_str()).unwrap_or("?");
            assert!(
                m.as_written.contains(short),
                "{}: {} names {}",
                t.id,
                m.as_written,
                short
            );
            assert!(
                t.text.zh.contains(&m.as_written),
                "{}: {} is in the text",
                t.id,
                m.as_written
            );
        }
    }
}

#[test]
fn every_file_passes_the_apps_own_validation() {
    let all = common::all();
    assert!(validate_index("areas.json", &all.index).is_empty());
    for (summary, area) in all.index.areas.iter().zip(&all.areas) {
        assert_eq!(summary.slug, area.slug);
        let problems = validate_area(
            &summary.file,
            area,
            Some(summary.counts),
            &all.departments,
            &all.cities,
        );
        assert!(problems.is_empty(), "{problems:?}");
    }
}

#[test]
fn validation_catches_a_value_that_differs_from_its_quote() {
    let mut all = common::all();
    let area = &mut all.areas[1];
    let t = &mut area.indicators[0].targets[0];
    t.value += 1.0;
    let problems = validate_area("areas/x.json", area, None, &all.departments, &all.cities);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .to_string()
            .starts_with("areas/x.json: at $.indicators[0].targets[0].value: value"),
        "{}",
        problems[0]
    );
}

#[test]
fn programmes_list_exactly_the_cities_their_quote_names() {
    let all = common::all();
    let programmes: gd_plus::data::ProgrammeIndex = common::data("programmes.json");
    assert_eq!(programmes.programmes.len(), 8);
    let tasks: Vec<_> = all.areas.iter().flat_map(|a| &a.tasks).collect();
    for p in &programmes.programmes {
        let task = tasks
            .iter()
            .find(|t| t.id == p.task)
            .unwrap_or_else(|| panic!("{}: task {}", p.id, p.task));
        assert!(
            task.text.zh.contains(&p.quote),
            "{}: quote not in its task",
            p.id
        );
        assert_eq!(task.paragraph, p.paragraph);
        let named: Vec<_> = all
            .cities
            .cities
            .iter()
            .filter(|c| p.quote.contains(&c.short_zh))
            .map(|c| c.adcode.clone())
            .collect();
        let mut listed = p.cities.clone();
        listed.sort();
        assert_eq!(
            listed, named,
            "{}: cities are exactly those named in the quote",
            p.id
        );
    }
    let ecommerce = programmes
        .programmes
        .iter()
        .find(|p| p.id == "ecommerce-pilot-cities")
        .map(|p| p.cities.len());
    assert_eq!(ecommerce, Some(5));
}

#[test]
fn every_quoted_paragraph_has_an_unofficial_english_translation_keeping_its_percentages() {
    let all = common::all();
    let quoted: HashSet<&str> = all
        .areas
        .iter()
        .flat_map(|a| {
            a.indicators
                .iter()
                .flat_map(|i| i.targets.iter().map(|t| t.paragraph.as_str()))
        })
        .collect();
    for p in all
        .document
        .paragraphs
        .iter()
        .filter(|p| quoted.contains(p.id.as_str()))
    {
        let en = p
            .text_en
            .as_deref()
            .unwrap_or_else(|| panic!("{}: no English", p.id));
        // Percentages never change in translation (amounts in 亿/万 are converted, so not checked here).
        for (i, _) in p.text.match_indices('%') {
            let digits: String = p.text[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let pct: String = digits.chars().rev().collect();
            assert!(
                en.contains(&format!("{pct}%")),
                "{}: {pct}% missing in English",
                p.id
            );
        }
    }
}
