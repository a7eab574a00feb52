#include "assemble/assemble.hpp"

#include <algorithm>

namespace winnow {
namespace {

// A title line is short, has words, and does not end the way a sentence or a lead-in does.
bool looks_like_title(std::string_view text) {
  constexpr std::size_t kMaxTitleBytes = 300;  // about 150 characters of any script
  constexpr std::size_t kMaxTitleWords = 30;
  if (text.empty() || text.size() > kMaxTitleBytes) return false;
  const auto words = static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
  if (words > kMaxTitleWords) return false;
  const bool has_letter = std::any_of(text.begin(), text.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
  });
  if (!has_letter) return false;
  for (std::string_view ending :
       {".", ",", ";", ":", "\xE2\x80\xA6" /* … */, "\xE3\x80\x82" /* 。 */}) {
    if (text.ends_with(ending)) return false;
  }
  return true;
}

}  // namespace

std::string article_text(const Article& article) {
  std::string text;
  for (const std::string& paragraph : article.paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += paragraph;
  }
  return text;
}

Article assemble(std::vector<Block> blocks, RepairLog repairs, const AssembleOptions& options) {
  Article article;
  std::size_t body_start = 0;
  if (options.detect_title && blocks.size() >= 2 && looks_like_title(blocks[0].text)) {
    article.title = std::move(blocks[0].text);
    body_start = 1;
  }
  article.paragraphs.reserve(blocks.size() - body_start);
  for (std::size_t i = body_start; i < blocks.size(); ++i) {
    article.paragraphs.push_back(std::move(blocks[i].text));
  }
  article.repairs = std::move(repairs).take();
  return article;
}

}  // namespace winnow
