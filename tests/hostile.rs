//! The hostile corpus (issue #8) through the real loader: `tools/hostile_corpus.py` writes every
//! file into a temporary directory, and each one goes through `parse_json` and the `validate_*` of
//! its kind, exactly as the app loads it. Each must be `Ok` (and then it is also drawn: charts, map,
//! search index) or the `LoadError` the manifest names: the file, the JSON path and a specific
//! reason. Nothing may panic. The canary datasets (every text slot carries a script payload) must
//! load, validate and draw, with every payload escaped in the SVG.
#![cfg(not(target_arch = "wasm32"))]
// A test that cannot read its own fixtures should stop right there, with the reason.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use gd_plus::chart::target_bars::{charts_for, to_svg};
use gd_plus::chart::Theme;
use gd_plus::data::load::decode_body;
use gd_plus::data::validate::{validate_area, validate_index};
use gd_plus::data::{
    parse_json, AreaFile, AreaIndex, CityIndex, DepartmentIndex, Document, LoadError, Meta,
    ProgrammeIndex, MAX_FILE_BYTES,
};
use gd_plus::geo::layers::layer_view;
use gd_plus::geo::{map_to_svg, CityShapes, MapLayout};
use gd_plus::i18n::Lang;
use gd_plus::route::MapLayer;
use gd_plus::search::SearchIndex;
use serde::Deserialize;

static DIR: OnceLock<PathBuf> = OnceLock::new();

/// Removes the generated files (about 40 MB) when the test ends, passed or failed.
struct Cleanup;

impl Drop for Cleanup {
    fn drop(&mut self) {
        if let Some(dir) = DIR.get() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// One test, so that the corpus is generated once and removed afterwards.
#[test]
fn hostile_corpus() {
    let _cleanup = Cleanup;
    corpus_covers_every_bullet_of_the_issue();
    every_corpus_file_loads_or_fails_with_file_path_and_specific_reason();
    canary_datasets_are_valid_and_every_payload_is_escaped_in_the_svg();
}

#[derive(Debug, Deserialize)]
struct Entry {
    file: String,
    target: String,
    kind: String,
    case: String,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
enum OkTag {
    #[serde(rename = "ok")]
    Ok,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Expect {
    /// "ok".
    Ok(OkTag),
    Error {
        error: String,
        path: Option<String>,
    },
}

/// Runs the generator once per test binary into a fresh directory under the target dir.
fn corpus_dir() -> &'static Path {
    DIR.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("hostile-{}", std::process::id()));
        let status = Command::new("python3")
            .arg(common::root().join("tools/hostile_corpus.py"))
            .arg(&dir)
            .status()
            .expect("python3 runs tools/hostile_corpus.py");
        assert!(status.success(), "tools/hostile_corpus.py failed");
        dir
    })
}

fn manifest() -> Vec<Entry> {
    let text = std::fs::read_to_string(corpus_dir().join("manifest.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The text the app gets, through the app's own download path: the size cap, then
/// `decode_body` (a BOM dropped, anything not UTF-8 refused with the byte where it stops).
fn downloaded_text(target: &str, bytes: &[u8]) -> Result<String, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: target.to_owned(),
            limit: MAX_FILE_BYTES,
            size: Some(bytes.len() as u64),
        });
    }
    decode_body(target, bytes.to_vec())
}

/// The real data the validators compare against.
struct Real {
    index: AreaIndex,
    departments: DepartmentIndex,
    cities: CityIndex,
    areas: Vec<AreaFile>,
    programmes: ProgrammeIndex,
}

fn real() -> Real {
    let index: AreaIndex = common::data("areas.json");
    let areas = index.areas.iter().map(|a| common::data(&a.file)).collect();
    Real {
        departments: common::data("departments.json"),
        cities: common::data("cities.json"),
        programmes: common::data("programmes.json"),
        index,
        areas,
    }
}

fn first(problems: Vec<LoadError>) -> Result<(), LoadError> {
    problems.into_iter().next().map_or(Ok(()), Err)
}

