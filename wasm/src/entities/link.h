// Document-level consistency and linking of the tagger's mentions within one article.
#ifndef LECTERN_ENTITIES_LINK_H_
#define LECTERN_ENTITIES_LINK_H_

#include <string>
#include <string_view>
#include <vector>

#include "lectern/text.h"

namespace lectern::entities {

/// A run of tokens the tagger called an entity.
struct Mention {
  std::size_t first = 0, last = 0;  // tokens [first, last)
  std::string type;                 // "PER", "ORG", "LOC"
  std::string entity;               // filled by LinkMentions
};

/// Makes `mentions` (sorted, no overlaps) consistent over the article whose `tokens` (all
/// sentences, in order) are given, with `caps[i]` set for tokens of all-caps sentences:
///  - mentions in all-caps sentences stay only when the same name is found in ordinary text;
///  - a name keeps its majority type everywhere; a word of a two-or-more-word person's name
///    ("Putin" after "Vladimir Putin") is that person;
///  - a capitalised token run equal to a name found elsewhere becomes a mention too;
/// then sets each mention's entity: TYPE ":" the longest form, lower-cased. Linear in the tokens
/// (runs of up to 4 tokens are looked up).
void LinkMentions(std::string_view text, const std::vector<Span>& tokens,
                  const std::vector<bool>& caps, std::vector<Mention>* mentions);

}  // namespace lectern::entities

#endif  // LECTERN_ENTITIES_LINK_H_
