// "President Xi Jinping": a capitalised name right after a title is a person.
#ifndef LECTERN_ENTITIES_TITLES_H_
#define LECTERN_ENTITIES_TITLES_H_

#include <string_view>
#include <vector>

#include "lectern/text.h"
#include "link.h"

namespace lectern::entities {

/// Adds a PER mention for each run of one to three capitalised words that directly follows a
/// title ("President", "Minister", "Mr.", ...) and that the tagger left untagged: names it has
/// never seen ("Xi Jinping") still read as people there. `mentions` stay sorted and without
/// overlaps. Linear in the tokens.
void AddTitledPeople(std::string_view text, const std::vector<Span>& tokens,
                     std::vector<Mention>* mentions);

}  // namespace lectern::entities

#endif  // LECTERN_ENTITIES_TITLES_H_
