// classify_page(): which blocks of a page are its article.
//
// Two passes. First the article's place in the tree: every prose block scores its
// ancestors (fully its parent, less each generation up), as Readability and its heirs do;
// an element's score then weighs its link density, its tag, and the words of its class
// and id. The best element, raised to an ancestor that scores better, and its siblings
// that carry prose, hold the article. Then, inside it, the chrome that pages put among the
// paragraphs goes: captions, the headline, elements named for chrome, link lists, and
// whatever the text signals (classify()) call chrome.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <unordered_map>
#include <utility>

#include "classify/classify.hpp"

namespace winnow {
namespace {

using html::Attribute;
using html::Document;
using html::kNoNode;
using html::Node;
using html::NodeId;
using html::NodeKind;
using html::Tag;

// --- the words of class and id attributes ---

// Calls `visit` with each lower-case word of "article__body relatedStories share-bar_2":
// article, body, related, stories, share, bar. Digits are dropped ("ad-slot-2" says
// nothing more than "ad-slot"); words longer than 48 letters are cut there.
template <typename Visit>
void for_each_name_word(std::string_view value, Visit&& visit) {
  char word[48];
  std::size_t length = 0;
  auto end_word = [&] {
    if (length > 0) visit(std::string_view(word, length));
    length = 0;
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    const bool digit = c >= '0' && c <= '9';
    if (!upper && !lower && !digit) {
      end_word();
      continue;
    }
    if (upper && i > 0 && value[i - 1] >= 'a' && value[i - 1] <= 'z') end_word();
    if (digit || length == sizeof word) continue;
    word[length++] = upper ? static_cast<char>(c + 32) : c;
  }
  end_word();
}

struct ChromeWord {
  std::string_view word;
  bool prefix;  // matches words that start with it ("comments", "sharing")
  RemovalReason reason;
};

// Words in class and id names that mark chrome, with the reason reported.
constexpr ChromeWord kChromeWords[] = {
    {"share", true, RemovalReason::kShareBar},
    {"sharing", false, RemovalReason::kShareBar},
    {"social", true, RemovalReason::kShareBar},
    {"addthis", false, RemovalReason::kShareBar},
    {"sharethis", false, RemovalReason::kShareBar},
    {"related", true, RemovalReason::kRelatedLinks},
    {"recommend", true, RemovalReason::kRelatedLinks},
    {"recirc", true, RemovalReason::kRelatedLinks},
    {"outbrain", false, RemovalReason::kRelatedLinks},
    {"taboola", false, RemovalReason::kRelatedLinks},
    {"trending", false, RemovalReason::kRelatedLinks},
    {"popular", false, RemovalReason::kRelatedLinks},
    {"mostread", false, RemovalReason::kRelatedLinks},
    {"teaser", true, RemovalReason::kRelatedLinks},
    {"sidebar", false, RemovalReason::kRelatedLinks},
    {"rail", false, RemovalReason::kRelatedLinks},
    {"readmore", false, RemovalReason::kReadMore},
    {"newsletter", true, RemovalReason::kNewsletter},
    {"signup", false, RemovalReason::kNewsletter},
    {"optin", false, RemovalReason::kNewsletter},
    {"subscribe", true, RemovalReason::kSubscription},
    {"subscription", true, RemovalReason::kSubscription},
    {"paywall", false, RemovalReason::kSubscription},
    {"regwall", false, RemovalReason::kSubscription},
    {"caption", true, RemovalReason::kCaptionCredit},
    {"credit", true, RemovalReason::kCaptionCredit},
    {"byline", true, RemovalReason::kBylineDateline},
    {"author", true, RemovalReason::kBylineDateline},
    {"dateline", false, RemovalReason::kBylineDateline},
    {"timestamp", false, RemovalReason::kBylineDateline},
    {"published", false, RemovalReason::kBylineDateline},
    {"posted", false, RemovalReason::kBylineDateline},  // WordPress "posted-on"
    {"meta", false, RemovalReason::kBylineDateline},    // "entry-meta", "post-meta": date, author
    {"comment", true, RemovalReason::kComments},
    {"disqus", false, RemovalReason::kComments},
    {"ad", false, RemovalReason::kAdvertisement},
    {"ads", false, RemovalReason::kAdvertisement},
    {"advert", true, RemovalReason::kAdvertisement},
    {"adslot", false, RemovalReason::kAdvertisement},
    {"dfp", false, RemovalReason::kAdvertisement},
    {"sponsor", true, RemovalReason::kAdvertisement},
    {"promo", true, RemovalReason::kAdvertisement},
    {"cta", false, RemovalReason::kSubscription},  // "call to action": subscribe, donate, sign up
    {"widget", true, RemovalReason::kRelatedLinks},
    {"kicker", false, RemovalReason::kNavigation},  // the section's label above a headline
    {"eyebrow", false, RemovalReason::kNavigation},
    {"overline", false, RemovalReason::kNavigation},
    {"nav", false, RemovalReason::kNavigation},
    {"navbar", false, RemovalReason::kNavigation},
    {"navigation", false, RemovalReason::kNavigation},
    {"menu", true, RemovalReason::kNavigation},
    {"breadcrumb", true, RemovalReason::kNavigation},
    {"tags", false, RemovalReason::kNavigation},
    {"toolbar", false, RemovalReason::kNavigation},
    {"pagination", false, RemovalReason::kNavigation},
    {"masthead", false, RemovalReason::kNavigation},
    {"footer", false, RemovalReason::kFooterLegal},
    {"copyright", false, RemovalReason::kFooterLegal},
    {"cookie", true, RemovalReason::kCookieNotice},
    {"consent", false, RemovalReason::kCookieNotice},
    {"gdpr", false, RemovalReason::kCookieNotice},
    {"donate", false, RemovalReason::kDonationAppeal},
    {"donation", true, RemovalReason::kDonationAppeal},
    {"tweet", false, RemovalReason::kSocialEmbed},
    {"twitter", false, RemovalReason::kSocialEmbed},
    {"instagram", false, RemovalReason::kSocialEmbed},
    {"tiktok", false, RemovalReason::kSocialEmbed},
    {"embed", false, RemovalReason::kSocialEmbed},
};

// Words that name the article's own container.
constexpr std::string_view kArticleWords[] = {
    "article", "articlebody", "body",  "content", "entry",  "main",
    "post",    "text",        "story", "blog",    "hentry", "prose",
};

struct NameHints {
  bool chrome = false;
  RemovalReason reason = RemovalReason::kNavigation;
  bool article = false;
};

NameHints hints_of(const Document& doc, NodeId id) {
  // Looked up once per word of every class and id on the page: a hash for the exact words,
  // then the few prefixes.
  static const auto* const kExact = [] {
    auto* table = new std::unordered_map<std::string_view, const ChromeWord*>();
    for (const ChromeWord& chrome : kChromeWords) table->emplace(chrome.word, &chrome);
    return table;
  }();
  static const auto* const kPrefixes = [] {
    auto* list = new std::vector<const ChromeWord*>();
    for (const ChromeWord& chrome : kChromeWords) {
      if (chrome.prefix) list->push_back(&chrome);
    }
    return list;
  }();
  // Initial letters of the prefixes: most words start with none of them.
  static const std::uint32_t kPrefixInitials = [] {
    std::uint32_t mask = 0;
    for (const ChromeWord& chrome : kChromeWords) {
      if (chrome.prefix) mask |= 1u << (chrome.word[0] - 'a');
    }
    return mask;
  }();
  NameHints hints;
  for (const Attribute& a : doc.node(id).attributes) {
    if (a.name != "class" && a.name != "id" && a.name != "role" && a.name != "itemprop") continue;
    if (a.name == "itemprop" && a.value.find("articleBody") != std::string::npos)
      hints.article = true;
    for_each_name_word(a.value, [&](std::string_view word) {
      if (std::find(std::begin(kArticleWords), std::end(kArticleWords), word) !=
          std::end(kArticleWords))
        hints.article = true;
      if (hints.chrome) return;
      const ChromeWord* match = nullptr;
      if (auto it = kExact->find(word); it != kExact->end()) {
        match = it->second;
      } else if (const unsigned initial = static_cast<unsigned char>(word[0]) - 'a';
                 initial < 26 && (kPrefixInitials >> initial & 1u)) {
        for (const ChromeWord* chrome : *kPrefixes) {
          if (word.substr(0, chrome->word.size()) == chrome->word) {
            match = chrome;
            break;
          }
        }
      }
      if (match != nullptr) {
        hints.chrome = true;
        hints.reason = match->reason;
      }
    });
  }
  // A name whose last word is a stamp ("entry-meta", "post-date", "article-byline") names
  // the entry's date and author, however the article's words open it: only the other names
  // of the element say it is the article. (Few elements have both kinds of word.)
  if (hints.article && hints.chrome && hints.reason == RemovalReason::kBylineDateline) {
    hints.article = false;
    for (const Attribute& a : doc.node(id).attributes) {
      if (a.name != "class" && a.name != "id") continue;
      for (std::size_t start = 0; start < a.value.size() && !hints.article;) {
        std::size_t end = a.value.find(' ', start);
        if (end == std::string_view::npos) end = a.value.size();
        bool article = false;
        std::string last;  // a copy: the words are views of the walker's own buffer
        for_each_name_word(
            std::string_view(a.value).substr(start, end - start), [&](std::string_view word) {
              article = article || std::find(std::begin(kArticleWords), std::end(kArticleWords),
                                             word) != std::end(kArticleWords);
              last = word;
            });
        const auto it = last.empty() ? kExact->end() : kExact->find(last);
        const bool stamp =
            it != kExact->end() && it->second->reason == RemovalReason::kBylineDateline;
        hints.article = article && !stamp;
        start = end + 1;
      }
    }
  }
  return hints;
}

// The chrome that holds prose of its own, which must not pass for the article.
bool is_strong_chrome(RemovalReason reason) {
  switch (reason) {
    case RemovalReason::kComments:
    case RemovalReason::kRelatedLinks:
    case RemovalReason::kFooterLegal:
    case RemovalReason::kNavigation:
    case RemovalReason::kShareBar:
    case RemovalReason::kNewsletter:
    case RemovalReason::kCookieNotice:
    case RemovalReason::kAdvertisement: return true;
    default: return false;
  }
}

// Chrome by element: what a tag alone says about its contents.
bool chrome_tag(Tag tag, RemovalReason& reason) {
  switch (tag) {
    case Tag::nav: reason = RemovalReason::kNavigation; return true;
    case Tag::aside: reason = RemovalReason::kRelatedLinks; return true;
    case Tag::footer: reason = RemovalReason::kFooterLegal; return true;
    case Tag::form: reason = RemovalReason::kNewsletter; return true;
    default: return false;
  }
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Commas of the scripts that use them: the standard's "one point per comma" for prose.
std::size_t commas(std::string_view s) {
  std::size_t n = static_cast<std::size_t>(std::count(s.begin(), s.end(), ','));
  for (std::string_view wide :
       {"\xEF\xBC\x8C" /* ， */, "\xE3\x80\x81" /* 、 */, "\xD8\x8C" /* ، */}) {
    for (std::size_t at = s.find(wide); at != std::string_view::npos; at = s.find(wide, at + 1))
      ++n;
  }
  return n;
}

// Lower-case ASCII-folded words of at least two bytes (any non-ASCII byte is a letter).
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) {
      word.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : c);
    } else if (!word.empty()) {
      if (word.size() >= 2) words.push_back(std::move(word));
      word.clear();
    }
  }
  if (word.size() >= 2) words.push_back(std::move(word));
  return words;
}

