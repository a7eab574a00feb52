// Mojibake as scraped news has it. Vectors written for Winnow; the seeds of the project
// (../shared/seeds) show each kind in the wild.
#include <catch2/catch.hpp>

#include "repair/repair.hpp"

using winnow::repair;
using winnow::RepairReason;

namespace {
std::string fixed(std::string_view text) {
  return repair(text).text;
}
bool reported(const winnow::Repaired& r, RepairReason reason) {
  for (const auto& e : r.repairs.entries()) {
    if (e.reason == reason) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("mojibake: UTF-8 read as Windows-1252, in a news sentence", "[mojibake]") {
  CHECK(fixed("The minister said it was "
              "\xC3\xA2\xE2\x82\xAC\xC5\x93unacceptable\xC3\xA2\xE2\x82\xAC\xC2\x9D "
              "and called for talks.") ==
        "The minister said it was \xE2\x80\x9C"
        "unacceptable\xE2\x80\x9D and called for talks.");
  CHECK(fixed("Caf\xC3\x83\xC2\xA9s in S\xC3\x83\xC2\xA3o Paulo reopened on Monday.") ==
        "Caf\xC3\xA9s in S\xC3\xA3o Paulo reopened on Monday.");
  const auto r = repair("Washington\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s policy");
  CHECK(r.text == "Washington\xE2\x80\x99s policy");
  CHECK(reported(r, RepairReason::kMojibake));
}

TEST_CASE("mojibake: a closing quote whose last byte was dropped", "[mojibake][lost-bytes]") {
  // “catastrophic increase” where 0x9D (undefined in Windows-1252) was lost: "â€" + space.
  const auto r = repair(
      "voiced concern at the \xC3\xA2\xE2\x82\xAC\xC5\x93"
      "catastrophic increase\xC3\xA2\xE2\x82\xAC in the number");
  CHECK(r.text ==
        "voiced concern at the \xE2\x80\x9C"
        "catastrophic increase\xE2\x80\x9D in the number");
  CHECK(reported(r, RepairReason::kLostBytes));
}

TEST_CASE("mojibake: a closing quote that lost its last byte, with no opening quote in sight",
          "[mojibake][lost-bytes]") {
  // The opening quote was on an earlier line. "â€" + space after a word closes a quote; ftfy
  // reads "â€ " as a dagger (E2 80 A0, the space taken for a no-break space) and swallows
  // the space.
  CHECK(fixed("said it was unacceptable.\xC3\xA2\xE2\x82\xAC The minister\xC3\xA2\xE2\x82\xAC\xE2"
              "\x84\xA2s aide") ==
        "said it was unacceptable.\xE2\x80\x9D The minister\xE2\x80\x99s aide");
  // Before a word it closes nothing: left as it is.
  CHECK(fixed("and then \xC3\xA2\xE2\x82\xAC and more") ==
        "and then \xC3\xA2\xE2\x82\xAC and more");
}

TEST_CASE("mojibake: lower-cased mojibake is UTF-8 in no code page and is left alone",
          "[mojibake][negative]") {
  // "Ã" became "ã" (E3, a three-byte lead), so every reading is partial: readings layered on
  // readings would end in kana and rare ideographs ("㆒ピ ã¢₉㢋ľ..."). Nothing reads right,
  // so nothing changes (ftfy's "absolutely hopeless garble").
  const std::string_view garble =
      "\xC3\xA3\xE2\x80\xA0\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2\xC3\xA3\xC6\x92\xC3\xA2\xE2\x82"
      "\xAC \xC3\xA3\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC\xC3\xA2\xE2\x80\x9E\xC2\xA2\xC3"
      "\xA3\xC6\x92\xC3\xA6\xE2\x80\x99\xC3\xA3\xE2\x80\x9A\xC3\xA2\xC2\xA2\xC3\xA3\xC6\x92"
      "\xC3\xA2\xC2\xA2\xC3\xA3\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC\xC3\xA5\xC2\xA1\xC3\xA3"
      "\xE2\x80\x9A\xC3\xA2\xC2\xAC\xC3\xA3\xC6\x92\xC3\xA2\xE2\x82\xAC\xC5\xA1\xC3\xA3\xE2"
      "\x80\x9A\xC3\xA2";
  CHECK(fixed(garble) == garble);
}

TEST_CASE("mojibake: emoji and flags read as Windows-1254", "[mojibake]") {
  // 💬 F0 9F 92 AC and 🇷🇺 read through Windows-1254, where 0xF0 is "ğ".
  CHECK(fixed("\xC4\x9F\xC5\xB8\xE2\x80\x99\xC2\xAC President said, on a call with officials.") ==
        "\xF0\x9F\x92\xAC President said, on a call with officials.");
  CHECK(fixed("MFA Russia \xC4\x9F\xC5\xB8\xE2\x80\xA1\xC2\xB7\xC4\x9F\xC5\xB8\xE2\x80\xA1\xC2\xBA "
              "(@mfa_russia)") == "MFA Russia \xF0\x9F\x87\xB7\xF0\x9F\x87\xBA (@mfa_russia)");
}

TEST_CASE("mojibake: a pictograph that lost a byte becomes U+FFFD, reported",
          "[mojibake][lost-bytes]") {
  // ☝️ is E2 98 9D EF B8 8F; both 0x9D and 0x8F were dropped. Which pictograph it was is
  // not knowable (☁ and ☝ both fit), so it is marked, not guessed; the variation selector is.
  const auto r = repair("\xC3\xA2\xCB\x9C\xC3\xAF\xC2\xB8 This is an example of a failed policy.");
  CHECK(r.text == "\xEF\xBF\xBD\xEF\xB8\x8F This is an example of a failed policy.");
  CHECK(reported(r, RepairReason::kLostBytes));
}

TEST_CASE("mojibake: mixed with correct text on one line", "[mojibake]") {
  CHECK(fixed("L\xE2\x80\x99\xC3\x83\xC2\xA9quipe a gagn\xC3\x83\xC2\xA9 \xC3\xA0 Marseille, dit "
              "l\xE2\x80\x99"
              "entra\xC3\xAEneur.") ==
        "L\xE2\x80\x99\xC3\xA9quipe a gagn\xC3\xA9 \xC3\xA0 Marseille, dit l\xE2\x80\x99"
        "entra\xC3\xAEneur.");
}

TEST_CASE("mojibake: Cyrillic read as Windows-1252, and Russian read as Windows-1251",
          "[mojibake]") {
  // "Привет, мир" as UTF-8 read through Windows-1252.
  CHECK(fixed("\xC3\x90\xC5\xB8\xC3\x91\xE2\x82\xAC\xC3\x90\xC2\xB8\xC3\x90\xC2\xB2\xC3\x90\xC2\xB5"
              "\xC3\x91\xE2\x80\x9A, "
              "\xC3\x90\xC2\xBC\xC3\x90\xC2\xB8\xC3\x91\xE2\x82\xAC") ==
        "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8\xD1\x80");
  // "сегодня" as UTF-8 read through Windows-1251.
  CHECK(fixed("\xD0\xA1\xD0\x83\xD0\xA0\xC2\xB5\xD0\xA0\xD1\x96\xD0\xA0\xD1\x95\xD0\xA0\xD2\x91\xD0"
              "\xA0\xD0\x85\xD0\xA1\xD0\x8F") ==
        "\xD1\x81\xD0\xB5\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xBD\xD1\x8F");
}

TEST_CASE("mojibake: C1 controls that stood for Windows-1252 punctuation", "[mojibake]") {
  CHECK(fixed("He said \xC2\x93yes\xC2\x94 and left\xC2\x85") ==
        "He said \xE2\x80\x9Cyes\xE2\x80\x9D and left\xE2\x80\xA6");
}

TEST_CASE("mojibake: correct text that looks like it is left alone", "[mojibake][negative]") {
  for (std::string_view text : {
           "S\xC3\xA3o Paulo and Bras\xC3\xADlia",            // Portuguese ã, í
           "\xC3\x82ndrea and \xC3\x83 in CONCLUS\xC3\x83O",  // capitals Â, Ã used as letters
           "Ba\xC5\x9F\xC4\x9F\x61n ve \xC4\x9F\xC3\xBCne\xC5\x9F",  // Turkish ş, ğ, ü
           "NESTL\xC3\x89\xC2\xAE requiere personal",                // É before ®
           "IKEA\xE2\x84\xA2 and AH\xC3\x85\xE2\x84\xA2",            // ™ after a word
           "5\xC3\x97\xC2\xA3"
           "35 pin ups",                      // × before £
           "(-1/2)! = \xE2\x88\x9A\xCF\x80",  // √π
       }) {
    INFO(text);
    CHECK(fixed(text) == text);
  }
}
