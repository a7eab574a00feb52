// Internal to the unicode module: the generated tables (scripts/gen_tables.py).
#pragma once

#include <cstddef>
#include <cstdint>

namespace winnow::unicode::detail {

struct CombiningClass {
  char32_t code_point;
  std::uint8_t value;
};
struct Decomposition {
  char32_t code_point, first, second;  // second is 0 for a singleton decomposition
};
struct Composition {
  char32_t first, second, composite;
};
struct Expansion {
  char32_t code_point;
  const char* utf8;
};
struct CaseFold {
  char32_t code_point, folded;
};
struct CodePointRange {
  char32_t first, last;
};

extern const std::uint8_t kCategoryStage1[0x1100];
extern const std::uint8_t kCategoryBlocks[][256];
extern const CombiningClass kCombiningClasses[];
extern const std::size_t kCombiningClassCount;
extern const Decomposition kDecompositions[];
extern const std::size_t kDecompositionCount;
extern const Composition kCompositions[];
extern const std::size_t kCompositionCount;
extern const Expansion kLigatures[];
extern const std::size_t kLigatureCount;
extern const CaseFold kCaseFolds[];
extern const std::size_t kCaseFoldCount;
extern const CodePointRange kUnspacedScripts[];
extern const std::size_t kUnspacedScriptCount;
extern const std::uint32_t kCommonHan[];
extern const CodePointRange kNfcQuickCheckNotYes[];
extern const std::size_t kNfcQuickCheckNotYesCount;

}  // namespace winnow::unicode::detail
