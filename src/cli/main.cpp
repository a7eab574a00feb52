// The native `winnow` command. src/js/cli.mjs is its Node twin: same arguments, same bytes
// on stdout, same exit codes. Change both together; tests/parity checks they agree.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli/json_input.hpp"
#include "winnow/version.hpp"
#include "winnow/winnow.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

constexpr const char* kHelp =
    "Usage: winnow clean [--json] [--no-title] [--bias B] [--format F] [--no-batch] [--batch-dir "
    "DIR] "
    "[FILE|DIR...]\n"
    "       winnow repair [--json | --jsonl] [--straighten-quotes] [FILE|DIR...]\n"
    "       winnow compare [--raw] [--shingle N] A B\n"
    "       winnow dedup [--threshold T] [--jsonl] [--raw] [--shingle N] FILE|DIR...\n"
    "\n"
    "clean    Cleans articles (pasted text or saved pages): repairs broken text and returns\n"
    "         the title and body paragraphs.\n"
    "repair   Repairs text only: mojibake, character references, control characters, NFC.\n"
    "compare  Compares two articles: one JSON object {\"jaccard\", \"containment_ab\" (how\n"
    "         much of B is inside A), \"containment_ba\", \"passages\"} (shared runs of words,\n"
    "         with byte offsets into each cleaned text).\n"
    "dedup    Finds every pair of near-duplicate articles among the FILEs and the files under\n"
    "         the DIRs: pairs at or above the threshold, then clusters of duplicates.\n"
    "With no FILE, or when FILE is -, reads standard input (clean, repair, compare). A DIR\n"
    "stands for the files under it, recursively, hidden ones left out, sorted by path.\n"
    "\n"
    "Options:\n"
    "  --json               one JSON object per input, on its own line: for clean\n"
    "                       {\"title\",\"text\",\"paragraphs\",\"removed\",\"repairs\"}, for "
    "repair\n"
    "                       {\"text\",\"repairs\"}\n"
    "  --jsonl              repair: read one JSON string per line, write one per line\n"
    "  --no-title           clean: the text has no title line, keep every block as body\n"
    "  --bias B             clean: precision (keep all that may be text), balanced (default)\n"
    "                       or recall (remove all that looks like chrome, embedded posts too)\n"
    "  --format F           clean: auto (default: pages and Markdown are recognised by their\n"
    "                       markup), text, html or markdown\n"
    "  --no-batch           clean: clean each FILE on its own; by default several FILEs are\n"
    "                       one batch, where blocks recurring across them are chrome\n"
    "  --batch-dir DIR      clean: the files in DIR are the batch each FILE is cleaned in\n"
    "  --straighten-quotes  repair: turn typographic quotes into ' and \"\n"
    "  --raw                compare, dedup: compare the texts as they are, not cleaned first\n"
    "  --shingle N          compare, dedup: words per shingle, 1 to 64 (default 5)\n"
    "  --threshold T        dedup: the least Jaccard similarity of a pair, 0.05 to 1\n"
    "                       (default 0.5)\n"
    "  --jsonl              dedup: one JSON object per line, {\"a\",\"b\",\"jaccard\",\n"
    "                       \"containment_ab\",\"containment_ba\"} per pair, then\n"
    "                       {\"cluster\":[paths]} per cluster\n"
    "  -h, --help           show this help\n"
    "  --version            show the version\n"
    "\n"
    "Exit status: 0 success, 1 an input could not be read, is too large or is not valid\n"
    "JSON (--jsonl), 2 usage error.\n";

struct Arguments {
  std::string command;
  bool json = false;
  bool jsonl = false;
  bool detect_title = true;
  bool batch = true;
  std::string batch_dir;
  winnow::CleanBias bias = winnow::CleanBias::kBalanced;
  winnow::InputFormat format = winnow::InputFormat::kAuto;
  bool straighten_quotes = false;
  bool raw = false;
  std::uint32_t shingle_words = winnow::kDefaultShingleWords;
  double threshold = 0.5;
  std::vector<std::string> inputs;
};

int usage_error(const std::string& message) {
  std::cerr << "winnow: " << message << "\nTry 'winnow --help'.\n";
  return kExitUsage;
}

// Reads a whole file ("-" is standard input) as bytes, refusing it as soon as it is larger
// than the limit. On failure returns nothing and sets `error`, worded as the Node CLI words it.
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

