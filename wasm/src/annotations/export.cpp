// Exports: the W3C AnnotationCollection of all annotations, or those of one article or one tag,
// written one annotation at a time.
#include "export.h"

#include <algorithm>

#include "json.h"
#include "lectern/hash.h"
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

bool Passes(const Annotation& a, const AnnotationExportOptions& options) {
  if (!options.article.empty() && !OnArticle(a, options.article)) return false;
  return options.tag.empty() || HasTag(a, options.tag);
}

std::string Label(const Annotation* first_selected, const AnnotationExportOptions& options) {
  if (!options.label.empty()) return options.label;
  std::string label = "Lectern annotations";
  if (!options.article.empty()) {
    const std::string title = first_selected ? first_selected->target.title : "";
    label += " on " + (title.empty() ? options.article : "\u201c" + title + "\u201d");
  }
  if (!options.tag.empty()) label += " tagged \u201c" + options.tag + "\u201d";
  return label;
}

// Each line of an indented JSON value, indented by `indent` more. JSON text holds no raw newline
// inside a string, so every '\n' is between lines.
std::string Indented(const std::string& text, const std::string& indent) {
  std::string out = indent;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

}  // namespace

std::vector<Annotation> FilterAnnotations(const std::vector<Annotation>& annotations,
                                          const AnnotationExportOptions& options) {
  std::vector<Annotation> out;
  for (const Annotation& a : annotations) {
    if (Passes(a, options)) out.push_back(a);
  }
  return out;
}

std::string ExportLabel(const std::vector<Annotation>& selected,
                        const AnnotationExportOptions& options) {
  return Label(selected.empty() ? nullptr : &selected.front(), options);
}

void WriteAnnotationCollection(const std::vector<Annotation>& annotations,
                               const AnnotationExportOptions& options,
                               const std::function<void(std::string_view)>& write) {
  // Pass 1: the label, the count and the collection's id, named by its content so that exporting
  // the same annotations twice gives the same file. The id is SHA-256 of the label and the items'
  // compact JSON, hashed as it is made: no more than one annotation's text is held at a time.
  const Annotation* first = nullptr;
  std::size_t total = 0;
  for (const Annotation& a : annotations) {
    if (!Passes(a, options)) continue;
    if (!first) first = &a;
    ++total;
  }
  const std::string label = Label(first, options);
  Sha256 content;
  content.Update("lectern:collection\n" + label + "\n[");
  std::size_t hashed = 0;
  for (const Annotation& a : annotations) {
    if (!Passes(a, options)) continue;
    if (hashed++ > 0) content.Update(",");
    content.Update(DumpJson(AnnotationJsonValue(a)));
  }
  content.Update("]");
  const std::string id = UrnUuidFromDigest(content.Digest());

  // Pass 2: the collection as DumpJson(collection, 2) would write it, its items streamed into the
  // place an empty list takes in the skeleton. Keys sort, so "first" and its "items" come before
  // the label; a quote inside a string is escaped, so the key's text is found only as the key.
  const json page = {{"id", NameBasedUrnUuid(id + "\npage 0")},
                     {"type", "AnnotationPage"},
                     {"partOf", id},
                     {"startIndex", 0},
                     {"items", json::array()}};
  const json collection = {
      {"@context", kAnnoContext}, {"id", id},       {"type", "AnnotationCollection"},
      {"label", label},           {"total", total}, {"first", page}};
  const std::string skeleton = DumpJson(collection, 2) + "\n";
  const std::string empty_items = "\"items\": []";
  const std::size_t at = skeleton.find(empty_items) + empty_items.size() - 2;
  write(std::string_view(skeleton).substr(0, at));
  if (total == 0) {
    write("[]");
  } else {
    const std::string item_indent(6, ' ');
    std::size_t written = 0;
    for (const Annotation& a : annotations) {
      if (!Passes(a, options)) continue;
      write(written++ == 0 ? "[\n" : ",\n");
      write(Indented(DumpJson(AnnotationJsonValue(a), 2), item_indent));
    }
    write("\n    ]");
  }
  write(std::string_view(skeleton).substr(at + 2));
}

std::string ExportAnnotationCollection(const std::vector<Annotation>& annotations,
                                       const AnnotationExportOptions& options) {
  std::string out;
  WriteAnnotationCollection(annotations, options, [&out](std::string_view s) { out += s; });
  return out;
}

}  // namespace lectern
