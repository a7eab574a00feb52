// libFuzzer target: any bytes through decode and repair, with and without the white-space
// and quote options. Every output must be valid UTF-8, and the mojibake pass's fast path
// must decide each line exactly as its general path does.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "reference/reference.hpp"
#include "repair/passes.hpp"
#include "winnow/winnow.hpp"

namespace {

void check_mojibake_paths(std::string_view text) {
  using winnow::detail::MojibakePath;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    winnow::RepairLog fast_log, general_log;
    std::string fast, general;
    const bool fast_changed =
        winnow::detail::fix_mojibake(line, fast_log, fast, MojibakePath::kAny);
    const bool general_changed =
        winnow::detail::fix_mojibake(line, general_log, general, MojibakePath::kGeneralOnly);
    if (fast_changed != general_changed || fast != general ||
        fast_log.entries() != general_log.entries())
      std::abort();
    start = end + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const winnow::RepairOptions options :
       {winnow::RepairOptions{}, winnow::RepairOptions{true, true}}) {
    const winnow::Repaired repaired = winnow::repair_bytes(bytes, options);
    if (winnow::reference::decode_utf8(repaired.text).replacements != 0) std::abort();
    (void)winnow::repaired_json(repaired);
  }
  check_mojibake_paths(winnow::decode(bytes).text);
  return 0;
}
