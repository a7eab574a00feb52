// The only Embind file: it translates JS values to C++ types and back, nothing more.
// Type checks and friendly errors live in the JS facade (src/js/facade.mjs), the only
// caller; these functions assume what the facade guarantees.
//
// Bytes cross the boundary through views of wasm memory rather than as std::string:
// Embind converts strings with a JavaScript loop per byte, which cost more than cleaning
// itself. The facade copies each input into a view from addInput(n) with one
// TypedArray.set() and decodes each result view with one TextDecoder call.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <vector>

#include "winnow/version.hpp"
#include "winnow/winnow.hpp"

namespace {

using emscripten::val;

val byte_view(std::string& bytes) {
  return val(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<std::uint8_t*>(bytes.data())));
}

// Holds one call's inputs and outputs. A view stays valid only until the module's memory
// grows, so the facade uses each view at once and never keeps it.
class Exchange {
 public:
  // Forgets the last call's inputs and outputs.
  void reset() {
    std::vector<std::string>().swap(inputs_);
    std::vector<Output>().swap(outputs_);
  }

  // A writable view of `size` bytes for one more input.
  val add_input(std::size_t size) {
    inputs_.emplace_back(size, '\0');
    return byte_view(inputs_.back());
  }

  // Cleans the first input. Returns {meta, text}: views of the article as JSON without its
  // body (winnow::article_json with "text" "" and "paragraphs" []), and of the body text,
  // whose paragraphs are separated by blank lines and never hold a line break. The body
  // crosses once, as text, not twice inside JSON.
  val clean(bool detect_title, int bias) {
    winnow::Article article = winnow::clean(inputs_.at(0), options(detect_title, bias));
    release_inputs();
    add_output(std::move(article));
    return views(outputs_.back());
  }

  // Cleans all inputs as one batch; returns an array of {meta, text}, one per input.
  val clean_batch(bool detect_title, int bias) {
    const std::vector<std::string_view> documents(inputs_.begin(), inputs_.end());
    std::vector<winnow::Article> articles = winnow::clean_batch(documents, options(detect_title, bias));
    release_inputs();
    for (winnow::Article& article : articles) add_output(std::move(article));
    val result = val::array();
    for (Output& output : outputs_) result.call<void>("push", views(output));
    return result;
  }

  // Repairs the first input. Returns {meta, text}: winnow::repaired_json with "text" "",
  // and the repaired text.
  val repair(bool straighten_quotes) {
    winnow::Repaired repaired = winnow::repair_bytes(inputs_.at(0), {.straighten_quotes = straighten_quotes});
    release_inputs();
    Output output;
    output.text = std::move(repaired.text);
    repaired.text.clear();
    output.meta = winnow::repaired_json(repaired);
    outputs_.push_back(std::move(output));
    return views(outputs_.back());
  }

 private:
  struct Output {
    std::string meta, text;
  };

  static winnow::CleanOptions options(bool detect_title, int bias) {
    return {.detect_title = detect_title, .bias = static_cast<winnow::CleanBias>(bias)};
  }

  void add_output(winnow::Article article) {
    Output output;
    output.text = winnow::article_text(article);
    article.paragraphs.clear();
    output.meta = winnow::article_json(article);
    outputs_.push_back(std::move(output));
  }

  static val views(Output& output) {
    val result = val::object();
    result.set("meta", byte_view(output.meta));
    result.set("text", byte_view(output.text));
    return result;
  }

  void release_inputs() { std::vector<std::string>().swap(inputs_); }

  std::vector<std::string> inputs_;
  std::vector<Output> outputs_;
};

std::string version() { return WINNOW_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(winnow) {
  emscripten::class_<Exchange>("Exchange")
      .constructor<>()
      .function("reset", &Exchange::reset)
      .function("addInput", &Exchange::add_input)
      .function("clean", &Exchange::clean)
      .function("cleanBatch", &Exchange::clean_batch)
      .function("repair", &Exchange::repair);
  emscripten::function("version", &version);
  emscripten::constant("maxInputBytes", static_cast<double>(winnow::kMaxInputBytes));
}
