// The tree-construction stage of the WHATWG HTML standard (section 13.2.6), driving the
// tokenizer. Names follow the standard's ("stack of open elements", "list of active
// formatting elements", "adoption agency algorithm") so each rule can be checked against it.
#include <algorithm>
#include <array>
#include <cstring>

#include "html/html.hpp"
#include "unicode/unicode.hpp"

namespace winnow::html {
namespace {

thread_local std::uint64_t g_last_parse_steps = 0;

enum class Mode : std::uint8_t {
  kInitial,
  kBeforeHtml,
  kBeforeHead,
  kInHead,
  kInHeadNoscript,
  kAfterHead,
  kInBody,
  kText,
  kInTable,
  kInTableText,
  kInCaption,
  kInColumnGroup,
  kInTableBody,
  kInRow,
  kInCell,
  kInSelect,
  kInSelectInTable,
  kInTemplate,
  kAfterBody,
  kInFrameset,
  kAfterFrameset,
  kAfterAfterBody,
  kAfterAfterFrameset,
};

constexpr NodeId kMarker = kNoNode - 1;  // a marker in the list of active formatting elements

bool is_space(char c) {
  return c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '\r';
}

// The white space characters of `s`, in order: what frameset modes keep of a text.
std::string spaces_of(std::string_view s) {
  std::string spaces;
  for (char c : s) {
    if (is_space(c)) spaces.push_back(c);
  }
  return spaces;
}

std::size_t leading_space(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

bool all_space(std::string_view s) {
  return leading_space(s) == s.size();
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = unicode::ascii_lower(c);
  return out;
}

// Element names whose SVG spelling has capitals (13.2.6.5, "adjust SVG tag names").
constexpr std::string_view kSvgCamelNames[] = {
    "altGlyph",
    "altGlyphDef",
    "altGlyphItem",
    "animateColor",
    "animateMotion",
    "animateTransform",
    "clipPath",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feImage",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
    "foreignObject",
    "glyphRef",
    "linearGradient",
    "radialGradient",
    "textPath",
};

// Attribute names whose SVG spelling has capitals ("adjust SVG attributes").
constexpr std::string_view kSvgCamelAttributes[] = {
    "attributeName",
    "attributeType",
    "baseFrequency",
    "baseProfile",
    "calcMode",
    "clipPathUnits",
    "diffuseConstant",
    "edgeMode",
    "filterUnits",
    "glyphRef",
    "gradientTransform",
    "gradientUnits",
    "kernelMatrix",
    "kernelUnitLength",
    "keyPoints",
    "keySplines",
    "keyTimes",
    "lengthAdjust",
    "limitingConeAngle",
    "markerHeight",
    "markerUnits",
    "markerWidth",
    "maskContentUnits",
    "maskUnits",
    "numOctaves",
    "pathLength",
    "patternContentUnits",
    "patternTransform",
    "patternUnits",
    "pointsAtX",
    "pointsAtY",
    "pointsAtZ",
    "preserveAlpha",
    "preserveAspectRatio",
    "primitiveUnits",
    "refX",
    "refY",
    "repeatCount",
    "repeatDur",
    "requiredExtensions",
    "requiredFeatures",
    "specularConstant",
    "specularExponent",
    "spreadMethod",
    "startOffset",
    "stdDeviation",
    "stitchTiles",
    "surfaceScale",
    "systemLanguage",
    "tableValues",
    "targetX",
    "targetY",
    "textLength",
    "viewBox",
    "viewTarget",
    "xChannelSelector",
    "yChannelSelector",
    "zoomAndPan",
};

template <std::size_t N>
void camel_case(std::string& name, const std::string_view (&table)[N]) {
  for (std::string_view camel : table) {
    if (unicode::ascii_iequals(camel, name)) {
      name = camel;
      return;
    }
  }
}

// Public identifiers that put a document in quirks mode (13.2.6.4.1), folded into the
// prefixes that cover the standard's list.
constexpr std::string_view kQuirksPublicPrefixes[] = {
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer ",
    "-//netscape comm. corp.//dtd ",
    "-//o'reilly and associates//dtd html ",
    "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
    "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//sun microsystems corp.//dtd hotjava ",
    "-//w3c//dtd html 3 ",
    "-//w3c//dtd html 3.2",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental 19960712//",
    "-//w3c//dtd html experimental 970421//",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html 2.0//",
    "-//webtechs//dtd mozilla html//",
};

// "Adjust MathML attributes", "adjust SVG attributes" and "adjust foreign attributes"
// (13.2.6.3), for a start tag about to become an element in namespace `ns`.
void adjust_foreign_attributes(Token& token, Namespace ns) {
  for (Attribute& a : token.attributes) {
    if (ns == Namespace::kMathMl && a.name == "definitionurl") a.name = "definitionURL";
    if (ns == Namespace::kSvg) camel_case(a.name, kSvgCamelAttributes);
    if (a.name.rfind("xlink:", 0) == 0) {
      std::string_view local = std::string_view(a.name).substr(6);
      if (local == "actuate" || local == "arcrole" || local == "href" || local == "role" ||
          local == "show" || local == "title" || local == "type")
        a.name_space = static_cast<std::uint8_t>(AttributeNamespace::kXlink);
    } else if (a.name == "xml:lang" || a.name == "xml:space") {
      a.name_space = static_cast<std::uint8_t>(AttributeNamespace::kXml);
    } else if (a.name == "xmlns" || a.name == "xmlns:xlink") {
      a.name_space = static_cast<std::uint8_t>(AttributeNamespace::kXmlns);
    }
  }
}

bool doctype_means_quirks(const Token& t) {
  if (t.force_quirks || t.data != "html") return true;
  const std::string& pub = t.public_id;
  if (t.has_public_id) {
    if (unicode::ascii_iequals(pub, "-//W3O//DTD W3 HTML Strict 3.0//EN//") ||
        unicode::ascii_iequals(pub, "-/W3C/DTD HTML 4.0 Transitional/EN") ||
        unicode::ascii_iequals(pub, "HTML"))
      return true;
    for (std::string_view prefix : kQuirksPublicPrefixes) {
      if (unicode::ascii_istarts_with(pub, prefix)) return true;
    }
    if (!t.has_system_id &&
        (unicode::ascii_istarts_with(pub, "-//W3C//DTD HTML 4.01 Frameset//") ||
         unicode::ascii_istarts_with(pub, "-//W3C//DTD HTML 4.01 Transitional//")))
      return true;
  }
  return t.has_system_id &&
         unicode::ascii_iequals(t.system_id,
                                "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd");
}

struct InsertionPoint {
  NodeId parent;
  NodeId before;  // kNoNode: append
};

class TreeBuilder {
 public:
  TreeBuilder(std::string_view input, const ParseOptions& options)
      : tokenizer_(input), options_(options), input_size_(input.size()) {}

  Document run();

 private:
  Document doc_;
  Tokenizer tokenizer_;
  const ParseOptions& options_;
  std::size_t input_size_;
  Mode mode_ = Mode::kInitial;
  Mode original_mode_ = Mode::kInitial;
  std::vector<Mode> template_modes_;
  std::vector<NodeId> open_;                     // the stack of open elements
  std::vector<NodeId> formatting_;               // the list of active formatting elements
  std::vector<bool> on_stack_;                   // per node: whether it is in open_
  std::array<std::uint32_t, 256> open_count_{};  // open HTML elements per Tag
  NodeId head_ = kNoNode;
  NodeId form_ = kNoNode;
  NodeId context_ = kNoNode;  // fragment parsing: the context element
  bool frameset_ok_ = true;
  bool foster_parenting_ = false;
  bool skip_newline_ = false;
  bool stopped_ = false;
  std::string pending_table_text_;
  mutable std::uint64_t steps_ = 0;
  Token token_;  // the token being processed (may be rewritten and reprocessed)

  // --- nodes ---
  const Node& n(NodeId id) const { return doc_.node(id); }
  bool is_html(NodeId id, Tag tag) const {
    const Node& x = n(id);
    return x.kind == NodeKind::kElement && x.name_space == Namespace::kHtml && x.tag == tag;
  }
  template <typename... Tags>
  bool is_any(NodeId id, Tags... tags) const {
    const Node& x = n(id);
    return x.kind == NodeKind::kElement && x.name_space == Namespace::kHtml &&
           ((x.tag == tags) || ...);
  }
  bool is_foreign(NodeId id, Namespace ns, std::string_view name) const {
    const Node& x = n(id);
    return x.kind == NodeKind::kElement && x.name_space == ns && x.name == name;
  }
  NodeId current() const { return open_.empty() ? kNoNode : open_.back(); }
  NodeId adjusted_current() const {
    return context_ != kNoNode && open_.size() == 1 ? context_ : current();
  }
  bool is_special(NodeId id) const;
  bool is_mathml_text_integration_point(NodeId id) const {
    const Node& x = n(id);
    return x.name_space == Namespace::kMathMl &&
           (x.name == "mi" || x.name == "mo" || x.name == "mn" || x.name == "ms" ||
            x.name == "mtext");
  }
  bool is_html_integration_point(NodeId id) const;

  // --- the stack of open elements ---
  void push(NodeId id) {
    open_.push_back(id);
    if (on_stack_.size() <= id) on_stack_.resize(doc_.size() + 64, false);
    on_stack_[id] = true;
    const Node& x = n(id);
    if (x.name_space == Namespace::kHtml) ++open_count_[static_cast<std::size_t>(x.tag)];
  }
  void forget(NodeId id) {
    on_stack_[id] = false;
    const Node& x = n(id);
    if (x.name_space == Namespace::kHtml) --open_count_[static_cast<std::size_t>(x.tag)];
  }
  void pop() {
    forget(open_.back());
    open_.pop_back();
  }
  bool on_stack(NodeId id) const { return id < on_stack_.size() && on_stack_[id]; }
  void remove_from_stack(NodeId id) {
    auto it = std::find(open_.rbegin(), open_.rend(), id);
    if (it == open_.rend()) return;
    forget(id);
    open_.erase(std::next(it).base());
  }
  std::size_t stack_index(NodeId id) const {
    for (std::size_t i = open_.size(); i-- > 0;) {
      ++steps_;
      if (open_[i] == id) return i;
    }
    return open_.size();
  }
  void pop_until(Tag tag) {
    while (!open_.empty()) {
      bool done = is_html(current(), tag);
      pop();
      if (done) return;
    }
  }
  template <typename... Tags>
  void pop_until_any(Tags... tags) {
    while (!open_.empty()) {
      bool done = is_any(current(), tags...);
      pop();
      if (done) return;
    }
  }
  void pop_until_node(NodeId id) {
    while (!open_.empty()) {
      NodeId top = current();
      pop();
      if (top == id) return;
    }
  }
  bool has_open(Tag tag) const { return open_count_[static_cast<std::size_t>(tag)] > 0; }

  enum class Scope { kDefault, kListItem, kButton, kTable, kSelect };
  bool is_scope_boundary(NodeId id, Scope scope) const;
  bool in_scope(Tag tag, Scope scope = Scope::kDefault) const;
  bool node_in_scope(NodeId id) const;
  bool heading_in_scope() const;

  // --- insertion ---
  InsertionPoint appropriate_place(NodeId override_target = kNoNode) const;
  NodeId create_for_token(const Token& t, Namespace ns);
  NodeId create_for_current_token(Namespace ns);
  NodeId insert_element(const Token& t, Namespace ns = Namespace::kHtml);
  NodeId insert_synthetic(std::string_view name);
  void insert_characters(std::string_view text);
  void insert_comment(const Token& t, NodeId parent = kNoNode);
  bool depth_exceeded() const { return open_.size() >= options_.max_depth; }

  // --- formatting elements ---
  void push_formatting(NodeId id);
  void reconstruct_formatting();
  void clear_formatting_to_marker();
  void remove_from_formatting(NodeId id) {
    auto it = std::find(formatting_.rbegin(), formatting_.rend(), id);
    if (it != formatting_.rend()) formatting_.erase(std::next(it).base());
  }
  bool in_formatting(NodeId id) const {
    return std::find(formatting_.begin(), formatting_.end(), id) != formatting_.end();
  }
  bool adoption_agency(const std::string& subject);  // false: act as "any other end tag"

  // --- helpers named in the standard ---
  void generate_implied_end_tags(Tag except = Tag::kUnknown);
  void generate_all_implied_end_tags_thoroughly();
  void close_p_element();
  void close_p_if_in_button_scope() {
    if (in_scope(Tag::p, Scope::kButton)) close_p_element();
  }
  void reset_insertion_mode();
  void clear_stack_to(Tag a, Tag b = Tag::kUnknown, Tag c = Tag::kUnknown);
  void generic_text_element(ContentState state);
  void close_cell();
  void stop_parsing() { stopped_ = true; }

  // --- dispatch ---
  void process();  // token_ through the tree-construction dispatcher
  bool use_html_rules() const;
  void process_in(Mode mode);
  void foreign_content();
  void any_other_end_tag_in_body();

  void initial();
  void before_html();
  void before_head();
  void in_head();
  void in_head_noscript();
  void after_head();
  void in_body();
  void text();
  void in_table();
  void in_table_text();
  void in_caption();
  void in_column_group();
  void in_table_body();
  void in_row();
  void in_cell();
  void in_select();
  void in_select_in_table();
  void in_template();
  void after_body();
  void in_frameset();
  void after_frameset();
  void after_after_body();
  void after_after_frameset();

  // Handling runs of character tokens: the run's leading white space, the rest.
  bool split_leading_space(void (TreeBuilder::*on_space)(std::string_view));
  void insert_space(std::string_view s) { insert_characters(s); }
  void body_space(std::string_view s) {
    reconstruct_formatting();
    insert_characters(s);
  }
  void ignore_text(std::string_view) {}

  bool start(Tag tag) const { return token_.kind == TokenKind::kStartTag && tag_of_token_ == tag; }
  bool end(Tag tag) const { return token_.kind == TokenKind::kEndTag && tag_of_token_ == tag; }
  template <typename... Tags>
  bool start_any(Tags... tags) const {
    return token_.kind == TokenKind::kStartTag && ((tag_of_token_ == tags) || ...);
  }
  template <typename... Tags>
  bool end_any(Tags... tags) const {
    return token_.kind == TokenKind::kEndTag && ((tag_of_token_ == tags) || ...);
  }
  Tag tag_of_token_ = Tag::kUnknown;
  void set_token_name(std::string name) {
    token_.data = std::move(name);
    tag_of_token_ = tag_of(token_.data);
  }
  bool reprocess_ = false;
  void reprocess_in(Mode mode) {
    mode_ = mode;
    reprocess_ = true;
  }
};

bool TreeBuilder::is_special(NodeId id) const {
  const Node& x = n(id);
  if (x.kind != NodeKind::kElement) return false;
  if (x.name_space == Namespace::kMathMl) {
    return is_mathml_text_integration_point(id) || x.name == "annotation-xml";
  }
  if (x.name_space == Namespace::kSvg) {
    return x.name == "foreignObject" || x.name == "desc" || x.name == "title";
  }
  switch (x.tag) {
    case Tag::address:
    case Tag::applet:
    case Tag::area:
    case Tag::article:
    case Tag::aside:
    case Tag::base:
    case Tag::basefont:
    case Tag::bgsound:
    case Tag::blockquote:
    case Tag::body:
    case Tag::br:
    case Tag::button:
    case Tag::caption:
    case Tag::center:
    case Tag::col:
    case Tag::colgroup:
    case Tag::dd:
    case Tag::details:
    case Tag::dir:
    case Tag::div:
    case Tag::dl:
    case Tag::dt:
    case Tag::embed:
    case Tag::fieldset:
    case Tag::figcaption:
    case Tag::figure:
    case Tag::footer:
    case Tag::form:
    case Tag::frame:
    case Tag::frameset:
    case Tag::h1:
    case Tag::h2:
    case Tag::h3:
    case Tag::h4:
    case Tag::h5:
    case Tag::h6:
    case Tag::head:
    case Tag::header:
    case Tag::hgroup:
    case Tag::hr:
    case Tag::html:
    case Tag::iframe:
    case Tag::img:
    case Tag::input:
    case Tag::keygen:
    case Tag::li:
    case Tag::link:
    case Tag::listing:
    case Tag::main:
    case Tag::marquee:
    case Tag::menu:
    case Tag::meta:
    case Tag::nav:
    case Tag::noembed:
    case Tag::noframes:
    case Tag::noscript:
    case Tag::object:
    case Tag::ol:
    case Tag::p:
    case Tag::param:
    case Tag::plaintext:
    case Tag::pre:
    case Tag::script:
    case Tag::search:
    case Tag::section:
    case Tag::select:
    case Tag::source:
    case Tag::style:
    case Tag::summary:
    case Tag::table:
    case Tag::tbody:
    case Tag::td:
    case Tag::template_:
    case Tag::textarea:
    case Tag::tfoot:
    case Tag::th:
    case Tag::thead:
    case Tag::title:
    case Tag::tr:
    case Tag::track:
    case Tag::ul:
    case Tag::wbr:
    case Tag::xmp: return true;
    default: return false;
  }
}

bool TreeBuilder::is_html_integration_point(NodeId id) const {
  const Node& x = n(id);
  if (x.kind != NodeKind::kElement) return false;
  if (x.name_space == Namespace::kSvg) {
    return x.name == "foreignObject" || x.name == "desc" || x.name == "title";
  }
  if (x.name_space == Namespace::kMathMl && x.name == "annotation-xml") {
    std::string_view encoding = doc_.attribute(id, "encoding");
    return unicode::ascii_iequals(encoding, "text/html") ||
           unicode::ascii_iequals(encoding, "application/xhtml+xml");
  }
  return false;
}

bool TreeBuilder::is_scope_boundary(NodeId id, Scope scope) const {
  const Node& x = n(id);
  if (scope == Scope::kSelect) return !is_any(id, Tag::optgroup, Tag::option);
  if (scope == Scope::kTable) return is_any(id, Tag::html, Tag::table, Tag::template_);
  if (x.name_space == Namespace::kHtml) {
    switch (x.tag) {
      case Tag::applet:
      case Tag::caption:
      case Tag::html:
      case Tag::table:
      case Tag::td:
      case Tag::th:
      case Tag::marquee:
      case Tag::object:
      case Tag::template_: return true;
      case Tag::ol:
      case Tag::ul: return scope == Scope::kListItem;
      case Tag::button: return scope == Scope::kButton;
      default: return false;
    }
  }
  if (x.name_space == Namespace::kMathMl) {
    return is_mathml_text_integration_point(id) || x.name == "annotation-xml";
  }
  return x.name == "foreignObject" || x.name == "desc" || x.name == "title";
}

bool TreeBuilder::in_scope(Tag tag, Scope scope) const {
  if (!has_open(tag)) return false;  // the common case, without walking the stack
  for (std::size_t i = open_.size(); i-- > 0;) {
    ++steps_;
    NodeId id = open_[i];
    if (is_html(id, tag)) return true;
    if (is_scope_boundary(id, scope)) return false;
  }
  return false;
}

bool TreeBuilder::node_in_scope(NodeId target) const {
  for (std::size_t i = open_.size(); i-- > 0;) {
    ++steps_;
    NodeId id = open_[i];
    if (id == target) return true;
    if (is_scope_boundary(id, Scope::kDefault)) return false;
  }
  return false;
}

bool TreeBuilder::heading_in_scope() const {
  for (std::size_t i = open_.size(); i-- > 0;) {
    ++steps_;
    NodeId id = open_[i];
    if (is_any(id, Tag::h1, Tag::h2, Tag::h3, Tag::h4, Tag::h5, Tag::h6)) return true;
    if (is_scope_boundary(id, Scope::kDefault)) return false;
  }
  return false;
}

InsertionPoint TreeBuilder::appropriate_place(NodeId override_target) const {
  NodeId target = override_target != kNoNode ? override_target : current();
  InsertionPoint place{target, kNoNode};
  if (foster_parenting_ &&
      is_any(target, Tag::table, Tag::tbody, Tag::tfoot, Tag::thead, Tag::tr)) {
    std::size_t last_template = open_.size(), last_table = open_.size();
    for (std::size_t i = open_.size(); i-- > 0;) {
      ++steps_;
      if (last_template == open_.size() && is_html(open_[i], Tag::template_)) last_template = i;
      if (last_table == open_.size() && is_html(open_[i], Tag::table)) last_table = i;
      if (last_template != open_.size() && last_table != open_.size()) break;
    }
    if (last_template != open_.size() &&
        (last_table == open_.size() || last_template > last_table)) {
      place = {open_[last_template], kNoNode};
    } else if (last_table == open_.size()) {
      place = {open_[0], kNoNode};
    } else if (n(open_[last_table]).parent != kNoNode) {
      place = {n(open_[last_table]).parent, open_[last_table]};
    } else {
      place = {open_[last_table - 1], kNoNode};
    }
  }
  if (is_html(place.parent, Tag::template_)) place = {n(place.parent).template_contents, kNoNode};
  return place;
}

NodeId TreeBuilder::create_for_token(const Token& t, Namespace ns) {
  return doc_.create_element(t.data, ns, t.attributes);
}

NodeId TreeBuilder::create_for_current_token(Namespace ns) {
  // The token's attributes move into the element: no rule reads them after inserting.
  return doc_.create_element(token_.data, ns, std::move(token_.attributes));
}

NodeId TreeBuilder::insert_element(const Token& t, Namespace ns) {
  InsertionPoint place = appropriate_place();
  NodeId element = &t == &token_ ? create_for_current_token(ns) : create_for_token(t, ns);
  doc_.insert_before(place.parent, element, place.before);
  push(element);
  return element;
}

NodeId TreeBuilder::insert_synthetic(std::string_view name) {
  Token t;
  t.kind = TokenKind::kStartTag;
  t.data = name;
  return insert_element(t);
}

void TreeBuilder::insert_characters(std::string_view text) {
  if (text.empty()) return;
  InsertionPoint place = appropriate_place();
  if (n(place.parent).kind == NodeKind::kDocument) return;
  NodeId previous =
      place.before == kNoNode ? n(place.parent).last_child : n(place.before).previous_sibling;
  if (previous != kNoNode && n(previous).kind == NodeKind::kText) {
    doc_.mutable_node(previous).data.append(text);
    return;
  }
  NodeId node = doc_.create(NodeKind::kText);
  doc_.mutable_node(node).data = text;
  doc_.insert_before(place.parent, node, place.before);
}

void TreeBuilder::insert_comment(const Token& t, NodeId parent) {
  InsertionPoint place = parent != kNoNode ? InsertionPoint{parent, kNoNode} : appropriate_place();
  NodeId node = doc_.create(NodeKind::kComment);
  doc_.mutable_node(node).data = t.data;
  doc_.insert_before(place.parent, node, place.before);
}

// Noah's Ark: at most three entries with the same name and attributes after the last marker.
void TreeBuilder::push_formatting(NodeId id) {
  const Node& x = n(id);
  int same = 0;
  std::size_t earliest = formatting_.size();
  for (std::size_t i = formatting_.size(); i-- > 0;) {
    ++steps_;
    NodeId e = formatting_[i];
    if (e == kMarker) break;
    const Node& y = n(e);
    if (y.name != x.name || y.name_space != x.name_space ||
        y.attributes.size() != x.attributes.size())
      continue;
    bool equal = std::all_of(x.attributes.begin(), x.attributes.end(), [&](const Attribute& a) {
      return std::any_of(y.attributes.begin(), y.attributes.end(), [&](const Attribute& b) {
        return a.name == b.name && a.value == b.value && a.name_space == b.name_space;
      });
    });
    if (equal) {
      ++same;
      earliest = i;
    }
  }
  if (same >= 3) formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(earliest));
  formatting_.push_back(id);
}

void TreeBuilder::reconstruct_formatting() {
  if (formatting_.empty()) return;
  NodeId last = formatting_.back();
  if (last == kMarker || on_stack(last)) return;
  std::size_t i = formatting_.size() - 1;
  while (i > 0) {
    ++steps_;
    NodeId e = formatting_[i - 1];
    if (e == kMarker || on_stack(e)) break;
    --i;
  }
  for (; i < formatting_.size(); ++i) {
    if (depth_exceeded()) return;
    const Node& old = n(formatting_[i]);
    Token t;
    t.kind = TokenKind::kStartTag;
    t.data = old.name;
    t.attributes = old.attributes;
    formatting_[i] = insert_element(t);
  }
}

void TreeBuilder::clear_formatting_to_marker() {
  while (!formatting_.empty()) {
    NodeId e = formatting_.back();
    formatting_.pop_back();
    if (e == kMarker) return;
  }
}

void TreeBuilder::generate_implied_end_tags(Tag except) {
  while (!open_.empty()) {
    NodeId c = current();
    if (!is_any(c, Tag::dd, Tag::dt, Tag::li, Tag::optgroup, Tag::option, Tag::p, Tag::rb, Tag::rp,
                Tag::rt, Tag::rtc))
      return;
    if (except != Tag::kUnknown && is_html(c, except)) return;
    pop();
  }
}

void TreeBuilder::generate_all_implied_end_tags_thoroughly() {
  while (!open_.empty() &&
         is_any(current(), Tag::caption, Tag::colgroup, Tag::dd, Tag::dt, Tag::li, Tag::optgroup,
                Tag::option, Tag::p, Tag::rb, Tag::rp, Tag::rt, Tag::rtc, Tag::tbody, Tag::td,
                Tag::tfoot, Tag::th, Tag::thead, Tag::tr))
    pop();
}

void TreeBuilder::close_p_element() {
  generate_implied_end_tags(Tag::p);
  pop_until(Tag::p);
}

void TreeBuilder::clear_stack_to(Tag a, Tag b, Tag c) {
  while (!open_.empty() && !is_any(current(), a, b, c, Tag::template_, Tag::html)) pop();
}

void TreeBuilder::reset_insertion_mode() {
  for (std::size_t i = open_.size(); i-- > 0;) {
    ++steps_;
    bool last = i == 0;
    NodeId node = open_[i];
    if (last && context_ != kNoNode) node = context_;
    const Node& x = n(node);
    if (x.name_space == Namespace::kHtml) {
      switch (x.tag) {
        case Tag::select: {
          if (!last) {
            for (std::size_t j = i; j-- > 0;) {
              if (is_html(open_[j], Tag::template_)) break;
              if (is_html(open_[j], Tag::table)) {
                mode_ = Mode::kInSelectInTable;
                return;
              }
            }
          }
          mode_ = Mode::kInSelect;
          return;
        }
        case Tag::td:
        case Tag::th:
          if (!last) {
            mode_ = Mode::kInCell;
            return;
          }
          break;
        case Tag::tr: mode_ = Mode::kInRow; return;
        case Tag::tbody:
        case Tag::thead:
        case Tag::tfoot: mode_ = Mode::kInTableBody; return;
        case Tag::caption: mode_ = Mode::kInCaption; return;
        case Tag::colgroup: mode_ = Mode::kInColumnGroup; return;
        case Tag::table: mode_ = Mode::kInTable; return;
        case Tag::template_:
          mode_ = template_modes_.empty() ? Mode::kInBody : template_modes_.back();
          return;
        case Tag::head:
          if (!last) {
            mode_ = Mode::kInHead;
            return;
          }
          break;
        case Tag::body: mode_ = Mode::kInBody; return;
        case Tag::frameset: mode_ = Mode::kInFrameset; return;
        case Tag::html: mode_ = head_ == kNoNode ? Mode::kBeforeHead : Mode::kAfterHead; return;
        default: break;
      }
    }
    if (last) {
      mode_ = Mode::kInBody;
      return;
    }
  }
  mode_ = Mode::kInBody;
}

void TreeBuilder::generic_text_element(ContentState state) {
  insert_element(token_);
  tokenizer_.switch_to(state);
  original_mode_ = mode_;
  mode_ = Mode::kText;
}

bool TreeBuilder::split_leading_space(void (TreeBuilder::*on_space)(std::string_view)) {
  std::size_t space = leading_space(token_.data);
  if (space > 0) {
    (this->*on_space)(std::string_view(token_.data).substr(0, space));
    token_.data.erase(0, space);
  }
  return !token_.data.empty();
}

// --- the dispatcher ---

bool TreeBuilder::use_html_rules() const {
  if (open_.empty()) return true;
  NodeId adjusted = adjusted_current();
  const Node& a = n(adjusted);
  if (a.name_space == Namespace::kHtml) return true;
  const TokenKind kind = token_.kind;
  if (is_mathml_text_integration_point(adjusted)) {
    if (kind == TokenKind::kCharacters) return true;
    if (kind == TokenKind::kStartTag && token_.data != "mglyph" && token_.data != "malignmark")
      return true;
  }
  if (a.name_space == Namespace::kMathMl && a.name == "annotation-xml" &&
      kind == TokenKind::kStartTag && token_.data == "svg")
    return true;
  if (is_html_integration_point(adjusted) &&
      (kind == TokenKind::kStartTag || kind == TokenKind::kCharacters))
    return true;
  return kind == TokenKind::kEndOfFile;
}

// Elements that never stay open, so the depth cap need not drop them.
bool is_void(Tag tag) {
  switch (tag) {
    case Tag::area:
    case Tag::base:
    case Tag::basefont:
    case Tag::bgsound:
    case Tag::br:
    case Tag::col:
    case Tag::embed:
    case Tag::frame:
    case Tag::hr:
    case Tag::image:
    case Tag::img:
    case Tag::input:
    case Tag::keygen:
    case Tag::link:
    case Tag::meta:
    case Tag::param:
    case Tag::source:
    case Tag::track:
    case Tag::wbr:
    case Tag::html:
    case Tag::body: return true;
    default: return false;
  }
}

void TreeBuilder::process() {
  tag_of_token_ = (token_.kind == TokenKind::kStartTag || token_.kind == TokenKind::kEndTag)
                      ? tag_of(token_.data)
                      : Tag::kUnknown;
  // The depth cap: a start tag that would open an element deeper than max_depth is dropped
  // whole, which every insertion mode already copes with (it is as if the tag was absent).
  if (token_.kind == TokenKind::kStartTag && depth_exceeded() && !is_void(tag_of_token_)) return;
  do {
    ++steps_;
    reprocess_ = false;
    if (use_html_rules()) {
      process_in(mode_);
    } else {
      foreign_content();
    }
  } while (reprocess_ && !stopped_);
}

void TreeBuilder::process_in(Mode mode) {
  switch (mode) {
    case Mode::kInitial: initial(); break;
    case Mode::kBeforeHtml: before_html(); break;
    case Mode::kBeforeHead: before_head(); break;
    case Mode::kInHead: in_head(); break;
    case Mode::kInHeadNoscript: in_head_noscript(); break;
    case Mode::kAfterHead: after_head(); break;
    case Mode::kInBody: in_body(); break;
    case Mode::kText: text(); break;
    case Mode::kInTable: in_table(); break;
    case Mode::kInTableText: in_table_text(); break;
    case Mode::kInCaption: in_caption(); break;
    case Mode::kInColumnGroup: in_column_group(); break;
    case Mode::kInTableBody: in_table_body(); break;
    case Mode::kInRow: in_row(); break;
    case Mode::kInCell: in_cell(); break;
    case Mode::kInSelect: in_select(); break;
    case Mode::kInSelectInTable: in_select_in_table(); break;
    case Mode::kInTemplate: in_template(); break;
    case Mode::kAfterBody: after_body(); break;
    case Mode::kInFrameset: in_frameset(); break;
    case Mode::kAfterFrameset: after_frameset(); break;
    case Mode::kAfterAfterBody: after_after_body(); break;
    case Mode::kAfterAfterFrameset: after_after_frameset(); break;
  }
}

// 13.2.6.5: tokens inside SVG and MathML.
void TreeBuilder::foreign_content() {
  switch (token_.kind) {
    case TokenKind::kCharacters: {
      std::string text;
      text.reserve(token_.data.size());
      for (char c : token_.data) {
        if (c == '\0') {
          text.append("\xEF\xBF\xBD");
        } else {
          text.push_back(c);
        }
      }
      // A NUL becomes U+FFFD without closing the frameset door; other text closes it.
      if (std::any_of(token_.data.begin(), token_.data.end(),
                      [](char c) { return c != '\0' && !is_space(c); }))
        frameset_ok_ = false;
      insert_characters(text);
      return;
    }
    case TokenKind::kComment: insert_comment(token_); return;
    case TokenKind::kDoctype: return;
    case TokenKind::kStartTag: {
      bool breaks_out = false;
      switch (tag_of_token_) {
        case Tag::b:
        case Tag::big:
        case Tag::blockquote:
        case Tag::body:
        case Tag::br:
        case Tag::center:
        case Tag::code:
        case Tag::dd:
        case Tag::div:
        case Tag::dl:
        case Tag::dt:
        case Tag::em:
        case Tag::embed:
        case Tag::h1:
        case Tag::h2:
        case Tag::h3:
        case Tag::h4:
        case Tag::h5:
        case Tag::h6:
        case Tag::head:
        case Tag::hr:
        case Tag::i:
        case Tag::img:
        case Tag::li:
        case Tag::listing:
        case Tag::menu:
        case Tag::meta:
        case Tag::nobr:
        case Tag::ol:
        case Tag::p:
        case Tag::pre:
        case Tag::ruby:
        case Tag::s:
        case Tag::small:
        case Tag::span:
        case Tag::strong:
        case Tag::strike:
        case Tag::sub:
        case Tag::sup:
        case Tag::table:
        case Tag::tt:
        case Tag::u:
        case Tag::ul:
        case Tag::var: breaks_out = true; break;
        case Tag::font:
          for (const Attribute& a : token_.attributes) {
            if (a.name == "color" || a.name == "face" || a.name == "size") breaks_out = true;
          }
          break;
        default: break;
      }
      if (breaks_out) {
        while (!open_.empty() && n(current()).name_space != Namespace::kHtml &&
               !is_mathml_text_integration_point(current()) &&
               !is_html_integration_point(current()))
          pop();
        process_in(mode_);
        return;
      }
      Namespace ns = n(adjusted_current()).name_space;
      if (ns == Namespace::kSvg) camel_case(token_.data, kSvgCamelNames);
      adjust_foreign_attributes(token_, ns);
      insert_element(token_, ns);
      if (token_.self_closing) pop();
      return;
    }
    case TokenKind::kEndTag: {
      if (tag_of_token_ == Tag::br || tag_of_token_ == Tag::p) {
        while (!open_.empty() && n(current()).name_space != Namespace::kHtml &&
               !is_mathml_text_integration_point(current()) &&
               !is_html_integration_point(current()))
          pop();
        process_in(mode_);
        return;
      }
      if (token_.data == "script" && is_foreign(current(), Namespace::kSvg, "script")) {
        pop();
        return;
      }
      for (std::size_t i = open_.size(); i-- > 0;) {
        ++steps_;
        NodeId node = open_[i];
        if (i == 0) return;
        if (ascii_lower(n(node).name) == token_.data) {
          pop_until_node(node);
          return;
        }
        if (i > 0 && n(open_[i - 1]).name_space == Namespace::kHtml) {
          process_in(mode_);
          return;
        }
      }
      return;
    }
    case TokenKind::kEndOfFile: return;
  }
}

// --- the insertion modes (13.2.6.4) ---

void TreeBuilder::initial() {
  if (token_.kind == TokenKind::kCharacters && !split_leading_space(&TreeBuilder::ignore_text))
    return;
  if (token_.kind == TokenKind::kComment) {
    insert_comment(token_, doc_.root());
    return;
  }
  if (token_.kind == TokenKind::kDoctype) {
    NodeId d = doc_.create(NodeKind::kDoctype);
    Node& x = doc_.mutable_node(d);
    x.name = token_.data;
    x.data = token_.public_id;
    x.system_id = token_.system_id;
    x.has_ids = token_.has_public_id || token_.has_system_id;
    doc_.append_child(doc_.root(), d);
    doc_.set_quirks_mode(doctype_means_quirks(token_));
    mode_ = Mode::kBeforeHtml;
    return;
  }
  doc_.set_quirks_mode(true);
  reprocess_in(Mode::kBeforeHtml);
}

void TreeBuilder::before_html() {
  if (token_.kind == TokenKind::kDoctype) return;
  if (token_.kind == TokenKind::kComment) {
    insert_comment(token_, doc_.root());
    return;
  }
  if (token_.kind == TokenKind::kCharacters && !split_leading_space(&TreeBuilder::ignore_text))
    return;
  if (start(Tag::html)) {
    NodeId html = create_for_token(token_, Namespace::kHtml);
    doc_.append_child(doc_.root(), html);
    push(html);
    mode_ = Mode::kBeforeHead;
    return;
  }
  if (token_.kind == TokenKind::kEndTag && !end_any(Tag::head, Tag::body, Tag::html, Tag::br))
    return;
  NodeId html = doc_.create_element("html", Namespace::kHtml, {});
  doc_.append_child(doc_.root(), html);
  push(html);
  reprocess_in(Mode::kBeforeHead);
}

void TreeBuilder::before_head() {
  if (token_.kind == TokenKind::kCharacters && !split_leading_space(&TreeBuilder::ignore_text))
    return;
  if (token_.kind == TokenKind::kComment) {
    insert_comment(token_);
    return;
  }
  if (token_.kind == TokenKind::kDoctype) return;
  if (start(Tag::html)) {
    in_body();
    return;
  }
  if (start(Tag::head)) {
    head_ = insert_element(token_);
    mode_ = Mode::kInHead;
    return;
  }
  if (token_.kind == TokenKind::kEndTag && !end_any(Tag::head, Tag::body, Tag::html, Tag::br))
    return;
  head_ = insert_synthetic("head");
  reprocess_in(Mode::kInHead);
}

void TreeBuilder::in_head() {
  if (token_.kind == TokenKind::kCharacters && !split_leading_space(&TreeBuilder::insert_space))
    return;
  if (token_.kind == TokenKind::kComment) {
    insert_comment(token_);
    return;
  }
  if (token_.kind == TokenKind::kDoctype) return;
  if (start(Tag::html)) {
    in_body();
    return;
  }
  if (start_any(Tag::base, Tag::basefont, Tag::bgsound, Tag::link, Tag::meta)) {
    insert_element(token_);
    pop();
    return;
  }
  if (start(Tag::title)) {
    generic_text_element(ContentState::kRcdata);
    return;
  }
  if ((start(Tag::noscript) && options_.scripting) || start_any(Tag::noframes, Tag::style)) {
    generic_text_element(ContentState::kRawtext);
    return;
  }
  if (start(Tag::noscript)) {
    insert_element(token_);
    mode_ = Mode::kInHeadNoscript;
    return;
  }
  if (start(Tag::script)) {
    generic_text_element(ContentState::kScriptData);
    return;
  }
  if (end(Tag::head)) {
    pop();
    mode_ = Mode::kAfterHead;
    return;
  }
  if (start(Tag::template_)) {
    insert_element(token_);
    formatting_.push_back(kMarker);
    frameset_ok_ = false;
    mode_ = Mode::kInTemplate;
    template_modes_.push_back(Mode::kInTemplate);
    return;
  }
  if (end(Tag::template_)) {
    if (!has_open(Tag::template_)) return;
    generate_all_implied_end_tags_thoroughly();
    pop_until(Tag::template_);
    clear_formatting_to_marker();
    if (!template_modes_.empty()) template_modes_.pop_back();
    reset_insertion_mode();
    return;
  }
  if (start(Tag::head) ||
      (token_.kind == TokenKind::kEndTag && !end_any(Tag::body, Tag::html, Tag::br)))
    return;
  pop();
  reprocess_in(Mode::kAfterHead);
}

void TreeBuilder::in_head_noscript() {
  if (token_.kind == TokenKind::kDoctype) return;
  if (start(Tag::html)) {
    in_body();
    return;
  }
  if (end(Tag::noscript)) {
    pop();
    mode_ = Mode::kInHead;
    return;
  }
  if (token_.kind == TokenKind::kCharacters && !split_leading_space(&TreeBuilder::insert_space))
    return;
  if (token_.kind == TokenKind::kComment ||
      start_any(Tag::basefont, Tag::bgsound, Tag::link, Tag::meta, Tag::noframes, Tag::style)) {
    in_head();
    return;
  }
  if (start_any(Tag::head, Tag::noscript) || (token_.kind == TokenKind::kEndTag && !end(Tag::br)))
    return;
  pop();
  reprocess_in(Mode::kInHead);
}

void TreeBuilder::after_head() {
  if (token_.kind == TokenKind::kCharacters && !split_leading_space(&TreeBuilder::insert_space))
    return;
  if (token_.kind == TokenKind::kComment) {
    insert_comment(token_);
    return;
  }
  if (token_.kind == TokenKind::kDoctype) return;
  if (start(Tag::html)) {
    in_body();
    return;
  }
  if (start(Tag::body)) {
    insert_element(token_);
    frameset_ok_ = false;
    mode_ = Mode::kInBody;
    return;
  }
  if (start(Tag::frameset)) {
    insert_element(token_);
    mode_ = Mode::kInFrameset;
    return;
  }
  if (start_any(Tag::base, Tag::basefont, Tag::bgsound, Tag::link, Tag::meta, Tag::noframes,
                Tag::script, Tag::style, Tag::template_, Tag::title)) {
    if (head_ == kNoNode) return;
    push(head_);
    in_head();
    remove_from_stack(head_);
    return;
  }
  if (end(Tag::template_)) {
    in_head();
    return;
  }
  if (start(Tag::head) ||
      (token_.kind == TokenKind::kEndTag && !end_any(Tag::body, Tag::html, Tag::br)))
    return;
  insert_synthetic("body");
  reprocess_in(Mode::kInBody);
}

void TreeBuilder::any_other_end_tag_in_body() {
  for (std::size_t i = open_.size(); i-- > 0;) {
    ++steps_;
    NodeId node = open_[i];
    const Node& x = n(node);
    if (x.name_space == Namespace::kHtml && x.name == token_.data) {
      generate_implied_end_tags(tag_of_token_);  // kUnknown: no exception, none is unknown
      pop_until_node(node);
      return;
    }
    if (is_special(node)) return;
  }
}

void TreeBuilder::in_body() {
  switch (token_.kind) {
    case TokenKind::kCharacters: {
      std::string& s = token_.data;
      if (skip_newline_) {
        skip_newline_ = false;
        if (!s.empty() && s[0] == '\n') s.erase(0, 1);
      }
      if (s.find('\0') != std::string::npos)
        s.erase(std::remove(s.begin(), s.end(), '\0'), s.end());
      if (s.empty()) return;
      reconstruct_formatting();
      insert_characters(s);
      if (!all_space(s)) frameset_ok_ = false;
      return;
    }
    case TokenKind::kComment: insert_comment(token_); return;
    case TokenKind::kDoctype: return;
    case TokenKind::kEndOfFile:
      if (!template_modes_.empty()) {
        in_template();
        return;
      }
      stop_parsing();
      return;
    case TokenKind::kStartTag: break;
    case TokenKind::kEndTag: break;
  }

  if (token_.kind == TokenKind::kStartTag) {
    switch (tag_of_token_) {
      case Tag::html: {
        if (has_open(Tag::template_) || open_.empty()) return;
        Node& html = doc_.mutable_node(open_[0]);
        for (const Attribute& a : token_.attributes) {
          if (!doc_.has_attribute(open_[0], a.name)) html.attributes.push_back(a);
        }
        return;
      }
      case Tag::base:
      case Tag::basefont:
      case Tag::bgsound:
      case Tag::link:
      case Tag::meta:
      case Tag::noframes:
      case Tag::script:
      case Tag::style:
      case Tag::template_:
      case Tag::title: in_head(); return;
      case Tag::body: {
        if (open_.size() < 2 || !is_html(open_[1], Tag::body) || has_open(Tag::template_)) return;
        frameset_ok_ = false;
        Node& body = doc_.mutable_node(open_[1]);
        for (const Attribute& a : token_.attributes) {
          if (!doc_.has_attribute(open_[1], a.name)) body.attributes.push_back(a);
        }
        return;
      }
      case Tag::frameset: {
        if (open_.size() < 2 || !is_html(open_[1], Tag::body) || !frameset_ok_) return;
        doc_.detach(open_[1]);
        while (open_.size() > 1) pop();
        insert_element(token_);
        mode_ = Mode::kInFrameset;
        return;
      }
      case Tag::address:
      case Tag::article:
      case Tag::aside:
      case Tag::blockquote:
      case Tag::center:
      case Tag::details:
      case Tag::dialog:
      case Tag::dir:
      case Tag::div:
      case Tag::dl:
      case Tag::fieldset:
      case Tag::figcaption:
      case Tag::figure:
      case Tag::footer:
      case Tag::header:
      case Tag::hgroup:
      case Tag::main:
      case Tag::menu:
      case Tag::nav:
      case Tag::ol:
      case Tag::p:
      case Tag::search:
      case Tag::section:
      case Tag::summary:
      case Tag::ul:
        close_p_if_in_button_scope();
        insert_element(token_);
        return;
      case Tag::h1:
      case Tag::h2:
      case Tag::h3:
      case Tag::h4:
      case Tag::h5:
      case Tag::h6:
        close_p_if_in_button_scope();
        if (is_any(current(), Tag::h1, Tag::h2, Tag::h3, Tag::h4, Tag::h5, Tag::h6)) pop();
        insert_element(token_);
        return;
      case Tag::pre:
      case Tag::listing:
        close_p_if_in_button_scope();
        insert_element(token_);
        skip_newline_ = true;
        frameset_ok_ = false;
        return;
      case Tag::form:
        if (form_ != kNoNode && !has_open(Tag::template_)) return;
        close_p_if_in_button_scope();
        {
          NodeId f = insert_element(token_);
          if (!has_open(Tag::template_)) form_ = f;
        }
        return;
      case Tag::li:
      case Tag::dd:
      case Tag::dt: {
        frameset_ok_ = false;
        for (std::size_t i = open_.size(); i-- > 0;) {
          ++steps_;
          NodeId node = open_[i];
          bool match =
              tag_of_token_ == Tag::li ? is_html(node, Tag::li) : is_any(node, Tag::dd, Tag::dt);
          if (match) {
            Tag t = n(node).tag;
            generate_implied_end_tags(t);
            pop_until(t);
            break;
          }
          if (is_special(node) && !is_any(node, Tag::address, Tag::div, Tag::p)) break;
        }
        close_p_if_in_button_scope();
        insert_element(token_);
        return;
      }
      case Tag::plaintext:
        close_p_if_in_button_scope();
        insert_element(token_);
        tokenizer_.switch_to(ContentState::kPlaintext);
        return;
      case Tag::button:
        if (in_scope(Tag::button)) {
          generate_implied_end_tags();
          pop_until(Tag::button);
        }
        reconstruct_formatting();
        insert_element(token_);
        frameset_ok_ = false;
        return;
      case Tag::a: {
        for (std::size_t i = formatting_.size(); i-- > 0;) {
          ++steps_;
          NodeId e = formatting_[i];
          if (e == kMarker) break;
          if (is_html(e, Tag::a)) {
            adoption_agency("a");
            remove_from_formatting(e);
            remove_from_stack(e);
            break;
          }
        }
        reconstruct_formatting();
        push_formatting(insert_element(token_));
        return;
      }
      case Tag::b:
      case Tag::big:
      case Tag::code:
      case Tag::em:
      case Tag::font:
      case Tag::i:
      case Tag::s:
      case Tag::small:
      case Tag::strike:
      case Tag::strong:
      case Tag::tt:
      case Tag::u:
        reconstruct_formatting();
        push_formatting(insert_element(token_));
        return;
      case Tag::nobr:
        reconstruct_formatting();
        if (in_scope(Tag::nobr)) {
          adoption_agency("nobr");
          reconstruct_formatting();
        }
        push_formatting(insert_element(token_));
        return;
      case Tag::applet:
      case Tag::marquee:
      case Tag::object:
        reconstruct_formatting();
        insert_element(token_);
        formatting_.push_back(kMarker);
        frameset_ok_ = false;
        return;
      case Tag::table:
        if (!doc_.quirks_mode()) close_p_if_in_button_scope();
        insert_element(token_);
        frameset_ok_ = false;
        mode_ = Mode::kInTable;
        return;
      case Tag::area:
      case Tag::br:
      case Tag::embed:
      case Tag::img:
      case Tag::keygen:
      case Tag::wbr:
        reconstruct_formatting();
        insert_element(token_);
        pop();
        frameset_ok_ = false;
        return;
      case Tag::input: {
        bool hidden = false;
        for (const Attribute& a : token_.attributes) {
          if (a.name == "type") hidden = unicode::ascii_iequals(a.value, "hidden");
        }
        reconstruct_formatting();
        insert_element(token_);
        pop();
        if (!hidden) frameset_ok_ = false;
        return;
      }
      case Tag::param:
      case Tag::source:
      case Tag::track:
        insert_element(token_);
        pop();
        return;
      case Tag::hr:
        close_p_if_in_button_scope();
        insert_element(token_);
        pop();
        frameset_ok_ = false;
        return;
      case Tag::image:
        set_token_name("img");
        reprocess_ = true;
        return;
      case Tag::textarea:
        insert_element(token_);
        skip_newline_ = true;
        tokenizer_.switch_to(ContentState::kRcdata);
        original_mode_ = mode_;
        frameset_ok_ = false;
        mode_ = Mode::kText;
        return;
      case Tag::xmp:
        close_p_if_in_button_scope();
        reconstruct_formatting();
        frameset_ok_ = false;
        generic_text_element(ContentState::kRawtext);
        return;
      case Tag::iframe:
        frameset_ok_ = false;
        generic_text_element(ContentState::kRawtext);
        return;
      case Tag::noembed: generic_text_element(ContentState::kRawtext); return;
      case Tag::noscript:
        if (options_.scripting) {
          generic_text_element(ContentState::kRawtext);
          return;
        }
        break;
      case Tag::select:
        reconstruct_formatting();
        insert_element(token_);
        frameset_ok_ = false;
        mode_ = (mode_ == Mode::kInTable || mode_ == Mode::kInCaption ||
                 mode_ == Mode::kInTableBody || mode_ == Mode::kInRow || mode_ == Mode::kInCell)
                    ? Mode::kInSelectInTable
                    : Mode::kInSelect;
        return;
      case Tag::optgroup:
      case Tag::option:
        if (is_html(current(), Tag::option)) pop();
        reconstruct_formatting();
        insert_element(token_);
        return;
      case Tag::rb:
      case Tag::rtc:
        if (in_scope(Tag::ruby)) generate_implied_end_tags();
        insert_element(token_);
        return;
      case Tag::rp:
      case Tag::rt:
        if (in_scope(Tag::ruby)) generate_implied_end_tags(Tag::rtc);
        insert_element(token_);
        return;
      case Tag::math:
      case Tag::svg: {
        reconstruct_formatting();
        bool svg = tag_of_token_ == Tag::svg;
        adjust_foreign_attributes(token_, svg ? Namespace::kSvg : Namespace::kMathMl);
        insert_element(token_, svg ? Namespace::kSvg : Namespace::kMathMl);
        if (token_.self_closing) pop();
        return;
      }
      case Tag::caption:
      case Tag::col:
      case Tag::colgroup:
      case Tag::frame:
      case Tag::head:
      case Tag::tbody:
      case Tag::td:
      case Tag::tfoot:
      case Tag::th:
      case Tag::thead:
      case Tag::tr: return;
      default: break;
    }
    reconstruct_formatting();
    insert_element(token_);
    return;
  }

  // End tags.
  switch (tag_of_token_) {
    case Tag::template_: in_head(); return;
    case Tag::body:
    case Tag::html:
      if (!in_scope(Tag::body)) return;
      mode_ = Mode::kAfterBody;
      if (tag_of_token_ == Tag::html) reprocess_ = true;
      return;
    case Tag::address:
    case Tag::article:
    case Tag::aside:
    case Tag::blockquote:
    case Tag::button:
    case Tag::center:
    case Tag::details:
    case Tag::dialog:
    case Tag::dir:
    case Tag::div:
    case Tag::dl:
    case Tag::fieldset:
    case Tag::figcaption:
    case Tag::figure:
    case Tag::footer:
    case Tag::header:
    case Tag::hgroup:
    case Tag::listing:
    case Tag::main:
    case Tag::menu:
    case Tag::nav:
    case Tag::ol:
    case Tag::pre:
    case Tag::search:
    case Tag::section:
    case Tag::summary:
    case Tag::ul:
      if (!in_scope(tag_of_token_)) return;
      generate_implied_end_tags();
      pop_until(tag_of_token_);
      return;
    case Tag::form:
      if (!has_open(Tag::template_)) {
        NodeId node = form_;
        form_ = kNoNode;
        if (node == kNoNode || !node_in_scope(node)) return;
        generate_implied_end_tags();
        remove_from_stack(node);
      } else {
        if (!in_scope(Tag::form)) return;
        generate_implied_end_tags();
        pop_until(Tag::form);
      }
      return;
    case Tag::p:
      if (!in_scope(Tag::p, Scope::kButton)) insert_synthetic("p");
      close_p_element();
      return;
    case Tag::li:
      if (!in_scope(Tag::li, Scope::kListItem)) return;
      generate_implied_end_tags(Tag::li);
      pop_until(Tag::li);
      return;
    case Tag::dd:
    case Tag::dt:
      if (!in_scope(tag_of_token_)) return;
      generate_implied_end_tags(tag_of_token_);
      pop_until(tag_of_token_);
      return;
    case Tag::h1:
    case Tag::h2:
    case Tag::h3:
    case Tag::h4:
    case Tag::h5:
    case Tag::h6:
      if (!heading_in_scope()) return;
      generate_implied_end_tags();
      pop_until_any(Tag::h1, Tag::h2, Tag::h3, Tag::h4, Tag::h5, Tag::h6);
      return;
    case Tag::a:
    case Tag::b:
    case Tag::big:
    case Tag::code:
    case Tag::em:
    case Tag::font:
    case Tag::i:
    case Tag::nobr:
    case Tag::s:
    case Tag::small:
    case Tag::strike:
    case Tag::strong:
    case Tag::tt:
    case Tag::u:
      if (!adoption_agency(token_.data)) any_other_end_tag_in_body();
      return;
    case Tag::applet:
    case Tag::marquee:
    case Tag::object:
      if (!in_scope(tag_of_token_)) return;
      generate_implied_end_tags();
      pop_until(tag_of_token_);
      clear_formatting_to_marker();
      return;
    case Tag::br:
      token_.kind = TokenKind::kStartTag;
      token_.attributes.clear();
      reprocess_ = true;
      return;
    default: any_other_end_tag_in_body(); return;
  }
}

// 13.2.6.4.7, "adoption agency algorithm". Returns false when the caller should act as
// for "any other end tag".
bool TreeBuilder::adoption_agency(const std::string& subject) {
  NodeId cur = current();
  if (cur != kNoNode && n(cur).name_space == Namespace::kHtml && n(cur).name == subject &&
      !in_formatting(cur)) {
    pop();
    return true;
  }
  for (int outer = 0; outer < 8; ++outer) {
    NodeId formatting_element = kNoNode;
    std::size_t formatting_index = 0;
    for (std::size_t i = formatting_.size(); i-- > 0;) {
      ++steps_;
      NodeId e = formatting_[i];
      if (e == kMarker) break;
      if (n(e).name == subject && n(e).name_space == Namespace::kHtml) {
        formatting_element = e;
        formatting_index = i;
        break;
      }
    }
    if (formatting_element == kNoNode) return false;
    if (!on_stack(formatting_element)) {
      formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(formatting_index));
      return true;
    }
    if (!node_in_scope(formatting_element)) return true;
    std::size_t fe_stack = stack_index(formatting_element);
    std::size_t furthest_index = open_.size();
    for (std::size_t i = fe_stack + 1; i < open_.size(); ++i) {
      ++steps_;
      if (is_special(open_[i])) {
        furthest_index = i;
        break;
      }
    }
    if (furthest_index == open_.size()) {
      pop_until_node(formatting_element);
      remove_from_formatting(formatting_element);
      return true;
    }
    NodeId furthest_block = open_[furthest_index];
    NodeId common_ancestor = open_[fe_stack - 1];
    std::size_t bookmark = formatting_index;
    NodeId node = furthest_block;
    NodeId last_node = furthest_block;
    std::size_t node_index = furthest_index;
    for (int inner = 1;; ++inner) {
      ++steps_;
      --node_index;
      node = open_[node_index];
      if (node == formatting_element) break;
      auto in_list = std::find(formatting_.begin(), formatting_.end(), node);
      if (inner > 3 && in_list != formatting_.end()) {
        std::size_t at = static_cast<std::size_t>(in_list - formatting_.begin());
        formatting_.erase(in_list);
        if (at < bookmark) --bookmark;
        in_list = formatting_.end();
      }
      if (in_list == formatting_.end()) {
        forget(node);
        open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(node_index));
        continue;
      }
      const Node& old = n(node);
      NodeId replacement = doc_.create_element(old.name, old.name_space, old.attributes);
      *in_list = replacement;
      forget(node);
      open_[node_index] = replacement;
      if (on_stack_.size() <= replacement) on_stack_.resize(doc_.size() + 64, false);
      on_stack_[replacement] = true;
      if (n(replacement).name_space == Namespace::kHtml)
        ++open_count_[static_cast<std::size_t>(n(replacement).tag)];
      node = replacement;
      if (last_node == furthest_block)
        bookmark = static_cast<std::size_t>(in_list - formatting_.begin()) + 1;
      doc_.append_child(node, last_node);
      last_node = node;
    }
    InsertionPoint place = appropriate_place(common_ancestor);
    doc_.insert_before(place.parent, last_node, place.before);
    const Node& fe = n(formatting_element);
    NodeId element = doc_.create_element(fe.name, fe.name_space, fe.attributes);
    while (n(furthest_block).first_child != kNoNode) {
      ++steps_;
      doc_.append_child(element, n(furthest_block).first_child);
    }
    doc_.append_child(furthest_block, element);
    auto old_entry = std::find(formatting_.begin(), formatting_.end(), formatting_element);
    std::size_t old_at = static_cast<std::size_t>(old_entry - formatting_.begin());
    formatting_.erase(old_entry);
    if (old_at < bookmark) --bookmark;
    formatting_.insert(
        formatting_.begin() + static_cast<std::ptrdiff_t>(std::min(bookmark, formatting_.size())),
        element);
    remove_from_stack(formatting_element);
    std::size_t fb = stack_index(furthest_block);
    open_.insert(open_.begin() + static_cast<std::ptrdiff_t>(fb + 1), element);
    if (on_stack_.size() <= element) on_stack_.resize(doc_.size() + 64, false);
    on_stack_[element] = true;
    ++open_count_[static_cast<std::size_t>(n(element).tag)];
  }
  return true;
}

