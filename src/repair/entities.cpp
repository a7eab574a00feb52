#include "repair/entities.hpp"

#include <utf8.h>
#include <algorithm>

namespace winnow::detail {
namespace {

constexpr std::size_t kLongestName = 32;  // "CounterClockwiseContourIntegral;" is 32 bytes

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
unsigned hex_value(char c) {
  if (is_digit(c)) return static_cast<unsigned>(c - '0');
  return static_cast<unsigned>((c | 0x20) - 'a' + 10);
}

}  // namespace

std::optional<std::string_view> find_named_reference(std::string_view name) {
  // The name at `offset` against `name`, bytewise, reading no further than they agree
  // (the tokenizer looks up every reference of a page).
  auto compare = [&](std::uint16_t offset) {
    const char* entry = kNamedReferenceData + offset;
    for (std::size_t i = 0; i < name.size(); ++i) {
      const auto a = static_cast<unsigned char>(entry[i]), b = static_cast<unsigned char>(name[i]);
      if (a != b) return a < b ? -1 : 1;  // a NUL (the entry's end) is below every name byte
    }
    return entry[name.size()] == '\0' ? 0 : 1;
  };
  const std::uint16_t* first = kNamedReferenceOffsets;
  const std::uint16_t* last = kNamedReferenceOffsets + kNamedReferenceCount;
  const std::uint16_t* it =
      std::lower_bound(first, last, name,
                       [&](std::uint16_t offset, std::string_view) { return compare(offset) < 0; });
  if (it == last || compare(*it) != 0) return std::nullopt;
  return std::string_view(kNamedReferenceData + *it + name.size() + 1);
}

char32_t numeric_reference_code_point(std::uint64_t value) {
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
  if (value >= 0x80 && value <= 0x9F && kC1NumericRemap[value - 0x80] != 0) {
    return kC1NumericRemap[value - 0x80];
  }
  return static_cast<char32_t>(value);
}

std::size_t decode_reference_strict(std::string_view text, std::string& out) {
  if (text.size() < 3 || text[0] != '&') return 0;
  if (text[1] == '#') {
    std::size_t i = 2;
    const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_start = i;
    std::uint64_t value = 0;
    while (i < text.size() && (hex ? is_hex_digit(text[i]) : is_digit(text[i]))) {
      value = value * (hex ? 16 : 10) + (hex ? hex_value(text[i]) : unsigned(text[i] - '0'));
      value = std::min<std::uint64_t>(value, 0x110000);  // saturate: anything larger is invalid
      ++i;
    }
    if (i == digits_start || i >= text.size() || text[i] != ';') return 0;
    utf8::unchecked::append(numeric_reference_code_point(value), std::back_inserter(out));
    return i + 1;
  }
  std::size_t i = 1;
  while (i < text.size() && i <= kLongestName && is_ascii_alnum(text[i])) ++i;
  if (i == 1 || i >= text.size() || text[i] != ';') return 0;
  const std::string_view name = text.substr(1, i);  // with its ';'
  auto value = find_named_reference(name);
  if (!value &&
      std::all_of(name.begin(), name.end() - 1, [](char c) { return !(c >= 'a' && c <= 'z'); })) {
    // Names shouted in capitals ("&EACUTE;"): as capitalised ("Eacute"), else in lower case.
    std::string variant(name);
    std::transform(variant.begin() + 1, variant.end(), variant.begin() + 1,
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; });
    value = find_named_reference(variant);
    if (!value) {
      variant[0] = static_cast<char>((variant[0] >= 'A' && variant[0] <= 'Z') ? variant[0] | 0x20
                                                                              : variant[0]);
      value = find_named_reference(variant);
    }
  }
  if (!value) return 0;
  out.append(*value);
  return i + 1;
}

}  // namespace winnow::detail
