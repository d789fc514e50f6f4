//! One-sentence text summaries of targets, the accessible alternative to looking at a chart.

use crate::data::{Comparator, Indicator, Target};
use crate::format;
use crate::i18n::Lang;

fn phrase(ind: &Indicator, t: &Target, lang: Lang) -> String {
    let value = format::value_with_unit(t.value, &ind.unit, lang);
    let words = format::comparator_words(t.comparator, lang);
    match (lang, t.comparator) {
        (_, Comparator::AsStated) => value,
        (Lang::Zh, _) => format!("{words}{value}"),
        (Lang::En, _) => format!("{words} {value}"),
    }
}

/// "网络购物普及率：2017年目标不低于68%，2020年目标不低于73%" /
/// "Online shopping penetration rate: 2020 target at least 73%, up from at least 68% for 2017".
pub fn indicator_sentence(ind: &Indicator, lang: Lang) -> String {
    let name = ind.name.get(lang);
    let by_year = |y: u16| ind.targets.iter().find(|t| t.year == y);
    match lang {
        Lang::Zh => {
            let parts: Vec<String> = ind
                .targets
                .iter()
                .map(|t| format!("{}年目标{}", t.year, phrase(ind, t, lang)))
                .collect();
            format!("{name}：{}", parts.join("，"))
        }
        Lang::En => match (by_year(2017), by_year(2020)) {
            (Some(a), Some(b)) => {
                let trend = match b.value.partial_cmp(&a.value) {
                    Some(std::cmp::Ordering::Greater) => "up from",
                    Some(std::cmp::Ordering::Less) => "down from",
                    _ => "the same as",
                };
                format!(
                    "{name}: 2020 target {}, {trend} {} for 2017",
                    phrase(ind, b, lang),
                    phrase(ind, a, lang)
                )
            }
            (Some(t), None) | (None, Some(t)) => {
                format!("{name}: {} target {}", t.year, phrase(ind, t, lang))
            }
            (None, None) => format!("{name}: no numeric target"),
        },
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::data::{Bilingual, Unit, UnitBase};

    fn shopping() -> Indicator {
        let t = |year: u16, value: f64| Target {
            id: format!("x.{year}"),
            year,
            value,
            value_text: format!("{value}%"),
            comparator: Comparator::AtLeast,
            quote: String::new(),
            paragraph: "p001".into(),
        };
        Indicator {
            id: "x".into(),
            name: Bilingual {
                zh: "网络购物普及率".into(),
                en: "Online shopping penetration rate".into(),
            },
            unit: Unit {
                zh: "%".into(),
                en: "%".into(),
                base: UnitBase::Percent,
                scale: 1.0,
            },
            note: None,
            qualifiers: vec![],
            targets: vec![t(2017, 68.0), t(2020, 73.0)],
        }
    }

    #[test]
    fn english_summary_reads_as_a_sentence() {
        assert_eq!(
            indicator_sentence(&shopping(), Lang::En),
            "Online shopping penetration rate: 2020 target at least 73%, up from at least 68% for 2017"
        );
    }

    #[test]
    fn chinese_summary_lists_both_years() {
        assert_eq!(
            indicator_sentence(&shopping(), Lang::Zh),
            "网络购物普及率：2017年目标不低于68%，2020年目标不低于73%"
        );
    }
}
