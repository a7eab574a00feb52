#include "compare/compare.hpp"

#include <algorithm>
#include <cmath>

#include "report/report.hpp"

namespace winnow {
namespace {

struct Window {
  std::uint64_t hash;
  std::uint32_t position;
  bool operator<(const Window& other) const {
    return hash != other.hash ? hash < other.hash : position < other.position;
  }
};

// A window that recurs more often than this in B is filler ("photo photo photo..."): it
// cannot start a passage, which keeps the search linear on hostile input.
constexpr std::size_t kMaxOccurrences = 16;

// Maximal runs of at least k equal words: seed at each shared k-word window of A and B that
// does not continue the run of the previous words, then extend it as far as it goes.
std::vector<Passage> shared_passages(const std::vector<Word>& a, const std::vector<Word>& b,
                                     std::size_t k) {
  std::vector<Passage> passages;
  if (a.size() < k || b.size() < k) return passages;
  std::vector<std::uint64_t> a_hashes(a.size()), b_hashes(b.size());
  for (std::size_t i = 0; i < a.size(); ++i) a_hashes[i] = a[i].hash;
  for (std::size_t j = 0; j < b.size(); ++j) b_hashes[j] = b[j].hash;

  std::vector<Window> windows(b.size() - k + 1);
  for (std::size_t j = 0; j < windows.size(); ++j) {
    windows[j] = {shingle_hash(std::span(b_hashes).subspan(j, k)), static_cast<std::uint32_t>(j)};
  }
  std::sort(windows.begin(), windows.end());

  // Total extension work is bounded too, so that even adversarial pairs stay linear.
  std::size_t budget = 64 * (a.size() + b.size());
  for (std::size_t i = 0; i + k <= a.size() && passages.size() < kMaxPassages && budget > 0; ++i) {
    const std::uint64_t h = shingle_hash(std::span(a_hashes).subspan(i, k));
    auto [first, last] =
        std::equal_range(windows.begin(), windows.end(), Window{h, 0},
                         [](const Window& x, const Window& y) { return x.hash < y.hash; });
    if (last - first > static_cast<std::ptrdiff_t>(kMaxOccurrences)) continue;
    for (auto it = first; it != last && passages.size() < kMaxPassages; ++it) {
      const std::size_t j = it->position;
      if (i > 0 && j > 0 && a_hashes[i - 1] == b_hashes[j - 1]) continue;  // inside an earlier run
      std::size_t length = 0;
      while (i + length < a.size() && j + length < b.size() &&
             a_hashes[i + length] == b_hashes[j + length]) {
        ++length;
      }
      budget = budget > length ? budget - length : 0;
      if (length < k) continue;  // a window-hash collision, not shared words
      passages.push_back({a[i].begin, a[i + length - 1].end, b[j].begin, b[j + length - 1].end,
                          static_cast<std::uint32_t>(length)});
    }
  }
  std::sort(passages.begin(), passages.end(), [](const Passage& x, const Passage& y) {
    return x.a_begin != y.a_begin ? x.a_begin < y.a_begin : x.b_begin < y.b_begin;
  });
  return passages;
}

std::vector<std::uint64_t> hashes_of(const std::vector<Word>& words) {
  std::vector<std::uint64_t> hashes(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) hashes[i] = words[i].hash;
  return hashes;
}

}  // namespace

Similarity compare(std::string_view a, std::string_view b, std::uint32_t shingle_words) {
  const std::uint32_t k = std::clamp<std::uint32_t>(shingle_words, 1, kMaxShingleWords);
  const std::vector<Word> a_words = words_of(a), b_words = words_of(b);
  const std::vector<std::uint64_t> a_set = shingle_set_of_words(hashes_of(a_words), k);
  const std::vector<std::uint64_t> b_set = shingle_set_of_words(hashes_of(b_words), k);
  Similarity s;
  s.shingles_a = a_set.size();
  s.shingles_b = b_set.size();
  s.shared = shared_count(a_set, b_set);
  s.jaccard = jaccard(a_set, b_set);
  s.containment_ab = containment(a_set, b_set);
  s.containment_ba = containment(b_set, a_set);
  s.passages = shared_passages(a_words, b_words, k);
  return s;
}

std::string similarity_json(const Similarity& similarity, std::string_view a) {
  std::string out = "{\"jaccard\":";
  append_json_fraction(out, similarity.jaccard);
  out += ",\"containment_ab\":";
  append_json_fraction(out, similarity.containment_ab);
  out += ",\"containment_ba\":";
  append_json_fraction(out, similarity.containment_ba);
  out += ",\"shingles_a\":" + std::to_string(similarity.shingles_a);
  out += ",\"shingles_b\":" + std::to_string(similarity.shingles_b);
  out += ",\"shared\":" + std::to_string(similarity.shared);
  out += ",\"passages\":[";
  for (std::size_t i = 0; i < similarity.passages.size(); ++i) {
    const Passage& p = similarity.passages[i];
    out += i ? ",{" : "{";
    out += "\"a_start\":" + std::to_string(p.a_begin) + ",\"a_end\":" + std::to_string(p.a_end);
    out += ",\"b_start\":" + std::to_string(p.b_begin) + ",\"b_end\":" + std::to_string(p.b_end);
    out += ",\"words\":" + std::to_string(p.words) + ",\"text\":";
    append_json_string(out, a.substr(p.a_begin, p.a_end - p.a_begin));
    out += "}";
  }
  out += "]}";
  return out;
}

namespace {

// x to a whole power, by squaring: the exponents here are small counts (rows, bands), and
// this spares the wasm build the general pow().
double whole_power(double x, std::uint32_t n) {
  double result = 1.0;
  for (; n > 0; n >>= 1, x *= x) {
    if (n & 1u) result *= x;
  }
  return result;
}

}  // namespace

double LshParameters::probability(double j) const {
  if (bands == 0 || rows == 0) return 0.0;
  return 1.0 - whole_power(1.0 - whole_power(j, rows), bands);
}

LshParameters lsh_parameters_for(double threshold) {
  const double t = std::clamp(std::isnan(threshold) ? 0.5 : threshold, 0.05, 1.0);
  constexpr std::uint32_t kMaxBands = 128, kMaxBins = 512;
  constexpr double kMostAtHalf = 0.7;
  LshParameters chosen{}, fallback{};
  for (std::uint32_t rows = 1; rows <= 64; ++rows) {
    const double row_probability = whole_power(t, rows);
    std::uint32_t bands = 1;
    if (row_probability < 1.0) {
      const double needed = std::ceil(std::log(0.01) / std::log1p(-row_probability));
      if (needed > kMaxBands) continue;
      bands = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(needed));
    }
    if (bands * rows > kMaxBins) continue;
    const LshParameters candidate{bands, rows};
    if (fallback.bands == 0 || candidate.probability(t / 2) < fallback.probability(t / 2))
      fallback = candidate;
    if (candidate.probability(t / 2) <= kMostAtHalf &&
        (chosen.bands == 0 || bands * rows < chosen.bands * chosen.rows)) {
      chosen = candidate;
    }
  }
  return chosen.bands != 0 ? chosen : fallback;
}

}  // namespace winnow
