//! Data meaning: beyond "the quote is in the plan and the value is its number" (data_fidelity),
//! each field says what the quote says: unit and comparator as written, the quote about its own
//! indicator, milestone years, English names, department aliases and city mentions.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeSet, HashMap, HashSet};

use gd_plus::data::Comparator;

/// The comparator the words around a target's value give: the words right before the value
/// (达, 超过, 下降到 …) or right after it (以上, 以下).
fn comparator_in_words(before: &str, after: &str) -> Comparator {
    let before = before.trim_end();
    let after = after.trim_start();
    if before.ends_with("比2014年下降") {
        Comparator::ReductionVs2014
    } else if ["下降到", "降到", "降至", "控制在", "不超过", "低于"]
        .iter()
        .any(|w| before.ends_with(w))
        || after.starts_with("以下")
        || after.starts_with("以内")
    {
        Comparator::AtMost
    } else if ["达", "达到", "超过", "不低于", "不少于", "突破"]
        .iter()
        .any(|w| before.ends_with(w))
        || after.starts_with("以上")
    {
        Comparator::AtLeast
    } else {
        Comparator::AsStated
    }
}

/// The letters of a name that carry meaning (CJK characters and Latin letters, without 的).
fn key_chars(s: &str) -> BTreeSet<char> {
    s.chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c) || c.is_ascii_alphabetic())
        .filter(|&c| c != '的')
        .collect()
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{3400}'..='\u{9fff}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    })
}

#[test]
fn comparator_words_are_read_as_the_plan_means_them() {
    use Comparator::*;
    assert_eq!(comparator_in_words("普及率达", ""), AtLeast);
    assert_eq!(comparator_in_words("研发机构", "以上"), AtLeast);
    assert_eq!(comparator_in_words("GDP比重下降到", ""), AtMost);
    assert_eq!(comparator_in_words("能耗比2014年下降", ""), ReductionVs2014);
    assert_eq!(comparator_in_words("建成", "智能制造示范工厂"), AsStated);
}

