// Markdown into blocks: what reader tools and converters make of a page ("# Headline",
// "* [Home](https://...)", "![Photo](...)", "**Related:** [...](...)"). The syntax goes and
// the text stays, line for line, so that segment_text() paragraphs it as any text; a line
// that held only pictures becomes a block of their descriptions, marked as a picture.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "segment/segment.hpp"

namespace winnow {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool is_word_byte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b >= 0x80 || (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

// Where each "[" and "(" of a line closes (nested ones counted, escaped ones skipped), or
// npos: found in one pass, so that a line of ten thousand "[" costs no more than its length.
class Brackets {
 public:
  explicit Brackets(std::string_view s) : close_(s.size(), std::string_view::npos) {
    std::vector<std::size_t> squares, rounds;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (c == '\\') {
        ++i;
      } else if (c == '[') {
        squares.push_back(i);
      } else if (c == '(') {
        rounds.push_back(i);
      } else if (c == ']' && !squares.empty()) {
        close_[squares.back()] = i;
        squares.pop_back();
      } else if (c == ')' && !rounds.empty()) {
        close_[rounds.back()] = i;
        rounds.pop_back();
      }
    }
  }
  std::size_t close(std::size_t open) const { return close_[open]; }

 private:
  std::vector<std::size_t> close_;
};

struct Link {
  std::size_t end = 0;  // just after the link
  std::string_view text;
};

// A link "[text](destination)" or "[text][label]" at `open` (its "["), if there is one.
bool read_link(std::string_view s, const Brackets& brackets, std::size_t open, Link& link) {
  const std::size_t close = brackets.close(open);
  if (close == std::string_view::npos || close + 1 >= s.size()) return false;
  if (s[close + 1] != '(' && s[close + 1] != '[') return false;
  const std::size_t end = brackets.close(close + 1);
  if (end == std::string_view::npos) return false;
  link = {end + 1, s.substr(open + 1, close - open - 1)};
  return true;
}

// Links inside links are read this deep; deeper, their text is kept as written.
constexpr int kMaxLinkDepth = 4;

// Removes the emphasis markers of a line: a run of "*" or "_" that closes (a word precedes)
// pairs with the nearest open run of the same characters before it (a word follows that
// one), as CommonMark pairs them, in one pass. An "_" inside a word ("snake_case"), a lone
// "*" ("5 * 3") and a `literal` one (escaped, or in code) are text.
std::string without_emphasis(std::string_view s, std::string_view literal) {
  std::string drop(s.size(), 0);
  struct Run {
    std::size_t at, length;
  };
  // Unpaired open runs by their character and length (runs of 7 or more share a stack).
  std::vector<Run> open[2][8];
  for (std::size_t i = 0; i < s.size();) {
    if ((s[i] != '*' && s[i] != '_') || literal[i]) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < s.size() && s[end] == s[i] && !literal[end]) ++end;
    const Run run{i, end - i};
    i = end;
    const bool before = run.at > 0 && !is_space(s[run.at - 1]);
    const bool after = end < s.size() && !is_space(s[end]);
    const bool inside_word = s[run.at] == '_' && run.at > 0 && end < s.size() &&
                             is_word_byte(s[run.at - 1]) && is_word_byte(s[end]);
    if (inside_word) continue;
    auto& stack = open[s[run.at] == '_'][std::min<std::size_t>(run.length, 7)];
    if (before && !stack.empty() && stack.back().length == run.length) {
      for (const Run& r : {stack.back(), run}) {
        drop.replace(r.at, r.length, r.length, 1);
      }
      stack.pop_back();
    } else if (after) {
      stack.push_back(run);
    }
  }
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!drop[i]) out.push_back(s[i]);
  }
  return out;
}

// The text of a line of Markdown without its inline syntax: links are their text, images
// inside a paragraph go (their descriptions would break its sentences), code spans and
// escapes are their characters, automatic links their address.
std::string inline_text(std::string_view s, int depth = 0) {
  const Brackets brackets(s);
  const bool links = depth < kMaxLinkDepth;
  std::string out;
  out.reserve(s.size());
  std::string literal;  // per byte of `out`: 1 where it is no emphasis marker
  auto append = [&](std::string_view text, bool is_literal) {
    out.append(text);
    literal.append(text.size(), is_literal ? 1 : 0);
  };
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    Link link;
    if (c == '\\' && i + 1 < s.size() && is_ascii_punctuation(s[i + 1])) {
      append(s.substr(i + 1, 1), true);
      i += 2;
    } else if (links && c == '!' && i + 1 < s.size() && s[i + 1] == '[' &&
               read_link(s, brackets, i + 1, link)) {
      i = link.end;
    } else if (links && c == '[' && read_link(s, brackets, i, link)) {
      append(inline_text(link.text, depth + 1), true);  // its own emphasis is gone already
      i = link.end;
    } else if (c == '<' && (s.substr(i + 1, 7) == "http://" || s.substr(i + 1, 8) == "https://") &&
               s.find('>', i) != std::string_view::npos) {
      const std::size_t close = s.find('>', i);
      append(s.substr(i + 1, close - i - 1), true);
      i = close + 1;
    } else if (c == '`') {
      std::size_t ticks = i;
      while (ticks < s.size() && s[ticks] == '`') ++ticks;
      const std::string_view fence = s.substr(i, ticks - i);
      const std::size_t close = s.find(fence, ticks);
      if (close == std::string_view::npos) {
        append(fence, true);
        i = ticks;
      } else {
        append(s.substr(ticks, close - ticks), true);
        i = close + fence.size();
      }
    } else {
      append(s.substr(i, 1), false);
      ++i;
    }
  }
  return without_emphasis(out, literal);
}

