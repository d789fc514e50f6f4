//! Lon/lat bounding boxes: what the panels fit and what decides which parts are far islands.

use super::projection::LonLat;

/// A lon/lat bounding box in degrees. Empty when `min > max`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GeoBounds {
    /// West edge.
    pub min_lon: f64,
    /// South edge.
    pub min_lat: f64,
    /// East edge.
    pub max_lon: f64,
    /// North edge.
    pub max_lat: f64,
}

impl GeoBounds {
    /// The empty box, the identity of [`GeoBounds::include`].
    pub const EMPTY: GeoBounds = GeoBounds {
        min_lon: f64::INFINITY,
        min_lat: f64::INFINITY,
        max_lon: f64::NEG_INFINITY,
        max_lat: f64::NEG_INFINITY,
    };

    /// Whether the box holds no point.
    pub fn is_empty(&self) -> bool {
        !(self.min_lon <= self.max_lon && self.min_lat <= self.max_lat)
    }

    /// Grows the box to hold `p`; non-finite points are ignored.
    pub fn include(&mut self, (lon, lat): LonLat) {
        if lon.is_finite() && lat.is_finite() {
            self.min_lon = self.min_lon.min(lon);
            self.min_lat = self.min_lat.min(lat);
            self.max_lon = self.max_lon.max(lon);
            self.max_lat = self.max_lat.max(lat);
        }
    }

    /// The box of every point of some rings.
    pub fn of_rings(rings: &[Vec<LonLat>]) -> GeoBounds {
        let mut b = GeoBounds::EMPTY;
        rings.iter().flatten().for_each(|p| b.include(*p));
        b
    }

    /// Whether `other` lies inside this box (edges included).
    pub fn contains(&self, other: &GeoBounds) -> bool {
        other.min_lon >= self.min_lon
            && other.max_lon <= self.max_lon
            && other.min_lat >= self.min_lat
            && other.max_lat <= self.max_lat
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_box_contains_nothing_and_grows_to_its_points() {
        let mut b = GeoBounds::EMPTY;
        assert!(b.is_empty());
        b.include((113.0, 23.0));
        assert!(!b.is_empty());
        b.include((f64::INFINITY, 0.0));
        b.include((112.0, f64::NAN));
        assert_eq!(
            b,
            GeoBounds {
                min_lon: 113.0,
                min_lat: 23.0,
                max_lon: 113.0,
                max_lat: 23.0
            }
        );
    }

    #[test]
    fn bounds_of_rings_cover_holes_too() {
        let rings = vec![
            vec![(0.0, 0.0), (2.0, 0.0), (2.0, 3.0), (0.0, 0.0)],
            vec![(-1.0, 1.0), (1.0, 1.0), (1.0, 4.0), (-1.0, 1.0)],
        ];
        let b = GeoBounds::of_rings(&rings);
        assert_eq!(
            (b.min_lon, b.min_lat, b.max_lon, b.max_lat),
            (-1.0, 0.0, 2.0, 4.0)
        );
        assert!(b.contains(&GeoBounds::of_rings(&rings[..1])));
        assert!(!GeoBounds::of_rings(&rings[..1]).contains(&b));
    }
}
