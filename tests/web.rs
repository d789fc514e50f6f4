//! Browser tests: components mounted in headless Chromium (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup is a failed test

use gd_plus::chart::target_bars::{highlight_path, layout, Bar, Row, TargetChart};
use gd_plus::data::LoadError;
use gd_plus::i18n::{Lang, Msg};
use gd_plus::view::chart::TargetChartView;
use gd_plus::view::components::{LoadErrorView, Provenance};
use gd_plus::view::nav::Nav;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host(width_px: u32) -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    host.set_attribute("style", &format!("width:{width_px}px"))
        .unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

fn text_of(host: &web_sys::HtmlElement, selector: &str) -> Option<String> {
    host.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
}

fn click(host: &web_sys::HtmlElement, selector: &str) {
    let el: web_sys::HtmlElement = host
        .query_selector(selector)
        .unwrap()
        .expect(selector)
        .unchecked_into();
    el.click();
}

#[wasm_bindgen_test]
async fn load_error_names_the_file_and_retry_calls_back() {
    let host = host(600);
    let clicks = RwSignal::new(0);
    let error = LoadError::Parse {
        file: "areas.json".into(),
        path: "$.areas[3].name".into(),
        reason: "missing field `zh`".into(),
    };
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(Nav::from_browser());
        view! { <LoadErrorView error=error.clone() on_retry=Callback::new(move |_| clicks.update(|n| *n += 1)) /> }
    });
    let detail = text_of(&host, ".load-error__detail").unwrap();
    assert_eq!(detail, "areas.json: at $.areas[3].name: missing field `zh`");
    assert!(host.query_selector("[role=alert]").unwrap().is_some());
    assert!(host
        .query_selector("[aria-live=assertive]")
        .unwrap()
        .is_some());
    let message = text_of(&host, ".load-error__message").unwrap();
    assert!(
        message.contains("areas.json") && message.contains("$.areas[3].name"),
        "{message}"
    );
    click(&host, "button");
    click(&host, "button");
    leptos::task::tick().await;
    assert_eq!(clicks.get_untracked(), 2);
}

#[wasm_bindgen_test]
async fn provenance_reveals_the_quote_in_its_paragraph() {
    let host = host(600);
    let _handle = leptos::mount::mount_to(host.clone(), || {
        provide_context(Nav::from_browser());
        view! {
            <Provenance
                label="≥ 73%".to_owned()
                quote="全省网络购物普及率达73%".to_owned()
                paragraph="p020".to_owned()
                context="——互联网应用与服务全面普及。全省网络购物普及率达73%。网络贷款总额超过8000亿元。".to_owned()
            />
        }
    });
    assert!(
        host.query_selector("mark").unwrap().is_none(),
        "quote hidden at first"
    );
    click(&host, ".provenance__value");
    leptos::task::tick().await;
    assert_eq!(
        text_of(&host, "mark").as_deref(),
        Some("全省网络购物普及率达73%")
    );
    assert!(text_of(&host, ".quote")
        .unwrap()
        .starts_with("——互联网应用与服务全面普及。"));
    let expanded = host
        .query_selector(".provenance__value")
        .unwrap()
        .unwrap()
        .get_attribute("aria-expanded");
    assert_eq!(expanded.as_deref(), Some("true"));
}

/// One indicator with both years' targets (the online shopping rate of the overall goals).
fn shopping_row() -> Row {
    Row {
        indicator_id: "t.a".into(),
        name: "网络购物普及率".into(),
        bars: vec![
            Bar {
                year: 2017,
                value: 68.0,
                label: "≥ 68%".into(),
            },
            Bar {
                year: 2020,
                value: 73.0,
                label: "≥ 73%".into(),
            },
        ],
    }
}

