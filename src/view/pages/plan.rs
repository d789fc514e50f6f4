//! Plan text: the whole plan, paragraph by paragraph, each with an anchor that quotes link to.

use leptos::prelude::*;

use crate::data::{Document, ParagraphKind};
use crate::i18n::Msg;
use crate::view::fetch::fetch_json;
use crate::view::nav::use_nav;
use crate::view::pages::render_loaded;

/// The plan text, optionally highlighting one paragraph.
#[component]
pub fn PlanPage(
    /// Paragraph to highlight and scroll to.
    paragraph: Option<String>,
) -> impl IntoView {
    let nav = use_nav();
    let data = LocalResource::new(|| fetch_json::<Document>("document.json"));
    let target = paragraph.clone();
    Effect::new(move |_| {
        if data.get().is_some_and(|d| d.is_ok()) {
            if let Some(id) = target.as_deref() {
                if let Some(el) = document().get_element_by_id(id) {
                    el.scroll_into_view();
                }
            }
        }
    });
    view! {
        <h1>{move || Msg::NavPlanText.text(nav.lang.get())}</h1>
        {render_loaded(data, move |doc| {
            let selected = paragraph.clone();
            view! {
                <div class="plan-text" lang="zh-CN">
                    {doc.paragraphs.into_iter().map(|p| {
                        let class = if selected.as_deref() == Some(p.id.as_str()) { "para para--selected" } else { "para" };
                        match p.kind {
                            ParagraphKind::Title => view! { <h2 id=p.id class=class>{p.text}</h2> }.into_any(),
                            ParagraphKind::Heading => view! { <h3 id=p.id class=class>{p.text}</h3> }.into_any(),
                            ParagraphKind::Text => view! { <p id=p.id.clone() class=class><a class="para__id" href=format!("#{}", p.id)>{p.id.clone()}</a>" "{p.text}</p> }.into_any(),
                        }
                    }).collect_view()}
                </div>
            }
        })}
    }
}
