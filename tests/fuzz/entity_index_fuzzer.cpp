// Reads arbitrary bytes as the page's entity index request: articles JSON (texts or stored
// mentions), 0xFF, the user's edits JSON (`lectern entities --index --edits`), and checks that the
// index and the resolved ids always come back as JSON (the index, or {error}), never as a fault,
// with one list of ids per article when the articles could be read.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "fuzz_input.h"
#include "lectern/api.h"

using lectern_fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string_view> parts =
      lectern_fuzz::SplitInput(lectern_fuzz::AsText(data, size), 2, 4096);
  const std::string_view articles = parts[0], edits = parts.size() > 1 ? parts[1] : "";

  const nlohmann::json index =
      nlohmann::json::parse(lectern::EntityIndexJson(articles, edits), nullptr, false);
  Check(index.is_array() || (index.is_object() && index.contains("error")));
  const nlohmann::json ids =
      nlohmann::json::parse(lectern::ResolveEntitiesJson(articles, edits), nullptr, false);
  Check(ids.is_array() == index.is_array());
  if (!ids.is_array()) return 0;
  for (const nlohmann::json& article : ids) Check(article.is_array());
  const nlohmann::json list = nlohmann::json::parse(articles, nullptr, false);
  if (list.is_array()) Check(ids.size() == list.size());
  return 0;
}
