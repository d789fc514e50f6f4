//! The plan as data: serde types of the published JSON, loading with precise errors, and validation.
//!
//! Pure module: it never imports leptos, web-sys or gloo, so it is tested natively.
// Handles data from outside: no panicking shortcuts (list in ARCHITECTURE.md).
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

pub mod glance;
pub mod json_path;
pub mod load;
pub mod model;
pub mod shape;
pub mod validate;

pub use load::{parse_json, LoadError, FETCH_TIMEOUT_SECS, MAX_FILE_BYTES};
pub use model::*;
pub use shape::HasShape;
