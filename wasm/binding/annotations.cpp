// Annotations for the page (lectern/api.h, "Annotations"). The api's functions answer {"error": …}
// for bad arguments; Guard catches what escapes them all the same.
#include <emscripten/bind.h>

#include <string>

#include "guard.h"
#include "lectern/api.h"
#include "lectern/hash.h"

namespace {

using lectern::binding::Guard;
using lectern::binding::InternalError;

// contentHash(text) -> 64 hex digits (SHA-256 of the normalised text; the article key is the
// first 16), or "" when the text cannot be hashed.
std::string ContentHashJs(const std::string& text) {
  return Guard([&] { return lectern::ContentHash(text); },
               [](const std::string&) { return std::string(); });
}

// describeRange(text, start, end, offsetUnit) -> JSON {selector, start, end, offsetUnit}
std::string DescribeRangeJs(const std::string& text, double start, double end,
                            const std::string& offset_unit) {
  return Guard([&] { return lectern::DescribeRangeJson(text, start, end, offset_unit); },
               InternalError);
}

// annotationsCreate(requestJson) -> JSON {annotation} | {error}
std::string AnnotationsCreateJs(const std::string& request) {
  return Guard([&] { return lectern::CreateAnnotationJson(request); }, InternalError);
}

// annotationsCheck(fileText) -> JSON {container, annotations, errors, warnings}
std::string AnnotationsCheckJs(const std::string& text) {
  return Guard([&] { return lectern::CheckAnnotationsJson(text); }, InternalError);
}

// annotationsImport(existingJson, incomingText) -> JSON {merged, changed, imported, duplicates,
// conflicts, ids, authors, tags, errors, warnings, existingErrors}
std::string AnnotationsImportJs(const std::string& existing, const std::string& incoming) {
  return Guard([&] { return lectern::ImportAnnotationsJson(existing, incoming); }, InternalError);
}

// annotationsExport(annotationsJson, optionsJson) -> JSON {text, mediaType, count, errors}
std::string AnnotationsExportJs(const std::string& annotations, const std::string& options) {
  return Guard([&] { return lectern::ExportAnnotationsJson(annotations, options); }, InternalError);
}

// annotationsAnchor(annotationsJson, articlesJson, optionsJson) -> JSON {results, offsetUnit,
// errors}
std::string AnnotationsAnchorJs(const std::string& annotations, const std::string& articles,
                                const std::string& options) {
  return Guard([&] { return lectern::AnchorAnnotationsJson(annotations, articles, options); },
               InternalError);
}

}  // namespace

EMSCRIPTEN_BINDINGS(lectern_annotations) {
  emscripten::function("contentHash", &ContentHashJs);
  emscripten::function("describeRange", &DescribeRangeJs);
  emscripten::function("annotationsCreate", &AnnotationsCreateJs);
  emscripten::function("annotationsCheck", &AnnotationsCheckJs);
  emscripten::function("annotationsImport", &AnnotationsImportJs);
  emscripten::function("annotationsExport", &AnnotationsExportJs);
  emscripten::function("annotationsAnchor", &AnnotationsAnchorJs);
}