// The files named, with directories replaced by the regular files under them (recursively,
// without hidden entries), each directory's files sorted by path.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, int& status) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-" || !std::filesystem::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    auto it = std::filesystem::recursive_directory_iterator(path, ec);
    for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) found.push_back(it->path().string());
    }
    if (ec) {
      std::cerr << "winnow: " << path << ": " << ec.message() << "\n";
      status = kExitBadInput;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// "\rwinnow: <verb> 812/10000" on stderr, only when stderr is a terminal and there is more
// than one input. Messages printed meanwhile start with line_start() to clear the bar.
class Progress {
 public:
  Progress(const char* verb, std::size_t total)
      : verb_(verb), total_(total), enabled_(total > 1 && isatty(2) != 0) {}
  void update(std::size_t done) {
    if (!enabled_ || (done % 64 != 0 && done != total_)) return;
    std::cerr << "\rwinnow: " << verb_ << " " << done << "/" << total_ << std::flush;
  }
  const char* line_start() const { return enabled_ ? "\r\033[K" : ""; }
  ~Progress() {
    if (enabled_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  const char* verb_;
  std::size_t total_;
  bool enabled_;
};

// Reads each of `paths` in turn, with a progress bar saying `verb`, and hands the bytes to
// `on_read(path, bytes)`. An input that cannot be read is reported, sets `status`, and the
// others are still read.
template <typename OnRead>
void read_each(const std::vector<std::string>& paths, const char* verb, int& status,
               OnRead on_read) {
  Progress progress(verb, paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    std::string error;
    std::optional<std::string> bytes = read_input(paths[i], error);
    progress.update(i + 1);
    if (!bytes) {
      std::cout.flush();
      std::cerr << progress.line_start() << "winnow: " << paths[i] << ": " << error << "\n";
      status = kExitBadInput;
      continue;
    }
    on_read(paths[i], std::move(*bytes));
  }
}

// The inputs named on the command line, directories expanded; standard input when none.
std::vector<std::string> input_paths(const Arguments& args, int& status) {
  std::vector<std::string> inputs = expand_paths(args.inputs, status);
  if (args.inputs.empty()) inputs.push_back("-");
  return inputs;
}

// Runs `process` on every input in turn; an input that cannot be read is reported and the
// others still processed. `process` gets the path, the bytes, whether there are several
// inputs and whether it is the first.
template <typename Process>
int for_each_input(const Arguments& args, Process process) {
  int status = kExitOk;
  const std::vector<std::string> inputs = input_paths(args, status);
  bool first = true;
  read_each(inputs, "read", status, [&](const std::string& path, std::string bytes) {
    if (!process(path, bytes, inputs.size() > 1, first)) status = kExitBadInput;
    first = false;
  });
  std::cout.flush();
  return status;
}

void print_header(const std::string& path, bool first) {
  std::cout << (first ? "" : "\n") << "==> " << path << " <==\n";
}

void print_article(const winnow::Article& article, const Arguments& args, const std::string& path,
                   bool several, bool first) {
  if (args.json) {
    std::cout << winnow::article_json(article) << "\n";
    return;
  }
  if (several) print_header(path, first);
  if (!article.title.empty()) std::cout << article.title << "\n\n";
  std::cout << winnow::article_text(article) << "\n";
}

// The regular files of a directory, sorted by name, read as the batch's documents.
std::optional<std::vector<std::string>> read_directory(const std::string& dir, std::string& error) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) names.push_back(entry.path().string());
  }
  if (ec) {
    error = dir + ": " + ec.message();
    return std::nullopt;
  }
  std::sort(names.begin(), names.end());
  std::vector<std::string> documents;
  for (const std::string& name : names) {
    std::optional<std::string> bytes = read_input(name, error);
    if (!bytes) {
      error = name + ": " + error;
      return std::nullopt;
    }
    documents.push_back(std::move(*bytes));
  }
  return documents;
}

int run_clean(const Arguments& args) {
  const winnow::CleanOptions options{
      .detect_title = args.detect_title, .bias = args.bias, .format = args.format};
  int status = kExitOk;
  const std::vector<std::string> inputs = input_paths(args, status);
  // Read everything first: a batch is cleaned together.
  std::vector<std::string> paths, documents;
  read_each(inputs, "read", status, [&](const std::string& path, std::string bytes) {
    paths.push_back(path);
    documents.push_back(std::move(bytes));
  });
  std::vector<std::string> context;
  if (!args.batch_dir.empty()) {
    std::string error;
    std::optional<std::vector<std::string>> read = read_directory(args.batch_dir, error);
    if (!read) {
      std::cerr << "winnow: " << error << "\n";
      return kExitBadInput;
    }
    context = std::move(*read);
  }
  const bool several = inputs.size() > 1;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    winnow::Article article;
    if (!context.empty()) {
      // The document and the directory's files, less any file that is the same document.
      std::vector<std::string_view> batch{documents[d]};
      for (const std::string& other : context) {
        if (other != documents[d]) batch.push_back(other);
      }
      article = winnow::clean_in_batch(batch, 0, options);
    } else if (args.batch && documents.size() > 1) {
      if (d == 0) {
        std::vector<std::string_view> views(documents.begin(), documents.end());
        std::vector<winnow::Article> articles = winnow::clean_batch(views, options);
        for (std::size_t k = 0; k < articles.size(); ++k)
          print_article(articles[k], args, paths[k], several, k == 0);
      }
      continue;
    } else {
      article = winnow::clean(documents[d], options);
    }
    print_article(article, args, paths[d], several, d == 0);
  }
  std::cout.flush();
  return status;
}

