#include "winnow/winnow.hpp"

#include <algorithm>

#include "unicode/unicode.hpp"

namespace winnow {

namespace {

struct Prepared {
  std::vector<Block> blocks;
  RepairLog repairs;
  // Pages only: classified from their structure already, with the markup's title and metadata.
  bool is_page = false;
  std::vector<Verdict> page_verdicts;
  std::string title;
  Metadata metadata;
};

Prepared prepare_text(Decoded decoded, InputFormat format) {
  Repaired repaired = repair_owned(std::move(decoded.text), {.normalise_whitespace = true});
  decoded.repairs.merge(repaired.repairs);
  Prepared prepared;
  const bool markdown = format == InputFormat::kMarkdown ||
                        (format == InputFormat::kAuto && looks_like_markdown(repaired.text));
  prepared.blocks = markdown ? segment_markdown(repaired.text) : segment_text(repaired.text);
  prepared.repairs = std::move(decoded.repairs);
  return prepared;
}

std::string repaired_line(std::string_view text, RepairLog& log) {
  Repaired r = repair(text, {.normalise_whitespace = true});
  log.merge(r.repairs);
  // A block is one line: line breaks a repair introduced (U+2028) become spaces.
  std::replace(r.text.begin(), r.text.end(), '\n', ' ');
  return std::move(r.text);
}

Prepared prepare_page(std::string_view decoded_text, RepairLog decode_log,
                      const CleanOptions& options) {
  Prepared prepared;
  prepared.is_page = true;
  prepared.repairs = std::move(decode_log);
  Page page = segment_page(html::parse(decoded_text));
  // Repair each block on its own; blocks that repair empties (only invisible characters)
  // leave both lists, which stay aligned.
  std::vector<PageBlock> kept_blocks;
  for (PageBlock& b : page.blocks) {
    std::string text = repaired_line(b.text, prepared.repairs);
    if (text.empty()) continue;
    Block block;
    block.text = std::move(text);
    block.line = prepared.blocks.size();
    block.after_blank = true;
    prepared.blocks.push_back(std::move(block));
    kept_blocks.push_back(std::move(b));
  }
  page.blocks = std::move(kept_blocks);
  prepared.page_verdicts = classify_page(page, prepared.blocks, options.bias);

  const PageMetadata& m = page.metadata;
  RepairLog metadata_log;  // the title and metadata are repaired too, their repairs reported
  prepared.metadata.site = repaired_line(m.site, metadata_log);
  prepared.metadata.date = repaired_line(m.date, metadata_log);
  prepared.metadata.byline = repaired_line(m.byline, metadata_log);
  std::string title = m.headline;
  if (title.empty()) {
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
      if (page.blocks[i].kind == BlockKind::kHeading && page.blocks[i].heading_level == 1) {
        title = page.blocks[i].text;
        break;
      }
    }
  }
  if (title.empty()) {
    title = m.document_title;
    // The <title> "Headline - Site" of a page whose headline is a lower heading (a blog's
    // h2): the page's own heading says where the headline ends.
    std::string site;
    const bool cut = cut_repeated_headline(title, site, [&](std::string_view headline) {
      return std::any_of(page.blocks.begin(), page.blocks.end(), [&](const PageBlock& b) {
        return b.kind == BlockKind::kHeading && b.text == headline;
      });
    });
    if (cut && prepared.metadata.site.empty())
      prepared.metadata.site = repaired_line(site, metadata_log);
  }
  prepared.title = cut_site_suffix(repaired_line(title, metadata_log), prepared.metadata.site);
  prepared.repairs.merge(metadata_log);
  return prepared;
}

Prepared prepare(std::string_view bytes, const CleanOptions& options) {
  if (options.format == InputFormat::kText || options.format == InputFormat::kMarkdown)
    return prepare_text(decode(bytes), options.format);
  Decoded decoded = decode(bytes, declared_charset(bytes));
  if (options.format == InputFormat::kHtml || looks_like_html(decoded.text)) {
    return prepare_page(decoded.text, std::move(decoded.repairs), options);
  }
  return prepare_text(std::move(decoded), options.format);
}

Article finish(Prepared prepared, const CleanOptions& options, const BatchSignals* batch,
               std::size_t document) {
  if (prepared.is_page) {
    return assemble(std::move(prepared.blocks), prepared.page_verdicts, std::move(prepared.repairs),
                    AssembleOptions{.detect_title = false,
                                    .title = std::move(prepared.title),
                                    .metadata = std::move(prepared.metadata)});
  }
  const std::vector<Verdict> verdicts = classify(prepared.blocks, options.bias, batch, document);
  AssembleOptions assemble_options;
  assemble_options.detect_title = options.detect_title;
  return assemble(std::move(prepared.blocks), verdicts, std::move(prepared.repairs),
                  assemble_options);
}

}  // namespace

bool looks_like_html(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() &&
         (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t'))
    ++i;
  if (i >= text.size() || text[i] != '<') return false;
  const std::string_view start = text.substr(i);
  if (unicode::ascii_istarts_with(start, "<!doctype html") ||
      unicode::ascii_istarts_with(start, "<html"))
    return true;
  const std::string_view head = text.substr(0, std::size_t{1} << 16);
  for (std::string_view closing :
       {"</p>", "</div>", "</html>", "</body>", "</head>", "</title>", "</span>", "</a>", "</li>",
        "</article>", "</section>", "</h1>", "</h2>", "</table>"}) {
    for (std::size_t at = head.find("</"); at != std::string_view::npos;
         at = head.find("</", at + 2)) {
      if (unicode::ascii_istarts_with(head.substr(at), closing)) return true;
    }
  }
  return false;
}

Article clean(std::string_view bytes, const CleanOptions& options) {
  return finish(prepare(bytes, options), options, nullptr, 0);
}

std::vector<Article> clean_batch(const std::vector<std::string_view>& documents,
                                 const CleanOptions& options) {
  std::vector<Prepared> prepared;
  prepared.reserve(documents.size());
  BatchSignals batch;
  for (std::string_view bytes : documents) {
    prepared.push_back(prepare(bytes, options));
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
    prepared.push_back(prepare(bytes, options));
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
  Repaired repaired = repair_owned(std::move(decoded.text), options);
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
