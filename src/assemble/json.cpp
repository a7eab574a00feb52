#include "assemble/assemble.hpp"

namespace winnow {
namespace {

// Escapes as JavaScript's JSON.stringify does: ", \, \b \f \n \r \t, other controls as
// \u00xx, everything else raw. The Node CLI prints JSON.stringify of the JS result, so
// this is what makes the two CLIs agree byte for byte.
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
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(text, plain_start);
  out.push_back('"');
}

}  // namespace

std::string article_json(const Article& article) {
  std::string out;
  out.reserve(64 + article_text(article).size() * 2 + article.title.size());
  out += "{\"title\":";
  append_json_string(out, article.title);
  out += ",\"text\":";
  append_json_string(out, article_text(article));
  out += ",\"paragraphs\":[";
  for (std::size_t i = 0; i < article.paragraphs.size(); ++i) {
    if (i) out.push_back(',');
    append_json_string(out, article.paragraphs[i]);
  }
  out += "],\"removed\":[";
  for (std::size_t i = 0; i < article.removed.size(); ++i) {
    if (i) out.push_back(',');
    out += "{\"text\":";
    append_json_string(out, article.removed[i].text);
    out += ",\"reason\":";
    append_json_string(out, removal_reason_name(article.removed[i].reason));
    out.push_back('}');
  }
  out += "],\"repairs\":[";
  for (std::size_t i = 0; i < article.repairs.size(); ++i) {
    const Repair& r = article.repairs[i];
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
  out += "]}";
  return out;
}

}  // namespace winnow
