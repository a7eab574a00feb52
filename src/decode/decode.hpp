// Stage 1 of the pipeline: bytes in, valid UTF-8 out.
//
// Use decode() on anything read from a file, a socket or a JS Uint8Array before any other
// stage: every later stage may assume valid UTF-8. It never fails; bytes that cannot be
// decoded become U+FFFD and are reported, so the loss is visible.
//
//   winnow::Decoded d = winnow::decode(file_bytes);
//   // d.text is valid UTF-8; d.repairs lists each replaced byte sequence.
#pragma once

#include <string>
#include <string_view>

#include "report/report.hpp"

namespace winnow {

enum class SourceEncoding {
  kUtf8,                // UTF-8 without a byte order mark (also plain ASCII)
  kUtf8Bom,             // UTF-8 with a byte order mark, which is dropped
  kUtf16LE,             // UTF-16 little endian, with a byte order mark or detected from NUL bytes
  kUtf16BE,             // UTF-16 big endian, likewise
  kDeclaredSingleByte,  // a page's declared Windows-125x, ISO-8859-1/2/9, Mac or cp437
  kDetectedSingleByte,  // one of those, recognised in text that is not UTF-8
};

std::string_view encoding_name(SourceEncoding encoding);

struct Decoded {
  std::string text;  // valid UTF-8, without the byte order mark
  SourceEncoding encoding = SourceEncoding::kUtf8;
  RepairLog repairs;  // kInvalidUtf8 per distinct ill-formed sequence; kReplacementRun for
                      // runs of U+FFFD the input already held
};

// Detects the encoding (byte order mark, else the NUL pattern of BOM-less UTF-16 Latin
// text, else UTF-8) and decodes. Ill-formed sequences are replaced as the WHATWG Encoding
// standard and TextDecoder do: one U+FFFD per maximal subpart (Unicode 15, section 3.9),
// so results match what a browser shows for the same bytes. Except for text in a legacy
// single-byte encoding (an old file in Windows-1252 or 1251, say): when most of its
// non-ASCII bytes are not UTF-8 and one of the code pages reads its words as words, it is
// decoded in that page, each byte reported (kLegacyEncoding), instead of losing every
// accented letter to U+FFFD.
Decoded decode(std::string_view bytes);

// As decode(), for a page that declares its encoding (<meta charset>, see
// declared_charset()). The declaration is followed only when the bytes are not UTF-8 and
// it names a single-byte encoding Winnow has tables for: pages saved again as UTF-8 often
// keep their old declaration, and valid UTF-8 with non-ASCII text is almost never
// anything else. Other declared encodings (Shift_JIS, GBK, KOI8-R...) decode as UTF-8,
// with every undecodable byte reported.
Decoded decode(std::string_view bytes, std::string_view declared_charset);

// The charset label a page declares in its first 1024 bytes (<meta charset="..."> or
// <meta http-equiv="Content-Type" content="...; charset=...">), lower-cased, or "".
std::string declared_charset(std::string_view bytes);

// Spells bytes as "\xHH" escapes: how reports name bytes that are not text.
std::string escape_bytes(std::string_view bytes);

}  // namespace winnow
