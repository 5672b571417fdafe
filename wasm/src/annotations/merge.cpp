// Merging a colleague's annotations into mine: one annotation per id, every distinct version kept.
#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "json.h"
#include "util.h"

namespace lectern {
namespace {

// All versions of one id seen on either side, keyed by their canonical content.
struct Group {
  std::map<std::string, Annotation> versions;
  std::set<std::string> mine, incoming;  // the contents each side had
};

std::int64_t TimeOf(const Annotation& a) {
  const std::string& t = a.modified.empty() ? a.created : a.modified;
  const std::optional<UtcTime> parsed = ParseUtcTime(t);
  return parsed ? parsed->millis : std::numeric_limits<std::int64_t>::min();
}

void Add(const Annotation& a, bool incoming, std::map<std::string, Group>& groups) {
  Group& g = groups[a.id];
  auto add_version = [&](const Annotation& v) {
    Annotation bare = v;
    bare.id = a.id;
    bare.conflicts.clear();
    std::string content = CanonicalContent(bare);
    (incoming ? g.incoming : g.mine).insert(content);
    g.versions.emplace(std::move(content), std::move(bare));
  };
  add_version(a);
  for (const Annotation& v : a.conflicts) add_version(v);
}

std::string ArticleKey(const Annotation& a) {
  return a.target.content_hash.empty() ? a.target.source : a.target.content_hash;
}

}  // namespace

AnnotationMergeResult MergeAnnotations(const std::vector<Annotation>& mine,
                                       const std::vector<Annotation>& incoming) {
  std::map<std::string, Group> groups;
  for (const Annotation& a : mine) Add(a, false, groups);
  for (const Annotation& a : incoming) Add(a, true, groups);

  AnnotationMergeResult out;
  std::set<std::pair<std::string, std::string>> authors;
  for (auto& [id, g] : groups) {
    std::vector<std::pair<std::string, Annotation*>> versions;
    for (auto& [content, v] : g.versions) {
      versions.emplace_back(content, &v);
      if (!v.creator.id.empty() || !v.creator.name.empty()) {
        authors.emplace(v.creator.name, v.creator.id);
      }
    }
    // Newest first; equal times fall back on the content, so neither side's order matters.
    std::sort(versions.begin(), versions.end(), [](const auto& x, const auto& y) {
      const std::int64_t tx = TimeOf(*x.second), ty = TimeOf(*y.second);
      return tx != ty ? tx > ty : x.first > y.first;
    });
    Annotation merged = *versions.front().second;
    for (std::size_t i = 1; i < versions.size(); ++i) {
      merged.conflicts.push_back(*versions[i].second);
    }
    out.annotations.push_back(std::move(merged));
    if (g.incoming.empty()) continue;
    if (g.mine.empty()) {
      out.added.push_back(id);
    } else if (std::includes(g.mine.begin(), g.mine.end(), g.incoming.begin(), g.incoming.end())) {
      out.duplicates.push_back(id);
    } else {
      out.conflicts.push_back(id);
    }
  }
  for (const auto& [name, agent_id] : authors) out.authors.push_back({agent_id, name});
  std::stable_sort(
      out.annotations.begin(), out.annotations.end(), [](const Annotation& x, const Annotation& y) {
        const std::string kx = ArticleKey(x), ky = ArticleKey(y);
        if (kx != ky) return kx < ky;
        const std::size_t sx =
            x.target.has_position ? x.target.start : std::numeric_limits<std::size_t>::max();
        const std::size_t sy =
            y.target.has_position ? y.target.start : std::numeric_limits<std::size_t>::max();
        if (sx != sy) return sx < sy;
        return x.id < y.id;
      });
  return out;
}

}  // namespace lectern
