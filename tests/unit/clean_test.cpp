#include <catch2/catch.hpp>

#include "winnow/winnow.hpp"

using winnow::clean;

TEST_CASE("clean takes a short first line as the title", "[clean]") {
  const auto a =
      clean("City Opens New Library\n\nThe library opened on Monday.\nIt has 40,000 books.");
  CHECK(a.title == "City Opens New Library");
  REQUIRE(a.paragraphs.size() == 2);
  CHECK(winnow::article_text(a) == "The library opened on Monday.\n\nIt has 40,000 books.");
}

TEST_CASE("clean finds no title where the text starts with a sentence", "[clean]") {
  CHECK(clean("The library opened on Monday.\nIt has 40,000 books.").title.empty());
  CHECK(clean("Breaking news:\nThe library opened.").title.empty());
  CHECK(clean("Only one line").title.empty());                    // a title needs a body after it
  CHECK(clean("2024-05-01\nThe library opened.").title.empty());  // no letters
}

TEST_CASE("clean can be told there is no title", "[clean]") {
  const auto a = clean("City Opens New Library\nThe library opened.", {.detect_title = false});
  CHECK(a.title.empty());
  CHECK(a.paragraphs.size() == 2);
}

TEST_CASE("clean runs every stage and merges their reports", "[clean]") {
  const auto a = clean("\xEF\xBB\xBFTitle\xC2\xA0Here\r\n\r\nBody &amp; more \xFF text.\r\n");
  CHECK(a.title == "Title Here");
  CHECK(winnow::article_text(a) == "Body & more \xEF\xBF\xBD text.");
  std::vector<std::string> reasons;
  for (const auto& r : a.repairs) reasons.emplace_back(winnow::repair_reason_name(r.reason));
  CHECK(reasons == std::vector<std::string>{"invalid-utf8", "character-reference", "space-char",
                                            "line-ending"});
}

TEST_CASE("article_json is the wire form, escaped as JSON.stringify escapes", "[clean][json]") {
  winnow::Article a;
  a.title = "Say \"hi\"\\";
  a.paragraphs = {"tab\there", std::string("nul\0bell\a\x1F", 10),
                  "\xE2\x80\xA8 and \xF0\x9F\x98\x80 raw"};
  a.repairs = {{"&amp;", "&", winnow::RepairReason::kCharacterReference, 3}};
  CHECK(
      winnow::article_json(a) ==
      "{\"title\":\"Say "
      "\\\"hi\\\"\\\\\",\"text\":\"tab\\there\\n\\nnul\\u0000bell\\u0007\\u001f\\n\\n"
      "\xE2\x80\xA8 and \xF0\x9F\x98\x80 "
      "raw\",\"paragraphs\":[\"tab\\there\",\"nul\\u0000bell\\u0007\\u001f\","
      "\"\xE2\x80\xA8 and \xF0\x9F\x98\x80 "
      "raw\"],\"removed\":[],\"repairs\":[{\"from\":\"&amp;\",\"to\":\"&\","
      "\"reason\":\"character-reference\",\"count\":3}],\"metadata\":{\"site\":\"\",\"date\":\"\","
      "\"byline\":\"\"}}");
}

TEST_CASE("clean of empty input is an empty article", "[clean]") {
  const auto a = clean("");
  CHECK(a.title.empty());
  CHECK(a.paragraphs.empty());
  CHECK(a.repairs.empty());
  CHECK(
      winnow::article_json(a) ==
      R"({"title":"","text":"","paragraphs":[],"removed":[],"repairs":[],"metadata":{"site":"","date":"","byline":""}})");
}

TEST_CASE("clean gives a best-effort article on hostile text shapes", "[clean][hostile]") {
  // One line of 8 MB: one paragraph, nothing lost.
  std::string line;
  while (line.size() < (8u << 20)) line += "word ";
  const winnow::Article one = clean(line, {.detect_title = false});
  std::size_t kept = 0;
  for (const auto& p : one.paragraphs) kept += p.size();
  for (const auto& r : one.removed) kept += r.text.size();
  CHECK(kept + 64 >= line.size() - 1);  // every word kept or reported (spaces aside)
  // A million empty lines: nothing to keep, nothing to report, no crash.
  const winnow::Article empty = clean(std::string(1000000, '\n'));
  CHECK(empty.paragraphs.empty());
  CHECK(empty.removed.empty());
  // Every byte value, NUL included, many times: valid UTF-8 out, every replacement reported.
  std::string bytes;
  for (int i = 0; i < 256 * 256; ++i) bytes.push_back(static_cast<char>(i % 256));
  const winnow::Article all = clean(bytes);
  for (const auto& p : all.paragraphs) CHECK(p.find('\0') == std::string::npos);
  CHECK_FALSE(all.repairs.empty());
}

TEST_CASE("cut_site_suffix keeps the headline of a title line", "[clean]") {
  std::string site;
  CHECK(winnow::cut_site_suffix("Putin concerned over deaths in Israel-Gaza war | Vladimir Putin "
                                "News | Al Jazeera",
                                site) == "Putin concerned over deaths in Israel-Gaza war");
  CHECK(site == "Al Jazeera");
  // A known site after a dash, whatever its case; other dashes are the headline's.
  site = "The Daily Example";
  CHECK(winnow::cut_site_suffix("Bridge Opens - THE DAILY EXAMPLE", site) == "Bridge Opens");
  CHECK(winnow::cut_site_suffix("Talks With Hamas – Kremlin", site) ==
        "Talks With Hamas – Kremlin");
  // A long part after a bar is the headline's too.
  site.clear();
  CHECK(winnow::cut_site_suffix("Opinion | Republicans Are Following Trump to Nowhere", site) ==
        "Opinion | Republicans Are Following Trump to Nowhere");
  CHECK(site.empty());
}
