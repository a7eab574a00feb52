#include "decode/decode.hpp"

#include "repair/codepages.hpp"  // the code-page tables, shared with mojibake repair
#include "unicode/unicode.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace winnow {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// What Table 3-7 of Unicode 15 allows after a lead byte: how many trail bytes follow, and
// the range of the first of them (narrower after E0, ED, F0 and F4: no overlong forms, no
// surrogates, nothing above U+10FFFF). trail_count 0: the byte cannot start a sequence
// (a stray trail byte, C0, C1, F5..FF).
struct SequenceShape {
  std::size_t trail_count = 0;
  unsigned char second_lo = 0x80, second_hi = 0xBF;
};

constexpr SequenceShape shape_after(unsigned char lead) {
  SequenceShape shape;
  if (lead >= 0xC2 && lead <= 0xDF) {
    shape.trail_count = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    shape.trail_count = 2;
    if (lead == 0xE0) shape.second_lo = 0xA0;
    if (lead == 0xED) shape.second_hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    shape.trail_count = 3;
    if (lead == 0xF0) shape.second_lo = 0x90;
    if (lead == 0xF4) shape.second_hi = 0x8F;
  }
  return shape;
}

// Length of the maximal subpart of the ill-formed sequence at p: the longest prefix that
// is the start of some well-formed sequence, or 1 (Unicode 15, D93b and Table 3-7).
// Called only where find_invalid_utf8() found the sequence at p ill-formed.
std::size_t maximal_subpart_length(const unsigned char* p, const unsigned char* end) {
  const SequenceShape shape = shape_after(p[0]);
  if (shape.trail_count == 0) return 1;
  std::size_t length = 1;
  if (p + length < end && p[length] >= shape.second_lo && p[length] <= shape.second_hi) {
    ++length;
    while (length <= shape.trail_count && p + length < end && (p[length] & 0xC0) == 0x80) ++length;
  }
  return std::min(length, shape.trail_count);  // a complete sequence would have been valid
}

// The first ill-formed sequence in [p, end), or end. Runs of ASCII are skipped eight bytes
// at a time; each other sequence is checked on its own against Table 3-7 of Unicode 15
// (lead byte, the narrower range of the second byte, trail bytes), so mostly-ASCII text
// costs little more than the scan. tests/reference holds the oracle it is checked against.
const char* find_invalid_utf8(const char* p, const char* end) {
  const auto* q = reinterpret_cast<const unsigned char*>(p);
  const auto* const stop = reinterpret_cast<const unsigned char*>(end);
  while (true) {
    q += unicode::skip_ascii(
        std::string_view(reinterpret_cast<const char*>(q), static_cast<std::size_t>(stop - q)), 0);
    while (q != stop && *q >= 0x80) {
      const SequenceShape shape = shape_after(*q);
      if (shape.trail_count == 0 || static_cast<std::size_t>(stop - q) <= shape.trail_count ||
          q[1] < shape.second_lo || q[1] > shape.second_hi)
        return reinterpret_cast<const char*>(q);
      for (std::size_t k = 2; k <= shape.trail_count; ++k) {
        if ((q[k] & 0xC0) != 0x80) return reinterpret_cast<const char*>(q);
      }
      q += shape.trail_count + 1;
    }
    if (q == stop) return end;
  }
}

// `invalid` is find_invalid_utf8() of the whole of `bytes`, when the caller has it already.
void decode_utf8(std::string_view bytes, Decoded& result, const char* invalid = nullptr) {
  const char* it = bytes.data();
  const char* const end = bytes.data() + bytes.size();
  if (!invalid) invalid = find_invalid_utf8(it, end);
  if (invalid == end) {  // the common case: one copy, no per-character work
    result.text.assign(it, end);
    return;
  }
  result.text.reserve(bytes.size() + 16);
  while (true) {
    result.text.append(it, invalid);
    if (invalid == end) break;
    const std::size_t length =
        maximal_subpart_length(reinterpret_cast<const unsigned char*>(invalid),
                               reinterpret_cast<const unsigned char*>(end));
    result.text.append(kReplacement);
    result.repairs.add(RepairReason::kInvalidUtf8, escape_bytes({invalid, length}), kReplacement);
    it = invalid + length;
    invalid = find_invalid_utf8(it, end);
  }
}

