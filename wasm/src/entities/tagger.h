// The statistical part: PER/ORG/LOC mentions of one sentence's tokens.
#ifndef LECTERN_ENTITIES_TAGGER_H_
#define LECTERN_ENTITIES_TAGGER_H_

#include <string_view>
#include <vector>

#include "lectern/text.h"
#include "link.h"
#include "model.h"

namespace lectern::entities {

/// The BIO tags `model` gives the tokens `tokens[first, last)` of `text` (one sentence), and
/// whether the sentence is all capitals.
std::vector<int> TagSentence(const Model& model, std::string_view text,
                             const std::vector<Span>& tokens, std::size_t first, std::size_t last,
                             bool* all_caps);

/// Mentions from BIO `tags` of tokens starting at `offset`, appended to `out`.
void MentionsFromTags(const std::vector<int>& tags, std::size_t offset, std::vector<Mention>* out);

}  // namespace lectern::entities

#endif  // LECTERN_ENTITIES_TAGGER_H_
