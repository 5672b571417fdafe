// The collection's entity index as JSON, and the user's entity edits read from JSON.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "lectern/api.h"
#include "lectern/entities.h"
#include "shared.h"

namespace lectern {
namespace {

using json = nlohmann::json;

const json& Member(const json& o, const char* key, json::value_t type, const std::string& where) {
  static const json kNull;
  const auto it = o.find(key);
  if (it == o.end()) return kNull;
  if (it->type() != type) {
    throw std::invalid_argument(where + "." + key + " has the wrong type");
  }
  return *it;
}

std::string String(const json& o, const char* key, const std::string& where) {
  const json& v = Member(o, key, json::value_t::string, where);
  return v.is_null() ? std::string() : v.get<std::string>();
}

std::vector<std::string> Strings(const json& v, const std::string& where) {
  if (!v.is_array()) throw std::invalid_argument(where + " is not an array of strings");
  std::vector<std::string> out;
  for (const json& s : v) {
    if (!s.is_string()) throw std::invalid_argument(where + " is not an array of strings");
    out.push_back(s.get<std::string>());
  }
  return out;
}

// "name[i]", having checked that list[i] is an object.
std::string ObjectAt(const json& list, std::size_t i, const char* name) {
  const std::string where = std::string(name) + "[" + std::to_string(i) + "]";
  if (!list[i].is_object()) throw std::invalid_argument(where + " is not an object");
  return where;
}

json Parse(std::string_view text, const char* what) {
  try {
    return json::parse(text);
  } catch (const json::exception& e) {
    throw std::invalid_argument(std::string(what) + " are not JSON: " + e.what());
  }
}

}  // namespace

std::string EntityIndexToJson(const std::vector<IndexedEntity>& index) {
  json out = json::array();
  for (const IndexedEntity& e : index) {
    json item = {{"entity", e.entity},     {"name", e.name},         {"type", e.type},
                 {"articles", e.articles}, {"mentions", e.mentions}, {"outlets", e.outlets}};
    if (!e.first.empty()) item["first"] = e.first;
    if (!e.last.empty()) item["last"] = e.last;
    if (!e.linked.empty()) item["linked"] = e.linked;
    out.push_back(std::move(item));
  }
  return DumpJson(out);
}

EntityEdits ParseEntityEdits(std::string_view edits_json) {
  EntityEdits edits;
  if (edits_json.empty()) return edits;
  const json o = Parse(edits_json, "entity edits");
  if (!o.is_object()) throw std::invalid_argument("entity edits are not a JSON object");
  const json& merge = Member(o, "merge", json::value_t::array, "edits");
  for (std::size_t i = 0; i < merge.size(); ++i) {
    edits.merge.push_back(Strings(merge[i], "edits.merge[" + std::to_string(i) + "]"));
  }
  const json& split = Member(o, "split", json::value_t::array, "edits");
  for (std::size_t i = 0; i < split.size(); ++i) {
    const std::string where = ObjectAt(split, i, "edits.split");
    EntitySplit s;
    s.entity = String(split[i], "entity", where);
    s.as = String(split[i], "as", where);
    const json& ids = Member(split[i], "articles", json::value_t::array, where);
    if (!ids.is_null()) s.articles = Strings(ids, where + ".articles");
    edits.split.push_back(std::move(s));
  }
  const json& alias = Member(o, "alias", json::value_t::array, "edits");
  for (std::size_t i = 0; i < alias.size(); ++i) {
    const std::string where = ObjectAt(alias, i, "edits.alias");
    edits.alias.push_back({String(alias[i], "text", where), String(alias[i], "entity", where)});
  }
  return edits;
}

namespace {

// Stored mentions [{type, text, entity}] (offsets and values are not needed by the index).
std::vector<EntityMention> StoredMentions(const json& list, const std::string& where) {
  std::vector<EntityMention> mentions;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = ObjectAt(list, i, (where + ".entities").c_str());
    EntityMention m;
    m.type = String(list[i], "type", at);
    m.text = String(list[i], "text", at);
    m.entity = String(list[i], "entity", at);
    mentions.push_back(std::move(m));
  }
  return mentions;
}

// The articles of EntityIndexJson / ResolveEntitiesJson, each with its mentions.
std::vector<EntityArticle> ReadEntityArticles(std::string_view articles_json) {
  const json list = Parse(articles_json, "articles");
  if (!list.is_array()) throw std::invalid_argument("articles are not a JSON array");
  std::vector<EntityArticle> articles;
  articles.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string where = ObjectAt(list, i, "articles");
    EntityArticle a;
    a.id = String(list[i], "id", where);
    a.source = String(list[i], "source", where);
    a.date = String(list[i], "date", where);
    const json& stored = Member(list[i], "entities", json::value_t::array, where);
    if (!stored.is_null()) {
      a.mentions = StoredMentions(stored, where);
    } else {
      EntityOptions options;
      options.date = a.date;
      a.mentions = FindEntities(String(list[i], "text", where), options);
    }
    articles.push_back(std::move(a));
  }
  return articles;
}

}  // namespace

std::string EntityIndexJson(std::string_view articles_json, std::string_view edits_json) {
  try {
    const EntityEdits edits = ParseEntityEdits(edits_json);
    return EntityIndexToJson(BuildEntityIndex(ReadEntityArticles(articles_json), edits));
  } catch (const std::exception& e) {
    return ErrorJson(e.what());
  }
}

std::string ResolveEntitiesJson(std::string_view articles_json, std::string_view edits_json) {
  try {
    const EntityEditor editor(ParseEntityEdits(edits_json));
    json out = json::array();
    for (const EntityArticle& a : ReadEntityArticles(articles_json)) {
      json ids = json::array();
      for (const EntityMention& m : a.mentions) ids.push_back(editor.Resolve(a.id, m));
      out.push_back(std::move(ids));
    }
    return DumpJson(out);
  } catch (const std::exception& e) {
    return ErrorJson(e.what());
  }
}

}  // namespace lectern