void decode_utf16(std::string_view bytes, bool little_endian, Decoded& result) {
  auto unit_at = [&](std::size_t i) -> char16_t {
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char16_t>(little_endian ? (b0 | b1 << 8) : (b0 << 8 | b1));
  };
  result.text.reserve(bytes.size() + bytes.size() / 2);
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    const char16_t unit = unit_at(i);
    if (unit < 0xD800 || unit > 0xDFFF) {
      unicode::append_utf8(result.text, unit);
      continue;
    }
    if (unit <= 0xDBFF && i + 3 < bytes.size()) {
      const char16_t low = unit_at(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        unicode::append_utf8(result.text, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    // An unpaired surrogate: what lone surrogates in JS strings become.
    result.text.append(kReplacement);
    result.repairs.add(RepairReason::kInvalidUtf8, escape_bytes(bytes.substr(i, 2)), kReplacement);
  }
  if (i < bytes.size()) {  // an odd byte at the end: a truncated code unit
    result.text.append(kReplacement);
    result.repairs.add(RepairReason::kInvalidUtf8, escape_bytes(bytes.substr(i)), kReplacement);
  }
}

// --- Legacy single-byte text ---------------------------------------------------------------

// Whether text that is not valid UTF-8 is mostly so: a third or more of its non-ASCII bytes
// outside any well-formed sequence. (A Windows-1252 or 1251 file has nearly all of them
// outside; UTF-8 with a corrupt byte or a truncated end, a handful.)
// `first_invalid` is find_invalid_utf8() of the whole of `bytes`.
bool mostly_not_utf8(std::string_view bytes, const char* first_invalid) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* const end = p + bytes.size();
  std::size_t high = 0, invalid = 0;
  for (const auto* q = p; q != end; ++q) high += *q >= 0x80;
  const char* it = bytes.data();
  for (const char* bad = first_invalid; bad != bytes.data() + bytes.size();
       bad = find_invalid_utf8(it, bytes.data() + bytes.size())) {
    const std::size_t length = maximal_subpart_length(reinterpret_cast<const unsigned char*>(bad),
                                                      reinterpret_cast<const unsigned char*>(end));
    invalid += length;
    it = bad + length;
  }
  return invalid > 0 && invalid * 3 >= high;
}

enum class LetterScript : std::uint8_t { kNone, kLatin, kGreek, kCyrillic, kOther };

LetterScript letter_script(char32_t c) {
  if (!unicode::is_letter(c)) return LetterScript::kNone;
  if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF)) return LetterScript::kLatin;
  if (c >= 0x370 && c <= 0x3FF) return LetterScript::kGreek;
  if (c >= 0x400 && c <= 0x52F) return LetterScript::kCyrillic;
  return LetterScript::kOther;
}

// The accented and other non-ASCII letters of the languages written in the Latin script
// that the code pages serve, lower case: the languages are told apart by their letters, and
// a reading whose letters no single language uses together ("Pøedseda vlády øekl" has
// Danish "ø" and Czech "á" and "ý") is Czech read in the wrong page. Written for Winnow from
// general knowledge of each alphabet.
constexpr std::u32string_view kLatinAlphabets[] = {
    U"àâæçéèêëîïôœùûüÿ",        // French
    U"äöüß",                    // German
    U"áéíñóúü",                 // Spanish
    U"áâãàçéêíóôõúü",           // Portuguese
    U"àèéìíîòóùú",              // Italian
    U"àçéèíïòóúü",              // Catalan
    U"ëïéèöüáó",                // Dutch
    U"æøåéóô",                  // Danish and Norwegian
    U"åäöé",                    // Swedish
    U"äöåšž",                   // Finnish
    U"áðéíóúýþæö",              // Icelandic
    U"ąćęłńóśźż",               // Polish
    U"áčďéěíňóřšťúůýž",         // Czech
    U"áäčďéíĺľňóôŕšťúýž",       // Slovak
    U"áéíóöőúüű",               // Hungarian
    U"ăâîșşțţ",                 // Romanian
    U"čćđšž",                   // Croatian, Serbian, Bosnian, Slovene
    U"çğıöşüâîû",               // Turkish
    U"ąčęėįšųūž",               // Lithuanian
    U"āčēģīķļņšūž",             // Latvian
    U"äöõüšž",                  // Estonian
    U"àáâãèéêìíòóôõùúýăđĩũơư",  // Vietnamese (its base letters; tones are combined)
    U"çëäöü",                   // Albanian, Luxembourgish
};

// How many of the non-ASCII Latin letters counted in `letters` (by lower-case letter) the
// language that uses most of them does not use.
std::size_t letters_no_language_uses(const std::vector<std::pair<char32_t, std::size_t>>& letters) {
  std::size_t best = SIZE_MAX;
  for (const std::u32string_view alphabet : kLatinAlphabets) {
    std::size_t unused = 0;
    for (const auto& [letter, count] : letters)
      unused += alphabet.find(letter) == std::u32string_view::npos ? count : 0;
    best = std::min(best, unused);
  }
  return letters.empty() ? 0 : best;
}

