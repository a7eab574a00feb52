// Internal to the HTML parser: the tokenizer of the WHATWG HTML standard, section 13.2.5.
//
// The tree builder (parse() in html.hpp) drives it and switches its state for the contents
// of <title>, <script>, <style> and the like; tests drive it alone against the html5lib
// tokenizer tests. Input is valid UTF-8 (decode() guarantees it); input preprocessing
// (CR LF and lone CR to LF) happens here. Parse errors are not reported: Winnow recovers
// from them exactly as a browser does, and nobody downstream needs their names.
//
// Character tokens come in runs: one token holds all the characters between two other
// tokens, which is what the tree builder wants and what the html5lib tests expect.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace winnow::html {

struct Attribute {
  std::string name;  // lower case; foreign attributes are adjusted by the tree builder
  std::string value;
  std::uint8_t name_space = 0;  // 0 none; set by the tree builder (see html.hpp)
};

enum class TokenKind : std::uint8_t {
  kCharacters,
  kStartTag,
  kEndTag,
  kComment,
  kDoctype,
  kEndOfFile
};

struct Token {
  TokenKind kind = TokenKind::kEndOfFile;
  std::string data;  // the characters, the comment, the tag name or the DOCTYPE name
  std::vector<Attribute> attributes;
  bool self_closing = false;
  // DOCTYPE tokens only.
  bool has_name = false;
  bool has_public_id = false;
  bool has_system_id = false;
  bool force_quirks = false;
  std::string public_id;
  std::string system_id;
};

// The states the tree builder (or a test) may switch the tokenizer to.
enum class ContentState : std::uint8_t {
  kData,
  kRcdata,
  kRawtext,
  kScriptData,
  kPlaintext,
  kCdataSection
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view utf8);

  // The next token; kEndOfFile once the input is exhausted, and from then on.
  // The reference stays valid until the next call.
  const Token& next();
  // The same, into `out`, whose buffers the tokenizer takes in exchange: no copying.
  void next(Token& out);

  void switch_to(ContentState state);
  // The name of the last start tag, which decides whether "</x" ends RCDATA or RAWTEXT.
  void set_last_start_tag(std::string_view name) { last_start_tag_ = name; }
  // Whether "<![CDATA[" opens a CDATA section (the adjusted current node is foreign).
  void set_cdata_allowed(bool allowed) { cdata_allowed_ = allowed; }

  // Loop iterations so far: a measure of work for the linear-time tests.
  std::uint64_t steps() const { return steps_; }

 private:
  enum class State : std::uint8_t;

  std::string input_;  // preprocessed: no CR
  std::size_t pos_ = 0;
  State state_;
  Token token_;       // the token under construction, or ready
  Token characters_;  // the pending run of characters
  Token output_;      // what next() returned last
  bool token_ready_ = false;
  bool eof_emitted_ = false;
  bool cdata_allowed_ = false;
  std::string last_start_tag_;
  std::string temporary_buffer_;
  std::uint64_t steps_ = 0;

  int peek(std::size_t ahead = 0) const;
  void emit_char(char c) { characters_.data.push_back(c); }
  void emit_chars(std::string_view s) { characters_.data.append(s); }
  void emit_replacement() { characters_.data.append("\xEF\xBF\xBD"); }
  void start_tag(TokenKind kind);
  void start_attribute();
  void finish_attribute_name();
  void emit_current();
  bool appropriate_end_tag() const;
  void consume_character_reference(std::string& out, bool in_attribute);
  bool lookahead_ascii_ci(std::string_view word) const;
  void run();
  bool drop_attribute_ = false;
};

}  // namespace winnow::html
