// The near-duplicate index. Per document it keeps the word sequence as LEB128 ids into a
// shared vocabulary of word hashes (about two bytes a word: frequent words come first and
// get one-byte ids), its shingle count, and one 32-bit key per LSH band. pairs() groups
// documents by band key, and verifies each candidate pair once, exactly, on shingle sets
// rebuilt from the stored words.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <numeric>

#include "compare/compare.hpp"
#include "fingerprint/mixing.hpp"

namespace winnow {
namespace {

constexpr char kMagic[8] = {'W', 'I', 'N', 'N', 'O', 'W', 'I', 'X'};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::uint32_t kMaxSignatureBins = 512;
using detail::kMultiplier;
using detail::mix64;

void put_varint(std::vector<std::uint8_t>& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}
void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}
void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}

// Bounds-checked reading of untrusted bytes: every read says whether it succeeded.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  std::size_t remaining() const { return bytes_.size() - at_; }
  bool u32(std::uint32_t& v) {
    std::uint64_t w;
    if (!fixed(4, w)) return false;
    v = static_cast<std::uint32_t>(w);
    return true;
  }
  bool u64(std::uint64_t& v) { return fixed(8, v); }
  bool varint(std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= bytes_.size()) return false;
      const auto byte = static_cast<std::uint8_t>(bytes_[at_++]);
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return shift < 63 || byte <= 1;
    }
    return false;
  }
  bool bytes(std::size_t n, std::string_view& out) {
    if (remaining() < n) return false;
    out = bytes_.substr(at_, n);
    at_ += n;
    return true;
  }

 private:
  bool fixed(int n, std::uint64_t& v) {
    if (remaining() < static_cast<std::size_t>(n)) return false;
    v = 0;
    for (int i = 0; i < n; ++i)
      v |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(bytes_[at_ + i])) << (8 * i);
    at_ += n;
    return true;
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
};

// std::bit_cast, which Emscripten 3.1.6's libc++ lacks.
std::uint64_t bits_of(double value) {
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}
double double_of(std::uint64_t bits) {
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// Makes room for `more` elements, growing by a quarter rather than doubling: the index's
// big arrays then waste at most a fifth of their memory, for a few more copies.
template <typename T>
void reserve_more(std::vector<T>& v, std::size_t more) {
  if (v.size() + more > v.capacity())
    v.reserve(std::max(v.size() + more, v.capacity() + v.capacity() / 4 + 256));
}

double jaccard_of_counts(std::size_t shared, std::size_t a, std::size_t b) {
  return a == 0 || b == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(a + b - shared);
}

}  // namespace

Index::Index(const IndexOptions& options) : options_(options) {
  options_.threshold =
      std::clamp(std::isnan(options.threshold) ? 0.5 : options.threshold, 0.05, 1.0);
  options_.shingle_words = std::clamp<std::uint32_t>(options.shingle_words, 1, kMaxShingleWords);
  lsh_ = lsh_parameters_for(options_.threshold);
}

// The vocabulary table: open addressing with linear probing, two words per slot (the word
// hash, then its id + 1; 0 marks a free slot), so that a lookup reads one cache line.
void Index::grow_table() {
  // Double until at most 80% of the slots are used: linear probing stays short at that load
  // with well-mixed hashes, and the table stays small (load() sizes it for a whole vocabulary).
  std::size_t capacity = std::max<std::size_t>(1024, table_.size() / 2);  // slots
  while ((vocabulary_.size() + 1) * 5 > capacity * 4) capacity *= 2;
  table_.assign(2 * capacity, 0);
  for (std::uint32_t id = 0; id < vocabulary_.size(); ++id) {
    std::size_t slot = static_cast<std::size_t>(vocabulary_[id]) & (capacity - 1);
    while (table_[2 * slot + 1] != 0) slot = (slot + 1) & (capacity - 1);
    table_[2 * slot] = vocabulary_[id];
    table_[2 * slot + 1] = id + 1;
  }
}