#[wasm_bindgen_test]
async fn chart_draws_at_container_width_and_answers_the_keyboard() {
    let host = host(420);
    let chart = TargetChart {
        id: "t.targets-1".into(),
        unit_label: "%".into(),
        rows: vec![shopping_row()],
    };
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(Nav::from_browser());
        view! { <TargetChartView chart=chart.clone() title="目标".to_owned() summary=vec!["s".to_owned()] /> }
    });
    leptos::task::tick().await;
    let plot = host.query_selector(".chart__plot").unwrap().unwrap();
    assert_eq!(
        plot.get_attribute("data-chart-ready").as_deref(),
        Some("true")
    );
    let svg_width = |plot: &web_sys::Element| {
        plot.query_selector("svg")
            .unwrap()
            .and_then(|s| s.get_attribute("width"))
    };
    // <figure> has default margins in this bare page, so the plot is narrower than the host.
    let first = plot.client_width();
    assert!(first > 200 && first <= 420, "{first}");
    assert_eq!(svg_width(&plot), Some(first.to_string()));
    assert!(
        plot.text_content().unwrap().contains("网络购物普及率"),
        "Chinese label drawn"
    );

    // The chart follows its container when the window resizes.
    host.set_attribute("style", "width:700px").unwrap();
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("resize").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(svg_width(&plot), Some(plot.client_width().to_string()));
    assert!(plot.client_width() > first);

    // The keyboard moves the tooltip and the overlay's outline; the drawing stays the same node
    // (a hover or a key never redraws the chart: issue #15).
    let drawn = plot.query_selector("svg").unwrap().unwrap();
    let geometry = layout(
        &TargetChart {
            id: "t.targets-1".into(),
            unit_label: "%".into(),
            rows: vec![shopping_row()],
        },
        plot.client_width() as u32,
    );
    let outline = || {
        let path = host
            .query_selector(".chart__highlight path")
            .unwrap()
            .unwrap();
        (path.get_attribute("d"), path.get_attribute("visibility"))
    };
    assert_eq!(
        outline().1.as_deref(),
        Some("hidden"),
        "nothing selected yet"
    );
    let plot: web_sys::HtmlElement = plot.unchecked_into();
    plot.focus().unwrap();
    leptos::task::tick().await;
    assert_eq!(
        text_of(&host, ".chart__tooltip").as_deref(),
        Some("网络购物普及率 · 2017 ≥ 68%")
    );
    assert_eq!(
        outline(),
        (highlight_path(&geometry, 0), Some("visible".to_owned()))
    );
    let press = |name: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(name);
        init.set_bubbles(true);
        let key =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        plot.dispatch_event(&key).unwrap();
    };
    press("ArrowRight");
    leptos::task::tick().await;
    assert_eq!(
        text_of(&host, ".chart__tooltip").as_deref(),
        Some("网络购物普及率 · 2020 ≥ 73%")
    );
    assert_eq!(
        outline(),
        (highlight_path(&geometry, 1), Some("visible".to_owned()))
    );
    press("Escape");
    leptos::task::tick().await;
    assert_eq!(outline().1.as_deref(), Some("hidden"), "Escape hides it");
    let now = plot.query_selector("svg").unwrap().unwrap();
    assert!(now.is_same_node(Some(&drawn)), "the chart was redrawn");
}

