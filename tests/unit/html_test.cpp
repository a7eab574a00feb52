// The HTML parser: trees for the cases extraction depends on, the deliberate limits, and
// linear work on hostile input. Conformance as a whole is tests/conformance (html5lib).
#include <catch2/catch.hpp>

#include <string>

#include "html/html.hpp"
#include "support/random.hpp"

using winnow::html::debug_tree;
using winnow::html::parse;

namespace {

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::uint64_t steps_for(const std::string& html) {
  (void)parse(html);
  return winnow::html::last_parse_steps();
}

// Work must grow linearly: doubling the input may double the steps, not quadruple them.
void check_linear(const std::string& half, const std::string& whole) {
  const std::uint64_t a = steps_for(half), b = steps_for(whole);
  INFO("steps " << a << " then " << b);
  CHECK(b <= a * 5 / 2);
}

std::size_t depth_of_deepest(const winnow::html::Document& d) {
  std::size_t deepest = 0;
  for (winnow::html::NodeId id = 0; id < d.size(); ++id) {
    std::size_t depth = 0;
    for (auto a = d.node(id).parent; a != winnow::html::kNoNode; a = d.node(a).parent) ++depth;
    deepest = std::max(deepest, depth);
  }
  return deepest;
}

}  // namespace

TEST_CASE("parse builds the tree browsers build", "[html]") {
  CHECK(
      debug_tree(parse("<p>One<p>Two")) ==
      "| <html>\n|   <head>\n|   <body>\n|     <p>\n|       \"One\"\n|     <p>\n|       \"Two\"\n");
  // Misnested formatting: the adoption agency algorithm.
  CHECK(debug_tree(parse("<b>1<p>2</b>3</p>")) ==
        "| <html>\n|   <head>\n|   <body>\n|     <b>\n|       \"1\"\n|     <p>\n|       <b>\n|     "
        "    \"2\"\n"
        "|       \"3\"\n");
  // Text in a table is foster-parented before it.
  CHECK(debug_tree(parse("<table>x<tr><td>y</table>")) ==
        "| <html>\n|   <head>\n|   <body>\n|     \"x\"\n|     <table>\n|       <tbody>\n|         "
        "<tr>\n"
        "|           <td>\n|             \"y\"\n");
  // Character references, in text and attributes, with the legacy rules.
  CHECK(debug_tree(parse("<a href='?a=1&copy=2'>&copy &amp; &#x41;</a>")) ==
        "| <html>\n|   <head>\n|   <body>\n|     <a>\n|       href=\"?a=1&copy=2\"\n|       "
        "\"\xC2\xA9 & A\"\n");
}

TEST_CASE("parse keeps script, style and comments out of the text", "[html]") {
  auto d = parse("<script>if (a < b) document.write('<p>x</p>')</script><!-- c --><p>Text");
  const std::string tree = debug_tree(d);
  CHECK(tree.find("\"if (a < b) document.write('<p>x</p>')\"") != std::string::npos);
  CHECK(tree.find("<!--  c  -->") != std::string::npos);
}

TEST_CASE("elements nest at most max_depth deep; deeper start tags are dropped, text kept",
          "[html][hostile]") {
  const std::string html = repeat("<div>", 100000) + "deep text" + repeat("</div>", 100000);
  auto d = parse(html);
  CHECK(depth_of_deepest(d) <= 512 + 2);
  CHECK(debug_tree(d).find("\"deep text\"") != std::string::npos);
  auto small = parse(repeat("<span>", 20) + "x",
                     {.scripting = false, .fragment_context = {}, .max_depth = 8});
  CHECK(depth_of_deepest(small) <= 8 + 2);
}

TEST_CASE("parse does linear work on hostile input", "[html][hostile]") {
  for (std::string_view unit :
       {"<div>", "<b>", "<a>", "<table><tr><td>", "<b><i><u><s>", "<p><li>", "<svg><g>",
        "<select><option>", "<table><caption><b>", "<b x=1><b x=2><b x=3><b x=4>", "</b></p>",
        "<frameset>", "<template><tr>"}) {
    INFO(unit);
    check_linear(repeat(unit, 20000) + "text", repeat(unit, 40000) + "text");
  }
  // Unclosed constructs run to the end of the input.
  for (std::string_view open :
       {"<!--", "<script>", "<a href='", "<style>", "<textarea>", "<!DOCTYPE x PUBLIC '", "<title>",
        "<plaintext>", "<svg><![CDATA["}) {
    INFO(open);
    check_linear(std::string(open) + repeat("x<y &amp; ", 50000),
                 std::string(open) + repeat("x<y &amp; ", 100000));
  }
}

TEST_CASE("parse does linear work on random tag soup", "[html][hostile]") {
  winnow::testing::Random random(20261122);
  static constexpr std::string_view kPieces[] = {
      "<div>",      "</div>",    "<p>",        "</p>",        "<b>",
      "</b>",       "<i>",       "</i>",       "<a href=x>",  "</a>",
      "<table>",    "</table>",  "<tr>",       "<td>",        "<li>",
      "<ul>",       "</ul>",     "<svg>",      "</svg>",      "<math>",
      "<select>",   "<option>",  "<template>", "</template>", "<form>",
      "</form>",    "<h1>",      "</h2>",      "<br>",        "<img>",
      "text ",      "&amp;",     "&#x1F600;",  "<!--c-->",    "<script>s</script>",
      "<frameset>", "<caption>", "<col>",      "<nobr>",      "<button>",
      "</body>",    "</html>"};
  std::string soup;
  while (soup.size() < (1u << 20)) soup += kPieces[random.below(std::size(kPieces))];
  const std::string half = soup.substr(0, soup.size() / 2);
  check_linear(half, soup);
}

TEST_CASE("parse takes huge attributes, NUL bytes and every byte value", "[html][hostile]") {
  // A 1 MB attribute value, kept whole; its tag still closes.
  const std::string big(1 << 20, 'v');
  auto d = parse("<p title=\"" + big + "\">after</p>");
  CHECK(debug_tree(d).find("\"after\"") != std::string::npos);
  check_linear("<p title=\"" + big.substr(0, big.size() / 2) + "\">x",
               "<p title=\"" + big + "\">x");
  // NUL in text is dropped in the body, becomes U+FFFD in tag names, attributes and foreign text.
  auto nul = parse(std::string("<p>a\0b<x\0y z\0=1><svg>c\0</svg>", 29));
  const std::string tree = debug_tree(nul);
  CHECK(tree.find("\"ab\"") != std::string::npos);
  CHECK(tree.find("<x\xEF\xBF\xBDy>") != std::string::npos);
  CHECK(tree.find("z\xEF\xBF\xBD=\"1\"") != std::string::npos);
  CHECK(tree.find("\"c\xEF\xBF\xBD\"") != std::string::npos);
  // Every byte value, as markup: a tree comes back (decode() would have made it UTF-8;
  // the parser copes with anything).
  std::string bytes;
  for (int i = 0; i < 256 * 64; ++i) bytes.push_back(static_cast<char>(i % 256));
  CHECK(parse(bytes).size() >= 3);
}
