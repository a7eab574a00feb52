#include <catch2/catch.hpp>

#include <algorithm>

#include "decode/decode.hpp"

using winnow::decode;
using winnow::RepairReason;
using winnow::SourceEncoding;

namespace {
std::size_t count_of(const winnow::Decoded& d, RepairReason reason) {
  std::size_t n = 0;
  for (const auto& r : d.repairs.entries()) n += r.reason == reason ? r.count : 0;
  return n;
}
std::size_t invalid_count(const winnow::Decoded& d) {
  return count_of(d, RepairReason::kInvalidUtf8);
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

TEST_CASE("decode recognises text in a legacy single-byte encoding", "[decode][legacy]") {
  // Sentences written for Winnow, each as a file in that encoding would hold it (the bytes
  // are those of Python's codecs for the page).
  struct Case {
    const char* page;
    std::string bytes;
    std::string text;
  };
  const Case cases[] = {
      {"windows-1252",
       "Apr\xE8s trente ans, le caf\xE9 de la place ferme d\xE9"
       "finitivement \x97 une page "
       "se tourne.",
       "Apr\xC3\xA8s trente ans, le caf\xC3\xA9 de la place ferme d\xC3\xA9"
       "finitivement \xE2\x80\x94 une page se tourne."},
      // Punctuation only: English with typographic quotes.
      {"windows-1252",
       "It\x92s a \x93"
       "bold bet\x94, analysts say \x97 it\x92s costly.",
       "It\xE2\x80\x99s a \xE2\x80\x9C"
       "bold bet\xE2\x80\x9D, analysts say \xE2\x80\x94 "
       "it\xE2\x80\x99s costly."},
      {"windows-1251", "\xCF\xF0\xE5\xE7\xE8\xE4\xE5\xED\xF2 \xD0\xEE\xF1\xF1\xE8\xE8",
       "\xD0\x9F\xD1\x80\xD0\xB5\xD0\xB7\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x82 "
       "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD0\xB8"},  // Президент России
      // Czech reads as letters in Windows-1252 too ("Pøedseda"), but as no one language's.
      {"windows-1250",
       "P\xF8"
       "edseda vl\xE1"
       "dy \xF8"
       "ekl, \x9E"
       "e m\xECsto bude muset "
       "p\xF8ijmout opat\xF8"
       "en\xED.",
       "P\xC5\x99"
       "edseda vl\xC3\xA1"
       "dy \xC5\x99"
       "ekl, \xC5\xBE"
       "e m\xC4\x9Bsto bude muset "
       "p\xC5\x99ijmout opat\xC5\x99"
       "en\xC3\xAD."},
      {"windows-1254",
       "Merkez Bankas\xFD faizi y\xFC"
       "zde 40'a y\xFCkseltti, karar\xFDn "
       "beklentilerle uyumlu oldu\xF0unu belirtti.",
       "Merkez Bankas\xC4\xB1 faizi y\xC3\xBC"
       "zde 40'a y\xC3\xBCkseltti, karar\xC4\xB1n "
       "beklentilerle uyumlu oldu\xC4\x9Funu belirtti."},
      {"windows-1253",
       "\xC7 \xEA\xF5\xE2\xDD\xF1\xED\xE7\xF3\xE7 \xE1\xED\xE1\xEA\xEF\xDF\xED"
       "\xF9\xF3\xE5",
       "\xCE\x97 \xCE\xBA\xCF\x85\xCE\xB2\xCE\xAD\xCF\x81\xCE\xBD\xCE\xB7\xCF\x83\xCE\xB7 "
       "\xCE\xB1\xCE\xBD\xCE\xB1\xCE\xBA\xCE\xBF\xCE\xAF\xCE\xBD\xCF\x89\xCF\x83\xCE\xB5"},
  };
  for (const Case& c : cases) {
    INFO(c.page << ": " << c.text);
    const auto d = decode(c.bytes);
    CHECK(d.encoding == SourceEncoding::kDetectedSingleByte);
    CHECK(d.text == c.text);
    // Every non-ASCII byte is reported, none replaced.
    const auto high =
        static_cast<std::size_t>(std::count_if(c.bytes.begin(), c.bytes.end(), [](char b) {
          return static_cast<unsigned char>(b) >= 0x80;
        }));
    CHECK(count_of(d, RepairReason::kLegacyEncoding) == high);
    CHECK(invalid_count(d) == 0);
  }
  const auto d = decode(cases[0].bytes);
  REQUIRE(!d.repairs.entries().empty());
  CHECK(d.repairs.entries()[0] ==
        winnow::Repair{"\\xE8", "\xC3\xA8", RepairReason::kLegacyEncoding, 1});
}

TEST_CASE("decode keeps replacing what is not a legacy encoding's text", "[decode][legacy]") {
  // UTF-8 with one stray byte: the rest is UTF-8, and the byte is replaced, as TextDecoder does.
  const auto stray = decode("Le caf\xC3\xA9 est tr\xC3\xA8s bon \xE2\x80\x94 vraiment. caf\xE9");
  CHECK(stray.encoding == SourceEncoding::kUtf8);
  CHECK(invalid_count(stray) == 1);
  // Bytes that read as no page's words: binary data.
  CHECK(decode(std::string(4096, '\xFF')).encoding == SourceEncoding::kUtf8);
  CHECK(decode("\x01\x9F\x8D\xC0\x80\xFE\x90\x81\x8D\x9D\x8F\x90").encoding ==
        SourceEncoding::kUtf8);
  // A page that declares UTF-8 but holds Windows-1252 is read as what it holds.
  const auto page = decode(
      "<meta charset=\"utf-8\"><p>Apr\xE8s trente ans, le caf\xE9 tr\xE8s connu ferme d\xE9"
      "finitivement.",
      "utf-8");
  CHECK(page.encoding == SourceEncoding::kDetectedSingleByte);
  CHECK(page.text.find("caf\xC3\xA9") != std::string::npos);
}
