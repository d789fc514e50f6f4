//! A panic is a bug, but Wasm cannot recover from one: replace the app with a message and a reload link.

/// Installs a panic hook that logs the panic and shows "something went wrong — reload".
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            show_panic_screen(&body);
        }
    }));
}

/// Replaces everything in `body` (the page body) with the bilingual "something went wrong —
/// reload" message. Built with DOM calls and text nodes only, so it works whatever state the app was in.
pub fn show_panic_screen(body: &web_sys::Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    body.set_text_content(None);
    let (Ok(panel), Ok(p), Ok(a)) = (
        document.create_element("div"),
        document.create_element("p"),
        document.create_element("a"),
    ) else {
        return;
    };
    panel.set_class_name("panic");
    panel.set_attribute("role", "alert").ok();
    p.set_text_content(Some(
        "出错了，请重新加载页面。 Something went wrong — please reload the page.",
    ));
    // An empty href reloads the same URL, so the reader lands back on the view they were reading.
    if let Some(href) = crate::export::safe_url("") {
        a.set_attribute("href", &href).ok();
    }
    a.set_text_content(Some("重新加载 / Reload"));
    panel.append_child(&p).ok();
    panel.append_child(&a).ok();
    body.append_child(&panel).ok();
}
