// Stage 3a of the pipeline, for pages: HTML into a tree, as a browser builds it.
//
// Use parse() on decoded, valid UTF-8 (decode/decode.hpp); segment_html() (segment.hpp)
// then turns the tree into blocks. The tokenizer and tree builder follow the WHATWG HTML
// standard (section 13.2): implied end tags, misnested formatting (the adoption agency
// algorithm), tables with foster parenting, templates, SVG and MathML, so a page gets the
// tree its reader's browser gave it. Two deliberate limits keep hostile pages cheap:
// elements nest at most ParseOptions::max_depth deep (deeper start tags are dropped and
// their contents go to the deepest open element, as Blink caps its tree), and no step
// recurses, so time is linear in the input.
//
//   winnow::html::Document page = winnow::html::parse("<p>One<p>Two");
//   // page.node(page.root()) is the document; its child is <html> with <head> and <body>
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/tags.hpp"
#include "html/tokenizer.hpp"

namespace winnow::html {

enum class NodeKind : std::uint8_t { kDocument, kDoctype, kElement, kText, kComment, kFragment };
enum class Namespace : std::uint8_t { kHtml, kSvg, kMathMl };
// Attribute::name_space values: the namespaces of the attributes foreign content adjusts.
enum class AttributeNamespace : std::uint8_t { kNone, kXlink, kXml, kXmlns };

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;

struct Node {
  NodeKind kind = NodeKind::kElement;
  Namespace name_space = Namespace::kHtml;
  Tag tag = Tag::kUnknown;  // HTML elements only; kUnknown for foreign ones
  NodeId parent = kNoNode;
  NodeId first_child = kNoNode;
  NodeId last_child = kNoNode;
  NodeId previous_sibling = kNoNode;
  NodeId next_sibling = kNoNode;
  NodeId template_contents = kNoNode;  // <template>: the fragment holding its children
  std::string name;       // element local name (SVG names in their camel case); DOCTYPE name
  std::string data;       // text, comment; DOCTYPE public identifier
  std::string system_id;  // DOCTYPE only
  bool has_ids = false;   // DOCTYPE only: a public or system identifier was given
  std::vector<Attribute> attributes;
};

class Document {
 public:
  Document();

  NodeId root() const { return 0; }
  const Node& node(NodeId id) const { return nodes_[id]; }
  std::size_t size() const { return nodes_.size(); }
  bool quirks_mode() const { return quirks_mode_; }
  // For fragments (ParseOptions::fragment_context): the element holding the result.
  NodeId fragment_root() const { return fragment_root_; }

  // The value of attribute `name` of an element, or "" (also when absent).
  std::string_view attribute(NodeId element, std::string_view name) const;
  bool has_attribute(NodeId element, std::string_view name) const;
  bool is(NodeId id, Tag tag) const {
    const Node& n = nodes_[id];
    return n.kind == NodeKind::kElement && n.tag == tag;
  }

  // Tree mutation, for the tree builder.
  NodeId create(NodeKind kind);
  void reserve(std::size_t nodes) { nodes_.reserve(nodes); }
  NodeId create_element(std::string name, Namespace name_space, std::vector<Attribute> attributes);
  void append_child(NodeId parent, NodeId child);
  void insert_before(NodeId parent, NodeId child, NodeId before);  // before == kNoNode: append
  void detach(NodeId child);
  Node& mutable_node(NodeId id) { return nodes_[id]; }
  void set_quirks_mode(bool quirks) { quirks_mode_ = quirks; }
  void set_fragment_root(NodeId id) { fragment_root_ = id; }

 private:
  std::vector<Node> nodes_;
  bool quirks_mode_ = false;
  NodeId fragment_root_ = kNoNode;
};

struct ParseOptions {
  // Whether scripts would run: decides whether <noscript> holds markup (false, the view
  // of a reader with scripts off and of pages saved without them) or raw text.
  bool scripting = false;
  // Parse as the contents of this element ("td", "svg path", "math mi") instead of a
  // whole document: what innerHTML does.
  std::string fragment_context;
  // Deeper start tags are dropped (their contents stay). Browsers cap depth alike.
  std::size_t max_depth = 512;
};

Document parse(std::string_view utf8, const ParseOptions& options = {});

// The tree in the format of the html5lib tree-construction tests ("| <html>" lines).
std::string debug_tree(const Document& document);

// Work done by the last parse() on this thread (tokenizer and tree-builder steps): a
// measure for the linear-time tests that does not depend on the machine's speed.
std::uint64_t last_parse_steps();

}  // namespace winnow::html