// A code page's reading of a sample: what it costs, and how much it read.
struct Reading {
  std::size_t cost = 0;
  std::size_t high = 0;  // non-ASCII bytes in words
};

// How little a code page's reading of the words of `sample` looks like text: each word
// with non-ASCII bytes is read, and what real words do not do costs (a C1 control or an
// undefined byte; a sign between letters, "pi³ka"; scripts mixed, "cafй"; a capital after a
// small letter, "ÏðÈâ"; a Latin word of three or more letters with no ASCII one, "Ïðèâåò",
// which is Russian read as Windows-1252; a byte repeated four times, binary data; the
// Latin letters that no one language uses together, see kLatinAlphabets).
Reading read_words(std::string_view sample, detail::CodePage page) {
  std::size_t cost = 0, high = 0;
  std::array<std::size_t, 128> latin_letters{};  // by byte
  std::size_t i = 0;
  auto word_byte = [](unsigned char b) {
    return b >= 0x80 || static_cast<unsigned>((b | 0x20) - 'a') < 26 ||
           static_cast<unsigned>(b - '0') < 10 || b == '\'' || b == '-';
  };
  while (i < sample.size()) {
    while (i < sample.size() && !word_byte(static_cast<unsigned char>(sample[i]))) ++i;
    const std::size_t begin = i;
    bool has_high = false;
    while (i < sample.size() && word_byte(static_cast<unsigned char>(sample[i]))) {
      has_high = has_high || static_cast<unsigned char>(sample[i]) >= 0x80;
      ++i;
    }
    if (!has_high) continue;
    LetterScript script = LetterScript::kNone;
    std::size_t letters = 0, ascii_letters = 0, repeated = 1;
    char32_t previous = 0;
    for (std::size_t k = begin; k < i; ++k) {
      const auto b = static_cast<unsigned char>(sample[k]);
      const char32_t c = detail::decode_byte(page, b);
      high += b >= 0x80;
      repeated = k > begin && sample[k] == sample[k - 1] ? repeated + 1 : 1;
      if (b >= 0x80 && repeated >= 4) cost += 1;
      if (detail::is_c1(c)) cost += 8;
      const LetterScript s = letter_script(c);
      if (s == LetterScript::kNone) {
        const bool between_letters = b >= 0x80 && k > begin && k + 1 < i &&
                                     unicode::is_letter(previous) &&
                                     unicode::is_letter(detail::decode_byte(
                                         page, static_cast<unsigned char>(sample[k + 1])));
        // Apostrophes, hyphens and the Catalan middle dot stand between letters.
        const bool joins_words = c == 0x2019 || c == 0x2010 || c == 0x2011 || c == 0xB7;
        if (between_letters && !unicode::is_mark(c) && !joins_words) cost += 3;
      } else {
        ++letters;
        ascii_letters += b < 0x80;
        if (b >= 0x80 && s == LetterScript::kLatin) ++latin_letters[b - 0x80];
        if (script != LetterScript::kNone && s != script) cost += 4;
        script = s;
        if (unicode::is_upper(c) && unicode::is_lower(previous)) cost += 2;
      }
      previous = c;
    }
    if (script == LetterScript::kLatin && ascii_letters == 0 && letters >= 3) cost += 2;
  }
  std::vector<std::pair<char32_t, std::size_t>> letters;
  for (std::size_t b = 0; b < latin_letters.size(); ++b) {
    if (latin_letters[b] == 0) continue;
    const char32_t c =
        unicode::simple_case_fold(detail::decode_byte(page, static_cast<unsigned char>(0x80 + b)));
    const auto same = std::find_if(letters.begin(), letters.end(),
                                   [&](const auto& entry) { return entry.first == c; });
    if (same == letters.end()) {
      letters.emplace_back(c, latin_letters[b]);
    } else {
      same->second += latin_letters[b];
    }
  }
  return {cost + letters_no_language_uses(letters), high};
}

