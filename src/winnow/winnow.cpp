#include "winnow/winnow.hpp"

namespace winnow {

namespace {

struct Prepared {
  std::vector<Block> blocks;
  RepairLog repairs;
};

Prepared prepare(std::string_view bytes) {
  Decoded decoded = decode(bytes);
  Repaired repaired = repair(decoded.text, {.normalise_whitespace = true});
  decoded.repairs.merge(repaired.repairs);
  return {segment_text(repaired.text), std::move(decoded.repairs)};
}

Article finish(Prepared prepared, const CleanOptions& options, const BatchSignals* batch,
               std::size_t document) {
  const std::vector<Verdict> verdicts = classify(prepared.blocks, options.bias, batch, document);
  return assemble(std::move(prepared.blocks), verdicts, std::move(prepared.repairs),
                  AssembleOptions{.detect_title = options.detect_title});
}

}  // namespace

Article clean(std::string_view bytes, const CleanOptions& options) {
  return finish(prepare(bytes), options, nullptr, 0);
}

std::vector<Article> clean_batch(const std::vector<std::string_view>& documents,
                                 const CleanOptions& options) {
  std::vector<Prepared> prepared;
  prepared.reserve(documents.size());
  BatchSignals batch;
  for (std::string_view bytes : documents) {
    prepared.push_back(prepare(bytes));
    batch.add_document(prepared.back().blocks);
  }
  std::vector<Article> articles;
  articles.reserve(documents.size());
  for (std::size_t d = 0; d < prepared.size(); ++d) {
    articles.push_back(finish(std::move(prepared[d]), options, &batch, d));
  }
  return articles;
}

Article clean_in_batch(const std::vector<std::string_view>& documents, std::size_t which,
                       const CleanOptions& options) {
  std::vector<Prepared> prepared;
  BatchSignals batch;
  for (std::string_view bytes : documents) {
    prepared.push_back(prepare(bytes));
    batch.add_document(prepared.back().blocks);
  }
  return finish(std::move(prepared.at(which)), options, &batch, which);
}

std::string comparable_text(std::string_view bytes, bool raw) {
  if (raw) return decode(bytes).text;
  const Article article = clean(bytes);
  std::string text = article.title;
  const std::string body = article_text(article);
  if (!text.empty() && !body.empty()) text += "\n\n";
  text += body;
  return text;
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
