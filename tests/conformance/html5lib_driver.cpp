// Runs Winnow's HTML tokenizer and tree builder on cases piped in by html5lib.test.mjs,
// which parses the html5lib test formats and compares. Framing, both ways: a header line,
// then exactly <length> bytes.
//   in:  "tokenize <initial state> <last start tag or -> <length>\n" <input>
//        "tree <scripting 0|1> <fragment context, "svg_path" for "svg path", or -> <length>\n"
//        <input>
//   out: "<length>\n" <tokens as a JSON array | the tree in html5lib's "| " format>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

#include "html/html.hpp"
#include "html/tokenizer.hpp"
#include "report/report.hpp"

namespace {

using winnow::html::Token;
using winnow::html::TokenKind;

std::string json(std::string_view s) {
  std::string out;
  winnow::append_json_string(out, s);
  return out;
}

std::string tokenize(const std::string& state, const std::string& last_start_tag,
                     const std::string& input) {
  winnow::html::Tokenizer tokenizer(input);
  using winnow::html::ContentState;
  if (state == "PLAINTEXT") tokenizer.switch_to(ContentState::kPlaintext);
  if (state == "RCDATA") tokenizer.switch_to(ContentState::kRcdata);
  if (state == "RAWTEXT") tokenizer.switch_to(ContentState::kRawtext);
  if (state == "ScriptData") tokenizer.switch_to(ContentState::kScriptData);
  if (state == "CDATA") tokenizer.switch_to(ContentState::kCdataSection);
  if (last_start_tag != "-") tokenizer.set_last_start_tag(last_start_tag);
  std::string out = "[";
  for (;;) {
    const Token& token = tokenizer.next();
    if (token.kind == TokenKind::kEndOfFile) break;
    if (out.size() > 1) out += ",";
    switch (token.kind) {
      case TokenKind::kCharacters: out += "[\"Character\"," + json(token.data) + "]"; break;
      case TokenKind::kComment: out += "[\"Comment\"," + json(token.data) + "]"; break;
      case TokenKind::kEndTag: out += "[\"EndTag\"," + json(token.data) + "]"; break;
      case TokenKind::kStartTag: {
        out += "[\"StartTag\"," + json(token.data) + ",{";
        for (std::size_t i = 0; i < token.attributes.size(); ++i) {
          if (i) out += ",";
          out += json(token.attributes[i].name) + ":" + json(token.attributes[i].value);
        }
        out += "}";
        if (token.self_closing) out += ",true";
        out += "]";
        break;
      }
      case TokenKind::kDoctype:
        out += "[\"DOCTYPE\"," + (token.has_name ? json(token.data) : "null") + "," +
               (token.has_public_id ? json(token.public_id) : "null") + "," +
               (token.has_system_id ? json(token.system_id) : "null") + "," +
               (token.force_quirks ? "false" : "true") + "]";
        break;
      case TokenKind::kEndOfFile: break;
    }
  }
  return out + "]";
}

std::string tree(bool scripting, const std::string& context, const std::string& input) {
  winnow::html::ParseOptions options;
  options.scripting = scripting;
  if (context != "-") {
    options.fragment_context = context;  // "svg_path" on the wire: fields are space-separated
    for (char& c : options.fragment_context) {
      if (c == '_') c = ' ';
    }
  }
  winnow::html::Document document = winnow::html::parse(input, options);
  return winnow::html::debug_tree(document);
}

}  // namespace

int main() {
  std::ios::sync_with_stdio(false);
  std::string header;
  while (std::getline(std::cin, header)) {
    std::istringstream fields(header);
    std::string kind, a, b;
    std::size_t length = 0;
    fields >> kind >> a >> b >> length;
    std::string input(length, '\0');
    std::cin.read(input.data(), static_cast<std::streamsize>(length));
    std::string result = kind == "tokenize" ? tokenize(a, b, input) : tree(a == "1", b, input);
    std::cout << result.size() << "\n" << result;
  }
  return 0;
}
