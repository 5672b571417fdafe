// The parts of an annotation: its target (source and selectors), its bodies and its creator.
#include <algorithm>
#include <cmath>
#include <set>

#include "json.h"
#include "reader.h"
#include "util.h"

namespace lectern {
namespace {

using json = nlohmann::json;

std::string KindOf(const json& j) { return j.is_array() ? "an array" : j.type_name(); }

// A selector's "type", or "" when it has none or it is not a string (json::value would throw).
std::string SelectorType(const json& s) {
  const auto it = s.find("type");
  return it != s.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The W3C selector types other than the two Lectern reads, with what each must have; another
// selector is dropped, since exporting it would make the target unrecognisable to the model.
bool KnownSelector(const json& s, std::string& why) {
  const std::string type = SelectorType(s);
  auto has_string = [&](const char* key) { return s.contains(key) && s[key].is_string(); };
  auto has_offset = [&](const char* key) { return s.contains(key) && s[key].is_number_unsigned(); };
  if (type == "FragmentSelector" || type == "CssSelector" || type == "XPathSelector") {
    why = "no string value";
    return has_string("value");
  }
  if (type == "DataPositionSelector") {
    why = "no start and end";
    return has_offset("start") && has_offset("end");
  }
  if (type == "RangeSelector") {
    why = "no startSelector and endSelector";
    return s.contains("startSelector") && s["startSelector"].is_object() &&
           s.contains("endSelector") && s["endSelector"].is_object();
  }
  if (type == "SvgSelector") {
    why = "needs a value or an id";
    return has_string("value") != s.contains("id");
  }
  if (type == "TextQuoteSelector" || type == "TextPositionSelector") return true;
  if (s.contains("id") && s["id"].is_string() && ToUri(s["id"].get<std::string>())) return true;
  why = type.empty() ? "no type" : "unknown type '" + type + "'";
  return false;
}

// A JSON number that is a whole number (5 and 5.0 alike), as JSON Schema's "integer".
std::optional<long double> WholeNumber(const json& j) {
  if (j.is_number_integer()) {
    return j.is_number_unsigned() ? static_cast<long double>(j.get<std::uint64_t>())
                                  : static_cast<long double>(j.get<std::int64_t>());
  }
  if (j.is_number_float()) {
    const double d = j.get<double>();
    if (std::isfinite(d) && std::floor(d) == d) return d;
  }
  return std::nullopt;
}

}  // namespace

bool AnnotationReader::ReadTarget(const json& j, const std::string& path, AnnotationTarget& t) {
  if (j.is_array()) {
    if (j.empty()) return Error(path, "empty: no target");
    if (j.size() > 1) return Error(path, "several targets: Lectern annotates one passage");
    return ReadTarget(j[0], IndexPath(path, 0), t);
  }
  if (j.is_string()) {
    return Error(path, "a whole resource (an IRI), no TextQuoteSelector: Lectern needs the quote");
  }
  if (!j.is_object()) return Error(path, "not a target but " + KindOf(j));
  if (j.contains("items")) return Error(path, "a Choice or Set of targets: Lectern needs one");
  const auto source = j.find("source");
  if (source == j.end()) {
    if (j.contains("id")) {
      return Error(path, "a whole resource, no TextQuoteSelector: Lectern needs the quote");
    }
    return Error(JoinPath(path, "source"), "missing");
  }
  const bool source_ok = ReadSource(*source, JoinPath(path, "source"), t);
  const auto selector = j.find("selector");
  if (selector == j.end()) return Error(JoinPath(path, "selector"), "no TextQuoteSelector");
  return ReadSelectors(*selector, JoinPath(path, "selector"), t) && source_ok;
}

bool AnnotationReader::ReadSource(const json& j, const std::string& path, AnnotationTarget& t) {
  std::string iri;
  if (j.is_string()) {
    std::optional<std::string> uri = ToUri(j.get<std::string>());
    if (!uri) return Error(path, "not an IRI");
    iri = *uri;
  } else if (j.is_object()) {
    const auto id = j.find("id");
    if (id == j.end() || !id->is_string()) return Error(JoinPath(path, "id"), "missing");
    std::optional<std::string> uri = ToUri(id->get<std::string>());
    if (!uri) return Error(JoinPath(path, "id"), "not an IRI");
    iri = *uri;
    for (const char* key : {"dc:title", "dcterms:title", "title"}) {
      const auto title = j.find(key);
      if (title == j.end()) continue;
      const json& v = title->is_array() && !title->empty() ? (*title)[0] : *title;
      if (v.is_string()) {
        t.title = v.get<std::string>();
        break;
      }
    }
    if (const auto hash = j.find("schema:sha256"); hash != j.end()) {
      std::string h = hash->is_string() ? hash->get<std::string>() : "";
      std::transform(h.begin(), h.end(), h.begin(),
                     [](char c) { return c >= 'A' && c <= 'F' ? static_cast<char>(c + 32) : c; });
      if (IsContentHash(h)) {
        t.content_hash = h;
      } else {
        Warn(JoinPath(path, "schema:sha256"), "not a SHA-256 hash (64 hex digits); ignored");
      }
    }
  } else {
    return Error(path, "not an IRI or a resource but " + KindOf(j));
  }
  // An article known only by its hash is named urn:sha256:<hash>; it needs no separate source.
  const std::string_view prefix = kHashUrnPrefix;
  if (iri.compare(0, prefix.size(), prefix) == 0 && IsContentHash(iri.substr(prefix.size()))) {
    if (t.content_hash.empty()) t.content_hash = iri.substr(prefix.size());
    if (t.content_hash == iri.substr(prefix.size())) iri.clear();
  }
  t.source = iri;
  return true;
}

bool AnnotationReader::ReadSelectors(const json& j, const std::string& path, AnnotationTarget& t) {
  const std::size_t errors_before = errors_.size();
  const bool list = j.is_array();
  json others = json::array();
  bool quote = false, position = false;
  std::string position_path;
  for (std::size_t i = 0; i < (list ? j.size() : 1); ++i) {
    const json& s = list ? j[i] : j;
    const std::string p = list ? IndexPath(path, i) : path;
    if (s.is_string()) {
      if (std::optional<std::string> uri = ToUri(s.get<std::string>())) {
        others.push_back(*uri);
      } else {
        Warn(p, "a string that is not an IRI is not a selector; dropped");
      }
      continue;
    }
    if (!s.is_object()) {
      Warn(p, "not a selector but " + KindOf(s) + "; dropped");
      continue;
    }
    const std::string type = SelectorType(s);
    if (type == "TextQuoteSelector" && !quote) {
      quote = true;
      const auto exact = s.find("exact");
      if (exact == s.end()) {
        Error(JoinPath(p, "exact"), "missing: no quote");
      } else if (!exact->is_string()) {
        Error(JoinPath(p, "exact"), "not a string");
      } else if (exact->get<std::string>().empty()) {
        Error(JoinPath(p, "exact"), "empty: no quote");
      } else {
        t.exact = exact->get<std::string>();
      }
      for (const char* key : {"prefix", "suffix"}) {
        const auto it = s.find(key);
        if (it == s.end()) continue;
        if (!it->is_string()) {
          Error(JoinPath(p, key), "not a string");
        } else {
          (key[0] == 'p' ? t.prefix : t.suffix) = it->get<std::string>();
        }
      }
    } else if (type == "TextPositionSelector" && !position) {
      position = true;
      position_path = p;
      ReadPosition(s, p, t);
    } else if (type == "TextPositionSelector") {
      // Kept, a second position would be read as the position once the first is dropped (below),
      // and the annotation would change from one read to the next.
      Warn(p, "a second TextPositionSelector; dropped");
    } else if (std::string why; KnownSelector(s, why)) {
      others.push_back(s);
    } else {
      Warn(p, "a selector Lectern cannot pass on (" + why + "); dropped");
    }
  }
  if (!quote) Error(path, "no TextQuoteSelector");
  if (errors_.size() > errors_before) return false;
  if (t.has_position && t.end - t.start != CodePointCount(t.exact)) {
    // The two selectors disagree; the quote is what anchoring trusts, so the position goes.
    Warn(position_path, "spans " + std::to_string(t.end - t.start) +
                            " code points but the quote has " +
                            std::to_string(CodePointCount(t.exact)) + "; position dropped");
    t.has_position = false;
    t.start = t.end = 0;
  }
  if (!others.empty()) t.other_selectors_json = DumpJson(others);
  return true;
}

bool AnnotationReader::ReadPosition(const json& s, const std::string& p, AnnotationTarget& t) {
  std::size_t values[2] = {0, 0};
  const char* keys[2] = {"start", "end"};
  bool ok = true;
  for (int k = 0; k < 2; ++k) {
    const auto it = s.find(keys[k]);
    const std::string kp = JoinPath(p, keys[k]);
    if (it == s.end()) {
      ok = Error(kp, "missing");
      continue;
    }
    const std::optional<long double> n = WholeNumber(*it);
    if (!n) {
      ok = Error(kp, "not a whole number");
    } else if (*n < 0) {
      ok = Error(kp, "negative: out of range");
    } else if (*n > static_cast<long double>(kMaxAnnotationOffset)) {
      ok = Error(kp, "out of range (over " + std::to_string(kMaxAnnotationOffset) +
                         " code points, more than an article may have)");
    } else {
      values[k] = static_cast<std::size_t>(*n);
    }
  }
  if (!ok) return false;
  if (values[0] > values[1]) {
    return Error(p, "inverted: start " + std::to_string(values[0]) + " is after end " +
                        std::to_string(values[1]));
  }
  t.has_position = true;
  t.start = values[0];
  t.end = values[1];
  return true;
}

bool AnnotationReader::ReadBodies(const json& j, const std::string& path, Annotation& a,
                                  json& others) {
  const std::size_t errors_before = errors_.size();
  const bool list = j.is_array();
  for (std::size_t i = 0; i < (list ? j.size() : 1); ++i) {
    const json& b = list ? j[i] : j;
    const std::string p = list ? IndexPath(path, i) : path;
    if (b.is_string()) {
      if (std::optional<std::string> uri = ToUri(b.get<std::string>())) {
        others.push_back(*uri);
      } else {
        Error(p, "a string body must be an IRI");
      }
    } else if (b.is_object() && b.contains("value")) {
      ReadTextualBody(b, p, a, others);
    } else if (CheckResource(b, p, 0)) {
      json kept = b;
      if (kept.is_object() && kept.contains("id") && kept["id"].is_string()) {
        if (std::optional<std::string> uri = ToUri(kept["id"].get<std::string>()))
          kept["id"] = *uri;
      }
      others.push_back(std::move(kept));
    }
  }
  return errors_.size() == errors_before;
}

bool AnnotationReader::ReadTextualBody(const json& b, const std::string& p, Annotation& a,
                                       json& others) {
  const json& value = b["value"];
  if (!value.is_string()) return Error(JoinPath(p, "value"), "not a string");
  std::set<std::string> purposes;
  if (const auto it = b.find("purpose"); it != b.end()) {
    if (it->is_string()) purposes.insert(it->get<std::string>());
    if (it->is_array()) {
      for (const json& v : *it) {
        if (v.is_string()) purposes.insert(v.get<std::string>());
      }
    }
  }
  const std::string text = value.get<std::string>();
  if (purposes.count("tagging")) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      Warn(JoinPath(p, "value"), "an empty tag; dropped");
      return true;
    }
    AnnotationTag tag{text, ""};
    if (const auto color = b.find("schema:color"); color != b.end()) {
      std::optional<std::string> c =
          color->is_string() ? NormaliseColor(color->get<std::string>()) : std::nullopt;
      if (c) {
        tag.color = *c;
      } else {
        Warn(JoinPath(p, "schema:color"), "not a colour (#rrggbb); dropped");
      }
    }
    const auto same = std::find_if(a.tags.begin(), a.tags.end(),
                                   [&](const AnnotationTag& t) { return t.name == tag.name; });
    if (same == a.tags.end()) {
      a.tags.push_back(std::move(tag));
    } else if (same->color.empty()) {
      same->color = tag.color;
    }
    return true;
  }
  const std::string format = b.contains("format") && b["format"].is_string()
                                 ? b["format"].get<std::string>()
                                 : (b.contains("format") ? "?" : "text/plain");
  const bool comment = purposes.empty() || purposes.count("commenting");
  const bool readable = format == "text/plain" || format == "text/markdown";
  if (comment && readable && a.note.empty() && !text.empty()) {
    a.note = text;
    a.note_format = format;
    return true;
  }
  others.push_back(b);  // a reply, a description, an HTML note, a second comment: kept as it came
  return true;
}

