// The JSON functions a page calls to exchange annotations: import (merge), export, anchor.
#include <algorithm>
#include <map>
#include <stdexcept>

#include "lectern/annotations.h"
#include "lectern/api.h"
#include "shared.h"

namespace lectern {
namespace {

using json = nlohmann::json;

json AgentsJson(const std::vector<AnnotationAgent>& agents) {
  json out = json::array();
  for (const AnnotationAgent& a : agents) out.push_back({{"id", a.id}, {"name", a.name}});
  return out;
}

// The tags a file brings, each once, with the first colour given for it.
json TagsJson(const std::vector<Annotation>& annotations) {
  std::vector<AnnotationTag> tags;
  auto add = [&tags](const Annotation& a) {
    for (const AnnotationTag& t : a.tags) {
      auto same = std::find_if(tags.begin(), tags.end(),
                               [&](const AnnotationTag& o) { return o.name == t.name; });
      if (same == tags.end()) {
        tags.push_back(t);
      } else if (same->color.empty()) {
        same->color = t.color;
      }
    }
  };
  for (const Annotation& a : annotations) {
    add(a);
    for (const Annotation& v : a.conflicts) add(v);
  }
  json out = json::array();
  for (const AnnotationTag& t : tags) {
    out.push_back({{"name", t.name}, {"color", t.color.empty() ? json() : json(t.color)}});
  }
  return out;
}

// The page's own annotations: an empty text is none.
AnnotationParseResult ParseExisting(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    AnnotationParseResult r;
    r.container = "array";
    return r;
  }
  return ParseAnnotations(text);
}

std::string Option(const json& options, const char* key) {
  const auto it = options.find(key);
  if (it == options.end() || it->is_null()) return "";
  if (!it->is_string()) throw std::invalid_argument(std::string(key) + " is not a string");
  return it->get<std::string>();
}

json ParseOptions(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return json::object();
  json options = json::parse(text);
  if (!options.is_object()) throw std::invalid_argument("the options are not a JSON object");
  return options;
}

}  // namespace

std::string ImportAnnotationsJson(std::string_view existing_json, std::string_view incoming_text) {
  try {
    const AnnotationParseResult existing = ParseExisting(existing_json);
    const AnnotationParseResult incoming = ParseAnnotations(incoming_text);
    json out = {{"container", incoming.container},
                {"errors", ProblemsJson(incoming.errors)},
                {"warnings", ProblemsJson(incoming.warnings)},
                {"existingErrors", ProblemsJson(existing.errors)},
                {"tags", TagsJson(incoming.annotations)}};
    if (incoming.container.empty()) {
      // Nothing could be read: the page's annotations stay exactly as they were.
      out.update({{"merged", AnnotationsArrayJson(existing.annotations)},
                  {"changed", json::array()},
                  {"imported", 0},
                  {"duplicates", 0},
                  {"conflicts", 0},
                  {"ids",
                   {{"added", json::array()},
                    {"duplicates", json::array()},
                    {"conflicts", json::array()}}},
                  {"authors", json::array()}});
      return DumpJson(out);
    }
    const AnnotationMergeResult merged =
        MergeAnnotations(existing.annotations, incoming.annotations);
    std::map<std::string, std::string> before;
    for (const Annotation& a : existing.annotations) before[a.id] = AnnotationToJson(a);
    json changed = json::array(), annotations = json::array();
    for (const Annotation& a : merged.annotations) {
      const std::string text = AnnotationToJson(a);
      const auto old = before.find(a.id);
      if (old == before.end() || old->second != text) changed.push_back(a.id);
      annotations.push_back(json::parse(text));
    }
    out.update({{"merged", std::move(annotations)},
                {"changed", std::move(changed)},
                {"imported", merged.added.size()},
                {"duplicates", merged.duplicates.size()},
                {"conflicts", merged.conflicts.size()},
                {"ids",
                 {{"added", merged.added},
                  {"duplicates", merged.duplicates},
                  {"conflicts", merged.conflicts}}},
                {"authors", AgentsJson(merged.authors)}});
    return DumpJson(out);
  } catch (const std::exception& e) {
    return ErrorJson(e.what());
  }
}

