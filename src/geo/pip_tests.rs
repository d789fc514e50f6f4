//! Tests of `pip`: squares, holes, concave shapes and the boundary rule.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use super::*;

fn square(x0: i32, y0: i32, x1: i32, y1: i32) -> Vec<Px> {
    vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
}

#[test]
fn square_inside_and_outside() {
    let sq = vec![square(0, 0, 10, 10)];
    assert!(point_in_polygon(&sq, 5.0, 5.0));
    assert!(point_in_polygon(&sq, 0.5, 9.5));
    assert!(!point_in_polygon(&sq, -0.5, 5.0));
    assert!(!point_in_polygon(&sq, 5.0, 10.5));
    assert!(!point_in_polygon(&sq, 11.0, 5.0));
}

#[test]
fn hole_is_outside_even_when_wound_the_same_way() {
    let mut hole = square(3, 3, 7, 7);
    let donut = vec![square(0, 0, 10, 10), hole.clone()];
    assert!(!point_in_polygon(&donut, 5.0, 5.0));
    assert!(point_in_polygon(&donut, 1.5, 5.0));
    hole.reverse();
    let donut = vec![square(0, 0, 10, 10), hole];
    assert!(
        !point_in_polygon(&donut, 5.0, 5.0),
        "even-odd ignores winding"
    );
    assert!((polygon_area(&donut) - 84.0).abs() < 1e-9);
}

#[test]
fn concave_u_shape() {
    // A U open at the top: the notch between the arms is outside.
    let u = vec![vec![
        (0, 0),
        (3, 0),
        (3, 7),
        (7, 7),
        (7, 0),
        (10, 0),
        (10, 10),
        (0, 10),
    ]];
    assert!(point_in_polygon(&u, 1.0, 1.0));
    assert!(point_in_polygon(&u, 9.0, 1.0));
    assert!(!point_in_polygon(&u, 5.0, 3.0), "in the notch");
    assert!(point_in_polygon(&u, 5.0, 8.0), "below the notch");
    // The centroid of a U lies in the notch; the label point must not.
    let c = centroid(&u[0]).unwrap();
    assert!(!point_in_polygon(&u, c.0, c.1));
    let l = label_point(&u).unwrap();
    assert!(
        point_in_polygon(&u, f64::from(l.0), f64::from(l.1)),
        "{l:?}"
    );
}

#[test]
fn boundary_points_are_decided_by_the_documented_rule() {
    let sq = vec![square(0, 0, 10, 10)];
    // Closed on the low-x and low-y sides, open on the high sides, like pixel rasterisation.
    assert!(point_in_polygon(&sq, 0.0, 5.0), "left edge");
    assert!(!point_in_polygon(&sq, 10.0, 5.0), "right edge");
    assert!(point_in_polygon(&sq, 5.0, 0.0), "top edge (y down)");
    assert!(!point_in_polygon(&sq, 5.0, 10.0), "bottom edge");
    assert!(point_in_polygon(&sq, 0.0, 0.0), "top-left vertex");
    for (x, y) in [(10.0, 0.0), (10.0, 10.0), (0.0, 10.0)] {
        assert!(!point_in_polygon(&sq, x, y), "vertex {x},{y}");
    }
}

#[test]
fn a_point_on_a_shared_edge_belongs_to_exactly_one_neighbour() {
    // Two triangles sharing a slanted edge, wound in opposite directions.
    let a = vec![vec![(0, 0), (10, 0), (0, 7)]];
    let b = vec![vec![(10, 0), (10, 7), (0, 7)]];
    for k in 0..=70 {
        let t = f64::from(k) / 70.0;
        let (x, y) = (10.0 - 10.0 * t, 7.0 * t);
        let n = usize::from(point_in_polygon(&a, x, y)) + usize::from(point_in_polygon(&b, x, y));
        assert!(n <= 1, "claimed twice at {x},{y}");
        if y > 0.0 && y < 7.0 {
            assert_eq!(n, 1, "claimed by none at {x},{y}");
        }
    }
}

#[test]
fn area_centroid_and_degenerate_rings() {
    let sq = square(0, 0, 4, 2);
    assert!((ring_area(&sq).abs() - 8.0).abs() < 1e-9);
    assert_eq!(centroid(&sq), Some((2.0, 1.0)));
    assert_eq!(centroid(&[(1, 1), (2, 2), (3, 3)]), None);
    assert_eq!(polygon_area(&[]), 0.0);
    assert_eq!(label_point(&[]), None);
    assert_eq!(label_point(&[vec![(1, 1), (2, 2), (3, 3)]]), None);
    assert!(!point_in_polygon(&[vec![]], 0.0, 0.0));
}

#[test]
fn label_point_avoids_a_hole_at_the_centroid() {
    let donut = vec![square(0, 0, 40, 20), square(10, 5, 30, 15)];
    let l = label_point(&donut).unwrap();
    assert!(
        point_in_polygon(&donut, f64::from(l.0), f64::from(l.1)),
        "{l:?}"
    );
}