std::uint32_t Index::word_id(std::uint64_t hash) {
  if ((vocabulary_.size() + 1) * 5 > (table_.size() / 2) * 4) grow_table();
  const std::size_t mask = table_.size() / 2 - 1;
  std::size_t slot = static_cast<std::size_t>(hash) & mask;
  for (; table_[2 * slot + 1] != 0; slot = (slot + 1) & mask) {
    if (table_[2 * slot] == hash) return static_cast<std::uint32_t>(table_[2 * slot + 1] - 1);
  }
  reserve_more(vocabulary_, 1);
  vocabulary_.push_back(hash);
  table_[2 * slot] = hash;
  table_[2 * slot + 1] = vocabulary_.size();
  return static_cast<std::uint32_t>(vocabulary_.size() - 1);
}

void Index::band_keys(std::span<const std::uint64_t> shingles, std::uint32_t* keys) const {
  std::array<std::uint32_t, kMaxSignatureBins> bins;
  const std::size_t size = std::size_t{lsh_.bands} * lsh_.rows;
  minhash_into(shingles, std::span(bins.data(), size));
  for (std::uint32_t band = 0; band < lsh_.bands; ++band) {
    std::uint64_t h = (static_cast<std::uint64_t>(band) + 1) * kMultiplier;
    for (std::uint32_t row = 0; row < lsh_.rows; ++row) {
      h = std::rotl((h ^ bins[band * lsh_.rows + row]) * kMultiplier, 29);
    }
    keys[band] = static_cast<std::uint32_t>(mix64(h));
  }
}

std::uint32_t Index::insert(std::span<const std::uint64_t> words) {
  reserve_more(words_, 5 * words.size());
  for (const std::uint64_t hash : words) put_varint(words_, word_id(hash));
  reserve_more(offsets_, 1);
  offsets_.push_back(words_.size());
  removed_.push_back(false);
  // MinHash needs the shingles but not their set: repeats change no minimum, so no sort here.
  std::vector<std::uint64_t>& shingles = shingle_scratch_;
  shingles.clear();
  append_shingle_hashes(words, options_.shingle_words, shingles);
  const std::size_t at = band_keys_.size();
  reserve_more(band_keys_, lsh_.bands);
  band_keys_.resize(at + lsh_.bands);
  band_keys(shingles, band_keys_.data() + at);
  ++live_;
  return static_cast<std::uint32_t>(removed_.size() - 1);
}

std::uint32_t Index::add(std::string_view text) {
  word_hashes_of(text, word_scratch_);
  return insert(word_scratch_);
}

bool Index::contains(std::uint32_t id) const {
  return id < removed_.size() && !removed_[id];
}

bool Index::remove(std::uint32_t id) {
  if (!contains(id)) return false;
  removed_[id] = true;
  --live_;
  garbage_bytes_ += offsets_[id + 1] - offsets_[id];
  // Reclaim the word store once most of it belongs to removed documents.
  if (words_.size() > 4096 && garbage_bytes_ * 2 > words_.size()) {
    std::vector<std::uint8_t> compact;
    compact.reserve(words_.size() - garbage_bytes_);
    for (std::size_t d = 0; d < removed_.size(); ++d) {
      const std::size_t begin = offsets_[d], end = offsets_[d + 1];
      offsets_[d] = compact.size();
      if (!removed_[d]) compact.insert(compact.end(), words_.begin() + begin, words_.begin() + end);
    }
    offsets_.back() = compact.size();
    words_ = std::move(compact);
    garbage_bytes_ = 0;
  }
  return true;
}

void Index::decode_words(std::uint32_t id, std::vector<std::uint64_t>& out) const {
  out.clear();
  const std::uint8_t* at = words_.data() + offsets_[id];
  const std::uint8_t* end = words_.data() + offsets_[id + 1];
  while (at < end) {
    std::uint32_t word = 0;
    for (int shift = 0;; shift += 7) {
      const std::uint8_t byte = *at++;
      word |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) break;
    }
    out.push_back(vocabulary_[word]);
  }
}

std::vector<std::uint64_t> Index::word_hashes(std::uint32_t id) const {
  std::vector<std::uint64_t> out;
  if (contains(id)) decode_words(id, out);
  return out;
}

