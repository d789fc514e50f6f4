//! Number and target formats shown to readers ("≥ 73%", "5.6万亿元", "−16% vs 2014").
// Handles data from outside: no panicking shortcuts (list in ARCHITECTURE.md).
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use crate::data::{Comparator, Unit};
use crate::i18n::Lang;

/// A number with at most two decimals and no trailing zeros; English groups thousands.
pub fn number(value: f64, lang: Lang) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let mut text = format!("{rounded:.2}");
    while text.ends_with('0') {
        text.pop();
    }
    if text.ends_with('.') {
        text.pop();
    }
    if lang == Lang::En {
        group_thousands(&text)
    } else {
        text
    }
}

fn group_thousands(text: &str) -> String {
    let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A value with its unit: `5.6万亿元` / `5.6 trillion yuan`, `73%` in both languages. English
/// reads a Chinese multiplier unit in its own words (`4300亿元` is `430 billion yuan`, not
/// `4,300 100 million yuan`), and a count of one takes the singular (`1 group`).
pub fn value_with_unit(value: f64, unit: &Unit, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}{}", number(value, lang), unit.zh),
        Lang::En if unit.en == "%" => format!("{}%", number(value, lang)),
        Lang::En => match english_multiplier(&unit.en) {
            Some(noun) => english_scaled(value * unit.scale, noun),
            None if value == 1.0 => format!("1 {}", singular(&unit.en)),
            None => format!("{} {}", number(value, lang), unit.en),
        },
    }
}

/// The noun of an English unit that starts with a multiplier (`100 million yuan` → `yuan`,
/// `10,000 people` → `people`); `None` when the unit starts with a word.
fn english_multiplier(unit_en: &str) -> Option<&str> {
    if !unit_en.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = unit_en.split(' ').collect();
    let at = words.iter().position(|w| {
        !(w.chars().all(|c| c.is_ascii_digit() || c == ',')
            || matches!(*w, "thousand" | "million" | "billion"))
    })?;
    let noun_start: usize = words.iter().take(at).map(|w| w.len() + 1).sum();
    unit_en.get(noun_start..)
}

/// An absolute amount in English scale words: `430 billion yuan`, `57 million people`.
fn english_scaled(amount: f64, noun: &str) -> String {
    let (scaled, word) = if amount.abs() >= 1e12 {
        (amount / 1e12, " trillion")
    } else if amount.abs() >= 1e9 {
        (amount / 1e9, " billion")
    } else if amount.abs() >= 1e6 {
        (amount / 1e6, " million")
    } else {
        (amount, "")
    };
    format!("{}{word} {noun}", number(scaled, Lang::En))
}

/// The singular of an English plural noun of the data's units (`groups` → `group`, `cities/counties`
/// → `city/county`); other words are left as they are.
pub fn singular(plural: &str) -> String {
    plural
        .split('/')
        .map(|w| {
            if let Some(stem) = w.strip_suffix("ies") {
                format!("{stem}y")
            } else if let Some(stem) = w.strip_suffix('s') {
                stem.to_owned()
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// A target as a reader should read it: `≥ 73%`, `≤ 14.5%`, `−16% vs 2014`.
pub fn target(value: f64, unit: &Unit, comparator: Comparator, lang: Lang) -> String {
    let v = value_with_unit(value, unit, lang);
    match (comparator, lang) {
        (Comparator::AtLeast, _) => format!("≥ {v}"),
        (Comparator::AtMost, _) => format!("≤ {v}"),
        (Comparator::ReductionVs2014, Lang::Zh) => format!("比2014年 −{v}"),
        (Comparator::ReductionVs2014, Lang::En) => format!("−{v} vs 2014"),
        (Comparator::AsStated, _) => v,
    }
}

/// The comparator in words, for summaries and tables.
pub fn comparator_words(comparator: Comparator, lang: Lang) -> &'static str {
    match (comparator, lang) {
        (Comparator::AtLeast, Lang::Zh) => "不低于",
        (Comparator::AtLeast, Lang::En) => "at least",
        (Comparator::AtMost, Lang::Zh) => "不高于",
        (Comparator::AtMost, Lang::En) => "at most",
        (Comparator::ReductionVs2014, Lang::Zh) => "比2014年下降",
        (Comparator::ReductionVs2014, Lang::En) => "a reduction against 2014 of",
        (Comparator::AsStated, _) => "",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::data::UnitBase;

    fn unit(zh: &str, en: &str, base: UnitBase, scale: f64) -> Unit {
        Unit {
            zh: zh.into(),
            en: en.into(),
            base,
            scale,
        }
    }

    #[test]
    fn values_read_as_in_the_plan() {
        let trillion = unit("万亿元", "trillion yuan", UnitBase::Cny, 1e12);
        let hundred_million = unit("亿元", "100 million yuan", UnitBase::Cny, 1e8);
        let pct = unit("%", "%", UnitBase::Percent, 1.0);
        assert_eq!(value_with_unit(5.6, &trillion, Lang::Zh), "5.6万亿元");
        assert_eq!(
            value_with_unit(4300.0, &hundred_million, Lang::Zh),
            "4300亿元"
        );
        assert_eq!(
            value_with_unit(4300.0, &hundred_million, Lang::En),
            "430 billion yuan"
        );
        let people = unit("万人", "10,000 people", UnitBase::People, 1e4);
        assert_eq!(
            value_with_unit(5700.0, &people, Lang::En),
            "57 million people"
        );
        let area = unit("亿平方米", "100 million m²", UnitBase::M2, 1e8);
        assert_eq!(value_with_unit(0.6, &area, Lang::En), "60 million m²");
        assert_eq!(value_with_unit(1.5, &area, Lang::En), "150 million m²");
        assert_eq!(
            value_with_unit(5.6, &trillion, Lang::En),
            "5.6 trillion yuan"
        );
        let groups = unit("家", "groups", UnitBase::Count, 1.0);
        assert_eq!(value_with_unit(1.0, &groups, Lang::En), "1 group");
        assert_eq!(value_with_unit(3.0, &groups, Lang::En), "3 groups");
        assert_eq!(singular("cities/counties"), "city/county");
        assert_eq!(value_with_unit(14.8, &pct, Lang::Zh), "14.8%");
        assert_eq!(value_with_unit(14.8, &pct, Lang::En), "14.8%");
    }

    #[test]
    fn targets_show_their_comparator() {
        let pct = unit("%", "%", UnitBase::Percent, 1.0);
        assert_eq!(target(73.0, &pct, Comparator::AtLeast, Lang::En), "≥ 73%");
        assert_eq!(target(14.5, &pct, Comparator::AtMost, Lang::Zh), "≤ 14.5%");
        assert_eq!(
            target(16.0, &pct, Comparator::ReductionVs2014, Lang::En),
            "−16% vs 2014"
        );
        assert_eq!(target(50.0, &pct, Comparator::AsStated, Lang::En), "50%");
    }

    #[test]
    fn numbers_drop_trailing_zeros_and_group_in_english() {
        assert_eq!(number(0.6, Lang::Zh), "0.6");
        assert_eq!(number(1000.0, Lang::Zh), "1000");
        assert_eq!(number(1000.0, Lang::En), "1,000");
        assert_eq!(number(1234567.891, Lang::En), "1,234,567.89");
        assert_eq!(number(-5600.0, Lang::En), "-5,600");
    }
}
