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

/// A value with its unit: `5.6万亿元` / `5.6 trillion yuan`, `73%` in both languages.
pub fn value_with_unit(value: f64, unit: &Unit, lang: Lang) -> String {
    let n = number(value, lang);
    match lang {
        Lang::Zh => format!("{n}{}", unit.zh),
        Lang::En if unit.en == "%" => format!("{n}%"),
        Lang::En => format!("{n} {}", unit.en),
    }
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
            "4,300 100 million yuan"
        );
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
