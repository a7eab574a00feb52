// Native throughput of clean(): `winnow_bench FILE [REPEAT]` prints JSON
// {"bytes":N,"runs":R,"best_ms":T,"mb_per_s":X}. scripts/bench feeds it the same input as
// the wasm measurement and prints both side by side.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "winnow/winnow.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: winnow_bench FILE [REPEAT]\n";
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string input = buffer.str();
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  double best_ms = 1e300;
  std::size_t sink = 0;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const winnow::Article a = winnow::clean(input);
    const auto end = std::chrono::steady_clock::now();
    sink += a.paragraphs.size();
    best_ms = std::min(best_ms, std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::printf("{\"bytes\":%zu,\"runs\":%d,\"best_ms\":%.3f,\"mb_per_s\":%.1f,\"paragraphs\":%zu}\n",
              input.size(), runs, best_ms, input.size() / 1e6 / (best_ms / 1e3), sink / runs);
  return 0;
}
