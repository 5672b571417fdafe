// Exports: the W3C AnnotationCollection of all annotations, or those of one article or one tag.
#include "export.h"

#include <algorithm>

#include "json.h"
#include "util.h"

namespace lectern {
namespace {

using json = nlohmann::json;

bool OnArticle(const Annotation& a, const std::string& article) {
  const AnnotationTarget& t = a.target;
  if (article == t.content_hash || article == t.source || article == SourceIri(t)) return true;
  // The page names articles by the first 16 hex digits of the hash (its article key).
  return article.size() == 16 && t.content_hash.compare(0, 16, article) == 0;
}

bool HasTag(const Annotation& a, const std::string& tag) {
  return std::any_of(a.tags.begin(), a.tags.end(),
                     [&](const AnnotationTag& t) { return t.name == tag; });
}

}  // namespace

std::vector<Annotation> FilterAnnotations(const std::vector<Annotation>& annotations,
                                          const AnnotationExportOptions& options) {
  std::vector<Annotation> out;
  for (const Annotation& a : annotations) {
    if (!options.article.empty() && !OnArticle(a, options.article)) continue;
    if (!options.tag.empty() && !HasTag(a, options.tag)) continue;
    out.push_back(a);
  }
  return out;
}

std::string ExportLabel(const std::vector<Annotation>& selected,
                        const AnnotationExportOptions& options) {
  if (!options.label.empty()) return options.label;
  std::string label = "Lectern annotations";
  if (!options.article.empty()) {
    const std::string title = selected.empty() ? "" : selected.front().target.title;
    label += " on " + (title.empty() ? options.article : "\u201c" + title + "\u201d");
  }
  if (!options.tag.empty()) label += " tagged \u201c" + options.tag + "\u201d";
  return label;
}

std::string ExportAnnotationCollection(const std::vector<Annotation>& annotations,
                                       const AnnotationExportOptions& options) {
  const std::vector<Annotation> selected = FilterAnnotations(annotations, options);
  json items = json::array();
  for (const Annotation& a : selected) items.push_back(AnnotationJsonValue(a));
  const std::string label = ExportLabel(selected, options);
  // Named by its content, so that exporting the same annotations twice gives the same file.
  const std::string id = NameBasedUrnUuid("lectern:collection\n" + label + "\n" + DumpJson(items));
  json page = {{"id", NameBasedUrnUuid(id + "\npage 0")},
               {"type", "AnnotationPage"},
               {"partOf", id},
               {"startIndex", 0},
               {"items", std::move(items)}};
  json collection = {{"@context", kAnnoContext},       {"id", id},
                     {"type", "AnnotationCollection"}, {"label", label},
                     {"total", selected.size()},       {"first", std::move(page)}};
  return DumpJson(collection, 2) + "\n";
}

}  // namespace lectern
