// Throughput of clean() or repair(): `winnow_bench clean|repair FILE [RUNS]` prints JSON
// {"bytes":N,"runs":R,"best_ms":T,"mb_per_s":X,"result_size":S}. Built natively and to
// wasm; scripts/bench feeds both the same input and prints them side by side.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "winnow/winnow.hpp"

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (argc < 3 || (mode != "clean" && mode != "repair")) {
    std::cerr << "usage: winnow_bench clean|repair FILE [RUNS]\n";
    return 2;
  }
  std::ifstream file(argv[2], std::ios::binary);
  if (!file) {
    std::cerr << "winnow_bench: cannot read " << argv[2] << "\n";
    return 1;
  }
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string input = buffer.str();
  const int runs = std::max(1, argc > 3 ? std::atoi(argv[3]) : 5);
  double best_ms = 1e300;
  std::size_t result_size = 0;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    result_size = mode == "repair" ? winnow::repair_bytes(input).text.size()
                                   : winnow::clean(input).paragraphs.size();
    const auto end = std::chrono::steady_clock::now();
    best_ms = std::min(best_ms, std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::printf(
      "{\"bytes\":%zu,\"runs\":%d,\"best_ms\":%.3f,\"mb_per_s\":%.1f,\"result_size\":%zu}\n",
      input.size(), runs, best_ms, input.size() / 1e6 / (best_ms / 1e3), result_size);
  return 0;
}
