// Pages through clean(): what is kept, what goes and why, metadata, encodings.
#include <catch2/catch.hpp>

#include <string>

#include "segment/json_value.hpp"
#include "winnow/winnow.hpp"

namespace {

std::string reasons_of(const winnow::Article& a, std::string_view text) {
  for (const auto& r : a.removed) {
    if (r.text == text) return std::string(winnow::removal_reason_name(r.reason));
  }
  return "kept";
}

// A news page as sites build them: chrome around an article, chrome inside it.
constexpr std::string_view kPage = R"(<!DOCTYPE html>
<html><head><title>Council Approves New Bridge | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Council Approves New Bridge","datePublished":"2024-05-01T10:00:00Z",
 "author":[{"@type":"Person","name":"Ana Lima"},{"@type":"Person","name":"Tom Park"}],}</script>
<style>p { color: red }</style></head>
<body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="layout">
 <div class="newsbar"><p>Weather: sunny, 24 degrees in the city today.</p></div>
 <article class="story">
  <h1>Council Approves New Bridge</h1>
  <div class="byline">By Ana Lima and Tom Park</div>
  <figure><img src="b.jpg"><figcaption>The old bridge, closed since March. Photo: City archive</figcaption></figure>
  <div class="story-body">
   <p>The city council voted on Tuesday to build a new bridge over the river, ending a debate that has lasted for more than a decade.</p>
   <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
   <p>The bridge, which will cost about 40 million euros, is expected to open in 2027, according to the city's transport department.</p>
   <h2>Opposition from residents</h2>
   <p>Some residents of the eastern district said the new road would bring traffic, noise and pollution to their quiet streets, and they promised to appeal.</p>
   <p>The mayor said the <a href="/plan">plan</a> had been changed twice to meet their concerns, and that work would begin in the spring.</p>
   <aside class="related"><h3>Related</h3><ul><li><a href="/a">Old bridge closes for repairs</a></li><li><a href="/b">Traffic plan unveiled</a></li></ul></aside>
   <p hidden>Subscriber-only bonus paragraph, hidden from the page.</p>
  </div>
 </article>
 <div class="sidebar"><h3>Most read</h3><p>Another story entirely, with a long teaser sentence that goes on, and on, and on for a while.</p></div>
</div>
<footer><p>&copy; 2024 The Daily Example. All rights reserved.</p></footer>
</body></html>)";

}  // namespace

TEST_CASE("clean recognises a page and keeps only its article", "[page]") {
  const winnow::Article a = winnow::clean(kPage);
  CHECK(a.title == "Council Approves New Bridge");
  CHECK(a.metadata.site == "The Daily Example");
  CHECK(a.metadata.date == "2024-05-01T10:00:00Z");
  CHECK(a.metadata.byline == "Ana Lima, Tom Park");
  REQUIRE(a.paragraphs.size() == 5);
  CHECK(a.paragraphs[0].rfind("The city council voted on Tuesday", 0) == 0);
  CHECK(a.paragraphs[1].rfind("The bridge, which will cost", 0) == 0);
  CHECK(a.paragraphs[2] == "Opposition from residents");
  CHECK(a.paragraphs[4] ==
        "The mayor said the plan had been changed twice to meet their concerns, and that work "
        "would begin in the spring.");
  CHECK(reasons_of(a, "Home") == "navigation");
  CHECK(reasons_of(a, "Weather: sunny, 24 degrees in the city today.") == "outside-article");
  CHECK(reasons_of(a,
                   "Another story entirely, with a long teaser sentence that goes on, and on, and "
                   "on for a while.") == "related-links");
  CHECK(reasons_of(a, "Council Approves New Bridge") == "title-repeat");
  CHECK(reasons_of(a, "By Ana Lima and Tom Park") == "byline-dateline");
  CHECK(reasons_of(a, "The old bridge, closed since March. Photo: City archive") ==
        "caption-credit");
  CHECK(reasons_of(a, "Share on Facebook Share on X") == "share-bar");
  CHECK(reasons_of(a, "Old bridge closes for repairs") == "related-links");
  CHECK(reasons_of(a, "Subscriber-only bonus paragraph, hidden from the page.") == "hidden-text");
  CHECK(reasons_of(a, "\xC2\xA9 2024 The Daily Example. All rights reserved.") == "footer-legal");
  // Nothing is lost: every block of the page is kept or reported.
  CHECK(a.removed.size() >= 10);
}

