// Internal to the segment stage: a small, tolerant JSON reader for the JSON-LD blocks of
// pages (<script type="application/ld+json">), which are often not quite JSON: raw line
// breaks in strings, trailing commas, an HTML comment or CDATA wrapper around them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace winnow::detail {

struct JsonValue {
  enum class Type : std::uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  std::string text;  // kString: the decoded string; kNumber: as written
  bool boolean = false;
  std::vector<JsonValue> items;    // kArray: the items; kObject: the members' values
  std::vector<std::string> names;  // kObject: the members' names, in order, beside items

  // The member `key` of an object, or nullptr.
  const JsonValue* get(std::string_view key) const;
};

// Nesting deeper than this is refused (the reader recurses, so the depth must be bounded).
inline constexpr int kMaxJsonDepth = 64;

// The value `text` holds, or nothing when it is not (tolerably) JSON.
std::optional<JsonValue> parse_json(std::string_view text);

}  // namespace winnow::detail
