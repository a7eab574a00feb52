#include "html/tokenizer.hpp"

#include <cstring>
#include <unordered_set>

#include "repair/entities.hpp"
#include "unicode/unicode.hpp"

namespace winnow::html {

enum class Tokenizer::State : std::uint8_t {
  kData,
  kRcdata,
  kRawtext,
  kScriptData,
  kPlaintext,
  kTagOpen,
  kEndTagOpen,
  kTagName,
  kRcdataLessThan,
  kRcdataEndTagOpen,
  kRcdataEndTagName,
  kRawtextLessThan,
  kRawtextEndTagOpen,
  kRawtextEndTagName,
  kScriptDataLessThan,
  kScriptDataEndTagOpen,
  kScriptDataEndTagName,
  kScriptDataEscapeStart,
  kScriptDataEscapeStartDash,
  kScriptDataEscaped,
  kScriptDataEscapedDash,
  kScriptDataEscapedDashDash,
  kScriptDataEscapedLessThan,
  kScriptDataEscapedEndTagOpen,
  kScriptDataEscapedEndTagName,
  kScriptDataDoubleEscapeStart,
  kScriptDataDoubleEscaped,
  kScriptDataDoubleEscapedDash,
  kScriptDataDoubleEscapedDashDash,
  kScriptDataDoubleEscapedLessThan,
  kScriptDataDoubleEscapeEnd,
  kBeforeAttributeName,
  kAttributeName,
  kAfterAttributeName,
  kBeforeAttributeValue,
  kAttributeValueDoubleQuoted,
  kAttributeValueSingleQuoted,
  kAttributeValueUnquoted,
  kAfterAttributeValueQuoted,
  kSelfClosingStartTag,
  kBogusComment,
  kMarkupDeclarationOpen,
  kCommentStart,
  kCommentStartDash,
  kComment,
  kCommentLessThan,
  kCommentLessThanBang,
  kCommentLessThanBangDash,
  kCommentLessThanBangDashDash,
  kCommentEndDash,
  kCommentEnd,
  kCommentEndBang,
  kDoctype,
  kBeforeDoctypeName,
  kDoctypeName,
  kAfterDoctypeName,
  kAfterDoctypePublicKeyword,
  kBeforeDoctypePublicIdentifier,
  kDoctypePublicIdentifierDoubleQuoted,
  kDoctypePublicIdentifierSingleQuoted,
  kAfterDoctypePublicIdentifier,
  kBetweenDoctypePublicAndSystemIdentifiers,
  kAfterDoctypeSystemKeyword,
  kBeforeDoctypeSystemIdentifier,
  kDoctypeSystemIdentifierDoubleQuoted,
  kDoctypeSystemIdentifierSingleQuoted,
  kAfterDoctypeSystemIdentifier,
  kBogusDoctype,
  kCdataSection,
};

namespace {

constexpr int kEof = -1;

bool is_space(int c) {
  return c == '\t' || c == '\n' || c == '\f' || c == ' ';
}
bool is_alpha(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_upper(int c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(int c) {
  return c >= '0' && c <= '9';
}
bool is_hex(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_alnum(int c) {
  return is_alpha(c) || is_digit(c);
}
char lower(int c) {
  return static_cast<char>(is_upper(c) ? c + 32 : c);
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Input preprocessing (13.2.3.5): CR LF and lone CR become LF.
std::string normalise_newlines(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  for (std::size_t cr = in.find('\r'); cr != std::string_view::npos; cr = in.find('\r', i)) {
    out.append(in, i, cr - i);
    out.push_back('\n');
    i = cr + 1 < in.size() && in[cr + 1] == '\n' ? cr + 2 : cr + 1;
  }
  out.append(in, i);
  return out;
}

// A set of bytes for the scanning loops: one table look-up per byte of text.
struct ByteSet {
  bool has[256] = {};
  constexpr ByteSet(std::string_view bytes) {
    for (char c : bytes) has[static_cast<unsigned char>(c)] = true;
    has[0] = true;  // NUL always stops a scan: every state treats it specially
  }
};

std::size_t scan(std::string_view s, std::size_t i, const ByteSet& stop) {
  while (i < s.size() && !stop.has[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

// The next '<' or NUL from i: script and style bodies are long, and memchr is fast.
std::size_t scan_to_tag(std::string_view s, std::size_t i) {
  const std::size_t lt = s.find('<', i);
  const std::size_t end = lt == std::string_view::npos ? s.size() : lt;
  const void* nul = std::memchr(s.data() + i, 0, end - i);
  return nul != nullptr ? static_cast<std::size_t>(static_cast<const char*>(nul) - s.data()) : end;
}

constexpr ByteSet kDataStops("<&");
constexpr ByteSet kRcdataStops("<&");
constexpr ByteSet kNoStops("");
constexpr ByteSet kDoubleQuotedStops("\"&");
constexpr ByteSet kSingleQuotedStops("'&");
constexpr ByteSet kBogusCommentStops(">");
constexpr ByteSet kCommentStops("<-");

// The longest named reference any input could match, without '&'.
constexpr std::size_t kLongestReferenceName = 32;

}  // namespace

Tokenizer::Tokenizer(std::string_view utf8)
    : input_(normalise_newlines(utf8)), state_(State::kData) {
  characters_.kind = TokenKind::kCharacters;
}

void Tokenizer::switch_to(ContentState state) {
  switch (state) {
    case ContentState::kData: state_ = State::kData; break;
    case ContentState::kRcdata: state_ = State::kRcdata; break;
    case ContentState::kRawtext: state_ = State::kRawtext; break;
    case ContentState::kScriptData: state_ = State::kScriptData; break;
    case ContentState::kPlaintext: state_ = State::kPlaintext; break;
    case ContentState::kCdataSection: state_ = State::kCdataSection; break;
  }
}

int Tokenizer::peek(std::size_t ahead) const {
  return pos_ + ahead < input_.size() ? static_cast<unsigned char>(input_[pos_ + ahead]) : kEof;
}

bool Tokenizer::lookahead_ascii_ci(std::string_view word) const {
  if (input_.size() - pos_ < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (lower(static_cast<unsigned char>(input_[pos_ + i])) != word[i]) return false;
  }
  return true;
}

void Tokenizer::start_tag(TokenKind kind) {
  token_.kind = kind;
  token_.data.clear();
  token_.attributes.clear();
  token_.self_closing = false;
}

void Tokenizer::start_attribute() {
  finish_attribute_name();
  token_.attributes.emplace_back();
  drop_attribute_ = false;
}

// A repeated attribute name is a parse error and the later attribute is dropped (13.2.5.33).
void Tokenizer::finish_attribute_name() {
  auto& attributes = token_.attributes;
  if (attributes.empty() || drop_attribute_) {
    if (drop_attribute_ && !attributes.empty()) attributes.pop_back();
    drop_attribute_ = false;
    return;
  }
  const std::string& name = attributes.back().name;
  if (attributes.size() <= 64) {
    for (std::size_t i = 0; i + 1 < attributes.size(); ++i) {
      if (attributes[i].name == name) {
        attributes.pop_back();
        return;
      }
    }
    return;
  }
  // Hostile tags with thousands of attributes: a set keeps the check linear.
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i + 1 < attributes.size(); ++i) seen.insert(attributes[i].name);
  if (seen.count(name)) attributes.pop_back();
}

void Tokenizer::emit_current() {
  if (token_.kind == TokenKind::kStartTag || token_.kind == TokenKind::kEndTag) {
    finish_attribute_name();
    if (token_.kind == TokenKind::kStartTag) {
      last_start_tag_ = token_.data;
    } else {
      token_.attributes.clear();
      token_.self_closing = false;
    }
  }
  token_ready_ = true;
}

bool Tokenizer::appropriate_end_tag() const {
  return token_.kind == TokenKind::kEndTag && !last_start_tag_.empty() &&
         token_.data == last_start_tag_;
}

// 13.2.5.72-80: called with pos_ just past the '&'. Appends what the reference stands for,
// or the characters as they were when they do not form one.
void Tokenizer::consume_character_reference(std::string& out, bool in_attribute) {
  int c = peek();
  if (is_alnum(c)) {
    std::size_t run = 0;
    while (run < kLongestReferenceName && is_alnum(peek(run))) ++run;
    if (peek(run) == ';') ++run;
    for (std::size_t length = run; length > 0; --length) {
      std::string_view name(input_.data() + pos_, length);
      auto value = detail::find_named_reference(name);
      if (!value) continue;
      int next = peek(length);
      if (in_attribute && name.back() != ';' && (next == '=' || is_alnum(next))) {
        out.push_back('&');  // "&copy=1" in a URL is not a reference
        return;
      }
      out.append(*value);
      pos_ += length;
      return;
    }
    out.push_back('&');
    return;
  }
  if (c != '#') {
    out.push_back('&');
    return;
  }
  bool hex = peek(1) == 'x' || peek(1) == 'X';
  std::size_t digits_start = hex ? 2 : 1;
  int first = peek(digits_start);
  if (!(hex ? is_hex(first) : is_digit(first))) {
    out.push_back('&');  // "&#" or "&#x" with no digits: kept as written
    return;
  }
  std::uint64_t value = 0;
  std::size_t i = digits_start;
  for (;; ++i) {
    int d = peek(i);
    int digit;
    if (is_digit(d)) {
      digit = d - '0';
    } else if (hex && is_hex(d)) {
      digit = lower(d) - 'a' + 10;
    } else {
      break;
    }
    value = value * (hex ? 16 : 10) + static_cast<std::uint64_t>(digit);
    if (value > 0x10FFFF) value = 0x110000;  // saturate: stays out of range
  }
  if (peek(i) == ';') ++i;
  pos_ += i;
  unicode::append_utf8(out, detail::numeric_reference_code_point(value));
}

const Token& Tokenizer::next() {
  next(output_);
  return output_;
}

void Tokenizer::next(Token& out) {
  if (!token_ready_ && !eof_emitted_) run();
  out.self_closing = false;
  if (!characters_.data.empty()) {
    out.kind = TokenKind::kCharacters;
    out.data.swap(characters_.data);
    characters_.data.clear();
    return;
  }
  if (token_ready_) {
    out.kind = token_.kind;
    out.data.swap(token_.data);
    out.attributes.swap(token_.attributes);
    out.self_closing = token_.self_closing;
    out.has_name = token_.has_name;
    out.has_public_id = token_.has_public_id;
    out.has_system_id = token_.has_system_id;
    out.force_quirks = token_.force_quirks;
    out.public_id.swap(token_.public_id);
    out.system_id.swap(token_.system_id);
    token_ready_ = false;
    return;
  }
  out.kind = TokenKind::kEndOfFile;
  out.data.clear();
  out.attributes.clear();
}

// Runs the state machine until a token other than characters is complete, or the input
// ends. Characters accumulate in characters_.
void Tokenizer::run() {
  const std::size_t size = input_.size();
  while (!token_ready_) {
    ++steps_;
    int c = peek();
    switch (state_) {
      case State::kData: {
        // Fast path: copy the run of ordinary characters at once.
        const std::size_t end = scan(input_, pos_, kDataStops);
        if (end > pos_) {
          emit_chars(std::string_view(input_).substr(pos_, end - pos_));
          pos_ = end;
          continue;
        }
        if (c == kEof) {
          eof_emitted_ = true;
          return;
        }
        ++pos_;
        if (c == '&') {
          consume_character_reference(characters_.data, false);
        } else if (c == '<') {
          state_ = State::kTagOpen;
        } else {
          emit_char('\0');  // the tree builder decides what a NUL becomes
        }
        break;
      }
      case State::kRcdata:
      case State::kRawtext:
      case State::kScriptData:
      case State::kPlaintext: {
        const bool references = state_ == State::kRcdata;
        const bool tags = state_ != State::kPlaintext;
        const std::size_t end = references ? scan(input_, pos_, kRcdataStops)
                                : tags     ? scan_to_tag(input_, pos_)
                                           : scan(input_, pos_, kNoStops);
        if (end > pos_) {
          emit_chars(std::string_view(input_).substr(pos_, end - pos_));
          pos_ = end;
          continue;
        }
        if (c == kEof) {
          eof_emitted_ = true;
          return;
        }
        ++pos_;
        if (c == '\0') {
          emit_replacement();
        } else if (c == '&') {
          consume_character_reference(characters_.data, false);
        } else if (state_ == State::kRcdata) {
          state_ = State::kRcdataLessThan;
        } else if (state_ == State::kRawtext) {
          state_ = State::kRawtextLessThan;
        } else {
          state_ = State::kScriptDataLessThan;
        }
        break;
      }
      case State::kTagOpen:
        if (c == '!') {
          ++pos_;
          state_ = State::kMarkupDeclarationOpen;
        } else if (c == '/') {
          ++pos_;
          state_ = State::kEndTagOpen;
        } else if (is_alpha(c)) {
          start_tag(TokenKind::kStartTag);
          state_ = State::kTagName;
        } else if (c == '?') {
          token_.kind = TokenKind::kComment;
          token_.data.clear();
          state_ = State::kBogusComment;
        } else {
          emit_char('<');
          state_ = State::kData;
        }
        break;
      case State::kEndTagOpen:
        if (is_alpha(c)) {
          start_tag(TokenKind::kEndTag);
          state_ = State::kTagName;
        } else if (c == '>') {
          ++pos_;
          state_ = State::kData;
        } else if (c == kEof) {
          emit_chars("</");
          state_ = State::kData;
        } else {
          token_.kind = TokenKind::kComment;
          token_.data.clear();
          state_ = State::kBogusComment;
        }
        break;
      case State::kTagName:
        if (c == kEof) {
          state_ = State::kData;  // EOF in a tag: the tag is dropped
          break;
        }
        ++pos_;
        if (is_space(c)) {
          state_ = State::kBeforeAttributeName;
        } else if (c == '/') {
          state_ = State::kSelfClosingStartTag;
        } else if (c == '>') {
          state_ = State::kData;
          emit_current();
        } else if (c == '\0') {
          token_.data.append(kReplacement);
        } else {
          token_.data.push_back(lower(c));
        }
        break;

      // RCDATA, RAWTEXT and script data end tags (13.2.5.9-17).
      case State::kRcdataLessThan:
      case State::kRawtextLessThan:
        if (c == '/') {
          ++pos_;
          temporary_buffer_.clear();
          state_ = state_ == State::kRcdataLessThan ? State::kRcdataEndTagOpen
                                                    : State::kRawtextEndTagOpen;
        } else {
          emit_char('<');
          state_ = state_ == State::kRcdataLessThan ? State::kRcdata : State::kRawtext;
        }
        break;
      case State::kRcdataEndTagOpen:
      case State::kRawtextEndTagOpen:
      case State::kScriptDataEndTagOpen:
      case State::kScriptDataEscapedEndTagOpen: {
        State name_state = state_ == State::kRcdataEndTagOpen    ? State::kRcdataEndTagName
                           : state_ == State::kRawtextEndTagOpen ? State::kRawtextEndTagName
                           : state_ == State::kScriptDataEndTagOpen
                               ? State::kScriptDataEndTagName
                               : State::kScriptDataEscapedEndTagName;
        if (is_alpha(c)) {
          start_tag(TokenKind::kEndTag);
          state_ = name_state;
        } else {
          emit_chars("</");
          state_ = state_ == State::kRcdataEndTagOpen       ? State::kRcdata
                   : state_ == State::kRawtextEndTagOpen    ? State::kRawtext
                   : state_ == State::kScriptDataEndTagOpen ? State::kScriptData
                                                            : State::kScriptDataEscaped;
        }
        break;
      }
      case State::kRcdataEndTagName:
      case State::kRawtextEndTagName:
      case State::kScriptDataEndTagName:
      case State::kScriptDataEscapedEndTagName: {
        if (appropriate_end_tag()) {
          if (is_space(c)) {
            ++pos_;
            state_ = State::kBeforeAttributeName;
            break;
          }
          if (c == '/') {
            ++pos_;
            state_ = State::kSelfClosingStartTag;
            break;
          }
          if (c == '>') {
            ++pos_;
            state_ = State::kData;
            emit_current();
            break;
          }
        }
        if (is_alpha(c)) {
          ++pos_;
          token_.data.push_back(lower(c));
          temporary_buffer_.push_back(static_cast<char>(c));
          break;
        }
        emit_chars("</");
        emit_chars(temporary_buffer_);
        state_ = state_ == State::kRcdataEndTagName       ? State::kRcdata
                 : state_ == State::kRawtextEndTagName    ? State::kRawtext
                 : state_ == State::kScriptDataEndTagName ? State::kScriptData
                                                          : State::kScriptDataEscaped;
        break;
      }

      // Script data and its escapes (13.2.5.15-31).
      case State::kScriptDataLessThan:
        if (c == '/') {
          ++pos_;
          temporary_buffer_.clear();
          state_ = State::kScriptDataEndTagOpen;
        } else if (c == '!') {
          ++pos_;
          emit_chars("<!");
          state_ = State::kScriptDataEscapeStart;
        } else {
          emit_char('<');
          state_ = State::kScriptData;
        }
        break;
      case State::kScriptDataEscapeStart:
      case State::kScriptDataEscapeStartDash:
        if (c == '-') {
          ++pos_;
          emit_char('-');
          state_ = state_ == State::kScriptDataEscapeStart ? State::kScriptDataEscapeStartDash
                                                           : State::kScriptDataEscapedDashDash;
        } else {
          state_ = State::kScriptData;
        }
        break;
      case State::kScriptDataEscaped:
      case State::kScriptDataEscapedDash:
      case State::kScriptDataEscapedDashDash:
        if (c == kEof) {
          state_ = State::kData;
          break;
        }
        ++pos_;
        if (c == '-') {
          emit_char('-');
          if (state_ == State::kScriptDataEscaped) {
            state_ = State::kScriptDataEscapedDash;
          } else {
            state_ = State::kScriptDataEscapedDashDash;
          }
        } else if (c == '<') {
          state_ = State::kScriptDataEscapedLessThan;
        } else if (c == '>' && state_ == State::kScriptDataEscapedDashDash) {
          emit_char('>');
          state_ = State::kScriptData;
        } else {
          if (c == '\0') {
            emit_replacement();
          } else {
            emit_char(static_cast<char>(c));
          }
          state_ = State::kScriptDataEscaped;
        }
        break;
      case State::kScriptDataEscapedLessThan:
        if (c == '/') {
          ++pos_;
          temporary_buffer_.clear();
          state_ = State::kScriptDataEscapedEndTagOpen;
        } else if (is_alpha(c)) {
          temporary_buffer_.clear();
          emit_char('<');
          state_ = State::kScriptDataDoubleEscapeStart;
        } else {
          emit_char('<');
          state_ = State::kScriptDataEscaped;
        }
        break;
      case State::kScriptDataDoubleEscapeStart:
      case State::kScriptDataDoubleEscapeEnd: {
        const bool start = state_ == State::kScriptDataDoubleEscapeStart;
        if (is_space(c) || c == '/' || c == '>') {
          ++pos_;
          emit_char(static_cast<char>(c));
          bool is_script = temporary_buffer_ == "script";
          if (start) {
            state_ = is_script ? State::kScriptDataDoubleEscaped : State::kScriptDataEscaped;
          } else {
            state_ = is_script ? State::kScriptDataEscaped : State::kScriptDataDoubleEscaped;
          }
        } else if (is_alpha(c)) {
          ++pos_;
          temporary_buffer_.push_back(lower(c));
          emit_char(static_cast<char>(c));
        } else {
          state_ = start ? State::kScriptDataEscaped : State::kScriptDataDoubleEscaped;
        }
        break;
      }
      case State::kScriptDataDoubleEscaped:
      case State::kScriptDataDoubleEscapedDash:
      case State::kScriptDataDoubleEscapedDashDash:
        if (c == kEof) {
          state_ = State::kData;
          break;
        }
        ++pos_;
        if (c == '-') {
          emit_char('-');
          state_ = state_ == State::kScriptDataDoubleEscaped
                       ? State::kScriptDataDoubleEscapedDash
                       : State::kScriptDataDoubleEscapedDashDash;
        } else if (c == '<') {
          emit_char('<');
          state_ = State::kScriptDataDoubleEscapedLessThan;
        } else if (c == '>' && state_ == State::kScriptDataDoubleEscapedDashDash) {
          emit_char('>');
          state_ = State::kScriptData;
        } else {
          if (c == '\0') {
            emit_replacement();
          } else {
            emit_char(static_cast<char>(c));
          }
          state_ = State::kScriptDataDoubleEscaped;
        }
        break;
      case State::kScriptDataDoubleEscapedLessThan:
        if (c == '/') {
          ++pos_;
          temporary_buffer_.clear();
          emit_char('/');
          state_ = State::kScriptDataDoubleEscapeEnd;
        } else {
          state_ = State::kScriptDataDoubleEscaped;
        }
        break;

      // Attributes (13.2.5.32-39).
      case State::kBeforeAttributeName:
        if (is_space(c)) {
          ++pos_;
        } else if (c == '/' || c == '>' || c == kEof) {
          state_ = State::kAfterAttributeName;
        } else {
          start_attribute();
          if (c == '=') {
            ++pos_;
            token_.attributes.back().name.push_back('=');
          }
          state_ = State::kAttributeName;
        }
        break;
      case State::kAttributeName:
        if (is_space(c) || c == '/' || c == '>' || c == kEof) {
          state_ = State::kAfterAttributeName;
        } else if (c == '=') {
          ++pos_;
          state_ = State::kBeforeAttributeValue;
        } else {
          ++pos_;
          if (c == '\0') {
            token_.attributes.back().name.append(kReplacement);
          } else {
            token_.attributes.back().name.push_back(lower(c));
          }
        }
        break;
      case State::kAfterAttributeName:
        if (is_space(c)) {
          ++pos_;
        } else if (c == '/') {
          ++pos_;
          state_ = State::kSelfClosingStartTag;
        } else if (c == '=') {
          ++pos_;
          state_ = State::kBeforeAttributeValue;
        } else if (c == '>') {
          ++pos_;
          state_ = State::kData;
          emit_current();
        } else if (c == kEof) {
          state_ = State::kData;
        } else {
          start_attribute();
          state_ = State::kAttributeName;
        }
        break;
      case State::kBeforeAttributeValue:
        if (is_space(c)) {
          ++pos_;
        } else if (c == '"') {
          ++pos_;
          state_ = State::kAttributeValueDoubleQuoted;
        } else if (c == '\'') {
          ++pos_;
          state_ = State::kAttributeValueSingleQuoted;
        } else if (c == '>') {
          ++pos_;
          state_ = State::kData;
          emit_current();
        } else {
          state_ = State::kAttributeValueUnquoted;
        }
        break;
      case State::kAttributeValueDoubleQuoted:
      case State::kAttributeValueSingleQuoted: {
        const char quote = state_ == State::kAttributeValueDoubleQuoted ? '"' : '\'';
        std::string& value = token_.attributes.back().value;
        const std::size_t end =
            scan(input_, pos_, quote == '"' ? kDoubleQuotedStops : kSingleQuotedStops);
        if (end > pos_) {
          value.append(input_, pos_, end - pos_);
          pos_ = end;
          continue;
        }
        if (c == kEof) {
          state_ = State::kData;
          break;
        }
        ++pos_;
        if (c == quote) {
          state_ = State::kAfterAttributeValueQuoted;
        } else if (c == '&') {
          consume_character_reference(value, true);
        } else {
          value.append(kReplacement);
        }
        break;
      }
      case State::kAttributeValueUnquoted:
        if (c == kEof) {
          state_ = State::kData;
          break;
        }
        ++pos_;
        if (is_space(c)) {
          state_ = State::kBeforeAttributeName;
        } else if (c == '&') {
          consume_character_reference(token_.attributes.back().value, true);
        } else if (c == '>') {
          state_ = State::kData;
          emit_current();
        } else if (c == '\0') {
          token_.attributes.back().value.append(kReplacement);
        } else {
          token_.attributes.back().value.push_back(static_cast<char>(c));
        }
        break;
      case State::kAfterAttributeValueQuoted:
        if (is_space(c)) {
          ++pos_;
          state_ = State::kBeforeAttributeName;
        } else if (c == '/') {
          ++pos_;
          state_ = State::kSelfClosingStartTag;
        } else if (c == '>') {
          ++pos_;
          state_ = State::kData;
          emit_current();
        } else if (c == kEof) {
          state_ = State::kData;
        } else {
          state_ = State::kBeforeAttributeName;
        }
        break;
      case State::kSelfClosingStartTag:
        if (c == '>') {
          ++pos_;
          token_.self_closing = true;
          state_ = State::kData;
          emit_current();
        } else if (c == kEof) {
          state_ = State::kData;
        } else {
          state_ = State::kBeforeAttributeName;
        }
        break;

      // Comments (13.2.5.40-52).
      case State::kBogusComment: {
        const std::size_t end = scan(input_, pos_, kBogusCommentStops);
        token_.data.append(input_, pos_, end - pos_);
        pos_ = end;
        c = peek();
        if (c == '>' || c == kEof) {
          if (c == '>') ++pos_;
          state_ = State::kData;
          emit_current();
        } else {
          ++pos_;
          token_.data.append(kReplacement);
        }
        break;
      }
      case State::kMarkupDeclarationOpen:
        if (peek() == '-' && peek(1) == '-') {
          pos_ += 2;
          token_.kind = TokenKind::kComment;
          token_.data.clear();
          state_ = State::kCommentStart;
        } else if (lookahead_ascii_ci("doctype")) {
          pos_ += 7;
          state_ = State::kDoctype;
        } else if (input_.compare(pos_, 7, "[CDATA[") == 0) {
          pos_ += 7;
          if (cdata_allowed_) {
            state_ = State::kCdataSection;
          } else {
            token_.kind = TokenKind::kComment;
            token_.data = "[CDATA[";
            state_ = State::kBogusComment;
          }
        } else {
          token_.kind = TokenKind::kComment;
          token_.data.clear();
          state_ = State::kBogusComment;
        }
        break;
      case State::kCommentStart:
        if (c == '-') {
          ++pos_;
          state_ = State::kCommentStartDash;
        } else if (c == '>') {
          ++pos_;
          state_ = State::kData;
          emit_current();
        } else {
          state_ = State::kComment;
        }
        break;
      case State::kCommentStartDash:
        if (c == '-') {
          ++pos_;
          state_ = State::kCommentEnd;
        } else if (c == '>') {
          ++pos_;
          state_ = State::kData;
          emit_current();
        } else if (c == kEof) {
          state_ = State::kData;
          emit_current();
        } else {
          token_.data.push_back('-');
          state_ = State::kComment;
        }
        break;
      case State::kComment: {
        const std::size_t end = scan(input_, pos_, kCommentStops);
        if (end > pos_) {
          token_.data.append(input_, pos_, end - pos_);
          pos_ = end;
          continue;
        }
        if (c == kEof) {
          state_ = State::kData;
          emit_current();
          break;
        }
        ++pos_;
        if (c == '<') {
          token_.data.push_back('<');
          state_ = State::kCommentLessThan;
        } else if (c == '-') {
          state_ = State::kCommentEndDash;
        } else {
          token_.data.append(kReplacement);
        }
        break;
      }
      case State::kCommentLessThan:
        if (c == '!') {
          ++pos_;
          token_.data.push_back('!');
          state_ = State::kCommentLessThanBang;
        } else if (c == '<') {
          ++pos_;
          token_.data.push_back('<');
        } else {
          state_ = State::kComment;
        }
        break;
      case State::kCommentLessThanBang:
        if (c == '-') {
          ++pos_;
          state_ = State::kCommentLessThanBangDash;
        } else {
          state_ = State::kComment;
        }
        break;
      case State::kCommentLessThanBangDash:
        if (c == '-') {
          ++pos_;
          state_ = State::kCommentLessThanBangDashDash;
        } else {
          state_ = State::kCommentEndDash;
        }
        break;
      case State::kCommentLessThanBangDashDash: state_ = State::kCommentEnd; break;
      case State::kCommentEndDash:
        if (c == '-') {
          ++pos_;
          state_ = State::kCommentEnd;
        } else if (c == kEof) {
          state_ = State::kData;
          emit_current();
        } else {
          token_.data.push_back('-');
          state_ = State::kComment;
        }
        break;
      case State::kCommentEnd:
        if (c == '>') {
          ++pos_;
          state_ = State::kData;
          emit_current();
        } else if (c == '!') {
          ++pos_;
          state_ = State::kCommentEndBang;
        } else if (c == '-') {
          ++pos_;
          token_.data.push_back('-');
        } else if (c == kEof) {
          state_ = State::kData;
          emit_current();
        } else {
          token_.data.append("--");
          state_ = State::kComment;
        }
        break;
      case State::kCommentEndBang:
        if (c == '-') {
          ++pos_;
          token_.data.append("--!");
          state_ = State::kCommentEndDash;
        } else if (c == '>') {
          ++pos_;
          state_ = State::kData;
          emit_current();
        } else if (c == kEof) {
          state_ = State::kData;
          emit_current();
        } else {
          token_.data.append("--!");
          state_ = State::kComment;
        }
        break;

      // DOCTYPE (13.2.5.53-68).
      case State::kDoctype:
        token_.kind = TokenKind::kDoctype;
        token_.data.clear();
        token_.has_name = token_.has_public_id = token_.has_system_id = false;
        token_.force_quirks = false;
        token_.public_id.clear();
        token_.system_id.clear();
        if (is_space(c)) {
          ++pos_;
          state_ = State::kBeforeDoctypeName;
        } else if (c == kEof) {
          token_.force_quirks = true;
          state_ = State::kData;
          emit_current();
        } else {
          state_ = State::kBeforeDoctypeName;
        }
        break;
      case State::kBeforeDoctypeName:
        if (is_space(c)) {
          ++pos_;
        } else if (c == '>') {
          ++pos_;
          token_.force_quirks = true;
          state_ = State::kData;
          emit_current();
        } else if (c == kEof) {
          token_.force_quirks = true;
          state_ = State::kData;
          emit_current();
        } else {
          ++pos_;
          token_.has_name = true;
          if (c == '\0') {
            token_.data.append(kReplacement);
          } else {
            token_.data.push_back(lower(c));
          }
          state_ = State::kDoctypeName;
        }
        break;
      case State::kDoctypeName:
        if (c == kEof) {
          token_.force_quirks = true;
          state_ = State::kData;
          emit_current();
          break;
        }
        ++pos_;
        if (is_space(c)) {
          state_ = State::kAfterDoctypeName;
        } else if (c == '>') {
          state_ = State::kData;
          emit_current();
        } else if (c == '\0') {
          token_.data.append(kReplacement);
        } else {
          token_.data.push_back(lower(c));
        }
        break;
      case State::kAfterDoctypeName:
        if (is_space(c)) {
          ++pos_;
        } else if (c == '>') {
          ++pos_;
          state_ = State::kData;
          emit_current();
        } else if (c == kEof) {
          token_.force_quirks = true;
          state_ = State::kData;
          emit_current();
        } else if (lookahead_ascii_ci("public")) {
          pos_ += 6;
          state_ = State::kAfterDoctypePublicKeyword;
        } else if (lookahead_ascii_ci("system")) {
          pos_ += 6;
          state_ = State::kAfterDoctypeSystemKeyword;
        } else {
          token_.force_quirks = true;
          state_ = State::kBogusDoctype;
        }
        break;
      case State::kAfterDoctypePublicKeyword:
      case State::kBeforeDoctypePublicIdentifier:
      case State::kAfterDoctypeSystemKeyword:
      case State::kBeforeDoctypeSystemIdentifier: {
        const bool is_public = state_ == State::kAfterDoctypePublicKeyword ||
                               state_ == State::kBeforeDoctypePublicIdentifier;
        if (is_space(c)) {
          ++pos_;
          state_ = is_public ? State::kBeforeDoctypePublicIdentifier
                             : State::kBeforeDoctypeSystemIdentifier;
        } else if (c == '"' || c == '\'') {
          ++pos_;
          if (is_public) {
            token_.has_public_id = true;
            state_ = c == '"' ? State::kDoctypePublicIdentifierDoubleQuoted
                              : State::kDoctypePublicIdentifierSingleQuoted;
          } else {
            token_.has_system_id = true;
            state_ = c == '"' ? State::kDoctypeSystemIdentifierDoubleQuoted
                              : State::kDoctypeSystemIdentifierSingleQuoted;
          }
        } else if (c == '>') {
          ++pos_;
          token_.force_quirks = true;
          state_ = State::kData;
          emit_current();
        } else if (c == kEof) {
          token_.force_quirks = true;
          state_ = State::kData;
          emit_current();
        } else {
          token_.force_quirks = true;
          state_ = State::kBogusDoctype;
        }
        break;
      }
      case State::kDoctypePublicIdentifierDoubleQuoted:
      case State::kDoctypePublicIdentifierSingleQuoted:
      case State::kDoctypeSystemIdentifierDoubleQuoted:
      case State::kDoctypeSystemIdentifierSingleQuoted: {
        const bool is_public = state_ == State::kDoctypePublicIdentifierDoubleQuoted ||
                               state_ == State::kDoctypePublicIdentifierSingleQuoted;
        const char quote = state_ == State::kDoctypePublicIdentifierDoubleQuoted ||
                                   state_ == State::kDoctypeSystemIdentifierDoubleQuoted
                               ? '"'
                               : '\'';
        std::string& id = is_public ? token_.public_id : token_.system_id;
        if (c == kEof) {
          token_.force_quirks = true;
          state_ = State::kData;
          emit_current();
          break;
        }
        ++pos_;
        if (c == quote) {
          state_ = is_public ? State::kAfterDoctypePublicIdentifier
                             : State::kAfterDoctypeSystemIdentifier;
        } else if (c == '>') {
          token_.force_quirks = true;
          state_ = State::kData;
          emit_current();
        } else if (c == '\0') {
          id.append(kReplacement);
        } else {
          id.push_back(static_cast<char>(c));
        }
        break;
      }
      case State::kAfterDoctypePublicIdentifier:
      case State::kBetweenDoctypePublicAndSystemIdentifiers:
        if (is_space(c)) {
          ++pos_;
          state_ = State::kBetweenDoctypePublicAndSystemIdentifiers;
        } else if (c == '>') {
          ++pos_;
          state_ = State::kData;
          emit_current();
        } else if (c == '"' || c == '\'') {
          ++pos_;
          token_.has_system_id = true;
          state_ = c == '"' ? State::kDoctypeSystemIdentifierDoubleQuoted
                            : State::kDoctypeSystemIdentifierSingleQuoted;
        } else if (c == kEof) {
          token_.force_quirks = true;
          state_ = State::kData;
          emit_current();
        } else {
          token_.force_quirks = true;
          state_ = State::kBogusDoctype;
        }
        break;
      case State::kAfterDoctypeSystemIdentifier:
        if (is_space(c)) {
          ++pos_;
        } else if (c == '>') {
          ++pos_;
          state_ = State::kData;
          emit_current();
        } else if (c == kEof) {
          token_.force_quirks = true;
          state_ = State::kData;
          emit_current();
        } else {
          state_ = State::kBogusDoctype;  // not quirks: only a parse error
        }
        break;
      case State::kBogusDoctype:
        if (c == '>' || c == kEof) {
          if (c == '>') ++pos_;
          state_ = State::kData;
          emit_current();
        } else {
          ++pos_;
        }
        break;

      // CDATA sections (13.2.5.69-71): one search for "]]>" stands for the three states.
      case State::kCdataSection: {
        std::size_t end = input_.find("]]>", pos_);
        if (end == std::string::npos) {
          emit_chars(std::string_view(input_).substr(pos_));
          pos_ = size;
          state_ = State::kData;
        } else {
          emit_chars(std::string_view(input_).substr(pos_, end - pos_));
          pos_ = end + 3;
          state_ = State::kData;
        }
        break;
      }
    }
  }
}

}  // namespace winnow::html
