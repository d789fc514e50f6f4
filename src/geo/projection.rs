//! The map projection and fitting it into a pixel box.
//!
//! Why Lambert conformal conic: Guangdong spans 20.2–25.5°N. Plain lon/lat stretches it ~9%
//! east–west (1° of longitude is only cos 23° ≈ 0.92 of 1° of latitude there). An equirectangular
//! projection scaled by cos 23° fixes the centre but is still ±2% off at the north and south edges.
//! A Lambert conformal conic with standard parallels 21°N and 24.5°N (the "one sixth" rule for
//! this latitude range) keeps shapes right (conformal) with scale errors under 0.2% across the
//! province, and is the usual choice for maps of mid-latitude regions wider than tall. The sphere
//! is enough: at this scale the ellipsoid changes nothing a reader can see.

use std::f64::consts::FRAC_PI_4;

pub use super::bounds::GeoBounds;

/// A point as (longitude, latitude) in degrees, WGS84.
pub type LonLat = (f64, f64);

/// Lambert conformal conic projection on the unit sphere; projected units are Earth radii.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lambert {
    lon0: f64,
    n: f64,
    f: f64,
    rho0: f64,
}

/// Latitudes closer to a pole than this are clamped: the cone's apex is at infinity there.
const MAX_LAT: f64 = 89.999;

impl Lambert {
    /// A projection with central meridian `lon0`, origin latitude `lat0` and standard parallels
    /// `lat1`, `lat2` (degrees). The parallels must lie in one hemisphere (not symmetric about
    /// the equator), as for any conic.
    pub fn new(lon0: f64, lat0: f64, lat1: f64, lat2: f64) -> Self {
        let (p0, p1, p2) = (lat0.to_radians(), lat1.to_radians(), lat2.to_radians());
        let t = |p: f64| (FRAC_PI_4 + p / 2.0).tan();
        let n = if (p1 - p2).abs() < 1e-10 {
            p1.sin() // tangent cone
        } else {
            (p1.cos() / p2.cos()).ln() / (t(p2) / t(p1)).ln()
        };
        let f = p1.cos() * t(p1).powf(n) / n;
        Lambert {
            lon0: lon0.to_radians(),
            n,
            f,
            rho0: f / t(p0).powf(n),
        }
    }

    /// The projection of every panel of the Guangdong map: central meridian 113.5°E (the middle
    /// of 109.65–117.31°E), origin 23°N, standard parallels 21°N and 24.5°N.
    pub fn guangdong() -> Self {
        Lambert::new(113.5, 23.0, 21.0, 24.5)
    }

    /// Projects lon/lat (degrees) to (x east, y north) in Earth radii.
    pub fn project(&self, (lon, lat): LonLat) -> (f64, f64) {
        let phi = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
        let rho = self.f / (FRAC_PI_4 + phi / 2.0).tan().powf(self.n);
        let theta = self.n * (lon.to_radians() - self.lon0);
        (rho * theta.sin(), self.rho0 - rho * theta.cos())
    }

    /// Inverse of [`Lambert::project`]: (x, y) in Earth radii back to lon/lat in degrees.
    pub fn invert(&self, (x, y): (f64, f64)) -> LonLat {
        let dy = self.rho0 - y;
        let sign = self.n.signum();
        let rho = sign * x.hypot(dy);
        let theta = (sign * x).atan2(sign * dy);
        let phi = 2.0 * (self.f / rho).powf(1.0 / self.n).atan() - std::f64::consts::FRAC_PI_2;
        ((theta / self.n + self.lon0).to_degrees(), phi.to_degrees())
    }
}

/// Lon/lat → pixel mapping of one panel: a projection, a uniform scale and an offset.
/// One scale for x and y is what keeps the map unstretched.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// The projection (the same in every panel).
    pub projection: Lambert,
    /// Pixels per Earth radius.
    pub scale: f64,
    /// Projected x at pixel x = 0.
    pub x0: f64,
    /// Projected y at pixel y = 0 (y grows downward in pixels, upward when projected).
    pub y0: f64,
}

/// Fits `bounds` into `width_px × height_px` (at the origin) with `padding` pixels on every side,
/// using [`Lambert::guangdong`]: the largest uniform scale that fits, centred on the free axis.
pub fn fit(bounds: &GeoBounds, width_px: f64, height_px: f64, padding: f64) -> Fit {
    Fit::new(
        Lambert::guangdong(),
        bounds,
        (0.0, 0.0, width_px, height_px),
        padding,
    )
}

impl Fit {
    /// Fits `bounds` into the pixel box `(x0, y0, x1, y1)` with `padding`, like [`fit`].
    pub fn new(
        projection: Lambert,
        bounds: &GeoBounds,
        rect: (f64, f64, f64, f64),
        padding: f64,
    ) -> Fit {
        let b = if bounds.is_empty() {
            super::GUANGDONG_BOUNDS
        } else {
            *bounds
        };
        let (xmin, ymin, xmax, ymax) = projected_box(&projection, &b);
        // A single point or a line still gets a finite scale: grow it to ~60 m about its centre.
        let grow = |lo: f64, hi: f64| {
            let d = (1e-5 - (hi - lo)).max(0.0) / 2.0;
            (lo - d, hi + d)
        };
        let ((xmin, xmax), (ymin, ymax)) = (grow(xmin, xmax), grow(ymin, ymax));
        let (bw, bh) = (xmax - xmin, ymax - ymin);
        let avail_w = (rect.2 - rect.0 - 2.0 * padding).max(1.0);
        let avail_h = (rect.3 - rect.1 - 2.0 * padding).max(1.0);
        let scale = (avail_w / bw).min(avail_h / bh);
        let left = rect.0 + padding + (avail_w - bw * scale) / 2.0;
        let top = rect.1 + padding + (avail_h - bh * scale) / 2.0;
        Fit {
            projection,
            scale,
            x0: xmin - left / scale,
            y0: ymax + top / scale,
        }
    }