bool AnnotationReader::CheckResource(const json& j, const std::string& path, int depth) {
  if (depth > 8) return Error(path, "nested too deeply");
  if (j.is_string()) {
    return ToUri(j.get<std::string>()) ? true : Error(path, "a string body must be an IRI");
  }
  if (!j.is_object()) return Error(path, "not a body but " + KindOf(j));
  if (j.contains("value")) {
    return j["value"].is_string() ? true : Error(JoinPath(path, "value"), "not a string");
  }
  if (j.contains("items")) {
    static const std::set<std::string> kSets = {"Choice", "Composite", "List", "Independents"};
    const json& items = j["items"];
    if (!j.contains("type") || !j["type"].is_string() ||
        !kSets.count(j["type"].get<std::string>())) {
      return Error(JoinPath(path, "type"),
                   "items need a type Choice, Composite, List or Independents");
    }
    if (!items.is_array() || items.empty()) return Error(JoinPath(path, "items"), "not a list");
    bool ok = true;
    for (std::size_t i = 0; i < items.size(); ++i) {
      ok = CheckResource(items[i], IndexPath(JoinPath(path, "items"), i), depth + 1) && ok;
    }
    return ok;
  }
  if (j.contains("source")) {
    const json& s = j["source"];
    const bool iri = s.is_string() && ToUri(s.get<std::string>());
    const bool resource = s.is_object() && s.contains("id") && s["id"].is_string() &&
                          ToUri(s["id"].get<std::string>()) && !s.contains("value") &&
                          !s.contains("source");
    if (!iri && !resource) return Error(JoinPath(path, "source"), "not an IRI or a resource");
    for (const char* key : {"purpose", "selector", "state", "styleClass", "renderedVia", "scope"}) {
      if (j.contains(key)) return true;
    }
    return Error(path,
                 "a Specific Resource needs a purpose, selector, state, styleClass, "
                 "renderedVia or scope");
  }
  if (j.contains("id")) {
    return j["id"].is_string() && ToUri(j["id"].get<std::string>())
               ? true
               : Error(JoinPath(path, "id"), "not an IRI");
  }
  return Error(path, "not a body the W3C model recognises (no value, id, source or items)");
}

