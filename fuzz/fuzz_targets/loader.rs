//! The dataset loader on arbitrary bytes, exactly as the browser path runs it: the body bytes are
//! decoded (`decode_body`: BOM, UTF-8), sniffed for HTML, then parsed and validated as every kind
//! of file the app loads. Any panic (including a stack overflow or an out-of-memory) is a crash.
#![no_main]

use std::sync::OnceLock;

use gd_plus::data::load::{decode_body, looks_like_html};
use gd_plus::data::validate::{validate_area, validate_index};
use gd_plus::data::{
    parse_json, AreaFile, AreaIndex, CityIndex, DepartmentIndex, Document, Meta, ProgrammeIndex,
};
use gd_plus::geo::geojson::CityShapes;
use libfuzzer_sys::fuzz_target;

/// The real departments and cities, which an area file is validated against.
fn reference() -> &'static (DepartmentIndex, CityIndex) {
    static REF: OnceLock<(DepartmentIndex, CityIndex)> = OnceLock::new();
    REF.get_or_init(|| {
        let departments = parse_json(
            "departments.json",
            include_str!("../../data/departments.json"),
        );
        let cities = parse_json("cities.json", include_str!("../../data/cities.json"));
        match (departments, cities) {
            (Ok(d), Ok(c)) => (d, c),
            (d, c) => panic!("the published reference files must load: {d:?} {c:?}"),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let _ = looks_like_html(data);
    let Ok(text) = decode_body("fuzz.json", data.to_vec()) else {
        return;
    };
    let (departments, cities) = reference();
    if let Ok(index) = parse_json::<AreaIndex>("areas.json", &text) {
        let _ = validate_index("areas.json", &index);
    }
    if let Ok(area) = parse_json::<AreaFile>("areas/x.json", &text) {
        let _ = validate_area("areas/x.json", &area, None, departments, cities);
    }
    let _ = parse_json::<DepartmentIndex>("departments.json", &text);
    let _ = parse_json::<CityIndex>("cities.json", &text);
    let _ = parse_json::<ProgrammeIndex>("programmes.json", &text);
    let _ = parse_json::<Document>("document.json", &text);
    let _ = parse_json::<Meta>("meta.json", &text);
    let _ = parse_json::<serde_json::Value>("any.json", &text);
    let _ = CityShapes::parse("geo/guangdong-cities.geojson", &text);
});
