// Reading for the page: readFile, splitSentences and version (lectern/api.h).
#include <emscripten/bind.h>

#include <cstdint>
#include <string>
#include <vector>

#include "guard.h"
#include "lectern/api.h"

namespace {

using lectern::binding::Guard;
using lectern::binding::InternalError;

// readFile(bytes: Uint8Array, fileName: string, optionsJson: string) -> JSON string
// (lectern::ReadFileJson; options: {plain, offsetUnit: "utf16"|"codepoint"|"utf8", firstLine}).
std::string ReadFileJs(const std::string& bytes, const std::string& file_name,
                       const std::string& options_json) {
  return Guard([&] { return lectern::ReadFileJson(bytes, file_name, options_json); },
               InternalError);
}

// splitSentences(text: string) -> Uint32Array [start0, end0, start1, end1, ...] in UTF-16 code
// units; for callers that need only sentence boundaries (and for the throughput benchmark).
emscripten::val SplitSentencesJs(const std::string& text) {
  const std::vector<std::uint32_t> out =
      Guard([&] { return lectern::SentenceBoundariesUtf16(text); },
            [](const std::string&) { return std::vector<std::uint32_t>(); });
  // slice() copies out of the module's memory, which the next call may move.
  return emscripten::val(emscripten::typed_memory_view(out.size(), out.data()))
      .call<emscripten::val>("slice");
}

std::string VersionJs() { return lectern::Version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(lectern) {
  emscripten::function("readFile", &ReadFileJs);
  emscripten::function("splitSentences", &SplitSentencesJs);
  emscripten::function("version", &VersionJs);
}
