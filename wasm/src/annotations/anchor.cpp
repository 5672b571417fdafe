// Re-anchoring annotations into articles: which article first (same text, same URL, same title,
// then any), then where in it, by the anchoring engine (lectern/anchoring.h).
#include <optional>

#include "lectern/anchoring.h"
#include "lectern/annotations.h"
#include "lectern/hash.h"
#include "util.h"

namespace lectern {
namespace {

// An article prepared once for every annotation anchored into it.
struct Prepared {
  const Article* article;
  std::string hash;
  std::string url;
  AnchorText text;
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
  std::vector<Prepared> prepared;
  prepared.reserve(articles.size());
  for (const Article& a : articles) {
    prepared.push_back({&a, ContentHash(a.body), ToUri(a.url).value_or(""), AnchorText(a.body)});
  }
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
    std::vector<std::optional<AnchorResult>> tried(prepared.size());
    // Stages from the surest link between annotation and article to none at all.
    const char* stages[] = {"hash", "url", "title", "search"};
    for (const char* stage : stages) {
      const std::string name = stage;
      std::optional<std::size_t> best;
      for (std::size_t i = 0; i < prepared.size(); ++i) {
        const Prepared& p = prepared[i];
        const bool candidate =
            (name == "hash" && !t.content_hash.empty() && p.hash == t.content_hash) ||
            (name == "url" && !t.source.empty() && p.url == t.source) ||
            (name == "title" && !t.title.empty() && p.article->title == t.title) ||
            name == "search";
        if (!candidate) continue;
        if (report.article.empty() && name != "search") {
          report.article = p.article->id;  // the orphan's home, should it stay one
          report.article_index = i;
          report.match = name;
        }
        if (!tried[i]) tried[i] = Anchor(p.text, selector, anchor_options);
        const AnchorResult& r = *tried[i];
        if (r.score > report.score && !report.anchored) report.score = r.score;
        if (r.anchored && (!best || r.score > tried[*best]->score)) best = i;
      }
      if (!best) continue;
      const AnchorResult& r = *tried[*best];
      report.anchored = true;
      report.start = r.start;
      report.end = r.end;
      report.score = r.score;
      report.exact = r.exact;
      report.article = prepared[*best].article->id;
      report.article_index = *best;
      report.match = name;
      break;
    }
    out.push_back(std::move(report));
  }
  return out;
}

}  // namespace lectern
