// libFuzzer target: any bytes as a saved index. load() must refuse or accept without a
// crash, a hang or a huge allocation; what it accepts must work and save back identically.
// Checksums would stop almost every mutation at the door, so the fuzzer's bytes are also
// tried with a correct checksum appended, which lets it explore the parser behind it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "winnow/winnow.hpp"

namespace {
void try_load(std::string_view bytes) {
  std::string error;
  const std::optional<winnow::Index> index = winnow::Index::load(bytes, &error);
  if (!index) {
    if (error.empty()) std::abort();
    return;
  }
  (void)index->pairs();
  if (winnow::Index::load(index->save())->save() != index->save()) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try_load(bytes);
  std::string sealed(bytes);
  const std::uint64_t checksum = winnow::hash_bytes(sealed);
  for (int i = 0; i < 8; ++i) sealed.push_back(static_cast<char>(checksum >> (8 * i)));
  try_load(sealed);
  return 0;
}
