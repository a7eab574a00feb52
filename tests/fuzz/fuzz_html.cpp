// libFuzzer target: any bytes, decoded, through the HTML tokenizer and tree builder (as a
// document with scripting off and on, and as a fragment in a context the first byte picks),
// then through the page path of clean(). The tree must stay a tree (every child's parent
// is its parent, sibling links agree), no deeper than the cap, and the article's
// paragraphs valid UTF-8 without line breaks.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "html/html.hpp"
#include "reference/reference.hpp"
#include "winnow/winnow.hpp"

namespace {

void check_tree(const winnow::html::Document& d, std::size_t max_depth) {
  using winnow::html::kNoNode;
  using winnow::html::NodeId;
  for (NodeId id = 0; id < d.size(); ++id) {
    const auto& n = d.node(id);
    NodeId previous = kNoNode;
    for (NodeId c = n.first_child; c != kNoNode; c = d.node(c).next_sibling) {
      if (d.node(c).parent != id || d.node(c).previous_sibling != previous) std::abort();
      previous = c;
    }
    if (previous != n.last_child) std::abort();
    std::size_t depth = 0;
    for (NodeId a = n.parent; a != kNoNode; a = d.node(a).parent) {
      if (++depth > max_depth + 8) std::abort();  // a cycle, or nesting past the cap
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string text = winnow::decode(bytes).text;
  static constexpr const char* kContexts[] = {"",       "td",       "svg path", "math mi",
                                              "select", "template", "textarea"};
  for (bool scripting : {false, true}) {
    winnow::html::ParseOptions options;
    options.scripting = scripting;
    options.max_depth = 64;
    if (scripting && size > 0) options.fragment_context = kContexts[data[0] % std::size(kContexts)];
    const winnow::html::Document d = winnow::html::parse(text, options);
    check_tree(d, options.max_depth);
    (void)winnow::html::debug_tree(d);
  }
  const winnow::Article article = winnow::clean(bytes, {.format = winnow::InputFormat::kHtml});
  for (const std::string& paragraph : article.paragraphs) {
    if (paragraph.empty() || paragraph.find('\n') != std::string::npos) std::abort();
    if (winnow::reference::decode_utf8(paragraph).replacements != 0) std::abort();
  }
  return 0;
}