std::string ExportAnnotationsJson(std::string_view annotations_json,
                                  std::string_view options_json) {
  try {
    const json options = ParseOptions(options_json);
    AnnotationExportOptions filter;
    filter.article = Option(options, "article");
    filter.tag = Option(options, "tag");
    filter.label = Option(options, "label");
    std::string format = Option(options, "format");
    if (format.empty()) format = "jsonld";
    const AnnotationParseResult r = ParseExisting(annotations_json);
    if (r.container.empty()) {
      return ErrorJson("the annotations cannot be read: " + r.errors.front().ToString());
    }
    std::string text, media_type;
    if (format == "jsonld") {
      text = ExportAnnotationCollection(r.annotations, filter);
      media_type = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
    } else if (format == "markdown") {
      text = AnnotationReportMarkdown(r.annotations, filter);
      media_type = "text/markdown; charset=utf-8";
    } else if (format == "html") {
      text = AnnotationReportHtml(r.annotations, filter);
      media_type = "text/html; charset=utf-8";
    } else {
      return ErrorJson("format must be jsonld, markdown or html");
    }
    return DumpJson({{"text", text},
                     {"mediaType", media_type},
                     {"count", FilterAnnotations(r.annotations, filter).size()},
                     {"errors", ProblemsJson(r.errors)}});
  } catch (const std::exception& e) {
    return ErrorJson(e.what());
  }
}

std::string AnchorAnnotationsJson(std::string_view annotations_json, std::string_view articles_json,
                                  std::string_view options_json) {
  try {
    const json options = ParseOptions(options_json);
    const PageUnit unit = ParsePageUnit(Option(options, "offsetUnit"));
    AnchorAnnotationsOptions anchor_options;
    if (const auto it = options.find("minScore"); it != options.end() && it->is_number()) {
      anchor_options.min_score = it->get<double>();
    }
    json list = json::parse(articles_json);
    if (list.is_object()) list = json::array({list});
    if (!list.is_array()) return ErrorJson("the articles are not a JSON array");
    std::vector<Article> articles;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const json& item = list[i];
      if (!item.is_object()) return ErrorJson("article " + std::to_string(i) + " is not an object");
      Article a;
      const auto id = item.find("id");
      a.id = id == item.end()  ? "article " + std::to_string(i)
             : id->is_string() ? id->get<std::string>()
                               : id->dump();
      a.body = Option(item, "body");
      a.title = Option(item, "title");
      a.url = Option(item, "url");
      articles.push_back(std::move(a));
    }
    const AnnotationParseResult r = ParseExisting(annotations_json);
    if (r.container.empty()) {
      return ErrorJson("the annotations cannot be read: " + r.errors.front().ToString());
    }
    json results = json::array();
    for (const AnnotationAnchor& x : AnchorAnnotations(r.annotations, articles, anchor_options)) {
      json item = {{"id", x.id},
                   {"status", x.anchored ? "anchored" : "orphan"},
                   {"start", nullptr},
                   {"end", nullptr},
                   {"score", x.score},
                   {"exact", x.exact},
                   {"article", x.article.empty() ? json() : json(x.article)},
                   {"match", x.match.empty() ? json() : json(x.match)}};
      if (x.anchored) {
        const std::string& body = articles.at(x.article_index).body;
        item["start"] = FromCodePoint(body, x.start, unit);
        item["end"] = FromCodePoint(body, x.end, unit);
      }
      results.push_back(std::move(item));
    }
    return DumpJson({{"results", std::move(results)},
                     {"offsetUnit", PageUnitName(unit)},
                     {"errors", ProblemsJson(r.errors)}});
  } catch (const std::exception& e) {
    return ErrorJson(e.what());
  }
}

}  // namespace lectern
