// Character-level repairs that need no context beyond a line: C1 controls left after the
// mojibake pass, control and format characters, ligatures, fullwidth forms, dangling bidi
// controls, NFC, and (on request) straight quotes.
#include <algorithm>
#include <string>
#include <vector>

#include "repair/codepages.hpp"
#include "repair/passes.hpp"
#include "unicode/unicode.hpp"

namespace winnow::detail {
namespace {

bool is_fullwidth_ascii(char32_t c) {
  return c >= 0xFF01 && c <= 0xFF5E;
}
bool is_bidi_push(char32_t c) {
  return (c >= 0x202A && c <= 0x202E && c != 0x202C) || (c >= 0x2066 && c <= 0x2068);
}
bool is_bidi_pop(char32_t c) {
  return c == 0x202C || c == 0x2069;
}
bool pops_isolate(char32_t c) {
  return c == 0x2069;
}
bool pushes_isolate(char32_t c) {
  return c >= 0x2066 && c <= 0x2068;
}

// Format characters that carry nothing in running text: a BOM inside the text, the
// interlinear annotation marks and object replacement character, the deprecated format
// controls U+206A-U+206F.
bool is_removable_format(char32_t c) {
  return c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC) || (c >= 0x206A && c <= 0x206F);
}

bool is_wide_context(char32_t c) {
  return (c >= 0x3001 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

// Whether a line needs this pass at all, judged from its bytes: controls, C1 (C2 80-9F),
// ŉ (C5 89), Croatian digraphs (C7 84-8C, C7 B1-B3), bidi controls (E2 80 AA-AE, E2 81
// A6-AF), ideographic space (E3 80 80), anything from U+F000 up (EF: BOM, specials,
// ligatures, fullwidth forms), and curly quotes when straightening.
bool line_needs_fixes(std::string_view line, bool straighten_quotes) {
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t n = line.size();
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      if ((b < 0x20 && b != '\t' && b != '\r') || b == 0x7F) return true;
      // Printable ASCII in bulk; non-ASCII text (a Cyrillic line) byte by byte, which is
      // cheaper than starting a bulk skip at every character.
      i = unicode::skip_printable_ascii(line, i + 1) - 1;
      continue;
    }
    // Only these lead bytes begin a character this pass changes.
    if (b != 0xC2 && b != 0xC5 && b != 0xC7 && b != 0xE2 && b != 0xE3 && b != 0xEF) continue;
    const unsigned char b1 = i + 1 < n ? p[i + 1] : 0, b2 = i + 2 < n ? p[i + 2] : 0;
    if (b == 0xC2 && b1 >= 0x80 && b1 <= 0x9F) return true;
    if (b == 0xC5 && b1 == 0x89) return true;
    if (b == 0xC7 && ((b1 >= 0x84 && b1 <= 0x8C) || (b1 >= 0xB1 && b1 <= 0xB3))) return true;
    if (b == 0xE2 && b1 == 0x80 &&
        ((b2 >= 0xAA && b2 <= 0xAE) || (straighten_quotes && b2 >= 0x98 && b2 <= 0x9F))) {
      return true;
    }
    if (b == 0xE2 && b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xAF) return true;
    if (b == 0xE3 && b1 == 0x80 && b2 == 0x80) return true;
    if (b == 0xEF) return true;
  }
  return false;
}

// A C1 control left in the text stood for the Windows-1252 character of the same byte,
// or, between two small letters where that would be punctuation that does not belong in
// a word, for the MacRoman letter: "tur\x92stico" -> "turístico", but "it\x92s" -> "it’s".
char32_t resolve_c1(std::u32string_view line, std::size_t i) {
  const auto byte = static_cast<unsigned char>(line[i]);
  const char32_t windows = decode_byte(CodePage::kWindows1252, byte);
  const char32_t mac = decode_byte(CodePage::kMacRoman, byte);
  const bool between_letters = i > 0 && i + 1 < line.size() && unicode::is_lower(line[i - 1]) &&
                               unicode::is_lower(line[i + 1]);
  if (between_letters && unicode::is_lower(mac)) {
    bool contraction = false;
    if (windows == 0x2019) {  // an apostrophe: fine before English contraction endings
      std::size_t k = i + 1;
      while (k < line.size() && unicode::is_letter(line[k])) ++k;
      const std::u32string_view suffix = line.substr(i + 1, k - i - 1);
      contraction = suffix == U"s" || suffix == U"t" || suffix == U"d" || suffix == U"m" ||
                    suffix == U"re" || suffix == U"ll" || suffix == U"ve";
    }
    if (!contraction) return mac;
  }
  return windows == byte ? 0 : windows;  // 0: undefined there, so it stays as it is
}

// Removes ESC [ ... final-byte sequences (terminal colours and cursor moves).
std::size_t terminal_escape_length(std::u32string_view line, std::size_t i) {
  if (line[i] != 0x1B || i + 1 >= line.size() || line[i + 1] != U'[') return 0;
  std::size_t k = i + 2;
  while (k < line.size() &&
         ((line[k] >= U'0' && line[k] <= U'9') || line[k] == U';' || line[k] == U'?'))
    ++k;
  if (k < line.size() && line[k] >= 0x40 && line[k] <= 0x7E) return k + 1 - i;
  return 0;
}

std::u32string fix_line(std::u32string_view line, const RepairOptions& options, RepairLog& log) {
  // Dangling bidi controls: pushes never popped and pops never pushed, on this line.
  std::vector<bool> dangling(line.size(), false);
  {
    std::vector<std::size_t> stack;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (is_bidi_push(line[i])) {
        stack.push_back(i);
      } else if (is_bidi_pop(line[i])) {
        if (!stack.empty() && pushes_isolate(line[stack.back()]) == pops_isolate(line[i])) {
          stack.pop_back();
        } else {
          dangling[i] = true;
        }
      }
    }
    for (std::size_t i : stack) dangling[i] = true;
  }

