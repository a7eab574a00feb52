#include "report/report.hpp"

#include <cmath>

namespace winnow {

std::string_view repair_reason_name(RepairReason reason) {
  switch (reason) {
    case RepairReason::kInvalidUtf8: return "invalid-utf8";
    case RepairReason::kCharacterReference: return "character-reference";
    case RepairReason::kMojibake: return "mojibake";
    case RepairReason::kLostBytes: return "lost-bytes";
    case RepairReason::kC1Control: return "c1-control";
    case RepairReason::kLigature: return "ligature";
    case RepairReason::kFullwidth: return "fullwidth";
    case RepairReason::kFormatChar: return "format-char";
    case RepairReason::kNormalization: return "normalization";
    case RepairReason::kQuote: return "quote";
    case RepairReason::kLineEnding: return "line-ending";
    case RepairReason::kSpaceChar: return "space-char";
    case RepairReason::kSpaceRun: return "space-run";
    case RepairReason::kInvisibleChar: return "invisible-char";
    case RepairReason::kControlChar: return "control-char";
    case RepairReason::kReplacementRun: return "replacement-run";
    case RepairReason::kLegacyEncoding: return "legacy-encoding";
  }
  return "unknown";
}

std::string_view removal_reason_name(RemovalReason reason) {
  switch (reason) {
    case RemovalReason::kNavigation: return "navigation";
    case RemovalReason::kDonationAppeal: return "donation-appeal";
    case RemovalReason::kSubscription: return "subscription";
    case RemovalReason::kNewsletter: return "newsletter";
    case RemovalReason::kCookieNotice: return "cookie-notice";
    case RemovalReason::kRelatedLinks: return "related-links";
    case RemovalReason::kReadMore: return "read-more";
    case RemovalReason::kCaptionCredit: return "caption-credit";
    case RemovalReason::kBylineDateline: return "byline-dateline";
    case RemovalReason::kSocialEmbed: return "social-embed";
    case RemovalReason::kShareBar: return "share-bar";
    case RemovalReason::kAdvertisement: return "advertisement";
    case RemovalReason::kFooterLegal: return "footer-legal";
    case RemovalReason::kComments: return "comments";
    case RemovalReason::kRepeatedInBatch: return "repeated-in-batch";
    case RemovalReason::kTitleRepeat: return "title-repeat";
    case RemovalReason::kOutsideArticle: return "outside-article";
    case RemovalReason::kHiddenText: return "hidden-text";
  }
  return "unknown";
}

bool removal_reason_from_name(std::string_view name, RemovalReason& reason) {
  for (int r = 0; r <= static_cast<int>(RemovalReason::kHiddenText); ++r) {
    if (removal_reason_name(static_cast<RemovalReason>(r)) == name) {
      reason = static_cast<RemovalReason>(r);
      return true;
    }
  }
  return false;
}

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t plain_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain_start, i - plain_start);
    plain_start = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(text, plain_start);
  out.push_back('"');
}

void append_repairs_json(std::string& out, const std::vector<Repair>& repairs) {
  out.push_back('[');
  for (std::size_t i = 0; i < repairs.size(); ++i) {
    const Repair& r = repairs[i];
    if (i) out.push_back(',');
    out += "{\"from\":";
    append_json_string(out, r.from);
    out += ",\"to\":";
    append_json_string(out, r.to);
    out += ",\"reason\":";
    append_json_string(out, repair_reason_name(r.reason));
    out += ",\"count\":";
    out += std::to_string(r.count);
    out.push_back('}');
  }
  out.push_back(']');
}

void RepairLog::add(RepairReason reason, std::string_view from, std::string_view to,
                    std::size_t count) {
  if (count == 0) return;
  // Hashed by the reason, the lengths, and the first, middle and last bytes of each side,
  // where what one text repairs differs ("Ð¸" and "Ð¼"): a few instructions, and a
  // collision only sends the repair on to index_.
  auto ends = [](std::string_view s) -> std::uint32_t {
    if (s.empty()) return 0;
    return static_cast<unsigned char>(s.front()) << 16 |
           static_cast<unsigned char>(s[s.size() / 2]) << 8 | static_cast<unsigned char>(s.back());
  };
  const std::uint64_t mixed =
      (std::uint64_t{ends(from)} << 32 | ends(to)) ^
      (std::uint64_t{static_cast<unsigned char>(reason)} << 24 | from.size() << 8 | to.size());
  const auto hash = static_cast<std::uint32_t>((mixed * 0x9E3779B97F4A7C15ull) >> 56);
  std::uint32_t& recent = recent_[hash & (recent_.size() - 1)];
  if (recent != 0) {
    Repair& entry = entries_[recent - 1];
    if (entry.reason == reason && entry.from == from && entry.to == to) {
      entry.count += count;
      return;
    }
  }
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
  recent = static_cast<std::uint32_t>(it->second + 1);
}

void RepairLog::merge(const RepairLog& other) {
  for (const Repair& r : other.entries_) add(r.reason, r.from, r.to, r.count);
}

void append_json_fraction(std::string& out, double value) {
  if (!(value > 0)) value = 0;  // also NaN
  if (value > 1) value = 1;
  // Math.round: the nearest integer, halves up (the same as std::round for positives).
  const auto millionths = static_cast<std::uint32_t>(std::floor(value * 1e6 + 0.5));
  if (millionths == 0 || millionths == 1000000) {
    out += millionths == 0 ? '0' : '1';
    return;
  }
  // Six digits with leading zeros, by hand: snprintf would bring printf's formatting code
  // (floating point included) into the wasm module, several KB for this one use.
  char digits[6];
  for (std::uint32_t rest = millionths, k = 6; k-- > 0; rest /= 10)
    digits[k] = static_cast<char>('0' + rest % 10);
  std::size_t length = 6;
  while (digits[length - 1] == '0') --length;
  out += "0.";
  out.append(digits, length);
}

}  // namespace winnow