// The single-byte page that reads text that is not UTF-8 best, if one reads it as text:
// words with at least four non-ASCII bytes among them, at a cost of at most one for every
// four. Less is no evidence (a few stray bytes, a test vector), and those bytes are
// replaced as TextDecoder replaces them. Windows-1252 wins ties.
std::optional<detail::CodePage> legacy_page(std::string_view bytes) {
  constexpr std::size_t kSample = 64 * 1024;
  constexpr std::size_t kLeastBytes = 4;
  const std::string_view sample = bytes.substr(0, kSample);
  std::optional<detail::CodePage> best;
  Reading best_reading;
  for (std::size_t p = 0; p < detail::kCodePageCount; ++p) {
    const auto page = static_cast<detail::CodePage>(p);
    const Reading reading = read_words(sample, page);
    if (reading.high < kLeastBytes || reading.cost * 4 > reading.high) continue;
    if (!best || reading.cost < best_reading.cost) {
      best = page;
      best_reading = reading;
    }
  }
  return best;
}

void decode_single_byte(std::string_view bytes, detail::CodePage page, Decoded& result,
                        bool report) {
  result.text.reserve(bytes.size() + bytes.size() / 8);
  // Each distinct byte is reported once, with its count, in the order of first occurrence.
  std::array<std::size_t, 128> counts{};
  std::string order;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    const char32_t cp = detail::decode_byte(page, b);
    unicode::append_utf8(result.text, cp);
    if (b >= 0x80 && report && counts[b - 0x80]++ == 0) order += c;
  }
  for (const char c : order) {
    std::string to;
    unicode::append_utf8(to, detail::decode_byte(page, static_cast<unsigned char>(c)));
    result.repairs.add(RepairReason::kLegacyEncoding, escape_bytes(std::string_view(&c, 1)), to,
                       counts[static_cast<unsigned char>(c) - 0x80]);
  }
}

// BOM-less UTF-16 is recognised only from its unmistakable pattern in Latin-script text:
// many NULs in one byte lane, almost none in the other. Real UTF-8 text has no NULs.
bool looks_like_utf16(std::string_view bytes, bool& little_endian) {
  const std::size_t sample = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  if (sample < 8) return false;
  std::size_t even_nuls = 0, odd_nuls = 0;
  for (std::size_t i = 0; i < sample; i += 2) {
    even_nuls += bytes[i] == '\0';
    odd_nuls += bytes[i + 1] == '\0';
  }
  const std::size_t units = sample / 2;
  if (odd_nuls * 10 >= units * 4 && even_nuls * 20 < units) {
    little_endian = true;
    return true;
  }
  if (even_nuls * 10 >= units * 4 && odd_nuls * 20 < units) {
    little_endian = false;
    return true;
  }
  return false;
}

}  // namespace

std::string_view encoding_name(SourceEncoding encoding) {
  switch (encoding) {
    case SourceEncoding::kUtf8: return "utf-8";
    case SourceEncoding::kUtf8Bom: return "utf-8-bom";
    case SourceEncoding::kUtf16LE: return "utf-16le";
    case SourceEncoding::kUtf16BE: return "utf-16be";
    case SourceEncoding::kDeclaredSingleByte: return "declared-single-byte";
    case SourceEncoding::kDetectedSingleByte: return "detected-single-byte";
  }
  return "unknown";
}

std::string escape_bytes(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 4);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += "\\x";
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  }
  return out;
}

// Runs of U+FFFD already in the input mark text lost before Winnow saw it: nothing to
// restore, but worth saying (reported with from == to).
void report_replacement_runs(std::string_view text, RepairLog& log) {
  for (std::size_t at = text.find(kReplacement); at != std::string_view::npos;) {
    std::size_t end = at;
    while (text.substr(end, 3) == kReplacement) end += 3;
    log.add(RepairReason::kReplacementRun, text.substr(at, end - at), text.substr(at, end - at));
    at = text.find(kReplacement, end);
  }
}

namespace {

// decode(), given find_invalid_utf8() of the whole of `bytes` when the caller has scanned
// them already (nullptr when not).
Decoded decode_scanned(std::string_view bytes, const char* invalid) {
  Decoded result;
  auto starts_with = [&](std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
  };
  bool little_endian = true;
  if (starts_with("\xEF\xBB\xBF")) {
    result.encoding = SourceEncoding::kUtf8Bom;
    decode_utf8(bytes.substr(3), result);
  } else if (starts_with("\xFF\xFE")) {
    result.encoding = SourceEncoding::kUtf16LE;
    decode_utf16(bytes.substr(2), true, result);
  } else if (starts_with("\xFE\xFF")) {
    result.encoding = SourceEncoding::kUtf16BE;
    decode_utf16(bytes.substr(2), false, result);
  } else if (looks_like_utf16(bytes, little_endian)) {
    result.encoding = little_endian ? SourceEncoding::kUtf16LE : SourceEncoding::kUtf16BE;
    decode_utf16(bytes, little_endian, result);
  } else {
    // Scanned once: valid UTF-8, nearly all input, is then copied as it is.
    if (!invalid) invalid = find_invalid_utf8(bytes.data(), bytes.data() + bytes.size());
    std::optional<detail::CodePage> page;
    if (invalid != bytes.data() + bytes.size() && mostly_not_utf8(bytes, invalid))
      page = legacy_page(bytes);
    if (page) {
      result.encoding = SourceEncoding::kDetectedSingleByte;
      decode_single_byte(bytes, *page, result, true);
    } else {
      decode_utf8(bytes, result, invalid);
    }
  }
  if (result.encoding != SourceEncoding::kUtf16LE && result.encoding != SourceEncoding::kUtf16BE) {
    report_replacement_runs(bytes, result.repairs);
  }
  return result;
}

}  // namespace