// --jsonl: one JSON string in per line, one out per line (the protocol of the mojibake
// benchmark's run_cases.py). A line that is not a JSON string is an error, reported with
// its number; the output keeps its line so the two streams stay aligned.
bool repair_jsonl(const std::string& path, const std::string& bytes,
                  const winnow::RepairOptions& options) {
  bool ok = true;
  std::size_t line_number = 0;
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    const std::string_view line = std::string_view(bytes).substr(start, end - start);
    start = end + 1;
    ++line_number;
    const std::optional<std::string> text = winnow::cli::parse_json_string(line);
    std::string out;
    if (text) {
      winnow::append_json_string(out, winnow::repair_bytes(*text, options).text);
    } else {
      std::cout.flush();
      std::cerr << "winnow: " << path << ": line " << line_number << " is not a JSON string\n";
      out = "null";
      ok = false;
    }
    std::cout << out << "\n";
  }
  return ok;
}

int run_repair(const Arguments& args) {
  const winnow::RepairOptions options{.straighten_quotes = args.straighten_quotes};
  return for_each_input(
      args, [&](const std::string& path, const std::string& bytes, bool several, bool first) {
        if (args.jsonl) return repair_jsonl(path, bytes, options);
        const winnow::Repaired repaired = winnow::repair_bytes(bytes, options);
        if (args.json) {
          std::cout << winnow::repaired_json(repaired) << "\n";
        } else {
          if (several) print_header(path, first);
          std::cout << repaired.text;
          if (several && !repaired.text.empty() && repaired.text.back() != '\n') std::cout << "\n";
        }
        return true;
      });
}

int run_compare(const Arguments& args) {
  if (args.inputs.size() != 2) return usage_error("compare takes two inputs, A and B");
  if (args.inputs[0] == "-" && args.inputs[1] == "-")
    return usage_error("only one input can be standard input");
  std::string texts[2];
  for (int i = 0; i < 2; ++i) {
    std::string error;
    const std::optional<std::string> bytes = read_input(args.inputs[i], error);
    if (!bytes) {
      std::cerr << "winnow: " << args.inputs[i] << ": " << error << "\n";
      return kExitBadInput;
    }
    texts[i] = winnow::comparable_text(*bytes, args.raw);
  }
  const winnow::Similarity similarity = winnow::compare(texts[0], texts[1], args.shingle_words);
  std::cout << winnow::similarity_json(similarity, texts[0]) << "\n";
  std::cout.flush();
  return kExitOk;
}