void TreeBuilder::text() {
  if (token_.kind == TokenKind::kCharacters) {
    std::string& s = token_.data;
    if (skip_newline_) {
      skip_newline_ = false;
      if (!s.empty() && s[0] == '\n') s.erase(0, 1);
    }
    insert_characters(s);
    return;
  }
  if (token_.kind == TokenKind::kEndOfFile) {
    pop();
    reprocess_in(original_mode_);
    return;
  }
  if (token_.kind == TokenKind::kEndTag) {
    pop();
    mode_ = original_mode_;
  }
}

void TreeBuilder::in_table() {
  if (token_.kind == TokenKind::kCharacters &&
      is_any(current(), Tag::table, Tag::tbody, Tag::template_, Tag::tfoot, Tag::thead, Tag::tr)) {
    pending_table_text_.clear();
    original_mode_ = mode_;
    reprocess_in(Mode::kInTableText);
    return;
  }
  if (token_.kind == TokenKind::kComment) {
    insert_comment(token_);
    return;
  }
  if (token_.kind == TokenKind::kDoctype) return;
  if (start(Tag::caption)) {
    clear_stack_to(Tag::table);
    formatting_.push_back(kMarker);
    insert_element(token_);
    mode_ = Mode::kInCaption;
    return;
  }
  if (start(Tag::colgroup)) {
    clear_stack_to(Tag::table);
    insert_element(token_);
    mode_ = Mode::kInColumnGroup;
    return;
  }
  if (start(Tag::col)) {
    clear_stack_to(Tag::table);
    insert_synthetic("colgroup");
    reprocess_in(Mode::kInColumnGroup);
    return;
  }
  if (start_any(Tag::tbody, Tag::tfoot, Tag::thead)) {
    clear_stack_to(Tag::table);
    insert_element(token_);
    mode_ = Mode::kInTableBody;
    return;
  }
  if (start_any(Tag::td, Tag::th, Tag::tr)) {
    clear_stack_to(Tag::table);
    insert_synthetic("tbody");
    reprocess_in(Mode::kInTableBody);
    return;
  }
  if (start(Tag::table)) {
    if (!in_scope(Tag::table, Scope::kTable)) return;
    pop_until(Tag::table);
    reset_insertion_mode();
    reprocess_ = true;
    return;
  }
  if (end(Tag::table)) {
    if (!in_scope(Tag::table, Scope::kTable)) return;
    pop_until(Tag::table);
    reset_insertion_mode();
    return;
  }
  if (end_any(Tag::body, Tag::caption, Tag::col, Tag::colgroup, Tag::html, Tag::tbody, Tag::td,
              Tag::tfoot, Tag::th, Tag::thead, Tag::tr))
    return;
  if (start_any(Tag::style, Tag::script, Tag::template_) || end(Tag::template_)) {
    in_head();
    return;
  }
  if (start(Tag::input)) {
    bool hidden = false;
    for (const Attribute& a : token_.attributes) {
      if (a.name == "type") hidden = unicode::ascii_iequals(a.value, "hidden");
    }
    if (hidden) {
      insert_element(token_);
      pop();
      return;
    }
  }
  if (start(Tag::form)) {
    if (has_open(Tag::template_) || form_ != kNoNode) return;
    form_ = insert_element(token_);
    pop();
    return;
  }
  if (token_.kind == TokenKind::kEndOfFile) {
    in_body();
    return;
  }
  foster_parenting_ = true;
  in_body();
  foster_parenting_ = false;
}

