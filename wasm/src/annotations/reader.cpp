// The annotation level: @context, type, id, what else it holds, and its conflicting versions.
#include "reader.h"

#include <set>

#include "json.h"
#include "util.h"

namespace lectern {
namespace {

using json = nlohmann::json;

bool IsAnnoContextString(const json& j) {
  return j.is_string() && (j == kAnnoContext || j == kAnnoContextHttps);
}

bool IsAnnoContext(const json& j) {
  if (IsAnnoContextString(j)) return true;
  if (!j.is_array()) return false;
  for (const json& item : j) {
    if (IsAnnoContextString(item)) return true;
  }
  return false;
}

bool HasType(const json& j, const char* type) {
  const auto it = j.find("type");
  if (it == j.end()) return false;
  if (it->is_string()) return *it == type;
  if (!it->is_array()) return false;
  for (const json& t : *it) {
    if (t == type) return true;
  }
  return false;
}

// Properties the model reads into its fields; everything else is kept as it came.
const std::set<std::string>& ModelKeys() {
  static const std::set<std::string> keys = {"@context",  "id",         "type",    "body",
                                             "bodyValue", "target",     "created", "modified",
                                             "creator",   kConflictsKey};
  return keys;
}

}  // namespace

std::string JoinPath(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string IndexPath(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::optional<Annotation> AnnotationReader::Read(const json& j, const std::string& path,
                                                 bool context_given) {
  if (!j.is_object()) {
    Error(path,
          std::string("not an annotation but ") + (j.is_array() ? "an array" : j.type_name()));
    return std::nullopt;
  }
  const std::size_t errors_before = errors_.size();
  const auto context = j.find("@context");
  if (context == j.end()) {
    if (!context_given) {
      Error(JoinPath(path, "@context"), std::string("missing (expected ") + kAnnoContext + ")");
    }
  } else if (!IsAnnoContext(*context)) {
    Error(JoinPath(path, "@context"),
          std::string("not the W3C annotation context ") + kAnnoContext);
  }
  if (!HasType(j, "Annotation")) {
    Error(JoinPath(path, "type"),
          j.contains("type") ? "not 'Annotation'" : "missing (expected 'Annotation')");
  }
  Annotation a;
  const auto id = j.find("id");
  if (id == j.end()) {
    Error(JoinPath(path, "id"), "missing: an annotation needs an IRI");
  } else if (!id->is_string()) {
    Error(JoinPath(path, "id"), "not a string");
  } else if (std::optional<std::string> iri = ToUri(id->get<std::string>())) {
    a.id = *iri;
  } else {
    Error(JoinPath(path, "id"), "not an IRI");
  }
  ReadParts(j, path, a);
  const auto versions = j.find(kConflictsKey);
  if (versions != j.end()) {
    if (!versions->is_array()) {
      Warn(JoinPath(path, kConflictsKey), "not an array; ignored");
    } else {
      for (std::size_t i = 0; i < versions->size(); ++i) {
        std::optional<Annotation> v =
            ReadVersion((*versions)[i], IndexPath(JoinPath(path, kConflictsKey), i), a.id);
        if (v) a.conflicts.push_back(std::move(*v));
      }
    }
  }
  if (errors_.size() > errors_before) return std::nullopt;
  return a;
}

std::optional<Annotation> AnnotationReader::ReadVersion(const json& j, const std::string& path,
                                                        const std::string& id) {
  // A broken version must not cost the annotation it hangs on: its errors become warnings.
  std::vector<AnnotationProblem> errors;
  AnnotationReader inner(errors, warnings_);
  Annotation v;
  v.id = id;
  if (!j.is_object()) {
    Warn(path, "not an annotation; this conflicting version was dropped");
    return std::nullopt;
  }
  inner.ReadParts(j, path, v);
  for (const AnnotationProblem& e : errors) {
    Warn(e.path, e.message + "; this conflicting version was dropped");
  }
  if (!errors.empty()) return std::nullopt;
  return v;
}

bool AnnotationReader::ReadParts(const json& j, const std::string& path, Annotation& a) {
  const std::size_t errors_before = errors_.size();
  const auto body = j.find("body");
  const auto body_value = j.find("bodyValue");
  if (body != j.end() && body_value != j.end()) {
    Error(JoinPath(path, "bodyValue"), "an annotation may not have both body and bodyValue");
  }
  if (body != j.end()) {
    json others = json::array();
    ReadBodies(*body, JoinPath(path, "body"), a, others);
    if (!others.empty()) a.other_bodies_json = DumpJson(others);
  }
  if (body_value != j.end()) {
    const json& v =
        body_value->is_array() && body_value->size() == 1 ? (*body_value)[0] : *body_value;
    if (!v.is_string()) {
      Error(JoinPath(path, "bodyValue"), "not a string");
    } else if (a.note.empty()) {
      // bodyValue is shorthand for a plain-text TextualBody: Lectern's note.
      a.note = v.get<std::string>();
      a.note_format = "text/plain";
    }
  }
  const auto target = j.find("target");
  if (target == j.end()) {
    Error(JoinPath(path, "target"), "missing");
  } else {
    ReadTarget(*target, JoinPath(path, "target"), a.target);
  }
  if (const auto it = j.find("created"); it != j.end()) {
    ReadTime(*it, JoinPath(path, "created"), a.created);
  }
  if (const auto it = j.find("modified"); it != j.end()) {
    ReadTime(*it, JoinPath(path, "modified"), a.modified);
  }
  if (const auto it = j.find("creator"); it != j.end()) {
    ReadCreator(*it, JoinPath(path, "creator"), a.creator);
  }
  json others = json::object();
  for (const auto& [key, value] : j.items()) {
    if (ModelKeys().count(key)) continue;
    json kept = value;
    if (key == "generated") {
      std::string time;
      if (ReadTime(value, JoinPath(path, key), time)) kept = time;
    } else if (key == "rights" || key == "via" || key == "canonical") {
      if (!CheckIris(kept, JoinPath(path, key), key == "canonical")) continue;
    }
    others[key] = std::move(kept);
  }
  if (!others.empty()) a.other_properties_json = DumpJson(others);
  return errors_.size() == errors_before;
}

bool AnnotationReader::ReadTime(const json& j, const std::string& path, std::string& out) {
  // The model allows one value; a one-element array is the same thing in JSON-LD.
  const json& v = j.is_array() && j.size() == 1 ? j[0] : j;
  if (!v.is_string()) return Error(path, "not a date-time string");
  bool date_only = false;
  const std::optional<UtcTime> t = ParseUtcTime(v.get<std::string>(), &date_only);
  if (!t) {
    return Error(path, "not an ISO 8601 date-time with a time zone (e.g. 2024-09-13T10:00:00Z)");
  }
  if (date_only) Warn(path, "a date without a time: taken as midnight UTC");
  out = t->text;
  return true;
}

bool AnnotationReader::CheckIris(json& j, const std::string& path, bool single) {
  auto iri = [](json& v) {
    if (!v.is_string()) return false;
    std::optional<std::string> uri = ToUri(v.get<std::string>());
    if (uri) v = *uri;
    return uri.has_value();
  };
  if (iri(j)) return true;
  if (j.is_array() && !j.empty() && (!single || j.size() == 1)) {
    bool ok = true;
    for (json& v : j) ok = iri(v) && ok;
    if (ok) return true;
  }
  return Error(path, single ? "not one IRI" : "not an IRI or a list of IRIs");
}

}  // namespace lectern
