//! Pixel rectangles: panel frames, hit boxes and clip windows.

/// A pixel rectangle, `x0 ≤ x1`, `y0 ≤ y1`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PxRect {
    /// Left.
    pub x0: i32,
    /// Top.
    pub y0: i32,
    /// Right.
    pub x1: i32,
    /// Bottom.
    pub y1: i32,
}

impl PxRect {
    /// Width in pixels.
    pub fn width(&self) -> i32 {
        self.x1 - self.x0
    }
    /// Height in pixels.
    pub fn height(&self) -> i32 {
        self.y1 - self.y0
    }
    /// Whether (x, y) is inside, edges included.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        f64::from(self.x0) <= x
            && x <= f64::from(self.x1)
            && f64::from(self.y0) <= y
            && y <= f64::from(self.y1)
    }
    /// Whether the two rectangles share any interior area.
    pub fn overlaps(&self, o: &PxRect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    /// As floating point (x0, y0, x1, y1), for fitting and clipping.
    pub fn to_f64(self) -> (f64, f64, f64, f64) {
        (
            f64::from(self.x0),
            f64::from(self.y0),
            f64::from(self.x1),
            f64::from(self.y1),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const R: PxRect = PxRect {
        x0: 10,
        y0: 20,
        x1: 30,
        y1: 60,
    };

    #[test]
    fn size_and_containment_include_the_edges() {
        assert_eq!((R.width(), R.height()), (20, 40));
        assert!(R.contains(10.0, 20.0) && R.contains(30.0, 60.0) && R.contains(20.5, 33.3));
        assert!(!R.contains(9.99, 30.0) && !R.contains(20.0, 60.01));
        assert!(!R.contains(f64::NAN, 30.0));
        assert_eq!(R.to_f64(), (10.0, 20.0, 30.0, 60.0));
    }

    #[test]
    fn touching_rectangles_do_not_overlap() {
        let right = PxRect {
            x0: 30,
            x1: 50,
            ..R
        };
        assert!(!R.overlaps(&right) && !right.overlaps(&R));
        let inside = PxRect {
            x0: 15,
            y0: 25,
            x1: 16,
            y1: 26,
        };
        assert!(R.overlaps(&inside) && inside.overlaps(&R));
        let below = PxRect {
            y0: 60,
            y1: 70,
            ..R
        };
        assert!(!R.overlaps(&below));
    }
}
