// Stage 3 of the pipeline: repaired text into blocks, the units later stages keep or drop.
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
#include <string>
#include <string_view>
#include <vector>

namespace winnow {

struct Block {
  std::string text;          // one paragraph on one line, never empty
  std::size_t line = 0;      // 0-based line of the input where the block starts
  bool after_blank = false;  // a blank line, or the start of the text, comes before it
  bool glued = false;        // split out of a line that had run pieces of a page together
};

// Splits one line at the places where a flattened page ran pieces together. Lines of
// ordinary prose come back whole (camel-case names like "iPhone" or "McDonald" included).
std::vector<std::string> split_glued(std::string_view line);

// Precondition: `text` is repaired (see repair/repair.hpp): "\n" line breaks, no spaces at
// either end of a line.
std::vector<Block> segment_text(std::string_view text);

}  // namespace winnow
