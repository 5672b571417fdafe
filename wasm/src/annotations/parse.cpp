// Annotation files: what they hold (a collection, a page, an array or one annotation), and the
// limits that keep a hostile or broken file from costing more than a message.
#include <algorithm>
#include <cstdio>
#include <map>
#include <new>
#include <string>

#include "json.h"
#include "lectern/text.h"
#include "lone_surrogates.h"
#include "reader.h"

namespace lectern {
namespace {

using json = nlohmann::json;

// More errors than this are summed up in one line: a broken 100,000-annotation file should not
// print 100,000 lines.
constexpr std::size_t kMaxListedErrors = 1000;

// The deepest nesting of arrays and objects in JSON text, counted without parsing it, so that a
// file of a million '[' is refused before anything recursive sees it.
std::size_t JsonDepth(std::string_view text) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

bool HasType(const json& j, const char* type) {
  if (!j.is_object() || !j.contains("type")) return false;
  const json& t = j["type"];
  if (t.is_string()) return t == type;
  if (!t.is_array()) return false;
  for (const json& v : t) {
    if (v == type) return true;
  }
  return false;
}

bool HasAnnoContext(const json& j) {
  if (!j.is_object() || !j.contains("@context")) return false;
  const json& c = j["@context"];
  auto is_anno = [](const json& v) { return v == kAnnoContext || v == kAnnoContextHttps; };
  if (is_anno(c)) return true;
  if (!c.is_array()) return false;
  for (const json& v : c) {
    if (is_anno(v)) return true;
  }
  return false;
}

std::string MegaBytes(std::size_t bytes) {
  return std::to_string((bytes + (1u << 19)) >> 20) + " MB";
}

// Nlohmann's messages start with "[json.exception.parse_error.101] "; the rest is for people.
std::string ParseMessage(const std::exception& e) {
  std::string m = e.what();
  const std::size_t bracket = m.find("] ");
  return m.compare(0, 1, "[") == 0 && bracket != std::string::npos ? m.substr(bracket + 2) : m;
}

// Reading one file: the reader, and what is needed to say where each kept annotation came from.
struct FileReader {
  AnnotationReader& reader;
  std::vector<AnnotationProblem>& errors;
  std::optional<char32_t> marker;  // what replaced lone surrogate escapes, when there were any
  std::vector<std::string> paths;  // of each annotation kept, in order

  void Read(const json& item, const std::string& path, bool context_given,
            AnnotationParseResult& out) {
    if (marker) {
      // A broken string costs its annotation, not the file.
      if (const std::optional<std::string> at = FindMarker(item, path, *marker)) {
        errors.push_back({*at,
                          "holds half of a character (a lone UTF-16 surrogate escape such as "
                          "\\ud800): the annotation is left out"});
        return;
      }
    }
    if (std::optional<Annotation> a = reader.Read(item, path, context_given)) {
      out.annotations.push_back(std::move(*a));
      paths.push_back(path);
    }
  }

  void ReadItems(const json& items, const std::string& path, bool context_given,
                 AnnotationParseResult& out) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      Read(items[i], IndexPath(path, i), context_given, out);
    }
  }
};

// Annotations sharing an id within one file are one annotation, merged as MergeAnnotations merges
// two files' (the same content once; different content as conflicting versions), each duplicate
// reported where it is. The first one's place in the file is kept.
void MergeDuplicateIds(const std::vector<std::string>& paths, AnnotationParseResult& out) {
  std::map<std::string, std::size_t> first;  // id -> index in out.annotations
  std::vector<Annotation> kept;
  std::vector<std::string> kept_paths;
  for (std::size_t i = 0; i < out.annotations.size(); ++i) {
    Annotation& a = out.annotations[i];
    const auto [it, is_new] = first.emplace(a.id, kept.size());
    if (is_new) {
      kept.push_back(std::move(a));
      kept_paths.push_back(paths[i]);
      continue;
    }
    Annotation& earlier = kept[it->second];
    AnnotationMergeResult merged = MergeAnnotations({earlier}, {a});
    const bool same = merged.conflicts.empty();
    out.warnings.push_back({JoinPath(paths[i], "id"),
                            "the same id as " + kept_paths[it->second] +
                                (same ? ": the same annotation twice, kept once"
                                      : ": kept as one annotation with conflicting versions")});
    earlier = std::move(merged.annotations.front());
  }
  out.annotations = std::move(kept);
}

