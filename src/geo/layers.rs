//! Map layers: what colours the cities (tasks naming them, regions, a programme) as a [`MapStyle`],
//! with the value of every city in words for tooltips and the accessible table.

use std::collections::BTreeMap;

use super::classes::{breaks, class_of};
use super::palette::{region_swatch, sequential_fills, zero_fill};
use super::style::{LegendEntry, MapStyle};
use crate::chart::Theme;
use crate::data::{AreaFile, CityIndex, ProgrammeIndex};
use crate::i18n::Lang;
use crate::route::MapLayer;

/// A layer ready to draw: the style, and each city's value in words.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerView {
    /// Fills, labels and legend for [`super::map_to_svg`].
    pub style: MapStyle,
    /// Value of each city in words (`8 项任务`, `珠三角`, `是`), by adcode.
    pub value_text: BTreeMap<String, String>,
    /// Numeric value per city (tasks, or 1/0 for membership), for sorting the table.
    pub value: BTreeMap<String, u32>,
}

/// Number of key tasks naming each city, in every area or in one.
pub fn task_counts(areas: &[AreaFile], area: Option<&str>) -> BTreeMap<String, u32> {
    let mut counts = BTreeMap::new();
    for a in areas.iter().filter(|a| area.is_none_or(|s| s == a.slug)) {
        for task in &a.tasks {
            for m in &task.cities {
                *counts.entry(m.adcode.clone()).or_insert(0) += 1;
            }
        }
    }
    counts
}

fn tasks_words(n: u32, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Zh, _) => format!("{n} 项任务"),
        (Lang::En, 1) => "1 task".to_owned(),
        (Lang::En, _) => format!("{n} tasks"),
    }
}

