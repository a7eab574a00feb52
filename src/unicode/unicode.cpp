#include "unicode/unicode.hpp"

#include <algorithm>
#include <cstring>

#include "unicode/tables.hpp"

namespace winnow::unicode {
namespace {

using namespace detail;

// Hangul syllables compose and decompose by arithmetic (Unicode 15, section 3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount,
                   kSCount = kLCount * kNCount;

const Decomposition* find_decomposition(char32_t cp) {
  const Decomposition* end = kDecompositions + kDecompositionCount;
  const Decomposition* it =
      std::lower_bound(kDecompositions, end, cp,
                       [](const Decomposition& d, char32_t c) { return d.code_point < c; });
  return it != end && it->code_point == cp ? it : nullptr;
}

void decompose(char32_t cp, std::u32string& out) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    const char32_t s = cp - kSBase;
    out += kLBase + s / kNCount;
    out += kVBase + (s % kNCount) / kTCount;
    if (s % kTCount) out += kTBase + s % kTCount;
    return;
  }
  if (const Decomposition* d = find_decomposition(cp)) {
    decompose(d->first, out);
    if (d->second) decompose(d->second, out);
    return;
  }
  out += cp;
}

char32_t compose_pair(char32_t first, char32_t second) {
  if (first >= kLBase && first < kLBase + kLCount && second >= kVBase &&
      second < kVBase + kVCount) {
    return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
  }
  if (first >= kSBase && first < kSBase + kSCount && (first - kSBase) % kTCount == 0 &&
      second > kTBase && second < kTBase + kTCount) {
    return first + (second - kTBase);
  }
  const Composition* end = kCompositions + kCompositionCount;
  const Composition* it =
      std::lower_bound(kCompositions, end, std::pair{first, second},
                       [](const Composition& c, std::pair<char32_t, char32_t> key) {
                         return c.first != key.first ? c.first < key.first : c.second < key.second;
                       });
  return it != end && it->first == first && it->second == second ? it->composite : 0;
}

bool quick_check_not_yes(char32_t cp) {
  const CodePointRange* end = kNfcQuickCheckNotYes + kNfcQuickCheckNotYesCount;
  const CodePointRange* it =
      std::upper_bound(kNfcQuickCheckNotYes, end, cp,
                       [](char32_t c, const CodePointRange& r) { return c < r.first; });
  return it != kNfcQuickCheckNotYes && cp <= (it - 1)->last;
}

}  // namespace

Category category(char32_t cp) {
  if (cp > 0x10FFFF) return Category::Cn;
  return static_cast<Category>(kCategoryBlocks[kCategoryStage1[cp >> 8]][cp & 0xFF]);
}

const char* ligature_expansion(char32_t cp) {
  if (cp < 0x149) return nullptr;
  for (std::size_t i = 0; i < kLigatureCount; ++i) {
    if (kLigatures[i].code_point == cp) return kLigatures[i].utf8;
  }
  return nullptr;
}

char32_t simple_case_fold(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  const CaseFold* end = kCaseFolds + kCaseFoldCount;
  const CaseFold* it = std::lower_bound(
      kCaseFolds, end, cp, [](const CaseFold& c, char32_t v) { return c.code_point < v; });
  return it != end && it->code_point == cp ? it->folded : cp;
}

bool writes_without_spaces(char32_t cp) {
  if (cp < 0x2EA) return false;
  const CodePointRange* end = kUnspacedScripts + kUnspacedScriptCount;
  const CodePointRange* it = std::lower_bound(
      kUnspacedScripts, end, cp, [](const CodePointRange& r, char32_t v) { return r.last < v; });
  return it != end && it->first <= cp;
}

bool is_common_han(char32_t cp) {
  if (cp < 0x4E00 || cp > 0x9FFF) return false;
  const char32_t bit = cp - 0x4E00;
  return (kCommonHan[bit >> 5] >> (bit & 31)) & 1;
}

std::uint8_t combining_class(char32_t cp) {
  if (cp < 0x300) return 0;
  const CombiningClass* end = kCombiningClasses + kCombiningClassCount;
  const CombiningClass* it =
      std::lower_bound(kCombiningClasses, end, cp,
                       [](const CombiningClass& c, char32_t v) { return c.code_point < v; });
  return it != end && it->code_point == cp ? it->value : 0;
}

namespace {
constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighBits = 0x8080808080808080ull;
// Whether any byte of `word` (all below 0x80) is below n.
bool any_byte_below(std::uint64_t word, std::uint64_t n) {
  return ((word - kOnes * n) & ~word & kHighBits) != 0;
}
bool any_byte_equal(std::uint64_t word, std::uint64_t n) {
  return any_byte_below(word ^ (kOnes * n), 1);
}
}  // namespace

