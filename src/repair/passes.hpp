// Internal to the repair stage: the passes repair() runs, in order. Each reads valid UTF-8
// and writes valid UTF-8, logging what it changed.
#pragma once

#include <string>
#include <string_view>

#include "repair/repair.hpp"
#include "report/report.hpp"

namespace winnow::detail {

// Rewrites `text` in place, line by line: `rewrite(line, out)` appends the new line to
// `out` and returns true, or returns false to keep the line as it is. Text nobody rewrites
// is not copied at all: a new text is built only from the first rewritten line on, and
// replaces `text` at the end. Returns whether anything changed.
template <typename Rewrite>
bool rewrite_lines(std::string& text_in_out, Rewrite rewrite) {
  const std::string_view text = text_in_out;
  std::string out;
  bool copying = false;
  std::string rewritten;
  for (std::size_t start = 0;;) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    rewritten.clear();
    const bool changed = rewrite(line, rewritten);
    if (changed && !copying) {
      out.reserve(text.size());
      out.append(text.substr(0, start));
      copying = true;
    }
    if (copying) {
      out.append(changed ? std::string_view(rewritten) : line);
      if (end != text.size()) out.push_back('\n');
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  if (copying) text_in_out = std::move(out);
  return copying;
}

// Decodes complete HTML character references. Runs first, because a reference can stand
// for white space or a control character ("&nbsp;", "&#9;") that the next pass handles.
std::string decode_character_references(std::string_view text, RepairLog& log);

// Reverses mojibake, in place: UTF-8 read through a legacy code page, once or several
// times (mojibake.cpp explains how it decides).
void fix_mojibake(std::string& text, RepairLog& log);

// C1 controls, control and format characters, ligatures, fullwidth forms, dangling bidi
// controls, quotes (when asked), and NFC, in place.
void fix_characters(std::string& text, const RepairOptions& options, RepairLog& log);

// Normalises line endings, spaces, invisible and control characters.
std::string normalise_whitespace(std::string_view text, RepairLog& log);

}  // namespace winnow::detail
