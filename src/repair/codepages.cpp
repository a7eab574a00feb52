#include "repair/codepages.hpp"
#include "repair/insertion_sort.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace winnow::detail {
namespace {

// Reverse maps, sorted by code point for binary search. Built once, on first use.
struct ReverseMap {
  std::vector<std::pair<char32_t, unsigned char>> entries;
};

const std::array<ReverseMap, kCodePageCount>& reverse_maps() {
  static const std::array<ReverseMap, kCodePageCount> maps = [] {
    std::array<ReverseMap, kCodePageCount> built;
    for (std::size_t page = 0; page < kCodePageCount; ++page) {
      auto& entries = built[page].entries;
      for (int b = 0x80; b < 0x100; ++b) entries.emplace_back(kCodePageHighHalf[page][b - 0x80], b);
      if (static_cast<CodePage>(page) == CodePage::kWindows1252) {
        for (int b = 0x80; b < 0xA0; ++b)
          entries.emplace_back(static_cast<char32_t>(b), b);  // C1 as Latin-1
      }
      insertion_sort(entries.begin(), entries.end(), std::less<>());
      entries.erase(std::unique(entries.begin(), entries.end(),
                                [](const auto& a, const auto& b) { return a.first == b.first; }),
                    entries.end());
    }
    return built;
  }();
  return maps;
}

}  // namespace

std::string_view code_page_name(CodePage page) {
  switch (page) {
    case CodePage::kWindows1252: return "windows-1252";
    case CodePage::kWindows1250: return "windows-1250";
    case CodePage::kWindows1251: return "windows-1251";
    case CodePage::kWindows1253: return "windows-1253";
    case CodePage::kWindows1254: return "windows-1254";
    case CodePage::kWindows1257: return "windows-1257";
    case CodePage::kIso8859_2: return "iso-8859-2";
    case CodePage::kMacRoman: return "macintosh";
    case CodePage::kCp437: return "cp437";
  }
  return "unknown";
}

// Direct look-up for the characters below U+2600, where all but a handful of the code
// pages' characters are: -1 (none) or the byte, per page.
constexpr char32_t kDirectLimit = kEncodeTableLimit;

const std::array<std::array<std::int16_t, kDirectLimit>, kCodePageCount>& direct_tables() {
  static const auto tables = [] {
    auto built =
        std::make_unique<std::array<std::array<std::int16_t, kDirectLimit>, kCodePageCount>>();
    for (auto& table : *built) table.fill(-1);
    for (std::size_t page = 0; page < kCodePageCount; ++page) {
      for (const auto& [cp, byte] : reverse_maps()[page].entries) {
        if (cp < kDirectLimit) (*built)[page][cp] = byte;
      }
    }
    return built;
  }();
  return *tables;
}

const std::int16_t* encode_table(CodePage page) {
  return direct_tables()[static_cast<std::size_t>(page)].data();
}

int encode_byte(CodePage page, char32_t cp) {
  if (cp < 0x80) return static_cast<int>(cp);
  if (cp < kDirectLimit) return direct_tables()[static_cast<std::size_t>(page)][cp];
  const auto& entries = reverse_maps()[static_cast<std::size_t>(page)].entries;
  const auto it = std::lower_bound(entries.begin(), entries.end(), cp,
                                   [](const auto& e, char32_t c) { return e.first < c; });
  return it != entries.end() && it->first == cp ? it->second : -1;
}

}  // namespace winnow::detail