void TreeBuilder::in_table_text() {
  if (token_.kind == TokenKind::kCharacters) {
    for (char c : token_.data) {
      if (c != '\0') pending_table_text_.push_back(c);
    }
    return;
  }
  Token saved = std::move(token_);
  Tag saved_tag = tag_of_token_;
  token_ = Token{};
  token_.kind = TokenKind::kCharacters;
  token_.data = std::move(pending_table_text_);
  pending_table_text_.clear();
  if (!all_space(token_.data)) {
    foster_parenting_ = true;
    in_body();
    foster_parenting_ = false;
  } else {
    insert_characters(token_.data);
  }
  token_ = std::move(saved);
  tag_of_token_ = saved_tag;
  reprocess_in(original_mode_);
}

void TreeBuilder::in_caption() {
  if (end(Tag::caption) ||
      start_any(Tag::caption, Tag::col, Tag::colgroup, Tag::tbody, Tag::td, Tag::tfoot, Tag::th,
                Tag::thead, Tag::tr) ||
      end(Tag::table)) {
    if (!in_scope(Tag::caption, Scope::kTable)) return;
    generate_implied_end_tags();
    pop_until(Tag::caption);
    clear_formatting_to_marker();
    mode_ = Mode::kInTable;
    if (!end(Tag::caption)) reprocess_ = true;
    return;
  }
  if (end_any(Tag::body, Tag::col, Tag::colgroup, Tag::html, Tag::tbody, Tag::td, Tag::tfoot,
              Tag::th, Tag::thead, Tag::tr))
    return;
  in_body();
}

