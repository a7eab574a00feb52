#include <algorithm>

#include "html/html.hpp"

namespace winnow::html {

Document::Document() {
  create(NodeKind::kDocument);
}

NodeId Document::create(NodeKind kind) {
  nodes_.emplace_back();
  nodes_.back().kind = kind;
  return static_cast<NodeId>(nodes_.size() - 1);
}

NodeId Document::create_element(std::string name, Namespace name_space,
                                std::vector<Attribute> attributes) {
  NodeId id = create(NodeKind::kElement);
  Node& n = nodes_[id];
  n.name_space = name_space;
  if (name_space == Namespace::kHtml) n.tag = tag_of(name);
  n.name = std::move(name);
  n.attributes = std::move(attributes);
  if (n.tag == Tag::template_) {
    NodeId contents = create(NodeKind::kFragment);
    nodes_[id].template_contents = contents;
  }
  return id;
}

std::string_view Document::attribute(NodeId element, std::string_view name) const {
  for (const Attribute& a : nodes_[element].attributes) {
    if (a.name == name) return a.value;
  }
  return {};
}

bool Document::has_attribute(NodeId element, std::string_view name) const {
  const auto& attributes = nodes_[element].attributes;
  return std::any_of(attributes.begin(), attributes.end(),
                     [&](const Attribute& a) { return a.name == name; });
}

void Document::detach(NodeId child) {
  Node& c = nodes_[child];
  if (c.parent == kNoNode) return;
  Node& p = nodes_[c.parent];
  if (c.previous_sibling != kNoNode) {
    nodes_[c.previous_sibling].next_sibling = c.next_sibling;
  } else {
    p.first_child = c.next_sibling;
  }
  if (c.next_sibling != kNoNode) {
    nodes_[c.next_sibling].previous_sibling = c.previous_sibling;
  } else {
    p.last_child = c.previous_sibling;
  }
  c.parent = c.previous_sibling = c.next_sibling = kNoNode;
}

void Document::append_child(NodeId parent, NodeId child) {
  insert_before(parent, child, kNoNode);
}

void Document::insert_before(NodeId parent, NodeId child, NodeId before) {
  detach(child);
  Node& p = nodes_[parent];
  Node& c = nodes_[child];
  c.parent = parent;
  if (before == kNoNode) {
    c.previous_sibling = p.last_child;
    if (p.last_child != kNoNode) {
      nodes_[p.last_child].next_sibling = child;
    } else {
      p.first_child = child;
    }
    p.last_child = child;
    return;
  }
  Node& b = nodes_[before];
  c.next_sibling = before;
  c.previous_sibling = b.previous_sibling;
  if (b.previous_sibling != kNoNode) {
    nodes_[b.previous_sibling].next_sibling = child;
  } else {
    p.first_child = child;
  }
  b.previous_sibling = child;
}

namespace {

void append_attribute_line(std::vector<std::string>& lines, const Attribute& a) {
  std::string name;
  switch (static_cast<AttributeNamespace>(a.name_space)) {
    case AttributeNamespace::kXlink: name = "xlink "; break;
    case AttributeNamespace::kXml: name = "xml "; break;
    case AttributeNamespace::kXmlns: name = "xmlns "; break;
    case AttributeNamespace::kNone: break;
  }
  std::string_view local = a.name;
  if (a.name_space != 0) {
    auto colon = local.find(':');
    if (colon != std::string_view::npos) local.remove_prefix(colon + 1);
  }
  name.append(local);
  lines.push_back(name + "=\"" + a.value + "\"");
}

}  // namespace

std::string debug_tree(const Document& document) {
  std::string out;
  struct Item {
    NodeId id;
    int depth;
    bool contents_label;  // the "content" line of a template
  };
  std::vector<Item> pending;
  NodeId top = document.fragment_root() != kNoNode ? document.fragment_root() : document.root();
  for (NodeId c = document.node(top).last_child; c != kNoNode;
       c = document.node(c).previous_sibling) {
    pending.push_back({c, 0, false});
  }
  while (!pending.empty()) {
    Item item = pending.back();
    pending.pop_back();
    const Node& n = document.node(item.id);
    out += "| ";
    out.append(static_cast<std::size_t>(item.depth) * 2, ' ');
    NodeId children_of = item.id;
    if (item.contents_label) {
      out += "content\n";
    } else {
      switch (n.kind) {
        case NodeKind::kDoctype:
          out += "<!DOCTYPE " + n.name;
          if (n.has_ids) out += " \"" + n.data + "\" \"" + n.system_id + "\"";
          out += ">\n";
          break;
        case NodeKind::kText: out += "\"" + n.data + "\"\n"; break;
        case NodeKind::kComment: out += "<!-- " + n.data + " -->\n"; break;
        case NodeKind::kElement: {
          out += "<";
          if (n.name_space == Namespace::kSvg) out += "svg ";
          if (n.name_space == Namespace::kMathMl) out += "math ";
          out += n.name + ">\n";
          std::vector<std::string> lines;
          for (const Attribute& a : n.attributes) append_attribute_line(lines, a);
          std::sort(lines.begin(), lines.end());
          for (const std::string& line : lines) {
            out += "| ";
            out.append(static_cast<std::size_t>(item.depth + 1) * 2, ' ');
            out += line + "\n";
          }
          break;
        }
        default: break;
      }
    }
    if (n.kind == NodeKind::kElement && n.template_contents != kNoNode && !item.contents_label) {
      pending.push_back({item.id, item.depth + 1, true});
      continue;
    }
    if (item.contents_label) children_of = n.template_contents;
    for (NodeId c = document.node(children_of).last_child; c != kNoNode;
         c = document.node(c).previous_sibling) {
      pending.push_back({c, item.depth + 1, false});
    }
  }
  return out;
}

}  // namespace winnow::html
