//! Citation lines for the plan, in the reader's language.

use super::url::safe_absolute_url;
use crate::data::{Bilingual, Meta};
use crate::i18n::Lang;

const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A number in Chinese numerals as the plan numbers its parts (一, 十, 十三, 二十一); numbers
/// outside 1–99 stay in Arabic digits.
fn chinese_number(n: u32) -> String {
    let digit = |d: u32| DIGITS.get(d as usize).copied().unwrap_or("");
    match n {
        1..=9 => digit(n).to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", digit(n % 10)),
        20..=99 if n.is_multiple_of(10) => format!("{}十", digit(n / 10)),
        20..=99 => format!("{}十{}", digit(n / 10), digit(n % 10)),
        _ => n.to_string(),
    }
}

/// A positive whole number written in ASCII digits only.
fn positive(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|n| *n > 0)
}

/// A section of the plan as a citation names it, from its id in `data/document.json` and the
/// section's name: `2.5` → `第二部分（五）互联网+现代物流` / `section 2.5 “Internet+ modern logistics”`;
/// `1` → `第一部分“总体要求”` / `section 1 “General requirements”`; `A` (the appendix) →
/// `附：名词解释` / `appendix “Glossary”`. An empty name leaves the name out; an id of another
/// shape is written as it is, followed by the name.
pub fn section_label(section_id: &str, area_name: &Bilingual, lang: Lang) -> String {
    let name = area_name.get(lang).trim();
    let quoted = if name.is_empty() {
        String::new()
    } else {
        format!(" “{name}”")
    };
    let parts: Vec<Option<u32>> = section_id.split('.').map(positive).collect();
    match (parts.as_slice(), lang) {
        ([Some(part)], Lang::Zh) if name.is_empty() => format!("第{}部分", chinese_number(*part)),
        ([Some(part)], Lang::Zh) => format!("第{}部分“{name}”", chinese_number(*part)),
        ([Some(part), Some(sub)], Lang::Zh) => format!(
            "第{}部分（{}）{name}",
            chinese_number(*part),
            chinese_number(*sub)
        ),
        ([Some(part)], Lang::En) => format!("section {part}{quoted}"),
        ([Some(part), Some(sub)], Lang::En) => format!("section {part}.{sub}{quoted}"),
        _ if section_id == "A" => match lang {
            Lang::Zh => format!("附：{name}").trim_end_matches('：').to_owned(),
            Lang::En => format!("appendix{quoted}"),
        },
        _ => format!("{} {name}", section_id.trim()).trim().to_owned(),
    }
}

/// Whether `date` is an ISO 8601 calendar date, `YYYY-MM-DD`.
fn is_iso_date(date: &str) -> bool {
    let mut parts = date.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    num(y, 4).is_some()
        && num(m, 2).is_some_and(|m| (1..=12).contains(&m))
        && num(d, 2).is_some_and(|d| (1..=31).contains(&d))
}

/// A citation line for the plan: issuing body, year, title, section, URL and access date.
///
/// - zh: `广东省人民政府.《广东省“互联网+”行动计划（2015—2020年）》，2015年，第二部分（五）互联网+现代物流。https://…（访问日期：2026-11-29）`
/// - en: `People's Government of Guangdong Province (2015). Guangdong Province “Internet+” Action Plan (2015–2020), section 2.5 “Internet+ modern logistics”. https://… (accessed 2026-11-29)`
///
/// `section_label` comes from [`section_label`]; an empty one is left out. The URL is left out,
/// with the access date, when [`safe_absolute_url`] refuses it; `accessed` is left out when it is not a
/// `YYYY-MM-DD` date, rather than printed wrong.
pub fn citation(meta: &Meta, section_label: &str, url: &str, accessed: &str, lang: Lang) -> String {
    let (issuer, title, year) = (meta.issuer.get(lang), meta.title.get(lang), meta.year);
    let section = section_label.trim();
    let url = safe_absolute_url(url);
    let accessed = is_iso_date(accessed).then_some(accessed);
    match lang {
        Lang::Zh => {
            let mut out = format!("{issuer}.《{title}》，{year}年");
            if !section.is_empty() {
                out.push_str(&format!("，{section}"));
            }
            out.push('。');
            if let Some(url) = url {
                out.push_str(&url);
                if let Some(date) = accessed {
                    out.push_str(&format!("（访问日期：{date}）"));
                }
            }
            out
        }
        Lang::En => {
            let mut out = format!("{issuer} ({year}). {title}");
            if !section.is_empty() {
                out.push_str(&format!(", {section}"));
            }
            out.push('.');
            if let Some(url) = url {
                out.push_str(&format!(" {url}"));
                if let Some(date) = accessed {
                    out.push_str(&format!(" (accessed {date})"));
                }
            }
            out
        }
    }
}

#[cfg(test)]
#[path = "cite_tests.rs"]
mod tests;
