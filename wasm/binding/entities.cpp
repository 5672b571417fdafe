// entities / findEntities / entityIndex for the page (lectern/api.h: EntitiesJson,
// EntityIndexJson).
#include <emscripten/bind.h>

#include <string>

#include "guard.h"
#include "lectern/api.h"

namespace {

// entities(text, optionsJson) -> [{start, end, type, text, entity, value?}] or {error}.
// options: {date?: "YYYY-MM-DD", offsetUnit?: "utf16" (default) | "codepoint" | "utf8"}.
std::string EntitiesJs(const std::string& text, const std::string& options) {
  return lectern::binding::Guard([&] { return lectern::EntitiesJson(text, options); },
                                 lectern::binding::InternalError);
}

// entityIndex(articlesJson, editsJson) -> [{entity, name, type, articles, mentions, outlets,
// first?, last?}] or {error}. articles: [{id, source?, date?: "YYYY-MM-DD", text}] (text: the
// article's body) or [{id, source?, date?, entities: [{type, text, entity}]}]; edits: "" or
// {merge?: [[id, ...]], split?: [{entity, articles, as}], alias?:
// [{text, entity}]}.
std::string EntityIndexJs(const std::string& articles, const std::string& edits) {
  return lectern::binding::Guard([&] { return lectern::EntityIndexJson(articles, edits); },
                                 lectern::binding::InternalError);
}

// resolveEntities(articlesJson, editsJson) -> [[id per mention] per article] or {error}.
std::string ResolveEntitiesJs(const std::string& articles, const std::string& edits) {
  return lectern::binding::Guard([&] { return lectern::ResolveEntitiesJson(articles, edits); },
                                 lectern::binding::InternalError);
}

}  // namespace

EMSCRIPTEN_BINDINGS(lectern_entities) {
  emscripten::function("entities", &EntitiesJs);
  emscripten::function("findEntities", &EntitiesJs);  // the name issue 9 gives the page
  emscripten::function("entityIndex", &EntityIndexJs);
  emscripten::function("resolveEntities", &ResolveEntitiesJs);
}
