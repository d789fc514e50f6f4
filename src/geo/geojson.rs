//! Reading the city boundaries (`data/geo/guangdong-cities.geojson`, RFC 7946) into lon/lat rings.
//!
//! The JSON shape (properties, strings) goes through [`crate::data::parse_json`], so shape errors
//! name the file and JSON path like every other data file. Coordinates are kept as raw JSON and
//! walked by hand: a bad ring then becomes a [`LoadError::Invalid`] that points at the exact
//! position (`$.features[3].geometry.coordinates[0][2]`) instead of a generic serde message.
// Handles data from outside: no panicking shortcuts (list in ARCHITECTURE.md).
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use serde::Deserialize;
use serde_json::Value;

use super::projection::LonLat;
use crate::data::shape::Shape;
use crate::data::{parse_json, HasShape, LoadError};

/// One city: its codes, names and polygons.
#[derive(Clone, Debug, PartialEq)]
pub struct CityShape {
    /// GB/T 2260 code, e.g. `440300`.
    pub adcode: String,
    /// Chinese name as in the file (深圳市).
    pub name_zh: String,
    /// English name (Shenzhen).
    pub name_en: String,
    /// Polygon → rings (exterior first, then holes) → lon/lat points; rings are closed.
    pub polygons: Vec<Vec<Vec<LonLat>>>,
}

/// Every city of the boundary file, in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CityShapes {
    /// The cities.
    pub cities: Vec<CityShape>,
}

#[derive(Deserialize)]
struct RawCollection {
    #[serde(rename = "type")]
    kind: String,
    features: Vec<RawFeature>,
}

#[derive(Deserialize)]
struct RawFeature {
    properties: RawProperties,
    geometry: Option<RawGeometry>,
}

#[derive(Deserialize)]
struct RawProperties {
    adcode: String,
    name_zh: String,
    name_en: String,
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    coordinates: Value,
}

impl HasShape for RawCollection {
    // Objects: the collection, each feature, its properties and geometry (coordinates are raw).
    const SHAPE: Shape = Shape::Object(&[(
        "features",
        Shape::List(&Shape::Object(&[
            ("properties", Shape::Object(&[])),
            ("geometry", Shape::Object(&[])),
        ])),
    )]);
}

impl CityShapes {
    /// Parses the text of `file`. Never panics; every problem is a [`LoadError`] naming the
    /// file, the JSON path and the reason.
    pub fn parse(file: &str, text: &str) -> Result<CityShapes, LoadError> {
        let raw: RawCollection = parse_json(file, text)?;
        let bad = |path: String, reason: &str| LoadError::Invalid {
            file: file.to_owned(),
            path,
            reason: reason.to_owned(),
        };
        if raw.kind != "FeatureCollection" {
            return Err(bad("$.type".into(), "expected a FeatureCollection"));
        }
        let mut cities: Vec<CityShape> = Vec::with_capacity(raw.features.len());
        for (i, feature) in raw.features.into_iter().enumerate() {
            let at = format!("$.features[{i}]");
            let props = feature.properties;
            if cities.iter().any(|c| c.adcode == props.adcode) {
                return Err(bad(format!("{at}.properties.adcode"), "duplicate adcode"));
            }
            let Some(geometry) = feature.geometry else {
                return Err(bad(format!("{at}.geometry"), "a city needs a geometry"));
            };
            let path = format!("{at}.geometry.coordinates");
            let polygons = match geometry.kind.as_str() {
                "Polygon" => {
                    vec![polygon(&geometry.coordinates, &path).map_err(|(p, r)| bad(p, &r))?]
                }
                "MultiPolygon" => {
                    let parts = array(&geometry.coordinates, &path).map_err(|(p, r)| bad(p, &r))?;
                    if parts.is_empty() {
                        return Err(bad(path, "a MultiPolygon needs at least one polygon"));
                    }
                    let mut out = Vec::with_capacity(parts.len());
                    for (j, part) in parts.iter().enumerate() {
                        out.push(
                            polygon(part, &format!("{path}[{j}]")).map_err(|(p, r)| bad(p, &r))?,
                        );
                    }
                    out
                }
                other => {
                    let reason = format!(
                        "unsupported geometry type {other:?} (expected Polygon or MultiPolygon)"
                    );
                    return Err(bad(format!("{at}.geometry.type"), &reason));
                }
            };
            cities.push(CityShape {
                adcode: props.adcode,
                name_zh: props.name_zh,
                name_en: props.name_en,
                polygons,
            });
        }
        Ok(CityShapes { cities })
    }

    /// The city with this adcode.
    pub fn get(&self, adcode: &str) -> Option<&CityShape> {
        self.cities.iter().find(|c| c.adcode == adcode)
    }
}

/// A geometry error before the file name is attached: (JSON path, reason).
type GeomError = (String, String);

fn array<'v>(value: &'v Value, path: &str) -> Result<&'v Vec<Value>, GeomError> {
    value
        .as_array()
        .ok_or_else(|| (path.to_owned(), "expected an array".to_owned()))
}

/// A polygon: an exterior ring, then holes.
fn polygon(value: &Value, path: &str) -> Result<Vec<Vec<LonLat>>, GeomError> {
    let rings = array(value, path)?;
    if rings.is_empty() {
        return Err((
            path.to_owned(),
            "a polygon needs an exterior ring".to_owned(),
        ));
    }
    rings
        .iter()
        .enumerate()
        .map(|(k, r)| ring(r, &format!("{path}[{k}]")))
        .collect()
}

/// A linear ring: at least 4 positions, the last equal to the first (RFC 7946 §3.1.6).
fn ring(value: &Value, path: &str) -> Result<Vec<LonLat>, GeomError> {
    let positions = array(value, path)?;
    if positions.len() < 4 {
        let reason = format!(
            "a ring needs at least 4 positions, found {}",
            positions.len()
        );
        return Err((path.to_owned(), reason));
    }
    let points = positions
        .iter()
        .enumerate()
        .map(|(m, p)| position(p, &format!("{path}[{m}]")))
        .collect::<Result<Vec<_>, _>>()?;
    if points.first() != points.last() {
        return Err((
            path.to_owned(),
            "a ring must end where it starts".to_owned(),
        ));
    }
    Ok(points)
}

/// A position: `[lon, lat]` (a third number, altitude, is allowed and ignored).
fn position(value: &Value, path: &str) -> Result<LonLat, GeomError> {
    let numbers = array(value, path)?;
    let coord = |k: usize| numbers.get(k).and_then(Value::as_f64);
    let (Some(lon), Some(lat)) = (coord(0), coord(1)) else {
        return Err((
            path.to_owned(),
            "a position needs two numbers [lon, lat]".to_owned(),
        ));
    };
    if !(lon.is_finite() && lat.is_finite()) {
        return Err((path.to_owned(), "coordinates must be finite".to_owned()));
    }
    if !((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)) {
        return Err((
            path.to_owned(),
            format!("[{lon}, {lat}] is not a WGS84 lon/lat"),
        ));
    }
    Ok((lon, lat))
}

#[cfg(test)]
#[path = "geojson_tests.rs"]
mod tests;
