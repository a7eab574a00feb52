#include "html/tags.hpp"

#include <algorithm>
#include <array>
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

}  // namespace

Tag tag_of(std::string_view lower_case_name) {
  auto it = std::lower_bound(
      kTagNames.begin(), kTagNames.end(), lower_case_name,
      [](const Entry& entry, std::string_view name) { return entry.first < name; });
  return it != kTagNames.end() && it->first == lower_case_name ? it->second : Tag::kUnknown;
}

}  // namespace winnow::html
