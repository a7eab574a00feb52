// Stage 5 of the pipeline: blocks and reports into an Article, the result callers get.
//
// Use assemble() when you drive the stages yourself; clean() (winnow/winnow.hpp) does it
// for you. It picks the title among the top blocks, keeps the body paragraphs in order
// and carries every repair and removal along.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "classify/classify.hpp"
#include "report/report.hpp"
#include "segment/segment.hpp"

namespace winnow {

// What the page said about the article, taken out of the text: "" where not found.
struct Metadata {
  std::string site;    // "Al Jazeera": from the title's suffix or the copyright line
  std::string date;    // as written: "11 Oct 2023"
  std::string byline;  // "Martin Keller, Transport Correspondent"
};

struct Article {
  std::string title;  // "" when the text has no title line
  Metadata metadata;
  std::vector<std::string> paragraphs;  // the body, in order, title not included
  std::vector<Removal> removed;         // every block taken out, with its reason
  std::vector<Repair> repairs;          // every rewrite, merged by kind, with counts
};

// The body as one string: paragraphs separated by a blank line.
std::string article_text(const Article& article);

// What separates a headline from the site's name in a title line or a page's <title>.
inline constexpr std::string_view kTitleSeparators[] = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB "};

// The headline of a title line or a page's <title>, without the parts after it that name
// the site or the section: each last part after " | " of four words or fewer ("... war |
// Vladimir Putin News | Al Jazeera"), and a last part after any separator that is the known
// `site` ("Bridge Opens - The Daily Example"). The first part cut becomes `site` if that is
// empty. Longer parts and other dashes are the headline's own ("Opinion | Republicans Are
// Following Trump to Nowhere", "... With Hamas – Kremlin").
std::string cut_site_suffix(std::string_view title, std::string& site);

// Cuts the site's name off `title` ("Storm Ciarán: Thousands without power - BBC News")
// when `is_repeated` says the text holds the part before the last separator on its own (a
// line of a paste, a heading of a page); the name goes to `site` if that is empty. Without
// that evidence a dash may be the headline's own ("... With Hamas – Kremlin"): false.
bool cut_repeated_headline(std::string& title, std::string& site,
                           const std::function<bool(std::string_view)>& is_repeated);

// The article as one line of JSON, the wire form of the CLI and the JS API:
// {"title","text","paragraphs","removed":[{"text","reason","at"}],"repairs":[{"from","to","reason","count"}],
//  "metadata":{"site","date","byline"}}
// where "text" is article_text(). Keys come in that order, strings are escaped as
// JavaScript's JSON.stringify escapes them, so JSON.stringify(JSON.parse(s)) == s.
std::string article_json(const Article& article);

struct AssembleOptions {
  bool detect_title = true;  // false: every block is body text
  // What the page's markup said: a non-empty title is used as it is (no block is taken
  // for it), and the metadata's fields are kept where the blocks say nothing else.
  std::string title;
  Metadata metadata;
};

// `verdicts` (one per block, from classify()) say which blocks are chrome; an empty
// vector keeps every block.
Article assemble(std::vector<Block> blocks, const std::vector<Verdict>& verdicts, RepairLog repairs,
                 const AssembleOptions& options = {});

}  // namespace winnow
