//! Tests of the citation line and section labels, on the plan's own metadata built here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test

use super::*;
use crate::export::fixtures::{bi, meta};

fn logistics() -> Bilingual {
    bi("互联网+现代物流", "Internet+ modern logistics")
}

const URL: &str = "https://example.org/gd/?view=area&id=logistics";

#[test]
fn zh_citation_reads_as_specified() {
    let section = section_label("2.5", &logistics(), Lang::Zh);
    assert_eq!(section, "第二部分（五）互联网+现代物流");
    assert_eq!(
        citation(&meta(), &section, URL, "2026-11-29", Lang::Zh),
        "广东省人民政府.《广东省“互联网+”行动计划（2015—2020年）》，2015年，第二部分（五）互联网+现代物流。\
         https://example.org/gd/?view=area&id=logistics（访问日期：2026-11-29）"
    );
}

#[test]
fn en_citation_reads_as_specified() {
    let section = section_label("2.5", &logistics(), Lang::En);
    assert_eq!(section, "section 2.5 “Internet+ modern logistics”");
    assert_eq!(
        citation(&meta(), &section, URL, "2026-11-29", Lang::En),
        "People's Government of Guangdong Province (2015). Guangdong Province “Internet+” Action \
         Plan (2015–2020), section 2.5 “Internet+ modern logistics”. \
         https://example.org/gd/?view=area&id=logistics (accessed 2026-11-29)"
    );
}

#[test]
fn missing_parts_are_left_out_not_printed_wrong() {
    let m = meta();
    assert_eq!(
        citation(&m, "", URL, "2026-11-29", Lang::En),
        "People's Government of Guangdong Province (2015). Guangdong Province “Internet+” Action \
         Plan (2015–2020). https://example.org/gd/?view=area&id=logistics (accessed 2026-11-29)"
    );
    assert_eq!(
        citation(&m, "", "javascript:alert(1)", "2026-11-29", Lang::Zh),
        "广东省人民政府.《广东省“互联网+”行动计划（2015—2020年）》，2015年。"
    );
    for bad in [
        "29/11/2026",
        "2026-13-01",
        "2026-11-32",
        "2026-1-29",
        "",
        "2026-11-29x",
    ] {
        assert_eq!(
            citation(&m, "", URL, bad, Lang::Zh),
            "广东省人民政府.《广东省“互联网+”行动计划（2015—2020年）》，2015年。\
             https://example.org/gd/?view=area&id=logistics",
            "{bad}"
        );
    }
}

#[test]
fn section_labels_for_parts_subsections_and_the_appendix() {
    let general = bi("总体要求", "General requirements");
    assert_eq!(section_label("1", &general, Lang::Zh), "第一部分“总体要求”");
    assert_eq!(
        section_label("1", &general, Lang::En),
        "section 1 “General requirements”"
    );
    let customs = bi("互联网+便捷通关", "Internet+ convenient customs clearance");
    assert_eq!(
        section_label("2.12", &customs, Lang::Zh),
        "第二部分（十二）互联网+便捷通关"
    );
    let glossary = bi("名词解释", "Glossary");
    assert_eq!(section_label("A", &glossary, Lang::Zh), "附：名词解释");
    assert_eq!(
        section_label("A", &glossary, Lang::En),
        "appendix “Glossary”"
    );
    let empty = bi("", "");
    assert_eq!(section_label("2.5", &empty, Lang::Zh), "第二部分（五）");
    assert_eq!(section_label("2.5", &empty, Lang::En), "section 2.5");
    assert_eq!(section_label("3", &empty, Lang::Zh), "第三部分");
}

#[test]
fn odd_section_ids_are_written_as_they_are() {
    let name = bi("标题", "Title");
    assert_eq!(section_label("title", &name, Lang::En), "title Title");
    assert_eq!(section_label("2.0", &name, Lang::Zh), "2.0 标题");
    assert_eq!(section_label("2.5.1", &name, Lang::En), "2.5.1 Title");
    assert_eq!(section_label("", &bi("", ""), Lang::En), "");
}

#[test]
fn chinese_numbers_as_the_plan_writes_them() {
    let cases = [
        (1, "一"),
        (5, "五"),
        (10, "十"),
        (11, "十一"),
        (13, "十三"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "100"),
    ];
    for (n, zh) in cases {
        assert_eq!(chinese_number(n), zh);
    }
}
