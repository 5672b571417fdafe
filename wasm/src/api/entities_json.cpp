// Entity mentions as JSON, for the page (entities / findEntities) and `lectern entities`.
#include <nlohmann/json.hpp>

#include "lectern/api.h"
#include "lectern/entities.h"
#include "shared.h"

namespace lectern {

using json = nlohmann::json;

std::string EntitiesToJson(std::string_view text, const std::vector<EntityMention>& mentions,
                           OffsetUnit unit) {
  std::vector<std::size_t> bytes;  // FindEntities gives them in order, without overlaps
  bytes.reserve(2 * mentions.size());
  for (const EntityMention& m : mentions) {
    bytes.push_back(m.span.start);
    bytes.push_back(m.span.end);
  }
  const std::vector<std::size_t> at = ConvertOffsets(text, bytes, unit);
  json out = json::array();
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    const EntityMention& m = mentions[k];
    json item = {{"start", at[2 * k]},
                 {"end", at[2 * k + 1]},
                 {"type", m.type},
                 {"text", m.text},
                 {"entity", m.entity}};
    if (!m.value.empty()) item["value"] = m.value;
    out.push_back(std::move(item));
  }
  return DumpJson(out);
}

std::string EntitiesJson(std::string_view text, std::string_view options_json) {
  try {
    const json o = options_json.empty() ? json::object() : json::parse(options_json);
    const OffsetUnit unit = ParseOffsetUnit(o.value("offsetUnit", std::string("utf16")));
    EntityOptions options;
    options.date = o.value("date", std::string());
    // Offsets are counted in valid UTF-8; invalid bytes become U+FFFD first, as the reader does.
    if (FindInvalidUtf8(text) != std::string_view::npos) {
      std::string clean;
      for (std::size_t pos = 0, len = 0; pos < text.size(); pos += len) {
        const std::int32_t cp = DecodeUtf8(text, pos, &len);
        AppendUtf8(cp == kInvalidUtf8 ? 0xFFFD : static_cast<char32_t>(cp), &clean);
      }
      return EntitiesToJson(clean, FindEntities(clean, options), unit);
    }
    return EntitiesToJson(text, FindEntities(text, options), unit);
  } catch (const std::exception& e) {
    return ErrorJson(e.what());
  }
}

}  // namespace lectern