AnnotationParseResult ParseAnnotationsInMemory(std::string_view text) {
  AnnotationParseResult out;
  auto fail = [&out](std::string message) {
    out.errors.push_back({"", std::move(message)});
    return out;
  };
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return fail("empty: no annotations");
  }
  if (const std::size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(text[bad]));
    return fail(std::string("not JSON: not valid UTF-8 (byte ") + byte + " at offset " +
                std::to_string(bad) + ")");
  }
  if (JsonDepth(text) > kMaxAnnotationJsonDepth) {
    return fail("nested more than " + std::to_string(kMaxAnnotationJsonDepth) +
                " levels deep: not an annotation file");
  }
  std::optional<MarkedSurrogates> marked = MarkLoneSurrogates(text);
  json doc;
  try {
    doc = json::parse(marked ? std::string_view(marked->text) : text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 1e400
    return fail("not JSON: " + ParseMessage(e));
  }
  std::vector<AnnotationProblem> errors;
  AnnotationReader reader(errors, out.warnings);
  FileReader file{
      reader, errors, marked ? std::optional<char32_t>(marked->marker) : std::nullopt, {}};
  marked.reset();
  if (doc.is_array()) {
    out.container = "array";
    file.ReadItems(doc, "", false, out);
  } else if (HasType(doc, "AnnotationCollection")) {
    out.container = "AnnotationCollection";
    const auto first = doc.find("first");
    if (first == doc.end()) {
      errors.push_back({"first", "missing: the collection has no page of annotations"});
    } else if (first->is_string()) {
      errors.push_back({"first", "the first page is not in the file, only its IRI"});
    } else if (!first->is_object() || !first->contains("items") || !(*first)["items"].is_array()) {
      errors.push_back({"first.items", "missing: the page has no list of annotations"});
    } else {
      const json& items = (*first)["items"];
      file.ReadItems(items, "first.items", HasAnnoContext(doc) || HasAnnoContext(*first), out);
      if (doc.contains("total") && doc["total"].is_number_unsigned() &&
          doc["total"].get<std::size_t>() > items.size()) {
        out.warnings.push_back(
            {"total", "the collection has " + std::to_string(doc["total"].get<std::size_t>()) +
                          " annotations; only the " + std::to_string(items.size()) +
                          " in its first page are in the file"});
      }
    }
  } else if (HasType(doc, "AnnotationPage")) {
    out.container = "AnnotationPage";
    if (!doc.contains("items") || !doc["items"].is_array()) {
      errors.push_back({"items", "missing: the page has no list of annotations"});
    } else {
      file.ReadItems(doc["items"], "items", HasAnnoContext(doc), out);
    }
  } else if (HasType(doc, "Annotation")) {
    out.container = "Annotation";
    file.Read(doc, "", false, out);
  } else {
    std::string what = doc.is_object() ? "an object" : doc.type_name();
    if (doc.is_object() && doc.contains("type") && doc["type"].is_string()) {
      what += " of type '" + doc["type"].get<std::string>() + "'";
    }
    return fail(
        "not annotations: expected a W3C Annotation, AnnotationPage or "
        "AnnotationCollection (or an array of annotations), found " +
        what);
  }
  if (errors.size() > kMaxListedErrors) {
    const std::size_t more = errors.size() - kMaxListedErrors;
    errors.resize(kMaxListedErrors);
    errors.push_back({"", "and " + std::to_string(more) + " more errors"});
  }
  out.errors = std::move(errors);
  MergeDuplicateIds(file.paths, out);
  return out;
}

}  // namespace

AnnotationParseResult ParseAnnotations(std::string_view text) {
  try {
    return ParseAnnotationsInMemory(text);
  } catch (const std::bad_alloc&) {
    // The only limit on an annotation file is the memory its parsed form takes (about ten times
    // its size): say what to do about it rather than fail somewhere deeper.
    AnnotationParseResult out;
    out.errors.push_back(
        {"", "too large for the memory available (" + MegaBytes(text.size()) +
                 "): split it into smaller files, by article or by tag (lectern annotations "
                 "export --article or --tag)"});
    return out;
  }
}

}  // namespace lectern
