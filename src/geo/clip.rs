//! Clipping projected rings to a panel's rectangle.
//!
//! plotters draws whatever it is given (SVG has no clip here, and we never write SVG ourselves),
//! so the PRD inset, which cuts through Huizhou, Jiangmen and Qingyuan, would spill over the main
//! map. Fills are clipped with Sutherland–Hodgman (exact for a rectangular window; concave rings
//! may gain zero-width edges along the border, which fill nothing). Outlines are clipped as
//! polylines (Liang–Barsky per segment) so that the frame does not get a second, fake border.

/// A pixel rectangle in floating point: (x0, y0, x1, y1), x0 ≤ x1, y0 ≤ y1.
pub type RectF = (f64, f64, f64, f64);

/// A point in floating-point pixels.
pub type PtF = (f64, f64);

/// The part of a closed ring inside `rect` (Sutherland–Hodgman), as an open ring; empty if none.
pub fn clip_ring(ring: &[PtF], rect: RectF) -> Vec<PtF> {
    let (x0, y0, x1, y1) = rect;
    // Each window edge: is a point inside it, and where does a segment cross it.
    let inside: [&dyn Fn(PtF) -> bool; 4] =
        [&|p| p.0 >= x0, &|p| p.0 <= x1, &|p| p.1 >= y0, &|p| {
            p.1 <= y1
        }];
    let cross_x = |a: PtF, b: PtF, x: f64| (x, a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0));
    let cross_y = |a: PtF, b: PtF, y: f64| (a.0 + (b.0 - a.0) * (y - a.1) / (b.1 - a.1), y);
    let mut out: Vec<PtF> = ring.to_vec();
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    for (k, keep) in inside.iter().enumerate() {
        let input = std::mem::take(&mut out);
        let Some(&last) = input.last() else {
            return out;
        };
        let mut prev = last;
        for &cur in &input {
            let (cin, pin) = (keep(cur), keep(prev));
            if cin != pin {
                out.push(match k {
                    0 => cross_x(prev, cur, x0),
                    1 => cross_x(prev, cur, x1),
                    2 => cross_y(prev, cur, y0),
                    _ => cross_y(prev, cur, y1),
                });
            }
            if cin {
                out.push(cur);
            }
            prev = cur;
        }
    }
    out
}

/// The pieces of a polyline inside `rect` (Liang–Barsky on each segment, pieces joined where
/// consecutive segments meet). `closed` adds the segment from the last point back to the first.
pub fn clip_polyline(points: &[PtF], closed: bool, rect: RectF) -> Vec<Vec<PtF>> {
    let mut pieces: Vec<Vec<PtF>> = Vec::new();
    let mut current: Vec<PtF> = Vec::new();
    let closing = points.first().filter(|_| closed && points.len() > 2);
    let mut segments = points.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>();
    if let (Some(&first), Some(&last)) = (closing, points.last()) {
        if first != last {
            segments.push((last, first));
        }
    }
    for (a, b) in segments {
        match clip_segment(a, b, rect) {
            Some((p, q)) => {
                if current.last() != Some(&p) {
                    if current.len() > 1 {
                        pieces.push(std::mem::take(&mut current));
                    }
                    current.clear();
                    current.push(p);
                }
                current.push(q);
            }
            None => {
                if current.len() > 1 {
                    pieces.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() > 1 {
        pieces.push(current);
    }
    pieces
}

/// Liang–Barsky: the part of segment a–b inside `rect`, if any.
fn clip_segment(a: PtF, b: PtF, rect: RectF) -> Option<(PtF, PtF)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - rect.0),
        (dx, rect.2 - a.0),
        (-dy, a.1 - rect.1),
        (dy, rect.3 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None; // parallel to this edge and outside it
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    (t0 <= t1).then(|| {
        let at = |t: f64| (a.0 + t * dx, a.1 + t * dy);
        (at(t0), at(t1))
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    fn area(r: &[PtF]) -> f64 {
        let n = r.len();
        (0..n)
            .map(|i| {
                let (a, b) = (r[i], r[(i + 1) % n]);
                a.0 * b.1 - b.0 * a.1
            })
            .sum::<f64>()
            .abs()
            / 2.0
    }

    #[test]
    fn ring_is_cut_to_the_window() {
        let sq = [
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (0.0, 10.0),
            (0.0, 0.0),
        ];
        let half = clip_ring(&sq, (5.0, -1.0, 20.0, 20.0));
        assert!((area(&half) - 50.0).abs() < 1e-9, "{half:?}");
        assert!(clip_ring(&sq, (20.0, 20.0, 30.0, 30.0)).is_empty());
        assert_eq!(
            clip_ring(&sq, (-1.0, -1.0, 11.0, 11.0)).len(),
            4,
            "inside: unchanged"
        );
        assert!(clip_ring(&[], (0.0, 0.0, 1.0, 1.0)).is_empty());
    }

    #[test]
    fn polyline_pieces_join_inside_and_split_outside() {
        // Leaves the window on the right and comes back: two pieces.
        let line = [
            (1.0, 1.0),
            (5.0, 1.0),
            (15.0, 1.0),
            (15.0, 5.0),
            (5.0, 5.0),
            (2.0, 5.0),
        ];
        let pieces = clip_polyline(&line, false, (0.0, 0.0, 10.0, 10.0));
        assert_eq!(
            pieces,
            vec![
                vec![(1.0, 1.0), (5.0, 1.0), (10.0, 1.0)],
                vec![(10.0, 5.0), (5.0, 5.0), (2.0, 5.0)]
            ]
        );
        let tri = [(1.0, 1.0), (4.0, 1.0), (1.0, 4.0)];
        let closed = clip_polyline(&tri, true, (0.0, 0.0, 10.0, 10.0));
        assert_eq!(
            closed,
            vec![vec![(1.0, 1.0), (4.0, 1.0), (1.0, 4.0), (1.0, 1.0)]]
        );
        assert!(clip_polyline(&tri, true, (20.0, 20.0, 30.0, 30.0)).is_empty());
    }
}
