#include "assemble/assemble.hpp"

namespace winnow {

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
    out += ",\"at\":" + std::to_string(article.removed[i].at);
    out.push_back('}');
  }
  out += "],\"repairs\":";
  append_repairs_json(out, article.repairs);
  out += ",\"metadata\":{\"site\":";
  append_json_string(out, article.metadata.site);
  out += ",\"date\":";
  append_json_string(out, article.metadata.date);
  out += ",\"byline\":";
  append_json_string(out, article.metadata.byline);
  out += "}}";
  return out;
}

}  // namespace winnow
