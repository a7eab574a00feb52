// segment_page(): the blocks and metadata of a parsed page.
#include <algorithm>

#include "segment/json_value.hpp"
#include "segment/segment.hpp"
#include "unicode/unicode.hpp"

namespace winnow {
namespace {

using html::Document;
using html::kNoNode;
using html::Node;
using html::NodeId;
using html::NodeKind;
using html::Tag;

// Elements whose contents are not text a reader sees.
bool holds_no_text(const Node& n) {
  if (n.name_space != html::Namespace::kHtml) return true;  // SVG, MathML
  switch (n.tag) {
    case Tag::head:
    case Tag::script:
    case Tag::style:
    case Tag::template_:
    case Tag::noscript:
    case Tag::title:
    case Tag::iframe:
    case Tag::select:
    case Tag::option:
    case Tag::optgroup:
    case Tag::textarea:
    case Tag::button:
    case Tag::input:
    case Tag::canvas:
    case Tag::audio:
    case Tag::video:
    case Tag::object:
    case Tag::embed:
    case Tag::map:
    case Tag::datalist:
    case Tag::noembed:
    case Tag::noframes:
    case Tag::math:
    case Tag::svg:
    case Tag::picture: return true;
    default: return false;
  }
}

// Elements that start and end a block, as browsers lay them out.
bool is_block_element(Tag tag) {
  switch (tag) {
    case Tag::address:
    case Tag::article:
    case Tag::aside:
    case Tag::blockquote:
    case Tag::body:
    case Tag::caption:
    case Tag::center:
    case Tag::dd:
    case Tag::details:
    case Tag::dialog:
    case Tag::dir:
    case Tag::div:
    case Tag::dl:
    case Tag::dt:
    case Tag::fieldset:
    case Tag::figcaption:
    case Tag::figure:
    case Tag::footer:
    case Tag::form:
    case Tag::frameset:
    case Tag::h1:
    case Tag::h2:
    case Tag::h3:
    case Tag::h4:
    case Tag::h5:
    case Tag::h6:
    case Tag::header:
    case Tag::hgroup:
    case Tag::hr:
    case Tag::html:
    case Tag::legend:
    case Tag::li:
    case Tag::main:
    case Tag::menu:
    case Tag::nav:
    case Tag::ol:
    case Tag::p:
    case Tag::pre:
    case Tag::search:
    case Tag::section:
    case Tag::summary:
    case Tag::table:
    case Tag::tbody:
    case Tag::td:
    case Tag::tfoot:
    case Tag::th:
    case Tag::thead:
    case Tag::tr:
    case Tag::ul:
    case Tag::listing:
    case Tag::plaintext:
    case Tag::xmp: return true;
    default: return false;
  }
}

bool is_hidden(const Document& doc, NodeId id) {
  if (doc.node(id).attributes.empty()) return false;
  if (doc.has_attribute(id, "hidden")) return true;
  std::string_view declared = doc.attribute(id, "style");
  if (declared.find(':') == std::string_view::npos) return false;
  std::string style(declared);
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return unicode::ascii_icontains(style, "display:none") ||
         unicode::ascii_icontains(style, "visibility:hidden");
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

class BlockBuilder {
 public:
  explicit BlockBuilder(const Document& doc) : doc_(doc) {}

  std::vector<PageBlock> run(NodeId root) {
    NodeId cur = root;
    while (cur != kNoNode) {
      bool descend = enter(cur);
      const Node& n = doc_.node(cur);
      if (descend && n.first_child != kNoNode) {
        cur = n.first_child;
        continue;
      }
      bool entered = descend;
      while (cur != kNoNode) {
        if (entered) leave(cur);
        entered = true;  // every ancestor was entered
        if (cur == root) {
          cur = kNoNode;
          break;
        }
        if (doc_.node(cur).next_sibling != kNoNode) {
          cur = doc_.node(cur).next_sibling;
          break;
        }
        cur = doc_.node(cur).parent;
      }
    }
    flush();
    return std::move(blocks_);
  }

 private:
  const Document& doc_;
  std::vector<PageBlock> blocks_;
  std::vector<NodeId> containers_;  // open block elements, innermost last
  std::string text_;
  std::uint32_t link_bytes_ = 0;
  bool pending_space_ = false;
  int anchors_ = 0, pre_ = 0, quote_ = 0, figure_ = 0, caption_ = 0, hidden_ = 0;
  int heading_ = 0;  // level of the innermost open heading
  std::vector<int> heading_stack_;
  std::vector<NodeId> hidden_elements_;  // open hidden elements, innermost last

  bool enter(NodeId id) {
    const Node& n = doc_.node(id);
    if (n.kind == NodeKind::kText) {
      append_text(n.data);
      return false;
    }
    if (n.kind != NodeKind::kElement && n.kind != NodeKind::kDocument) return false;
    if (n.kind == NodeKind::kDocument) return true;
    if (holds_no_text(n)) return false;
    if (n.tag == Tag::br) {
      flush();
      return false;
    }
    if (is_hidden(doc_, id)) {
      hidden_elements_.push_back(id);
      ++hidden_;
    }
    if (n.tag == Tag::a && doc_.has_attribute(id, "href")) ++anchors_;
    if (is_block_element(n.tag)) {
      flush();
      containers_.push_back(id);
      switch (n.tag) {
        case Tag::pre:
        case Tag::listing:
        case Tag::plaintext:
        case Tag::xmp: ++pre_; break;
        case Tag::blockquote: ++quote_; break;
        case Tag::figure: ++figure_; break;
        case Tag::figcaption:
        case Tag::caption: ++caption_; break;
        case Tag::h1:
        case Tag::h2:
        case Tag::h3:
        case Tag::h4:
        case Tag::h5:
        case Tag::h6:
          heading_stack_.push_back(heading_);
          heading_ = static_cast<int>(n.tag) - static_cast<int>(Tag::h1) + 1;
          break;
        default: break;
      }
    }
    return true;
  }

  void leave(NodeId id) {
    const Node& n = doc_.node(id);
    if (n.kind != NodeKind::kElement) return;
    if (is_block_element(n.tag)) {
      flush();
      if (!containers_.empty()) containers_.pop_back();
      switch (n.tag) {
        case Tag::pre:
        case Tag::listing:
        case Tag::plaintext:
        case Tag::xmp: --pre_; break;
        case Tag::blockquote: --quote_; break;
        case Tag::figure: --figure_; break;
        case Tag::figcaption:
        case Tag::caption: --caption_; break;
        case Tag::h1:
        case Tag::h2:
        case Tag::h3:
        case Tag::h4:
        case Tag::h5:
        case Tag::h6:
          heading_ = heading_stack_.empty() ? 0 : heading_stack_.back();
          if (!heading_stack_.empty()) heading_stack_.pop_back();
          break;
        default: break;
      }
    }
    if (n.tag == Tag::a && doc_.has_attribute(id, "href")) --anchors_;
    if (!hidden_elements_.empty() && hidden_elements_.back() == id) {
      hidden_elements_.pop_back();
      --hidden_;
    }
  }

  void append_text(std::string_view s) {
    if (pre_ > 0) {
      // Preformatted text keeps its lines: each becomes a block.
      for (char c : s) {
        if (c == '\n') {
          flush();
        } else {
          text_.push_back(c);
          if (anchors_ > 0) ++link_bytes_;
        }
      }
      return;
    }
    for (char c : s) {
      if (is_space(c)) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !text_.empty()) {
        text_.push_back(' ');
        if (anchors_ > 0) ++link_bytes_;
      }
      pending_space_ = false;
      text_.push_back(c);
      if (anchors_ > 0) ++link_bytes_;
    }
  }

  void flush() {
    pending_space_ = false;
    while (!text_.empty() && is_space(text_.back())) text_.pop_back();
    std::size_t start = 0;
    while (start < text_.size() && is_space(text_[start])) ++start;
    if (start == text_.size()) {
      text_.clear();
      link_bytes_ = 0;
      return;
    }
    PageBlock block;
    block.text = text_.substr(start);
    block.link_bytes =
        std::min<std::uint32_t>(link_bytes_, static_cast<std::uint32_t>(block.text.size()));
    block.element = containers_.empty() ? doc_.root() : containers_.back();
    block.hidden = hidden_ > 0;
    const Tag container = doc_.node(block.element).tag;
    if (heading_ > 0) {
      block.kind = BlockKind::kHeading;
      block.heading_level = static_cast<std::uint8_t>(heading_);
    } else if (caption_ > 0 || figure_ > 0) {
      block.kind = BlockKind::kCaption;
    } else if (pre_ > 0) {
      block.kind = BlockKind::kPreformatted;
    } else if (container == Tag::li || container == Tag::dd || container == Tag::dt) {
      block.kind = BlockKind::kListItem;
    } else if (quote_ > 0) {
      block.kind = BlockKind::kQuote;
    } else if (container == Tag::td || container == Tag::th) {
      block.kind = BlockKind::kTableCell;
    }
    blocks_.push_back(std::move(block));
    text_.clear();
    link_bytes_ = 0;
  }
};

// --- metadata ---

std::string text_of(const Document& doc, NodeId id) {
  std::string out;
  std::vector<NodeId> stack{id};
  while (!stack.empty()) {
    NodeId cur = stack.back();
    stack.pop_back();
    const Node& n = doc.node(cur);
    if (n.kind == NodeKind::kText) out += n.data;
    for (NodeId c = n.last_child; c != kNoNode; c = doc.node(c).previous_sibling)
      stack.push_back(c);
  }
  return out;
}

std::string collapse_space(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool type_is_article(const detail::JsonValue& object) {
  const detail::JsonValue* type = object.get("@type");
  if (type == nullptr) return false;
  auto matches = [](const std::string& t) {
    return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "LiveBlogPosting" ||
           t == "Report" || t == "SocialMediaPosting";
  };
  if (type->type == detail::JsonValue::Type::kString) return matches(type->text);
  for (const auto& item : type->items) {
    if (item.type == detail::JsonValue::Type::kString && matches(item.text)) return true;
  }
  return false;
}

std::string names_of(const detail::JsonValue* value) {
  if (value == nullptr) return {};
  if (value->type == detail::JsonValue::Type::kString) return value->text;
  if (value->type == detail::JsonValue::Type::kObject) {
    const detail::JsonValue* name = value->get("name");
    return name != nullptr && name->type == detail::JsonValue::Type::kString ? name->text
                                                                             : std::string();
  }
  std::string out;
  for (const auto& item : value->items) {
    std::string one = names_of(&item);
    if (one.empty()) continue;
    if (!out.empty()) out += ", ";
    out += one;
  }
  return out;
}

std::string string_of(const detail::JsonValue* value) {
  return value != nullptr && value->type == detail::JsonValue::Type::kString ? value->text
                                                                             : std::string();
}

void read_json_ld(const detail::JsonValue& root, PageMetadata& meta) {
  // Breadth first, in document order, so that the outermost article (the page's own, not
  // one it links to) fills each field first. The size of the value bounds the search.
  std::vector<const detail::JsonValue*> queue{&root};
  for (std::size_t next = 0; next < queue.size(); ++next) {
    const detail::JsonValue* v = queue[next];
    for (const auto& item : v->items) queue.push_back(&item);  // array items, member values
    if (v->type != detail::JsonValue::Type::kObject) continue;
    if (!type_is_article(*v)) continue;
    if (meta.headline.empty()) meta.headline = collapse_space(string_of(v->get("headline")));
    if (meta.date.empty()) meta.date = string_of(v->get("datePublished"));
    if (meta.byline.empty()) meta.byline = collapse_space(names_of(v->get("author")));
    if (meta.site.empty()) meta.site = collapse_space(names_of(v->get("publisher")));
    std::string body = string_of(v->get("articleBody"));
    if (body.size() > meta.article_body.size()) meta.article_body = std::move(body);
  }
}

PageMetadata read_metadata(const Document& doc) {
  PageMetadata meta;
  std::string og_title, twitter_title, og_site, app_name, published, author, ld_headline;
  for (NodeId id = 0; id < doc.size(); ++id) {
    const Node& n = doc.node(id);
    if (n.kind != NodeKind::kElement || n.name_space != html::Namespace::kHtml) continue;
    if (n.tag == Tag::title && meta.document_title.empty() && n.parent != kNoNode &&
        doc.node(n.parent).name_space == html::Namespace::kHtml) {
      meta.document_title = collapse_space(text_of(doc, id));
    } else if (n.tag == Tag::meta) {
      std::string key(doc.attribute(id, "property"));
      if (key.empty()) key = doc.attribute(id, "name");
      if (key.empty()) key = doc.attribute(id, "itemprop");
      for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      }
      std::string content = collapse_space(doc.attribute(id, "content"));
      if (content.empty()) continue;
      if (key == "og:title" && og_title.empty()) og_title = content;
      if (key == "twitter:title" && twitter_title.empty()) twitter_title = content;
      if (key == "og:site_name" && og_site.empty()) og_site = content;
      if (key == "application-name" && app_name.empty()) app_name = content;
      if ((key == "article:published_time" || key == "datepublished" || key == "date" ||
           key == "pubdate" || key == "publishdate" || key == "dc.date" ||
           key == "dc.date.issued" || key == "sailthru.date" || key == "parsely-pub-date") &&
          published.empty())
        published = content;
      if ((key == "author" || key == "article:author" || key == "dc.creator" ||
           key == "parsely-author" || key == "sailthru.author") &&
          author.empty() && content.find("://") == std::string::npos)
        author = content;
    } else if (n.tag == Tag::script &&
               doc.attribute(id, "type").find("ld+json") != std::string_view::npos) {
      if (auto value = detail::parse_json(text_of(doc, id))) read_json_ld(*value, meta);
    }
  }
  ld_headline = meta.headline;
  meta.headline = !og_title.empty()        ? og_title
                  : !twitter_title.empty() ? twitter_title
                                           : ld_headline;
  if (!og_site.empty()) meta.site = og_site;
  if (meta.site.empty()) meta.site = app_name;
  if (!published.empty() && meta.date.empty()) meta.date = published;
  if (!author.empty() && meta.byline.empty()) meta.byline = author;
  return meta;
}

}  // namespace

Page segment_page(html::Document document) {
  Page page;
  page.document = std::move(document);
  page.metadata = read_metadata(page.document);
  page.blocks = BlockBuilder(page.document).run(page.document.root());
  return page;
}

}  // namespace winnow
