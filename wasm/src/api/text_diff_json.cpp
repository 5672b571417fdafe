// The diff as JSON, for the page (diffTexts) and the command line.
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "lectern/api.h"
#include "lectern/diff.h"
#include "shared.h"

namespace lectern {
namespace {

using json = nlohmann::json;

json SentencesJson(std::string_view text, const std::vector<Span>& spans, OffsetUnit unit) {
  std::vector<std::size_t> bytes;
  bytes.reserve(2 * spans.size());
  for (const Span& s : spans) {
    bytes.push_back(s.start);
    bytes.push_back(s.end);
  }
  const std::vector<std::size_t> converted = ConvertOffsets(text, bytes, unit);
  json out = json::array();
  for (std::size_t k = 0; k < spans.size(); ++k) {
    out.push_back({{"start", converted[2 * k]},
                   {"end", converted[2 * k + 1]},
                   {"text", text.substr(spans[k].start, spans[k].end - spans[k].start)}});
  }
  return out;
}

}  // namespace

std::string TextDiffToJson(std::string_view a, std::string_view b, const TextDiff& diff,
                           OffsetUnit unit) {
  json groups = json::array();
  json summary_changes = json::array();
  for (std::size_t g = 0; g < diff.groups.size(); ++g) {
    const DiffGroup& group = diff.groups[g];
    json words = json::array();
    for (const WordEdit& w : group.words) {
      words.push_back({{"op", WordOpName(w.op)}, {"text", w.text}});
    }
    json changes = json::array();
    for (const NotableChange& c : group.changes) {
      changes.push_back({{"kind", c.kind}, {"type", c.type}, {"a", c.a}, {"b", c.b}});
      if (summary_changes.size() < kMaxSummaryChanges) {
        summary_changes.push_back(
            {{"group", g}, {"kind", c.kind}, {"type", c.type}, {"a", c.a}, {"b", c.b}});
      }
    }
    groups.push_back({{"a", group.a},
                      {"b", group.b},
                      {"kind", DiffKindName(group.kind)},
                      {"similarity", std::round(group.similarity * 1000) / 1000},
                      {"words", std::move(words)},
                      {"changes", std::move(changes)},
                      {"changesOmitted", group.changes_omitted}});
  }
  const DiffSummary counts = Summarize(diff);
  const std::size_t listed = summary_changes.size();
  json summary = {{"changes", std::move(summary_changes)},
                  {"changesOmitted", counts.changes - listed}};
  summary["wordsEqual"] = counts.words_equal;
  summary["wordsDeleted"] = counts.words_deleted;
  summary["wordsInserted"] = counts.words_inserted;
  summary["wordsOnlyA"] = counts.words_only_a;
  summary["wordsOnlyB"] = counts.words_only_b;
  for (const DiffKind k : {DiffKind::kSame, DiffKind::kChanged, DiffKind::kMerged, DiffKind::kSplit,
                           DiffKind::kMoved, DiffKind::kOnlyA, DiffKind::kOnlyB}) {
    summary[DiffKindName(k)] = counts.count(k);
  }
  const json out = {{"offsetUnit", OffsetUnitName(unit)},
                    {"a", {{"sentences", SentencesJson(a, diff.a_sentences, unit)}}},
                    {"b", {{"sentences", SentencesJson(b, diff.b_sentences, unit)}}},
                    {"groups", std::move(groups)},
                    {"summary", std::move(summary)}};
  return DumpJson(out);
}

std::string DiffTextsJson(std::string_view a, std::string_view b, std::string_view options_json) {
  try {
    const json o = options_json.empty() ? json::object() : json::parse(options_json);
    if (!o.is_object()) throw std::invalid_argument("diff options must be a JSON object");
    const OffsetUnit unit = ParseOffsetUnit(o.value("offsetUnit", std::string("utf16")));
    const std::string date_a = o.value("dateA", std::string());
    const std::string date_b = o.value("dateB", std::string());
    return TextDiffToJson(a, b, DiffTexts(a, b, EntityCalloutOptions(a, b, date_a, date_b)), unit);
  } catch (const std::exception& e) {
    return ErrorJson(e.what());
  }
}

}  // namespace lectern
