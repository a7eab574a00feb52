#include <catch2/catch.hpp>

#include "segment/segment.hpp"

using winnow::segment_text;

TEST_CASE("segment makes every line a block and remembers blank lines", "[segment]") {
  const auto blocks = segment_text("Title\n\nFirst paragraph.\nSecond paragraph.\n\n\n\nLast.");
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0].text == "Title");
  CHECK(blocks[0].after_blank);
  CHECK(blocks[1].text == "First paragraph.");
  CHECK(blocks[1].line == 2);
  CHECK(blocks[1].after_blank);
  CHECK(blocks[2].text == "Second paragraph.");
  CHECK_FALSE(blocks[2].after_blank);
  CHECK(blocks[3].text == "Last.");
  CHECK(blocks[3].line == 7);
  CHECK(blocks[3].after_blank);
}

TEST_CASE("segment returns nothing for empty or blank text", "[segment]") {
  CHECK(segment_text("").empty());
  CHECK(segment_text("\n\n\n").empty());
}

TEST_CASE("segment joins hard-wrapped paragraphs back together", "[segment]") {
  const std::string wrapped =
      "The council voted on Tuesday to extend the tram line to the\n"
      "northern suburbs, a project that has been debated for more than\n"
      "a decade and that opponents say will cost twice the estimate.\n"
      "\n"
      "Construction is expected to start next spring and to last about\n"
      "three years, during which several streets will be closed to cars\n"
      "and buses will be re-routed through the old town.\n";
  const auto blocks = segment_text(wrapped);
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].text ==
        "The council voted on Tuesday to extend the tram line to the northern suburbs, a project "
        "that "
        "has been debated for more than a decade and that opponents say will cost twice the "
        "estimate.");
  CHECK(blocks[1].text.starts_with(
      "Construction is expected to start next spring and to last about three years,"));
  CHECK(blocks[1].text.find("re-routed") != std::string::npos);
}

TEST_CASE("segment keeps one paragraph per line when lines are not wrapped", "[segment]") {
  const std::string pasted =
      "Officials said the bridge would reopen on Friday after repairs to its deck were completed "
      "ahead of schedule.\n"
      "Traffic had been diverted for six weeks.\n"
      "The mayor thanked residents for their patience during what she called a difficult period "
      "for the whole city.\n"
      "Share this article\n";
  CHECK(segment_text(pasted).size() == 4);
}

TEST_CASE("segment joins a word hyphenated across a wrap", "[segment]") {
  const auto blocks = segment_text(
      "Researchers measured the concentration of pollutants in inter-\n"
      "national waters over three years and found that levels of\n"
      "microplastics had doubled since the last survey, which was\n"
      "carried out by the same team in the spring of 2019.\n");
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].text.find("in inter-national waters over") != std::string::npos);
  CHECK(blocks[0].text.find("levels of microplastics") != std::string::npos);
}

TEST_CASE("segment joins wrapped lines of a wide script without a space", "[segment]") {
  std::string line;
  for (int i = 0; i < 40; ++i) line += "\xE4\xB8\xAD";  // U+4E2D
  const auto blocks = segment_text(line + "\n" + line + "\n" + line + "\n" + line + "\n");
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].text == line + line + line + line);
}

