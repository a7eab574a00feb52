// The mojibake pass has a fast path for lines that Windows-1252 reads whole, on UTF-8, and
// a general path on UTF-32 for everything else (src/repair/mojibake.cpp). The fast path must
// decide exactly as the general one: same text, same repairs, same counts, in the same
// order. Checked here on mojibake made from correct text in many scripts through every code
// page, with the damage scraped text shows (lost and replaced bytes, flattened no-break
// spaces, two layers, a byte order mark, clean text on the same line), and on random lines.
// And that mojibake comes back as the text it was made from, page by page.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "repair/codepages.hpp"
#include "repair/passes.hpp"
#include "repair/repair.hpp"
#include "support/correct_text.hpp"
#include "support/random.hpp"
#include "unicode/unicode.hpp"

namespace {

using winnow::RepairLog;
using winnow::detail::CodePage;
using winnow::detail::MojibakePath;

// `utf8`'s bytes read through `page`; bytes the page leaves undefined become the C1 control
// of the same number, as browsers' Windows-1252 does.
std::string misread(std::string_view utf8, CodePage page) {
  std::string out;
  for (const char b : utf8)
    winnow::unicode::append_utf8(out,
                                 winnow::detail::decode_byte(page, static_cast<unsigned char>(b)));
  return out;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// What scraped text does to Windows-1252 mojibake: the C1 controls that stand for its
// undefined bytes dropped, or replaced by "?" or U+FFFD; no-break spaces flattened.
std::vector<std::string> damaged(const std::string& garbled) {
  std::vector<std::string> out{garbled, replace_all(garbled, "\xC2\xA0", " ")};
  for (const std::string_view instead : {"", "?", "\xEF\xBF\xBD"}) {
    std::string text = garbled;
    for (const char* c1 : {"\xC2\x81", "\xC2\x8D", "\xC2\x8F", "\xC2\x90", "\xC2\x9D"})
      text = replace_all(text, c1, instead);
    out.push_back(text);
  }
  return out;
}

struct Outcome {
  bool changed;
  std::string text;
  std::vector<winnow::Repair> repairs;
};

Outcome fix(std::string_view line, MojibakePath path) {
  RepairLog log;
  std::string out;
  const bool changed = winnow::detail::fix_mojibake(line, log, out, path);
  return {changed, out, log.entries()};
}

// Checks both paths on `line`; returns whether it was repaired.
bool paths_agree(std::string_view line) {
  INFO(line);
  const Outcome fast = fix(line, MojibakePath::kAny);
  const Outcome general = fix(line, MojibakePath::kGeneralOnly);
  CHECK(fast.changed == general.changed);
  CHECK(fast.text == general.text);
  REQUIRE(fast.repairs.size() == general.repairs.size());
  for (std::size_t k = 0; k < fast.repairs.size(); ++k)
    CHECK(fast.repairs[k] == general.repairs[k]);
  return general.changed;
}

}  // namespace

TEST_CASE("mojibake: the fast path decides as the general one on mojibake of many scripts",
          "[mojibake][paths]") {
  std::size_t lines = 0, repaired = 0;
  auto check = [&](const std::string& line) {
    ++lines;
    repaired += paths_agree(line);
  };
  for (const std::string_view correct : winnow::testing::kCorrectText) {
    check(std::string(correct));
    for (std::size_t p = 0; p < winnow::detail::kCodePageCount; ++p) {
      const std::string garbled = misread(correct, static_cast<CodePage>(p));
      check(garbled);
      check(std::string(correct) + " " + garbled);  // clean and garbled on one line
    }
    const std::string windows = misread(correct, CodePage::kWindows1252);
    for (const std::string& line : damaged(windows)) check(line);
    check(misread(windows, CodePage::kWindows1252));  // two layers
    check(misread(misread(windows, CodePage::kWindows1252), CodePage::kWindows1252));
    check("\xC3\xAF\xC2\xBB\xC2\xBF" + windows);  // a byte order mark
    check(misread("\xEF\xBB\xBF", CodePage::kWindows1252) + " " + windows);
  }
  CHECK(lines > 500);
  CHECK(repaired > lines / 3);  // most of it was garbled and is repaired
}

TEST_CASE("mojibake: the fast path decides as the general one on random lines",
          "[mojibake][paths][random]") {
  // Pieces of mojibake and of what it is mistaken for: Windows-1252 readings of Latin,
  // Cyrillic, CJK, punctuation and emoji, their C1 controls, lone leads and trails, "?",
  // U+FFFD, no-break spaces, a BOM's reading, correct accented and Cyrillic letters.
  const std::string_view pieces[] = {
      "a",
      "e",
      "The",
      "word",
      " ",
      " ",
      ".",
      ",",
      "'",
      "?",
      "\xEF\xBF\xBD",
      "\xC2\xA0",
      "\xC3\x83\xC2\xA9",                      // Ã© (é)
      "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2",      // â€™ (’)
      "\xC3\xA2\xE2\x82\xAC\xC5\x93",          // â€œ (“)
      "\xC3\xA2\xE2\x82\xAC",                  // â€ (a lost last byte)
      "\xC3\x90\xC2\xB8",                      // Ð¸ (и)
      "\xC3\x91\xE2\x80\x9A",                  // Ñ‚ (т)
      "\xC3\x90",                              // Ð
      "\xC3\xA4\xC2\xB8\xC2\xAD",              // ä¸­ (中)
      "\xC3\xB0\xC5\xB8\xCB\x9C\xE2\x82\xAC",  // ðŸ˜€ (😀)
      "\xC3\xAF\xC2\xBB\xC2\xBF",              // ï»¿ (a BOM)
      "\xC2\x81",
      "\xC2\x9D",
      "\xC2\x8F",  // C1 controls: undefined Windows-1252 bytes
      "\xC3\x83",
      "\xC3\x82",
      "\xC3\xA2",
      "\xC2\xA9",
      "\xC2\xAE",
      "\xE2\x84\xA2",
      "\xC5\x93",
      "\xC3\xA9",
      "\xC3\xA3",
      "\xD0\xB8",
      "\xD1\x82",
      "\xE4\xB8\xAD",
      "\xC4\x9F",
  };
  winnow::testing::Random rng(20261122);
  std::size_t repaired = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string line;
    const std::size_t length = 1 + rng.below(24);
    for (std::size_t k = 0; k < length; ++k) line += pieces[rng.below(std::size(pieces))];
    repaired += paths_agree(line);
  }
  CHECK(repaired > 1000);
}

