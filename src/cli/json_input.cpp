#include "cli/json_input.hpp"

#include "unicode/unicode.hpp"

namespace winnow::cli {
namespace {

bool is_json_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::optional<unsigned> hex4(std::string_view s, std::size_t at) {
  if (at + 4 > s.size()) return std::nullopt;
  unsigned value = 0;
  for (std::size_t k = at; k < at + 4; ++k) {
    const char c = s[k];
    value <<= 4;
    if (c >= '0' && c <= '9')
      value |= unsigned(c - '0');
    else if (c >= 'a' && c <= 'f')
      value |= unsigned(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      value |= unsigned(c - 'A' + 10);
    else
      return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<std::string> parse_json_string(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_json_space(text[i])) ++i;
  if (i >= text.size() || text[i] != '"') return std::nullopt;
  ++i;
  std::string out;
  while (true) {
    if (i >= text.size()) return std::nullopt;
    const char c = text[i];
    if (c == '"') break;
    if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    if (i + 1 >= text.size()) return std::nullopt;
    const char e = text[i + 1];
    i += 2;
    switch (e) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        const auto unit = hex4(text, i);
        if (!unit) return std::nullopt;
        i += 4;
        char32_t cp = *unit;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          const auto low = text.substr(i, 2) == "\\u" ? hex4(text, i + 2) : std::nullopt;
          if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (*low - 0xDC00);
            i += 6;
          } else {
            cp = 0xFFFD;
          }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          cp = 0xFFFD;
        }
        unicode::append_utf8(out, cp);
        break;
      }
      default: return std::nullopt;
    }
  }
  ++i;
  while (i < text.size() && is_json_space(text[i])) ++i;
  if (i != text.size()) return std::nullopt;
  return out;
}

}  // namespace winnow::cli