  // Fullwidth forms belong to CJK typography: on a line with any CJK, kana or Hangul they
  // stay ("「Ctrl＋Alt＋K」で"), elsewhere they are narrowed ("ＬＯＵＤ" -> "LOUD").
  const bool wide_line = std::any_of(line.begin(), line.end(), is_wide_context);
  std::u32string out;
  out.reserve(line.size());
  auto report = [&](RepairReason reason, std::u32string_view from, std::u32string_view to) {
    log.add(reason, unicode::to_utf8(from), unicode::to_utf8(to));
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char32_t c = line[i];
    const std::u32string_view original = line.substr(i, 1);
    if (const std::size_t escape = terminal_escape_length(line, i)) {
      report(RepairReason::kFormatChar, line.substr(i, escape), U"");
      i += escape - 1;
    } else if ((c < 0x20 && c != U'\t' && c != U'\r') || c == 0x7F) {
      report(RepairReason::kControlChar, original, U"");
    } else if (is_c1(c)) {
      const char32_t resolved = resolve_c1(line, i);
      if (resolved) {
        out += resolved;
        report(RepairReason::kC1Control, original, std::u32string(1, resolved));
      } else {
        out += c;
      }
    } else if (is_removable_format(c) || dangling[i]) {
      report(RepairReason::kFormatChar, original, U"");
    } else if (const char* letters = unicode::ligature_expansion(c)) {
      const std::u32string expanded = unicode::to_utf32(letters);
      out += expanded;
      report(RepairReason::kLigature, original, expanded);
    } else if (is_fullwidth_ascii(c) || c == 0x3000) {
      if (wide_line) {
        out += c;
      } else {
        const char32_t narrow = c == 0x3000 ? U' ' : c - 0xFEE0;
        out += narrow;
        report(RepairReason::kFullwidth, original, std::u32string(1, narrow));
      }
    } else if (options.straighten_quotes && c >= 0x2018 && c <= 0x201F) {
      const char32_t straight = c <= 0x201B ? U'\'' : U'"';
      out += straight;
      report(RepairReason::kQuote, original, std::u32string(1, straight));
    } else {
      out += c;
    }
  }
  return out;
}

// NFC, chunk by chunk between characters that never interact with their neighbours, so
// each change is reported with just the characters it concerns.
std::string normalise_nfc(std::string_view text, RepairLog& log) {
  if (!unicode::may_need_nfc(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t chunk_start = 0;
  auto flush = [&](std::size_t end) {
    const std::string_view chunk = text.substr(chunk_start, end - chunk_start);
    const std::string normalised = unicode::to_nfc(chunk);
    if (normalised != chunk) log.add(RepairReason::kNormalization, chunk, normalised);
    out += normalised;
    chunk_start = end;
  };
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t cp = unicode::next_code_point(text, i);
    // A stable boundary: ASCII (never composes with what precedes it except as a base).
    if (cp < 0x80 && at > chunk_start) flush(at);
  }
  flush(text.size());
  return out;
}

}  // namespace

bool fix_characters(std::string_view line, const RepairOptions& options, RepairLog& log,
                    std::string& out) {
  std::string fixed;
  const bool fixes = line_needs_fixes(line, options.straighten_quotes);
  if (fixes) {
    fixed = unicode::to_utf8(fix_line(unicode::to_utf32(line), options, log));
    line = fixed;
  }
  if (unicode::may_need_nfc(line)) {
    const std::string normalised = normalise_nfc(line, log);
    if (!fixes && normalised == line) return false;
    out += normalised;
    return true;
  }
  if (fixes) out += fixed;
  return fixes;
}

}  // namespace winnow::detail