void TreeBuilder::in_column_group() {
  if (token_.kind == TokenKind::kCharacters && !split_leading_space(&TreeBuilder::insert_space))
    return;
  if (token_.kind == TokenKind::kComment) {
    insert_comment(token_);
    return;
  }
  if (token_.kind == TokenKind::kDoctype) return;
  if (start(Tag::html)) {
    in_body();
    return;
  }
  if (start(Tag::col)) {
    insert_element(token_);
    pop();
    return;
  }
  if (end(Tag::colgroup)) {
    if (!is_html(current(), Tag::colgroup)) return;
    pop();
    mode_ = Mode::kInTable;
    return;
  }
  if (end(Tag::col)) return;
  if (start(Tag::template_) || end(Tag::template_)) {
    in_head();
    return;
  }
  if (token_.kind == TokenKind::kEndOfFile) {
    in_body();
    return;
  }
  if (!is_html(current(), Tag::colgroup)) return;
  pop();
  reprocess_in(Mode::kInTable);
}

void TreeBuilder::in_table_body() {
  if (start(Tag::tr)) {
    clear_stack_to(Tag::tbody, Tag::tfoot, Tag::thead);
    insert_element(token_);
    mode_ = Mode::kInRow;
    return;
  }
  if (start_any(Tag::th, Tag::td)) {
    clear_stack_to(Tag::tbody, Tag::tfoot, Tag::thead);
    insert_synthetic("tr");
    reprocess_in(Mode::kInRow);
    return;
  }
  if (end_any(Tag::tbody, Tag::tfoot, Tag::thead)) {
    if (!in_scope(tag_of_token_, Scope::kTable)) return;
    clear_stack_to(Tag::tbody, Tag::tfoot, Tag::thead);
    pop();
    mode_ = Mode::kInTable;
    return;
  }
  if (start_any(Tag::caption, Tag::col, Tag::colgroup, Tag::tbody, Tag::tfoot, Tag::thead) ||
      end(Tag::table)) {
    if (!in_scope(Tag::tbody, Scope::kTable) && !in_scope(Tag::thead, Scope::kTable) &&
        !in_scope(Tag::tfoot, Scope::kTable))
      return;
    clear_stack_to(Tag::tbody, Tag::tfoot, Tag::thead);
    pop();
    reprocess_in(Mode::kInTable);
    return;
  }
  if (end_any(Tag::body, Tag::caption, Tag::col, Tag::colgroup, Tag::html, Tag::td, Tag::th,
              Tag::tr))
    return;
  in_table();
}

