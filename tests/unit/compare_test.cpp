// compare() and Index against the exact reference join; save()/load() against truncation,
// bit flips and crafted files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "compare/compare.hpp"
#include "reference/similarity.hpp"
#include "support/random.hpp"

namespace {

using winnow::testing::Random;

std::string random_words(Random& random, std::size_t count, std::size_t vocabulary = 5000) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    text += "w" + std::to_string(random.below(vocabulary));
    text += random.below(12) == 0 ? ". " : " ";
  }
  return text;
}

// Copies `text` with each word replaced, dropped or followed by a new one at `rate`.
std::string edited(Random& random, const std::string& text, double rate) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    start = end + 1;
    const double r = random.unit();
    if (r < rate / 3)
      out += "x" + std::to_string(random.below(100000)) + " ";
    else if (r < 2 * rate / 3)
      continue;
    else if (r < rate)
      out += word + " y" + std::to_string(random.below(100000)) + " ";
    else
      out += word + " ";
  }
  return out;
}

// Documents with planted near-duplicates over the whole range of similarity.
std::vector<std::string> planted_corpus(Random& random, std::size_t bases) {
  std::vector<std::string> docs;
  for (std::size_t i = 0; i < bases; ++i) {
    docs.push_back(random_words(random, 20 + random.below(300)));
    const std::string base = docs.back();
    for (std::size_t v = random.below(4); v > 0; --v)
      docs.push_back(edited(random, base, 0.3 * random.unit()));
    if (random.below(5) == 0)
      docs.push_back(base.substr(0, base.size() / 2 + random.below(base.size() / 2 + 1)));
  }
  return docs;
}

std::set<std::pair<std::uint32_t, std::uint32_t>> as_set(const std::vector<winnow::Pair>& pairs) {
  std::set<std::pair<std::uint32_t, std::uint32_t>> set;
  for (const winnow::Pair& p : pairs) set.insert({p.a, p.b});
  return set;
}

}  // namespace

TEST_CASE("compare reports maximal shared passages with offsets into both texts", "[compare]") {
  const std::string shared =
      "Deep concern was expressed about the continuing escalation of violence";
  const std::string a = "Putin spoke on Tuesday. " + shared + ", the Kremlin said.";
  const std::string b = "In Ankara, officials said: \"" + shared + "\" and more.";
  const winnow::Similarity s = winnow::compare(a, b);
  REQUIRE(s.passages.size() == 1);
  const winnow::Passage& p = s.passages[0];
  CHECK(a.substr(p.a_begin, p.a_end - p.a_begin) == shared);
  CHECK(b.substr(p.b_begin, p.b_end - p.b_begin) == shared);
  CHECK(p.words == 10);
  CHECK(s.shared == 6);  // 10 words: 6 shingles of 5
  CHECK(s.containment_ab == double(s.shared) / double(s.shingles_b));
  CHECK(s.containment_ba == double(s.shared) / double(s.shingles_a));
  const std::string json = winnow::similarity_json(s, a);
  CHECK(json.find("\"passages\":[{\"a_start\":24,") != std::string::npos);
}

