// Random and adversarial inputs, checked against the reference implementations in
// tests/reference and against invariants that must hold for every input.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "reference/reference.hpp"
#include "repair/passes.hpp"
#include "support/random.hpp"
#include "winnow/winnow.hpp"

namespace {

using winnow::testing::Random;

// Pieces that exercise every branch: ASCII, valid multi-byte characters, each kind of
// white space and invisible character, references, and broken UTF-8.
const std::string_view kPieces[] = {
    "a",
    "Word",
    ".",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\xC2\xA0",
    "\xE2\x80\xAF",
    "\xE3\x80\x80",
    "\xE2\x80\x8B",
    "\xC2\xAD",
    "\xEF\xBB\xBF",
    "\xE2\x80\xA8",
    "\xE2\x80\xA9",
    "\xE2\x80\x8D",
    "\xC3\xA9",
    "\xE4\xB8\xAD",
    "\xF0\x9F\x98\x80",
    "&amp;",
    "&#8217;",
    "&#x1F600;",
    "&",
    "&nbsp;",
    "&#150;",
    "&bogus;",
    "\x01",
    std::string_view("\0", 1),
    "\x7F",
    "\xC2",
    "\xE2\x80",
    "\x80",
    "\xFF",
    "\xED\xA0\x80",
    "\xF4\x90\x80\x80",
};

std::string random_bytes(Random& rng, std::size_t max_length) {
  std::string s(rng.below(max_length + 1), '\0');
  for (char& c : s) c = static_cast<char>(rng.below(256));
  return s;
}

std::string random_pieces(Random& rng, std::size_t max_pieces) {
  std::string s;
  const std::size_t n = rng.below(max_pieces + 1);
  for (std::size_t i = 0; i < n; ++i) s += kPieces[rng.below(std::size(kPieces))];
  return s;
}

bool is_valid_utf8(std::string_view s) {
  return winnow::reference::decode_utf8(s).replacements == 0;
}

std::size_t count_of(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("decode agrees with the reference decoder on random bytes", "[random][decode]") {
  Random rng(1);
  std::size_t compared = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string input = i % 2 ? random_bytes(rng, 64) : random_pieces(rng, 24);
    const auto expected = winnow::reference::decode_utf8(input);
    const auto actual = winnow::decode(input);
    // A BOM, the UTF-16 pattern, or (rarely, for random bytes) words a code page reads.
    if (actual.encoding != winnow::SourceEncoding::kUtf8) continue;
    ++compared;
    INFO("input: " << winnow::escape_bytes(input));
    REQUIRE(actual.text == winnow::reference::encode_utf8(expected.code_points));
    std::size_t reported = 0;
    for (const auto& r : actual.repairs.entries()) reported += r.count;
    REQUIRE(reported == expected.replacements);
  }
  CHECK(compared > 2500);  // 2,662 at this writing
}

TEST_CASE("white-space normalisation agrees with the reference on random text",
          "[random][repair]") {
  Random rng(2);
  for (int i = 0; i < 3000; ++i) {
    // Valid UTF-8 only, and no references, so the white-space pass alone is compared.
    std::string input = winnow::decode(random_pieces(rng, 32)).text;
    for (char& c : input) c = c == '&' ? 'x' : c;
    INFO("input: " << winnow::escape_bytes(input));
    winnow::RepairLog log;
    REQUIRE(winnow::detail::normalise_whitespace(input, log) ==
            winnow::reference::normalise_whitespace(input));
  }
}

TEST_CASE("clean never breaks its output invariants, whatever the bytes", "[random][clean]") {
  Random rng(3);
  for (int i = 0; i < 2000; ++i) {
    const std::string input = i % 3 == 0 ? random_bytes(rng, 512) : random_pieces(rng, 200);
    INFO("input: " << winnow::escape_bytes(input));
    const winnow::Article a = winnow::clean(input);
    REQUIRE(is_valid_utf8(a.title));
    for (const std::string& p : a.paragraphs) {
      REQUIRE_FALSE(p.empty());
      REQUIRE(is_valid_utf8(p));
      REQUIRE(p.find('\n') == std::string::npos);
      REQUIRE(p.front() != ' ');
      REQUIRE(p.back() != ' ');
    }
    std::size_t invalid = 0;
    bool mojibake = false;
    for (const auto& r : a.repairs) {
      mojibake = mojibake || r.reason == winnow::RepairReason::kMojibake ||
                 r.reason == winnow::RepairReason::kLostBytes;
      REQUIRE(is_valid_utf8(r.from));
      REQUIRE(is_valid_utf8(r.to));
      REQUIRE(r.count > 0);
      if (r.reason == winnow::RepairReason::kInvalidUtf8) invalid += r.count;
    }
    // Nothing undecodable disappears silently: every U+FFFD in the output is either in the
    // input already or reported. (References such as "&#0;" also make U+FFFD, and mojibake
    // repairs may merge or make some, reported as such, so those are left out of this
    // exact count.)
    if (input.find('&') == std::string::npos && !mojibake &&
        winnow::decode(input).encoding == winnow::SourceEncoding::kUtf8) {
      std::string all = a.title + "\n" + winnow::article_text(a);
      for (const auto& removal : a.removed) all += "\n" + removal.text;
      REQUIRE(count_of(all, "\xEF\xBF\xBD") == invalid + count_of(input, "\xEF\xBF\xBD"));
    }
  }
}

TEST_CASE("clean handles large and degenerate inputs in one pass", "[random][clean]") {
  CHECK(winnow::clean(std::string(1 << 20, ' ')).paragraphs.empty());
  CHECK(winnow::clean(std::string(1 << 20, '\n')).paragraphs.empty());
  CHECK(winnow::clean(std::string(1 << 20, '&')).paragraphs.size() == 1);
  CHECK(winnow::clean(std::string(1 << 20, '\xFF')).repairs.at(0).count == (1u << 20));
  std::string long_line;
  for (int i = 0; i < 100000; ++i) long_line += "word ";
  CHECK(winnow::clean(long_line).paragraphs.at(0).size() == long_line.size() - 1);
  // Hostile shapes that once took quadratic time or memory: a line of endless case joins
  // (each looked up its own token), and a megabyte line of mojibake (nine byte tables per
  // character). They must come back, whole and repaired.
  std::string glued;
  for (int i = 0; i < 200000; ++i) glued += "aB";
  std::size_t glued_size = 0;
  const auto split = winnow::clean(glued, {.detect_title = false});
  for (const std::string& p : split.paragraphs) glued_size += p.size();
  for (const auto& r : split.removed) glued_size += r.text.size();
  CHECK(glued_size == glued.size());
  std::string mojibake;
  for (int i = 0; i < 100000; ++i) mojibake += "caf\xC3\x83\xC2\xA9 ";
  const auto repaired = winnow::repair(mojibake);
  CHECK(repaired.text.find("\xC3\x83") == std::string::npos);
  CHECK(repaired.text.size() == mojibake.size() - 200000);
}
