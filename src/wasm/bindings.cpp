// The only Embind file: it translates JS values to C++ types and back, nothing more.
// Type checks and friendly errors live in the JS facade (src/js/facade.mjs), which is the
// only caller; these functions assume what the facade guarantees.
#include <emscripten/bind.h>

#include <string>

#include "winnow/version.hpp"
#include "winnow/winnow.hpp"

namespace {

// `input` holds the bytes of a Uint8Array (Embind copies them verbatim). Returns the
// article as JSON (winnow::article_json), which the facade parses: one string crossing
// the boundary is faster than building the object property by property through Embind.
std::string clean_to_json(const std::string& input, bool detect_title) {
  return winnow::article_json(winnow::clean(input, {.detect_title = detect_title}));
}

std::string version() { return WINNOW_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(winnow) {
  emscripten::function("cleanToJson", &clean_to_json);
  emscripten::function("version", &version);
  emscripten::constant("maxInputBytes", static_cast<double>(winnow::kMaxInputBytes));
}
