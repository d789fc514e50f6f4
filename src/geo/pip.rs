//! Point-in-polygon and label points on pixel rings.
//!
//! Even-odd rule over every ring of a polygon, so holes (enclaves of a neighbouring city) are
//! outside. Boundary rule, chosen so that neighbours sharing an edge never both claim a point:
//! an edge counts when the point's y is in `[low y, high y)` and the point is strictly left of it.
//! A point on a shared edge therefore belongs to exactly one side (the one to its right), and
//! horizontal edges never count. Edge endpoints are ordered by y before the intersection is
//! computed, so both neighbours compute the same x from the same numbers.

/// A pixel point.
pub type Px = (i32, i32);

/// Whether the ray from (x, y) toward +x crosses the edge a–b (half-open in y).
fn crosses(a: Px, b: Px, x: f64, y: f64) -> bool {
    let (lo, hi) = if a.1 <= b.1 { (a, b) } else { (b, a) };
    let (lo_y, hi_y) = (f64::from(lo.1), f64::from(hi.1));
    if !(lo_y <= y && y < hi_y) {
        return false;
    }
    x < edge_x(lo, hi, y)
}

/// The x where the edge lo–hi (lo.y < hi.y) meets the horizontal line at y.
fn edge_x(lo: Px, hi: Px, y: f64) -> f64 {
    let t = (y - f64::from(lo.1)) / (f64::from(hi.1) - f64::from(lo.1));
    f64::from(lo.0) + t * (f64::from(hi.0) - f64::from(lo.0))
}

/// Edges of a ring, closing it whether or not the last point repeats the first.
fn edges(ring: &[Px]) -> impl Iterator<Item = (Px, Px)> + '_ {
    ring.iter()
        .zip(ring.iter().cycle().skip(1))
        .map(|(a, b)| (*a, *b))
}

/// Even-odd test of (x, y) against every ring of a polygon (exterior and holes).
pub fn point_in_polygon(rings: &[Vec<Px>], x: f64, y: f64) -> bool {
    let crossings: usize = rings
        .iter()
        .map(|r| edges(r).filter(|(a, b)| crosses(*a, *b, x, y)).count())
        .sum();
    crossings % 2 == 1
}

/// Signed area (shoelace); positive for clockwise rings on screen (y down).
pub fn ring_area(ring: &[Px]) -> f64 {
    edges(ring)
        .map(|(a, b)| f64::from(a.0) * f64::from(b.1) - f64::from(b.0) * f64::from(a.1))
        .sum::<f64>()
        / 2.0
}

/// Area of a polygon: its exterior minus its holes.
pub fn polygon_area(rings: &[Vec<Px>]) -> f64 {
    let mut it = rings.iter().map(|r| ring_area(r).abs());
    let exterior = it.next().unwrap_or(0.0);
    (exterior - it.sum::<f64>()).max(0.0)
}

/// Area centroid of a ring; `None` for a degenerate ring.
pub fn centroid(ring: &[Px]) -> Option<(f64, f64)> {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for (p, q) in edges(ring) {
        let (px, py, qx, qy) = (
            f64::from(p.0),
            f64::from(p.1),
            f64::from(q.0),
            f64::from(q.1),
        );
        let cross = px * qy - qx * py;
        a += cross;
        cx += (px + qx) * cross;
        cy += (py + qy) * cross;
    }
    (a.abs() > 1e-9).then(|| (cx / (3.0 * a), cy / (3.0 * a)))
}

/// The inside stretches of the horizontal line at `y`, as (x start, x end), even-odd.
pub fn inside_spans(rings: &[Vec<Px>], y: f64) -> Vec<(f64, f64)> {
    let mut xs: Vec<f64> = Vec::new();
    for ring in rings {
        for (a, b) in edges(ring) {
            let (lo, hi) = if a.1 <= b.1 { (a, b) } else { (b, a) };
            if f64::from(lo.1) <= y && y < f64::from(hi.1) {
                xs.push(edge_x(lo, hi, y));
            }
        }
    }
    crate::sort::sort_by(&mut xs, f64::total_cmp);
    xs.chunks_exact(2).map(|c| (c[0], c[1])).collect()
}

/// A label point well inside a polygon: on a few rows around the centroid, the middle of the
/// widest inside stretch. A centroid alone can fall outside a concave city (or in a hole); the
/// widest stretch also gives the label the most room. `None` if the polygon has no inside row.
pub fn label_point(rings: &[Vec<Px>]) -> Option<Px> {
    let exterior = rings.first()?;
    let (min_y, max_y) = exterior.iter().fold((i32::MAX, i32::MIN), |(lo, hi), p| {
        (lo.min(p.1), hi.max(p.1))
    });
    let cy = centroid(exterior).map_or(f64::from(min_y), |c| c.1);
    let step = (f64::from(max_y) - f64::from(min_y)) / 12.0;
    let mut best: Option<(f64, Px)> = None;
    for k in [0, -1, 1, -2, 2, -3, 3] {
        let y = (cy + f64::from(k) * step).round();
        for (x0, x1) in inside_spans(rings, y) {
            // Rows further from the centroid must be clearly wider to win.
            let score = (x1 - x0) * (1.0 - 0.05 * f64::from(k).abs());
            let x = ((x0 + x1) / 2.0).floor();
            let better = match best {
                Some((s, _)) => score > s,
                None => true,
            };
            if x1 - x0 >= 2.0 && better {
                best = Some((score, (x as i32, y as i32)));
            }
        }
    }
    best.map(|(_, p)| p)
}

#[cfg(test)]
#[path = "pip_tests.rs"]
mod tests;
