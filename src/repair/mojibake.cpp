// Mojibake repair: text that was UTF-8, decoded through a single-byte code page.
//
// How it decides (the design is Winnow's own):
// 1. Candidates. For each code page, runs of characters whose bytes in that page form a
//    well-formed UTF-8 sequence ("Ã©" -> C3 A9 -> "é"), including CESU-8 surrogate pairs,
//    and sequences that lost a byte on the way: a no-break space that became a space, or
//    a byte the code page leaves undefined that was dropped or replaced by "?" or U+FFFD.
// 2. Plausibility. A cost model over neighbouring characters says how unlikely a stretch
//    of text is as written: C1 controls, a capital after a small letter inside a word, a
//    symbol or superscript glued to letters, a no-break space beside a space, combining
//    marks with nothing to combine with, characters from rare blocks or from a script
//    foreign to the word. A token (text between spaces) is repaired with the code page
//    whose reading lowers its cost the most.
// 3. Evidence. Correctly encoded non-ASCII characters on the same line, which mojibake
//    would have garbled too, count against repairing it: text that is only partly
//    garbled must show more. Weak candidates (lost bytes) are repaired only on lines
//    where strong ones were.
// 4. Layers. Text garbled twice or three times is repaired by running again, until
//    nothing changes. The layers are then judged together: the deepest one kept is the
//    one whose text has shed at least half of the cost of every text before it, so a
//    chain of partial readings that ends in another salad is not taken.
#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "repair/codepages.hpp"
#include "repair/insertion_sort.hpp"
#include "repair/passes.hpp"
#include "unicode/unicode.hpp"

namespace winnow::detail {
namespace {

using unicode::Category;

constexpr int kMaxLayers = 4;
constexpr int kStrongGain = 3;  // a token that counts as evidence on its own
constexpr int kLineGain = 3;    // what a line's tokens must add up to, net of counter-evidence
constexpr int kCleanCharPenalty =
    8;  // per correctly encoded character that mojibake would have garbled
constexpr int kLostBytePenalty = 1;  // a guess about a lost byte costs a little confidence
constexpr int kCoherenceBonus = 2;   // per extra unit of a token that reads as one script's letters
constexpr int kCorroboration = 4;    // per garbled token beyond the first: they confirm each other
constexpr int kWeakOnGarbledLine = -3;  // lost-byte repairs accepted on a line shown to be garbled

constexpr char32_t kReplacementChar = 0xFFFD;
constexpr char32_t kNoBreakSpace = 0xA0;

bool is_ascii_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r';
}

// A coarse script, enough to notice a character foreign to its word.
enum class Script : std::uint8_t {
  kNone,
  kLatin,
  kGreek,
  kCyrillic,
  kArmenian,
  kHebrew,
  kArabic,
  kIndic,
  kThai,
  kCjk,
  kHangul,
  kOther
};

// The script whose block holds `c`, letter or not: a combining mark of one script on a
// letter of another ("â۪", an Arabic mark on a Latin letter) is a sign.
Script block_script(char32_t c) {
  if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0xFF21 && c <= 0xFF5A))
    return Script::kLatin;
  if (c >= 0x370 && c <= 0x3FF) return Script::kGreek;
  if (c >= 0x400 && c <= 0x52F) return Script::kCyrillic;
  if (c >= 0x530 && c <= 0x58F) return Script::kArmenian;
  if (c >= 0x590 && c <= 0x5FF) return Script::kHebrew;
  if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F)) return Script::kArabic;
  if (c >= 0x900 && c <= 0xDFF) return Script::kIndic;
  if (c >= 0xE00 && c <= 0xEFF) return Script::kThai;
  if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
      (c >= 0x20000 && c <= 0x3FFFF))
    return Script::kCjk;
  if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF)) return Script::kHangul;
  return Script::kOther;
}

Script compute_script(char32_t c) {
  return unicode::is_letter(c) ? block_script(c) : Script::kNone;
}

// How unlikely a character is in text on its own. Common letters, punctuation and symbols
// of the world's news cost nothing; IPA, rare extensions and unassigned code points do.
int compute_rarity(char32_t c) {
  if (c < 0x80) return 0;
  if (is_c1(c)) return 6;
  if (c >= 0xFFF9 && c <= 0xFFFC) return 1;  // annotation marks, object replacement
  const Category cat = unicode::category(c);
  if (cat == Category::Cn || cat == Category::Co || cat == Category::Cs) return 8;
  if (c == kReplacementChar) return 1;
  if (c <= 0xFF) return 0;  // Latin-1
  if (c <= 0x17F) {
    // Latin Extended-A: letters of living European orthographies are common; the rest
    // (Esperanto, Maltese, archaic long s, kra, Sami eng...) are rare in news.
    static constexpr char32_t kRare[] = {
        0x108, 0x109, 0x10A, 0x10B, 0x11C, 0x11D, 0x120, 0x121, 0x124, 0x125, 0x126, 0x127,
        0x128, 0x129, 0x12C, 0x12D, 0x134, 0x135, 0x138, 0x13F, 0x140, 0x149, 0x14A, 0x14B,
        0x14E, 0x14F, 0x15C, 0x15D, 0x166, 0x167, 0x168, 0x169, 0x16C, 0x16D, 0x176, 0x177};
    if (c == 0x17F) return 12;  // long s: not in modern text at all
    return std::find(std::begin(kRare), std::end(kRare), c) != std::end(kRare) ? 3 : 0;
  }
  if (c == 0x1A0 || c == 0x1A1 || c == 0x1AF || c == 0x1B0) return 0;  // Vietnamese horned letters
  if (c >= 0x1CD && c <= 0x1DC) return 1;                              // pinyin tone letters
  if (c >= 0x218 && c <= 0x21B) return 0;  // Romanian comma-below letters
  if (c < 0x250) return 4;                 // the rest of Latin Extended-B
  if (c < 0x2B0) return 5;                 // IPA
  if (c < 0x300) return (c == 0x2C6 || c == 0x2DC || c == 0x2BC) ? 1 : 3;  // modifier letters
  if (c < 0x370) return 1;                               // combining diacritics (see pair costs)
  if (c < 0x386) return 4;                               // Greek tonos forms and the like
  if (c <= 0x3CE) return 0;                              // Greek
  if (c < 0x400) return 4;                               // Coptic in the Greek block
  if (c <= 0x45F || c == 0x490 || c == 0x491) return 0;  // Cyrillic
  if (c < 0x530) return 4;                               // historic and minority Cyrillic
  if (c < 0x590) return 1;                               // Armenian
  if (c >= 0x5D0 && c <= 0x5EA) return 0;                // Hebrew letters
  if (c < 0x600) return 3;                               // Hebrew points and marks
  if (c >= 0x600 && c <= 0x61A && c != 0x60C) return 3;  // Arabic signs and honorifics
  if (c >= 0x64B && c <= 0x65F) return 1;                // Arabic vowel marks: few in news
  if (c < 0x700) return 0;                               // Arabic
  if (c < 0x900) return 3;
  if (c < 0xE80) return 0;  // Indic scripts, Thai
  if (c < 0x10A0) return 3;
  if (c < 0x1100) return 1;  // Georgian
  if (c < 0x1E00) return 3;
  if (c < 0x1F00) return 0;                  // Latin Extended Additional (Vietnamese)
  if (c < 0x2000) return 3;                  // Greek Extended
  if (c < 0x2070) return 0;                  // general punctuation
  if (c >= 0x2160 && c <= 0x2188) return 3;  // Roman numerals as characters: news writes "XII"
  if (c < 0x2500) return 1;                  // super/subscripts, currency, letterlike, arrows, math
  if (c < 0x2800) return 1;                  // box drawing, shapes, symbols, dingbats
  if (c < 0x2900) return 2;                  // braille
  if (c < 0x3000) return 3;
  if (c < 0x3100) return 0;                  // CJK punctuation, kana
  if (c >= 0x3400 && c <= 0x4DBF) return 3;  // CJK extension A: rare ideographs
  if (c >= 0x4E00 && c <= 0x9FFF) return unicode::is_common_han(c) ? 0 : 1;  // CJK ideographs
  if (c >= 0xAC00 && c <= 0xD7A3) return 0;                                  // Hangul syllables
  if (c >= 0xFB00 && c <= 0xFB06) return 1;    // Latin ligatures (spelled out later)
  if (c >= 0xFE00 && c <= 0xFE0F) return 1;    // variation selectors
  if (c >= 0xFF00 && c <= 0xFFEF) return 1;    // fullwidth forms
  if (c >= 0x1F000 && c <= 0x1FAFF) return 0;  // emoji and pictographs
  if (c >= 0xE0000) return 4;
  return 3;
}

enum class Kind : std::uint8_t {
  kSpace,
  kNbsp,
  kLower,
  kUpper,
  kLetter,
  kMark,
  kNumber,
  kApostrophe,
  kPunct,
  kSymbol,
  kControl
};

Kind compute_kind(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // fullwidth forms count as what they will become
  if (is_ascii_space(c)) return Kind::kSpace;
  if (c == kNoBreakSpace) return Kind::kNbsp;
  if (c == U'\'' || c == 0x2019) return Kind::kApostrophe;
  switch (unicode::category(c)) {
    case Category::Ll: return Kind::kLower;
    case Category::Lu:
    case Category::Lt: return Kind::kUpper;
    case Category::Lm:
    case Category::Lo: return Kind::kLetter;
    case Category::Mn:
    case Category::Mc:
    case Category::Me: return Kind::kMark;
    case Category::Nd: return Kind::kNumber;
    case Category::Nl:
    case Category::No: return Kind::kSymbol;  // ² ³ ¼ glued to letters are the mojibake kind
    case Category::Sm:
    case Category::Sc:
    case Category::Sk:
    case Category::So: return Kind::kSymbol;
    case Category::Cc:
    case Category::Cf: return c == 0x200D || c == 0x200C ? Kind::kMark : Kind::kControl;
    case Category::Zs: return Kind::kSpace;
    default: return Kind::kPunct;
  }
}

// What pair_cost() asks of a character beyond its kind and script.
enum PairFlag : std::uint8_t {
  kHigh = 1 << 0,              // not ASCII
  kOpensWord = 1 << 1,         // may stand right before a word: “ ‘ „ « ¿ ¡ – — …
  kOpensAfterLetter = 1 << 2,  // an opening mark, odd right after a letter: « ¿ ¡ “ ‘ „
  kTrailRangeLetter = 1 << 3,  // see is_trail_range_letter()
  kSuffixSign = 1 << 4,        // see is_word_suffix_sign()
  kOldSymbol = 1 << 5,         // see is_code_page_symbol()
  kReplacement = 1 << 6,       // U+FFFD
  kOtherNumber = 1 << 7,       // category No: ² ³ ¼
};

// Everything pair_cost() knows of a character. Characters with equal PairTraits cost the
// same in every pair, which lets the costs of all pairs be one table over their classes.
struct PairTraits {
  Kind kind;
  Script script;
  Script mark_script;  // a combining mark's block's script, from U+0370 on; kOther otherwise
  std::uint8_t flags;
  friend bool operator==(const PairTraits&, const PairTraits&) = default;
};

// Letters that Windows-1252 puts among the UTF-8 trail bytes (0x80-0xBF). In real text they
// follow ASCII letters ("cœur", "Škoda") or start words, never another accented letter.
bool is_trail_range_letter(char32_t c) {
  return c == 0x160 || c == 0x161 || c == 0x152 || c == 0x153 || c == 0x17D || c == 0x17E ||
         c == 0x178 || c == 0x192 || c == 0xAA || c == 0xBA || c == 0xB5;
}

