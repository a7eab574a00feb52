// Internal to fingerprint and compare: the integer mixing that every Winnow hash is built
// from. 64-bit multiplications and shifts only, so native and wasm builds agree bit for bit.
#pragma once

#include <cstdint>

namespace winnow::detail {

inline constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;  // 2^64 / golden ratio

// The splitmix64 finaliser: every input bit affects every output bit.
inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 31;
  return x;
}

}  // namespace winnow::detail
