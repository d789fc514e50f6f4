//! Class breaks for a choropleth of small counts (how many tasks name a city).
//!
//! 0 is always a class of its own: "never named" is a different statement from "named once".
//! The other values get at most four classes, cut where the data has natural gaps (Fisher–Jenks:
//! the split with the least squared deviation within classes, exact by dynamic programming over
//! the distinct values). Counts are skewed (two cities dominate), so equal-width classes would put
//! almost every city in the first class, and quantiles would split equal values. Classes are
//! contiguous integer ranges, so every count belongs to exactly one class.

/// One class: an inclusive range of counts and its label (`0`, `1`, `2–3`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassBin {
    /// Smallest count in the class.
    pub min: u32,
    /// Largest count in the class.
    pub max: u32,
    /// The range as written in the legend, language-neutral.
    pub label: String,
}

/// At most this many classes, the zero class included.
pub const MAX_CLASSES: usize = 5;

/// Above this many distinct values, breaks fall back to quantiles of the distinct values (the
/// exact method is quadratic; city counts have at most 21 values, so this never happens here).
const EXACT_LIMIT: usize = 512;

fn bin(min: u32, max: u32) -> ClassBin {
    let label = if min == max {
        min.to_string()
    } else {
        format!("{min}–{max}")
    };
    ClassBin { min, max, label }
}

/// Class breaks for `values`: the zero class, then up to four classes of the non-zero values.
pub fn breaks(values: &[u32]) -> Vec<ClassBin> {
    let mut distinct: Vec<(u32, f64)> = Vec::new(); // (value, how many times)
    let mut sorted: Vec<u32> = values.iter().copied().filter(|v| *v > 0).collect();
    crate::sort::sort_by(&mut sorted, u32::cmp);
    for v in sorted {
        match distinct.last_mut() {
            Some((last, n)) if *last == v => *n += 1.0,
            _ => distinct.push((v, 1.0)),
        }
    }
    let k = distinct.len().min(MAX_CLASSES - 1);
    let starts: Vec<usize> = if distinct.len() <= k {
        (0..k).collect()
    } else if distinct.len() > EXACT_LIMIT {
        (0..k).map(|i| i * distinct.len() / k).collect()
    } else {
        jenks_starts(&distinct, k)
    };
    let value = |i: usize| distinct.get(i).map_or(0, |d| d.0);
    let mut bins = vec![bin(0, 0)];
    for (j, &s) in starts.iter().enumerate() {
        let max = match starts.get(j + 1) {
            Some(&next) => value(next).saturating_sub(1),
            None => value(distinct.len().saturating_sub(1)),
        };
        bins.push(bin(value(s), max));
    }
    bins
}

/// Start indices (into `distinct`) of the `k` classes with the least within-class weighted
/// squared deviation. Ties keep the earliest cut, so the result is deterministic.
fn jenks_starts(distinct: &[(u32, f64)], k: usize) -> Vec<usize> {
    let n = distinct.len();
    // Prefix sums of weight, weight·value, weight·value² give any class's deviation in O(1).
    let mut pre = vec![(0.0, 0.0, 0.0); n + 1];
    for (i, &(v, w)) in distinct.iter().enumerate() {
        let (v, p) = (f64::from(v), pre[i]);
        pre[i + 1] = (p.0 + w, p.1 + w * v, p.2 + w * v * v);
    }
    let ssd = |a: usize, b: usize| {
        let (w, s, s2) = (
            pre[b].0 - pre[a].0,
            pre[b].1 - pre[a].1,
            pre[b].2 - pre[a].2,
        );
        s2 - s * s / w
    };
    // cost[j][m]: best cost of the first m values in j + 1 classes; cut[j][m]: where the last starts.
    let mut cost = vec![vec![f64::INFINITY; n + 1]; k];
    let mut cut = vec![vec![0usize; n + 1]; k];
    for (m, c) in cost[0].iter_mut().enumerate().skip(1) {
        *c = ssd(0, m);
    }
    for j in 1..k {
        for m in (j + 1)..=n {
            for i in j..m {
                let c = cost[j - 1][i] + ssd(i, m);
                if c < cost[j][m] - 1e-9 {
                    cost[j][m] = c;
                    cut[j][m] = i;
                }
            }
        }
    }
    let mut starts = vec![0usize; k];
    let mut m = n;
    for j in (1..k).rev() {
        starts[j] = cut[j][m];
        m = cut[j][m];
    }
    starts
}

/// The index of the class holding `value`. A non-zero value below the first non-zero class (or
/// above the last) goes to the nearest class, so a count is never left without a colour.
pub fn class_of(bins: &[ClassBin], value: u32) -> Option<usize> {
    if value == 0 {
        return bins.iter().position(|b| b.min == 0);
    }
    let last = bins.iter().rposition(|b| b.min <= value);
    match last {
        Some(i) if bins.get(i).is_some_and(|b| b.max > 0) => Some(i),
        _ => bins.iter().position(|b| b.max > 0).or(last),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    fn labels(values: &[u32]) -> Vec<String> {
        breaks(values).into_iter().map(|b| b.label).collect()
    }

    #[test]
    fn zero_is_its_own_class_even_with_no_data() {
        assert_eq!(labels(&[]), ["0"]);
        assert_eq!(labels(&[0, 0, 0]), ["0"]);
        assert_eq!(labels(&[0, 1]), ["0", "1"]);
    }

    #[test]
    fn few_distinct_values_each_start_a_class() {
        assert_eq!(labels(&[0, 1, 3, 7, 7]), ["0", "1–2", "3–6", "7"]);
    }

    #[test]
    fn the_plans_city_counts_break_at_natural_gaps() {
        // Tasks naming each city (data/csv/task_cities.csv): 12 cities are never named.
        let mut counts = vec![10, 8, 4, 4, 3, 2, 2, 2, 1];
        counts.extend([0; 12]);
        let bins = breaks(&counts);
        assert_eq!(bins.len(), MAX_CLASSES);
        // Shenzhen (8) and Guangzhou (10) each stand alone; 1–2 and 3–4 are the tight groups.
        assert_eq!(labels(&counts), ["0", "1–2", "3–7", "8–9", "10"]);
        for v in 0..=12 {
            assert!(class_of(&bins, v).is_some(), "{v}");
        }
        assert_eq!(class_of(&bins, 0), Some(0));
        assert_eq!(class_of(&bins, 5), Some(2));
        assert_eq!(class_of(&bins, 99), Some(4));
    }

    #[test]
    fn classes_are_contiguous_and_ordered() {
        let values: Vec<u32> = (0..200).map(|i| (i * i) % 37).collect();
        let bins = breaks(&values);
        assert!(bins.len() <= MAX_CLASSES);
        for w in bins.windows(2) {
            assert_eq!(w[1].min, w[0].max + 1, "{bins:?}");
        }
        let many: Vec<u32> = (1..=2000).collect();
        assert_eq!(breaks(&many).len(), MAX_CLASSES);
    }

    #[test]
    fn values_below_the_first_class_go_to_it() {
        let bins = breaks(&[0, 5, 9]);
        assert_eq!(class_of(&bins, 2), Some(1));
        assert_eq!(class_of(&[bin(0, 0)], 3), Some(0));
    }
}
