#include <catch2/catch.hpp>

#include "decode/decode.hpp"

using winnow::decode;
using winnow::RepairReason;
using winnow::SourceEncoding;

namespace {
std::size_t invalid_count(const winnow::Decoded& d) {
  std::size_t n = 0;
  for (const auto& r : d.repairs.entries())
    n += r.reason == RepairReason::kInvalidUtf8 ? r.count : 0;
  return n;
}
}  // namespace

TEST_CASE("decode passes valid UTF-8 through unchanged", "[decode]") {
  const std::string text =
      "Caf\xC3\xA9 \xE2\x80\x9Cquote\xE2\x80\x9D \xF0\x9F\x98\x80 \xE4\xB8\xAD";
  const auto d = decode(text);
  CHECK(d.text == text);
  CHECK(d.encoding == SourceEncoding::kUtf8);
  CHECK(d.repairs.empty());
}

TEST_CASE("decode drops a UTF-8 byte order mark without reporting it", "[decode]") {
  const auto d = decode("\xEF\xBB\xBFHello");
  CHECK(d.text == "Hello");
  CHECK(d.encoding == SourceEncoding::kUtf8Bom);
  CHECK(d.repairs.empty());
}

TEST_CASE("decode reads UTF-16 with a byte order mark", "[decode]") {
  // "Aé😀" : U+0041 U+00E9 U+1F600 (surrogates D83D DE00)
  const auto le =
      decode(std::string("\xFF\xFE"
                         "A\x00\xE9\x00\x3D\xD8\x00\xDE",
                         10));
  CHECK(le.text == "A\xC3\xA9\xF0\x9F\x98\x80");
  CHECK(le.encoding == SourceEncoding::kUtf16LE);
  CHECK(le.repairs.empty());
  const auto be =
      decode(std::string("\xFE\xFF"
                         "\x00"
                         "A\x00\xE9\xD8\x3D\xDE\x00",
                         10));
  CHECK(be.text == "A\xC3\xA9\xF0\x9F\x98\x80");
  CHECK(be.encoding == SourceEncoding::kUtf16BE);
}

TEST_CASE("decode replaces and reports unpaired surrogates and a truncated code unit", "[decode]") {
  // A lone high surrogate before 'B', a lone low surrogate, then an odd final byte.
  const auto d =
      decode(std::string("\xFF\xFE"
                         "\x00\xD8"
                         "B\x00"
                         "\x00\xDC"
                         "C",
                         9));
  CHECK(d.text ==
        "\xEF\xBF\xBD"
        "B"
        "\xEF\xBF\xBD"
        "\xEF\xBF\xBD");
  REQUIRE(d.repairs.entries().size() == 3);
  CHECK(d.repairs.entries()[0].from == "\\x00\\xD8");
  CHECK(d.repairs.entries()[1].from == "\\x00\\xDC");
  CHECK(d.repairs.entries()[2].from == "\\x43");
}

TEST_CASE("decode recognises BOM-less UTF-16 from its NUL pattern", "[decode]") {
  const std::string ascii = "The quick brown fox jumps over the lazy dog.";
  std::string le, be;
  for (char c : ascii) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  CHECK(decode(le).text == ascii);
  CHECK(decode(le).encoding == SourceEncoding::kUtf16LE);
  CHECK(decode(be).text == ascii);
  CHECK(decode(be).encoding == SourceEncoding::kUtf16BE);
  // A few NULs in UTF-8 text are not enough to switch encodings.
  CHECK(decode(std::string("abc\0defgh\0ijklmnop", 18)).encoding == SourceEncoding::kUtf8);
}

TEST_CASE("decode replaces maximal subparts as Unicode and WHATWG specify", "[decode]") {
  // Unicode 15.0, section 3.9, Table 3-8 ("U+FFFD for Non-Shortest Form Sequences" and
  // following): each maximal subpart of an ill-formed sequence becomes one U+FFFD.
  const std::string r = "\xEF\xBF\xBD";
  CHECK(decode("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64").text ==
        "a" + r + r + r + "b" + r + "c" + r + r + "d");
  CHECK(decode("\xC0\xAF").text == r + r);                  // overlong: C0 is never valid
  CHECK(decode("\xE0\x80\xAF").text == r + r + r);          // overlong three-byte form
  CHECK(decode("\xED\xA0\x80").text == r + r + r);          // encoded surrogate
  CHECK(decode("\xF4\x90\x80\x80").text == r + r + r + r);  // above U+10FFFF
  CHECK(decode("\xF5\x80").text == r + r);                  // F5 is never valid
  CHECK(decode("x\xE2\x82").text == "x" + r);               // truncated at the end
  CHECK(decode("\xF0\x9F\x98").text == r);                  // emoji missing its last byte
}

TEST_CASE("decode reports each kind of invalid sequence with its bytes and a count", "[decode]") {
  const auto d = decode("a\xE9 b\xE9 c\xFF");
  CHECK(d.text == "a\xEF\xBF\xBD b\xEF\xBF\xBD c\xEF\xBF\xBD");
  REQUIRE(d.repairs.entries().size() == 2);
  CHECK(d.repairs.entries()[0] ==
        winnow::Repair{"\\xE9", "\xEF\xBF\xBD", RepairReason::kInvalidUtf8, 2});
  CHECK(d.repairs.entries()[1] ==
        winnow::Repair{"\\xFF", "\xEF\xBF\xBD", RepairReason::kInvalidUtf8, 1});
  CHECK(invalid_count(d) == 3);
}

TEST_CASE("decode handles empty and tiny inputs", "[decode]") {
  CHECK(decode("").text.empty());
  CHECK(decode("\xEF\xBB").text == "\xEF\xBF\xBD");  // an incomplete BOM is an incomplete character
  CHECK(decode("\xFF\xFE").text.empty());            // a UTF-16 BOM alone
  CHECK(decode(std::string(1, '\0')).text == std::string(1, '\0'));  // NUL is valid UTF-8
}
