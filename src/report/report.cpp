#include "report/report.hpp"

namespace winnow {

std::string_view repair_reason_name(RepairReason reason) {
  switch (reason) {
    case RepairReason::kInvalidUtf8:
      return "invalid-utf8";
    case RepairReason::kCharacterReference:
      return "character-reference";
    case RepairReason::kLineEnding:
      return "line-ending";
    case RepairReason::kSpaceChar:
      return "space-char";
    case RepairReason::kSpaceRun:
      return "space-run";
    case RepairReason::kInvisibleChar:
      return "invisible-char";
    case RepairReason::kControlChar:
      return "control-char";
  }
  return "unknown";
}

std::string_view removal_reason_name(RemovalReason /*reason*/) {
  return "unknown";
}

void RepairLog::add(RepairReason reason, std::string_view from, std::string_view to,
                    std::size_t count) {
  if (count == 0) return;
  // reason, from, NUL, to. Unambiguous because no stage ever writes a NUL as replacement
  // text, so the last NUL of the key is the separator even when `from` holds NULs.
  std::string key;
  key.reserve(from.size() + to.size() + 2);
  key.push_back(static_cast<char>(reason));
  key.append(from);
  key.push_back('\0');
  key.append(to);
  auto [it, inserted] = index_.try_emplace(std::move(key), entries_.size());
  if (inserted) {
    entries_.push_back(Repair{std::string(from), std::string(to), reason, count});
  } else {
    entries_[it->second].count += count;
  }
}

void RepairLog::merge(const RepairLog& other) {
  for (const Repair& r : other.entries_) add(r.reason, r.from, r.to, r.count);
}

}  // namespace winnow
