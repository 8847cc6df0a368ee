//! Sorting the app's short lists (a year's bank holidays, a policy's dates, a text's
//! languages) by insertion. The standard library's sort is several kilobytes of code for each
//! type it sorts, in every wasm; these lists have a handful of items.

/// Sorts `items` by `key`, keeping items with equal keys in their order (as `sort_by_key`).
/// Quadratic: only for lists of tens of items.
pub fn sort_short_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..40)) {
            let mut ours = items.clone();
            let mut theirs = items;
            sort_short_by_key(&mut ours, |&(key, _)| key);
            theirs.sort_by_key(|&(key, _)| key);
            prop_assert_eq!(ours, theirs);
        }
    }
}
