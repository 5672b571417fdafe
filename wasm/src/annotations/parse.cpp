// Annotation files: what they hold (a collection, a page, an array or one annotation), and the
// limits that keep a hostile or broken file from costing more than a message.
#include <algorithm>
#include <cstdio>
#include <string>

#include "json.h"
#include "lectern/text.h"
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

void ReadItems(const json& items, const std::string& path, bool context_given,
               AnnotationReader& reader, AnnotationParseResult& out) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::optional<Annotation> a = reader.Read(items[i], IndexPath(path, i), context_given);
    if (a) out.annotations.push_back(std::move(*a));
  }
}

}  // namespace

AnnotationParseResult ParseAnnotations(std::string_view text) {
  AnnotationParseResult out;
  auto fail = [&out](std::string message) {
    out.errors.push_back({"", std::move(message)});
    return out;
  };
  if (text.size() > kMaxAnnotationFileBytes) {
    return fail("too large (" + MegaBytes(text.size()) + "; Lectern reads annotation files up to " +
                MegaBytes(kMaxAnnotationFileBytes) + ")");
  }
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
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 1e400
    return fail("not JSON: " + ParseMessage(e));
  }
  std::vector<AnnotationProblem> errors;
  AnnotationReader reader(errors, out.warnings);
  if (doc.is_array()) {
    out.container = "array";
    ReadItems(doc, "", false, reader, out);
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
      ReadItems(items, "first.items", HasAnnoContext(doc) || HasAnnoContext(*first), reader, out);
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
      ReadItems(doc["items"], "items", HasAnnoContext(doc), reader, out);
    }
  } else if (HasType(doc, "Annotation")) {
    out.container = "Annotation";
    if (std::optional<Annotation> a = reader.Read(doc, "", false)) {
      out.annotations.push_back(std::move(*a));
    }
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
  return out;
}

}  // namespace lectern