// Signs that follow words as they are: "IKEA™", "NESTLÉ®". (© comes before a name.)
bool is_word_suffix_sign(char32_t c) {
  return c == 0x2122 || c == 0xAE;
}

// Symbols of the Latin-1 and Windows-1252 era (below U+2190), and the others that a code
// page holds (MacRoman's "√" and "≈", cp437's "≡" and box drawing): what the leads and
// trails of UTF-8 become, glued to the letters around them ("caf√©" for "café").
bool is_code_page_symbol(char32_t c) {
  if (c < 0x2190) return true;
  for (std::size_t p = 0; p < kCodePageCount; ++p) {
    if (encode_byte(static_cast<CodePage>(p), c) >= 0x80) return true;
  }
  return false;
}

char32_t narrow(char32_t c) {
  return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
}

// Of a character as the cost model sees it: fullwidth forms as what they will become.
PairTraits compute_pair_traits(char32_t c) {
  c = narrow(c);
  PairTraits p{compute_kind(c), compute_script(c), Script::kOther, 0};
  if (p.kind == Kind::kMark && c >= 0x370 && c != 0x200C && c != 0x200D)
    p.mark_script = block_script(c);
  auto set = [&](PairFlag flag, bool on) {
    if (on) p.flags |= flag;
  };
  set(kHigh, c >= 0x80);
  set(kOpensWord, c == 0x201C || c == 0x2018 || c == 0x201E || c == 0xAB || c == 0xBF ||
                      c == 0xA1 || c == 0x2013 || c == 0x2014 || c == 0x2026);
  set(kOpensAfterLetter,
      c == 0xAB || c == 0xBF || c == 0xA1 || c == 0x201C || c == 0x2018 || c == 0x201E);
  set(kTrailRangeLetter, is_trail_range_letter(c));
  set(kSuffixSign, is_word_suffix_sign(c));
  set(kOldSymbol, p.kind == Kind::kSymbol && is_code_page_symbol(c));  // read for symbols only
  set(kReplacement, c == kReplacementChar);
  set(kOtherNumber, unicode::category(c) == Category::No);
  return p;
}

bool is_word_letter(Kind k) {
  return k == Kind::kLower || k == Kind::kUpper || k == Kind::kLetter;
}

// The cost of character `b` right after `a` inside a token; `b_ends_word` says whether
// what follows `b` ends the word. It reads only PairTraits: see the table below.
int pair_cost(const PairTraits& a, const PairTraits& b, bool b_ends_word) {
  const Kind ka = a.kind, kb = b.kind;
  const bool a_high = a.flags & kHigh, b_high = b.flags & kHigh;
  int cost = 0;
  if (ka == Kind::kLower && kb == Kind::kUpper && b_high) cost += 3;             // "sÃ", "вЂ"
  if (a_high && is_word_letter(ka) && (b.flags & kTrailRangeLetter)) cost += 3;  // "âœ", "Ãš"
  // Symbols a code page holds glued to a letter; emoji, dingbats and music notes after a
  // word ("love❤", "hatiku♫") are normal in social text.
  if (is_word_letter(ka) && kb == Kind::kSymbol && (b.flags & kOldSymbol) &&
      !((b.flags & kSuffixSign) && b_ends_word)) {
    cost += 3;  // "Ã©", "Ã³"
  }
  if (ka == Kind::kSymbol && is_word_letter(kb) && a_high) {
    cost += (a.flags & kOtherNumber) ? 3 : 2;  // "©r"; "³c" (after "m²" nothing follows)
  }
  if (a_high && is_word_letter(ka) && (b.flags & kReplacement))
    cost += 2;  // "Ä\uFFFD": a lead, its trail lost
  if (is_word_letter(ka) && kb == Kind::kPunct && b_high) {
    // "Ã¡", "â€"; an opening mark straight after a letter ("Ä«", "ï¿") is worse.
    cost += (b.flags & kOpensAfterLetter) ? 3 : 2;
  }
  // Opening quotes and dashes before a word are normal; other marks inside words are not.
  if (ka == Kind::kPunct && a_high && is_word_letter(kb) && !(a.flags & kOpensWord)) cost += 2;
  if ((ka == Kind::kNbsp && kb == Kind::kSpace) || (ka == Kind::kSpace && kb == Kind::kNbsp))
    cost += 3;
  if (ka == Kind::kSymbol && a_high && b_high && (kb == Kind::kSymbol || kb == Kind::kPunct))
    cost += 1;
  if (kb == Kind::kMark && !is_word_letter(ka) && ka != Kind::kMark && ka != Kind::kNumber &&
      ka != Kind::kSymbol)
    cost += 3;
  if (kb == Kind::kMark && is_word_letter(ka) && b.mark_script != a.script &&
      b.mark_script != Script::kOther)
    cost += 3;  // "â۪": a mark of one script on a letter of another
  if (ka == Kind::kControl || kb == Kind::kControl) cost += 1;
  if (a.script != Script::kNone && b.script != Script::kNone && a.script != b.script)
    cost += 1;  // a script change inside a word
  return cost;
}

// What the cost model asks of a character, looked up in a table for the characters below
// U+2600 (nearly everything mojibake is made of) instead of computed at every use.
constexpr std::uint8_t kNoPairClass = 0xFF;

struct Traits {
  Category category;
  Script script;  // of the character itself: fullwidth letters are not narrowed here
  std::uint8_t rarity;
  std::uint8_t pair_class;  // which class of PairTraits `pair` is, below U+2600
  PairTraits pair;
};

Traits compute_traits(char32_t c) {
  return {unicode::category(c), compute_script(c), static_cast<std::uint8_t>(compute_rarity(c)),
          kNoPairClass, compute_pair_traits(c)};
}

constexpr char32_t kTraitsLimit = 0x2600;

// The traits of the characters below U+2600, and pair_cost() of every two classes of
// PairTraits among them (about a hundred), for a word that ends after the second and for
// one that goes on. Built when the program starts (with the page masks and ASCII pair
// costs below, about 8 million instructions, 2 ms, once per process or wasm instance):
// built on first use instead, the guard on every look-up cost 8% of mojibake repair.
struct CostTables {
  static constexpr std::size_t kMaxClasses = 64;  // there are about 50
  std::array<Traits, kTraitsLimit> traits;
  // [ends_word][class of a][class of b], flat, so that the index is shifts and ors.
  std::array<std::int8_t, 2 * kMaxClasses * kMaxClasses> pair_costs;

  int pair(std::uint8_t a, std::uint8_t b, bool ends_word) const {
    return pair_costs[(static_cast<std::size_t>(ends_word) * kMaxClasses + a) * kMaxClasses + b];
  }
};

const std::unique_ptr<const CostTables> kCostTables = [] {
  auto built = std::make_unique<CostTables>();
  std::vector<PairTraits> classes;
  for (char32_t cp = 0; cp < kTraitsLimit; ++cp) {
    Traits t = compute_traits(cp);
    const auto found = std::find(classes.begin(), classes.end(), t.pair);
    t.pair_class = static_cast<std::uint8_t>(found - classes.begin());
    if (found == classes.end()) classes.push_back(t.pair);
    built->traits[cp] = t;
  }
  if (classes.size() > CostTables::kMaxClasses) std::abort();  // a new trait: raise the limit
  for (std::size_t a = 0; a < classes.size(); ++a) {
    for (std::size_t b = 0; b < classes.size(); ++b) {
      for (const bool ends : {false, true}) {
        built->pair_costs[(ends * CostTables::kMaxClasses + a) * CostTables::kMaxClasses + b] =
            static_cast<std::int8_t>(pair_cost(classes[a], classes[b], ends));
      }
    }
  }
  return built;
}();

// Characters from U+2600 up (CJK, emoji, fullwidth forms) are computed, and remembered in a
// small cache: a line of Chinese repeats its common ideographs.
Traits high_traits(char32_t c) {
  struct Entry {
    char32_t c = 0;  // never a character asked for here
    Traits traits{};
  };
  thread_local std::array<Entry, 512> cache;
  Entry& entry = cache[(c * 2654435761u) >> 23];
  if (entry.c != c) entry = {c, compute_traits(c)};
  return entry.traits;
}

inline Traits traits(char32_t c) {
  return c < kTraitsLimit ? kCostTables->traits[c] : high_traits(c);
}

Script script_of(char32_t c) {
  return traits(c).script;
}
int rarity(char32_t c) {
  return traits(c).rarity;
}

// Whether a character may be the guess for a lost byte: one not rare in news.
bool guess_is_at_home(char32_t c) {
  return rarity(c) < 3;
}
Category category_of(char32_t c) {
  return traits(c).category;
}

// Whether what Windows-1252 reads a sequence as leaves other pages a chance to read it
// better: a C1 control, or a code point the basic plane leaves unassigned. (An unassigned
// one above it may be an emoji newer than these tables.)
bool other_pages_compete(char32_t c) {
  return is_c1(c) || (c < 0x10000 && category_of(c) == Category::Cn);
}
bool is_letter(char32_t c) {
  return category_of(c) <= Category::Lo;
}
bool is_number(char32_t c) {
  const Category cat = category_of(c);
  return cat == Category::Nd || cat == Category::Nl || cat == Category::No;
}

// pair_cost() of two characters; `after_b` is what follows the second.
int pair_cost_at(const Traits& a, const Traits& b, char32_t after_b) {
  const bool ends_word = !(b.pair.flags & kSuffixSign) ||
                         (after_b < 0x80 && !is_letter(after_b) && !is_number(after_b));
  if (a.pair_class != kNoPairClass && b.pair_class != kNoPairClass)
    return kCostTables->pair(a.pair_class, b.pair_class, ends_word);
  return pair_cost(a.pair, b.pair, ends_word);
}

// Â and Ã are what Windows-1252 makes of the lead bytes of all Latin-1 characters, and
// rare in real text (Portuguese capitals aside).
int original_rarity(char32_t c) {
  if (c == 0xC2 || c == 0xC3) return 2;
  return c == 0xEF ? 1 : 0;  // ï: the lead of U+FFFD, the BOM and fullwidth forms
}

// What a character can be in each code page (see page_masks() below).
struct PageMasks {
  std::uint16_t lead = 0, nbsp_lead = 0, trail = 0;
  std::uint16_t e2_lead = 0;  // the pages that read byte 0xE2 as the character
};
PageMasks masks_of(char32_t c);

// The pages in which `c` is a sign (not a letter) among the UTF-8 trail bytes (0x80-0xBF).
std::uint16_t trail_sign_pages(char32_t c) {
  return category_of(c) > Category::Lo ? masks_of(c).trail : 0;
}

// pair_cost() of two ASCII characters, which does not depend on what follows them.
const std::unique_ptr<const std::array<std::array<std::int8_t, 128>, 128>> kAsciiPairCosts = [] {
  auto built = std::make_unique<std::array<std::array<std::int8_t, 128>, 128>>();
  for (char32_t a = 0; a < 128; ++a) {
    for (char32_t b = 0; b < 128; ++b)
      (*built)[a][b] = static_cast<std::int8_t>(pair_cost_at(traits(a), traits(b), U' '));
  }
  return built;
}();