#[wasm_bindgen_test]
fn panic_screen_replaces_the_page_with_a_reload_message() {
    // A stand-in for <body> with some "app" in it (the real body holds the test runner's output).
    let body = host(600);
    body.set_inner_html("<main id='app'><p>app</p></main>");
    gd_plus::view::panic::show_panic_screen(&body);
    let panel = body
        .query_selector(".panic[role=alert]")
        .unwrap()
        .expect("the panic panel");
    assert!(panel
        .text_content()
        .unwrap()
        .contains("Something went wrong"));
    let link = panel.query_selector("a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some(""),
        "reloads the same view"
    );
    assert_eq!(body.children().length(), 1, "nothing of the app is left");
    assert!(body.query_selector("#app").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_views_language_follows_the_app_and_goes_with_the_view() {
    // Mounting sets up the async executor that runs effects.
    let _handle = leptos::mount::mount_to(host(10), || ());
    let app = Owner::new();
    let nav = app.with(Nav::from_browser);
    let view_owner = app.child();
    let scoped = view_owner.with(|| nav.scoped());
    let start = nav.lang.get_untracked();
    assert_eq!(scoped.lang.get_untracked(), start);
    // Outside a view `lang` is the app-wide signal; a language switch reaches the view's copy.
    nav.lang.set(start.other());
    leptos::task::tick().await;
    assert_eq!(scoped.lang.get_untracked(), start.other());
    // The view's signal goes with the view.
    view_owner.cleanup();
    assert!(scoped.lang.try_get_untracked().is_none());
}

/// Bytes of the Wasm linear memory (it only grows, by 64 KiB pages).
fn wasm_memory_bytes() -> u32 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length()
}

#[wasm_bindgen_test]
async fn views_that_come_and_go_leave_nothing_in_the_app_wide_language_signal() {
    // reactive_graph keeps a dropped effect's entry (and its allocation) in the subscriber list
    // of the app-wide language until that signal changes; `Nav::scoped` removes it on cleanup.
    // The leak is not visible through the API, so count memory: 20,000 views that come and go
    // leave about 1.7 MB behind with the leak (seen by deleting the `remove_subscriber` line);
    // without it the allocator reuses the same blocks. The executor runs between batches, as it
    // does between route changes: a new effect's task stays queued until then.
    let _handle = leptos::mount::mount_to(host(10), || ());
    let app = Owner::new();
    let nav = app.with(Nav::from_browser);
    let batch = || {
        for _ in 0..500 {
            // A root owner per view: `app.child()` would keep every child in the test's `app`.
            let view_owner = Owner::new();
            let scoped = view_owner.with(|| nav.scoped());
            assert_eq!(scoped.lang.get_untracked(), nav.lang.get_untracked());
            view_owner.cleanup();
        }
    };
    for _ in 0..4 {
        batch(); // warm-up: the arena and the allocator reach their steady size
        leptos::task::tick().await;
    }
    let before = wasm_memory_bytes();
    for _ in 0..40 {
        batch();
        leptos::task::tick().await;
    }
    let grown = wasm_memory_bytes() - before;
    assert!(
        grown <= 2 * 65_536,
        "Wasm memory grew by {grown} bytes over 20,000 views that came and went"
    );
    // A language switch still reaches a view that is alive.
    let view_owner = app.child();
    let scoped = view_owner.with(|| nav.scoped());
    nav.lang.set(nav.lang.get_untracked().other());
    leptos::task::tick().await;
    assert_eq!(scoped.lang.get_untracked(), nav.lang.get_untracked());
}

fn key(target: &web_sys::Element, name: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(name);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

/// `data-action` of the focused element, or its tag name when it has none.
fn focused() -> String {
    let el = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    el.get_attribute("data-action")
        .unwrap_or_else(|| el.tag_name().to_lowercase())
}

#[wasm_bindgen_test]
async fn chart_has_an_accessible_name_a_summary_and_a_table_with_dataset_text_as_text() {
    let host = host(500);
    let chart = TargetChart {
        id: "t.targets-2".into(),
        unit_label: "%".into(),
        rows: vec![
            shopping_row(),
            Row {
                indicator_id: "t.b".into(),
                name: "<b>覆盖率</b>".into(),
                bars: vec![Bar {
                    year: 2020,
                    value: 100.0,
                    label: "≥ 100%".into(),
                }],
            },
        ],
    };
    let summary = vec!["第一句".to_owned(), "第二句".to_owned()];
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(Nav::from_browser());
        view! { <TargetChartView chart=chart.clone() title="目标".to_owned() summary=summary.clone() /> }
    });
    leptos::task::tick().await;
    let plot = host
        .query_selector("[role=img]")
        .unwrap()
        .expect("the plot");
    assert_eq!(
        plot.get_attribute("aria-label").as_deref(),
        Some("目标。第一句；第二句"),
        "accessible name: title, then the summary"
    );
    let hint_id = plot.get_attribute("aria-describedby").unwrap();
    let hint = text_of(&host, &format!("#{}", hint_id.replace('.', "\\."))).unwrap();
    // The hint is in the UI language (the browser's, for Nav::from_browser).
    assert!(
        [Lang::Zh, Lang::En]
            .iter()
            .any(|&l| hint == Msg::ChartKeys.text(l)),
        "keyboard hint: {hint}"
    );
    assert_eq!(plot.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(text_of(&host, "figcaption").as_deref(), Some("目标"));
    let items = host.query_selector_all(".chart__summary li").unwrap();
    assert_eq!(items.length(), 2);
    assert_eq!(
        items.item(1).unwrap().text_content().as_deref(),
        Some("第二句")
    );
    // The table: one row per indicator, "—" where a year has no target.
    let rows = host.query_selector_all("table tbody tr").unwrap();
    assert_eq!(rows.length(), 2);
    let cells = |i: u32| -> Vec<String> {
        let row: web_sys::Element = rows.item(i).unwrap().unchecked_into();
        let cells = row.query_selector_all("th, td").unwrap();
        (0..cells.length())
            .map(|j| cells.item(j).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(cells(0), ["网络购物普及率", "≥ 68%", "≥ 73%"]);
    assert_eq!(cells(1), ["<b>覆盖率</b>", "—", "≥ 100%"]);
    assert!(
        host.query_selector("table b").unwrap().is_none(),
        "a dataset string is text, never markup"
    );
    let head = text_of(&host, "table thead").unwrap();
    assert!(head.contains("2017") && head.contains("2020"), "{head}");
}

#[wasm_bindgen_test]
async fn share_menu_is_a_keyboard_menu_button_and_choosing_returns_the_focus() {
    use gd_plus::view::actions::{ChartActions, Make};
    use std::sync::Arc;
    let host = host(500);
    let make = |s: &'static str| -> Make { Arc::new(move || s.to_owned()) };
    let (svg, csv, cite) = (make("<svg/>"), make("a,b"), make("引用：测试图表"));
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(Nav::from_browser());
        view! { <ChartActions stem="t".to_owned() svg=svg.clone() csv=csv.clone() cite=cite.clone() /> }
    });
    leptos::task::tick().await;
    let button = host
        .query_selector("button[aria-haspopup=menu]")
        .unwrap()
        .expect("the menu button");
    let list = host.query_selector("[role=menu]").unwrap().unwrap();
    let open = || list.get_attribute("hidden").is_none();
    let expanded = || button.get_attribute("aria-expanded");
    assert!(!open());
    assert_eq!(expanded().as_deref(), Some("false"));
    assert_eq!(
        list.get_attribute("aria-labelledby"),
        Some(button.id()),
        "the menu is named by its button"
    );
    let actions: Vec<String> = {
        let items = list.query_selector_all("[role=menuitem]").unwrap();
        (0..items.length())
            .map(|i| {
                let el: web_sys::Element = items.item(i).unwrap().unchecked_into();
                el.get_attribute("data-action").unwrap()
            })
            .collect()
    };
    assert_eq!(
        actions,
        ["svg", "png", "csv", "link", "cite"],
        "no JSON, no Embed given"
    );

    // ↓ on the button opens the menu at the first item.
    button
        .unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    key(&button, "ArrowDown");
    assert!(open());
    assert_eq!(expanded().as_deref(), Some("true"));
    assert_eq!(focused(), "svg");
    // ↑ from the first wraps to the last; ↓ from the last wraps to the first; End and Home.
    let active = || {
        web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element()
            .unwrap()
    };
    key(&active(), "ArrowUp");
    assert_eq!(focused(), "cite");
    key(&active(), "ArrowDown");
    assert_eq!(focused(), "svg");
    key(&active(), "End");
    assert_eq!(focused(), "cite");
    key(&active(), "Home");
    assert_eq!(focused(), "svg");
    key(&active(), "ArrowDown");
    assert_eq!(focused(), "png");
    // Escape closes and returns to the button.
    key(&active(), "Escape");
    assert!(!open());
    assert_eq!(expanded().as_deref(), Some("false"));
    assert_eq!(focused(), "button");
    // ↑ on the button opens at the last item; choosing it closes the menu, gives the focus back
    // to the button and acts (the citation appears).
    key(&button, "ArrowUp");
    assert!(open());
    assert_eq!(focused(), "cite");
    active().unchecked_into::<web_sys::HtmlElement>().click();
    leptos::task::tick().await;
    assert!(!open());
    assert_eq!(focused(), "button");
    assert_eq!(
        text_of(&host, "[data-testid=citation]").as_deref(),
        Some("引用：测试图表")
    );
}

#[wasm_bindgen_test]
async fn heatmap_has_an_accessible_name_a_keyboard_tooltip_and_a_table() {
    use gd_plus::chart::heatmap::{summary, HeatColumn, HeatRow, HeatmapData};
    let host = host(600);
    let row = |id: &str, name: &str, total| HeatRow {
        department_id: id.into(),
        label: name.into(),
        name: name.into(),
        total,
        areas: 2,
    };
    let col = |slug: &str, label: &str, name: &str| HeatColumn {
        area_slug: slug.into(),
        label: label.into(),
        name: name.into(),
    };
    let data = HeatmapData {
        rows: vec![
            row("commerce", "省商务厅", 5),
            row("transport", "省交通运输厅", 2),
        ],
        columns: vec![
            col("commerce", "1", "电子商务"),
            col("logistics", "2", "物流"),
        ],
        cells: vec![vec![3, 2], vec![0, 2]],
        lang: Lang::Zh,
    };
    let nav = Nav::from_browser();
    let lang = nav.lang.get_untracked();
    let expected_summary = summary(&data, Lang::Zh);
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(nav);
        view! { <gd_plus::view::heatmap::HeatmapView data=data.clone() /> }
    });
    leptos::task::tick().await;
    let plot = host
        .query_selector("[role=img]")
        .unwrap()
        .expect("the plot");
    assert_eq!(
        plot.get_attribute("aria-label"),
        Some(format!(
            "{}. {expected_summary}",
            Msg::DepartmentsHeatmap.text(lang)
        ))
    );
    assert!(plot.query_selector("svg").unwrap().is_some(), "drawn");
    // Focus shows the first cell; arrows move, wrapping; Escape clears.
    let tip = || text_of(&host, ".chart__tooltip").unwrap_or_default();
    let says = |row: &str, col: &str, n: u32| {
        let t = tip();
        assert!(
            t.starts_with(&format!("{row} · {col}")) && t.contains(&n.to_string()),
            "tooltip {t:?}, expected {row} · {col} with {n}"
        );
    };
    plot.unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    leptos::task::tick().await;
    says("省商务厅", "电子商务", 3);
    key(&plot, "ArrowRight");
    leptos::task::tick().await;
    says("省商务厅", "物流", 2);
    key(&plot, "ArrowDown");
    leptos::task::tick().await;
    says("省交通运输厅", "物流", 2);
    key(&plot, "ArrowRight");
    leptos::task::tick().await;
    says("省交通运输厅", "电子商务", 0);
    key(&plot, "Escape");
    leptos::task::tick().await;
    assert_eq!(tip(), "");
    // The table: the counts per department and area, column names in `title`.
    let rows = host.query_selector_all("table tbody tr").unwrap();
    assert_eq!(rows.length(), 2);
    let second: web_sys::Element = rows.item(1).unwrap().unchecked_into();
    assert_eq!(second.text_content().as_deref(), Some("省交通运输厅02"));
    let heads = host.query_selector_all("table thead th[title]").unwrap();
    assert_eq!(heads.length(), 2);
    let first_head: web_sys::Element = heads.item(0).unwrap().unchecked_into();
    assert_eq!(
        first_head.get_attribute("title").as_deref(),
        Some("电子商务")
    );
}