    /// Pixel position of a lon/lat point.
    pub fn to_px(&self, p: LonLat) -> (f64, f64) {
        let (x, y) = self.projection.project(p);
        ((x - self.x0) * self.scale, (self.y0 - y) * self.scale)
    }

    /// Lon/lat of a pixel position (the inverse of [`Fit::to_px`]).
    pub fn to_lonlat(&self, (px, py): (f64, f64)) -> LonLat {
        let x = self.x0 + px / self.scale;
        let y = self.y0 - py / self.scale;
        self.projection.invert((x, y))
    }
}

/// Projected (xmin, ymin, xmax, ymax) of a lon/lat box. Parallels become arcs under a conic, so
/// the edges are sampled rather than only the corners; 32 steps per edge is exact to ~1e-6.
pub fn projected_box(projection: &Lambert, b: &GeoBounds) -> (f64, f64, f64, f64) {
    let mut out = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    for i in 0..=32 {
        let t = f64::from(i) / 32.0;
        let lon = b.min_lon + t * (b.max_lon - b.min_lon);
        let lat = b.min_lat + t * (b.max_lat - b.min_lat);
        for p in [
            (lon, b.min_lat),
            (lon, b.max_lat),
            (b.min_lon, lat),
            (b.max_lon, lat),
        ] {
            let (x, y) = projection.project(p);
            out = (out.0.min(x), out.1.min(y), out.2.max(x), out.3.max(y));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn round_trip_is_exact_to_1e9_degrees() {
        let f = fit(&crate::geo::GUANGDONG_BOUNDS, 800.0, 600.0, 8.0);
        for lon in [109.65, 111.0, 113.5, 115.25, 117.31] {
            for lat in [20.21, 21.0, 23.0, 24.5, 25.52] {
                let (x, y) = f.to_lonlat(f.to_px((lon, lat)));
                assert!(
                    (x - lon).abs() < 1e-9 && (y - lat).abs() < 1e-9,
                    "{lon},{lat} → {x},{y}"
                );
            }
        }
    }

    #[test]
    fn one_degree_of_longitude_is_cos_lat_of_one_degree_of_latitude() {
        // Conformal: at the centre, 1° of latitude and 1/cos 23° degrees of longitude (both ≈111 km)
        // have the same pixel length, i.e. 1° of longitude is cos 23° of 1° of latitude.
        let f = fit(&crate::geo::GUANGDONG_BOUNDS, 800.0, 600.0, 0.0);
        let d = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).hypot(a.1 - b.1);
        let lat_px = d(f.to_px((113.5, 22.5)), f.to_px((113.5, 23.5)));
        let lon_px = d(f.to_px((113.0, 23.0)), f.to_px((114.0, 23.0)));
        let ratio = lon_px / lat_px / 23f64.to_radians().cos();
        assert!((ratio - 1.0).abs() < 0.002, "{ratio}");
    }

    #[test]
    fn north_is_up_and_the_fit_stays_in_the_box() {
        let b = crate::geo::GUANGDONG_BOUNDS;
        let f = fit(&b, 400.0, 1000.0, 10.0);
        let (_, north) = f.to_px((113.5, b.max_lat));
        let (_, south) = f.to_px((113.5, b.min_lat));
        assert!(north < south, "y must grow downward");
        let (xmin, ymin, xmax, ymax) = projected_box(&f.projection, &b);
        let w = (xmax - xmin) * f.scale;
        assert!(
            (w - 380.0).abs() < 1e-6,
            "width-limited fit fills the width: {w}"
        );
        let h = (ymax - ymin) * f.scale;
        let top = (1000.0 - h) / 2.0;
        // Parallels are arcs bending north, so the top of the box is the north-west corner.
        assert!(
            (f.to_px((b.min_lon, b.max_lat)).1 - top).abs() < 1e-6,
            "centred vertically"
        );
    }

    #[test]
    fn empty_or_degenerate_bounds_still_give_a_finite_fit() {
        let f = fit(&GeoBounds::EMPTY, 300.0, 200.0, 4.0);
        assert!(f.scale.is_finite() && f.scale > 0.0);
        let mut point = GeoBounds::EMPTY;
        point.include((113.0, 23.0));
        point.include((f64::NAN, 1.0));
        let f = fit(&point, 300.0, 200.0, 4.0);
        let (x, y) = f.to_px((113.0, 23.0));
        assert!(
            (x - 150.0).abs() < 1e-6 && (y - 100.0).abs() < 1e-6,
            "{x},{y}"
        );
    }
}