// The cost of a stretch of text: its characters' rarity and every neighbouring pair's.
// `line_script` is the script most letters of the line are in: a letter of another script
// standing nearly alone ("se trouve Г lвЂ™ouest") is itself a sign.
int text_cost(std::u32string_view text, Script line_script, bool original) {
  // Between two ASCII characters only their pair can cost anything, when ASCII letters
  // are of the line's script: the common case, looked up.
  const bool ascii_is_native = line_script == Script::kLatin || line_script == Script::kNone;
  const std::size_t n = text.size();
  int cost = 0;
  char32_t before = 0;
  for (std::size_t i = 0; i < n; before = text[i++]) {
    const char32_t c = text[i];
    if (c < 0x80 && before < 0x80 && ascii_is_native) {
      if (i > 0) cost += (*kAsciiPairCosts)[before][c];
      continue;
    }
    const Traits t = traits(c);
    const bool has_after = i + 1 < n;
    const char32_t after = has_after ? text[i + 1] : U' ';
    // A C1 control read back from a whole sequence is what the text held; a stray one is not.
    cost += (!original && is_c1(c)) ? 3 : t.rarity + (original ? original_rarity(c) : 0);
    if (i == 0) {
      if (t.script != Script::kNone && line_script != Script::kNone && t.script != line_script &&
          !(has_after && is_letter(after)))
        cost += 3;  // see below
      continue;
    }
    const Traits t_before = traits(before);
    cost += pair_cost_at(t_before, t, after);
    if (c == kNoBreakSpace) {
      if (has_after && t_before.category <= Category::Lo && is_letter(after))
        cost += 3;  // a no-break space glued inside a word
      if (original && before == 0xC2 && !(has_after && is_letter(after)))
        cost += 2;  // "Â\u00A0" binding nothing: a no-break space read as Windows-1252
    }
    if (original && c == U'?' && before >= 0x80 && has_after && after >= 0x80)
      cost += 2;  // "Ã?Â": a byte a strict decoder replaced by "?"
    // "Â" is Windows-1252's reading of the lead of Latin-1 signs (C2), and "â" (in 1251
    // "в", in 1253 "β"...) a page's reading of the lead of punctuation, currency, arrows
    // and mathematics (E2). In words they come before letters; glued to a sign of the
    // page's trail range ("DICOMÂ®"), or to two of them ("5â‚¬", "Appleâ„¢", "â†’", "в„–"
    // for "№" in 1251), they are what is left of a UTF-8 sequence. (A no-break space after
    // "Â" has its rule above; "â€" alone may be a quote that lost its last byte. "В«" is not
    // taken in 1251: "В" is a Russian word.)
    if (original && c != kNoBreakSpace && t.category > Category::Lo && before >= 0xC2) {
      const std::uint16_t e2_pages = before == 0xC2 ? 0 : masks_of(before).e2_lead;
      if (before == 0xC2 || e2_pages) {
        const std::uint16_t signs = masks_of(c).trail;  // c is not a letter
        if (before == 0xC2
                ? (signs & 1u) != 0
                : (signs & e2_pages) && has_after && (signs & e2_pages & trail_sign_pages(after)))
          cost += 2;
      }
    }
    if (t.script != Script::kNone && line_script != Script::kNone && t.script != line_script &&
        t_before.category > Category::Lo && !(has_after && is_letter(after)))
      cost += 3;  // a letter of another script standing alone
    // Two capitals, the second a code page's (Latin, Greek or Cyrillic, not ASCII), going on
    // in small letters: what a page that reads the lead of an accented letter as a capital
    // makes of a capitalised name ("MĂĽnchen", "SĂŁo" in Windows-1250, "MГјnchen" and "SГЈo"
    // in 1251, "MΓΌnchen" in 1253, "ΓÇö" for "—" in cp437). Units of measure ("МВт",
    // "ГГц") keep one script, and Dutch "IJs" has an ASCII second capital.
    if (t.category == Category::Ll && t_before.category == Category::Lu && before >= 0x80 &&
        before < 0x500 && i >= 2 && category_of(text[i - 2]) == Category::Lu &&
        (t_before.script == Script::kLatin || script_of(text[i - 2]) != t_before.script ||
         t.script != t_before.script))
      cost += 3;
    // "ß" follows a capital only in capitals ("STRAßE"): "Mßnchen" is Windows-1250's reading
    // of ISO-8859-2's "MĂźnchen" (ź is 0x9F there, 0xBC here), and "München" the right one.
    if (c == 0xDF && t_before.category == Category::Lu && has_after &&
        category_of(after) == Category::Ll)
      cost += 3;
  }
  return cost;
}

// A small prior: Windows-1252 (and Latin-1) misreadings are by far the most common.
int code_page_prior(CodePage page) {
  return page == CodePage::kWindows1252 ? 0 : 1;
}

// --- Candidates ------------------------------------------------------------------------

int trail_count(int lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 1;
  if (lead >= 0xE0 && lead <= 0xEF) return 2;
  if (lead >= 0xF0 && lead <= 0xF4) return 3;
  return -1;
}

bool second_byte_ok(int lead, int b) {
  if (b < 0x80 || b > 0xBF) return false;
  if (lead == 0xE0) return b >= 0xA0;
  if (lead == 0xF0) return b >= 0x90;
  if (lead == 0xF4) return b <= 0x8F;
  return true;  // 0xED is allowed 0xA0-0xBF too: CESU-8 surrogates, paired below
}

bool is_trail(int b) {
  return b >= 0x80 && b <= 0xBF;
}

char32_t decode_sequence(const int* bytes, int length) {
  char32_t cp = static_cast<char32_t>(bytes[0]) & (0x7F >> (length));
  for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<char32_t>(bytes[k]) & 0x3F);
  return cp;
}

// One candidate repair inside a line: characters [begin, end) read as `decoded`.
struct Unit {
  std::size_t begin, end;
  std::u32string decoded;
  bool weak;             // it relies on a guess about a lost byte
  bool unknown = false;  // a byte was dropped and context could not tell which: U+FFFD
};

// Bytes a code page leaves undefined: the ones lost in transit when text was decoded with
// a strict decoder and re-encoded.
const std::vector<int>& undefined_bytes(CodePage page) {
  static const auto tables = [] {
    std::array<std::vector<int>, kCodePageCount> built;
    for (std::size_t p = 0; p < kCodePageCount; ++p) {
      for (int b = 0x80; b < 0xA0; ++b) {
        if (decode_byte(static_cast<CodePage>(p), static_cast<unsigned char>(b)) ==
            static_cast<char32_t>(b)) {
          built[p].push_back(b);
        }
      }
    }
    return built;
  }();
  return tables[static_cast<std::size_t>(page)];
}

class LineScanner {
 public:
  LineScanner(std::u32string_view line, CodePage page)
      : line_(line), page_(page), table_(encode_table(page)) {}

  // The byte that the character at `i` is in this page, or -1.
  int byte(std::size_t i) const {
    const char32_t c = line_[i];
    if (c < 0x80) return static_cast<int>(c);
    return c < kEncodeTableLimit ? table_[c] : encode_byte(page_, c);
  }

  // The candidate that starts at `i`, if any.
  std::optional<Unit> unit_at(std::size_t i) const {
    const int lead = byte(i);
    const int trails = trail_count(lead);
    if (trails < 0) return std::nullopt;
    int seq[4] = {lead, 0, 0, 0};
    int have = 0;
    bool flattened = false;  // a space stood in for a no-break space (0xA0) inside the sequence
    while (have < trails && i + 1 + have < line_.size()) {
      int b = byte(i + 1 + have);
      if (line_[i + 1 + have] == U' ' && have + 1 < trails && nbsp_is_a0()) {
        b = 0xA0;
        flattened = true;
      }
      if (have == 0 ? !second_byte_ok(lead, b) : !is_trail(b)) break;
      seq[1 + have] = b;
      ++have;
    }
    if (have == trails) {
      const char32_t cp = decode_sequence(seq, trails + 1);
      if (cp >= 0xD800 && cp <= 0xDBFF && !flattened) return cesu_pair(i, cp);
      if (cp >= 0xD800 && cp <= 0xDFFF) return std::nullopt;
      return Unit{i, i + 1 + trails, std::u32string(1, cp), flattened};
    }
    if (flattened) return std::nullopt;
    return lost_byte_unit(i, seq, have, trails);
  }

  bool nbsp_is_a0() const { return decode_byte(page_, 0xA0) == kNoBreakSpace; }

