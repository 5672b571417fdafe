#include "link.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "tag_features.h"

namespace lectern::entities {
namespace {

constexpr std::size_t kLongestName = 4;  // tokens: names looked up again in the text

bool StartsUpper(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

struct Names {
  std::string_view text;
  const std::vector<Span>* tokens;
  std::string Lower(std::size_t first, std::size_t last) const {
    const Span& a = (*tokens)[first];
    const Span& b = (*tokens)[last - 1];
    return AsciiLower(text.substr(a.start, b.end - a.start));
  }
  std::string_view Word(std::size_t i) const {
    return text.substr((*tokens)[i].start, (*tokens)[i].end - (*tokens)[i].start);
  }
};

}  // namespace

void LinkMentions(std::string_view text, const std::vector<Span>& tokens,
                  const std::vector<bool>& caps, std::vector<Mention>* mentions) {
  const Names names{text, &tokens};
  // Votes per name from ordinary (not all-caps) text; the first type seen wins ties.
  std::unordered_map<std::string, std::map<std::string, int>> votes;
  std::unordered_map<std::string, std::string> first_type;
  std::unordered_map<std::string, std::string> person_of_word;  // "putin" → "vladimir putin"
  for (const Mention& m : *mentions) {
    if (caps[m.first]) continue;
    const std::string name = names.Lower(m.first, m.last);
    ++votes[name][m.type];
    first_type.emplace(name, m.type);
    if (m.type == "PER" && m.last - m.first >= 2) {
      for (std::size_t i = m.first; i < m.last; ++i) {
        const std::string_view w = names.Word(i);
        if (w.size() < 2 || !StartsUpper(w)) continue;
        std::string& longest = person_of_word[AsciiLower(w)];
        const std::string full = names.Lower(m.first, m.last);
        if (full.size() > longest.size()) longest = full;
      }
    }
  }
  const auto type_of = [&](const std::string& name) -> std::string {
    const auto it = votes.find(name);
    if (it == votes.end()) return "";
    std::string best = first_type[name];
    for (const auto& [type, count] : it->second) {
      if (count > it->second[best]) best = type;
    }
    return best;
  };
  // Keep, relabel, or add.
  std::vector<Mention> out;
  std::size_t next = 0;  // the next tagged mention
  for (std::size_t i = 0; i < tokens.size();) {
    if (next < mentions->size() && (*mentions)[next].first == i) {
      Mention m = (*mentions)[next++];
      const std::string name = names.Lower(m.first, m.last);
      const std::string voted = type_of(name);
      if (m.last - m.first == 1 && person_of_word.count(name) != 0) {
        m.type = "PER";
      } else if (!voted.empty()) {
        m.type = voted;
      } else if (caps[m.first]) {
        i = m.last;
        continue;  // a headline's guess, never confirmed in the text
      }
      i = m.last;
      out.push_back(std::move(m));
      continue;
    }
    // An untagged capitalised run that is a name found elsewhere (longest first).
    bool added = false;
    const std::size_t stop = next < mentions->size() ? (*mentions)[next].first : tokens.size();
    if (StartsUpper(names.Word(i))) {
      for (std::size_t len = std::min(kLongestName, stop - i); len >= 1 && !added; --len) {
        const std::string name = names.Lower(i, i + len);
        std::string type = type_of(name);
        if (len == 1 && person_of_word.count(name) != 0) type = "PER";
        if (type.empty()) continue;
        out.push_back({i, i + len, type, ""});
        i += len;
        added = true;
      }
    }
    if (!added) ++i;
  }
  // Entities: a person's word links to the longest name holding it; others to their own name.
  for (Mention& m : out) {
    std::string name = names.Lower(m.first, m.last);
    if (m.type == "PER" && m.last - m.first == 1) {
      const auto it = person_of_word.find(name);
      if (it != person_of_word.end()) name = it->second;
    }
    m.entity = m.type + ":" + name;
  }
  *mentions = std::move(out);
}

}  // namespace lectern::entities
