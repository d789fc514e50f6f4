//! Guangdong "Internet+" Plan Explorer: the plan's commitments as open data, charts and a map.
//!
//! Layering rule: `data`, `chart`, `format`, `route` and `i18n` are pure (no leptos, web-sys or gloo)
//! and are tested natively; `view` holds the Leptos components and the fetch layer.
//! ARCHITECTURE.md draws the pipeline.

pub mod chart;
pub mod data;
pub mod export;
pub mod format;
pub mod geo;
pub mod i18n;
pub mod route;
pub mod search;
pub mod sort;
#[cfg(not(target_arch = "wasm32"))]
pub mod static_render;
pub mod view;
