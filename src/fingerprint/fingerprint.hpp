// Fingerprints of text: words, word shingles and MinHash signatures, the same bits
// natively and in WebAssembly (only 64-bit integer arithmetic, explicit byte order).
//
// Words are maximal runs of letters, marks and digits, case-folded (Unicode simple case
// folding), so punctuation and case never matter; in scripts written without spaces (Han,
// kana, Thai...) every character is a word. A shingle is a run of `shingle_words`
// consecutive words; a text with fewer words has one shingle of all its words.
//
// Use shingle_set() and jaccard()/containment() for exact similarity of two texts, and
// minhash() with estimate_jaccard() when only small fixed-size sketches can be kept:
//
//   auto a = winnow::shingle_set(text_a), b = winnow::shingle_set(text_b);
//   double exact = winnow::jaccard(a, b);
//   double estimate = winnow::estimate_jaccard(winnow::minhash(a), winnow::minhash(b));
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace winnow {

inline constexpr std::uint32_t kDefaultShingleWords = 5;
inline constexpr std::uint32_t kMaxShingleWords = 64;
inline constexpr std::size_t kDefaultSignatureSize = 128;

// One word of a text: its bytes [begin, end) and the hash of its case-folded form.
struct Word {
  std::uint32_t begin = 0, end = 0;
  std::uint64_t hash = 0;
};

// The words of UTF-8 text, in order. Ill-formed bytes separate words. Texts longer than
// 4 GiB are read up to that length (offsets are 32-bit).
std::vector<Word> words_of(std::string_view utf8);

// Only the words' hashes, into `out` (cleared first): the fast path for fingerprints.
void word_hashes_of(std::string_view utf8, std::vector<std::uint64_t>& out);

// The 64-bit hash Winnow uses for words and everything built on them: fixed seeds, byte
// order and arithmetic, so stored fingerprints stay valid across platforms and versions
// of the same format.
std::uint64_t hash_bytes(std::string_view bytes);

// The hash of the shingle made of `words` (word hashes, in order).
std::uint64_t shingle_hash(std::span<const std::uint64_t> word_hashes);

// The set of shingle hashes of a text, sorted and without repeats. `shingle_words` must be
// in 1..kMaxShingleWords (it is clamped into that range).
std::vector<std::uint64_t> shingle_set(std::string_view utf8,
                                       std::uint32_t shingle_words = kDefaultShingleWords);
// The same from word hashes already at hand (words_of() or a stored word sequence).
std::vector<std::uint64_t> shingle_set_of_words(std::span<const std::uint64_t> word_hashes,
                                                std::uint32_t shingle_words = kDefaultShingleWords);

// Exact similarities of two shingle sets (sorted, without repeats, as shingle_set() gives).
// Two empty sets have similarity 0: an empty text is like nothing.
std::size_t shared_count(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b);
double jaccard(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b);
// How much of `part` is inside `whole`: |whole ∩ part| / |part|.
double containment(std::span<const std::uint64_t> whole, std::span<const std::uint64_t> part);

// A MinHash signature by one-permutation hashing with optimal densification (Shrivastava,
// "Optimal Densification for Fast and Accurate Minwise Hashing", ICML 2017): each shingle
// hash goes to one of `size` bins by its high 32 bits and competes there by its low 32 bits;
// empty bins copy the bin that a fixed probe sequence reaches first. Any bin of two
// signatures is equal with probability J (the Jaccard similarity), so the fraction of equal
// bins estimates J with standard error about sqrt(J(1-J)/size): ±0.044 at J = 0.5 with 128
// bins. Cost: one pass over the shingles, independent of `size`. An empty set gives all
// bins 0xFFFFFFFF, which estimate_jaccard() treats as similar to nothing.
std::vector<std::uint32_t> minhash(std::span<const std::uint64_t> shingle_hashes,
                                   std::size_t size = kDefaultSignatureSize);
// As above, into a caller's buffer of any size (no allocation on the hot path).
void minhash_into(std::span<const std::uint64_t> shingle_hashes, std::span<std::uint32_t> bins);

// The MinHash signature of a text's shingles, straight from the text: what to keep when
// only a fixed-size sketch of each document fits.
//
//   double j = winnow::estimate_jaccard(winnow::signature(a), winnow::signature(b));
std::vector<std::uint32_t> signature(std::string_view utf8,
                                     std::size_t size = kDefaultSignatureSize,
                                     std::uint32_t shingle_words = kDefaultShingleWords);

// The hashes of every shingle of a word sequence, in order and with repeats (MinHash does
// not need the set). Appends to `out`.
void append_shingle_hashes(std::span<const std::uint64_t> word_hashes, std::uint32_t shingle_words,
                           std::vector<std::uint64_t>& out);

// The fraction of equal bins: an unbiased estimate of the Jaccard similarity.
double estimate_jaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

}  // namespace winnow
