//! Large line charts: min/max per pixel column decimation, then one polyline drawn by plotters.
//!
//! A line of a million points drawn into 800 pixel columns cannot show more than a few points per
//! column, so [`decimate`] keeps, for every column, its first and last point and its minimum and
//! maximum (the M4 rule), in x order. That is faithful: the drawn line covers exactly the same
//! vertical extent in every column as the full line would (extremes are never dropped), and the
//! output has at most four points per column, so drawing costs O(width) after one O(n) pass.
//!
//! Pure module (no leptos, web-sys or gloo): tested natively, used by the bench-only page
//! `src/bin/bench_line.rs`.

use plotters::prelude::*;

use super::{Theme, FONT_FAMILY};

/// One kept point: its index in the input (its x) and its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Index in the input series (the x value).
    pub index: usize,
    /// The y value.
    pub value: f64,
}

/// The pixel column of point `index` among `n` points spread over `columns` columns.
pub fn column_of(index: usize, n: usize, columns: usize) -> usize {
    if n == 0 || columns == 0 {
        return 0;
    }
    // u128 so that index × columns never overflows, whatever the sizes.
    ((index as u128 * columns as u128) / n as u128) as usize
}

/// Keeps, for each of `columns` pixel columns, the first, minimum, maximum and last finite point
/// (each at most once, in index order). Non-finite values (NaN, ±∞) are gaps and are skipped.
/// With `columns == 0` nothing is kept.
pub fn decimate(values: &[f64], columns: usize) -> Vec<Point> {
    let n = values.len();
    let mut out = Vec::with_capacity(columns.saturating_mul(4).min(n));
    if columns == 0 {
        return out;
    }
    // Current column: (column, first, min, max, last).
    let mut current: Option<(usize, Point, Point, Point, Point)> = None;
    let flush = |out: &mut Vec<Point>, c: (usize, Point, Point, Point, Point)| {
        let (_, first, min, max, last) = c;
        let mut kept = [first, min, max, last];
        crate::sort::sort_by_key(&mut kept, |p| p.index);
        let mut previous = None;
        for p in kept {
            if previous != Some(p.index) {
                out.push(p);
                previous = Some(p.index);
            }
        }
    };
    for (index, &value) in values.iter().enumerate() {
        if !value.is_finite() {
            continue;
        }
        let p = Point { index, value };
        let col = column_of(index, n, columns);
        match current.as_mut() {
            Some((c, _, min, max, last)) if *c == col => {
                if value < min.value {
                    *min = p;
                }
                if value > max.value {
                    *max = p;
                }
                *last = p;
            }
            _ => {
                if let Some(done) = current.take() {
                    flush(&mut out, done);
                }
                current = Some((col, p, p, p, p));
            }
        }
    }
    if let Some(done) = current {
        flush(&mut out, done);
    }
    out
}

