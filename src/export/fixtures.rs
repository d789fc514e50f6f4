//! Values the export tests share (test builds only).

use crate::data::{Bilingual, Meta};

/// A bilingual text.
pub fn bi(zh: &str, en: &str) -> Bilingual {
    Bilingual {
        zh: zh.into(),
        en: en.into(),
    }
}

/// `meta.json` as published, with a fixed date.
pub fn meta() -> Meta {
    Meta {
        title: bi(
            "广东省“互联网+”行动计划（2015—2020年）",
            "Guangdong Province “Internet+” Action Plan (2015–2020)",
        ),
        issuer: bi(
            "广东省人民政府",
            "People's Government of Guangdong Province",
        ),
        year: 2015,
        date: None,
        source: bi("全文", "Full text"),
        licence: "CC-BY-4.0".into(),
        version: "0.1.0".into(),
        last_updated: "2026-11-29".into(),
    }
}