std::size_t skip_ascii(std::string_view s, std::size_t from) {
  std::size_t i = from;
  for (std::uint64_t word; s.size() - i >= 8; i += 8) {
    std::memcpy(&word, s.data() + i, 8);
    if (word & kHighBits) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

std::size_t skip_printable_ascii(std::string_view s, std::size_t from, char stop_at) {
  const auto stop = static_cast<unsigned char>(stop_at);
  std::size_t i = from;
  for (std::uint64_t word; s.size() - i >= 8; i += 8) {
    std::memcpy(&word, s.data() + i, 8);
    if ((word & kHighBits) || any_byte_below(word, 0x20) || any_byte_equal(word, 0x7F) ||
        any_byte_equal(word, stop))
      break;
  }
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x20 || b >= 0x7F || b == stop) break;
    ++i;
  }
  return i;
}

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool ascii_istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && ascii_iequals(s.substr(0, prefix.size()), prefix);
}

bool ascii_icontains(std::string_view haystack, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (ascii_iequals(haystack.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

std::size_t encode_utf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

void append_utf8(std::string& out, char32_t cp) {
  char bytes[4];
  out.append(bytes, encode_utf8(cp, bytes));
}

std::u32string to_utf32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) out += next_code_point(utf8, i);
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : text) append_utf8(out, cp);
  return out;
}

bool may_need_nfc(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  for (std::size_t i = 0; i < utf8.size();) {
    const unsigned char b = p[i];
    // Byte-level fast paths for what NFC never changes: below U+0300 (all starters with
    // NFC_QC=Yes), Cyrillic U+0400-U+047F, general punctuation and currency U+2002-U+20BF
    // (U+2000 and U+2001 decompose), CJK punctuation and kana U+3000-U+30FF but the tone
    // marks U+302A-U+302F and the (semi-)voiced sound marks U+3099-U+309A, CJK ideographs
    // U+4000-U+9FFF, Hangul syllables U+B000-U+CFFF. (tests/unit checks these ranges
    // against the tables.)
    if (b < 0xCC || b == 0xD0 || b == 0xD1) {
      i = b < 0x80 ? skip_ascii(utf8, i) : i + 2;
      continue;
    }
    const unsigned char b1 = i + 1 < utf8.size() ? p[i + 1] : 0,
                        b2 = i + 2 < utf8.size() ? p[i + 2] : 0;
    if ((b == 0xE2 && (b1 == 0x81 || b1 == 0x82 || (b1 == 0x80 && b2 >= 0x82))) ||
        (b == 0xE3 && b1 <= 0x83 && !(b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAF) &&
         !(b1 == 0x82 && (b2 == 0x99 || b2 == 0x9A))) ||
        (b >= 0xE4 && b <= 0xE9) || b == 0xEB || b == 0xEC) {
      i += 3;
      continue;
    }
    const char32_t cp = next_code_point(utf8, i);
    if (combining_class(cp) != 0 || quick_check_not_yes(cp)) return true;
  }
  return false;
}

std::string to_nfc(std::string_view utf8) {
  if (!may_need_nfc(utf8)) return std::string(utf8);
  // 1. Canonical decomposition.
  std::u32string d;
  d.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) decompose(next_code_point(utf8, i), d);
  // 2. Canonical ordering: stable sort of each run of non-starters by combining class.
  for (std::size_t i = 0; i < d.size();) {
    if (combining_class(d[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < d.size() && combining_class(d[j]) != 0) ++j;
    // An insertion sort, stable: runs of marks are a few characters long.
    for (std::size_t k = i + 1; k < j; ++k) {
      const char32_t mark = d[k];
      std::size_t at = k;
      for (; at > i && combining_class(d[at - 1]) > combining_class(mark); --at) d[at] = d[at - 1];
      d[at] = mark;
    }
    i = j;
  }
  // 3. Canonical composition: each character joins the last starter unless blocked.
  std::u32string c;
  c.reserve(d.size());
  std::size_t starter = std::u32string::npos;
  std::uint8_t last_class = 0;
  for (char32_t cp : d) {
    const std::uint8_t cls = combining_class(cp);
    if (starter != std::u32string::npos &&
        (last_class < cls || (last_class == 0 && c.size() == starter + 1))) {
      if (const char32_t composite = compose_pair(c[starter], cp)) {
        c[starter] = composite;
        continue;
      }
    }
    if (cls == 0) starter = c.size();
    last_class = cls;
    c += cp;
  }
  return to_utf8(c);
}

}  // namespace winnow::unicode