/// Smallest and largest finite value, or `None` when there is none.
pub fn extent(values: &[f64]) -> Option<(f64, f64)> {
    values
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

/// Pixel margins of the plot area inside the SVG: left (y labels), right, top, bottom (x labels).
const MARGIN: (u32, u32, u32, u32) = (56, 12, 12, 28);

/// Draws `values` (x = index) as one line in a `width` × `height` SVG, decimated to the plot
/// area's pixel columns. Returns the SVG and how many points were drawn.
pub fn to_svg(values: &[f64], width: u32, height: u32, theme: Theme) -> (String, usize) {
    let width = width.max(MARGIN.0 + MARGIN.1 + 10);
    let height = height.max(MARGIN.2 + MARGIN.3 + 10);
    let columns = (width - MARGIN.0 - MARGIN.1) as usize;
    let points = decimate(values, columns);
    let (lo, hi) = extent(values).unwrap_or((0.0, 1.0));
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 1.0, hi + 1.0)
    };
    let x_max = values.len().max(2) as f64 - 1.0;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        // Drawing into a string cannot fail for I/O reasons; a partial SVG is still valid markup.
        let _ = draw(&root, &points, (x_max, lo, hi), theme);
    }
    (svg, points.len())
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    points: &[Point],
    (x_max, lo, hi): (f64, f64, f64),
    theme: Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let rgb = |(r, g, b): (u8, u8, u8)| RGBColor(r, g, b);
    root.fill(&rgb(theme.background))?;
    let mut chart = ChartBuilder::on(root)
        .margin_top(MARGIN.2)
        .margin_right(MARGIN.1)
        .x_label_area_size(MARGIN.3)
        .y_label_area_size(MARGIN.0)
        .build_cartesian_2d(0.0..x_max, lo..hi)
        .map_err(|e| match e {
            DrawingAreaErrorKind::BackendError(b) => DrawingAreaErrorKind::BackendError(b),
            DrawingAreaErrorKind::SharingError => DrawingAreaErrorKind::SharingError,
            DrawingAreaErrorKind::LayoutError => DrawingAreaErrorKind::LayoutError,
        })?;
    let label = (FontFamily::Name(FONT_FAMILY), 11)
        .into_font()
        .color(&rgb(theme.muted));
    chart
        .configure_mesh()
        .x_labels(5)
        .y_labels(5)
        .light_line_style(rgb(theme.grid).mix(0.0))
        .bold_line_style(rgb(theme.grid))
        .axis_style(rgb(theme.muted))
        .label_style(label)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .draw()?;
    chart.draw_series(LineSeries::new(
        points.iter().map(|p| (p.index as f64, p.value)),
        rgb(theme.series_2017).stroke_width(1),
    ))?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    /// A deterministic pseudo-random walk with spikes (xorshift; no dependency, same every run).
    fn walk(n: usize, seed: u64) -> Vec<f64> {
        let mut s = seed.max(1);
        let mut y = 0.0;
        (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                let r = (s % 10_000) as f64 / 10_000.0 - 0.5;
                y += r;
                if s.is_multiple_of(997) {
                    y + 50.0 * r // a one-point spike, the kind naive sampling drops
                } else {
                    y
                }
            })
            .collect()
    }

    /// Checks the decimation contract against the full series, column by column.
    fn assert_faithful(values: &[f64], columns: usize) {
        let kept = decimate(values, columns);
        let n = values.len();
        assert!(
            kept.windows(2).all(|w| w[0].index < w[1].index),
            "index order"
        );
        assert!(
            kept.iter().all(|p| values[p.index] == p.value),
            "values are the inputs'"
        );
        // Every column's finite points (one pass), then its kept points.
        let mut full: Vec<Vec<(usize, f64)>> = vec![Vec::new(); columns];
        for (i, &v) in values.iter().enumerate() {
            if v.is_finite() {
                full[column_of(i, n, columns)].push((i, v));
            }
        }
        let mut mine: Vec<Vec<Point>> = vec![Vec::new(); columns];
        for p in &kept {
            mine[column_of(p.index, n, columns)].push(*p);
        }
        for (col, (full, mine)) in full.iter().zip(&mine).enumerate() {
            assert!(mine.len() <= 4, "column {col} keeps {} points", mine.len());
            if full.is_empty() {
                assert!(mine.is_empty());
                continue;
            }
            let min = full.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
            let max = full.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
            assert!(
                mine.iter().any(|p| p.value == min),
                "column {col} lost its min {min}"
            );
            assert!(
                mine.iter().any(|p| p.value == max),
                "column {col} lost its max {max}"
            );
            assert_eq!(
                mine.first().map(|p| p.index),
                full.first().map(|p| p.0),
                "column {col} first"
            );
            assert_eq!(
                mine.last().map(|p| p.index),
                full.last().map(|p| p.0),
                "column {col} last"
            );
        }
    }

    #[test]
    fn every_column_keeps_its_extremes_first_and_last() {
        for (n, columns, seed) in [
            (1_000_000, 800, 7),
            (100_003, 777, 11),
            (10_000, 800, 3),
            (50, 800, 5),
            (801, 800, 9),
        ] {
            assert_faithful(&walk(n, seed), columns);
        }
    }

    #[test]
    fn a_single_spike_survives() {
        let mut values = vec![0.0; 100_000];
        values[54_321] = 1e6;
        values[12_345] = -1e6;
        let kept = decimate(&values, 300);
        assert!(kept.contains(&Point {
            index: 54_321,
            value: 1e6
        }));
        assert!(kept.contains(&Point {
            index: 12_345,
            value: -1e6
        }));
        assert!(kept.len() <= 4 * 300);
    }

    #[test]
    fn few_points_are_all_kept() {
        let values = walk(300, 1);
        let kept = decimate(&values, 800);
        assert_eq!(kept.len(), 300);
        assert!(kept.iter().enumerate().all(|(i, p)| p.index == i));
    }

    #[test]
    fn gaps_and_edge_cases() {
        assert!(decimate(&[], 10).is_empty());
        assert!(decimate(&[1.0, 2.0], 0).is_empty());
        let values = [f64::NAN, 3.0, f64::INFINITY, -2.0, f64::NAN];
        let kept = decimate(&values, 1);
        assert_eq!(
            kept,
            vec![
                Point {
                    index: 1,
                    value: 3.0
                },
                Point {
                    index: 3,
                    value: -2.0
                }
            ]
        );
        assert_faithful(&values, 2);
        assert_eq!(extent(&values), Some((-2.0, 3.0)));
        assert_eq!(extent(&[f64::NAN]), None);
    }

    #[test]
    fn columns_cover_the_series_evenly() {
        assert_eq!(column_of(0, 1_000_000, 800), 0);
        assert_eq!(column_of(999_999, 1_000_000, 800), 799);
        assert_eq!(
            column_of(usize::MAX - 1, usize::MAX, usize::MAX),
            usize::MAX - 1
        );
        let counts = (0..10_000).fold(vec![0; 7], |mut c, i| {
            c[column_of(i, 10_000, 7)] += 1;
            c
        });
        assert!(counts.iter().all(|&k| k == 1428 || k == 1429), "{counts:?}");
    }

    #[test]
    fn svg_draws_the_decimated_line_spanning_the_extremes() {
        let mut values = walk(200_000, 42);
        values[100_000] = 1_000.0; // far above everything else: must reach the top of the plot
        let (svg, drawn) = to_svg(&values, 800, 300, Theme::LIGHT);
        assert!(drawn > 800 && drawn <= 4 * (800 - 68), "{drawn} points");
        // The data line is the polyline with the most points (axes and grid lines have two).
        let pts = svg
            .split("<polyline")
            .skip(1)
            .filter_map(|p| p.split("points=\"").nth(1)?.split('"').next())
            .max_by_key(|p| p.len())
            .expect("a polyline");
        let ys: Vec<f64> = pts
            .split_whitespace()
            .map(|xy| xy.split(',').nth(1).unwrap().parse().unwrap())
            .collect();
        assert_eq!(ys.len(), drawn);
        let top = ys.iter().copied().fold(f64::INFINITY, f64::min);
        assert!(top <= f64::from(MARGIN.2) + 1.0, "spike drawn at y={top}");
        // Nothing of the plot is lost at the bottom either: the lowest point reaches the axis.
        let bottom = ys.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert!(
            bottom >= f64::from(300 - MARGIN.3) - 2.0,
            "lowest point at y={bottom}"
        );
    }
}
