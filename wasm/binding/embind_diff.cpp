// diffTexts: the sentence-aligned diff of lectern/diff.h for the page.
#include <emscripten/bind.h>

#include <nlohmann/json.hpp>
#include <string>

#include "error_json.h"
#include "lectern/diff.h"
#include "lectern/lectern.h"

namespace {

// diffTexts(aText, bText, optionsJson) -> JSON of lectern::TextDiffToJson, or {error}.
// options: {offsetUnit: "utf16" (default) | "codepoint" | "utf8"}. Both texts are split into
// sentences with the core's SplitSentences, so the sentences are those the reader shows.
std::string DiffTextsJs(const std::string& a, const std::string& b, const std::string& options) {
  try {
    const nlohmann::json o =
        options.empty() ? nlohmann::json::object() : nlohmann::json::parse(options);
    const lectern::OffsetUnit unit =
        lectern::ParseOffsetUnit(o.value("offsetUnit", std::string("utf16")));
    return lectern::TextDiffToJson(a, b, lectern::DiffTexts(a, b), unit);
  } catch (const std::exception& e) {
    return lectern::binding::ErrorJson(e.what());
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(lectern_diff) { emscripten::function("diffTexts", &DiffTextsJs); }
