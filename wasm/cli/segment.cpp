// `lectern segment …`: reads news articles and prints each one's metadata and sentences (see
// kUsage).
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.h"
#include "files.h"
#include "lectern/api.h"
#include "lectern/reading.h"
#include "lectern/text.h"

namespace lectern::cli {
namespace {

struct SegmentArgs {
  bool json = false;
  ReadOptions read;
  OffsetUnit unit = OffsetUnit::kCodePoint;
  std::vector<std::string> files;
};

void PrintReadable(const Article& a) {
  std::printf("%s\n", a.title.empty() ? "(untitled)" : a.title.c_str());
  std::printf("  source: %s  date: %s  id: %s\n", a.source.empty() ? "-" : a.source.c_str(),
              a.date.empty() ? "-" : a.date.c_str(), a.id.c_str());
  if (!a.dateline.empty()) std::printf("  dateline: %s\n", a.dateline.c_str());
  if (!a.encoding.empty()) std::printf("  encoding: %s (decoded)\n", a.encoding.c_str());
  std::size_t n = 0;
  for (const Span& s : a.sentences) {
    std::printf("%4zu  %.*s\n", ++n, static_cast<int>(s.end - s.start), a.body.data() + s.start);
  }
}

int Segment(const SegmentArgs& args) {
  // One article from one plain file prints as an object; anything else as an array, streamed.
  const bool single = args.files.size() == 1 && !IsCollectionName(args.files[0]);
  std::size_t printed = 0;
  int status = 0;
  for (const std::string& path : args.files) {
    std::string bytes, error;
    if (!Slurp(path, bytes, error)) {
      std::fprintf(stderr, "lectern: %s: %s\n", path.c_str(), error.c_str());
      status = 1;
      continue;
    }
    const ReadResult result = ReadFile(bytes, path == "-" ? "stdin" : path, args.read);
    for (const InputProblem& p : result.problems) {
      std::fprintf(stderr, "lectern: %s\n", p.ToString().c_str());
      status = 1;
    }
    for (const Article& a : result.articles) {
      if (!args.json) {
        PrintReadable(a);
      } else {
        std::fputs(single ? "" : (printed == 0 ? "[" : ",\n"), stdout);
        std::fputs(ArticleToJson(a, args.unit).c_str(), stdout);
        ++printed;
      }
      CheckOutput();  // a full disk stops the work at the article it could not write
    }
  }
  if (args.json && !single) std::fputs(printed == 0 ? "[]\n" : "]\n", stdout);
  if (args.json && single && printed > 0) std::fputs("\n", stdout);
  return status;
}

int Run(const std::vector<std::string>& args) {
  SegmentArgs seg;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      seg.json = true;
    } else if (a == "--plain") {
      seg.read.plain = true;
    } else if (a == "--offsets" && i + 1 < args.size()) {
      try {
        seg.unit = ParseOffsetUnit(args[++i]);
      } catch (const std::invalid_argument& e) {
        return UsageError(e.what(), kUsage);
      }
    } else if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a.size() > 1 && a[0] == '-') {
      return UsageError("unknown option '" + a + "'", kUsage);
    } else {
      seg.files.push_back(a);
    }
  }
  if (seg.files.empty())
    return UsageError("segment needs a FILE (or - for standard input)", kUsage);
  return Segment(seg);
}

}  // namespace

int SegmentCommand(const std::vector<std::string>& args) { return RunCommand(Run, args); }

}  // namespace lectern::cli
