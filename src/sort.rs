//! One stable sort for the whole app.
//!
//! `slice::sort_by` is generic over the element and the comparator, so every call site compiled
//! its own copy of the standard library's driftsort (about 3.5 KB of Wasm each, ten of them;
//! issue #15). Here only a list of indices is sorted, with the comparison behind a `&dyn Fn`, and
//! the elements are then moved into place: one copy of the algorithm, same result (stable).
//! Pure module (no leptos or web-sys), used by the charts, the map, search and the views.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal elements in their order (like `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let items: &[T] = items;
        sort_indices(&mut order, &|a, b| match (items.get(a), items.get(b)) {
            (Some(a), Some(b)) => compare(a, b),
            _ => Ordering::Equal,
        });
    }
    apply(items, &mut order);
}

/// Sorts `items` by a key, like `slice::sort_by_key` (stable).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The one instance of the standard library's stable sort.
#[inline(never)]
fn sort_indices(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Moves `items[order[k]]` to position `k` for every k, following each cycle of the permutation
/// (`order` is used up: each visited place is marked with `usize::MAX`).
fn apply<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        while let Some(slot) = order.get_mut(at) {
            let from = std::mem::replace(slot, usize::MAX);
            if from == usize::MAX || from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        // (key, original position): ties must keep ascending positions.
        let mut seed = 7u64;
        for len in [0usize, 1, 2, 3, 5, 8, 21, 100, 257] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted, "len {len}");
            let mut by_key = items;
            sort_by_key(&mut by_key, |p| std::cmp::Reverse(p.0));
            std_sorted.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(by_key, std_sorted, "len {len}, by key");
        }
    }
}