bool ends_like_sentence(std::string_view text) {
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '"' || text.back() == '\'' || text.back() == ')'))
    text.remove_suffix(1);
  for (std::string_view end :
       {".", "!", "?", "\xE2\x80\x9D" /* ” */, "\xE2\x80\x99" /* ’ */, "\xE3\x80\x82" /* 。 */}) {
    if (text.size() >= end.size() && text.substr(text.size() - end.size()) == end) return true;
  }
  return false;
}

struct ElementStats {
  double score = 0;
  std::uint32_t text_bytes = 0;
  std::uint32_t link_bytes = 0;
  std::uint32_t prose_bytes = 0;  // of the prose blocks that score, below the element
  bool scored = false;
};

class PageClassifier {
 public:
  PageClassifier(const Page& page, const std::vector<Block>& blocks)
      : page_(page), doc_(page.document), blocks_(blocks) {}

  std::vector<Verdict> run(CleanBias bias);

 private:
  const Page& page_;
  const Document& doc_;
  const std::vector<Block>& blocks_;
  std::vector<ElementStats> stats_;
  std::vector<bool> unlikely_;    // inside an element named or tagged for chrome
  std::vector<NameHints> hints_;  // of every element, computed once
  // Whether most words of `text` are words of the page's headline or <title>.
  bool repeats_title(std::string_view text) const {
    const std::vector<std::string> words = words_of(text);
    if (words.empty()) return false;
    std::vector<std::string> title = words_of(page_.metadata.headline);
    for (std::string& w : words_of(page_.metadata.document_title)) title.push_back(std::move(w));
    std::size_t shared = 0;
    for (const std::string& w : words)
      shared += std::find(title.begin(), title.end(), w) != title.end();
    return shared * 10 >= words.size() * 6;
  }
  void mark_unlikely();

