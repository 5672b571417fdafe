// The core's JavaScript face: a few functions over the public header, JSON in and out.
// Every exception is caught here: the module is built with -fwasm-exceptions, so one escaping to
// JavaScript arrives as an opaque WebAssembly.Exception whose message the page cannot read.
#include <emscripten/bind.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "error_json.h"
#include "lectern/annotations.h"
#include "lectern/lectern.h"

namespace {

using nlohmann::json;

std::string ProblemJson(const std::string& file, const std::string& message) {
  return json{{"articles", json::array()},
              {"problems", json::array({{{"file", file}, {"where", ""}, {"message", message}}})}}
      .dump(-1, ' ', false, json::error_handler_t::replace);  // it runs inside catch: never throw
}

// readFile(bytes: Uint8Array, fileName: string, optionsJson: string) -> JSON string
// options: {plain: bool, offsetUnit: "utf16"|"codepoint"|"utf8", firstLine: number}
std::string ReadFileJs(const std::string& bytes, const std::string& file_name,
                       const std::string& options_json) {
  try {
    const json options = options_json.empty() ? json::object() : json::parse(options_json);
    lectern::ReadOptions read;
    read.plain = options.value("plain", false);
    const std::int64_t first_line = options.value("firstLine", std::int64_t{1});
    read.first_line = first_line < 1 ? 1 : static_cast<std::size_t>(first_line);
    const lectern::OffsetUnit unit =
        lectern::ParseOffsetUnit(options.value("offsetUnit", std::string("utf16")));
    return lectern::ReadResultToJson(lectern::ReadFile(bytes, file_name, read), unit);
  } catch (const std::exception& e) {
    return ProblemJson(file_name, std::string("could not be read: ") + e.what());
  }
}

// splitSentences(text: string) -> Uint32Array [start0, end0, start1, end1, ...] in UTF-16 code
// units; for callers that need only sentence boundaries (and for the throughput benchmark).
emscripten::val SplitSentencesJs(const std::string& text) {
  std::vector<std::uint32_t> out;
  try {
    std::vector<std::size_t> bytes;
    for (const lectern::Span& s : lectern::SplitSentences(text)) {
      bytes.push_back(s.start);
      bytes.push_back(s.end);
    }
    for (std::size_t o : lectern::ConvertOffsets(text, bytes, lectern::OffsetUnit::kUtf16)) {
      out.push_back(static_cast<std::uint32_t>(o));
    }
  } catch (const std::exception&) {
    out.clear();
  }
  // slice() copies out of the module's memory, which the next call may move.
  return emscripten::val(emscripten::typed_memory_view(out.size(), out.data()))
      .call<emscripten::val>("slice");
}

std::string Version() { return "0.1.0"; }

// --- Annotations (documented in lectern/annotations.h, "JSON functions for the page") ---------
// The core functions catch their own errors and answer {"error": …}; these catch again, because
// an exception reaching JavaScript arrives as a WebAssembly.Exception the page cannot read.

std::string AnnotationError(const char* what) {
  return lectern::binding::ErrorJson(std::string("internal error: ") + what);
}

// contentHash(text) -> 64 hex digits (SHA-256 of the normalised text; the article key is the
// first 16), or "" when the text cannot be hashed.
std::string ContentHashJs(const std::string& text) {
  try {
    return lectern::ContentHash(text);
  } catch (const std::exception&) {
    return "";
  }
}

// describeRange(text, start, end, offsetUnit) -> JSON {selector, start, end, offsetUnit}
std::string DescribeRangeJs(const std::string& text, double start, double end,
                            const std::string& offset_unit) {
  try {
    return lectern::DescribeRangeJson(text, start, end, offset_unit);
  } catch (const std::exception& e) {
    return AnnotationError(e.what());
  }
}

// annotationsCreate(requestJson) -> JSON {annotation} | {error}
std::string AnnotationsCreateJs(const std::string& request) {
  try {
    return lectern::CreateAnnotationJson(request);
  } catch (const std::exception& e) {
    return AnnotationError(e.what());
  }
}

// annotationsCheck(fileText) -> JSON {container, annotations, errors, warnings}
std::string AnnotationsCheckJs(const std::string& text) {
  try {
    return lectern::CheckAnnotationsJson(text);
  } catch (const std::exception& e) {
    return AnnotationError(e.what());
  }
}

// annotationsImport(existingJson, incomingText) -> JSON {merged, changed, imported, duplicates,
// conflicts, ids, authors, tags, errors, warnings, existingErrors}
std::string AnnotationsImportJs(const std::string& existing, const std::string& incoming) {
  try {
    return lectern::ImportAnnotationsJson(existing, incoming);
  } catch (const std::exception& e) {
    return AnnotationError(e.what());
  }
}

// annotationsExport(annotationsJson, optionsJson) -> JSON {text, mediaType, count, errors}
std::string AnnotationsExportJs(const std::string& annotations, const std::string& options) {
  try {
    return lectern::ExportAnnotationsJson(annotations, options);
  } catch (const std::exception& e) {
    return AnnotationError(e.what());
  }
}

// annotationsAnchor(annotationsJson, articlesJson, optionsJson) -> JSON {results, offsetUnit,
// errors}
std::string AnnotationsAnchorJs(const std::string& annotations, const std::string& articles,
                                const std::string& options) {
  try {
    return lectern::AnchorAnnotationsJson(annotations, articles, options);
  } catch (const std::exception& e) {
    return AnnotationError(e.what());
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(lectern) {
  emscripten::function("readFile", &ReadFileJs);
  emscripten::function("splitSentences", &SplitSentencesJs);
  emscripten::function("version", &Version);
  emscripten::function("contentHash", &ContentHashJs);
  emscripten::function("describeRange", &DescribeRangeJs);
  emscripten::function("annotationsCreate", &AnnotationsCreateJs);
  emscripten::function("annotationsCheck", &AnnotationsCheckJs);
  emscripten::function("annotationsImport", &AnnotationsImportJs);
  emscripten::function("annotationsExport", &AnnotationsExportJs);
  emscripten::function("annotationsAnchor", &AnnotationsAnchorJs);
}
