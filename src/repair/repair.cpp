#include "repair/repair.hpp"

#include <array>
#include <cstring>

#include "repair/entities.hpp"
#include "repair/passes.hpp"
#include "unicode/unicode.hpp"

namespace winnow {
namespace detail {

bool decode_character_references(std::string_view text, RepairLog& log, std::string& out) {
  std::string value;  // what the reference at hand decodes to
  bool changed = false;
  std::size_t copied_up_to = 0;
  for (std::size_t amp = text.find('&'); amp != std::string_view::npos;
       amp = text.find('&', amp + 1)) {
    value.clear();
    std::size_t consumed = decode_reference_strict(text.substr(amp), value);
    if (consumed == 0) continue;
    // Escaped more than once: "&amp;rsquo;" and "&amp;amp;amp;" are what text becomes when
    // it is escaped again and again; the reference behind the ampersand is decoded too.
    while (value == "&") {
      std::string probe = "&";
      probe.append(text.substr(amp + consumed, 40));
      std::string inner;
      const std::size_t more = decode_reference_strict(probe, inner);
      if (more == 0) break;
      consumed += more - 1;
      value = std::move(inner);
    }
    out.append(text, copied_up_to, amp - copied_up_to);
    out.append(value);
    changed = true;
    log.add(RepairReason::kCharacterReference, text.substr(amp, consumed), value);
    copied_up_to = amp + consumed;
    amp = copied_up_to - 1;  // the loop's find starts at the next byte
  }
  if (changed) out.append(text, copied_up_to);
  return changed;
}

namespace {

// What the white-space pass does with one character.
enum class Kind { kOther, kSpace, kNewline, kParagraphBreak, kRemove };

struct Classified {
  Kind kind;
  std::size_t length;   // bytes of the character
  RepairReason reason;  // for kRemove, kNewline (when not a plain "\n") and kParagraphBreak
};

// Bytes that may start a character this pass changes. Everything else is copied in bulk.
constexpr std::array<bool, 256> make_may_change_table() {
  std::array<bool, 256> table{};
  for (int b = 0; b <= 0x20; ++b) table[b] = true;  // C0 controls (tab, LF, CR...) and space
  table[0x7F] = true;                               // DEL
  // Lead bytes of: U+0080-U+00BF (NBSP, soft hyphen), U+1680, U+2000-U+206F, U+3000, U+FEFF.
  for (const int lead : {0xC2, 0xE1, 0xE2, 0xE3, 0xEF}) table[lead] = true;
  return table;
}
constexpr std::array<bool, 256> kMayChange = make_may_change_table();

Classified classify_at(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) -> unsigned char {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  const unsigned char b0 = byte(0);
  if (b0 == ' ') return {Kind::kSpace, 1, RepairReason::kSpaceRun};
  if (b0 == '\t') return {Kind::kSpace, 1, RepairReason::kSpaceChar};
  if (b0 == '\n') return {Kind::kNewline, 1, RepairReason::kLineEnding};
  if (b0 == '\r') return {Kind::kNewline, byte(1) == '\n' ? 2u : 1u, RepairReason::kLineEnding};
  if (b0 < 0x20 || b0 == 0x7F) return {Kind::kRemove, 1, RepairReason::kControlChar};
  if (b0 == 0xC2) {
    if (byte(1) == 0xA0) return {Kind::kSpace, 2, RepairReason::kSpaceChar};       // NBSP
    if (byte(1) == 0xAD) return {Kind::kRemove, 2, RepairReason::kInvisibleChar};  // soft hyphen
  } else if (b0 == 0xE1) {
    if (byte(1) == 0x9A && byte(2) == 0x80)
      return {Kind::kSpace, 3, RepairReason::kSpaceChar};  // U+1680
  } else if (b0 == 0xE2) {
    const unsigned char b1 = byte(1), b2 = byte(2);
    if (b1 == 0x80) {
      if (b2 >= 0x80 && b2 <= 0x8A)
        return {Kind::kSpace, 3, RepairReason::kSpaceChar};                          // U+2000-200A
      if (b2 == 0x8B) return {Kind::kRemove, 3, RepairReason::kInvisibleChar};       // U+200B
      if (b2 == 0xA8) return {Kind::kNewline, 3, RepairReason::kLineEnding};         // U+2028
      if (b2 == 0xA9) return {Kind::kParagraphBreak, 3, RepairReason::kLineEnding};  // U+2029
      if (b2 == 0xAF) return {Kind::kSpace, 3, RepairReason::kSpaceChar};            // U+202F
    } else if (b1 == 0x81) {
      if (b2 == 0x9F) return {Kind::kSpace, 3, RepairReason::kSpaceChar};       // U+205F
      if (b2 == 0xA0) return {Kind::kRemove, 3, RepairReason::kInvisibleChar};  // U+2060
    }
  } else if (b0 == 0xE3) {
    if (byte(1) == 0x80 && byte(2) == 0x80)
      return {Kind::kSpace, 3, RepairReason::kSpaceChar};  // U+3000
  } else if (b0 == 0xEF) {
    if (byte(1) == 0xBB && byte(2) == 0xBF)
      return {Kind::kRemove, 3, RepairReason::kInvisibleChar};  // U+FEFF
  }
  return {Kind::kOther, 1, RepairReason::kSpaceRun};
}

}  // namespace

std::string normalise_whitespace(std::string_view text, RepairLog& log) {
  std::string out;
  out.reserve(text.size());
  // The run of space characters seen since the last visible character, as written.
  std::size_t run_start = 0, run_end = 0;
  bool run_is_plain = true;  // only U+0020 in the run
  bool at_line_start = true;

  // Ends the pending space run before a visible character (`keep` true) or a line break.
  auto end_space_run = [&](bool keep) {
    if (run_start == run_end) return;
    const std::string_view run = text.substr(run_start, run_end - run_start);
    const bool emit = keep && !at_line_start;
    if (emit) out.push_back(' ');
    if (!(emit && run == " ")) {
      log.add(run_is_plain ? RepairReason::kSpaceRun : RepairReason::kSpaceChar, run,
              emit ? " " : "");
    }
    run_start = run_end = 0;
    run_is_plain = true;
  };

  std::size_t i = 0;
  while (i < text.size()) {
    // Bulk-copy characters this pass never changes, and single spaces between two of them:
    // the common case, which then costs a table look-up per byte.
    std::size_t j = i;
    while (j < text.size()) {
      const auto b = static_cast<unsigned char>(text[j]);
      if (!kMayChange[b]) {
        ++j;
      } else if (b == ' ' && j > i && j + 1 < text.size() &&
                 !kMayChange[static_cast<unsigned char>(text[j + 1])]) {
        j += 2;
      } else {
        break;
      }
    }
    if (j > i) {
      end_space_run(true);
      out.append(text, i, j - i);
      at_line_start = false;
      i = j;
      continue;
    }
    const Classified c = classify_at(text, i);
    const std::string_view original = text.substr(i, c.length);
    switch (c.kind) {
      case Kind::kSpace:
        if (run_start == run_end) run_start = i;
        run_end = i + c.length;
        run_is_plain = run_is_plain && original == " ";
        break;
      case Kind::kNewline:
      case Kind::kParagraphBreak: {
        end_space_run(false);
        const std::string_view replacement = c.kind == Kind::kNewline ? "\n" : "\n\n";
        out.append(replacement);
        if (original != "\n") log.add(c.reason, original, replacement);
        at_line_start = true;
        break;
      }
      case Kind::kRemove:
        // Removing an invisible character leaves the space run open, so "a \u200B b"
        // becomes "a b", not "a  b".
        log.add(c.reason, original, "");
        break;
      case Kind::kOther:
        end_space_run(true);
        out.append(original);
        at_line_start = false;
        break;
    }
    i += c.length;
  }
  end_space_run(false);
  return out;
}

// The first byte at or after `from` that a line pass may act on: "&" (a reference), a
// control other than tab, CR and LF, DEL, or any byte of a non-ASCII character. A line
// of printable ASCII without "&" needs no pass at all.
std::size_t next_byte_to_repair(std::string_view text, std::size_t from) {
  for (std::size_t i = from;;) {
    // Printable ASCII other than "&" is skipped eight bytes at a time.
    const std::size_t stop = unicode::skip_printable_ascii(text, i, '&');
    if (stop >= text.size()) return text.size();
    const char b = text[stop];
    if (b != '\n' && b != '\t' && b != '\r') return stop;
    i = stop + 1;
  }
}

// One line through the line passes, in order. Each pass reads the last one's output.
bool repair_line(std::string_view line, const RepairOptions& options, RepairLog& log,
                 std::string& out) {
  std::string buffers[2];
  int next = 0;
  std::string_view current = line;
  bool changed = false;
  auto run = [&](auto&& pass) {
    std::string& target = buffers[next];
    target.clear();
    if (!pass(current, target)) return;
    current = target;
    next ^= 1;
    changed = true;
  };
  if (current.find('&') != std::string_view::npos) {
    run([&](std::string_view in, std::string& o) {
      return decode_character_references(in, log, o);
    });
  }
  auto rest = [&](std::string_view in, std::string& o) {
    const std::size_t before = o.size();
    std::string moji;
    const bool moji_changed = fix_mojibake(in, log, moji);
    if (moji_changed) in = moji;
    if (fix_characters(in, options, log, o)) return true;
    o.resize(before);
    if (moji_changed) o += moji;
    return moji_changed;
  };
  // A line has no line break, unless a reference stood for one.
  if (!changed || current.find('\n') == std::string_view::npos) {
    run(rest);
  } else {
    // A reference stood for a line break ("&#10;"): the other passes see lines.
    run([&](std::string_view in, std::string& o) {
      o.assign(in);
      return rewrite_lines(o, next_byte_to_repair, rest);
    });
  }
  if (changed) out.append(current);
  return changed;
}

}  // namespace detail

Repaired repair(std::string_view text, const RepairOptions& options) {
  return repair_owned(std::string(text), options);
}

Repaired repair_owned(std::string text, const RepairOptions& options) {
  Repaired result;
  detail::rewrite_lines(text, detail::next_byte_to_repair,
                        [&](std::string_view line, std::string& out) {
                          return detail::repair_line(line, options, result.repairs, out);
                        });
  if (options.normalise_whitespace) text = detail::normalise_whitespace(text, result.repairs);
  result.text = std::move(text);
  return result;
}

}  // namespace winnow
