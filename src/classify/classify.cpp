#include "classify/classify.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "classify/lexicon.hpp"
#include "unicode/unicode.hpp"

namespace winnow {
namespace {

// --- Text helpers ------------------------------------------------------------------------

// Lower case for matching: Unicode's simple case folding, and Turkish "İ" as "i" (its
// folding is Turkic-only: "İlgili Haberler" is "ilgili haberler").
char32_t to_lower(char32_t c) {
  if (c < 0x80) return (c >= U'A' && c <= U'Z') ? c + 32 : c;
  if (c == 0x130) return U'i';
  return unicode::is_upper(c) ? unicode::simple_case_fold(c) : c;
}

// The block as " word word word ": lower case, punctuation turned into spaces except what
// lexicon phrases spell with ("photo:", "ad-free", "l'information").
std::string normalise_for_matching(std::string_view text) {
  std::string out = " ";
  out.reserve(text.size() + 2);
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // ASCII: no table look-ups
      ++i;
      const bool alnum = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
      if (alnum || b == '-' || b == '\'' || b == ':' || b == '@') {
        out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      } else if (out.back() != ' ') {
        out.push_back(' ');
      }
      continue;
    }
    char32_t c = unicode::next_code_point(text, i);
    if (c == 0x2019) c = U'\'';
    const bool keep =
        c == U'\'' || unicode::is_letter(c) || unicode::is_number(c) || unicode::is_mark(c);
    if (keep) {
      unicode::append_utf8(out, to_lower(c));
    } else if (out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

std::size_t word_count(std::string_view normalised) {
  return static_cast<std::size_t>(std::count(normalised.begin(), normalised.end(), ' ')) - 1;
}

bool is_unspaced(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF);
}

bool is_wide(char32_t c) {
  return is_unspaced(c) || (c >= 0xAC00 && c <= 0xD7AF);
}

// How many of the words of a normalised text are Chinese or Japanese characters only.
std::size_t count_unspaced_words(std::string_view normalised) {
  std::size_t count = 0;
  for (std::size_t i = 1; i < normalised.size();) {
    const std::size_t end = std::min(normalised.find(' ', i), normalised.size());
    bool unspaced = end > i;
    for (std::size_t k = i; k < end && unspaced;)
      unspaced = is_unspaced(unicode::next_code_point(normalised, k));
    count += unspaced;
    i = end + 1;
  }
  return count;
}

// --- Word lists, indexed once ------------------------------------------------------------

struct WordLanguages {
  std::uint16_t function = 0, address = 0;  // bit l: a function (address) word of language l
  // What the word can be in a stamp, in any language.
  bool month = false, dateline = false, byline_lead = false;
  bool copula = false, role = false;  // of an author's note: "is", "reporter"
};

struct ChromePhrase {
  std::string_view reason;  // a removal reason code, e.g. "donation-appeal"
  std::string_view phrase;  // lower case
};

struct Lexicon {
  std::unordered_map<std::string_view, WordLanguages> words;  // one look-up per word
  std::vector<ChromePhrase> phrases;  // all, built first: the indexes below point into it
  std::unordered_map<std::string_view, std::vector<const ChromePhrase*>> phrases_by_first_word;
  std::vector<const ChromePhrase*> unspaced_phrases;  // CJK: matched anywhere
  // Byline labels, all languages together (byline_words.tsv); the other stamp words are
  // marked in `words`.
  std::vector<std::string_view> byline_labels;
};

template <typename Add>
void for_each_listed_word(std::string_view words, Add add) {
  for (std::size_t i = 0; i < words.size();) {
    const std::size_t end = words.find(' ', i);
    if (end == std::string_view::npos) break;
    if (end > i) add(words.substr(i, end - i));
    i = end + 1;
  }
}

const Lexicon& lexicon() {
  static const Lexicon built = [] {
    Lexicon l;
    for (std::size_t i = 0; i < detail::kStopWordsCount; ++i) {
      for_each_listed_word(detail::kStopWords[i].words, [&](std::string_view w) {
        l.words[w].function |= std::uint16_t(1u << i);
      });
    }
    for (std::size_t i = 0; i < detail::kAddressWordsCount; ++i) {
      // The address lists come in the stop lists' language order (scripts/gen_tables.py checks).
      for_each_listed_word(detail::kAddressWords[i].words, [&](std::string_view w) {
        l.words[w].address |= std::uint16_t(1u << i);
      });
    }
    auto add_all = [](const detail::LanguageWords* table, std::size_t count, auto add) {
      for (std::size_t i = 0; i < count; ++i) for_each_listed_word(table[i].words, add);
    };
    add_all(detail::kMonthWords, detail::kMonthWordsCount,
            [&](std::string_view w) { l.words[w].month = true; });
    add_all(detail::kDatelineWords, detail::kDatelineWordsCount,
            [&](std::string_view w) { l.words[w].dateline = true; });
    // "2 hours ago" is a date as "2 March" is: the unit stands where the month would.
    add_all(detail::kTimeUnitWords, detail::kTimeUnitWordsCount,
            [&](std::string_view w) { l.words[w].month = true; });
    add_all(detail::kBylineLeads, detail::kBylineLeadsCount,
            [&](std::string_view w) { l.words[w].byline_lead = true; });
    add_all(detail::kBylineCopulas, detail::kBylineCopulasCount,
            [&](std::string_view w) { l.words[w].copula = true; });
    add_all(detail::kBylineRoles, detail::kBylineRolesCount,
            [&](std::string_view w) { l.words[w].role = true; });
    add_all(detail::kBylineLabels, detail::kBylineLabelsCount,
            [&](std::string_view w) { l.byline_labels.push_back(w); });
    for (std::size_t i = 0; i < detail::kChromePhraseListCount; ++i) {
      const detail::ChromePhraseList& list = detail::kChromePhraseLists[i];
      for (std::size_t at = 0; at < list.phrases.size();) {
        const std::size_t end = list.phrases.find('\n', at);
        l.phrases.push_back({list.reason, list.phrases.substr(at, end - at)});
        at = end + 1;
      }
    }
    for (const ChromePhrase& p : l.phrases) {
      const bool unspaced =
          static_cast<unsigned char>(p.phrase[0]) >= 0xE3;  // CJK: no spaces between words
      if (unspaced) {
        l.unspaced_phrases.push_back(&p);
      } else {
        l.phrases_by_first_word[p.phrase.substr(0, p.phrase.find(' '))].push_back(&p);
      }
    }
    return l;
  }();
  return built;
}

// What the lexicon knows of a word (all false for a word it does not list).
WordLanguages word_info(std::string_view word) {
  const Lexicon& l = lexicon();
  const auto found = l.words.find(word);
  return found == l.words.end() ? WordLanguages{} : found->second;
}

// --- Features ----------------------------------------------------------------------------

struct Features {
  std::string normalised;
  std::size_t words = 0;
  std::size_t wide_chars = 0;      // CJK characters, Hangul included
  std::size_t unspaced_chars = 0;  // of them, Chinese and Japanese: "words" without spaces
  // Letters of Thai, Lao, Khmer and Myanmar, written without spaces between words and
  // often without a full stop: a paragraph of them is prose however it ends.
  std::size_t unstopped_chars = 0;
  std::size_t unspaced_words = 0;  // words all of Chinese or Japanese characters
  bool sentence_end = false;
  double function_words = 0;  // share of the document language's function words
  double address = 0;         // share of reader-address words outside quotations
  std::size_t quoted_words = 0;
  bool credit_tail = false;    // ends with a photo or agency credit
  bool agency_credit = false;  // a credit as agencies write it: see is_agency_credit()
  bool copyright = false;
  bool date_only = false;
  bool byline = false;
  bool menu = false;         // "Home | World | Business | Sport": short items between separators
  bool list_marker = false;  // "list 2 of 4"
  bool tweet_signature = false;
  bool picture = false;                 // the descriptions of pictures (Block::picture)
  std::optional<RemovalReason> phrase;  // the chrome phrase found, if any
  std::size_t phrase_words = 0;         // how many words that phrase has
  bool phrase_opens = false;            // it opens the block as a label: "Lee también: ..."
};

// Words as a reader counts them: in Chinese and Japanese, written without spaces, about one
// for every two characters ("ニュース" is one, "この記事をシェアする" five).
std::size_t effective_words(const Features& f) {
  // Korean puts spaces between its words: only Chinese and Japanese characters are counted
  // for words.
  return f.words - f.unspaced_words + (f.unspaced_chars + 1) / 2;
}

// A number as dates and times write them: "2024", "12th", "2023-10-11", "3:45", "08h15".
bool is_date_number(std::string_view w) {
  if (w.empty() || w[0] < '0' || w[0] > '9') return false;
  std::size_t letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z')
      ++letters;
    else if (!((c >= '0' && c <= '9') || c == '-' || c == ':' || c == '.' || c == '/'))
      return false;
  }
  return letters <= 2;  // "12th", "08h15", "5pm"
}

// What follows a caption's last sentence, if it is not a sentence itself: "Kevin
// Dietsch/Getty Images" in "Jerome Powell speaks in Washington. Kevin Dietsch/Getty Images".
std::string_view credit_after_caption(std::string_view text) {
  const std::size_t stop = text.rfind(". ");
  if (stop == std::string_view::npos) return {};
  const std::string_view tail = text.substr(stop + 2);
  if (tail.empty() || tail.back() == '.' || tail.back() == '!' || tail.back() == '?') return {};
  return tail;
}

// Capitalised words, as names of people and agencies are, with the small words credits
// join them with ("Petros Giannakouris/AP", "Angelos Tzortzinis/AFP via Getty Images").
bool is_credit_names(std::string_view names) {
  if (names.empty() || std::count(names.begin(), names.end(), ' ') > 7 ||
      names.find_first_of(",;:*") != std::string_view::npos)
    return false;
  auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  for (std::size_t i = 0; i < names.size();) {
    std::size_t end = names.find_first_of(" /", i);
    if (end == std::string_view::npos) end = names.size();
    const std::string_view word = names.substr(i, end - i);
    const bool connector = word == "via" || word == "pool" || word == "for" || word == "and";
    if (!word.empty() && !connector && !is_upper(word[0]) &&
        static_cast<unsigned char>(word[0]) < 0x80)
      return false;
    i = end + 1;
  }
  return true;
}

// A photo credit as agencies write it, a whole block or after a caption's last sentence: a name
// and its agency joined by a slash ("Kevin Dietsch/Getty Images", "(AP Photo/Evan
// Vucci)"), or names after a credit's label or a camera ("Image: Reuters", "Photograph:
// Petros Giannakouris/AP", "(Photo by Angelos Tzortzinis/AFP via Getty Images)",
// "📷 AFP").
bool is_agency_credit(std::string_view credit, bool whole_block) {
  const bool bracketed = credit.size() > 2 && credit.front() == '(' && credit.back() == ')';
  if (bracketed) credit = credit.substr(1, credit.size() - 2);
  static constexpr std::string_view kLabels[] = {
      "photo by ",         "photograph by ",    "photo: ", "photograph: ", "photos: ", "image: ",
      "picture: ",         "credit: ",          "foto: ",  "bild: ",       "imagen: ", "photo : ",
      "\xF0\x9F\x93\xB7 ", "\xF0\x9F\x93\xB8 ",    // 📷 and 📸
      "credit...",         "credit\xE2\x80\xA6"};  // "Credit...Maria Lopez for The New York Times"
  for (const std::string_view label : kLabels) {
    if (unicode::ascii_istarts_with(credit, label))
      return is_credit_names(credit.substr(label.size()));
  }
  // A block of names and slashes alone may be a list ("Bulgaria/Israel/Hungary"); in
  // brackets, or after a caption, it is a credit.
  if (whole_block && !bracketed) return false;
  const std::size_t slash = credit.find('/');
  return slash != std::string_view::npos && slash > 0 && slash + 1 < credit.size() &&
         credit[slash - 1] != ' ' && credit[slash + 1] >= 'A' && credit[slash + 1] <= 'Z' &&
         is_credit_names(credit);
}

// An author's note: a capitalised name of two to four words, a copula, and a role among
// the five words after it ("Jane Tremblay is a senior reporter with CBC News...", "Ana
// Ruiz es periodista y..."). A story's sentence about a reporter names no copula so close.
bool is_author_note(std::string_view text, std::string_view normalised) {
  std::size_t first = 0;
  if (text.empty() || !unicode::is_upper(unicode::next_code_point(text, first))) return false;
  std::vector<std::string_view> words;
  for (std::size_t i = 1; i < normalised.size() && words.size() < 10;) {
    const std::size_t end = normalised.find(' ', i);
    words.push_back(normalised.substr(i, end - i));
    i = end + 1;
  }
  for (std::size_t copula = 2; copula <= 4 && copula < words.size(); ++copula) {
    if (!word_info(words[copula]).copula) continue;
    for (std::size_t k = copula + 1; k < words.size() && k <= copula + 5; ++k) {
      if (word_info(words[k]).role) return true;
    }
    return false;
  }
  return false;
}

// A dateline: dates and times and the words around them, and nothing else ("11 Oct 2023",
// "Updated 3:45 PM EST, Tue March 12, 2024", "Publié le 12 mars 2024 à 08h15").
bool only_date(std::string_view normalised) {
  std::size_t numbers = 0, months = 0, stamp_words = 0;
  bool date_shaped = false;  // a year, or digits joined the way dates and times join them
  bool time = false;         // a time of day: "6:40"
  for (std::size_t i = 1; i < normalised.size();) {
    const std::size_t end = normalised.find(' ', i);
    std::string_view word = normalised.substr(i, end - i);
    i = end + 1;
    if (word.ends_with(':')) word.remove_suffix(1);  // "Güncelleme: 22.11.2026"
    if (word.empty()) continue;
    if (is_date_number(word)) {
      ++numbers;
      const bool year = word.size() == 4 && (word.starts_with("19") || word.starts_with("20"));
      date_shaped = date_shaped || year || word.find_first_of("-:/h") != std::string_view::npos;
      time = time || word.find(':') != std::string_view::npos;
    } else if (word_info(word).month) {
      ++months;
    } else if (word_info(word).dateline) {
      ++stamp_words;
    } else {
      return false;
    }
  }
  // Two bare numbers are a price or a score ("$309.16" is " 309 16 " here), not a date; a
  // time alone is a date when a stamp's words go with it ("Updated 6:40 p.m. ET").
  return numbers >= 1 &&
         ((numbers + months >= 2 && (months > 0 || date_shaped)) || (time && stamp_words > 0));
}

// The length of the byline label that opens `text` glued to the name, as Chinese and
// Japanese write it ("作者：李明"), or 0.
std::size_t glued_label_length(std::string_view text) {
  // The labels are short and end with the full-width colon: most blocks have none there.
  if (text.substr(0, 32).find("\xEF\xBC\x9A") == std::string_view::npos) return 0;
  for (std::string_view label : lexicon().byline_labels) {
    if (label.ends_with("\xEF\xBC\x9A") && text.size() > label.size() && text.starts_with(label))
      return label.size();
  }
  return 0;
}

// "By Jane Doe", "Por María López | Madrid", "Von Anna Schmidt": a word that introduces an
// author, then a capitalised name; or a label that says it ("Автор:", "بقلم:", "作者：").
bool is_byline(std::string_view text, bool after_role = false) {
  const Lexicon& l = lexicon();
  if (!after_role && glued_label_length(text) > 0) return true;
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos) return false;
  std::string first_word;
  for (std::size_t i = 0; i < space;)
    unicode::append_utf8(first_word, to_lower(unicode::next_code_point(text, i)));
  // Italian bylines write "di" in lower case; "Di Maio" is a name.
  const bool name_prefix = first_word == "di" && text.starts_with('D');
  const bool lead = word_info(first_word).byline_lead && !name_prefix;
  // A role before the lead word, on a short line: "Interview by Tom Reed", "Words by Ana
  // Ruiz", "Reportage de Claire Dubois".
  if (!lead && !after_role && std::count(text.begin(), text.end(), ' ') <= 5) {
    std::size_t at = 0;
    if (unicode::is_upper(unicode::next_code_point(text, at)) &&
        is_byline(text.substr(space + 1), true)) {
      return true;
    }
  }
  if (lead && space + 1 < text.size()) {
    // A name follows: capitalised, and no function word ("By The Numbers" is a headline).
    std::size_t at = space + 1;
    if (!unicode::is_upper(unicode::next_code_point(text, at))) return false;
    std::string second_word;
    for (std::size_t i = space + 1; i < text.size() && text[i] != ' ';)
      unicode::append_utf8(second_word, to_lower(unicode::next_code_point(text, i)));
    return word_info(second_word).function == 0;
  }
  if (after_role) return false;
  // "Автор: ...", and French spacing, "Auteur : ...".
  return std::any_of(l.byline_labels.begin(), l.byline_labels.end(), [&](std::string_view label) {
    return first_word == label || (label.back() == ':' && first_word + ":" == label &&
                                   text.substr(space).starts_with(" :"));
  });
}

