// What the JSON functions of lectern_api share, and the smallest of them (Version, ErrorJson).
#include "shared.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lectern {

using json = nlohmann::json;

PageUnit ParsePageUnit(std::string_view name) {
  if (name.empty() || name == "utf16") return PageUnit::kUtf16;
  if (name == "codepoint") return PageUnit::kCodePoint;
  throw std::invalid_argument("offsetUnit must be \"utf16\" or \"codepoint\"");
}

const char* PageUnitName(PageUnit unit) { return unit == PageUnit::kUtf16 ? "utf16" : "codepoint"; }

std::size_t ToCodePoint(std::string_view text, double offset, PageUnit unit) {
  if (!(offset > 0)) return 0;  // negative and NaN alike
  const double limit = static_cast<double>(text.size());
  const std::size_t n = static_cast<std::size_t>(std::min(std::floor(offset), limit));
  return unit == PageUnit::kCodePoint ? std::min(n, CodePointCount(text))
                                      : Utf16ToCodePoint(text, n);
}

std::size_t FromCodePoint(std::string_view text, std::size_t cp, PageUnit unit) {
  if (unit == PageUnit::kCodePoint) return cp;
  return Utf16Count(text.substr(0, CodePointToByte(text, cp)));
}

json ProblemsJson(const std::vector<AnnotationProblem>& problems) {
  json out = json::array();
  for (const AnnotationProblem& p : problems) {
    out.push_back({{"path", p.path}, {"message", p.message}});
  }
  return out;
}

json AnnotationsArrayJson(const std::vector<Annotation>& annotations) {
  json out = json::array();
  for (const Annotation& a : annotations) out.push_back(json::parse(AnnotationToJson(a)));
  return out;
}

std::string DumpJson(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

const char* Version() { return LECTERN_VERSION; }

std::string ErrorJson(const std::string& message) { return DumpJson({{"error", message}}); }

}  // namespace lectern