TEST_CASE("every passage is a maximal run of equal words of at least a shingle", "[compare]") {
  Random random(21);
  for (int round = 0; round < 300; ++round) {
    const std::string a = random_words(random, random.below(120), 12);
    const std::string b =
        random.below(2) ? edited(random, a, 0.2) : random_words(random, random.below(120), 12);
    const std::vector<winnow::Word> wa = winnow::words_of(a), wb = winnow::words_of(b);
    const winnow::Similarity s = winnow::compare(a, b);
    for (const winnow::Passage& p : s.passages) {
      auto first_a = std::find_if(wa.begin(), wa.end(),
                                  [&](const winnow::Word& w) { return w.begin == p.a_begin; });
      auto first_b = std::find_if(wb.begin(), wb.end(),
                                  [&](const winnow::Word& w) { return w.begin == p.b_begin; });
      REQUIRE(first_a != wa.end());
      REQUIRE(first_b != wb.end());
      REQUIRE(p.words >= winnow::kDefaultShingleWords);
      const auto i = static_cast<std::size_t>(first_a - wa.begin()),
                 j = static_cast<std::size_t>(first_b - wb.begin());
      REQUIRE(i + p.words <= wa.size());
      REQUIRE(j + p.words <= wb.size());
      for (std::size_t t = 0; t < p.words; ++t) REQUIRE(wa[i + t].hash == wb[j + t].hash);
      REQUIRE(wa[i + p.words - 1].end == p.a_end);
      // Maximal: the words on either side differ (or a text ends).
      REQUIRE((i == 0 || j == 0 || wa[i - 1].hash != wb[j - 1].hash));
      REQUIRE((i + p.words == wa.size() || j + p.words == wb.size() ||
               wa[i + p.words].hash != wb[j + p.words].hash));
    }
  }
}

TEST_CASE("passages stay bounded on repetitive text", "[compare]") {
  std::string filler;
  for (int i = 0; i < 100000; ++i) filler += i % 2 ? "photo " : "credit ";
  const winnow::Similarity s = winnow::compare(filler, filler);
  CHECK(s.jaccard == 1.0);
  CHECK(s.passages.size() <= winnow::kMaxPassages);
}

TEST_CASE("LSH parameters find a pair at the threshold with probability 0.99", "[compare]") {
  for (int percent = 5; percent <= 100; percent += 5) {
    const double t = percent / 100.0;
    const winnow::LshParameters lsh = winnow::lsh_parameters_for(t);
    INFO("threshold " << t << ": " << lsh.bands << " bands of " << lsh.rows);
    CHECK(lsh.probability(t) >= 0.99);
    CHECK(lsh.bands * lsh.rows <= 512);
  }
  CHECK(winnow::lsh_parameters_for(0.5).bands == 17);
  CHECK(winnow::lsh_parameters_for(0.5).rows == 2);
}

TEST_CASE("Index pairs are the exact reference's, with precision 1", "[compare]") {
  Random random(22);
  const std::vector<std::string> docs = planted_corpus(random, 250);
  const auto exact = winnow::reference::exact_pairs(docs, winnow::kDefaultShingleWords, 0.3);
  for (const double threshold : {0.3, 0.5, 0.8}) {
    winnow::Index index({.threshold = threshold});
    for (const std::string& doc : docs) index.add(doc);
    const std::vector<winnow::Pair> pairs = index.pairs();
    std::set<std::pair<std::uint32_t, std::uint32_t>> truth;
    for (const auto& p : exact) {
      if (p.jaccard >= threshold) truth.insert({p.a, p.b});
    }
    std::size_t found = 0;
    for (const winnow::Pair& p : pairs) {
      INFO(p.a << "-" << p.b);
      REQUIRE(truth.count({p.a, p.b}) == 1);  // precision 1
      const auto it = std::find_if(exact.begin(), exact.end(),
                                   [&](const auto& e) { return e.a == p.a && e.b == p.b; });
      REQUIRE(p.jaccard == it->jaccard);
      ++found;
    }
    INFO("threshold " << threshold << ": " << found << " of " << truth.size());
    CHECK(truth.size() > 50);
    CHECK(double(found) >= 0.99 * double(truth.size()));
    // query() agrees with pairs() for every document.
    for (std::uint32_t id = 0; id < docs.size(); id += 7) {
      for (const winnow::Match& m : index.query(docs[id])) {
        if (m.id != id) CHECK(as_set(pairs).count({std::min(id, m.id), std::max(id, m.id)}) == 1);
      }
    }
  }
}