TEST_CASE("mojibake: correct text misread through each code page comes back", "[mojibake][pages]") {
  // Lines of support/correct_text.hpp (22 scripts and styles) that a page garbles, and how
  // many must come back exactly (as repair() leaves the correct line: NFC). The figures
  // are this writing's; the misses are ambiguities between pages that read a sequence
  // alike (ISO-8859-2 and Windows-1250 share most letters) and mathematical symbols.
  struct Expectation {
    CodePage page;
    std::size_t at_least;
  };
  const Expectation expectations[] = {
      {CodePage::kWindows1252, 22}, {CodePage::kWindows1250, 21}, {CodePage::kWindows1251, 21},
      {CodePage::kWindows1253, 22}, {CodePage::kWindows1254, 22}, {CodePage::kWindows1257, 21},
      {CodePage::kIso8859_2, 21},   {CodePage::kMacRoman, 21},    {CodePage::kCp437, 22},
  };
  for (const Expectation& expected : expectations) {
    std::size_t garbled = 0, restored = 0;
    for (const std::string_view correct : winnow::testing::kCorrectText) {
      const std::string text = misread(correct, expected.page);
      if (text == correct) continue;
      ++garbled;
      restored += winnow::repair(text).text == winnow::repair(correct).text;
    }
    INFO(winnow::detail::code_page_name(expected.page));
    CHECK(garbled == 22);
    CHECK(restored >= expected.at_least);
  }
}

TEST_CASE("mojibake: a capitalised name read through a page whose lead byte is a capital",
          "[mojibake][pages]") {
  // Alone on a line (a title, a byline), "München" through Windows-1250 is "MĂĽnchen": all
  // letters, with nothing odd but two capitals going on in small letters. Through
  // ISO-8859-2 it is "MĂźnchen", which Windows-1250 would read as "Mßnchen": "ß" never
  // follows a capital outside capitals. These were left garbled, or repaired wrong.
  const std::string_view names[] = {"M\xC3\xBCnchen", "Z\xC3\xBCrich", "S\xC3\xA3o Paulo"};
  for (const CodePage page : {CodePage::kWindows1250, CodePage::kIso8859_2}) {
    for (const std::string_view name : names) {
      INFO(winnow::detail::code_page_name(page) << ": " << name);
      CHECK(winnow::repair(misread(name, page)).text == name);
    }
  }
  for (const std::string_view name : names) {
    INFO("windows-1251: " << name);  // "MГјnchen", "SГЈo": Cyrillic capitals in a Latin word
    CHECK(winnow::repair(misread(name, CodePage::kWindows1251)).text == name);
  }
  for (const std::string_view name : {names[0], names[1]}) {
    INFO("windows-1253: " << name);  // "MΓΌnchen"
    CHECK(winnow::repair(misread(name, CodePage::kWindows1253)).text == name);
  }
  // cp437 reads the lead of every General Punctuation character as "Γ" and the next byte
  // as "Ç": "ΓÇö" for "—", "ΓÇÖ" for "’".
  const std::string_view punctuation =
      "Results \xE2\x80\x94 and the town\xE2\x80\x99s turnout \xE2\x80\x93 came late.";
  CHECK(winnow::repair(misread(punctuation, CodePage::kCp437)).text == punctuation);
}

