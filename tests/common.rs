//! Shared helpers of the native test binaries: reading data/ and the plan text.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use gd_plus::data::{parse_json, AreaFile, AreaIndex, CityIndex, DepartmentIndex, Document};
use serde::de::DeserializeOwned;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared`, where the plan text, the boundaries and the conformance files live.
pub fn shared() -> PathBuf {
    root().join("..").join("shared")
}

/// Reads and parses a file of data/ with the app's own loader.
pub fn data<T: DeserializeOwned + serde::Serialize>(file: &str) -> T {
    let path = root().join("data").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_json(file, &text).unwrap_or_else(|e| panic!("{e}"))
}

/// Everything in data/.
pub struct All {
    pub index: AreaIndex,
    pub areas: Vec<AreaFile>,
    pub departments: DepartmentIndex,
    pub cities: CityIndex,
    pub document: Document,
}

pub fn all() -> All {
    let index: AreaIndex = data("areas.json");
    let areas = index.areas.iter().map(|a| data(&a.file)).collect();
    All {
        index,
        areas,
        departments: data("departments.json"),
        cities: data("cities.json"),
        document: data("document.json"),
    }
}

/// The plan text, if `../shared/seed` is present.
pub fn seed() -> Option<String> {
    let path = shared()
        .join("seed")
        .join("guangdong-internet-plus-2015-2020.txt");
    std::fs::read_to_string(path).ok()
}

/// The plan text with every line trimmed and all line breaks removed: what a quote may span.
pub fn compact(text: &str) -> String {
    text.lines().map(str::trim).collect()
}

pub fn exists(p: &Path) -> bool {
    p.exists()
}

/// Rounds every decimal number in the SVG to one decimal, so float noise (font sizes are
/// size / 1.24) cannot break the comparison. A scanner, not a regex: runs of digits and dots.
pub fn round_floats(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        let decimal = run.matches('.').count() == 1 && !run.starts_with('.') && !run.ends_with('.');
        match run.parse::<f64>() {
            Ok(v) if decimal => out.push_str(&format!("{v:.1}")),
            _ => out.push_str(run),
        }
        run.clear();
    };
    for ch in svg.chars() {
        if ch.is_ascii_digit() || ch == '.' {
            run.push(ch);
        } else {
            flush(&mut run, &mut out);
            out.push(ch);
        }
    }
    flush(&mut run, &mut out);
    out
}
