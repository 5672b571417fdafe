// Readable reports of annotations: what the Markdown and HTML renderers share. Internal.
#ifndef LECTERN_ANNOTATIONS_REPORT_H_
#define LECTERN_ANNOTATIONS_REPORT_H_

#include <string>
#include <vector>

#include "lectern/annotations.h"

namespace lectern {

/// The annotations of one article, in reading order.
struct ReportArticle {
  std::string title;   ///< the article's title, or empty
  std::string source;  ///< its URL, or empty
  std::string hash;    ///< its content hash, or empty
  std::vector<const Annotation*> annotations;
};

/// The report's content: a label and the annotations grouped by article (articles by title).
struct ReportModel {
  std::string label;
  std::size_t annotation_count = 0;
  std::vector<Annotation> selected;  ///< owns what the articles point to
  std::vector<ReportArticle> articles;
};

/// Filters `annotations` by `options` and groups them by article.
ReportModel BuildReport(const std::vector<Annotation>& annotations,
                        const AnnotationExportOptions& options);

/// Who made an annotation, for people: the name, else the id, else "unknown".
std::string AuthorName(const AnnotationAgent& agent);

/// Whether `source` may be shown as a link: http and https only, never javascript: or data:.
bool IsWebLink(const std::string& source);

}  // namespace lectern

#endif  // LECTERN_ANNOTATIONS_REPORT_H_
