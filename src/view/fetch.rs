//! Fetching the published data files at run time, with a per-session cache and typed errors.
//!
//! Every download is guarded: a watchdog aborts it (`AbortController`) when no byte arrives for
//! [`FETCH_TIMEOUT_SECS`]; error statuses, HTML pages and other content types are refused before the
//! body is read; the body is streamed through a `ReadableStream` reader and cancelled as soon as it
//! passes [`MAX_FILE_BYTES`] (an announced `Content-Length` above the cap is refused without reading
//! at all), so a hostile or broken server cannot make the page hold more than the cap in memory.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures::future::{LocalBoxFuture, Shared, WeakShared};
use futures::FutureExt;
use serde::de::DeserializeOwned;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader};

use crate::data::load::{check_content_type, decode_body, looks_like_html, retry_after_secs};
use crate::data::{parse_json, LoadError, FETCH_TIMEOUT_SECS, MAX_FILE_BYTES};

/// Name of the `<meta>` tag that sets where the datasets live (deploy-time configuration).
pub const DATA_BASE_META: &str = "gd-data-base";

/// The body of one download, as text.
type Body = LocalBoxFuture<'static, Result<String, LoadError>>;
/// A download in progress, shared by every view that asks for the same file meanwhile.
type Download = Shared<Body>;

thread_local! {
    /// Successful responses by URL, so that moving between views does not download a file twice.
    static CACHE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    /// Downloads in progress by URL, so that the parts of one page that need the same file at the
    /// same time (an area page's charts and their source lines all read `meta.json`) share one
    /// request. Weak: when every part that waited for it is gone, the download is dropped and aborted.
    static IN_FLIGHT: RefCell<HashMap<String, WeakShared<Body>>> = RefCell::new(HashMap::new());
}

/// Absolute base URL of the datasets: the `<meta name="gd-data-base">` content resolved against
/// the page, defaulting to the bundled `data/` beside `index.html`.
pub fn data_base_url() -> String {
    let document = web_sys::window().and_then(|w| w.document());
    let configured = document
        .as_ref()
        .and_then(|d| {
            d.query_selector(&format!("meta[name='{DATA_BASE_META}']"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| "data/".to_owned());
    let page = document
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let mut base = web_sys::Url::new_with_base(&configured, &page)
        .map(|u| u.href())
        .unwrap_or(configured);
    if !base.ends_with('/') {
        base.push('/');
    }
    base
}

/// Absolute URL of one data file.
pub fn data_url(file: &str) -> String {
    format!("{}{file}", data_base_url())
}

/// Downloads `file` (relative to the data base URL) and parses it into `T`.
pub async fn fetch_json<T: DeserializeOwned + crate::data::HasShape>(
    file: &str,
) -> Result<T, LoadError> {
    fetch_parsed(file, |text| parse_json(file, text)).await
}

/// Downloads `file` and hands its text to `parse`, using the session cache. Only text that
/// parsed is cached, so that Retry after a broken download (a body cut off but delivered as
/// complete) downloads the file again instead of parsing the same broken text.
pub async fn fetch_parsed<T>(
    file: &str,
    parse: impl FnOnce(&str) -> Result<T, LoadError>,
) -> Result<T, LoadError> {
    let url = data_url(file);
    if let Some(hit) = CACHE.with(|c| c.borrow().get(&url).cloned()) {
        return parse(&hit);
    }
    let shared = shared_download(file, &url);
    let result = shared.clone().await;
    // Finished: the next request for this file (a Retry after a broken body) downloads it again.
    IN_FLIGHT.with(|m| {
        let mut m = m.borrow_mut();
        let same = m
            .get(&url)
            .and_then(WeakShared::upgrade)
            .is_none_or(|d| d.ptr_eq(&shared));
        if same {
            m.remove(&url);
        }
    });
    let text = result?;
    let parsed = parse(&text)?;
    CACHE.with(|c| c.borrow_mut().insert(url, text));
    Ok(parsed)
}

/// The download of `url` in progress, or a new one.
fn shared_download(file: &str, url: &str) -> Download {
    if let Some(running) = IN_FLIGHT.with(|m| m.borrow().get(url).and_then(WeakShared::upgrade)) {
        return running;
    }
    let (file, owned_url) = (file.to_owned(), url.to_owned());
    let fresh = async move { download(&file, &owned_url).await }
        .boxed_local()
        .shared();
    if let Some(weak) = fresh.downgrade() {
        IN_FLIGHT.with(|m| m.borrow_mut().insert(url.to_owned(), weak));
    }
    fresh
}

/// Downloads `file` as text (never cached: use [`fetch_parsed`] to cache what parses).
pub async fn fetch_text(file: &str) -> Result<String, LoadError> {
    download(file, &data_url(file)).await
}

/// Aborts a download when nothing arrived for [`FETCH_TIMEOUT_SECS`]; re-armed on every chunk.
/// Dropping it (the page no longer needs the file) aborts the download too.
struct Watchdog {
    controller: AbortController,
    fired: Rc<Cell<bool>>,
    handle: Cell<Option<i32>>,
    callback: Closure<dyn FnMut()>,
}

impl Watchdog {
    fn start(controller: AbortController) -> Self {
        let fired = Rc::new(Cell::new(false));
        let (flag, abort) = (Rc::clone(&fired), controller.clone());
        let callback = Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            abort.abort();
        });
        let dog = Self {
            controller,
            fired,
            handle: Cell::new(None),
            callback,
        };
        dog.arm();
        dog
    }

    fn arm(&self) {
        self.disarm();
        let millis = i32::try_from(FETCH_TIMEOUT_SECS.saturating_mul(1000)).unwrap_or(i32::MAX);
        let handle = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                self.callback.as_ref().unchecked_ref(),
                millis,
            )
            .ok()
        });
        self.handle.set(handle);
    }

    fn disarm(&self) {
        if let (Some(handle), Some(window)) = (self.handle.take(), web_sys::window()) {
            window.clear_timeout_with_handle(handle);
        }
    }

    fn fired(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.disarm();
        // A no-op once the body has been read; cancels the request when the caller gave up.
        self.controller.abort();
    }
}

