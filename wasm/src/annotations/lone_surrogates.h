// Lone UTF-16 surrogate escapes ("\ud800" without its other half) in JSON text: nlohmann::json
// refuses the whole text for one of them, so they are swapped for a marker before parsing and the
// annotation holding one is left out on its own. Internal to lectern_annotations.
#ifndef LECTERN_ANNOTATIONS_LONE_SURROGATES_H_
#define LECTERN_ANNOTATIONS_LONE_SURROGATES_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace lectern {

/// JSON text with every lone surrogate escape replaced, and the marker that replaced them.
struct MarkedSurrogates {
  std::string text;  ///< the same length as the input: "\ud800" becomes "\ufdd0" (six for six)
  char32_t marker;   ///< a noncharacter (U+FDD0…U+FDEF) the input did not hold in any form
};

/// nullopt when `json_text` has no lone surrogate escape (the usual case: nothing is copied), or
/// when it holds every one of the 32 markers (then the parser's own refusal stands). One pass.
std::optional<MarkedSurrogates> MarkLoneSurrogates(std::string_view json_text);

/// The JSON path (after `path`) of the first string or key in `value` that holds `marker`, or
/// nullopt when none does.
std::optional<std::string> FindMarker(const nlohmann::json& value, const std::string& path,
                                      char32_t marker);

}  // namespace lectern

#endif  // LECTERN_ANNOTATIONS_LONE_SURROGATES_H_
