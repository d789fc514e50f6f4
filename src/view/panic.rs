//! A panic is a bug, but Wasm cannot recover from one: replace the app with a message and a reload link.

/// Installs a panic hook that logs the panic and shows "something went wrong — reload".
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(body) = document.body() else {
            return;
        };
        body.set_text_content(None);
        let Ok(box_) = document.create_element("div") else {
            return;
        };
        box_.set_class_name("panic");
        box_.set_attribute("role", "alert").ok();
        let Ok(p) = document.create_element("p") else {
            return;
        };
        p.set_text_content(Some(
            "出错了，请重新加载页面。 Something went wrong — please reload the page.",
        ));
        let Ok(a) = document.create_element("a") else {
            return;
        };
        a.set_attribute("href", "").ok();
        a.set_text_content(Some("重新加载 / Reload"));
        box_.append_child(&p).ok();
        box_.append_child(&a).ok();
        body.append_child(&box_).ok();
    }));
}