TEST_CASE("clean's format option forces text or HTML", "[page]") {
  const std::string fragment =
      "<p>One paragraph of text that is long enough to be an article, really.</p>";
  CHECK(winnow::clean(fragment).paragraphs.at(0).rfind("One paragraph", 0) == 0);
  CHECK(winnow::clean(fragment, {.format = winnow::InputFormat::kText})
            .paragraphs.at(0)
            .rfind("<p>", 0) == 0);
  CHECK(winnow::clean("Plain <b> text", {.format = winnow::InputFormat::kHtml}).paragraphs.at(0) ==
        "Plain text");
}

TEST_CASE("looks_like_html tells pages from text", "[page]") {
  CHECK(winnow::looks_like_html("<!doctype html><title>x</title>"));
  CHECK(winnow::looks_like_html("  \n<HTML><body>x"));
  CHECK(winnow::looks_like_html("<div><p>Saved fragment</p></div>"));
  CHECK_FALSE(winnow::looks_like_html("Use <b> for bold text, and </b> to end it."));
  CHECK_FALSE(winnow::looks_like_html("<not a tag at all"));
  CHECK_FALSE(winnow::looks_like_html(""));
}

TEST_CASE("a page's declared single-byte charset is used only when the bytes are not UTF-8",
          "[page][decode]") {
  // "Café Olé" in Windows-1252, declared.
  const std::string legacy =
      "<meta charset=\"windows-1252\"><p>Caf\xE9 Ol\xE9 and a long enough sentence here.</p>";
  CHECK(winnow::declared_charset(legacy) == "windows-1252");
  CHECK(winnow::clean(legacy).paragraphs.at(0).rfind("Caf\xC3\xA9 Ol\xC3\xA9", 0) == 0);
  // Saved again as UTF-8 with the old declaration left in: UTF-8 wins.
  const std::string resaved =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
      "<p>Caf\xC3\xA9 Ol\xC3\xA9 and a long enough sentence here.</p>";
  CHECK(winnow::declared_charset(resaved) == "iso-8859-1");
  CHECK(winnow::clean(resaved).paragraphs.at(0).rfind("Caf\xC3\xA9 Ol\xC3\xA9", 0) == 0);
  // Encodings without tables decode as UTF-8, the undecodable bytes reported.
  const winnow::Article sjis =
      winnow::clean("<meta charset=shift_jis><p>\x82\xA0 text of a sentence.</p>");
  CHECK_FALSE(sjis.repairs.empty());
}

TEST_CASE("the JSON-LD articleBody referees when prose scoring picks the wrong element", "[page]") {
  const std::string sentence =
      "Reader comment without any name that says a lot, with commas, and more commas, too. ";
  std::string comments;
  for (int i = 0; i < 12; ++i)
    comments += "<div class=\"c\"><p>" + sentence + sentence + "</p></div>";
  const std::string body =
      "The minister announced a plan for new railways across the north of the country on Monday "
      "morning. "
      "Construction of the first line will begin next year and should finish within five years "
      "time. "
      "Critics said the budget was far too small for a project of such a size and ambition "
      "overall. "
      "Supporters answered that the plan would create thousands of jobs in the regions that need "
      "them.";
  const std::string page =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"Article\",\"articleBody\":\"" +
      body + "\"}</script></head><body><div id=\"main\"><p>" + body.substr(0, 190) + "</p><p>" +
      body.substr(190) + "</p></div><div id=\"x\">" + comments + "</div></body></html>";
  const winnow::Article a = winnow::clean(page);
  REQUIRE_FALSE(a.paragraphs.empty());
  CHECK(a.paragraphs[0].rfind("The minister announced", 0) == 0);
}

TEST_CASE("the JSON-LD reader tolerates what pages write", "[page][json]") {
  using winnow::detail::parse_json;
  auto v =
      parse_json("<!--\n{\"a\": [1, 2,], \"b\": \"line\nbreak \\u00e9 \\ud83d\\ude00\",}\n-->");
  REQUIRE(v.has_value());
  CHECK(v->get("a")->items.size() == 2);
  CHECK(v->get("b")->text == "line\nbreak \xC3\xA9 \xF0\x9F\x98\x80");
  CHECK_FALSE(parse_json("{\"a\": }").has_value());
  CHECK_FALSE(parse_json("[1] trailing").has_value());
  // Nesting is bounded: the reader recurses, the input must not decide how deep.
  CHECK_FALSE(parse_json(std::string(100000, '[')).has_value());
  CHECK(parse_json(std::string(60, '[') + std::string(60, ']')).has_value());
}

