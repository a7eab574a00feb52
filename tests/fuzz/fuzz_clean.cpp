// libFuzzer target: any bytes cleaned alone and, cut in three at 0x1E bytes, as a batch.
// Paragraphs must be valid UTF-8, non-empty and without line breaks; the JSON well formed
// enough to start and end as an object.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "reference/reference.hpp"
#include "winnow/winnow.hpp"

namespace {
void check(const winnow::Article& article) {
  for (const std::string& paragraph : article.paragraphs) {
    if (paragraph.empty() || paragraph.find('\n') != std::string::npos) std::abort();
    if (winnow::reference::decode_utf8(paragraph).replacements != 0) std::abort();
  }
  const std::string json = winnow::article_json(article);
  if (json.empty() || json.front() != '{' || json.back() != '}') std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check(winnow::clean(bytes));
  std::vector<std::string_view> documents;
  for (std::size_t start = 0; documents.size() < 3;) {
    const std::size_t end =
        documents.size() == 2 ? bytes.size() : std::min(bytes.find('\x1E', start), bytes.size());
    documents.push_back(bytes.substr(std::min(start, bytes.size()), end - std::min(start, end)));
    start = end + 1;
  }
  for (const winnow::Article& article :
       winnow::clean_batch(documents, {.bias = winnow::CleanBias::kRecall}))
    check(article);
  return 0;
}