/// Builds the layer for the map.
pub fn layer_view(
    layer: &MapLayer,
    cities: &CityIndex,
    areas: &[AreaFile],
    programmes: &ProgrammeIndex,
    lang: Lang,
    theme: Theme,
) -> LayerView {
    let mut style = MapStyle::new(theme);
    let (mut value_text, mut value) = (BTreeMap::new(), BTreeMap::new());
    let short = |c: &crate::data::City| match lang {
        Lang::Zh => c.short_zh.clone(),
        Lang::En => c.name.en.clone(),
    };
    match layer {
        MapLayer::AllTasks | MapLayer::AreaTasks(_) => {
            let area = match layer {
                MapLayer::AreaTasks(slug) => Some(slug.as_str()),
                _ => None,
            };
            let counts = task_counts(areas, area);
            let values: Vec<u32> = cities
                .cities
                .iter()
                .map(|c| counts.get(&c.adcode).copied().unwrap_or(0))
                .collect();
            let bins = breaks(&values);
            let fills = sequential_fills(bins.len(), &theme);
            for (c, n) in cities.cities.iter().zip(&values) {
                if let Some(fill) = class_of(&bins, *n).and_then(|i| fills.get(i)) {
                    style.fills.insert(c.adcode.clone(), *fill);
                }
                let label = if *n > 0 {
                    format!("{} {n}", short(c))
                } else {
                    short(c)
                };
                style.labels.insert(c.adcode.clone(), label);
                value_text.insert(c.adcode.clone(), tasks_words(*n, lang));
                value.insert(c.adcode.clone(), *n);
            }
            style.legend = bins
                .iter()
                .zip(&fills)
                .map(|(b, fill)| LegendEntry {
                    fill: *fill,
                    code: String::new(),
                    label: b.label.clone(),
                })
                .collect();
            style.title = match lang {
                Lang::Zh => "提及该市的重点任务数".to_owned(),
                Lang::En => "Key tasks naming the city".to_owned(),
            };
        }
        MapLayer::Regions => {
            for c in &cities.cities {
                let region = cities.regions.iter().find(|r| r.id == c.region);
                let swatch = region_swatch(&c.region);
                let code = swatch
                    .map(|s| {
                        if lang == Lang::Zh {
                            s.code_zh
                        } else {
                            s.code_en
                        }
                    })
                    .unwrap_or("");
                if let Some(s) = swatch {
                    style.fills.insert(c.adcode.clone(), s.fill);
                }
                style
                    .labels
                    .insert(c.adcode.clone(), format!("{} {code}", short(c)));
                value_text.insert(
                    c.adcode.clone(),
                    region
                        .map(|r| r.name.get(lang).to_owned())
                        .unwrap_or_default(),
                );
                value.insert(c.adcode.clone(), 0);
            }
            style.legend = cities
                .regions
                .iter()
                .filter_map(|r| {
                    let s = region_swatch(&r.id)?;
                    let code = if lang == Lang::Zh {
                        s.code_zh
                    } else {
                        s.code_en
                    };
                    Some(LegendEntry {
                        fill: s.fill,
                        code: code.to_owned(),
                        label: r.name.get(lang).to_owned(),
                    })
                })
                .collect();
            style.title = match lang {
                Lang::Zh => "四大区域".to_owned(),
                Lang::En => "Regions".to_owned(),
            };
        }
        MapLayer::Programme(id) => {
            let programme = programmes.programmes.iter().find(|p| &p.id == id);
            let member_fill = sequential_fills(2, &theme)
                .get(1)
                .copied()
                .unwrap_or((66, 146, 198));
            let (yes, no) = match lang {
                Lang::Zh => ("是", "否"),
                Lang::En => ("yes", "no"),
            };
            for c in &cities.cities {
                let member = programme.is_some_and(|p| p.cities.contains(&c.adcode));
                style.fills.insert(
                    c.adcode.clone(),
                    if member {
                        member_fill
                    } else {
                        zero_fill(&theme)
                    },
                );
                let label = if member {
                    format!("{} ✓", short(c))
                } else {
                    short(c)
                };
                style.labels.insert(c.adcode.clone(), label);
                value_text.insert(c.adcode.clone(), (if member { yes } else { no }).to_owned());
                value.insert(c.adcode.clone(), u32::from(member));
            }
            style.legend = vec![
                LegendEntry {
                    fill: member_fill,
                    code: "✓".to_owned(),
                    label: yes.to_owned(),
                },
                LegendEntry {
                    fill: zero_fill(&theme),
                    code: String::new(),
                    label: no.to_owned(),
                },
            ];
            style.title = programme
                .map(|p| p.name.get(lang).to_owned())
                .unwrap_or_default();
        }
    }
    let (prd, dongsha) = match lang {
        Lang::Zh => ("珠三角", "东沙群岛"),
        Lang::En => ("Pearl River Delta", "Dongsha"),
    };
    style.prd_caption = prd.to_owned();
    style.dongsha_caption = dongsha.to_owned();
    LayerView {
        style,
        value_text,
        value,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::data::{Bilingual, City, CityMention, MentionKind, Programme, Region, Task};

    fn city(adcode: &str, short: &str, region: &str) -> City {
        City {
            adcode: adcode.into(),
            name: Bilingual {
                zh: format!("{short}市"),
                en: short.into(),
            },
            short_zh: short.into(),
            region: region.into(),
        }
    }

    fn fixture() -> (CityIndex, Vec<AreaFile>, ProgrammeIndex) {
        let cities = CityIndex {
            regions: vec![Region {
                id: "prd".into(),
                name: Bilingual {
                    zh: "珠三角".into(),
                    en: "PRD".into(),
                },
            }],
            cities: vec![
                city("440100", "广州", "prd"),
                city("440300", "深圳", "prd"),
                city("440200", "韶关", "north"),
            ],
        };
        let task = |id: &str, codes: &[&str]| Task {
            id: id.into(),
            heading: Bilingual {
                zh: String::new(),
                en: String::new(),
            },
            text: Bilingual {
                zh: String::new(),
                en: String::new(),
            },
            translation: "unofficial".into(),
            paragraph: "p1".into(),
            departments_raw: vec![],
            departments: vec![],
            cities: codes
                .iter()
                .map(|c| CityMention {
                    adcode: (*c).into(),
                    as_written: String::new(),
                    kind: MentionKind::Direct,
                })
                .collect(),
        };
        let area = |slug: &str, tasks| AreaFile {
            slug: slug.into(),
            goals_paragraph: None,
            indicators: vec![],
            milestones: vec![],
            tasks,
        };
        let areas = vec![
            area(
                "a",
                vec![task("a.1", &["440100", "440300"]), task("a.2", &["440100"])],
            ),
            area("b", vec![task("b.1", &["440300"])]),
        ];
        let programmes = ProgrammeIndex {
            programmes: vec![Programme {
                id: "p".into(),
                name: Bilingual {
                    zh: "项目".into(),
                    en: "Programme".into(),
                },
                task: "a.1".into(),
                paragraph: "p1".into(),
                quote: String::new(),
                cities: vec!["440300".into()],
            }],
        };
        (cities, areas, programmes)
    }

    #[test]
    fn task_counts_follow_the_area_filter() {
        let (_, areas, _) = fixture();
        let all = task_counts(&areas, None);
        assert_eq!(all.get("440100"), Some(&2));
        assert_eq!(all.get("440300"), Some(&2));
        let a = task_counts(&areas, Some("b"));
        assert_eq!(a.get("440100"), None);
        assert_eq!(a.get("440300"), Some(&1));
    }

    #[test]
    fn the_area_filter_changes_the_colours() {
        let (cities, areas, programmes) = fixture();
        let all = layer_view(
            &MapLayer::AllTasks,
            &cities,
            &areas,
            &programmes,
            Lang::Zh,
            Theme::LIGHT,
        );
        let b = layer_view(
            &MapLayer::AreaTasks("b".into()),
            &cities,
            &areas,
            &programmes,
            Lang::Zh,
            Theme::LIGHT,
        );
        assert_ne!(all.style.fills.get("440100"), b.style.fills.get("440100"));
        assert_eq!(
            all.value_text.get("440100").map(String::as_str),
            Some("2 项任务")
        );
        assert_eq!(
            b.style.labels.get("440300").map(String::as_str),
            Some("深圳 1")
        );
    }

    #[test]
    fn programme_members_carry_a_mark_not_only_a_colour() {
        let (cities, areas, programmes) = fixture();
        let v = layer_view(
            &MapLayer::Programme("p".into()),
            &cities,
            &areas,
            &programmes,
            Lang::En,
            Theme::DARK,
        );
        assert_eq!(
            v.style.labels.get("440300").map(String::as_str),
            Some("深圳 ✓")
        );
        assert_eq!(
            v.style.labels.get("440100").map(String::as_str),
            Some("广州")
        );
        assert_eq!(v.value.get("440300"), Some(&1));
    }
}