TEST_CASE("a page title loses the site's name after a dash, whatever its case", "[page]") {
  const winnow::Article a = winnow::clean(
      "<html><head><title>Bridge Opens After Three Years - The Daily Example</title>"
      "<meta property=\"og:site_name\" content=\"The Daily Example\"></head><body><p>The bridge "
      "opened "
      "on Monday, three years after work began, to the relief of commuters.</p></body></html>");
  CHECK(a.title == "Bridge Opens After Three Years");
}

TEST_CASE("a page's <title> loses the site after a dash when a heading repeats the headline",
          "[page]") {
  const std::string page =
      "<html><head><title>Why the city needs more trees - Green Streets Blog</title></head>"
      "<body><div class=\"main\"><h2>Why the city needs more trees</h2><div class=\"content\">"
      "<p>Street trees cool neighbourhoods by several degrees on hot days, and the city's own "
      "data shows that the poorest districts have the fewest of them.</p><p>A new plan from "
      "the parks department would plant 20,000 trees over five years.</p></div></div></body>"
      "</html>";
  const winnow::Article a = winnow::clean(page);
  CHECK(a.title == "Why the city needs more trees");
  CHECK(a.metadata.site == "Green Streets Blog");
  // Without a heading that says where the headline ends, its dash is its own.
  std::string other = page;
  other.replace(other.find("<h2>"), std::string("<h2>Why the city needs more trees</h2>").size(),
                "");
  CHECK(winnow::clean(other).title == "Why the city needs more trees - Green Streets Blog");
}

TEST_CASE("an entry's stamps go by the last word of their class, and fill the metadata", "[page]") {
  // WordPress: "entry-meta" opens with an article word, but names the entry's date and
  // author; "entry-content" is the article.
  const std::string page =
      "<html><head><title>Drought limits irrigation - South Daily</title></head><body>"
      "<article class=\"post hentry\"><h1 class=\"entry-title\">Drought limits irrigation</h1>"
      "<div class=\"entry-meta\"><time>20 November 2026</time> By <a href=\"/a\">Lucy "
      "Fern</a></div><div class=\"entry-content\"><p>The regional government approved new "
      "limits on farm irrigation on Thursday, as reservoirs stayed at record lows.</p><p>Farmers "
      "will be able to use a fifth of their usual allocation of water next season, the decree "
      "says.</p></div></article></body></html>";
  const winnow::Article a = winnow::clean(page);
  CHECK(reasons_of(a, "20 November 2026 By Lucy Fern") == "byline-dateline");
  CHECK(a.paragraphs.size() == 2);
  CHECK(a.metadata.date == "20 November 2026");
  CHECK(a.metadata.byline == "Lucy Fern");
}

TEST_CASE("a Chinese portal's stamp line and a kicker go; the copyright names the site", "[page]") {
  const std::string page =
      "<html><head><meta "
      "charset=\"utf-8\"><title>多地出台措施稳定房地产市场_新闻中心</title></head>"
      "<body><div class=\"main-left\"><h1>多地出台措施稳定房地产市场</h1><div class=\"info\"><span>"
      "2026-11-20 09:30</span> <span>来源：新华社</span> <span>作者：李明</span></div><div "
      "class=\"cont\"><p>"
      "近期，多个城市相继出台措施，优化调整房地产政策，促进房地产市场平稳健康发展。"
      "</"
      "p><p>据不完全统计，今年以来已有超过50个城市放宽了购房限制，部分城市还推出了购房补贴等措施。"
      "</p></div></div><div class=\"footer\"><p>Copyright © 2026 某某网 版权所有 京ICP备00000000号"
      "</p></div></body></html>";
  const winnow::Article zh = winnow::clean(page);
  CHECK(reasons_of(zh, "2026-11-20 09:30 来源：新华社 作者：李明") == "byline-dateline");
  CHECK(zh.paragraphs.size() == 2);
  CHECK(zh.metadata.byline == "李明");
  CHECK(zh.metadata.site == "某某网");

  const winnow::Article de = winnow::clean(
      "<html><body><article><p class=\"kicker\">Verkehr</p><h1>Stadtrat beschließt autofreie "
      "Innenstadt</h1><p>Der Stadtrat hat am Donnerstagabend mit großer Mehrheit beschlossen, "
      "die Innenstadt ab 2028 weitgehend für den Autoverkehr zu sperren.</p><p>Ausgenommen sind "
      "Lieferverkehr, Taxis sowie Anwohner mit Parkausweis, teilte die Stadt mit.</p></article>"
      "<footer><p>© Stadtanzeiger 2026</p></footer></body></html>");
  CHECK(reasons_of(de, "Verkehr") == "navigation");
  CHECK(de.metadata.site == "Stadtanzeiger");
}