 private:
  // CESU-8: a high surrogate's three bytes followed by a low surrogate's.
  std::optional<Unit> cesu_pair(std::size_t i, char32_t high) const {
    if (i + 6 > line_.size() || byte(i + 3) != 0xED || !is_trail(byte(i + 4)) ||
        !is_trail(byte(i + 5))) {
      return std::nullopt;
    }
    const int low_seq[3] = {byte(i + 3), byte(i + 4), byte(i + 5)};
    const char32_t low = decode_sequence(low_seq, 3);
    if (low < 0xDC00 || low > 0xDFFF) return std::nullopt;
    return Unit{i, i + 6, std::u32string(1, 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)),
                false};
  }

  // A sequence with a byte lost. What came instead tells what happened to it:
  // - "?" or U+FFFD where a byte should be: replaced, and the character is unknown (U+FFFD);
  // - a space where the last byte should be: a no-break space (0xA0) flattened to a space;
  // - nothing (another character follows): a byte the code page leaves undefined, dropped.
  std::optional<Unit> lost_byte_unit(std::size_t i, const int* seq, int have, int trails) const {
    // Replaced bytes, anywhere in the sequence: "Ã?", "â?¬", "Ä\uFFFD".
    {
      std::size_t k = i + 1;
      int filled = 0, replaced = 0;
      while (filled < trails && k < line_.size()) {
        if (line_[k] == U'?' || line_[k] == kReplacementChar) {
          ++replaced;
        } else if (!is_trail(byte(k))) {
          break;
        }
        ++filled;
        ++k;
      }
      if (filled == trails && replaced > 0 &&
          (trails > 1 || line_[i + 1] == kReplacementChar || line_[i + 1] == U'?')) {
        // The text shows its loss, and the repair keeps showing it (U+FFFD), as ftfy does
        // ("“lossy decodingâ€\uFFFD" at the end of a line). Except where what the lost byte
        // can have been leaves one choice: a closing quote after an opening one, with the
        // sentence going on after a space ("“Sivil kayıplar kabul edilemezâ€\uFFFD dedi.") or
        // ended, as the issue's own example has it for a dropped byte; a joiner between two emoji
        // ("ðŸ‘¨â€\uFFFDðŸ‘©"), where a lone U+FFFD would split one picture into two and a stray
        // sign; one common letter among rare characters ("ã\uFFFD¯" is "は": the others are CJK
        // extension A).
        char32_t guess = kReplacementChar;
        if (replaced == 1) {
          const std::vector<char32_t> options = replaced_options(i, trails);
          auto offers = [&](char32_t c) {
            return std::find(options.begin(), options.end(), c) != options.end();
          };
          // Only for U+FFFD: a "?" may be the text's own after a dropped byte ("â€?" is "”?"
          // as well as "”"), and ftfy's cases keep "â€?" a loss. At the end of a line, only
          // after the sentence's punctuation ("…they’re going down.â€\uFFFD"), where none of
          // the other readings (a joiner, a hyphen, a mark, a space) stands.
          const char32_t before = i > 0 ? line_[i - 1] : U' ';
          const bool goes_on = k + 1 < line_.size() && line_[k] == U' ';
          const bool ends_sentence = k == line_.size() && std::u32string_view(U".,!?;:").find(
                                                              before) != std::u32string_view::npos;
          if (offers(0x201D) && line_[k - 1] == kReplacementChar && (goes_on || ends_sentence) &&
              quote_open_before(i))
            guess = 0x201D;
          else if (offers(0x200D) && joins_emoji(i, k))
            guess = 0x200D;
          else
            guess = only_common_letter(options);
        }
        return Unit{i, k, std::u32string(1, guess), true};
      }
    }
    if (have != trails - 1) return std::nullopt;
    const std::size_t next = i + 1 + have;
    const char32_t after = next < line_.size() ? line_[next] : U'\0';
    auto flattened_nbsp = [&]() -> std::optional<Unit> {
      int full[4] = {seq[0], seq[1], seq[2], seq[3]};
      full[1 + have] = 0xA0;
      const char32_t cp = decode_sequence(full, trails + 1);
      if (cp >= 0xD800 && cp <= 0xDFFF) return std::nullopt;
      return Unit{i, consumes_space(next, cp) ? next + 1 : next, std::u32string(1, cp), true};
    };
    const bool space_may_be_nbsp = after == U' ' && nbsp_is_a0();
    if (trails == 1) return space_may_be_nbsp ? flattened_nbsp() : std::nullopt;
    if (have < 1) return std::nullopt;
    // A dropped byte. Not where a complete sequence follows at once: "â\x80â\x80\x9c" is two
    // layers of mojibake, not a lost byte.
    if (next < line_.size() && valid_unit_at(next)) return std::nullopt;
    // The dropped byte is taken to have been the last: one dropped from the middle ("ã“"
    // for "こ", its 0x81 gone) cannot be told from lower-cased mojibake ("pã¡gina" would
    // become "pちgina").
    std::vector<char32_t> options;
    for (int b : undefined_bytes(page_)) {
      int full[4] = {seq[0], seq[1], seq[2], seq[3]};
      full[1 + have] = b;
      const char32_t cp = decode_sequence(full, trails + 1);
      if (cp < 0xD800 || cp > 0xDFFF) options.push_back(cp);
    }
    const char32_t chosen = choose_lost(options, i, after, next);
    // Context did not single out a dropped byte; a space right after may be the last byte,
    // a flattened no-break space ("à¸ " for "ภ").
    if (chosen == kReplacementChar && space_may_be_nbsp) {
      if (std::optional<Unit> unit = flattened_nbsp()) return unit;
    }
    return Unit{i, next, std::u32string(1, chosen), true, chosen == kReplacementChar};
  }

  // Whether a space after a sequence that lost its no-break space was that space: when the
  // mojibake goes on right after it ("Ð ÑƒÑ"), when a one-letter fragment follows ("hĂ i",
  // "Ã s"), when another space follows, or when the repair is itself a space.
  bool consumes_space(std::size_t space, char32_t repaired) const {
    if (!unicode::is_lower(repaired) || !is_letter(repaired))
      return true;  // "Å veices" -> "Šveices"
    const std::size_t n = space + 1;
    if (n >= line_.size()) return false;
    if (line_[n] == U' ') return true;
    if (trail_count(byte(n)) > 0 && n + 1 < line_.size() &&
        (is_trail(byte(n + 1)) || line_[n + 1] == U' '))
      return true;
    // A small letter that ends a word ("voilÃ le") keeps its space, as does one that is a
    // word itself ("Ã perturber"), unless a one-letter fragment follows ("hĂ i", "Ã s") or
    // the word that "à" contracts with in Portuguese ("Ã quele" -> "àquele").
    std::size_t word_end = n;
    while (word_end < line_.size() && is_letter(line_[word_end])) ++word_end;
    const std::u32string_view word = line_.substr(n, word_end - n);
    const bool ends_clause = word_end >= line_.size() || line_[word_end] == U' ' ||
                             line_[word_end] == U',' || line_[word_end] == U'.';
    if (word.size() == 1 && ends_clause) return true;
    if (repaired == 0xE0) {
      for (std::u32string_view contracted : {U"quele", U"queles", U"quela", U"quelas", U"quilo"}) {
        if (word == contracted) return true;
      }
    }
    return false;
  }

  // Whether a complete, well-formed sequence starts at `i`.
  bool valid_unit_at(std::size_t i) const {
    const int lead = byte(i);
    const int trails = trail_count(lead);
    if (trails < 0 || i + trails >= line_.size()) return false;
    for (int k = 1; k <= trails; ++k) {
      if (k == 1 ? !second_byte_ok(lead, byte(i + 1)) : !is_trail(byte(i + k))) return false;
    }
    return true;
  }

  // What the sequence of `trails` trail bytes at `i`, one of them replaced by "?" or U+FFFD,
  // can have been: the replaced byte one its page leaves undefined, as decoders replace.
  std::vector<char32_t> replaced_options(std::size_t i, int trails) const {
    int full[4] = {byte(i), 0, 0, 0};
    int replaced_at = 0;
    for (int t = 1; t <= trails; ++t) {
      const char32_t c = line_[i + t];
      if (c == U'?' || c == kReplacementChar) {
        replaced_at = t;
      } else {
        full[t] = byte(i + t);
      }
    }
    std::vector<char32_t> options;
    for (int b : undefined_bytes(page_)) {
      full[replaced_at] = b;
      if (replaced_at == 1 && !second_byte_ok(full[0], b)) continue;
      const char32_t cp = decode_sequence(full, trails + 1);
      if (cp < 0xD800 || cp > 0xDFFF) options.push_back(cp);
    }
    return options;
  }

  // The one option that is a letter (or a vowel sign) common in news, if only one is ("は"
  // among "は" and four CJK extension A ideographs); U+FFFD otherwise ("с", "э" and "я" for
  // Cyrillic "Ñ"; Tamil's virama, a vowel sign and "ௐ" for "à¯"). A page with a single
  // undefined byte (Windows-1251's 0x98) offers one option, which singles out nothing:
  // "дё" of correct Russian would be "丘" with a dropped 0x98.
  static char32_t only_common_letter(const std::vector<char32_t>& options) {
    char32_t found = kReplacementChar;
    if (options.size() < 2) return found;
    for (char32_t cp : options) {
      if (rarity(cp) != 0 || !(is_letter(cp) || unicode::is_mark(cp))) continue;
      if (found != kReplacementChar) return kReplacementChar;
      found = cp;
    }
    return found;
  }

  // Whether the sequence at `i`, ending before `after_at`, stands between two emoji, where a
  // lost character is the zero width joiner that makes them one ("👨\u200D👩"): each side an
  // emoji as written, or one misread, whose four bytes begin F0 9F.
  bool joins_emoji(std::size_t i, std::size_t after_at) const {
    auto misread_emoji_at = [&](std::size_t k) {
      return k + 1 < line_.size() && byte(k) == 0xF0 && byte(k + 1) == 0x9F;
    };
    auto emoji = [](char32_t c) { return c >= 0x1F000 || (c >= 0x2600 && c <= 0x27BF); };
    const bool before = i > 0 && (emoji(line_[i - 1]) || (i >= 4 && misread_emoji_at(i - 4)));
    return before && after_at < line_.size() &&
           (emoji(line_[after_at]) || misread_emoji_at(after_at));
  }

  // Whether an opening quote before position `i` is left open: a “ not closed yet, or one
  // still misread ("â€œ").
  bool quote_open_before(std::size_t i) const {
    std::size_t open_quotes = 0;
    for (std::size_t k = 0; k < i; ++k) {
      if (line_[k] == 0x201C) ++open_quotes;
      if (line_[k] == 0x201D && open_quotes > 0) --open_quotes;
    }
    return open_quotes > 0 || std::u32string_view(line_.substr(0, i)).find(U"\u00E2\u20AC\u0153") !=
                                  std::u32string_view::npos;
  }

  // Picks the character a dropped byte most plausibly made, or U+FFFD when context does not
  // single one out: a closing quote after an unmatched opening one, a variation selector
  // after a symbol, a joiner between two emoji.
  char32_t choose_lost(const std::vector<char32_t>& options, std::size_t i, char32_t after,
                       std::size_t after_at) const {
    const char32_t before = i > 0 ? line_[i - 1] : U' ';
    // A closing position: straight after a word or its final punctuation, before a space,
    // punctuation or the end. Of the characters a dropped byte can leave in "â€" (a zero
    // width joiner or mark, a hyphen, an em quad, the closing quote), only the quote
    // stands there in prose; the dagger that ftfy makes of "â€ " would swallow the space.
    const bool closes_word =
        before < 0x80 ? (is_letter(before) || is_number(before) ||
                         std::u32string_view(U".,!?;:)").find(before) != std::u32string_view::npos)
                      : script_of(before) == Script::kLatin;
    for (char32_t cp : options) {
      if (cp == 0x201D && !is_letter(after) && (closes_word || quote_open_before(i))) return cp;
      if (cp == 0xFE0F && (unicode::is_symbol(before) || before == kReplacementChar)) return cp;
      if (cp == 0x200D && joins_emoji(i, after_at)) return cp;
    }
    // Not the one common letter among the options, as for a replaced byte: which byte was
    // dropped is not known ("åŒ" is "同" with its 0x90 gone from the middle, not "匝" with a
    // byte gone from the end).
    return kReplacementChar;
  }

  std::u32string_view line_;
  CodePage page_;
  const std::int16_t* table_;
};

// What a character can be in each code page (PageMasks), as bit masks over the pages: a
// UTF-8 lead byte; a two-byte lead that, with a no-break space (0xA0) flattened to the space
// after it, would be a character read_token_units() may guess (in a page whose 0xA0 is one,
// a result at home in news: a Russian line's "Я " and "С " would be U+07E0 and "Ѡ", and are
// no candidates); a trail byte; the lead 0xE2. Precomputed for the characters below U+2600
// so that the quick test costs a look-up per character.
PageMasks page_masks(char32_t c) {
  PageMasks masks;
  for (std::size_t p = 0; p < kCodePageCount; ++p) {
    const auto page = static_cast<CodePage>(p);
    const int b = encode_byte(page, c);
    if (b >= 0xC2 && b <= 0xF4) masks.lead |= std::uint16_t(1u << p);
    const int flattened[2] = {b, 0xA0};
    if (b >= 0xC2 && b <= 0xDF && decode_byte(page, 0xA0) == kNoBreakSpace &&
        guess_is_at_home(decode_sequence(flattened, 2)))
      masks.nbsp_lead |= std::uint16_t(1u << p);
    if (is_trail(b)) masks.trail |= std::uint16_t(1u << p);
    if (b == 0xE2) masks.e2_lead |= std::uint16_t(1u << p);
  }
  return masks;
}

const std::unique_ptr<const std::array<PageMasks, 0x2600>> kPageMasksTable = [] {
  auto built = std::make_unique<std::array<PageMasks, 0x2600>>();
  for (char32_t cp = 0x80; cp < 0x2600; ++cp) (*built)[cp] = page_masks(cp);
  return built;
}();

// The few characters from U+2600 up that some page has a byte for (cp437's card suits,
// MacRoman's ligatures and Apple logo), with their masks, sorted: every other character
// from there up is in no page.
const std::vector<std::pair<char32_t, PageMasks>> kHighPageMasks = [] {
  std::vector<std::pair<char32_t, PageMasks>> built;
  for (const auto& page : kCodePageHighHalf) {
    for (const char32_t c : page) {
      if (c >= 0x2600) built.emplace_back(c, page_masks(c));
    }
  }
  insertion_sort(built.begin(), built.end(),
                 [](const auto& a, const auto& b) { return a.first < b.first; });
  return built;
}();

PageMasks masks_of(char32_t c) {
  if (c < 0x2600) return (*kPageMasksTable)[c];
  const auto found = std::lower_bound(
      kHighPageMasks.begin(), kHighPageMasks.end(), c,
      [](const std::pair<char32_t, PageMasks>& entry, char32_t key) { return entry.first < key; });
  return found != kHighPageMasks.end() && found->first == c ? found->second : PageMasks{};
}
// --- Decisions -------------------------------------------------------------------------

