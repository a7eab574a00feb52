// The only Embind file: it translates JS values to C++ types and back, nothing more.
// Type checks and friendly errors live in the JS facade (src/js/facade.mjs), the only
// caller; these functions assume what the facade guarantees.
//
// Bytes cross the boundary through views of wasm memory rather than as std::string:
// Embind converts strings with a JavaScript loop per byte, which cost more than cleaning
// itself. The facade copies input into inputBuffer(n) with one TypedArray.set() and
// decodes each result view with one TextDecoder call.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>

#include "winnow/version.hpp"
#include "winnow/winnow.hpp"

namespace {

using emscripten::val;

val byte_view(std::string& bytes) {
  return val(
      emscripten::typed_memory_view(bytes.size(), reinterpret_cast<std::uint8_t*>(bytes.data())));
}

// Holds one call's input and output bytes. A view stays valid only until the module's
// memory grows, so the facade uses each view at once and never keeps it.
class Exchange {
 public:
  // A writable view of `size` bytes for the next call's input.
  val input_buffer(std::size_t size) {
    output_.clear();
    output_.shrink_to_fit();
    text_.clear();
    text_.shrink_to_fit();
    input_.assign(size, '\0');
    return byte_view(input_);
  }

  // Cleans the input. Returns {meta, text}: views of the article as JSON without its body
  // (winnow::article_json with "text" "" and "paragraphs" []), and of the body text, whose
  // paragraphs are separated by blank lines and never hold a line break. The body crosses
  // once, as text, not twice inside JSON: decoding and parsing it cost more than cleaning.
  val clean(bool detect_title) {
    winnow::Article article = winnow::clean(input_, {.detect_title = detect_title});
    release_input();
    return split_body(std::move(article));
  }

  // Repairs the input. Returns {meta, text} as clean() does: meta is
  // winnow::repaired_json with "text" "", text the repaired text.
  val repair(bool straighten_quotes) {
    winnow::Repaired repaired =
        winnow::repair_bytes(input_, {.straighten_quotes = straighten_quotes});
    release_input();
    text_ = std::move(repaired.text);
    repaired.text.clear();
    output_ = winnow::repaired_json(repaired);
    return views();
  }

 private:
  val split_body(winnow::Article article) {
    text_ = winnow::article_text(article);
    article.paragraphs.clear();
    output_ = winnow::article_json(article);
    return views();
  }

  val views() {
    val result = val::object();
    result.set("meta", byte_view(output_));
    result.set("text", byte_view(text_));
    return result;
  }

  void release_input() {
    input_.clear();
    input_.shrink_to_fit();
  }

  std::string input_;
  std::string output_;
  std::string text_;
};

std::string version() {
  return WINNOW_VERSION;
}

}  // namespace

EMSCRIPTEN_BINDINGS(winnow) {
  emscripten::class_<Exchange>("Exchange")
      .constructor<>()
      .function("inputBuffer", &Exchange::input_buffer)
      .function("clean", &Exchange::clean)
      .function("repair", &Exchange::repair);
  emscripten::function("version", &version);
  emscripten::constant("maxInputBytes", static_cast<double>(winnow::kMaxInputBytes));
}