/// Whether the browser says it has no network (`navigator.onLine === false`).
fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// The error for a request that failed before or while its body arrived.
fn broken(file: &str, dog: &Watchdog, otherwise: LoadError) -> LoadError {
    if dog.fired() {
        LoadError::Timeout {
            file: file.to_owned(),
            secs: FETCH_TIMEOUT_SECS,
        }
    } else if offline() {
        LoadError::Offline {
            file: file.to_owned(),
        }
    } else {
        otherwise
    }
}

fn js_reason(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

/// One guarded download: status, content type and size are checked before and while reading.
async fn download(file: &str, url: &str) -> Result<String, LoadError> {
    let network = |reason: String| LoadError::Network {
        file: file.to_owned(),
        reason,
    };
    let controller = AbortController::new().map_err(|e| network(js_reason(&e)))?;
    let dog = Watchdog::start(controller.clone());
    let response = gloo_net::http::Request::get(url)
        .abort_signal(Some(&controller.signal()))
        .send()
        .await
        .map_err(|e| broken(file, &dog, network(e.to_string())))?;
    dog.arm();

    let headers = response.headers();
    let status = response.status();
    if status == 503 || status == 429 {
        let now = js_sys::Date::now();
        let retry = headers.get("retry-after").and_then(|v| {
            let date = js_sys::Date::parse(&v);
            retry_after_secs(&v, now, (!date.is_nan()).then_some(date))
        });
        return Err(LoadError::Unavailable {
            file: file.to_owned(),
            status,
            retry_after_secs: retry,
        });
    }
    if !response.ok() {
        return Err(LoadError::Http {
            file: file.to_owned(),
            status,
        });
    }
    let content_type = headers.get("content-type");
    check_content_type(file, content_type.as_deref())?;
    let announced = headers
        .get("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok());
    if let Some(size) = announced.filter(|&n| n > MAX_FILE_BYTES) {
        return Err(LoadError::TooLarge {
            file: file.to_owned(),
            limit: MAX_FILE_BYTES,
            size: Some(size),
        });
    }
    // With a Content-Encoding the length counts compressed bytes, so it cannot be compared.
    let expected = announced.filter(|_| headers.get("content-encoding").is_none());

    let bytes = match response.body() {
        Some(body) => read_capped(file, &dog, body, expected).await?,
        None => Vec::new(),
    };
    if looks_like_html(&bytes) {
        return Err(LoadError::Html {
            file: file.to_owned(),
            content_type: content_type.unwrap_or_default(),
        });
    }
    decode_body(file, bytes)
}

/// Reads a body chunk by chunk, cancelling the stream when it would pass [`MAX_FILE_BYTES`].
async fn read_capped(
    file: &str,
    dog: &Watchdog,
    body: web_sys::ReadableStream,
    expected: Option<u64>,
) -> Result<Vec<u8>, LoadError> {
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    let truncated = |received: usize| LoadError::Truncated {
        file: file.to_owned(),
        received: received as u64,
        expected,
    };
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| broken(file, dog, truncated(bytes.len())))?;
        dog.arm();
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &JsValue::from_str("value"))
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
            .ok_or_else(|| truncated(bytes.len()))?;
        let total = (bytes.len() as u64).saturating_add(u64::from(value.length()));
        if total > MAX_FILE_BYTES {
            // Stop the transfer here: nothing past the cap is read or kept.
            let _ = reader.cancel();
            dog.controller.abort();
            return Err(LoadError::TooLarge {
                file: file.to_owned(),
                limit: MAX_FILE_BYTES,
                size: expected,
            });
        }
        let start = bytes.len();
        let end = start.saturating_add(value.length() as usize);
        if end > bytes.capacity() {
            // Grow by doubling, but never past the cap, so memory stays within MAX_FILE_BYTES.
            let cap = usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX);
            let target = bytes.capacity().saturating_mul(2).clamp(end, cap.max(end));
            bytes.reserve_exact(target - start);
        }
        bytes.resize(end, 0);
        if let Some(slot) = bytes.get_mut(start..) {
            value.copy_to(slot);
        }
    }
    match expected {
        Some(n) if (bytes.len() as u64) < n => Err(truncated(bytes.len())),
        _ => Ok(bytes),
    }
}
