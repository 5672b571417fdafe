// Articles as JSON, with offsets in the unit the reader asks for.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "lectern/lectern.h"
#include "utf8.h"

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
              {"offsetUnit", OffsetUnitName(unit)}};
  if (with_original) out["original"] = a.original;
  return out;
}

}  // namespace

std::string ArticleToJson(const Article& article, OffsetUnit unit, bool with_original) {
  return ArticleJson(article, unit, with_original)
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string ReadResultToJson(const ReadResult& result, OffsetUnit unit) {
  json articles = json::array();
  for (const Article& a : result.articles) articles.push_back(ArticleJson(a, unit, true));
  json problems = json::array();
  for (const InputProblem& p : result.problems) {
    problems.push_back({{"file", p.file}, {"where", p.where}, {"message", p.message}});
  }
  return json{{"articles", std::move(articles)}, {"problems", std::move(problems)}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
}

}  // namespace lectern
