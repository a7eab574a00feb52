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

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "winnow/version.hpp"
#include "winnow/winnow.hpp"

namespace {

using emscripten::val;

val byte_view(std::string& bytes) {
  return val(
      emscripten::typed_memory_view(bytes.size(), reinterpret_cast<std::uint8_t*>(bytes.data())));
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

  // Cuts the last input to the `size` bytes written into it, and counts the U+FFFD in
  // them: the facade compares that count with the string's to notice lone surrogates that
  // TextEncoder.encodeInto() replaced.
  std::size_t end_input(std::size_t size) {
    std::string& input = inputs_.back();
    input.resize(std::min(size, input.size()));
    std::size_t replacements = 0;
    for (std::size_t at = input.find("\xEF\xBF\xBD"); at != std::string::npos;
         at = input.find("\xEF\xBF\xBD", at + 3))
      ++replacements;
    return replacements;
  }

  // Forgets the last input.
  void drop_input() { inputs_.pop_back(); }

  // Cleans the first input. Returns {meta, text}: views of the article as JSON without its
  // body (winnow::article_json with "text" "" and "paragraphs" []), and of the body text,
  // whose paragraphs are separated by blank lines and never hold a line break. The body
  // crosses once, as text, not twice inside JSON.
  val clean(bool detect_title, int bias, int format) {
    winnow::Article article = winnow::clean(inputs_.at(0), options(detect_title, bias, format));
    release_inputs();
    add_output(std::move(article));
    return views(outputs_.back());
  }

  // Cleans all inputs as one batch; returns an array of {meta, text}, one per input.
  val clean_batch(bool detect_title, int bias, int format) {
    const std::vector<std::string_view> documents(inputs_.begin(), inputs_.end());
    std::vector<winnow::Article> articles =
        winnow::clean_batch(documents, options(detect_title, bias, format));
    release_inputs();
    for (winnow::Article& article : articles) add_output(std::move(article));
    val result = val::array();
    for (Output& output : outputs_) result.call<void>("push", views(output));
    return result;
  }

  // Repairs the first input. Returns {meta, text, same}: winnow::repaired_json with "text"
  // "", the repaired text, and whether it is byte for byte the input (then a string input
  // can be returned as it is, without decoding the text again).
  val repair(bool straighten_quotes) {
    winnow::Repaired repaired =
        winnow::repair_bytes(inputs_.at(0), {.straighten_quotes = straighten_quotes});
    const bool same = repaired.text == inputs_.at(0);
    release_inputs();
    Output output;
    output.text = std::move(repaired.text);
    repaired.text.clear();
    output.meta = winnow::repaired_json(repaired);
    outputs_.push_back(std::move(output));
    val result = views(outputs_.back());
    result.set("same", same);
    return result;
  }

  // Compares the first two inputs (cleaned first unless `raw`). Returns {meta, a, b}: the
  // similarity as winnow::similarity_json (byte offsets), and the two compared texts.
  val compare(bool raw, int shingle_words) {
    Output a, b;
    a.text = winnow::comparable_text(inputs_.at(0), raw);
    b.text = winnow::comparable_text(inputs_.at(1), raw);
    release_inputs();
    a.meta = winnow::similarity_json(
        winnow::compare(a.text, b.text, static_cast<std::uint32_t>(shingle_words)), a.text);
    outputs_.push_back(std::move(a));
    outputs_.push_back(std::move(b));
    val result = val::object();
    result.set("meta", byte_view(outputs_[0].meta));
    result.set("a", byte_view(outputs_[0].text));
    result.set("b", byte_view(outputs_[1].text));
    return result;
  }

 private:
  struct Output {
    std::string meta, text;
  };

  static winnow::CleanOptions options(bool detect_title, int bias, int format) {
    return {.detect_title = detect_title,
            .bias = static_cast<winnow::CleanBias>(bias),
            .format = static_cast<winnow::InputFormat>(format)};
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

// winnow::Index for JS. Inputs arrive through input(n) like Exchange's; results leave as
// views of buffers this object owns, valid until its next call.
class IndexHandle {
 public:
  IndexHandle(double threshold, int shingle_words)
      : index_(
            {.threshold = threshold, .shingle_words = static_cast<std::uint32_t>(shingle_words)}) {}

  val input(std::size_t size) {
    input_.assign(size, '\0');
    return byte_view(input_);
  }
  std::uint32_t add(bool raw) { return index_.add(take_text(raw)); }
  bool remove(std::uint32_t id) { return index_.remove(id); }
  bool contains(std::uint32_t id) const { return index_.contains(id); }

  // [id, jaccard, containment_ab, containment_ba] per match, flat.
  val query(bool raw) {
    numbers_.clear();
    for (const winnow::Match& m : index_.query(take_text(raw))) {
      append_numbers({double(m.id), m.jaccard, m.containment_ab, m.containment_ba});
    }
    return val(emscripten::typed_memory_view(numbers_.size(), numbers_.data()));
  }
  // [a, b, jaccard, containment_ab, containment_ba] per pair, flat.
  val pairs() {
    numbers_.clear();
    for (const winnow::Pair& p : index_.pairs()) {
      append_numbers({double(p.a), double(p.b), p.jaccard, p.containment_ab, p.containment_ba});
    }
    return val(emscripten::typed_memory_view(numbers_.size(), numbers_.data()));
  }
  // Each cluster as its size followed by its ids, flat.
  val clusters() {
    ids_.clear();
    for (const std::vector<std::uint32_t>& cluster : index_.clusters()) {
      ids_.push_back(static_cast<std::uint32_t>(cluster.size()));
      ids_.insert(ids_.end(), cluster.begin(), cluster.end());
    }
    return val(emscripten::typed_memory_view(ids_.size(), ids_.data()));
  }
  val save() {
    saved_ = index_.save();
    return byte_view(saved_);
  }
  // Replaces this index with the one in the input bytes; returns "" or why it cannot.
  std::string load() {
    std::string error;
    std::optional<winnow::Index> loaded = winnow::Index::load(input_, &error);
    std::string().swap(input_);
    if (loaded) index_ = std::move(*loaded);
    return error;
  }

  double size() const { return static_cast<double>(index_.size()); }
  std::uint32_t next_id() const { return index_.next_id(); }
  double threshold() const { return index_.options().threshold; }
  std::uint32_t shingle_words() const { return index_.options().shingle_words; }
  std::uint32_t bands() const { return index_.lsh().bands; }
  std::uint32_t rows() const { return index_.lsh().rows; }
  double memory_bytes() const { return static_cast<double>(index_.memory_bytes()); }

 private:
  // One push_back each: vector::insert of a list is 3 KB of wasm for two call sites.
  void append_numbers(std::initializer_list<double> values) {
    for (const double v : values) numbers_.push_back(v);
  }

  std::string take_text(bool raw) {
    std::string text = winnow::comparable_text(input_, raw);
    std::string().swap(input_);
    return text;
  }

  winnow::Index index_;
  std::string input_, saved_;
  std::vector<double> numbers_;
  std::vector<std::uint32_t> ids_;
};

std::string version() {
  return WINNOW_VERSION;
}

}  // namespace

// Whether `bytes` more can be allocated: the heap is grown to hold them now, so that the
// call that follows does not run out halfway. Linked with -sABORTING_MALLOC=0, malloc
// returns null when the WebAssembly memory cannot grow; the facade then throws a
// RangeError and the instance keeps working. (Running out inside the pipeline would abort
// the instance: operator new has no exception to throw in this build.)
bool reserve_memory(double bytes) {
  if (!(bytes >= 0) || bytes > 4294967295.0) return false;
  const auto size = static_cast<std::size_t>(bytes);
  void* block = std::malloc(size + 1);
  if (block == nullptr) return false;
  // A volatile store: the compiler may not elide an allocation that is written to.
  static_cast<volatile char*>(block)[size] = 0;
  std::free(block);  // the allocator keeps the grown heap for what follows
  return true;
}

EMSCRIPTEN_BINDINGS(winnow) {
  emscripten::class_<Exchange>("Exchange")
      .constructor<>()
      .function("reset", &Exchange::reset)
      .function("addInput", &Exchange::add_input)
      .function("endInput", &Exchange::end_input)
      .function("dropInput", &Exchange::drop_input)
      .function("clean", &Exchange::clean)
      .function("cleanBatch", &Exchange::clean_batch)
      .function("repair", &Exchange::repair)
      .function("compare", &Exchange::compare);
  emscripten::class_<IndexHandle>("IndexHandle")
      .constructor<double, int>()
      .function("input", &IndexHandle::input)
      .function("add", &IndexHandle::add)
      .function("remove", &IndexHandle::remove)
      .function("contains", &IndexHandle::contains)
      .function("query", &IndexHandle::query)
      .function("pairs", &IndexHandle::pairs)
      .function("clusters", &IndexHandle::clusters)
      .function("save", &IndexHandle::save)
      .function("load", &IndexHandle::load)
      .function("size", &IndexHandle::size)
      .function("nextId", &IndexHandle::next_id)
      .function("threshold", &IndexHandle::threshold)
      .function("shingleWords", &IndexHandle::shingle_words)
      .function("bands", &IndexHandle::bands)
      .function("rows", &IndexHandle::rows)
      .function("memoryBytes", &IndexHandle::memory_bytes);
  emscripten::function("version", &version);
  emscripten::function("reserveMemory", &reserve_memory);
  emscripten::constant("maxInputBytes", static_cast<double>(winnow::kMaxInputBytes));
}