void TreeBuilder::in_row() {
  if (start_any(Tag::th, Tag::td)) {
    clear_stack_to(Tag::tr);
    insert_element(token_);
    mode_ = Mode::kInCell;
    formatting_.push_back(kMarker);
    return;
  }
  if (end(Tag::tr)) {
    if (!in_scope(Tag::tr, Scope::kTable)) return;
    clear_stack_to(Tag::tr);
    pop();
    mode_ = Mode::kInTableBody;
    return;
  }
  if (start_any(Tag::caption, Tag::col, Tag::colgroup, Tag::tbody, Tag::tfoot, Tag::thead,
                Tag::tr) ||
      end(Tag::table)) {
    if (!in_scope(Tag::tr, Scope::kTable)) return;
    clear_stack_to(Tag::tr);
    pop();
    reprocess_in(Mode::kInTableBody);
    return;
  }
  if (end_any(Tag::tbody, Tag::tfoot, Tag::thead)) {
    if (!in_scope(tag_of_token_, Scope::kTable)) return;
    if (!in_scope(Tag::tr, Scope::kTable)) return;
    clear_stack_to(Tag::tr);
    pop();
    reprocess_in(Mode::kInTableBody);
    return;
  }
  if (end_any(Tag::body, Tag::caption, Tag::col, Tag::colgroup, Tag::html, Tag::td, Tag::th))
    return;
  in_table();
}

