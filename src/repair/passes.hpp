// Internal to the repair stage: the passes repair() runs, in order. Each reads valid UTF-8
// and writes valid UTF-8, logging what it changed.
#pragma once

#include <string>
#include <string_view>

#include "repair/repair.hpp"
#include "report/report.hpp"

namespace winnow::detail {

// Rewrites `text` line by line, visiting only the lines that hold a byte at which
// `next_candidate(text, from)` says work may be needed (it returns that byte's position at or
// after `from`, or text.size() for none). `rewrite(line, out)` appends the new line to `out`
// and returns true, or returns false to keep the line. Nothing is copied until a line
// changes; unchanged stretches are then copied in bulk. Returns whether anything changed.
template <typename NextCandidate, typename Rewrite>
bool rewrite_lines(std::string& text_in_out, NextCandidate next_candidate, Rewrite rewrite) {
  const std::string_view text = text_in_out;
  std::string out;
  bool copying = false;
  std::size_t copied = 0;  // when copying, text[0, copied) is in `out`
  std::string rewritten;
  for (std::size_t line_start = 0; line_start < text.size();) {
    const std::size_t hit = next_candidate(text, line_start);
    if (hit >= text.size()) break;
    const std::size_t newline_before = text.substr(line_start, hit - line_start).rfind('\n');
    const std::size_t start =
        newline_before == std::string_view::npos ? line_start : line_start + newline_before + 1;
    std::size_t end = text.find('\n', hit);
    if (end == std::string_view::npos) end = text.size();
    rewritten.clear();
    if (rewrite(text.substr(start, end - start), rewritten)) {
      if (!copying) {
        out.reserve(text.size() + text.size() / 8);
        copying = true;
      }
      out.append(text, copied, start - copied);
      out.append(rewritten);
      copied = end;
    }
    line_start = end + 1;
  }
  if (copying) {
    out.append(text, copied);
    text_in_out = std::move(out);
  }
  return copying;
}

// The line passes repair() runs on each line that may need one, in this order. Each
// appends the new line to `out` and returns true, or returns false when nothing changes.

// Decodes complete HTML character references. Runs first, because a reference can stand
// for white space or a control character ("&nbsp;", "&#9;") that the next passes handle,
// or for mojibake ("10Î&frac14;s").
bool decode_character_references(std::string_view text, RepairLog& log, std::string& out);

// Reverses mojibake: UTF-8 read through a legacy code page, once or several times
// (mojibake.cpp explains how it decides). Lines that Windows-1252 reads whole take a fast
// path that decides as the general one does; kGeneralOnly is for tests that check so.
enum class MojibakePath { kAny, kGeneralOnly };
bool fix_mojibake(std::string_view line, RepairLog& log, std::string& out,
                  MojibakePath path = MojibakePath::kAny);

// C1 controls, control and format characters, ligatures, fullwidth forms, dangling bidi
// controls, quotes (when asked), and NFC.
bool fix_characters(std::string_view line, const RepairOptions& options, RepairLog& log,
                    std::string& out);

// Normalises line endings, spaces, invisible and control characters, over the whole text.
std::string normalise_whitespace(std::string_view text, RepairLog& log);

}  // namespace winnow::detail
