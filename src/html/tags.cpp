#include "html/tags.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace winnow::html {
namespace {

using Entry = std::pair<std::string_view, Tag>;

constexpr std::string_view without_underscore(std::string_view name) {
  return name.back() == '_' ? name.substr(0, name.size() - 1) : name;
}

constexpr auto kTagNames = [] {
  std::array<Entry, static_cast<std::size_t>(Tag::xmp)> names{};
  std::size_t i = 0;
#define WINNOW_HTML_TAG_ENTRY(name) names[i++] = Entry{without_underscore(#name), Tag::name};
  WINNOW_HTML_TAGS(WINNOW_HTML_TAG_ENTRY)
#undef WINNOW_HTML_TAG_ENTRY
  std::sort(names.begin(), names.end());
  return names;
}();

// Open addressing over a power-of-two table: one hash and, almost always, one compare.
// tag_of() runs for every tag of every page. Kept at most about half full.
constexpr std::size_t kSlots = 256;
static_assert(kTagNames.size() * 2 <= kSlots + kSlots / 8);

constexpr std::size_t slot_of(std::string_view name) {
  std::uint32_t h = 2166136261u;
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h & (kSlots - 1);
}

constexpr auto kTagSlots = [] {
  std::array<Entry, kSlots> slots{};
  for (const Entry& entry : kTagNames) {
    std::size_t i = slot_of(entry.first);
    while (slots[i].second != Tag::kUnknown) i = (i + 1) & (kSlots - 1);
    slots[i] = entry;
  }
  return slots;
}();

}  // namespace

Tag tag_of(std::string_view lower_case_name) {
  for (std::size_t i = slot_of(lower_case_name);; i = (i + 1) & (kSlots - 1)) {
    const Entry& entry = kTagSlots[i];
    if (entry.second == Tag::kUnknown) return Tag::kUnknown;
    if (entry.first == lower_case_name) return entry.second;
  }
}

}  // namespace winnow::html