#[wasm_bindgen_test]
async fn link_navigates_in_place_on_a_plain_click_and_leaves_a_modified_click_to_the_browser() {
    use gd_plus::route::Route;
    use gd_plus::view::components::Link;
    let host = host(300);
    let window = web_sys::window().unwrap();
    let start = window.location().href().unwrap();
    let nav = Nav::from_browser();
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(nav);
        view! { <Link to=Route::Area("finance".into())>"金融"</Link> }
    });
    leptos::task::tick().await;
    let a = host.query_selector("a").unwrap().expect("the link");
    let href = a.get_attribute("href").unwrap();
    assert!(href.starts_with("?view=area&id=finance"), "{href}");
    // After every click, a window listener (it runs after the app's) records whether the app
    // took the click, then stops the browser from following the link out of the test page.
    let taken = std::rc::Rc::new(std::cell::Cell::new(None::<bool>));
    let record = {
        let taken = taken.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
            move |ev: web_sys::Event| {
                taken.set(Some(ev.default_prevented()));
                ev.prevent_default();
            },
        )
    };
    window
        .add_event_listener_with_callback("click", record.as_ref().unchecked_ref())
        .unwrap();
    // A MouseEvent with modifier keys, built through the constructor (web-sys's MouseEventInit
    // is not among the crate's features, and the app does not need it).
    let click_with = |ctrl: bool| {
        let init = js_sys::Object::new();
        for (k, v) in [("bubbles", true), ("cancelable", true), ("ctrlKey", ctrl)] {
            js_sys::Reflect::set(&init, &k.into(), &v.into()).unwrap();
        }
        let ctor: js_sys::Function = js_sys::Reflect::get(&window, &"MouseEvent".into())
            .unwrap()
            .unchecked_into();
        let args = js_sys::Array::of2(&"click".into(), &init);
        let ev: web_sys::Event = js_sys::Reflect::construct(&ctor, &args)
            .unwrap()
            .unchecked_into();
        a.dispatch_event(&ev).unwrap();
    };
    let before = nav.route();
    click_with(true);
    assert_eq!(
        taken.get(),
        Some(false),
        "a Ctrl-click is the browser's (new tab)"
    );
    assert_eq!(
        nav.route(),
        before,
        "a Ctrl-click does not navigate in place"
    );
    click_with(false);
    assert_eq!(taken.get(), Some(true), "a plain click is the app's");
    assert_eq!(nav.route(), Route::Area("finance".into()));
    assert!(
        window.location().search().unwrap().contains("id=finance"),
        "the address shows the view"
    );
    window
        .remove_event_listener_with_callback("click", record.as_ref().unchecked_ref())
        .unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&start))
        .unwrap();
}