struct TokenRepair {
  std::vector<Unit> units;
  int gain = 0;
  bool weak_only = true;
  int lost_bytes = 0;
  int original_cost = 0, repaired_cost = 0;  // of the token with a character of context
  CodePage page{};
};

// The pages in which the character at `k` is a UTF-8 lead byte followed by what can go on
// a candidate: a trail byte of the same page, "?" or U+FFFD (a replaced byte), or a space
// (a flattened no-break space, in the pages whose 0xA0 is one).
// `masks` are the character's; the next character's are looked up when needed, into
// `next_masks` (which then says so), for the caller to use for that character in turn.
std::uint16_t pages_starting_candidate(std::u32string_view line, std::size_t k,
                                       const PageMasks& masks,
                                       std::optional<PageMasks>& next_masks) {
  static const std::uint16_t nbsp_pages = [] {
    std::uint16_t mask = 0;
    for (std::size_t p = 0; p < kCodePageCount; ++p) {
      if (decode_byte(static_cast<CodePage>(p), 0xA0) == kNoBreakSpace)
        mask |= std::uint16_t(1u << p);
    }
    return mask;
  }();
  next_masks.reset();
  if (!masks.lead || k + 1 >= line.size()) return 0;
  const char32_t next = line[k + 1];
  if (next == U'?' || next == kReplacementChar) return masks.lead;
  if (next == U' ') return masks.lead & nbsp_pages;
  if (next < 0x80) return 0;
  next_masks = masks_of(next);
  return masks.lead & next_masks->trail;
}

// The cost of a token as written, which every page's reading is measured against: computed
// once per extent.
struct OriginalCost {
  std::size_t from = 0, to = 0;
  int cost = -1;
};

// The units of a reading of the token [begin, end) of the scanner's line in one code page.
TokenRepair read_token_units(std::size_t begin, std::size_t end, const LineScanner& scanner,
                             CodePage page) {
  TokenRepair result;
  result.page = page;
  for (std::size_t i = begin; i < end;) {
    std::optional<Unit> unit = scanner.unit_at(i);
    if (unit) {
      result.weak_only = result.weak_only && unit->weak;
      i = std::max(unit->end, i + 1);
      result.units.push_back(std::move(*unit));
    } else {
      ++i;
    }
  }
  // A dropped byte that context cannot name turns visible characters into U+FFFD: a guess
  // that destroys. It is made only where what follows vouches for it: a variation selector
  // whose own lost byte was restored ("â˜ï¸", a pictograph and its emoji presentation).
  std::erase_if(result.units, [&](const Unit& u) {
    if (!u.unknown) return false;
    const auto next = std::find_if(result.units.begin(), result.units.end(),
                                   [&](const Unit& v) { return v.begin == u.end; });
    return next == result.units.end() || next->decoded != U"\uFE0F";
  });
  // A guessed byte must give a character at home in news. Riding on a token whose other
  // units are certain, "Ñ " (a "я" whose 0x8F was dropped) would otherwise become the
  // historic "Ѡ" and swallow the space after it.
  std::erase_if(result.units,
                [](const Unit& u) { return u.weak && !guess_is_at_home(u.decoded[0]); });
  return result;
}

// The extent of `line` that a reading of the token [begin, end) is measured on: the token
// with a character of context on each side, as far as its units reach.
std::pair<std::size_t, std::size_t> measured_extent(std::u32string_view line, std::size_t begin,
                                                    std::size_t end, const TokenRepair& reading) {
  const std::size_t from = begin > 0 ? begin - 1 : begin;
  std::size_t to = std::min(line.size(), end + 1);
  for (const Unit& u : reading.units) to = std::max(to, std::min(line.size(), u.end + 1));
  return {from, to};
}

// Measures a reading of the token [begin, end) that read_token_units() made: its costs
// before and after, and its gain.
void measure_token(std::u32string_view line, std::size_t begin, std::size_t end,
                   TokenRepair& result, Script line_script, Script repaired_script,
                   OriginalCost& original) {
  // Cost of the token with one character of context on each side, before and after.
  const auto [from, to] = measured_extent(line, begin, end, result);
  std::u32string repaired;
  std::size_t at = from;
  int lost_bytes = 0;
  for (const Unit& u : result.units) {
    repaired.append(line.substr(at, u.begin - at));
    repaired += u.decoded;
    at = u.end;
    lost_bytes += u.weak;
  }
  repaired.append(line.substr(at, to - at));
  if (original.cost < 0 || original.from != from || original.to != to)
    original = {from, to, text_cost(line.substr(from, to - from), line_script, true)};
  result.original_cost = original.cost;
  result.repaired_cost = text_cost(repaired, repaired_script, false);
  result.gain = result.original_cost - result.repaired_cost - kLostBytePenalty * lost_bytes;
  result.lost_bytes = lost_bytes;
#ifdef WINNOW_DEBUG_MOJIBAKE
  std::fprintf(stderr, "  %s: original %d, repaired %d\n",
               std::string(code_page_name(result.page)).c_str(),
               text_cost(line.substr(from, to - from), line_script, true),
               text_cost(repaired, repaired_script, false));
#endif
  // Dense mojibake of another script ("×‘×”×•" for Hebrew, "Ð±ÑŠÐ»" for Bulgarian) reads
  // back as letters of one script: coherence the symbol salad did not have.
  if (result.units.size() >= 2) {
    Script script = Script::kNone;
    bool coherent = true;
    for (const Unit& u : result.units) {
      const Script s = script_of(u.decoded[0]);
      coherent = coherent && rarity(u.decoded[0]) <= 1;
      if (s == Script::kNone) {
        coherent = coherent && (u.decoded[0] == kReplacementChar || unicode::is_mark(u.decoded[0]));
        continue;
      }
      if (script == Script::kNone) script = s;
      coherent = coherent && s == script;
    }
    if (coherent && script != Script::kNone)
      result.gain += kCoherenceBonus * static_cast<int>(result.units.size() - 1);
  }
}

// A bound on the gain measure_token() can find for a reading: its cost as written (in the
// line's script, or, before that is measured, in none, plus the 3 that each letter standing
// alone could add as a letter of another script), nothing after (no cost is below zero),
// and the coherence bonus. A line none of whose readings can reach kStrongGain has no
// evidence, and is left as it is without measuring its scripts.
int gain_bound(std::u32string_view line, std::size_t begin, std::size_t end,
               const TokenRepair& reading, std::optional<Script> line_script) {
  const auto [from, to] = measured_extent(line, begin, end, reading);
  const std::u32string_view extent = line.substr(from, to - from);
  int bound = text_cost(extent, line_script.value_or(Script::kNone), true);
  if (!line_script) {
    for (std::size_t i = 0; i < extent.size(); ++i) {
      const bool alone = (i == 0 || !is_letter(extent[i - 1])) &&
                         !(i + 1 < extent.size() && is_letter(extent[i + 1]));
      if (alone && script_of(extent[i]) != Script::kNone) bound += 3;
    }
  }
  for (const Unit& u : reading.units) bound -= kLostBytePenalty * u.weak;
  if (reading.units.size() >= 2)
    bound += kCoherenceBonus * static_cast<int>(reading.units.size() - 1);
  return bound;
}

struct LineResult {
  std::u32string text;
  bool changed = false;
  // What the repaired tokens cost before and after, each with a character of context:
  // reads_right() of this one layer, without measuring the line again.
  int cost_before = 0, cost_after = 0;
};

using ScriptCounts = std::array<int, 12>;  // letters per Script

Script most_common_script(ScriptCounts counts) {
  counts[0] = 0;
  const auto best = std::max_element(counts.begin(), counts.end());
  return *best > 0 ? static_cast<Script>(best - counts.begin()) : Script::kNone;
}

Script dominant_script(std::u32string_view line) {
  ScriptCounts counts{};
  for (char32_t c : line) counts[static_cast<std::size_t>(script_of(c))]++;
  return most_common_script(counts);
}

// A whole UTF-8 sequence, not a surrogate, from the bytes `next_byte()` gives (a code
// page's byte for each next character; -1 for a character the page lacks or past the end
// of what may be read) into `sequence`: false when they are not one. The reading of whole
// sequences that repaired_line_script() and the fast path below share.
struct WholeSequence {
  int bytes[4];
  int length;
  char32_t decoded;
};

template <typename NextByte>
bool read_whole_sequence(NextByte next_byte, WholeSequence& sequence) {
  const int lead = next_byte();
  const int trails = trail_count(lead);
  if (trails < 0) return false;
  sequence.bytes[0] = lead;
  for (int k = 1; k <= trails; ++k) {
    const int b = next_byte();
    if (k == 1 ? !second_byte_ok(lead, b) : !is_trail(b)) return false;
    sequence.bytes[k] = b;
  }
  sequence.length = trails + 1;
  sequence.decoded = decode_sequence(sequence.bytes, sequence.length);
  return sequence.decoded < 0xD800 || sequence.decoded > 0xDFFF;
}

// What `page` reads the characters [begin, end) of `line` as, when it reads every
// non-ASCII one of them as part of a whole UTF-8 sequence within them (no surrogates):
// the scripts of its characters into `read`, and the number of sequences. Nothing (0)
// otherwise. The fast path below takes the same readings in Windows-1252, on UTF-8.
std::size_t whole_reading(std::u32string_view line, std::size_t begin, std::size_t end,
                          CodePage page, ScriptCounts& read) {
  const std::int16_t* table = encode_table(page);
  auto byte_of = [&](char32_t c) -> int {
    return c < kEncodeTableLimit ? table[c] : encode_byte(page, c);
  };
  read = {};
  std::size_t sequences = 0;
  for (std::size_t i = begin; i < end;) {
    if (line[i] < 0x80) {
      read[static_cast<std::size_t>(script_of(line[i++]))]++;
      continue;
    }
    WholeSequence sequence;
    if (!read_whole_sequence([&] { return i < end ? byte_of(line[i++]) : -1; }, sequence)) return 0;
    read[static_cast<std::size_t>(script_of(sequence.decoded))]++;
    ++sequences;
  }
  return sequences;
}

// The script most letters of the line will be in once repaired, which repaired text is
// judged in: a line of Cyrillic mojibake is Latin as written ("Ð’ Ð¼Ð¾ÐµÐ¹"), and its lone
// "В" is a Russian word, not a foreign letter. A token counts as the first code page that
// reads it whole reads it (Windows-1252 first, as everywhere here) when that reading is a
// run of two or more sequences; one sequence may be a coincidence ("√π" is "ù" in
// MacRoman), and such a token, like any other, counts as written.
Script repaired_line_script(std::u32string_view line) {
  ScriptCounts counts{};
  for (std::size_t pos = 0; pos < line.size();) {
    if (is_ascii_space(line[pos])) {
      ++pos;
      continue;
    }
    // Only a page in which the first non-ASCII character is a lead byte, and every other
    // one a lead or trail byte, can read the token whole.
    std::size_t end = pos;
    bool non_ascii = false;
    std::uint16_t pages = 0;
    for (; end < line.size() && !is_ascii_space(line[end]); ++end) {
      if (line[end] < 0x80) continue;
      const PageMasks masks = masks_of(line[end]);
      pages = non_ascii ? pages & (masks.lead | masks.trail) : masks.lead;
      non_ascii = true;
    }
    std::size_t sequences = 0;
    ScriptCounts read{};
    for (std::size_t p = 0; pages && sequences == 0 && p < kCodePageCount; ++p) {
      if (pages >> p & 1) sequences = whole_reading(line, pos, end, static_cast<CodePage>(p), read);
    }
    if (sequences >= 2) {
      for (std::size_t k = 0; k < counts.size(); ++k) counts[k] += read[k];
    } else {
      for (std::size_t k = pos; k < end; ++k)
        counts[static_cast<std::size_t>(script_of(line[k]))]++;
    }
    pos = end;
  }
  return most_common_script(counts);
}

