//! Search: one box that finds areas, targets, tasks, departments and cities as you type.

use leptos::prelude::*;

use crate::export::safe_url;
use crate::i18n::Msg;
use crate::route::Route;
use crate::search::{Kind, SearchIndex};
use crate::view::nav::use_nav;
use crate::view::pages::{load_all_areas, load_shared, render_loaded};

/// Most results shown.
const LIMIT: usize = 30;

fn kind_label(kind: Kind, lang: crate::i18n::Lang) -> &'static str {
    let m = match kind {
        Kind::Area => Msg::KindArea,
        Kind::Indicator => Msg::Indicator,
        Kind::Task => Msg::Tasks,
        Kind::Department => Msg::Departments,
        Kind::City => Msg::Cities,
    };
    m.text(lang)
}

/// The search page; the query lives in the URL (`?view=search&q=…`).
#[component]
pub fn SearchPage(
    /// Query from the URL.
    query: String,
) -> impl IntoView {
    let nav = use_nav();
    let data = LocalResource::new(|| async {
        let shared = load_shared().await?;
        let areas = load_all_areas(&shared).await?;
        Ok(std::sync::Arc::new(SearchIndex::build(
            &shared.index,
            &areas,
            &shared.departments,
            &shared.cities,
        )))
    });
    let text = RwSignal::new(query);
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        text.set(value.clone());
        // Keep the URL in step without adding a history entry per keystroke.
        let href = Route::Search(value).href(nav.lang.get_untracked());
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
    };
    view! {
        <h1>{move || Msg::NavSearch.text(nav.lang.get())}</h1>
        <form role="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-box">{move || Msg::SearchLabel.text(nav.lang.get())}</label>
            <input
                id="search-box"
                type="search"
                class="search-box"
                autocomplete="off"
                maxlength="100"
                placeholder=move || Msg::SearchPlaceholder.text(nav.lang.get())
                prop:value=move || text.get()
                on:input=on_input
            />
        </form>
        {render_loaded(data, move |index| {
            view! {
                <ol class="search-results" data-testid="search-results" aria-live="polite">
                    {move || {
                        let lang = nav.lang.get();
                        let q = text.get();
                        let hits = index.query(&q, LIMIT);
                        if hits.is_empty() && !q.trim().is_empty() {
                            return view! { <li class="lead">{Msg::NoResults.text(lang)}</li> }.into_any();
                        }
                        hits.into_iter()
                            .filter_map(|hit| {
                                let entry = index.entry(&hit)?.clone();
                                let href = safe_url(&entry.href(lang));
                                let snippet = hit.snippet.clone();
                                Some(view! {
                                    <li data-kind=format!("{:?}", entry.kind) data-id=entry.id.clone()>
                                        <span class="result__kind">{kind_label(entry.kind, lang)}</span>" "
                                        <a href=href>{entry.title.get(lang).to_owned()}</a>
                                        <span class="result__context">{format!(" · {}", entry.context.get(lang))}</span>
                                        {snippet.map(|s| view! {
                                            <p class="result__snippet">{s.before}<mark>{s.matched}</mark>{s.after}</p>
                                        })}
                                    </li>
                                })
                            })
                            .collect_view()
                            .into_any()
                    }}
                </ol>
            }
        })}
    }
}