namespace {

// Whether two shingle sets reach the threshold: the length bound J <= min/max first, then
// the exact count. Fills `pair` on success.
bool verify(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, double threshold,
            double& jaccard, double& containment_ab, double& containment_ba) {
  if (a.empty() || b.empty()) return false;
  if (static_cast<double>(std::min(a.size(), b.size())) <
      threshold * static_cast<double>(std::max(a.size(), b.size()))) {
    return false;
  }
  // J >= t  <=>  shared >= t (|A| + |B|) / (1 + t): give up as soon as the shingles left
  // cannot bring the count there (most candidates are far below the threshold).
  const double needed =
      threshold * static_cast<double>(a.size() + b.size()) / (1.0 + threshold) - 1e-9;
  std::size_t i = 0, j = 0, shared = 0;
  while (i < a.size() && j < b.size()) {
    const std::size_t stop = std::min(a.size() - i, b.size() - j) > 64 ? 64 : 0;
    for (std::size_t step = 0; step < stop; ++step) {
      const std::uint64_t x = a[i], y = b[j];
      shared += x == y;
      i += x <= y;
      j += y <= x;
    }
    if (stop == 0) {
      shared += shared_count(a.subspan(i), b.subspan(j));
      break;
    }
    if (static_cast<double>(shared + std::min(a.size() - i, b.size() - j)) < needed) return false;
  }
  jaccard = jaccard_of_counts(shared, a.size(), b.size());
  if (jaccard < threshold) return false;
  containment_ab = static_cast<double>(shared) / static_cast<double>(b.size());
  containment_ba = static_cast<double>(shared) / static_cast<double>(a.size());
  return true;
}

}  // namespace

std::vector<Match> Index::query(std::string_view text) const {
  std::vector<std::uint64_t> hashes;
  word_hashes_of(text, hashes);
  const std::vector<std::uint64_t> shingles = shingle_set_of_words(hashes, options_.shingle_words);
  std::vector<Match> matches;
  if (shingles.empty()) return matches;
  std::vector<std::uint32_t> keys(lsh_.bands);
  band_keys(shingles, keys.data());
  std::vector<std::uint64_t> scratch;
  for (std::uint32_t id = 0; id < removed_.size(); ++id) {
    if (!has_words(id)) continue;
    const std::uint32_t* doc_keys = band_keys_.data() + std::size_t{id} * lsh_.bands;
    bool shares_a_band = false;
    for (std::uint32_t band = 0; band < lsh_.bands && !shares_a_band; ++band)
      shares_a_band = keys[band] == doc_keys[band];
    if (!shares_a_band) continue;
    decode_words(id, scratch);
    const std::vector<std::uint64_t> other = shingle_set_of_words(scratch, options_.shingle_words);
    Match match{id};
    if (verify(shingles, other, options_.threshold, match.jaccard, match.containment_ab,
               match.containment_ba)) {
      matches.push_back(match);
    }
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const Match& x, const Match& y) { return x.jaccard > y.jaccard; });
  return matches;
}

