//! Fetching the published data files at run time, with a per-session cache and typed errors.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::de::DeserializeOwned;

use crate::data::{parse_json, LoadError};

/// Name of the `<meta>` tag that sets where the datasets live (deploy-time configuration).
pub const DATA_BASE_META: &str = "gd-data-base";

thread_local! {
    /// Successful responses by URL, so that moving between views does not download a file twice.
    static CACHE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
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
pub async fn fetch_json<T: DeserializeOwned + serde::Serialize>(
    file: &str,
) -> Result<T, LoadError> {
    let text = fetch_text(file).await?;
    parse_json(file, &text)
}

/// Downloads `file` as text, from the cache when it was fetched before.
pub async fn fetch_text(file: &str) -> Result<String, LoadError> {
    let url = data_url(file);
    if let Some(hit) = CACHE.with(|c| c.borrow().get(&url).cloned()) {
        return Ok(hit);
    }
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| LoadError::Network {
            file: file.to_owned(),
            reason: e.to_string(),
        })?;
    if !response.ok() {
        return Err(LoadError::Http {
            file: file.to_owned(),
            status: response.status(),
        });
    }
    let text = response.text().await.map_err(|e| LoadError::Network {
        file: file.to_owned(),
        reason: e.to_string(),
    })?;
    CACHE.with(|c| c.borrow_mut().insert(url, text.clone()));
    Ok(text)
}