#[test]
fn every_target_has_the_unit_comparator_and_indicator_of_its_quote() {
    let all = common::all();
    let mut checked = 0;
    for area in &all.areas {
        for ind in &area.indicators {
            let name = key_chars(&ind.name.zh);
            for t in &ind.targets {
                let at = t
                    .quote
                    .find(&t.value_text)
                    .unwrap_or_else(|| panic!("{}: value_text not in the quote", t.id));
                // Unit: the value is written with the indicator's unit, as the plan writes it.
                assert!(
                    t.value_text.ends_with(&ind.unit.zh),
                    "{}: {:?} is not written in {:?}",
                    t.id,
                    t.value_text,
                    ind.unit.zh
                );
                // Comparator: the words around the value agree with the field.
                let (before, after) = (&t.quote[..at], &t.quote[at + t.value_text.len()..]);
                assert_eq!(
                    comparator_in_words(before, after),
                    t.comparator,
                    "{}: the quote says {:?}",
                    t.id,
                    t.quote
                );
                // Assignment: the quote speaks of this indicator — every key character of its
                // name is in the quote (so 医疗机构信息共享率 cannot carry 应急管理数据库共享率达70%).
                let missing: String = name.difference(&key_chars(&t.quote)).collect();
                assert!(
                    missing.is_empty(),
                    "{}: the quote {:?} does not speak of {:?} (missing {missing})",
                    t.id,
                    t.quote,
                    ind.name.zh
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 83);
}

#[test]
fn milestone_years_are_the_years_their_text_stands_under() {
    let all = common::all();
    let paragraphs = &all.document.paragraphs;
    let index: HashMap<&str, usize> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut checked = 0;
    for m in all.areas.iter().flat_map(|a| &a.milestones) {
        assert!(
            (2015..=2020).contains(&m.year),
            "{}: {} is outside the plan",
            m.id,
            m.year
        );
        let at = index[m.paragraph.as_str()];
        let text = &paragraphs[at].text;
        let end = text
            .find(&m.quote)
            .unwrap_or_else(|| panic!("{}: quote not in {}", m.id, m.paragraph))
            + m.quote.len();
        // The last year named before the end of the quote (在 "到2017年底前 …" or the heading
        // "1. 2017年目标" above a block), not counting the base year of a comparison (比2014年).
        let before: String = paragraphs[..at]
            .iter()
            .map(|p| p.text.as_str())
            .chain([&text[..end]])
            .collect();
        assert_eq!(
            last_year(&before),
            Some(m.year),
            "{}: the text before its quote stands under another year",
            m.id
        );
        checked += 1;
    }
    assert_eq!(checked, 29);
}

/// The last "20xx年" (digits and 年 possibly spaced: "到 2017 年底前") not preceded by 比.
fn last_year(text: &str) -> Option<u16> {
    let chars: Vec<char> = text.chars().collect();
    let mut last = None;
    for i in 0..chars.len().saturating_sub(4) {
        let digits: String = chars[i..i + 4].iter().collect();
        if !digits.starts_with("20") || !digits.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if i > 0 && chars[i - 1].is_ascii_digit() {
            continue;
        }
        let rest = chars[i + 4..].iter().find(|c| **c != ' ');
        let compared = chars[..i].iter().rev().find(|c| **c != ' ') == Some(&'比');
        if rest == Some(&'年') && !compared {
            last = digits.parse().ok();
        }
    }
    last
}

#[test]
fn every_chinese_name_has_an_english_name_without_chinese_characters() {
    let all = common::all();
    let mut names: Vec<(String, &str, &str)> = Vec::new();
    for a in &all.index.areas {
        names.push((a.slug.clone(), &a.name.zh, &a.name.en));
    }
    for area in &all.areas {
        for ind in &area.indicators {
            names.push((ind.id.clone(), &ind.name.zh, &ind.name.en));
            names.push((format!("{} unit", ind.id), &ind.unit.zh, &ind.unit.en));
        }
        for m in &area.milestones {
            names.push((m.id.clone(), &m.text.zh, &m.text.en));
        }
        for t in &area.tasks {
            names.push((t.id.clone(), &t.heading.zh, &t.heading.en));
        }
    }
    for d in &all.departments.departments {
        names.push((d.id.clone(), &d.zh, &d.en));
    }
    for c in &all.cities.cities {
        names.push((c.adcode.clone(), &c.name.zh, &c.name.en));
    }
    for r in &all.cities.regions {
        names.push((r.id.clone(), &r.name.zh, &r.name.en));
    }
    assert!(names.len() >= 250, "{} names", names.len());
    for (id, zh, en) in &names {
        assert!(!zh.trim().is_empty(), "{id}: empty Chinese name");
        assert!(!en.trim().is_empty(), "{id}: {zh} has no English name");
        assert!(
            !has_cjk(en),
            "{id}: English name {en:?} has Chinese characters"
        );
    }
}

#[derive(serde::Deserialize)]
struct CuratedDepartment {
    id: String,
    zh: String,
    aliases: Vec<String>,
}

#[test]
fn every_department_as_written_maps_to_its_id_and_every_alias_is_written_in_the_plan() {
    let all = common::all();
    let path = common::root().join("tools/curated/departments.json");
    let curated: Vec<CuratedDepartment> = serde_json::from_str(
        &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut alias: HashMap<&str, &str> = HashMap::new();
    for d in &curated {
        assert!(d.aliases.contains(&d.zh), "{}: its name is an alias", d.id);
        for a in &d.aliases {
            let before = alias.insert(a, &d.id);
            assert!(before.is_none(), "{a} is an alias of two departments");
        }
    }
    let plan = common::compact(&common::plan_text());
    // Every way of writing a department is written so in the plan (its display name `zh`, e.g.
    // 省知识产权局 where the plan has …、知识产权局, is ours).
    for d in &curated {
        for a in d.aliases.iter().filter(|a| **a != d.zh) {
            assert!(
                plan.contains(a.as_str()),
                "{}: alias {a} is not in the plan",
                d.id
            );
        }
    }
    let mut written: HashSet<&str> = HashSet::new();
    for t in all.areas.iter().flat_map(|a| &a.tasks) {
        let parenthesis = &t.text.zh[t.text.zh.rfind('（').unwrap_or(0)..];
        assert_eq!(
            t.departments_raw.len(),
            t.departments.len(),
            "{}: a department as written has no id, or an id has no words",
            t.id
        );
        for (raw, id) in t.departments_raw.iter().zip(&t.departments) {
            assert!(
                parenthesis.contains(raw.as_str()),
                "{}: {raw} is not in its parenthesis",
                t.id
            );
            assert_eq!(
                alias.get(raw.as_str()).copied(),
                Some(id.as_str()),
                "{}: {raw} is not an alias of {id}",
                t.id
            );
            written.insert(raw);
        }
    }
    assert!(written.len() > 40);
}

#[test]
fn every_city_named_in_a_task_is_in_its_cities_and_no_other() {
    let all = common::all();
    let mut mentions = 0;
    for t in all.areas.iter().flat_map(|a| &a.tasks) {
        // The department parenthesis is not a place (人行广州分行), and 中山大学 is a university.
        let body =
            t.text.zh[..t.text.zh.rfind('（').unwrap_or(t.text.zh.len())].replace("中山大学", "");
        let named: BTreeSet<&str> = all
            .cities
            .cities
            .iter()
            .filter(|c| body.contains(&c.name.zh) || body.contains(&c.short_zh))
            .map(|c| c.adcode.as_str())
            .collect();
        let listed: BTreeSet<&str> = t.cities.iter().map(|c| c.adcode.as_str()).collect();
        assert_eq!(named, listed, "{}: cities named vs listed", t.id);
        mentions += listed.len();
    }
    assert!(mentions >= 30, "{mentions} city mentions");
}
