// Stage 3 of the pipeline: text into blocks, the units later stages keep or drop.
//
// Pages (HTML) become blocks with their place in the tree: segment_page() on the tree of
// html::parse(). Plain text becomes blocks by its lines: segment_text(); Markdown, by its
// lines without the syntax: segment_markdown().
//
// Use segment_text() on the output of repair(). A block is a paragraph: text copied from a
// web page puts one paragraph on each line, so every line is a block, and blank lines only
// mark larger breaks. Hard-wrapped text (e-mail, plain-text archives: lines broken near a
// fixed width inside paragraphs) is recognised and its lines are joined back. Text that
// lost its breaks when a page was flattened ("Skip linksSkip to ContentNews...", "...into
// account.Keep reading", "Published On 11 Oct 202311 Oct 2023Russian President...") is
// split back into its pieces, so that the article sentences glued to chrome survive while
// the chrome goes.
//
//   auto blocks = winnow::segment_text("Title\n\nFirst paragraph.\nSecond paragraph.");
//   // blocks[0].text == "Title", blocks[2].text == "Second paragraph."
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/html.hpp"

namespace winnow {

struct Block {
  std::string text;          // one paragraph on one line, never empty
  std::size_t line = 0;      // 0-based line of the input where the block starts
  bool after_blank = false;  // a blank line, or the start of the text, comes before it
  bool glued = false;        // split out of a line that had run pieces of a page together
  // A sentence of a line that held a whole flattened article (see split_sentences()):
  // assemble joins it back to the kept sentences of its line next to it.
  bool sentence = false;
  // The descriptions of a line of Markdown that held only pictures ("![Flooded street](a.jpg)"):
  // what the page showed, not what it said.
  bool picture = false;
};

// Splits one line at the places where a flattened page ran pieces together. Lines of
// ordinary prose come back whole (camel-case names like "iPhone" or "McDonald" included).
std::vector<std::string> split_glued(std::string_view line);

// Splits a line at its sentence ends (". ", "! ", "? ", a closing quote after them, then a
// capital or an opening quote; not after "Mr." or "U.S."; "。", "！", "？" with no space; the danda
// "।" before one). segment_text() splits only a line long enough to be a whole article flattened
// onto one line, which carries its chrome in sentences too ("...a spokesperson said. Sign up for
// our newsletter. Share this article."), so that they can go while the article's sentences are
// joined back.
std::vector<std::string> split_sentences(std::string_view line);

// Precondition: `text` is repaired (see repair/repair.hpp): "\n" line breaks, no spaces at
// either end of a line.
std::vector<Block> segment_text(std::string_view text);

// Whether text is Markdown, as reader tools and converters write pages ("* [Home](https://...)",
// "# Headline"): three links or more, or a heading and a link. Prose that mentions "#" or
// "[1]" is not.
bool looks_like_markdown(std::string_view text);

// As segment_text(), for Markdown: links become their text, emphasis and code marks, list
// bullets, quote markers, heading marks and rules go, and a line of pictures only becomes
// a block of their descriptions marked `picture`. Line numbers are the input's.
//
//   auto blocks = winnow::segment_markdown("# Storm hits coast\n\n* [Home](/)\n");
//   // blocks[0].text == "Storm hits coast", blocks[1].text == "Home"
std::vector<Block> segment_markdown(std::string_view text);

// --- Pages ---

// What a block of a page is, from the element that holds it.
enum class BlockKind : std::uint8_t {
  kParagraph,     // <p>, or text directly in a <div>, <section>, <td>...
  kHeading,       // <h1>-<h6>
  kListItem,      // <li>, <dt>, <dd>
  kQuote,         // inside <blockquote>
  kPreformatted,  // one line of a <pre>
  kTableCell,     // <td>, <th>
  kCaption,       // <figcaption>, <caption>, or text inside <figure>
};

// One block of a page: the text of an element up to the next block boundary (a block
// element or <br>), white space collapsed as a browser renders it.
struct PageBlock {
  std::string text;                      // not yet repaired (character references decoded)
  html::NodeId element = html::kNoNode;  // the nearest block element holding the text
  BlockKind kind = BlockKind::kParagraph;
  std::uint8_t heading_level = 0;  // 1-6 for kHeading
  std::uint32_t link_bytes = 0;    // bytes of text inside <a href>
  bool hidden = false;             // inside hidden="", aria-hidden="true" or display:none
};

// What the page's markup says about the article: <title>, <meta> (Open Graph, Twitter,
// Dublin Core, article:*), and the schema.org Article objects of its JSON-LD.
struct PageMetadata {
  std::string document_title;  // <title>, as written
  std::string headline;        // og:title, twitter:title or JSON-LD headline
  std::string site;            // og:site_name, application-name or JSON-LD publisher
  std::string date;            // article:published_time, JSON-LD datePublished...
  std::string byline;          // author meta or JSON-LD author names, ", "-separated
  std::string article_body;    // JSON-LD articleBody, a candidate the extractor can use
};

struct Page {
  html::Document document;
  std::vector<PageBlock> blocks;  // in document order
  PageMetadata metadata;
};

// Blocks and metadata of a parsed page. Scripts, styles, templates, forms' controls, SVG
// and MathML hold no blocks; hidden elements' blocks are marked so.
//
//   winnow::Page page = winnow::segment_page(winnow::html::parse(utf8));
Page segment_page(html::Document document);

}  // namespace winnow
