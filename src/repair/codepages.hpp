// Internal to the repair stage: the single-byte code pages that UTF-8 gets misread as.
// Tables are generated (scripts/gen_tables.py, from Python's codecs).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace winnow::detail {

enum class CodePage {
  kWindows1252,
  kWindows1250,
  kWindows1251,
  kWindows1253,
  kWindows1254,
  kWindows1257,
  kIso8859_2,
  kMacRoman,
  kCp437,
};
inline constexpr std::size_t kCodePageCount = 9;

extern const char32_t kCodePageHighHalf[kCodePageCount][128];

std::string_view code_page_name(CodePage page);

// The byte that stands for `cp` in `page`, or -1 when the page has none. ASCII is itself.
// Windows-1252 also takes every Latin-1 character, C1 controls included, because text
// misread as "Windows-1252" was as often misread as Latin-1, or as a mix of both.
int encode_byte(CodePage page, char32_t cp);

// What encode_byte() looks up for the characters below kEncodeTableLimit, as one table
// per page (-1 or the byte): for loops that encode many characters in one page.
inline constexpr char32_t kEncodeTableLimit = 0x2600;
const std::int16_t* encode_table(CodePage page);

// C1 control characters: in text, what 0x80-0x9F read as Latin-1 leave behind.
inline bool is_c1(char32_t c) {
  return c >= 0x80 && c <= 0x9F;
}

// The character byte `b` stands for in `page`.
inline char32_t decode_byte(CodePage page, unsigned char b) {
  return b < 0x80 ? b : kCodePageHighHalf[static_cast<std::size_t>(page)][b - 0x80];
}

}  // namespace winnow::detail