LineResult repair_line(std::u32string_view line, std::vector<Repair>& repairs) {
  // Each code page's view of the line, made when a token first needs it.
  std::array<std::optional<LineScanner>, kCodePageCount> scanners;
  auto scanner = [&](std::size_t p) -> const LineScanner& {
    if (!scanners[p]) scanners[p].emplace(line, static_cast<CodePage>(p));
    return *scanners[p];
  };

  // Every code page's repair of every token; the best first.
  struct Token {
    std::size_t start, end;
    std::vector<TokenRepair> candidates;  // best first
  };
  std::vector<Token> tokens;
  bool may_have_evidence = false;  // see gain_bound()
  for (std::size_t pos = 0; pos < line.size();) {
    // Only a token with a non-ASCII character can hold a candidate: the next one.
    std::size_t first = pos;
    while (first < line.size() && line[first] < 0x80) ++first;
    if (first == line.size()) break;
    std::size_t i = first;
    while (i > pos && !is_ascii_space(line[i - 1])) --i;
    std::size_t end = first + 1;
    while (end < line.size() && !is_ascii_space(line[end])) ++end;
    Token token{i, end, {}};
    // Only the pages in which some character of the token can start a candidate.
    std::uint16_t pages = 0;
    std::size_t non_ascii = 0;
    std::optional<PageMasks> next_masks;
    for (std::size_t k = i; k < end; ++k) {
      if (line[k] < 0x80) continue;
      ++non_ascii;
      const PageMasks masks = next_masks ? *next_masks : masks_of(line[k]);
      pages |= pages_starting_candidate(line, k, masks, next_masks);
    }
    for (std::size_t p = 0; p < kCodePageCount && pages; ++p) {
      if (!(pages >> p & 1)) continue;
      TokenRepair candidate = read_token_units(i, end, scanner(p), static_cast<CodePage>(p));
      if (candidate.units.empty()) continue;
      may_have_evidence =
          may_have_evidence || gain_bound(line, i, end, candidate, std::nullopt) >= kStrongGain;
      token.candidates.push_back(std::move(candidate));
      // Windows-1252, the most common page by far, comes first. When it reads every
      // non-ASCII character of the token as whole UTF-8 sequences, no other page can read
      // more of it, and the others are not tried; unless a sequence reads as a C1 control
      // or as no character, which another page may read as one ("ÂŠ" is "©" in
      // ISO-8859-2, and ISO-8859-2's "×Š" is "ש" where Windows-1252 makes an unassigned
      // Hebrew code point of it: see other_pages_compete()).
      if (p == 0) {
        std::size_t read = 0;
        bool whole = true;
        for (const Unit& u : token.candidates.back().units) {
          read += u.end - u.begin;
          whole = whole && !u.weak && u.end <= end && !other_pages_compete(u.decoded[0]);
        }
        if (whole && read == non_ascii) break;
      }
    }
    if (!token.candidates.empty()) tokens.push_back(std::move(token));
    pos = end;
  }
  // Most lines that pass the quick test and hold a reading cannot be evidence of mojibake
  // (a Russian line's "В " may be a flattened no-break space): they are left as they are
  // before the line's scripts are measured.
  if (!may_have_evidence) return {};
  const Script line_script = dominant_script(line);
  may_have_evidence = std::any_of(tokens.begin(), tokens.end(), [&](const Token& token) {
    return std::any_of(
        token.candidates.begin(), token.candidates.end(), [&](const TokenRepair& candidate) {
          return gain_bound(line, token.start, token.end, candidate, line_script) >= kStrongGain;
        });
  });
  if (!may_have_evidence) return {};
  const Script repaired_script = repaired_line_script(line);
  for (Token& token : tokens) {
    OriginalCost original_cost;
    for (TokenRepair& candidate : token.candidates) {
      measure_token(line, token.start, token.end, candidate, line_script, repaired_script,
                    original_cost);
      // The bounds that let lines be left unmeasured hold (checked where asserts are on:
      // the sanitizer build of the test suite, and fuzz_repair).
      assert(candidate.gain <= gain_bound(line, token.start, token.end, candidate, line_script));
      assert(candidate.gain <= gain_bound(line, token.start, token.end, candidate, std::nullopt));
    }
    // Rank readings by gain, then by how much of the token they explain (an intermediate
    // layer of layered mojibake still looks odd, but the right page reads all of it), then
    // by how common the code page is.
    auto rank = [](const TokenRepair& r) {
      return r.gain + 2 * static_cast<int>(r.units.size()) - code_page_prior(r.page);
    };
    insertion_sort(token.candidates.begin(), token.candidates.end(),
                   [&](const TokenRepair& a, const TokenRepair& b) { return rank(a) > rank(b); });
  }

  // Line evidence: the tokens' gains, net of correctly encoded characters elsewhere on
  // the line that mojibake in the same code page would have garbled too.
  int total = 0, evidence_tokens = 0, best_gain = 0;
  CodePage evidence_page = CodePage::kWindows1252;
  for (const Token& token : tokens) {
    const TokenRepair& best = token.candidates.front();
    if (best.gain < kStrongGain) continue;
    if (best.gain > best_gain) {
      best_gain = best.gain;
      evidence_page = best.page;
    }
    total += best.gain;
    ++evidence_tokens;
  }
  // A token reads in the line's code page when that does as well, so one line is not
  // repaired in two code pages ("MĂĄm dost tĹ\x99etĂ\xadho" is ISO-8859-2 throughout).
  std::vector<const TokenRepair*> chosen;
  for (const Token& token : tokens) {
    const TokenRepair* pick = &token.candidates.front();
    for (const TokenRepair& candidate : token.candidates) {
      if (candidate.page == evidence_page && candidate.gain >= pick->gain - 1) pick = &candidate;
    }
    chosen.push_back(pick);
  }
  // Correctly encoded characters between the garbled tokens (a token reaches as far as its
  // units do).
  int clean = 0;
  const std::int16_t* evidence_table = encode_table(evidence_page);
  auto count_clean = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      const char32_t c = line[i];
      if (c >= 0x80 && c != kNoBreakSpace && !is_c1(c) &&
          (c < kEncodeTableLimit ? evidence_table[c] : encode_byte(evidence_page, c)) >= 0) {
        ++clean;
      }
    }
  };
  std::size_t outside = 0;  // where the text outside garbled tokens resumes
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    std::size_t end = tokens[t].end;
    for (const Unit& u : chosen[t]->units) end = std::max(end, u.end);
    count_clean(outside, std::max(outside, tokens[t].start));
    outside = std::max(outside, end);
  }
  count_clean(outside, line.size());
  const int penalty = kCleanCharPenalty * std::min(clean, evidence_tokens);
  if (evidence_tokens > 1) total += kCorroboration * (evidence_tokens - 1);
#ifdef WINNOW_DEBUG_MOJIBAKE  // -DWINNOW_DEBUG_MOJIBAKE: trace every decision on stderr
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    std::fprintf(stderr, "token@%zu %s gain=%d (cost %d -> %d) weak_only=%d\n", tokens[t].start,
                 std::string(code_page_name(chosen[t]->page)).c_str(), chosen[t]->gain,
                 chosen[t]->original_cost, chosen[t]->repaired_cost, chosen[t]->weak_only);
    for (const Unit& u : chosen[t]->units) {
      std::fprintf(stderr, "    %s -> %s%s\n",
                   unicode::to_utf8(line.substr(u.begin, u.end - u.begin)).c_str(),
                   unicode::to_utf8(u.decoded).c_str(), u.weak ? " (weak)" : "");
    }
  }
  std::fprintf(stderr, "line total=%d clean=%d penalty=%d\n", total, clean, penalty);
#endif
  if (evidence_tokens == 0 || total - penalty < kLineGain) return {};

  LineResult result;
  // Units are reported once per distinct repair, with a count: a line of mojibake repeats
  // the same few ("Ã©" -> "é") many times. They are grouped by a hash of what they were
  // and became; a collision only splits a group, which RepairLog::add() merges again.
  struct Reported {
    std::uint64_t key;
    const Unit* unit;
    std::u32string_view from;
  };
  std::vector<Reported> reported;
  std::size_t at = 0;
  for (const TokenRepair* repair : chosen) {
    // On a garbled line, any token that reads no worse is repaired; a lost byte's guess
    // gets some benefit of the doubt there.
    const int floor = repair->weak_only ? kWeakOnGarbledLine : 0;
    if (repair->gain + kLostBytePenalty * repair->lost_bytes < floor) continue;
    bool applied = false;
    for (const Unit& u : repair->units) {
      if (u.begin < at) continue;
      result.text.append(line.substr(at, u.begin - at));
      result.text += u.decoded;
      const std::u32string_view from = line.substr(u.begin, u.end - u.begin);
      std::uint64_t key = u.weak ? 0x9E3779B97F4A7C15ull : 0;
      for (char32_t c : from) key = (key ^ c) * 0x100000001B3ull;
      for (char32_t c : u.decoded) key = (key ^ c) * 0x100000001B3ull;
      reported.push_back({key, &u, from});
      at = u.end;
      applied = true;
    }
    if (applied) {
      result.changed = true;
      result.cost_before += repair->original_cost;
      result.cost_after += repair->repaired_cost;
    }
  }
  result.text.append(line.substr(at));
  // Units are in text order. Sorted by key (then position), equal repairs lie together and
  // each run's first unit is the first of its kind in the text; the counts are then
  // reported at those first units, walking the text in order.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> order(reported.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = {reported[k].key, k};
  std::sort(order.begin(), order.end());
  std::vector<std::uint32_t> count_at(reported.size(), 0);
  for (std::size_t i = 0; i < order.size();) {
    const Reported& first = reported[order[i].second];
    std::size_t j = i + 1;
    while (j < order.size() && order[j].first == first.key &&
           reported[order[j].second].unit->weak == first.unit->weak &&
           reported[order[j].second].from == first.from &&
           reported[order[j].second].unit->decoded == first.unit->decoded)
      ++j;
    count_at[order[i].second] = static_cast<std::uint32_t>(j - i);
    i = j;
  }
  for (std::size_t k = 0; k < reported.size(); ++k) {
    if (count_at[k] == 0) continue;
    const Reported& r = reported[k];
    repairs.push_back({unicode::to_utf8(r.from), unicode::to_utf8(r.unit->decoded),
                       r.unit->weak ? RepairReason::kLostBytes : RepairReason::kMojibake,
                       count_at[k]});
  }
  return result;
}

// Quick test: can the line hold mojibake at all? It needs a character that is a UTF-8 lead
// byte in some code page, followed by one that is a trail byte in the same page, or by a
// space where a no-break space may have been flattened, or by U+FFFD; or a C1 control.