// A menu or breadcrumb on one line: items of one or two words between separators, three or
// more ("Home | World | Business", "Inicio › Economía › Empleo"), or five or more of up to
// three. A title with its section and site ("Harbour Tunnel Reopens | City News | The
// Herald") has a longer first item.
bool is_menu_line(std::string_view text) {
  static constexpr std::string_view kSeparators[] = {" | ",
                                                     " \xC2\xB7 " /* · */,
                                                     " \xE2\x80\xA2 " /* • */,
                                                     " \xE2\x80\xBA " /* › */,
                                                     " \xC2\xBB " /* » */,
                                                     " > ",
                                                     " / "};
  for (std::string_view separator : kSeparators) {
    std::size_t items = 0, longest = 0;
    bool fits = true;
    for (std::size_t start = 0; start <= text.size() && fits;) {
      std::size_t end = text.find(separator, start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view item = text.substr(start, end - start);
      const auto words = static_cast<std::size_t>(std::count(item.begin(), item.end(), ' ')) + 1;
      fits = !item.empty() && words <= 3 && !item.ends_with('.');
      longest = std::max(longest, words);
      ++items;
      start = end + separator.size();
    }
    if (fits && items >= 3 && (longest <= 2 || items >= 5)) return true;
  }
  return false;
}

// The language whose function words the document uses most, as an index into kStopWords.
std::optional<std::size_t> document_language(const std::vector<std::string>& normalised) {
  const Lexicon& l = lexicon();
  std::vector<std::size_t> hits(detail::kStopWordsCount, 0);
  for (const std::string& text : normalised) {
    for (std::size_t i = 1; i < text.size();) {
      const std::size_t end = text.find(' ', i);
      const auto found = l.words.find(std::string_view(text).substr(i, end - i));
      i = end + 1;
      if (found == l.words.end()) continue;
      for (std::size_t lang = 0; lang < hits.size(); ++lang)
        hits[lang] += found->second.function >> lang & 1;
    }
  }
  const auto best = std::max_element(hits.begin(), hits.end());
  if (*best < 3) return std::nullopt;
  return static_cast<std::size_t>(best - hits.begin());
}

Features features_of(const Block& block, std::string normalised,
                     std::optional<std::size_t> language) {
  Features f;
  const std::string_view text = block.text;
  f.normalised = std::move(normalised);
  f.words = word_count(f.normalised);
  f.picture = block.picture;
  // Characters: quotation state, wide characters, the last visible character but quotes.
  char32_t last_but_quote = 0;
  bool in_quote = false;
  std::size_t address = 0, words_outside = 0;
  // Address words written in capitals ("US", "WE"): the country, not the reader, unless the
  // whole block is in capitals ("SUPPORT US TODAY").
  std::size_t capital_address = 0;
  bool has_lower = false;
  std::string word;
  std::size_t word_letters = 0, word_capitals = 0;
  const Lexicon& l = lexicon();
  const std::uint16_t language_bit = language ? std::uint16_t(1u << *language) : 0;
  auto end_word = [&] {
    if (word.empty()) return;
    if (in_quote) {
      ++f.quoted_words;
    } else {
      ++words_outside;
      const auto found = l.words.find(word);
      if (found != l.words.end() && (found->second.address & language_bit)) {
        ++(word_letters >= 2 && word_capitals == word_letters ? capital_address : address);
      }
    }
    word.clear();
    word_letters = word_capitals = 0;
  };
  // Letters and spaces of ASCII without the Unicode tables.
  auto letter = [](char32_t c) {
    return c < 0x80 ? ((c | 0x20) >= U'a' && (c | 0x20) <= U'z') : unicode::is_letter(c);
  };
  auto space = [](char32_t c) {
    return c < 0x80 ? (c == U' ' || c == U'\t') : unicode::is_space(c);
  };
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = unicode::next_code_point(text, i);
    if (c == U'"') {
      end_word();
      in_quote = !in_quote;
    } else if (c == 0x201C || c == 0xAB || c == 0x201E) {
      end_word();
      in_quote = true;
    } else if (c == 0x201D || c == 0xBB) {
      end_word();
      in_quote = false;
    }
    if (letter(c) || (c == 0x2019 && !word.empty()) || c == U'\'') {
      if (c < 0x80) {
        const bool capital = c >= U'A' && c <= U'Z';
        word.push_back(static_cast<char>(capital ? c + 32 : c));
        word_capitals += capital;
        has_lower = has_lower || (c >= U'a' && c <= U'z');
      } else {
        const char32_t lower = to_lower(c == 0x2019 ? U'\'' : c);
        unicode::append_utf8(word, lower);
        word_capitals += lower != c && c != 0x2019;
        // A small letter of a script with capitals (Latin, Greek, Cyrillic, Armenian).
        has_lower = has_lower || (lower == c && c < 0x0590 && letter(c));
      }
      word_letters += c != 0x2019 && c != U'\'';
    } else {
      end_word();
    }
    if (c >= 0x3040 && is_wide(c)) {
      ++f.wide_chars;
      f.unspaced_chars += is_unspaced(c);
    }
    f.unstopped_chars += (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) ||
                         (c >= 0x1780 && c <= 0x17FF);
    if (!space(c)) {
      // Closing quotes and brackets, and the emoji and symbols a post ends with ("...
      // продолжить контакты. 👍 🇷🇺"), come after the sentence's end.
      const bool after_end =
          c == 0x201D || c == U'"' || c == 0x2019 || c == U'\'' || c == 0xBB || c == U')' ||
          (c >= 0x2000 && (unicode::is_symbol(c) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
                           (c >= 0x1F1E6 && c <= 0x1F1FF)));
      if (!after_end) last_but_quote = c;
    }
  }
  end_word();
  if (f.wide_chars > 0) f.unspaced_words = count_unspaced_words(f.normalised);
  f.sentence_end = last_but_quote == U'.' || last_but_quote == U'!' || last_but_quote == U'?' ||
                   last_but_quote == 0x2026 || last_but_quote == 0x3002 ||
                   last_but_quote == 0xFF01 || last_but_quote == 0xFF1F ||
                   last_but_quote == 0x061F || last_but_quote == 0x06D4 ||
                   last_but_quote == 0x0964 || last_but_quote == 0x0965 ||
                   last_but_quote == 0x104B || last_but_quote == 0x17D4;  // Myanmar, Khmer
  if (!has_lower) address += capital_address;
  f.address = words_outside ? double(address) / double(words_outside) : 0;
  if (language) {
    std::size_t function = 0;
    for (std::size_t i = 1; i < f.normalised.size();) {
      const std::size_t end = f.normalised.find(' ', i);
      const auto found = l.words.find(std::string_view(f.normalised).substr(i, end - i));
      function += found != l.words.end() && (found->second.function & language_bit);
      i = end + 1;
    }
    f.function_words = f.words ? double(function) / double(f.words) : 0;
  }
  // Credits.
  f.copyright = text.find("\xC2\xA9") != std::string_view::npos;  // ©
  std::size_t last_space = text.rfind(' ');
  const std::string_view last_token =
      text.substr(last_space == std::string_view::npos ? 0 : last_space + 1);
  const bool domain_tail =
      last_token.size() > 3 && last_token.find('.') != std::string_view::npos &&
      std::any_of(last_token.begin(), last_token.end(),
                  [](char c) { return c >= 'a' && c <= 'z'; }) &&
      last_token.find('.') + 2 < last_token.size() && last_token.back() != '.' &&
      std::all_of(last_token.begin(), last_token.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == '.' || c == '-' || (c >= '0' && c <= '9');
      });
  const bool bracket_tail = text.ends_with("]") && text.rfind('[') != std::string_view::npos &&
                            text.substr(text.rfind('[')).find('/') != std::string_view::npos;
  // "... on Tuesday. (John Smith/The Daily Herald)", "(AP Photo/Evan Vucci)".
  const std::size_t open_paren = text.rfind('(');
  const bool paren_tail =
      text.ends_with(")") && open_paren != std::string_view::npos &&
      text.substr(open_paren).find('/') != std::string_view::npos &&
      std::count(text.begin() + static_cast<std::ptrdiff_t>(open_paren), text.end(), ' ') <= 8;
  const bool agency_slash = text.find(" / ") != std::string_view::npos && effective_words(f) <= 30;
  // Every credit form has a slash, a label's colon, "by", a camera or opens with "Credit":
  // most blocks have none.
  const bool may_be_credit = text.find_first_of("/:\xF0") != std::string_view::npos ||
                             unicode::ascii_icontains(text, " by ") ||
                             unicode::ascii_istarts_with(text, "credit");
  f.agency_credit = may_be_credit && effective_words(f) <= 60 &&
                    (is_agency_credit(credit_after_caption(text), false) ||
                     (effective_words(f) <= 10 && is_agency_credit(text, true)));
  f.credit_tail = domain_tail || bracket_tail || paren_tail || (agency_slash && !f.sentence_end) ||
                  f.agency_credit;
  f.date_only = only_date(f.normalised);
  // A byline, or a line of stamps one of which is labelled a byline ("2026-11-20 09:30
  // 来源：新华社 作者：李明").
  auto labelled_part = [&] {
    if (text.find("\xEF\xBC\x9A") == std::string_view::npos) return false;  // no "："
    for (std::size_t at = text.find(' '); at != std::string_view::npos;
         at = text.find(' ', at + 1)) {
      if (glued_label_length(text.substr(at + 1)) > 0) return true;
    }
    return false;
  };
  f.byline = f.words <= 10 && !f.sentence_end && (is_byline(text) || labelled_part());
  f.menu = is_menu_line(text);
  f.list_marker = f.normalised.starts_with(" list ") && f.words <= 4 &&
                  text.find(" of ") != std::string_view::npos;
  f.tweet_signature = text.find("pic.twitter.com") != std::string_view::npos ||
                      ((text.starts_with("\xE2\x80\x94") || text.starts_with("- ")) &&
                       text.find("(@") != std::string_view::npos);
  // The most specific chrome phrase: the longest one found. Each word of the block is
  // looked up as the first word of a phrase; unspaced (CJK) phrases are searched for.
  std::size_t best_length = 0;
  auto consider = [&](const ChromePhrase& p) {
    RemovalReason reason;
    if (p.phrase.size() <= best_length || !removal_reason_from_name(p.reason, reason)) return;
    f.phrase = reason;
    // A label prefix ("Photo:", "Foto:") is as telling as a phrase of two words.
    f.phrase_words = static_cast<std::size_t>(std::count(p.phrase.begin(), p.phrase.end(), ' ')) +
                     1 + (p.phrase.back() == ':' ? 1 : 0);
    best_length = p.phrase.size();
  };
  std::string_view normalised_view = f.normalised;
  auto match_phrases_at = [&](std::size_t i, std::string_view first_word) {
    const auto found = l.phrases_by_first_word.find(first_word);
    if (found == l.phrases_by_first_word.end()) return;
    for (const ChromePhrase* p : found->second) {
      const std::size_t phrase_end = i + p->phrase.size();
      // A phrase ends at a space, or at the colon of a label ("Lee también: ...").
      const bool matches = normalised_view.compare(i, p->phrase.size(), p->phrase) == 0 &&
                           phrase_end < normalised_view.size() &&
                           (normalised_view[phrase_end] == ' ' ||
                            normalised_view[phrase_end] == ':' || p->phrase.back() == ':');
      if (!matches) continue;
      const std::size_t before = best_length;
      consider(*p);
      if (best_length != before) {
        f.phrase_opens = i == 1 && (normalised_view[phrase_end] == ':' || p->phrase.back() == ':');
      }
    }
  };
  auto match_words = [&] {
    for (std::size_t i = 1; i < normalised_view.size();) {
      const std::size_t end = normalised_view.find(' ', i);
      const std::string_view token = normalised_view.substr(i, end - i);
      match_phrases_at(i, token);
      if (token.size() > 1 && token.back() == ':')
        match_phrases_at(i, token.substr(0, token.size() - 1));
      i = end + 1;
    }
  };
  match_words();
  // A menu run together ("Skip to contentSkip to site indexSearch"): its phrases are also
  // looked for with its words apart.
  std::string apart;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const auto before = static_cast<unsigned char>(text[i - 1]);
    const auto at = static_cast<unsigned char>(text[i]);
    if (before >= 'a' && before <= 'z' && at >= 'A' && at <= 'Z') {
      if (apart.empty()) apart.assign(text.substr(0, i));
      apart.push_back(' ');
    }
    if (!apart.empty()) apart.push_back(text[i]);
  }
  if (!apart.empty()) {
    const std::string apart_normalised = normalise_for_matching(apart);
    normalised_view = apart_normalised;
    match_words();
    normalised_view = f.normalised;
  }
  for (const ChromePhrase* p : l.unspaced_phrases) {
    // A label with its full-width colon ("来源：") is looked for as written: normalising
    // drops the colon.
    const bool colon_label = p->phrase.ends_with("\xEF\xBC\x9A");
    if ((colon_label ? text : normalised_view).find(p->phrase) == std::string_view::npos) continue;
    const std::size_t before = best_length;
    consider(*p);
    if (best_length == before) continue;
    // Opening the block as a label: "相关新闻：..." (a full-width or an ASCII colon).
    const std::string_view rest =
        text.starts_with(p->phrase) ? text.substr(p->phrase.size()) : std::string_view();
    f.phrase_opens = rest.starts_with(":") || rest.starts_with("\xEF\xBC\x9A") ||
                     p->phrase.ends_with("\xEF\xBC\x9A");
  }
  return f;
}

