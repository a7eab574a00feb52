// Stage 2 of the pipeline: make valid but damaged text right, reporting every change.
//
// Use repair() on decoded text (see decode/decode.hpp) when you want the text fixed but
// not cut into an article; clean() runs it for you, with white space normalised too. It
// changes only what is damaged, never correct text:
// - HTML character references ("&amp;", "&#8217;", "&#x1F600;"), also when escaped twice
//   ("&amp;rsquo;") or written in capitals ("&EACUTE;"). Only complete references ending
//   in ';' are decoded, so "AT&T", "R&D" and "&copy 2024" stay as written.
// - Mojibake: UTF-8 that was read as Windows-1252, -1250, -1251, -1253, -1254, -1257,
//   Latin-1, ISO-8859-2, MacRoman or code page 437, once or several times, even mixed with
//   correct text on one line or with bytes lost on the way ("â€œ" -> "“", "Ã©" -> "é").
// - Characters: C1 controls that stood for Windows-1252 punctuation, control characters,
//   stray BOMs and other format characters, dangling bidi controls, terminal escapes,
//   Latin ligatures ("ﬁ" -> "fi"), fullwidth Latin outside CJK text, NFC composition.
// - With `normalise_whitespace`: line endings, tabs and Unicode spaces, runs of spaces,
//   spaces at line ends, zero-width spaces and soft hyphens (the joiners U+200C and U+200D
//   are kept: emoji sequences and Indic and Persian spelling need them).
// Typographic quotes are kept unless `straighten_quotes` asks otherwise.
//
//   winnow::Repaired r = winnow::repair("The caf\u00c3\u00a9 &amp; bar \u00e2\u20ac\u201c open");
//   // r.text == "The café & bar – open"; r.repairs says what changed and why
#pragma once

#include <string>
#include <string_view>

#include "report/report.hpp"

namespace winnow {

struct RepairOptions {
  bool normalise_whitespace =
      false;                       // layout too: what clean() needs, not what `winnow repair` does
  bool straighten_quotes = false;  // ‘’‚‛ -> ' and “”„‟ -> "
};

struct Repaired {
  std::string text;
  RepairLog repairs;
};

// Precondition: `text` is valid UTF-8 (as decode() returns). Other bytes are copied
// through untouched rather than read past, so a broken caller gets garbage, not a crash.
Repaired repair(std::string_view text, const RepairOptions& options = {});
// The same, taking over `text`'s buffer: no copy at all when nothing needs repair. Use it
// when the text is yours to give, as decode()'s result usually is.
Repaired repair_owned(std::string text, const RepairOptions& options = {});

}  // namespace winnow
