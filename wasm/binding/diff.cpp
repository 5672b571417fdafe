// diffTexts for the page (lectern/api.h: DiffTextsJson).
#include <emscripten/bind.h>

#include <string>

#include "guard.h"
#include "lectern/api.h"

namespace {

// diffTexts(aText, bText, optionsJson) -> JSON of lectern::TextDiffToJson, or {error}.
// options: {offsetUnit: "utf16" (default) | "codepoint" | "utf8"}.
std::string DiffTextsJs(const std::string& a, const std::string& b, const std::string& options) {
  return lectern::binding::Guard([&] { return lectern::DiffTextsJson(a, b, options); },
                                 lectern::binding::InternalError);
}

}  // namespace

EMSCRIPTEN_BINDINGS(lectern_diff) { emscripten::function("diffTexts", &DiffTextsJs); }
