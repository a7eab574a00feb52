// Slow, obviously correct implementations that the fast code in src/ is checked against
// on random inputs. Written for clarity from the standards, never for speed; nothing in
// src/ may include this file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace winnow::reference {

struct Utf8Decoding {
  std::u32string code_points;
  std::size_t replacements = 0;  // U+FFFD inserted for ill-formed sequences
};

// UTF-8 decoding straight from Unicode 15 Table 3-7 (well-formed byte sequences), with
// each maximal subpart of an ill-formed sequence replaced by one U+FFFD (section 3.9,
// "U+FFFD Substitution of Maximal Subparts"), as the WHATWG Encoding standard requires.
inline Utf8Decoding decode_utf8(std::string_view bytes) {
  struct Range {
    unsigned char lo, hi;
  };
  struct Row {
    unsigned char lead_lo, lead_hi;
    int trail_count;
    Range trail[3];
  };
  static constexpr Range kAny{0x80, 0xBF};
  static constexpr Row kTable[] = {
      {0xC2, 0xDF, 1, {kAny}},
      {0xE0, 0xE0, 2, {{0xA0, 0xBF}, kAny}},
      {0xE1, 0xEC, 2, {kAny, kAny}},
      {0xED, 0xED, 2, {{0x80, 0x9F}, kAny}},
      {0xEE, 0xEF, 2, {kAny, kAny}},
      {0xF0, 0xF0, 3, {{0x90, 0xBF}, kAny, kAny}},
      {0xF1, 0xF3, 3, {kAny, kAny, kAny}},
      {0xF4, 0xF4, 3, {{0x80, 0x8F}, kAny, kAny}},
  };
  Utf8Decoding out;
  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) {
      out.code_points.push_back(lead);
      ++i;
      continue;
    }
    const Row* row = nullptr;
    for (const Row& r : kTable) {
      if (lead >= r.lead_lo && lead <= r.lead_hi) row = &r;
    }
    if (!row) {
      out.code_points.push_back(U'\uFFFD');
      ++out.replacements;
      ++i;
      continue;
    }
    char32_t cp = lead & (0x7F >> (row->trail_count + 1));
    int matched = 0;
    while (matched < row->trail_count && i + 1 + matched < bytes.size()) {
      const auto b = static_cast<unsigned char>(bytes[i + 1 + matched]);
      if (b < row->trail[matched].lo || b > row->trail[matched].hi) break;
      cp = (cp << 6) | (b & 0x3F);
      ++matched;
    }
    if (matched == row->trail_count) {
      out.code_points.push_back(cp);
    } else {
      out.code_points.push_back(U'\uFFFD');
      ++out.replacements;
    }
    i += 1 + static_cast<std::size_t>(matched);
  }
  return out;
}

inline std::string encode_utf8(std::u32string_view code_points) {
  std::string out;
  for (char32_t cp : code_points) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

// The white-space rules of repair/repair.hpp, applied one rule at a time to code points.
inline std::string normalise_whitespace(std::string_view utf8) {
  const std::u32string in = decode_utf8(utf8).code_points;
  // 1. Line endings.
  std::u32string unified;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == U'\r') {
      unified += U'\n';
      if (i + 1 < in.size() && in[i + 1] == U'\n') ++i;
    } else if (in[i] == U'\u2028') {
      unified += U'\n';
    } else if (in[i] == U'\u2029') {
      unified += U"\n\n";
    } else {
      unified += in[i];
    }
  }
  // 2. Invisible and control characters go.
  std::u32string visible;
  for (char32_t c : unified) {
    const bool control = (c < 0x20 && c != U'\t' && c != U'\n') || c == 0x7F;
    const bool invisible = c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF;
    if (!control && !invisible) visible += c;
  }
  // 3. On each line, words separated by runs of space characters, joined by one space.
  auto is_space = [](char32_t c) {
    return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x202F || c == 0x205F || c == 0x3000;
  };
  std::u32string out, line;
  auto flush_line = [&] {
    std::u32string joined, word;
    for (char32_t c : line + U' ') {
      if (!is_space(c)) {
        word += c;
      } else if (!word.empty()) {
        if (!joined.empty()) joined += U' ';
        joined += word;
        word.clear();
      }
    }
    out += joined;
    line.clear();
  };
  for (char32_t c : visible) {
    if (c == U'\n') {
      flush_line();
      out += U'\n';
    } else {
      line += c;
    }
  }
  flush_line();
  return encode_utf8(out);
}

}  // namespace winnow::reference
