// A downstream program, built against the installed package only.
#include <winnow/version.hpp>
#include <winnow/winnow.hpp>

#include <iostream>

int main() {
  const winnow::Article article = winnow::clean("Headline here\n\nBody&nbsp;text &amp; more.");
  if (article.title != "Headline here" || winnow::article_text(article) != "Body text & more.") {
    std::cerr << "unexpected result: " << winnow::article_json(article) << "\n";
    return 1;
  }
  std::cout << "consumer ok: " << WINNOW_VERSION << "\n";
  return 0;
}