#[wasm_bindgen_test]
async fn in_the_single_figure_app_a_link_to_a_view_it_lacks_is_a_page_of_the_full_app() {
    use gd_plus::route::{MapLayer, Route};
    use gd_plus::view::components::Link;
    let host = host(300);
    let window = web_sys::window().unwrap();
    let nav = Nav::from_browser_showing(Route::is_figure_view);
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(nav);
        view! {
            <Link to=Route::Map(MapLayer::AllTasks) class="to-map">"地图"</Link>
            <Link to=Route::Indicator("finance.x".into()) class="to-indicator">"指标"</Link>
        }
    });
    leptos::task::tick().await;
    let href = |selector: &str| {
        host.query_selector(selector)
            .unwrap()
            .expect(selector)
            .get_attribute("href")
            .unwrap()
    };
    let to_map = href("a.to-map");
    assert!(to_map.starts_with("index.html?view=map&lang="), "{to_map}");
    let to_indicator = href("a.to-indicator");
    assert!(
        to_indicator.starts_with("?view=indicator&id=finance.x"),
        "a view the bundle has stays in place: {to_indicator}"
    );
    // A window listener (after the app's) records whether the app took the click, then keeps
    // the browser on the test page.
    let taken = std::rc::Rc::new(std::cell::Cell::new(None::<bool>));
    let record = {
        let taken = taken.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
            move |ev: web_sys::Event| {
                taken.set(Some(ev.default_prevented()));
                ev.prevent_default();
            },
        )
    };
    window
        .add_event_listener_with_callback("click", record.as_ref().unchecked_ref())
        .unwrap();
    let before = nav.route();
    click(&host, "a.to-map");
    assert_eq!(
        taken.get(),
        Some(false),
        "the browser follows the link: a page load of the full app"
    );
    assert_eq!(
        nav.route(),
        before,
        "no pushState to a view this app cannot draw"
    );
    window
        .remove_event_listener_with_callback("click", record.as_ref().unchecked_ref())
        .unwrap();
}
