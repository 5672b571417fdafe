// The Markdown report. Every piece of text from an annotation or article is escaped so that it
// renders as written: no HTML gets through, and no Markdown markup of its own.
#include <string>

#include "report.h"
#include "util.h"

namespace lectern {
namespace {

// Escapes what Markdown (CommonMark) would read as markup or HTML: backslashes for Markdown's
// punctuation (line-start markers for lists, headings and rules only where a line starts), entities
// for HTML's.
std::string Escape(std::string_view text) {
  std::string out;
  bool line_start = true;    // nothing but blanks so far on this line
  bool line_digits = false;  // blanks, then digits only: "1." or "1)" would open a list
  for (char c : text) {
    bool escape = false;
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '~':
      case '#':
      case '!':
        escape = true;
        break;
      case '-':
      case '+':
      case '=':
        escape = line_start;
        break;
      case '.':
      case ')':
        escape = line_digits;
        break;
      // Entities rather than backslashes: not every Markdown renderer honours "\<", all of them
      // pass "&lt;" through as text. (These never start a list or a number, so the line state
      // below needs no update beyond "not at the start".)
      case '<':
        out += "&lt;";
        line_start = line_digits = false;
        continue;
      case '>':
        out += "&gt;";
        line_start = line_digits = false;
        continue;
      case '&':
        out += "&amp;";
        line_start = line_digits = false;
        continue;
      default:
        break;
    }
    if (escape) out.push_back('\\');
    out.push_back(c);
    if (c == '\n') {
      line_start = true;
      line_digits = false;
    } else if (c >= '0' && c <= '9') {
      line_digits = line_start || line_digits;
      line_start = false;
    } else if (c != ' ' && c != '\t') {
      line_start = line_digits = false;
    }
  }
  return out;
}

// Text over several lines inside a list item or quote: each further line carries `indent`.
std::string Lines(std::string_view text, const std::string& indent) {
  std::string escaped = Escape(text), out;
  for (char c : escaped) {
    if (c == '\r') continue;
    out.push_back(c);
    if (c == '\n') out += indent;
  }
  return out;
}

std::string Tags(const Annotation& a) {
  std::string out;
  for (const AnnotationTag& t : a.tags) out += (out.empty() ? "" : ", ") + Escape(t.name);
  return out;
}

std::string Byline(const Annotation& a) {
  std::string out = "by " + Escape(AuthorName(a.creator));
  const std::string& when = a.modified.empty() ? a.created : a.modified;
  if (!when.empty()) out += ", " + when;
  return out;
}

void Entry(const Annotation& a, std::string& out) {
  out += "> " + Lines(a.target.exact, "> ") + "\n\n";
  if (!a.tags.empty()) out += "- Tags: " + Tags(a) + "\n";
  if (!a.note.empty()) out += "- Note: " + Lines(a.note, "  ") + "\n";
  out += "- " + Byline(a) + "\n";
  for (const Annotation& v : a.conflicts) {
    out += "- Conflicting version " + Byline(v);
    if (!v.tags.empty()) out += "; tags: " + Tags(v);
    if (!v.note.empty()) out += "; note: " + Lines(v.note, "  ");
    out += "\n";
  }
  out += "\n";
}

}  // namespace

std::string AnnotationReportMarkdown(const std::vector<Annotation>& annotations,
                                     const AnnotationExportOptions& options) {
  const ReportModel model = BuildReport(annotations, options);
  std::string out = "# " + Escape(model.label) + "\n\n";
  out += std::to_string(model.annotation_count) +
         (model.annotation_count == 1 ? " annotation" : " annotations") + " on " +
         std::to_string(model.articles.size()) +
         (model.articles.size() == 1 ? " article" : " articles") + ".\n\n";
  for (const ReportArticle& article : model.articles) {
    out += "## " + Escape(article.title.empty() ? "Untitled article" : article.title) + "\n\n";
    if (IsWebLink(article.source)) {
      // ToUri percent-encodes '<', '>' and spaces, which would end the autolink.
      out += "<" + ToUri(article.source).value_or("") + ">\n\n";
    } else if (!article.source.empty()) {
      out += Escape(article.source) + "\n\n";
    }
    for (const Annotation* a : article.annotations) Entry(*a, out);
  }
  return out;
}

}  // namespace lectern
