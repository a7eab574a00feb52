#include "winnow/winnow.hpp"

namespace winnow {

Article clean(std::string_view bytes, const CleanOptions& options) {
  Decoded decoded = decode(bytes);
  Repaired repaired = repair(decoded.text, {.normalise_whitespace = true});
  decoded.repairs.merge(repaired.repairs);
  std::vector<Block> blocks = segment_text(repaired.text);
  return assemble(std::move(blocks), std::move(decoded.repairs),
                  AssembleOptions{.detect_title = options.detect_title});
}

Repaired repair_bytes(std::string_view bytes, const RepairOptions& options) {
  Decoded decoded = decode(bytes);
  Repaired repaired = repair(decoded.text, options);
  decoded.repairs.merge(repaired.repairs);
  repaired.repairs = std::move(decoded.repairs);
  return repaired;
}

std::string repaired_json(const Repaired& repaired) {
  std::string out = "{\"text\":";
  append_json_string(out, repaired.text);
  out += ",\"repairs\":";
  append_repairs_json(out, repaired.repairs.entries());
  out += "}";
  return out;
}

}  // namespace winnow
