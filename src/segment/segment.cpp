#include "segment/segment.hpp"

#include <algorithm>

namespace winnow {
namespace {

struct Line {
  std::string_view text;
  std::size_t number;
};

// Code points in `s`, counting no further than `limit`.
std::size_t code_point_count(std::string_view s, std::size_t limit) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size() && count < limit; ++i) {
    count += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  }
  return count;
}

// Hard wrapping shows as many lines that run on into the next line and whose lengths
// cluster just under one width of 40 to 100 characters. Text with a paragraph per line has
// widely varying lengths, most far beyond 100.
constexpr std::size_t kMinWrapWidth = 40, kMaxWrapWidth = 100;

bool is_hard_wrapped(const std::vector<Line>& lines) {
  std::vector<std::size_t> widths;  // of lines that a non-blank line follows
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!lines[i].text.empty() && !lines[i + 1].text.empty()) {
      widths.push_back(code_point_count(lines[i].text, kMaxWrapWidth + kMaxWrapWidth / 10 + 1));
    }
  }
  if (widths.size() < 3) return false;
  std::vector<std::size_t> sorted = widths;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t width = sorted[sorted.size() * 9 / 10];  // 90th percentile
  if (width < kMinWrapWidth || width > kMaxWrapWidth) return false;
  const auto near_width = std::count_if(widths.begin(), widths.end(), [&](std::size_t w) {
    return w * 10 >= width * 6 && w <= width + width / 10;
  });
  return static_cast<std::size_t>(near_width) * 4 >= widths.size() * 3;
}

// True when the UTF-8 sequence is a wide (CJK, kana, Hangul...) character, which joins
// to its neighbour without a space.
bool is_wide_lead(unsigned char lead) {
  return lead >= 0xE3 && lead <= 0xED;
}

void join_wrapped(std::string& paragraph, std::string_view next) {
  const auto last = static_cast<unsigned char>(paragraph.back());
  const bool hyphen_break =
      last == '-' && paragraph.size() >= 2 &&
      std::isalpha(static_cast<unsigned char>(paragraph[paragraph.size() - 2])) &&
      std::islower(static_cast<unsigned char>(next.front()));
  std::size_t lead_pos = paragraph.size();
  while (lead_pos > 0 && (static_cast<unsigned char>(paragraph[lead_pos - 1]) & 0xC0) == 0x80)
    --lead_pos;
  const bool wide_join = lead_pos > 0 &&
                         is_wide_lead(static_cast<unsigned char>(paragraph[lead_pos - 1])) &&
                         is_wide_lead(static_cast<unsigned char>(next.front()));
  if (!hyphen_break && !wide_join) paragraph.push_back(' ');
  paragraph.append(next);
}

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// Whether an upper-case letter starts at `i` (ASCII, or a two-byte Latin/Greek/Cyrillic
// capital, enough for the boundaries this looks for).
bool upper_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  if (is_ascii_upper(s[i])) return true;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (i + 1 < s.size() && b0 >= 0xC3 && b0 <= 0xD4) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    return (b0 == 0xC3 && b1 >= 0x80 && b1 <= 0x9E) || (b0 == 0xD0 && b1 >= 0x80 && b1 <= 0xAF);
  }
  return false;
}

bool lower_before(std::string_view s, std::size_t i) {
  if (i == 0) return false;
  if (is_ascii_lower(s[i - 1])) return true;
  // A two-byte lower-case letter (é, ü, я...) ending at i.
  if (i >= 2) {
    const auto b0 = static_cast<unsigned char>(s[i - 2]), b1 = static_cast<unsigned char>(s[i - 1]);
    return (b0 == 0xC3 && b1 >= 0x9F) || (b0 == 0xD0 && b1 >= 0xB0) || b0 == 0xD1;
  }
  return false;
}

// Marks the bytes of tokens that are URLs, domains or handles ("pic.twitter.com/gpqNeXnH0B"),
// whose mixed case is not a join. One pass over the line.
std::vector<bool> link_tokens(std::string_view s) {
  std::vector<bool> inside(s.size(), false);
  for (std::size_t begin = 0; begin < s.size();) {
    std::size_t end = s.find(' ', begin);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view token = s.substr(begin, end - begin);
    const bool link = token.find('/') != std::string_view::npos ||
                      token.find('@') != std::string_view::npos ||
                      token.find(".com") != std::string_view::npos ||
                      token.find("www.") != std::string_view::npos;
    if (link)
      std::fill(inside.begin() + static_cast<std::ptrdiff_t>(begin),
                inside.begin() + static_cast<std::ptrdiff_t>(end), true);
    begin = end + 1;
  }
  return inside;
}

