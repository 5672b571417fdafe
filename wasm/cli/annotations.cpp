// `lectern annotations …`: check, merge, anchor, export and report W3C annotation files.
#include "lectern/annotations.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "commands.h"
#include "files.h"
#include "lectern/reading.h"

namespace lectern::cli {

constexpr const char* kAnnotationsUsage =
    "usage: lectern annotations check FILE\n"
    "       lectern annotations merge MINE THEIRS > MERGED\n"
    "       lectern annotations anchor [--json] [--min-score S] ANNOTATIONS ARTICLE...\n"
    "       lectern annotations export [--article HASH|URL] [--tag TAG] FILE\n"
    "       lectern annotations report [--html] [--article HASH|URL] [--tag TAG] FILE\n"
    "\n"
    "Reads W3C Web Annotation files (an AnnotationCollection, an AnnotationPage, an array of\n"
    "annotations or one annotation; - for standard input) up to 1 GB; reading one takes about\n"
    "ten times its size in memory. Annotations sharing an id in one file are merged (a warning\n"
    "each); one with a broken string is left out on its own.\n"
    "  check   validates FILE: one line per problem, with its JSON path.\n"
    "  merge   merges THEIRS into MINE and prints the AnnotationCollection, written as it is\n"
    "          made: one annotation per id; conflicting versions are kept side by side under\n"
    "          \"lectern:conflicts\".\n"
    "  anchor  finds each annotation's passage in the ARTICLEs (read like `lectern segment`) and\n"
    "          prints id, status (anchored|orphan), start, end (code points), score, article.\n"
    "  export  prints the AnnotationCollection of FILE's annotations, filtered.\n"
    "  report  prints a readable report in Markdown (or HTML), grouped by article.\n"
    "Exit status: 0 when every input was read, 1 when some could not be or the output could\n"
    "not be written (a full disk), 2 for usage errors.\n";

namespace {

int Usage(const std::string& error) { return UsageError(error, kAnnotationsUsage); }

void Report(const std::string& file, const AnnotationProblem& p, const char* kind = "") {
  std::fprintf(stderr, "lectern: %s: %s%s\n", file.c_str(), kind, p.ToString().c_str());
}

// Reads and parses an annotation file, printing its problems. `whole_file_failed` is set when
// nothing could be read from it at all (unreadable, not JSON, not annotations).
AnnotationParseResult Load(const std::string& path, bool& problems, bool* whole_file_failed) {
  std::string bytes, error;
  if (!Slurp(path, bytes, error, kAnnotationInput)) {
    Report(path, {"", error});
    problems = true;
    if (whole_file_failed) *whole_file_failed = true;
    return {};
  }
  AnnotationParseResult r = ParseAnnotations(bytes);
  std::string().swap(bytes);  // the parsed annotations are what is kept
  for (const AnnotationProblem& e : r.errors) Report(path, e);
  for (const AnnotationProblem& w : r.warnings) Report(path, w, "warning: ");
  if (!r.errors.empty()) problems = true;
  if (whole_file_failed && r.container.empty()) *whole_file_failed = true;
  return r;
}

struct Flags {
  bool json = false, html = false;
  double min_score = -1;
  AnnotationExportOptions filter;
  std::vector<std::string> files;
};

// Parses the options every subcommand may take; returns an error message, or "" when fine.
std::string ParseFlags(const std::vector<std::string>& args, Flags& f) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "--json") {
      f.json = true;
    } else if (a == "--html") {
      f.html = true;
    } else if ((a == "--article" || a == "--tag") && has_value) {
      (a == "--tag" ? f.filter.tag : f.filter.article) = args[++i];
    } else if (a == "--min-score" && has_value) {
      try {
        std::size_t used = 0;
        f.min_score = std::stod(args[++i], &used);
        if (used != args[i].size() || f.min_score < 0 || f.min_score > 1) throw std::exception();
      } catch (const std::exception&) {
        return "--min-score takes a number from 0 to 1";
      }
    } else if (a.size() > 1 && a[0] == '-') {
      return "unknown option '" + a + "'";
    } else {
      f.files.push_back(a);
    }
  }
  return "";
}

// Writes the collection to standard output as it is made, each piece checked.
void PrintCollection(const std::vector<Annotation>& annotations,
                     const AnnotationExportOptions& options = {}) {
  WriteAnnotationCollection(annotations, options, [](std::string_view piece) {
    std::fwrite(piece.data(), 1, piece.size(), stdout);
    CheckOutput();
  });
}

int Check(const std::string& path) {
  bool problems = false;
  const AnnotationParseResult r = Load(path, problems, nullptr);
  if (!r.container.empty()) {
    std::printf("%s: %zu valid annotation%s (%s), %zu error%s, %zu warning%s\n", path.c_str(),
                r.annotations.size(), r.annotations.size() == 1 ? "" : "s", r.container.c_str(),
                r.errors.size(), r.errors.size() == 1 ? "" : "s", r.warnings.size(),
                r.warnings.size() == 1 ? "" : "s");
  }
  return problems ? 1 : 0;
}

