// The near-duplicate engine on a corpus from ../shared/bench/dedup/gen_corpus.py:
//
//   winnow_dedup_bench CORPUS_DIR [--threshold T]... [--reference] [--limit N]
//
// For each threshold prints one JSON line: documents, signatures per second (text to a
// 128-bin MinHash signature), additions per second (Index::add: words, shingles, MinHash,
// LSH keys, compact storage), pairs() time, end-to-end time,
// index bytes per document, peak memory, and with --reference the recall and precision of
// pairs() against the exact all-pairs join of tests/reference/similarity.hpp. The texts are
// compared raw (the corpus is synthetic, already clean): this measures the engine, not
// clean(). Built natively and to wasm; the quality test and scripts/bench both run it.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

#include "compare/compare.hpp"
#include "reference/similarity.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::size_t peak_memory_bytes() {
#ifdef __EMSCRIPTEN__
  return emscripten_get_heap_size();  // wasm memory never shrinks: its size is the peak
#else
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::size_t>(usage.ru_maxrss) * 1024;
#endif
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr
        << "usage: winnow_dedup_bench CORPUS_DIR [--threshold T]... [--reference] [--limit N]\n";
    return 2;
  }
  std::vector<double> thresholds;
  bool reference = false;
  std::size_t limit = SIZE_MAX;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threshold" && i + 1 < argc)
      thresholds.push_back(std::atof(argv[++i]));
    else if (arg == "--reference")
      reference = true;
    else if (arg == "--limit" && i + 1 < argc)
      limit = std::strtoull(argv[++i], nullptr, 10);
    else {
      std::cerr << "winnow_dedup_bench: unknown argument " << arg << "\n";
      return 2;
    }
  }
  if (thresholds.empty()) thresholds = {0.5, 0.8};

  std::filesystem::path dir = argv[1];
  if (std::filesystem::is_directory(dir / "docs")) dir /= "docs";
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file()) names.push_back(entry.path().string());
  }
  std::sort(names.begin(), names.end());
  if (names.size() > limit) names.resize(limit);
  std::vector<std::string> docs;
  docs.reserve(names.size());
  for (const std::string& name : names) {
    std::ifstream file(name, std::ios::binary);
    std::stringstream buffer;
    buffer << file.rdbuf();
    docs.push_back(buffer.str());
  }

  std::vector<winnow::reference::ExactPair> exact;
  double reference_s = 0;
  if (reference) {
    const auto start = std::chrono::steady_clock::now();
    exact = winnow::reference::exact_pairs(docs, winnow::kDefaultShingleWords,
                                           *std::min_element(thresholds.begin(), thresholds.end()));
    reference_s = seconds_since(start);
  }

  // Signatures alone: text -> words -> shingles -> 128-bin MinHash.
  double signatures_per_s = 0;
  {
    const auto start = std::chrono::steady_clock::now();
    std::uint64_t checksum = 0;
    for (const std::string& doc : docs) checksum += winnow::signature(doc)[0];
    signatures_per_s = docs.size() / seconds_since(start);
    if (checksum == 42) std::printf("#");  // keeps the loop from being optimised away
  }

  for (const double threshold : thresholds) {
    const auto start = std::chrono::steady_clock::now();
    winnow::Index index({.threshold = threshold});
    for (const std::string& doc : docs) index.add(doc);
    index.shrink_to_fit();
    const double add_s = seconds_since(start);
    const auto pairs_start = std::chrono::steady_clock::now();
    const std::vector<winnow::Pair> pairs = index.pairs();
    const double pairs_s = seconds_since(pairs_start);
    const double total_s = seconds_since(start);
    // Digests of the pairs and of the saved index: equal natively and in wasm.
    std::string pair_bytes;
    for (const winnow::Pair& p : pairs) {
      pair_bytes.append(reinterpret_cast<const char*>(&p.a), 4)
          .append(reinterpret_cast<const char*>(&p.b), 4);
    }
    const std::string saved = index.save();

    std::printf(
        "{\"documents\":%zu,\"threshold\":%g,\"bands\":%u,\"rows\":%u,\"signatures_per_s\":%.0f,"
        "\"adds_per_s\":%.0f,\"add_s\":%.3f,\"pairs_s\":%.3f,\"end_to_end_s\":%.3f,\"pairs\":%zu,"
        "\"index_bytes_per_doc\":%.1f,\"saved_bytes_per_doc\":%.1f,\"peak_memory_mb\":%.1f,"
        "\"pairs_digest\":\"%016llx\",\"index_digest\":\"%016llx\"",
        docs.size(), threshold, index.lsh().bands, index.lsh().rows, signatures_per_s,
        docs.size() / add_s, add_s, pairs_s, total_s, pairs.size(),
        double(index.memory_bytes()) / double(docs.size()),
        double(saved.size()) / double(docs.size()), peak_memory_bytes() / 1048576.0,
        static_cast<unsigned long long>(winnow::hash_bytes(pair_bytes)),
        static_cast<unsigned long long>(winnow::hash_bytes(saved)));
    if (reference) {
      std::set<std::pair<std::uint32_t, std::uint32_t>> truth, found;
      for (const auto& p : exact) {
        if (p.jaccard >= threshold) truth.insert({p.a, p.b});
      }
      for (const auto& p : pairs) found.insert({p.a, p.b});
      std::size_t hits = 0;
      for (const auto& p : found) hits += truth.count(p);
      const double recall = truth.empty() ? 1.0 : double(hits) / double(truth.size());
      const double precision = found.empty() ? 1.0 : double(hits) / double(found.size());
      std::printf(",\"exact_pairs\":%zu,\"recall\":%.5f,\"precision\":%.5f,\"reference_s\":%.1f",
                  truth.size(), recall, precision, reference_s);
    }
    std::printf("}\n");
    std::fflush(stdout);
  }
  return 0;
}
