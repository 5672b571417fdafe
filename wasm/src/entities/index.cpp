// BuildEntityIndex (lectern/entities.h): mentions keyed by entity id across a collection, after
// the user's edits.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "lectern/entities.h"

namespace lectern {
namespace {

std::string AsciiLower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

struct Tally {
  std::map<std::string, std::size_t> forms, types;
  std::vector<std::string> articles;
  std::set<std::string> outlets;
  std::size_t mentions = 0;
  std::string first, last;
};

std::string Best(const std::map<std::string, std::size_t>& counts, bool longest_first) {
  std::string best;
  std::size_t best_count = 0;
  for (const auto& [form, count] : counts) {  // in key order, so ties keep the smallest
    const bool longer = form.size() > best.size(), same = form.size() == best.size();
    const bool better =
        longest_first ? (longer || (same && count > best_count)) : count > best_count;
    if (best_count == 0 || better) {
      best = form;
      best_count = count;
    }
  }
  return best;
}

void AddArticle(const EntityArticle& a, Tally& t) {
  if (std::find(t.articles.begin(), t.articles.end(), a.id) == t.articles.end()) {
    t.articles.push_back(a.id);
  }
  if (!a.source.empty()) t.outlets.insert(a.source);
  if (!a.date.empty()) {
    if (t.first.empty() || a.date < t.first) t.first = a.date;
    if (t.last.empty() || a.date > t.last) t.last = a.date;
  }
}

}  // namespace

// Merge groups form a union-find forest whose root is the first id that named the group.
EntityEditor::EntityEditor(const EntityEdits& edits) {
  for (const EntityAlias& alias : edits.alias) {
    if (!alias.text.empty() && !alias.entity.empty())
      aliases_[AsciiLower(alias.text)] = alias.entity;
  }
  for (const EntitySplit& split : edits.split) {
    if (!split.as.empty()) splits_.push_back(split);
  }
  const auto root = [this](std::string id) {
    for (auto it = merged_.find(id); it != merged_.end(); it = merged_.find(id)) id = it->second;
    return id;
  };
  for (const std::vector<std::string>& group : edits.merge) {
    const std::string* head = nullptr;
    for (const std::string& id : group) {
      if (id.empty()) continue;
      if (head == nullptr) {
        head = &id;
        continue;
      }
      const std::string a = root(*head), b = root(id);
      if (a != b) merged_[b] = a;
    }
  }
}

std::string EntityEditor::Resolve(const std::string& article_id,
                                  const EntityMention& mention) const {
  std::string id = mention.entity;
  const auto alias = aliases_.find(AsciiLower(mention.text));
  if (alias != aliases_.end()) id = alias->second;
  for (const EntitySplit& s : splits_) {
    if (s.entity != id) continue;
    if (std::find(s.articles.begin(), s.articles.end(), article_id) != s.articles.end()) id = s.as;
  }
  for (auto it = merged_.find(id); it != merged_.end(); it = merged_.find(id)) id = it->second;
  return id;
}

std::map<std::string, std::string> LinkSurnames(const std::set<std::string>& ids) {
  constexpr std::string_view kPerson = "PER:";
  std::map<std::string, std::vector<std::string>> full_names;  // last word -> "PER:first last" ids
  for (const std::string& id : ids) {
    if (id.compare(0, kPerson.size(), kPerson) != 0) continue;
    const std::size_t space = id.rfind(' ');
    if (space == std::string::npos || space + 1 == id.size()) continue;
    full_names[id.substr(space + 1)].push_back(id);
  }
  std::map<std::string, std::string> links;
  for (const std::string& id : ids) {
    if (id.compare(0, kPerson.size(), kPerson) != 0 || id.find(' ') != std::string::npos) continue;
    const auto it = full_names.find(id.substr(kPerson.size()));
    if (it != full_names.end() && it->second.size() == 1) links[id] = it->second.front();
  }
  return links;
}

std::vector<IndexedEntity> BuildEntityIndex(const std::vector<EntityArticle>& articles,
                                            const EntityEdits& edits) {
  const EntityEditor editor(edits);
  std::vector<std::vector<std::string>> edited(articles.size());
  std::set<std::string> ids;
  for (std::size_t k = 0; k < articles.size(); ++k) {
    for (const EntityMention& m : articles[k].mentions) {
      edited[k].push_back(editor.Resolve(articles[k].id, m));
      ids.insert(edited[k].back());
    }
  }
  const std::map<std::string, std::string> links = LinkSurnames(ids);
  std::map<std::string, std::set<std::string>> linked;  // full name id -> surname ids joined to it
  for (const auto& [from, to] : links) linked[to].insert(from);
  std::map<std::string, Tally> tallies;
  for (std::size_t k = 0; k < articles.size(); ++k) {
    const EntityArticle& a = articles[k];
    for (std::size_t i = 0; i < a.mentions.size(); ++i) {
      const EntityMention& m = a.mentions[i];
      std::string id = edited[k][i];
      if (const auto link = links.find(id); link != links.end()) id = link->second;
      if (id.empty()) continue;
      Tally& t = tallies[id];
      ++t.mentions;
      ++t.forms[m.text];
      ++t.types[m.type];
      AddArticle(a, t);
    }
  }
  std::vector<IndexedEntity> index;
  index.reserve(tallies.size());
  for (auto& [id, t] : tallies) {
    IndexedEntity e;
    e.entity = id;
    e.name = Best(t.forms, true);
    e.type = Best(t.types, false);
    e.articles = std::move(t.articles);
    e.mentions = t.mentions;
    e.outlets.assign(t.outlets.begin(), t.outlets.end());
    e.first = t.first;
    e.last = t.last;
    if (const auto it = linked.find(id); it != linked.end())
      e.linked.assign(it->second.begin(), it->second.end());
    index.push_back(std::move(e));
  }
  std::sort(index.begin(), index.end(), [](const IndexedEntity& x, const IndexedEntity& y) {
    if (x.mentions != y.mentions) return x.mentions > y.mentions;
    if (x.name != y.name) return x.name < y.name;
    return x.entity < y.entity;
  });
  return index;
}

}  // namespace lectern