Decoded decode(std::string_view bytes) {
  return decode_scanned(bytes, nullptr);
}

namespace {

// WHATWG Encoding labels of the single-byte encodings the code-page tables cover.
bool code_page_of_label(std::string_view label, detail::CodePage& page) {
  using detail::CodePage;
  struct Label {
    std::string_view name;
    CodePage page;
  };
  static constexpr Label kLabels[] = {
      {"windows-1252", CodePage::kWindows1252},
      {"iso-8859-1", CodePage::kWindows1252},
      {"latin1", CodePage::kWindows1252},
      {"l1", CodePage::kWindows1252},
      {"us-ascii", CodePage::kWindows1252},
      {"ascii", CodePage::kWindows1252},
      {"cp1252", CodePage::kWindows1252},
      {"iso8859-1", CodePage::kWindows1252},
      {"iso_8859-1", CodePage::kWindows1252},
      {"x-cp1252", CodePage::kWindows1252},
      {"windows-1250", CodePage::kWindows1250},
      {"cp1250", CodePage::kWindows1250},
      {"windows-1251", CodePage::kWindows1251},
      {"cp1251", CodePage::kWindows1251},
      {"windows-1253", CodePage::kWindows1253},
      {"cp1253", CodePage::kWindows1253},
      {"windows-1254", CodePage::kWindows1254},
      {"cp1254", CodePage::kWindows1254},
      {"iso-8859-9", CodePage::kWindows1254},
      {"latin5", CodePage::kWindows1254},
      {"windows-1257", CodePage::kWindows1257},
      {"cp1257", CodePage::kWindows1257},
      {"iso-8859-2", CodePage::kIso8859_2},
      {"latin2", CodePage::kIso8859_2},
      {"macintosh", CodePage::kMacRoman},
      {"x-mac-roman", CodePage::kMacRoman},
      {"mac", CodePage::kMacRoman},
      {"ibm437", CodePage::kCp437},
      {"cp437", CodePage::kCp437},
  };
  for (const Label& l : kLabels) {
    if (l.name == label) {
      page = l.page;
      return true;
    }
  }
  return false;
}

}  // namespace

std::string declared_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, 1024));
  for (char& c : head) c = unicode::ascii_lower(c);
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    const std::size_t end = head.find('>', meta);
    const std::string_view tag = std::string_view(head).substr(
        meta, end == std::string::npos ? std::string::npos : end - meta);
    const std::size_t at = tag.find("charset");
    if (at == std::string_view::npos) continue;
    std::size_t i = at + 7;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '=' || tag[i] == '"' || tag[i] == '\''))
      ++i;
    std::size_t j = i;
    while (j < tag.size() && tag[j] != '"' && tag[j] != '\'' && tag[j] != ';' && tag[j] != ' ' &&
           tag[j] != '/')
      ++j;
    if (j > i) return std::string(tag.substr(i, j - i));
  }
  return {};
}

Decoded decode(std::string_view bytes, std::string_view charset) {
  detail::CodePage page;
  const bool has_bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" || bytes.substr(0, 2) == "\xFF\xFE" ||
                       bytes.substr(0, 2) == "\xFE\xFF";
  if (has_bom || !code_page_of_label(charset, page)) return decode(bytes);
  // Valid UTF-8 despite the declaration: decoded as UTF-8 without scanning it again.
  const char* const invalid = find_invalid_utf8(bytes.data(), bytes.data() + bytes.size());
  if (invalid == bytes.data() + bytes.size()) return decode_scanned(bytes, invalid);
  Decoded result;
  result.encoding = SourceEncoding::kDeclaredSingleByte;
  decode_single_byte(bytes, page, result, false);
  return result;
}

}  // namespace winnow
