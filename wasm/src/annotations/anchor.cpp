// Re-anchoring annotations into articles: which article first (same text, same URL, same title,
// then any that the collection index says may hold the passage), then where in it, by the
// anchoring engine (lectern/anchoring.h).
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lectern/anchoring.h"
#include "lectern/annotations.h"
#include "lectern/hash.h"
#include "util.h"

namespace lectern {
namespace {

// The articles of one call, looked up by what an annotation knows of its own (content hash, URL,
// title) and by the words of its passage, each prepared for anchoring the first time it is tried.
// Every lookup table is built on first use: a call that needs none of them pays for none.
class ArticleSet {
 public:
  explicit ArticleSet(const std::vector<Article>& articles)
      : articles_(articles), texts_(articles.size()) {}

  const Article& article(std::size_t i) const { return articles_[i]; }

  // The articles that a stage links to the target, in the order given.
  std::vector<std::size_t> Linked(const std::string& stage, const AnnotationTarget& t) {
    if (stage == "hash")
      return Lookup(&by_hash_, t.content_hash,
                    [](const Article& a) { return ContentHash(a.body); });
    if (stage == "url")
      return Lookup(&by_url_, t.source, [](const Article& a) { return ToUri(a.url).value_or(""); });
    return Lookup(&by_title_, t.title, [](const Article& a) { return a.title; });
  }

  // The articles that may hold the passage: those the collection index proposes, or all.
  std::vector<std::size_t> Searched(const QuoteSelector& selector) {
    if (!index_) {
      std::vector<std::string_view> bodies;
      bodies.reserve(articles_.size());
      for (const Article& a : articles_) bodies.emplace_back(a.body);
      index_.emplace(bodies);
    }
    if (auto found = index_->Candidates(selector)) return std::move(*found);
    std::vector<std::size_t> all(articles_.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    return all;
  }

  // Article i prepared. The prepared texts are kept for the annotations that follow, up to
  // kPreparedBudget bytes; past it they are all dropped and prepared again when needed (a call
  // that tries every article of a large collection would otherwise hold ~24 bytes per character
  // of all of them).
  const AnchorText& Text(std::size_t i) {
    if (!texts_[i]) {
      if (prepared_bytes_ > kPreparedBudget) {
        for (std::size_t k : prepared_) texts_[k].reset();
        prepared_.clear();
        prepared_bytes_ = 0;
      }
      texts_[i].emplace(articles_[i].body);
      prepared_.push_back(i);
      prepared_bytes_ += texts_[i]->memory();
    }
    return *texts_[i];
  }

 private:
  using Table = std::unordered_map<std::string, std::vector<std::size_t>>;
  template <typename Key>
  std::vector<std::size_t> Lookup(std::optional<Table>* table, const std::string& key,
                                  Key&& key_of) {
    if (key.empty()) return {};
    if (!*table) {
      table->emplace();
      for (std::size_t i = 0; i < articles_.size(); ++i) {
        std::string k = key_of(articles_[i]);
        if (!k.empty()) (**table)[std::move(k)].push_back(i);
      }
    }
    const auto it = (*table)->find(key);
    return it == (*table)->end() ? std::vector<std::size_t>{} : it->second;
  }

  static constexpr std::size_t kPreparedBudget = std::size_t{256} << 20;
  const std::vector<Article>& articles_;
  std::vector<std::optional<AnchorText>> texts_;
  std::vector<std::size_t> prepared_;  // the articles in texts_
  std::size_t prepared_bytes_ = 0;
  std::optional<Table> by_hash_, by_url_, by_title_;
  std::optional<CollectionIndex> index_;
};

}  // namespace

AnnotationTarget TargetForRange(std::string_view body, std::size_t start, std::size_t end,
                                std::string_view url, std::string_view title) {
  const QuoteSelector q = DescribeRange(body, start, end);
  AnnotationTarget t;
  t.source = ToUri(url).value_or("");
  t.content_hash = ContentHash(body);
  t.title = std::string(title);
  t.exact = q.exact;
  t.prefix = q.prefix;
  t.suffix = q.suffix;
  t.has_position = true;
  t.start = q.start;
  t.end = q.end;
  return t;
}

std::vector<AnnotationAnchor> AnchorAnnotations(const std::vector<Annotation>& annotations,
                                                const std::vector<Article>& articles,
                                                const AnchorAnnotationsOptions& options) {
  ArticleSet set(articles);
  AnchorOptions anchor_options;
  if (options.min_score >= 0) anchor_options.min_score = options.min_score;

  std::vector<AnnotationAnchor> out;
  for (const Annotation& a : annotations) {
    const AnnotationTarget& t = a.target;
    QuoteSelector selector;
    selector.exact = t.exact;
    selector.prefix = t.prefix;
    selector.suffix = t.suffix;
    selector.has_position = t.has_position;
    selector.start = t.start;
    selector.end = t.end;

    AnnotationAnchor report;
    report.id = a.id;
    std::unordered_map<std::size_t, AnchorResult> tried;
    // Stages from the surest link between annotation and article to none at all.
    for (const std::string stage : {"hash", "url", "title", "search"}) {
      const std::vector<std::size_t> linked =
          stage == "search" ? set.Searched(selector) : set.Linked(stage, t);
      std::optional<std::size_t> best;
      for (const std::size_t i : linked) {
        if (report.article.empty() && stage != "search") {
          report.article = set.article(i).id;  // the orphan's home, should it stay one
          report.article_index = i;
          report.match = stage;
        }
        auto it = tried.find(i);
        if (it == tried.end())
          it = tried.emplace(i, Anchor(set.Text(i), selector, anchor_options)).first;
        const AnchorResult& r = it->second;
        if (r.score > report.score && !report.anchored) report.score = r.score;
        if (r.anchored && (!best || r.score > tried.at(*best).score)) best = i;
      }
      if (!best) continue;
      const AnchorResult& r = tried.at(*best);
      report.anchored = true;
      report.start = r.start;
      report.end = r.end;
      report.score = r.score;
      report.exact = r.exact;
      report.article = set.article(*best).id;
      report.article_index = *best;
      report.match = stage;
      break;
    }
    out.push_back(std::move(report));
  }
  return out;
}

}  // namespace lectern
