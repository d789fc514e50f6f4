//! Leptos views: the app shell, pages and components. The only layer that touches the browser.

pub mod actions;
pub mod app;
pub mod chart;
pub mod components;
pub mod embed;
pub mod fetch;
pub mod figure;
pub mod heatmap;
pub mod map;
pub mod nav;
pub mod pages;
pub mod panic;
pub mod prerender;

pub use app::App;
