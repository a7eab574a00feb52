// Winnow: clean articles and compare them, on the user's own machine.
//
// The pipeline runs one way through small stages, each with its own header:
//   decode/decode.hpp      bytes -> valid UTF-8
//   repair/repair.hpp      character references, white space, invisible characters
//   segment/segment.hpp    text -> blocks
//   assemble/assemble.hpp  blocks -> Article (title, paragraphs, removals, repairs)
// clean() runs them all; include this header and call it unless you need one stage alone.
//
//   winnow::Article a = winnow::clean(bytes_of_a_pasted_article);
//   std::cout << a.title << "\n\n" << winnow::article_text(a);
#pragma once

#include <cstddef>
#include <string_view>

#include "assemble/assemble.hpp"
#include "decode/decode.hpp"
#include "repair/repair.hpp"
#include "report/report.hpp"
#include "segment/segment.hpp"

namespace winnow {

// The largest input the CLI and the JS API accept in one call; larger inputs get a clear
// error there. clean() itself has no limit, but needs about six times the input in memory.
inline constexpr std::size_t kMaxInputBytes = std::size_t{128} << 20;

struct CleanOptions {
  bool detect_title = true;  // false when the text is known to start with body text
};

// Cleans one article given as bytes in any supported encoding (see decode()). Never fails:
// undecodable bytes are replaced and reported, like every other change.
Article clean(std::string_view bytes, const CleanOptions& options = {});

// Decodes and repairs text without cutting it into an article: what `winnow repair` and
// the JS repair() do. White space is left as it is unless the options ask.
Repaired repair_bytes(std::string_view bytes, const RepairOptions& options = {});

// {"text","repairs":[{"from","to","reason","count"}]}: the wire form of repair_bytes().
std::string repaired_json(const Repaired& repaired);

}  // namespace winnow
