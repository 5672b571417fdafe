// `lectern diff …`: see kDiffUsage.
#include "lectern/diff.h"

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

#include "commands.h"
#include "files.h"
#include "lectern/api.h"
#include "lectern/reading.h"
#include "lectern/text.h"

namespace lectern::cli {

constexpr const char* kDiffUsage =
    "usage: lectern diff [--json] [--offsets codepoint|utf16|utf8] [--plain]\n"
    "                    [--a-id ID] [--b-id ID] A B\n"
    "\n"
    "Shows how story A became story B: sentences aligned by what they say (same, changed,\n"
    "merged, split, moved, only in A, only in B) and the word changes inside each, with\n"
    "[-deleted-] and {+inserted+} text and the people, organisations, places, dates and\n"
    "numbers that changed (found as entities; a wire dateline is not a change).\n"
    "A and B are read like `lectern segment` reads them (- for standard input). From a .json or\n"
    ".jsonl collection the first record is taken, or the one with id ID given as FILE#ID or with\n"
    "--a-id / --b-id; problems with other records of a collection are ignored.\n"
    "  --json     print the diff as JSON (sentence offsets count code points unless --offsets\n"
    "             says otherwise)\n"
    "  --plain    take the texts as they are: no metadata, no boilerplate removal\n"
    "Exit status: 0 when both were read, 1 when one could not be or the output could not be\n"
    "written, 2 for usage errors.\n";

namespace {

int Usage(const std::string& error) { return UsageError(error, kDiffUsage); }

struct Input {
  std::string path;  // as given, without any "#ID"
  std::string id;    // the record wanted from a collection; empty for the first
};

// "FILE#ID" names a record when FILE does not exist as given but FILE without "#ID" does.
Input ParseInput(const std::string& arg, const std::string& id_option) {
  Input in{arg, id_option};
  const std::size_t hash = arg.rfind('#');
  std::error_code ec;
  if (id_option.empty() && hash != std::string::npos && hash > 0 && arg != "-" &&
      !std::filesystem::exists(arg, ec) && std::filesystem::exists(arg.substr(0, hash), ec)) {
    in.path = arg.substr(0, hash);
    in.id = arg.substr(hash + 1);
  }
  return in;
}

// Reads one article, or prints why it cannot (one line per problem) and returns false.
bool Load(const Input& in, const ReadOptions& options, Article& out) {
  std::string bytes, error;
  if (!Slurp(in.path, bytes, error)) {
    std::fprintf(stderr, "lectern: %s: %s\n", in.path.c_str(), error.c_str());
    return false;
  }
  ReadResult result = ReadFile(bytes, in.path == "-" ? "stdin" : in.path, options);
  for (Article& a : result.articles) {
    if (in.id.empty() || a.id == in.id) {
      out = std::move(a);
      return true;
    }
  }
  if (!in.id.empty() && result.problems.empty()) {
    std::fprintf(stderr, "lectern: %s: no record with id '%s'\n", in.path.c_str(), in.id.c_str());
    return false;
  }
  for (const InputProblem& p : result.problems) {
    std::fprintf(stderr, "lectern: %s\n", p.ToString().c_str());
  }
  if (result.problems.empty()) std::fprintf(stderr, "lectern: %s: no article\n", in.path.c_str());
  return false;
}

// "A4", "A4-5", "-"
std::string Numbers(char side, const std::vector<std::size_t>& indices) {
  if (indices.empty()) return "-";
  std::string s(1, side);
  s += std::to_string(indices.front() + 1);
  if (indices.size() > 1) s += "-" + std::to_string(indices.back() + 1);
  return s;
}

std::string Describe(const Article& a) {
  std::string s = a.title.empty() ? a.id : a.title;
  if (!a.source.empty() || !a.date.empty()) {
    s += " (" + a.source + (a.source.empty() || a.date.empty() ? "" : ", ") + a.date + ")";
  }
  return s;
}

// "person", "organisation", "place", "date", "number", or "name" (a capitalised word).
std::string ChangeNoun(const NotableChange& c) {
  if (c.type == "PER") return "person";
  if (c.type == "ORG") return "organisation";
  if (c.type == "LOC") return "place";
  if (c.type == "DATE") return "date";
  return c.kind;
}

void PrintReadable(const Article& a, const Article& b, const TextDiff& diff) {
  const DiffSummary counts = Summarize(diff);
  std::printf("A: %s, %zu sentences\nB: %s, %zu sentences\n", Describe(a).c_str(),
              diff.a_sentences.size(), Describe(b).c_str(), diff.b_sentences.size());
  const char* sep = "";
  for (const DiffKind k : {DiffKind::kSame, DiffKind::kChanged, DiffKind::kMerged, DiffKind::kSplit,
                           DiffKind::kMoved, DiffKind::kOnlyA, DiffKind::kOnlyB}) {
    std::printf("%s%zu %s", sep, counts.count(k), DiffKindName(k));
    sep = ", ";
  }
  std::printf("\n");
  for (const DiffGroup& g : diff.groups) {
    std::printf("\n%s -> %s  %s", Numbers('A', g.a).c_str(), Numbers('B', g.b).c_str(),
                DiffKindName(g.kind));
    if (g.kind != DiffKind::kOnlyA && g.kind != DiffKind::kOnlyB) {
      std::printf(" (similarity %.2f)", g.similarity);
    }
    std::printf("\n  ");
    for (const WordEdit& w : g.words) {
      const bool mark = g.kind != DiffKind::kOnlyA && g.kind != DiffKind::kOnlyB;
      if (!mark || w.op == WordOp::kEqual) {
        std::fputs(w.text.c_str(), stdout);
      } else if (w.op == WordOp::kDelete) {
        std::printf("[-%s-]", w.text.c_str());
      } else {
        std::printf("{+%s+}", w.text.c_str());
      }
    }
    std::printf("\n");
    for (const NotableChange& c : g.changes) {
      const std::string what = ChangeNoun(c);
      if (c.b.empty()) {
        std::printf("  %s dropped: %s\n", what.c_str(), c.a.c_str());
      } else if (c.a.empty()) {
        std::printf("  %s added: %s\n", what.c_str(), c.b.c_str());
      } else {
        std::printf("  %s changed: %s -> %s\n", what.c_str(), c.a.c_str(), c.b.c_str());
      }
    }
    if (g.changes_omitted > 0) {
      std::printf("  and %zu more names, dates and numbers\n", g.changes_omitted);
    }
  }
}

int Run(const std::vector<std::string>& args) {
  bool json = false;
  ReadOptions read;
  OffsetUnit unit = OffsetUnit::kCodePoint;
  std::string a_id, b_id;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "-h" || a == "--help") {
      std::fputs(kDiffUsage, stdout);
      return 0;
    } else if (a == "--json") {
      json = true;
    } else if (a == "--plain") {
      read.plain = true;
    } else if (a == "--offsets" && has_value) {
      try {
        unit = ParseOffsetUnit(args[++i]);
      } catch (const std::invalid_argument& e) {
        return Usage(e.what());
      }
    } else if ((a == "--a-id" || a == "--b-id") && has_value) {
      (a == "--a-id" ? a_id : b_id) = args[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      return Usage("unknown option '" + a + "'" +
                   (a == "--offsets" || a == "--a-id" || a == "--b-id" ? " without a value" : ""));
    } else {
      files.push_back(a);
    }
  }
  if (files.size() != 2) return Usage("diff takes two inputs, A and B");
  if (files[0] == "-" && files[1] == "-") return Usage("only one input can be standard input");
  Article a, b;
  const bool read_a = Load(ParseInput(files[0], a_id), read, a);
  const bool read_b = Load(ParseInput(files[1], b_id), read, b);
  if (!read_a || !read_b) return 1;
  // The article's own sentences: the ones `lectern segment` and the reader show.
  // Its callouts from entities, dates resolved against each article's own date.
  const TextDiff diff = DiffSentences(a.body, a.sentences, b.body, b.sentences,
                                      EntityCalloutOptions(a.body, b.body, a.date, b.date));
  if (json) {
    std::fputs(TextDiffToJson(a.body, b.body, diff, unit).c_str(), stdout);
    std::fputs("\n", stdout);
  } else {
    PrintReadable(a, b, diff);
  }
  return 0;
}

}  // namespace

int DiffCommand(const std::vector<std::string>& args) { return RunCommand(Run, args); }

}  // namespace lectern::cli
