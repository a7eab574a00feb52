// Words, shingles and MinHash against the oracle in tests/reference/similarity.hpp, on
// random multilingual text; and golden digests that pin the bits, so that the native and
// the wasm build (which run this same file) provably fingerprint alike.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "fingerprint/fingerprint.hpp"
#include "reference/similarity.hpp"
#include "support/random.hpp"

namespace {

using winnow::testing::Random;

// Pieces from many scripts and every tokenizer branch: case, digits, punctuation, marks
// (combining, Indic, Thai), unspaced scripts, joiners, soft hyphens, emoji, broken UTF-8.
const std::string_view kPieces[] = {
    "news",
    "News",
    "NEWS",
    "2024",
    "x86",
    " ",
    "  ",
    "\n",
    ",",
    ".",
    "'",
    "\"",
    "-",
    "(",
    "Ünïcödé",
    "café",
    "Cafe\xCC\x81",
    "ΣΟΦΊΑ",
    "σοφία",
    "ς",
    "İstanbul",
    "ğüşöç",
    "Straße",
    "ǅ",
    "Москва",
    "МОСКВА",
    "東京都",
    "にほんご",
    "カタカナ",
    "ภาษาไทย",
    "हिन्दी",
    "한국어",
    "العربية",
    "می\u200cخواهم",
    "co\u00ADoperate",
    "\u200d",
    "😀",
    "👩\u200d💻",
    "１２３",
    "Ⅻ",
    "\xCC\x81",
    "\xC3",
    "\xE2\x82",
    "\xFF",
    "\xED\xA0\x80",
    "_",
    "a_b",
};

std::string random_text(Random& random, std::size_t pieces) {
  std::string text;
  for (std::size_t i = 0; i < pieces; ++i) text += kPieces[random.below(std::size(kPieces))];
  return text;
}

// Text over a small vocabulary, so that random documents share shingles.
std::string vocabulary_text(Random& random, std::size_t words, std::size_t vocabulary) {
  static const char* const kWords[] = {"the",    "Minister", "said",      "on",     "Tuesday",
                                       "that",   "talks",    "would",     "resume", "in",
                                       "Geneva", "after",    "ceasefire", "près",   "de",
                                       "Ölçü",   "город",    "東",        "京",     "a"};
  std::string text;
  for (std::size_t i = 0; i < words; ++i) {
    text += kWords[random.below(std::min<std::size_t>(vocabulary, std::size(kWords)))];
    text += random.below(8) == 0 ? ", " : " ";
  }
  return text;
}

std::vector<std::uint64_t> reference_word_hashes(std::string_view text) {
  std::vector<std::uint64_t> hashes;
  for (const std::u32string& word : winnow::reference::words(text)) {
    hashes.push_back(winnow::hash_bytes(winnow::reference::encode_utf8(word)));
  }
  return hashes;
}

}  // namespace

TEST_CASE("words are those of the reference tokenizer, on random multilingual text",
          "[fingerprint]") {
  Random random(11);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(random, 1 + random.below(40));
    const std::vector<winnow::Word> words = winnow::words_of(text);
    std::vector<std::uint64_t> hashes;
    for (const winnow::Word& word : words) {
      hashes.push_back(word.hash);
      // Each word's bytes hold exactly that word.
      REQUIRE(word.begin < word.end);
      REQUIRE(word.end <= text.size());
      const std::vector<std::uint64_t> inside =
          reference_word_hashes(text.substr(word.begin, word.end - word.begin));
      REQUIRE(inside == std::vector<std::uint64_t>{word.hash});
    }
    INFO(text);
    REQUIRE(hashes == reference_word_hashes(text));
    std::vector<std::uint64_t> only_hashes;
    winnow::word_hashes_of(text, only_hashes);
    REQUIRE(only_hashes == hashes);
  }
}

TEST_CASE("words ignore case, punctuation and joiners; unspaced scripts give a word per character",
          "[fingerprint]") {
  auto hashes = [](std::string_view text) {
    std::vector<std::uint64_t> out;
    winnow::word_hashes_of(text, out);
    return out;
  };
  CHECK(hashes("The NEWS, today!") == hashes("the news today"));
  CHECK(hashes("ΣΟΦΊΑ") == hashes("σοφία"));
  CHECK(hashes("МОСКВА") == hashes("москва"));
  CHECK(hashes("don't") == hashes("don t"));
  CHECK(hashes("می\u200cخواهم") == hashes("میخواهم"));
  CHECK(winnow::words_of("東京都に行く").size() == 6);
  CHECK(winnow::words_of("ภาษา").size() == 4);  // marks stay with their letter
  CHECK(winnow::words_of("2024年").size() == 2);
  CHECK(winnow::words_of("😀 — … ¡!").empty());
}

