// Internal to the repair stage: the sort of its few short, once-built lists (a token's
// readings, the code-page tables at start-up). Stable, and a few hundred bytes of wasm where
// std::sort and std::stable_sort are kilobytes each for every element type.
#pragma once

#include <algorithm>

namespace winnow::detail {

// Sorts [first, last) by `less`, keeping equal elements in their order. Quadratic: for
// lists of tens or hundreds of elements.
template <typename Iterator, typename Less>
void insertion_sort(Iterator first, Iterator last, Less less) {
  for (Iterator it = first; it != last; ++it)
    std::rotate(std::upper_bound(first, it, *it, less), it, std::next(it));
}

}  // namespace winnow::detail
