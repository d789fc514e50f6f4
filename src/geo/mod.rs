//! The map of Guangdong's 21 cities: GeoJSON → projected pixel paths per panel → plotters drawing.
//!
//! Pure module (no leptos, web-sys or gloo), like `chart`: the same code draws the map in the
//! browser, for "download SVG", and in the native snapshot test (`tests/map_snapshot.rs`).
//!
//! Stages, each with its own type:
//!
//! 1. [`geojson`]: the text of `data/geo/guangdong-cities.geojson` → [`CityShapes`] (lon/lat rings),
//!    with errors that name the file, the JSON path and the reason.
//! 2. [`projection`]: one Lambert conformal conic projection for Guangdong ([`Lambert`]), and
//!    [`Fit`], which maps lon/lat into a pixel box without stretching (and back).
//! 3. [`layout`]: [`MapLayout`] for a width: the main map, the Pearl River Delta inset and the
//!    东沙群岛 (Dongsha) inset, every ring projected and clipped once, label anchors, hit-testing.
//!    [`frames`] decides where the panels go; [`pip`] and [`clip`] are the polygon geometry.
//! 4. [`classes`] and [`palette`]: class breaks for small counts and colour-blind-safe fills,
//!    each with a text code so colour is never the only carrier.
//! 5. [`draw`]: [`draw_map`] onto any plotters backend and [`map_to_svg`].
//!
//! Pixel coordinates are `i32` with y growing downward, as in plotters and SVG.

pub mod bounds;
pub mod classes;
pub mod clip;
pub mod draw;
pub mod frames;
pub mod geojson;
pub mod labels;
pub mod layers;
pub mod layout;
pub mod locator;
pub mod palette;
pub mod panel;
pub mod pip;
pub mod projection;
pub mod rect;
pub mod style;

pub use bounds::GeoBounds;
pub use classes::{breaks, class_of, ClassBin};
pub use draw::{draw_map, highlight_path, map_export_svg, map_to_svg};
pub use geojson::{CityShape, CityShapes};
pub use layout::{Anchor, MapLayout};
pub use palette::{label_colour, region_swatch, sequential_fills, RegionSwatch, Rgb};
pub use panel::{Panel, PanelKind, PanelShape, PxPolygon};
pub use projection::{fit, Fit, Lambert, LonLat};
pub use rect::PxRect;
pub use style::{LegendEntry, MapStyle};

/// Adcode of Shanwei (汕尾), the city that owns the 东沙群岛 (Dongsha) parts.
pub const SHANWEI: &str = "441500";

/// The six small Pearl River Delta cities that are labelled in the PRD inset rather than on
/// the main map: 广州, 深圳, 珠海, 佛山, 东莞, 中山. At phone widths they are a few pixels wide
/// on the main map, so their labels and hit targets live in the zoomed inset.
pub const PRD_INSET_CITIES: [&str; 6] =
    ["440100", "440300", "440400", "440600", "441900", "442000"];

/// Whether a polygon of `adcode` is one of the far 东沙群岛 parts: Shanwei parts that lie
/// entirely south of 21.2°N and east of 115.5°E (see `data/geo/SOURCE.md`). They sit ~250 km
/// out at sea, so they are drawn in their own inset instead of on the main map.
pub fn is_dongsha_part(adcode: &str, polygon: &[Vec<LonLat>]) -> bool {
    if adcode != SHANWEI {
        return false;
    }
    let b = GeoBounds::of_rings(polygon);
    !b.is_empty() && b.max_lat < 21.2 && b.min_lon > 115.5
}

/// Geographic extent of the Pearl River Delta inset. It is the union of the bounding boxes of
/// the six [`PRD_INSET_CITIES`] (checked by a test), rounded outward: the brief's rough
/// 112.9–114.6°E would cut off western Foshan (Gaoming, to 112.39°E) and eastern Shenzhen
/// (Dapeng, to 114.62°E), and a city half-shown in its own inset reads as a mistake.
pub const PRD_BOUNDS: GeoBounds = GeoBounds {
    min_lon: 112.35,
    min_lat: 21.78,
    max_lon: 114.66,
    max_lat: 23.95,
};

/// Extent used when there is nothing to fit (no cities): Guangdong's bounding box, so that an
/// empty map still gets a sane size instead of a division by zero.
pub const GUANGDONG_BOUNDS: GeoBounds = GeoBounds {
    min_lon: 109.65,
    min_lat: 20.21,
    max_lon: 117.32,
    max_lat: 25.52,
};
