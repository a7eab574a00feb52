// libFuzzer target: any bytes through decode and repair, with and without the white-space
// and quote options. Every output must be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "reference/reference.hpp"
#include "winnow/winnow.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const winnow::RepairOptions options :
       {winnow::RepairOptions{}, winnow::RepairOptions{true, true}}) {
    const winnow::Repaired repaired = winnow::repair_bytes(bytes, options);
    if (winnow::reference::decode_utf8(repaired.text).replacements != 0) std::abort();
    (void)winnow::repaired_json(repaired);
  }
  return 0;
}
