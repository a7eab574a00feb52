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

}  // namespace

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
  return blocks;
}

}  // namespace winnow