int run_dedup(const Arguments& args) {
  if (args.inputs.empty()) return usage_error("dedup needs files or directories");
  int status = kExitOk;
  const std::vector<std::string> files = expand_paths(args.inputs, status);
  winnow::Index index({.threshold = args.threshold, .shingle_words = args.shingle_words});
  std::vector<std::string> paths;  // by index id
  read_each(files, "fingerprinted", status, [&](const std::string& path, std::string bytes) {
    index.add(winnow::comparable_text(bytes, args.raw));
    paths.push_back(path);
  });
  index.shrink_to_fit();
  const std::vector<winnow::Pair> pairs = index.pairs();
  std::string out;
  for (const winnow::Pair& p : pairs) {
    if (args.jsonl) {
      out += "{\"a\":";
      winnow::append_json_string(out, paths[p.a]);
      out += ",\"b\":";
      winnow::append_json_string(out, paths[p.b]);
      out += ",\"jaccard\":";
      winnow::append_json_fraction(out, p.jaccard);
      out += ",\"containment_ab\":";
      winnow::append_json_fraction(out, p.containment_ab);
      out += ",\"containment_ba\":";
      winnow::append_json_fraction(out, p.containment_ba);
      out += "}\n";
    } else {
      winnow::append_json_fraction(out, p.jaccard);
      out += "\t" + paths[p.a] + "\t" + paths[p.b] + "\n";
    }
    if (out.size() > (1 << 16)) std::cout << out, out.clear();
  }
  for (const std::vector<std::uint32_t>& cluster : winnow::Index::clusters_of(pairs)) {
    if (args.jsonl) {
      out += "{\"cluster\":[";
      for (std::size_t i = 0; i < cluster.size(); ++i) {
        if (i) out += ",";
        winnow::append_json_string(out, paths[cluster[i]]);
      }
      out += "]}\n";
    } else {
      out += "cluster";
      for (const std::uint32_t id : cluster) out += "\t" + paths[id];
      out += "\n";
    }
    if (out.size() > (1 << 16)) std::cout << out, out.clear();
  }
  std::cout << out;
  std::cout.flush();
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> argv_list(argv + 1, argv + argc);
  if (argv_list.empty()) return usage_error("missing command");
  Arguments args;
  args.command = argv_list[0];
  if (args.command == "-h" || args.command == "--help") {
    std::cout << kHelp;
    return kExitOk;
  }
  if (args.command == "--version") {
    std::cout << "winnow " << WINNOW_VERSION << "\n";
    return kExitOk;
  }
  if (args.command != "clean" && args.command != "repair" && args.command != "compare" &&
      args.command != "dedup") {
    return usage_error("unknown command '" + args.command + "'");
  }
  const bool repair = args.command == "repair";
  const bool clean = args.command == "clean";
  const bool similarity = args.command == "compare" || args.command == "dedup";
  const bool dedup = args.command == "dedup";
  bool options_done = false;
  for (std::size_t i = 1; i < argv_list.size(); ++i) {
    const std::string& arg = argv_list[i];
    if (options_done || arg == "-" || arg.empty() || arg[0] != '-') {
      args.inputs.push_back(arg);
    } else if (arg == "--") {
      options_done = true;
    } else if (arg == "--json" && (clean || repair)) {
      args.json = true;
    } else if (arg == "--jsonl" && (repair || dedup)) {
      args.jsonl = true;
    } else if (arg == "--no-title" && clean) {
      args.detect_title = false;
    } else if (arg == "--no-batch" && clean) {
      args.batch = false;
    } else if (arg == "--raw" && similarity) {
      args.raw = true;
    } else if ((arg == "--shingle" && similarity) || (arg == "--threshold" && dedup)) {
      if (i + 1 >= argv_list.size()) return usage_error("missing value for '" + arg + "'");
      const std::string& value = argv_list[++i];
      char* end = nullptr;
      errno = 0;
      const double number = std::strtod(value.c_str(), &end);
      // Plain decimal notation only (strtod would also take "0x1p-1", "inf", " 0.5").
      const bool decimal =
          !value.empty() && value.find_first_not_of("0123456789.eE+-") == std::string::npos;
      const bool parsed = decimal && end == value.c_str() + value.size() && errno == 0;
      if (arg == "--shingle") {
        if (!parsed || number != std::floor(number) || number < 1 ||
            number > winnow::kMaxShingleWords) {
          return usage_error("--shingle takes a whole number from 1 to 64, not '" + value + "'");
        }
        args.shingle_words = static_cast<std::uint32_t>(number);
      } else {
        if (!parsed || !(number >= 0.05 && number <= 1)) {
          return usage_error("--threshold takes a number from 0.05 to 1, not '" + value + "'");
        }
        args.threshold = number;
      }
    } else if (arg == "--format" && clean) {
      if (i + 1 >= argv_list.size()) return usage_error("missing value for '" + arg + "'");
      const std::string& value = argv_list[++i];
      if (value == "auto") {
        args.format = winnow::InputFormat::kAuto;
      } else if (value == "text") {
        args.format = winnow::InputFormat::kText;
      } else if (value == "html") {
        args.format = winnow::InputFormat::kHtml;
      } else if (value == "markdown") {
        args.format = winnow::InputFormat::kMarkdown;
      } else {
        return usage_error("--format takes auto, text, html or markdown, not '" + value + "'");
      }
    } else if ((arg == "--batch-dir" || arg == "--bias") && clean) {
      if (i + 1 >= argv_list.size()) return usage_error("missing value for '" + arg + "'");
      const std::string& value = argv_list[++i];
      if (arg == "--batch-dir") {
        args.batch_dir = value;
      } else if (value == "precision") {
        args.bias = winnow::CleanBias::kPrecision;
      } else if (value == "recall") {
        args.bias = winnow::CleanBias::kRecall;
      } else if (value == "balanced") {
        args.bias = winnow::CleanBias::kBalanced;
      } else {
        return usage_error("--bias takes precision, balanced or recall, not '" + value + "'");
      }
    } else if (arg == "--straighten-quotes" && repair) {
      args.straighten_quotes = true;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << kHelp;
      return kExitOk;
    } else {
      return usage_error("unknown option '" + arg + "' for " + args.command);
    }
  }
  if (args.json && args.jsonl) return usage_error("--json and --jsonl exclude each other");
  if (args.command == "compare") return run_compare(args);
  if (dedup) return run_dedup(args);
  return repair ? run_repair(args) : run_clean(args);
}
