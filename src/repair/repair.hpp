// Stage 2 of the pipeline: make valid but damaged text right, reporting every change.
//
// Use repair() on decoded text (see decode/decode.hpp) when you want the text fixed but
// not cut into an article; clean() runs it for you. It changes only what is damaged or
// invisible, never correct visible text:
// - HTML character references ("&amp;", "&#8217;", "&#x1F600;") are decoded. Only complete
//   references ending in ';' are, so "AT&T", "R&D" and "&copy 2024" stay as written.
// - White space is normalised: CR LF, CR and U+2028 become "\n" (U+2029 a blank line); tabs,
//   no-break and other Unicode spaces become " "; runs of spaces become one; spaces at the
//   start and end of a line go. Line breaks themselves are kept for the segment stage.
// - Invisible characters (zero-width space, word joiner, soft hyphen, BOM inside the text)
//   and C0 control characters other than tab and newline are removed. The joiners U+200C
//   and U+200D are kept: emoji sequences and Indic and Persian spelling need them.
//
//   winnow::Repaired r = winnow::repair("Caf\u00e9&nbsp; &amp; bar");
//   // r.text == "Café & bar"
#pragma once

#include <string>
#include <string_view>

#include "report/report.hpp"

namespace winnow {

struct Repaired {
  std::string text;
  RepairLog repairs;
};

// Precondition: `text` is valid UTF-8 (as decode() returns). Other bytes are copied
// through untouched rather than read past, so a broken caller gets garbage, not a crash.
Repaired repair(std::string_view text);

}  // namespace winnow
