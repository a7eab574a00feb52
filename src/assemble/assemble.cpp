#include "assemble/assemble.hpp"

#include <algorithm>

#include "unicode/unicode.hpp"

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

namespace {

// "© 2023 Al Jazeera Media Network" -> "Al Jazeera Media Network".
std::string site_from_copyright(std::string_view text) {
  std::size_t at = text.find("\xC2\xA9");
  if (at == std::string_view::npos) return {};
  std::string_view rest = text.substr(at + 2);
  while (!rest.empty() && (rest.front() == ' ' || (rest.front() >= '0' && rest.front() <= '9') ||
                           rest.front() == '-')) {
    rest.remove_prefix(1);
  }
  if (unicode::ascii_istarts_with(rest, "copyright ")) rest.remove_prefix(10);
  // The name ends where a sentence or a list does ("Diario Ejemplo S.L. Todos los ..."),
  // before a year ("© Stadtanzeiger 2026"), and, in a script written without spaces, at
  // the first space ("© 2026 某某网 版权所有").
  std::size_t end = std::min({rest.find(". "), rest.find('|'), rest.find(", ")});
  if (end == std::string_view::npos && rest.ends_with('.')) end = rest.size() - 1;
  rest = rest.substr(0, end);
  for (std::size_t space = rest.find(' '); space != std::string_view::npos;
       space = rest.find(' ', space + 1)) {
    std::size_t first = 0;
    const bool unspaced = unicode::writes_without_spaces(unicode::next_code_point(rest, first));
    std::string_view next = rest.substr(space + 1);
    next = next.substr(0, next.find(' '));
    const bool year = next.size() == 4 && std::all_of(next.begin(), next.end(),
                                                      [](char c) { return c >= '0' && c <= '9'; });
    if (unspaced || year) return std::string(rest.substr(0, space));
  }
  return std::string(rest);
}

// Cuts a source's name of up to four words off the title when the text names it as a
// source: "Fed holds rates steady - Reuters" over "WASHINGTON, Nov 22 (Reuters) - ..." or
// "© 2026 Reuters". A headline's own tail after a dash is not written so.
bool cut_named_source(std::string& title, std::string& site, const std::vector<Block>& blocks,
                      std::size_t title_index) {
  for (const std::string_view separator : kTitleSeparators) {
    const std::size_t at = std::string_view(title).rfind(separator);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view source = std::string_view(title).substr(at + separator.size());
    if (source.empty() || std::count(source.begin(), source.end(), ' ') > 3) return false;
    std::string in_brackets = "(";
    in_brackets.append(source).push_back(')');
    const bool named = std::any_of(blocks.begin(), blocks.end(), [&](const Block& b) {
      if (&b == &blocks[title_index]) return false;
      const std::string_view text = b.text;
      const std::size_t copyright = text.find("\xC2\xA9");
      return text.find(in_brackets) != std::string_view::npos ||
             (copyright != std::string_view::npos &&
              text.find(source, copyright) != std::string_view::npos);
    });
    if (!named) return false;
    if (site.empty()) site = std::string(source);
    title.resize(at);
    return true;
  }
  return false;
}

}  // namespace

std::string cut_site_suffix(std::string_view title, std::string& site) {
  const std::string known_site = site;
  for (bool cut = true; cut;) {
    cut = false;
    for (const std::string_view separator : kTitleSeparators) {
      const std::size_t at = title.rfind(separator);
      if (at == std::string_view::npos || at == 0) continue;
      const std::string_view tail = title.substr(at + separator.size());
      const auto words = static_cast<std::size_t>(std::count(tail.begin(), tail.end(), ' ')) + 1;
      if (unicode::ascii_iequals(tail, known_site) || (separator == " | " && words <= 4)) {
        if (site.empty()) site = std::string(tail);
        title = title.substr(0, at);
        cut = true;
        break;
      }
    }
  }
  return std::string(title);
}

