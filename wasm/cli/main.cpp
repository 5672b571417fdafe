// lectern: the command-line face of the core, for corpora too big for a browser tab.
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "annotations_command.h"
#include "cli_files.h"
#include "dedup_command.h"
#include "diff_command.h"
#include "lectern/lectern.h"

namespace {

constexpr const char* kUsage =
    "usage: lectern segment [--json] [--plain] [--offsets codepoint|utf16|utf8] FILE...\n"
    "       lectern annotations check|merge|anchor|export|report ... (see lectern annotations -h)\n"
    "       lectern dedup [--json] FILE.jsonl|FILES...   (see lectern dedup -h)\n"
    "       lectern diff [--json] A B                    (see lectern diff -h)\n"
    "\n"
    "Reads news articles (.txt, .html, .json or .jsonl collections; - for standard input) and\n"
    "prints each one's title, date, source and sentences. With --json, prints the article as JSON\n"
    "(an array for several articles); offsets count Unicode code points unless --offsets says\n"
    "otherwise. --plain takes the text as it is: no metadata, no boilerplate removal.\n"
    "Exit status: 0 when every input was read, 1 when some could not be, 2 for usage errors.\n";

struct SegmentArgs {
  bool json = false;
  lectern::ReadOptions read;
  lectern::OffsetUnit unit = lectern::OffsetUnit::kCodePoint;
  std::vector<std::string> files;
};

void PrintReadable(const lectern::Article& a) {
  std::printf("%s\n", a.title.empty() ? "(untitled)" : a.title.c_str());
  std::printf("  source: %s  date: %s  id: %s\n", a.source.empty() ? "-" : a.source.c_str(),
              a.date.empty() ? "-" : a.date.c_str(), a.id.c_str());
  if (!a.dateline.empty()) std::printf("  dateline: %s\n", a.dateline.c_str());
  std::size_t n = 0;
  for (const lectern::Span& s : a.sentences) {
    std::printf("%4zu  %.*s\n", ++n, static_cast<int>(s.end - s.start), a.body.data() + s.start);
  }
}

// True for the names ReadFile reads as collections (.json, .jsonl, .ndjson, in any case).
bool IsCollectionName(const std::string& name) {
  const std::size_t dot = name.find_last_of('.');
  if (dot == std::string::npos) return false;
  std::string ext = name.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "json" || ext == "jsonl" || ext == "ndjson";
}

int Segment(const SegmentArgs& args) {
  // One article from one plain file prints as an object; anything else as an array, streamed.
  const bool single = args.files.size() == 1 && !IsCollectionName(args.files[0]);
  std::size_t printed = 0;
  int status = 0;
  for (const std::string& path : args.files) {
    std::string bytes, error;
    if (!lectern::cli::Slurp(path, bytes, error)) {
      std::fprintf(stderr, "lectern: %s: %s\n", path.c_str(), error.c_str());
      status = 1;
      continue;
    }
    const lectern::ReadResult result =
        lectern::ReadFile(bytes, path == "-" ? "stdin" : path, args.read);
    for (const lectern::InputProblem& p : result.problems) {
      std::fprintf(stderr, "lectern: %s\n", p.ToString().c_str());
      status = 1;
    }
    for (const lectern::Article& a : result.articles) {
      if (!args.json) {
        PrintReadable(a);
        continue;
      }
      std::fputs(single ? "" : (printed == 0 ? "[" : ",\n"), stdout);
      std::fputs(lectern::ArticleToJson(a, args.unit).c_str(), stdout);
      ++printed;
    }
  }
  if (args.json && !single) std::fputs(printed == 0 ? "[]\n" : "]\n", stdout);
  if (args.json && single && printed > 0) std::fputs("\n", stdout);
  return status;
}

int Usage(const char* error) {
  if (error) std::fprintf(stderr, "lectern: %s\n", error);
  std::fputs(kUsage, error ? stderr : stdout);
  return error ? 2 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage("no command given");
  if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") return Usage(nullptr);
  if (args[0] == "annotations") {
    return lectern::cli::AnnotationsCommand({args.begin() + 1, args.end()});
  }
  if (args[0] == "dedup") return lectern::cli::DedupCommand({args.begin() + 1, args.end()});
  if (args[0] == "diff") return lectern::cli::DiffCommand({args.begin() + 1, args.end()});
  if (args[0] != "segment") return Usage(("unknown command '" + args[0] + "'").c_str());
  SegmentArgs seg;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      seg.json = true;
    } else if (a == "--plain") {
      seg.read.plain = true;
    } else if (a == "--offsets" && i + 1 < args.size()) {
      try {
        seg.unit = lectern::ParseOffsetUnit(args[++i]);
      } catch (const std::invalid_argument& e) {
        return Usage(e.what());
      }
    } else if (a == "-h" || a == "--help") {
      return Usage(nullptr);
    } else if (a.size() > 1 && a[0] == '-') {
      return Usage(("unknown option '" + a + "'").c_str());
    } else {
      seg.files.push_back(a);
    }
  }
  if (seg.files.empty()) return Usage("segment needs a FILE (or - for standard input)");
  try {
    return Segment(seg);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lectern: %s\n", e.what());
    return 1;
  }
}