void TreeBuilder::close_cell() {
  generate_implied_end_tags();
  pop_until_any(Tag::td, Tag::th);
  clear_formatting_to_marker();
  mode_ = Mode::kInRow;
}

void TreeBuilder::in_cell() {
  if (end_any(Tag::td, Tag::th)) {
    if (!in_scope(tag_of_token_, Scope::kTable)) return;
    generate_implied_end_tags();
    pop_until(tag_of_token_);
    clear_formatting_to_marker();
    mode_ = Mode::kInRow;
    return;
  }
  if (start_any(Tag::caption, Tag::col, Tag::colgroup, Tag::tbody, Tag::td, Tag::tfoot, Tag::th,
                Tag::thead, Tag::tr)) {
    if (!in_scope(Tag::td, Scope::kTable) && !in_scope(Tag::th, Scope::kTable)) return;
    close_cell();
    reprocess_ = true;
    return;
  }
  if (end_any(Tag::body, Tag::caption, Tag::col, Tag::colgroup, Tag::html)) return;
  if (end_any(Tag::table, Tag::tbody, Tag::tfoot, Tag::thead, Tag::tr)) {
    if (!in_scope(tag_of_token_, Scope::kTable)) return;
    close_cell();
    reprocess_ = true;
    return;
  }
  in_body();
}