TEST_CASE("shingle sets and exact similarities equal the reference's", "[fingerprint]") {
  Random random(12);
  for (int round = 0; round < 400; ++round) {
    // One draw per statement: the order of evaluation of arguments differs between
    // compilers, and both builds must test the same inputs.
    const std::size_t length_a = random.below(60), vocabulary_a = 3 + random.below(18);
    const std::string a = vocabulary_text(random, length_a, vocabulary_a);
    const bool extend = random.below(3) == 0;
    const std::size_t length_b = random.below(extend ? 10 : 60),
                      vocabulary_b = extend ? 20 : 3 + random.below(18);
    const std::string b = extend ? a + vocabulary_text(random, length_b, vocabulary_b)
                                 : vocabulary_text(random, length_b, vocabulary_b);
    const std::uint32_t k = 1 + static_cast<std::uint32_t>(random.below(7));
    const auto set_a = winnow::shingle_set(a, k), set_b = winnow::shingle_set(b, k);
    const winnow::reference::ExactSimilarity exact = winnow::reference::exact_similarity(a, b, k);
    INFO(a << " | " << b << " | k=" << k);
    REQUIRE(set_a.size() == exact.a);
    REQUIRE(set_b.size() == exact.b);
    REQUIRE(winnow::shared_count(set_a, set_b) == exact.shared);
    REQUIRE(winnow::jaccard(set_a, set_b) == exact.jaccard());
    if (exact.b > 0)
      REQUIRE(winnow::containment(set_a, set_b) == double(exact.shared) / double(exact.b));
  }
  CHECK(winnow::jaccard(winnow::shingle_set(""), winnow::shingle_set("")) == 0.0);
  CHECK(winnow::shingle_set("one two").size() == 1);  // shorter than a shingle: one of all
}

TEST_CASE("MinHash estimates Jaccard without bias and with the documented error", "[fingerprint]") {
  Random random(13);
  for (const double target : {0.2, 0.5, 0.8}) {
    // Sets of 300 random hashes sharing `shared` of them: J = shared / (600 - shared).
    const auto shared = static_cast<std::size_t>(std::lround(600 * target / (1 + target)));
    const double exact = double(shared) / double(600 - shared);
    double sum = 0, sum_squares = 0;
    const int trials = 300;
    for (int t = 0; t < trials; ++t) {
      std::vector<std::uint64_t> a, b;
      for (std::size_t i = 0; i < 300; ++i) a.push_back(random.next());
      b.assign(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(shared));
      while (b.size() < 300) b.push_back(random.next());
      const double estimate = winnow::estimate_jaccard(winnow::minhash(a), winnow::minhash(b));
      sum += estimate;
      sum_squares += estimate * estimate;
    }
    const double mean = sum / trials, deviation = std::sqrt(sum_squares / trials - mean * mean);
    INFO("J=" << exact << " mean=" << mean << " sd=" << deviation);
    CHECK(std::abs(mean - exact) < 0.01);
    // About sqrt(J(1-J)/128); densification may add a little.
    CHECK(deviation < 1.25 * std::sqrt(exact * (1 - exact) / 128));
  }
  const std::vector<std::uint64_t> empty;
  const std::vector<std::uint64_t> some{1, 2, 3};
  CHECK(winnow::estimate_jaccard(winnow::minhash(empty), winnow::minhash(empty)) == 0.0);
  CHECK(winnow::estimate_jaccard(winnow::minhash(some), winnow::minhash(some)) == 1.0);
  CHECK(winnow::signature("a b c d e f g") ==
        winnow::minhash(winnow::shingle_set("a b c d e f g")));
}

TEST_CASE("fingerprints are bit-identical on every platform (golden digests)", "[fingerprint]") {
  // The same digests natively and in wasm: this test runs in both builds.
  Random random(14);
  std::string signatures, hashes;
  for (int doc = 0; doc < 200; ++doc) {
    const std::string text = random_text(random, 5 + random.below(200));
    for (const std::uint32_t v : winnow::signature(text))
      signatures.append(reinterpret_cast<const char*>(&v), 4);
    for (const std::uint64_t h : winnow::shingle_set(text, 3))
      hashes.append(reinterpret_cast<const char*>(&h), 8);
  }
  CHECK(winnow::hash_bytes(signatures) == 0x7d8d06f38a88798eull);
  CHECK(winnow::hash_bytes(hashes) == 0x602036fd8fc2c0beull);
}
