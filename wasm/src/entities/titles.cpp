#include "titles.h"

#include <array>

#include "tag_features.h"

namespace lectern::entities {
namespace {

constexpr std::size_t kLongestName = 3;

bool IsTitle(std::string_view lower) {
  static constexpr std::array<std::string_view, 22> kTitles = {
      "president", "minister",    "premier",    "chancellor", "mr.",  "mrs.",
      "ms.",       "dr.",         "prof.",      "sen.",       "rep.", "gov.",
      "senator",   "governor",    "king",       "queen",      "pope", "secretary",
      "spokesman", "spokeswoman", "ambassador", "mayor"};
  for (std::string_view t : kTitles) {
    if (lower == t) return true;
  }
  return false;
}

bool Capitalised(std::string_view w) {
  if (w.size() < 2 || w[0] < 'A' || w[0] > 'Z') return false;
  for (char c : w) {  // a name, not an acronym or a shouted word
    if (c >= 'a' && c <= 'z') return true;
  }
  return false;
}

}  // namespace

void AddTitledPeople(std::string_view text, const std::vector<Span>& tokens,
                     std::vector<Mention>* mentions) {
  const auto word = [&](std::size_t i) {
    return text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
  };
  std::vector<Mention> out;
  std::size_t next = 0;
  for (std::size_t i = 0; i < tokens.size();) {
    if (next < mentions->size() && (*mentions)[next].first == i) {
      i = (*mentions)[next].last;
      out.push_back(std::move((*mentions)[next++]));
      continue;
    }
    const std::size_t stop = next < mentions->size() ? (*mentions)[next].first : tokens.size();
    // The cheap test first: most words are followed by no capitalised one.
    if (i + 1 < stop && Capitalised(word(i + 1)) && IsTitle(AsciiLower(word(i)))) {
      std::size_t end = i + 1;
      while (end < stop && end - i <= kLongestName && Capitalised(word(end))) ++end;
      // The run must end the name: a capitalised word beyond the limit means it is something else.
      if (end - i - 1 <= kLongestName && (end == stop || !Capitalised(word(end)))) {
        out.push_back({i + 1, end, "PER", ""});
        i = end;
        continue;
      }
    }
    ++i;
  }
  *mentions = std::move(out);
}

}  // namespace lectern::entities
