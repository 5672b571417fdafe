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

// Merge groups as a union-find over ids; the root of a group is the first id that named it.
class MergedIds {
 public:
  explicit MergedIds(const std::vector<std::vector<std::string>>& groups) {
    for (const std::vector<std::string>& group : groups) {
      const std::string* head = nullptr;
      for (const std::string& id : group) {
        if (id.empty()) continue;
        if (head == nullptr) {
          head = &id;
          continue;
        }
        const std::string a = Find(*head), b = Find(id);
        if (a != b) parent_[b] = a;
      }
    }
  }
  std::string Find(std::string id) const {
    for (auto it = parent_.find(id); it != parent_.end(); it = parent_.find(id)) id = it->second;
    return id;
  }

 private:
  std::map<std::string, std::string> parent_;
};

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

std::vector<IndexedEntity> BuildEntityIndex(const std::vector<EntityArticle>& articles,
                                            const EntityEdits& edits) {
  const MergedIds merged(edits.merge);
  std::map<std::string, std::string> aliases;  // lower-case text -> id
  for (const EntityAlias& alias : edits.alias) {
    if (!alias.text.empty() && !alias.entity.empty())
      aliases[AsciiLower(alias.text)] = alias.entity;
  }
  std::map<std::string, Tally> tallies;
  for (const EntityArticle& a : articles) {
    for (const EntityMention& m : a.mentions) {
      std::string id = m.entity;
      const auto alias = aliases.find(AsciiLower(m.text));
      if (alias != aliases.end()) id = alias->second;
      for (const EntitySplit& s : edits.split) {
        if (s.as.empty() || s.entity != id) continue;
        if (std::find(s.articles.begin(), s.articles.end(), a.id) != s.articles.end()) id = s.as;
      }
      id = merged.Find(id);
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