TEST_CASE("clusters are the connected components of the pairs", "[compare]") {
  const std::vector<winnow::Pair> pairs{{1, 4}, {4, 9}, {2, 3}, {7, 9}};
  const auto clusters = winnow::Index::clusters_of(pairs);
  REQUIRE(clusters.size() == 2);
  CHECK(clusters[0] == std::vector<std::uint32_t>{1, 4, 7, 9});
  CHECK(clusters[1] == std::vector<std::uint32_t>{2, 3});
}

TEST_CASE("removed documents leave the index, and ids are never reused", "[compare]") {
  Random random(23);
  winnow::Index index({.threshold = 0.5});
  const std::string base = random_words(random, 200);
  std::vector<std::uint32_t> ids;
  for (int copy = 0; copy < 40; ++copy) ids.push_back(index.add(edited(random, base, 0.004)));
  CHECK(index.pairs().size() == 40 * 39 / 2);
  for (int i = 0; i < 40; i += 2) CHECK(index.remove(ids[i]));
  CHECK_FALSE(index.remove(ids[0]));
  CHECK(index.size() == 20);
  CHECK(index.pairs().size() == 20 * 19 / 2);
  for (const winnow::Pair& p : index.pairs()) CHECK((p.a % 2 == 1 && p.b % 2 == 1));
  CHECK(index.add(base) == 40);
  CHECK(index.query(base).size() == 21);
  CHECK(index.word_hashes(ids[0]).empty());
}

TEST_CASE("save and load round-trip byte for byte", "[compare]") {
  Random random(24);
  winnow::Index index({.threshold = 0.6, .shingle_words = 4});
  for (const std::string& doc : planted_corpus(random, 30)) index.add(doc);
  index.remove(3);
  const std::string saved = index.save();
  std::string error;
  const std::optional<winnow::Index> loaded = winnow::Index::load(saved, &error);
  REQUIRE(loaded);
  CHECK(loaded->save() == saved);
  CHECK(loaded->size() == index.size());
  CHECK(loaded->options().threshold == 0.6);
  CHECK(as_set(loaded->pairs()) == as_set(index.pairs()));
  CHECK_FALSE(loaded->contains(3));
}

TEST_CASE("load refuses truncated, corrupted and crafted index files with a reason", "[compare]") {
  Random random(25);
  winnow::Index index;
  for (int i = 0; i < 6; ++i) index.add(random_words(random, 30, 40));
  const std::string saved = index.save();
  std::string error;
  for (std::size_t length = 0; length < saved.size(); ++length) {
    REQUIRE_FALSE(winnow::Index::load(saved.substr(0, length), &error));
    REQUIRE_FALSE(error.empty());
  }
  for (std::size_t bit = 0; bit < saved.size() * 8; ++bit) {
    std::string flipped = saved;
    flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
    REQUIRE_FALSE(winnow::Index::load(flipped, &error));
  }
  CHECK_FALSE(winnow::Index::load("not an index at all", &error));
  CHECK(error == "not a Winnow index (bad magic bytes)");
  // Well-formed checksums over bad contents: options, counts and word ids are checked too.
  auto resealed = [](std::string payload) {
    const std::uint64_t checksum = winnow::hash_bytes(payload);
    for (int i = 0; i < 8; ++i) payload.push_back(static_cast<char>(checksum >> (8 * i)));
    return payload;
  };
  std::string payload = saved.substr(0, saved.size() - 8);
  std::string bad_options = payload;
  bad_options[12] = 100;  // 100 words per shingle
  CHECK_FALSE(winnow::Index::load(resealed(bad_options), &error));
  CHECK(error == "index has invalid options");
  std::string huge_vocabulary = payload;
  huge_vocabulary[24] = huge_vocabulary[25] = huge_vocabulary[26] = static_cast<char>(0xFF);
  CHECK_FALSE(winnow::Index::load(resealed(huge_vocabulary), &error));
  CHECK(error == "truncated index");
  CHECK_FALSE(winnow::Index::load(resealed(payload + "x"), &error));
  CHECK(winnow::Index::load(resealed(payload), &error));
}