bool cut_repeated_headline(std::string& title, std::string& site,
                           const std::function<bool(std::string_view)>& is_repeated) {
  for (const std::string_view separator : kTitleSeparators) {
    const std::size_t at = std::string_view(title).rfind(separator);
    if (at == std::string_view::npos || at == 0) continue;
    if (!is_repeated(std::string_view(title).substr(0, at))) continue;
    if (site.empty()) site = title.substr(at + separator.size());
    title.resize(at);
    return true;
  }
  return false;
}

Article assemble(std::vector<Block> blocks, const std::vector<Verdict>& verdicts, RepairLog repairs,
                 const AssembleOptions& options) {
  Article article;
  article.title = options.title;
  article.metadata = options.metadata;
  auto verdict = [&](std::size_t i) { return i < verdicts.size() ? verdicts[i] : Verdict{}; };
  // The title: the first kept block, among the top ones before the prose starts, that
  // looks like one.
  std::size_t title_index = blocks.size();
  if (options.detect_title && article.title.empty() && blocks.size() >= 2) {
    for (std::size_t i = 0; i < blocks.size() && i < 12; ++i) {
      if (!verdict(i).keep) continue;
      if (looks_like_title(blocks[i].text)) title_index = i;
      break;  // only the first kept block can be the title
    }
  }
  if (title_index != blocks.size()) {
    article.title = cut_site_suffix(blocks[title_index].text, article.metadata.site);
    cut_repeated_headline(article.title, article.metadata.site,
                          [&](std::string_view headline) {
                            for (std::size_t i = 0; i < blocks.size(); ++i) {
                              if (i != title_index && blocks[i].text == headline) return true;
                            }
                            return false;
                          }) ||
        cut_named_source(article.title, article.metadata.site, blocks, title_index);
  }
  std::size_t last_kept = blocks.size();  // the block the last paragraph ends with
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i == title_index) continue;
    const Verdict v = verdict(i);
    // The headline again, under the title line that carried the site's name: whether or not
    // classify took it for chrome, that is what it is.
    if (!article.title.empty() && blocks[i].text == article.title &&
        (v.keep || title_index != blocks.size())) {
      article.removed.push_back(
          {std::move(blocks[i].text), RemovalReason::kTitleRepeat, article.paragraphs.size()});
      continue;
    }
    if (v.keep) {
      // A sentence of a flattened line right after the kept one before it: one paragraph.
      const bool joins = blocks[i].sentence && i > 0 && last_kept == i - 1 &&
                         blocks[i - 1].sentence && blocks[i - 1].line == blocks[i].line;
      if (joins) {
        // Sentences after a full-width stop ("。", "！」", "。”") were not spaced apart.
        std::string& paragraph = article.paragraphs.back();
        std::string_view end = paragraph;
        while (end.ends_with("\xE2\x80\x9D") || end.ends_with("\xE3\x80\x8D") ||
               end.ends_with("\xE3\x80\x8F") || end.ends_with("\xEF\xBC\x89"))
          end.remove_suffix(3);
        const bool spaced = !(end.ends_with("\xE3\x80\x82") || end.ends_with("\xEF\xBC\x81") ||
                              end.ends_with("\xEF\xBC\x9F"));
        if (spaced) paragraph += ' ';
        paragraph += blocks[i].text;
      } else {
        article.paragraphs.push_back(std::move(blocks[i].text));
      }
      last_kept = i;
      continue;
    }
    if (v.reason == RemovalReason::kBylineDateline) {
      Stamp stamp = read_stamp(blocks[i].text);
      if (article.metadata.byline.empty()) article.metadata.byline = std::move(stamp.byline);
      if (article.metadata.date.empty()) article.metadata.date = std::move(stamp.date);
    }
    if (v.reason == RemovalReason::kFooterLegal && article.metadata.site.empty()) {
      article.metadata.site = site_from_copyright(blocks[i].text);
    }
    article.removed.push_back({std::move(blocks[i].text), v.reason, article.paragraphs.size()});
  }
  article.repairs = std::move(repairs).take();
  return article;
}

}  // namespace winnow