void AnnotationReader::ReadCreator(const json& j, const std::string& path, AnnotationAgent& agent) {
  if (j.is_array()) {
    if (j.empty()) return;
    if (j.size() > 1) Warn(path, "several creators: only the first is kept");
    ReadCreator(j[0], IndexPath(path, 0), agent);
    return;
  }
  if (j.is_string()) {
    // The model wants an IRI or an object; a bare name is still better kept than dropped.
    std::optional<std::string> uri = ToUri(j.get<std::string>());
    (uri ? agent.id : agent.name) = uri ? *uri : j.get<std::string>();
    return;
  }
  if (!j.is_object()) {
    Warn(path, "not a creator but " + KindOf(j) + "; dropped");
    return;
  }
  if (const auto id = j.find("id"); id != j.end()) {
    std::optional<std::string> uri = id->is_string() ? ToUri(id->get<std::string>()) : std::nullopt;
    if (uri) {
      agent.id = *uri;
    } else {
      Warn(JoinPath(path, "id"), "not an IRI; dropped");
    }
  }
  for (const char* key : {"name", "nickname"}) {
    const auto it = j.find(key);
    if (it == j.end()) continue;
    const json& v = it->is_array() && !it->empty() ? (*it)[0] : *it;
    if (v.is_string()) {
      agent.name = v.get<std::string>();
      break;
    }
  }
}

}  // namespace lectern