// --- Verdicts ----------------------------------------------------------------------------

enum class Kind {
  kGood,       // article prose
  kUncertain,  // short or odd: decided by context
  kCandidate,  // looks like chrome (reader address, a credit, a date), if context agrees
  kChrome,     // chrome on its own evidence
};

struct Thresholds {
  double address;           // reader address that makes a paragraph an appeal
  double address_phrase;    // with a chrome phrase, less is enough
  std::size_t label_words;  // a block this short with a chrome phrase is that chrome
  bool remove_embeds;       // embedded social posts
};

Thresholds thresholds_for(CleanBias bias) {
  switch (bias) {
    case CleanBias::kPrecision: return {0.12, 0.06, 6, false};
    case CleanBias::kRecall: return {0.05, 0.02, 18, true};
    case CleanBias::kBalanced: break;
  }
  return {0.08, 0.04, 15, false};
}

struct Judgement {
  Kind kind = Kind::kUncertain;
  RemovalReason reason = RemovalReason::kNavigation;
};

Judgement judge(const Features& f, const Thresholds& t, std::string_view text) {
  const std::size_t words = effective_words(f);
  // Embedded posts are often what the story quotes; only the recall bias removes them.
  if (f.tweet_signature)
    return {t.remove_embeds ? Kind::kChrome : Kind::kGood, RemovalReason::kSocialEmbed};
  if (f.list_marker) return {Kind::kChrome, RemovalReason::kRelatedLinks};
  // What a picture shows is described for those who cannot see it, not written for readers.
  if (f.picture) return {Kind::kChrome, RemovalReason::kCaptionCredit};
  if (f.menu && !f.byline && !f.date_only)
    return {Kind::kChrome, f.phrase ? *f.phrase : RemovalReason::kNavigation};
  if (f.copyright && words <= 25) return {Kind::kChrome, RemovalReason::kFooterLegal};
  if (f.phrase) {
    // A one-word phrase ("Home", "Related", "Twitter") is a label only when it is nearly the
    // whole block, or a short line that speaks to the reader ("Suscríbete a nuestra
    // newsletter"); a longer one ("Sign up for our newsletter") in any short block.
    // A phrase of five words or more is a widget's own wording ("Your email address will
    // not be published"), which a sentence of the article does not repeat: a longer block
    // holding it is that widget too.
    const bool label =
        f.phrase_words >= 5 ? words <= t.label_words + 10
        : f.phrase_words >= 2
            ? words <= t.label_words && (!f.sentence_end || f.address > 0 || words <= 4)
            : words <= 3 || (words <= 6 && !f.sentence_end && f.address > 0);
    // A label that opens the block ("Auch lesen: Wie teuer wird das Heizen?") introduces
    // a link, whatever the link's headline ends with.
    const bool opening_label =
        f.phrase_opens && words <= t.label_words + 10 &&
        (*f.phrase == RemovalReason::kRelatedLinks || *f.phrase == RemovalReason::kReadMore);
    if (label || opening_label ||
        (f.address >= t.address_phrase && f.phrase_words >= 2 && words <= 40))
      return {Kind::kChrome, *f.phrase};
  }
  // A credit in the forms agencies give it is a caption's, wherever the caption is.
  const bool bracket_credit = text.ends_with("]") && f.credit_tail;
  if (bracket_credit || f.agency_credit) return {Kind::kChrome, RemovalReason::kCaptionCredit};
  // A short call to action: "Support The Moscow Times!", "Subscribe now!".
  if (f.sentence_end && words <= 8 && text.ends_with("!")) {
    if (f.normalised.find(" support") != std::string::npos ||
        f.normalised.find(" donat") != std::string::npos) {
      return {Kind::kChrome, RemovalReason::kDonationAppeal};
    }
    if (f.normalised.find(" subscri") != std::string::npos)
      return {Kind::kChrome, RemovalReason::kSubscription};
  }
  if (f.byline || f.date_only) return {Kind::kCandidate, RemovalReason::kBylineDateline};
  if (f.credit_tail && words <= 40) return {Kind::kCandidate, RemovalReason::kCaptionCredit};
  const bool mostly_quoted = f.quoted_words * 2 > f.words;
  if (f.address >= t.address && words >= 6 && !mostly_quoted) {
    // Reader address is an appeal, unless the block names the box it belongs to.
    const bool named = f.phrase && (*f.phrase == RemovalReason::kNewsletter ||
                                    *f.phrase == RemovalReason::kSubscription ||
                                    *f.phrase == RemovalReason::kCookieNotice);
    return {Kind::kCandidate, named ? *f.phrase : RemovalReason::kDonationAppeal};
  }
  // (A headline of those scripts is shorter than 80 letters.)
  const bool prose = (f.sentence_end || f.unstopped_chars >= 80) &&
                     (words >= 8 || f.wide_chars >= 20 || f.unstopped_chars >= 40) &&
                     (f.function_words >= 0.12 || f.wide_chars >= 20 || f.function_words == 0);
  if (prose) return {Kind::kGood, {}};
  return {Kind::kUncertain, {}};
}