// "list 3 of 4" starting at i (the screen-reader numbering of link lists).
std::size_t list_marker_length(std::string_view s, std::size_t i) {
  if (s.substr(i, 5) != "list ") return 0;
  std::size_t k = i + 5;
  const std::size_t digits1 = k;
  while (k < s.size() && is_ascii_digit(s[k])) ++k;
  if (k == digits1 || s.substr(k, 4) != " of ") return 0;
  k += 4;
  const std::size_t digits2 = k;
  while (k < s.size() && is_ascii_digit(s[k])) ++k;
  return k == digits2 ? 0 : k - i;
}

}  // namespace

std::vector<std::string> split_glued(std::string_view line) {
  // Places where a piece of a flattened page ends and the next begins.
  std::vector<std::size_t> cuts;
  std::vector<std::size_t> case_joins;  // lower-case letter run into a capital: "menuNews"
  const std::vector<bool> in_link = link_tokens(line);
  for (std::size_t i = 1; i < line.size(); ++i) {
    const char prev = line[i - 1];
    // A sentence run into the next piece: "account.Keep", "Palestinians.Russian".
    if ((prev == '.' || prev == '!' || prev == '?') && upper_at(line, i) &&
        lower_before(line, i - 1) && i >= 3 && lower_before(line, i - 2)) {
      cuts.push_back(i);
    } else if ((prev == ']' || prev == ')') && upper_at(line, i)) {  // "[... via Reuters]Published"
      cuts.push_back(i);
    } else if (is_ascii_digit(prev) && upper_at(line, i) && i + 1 < line.size() &&
               lower_before(line, i + 2)) {
      cuts.push_back(i);  // "11 Oct 2023Russian"
    } else if (lower_before(line, i) && upper_at(line, i) && !in_link[i]) {
      case_joins.push_back(i);
    }
    // A year run into the day of a repeated date: "11 Oct 202311 Oct 2023".
    if (i >= 4 && is_ascii_digit(line[i]) &&
        (line.substr(i - 4, 2) == "20" || line.substr(i - 4, 2) == "19") &&
        is_ascii_digit(line[i - 3]) && is_ascii_digit(line[i - 2]) && is_ascii_digit(line[i - 1]) &&
        (i < 5 || line[i - 5] == ' ') && i + 2 < line.size() &&
        (line[i + 1] == ' ' || line[i + 2] == ' ')) {
      cuts.push_back(i);
    }
    // Numbered list markers glued on both sides: "itemslist 1 of 4'Why bomb...".
    if (const std::size_t marker = list_marker_length(line, i)) {
      if (line[i - 1] != ' ') cuts.push_back(i);
      if (i + marker < line.size() && line[i + marker] != ' ') cuts.push_back(i + marker);
    }
  }
  if (line.size() > 11 && line.ends_with("end of list") && line[line.size() - 12] != ' ') {
    cuts.push_back(line.size() - 11);  // "...the Gaza Warend of list"
  }
  // Capitals run onto small letters mark a flattened menu only where there are many of them
  // (prose has its iPhone or McDonald, not three such joins).
  if (case_joins.size() >= 3) {
    cuts.insert(cuts.end(), case_joins.begin(), case_joins.end());
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '|') {
        cuts.push_back(i);
        cuts.push_back(i + 1);
      }
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<std::string> pieces;
  std::size_t start = 0;
  auto add = [&](std::size_t end) {
    std::string_view piece = line.substr(start, end - start);
    while (!piece.empty() && (piece.front() == ' ' || piece.front() == '|')) piece.remove_prefix(1);
    while (!piece.empty() && (piece.back() == ' ' || piece.back() == '|')) piece.remove_suffix(1);
    if (!piece.empty()) pieces.emplace_back(piece);
    start = end;
  };
  for (std::size_t cut : cuts) add(cut);
  add(line.size());
  return pieces;
}

