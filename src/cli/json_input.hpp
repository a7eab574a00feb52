// Reading JSON strings, for `winnow repair --jsonl` (one JSON string per input line).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace winnow::cli {

// The UTF-8 value of `text` if it is exactly one JSON string (surrounding white space
// allowed), else nothing. Lone surrogates escaped as \uD800 become U+FFFD.
std::optional<std::string> parse_json_string(std::string_view text);

}  // namespace winnow::cli
