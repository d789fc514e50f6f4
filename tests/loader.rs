//! The loader against hostile input: the JSONTestSuite conformance files, our own broken
//! fixtures (exact error messages), and deterministic mutations of every real data file.
#![cfg(not(target_arch = "wasm32"))]
// A test that cannot read its own fixtures should stop right there, with the reason.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use gd_plus::data::validate::{validate_area, validate_index};
use gd_plus::data::{
    parse_json, AreaFile, AreaIndex, City, CityIndex, Department, DepartmentIndex, Document,
    LoadError, Meta,
};

/// Which type a file is loaded as.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Index,
    Area,
    Departments,
    Cities,
    Document,
    Meta,
}

/// Runs the loader with the type of `kind`, keeping only whether it worked.
fn load(kind: Kind, file: &str, text: &str) -> Result<(), LoadError> {
    match kind {
        Kind::Index => parse_json::<AreaIndex>(file, text).map(drop),
        Kind::Area => parse_json::<AreaFile>(file, text).map(drop),
        Kind::Departments => parse_json::<DepartmentIndex>(file, text).map(drop),
        Kind::Cities => parse_json::<CityIndex>(file, text).map(drop),
        Kind::Document => parse_json::<Document>(file, text).map(drop),
        Kind::Meta => parse_json::<Meta>(file, text).map(drop),
    }
}

/// Like [`load`], but a panic becomes a test failure that names the input.
fn load_without_panic(kind: Kind, file: &str, text: &str, what: &str) -> Result<(), LoadError> {
    catch_unwind(AssertUnwindSafe(|| load(kind, file, text)))
        .unwrap_or_else(|_| panic!("{file}: the loader panicked on {what}"))
}

// ---------------------------------------------------------------------------------------------
// 1. JSONTestSuite
// ---------------------------------------------------------------------------------------------

#[test]
fn json_test_suite_is_judged_correctly_and_never_panics() {
    let suite = common::json_test_suite();
    let origin = suite.origin.display();
    assert_eq!(
        suite.cases.len(),
        common::JSON_TEST_SUITE_FILES,
        "{origin}: JSONTestSuite has {} files; a half-present copy cannot vouch for the loader",
        common::JSON_TEST_SUITE_FILES
    );

    let (mut y, mut n, mut i_ok, mut i_err, mut not_utf8) = (0, 0, 0, 0, Vec::new());
    for case in &suite.cases {
        let name = case.name.as_str();
        let Some(text) = case.text.as_deref() else {
            // The fetch layer hands the loader decoded text, so these never reach it.
            not_utf8.push(name);
            continue;
        };
        let value = catch_unwind(|| parse_json::<serde_json::Value>(name, text))
            .unwrap_or_else(|_| panic!("{name}: parsing as a JSON value panicked"));
        let typed = catch_unwind(|| parse_json::<AreaIndex>(name, text))
            .unwrap_or_else(|_| panic!("{name}: parsing as an area index panicked"));
        if let Err(err) = &typed {
            assert!(
                err.to_string().starts_with(&format!("{name}: at $")),
                "{err}"
            );
        }
        match name.as_bytes()[0] {
            b'y' => {
                value.unwrap_or_else(|e| panic!("{name} is valid JSON but was rejected: {e}"));
                y += 1;
            }
            b'n' => {
                let err = value
                    .err()
                    .unwrap_or_else(|| panic!("{name} is not JSON but was accepted"));
                let shown = err.to_string();
                assert!(shown.starts_with(&format!("{name}: ")), "{shown}");
                assert!(matches!(err, LoadError::Parse { .. }), "{shown}");
                n += 1;
            }
            b'i' => match value {
                Ok(_) => i_ok += 1,
                Err(_) => i_err += 1,
            },
            _ => panic!("{name}: not a y_, n_ or i_ file"),
        }
    }
    eprintln!(
        "JSONTestSuite ({origin}): {} files: {y} y_ accepted, {n} n_ rejected, {} i_ ({i_ok} \
         accepted, {i_err} rejected), {} not UTF-8 and skipped: {}",
        suite.cases.len(),
        i_ok + i_err,
        not_utf8.len(),
        not_utf8.join(", ")
    );
    // nst/JSONTestSuite 1ef36fa: 95 y_, 188 n_, 35 i_; 25 files are not UTF-8 (13 i_, 12 n_).
    assert_eq!(y, 95, "y_ files judged");
    assert_eq!(not_utf8.len(), 25, "files that are not UTF-8");
    assert_eq!(n, 188 - 12, "n_ files judged");
    assert_eq!(i_ok + i_err, 35 - 13, "i_ files judged");
}

