// lectern: the command-line face of the core, for corpora too big for a browser tab.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "files.h"

const char* const lectern::cli::kUsage =
    "usage: lectern segment [--json] [--plain] [--offsets codepoint|utf16|utf8] FILE...\n"
    "       lectern annotations check|merge|anchor|export|report ... (see lectern annotations -h)\n"
    "       lectern dedup [--json] FILE.jsonl|FILES...   (see lectern dedup -h)\n"
    "       lectern diff [--json] A B                    (see lectern diff -h)\n"
    "       lectern entities [--json] [--plain] FILE...  (see lectern entities -h)\n"
    "\n"
    "Reads news articles (.txt, .html, .json or .jsonl collections; - for standard input) and\n"
    "prints each one's title, date, source and sentences. With --json, prints the article as JSON\n"
    "(an array for several articles); offsets count Unicode code points unless --offsets says\n"
    "otherwise. --plain takes the text as it is: no metadata, no boilerplate removal.\n"
    "Text is UTF-8, UTF-16 (with a byte-order mark, or plain ASCII-range text without) or\n"
    "Windows-1252/Latin-1 (decoded when it is not valid UTF-8); a NUL byte anywhere makes a\n"
    "file binary. One input is read up to 16 MB (a .json/.jsonl collection up to 1 GB).\n"
    "Exit status: 0 when every input was read, 1 when some could not be or the output could\n"
    "not be written (a full disk), 2 for usage errors.\n";

namespace {

int Usage(const char* error) {
  if (error) std::fprintf(stderr, "lectern: %s\n", error);
  std::fputs(lectern::cli::kUsage, error ? stderr : stdout);
  return error ? 2 : 0;
}

int Dispatch(const std::vector<std::string>& args) {
  if (args.empty()) return Usage("no command given");
  if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") return Usage(nullptr);
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "segment") return lectern::cli::SegmentCommand(rest);
  if (args[0] == "annotations") return lectern::cli::AnnotationsCommand(rest);
  if (args[0] == "dedup") return lectern::cli::DedupCommand(rest);
  if (args[0] == "diff") return lectern::cli::DiffCommand(rest);
  if (args[0] == "entities") return lectern::cli::EntitiesCommand(rest);
  return Usage(("unknown command '" + args[0] + "'").c_str());
}

}  // namespace

int main(int argc, char** argv) {
  // Every command's output is checked once more when it is flushed and closed: `> /dev/full`
  // must fail. SIGPIPE keeps its default, so `lectern … | head` ends quietly.
  return lectern::cli::FinishOutput(Dispatch({argv + 1, argv + argc}));
}
