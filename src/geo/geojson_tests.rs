//! Tests of `geojson`: the real file, and hostile input that must become precise errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test

use super::*;

const SQUARE: &str = "[[0,0],[1,0],[1,1],[0,1],[0,0]]";

fn collection(geometry: &str) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{{"type":"Feature",
        "properties":{{"adcode":"440300","name_zh":"深圳市","name_en":"Shenzhen"}},"geometry":{geometry}}}]}}"#
    )
}

fn invalid(geometry: &str) -> (String, String) {
    match CityShapes::parse("geo.json", &collection(geometry)) {
        Err(LoadError::Invalid { file, path, reason }) => {
            assert_eq!(file, "geo.json");
            (path, reason)
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn reads_the_real_boundaries() {
    let text = include_str!("../../data/geo/guangdong-cities.geojson");
    let shapes = CityShapes::parse("geo/guangdong-cities.geojson", text).unwrap();
    assert_eq!(shapes.cities.len(), 21);
    let sz = shapes.get("440300").unwrap();
    assert_eq!(
        (sz.name_zh.as_str(), sz.name_en.as_str()),
        ("深圳市", "Shenzhen")
    );
    let holes: usize = shapes
        .cities
        .iter()
        .flat_map(|c| &c.polygons)
        .map(|p| p.len() - 1)
        .sum();
    assert_eq!(
        holes, 6,
        "SOURCE.md: 2 in Foshan, 3 in Zhanjiang, 1 in Maoming"
    );
}

#[test]
fn polygon_and_multipolygon_are_read() {
    let text = collection(&format!(r#"{{"type":"Polygon","coordinates":[{SQUARE}]}}"#));
    let one = CityShapes::parse("g", &text).unwrap();
    assert_eq!(one.cities[0].polygons.len(), 1);
    assert_eq!(one.cities[0].polygons[0][0][2], (1.0, 1.0));
    let text = collection(&format!(
        r#"{{"type":"MultiPolygon","coordinates":[[{SQUARE}],[{SQUARE},{SQUARE}]]}}"#
    ));
    let two = CityShapes::parse("g", &text).unwrap();
    assert_eq!(two.cities[0].polygons.len(), 2);
    assert_eq!(two.cities[0].polygons[1].len(), 2, "a hole is kept");
}

#[test]
fn short_ring_is_invalid_with_its_path() {
    let (path, reason) = invalid(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#);
    assert_eq!(path, "$.features[0].geometry.coordinates[0]");
    assert!(reason.contains("at least 4"), "{reason}");
}

#[test]
fn open_ring_bad_position_and_unknown_type_are_invalid() {
    let (path, reason) = invalid(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#);
    assert_eq!(path, "$.features[0].geometry.coordinates[0]");
    assert!(reason.contains("end where it starts"), "{reason}");
    let (path, _) =
        invalid(r#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],["x",1],[0,0]]]]}"#);
    assert_eq!(path, "$.features[0].geometry.coordinates[0][0][2]");
    let (path, reason) =
        invalid(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,91],[0,0]]]}"#);
    assert_eq!(path, "$.features[0].geometry.coordinates[0][2]");
    assert!(reason.contains("WGS84"), "{reason}");
    let (path, reason) = invalid(r#"{"type":"Point","coordinates":[0,0]}"#);
    assert_eq!(path, "$.features[0].geometry.type");
    assert!(reason.contains("Point"), "{reason}");
    let (_, reason) = invalid(r#"{"type":"MultiPolygon","coordinates":[]}"#);
    assert!(reason.contains("at least one polygon"), "{reason}");
    let (_, reason) = invalid(r#"{"type":"Polygon","coordinates":[]}"#);
    assert!(reason.contains("exterior ring"), "{reason}");
    let (path, _) = invalid("null");
    assert_eq!(path, "$.features[0].geometry");
}

#[test]
fn shape_errors_come_from_the_shared_loader() {
    let err = CityShapes::parse(
        "g",
        r#"{"type":"FeatureCollection","features":[{"properties":{}}]}"#,
    )
    .unwrap_err();
    assert!(
        matches!(err, LoadError::Parse { ref path, .. } if path == "$.features[0].properties"),
        "{err:?}"
    );
    // serde_json refuses 1e999 rather than producing infinity; either way no panic.
    let text = collection(r#"{"type":"Polygon","coordinates":[[[0,0],[1e999,0],[1,1],[0,0]]]}"#);
    assert!(CityShapes::parse("g", &text).is_err());
    let wrong = r#"{"type":"Feature","features":[]}"#;
    assert!(matches!(
        CityShapes::parse("g", wrong),
        Err(LoadError::Invalid { .. })
    ));
}

#[test]
fn duplicate_adcode_is_invalid() {
    let one = collection(&format!(r#"{{"type":"Polygon","coordinates":[{SQUARE}]}}"#));
    let features = one.split_once('[').map(|(_, rest)| rest).unwrap();
    let features = features.strip_suffix("]}").unwrap();
    let text = format!(r#"{{"type":"FeatureCollection","features":[{features},{features}]}}"#);
    let err = CityShapes::parse("g", &text).unwrap_err();
    assert!(
        err.to_string()
            .contains("features[1].properties.adcode: duplicate"),
        "{err}"
    );
}
