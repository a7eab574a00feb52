#include "fingerprint/fingerprint.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>

#include "fingerprint/mixing.hpp"
#include "unicode/unicode.hpp"

namespace winnow {
namespace {

static_assert(std::endian::native == std::endian::little,
              "hash_bytes() reads bytes as little-endian words (x86, ARM and wasm all are)");

using detail::kMultiplier;
using detail::mix64;
constexpr std::uint64_t kBytesSeed = 0x57494E4E4F570001ull;
constexpr std::uint64_t kShingleSeed = 0x57494E4E4F570002ull;
constexpr std::uint64_t kProbeSeed = 0x57494E4E4F570003ull;

// Maps a 32-bit hash onto [0, n) without division (Lemire's multiply-shift).
std::uint32_t reduce(std::uint32_t hash, std::uint64_t n) {
  return static_cast<std::uint32_t>((static_cast<std::uint64_t>(hash) * n) >> 32);
}

// Byte classes of the ASCII fast path.
enum : std::uint8_t { kSeparator, kWordByte, kUpperByte, kNonAscii };
constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80)
      table[c] = kNonAscii;
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      table[c] = kWordByte;
    else if (c >= 'A' && c <= 'Z')
      table[c] = kUpperByte;
  }
  return table;
}();

// Decodes one well-formed UTF-8 sequence at s[i] (s[i] >= 0x80); 0 length if ill-formed.
char32_t decode_at(const unsigned char* s, std::size_t n, std::size_t i, std::size_t& length) {
  const unsigned char lead = s[i];
  auto continuation = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i + k < n && s[i + k] >= lo && s[i + k] <= hi;
  };
  length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    if (!continuation(1)) return 0;
    length = 2;
    return (char32_t(lead & 0x1F) << 6) | (s[i + 1] & 0x3F);
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned char lo = lead == 0xE0 ? 0xA0 : 0x80, hi = lead == 0xED ? 0x9F : 0xBF;
    if (!continuation(1, lo, hi) || !continuation(2)) return 0;
    length = 3;
    return (char32_t(lead & 0x0F) << 12) | (char32_t(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned char lo = lead == 0xF0 ? 0x90 : 0x80, hi = lead == 0xF4 ? 0x8F : 0xBF;
    if (!continuation(1, lo, hi) || !continuation(2) || !continuation(3)) return 0;
    length = 4;
    return (char32_t(lead & 0x07) << 18) | (char32_t(s[i + 1] & 0x3F) << 12) |
           (char32_t(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
  }
  return 0;
}

// Characters that join a word without being part of what it compares: zero-width
// (non-)joiners inside Persian and Indic words, soft hyphens.
bool is_invisible_joiner(char32_t cp) {
  return cp == 0x200C || cp == 0x200D || cp == 0x00AD;
}

// hash_bytes() fed one byte at a time, so that words_of() hashes a word while it folds it,
// without copying it first. Bytes form little-endian 8-byte chunks; a last partial chunk
// is zero-padded; the length goes in at the end.
class ByteHasher {
 public:
  void push(unsigned char byte) {
    chunk_ |= static_cast<std::uint64_t>(byte) << (8 * (length_ & 7));
    if ((++length_ & 7) == 0) absorb();
  }
  void push(const unsigned char* bytes, std::size_t n) {
    for (; n > 0 && (length_ & 7) != 0; --n) push(*bytes++);
    for (; n >= 8; bytes += 8, n -= 8, length_ += 8) {
      std::memcpy(&chunk_, bytes, 8);
      absorb();
    }
    for (; n > 0; --n) push(*bytes++);
  }
  // ASCII letters and digits, lower-cased on the way, eight at a time where aligned.
  void push_ascii_lowered(const unsigned char* bytes, std::size_t n) {
    for (; n > 0 && (length_ & 7) != 0; --n) push(lower(*bytes++));
    for (; n >= 8; bytes += 8, n -= 8, length_ += 8) {
      std::uint64_t word;
      std::memcpy(&word, bytes, 8);
      // Bytes are below 0x80, so these additions carry into no neighbour: the high bit of
      // each byte of `at_least_a` says byte >= 'A', of `above_z` byte > 'Z'.
      const std::uint64_t at_least_a = word + 0x3F3F3F3F3F3F3F3Full;  // 0x80 - 'A'
      const std::uint64_t above_z = word + 0x2525252525252525ull;     // 0x80 - 'Z' - 1
      chunk_ = word | (((at_least_a ^ above_z) & 0x8080808080808080ull) >> 2);
      absorb();
    }
    for (; n > 0; --n) push(lower(*bytes++));
  }
  bool empty() const { return length_ == 0; }
  std::uint64_t finish() {
    if (length_ & 7) absorb();
    const std::uint64_t result = mix64(state_ ^ (length_ * kMultiplier));
    *this = ByteHasher();
    return result;
  }

 private:
  static unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
  void absorb() {
    state_ = (state_ ^ chunk_) * kMultiplier;
    state_ ^= state_ >> 32;
    chunk_ = 0;
  }
  std::uint64_t state_ = kBytesSeed, chunk_ = 0, length_ = 0;
};

void push_utf8(ByteHasher& hasher, char32_t cp) {
  if (cp < 0x80) {
    hasher.push(static_cast<unsigned char>(cp));
  } else if (cp < 0x800) {
    hasher.push(static_cast<unsigned char>(0xC0 | (cp >> 6)));
    hasher.push(static_cast<unsigned char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    hasher.push(static_cast<unsigned char>(0xE0 | (cp >> 12)));
    hasher.push(static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F)));
    hasher.push(static_cast<unsigned char>(0x80 | (cp & 0x3F)));
  } else {
    hasher.push(static_cast<unsigned char>(0xF0 | (cp >> 18)));
    hasher.push(static_cast<unsigned char>(0x80 | ((cp >> 12) & 0x3F)));
    hasher.push(static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F)));
    hasher.push(static_cast<unsigned char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::uint64_t hash_bytes(std::string_view bytes) {
  ByteHasher hasher;
  hasher.push(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return hasher.finish();
}

namespace {

// Calls emit(begin, end, hash) for each word of `utf8`, in order.
template <typename Emit>
void scan_words(std::string_view utf8, Emit emit) {
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n =
      std::min<std::size_t>(utf8.size(), std::numeric_limits<std::uint32_t>::max());
  ByteHasher folded;  // the current word, case-folded, as it is read
  std::size_t begin = 0, end = 0;
  bool in_word = false, unspaced = false;  // unspaced: the word is one Han/kana/Thai... character

  auto finish = [&] {
    if (in_word && !folded.empty()) {
      emit(begin, end, folded.finish());
    }
    in_word = unspaced = false;
  };

  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    const std::uint8_t cls = kByteClass[c];
    if (cls != kNonAscii) {
      if (cls == kSeparator) {
        finish();
        for (++i; i < n && kByteClass[s[i]] == kSeparator;) ++i;
      } else {
        if (unspaced) finish();
        if (!in_word) begin = i, in_word = true;
        // The rest of an ASCII word in a tight loop.
        std::size_t j = i + 1;
        while (j < n &&
               static_cast<std::uint8_t>(kByteClass[s[j]] - kWordByte) <= kUpperByte - kWordByte)
          ++j;
        folded.push_ascii_lowered(s + i, j - i);
        end = i = j;
      }
      continue;
    }
    std::size_t length;
    const char32_t cp = decode_at(s, n, i, length);
    if (length == 0) {  // ill-formed: a separator, one byte at a time
      finish();
      ++i;
      continue;
    }
    if (is_invisible_joiner(cp)) {
      if (in_word) end = i + length;
      i += length;
      continue;
    }
    const unicode::Category category = unicode::category(cp);
    const bool letter_or_digit =
        category <= unicode::Category::Lo ||
        (category >= unicode::Category::Nd && category <= unicode::Category::No);
    const bool mark = category >= unicode::Category::Mn && category <= unicode::Category::Me;
    if (!letter_or_digit && !mark) {
      finish();
      i += length;
      continue;
    }
    const bool starts_unspaced = letter_or_digit && unicode::writes_without_spaces(cp);
    if (starts_unspaced || (unspaced && !mark)) finish();
    if (!in_word) begin = i, in_word = true;
    unspaced = unspaced || starts_unspaced;
    push_utf8(folded, unicode::simple_case_fold(cp));
    i += length;
    end = i;
  }
  finish();
}

}  // namespace

std::vector<Word> words_of(std::string_view utf8) {
  std::vector<Word> words;
  words.reserve(utf8.size() / 6 + 1);
  scan_words(utf8, [&](std::size_t begin, std::size_t end, std::uint64_t hash) {
    words.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), hash});
  });
  return words;
}