bool is_label(const Features& f) {
  return effective_words(f) <= 5 && !f.sentence_end;
}

bool headline_like(const Features& f) {
  const std::size_t words = effective_words(f);
  return words >= 2 && words <= 22 && !(f.sentence_end && words > 12);
}

}  // namespace

// --- Batch signals -------------------------------------------------------------------------

namespace {

// FNV-1a, 64-bit: the same value on every platform.
std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 0xCBF29CE484222325ull) {
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
  return h;
}

// Word 3-shingles of a block; a short block is one shingle of all its words.
std::vector<std::uint64_t> shingles_of(std::string_view normalised) {
  std::vector<std::string_view> words;
  for (std::size_t i = 1; i < normalised.size();) {
    const std::size_t end = normalised.find(' ', i);
    if (end > i) words.push_back(normalised.substr(i, end - i));
    i = end + 1;
  }
  std::vector<std::uint64_t> out;
  if (words.size() < 3) {
    if (!words.empty()) out.push_back(fnv1a(normalised));
    return out;
  }
  for (std::size_t i = 0; i + 3 <= words.size(); ++i) {
    std::uint64_t h = fnv1a(words[i]);
    h = fnv1a(" ", h);
    h = fnv1a(words[i + 1], h);
    h = fnv1a(" ", h);
    out.push_back(fnv1a(words[i + 2], h));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

void BatchSignals::add_document(const std::vector<Block>& blocks) {
  const auto id = static_cast<std::uint32_t>(documents_.size());
  DocumentShingles doc;
  for (const Block& block : blocks) {
    doc.blocks.push_back(shingles_of(normalise_for_matching(block.text)));
    for (std::uint64_t s : doc.blocks.back()) {
      auto& docs = postings_[s];
      if (docs.empty() || docs.back() != id) docs.push_back(id);
    }
  }
  documents_.push_back(std::move(doc));
  near_copies_.clear();
}

// Two documents are near copies (the same article scraped twice, a syndicated copy) when
// most of the longer blocks of the smaller one are in the other: what they share is then
// the article, not chrome.
// A shingle in more documents than this is boilerplate of the whole batch: it recurs, and it
// says nothing about which documents are copies. Capping the walk keeps big batches linear.
constexpr std::size_t kCommonShingle = 256;

void BatchSignals::compute_near_copies() const {
  const std::size_t n = documents_.size();
  near_copies_.assign(n, std::vector<bool>(n, false));
  for (std::size_t d = 0; d < n; ++d) {
    std::vector<std::size_t> shared(n, 0);
    std::size_t total = 0;
    for (const auto& block : documents_[d].blocks) {
      if (block.size() < 8) continue;  // long blocks only: chrome is mostly short
      for (std::uint64_t s : block) {
        const auto& docs = postings_.at(s);
        if (docs.size() > kCommonShingle) continue;
        ++total;
        for (std::uint32_t other : docs) shared[other] += other != d;
      }
    }
    for (std::size_t e = 0; e < n; ++e) {
      if (e != d && total > 0 && shared[e] * 2 > total)
        near_copies_[d][e] = near_copies_[e][d] = true;
    }
  }
}

bool BatchSignals::recurs(std::size_t document, std::size_t block) const {
  if (documents_.size() < 2 || document >= documents_.size()) return false;
  if (near_copies_.size() != documents_.size()) compute_near_copies();
  const auto& shingles = documents_[document].blocks.at(block);
  if (shingles.empty()) return false;
  // Near copy of a block elsewhere: most of its shingles in one other document.
  std::vector<std::size_t> shared(documents_.size(), 0);
  std::size_t common = 0;
  for (std::uint64_t s : shingles) {
    const auto& docs = postings_.at(s);
    if (docs.size() > kCommonShingle) {
      ++common;
      continue;
    }
    for (std::uint32_t other : docs) {
      if (other != document && !near_copies_[document][other]) ++shared[other];
    }
  }
  const std::size_t best = *std::max_element(shared.begin(), shared.end()) + common;
  return best * 10 >= shingles.size() * 6;
}

// --- Classification ------------------------------------------------------------------------

std::vector<Verdict> classify(const std::vector<Block>& blocks, CleanBias bias,
                              const BatchSignals* batch, std::size_t document) {
  const std::size_t n = blocks.size();
  std::vector<std::string> normalised;
  normalised.reserve(n);
  for (const Block& b : blocks) normalised.push_back(normalise_for_matching(b.text));
  const std::optional<std::size_t> language = document_language(normalised);
  const Thresholds t = thresholds_for(bias);

  std::vector<Features> features;
  std::vector<Judgement> j;
  features.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    features.push_back(features_of(blocks[i], std::move(normalised[i]), language));
    j.push_back(judge(features.back(), t, blocks[i].text));
  }
  std::vector<Kind> initial;  // each block's verdict on its own evidence, before context
  for (const Judgement& judgement : j) initial.push_back(judgement.kind);

  // An embedded post: the blocks just before its signature that read like one.
  for (std::size_t i = 0; i < n && t.remove_embeds; ++i) {
    if (!features[i].tweet_signature) continue;
    for (std::size_t k = i; k-- > 0 && i - k <= 3;) {
      const std::string_view text = blocks[k].text;
      // A post's lines start with an emoji or symbol ("💬 President...") or carry its link.
      const bool post_like = text.find("pic.twitter.com") != std::string_view::npos ||
                             (!text.empty() && static_cast<unsigned char>(text[0]) >= 0xE2);
      if (!post_like) break;
      j[k] = {Kind::kChrome, RemovalReason::kSocialEmbed};
    }
  }

  // The title, if the page has one: the longest headline-like block before the prose
  // (menu labels are short). Found again below, once the edges are settled.
  // Whether block `dek` reads as the standfirst of the headline `above` it. Both are worded
  // as sentences are, with function words, where a menu ("Política Economia Mundo
  // Tecnologia") is a list of names.
  auto is_dek_under = [&](std::size_t above, std::size_t dek) {
    const Features& h = features[above];
    return dek == above + 1 && j[above].kind == Kind::kUncertain && headline_like(h) &&
           !h.sentence_end && !h.phrase && effective_words(h) >= 4 && h.function_words > 0 &&
           features[dek].function_words > 0 && effective_words(features[dek]) >= 8 &&
           !features[dek].phrase && effective_words(h) < effective_words(features[dek]);
  };
  auto find_title = [&] {
    std::size_t first_prose = 0;
    while (first_prose < n && j[first_prose].kind != Kind::kGood) ++first_prose;
    // A headline may ask or exclaim ("Is the euro in trouble again?"), and then, though it
    // ends a sentence, it is short and names no box; one long enough to be judged prose is
    // the title when it opens the prose.
    auto asks = [&](std::size_t k) {
      const std::string_view text = blocks[k].text;
      return (text.ends_with("?") || text.ends_with("!") || text.ends_with("\xEF\xBC\x9F") ||
              text.ends_with("\xEF\xBC\x81")) &&
             effective_words(features[k]) <= 16 && !features[k].phrase;
    };
    std::size_t title = n;
    for (std::size_t k = 0; k < first_prose; ++k) {
      if (j[k].kind != Kind::kUncertain || !headline_like(features[k]) ||
          (features[k].sentence_end && !asks(k)))
        continue;
      // A page's title line first, with the site's name after a bar ("Fed holds rates
      // steady | CNN Business"), is the title, however long the glued menus under it.
      if (k == 0 && blocks[0].text.find(" | ") != std::string::npos) return k;
      if (title == n || effective_words(features[k]) > effective_words(features[title])) title = k;
    }
    // A standfirst without a full stop is longer than the headline right above it ("Центробанк
    // сохранил ключевую ставку" / "Регулятор указал на замедление инфляции, но..."): a dek
    // follows a headline of four words or more, where a menu label or a site's name is shorter.
    if (title != n && title > 0 && is_dek_under(title - 1, title)) return title - 1;
    if (title == n && first_prose + 1 < n && asks(first_prose) &&
        j[first_prose + 1].kind == Kind::kGood)
      return first_prose;
    return title;
  };

  // Regions opened by a related-links label ("Keep reading", "Read more", "More on this"):
  // headline-like blocks that follow are the links, until prose resumes, the list ends or
  // the page's title comes ("Continue reading the main story" above a headline).
  const std::size_t early_title = find_title();
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = features[i].phrase;
    // A label opens a list; one that carries its link after a colon ("Read more: Why
    // mortgage rates are still rising") is the whole of it, and a subheading after it is
    // the article's.
    const bool carries_link =
        features[i].phrase_opens && effective_words(features[i]) > features[i].phrase_words + 2;
    const bool opens = j[i].kind == Kind::kChrome && p && !carries_link &&
                       (*p == RemovalReason::kRelatedLinks || *p == RemovalReason::kReadMore);
    if (!opens) continue;
    for (std::size_t k = i + 1; k < n; ++k) {
      if (j[k].kind == Kind::kGood || !headline_like(features[k]) || k == early_title) break;
      // A block that names another box (a cookie notice after the list) ends the list.
      const auto& other = features[k].phrase;
      if (other && *other != RemovalReason::kRelatedLinks && *other != RemovalReason::kReadMore)
        break;
      if (j[k].kind != Kind::kChrome) j[k] = {Kind::kChrome, RemovalReason::kRelatedLinks};
      if (features[k].normalised == " end of list ") break;
    }
  }

  // Recurring across the batch: a short or odd block that recurs is chrome on that
  // evidence ("Dear readers,"); recurring prose only where other chrome is next to it, since
  // outlets quote the same statements and wire copy is shared.
  // When most of a document's prose recurs, it shares its body with another document (a
  // copy the pairwise test missed): then recurrence says nothing about its chrome.
  if (batch) {
    std::vector<bool> recurring(n, false);
    std::size_t good = 0, good_recurring = 0;
    for (std::size_t i = 0; i < n; ++i) {
      recurring[i] = batch->recurs(document, i);
      good += j[i].kind == Kind::kGood;
      good_recurring += j[i].kind == Kind::kGood && recurring[i];
    }
    if (good_recurring * 2 <= good) {
      for (std::size_t i = 0; i < n; ++i) {
        if (j[i].kind == Kind::kChrome || !recurring[i]) continue;
        j[i] = {j[i].kind == Kind::kGood ? Kind::kCandidate : Kind::kChrome,
                RemovalReason::kRepeatedInBatch};
      }
    }
  }

  // A menu down the edge of the page: three or more labels of a word or two in a row,
  // before the first paragraph of prose or after the last ("Startseite", "Politik",
  // "Wirtschaft"). Within the article such a run may be a list, and is left to context.
  {
    std::size_t first_prose = n, last_prose = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (j[i].kind != Kind::kGood) continue;
      first_prose = std::min(first_prose, i);
      last_prose = i;
    }
    // Menu labels are words: a count or a price ("61 голос", "$309.16") is data.
    auto menu_item = [&](std::size_t k) {
      const std::string_view text = blocks[k].text;
      return j[k].kind == Kind::kUncertain && effective_words(features[k]) <= 2 &&
             !features[k].sentence_end &&
             std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    for (std::size_t i = 0; i < n;) {
      std::size_t end = i;
      while (end < n && menu_item(end)) ++end;
      const bool at_edge = first_prose == n || end <= first_prose || i > last_prose;
      if (end - i >= 3 && at_edge) {
        for (std::size_t k = i; k < end; ++k) j[k] = {Kind::kChrome, RemovalReason::kNavigation};
      }
      i = end == i ? i + 1 : end;
    }
  }

  // Where the article's prose is: its first and last paragraphs.
  std::size_t first_good = n, last_good = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (j[i].kind != Kind::kGood) continue;
    if (first_good == n) first_good = i;
    last_good = i;
  }
  const bool has_prose = first_good != n;

  // Runs of blocks between paragraphs of prose. A run with evidence of chrome in it is
  // chrome around that evidence: its candidates, its labels, and at the edges of the
  // article everything but a title, a standfirst or a closing sentence. A run without
  // evidence is left alone: clean text loses nothing.
  // The prose paragraphs at the edges that address the reader join the run next to them
  // ("We are facing unprecedented challenges... our staff" in an appeal's body).
  // Evidence is a block that is chrome on its own, except a photo credit, which belongs to
  // its picture wherever that is; or a byline and a dateline, which confirm each other; or,
  // at the page's edges, where there is no prose it could belong to, a short line that
  // names its box ("Подписывайтесь на наш канал в Telegram", "责任编辑：王明").
  // Stamps alone are evidence of themselves: inside the article, the question an interview
  // puts to its guest ("You have written about every season now. Why return to winter?")
  // under its byline and date stays.
  enum class Evidence { kNone, kStamps, kChrome };
  auto evidence_in = [&](std::size_t begin, std::size_t end, bool at_edge) {
    std::size_t stamps = 0;
    for (std::size_t k = begin; k < end; ++k) {
      if (j[k].kind == Kind::kChrome && j[k].reason != RemovalReason::kCaptionCredit)
        return Evidence::kChrome;
      stamps += j[k].kind == Kind::kCandidate && j[k].reason == RemovalReason::kBylineDateline;
      const auto& box = features[k].phrase;
      if (at_edge && box && *box != RemovalReason::kCaptionCredit &&
          effective_words(features[k]) <= 8 && !features[k].sentence_end)
        return Evidence::kChrome;
    }
    if (stamps < 2) return Evidence::kNone;
    return at_edge ? Evidence::kChrome : Evidence::kStamps;
  };
  const std::size_t title_index = find_title();
  bool title_seen = false;
  // A byline, a dateline or a photo credit that awaits context to be removed.
  auto stamp = [&](std::size_t k) {
    return k < n && j[k].kind == Kind::kCandidate &&
           (j[k].reason == RemovalReason::kBylineDateline ||
            j[k].reason == RemovalReason::kCaptionCredit);
  };
  // A kicker right above the title ("ANALYSIS", "Exclusive") labels the story, and the
  // section names above that ("Travel" / "Destinations") place it: they are not the title,
  // nor article text. Looked for down to block `floor`.
  auto labels_above = [&](std::size_t title, std::size_t floor) {
    for (std::size_t above = title;
         above > floor && j[above - 1].kind == Kind::kUncertain &&
         effective_words(features[above - 1]) <= 2 && !features[above - 1].sentence_end;
         --above) {
      j[above - 1] = {Kind::kChrome, RemovalReason::kNavigation};
    }
  };
  // A subheading: three words or more, naming no box, and not an address or a listing
  // ("corso Monforte, 15, Milan": a number among commas).
  auto subheading_like = [&](std::size_t k) {
    const std::string_view text = blocks[k].text;
    const bool listing = text.find(',') != std::string_view::npos &&
                         text.find_first_of("0123456789") != std::string_view::npos;
    return !features[k].phrase && effective_words(features[k]) >= 3 && !listing;
  };
  for (std::size_t i = 0; i < n;) {
    if (j[i].kind == Kind::kGood) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < n && j[end].kind != Kind::kGood) ++end;
    const bool top = !has_prose || i < first_good;
    const bool bottom = has_prose && i > last_good;
    const Evidence evidence = evidence_in(i, end, top || bottom);
    // The article's last short sentences, right after its last paragraph and before the
    // chrome ("No casualties have been reported." / "The quake was felt in Rome."): a run
    // of sentences that name no box.
    std::size_t closing_end = i;
    while (bottom && closing_end < end && j[closing_end].kind == Kind::kUncertain &&
           features[closing_end].sentence_end && !features[closing_end].phrase &&
           effective_words(features[closing_end]) >= 3)
      ++closing_end;
    for (std::size_t k = i; k < end; ++k) {
      Features& f = features[k];
      if (j[k].kind == Kind::kChrome) continue;
      // The title is the longest headline-like block at the top (menu labels are short);
      // a credit right under it is a photo credit even without other evidence.
      if (top && !title_seen && k == title_index) {
        title_seen = true;
        labels_above(k, i);
        continue;
      }
      if (evidence == Evidence::kNone) continue;
      if (evidence == Evidence::kStamps) {
        if (stamp(k)) j[k].kind = Kind::kChrome;
        continue;
      }
      if (j[k].kind == Kind::kCandidate) {
        j[k].kind = Kind::kChrome;
        // Reader address alone does not say which box it is; a neighbour's phrase does.
        if (j[k].reason == RemovalReason::kDonationAppeal) {
          for (std::size_t other : {k + 1, k - 1}) {
            if (other < i || other >= end || !features[other].phrase) continue;
            const RemovalReason r = *features[other].phrase;
            if (r == RemovalReason::kNewsletter || r == RemovalReason::kSubscription ||
                r == RemovalReason::kCookieNotice) {
              j[k].reason = r;
              break;
            }
          }
        }
        continue;
      }
      const bool standfirst =
          top && effective_words(f) >= 8 &&
          (f.sentence_end || (title_index != n && k == title_index + 1 && is_dek_under(k - 1, k)));
      const bool closing =
          bottom && (k < closing_end || (k == i && f.sentence_end && effective_words(f) >= 3));
      if ((top || bottom) && !standfirst && !closing) {
        // A block that names its box keeps that name; the rest of an edge is its menu or
        // its footer.
        j[k] = {Kind::kChrome, f.phrase ? *f.phrase
                               : bottom ? RemovalReason::kFooterLegal
                                        : RemovalReason::kNavigation};
      } else if (is_label(f) && !(k + 1 == end && end < n && subheading_like(k))) {
        // A label among chrome takes the reason of its nearest chrome neighbour; not the
        // last of the run when it reads as the subheading of the prose that follows ("What
        // economists expect next" after a read-more link).
        RemovalReason reason = RemovalReason::kNavigation;
        for (std::size_t d = 1; d <= 3; ++d) {
          if (k >= i + d && j[k - d].kind == Kind::kChrome) {
            reason = j[k - d].reason;
            break;
          }
          if (k + d < end && j[k + d].kind == Kind::kChrome) {
            reason = j[k + d].reason;
            break;
          }
        }
        j[k] = {Kind::kChrome, reason};
      }
    }
    i = end;
  }
  // A caption flattened onto one line with its credit ("Residents walked through flooded
  // streets on Tuesday.Credit...Maria Lopez"): the text glued right before a credit is the
  // caption.
  for (std::size_t k = 1; k < n; ++k) {
    // The credit alone ("Credit...Maria Lopez for The New York Times"), not a caption that
    // carries its own.
    const bool credit = j[k].kind == Kind::kChrome &&
                        j[k].reason == RemovalReason::kCaptionCredit && features[k].agency_credit &&
                        is_agency_credit(blocks[k].text, true);
    // (At the page's edges it may be chrome already, named only for where it stands.)
    const bool named = j[k - 1].kind == Kind::kChrome &&
                       j[k - 1].reason != RemovalReason::kNavigation &&
                       j[k - 1].reason != RemovalReason::kFooterLegal;
    if (credit && blocks[k].glued && blocks[k - 1].line == blocks[k].line && !named &&
        effective_words(features[k - 1]) <= 40)
      j[k - 1] = {Kind::kChrome, RemovalReason::kCaptionCredit};
  }
  // Under the title, and under its standfirst, the story's stamps: a byline, a dateline, the
  // lead photo's credit, even alone, without other evidence ("Di Maio lascia il partito" /
  // "di Marco Rossi"; "22.11.2026 14:05 Güncelleme: 22.11.2026 14:30" between the standfirst
  // and the first paragraph, where a run needs two stamps to show itself).
  if (title_index != n) {
    std::size_t k = title_index + 1;
    if (k < n && j[k].kind == Kind::kGood && k == first_good && stamp(k + 1)) ++k;
    for (; stamp(k); ++k) j[k].kind = Kind::kChrome;
  }
  // The labels above a title that was judged prose (a question long enough to be a
  // sentence): the runs above saw no title to place them by.
  if (title_index != n && j[title_index].kind == Kind::kGood) labels_above(title_index, 0);
  // A short paragraph between two chrome blocks is their blurb ("Newsletter abonnieren" /
  // "Die wichtigsten Nachrichten ... per E-Mail." / "Mehr zum Thema"). A blurb is a line, or
  // speaks to the reader, or names its box: a longer paragraph that does none of these is the
  // article going on after an inline box ("La medida beneficiará a unos 2,5 millones...").
  for (std::size_t i = 1; i + 1 < n; ++i) {
    const auto& box = features[i - 1].phrase;
    const bool has_blurb =
        box && (*box == RemovalReason::kNewsletter || *box == RemovalReason::kSubscription ||
                *box == RemovalReason::kDonationAppeal || *box == RemovalReason::kCookieNotice);
    const bool blurb_like = effective_words(features[i]) <= 12 || features[i].address > 0 ||
                            features[i].phrase.has_value();
    if (j[i].kind == Kind::kGood && effective_words(features[i]) <= 25 && blurb_like &&
        j[i - 1].kind == Kind::kChrome && j[i + 1].kind == Kind::kChrome && has_blurb) {
      j[i] = {Kind::kChrome, j[i - 1].reason};
    }
  }
  // Prose at the edges that addresses the reader, next to an appeal, a newsletter or a
  // subscription box, is part of it. Next to other chrome it is the article's own last word
  // ("If you are dealing with flood damage yourself, be patient." above a share bar).
  auto appeal_box = [&](std::size_t k) {
    const RemovalReason r = j[k].reason;
    return j[k].kind == Kind::kChrome &&
           (r == RemovalReason::kDonationAppeal || r == RemovalReason::kNewsletter ||
            r == RemovalReason::kSubscription);
  };
  if (has_prose) {
    // The article's last paragraphs, when they are its author's note ("Jane Tremblay is a
    // senior reporter with CBC News... You can reach her at..."). A story about a reporter
    // may end on the same words, so the note must also name the byline's author or say how
    // to reach them.
    std::vector<std::string> authors;
    for (std::size_t i = 0; i < n; ++i) {
      if (!features[i].byline) continue;
      std::string name = read_stamp(blocks[i].text).byline;
      if (!name.empty()) authors.push_back(std::move(name));
    }
    auto vouched = [&](std::size_t k) {
      const std::string_view note = blocks[k].text, words = features[k].normalised;
      for (const std::string& name : authors) {
        if (note.starts_with(name)) return true;
      }
      return note.find('@') != std::string_view::npos ||
             words.find(" follow ") != std::string_view::npos ||
             words.find(" reach ") != std::string_view::npos ||
             words.find(" contact ") != std::string_view::npos;
    };
    for (std::size_t i = last_good + 1; i-- > first_good;) {
      if (j[i].kind != Kind::kGood || i == first_good || effective_words(features[i]) > 80 ||
          !is_author_note(blocks[i].text, features[i].normalised) || !vouched(i))
        break;
      j[i] = {Kind::kChrome, RemovalReason::kBylineDateline};
    }
    // The page's last prose, when it is the legal line ("Усі права захищені. Використання
    // матеріалів дозволяється за умови посилання на сайт.") with nothing but chrome after it.
    for (std::size_t i = last_good + 1; i-- > first_good;) {
      const auto& phrase = features[i].phrase;
      if (j[i].kind != Kind::kGood || !phrase || *phrase != RemovalReason::kFooterLegal ||
          effective_words(features[i]) > 40 || i == first_good)
        break;
      j[i] = {Kind::kChrome, RemovalReason::kFooterLegal};
    }
    for (std::size_t i = last_good + 1; i-- > first_good;) {
      if (j[i].kind == Kind::kGood && features[i].address >= t.address_phrase && i + 1 < n &&
          appeal_box(i + 1)) {
        j[i] = {Kind::kChrome, RemovalReason::kDonationAppeal};
      } else if (j[i].kind == Kind::kGood) {
        break;
      }
    }
    for (std::size_t i = first_good; i <= last_good; ++i) {
      if (j[i].kind == Kind::kGood && features[i].address >= t.address_phrase && i > 0 &&
          appeal_box(i - 1)) {
        j[i] = {Kind::kChrome, RemovalReason::kDonationAppeal};
      } else if (j[i].kind == Kind::kGood) {
        break;
      }
    }
  }

  std::vector<Verdict> verdicts(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (j[i].kind == Kind::kChrome) verdicts[i] = {false, j[i].reason};
  }
  // Never empty a document by context alone: if no more than a title would remain, keep
  // all but what is chrome on its own evidence. An empty article should mean there is none.
  const auto kept =
      std::count_if(verdicts.begin(), verdicts.end(), [](const Verdict& v) { return v.keep; });
  if (kept <= 1 && n >= 3) {
    for (std::size_t i = 0; i < n; ++i) {
      if (initial[i] != Kind::kChrome) verdicts[i] = Verdict{};
    }
  }
  return verdicts;
}

