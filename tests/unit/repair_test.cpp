#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "repair/repair.hpp"

using namespace std::string_view_literals;
using winnow::repair;
using winnow::RepairReason;

namespace {
// What clean() runs: repair with white space normalised.
winnow::Repaired normalise(std::string_view text) {
  return repair(text, {.normalise_whitespace = true});
}

bool has_repair(const winnow::Repaired& r, RepairReason reason, std::string_view from,
                std::string_view to) {
  for (const auto& e : r.repairs.entries()) {
    if (e.reason == reason && e.from == from && e.to == to) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("repair decodes complete named references", "[repair][references]") {
  CHECK(repair("Tom &amp; Jerry").text == "Tom & Jerry");
  CHECK(repair("&lt;b&gt;bold&lt;/b&gt;").text == "<b>bold</b>");
  CHECK(repair("&quot;Hi&quot; &mdash; &eacute;t&eacute;").text ==
        "\"Hi\" \xE2\x80\x94 \xC3\xA9t\xC3\xA9");
  CHECK(repair("&CounterClockwiseContourIntegral;").text == "\xE2\x88\xB3");  // the longest name
  CHECK(repair("&NotNestedGreaterGreater;").text == "\xE2\xAA\xA2\xCC\xB8");  // two code points
  const auto r = repair("A &amp; B &amp; C");
  REQUIRE(r.repairs.entries().size() == 1);
  CHECK(r.repairs.entries()[0] ==
        winnow::Repair{"&amp;", "&", RepairReason::kCharacterReference, 2});
}

TEST_CASE("repair decodes numeric references by the WHATWG rules", "[repair][references]") {
  // HTML Living Standard, 13.2.5.80 "Numeric character reference end state".
  CHECK(repair("It&#8217;s").text == "It\xE2\x80\x99s");
  CHECK(repair("&#x1F600;&#X1f600;").text == "\xF0\x9F\x98\x80\xF0\x9F\x98\x80");
  CHECK(repair("&#150;").text == "\xE2\x80\x93");  // 0x96 remapped through Windows-1252
  CHECK(repair("&#128;").text == "\xE2\x82\xAC");  // 0x80 is the euro sign
  CHECK(repair("&#141;").text == "\xC2\x8D");      // 0x8D is undefined there: kept
  CHECK(repair("&#0;").text == "\xEF\xBF\xBD");
  CHECK(repair("&#xD800;").text == "\xEF\xBF\xBD");                    // surrogate
  CHECK(repair("&#1114112;").text == "\xEF\xBF\xBD");                  // beyond U+10FFFF
  CHECK(repair("&#99999999999999999999999;").text == "\xEF\xBF\xBD");  // saturates, no overflow
}

TEST_CASE("repair leaves ampersands that are not complete references alone",
          "[repair][references]") {
  for (const char* text : {"AT&T", "R&D;", "&copy 2024", "&notanentity;", "& ;", "&;", "&#;",
                           "&#x;", "&#12", "a&&b", "&", "&amp", "&#x41 ;"}) {
    INFO(text);
    CHECK(repair(text).text == text);
    CHECK(repair(text).repairs.empty());
  }
}

TEST_CASE("repair decodes references escaped more than once", "[repair][references]") {
  CHECK(repair("it&amp;rsquo;s").text == "it\xE2\x80\x99s");
  CHECK(repair("&amp;amp;amp;").text == "&");  // ftfy's unit test vector
  CHECK(repair("Tom &amp; Jerry").text ==
        "Tom & Jerry");  // an escaped ampersand, nothing behind it
  CHECK(repair("&amp;bogus;").text == "&bogus;");
}

TEST_CASE("repair decodes references written in capitals", "[repair][references]") {
  CHECK(repair("&EACUTE;t&EACUTE;").text == "\xC3\x89t\xC3\x89");
  CHECK(repair("&SUP3;").text == "\xC2\xB3");
  CHECK(repair("&AMP;").text == "&");
}

TEST_CASE("repair unifies line endings", "[repair][whitespace]") {
  const auto r = normalise(
      "one\r\ntwo\rthree\xE2\x80\xA8"
      "four\xE2\x80\xA9"
      "five\n");
  CHECK(r.text == "one\ntwo\nthree\nfour\n\nfive\n");
  CHECK(has_repair(r, RepairReason::kLineEnding, "\r\n", "\n"));
  CHECK(has_repair(r, RepairReason::kLineEnding, "\r", "\n"));
  CHECK(has_repair(r, RepairReason::kLineEnding, "\xE2\x80\xA9", "\n\n"));
}

TEST_CASE("repair turns Unicode spaces into one plain space", "[repair][whitespace]") {
  const auto r = normalise(
      "a\xC2\xA0"
      "b\tc\xE2\x80\xAF"
      "d\xE3\x80\x80"
      "e  f \xC2\xA0 g");
  CHECK(r.text == "a b c d e f g");
  CHECK(has_repair(r, RepairReason::kSpaceChar, "\xC2\xA0", " "));
  CHECK(has_repair(r, RepairReason::kSpaceChar, "\t", " "));
  CHECK(has_repair(r, RepairReason::kSpaceRun, "  ", " "));
  CHECK(has_repair(r, RepairReason::kSpaceChar, " \xC2\xA0 ", " "));
}

TEST_CASE("repair trims spaces at both ends of every line", "[repair][whitespace]") {
  const auto r = normalise("  lead\ntrail  \n   \n\tboth\t");
  CHECK(r.text == "lead\ntrail\n\nboth");
  CHECK(has_repair(r, RepairReason::kSpaceRun, "  ", ""));
  CHECK(has_repair(r, RepairReason::kSpaceRun, "   ", ""));
  CHECK(has_repair(r, RepairReason::kSpaceChar, "\t", ""));
}

TEST_CASE("repair removes invisible and control characters", "[repair][whitespace]") {
  const auto r = normalise(
      "zero\xE2\x80\x8Bwidth soft\xC2\xADhyphen bom\xEF\xBB\xBFmid nul\0x bell\a del\x7F"sv);
  CHECK(r.text == "zerowidth softhyphen bommid nulx bell del");
  CHECK(has_repair(r, RepairReason::kInvisibleChar, "\xE2\x80\x8B", ""));
  CHECK(has_repair(r, RepairReason::kInvisibleChar, "\xC2\xAD", ""));
  CHECK(has_repair(r, RepairReason::kControlChar, std::string(1, '\0'), ""));
  // An invisible character between spaces leaves one space, not two.
  CHECK(normalise("a \xE2\x80\x8B b").text == "a b");
}

TEST_CASE("repair keeps the joiners that scripts and emoji need", "[repair][whitespace]") {
  const std::string family =
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";  // ZWJ sequence
  const std::string persian =
      "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85";  // ZWNJ
  CHECK(normalise(family).text == family);
  CHECK(normalise(persian).text == persian);
  CHECK(normalise(family).repairs.empty());
}

TEST_CASE("repair runs references before white space", "[repair]") {
  const auto r = normalise("a&nbsp;&nbsp;b&#9;c");
  CHECK(r.text == "a b c");
  CHECK(has_repair(r, RepairReason::kCharacterReference, "&nbsp;", "\xC2\xA0"));
  CHECK(has_repair(r, RepairReason::kSpaceChar, "\xC2\xA0\xC2\xA0", " "));
}

TEST_CASE("repair leaves clean text and its report untouched", "[repair]") {
  const std::string clean =
      "Ein sch\xC3\xB6ner Tag.\n\n\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xE2\x80\x94 "
      "\xE4\xBD\xA0\xE5\xA5\xBD.";
  const auto r = repair(clean);
  CHECK(r.text == clean);
  CHECK(r.repairs.empty());
}

TEST_CASE("the repair log merges equal repairs in order of first occurrence", "[repair][log]") {
  // Against an obviously correct merge (an ordered map of the triples). Sources, each
  // with eight reasons and two replacements that differ in a byte the log's cache of
  // recent entries does not hash, are added again and again in a scrambled order; from
  // fewer triples than the cache has slots to far more, so that sources and replacements
  // collide in it (reasons are hashed apart).
  for (const std::uint32_t sources : {10u, 40u, 150u, 1000u}) {
    winnow::RepairLog log;
    std::vector<winnow::Repair> expected;
    std::map<std::tuple<RepairReason, std::string, std::string>, std::size_t> position;
    std::uint32_t state = 12345;
    for (int n = 0; n < 50000; ++n) {
      state = state * 1103515245u + 12345u;
      const std::uint32_t k = (state >> 4) % (16 * sources);
      const std::string from = "x" + std::to_string(k % sources) + "x";
      const std::string to = (k / sources) % 2 ? "a-xa" : "a+xa";
      const auto reason = static_cast<RepairReason>(k / (2 * sources));
      const std::size_t count = 1 + k % 3;
      log.add(reason, from, to, count);
      const auto [it, inserted] = position.try_emplace({reason, from, to}, expected.size());
      if (inserted) {
        expected.push_back({from, to, reason, count});
      } else {
        expected[it->second].count += count;
      }
    }
    INFO(sources << " sources");
    CHECK(expected.size() > 15 * sources);  // nearly every triple came up
    CHECK(log.entries() == expected);
  }
}
