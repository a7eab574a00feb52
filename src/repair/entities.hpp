// Internal to the repair stage (and the HTML tokenizer): the WHATWG character reference
// tables and their look-up. The tables are generated; see scripts/gen_tables.py.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace winnow::detail {

// Every named reference, sorted by name: at each offset its name (without the '&', with
// the ';' where the form has one), a NUL, what it stands for in UTF-8, a NUL.
extern const char kNamedReferenceData[];
extern const std::uint16_t kNamedReferenceOffsets[];
extern const std::size_t kNamedReferenceCount;
extern const char32_t kC1NumericRemap[32];

// The value of the named reference spelled exactly `name` (e.g. "amp;"), if any.
std::optional<std::string_view> find_named_reference(std::string_view name);

// The code point a numeric reference with value `value` stands for, after the WHATWG
// rules: 0, surrogates and values above U+10FFFF become U+FFFD; 0x80-0x9F are remapped
// through Windows-1252. `value` saturates, so any digit string can be passed.
char32_t numeric_reference_code_point(std::uint64_t value);

// Decodes the character reference at the start of `text` (which begins with '&') in the
// strict form plain text needs: a name or number terminated by ';'. On success returns the
// length consumed and appends the decoded text to `out`; returns 0 when `text` does not
// begin with a complete reference, so "AT&T" and "R&D;" stay as they are.
std::size_t decode_reference_strict(std::string_view text, std::string& out);

}  // namespace winnow::detail
