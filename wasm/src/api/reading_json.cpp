// Articles as JSON, with offsets in the unit the reader asks for; readFile and splitSentences for
// the page.
#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "lectern/api.h"
#include "lectern/reading.h"
#include "lectern/segment.h"
#include "lectern/text.h"
#include "shared.h"

namespace lectern {
namespace {

using json = nlohmann::json;

// Maps byte offsets into `text` to `unit`, converting all of them in one pass over the text.
class OffsetMap {
 public:
  OffsetMap(std::string_view text, const std::vector<Span>& a, const std::vector<Span>& b,
            OffsetUnit unit) {
    for (const auto* spans : {&a, &b}) {
      for (const Span& s : *spans) {
        bytes_.push_back(s.start);
        bytes_.push_back(s.end);
      }
    }
    std::sort(bytes_.begin(), bytes_.end());
    bytes_.erase(std::unique(bytes_.begin(), bytes_.end()), bytes_.end());
    converted_ = ConvertOffsets(text, bytes_, unit);
  }
  std::size_t operator()(std::size_t byte_offset) const {
    const auto it = std::lower_bound(bytes_.begin(), bytes_.end(), byte_offset);
    return converted_[static_cast<std::size_t>(it - bytes_.begin())];
  }

 private:
  std::vector<std::size_t> bytes_, converted_;
};

std::string ProblemJson(std::string_view file, const std::string& message) {
  return DumpJson(
      {{"articles", json::array()},
       {"problems", json::array({{{"file", file}, {"where", ""}, {"message", message}}})}});
}

json ArticleJson(const Article& a, OffsetUnit unit, bool with_original) {
  const OffsetMap map(a.body, a.paragraphs, a.sentences, unit);
  json paragraphs = json::array();
  for (const Span& p : a.paragraphs)
    paragraphs.push_back({{"start", map(p.start)}, {"end", map(p.end)}});
  json sentences = json::array();
  for (const Span& s : a.sentences) {
    sentences.push_back({{"start", map(s.start)},
                         {"end", map(s.end)},
                         {"text", a.body.substr(s.start, s.end - s.start)}});
  }
  json out = {{"id", a.id},
              {"title", a.title},
              {"date", a.date},
              {"source", a.source},
              {"dateline", a.dateline},
              {"url", a.url},
              {"body", a.body},
              {"paragraphs", std::move(paragraphs)},
              {"sentences", std::move(sentences)},
              {"wordCount", a.word_count},
              {"encoding", a.encoding},
              {"offsetUnit", OffsetUnitName(unit)}};
  if (with_original) out["original"] = a.original;
  return out;
}

}  // namespace

std::string ArticleToJson(const Article& article, OffsetUnit unit, bool with_original) {
  return DumpJson(ArticleJson(article, unit, with_original));
}

std::string ReadResultToJson(const ReadResult& result, OffsetUnit unit) {
  json articles = json::array();
  for (const Article& a : result.articles) articles.push_back(ArticleJson(a, unit, true));
  json problems = json::array();
  for (const InputProblem& p : result.problems) {
    problems.push_back({{"file", p.file}, {"where", p.where}, {"message", p.message}});
  }
  return DumpJson({{"articles", std::move(articles)}, {"problems", std::move(problems)}});
}

std::string ReadFileJson(std::string_view bytes, std::string_view file_name,
                         std::string_view options_json) {
  try {
    const json options = options_json.empty() ? json::object() : json::parse(options_json);
    ReadOptions read;
    read.plain = options.value("plain", false);
    const std::int64_t first_line = options.value("firstLine", std::int64_t{1});
    read.first_line = first_line < 1 ? 1 : static_cast<std::size_t>(first_line);
    const OffsetUnit unit = ParseOffsetUnit(options.value("offsetUnit", std::string("utf16")));
    return ReadResultToJson(ReadFile(bytes, file_name, read), unit);
  } catch (const std::exception& e) {
    return ProblemJson(file_name, std::string("could not be read: ") + e.what());
  }
}

std::vector<std::uint32_t> SentenceBoundariesUtf16(std::string_view text) {
  std::vector<std::uint32_t> out;
  try {
    std::vector<std::size_t> bytes;
    for (const Span& s : SplitSentences(text)) {
      bytes.push_back(s.start);
      bytes.push_back(s.end);
    }
    for (std::size_t o : ConvertOffsets(text, bytes, OffsetUnit::kUtf16)) {
      out.push_back(static_cast<std::uint32_t>(o));
    }
  } catch (const std::exception&) {
    out.clear();
  }
  return out;
}

}  // namespace lectern