TEST_CASE("split_sentences cuts at sentence ends, not at abbreviations", "[segment]") {
  using winnow::split_sentences;
  const auto s = split_sentences(
      "Mr. Smith met U.S. officials on Oct. 7 in Washington. \"We agreed,\" he said. Talks "
      "resume today! Will they succeed? \xE2\x80\x9CMaybe.\xE2\x80\x9D Then it ended.");
  REQUIRE(s.size() == 6);
  CHECK(s[0] == "Mr. Smith met U.S. officials on Oct. 7 in Washington.");
  CHECK(s[1] == "\"We agreed,\" he said.");
  CHECK(s[2] == "Talks resume today!");
  CHECK(s[3] == "Will they succeed?");
  CHECK(s[4] == "\xE2\x80\x9CMaybe.\xE2\x80\x9D");
  CHECK(s[5] == "Then it ended.");
  // Chinese and Japanese full stops, with no space after them, and a closing quote.
  const auto zh = split_sentences(
      "\xE4\xBC\x9A\xE8\xAE\xAE\xE6\x8C\x87\xE5\x87\xBA\xE3\x80\x82"  // 会议指出。
      "\xE2\x80\x9C\xE6\x88\x91\xE4\xBB\xAC\xE3\x80\x82\xE2\x80\x9D"  // “我们。”
      "\xE4\xB8\x80\xE4\xBD\x8D\xE5\xAE\x98\xE5\x91\x98\xE8\xAF\xB4\xE3\x80\x82");  // 一位官员说。
  REQUIRE(zh.size() == 3);
  CHECK(zh[1] == "\xE2\x80\x9C\xE6\x88\x91\xE4\xBB\xAC\xE3\x80\x82\xE2\x80\x9D");
  // The Devanagari danda, before a space.
  CHECK(split_sentences("बैंक ने दर स्थिर रखा। महंगाई चिंता का विषय है।") ==
        std::vector<std::string>{"बैंक ने दर स्थिर रखा।", "महंगाई चिंता का विषय है।"});
  // Nothing to cut: one piece, as it was.
  CHECK(split_sentences("no sentence end here") ==
        std::vector<std::string>{"no sentence end here"});
}

TEST_CASE("segment splits a whole article flattened onto one line into its sentences",
          "[segment]") {
  std::string line;
  for (int k = 0; k < 8; ++k)
    line += "The council met again on Tuesday and discussed the budget for the coming year. ";
  line += "Sign up for our newsletter.";
  const auto blocks = segment_text(line);
  REQUIRE(blocks.size() == 9);
  CHECK(blocks[0].sentence);
  CHECK(blocks[8].text == "Sign up for our newsletter.");
  // An ordinary paragraph, even of several sentences, stays one block.
  const auto short_blocks = segment_text("One. Two sentences here. Three more words. Four. Five.");
  REQUIRE(short_blocks.size() == 1);
  CHECK_FALSE(short_blocks[0].sentence);
}

TEST_CASE("looks_like_markdown tells Markdown from prose that uses its characters", "[segment]") {
  CHECK(winnow::looks_like_markdown("# Storm hits coast\n\nRead [the warning](https://x.org/w)."));
  CHECK(winnow::looks_like_markdown("* [Home](/)\n* [World](/world)\n* [Sport](/sport)\n"));
  CHECK_FALSE(winnow::looks_like_markdown("Prices rose 5% [1] and #metoo trended (again).\n"));
  CHECK_FALSE(winnow::looks_like_markdown("# 1 in the charts\nA song [live](at the Roxy).\n"));
}

TEST_CASE("segment_markdown keeps the text and drops the syntax, line for line", "[segment]") {
  const auto blocks = winnow::segment_markdown(
      "Title: Storm hits coast | News\n"
      "* [Home](https://x.org/) \n"
      "## Storm hits coast ##\n"
      "\n"
      "[![Flooded street](https://x.org/a.jpg)](https://x.org/photo) ![](b.jpg)\n"
      "> The **sea wall** held, said [Ann Lee](https://x.org/ann \"Ann (engineer)\").\n"
      "\n"
      "Use `snake_case` and *italics*; 5 * 3 is 15, and \\*stars\\* stay. <https://x.org>\n"
      "---\n"
      "```\n"
      "**not** emphasis? it is kept as written\n"
      "```\n");
  std::vector<std::string> texts;
  for (const auto& b : blocks) texts.push_back(b.text);
  CHECK(texts == std::vector<std::string>{
                     "Storm hits coast | News", "Home", "Storm hits coast", "Flooded street",
                     "The sea wall held, said Ann Lee.",
                     "Use snake_case and italics; 5 * 3 is 15, and *stars* stay. https://x.org",
                     "**not** emphasis? it is kept as written"});
  REQUIRE(blocks.size() == 7);
  CHECK(blocks[3].picture);
  CHECK(blocks[3].line == 4);  // the input's line numbers
  CHECK_FALSE(blocks[4].picture);
}