/// Loads `text` as the app loads the file `target` of `kind`, then draws what the app would draw.
fn load_and_draw(kind: &str, target: &str, text: &str, real: &Real) -> Result<(), LoadError> {
    match kind {
        "meta" => parse_json::<Meta>(target, text).map(drop),
        "areas" => {
            let index: AreaIndex = parse_json(target, text)?;
            first(validate_index(target, &index))?;
            SearchIndex::build(&index, &real.areas, &real.departments, &real.cities);
            Ok(())
        }
        "area" => {
            let area: AreaFile = parse_json(target, text)?;
            let counts = real
                .index
                .areas
                .iter()
                .find(|a| a.file == target)
                .map(|a| a.counts);
            first(validate_area(
                target,
                &area,
                counts,
                &real.departments,
                &real.cities,
            ))?;
            for lang in [Lang::Zh, Lang::En] {
                for chart in charts_for(&area.slug, &area.indicators, lang) {
                    to_svg(&chart, 640, Theme::LIGHT);
                }
            }
            Ok(())
        }
        "departments" => {
            let departments: DepartmentIndex = parse_json(target, text)?;
            SearchIndex::build(&real.index, &real.areas, &departments, &real.cities);
            Ok(())
        }
        "cities" => {
            let cities: CityIndex = parse_json(target, text)?;
            SearchIndex::build(&real.index, &real.areas, &real.departments, &cities);
            Ok(())
        }
        "programmes" => parse_json::<ProgrammeIndex>(target, text).map(drop),
        "document" => parse_json::<Document>(target, text).map(drop),
        "geojson" => {
            let shapes = CityShapes::parse(target, text)?;
            let layout = MapLayout::new(&shapes, 800);
            let view = layer_view(
                &MapLayer::AllTasks,
                &real.cities,
                &real.areas,
                &real.programmes,
                Lang::Zh,
                Theme::LIGHT,
            );
            map_to_svg(&layout, &view.style);
            Ok(())
        }
        other => panic!("unknown kind {other}"),
    }
}

fn corpus_covers_every_bullet_of_the_issue() {
    let entries = manifest();
    assert!(entries.len() >= 60, "only {} corpus files", entries.len());
    let has = |needle: &str| entries.iter().any(|e| e.case.contains(needle));
    for needle in [
        "truncated-at",
        "wrong-type",
        "1e309",
        "1e400",
        "1e-400",
        "30-digits",
        "depth-129",
        "depth-100000",
        "duplicate-key",
        "utf8-bom",
        "lone-high-surrogate",
        "invalid-utf8",
        "empty",
        "whitespace-only",
        "string-10mb",
        "label-script-tag",
        "label-img-onerror",
        "label-svg-onload",
        "label-attr-breakout",
        "label-javascript",
        "label-data-url",
        "label-template",
        "label-rtl-override",
        "label-zero-width",
        "label-emoji",
        "label-10000",
    ] {
        assert!(has(needle), "no corpus file for {needle}");
    }
    let truncations = entries
        .iter()
        .filter(|e| e.case.starts_with("truncated-at"))
        .count();
    assert!(truncations >= 10, "{truncations} truncations");
    for kind in [
        "meta",
        "areas",
        "area",
        "departments",
        "cities",
        "programmes",
        "document",
        "geojson",
    ] {
        assert!(
            entries
                .iter()
                .any(|e| e.kind == kind && e.case.starts_with("wrong-type-")),
            "no wrong types for {kind}"
        );
    }
}

