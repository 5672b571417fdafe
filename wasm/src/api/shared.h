// What the JSON functions of lectern_api share: offsets in the page's units, JSON text out, and
// annotations and problems as JSON values. Internal to lectern_api.
#ifndef LECTERN_API_SHARED_H_
#define LECTERN_API_SHARED_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/annotations.h"
#include "lectern/api.h"

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
/// Annotations as an array of W3C JSON objects (AnnotationToJson of each).
nlohmann::json AnnotationsArrayJson(const std::vector<Annotation>& annotations);

/// Serialises JSON; bytes that are not UTF-8 (which only text from outside could bring) become
/// U+FFFD rather than an exception.
std::string DumpJson(const nlohmann::json& value);

}  // namespace lectern

#endif  // LECTERN_API_SHARED_H_
