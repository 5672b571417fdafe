#include "report.h"

#include <algorithm>
#include <map>

#include "export.h"

namespace lectern {

ReportModel BuildReport(const std::vector<Annotation>& annotations,
                        const AnnotationExportOptions& options) {
  ReportModel model;
  model.selected = FilterAnnotations(annotations, options);
  model.label = ExportLabel(model.selected, options);
  model.annotation_count = model.selected.size();
  std::map<std::string, ReportArticle> by_key;
  for (const Annotation& a : model.selected) {
    const AnnotationTarget& t = a.target;
    ReportArticle& article = by_key[t.content_hash.empty() ? t.source : t.content_hash];
    if (article.title.empty()) article.title = t.title;
    if (article.source.empty()) article.source = t.source;
    if (article.hash.empty()) article.hash = t.content_hash;
    article.annotations.push_back(&a);
  }
  for (auto& [key, article] : by_key) {
    std::stable_sort(article.annotations.begin(), article.annotations.end(),
                     [](const Annotation* x, const Annotation* y) {
                       if (x->target.has_position != y->target.has_position) {
                         return x->target.has_position;
                       }
                       if (x->target.start != y->target.start) {
                         return x->target.start < y->target.start;
                       }
                       return x->id < y->id;
                     });
    model.articles.push_back(std::move(article));
  }
  std::stable_sort(model.articles.begin(), model.articles.end(),
                   [](const ReportArticle& x, const ReportArticle& y) {
                     // Untitled articles go last.
                     if (x.title.empty() != y.title.empty()) return y.title.empty();
                     return x.title < y.title;
                   });
  return model;
}

std::string AuthorName(const AnnotationAgent& agent) {
  if (!agent.name.empty()) return agent.name;
  if (!agent.id.empty()) return agent.id;
  return "unknown";
}

bool IsWebLink(const std::string& source) {
  return source.compare(0, 7, "http://") == 0 || source.compare(0, 8, "https://") == 0;
}

}  // namespace lectern
