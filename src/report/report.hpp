// The vocabulary every stage uses to say what it changed: repairs (text rewritten in place)
// and removals (text taken out of the article), each with a reason code and the original
// text, so a caller can show, audit or undo any change. Nothing is ever dropped silently.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace winnow {

// Why a span of text was rewritten. The string form (repair_reason_name) is the stable
// reason code used in JSON output; never renumber or rename an existing code.
enum class RepairReason {
  kInvalidUtf8,         // bytes that are not UTF-8 (or broken UTF-16), replaced by U+FFFD
  kCharacterReference,  // an HTML character reference such as "&amp;" decoded
  kMojibake,            // UTF-8 once read in a legacy code page ("Ã©"), read again ("é")
  kLostBytes,           // mojibake whose lost or replaced byte was restored, or marked U+FFFD
  kC1Control,           // a C1 control that stood for a Windows-1252 (or MacRoman) character
  kLigature,            // a ligature or digraph spelled out ("ﬁ" -> "fi")
  kFullwidth,           // a fullwidth Latin letter, digit or sign outside CJK text, narrowed
  kFormatChar,          // a stray BOM, dangling bidi control, terminal escape... removed
  kNormalization,       // a character sequence composed to its NFC form
  kQuote,               // a typographic quote straightened (only when asked for)
  kLineEnding,          // CR LF, CR, LS or PS turned into "\n"
  kSpaceChar,           // a tab, no-break or other Unicode space turned into " "
  kSpaceRun,            // a run of spaces collapsed, or spaces trimmed at a line's ends
  kInvisibleChar,       // zero-width space, word joiner, soft hyphen, BOM removed
  kControlChar,         // a C0 control character (not tab or newline) removed
  kReplacementRun,      // U+FFFD already in the text: lost before Winnow saw it (reported only)
  kLegacyEncoding,      // a byte of text recognised as a single-byte encoding, not UTF-8
};

// Why a block of text was taken out of the article. The string form (removal_reason_name)
// is the stable reason code used in JSON output.
enum class RemovalReason {
  kNavigation,       // menus, skip links, section lists, search boxes
  kDonationAppeal,   // appeals for money or membership
  kSubscription,     // paywall and subscription boxes
  kNewsletter,       // newsletter sign-up boxes
  kCookieNotice,     // cookie and consent banners
  kRelatedLinks,     // "related", "keep reading", lists of other headlines
  kReadMore,         // "read more" teaser links
  kCaptionCredit,    // photo captions and credits
  kBylineDateline,   // bylines, datelines and publication dates (returned as metadata)
  kSocialEmbed,      // embedded posts from social networks
  kShareBar,         // share buttons
  kAdvertisement,    // advertisement slots and labels
  kFooterLegal,      // footers: copyright, legal and site links
  kComments,         // comment sections
  kRepeatedInBatch,  // a block that recurs across the documents of a batch
  kTitleRepeat,      // the title, repeated in the text
  kOutsideArticle,   // page text outside the article: the page's header, sidebars, footer
  kHiddenText,       // text the page hides from its readers (hidden="", display:none)
};

// The reason whose code is `name`, if any.
bool removal_reason_from_name(std::string_view name, RemovalReason& reason);

std::string_view repair_reason_name(RepairReason reason);
std::string_view removal_reason_name(RemovalReason reason);

// One kind of rewrite: every occurrence of `from` replaced by `to` for `reason`, `count`
// times. `from` is the original text; for bytes that are not valid UTF-8 it spells them as
// "\xHH" escapes so that the report itself stays valid UTF-8.
struct Repair {
  std::string from;
  std::string to;
  RepairReason reason;
  std::size_t count = 1;

  friend bool operator==(const Repair&, const Repair&) = default;
};

// A block taken out of the article, with its full original text.
struct Removal {
  std::string text;
  RemovalReason reason;
  std::size_t at = 0;  // where it stood: the number of kept paragraphs before it

  friend bool operator==(const Removal&, const Removal&) = default;
};

// Collects repairs, merging identical (reason, from, to) triples into one entry with a
// count, in order of first occurrence. Merging keeps the report small on large or noisy
// inputs (a binary file has thousands of identical replacements) while losing nothing a
// caller needs to audit a change.
class RepairLog {
 public:
  void add(RepairReason reason, std::string_view from, std::string_view to, std::size_t count = 1);
  // Appends every entry of `other`, merging as add() does.
  void merge(const RepairLog& other);

  const std::vector<Repair>& entries() const { return entries_; }
  std::vector<Repair> take() && { return std::move(entries_); }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<Repair> entries_;
  std::unordered_map<std::string, std::size_t> index_;  // merge key -> position in entries_
  // The entries added last, by a cheap hash of (reason, from, to): position + 1, or 0. A
  // repair repeats from line to line ("Ã©" -> "é"), and a hit needs no key built and no
  // look-up in index_.
  std::array<std::uint32_t, 256> recent_{};
};

// JSON wire form, shared by every result that carries repairs. Strings are escaped exactly
// as JavaScript's JSON.stringify escapes them (", \\, \\b \\f \\n \\r \\t, other controls as
// \\u00xx, everything else raw), so that the native CLI and the Node CLI, which prints
// JSON.stringify of the JS API's result, agree byte for byte.
void append_json_string(std::string& out, std::string_view text);
// A similarity or other fraction in [0, 1], rounded to six decimals and printed as
// JavaScript prints Math.round(value * 1e6) / 1e6: "0", "1", "0.25", "0.000001".
void append_json_fraction(std::string& out, double value);
// [{"from","to","reason","count"},...]
void append_repairs_json(std::string& out, const std::vector<Repair>& repairs);

}  // namespace winnow
