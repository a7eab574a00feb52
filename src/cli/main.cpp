// The native `winnow` command. src/js/cli.mjs is its Node twin: same arguments, same bytes
// on stdout, same exit codes. Change both together; tests/parity checks they agree.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "winnow/version.hpp"
#include "winnow/winnow.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

constexpr const char* kHelp =
    "Usage: winnow clean [--json] [--no-title] [FILE...]\n"
    "\n"
    "Cleans articles: repairs broken text and returns the title and body paragraphs.\n"
    "With no FILE, or when FILE is -, reads standard input.\n"
    "\n"
    "Options:\n"
    "  --json       one JSON object per input, on its own line:\n"
    "               {\"title\",\"text\",\"paragraphs\",\"removed\",\"repairs\"}\n"
    "  --no-title   the text has no title line: keep every block as body text\n"
    "  -h, --help   show this help\n"
    "  --version    show the version\n"
    "\n"
    "Exit status: 0 success, 1 an input could not be read or is too large, 2 usage error.\n";

struct Arguments {
  bool json = false;
  bool detect_title = true;
  std::vector<std::string> inputs;
};

int usage_error(const std::string& message) {
  std::cerr << "winnow: " << message << "\nTry 'winnow --help'.\n";
  return kExitUsage;
}

// Reads a whole file ("-" is standard input) as bytes. On failure returns nothing and sets
// `error` to the reason, worded as the Node CLI words it.
std::optional<std::string> read_input(const std::string& path, std::string& error) {
  FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!file) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string bytes;
  char buffer[1 << 16];
  bool too_large = false, failed = false;
  while (true) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, file);
    bytes.append(buffer, n);
    if (bytes.size() > winnow::kMaxInputBytes) {
      too_large = true;
      break;
    }
    if (n < sizeof buffer) {
      failed = std::ferror(file) != 0;
      break;
    }
  }
  const int read_errno = errno;
  if (file != stdin) std::fclose(file);
  if (too_large) {
    error = "input is larger than " + std::to_string(winnow::kMaxInputBytes >> 20) +
            " MiB, the limit for one article";
    return std::nullopt;
  }
  if (failed) {
    error = std::strerror(read_errno);
    return std::nullopt;
  }
  return bytes;
}

void print_text(const winnow::Article& article, const std::string& path, bool with_header,
                bool first) {
  if (with_header) std::cout << (first ? "" : "\n") << "==> " << path << " <==\n";
  if (!article.title.empty()) std::cout << article.title << "\n\n";
  std::cout << winnow::article_text(article) << "\n";
}

int run_clean(const Arguments& args) {
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  int status = kExitOk;
  bool first = true;
  for (const std::string& path : inputs) {
    std::string error;
    const std::optional<std::string> bytes = read_input(path, error);
    if (!bytes) {
      std::cout.flush();
      std::cerr << "winnow: " << path << ": " << error << "\n";
      status = kExitBadInput;
      continue;
    }
    const winnow::Article article = winnow::clean(*bytes, {.detect_title = args.detect_title});
    if (args.json) {
      std::cout << winnow::article_json(article) << "\n";
    } else {
      print_text(article, path, inputs.size() > 1, first);
    }
    first = false;
  }
  std::cout.flush();
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> argv_list(argv + 1, argv + argc);
  if (argv_list.empty()) return usage_error("missing command");
  const std::string& command = argv_list[0];
  if (command == "-h" || command == "--help") {
    std::cout << kHelp;
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "winnow " << WINNOW_VERSION << "\n";
    return kExitOk;
  }
  if (command != "clean") return usage_error("unknown command '" + command + "'");

  Arguments args;
  bool options_done = false;
  for (std::size_t i = 1; i < argv_list.size(); ++i) {
    const std::string& arg = argv_list[i];
    if (options_done || arg == "-" || arg.empty() || arg[0] != '-') {
      args.inputs.push_back(arg);
    } else if (arg == "--") {
      options_done = true;
    } else if (arg == "--json") {
      args.json = true;
    } else if (arg == "--no-title") {
      args.detect_title = false;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << kHelp;
      return kExitOk;
    } else {
      return usage_error("unknown option '" + arg + "'");
    }
  }
  return run_clean(args);
}
