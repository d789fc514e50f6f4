//! Linear scales and "nice" axis ticks.

/// Maps a data domain `[0, max]` onto a pixel range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    /// Domain end (domain start is 0: bars must start at zero to be honest).
    pub max: f64,
    /// Pixel of 0.
    pub px_start: f64,
    /// Pixel of `max`.
    pub px_end: f64,
}

impl LinearScale {
    /// Pixel of `value`, clamped to the range.
    pub fn px(&self, value: f64) -> f64 {
        if self.max <= 0.0 {
            return self.px_start;
        }
        let t = (value / self.max).clamp(0.0, 1.0);
        self.px_start + t * (self.px_end - self.px_start)
    }
}

/// A step of 1, 2 or 5 × 10ⁿ that splits `[0, max]` into about `target` intervals.
pub fn nice_step(max: f64, target: usize) -> f64 {
    if !(max.is_finite() && max > 0.0) || target == 0 {
        return 1.0;
    }
    let raw = max / target as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let residual = raw / magnitude;
    let nice = if residual <= 1.0 {
        1.0
    } else if residual <= 2.0 {
        2.0
    } else if residual <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Ticks from 0 to the first multiple of the step at or above `max` (so the axis ends on a tick).
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    let step = nice_step(max, target);
    let count = (max / step).ceil().max(1.0) as usize;
    (0..=count)
        .map(|i| (i as f64 * step * 1e9).round() / 1e9)
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(nice_ticks(73.0, 4), vec![0.0, 20.0, 40.0, 60.0, 80.0]);
        assert_eq!(
            nice_ticks(100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(
            nice_ticks(7000.0, 4),
            vec![0.0, 2000.0, 4000.0, 6000.0, 8000.0]
        );
        assert_eq!(nice_ticks(0.6, 3), vec![0.0, 0.2, 0.4, 0.6]);
        assert_eq!(nice_ticks(1.5, 4), vec![0.0, 0.5, 1.0, 1.5]);
    }

    #[test]
    fn degenerate_domains_do_not_divide_by_zero() {
        assert_eq!(nice_ticks(0.0, 4), vec![0.0, 1.0]);
        assert_eq!(nice_step(f64::NAN, 4), 1.0);
        let s = LinearScale {
            max: 0.0,
            px_start: 10.0,
            px_end: 110.0,
        };
        assert_eq!(s.px(5.0), 10.0);
    }

    #[test]
    fn scale_maps_and_clamps() {
        let s = LinearScale {
            max: 100.0,
            px_start: 10.0,
            px_end: 110.0,
        };
        assert_eq!(s.px(50.0), 60.0);
        assert_eq!(s.px(200.0), 110.0);
        assert_eq!(s.px(-1.0), 10.0);
    }
}