void TreeBuilder::in_select() {
  switch (token_.kind) {
    case TokenKind::kCharacters: {
      std::string s;
      for (char c : token_.data) {
        if (c != '\0') s.push_back(c);
      }
      insert_characters(s);
      return;
    }
    case TokenKind::kComment: insert_comment(token_); return;
    case TokenKind::kDoctype: return;
    case TokenKind::kEndOfFile: in_body(); return;
    default: break;
  }
  if (start(Tag::html)) {
    in_body();
    return;
  }
  if (start(Tag::option)) {
    if (is_html(current(), Tag::option)) pop();
    insert_element(token_);
    return;
  }
  if (start(Tag::optgroup)) {
    if (is_html(current(), Tag::option)) pop();
    if (is_html(current(), Tag::optgroup)) pop();
    insert_element(token_);
    return;
  }
  if (start(Tag::hr)) {
    if (is_html(current(), Tag::option)) pop();
    if (is_html(current(), Tag::optgroup)) pop();
    insert_element(token_);
    pop();
    return;
  }
  if (end(Tag::optgroup)) {
    if (is_html(current(), Tag::option) && open_.size() >= 2 &&
        is_html(open_[open_.size() - 2], Tag::optgroup))
      pop();
    if (is_html(current(), Tag::optgroup)) pop();
    return;
  }
  if (end(Tag::option)) {
    if (is_html(current(), Tag::option)) pop();
    return;
  }
  if (end(Tag::select) || start(Tag::select)) {
    if (!in_scope(Tag::select, Scope::kSelect)) return;
    pop_until(Tag::select);
    reset_insertion_mode();
    return;
  }
  if (start_any(Tag::input, Tag::keygen, Tag::textarea)) {
    if (!in_scope(Tag::select, Scope::kSelect)) return;
    pop_until(Tag::select);
    reset_insertion_mode();
    reprocess_ = true;
    return;
  }
  if (start_any(Tag::script, Tag::template_) || end(Tag::template_)) {
    in_head();
    return;
  }
}