void word_hashes_of(std::string_view utf8, std::vector<std::uint64_t>& out) {
  out.clear();
  scan_words(utf8, [&](std::size_t, std::size_t, std::uint64_t hash) { out.push_back(hash); });
}

std::uint64_t shingle_hash(std::span<const std::uint64_t> word_hashes) {
  std::uint64_t h = kShingleSeed ^ (static_cast<std::uint64_t>(word_hashes.size()) * kMultiplier);
  for (const std::uint64_t w : word_hashes) {
    h = (h ^ w) * kMultiplier;
    h = std::rotl(h, 29);
  }
  return mix64(h);
}

void append_shingle_hashes(std::span<const std::uint64_t> word_hashes, std::uint32_t shingle_words,
                           std::vector<std::uint64_t>& out) {
  const std::size_t k = std::clamp<std::uint32_t>(shingle_words, 1, kMaxShingleWords);
  if (word_hashes.empty()) return;
  if (word_hashes.size() <= k) {
    out.push_back(shingle_hash(word_hashes));
    return;
  }
  for (std::size_t i = 0; i + k <= word_hashes.size(); ++i)
    out.push_back(shingle_hash(word_hashes.subspan(i, k)));
}

std::vector<std::uint64_t> shingle_set_of_words(std::span<const std::uint64_t> word_hashes,
                                                std::uint32_t shingle_words) {
  std::vector<std::uint64_t> set;
  set.reserve(word_hashes.size());
  append_shingle_hashes(word_hashes, shingle_words, set);
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

std::vector<std::uint64_t> shingle_set(std::string_view utf8, std::uint32_t shingle_words) {
  std::vector<std::uint64_t> hashes;
  word_hashes_of(utf8, hashes);
  return shingle_set_of_words(hashes, shingle_words);
}

std::size_t shared_count(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  // Branch-free merge: which side advances is data, not a jump to mispredict.
  std::size_t i = 0, j = 0, shared = 0;
  while (i < a.size() && j < b.size()) {
    const std::uint64_t x = a[i], y = b[j];
    shared += x == y;
    i += x <= y;
    j += y <= x;
  }
  return shared;
}

double jaccard(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t shared = shared_count(a, b);
  return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

double containment(std::span<const std::uint64_t> whole, std::span<const std::uint64_t> part) {
  if (whole.empty() || part.empty()) return 0.0;
  return static_cast<double>(shared_count(whole, part)) / static_cast<double>(part.size());
}

void minhash_into(std::span<const std::uint64_t> shingle_hashes, std::span<std::uint32_t> bins) {
  const std::size_t size = bins.size();
  if (size == 0) return;
  // Candidates in 64 bits so that "empty" (all ones) cannot be a 32-bit value.
  constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  constexpr std::size_t kStackBins = 1024;
  std::array<std::uint64_t, kStackBins> stack_best;
  std::vector<std::uint64_t> heap_best;
  std::uint64_t* best = stack_best.data();
  if (size > kStackBins) heap_best.resize(size), best = heap_best.data();
  std::fill(best, best + size, kEmpty);

  for (const std::uint64_t h : shingle_hashes) {
    const std::uint32_t bin = reduce(static_cast<std::uint32_t>(h >> 32), size);
    best[bin] = std::min<std::uint64_t>(best[bin], static_cast<std::uint32_t>(h));
  }
  if (shingle_hashes.empty()) {
    std::fill(bins.begin(), bins.end(), 0xFFFFFFFFu);
    return;
  }
  for (std::size_t i = 0; i < size; ++i) {
    if (best[i] != kEmpty) {
      bins[i] = static_cast<std::uint32_t>(best[i]);
      continue;
    }
    // Optimal densification: probe bins in an order fixed by (i, attempt) alone, so two
    // signatures copy from the same bin whenever both have it filled.
    std::uint64_t value = kEmpty;
    for (std::uint64_t attempt = 1; value == kEmpty && attempt <= 64 * size; ++attempt) {
      const std::uint64_t probe =
          mix64(kProbeSeed ^ (static_cast<std::uint64_t>(i) << 32) ^ attempt);
      value = best[reduce(static_cast<std::uint32_t>(probe >> 32), size)];
    }
    // Unreachable in practice (64·size misses in a row); stay deterministic anyway.
    for (std::size_t j = 1; value == kEmpty; ++j) value = best[(i + j) % size];
    bins[i] = static_cast<std::uint32_t>(value);
  }
}

std::vector<std::uint32_t> minhash(std::span<const std::uint64_t> shingle_hashes,
                                   std::size_t size) {
  std::vector<std::uint32_t> bins(size);
  minhash_into(shingle_hashes, bins);
  return bins;
}

std::vector<std::uint32_t> signature(std::string_view utf8, std::size_t size,
                                     std::uint32_t shingle_words) {
  std::vector<std::uint64_t> words, shingles;
  word_hashes_of(utf8, words);
  shingles.reserve(words.size());
  append_shingle_hashes(words, shingle_words, shingles);
  return minhash(shingles, size);
}

double estimate_jaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  if (a.size() != b.size() || a.empty()) return 0.0;
  auto is_empty = [](std::span<const std::uint32_t> s) {
    return std::all_of(s.begin(), s.end(), [](std::uint32_t v) { return v == 0xFFFFFFFFu; });
  };
  if (is_empty(a) || is_empty(b)) return 0.0;
  std::size_t equal = 0;
  for (std::size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace winnow