// --- Stamps ------------------------------------------------------------------------------

namespace {

// Without the spaces, commas and hyphens a part of a stamp line starts or ends with.
std::string_view trim_stamp_part(std::string_view s) {
  auto edge = [](char c) { return c == ' ' || c == ',' || c == '-'; };
  while (!s.empty() && edge(s.front())) s.remove_prefix(1);
  while (!s.empty() && edge(s.back())) s.remove_suffix(1);
  return s;
}

// The date of a dateline, without the words that introduce it ("Updated 3:45 PM" -> "3:45
// PM", "Publié le 12 mars 2024" -> "12 mars 2024").
std::string_view date_part(std::string_view text) {
  while (true) {
    const std::size_t space = text.find(' ');
    if (space == std::string_view::npos) return text;
    const std::string lowered = normalise_for_matching(text.substr(0, space));
    std::string_view word = std::string_view(lowered).substr(1, lowered.size() - 2);
    if (word.ends_with(':')) word.remove_suffix(1);  // "Posted: Nov 19, 2026"
    const WordLanguages info = word_info(word);
    if (!info.dateline || info.month) return text;
    text = trim_stamp_part(text.substr(space + 1));
  }
}

}  // namespace

Stamp read_stamp(std::string_view text) {
  Stamp stamp;
  static constexpr std::string_view kSeparators[] = {
      " | ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", "\n"};
  auto take = [&](std::string_view part, auto& self) -> void {
    part = trim_stamp_part(part);
    if (part.empty()) return;
    const std::size_t space = part.find(' ');
    const bool date = only_date(normalise_for_matching(part));
    if (!date && !is_byline(part)) {
      // A date and a byline side by side without a separator ("20 de noviembre de 2026 Por
      // Lucía Fernández"): cut where the byline starts.
      for (std::size_t at = part.find(' '); at != std::string_view::npos;
           at = part.find(' ', at + 1)) {
        if (is_byline(part.substr(at + 1))) {
          self(part.substr(0, at), self);
          self(part.substr(at + 1), self);
          return;
        }
      }
      return;
    }
    if (const std::size_t label = glued_label_length(part); stamp.byline.empty() && label > 0) {
      stamp.byline = std::string(trim_stamp_part(part.substr(label)));
    } else if (stamp.byline.empty() && !date && space != std::string_view::npos) {
      stamp.byline = std::string(trim_stamp_part(part.substr(space + 1)));
      if (stamp.byline.starts_with(":"))
        stamp.byline = std::string(trim_stamp_part(stamp.byline.substr(1)));
    } else if (stamp.date.empty() && date) {
      // The first date, without a second one in brackets ("12 ottobre 2024 (modifica il
      // 12 ottobre 2024 | 18:40)").
      const std::string_view first = part.substr(0, part.find(" ("));
      stamp.date = std::string(date_part(only_date(normalise_for_matching(first)) ? first : part));
    }
  };
  // Split at every separator, of whatever kind ("Jane Tremblay · CBC News · Posted: Nov 19,
  // 2026 | Last Updated: 2 hours ago"); a part may be a byline or a date, and the first of
  // each is taken.
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.size(), length = 0;
    for (std::string_view separator : kSeparators) {
      const std::size_t at = text.find(separator, start);
      if (at < end) end = at, length = separator.size();
    }
    take(text.substr(start, end - start), take);
    start = end + std::max<std::size_t>(length, 1);
  }
  return stamp;
}

}  // namespace winnow
