#include "winnow/winnow.hpp"

namespace winnow {

Article clean(std::string_view bytes, const CleanOptions& options) {
  Decoded decoded = decode(bytes);
  Repaired repaired = repair(decoded.text);
  decoded.repairs.merge(repaired.repairs);
  std::vector<Block> blocks = segment_text(repaired.text);
  return assemble(std::move(blocks), std::move(decoded.repairs),
                  AssembleOptions{.detect_title = options.detect_title});
}

}  // namespace winnow
