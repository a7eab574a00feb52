// Winnow: clean articles and compare them, on the user's own machine.
//
// The pipeline runs one way through small stages, each with its own header:
//   decode/decode.hpp      bytes -> valid UTF-8
//   repair/repair.hpp      character references, white space, invisible characters
//   html/html.hpp          pages: HTML -> a tree, as browsers build it
//   segment/segment.hpp    text or tree -> blocks
//   classify/classify.hpp  blocks -> article or chrome, with a reason
//   assemble/assemble.hpp  blocks -> Article (title, metadata, paragraphs, removals, repairs)
//   fingerprint/fingerprint.hpp  text -> words, shingles, MinHash signatures
//   compare/compare.hpp    similarity, shared passages, near-duplicate Index
// clean() runs them all; include this header and call it unless you need one stage alone.
//
//   winnow::Article a = winnow::clean(bytes_of_a_pasted_article);
//   std::cout << a.title << "\n\n" << winnow::article_text(a);
#pragma once

#include <cstddef>
#include <string_view>

#include "assemble/assemble.hpp"
#include "classify/classify.hpp"
#include "compare/compare.hpp"
#include "decode/decode.hpp"
#include "fingerprint/fingerprint.hpp"
#include "repair/repair.hpp"
#include "report/report.hpp"
#include "segment/segment.hpp"

namespace winnow {

// The largest input the CLI and the JS API accept in one call; larger inputs get a clear
// error there. clean() itself has no limit, but needs about six times the input in memory.
inline constexpr std::size_t kMaxInputBytes = std::size_t{128} << 20;

// Whether the input is a page (HTML), Markdown or text; kAuto asks looks_like_html(), then
// looks_like_markdown().
enum class InputFormat { kAuto, kText, kHtml, kMarkdown };

struct CleanOptions {
  bool detect_title = true;  // false when the text is known to start with body text
  CleanBias bias = CleanBias::kBalanced;
  InputFormat format = InputFormat::kAuto;
};

// Whether decoded text is an HTML page or fragment rather than text: it starts with a tag
// (after white space) and closes an element that only markup closes ("</p>", "</div>",
// "</html>"...). Text that merely mentions "<b>" is text.
bool looks_like_html(std::string_view text);

// Cleans one article given as bytes in any supported encoding (see decode()). Never fails:
// undecodable bytes are replaced and reported, like every other change.
Article clean(std::string_view bytes, const CleanOptions& options = {});

// Cleans several articles as one batch: besides each article's own signals, blocks that
// recur across the batch (an outlet's appeal in every article) are chrome. Articles that
// are copies of each other do not count against each other.
//
//   std::vector<winnow::Article> articles = winnow::clean_batch({page1, page2, page3});
std::vector<Article> clean_batch(const std::vector<std::string_view>& documents,
                                 const CleanOptions& options = {});

// As clean_batch(), but returns only the article of documents[which]: the others serve as
// context (what `winnow clean --batch-dir` does).
Article clean_in_batch(const std::vector<std::string_view>& documents, std::size_t which,
                       const CleanOptions& options = {});

// The text that compare() and Index see for a document: the cleaned article's title and
// body (clean() alone, no batch: a document's fingerprint must not depend on its
// neighbours), or with `raw` the bytes only decoded to UTF-8.
std::string comparable_text(std::string_view bytes, bool raw = false);

// Decodes and repairs text without cutting it into an article: what `winnow repair` and
// the JS repair() do. White space is left as it is unless the options ask.
Repaired repair_bytes(std::string_view bytes, const RepairOptions& options = {});

// {"text","repairs":[{"from","to","reason","count"}]}: the wire form of repair_bytes().
std::string repaired_json(const Repaired& repaired);

}  // namespace winnow
