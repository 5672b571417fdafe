// Finds entities in arbitrary bytes (optionally with an article date: the input's text before its
// first 0xFF byte, when there is one) and builds the index of that one article, checking what the
// page relies on: mentions ascending, non-overlapping and inside the text, each one's text what
// its span holds, known types, ids of the mention's type, ISO values for dates only, and an index
// that counts every mention with an id once.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_input.h"
#include "lectern/api.h"
#include "lectern/entities.h"

using lectern_fuzz::Check;

namespace {

// Tagging costs a fixed window per token, about a millisecond a kilobyte under the sanitizers; a
// kilobyte is a couple of hundred tokens, a dozen sentences.
constexpr std::size_t kMaxText = 1024;

// The shapes a DATE value may take: "YYYY", "YYYY-MM" or "YYYY-MM-DD".
bool IsIsoValue(std::string_view v) {
  if (v.size() != 4 && v.size() != 7 && v.size() != 10) return false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? v[i] != '-' : (v[i] < '0' || v[i] > '9')) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string_view> parts =
      lectern_fuzz::SplitInput(lectern_fuzz::AsText(data, size), 2, kMaxText);
  const std::string_view text = parts.back();
  lectern::EntityOptions options;
  if (parts.size() == 2) options.date = std::string(parts[0].substr(0, 16));

  const std::vector<lectern::EntityMention> mentions = lectern::FindEntities(text, options);
  Check(lectern_fuzz::AscendingWithin(mentions, text.size(),
                                      [](const lectern::EntityMention& m) { return m.span; }));
  std::size_t with_id = 0;
  for (const lectern::EntityMention& m : mentions) {
    Check(m.span.start < m.span.end);
    Check(m.text == text.substr(m.span.start, m.span.end - m.span.start));
    Check(m.type == "PER" || m.type == "ORG" || m.type == "LOC" || m.type == "DATE");
    Check(m.entity.empty() || m.entity.compare(0, m.type.size() + 1, m.type + ":") == 0);
    Check(m.value.empty() || (m.type == "DATE" && IsIsoValue(m.value)));
    if (!m.entity.empty()) ++with_id;
  }
  lectern::EntitiesToJson(text, mentions, lectern::OffsetUnit::kUtf16);

  lectern::EntityArticle article{"a", "", options.date, mentions};
  std::size_t indexed = 0;
  for (const lectern::IndexedEntity& e : lectern::BuildEntityIndex({article})) {
    Check(e.mentions > 0 && e.articles.size() == 1);
    indexed += e.mentions;
  }
  Check(indexed == with_id);
  return 0;
}
