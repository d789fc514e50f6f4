//! Plan text: the whole plan, paragraph by paragraph; every target and milestone quote is
//! highlighted and links to its indicator or area, every key task links to its place.

use leptos::prelude::*;

use crate::data::{AreaFile, Document, ParagraphKind};
use crate::export::safe_url;
use crate::i18n::Msg;
use crate::route::Route;
use crate::view::components::Link;
use crate::view::fetch::fetch_json;
use crate::view::nav::use_nav;
use crate::view::pages::{load_all_areas, load_shared, render_loaded};

/// A piece of a paragraph: plain text, or a quote that links somewhere.
#[derive(Clone, Debug, PartialEq)]
pub enum Segment {
    /// Text with no mark.
    Plain(String),
    /// A quote of a target or milestone, and where it leads.
    Marked(String, Route),
}

/// Splits `text` at the first occurrence of each quote; overlapping quotes keep the earlier one.
pub fn segments(text: &str, marks: &[(String, Route)]) -> Vec<Segment> {
    let mut spans: Vec<(usize, usize, Route)> = marks
        .iter()
        .filter_map(|(quote, route)| {
            text.find(quote.as_str())
                .map(|at| (at, at + quote.len(), route.clone()))
        })
        .collect();
    crate::sort::sort_by_key(&mut spans, |s| (s.0, std::cmp::Reverse(s.1)));
    let (mut out, mut pos) = (Vec::new(), 0);
    for (start, end, route) in spans {
        if start < pos {
            continue;
        }
        if start > pos {
            out.push(Segment::Plain(text[pos..start].to_owned()));
        }
        out.push(Segment::Marked(text[start..end].to_owned(), route));
        pos = end;
    }
    if pos < text.len() {
        out.push(Segment::Plain(text[pos..].to_owned()));
    }
    out
}

/// Quotes to mark, by paragraph id.
fn marks_by_paragraph(
    areas: &[AreaFile],
) -> std::collections::HashMap<String, Vec<(String, Route)>> {
    let mut map: std::collections::HashMap<String, Vec<(String, Route)>> =
        std::collections::HashMap::new();
    for area in areas {
        for ind in &area.indicators {
            for t in &ind.targets {
                map.entry(t.paragraph.clone())
                    .or_default()
                    .push((t.quote.clone(), Route::Indicator(ind.id.clone())));
            }
        }
        for m in &area.milestones {
            map.entry(m.paragraph.clone())
                .or_default()
                .push((m.quote.clone(), Route::Area(area.slug.clone())));
        }
    }
    map
}

/// The plan text, optionally highlighting one paragraph.
#[component]
pub fn PlanPage(
    /// Paragraph to highlight and scroll to.
    paragraph: Option<String>,
) -> impl IntoView {
    let nav = use_nav();
    let data = LocalResource::new(|| async {
        let doc = fetch_json::<Document>("document.json").await?;
        let shared = load_shared().await?;
        let areas = load_all_areas(&shared).await?;
        Ok((doc, areas))
    });
    let target = paragraph.clone();
    Effect::new(move |_| {
        if data.get().is_some_and(|d| d.is_ok()) {
            let target = target.clone();
            request_animation_frame(move || {
                if let Some(el) = target
                    .as_deref()
                    .and_then(|id| document().get_element_by_id(id))
                {
                    el.scroll_into_view();
                }
            });
        }
    });
    view! {
        <h1>{move || Msg::NavPlanText.text(nav.lang.get())}</h1>
        {render_loaded(data, move |(doc, areas)| {
            let selected = paragraph.clone();
            let marks = marks_by_paragraph(&areas);
            let task_at: std::collections::HashMap<String, (String, String)> = areas
                .iter()
                .flat_map(|a| a.tasks.iter().map(move |t| (t.paragraph.clone(), (a.slug.clone(), t.id.clone()))))
                .collect();
            view! {
                <div class="plan-text" lang="zh-CN">
                    {doc.paragraphs.into_iter().map(|p| {
                        let class = if selected.as_deref() == Some(p.id.as_str()) { "para para--selected" } else { "para" };
                        match p.kind {
                            ParagraphKind::Title => view! { <h2 id=p.id class=class>{p.text}</h2> }.into_any(),
                            ParagraphKind::Heading => view! { <h3 id=p.id class=class>{p.text}</h3> }.into_any(),
                            ParagraphKind::Text => {
                                let pieces = segments(&p.text, marks.get(&p.id).map(Vec::as_slice).unwrap_or(&[]));
                                let task = task_at.get(&p.id).cloned();
                                view! {
                                    <p id=p.id.clone() class=class>
                                        <a class="para__id" href=safe_url(&format!("#{}", p.id))>{p.id.clone()}</a>" "
                                        {pieces.into_iter().map(|s| match s {
                                            Segment::Plain(t) => view! { <span>{t}</span> }.into_any(),
                                            Segment::Marked(t, route) => view! { <Link to=route class="hl">{t}</Link> }.into_any(),
                                        }).collect_view()}
                                        {task.map(|(slug, id)| {
                                            let href = move || safe_url(&format!("{}#{}", Route::Area(slug.clone()).href(nav.lang.get()), id));
                                            view! { " " <a class="para__task" href=href>{move || Msg::Tasks.text(nav.lang.get())}" →"</a> }
                                        })}
                                    </p>
                                }
                                .into_any()
                            }
                        }
                    }).collect_view()}
                </div>
            }
        })}
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn quotes_become_marked_segments_in_order() {
        let marks = vec![
            (
                "网络购物普及率达73%".to_owned(),
                Route::Indicator("a".into()),
            ),
            (
                "网络贷款总额超过8000亿元".to_owned(),
                Route::Indicator("b".into()),
            ),
            ("不存在".to_owned(), Route::Home),
        ];
        let s = segments(
            "全省网络购物普及率达73%。网络贷款总额超过8000亿元。",
            &marks,
        );
        assert_eq!(
            s,
            vec![
                Segment::Plain("全省".into()),
                Segment::Marked("网络购物普及率达73%".into(), Route::Indicator("a".into())),
                Segment::Plain("。".into()),
                Segment::Marked(
                    "网络贷款总额超过8000亿元".into(),
                    Route::Indicator("b".into())
                ),
                Segment::Plain("。".into()),
            ]
        );
    }

    #[test]
    fn overlapping_quotes_keep_the_first() {
        let marks = vec![
            ("覆盖率、联网率均达100%".to_owned(), Route::Home),
            ("联网率均达100%".to_owned(), Route::About),
        ];
        let s = segments("视频监控覆盖率、联网率均达100%", &marks);
        assert_eq!(s.len(), 2);
        assert_eq!(
            s[1],
            Segment::Marked("覆盖率、联网率均达100%".into(), Route::Home)
        );
    }
}
