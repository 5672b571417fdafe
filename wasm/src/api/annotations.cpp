// The JSON functions a page calls to make and check annotations: describeRange, create, check.
#include "lectern/annotations.h"

#include <algorithm>
#include <stdexcept>

#include "lectern/anchoring.h"
#include "lectern/api.h"
#include "shared.h"

namespace lectern {
namespace {

using json = nlohmann::json;

std::string Text(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (!it->is_string()) throw std::invalid_argument(std::string(key) + " is not a string");
  return it->get<std::string>();
}

double Number(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number()) {
    throw std::invalid_argument(std::string(key) + " is missing or not a number");
  }
  return it->get<double>();
}

// A bare UUID (what crypto.randomUUID() gives) becomes a urn:uuid; anything else must be an IRI.
std::string AnnotationId(const std::string& id) {
  const bool bare_uuid =
      id.size() == 36 && id.find_first_not_of("0123456789abcdefABCDEF-") == std::string::npos;
  const std::optional<std::string> iri = ToUri(bare_uuid ? "urn:uuid:" + id : id);
  if (!iri) throw std::invalid_argument("id is not an IRI or a UUID");
  return *iri;
}

std::vector<AnnotationTag> Tags(const json& request) {
  std::vector<AnnotationTag> tags;
  const auto it = request.find("tags");
  if (it == request.end() || it->is_null()) return tags;
  if (!it->is_array()) throw std::invalid_argument("tags is not an array");
  for (const json& t : *it) {
    AnnotationTag tag;
    if (t.is_string()) {
      tag.name = t.get<std::string>();
    } else if (t.is_object()) {
      tag.name = Text(t, "name");
      const std::string color = Text(t, "color");
      if (!color.empty()) {
        const std::optional<std::string> c = NormaliseColor(color);
        if (!c) throw std::invalid_argument("tag colour '" + color + "' is not #rrggbb");
        tag.color = *c;
      }
    } else {
      throw std::invalid_argument("a tag is neither a name nor {name, color}");
    }
    if (tag.name.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    const bool seen = std::any_of(tags.begin(), tags.end(),
                                  [&](const AnnotationTag& o) { return o.name == tag.name; });
    if (!seen) tags.push_back(std::move(tag));
  }
  return tags;
}

std::string Time(const json& request, const char* key) {
  const std::string text = Text(request, key);
  if (text.empty()) return "";
  const std::optional<UtcTime> t = ParseUtcTime(text);
  if (!t) throw std::invalid_argument(std::string(key) + " is not an ISO 8601 date-time");
  return t->text;
}

// A request that does not parse, said for the person whose words are in it: a lone surrogate
// comes from a tag or note cut in the middle of an emoji (JSON.stringify writes it as "\ud800").
std::string RequestError(const json::parse_error& e) {
  if (std::string(e.what()).find("surrogate") != std::string::npos) {
    return "A tag or the note holds half of a character (a broken emoji or symbol, as a cut or "
           "pasted text may leave): remove it and try again.";
  }
  return "The annotation request is not valid JSON (near byte " + std::to_string(e.byte) + ").";
}

}  // namespace

std::string DescribeRangeJson(std::string_view text, double start, double end,
                              std::string_view offset_unit) {
  try {
    const PageUnit unit = ParsePageUnit(offset_unit);
    const QuoteSelector q =
        DescribeRange(text, ToCodePoint(text, start, unit), ToCodePoint(text, end, unit));
    if (q.exact.empty()) return ErrorJson("the range is empty: nothing to annotate");
    json quote = {{"type", "TextQuoteSelector"}, {"exact", q.exact}};
    if (!q.prefix.empty()) quote["prefix"] = q.prefix;
    if (!q.suffix.empty()) quote["suffix"] = q.suffix;
    const json position = {{"type", "TextPositionSelector"}, {"start", q.start}, {"end", q.end}};
    return DumpJson({{"selector", json::array({quote, position})},
                     {"start", FromCodePoint(text, q.start, unit)},
                     {"end", FromCodePoint(text, q.end, unit)},
                     {"offsetUnit", PageUnitName(unit)}});
  } catch (const std::exception& e) {
    return ErrorJson(e.what());
  }
}

std::string CreateAnnotationJson(std::string_view request_json) {
  try {
    const json request = json::parse(request_json);
    if (!request.is_object()) return ErrorJson("the request is not a JSON object");
    const std::string body = Text(request, "body");
    const PageUnit unit = ParsePageUnit(Text(request, "offsetUnit"));
    Annotation a;
    a.target = TargetForRange(body, ToCodePoint(body, Number(request, "start"), unit),
                              ToCodePoint(body, Number(request, "end"), unit), Text(request, "url"),
                              Text(request, "title"));
    if (a.target.exact.empty()) return ErrorJson("the range is empty: nothing to annotate");
    a.tags = Tags(request);
    a.note = Text(request, "note");
    a.note_format = Text(request, "noteFormat");
    if (a.note_format.empty()) a.note_format = "text/plain";
    if (a.note_format != "text/plain" && a.note_format != "text/markdown") {
      return ErrorJson("noteFormat must be text/plain or text/markdown");
    }
    if (const auto creator = request.find("creator"); creator != request.end()) {
      if (!creator->is_object()) return ErrorJson("creator is not an object");
      const std::string id = Text(*creator, "id");
      if (!id.empty()) {
        const std::optional<std::string> iri = ToUri(id);
        if (!iri) return ErrorJson("creator.id is not an IRI");
        a.creator.id = *iri;
      }
      a.creator.name = Text(*creator, "name");
    }
    a.created = Time(request, "created");
    a.modified = Time(request, "modified");
    if (a.created.empty()) a.created = a.modified;
    if (a.modified.empty()) a.modified = a.created;
    const std::string id = Text(request, "id");
    a.id = !id.empty() ? AnnotationId(id) : ContentBasedId(a);
    return DumpJson({{"annotation", json::parse(AnnotationToJson(a))}});
  } catch (const json::parse_error& e) {
    return ErrorJson(RequestError(e));
  } catch (const std::exception& e) {
    return ErrorJson(e.what());
  }
}

std::string CheckAnnotationsJson(std::string_view text) {
  try {
    const AnnotationParseResult r = ParseAnnotations(text);
    return DumpJson({{"container", r.container},
                     {"annotations", AnnotationsArrayJson(r.annotations)},
                     {"errors", ProblemsJson(r.errors)},
                     {"warnings", ProblemsJson(r.warnings)}});
  } catch (const std::exception& e) {
    return ErrorJson(e.what());
  }
}

}  // namespace lectern