int Merge(const std::string& mine_path, const std::string& theirs_path) {
  bool problems = false, failed = false;
  const AnnotationParseResult mine = Load(mine_path, problems, &failed);
  const AnnotationParseResult theirs = Load(theirs_path, problems, &failed);
  // A file that could not be read at all would make the merge its other half: print nothing.
  if (failed) return 1;
  const AnnotationMergeResult merged = MergeAnnotations(mine.annotations, theirs.annotations);
  PrintCollection(merged.annotations);
  return problems ? 1 : 0;
}

int AnchorFiles(const Flags& f) {
  bool problems = false;
  const AnnotationParseResult annotations = Load(f.files[0], problems, nullptr);
  std::vector<Article> articles;
  for (std::size_t i = 1; i < f.files.size(); ++i) {
    std::string bytes, error;
    if (!Slurp(f.files[i], bytes, error)) {
      Report(f.files[i], {"", error});
      problems = true;
      continue;
    }
    ReadResult r = ReadFile(bytes, f.files[i] == "-" ? "stdin" : f.files[i]);
    for (const InputProblem& p : r.problems) {
      std::fprintf(stderr, "lectern: %s\n", p.ToString().c_str());
      problems = true;
    }
    for (Article& a : r.articles) articles.push_back(std::move(a));
  }
  AnchorAnnotationsOptions options;
  options.min_score = f.min_score;
  const std::vector<AnnotationAnchor> anchors =
      AnchorAnnotations(annotations.annotations, articles, options);
  nlohmann::json out = nlohmann::json::array();
  for (const AnnotationAnchor& a : anchors) {
    if (!f.json) {
      const std::string where =
          a.anchored ? std::to_string(a.start) + "\t" + std::to_string(a.end) : "-\t-";
      std::printf("%s\t%s\t%s\t%.3f\t%s\t%s\n", a.id.c_str(), a.anchored ? "anchored" : "orphan",
                  where.c_str(), a.score, a.article.empty() ? "-" : a.article.c_str(),
                  a.match.empty() ? "-" : a.match.c_str());
      continue;
    }
    nlohmann::json item = {
        {"id", a.id},
        {"status", a.anchored ? "anchored" : "orphan"},
        {"start", nullptr},
        {"end", nullptr},
        {"score", a.score},
        {"exact", a.exact},
        {"article", a.article.empty() ? nlohmann::json() : nlohmann::json(a.article)},
        {"match", a.match.empty() ? nlohmann::json() : nlohmann::json(a.match)}};
    if (a.anchored) {
      item["start"] = a.start;
      item["end"] = a.end;
    }
    out.push_back(std::move(item));
  }
  if (f.json) {
    std::puts(out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }
  return problems ? 1 : 0;
}

int ExportOrReport(const std::string& command, const Flags& f) {
  bool problems = false, failed = false;
  const AnnotationParseResult r = Load(f.files[0], problems, &failed);
  if (failed) return 1;
  if (command == "export") {
    PrintCollection(r.annotations, f.filter);
  } else {
    Write(f.html ? AnnotationReportHtml(r.annotations, f.filter)
                 : AnnotationReportMarkdown(r.annotations, f.filter));
  }
  return problems ? 1 : 0;
}

int Run(const std::vector<std::string>& args) {
  if (args.empty())
    return Usage("annotations needs a command: check, merge, anchor, export, report");
  const std::string& command = args[0];
  if (command == "-h" || command == "--help") {
    std::fputs(kAnnotationsUsage, stdout);
    return 0;
  }
  Flags f;
  if (std::string error = ParseFlags(args, f); !error.empty()) return Usage(error);
  if (command == "check") {
    if (f.files.size() != 1) return Usage("annotations check takes one FILE");
    return Check(f.files[0]);
  }
  if (command == "merge") {
    if (f.files.size() != 2) return Usage("annotations merge takes two files: MINE THEIRS");
    return Merge(f.files[0], f.files[1]);
  }
  if (command == "anchor") {
    if (f.files.size() < 2) return Usage("annotations anchor takes ANNOTATIONS and an ARTICLE");
    return AnchorFiles(f);
  }
  if (command == "export" || command == "report") {
    if (f.files.size() != 1) return Usage("annotations " + command + " takes one FILE");
    return ExportOrReport(command, f);
  }
  return Usage("unknown annotations command '" + command + "'");
}

}  // namespace

int AnnotationsCommand(const std::vector<std::string>& args) { return RunCommand(Run, args); }

}  // namespace lectern::cli
