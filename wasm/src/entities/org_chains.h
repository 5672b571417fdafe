// "Office of the Central Commission for Foreign Affairs": organisation names built with "of".
#ifndef LECTERN_ENTITIES_ORG_CHAINS_H_
#define LECTERN_ENTITIES_ORG_CHAINS_H_

#include <string_view>
#include <vector>

#include "lectern/text.h"
#include "link.h"

namespace lectern::entities {

/// Extends each ORG mention that follows "of" or "of the" leftwards over a run of capitalised
/// words ending in an organisation's head noun ("Office", "Ministry", "Bureau", "Bank", ...), so
/// "the Office of the Central Commission" is one organisation rather than "Central Commission".
/// The tagger learnt such names from little news; the head noun keeps "Chairman of the Board"
/// out. `mentions` stay sorted and without overlaps. Linear in the mentions.
void ExtendOrganisations(std::string_view text, const std::vector<Span>& tokens,
                         std::vector<Mention>* mentions);

}  // namespace lectern::entities

#endif  // LECTERN_ENTITIES_ORG_CHAINS_H_