std::vector<std::string> split_sentences(std::string_view line) {
  std::vector<std::string> sentences;
  std::size_t start = 0;
  auto closing_quote_at = [&](std::size_t i) {
    return line[i] == '"' || line[i] == '\'' || line[i] == ')' ||
           line.substr(i, 3) == "\xE2\x80\x9D" || line.substr(i, 3) == "\xE2\x80\x99" ||
           line.substr(i, 2) == "\xC2\xBB";
  };
  auto opening_at = [&](std::size_t i) {
    return upper_at(line, i) || line[i] == '"' || line.substr(i, 3) == "\xE2\x80\x9C" ||
           line.substr(i, 3) == "\xE2\x80\x98" || line.substr(i, 2) == "\xC2\xAB";
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    // Chinese and Japanese full stops end a sentence with no space after them: "。", "！",
    // "？", then any closing brackets ("」", "）").
    const std::string_view wide = line.substr(i, 3);
    if (wide == "\xE3\x80\x82" || wide == "\xEF\xBC\x81" || wide == "\xEF\xBC\x9F") {
      std::size_t end = i + 3;
      while (line.substr(end, 3) == "\xE3\x80\x8D" || line.substr(end, 3) == "\xE3\x80\x8F" ||
             line.substr(end, 3) == "\xEF\xBC\x89" || line.substr(end, 3) == "\xE2\x80\x9D")
        end += 3;
      if (end < line.size() && line[end] != ' ') {
        sentences.emplace_back(line.substr(start, end - start));
        start = end;
      }
      i = end - 1;
      continue;
    }
    // The Devanagari danda ("।", "॥") ends a sentence before a space; the script has no
    // capitals to look for after it.
    if (wide == "\xE0\xA5\xA4" || wide == "\xE0\xA5\xA5") {
      const std::size_t end = i + 3;
      if (end + 1 < line.size() && line[end] == ' ') {
        sentences.emplace_back(line.substr(start, end - start));
        start = end + 1;
      }
      i = end - 1;
      continue;
    }
    const char c = line[i];
    if (c != '.' && c != '!' && c != '?') continue;
    // A word of two small letters or more ends there: not "Mr.", "U.S." or "J.".
    if (!(lower_before(line, i) && i >= 2 && lower_before(line, i - 1))) continue;
    std::size_t end = i + 1;
    while (end < line.size() && closing_quote_at(end))
      end += line[end] == '"' || line[end] == '\'' || line[end] == ')' ? 1
             : static_cast<unsigned char>(line[end]) == 0xC2           ? 2
                                                                       : 3;
    if (end + 1 >= line.size() || line[end] != ' ' || !opening_at(end + 1)) continue;
    sentences.emplace_back(line.substr(start, end - start));
    start = end + 1;
  }
  if (start < line.size()) sentences.emplace_back(line.substr(start));
  return sentences;
}

std::vector<Block> segment_text(std::string_view text) {
  std::vector<Line> lines;
  for (std::size_t start = 0, number = 0; start <= text.size(); ++number) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back({text.substr(start, end - start), number});
    start = end + 1;
  }

  const bool wrapped = is_hard_wrapped(lines);
  std::vector<Block> blocks;
  bool after_blank = true;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].text.empty()) {
      after_blank = true;
      continue;
    }
    if (wrapped && i > 0 && !lines[i - 1].text.empty() && !blocks.empty()) {
      join_wrapped(blocks.back().text, lines[i].text);
      continue;
    }
    blocks.push_back({std::string(lines[i].text), lines[i].number, after_blank});
    after_blank = false;
  }
  // Glued pieces become blocks of their own.
  std::vector<Block> split;
  split.reserve(blocks.size());
  for (Block& block : blocks) {
    std::vector<std::string> pieces = split_glued(block.text);
    if (pieces.size() <= 1) {
      split.push_back(std::move(block));
      continue;
    }
    for (std::size_t k = 0; k < pieces.size(); ++k) {
      split.push_back({std::move(pieces[k]), block.line, k == 0 && block.after_blank, true});
    }
  }
  // A whole article flattened onto one line: long, and many sentences long. A paragraph is
  // rarely that long; if it is, its sentences are all kept and joined back as they were.
  constexpr std::size_t kFlattenedBytes = 600, kFlattenedSentences = 5;
  std::vector<Block> out;
  out.reserve(split.size());
  for (Block& block : split) {
    std::vector<std::string> sentences;
    if (block.text.size() >= kFlattenedBytes) sentences = split_sentences(block.text);
    if (sentences.size() < kFlattenedSentences) {
      out.push_back(std::move(block));
      continue;
    }
    for (std::size_t k = 0; k < sentences.size(); ++k) {
      out.push_back(
          {std::move(sentences[k]), block.line, k == 0 && block.after_blank, block.glued, true});
    }
  }
  return out;
}

}  // namespace winnow