void TreeBuilder::in_select_in_table() {
  if (start_any(Tag::caption, Tag::table, Tag::tbody, Tag::tfoot, Tag::thead, Tag::tr, Tag::td,
                Tag::th)) {
    pop_until(Tag::select);
    reset_insertion_mode();
    reprocess_ = true;
    return;
  }
  if (end_any(Tag::caption, Tag::table, Tag::tbody, Tag::tfoot, Tag::thead, Tag::tr, Tag::td,
              Tag::th)) {
    if (!in_scope(tag_of_token_, Scope::kTable)) return;
    pop_until(Tag::select);
    reset_insertion_mode();
    reprocess_ = true;
    return;
  }
  in_select();
}

void TreeBuilder::in_template() {
  switch (token_.kind) {
    case TokenKind::kCharacters:
    case TokenKind::kComment:
    case TokenKind::kDoctype: in_body(); return;
    case TokenKind::kEndOfFile:
      if (!has_open(Tag::template_)) {
        stop_parsing();
        return;
      }
      pop_until(Tag::template_);
      clear_formatting_to_marker();
      if (!template_modes_.empty()) template_modes_.pop_back();
      reset_insertion_mode();
      reprocess_ = true;
      return;
    default: break;
  }
  if (start_any(Tag::base, Tag::basefont, Tag::bgsound, Tag::link, Tag::meta, Tag::noframes,
                Tag::script, Tag::style, Tag::template_, Tag::title) ||
      end(Tag::template_)) {
    in_head();
    return;
  }
  Mode next;
  if (start_any(Tag::caption, Tag::colgroup, Tag::tbody, Tag::tfoot, Tag::thead)) {
    next = Mode::kInTable;
  } else if (start(Tag::col)) {
    next = Mode::kInColumnGroup;
  } else if (start(Tag::tr)) {
    next = Mode::kInTableBody;
  } else if (start_any(Tag::td, Tag::th)) {
    next = Mode::kInRow;
  } else if (token_.kind == TokenKind::kStartTag) {
    next = Mode::kInBody;
  } else {
    return;  // any other end tag
  }
  if (!template_modes_.empty()) template_modes_.pop_back();
  template_modes_.push_back(next);
  reprocess_in(next);
}

void TreeBuilder::after_body() {
  if (token_.kind == TokenKind::kCharacters && all_space(token_.data)) {
    in_body();
    return;
  }
  if (token_.kind == TokenKind::kComment) {
    insert_comment(token_, open_.empty() ? doc_.root() : open_[0]);
    return;
  }
  if (token_.kind == TokenKind::kDoctype) return;
  if (start(Tag::html)) {
    in_body();
    return;
  }
  if (end(Tag::html)) {
    if (context_ == kNoNode) mode_ = Mode::kAfterAfterBody;
    return;
  }
  if (token_.kind == TokenKind::kEndOfFile) {
    stop_parsing();
    return;
  }
  reprocess_in(Mode::kInBody);
}

void TreeBuilder::in_frameset() {
  if (token_.kind == TokenKind::kCharacters) {
    insert_characters(spaces_of(token_.data));
    return;
  }
  if (token_.kind == TokenKind::kComment) {
    insert_comment(token_);
    return;
  }
  if (token_.kind == TokenKind::kDoctype) return;
  if (start(Tag::html)) {
    in_body();
    return;
  }
  if (start(Tag::frameset)) {
    insert_element(token_);
    return;
  }
  if (end(Tag::frameset)) {
    if (open_.size() == 1 && is_html(current(), Tag::html)) return;
    pop();
    if (context_ == kNoNode && !is_html(current(), Tag::frameset)) mode_ = Mode::kAfterFrameset;
    return;
  }
  if (start(Tag::frame)) {
    insert_element(token_);
    pop();
    return;
  }
  if (start(Tag::noframes)) {
    in_head();
    return;
  }
  if (token_.kind == TokenKind::kEndOfFile) stop_parsing();
}

void TreeBuilder::after_frameset() {
  if (token_.kind == TokenKind::kCharacters) {
    insert_characters(spaces_of(token_.data));
    return;
  }
  if (token_.kind == TokenKind::kComment) {
    insert_comment(token_);
    return;
  }
  if (token_.kind == TokenKind::kDoctype) return;
  if (start(Tag::html)) {
    in_body();
    return;
  }
  if (end(Tag::html)) {
    mode_ = Mode::kAfterAfterFrameset;
    return;
  }
  if (start(Tag::noframes)) {
    in_head();
    return;
  }
  if (token_.kind == TokenKind::kEndOfFile) stop_parsing();
}

void TreeBuilder::after_after_body() {
  if (token_.kind == TokenKind::kComment) {
    insert_comment(token_, doc_.root());
    return;
  }
  if (token_.kind == TokenKind::kDoctype || start(Tag::html) ||
      (token_.kind == TokenKind::kCharacters && all_space(token_.data))) {
    in_body();
    return;
  }
  if (token_.kind == TokenKind::kEndOfFile) {
    stop_parsing();
    return;
  }
  reprocess_in(Mode::kInBody);
}

void TreeBuilder::after_after_frameset() {
  if (token_.kind == TokenKind::kComment) {
    insert_comment(token_, doc_.root());
    return;
  }
  if (token_.kind == TokenKind::kCharacters) {
    token_.data = spaces_of(token_.data);
    if (!token_.data.empty()) in_body();
    return;
  }
  if (token_.kind == TokenKind::kDoctype || start(Tag::html)) {
    in_body();
    return;
  }
  if (token_.kind == TokenKind::kEndOfFile) {
    stop_parsing();
    return;
  }
  if (start(Tag::noframes)) in_head();
}

Document TreeBuilder::run() {
  on_stack_.assign(64, false);
  doc_.reserve(input_size_ / 48 + 16);  // pages run about one node per 40 to 80 bytes
  if (!options_.fragment_context.empty()) {
    // 13.4, "parsing HTML fragments".
    std::string_view spec = options_.fragment_context;
    Namespace ns = Namespace::kHtml;
    if (spec.rfind("svg ", 0) == 0) {
      ns = Namespace::kSvg;
      spec.remove_prefix(4);
    } else if (spec.rfind("math ", 0) == 0) {
      ns = Namespace::kMathMl;
      spec.remove_prefix(5);
    }
    context_ = doc_.create_element(std::string(spec), ns, {});
    NodeId html = doc_.create_element("html", Namespace::kHtml, {});
    doc_.append_child(doc_.root(), html);
    doc_.set_fragment_root(html);
    push(html);
    if (ns == Namespace::kHtml) {
      switch (n(context_).tag) {
        case Tag::title:
        case Tag::textarea: tokenizer_.switch_to(ContentState::kRcdata); break;
        case Tag::style:
        case Tag::xmp:
        case Tag::iframe:
        case Tag::noembed:
        case Tag::noframes: tokenizer_.switch_to(ContentState::kRawtext); break;
        case Tag::script: tokenizer_.switch_to(ContentState::kScriptData); break;
        case Tag::noscript:
          if (options_.scripting) tokenizer_.switch_to(ContentState::kRawtext);
          break;
        case Tag::plaintext: tokenizer_.switch_to(ContentState::kPlaintext); break;
        case Tag::template_: template_modes_.push_back(Mode::kInTemplate); break;
        default: break;
      }
    }
    reset_insertion_mode();
  }
  while (!stopped_) {
    NodeId adjusted = open_.empty() ? kNoNode : adjusted_current();
    tokenizer_.set_cdata_allowed(adjusted != kNoNode && n(adjusted).name_space != Namespace::kHtml);
    tokenizer_.next(token_);
    bool eof = token_.kind == TokenKind::kEndOfFile;
    if (token_.kind != TokenKind::kCharacters) skip_newline_ = false;
    process();
    if (eof) break;
  }
  g_last_parse_steps = steps_ + tokenizer_.steps();
  return std::move(doc_);
}

}  // namespace

Document parse(std::string_view utf8, const ParseOptions& options) {
  TreeBuilder builder(utf8, options);
  return builder.run();
}

std::uint64_t last_parse_steps() {
  return g_last_parse_steps;
}

}  // namespace winnow::html
