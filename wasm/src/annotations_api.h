// Helpers the JSON functions for the page share (annotations_api*.cpp). Internal to the core.
#ifndef LECTERN_ANNOTATIONS_API_H_
#define LECTERN_ANNOTATIONS_API_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/annotations.h"

namespace lectern {

/// The unit a page speaks in for offsets into article text.
enum class PageUnit { kUtf16, kCodePoint };

/// "utf16" (also when empty) or "codepoint"; throws std::invalid_argument for anything else.
PageUnit ParsePageUnit(std::string_view name);
/// The name ParsePageUnit accepts.
const char* PageUnitName(PageUnit unit);

/// An offset in `unit` into `text` as a code point offset (clamped to the text; negative and NaN
/// count as 0).
std::size_t ToCodePoint(std::string_view text, double offset, PageUnit unit);
/// A code point offset into `text` in `unit`.
std::size_t FromCodePoint(std::string_view text, std::size_t cp, PageUnit unit);

/// Problems as [{path, message}].
nlohmann::json ProblemsJson(const std::vector<AnnotationProblem>& problems);
/// Annotations as an array of W3C JSON objects.
nlohmann::json AnnotationsArrayJson(const std::vector<Annotation>& annotations);

/// {"error": message} as text.
std::string ErrorJson(const std::string& message);

}  // namespace lectern

#endif  // LECTERN_ANNOTATIONS_API_H_
