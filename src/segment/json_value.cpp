#include "segment/json_value.hpp"

#include "unicode/unicode.hpp"

namespace winnow::detail {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}

  bool read(JsonValue& out, int depth) {
    if (depth > kMaxJsonDepth) return false;
    skip_space();
    if (at_end()) return false;
    char c = s_[i_];
    if (c == '{') return read_object(out, depth);
    if (c == '[') return read_array(out, depth);
    if (c == '"') {
      out.type = JsonValue::Type::kString;
      return read_string(out.text);
    }
    if (literal("true")) {
      out.type = JsonValue::Type::kBool;
      out.boolean = true;
      return true;
    }
    if (literal("false")) {
      out.type = JsonValue::Type::kBool;
      return true;
    }
    if (literal("null")) return true;
    std::size_t start = i_;
    while (!at_end() && (std::string_view("+-.eE").find(s_[i_]) != std::string_view::npos ||
                         (s_[i_] >= '0' && s_[i_] <= '9')))
      ++i_;
    if (i_ == start) return false;
    out.type = JsonValue::Type::kNumber;
    out.text = std::string(s_.substr(start, i_ - start));
    return true;
  }

  void skip_space() {
    while (!at_end() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool at_end() const { return i_ >= s_.size(); }

 private:
  std::string_view s_;
  std::size_t i_ = 0;

  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  // Skips a trailing comma before the closing bracket, which JSON-LD in the wild has.
  bool closes(char bracket) {
    skip_space();
    if (!at_end() && s_[i_] == bracket) {
      ++i_;
      return true;
    }
    return false;
  }

  bool read_object(JsonValue& out, int depth) {
    out.type = JsonValue::Type::kObject;
    ++i_;
    if (closes('}')) return true;
    for (;;) {
      skip_space();
      if (at_end() || s_[i_] != '"') return false;
      std::string key;
      if (!read_string(key)) return false;
      skip_space();
      if (at_end() || s_[i_] != ':') return false;
      ++i_;
      JsonValue value;
      if (!read(value, depth + 1)) return false;
      out.names.push_back(std::move(key));
      out.items.push_back(std::move(value));
      skip_space();
      if (at_end()) return false;
      if (s_[i_] == ',') {
        ++i_;
        if (closes('}')) return true;
        continue;
      }
      if (s_[i_] == '}') {
        ++i_;
        return true;
      }
      return false;
    }
  }

  bool read_array(JsonValue& out, int depth) {
    out.type = JsonValue::Type::kArray;
    ++i_;
    if (closes(']')) return true;
    for (;;) {
      JsonValue value;
      if (!read(value, depth + 1)) return false;
      out.items.push_back(std::move(value));
      skip_space();
      if (at_end()) return false;
      if (s_[i_] == ',') {
        ++i_;
        if (closes(']')) return true;
        continue;
      }
      if (s_[i_] == ']') {
        ++i_;
        return true;
      }
      return false;
    }
  }

  static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool read_hex4(char32_t& value) {
    if (i_ + 4 > s_.size()) return false;
    value = 0;
    for (int k = 0; k < 4; ++k) {
      int h = hex_value(s_[i_ + static_cast<std::size_t>(k)]);
      if (h < 0) return false;
      value = value * 16 + static_cast<char32_t>(h);
    }
    i_ += 4;
    return true;
  }

  bool read_string(std::string& out) {
    ++i_;  // the opening quote
    while (!at_end()) {
      char c = s_[i_++];
      if (c == '"') return true;
      if (c != '\\') {
        out.push_back(c);  // raw control characters tolerated
        continue;
      }
      if (at_end()) return false;
      char e = s_[i_++];
      switch (e) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'u': {
          char32_t cp;
          if (!read_hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF && s_.substr(i_, 2) == "\\u") {
            std::size_t saved = i_;
            i_ += 2;
            char32_t low;
            if (read_hex4(low) && low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
              i_ = saved;
            }
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
          unicode::append_utf8(out, cp);
          break;
        }
        default: out.push_back(e); break;  // \" \\ \/ and unknown escapes as the character
      }
    }
    return false;
  }
};

std::string_view strip_wrappers(std::string_view text) {
  auto trim = [](std::string_view& t) {
    while (!t.empty() &&
           (t.front() == ' ' || t.front() == '\n' || t.front() == '\r' || t.front() == '\t'))
      t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r' ||
                          t.back() == '\t' || t.back() == ';'))
      t.remove_suffix(1);
  };
  trim(text);
  for (std::string_view open : {"<!--", "//<![CDATA[", "<![CDATA["}) {
    if (text.substr(0, open.size()) == open) text.remove_prefix(open.size());
  }
  trim(text);
  for (std::string_view close : {"-->", "//]]>", "]]>"}) {
    if (text.size() >= close.size() && text.substr(text.size() - close.size()) == close)
      text.remove_suffix(close.size());
  }
  trim(text);
  return text;
}

}  // namespace

const JsonValue* JsonValue::get(std::string_view key) const {
  if (type != Type::kObject) return nullptr;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == key) return &items[i];
  }
  return nullptr;
}

std::optional<JsonValue> parse_json(std::string_view text) {
  Reader reader(strip_wrappers(text));
  JsonValue value;
  if (!reader.read(value, 0)) return std::nullopt;
  reader.skip_space();
  if (!reader.at_end()) return std::nullopt;
  return value;
}

}  // namespace winnow::detail