// ---------------------------------------------------------------------------------------------
// 2. Broken fixtures: exact messages
// ---------------------------------------------------------------------------------------------

fn fixture_dir() -> PathBuf {
    common::root().join("tests/fixtures/broken")
}

fn fixture(name: &str) -> String {
    let path = fixture_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Files that must not load, as (fixture, loaded as, exact message). The fixture's own name
/// is the file name given to the loader. Columns are serde_json's: counted in bytes, so each
/// Chinese character before the error adds 3 (areas-truncated.json).
const PARSE_ERRORS: &[(&str, Kind, &str)] = &[
    (
        "areas-number-as-string.json",
        Kind::Index,
        "areas-number-as-string.json: at $.areas[0].number: invalid type: string \"0\", expected u8 at line 5 column 19",
    ),
    (
        "areas-number-too-big.json",
        Kind::Index,
        "areas-number-too-big.json: at $.areas[0].number: invalid value: integer `256`, expected u8 at line 5 column 19",
    ),
    (
        "areas-number-huge.json",
        Kind::Index,
        "areas-number-huge.json: at $.areas[0].number: invalid type: floating point `1.2345678901234568e+29`, expected u8 at line 5 column 46",
    ),
    (
        "areas-missing-field.json",
        Kind::Index,
        "areas-missing-field.json: at $.areas[0]: missing field `file` at line 9 column 5",
    ),
    // serde reads a struct from an array too (fields by position), so a bare array of areas is
    // taken as `AreaIndex` with `areas` = its first element: hence `$[0]` and "a sequence".
    (
        "areas-top-level-array.json",
        Kind::Index,
        "areas-top-level-array.json: at $[0]: invalid type: map, expected a sequence at line 2 column 4",
    ),
    (
        "areas-truncated.json",
        Kind::Index,
        "areas-truncated.json: at $.areas[0].name.en: EOF while parsing a string at line 6 column 51",
    ),
    (
        "empty.json",
        Kind::Index,
        "empty.json: at $: the file is empty (no JSON value)",
    ),
    (
        "area-unknown-comparator.json",
        Kind::Area,
        "area-unknown-comparator.json: at $.indicators[0].targets[0].comparator: unknown variant `about`, expected one of `at_least`, `at_most`, `reduction_vs_2014`, `as_stated` at line 17 column 31",
    ),
    (
        "departments-invalid-escape.json",
        Kind::Departments,
        "departments-invalid-escape.json: at $.departments[0].en: invalid escape at line 7 column 27",
    ),
    (
        "departments-trailing-garbage.json",
        Kind::Departments,
        "departments-trailing-garbage.json: at $: trailing characters at line 11 column 1",
    ),
    (
        "meta-year-overflow.json",
        Kind::Meta,
        "meta-year-overflow.json: at $.year: invalid value: integer `201500`, expected u16 at line 4 column 16",
    ),
];

#[test]
fn broken_files_are_refused_with_file_path_and_reason() {
    let mut failures = Vec::new();
    for &(name, kind, expected) in PARSE_ERRORS {
        let text = fixture(name);
        match load_without_panic(kind, name, &text, "its fixture") {
            Ok(()) => failures.push(format!("{name}: loaded as {kind:?} but should not")),
            Err(err) => {
                assert!(matches!(err, LoadError::Parse { .. }), "{err:?}");
                assert_eq!(err.file(), name);
                if err.to_string() != expected {
                    failures.push(format!("{name}:\n  expected {expected}\n  got      {err}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_broken_fixture_is_used() {
    let used: Vec<&str> = PARSE_ERRORS
        .iter()
        .map(|&(name, _, _)| name)
        .chain(RULE_FIXTURES.iter().copied())
        .collect();
    for entry in std::fs::read_dir(fixture_dir()).expect("tests/fixtures/broken") {
        let name = entry.expect("directory entry").file_name();
        let name = name.to_string_lossy();
        assert!(
            used.contains(&name.as_ref()),
            "{name} is not checked by any test"
        );
    }
}

#[test]
fn deep_nesting_is_refused_at_the_root_with_a_clear_reason() {
    let deep = "[".repeat(100_000);
    let err = load_without_panic(Kind::Index, "deep.json", &deep, "100 000 open brackets")
        .expect_err("100 000 open brackets");
    assert_eq!(
        err.to_string(),
        "deep.json: at $: nested deeper than 64 levels"
    );

    // Deep but well formed, inside a real-looking document.
    let inner = format!("{}{}", "{\"a\":".repeat(1000), "}".repeat(1000));
    let text = format!("{{\"areas\": [{inner}]}}");
    let err = load_without_panic(Kind::Index, "areas.json", &text, "1000 nested objects")
        .expect_err("1000 nested objects");
    assert_eq!(
        err.to_string(),
        "areas.json: at $: nested deeper than 64 levels"
    );

    // The limit itself: 64 levels load, 65 do not.
    let nest = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    parse_json::<serde_json::Value>("64.json", &nest(64)).expect("64 levels are accepted");
    let err = parse_json::<serde_json::Value>("65.json", &nest(65)).expect_err("65 levels");
    assert_eq!(
        err.to_string(),
        "65.json: at $: nested deeper than 64 levels"
    );

    // Brackets inside strings are text, not nesting.
    let text = format!("[\"{}\"]", "[{".repeat(1000));
    parse_json::<serde_json::Value>("strings.json", &text).expect("brackets in a string");
}

// ---------------------------------------------------------------------------------------------
// 2b. Files that parse but break the rules of the data model
// ---------------------------------------------------------------------------------------------

/// Fixtures that parse; their problems are found by validation.
const RULE_FIXTURES: &[&str] = &[
    "area-duplicate-id.json",
    "area-value-mismatch.json",
    "area-unknown-department.json",
    "area-wrong-counts.json",
    "areas-wrong-counts.json",
    "index-duplicate-slug.json",
    "index-wrong-area-count.json",
];

/// Small dimension tables: the fixtures use the department `commerce` and the city 440100.
fn dimensions() -> (DepartmentIndex, CityIndex) {
    let departments = DepartmentIndex {
        departments: vec![Department {
            id: "commerce".into(),
            zh: "省商务厅".into(),
            zh_full: Some("广东省商务厅".into()),
            en: "Department of Commerce of Guangdong Province".into(),
        }],
    };
    let cities = CityIndex {
        regions: Vec::new(),
        cities: vec![City {
            adcode: "440100".into(),
            name: gd_plus::data::Bilingual {
                zh: "广州市".into(),
                en: "Guangzhou".into(),
            },
            short_zh: "广州".into(),
            region: "prd".into(),
        }],
    };
    (departments, cities)
}

fn parsed<T: serde::de::DeserializeOwned + gd_plus::data::HasShape>(name: &str) -> T {
    parse_json(name, &fixture(name)).unwrap_or_else(|e| panic!("{name} should parse: {e}"))
}

fn shown(errors: &[LoadError]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

/// Validates an area fixture without counts; every reported error must be `Invalid`.
fn area_problems(name: &str) -> Vec<String> {
    let (departments, cities) = dimensions();
    let area: AreaFile = parsed(name);
    let errors = validate_area(name, &area, None, &departments, &cities);
    assert!(errors
        .iter()
        .all(|e| matches!(e, LoadError::Invalid { .. })));
    assert!(errors.iter().all(|e| e.file() == name));
    shown(&errors)
}

#[test]
fn a_clean_area_fixture_has_no_problems() {
    // The base the broken area fixtures are made from is itself valid, so each fixture
    // breaks exactly the rule it is named after.
    assert_eq!(
        area_problems("area-wrong-counts.json"),
        Vec::<String>::new()
    );
}

#[test]
fn duplicate_id_is_named() {
    assert_eq!(
        area_problems("area-duplicate-id.json"),
        ["area-duplicate-id.json: at $.tasks[1].id: duplicate id"]
    );
}

#[test]
fn value_that_differs_from_its_text_is_named() {
    assert_eq!(
        area_problems("area-value-mismatch.json"),
        ["area-value-mismatch.json: at $.indicators[0].targets[0].value: value 25 differs from the number in `27%`"]
    );
}

#[test]
fn unknown_department_is_named() {
    assert_eq!(
        area_problems("area-unknown-department.json"),
        ["area-unknown-department.json: at $.tasks[0].departments[1]: unknown department id `ministry-of-magic`"]
    );
}

#[test]
fn counts_that_differ_from_the_index_are_named() {
    let index: AreaIndex = parsed("areas-wrong-counts.json");
    let area: AreaFile = parsed("area-wrong-counts.json");
    let (departments, cities) = dimensions();
    let entry = &index.areas[0];
    assert_eq!(entry.slug, area.slug);
    let errors = validate_area(
        "area-wrong-counts.json",
        &area,
        Some(entry.counts),
        &departments,
        &cities,
    );
    assert_eq!(
        shown(&errors),
        ["area-wrong-counts.json: at $: counts AreaCounts { targets: 1, milestones: 0, tasks: 1, departments: 1, cities: 1 } \
          differ from the area index AreaCounts { targets: 2, milestones: 0, tasks: 3, departments: 1, cities: 1 }"]
    );
}

#[test]
fn index_with_a_duplicate_slug_is_named() {
    let index: AreaIndex = parsed("index-duplicate-slug.json");
    assert_eq!(
        shown(&validate_index("index-duplicate-slug.json", &index)),
        ["index-duplicate-slug.json: at $.areas[6].slug: duplicate slug `commerce`"]
    );
}

#[test]
fn index_with_the_wrong_number_of_areas_is_named() {
    let index: AreaIndex = parsed("index-wrong-area-count.json");
    assert_eq!(
        shown(&validate_index("index-wrong-area-count.json", &index)),
        ["index-wrong-area-count.json: at $.areas: expected 14 areas (overall goals + 13), found 2"]
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Mutations of the real data files
// ---------------------------------------------------------------------------------------------

/// Every real data file with the type it is loaded as, and its name relative to data/.
fn real_files() -> Vec<(String, Kind)> {
    let mut files = vec![
        ("areas.json".to_owned(), Kind::Index),
        ("departments.json".to_owned(), Kind::Departments),
        ("cities.json".to_owned(), Kind::Cities),
        ("document.json".to_owned(), Kind::Document),
        ("meta.json".to_owned(), Kind::Meta),
    ];
    let dir = common::root().join("data/areas");
    let mut areas: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| format!("areas/{}", file_name(&p)))
        .collect();
    areas.sort();
    files.extend(areas.into_iter().map(|f| (f, Kind::Area)));
    files
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned()
}

/// Positions mutated per file; each gets a truncation, four replacements and a deletion.
const POSITIONS: usize = 50;
const REPLACEMENTS: [u8; 4] = [b'"', b'{', b']', b'0'];

/// Deterministic mutations of `bytes`: (description, mutated bytes).
fn mutations(bytes: &[u8]) -> impl Iterator<Item = (String, Vec<u8>)> + '_ {
    let len = bytes.len();
    // Evenly spread positions, nudged by a small odd offset so they do not all fall on
    // the same column of the indentation.
    let positions = (0..POSITIONS).map(move |k| (k * len / POSITIONS + (k * 7) % 13).min(len - 1));
    positions.flat_map(move |at| {
        let truncated = (format!("truncated at byte {at}"), bytes[..at].to_vec());
        let replaced = REPLACEMENTS.iter().map(move |&b| {
            let mut m = bytes.to_vec();
            m[at] = b;
            (format!("byte {at} replaced by {:?}", char::from(b)), m)
        });
        let mut deleted = bytes.to_vec();
        deleted.remove(at);
        std::iter::once(truncated)
            .chain(replaced)
            .chain(std::iter::once((format!("byte {at} deleted"), deleted)))
    })
}

#[test]
fn mutated_real_files_never_make_the_loader_panic() {
    let files = real_files();
    assert!(files.len() >= 6, "data/ is missing files: {files:?}");
    let results: Vec<(String, usize, usize, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .iter()
            .map(|(name, kind)| {
                scope.spawn(move || {
                    let path = common::root().join("data").join(name);
                    let bytes =
                        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    let original = String::from_utf8(bytes.clone())
                        .unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"));
                    load(*kind, name, &original)
                        .unwrap_or_else(|e| panic!("the unmutated file should load: {e}"));
                    let (mut ok, mut err, mut cuts_refused) = (0, 0, 0);
                    for (what, mutated) in mutations(&bytes) {
                        // Cutting a multi-byte character leaves invalid UTF-8; a browser decodes
                        // that to U+FFFD, and so do we.
                        let text = String::from_utf8_lossy(&mutated);
                        // A file cut short (more than its trailing whitespace) is never a
                        // document: the loader must refuse every one of them.
                        let cut =
                            what.starts_with("truncated") && text.trim_end() != original.trim_end();
                        match load_without_panic(*kind, name, &text, &what) {
                            Ok(()) => {
                                assert!(!cut, "{name}: {what}, and the loader accepted it");
                                ok += 1;
                            }
                            Err(e) => {
                                assert_eq!(e.file(), name);
                                assert!(e.to_string().starts_with(&format!("{name}: at $")));
                                err += 1;
                                cuts_refused += usize::from(cut);
                            }
                        }
                    }
                    (name.clone(), ok, err, cuts_refused)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| panic!("a mutation worker panicked"))
            })
            .collect()
    });
    let (mut total_ok, mut total_err) = (0, 0);
    for (name, ok, err, cuts_refused) in &results {
        eprintln!(
            "{name}: {} mutations, {ok} still load, {err} refused ({cuts_refused} of them cut short)",
            ok + err
        );
        total_ok += ok;
        total_err += err;
        // Every position but (at most) the one at the last byte cuts into the document.
        assert!(
            *cuts_refused >= POSITIONS - 1,
            "{name}: only {cuts_refused} truncations were checked as refused"
        );
    }
    eprintln!(
        "mutations: {} files, {} inputs, {total_ok} still load, {total_err} refused, no panic",
        results.len(),
        total_ok + total_err
    );
}

/// serde's derived types read a struct from an array (its fields by position); the loader refuses
/// that everywhere a data type has an object (`data/shape.rs`). Every object of every published
/// file — the first item of each array, as in tools/hostile_corpus.py, but every field, not only
/// the first — is replaced by the array of its values, and the file must then fail to load, at that
/// place or inside it. A struct missing from a type's shape table would load here.
#[test]
fn an_array_in_place_of_any_object_of_any_data_file_is_refused() {
    use gd_plus::data::ProgrammeIndex;
    use gd_plus::geo::CityShapes;
    use serde_json::Value;

    fn object_paths(value: &Value, path: String, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                out.push(path.clone());
                for (key, child) in map {
                    object_paths(child, format!("{path}.{key}"), out);
                }
            }
            Value::Array(items) => {
                if let Some(first) = items.first() {
                    object_paths(first, format!("{path}[0]"), out);
                }
            }
            _ => {}
        }
    }
    fn at<'v>(value: &'v mut Value, path: &str) -> &'v mut Value {
        let mut here = value;
        for step in path
            .trim_start_matches('$')
            .split('.')
            .filter(|s| !s.is_empty())
        {
            let (key, indexed) = step
                .split_once('[')
                .map_or((step, false), |(k, _)| (k, true));
            if !key.is_empty() {
                here = here.get_mut(key).expect("key");
            }
            if indexed {
                for _ in step.matches("[0]") {
                    here = here.get_mut(0).expect("index");
                }
            }
        }
        here
    }

    let index: AreaIndex = common::data("areas.json");
    let mut files: Vec<String> = ["meta.json", "areas.json", "departments.json", "cities.json"]
        .into_iter()
        .chain([
            "programmes.json",
            "document.json",
            "geo/guangdong-cities.geojson",
        ])
        .map(str::to_owned)
        .collect();
    files.extend(index.areas.iter().map(|a| a.file.clone()));
    let mut checked = 0;
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(common::root().join("data").join(file)).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        let mut paths = Vec::new();
        object_paths(&doc, "$".to_owned(), &mut paths);
        for path in paths {
            if file.ends_with(".geojson") && path.contains(".coordinates") {
                continue; // raw JSON, walked by hand (geo::geojson)
            }
            let mut mutated = doc.clone();
            let target = at(&mut mutated, &path);
            let items: Vec<Value> = target.as_object().unwrap().values().cloned().collect();
            *target = Value::Array(items);
            let text = serde_json::to_string(&mutated).unwrap();
            let outcome = match file.as_str() {
                "meta.json" => parse_json::<Meta>(file, &text).map(drop),
                "areas.json" => parse_json::<AreaIndex>(file, &text).map(drop),
                "departments.json" => parse_json::<DepartmentIndex>(file, &text).map(drop),
                "cities.json" => parse_json::<CityIndex>(file, &text).map(drop),
                "programmes.json" => parse_json::<ProgrammeIndex>(file, &text).map(drop),
                "document.json" => parse_json::<Document>(file, &text).map(drop),
                "geo/guangdong-cities.geojson" => CityShapes::parse(file, &text).map(drop),
                _ => parse_json::<AreaFile>(file, &text).map(drop),
            };
            checked += 1;
            match outcome {
                Ok(()) => failures.push(format!("{file}: an array at {path} loaded")),
                Err(LoadError::Parse { path: got, .. } | LoadError::Invalid { path: got, .. })
                    if got.starts_with(&path) => {}
                Err(e) => failures.push(format!("{file}: array at {path}: {e}")),
            }
        }
    }
    assert!(checked > 100, "only {checked} objects checked");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
