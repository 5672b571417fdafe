#include "json.h"

#include "util.h"

namespace lectern {
namespace {

using json = nlohmann::json;

json TargetJson(const AnnotationTarget& t) {
  json source = {{"id", SourceIri(t)}, {"type", "Text"}};
  if (!t.title.empty()) source["dc:title"] = t.title;
  if (!t.content_hash.empty()) source["schema:sha256"] = t.content_hash;
  json quote = {{"type", "TextQuoteSelector"}, {"exact", t.exact}};
  if (!t.prefix.empty()) quote["prefix"] = t.prefix;
  if (!t.suffix.empty()) quote["suffix"] = t.suffix;
  json selectors = json::array({std::move(quote)});
  if (t.has_position) {
    selectors.push_back({{"type", "TextPositionSelector"}, {"start", t.start}, {"end", t.end}});
  }
  if (!t.other_selectors_json.empty()) {
    for (json& s : json::parse(t.other_selectors_json)) selectors.push_back(std::move(s));
  }
  return {{"source", std::move(source)}, {"selector", std::move(selectors)}};
}

json BodiesJson(const Annotation& a) {
  json bodies = json::array();
  for (const AnnotationTag& tag : a.tags) {
    json body = {{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", tag.name}};
    if (!tag.color.empty()) body["schema:color"] = tag.color;
    bodies.push_back(std::move(body));
  }
  if (!a.note.empty()) {
    bodies.push_back({{"type", "TextualBody"},
                      {"purpose", "commenting"},
                      {"value", a.note},
                      {"format", a.note_format.empty() ? "text/plain" : a.note_format}});
  }
  if (!a.other_bodies_json.empty()) {
    for (json& b : json::parse(a.other_bodies_json)) bodies.push_back(std::move(b));
  }
  return bodies;
}

}  // namespace

std::string SourceIri(const AnnotationTarget& t) {
  if (!t.source.empty()) return t.source;
  return kHashUrnPrefix + t.content_hash;
}

json AnnotationJsonValue(const Annotation& a, bool nested) {
  json out = json::object();
  if (!a.other_properties_json.empty()) out = json::parse(a.other_properties_json);
  if (!nested) {
    out["@context"] = a.conflicts.empty()
                          ? json(kAnnoContext)
                          : json::array({kAnnoContext, {{"lectern", kLecternNamespace}}});
    out["id"] = a.id;
  }
  out["type"] = "Annotation";
  // A Lectern annotation highlights a passage; its bodies say what for (tagging, commenting).
  if (!out.contains("motivation")) out["motivation"] = "highlighting";
  if (!a.created.empty()) out["created"] = a.created;
  if (!a.modified.empty()) out["modified"] = a.modified;
  if (!a.creator.id.empty() || !a.creator.name.empty()) {
    json creator = {{"type", "Person"}};
    if (!a.creator.id.empty()) creator["id"] = a.creator.id;
    if (!a.creator.name.empty()) creator["name"] = a.creator.name;
    out["creator"] = std::move(creator);
  }
  json bodies = BodiesJson(a);
  if (!bodies.empty()) out["body"] = std::move(bodies);
  out["target"] = TargetJson(a.target);
  if (!nested && !a.conflicts.empty()) {
    json versions = json::array();
    for (const Annotation& v : a.conflicts) versions.push_back(AnnotationJsonValue(v, true));
    out[kConflictsKey] = std::move(versions);
  }
  return out;
}

std::string CanonicalContent(const Annotation& a) {
  Annotation bare = a;
  bare.conflicts.clear();
  json j = AnnotationJsonValue(bare, true);
  j["id"] = a.id;
  return DumpJson(j);
}

std::string ContentBasedId(const Annotation& annotation) {
  return NameBasedUrnUuid("lectern:annotation\n" + CanonicalContent(annotation));
}

std::string DumpJson(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string AnnotationToJson(const Annotation& annotation) {
  return DumpJson(AnnotationJsonValue(annotation));
}

std::string AnnotationProblem::ToString() const {
  return path.empty() ? message : path + ": " + message;
}

}  // namespace lectern
