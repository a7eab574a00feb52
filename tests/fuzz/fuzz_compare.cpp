// libFuzzer target: any bytes, cut in two at the first 0x1E byte, compared, fingerprinted
// and indexed. Similarities lie in [0, 1], passages inside both texts, equal texts have
// Jaccard 1, and the index finds the pair whenever the exact similarity reaches its threshold
// on identical texts.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "winnow/winnow.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = std::min(bytes.find('\x1E'), bytes.size());
  const std::string_view a = bytes.substr(0, cut),
                         b = bytes.substr(std::min(cut + 1, bytes.size()));
  const winnow::Similarity s = winnow::compare(a, b, 1 + (size % 7));
  if (!(s.jaccard >= 0 && s.jaccard <= 1 && s.containment_ab >= 0 && s.containment_ab <= 1))
    std::abort();
  for (const winnow::Passage& p : s.passages) {
    if (p.a_begin >= p.a_end || p.a_end > a.size() || p.b_begin >= p.b_end || p.b_end > b.size())
      std::abort();
  }
  (void)winnow::similarity_json(s, a);
  if (winnow::estimate_jaccard(winnow::signature(a), winnow::signature(a)) !=
      (winnow::shingle_set(a).empty() ? 0.0 : 1.0)) {
    std::abort();
  }
  winnow::Index index({.threshold = 0.05 + (size % 20) * 0.05});
  index.add(a);
  index.add(b);
  index.add(a);
  const std::vector<winnow::Pair> pairs = index.pairs();
  const bool a_has_words = !winnow::shingle_set(a).empty();
  const bool found = std::any_of(pairs.begin(), pairs.end(),
                                 [](const winnow::Pair& p) { return p.a == 0 && p.b == 2; });
  if (a_has_words != found) std::abort();  // identical texts have Jaccard 1: always a pair
  index.remove(1);
  if (winnow::Index::load(index.save())->save() != index.save()) std::abort();
  return 0;
}
