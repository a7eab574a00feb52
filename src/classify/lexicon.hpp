// Internal to the classify stage: the word lists it weighs blocks with, generated from the
// data files in src/classify/data (scripts/gen_tables.py).
#pragma once

#include <cstddef>
#include <string_view>

namespace winnow::detail {

struct ChromePhraseList {
  std::string_view reason;   // a removal reason code, e.g. "donation-appeal"
  std::string_view phrases;  // lower case, each ended by "\n"
};
struct LanguageWords {
  std::string_view language;
  std::string_view words;  // lower case, each surrounded by spaces: " the of and "
};

extern const ChromePhraseList kChromePhraseLists[];
extern const std::size_t kChromePhraseListCount;
extern const LanguageWords kStopWords[];
extern const std::size_t kStopWordsCount;
extern const LanguageWords kAddressWords[];
extern const std::size_t kAddressWordsCount;
// Dateline words (dateline_words.tsv): month names, and the other words a stamp holds.
extern const LanguageWords kMonthWords[];
extern const std::size_t kMonthWordsCount;
extern const LanguageWords kDatelineWords[];
extern const std::size_t kDatelineWordsCount;
// The units of a relative dateline ("2 hours ago"), which count as a month does.
extern const LanguageWords kTimeUnitWords[];
extern const std::size_t kTimeUnitWordsCount;
// Byline words (byline_words.tsv): what begins one ("by"), and labels ("автор:").
extern const LanguageWords kBylineLeads[];
extern const std::size_t kBylineLeadsCount;
extern const LanguageWords kBylineLabels[];
extern const std::size_t kBylineLabelsCount;
// An author's note (byline_words.tsv): "<Name> is a senior reporter...".
extern const LanguageWords kBylineCopulas[];
extern const std::size_t kBylineCopulasCount;
extern const LanguageWords kBylineRoles[];
extern const std::size_t kBylineRolesCount;

}  // namespace winnow::detail
