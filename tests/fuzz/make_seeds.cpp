// Writes the seed corpora that scripts/fuzz starts from: short articles in several scripts
// (invented here) for the text targets, and saved indexes (without their checksum, which
// fuzz_index_load appends) for the index target. Usage: fuzz_make_seeds DIR
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "winnow/winnow.hpp"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const std::filesystem::path dir = argv[1];
  const std::vector<std::string> texts = {
      "Harbour Bridge Reopens\n\nThe bridge reopened on Monday after repairs.\n\nShare this "
      "article\nSubscribe to our newsletter",
      "Stadtbibliothek öffnet\n\nDie Bibliothek hat am Montag wieder geöffnet.\n\nFoto: dpa",
      "Lluvias en la costa\n\nLas lluvias llegaron el martes. &quot;Es grave&quot;, dijo.\n\nLea "
      "también",
      "Ð¡Ñ‚Ð°Ñ‚ÑŒÑ â€œquotedâ€ cafÃ© ğŸ’¬\r\n\r\n東京都の図書館が再開した。\n\n\xFF\xFE broken "
      "\xC3",
      "* [Home](/)\n# Bridge *reopens*\n\n[![Photo](a.jpg)](b) ![](c.png)\n> The **bridge** "
      "reopened [on `Monday`](https://x.org/a_(b) \"t\"). \\*no\\* __em__\n---\n```\n**x**\n```",
      "Title\x1E"
      "Second document with the same words as the third\x1E"
      "Second document with the same words as the third",
  };
  // Pages for the HTML target: the constructs the tree builder treats specially.
  const std::vector<std::string> pages = {
      "<!DOCTYPE html><html><head><title>T | Site</title><meta charset=windows-1252>"
      "<script "
      "type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"H\"}</script></head>"
      "<body><nav><a href=/>Home</a></nav><article><h1>H</h1><p>One, two.</p><figure><figcaption>C"
      "</figcaption></figure><p>Three &amp; four&copy five</p></article><footer>&copy; "
      "2024</footer>",
      "<table><tr><td>a<b>b<table><caption>c</table>d</b></td></tr>x</table><select><option>o<hr></"
      "select>",
      "<b>1<p>2<i>3</b>4</i>5</p><a "
      "href=x>6<div>7</a>8</div><nobr><nobr>9<template><tr><td>t</template>",
      "<svg><g><foreignObject><p>f</p></foreignObject><![CDATA[x]]></g></svg><math><mi>m</mi>"
      "<annotation-xml encoding=text/html><div>d</div></annotation-xml></math>",
      "<frameset><frame></frameset><noscript><p>n</p></noscript><plaintext><p>",
      "<!-- unclosed <script>var a = "
      "'<!--<script>';</script><textarea>\r\n&lt;t</textarea><title>&",
  };
  for (const char* target :
       {"fuzz_repair", "fuzz_clean", "fuzz_compare", "fuzz_index_load", "fuzz_html"}) {
    std::filesystem::create_directories(dir / target);
  }
  for (std::size_t i = 0; i < pages.size(); ++i) {
    std::ofstream(dir / "fuzz_html" / ("seed" + std::to_string(i)), std::ios::binary) << pages[i];
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    for (const char* target : {"fuzz_repair", "fuzz_clean", "fuzz_compare"}) {
      std::ofstream(dir / target / ("seed" + std::to_string(i)), std::ios::binary) << texts[i];
    }
    winnow::Index index(
        {.threshold = 0.3 + 0.1 * double(i), .shingle_words = 1 + static_cast<std::uint32_t>(i)});
    for (std::size_t j = 0; j <= i; ++j) index.add(texts[j]);
    if (i % 2) index.remove(0);
    const std::string saved = index.save();
    std::ofstream(dir / "fuzz_index_load" / ("seed" + std::to_string(i)), std::ios::binary)
        << saved.substr(0, saved.size() - 8);
  }
  return 0;
}
