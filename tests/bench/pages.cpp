// Page extraction speed: `winnow_pages_bench FILE... [--runs R]` cleans each page R times
// (default 5) and prints one JSON line per page, {"file","ms","text"}, where ms is the
// fastest run and text the article body. scripts/bench scores the texts with the article
// extraction benchmark's evaluator and reports the median time per page.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "winnow/winnow.hpp"

int main(int argc, char** argv) {
  int runs = 5;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) {
    std::cerr << "usage: winnow_pages_bench FILE... [--runs R]\n";
    return 2;
  }
  for (const std::string& path : files) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      std::cerr << "winnow_pages_bench: cannot read " << path << "\n";
      return 1;
    }
    std::stringstream buffer;
    buffer << file.rdbuf();
    const std::string page = buffer.str();
    double best_ms = 1e300;
    winnow::Article article;
    for (int r = 0; r < runs; ++r) {
      const auto start = std::chrono::steady_clock::now();
      article = winnow::clean(page);
      const auto end = std::chrono::steady_clock::now();
      best_ms = std::min(best_ms, std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::string line = "{\"file\":";
    winnow::append_json_string(line, path);
    line += ",\"ms\":" + std::to_string(best_ms) + ",\"text\":";
    winnow::append_json_string(line, winnow::article_text(article));
    std::cout << line << "}\n";
  }
  return 0;
}