// One character of the quick test, on UTF-32 and UTF-8 alike: whether the character
// before (its masks in `previous`; none below 0x80) and `c` can begin a candidate (a lead
// byte followed by a trail byte of the same page, by a space where a no-break space may
// have been flattened, or by U+FFFD), or `c` is a C1 control. Leaves `c`'s masks in
// `previous`.
bool quick_test_step(PageMasks& previous, char32_t c) {
  if (c < 0x80) {
    const bool flattened_nbsp = c == U' ' && previous.nbsp_lead;
    previous = {};
    return flattened_nbsp;
  }
  if (is_c1(c)) return true;
  const PageMasks masks = masks_of(c);
  const bool candidate = previous.lead && (c == kReplacementChar || (previous.lead & masks.trail));
  previous = masks;
  return candidate;
}

bool may_hold_mojibake(std::u32string_view line) {
  PageMasks previous{};
  for (const char32_t c : line) {
    if (quick_test_step(previous, c)) return true;
  }
  return false;
}

}  // namespace

// The quick test on UTF-8, before any conversion: most lines with non-ASCII text (curly
// quotes, accented letters) fail it at once, and ASCII is skipped eight bytes at a time
// (after an ASCII byte, the rest of its run cannot begin a candidate).
bool may_hold_mojibake(std::string_view line) {
  PageMasks previous{};
  for (std::size_t i = 0; i < line.size();) {
    const auto b = static_cast<unsigned char>(line[i]);
    if (b < 0x80) {
      if (quick_test_step(previous, b)) return true;
      i = unicode::skip_ascii(line, i + 1);
      continue;
    }
    if (quick_test_step(previous, unicode::next_code_point(line, i))) return true;
  }
  return false;
}

// The part of a line that a repair changed, widened to whole tokens: [begin, end) of the
// original, [begin, repaired_end) of the repair.
struct ChangedSpan {
  std::size_t begin, end, repaired_end;
};

ChangedSpan changed_span(std::u32string_view original, std::u32string_view repaired) {
  std::size_t prefix = 0;
  while (prefix < original.size() && prefix < repaired.size() &&
         original[prefix] == repaired[prefix])
    ++prefix;
  std::size_t suffix = 0;
  while (suffix < original.size() - prefix && suffix < repaired.size() - prefix &&
         original[original.size() - 1 - suffix] == repaired[repaired.size() - 1 - suffix])
    ++suffix;
  while (prefix > 0 && !is_ascii_space(original[prefix - 1])) --prefix;
  while (suffix > 0 && !is_ascii_space(original[original.size() - suffix])) --suffix;
  return {prefix, original.size() - suffix, repaired.size() - suffix};
}

// Whether a repair, all its layers together, reads right. Each layer only has to read
// better than the text it was given, because the middle layers of layered mojibake look odd
// too; so text that is UTF-8 in no code page (mojibake that was later lower-cased: "ã†â€™
// ãƒâ€ ã¢â‚¬â„¢") could be walked, a layer at a time, into another salad. The end must
// take away at least half of what looked wrong at the start.
bool reads_right(std::u32string_view original, std::u32string_view repaired) {
  const ChangedSpan span = changed_span(original, repaired);
  const Script script = dominant_script(original);
  const int before = text_cost(original.substr(span.begin, span.end - span.begin), script, true);
  const int after =
      text_cost(repaired.substr(span.begin, span.repaired_end - span.begin), script, false);
  return after * 2 <= before;
}

// --- The common case, on UTF-8 --------------------------------------------------------
//
// Most garbled lines are Windows-1252 readings through and through: every non-ASCII
// character is part of a whole UTF-8 sequence in that page ("Ð¼Ð¾Ñ", "â€™"), none of which
// reads as a C1 control (which other pages may read as a character). On such a line
// the general path (repair_line() on UTF-32) tries no other page, guesses no lost byte and
// finds no correctly encoded character to weigh: what is left of its work is measuring
// each token and the line. This path does that work on the UTF-8 as it is, without
// converting the line or allocating per token. Every other line goes to the general path,
// which also takes over from the second layer when the repaired line may hold another. It
// must decide exactly as that path would: fuzz_repair and the differential test in
// tests/unit/mojibake_paths_test.cpp compare the two on garbled, clean and random text.
namespace {

enum class FastOutcome { kUnchanged, kRepaired, kGeneral };

// A whole UTF-8 sequence in Windows-1252: the original characters at bytes [begin, end)
// of the line, and the character they read as.
struct WholeUnit {
  std::uint32_t begin, end;
  char32_t decoded;
};

struct WholeToken {
  std::uint32_t begin, end;                  // bytes of the line
  std::uint32_t first_unit, end_unit;        // into the line's units
  std::uint32_t bytes_begin, bytes_end;      // into scratch.repaired_bytes
  std::uint32_t original_from, original_to;  // into scratch.original
  std::uint32_t repaired_from, repaired_to;  // into scratch.repaired
  int gain = 0, original_cost = 0, repaired_cost = 0;
};

// A buffer sized for the most a line can put in it before the line is read, so that no
// write checks capacity (nor clears what it is about to write).
template <typename Char>
struct Presized {
  std::vector<Char> buffer;
  std::size_t size = 0;
  void start(std::size_t capacity) {
    if (buffer.size() < capacity) buffer.resize(capacity);
    size = 0;
  }
  void push(Char c) { buffer[size++] = c; }
  std::basic_string_view<Char> view() const { return {buffer.data(), size}; }
};

struct WholeLineScratch {
  std::vector<WholeUnit> units;
  std::vector<WholeToken> tokens;
  // Every token as Windows-1252 reads it, one after another: never more than the line.
  Presized<char> repaired_bytes;
  // The tokens as written and as repaired, each with a character of context on each side,
  // one after another: at most a character per byte, and the context.
  Presized<char32_t> original, repaired;
  std::string text;  // the repaired line
  struct Group {
    std::uint32_t unit;  // the first unit of its kind in the line
    std::uint32_t count;
    std::uint64_t key;  // its bytes, when eight or fewer (see group_units())
  };
  std::vector<Group> groups;         // in order of first occurrence
  std::vector<std::uint32_t> slots;  // open addressing over `groups`, 0 for empty
};

bool is_ascii_letter(unsigned char b) {
  return static_cast<unsigned char>((b | 0x20) - 'a') < 26;
}

std::size_t count_ascii_letters(std::string_view line) {
  std::size_t count = 0;
  for (const char b : line) count += is_ascii_letter(static_cast<unsigned char>(b));
  return count;
}

bool has_non_ascii_letter(std::string_view line) {
  for (std::size_t i = unicode::skip_ascii(line, 0); i < line.size();
       i = unicode::skip_ascii(line, i)) {
    if (is_letter(unicode::next_code_point(line, i))) return true;
  }
  return false;
}

// Reads the token [token.begin, token.end) of `line` in Windows-1252: its units, its
// repaired bytes, and the token as written and as repaired with a character of context on
// each side (white space or nothing: tokens end at white space), which is what
// measure_token() measures. False when some non-ASCII character of the token is not part
// of a whole sequence within it, or when a sequence reads as a C1 control.
bool read_whole_token(std::string_view line, WholeToken& token, const std::int16_t* table,
                      WholeLineScratch& scratch) {
  auto& original = scratch.original;
  auto& repaired = scratch.repaired;
  token.original_from = static_cast<std::uint32_t>(original.size);
  token.repaired_from = static_cast<std::uint32_t>(repaired.size);
  auto& bytes = scratch.repaired_bytes;
  token.bytes_begin = static_cast<std::uint32_t>(bytes.size);
  token.first_unit = static_cast<std::uint32_t>(scratch.units.size());
  auto context = [&](std::size_t at) {
    const char32_t c = static_cast<unsigned char>(line[at]);
    original.push(c);
    repaired.push(c);
  };
  if (token.begin > 0) context(token.begin - 1);
  auto byte_of = [&](char32_t c) -> int {
    original.push(c);
    return c < kEncodeTableLimit ? table[c] : encode_byte(CodePage::kWindows1252, c);
  };
  for (std::size_t i = token.begin; i < token.end;) {
    const auto b0 = static_cast<unsigned char>(line[i]);
    if (b0 < 0x80) {
      original.push(b0);
      repaired.push(b0);
      bytes.push(static_cast<char>(b0));
      ++i;
      continue;
    }
    const std::size_t unit_begin = i;
    // CESU-8 and stray surrogates are not whole sequences: the general path takes them.
    WholeSequence sequence;
    if (!read_whole_sequence(
            [&] { return i < token.end ? byte_of(unicode::next_code_point(line, i)) : -1; },
            sequence))
      return false;
    const char32_t cp = sequence.decoded;
    if (other_pages_compete(cp)) return false;  // see repair_line()
    repaired.push(cp);
    for (int k = 0; k < sequence.length; ++k) bytes.push(static_cast<char>(sequence.bytes[k]));
    scratch.units.push_back(
        {static_cast<std::uint32_t>(unit_begin), static_cast<std::uint32_t>(i), cp});
  }
  if (token.end < line.size()) context(token.end);
  token.original_to = static_cast<std::uint32_t>(original.size);
  token.repaired_to = static_cast<std::uint32_t>(repaired.size);
  token.end_unit = static_cast<std::uint32_t>(scratch.units.size());
  token.bytes_end = static_cast<std::uint32_t>(bytes.size);
  return true;
}

// What measure_token() makes of a token read: its costs and gain.
void measure_whole_token(WholeToken& token, Script line_script, Script repaired_script,
                         const WholeLineScratch& scratch) {
  const std::u32string_view original = scratch.original.view(), repaired = scratch.repaired.view();
  token.original_cost =
      text_cost(original.substr(token.original_from, token.original_to - token.original_from),
                line_script, true);
  token.repaired_cost =
      text_cost(repaired.substr(token.repaired_from, token.repaired_to - token.repaired_from),
                repaired_script, false);
  token.gain = token.original_cost - token.repaired_cost;
  // Its coherence bonus: the units read as letters of one script.
  const std::uint32_t unit_count = token.end_unit - token.first_unit;
  if (unit_count < 2) return;
  Script script = Script::kNone;
  bool coherent = true;
  for (std::uint32_t k = token.first_unit; k < token.end_unit && coherent; ++k) {
    const char32_t d = scratch.units[k].decoded;
    const Script s = script_of(d);
    coherent = rarity(d) <= 1;
    if (s == Script::kNone) {
      coherent = coherent && (d == kReplacementChar || unicode::is_mark(d));
      continue;
    }
    if (script == Script::kNone) script = s;
    coherent = coherent && s == script;
  }
  if (coherent && script != Script::kNone)
    token.gain += kCoherenceBonus * static_cast<int>(unit_count - 1);
}

// Counts each distinct unit of the repaired tokens (told apart by what they were, which
// decides what they read as), in order of first occurrence, as repair_line() reports them.
void group_units(std::string_view line, WholeLineScratch& scratch) {
  auto& groups = scratch.groups;
  auto& slots = scratch.slots;
  groups.clear();
  std::size_t capacity = 64;
  while (capacity < 2 * scratch.units.size()) capacity *= 2;
  slots.assign(capacity, 0);
  // A unit is told apart by its bytes, which decide what it reads as. Up to eight of them
  // (nearly every unit: "Ã©" is four, "â€™" eight) are one integer to hash and compare.
  auto packed = [&](const WholeUnit& u) -> std::uint64_t {
    const std::size_t length = u.end - u.begin;
    std::uint64_t bytes = 0;
    if (length > 8) return 0;
    if (std::endian::native == std::endian::little && u.begin + 8 <= line.size()) {
      std::memcpy(&bytes, line.data() + u.begin, 8);  // the first byte lowest, as below
      if (length < 8) bytes &= (std::uint64_t{1} << (8 * length)) - 1;
    } else {
      for (std::size_t i = length; i-- > 0;)
        bytes = bytes << 8 | static_cast<unsigned char>(line[u.begin + i]);
    }
    return bytes;
  };
  for (const WholeToken& token : scratch.tokens) {
    if (token.gain < 0) continue;
    for (std::uint32_t k = token.first_unit; k < token.end_unit; ++k) {
      const WholeUnit& u = scratch.units[k];
      const std::uint64_t key = packed(u);  // 0 for a unit of more than eight bytes
      const std::uint64_t hash = key ? (key * 0x9E3779B97F4A7C15ull) >> 32 : u.decoded;
      for (std::size_t slot = hash & (capacity - 1);; slot = (slot + 1) & (capacity - 1)) {
        if (slots[slot] == 0) {
          groups.push_back({k, 1, key});
          slots[slot] = static_cast<std::uint32_t>(groups.size());
          break;
        }
        auto& group = groups[slots[slot] - 1];
        const WholeUnit& first = scratch.units[group.unit];
        if (key ? group.key == key
                : group.key == 0 && first.decoded == u.decoded &&
                      line.substr(first.begin, first.end - first.begin) ==
                          line.substr(u.begin, u.end - u.begin)) {
          ++group.count;
          break;
        }
      }
    }
  }
}

// The first layer of a line that Windows-1252 reads whole, into scratch.text with its
// costs; kGeneral when the line is not one, or when its repair begins with a byte order mark.
struct WholeLayer {
  FastOutcome outcome;
  int cost_before = 0, cost_after = 0;
};

WholeLayer repair_whole_1252_line(std::string_view line, WholeLineScratch& scratch) {
  scratch.units.clear();
  scratch.tokens.clear();
  scratch.repaired_bytes.start(line.size());
  const std::int16_t* table = encode_table(CodePage::kWindows1252);
  scratch.original.start(3 * line.size() + 2);
  scratch.repaired.start(3 * line.size() + 2);
  for (std::size_t pos = 0; pos < line.size();) {
    const std::size_t first = unicode::skip_ascii(line, pos);
    if (first == line.size()) break;
    WholeToken token{};
    token.begin = static_cast<std::uint32_t>(first);
    token.end = static_cast<std::uint32_t>(first + 1);
    while (token.begin > pos && !is_ascii_space(static_cast<unsigned char>(line[token.begin - 1])))
      --token.begin;
    while (token.end < line.size() && !is_ascii_space(static_cast<unsigned char>(line[token.end])))
      ++token.end;
    if (!read_whole_token(line, token, table, scratch)) return {FastOutcome::kGeneral};
    scratch.tokens.push_back(token);
    pos = token.end;
  }
  if (scratch.tokens.empty()) return {FastOutcome::kGeneral};  // C1 controls alone, say
  // Every letter such a line holds is Latin: the line's script is Latin if it has one.
  const std::size_t ascii_letters = count_ascii_letters(line);
  const Script line_script =
      ascii_letters > 0 || has_non_ascii_letter(line) ? Script::kLatin : Script::kNone;
  // The script of the line as repaired (see repaired_line_script()): its ASCII letters, and
  // what the units of each token with two or more read as.
  ScriptCounts counts{};
  counts[static_cast<std::size_t>(Script::kLatin)] = static_cast<int>(ascii_letters);
  for (const WholeToken& token : scratch.tokens) {
    if (token.end_unit - token.first_unit >= 2) {
      for (std::uint32_t k = token.first_unit; k < token.end_unit; ++k)
        ++counts[static_cast<std::size_t>(script_of(scratch.units[k].decoded))];
    } else {  // one sequence: as written (see repaired_line_script())
      const WholeUnit& u = scratch.units[token.first_unit];
      for (std::size_t i = u.begin; i < u.end;)
        ++counts[static_cast<std::size_t>(script_of(unicode::next_code_point(line, i)))];
    }
  }
  const Script repaired_script = most_common_script(counts);
  // Line evidence as repair_line() weighs it; no correctly encoded character is left.
  int total = 0, evidence_tokens = 0;
  for (WholeToken& token : scratch.tokens) {
    measure_whole_token(token, line_script, repaired_script, scratch);
    if (token.gain >= kStrongGain) {
      total += token.gain;
      ++evidence_tokens;
    }
  }
  if (evidence_tokens > 1) total += kCorroboration * (evidence_tokens - 1);
  if (evidence_tokens == 0 || total < kLineGain) return {FastOutcome::kUnchanged};

  WholeLayer layer{FastOutcome::kRepaired};
  std::string& text = scratch.text;
  text.clear();
  std::size_t copied = 0;
  for (const WholeToken& token : scratch.tokens) {
    if (token.gain < 0) continue;  // a token that reads worse stays as it is
    text.append(line, copied, token.begin - copied);
    text.append(scratch.repaired_bytes.view().substr(token.bytes_begin,
                                                     token.bytes_end - token.bytes_begin));
    copied = token.end;
    layer.cost_before += token.original_cost;
    layer.cost_after += token.repaired_cost;
  }
  text.append(line, copied);
  if (std::string_view(text).starts_with("\xC3\xAF\xC2\xBB\xC2\xBF"))
    return {FastOutcome::kGeneral};
  group_units(line, scratch);
  return layer;
}

}  // namespace

