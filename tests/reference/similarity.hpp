// The oracle for src/fingerprint and src/compare: words, shingles and Jaccard similarity
// computed on the words themselves, with no hashing at all, and an exact all-pairs join.
// Slow and obviously correct; nothing in src/ may include this file.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "reference/reference.hpp"
#include "unicode/unicode.hpp"

namespace winnow::reference {

// Words as fingerprint.hpp defines them: maximal runs of letters, marks and digits,
// case-folded; in scripts written without spaces each letter (with its marks) is a word;
// zero-width (non-)joiners and soft hyphens are ignored; ill-formed UTF-8 separates.
inline std::vector<std::u32string> words(std::string_view utf8) {
  std::vector<std::u32string> out;
  std::u32string word;
  bool word_is_unspaced = false;
  auto close = [&] {
    if (!word.empty()) out.push_back(word);
    word.clear();
    word_is_unspaced = false;
  };
  for (char32_t c : decode_utf8(utf8).code_points) {
    if (c == 0x200C || c == 0x200D || c == 0x00AD) continue;
    const bool letter_or_digit = unicode::is_letter(c) || unicode::is_number(c);
    const bool mark = unicode::is_mark(c);
    if (!letter_or_digit && !mark) {
      close();
      continue;
    }
    const bool unspaced = letter_or_digit && unicode::writes_without_spaces(c);
    if (unspaced || (word_is_unspaced && !mark)) close();
    word += unicode::simple_case_fold(c);
    if (unspaced) word_is_unspaced = true;
  }
  close();
  return out;
}

// The set of k-word shingles (a text of fewer words has one shingle of all of them).
inline std::set<std::vector<std::u32string>> shingles(const std::vector<std::u32string>& w,
                                                      std::size_t k) {
  std::set<std::vector<std::u32string>> set;
  if (w.empty()) return set;
  if (w.size() <= k) {
    set.insert(w);
    return set;
  }
  for (std::size_t i = 0; i + k <= w.size(); ++i)
    set.insert(std::vector<std::u32string>(w.begin() + i, w.begin() + i + k));
  return set;
}

struct ExactSimilarity {
  std::size_t shared = 0, a = 0, b = 0;
  double jaccard() const {
    return a == 0 || b == 0 ? 0.0 : double(shared) / double(a + b - shared);
  }
};

inline ExactSimilarity exact_similarity(std::string_view a, std::string_view b, std::size_t k) {
  const auto sa = shingles(words(a), k), sb = shingles(words(b), k);
  ExactSimilarity s{0, sa.size(), sb.size()};
  for (const auto& shingle : sa) s.shared += sb.count(shingle);
  return s;
}

struct ExactPair {
  std::uint32_t a, b;
  double jaccard;
};

// Every pair of documents with Jaccard >= threshold, by (a, b). Shingles are compared as
// word tuples (words interned to exact ids, no hashing). Only pairs that share a shingle can
// have a positive similarity, so each document counts, through the documents listed under
// each of its shingles, how many shingles it shares with each later document.
inline std::vector<ExactPair> exact_pairs(const std::vector<std::string>& docs, std::size_t k,
                                          double threshold) {
  std::map<std::u32string, std::uint32_t> word_ids;
  std::vector<std::vector<std::vector<std::uint32_t>>> doc_shingles(docs.size());
  for (std::size_t d = 0; d < docs.size(); ++d) {
    std::vector<std::uint32_t> ids;
    for (const std::u32string& w : words(docs[d]))
      ids.push_back(word_ids.emplace(w, word_ids.size()).first->second);
    std::set<std::vector<std::uint32_t>> set;
    if (!ids.empty() && ids.size() <= k) set.insert(ids);
    for (std::size_t i = 0; ids.size() > k && i + k <= ids.size(); ++i) {
      set.insert(std::vector<std::uint32_t>(ids.begin() + i, ids.begin() + i + k));
    }
    doc_shingles[d].assign(set.begin(), set.end());
  }
  std::map<std::vector<std::uint32_t>, std::vector<std::uint32_t>> postings;
  for (std::uint32_t d = 0; d < docs.size(); ++d) {
    for (const auto& shingle : doc_shingles[d]) postings[shingle].push_back(d);
  }
  std::vector<ExactPair> pairs;
  std::vector<std::uint32_t> shared(docs.size(), 0);
  std::vector<std::uint32_t> touched;
  for (std::uint32_t a = 0; a < docs.size(); ++a) {
    for (const auto& shingle : doc_shingles[a]) {
      for (const std::uint32_t b : postings[shingle]) {
        if (b <= a) continue;
        if (shared[b]++ == 0) touched.push_back(b);
      }
    }
    std::sort(touched.begin(), touched.end());
    for (const std::uint32_t b : touched) {
      const ExactSimilarity s{shared[b], doc_shingles[a].size(), doc_shingles[b].size()};
      if (s.jaccard() >= threshold) pairs.push_back({a, b, s.jaccard()});
      shared[b] = 0;
    }
    touched.clear();
  }
  return pairs;
}

}  // namespace winnow::reference
