// The HTML report: a standalone page. Everything from an annotation or article goes in as escaped
// text (notes too, Markdown or not), colours only once checked to be #rrggbb, links only to http
// and https, and a Content-Security-Policy forbids scripts and network requests besides.
#include <string>

#include "report.h"
#include "util.h"

namespace lectern {
namespace {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

constexpr const char* kStyle =
    "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;"
    "color:#222}h2{margin-top:2.5rem;border-bottom:1px solid #ddd}"
    "blockquote{margin:1rem 0 .3rem;padding:.2rem .8rem;border-left:4px solid #bbb;"
    "white-space:pre-wrap}.tag{display:inline-block;padding:0 .5em;margin-right:.3em;"
    "border-radius:.7em;background:#eee;font-size:.9em}.note{white-space:pre-wrap}"
    ".meta,.source{color:#666;font-size:.9em}.conflict{border-left:3px solid #c60;"
    "padding-left:.6rem;margin:.3rem 0}";

// A tag chip; the colour goes into a style attribute only in its checked #rrggbb form, with text
// dark or light for contrast.
std::string Tag(const AnnotationTag& tag) {
  std::string style;
  if (const std::optional<std::string> color = NormaliseColor(tag.color)) {
    const int r = std::stoi(color->substr(1, 2), nullptr, 16);
    const int g = std::stoi(color->substr(3, 2), nullptr, 16);
    const int b = std::stoi(color->substr(5, 2), nullptr, 16);
    const bool dark = r * 299 + g * 587 + b * 114 < 128000;
    style = " style=\"background:" + *color + ";color:" + (dark ? "#fff" : "#000") + "\"";
  }
  return "<span class=\"tag\"" + style + ">" + Escape(tag.name) + "</span>";
}

std::string Details(const Annotation& a) {
  std::string out;
  if (!a.tags.empty()) {
    out += "<p class=\"tags\">";
    for (const AnnotationTag& t : a.tags) out += Tag(t);
    out += "</p>\n";
  }
  if (!a.note.empty()) out += "<p class=\"note\">" + Escape(a.note) + "</p>\n";
  const std::string& when = a.modified.empty() ? a.created : a.modified;
  out += "<p class=\"meta\">by " + Escape(AuthorName(a.creator));
  if (!when.empty()) out += ", <time datetime=\"" + Escape(when) + "\">" + Escape(when) + "</time>";
  out += "</p>\n";
  return out;
}

}  // namespace

std::string AnnotationReportHtml(const std::vector<Annotation>& annotations,
                                 const AnnotationExportOptions& options) {
  const ReportModel model = BuildReport(annotations, options);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\">\n<title>" +
      Escape(model.label) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<h1>" +
      Escape(model.label) + "</h1>\n<p>" + std::to_string(model.annotation_count) +
      (model.annotation_count == 1 ? " annotation" : " annotations") + " on " +
      std::to_string(model.articles.size()) +
      (model.articles.size() == 1 ? " article" : " articles") + ".</p>\n";
  for (const ReportArticle& article : model.articles) {
    out += "<section>\n<h2>" + Escape(article.title.empty() ? "Untitled article" : article.title) +
           "</h2>\n";
    if (IsWebLink(article.source)) {
      const std::string href = Escape(ToUri(article.source).value_or(""));
      out +=
          "<p class=\"source\"><a href=\"" + href + "\" rel=\"noreferrer\">" + href + "</a></p>\n";
    } else if (!article.source.empty()) {
      out += "<p class=\"source\">" + Escape(article.source) + "</p>\n";
    }
    for (const Annotation* a : article.annotations) {
      out += "<article>\n<blockquote>" + Escape(a->target.exact) + "</blockquote>\n" + Details(*a);
      for (const Annotation& v : a->conflicts) {
        out += "<div class=\"conflict\"><p class=\"meta\">Conflicting version:</p>\n" + Details(v) +
               "</div>\n";
      }
      out += "</article>\n";
    }
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace lectern
