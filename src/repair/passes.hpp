// Internal to the repair stage: the passes repair() runs, in order. Each reads valid UTF-8
// and writes valid UTF-8, logging what it changed.
#pragma once

#include <string>
#include <string_view>

#include "repair/repair.hpp"
#include "report/report.hpp"

namespace winnow::detail {

// Decodes complete HTML character references. Runs first, because a reference can stand
// for white space or a control character ("&nbsp;", "&#9;") that the next pass handles.
std::string decode_character_references(std::string_view text, RepairLog& log);

// Reverses mojibake: UTF-8 read through a legacy code page, once or several times
// (mojibake.cpp explains how it decides).
std::string fix_mojibake(std::string_view text, RepairLog& log);

// C1 controls, control and format characters, ligatures, fullwidth forms, dangling bidi
// controls, quotes (when asked), and NFC.
std::string fix_characters(std::string_view text, const RepairOptions& options, RepairLog& log);

// Normalises line endings, spaces, invisible and control characters.
std::string normalise_whitespace(std::string_view text, RepairLog& log);

}  // namespace winnow::detail
