//! The plan as data: serde types of the published JSON, loading with precise errors, and validation.
//!
//! Pure module: it never imports leptos, web-sys or gloo, so it is tested natively.

pub mod load;
pub mod model;
pub mod validate;

pub use load::{parse_json, LoadError};
pub use model::*;