  NodeId parent(NodeId id) const { return doc_.node(id).parent; }
  bool is_element(NodeId id) const {
    return id != kNoNode && doc_.node(id).kind == NodeKind::kElement;
  }
  double link_density(NodeId id) const {
    const ElementStats& s = stats_[id];
    return s.text_bytes == 0 ? 0.0 : static_cast<double>(s.link_bytes) / s.text_bytes;
  }
  void accumulate_text();
  void score_prose();
  double final_score(NodeId id) const;
  NodeId best_candidate() const;
  std::vector<bool> article_region(NodeId top) const;
  NodeId referee(NodeId top) const;
  bool under(NodeId id, NodeId ancestor) const {
    for (NodeId a = id; a != kNoNode; a = parent(a)) {
      if (a == ancestor) return true;
    }
    return false;
  }
};

// The page's JSON-LD articleBody, when it has one, referees: if the chosen element holds
// under half of its words, the element whose words match it best (F1 over word sets)
// takes over, provided it matches clearly better. The body itself is never output: it
// is often truncated, or stripped of the paragraph breaks.
NodeId PageClassifier::referee(NodeId top) const {
  const std::string& body = page_.metadata.article_body;
  if (body.size() < 400) return top;
  std::vector<std::string> body_words = words_of(body);
  std::sort(body_words.begin(), body_words.end());
  body_words.erase(std::unique(body_words.begin(), body_words.end()), body_words.end());
  auto match = [&](NodeId root) {
    std::vector<std::string> words;
    for (const PageBlock& b : page_.blocks) {
      if (b.hidden || unlikely_[b.element] || (root != kNoNode && !under(b.element, root)))
        continue;
      for (std::string& w : words_of(b.text)) words.push_back(std::move(w));
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    std::vector<std::string> shared;
    std::set_intersection(words.begin(), words.end(), body_words.begin(), body_words.end(),
                          std::back_inserter(shared));
    const double recall = static_cast<double>(shared.size()) / body_words.size();
    const double precision =
        words.empty() ? 0.0 : static_cast<double>(shared.size()) / words.size();
    return std::pair{recall,
                     precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0};
  };
  if (top == kNoNode) return top;
  const auto [recall, f1] = match(top);
  if (recall >= 0.5) return top;
  NodeId best = top;
  double best_f1 = f1;
  for (NodeId id = 0; id < doc_.size(); ++id) {
    if (!stats_[id].scored || unlikely_[id]) continue;
    const double candidate = match(id).second;
    if (candidate > best_f1 + 0.2) {
      best = id;
      best_f1 = candidate;
    }
  }
  return best;
}

void PageClassifier::accumulate_text() {
  stats_.assign(doc_.size(), {});
  for (const PageBlock& b : page_.blocks) {
    if (b.hidden) continue;
    for (NodeId id = b.element; id != kNoNode; id = parent(id)) {
      stats_[id].text_bytes += static_cast<std::uint32_t>(b.text.size());
      stats_[id].link_bytes += b.link_bytes;
    }
  }
}

// Elements named for chrome (comments, sidebars, footers, related links...) and the chrome
// tags hold prose that is not the article: their blocks score nothing. A name that
// wraps the article's own marker ("page has-sidebar" around <main>) does not count.
void PageClassifier::mark_unlikely() {
  hints_.assign(doc_.size(), NameHints{});
  for (NodeId id = 0; id < doc_.size(); ++id) {
    if (doc_.node(id).kind == NodeKind::kElement && !doc_.node(id).attributes.empty())
      hints_[id] = hints_of(doc_, id);
  }
  std::vector<bool> holds_marker(doc_.size(), false);
  for (NodeId id = 0; id < doc_.size(); ++id) {
    const Node& n = doc_.node(id);
    if (n.kind != NodeKind::kElement) continue;
    const bool marker = n.tag == Tag::main || doc_.attribute(id, "itemprop").find("articleBody") !=
                                                  std::string_view::npos;
    if (!marker) continue;
    for (NodeId a = id; a != kNoNode && !holds_marker[a]; a = parent(a)) holds_marker[a] = true;
  }
  unlikely_.assign(doc_.size(), false);
  // Parents come before children in the node table only for parsed order; walk each
  // element's ancestors instead, stopping at the first decided one.
  std::vector<std::int8_t> state(doc_.size(), -1);  // -1 unknown, 0 likely, 1 unlikely
  std::vector<NodeId> path;
  for (NodeId id = 0; id < doc_.size(); ++id) {
    if (state[id] != -1) continue;
    path.clear();
    NodeId a = id;
    while (a != kNoNode && state[a] == -1) {
      path.push_back(a);
      a = parent(a);
    }
    std::int8_t inherited = a == kNoNode ? 0 : state[a];
    for (std::size_t k = path.size(); k-- > 0;) {
      NodeId e = path[k];
      std::int8_t mine = inherited;
      if (mine == 0 && doc_.node(e).kind == NodeKind::kElement && !holds_marker[e]) {
        const NameHints& hints = hints_[e];
        RemovalReason reason;
        if ((hints.chrome && !hints.article && is_strong_chrome(hints.reason)) ||
            chrome_tag(doc_.node(e).tag, reason)) {
          mine = doc_.node(e).tag == Tag::form ? 0 : 1;  // forms wrap whole ASP.NET pages
        }
      }
      state[e] = mine;
      inherited = mine;
    }
  }
  for (NodeId id = 0; id < doc_.size(); ++id) unlikely_[id] = state[id] == 1;
}

void PageClassifier::score_prose() {
  for (const PageBlock& b : page_.blocks) {
    if (b.hidden || b.kind == BlockKind::kHeading || b.kind == BlockKind::kCaption) continue;
    if (unlikely_[b.element]) continue;
    const std::size_t length = code_points(b.text);
    if (length < 25) continue;
    if (b.link_bytes * 2 > b.text.size()) continue;
    for (NodeId a = b.element; a != kNoNode; a = parent(a))
      stats_[a].prose_bytes += static_cast<std::uint32_t>(b.text.size());
    const double score = 1.0 + static_cast<double>(commas(b.text)) +
                         std::min(static_cast<double>(length) / 100.0, 3.0);
    // A paragraph scores its parent; loose text in a container (a <div> holding text
    // beside other blocks) is its own paragraph, so the container itself scores.
    NodeId id = b.element;
    switch (doc_.node(id).tag) {
      case Tag::p:
      case Tag::pre:
      case Tag::td:
      case Tag::th:
      case Tag::li:
      case Tag::blockquote:
      case Tag::dd:
      case Tag::dt:
      case Tag::h1:
      case Tag::h2:
      case Tag::h3:
      case Tag::h4:
      case Tag::h5:
      case Tag::h6: id = parent(id); break;
      default: break;
    }
    for (int level = 0; level < 5 && is_element(id); ++level, id = parent(id)) {
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      stats_[id].score += score / divider;
      stats_[id].scored = true;
    }
  }
}

double PageClassifier::final_score(NodeId id) const {
  const Node& n = doc_.node(id);
  double base = 0;
  switch (n.tag) {
    case Tag::div:
    case Tag::article:
    case Tag::main:
    case Tag::section: base = 5; break;
    case Tag::pre:
    case Tag::td:
    case Tag::blockquote: base = 3; break;
    case Tag::address:
    case Tag::ol:
    case Tag::ul:
    case Tag::dl:
    case Tag::dd:
    case Tag::dt:
    case Tag::li:
    case Tag::form: base = -3; break;
    case Tag::h1:
    case Tag::h2:
    case Tag::h3:
    case Tag::h4:
    case Tag::h5:
    case Tag::h6:
    case Tag::th: base = -5; break;
    default: break;
  }
  const NameHints& hints = hints_[id];
  if (hints.article) base += 25;
  if (hints.chrome) base -= 25;
  RemovalReason reason;
  if (chrome_tag(n.tag, reason)) base -= 25;
  return (stats_[id].score + base) * (1.0 - link_density(id));
}

NodeId PageClassifier::best_candidate() const {
  NodeId best = kNoNode;
  double best_score = 0;
  for (NodeId id = 0; id < doc_.size(); ++id) {
    if (!stats_[id].scored) continue;
    const double s = final_score(id);
    if (best == kNoNode || s > best_score) {
      best = id;
      best_score = s;
    }
  }
  if (best == kNoNode) return kNoNode;
  // An ancestor that scores higher still holds more of the article (a section per
  // subheading under one body element, say).
  double last = best_score;
  for (NodeId id = parent(best);
       is_element(id) && !doc_.is(id, Tag::body) && !doc_.is(id, Tag::html); id = parent(id)) {
    if (!stats_[id].scored) continue;
    const double s = final_score(id);
    if (s < last / 3) break;
    if (s > best_score) {
      best = id;
      best_score = s;
      break;
    }
    last = s;
  }
  // Articles cut into several containers (between ads, or one per section) have their
  // prose spread over siblings and cousins: rise while an ancestor holds clearly more
  // prose, and not much more of anything else.
  for (NodeId up = parent(best);
       is_element(up) && !doc_.is(up, Tag::body) && !doc_.is(up, Tag::html); up = parent(up)) {
    const ElementStats& mine = stats_[best];
    const ElementStats& theirs = stats_[up];
    const std::uint32_t added_text = theirs.text_bytes - mine.text_bytes;
    const std::uint32_t added_prose = theirs.prose_bytes - mine.prose_bytes;
    if (added_prose * 2 < added_text) break;  // what the ancestor adds is mostly not prose
    if (theirs.prose_bytes >= mine.prose_bytes + mine.prose_bytes / 4) best = up;
  }
  return best;
}

// The article: the best element, and its siblings that hold prose or score well.
std::vector<bool> PageClassifier::article_region(NodeId top) const {
  std::vector<bool> in(doc_.size(), false);
  if (top == kNoNode) return in;
  const double top_score = final_score(top);
  const double threshold = std::max(10.0, top_score * 0.2);
  NodeId p = parent(top);
  std::vector<NodeId> members{top};
  if (is_element(p)) {
    for (NodeId s = doc_.node(p).first_child; s != kNoNode; s = doc_.node(s).next_sibling) {
      if (s == top || doc_.node(s).kind != NodeKind::kElement) continue;
      bool take = stats_[s].scored && final_score(s) >= threshold;
      if (!take && doc_.is(s, Tag::p)) {
        const double density = link_density(s);
        const std::uint32_t bytes = stats_[s].text_bytes;
        take = (bytes > 80 && density < 0.25) || (bytes > 0 && density == 0);
      }
      if (take) members.push_back(s);
    }
  }
  // Everything under a member is in the article: walk down from each member.
  std::vector<NodeId> pending(members.begin(), members.end());
  while (!pending.empty()) {
    const NodeId id = pending.back();
    pending.pop_back();
    in[id] = true;
    for (NodeId c = doc_.node(id).first_child; c != kNoNode; c = doc_.node(c).next_sibling)
      pending.push_back(c);
  }
  return in;
}

std::vector<Verdict> PageClassifier::run(CleanBias bias) {
  const std::size_t count = page_.blocks.size();
  std::vector<Verdict> verdicts(count);
  accumulate_text();
  mark_unlikely();
  score_prose();
  NodeId top = best_candidate();
  top = referee(top);

  const std::vector<bool> region = article_region(top);
  std::uint32_t region_bytes = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (region[page_.blocks[i].element] && !page_.blocks[i].hidden)
      region_bytes += static_cast<std::uint32_t>(page_.blocks[i].text.size());
  }

  // Every block gets the most telling reason that applies: structure first (hidden,
  // caption, headline, a chrome-named or chrome-tagged element around it), then being
  // outside the article, then, inside it, being mostly links.
  std::vector<std::size_t> kept;
  bool prose_started = false;
  for (std::size_t i = 0; i < count; ++i) {
    const PageBlock& b = page_.blocks[i];
    Verdict& v = verdicts[i];
    const bool inside = top == kNoNode || region[b.element];
    if (b.hidden) {
      v = {false, RemovalReason::kHiddenText};
      continue;
    }
    if (b.kind == BlockKind::kCaption) {
      v = {false, RemovalReason::kCaptionCredit};
      continue;
    }
    // The headline: an <h1> before the prose starts, or one that says what the title says.
    // Later <h1>s of other wording are the article's own section headings.
    if (b.kind == BlockKind::kHeading && b.heading_level == 1 &&
        ((inside && !prose_started) || repeats_title(b.text))) {
      v = {false, RemovalReason::kTitleRepeat};
      continue;
    }
    if (inside && b.kind != BlockKind::kHeading && code_points(b.text) >= 80) prose_started = true;
    // A chrome-named element around the block. Inside the article it must be small beside
    // the article (a wrapper named "article has-ads" holds the article, it is no ad).
    for (NodeId id = b.element; is_element(id) && (!inside || region[id]); id = parent(id)) {
      if (inside && stats_[id].text_bytes * 3 > region_bytes) break;
      RemovalReason reason;
      const NameHints& hints = hints_[id];
      if (hints.chrome && !hints.article) {
        v = {false, hints.reason};
        break;
      }
      if (chrome_tag(doc_.node(id).tag, reason)) {
        v = {false, reason};
        break;
      }
    }
    if (!v.keep) continue;
    if (!inside) {
      v = {false, RemovalReason::kOutsideArticle};
      continue;
    }
    const double density = b.text.empty() ? 0.0 : static_cast<double>(b.link_bytes) / b.text.size();
    // Lists of links are chrome; a sentence that links much of itself is prose.
    if (density > 0.8 ||
        (density >= 0.5 && code_points(b.text) < 150 && !ends_like_sentence(b.text))) {
      v = {false, RemovalReason::kRelatedLinks};
      continue;
    }
    kept.push_back(i);
  }

  // Then the text's own signals, on the blocks still kept, in their order.
  std::vector<Block> prose;
  prose.reserve(kept.size());
  for (std::size_t i : kept) prose.push_back(blocks_[i]);
  if (!prose.empty()) {
    const std::vector<Verdict> text_verdicts = classify(prose, bias);
    for (std::size_t k = 0; k < kept.size(); ++k) verdicts[kept[k]] = text_verdicts[k];
  }
  return verdicts;
}

}  // namespace

std::vector<Verdict> classify_page(const Page& page, const std::vector<Block>& blocks,
                                   CleanBias bias) {
  return PageClassifier(page, blocks).run(bias);
}

}  // namespace winnow