// Repairs one stretch of a line (the whole line, unless it is very long).
bool repair_stretch(std::string_view line, RepairLog& log, std::string& out, MojibakePath path) {
  const bool bom_first = line.starts_with("\xC3\xAF\xC2\xBB\xC2\xBF");
  if (!bom_first && !may_hold_mojibake(line)) return false;
  // The text after each layer, and what each layer repaired.
  std::vector<std::u32string> states;
  std::vector<std::vector<Repair>> layer_repairs;
  std::optional<std::pair<int, int>> first_layer_costs;  // before, after
  std::string_view first_layer_text;                     // in UTF-8, from the fast path
  int layer = 0;
  if (!bom_first && path == MojibakePath::kAny) {
    thread_local WholeLineScratch scratch;
    const WholeLayer whole = repair_whole_1252_line(line, scratch);
    if (whole.outcome == FastOutcome::kUnchanged) return false;
    if (whole.outcome == FastOutcome::kRepaired) {
      const std::string_view text = scratch.text;
      // What the layer repaired, as the general path would have reported it.
      auto for_each_repair = [&](auto&& report) {
        char to[4];
        for (const auto& group : scratch.groups) {
          const WholeUnit& u = scratch.units[group.unit];
          report(line.substr(u.begin, u.end - u.begin),
                 std::string_view(to, unicode::encode_utf8(u.decoded, to)), group.count);
        }
      };
      if (!detail::may_hold_mojibake(text)) {
        // One layer, the common case: judged and written without leaving UTF-8.
        if (whole.cost_after * 2 > whole.cost_before) return false;  // reads_right()
        for_each_repair([&](std::string_view from, std::string_view to, std::size_t count) {
          log.add(RepairReason::kMojibake, from, to, count);
        });
        out += text;
        return true;
      }
      // Another layer may lie under this one: the general path goes on from the second.
      std::vector<Repair> repairs;
      for_each_repair([&](std::string_view from, std::string_view to, std::size_t count) {
        repairs.push_back({std::string(from), std::string(to), RepairReason::kMojibake, count});
      });
      // The text as written is converted only if a deeper layer is judged against it.
      states.emplace_back();
      states.push_back(unicode::to_utf32(text));
      first_layer_text = text;
      layer_repairs.push_back(std::move(repairs));
      first_layer_costs = {whole.cost_before, whole.cost_after};
      layer = 1;
    }
  }
  if (states.empty()) states.push_back(unicode::to_utf32(line));
  auto state = [&](std::size_t k) -> const std::u32string& {
    if (k == 0 && states[0].empty()) states[0] = unicode::to_utf32(line);
    return states[k];
  };
  auto strip_bom = [](std::u32string& text, std::vector<Repair>& repairs) {
    // A UTF-8 byte order mark read as Latin-1 or Windows-1252, where files begin.
    if (!text.starts_with(U"\u00EF\u00BB\u00BF")) return false;
    repairs.push_back({"\xC3\xAF\xC2\xBB\xC2\xBF", "", RepairReason::kMojibake});
    text.erase(0, 3);
    return true;
  };
  for (; layer < kMaxLayers; ++layer) {
    std::vector<Repair> repairs;
    std::optional<std::u32string> without_bom;
    if (states.back().starts_with(U"\u00EF\u00BB\u00BF")) {
      without_bom = states.back();
      strip_bom(*without_bom, repairs);
    }
    const std::u32string_view text = without_bom ? *without_bom : states.back();
    // The UTF-8 line passed the quick test already.
    const bool may_hold = (layer == 0 && !without_bom) || may_hold_mojibake(text);
    LineResult r = may_hold ? repair_line(text, repairs) : LineResult{};
    if (r.changed) {
      if (layer == 0 && !without_bom) first_layer_costs = {r.cost_before, r.cost_after};
      strip_bom(r.text, repairs);
      states.push_back(std::move(r.text));
    } else if (without_bom) {
      states.push_back(std::move(*without_bom));
    } else {
      break;
    }
    layer_repairs.push_back(std::move(repairs));
  }
  // The deepest layer that reads right against every text before it: a layer that turns
  // an earlier reading into a salad is not taken, nor anything after it.
  std::size_t keep = states.size() - 1;
  auto reads_right_from_all = [&](std::size_t j) {
    for (std::size_t i = 0; i < j; ++i) {
      // One layer from the text as written: its tokens were measured already.
      const bool right = i == 0 && j == 1 && first_layer_costs
                             ? first_layer_costs->second * 2 <= first_layer_costs->first
                             : reads_right(state(i), state(j));
      if (!right) return false;
    }
    return true;
  };
  while (keep > 0 && !reads_right_from_all(keep)) --keep;
  if (keep == 0) return false;
  for (std::size_t k = 0; k < keep; ++k) {
    for (const Repair& r : layer_repairs[k]) log.add(r.reason, r.from, r.to, r.count);
  }
  if (keep == 1 && !first_layer_text.empty()) {
    out += first_layer_text;
  } else {
    out += unicode::to_utf8(states[keep]);
  }
  return true;
}

bool fix_mojibake(std::string_view line, RepairLog& log, std::string& out, MojibakePath path) {
  // A line's evidence is weighed within the line; a very long line (a whole page without
  // breaks) is taken in stretches cut at spaces, which keeps memory bounded: mojibake lives
  // inside words, so a cut between words changes no reading.
  constexpr std::size_t kStretch = 16 * 1024;
  // Mojibake is made of non-ASCII characters: ASCII text has none.
  if (unicode::skip_ascii(line, 0) == line.size()) return false;
  if (line.size() <= kStretch) return repair_stretch(line, log, out, path);
  bool changed = false;
  std::size_t start = 0;
  while (start < line.size()) {
    std::size_t end = std::min(line.size(), start + kStretch);
    if (end < line.size()) {
      // Searched within this stretch only: a line without spaces must not be rescanned
      // from its start for every stretch.
      const std::size_t space = line.substr(start, end - start + 1).rfind(' ');
      if (space != std::string_view::npos && space > 0) {
        end = start + space + 1;
      } else {
        while (end > start && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80)
          --end;  // a character boundary
        if (end == start) end = std::min(line.size(), start + kStretch);
      }
    }
    const std::size_t before = out.size();
    if (repair_stretch(line.substr(start, end - start), log, out, path)) {
      changed = true;
    } else {
      out.resize(before);
      out.append(line.substr(start, end - start));
    }
    start = end;
  }
  return changed;
}

}  // namespace winnow::detail
