// Comparing articles: exact similarity and shared passages of two texts, and an Index that
// finds every pair of near-duplicates in a batch or library without comparing all pairs.
//
// Pass cleaned text (winnow::clean()'s paragraphs): page chrome shared by unrelated
// articles of one outlet would otherwise make them look alike, and different chrome would
// hide copies of one article.
//
//   winnow::Similarity s = winnow::compare(text_a, text_b);
//   if (s.jaccard >= 0.9) ...                      // the same article
//   for (const winnow::Passage& p : s.passages)   // quoted or syndicated sentences
//     highlight(text_a.substr(p.a_begin, p.a_end - p.a_begin));
//
//   winnow::Index index({.threshold = 0.8});
//   for (auto& text : texts) index.add(text);
//   for (const winnow::Pair& p : index.pairs()) ...  // every pair with Jaccard >= 0.8
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fingerprint/fingerprint.hpp"

namespace winnow {

// A maximal run of words that two texts share, as byte ranges of each text. Runs shorter
// than the shingle size are not reported (they share no shingle).
struct Passage {
  std::uint32_t a_begin = 0, a_end = 0, b_begin = 0, b_end = 0;
  std::uint32_t words = 0;
};

struct Similarity {
  double jaccard = 0;         // |A ∩ B| / |A ∪ B| over shingle sets
  double containment_ab = 0;  // how much of B is inside A: |A ∩ B| / |B|
  double containment_ba = 0;  // how much of A is inside B: |A ∩ B| / |A|
  std::size_t shingles_a = 0, shingles_b = 0, shared = 0;
  std::vector<Passage> passages;  // in the order of text A
};

// At most this many passages are reported for one pair (texts made of one repeated phrase
// would otherwise give quadratically many).
inline constexpr std::size_t kMaxPassages = 10000;

// Exact similarity of two texts, with their shared passages.
Similarity compare(std::string_view a, std::string_view b,
                   std::uint32_t shingle_words = kDefaultShingleWords);

// The wire form of compare() that `winnow compare` prints: {"jaccard", "containment_ab",
// "containment_ba", "shingles_a", "shingles_b", "shared", "passages": [{"a_start", "a_end",
// "b_start", "b_end", "words", "text"}]}, fractions rounded to six decimals, offsets in bytes
// of the UTF-8 texts, "text" the passage as it reads in `a`.
std::string similarity_json(const Similarity& similarity, std::string_view a);

// Locality-sensitive hashing parameters: a pair is a candidate when all `rows` MinHash
// values of at least one of `bands` bands are equal, which happens with probability
// 1 - (1 - J^rows)^bands for a pair of Jaccard similarity J.
struct LshParameters {
  std::uint32_t bands = 0, rows = 0;
  double probability(double jaccard) const;
};
// The smallest signature (bands·rows) that finds a pair at `threshold` with probability
// ≥ 0.99 while keeping pairs at half the threshold candidates with probability ≤ 0.7 (so
// that exact verification stays cheap).
LshParameters lsh_parameters_for(double threshold);

struct IndexOptions {
  double threshold = 0.5;  // pairs at or above this Jaccard similarity, in (0, 1]
  std::uint32_t shingle_words = kDefaultShingleWords;
};

struct Match {
  std::uint32_t id = 0;
  double jaccard = 0, containment_ab = 0, containment_ba = 0;  // A: the query, B: the match
};
struct Pair {
  std::uint32_t a = 0, b = 0;  // a < b
  double jaccard = 0, containment_ab = 0, containment_ba = 0;
};

// A set of documents that answers "which pairs are near-duplicates?" in about linear time:
// LSH proposes candidates, and every candidate is verified exactly on the documents' word
// sequences, which the index keeps in compact form (so pairs() has precision 1; recall is
// 0.99 or better at the threshold itself and rises quickly above it).
//
// Memory: a few hundred bytes per short news article (see memory_bytes()). Not
// thread-safe; documents are identified by the ids that add() returns, in order from 0.
class Index {
 public:
  explicit Index(const IndexOptions& options = {});

  // Adds a text and returns its id.
  std::uint32_t add(std::string_view text);
  // Removes a document; false if there is no such (live) document.
  bool remove(std::uint32_t id);
  bool contains(std::uint32_t id) const;

  std::size_t size() const { return live_; }  // live documents
  std::uint32_t next_id() const { return static_cast<std::uint32_t>(removed_.size()); }
  const IndexOptions& options() const { return options_; }
  LshParameters lsh() const { return lsh_; }

  // Documents at or above the threshold with `text`, most similar first.
  std::vector<Match> query(std::string_view text) const;
  // Every pair of documents at or above the threshold, ordered by (a, b).
  std::vector<Pair> pairs() const;
  // Connected components of pairs() with two or more documents, each sorted, ordered by
  // their first id.
  std::vector<std::vector<std::uint32_t>> clusters() const;
  static std::vector<std::vector<std::uint32_t>> clusters_of(const std::vector<Pair>& pairs);

  // The stored word sequence of a document, as word hashes (empty for removed ids).
  std::vector<std::uint64_t> word_hashes(std::uint32_t id) const;

  // A compact, versioned, checksummed binary form: identical bytes natively and in wasm.
  std::string save() const;
  // Reads save()'s output. Truncated, corrupted or foreign data gives nullopt and a reason.
  static std::optional<Index> load(std::string_view bytes, std::string* error = nullptr);

  // Returns memory kept for future additions (up to a fifth): call after adding a batch.
  void shrink_to_fit();
  // Bytes held by the index's own structures.
  std::size_t memory_bytes() const;

 private:
  std::uint32_t word_id(std::uint64_t hash);
  std::uint32_t insert(std::span<const std::uint64_t> word_hashes);
  void decode_words(std::uint32_t id, std::vector<std::uint64_t>& out) const;
  void band_keys(std::span<const std::uint64_t> shingles, std::uint32_t* keys) const;
  bool has_words(std::uint32_t id) const {
    return !removed_[id] && offsets_[id + 1] > offsets_[id];
  }
  void grow_table();

  IndexOptions options_;
  LshParameters lsh_;
  std::size_t live_ = 0;
  std::size_t garbage_bytes_ = 0;  // bytes of words_ that belong to removed documents
  std::vector<std::uint64_t> offsets_{
      0};  // document d's word ids: words_[offsets_[d], offsets_[d + 1])
  std::vector<bool> removed_;
  std::vector<std::uint8_t> words_;        // LEB128 word ids
  std::vector<std::uint32_t> band_keys_;   // bands per document, document-major
  std::vector<std::uint64_t> vocabulary_;  // word id -> word hash
  std::vector<std::uint64_t> table_;       // open addressing: word hash -> word id (see grow_table)
  std::vector<std::uint64_t> word_scratch_, shingle_scratch_;  // reused by add()
};

}  // namespace winnow
