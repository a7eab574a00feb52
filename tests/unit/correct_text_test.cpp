// Correct text in many languages and scripts (support/correct_text.hpp) must come out of
// repair unchanged.
#include <catch2/catch.hpp>

#include <string_view>

#include "repair/repair.hpp"
#include "support/correct_text.hpp"

using winnow::testing::kCorrectText;

TEST_CASE("correct text in many languages and scripts comes out of repair unchanged",
          "[repair][negative]") {
  std::size_t checked = 0;
  for (std::string_view text : kCorrectText) {
    if (text.empty()) continue;
    INFO(text);
    const auto r = winnow::repair(text);
    CHECK(r.text == text);
    CHECK(r.repairs.empty());
    ++checked;
  }
  CHECK(checked >= 20);
}