// The descriptions of the pictures of a line that holds nothing else ("![Photo](a.jpg)",
// "[![Photo](a.jpg)](page)", two side by side), joined by spaces; false for any other line.
bool picture_line(std::string_view s, std::string& descriptions, int depth = 0) {
  descriptions.clear();
  // Most lines open with a word: no need to match their brackets to see they hold one.
  if (depth >= kMaxLinkDepth || s.empty() || (s[0] != '!' && s[0] != '[')) return false;
  const Brackets brackets(s);
  std::size_t pictures = 0;
  for (std::size_t i = 0; i < s.size();) {
    Link link;
    if (is_space(s[i])) {
      ++i;
    } else if (s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[' &&
               read_link(s, brackets, i + 1, link)) {
      if (!link.text.empty()) {
        if (!descriptions.empty()) descriptions.push_back(' ');
        descriptions.append(link.text);
      }
      ++pictures;
      i = link.end;
    } else if (s[i] == '[' && read_link(s, brackets, i, link)) {
      // A linked picture: the link's text must be pictures only.
      std::string inner;
      if (!picture_line(link.text, inner, depth + 1)) return false;
      if (!inner.empty()) {
        if (!descriptions.empty()) descriptions.push_back(' ');
        descriptions += inner;
      }
      ++pictures;
      i = link.end;
    } else {
      return false;
    }
  }
  return pictures > 0;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// "---", "***", "_ _ _": a thematic break, or a setext heading's underline ("===").
bool is_rule(std::string_view s) {
  s = trimmed(s);
  if (s.empty()) return false;
  const char c = s[0];
  if (c != '-' && c != '*' && c != '_' && c != '=') return false;
  std::size_t marks = 0;
  for (const char b : s) {
    if (b == c) {
      ++marks;
    } else if (!is_space(b)) {
      return false;
    }
  }
  return marks >= 3 || (c == '=' && marks >= 1);
}

// A line without its block syntax: quote markers, list bullets, heading marks.
std::string_view block_content(std::string_view s) {
  s = trimmed(s);
  while (s.starts_with(">")) s = trimmed(s.substr(1));
  if (s.size() >= 2 && (s[0] == '*' || s[0] == '-' || s[0] == '+') && is_space(s[1])) {
    s = trimmed(s.substr(2));
  }
  std::size_t hashes = 0;
  while (hashes < s.size() && s[hashes] == '#') ++hashes;
  if (hashes >= 1 && hashes <= 6 && (hashes == s.size() || is_space(s[hashes]))) {
    s = trimmed(s.substr(hashes));
    while (s.ends_with("#")) s.remove_suffix(1);  // "## Heading ##"
    s = trimmed(s);
  }
  return s;
}

}  // namespace

bool looks_like_markdown(std::string_view text) {
  std::size_t links = 0, headings = 0;
  for (std::size_t at = text.find("]("); at != std::string_view::npos;
       at = text.find("](", at + 2)) {
    links += text.substr(at + 2, 4) == "http" || text.substr(at + 2, 1) == "/";
  }
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (line.starts_with("# ") || line.starts_with("## ") || line.starts_with("### ")) ++headings;
    start = end + 1;
  }
  return links >= 3 || (headings >= 1 && links >= 1);
}

std::vector<Block> segment_markdown(std::string_view text) {
  std::string plain;
  plain.reserve(text.size());
  std::string picture_lines;  // 1 for each input line of pictures only
  std::string descriptions;
  bool in_fence = false;
  std::size_t number = 0;
  for (std::size_t start = 0; start <= text.size(); ++number) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    picture_lines.push_back(0);
    std::string out;
    if (trimmed(line).starts_with("```") || trimmed(line).starts_with("~~~")) {
      in_fence = !in_fence;  // the fence itself is no text
    } else if (in_fence) {
      out = trimmed(line);
    } else if (is_rule(line)) {
      // A rule or an underline: no text. (A setext heading's text is on the line above.)
    } else if (const std::string_view content = block_content(line);
               picture_line(content, descriptions)) {
      picture_lines.back() = 1;
      out = descriptions;
    } else if (number == 0 && content.starts_with("Title: ")) {
      // The header that reader tools put above the page ("Title: ...", "URL Source: ...").
      out = inline_text(content.substr(7));
    } else {
      out = inline_text(content);
    }
    plain += trimmed(out);
    if (end < text.size()) plain.push_back('\n');
  }
  std::vector<Block> blocks = segment_text(plain);
  for (Block& block : blocks) {
    block.picture = block.line < picture_lines.size() && picture_lines[block.line];
  }
  return blocks;
}

}  // namespace winnow
