// Stage 4 of the pipeline: which blocks are the article and which are page chrome.
//
// Use classify() on the blocks of one document (segment/segment.hpp); clean() runs it for
// you. Every block gets a verdict: kept, or removed with a reason code (report/report.hpp).
// The signals, all of them generic rather than tied to a site:
// - structure of the block: length, sentence punctuation, share of function words of its
//   language, title-case labels, links, handles, credit tails, dates;
// - address: "you", "your", "we", "our" outside quotations, which appeals, newsletter and
//   cookie boxes are full of and reported news is not;
// - lexicons of chrome phrases in the main news languages (src/classify/data, each entry
//   with its evidence), weighed with the block's length: a long paragraph that mentions
//   Twitter stays;
// - context, as jusText does: where the article's prose begins and ends, runs of short
//   labels, regions opened by "Keep reading" or "A message from...", neighbours' verdicts;
// - across a batch (BatchSignals): blocks, or near copies, that recur in other documents
//   which are not themselves copies of this one.
//
//   std::vector<winnow::Block> blocks = winnow::segment_text(text);
//   std::vector<winnow::Verdict> verdicts = winnow::classify(blocks);
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "report/report.hpp"
#include "segment/segment.hpp"

namespace winnow {

// How to trade the two errors: removing article text, or keeping chrome.
enum class CleanBias {
  kBalanced,
  kPrecision,  // keep anything that might be article text; remove only clear chrome
  kRecall,     // remove anything that looks like chrome, even at some risk to the text
};

struct Verdict {
  bool keep = true;
  RemovalReason reason = RemovalReason::kNavigation;  // meaningful when !keep
};

// What recurs across the documents of a batch. Add every document, then ask.
class BatchSignals {
 public:
  void add_document(const std::vector<Block>& blocks);
  // Whether block `block` of document `document` recurs, or nearly, in another document of
  // the batch that is not a near copy of this one.
  bool recurs(std::size_t document, std::size_t block) const;
  std::size_t size() const { return documents_.size(); }

 private:
  struct DocumentShingles {
    std::vector<std::vector<std::uint64_t>> blocks;  // per block: its word-shingle hashes
  };
  std::vector<DocumentShingles> documents_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> postings_;  // shingle -> documents
  mutable std::vector<std::vector<bool>> near_copies_;                      // computed on first use
  void compute_near_copies() const;
};

// One verdict per block of a page (segment_page()), in order. `blocks` are the same blocks
// with their text repaired (segment_text()'s preconditions), in the same order. The page's
// structure picks the article: prose scores its ancestors, link-heavy and chrome-named
// elements ("share", "related", "newsletter" in class or id) score against, the best
// element and its prose-bearing siblings form the article. Inside it, captions, headlines,
// chrome-named and link-heavy parts go, and then the same per-block signals as for text.
// Pages are classified one at a time: the batch signals serve pasted text, where a site's
// chrome has no markup to give it away.
std::vector<Verdict> classify_page(const Page& page, const std::vector<Block>& blocks,
                                   CleanBias bias = CleanBias::kBalanced);

// One verdict per block, in order. `batch` and `document` give the batch signals when the
// document was cleaned as part of a batch.
std::vector<Verdict> classify(const std::vector<Block>& blocks,
                              CleanBias bias = CleanBias::kBalanced,
                              const BatchSignals* batch = nullptr, std::size_t document = 0);

// What a block removed as `byline-dateline` says: the author and the date, each empty
// when the block does not say it. Knows the bylines and datelines of the lexicon's
// languages, and parts of one line between separators.
//   read_stamp("Por María López | Madrid | 14 de febrero de 2024")
//   // {.byline = "María López", .date = "14 de febrero de 2024"}
struct Stamp {
  std::string byline, date;
};
Stamp read_stamp(std::string_view text);

}  // namespace winnow