TEST_CASE("mojibake: a sequence Windows-1252 reads as a C1 control, another page as a sign",
          "[mojibake][pages]") {
  // ISO-8859-2 has "Š" and "Ž" where Latin-1 has "©" and "®": "ÂŠ 2024", "ThinkPadÂŽ".
  // Windows-1252 reads both whole, as C1 controls; ISO-8859-2 reads them as the signs.
  const std::string_view signs = "ThinkPad\xC2\xAE laptops \xC2\xA9 2024 Lenovo";
  CHECK(winnow::repair(misread(signs, CodePage::kIso8859_2)).text == signs);
  // A C1 control that is the first of two layers still comes back through Windows-1252:
  // "’" read as Latin-1 ("â\u0080\u0099"), then that read as Windows-1252.
  const std::string_view quote = "the town\xE2\x80\x99s turnout";
  std::string latin1;
  for (const char b : quote) winnow::unicode::append_utf8(latin1, static_cast<unsigned char>(b));
  REQUIRE(latin1.find("\xC2\x80") != std::string::npos);  // a C1 control
  CHECK(winnow::repair(misread(latin1, CodePage::kWindows1252)).text == quote);
}

TEST_CASE("mojibake: a page's reading of the lead 0xE2 glued to two signs of its trail range",
          "[mojibake][pages]") {
  // "â‚¬" for "€" in Windows-1252 is "в‚¬" in 1251, "β‚¬" in 1253, "ā‚¬" in 1257; "в„–"
  // for "№" is the classic of Russian pages. Alone on a line, these were left garbled.
  for (const std::string_view sign : {"\xE2\x82\xAC\x35", "\xE2\x84\x96\x31"}) {  // €5, №1
    for (const CodePage page :
         {CodePage::kWindows1251, CodePage::kWindows1253, CodePage::kWindows1257}) {
      INFO(winnow::detail::code_page_name(page) << ": " << sign);
      CHECK(winnow::repair(misread(sign, page)).text == sign);
    }
  }
  // English quotes through Windows-1257: "ā€™", "ā€ť".
  const std::string_view quotes = "\xE2\x80\x9CIt\xE2\x80\x99s done,\xE2\x80\x9D he said.";
  CHECK(winnow::repair(misread(quotes, CodePage::kWindows1257)).text == quotes);
  // Correct Russian: "в" before an ellipsis and a closing quote, in a sentence and alone.
  for (const std::string_view text :
       {"\xD0\x9E\xD0\xBD \xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB "
        "\xC2\xAB\xD0\xB2\xE2\x80\xA6\xC2\xBB",
        "\xD0\xB2\xE2\x80\xA6\xC2\xBB"}) {
    INFO(text);
    CHECK(winnow::repair(text).text == text);
  }
}

TEST_CASE("mojibake: code-page symbols glued to letters, and a reading that is no character",
          "[mojibake][pages]") {
  // MacRoman reads the lead of every Latin-1 letter as "√", cp437 that of Latin-1 signs as
  // "┬": glued to a letter, they are as odd as Windows-1252's "Ã". Alone on a line, one
  // such word was left garbled ("caf√©", "DICOM┬«").
  const std::string_view words[] = {"caf\xC3\xA9", "Citt\xC3\xA0", "Tarum\xC3\xA3"};
  for (const std::string_view word : words) {
    INFO("macintosh: " << word);
    CHECK(winnow::repair(misread(word, CodePage::kMacRoman)).text == word);
  }
  for (const std::string_view sign : {"DICOM\xC2\xAE", "60,000\xE2\x82\xA9"}) {  // ®, ₩
    INFO("cp437: " << sign);
    CHECK(winnow::repair(misread(sign, CodePage::kCp437)).text == sign);
  }
  // Correct text with such symbols between spaces or digits stays.
  for (const std::string_view text : {"x \xE2\x89\x88 3",
                                      "\xE2\x88\x9A"
                                      "2 \xE2\x89\xA4 1.5"}) {
    INFO(text);
    CHECK(winnow::repair(text).text == text);
  }
  // ISO-8859-2 reads Hebrew's trail bytes 0x80-0x9F as C1 controls and 0xA9 as "Š";
  // Windows-1252 reads the whole token too, but makes U+05CA (unassigned) of "×Š".
  const std::string_view hebrew = "\xD7\x94\xD7\x9E\xD7\x9E\xD7\xA9\xD7\x9C\xD7\x94";  // הממשלה
  CHECK(winnow::repair(misread(hebrew, CodePage::kIso8859_2)).text == hebrew);
}