fn every_corpus_file_loads_or_fails_with_file_path_and_specific_reason() {
    let real = real();
    let mut failures = Vec::new();
    for entry in manifest() {
        let bytes = std::fs::read(corpus_dir().join("corpus").join(&entry.file)).unwrap();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let text = downloaded_text(&entry.target, &bytes)?;
            load_and_draw(&entry.kind, &entry.target, &text, &real)
        }));
        let what = format!("{} ({})", entry.file, entry.target);
        // `cargo test --test hostile -- --nocapture` lists what the loader said about each file.
        match &outcome {
            Ok(Ok(())) => println!("{what}: loaded"),
            Ok(Err(e)) => println!("{what}: {e}"),
            Err(_) => println!("{what}: panicked"),
        }
        match (outcome, &entry.expect) {
            (Err(_), _) => failures.push(format!("{what}: PANICKED")),
            (Ok(Ok(())), Expect::Ok(_)) => {}
            (Ok(Ok(())), Expect::Error { error, .. }) => failures.push(format!(
                "{what}: loaded, expected an error containing `{error}`"
            )),
            (Ok(Err(e)), Expect::Ok(_)) => {
                failures.push(format!("{what}: expected to load, got {e}"))
            }
            (Ok(Err(e)), Expect::Error { error, path }) => {
                let (file, at, reason) = match &e {
                    LoadError::Parse { file, path, reason }
                    | LoadError::Invalid { file, path, reason } => {
                        (file.clone(), path.clone(), reason.clone())
                    }
                    // The cap applies to the whole file, before any path exists.
                    LoadError::TooLarge { file, .. } => {
                        (file.clone(), "$".to_owned(), e.to_string())
                    }
                    other => {
                        failures.push(format!("{what}: not a parse/validation error: {other}"));
                        continue;
                    }
                };
                let path_ok = path.as_ref().is_none_or(|p| *p == at) && at.starts_with('$');
                if file != entry.target || !path_ok || !reason.contains(error.as_str()) {
                    failures.push(format!("{what}: expected `{error}` at {path:?}, got {e}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of the corpus misbehave:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn canary_file<T: serde::de::DeserializeOwned + gd_plus::data::HasShape>(
    dir: &Path,
    file: &str,
) -> T {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    parse_json(file, &text).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

fn canary_datasets_are_valid_and_every_payload_is_escaped_in_the_svg() {
    let payloads: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string(corpus_dir().join("canary/payloads.json")).unwrap(),
    )
    .unwrap();
    assert!(payloads.len() >= 25, "{} payloads", payloads.len());
    for (i, payload) in payloads.iter().enumerate() {
        let sets_its_flag = payload.contains(&format!("__canary={}", i + 1));
        assert!(sets_its_flag || payload.contains(";base64,"), "{payload}");
        let dir = corpus_dir().join(format!("canary/{i:02}"));
        let _: Meta = canary_file(&dir, "meta.json");
        let _: Document = canary_file(&dir, "document.json");
        let programmes: ProgrammeIndex = canary_file(&dir, "programmes.json");
        let index: AreaIndex = canary_file(&dir, "areas.json");
        let departments: DepartmentIndex = canary_file(&dir, "departments.json");
        let cities: CityIndex = canary_file(&dir, "cities.json");
        first(validate_index("areas.json", &index)).unwrap();
        let mut areas = Vec::new();
        for summary in &index.areas {
            let area: AreaFile = canary_file(&dir, &summary.file);
            first(validate_area(
                &summary.file,
                &area,
                Some(summary.counts),
                &departments,
                &cities,
            ))
            .unwrap_or_else(|e| panic!("payload {i}: {e}"));
            areas.push(area);
        }
        let search = SearchIndex::build(&index, &areas, &departments, &cities);
        assert!(
            !search.query(payload, 10).is_empty(),
            "payload {i} is found by search"
        );
        // What plotters writes must be the payload escaped, never its markup.
        let escaped = escape_xml(payload);
        let chart = charts_for("overall", &areas[0].indicators, Lang::Zh).remove(0);
        let svg = to_svg(&chart, 640, Theme::LIGHT);
        if payload.contains('<') {
            assert!(
                !svg.contains(payload.as_str()),
                "payload {i} raw in the chart SVG"
            );
        }
        assert!(
            svg.contains(&escaped),
            "payload {i} is not in the chart SVG as text:\n{svg}"
        );
        let text = std::fs::read_to_string(dir.join("geo/guangdong-cities.geojson")).unwrap();
        let shapes = CityShapes::parse("geo/guangdong-cities.geojson", &text).unwrap();
        let view = layer_view(
            &MapLayer::AllTasks,
            &cities,
            &areas,
            &programmes,
            Lang::Zh,
            Theme::LIGHT,
        );
        let svg = map_to_svg(&MapLayout::new(&shapes, 800), &view.style);
        if payload.contains('<') {
            assert!(
                !svg.contains(payload.as_str()),
                "payload {i} raw in the map SVG"
            );
        }
        assert!(
            svg.contains(&escaped),
            "payload {i} is not in the map SVG as text"
        );
    }
}

/// plotters' escaping (`<`, `>`, `&`, `"`, `'`), computed independently here.
fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}