std::vector<Pair> Index::pairs() const {
  std::vector<Pair> pairs;
  const std::size_t bands = lsh_.bands;
  const auto count = static_cast<std::uint32_t>(removed_.size());
  // Shingle sets are rebuilt on first use and kept for the rest of the call.
  std::vector<std::vector<std::uint64_t>> sets(count);
  std::vector<bool> built(count);
  std::vector<std::uint64_t> scratch;
  auto set_of = [&](std::uint32_t id) -> const std::vector<std::uint64_t>& {
    if (!built[id]) {
      decode_words(id, scratch);
      sets[id] = shingle_set_of_words(scratch, options_.shingle_words);
      built[id] = true;
    }
    return sets[id];
  };
  auto key = [&](std::uint32_t id, std::size_t band) {
    return band_keys_[std::size_t{id} * bands + band];
  };

  std::vector<std::uint64_t> entries;  // key << 32 | id
  entries.reserve(live_);
  for (std::size_t band = 0; band < bands; ++band) {
    entries.clear();
    for (std::uint32_t id = 0; id < count; ++id) {
      if (has_words(id)) entries.push_back(static_cast<std::uint64_t>(key(id, band)) << 32 | id);
    }
    std::sort(entries.begin(), entries.end());
    for (std::size_t first = 0; first < entries.size();) {
      std::size_t last = first + 1;
      while (last < entries.size() && (entries[last] >> 32) == (entries[first] >> 32)) ++last;
      for (std::size_t x = first; x < last; ++x) {
        const auto a = static_cast<std::uint32_t>(entries[x]);
        for (std::size_t y = x + 1; y < last; ++y) {
          const auto b = static_cast<std::uint32_t>(entries[y]);
          bool seen = false;  // verified already, in an earlier band where they collide
          for (std::size_t earlier = 0; earlier < band && !seen; ++earlier)
            seen = key(a, earlier) == key(b, earlier);
          if (seen) continue;
          Pair pair{a, b};
          if (verify(set_of(a), set_of(b), options_.threshold, pair.jaccard, pair.containment_ab,
                     pair.containment_ba)) {
            pairs.push_back(pair);
          }
        }
      }
      first = last;
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const Pair& x, const Pair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  return pairs;
}

std::vector<std::vector<std::uint32_t>> Index::clusters_of(const std::vector<Pair>& pairs) {
  std::uint32_t n = 0;
  for (const Pair& p : pairs) n = std::max({n, p.a + 1, p.b + 1});
  std::vector<std::uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const Pair& p : pairs) {
    const std::uint32_t ra = find(p.a), rb = find(p.b);
    if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
  }
  std::vector<std::vector<std::uint32_t>> by_root(n);
  std::vector<bool> member(n);
  for (const Pair& p : pairs) member[p.a] = member[p.b] = true;
  for (std::uint32_t id = 0; id < n; ++id) {
    if (member[id]) by_root[find(id)].push_back(id);
  }
  std::vector<std::vector<std::uint32_t>> clusters;
  for (auto& group : by_root) {
    if (group.size() >= 2) clusters.push_back(std::move(group));
  }
  return clusters;  // roots are each component's smallest id, so already in order
}

std::vector<std::vector<std::uint32_t>> Index::clusters() const {
  return clusters_of(pairs());
}

void Index::shrink_to_fit() {
  words_.shrink_to_fit();
  band_keys_.shrink_to_fit();
  vocabulary_.shrink_to_fit();
  offsets_.shrink_to_fit();
  removed_.shrink_to_fit();
  std::vector<std::uint64_t>().swap(word_scratch_);
  std::vector<std::uint64_t>().swap(shingle_scratch_);
}

std::size_t Index::memory_bytes() const {
  return sizeof(*this) + offsets_.capacity() * sizeof(std::uint64_t) + removed_.capacity() / 8 +
         words_.capacity() + band_keys_.capacity() * sizeof(std::uint32_t) +
         vocabulary_.capacity() * sizeof(std::uint64_t) +
         table_.capacity() * sizeof(std::uint64_t) +
         (shingle_scratch_.capacity() + word_scratch_.capacity()) * sizeof(std::uint64_t);
}

// Format (little-endian): magic "WINNOWIX", u32 version, u32 shingle words, u64 threshold
// (IEEE-754 bits), u32 vocabulary size, u64 word hash × size, u32 document count, then per
// document a varint (0: removed, else word count + 1) and that many varint word ids; last,
// u64 hash_bytes() of everything before it. LSH keys are rebuilt on load.
std::string Index::save() const {
  std::string out(kMagic, sizeof kMagic);
  put_u32(out, kFormatVersion);
  put_u32(out, options_.shingle_words);
  put_u64(out, bits_of(options_.threshold));
  // Only the words of live documents, renumbered by first use, so that removals leave no trace.
  std::vector<std::uint32_t> renumber(vocabulary_.size(), ~0u);
  std::vector<std::uint64_t> saved_vocabulary;
  std::vector<std::uint8_t> body;
  std::vector<std::uint32_t> ids;
  for (std::uint32_t d = 0; d < removed_.size(); ++d) {
    if (removed_[d]) {
      body.push_back(0);
      continue;
    }
    ids.clear();
    for (const std::uint8_t* at = words_.data() + offsets_[d];
         at < words_.data() + offsets_[d + 1];) {
      std::uint32_t id = 0;
      for (int shift = 0;; shift += 7) {
        const std::uint8_t byte = *at++;
        id |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
        if (!(byte & 0x80)) break;
      }
      ids.push_back(id);
    }
    put_varint(body, std::uint64_t{ids.size()} + 1);
    for (const std::uint32_t id : ids) {
      if (renumber[id] == ~0u) {
        renumber[id] = static_cast<std::uint32_t>(saved_vocabulary.size());
        saved_vocabulary.push_back(vocabulary_[id]);
      }
      put_varint(body, renumber[id]);
    }
  }
  put_u32(out, static_cast<std::uint32_t>(saved_vocabulary.size()));
  for (const std::uint64_t h : saved_vocabulary) put_u64(out, h);
  put_u32(out, static_cast<std::uint32_t>(removed_.size()));
  out.append(reinterpret_cast<const char*>(body.data()), body.size());
  put_u64(out, hash_bytes(out));
  return out;
}

std::optional<Index> Index::load(std::string_view bytes, std::string* error) {
  auto fail = [&](const char* why) -> std::optional<Index> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return fail("not a Winnow index (bad magic bytes)");
  }
  if (bytes.size() < sizeof kMagic + 8) return fail("truncated index");
  Reader trailer(bytes.substr(bytes.size() - 8));
  std::uint64_t checksum = 0;
  trailer.u64(checksum);
  const std::string_view payload = bytes.substr(0, bytes.size() - 8);
  Reader in(payload.substr(sizeof kMagic));
  std::uint32_t version = 0, shingle_words = 0, vocabulary_size = 0, doc_count = 0;
  std::uint64_t threshold_bits = 0;
  if (!in.u32(version)) return fail("truncated index");
  if (version != kFormatVersion) return fail("unsupported index format version");
  if (hash_bytes(payload) != checksum)
    return fail("index is corrupted (checksum mismatch) or truncated");
  if (!in.u32(shingle_words) || !in.u64(threshold_bits) || !in.u32(vocabulary_size))
    return fail("truncated index");
  const double threshold = double_of(threshold_bits);
  if (shingle_words < 1 || shingle_words > kMaxShingleWords ||
      !(threshold >= 0.05 && threshold <= 1.0)) {
    return fail("index has invalid options");
  }
  if (vocabulary_size > in.remaining() / 8) return fail("truncated index");
  Index index({threshold, shingle_words});
  index.vocabulary_.resize(vocabulary_size);
  for (std::uint64_t& h : index.vocabulary_) in.u64(h);
  {
    std::vector<std::uint64_t> sorted = index.vocabulary_;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
      return fail("index has a repeated word");
  }
  index.grow_table();
  if (!in.u32(doc_count)) return fail("truncated index");
  if (doc_count > in.remaining())
    return fail("truncated index");  // each document takes a byte at least
  index.removed_.reserve(doc_count);
  std::vector<std::uint64_t> hashes;
  for (std::uint32_t d = 0; d < doc_count; ++d) {
    std::uint64_t count_plus_one = 0;
    if (!in.varint(count_plus_one)) return fail("truncated index");
    if (count_plus_one == 0) {
      index.offsets_.push_back(index.words_.size());
      index.removed_.push_back(true);
      index.band_keys_.resize(index.band_keys_.size() + index.lsh_.bands);
      continue;
    }
    const std::uint64_t count = count_plus_one - 1;
    if (count > in.remaining()) return fail("truncated index");
    hashes.resize(count);
    for (std::uint64_t& h : hashes) {
      std::uint64_t id = 0;
      if (!in.varint(id)) return fail("truncated index");
      if (id >= vocabulary_size) return fail("index refers to an unknown word");
      h = index.vocabulary_[id];
    }
    index.insert(hashes);
  }
  if (in.remaining() != 0) return fail("index has trailing bytes");
  return index;
}

}  // namespace winnow
